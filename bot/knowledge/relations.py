"""Read the relations of the language layer (every kind of fact an article can state, with its words and
wording) and the words of the derived operations over them."""

from __future__ import annotations

import re

from bot.knowledge.draft import Draft
from bot.knowledge.fields import Fields
from bot.knowledge.model import Aggregate, Relation, RelationWord, TypeDef, ValueKind
from bot.knowledge.words import phrases

FORMS = ("verb", "passive", "agent", "patient", "holding", "action", "topic")
AGGREGATES = (
    "max", "min", "sum", "difference", "more", "less", "majority", "complement", "closest", "order", "average",
)  # fmt: skip
AGGREGATE_TEMPLATES = (
    "max",
    "rank",
    "min",
    "max_several",
    "min_several",
    "sum",
    "count",
    "count_one",
    "difference",
    "majority_yes",
    "majority_no",
    "majority_none",
    "complement",
    "closest",
    "select",
    "split",
    "above",
    "below",
    "order",
    "order_up",
    "pick_larger",
    "pick_smaller",
    "others",
    "average",
)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def read_relations(draft: Draft, types: tuple[TypeDef, ...], values: tuple[ValueKind, ...]) -> tuple[Relation, ...]:
    relations: list[Relation] = []
    linked: list[tuple[Fields, tuple[str, ...]]] = []
    type_ids = {t.id for t in types}
    value_ids = {v.id for v in values}
    for _, record in draft.records("relations", "relation"):
        record.only(
            "id", "subject", "object", "values", "functional", "words", "weak", "asks", "says", "aggregates",
            "titles", "title_asks", "describes", "names", "focus", "symmetric", "locates", "topical", "sequence",
            "speaks_for", "through",
        )  # fmt: skip
        ident = record.text("id")
        subject, obj, kinds = record.texts("subject", required=True), record.texts("object"), record.texts("values")
        record.check_known("subject", subject, type_ids, "type")
        record.check_known("object", obj, type_ids, "type")
        record.check_known("values", kinds, value_ids, "value kind")
        slots = set(kinds) | {"subject"} | ({"object"} if obj else set())
        functional = record.texts("functional")
        topical = record.texts("topical")
        record.check_known("topical", topical, type_ids, "type")
        record.check_known("functional", functional, slots, "slot")
        weak = set(phrases(record.texts("weak")))
        words: list[RelationWord] = []
        for form, listed in record.mapping("words", required=True).items():
            if form not in FORMS:
                record.problem(record.where("words"), f"word form {form!r} is not one of {', '.join(FORMS)}")
                continue
            if not isinstance(listed, list) or not all(isinstance(p, str) for p in listed):
                record.problem(record.where("words"), f"words of form {form!r} must be a list of text")
                continue
            words.extend(RelationWord(p, form, p in weak) for p in phrases(listed))
        asks = record.text_mapping("asks")
        says = record.text_mapping("says")
        aggregates = record.text_mapping("aggregates")
        record.check_known("asks", asks, slots | {"default"} | {"title"}, "slot")
        if "default" not in asks:  # a decline about any other slot, or a check, is worded with it
            record.problem(record.where("asks"), "asks needs a default: how a decline names the relation as a whole")
        record.check_known("says", says, slots | {"default"}, "value kind")
        record.check_known("aggregates", aggregates, AGGREGATE_TEMPLATES, "aggregate template")
        allowed = slots | {"subjects", "objects", "title", "quote", "name"}
        for key, text in (*asks.items(), *says.items()):
            _check_placeholders(record, key, text, allowed)
        titles = []
        for title, names in record.mapping("titles").items():
            if isinstance(names, list) and all(isinstance(n, str) for n in names):
                titles.append((title, phrases([title, *names])))
            else:
                record.problem(record.where("titles"), f"title {title!r} must list its words")
        if draft.unique("relation", record, ident) and ident is not None:
            relations.append(
                Relation(
                    ident,
                    subject,
                    obj,
                    kinds,
                    functional,
                    tuple(words),
                    tuple(asks.items()),
                    tuple(says.items()),
                    tuple(aggregates.items()),
                    tuple(titles),
                    record.text("title_asks", required=False) or "",
                    record.flag("describes"),
                    record.flag("names"),
                    tuple(record.text_mapping("focus").items()),
                    record.flag("symmetric"),
                    record.flag("locates"),
                    topical,
                    record.flag("sequence"),
                    record.flag("speaks_for"),
                    record.texts("through"),
                )
            )
            linked.append((record, record.texts("through")))
    known = {r.id for r in relations}
    for record, through in linked:
        record.check_known("through", through, known, "relation")
    return tuple(relations)


def _check_placeholders(record: Fields, key: str, text: str, allowed: set[str]) -> None:
    for name in _PLACEHOLDER.findall(text):
        if name not in allowed:
            record.problem(
                record.line, f"template {key!r} of relation {record.data.get('id')!r} uses unknown {{{name}}}"
            )


def read_aggregates(draft: Draft) -> tuple[Aggregate, ...]:
    aggregates: list[Aggregate] = []
    for _, record in draft.records("aggregates", "aggregate"):
        record.only("id", "words", "weak")
        ident = record.text("id")
        if ident is not None and ident not in AGGREGATES:
            record.problem(record.where("id"), f"aggregate {ident!r} is not one of {', '.join(AGGREGATES)}")
        if draft.unique("aggregate", record, ident) and ident is not None:
            aggregates.append(Aggregate(ident, phrases(record.texts("words")), phrases(record.texts("weak"))))
    return tuple(aggregates)
