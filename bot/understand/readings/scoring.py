"""Score a draft: what it explains, minus what it leaves out; and note the leftovers for the answer side."""

from __future__ import annotations

from bot.understand.grammar import word_before
from bot.understand.model import Mention, Reading
from bot.understand.readings.question import Question
from bot.understand.readings.slots import describes_bound, identifies
from bot.understand.readings.weights import Draft, miss_weight, use_weight


def score(q: Question, draft: Draft) -> Reading:
    """The draft's reading with its score, the positions it explains, the words it leaves out, and whether a
    strong relation word supports it."""
    anchors = [m for m in draft.used if m.kind == "entity" and _anchors_an_order(q, m, draft)]
    used = [m for m in draft.used if m not in anchors]
    used_positions = {i for m in used for i in range(m.start, m.end)}
    by_span: dict[tuple[int, int], float] = {}  # words count once, however many ways a reading uses them
    for mention in used:
        span = (mention.start, mention.end)
        by_span[span] = max(by_span.get(span, 0.0), use_weight(mention, q.graph))
    total = draft.bonus + sum(by_span.values()) - sum(miss_weight(m, q.graph) for m in anchors)
    reading = draft.reading
    bound = {*reading.subject, *reading.object, *(v for _, v in reading.values if isinstance(v, str))}
    missed = []
    for mention, cost in q.missable:  # the excluded and the attributed are never missed
        if mention.start in used_positions or mention in anchors:  # a used span's start is a used position
            continue
        if mention.kind == "relation" and describes_bound(q, mention, bound):
            used_positions |= set(range(mention.start, mention.end))  # "the new company they make": which one
            continue
        if mention.kind == "entity" and _in_its_description(q, mention, reading):
            used_positions |= set(range(mention.start, mention.end))  # "is VK popular IN RUSSIA?": Russia's most ...
            continue
        if mention.kind == "relation" and _places_the_asked(q, mention, reading):
            used_positions |= set(range(mention.start, mention.end))  # "where did the announcement TAKE PLACE?"
            continue
        if mention.kind == "entity" and (mention.target in bound or identifies(q, mention, bound)):
            used_positions |= set(range(mention.start, mention.end))  # named twice, or "the forum in Vladivostok"
            continue
        total -= cost
        missed.append(mention)
    missed += anchors  # "a deal before THIS VENTURE": made a party where it only says when
    used_positions |= q.covered
    words = tuple(t for i, t in q.content if i not in used_positions)
    return reading._replace(
        score=round(total, 4),
        used=frozenset(used_positions),
        missed=tuple(missed),
        words=words,
        excluded=tuple(e.target for e in q.excluded),
        strong=any(m.kind in ("relation", "title") and not m.weak for m in draft.used)
        or len({m.span for m in draft.used if m.kind == "relation" and m.target == reading.relation}) > 1,
    )


def _anchors_an_order(q: Question, mention: Mention, draft: Draft) -> bool:
    """Whether the name stands right after "before" or "after" of a sequence relation the draft leaves out
    ("which telecom did a deal BEFORE THIS VENTURE?"): the name only says when, so a reading that makes it
    a party of its own relation misreads it."""
    at = word_before(q.tokens, mention.start, q.grammar.determiners)
    if at < 0 or q.tokens[at] not in q.grammar.earlier | q.grammar.later:
        return False
    if mention.end < len(q.tokens) and q.tokens[mention.end] in q.grammar.be | q.grammar.auxiliary:
        return False  # "after THE JV IS set up": the name is a party of the clause "before" opens
    words = [m for m in q.found.of("relation") if m.start <= at < m.end and m.target != draft.reading.relation]
    return any(q.graph.relations[m.target].sequence and m not in draft.used for m in words)


def _places_the_asked(q: Question, mention: Mention, reading: Reading) -> bool:
    """Whether a verb that places things ("take place", "held") right after a noun for the reading's act only
    says the act's place is asked: "where did the announcement take place?" asks where the announcing was, as
    "where was the announcement?" does."""
    relation = q.graph.relations.get(mention.target)
    if relation is None or not relation.locates or mention.detail not in ("verb", "passive"):
        return False
    if reading.relation == relation.id or not reading.ask or reading.ask not in relation.values:
        return False
    acts = q.found.of("relation")  # the act placed is the verb's subject, right before it
    return any(a.target == reading.relation and a.detail == "action" and a.end == mention.start for a in acts)


def _in_its_description(q: Question, mention: Mention, reading: Reading) -> bool:
    """Whether a check of what a thing is ("is VK popular in Russia?") names the place its description is of
    ("RUSSIA'S most popular social media network"): the place then only says which description is checked."""
    if reading.relation != q.graph.describes or reading.mode != "yesno" or not reading.subject:
        return False
    name = " ".join(q.tokens[mention.start : mention.end])
    possessor = (f"{name}'s", f"{name}’s")
    described = (
        f for s in reading.subject for f in q.graph.facts_by_entity.get(s, ()) if f.relation == q.graph.describes
    )
    return any(p in f.answer.lower() for f in described for p in possessor)
