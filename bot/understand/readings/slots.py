"""Where an entity goes in a relation, and which slot a question asks for."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from bot.knowledge.graph import Graph
from bot.knowledge.model import Relation
from bot.understand.grammar import word_before
from bot.understand.model import COMPARING, EXTREMES, Mention, Value
from bot.understand.readings.question import Question, types_overlap
from bot.understand.readings.weights import FOCUS_FIT, ROLE, ROLE_AGAINST
from bot.understand.roles import side

NUMERIC = ("number",)
REPORTED_REACH = 4  # words between a reporting verb and the verb of the clause it opens ("say IT IS GOING TO bring")
VERB_FORMS = ("verb", "topic")  # relation word forms that make "who VERB" ask for the doer


def placements(
    q: Question,
    relation: Relation,
    entity: Mention,
    cues: list[Mention],
    reported: tuple[Mention, Mention] | None = None,
) -> list[tuple[str, float]]:
    """Where an entity may go in the relation, with the score the grammar gives each place.

    The relation's strong words speak first; a weak one ("get") decides only where they are silent.
    Comparisons put both holders on one side ("more than X"); "how much of X" makes X the whole; a
    symmetric relation puts "with X" beside the subject; a place or event after "in"/"at" may fill a value.
    """
    grammar, tokens = q.grammar, q.tokens
    places: list[tuple[str, float]] = [("", 0.0)]
    if _speaker_of_a_reported_clause(q, entity, cues, reported):
        return places  # "what did HE say they are bringing?": the speaker, not the one who brings
    if q.ordinals and ranked_after(q, entity) is not None:
        return places  # "the second biggest stake AFTER ALIBABA": where the count starts
    nouns = {c.span for c in cues if c.detail not in ("verb", "passive")}  # "what is Usmanov's QUOTE": a noun
    sides = (side(cue, entity, tokens, q.found.text.possessive, grammar, noun_too=cue.span in nouns) for cue in cues)
    said = next((s for s in sides if s is not None), None)
    if any(c.detail == "passive" and c.start == entity.end for c in cues):
        said = "object"  # "which agency is IT FROM?": what the passive word follows is the patient, not the agent
    if q.aggregates and entity.start > 0 and tokens[entity.start - 1] in grammar.comparison:
        said = "subject"
    if any(a.target in COMPARING for a in q.aggregates if a.end <= entity.start):
        said = "subject"  # "Alibaba's stake exceeds MegaFon's": both are holders
    if partitive(q, entity):
        said = "object"
    if q.form.yesno and _multiple_before(q, entity):
        # "is MegaFon's stake HALF of Alibaba's?": both hold; "more than a fifth of the venture": the whole
        said = "object" if entity.target in q.graph.backdrops else "subject"
    if relation.id in {c.target for c in cues} and _named_as_source(q, entity):
        said = "subject"  # "ACCORDING TO Evans, what do they want?": who says it, not who it is about
    if said == "subject" and _telegraphic(q, entity, cues):
        said = ""  # "year alibaba founded", "alibaba founded wat year": a passive with its "was" dropped, maybe
    if said == "object" and _ranked_among(q, entity):
        said = "subject"  # "the biggest share OF ALL THE PARTNERS": the holders ranked, not what they hold
    if said == "object" and _named_by_their_role(q, entity, cues):
        said = "subject"  # "the four OWNERS": the group is who they are
    if said == "object" and _inverted_speaker(q, relation, entity, cues):
        said = "subject"  # "what SAID the Alibaba president?": a learner's "what did ... say?"
    if _beside(q, entity):
        said = "subject"  # "X teamed up with Y", "what did X announce along with Y and Z": Y and Z are X's side
    if relation.symmetric and said == "object" and entity.target not in q.graph.backdrops:
        said = "subject"  # "who joined Alibaba and Mail.ru?": a partner's partner stands on its side
    if said == "subject" and relation.names and not relation.object_types and names_another(q, entity, cues):
        said = "object"  # "Usmanov CALLED IT a step": who gave the name, not what is called (the one side a name has)
    elif (
        said == "object"
        and relation.names
        and not relation.object_types
        and _named_by_active_verb(q, relation, entity, cues)
    ):
        said = "subject"  # "what will they CALL THE NEW COMPANY?": what an active naming verb names is what is called
    for slot, types in (("subject", relation.subject_types), ("object", relation.object_types)):
        if slot == "object" and _only_where_it_appears(q, relation, entity):
            continue  # "who is quoted IN THE STORY?": where the words appear, not what they are about
        if types and q.graph.is_a(entity.target, types):
            places.append((slot, ROLE if said == slot else -ROLE_AGAINST if said else 0.0))
    before = word_before(tokens, entity.start, grammar.determiners)
    locative = before >= 0 and tokens[before] in grammar.locative
    locative = locative or len(places) == 1  # "the conference in the photo": no side of the relation takes it
    for kind in relation.values:
        value_kind = q.graph.kinds[kind]
        fits = value_kind.kind == "entity" and q.graph.is_a(entity.target, value_kind.types or ("entity",))
        if fits and (locative or _where_it_stands(q, relation, entity, kind)):
            places.append((kind, 0.0))
    naming = [c for c in cues if c.target == relation.id and c.detail in ("verb", "passive") and not c.weak]
    if relation.names and entity.detail != "context" and any(entity.start in _named_run(q, c.end) for c in naming):
        # "is the new company called Tmall Russia?": a name after the naming verb is the name claimed
        places += [(k, ROLE) for k in relation.values if q.graph.kinds[k].kind == "text"]
    return places


def _where_it_stands(q: Question, relation: Relation, entity: Mention, kind: str) -> bool:
    """Whether a place may be where the relation happens, though no "in" comes before it ("is Alibaba new TO
    RUSSIA?"): a fact of the relation about another thing the question names gives a place of that kind, so the
    facts decide between it and the object."""
    before = word_before(q.tokens, entity.start, q.grammar.determiners)
    if not any(m.target == relation.id and m.end - 1 == before for m in q.relation_words):
        return False  # only right after the relation's own word ("new to"), not "the Alibaba Russia thing"
    named_kind = [t for t in relation.object_types if not q.graph.is_anything(t)]
    others = {e.target for e in q.entities if e.target != entity.target}
    return q.graph.is_a(entity.target, named_kind) and any(
        f.value(kind) is not None and others & set(f.entities) for f in q.graph.facts_by_relation.get(relation.id, ())
    )


def _only_where_it_appears(q: Question, relation: Relation, entity: Mention) -> bool:
    """Whether the entity is the story itself after a preposition ("quoted in the article", "call him a
    billionaire, per this article") where it can only be where the words appear: the relation speaks about
    things of other kinds, or the story comes past the verb and the object may be anything."""
    if entity.detail != "aside" or not q.graph.is_a(entity.target, q.grammar.context_types):
        return False
    if relation.topical and not q.graph.is_a(entity.target, relation.topical):
        return True
    anything = all(q.graph.is_anything(t) for t in relation.object_types)
    return anything and any(m.detail == "verb" and m.end <= entity.start for m in q.relation_words)


def _inverted_speaker(q: Question, relation: Relation, entity: Mention, cues: Sequence[Mention]) -> bool:
    """Whether a reporting verb comes right after "what" with the name right after it ("what SAID THE PRESIDENT
    about it?"): a learner's word order for "what did the president say?", so the name is the speaker."""
    if q.form.focus_span is None or q.focus is None or q.focus.types:
        return False  # "WHO called it a step?" asks for the speaker; the name after is what was called
    if not any(q.graph.kinds[k].said for k in relation.values if k in q.graph.kinds):
        return False
    before = word_before(q.tokens, entity.start, q.grammar.determiners)
    return any(
        c.target == relation.id and c.detail == "verb" and c.start == q.form.focus_span[1] and c.end - 1 == before
        for c in cues
    )


def names_another(q: Question, entity: Mention, cues: Sequence[Mention]) -> bool:
    """Whether an active naming or describing verb right after the entity has a thing of its own right after it
    ("Usmanov CALLED IT a step"): the entity gave the name or the description."""
    things = {m.start for m in (*q.entities, *q.found.of("pronoun")) if m.start > entity.start}
    return any(c.detail in ("verb", "topic") and c.start == entity.end and c.end in things for c in cues)


def _named_by_active_verb(q: Question, relation: Relation, entity: Mention, cues: Sequence[Mention]) -> bool:
    """Whether the entity stands right after an active naming verb of the relation, past only determiners and
    possessives, and is called by the words the article gives its name with ("what will they call THE NEW
    COMPANY?" where "the new company will be called ..."): the thing that gets the name. Called otherwise ("what
    did they call THE PARTNERSHIP?"), it is what the speakers' words were about."""
    before = word_before(q.tokens, entity.start, q.grammar.determiners | q.grammar.possessives)
    if not any(c.target == relation.id and c.detail == "verb" and c.end - 1 == before for c in cues):
        return False
    words = {w for w in q.tokens[entity.start : entity.end] if w not in q.grammar.stopwords}
    named = (f for f in q.graph.facts_by_relation.get(relation.id, ()) if entity.target in f.subjects)
    return bool(words) and any(words <= q.graph.fact_words[f.id] for f in named)


def _ranked_among(q: Question, entity: Mention) -> bool:
    """Whether a group stands after "among"/"of" past a superlative ("the largest stake AMONG ALL PARTNERS"): its
    members are the ones ranked."""
    if not q.graph.entities[entity.target].members:
        return False
    before = word_before(q.tokens, entity.start, q.grammar.determiners)
    ranked = any(a.target in EXTREMES and a.end <= before for a in q.aggregates)
    return ranked and before >= 0 and q.tokens[before] in q.grammar.ranked_among


def _named_by_their_role(q: Question, entity: Mention, cues: list[Mention]) -> bool:
    """Whether a group ("the four") stands right before a noun for the relation's subject, with no possessive:
    "the four OWNERS" are the owners, where "Mail.ru owner" is Mail.ru's."""
    if not q.graph.entities[entity.target].members:
        return False
    possessive = q.found.text.possessive
    owned = entity.end - 1 < len(possessive) and possessive[entity.end - 1]
    return not owned and any(c.detail == "agent" and c.start == entity.end for c in cues)


def numeric_kinds(q: Question, relation: Relation) -> list[str]:
    """The relation's value kinds that are figures ("percent"), in its order."""
    return [k for k in relation.values if q.graph.kinds[k].kind in NUMERIC]


def _named_run(q: Question, start: int) -> set[int]:
    """The positions of the names standing one after another from `start` on ("called TMALL RUSSIA")."""
    covered = {i for e in q.entities if e.detail != "context" for i in range(e.start, e.end)}
    run: set[int] = set()
    while start in covered:
        run.add(start)
        start += 1
    return run


def multiple(q: Question) -> tuple[int, int, float] | None:
    """Where a question claims a ratio between two figures ("double", "three times", "half") and which one;
    a word inside a longer phrase ("more than half": a majority) claims none."""
    tokens = q.tokens
    longer = [a for a in q.aggregates if a.end - a.start > 1]
    for words, factor in q.grammar.multiples:
        size = len(words)
        for i in range(len(tokens) - size + 1):
            inside = any(a.start <= i and i + size <= a.end and a.end - a.start > size for a in longer)
            if tokens[i : i + size] == words and not inside:
                return i, i + size, factor
    return None


def _multiple_before(q: Question, entity: Mention) -> bool:
    """Whether a ratio word comes before the entity ("is MegaFon's stake HALF of Alibaba's?")."""
    found = multiple(q)
    return found is not None and found[0] < entity.start


def _named_as_source(q: Question, entity: Mention) -> bool:
    """Whether an attribution phrase ("according to", "as per") stands right before the name; "our draft SAYS
    Evans ..." opens a claim about him instead."""
    before = " ".join(q.tokens[max(0, entity.start - 3) : entity.start])
    return any(" " in marker and before.endswith(marker) for marker in q.grammar.attribution)


def _telegraphic(q: Question, entity: Mention, cues: list[Mention]) -> bool:
    """Keywords asking a value, a name and a participle, nothing else ("year alibaba founded", "alibaba founded
    wat year"): the participle may be a passive with its "was" dropped as well as an active verb."""
    span = q.form.focus_span
    if span is None or q.focus is None or "entity" in q.focus.expects:
        return False
    verb = next((c for c in cues if c.detail == "verb" and c.start == entity.end), None)
    if verb is None or not q.tokens[verb.end - 1].endswith(q.grammar.participle_endings):
        return False
    return span[1] == entity.start or span[0] == verb.end


def _beside(q: Question, entity: Mention) -> bool:
    """Whether "with" stands before the entity, past determiners and the names joined to it."""
    spans = {i for e in q.entities for i in range(e.start, e.end)}
    i = entity.start - 1
    while i >= 0 and (q.tokens[i] in q.grammar.determiners or q.tokens[i] in q.grammar.coordination or i in spans):
        if q.tokens[i] in q.grammar.beside:
            return True
        i -= 1
    return i >= 0 and q.tokens[i] in q.grammar.beside


def asks(
    q: Question,
    relation: Relation,
    subject: tuple[str, ...],
    obj: tuple[str, ...],
    *,
    values: Sequence[tuple[str, Value]],
    words: Sequence[Mention],
) -> list[str]:
    """The slots the question may ask for, given its focus and what is already bound.

    A focus asks for the value kinds that answer it and for an open entity side whose types fit (the
    type noun after "which" narrows those). A question about an entity that names it already ("which
    company is MegaFon?") falls back to what a generic question would ask.
    """
    graph = q.graph
    bound = {k for k, _ in values} | ({"subject"} if subject else set()) | ({"object"} if obj else set())
    slots = [k for k in relation.values if k not in bound]
    sides = [
        (s, t)
        for s, t in (("object", relation.object_types), ("subject", relation.subject_types))
        if t and s not in bound
    ]
    if relation.symmetric and subject:
        sides.append(("subject", relation.subject_types))  # "which company partnered with Sberbank?": beside it
    if q.form.yesno or q.form.either:
        return ["", *(k for k in existential_kinds(q) if k in slots)]
    definition = q.focus
    if definition is None:
        form = next((w.detail for w in words if not w.weak), words[0].detail if words else "")
        if form == "agent" and "subject" not in bound:
            return ["subject"]
        if form == "patient" and "object" not in bound:
            return ["object"]
        return [*slots[:1], *(s for s, _ in sides[:1])] or [""]
    focus = definition.id
    if definition.aggregate and counts_a_value(q):
        return [k for k in slots if graph.kinds[k].kind == definition.aggregate]
    asked = [k for k in slots if graph.fits_focus(k, focus)]
    if subject and asks_the_doer(q, words):
        # "Who called the partnership a significant step?" asks the caller; a text about the partnership
        # (bound as the subject) does not say who.
        asked = [k for k in asked if graph.kinds[k].kind != "text"]
        if not asked and not sides:
            return []
    if q.form.focus_type:  # "in which countries?" asks for places, not for an adjective ("Russian")
        asked = [k for k in asked if graph.kinds[k].kind != "attribute"]
    asked += [slot for question, slot in relation.focus if question == focus and slot not in bound]
    if definition.generic and any(w.detail == "holding" for w in words):
        asked = [k for k in slots if graph.kinds[k].kind in NUMERIC] + asked  # "what is MegaFon's stake?"
    wanted = _wanted(q)
    if "entity" in definition.expects:
        fitting = [s for s, types in sides if not wanted or types_overlap(types, wanted, graph)]
        if _opens_the_verb(q, words):  # "which one HOLDS 15 percent?": the holder, not what is held
            fitting.sort(key=lambda s: s != "subject")
        entity_kinds = [
            k
            for k in slots
            if graph.kinds[k].kind == "entity" and wanted and types_overlap(graph.kinds[k].types, wanted, graph)
        ]
        if entity_kinds and _after_a_preposition(q):  # "AT what kind of event did Evans speak?": where it
            fitting = [s for s in fitting if _of_kind(dict(sides)[s], graph)]  # was, not what of
        fitting += [k for k in entity_kinds if k not in asked]
        if definition.generic:  # "what did they announce?": the object before where or at what event
            valued = [k for k in asked if k in graph.kinds and graph.kinds[k].kind == "entity"]
            asked = [k for k in asked if k not in valued] + fitting + valued
        else:
            asked = fitting + asked
    if asked or definition.expects != ("entity",) or not _names_the_asked(q, wanted):
        return list(dict.fromkeys(asked))
    generic = {f.id for f in graph.focus.values() if f.generic}
    return [
        k
        for k in slots
        if any(graph.fits_focus(k, g) for g in generic)
        and not (graph.kinds[k].kind == "entity" and wanted and not types_overlap(graph.kinds[k].types, wanted, graph))
    ]  # "who were the four parties to the announcement?" is not answered by the event it was made at


def _of_kind(types: Sequence[str], graph: Graph) -> bool:
    """Whether a side is declared for some kind of thing ("place"), not for anything at all ("entity")."""
    return any(graph.ancestors.get(t, (t,))[1:] for t in types)


def _after_a_preposition(q: Question) -> bool:
    """Whether a preposition of place or time stands right before the question word ("AT which event")."""
    span = q.form.focus_span
    return span is not None and span[0] > 0 and q.tokens[span[0] - 1] in q.grammar.locative


def existential_kinds(q: Question) -> list[str]:
    """The value kinds a yes/no question names after "some" or "a" ("was it announced at SOME EVENT?"): it
    asks which one, too. Offered choices ("at a conference or in a statement?") ask no such thing."""
    if not q.form.yesno or q.form.either or q.found.of("either"):
        return []
    return [v.target for v in q.valuewords if v.start > 0 and q.tokens[v.start - 1] in q.grammar.existential]


def asks_the_doer(q: Question, words: Sequence[Mention]) -> bool:
    """Whether a who-like question word comes right before the relation's verb: "who VERB ..." asks the
    verb's doer."""
    if q.form.focus_span is None or q.focus is None or not q.focus.types:
        return False
    end = q.form.focus_span[1]
    return any(w.start == end and w.detail in VERB_FORMS for w in words)


def _opens_the_verb(q: Question, words: Sequence[Mention]) -> bool:
    """Whether the question word and its noun stand right before an active verb, as its subject."""
    if q.form.focus_span is None:
        return False
    end = q.form.focus_span[1]
    noun = next((t for t in q.types if t.start == end), None)  # "which COMPANY holds ..."
    end = noun.end if noun is not None else end
    return any(w.start == end and w.detail == "verb" for w in words)


def _wanted(q: Question) -> tuple[str, ...]:
    """The entity types the question asks for: the type noun after "which", else the focus's own."""
    focus_type = q.form.focus_type
    if focus_type and ":" not in focus_type:
        return (focus_type,)
    return q.focus.types if q.focus else ()


def _names_the_asked(q: Question, wanted: Sequence[str]) -> bool:
    """Whether the question names an entity of the kind it asks for ("what kind of company is MegaFon?"), by
    name or through a relation ("... is the firm that gets 24 percent?")."""
    named = [*q.entities, *(reference for reference, _ in q.references)]
    return any(not wanted or q.graph.is_a(e.target, wanted) for e in named)


def fit(q: Question, relation: Relation, ask: str) -> float:
    """How well the asked slot fits the question word: a value that answers it, or a side of exactly the
    types it wants, fully; a side that merely could hold such an entity, or an attribute, half."""
    focus = q.form.focus
    if not ask or focus is None or _opener_focus(q):
        return 0.0
    if ask == focus and (ask not in q.graph.kinds or ask not in relation.values):
        return -FOCUS_FIT  # the relation cannot give what is asked: kept only to decline in its words
    if ask in q.graph.kinds:
        fits = q.graph.fits_focus(ask, focus) or (focus, ask) in relation.focus
        loose = q.graph.kinds[ask].kind == "attribute"  # "where is X?": a nationality answers it only loosely
        return (FOCUS_FIT / 2 if loose else FOCUS_FIT) if fits else 0.0
    role = q.form.focus_type[5:] if q.form.focus_type and q.form.focus_type.startswith("role:") else None
    if role == relation.id and ask != "subject":
        return 0.0  # "which PARTNER ...?" asks for a partner, the subject of the partner relation
    wanted = _wanted(q)
    allowed = relation.subject_types if ask == "subject" else relation.object_types
    narrow = not wanted or all(any(w in q.graph.ancestors.get(a, (a,)) for w in wanted) for a in allowed)
    return FOCUS_FIT if narrow else FOCUS_FIT / 2


def _opener_focus(q: Question) -> bool:
    """Whether the question word only opens a follow-up: the "what" of "what about the fund's owner?" after
    "what did Evans say?" asks nothing of its own, so no reading earns a fit from it."""
    return q.context.reading is not None and q.asks_in_its_opener()


RELATIVE_GAP = 2  # words a relative clause may put between a noun and its verb ("the company THEY make")


def describes_bound(q: Question, mention: Mention, bound: set[str]) -> bool:
    """'the new company they make': a relation word in a clause right after a bound entity, where the facts
    tie that entity to the relation, only says which one is meant."""
    before = [e for e in q.entities if e.target in bound and 1 <= mention.start - e.end <= RELATIVE_GAP]
    before += [e for e in q.entities if e.target in bound and e.end == mention.start and _reduced(q, e, mention)]
    if not before:
        return False
    entity = before[-1]
    between = q.tokens[entity.end : mention.start]
    pronouns = {i for p in q.found.of("pronoun") for i in range(p.start, p.end)}
    if not all(t in q.grammar.relative or entity.end + i in pronouns for i, t in enumerate(between)):
        return False
    return any(entity.target in f.entities for f in q.graph.facts_by_relation.get(mention.target, ()))


def _reduced(q: Question, entity: Mention, verb: Mention) -> bool:
    """Whether a participle right after a name describes it: the name stands inside another noun phrase, after
    "of" or the like ("the name of the forum HELD in Vladivostok"), so the participle is no verb of the clause
    ("was the forum held ...?", "where was the forum held?")."""
    if verb.detail not in ("verb", "passive") or not q.tokens[verb.start].endswith(q.grammar.participle_endings):
        return False
    opener = word_before(q.tokens, entity.start, q.grammar.determiners)
    return opener >= 0 and q.tokens[opener] in q.grammar.of


def identifies(q: Question, mention: Mention, bound: set[str]) -> bool:
    """'the forum in Vladivostok', 'the telecom operator in the deal': a place right after a bound entity, tied to
    it by some fact, only says which one is meant (not after "is": "is Yandex in the deal?" claims it)."""
    at = word_before(q.tokens, mention.start, q.grammar.determiners)  # "... in THE deal"
    if at < 1 or q.tokens[at] not in q.grammar.locative:
        return False
    verbs = [m for m in q.found.of("relation") if m.detail in ("verb", "passive") and at <= m.end <= mention.start]
    before = next(  # "the forum in Vladivostok", or with a participle between: "the name of the forum HELD in ..."
        (
            e
            for e in q.entities
            if e.target in bound and (e.end == at or any(v.start == e.end and _reduced(q, e, v) for v in verbs))
        ),
        None,
    )
    if before is None:
        return False
    opener = word_before(q.tokens, before.start, q.grammar.determiners)
    if opener >= 0 and q.tokens[opener] in q.grammar.be and q.form.focus is None:
        return False  # "is YANDEX in the deal?": where the name stands is claimed, not said to pick it out
    return any(
        mention.target in f.entities or mention.target in [v for _, v in f.values]
        for f in q.graph.facts_by_entity.get(before.target, ())
    )


def coordinated(q: Question, entities: list[Mention]) -> bool:
    """Whether entities are joined as one phrase: "Alibaba and MegaFon", "Mail.ru, MegaFon or the RDIF"."""
    ordered = sorted(entities, key=lambda e: e.start)
    conjunctions = q.grammar.joiners | q.grammar.comparison
    conjoined = any(t in conjunctions for t in q.tokens[ordered[0].end : ordered[-1].start])  # "A, B and C"
    for left, right in itertools.pairwise(ordered):
        between = q.tokens[left.end : right.start]
        if left.span == right.span and left.detail == right.detail == "context":
            continue  # "they": the several entities one plural pronoun stands for
        repeated = {q.tokens[left.start - 1]} if left.start > 0 else set()  # "to Alibaba or TO Mail.ru"
        if right.start < left.end or not all(t in q.grammar.coordination or t in repeated for t in between):
            return False  # overlapping mentions name one thing twice
        if not between and (left.detail or right.detail):
            return False  # "the Alibaba president": a name inside a description; "sberbank yandex" are two
        breaks = q.found.text.boundary
        if breaks and not conjoined and any(breaks[left.end : right.start + 1]):
            return False  # "what did they call the new arrangement, the four groups?": an aside, not a list
    return True


def ranked_after(q: Question, entity: Mention) -> int | None:
    """'The second largest stake AFTER ALIBABA': a name after "after" that follows a ranking word is the place
    in the ranking counted from, not a side of the relation. The position of its "after", or None."""
    before = word_before(q.tokens, entity.start, q.grammar.determiners)
    if before < 0 or q.tokens[before] not in q.grammar.later:
        return None
    return before if any(m.end <= before for m in (*q.ordinals, *q.aggregates)) else None


def partitive(q: Question, entity: Mention) -> bool:
    """'How much of the new company ...', 'what share of X ...': the X is the whole, the object."""
    if q.form.focus_span is None:
        return False
    end = q.form.focus_span[1]
    of = q.grammar.of & q.grammar.partitive
    between = q.tokens[end - 1 if q.tokens[end - 1] in of else end : entity.start]
    return bool(between) and between[0] in of and all(t in q.grammar.partitive for t in between)


def counts_a_value(q: Question) -> bool:
    """'How many shares does Alibaba have?' counts a quantity, not the entities of a type."""
    if q.form.focus_span is None:
        return False
    end = q.form.focus_span[1]
    after = [m for m in q.found.mentions if m.start == end]
    return any(m.kind == "relation" and m.detail == "holding" for m in after) and not any(
        m.kind == "type" or (m.kind == "relation" and m.detail == "agent") for m in after
    )


def _speaker_of_a_reported_clause(
    q: Question, entity: Mention, cues: list[Mention], reported: tuple[Mention, Mention] | None
) -> bool:
    """Whether the entity speaks before a reporting verb whose clause holds the relation's verb and a plural
    pronoun of its own: in "what did HE say THEY are bringing?" he is not the one who brings (in "what does
    Alibaba say IT is bringing?" it may be). `reported`: the question's reported clause, found once per relation."""
    if reported is None or reported[1] not in cues or entity.end > reported[0].start:
        return False
    speaking, clause = reported
    plural = [p for p in q.found.of("pronoun") if speaking.end <= p.start and p.end <= clause.start]
    return any(q.tokens[p.start] in q.grammar.plural for p in plural) and not q.graph.entities[entity.target].members


def reported_clause(q: Question) -> tuple[Mention, Mention] | None:
    """'What does Alibaba SAY it is BRINGING?': a verb that reports words, right after its speaker, and the verb
    of another relation in the clause it opens (past "that", a pronoun and "be") whose facts hold words of their
    own: the clause is what is asked."""
    verbs = [m for m in q.relation_words if m.kind == "relation" and m.detail == "verb"]
    pronouns = {i for m in q.found.of("pronoun") for i in range(m.start, m.end)}
    linking = q.grammar.be | q.grammar.relative | q.grammar.auxiliary | q.grammar.future | q.grammar.infinitive
    for word in verbs:
        relation = q.graph.relations[word.target]
        if not any(k in q.graph.kinds and q.graph.kinds[k].said for k in relation.values):
            continue
        if not after_auxiliary_and_subject(q, word):
            continue
        for inner in verbs:
            between = range(word.end, inner.start)
            if inner.target == word.target or inner.weak or not 0 < len(between) <= REPORTED_REACH:
                continue
            if not any(q.graph.kinds[k].kind == "text" for k in q.graph.relations[inner.target].values):
                continue  # "what did they say they were CREATING?": a thing, not words; their words answer
            if all(i in pronouns or q.tokens[i] in linking for i in between):
                return word, inner
    return None


def after_auxiliary_and_subject(q: Question, word: Mention) -> bool:
    """'What did MegaFon PAY for its stake?': the verb right after an auxiliary and its subject is the
    clause's own verb; the nouns after it ("its 24% stake") only say what the verb is about."""
    named = (*q.entities, *(m for m, _ in q.references), *q.found.of("pronoun"))
    subjects = [m for m in named if m.end == word.start]
    for subject in subjects:
        before = word_before(q.tokens, subject.start, q.grammar.determiners)  # "will THE fund run by X hold"
        if before >= 0 and q.tokens[before] in q.grammar.auxiliary:
            return True
    return False
