"""Replay a recorded transcript through a fresh conversation and compare, or re-record it."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import NamedTuple

from bot.answer.model import Answer
from bot.answer.render import render_answer
from bot.engine import Bot
from bot.shell.transcript import RESET_REPLY, Transcript, Turn, format_turn, is_reset


class Replayed(NamedTuple):
    """One turn as recorded and as the bot answers it now."""

    turn: Turn
    actual: str

    @property
    def matches(self) -> bool:
        """Whether the answer and citations are unchanged."""
        return self.turn.expected == self.actual

    def diff(self, name: str) -> str:
        """A unified diff of the expected and the actual turn."""
        expected = format_turn(self.turn.question, self.turn.expected).splitlines(keepends=True)
        actual = format_turn(self.turn.question, self.actual).splitlines(keepends=True)
        return "".join(difflib.unified_diff(expected, actual, f"{name} (expected)", f"{name} (actual)"))


def answers(transcript: Transcript, bot: Bot) -> Iterator[tuple[Turn, Answer | None]]:
    """Ask every question of the transcript, in order, in one new conversation; a /reset turn
    (None for its answer) starts a new one, as in the chat."""
    chat = bot.conversation()
    for turn in transcript.turns:
        if is_reset(turn):
            chat = bot.conversation()
            yield turn, None
        else:
            yield turn, chat.ask(turn.question)


def replay(transcript: Transcript, bot: Bot) -> list[Replayed]:
    """Every turn of the transcript with the answer the bot gives now."""
    return [
        Replayed(turn, RESET_REPLY if answer is None else render_answer(answer))
        for turn, answer in answers(transcript, bot)
    ]


def rerecorded(transcript: Transcript, results: list[Replayed]) -> Transcript:
    """The transcript with every expected answer replaced by the actual one; questions and comments kept."""
    turns = tuple(Turn(r.turn.question, r.actual, r.turn.comments) for r in results)
    return Transcript(turns, transcript.trailing)
