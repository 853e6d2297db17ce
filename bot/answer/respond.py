"""From a question to an Answer: find mentions, build readings, run them, and answer or decline.

Reading and fact are chosen together: the best-scoring reading that the facts can answer wins, unless
a reading that explains clearly more of the question has no fact, in which case the question is
declined in that reading's words. Confidence measures how much of the question the chosen reading
explains and how well its words matched; below MIN_CONFIDENCE the bot declines and says what it
understood.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from bot.answer.compose import Result, join
from bot.answer.decline import not_covered, premise, unknown_names
from bot.answer.execute import execute
from bot.answer.model import Answer, Explanation, RunnerUp
from bot.knowledge.graph import Graph
from bot.knowledge.model import Knowledge
from bot.understand.focus import question_form
from bot.understand.lexicon import Lexicon
from bot.understand.mentions import find_mentions
from bot.understand.model import Form, Found, Reading
from bot.understand.normalize import Text, simplify
from bot.understand.readings import Context, build_readings, miss_weight, use_weight

MAX_TRIED = 48  # readings run against the facts, best first
EVIDENCE_WORD = 0.5  # a word nothing else explains, found in the sentence an answer cites ("who said ... step")
MARGIN = 0.6  # an answerable reading this close to the best reading answers for it
PREMISE_MARGIN = 2.5  # a fact this close to an unanswerable reading corrects its premise
MIN_CONFIDENCE = 0.5  # below this the bot declines and says what it understood
UNEXPLAINED = 0.75  # confidence kept per content word the reading leaves unexplained
UNEXPLAINED_NAME = 0.5  # ... per capitalised word left unexplained (a name it could not place)
UNEXPLAINED_GUESS = 0.45  # ... per word left unexplained by a reading no relation word supports (a guess)
MIN_SCORE = 0.5  # a reading scoring below this explains too little to answer
EXAMPLES = 3


class Tried(NamedTuple):
    """A reading and what the facts gave for it."""

    reading: Reading
    result: Result | None


def respond(question: str, text: Text, knowledge: Knowledge, graph: Graph, lexicon: Lexicon, context: Context) -> tuple[Answer, Context]:
    """Answer one normalised question in its conversation context; return the answer and the next context."""
    language = knowledge.language
    found = find_mentions(text, lexicon)
    form = question_form(found, graph.focus)
    explain = _Explainer(found, form)
    if form.smalltalk is not None:
        return _smalltalk(question, form.smalltalk, knowledge, explain), context
    if form.advice:
        hint = language.message("advice_hint").format(examples=_examples(knowledge))
        text_out = language.message("advice").format(hint=hint)
        return Answer(question, False, text_out, explanation=explain.build(reason="advice or opinion")), context
    if found.unknown:
        names = [name.text for name in found.unknown]
        return Answer(question, False, unknown_names(names, language), explanation=explain.build(reason="unknown name")), context
    readings = build_readings(found, form, context, graph, language.stopwords)
    tried = [_with_evidence(Tried(r, execute(r, graph, language)), found, graph) for r in readings[:MAX_TRIED]]
    tried.sort(key=lambda t: -t.reading.score)  # stable: ties keep the builder's order
    best = tried[0] if tried else None
    answerable = next((t for t in tried if t.result is not None), None)
    if best is None or best.reading.score < MIN_SCORE and answerable is None:
        return Answer(question, False, language.message("no_match"), explanation=explain.build(tried, reason="no reading")), context
    if answerable is not None and answerable.reading.score >= best.reading.score - MARGIN and answerable.reading.score >= MIN_SCORE:
        assert answerable.result is not None
        confidence = _confidence(found, answerable)
        if confidence < MIN_CONFIDENCE:
            return _unsure(question, found, answerable.reading, graph, knowledge, explain, tried, confidence), context
        answer = Answer(
            question,
            True,
            answerable.result.text,
            answerable.result.citations,
            answerable.result.intent,
            confidence,
            explain.build(tried, answerable, reason="answered", context_used=_used_context(found, answerable.reading, context)),
        )
        return answer, _next_context(answerable.reading, answerable.result.entities, context, found, form, graph)
    reading = best.reading
    about = (reading.subject or reading.object or (None,))[0]
    corrections = [t for t in tried if t.result is not None and t.reading.mode == "answer" and _shares(t.reading, reading)]
    correction = corrections[0] if corrections and corrections[0].reading.score >= reading.score - PREMISE_MARGIN else None
    if correction is not None and correction.result is not None:
        text_out = premise(reading, correction.result, graph, language)
    else:
        text_out = not_covered(reading, graph, language, about, asked_slot_only=True)
    confidence = round(min(1.0, max(0.0, reading.score / 6)), 3)
    answer = Answer(question, False, text_out, (), None, confidence, explain.build(tried, best, reason="declined"))
    return answer, _next_context(reading, (*reading.subject, *reading.object), context, found, form, graph)


def _with_evidence(tried: Tried, found: Found, graph: Graph) -> Tried:
    """Give back what a reading lost for words its answer's facts explain after all.

    "What did Evans say Alibaba wants?" reads as what Evans said; Alibaba, left out of that reading,
    is named in the very sentence the answer cites, so leaving it out costs nothing.
    """
    result = tried.result
    if result is None:
        return tried
    known = [graph.fact_words[f] for f in result.facts if f in graph.fact_words]
    words = set().union(*known) if known else set(simplify(" ".join(c.sentence for c in result.citations)).split())
    refund = 0.0
    for position in found.unexplained:
        if position not in tried.reading.used and found.text.tokens[position] in words:
            refund += EVIDENCE_WORD
    for mention in tried.reading.missed:
        tokens = found.text.tokens[mention.start : mention.end]
        if mention.kind == "entity" and mention.target in _mentioned(result, graph):
            refund += miss_weight(mention, graph) + use_weight(mention, graph)
        elif mention.kind != "entity" and all(token in words for token in tokens):
            refund += miss_weight(mention, graph) * (0.5 if mention.kind == "relation" and not mention.weak else 1.0)
    if not refund:
        return tried
    return Tried(tried.reading._replace(score=round(tried.reading.score + refund, 4)), result)


def _mentioned(result: Result, graph: Graph) -> set[str]:
    """Entities the answer's facts mention in passing (not as their subject or object)."""
    facts = [f for f in (graph.fact_by_id.get(i) for i in result.facts) if f is not None]
    return {e for f in facts for e in f.mentions}


def _shares(a: Reading, b: Reading) -> bool:
    return bool(set(a.subject + a.object) & set(b.subject + b.object))


def _confidence(found: Found, tried: Tried) -> float:
    """How much of the question the reading explains, times how well its words matched."""
    reading = tried.reading
    evidence = set()
    if tried.result is not None:
        for citation in tried.result.citations:
            evidence |= set(citation.sentence.lower().replace("’", "'").split())
    capitalised = found.text.capitalised or tuple(False for _ in found.text.tokens)
    guessed = not any(m.kind in ("relation", "title", "aggregate") for m in found.mentions if m.start in reading.used)
    confidence = 1.0
    for position in found.unexplained:
        if position in reading.used:
            continue
        word = found.text.tokens[position]
        if capitalised[position]:
            confidence *= UNEXPLAINED_NAME
        elif not any(word in token for token in evidence):
            confidence *= UNEXPLAINED_GUESS if guessed else UNEXPLAINED
    scores = [m.score for m in found.mentions if any(i in reading.used for i in range(m.start, m.end))]
    quality = min(scores) if scores else 0.8
    return round(confidence * (0.5 + 0.5 * quality), 3)


def _unsure(
    question: str, found: Found, reading: Reading, graph: Graph, knowledge: Knowledge, explain: _Explainer, tried: list[Tried], confidence: float
) -> Answer:
    words = [found.text.tokens[i] for i in found.unexplained if i not in reading.used]
    language = knowledge.language
    what = reading.describe()
    from bot.answer.decline import topic

    what = topic(reading, graph, language) or what
    text = language.message("understood").format(what=what, words=join([f'"{w}"' for w in words], language.message("list_and")))
    return Answer(question, False, text, (), None, confidence, explain.build(tried, reason="not sure"))


def _smalltalk(question: str, kind: str, knowledge: Knowledge, explain: _Explainer) -> Answer:
    reply = next(t.reply for t in knowledge.language.smalltalk if t.id == kind)
    titles = ", ".join(f'"{s.title}"' for s in knowledge.sources)
    text = reply.format(titles=titles, examples=_examples(knowledge))
    return Answer(question, False, text, explanation=explain.build(reason=f"small talk ({kind})"))


def _examples(knowledge: Knowledge) -> str:
    examples = [e for s in knowledge.sources for e in s.examples][:EXAMPLES]
    return join([f'"{e}"' for e in examples], knowledge.language.message("list_or"))


def _used_context(found: Found, reading: Reading, context: Context) -> bool:
    named = {m.target for m in found.of("entity")}
    bound = set(reading.subject) | set(reading.object)
    return bool(bound - named) or "follow-up" in reading.notes


def _next_context(
    reading: Reading, entities: Sequence[str], context: Context, found: Found, form: Form, graph: Graph
) -> Context:
    """What the next question can point back at, most salient first: what a "who"/"which" question found,
    then what the question named, last named first ("When did Mail.ru launch Pandao?" then "what does it
    sell?": Pandao), then the rest of the answer."""
    named = [m.target for m in sorted(found.of("entity"), key=lambda m: -m.start) if m.target in entities or m.target in reading.subject + reading.object]
    focus = graph.focus.get(form.focus or "")
    asked_for_one = focus is not None and not focus.generic and "entity" in focus.expects
    found_by_asking = [e for e in entities if e not in named] if asked_for_one and reading.ask in ("subject", "object") else []
    remembered = tuple(dict.fromkeys([*found_by_asking, *named, *entities, *context.entities]))
    return Context(reading, remembered)


class _Explainer:
    """Builds the Explanation for /explain from what was found and tried."""

    def __init__(self, found: Found, form: Form) -> None:
        self.found = found
        self.form = form

    def build(self, tried: Sequence[Tried] = (), chosen: Tried | None = None, *, reason: str, context_used: bool = False) -> Explanation:
        found = self.found
        mentions = tuple(f"{m.kind}:{m.target}{'/' + m.detail if m.detail else ''} ({m.score:.2f})" for m in found.mentions)
        chosen = chosen or (tried[0] if tried else None)
        runners = []
        for other in tried[:6]:
            if chosen is not None and other.reading == chosen.reading:
                continue
            why = "no fact answers it" if other.result is None else "scored lower"
            runners.append(RunnerUp(other.reading.describe(), other.reading.score, why))
        return Explanation(
            normalized=found.text.joined,
            focus=self.form.focus,
            mentions=mentions,
            reading=chosen.reading.describe() if chosen else "",
            score=chosen.reading.score if chosen else 0.0,
            runners_up=tuple(runners[:4]),
            context_used=context_used,
            reason=reason,
            facts=chosen.result.facts if chosen and chosen.result else (),
            unknown=tuple(n.text for n in found.unknown),
            unexplained=tuple(found.text.tokens[i] for i in found.unexplained),
        )
