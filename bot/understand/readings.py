"""Candidate readings of a question: small query graphs built from its mentions.

Each reading links the question's entities through one relation (two, when an entity is named through
another relation: "the company Jack Ma founded"), says which slot the question asks for, and carries
the constraints the other words add. Its score says how much of the question it explains and how well
the grammar fits; whether the facts can answer it is decided later, so reading and fact are chosen
together.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from bot.knowledge.graph import Graph
from bot.knowledge.model import Relation
from bot.understand.model import Form, Found, Mention, Reading, Value
from bot.understand.references import definite, from_context, through_relations
from bot.understand.roles import side

# How much each kind of word a reading uses adds to its score, and what leaving one out costs.
# Nouns for a relation's subject ("partners", "owner") are often just how an argument is named, so they
# count for less than verbs; a backdrop entity ("in the deal") is often mere context, so leaving it out is cheap.
USE = {"entity": 2.0, "relation": 1.5, "agent": 1.0, "weak": 0.6, "value": 1.0, "type": 0.6, "attribute": 0.8,
       "aggregate": 1.0, "title": 0.5, "ordinal": 0.5, "backdrop": 1.0}  # fmt: skip
MISS = {"entity": 3.0, "relation": 1.2, "agent": 0.6, "weak": 0.15, "value": 0.8, "type": 0.25, "attribute": 0.5,
        "aggregate": 1.0, "title": 0.6, "ordinal": 0.3, "backdrop": 0.5}  # fmt: skip
ROLE = 0.4  # an entity on the side its relation word puts it gains this ...
ROLE_AGAINST = 0.8  # ... and on the other side loses this
FOCUS_FIT = 0.5  # the slot asked fits the question word
SPECIFIC_REACH = 4  # a word naming the value asked for ("what was the occasion") counts this close after the cue
FOLLOWUP = 0.9  # a reading carried over from the previous question, when the question is a follow-up
IMPLIED = 0.3  # a relation no word names, guessed from the question word and the facts
VALUE_KINDS = {"percent": ("number",), "year": ("year",), "number": ("number", "count"), "weekday": ("weekday",),
               "month": ("month",)}  # fmt: skip
NUMERIC = ("number",)
MAJORITY = "majority"
INSIDE_CUE = frozenset({"aggregate", "type", "valueword", "attribute"})  # words a cue explains ("how big")
MAIN_VERB = 0.3  # a reading built on a strong verb: the verb, not a noun, is usually what a question asks about
VALUE_RESULTS = frozenset({"sum", "difference", "complement"})  # operations that give a number, never an entity
COMPARATIVES = {"more": "max", "less": "min"}  # "who holds more, X or Y?" picks; "how much more?" compares
SOURCE_TYPES = ("document",)  # the story itself: naming it is context ("the article says ...")
ASIDE = frozenset({"in", "of", "about", "for", "on", "with", "into", "regarding", "to", "at", "from", "behind", "within"})
ATTRIBUTION = ("according to", "as per", "says", "said by")  # "according to the RDIF chief": a source, not an argument
LOCATIVE = frozenset({"in", "at", "during", "on", "near", "from", "inside"})  # "spoke at the press conference"
COORDINATION = frozenset({"and", "or", "plus", "the", "as", "well", "with", "vs", "versus", "than", "together"})
COMPARISON = frozenset({"than", "versus", "vs", "or", "and"})  # "X more than Y": Y stands where X stands


class Context(NamedTuple):
    """What the conversation remembers: the last reading and the entities talked about, newest first."""

    reading: Reading | None = None
    entities: tuple[str, ...] = ()


class _Draft(NamedTuple):
    """A reading under construction: its query and the mentions it uses."""

    reading: Reading
    used: tuple[Mention, ...]
    bonus: float


def build_readings(found: Found, form: Form, context: Context, graph: Graph, stopwords: frozenset[str]) -> list[Reading]:
    """Every candidate reading of the question, scored, best first (ties in a fixed order)."""
    builder = _Builder(found, form, context, graph, stopwords)
    drafts = builder.drafts()
    readings = [builder.score(draft) for draft in drafts]
    unique: dict[tuple[str, str], Reading] = {}
    for reading in sorted(readings, key=lambda r: -r.score):  # stable: ties keep the order they were built in
        unique.setdefault((reading.describe(), reading.mode), reading)
    return sorted(unique.values(), key=lambda r: -r.score)


class _Builder:
    """Builds the drafts of one question."""

    def __init__(self, found: Found, form: Form, context: Context, graph: Graph, stopwords: frozenset[str]) -> None:
        self.stopwords = stopwords
        self.found = found
        self.form = form
        self.context = context
        self.graph = graph
        tokens = found.text.tokens
        focus_noun = _focus_noun(found, form)
        noun_span = focus_noun.span if focus_noun else None
        named = _best_per_span([*(e for e in found.of("entity") if e.span != noun_span), *definite(found, graph, noun_span)])
        exclusions = found.of("exclusion")
        self.excluded = [e for e in named if any(0 <= e.start - x.end <= 1 for x in exclusions)]
        tokens = found.text.tokens
        named = [_aside(e, tokens, graph) for e in named]
        self.attributed = [e for e in named if _attributed(e, tokens)]
        named = [e for e in named if e not in self.excluded and e not in self.attributed]
        self.context_entities = from_context(found, context.entities, graph, {m.target for m in named})
        self.entities = sorted(named + [m for m in self.context_entities if m.detail == "context"], key=lambda m: m.start)
        self.alternatives = [m for m in self.context_entities if m.detail == "context:alternative"]
        self.references = through_relations(found, self.entities, graph, form.focus_span[1] if form.focus_span else None)
        focus = set(range(*form.focus_span)) if form.focus_span else set()
        # Openings ("what about", "can you tell me", "according to the article") explain every word in them.
        openings = {i for m in found.of("followup") if m.start == 0 for i in range(m.start, m.end)}
        openings |= {
            i for m in found.of("focus") if m.end - m.start > 2 or graph.focus[m.target].defers for i in range(m.start, m.end)
        }
        inside = [m for m in found.mentions if m.kind in INSIDE_CUE and set(range(m.start, m.end)) <= focus | openings]
        inside += [m for m in found.mentions if m.kind == "relation" and set(range(m.start, m.end)) <= openings]
        self.focus_noun = _focus_noun(found, form)
        if self.focus_noun is not None:  # "which fund" is a noun: not the verb "fund"; "which platforms" keeps its noun
            same = [m for m in found.mentions if m.span == self.focus_noun.span and m is not self.focus_noun]
            inside += [m for m in same if m.kind != "relation" or m.detail in ("verb", "passive")]
        self.found = found = found._replace(mentions=tuple(m for m in found.mentions if m not in inside))
        asides = {(e.span, e.target): e for e in self.entities if e.detail == "aside"}
        self.primary = [asides.get((m.span, m.target), m) for m in found.mentions if m.kind in MISS or m.kind in VALUE_KINDS]
        self.primary += [m for m in self.context_entities if m not in self.primary]
        self.relation_words = found.of("relation")
        self.values = found.of(*VALUE_KINDS)
        self.types = found.of("type")
        self.attributes = found.of("attribute")
        self.aggregates = found.of("aggregate")
        self.titles = found.of("title")
        self.ordinals = found.of("ordinal")
        self.tokens = tokens

    # --- drafts -------------------------------------------------------------------------------------
    def drafts(self) -> list[_Draft]:
        drafts: list[_Draft] = []
        variants: list[tuple[list[Mention], tuple[Mention, ...], str | None]] = [(self.entities, (), None)]
        for alternative in self.alternatives:
            swapped = [alternative if e.span == alternative.span else e for e in self.entities]
            variants.append((swapped, (), None))
        for reference, _positions in self.references:
            kept = [e for e in self.entities if not (reference.start <= e.start and e.end <= reference.end)]
            consumed = tuple(
                m for m in self.found.mentions if reference.start <= m.start and m.end <= reference.end and m.kind != "entity"
            )
            variants.append((sorted([*kept, reference], key=lambda m: m.start), consumed, reference.detail[4:]))
        for entities, consumed, via in variants:
            for relation in self._relations(entities, consumed):
                drafts += self._assign(relation, entities, consumed)
            drafts += self._select(entities, consumed)
        drafts += self._followups()
        return drafts

    def _relations(self, entities: list[Mention], consumed: tuple[Mention, ...]) -> list[tuple[Relation, float]]:
        """The relations to try: those the question names, then those the question word and facts suggest."""
        named = [m.target for m in self.relation_words if m not in consumed]
        named += [m.target for m in self.titles if m not in consumed]
        ordered = list(dict.fromkeys(named))
        candidates: list[tuple[Relation, float]] = [(self.graph.relations[r], 0.0) for r in ordered]
        strong = any(not m.weak for m in self.relation_words if m not in consumed)
        focus = self.graph.focus.get(self.form.focus or "")
        unanswerable = focus is not None and not focus.generic and "entity" not in focus.expects and not any(
            self._asks(self.graph.relations[r], (), (), [], []) for r in ordered
        )
        if not strong or unanswerable:
            implied = self._implied(entities)
            candidates += [(self.graph.relations[r], -IMPLIED) for r in implied if r not in ordered]
        return candidates

    def _implied(self, entities: list[Mention]) -> list[str]:
        """Relations no strong word names. A bare or generic question about an entity ("who is X?",
        "what is X?") reads as a description; a specific one ("where is the forum?", "why?") as any
        relation whose facts about the entity (or the backdrop) carry what it asks for; named values
        ("what happened in August?") as any relation whose facts carry them; a derived one ("Alibaba and
        Mail.ru combined?") as any relation whose facts about them carry numbers."""
        graph = self.graph
        if not entities and not self.values and not self.aggregates:
            return []  # nothing named: no relation can be guessed ("tell me something interesting")
        about = [e.target for e in entities] or list(graph.backdrops)
        relations: list[str] = []
        focus = self.form.focus
        describes = graph.relations.get(graph.describes)
        by_description = describes is not None and (focus is None or any(graph.fits_focus(k, focus) for k in describes.values))
        if entities and by_description and describes is not None and not self.aggregates:
            relations.append(describes.id)
        guessable = focus is not None and not by_description and graph.focus[focus].guesses
        wanted = self._focus_kinds() if guessable else set()
        for ident in about:
            for fact in graph.facts_by_entity.get(ident, ()):
                kinds = {k for k, _ in fact.values}
                relation = graph.relations[fact.relation]
                if wanted and (kinds & wanted or any(q == focus for q, _ in relation.focus)):
                    relations.append(fact.relation)
                elif wanted and "entity" in graph.focus[focus or ""].expects and self._places(fact.objects):
                    relations.append(fact.relation)
                elif self.aggregates and any(graph.kinds[k].kind in NUMERIC for k in kinds):
                    relations.append(fact.relation)
                elif focus and graph.focus[focus].aggregate and ident in fact.objects:
                    relations.append(fact.relation)
        value_kinds = {k for m in self.values for k in _value_slots(m)}
        if value_kinds:
            for relation_id, facts in graph.facts_by_relation.items():
                if any(graph.kinds[k].kind in value_kinds for f in facts for k, _ in f.values):
                    relations.append(relation_id)
        return list(dict.fromkeys(relations))

    def _places(self, entities: Sequence[str]) -> bool:
        """Whether any entity fits the types the focus asks for ("where": places)."""
        types = self.graph.focus[self.form.focus].types if self.form.focus else ()
        return bool(types) and any(self.graph.is_a(e, types) for e in entities)

    def _focus_kinds(self) -> set[str]:
        """The value kinds that answer the question's focus (a 'when' question: year, day, month)."""
        focus = self.form.focus
        if focus is None:
            return set()
        return {k for k in self.graph.kinds if self.graph.fits_focus(k, focus)}

    # --- assigning entities to slots -------------------------------------------------------------------
    def _assign(self, pair: tuple[Relation, float], entities: list[Mention], consumed: tuple[Mention, ...]) -> list[_Draft]:
        relation, bonus = pair
        words = [m for m in self.relation_words if m.target == relation.id and m not in consumed]
        words += [m for m in self.titles if m.target == relation.id and m not in consumed]
        cues = sorted((m for m in words if m.kind == "relation"), key=lambda m: m.weak)
        if any(m.detail in ("verb", "passive") and not m.weak for m in cues):
            bonus += MAIN_VERB
        options = [self._placements(relation, entity, cues) for entity in entities]
        drafts = []
        for combination in itertools.product(*options) if options else [()]:
            drafts += self._complete(relation, bonus, list(zip(entities, combination, strict=True)), words, consumed)
        return drafts

    def _placements(self, relation: Relation, entity: Mention, cues: list[Mention]) -> list[tuple[str, float]]:
        """Where an entity may go in the relation, with the score the grammar gives each place.

        The relation's strong words speak first; a weak one ("get") decides only where they are silent.
        """
        places: list[tuple[str, float]] = [("", 0.0)]
        sides = (side(cue, entity, self.tokens, self.found.text.possessive) for cue in cues)
        said = next((s for s in sides if s is not None), None)
        if self.aggregates and entity.start > 0 and self.tokens[entity.start - 1] in COMPARISON:
            said = "subject"
        if any(a.target in COMPARATIVES or a.target == "difference" for a in self.aggregates if a.end <= entity.start):
            said = "subject"  # "Alibaba's stake exceeds MegaFon's": both are holders
        if self._partitive(entity):
            said = "object"
        if relation.symmetric and entity.start > 0 and self.tokens[entity.start - 1] == "with":
            said = "subject"
        for slot, types in (("subject", relation.subject_types), ("object", relation.object_types)):
            if types and self.graph.is_a(entity.target, types):
                places.append((slot, ROLE if said == slot else -ROLE_AGAINST if said else 0.0))
        before = entity.start - 1
        while before >= 0 and self.tokens[before] in ("the", "a", "an", "this", "that"):
            before -= 1
        locative = before >= 0 and self.tokens[before] in LOCATIVE
        for kind in relation.values:
            value_kind = self.graph.kinds[kind]
            if locative and value_kind.kind == "entity" and self.graph.is_a(entity.target, value_kind.types or ("entity",)):
                places.append((kind, 0.0))
        return places

    def _complete(
        self,
        relation: Relation,
        bonus: float,
        placed: list[tuple[Mention, tuple[str, float]]],
        words: list[Mention],
        consumed: tuple[Mention, ...],
    ) -> list[_Draft]:
        for slot in ("subject", "object"):
            together = [e for e, (s, _) in placed if s == slot]
            comparing = any(a.target in COMPARATIVES or a.target == "difference" for a in self.aggregates)
            if len(together) > 1 and not comparing and not self._coordinated(together):
                return []  # two entities share a side only when the question joins them ("Alibaba and MegaFon")
        subject = tuple(dict.fromkeys(e.target for e, (slot, _) in placed if slot == "subject"))
        obj = tuple(dict.fromkeys(e.target for e, (slot, _) in placed if slot == "object"))
        if set(subject) & set(obj):
            return []  # one thing on both sides: the second mention names it again ("the venture is called AliExpress Russia")
        values: list[tuple[str, Value]] = [(slot, e.target) for e, (slot, _) in placed if slot not in ("", "subject", "object")]
        used: list[Mention] = [*words, *(e for e, (slot, _) in placed if slot), *consumed]
        role_score = sum(score for _, (slot, score) in placed if slot)
        for value in self.values:
            kind = next((k for k in relation.values if self.graph.kinds[k].kind in _value_slots(value)), None)
            if kind is not None and not any(k == kind for k, _ in values):
                values.append((kind, _parse(value)))
                used.append(value)
        if relation.titles:
            for title in self.titles:
                if title.target == relation.id and title not in used:
                    used.append(title)
            title = next((t.detail for t in self.titles if t.target == relation.id), None)
            if title is not None:
                values.append(("title", title))
        for attribute in self.attributes:
            if attribute.target in relation.values:
                values.append((attribute.target, attribute.detail))
                used.append(attribute)
        drafts: list[_Draft] = []
        asks = self._asks(relation, subject, obj, values, words)
        if not asks and self.form.focus and words:
            asks = [self.form.focus]  # the relation cannot give what is asked: kept, so it can be declined in its words
        for ask in asks:
            reading = Reading(relation.id, subject, obj, ask, tuple(values), notes=(f"{relation.id}",))
            extra: list[Mention] = []
            reading, extra = self._constrain(reading, relation, used)
            if self.focus_noun is not None and reading.ask:
                extra.append(self.focus_noun)

            mode = "yesno" if self.form.yesno and not ask else reading.mode
            reading = reading._replace(mode=mode)
            fit = self._fit(relation, ask) if ask != self.form.focus else -FOCUS_FIT
            near = self.form.focus_span[1] + SPECIFIC_REACH if self.form.focus_span else -1
            named_kind = [v for v in self.found.of("valueword") if v.target == ask and v.start <= near]  # "what occasion"
            if named_kind:
                fit += FOCUS_FIT
                extra += named_kind
            drafts.append(_Draft(reading, tuple(used + extra), bonus + role_score + fit))
        return drafts

    def _asks(
        self,
        relation: Relation,
        subject: tuple[str, ...],
        obj: tuple[str, ...],
        values: list[tuple[str, Value]],
        words: list[Mention],
    ) -> list[str]:
        """The slots the question may ask for, given its focus and what is already bound.

        A focus asks for the value kinds that answer it and for an open entity side whose types fit (the
        type noun after "which" narrows those). A question about an entity that names it already ("which
        company is MegaFon?") falls back to what a generic question would ask.
        """
        graph = self.graph
        bound = {k for k, _ in values} | ({"subject"} if subject else set()) | ({"object"} if obj else set())
        slots = [k for k in relation.values if k not in bound]
        sides = [(s, t) for s, t in (("object", relation.object_types), ("subject", relation.subject_types)) if t and s not in bound]
        if relation.symmetric and subject:
            sides.append(("subject", relation.subject_types))  # "which company partnered with Sberbank?": beside it
        if self.form.yesno or self.form.either:
            return [""]
        focus = self.form.focus
        if focus is None:
            form = next((w.detail for w in words if not w.weak), words[0].detail if words else "")
            if form == "agent" and "subject" not in bound:
                return ["subject"]
            if form == "patient" and "object" not in bound:
                return ["object"]
            return [*slots[:1], *(s for s, _ in sides[:1])] or [""]
        definition = graph.focus[focus]
        if definition.aggregate and self._counts_a_value():
            return [k for k in slots if graph.kinds[k].kind == definition.aggregate]
        asked = [k for k in slots if graph.fits_focus(k, focus)]
        asked += [slot for question, slot in relation.focus if question == focus and slot not in bound]
        if definition.generic and any(w.detail == "holding" for w in words):
            asked = [k for k in slots if graph.kinds[k].kind in NUMERIC] + asked  # "what is MegaFon's stake?"
        if "entity" in definition.expects:
            wanted = (self.form.focus_type,) if self.form.focus_type and ":" not in self.form.focus_type else definition.types
            fitting = [s for s, types in sides if not wanted or _types_overlap(types, wanted, graph)]
            entity_kinds = [k for k in slots if graph.kinds[k].kind == "entity" and wanted and _types_overlap(graph.kinds[k].types, wanted, graph)]
            fitting += [k for k in entity_kinds if k not in asked]
            if definition.generic:  # "what did they announce?": the object before where or at what event
                valued = [k for k in asked if graph.kinds[k].kind == "entity"]
                asked = [k for k in asked if k not in valued] + fitting + valued
            else:
                asked = fitting + asked
        if asked or not definition.expects == ("entity",) or not self._names_the_asked(wanted if "entity" in definition.expects else ()):
            return list(dict.fromkeys(asked))
        generic = {f.id for f in graph.focus.values() if f.generic}
        return [k for k in slots if any(graph.fits_focus(k, g) for g in generic)]

    def _names_the_asked(self, wanted: Sequence[str]) -> bool:
        """Whether the question names an entity of the kind it asks for ("what kind of company is MegaFon?")."""
        return any(not wanted or self.graph.is_a(e.target, wanted) for e in self.entities)

    def _fit(self, relation: Relation, ask: str) -> float:
        """How well the asked slot fits the question word: a value that answers it, or a side of exactly the
        types it wants, fully; a side that merely could hold such an entity, half."""
        focus = self.form.focus
        if not ask or focus is None or ask == focus:
            return 0.0
        if ask in self.graph.kinds:
            fits = self.graph.fits_focus(ask, focus) or ask in dict(relation.focus).values()
            loose = self.graph.kinds[ask].kind == "attribute"  # "where is X?": a nationality answers it only loosely
            return (FOCUS_FIT / 2 if loose else FOCUS_FIT) if fits else 0.0
        definition = self.graph.focus[focus]
        wanted = (self.form.focus_type,) if self.form.focus_type and ":" not in self.form.focus_type else definition.types
        allowed = relation.subject_types if ask == "subject" else relation.object_types
        narrow = not wanted or all(any(w in self.graph.ancestors.get(a, (a,)) for w in wanted) for a in allowed)
        return FOCUS_FIT if narrow else FOCUS_FIT / 2

    def _identifies(self, mention: Mention, bound: set[str]) -> bool:
        """'the forum in Vladivostok': a place right after a bound entity, tied to it by some fact, only says
        which one is meant."""
        if mention.start < 2 or self.tokens[mention.start - 1] not in LOCATIVE:
            return False
        before = next((e for e in self.entities if e.end == mention.start - 1 and e.target in bound), None)
        if before is None:
            return False
        return any(mention.target in f.entities or mention.target in [v for _, v in f.values]
                   for f in self.graph.facts_by_entity.get(before.target, ()))  # fmt: skip

    def _coordinated(self, entities: list[Mention]) -> bool:
        """Whether entities are joined as one phrase: "Alibaba and MegaFon", "Mail.ru, MegaFon or the RDIF"."""
        ordered = sorted(entities, key=lambda e: e.start)
        for left, right in zip(ordered, ordered[1:], strict=False):
            between = self.tokens[left.end : right.start]
            if not all(token in COORDINATION for token in between):
                return False
        return True

    def _partitive(self, entity: Mention) -> bool:
        """'How much of the new company ...', 'what share of X ...': the X is the whole, the object."""
        if self.form.focus_span is None:
            return False
        start, end = self.form.focus_span
        between = self.tokens[end - 1 if self.tokens[end - 1] == "of" else end : entity.start]
        return bool(between) and between[0] == "of" and all(t in ("of", "the", "a", "this", "new") for t in between)

    def _counts_a_value(self) -> bool:
        """'How many shares does Alibaba have?' counts a quantity, not the entities of a type."""
        if self.form.focus_span is None:
            return False
        end = self.form.focus_span[1]
        after = [m for m in self.found.mentions if m.start == end]
        return any(m.kind == "relation" and m.detail == "holding" for m in after) and not any(
            m.kind == "type" or (m.kind == "relation" and m.detail == "agent") for m in after
        )

    def _constrain(self, reading: Reading, relation: Relation, used: list[Mention]) -> tuple[Reading, list[Mention]]:
        """Types, attributes and aggregates that narrow an asked entity slot or a numeric value."""
        extra: list[Mention] = []
        in_entities = {i for e in self.entities for i in range(e.start, e.end)}
        used_spans = {m.span for m in used}
        verbs = [m.start for m in used if m.kind == "relation" and m.detail in ("verb", "passive")]
        limit = min(verbs) if verbs else len(self.tokens)
        if reading.ask in ("subject", "object"):
            types = [t for t in self.types if t.start not in in_entities and t.span not in used_spans and t.start < limit]
            allowed = relation.subject_types if reading.ask == "subject" else relation.object_types
            fitting = [t for t in types if _types_overlap(allowed, (t.target,), self.graph)]
            if fitting:
                reading = reading._replace(types=tuple(dict.fromkeys(t.target for t in fitting)))
                extra += fitting
            named_spans = {e.span for e in self.entities}
            attributes = [a for a in self.attributes if a not in used and a.start < limit and a.span not in named_spans]
            if attributes:
                reading = reading._replace(attributes=tuple((a.target, a.detail) for a in attributes))
                extra += attributes
            role = self.form.focus_type
            if role and role.startswith("role:"):
                reading = reading._replace(role=role[5:])
        numeric = [k for k in relation.values if self.graph.kinds[k].kind in NUMERIC]
        focus_def = self.graph.focus.get(self.form.focus or "")
        picks_entity = focus_def is not None and "entity" in focus_def.expects and not focus_def.generic
        aggregates = [a for a in self.aggregates if not ((a.target == MAJORITY or a.target in VALUE_RESULTS) and picks_entity)]
        if numeric and aggregates:
            aggregate = aggregates[0]
            against_value = any(k == numeric[0] for k, _ in reading.values)
            if aggregate.target in COMPARATIVES and against_value:
                both = {a.target for a in aggregates} >= set(COMPARATIVES)  # "more or less than 15 percent?"
                aggregate = aggregate._replace(target="compare" if both else aggregate.target)
            elif aggregate.target in COMPARATIVES:
                focus = self.graph.focus.get(self.form.focus or "")
                picks = focus is not None and "entity" in focus.expects and not focus.generic
                aggregate = aggregate._replace(target=COMPARATIVES[aggregate.target] if picks else "difference")
            ordinal = int(self.ordinals[0].detail) if self.ordinals else None
            mode = "yesno" if aggregate.target == MAJORITY else reading.mode
            target = next((float(v) for k, v in reading.values if k == numeric[0] and isinstance(v, float)), None)
            against = aggregate.target in ("closest", "compare", *COMPARATIVES)
            values = tuple((k, v) for k, v in reading.values if k != numeric[0]) if against else reading.values
            reading = reading._replace(aggregate=aggregate.target, ordinal=ordinal, mode=mode, target=target, values=values)
            extra += [aggregate, *self.ordinals[:1]]
        elif numeric and self.ordinals and reading.ask == "subject":
            reading = reading._replace(aggregate="max", ordinal=int(self.ordinals[0].detail))
            extra += self.ordinals[:1]
        counting = self.graph.focus[self.form.focus].aggregate if self.form.focus else None
        if counting and reading.aggregate is None and reading.ask in ("subject", "object"):
            reading = reading._replace(aggregate=counting)
        return reading, extra

    # --- selection: "which partner is the sovereign wealth fund?" ----------------------------------------
    def _select(self, entities: list[Mention], consumed: tuple[Mention, ...]) -> list[_Draft]:
        focus_type = self.form.focus_type
        focus = self.graph.focus.get(self.form.focus or "")
        if focus is None or focus.expects != ("entity",) or (focus_type is None and focus.needs_type):
            return []
        role = focus_type[5:] if focus_type and focus_type.startswith("role:") else None
        others = [m for m in self.relation_words if m not in consumed and not (m.target == role and m.detail == "agent")]
        if others or self.aggregates:
            return []
        kind = focus_type if focus_type and not role else None
        focus_end = self.form.focus_span[1] if self.form.focus_span else 0
        noun = [m for m in self.found.mentions if m.kind in ("type", "relation") and focus_end <= m.start <= focus_end + 3]
        constraint_types = [t for t in self.types if t not in noun]
        wanted = [kind] if kind else []
        options = tuple(e.target for e in entities if not wanted or self.graph.is_a(e.target, wanted))
        if not (constraint_types or self.attributes or options):
            return []
        relation = role or "describe"
        reading = Reading(
            relation,
            ask="subject",
            types=tuple(dict.fromkeys([*([kind] if kind else []), *(t.target for t in constraint_types)])),
            attributes=tuple((a.target, a.detail) for a in self.attributes),
            role=role,
            options=options,
            mode="select",
            notes=("select",),
        )
        used = [*noun, *constraint_types, *self.attributes, *(e for e in entities if e.target in options), *consumed]
        return [_Draft(reading, tuple(used), FOCUS_FIT)]

    # --- follow-ups -----------------------------------------------------------------------------------
    def _followups(self) -> list[_Draft]:
        """The previous reading carried over: "and Mail.ru?", "when?", "and the smallest?", "together?".

        New entities take the place of the previous ones of a fitting type; new values, aggregates,
        types and attributes replace or narrow the previous ones; a new question word asks a new slot.
        """
        previous = self.context.reading
        if previous is None:
            return []
        strong = [m for m in self.relation_words if not m.weak]
        if strong and not self.form.followup:
            return []
        relation = self.graph.relations.get(previous.relation)
        base = previous._replace(score=0.0, used=frozenset(), notes=("follow-up",), missed=(), words=(), excluded=())
        used: list[Mention] = []
        fresh = [e for e in self.entities if e not in self.context_entities]
        if previous.mode == "select":
            if not (self.types or self.attributes or fresh):
                return []
            reading = base._replace(
                types=tuple(t.target for t in self.types),
                attributes=tuple((a.target, a.detail) for a in self.attributes),
                members_of=previous.options or previous.members_of,
                options=tuple(e.target for e in fresh),
            )
            return [_Draft(reading, tuple([*self.types, *self.attributes, *fresh]), FOLLOWUP)]
        if relation is None:
            return []
        reading = base
        if fresh:
            targets = tuple(e.target for e in fresh)
            slot = self._slot_for(relation, previous, targets)
            if slot is None:
                return []
            reading = reading._replace(**{slot: targets})
            used += fresh
        kinds = {k: self.graph.kinds[k].kind for k in relation.values}
        values = dict(reading.values)
        for value in self.values:
            kind = next((k for k, v in kinds.items() if v in _value_slots(value)), None)
            if kind is not None:
                values[kind] = _parse(value)
                used.append(value)
        reading = reading._replace(values=tuple(values.items()))
        if self.aggregates:
            aggregate = self.aggregates[0].target
            ordinal = int(self.ordinals[0].detail) if self.ordinals else None
            mode = "yesno" if aggregate == MAJORITY else "answer"
            reading = reading._replace(aggregate=aggregate, ordinal=ordinal, mode=mode)
            if not fresh and aggregate not in VALUE_RESULTS:
                reading = reading._replace(subject=(), ask="subject")
            used += [*self.aggregates[:1], *self.ordinals[:1]]
        elif fresh and reading.aggregate in ("max", "min", "closest"):
            reading = reading._replace(aggregate=None)
        if self.form.focus and not fresh:
            asks = self._asks(relation, reading.subject, reading.object, list(reading.values), [])
            if asks and asks[0] != previous.ask:
                reading = reading._replace(ask=asks[0], aggregate=None, mode="answer")
            elif not asks:
                return []
        if self.types or self.attributes:
            reading = reading._replace(
                types=tuple(t.target for t in self.types), attributes=tuple((a.target, a.detail) for a in self.attributes)
            )
            used += [*self.types, *self.attributes]
        if self.form.yesno:
            reading = reading._replace(mode="yesno", ask="")
        return [_Draft(reading, tuple(used), FOLLOWUP)]

    def _slot_for(self, relation: Relation, previous: Reading, targets: tuple[str, ...]) -> str | None:
        """Where new entities go in a carried-over reading: the bound side they fit, else any side they fit."""
        sides = [("subject", relation.subject_types), ("object", relation.object_types)]
        fits = [s for s, types in sides if types and all(self.graph.is_a(t, types) for t in targets)]
        bound = [s for s in fits if getattr(previous, s)]
        open_sides = [s for s in fits if s != previous.ask]
        return (bound or open_sides or [None])[0]

    # --- scoring ----------------------------------------------------------------------------------------
    def score(self, draft: _Draft) -> Reading:
        """Add what the draft explains and subtract what it leaves out."""
        used_spans = {m.span for m in draft.used}
        used_positions = {i for m in draft.used for i in range(m.start, m.end)}
        total = draft.bonus
        for mention in draft.used:
            total += use_weight(mention, self.graph)
        missed = []
        reading = draft.reading
        bound = {*reading.subject, *reading.object, *(v for _, v in reading.values if isinstance(v, str))}
        for mention in self.primary:
            if mention.span in used_spans or mention.start in used_positions or mention in self.excluded:
                continue
            if any(a.start <= mention.start < a.end for a in self.attributed):
                continue
            if mention.kind == "entity" and (mention.target in bound or self._identifies(mention, bound)):
                used_positions |= set(range(mention.start, mention.end))  # named twice, or "the forum in Vladivostok"
                continue
            total -= miss_weight(mention, self.graph)
            missed.append(mention)
        focus = self.form.focus_span
        if focus:
            used_positions |= set(range(*focus))
        used_positions |= {i for e in [*self.excluded, *self.attributed] for i in range(e.start, e.end)}
        stop = self.stopwords
        words = tuple(t for i, t in enumerate(self.tokens) if i not in used_positions and t not in stop)
        excluded = tuple(e.target for e in self.excluded)
        strong = any(m.kind in ("relation", "title") and not m.weak for m in draft.used)
        return draft.reading._replace(
            score=round(total, 4), used=frozenset(used_positions), missed=tuple(missed), words=words, excluded=excluded,
            strong=strong,
        )  # fmt: skip


def miss_weight(mention: Mention, graph: Graph) -> float:
    """What leaving a mention out costs a reading."""
    return MISS[_weight_kind(mention, graph)]


def use_weight(mention: Mention, graph: Graph) -> float:
    """What using a mention adds to a reading."""
    return USE[_weight_kind(mention, graph)] * mention.score


def _weight_kind(mention: Mention, graph: Graph) -> str:
    if mention.kind == "relation":
        return "weak" if mention.weak else "agent" if mention.detail == "agent" else "relation"
    if mention.kind == "entity" and mention.target in graph.backdrops and mention.detail == "aside":
        return "backdrop"
    if mention.kind in VALUE_KINDS:
        return "value"
    return mention.kind if mention.kind in USE else "value"


def _aside(entity: Mention, tokens: tuple[str, ...], graph: Graph) -> Mention:
    """Mark the backdrop named after a preposition ("... in the deal", "... of the venture"): often mere context."""
    before = entity.start - 1
    while before >= 0 and tokens[before] in ("the", "a", "this", "that", "new"):
        before -= 1
    context = before >= 0 and tokens[before] in ASIDE
    if entity.target in graph.backdrops and not entity.detail and (context or graph.is_a(entity.target, SOURCE_TYPES)):
        return entity._replace(detail="aside")  # "how does the article describe him?": the article is the source
    return entity


def _attributed(entity: Mention, tokens: tuple[str, ...]) -> bool:
    """'... according to the RDIF chief': the source of a claim, not a part of it."""
    before = tokens[max(0, entity.start - 4) : entity.start]
    text = " ".join(before)
    return any(marker in text for marker in ATTRIBUTION)


def _focus_noun(found: Found, form: Form) -> Mention | None:
    """The type noun "which"/"what" asks about ("which fund"): it names the answer, not a relation."""
    if form.focus_type is None or form.focus_span is None:
        return None
    end = form.focus_span[1]
    nouns = [m for m in found.mentions if m.kind in ("type", "relation") and end <= m.start <= end + 3]
    return next((m for m in nouns if m.kind == "type" or m.detail == "agent"), None)


def _best_per_span(mentions: Iterable[Mention]) -> list[Mention]:
    """One entity per span: the best match (ties to the first in knowledge order)."""
    best: dict[tuple[int, int], Mention] = {}
    for mention in mentions:
        if mention.span not in best or mention.score > best[mention.span].score:
            best[mention.span] = mention
    return sorted(best.values(), key=lambda m: m.start)


def _value_slots(mention: Mention) -> tuple[str, ...]:
    return VALUE_KINDS.get(mention.kind, ())


def _parse(mention: Mention) -> Value:
    if mention.kind in ("percent", "year", "number"):
        return float(mention.target)
    return mention.target



def _types_overlap(allowed: Sequence[str], wanted: Sequence[str], graph: Graph) -> bool:
    """Whether a slot taking `allowed` types can hold an entity of one of the `wanted` types (or vice versa)."""
    for want in wanted:
        chain = graph.ancestors.get(want, (want,))
        if set(chain) & set(allowed):
            return True
        if any(want in graph.ancestors.get(a, (a,)) for a in allowed):
            return True
    return False
