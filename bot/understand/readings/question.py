"""A question made ready for building readings: its entities (named, pointed at, or reached through a
relation), the words a reading may use, and the words its openings and cue already explain."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from bot.knowledge.graph import Graph
from bot.knowledge.model import FocusDef
from bot.understand.grammar import Grammar, word_before
from bot.understand.model import COMPARING, EXTREMES, SUM, Form, Found, Mention, Reading, Value
from bot.understand.readings.weights import MISS, miss_weight
from bot.understand.references import DEFINITE_SCORE, definite, from_context, through_relations

VALUE_KINDS = {"percent": ("number",), "year": ("year",), "number": ("number", "count"), "weekday": ("weekday",),
               "month": ("month",), "money": ()}  # fmt: skip  # mention kinds -> the value kinds they can fill
# (a sum of money fills none: the article gives no sums, so a check of one is never a "Yes")
INSIDE_CUE = frozenset({"aggregate", "type", "valueword", "attribute"})  # words a cue explains ("how big")


class Context(NamedTuple):
    """What the conversation remembers: the last reading and the entities talked about, newest first."""

    reading: Reading | None = None
    entities: tuple[str, ...] = ()
    answered: tuple[str, ...] = ()  # the entities the last answer gave for what was asked ("them")
    earlier: tuple[Reading, ...] = ()  # the readings before the last, newest first ("and RDIF's?" two topics on)
    passing: tuple[str, ...] = ()  # named by the last answer only in passing: "it" means one only if nothing else fits


class Question(NamedTuple):
    """Everything the reading builders look at, computed once per question."""

    found: Found
    form: Form
    context: Context
    graph: Graph
    grammar: Grammar
    tokens: tuple[str, ...]
    entities: list[Mention]  # named (or pointed at) entities a reading places
    context_entities: list[Mention]  # those taken from the conversation
    alternatives: list[Mention]  # other entities a pronoun may stand for
    references: list[tuple[Mention, tuple[int, ...]]]  # entities named through a relation
    excluded: list[Mention]  # "besides Alibaba"
    attributed: list[Mention]  # "according to the RDIF chief"
    focus_noun: Mention | None  # "which FUND"
    primary: list[Mention]  # every mention a reading should explain
    relation_words: list[Mention]
    values: list[Mention]
    types: list[Mention]
    attributes: list[Mention]
    aggregates: list[Mention]
    titles: list[Mention]
    ordinals: list[Mention]
    # Computed once here, not for each of the many drafts that look at them:
    named_positions: frozenset[int]  # token positions inside `entities`
    appositive: list[Mention]  # "the billionaire Usmanov": a type noun naming the entity right after it
    sides: list[Mention]  # "between the Chinese and the Russian side": attribute values to total apart
    missable: tuple[tuple[Mention, float], ...]  # `primary` less the excluded and attributed, with what missing costs
    covered: frozenset[int]  # positions every reading explains: the question word, exclusions, attributions
    content: tuple[tuple[int, str], ...]  # the positions and tokens that are not stopwords
    valuewords: list[Mention]  # "what OCCASION": words naming a kind of value

    @property
    def focus(self) -> FocusDef | None:
        """The definition of the question's focus, if it has one."""
        return self.graph.focus.get(self.form.focus or "")

    def asks_in_its_opener(self) -> bool:
        """Whether the question word is part of a follow-up's opener ("WHAT about the fund's owner?"), not a
        question of its own."""
        span = self.form.focus_span
        return span is not None and any(f.start <= span[0] and span[1] <= f.end for f in self.found.of("followup"))

    def picks_entity(self) -> bool:
        """Whether the question asks for an entity ("who", "which partner"), not a value or a yes/no."""
        focus = self.focus
        return focus is not None and "entity" in focus.expects and not focus.generic


def prepare(found: Found, form: Form, context: Context, graph: Graph, grammar: Grammar) -> Question:
    """Collect the question's entities and the mentions readings may use."""
    found = _without_reporters(found, graph, grammar)
    tokens = found.text.tokens
    noun = focus_noun(found, form)
    noun_span = noun.span if noun else None
    named = best_per_span(
        [*(e for e in found.of("entity") if e.span != noun_span), *definite(found, graph, noun_span, grammar)]
    )
    exclusions = found.of("exclusion")
    excluded = [
        e for e in named if any(0 <= e.start - x.end <= 1 for x in exclusions) or _other(e, found, graph, grammar)
    ]
    named += _the_other_one(excluded, found, graph, grammar)  # "another deal": the one deal besides the story's
    denied = _denied_types(found, graph, grammar)
    excluded += [  # "which partner is a tech firm, NOT A TELECOM?": every entity of that type is left out
        Mention("entity", entity, t.start, t.end, t.score, "denied")
        for t in denied
        for entity in graph.entities
        if graph.is_a(entity, [t.target]) and not graph.entities[entity].members
    ]
    named = [e for e in named if not any(e.span == t.span for t in denied)]  # "not A FUND" names no fund
    for entity in sorted(named, key=lambda m: m.start):  # "besides Alibaba AND MAIL.RU": the whole list after it
        joined = any(
            x.end <= entity.start and all(t in grammar.coordination for t in tokens[x.end : entity.start])
            for x in excluded
        )
        if joined and entity not in excluded:
            excluded.append(entity)
    named = [_aside(e, tokens, graph, grammar) for e in named]
    claim = {i for m in found.of("yesno") if m.end - m.start > 1 for i in range(m.start, m.end)}  # "our copy says"
    heads = [m for m in found.of("relation") if m.detail == "agent"]  # nouns for a relation's subject ("head")
    nouns = {m.span for m in heads}  # "the RDIF HEAD": a noun, no verb
    verbs = {m.start for m in found.of("relation") if m.detail in ("verb", "passive") and m.span not in nouns}
    breaks = found.text.boundary or tuple(False for _ in tokens)

    def claimed(entity: Mention) -> bool:  # a verb after the name, in its clause: the claim's subject
        return any(v >= entity.end and not any(breaks[entity.end : v + 1]) for v in verbs)

    starts = {m.end: m.start for m in heads}  # "the HEAD of the RDIF": the phrase starts at its noun
    phrases = [e._replace(start=_phrase_start(e, starts, tokens, grammar)) for e in named]
    attributed = [
        p for p, e in zip(phrases, named, strict=True) if _attributed(p, tokens, grammar, claim) and not claimed(e)
    ]
    if attributed and not form.yesno and _asks_what_is_said(found, graph, grammar):
        attributed = []  # "according to Evans, what do they WANT ...?": what Evans says is asked
    sources = {(e.target, e.end) for e in attributed}
    named = [e for e in named if e not in excluded and (e.target, e.end) not in sources]
    ends = {m.start: m.end for m in heads}  # "according to the RDIF BOSS": the phrase ends at its noun
    attributed = [e._replace(end=ends.get(e.end, e.end)) for e in attributed]
    previous = context.reading
    together = next(
        (side for side in (previous.subject, previous.object) if len(side) > 1), context.answered
    ) if previous is not None else context.answered  # fmt: skip
    context_entities = from_context(
        found, context.entities, graph, {m.target for m in named}, grammar, together=together, passing=context.passing
    )
    every = sorted(named + [m for m in context_entities if m.detail in ("context", "story")], key=lambda m: m.start)
    every = _joint_things(every, found, graph, grammar)  # "the SBERBANK YANDEX THING": what the two made
    entities = _with_modifiers(_first_few(every), found, graph)  # "the ALIBABA-MAIL.RU deal": one name, of the deal
    alternatives = [m for m in context_entities if m.detail.endswith(":alternative")]
    references = through_relations(  # each place a name stands may start a reference ("this deal ... this one")
        found,
        _with_modifiers(every, found, graph),
        graph,
        grammar,
        noun or _counted_noun(found, form),
        fills=VALUE_KINDS,
    )
    explained = _explained(found, form, graph, noun, grammar)  # once, not once for each mention
    found = found._replace(mentions=tuple(m for m in found.mentions if m not in explained))
    asides = {(e.span, e.target): e for e in entities if e.detail == "aside"}
    primary = [asides.get((m.span, m.target), m) for m in found.mentions if m.kind in MISS or m.kind in VALUE_KINDS]
    primary += [m for m in context_entities if m not in primary]
    types, attributes = [t for t in found.of("type") if t not in denied], found.of("attribute")
    named_positions = frozenset(i for e in entities for i in range(e.start, e.end))
    appositive = [t for t in types if any(e.start == t.end and graph.is_a(e.target, [t.target]) for e in entities)]
    entity_spans = {e.span for e in entities}  # "the STORY": the article's name, not also a type noun to miss
    missable = tuple(
        (m, miss_weight(m, graph))
        for m in primary
        if m not in excluded
        and not any(a.start <= m.start < a.end for a in attributed)
        and not (m.kind == "type" and any(s <= m.start and m.end <= e for s, e in entity_spans))
    )
    covered = {i for e in [*excluded, *attributed] for i in range(e.start, e.end)}
    covered |= set(range(*form.focus_span)) if form.focus_span else set()
    content = tuple((i, t) for i, t in enumerate(tokens) if t not in grammar.stopwords)
    type_starts = {t.start for t in types}
    kind_after_name = {  # "the RDIF FUND has ...": the noun after a name says what it is, it is no verb
        t.span
        for t in types
        if graph.ancestors.get(t.target, (t.target,))[1:]  # a kind of its own: not "name" or "one"
        and any(e.end == t.start and graph.is_a(e.target, [t.target]) for e in found.of("entity"))
    }
    relation_words = [  # "is the RDIF an INVESTMENT company?": a noun before a type noun only says which kind
        m
        for m in found.of("relation")
        if not (m.detail == "holding" and m.end in type_starts)
        and not any(a.start <= m.start < a.end for a in attributed)
        and not _dates_it(m, tokens, grammar)
        and m.span not in kind_after_name
    ]
    return Question(
        found, form, context, graph, grammar, tokens, entities, context_entities, alternatives, references, excluded,
        attributed, noun, primary, relation_words, _values(found, references), types, attributes,
        _aggregates(found, graph, grammar), found.of("title"), found.of("ordinal"), named_positions, appositive,
        _sides(attributes, named_positions), missable, frozenset(covered), content, found.of("valueword"),
    )  # fmt: skip


def _dates_it(word: Mention, tokens: tuple[str, ...], grammar: Grammar) -> bool:
    """An act named after "after" or "before" ("stock price AFTER THE ANNOUNCEMENT") only says when: it is not
    what the question asks about. A verb there ("before JOINING Alibaba") still may be."""
    noun = word.detail in ("action", "holding")
    if word.start > 0 and tokens[word.start - 1] in grammar.determiners:
        return word.start > 1 and tokens[word.start - 2] in grammar.earlier | grammar.later
    return noun and word.start > 0 and tokens[word.start - 1] in grammar.earlier | grammar.later


NOT_BOUNDED = frozenset({"relation", "type", "valueword", "title"})  # nouns a bound word stands before as a preposition


def _aggregates(found: Found, graph: Graph, grammar: Grammar) -> list[Mention]:
    """Derived operations asked for; a preposition that compares before a figure or a holder ("UNDER half",
    "BELOW 50 percent", "above Mail.ru's") is only a preposition before "the" or a noun the question knows
    otherwise ("UNDER the announced structure", "assets UNDER management"); a word right after a verb of
    acting, or of a relation with no figure, says how they act, not what to add up ("what are X and Y doing
    TOGETHER?", "what are they making TOGETHER?")."""
    tokens = found.text.tokens
    degree = {  # "the MOST small part": "most" only makes "small" a superlative; the smallest is asked
        a.start
        for a in found.of("aggregate")
        if a.end - a.start == 1
        and any(b.start == a.end and b.target in EXTREMES and b.target != a.target for b in found.of("aggregate"))
    }
    owned = {m.start for m in found.of("relation") if m.detail == "patient"}  # "its most popular ASSET"
    degree |= {  # "its MOST POPULAR asset": "most" grades a quality of what is held, not the holding's figure
        a.start
        for a in found.of("aggregate")
        if a.end - a.start == 1 and a.target in EXTREMES and a.end in found.unexplained and a.end + 1 in owned
    }
    deeds = {  # "what are they MAKING together?": a verb of a relation with no figure to add up
        m.end
        for m in found.of("relation")
        if m.detail == "verb" and not any(graph.kinds[k].kind == "number" for k in graph.relations[m.target].values)
    }
    deeds |= {f.end for f in found.of("focus") if f.start in deeds}  # "MAKE WHAT together"
    return [a for a in found.of("aggregate") if (not (a.end - a.start == 1 and tokens[a.start] in grammar.bounds)
            or not _preposition(found, a.end, grammar)) and not _after_acting(tokens, a.start, grammar)
            and a.start not in degree and not _adjective(found, a)
            and not (a.target == SUM and a.start in deeds)]  # fmt: skip


def _adjective(found: Found, aggregate: Mention) -> bool:
    """A weak superlative word between a demonstrative (or a question word) and a thing's name or kind only
    describes the thing pointed at ("THAT BIG social network it has", "WHICH BIG network"), and one right before
    a name, or a noun for what a relation's subject has, describes what it names ("the MAIN news", "its MAIN
    asset"); it asks for no ranking. Before a bare kind it may still rank ("the main company")."""
    if not aggregate.weak:
        return False
    pointed = any(d.end == aggregate.start for d in found.of("demonstrative"))
    pointed = pointed or (  # "WHICH BIG network": a degree after the question word describes the kind asked
        aggregate.target in EXTREMES and any(f.end == aggregate.start for f in found.of("focus"))
    )
    kinds = ("entity", "type") if pointed else ("entity",) if aggregate.target in EXTREMES else ()
    if any(m.start == aggregate.end for m in found.of(*kinds)):
        return True  # "the MAIN news": the story, no ranking
    return aggregate.target in EXTREMES and any(  # "Mail.ru's MAIN ASSET": the thing it has, not a figure ranked
        m.start == aggregate.end and m.detail == "patient" for m in found.of("relation")
    )


def _after_acting(tokens: tuple[str, ...], at: int, grammar: Grammar) -> bool:
    """Whether a verb of acting ends right before `at` ("DOING together", "DO together")."""
    return (at > 0 and tokens[at - 1] in grammar.doing) or any(
        len(words) <= at and tokens[at - len(words) : at] == words for words in grammar.acting
    )


def _preposition(found: Found, at: int, grammar: Grammar) -> bool:
    """Whether "the", or past an "a" a noun of another kind than a figure, starts at `at`."""
    tokens = found.text.tokens
    if at < len(tokens) and tokens[at] in grammar.definite - grammar.relative:
        return True
    while at < len(tokens) and tokens[at] in grammar.indefinite:
        at += 1
    starting = [m.kind for m in found.mentions if m.start == at]
    return bool(starting) and all(kind in NOT_BOUNDED for kind in starting)


def _sides(attributes: list[Mention], named: frozenset[int]) -> list[Mention]:
    """'Between the Chinese and the Russian side': two or more values of one attribute, to total apart."""
    free = [a for a in attributes if a.start not in named]
    for attribute in dict.fromkeys(a.target for a in free):
        values = [a for a in free if a.target == attribute]
        if len({a.detail for a in values}) >= 2:
            return list({a.detail: a for a in values}.values())
    return []


def _values(found: Found, references: list[tuple[Mention, tuple[int, ...]]]) -> list[Mention]:
    """Numbers, years and the like a reading may bind; a bare number right before a noun only counts it
    ("who are the 4 parties in the deal?", "what do the 4 STAKES add up to?": four of them, not 4 percent); a
    number that picks out a reference ("the company that holds 15 PERCENT") is that reference's."""
    referring = {i for _, positions in references for i in positions}
    nouns = {
        m.start
        for m in found.mentions
        if m.kind == "type" or (m.kind == "relation" and m.detail in ("agent", "holding"))
    }
    return [
        v for v in found.of(*VALUE_KINDS) if not (v.kind == "number" and v.end in nouns) and v.start not in referring
    ]


OTHER_REACH = 4  # "any OTHER Russian e-commerce deal": how far before the name "other" may stand


def _other(entity: Mention, found: Found, graph: Graph, grammar: Grammar) -> bool:
    """'Is there any other Russian deal?': the story's own deal, named after "other", is the one the question
    sets aside ("what other tie-up ...?" names the other one itself)."""
    if entity.target not in graph.backdrops:
        return False
    tokens = found.text.tokens
    names = {i for e in found.of("entity") if e is not entity for i in range(e.start, e.end)}
    for i in range(entity.start - 1, max(entity.start - 1 - OTHER_REACH, -1), -1):
        if i in names or tokens[i] in grammar.be:
            return False
        if tokens[i] in grammar.other:
            return True
    return False


def _denied_types(found: Found, graph: Graph, grammar: Grammar) -> list[Mention]:
    """Type nouns right after a negation, past "a" ("not A TELECOM", "no bank"), and those joined to them ("not a
    fund OR A TELECOM"): kinds the answer must not be. A kind that takes in another kind the question asks for
    denies only loosely and is kept ("a fund and NOT A COMPANY")."""
    tokens = found.text.tokens
    joins = {i for m in found.of("either") for i in range(m.start, m.end)}
    joining = grammar.coordination | grammar.indefinite
    negated: list[Mention] = []
    for noun in found.of("type"):
        at = noun.start
        while at > 0 and tokens[at - 1] in grammar.indefinite:
            at -= 1
        gap = range(negated[-1].end, noun.start) if negated else range(0)
        joined = bool(negated) and all(i in joins or tokens[i] in joining for i in gap)
        if any(n.end == at for n in found.of("negation")) or joined:
            negated.append(noun)
    return [
        t
        for t in negated
        if not any(o not in negated and t.target in graph.ancestors.get(o.target, ()) for o in found.of("type"))
    ]


def _without_reporters(found: Found, graph: Graph, grammar: Grammar) -> Found:
    """'Did THEY say how much Alibaba paid?': a pronoun inside a cue asking what the story says, with a question
    of its own after it, stands for whoever reported it ("did they say anything?" may mean the ones just named)."""
    tokens = found.text.tokens
    cues = [
        m
        for m in found.of("focus")
        if m.target in graph.focus
        and graph.focus[m.target].confirms
        and m.end < len(tokens)
        and tokens[m.end] in grammar.question_words
    ]
    inside = [p for p in found.of("pronoun") if any(c.start <= p.start and p.end <= c.end for c in cues)]
    return found._replace(mentions=tuple(m for m in found.mentions if m not in inside)) if inside else found


def _the_other_one(excluded: list[Mention], found: Found, graph: Graph, grammar: Grammar) -> list[Mention]:
    """'There was ANOTHER Russian DEAL before this one': where "other" sets the story's own thing aside and its
    words are a type noun too, they name the one other entity of that type, if there is exactly one."""
    mentions = []
    for entity in excluded:
        if not _other(entity, found, graph, grammar):
            continue
        for noun in found.of("type"):
            if noun.span != entity.span:
                continue
            others = [
                e
                for e in graph.entities
                if e not in graph.backdrops and not graph.entities[e].members and graph.is_a(e, [noun.target])
            ]
            if len(others) == 1:
                mentions.append(Mention("entity", others[0], noun.start, noun.end, DEFINITE_SCORE, "definite"))
    return mentions


MAX_ENTITIES = 5  # entities a reading places: their placements multiply, so a long list would never finish


def _first_few(entities: list[Mention]) -> list[Mention]:
    """Each entity once (a name repeated is one name), and no more than a question can sensibly join."""
    first: dict[str, Mention] = {}
    for entity in entities:
        if entity.target not in first or entity.detail == "context":
            first.setdefault(entity.target, entity)
    kept = [e for e in entities if first.get(e.target) is e]
    return kept[:MAX_ENTITIES]


def _explained(found: Found, form: Form, graph: Graph, noun: Mention | None, grammar: Grammar) -> list[Mention]:
    """Mentions the question's cue and openings already explain ("how BIG", "what about", "can you tell me")."""
    focus = set(range(*form.focus_span)) if form.focus_span else set()
    chat = {i for m in found.of("followup", "smalltalk", "yesclose") for i in range(m.start, m.end)}
    lead = next((i for i in range(len(found.text.tokens)) if i not in chat), len(found.text.tokens))
    openings = {  # "and what about", "ok, AND WHAT ABOUT MegaFon?": the opening of a follow-up, after any chat
        i
        for m in found.of("followup")
        if m.start == 0 or (m.start < lead and m.end >= lead)
        for i in range(m.start, m.end)
    }
    openings |= {i for m in found.of("yesno") if m.end - m.start > 1 for i in range(m.start, m.end)}  # "our copy says"
    tokens = found.text.tokens
    verbs = [m.start for m in found.of("relation") if m.detail in ("verb", "passive")]
    verbs += [i for i, token in enumerate(tokens) if token in grammar.be]
    named = {m.start for m in found.of("entity", "pronoun")}

    def subject_next(at: int) -> bool:  # a name, past "the", right after the word
        while at < len(tokens) and tokens[at] in grammar.determiners and at not in named:
            at += 1
        return at in named

    openings |= {  # "HAS megafon got a stake?", "what percent HAS THE rdif got?": an auxiliary, its verb comes later
        m.start for m in found.of("yesno") if (m.start == lead or subject_next(m.end)) and any(v > m.end for v in verbs)
    }
    openings |= {i for m in found.of("yesclose") if m.end - m.start > 1 for i in range(m.start, m.end)}  # "I thought"
    openings |= {
        i
        for m in found.of("focus")
        if m.end - m.start > 2 or graph.focus[m.target].defers
        for i in range(m.start, m.end)
    }
    inside = [
        m
        for m in found.mentions
        if m.kind in INSIDE_CUE and set(range(m.start, m.end)) <= focus | openings and m.target not in COMPARING
    ]  # "how much MORE does X own than Y" still compares
    inside += [m for m in found.mentions if m.kind == "relation" and set(range(m.start, m.end)) <= openings]
    inside += [m for m in found.of("relation") if m.span == form.focus_span]  # "EXPLAIN what Pandao is"
    nouns = [t for t in found.of("type") if t.start > 0 and found.text.tokens[t.start - 1] in grammar.determiners]
    pronouns = {m.start for m in found.of("pronoun")}  # "is THIS from AFP?": a pronoun, no determiner of "from"
    inside += [  # "the name of THE FUND", "mentioned at THE END": after a determiner, a noun and not the verb
        m
        for m in found.of("relation")
        if m.detail in ("verb", "passive")
        and (
            any(m.span == t.span for t in nouns)
            or (
                m.weak
                and m.start > 0
                and tokens[m.start - 1] in grammar.determiners
                and not (m.detail == "passive" and m.start - 1 in pronouns)
            )
        )
    ]
    if noun is not None:  # "which fund" is a noun, not the verb "fund"; "which platforms" keeps its noun
        same = [m for m in found.mentions if m.span == noun.span and m is not noun]
        inside += [m for m in same if m.kind != "relation" or m.detail in ("verb", "passive")]
    return inside


def _aside(entity: Mention, tokens: tuple[str, ...], graph: Graph, grammar: Grammar) -> Mention:
    """Mark the backdrop named after a preposition ("... in the deal", "... of the venture"): often mere context."""
    before = entity.start - 1
    while before >= 0 and tokens[before] in grammar.partitive - grammar.of:
        before -= 1
    context = before >= 0 and tokens[before] in grammar.aside
    source = graph.is_a(entity.target, grammar.context_types) if grammar.context_types else False
    if entity.target in graph.backdrops and not entity.detail and (context or source):
        return entity._replace(detail="aside")  # "how does the article describe him?": the article is the source
    return entity


def _phrase_start(entity: Mention, heads: dict[int, int], tokens: tuple[str, ...], grammar: Grammar) -> int:
    """Where the noun phrase a name ends starts: at the noun it belongs to in "the HEAD of the RDIF", else at
    the name (`heads` maps where each noun for a relation's subject ends to where it starts)."""
    before = word_before(tokens, entity.start, grammar.determiners)
    if before < 0 or tokens[before] not in grammar.of:
        return entity.start
    return heads.get(before, entity.start)


def _attributed(entity: Mention, tokens: tuple[str, ...], grammar: Grammar, claim: set[int]) -> bool:
    """'... according to the RDIF chief': the source of a claim, not a part of it ("our copy SAYS Alibaba
    takes 51%" opens the claim instead, and a verb after the name makes it the claim's subject)."""
    start = max(0, entity.start - 4)
    text = " ".join(t for i, t in enumerate(tokens[start : entity.start], start) if i not in claim)
    return any(marker in text for marker in grammar.attribution)


def _asks_what_is_said(found: Found, graph: Graph, grammar: Grammar) -> bool:
    """Whether a saying relation's own word, outside the phrase naming a source ("ACCORDING to"), is asked."""
    tokens = found.text.tokens
    saying = {r.id for r in graph.relations.values() if any(k in graph.kinds and graph.kinds[k].said for k in r.values)}
    return any(
        m.target in saying
        and m.detail in ("verb", "holding")
        and not any(marker in " ".join(tokens[max(0, m.start - 2) : m.end + 2]) for marker in grammar.attribution)
        for m in found.of("relation")
    )


def focus_noun(found: Found, form: Form) -> Mention | None:
    """The type noun "which"/"what" asks about ("which fund"): it names the answer, not a relation."""
    if form.focus_type is None or form.focus_span is None:
        return None
    end = form.focus_span[1]
    nouns = [m for m in found.mentions if m.kind in ("type", "relation") and end <= m.start <= end + 3]
    return next((m for m in nouns if m.kind == "type" or m.detail == "agent"), None)


def _counted_noun(found: Found, form: Form) -> Mention | None:
    """The type noun right after "how many" ("how many COMPANIES he owns"): what is counted, which a clause
    after it narrows, not a reference to one entity."""
    if form.focus != "count" or form.focus_span is None:
        return None
    return next((m for m in found.of("type") if m.start == form.focus_span[1]), None)


def _with_modifiers(entities: list[Mention], found: Found, graph: Graph) -> list[Mention]:
    """The names, each run of names that only says which thing a name right after it means taken into that
    name's span: "the Alibaba-Mail.ru deal" names the deal, not Alibaba and Mail.ru beside it."""
    nouns = {t.span for t in found.of("type")}
    names = found.of("entity")
    heads = {e.target: e for e in entities if e.span in nouns}  # "the ... DEAL": a thing named by its kind
    modifies = {e.span: modifier_of(names, e, graph) for e in entities}
    starts: dict[str, int] = {}
    for entity in entities:
        head = modifies[entity.span]
        if head in heads:
            starts[head] = min(starts.get(head, heads[head].start), entity.start)
    return [
        e._replace(start=starts[e.target]) if e.target in starts else e
        for e in entities
        if modifies[e.span] not in starts
    ]


JOINT_SCORE = 0.9  # how sure a thing named by its makers and a noun for its kind is


def _joint_things(entities: list[Mention], found: Found, graph: Graph, grammar: Grammar) -> list[Mention]:
    """Two or more names joined with nothing but "and" and a noun of a kind right after them ("the Sberbank Yandex
    THING", "the Alibaba and Mail.ru PROJECT") name the one thing of that kind they are all parties to."""
    tokens = found.text.tokens
    ordered = sorted(entities, key=lambda m: m.start)
    out = list(ordered)
    for noun in found.of("type"):
        run: list[Mention] = []
        end = noun.start
        for entity in reversed(ordered):
            if entity.end <= end and all(t in grammar.joiners for t in tokens[entity.end : end]):
                run.insert(0, entity)
                end = entity.start
            elif entity.end <= end:
                break
        if len(run) < 2 or any(e.detail for e in run):
            continue
        makers = {e.target for e in run}
        made = {
            o
            for f in graph.facts_by_entity.get(run[0].target, ())
            if makers <= set(f.subjects)
            for o in f.objects
            if o not in makers and graph.is_a(o, [noun.target])
        }
        if len(made) == 1:
            thing = Mention("entity", made.pop(), run[0].start, noun.end, JOINT_SCORE, "")
            out = [e for e in out if e not in run and not (thing.start <= e.start and e.end <= thing.end)] + [thing]
    return sorted(out, key=lambda m: m.start)


def modifier_of(names: list[Mention], mention: Mention, graph: Graph) -> str | None:
    """The entity a name modifies: a run of names right before a one-word name of a thing they are all
    parties to ("the ALIBABA-MAIL.RU deal"); None when it modifies nothing."""
    run_end = mention.end
    while True:
        after = next((e for e in names if e.start == run_end and e.target != mention.target), None)
        if after is None:
            return None
        if after.end - after.start == 1 and not graph.entities[after.target].members:
            facts = graph.facts_by_entity.get(after.target, ())
            parties = {e for f in facts if after.target in f.objects for e in f.subjects}  # who made the deal
            if mention.target in parties and after.target not in graph.entities[mention.target].members:
                return after.target
        run_end = after.end


def best_per_span(mentions: Iterable[Mention]) -> list[Mention]:
    """One entity per span: the best match (ties to the first in knowledge order)."""
    best: dict[tuple[int, int], Mention] = {}
    for mention in mentions:
        if mention.span not in best or mention.score > best[mention.span].score:
            best[mention.span] = mention
    return sorted(best.values(), key=lambda m: m.start)


def value_slots(mention: Mention) -> tuple[str, ...]:
    """The value kinds a value mention can fill (a percentage: numbers)."""
    return VALUE_KINDS.get(mention.kind, ())


def parse_value(mention: Mention) -> Value:
    """A value mention as a fact stores it: numbers as floats, words as they are."""
    if mention.kind in ("percent", "year", "number"):
        return float(mention.target)
    return mention.target


def types_overlap(allowed: Sequence[str], wanted: Sequence[str], graph: Graph) -> bool:
    """Whether a slot taking `allowed` types can hold an entity of one of the `wanted` types (or vice versa)."""
    for want in wanted:
        if set(graph.ancestors.get(want, (want,))) & set(allowed):
            return True
        if any(want in graph.ancestors.get(a, (a,)) for a in allowed):
            return True
    return False
