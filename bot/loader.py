"""Load a knowledge directory into validated records, reporting every problem at once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.answer import Citation
from bot.consistency import check_consistency
from bot.errors import KnowledgeError, Problem
from bot.fields import Fields
from bot.knowledge import Entity, Fact, Intent, Knowledge, Language, QuestionType, Rule, Source, make_knowledge
from bot.normalize import simplify
from bot.sentences import SentenceIndex, split_sentences
from bot.yamlfile import LineDict, read_text, read_yaml

SECTIONS = ("sources", "language", "entities", "families", "intents", "facts", "rules", "source")
ENTITY_KINDS = ("person", "organization", "place", "thing", "event", "document", "group")
RULE_TEMPLATES = {
    "max": ("answer", "ranked"),
    "min": ("answer",),
    "majority": ("yes", "no", "none"),
    "sum": ("answer",),
    "count": ("answer",),
    "difference": ("answer",),
}
RECORD_NAMES = {
    "sources": "source",
    "entities": "entity",
    "families": "family",
    "intents": "intent",
    "facts": "fact",
    "rules": "rule",
}
MESSAGES = ("no_match", "not_covered", "also_covers", "too_long", "unclear_followup", "list_and")


@dataclass
class _Draft:
    """Everything read so far, with the problems found; turned into Knowledge at the end."""

    problems: list[Problem] = field(default_factory=list)
    sections: dict[str, list[tuple[str, Fields]]] = field(default_factory=lambda: defaultdict(list))
    default_source: dict[str, str] = field(default_factory=dict)
    seen_ids: dict[tuple[str, str], str] = field(default_factory=dict)
    origins: dict[str, tuple[str, int]] = field(default_factory=dict)

    def unique(self, kind: str, record: Fields, ident: str | None) -> bool:
        """Report a duplicate id of one kind; return whether the id is usable."""
        if ident is None:
            return False
        earlier = self.seen_ids.get((kind, ident))
        if earlier is not None:
            record.problem(record.where("id"), f"duplicate {kind} id {ident!r} (first defined at {earlier})")
            return False
        self.seen_ids[(kind, ident)] = f"{record.file}:{record.where('id')}"
        return True


def load_knowledge(root: Path | str) -> Knowledge:
    """Load and validate a knowledge directory; raise KnowledgeError listing every problem."""
    base = Path(root)
    draft = _Draft()
    if not base.is_dir():
        raise KnowledgeError([Problem(str(root), 0, "knowledge directory not found")])
    files = sorted(base.glob("*.yaml"))
    if not files:
        raise KnowledgeError([Problem(str(root), 0, "no *.yaml files in the knowledge directory")])
    for path in files:
        _read_file(draft, path, path.name)
    sources = _sources(draft, base)
    language = _language(draft)
    indexes = {source.id: split_sentences(source.id, source.text, language.abbreviations) for source in sources}
    entities = _entities(draft)
    families = _families(draft)
    intents = _intents(draft, families, language)
    facts = _facts(draft, indexes, entities, intents)
    rules = _rules(draft, entities, intents)
    check_consistency(draft.problems, entities, facts, draft.origins)
    if draft.problems:
        raise KnowledgeError(sorted(set(draft.problems)))
    return make_knowledge(
        str(base),
        sources=tuple(sources),
        entities=tuple(entities.values()),
        intents=tuple(intents.values()),
        families=tuple(families.items()),
        facts=tuple(facts),
        rules=tuple(rules),
        language=language,
    )


def _read_file(draft: _Draft, path: Path, shown: str) -> None:
    try:
        document = read_yaml(path, shown)
    except KnowledgeError as error:
        draft.problems.extend(error.problems)
        return
    top = Fields(draft.problems, shown, document, "file")
    top.only(*SECTIONS)
    source = top.text("source", required=False)
    if source:
        draft.default_source[shown] = source
    for section in SECTIONS[:-1]:
        if section == "language":
            if section in document:
                draft.sections[section].append((shown, Fields(draft.problems, shown, top.mapping(section), section)))
            continue
        for item in top.records(section):
            draft.sections[section].append((shown, Fields(draft.problems, shown, item, RECORD_NAMES[section])))


def _sources(draft: _Draft, base: Path) -> list[Source]:
    sources: list[Source] = []
    for _, record in draft.sections["sources"]:
        record.only("id", "file", "title", "examples")
        ident, file, title = record.text("id"), record.text("file"), record.text("title")
        if not draft.unique("source", record, ident) or file is None or ident is None:
            continue
        path = (base / file).resolve()
        if base.resolve() not in path.parents:
            record.problem(record.where("file"), f"source file {file!r} must lie inside the knowledge directory")
            continue
        try:
            text = read_text(path, f"{record.file}:{record.where('file')}: {file}")
            sources.append(Source(ident, title or ident, text, record.texts("examples")))
        except KnowledgeError as error:
            record.problem(record.where("file"), f"source {ident!r}: {error.problems[0].message}: {file}")
    if not sources and not any(p.message.startswith("source") for p in draft.problems):
        draft.problems.append(Problem("(knowledge)", 0, "no sources defined: add a 'sources' section"))
    return sources


def _language(draft: _Draft) -> Language:
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
    rewrites = _text_mapping(record, "rewrites")
    messages = _text_mapping(record, "messages")
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
        pronouns=tuple((simplify(k), v) for k, v in _text_mapping(record, "pronouns").items()),
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
    for symbol, word in _text_mapping(record, "symbols").items():
        if len(symbol) == 1:
            symbols.append((symbol, word.strip()))
        else:
            record.problem(record.where("symbols"), f"symbol {symbol!r} must be a single character")
    return symbols


def _text_mapping(record: Fields, key: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for name, value in record.mapping(key).items():
        if isinstance(value, str):
            result[name] = value
        else:
            record.problem(record.mapping(key).line_of(name), f"{key} entry {name!r} must be text")
    return result


def _entities(draft: _Draft) -> dict[str, Entity]:
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
    for record, ident, members in members_of:
        for member in members:
            if member not in entities:
                record.problem(record.where("members"), f"entity {ident!r} has unknown member {member!r}")
    return entities


def _families(draft: _Draft) -> dict[str, tuple[str, ...]]:
    families: dict[str, tuple[str, ...]] = {}
    for _, record in draft.sections["families"]:
        record.only("id", "words")
        ident = record.text("id")
        words = record.texts("words", required=True)
        if draft.unique("family", record, ident) and ident is not None:
            families[ident] = words
    return families


def _intents(draft: _Draft, families: dict[str, tuple[str, ...]], language: Language) -> dict[str, Intent]:
    intents: dict[str, Intent] = {}
    qtype_ids = {q.id for q in language.qtypes}
    for _, record in draft.sections["intents"]:
        record.only(
            "id", "families", "requires", "qtypes", "requires_qtype", "topic", "min_entities", "suggest", "bare"
        )
        ident, topic = record.text("id"), record.text("topic")
        weights: list[tuple[str, float]] = []
        for family, weight in record.mapping("families", required=True).items():
            if family not in families:
                record.problem(record.where("families"), f"intent {ident!r} uses unknown family {family!r}")
            elif isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
                record.problem(record.where("families"), f"weight of family {family!r} must be a positive number")
            else:
                weights.append((family, float(weight)))
        requires = record.texts("requires")
        for family in requires:
            if family not in dict(weights):
                record.problem(
                    record.where("requires"), f"intent {ident!r} requires {family!r}, not among its families"
                )
        qtypes = record.texts("qtypes")
        for qtype in qtypes:
            if qtype_ids and qtype not in qtype_ids:  # without question types, the language section is reported
                record.problem(record.where("qtypes"), f"intent {ident!r} names unknown qtype {qtype!r}")
        min_entities = record.number("min_entities")
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
            )
    return intents


def _facts(
    draft: _Draft, indexes: dict[str, SentenceIndex], entities: dict[str, Entity], intents: dict[str, Intent]
) -> list[Fact]:
    facts: list[Fact] = []
    for file, record in draft.sections["facts"]:
        record.only(
            "id",
            "intent",
            "intents",
            "about",
            "answer",
            "cite",
            "mentions",
            "keywords",
            "value",
            "of",
            "source",
            "topic",
        )
        ident, answer = record.text("id"), record.text("answer")
        fact_intents = record.texts("intents") + record.texts("intent")
        if not fact_intents:
            record.problem(record.line, f"fact {ident!r} names no intent")
        for intent in fact_intents:
            if intent not in intents:
                record.problem(
                    record.where("intents" if "intents" in record.data else "intent"),
                    f"fact {ident!r} names unknown intent {intent!r}",
                )
        about, mentions = record.texts("about", required=True), record.texts("mentions")
        of = record.text("of", required=False)
        for key, refs in (("about", about), ("mentions", mentions), ("of", (of,) if of else ())):
            for ref in refs:
                if ref not in entities:
                    record.problem(record.where(key), f"fact {ident!r} names unknown entity {ref!r} in {key!r}")
        source = record.text("source", required=False) or draft.default_source.get(file)
        if source is None and len(indexes) == 1:
            source = next(iter(indexes))
        citations = _citations(record, ident, source, indexes)
        if draft.unique("fact", record, ident) and ident is not None and answer is not None:
            draft.origins[ident] = (record.file, record.line)
            facts.append(
                Fact(
                    ident,
                    fact_intents,
                    about,
                    answer.strip(),
                    citations,
                    mentions,
                    record.texts("keywords"),
                    record.number("value"),
                    of,
                    record.text("topic", required=False),
                )
            )
    return facts


def _citations(
    record: Fields, ident: str | None, source: str | None, indexes: dict[str, SentenceIndex]
) -> tuple[Citation, ...]:
    quotes = record.texts("cite", required=True)
    if source is None or source not in indexes:
        if source is not None or indexes:
            record.problem(record.where("cite"), f"fact {ident!r} cites unknown source {source!r}")
        return ()
    found: list[Citation] = []
    for quote in quotes:
        try:
            found.extend(indexes[source].cite(quote))
        except ValueError as error:
            record.problem(record.where("cite"), f"fact {ident!r} quote {quote!r} {error} of {source!r}")
    return tuple(dict.fromkeys(found))


def _rules(draft: _Draft, entities: dict[str, Entity], intents: dict[str, Intent]) -> list[Rule]:
    rules: list[Rule] = []
    for _, record in draft.sections["rules"]:
        record.only("id", "intent", "kind", "over", "of", "templates")
        ident, intent, kind = record.text("id"), record.text("intent"), record.text("kind")
        over, of = record.text("over"), record.text("of")
        for key, ref, known in (("intent", intent, intents), ("over", over, intents), ("of", of, entities)):
            if ref is not None and ref not in known:
                record.problem(
                    record.where(key), f"rule {ident!r} names unknown {'entity' if key == 'of' else 'intent'} {ref!r}"
                )
        templates = _text_mapping(record, "templates")
        if kind is not None and kind not in RULE_TEMPLATES:
            record.problem(record.where("kind"), f"rule kind {kind!r} is not one of {', '.join(RULE_TEMPLATES)}")
        for name in RULE_TEMPLATES.get(kind or "", ()):
            if name not in templates:
                record.problem(record.where("templates"), f"rule {ident!r} of kind {kind!r} needs template {name!r}")
        if draft.unique("rule", record, ident) and None not in (ident, intent, kind, over, of):
            rules.append(Rule(str(ident), str(intent), str(kind), str(over), str(of), tuple(templates.items())))
    return rules
