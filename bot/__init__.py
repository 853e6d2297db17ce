"""dealbot: answers questions about one news story, citing the sentences it used.

>>> import bot
>>> bot.ask("How much does MegaFon own?").text
'MegaFon will own 24 percent of AliExpress Russia.'
"""

from __future__ import annotations

# Nothing is imported until it is used: `import bot` is instant, and the `dealbot` command (whose
# modules sit inside this package) imports the rest where Ctrl-C is caught, never printing a traceback.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from bot.answer.model import Answer, Citation
    from bot.conversation import Conversation
    from bot.engine import Bot, load
    from bot.errors import KnowledgeError, Problem

__all__ = ["Answer", "Bot", "Citation", "Conversation", "KnowledgeError", "Problem", "__version__", "ask", "load"]
__version__ = "0.2.0"

_HOMES = {
    "Answer": "bot.answer.model",
    "Citation": "bot.answer.model",
    "Bot": "bot.engine",
    "Conversation": "bot.conversation",
    "load": "bot.engine",
    "bundled": "bot.engine",
    "KnowledgeError": "bot.errors",
    "Problem": "bot.errors",
}


def __getattr__(name: str) -> object:
    """Import a public name from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'bot' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """Every public name, imported or not yet."""
    return sorted(set(globals()) | set(_HOMES))


def ask(question: str) -> Answer:
    """Answer one question on the bundled knowledge (loaded once, on first use).

    Stateless and thread-safe: call it from as many threads as you like; the same question always
    gives the same answer. Questions over 2,000 characters are declined.
    """
    from bot.engine import bundled

    return bundled().ask(question)
