"""Load a knowledge directory into validated records, reporting every problem at once.

A knowledge directory holds YAML files at any depth (read in path order) and the sources they cite.
The language layer (language/*.yaml) is shared by every article: a directory that has none of its own,
such as one holding only a new article, is read together with the bundled language layer.
"""

from __future__ import annotations

from pathlib import Path

from bot.errors import KnowledgeError, Problem
from bot.knowledge.article import read_entities, read_facts, read_sources
from bot.knowledge.checks import check_knowledge
from bot.knowledge.disk import knowledge_files
from bot.knowledge.draft import Draft
from bot.knowledge.fields import Fields
from bot.knowledge.files import read_yaml
from bot.knowledge.language import read_language
from bot.knowledge.model import Knowledge

LANGUAGE_SECTIONS = (
    "language", "messages", "focus", "yesno_openers", "yesno_closers", "either_or", "types", "values",
    "attributes", "relations", "aggregates", "majority_threshold", "smalltalk", "advice_cues",
)  # fmt: skip
ARTICLE_SECTIONS = ("sources", "entities", "facts", "source")
SECTIONS = LANGUAGE_SECTIONS + ARTICLE_SECTIONS


def bundled_language_dir() -> Path:
    """The language layer shipped with the package (inside the wheel, or beside it in a checkout)."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_knowledge" / "language", package.parent / "knowledge" / "language"):
        if candidate.is_dir():
            return candidate
    return package / "_knowledge" / "language"


def load_knowledge(root: Path | str) -> Knowledge:
    """Load and validate a knowledge directory; raise KnowledgeError listing every problem."""
    base = Path(root)
    if not base.is_dir():
        raise KnowledgeError([Problem(str(root), 0, "knowledge directory not found")])
    files = knowledge_files(base)
    if not files:
        raise KnowledgeError([Problem(str(root), 0, "no *.yaml files in the knowledge directory")])
    draft = Draft()
    for path in files:
        _read_file(draft, path, path.relative_to(base).as_posix())
    if not draft.has("relations"):
        language = bundled_language_dir()
        if language.is_dir() and language.resolve() != base.resolve():
            shared = [
                (path, f"(bundled language)/{path.relative_to(language).as_posix()}")
                for path in knowledge_files(language)
            ]
            own = draft.files
            draft.files = []
            for path, shown in shared:
                _read_file(draft, path, shown)
            draft.files += own
    language_layer = read_language(draft)
    sources = read_sources(draft, base)
    entities = read_entities(draft, language_layer)
    facts = read_facts(draft, language_layer, entities, sources)
    knowledge = Knowledge(str(base), language_layer, tuple(sources), tuple(entities.values()), tuple(facts))
    if not draft.problems:
        check_knowledge(knowledge, draft.problems, draft.origins)
    if draft.problems:
        raise KnowledgeError(sorted(set(draft.problems)))
    return knowledge


def _read_file(draft: Draft, path: Path, shown: str) -> None:
    try:
        document = read_yaml(path, shown)
    except KnowledgeError as error:
        draft.problems.extend(error.problems)
        return
    top = Fields(draft.problems, shown, document, "file")
    top.only(*SECTIONS)
    draft.files.append((shown, str(path.parent), top))
