"""Read the vocabulary sections of a knowledge directory: language, entities, families, intents."""

from __future__ import annotations

from bot.errors import Problem
from bot.knowledge.draft import Draft
from bot.knowledge.fields import Fields, finite_number
from bot.knowledge.files import LineDict
from bot.knowledge.model import Entity, Intent, Language, QuestionType
from bot.understand.normalize import simplify

ENTITY_KINDS = ("person", "organization", "place", "thing", "event", "document", "group")
MESSAGES = ("no_match", "not_covered", "also_covers", "too_long", "unclear_followup", "list_and")


def read_language(draft: Draft) -> Language:
    """The one language section: stopwords, rewrites, question types, messages."""
    records = draft.sections["language"]
    if len(records) != 1:
        where = records[1][1] if len(records) > 1 else None
        draft.problems.append(
            Problem(
                where.file if where else "(knowledge)",
                where.line if where else 0,
                "exactly one 'language' section is needed",
            )
        )
    record = records[0][1] if records else Fields([], "", LineDict(), "language")
    record.only(
        "stopwords",
        "rewrites",
        "pronouns",
        "followup_markers",
        "qtypes",
        "ordinals",
        "number_words",
        "abbreviations",
        "articles",
        "messages",
        "symbols",
    )
    rewrites = record.text_mapping("rewrites")
    messages = record.text_mapping("messages")
    for name in MESSAGES:
        if records and name not in messages:
            record.problem(record.where("messages"), f"language messages is missing {name!r}")
    ordinals = []
    for word, value in record.mapping("ordinals").items():
        if isinstance(value, int) and not isinstance(value, bool):
            ordinals.append((simplify(word), value))
        else:
            record.problem(record.where("ordinals"), f"ordinal {word!r} must be a whole number")
    qtypes = []
    for item in record.data.get("qtypes") or []:
        entry = Fields(record.problems, record.file, item, "qtype")
        entry.only("id", "cues", "strict")
        ident = entry.text("id")
        if ident is not None:
            qtypes.append(
                QuestionType(
                    ident, tuple(simplify(c) for c in entry.texts("cues", required=True)), entry.flag("strict")
                )
            )
    return Language(
        stopwords=frozenset(simplify(word) for word in record.texts("stopwords")),
        rewrites=tuple((simplify(k), simplify(v)) for k, v in rewrites.items()),
        pronouns=tuple((simplify(k), v) for k, v in record.text_mapping("pronouns").items()),
        followup_markers=tuple(simplify(m) for m in record.texts("followup_markers")),
        qtypes=tuple(qtypes),
        ordinals=tuple(ordinals),
        number_words=tuple(enumerate(record.texts("number_words"))),
        abbreviations=record.texts("abbreviations"),
        articles=tuple(simplify(word) for word in record.texts("articles")),
        messages=tuple(messages.items()),
        symbols=tuple(_symbols(record)),
    )


def _symbols(record: Fields) -> list[tuple[str, str]]:
    symbols = []
    for symbol, word in record.text_mapping("symbols").items():
        if len(symbol) == 1:
            symbols.append((symbol, word.strip()))
        else:
            record.problem(record.where("symbols"), f"symbol {symbol!r} must be a single character")
    return symbols


def read_entities(draft: Draft) -> dict[str, Entity]:
    """Entities with unique ids, valid kinds, aliases that name only one entity, known group members."""
    entities: dict[str, Entity] = {}
    members_of: list[tuple[Fields, str, tuple[str, ...]]] = []
    alias_owner: dict[str, str] = {}
    for _, record in draft.sections["entities"]:
        record.only("id", "name", "kind", "aliases", "members", "backdrop")
        ident, name, kind = record.text("id"), record.text("name"), record.text("kind")
        if kind is not None and kind not in ENTITY_KINDS:
            record.problem(record.where("kind"), f"entity kind {kind!r} is not one of {', '.join(ENTITY_KINDS)}")
        aliases = (name, *record.texts("aliases")) if name else record.texts("aliases")
        members = record.texts("members")
        if not draft.unique("entity", record, ident) or ident is None or name is None:
            continue
        for alias in aliases:
            key = simplify(alias)
            if not key:
                record.problem(record.where("aliases"), f"alias {alias!r} has no letters or digits")
            elif alias_owner.setdefault(key, ident) != ident:
                record.problem(record.where("aliases"), f"alias {alias!r} also names entity {alias_owner[key]!r}")
        members_of.append((record, ident, members))
        entities[ident] = Entity(
            ident, name, kind or "thing", tuple(dict.fromkeys(aliases)), members, record.flag("backdrop")
        )
    for record, _, members in members_of:
        record.check_known("members", members, entities, "member")
    return entities


def read_families(draft: Draft) -> dict[str, tuple[str, ...]]:
    """Word families by id."""
    families: dict[str, tuple[str, ...]] = {}
    for _, record in draft.sections["families"]:
        record.only("id", "words")
        ident = record.text("id")
        words = record.texts("words", required=True)
        if draft.unique("family", record, ident) and ident is not None:
            families[ident] = words
    return families


def read_intents(draft: Draft, families: dict[str, tuple[str, ...]], language: Language) -> dict[str, Intent]:
    """Intents whose families, required families and question types all exist."""
    intents: dict[str, Intent] = {}
    qtype_ids = {q.id for q in language.qtypes}
    for _, record in draft.sections["intents"]:
        record.only(
            "id",
            "families",
            "requires",
            "requires_one_of",
            "qtypes",
            "requires_qtype",
            "topic",
            "min_entities",
            "suggest",
            "bare",
            "kinds",
        )
        ident, topic = record.text("id"), record.text("topic")
        weights: list[tuple[str, float]] = []
        weighted = record.mapping("families", required=True)
        record.check_known("families", weighted, families, "family")
        for family, weight in weighted.items():
            if family not in families:
                continue
            number = finite_number(weight) if isinstance(weight, int | float) and not isinstance(weight, bool) else None
            if number is None or number <= 0:
                message = f"weight of family {family!r} must be a positive, finite number"
                record.problem(record.where("families"), message)
            else:
                weights.append((family, number))
        requires, one_of = record.texts("requires"), record.texts("requires_one_of")
        for key, names in (("requires", requires), ("requires_one_of", one_of)):
            for family in names:
                if family not in dict(weights):
                    record.problem(record.where(key), f"intent {ident!r} requires {family!r}, not among its families")
        qtypes, kinds = record.texts("qtypes"), record.texts("kinds")
        if qtype_ids:  # without question types the language section is reported instead
            record.check_known("qtypes", qtypes, qtype_ids, "qtype")
        record.check_known("kinds", kinds, ENTITY_KINDS, "entity kind")
        min_entities = record.number("min_entities", minimum=0, whole=True)
        if draft.unique("intent", record, ident) and ident is not None:
            intents[ident] = Intent(
                ident,
                tuple(weights),
                requires,
                qtypes,
                record.flag("requires_qtype"),
                topic or ident,
                int(min_entities or 0),
                record.flag("suggest", default=True),
                record.flag("bare"),
                one_of,
                kinds,
            )
    return intents
