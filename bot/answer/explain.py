"""The Explanation behind an answer, for `/explain` and `--explain`: what was found, the reading chosen,
the runner-up readings and why each lost."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from bot.answer.evidence import Tried
from bot.answer.model import Explanation, RunnerUp
from bot.understand.model import Form, Found

RUNNERS_UP = 4  # how many losing readings an explanation lists


def explanation(
    found: Found, form: Form, tried: Sequence[Tried] = (), chosen: Tried | None = None, *, reason: str,
    context_used: bool = False,
) -> Explanation:  # fmt: skip
    """Describe the question as understood and the readings it was given."""
    mentions = tuple(f"{m.kind}:{m.target}{'/' + m.detail if m.detail else ''} ({m.score:.2f})" for m in found.mentions)
    chosen = chosen or (tried[0] if tried else None)
    losers = (other for other in tried if chosen is None or other.reading != chosen.reading)
    runners = [  # only the few shown are described: a long question tries up to 48 readings
        RunnerUp(other.reading.describe(), other.reading.score, _why_lost(other, chosen))
        for other in itertools.islice(losers, RUNNERS_UP)
    ]
    return Explanation(
        normalized=found.text.joined,
        focus=form.focus,
        mentions=mentions,
        reading=chosen.reading.describe() if chosen else "",
        score=chosen.reading.score if chosen else 0.0,
        runners_up=tuple(runners),
        context_used=context_used,
        reason=reason,
        facts=chosen.result.facts if chosen and chosen.result else (),
        unknown=tuple(n.text for n in found.unknown),
        unexplained=tuple(found.text.tokens[i] for i in found.unexplained),
    )


def _why_lost(other: Tried, chosen: Tried | None) -> str:
    if other.result is None:
        return "no fact answers it"
    if chosen is not None and other.reading.score < chosen.reading.score:
        return "explains less of the question"
    return "an equal reading came first"
