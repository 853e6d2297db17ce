"""Recorded conversations: a plain-text format close to what the REPL shows.

A transcript is a sequence of turns. A turn starts with a line "> question"; the lines
after it, up to a blank line, are the expected answer exactly as `render_answer` prints it.
Lines starting with "#" are comments and are kept when a transcript is re-recorded.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple, TextIO

from bot.answer.model import Answer
from bot.answer.render import render_answer
from bot.errors import InputFileError

QUESTION = "> "
COMMENT = "#"


class Turn(NamedTuple):
    """One question, the comment and blank lines before it, and the expected answer block."""

    question: str
    expected: str
    comments: tuple[str, ...] = ()


class Transcript(NamedTuple):
    """A whole conversation, plus comment lines after the last turn."""

    turns: tuple[Turn, ...]
    trailing: tuple[str, ...] = ()


class TranscriptError(InputFileError):
    """A transcript file that cannot be parsed."""


def parse_transcript(text: str, name: str = "transcript") -> Transcript:
    """Split transcript text into turns; raise TranscriptError naming the line on bad input."""
    turns: list[Turn] = []
    prelude: list[str] = []
    question: str | None = None
    answer: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if question is None:
            if line.startswith(QUESTION):
                question = line[len(QUESTION) :].strip()
            elif line.startswith(COMMENT) or not line.strip():
                prelude.append(line)
            else:
                raise TranscriptError(f"{name}:{number}: expected '> question' or '# comment', found {line!r}")
        elif line.startswith(COMMENT) or line.startswith(QUESTION):
            raise TranscriptError(f"{name}:{number}: end the answer above with a blank line first")
        elif line.strip():
            answer.append(line)
        else:
            turns.append(Turn(question, "\n".join(answer), tuple(prelude)))
            question, answer, prelude = None, [], []
    if question is not None:
        turns.append(Turn(question, "\n".join(answer), tuple(prelude)))
        prelude = []
    return Transcript(tuple(turns), tuple(prelude))


def format_turn(question: str, answer_block: str, comments: tuple[str, ...] = ()) -> str:
    """The text of one turn, ending with a blank line."""
    head = "".join(f"{comment}\n" for comment in comments)
    return f"{head}{QUESTION}{question}\n{answer_block}\n\n"


def format_transcript(transcript: Transcript) -> str:
    """The text of a whole transcript; a recorded file comes back unchanged."""
    body = "".join(format_turn(t.question, t.expected, t.comments) for t in transcript.turns)
    return body + "".join(f"{line}\n" for line in transcript.trailing)


class Recorder:
    """Appends each turn to a transcript file as it happens, flushed to disk."""

    def __init__(self, path: Path) -> None:
        if not path.parent.is_dir():
            raise OSError(f"the directory {path.parent} does not exist")
        self.path = path
        self._file: TextIO | None = path.open("a", encoding="utf-8")
        if path.stat().st_size == 0:
            self._write("# dealbot transcript: '> ' lines are questions, the lines under them the expected answer.\n\n")

    def _write(self, text: str) -> None:
        assert self._file is not None
        self._file.write(text)
        self._file.flush()
        os.fsync(self._file.fileno())

    def record(self, answer: Answer) -> None:
        """Write one turn now, so a killed process loses at most the turn in progress."""
        self._write(format_turn(" ".join(answer.question.split()), render_answer(answer)))

    def close(self) -> None:
        """Stop recording."""
        if self._file is not None:
            self._file.close()
            self._file = None
