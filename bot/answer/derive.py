"""Derived answers over one relation's numbers (the stakes): largest, smallest, n-th, combined, majority,
difference, the rest, the closest, how many. Members are filtered first by the reading's constraints
("which Russian partner holds the most?"), and every answer cites the sentences it used."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from bot.answer.compose import Result, capitalise, join, lower_start, names, number, without_verdict
from bot.answer.query import APPROX_TOLERANCE, has_attribute, holds, satisfies
from bot.knowledge.graph import Graph
from bot.knowledge.model import Fact, Language, Relation
from bot.understand.model import (
    AGAINST,
    APPROX,
    CLAIM,
    ENDS,
    EXTREMES,
    GROUP_FIRST,
    MINORITY,
    TIMES,
    TOGETHER,
    Reading,
    counted_of,
)

WHOLE = 100.0  # percentages of one whole add up to this
RATIO_TOLERANCE = 0.005  # "a third" is 0.333333: a claimed ratio holds within half a percent


class _Parts(NamedTuple):
    """The numeric facts an operation works over, one per entity, and what was named."""

    relation: Relation
    kind: str
    whole: str
    parts: dict[str, Fact]  # entity -> its fact, in knowledge order
    pool: list[str]  # the entities the reading's constraints allow, largest first
    named: list[str]  # entities (group members expanded) the question names
    units: list[tuple[str, list[str]]]  # named entities with the parts they stand for (a group: its members)
    reading: Reading
    graph: Graph
    language: Language

    def value(self, entity: str) -> float:
        value = self.parts[entity].value(self.kind)
        return value if isinstance(value, float) else 0.0

    def total(self, entities: Sequence[str]) -> float:
        return sum(self.value(e) for e in entities)


def numeric_kind(relation: Relation, graph: Graph) -> str | None:
    """The relation's numeric value kind (percent), if it has one."""
    return next((k for k in relation.values if graph.kinds[k].kind == "number"), None)


def derive(reading: Reading, graph: Graph, language: Language) -> Result | None:
    """Apply the reading's aggregate; None when it cannot apply (no numbers, nothing to compare). A count is of
    a relation's subjects ("how many partners"): what a named subject holds ("how many companies does Mail.ru
    own?") is no count the article gives, as its facts name only what the story touches."""
    relation = graph.relations.get(reading.relation)
    if relation is None or reading.aggregate is None:
        return None
    if reading.aggregate == "count" and reading.ask == "object":
        return _count_listed(reading, graph, language)
    kind = numeric_kind(relation, graph)
    if kind is None:
        return _count(reading, relation, graph, language) if reading.aggregate == "count" else None
    if not _answers_the_ask(reading.ask, kind, graph):
        return None  # "WHEN does Alibaba plan to take it above 50 percent?": a figure answers no time
    parts = _gather(reading, relation, kind, graph, language)
    if parts is None:
        return None
    operation = OPERATIONS.get(reading.aggregate)
    result = operation(parts) if operation else None
    single = len(reading.subject) == 1 and not graph.entities[reading.subject[0]].members
    ranked_object = reading.aggregate in EXTREMES and reading.ask == "object" and single
    if result is not None and ranked_object and reading.subject[0] not in result.entities:
        return None  # "MegaFon's biggest asset": a ranking of a whole's holders that MegaFon does not top
    return result


def _answers_the_ask(ask: str, kind: str, graph: Graph) -> bool:
    """Whether a derived figure of this kind can answer what is asked: a holder, the figure itself, or a question
    word the kind answers (a percent answers "how much", never "when")."""
    if ask in ("", "subject", "object", kind) or ask not in graph.focus or graph.focus[ask].generic:
        return True  # "WHAT do Mail.ru and the RDIF hold together?": a word that asks anything
    value = graph.kinds.get(kind)
    answered = {a for listed in (value.answers if value else ()) for a in graph.focus_ancestors.get(listed, (listed,))}
    return ask in answered


def _gather(reading: Reading, relation: Relation, kind: str, graph: Graph, language: Language) -> _Parts | None:
    facts = [
        f
        for f in graph.facts_by_relation.get(relation.id, ())
        if isinstance(f.value(kind), float) and len(f.subjects) == 1 and not graph.entities[f.subjects[0]].members
    ]
    wholes = [o for f in facts for o in f.objects]
    if reading.object:
        whole = reading.object[0]
    else:
        backdrop = [o for o in wholes if o in graph.backdrops]
        whole = (backdrop or wholes or [""])[0]
    parts: dict[str, Fact] = {}
    for fact in facts:
        if whole in fact.objects:
            parts.setdefault(fact.subjects[0], fact)
    if not parts:
        return None
    order = {e: i for i, e in enumerate(parts)}
    ranked = sorted(parts, key=lambda e: (-(parts[e].value(kind) or 0.0), order[e]))  # type: ignore[operator]
    constraint = reading._replace(object=(whole,))
    pool = [e for e in ranked if satisfies(e, constraint, graph)]
    if reading.options:
        pool = [e for e in pool if any(holds(o, [e], graph) or e in graph.members(o) for o in reading.options)]
    units = [(e, [m for m in graph.members(e) if m in parts]) for e in (reading.subject or reading.options)]
    units = [(e, members) for e, members in units if members]
    if reading.subject and not units:
        return None  # "why is Jack Ma's stake so small?": the one named holds nothing here
    if TOGETHER in reading.notes and reading.subject and reading.attributes and units:
        # "do the Russians get more than Alibaba?": the ones with the attribute, added up, as the other side
        taken = {m for _, members in units for m in members}
        group = [e for e in pool if e not in taken]
        if group:
            label = join([graph.name(e) for e in group], language.message("list_and"))
            units = [(label, group), *units] if GROUP_FIRST in reading.notes else [*units, (label, group)]
    elif reading.types or reading.attributes:  # "the Russian ones among them": only the members that fit
        narrowed = [m for _, members in units for m in members if satisfies(m, constraint, graph)]
        if narrowed != [m for _, members in units for m in members]:
            units = [(m, [m]) for m in dict.fromkeys(narrowed)]
    against = next((n[len(AGAINST) :].split("+") for n in reading.notes if n.startswith(AGAINST)), None)
    if against:  # "more than Mail.ru and the RDIF put together": those added up as one side
        summed = [(e, members) for e, members in units if e in against]
        label = join([graph.name(e) for e, _ in summed], language.message("list_and"))
        rest = [(e, m) for e, m in units if e not in against]
        added = (label, [m for _, ms in summed for m in ms])
        units = [added, *rest] if GROUP_FIRST in reading.notes else [*rest, added]
    named = list(dict.fromkeys(m for _, members in units for m in members))
    return _Parts(relation, kind, whole, parts, pool, named, units, reading, graph, language)


def _fill(p: _Parts, template: str, used: Sequence[str], **fields: str) -> Result:
    graph, language = p.graph, p.language
    text = dict(p.relation.aggregates).get(template, "")
    values = {"object": graph.name(p.whole), "subjects": names([u for u, _ in p.units] or used, graph, language)}
    values.update(fields)
    citations = tuple(dict.fromkeys(c for e in used for c in p.parts[e].citations))
    if template in ("sum", "majority_yes", "majority_no", "complement", "difference"):
        rest = [e for e in p.parts if e not in used] if template == "complement" else list(used)
        citations += tuple(c for c in _stated(p, rest) if c not in citations)
    return Result(
        capitalise(text.format(**values)),
        citations,
        (f"{p.relation.id}.{template}",),
        tuple(dict.fromkeys([*used, p.whole])),
        f"{p.relation.id}.{p.reading.aggregate}",
    )


def _stated(p: _Parts, parts: Sequence[str] = ()) -> list:  # type: ignore[type-arg]
    """Citations of a stated total for a named group ("the Russian partners ... a combined 52 percent"), or for
    the group made of exactly the given parts or of exactly one side's members ("the Russians")."""
    groups = {u for u, members in p.units if u in p.graph.entities and p.graph.entities[u].members}
    sides = [set(parts)] if parts else []
    sides += [set(members) for _, members in p.units if len(members) > 1]  # "the Russians": a group's members
    groups |= {g for g, e in p.graph.entities.items() if e.members and set(e.members) in sides}
    return [
        c
        for fact in p.graph.facts_by_relation.get(p.relation.id, ())
        if set(fact.subjects) & groups and isinstance(fact.value(p.kind), float)
        for c in fact.citations
    ]


def _pick_unit(p: _Parts) -> Result:
    """Of two sides, one a group, the one holding more (or less) in total, with both totals."""
    ranked = sorted(p.units, key=lambda u: -p.total(u[1]))
    if p.reading.aggregate == "min":
        ranked = ranked[::-1]
    (pick, picked), (other, others) = ranked
    template = "pick_smaller" if p.reading.aggregate == "min" else "pick_larger"
    fields = {"subject": p.graph.name(pick), "other": p.graph.name(other), p.kind: number(p.total(picked))}
    fields["diff"] = number(abs(p.total(picked) - p.total(others)))
    result = _fill(p, template, [*picked, *others], **fields, **{f"other_{p.kind}": number(p.total(others))})
    stated = [c for c in _stated(p) if c not in result.citations]  # "a combined 52 percent"
    return result._replace(citations=(*result.citations, *stated))


def _extreme(p: _Parts) -> Result | None:
    pool = [e for e in p.pool if e in p.named] if len(p.named) > 1 else p.pool
    if p.reading.aggregate == "min":
        pool = pool[::-1]
    if len(p.units) == 2 and any(len(members) > 1 for _, members in p.units) and not p.reading.ordinal:
        return _pick_unit(p)  # "who has more, the Russian side or Alibaba?": a group by its total
    one_group = len(p.units) == 1 and len(pool) > 2 and set(pool) == set(p.parts)  # "largest of ALL the partners"
    if len(p.named) > 1 and len(pool) > 1 and not p.reading.ordinal and not one_group:  # "MegaFon or Mail.ru?"
        pick, other = pool[0], pool[1]
        template = "pick_smaller" if p.reading.aggregate == "min" else "pick_larger"
        fields = {"subject": p.graph.name(pick), "other": p.graph.name(other), p.kind: number(p.value(pick))}
        fields["diff"] = number(abs(p.value(pick) - p.value(other)))
        return _fill(p, template, [pick, other], **fields, **{f"other_{p.kind}": number(p.value(other))})
    counted = counted_of(p.reading.notes) or 1
    if counted > 1 and not p.reading.ordinal and p.reading.mode != "yesno":
        return _extremes(p, pool, counted)
    position = (p.reading.ordinal or 1) - 1 if (p.reading.ordinal or 1) > 0 else len(pool) - 1
    if not 0 <= position < len(pool):
        return None
    if p.reading.mode == "yesno" and ((len(p.named) == 1 and p.named[0] not in pool) or not p.named):
        return None  # "is Alibaba the biggest Russian holder?": it is not among those compared
    pick = pool[position]
    ordinal = {n: w for w, n in reversed(p.language.ordinals)}.get(position + 1, str(position + 1))
    template = "rank" if position > 0 and p.reading.aggregate == "max" else p.reading.aggregate or "max"
    used = [pick] if position == 0 else pool[: position + 1]
    result = _fill(p, template, used, subject=p.graph.name(pick), ordinal=ordinal, **{p.kind: number(p.value(pick))})
    if p.reading.mode == "yesno" and len(p.named) == 1:  # "is MegaFon the second largest holder?"
        verdict = p.language.message("yes" if p.named[0] == pick else "no")
        return result._replace(text=verdict.format(answer=lower_start(result.text)))
    return result


def _each_of(p: _Parts, members: Sequence[str]) -> _Parts:
    """The parts with these members named, each standing for itself."""
    return p._replace(named=list(members), units=[(e, [e]) for e in members])


def _sum(p: _Parts) -> Result | None:
    if not p.named and TOGETHER in p.reading.notes and (p.reading.attributes or p.reading.types) and p.pool:
        p = _each_of(p, p.pool)  # "the Russian ones altogether"
    claimed = next((v for k, v in p.reading.values if k == p.kind and isinstance(v, float)), None)
    if not p.named and claimed is not None and p.reading.mode == "yesno" and len(p.pool) > 1:
        p = _each_of(p, p.pool)  # "do the stakes add up to 100?"
    if len(p.named) == 1 and TOGETHER in p.reading.notes:  # "the Chinese get how much in total?": one of them
        only = p.named[0]
        return _fill(p, "select", [only], subject=p.graph.name(only), **{p.kind: number(p.value(only))})
    if len(p.named) < 2:
        return None
    parts = " + ".join(number(p.value(n)) for n in p.named)  # "(24 + 15 + 13)": the sum can be checked
    result = _fill(p, "sum", p.named, parts=parts, **{p.kind: number(p.total(p.named))})
    if claimed is None or p.reading.mode != "yesno":
        return result
    verdict = "yes" if abs(p.total(p.named) - claimed) < RATIO_TOLERANCE else "no"  # "do they add up to 100?"
    return result._replace(text=p.language.message(verdict).format(answer=lower_start(result.text)))


def _majority(p: _Parts) -> Result | None:
    values = [v for _, v in p.reading.attributes]
    if TOGETHER in p.reading.notes and len(values) > 1 and len({a for a, _ in p.reading.attributes}) == 1:
        return _majority_of_either(p)
    if not p.named and TOGETHER in p.reading.notes and (p.reading.attributes or p.reading.types) and p.pool:
        p = _each_of(p, p.pool)
    if not p.named and MINORITY in p.reading.notes:
        return _order(p)  # "who holds a minority stake?": every stake, largest first, each under half or not
    if not p.named:
        top = p.pool[0] if p.pool else next(iter(p.parts))
        none = _fill(p, "majority_none", [top], subject=p.graph.name(top), **{p.kind: number(p.value(top))})
        if none is not None and p.reading.mode == "answer":  # "who holds the majority?": no one, said plainly
            return none._replace(text=capitalise(without_verdict(none.text, p.language) or none.text))
        return none
    total = p.total(p.named)
    threshold = p.language.majority_threshold
    result = _fill(p, "majority_yes" if total > threshold else "majority_no", p.named, **{p.kind: number(total)})
    if MINORITY not in p.reading.notes:
        return result
    verdict = "no" if total > threshold else "yes"  # "is Alibaba a minority shareholder?": less than half is a yes
    plain = without_verdict(result.text, p.language) or result.text
    return result._replace(text=p.language.message(verdict).format(answer=lower_start(plain)))


def _majority_of_either(p: _Parts) -> Result | None:
    """'Do the Russians or the Chinese have the majority?': each side added up; the one above half, if any."""
    graph = p.graph
    sides = []
    for attribute, value in p.reading.attributes:
        members = [e for e in p.parts if has_attribute(e, attribute, value, graph)]
        if members:
            sides.append((value, members))
    threshold = p.language.majority_threshold
    for value, members in sides:
        total = p.total(members)
        if total > threshold:
            said = _fill(_each_of(p, members), "majority_yes", members, **{p.kind: number(total)})
            text = without_verdict(said.text, p.language) or said.text
            return said._replace(text=p.language.message("either").format(option=value.title(), answer=text))
    return None


def _difference(p: _Parts) -> Result | None:
    if ENDS in p.reading.notes and not p.units and len(p.pool) > 1:  # "the gap between the largest and smallest"
        p = _each_of(p, [p.pool[0], p.pool[-1]])
    if len(p.units) != 2:
        return None
    (big, big_parts), (small, small_parts) = sorted(p.units, key=lambda u: -p.total(u[1]))
    big_value, small_value = p.total(big_parts), p.total(small_parts)
    if not small_value:
        return None
    fields = {
        "subject": p.graph.name(big),
        p.kind: number(big_value),
        "other": p.graph.name(small),
        f"other_{p.kind}": number(small_value),
        "diff": number(big_value - small_value),
        "ratio": number(big_value / small_value),
    }
    result = _fill(p, "difference", [*big_parts, *small_parts], **fields)
    which = _which_way(p)
    if which is not None:  # "is that more or less than Mail.ru's?": "Less: ..."
        answer = lower_start(result.text)
        return result._replace(text=p.language.message("either").format(option=capitalise(which), answer=answer))
    verdict = _claimed(p)
    if verdict is None:
        return result
    return result._replace(text=p.language.message("yes" if verdict else "no").format(answer=lower_start(result.text)))


def _which_way(p: _Parts) -> str | None:
    """For a question asking whether the first-named holds more or less than the second, the word for the
    answer, as the aggregates name it ("more", "less"); None for any other question."""
    if f"{CLAIM}either" not in p.reading.notes or len(p.units) != 2:
        return None
    (_, first), (_, second) = p.units
    way = "more" if p.total(first) > p.total(second) else "less"
    return next((a.words[0] for a in p.language.aggregates if a.id == way and a.words), way)


def _claimed(p: _Parts) -> bool | None:
    """Whether a yes/no comparison's claim holds, first-named against second: 'is MegaFon's stake larger than
    Mail.ru's?' (more), 'is Alibaba's stake double MegaFon's?' (a ratio of 2); None when it claims nothing."""
    claims = [n[len(CLAIM) :] for n in p.reading.notes if n.startswith(CLAIM)]
    if p.reading.mode != "yesno" or not claims or len(p.units) != 2:
        return None
    (_, first), (_, second) = p.units
    left, right = p.total(first), p.total(second)
    ratios = [float(c[len(TIMES) :]) for c in claims if c.startswith(TIMES)]
    if ratios:
        right *= ratios[0]  # "double MegaFon's": against twice MegaFon's figure
    if "more" in claims:
        return left > right
    if "less" in claims:
        return left < right
    tolerance = APPROX_TOLERANCE if APPROX in p.reading.notes else RATIO_TOLERANCE
    return abs(left - right) < tolerance * max(left, right, 1.0) if ratios else None


def _against(p: _Parts) -> Result | None:
    """'Did the RDIF receive more (or less) than 15 percent?': its own figure, and Yes or No where it was asked."""
    target = p.reading.target
    operation = p.reading.aggregate
    if target is not None and not p.named and operation in ("more", "less") and p.reading.ask == "subject":
        return _beyond(p, target, operation)  # "which owners have more than 20 percent?"
    if target is None or len(p.named) != 1:
        return None
    entity = p.named[0]
    fact = p.parts[entity]
    text = fact.answer
    operation = p.reading.aggregate
    if operation in ("more", "less") and p.reading.mode == "yesno":
        verdict = p.value(entity) > target if operation == "more" else p.value(entity) < target
        text = p.language.message("yes" if verdict else "no").format(answer=lower_start(text))
    return Result(text, fact.citations, (fact.id,), (entity, p.whole), f"{p.relation.id}.{operation}")


def _beyond(p: _Parts, target: float, operation: str) -> Result | None:
    """Every holder above (or below) a figure, each with its own."""
    chosen = [e for e in p.pool if (p.value(e) > target if operation == "more" else p.value(e) < target)]
    if not chosen:
        return None
    template = "above" if operation == "more" else "below"
    return _fill(p, template, chosen, ranking=_ranking(p, chosen), target=number(target))


def _extremes(p: _Parts, pool: Sequence[str], counted: int) -> Result | None:
    """'Which TWO partners hold the smallest stakes?': that many from the end asked for, in order; declined when
    there are not more than that many, or the relation has no words for it."""
    template = f"{p.reading.aggregate or 'max'}_several"
    if counted >= len(pool) or template not in dict(p.relation.aggregates):
        return None
    picked = list(pool[:counted])
    words = dict(enumerate(p.language.number_words))
    return _fill(p, template, picked, ranking=_ranking(p, picked), count_word=words.get(counted, str(counted)))


def _order(p: _Parts) -> Result | None:
    """'Rank the owners': every holder, largest first (smallest first when asked from the bottom)."""
    if len(p.pool) < 2:
        return None
    up = p.reading.ordinal == -1
    ranked = p.pool[::-1] if up else p.pool
    template = "order_up" if up and "order_up" in dict(p.relation.aggregates) else "order"
    return _fill(p, template, ranked, ranking=_ranking(p, ranked))


def _others(p: _Parts) -> Result | None:
    """'Besides Alibaba, who owns the venture?': the holders left once the named are set aside, largest first."""
    rest = [e for e in p.pool if e not in p.reading.excluded]
    if not rest or not p.reading.excluded:
        return None
    excluded = names(p.reading.excluded, p.graph, p.language)
    return _fill(p, "others", rest, ranking=_ranking(p, rest), excluded=excluded)


def _average(p: _Parts) -> Result | None:
    """'What's the average stake per partner?': the members' values added up, over how many they are."""
    members = p.named if len(p.named) > 1 else p.pool
    if len(members) < 2:
        return None
    mean = p.total(members) / len(members)
    figures = join([number(p.value(e)) for e in members], p.language.message("list_and"))
    return _fill(p, "average", members, **{p.kind: number(mean)}, figures=figures)


def _ranking(p: _Parts, entities: Sequence[str]) -> str:
    items = [f"{p.graph.name(e)} ({number(p.value(e))} {p.kind})" for e in entities]
    return join(items, p.language.message("list_and"))


def _complement(p: _Parts) -> Result | None:
    """What the holders left once the named are taken hold; none, when the named are every holder."""
    if not p.named or all(e in p.named for e in p.parts):
        return None
    return _fill(p, "complement", p.named, **{p.kind: number(WHOLE - p.total(p.named))})


def _closest(p: _Parts) -> Result | None:
    target = p.reading.target
    if target is None or not p.pool:
        return None
    pick = min(p.pool, key=lambda e: abs(p.value(e) - target))
    return _fill(
        p, "closest", [pick], subject=p.graph.name(pick), target=number(target), **{p.kind: number(p.value(pick))}
    )


def _count_parts(p: _Parts) -> Result | None:
    words = dict(enumerate(p.language.number_words))
    count = len(p.pool)
    fields = {
        "count": str(count),
        "count_word": words.get(count, str(count)),
        "subjects": names(p.pool, p.graph, p.language),
    }
    one = count == 1 and "count_one" in dict(p.relation.aggregates)
    counted = _fill(p, "count_one" if one else "count", p.pool, **fields)
    listing = [  # the sentences that list them all support the count too ("the two groups, along with ...")
        c
        for f in p.graph.facts_by_entity.get(p.whole, ())
        if f.complete and set(f.subjects) == set(p.pool)
        for c in f.citations
    ]
    return counted._replace(citations=tuple(dict.fromkeys((*counted.citations, *listing))))


def _count_listed(reading: Reading, graph: Graph, language: Language) -> Result | None:
    """'How many platforms does Alibaba have in Russia?': what a named subject holds is counted only where one
    fact lists it within a scope the question names (its platforms IN RUSSIA); the article names no more than
    the story touches, so "how many companies does Usmanov own?" or "... worldwide?" gets no count."""
    if not reading.subject:
        return None
    asked = set(reading.values)
    listing = [
        f
        for f in graph.facts_by_relation.get(reading.relation, ())
        if set(reading.subject) <= set(f.subjects)
        and (scope := [(k, v) for k, v in f.values if k in graph.kinds and graph.kinds[k].kind == "entity"])
        and set(scope) <= asked
    ]
    found = [o for f in listing for o in f.objects if satisfies(o, reading._replace(subject=(), excluded=()), graph)]
    if len(listing) != 1 or not found:
        return None
    words = dict(enumerate(language.number_words))
    text = language.message("count_listed").format(
        count_word=words.get(len(found), str(len(found))), names=names(found, graph, language)
    )
    ident = f"{reading.relation}.count"
    return Result(text, listing[0].citations, (listing[0].id,), tuple(found), ident)


def _count(reading: Reading, relation: Relation, graph: Graph, language: Language) -> Result | None:
    """How many entities a relation gives for the open side ("how many partners": the partners listed)."""
    templates = dict(relation.aggregates)
    if "count" not in templates:
        return None
    found: list[str] = []
    cited: list[Fact] = []
    among = {m for s in reading.subject for m in graph.members(s)}  # "how many Russian partners": the group's
    for fact in graph.facts_by_relation.get(relation.id, ()):
        if all(holds(o, fact.objects, graph) for o in reading.object or graph.backdrops[:1]):
            new = [
                s
                for s in fact.subjects
                if s not in found
                and satisfies(s, reading._replace(subject=()), graph)
                and not graph.entities[s].members
                and (not among or s in among)
            ]
            if new:
                found += new
                cited.append(fact)
    if not found:
        return None
    words = dict(enumerate(language.number_words))
    whole = (reading.object or graph.backdrops[:1] or ("",))[0]
    template = templates.get("count_one", templates["count"]) if len(found) == 1 else templates["count"]
    text = template.format(
        object=graph.name(whole), count=len(found), count_word=words.get(len(found), str(len(found))),
        subjects=names(found, graph, language),
    )  # fmt: skip
    named = [  # "how many Russian partners": the sentence that names the group counted supports it too
        f
        for s in reading.subject
        if graph.entities[s].members
        for f in graph.facts_by_entity.get(s, ())
        if s in f.subjects
    ]
    citations = tuple(dict.fromkeys(c for f in [*cited, *named[:1]] for c in f.citations))
    return Result(capitalise(text), citations, (f"{relation.id}.count",), tuple(found), f"{relation.id}.count")


def _split(p: _Parts) -> Result | None:
    """'The split between the Chinese and the Russian side?': the total of each side, by attribute value."""
    sides = [
        [e for e in p.parts if has_attribute(e, attribute, value, p.graph)] for attribute, value in p.reading.attributes
    ]
    if len(sides) < 2 or not all(sides):
        return None
    template = dict(p.relation.aggregates).get("split", "")
    graph, language = p.graph, p.language
    texts = [
        template.format(subjects=_side_name(side, graph, language), **{p.kind: number(p.total(side))}) for side in sides
    ]
    stated = [f for side in sides for f in _stated_total(p, side)]  # "the Russian partners ... a combined 52"
    cited = [*(p.parts[e] for side in sides for e in side), *stated]
    citations = tuple(dict.fromkeys(c for f in cited for c in f.citations))
    used = [e for side in sides for e in side]
    return Result(
        capitalise("; ".join(texts)) + ".",
        citations,
        (f"{p.relation.id}.split",),
        tuple(dict.fromkeys([*used, p.whole])),
        f"{p.relation.id}.split",
    )


def _side_name(side: Sequence[str], graph: Graph, language: Language) -> str:
    """A side's members, under the name of the group they make up where the article has one ("the Russian
    partners (MegaFon, Mail.ru and the RDIF)"): the answer says which side is which."""
    listed = names(side, graph, language)
    if len(side) < 2:
        return listed
    group = next((e.id for e in graph.entities.values() if e.members and set(e.members) == set(side)), None)
    return f"{graph.name(group)} ({listed})" if group is not None else listed


def _stated_total(p: _Parts, side: Sequence[str]) -> list[Fact]:
    """The article's own statement of a side's total, where a group with exactly the side's members has a
    fact of the relation with that total (the RDIF's chief on the Russian partners' combined share)."""
    total = p.total(side)
    return [
        f
        for f in p.graph.facts_by_relation.get(p.relation.id, ())
        if len(f.subjects) == 1
        and set(p.graph.entities[f.subjects[0]].members or ()) == set(side)
        and p.whole in f.objects
        and f.value(p.kind) == total
    ]


OPERATIONS: dict[str, Callable[[_Parts], Result | None]] = {
    "max": _extreme,
    "min": _extreme,
    "sum": _sum,
    "majority": _majority,
    "difference": _difference,
    "complement": _complement,
    "more": _against,
    "less": _against,
    "compare": _against,
    "closest": _closest,
    "count": _count_parts,
    "split": _split,
    "order": _order,
    "others": _others,
    "average": _average,
}
