"""Assemble readings for one relation: place the entities, bind the values, choose what is asked, and add
the constraints (types, attributes, derived operations) the other words bring."""

from __future__ import annotations

import itertools

from bot.knowledge.model import Relation
from bot.understand.grammar import word_before
from bot.understand.model import (
    AGAINST,
    APPROX,
    BEFORE_NOW,
    CLAIM,
    COMPARING,
    CONCEALED,
    COUNTED,
    DESCRIBED,
    DISCLOSED,
    EARLIER,
    EITHER,
    EITHER_TYPE,
    ENDS,
    GROUP_FIRST,
    LATER,
    MINORITY,
    MOST,
    NEW,
    NOW,
    ONLY,
    ORDER,
    SAME,
    SUM,
    TIMES,
    TOGETHER,
    TYPE,
    Mention,
    Reading,
    Value,
)
from bot.understand.normalize import simplify
from bot.understand.readings.question import Question, parse_value, types_overlap, value_slots
from bot.understand.readings.selection import SUPERLATIVE_REACH, described_superlatives
from bot.understand.readings.slots import (
    NUMERIC,
    after_auxiliary_and_subject,
    asks,
    asks_the_doer,
    coordinated,
    existential_kinds,
    fit,
    multiple,
    names_another,
    numeric_kinds,
    placements,
    ranked_after,
    reported_clause,
)
from bot.understand.readings.weights import CLAUSE_VERB, FOCUS_FIT, IDENTITY, MAIN_VERB, Draft

MAJORITY = "majority"
VALUE_RESULTS = frozenset({"sum", "difference", "complement"})  # operations that give a number, never an entity
COMPARATIVES = {"more": "max", "less": "min"}  # "who holds more, X or Y?" picks; "how much more?" compares
AGAINST_A_VALUE = frozenset({"closest", "compare", "more", "less"})  # operations that take the question's number
MIN_COUNTED, MAX_COUNTED = 2, 12  # "which two ...": a count a selection may ask for ("which one" asks one thing)
SPECIFIC_REACH = 4  # a word naming the value asked for ("what was the occasion") counts this close after the cue


def assign(
    q: Question, pair: tuple[Relation, float], entities: list[Mention], consumed: tuple[Mention, ...]
) -> list[Draft]:
    """Every way to place the entities in the relation, each completed into drafts."""
    relation, bonus = pair
    words = [m for m in q.relation_words if m.target == relation.id and m not in consumed]
    words += [m for m in q.titles if m.target == relation.id and m not in consumed]
    if relation.describes and (
        any(_spoken(q, w) for w in words) or asks_the_doer(q, words) or _described_by_one_named(q, entities, words)
    ):
        return []  # describing has no one who describes: "how did THEY describe it?", "WHO called it a step?"
    cues = sorted((m for m in words if m.kind == "relation"), key=lambda m: m.weak)
    reported = reported_clause(q)
    reporting = reported is not None and reported[0] in cues  # "what does X SAY it is bringing": the source only
    if not reporting and any(m.detail in ("verb", "passive") and not m.weak for m in cues):
        bonus += MAIN_VERB
    if not reporting and any(m.detail == "verb" and not m.weak and after_auxiliary_and_subject(q, m) for m in cues):
        bonus += CLAUSE_VERB
    if reported is not None and reported[1] in cues:
        bonus += CLAUSE_VERB  # "what does X say it is BRINGING?": what is said is what is asked
    options = [placements(q, relation, entity, cues, reported) for entity in entities]
    drafts = []
    asked: dict[tuple[bool, bool, tuple[str, ...]], list[str]] = {}  # the slots asked, by what a placement binds
    for combination in itertools.product(*options) if options else [()]:
        placed = list(zip(entities, combination, strict=True))
        drafts += _complete(q, relation, placed, words, consumed, bonus=bonus, asked=asked)
    return drafts


def _described_by_one_named(q: Question, entities: list[Mention], words: list[Mention]) -> bool:
    """'USMANOV called it a step for what?': a name that gave the description (the article describing is this
    relation itself)."""
    return any(names_another(q, e, words) and not q.graph.is_a(e.target, q.grammar.context_types) for e in entities)


SPEAKERS = ("person", "organisation", "group")  # who can describe something in their own words


def _whole_asked(q: Question, reading: Reading) -> bool:
    """'Who controls THE VENTURE?': the holder of the story's own whole is asked (not "who controls Mail.ru?")."""
    return not reading.subject and reading.ask == "subject" and set(reading.object) <= set(q.graph.backdrops)


def _spoken(q: Question, word: Mention) -> bool:
    """'How did the partners describe the deal?': someone put between the auxiliary and a describing verb
    said it in their words (a quote); "how does the article describe it?" and "how is it described?" do not."""
    if word.detail != "topic":
        return False
    start = next((i for i in range(word.start - 1, -1, -1) if q.tokens[i] in q.grammar.auxiliary), None)
    if start is None and q.form.focus_span is not None and q.form.focus_span[1] <= word.start:
        start = q.form.focus_span[1] - 1  # "how they described it": no auxiliary, the speaker after the question word
        if any(t in q.grammar.be for t in q.tokens[start + 1 : word.start]):
            return False  # "how is Usmanov described?": a passive, he is the one described
    if start is None:
        return False
    between = range(start + 1, word.start)
    for mention in q.found.mentions:
        if mention.start not in between:
            continue
        if mention.kind == "pronoun" and set(mention.target.split()) & set(SPEAKERS):
            return True
        if mention.kind == "relation" and mention.detail == "agent":
            return True
        if mention.kind == "entity" and q.graph.is_a(mention.target, SPEAKERS):
            return True
    return False


def _complete(
    q: Question,
    relation: Relation,
    placed: list[tuple[Mention, tuple[str, float]]],
    words: list[Mention],
    consumed: tuple[Mention, ...],
    *,
    bonus: float,
    asked: dict[tuple[bool, bool, tuple[str, ...]], list[str]],
) -> list[Draft]:
    comparing = any(a.target in (*COMPARATIVES, "difference") for a in q.aggregates)
    comparing = comparing or (q.form.yesno and multiple(q) is not None)  # "is A's stake half of B's?"
    for slot in ("subject", "object"):
        together = [e for e, (s, _) in placed if s == slot]
        identity = relation.id == q.graph.describes and len(together) == 2  # "MegaFon is the sovereign fund?"
        ordered = sorted(together, key=lambda e: e.start)
        identity = identity and _one_and_the_same(q, ordered)
        if len(together) > 1 and not comparing and not coordinated(q, together) and not identity:
            return []  # two entities share a side only when the question joins them ("Alibaba and MegaFon")
    sides: dict[tuple[int, int], set[str]] = {}
    for e, (slot, _) in placed:
        if e.detail == "context":
            sides.setdefault(e.span, set()).add(slot)
    if any(len(slots) > 1 for slots in sides.values()):
        return []  # "they": the entities one plural pronoun stands for go together, or not at all
    subject = tuple(dict.fromkeys(e.target for e, (slot, _) in placed if slot == "subject"))
    obj = tuple(dict.fromkeys(e.target for e, (slot, _) in placed if slot == "object"))
    if set(subject) & set(obj):
        return []  # one thing on both sides: the second mention names it again ("the venture is called X")
    values: list[tuple[str, Value]] = [
        (slot, _claimed_name(q, e) if relation.names else q.graph.name(e.target))
        if q.graph.kinds[slot].kind == "text"
        else (slot, e.target)
        for e, (slot, _) in placed
        if slot not in ("", "subject", "object")
    ]
    used: list[Mention] = [*words, *(e for e, (slot, _) in placed if slot), *consumed]
    if relation.names and q.form.yesno and not values:
        renamed = _named_otherwise(q, relation, words)  # "the venture is called 'a big merger'?"
        if renamed is not None and _describes(q, relation, renamed):
            return []  # "they called it 'a new strategic partnership'?": it was described so, not named
        if renamed is not None:
            values.append(renamed[0])
            used.append(renamed[1])
    if relation.describes:
        used += _describer(q, placed, words)
    if relation.names:  # the words a claimed name runs on with are the claim's, too
        for e, (slot, _) in placed:
            end = _name_run(q, e) if slot in q.graph.kinds and q.graph.kinds[slot].kind == "text" else e.end
            if end > e.end:
                used.append(Mention("name", slot, e.end, end, 1.0))
    bound_targets = {e.target for e, (slot, _) in placed if slot}
    spans = {m.span for m in used}
    used += [  # "is VK the social media network ...?": a name said twice is placed once, and explained twice
        m for m in q.primary if m.kind == "entity" and m.target in bound_targets and m.span not in spans
    ]
    role_score = sum(score for _, (slot, score) in placed if slot)
    used += [m for m in _bind_values(q, relation, values) if m not in used]
    drafts: list[Draft] = []
    bound = (bool(subject), bool(obj), tuple(k for k, _ in values))  # all `asks` looks at besides the relation
    slots = asked.get(bound)
    if slots is None:
        slots = asked[bound] = asks(q, relation, subject, obj, values=values, words=words)
    if not slots and q.form.focus and words:
        slots = [q.form.focus]  # the relation cannot give what is asked: kept, so it can be declined in its words
    if q.form.focus and not q.form.yesno and not q.form.either:
        slots = [s for s in slots if s] or slots[:0]  # a question word asks for something: no reading checks only
    if subject and obj and any(t in q.grammar.linking for t in q.tokens):
        slots = ["", *slots]  # "what is Usmanov's CONNECTION to Mail.ru?": the fact naming both is the answer
    hedged = (APPROX,) if any(m in used and _hedged(q, m.start) for m in q.values) else ()
    for ask in slots:
        reading, extra = constrain(
            q, Reading(relation.id, subject, obj, ask, tuple(values), notes=(relation.id, *hedged)), relation, used
        )
        if relation.id == q.graph.describes and q.form.yesno and {e.target for e in q.excluded} & set(subject):
            continue  # "is there ANOTHER Russian deal before this one?": no claim about what this one is
        if q.focus_noun is not None and reading.ask and _holds(q, relation, reading.ask, q.focus_noun):
            extra.append(q.focus_noun)
        order = _order(q, relation, placed) if not ask and len(subject) + len(obj) == 2 else None
        if order is not None:  # "did the Sberbank deal come before or after this one?"
            reading = reading._replace(notes=(*reading.notes, order), mode="yesno")
        elif q.form.yesno and not ask:
            reading = reading._replace(mode="yesno")
            reach = 1 if relation.names else 0  # "a NEW name?" asks whether it was taken from one there already
            if any(t in q.grammar.newness for w in words for t in q.tokens[max(0, w.start - reach) : w.end]):
                reading = reading._replace(notes=(*reading.notes, NEW))  # "is Alibaba NEW TO Russian e-commerce?"
            if any(t in q.grammar.only for t in q.tokens):
                reading = reading._replace(notes=(*reading.notes, ONLY))
            if any(t in q.grammar.present for t in q.tokens):
                reading = reading._replace(notes=(*reading.notes, NOW))
            concealed = [
                Mention("cue", CONCEALED, i, i + 1) for i, t in enumerate(q.tokens) if t in q.grammar.concealment
            ]
            if concealed:
                reading = reading._replace(notes=(*reading.notes, CONCEALED))  # "is the amount SECRET?"
                extra += concealed
            if concealed or any(t in q.grammar.disclosure for t in q.tokens):
                reading = reading._replace(notes=(*reading.notes, DISCLOSED))  # "were the amounts MADE PUBLIC?"
                if any(f.withheld for f in q.graph.facts_by_relation.get(relation.id, ())):
                    extra += _disclosing(q, relation)  # whatever relation "made public" names, here it says this
            if q.tokens and q.tokens[-1] in q.grammar.earlier and not q.values:
                reading = reading._replace(notes=(*reading.notes, BEFORE_NOW))  # "did they work together before?"
            edge = _bound(q, reading)
            if edge is not None:
                reading = reading._replace(notes=(*reading.notes, f"{CLAIM}{edge}"))
            reading = reading._replace(notes=(*reading.notes, *_claimed_types(q, subject)))
        elif q.form.either and not ask and reading.aggregate is None:
            reading = _as_either(q, reading)
        shape = fit(q, relation, ask)
        if not _asked_of_its_kind(q, ask, (*subject, *obj)):
            shape -= FOCUS_FIT  # "WHO is described as Kremlin-friendly in the story?": not what the story is
        near = q.form.focus_span[1] + SPECIFIC_REACH if q.form.focus_span else -1
        naming = [  # "what occasion": a word naming the value asked, when the relation has such values
            v
            for v in q.valuewords
            if v.target == ask and ask in relation.values and (v.start <= near or ask in existential_kinds(q))
        ]
        named_value = [  # "which SECTION is it filed under": the relation's own noun right after the question word
            w
            for w in words
            if w.target == relation.id and w.detail == "holding" and ask in relation.values
            and q.form.focus_span is not None and _names_the_value(q, q.form.focus_span[1], w.start)
        ]  # fmt: skip
        if naming or named_value:
            shape += FOCUS_FIT
            extra += naming
        if SAME in reading.notes:
            shape += IDENTITY  # "is the RDIF the telecom operator (in the deal)?": "be" joins the two names
        drafts.append(Draft(reading, tuple(used + extra), bonus + role_score + shape))
    return drafts


def _holds(q: Question, relation: Relation, ask: str, noun: Mention) -> bool:
    """Whether the slot asked can hold what the noun after "which" names: "which CONFERENCE is the photo from?"
    is no question for the photo's source, whose side takes no conferences."""
    if noun.kind != "type":
        return True  # "which PARTNER": a relation's own noun, weighed elsewhere
    if ask in ("subject", "object"):
        return types_overlap(
            relation.subject_types if ask == "subject" else relation.object_types, (noun.target,), q.graph
        )
    kind = q.graph.kinds.get(ask)
    if kind is None:  # kept only to decline in its words: the noun is the relation's if either side could hold it
        return types_overlap((*relation.subject_types, *relation.object_types), (noun.target,), q.graph)
    return kind.kind != "entity" or types_overlap(kind.types or ("entity",), (noun.target,), q.graph)


def _describer(q: Question, placed: list[tuple[Mention, tuple[str, float]]], words: list[Mention]) -> list[Mention]:
    """'What does THE ARTICLE call Alibaba?': the article before the describing verb, when something else is
    described, is who describes it, not a topic ("the writer of this article" is not)."""
    if not any(slot == "subject" and not q.graph.is_a(e.target, q.grammar.context_types) for e, (slot, _) in placed):
        return []
    placed_spans = {e.span for e, (slot, _) in placed if slot}
    return [
        e
        for e in q.entities
        if e.span not in placed_spans
        and q.graph.is_a(e.target, q.grammar.context_types)
        and any(e.end <= w.start for w in words)  # before the verb: its subject
    ]


def _name_run(q: Question, entity: Mention) -> int:
    """Where the name claimed after a naming verb ends: the capitalised words that run on after the entity
    ("called Mail.ru COMMERCE?" claims "Mail.ru Commerce", not "Mail.ru")."""
    text = q.found.text
    covered = {i for m in q.found.mentions if m is not entity for i in range(m.start, m.end)}
    end = entity.end
    while end < len(text.tokens) and text.capitalised and text.capitalised[end] and end not in covered:
        end += 1
    return end


NAME_MODIFIERS = 2  # words that may open a name claimed after a naming verb before a name the story knows


def _named_otherwise(q: Question, relation: Relation, words: list[Mention]) -> tuple[tuple[str, Value], Mention] | None:
    """'The venture is called "a new strategic partnership"?': another name of a thing, right after the naming
    verb, is a claimed name in its own words (the words as written, not the thing's own name)."""
    kind = next((k for k in relation.values if k in q.graph.kinds and q.graph.kinds[k].kind == "text"), None)
    verbs = [w for w in words if w.detail in ("verb", "passive")]
    if kind is None or not verbs:
        return None
    surface = q.found.text.surface or q.found.text.tokens
    pronouns = {p.start for p in q.found.of("pronoun")}
    for verb in verbs:
        start = verb.end
        while start < len(q.tokens) and (q.tokens[start] in q.grammar.determiners or start in pronouns):
            start += 1  # "called IT a new ...": the thing named, then its name
        if start < len(q.tokens) and q.tokens[start] in q.grammar.of:
            continue  # "the exact NAME OF the new company": a noun, and no name claimed
        for entity in q.found.of("entity"):
            if not start <= entity.start <= start + NAME_MODIFIERS:
                continue  # "called a NEW strategic partnership": a word or two may open the name
            written = " ".join(surface[start : entity.end])
            if simplify(q.graph.name(entity.target)) not in simplify(written):  # not "the AliExpress Russia venture"
                return (kind, written), entity._replace(start=start)
    return None


def _describes(q: Question, relation: Relation, renamed: tuple[tuple[str, Value], Mention]) -> bool:
    """Whether the words claimed as a name are words another fact about the thing says of it."""
    (_, written), entity = renamed
    words = simplify(str(written))
    return any(
        f.relation != relation.id and words in simplify(f.answer)
        for f in q.graph.facts_by_entity.get(entity.target, ())
    )


def _claimed_name(q: Question, entity: Mention) -> str:
    """The name claimed: the entity's own name and the words run on after it."""
    end = _name_run(q, entity)
    surface = q.found.text.surface or q.found.text.tokens
    return " ".join([q.graph.name(entity.target), *surface[entity.end : end]])


def _as_either(q: Question, reading: Reading) -> Reading:
    """'Does Tmall belong to Alibaba or Mail.ru?', 'is Alibaba from China or Japan?': the two options leave
    the slot they were placed in and become the choice the facts make between them."""
    offered = q.form.either
    first = offered[0]
    if first.kind == "entity":
        pair = {o.target for o in offered}
        options = tuple(str(o.target) for o in offered)
        if pair <= set(reading.subject):
            kept = tuple(e for e in reading.subject if e not in pair)
            return reading._replace(subject=kept, options=options, mode="either")
        if pair <= set(reading.object):
            kept = tuple(e for e in reading.object if e not in pair)
            return reading._replace(object=kept, options=options, mode="either")
        if pair <= {v for _, v in reading.values}:  # "at a press conference or in a statement": where it was
            values = tuple(v for v in reading.values if v[1] not in pair)
            return reading._replace(values=values, options=options, mode="either")
        return reading
    if first.kind == "attribute":
        chosen = {(o.target, o.detail) for o in offered}
        attributes = tuple(a for a in reading.attributes if a not in chosen)
        values = tuple(v for v in reading.values if (v[0], str(v[1])) not in chosen)
        return reading._replace(
            attributes=attributes, values=values, options=tuple(o.detail for o in offered), mode="either"
        )
    options = tuple(str(o.target) for o in offered)
    values = tuple(v for v in reading.values if str(v[1]) not in options and parse_value(first) != v[1])
    return reading._replace(values=values, options=options, mode="either")


def _order(q: Question, relation: Relation, placed: list[tuple[Mention, tuple[str, float]]]) -> str | None:
    """'Did X come before or after Y?': for a sequence relation, the first entity named and which way the
    question puts it (earlier, later, or either when it names both)."""
    if not relation.sequence:
        return None
    free = [t for i, t in enumerate(q.tokens) if i not in q.named_positions]  # not "the EARLIER deal", a name
    earlier = any(t in q.grammar.earlier for t in free)
    later = any(t in q.grammar.later for t in free)
    if not (earlier or later):
        return None
    way = EITHER if earlier and later else EARLIER if earlier else LATER
    first = min((e for e, (slot, _) in placed if slot in ("subject", "object")), key=lambda e: e.start)
    return f"{ORDER}{first.target}:{way}"


def _bound(q: Question, reading: Reading) -> str | None:
    """'Was Alibaba founded before 2000?': a year the reading binds, with "before" or "after" in front of it."""
    years = [m for m in q.values if m.kind == "year" and any(str(v) == str(parse_value(m)) for _, v in reading.values)]
    for year in years:
        i = year.start - 1
        while i >= 0 and q.tokens[i] in q.grammar.bound_fillers:  # "prior TO 2000", "earlier THAN the year 2000"
            i -= 1
        if i >= 0 and q.tokens[i] in q.grammar.earlier:
            return EARLIER
        if i >= 0 and q.tokens[i] in q.grammar.later:
            return LATER
    return None


def _bind_values(q: Question, relation: Relation, values: list[tuple[str, Value]]) -> list[Mention]:
    """Numbers, dates, titles and attribute values the relation can carry; return the mentions used."""
    used: list[Mention] = []
    for value in q.values:
        kind = next((k for k in relation.values if q.graph.kinds[k].kind in value_slots(value)), None)
        if kind is not None and not any(k == kind for k, _ in values):
            values.append((kind, parse_value(value)))
            used.append(value)
    if relation.titles:
        used += [t for t in q.titles if t.target == relation.id]
        title = next((t.detail for t in q.titles if t.target == relation.id), None)
        if title is not None:
            values.append(("title", title))
    for attribute in q.attributes:
        if attribute.target in relation.values:
            values.append((attribute.target, attribute.detail))
            used.append(attribute)
    return used


def constrain(q: Question, reading: Reading, relation: Relation, used: list[Mention]) -> tuple[Reading, list[Mention]]:
    """Types, attributes and a role that narrow an asked entity, and the derived operation on a number.

    Only words before the main verb narrow the asked entity ("which Russian partner holds ...", not
    "... sells Chinese goods").
    """
    extra: list[Mention] = []
    in_entities = q.named_positions
    used_spans = {m.span for m in used}
    verbs = [m.start for m in used if m.kind == "relation" and m.detail in ("verb", "passive")]
    limit = min(verbs) if verbs else len(q.tokens)
    appositive = q.appositive  # "the billionaire Usmanov": the noun names the entity after it, it asks for nothing
    extra += [t for t in appositive if t.span not in used_spans]
    asked_at = q.form.focus_span[1] if q.form.focus_span else -1  # "mail.ru owns WHICH social network?"
    if reading.ask in ("subject", "object"):
        types = [
            t
            for t in q.types
            if t.start not in in_entities
            and t.span not in used_spans
            and (t.start < limit or 0 <= t.start - asked_at <= 1)
            and t not in appositive
        ]
        allowed = relation.subject_types if reading.ask == "subject" else relation.object_types
        fitting = [t for t in types if types_overlap(allowed, (t.target,), q.graph)]
        if fitting:
            reading = reading._replace(types=_either_type(q, fitting))
            extra += fitting
        named_spans = {e.span for e in q.entities}
        attributes = [a for a in q.attributes if a not in used and a.start < limit and a.span not in named_spans]
        if attributes:
            reading = reading._replace(attributes=tuple((a.target, a.detail) for a in attributes))
            extra += attributes
        role = q.form.focus_type
        if role and role.startswith("role:"):
            reading = reading._replace(role=role[5:])
        counted = _counted(q)
        if counted is not None:  # "which TWO companies announced it?": the fact that names two
            reading = reading._replace(notes=(*reading.notes, f"{COUNTED}{counted.target}"))
            extra.append(counted)
    describing = relation.id == q.graph.describes and reading.subject
    if not reading.ask and q.form.yesno and describing:  # "is X a Chinese company?"
        predicate_types = [t for t in q.types if t.start not in in_entities and t.span not in used_spans]
        predicate = [a for a in q.attributes if a.start not in in_entities and a not in used]
        if not _claimed_of(q, reading.subject[0], [*predicate_types, *predicate]):
            return reading, extra  # "does Alibaba want IT to be a Chinese business?": said of the venture
        reading = reading._replace(
            types=tuple(dict.fromkeys(t.target for t in predicate_types)),
            attributes=tuple((a.target, a.detail) for a in predicate),
        )
        extra += [*predicate_types, *predicate]
        if _or_between(q, predicate_types):
            reading = reading._replace(notes=(*reading.notes, EITHER_TYPE))
        if len(reading.subject) == 2 and _identified_with(q, reading.subject):
            reading = reading._replace(notes=(*reading.notes, SAME))  # "is MegaFon the largest bank in Russia?"
        for superlative in described_superlatives(q):  # "the most POPULAR social network": claimed, checked
            noun = next(t for t in q.types if 0 <= t.start - superlative.end <= SUPERLATIVE_REACH)
            modifiers = [w for w in q.tokens[superlative.end : noun.start] if w not in q.grammar.determiners]
            ranked = [o for o in q.ordinals if o.end == superlative.start]  # "the SECOND largest network"
            modifiers = [w for o in ranked for w in q.tokens[o.start : o.end]] + modifiers
            extra += ranked
            claim = f"{CLAIM}{MOST}{superlative.target}:{' '.join(modifiers)}"
            reading = reading._replace(notes=(*reading.notes, claim))
            extra.append(superlative)
            said = range(superlative.end, noun.start)
            scope = noun.end + 1 if noun.end < len(q.tokens) and q.tokens[noun.end] in q.grammar.locative else -1
            while scope < len(q.tokens) and q.tokens[scope] in q.grammar.determiners:
                scope += 1  # "the biggest bank in THE country"
            extra += [m for m in q.found.mentions if (m.start in said or m.start == scope) and m not in extra]
    kind_words = [  # "WHAT KIND of venture do they launch?": the one launched, described
        m
        for m in q.relation_words
        if m.target == q.graph.describes and m.detail == "holding" and m.span not in used_spans
        and q.form.focus_span is not None and m.start <= q.form.focus_span[0] < m.end
        and m.end < len(q.tokens) and q.tokens[m.end] in q.grammar.of
    ]  # fmt: skip
    if kind_words and reading.relation != q.graph.describes and reading.ask in ("subject", "object"):
        reading = reading._replace(notes=(*reading.notes, DESCRIBED))
        extra.append(kind_words[0])
    quantity = q.focus is not None and any(
        k in q.graph.kinds and q.graph.kinds[k].kind in NUMERIC for k in q.focus.expects
    )  # "how much ...": a focus a figure answers
    if (
        reading.role is None
        and not reading.subject
        and (not reading.ask or ((quantity or _role_after_what(q)) and reading.ask in relation.values))
    ):
        roles = [  # "does any PARTNER hold a majority?", "how much is each PARTNER investing?": another relation's
            # agent noun names who may hold it, or who gives what is asked
            m
            for m in q.relation_words
            if m.detail == "agent" and m.target != relation.id and m.start < limit and m.span not in used_spans
            and not any(  # "all four PARTNERS": the group's own noun, part of its name
                e.start <= m.start <= e.end and q.graph.entities[e.target].members for e in q.entities
            )
        ]  # fmt: skip
        if roles:
            reading = reading._replace(role=roles[0].target)
            extra.append(roles[0])
    reading, derived = _derive(q, reading, relation)
    return reading, extra + derived


def _role_after_what(q: Question) -> bool:
    """Whether a bare "what" asks for what a role noun's verb takes: "what does each PARTNER pay?", the noun
    right after the auxiliary that opens the question (past "each"), names the payers; the amount is asked."""
    span = q.form.focus_span
    if span is None or q.form.focus_type is not None or span[1] >= len(q.tokens) - 1:
        return False
    if q.tokens[span[1]] not in q.grammar.auxiliary | q.grammar.be:
        return False
    at = span[1] + 1
    while at < len(q.tokens) and q.tokens[at] in q.grammar.distributive:
        at += 1
    return any(m.detail == "agent" and m.start == at for m in q.relation_words)


def _counted(q: Question) -> Mention | None:
    """'Which TWO companies', 'what 3 partners': a number right after a cue that selects, before a noun."""
    span = q.form.focus_span
    if span is None or q.focus is None or not q.focus.needs_type or span[1] >= len(q.tokens) - 1:
        return None
    word = q.tokens[span[1]]
    number = int(word) if word.isdigit() else q.grammar.numbers.get(word)
    if number is None or not MIN_COUNTED <= number <= MAX_COUNTED:
        return None
    return Mention("number", str(number), span[1], span[1] + 1)


def _identified_with(q: Question, subject: tuple[str, ...]) -> bool:
    """'Is MegaFon Russia's largest bank?': a form of "be", then one name right after the other, claims they
    are one and the same (a list would join them: "are MegaFon and Mail.ru Russian?")."""
    first, second = (next((e for e in q.entities if e.target == s), None) for s in subject)
    if first is None or second is None or first.start > second.start:
        return False
    between = q.tokens[first.end : second.start]
    if second.detail == "definite":  # "MegaFon is THE SOVEREIGN WEALTH FUND": its "the" begins the description
        between = (*between, q.tokens[second.start])
    before = word_before(q.tokens, first.start, q.grammar.determiners)  # "is THE RDIF the telecom operator?"
    after_be = before >= 0 and q.tokens[before] in q.grammar.be
    if after_be and all(t in q.grammar.determiners for t in between):
        return True
    return _stated_identity(q, between)


def _one_and_the_same(q: Question, ordered: list[Mention]) -> bool:
    """'Is MegaFon the sovereign wealth fund?', 'MegaFon is the fund, isn't it?': two names claimed to be one (not
    "is Tmall AN Alibaba platform?": a kind of thing of the other)."""
    before = word_before(q.tokens, ordered[0].start, q.grammar.determiners)
    if q.grammar.indefinite.intersection(q.tokens[before + 1 : ordered[-1].start]):
        return False  # "is this A Bloomberg article?": of a kind, too
    return _identified_with(q, tuple(e.target for e in ordered))


def _stated_identity(q: Question, between: tuple[str, ...]) -> bool:
    """'MegaFon IS THE sovereign fund, isn't it?': a form of "be" and "the" between two names claims they are one
    (not "is AN Alibaba platform": a kind of thing)."""
    return len(between) == 2 and between[0] in q.grammar.be and between[1] in q.grammar.definite


def _nothing_named_after_than(q: Question, aggregate: Mention) -> bool:
    """A comparison whose names are all added up before "than", with none after it: nothing to set them against."""
    if not any(a.target == SUM for a in q.aggregates):
        return False
    than = next((i for i in range(aggregate.start, len(q.tokens)) if q.tokens[i] in q.grammar.comparison), None)
    named = [e for e in q.entities if e.target not in q.graph.backdrops]
    return than is not None and len(named) > 1 and not any(e.start > than for e in named)


def _summed_against(q: Question, reading: Reading, aggregate: Mention) -> list[str]:
    """The entities after "than" that a comparison adds up ("more than Mail.ru and the RDIF put together"):
    several, with a word for adding them, and someone left on the other side."""
    if not any(a.target == SUM for a in q.aggregates) or len(reading.subject) < 3:
        return []
    than = next((i for i in range(aggregate.start, len(q.tokens)) if q.tokens[i] in q.grammar.comparison), None)
    if than is None:
        return []
    after = list(dict.fromkeys(e.target for e in q.entities if e.start > than and e.target in reading.subject))
    if 1 < len(after) < len(reading.subject):
        return after
    summing = [a for a in q.aggregates if a.target == SUM]
    before = list(
        dict.fromkeys(
            e.target
            for e in q.entities
            if e.start < than and e.target in reading.subject and e.target not in q.graph.backdrops
        )
    )
    if summing and summing[0].start < than and 1 < len(before) < len(reading.subject):
        return before  # "do Mail.ru and the RDIF TOGETHER own more than MegaFon?": the side before "than"
    return []


def _names_after(q: Question, word: Mention) -> bool:
    """Whether a name follows the word, past determiners ("vs THE RDIF")."""
    i = word.end
    while i < len(q.tokens) and q.tokens[i] in q.grammar.determiners:
        i += 1
    return any(e.start == i for e in q.entities)


def _names_the_value(q: Question, end: int, start: int) -> bool:
    """Whether the relation's noun right after the question word names what is asked: next to it, or past a
    form of "be" and whose it is ("what is MEGAFON'S share?" as "what's MegaFon's share?")."""
    if not end <= start:
        return False
    if start <= end + 1:
        return True
    owner = q.found.text.possessive or tuple(False for _ in q.tokens)
    possessed = {i for e in q.entities if owner[e.end - 1] for i in range(e.start, e.end)}
    between = range(end, start)
    return any(q.tokens[i] in q.grammar.be for i in between) and all(
        q.tokens[i] in q.grammar.be | q.grammar.determiners or i in possessed for i in between
    )


def _asked_of_its_kind(q: Question, ask: str, bound: tuple[str, ...]) -> bool:
    """Whether a question word that asks for a kind of entity ("who": a person or an organisation), when a
    value is asked, asks it of such an entity: "who is Alibaba?", not "who is ... in the story?"."""
    focus = q.focus
    if focus is None or tuple(focus.expects) != ("entity",) or not focus.types or not bound:
        return True
    if ask in ("", "subject", "object"):
        return True
    return any(q.graph.is_a(e, focus.types) for e in bound if e in q.graph.entities)


def _hedged(q: Question, start: int) -> bool:
    """Whether a hedge stands before the figure starting here, past "a" and "to" ("ROUGHLY a quarter",
    "CLOSE to 25 percent")."""
    i = start - 1
    while i >= 0 and q.tokens[i] in q.grammar.indefinite | q.grammar.infinitive:
        i -= 1
    return i >= 0 and q.tokens[i] in q.grammar.approximate


def _claimed_of(q: Question, subject: str, predicate: list[Mention]) -> bool:
    """Whether a description is claimed of the subject: it is not the one set aside ("another"), and no other
    name or pronoun stands nearer before the "be" that opens it ("is X a Chinese company?", "X is Chinese?"; not
    "does X want IT to be a Chinese business?")."""
    if not predicate:
        return True
    if any(e.target == subject for e in q.excluded):
        return False  # "was there some OTHER Russian deal before this one?": said of the other deal, not this one
    start = min(m.start for m in predicate)
    copulas = [i for i in range(start) if q.tokens[i] in q.grammar.be]
    named = [e for e in q.entities if e.target == subject]
    if not copulas or not named or named[0].start > copulas[-1]:
        return True
    others = [*(e for e in q.entities if e.target != subject), *q.found.of("pronoun")]
    return not any(named[0].end <= m.start < copulas[-1] for m in others)


def _or_between(q: Question, nouns: list[Mention]) -> bool:
    """Whether an "or" joins the type nouns ("a bank OR an internet company"): a choice, not both claimed."""
    ordered = sorted(nouns, key=lambda t: t.start)
    kinds = {t.target for t in ordered}
    if any(a in kinds for t in kinds for a in q.graph.ancestors.get(t, ())[1:]):
        return False  # "a far eastern city or a western ONE": the same kind twice, the choice is elsewhere
    return len(ordered) > 1 and all(
        any(left.end <= e.start and e.end <= right.start for e in q.found.of("either"))
        for left, right in itertools.pairwise(ordered)
    )


def _either_type(q: Question, nouns: list[Mention]) -> tuple[str, ...]:
    """The types asked for; nouns joined by "and"/"or" ("companies and funds") ask for either, so their
    nearest common type stands for them."""
    ordered = sorted(nouns, key=lambda t: t.start)
    joined = len(ordered) > 1 and all(
        q.tokens[left.end : right.start] and all(w in q.grammar.coordination for w in q.tokens[left.end : right.start])
        for left, right in itertools.pairwise(ordered)
    )
    if not joined:
        return tuple(dict.fromkeys(t.target for t in nouns))
    chains = [q.graph.ancestors.get(t.target, (t.target,)) for t in ordered]
    common = next((a for a in chains[0] if all(a in chain for chain in chains[1:])), None)
    return (common,) if common else tuple(dict.fromkeys(t.target for t in nouns))


def _claimed_types(q: Question, subject: tuple[str, ...]) -> list[str]:
    """'MegaFon is a BANK that joined the deal?': a type noun right after "<subject> is a" is claimed of it."""
    notes = []
    for noun in q.types:
        i = noun.start - 1
        if i < 2 or q.tokens[i] not in q.grammar.indefinite or q.tokens[i - 1] not in q.grammar.be:
            continue
        if any(e.end == i - 1 and e.target in subject for e in q.entities):
            notes.append(f"{CLAIM}{TYPE}{noun.target}")
    return notes


def _denied_holder(q: Question, reading: Reading) -> list[Mention]:
    """The negation and the holder it denies ("what fraction is NOT ALIBABA'S?"), the holder right after it."""
    for negation in q.found.of("negation"):
        holder = next((e for e in q.entities if e.start == negation.end and e.target in reading.subject), None)
        if holder is not None:
            return [negation, holder]
    return []


def _denied_verb(q: Question, relation: Relation) -> list[Mention]:
    """The negation and the relation verb it denies ("will NOT be OWNED by"), with only auxiliaries between."""
    fillers = q.grammar.auxiliary | q.grammar.be
    for negation in q.found.of("negation"):
        for verb in q.found.of("relation"):
            between = q.tokens[negation.end : verb.start]
            if verb.target == relation.id and verb.start >= negation.end and all(t in fillers for t in between):
                return [negation, verb]
    return []


def _disclosing(q: Question, relation: Relation) -> list[Mention]:
    """Other relations' words that say only whether something was given out ("made PUBLIC", "REVEALED"): in a
    check of a relation with a withheld figure, they are explained by asking whether it was disclosed."""
    return [
        m
        for m in q.relation_words
        if m.target != relation.id and q.grammar.disclosure.intersection(q.tokens[m.start : m.end])
    ]


def _derive(q: Question, reading: Reading, relation: Relation) -> tuple[Reading, list[Mention]]:
    """The derived operation a question asks over the relation's numbers: largest, combined, more than, ..."""
    derives = q.aggregates or q.sides or q.ordinals  # without these, no operation below uses the numbers
    weak_majority = all(a.weak and a.target == MAJORITY for a in q.aggregates)
    if q.aggregates and weak_majority and not any(w.target == relation.id for w in q.relation_words):
        return reading, []  # "did Alibaba and Mail.ru do this ALONE?": a weak word alone claims no majority
    counted = numeric_kinds(q, relation)
    numeric = counted if derives else []
    comparative = next((a.target for a in q.aggregates if a.target in COMPARATIVES), None)
    fraction = multiple(q) if q.form.yesno and len(reading.subject) == 1 and comparative else None
    whole = next((q.graph.kinds[k].high for k in relation.values if q.graph.kinds[k].kind in NUMERIC), None)
    if fraction is not None and whole is not None and fraction[2] < 1:
        # "does MegaFon hold more than a fifth of the venture?": a share of the whole, as a figure
        start, end, share = fraction
        saying = [m for m in (*q.aggregates, *q.ordinals) if start <= m.start < end or m.target == comparative]
        return reading._replace(aggregate=comparative, target=share * whole), saying
    share_claim = multiple(q) if q.form.yesno and len(reading.subject) == 1 and counted and not comparative else None
    if share_claim is not None and whole is not None and share_claim[2] < 1 and not reading.values:
        start, end, share = share_claim
        hedged = _hedged(q, start)
        within = [a for a in q.aggregates if a.start < end and start < a.end]
        if not within or (hedged and all(a.target == MAJORITY for a in within)):  # "half" alone: a majority check
            # "does Mail.ru get a quarter of the venture?", "NEARLY half?": a share of the whole, as a figure
            hedge = (APPROX,) if hedged else ()
            figure = ((counted[0], round(share * whole, 1)),)
            return reading._replace(values=figure, notes=(*reading.notes, *hedge)), within
    if q.excluded and counted and reading.ask == "subject" and not q.aggregates and q.form.focus:
        return reading._replace(aggregate="others"), []  # "besides Alibaba, who owns the venture?": the others
    if q.excluded and counted and not reading.subject and reading.ask == counted[0] and not q.aggregates:
        # "what share goes to the partners other than Alibaba?": the rest of the whole, once Alibaba's is taken
        return reading._replace(subject=tuple(e.target for e in q.excluded), aggregate="complement"), []
    denied = _denied_verb(q, relation) or _denied_holder(q, reading)
    if denied and counted and reading.subject and reading.ask == counted[0] and not q.aggregates:
        # "what percentage will NOT be owned by Alibaba?": everyone else's, the rest of the whole
        return reading._replace(aggregate="complement"), denied
    claimed = multiple(q) if q.form.yesno and len(reading.subject) == 2 else None
    if claimed is not None and any(q.graph.kinds[k].kind in NUMERIC for k in relation.values):
        # "is Alibaba's stake double MegaFon's?", "is the RDIF's a third of MegaFon's?": a ratio claimed
        notes = [f"{CLAIM}{a.target}" for a in q.aggregates if a.target in COMPARATIVES][:1]  # "more than double"
        notes.append(f"{CLAIM}{TIMES}{claimed[2]:g}")
        notes += [APPROX] if _hedged(q, claimed[0]) else []  # "ABOUT a third of MegaFon's": near enough holds
        saying = [
            m for m in (*q.aggregates, *q.ordinals) if claimed[0] <= m.start < claimed[1] or m.target in COMPARATIVES
        ]
        return reading._replace(aggregate="difference", notes=(*reading.notes, *notes)), saying
    picks_entity = bool(numeric and q.aggregates) and q.picks_entity()  # asked only where it matters
    # "WHO holds the majority?" asks who, if anyone, holds one; "who holds 63 percent combined?" adds nothing up
    aggregates = [
        a
        for a in q.aggregates
        if not (((a.target == MAJORITY and not _whole_asked(q, reading)) or a.target in VALUE_RESULTS) and picks_entity)
    ]  # fmt: skip
    sides = q.sides
    weighed = not any(a.target == MAJORITY for a in aggregates)  # "do the Russians or Chinese hold a majority?"
    if numeric and sides and weighed and not reading.subject and reading.ask in (numeric[0], ""):
        # "is it mostly Chinese or mostly Russian owned?", "Chinese side vs Russian side?": each side's total,
        # which says which is bigger (whether either holds a majority is the majority's own question)
        split = reading._replace(aggregate="split", attributes=tuple((a.target, a.detail) for a in sides))
        return split, [*sides, *aggregates]
    if numeric and aggregates:
        longest = max(  # "a BIGGER SHARE than"; "total VS ALIBABA": the comparison with the name, of the total
            aggregates,
            key=lambda a: (a.target in COMPARING and _names_after(q, a), a.end - a.start, a.target in COMPARATIVES),
        )
        # "Alibaba ALONE VERSUS the Russians: which holds more?": a weak majority word beside a comparison asks none
        compared = any(a.target in COMPARING for a in aggregates)
        majority = (a for a in aggregates if a.target == MAJORITY and not (a.weak and compared))
        aggregate = next(majority, longest)
        summed = [a for a in aggregates if a.target == SUM and aggregate.target == MAJORITY]  # a majority adds them up
        # "RANK the owners FROM LARGEST TO SMALLEST": the same operation said twice is one explained, and so are
        # the ends an ordering runs between ("rank them from the BIGGEST to the SMALLEST")
        runs_between = ("max", "min") if aggregate.target == "order" else ()
        repeated = [a for a in aggregates if a.target in (aggregate.target, *runs_between) and a is not aggregate]
        ends = {a.target for a in aggregates} >= {"max", "min"}
        if ends and any(a.target == "difference" for a in aggregates) and not reading.subject:
            # "what's the gap between the largest and the smallest shareholder?": the two ends of the ranking
            return reading._replace(aggregate="difference", notes=(*reading.notes, ENDS)), list(aggregates)
        against_value = any(k == numeric[0] for k, _ in reading.values)
        if aggregate.target in COMPARATIVES and against_value:
            both = {a.target for a in aggregates} >= set(COMPARATIVES)  # "more or less than 15 percent?"
            aggregate = aggregate._replace(target="compare" if both else aggregate.target)
        elif aggregate.target in COMPARATIVES:
            if _nothing_named_after_than(q, aggregate):
                # "do Alibaba and MegaFon TOGETHER hold more than the other two?": one side only, so its total
                return reading._replace(aggregate=SUM, mode="answer"), [aggregate]
            claim = aggregate.target
            if {a.target for a in aggregates} >= set(COMPARATIVES):
                claim = EITHER  # "is that more or less than Mail.ru's?": which of the two
            aggregate = aggregate._replace(target=COMPARATIVES[aggregate.target] if picks_entity else "difference")
            asks_which = q.form.yesno or q.form.either or claim == EITHER
            if asks_which and aggregate.target == "difference":  # "is MegaFon's stake larger than Mail.ru's?"
                reading = reading._replace(notes=(*reading.notes, f"{CLAIM}{claim}"), mode="yesno")
            people = [a for a in q.attributes if a.start not in q.named_positions]
            than = any(t in q.grammar.comparison for t in q.tokens[aggregate.start :])  # "more THAN Alibaba"
            if len(reading.subject) == 1 and people and than and not reading.attributes and not picks_entity:
                # "do the Russians get more than Alibaba?": everyone with the attribute, added up, against it
                named_at = min(e.start for e in q.entities if e.target == reading.subject[0])
                group_notes = (TOGETHER, *((GROUP_FIRST,) if people[0].start < named_at else ()))
                reading = reading._replace(
                    attributes=tuple((a.target, a.detail) for a in people), notes=(*reading.notes, *group_notes)
                )
            against = _summed_against(q, reading, aggregate)
            if against:  # "does MegaFon own more than Mail.ru and the RDIF put together?"
                first = min(e.start for e in q.entities if e.target in against) < aggregate.start
                summed_notes = (f"{AGAINST}{'+'.join(against)}", *((GROUP_FIRST,) if first else ()))
                reading = reading._replace(notes=(*reading.notes, *summed_notes))
        ordinal = int(q.ordinals[0].detail) if q.ordinals else None
        mode = "yesno" if aggregate.target == MAJORITY and not picks_entity else reading.mode
        target = next((float(v) for k, v in reading.values if k == numeric[0] and isinstance(v, float)), None)
        values = (
            tuple((k, v) for k, v in reading.values if k != numeric[0])
            if aggregate.target in AGAINST_A_VALUE
            else reading.values
        )
        reading = reading._replace(aggregate=aggregate.target, ordinal=ordinal, mode=mode, target=target, values=values)
        if aggregate.target == MAJORITY and q.grammar.minority.intersection(q.tokens[aggregate.start : aggregate.end]):
            reading = reading._replace(notes=(*reading.notes, MINORITY))  # "a MINORITY shareholder?": turned round
        narrowing: list[Mention] = []
        collective = (  # "do the Russians have a majority?", "the Russians get how much combined?": as one side
            ((aggregate.target == MAJORITY and not q.form.focus) or aggregate.target == SUM)
            and any(a.start not in q.named_positions for a in q.attributes)
            and not any(t in q.grammar.distributive for t in q.tokens)  # "does ANY Russian partner ...": each one
        )
        if (summed or collective) and not reading.subject:  # "do the Russians (together) control it?": added up
            reading = reading._replace(notes=(*reading.notes, TOGETHER))
        if (reading.subject or summed or collective) and not (reading.types or reading.attributes):  # "Russian ones"
            narrowing = [
                a for a in q.attributes if a.start not in q.named_positions and (a.target, a.detail) not in values
            ]
            reading = reading._replace(attributes=tuple((a.target, a.detail) for a in narrowing))
        bound = {*reading.subject, *reading.object}
        afters = {e: ranked_after(q, e) for e in q.entities if q.ordinals and e.target not in bound}
        counted_from = [  # "the second largest AFTER ALIBABA": the name and its "after", where the count starts
            m
            for e, after in afters.items()
            if after is not None
            for m in (e, *(w for w in q.relation_words if w.end == after + 1))
        ]
        return reading, [aggregate, *repeated, *summed, *q.ordinals[:1], *narrowing, *counted_from]
    if numeric and q.ordinals and reading.ask == "subject":
        return reading._replace(aggregate="max", ordinal=int(q.ordinals[0].detail)), list(q.ordinals[:1])
    counting = q.focus.aggregate if q.focus else None
    if counting and reading.ask in ("subject", "object"):
        return reading._replace(aggregate=counting), []
    return reading, []
