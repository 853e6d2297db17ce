"""A chat with follow-ups ("and Mail.ru?", "when?", "what did he say?"): context carried between turns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.answer.model import Answer
from bot.understand.readings import Context

if TYPE_CHECKING:
    from bot.engine import Bot


class Conversation:
    """One user's conversation; not to be shared between threads.

    >>> chat = Conversation()
    >>> chat.ask("who founded alibaba").answered
    True
    >>> "1999" in chat.ask("when?").text
    True
    """

    def __init__(self, bot: Bot | None = None) -> None:
        from bot.engine import bundled

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


__all__ = ["Context", "Conversation"]
