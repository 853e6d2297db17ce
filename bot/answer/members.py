"""Questions for the places inside a region the article never lists ("which CIS countries exactly?").

The article may say the venture covers "Russia and the CIS" without naming a single member of the CIS.
A question that asks for places of a kind lying inside a region it names ("which countries are in the
CIS?", "which specific CIS countries?") is answered only by places the knowledge puts inside that region;
with none, the bot declines and says what the article does say, instead of answering with the region.
"""

from __future__ import annotations

from bot.knowledge.graph import Graph
from bot.knowledge.model import TypeDef
from bot.understand.model import Found


def unlisted_members(found: Found, graph: Graph, types: tuple[TypeDef, ...]) -> tuple[str, str] | None:
    """(the type noun as written, the region's name) when the question asks for members of a region the
    article lists none of; else None."""
    enclosing = [t.id for t in types if t.encloses]
    if not enclosing:
        return None
    named = [e for e in found.of("entity") if e.target not in graph.backdrops and graph.is_a(e.target, enclosing)]
    for noun in found.of("type"):
        if not set(graph.ancestors.get(noun.target, ())) & set(enclosing):
            continue  # "which companies ...": not a kind of place a region holds
        for region in named:
            if region.start <= noun.start < region.end:
                continue  # "the former Soviet COUNTRIES" is the region's own name
            inside = [e for e, around in graph.within.items() if region.target in around]
            if not any(graph.is_a(e, [noun.target]) for e in inside):
                return " ".join(found.text.tokens[noun.start : noun.end]), graph.name(region.target)
    return None
