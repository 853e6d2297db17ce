"""The library's working object: loaded knowledge plus the question-answering path."""

from __future__ import annotations

import threading
from pathlib import Path

from bot.answer.model import Answer, Citation, Explanation
from bot.answer.resolver import Context, resolve
from bot.knowledge import cache, disk
from bot.knowledge.index import Index, Phrase, Vocabulary, build_index
from bot.knowledge.model import Entity, Fact, Intent, Knowledge, Language, QuestionType, Rule, Source
from bot.understand.matcher import match
from bot.understand.normalize import tokenize

MAX_QUESTION_CHARS = 2000  # longer questions are declined at once, so work stays bounded


class Bot:
    """Answers questions from one knowledge directory.

    `ask` is stateless and thread-safe: the knowledge and index are never changed after loading,
    and the matcher keeps no shared mutable state, so many threads may share one Bot.
    """

    def __init__(self, knowledge: Knowledge, index: Index | None = None) -> None:
        self.knowledge = knowledge
        self.index: Index = index if index is not None else build_index(knowledge)
        self._rewrites = dict(knowledge.language.rewrites)
        self._symbols = {ord(symbol): f" {word} " for symbol, word in knowledge.language.symbols}

    def answer(self, question: str, context: Context) -> tuple[Answer, Context]:
        """Answer one question in a context; return the answer and the next context."""
        if len(question) > MAX_QUESTION_CHARS:
            text = self.knowledge.language.message("too_long").format(length=len(question), limit=MAX_QUESTION_CHARS)
            return Answer(question, False, text, explanation=Explanation("", reason="too long")), context
        found = match(tokenize(question, self._rewrites, self._symbols), self.knowledge, self.index)
        return resolve(question, found, context, self.knowledge, self.index)

    def ask(self, question: str) -> Answer:
        """Answer one question with no conversation context."""
        return self.answer(question, Context())[0]

    def conversation(self) -> Conversation:
        """Start a conversation that remembers context for follow-ups."""
        return Conversation(self)


class Conversation:
    """A chat with follow-ups ("and Mail.ru?"); one per user, not shared between threads.

    >>> chat = Conversation()
    >>> chat.ask("who founded alibaba").answered
    True
    >>> "1999" in chat.ask("when?").text
    True
    """

    def __init__(self, bot: Bot | None = None) -> None:
        self.bot = bot if bot is not None else bundled()
        self.context = Context()
        self.last: Answer | None = None

    def ask(self, question: str) -> Answer:
        """Answer a question, using and then updating the conversation context."""
        answer, self.context = self.bot.answer(question, self.context)
        self.last = answer
        return answer

    def reset(self) -> None:
        """Forget the conversation context."""
        self.context = Context()
        self.last = None


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
    Knowledge,
    Source,
    Entity,
    QuestionType,
    Intent,
    Fact,
    Rule,
    Language,
    Citation,
    Index,
    Phrase,
    Vocabulary,
)


def load(path: str | Path, *, use_cache: bool | None = None) -> Bot:
    """Load a knowledge directory; raise KnowledgeError listing its problems.

    A valid directory's compiled form is cached by content hash (see `bot.knowledge.cache`), so the next
    load of unchanged files is fast; `use_cache=False` (or DEALBOT_CACHE=0) skips the cache.
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
