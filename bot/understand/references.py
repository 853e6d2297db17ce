"""Entities a question names without their names: pronouns, "that company", and references through a
relation ("the founder of Alibaba", "the company Jack Ma founded", "the fund that owns part of X")."""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge.graph import Graph
from bot.understand.grammar import Grammar, word_before
from bot.understand.model import Found, Mention, UnknownName
from bot.understand.normalize import simplify
from bot.understand.roles import side

RELATIVE_REACH = 6  # how far after a type noun its relative clause may run ("the fund that owns part of X")
CONTEXT_SCORE = 0.9  # how sure an entity taken from the conversation is
DEFINITE_SCORE = 0.85  # how sure "the <type>" names the one entity of that type
ALTERNATIVES = 6  # a pronoun may stand for any of the last few entities that fit it, the latest preferred
ALTERNATIVE_STEP = 0.05  # ... each one further back a little less
REFERENCE_SCORE = 0.9  # how sure an entity reached through a relation is


def from_context(
    found: Found,
    history: Sequence[str],
    graph: Graph,
    named: set[str],
    grammar: Grammar,
    *,
    together: Sequence[str] = (),
    passing: Sequence[str] = (),
) -> list[Mention]:
    """Entity mentions for pronouns ("he" is the last person) and demonstratives ("that company"); with
    nothing said yet, "it" and "this one" are what the story is about."""
    mentions: list[Mention] = []
    covered = {
        i
        for m in found.of("yesno", "yesclose", "smalltalk", "advice")
        if m.end - m.start > 1
        for i in range(m.start, m.end)
    }
    types = found.of("type")
    for demonstrative in found.of("demonstrative"):
        noun = next((t for t in types if t.start == demonstrative.end), None)
        if noun is None:
            continue
        in_phrase = {m.target for m in found.of("entity") if demonstrative.start <= m.start < noun.end}
        elsewhere = {m.target for m in found.of("entity") if not demonstrative.start <= m.start < noun.end}
        others = named - (in_phrase - elsewhere)  # "that FORUM": the noun may be a name too; it names nothing here
        fits = [e for e in history if e not in others and graph.is_a(e, [noun.target])]
        near = found.text.tokens[demonstrative.start] in grammar.story_pronouns
        if not near and _empty_noun(noun, graph):  # "THAT ONE": the other thing talked about, not the story's own
            fits = [e for e in fits if e not in graph.backdrops] + [e for e in fits if e in graph.backdrops]
        match = next(iter(fits), None)
        if match is None and near:  # "this one"
            fitting = [e for e in graph.backdrops if graph.is_a(e, [noun.target])]
            again = [  # "the deal that came before THIS ONE": the story's deal named again (not "the article")
                e
                for e in fitting
                if _named_alone(e, found) and _empty_noun(noun, graph) and not graph.is_a(e, grammar.context_types)
            ]
            match = next(iter(again), next((e for e in fitting if e not in named), None))
        if match is not None:
            mentions.append(Mention("entity", match, demonstrative.start, noun.end, CONTEXT_SCORE, "context"))
            covered |= set(range(demonstrative.start, noun.end))
    tokens = found.text.tokens
    for pronoun in found.of("pronoun"):
        if pronoun.start in covered or any(m.start <= pronoun.start < m.end for m in found.of("entity")):
            continue
        if tokens[pronoun.start] in grammar.relative and not _stands_alone(pronoun, tokens, grammar):
            continue  # "the fund THAT owns ...": a relative word, not a pronoun
        if _cleft(pronoun, tokens, grammar):
            continue  # "who was IT that said ...?": a dummy that only fronts the question word
        if _what_was_said(pronoun, found, graph, grammar):
            continue  # "where did he say IT?": the words said, not a thing named before
        plural = found.text.tokens[pronoun.start] in grammar.plural
        if plural and any(e.end <= pronoun.start and graph.entities[e.target].members for e in found.of("entity")):
            continue  # "the Russian ones, how much do THEY own together?": the group just named
        joint = _alike(together, graph)  # the partners an answer named, not the deal it also named
        if plural and len(joint) > 1 and not named:
            for entity in joint:  # "RDIF and MegaFon ...?" then "how much do THEY own together?"
                mentions.append(Mention("entity", entity, pronoun.start, pronoun.end, CONTEXT_SCORE, "context"))
            continue
        if _dislocated(pronoun, found, graph):
            continue  # "and the pic, where's IT from?": the thing named just before the comma
        if _figure_compared(pronoun, found, grammar):
            continue  # "is THAT more or less than the RDIF's?": the figure just given, not a thing named
        kinds = " ".join([pronoun.target, *_kinds_it_is_said_to_be(pronoun, found, grammar)])
        if _named_before_its_clause(pronoun, kinds, found, graph, grammar):
            continue  # "Alibaba is the biggest holder, but is IT a majority owner?": Alibaba, not an earlier answer's
        fitting = [e for e in history if e not in named and _fits(e, kinds, graph)]
        said = [e for e in fitting if e not in passing]
        pointing = any(d.start == pronoun.start for d in found.of("demonstrative"))  # "according to THIS": the story
        inside = any(_fits(n, pronoun.target, graph) for n in named)  # "Yandex's stake in ITS tie-up": Yandex
        if not said and not pointing and not inside:  # "who founded Alibaba" then "when did he found IT"
            said = fitting
        matches = said[:ALTERNATIVES]
        kind = "context"
        if not matches and not named and found.text.tokens[pronoun.start] in grammar.story_pronouns:
            matches = [e for e in graph.backdrops if _fits(e, pronoun.target, graph)]  # "what does it do?"
            kind = "story"
        for rank, match in enumerate(matches):
            detail = kind if rank == 0 else f"{kind}:alternative"
            score = CONTEXT_SCORE - ALTERNATIVE_STEP * rank
            mentions.append(Mention("entity", match, pronoun.start, pronoun.end, score, detail))
    return mentions


def _cleft(pronoun: Mention, tokens: Sequence[str], grammar: Grammar) -> bool:
    """Whether "it" only fronts the question word: "who was IT that said ...?", "what is IT that X owns?" ask
    what "who said ...?" and "what does X own?" ask; it stands for nothing."""
    at, after = pronoun.start, pronoun.end
    if tokens[at] not in grammar.story_pronouns or at < 2 or after >= len(tokens):
        return False
    return (
        tokens[at - 1] in grammar.be and tokens[at - 2] in grammar.question_words and tokens[after] in grammar.relative
    )


def _alike(entities: Sequence[str], graph: Graph) -> list[str]:
    """The entities of a kind another of them shares ("Sberbank, Yandex and their tie-up": the two companies):
    "they" stands for things of one kind."""
    lines = [graph.ancestors.get(graph.entities[e].type, (graph.entities[e].type,)) for e in entities]
    roots = [line[-2] if len(line) > 1 else line[-1] for line in lines]  # organisation, event, ...: below "entity"
    return [e for e, root in zip(entities, roots, strict=True) if roots.count(root) > 1]


def _named_before_its_clause(pronoun: Mention, kinds: str, found: Found, graph: Graph, grammar: Grammar) -> bool:
    """Whether the pronoun opens an inverted clause ("... but IS IT ...?") after a name of its kind earlier in the
    same question: that name is what it stands for, before anything said in earlier turns."""
    tokens = found.text.tokens
    at = pronoun.start - 1
    if at < 1 or tokens[at] not in grammar.auxiliary | grammar.be:
        return False
    return any(e.end < at and _fits(e.target, kinds, graph) for e in found.of("entity"))


def _kinds_it_is_said_to_be(pronoun: Mention, found: Found, grammar: Grammar) -> list[str]:
    """'What kind of COMPANY is THAT?': a type noun before the "be" right ahead of the pronoun says what kind of
    thing the pronoun stands for, though the pronoun alone ("that": an event) would not."""
    tokens = found.text.tokens
    if pronoun.start == 0 or tokens[pronoun.start - 1] not in grammar.be:
        return []
    if pronoun.end < len(tokens) and tokens[pronoun.end] in grammar.locative:
        return []  # "which COUNTRY is that IN?": what holds it, not what it is
    return [t.target for t in found.of("type") if t.end < pronoun.start]


def _figure_compared(pronoun: Mention, found: Found, grammar: Grammar) -> bool:
    """Whether a demonstrative is compared right away ("is THAT MORE than ...", "is THAT BIGGER OR smaller"): it
    points at the figure just given ("this UNDER" names a section, not a figure)."""
    tokens = found.text.tokens
    if not any(d.start == pronoun.start for d in found.of("demonstrative")):
        return False
    options = {m.start for m in found.of("either")}
    return any(
        a.start == pronoun.end and a.end < len(tokens) and (tokens[a.end] in grammar.comparison or a.end in options)
        for a in found.of("aggregate")
    )


def _dislocated(pronoun: Mention, found: Found, graph: Graph) -> bool:
    """Whether the pronoun opens the clause right after a name that fits it and a comma ("and THE PIC, where's
    IT from?"): the name is the topic the clause speaks of."""
    boundary = found.text.boundary
    if not boundary:
        return False
    start = next((i for i in range(pronoun.start, 0, -1) if boundary[i]), 0)
    return start > 0 and any(e.end == start and _fits(e.target, pronoun.target, graph) for e in found.of("entity"))


def _named_alone(entity: str, found: Found) -> bool:
    """Whether the question names the entity by a name of its own, not inside a longer one ("the EARLIER DEAL")."""
    mentions = found.of("entity")
    return any(
        m.target == entity
        and not any(
            o is not m and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in mentions
        )
        for m in mentions
    )


def _empty_noun(noun: Mention, graph: Graph) -> bool:
    """'one' in "this one": the type every entity has, which names no kind of its own."""
    return not graph.ancestors.get(noun.target, (noun.target,))[1:]


def _what_was_said(pronoun: Mention, found: Found, graph: Graph, grammar: Grammar) -> bool:
    """Whether a pronoun for a thing ends the question right after a verb of a relation that carries words
    said ("where did he SAY IT?"); "who called it a step?" and "how does it describe him?" are not that."""
    tokens = found.text.tokens
    if pronoun.end != len(tokens) or tokens[pronoun.start] not in grammar.story_pronouns:
        return False
    for verb in found.of("relation"):
        relation = graph.relations.get(verb.target)
        if verb.end == pronoun.start and verb.detail == "verb" and relation is not None:
            return any(k in graph.kinds and graph.kinds[k].said for k in relation.values)
    return False


def _stands_alone(pronoun: Mention, tokens: tuple[str, ...], grammar: Grammar) -> bool:
    """'When was THAT?': after a verb or a question word, "that" points back instead of opening a clause."""
    before = tokens[pronoun.start - 1] if pronoun.start > 0 else ""
    return before in grammar.be or before in grammar.auxiliary or before in grammar.question_words


def definite(found: Found, graph: Graph, skip: tuple[int, int] | None, grammar: Grammar) -> list[Mention]:
    """'The sovereign wealth fund', 'the city': a type noun after "the" names the one entity of that type.

    Adjectives between narrow it ("the Russian fund"); a description that fits several entities, or
    none, names nothing.
    """
    mentions: list[Mention] = []
    for noun, start, narrowing in _kind_after_the(found, skip, grammar):
        fitting = [
            e
            for e in graph.entities
            if not graph.entities[e].members
            and graph.is_a(e, [noun.target])
            and all(_has(e, a.target, a.detail, graph) for a in narrowing)
        ]
        if len(fitting) == 1:
            mentions.append(Mention("entity", fitting[0], start - 1, noun.end, DEFINITE_SCORE, "definite"))
    return mentions


def absent_kinds(found: Found, graph: Graph, grammar: Grammar) -> tuple[UnknownName, ...]:
    """'The Chinese government': "the" before a kind the story has no entity of names something the article
    never mentions, declined as an unknown name is, never dropped to answer about the rest of the question.

    Only a kind narrowed by an adjective, or one that is the subject after "does"/"is", names one thing; in
    "Usmanov's ties with the government" it is a topic the article may well cover.
    """
    tokens, surface = found.text.tokens, found.text.surface or found.text.tokens
    return tuple(
        UnknownName(" ".join(surface[start - 1 : noun.end]), start - 1, noun.end)
        for noun, start, narrowing in _kind_after_the(found, None, grammar)
        if not any(graph.is_a(e, [noun.target]) for e in graph.entities)
        and (narrowing or (start > 1 and tokens[start - 2] in grammar.auxiliary | grammar.be))
    )


def _kind_after_the(
    found: Found, skip: tuple[int, int] | None, grammar: Grammar
) -> list[tuple[Mention, int, list[Mention]]]:
    """Each type noun after "the" that no name covers, with where its adjectives start and the adjectives."""
    tokens = found.text.tokens
    named = {i for m in found.of("entity") for i in range(m.start, m.end)}
    attributes = found.of("attribute")
    described: list[tuple[Mention, int, list[Mention]]] = []
    for noun in found.of("type"):
        if noun.span == skip or any(i in named for i in range(noun.start, noun.end)):
            continue
        start = noun.start
        narrowing = []
        while start > 0 and any(a.end == start for a in attributes):
            attribute = next(a for a in attributes if a.end == start)
            narrowing.append(attribute)
            start = attribute.start
        if start > 0 and tokens[start - 1] in grammar.definite:
            described.append((noun, start, narrowing))
    return described


def _has(entity: str, attribute: str, value: str, graph: Graph) -> bool:
    return any(
        fact.relation == attribute and fact.value(attribute) == value and entity in fact.subjects
        for fact in graph.facts_by_entity.get(entity, ())
    )


def _fits(entity: str, types: str, graph: Graph) -> bool:
    """Whether a pronoun can point at the entity: "he" at people, "it" at organisations and things."""
    return graph.is_a(entity, types.split())


def through_relations(
    found: Found,
    entities: list[Mention],
    graph: Graph,
    grammar: Grammar,
    asked: Mention | None = None,
    *,
    fills: dict[str, tuple[str, ...]] | None = None,
) -> list[tuple[Mention, tuple[int, ...]]]:
    """References through one relation, each as an entity mention plus the positions it explains.

    A type noun right after the question word ("which markets will the venture cover?") is what the
    question asks for, not a reference inside it.
    """
    tokens, possessive = found.text.tokens, found.text.possessive
    references: list[tuple[Mention, tuple[int, ...]]] = []
    relations = [m for m in found.of("relation") if not m.weak or m.detail in ("agent", "patient")]
    for word in relations:
        for entity in entities:
            if entity.start < word.end and word.start < entity.end:
                continue
            if word.detail == "agent" and side(word, entity, tokens, possessive, grammar) == "object":
                if entity.end == word.start or _close(word, entity):
                    referred = _subjects(word.target, entity.target, graph, _title(found, word))
                    kind = next((t for t in found.of("type") if t.end == word.start), None)  # "the BILLIONAIRE owner"
                    fits = kind is not None and all(_is(r, kind, graph) for r in referred)
                    references += _make(referred, word, entity, kind if fits else None)
            elif word.detail == "patient" and side(word, entity, tokens, possessive, grammar) == "subject":
                referred = _objects(word.target, entity.target, graph)
                references += _make(referred, word, entity, None)
    nouns = [*found.of("type"), *(m for m in found.of("relation") if m.detail == "agent")]  # "the PARTNER that"
    verbs = [m for m in found.of("relation") if m.detail in ("verb", "passive")]  # a clause makes a weak verb clear
    titled: dict[int, set[int]] = {}  # where a name starts: the positions of a title right before it
    for title in found.of("type"):
        titled.setdefault(title.end, set()).update(range(title.start, title.end))
    for noun in nouns:
        if asked is not None and noun.span == asked.span:
            continue
        for word in verbs:
            if word.detail not in ("verb", "passive") or not noun.end <= word.start <= noun.end + RELATIVE_REACH:
                continue  # a relative clause has a verb: "the fund that OWNS part of X"
            for entity in entities:
                if not noun.end <= entity.start <= noun.end + RELATIVE_REACH + 2 or entity.start == word.start:
                    continue
                titles = titled.get(entity.start, set())
                if not _clause(noun, word, entity, tokens, grammar, titles=titles):
                    continue  # "the company (that) THE BILLIONAIRE Usmanov owns": a title before the name is his
                right_after = word_before(tokens, entity.start, grammar.determiners) == word.end - 1
                ordered = _ordered(word, noun, graph, grammar, tokens) if right_after else None
                role = ordered or side(word, entity, tokens, possessive, grammar)
                if role == "subject":
                    referred = _objects(word.target, entity.target, graph)
                elif role == "object":
                    referred = _subjects(word.target, entity.target, graph, _title(found, word))
                else:
                    continue
                referred = [r for r in referred if _is(r, noun, graph)]
                references += _make(referred, word, entity, noun)
            references += _valued(noun, word, found, graph, grammar, fills=fills or {})
    references += _ordered_names(found, entities, graph, grammar)
    references += _free_relative(found, entities, graph, grammar) + _pronoun_clause(
        found, entities, graph, grammar, asked
    )
    return references + _belonging(found, entities, graph, grammar) + _theirs(found, entities, graph, grammar)


VALUE_GAP = 2  # words between a clause's verb and its value ("owns ONLY 13 percent")


def _valued(
    noun: Mention, word: Mention, found: Found, graph: Graph, grammar: Grammar, *, fills: dict[str, tuple[str, ...]]
) -> list[tuple[Mention, tuple[int, ...]]]:
    """'The fund that owns 13 percent', 'the company that gets 24 percent': the one doer of the clause's verb
    whose fact has that value. The clause opens with a relative word or a participle ("the company HOLDING 15
    percent"); "what did that company launch in 2017?" asks about the company, it does not pick it out."""
    tokens = found.text.tokens
    between = tokens[noun.end : word.start]
    participle = word.start == noun.end and tokens[word.start].endswith(grammar.progressive_endings)
    if not (participle or grammar.relative.intersection(between)):
        return []
    if not _clause(noun, word, word, tokens, grammar, titles=set()):
        return []
    values = [
        v
        for v in found.mentions
        if v.kind in fills and word.end <= v.start <= word.end + VALUE_GAP and _number(v.target) is not None
    ]
    references: list[tuple[Mention, tuple[int, ...]]] = []
    for value in values:
        wanted = _number(value.target)
        referred: list[str] = []
        for fact in graph.facts_by_relation.get(word.target, ()):
            if any(
                k in graph.kinds and graph.kinds[k].kind in fills[value.kind] and _number(v) == wanted
                for k, v in fact.values
            ):
                referred += [s for s in fact.subjects if s not in referred and _is(s, noun, graph)]
        references += _make(referred, word, value, noun)
    return references


def _number(value: object) -> float | None:
    try:
        return float(str(value))
    except ValueError:
        return None


FREE_RELATIVE_GAP = 4  # words between "what" and the verb of its clause ("what THEY WERE creating")


def _free_relative(
    found: Found, entities: list[Mention], graph: Graph, grammar: Grammar
) -> list[tuple[Mention, tuple[int, ...]]]:
    """'What did the groups call WHAT THEY WERE CREATING?': a second "what" opening a clause names the thing its
    verb acts on, the one object of the verb's facts whose doers the question names (else the story's own)."""
    tokens = found.text.tokens
    cues = sorted(found.of("focus"), key=lambda c: c.start)
    if not cues:
        return []
    pronouns = {i for p in found.of("pronoun") for i in range(p.start, p.end)}
    named = [e for e in entities if e.detail == ""]
    allowed = grammar.be | grammar.auxiliary | grammar.determiners
    references: list[tuple[Mention, tuple[int, ...]]] = []
    for cue in cues:
        if cue.start <= cues[0].start or tokens[cue.start] not in grammar.entity_questions:
            continue
        if any(c.start < cue.start <= c.end for c in cues):
            continue  # "in WHAT city": a part of the question's own cue, or right after it
        verbs = [
            v
            for v in found.of("relation")
            if v.detail == "verb"
            and cue.end < v.start <= cue.end + FREE_RELATIVE_GAP
            and all(i in pronouns or tokens[i] in allowed for i in range(cue.end, v.start))
        ]
        if not verbs:
            continue
        first = min(v.start for v in verbs)
        doers = {m for e in named if e.end <= cue.start for m in (e.target, *graph.members(e.target))}
        objects = {  # every relation the verb may name ("created": founded or launched)
            o
            for v in verbs
            if v.start == first
            for f in graph.facts_by_relation.get(v.target, ())
            if not doers or doers & set(f.subjects)
            for o in f.objects
        }
        if len(objects) > 1:
            objects &= set(graph.backdrops)
        if len(objects) == 1:
            end = max(v.end for v in verbs if v.start == first)
            mention = Mention("entity", objects.pop(), cue.start, end, REFERENCE_SCORE, "ref:clause")
            references.append((mention, tuple(range(cue.start, end))))
    return references


def _pronoun_clause(
    found: Found, entities: list[Mention], graph: Graph, grammar: Grammar, asked: Mention | None
) -> list[tuple[Mention, tuple[int, ...]]]:
    """'The name of the new company THEY'RE SETTING UP', 'the thing they were creating': a noun followed by a
    clause whose subject is a pronoun names the one thing of its kind the clause's verb acts on. The clause
    explains the noun; it is not what the question asks about. A noun that is a name already ("the new
    company") must be that thing; the noun a question word asks for ("which company he own?") opens no clause;
    a pronoun the conversation resolved ("he") limits the doers to it."""
    tokens = found.text.tokens
    pronouns = {p.start: p for p in found.of("pronoun") if tokens[p.start] not in grammar.relative}
    allowed = grammar.be | grammar.auxiliary
    verbs = [v for v in found.of("relation") if v.detail in ("verb", "action")]
    nouns = [
        m
        for m in (*found.of("type"), *(e for e in entities if e.detail == ""))
        if m.end in pronouns and (asked is None or m.span != asked.span)
    ]
    references: list[tuple[Mention, tuple[int, ...]]] = []
    for noun in nouns:
        pronoun = pronouns[noun.end]
        verb = next(
            (
                v
                for v in verbs
                if pronoun.end <= v.start <= pronoun.end + FREE_RELATIVE_GAP
                and all(tokens[i] in allowed for i in range(pronoun.end, v.start))
            ),
            None,
        )
        if verb is None:
            continue
        doers = {e.target for e in entities if e.span == pronoun.span}
        facts = graph.facts_by_relation.get(verb.target, ())
        objects = {o for f in facts if not doers or doers & set(f.subjects) for o in f.objects}
        if noun.kind == "type":
            objects = {o for o in objects if graph.is_a(o, [noun.target])}
        else:
            objects &= {noun.target}
        if len(objects) > 1:
            objects &= set(graph.backdrops)
        if len(objects) == 1:
            mention = Mention("entity", objects.pop(), noun.start, verb.end, REFERENCE_SCORE, "ref:clause")
            references.append((mention, tuple(range(noun.start, verb.end))))
    return references


OWNED_MODIFIERS = 3  # words from a possessive pronoun to its noun: "their e commerce deal"


def _theirs(
    found: Found, entities: list[Mention], graph: Graph, grammar: Grammar
) -> list[tuple[Mention, tuple[int, ...]]]:
    """'When did Sberbank and Yandex announce THEIR DEAL?': a noun after a possessive pronoun means the one
    entity of its type the facts tie to every other name in the question."""
    tokens = found.text.tokens
    references: list[tuple[Mention, tuple[int, ...]]] = []
    named = {i for m in found.of("entity", "type") for i in range(m.start, m.end)}
    for noun in found.of("type"):
        at = noun.start - 1  # "their E-COMMERCE deal": unnamed words between may describe it
        while at >= 0 and noun.start - at <= OWNED_MODIFIERS and tokens[at] not in grammar.possessives:
            at = at - 1 if at not in named and tokens[at] not in grammar.stopwords else -1
        if at < 0 or tokens[at] not in grammar.possessives:
            continue
        modifiers = tokens[at + 1 : noun.start]
        owners = {e.target for e in entities if e.end <= at and e.detail == ""}
        if not owners:  # "which network does HIS COMPANY own?": the one the pronoun stands for
            owners = {e.target for e in entities if e.start == at and e.detail == "context"}
        if not owners:
            continue
        tied = {
            f_entity
            for fact in graph.facts_by_entity.get(next(iter(sorted(owners))), ())
            if owners <= {*fact.entities, *fact.mentions}
            for f_entity in fact.entities
            if f_entity not in owners and graph.is_a(f_entity, [noun.target]) and not graph.entities[f_entity].members
        }
        tied = _defining(next(iter(sorted(owners))), tied, graph) if len(owners) == 1 else tied
        if len(tied) == 1 and all(_described(next(iter(tied)), word, graph) for word in modifiers):
            mention = Mention("entity", tied.pop(), at, noun.end, REFERENCE_SCORE, "ref:theirs")
            references.append((mention, tuple(range(at, noun.end))))
    return references


def _belonging(
    found: Found, entities: list[Mention], graph: Graph, grammar: Grammar
) -> list[tuple[Mention, tuple[int, ...]]]:
    """'Jack Ma's company', 'Usmanov's firm', 'the company of Michael Evans': a type noun right after a name,
    or before "of" and the name, means the one entity of that type the facts tie to the name."""
    references: list[tuple[Mention, tuple[int, ...]]] = []
    tokens = found.text.tokens
    for entity in entities:
        noun = next((t for t in found.of("type") if t.start == entity.end), None)
        before = word_before(tokens, entity.start, grammar.determiners)
        if noun is None and before > 0 and tokens[before] in grammar.of:  # "the company OF Michael Evans"
            named = {e.span for e in found.of("entity")}  # "the press conference of Evans" names it already
            noun = next((t for t in found.of("type") if t.end == before and t.span not in named), None)
        if noun is None or graph.is_a(entity.target, [noun.target]):
            continue
        if entity.start > 0 and tokens[entity.start - 1] in grammar.be:
            continue  # "is Evans RICH?": the noun says what the name is claimed to be
        tied = {
            other
            for fact in graph.facts_by_entity.get(entity.target, ())
            for other in fact.entities
            if other != entity.target and not graph.entities[other].members and graph.is_a(other, [noun.target])
        }
        tied = _defining(entity.target, tied, graph)
        if len(tied) == 1 and not _described(next(iter(tied)), _qualifier(noun, found, grammar), graph):
            continue  # "the CAPITAL city of Russia": not the one city the facts tie to Russia
        if len(tied) > 1:  # "the Alibaba GUY quoted": of Evans and Jack Ma, the one the relation asked has facts of
            asked = {m.target for m in found.of("relation") if not m.weak}
            tied = {o for o in tied if any(f.relation in asked for f in graph.facts_by_entity.get(o, ()))}
        if len(tied) == 1:
            start, end = min(entity.start, noun.start), max(entity.end, noun.end)
            mention = Mention("entity", tied.pop(), start, end, REFERENCE_SCORE * entity.score, "ref:tie")
            references.append((mention, tuple(range(start, end))))
    return references


def _qualifier(noun: Mention, found: Found, grammar: Grammar) -> str | None:
    """The word right before a type noun that may narrow it ("the CAPITAL city", "the far EASTERN city"): no
    determiner or filler, and named by nothing but perhaps a relation word."""
    if noun.start == 0:
        return None
    word = found.text.tokens[noun.start - 1]
    if word in grammar.stopwords or word in grammar.determiners or word in grammar.filler:
        return None
    covering = [m for m in found.mentions if m.start <= noun.start - 1 < m.end]
    return word if all(m.kind == "relation" for m in covering) else None


def _described(entity: str, word: str | None, graph: Graph) -> bool:
    """Whether the entity's own descriptions use the word (any word, when there is none)."""
    if word is None:
        return True
    return any(
        word in simplify(f.answer).split()
        for f in graph.facts_by_entity.get(entity, ())
        if f.relation == graph.describes and entity in f.subjects
    )


def _defining(owner: str, tied: set[str], graph: Graph) -> set[str]:
    """Of several entities tied to the owner, the one its own description names ("a billionaire who owns
    Mail.ru": Usmanov's company is Mail.ru, not the venture he commented on); all of them when none or several."""
    if len(tied) < 2:
        return tied
    described = " ".join(
        f.answer for f in graph.facts_by_entity.get(owner, ()) if f.relation == graph.describes and owner in f.subjects
    )
    named = {t for t in tied if graph.name(t) in described}
    return named if len(named) == 1 else tied


def _clause(
    noun: Mention,
    word: Mention,
    entity: Mention,
    tokens: tuple[str, ...],
    grammar: Grammar,
    *,
    titles: set[int],
) -> bool:
    """Whether only a relative clause's own words stand between the noun and its verb: "the company (that)
    Jack Ma founded", "the partner that launched", "the firm owned by"; a title right before the name
    ("the billionaire Usmanov") is the name's own."""
    if noun.end < len(tokens) and tokens[noun.end] in grammar.auxiliary:
        return False  # "how much of the venture DOES it own?": a question turned round, not a clause
    allowed = grammar.relative | grammar.auxiliary | grammar.be | grammar.determiners
    return all(
        entity.start <= i < entity.end or i in titles or tokens[i] in allowed for i in range(noun.end, word.start)
    )


def _ordered(word: Mention, noun: Mention, graph: Graph, grammar: Grammar, tokens: tuple[str, ...]) -> str | None:
    """The side of a sequence relation a name takes after "before" or "after" right behind a noun: "the deal
    BEFORE this one" is the earlier of the two, so the name after the word is the later (the subject); "the deal
    AFTER the tie-up" is the later, so the name is the earlier (the object)."""
    relation = graph.relations.get(word.target)
    if relation is None or not relation.sequence or word.start != noun.end or word.end - word.start != 1:
        return None
    if tokens[word.start] in grammar.earlier:
        return "subject"
    return "object" if tokens[word.start] in grammar.later else None


def _ordered_names(
    found: Found, entities: list[Mention], graph: Graph, grammar: Grammar
) -> list[tuple[Mention, tuple[int, ...]]]:
    """'a tie-up BEFORE THIS ONE': a name with "before" or "after" and another name right behind it, where a
    sequence fact puts the two that way round, is one reference to the first name over all those words."""
    tokens = found.text.tokens
    references: list[tuple[Mention, tuple[int, ...]]] = []
    for word in found.of("relation"):
        first = next((e for e in entities if e.end == word.start), None)
        second = next((e for e in entities if word_before(tokens, e.start, grammar.determiners) == word.end - 1), None)
        role = _ordered(word, first, graph, grammar, tokens) if first is not None else None
        if first is None or second is None or not role:
            continue
        if role == "subject":  # "the tie-up BEFORE this one": what this one comes after
            referred = _objects(word.target, second.target, graph)
        else:  # "the venture AFTER the tie-up": what comes after the tie-up
            referred = _subjects(word.target, second.target, graph, None)
        if referred == [first.target]:
            references += _make(referred, word, second, first)
    return references


def _is(entity: str, noun: Mention, graph: Graph) -> bool:
    """Whether an entity is what the noun calls it: of its type, or a subject of its relation (a partner)."""
    if noun.kind == "type":
        return graph.is_a(entity, [noun.target])
    return any(entity in f.subjects for f in graph.facts_by_relation.get(noun.target, ()))


def _close(word: Mention, entity: Mention) -> bool:
    return entity.start - word.end <= 3 or word.start - entity.end <= 3


def _title(found: Found, word: Mention) -> str | None:
    return next((t.detail for t in found.of("title") if t.span == word.span), None)


def _subjects(relation: str, obj: str, graph: Graph, title: str | None) -> list[str]:
    """Who stands in the relation to the object ("the founder of Alibaba": Jack Ma)."""
    found: list[str] = []
    for fact in graph.facts_by_relation.get(relation, ()):
        if obj in fact.objects and (title is None or fact.value("title") == title):
            found += [s for s in fact.subjects if s not in found]
    return found


def _objects(relation: str, subject: str, graph: Graph) -> list[str]:
    """What the subject stands in the relation to ("the company Usmanov owns": Mail.ru)."""
    found: list[str] = []
    for fact in graph.facts_by_relation.get(relation, ()):
        if subject in fact.subjects:
            found += [o for o in fact.objects if o not in found]
    return found


def _make(
    referred: list[str], word: Mention, entity: Mention, noun: Mention | None
) -> list[tuple[Mention, tuple[int, ...]]]:
    """A reference that names exactly one entity, as a mention over all its words."""
    if len(referred) != 1:
        return []
    parts = [word, entity] + ([noun] if noun else [])
    start, end = min(p.start for p in parts), max(p.end for p in parts)
    positions = tuple(sorted({i for p in parts for i in range(p.start, p.end)}))
    mention = Mention("entity", referred[0], start, end, REFERENCE_SCORE * entity.score, f"ref:{word.target}")
    return [(mention, positions)]


OPTION_REACH = 3  # words between "or" and the kind named as its second option ("or IN A WRITTEN statement")


def options_of_one(found: Found, graph: Graph, grammar: Grammar) -> Found:
    """'Did Evans speak at a press conference or in a written statement?': two kinds offered as the options of
    "or", each the kind of place or event a fact may say something happened at, and each with one thing of
    its kind in the story, name those things; "a" before them only says the asker does not know the story's."""
    if not found.of("either"):
        return found  # most questions offer no options: nothing to gather
    entity_kinds = {t for kind in graph.kinds.values() if kind.kind == "entity" for t in kind.types}
    named = {i for m in found.of("entity") for i in range(m.start, m.end)}
    tokens = found.text.tokens
    skipping = grammar.locative | grammar.determiners

    def the_one(kind: Mention) -> str | None:
        if not entity_kinds & set(graph.ancestors.get(kind.target, (kind.target,))):
            return None
        if any(i in named for i in range(kind.start, kind.end)):
            return None
        ones = [e for e in sorted(graph.entities) if graph.is_a(e, [kind.target])]
        return ones[0] if len(ones) == 1 else None

    added: list[Mention] = []
    for joint in found.of("either"):
        before = [
            t for t in found.of("type") if t.end <= joint.start and word_before(tokens, joint.start, skipping) < t.end
        ]
        after = [t for t in found.of("type") if joint.end <= t.start <= joint.end + OPTION_REACH]
        after = [t for t in after if all(w in skipping for w in tokens[joint.end : t.start])]
        if not before or not after:
            continue
        left, right = before[-1], after[0]
        ones = [the_one(left), the_one(right)]
        if left.target != right.target and all(ones):
            added += [Mention("entity", str(one), t.start, t.end) for one, t in zip(ones, (left, right), strict=True)]
    if not added:
        return found
    mentions = sorted((*found.mentions, *added), key=lambda m: (m.start, m.end, m.kind, m.target))
    return found._replace(mentions=tuple(mentions))


def named_in_the_story(found: Found, graph: Graph, grammar: Grammar) -> Found:
    """'Which of the people NAMED IN THE ARTICLE runs the fund?': a participle of being in the story, then "in" and
    the article itself, only says the things are in the story; neither the verb nor the article is asked about
    ("described in the article" asks how: only the `presence` words)."""
    tokens = found.text.tokens
    dropped: set[Mention] = set()
    for verb in found.of("relation"):
        if verb.detail not in ("verb", "passive") or tokens[verb.end - 1] not in grammar.presence:
            continue
        if verb.end >= len(tokens) or tokens[verb.end] not in grammar.locative | grammar.inside:
            continue
        at = verb.end + 1  # the word after "in"
        while at < len(tokens) and tokens[at] in grammar.determiners:
            at += 1
        story = [e for e in found.of("entity") if e.start == at and graph.is_a(e.target, grammar.context_types)]
        if story and verb.start > 0 and any(t.end <= verb.start for t in found.of("type", "entity")):
            dropped |= {verb, *story, *(m for m in found.mentions if m.span == verb.span or m.span == story[0].span)}
    if not dropped:
        return found
    return found._replace(mentions=tuple(m for m in found.mentions if m not in dropped))
