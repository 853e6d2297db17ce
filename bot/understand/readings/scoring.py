"""Score a draft: what it explains, minus what it leaves out; and note the leftovers for the answer side."""

from __future__ import annotations

from bot.understand.model import Reading
from bot.understand.readings.question import Question
from bot.understand.readings.slots import describes_bound, identifies
from bot.understand.readings.weights import Draft, miss_weight, use_weight


def score(q: Question, draft: Draft) -> Reading:
    """The draft's reading with its score, the positions it explains, the words it leaves out, and whether a
    strong relation word supports it."""
    used_positions = {i for m in draft.used for i in range(m.start, m.end)}
    by_span: dict[tuple[int, int], float] = {}  # words count once, however many ways a reading uses them
    for mention in draft.used:
        span = (mention.start, mention.end)
        by_span[span] = max(by_span.get(span, 0.0), use_weight(mention, q.graph))
    total = draft.bonus + sum(by_span.values())
    reading = draft.reading
    bound = {*reading.subject, *reading.object, *(v for _, v in reading.values if isinstance(v, str))}
    missed = []
    for mention in q.primary:
        if mention.start in used_positions or mention in q.excluded:  # a used span's start is a used position
            continue
        if any(a.start <= mention.start < a.end for a in q.attributed):
            continue
        if mention.kind == "relation" and describes_bound(q, mention, bound):
            used_positions |= set(range(mention.start, mention.end))  # "the new company they make": which one
            continue
        if mention.kind == "entity" and (mention.target in bound or identifies(q, mention, bound)):
            used_positions |= set(range(mention.start, mention.end))  # named twice, or "the forum in Vladivostok"
            continue
        total -= miss_weight(mention, q.graph)
        missed.append(mention)
    if q.form.focus_span:
        used_positions |= set(range(*q.form.focus_span))
    used_positions |= {i for e in [*q.excluded, *q.attributed] for i in range(e.start, e.end)}
    stopwords = q.grammar.stopwords
    words = tuple(t for i, t in enumerate(q.tokens) if i not in used_positions and t not in stopwords)
    return reading._replace(
        score=round(total, 4),
        used=frozenset(used_positions),
        missed=tuple(missed),
        words=words,
        excluded=tuple(e.target for e in q.excluded),
        strong=any(m.kind in ("relation", "title") and not m.weak for m in draft.used),
    )
