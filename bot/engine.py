"""The library's working object: loaded knowledge, its lookup tables, and the question-answering path."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import NamedTuple

from bot.answer.model import Answer, Explanation
from bot.answer.respond import Setting, respond
from bot.conversation import Context, Conversation
from bot.knowledge import cache, disk
from bot.knowledge.graph import Graph, build_graph
from bot.knowledge.model import (
    Aggregate,
    AttributeDef,
    Citation,
    Entity,
    Fact,
    FocusDef,
    Knowledge,
    Language,
    Relation,
    RelationWord,
    SmallTalk,
    Source,
    TypeDef,
    ValueKind,
)  # fmt: skip
from bot.understand.grammar import Grammar
from bot.understand.lexicon import Lexicon, Phrase, Vocabulary, build_lexicon
from bot.understand.normalize import tokenize

MAX_QUESTION_CHARS = 2000  # longer questions are declined at once, so work stays bounded


class Index(NamedTuple):
    """Everything built once from the knowledge: the fact graph and the lexicon."""

    graph: Graph
    lexicon: Lexicon


def build_index(knowledge: Knowledge) -> Index:
    """Build the fact graph and the lexicon for a knowledge base."""
    return Index(build_graph(knowledge), build_lexicon(knowledge))


class Bot:
    """Answers questions from one knowledge directory.

    `ask` is stateless and thread-safe: the knowledge and index are never changed after loading,
    and answering keeps no shared mutable state, so many threads may share one Bot.
    """

    def __init__(self, knowledge: Knowledge, index: Index | None = None) -> None:
        self.knowledge = knowledge
        self.index: Index = index if index is not None else build_index(knowledge)

    def answer(self, question: str, context: Context) -> tuple[Answer, Context]:
        """Answer one question in a context; return the answer and the next context."""
        language = self.knowledge.language
        if len(question) > MAX_QUESTION_CHARS:
            text = language.message("too_long").format(length=len(question), limit=MAX_QUESTION_CHARS)
            return Answer(question, False, text, explanation=Explanation("", reason="too long")), context
        lexicon = self.index.lexicon
        words = tokenize(question, lexicon.rewrites, lexicon.symbols, lexicon.abbreviations, lexicon.shorthand)
        return respond(question, words, Setting(self.knowledge, self.index.graph, lexicon), context)

    def ask(self, question: str) -> Answer:
        """Answer one question with no conversation context."""
        return self.answer(question, Context())[0]

    def conversation(self) -> Conversation:
        """Start a conversation that remembers context for follow-ups."""
        return Conversation(self)


_bundled: Bot | None = None
_bundled_lock = threading.Lock()


def bundled_knowledge_dir() -> Path:
    """The knowledge shipped with the package (inside the wheel, or beside it in a checkout)."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "_knowledge", package.parent / "knowledge"):
        if candidate.is_dir():
            return candidate
    return package / "_knowledge"


def bundled() -> Bot:
    """The bot on the bundled knowledge, loaded once on first use."""
    global _bundled
    if _bundled is None:
        with _bundled_lock:
            if _bundled is None:
                _bundled = load(bundled_knowledge_dir())
    return _bundled


# The record classes the compiled-knowledge cache may rebuild, and nothing else: register new ones here.
CACHED_RECORDS: tuple[type, ...] = (
    Knowledge, Language, Source, TypeDef, FocusDef, ValueKind, AttributeDef, RelationWord, Relation, Aggregate,
    SmallTalk, Entity, Fact, Citation, Index, Graph, Lexicon, Phrase, Vocabulary, Grammar,
)  # fmt: skip


def load(path: str | Path, *, use_cache: bool | None = None) -> Bot:
    """Load a knowledge directory; raise KnowledgeError listing its problems.

    A valid directory's compiled form is cached by content hash (see `bot.knowledge.cache`), so the
    next load of unchanged files is fast; `use_cache=False` (or DEALBOT_CACHE=0) skips the cache.
    """
    root = Path(path)
    if not (cache.enabled() if use_cache is None else use_cache):
        return Bot(_parse(root))
    snapshot = disk.read_all(disk.knowledge_files(root)) if root.is_dir() else None
    if not snapshot:  # nothing to key on, or a file that cannot be read: the loader says what is wrong
        return Bot(_parse(root))
    key = cache.content_key(root, snapshot)
    cached = cache.read(key, CACHED_RECORDS) if key is not None else None
    if isinstance(cached, tuple) and len(cached) == 2:
        knowledge, index = cached
        if isinstance(knowledge, Knowledge) and isinstance(index, Index):
            return Bot(knowledge, index)
    with disk.logging_reads(snapshot) as reads:  # parse the very bytes the key was computed from
        bot = Bot(_parse(root))
    if key is not None and not reads.preloaded:  # every file in the key was parsed
        others = {path: digest for path, digest in reads.digests.items() if path not in snapshot}
        cache.write(key, (bot.knowledge, bot.index), CACHED_RECORDS, files=others)
    return bot


def _parse(root: Path) -> Knowledge:
    from bot.knowledge.loader import load_knowledge  # YAML is imported only when files are parsed

    return load_knowledge(root)
