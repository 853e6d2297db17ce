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
    """Why the answer was given: normalised question, matches with scores, runner-up intents."""
    info = answer.explanation
    entities = ", ".join(f"{name} ({score:.2f})" for name, score in info.entities) or "none"
    intents = ", ".join(f"{name} ({score:.2f})" for name, score in info.intents) or "none"
    return "\n".join(
        [
            f"question:   {info.normalized}",
            f"type:       {info.qtype or 'none'}",
            f"entities:   {entities}",
            f"intents:    {intents}",
            f"context:    {'used' if info.context_used else 'not used'}",
            f"result:     {info.reason} (intent {answer.intent or 'none'}, confidence {answer.confidence:.2f})",
        ]
    )


def render_json(answer: Answer) -> str:
    """One line of JSON with exactly the public `to_dict()` keys."""
    return json.dumps(answer.to_dict(), ensure_ascii=False, sort_keys=False)
