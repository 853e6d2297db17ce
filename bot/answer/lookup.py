"""The last resort: find a fact by the rare words of the question that its answer contains."""

from __future__ import annotations

from collections.abc import Iterable

from bot.knowledge.index import Index
from bot.knowledge.model import Fact


def involved(fact: Fact) -> set[str]:
    """Every entity a fact is about or mentions."""
    return set(fact.about) | set(fact.mentions)


def lookup_fact(words: Iterable[str], index: Index, participants: set[str], minimum: int) -> Fact | None:
    """The fact sharing most (then rarest) words with the question, involving every participant.

    "What happened in August?" finds the one fact that mentions August. None when no fact
    shares at least `minimum` distinct words.
    """
    scores: dict[str, tuple[int, int, int]] = {}
    by_id: dict[str, Fact] = {}
    for word in dict.fromkeys(words):
        for fact in index.answer_words.get(word, ()):
            matched, rarity, order = scores.get(fact.id, (0, 0, index.order[fact.id]))
            scores[fact.id] = (matched - 1, rarity + len(index.answer_words[word]), order)
            by_id[fact.id] = fact
    ranked = sorted(
        (key, ident) for ident, key in scores.items() if participants <= involved(by_id[ident]) and -key[0] >= minimum
    )
    return by_id[ranked[0][1]] if ranked else None
