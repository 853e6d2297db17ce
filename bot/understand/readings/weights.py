"""How readings are scored: what each word a reading uses adds, and what leaving one out costs.

Nouns for a relation's subject ("partners", "owner") are often only how an argument is named, so they
count for less than verbs; the backdrop named after a preposition ("... in the deal") is often mere
context, so leaving it out is cheap. These numbers are the whole of the understanding layer's tuning.
"""

from __future__ import annotations

from typing import NamedTuple

from bot.knowledge.graph import Graph
from bot.understand.model import Mention, Reading

USE = {"entity": 2.0, "relation": 1.5, "agent": 1.0, "weak": 0.6, "value": 1.0, "type": 0.6, "attribute": 0.8,
       "aggregate": 1.0, "title": 0.5, "ordinal": 0.5, "backdrop": 1.0, "story": 1.5}  # fmt: skip
MISS = {"entity": 3.0, "relation": 1.2, "agent": 0.6, "weak": 0.15, "value": 0.8, "type": 0.25, "attribute": 0.5,
        "aggregate": 1.0, "title": 0.6, "ordinal": 0.3, "backdrop": 0.5, "story": 1.0}  # fmt: skip
ROLE = 0.4  # an entity on the side its relation word puts it gains this ...
ROLE_AGAINST = 0.8  # ... and on the other side loses this
FOCUS_FIT = 0.5  # the slot asked fits the question word
FOLLOWUP = 0.9  # a reading carried over from the previous question, when the question is a follow-up
IMPLIED = 0.3  # a relation no word names, guessed from the question word and the facts
MAIN_VERB = 0.3  # a reading built on a strong verb: the verb, not a noun, is usually what a question asks about
IDENTITY = 1.2  # two names joined by "be" ("is the RDIF the telecom operator?") claim they are one: a role each
CLAUSE_VERB = 1.0  # ... and more when the verb follows an auxiliary and its subject ("what did X pay for ...?")
VALUE_MENTIONS = frozenset({"percent", "year", "number", "weekday", "month"})


class Draft(NamedTuple):
    """A reading under construction: its query, the mentions it uses, and what its shape earned it."""

    reading: Reading
    used: tuple[Mention, ...]
    bonus: float


def miss_weight(mention: Mention, graph: Graph) -> float:
    """What leaving a mention out costs a reading."""
    return MISS[_weight_kind(mention, graph)]


def use_weight(mention: Mention, graph: Graph) -> float:
    """What using a mention adds to a reading."""
    return USE[_weight_kind(mention, graph)] * mention.score


def _weight_kind(mention: Mention, graph: Graph) -> str:
    if mention.kind == "relation":
        return "weak" if mention.weak else "agent" if mention.detail == "agent" else "relation"
    if mention.kind == "entity" and mention.target in graph.backdrops and mention.detail == "aside":
        return "backdrop"
    if mention.kind == "entity" and mention.detail.startswith("story"):
        return "story"  # "how long does IT take to read this": with nothing said yet, "it" may mean nothing
    if mention.kind in VALUE_MENTIONS:
        return "value"
    return mention.kind if mention.kind in USE else "value"
