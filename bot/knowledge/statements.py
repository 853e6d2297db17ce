"""Read what a knowledge directory states: facts with their citations, and derived rules."""

from __future__ import annotations

from bot.answer.model import Citation
from bot.knowledge.draft import Draft
from bot.knowledge.fields import Fields
from bot.knowledge.model import Entity, Fact, Intent, Rule
from bot.knowledge.sentences import SentenceIndex

RULE_TEMPLATES = {
    "max": ("answer", "ranked"),
    "min": ("answer",),
    "majority": ("yes", "no", "none"),
    "sum": ("answer",),
    "count": ("answer",),
    "difference": ("answer",),
}


def read_facts(
    draft: Draft,
    indexes: dict[str, SentenceIndex],
    entities: dict[str, Entity],
    intents: dict[str, Intent],
    qtypes: frozenset[str],
) -> list[Fact]:
    """Every fact, with its quotes expanded to whole cited sentences and its references checked."""
    declared = {ident for kind, ident in draft.seen_ids if kind == "source"}
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
            "qtypes",
        )
        ident, answer = record.text("id"), record.text("answer")
        fact_intents = record.texts("intents") + record.texts("intent")
        if not fact_intents:
            record.problem(record.line, f"fact {ident!r} names no intent")
        record.check_known("intents" if "intents" in record.data else "intent", fact_intents, intents, "intent")
        about, mentions = record.texts("about", required=True), record.texts("mentions")
        of = record.text("of", required=False)
        for key, refs in (("about", about), ("mentions", mentions), ("of", (of,) if of else ())):
            record.check_known(key, refs, entities, "entity")
        fact_qtypes = record.texts("qtypes")
        if qtypes:  # without question types the language section is reported instead
            record.check_known("qtypes", fact_qtypes, qtypes, "qtype")
        source = record.text("source", required=False) or draft.default_source.get(file)
        if source is None and len(indexes) == 1:
            source = next(iter(indexes))
        citations = _citations(record, ident, source, indexes, declared)
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
                    record.number("value", minimum=0, maximum=100),  # a percentage of `of`
                    of,
                    record.text("topic", required=False),
                    fact_qtypes,
                )
            )
    return facts


def _citations(
    record: Fields, ident: str | None, source: str | None, indexes: dict[str, SentenceIndex], declared: set[str]
) -> tuple[Citation, ...]:
    """Whole cited sentences for the fact's quotes; a source that failed to load was reported already."""
    quotes = record.texts("cite", required=True)
    if source is None or source not in indexes:
        if source not in declared and (source is not None or indexes):
            record.problem(record.where("cite"), f"fact {ident!r} cites unknown source {source!r}")
        return ()
    found: list[Citation] = []
    for quote in quotes:
        try:
            found.extend(indexes[source].cite(quote))
        except ValueError as error:
            record.problem(record.where("cite"), f"fact {ident!r} quote {quote!r} {error} of {source!r}")
    return tuple(dict.fromkeys(found))


def read_rules(draft: Draft, entities: dict[str, Entity], intents: dict[str, Intent]) -> list[Rule]:
    """Every derived rule, with its intents, whole and templates checked."""
    rules: list[Rule] = []
    for _, record in draft.sections["rules"]:
        record.only("id", "intent", "kind", "over", "of", "templates", "named_qtypes")
        ident, intent, kind = record.text("id"), record.text("intent"), record.text("kind")
        over, of = record.text("over"), record.text("of")
        record.check_known("intent", (intent,) if intent else (), intents, "intent")
        record.check_known("over", (over,) if over else (), intents, "intent")
        record.check_known("of", (of,) if of else (), entities, "entity")
        templates = record.text_mapping("templates")
        if kind is not None and kind not in RULE_TEMPLATES:
            record.problem(record.where("kind"), f"rule kind {kind!r} is not one of {', '.join(RULE_TEMPLATES)}")
        for name in RULE_TEMPLATES.get(kind or "", ()):
            if name not in templates:
                record.problem(record.where("templates"), f"rule {ident!r} of kind {kind!r} needs template {name!r}")
        if draft.unique("rule", record, ident) and None not in (ident, intent, kind, over, of):
            named_qtypes = record.texts("named_qtypes") if "named_qtypes" in record.data else None
            rules.append(
                Rule(str(ident), str(intent), str(kind), str(over), str(of), tuple(templates.items()), named_qtypes)
            )
    return rules
