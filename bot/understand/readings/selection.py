"""Selection: "which partner is the sovereign wealth fund?", "which of them is Chinese?" picks among entities."""

from __future__ import annotations

from bot.understand.grammar import word_before
from bot.understand.model import EXTREMES, Mention, Reading
from bot.understand.readings.question import Question
from bot.understand.readings.weights import FOCUS_FIT, ROLE, Draft

SUPERLATIVE_REACH = 1  # words between a superlative and its noun ("most POPULAR social network")
MODIFIERS = 2  # words between "is" and the entity it identifies ("is the state investment fund")
TYPE_REACH = 3  # the noun "which" asks about stands this close after it


def described_superlatives(q: Question) -> list[Mention]:
    """'Is VK THE MOST popular social network in Russia?': a superlative right before a type noun claims a
    description of the entity, not a comparison of numbers."""
    return [
        a
        for a in q.aggregates
        if a.target in EXTREMES and any(0 <= t.start - a.end <= SUPERLATIVE_REACH for t in q.types)
    ]


def _described_as_the_most(q: Question, focus_type: str | None, role: str | None) -> list[Draft]:
    """'Which bank is the biggest in Russia, according to the piece?': no stake is compared; the article
    describes one entity of the type with a superlative ("Russia's largest bank")."""
    superlatives = [a for a in q.aggregates if a.target in EXTREMES]
    if not superlatives or role is not None or q.values:
        return []
    after = next(  # "the largest BANK", "the most popular SOCIAL NETWORK"
        (t.target for t in q.types if 0 <= t.start - superlatives[0].end <= SUPERLATIVE_REACH), None
    )
    focus_type = focus_type or after
    bare = q.focus is None and not q.form.yesno and not q.relation_words  # "most popular social network in russia?"
    if focus_type is None or not (bare or (q.focus is not None and "entity" in q.focus.expects)):
        return []
    words = q.graph.aggregate_words.get(superlatives[0].target, frozenset())
    described = [
        f.subjects[0]
        for f in q.graph.facts_by_relation.get(q.graph.describes, ())
        if f.subjects and q.graph.is_a(f.subjects[0], [focus_type]) and words & q.graph.fact_words[f.id]
    ]
    chosen = list(dict.fromkeys(described))
    if len(chosen) != 1:
        return []
    reading = Reading(q.graph.describes, ask="subject", options=tuple(chosen), mode="select", notes=("select",))
    noun = [m for m in q.found.mentions if m.kind == "type" and m.target == focus_type]
    describing = [m for m in q.relation_words if m.target == q.graph.describes]  # "which bank is DESCRIBED as ..."
    used = [*superlatives, *noun, *q.attributes, *describing, *(e for e in q.entities if e.target in q.graph.backdrops)]
    return [Draft(reading, tuple(used), FOCUS_FIT)]


def _modifies(q: Question, word: Mention) -> bool:
    """A weak relation word between a determiner and a noun modifies it ("the STATE investment fund")."""
    after_determiner = word.start > 0 and q.tokens[word.start - 1] in q.grammar.determiners
    return word.weak and after_determiner and any(m.start == word.end for m in q.found.of("type", "entity"))


def select(q: Question, entities: list[Mention], consumed: tuple[Mention, ...]) -> list[Draft]:
    """A selection reading, when the question asks which entity (of a type or role) meets a description and
    names no relation but that role."""
    focus_type = q.form.focus_type
    focus = q.focus
    role = focus_type[5:] if focus_type and focus_type.startswith("role:") else None
    superlative = _described_as_the_most(q, focus_type, role)
    if superlative:
        return superlative
    focus_end = q.form.focus_span[1] if q.form.focus_span else 0
    chosen_from = _pool_named(q, entities) if focus is None else None
    group = chosen_from[1] if chosen_from is not None else _pool_fronted(q, entities)
    offered = _offered_names(q, entities)
    if chosen_from is not None:  # "which of THE FOUR PARTNERS is a telecom operator?": one of the group's members
        focus, focus_end = q.graph.focus[chosen_from[0].target], chosen_from[0].end
    elif offered and (focus is None or "entity" in focus.expects):
        entities = offered  # "is the sovereign fund MegaFon OR the RDIF?": the two names are what it picks from
    elif group is not None and focus is not None and focus.ties:
        pass  # "of the four partners, which one is Chinese?": a "which one is" picks among the group set before it
    elif focus is None or focus.expects != ("entity",) or (focus_type is None and focus.needs_type):
        return []
    others = [  # a weak word ("state") may be an adjective here ("the state investment fund")
        m
        for m in q.relation_words
        if m not in consumed
        and not (m.target == role and m.detail == "agent")
        and not _modifies(q, m)
        and not (group is not None and chosen_from is None and m.end <= group.start)  # "FROM the four partners, ..."
    ]
    if others or q.aggregates:
        return []
    kind = focus_type if focus_type and not role else None
    noun = [
        m for m in q.found.mentions if m.kind in ("type", "relation") and focus_end <= m.start <= focus_end + TYPE_REACH
    ]
    described_as: set[str] = set()
    if kind is not None and q.graph.is_anything(kind):
        kind = None  # "which ONE is the fund": a noun for anything at all leaves the type to the noun after it
    if kind is None and role is None:  # "who is the Russian BILLIONAIRE?": the noun after the focus is its type
        named_spans = {e.span for e in (offered or q.found.of("entity"))}  # "who's doing THE DEAL": a name
        typed = next((m for m in noun if m.kind == "type" and m.span not in named_spans), None)
        kind = typed.target if typed else None
        described_as = set(q.tokens[typed.start : typed.end]) if typed else set()
    named = {m.span for m in (offered or q.found.of("entity"))}  # "in the story" names the article
    inside = {
        i for e in entities if e.detail.startswith("ref:") for i in range(e.start, e.end)
    }  # "the boss of THE FUND"
    constraint_types = [t for t in q.types if t not in noun and t.span not in named and t.start not in inside]
    wanted = [kind] if kind else []
    aside = [e for e in entities if e.target in q.graph.backdrops and e.detail == "aside"]  # "in the story"
    aside += [e for e in entities if q.tokens[e.start] in q.grammar.possessives]  # "what is HIS name?": his, not him
    options = tuple(e.target for e in entities if e not in aside and (not wanted or q.graph.is_a(e.target, wanted)))
    anchors = _linked_to(q, entities, wanted) if not options and not offered else []
    if anchors:  # "which of the people is LINKED TO the RDIF?": those some fact ties to it
        parties = [(*f.subjects, *f.objects) for a in anchors for f in q.graph.facts_by_entity.get(a.target, ())]
        options = tuple(
            dict.fromkeys(
                e for both in parties for e in both
                if any(a.target in both for a in anchors) and e not in {a.target for a in anchors}
                and q.graph.is_a(e, wanted) and not q.graph.entities[e].members
            )
        )  # fmt: skip
        if not options:
            return []
    members_of: tuple[str, ...] = ()
    if group is not None:  # the group is where the answer is chosen from, not an option itself
        options = tuple(o for o in options if o != group.target)
        members_of = q.graph.entities[group.target].members
    renamed = _named_again(q, offered)
    options = tuple(o for o in options if o in renamed) or options  # "is THE SOVEREIGN FUND MegaFon or the RDIF?"
    if offered:  # the options that are of every type the question picks by
        picking = _picking_types(q, offered)
        options = tuple(o for o in options if all(q.graph.is_a(o, [t.target]) for t in picking))
    if offered and (not options or len(options) == len(offered)):
        return []  # "a Mail.ru GUY or an RDIF guy?": a type neither has, or both, tells them not apart
    if options and any(w in q.grammar.other for w in q.tokens[focus_end : min((n.start for n in noun), default=0)]):
        return []  # "which OTHER companies did the deal?": not the ones named, and the article lists no others
    if described_as and kind is not None:
        pool = options or tuple(e for e in q.graph.entities if q.graph.is_a(e, [kind]))
        options = _described_with(pool, described_as, q) or options
    if not (constraint_types or q.attributes or kind) and all(q.graph.entities[o].members for o in options):
        return []  # only a group named: "who are the four partners in the deal?" asks what the group is
    denied = [e for e in q.excluded if e.detail == "denied"]  # "which partner is NOT A FUND?"
    if not (constraint_types or q.attributes or options or kind or denied):
        return []  # "which bank is mentioned?" asks for the entities of a type; a bare "which?" for nothing
    reading = Reading(
        role or q.graph.describes,
        ask="subject",
        types=tuple(dict.fromkeys([*([kind] if kind else []), *(t.target for t in constraint_types)])),
        attributes=tuple((a.target, a.detail) for a in q.attributes),
        role=role,
        members_of=members_of,
        options=options,
        mode="select",
        notes=("select",),
    )
    backdrop = [e for e in entities if e.target in q.graph.backdrops and e.target not in options]  # "does the article"
    chosen = offered or [e for e in entities if e.target in options] or anchors  # both names offered are explained
    passives = {m.start for m in q.found.of("relation") if m.detail == "passive" and m.target == role}
    if any(e.end in passives for e in chosen):
        return []  # "which agency is THIS FROM?": the one the role acts on, not one to choose the agent among
    negations = [n for n in q.found.of("negation") if any(n.end <= e.start <= n.end + 1 for e in denied)]
    used = [*noun, *constraint_types, *q.attributes, *chosen, *backdrop, *consumed, *denied, *negations]
    used += [group] if group is not None else []
    used += q.found.of("either") if offered else []
    return [Draft(reading, tuple(used), FOCUS_FIT + (ROLE if _identified(q, chosen) else 0.0))]


def _linked_to(q: Question, entities: list[Mention], wanted: list[str]) -> list[Mention]:
    """The names a linking word ties the answer to ("which person is LINKED TO the RDIF?"): named after it, and
    not of the type asked."""
    links = [i for i, t in enumerate(q.tokens) if t in q.grammar.linking]
    if not wanted or not links:
        return []
    return [
        e
        for e in entities
        if any(i < e.start for i in links)
        and not q.graph.is_a(e.target, wanted)
        and e.target not in q.graph.backdrops  # "in THE ARTICLE" ties nothing
    ]


def _offered_names(q: Question, entities: list[Mention]) -> list[Mention]:
    """The two names an either/or offers, when both are entities and a type noun outside them says what is
    picked ("which one was the FUND, MegaFon or the RDIF?"): choosing between them is a selection."""
    options = q.form.either
    if len(options) < 2 or any(o.kind != "entity" for o in options):
        return []
    if not _picking_types(q, list(options)) and not _named_again(q, list(options)):
        return []  # "the 13 percent ONE" picks by no type
    return list(options)


def _picking_types(q: Question, offered: list[Mention]) -> list[Mention]:
    """The type nouns outside the offered names that say what is picked, less nouns for anything at all."""
    inside = {i for o in offered for i in range(o.start, o.end)}
    return [t for t in q.types if t.start not in inside and not q.graph.is_anything(t.target)]


def _named_again(q: Question, offered: list[Mention]) -> set[str]:
    """The offered names the question also names another way ("is THE SOVEREIGN FUND MegaFon or the RDIF?")."""
    spans = {o.span for o in offered}
    targets = {o.target for o in offered}
    return {e.target for e in q.found.of("entity") if e.target in targets and e.span not in spans}


def _pool_named(q: Question, entities: list[Mention]) -> tuple[Mention, Mention] | None:
    """'Which of THE FOUR PARTNERS ...': a selecting cue ending in "of" opens the question, then a group's name
    (no type noun follows, so the form found no focus): the cue, and the group to choose from."""
    cues = [m for m in q.found.of("focus") if m.target in q.grammar.selecting and m.start == 0]
    cue = max(cues, key=lambda m: m.end, default=None)  # "WHICH OF", not "which"
    if cue is None or cue.target not in q.graph.focus or q.tokens[cue.end - 1] not in q.grammar.of:
        return None  # "which FOUR COMPANIES are part of it?" asks for the group itself
    group = next((e for e in entities if q.graph.entities[e.target].members and 0 <= e.start - cue.end <= 1), None)
    return (cue, group) if group is not None else None


def _pool_fronted(q: Question, entities: list[Mention]) -> Mention | None:
    """'OF THE FOUR PARTNERS, who is the telecom one?': a group set before the question, after "of"/"among" and
    closed by a clause break, is where the answer is chosen from."""
    span = q.form.focus_span
    breaks = q.found.text.boundary
    if span is None or not breaks:
        return None
    for entity in entities:
        before = word_before(q.tokens, entity.start, q.grammar.determiners)
        fronted = before == 0 and q.tokens[0] in q.grammar.ranked_among and entity.end == span[0]
        if fronted and q.graph.entities[entity.target].members and breaks[entity.end]:
            return entity
    return None


def _described_with(options: tuple[str, ...], words: set[str], q: Question) -> tuple[str, ...]:
    """The options the article describes with the noun asked about ("the tech BILLIONAIRE Jack Ma")."""
    return tuple(
        o
        for o in options
        if any(
            f.relation == q.graph.describes and f.subjects[:1] == (o,) and words <= q.graph.fact_words[f.id]
            for f in q.graph.facts_by_entity.get(o, ())
        )
    )


def _identified(q: Question, chosen: list[Mention]) -> bool:
    """'Which partner IS the telecom operator?': a form of "be" ties the asked noun to the entity named."""
    if q.form.focus_type is None:
        return False  # "who is the boss of ...?" describes; only "which <noun> is X" identifies
    strong = {i for m in q.found.of("entity", "relation") if not m.weak for i in range(m.start, m.end)}
    for entity in chosen:  # "is THE STATE investment fund": a determiner and modifiers may stand between
        i = entity.start - 1
        while i >= 0 and i not in strong and q.tokens[i] not in q.grammar.be and entity.start - i <= MODIFIERS + 1:
            i -= 1
        if i >= 0 and q.tokens[i] in q.grammar.be:
            return True
    return False
