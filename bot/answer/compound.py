"""Two questions in one ("What kind of company is Alibaba, and which country is it from?").

The second question starts with a question word right after a joining word or a comma; the first must be a
question of its own, naming something or saying how. Each is answered in turn, the second in the
context the first leaves, so "it" in the second points at what the first was about; the replies are
joined. A leading clause that names nothing ("one more:", "for my essay:") is no question of its own:
the question after it is answered alone.
"""

from __future__ import annotations

import re

from bot.answer.compose import capitalise, lower_start, verdict_of, without_verdict
from bot.answer.model import Answer
from bot.knowledge.graph import Graph
from bot.knowledge.model import Language
from bot.understand.grammar import Grammar
from bot.understand.model import Form, Found, Mention
from bot.understand.normalize import Text
from bot.understand.readings.assemble import COMPARATIVES


def second_question(found: Found, form: Form, grammar: Grammar) -> int | None:
    """Where a second question starts, or None when there is one question."""
    if form.focus is None and not form.yesno:
        return None
    tokens = found.text.tokens
    first_cue = min((m.start for m in found.of("focus", "yesno")), default=len(tokens))
    content = [m.start for m in found.of("entity", "relation") if not m.weak or m.kind == "entity"]
    for cue in found.of("focus"):
        start = cue.start
        after_break = bool(found.text.boundary) and found.text.boundary[start]  # "What is X, how ...?"
        joined = tokens[start - 1] in grammar.joiners or after_break
        joined = joined and start > first_cue + 1 and tokens[start] in grammar.question_words
        if joined and any(
            first_cue < c < start and tokens[c] not in grammar.joiners for c in content
        ):  # "which bank and which firm teamed up?"
            return start
    return None


_SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-Z])")  # between the sentences of a reply
PAIRED = ("percent", "number")  # the figures a gapped claim pairs with its names ("X has 13% and Y 24%")


def gapped_claims(found: Found, form: Form, grammar: Grammar) -> tuple[Text, Text] | None:
    """'MegaFon has 13% and the RDIF 24%, yes?': two claims sharing one verb, the second with it left out.
    Returned as two yes/no questions ("MegaFon has 13%, yes?", "the RDIF has 24%, yes?"), else None."""
    if not form.yesno:
        return None
    text, tokens = found.text, found.text.tokens
    names = found.of("entity")
    figures = found.of(*PAIRED)
    if len(figures) != 2:
        return None  # "48 plus 24 make 70?": a sum claimed, not two claims
    first_figure, second_figure = figures
    second = next((e for e in names if e.end == second_figure.start), None)
    first = next((e for e in reversed(names) if e.end <= first_figure.start), None)
    if second is None or first is None:
        return None
    between = range(first_figure.end, second.start)
    joined = all(tokens[i] in grammar.joiners for i in between) and (
        bool(between) or bool(text.boundary and text.boundary[second.start])
    )
    if not joined:
        return None
    tail = text.part(second_figure.end, len(tokens))
    claim = text.part(0, first_figure.end).then(tail)
    verb = text.part(first.end, first_figure.start)  # "has", "gets": said once, meant twice
    other = text.part(0, first.start).then(text.part(second.start, second.end)).then(verb)
    return claim, other.then(text.part(second_figure.start, second_figure.end)).then(tail)


LISTED = 3  # names each with a figure, and nothing else: "alibaba 48, megafon 24, mail.ru 15?" claims each


def listed_claims(found: Found, grammar: Grammar) -> list[tuple[int, int]] | None:
    """'Alibaba 48, MegaFon 24, Mail.ru 15 and the RDIF 13, correct?': a list of names, each right before its
    figure, and nothing else but joining words and a yes/no closer. The spans of the pairs, else None."""
    tokens = found.text.tokens
    figures = found.of(*PAIRED)
    pairs = [(e, f) for f in figures for e in found.of("entity") if e.end == f.start]
    if len(pairs) < LISTED - 1 or len(pairs) != len(figures):
        return None
    covered = {i for e, f in pairs for i in range(e.start, f.end)}
    covered |= {i for m in found.of("yesclose", "yesno", "followup") for i in range(m.start, m.end)}
    loose = grammar.joiners | grammar.determiners  # "and THE RDIF 13"
    if any(i not in covered and tokens[i] not in loose for i in range(len(tokens))):
        return None
    return [(e.start, f.end) for e, f in pairs]


def question_sentences(found: Found, graph_backdrops: tuple[str, ...]) -> list[tuple[int, int]] | None:
    """The sentences to answer when the text has several: those shaped as questions, when every other
    sentence names nothing ("I need it for my essay."). None when there is one sentence, or when a
    statement names something the question may lean on ("Usmanov owns Mail.ru. What does he say?")."""
    starts = [0, *(i for i, o in enumerate(found.text.opens) if o and i > 0)]
    if len(starts) == 1:
        return None
    spans = list(zip(starts, [*starts[1:], len(found.text.tokens)], strict=True))

    def within(m: Mention, span: tuple[int, int]) -> bool:
        return span[0] <= m.start < span[1]

    spans = _closers_joined(found, spans)  # "Alibaba takes 51 percent. Right?" is one question
    if len(spans) == 1:
        return None
    asking = [
        s
        for s in spans
        if any(within(m, s) for m in found.of("focus", "yesclose")) or any(m.start == s[0] for m in found.of("yesno"))
    ]
    content = [m for m in found.of("entity") if m.target not in graph_backdrops]  # "I need it for my essay." names none
    others = [s for s in spans if s not in asking]
    if not asking or (any(within(m, s) for s in others for m in content) and not _stand_alone(found, asking, content)):
        return None
    return asking


def _stand_alone(found: Found, asking: list[tuple[int, int]], content: list[Mention]) -> bool:
    """'Reading about the Alibaba thing. How much does Alibaba own?': every question names what it asks about
    and points back at nothing ("What does HE say?" leans on the statement before it)."""
    leaning = found.of("pronoun", "demonstrative", "followup")
    return all(
        any(s[0] <= m.start < s[1] for m in content) and not any(s[0] <= m.start < s[1] for m in leaning)
        for s in asking
    )


def _closers_joined(found: Found, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence that is only a yes/no closer ("Right?") belongs to the sentence before it."""
    joined: list[tuple[int, int]] = []
    for span in spans:
        closers = {i for m in found.of("yesclose") for i in range(m.start, m.end)}
        if joined and all(i in closers for i in range(*span)):
            joined[-1] = (joined[-1][0], span[1])
        else:
            joined.append(span)
    return joined


def all_of(question: str, answers: list[Answer], language: Language) -> Answer:
    """One verdict on several claims, as `both` gives on two."""
    result = answers[0]
    for answer in answers[1:]:
        result = both(question, result, answer, language)
    return result


def both(question: str, first: Answer, second: Answer, language: Language) -> Answer:
    """One verdict on two claims: Yes when both hold, No when either does not, each fact said once."""
    verdicts = (verdict_of(first.text, language), verdict_of(second.text, language))
    if None in verdicts:
        return join(question, first, second)
    plain = [without_verdict(a.text, language) or a.text for a in (first, second)]
    verdict = "yes" if verdicts == ("yes", "yes") else "no"
    sentences = _SENTENCE_END.split(" ".join([plain[0], capitalise(plain[1])]))
    said = list(dict.fromkeys(capitalise(s) for s in sentences))  # a correction may name the other's figure too
    text = language.message(verdict).format(answer=lower_start(" ".join(said)))
    return join(question, first, second)._replace(text=text)


def join(question: str, first: Answer, second: Answer) -> Answer:
    """One reply to both questions: both texts, each sentence once ("It does say ..." after two declines about
    one thing), every citation, the lower confidence."""
    said = _SENTENCE_END.split(first.text)
    texts = [first.text, *(s for s in _SENTENCE_END.split(second.text) if s not in said)]
    citations = tuple(dict.fromkeys((*first.citations, *second.citations)))
    why = first.explanation._replace(
        reading=f"{first.explanation.reading} + {second.explanation.reading}",
        reason=f"two questions: {first.explanation.reason}, {second.explanation.reason}",
        facts=(*first.explanation.facts, *second.explanation.facts),
    )
    return Answer(
        question,
        first.answered or second.answered,
        " ".join(texts),
        citations,
        first.intent or second.intent,
        min(first.confidence, second.confidence),
        why,
    )


CONTENT = frozenset({"entity", "relation", "type", "attribute", "title", "percent", "year", "number", "month",
                     "weekday", "valueword", "aggregate", "exclusion", "ordinal", "smalltalk", "followup",
                     "pronoun", "demonstrative"})  # fmt: skip  # what makes a leading clause part of the question


def _sourced_to_the_story(found: Found, end: int, graph: Graph, grammar: Grammar) -> bool:
    """'According to the article, ...': a clause that opens with an attribution and names only the story."""
    lead = " ".join(found.text.tokens[:end])
    if not any(lead.startswith(marker) for marker in grammar.attribution):
        return False
    named = [m for m in found.of("entity") if m.start < end]
    return bool(named) and all(graph.is_a(m.target, grammar.context_types) for m in named)


def premise_split(found: Found, grammar: Grammar) -> tuple[int, int] | None:
    """'Given Alibaba holds 51% of the JV, can it outvote the others?': where the claim the question rests on
    starts and where the question after it starts, when a premise word opens it and a clause break ends it."""
    tokens = found.text.tokens
    if not tokens or tokens[0] not in grammar.premise:
        return None
    start = 2 if len(tokens) > 1 and tokens[1] in grammar.relative else 1  # "given THAT ..."
    breaks = [i for i, b in enumerate(found.text.boundary or ()) if b and i > 1]
    verbs = [m.end for m in found.of("relation") if m.start >= start]
    asking = [  # no comma: "since X owns 60% DO the Russians have any say?": the question opens after the claim
        m.start for m in found.of("yesno", "focus") if verbs and m.start > min(verbs) and m.end - m.start == 1
    ]
    ends = [b for b in breaks if b < len(tokens)] or sorted(asking)
    if not ends:
        return None
    return (start, ends[0]) if start < ends[0] else None


HEARSAY_REACH = 3  # words from "my" to what they heard said: "my senior colleague SAYS"


def hearsay_end(found: Found, grammar: Grammar) -> int:
    """Where the claim starts after the asker says who told them ("my colleague says that ...", "our editor
    thinks ..."): a speaker's possessive opening the question, a hearsay verb close after it, and "that" or
    "me" after the verb; else 0."""
    tokens = found.text.tokens
    if not tokens or tokens[0] not in grammar.speaker_possessives:
        return 0
    if any(m.start == 0 for m in found.of("yesno")):
        return 0  # "MY COPY SAYS ...": an opener of its own
    verb = next((i for i in range(1, min(len(tokens), HEARSAY_REACH + 1)) if tokens[i] in grammar.hearsay), None)
    if verb is None:
        return 0
    start = verb + 1
    while start < len(tokens) and tokens[start] in grammar.relative | grammar.hearers:
        start += 1
    return start if start < len(tokens) else 0


def preamble_end(found: Found, graph: Graph, grammar: Grammar) -> int:
    """Where the question starts after a leading clause that names nothing ("one more:", "ngl confused,",
    "for my essay:") or only says the story is the source ("according to the article,"), when the clause
    after it opens with a question word or a yes/no opener; else 0."""
    text = found.text
    breaks = [i for i, b in enumerate(text.boundary or ()) if b and i > 0]
    if not breaks:
        return 0
    start = breaks[0]
    if _sourced_to_the_story(found, start, graph, grammar):
        return start if any(m.start == start for m in found.of("focus", "yesno")) else 0
    tokens = text.tokens
    named = any(
        m.kind in CONTENT
        and m.start < start
        and not (m.start > 0 and tokens[m.start - 1] in grammar.speaker_possessives)  # "for MY PIECE:": the asker's
        and not (m.kind == "aggregate" and m.target in COMPARATIVES)  # "one MORE:": nothing compared, chat
        and not (m.kind == "type" and graph.is_anything(m.target))  # "ONE more": any thing at all
        for m in found.mentions
    )
    if named or any(n.start < start for n in found.unknown):
        return 0
    opens = any(m.start == start for m in found.of("focus", "yesno"))
    return start if opens else 0
