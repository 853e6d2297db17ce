"""Read one article's layer: its sources, its typed entities and its facts as relation triples."""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.disk import escapes
from bot.knowledge.draft import Draft
from bot.knowledge.fields import Fields
from bot.knowledge.files import read_text
from bot.knowledge.model import Citation, Entity, Fact, Language, Relation, Source, ValueKind
from bot.knowledge.sentences import SentenceIndex, split_sentences
from bot.understand.normalize import simplify

GROUP = "group"  # the type of an entity made of members; it fits a slot when all its members do


def read_sources(draft: Draft, root: Path) -> list[Source]:
    """Every source with its verbatim text; a file must lie inside the knowledge directory."""
    sources: list[Source] = []
    for directory, record in draft.records("sources", "source"):
        record.only("id", "file", "title", "examples")
        ident, file, title = record.text("id"), record.text("file"), record.text("title")
        if not draft.unique("source", record, ident) or file is None or ident is None:
            continue
        path = Path(directory) / file
        if escapes(root, path):
            record.problem(record.where("file"), f"source file {file!r} must lie inside the knowledge directory")
            continue
        try:
            text = read_text(path, f"{record.file}:{record.where('file')}: {file}")
        except Exception as error:  # a KnowledgeError naming the file; kept as one problem of this record
            problems = getattr(error, "problems", None)
            message = problems[0].message if problems else str(error)
            record.problem(record.where("file"), f"source {ident!r}: {message}: {file}")
            continue
        sources.append(Source(ident, title or ident, text, record.texts("examples")))
    return sources


class _Types:
    """The type hierarchy: which types lie under which."""

    def __init__(self, language: Language) -> None:
        self.parent = {t.id: t.parent for t in language.types}

    def ancestors(self, type_id: str) -> list[str]:
        chain: list[str] = []
        current: str | None = type_id
        while current is not None and current not in chain:
            chain.append(current)
            current = self.parent.get(current)
        return chain


def read_entities(draft: Draft, language: Language) -> dict[str, Entity]:
    """Entities with unique ids, known types, aliases that name only one entity, known group members."""
    entities: dict[str, Entity] = {}
    owners: dict[str, str] = {}
    type_ids = {t.id for t in language.types}
    records = list(draft.records("entities", "entity"))
    for _, record in records:
        record.only("id", "name", "type", "aliases", "members", "backdrop", "descriptors", "attributes")
        ident, name, kind = record.text("id"), record.text("name"), record.text("type")
        if kind is not None and type_ids and kind not in type_ids:
            record.problem(record.where("type"), f"entity type {kind!r} is not a type in the language layer")
        descriptors = [d.get("text") for d in record.data.get("descriptors") or [] if isinstance(d, dict)]
        aliases = [name or "", *record.texts("aliases"), *(d for d in descriptors if isinstance(d, str))]
        if not draft.unique("entity", record, ident) or ident is None or name is None:
            continue
        kept: list[str] = []
        for alias in aliases:
            key = _alias_key(alias, language.articles)
            if not key:
                if alias:
                    record.problem(record.where("aliases"), f"alias {alias!r} has no letters or digits")
                continue
            if owners.setdefault(key, ident) != ident:
                record.problem(record.where("aliases"), f"alias {alias!r} also names entity {owners[key]!r}")
                continue
            kept.append(alias)
        entities[ident] = Entity(
            ident, name, kind or "entity", tuple(dict.fromkeys(kept)), record.texts("members"), record.flag("backdrop")
        )
    for _, record in records:
        record.check_known("members", record.texts("members"), entities, "member")
    return entities


def _alias_key(alias: str, articles: tuple[str, ...]) -> str:
    words = simplify(alias).split()
    while len(words) > 1 and words[0] in articles:
        words = words[1:]
    return " ".join(words)


class _FactReader:
    """Reads fact records (and the facts entities carry) with every reference and value checked."""

    def __init__(self, draft: Draft, language: Language, entities: dict[str, Entity], sources: list[Source]) -> None:
        self.draft = draft
        self.language = language
        self.entities = entities
        self.relations = {r.id: r for r in language.relations}
        self.kinds = {v.id: v for v in language.values}
        self.types = _Types(language)
        self.indexes: dict[str, SentenceIndex] = {
            s.id: split_sentences(s.id, s.text, language.abbreviations) for s in sources
        }
        self.declared = {ident for kind, ident in draft.seen_ids if kind == "source"}

    def fits(self, entity: str, allowed: tuple[str, ...]) -> bool:
        """Whether an entity (or every member of a group) has one of the allowed types."""
        found = self.entities.get(entity)
        if found is None:  # an unknown id is reported where it is referenced, not here
            return True
        if found.type == GROUP and GROUP not in allowed:
            return bool(found.members) and all(self.fits(m, allowed) for m in found.members)
        return bool(set(self.types.ancestors(found.type)) & set(allowed))

    def citations(self, record: Fields, ident: str, source: str | None, key: str = "cite") -> tuple[Citation, ...]:
        """Whole cited sentences for the record's quotes; each quote must occur exactly once."""
        quotes = record.texts(key, required=True)
        if source is None and len(self.indexes) == 1:
            source = next(iter(self.indexes))
        if source is None or source not in self.indexes:
            if source not in self.declared and (source is not None or self.indexes):
                record.problem(record.where(key), f"{ident!r} cites unknown source {source!r}")
            return ()
        found: list[Citation] = []
        for quote in quotes:
            try:
                found.extend(self.indexes[source].cite(quote))
            except ValueError as error:
                record.problem(record.where(key), f"{ident!r} quote {quote!r} {error} of {source!r}")
        return tuple(dict.fromkeys(found))

    def value(self, record: Fields, kind: ValueKind, raw: object) -> str | float | None:
        """A fact value checked against its kind; None (with a problem) when it does not fit."""
        where = record.where(kind.id)
        if kind.kind in ("number", "year", "count"):
            whole = kind.kind in ("year", "count")
            return record.number(kind.id, minimum=kind.low, maximum=kind.high, whole=whole)
        if not isinstance(raw, str) or not raw.strip():
            record.problem(where, f"{kind.id} must be text")
            return None
        word = simplify(raw)
        if kind.kind == "weekday" and word not in self.language.weekdays:
            record.problem(where, f"{kind.id} {raw!r} is not a weekday")
        elif kind.kind == "month" and word not in self.language.months:
            record.problem(where, f"{kind.id} {raw!r} is not a month")
        elif kind.kind == "entity":
            record.check_known(kind.id, [raw], self.entities, "entity")
            return raw
        elif kind.kind == "attribute":
            known = {v for a in self.language.attributes if a.id == kind.id for v, _ in a.values}
            if word not in known:
                record.problem(where, f"{kind.id} {raw!r} is not a known value ({', '.join(sorted(known))})")
            return word
        else:
            return raw.strip() if kind.kind == "text" else word
        return word

    def read(self, source_of: dict[str, str]) -> list[Fact]:
        """Every fact: the entities' descriptors and attributes, then the facts sections."""
        facts = self._entity_facts(source_of)
        for _, record in self.draft.records("facts", "fact"):
            fact = self._fact(record, source_of.get(record.file))
            if fact is not None:
                facts.append(fact)
        return facts

    def _fact(self, record: Fields, default_source: str | None) -> Fact | None:
        relation = self.relations.get(record.text("relation") or "")
        kinds = relation.values if relation else ()
        record.only(
            "id", "relation", "subject", "object", "answer", "cite", "mentions", "complete", "source", "reported_by",
            "withheld", *kinds,
        )  # fmt: skip
        ident = record.text("id")
        if relation is None:
            if record.data.get("relation") is not None:
                record.check_known("relation", [str(record.data["relation"])], self.relations, "relation")
            return None
        subjects, objects = record.texts("subject", required=True), record.texts("object")
        mentions = record.texts("mentions")
        for key, refs in (("subject", subjects), ("object", objects), ("mentions", mentions)):
            record.check_known(key, refs, self.entities, "entity")
        for key, refs, allowed in (
            ("subject", subjects, relation.subject_types),
            ("object", objects, relation.object_types),
        ):
            for ref in refs:
                if ref in self.entities and not self.fits(ref, allowed):
                    record.problem(
                        record.where(key),
                        f"{ref!r} ({self.entities[ref].type}) cannot be the {key} of {relation.id!r}"
                        f" (takes {', '.join(allowed) or 'nothing'})",
                    )
        if objects and not relation.object_types:
            record.problem(record.where("object"), f"relation {relation.id!r} takes no object")
        values = []
        for kind_id in kinds:
            if kind_id in record.data:
                value = self.value(record, self.kinds[kind_id], record.data[kind_id])
                if value is not None:
                    values.append((kind_id, value))
        source = record.text("source", required=False) or default_source
        citations = self.citations(record, str(ident), source)
        answer = record.text("answer", required=False)
        if answer is None:
            answer = self.template(relation, subjects, objects, values)
        reported_by = record.text("reported_by", required=False) or ""
        if reported_by and citations and not any(reported_by in c.sentence for c in citations):
            record.problem(record.where("reported_by"), f"reported_by {reported_by!r} is in no cited sentence")
        if not self.draft.unique("fact", record, ident) or ident is None:
            return None
        self.draft.origins[ident] = (record.file, record.line)
        return Fact(
            ident, relation.id, subjects, objects, tuple(values), answer.strip(), citations, mentions,
            record.flag("complete"), reported_by=reported_by, withheld=record.flag("withheld"),
        )  # fmt: skip

    def template(
        self,
        relation: Relation,
        subjects: tuple[str, ...],
        objects: tuple[str, ...],
        values: list[tuple[str, str | float]],
    ) -> str:
        """The relation's answer sentence for a fact that gives none of its own."""
        shown = {key: self.show(key, value) for key, value in values}
        key = next((k for k, _ in values if dict(relation.says).get(k)), None)
        names = [self.entities[s].name for s in subjects if s in self.entities]
        others = [self.entities[o].name for o in objects if o in self.entities]
        text = relation.say(key).format(
            subject=" and ".join(names), subjects=" and ".join(names), object=" and ".join(others),
            objects=" and ".join(others), **shown,
        )  # fmt: skip
        return text[:1].upper() + text[1:]

    def show(self, key: str, value: str | float) -> str:
        """A value as an answer writes it: numbers without '.0', entities by name, words capitalised."""
        kind = self.kinds[key].kind
        if isinstance(value, float):
            return f"{value:g}"
        if kind == "entity":
            return self.entities[value].name if value in self.entities else value
        if kind in ("weekday", "month", "attribute"):
            return value.title()
        return value

    def named_in(self, answer: str, about: str) -> tuple[str, ...]:
        """The other entities a description's answer names by their own name ("... who founded Alibaba"): it
        mentions them, so a follow-up's "it" may mean them."""
        words = f" {simplify(answer)} "
        named = set()
        for entity in sorted(self.entities.values(), key=lambda e: (-len(simplify(e.name)), e.id)):
            name = f" {simplify(entity.name)} "
            if name.strip() and name in words:  # longest names first: "AliExpress Russia" is not "AliExpress"
                named.add(entity.id)
                words = words.replace(name, " | ")
        return tuple(e for e in self.entities if e in named and e != about)

    def _entity_facts(self, source_of: dict[str, str]) -> list[Fact]:
        """Each entity's descriptors and attributes as facts of `describe` and of the attribute's relation."""
        facts: list[Fact] = []
        for _, record in self.draft.records("entities", "entity"):
            ident = record.data.get("id")
            if not isinstance(ident, str) or ident not in self.entities:
                continue
            for number, item in enumerate(record.data.get("descriptors") or [], start=1):
                entry = Fields(self.draft.problems, record.file, item, "descriptor")
                entry.only("text", "cite", "answer")
                text = entry.text("text")
                describe = next((r for r in self.relations.values() if r.describes), None)
                if text is None or describe is None:
                    continue
                citations = self.citations(entry, f"{ident} descriptor {number}", source_of.get(record.file))
                values: list[tuple[str, str | float]] = [(describe.values[0] if describe.values else "text", text)]
                answer = entry.text("answer", required=False) or self.template(describe, (ident,), (), values)
                fact_id = f"{ident}.{describe.id}.{number}"
                named = self.named_in(answer, ident)
                facts.append(Fact(fact_id, describe.id, (ident,), (), tuple(values), answer, citations, named=named))
            for name, item in record.mapping("attributes").items():
                entry = Fields(self.draft.problems, record.file, item, "attribute")
                entry.only("value", "cite", "answer")
                relation = self.relations.get(name)
                if relation is None or name not in self.kinds:
                    record.problem(record.where("attributes"), f"attribute {name!r} is not a relation with that value")
                    continue
                raw = entry.data.get("value")
                value = self.value(entry, self.kinds[name], raw) if raw is not None else None
                if value is None:
                    entry.problem(entry.line, f"attribute {name!r} needs a value")
                    continue
                citations = self.citations(entry, f"{ident} {name}", source_of.get(record.file))
                answer = entry.text("answer", required=False) or self.template(relation, (ident,), (), [(name, value)])
                facts.append(Fact(f"{ident}.{name}", name, (ident,), (), ((name, value),), answer, citations))
        return facts


def read_facts(draft: Draft, language: Language, entities: dict[str, Entity], sources: list[Source]) -> list[Fact]:
    """Every fact of the article, each checked against its relation and cited verbatim.

    A fact cites the source its file names (`source:`), else the one source defined in its directory.
    """
    here: dict[str, list[str]] = {}
    for directory, record in draft.records("sources", "source"):
        ident = record.data.get("id")
        if isinstance(ident, str):
            here.setdefault(directory, []).append(ident)
    source_of: dict[str, str] = {}
    for shown, directory, top in draft.files:
        source = top.text("source", required=False) if "source" in top.data else None
        local = here.get(directory, [])
        if source or len(local) == 1:
            source_of[shown] = source or local[0]
    return _FactReader(draft, language, entities, sources).read(source_of)
