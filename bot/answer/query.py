"""Run a reading against the fact graph: which facts match it, and which entities meet its constraints."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.knowledge.graph import Graph
from bot.knowledge.model import Fact
from bot.understand.model import APPROX, Reading, Value
from bot.understand.normalize import simplify


def holds(entity: str, listed: Sequence[str], graph: Graph) -> bool:
    """Whether a fact listing `listed` speaks about the entity: named there, or a group all of whose members are."""
    if entity in listed:
        return True
    members = graph.entities[entity].members
    return bool(members) and all(m in listed for m in members)


QUANTITIES = ("number", "count")  # kinds of value that measure how much, so a hedged claim of them may be near
APPROX_TOLERANCE = 0.1  # a hedged figure ("roughly a quarter") holds within a tenth of the one claimed


def same_value(left: Value | None, right: Value, *, tolerance: float = 0.0) -> bool:
    """Values compared the way people mean them: numbers exactly (or within a share of the claimed one),
    words without case or punctuation."""
    if left is None:
        return False
    if isinstance(left, float) or isinstance(right, float):
        try:
            return abs(float(left) - float(right)) <= max(1e-9, tolerance * abs(float(right)))
        except ValueError:
            return False
    return simplify(str(left)) == simplify(str(right))


def _holds_value(fact: Fact, kind: str, value: Value, graph: Graph, tolerance: float = 0.0) -> bool:
    """Whether the fact has the value, or a place inside it ("in Russia" holds a fact set in Vladivostok). A
    hedge loosens only a quantity: "in like 2004" is no year near enough to 1999."""
    found = fact.value(kind)
    if kind in graph.kinds and graph.kinds[kind].kind not in QUANTITIES:
        tolerance = 0.0
    if same_value(found, value, tolerance=tolerance):
        return True
    return isinstance(found, str) and isinstance(value, str) and value in graph.within.get(found, ())


def _candidates(reading: Reading, graph: Graph) -> Sequence[Fact]:
    """The relation's facts that can involve the first bound entity (or its group's members), in knowledge
    order: a look-up stays small however many facts the relation has."""
    facts = graph.facts_by_relation.get(reading.relation, ())
    bound = (*reading.subject, *reading.object)
    if not bound or bound[0] not in graph.entities:
        return facts
    members = graph.entities[bound[0]].members
    if not members:  # one entity's facts are already in knowledge order, each once
        near = [f for f in graph.facts_by_entity.get(bound[0], ()) if f.relation == reading.relation]
        return near if len(near) < len(facts) else facts
    keys = (bound[0], members[0])
    found = {f.id: f for key in keys for f in graph.facts_by_entity.get(key, ()) if f.relation == reading.relation}
    return sorted(found.values(), key=lambda f: graph.order[f.id]) if len(found) < len(facts) else facts


def matching_facts(
    reading: Reading, graph: Graph, *, check_values: bool = True, among: Sequence[Fact] | None = None
) -> list[Fact]:
    """The facts of the reading's relation about its bound entities, with its values and asked slot.

    Ranked: facts naming exactly what was asked about first, then facts about the backdrop (the venture)
    when a side is open, then knowledge order.
    """
    found: list[tuple[tuple[int, int, int, int], Fact]] = []
    tolerance = APPROX_TOLERANCE if APPROX in reading.notes else 0.0
    relation = graph.relations.get(reading.relation)
    topical = relation.topical if relation is not None else ()
    anything = [b for b in graph.backdrops if topical and graph.is_a(b, topical)]  # "what did he say about the deal?"
    for fact in _candidates(reading, graph) if among is None else among:
        if not all(holds(s, fact.subjects, graph) for s in reading.subject):
            continue
        if not all(
            holds(o, fact.objects, graph) or o in anything or (topical and o in fact.mentions) for o in reading.object
        ):
            continue  # what was said about Russia: a quote that names Russia is about it too
        if check_values and not all(_holds_value(fact, k, v, graph, tolerance) for k, v in reading.values):
            continue
        if reading.ask and reading.ask not in ("subject", "object") and fact.value(reading.ask) is None:
            continue
        if reading.ask == "object" and not fact.objects:
            continue
        exact = int(set(reading.subject) != set(fact.subjects)) + int(
            bool(reading.object) and set(reading.object) != set(fact.objects)
        )
        backdrop = (
            int(not any(b in fact.entities for b in graph.backdrops)) if not (reading.subject and reading.object) else 0
        )
        overlap = sum(1 for word in set(reading.words) if word in graph.fact_words[fact.id])
        found.append(((-overlap, exact, backdrop, graph.order[fact.id]), fact))
    return [fact for _, fact in sorted(found, key=lambda item: item[0])]


def satisfies(entity: str, reading: Reading, graph: Graph) -> bool:
    """Whether an entity meets the reading's constraints on what is asked: types, attributes, role, members."""
    if reading.types and not all(graph.is_a(entity, [t]) for t in reading.types):
        return False
    if reading.members_of and entity not in reading.members_of:
        return False
    if entity in reading.excluded:
        return False
    for attribute, value in reading.attributes:
        if not has_attribute(entity, attribute, value, graph):
            return False
    return not reading.role or plays(entity, reading.role, reading.object, graph)


def has_attribute(entity: str, attribute: str, value: str, graph: Graph) -> bool:
    """Whether the knowledge gives the entity (or every member of a group) this attribute value; "!russian"
    asks for an entity the knowledge gives another value."""
    if value.startswith("!"):
        return attribute_fact(entity, attribute, graph) is not None and not has_attribute(
            entity, attribute, value[1:], graph
        )
    members = graph.entities[entity].members
    if members:
        return all(has_attribute(m, attribute, value, graph) for m in members)
    return any(
        fact.relation == attribute and same_value(fact.value(attribute), value) and entity in fact.subjects
        for fact in graph.facts_by_entity.get(entity, ())
    )


def attribute_fact(entity: str, attribute: str, graph: Graph) -> Fact | None:
    """The fact giving an entity's attribute, if any."""
    return next(
        (f for f in graph.facts_by_entity.get(entity, ()) if f.relation == attribute and entity in f.subjects), None
    )


def plays(entity: str, role: str, objects: Sequence[str], graph: Graph) -> bool:
    """Whether the entity is a subject of the role relation (a partner) of the object, or of the backdrop when
    the role is never of the object ("which of the partners owns VK?": partners of the venture, not of VK)."""
    facts = graph.facts_by_relation.get(role, ())
    wholes = [o for o in objects if any(o in fact.objects for fact in facts)] or graph.backdrops
    return any(entity in fact.subjects and (not fact.objects or set(fact.objects) & set(wholes)) for fact in facts)


def role_members(role: str, objects: Sequence[str], graph: Graph) -> list[str]:
    """Every entity playing the role (the partners of the venture), in knowledge order."""
    wholes = objects or graph.backdrops
    found: list[str] = []
    for fact in graph.facts_by_relation.get(role, ()):
        if not fact.objects or set(fact.objects) & set(wholes):
            found += [s for s in fact.subjects if s not in found and not graph.entities[s].members]
    return found


def describing_fact(entity: str, graph: Graph) -> Fact | None:
    """The fact that best says what an entity is: its first description."""
    facts = graph.facts_by_entity.get(entity, ())
    return next((f for f in facts if f.relation == graph.describes and f.subjects == (entity,)), None)


def asked_entities(facts: Iterable[Fact], slot: str) -> list[str]:
    """The entities the facts give for the asked side."""
    found: list[str] = []
    for fact in facts:
        for entity in fact.subjects if slot == "subject" else fact.objects:
            if entity not in found:
                found.append(entity)
    return found


def by_way_of(reading: Reading, graph: Graph) -> tuple[Fact, Reading] | None:
    """'Did Mail.ru sell Chinese goods before?': where the subject has no fact of a relation declared `through`
    another, the thing it is linked to by that other relation (the platform it launched) and the reading of it."""
    relation = graph.relations.get(reading.relation)
    if relation is None or not relation.through or len(reading.subject) != 1 or reading.object:
        return None
    if matching_facts(reading, graph):
        return None
    holder = reading.subject[0]
    for link in relation.through:
        for fact in graph.facts_by_relation.get(link, ()):
            if holder not in fact.subjects:
                continue
            for thing in fact.objects:
                via = reading._replace(subject=(thing,))
                if matching_facts(via, graph):
                    return fact, via
    return None
