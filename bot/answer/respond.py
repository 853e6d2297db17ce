"""From a question to an Answer: find mentions, build readings, run them, and answer or decline.

Reading and fact are chosen together: the best-scoring reading that the facts can answer wins, unless a
reading that explains clearly more of the question (by more than MARGIN) has no fact; then the question
is declined in that reading's words, with the fact it does state when one is close (a false premise).
Confidence measures how much of the question the chosen reading explains and how well its words
matched; below MIN_CONFIDENCE the bot declines and says what it understood.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import NamedTuple

from bot.answer.compose import Result, lower_start, verdict_of, without_verdict
from bot.answer.compound import (
    all_of,
    both,
    gapped_claims,
    hearsay_end,
    join,
    listed_claims,
    preamble_end,
    premise_split,
    question_sentences,
    second_question,
)
from bot.answer.evidence import (
    Tried,
    another_time,
    confidence,
    evidence_bound,
    misplaced,
    refund_bound,
    untold_topic,
    verb_left_out,
    with_evidence,
)
from bot.answer.execute import execute
from bot.answer.explain import RUNNERS_UP, explanation
from bot.answer.model import Answer
from bot.knowledge.graph import Graph
from bot.knowledge.model import Knowledge
from bot.understand.focus import question_form
from bot.understand.grammar import Grammar, source_cue_spans
from bot.understand.lexicon import Lexicon
from bot.understand.mentions import find_mentions
from bot.understand.model import Form, Found, Mention, Reading
from bot.understand.normalize import Text, tokenize
from bot.understand.readings import Context, build_readings
from bot.understand.readings.question import VALUE_KINDS
from bot.understand.references import absent_kinds, named_in_the_story, options_of_one

MAX_TRIED = 48  # readings run against the facts, best first
MARGIN = 0.6  # an answerable reading this close to the best reading answers for it
PREMISE_MARGIN = 2.5  # a fact this close to an unanswerable reading corrects its premise
MIN_CONFIDENCE = 0.5  # below this the bot declines and says what it understood
MIN_SCORE = 0.5  # a reading scoring below this explains too little to answer
KEPT_READINGS = 2  # readings before the last a follow-up may go back to
DECLINE_SCALE = 6.0  # a decline's confidence: its reading's score over this, at most 1


class Setting(NamedTuple):
    """What answering needs besides the question: the knowledge and the tables built from it."""

    knowledge: Knowledge
    graph: Graph
    lexicon: Lexicon


def respond(question: str, text: Text, setting: Setting, context: Context) -> tuple[Answer, Context]:
    """Answer one normalised question in its conversation context; return the answer and the next context."""
    knowledge, graph, lexicon = setting
    found = options_of_one(find_mentions(text, lexicon), graph, lexicon.grammar)  # "a press conference OR ..."
    found = named_in_the_story(found, graph, lexicon.grammar)  # "the people NAMED IN THE ARTICLE"
    text = found.text  # mended and split ("alibabagroup"): the positions below are positions in it
    form = question_form(found, graph.focus, lexicon.grammar)

    def reply(text_out: str, reason: str) -> tuple[Answer, Context]:
        return Answer(question, False, text_out, explanation=explanation(found, form, reason=reason)), context

    heard = hearsay_end(found, lexicon.grammar)
    if heard:  # "my colleague says Mail.ru is the second-biggest shareholder. Is that right?": the claim
        return respond(question, text.part(heard, len(text.tokens)), setting, context)
    preamble = preamble_end(found, graph, lexicon.grammar)
    if preamble:  # "one more: what's VK?", "for my essay: what did Usmanov say?": the question after it
        return respond(question, text.part(preamble, len(text.tokens)), setting, context)
    premise = premise_split(found, lexicon.grammar)
    if premise is not None:  # "given Alibaba holds 51%, what ...?": the question rests on a claim, checked first
        claim, granted = respond(question, text.part(premise[0], premise[1]), setting, context)
        verdict = verdict_of(claim.text, knowledge.language) if claim.answered else None
        rest = text.part(premise[1], len(text.tokens))
        if verdict == "yes":
            return respond(question, rest, setting, granted)
        if verdict == "no":
            if question_form(find_mentions(rest, lexicon), graph.focus, lexicon.grammar).yesno:
                checked, after = respond(question, rest, setting, granted)
                if checked.answered and _same_relation(claim, checked, graph):
                    return checked, after  # "since X holds 60%, does it hold a majority?": the stakes answer it
            said = without_verdict(claim.text, knowledge.language) or claim.text
            corrected = knowledge.language.message("not_so_described").format(fact=lower_start(said))
            return Answer(question, False, corrected, claim.citations, explanation=claim.explanation), context
        # an unchecked claim is part of the question
    sentences = question_sentences(found, graph.backdrops)
    if sentences is not None and sentences != [(0, len(text.tokens))]:
        return _each(question, [text.part(*s) for s in sentences], setting, context)
    sourced = _sourced(question, text, setting, context)
    if sourced is not None:  # "who released the ownership breakdown?": the fact, with whose it is
        return sourced
    listed = listed_claims(found, lexicon.grammar)
    if listed is not None:  # "alibaba 48, megafon 24, mail.ru 15?": each pair checked, one verdict
        closers = found.of("yesclose")
        closer = (
            text.part(closers[-1].start, closers[-1].end)
            if closers
            else tokenize(knowledge.language.yesno_closers[0], lexicon.rewrites)
        )
        return _all_checked(question, [text.part(*span).then(closer) for span in listed], setting, context)
    claims = gapped_claims(found, form, lexicon.grammar)
    if claims is not None:  # "MegaFon has 13% and the RDIF 24%, yes?": each checked, one verdict
        first, middle = respond(question, claims[0], setting, context)
        second, after = respond(question, claims[1], setting, middle)
        return both(question, first, second, knowledge.language), after
    split = second_question(found, form, lexicon.grammar)
    if split is not None:
        end = split - 1 if text.tokens[split - 1] in lexicon.grammar.joiners else split
        first, middle = respond(question, text.part(0, end), setting, context)
        if _about_the_unknown(first, text.part(split, len(text.tokens)), setting):
            return first, middle  # "what did Baidu pay and how much does IT own?": all about the unknown name
        second, after = respond(question, text.part(split, len(text.tokens)), setting, middle)
        return join(question, first, second), after
    found = found._replace(
        unknown=tuple(sorted((*found.unknown, *absent_kinds(found, graph, lexicon.grammar)), key=lambda n: n.start))
    )
    if form.smalltalk is not None or form.advice or found.unknown:
        from bot.answer import replies  # these replies are rare: a one-shot question seldom imports them

        if form.smalltalk is not None:
            return reply(replies.smalltalk(form.smalltalk, knowledge), f"small talk ({form.smalltalk})")
        if form.advice:
            return reply(replies.advice(knowledge), "advice or opinion")
        from bot.answer.alternatives import as_alternative, encloses_places, gives_focus

        alternative = as_alternative(found, form, graph)
        if alternative is not None:
            answer, after = respond(question, alternative.text, setting, context)
            if alternative.check is None:
                return answer, after
            if answer.answered and gives_focus(answer.explanation.facts, alternative.check, graph):
                if encloses_places(answer.explanation.facts, graph, knowledge.language.types):
                    unknown = replies.unknown_names([n.text for n in found.unknown], knowledge)
                    return reply(f"{unknown} {answer.text}", "unknown name, maybe within the place given")
                said = knowledge.language.message("no").format(answer=lower_start(answer.text))
                return answer._replace(text=said), after
        return reply(replies.unknown_names([n.text for n in found.unknown], knowledge), "unknown name")
    readings = build_readings(found, form, context, graph, lexicon.grammar)
    tried = _run_best_first(readings[:MAX_TRIED], found, setting)
    best = tried[0] if tried else None
    answerable = next((t for t in tried if _answers(t, found, graph, lexicon.grammar)), None)
    if best is None or (best.reading.score < MIN_SCORE and answerable is None):
        return Answer(
            question,
            False,
            knowledge.language.message("no_match"),
            explanation=explanation(found, form, tried, reason="no reading"),
        ), context
    if (
        answerable is not None
        and answerable.result is not None
        and answerable.reading.score >= max(best.reading.score - MARGIN, MIN_SCORE)
        and not _leaves_the_verb(answerable.reading, best.reading, graph, found)
    ):
        if answerable.reading.ask and answerable.reading.ask not in graph.kinds:  # "why is MegaFon the biggest?"
            from bot.answer.decline import beyond_the_relation

            if beyond_the_relation(answerable.reading, graph) is not None:  # its facts cannot say why
                return _decline(question, found, form, [answerable, *tried], setting), context
        presumed = _presumed_value(answerable, readings, setting)
        if presumed is not None:  # "what did MegaFon pay for its 30% stake?": it holds 24 percent
            why = explanation(found, form, tried, answerable, reason="false premise")
            return Answer(question, False, presumed, explanation=why), context
        manner = form.focus == "how" and form.focus_span is not None and form.focus_span[1] - form.focus_span[0] == 1
        sure = confidence(
            found,
            answerable,
            graph,
            lexicon.name_heads,
            lexicon.grammar,
            manner=manner,
            form=form,
        )
        if sure < MIN_CONFIDENCE:
            from bot.answer import replies

            topics = untold_topic(found, answerable, graph, lexicon.grammar)
            verb = verb_left_out(found, answerable.reading, graph, lexicon.grammar)
            when = another_time(found, answerable, graph, lexicon.grammar)
            topics = [*topics, *(i for i in (verb, when) if i is not None), *misplaced(answerable.reading)]
            text_out = replies.unsure(found, answerable.reading, graph, knowledge, topics)
            unsure = Answer(
                question, False, text_out, (), None, sure, explanation(found, form, tried, reason="not sure")
            )
            named = [m.target for m in sorted(found.of("entity"), key=lambda m: -m.start)]  # the reading unsure
            remembered = tuple(dict.fromkeys([*named, *context.entities]))  # "..., is Mail.ru the email site??"
            return unsure, context._replace(entities=remembered)  # "... anyway, who owns IT": Mail.ru
        result = answerable.result
        unlisted = None
        named_after_cue = {c.end for c in found.of("focus")} & {e.start for e in found.of("entity")}
        if not form.yesno and (found.of("type") or named_after_cue) and found.of("entity"):  # (imported rarely)
            from bot.answer.members import unlisted_members

            unlisted = unlisted_members(found, graph, knowledge.language.types)
        if unlisted is not None:  # "which CIS countries exactly?": the article names none of them
            noun, region = unlisted
            topic = knowledge.language.message("members_unlisted").format(kind=noun, place=region)
            text_out = knowledge.language.message("premise").format(topic=topic, fact=lower_start(result.text))
            why = explanation(found, form, tried, reason="members unlisted")
            return Answer(question, False, text_out, (), None, sure, why), context
        used_context = _used_context(found, answerable.reading)
        if not used_context and _dangling(found, graph, lexicon.grammar):
            message = knowledge.language.message("unclear_followup")
            return Answer(
                question, False, message, (), None, sure, explanation(found, form, tried, reason="dangling pronoun")
            ), context
        why = explanation(found, form, tried, answerable, reason="answered", context_used=used_context)
        answer = Answer(question, True, result.text, result.citations, result.intent, sure, why)
        return answer, _next_context(
            answerable.reading,
            result.entities,
            context,
            facts_used=result.facts,
            found=found,
            form=form,
            graph=graph,
            grammar=lexicon.grammar,
        )
    return _decline(question, found, form, tried, setting), _next_context(
        best.reading,
        (*best.reading.subject, *best.reading.object),
        context,
        found=found,
        form=form,
        graph=graph,
        grammar=lexicon.grammar,
    )


def _same_relation(first: Answer, second: Answer, graph: Graph) -> bool:
    """Whether two answers rest on facts of one relation (a false stake, then a check on the stakes); a derived
    answer is named by its relation and operation ("own.majority_no")."""

    def relations(answer: Answer) -> set[str]:
        facts = answer.explanation.facts if answer.explanation else ()
        return {graph.fact_by_id[f].relation if f in graph.fact_by_id else f.split(".")[0] for f in facts}  # "own.max"

    return bool(relations(first) & relations(second))


def _sourced(question: str, text: Text, setting: Setting, context: Context) -> tuple[Answer, Context] | None:
    """A question for whose a fact is, answered as the question without its source cue, with the source."""
    spans = source_cue_spans(text.tokens, setting.lexicon.grammar.source_cues)
    if spans is None:
        return None
    from bot.answer.sourcing import reported_by, without_cue  # only for a question that asks for a source

    answer, after = respond(question, without_cue(text, spans), setting, context)
    source = reported_by(answer.explanation.facts, setting.graph) if answer.answered else None
    if source is None:
        return None  # "who gave the press conference?", "where does the name come from?": a question of its own
    language = setting.knowledge.language
    plain = lower_start(without_verdict(answer.text, language) or answer.text)  # "Yes: ..." checked nothing here
    if any(a in plain.lower() for a in setting.lexicon.grammar.attribution):
        return answer, after  # "According to the RDIF's Kirill Dmitriyev, ...": the answer names its source
    return answer._replace(text=language.message("sourced").format(source=source, answer=plain)), after


def _all_checked(question: str, claims: list[Text], setting: Setting, context: Context) -> tuple[Answer, Context]:
    """Check each claim in turn, each in the context the one before leaves, as one verdict."""
    answers = []
    for claim in claims:
        answer, context = respond(question, claim, setting, context)
        answers.append(answer)
    return all_of(question, answers, setting.knowledge.language), context


def _each(question: str, parts: list[Text], setting: Setting, context: Context) -> tuple[Answer, Context]:
    """Answer each part in turn, each in the context the one before leaves, as one reply."""
    answer, context = respond(question, parts[0], setting, context)
    last = answer
    for part in parts[1:]:
        if _about_the_unknown(last, part, setting):
            continue  # "Amazon has a partner in Russia? What is ITS name?": declined with the name it asks about
        last, context = respond(question, part, setting, context)
        answer = join(question, answer, last)
    return answer, context


def _about_the_unknown(before: Answer, part: Text, setting: Setting) -> bool:
    """Whether a part after one declined for a name the article never mentions only points back at it: a
    pronoun, and no name of its own."""
    if before.answered or before.explanation is None or not before.explanation.unknown:
        return False
    found = find_mentions(part, setting.lexicon)
    return bool(found.of("pronoun")) and not found.of("entity") and not found.unknown


def _decline(question: str, found: Found, form: Form, tried: list[Tried], setting: Setting) -> Answer:
    """'The article doesn't say <topic>', with the fact it does state when one is close (a false premise),
    else what it does say about the entity asked about."""
    from bot.answer.decline import (  # only a declined question needs them
        checked_instead,
        described_instead,
        not_covered,
        only_the_excluded,
        premise,
    )

    best = tried[0]
    reading = best.reading
    graph, language = setting.graph, setting.knowledge.language
    close = [t for t in tried if t.result is not None and t.reading.mode == "answer" and _shares(t.reading, reading)]
    correction = close[0].result if close and close[0].reading.score >= reading.score - PREMISE_MARGIN else None
    correction = correction or only_the_excluded(reading, graph, language)
    instead = described_instead(reading, graph, language) if correction is None else None
    if correction is None and instead is None:
        correction = checked_instead(reading, graph, language)
    own = (  # its own fact, held back (a dropped name): not "doesn't say where ...; it says ... in Vladivostok"
        bool(close)
        and close[0].reading is reading
        and correction is close[0].result
        and (reading.ask in ("subject", "object") or reading.ask in graph.kinds)
    )
    if correction is not None and (own or _gives_what_is_asked(reading, correction, graph)):
        text = language.message("not_so_described").format(fact=lower_start(correction.text))  # no "doesn't say where"
    elif correction is not None:
        text = premise(reading, correction, graph, language)
    elif instead is not None:
        text = instead
    else:
        about = (reading.subject or reading.object or (None,))[0]
        text = not_covered(reading, graph, language, about, asked_slot_only=True)
    sure = round(min(1.0, max(0.0, reading.score / DECLINE_SCALE)), 3)
    return Answer(question, False, text, (), None, sure, explanation(found, form, tried, best, reason="declined"))


def _gives_what_is_asked(reading: Reading, correction: Result, graph: Graph) -> bool:
    """Whether the correcting fact holds, for the relation declined, the very value the reading asks ("doesn't
    say where it was announced; it says it was announced in Vladivostok" contradicts itself)."""
    if not reading.ask or reading.ask not in graph.kinds:
        return False
    facts = [graph.fact_by_id[f] for f in correction.facts if f in graph.fact_by_id]
    return any(f.relation == reading.relation and f.value(reading.ask) is not None for f in facts)


def _shares(a: Reading, b: Reading) -> bool:
    return bool(set(a.subject + a.object) & set(b.subject + b.object))


def _used_context(found: Found, reading: Reading) -> bool:
    named = {m.target for m in found.of("entity")}
    bound = set(reading.subject) | set(reading.object) | set(reading.options)
    return bool(bound - named) or "follow-up" in reading.notes


def _run_best_first(readings: list[Reading], found: Found, setting: Setting) -> list[Tried]:
    """Run the readings against the facts, most promising first, and stop once no reading left could come
    within PREMISE_MARGIN of the best so far even with every word its facts might explain after all, or
    earlier once none left could change the answer (`_settled`) and enough have run for an explanation to
    show its runners-up. Returned best first; ties keep the builder's order."""
    graph, grammar = setting.graph, setting.lexicon.grammar
    bounds = [r.score + refund_bound(r, found, graph) for r in readings]
    order = sorted(range(len(readings)), key=lambda i: -bounds[i])
    ahead: list[tuple[float, int]] = []  # the best any reading from each place on could rank: (score, -position)
    if len(readings) > RUNNERS_UP + 1:  # fewer all run anyway, for the explanation's runners-up
        reach = [(readings[i].score + evidence_bound(readings[i], found, graph, grammar), -i) for i in order]
        ahead = list(itertools.accumulate(reversed(reach), max))[::-1]
    tried: dict[int, Tried] = {}
    first = (float("-inf"), 0)  # the best so far, as (score, -position)
    for at, i in enumerate(order):
        if tried and bounds[i] < first[0] - PREMISE_MARGIN:
            break
        if len(tried) > RUNNERS_UP and ahead[at] < first and _settled(tried, ahead[at], found, setting):
            break
        run = with_evidence(
            Tried(readings[i], execute(readings[i], graph, setting.knowledge.language)), found, graph, grammar
        )
        tried[i] = run
        first = max(first, (run.reading.score, -i))
    return [tried[i] for i in sorted(tried, key=lambda i: (-tried[i].reading.score, i))]


def _settled(tried: dict[int, Tried], ahead: tuple[float, int], found: Found, setting: Setting) -> bool:
    """Whether no reading still to run, ranking at most `ahead`, could change what `respond` does with the
    readings run so far: the best reading and the one that answers for it are known, or, for a decline,
    the best reading and the fact that corrects its premise. The margin stop stays the only stop while a
    reading still to run could decide between declining and not understanding, so that case runs exactly
    the readings it always did."""
    graph, grammar = setting.graph, setting.lexicon.grammar
    ranked = sorted(tried, key=lambda i: (-tried[i].reading.score, i))
    best = tried[ranked[0]].reading
    answering = next((i for i in ranked if _answers(tried[i], found, graph, grammar)), None)
    known = answering is not None and ahead < (tried[answering].reading.score, -answering)
    if known and answering is not None:
        answer = tried[answering].reading
        if answer.score >= max(best.score - MARGIN, MIN_SCORE) and not _leaves_the_verb(answer, best, graph, found):
            return True
    elif best.score < MIN_SCORE or ahead[0] >= max(best.score - MARGIN, MIN_SCORE):
        return False  # a reading still to run could answer, or be the only one with a fact
    if ahead[0] < best.score - PREMISE_MARGIN:
        return True
    close = (i for i in ranked if tried[i].result is not None and tried[i].reading.mode == "answer")
    correcting = next((i for i in close if _shares(tried[i].reading, best)), None)
    return correcting is not None and ahead < (tried[correcting].reading.score, -correcting)


def _answers(tried: Tried, found: Found, graph: Graph, grammar: Grammar) -> bool:
    """Whether the reading's facts can answer for it: it found some, and leaves out no name or value."""
    return (
        tried.result is not None
        and not _drops_a_name(tried, found, graph, grammar)
        and not _drops_a_value(tried, found, grammar, graph)
        and not _miscounts(tried, found, graph, grammar)
    )


def _miscounts(tried: Tried, found: Found, graph: Graph, grammar: Grammar) -> bool:
    """Whether a count leaves out a word of the noun it counts ("how many board SEATS does each partner get?"
    is not how many partners there are): the words between the cue and the verb name what is counted."""
    if tried.reading.aggregate != "count":
        return False
    span = _counted(found, graph, grammar)
    return span is not None and any(  # a role noun ("how many PARTNERS own it?") only names the counted side
        span[0] <= m.start < span[1] and m.kind in ("relation", "type") and m.detail != "agent" and not m.weak
        for m in tried.reading.missed
    )


def _counted(found: Found, graph: Graph, grammar: Grammar) -> tuple[int, int] | None:
    """Where the noun counted stands: from the count cue to the first verb or auxiliary after it."""
    counts = [c for c in found.of("focus") if graph.focus[c.target].aggregate == "count"]
    if not counts:
        return None
    start = counts[0].end
    tokens = found.text.tokens
    verbs = {m.start for m in found.of("relation") if m.detail in ("verb", "passive")}
    stops = (i for i in range(start, len(tokens)) if i in verbs or tokens[i] in grammar.auxiliary | grammar.be)
    return start, next(stops, len(tokens))


def _leaves_the_verb(answerable: Reading, best: Reading, graph: Graph, found: Found) -> bool:
    """Whether the answer leaves out a strong verb the better reading is built on ("how much did Mail.ru's
    shares GO UP?" is not answered with Mail.ru's stake), or a strong noun of a topic the article has no
    fact on at all ("how did Alibaba's SHARE PRICE react to the announcement?" is not the announcement).
    A name asked for is given only by a name ("what is the forum called?" is not what the forum is)."""
    asked_name = graph.relations.get(best.relation)
    if asked_name is not None and asked_name.names and best.ask in asked_name.values and best.strong:
        return answerable.relation != best.relation
    relation = graph.relations.get(answerable.relation)
    if (
        relation is not None
        and relation.describes
        and any(  # "what did Yandex's CEO SAY?" is not what Yandex is, whatever the reading took the verb for
            m.kind == "relation" and not m.weak and m.detail in ("verb", "passive") and m.score == 1.0
            for m in (*answerable.missed, *_speech_verbs(found, graph))
        )
    ):
        return True
    if answerable is best:
        return False
    return any(
        m.kind == "relation"
        and not m.weak
        and (m.detail in ("verb", "passive") or (m.detail == "holding" and not graph.facts_by_relation.get(m.target)))
        and m.score == 1.0
        and m.start in best.used
        for m in answerable.missed
    )


def _speech_verbs(found: Found, graph: Graph) -> list[Mention]:
    """The verbs of saying whose speaker is named by a title or a role noun ("what did Yandex's CEO SAY?",
    "MegaFon's management"): a description of the organisation never answers for people the article does not name."""
    title_ends = {t.end for t in found.of("title")} | {m.end for m in found.of("relation") if m.detail == "agent"}
    return [
        m
        for m in found.of("relation")
        if m.detail == "verb"
        and m.start in title_ends
        and (relation := graph.relations.get(m.target)) is not None
        and relation.topical
    ]


def _drops_a_name(tried: Tried, found: Found, graph: Graph, grammar: Grammar) -> bool:
    """Whether the answer leaves out an entity the question names ("Why is Jack Ma's stake so small?"
    must not be answered with the smallest stake): a named entity is never dropped, unless it only says
    where ("Who owns Tmall in China?")."""
    result = tried.result
    if result is None:
        return False
    answered = set(result.entities)
    tokens = found.text.tokens
    return any(
        m.kind == "entity"
        and m.detail in ("", "definite")
        and m.target not in graph.backdrops
        and m.target not in answered
        and not (m.start > 0 and tokens[m.start - 1] in grammar.locative)
        and not _told_as_attribute(m, found, result.facts, graph)
        for m in tried.reading.missed
    )


def _told_as_attribute(name: Mention, found: Found, facts: Sequence[str], graph: Graph) -> bool:
    """Whether a country named stands for its nationality, which the answer's facts state ("does Pandao sell
    Russian goods to CHINA?": No, it sells Chinese goods to Russians): the name is answered, not dropped."""
    values = {m.detail for m in found.of("attribute") if m.span == name.span}
    return any(values & graph.fact_words.get(f, frozenset()) for f in facts)


def _drops_a_value(tried: Tried, found: Found, grammar: Grammar, graph: Graph) -> bool:
    """Whether a yes/no answer leaves out a value no fact can hold ("Did Alibaba pay 2 billion dollars?" is
    no "Yes" because Alibaba invested): the check is of that value, not of the relation alone; or whether
    any answer leaves out a time bound ("what happened to it AFTER 2022?" is not what happened before)."""
    tokens = found.text.tokens
    for m in tried.reading.missed:
        before = m.start - 1
        while before >= 0 and tokens[before] in grammar.bound_fillers:
            before -= 1
        if m.kind == "year" and before >= 0 and tokens[before] in grammar.earlier | grammar.later:
            return True
    if tried.reading.mode != "yesno":
        return False
    relation = graph.relations.get(tried.reading.relation)
    numbers = [m for m in tried.reading.missed if m.kind in VALUE_KINDS and "number" in VALUE_KINDS[m.kind]]
    if relation is not None and not relation.values and numbers:
        return True  # "MegaFon has 13%, yes?": a relation with no values at all (partners) checks no number
    return any(m.kind in VALUE_KINDS and not VALUE_KINDS[m.kind] for m in tried.reading.missed)


def _presumed_value(answerable: Tried, readings: list[Reading], setting: Setting) -> str | None:
    """'What did MegaFon pay for its 30% stake?': the number an answer leaves out, read as a claim about the
    same entity ("MegaFon holds 30 percent") and checked; when the article says otherwise, the question's
    premise is declined with the fact it states ("it says MegaFon will own 24 percent"), not answered around."""
    values = [m for m in answerable.reading.missed if m.kind in VALUE_KINDS]
    if not values:
        return None
    language = setting.knowledge.language
    for value in values:
        holder = next(
            (
                r
                for r in readings
                if value.start in r.used
                and r.mode == "answer"
                and _shares(r, answerable.reading)
                and r.relation != answerable.reading.relation
            ),
            None,
        )
        if holder is None:
            continue
        result = execute(holder._replace(ask="", mode="yesno"), setting.graph, language)
        if result is None or verdict_of(result.text, language) != "no":
            continue
        said = without_verdict(result.text, language) or result.text
        return language.message("not_so_described").format(fact=lower_start(said))
    return None


def _dangling(found: Found, graph: Graph, grammar: Grammar) -> bool:
    """A pronoun with nothing to point at: no name in the question, no antecedent in the conversation,
    and no backdrop it could mean ("what does it do?" is about the venture; "what did he say?" is unclear).
    A "that" may point at what was said rather than at a thing ("who said that?", "is that ok?")."""
    if found.of("entity"):
        return False
    tokens = found.text.tokens
    personal = [p for p in found.of("pronoun") if tokens[p.start] not in grammar.relative]
    return any(not any(graph.is_a(b, p.target.split()) for b in graph.backdrops) for p in personal)


def _some_thing(found: Found, grammar: Grammar) -> bool:
    """Whether a yes/no question names a thing only by its kind after "some" or "a" ("launched SOME PLATFORM?"):
    the one the answer finds is what it was about."""
    tokens = found.text.tokens
    if any(word in grammar.indefinite_pronouns for word in tokens):  # "launched SOMETHING in 2017?"
        return True
    return any(t.start > 0 and tokens[t.start - 1] in grammar.existential for t in found.of("type"))


def _asks_what_it_is(found: Found, form: Form, grammar: Grammar) -> bool:
    """'What was the earlier tie-up ...?' (the question word, a form of "be", then the thing it is about) or
    'what other deal is mentioned?' (the thing asked for named right after the question word)."""
    if form.focus_span is None:
        return False
    end = form.focus_span[1]
    tokens = found.text.tokens
    if end < len(tokens) and tokens[end] in grammar.be:
        return True
    return any(mention.start == end for mention in found.of("entity"))


def _next_context(
    reading: Reading,
    entities: Sequence[str],
    context: Context,
    *,
    facts_used: Sequence[str] = (),
    found: Found,
    form: Form,
    graph: Graph,
    grammar: Grammar,
) -> Context:
    """What the next question can point back at, most salient first: what a "who"/"which" question found,
    then what the question named, last named first ("When did Mail.ru launch Pandao?" then "what does it
    sell?": Pandao), then the rest of the answer."""
    bound = reading.subject + reading.object
    asked_noun = {t.span for t in found.of("type") if t.target == form.focus_type}  # "which FORUM ...": asked
    named = [
        m.target
        for m in sorted(found.of("entity"), key=lambda m: -m.start)
        if (m.target in entities or m.target in bound) and m.span not in asked_noun
    ]
    focus = graph.focus.get(form.focus or "")
    names = {e.span for e in found.of("entity")}  # "tell me about THE OTHER DEAL": a name, though a verb too
    by_verb = any(
        m.target == reading.relation and m.detail in ("verb", "passive") and m.start in reading.used
        for m in found.of("relation")
        if m.span not in names
    )  # "what did Mail.ru launch?" asks for a thing; "what is MegaFon's stake?" for a number
    asked_for_one = (
        focus is not None and "entity" in focus.expects and (not focus.generic or form.focus_type or by_verb)
    )
    found_by_asking = (
        [e for e in entities if e not in named] if asked_for_one and reading.ask in ("subject", "object") else []
    )
    if form.yesno and not found_by_asking and _some_thing(found, grammar):
        found_by_asking = [e for e in entities if e not in named]  # "Mail.ru launched SOME PLATFORM, right?": Pandao
    if form.yesno and not found_by_asking and not bound:  # "is there an earlier deal?": the one the answer found
        found_by_asking = [e for e in entities if e not in named and e not in graph.backdrops]
    if named and found_by_asking and found_by_asking[0] in graph.backdrops and _asks_what_it_is(found, form, grammar):
        # "What was the earlier tie-up?" answered through the venture: "it" next is still the tie-up
        found_by_asking = []
    facts = [graph.fact_by_id[f] for f in facts_used if f in graph.fact_by_id]
    passing = {e for f in facts for e in f.named} - {e for f in facts for e in f.entities} - set(named)
    found_by_asking = [e for e in found_by_asking if e not in passing]
    said = [e for e in entities if e not in passing]  # "... who founded Alibaba": Alibaba only if nothing else fits
    everyone = tuple(dict.fromkeys([*found_by_asking, *named, *said, *context.entities]))
    everyone += tuple(e for e in entities if e in passing and e not in everyone)
    earlier = context.earlier
    if context.reading is not None and context.reading.relation != reading.relation:
        earlier = (context.reading, *(r for r in earlier if r.relation != context.reading.relation))[:KEPT_READINGS]
    still_passing = (passing | set(context.passing)) - {*named, *said, *found_by_asking}  # until named or answered
    return Context(reading, everyone, tuple(found_by_asking), earlier, tuple(e for e in everyone if e in still_passing))
