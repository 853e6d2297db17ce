"""Checks across facts: the parts of a whole add up, and a group's stated total agrees with its members."""

from __future__ import annotations

from collections import defaultdict

from bot.errors import Problem
from bot.knowledge.model import Knowledge

PERCENT_WHOLE = 100.0


def check_knowledge(knowledge: Knowledge, problems: list[Problem], origins: dict[str, tuple[str, int]]) -> None:
    """Append a problem for every whole over 100 percent and every group total that disagrees with its parts;
    `origins` gives the file and line of each fact, so the problems point there."""
    units = {v.id for v in knowledge.language.values if v.unit == "percent"}
    by_id = {e.id: e for e in knowledge.entities}
    parts: dict[tuple[str, str, str], dict[str, float]] = defaultdict(dict)
    last_part: dict[tuple[str, str, str], str] = {}
    totals: list[tuple[str, str, str, str, float]] = []
    for fact in knowledge.facts:
        for unit in units:
            value = fact.value(unit)
            if not isinstance(value, float) or len(fact.subjects) != 1:
                continue
            for whole in fact.objects:
                subject = fact.subjects[0]
                if by_id[subject].members:
                    totals.append((fact.id, fact.relation, whole, subject, value))
                else:
                    parts[(fact.relation, whole, unit)][subject] = value
                    last_part[(fact.relation, whole, unit)] = fact.id
    for (relation, whole, unit), values in sorted(parts.items()):
        total = sum(values.values())
        if total > PERCENT_WHOLE:
            file, line = origins.get(last_part[(relation, whole, unit)], ("(facts)", 0))
            problems.append(
                Problem(file, line, f"{relation} {unit} of {whole!r} adds up to {total:g}, over {PERCENT_WHOLE:g}")
            )
    for fact_id, relation, whole, group, value in totals:
        members = by_id[group].members
        values = next((v for (r, w, _), v in parts.items() if r == relation and w == whole), {})
        if members and all(member in values for member in members):
            expected = sum(values[member] for member in members)
            if abs(expected - value) > 1e-9:
                file, line = origins.get(fact_id, ("(facts)", 0))
                problems.append(
                    Problem(
                        file,
                        line,
                        f"fact {fact_id!r} states {value:g} for {group!r}, "
                        f"but its members' {relation} adds up to {expected:g}",
                    )
                )
