"""Candidate readings of a question: small query graphs built from its mentions.

Each reading links the question's entities through one relation (two, when an entity is named through
another relation: "the company Jack Ma founded"), says which slot the question asks for, and carries the
constraints the other words add. Its score says how much of the question it explains and how well the
grammar fits; whether the facts can answer it is decided later, so reading and fact are chosen together.

    question.py    the question made ready: its entities, references and the words to explain
    candidates.py  which relations to try
    slots.py       where entities go, and which slot is asked
    assemble.py    readings of one relation, with their constraints and derived operations
    selection.py   "which partner is the sovereign wealth fund?"
    followups.py   "and Mail.ru?", "when?"
    scoring.py     what a reading explains and what it leaves out
    weights.py     the numbers behind the scores
"""

from __future__ import annotations

from bot.knowledge.graph import Graph
from bot.understand.grammar import Grammar
from bot.understand.model import Form, Found, Mention, Reading
from bot.understand.readings.assemble import assign
from bot.understand.readings.candidates import candidate_relations
from bot.understand.readings.followups import followups
from bot.understand.readings.question import Context, Question, prepare
from bot.understand.readings.scoring import score
from bot.understand.readings.selection import select
from bot.understand.readings.weights import Draft, miss_weight, use_weight

__all__ = ["Context", "build_readings", "miss_weight", "use_weight"]


def build_readings(found: Found, form: Form, context: Context, graph: Graph, grammar: Grammar) -> list[Reading]:
    """Every candidate reading of the question, scored, best first; ties keep the order they were built in."""
    q = prepare(found, form, context, graph, grammar)
    readings = [score(q, draft) for draft in _drafts(q)]
    best: dict[str, float] = {}
    for reading in readings:
        best[reading.relation] = max(best.get(reading.relation, reading.score), reading.score)
    for reading in (score(q, draft) for draft in _alternatives(q)):
        if reading.score > best.get(reading.relation, float("-inf")):
            readings.append(reading)  # an earlier entity for a pronoun, only where it reads better
    unique: dict[tuple[str, str], Reading] = {}
    for reading in sorted(readings, key=lambda r: -r.score):
        unique.setdefault((reading.describe(), reading.mode), reading)
    return list(unique.values())


def _drafts(q: Question) -> list[Draft]:
    """Drafts for the question's entities as named, with each pronoun's other candidates, and with each
    reference through a relation in place of the words it spans."""
    variants: list[tuple[list[Mention], tuple[Mention, ...], Mention | None]] = [(q.entities, (), None)]
    for named, _positions in q.references:
        kept = [e for e in q.entities if not (named.start <= e.start and e.end <= named.end)]
        consumed = tuple(
            m for m in q.found.mentions if named.start <= m.start and m.end <= named.end and m.kind != "entity"
        )
        variants.append((sorted([*kept, named], key=lambda m: m.start), consumed, named))
    drafts: list[Draft] = []
    carried_over: list[Draft] = []  # first, so an equal fresh reading of the reference's own words loses to it
    for entities, consumed, reference in variants:
        made: list[Draft] = []
        for pair in candidate_relations(q, entities, consumed):
            made += assign(q, pair, entities, consumed)
        made += select(q, entities, consumed)
        if reference is not None and _stands_for_one(q, reference, consumed):
            words = [m for m in q.relation_words if m not in consumed]
            carried = followups(q._replace(entities=entities, relation_words=words))
            placed = [d for d in carried if _takes_part(q, reference.target, d.reading)]
            carried_over += [d._replace(used=(*d.used, *consumed)) for d in placed if reference in d.used]
        drafts += [d for d in made if reference is None or reference in d.used]  # its words go with the reference
    return carried_over + drafts + followups(q)


def _stands_for_one(q: Question, reference: Mention, consumed: tuple[Mention, ...]) -> bool:
    """Whether a follow-up names one thing through a relation and asks nothing else: "what did Dmitriyev say?"
    then "and the Alibaba president?" asks what the president said, "how much does MegaFon own?" then "what about
    the company Usmanov owns?" its stake. Where the last question asked for a side of the reference's relation
    ("and the fund's head?" after "who is Alibaba's president?"), the usual follow-up already asks it."""
    previous = q.context.reading
    if previous is None or not q.form.followup:
        return False
    if reference.detail == f"ref:{previous.relation}" and previous.ask in ("subject", "object"):
        return False  # "and the fund's head?" after "who is Alibaba's president?" asks it again of the fund
    if q.form.focus_span and not q.asks_in_its_opener():
        return False  # "and WHICH ONE is it named after?" asks a question of its own
    return all(m.weak for m in q.relation_words if m not in consumed)


def _takes_part(q: Question, entity: str, reading: Reading) -> bool:
    """Whether the entity stands in the reading where some fact of its relation has it: a thing named only
    through a relation is carried over where it can answer, not where it would turn a plain question into a
    decline ("how much does Alibaba own?" then "and the RDIF's boss is?" asks who the boss is)."""
    facts = q.graph.facts_by_relation.get(reading.relation, ())
    return (entity in reading.subject and any(entity in f.subjects for f in facts)) or (
        entity in reading.object and any(entity in f.objects for f in facts)
    )


def _alternatives(q: Question) -> list[Draft]:
    """Readings with an earlier entity in a pronoun's place: "who wrote it up?" after a question about the
    article's agencies means the article, which the grammar fits better than the agencies."""
    extra: list[Draft] = []
    for alternative in q.alternatives:
        entities = [alternative if e.span == alternative.span else e for e in q.entities]
        for pair in candidate_relations(q, entities, ()):
            extra += assign(q, pair, entities, ())
    return extra
