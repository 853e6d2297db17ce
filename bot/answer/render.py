"""Format answers, explanations and problems as text for a person."""

from __future__ import annotations

import json

from bot.answer.model import Answer

_RESET = "\033[0m"
_STYLES = {"answer": "\033[1m", "decline": "\033[33m", "cite": "\033[2m", "number": "\033[36m"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_STYLES[style]}{text}{_RESET}" if color else text


def render_answer(answer: Answer, *, color: bool = False) -> str:
    """The answer first, then each cited sentence numbered and quoted with its source."""
    lines = [_paint(answer.text, "answer" if answer.answered else "decline", color)]
    for number, citation in enumerate(answer.citations, start=1):
        label = _paint(f"[{number}]", "number", color)
        lines.append(f"  {label} " + _paint(f'"{citation.sentence}" ({citation.source})', "cite", color))
    return "\n".join(lines)


def render_explanation(answer: Answer) -> str:
    """Why the answer was given: the question as normalised, what was found, the reading chosen as a query
    with its score, and the runner-up readings with why each lost."""
    info = answer.explanation
    lines = [
        f"question:   {info.normalized}",
        f"focus:      {info.focus or 'none'}",
        f"found:      {', '.join(info.mentions) or 'nothing'}",
    ]
    if info.unknown:
        lines.append(f"unknown:    {', '.join(info.unknown)}")
    if info.unexplained:
        lines.append(f"unexplained: {', '.join(info.unexplained)}")
    lines.append(f"reading:    {info.reading or 'none'}  (score {info.score:.2f})")
    for runner in info.runners_up:
        lines.append(f"  lost:     {runner.query}  (score {runner.score:.2f}: {runner.why})")
    lines.append(f"context:    {'used' if info.context_used else 'not used'}")
    facts = f", facts {', '.join(info.facts)}" if info.facts else ""
    lines.append(f"result:     {info.reason} (confidence {answer.confidence:.2f}{facts})")
    return "\n".join(lines)


def render_json(answer: Answer, *, explain: bool = False) -> str:
    """One line of JSON with exactly the public `to_dict()` keys, plus `explanation` when asked for."""
    data = answer.to_dict()
    if explain:
        data["explanation"] = answer.explanation.to_dict()
    return json.dumps(data, ensure_ascii=False, sort_keys=False)
