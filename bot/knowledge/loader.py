"""Load a knowledge directory into validated records, reporting every problem at once."""

from __future__ import annotations

from pathlib import Path

from bot.errors import KnowledgeError, Problem
from bot.knowledge.consistency import check_consistency
from bot.knowledge.disk import escapes, knowledge_files
from bot.knowledge.draft import Draft
from bot.knowledge.fields import Fields
from bot.knowledge.files import read_text, read_yaml
from bot.knowledge.model import Knowledge, Source, make_knowledge
from bot.knowledge.sentences import split_sentences
from bot.knowledge.statements import read_facts, read_rules
from bot.knowledge.vocabulary import read_entities, read_families, read_intents, read_language

SECTIONS = ("sources", "language", "entities", "families", "intents", "facts", "rules", "source")
RECORD_NAMES = {
    "sources": "source",
    "entities": "entity",
    "families": "family",
    "intents": "intent",
    "facts": "fact",
    "rules": "rule",
}


def load_knowledge(root: Path | str) -> Knowledge:
    """Load and validate a knowledge directory; raise KnowledgeError listing every problem."""
    base = Path(root)
    draft = Draft()
    if not base.is_dir():
        raise KnowledgeError([Problem(str(root), 0, "knowledge directory not found")])
    files = knowledge_files(base)
    if not files:
        raise KnowledgeError([Problem(str(root), 0, "no *.yaml files in the knowledge directory")])
    for path in files:
        _read_file(draft, path, path.name)
    sources = _sources(draft, base)
    language = read_language(draft)
    indexes = {source.id: split_sentences(source.id, source.text, language.abbreviations) for source in sources}
    entities = read_entities(draft)
    families = read_families(draft)
    intents = read_intents(draft, families, language)
    facts = read_facts(draft, indexes, entities, intents, frozenset(q.id for q in language.qtypes))
    rules = read_rules(draft, entities, intents)
    check_consistency(draft.problems, entities, facts, draft.origins)
    if draft.problems:
        raise KnowledgeError(sorted(set(draft.problems)))
    return make_knowledge(
        str(base),
        sources=tuple(sources),
        entities=tuple(entities.values()),
        intents=tuple(intents.values()),
        families=tuple(families.items()),
        facts=tuple(facts),
        rules=tuple(rules),
        language=language,
    )


def _read_file(draft: Draft, path: Path, shown: str) -> None:
    try:
        document = read_yaml(path, shown)
    except KnowledgeError as error:
        draft.problems.extend(error.problems)
        return
    top = Fields(draft.problems, shown, document, "file")
    top.only(*SECTIONS)
    source = top.text("source", required=False)
    if source:
        draft.default_source[shown] = source
    for section in SECTIONS[:-1]:
        if section == "language":
            if section in document:
                draft.sections[section].append((shown, Fields(draft.problems, shown, top.mapping(section), section)))
            continue
        for item in top.records(section):
            draft.sections[section].append((shown, Fields(draft.problems, shown, item, RECORD_NAMES[section])))


def _sources(draft: Draft, base: Path) -> list[Source]:
    sources: list[Source] = []
    for _, record in draft.sections["sources"]:
        record.only("id", "file", "title", "examples")
        ident, file, title = record.text("id"), record.text("file"), record.text("title")
        if not draft.unique("source", record, ident) or file is None or ident is None:
            continue
        if escapes(base, base / file):
            record.problem(record.where("file"), f"source file {file!r} must lie inside the knowledge directory")
            continue
        try:
            text = read_text(base / file, f"{record.file}:{record.where('file')}: {file}")
            sources.append(Source(ident, title or ident, text, record.texts("examples")))
        except KnowledgeError as error:
            record.problem(record.where("file"), f"source {ident!r}: {error.problems[0].message}: {file}")
    if not sources and not any(p.message.startswith("source") for p in draft.problems):
        draft.problems.append(Problem("(knowledge)", 0, "no sources defined: add a 'sources' section"))
    return sources
