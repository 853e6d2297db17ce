"""Cross-fact checks: the parts of a whole add up, and stated totals agree with their parts."""

from __future__ import annotations

from collections import defaultdict

from bot.errors import Problem
from bot.knowledge.model import Entity, Fact

PERCENT_WHOLE = 100.0


def check_consistency(
    problems: list[Problem], entities: dict[str, Entity], facts: list[Fact], origins: dict[str, tuple[str, int]]
) -> None:
    """Append a problem for every whole over 100 percent and every total that disagrees with its parts.

    `origins` maps a fact id to the file and line that define it, so problems point there.
    """
    last_part: dict[tuple[str, str], str] = {}
    parts: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    totals: list[tuple[Fact, str, str, float]] = []
    for fact in facts:
        if fact.value is None or fact.of is None:
            continue
        for intent in fact.intents:
            for ident in fact.about:
                entity = entities.get(ident)
                if entity is not None and entity.members:
                    totals.append((fact, intent, ident, fact.value))
                elif entity is not None:
                    parts[(intent, fact.of)][ident] = fact.value
                    last_part[(intent, fact.of)] = fact.id
    for (intent, whole), values in sorted(parts.items()):
        total = sum(values.values())
        if total > PERCENT_WHOLE:
            file, line = origins.get(last_part[(intent, whole)], ("(facts)", 0))
            problems.append(Problem(file, line, f"{intent} of {whole!r} adds up to {total:g}, over {PERCENT_WHOLE:g}"))
    for fact, intent, group, value in totals:
        members = entities[group].members
        values = parts.get((intent, fact.of or ""), {})
        if all(member in values for member in members):
            expected = sum(values[member] for member in members)
            if expected != value:
                file, line = origins.get(fact.id, ("(facts)", 0))
                problems.append(
                    Problem(
                        file,
                        line,
                        f"fact {fact.id!r} states {value:g} for {group!r}, "
                        f"but its members' {intent} adds up to {expected:g}",
                    )
                )
