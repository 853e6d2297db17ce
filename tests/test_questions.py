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


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(dealbot: Bot, case: Case) -> None:
    chat = dealbot.conversation()
    answers = [chat.ask(turn) for turn in case.turns]
    assert judge(case, answers[-1]) == "pass", f"{case.turns} -> {answers[-1].text}"


def test_sets_are_large_enough() -> None:
    assert sum(case.expect == "answer" for case in CASES) >= 90
    assert sum(case.expect == "refuse" for case in CASES) >= 30
