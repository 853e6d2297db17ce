"""Our own question sets (paraphrases and declines), each case its own test."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.engine import Bot
from bot.shell.evaluate import Case, judge, parse_cases

QUESTION_DIR = Path(__file__).parent / "questions"
CASES = [
    case
    for path in sorted(QUESTION_DIR.glob("*.yaml"))
    for case in parse_cases(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
]


# Cases the issue 9 design does not yet answer as their set expects: the vocabulary-grown matcher got them,
# the structural one does not yet. Strict: a case that starts passing must leave this list. Tracked in
# issue 9's note; shrinking it is ongoing work, never done by editing the cases.
KNOWN_GAPS = frozenset(
    [
        "j21",
        "f13",
        "e11",
        "e20",
        "s19",
        "u22",
        "w23",
        "a22",
        "m07",
        "m30",
        "m35",
        "pq4",
        "k05",
        "k09",
        "k26",
        "k27",
        "k30",
        "q07",
    ]
)


def _marks(case: Case) -> list[pytest.MarkDecorator]:
    return [pytest.mark.xfail(strict=True, reason="known gap of the issue 9 design")] if case.id in KNOWN_GAPS else []


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id, marks=_marks(c)) for c in CASES])
def test_case(dealbot: Bot, case: Case) -> None:
    chat = dealbot.conversation()
    answers = [chat.ask(turn) for turn in case.turns]
    assert judge(case, answers[-1]) == "pass", f"{case.turns} -> {answers[-1].text}"


def test_known_gaps_are_real_cases() -> None:
    assert {case.id for case in CASES} >= KNOWN_GAPS
    assert len(KNOWN_GAPS) <= 0.04 * len(CASES)


def test_sets_are_large_enough() -> None:
    assert sum(case.expect == "answer" for case in CASES) >= 90
    assert sum(case.expect == "refuse" for case in CASES) >= 30
