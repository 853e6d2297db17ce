"""Questions for the places inside a region the article never lists ("which CIS countries exactly?").

The article may say the venture covers "Russia and the CIS" without naming a single member of the CIS.
A question that asks for places of a kind lying inside a region it names ("which countries are in the
CIS?", "which specific CIS countries?") is answered only by places the knowledge puts inside that region;
with none, the bot declines and says what the article does say, instead of answering with the region.
"""

from __future__ import annotations

from bot.knowledge.graph import Graph
from bot.knowledge.model import TypeDef
from bot.understand.model import Found, Mention


def unlisted_members(found: Found, graph: Graph, types: tuple[TypeDef, ...]) -> tuple[str, str] | None:
    """(the type noun as written, the region's name) when the question asks for members of a region the
    article lists none of; else None."""
    enclosing = [t.id for t in types if t.encloses]
    if not enclosing:
        return None
    set_aside = {x.end for x in found.of("exclusion")}  # "which countries BESIDES RUSSIA": not asked inside Russia
    named = [
        e
        for e in found.of("entity")
        if e.target not in graph.backdrops and graph.is_a(e.target, enclosing) and e.start not in set_aside
    ]
    asked = _asked_by_name(found, named, types, enclosing)  # "which FORMER SOVIET COUNTRIES": the name asks
    if asked is not None:
        region, kind = asked
        inside = [e for e, around in graph.within.items() if region.target in around]
        if not any(graph.is_a(e, [kind]) for e in inside):
            return found.text.tokens[region.end - 1], graph.name(region.target)
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


def _asked_by_name(
    found: Found, named: list[Mention], types: tuple[TypeDef, ...], enclosing: list[str]
) -> tuple[Mention, str] | None:
    """A region named right after "which"/"what" by a name that ends in a noun for its members ("which
    former Soviet COUNTRIES"): (the region's mention, the members' type), or None."""
    from bot.understand.normalize import stem

    cue_ends = {c.end for c in found.of("focus")}
    kinds = {stem(noun): t.id for t in types for noun in t.nouns if t.parent in enclosing or t.id in enclosing}
    for region in named:
        kind = kinds.get(stem(found.text.tokens[region.end - 1]))
        if region.start in cue_ends and kind is not None:
            return region, kind
    return None
