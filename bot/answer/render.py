"""Format answers, explanations and problems as text for a person."""

from __future__ import annotations

import json

from bot.answer.model import Answer

_RESET = "\033[0m"
_STYLES = {"answer": "\033[1m", "decline": "\033[33m", "cite": "\033[2m", "number": "\033[36m"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_STYLES[style]}{text}{_RESET}" if color else text


def render_answer(answer: Answer, *, color: bool = False, width: int | None = None) -> str:
    """The answer first, then each cited sentence numbered and quoted with its source.

    With a width (a terminal's), lines break between words, a citation's continuation lines indented
    under its text; without one (pipes, files, transcripts), each sentence stays on one line.
    """
    lines = [_paint(line, "answer" if answer.answered else "decline", color) for line in _wrap(answer.text, "", width)]
    for number, citation in enumerate(answer.citations, start=1):
        label = f"[{number}]"
        prefix = f"  {label} "
        body = _wrap(f'"{citation.sentence}" ({citation.source})', prefix, width)
        lines.append(f"  {_paint(label, 'number', color)} " + _paint(body[0][len(prefix) :], "cite", color))
        lines += [" " * len(prefix) + _paint(line[len(prefix) :], "cite", color) for line in body[1:]]
    return "\n".join(lines)


def _wrap(text: str, prefix: str, width: int | None) -> list[str]:
    """Text after a prefix, in lines no wider than width where words allow; never a word cut in two."""
    if width is None:
        return [prefix + text]
    indent = " " * len(prefix)
    import textwrap  # only text for a terminal is wrapped; JSON never is

    wrapped = textwrap.wrap(
        text,
        max(width, len(prefix) + 1),  # however narrow, a line holds its prefix and a word
        initial_indent=prefix,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return wrapped or [prefix]


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
