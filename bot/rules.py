"""Derived facts: largest, smallest, majority, combined, count and difference of stakes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from bot.answer import Citation
from bot.declines import join_and
from bot.index import Index
from bot.knowledge import Fact, Knowledge, Rule

MAJORITY = 50.0


class Derived(NamedTuple):
    """The text and citations a rule produced, and the entities it mentions."""

    text: str
    citations: tuple[Citation, ...]
    mentions: tuple[str, ...]


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _parts(rule: Rule, knowledge: Knowledge, index: Index) -> dict[str, Fact]:
    """The numeric facts a rule works over, by the one (non-group) entity each is about."""
    parts: dict[str, Fact] = {}
    for fact in index.facts.get(rule.over, ()):
        single = len(fact.about) == 1 and not knowledge.entity_by_id[fact.about[0]].members
        if fact.value is not None and fact.of == rule.of and single:
            parts.setdefault(fact.about[0], fact)
    return parts


def subjects(rule: Rule, knowledge: Knowledge, index: Index) -> set[str]:
    """The entities a rule can speak about: its parts, and groups made only of its parts."""
    parts = set(_parts(rule, knowledge, index))
    groups = {e.id for e in knowledge.entities if e.members and set(e.members) <= parts}
    return parts | groups


def _expand(entities: Sequence[str], knowledge: Knowledge) -> list[str]:
    """Entity ids with groups replaced by their members, in order, without repeats."""
    expanded: list[str] = []
    for ident in entities:
        entity = knowledge.entity_by_id[ident]
        for member in entity.members or (ident,):
            if member not in expanded:
                expanded.append(member)
    return expanded


def _names(idents: Sequence[str], knowledge: Knowledge) -> str:
    return join_and([knowledge.entity_by_id[i].name for i in idents], knowledge.language.message("list_and"))


def derive(
    rule: Rule, entities: Sequence[str], ordinal: int | None, knowledge: Knowledge, index: Index
) -> Derived | None:
    """Apply one rule to the named entities; None when the rule does not apply to them."""
    parts = _parts(rule, knowledge, index)
    if not parts:
        return None
    named = [i for i in _expand(entities, knowledge) if i in parts]
    ranked = sorted(parts, key=lambda i: (-(parts[i].value or 0.0), list(parts).index(i)))
    fields = {"whole": knowledge.entity_by_id[rule.of].name}
    used = list(named)
    if rule.kind in ("max", "min"):
        pool = [i for i in ranked if i in named] if len(named) > 1 else ranked
        order = pool if rule.kind == "max" else pool[::-1]
        position = (ordinal or 1) - 1
        if not 0 <= position < len(order):
            return None
        pick = order[position]
        used = [pick] if position == 0 else order[: position + 1]
        ordinals = {number: word for word, number in reversed(knowledge.language.ordinals)}
        fields.update(
            name=knowledge.entity_by_id[pick].name,
            value=_number(parts[pick].value or 0.0),
            ordinal=ordinals.get(position + 1, str(position + 1)),
        )
        template = "ranked" if position > 0 and rule.kind == "max" else "answer"
    elif rule.kind in ("majority", "sum"):
        if rule.kind == "sum" and len(named) < 2:
            return None
        if not named:
            used = [ranked[0]]
            fields.update(name=knowledge.entity_by_id[ranked[0]].name, value=_number(parts[ranked[0]].value or 0.0))
            template = "none"
        else:
            total = sum(parts[i].value or 0.0 for i in named)
            fields.update(names=_names(named, knowledge), total=_number(total))
            template = "answer" if rule.kind == "sum" else ("yes" if total > MAJORITY else "no")
    elif rule.kind == "count":
        used = ranked
        words = dict(knowledge.language.number_words)
        fields.update(
            count=str(len(ranked)), count_word=words.get(len(ranked), str(len(ranked))), names=_names(ranked, knowledge)
        )
        template = "answer"
    else:  # difference: a named group counts as one unit holding its members' sum
        units = _units(entities, parts, knowledge)
        if len(units) != 2:
            return None
        (big, big_value, big_parts), (small, small_value, small_parts) = sorted(units, key=lambda u: -u[1])
        used = [*big_parts, *small_parts]
        fields.update(
            name=knowledge.entity_by_id[big].name,
            value=_number(big_value),
            other=knowledge.entity_by_id[small].name,
            other_value=_number(small_value),
            diff=_number(big_value - small_value),
            ratio=_number(big_value / small_value) if small_value else "infinitely",
        )
        template = "answer"
    citations = [c for i in used for c in parts[i].citations]
    if rule.kind in ("sum", "majority", "difference"):
        citations += [c for fact in _stated_totals(rule, entities, knowledge, index) for c in fact.citations]
    text = rule.template(template).format(**fields)
    return Derived(text[:1].upper() + text[1:], tuple(dict.fromkeys(citations)), tuple(used))


def _units(entities: Sequence[str], parts: dict[str, Fact], knowledge: Knowledge) -> list[tuple[str, float, list[str]]]:
    """Named entities with a value: a part's own, or a group's members' sum."""
    units: list[tuple[str, float, list[str]]] = []
    for ident in entities:
        members = list(knowledge.entity_by_id[ident].members or (ident,))
        if all(member in parts for member in members):
            units.append((ident, sum(parts[m].value or 0.0 for m in members), members))
    return units


def _stated_totals(rule: Rule, entities: Sequence[str], knowledge: Knowledge, index: Index) -> list[Fact]:
    """Facts that state a total for a named group, cited beside the parts they sum."""
    groups = {i for i in entities if knowledge.entity_by_id[i].members}
    return [
        fact
        for fact in index.facts.get(rule.over, ())
        if fact.value is not None and fact.of == rule.of and groups & set(fact.about)
    ]
