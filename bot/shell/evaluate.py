"""Score the bot on a question file in the evaluation schema (id, q or turns, expect, ...)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from bot.answer.model import Answer
from bot.engine import Bot
from bot.errors import InputFileError
from bot.knowledge.disk import FileProblem, read_bytes

EXPECTATIONS = ("answer", "refuse")


class CaseFileError(InputFileError):
    """A question file that does not follow the evaluation schema."""


class Case(NamedTuple):
    """One evaluation case: the turns to ask and what the last answer must show."""

    id: str
    turns: tuple[str, ...]
    expect: str
    must_include: tuple[tuple[str, ...], ...]
    cite: str | None
    tags: tuple[str, ...]


class Shortfall(NamedTuple):
    """One reason a case failed: 'declined' or 'answered' against its expectation, a `must_include`
    item none of whose alternatives the answer contains, or a `cite` no citation contains."""

    kind: str  # declined, answered, must_include, cite
    expected: tuple[str, ...] = ()  # the alternatives, or the cite

    def __str__(self) -> str:
        quoted = ", ".join(json.dumps(text, ensure_ascii=False) for text in self.expected)
        if self.kind == "declined":
            return "declined where an answer was expected"
        if self.kind == "answered":
            return "answered where a decline was expected"
        if self.kind == "must_include" and len(self.expected) == 1:
            return f"must_include: {quoted} not in the answer"
        if self.kind == "must_include":
            return f"must_include: none of {quoted} in the answer"
        return f"cite: {quoted} not among the citations"

    def to_dict(self) -> dict[str, object]:
        """The JSON-ready form, for `eval --json`."""
        return {"kind": self.kind, "expected": list(self.expected), "message": str(self)}


class Outcome(NamedTuple):
    """A case with the answer it got, its verdict ('pass', 'wrong' or 'miss') and why it failed."""

    case: Case
    answer: Answer
    verdict: str
    reasons: tuple[Shortfall, ...] = ()


def _texts(value: Any, where: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str | int | float) and not isinstance(item, bool) for item in items):
        raise CaseFileError(f"{where}: expected text")
    return tuple(str(item) for item in items)


def _labels(value: Any, where: str) -> tuple[str, ...]:
    """Tags: text, where a bare `true`, `false`, `yes` or `no` (which YAML reads as true or false) counts as
    the label "true" or "false"."""
    items = value if isinstance(value, list) else [value]
    return _texts([str(item).lower() if isinstance(item, bool) else item for item in items], f"{where}: tags")


def _answer_words(value: Any, where: str) -> tuple[str, ...]:
    """A `must_include` item, where a bare `yes` or `no` (which YAML reads as true or false) is the word a
    yes/no answer opens with."""
    items = value if isinstance(value, list) else [value]
    return _texts([("yes" if item else "no") if isinstance(item, bool) else item for item in items], where)


def parse_cases(data: Any, name: str) -> list[Case]:
    """Validate a loaded question file into cases."""
    if not isinstance(data, list):
        raise CaseFileError(f"{name}: expected a list of cases")
    cases = []
    for number, item in enumerate(data, start=1):
        where = f"{name}: case {number}"
        if not isinstance(item, dict) or "id" not in item or item.get("expect") not in EXPECTATIONS:
            raise CaseFileError(f"{where}: needs an 'id' and 'expect: answer' or 'expect: refuse'")
        turns = _texts(item["turns"], where) if "turns" in item else _texts(item.get("q"), where)
        if not turns:
            raise CaseFileError(f"{where}: needs 'q' or 'turns'")
        must = tuple(_answer_words(m, where) for m in item.get("must_include") or [])
        cite = item.get("cite")
        cases.append(
            Case(
                str(item["id"]),
                turns,
                item["expect"],
                must,
                str(cite) if cite else None,
                _labels(item.get("tags") or [], where),
            )
        )
    return cases


def load_cases(path: Path) -> list[Case]:
    """Read a question file (safe YAML) into cases."""
    try:
        data = yaml.safe_load(read_bytes(path).decode("utf-8"))
    except FileProblem as problem:
        raise CaseFileError(f"{path}: {problem}") from None
    except UnicodeDecodeError as error:
        raise CaseFileError(f"{path}: cannot read: {error}") from None
    except yaml.YAMLError as error:
        raise CaseFileError(f"{path}: invalid YAML: {str(error).splitlines()[0]}") from None
    except RecursionError:
        raise CaseFileError(f"{path}: nested too deeply: a question file needs a few levels") from None
    return parse_cases(data, str(path))


def judge(case: Case, answer: Answer) -> str:
    """'pass', 'wrong' (answered but wrong) or 'miss' (declined when an answer was expected)."""
    if case.expect == "refuse":
        return "wrong" if answer.answered else "pass"
    if not answer.answered:
        return "miss"
    return "wrong" if shortfalls(case, answer) else "pass"


def shortfalls(case: Case, answer: Answer) -> tuple[Shortfall, ...]:
    """Every reason an answer fails its case; none when it passes."""
    if case.expect == "refuse":
        return (Shortfall("answered"),) if answer.answered else ()
    if not answer.answered:
        return (Shortfall("declined"),)
    text = answer.text.lower()
    found = [
        Shortfall("must_include", item)
        for item in case.must_include
        if not any(option.lower() in text for option in item)
    ]
    if case.cite is not None and not any(case.cite in citation.sentence for citation in answer.citations):
        found.append(Shortfall("cite", (case.cite,)))
    return tuple(found)


def run_cases(bot: Bot, cases: Sequence[Case], progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Ask every case in a fresh conversation; only the last turn is judged."""
    outcomes = []
    for case in cases:
        chat = bot.conversation()
        answer = None
        for turn in case.turns:
            answer = chat.ask(turn)
        assert answer is not None
        outcome = Outcome(case, answer, judge(case, answer), shortfalls(case, answer))
        outcomes.append(outcome)
        if progress is not None:
            progress(outcome)
    return outcomes
