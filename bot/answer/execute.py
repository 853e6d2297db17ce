"""Run one reading against the facts: a plain look-up, a selection, a derived answer, or a yes/no check."""

from __future__ import annotations

from bot.answer.compose import Result, from_facts, linked
from bot.answer.query import (
    asked_entities,
    attribute_fact,
    by_way_of,
    describing_fact,
    matching_facts,
    role_members,
    satisfies,
)
from bot.knowledge.graph import Graph
from bot.knowledge.model import Fact, Language
from bot.understand.model import DESCRIBED, Reading, counted_of
from bot.understand.normalize import simplify

MAX_SELECTED = 3  # a selection naming more entities than this lists the first ones


def execute(reading: Reading, graph: Graph, language: Language) -> Result | None:
    """The answer the facts give to the reading, or None when they give none."""
    if reading.mode == "select":
        return _select(reading, graph)
    # Derived answers and checks import their modules on first use: most questions are plain look-ups.
    if reading.aggregate is not None:
        from bot.answer.derive import derive

        return derive(reading, graph, language)
    if reading.mode == "either":
        from bot.answer.verify import choose

        return choose(reading, graph, language)
    if reading.mode == "yesno":
        from bot.answer.verify import verify

        return verify(reading, graph, language)
    if reading.ask in graph.focus and reading.ask not in graph.kinds:
        return _named_already(reading, graph)
    return look_up(reading, graph) or _object_as_value(reading, graph)


def _object_as_value(reading: Reading, graph: Graph) -> Result | None:
    """'In which city was the press conference of the Alibaba president?': a thing placed as the relation's object
    that no fact has there, but that facts of the relation hold as a value (the event a quote was said at), is
    looked up as that value."""
    if len(reading.object) != 1 or not reading.subject:
        return None
    thing = reading.object[0]
    facts = graph.facts_by_relation.get(reading.relation, ())
    if any(thing in f.objects for f in facts):
        return None
    kinds = [k for f in facts if set(reading.subject) & set(f.subjects) for k, v in f.values if v == thing]
    if not kinds or kinds[0] == reading.ask:
        return None
    return look_up(reading._replace(object=(), values=(*reading.values, (kinds[0], thing))), graph)


def _named_already(reading: Reading, graph: Graph) -> Result | None:
    """'Who is the tech billionaire that founded Alibaba?': the entity asked for is named by description
    (Jack Ma), so the fact tying the named entities together answers it. A generic focus that `ties` ("what")
    counts where no value of the relation could answer it ("what is Russia's most popular network, the one
    Mail.ru owns?"); "how old was Jack Ma when he founded Alibaba?" asks no thing and gets no tie."""
    focus = graph.focus[reading.ask]
    bound = (*reading.subject, *reading.object)
    relation = graph.relations[reading.relation]
    valued = any(graph.fits_focus(kind, focus.id) for kind in relation.values)
    if (
        len(set(bound)) < 2  # the fact ties the one asked for to another named entity
        or (focus.generic and (valued or not focus.ties))
        or "entity" not in focus.expects
        or not any(graph.is_a(e, focus.types or ("entity",)) for e in bound)
    ):
        return None
    facts = matching_facts(reading._replace(ask=""), graph)
    exact = [f for f in facts if set(bound) <= set(f.entities)]
    return from_facts(exact[:1], list(bound), reading.relation) if exact else None


def _open(reading: Reading) -> bool:
    """A reading that binds nothing: no entity, value, aggregate or constraint narrows it."""
    return not (reading.subject or reading.object or reading.values or reading.aggregate or reading.types
                or reading.attributes or reading.role or reading.members_of or reading.options)  # fmt: skip


def look_up(reading: Reading, graph: Graph) -> Result | None:
    """The facts that answer the reading, narrowed by its constraints on what is asked.

    Several entities on one side with no fact naming just them are asked about one by one: "what kinds
    of companies are Sberbank and Yandex?" joins what the article says of each.
    """
    if _open(reading):  # with nothing bound, only a plain relation word about the story itself may answer
        if not reading.strong and not reading.excluded:  # "who joined besides Alibaba?" is about the story too
            return None
        about = {
            f.id: f for b in graph.backdrops for f in graph.facts_by_entity.get(b, ()) if f.relation == reading.relation
        }
        among = sorted(about.values(), key=lambda f: graph.order[f.id])
        facts = _exact_first(matching_facts(reading, graph, among=among), reading)
    else:
        facts = _exact_first(matching_facts(reading, graph), reading)
    for side in ("subject", "object"):
        bound: tuple[str, ...] = getattr(reading, side)
        naming_all = [f for f in facts if set(f.subjects if side == "subject" else f.objects) == set(bound)]
        if len(bound) > 1 and not naming_all:
            singles = [
                reading._replace(subject=(e,)) if side == "subject" else reading._replace(object=(e,)) for e in bound
            ]
            each = [_exact_first(matching_facts(single, graph), single) for single in singles]
            exact = [f[0] for f, e in zip(each, bound, strict=True) if f and e in (f[0].subjects + f[0].objects)]
            if all(each) and (not facts or len(exact) == len(bound)):  # each one's own fact, where each has one
                facts = list(dict.fromkeys(found[0] for found in each))
    if reading.ask in ("subject", "object"):
        facts = [f for f in facts if _asked_ok(f, reading, graph)]
        bound = getattr(reading, reading.ask)
        asked = [e for e in asked_entities(facts, reading.ask) if e not in bound]
        fitting = [e for e in asked if satisfies(e, _as_known_of(e, reading, graph), graph)]
        if asked and not fitting and reading.excluded:
            return None  # "who founded Alibaba besides Jack Ma?": the article names no one else
        if fitting and len(fitting) < len(asked):
            narrow = [f for f in facts if set(asked_entities([f], reading.ask)) <= set(fitting)]
            if not narrow:
                described = _describe(fitting, graph, reading, intent=reading.relation)
                if described is not None:
                    return described
            facts = narrow or facts
        facts = _as_many_as_asked(facts, reading, graph)
        everyone = {e for e in asked_entities(facts, reading.ask) if not graph.entities[e].members}
        complete = [f for f in facts if f.complete and everyone <= set(asked_entities([f], reading.ask))]
        singled = _singled_out(facts, reading, graph)
        if singled:
            return from_facts(singled, [*asked_entities(singled, reading.ask), *reading.subject, *reading.object],
                              reading.relation)  # fmt: skip
        if complete:
            facts = complete[:1]
    if len(facts) > 1 and not reading.subject:  # one fact that lists them all, when there is one
        summary = [f for f in matching_facts(reading._replace(ask=""), graph) if f.complete]
        if summary:
            facts = summary[:1]
    if not facts:
        return (
            _named(reading, graph)
            or _what_it_did(reading, graph)
            or _through_a_link(reading, graph)
            or _placed_within(reading, graph)
        )
    facts = _best_worded(_stating_the_asked(facts, reading, graph), reading, graph)
    asked = asked_entities(facts, reading.ask) if reading.ask in ("subject", "object") else []
    asked = [e for e in asked if e not in getattr(reading, reading.ask, ())] if asked else asked
    if asked and DESCRIBED in reading.notes:
        return _describe(asked, graph, reading._replace(attributes=()), intent=reading.relation)
    return from_facts(facts, [*asked, *reading.subject, *reading.object], reading.relation)


def _as_many_as_asked(facts: list[Fact], reading: Reading, graph: Graph) -> list[Fact]:
    """'Which TWO companies announced the deal?': the facts that name that many, where some do."""
    counted = counted_of(reading.notes)
    if counted is None:
        return facts
    bound = set(getattr(reading, reading.ask))

    def named(fact: Fact) -> int:
        asked = [e for e in asked_entities([fact], reading.ask) if e not in bound]
        return len({m for e in asked for m in (graph.entities[e].members or (e,))})

    return [f for f in facts if named(f) == counted] or facts


def _as_known_of(entity: str, reading: Reading, graph: Graph) -> Reading:
    """The reading without the attributes the article gives the entity no value for: "which Russian companies
    announced the tie-up?" keeps Yandex beside Sberbank, since the article never says Yandex is not Russian."""
    if reading.role:
        return reading  # "which of the partners is owned by the state?": the attribute is what is asked
    known = tuple(a for a in reading.attributes if attribute_fact(entity, a[0], graph) is not None)
    return reading._replace(attributes=known) if known != reading.attributes else reading


def _singled_out(facts: list[Fact], reading: Reading, graph: Graph) -> list[Fact]:
    """'Who said "experience and technology"?': the sayings whose own words hold the question's leftover words,
    when those single out fewer than all; a fact listing every speaker then says too little."""
    relation = graph.relations.get(reading.relation)
    if len(facts) < 2 or not reading.words or relation is None:
        return []
    kinds = [k for k in relation.values if k in graph.kinds and graph.kinds[k].said]
    words = set(reading.words)
    said = {f.id: len(words & set(simplify(" ".join(str(f.value(k) or "") for k in kinds)).split())) for f in facts}
    best = max(said.values())
    singled = [f for f in facts if said[f.id] == best]
    return singled if best and len(singled) < len(facts) else []


def _best_worded(facts: list[Fact], reading: Reading, graph: Graph) -> list[Fact]:
    """'Who said the venture should be a Russian business?': of several facts, those sharing the most of
    the question's leftover words."""
    if len(facts) < 2 or not reading.words:
        return facts
    words = set(reading.words)
    overlap = {f.id: (len(words & graph.fact_words[f.id]), len(words & set(simplify(f.answer).split()))) for f in facts}
    best = max(overlap.values())
    return [f for f in facts if overlap[f.id] == best] if best[0] else facts


def _stating_the_asked(facts: list[Fact], reading: Reading, graph: Graph) -> list[Fact]:
    """'Where did Evans say it?': of facts holding the place asked for, those whose sentence says it; a quote
    said there holds the place too, but its answer gives only the words, so a fact of the same speaker with the
    same place that says it answers instead."""
    kind = graph.kinds.get(reading.ask)
    if not facts or kind is None or kind.kind != "entity":
        return facts

    def states(fact: Fact) -> bool:
        value = fact.value(reading.ask)
        return isinstance(value, str) and value in graph.entities and graph.name(value).lower() in fact.answer.lower()

    stating = [f for f in facts if states(f)]
    if stating:
        return stating
    same = [  # "where did he say that ...?": the quote holds the place; its speaker's fact of saying there says it
        g
        for f in facts
        for g in graph.facts_by_relation.get(f.relation, ())
        if g.subjects == f.subjects and g.value(reading.ask) == f.value(reading.ask) and states(g)
    ]
    return list(dict.fromkeys(same)) or facts


def _what_it_did(reading: Reading, graph: Graph) -> Result | None:
    """'Bloomberg?': an entity the article describes nowhere is shown by the first fact it is the subject of."""
    if reading.relation != graph.describes or len(reading.subject) != 1 or reading.object or reading.words:
        return None
    entity = reading.subject[0]
    fact = next((f for f in graph.facts_by_entity.get(entity, ()) if entity in f.subjects), None)
    return from_facts([fact], [entity], fact.relation) if fact is not None else None


def _placed_within(reading: Reading, graph: Graph) -> Result | None:
    """'In which part of Russia is Vladivostok?': where no fact gives a place inside the one named, the fact
    placing the thing in it says all the article does ("a far eastern city in Russia")."""
    relation = graph.relations.get(reading.relation)
    if relation is None or not relation.locates or not (reading.subject and reading.object):
        return None
    if reading.ask not in relation.values or reading.words:  # "in WESTERN Russia?": a claim, checked elsewhere
        return None
    places = [s for s in reading.subject if graph.is_a(s, relation.object_types)]  # a place inside a place
    if not places or not all(o in graph.within.get(s, ()) for s in places for o in reading.object):
        return None  # "in which part of Russia is the city where Evans spoke?": the city, not the press conference
    facts = matching_facts(reading._replace(ask=""), graph)
    return from_facts(facts[:1], [*reading.subject, *reading.object], reading.relation) if facts else None


def _through_a_link(reading: Reading, graph: Graph) -> Result | None:
    """'What did Mail.ru sell before this?': what the platform it launched sells, told with the launch."""
    hop = by_way_of(reading, graph)
    if hop is None:
        return None
    link, via = hop
    found = look_up(via, graph)
    return None if found is None else linked(link, found, reading.subject)


def _named(reading: Reading, graph: Graph) -> Result | None:
    """'What is the telecom operator called?': where no fact gives a name, the entity's own name does,
    shown by the fact that describes it."""
    relation = graph.relations.get(reading.relation)
    if relation is None or not relation.names or len(reading.subject) != 1 or reading.ask not in relation.values:
        return None
    name = graph.name(reading.subject[0])
    if not any(word[:1].isupper() for word in name.split()) or reading.subject[0] not in graph.named_in_text:
        return None  # "the economic forum" has no proper name to give; "the RDIF" has; the article never names
        # "the Sberbank-Yandex tie-up", that is only what we call it
    return _describe(list(reading.subject), graph, reading._replace(attributes=()), intent=reading.relation)


def _exact_first(facts: list[Fact], reading: Reading) -> list[Fact]:
    """Where some facts name exactly the entities asked about, the others (lists naming more) go."""
    exact = [
        f
        for f in facts
        if (not reading.subject or set(f.subjects) == set(reading.subject))
        and (not reading.object or set(f.objects) == set(reading.object))
    ]
    return exact or facts


def _asked_ok(fact: Fact, reading: Reading, graph: Graph) -> bool:
    bound = set(getattr(reading, reading.ask))
    entities = [e for e in (fact.subjects if reading.ask == "subject" else fact.objects) if e not in bound]
    if bound and not entities:
        return False
    constrained = reading.types or reading.attributes or reading.role or reading.members_of
    return not constrained or any(satisfies(e, reading, graph) for e in entities)


def _select(reading: Reading, graph: Graph) -> Result | None:
    """'Which partner is the sovereign wealth fund?': the entities meeting every constraint, described."""
    if reading.role:
        candidates = role_members(reading.role, reading.object, graph)
    elif reading.members_of:
        candidates = list(reading.members_of)
    else:
        candidates = [e for e in graph.entities if not graph.entities[e].members]
    if reading.options:
        candidates = [c for c in candidates if c in reading.options] if candidates else list(reading.options)
    chosen = [c for c in candidates if satisfies(c, reading._replace(object=()), graph)]
    if not chosen or (
        not reading.options and len(chosen) == len(candidates) and not reading.types and not reading.attributes
    ):
        return None
    return _describe(chosen, graph, reading, intent="select")


def _describe(chosen: list[str], graph: Graph, reading: Reading, intent: str) -> Result | None:
    """The chosen entities, each by its description, or else by the fact that shows it meets the constraints."""
    facts: list[Fact] = []
    for entity in chosen[:MAX_SELECTED]:
        fact = describing_fact(entity, graph)  # what it is says more than the attribute asked about
        for attribute, _ in reading.attributes:
            fact = fact or attribute_fact(entity, attribute, graph)
        fact = fact or next(iter(graph.facts_by_entity.get(entity, ())), None)
        if fact is not None:
            facts.append(fact)
    if not facts:
        return None
    result = from_facts(facts, chosen, intent)
    return result._replace(entities=tuple(dict.fromkeys([*chosen, *result.entities])))
