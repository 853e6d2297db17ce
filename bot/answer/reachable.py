"""Every fact must be reachable: some question built from its relation's own words must find it.

For each fact, and each side it can answer (who for its subject, what for its object, each value it
carries), the relation's `asks` wording names the other sides ("who founded Alibaba", "how much of
AliExpress Russia MegaFon owns"); the bot is asked that, and the fact must be among those cited. A fact
no such question reaches is dead knowledge: a typo in an id, a relation with no words, or a fact hidden
behind another one with the same sides.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from bot.answer.decline import topic
from bot.knowledge.model import Fact
from bot.understand.model import Reading

if TYPE_CHECKING:
    from bot.engine import Bot


def questions_for(fact: Fact, bot: Bot) -> Iterator[str]:
    """Questions built from the relation's wording, one per side of the fact that can be asked for."""
    graph, language = bot.index.graph, bot.knowledge.language
    relation = graph.relations.get(fact.relation)
    if relation is None:
        return
    slots = [k for k, _ in fact.values] + (["subject"] if fact.subjects else []) + (["object"] if fact.objects else [])
    for slot in dict.fromkeys(slots):
        subject = fact.subjects[:1] if slot != "subject" else ()
        obj = fact.objects[:1] if slot != "object" else ()
        text = topic(Reading(relation.id, subject, obj, ask=slot), graph, language)
        if text:
            yield text
    for named in fact.subjects[:1]:  # "Alibaba" alone: a description, an attribute
        yield graph.name(named)


def unreachable(bot: Bot) -> list[Fact]:
    """The facts no question built from their relation's wording reaches."""
    missing = []
    for fact in bot.knowledge.facts:
        cited = {c.start for c in fact.citations}
        reached = False
        for question in questions_for(fact, bot):
            answer = bot.ask(question)
            if answer.answered and (fact.id in answer.explanation.facts or cited & {c.start for c in answer.citations}):
                reached = True
                break
        if not reached:
            missing.append(fact)
    return missing
