"""What the facts say back about a reading: words its answer explains after all, and how sure it is.

Reading and fact are chosen together. A reading that left a word out gets the cost back when the facts
it found explain that word anyway ("What did Evans say Alibaba wants?": the quote it finds mentions
Alibaba), and a word nothing else explains, found in the sentence an answer cites, counts for it ("who
called the partnership a significant step ...": only Usmanov's sentence has those words).
"""

from __future__ import annotations

from typing import NamedTuple

from bot.answer.compose import Result
from bot.knowledge.graph import Graph
from bot.understand.grammar import Grammar, word_before
from bot.understand.model import ONLY, Form, Found, Mention, Reading
from bot.understand.normalize import simplify
from bot.understand.readings import miss_weight, use_weight
from bot.understand.readings.weights import VALUE_MENTIONS

EVIDENCE_WORD = 0.5  # a word nothing else explains, found in the sentence an answer cites
STRONG_WORD_BACK = 0.5  # a strong relation word left out gets back this share of its cost when the facts use it
UNEXPLAINED = 0.75  # confidence kept per content word the reading leaves unexplained ...
UNEXPLAINED_NAME = 0.45  # ... per capitalised word or name word left unexplained (a name it could not place)
UNEXPLAINED_GUESS = 0.45  # ... per word left unexplained by a reading no relation word supports (a guess)
UNEXPLAINED_ASIDE = 0.95  # ... per word of a clause before the one the question word opens ("my uncle buys ..., when")
NO_MATCH_QUALITY = 0.8  # match quality assumed when a reading uses no matched word at all
LINK_COST = 0.5  # an answer found through a link gives way to a reading within this that its own facts answer
DEMONYM_LENGTH = 5  # shorter words with such an ending ("plan", "than") are not a people's word
NOUN_PHRASE = 3  # words after "which" that may name what is asked ("which FOOTBALL CLUB")
ROUNDING = 1e-4  # a rescored reading's score is rounded to four places: a bound on it allows for that


class Tried(NamedTuple):
    """A reading and what the facts gave for it."""

    reading: Reading
    result: Result | None


def with_evidence(tried: Tried, found: Found, graph: Graph, grammar: Grammar) -> Tried:
    """The reading rescored with what its answer's facts explain."""
    result = tried.result
    if result is None:
        return tried
    words = _cited_words(result, graph)
    refund = sum(
        EVIDENCE_WORD for i in found.unexplained if i not in tried.reading.used and found.text.tokens[i] in words
    )
    beside = _beside_the_only(tried.reading, result, graph)
    for mention in tried.reading.missed:
        if mention.kind == "entity":
            told = mention.target in _mentioned(result, graph) or mention.target in beside
            if told or _placed_in(mention, found, result, graph, grammar):
                refund += miss_weight(mention, graph) + use_weight(mention, graph)
        elif all(token in words for token in found.text.tokens[mention.start : mention.end]):
            share = STRONG_WORD_BACK if mention.kind == "relation" and not mention.weak else 1.0
            refund += miss_weight(mention, graph) * share
    if _came_through_a_link(result, tried.reading, graph):
        refund -= LINK_COST
    if not refund:
        return tried
    return Tried(tried.reading._replace(score=round(tried.reading.score + refund, 4)), result)


def _came_through_a_link(result: Result, reading: Reading, graph: Graph) -> bool:
    """Whether the answer came through a relation the reading's is declared `through` (what Mail.ru sells, told
    by the platform it launched): a reading its own facts answer ranks ahead of it."""
    relation = graph.relations.get(reading.relation)
    through = set(relation.through) if relation is not None else set()
    return any(f in graph.fact_by_id and graph.fact_by_id[f].relation in through for f in result.facts)


def refund_bound(reading: Reading, found: Found, graph: Graph) -> float:
    """The most `with_evidence` could add to the reading's score, whatever its facts turn out to be."""
    bound = EVIDENCE_WORD * sum(1 for i in found.unexplained if i not in reading.used)
    for mention in reading.missed:
        bound += miss_weight(mention, graph) + (use_weight(mention, graph) if mention.kind == "entity" else 0.0)
    return bound


def evidence_bound(reading: Reading, found: Found, graph: Graph, grammar: Grammar) -> float:
    """The most `with_evidence` could add to the reading's score, counting only what some fact could give
    back: a word no fact's answer or sentence has, or an entity no fact mentions and no "in" places, never
    comes back. Tighter than `refund_bound`, and exact (nothing added) when it is zero."""
    tokens = found.text.tokens
    words = graph.cited_words
    bound = EVIDENCE_WORD * sum(1 for i in found.unexplained if i not in reading.used and tokens[i] in words)
    for mention in reading.missed:
        if mention.kind == "entity":
            placed = mention.start > 0 and tokens[mention.start - 1] in grammar.locative  # what `_placed_in` needs
            if mention.target in graph.mentioned or placed:
                bound += miss_weight(mention, graph) + use_weight(mention, graph)
        elif all(token in words for token in tokens[mention.start : mention.end]):
            share = STRONG_WORD_BACK if mention.kind == "relation" and not mention.weak else 1.0
            bound += miss_weight(mention, graph) * share
    return bound + ROUNDING if bound else 0.0


def untold_topic(found: Found, tried: Tried, graph: Graph, grammar: Grammar) -> list[int]:
    """The positions of a strong relation word the reading leaves out that stands where a topic does, right after
    "about", "on" or the like (past function words and words nothing explains), when no fact of that relation is about
    what the answer's facts are about: "say about (western) SANCTIONS", not "say about the STAKES"."""
    tokens = found.text.tokens
    unexplained = set(found.unexplained)
    answered = [graph.fact_by_id[f] for f in tried.result.facts if f in graph.fact_by_id] if tried.result else []
    about = {e for f in answered for e in (*f.entities, *f.named)}
    topics: list[int] = []
    for m in found.of("relation"):
        if m.weak or any(i in tried.reading.used for i in range(m.start, m.end)):
            continue
        if any(about & {*f.entities, *f.named} for f in graph.facts_by_relation.get(m.target, ())):
            continue
        if _marked_by(tokens, m.start, unexplained, grammar) in grammar.inside:
            topics += range(m.start, m.end)
    relation = graph.relations.get(tried.reading.relation)
    if relation is not None and relation.topical and not found.of("either"):  # "say about Chinese TECHNOLOGY?"
        # (not an option offered: "at a press conference or in an INTERVIEW?" is checked against the facts)
        told = {w for f in answered for w in graph.fact_words.get(f.id, ())}
        described = {i for m in found.of("attribute") for i in range(m.start, m.end)}
        for position in sorted(unexplained - set(tried.reading.used)):
            marker = _marked_by(tokens, position, unexplained | described, grammar)
            if tokens[position] not in told and marker in grammar.topic_markers:
                topics.append(position)
    return topics


def _marked_by(tokens: tuple[str, ...], position: int, passable: set[int], grammar: Grammar) -> str:
    """The preposition a topic hangs on ("say ABOUT (western) sanctions"): the word before the position, past
    function words and the words at `passable` positions; empty when there is none."""
    before = position - 1
    while before >= 0 and (tokens[before] in grammar.stopwords - grammar.inside or before in passable):
        before -= 1
    return tokens[before] if before >= 0 else ""


def _clause_verb(found: Found, position: int, grammar: Grammar) -> bool:
    """Whether the word stands where a question's verb does, with no object after it: after an auxiliary and a
    subject naming something ("how DID ALIBABA'S SHARES move after ..."), with no relation verb between."""
    tokens = found.text.tokens
    after = tokens[position + 1] if position + 1 < len(tokens) else None
    if after is not None and after not in grammar.aside | grammar.earlier | grammar.later:
        return False  # "how does the article spell THE NAME": its object says what is asked
    auxiliary = next((i for i in range(position) if tokens[i] in grammar.auxiliary), None)
    if auxiliary is None or auxiliary + 1 >= position:
        return False
    between = [m for m in found.mentions if auxiliary < m.start < position]
    named = any(m.kind in ("entity", "pronoun") for m in between)
    verbs = any(m.kind == "relation" and m.detail in ("verb", "passive") for m in between)
    return named and not verbs and not any(i in found.unexplained for i in range(auxiliary + 1, position))


def _asked_noun(tokens: tuple[str, ...], position: int, grammar: Grammar) -> bool:
    """Whether the word is what the question asks for: "who was THE PHOTOGRAPHER": a reading that leaves it
    unexplained has not understood what is asked. A word before another content word only describes it ("the
    SINGLE largest shareholder")."""
    if position + 1 < len(tokens) and tokens[position + 1] not in grammar.stopwords:
        return False
    start = position - 1
    if start >= 0 and tokens[start] in grammar.determiners | grammar.possessives:
        start -= 1
    return start >= 1 and tokens[start] in grammar.be and tokens[start - 1] in grammar.entity_questions


def _claimed_thing(found: Found, position: int, used: frozenset[int], grammar: Grammar) -> bool:
    """'Does he own any FOOTBALL CLUBS?': in a check, words the reading leaves out right after the relation's verb
    (past "any", "a", "some") up to the end are the thing claimed; a reading that leaves them out checks nothing."""
    tokens = found.text.tokens
    if any(t not in grammar.stopwords for t in tokens[position + 1 :]):
        return False
    at = position
    passable = grammar.existential | grammar.determiners
    while at > 0 and at - 1 not in used and (tokens[at - 1] not in grammar.stopwords or tokens[at - 1] in passable):
        at -= 1
    return at < position and any(m.end == at and m.detail in ("verb", "passive") for m in found.of("relation"))


def _question_clause(found: Found, form: Form | None) -> int:
    """Where the clause the question word opens starts, after a comma or colon; 0 when it opens the question.
    Words before it tell the story of why one asks ("my uncle buys everything off Alibaba, when was it set up?")."""
    if form is None or form.focus_span is None or form.yesno:
        return 0
    breaks = [i for i, b in enumerate(found.text.boundary or ()) if b and 0 < i <= form.focus_span[0]]
    return breaks[-1] if breaks else 0


COMMENT_FREE = ("pronoun", "negation", "demonstrative", "smalltalk")  # all a comment may hold ("never heard of it")


def _comment_after(found: Found, reading: Reading) -> int:
    """Where a last clause starts that only comments on the question ("what's the RDIF, NEVER HEARD OF IT"):
    after a clause break, nothing in it that names or asks anything, and nothing the reading uses; else the end."""
    tokens = found.text.tokens
    breaks = [i for i, b in enumerate(found.text.boundary or ()) if b and 0 < i < len(tokens)]
    if not breaks:
        return len(tokens)
    start = breaks[-1]
    inside = [m for m in found.mentions if m.end > start]
    if any(m.kind not in COMMENT_FREE for m in inside) or any(i >= start for i in reading.used):
        return len(tokens)
    return start


def _passive_verb(found: Found, position: int, grammar: Grammar) -> bool:
    """'Is the majority REQUIRED by law?': a participle right before "by" is the verb of the claim; a reading that
    leaves it out checks something else."""
    tokens = found.text.tokens
    after = tokens[position + 1] if position + 1 < len(tokens) else None
    return after in grammar.agent_marker and tokens[position].endswith(grammar.participle_endings)


def _asked_after_cue(found: Found, form: Form, graph: Graph, grammar: Grammar) -> int | None:
    """The word right after a cue that wants a type noun, when no type noun came and nothing follows it but
    function words ("who took it, which PHOTOGRAPHER?"): the thing asked for, whatever word names it. Before
    another content word it may only narrow that word ("which SPECIFIC countries")."""
    if form.focus_type is not None:
        return None
    tokens = found.text.tokens
    cues = [m for m in found.of("focus") if m.target in graph.focus and graph.focus[m.target].needs_type]
    named = {i for m in found.of("entity") for i in range(m.start, m.end)}
    for cue in cues:
        end = cue.end  # "which FOOTBALL CLUB does he own": the noun phrase runs to a function word; its last
        while end < len(tokens) and end - cue.end < NOUN_PHRASE and tokens[end] not in grammar.stopwords:
            end += 1  # word is what is asked
        head = end - 1
        if head >= cue.end and head in found.unexplained and not named.intersection(range(cue.end, end)):
            return head
    return None


def _narrows_the_asked(found: Found, form: Form | None, position: int, grammar: Grammar) -> bool:
    """Whether a word of a people or a place ("which EUROPEAN Union countries", "which UKRAINIAN partners") stands
    between "which" and the noun it asks for: it narrows what is asked to a group the answer's facts must name,
    or the answer is to another question. Other words there ("which EXISTING platforms") may only colour it."""
    word = found.text.tokens[position]
    if form is None or form.focus_span is None or len(word) < DEMONYM_LENGTH:
        return False
    if not word.endswith(grammar.demonym_endings) or word in grammar.stopwords:
        return False
    cue_end = form.focus_span[1]
    nouns = [
        m.start
        for m in found.mentions
        if (m.kind == "type" or (m.kind == "relation" and m.detail == "agent")) and m.start > position
    ]
    return cue_end <= position and bool(nouns) and min(nouns) - cue_end <= NOUN_PHRASE


def _cited_words(result: Result, graph: Graph) -> set[str]:
    known = [graph.fact_words[f] for f in result.facts if f in graph.fact_words]
    if known:
        return set().union(*known)
    return set(simplify(" ".join(c.sentence for c in result.citations)).split())


def _placed_in(mention: Mention, found: Found, result: Result, graph: Graph, grammar: Grammar) -> bool:
    """'How is Alibaba present in Russia?': a place after "in" where the answer's facts are set (or a place
    inside it), not merely a word of the sentence they cite."""
    tokens = found.text.tokens
    if mention.start == 0 or tokens[mention.start - 1] not in grammar.locative:
        return False
    if not grammar.locative_types or not graph.is_a(mention.target, grammar.locative_types):
        return False
    facts = [f for f in (graph.fact_by_id.get(i) for i in result.facts) if f is not None]
    places = {str(v) for f in facts for _, v in f.values} | {e for f in facts for e in (*f.entities, *f.mentions)}
    return any(p == mention.target or mention.target in graph.within.get(p, ()) for p in places)


def used_spans(found: Found, reading: Reading) -> set[int]:
    """Every position of each mention the reading uses any part of."""
    return {
        i
        for m in found.mentions
        if any(i in reading.used for i in range(m.start, m.end))
        for i in range(m.start, m.end)
    }


def verb_left_out(
    found: Found, reading: Reading, graph: Graph, grammar: Grammar, used: set[int] | None = None
) -> int | None:
    """Where a reading its nouns alone support ("how much MONEY ...") leaves out the clause's own strong verb of
    another relation ("... does the RDIF MANAGE?"): the verb says what is asked, and the reading is not it.
    `used`: the reading's `used_spans`, when the caller has them."""
    used = used_spans(found, reading) if used is None else used
    relations = [m for m in found.of("relation") if m.target == reading.relation and m.start in used]
    if not relations or any(m.detail in ("verb", "passive") for m in relations):
        return None
    doers = [*found.of("pronoun"), *(m for m in found.of("entity") if m.target in reading.subject)]
    tokens = found.text.tokens  # its doer right before it ("does IT manage"), not after "be" ("IS it meant")
    active = {
        d.end
        for d in doers
        if (b := word_before(tokens, d.start, grammar.determiners)) < 0 or tokens[b] not in grammar.be
    }
    left = (
        m.start
        for m in found.of("relation")
        if m.detail == "verb"
        and not m.weak
        and m.score == 1.0
        and m.target != reading.relation
        and m.start not in used
        and m.start in active
        and not _frames(m.target, graph)
    )
    return next(left, None)


def misplaced(reading: Reading) -> list[int]:
    """Where a name stands that the reading makes a party of its relation but counts as left out ("which telecom
    did a deal before THIS VENTURE?": the name only says when)."""
    bound = {*reading.subject, *reading.object}
    return [
        m.start
        for m in reading.missed
        if m.kind == "entity" and m.target in bound and not any(i in reading.used for i in range(m.start, m.end))
    ]


def another_time(found: Found, tried: Tried, graph: Graph, grammar: Grammar) -> int | None:
    """Where the question moves to another time ("where did he work BEFORE THAT?", "... before joining?") with
    words the reading leaves out: "before" or "after" that no figure follows, in a reading of no sequence relation,
    whose facts say nothing of an earlier state ("ALREADY plays a major role")."""
    reading = tried.reading
    relation = graph.relations.get(reading.relation)
    evidence = _cited_words(tried.result, graph) if tried.result is not None else set()
    if relation is None or relation.sequence or grammar.already & evidence:
        return None
    tokens = found.text.tokens
    breaks = found.text.boundary or tuple(False for _ in tokens)
    order = grammar.earlier | grammar.later
    figures = {m.start for m in found.mentions if m.kind in VALUE_MENTIONS}
    anchors = [(m.start, m.end, m.target) for m in found.of("entity")]
    joining = {i for m in found.of("either") for i in range(m.start, m.end)}
    left = [i for i, t in enumerate(tokens) if t in order and i not in reading.used]
    ordered = {  # the things a sequence fact puts in order (the deal, the tie-up before it), when it matters
        e
        for r in (graph.relations.values() if left else ())
        if r.sequence
        for f in graph.facts_by_relation.get(r.id, ())
        for e in f.entities
    }
    for i in left:
        after = i + 1
        while after < len(tokens) and (tokens[after] in order | grammar.joiners or after in joining):
            after += 1  # "before OR AFTER 2015"
        pointing = after
        while after < len(tokens) and tokens[after] in grammar.determiners:
            after += 1
        if (after == pointing and (after >= len(tokens) or breaks[after])) or after in figures:
            continue  # "launched anything BEFORE?": earlier than now; "before 2015": a bound on a figure
        story = (
            pointing < len(tokens)
            and tokens[pointing] in grammar.story_pronouns
            and bool(ordered.intersection(graph.backdrops))
        )
        if story or any(s <= after < e and target in ordered for s, e, target in anchors):
            continue  # "what did Sberbank and Yandex announce BEFORE THIS (deal)?": the order the facts give
        return i
    return None


def _frames(relation_id: str, graph: Graph) -> bool:
    """Whether a relation only frames what is asked: it reports words ("did they SAY how much"), places a thing
    or names it; its verb may stand beside a reading of another relation."""
    relation = graph.relations.get(relation_id)
    if relation is None:
        return True
    return relation.locates or relation.names or any(graph.kinds[k].said for k in relation.values if k in graph.kinds)


def _beside_the_only(reading: Reading, result: Result, graph: Graph) -> set[str]:
    """'Is it only for Russia, or also the CIS?': an "only" check is decided by the fact naming more than the one
    checked, so the others it names beside it (the CIS) are what the question offered instead."""
    if reading.mode != "yesno" or ONLY not in reading.notes or not reading.object:
        return set()
    facts = [f for f in (graph.fact_by_id.get(i) for i in result.facts) if f is not None]
    return {o for f in facts if set(reading.object) < set(f.objects) for o in f.objects}


def _mentioned(result: Result, graph: Graph) -> set[str]:
    """Entities the answer's facts mention in passing (not as their subject or object)."""
    facts = [f for f in (graph.fact_by_id.get(i) for i in result.facts) if f is not None]
    return {e for f in facts for e in f.mentions}


def confidence(
    found: Found,
    tried: Tried,
    graph: Graph,
    name_words: frozenset[str] = frozenset(),
    grammar: Grammar | None = None,
    *,
    manner: bool = False,
    form: Form | None = None,
) -> float:
    """How much of the question the reading explains, times how well its words matched (0..1).

    A word left over that is part of a known name ("mail" of Mail.ru) counts as a name it could not place.
    With `manner` (a bare "how" question, which asks about its verb), so does the clause's own verb ("how did
    Alibaba's shares MOVE?"): without it the question is not known. So does the word a question asks for, at
    right after a cue of the `form` that wants a type noun ("which PHOTOGRAPHER took it") or after "who is the".
    """
    reading = tried.reading
    asked_at = _asked_after_cue(found, form, graph, grammar) if form is not None and grammar is not None else None
    evidence = _cited_words(tried.result, graph) if tried.result is not None else set()
    tokens = found.text.tokens
    capitalised = found.text.capitalised or tuple(False for _ in tokens)
    guessed = not any(m.kind in ("relation", "title", "aggregate") for m in found.mentions if m.start in reading.used)
    kept = 1.0
    opened = _question_clause(found, form)
    named = {i for m in found.of("entity") for i in range(m.start, m.end)}
    if any(i < opened and i not in named for i in reading.used):
        opened = 0  # the reading leans on more than a name before ("this Russia THING"): part of the question
    closed = _comment_after(found, reading)
    for position in found.unexplained:
        if position in reading.used:
            continue
        word = found.text.tokens[position]
        aside = position < opened or position >= closed
        if aside and not capitalised[position] and word not in name_words:
            kept *= UNEXPLAINED_ASIDE
            continue
        verb = manner and grammar is not None and _clause_verb(found, position, grammar)
        asked = position == asked_at or (grammar is not None and _asked_noun(found.text.tokens, position, grammar))
        asked = asked or (grammar is not None and _narrows_the_asked(found, form, position, grammar))
        asked = asked or (
            form is not None
            and form.yesno
            and grammar is not None
            and (_claimed_thing(found, position, reading.used, grammar) or _passive_verb(found, position, grammar))
        )
        if word in name_words or ((capitalised[position] or verb or asked) and word not in evidence):
            kept *= UNEXPLAINED_NAME
        elif word not in evidence:
            kept *= UNEXPLAINED_GUESS if guessed else UNEXPLAINED
    used = used_spans(found, reading)
    for m in found.of("relation"):
        if not m.weak and m.detail in ("agent", "patient") and not used & set(range(m.start, m.end)):
            kept *= UNEXPLAINED
    kept *= UNEXPLAINED_NAME ** len(misplaced(reading))
    if grammar is not None and another_time(found, tried, graph, grammar) is not None:
        kept *= UNEXPLAINED_NAME  # "where did he work BEFORE THAT?": a time the facts do not speak of
    if grammar is not None and verb_left_out(found, reading, graph, grammar, used) is not None:
        kept *= UNEXPLAINED_NAME  # "how much money does the RDIF MANAGE?": the clause's verb asks something else
    if grammar is not None:  # "what did Evans say ABOUT THE WEATHER?": a topic none of its facts is about
        kept *= UNEXPLAINED_NAME ** len(untold_topic(found, tried, graph, grammar))
    scores = [m.score for m in found.mentions if any(i in reading.used for i in range(m.start, m.end))]
    quality = min(scores) if scores else NO_MATCH_QUALITY
    return round(kept * (0.5 + 0.5 * quality), 3)
