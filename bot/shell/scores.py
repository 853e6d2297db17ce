"""The evaluation report: accuracy overall and per tag, and each failing case with why, as text or JSON."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from bot.shell.evaluate import Outcome


class Summary(NamedTuple):
    """The numbers of a report: passed, wrong (and of those on refuse cases), missed, and per tag."""

    total: int
    passed: int
    wrong: int
    wrong_on_refuse: int
    missed: int
    by_tag: dict[str, tuple[int, int]]  # tag -> (passed, total), tags sorted


def summarize(outcomes: Sequence[Outcome]) -> Summary:
    """Count the outcomes overall and per tag."""
    by_tag: dict[str, list[bool]] = defaultdict(list)
    for outcome in outcomes:
        for tag in outcome.case.tags:
            by_tag[tag].append(outcome.verdict == "pass")
    wrong = [o for o in outcomes if o.verdict == "wrong"]
    return Summary(
        len(outcomes),
        sum(o.verdict == "pass" for o in outcomes),
        len(wrong),
        sum(o.case.expect == "refuse" for o in wrong),
        sum(o.verdict == "miss" for o in outcomes),
        {tag: (sum(passes), len(passes)) for tag, passes in sorted(by_tag.items())},
    )


def _ratio(passed: int, total: int) -> float:
    return round(passed / total, 3) if total else 0.0


def report(outcomes: Sequence[Outcome]) -> str:
    """Accuracy overall and per tag, wrong answers apart from misses, and each failing case with why;
    a section with nothing in it is left out."""
    numbers = summarize(outcomes)
    lines = [
        f"accuracy: {numbers.passed}/{numbers.total} = {_ratio(numbers.passed, numbers.total):.3f}",
        f"wrong answers: {numbers.wrong} (on refuse cases: {numbers.wrong_on_refuse})   misses: {numbers.missed}",
    ]
    if numbers.by_tag:
        lines.append("per tag:")
        lines += [f"  {tag:<14} {p}/{n} = {_ratio(p, n):.3f}" for tag, (p, n) in numbers.by_tag.items()]
    failing = [o for o in outcomes if o.verdict != "pass"]
    if failing:
        lines.append("failing cases:")
        for outcome in failing:
            lines.append(f"  {outcome.case.id} [{outcome.verdict}] {' / '.join(outcome.case.turns)}")
            lines.append(f"      expected {outcome.case.expect}; got: {outcome.answer.text}")
            lines += [f"      why: {reason}" for reason in outcome.reasons]
    return "\n".join(lines)


def report_json(outcomes: Sequence[Outcome]) -> str:
    """The report's data as one line of JSON, for scripts."""
    numbers = summarize(outcomes)
    data = {
        "total": numbers.total,
        "passed": numbers.passed,
        "accuracy": _ratio(numbers.passed, numbers.total),
        "wrong": numbers.wrong,
        "wrong_on_refuse": numbers.wrong_on_refuse,
        "misses": numbers.missed,
        "per_tag": {tag: {"passed": p, "total": n, "accuracy": _ratio(p, n)} for tag, (p, n) in numbers.by_tag.items()},
        "failing": [
            {
                "id": o.case.id,
                "verdict": o.verdict,
                "turns": list(o.case.turns),
                "expect": o.case.expect,
                "answer": o.answer.text,
                "reasons": [reason.to_dict() for reason in o.reasons],
            }
            for o in outcomes
            if o.verdict != "pass"
        ],
    }
    return json.dumps(data, ensure_ascii=False)
