"""The scripts in examples/ run and print what their docstrings promise: they are documentation that must not rot."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _main(name: str) -> Any:
    return runpy.run_path(str(EXAMPLES / name))["main"]


def test_ask_prints_the_answer_and_its_citations(capsys: pytest.CaptureFixture[str]) -> None:
    assert _main("ask.py")(["who", "founded", "alibaba?"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Alibaba was founded by tech billionaire Jack Ma in 1999.\n  [1] Alibaba, founded by"), out


def test_ask_exits_non_zero_on_a_decline(capsys: pytest.CaptureFixture[str]) -> None:
    assert _main("ask.py")(["what", "did", "Putin", "say?"]) == 1
    assert capsys.readouterr().out == "The article doesn't mention Putin.\n"


def test_the_conversation_follows_up(capsys: pytest.CaptureFixture[str]) -> None:
    assert _main("conversation.py")() == 0
    out = capsys.readouterr().out
    assert "> how much of the venture will it own?\nAlibaba will own 48 percent of AliExpress Russia." in out, out
    assert out.endswith("> and Mail.ru?\nMail.ru will own 15 percent of AliExpress Russia.\n"), out


def test_as_json_prints_the_answer_record(capsys: pytest.CaptureFixture[str]) -> None:
    assert _main("as_json.py")(["is", "the", "RDIF", "a", "private", "fund?"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["answered"] is True
    assert record["answer"].startswith("No: the RDIF is the Russian sovereign wealth fund")
