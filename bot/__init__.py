"""dealbot: answers questions about one news story, citing the sentences it used.

>>> import bot
>>> bot.ask("How much does MegaFon own?").text
'MegaFon will own 24 percent of AliExpress Russia.'
"""

from __future__ import annotations

from bot.answer.model import Answer, Citation
from bot.conversation import Conversation
from bot.engine import Bot, bundled, load
from bot.errors import KnowledgeError, Problem

__all__ = ["Answer", "Bot", "Citation", "Conversation", "KnowledgeError", "Problem", "__version__", "ask", "load"]
__version__ = "0.2.0"


def ask(question: str) -> Answer:
    """Answer one question on the bundled knowledge (loaded once, on first use).

    Stateless and thread-safe: call it from as many threads as you like; the same question always
    gives the same answer. Questions over 2,000 characters are declined.
    """
    return bundled().ask(question)
