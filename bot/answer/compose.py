"""Wording helpers shared by answers and declines: lists of names, filled templates, joined facts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from bot.knowledge.graph import Graph
from bot.knowledge.model import Citation, Fact, Language

MAX_FACTS = 3  # an answer joins at most this many facts


class Result(NamedTuple):
    """What running a reading produced: the sentence, its citations, and what it is about."""

    text: str
    citations: tuple[Citation, ...]
    facts: tuple[str, ...]  # the facts (or derived operation) used
    entities: tuple[str, ...]  # what the answer is about, the answer itself first (for follow-ups)
    intent: str


def join(items: Sequence[str], word: str) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def names(entities: Sequence[str], graph: Graph, language: Language) -> str:
    """Entity names joined the way an answer lists them."""
    return join([graph.name(e) for e in entities], language.message("list_and"))


def capitalise(text: str) -> str:
    """Upper-case the first letter only (names keep their own case)."""
    return text[:1].upper() + text[1:]


def lower_start(text: str) -> str:
    """Lower-case a leading "The" so a sentence can follow "Yes:" or "it says"."""
    return "the" + text[3:] if text.startswith("The ") else text


def without_verdict(text: str, language: Language) -> str | None:
    """The sentence after a leading "Yes: " or "No: ", or None when it has neither."""
    verdict = verdict_of(text, language)
    return text[len(language.message(verdict).split("{answer}")[0]) :] if verdict else None


def verdict_of(text: str, language: Language) -> str | None:
    """'yes' or 'no' for an answer that opens with that verdict, else None."""
    for verdict in ("yes", "no"):
        prefix = language.message(verdict).split("{answer}")[0]
        if prefix and text.startswith(prefix):
            return verdict
    return None


def number(value: float) -> str:
    """48.0 -> '48', 12.5 -> '12.5'."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def from_facts(facts: Sequence[Fact], entities: Sequence[str], intent: str) -> Result:
    """The answer made of up to MAX_FACTS facts: their sentences joined, their citations merged."""
    chosen = list(facts[:MAX_FACTS])
    text = " ".join(fact.answer for fact in chosen)
    citations = tuple(dict.fromkeys(c for fact in chosen for c in fact.citations))
    about = list(dict.fromkeys([*entities, *(e for fact in chosen for e in (*fact.entities, *fact.named))]))
    return Result(text, citations, tuple(f.id for f in chosen), tuple(about), intent)


def linked(link: Fact, found: Result, entities: Sequence[str]) -> Result:
    """An answer found through a link ("Mail.ru launched Pandao"), told with the link first: the linking fact
    alone where its sentence already holds what was found, else both."""
    shown = from_facts([link], [*entities, *found.entities], found.intent)
    if set(found.citations) <= set(link.citations):
        return shown
    return Result(
        f"{shown.text} {found.text}",
        tuple(dict.fromkeys([*shown.citations, *found.citations])),
        (*shown.facts, *found.facts),
        shown.entities,
        found.intent,
    )
