"""Recorded conversations: a plain-text format close to what the REPL shows.

A transcript is a sequence of turns. A turn starts with a line "> question"; the lines
after it, up to a blank line, are the expected answer exactly as `render_answer` prints it.
Lines starting with "#" are comments and are kept when a transcript is re-recorded. A turn
"> /reset" forgets the conversation so far, as in the chat; it separates recorded sessions.
"""

from __future__ import annotations

from typing import NamedTuple

from bot.errors import InputFileError

QUESTION = "> "
COMMENT = "#"
RESET = "/reset"  # a turn that starts the conversation afresh, as the chat's /reset does
RESET_REPLY = "Context forgotten."


class Turn(NamedTuple):
    """One question, the comment and blank lines before it, and the expected answer block."""

    question: str
    expected: str
    comments: tuple[str, ...] = ()


def is_reset(turn: Turn) -> bool:
    """Whether a turn is the chat's /reset (typed in the chat, or piped: both forget the conversation)."""
    return turn.question == RESET and turn.expected == RESET_REPLY


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


def turn_question(question: str) -> str:
    """A question as a turn shows it: on one line, its runs of spaces and control characters made one space."""
    return " ".join(question.split())


def format_turn(question: str, answer_block: str, comments: tuple[str, ...] = ()) -> str:
    """The text of one turn, ending with a blank line."""
    head = "".join(f"{comment}\n" for comment in comments)
    return f"{head}{QUESTION}{question}\n{answer_block}\n\n"


def format_transcript(transcript: Transcript) -> str:
    """The text of a whole transcript; a recorded file comes back unchanged."""
    body = "".join(format_turn(t.question, t.expected, t.comments) for t in transcript.turns)
    return body + "".join(f"{line}\n" for line in transcript.trailing)
