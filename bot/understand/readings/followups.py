"""Follow-ups: the previous reading carried over ("and Mail.ru?", "when?", "and the smallest?", "together?")."""

from __future__ import annotations

from bot.knowledge.model import Fact, FocusDef, Relation
from bot.understand.grammar import word_before
from bot.understand.model import CLAIM, COMPARING, EITHER, NOW, SUM, TOGETHER, Mention, Reading, Value
from bot.understand.readings.assemble import COMPARATIVES, MAJORITY, VALUE_RESULTS
from bot.understand.readings.question import Question, parse_value, value_slots
from bot.understand.readings.slots import NUMERIC, asks, numeric_kinds
from bot.understand.readings.weights import FOLLOWUP, Draft

SUPERLATIVES = frozenset({"max", "min", "closest"})  # carried over, they would swallow a newly named entity
EARLIER = 0.3  # a reading from one question further back is carried over with this much less


def followups(q: Question) -> list[Draft]:
    """New entities take the place of the previous ones of a fitting type; new values, aggregates, types and
    attributes replace or narrow the previous ones; a new question word asks a new slot.

    "And RDIF's?" after a question on another topic may go back further: the readings before the last are
    carried over too, each a little less likely than the one after it.
    """
    previous = q.context.reading
    if previous is None:
        return []
    drafts = _carried(q, previous)
    fresh = [e for e in q.entities if e not in q.context_entities]
    if fresh and q.form.followup:
        for back, earlier in enumerate(q.context.earlier, start=1):
            drafts += [d._replace(bonus=d.bonus - EARLIER * back) for d in _carried(q, earlier)]
    return drafts


def _carried(q: Question, previous: Reading) -> list[Draft]:
    """The drafts that carry one earlier reading over to this question."""
    if any(not m.weak for m in q.relation_words) and not q.form.followup:
        return []
    if any(not m.weak and m.target != previous.relation for m in q.relation_words if m.kind == "relation"):
        return _of_the_same(q, previous)  # another relation named: not carried over, but "and the FOUNDER?" asks it
    if _complete(q):
        return []
    now = (NOW,) if any(t in q.grammar.present for t in q.tokens) else ()  # "is it STILL running?"
    base = previous._replace(score=0.0, used=frozenset(), notes=("follow-up", *now), missed=(), words=(), excluded=())
    fresh = [e for e in q.entities if e not in q.context_entities]
    among = _among_them(q, base)
    if among:
        return among
    if previous.mode == "select":
        return _narrow_selection(q, base, previous, fresh) or _elsewhere(q, previous, found=True)
    relation = q.graph.relations.get(previous.relation)
    if relation is None:
        return []
    used: list[Mention] = []
    reading = base
    slot: str | None = None
    if fresh:
        targets = tuple(e.target for e in fresh)
        ranked = previous.aggregate in SUPERLATIVES and previous.ask in ("subject", "object")
        # "who owns 48 percent?" then "and Mail.ru?": Mail.ru in the place of the one found, asked its own figure
        other = previous.object if previous.ask == "subject" else previous.subject
        ranked = ranked or (
            previous.ask in ("subject", "object")
            and previous.mode == "answer"
            and not getattr(previous, previous.ask)
            and set(other) <= set(q.graph.backdrops)
            and not any(q.graph.is_a(t, q.grammar.context_types) for t in targets)
            and (
                any(k in relation.functional for k, _ in previous.values)
                or (q.focus is not None and any(q.graph.fits_focus(k, q.focus.id) for k in numeric_kinds(q, relation)))
            )  # "who owns the venture?" then "and Mail.ru, HOW MUCH?": its own figure, not who owns Mail.ru
        )
        slot = previous.ask if ranked else _slot_for(q, relation, previous, targets)  # "who holds most?" "and X?"
        placed = _placed_value(q, relation, fresh)
        if placed is not None:  # "what did he say?" then "was that AT the press conference?": where it was said
            slot = placed
            kept = tuple(v for v in reading.values if v[0] != slot)
            reading = reading._replace(values=(*kept, (slot, targets[0])))
        elif slot is None:
            return []
        elif slot == "subject":
            reading = reading._replace(subject=targets)
        else:
            reading = reading._replace(object=targets)
        if slot == "subject" and not _together(q, relation.id, reading):
            reading = reading._replace(object=())  # the new one's own other side
        elif slot == "object" and not _together(q, relation.id, reading):
            reading = reading._replace(subject=())  # "and the Sberbank-Yandex one?": announced by its own makers
        if slot == "subject" and targets != previous.subject:  # "Alibaba 48?" then "and the RDIF?": its own stake
            reading = reading._replace(values=tuple(v for v in reading.values if v[0] not in relation.functional))
        if ranked:
            numeric = numeric_kinds(q, relation)
            kept = tuple(v for v in reading.values if v[0] not in relation.functional)
            reading = reading._replace(ask=numeric[0] if numeric else "", aggregate=None, ordinal=None, values=kept)
        used += fresh
    reading = reading._replace(values=_values(q, relation, reading, used))
    if q.aggregates:
        aggregate = q.aggregates[0].target
        claims: tuple[str, ...] = ()
        if aggregate in COMPARATIVES and not q.values:
            both = {a.target for a in q.aggregates} >= set(COMPARATIVES)  # "is that more or less than X?"
            claims = (f"{CLAIM}{EITHER if both else aggregate}",) if q.form.yesno or q.form.either or both else ()
            aggregate = "difference"  # "is that more than the RDIF's?": the two set side by side
        ordinal = int(q.ordinals[0].detail) if q.ordinals else None
        reading = reading._replace(
            aggregate=aggregate,
            ordinal=ordinal,
            mode="yesno" if aggregate == MAJORITY or claims else "answer",
            notes=(*reading.notes, *claims),
        )
        if not fresh and q.attributes and aggregate in (SUM, MAJORITY):
            # "so the Russians altogether?": everyone with the attribute, not just the holders talked about
            attributes = tuple((a.target, a.detail) for a in q.attributes)
            reading = reading._replace(subject=(), attributes=attributes, notes=(*reading.notes, TOGETHER))
            used += list(q.attributes)
        if len(fresh) == 1 and aggregate in COMPARING and slot == "subject":  # "is that more than the RDIF?"
            reading = reading._replace(subject=tuple(dict.fromkeys((*previous.subject, *reading.subject))))
        if not fresh and aggregate not in VALUE_RESULTS and aggregate != MAJORITY:
            # "and who is second biggest?": a new rank, whatever stake was named before
            kept = tuple(v for v in reading.values if v[0] not in relation.functional)
            reading = reading._replace(subject=(), ask="subject", values=kept)
        elif not fresh and len(reading.subject) < 2 and TOGETHER not in reading.notes:  # "and together?"
            holders = _holders(q, relation)
            if len(holders) > 1:
                reading = reading._replace(subject=holders)
        used += [*q.aggregates[:1], *q.ordinals[:1]]
    elif (
        not fresh
        and q.attributes
        and previous.subject
        and numeric_kinds(q, relation)
        and not any(_carries(q, s, a.target, a.detail) for s in previous.subject for a in q.attributes)
    ):
        # "so Alibaba gets 48" then "and the Russians?": everyone with the attribute, added up, in its place
        figure = numeric_kinds(q, relation)[0]
        reading = reading._replace(
            subject=(),
            attributes=tuple((a.target, a.detail) for a in q.attributes),
            aggregate=SUM,
            ask=figure,
            mode="answer",
            values=tuple(v for v in reading.values if v[0] != figure),
            notes=(*reading.notes, TOGETHER),
        )
        return [Draft(reading, (*used, *q.attributes), FOLLOWUP)]
    elif fresh and reading.aggregate in SUPERLATIVES:
        reading = reading._replace(aggregate=None)
    asked = [reading]
    if fresh and reading.ask in q.graph.focus_ancestors:  # "when ...?" then "what about the tie-up?": its month
        broader = q.graph.focus_ancestors[reading.ask][1:]
        asked += [
            reading._replace(ask=k)
            for k in relation.values
            if k != reading.ask and any(q.graph.fits_focus(k, f) for f in broader)
        ]
    if q.form.focus and not fresh:
        slots = asks(q, relation, reading.subject, reading.object, values=reading.values, words=())
        if not slots:  # "which tie-up is described?" then "when?": the month of the tie-up found
            return _elsewhere(q, previous, found=previous.ask in ("subject", "object"))
        found_a_thing = (  # "which deal came before?" then "when?"; not "who founded Mail.ru?", which found nobody
            previous.ask in ("subject", "object") and _together(q, relation.id, previous)
        ) or (
            previous.mode == "yesno" and not (previous.subject and previous.object)  # "was there an earlier deal?"
        )
        carried = not found_a_thing or _carries_a_slot(q, relation, reading, slots)
        elsewhere = [] if carried else _elsewhere(q, previous, found=True)
        if elsewhere:  # "the deal came after the Sberbank tie-up" then "which month?": the tie-up's month
            return elsewhere
        if slots[0] != previous.ask:  # "when?": each slot it may mean (day, month, year), the facts decide
            rank = reading.aggregate if q.aggregates else None  # "and who is second biggest?" keeps its rank
            asked = [reading._replace(ask=slot, aggregate=rank, mode="answer") for slot in slots]
        counting = q.focus.aggregate if q.focus else None
        if counting and not q.aggregates:  # "does Alibaba have platforms there?" then "how many?": the ones found
            asked = [r._replace(aggregate=counting) if r.ask in ("subject", "object") else r for r in asked]
    naming = [t for t in q.types if any(e.start <= t.start and t.end <= e.end and not e.detail for e in fresh)]
    naming += [  # "and the telecom company?": the kind a definite phrase names its one thing by, not a kind asked
        t for t in q.types if any(e.start <= t.start and t.end <= e.end and e.detail == "definite" for e in fresh)
    ]
    kinds = [t for t in q.types if t not in naming]  # "the PRESS CONFERENCE" names the entity, not a kind asked
    if kinds and not q.form.yesno and all(r.ask not in ("subject", "object") for r in asked):
        kinds = []  # "and what did the Alibaba GUY say?": a kind of thing, where no thing is asked, narrows nothing
    if kinds or q.attributes:
        types, attributes = tuple(t.target for t in kinds), tuple((a.target, a.detail) for a in q.attributes)
        asked = [r._replace(types=types, attributes=attributes) for r in asked]
        used += [*kinds, *q.attributes]
    used += naming
    checked = not q.form.followup or bool(q.found.of("yesno", "yesclose"))  # "and the fund GUY?": no claim made
    if q.form.yesno and checked:
        asked = [asked[0]._replace(mode="yesno", ask="")]
    used += [  # "and was that SAID there?": the same verb; a title or noun may ask another thing ("and the CEO?")
        m for m in q.relation_words if m.target == relation.id and m.kind == "relation" and m.detail == "verb"
    ]
    return [Draft(r, tuple(used), FOLLOWUP) for r in asked]


def _together(q: Question, relation: str, reading: Reading) -> bool:
    """Whether some fact of the relation has the reading's subject and object together."""
    return any(
        set(reading.subject) <= set(f.subjects) and set(reading.object) <= set(f.objects)
        for f in q.graph.facts_by_relation.get(relation, ())
    )


def _elsewhere(q: Question, previous: Reading, *, found: bool = False) -> list[Draft]:
    """'Sberbank is Russia's largest bank.' 'When?': where the last relation cannot say, the first fact about
    the entities last talked about that carries what the new question word asks: a value of a kind that
    answers it (the tie-up's month), or for "which city?" an object of the type asked for."""
    focus = q.focus
    if focus is None or focus.generic or q.relation_words or q.values:
        return []
    if "entity" in focus.expects and q.found.of("pronoun"):
        return []  # a question for a thing ("who is he?") points at one through its pronoun, not here
    graph = q.graph
    wanted = (q.form.focus_type,) if q.form.focus_type else focus.types
    talked = [*previous.subject, *previous.object, *previous.options]
    if found:  # what the last answer found, before what the story is about ("... after X" then "when?": X's)
        talked = [*talked, *q.context.answered, *q.context.entities]
        talked = [e for e in talked if e not in graph.backdrops] + [e for e in talked if e in graph.backdrops]
    naming = graph.relations.get(previous.relation)
    if naming is not None and naming.names:  # "what's it called?" then "why?": what the name comes from, if declared
        for entity in dict.fromkeys(talked):
            for fact in graph.facts_by_entity.get(entity, ()):
                slots = [s for question, s in graph.relations[fact.relation].focus if question == focus.id]
                if slots and entity in fact.subjects:
                    reading = Reading(fact.relation, subject=fact.subjects, ask=slots[0], notes=("follow-up",))
                    return [Draft(reading, (), FOLLOWUP)]
    described = previous.relation == graph.describes  # "tell me about the Sberbank thing" then "when?": anything of it
    for entity in dict.fromkeys(talked):
        for fact in graph.facts_by_entity.get(entity, ()):
            side = "subject" if entity in fact.subjects else "object" if entity in fact.objects else ""
            shared = bool(side) and not set(getattr(fact, f"{side}s")) <= set(talked)
            if shared and not described and "entity" not in focus.expects:
                continue  # "did Mail.ru do X?" then "when?": not the time of what Mail.ru did together with Alibaba
            kind = _answering_kind(q, fact, focus, wanted)
            if kind is None and side == "subject" and wanted and any(graph.is_a(o, wanted) for o in fact.objects):
                kind = "object"  # "which city?": the place the forum is in
            if kind is None or not side:
                continue
            if side == "subject":
                reading = Reading(fact.relation, subject=fact.subjects, ask=kind, notes=("follow-up",))
            else:
                reading = Reading(fact.relation, object=fact.objects, ask=kind, notes=("follow-up",))
            return [Draft(reading, (), FOLLOWUP)]
    return []


def _carries_a_slot(q: Question, relation: Relation, reading: Reading, slots: list[str]) -> bool:
    """Whether some fact of the relation about the entities talked about holds a value for a slot asked
    (or the slot is an entity side, which the facts always fill)."""
    kinds = [s for s in slots if s in q.graph.kinds]
    if len(kinds) < len(slots):
        return True
    about = set(reading.subject) | set(reading.object)
    return any(
        fact.value(kind) is not None
        for fact in q.graph.facts_by_relation.get(relation.id, ())
        if not about or about & set(fact.entities)
        for kind in kinds
    )


def _answering_kind(q: Question, fact: Fact, focus: FocusDef, wanted: tuple[str, ...]) -> str | None:
    """The fact's first value that answers the focus: for a question for a thing, an entity ("a place, not
    'Russian'"), and of the type asked for when "which <type>" names one."""
    graph = q.graph
    for kind, value in fact.values:
        if not graph.fits_focus(kind, focus.id):
            continue
        if "entity" in focus.expects and graph.kinds[kind].kind != "entity":
            continue
        typed = isinstance(value, str) and value in graph.entities and graph.is_a(value, wanted)
        if not q.form.focus_type or typed:
            return kind
    return None


def _complete(q: Question) -> bool:
    """'And what's MegaFon exactly?': a question word, a form of "be" and a name make a question of its own."""
    span = q.form.focus_span
    if span is None or span[1] >= len(q.tokens):
        return False
    possessive = q.found.text.possessive
    contracted = bool(possessive) and possessive[span[1] - 1]  # "and WHO'S Yandex?": the "is" written into it
    if q.tokens[span[1]] not in q.grammar.be and not contracted:
        return False
    return bool(q.found.of("entity"))


def _holders(q: Question, relation: Relation) -> tuple[str, ...]:
    """The entities talked about that hold a number in this relation, most recent first."""
    numeric = {k for k in relation.values if q.graph.kinds[k].kind in NUMERIC}
    holders = [
        e
        for e in q.context.entities
        if any(
            e in f.subjects and any(k in numeric for k, _ in f.values)
            for f in q.graph.facts_by_relation.get(relation.id, ())
        )
    ]
    return tuple(dict.fromkeys(holders))


def _among_them(q: Question, base: Reading) -> list[Draft]:
    """'Which of them is the bank?': a plural pronoun for the entities the last answer gave, narrowed by a
    type or attribute."""
    plural = [p for p in q.found.of("pronoun", "demonstrative") if q.tokens[p.start] in q.grammar.plural]
    choosing = q.focus is not None and q.focus.needs_type and not q.found.of("entity")  # "which one is the bank?"
    if not (plural or choosing) or len(q.context.answered) < 2 or not (q.types or q.attributes):
        return []
    reading = Reading(
        q.graph.describes,
        ask="subject",
        types=tuple(t.target for t in q.types),
        attributes=tuple((a.target, a.detail) for a in q.attributes),
        members_of=q.context.answered,
        mode="select",
        notes=("select", "follow-up"),
    )
    focus = [m for m in q.found.of("focus") if not plural or m.start < plural[0].start]
    return [Draft(reading, (*q.types, *q.attributes, *plural, *focus), FOLLOWUP)]


def _narrow_selection(q: Question, base: Reading, previous: Reading, fresh: list[Mention]) -> list[Draft]:
    """'And the telecoms company among them?': a new constraint on the entities last selected."""
    if not (q.types or q.attributes):
        return []  # "who is Dmitriyev?" then "and Evans?": the same question of him, nothing to narrow by
    reading = base._replace(
        types=tuple(t.target for t in q.types),
        attributes=tuple((a.target, a.detail) for a in q.attributes),
        members_of=previous.options or previous.members_of,
        options=tuple(e.target for e in fresh),
    )
    return [Draft(reading, (*q.types, *q.attributes, *fresh), FOLLOWUP)]


def _values(q: Question, relation: Relation, reading: Reading, used: list[Mention]) -> tuple[tuple[str, Value], ...]:
    """The previous values, replaced by any new one of the same kind ("and in 2017?")."""
    kinds = {k: q.graph.kinds[k].kind for k in relation.values}
    values = dict(reading.values)
    for value in q.values:
        kind = next((k for k, v in kinds.items() if v in value_slots(value)), None)
        if kind is not None:
            values[kind] = parse_value(value)
            used.append(value)
    return tuple(values.items())


def _of_the_same(q: Question, previous: Reading) -> list[Draft]:
    """'Who is Alibaba's president?' then 'and the FOUNDER?': a role noun of another relation, with nothing named,
    asks that role of the thing the last question was about (the side it did not ask for); so does a word of the
    relation ending the question after "the" ("what does the photo show?" then "and the CREDIT?")."""
    if not q.form.followup or q.entities or q.values:
        return []
    agents = [m for m in q.relation_words if m.kind == "relation" and _names_a_role(q, m) and not m.weak]
    if len(agents) != 1:
        return []
    relation = q.graph.relations.get(agents[0].target)
    if relation is None or not relation.object_types:
        return []
    bound = previous.object if previous.ask == "subject" else previous.subject
    talked = (*bound, *previous.subject, *previous.object, *q.context.entities)  # newest first after the reading's
    about = [e for e in talked if e not in q.graph.backdrops and q.graph.is_a(e, relation.object_types)]
    if not about:
        return []
    reading = Reading(relation.id, object=(about[0],), ask="subject", notes=("follow-up",))
    return [Draft(reading, (agents[0],), FOLLOWUP)]


def _names_a_role(q: Question, word: Mention) -> bool:
    """A noun for a relation's subject ("the FOUNDER"), or any of its words used as a noun after "the" ("and the
    CREDIT?": who is credited)."""
    if word.detail == "agent":
        return True
    return word.start > 0 and q.tokens[word.start - 1] in q.grammar.determiners and word.end == len(q.tokens)


def _placed_value(q: Question, relation: Relation, fresh: list[Mention]) -> str | None:
    """The relation's value slot for one new entity after a preposition of place ("at the press conference"),
    when that slot takes things of its type (the event a quote was said at); None otherwise."""
    if len(fresh) != 1:
        return None
    entity = fresh[0]
    before = word_before(q.tokens, entity.start, q.grammar.determiners)
    if before < 0 or q.tokens[before] not in q.grammar.locative:
        return None
    kinds = (q.graph.kinds[k] for k in relation.values)
    return next(
        (k.id for k in kinds if k.kind == "entity" and q.graph.is_a(entity.target, k.types or ("entity",))), None
    )


def _slot_for(q: Question, relation: Relation, previous: Reading, targets: tuple[str, ...]) -> str | None:
    """Where new entities go in a carried-over reading: the bound side they fit, else any side they fit."""
    sides = [("subject", relation.subject_types), ("object", relation.object_types)]
    fits = [s for s, types in sides if types and all(q.graph.is_a(t, types) for t in targets)]
    bound = [s for s in fits if (previous.subject if s == "subject" else previous.object)]
    open_sides = [s for s in fits if s != previous.ask]
    chosen = bound or open_sides
    return chosen[0] if chosen else None


def _carries(q: Question, entity: str, attribute: str, value: str) -> bool:
    """Whether the facts give the entity this attribute value (Alibaba: Chinese)."""
    return any(
        f.relation == attribute and entity in f.subjects and str(f.value(attribute)).lower() == value
        for f in q.graph.facts_by_entity.get(entity, ())
    )
