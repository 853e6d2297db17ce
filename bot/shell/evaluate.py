"""Score the bot on a question file in the evaluation schema (id, q or turns, expect, ...)."""

from __future__ import annotations

from collections import defaultdict
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


class Outcome(NamedTuple):
    """A case with the answer it got and its verdict: 'pass', 'wrong' or 'miss'."""

    case: Case
    answer: Answer
    verdict: str


def _texts(value: Any, where: str) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str | int | float) and not isinstance(item, bool) for item in items):
        raise CaseFileError(f"{where}: expected text")
    return tuple(str(item) for item in items)


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
        must = tuple(_texts(m, where) for m in item.get("must_include") or [])
        cite = item.get("cite")
        cases.append(
            Case(
                str(item["id"]),
                turns,
                item["expect"],
                must,
                str(cite) if cite else None,
                _texts(item.get("tags") or [], where),
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
    text = answer.text.lower()
    included = all(any(option.lower() in text for option in item) for item in case.must_include)
    cited = case.cite is None or any(case.cite in citation.sentence for citation in answer.citations)
    return "pass" if included and cited else "wrong"


def run_cases(bot: Bot, cases: Sequence[Case], progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """Ask every case in a fresh conversation; only the last turn is judged."""
    outcomes = []
    for case in cases:
        chat = bot.conversation()
        answer = None
        for turn in case.turns:
            answer = chat.ask(turn)
        assert answer is not None
        outcome = Outcome(case, answer, judge(case, answer))
        outcomes.append(outcome)
        if progress is not None:
            progress(outcome)
    return outcomes


def report(outcomes: Sequence[Outcome]) -> str:
    """Accuracy overall and per tag, wrong answers apart from misses, and each failing case."""
    total = len(outcomes)
    passed = sum(o.verdict == "pass" for o in outcomes)
    lines = [f"accuracy: {passed}/{total} = {passed / total if total else 0:.3f}"]
    lines.append(
        f"wrong answers: {sum(o.verdict == 'wrong' for o in outcomes)}"
        f" (on refuse cases: {sum(o.verdict == 'wrong' and o.case.expect == 'refuse' for o in outcomes)})"
        f"   misses: {sum(o.verdict == 'miss' for o in outcomes)}"
    )
    by_tag: dict[str, list[bool]] = defaultdict(list)
    for outcome in outcomes:
        for tag in outcome.case.tags:
            by_tag[tag].append(outcome.verdict == "pass")
    lines.append("per tag:")
    lines += [f"  {tag:<14} {sum(v)}/{len(v)} = {sum(v) / len(v):.3f}" for tag, v in sorted(by_tag.items())]
    failing = [o for o in outcomes if o.verdict != "pass"]
    if failing:
        lines.append("failing cases:")
        for outcome in failing:
            lines.append(f"  {outcome.case.id} [{outcome.verdict}] {' / '.join(outcome.case.turns)}")
            lines.append(f"      expected {outcome.case.expect}; got: {outcome.answer.text}")
    return "\n".join(lines)
