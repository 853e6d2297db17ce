"""Derived facts: largest, smallest, majority, combined, count and difference of stakes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from bot.answer.declines import join_and
from bot.answer.model import Citation
from bot.knowledge.index import Index
from bot.knowledge.model import Fact, Knowledge, Rule

MAJORITY = 50.0


class Derived(NamedTuple):
    """The text and citations a rule produced, and the entities it mentions."""

    text: str
    citations: tuple[Citation, ...]
    mentions: tuple[str, ...]


class _Outcome(NamedTuple):
    """Which template a rule kind chose, the values to fill it with, and the parts it used."""

    template: str
    fields: dict[str, str]
    used: list[str]


class _Question(NamedTuple):
    """What a rule kind works from: its parts ranked largest first, what was named, and the ordinal."""

    parts: dict[str, Fact]
    ranked: list[str]
    named: list[str]
    entities: Sequence[str]
    ordinal: int | None
    knowledge: Knowledge

    def value(self, ident: str) -> float:
        return self.parts[ident].value or 0.0

    def name(self, ident: str) -> str:
        return self.knowledge.entity_by_id[ident].name

    def names(self, idents: Sequence[str]) -> str:
        return join_and([self.name(i) for i in idents], self.knowledge.language.message("list_and"))


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _expand(entities: Sequence[str], knowledge: Knowledge) -> list[str]:
    """Entity ids with groups replaced by their members, in order, without repeats."""
    expanded: list[str] = []
    for ident in entities:
        for member in knowledge.entity_by_id[ident].members or (ident,):
            if member not in expanded:
                expanded.append(member)
    return expanded


def _ranked(q: _Question, kind: str) -> _Outcome | None:
    """max / min: the largest or smallest part, or the n-th largest ("second largest")."""
    pool = [i for i in q.ranked if i in q.named] if len(q.named) > 1 else q.ranked
    order = pool if kind == "max" else pool[::-1]
    position = (q.ordinal or 1) - 1
    if not 0 <= position < len(order):
        return None
    pick = order[position]
    ordinals = {number: word for word, number in reversed(q.knowledge.language.ordinals)}
    fields = {
        "name": q.name(pick),
        "value": _number(q.value(pick)),
        "ordinal": ordinals.get(position + 1, str(position + 1)),
    }
    template = "ranked" if position > 0 and kind == "max" else "answer"
    return _Outcome(template, fields, [pick] if position == 0 else order[: position + 1])


def _total(q: _Question, kind: str) -> _Outcome | None:
    """sum / majority: what the named parts hold together (majority: or the largest, when none is named)."""
    if kind == "sum" and len(q.named) < 2:
        return None
    if not q.named:
        top = q.ranked[0]
        return _Outcome("none", {"name": q.name(top), "value": _number(q.value(top))}, [top])
    total = sum(q.value(i) for i in q.named)
    template = "answer" if kind == "sum" else ("yes" if total > MAJORITY else "no")
    return _Outcome(template, {"names": q.names(q.named), "total": _number(total)}, list(q.named))


def _count(q: _Question, kind: str) -> _Outcome | None:
    """count: how many parts there are, in words."""
    words = dict(q.knowledge.language.number_words)
    count = len(q.ranked)
    fields = {"count": str(count), "count_word": words.get(count, str(count)), "names": q.names(q.ranked)}
    return _Outcome("answer", fields, list(q.ranked))


def _difference(q: _Question, kind: str) -> _Outcome | None:
    """difference: two named parts (a named group counts as one, holding its members' sum)."""
    units = []
    for ident in q.entities:
        members = list(q.knowledge.entity_by_id[ident].members or (ident,))
        if all(member in q.parts for member in members):
            units.append((ident, sum(q.value(m) for m in members), members))
    if len(units) != 2:
        return None
    (big, big_value, big_parts), (small, small_value, small_parts) = sorted(units, key=lambda u: -u[1])
    if not small_value:
        return None
    fields = {
        "name": q.name(big),
        "value": _number(big_value),
        "other": q.name(small),
        "other_value": _number(small_value),
        "diff": _number(big_value - small_value),
        "ratio": _number(big_value / small_value),
    }
    return _Outcome("answer", fields, [*big_parts, *small_parts])


KINDS: dict[str, Callable[[_Question, str], _Outcome | None]] = {
    "max": _ranked,
    "min": _ranked,
    "majority": _total,
    "sum": _total,
    "count": _count,
    "difference": _difference,
}
TOTAL_KINDS = ("sum", "majority", "difference")  # kinds that also cite a stated total of a named group


def derive(
    rule: Rule, entities: Sequence[str], ordinal: int | None, knowledge: Knowledge, index: Index
) -> Derived | None:
    """Apply one rule to the named entities; None when the rule does not apply to them."""
    parts = index.rule_parts[rule.id]
    if not parts:
        return None
    position = {ident: n for n, ident in enumerate(parts)}
    ranked = sorted(parts, key=lambda i: (-(parts[i].value or 0.0), position[i]))
    named = [i for i in _expand(entities, knowledge) if i in parts]
    outcome = KINDS[rule.kind](_Question(parts, ranked, named, entities, ordinal, knowledge), rule.kind)
    if outcome is None:
        return None
    citations = [c for i in outcome.used for c in parts[i].citations]
    if rule.kind in TOTAL_KINDS:
        citations += [c for fact in _stated_totals(rule, entities, knowledge, index) for c in fact.citations]
    text = rule.template(outcome.template).format(whole=knowledge.entity_by_id[rule.of].name, **outcome.fields)
    return Derived(text[:1].upper() + text[1:], tuple(dict.fromkeys(citations)), tuple(outcome.used))


def _stated_totals(rule: Rule, entities: Sequence[str], knowledge: Knowledge, index: Index) -> list[Fact]:
    """Facts that state a total for a named group, cited beside the parts they sum."""
    groups = {i for i in entities if knowledge.entity_by_id[i].members}
    return [
        fact
        for fact in index.facts.get(rule.over, ())
        if fact.value is not None and fact.of == rule.of and groups & set(fact.about)
    ]
