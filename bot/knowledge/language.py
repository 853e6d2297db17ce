"""Read the language layer: grammar words, question focus, types, value kinds, relations, small talk."""

from __future__ import annotations

import math

from bot.errors import Problem
from bot.knowledge.draft import Draft
from bot.knowledge.fields import Fields
from bot.knowledge.model import (
    AttributeDef,
    FocusDef,
    Language,
    SmallTalk,
    TypeDef,
    ValueKind,
)
from bot.knowledge.relations import read_aggregates, read_relations
from bot.knowledge.words import phrases
from bot.understand.normalize import simplify

GRAMMAR_FIELDS = (
    "stopwords",
    "rewrites",
    "symbols",
    "shorthand",
    "pronouns",
    "demonstratives",
    "followup_markers",
    "negations",
    "exclusions",
    "articles",
    "abbreviations",
    "word_classes",
    "ordinals",
    "multiples",
    "number_words",
    "months",
    "weekdays",
)
MESSAGES = (
    "no_match",
    "unknown_name",
    "not_covered",
    "premise",
    "members_unlisted",
    "sourced",
    "still_so",
    "also_covers",
    "understood",
    "understood_word",
    "advice",
    "advice_hint",
    "too_long",
    "list_and",
    "list_or",
    "unclear_followup",
    "none_of_them",
    "yes",
    "no",
    "either",
    "both",
)
VALUE_KINDS = ("number", "year", "weekday", "month", "entity", "text", "attribute", "count", "date")
SLOTS = ("subject", "object")


def _one(draft: Draft, section: str, required: bool) -> Fields | None:
    found = draft.mappings(section)
    if len(found) > 1:
        found[1].problem(found[1].line, f"exactly one {section!r} section is needed (another is in {found[0].file})")
    if not found and required:
        draft.problems.append(Problem("(knowledge)", 0, f"no {section!r} section: the language layer is missing"))
    return found[0] if found else None


def read_language(draft: Draft) -> Language:
    """The whole language layer, with every cross-reference checked."""
    grammar = _one(draft, "language", True) or Fields([], "", None, "language")
    grammar.problems = draft.problems if grammar.file else []
    grammar.only(*GRAMMAR_FIELDS)
    messages = _messages(draft)
    types = _types(draft)
    value_records = _values(draft)
    values = tuple(value for value, _ in value_records)
    focus = _focus(draft, types, values)
    for value, record in value_records:
        record.check_known("answers", value.answers, {f.id for f in focus}, "focus")
    ordinals = []
    for word, value in grammar.mapping("ordinals").items():
        if isinstance(value, int) and not isinstance(value, bool):
            ordinals.append((simplify(word), value))
        else:
            grammar.problem(grammar.where("ordinals"), f"ordinal {word!r} must be a whole number")
    multiples = []
    for word, factor in grammar.mapping("multiples").items():
        if isinstance(factor, int | float) and not isinstance(factor, bool) and factor > 0:
            multiples.append((simplify(str(word)), float(factor)))
        else:
            grammar.problem(grammar.where("multiples"), f"multiple {word!r} must be a positive number")
    symbols = []
    for symbol, word in grammar.text_mapping("symbols").items():
        if len(symbol) == 1:
            symbols.append((symbol, word.strip()))
        else:
            grammar.problem(grammar.where("symbols"), f"symbol {symbol!r} must be a single character")
    threshold = 50.0
    for _, _, top in draft.files:
        if "majority_threshold" in top.data:
            threshold = top.number("majority_threshold", minimum=0, maximum=100) or threshold
    return Language(
        stopwords=frozenset(phrases(grammar.texts("stopwords"))),
        rewrites=tuple((simplify(k), simplify(v)) for k, v in grammar.text_mapping("rewrites").items()),
        symbols=tuple(symbols),
        shorthand=tuple((k.lower(), v.strip()) for k, v in grammar.text_mapping("shorthand").items()),
        pronouns=_pronouns(grammar, types),
        demonstratives=phrases(grammar.texts("demonstratives")),
        followup_markers=phrases(grammar.texts("followup_markers")),
        negations=phrases(grammar.texts("negations")),
        exclusions=phrases(grammar.texts("exclusions")),
        articles=phrases(grammar.texts("articles")),
        abbreviations=grammar.texts("abbreviations"),
        word_classes=_word_classes(grammar),
        ordinals=tuple(ordinals),
        multiples=tuple(sorted(multiples)),
        number_words=grammar.texts("number_words"),
        months=phrases(grammar.texts("months")),
        weekdays=phrases(grammar.texts("weekdays")),
        focus=focus,
        yesno_openers=phrases(draft.texts("yesno_openers")),
        yesno_closers=phrases(draft.texts("yesno_closers")),
        either_or=phrases(draft.texts("either_or")),
        types=types,
        values=values,
        attributes=_attributes(draft),
        relations=read_relations(draft, types, values),
        aggregates=read_aggregates(draft),
        majority_threshold=threshold,
        smalltalk=_smalltalk(draft),
        advice_cues=phrases(draft.texts("advice_cues")),
        messages=messages,
    )


WORD_CLASSES = (
    "be", "auxiliary", "agent_marker", "participle_endings", "of", "inside", "asking", "filler", "partitive",
    "relative", "determiners", "definite", "coordination", "comparison", "locative", "aside", "attribution",
    "beside", "support", "percent", "money", "joiners", "story_pronouns", "plural", "indefinite", "possession",
    "get_passive", "ergative", "existential", "minority", "premise", "conditional", "presence", "bounds",
    "approximate", "directions", "disclosure", "concealment", "ranked_among", "speaker_possessives",
    "question_words", "negating", "entity_questions", "possessives", "other", "noun_verbs", "only", "present",
    "earlier", "later", "bound_fillers", "progressive_endings", "derivational_endings", "distributive", "newness",
    "already", "infinitive", "future", "doing", "acting", "happening", "past_auxiliary", "linking", "source_cues",
    "idioms", "tens", "hearsay", "hearers", "talk_objects", "universal", "topic_markers", "voiced_passives",
    "plain_adjectives", "demonym_endings", "indefinite_pronouns",
)  # fmt: skip


def _word_classes(grammar: Fields) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The small word classes the understanding rules rely on; each must be there."""
    classes = grammar.mapping("word_classes")
    found = []
    for name in WORD_CLASSES:
        words = classes.get(name)
        if isinstance(words, list) and words and all(isinstance(w, str) for w in words):
            found.append((name, tuple(w.lower() for w in words)))
        elif grammar.file:
            grammar.problem(grammar.where("word_classes"), f"word_classes needs {name!r}: a list of words")
    for name in sorted(set(classes) - set(WORD_CLASSES)):  # a misspelt class would be silently unused
        grammar.problem(grammar.where("word_classes"), f"word_classes has {name!r}, which no rule uses")
    return tuple(found)


def _pronouns(grammar: Fields, types: tuple[TypeDef, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Pronouns with the entity types each may stand for."""
    known = {t.id for t in types}
    pronouns = []
    for pronoun, kinds in grammar.mapping("pronouns").items():
        if isinstance(kinds, list) and all(isinstance(k, str) for k in kinds):
            grammar.check_known("pronouns", kinds, known, "type")
            pronouns.append((simplify(pronoun), tuple(kinds)))
        else:
            grammar.problem(grammar.where("pronouns"), f"pronoun {pronoun!r} must list the types it stands for")
    return tuple(pronouns)


def _messages(draft: Draft) -> tuple[tuple[str, str], ...]:
    record = _one(draft, "messages", True)
    if record is None:
        return ()
    messages = record.text_mapping("messages") if "messages" in record.data else dict(_text_items(record))
    for name in MESSAGES:
        if name not in messages:
            record.problem(record.line, f"messages is missing {name!r}")
    return tuple(messages.items())


def _text_items(record: Fields) -> list[tuple[str, str]]:
    items = []
    for key, value in record.data.items():
        if isinstance(value, str):
            items.append((key, value))
        else:
            record.problem(record.where(key), f"message {key!r} must be text")
    return items


def _types(draft: Draft) -> tuple[TypeDef, ...]:
    types: list[TypeDef] = []
    for _, record in draft.records("types", "type"):
        record.only("id", "parent", "nouns", "context", "locative", "encloses")
        ident = record.text("id")
        if draft.unique("type", record, ident) and ident is not None:
            nouns = phrases(record.texts("nouns"))
            parent = record.text("parent", required=False)
            flags = record.flag("context"), record.flag("locative"), record.flag("encloses")
            types.append(TypeDef(ident, parent, nouns, *flags))
    known = {t.id for t in types}
    parents = {t.id: t.parent for t in types}
    for _, record in draft.records("types", "type"):
        parent = record.data.get("parent")
        if isinstance(parent, str) and parent not in known:
            record.problem(record.where("parent"), f"type {record.data.get('id')!r} has unknown parent {parent!r}")
    for ident in parents:
        seen: set[str] = set()
        current: str | None = ident
        while current is not None and current in parents:
            if current in seen:
                draft.problems.append(Problem("(types)", 0, f"type {ident!r} is its own ancestor"))
                break
            seen.add(current)
            current = parents[current]
    return tuple(types)


def _values(draft: Draft) -> list[tuple[ValueKind, Fields]]:
    values: list[tuple[ValueKind, Fields]] = []
    for _, record in draft.records("values", "value kind"):
        record.only("id", "kind", "answers", "words", "unit", "range", "types", "topic", "said")
        ident, kind = record.text("id"), record.text("kind")
        if kind is not None and kind not in VALUE_KINDS:
            record.problem(record.where("kind"), f"value kind {kind!r} is not one of {', '.join(VALUE_KINDS)}")
        bounds = record.data.get("range")
        low = high = None
        if bounds is not None:
            if isinstance(bounds, list) and len(bounds) == 2 and all(_is_number(b) for b in bounds):
                low, high = float(bounds[0]), float(bounds[1])
            else:
                record.problem(record.where("range"), "range must be a list of two numbers: [low, high]")
        if draft.unique("value kind", record, ident) and ident is not None:
            value = ValueKind(
                ident,
                kind or "text",
                record.texts("answers"),
                phrases(record.texts("words")),
                record.text("unit", required=False) or "",
                low,
                high,
                record.texts("types"),
                record.text("topic", required=False) or "",
                record.flag("said"),
            )
            values.append((value, record))
    return values


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _focus(draft: Draft, types: tuple[TypeDef, ...], values: tuple[ValueKind, ...]) -> tuple[FocusDef, ...]:
    focus: list[FocusDef] = []
    type_ids = {t.id for t in types}
    expectable = {v.id for v in values} | {"entity"}
    records = list(draft.records("focus", "focus"))
    for _, record in records:
        record.only(
            "id",
            "parent",
            "cues",
            "expects",
            "types",
            "needs_type",
            "generic",
            "aggregate",
            "defers",
            "guesses",
            "checks",
            "confirms",
            "ties",
            "closers",
        )
        ident = record.text("id")
        expects, kinds = record.texts("expects"), record.texts("types")
        record.check_known("expects", expects, expectable | {"date", "time", "count", "money"}, "value kind")
        record.check_known("types", kinds, type_ids, "type")
        if draft.unique("focus", record, ident) and ident is not None:
            focus.append(
                FocusDef(
                    ident,
                    record.text("parent", required=False),
                    phrases(record.texts("cues", required=True)),
                    expects,
                    kinds,
                    record.flag("needs_type"),
                    record.flag("generic"),
                    record.text("aggregate", required=False),
                    record.flag("defers"),
                    record.flag("guesses", default=True),
                    phrases(record.texts("checks")),
                    record.flag("confirms"),
                    record.flag("ties"),
                    record.texts("closers"),
                )
            )
    ids = {f.id for f in focus}
    for _, record in records:
        record.check_known("parent", [p for p in [record.data.get("parent")] if isinstance(p, str)], ids, "focus")
    return tuple(focus)


def _attributes(draft: Draft) -> tuple[AttributeDef, ...]:
    attributes: list[AttributeDef] = []
    for _, record in draft.records("attributes", "attribute"):
        record.only("id", "values")
        ident = record.text("id")
        values = []
        for value, words in record.mapping("values", required=True).items():
            if isinstance(words, list) and all(isinstance(w, str) for w in words):
                values.append((simplify(value), phrases([value, *words])))
            else:
                record.problem(record.where("values"), f"attribute value {value!r} must list its words")
        if draft.unique("attribute", record, ident) and ident is not None:
            attributes.append(AttributeDef(ident, tuple(values)))
    return tuple(attributes)


def _smalltalk(draft: Draft) -> tuple[SmallTalk, ...]:
    talk: list[SmallTalk] = []
    for _, record in draft.records("smalltalk", "small talk"):
        record.only("id", "cues", "reply")
        ident, reply = record.text("id"), record.text("reply")
        if draft.unique("small talk", record, ident) and ident is not None and reply is not None:
            talk.append(SmallTalk(ident, phrases(record.texts("cues", required=True)), reply))
    return tuple(talk)
