"""The fact graph as lookup tables, built once: entities by id, facts by relation and by entity, types."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from bot.knowledge.model import Entity, Fact, FocusDef, Knowledge, Relation, ValueKind
from bot.understand.normalize import simplify

MIN_BASE = 4  # a word's base is kept only this long or longer ("east" of "eastern", never "ch" of "chinese")


class Graph(NamedTuple):
    """Everything the answering side looks up, keyed so a question never scans all facts."""

    entities: dict[str, Entity]
    relations: dict[str, Relation]
    kinds: dict[str, ValueKind]
    focus: dict[str, FocusDef]
    ancestors: dict[str, tuple[str, ...]]  # a type and every type above it
    facts_by_relation: dict[str, tuple[Fact, ...]]
    facts_by_entity: dict[str, tuple[Fact, ...]]
    groups_of: dict[str, tuple[str, ...]]
    order: dict[str, int]  # a fact's position in the knowledge, for ties
    fact_by_id: dict[str, Fact]
    fact_words: dict[str, frozenset[str]]  # the words of each fact's answer and cited sentences
    cited_words: frozenset[str]  # the words of every fact's answer and cited sentences: all any answer can show
    mentioned: frozenset[str]  # every entity some fact mentions in passing
    backdrops: tuple[str, ...]
    focus_ancestors: dict[str, tuple[str, ...]]
    describes: str  # the relation that says what an entity is ("describe")
    within: dict[str, tuple[str, ...]]  # every place a place lies in (Vladivostok: Russia)
    aggregate_words: dict[str, frozenset[str]]  # each derived operation's single words ("max": largest, biggest)
    answers: dict[str, frozenset[str]]  # by value kind: every focus it answers (a day: day, date, when)
    named_in_text: frozenset[str]  # entities the sources call by their name ("RDIF"), not only by our label

    def fits_focus(self, kind: str, focus: str) -> bool:
        """Whether a value of this kind answers a question with this focus (a request as what it asks under)."""
        answers = self.answers.get(kind, frozenset())
        definition = self.focus.get(focus)
        while definition is not None:
            if definition.id in answers:
                return True
            definition = self.focus.get(definition.parent or "") if definition.generic else None
        return False

    def is_a(self, entity: str, types: Iterable[str]) -> bool:
        """Whether an entity has one of the types (or a type below one of them); groups by their members."""
        found = self.entities[entity]
        wanted = set(types)
        if wanted & set(self.ancestors.get(found.type, (found.type,))):
            return True
        return bool(found.members) and "group" not in wanted and all(self.is_a(m, wanted) for m in found.members)

    def is_anything(self, type_id: str) -> bool:
        """Whether a type is one for anything at all (the root, with nothing above it): "which ONE", "[entity]"."""
        return len(self.ancestors.get(type_id, ())) <= 1

    def members(self, entity: str) -> tuple[str, ...]:
        """A group's members, or the entity itself."""
        return self.entities[entity].members or (entity,)

    def name(self, entity: str) -> str:
        """How answers write an entity."""
        return self.entities[entity].name if entity in self.entities else entity


def build_graph(knowledge: Knowledge) -> Graph:
    """Index the knowledge's facts and types."""
    language = knowledge.language
    parents = {t.id: t.parent for t in language.types}
    ancestors = {t: tuple(lineage(t, parents)) for t in parents}
    focus_parents = {f.id: f.parent for f in language.focus}
    by_relation: dict[str, list[Fact]] = defaultdict(list)
    by_entity: dict[str, list[Fact]] = defaultdict(list)
    entity_kinds = {v.id for v in language.values if v.kind == "entity"}
    for fact in knowledge.facts:
        by_relation[fact.relation].append(fact)
        values = [str(v) for k, v in fact.values if k in entity_kinds]
        for entity in dict.fromkeys([*fact.entities, *values]):
            by_entity[entity].append(fact)
    groups: dict[str, list[str]] = defaultdict(list)
    for group in knowledge.entities:
        for member in group.members:
            groups[member].append(group.id)
    endings = dict(language.word_classes).get("derivational_endings", ())
    directions = dict(language.word_classes).get("directions", ())
    fact_words = {fact.id: _words(fact, endings, directions) for fact in knowledge.facts}
    return Graph(
        entities={e.id: e for e in knowledge.entities},
        relations={r.id: r for r in language.relations},
        kinds={v.id: v for v in language.values},
        focus={f.id: f for f in language.focus},
        ancestors=ancestors,
        facts_by_relation={k: tuple(v) for k, v in by_relation.items()},
        facts_by_entity={k: tuple(v) for k, v in by_entity.items()},
        groups_of={k: tuple(v) for k, v in groups.items()},
        order={fact.id: i for i, fact in enumerate(knowledge.facts)},
        fact_by_id={fact.id: fact for fact in knowledge.facts},
        fact_words=fact_words,
        cited_words=frozenset().union(*fact_words.values()),
        mentioned=frozenset(e for fact in knowledge.facts for e in fact.mentions),
        backdrops=tuple(e.id for e in knowledge.entities if e.backdrop),
        focus_ancestors={f: tuple(lineage(f, focus_parents)) for f in focus_parents},
        describes=next((r.id for r in language.relations if r.describes), ""),
        within=_within(knowledge),
        aggregate_words={a.id: frozenset(w for w in a.words if " " not in w) for a in language.aggregates},
        answers={v.id: frozenset(a for f in v.answers for a in lineage(f, focus_parents)) for v in language.values},
        named_in_text=_named_in_text(knowledge),
    )


def _named_in_text(knowledge: Knowledge) -> frozenset[str]:
    """Entities whose name, past a leading article, a source uses as written: "the RDIF" is the article's own
    name for the fund; "the Sberbank-Yandex tie-up" is only our label for a deal it never names."""
    articles = set(knowledge.language.articles)
    found = set()
    for entity in knowledge.entities:
        words = entity.name.split()
        while len(words) > 1 and words[0].lower() in articles:
            words = words[1:]
        if any(" ".join(words) in source.text for source in knowledge.sources):
            found.add(entity.id)
    return frozenset(found)


def _within(knowledge: Knowledge) -> dict[str, tuple[str, ...]]:
    """From the facts of locating relations, every place each thing lies in, the nearest first."""
    locating = {r.id for r in knowledge.language.relations if r.locates}
    direct: dict[str, list[str]] = defaultdict(list)
    for fact in knowledge.facts:
        if fact.relation in locating:
            for subject in fact.subjects:
                direct[subject] += [o for o in fact.objects if o not in direct[subject]]
    within: dict[str, tuple[str, ...]] = {}
    for start in sorted(direct):
        found: list[str] = []
        queue = list(direct[start])
        while queue:
            place = queue.pop(0)
            if place != start and place not in found:
                found.append(place)
                queue += direct.get(place, [])
        within[start] = tuple(found)
    return within


def _words(fact: Fact, endings: tuple[str, ...] = (), directions: tuple[str, ...] = ()) -> frozenset[str]:
    """The words of a fact's answer and cited sentences, and each word's base where it ends in a derivational
    ending ("eastern": east), so "the far east" finds "far eastern" said. A fact naming a compass point
    speaks to every other one ("far west?" is answered, No, by "far eastern")."""
    words = set(simplify(" ".join([fact.answer, *(c.sentence for c in fact.citations)])).split())
    bases = {w[: -len(e)] for w in words for e in endings if w.endswith(e) and len(w) - len(e) >= MIN_BASE}
    if (words | bases) & set(directions):
        bases |= set(directions) | {d + e for d in directions for e in endings}
    return frozenset(words | bases)


def lineage(start: str, parents: dict[str, str | None]) -> list[str]:
    """A type (or focus) and every one above it, nearest first; a loop stops where it closes."""
    chain: list[str] = []
    current: str | None = start
    while current is not None and current not in chain:
        chain.append(current)
        current = parents.get(current)
    return chain
