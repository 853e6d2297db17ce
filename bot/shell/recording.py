"""Record a conversation as a transcript, turn by turn, without ever damaging what a file held.

A new file gets a header. An existing transcript gets a new session after it, opened by a
"> /reset" turn so that replaying the file never carries context from one session into the next.
Anything else (notes, a binary file, a pipe) is refused before a byte is written. Each turn is
written whole and synced; if a write fails (a full disk) the partial turn is cut off again, so the
turns written before stay a valid transcript, and the error names the recording and the reason.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from bot.answer.model import Answer
from bot.answer.render import render_answer
from bot.errors import RecordingError
from bot.shell.transcript import RESET, RESET_REPLY, TranscriptError, format_turn, parse_transcript, turn_question

HEADER = "# dealbot transcript: '> ' lines are questions, the lines under them the expected answer.\n\n"
NEW_SESSION = "# A new session: /reset forgets the conversation above."
MAX_TRANSCRIPT_BYTES = 8 * 1024 * 1024


def opening(existing: str, name: str) -> str:
    """What to write before the first turn, given what the file holds; TranscriptError if not a transcript."""
    if not existing.strip():
        return HEADER
    transcript = parse_transcript(existing, name)
    gap = "\n" * max(0, 2 - (len(existing) - len(existing.rstrip("\n"))))  # end the last line, then a blank one
    if not transcript.turns:
        return gap
    return gap + format_turn(RESET, RESET_REPLY, (NEW_SESSION,))


def refusal(error: OSError | TranscriptError) -> str:
    """Why a file cannot be recorded to, in a few words that say what to do."""
    if isinstance(error, TranscriptError):
        return f"it holds something other than a dealbot transcript ({error}): record to a new file"
    return error.strerror or str(error)


class Recorder:
    """Appends each turn to a transcript file as it happens, flushed to disk."""

    def __init__(self, path: Path) -> None:
        """Open a recording; OSError if the file cannot be used, TranscriptError if it is not a transcript."""
        if not path.parent.is_dir():
            raise OSError(f"the directory {path.parent} does not exist")
        self.path = path
        self.turns = 0
        flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        self._descriptor: int | None = os.open(path, flags, 0o666)
        try:
            if not stat.S_ISREG(os.fstat(self._descriptor).st_mode):
                raise OSError("not a regular file")
            self._write(opening(_existing(self._descriptor, path.name), path.name))
        except BaseException:
            self.close()
            raise

    def record(self, answer: Answer) -> None:
        """Write one turn now, so a killed process loses at most the turn in progress."""
        self._write(format_turn(turn_question(answer.question), render_answer(answer)))
        self.turns += 1

    def record_reset(self) -> None:
        """Write a /reset turn: the conversation starts afresh here."""
        self._write(format_turn(RESET, RESET_REPLY))

    def close(self) -> None:
        """Stop recording."""
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None

    def _write(self, text: str) -> None:
        """Write text whole or not at all: on any failure, cut the file back to where it ended."""
        assert self._descriptor is not None
        end = os.lseek(self._descriptor, 0, os.SEEK_END)
        data = memoryview(text.encode("utf-8", "backslashreplace"))
        try:
            while data:
                data = data[os.write(self._descriptor, data) :]
            os.fsync(self._descriptor)
        except BaseException as error:
            with contextlib.suppress(OSError):
                os.ftruncate(self._descriptor, end)
            if not isinstance(error, OSError):
                raise
            reason = error.strerror or str(error)
            kept = f"the {self.turns} turn(s) before it are kept" if self.turns else "nothing was recorded"
            raise RecordingError(f"cannot write to the recording {self.path}: {reason}; {kept}") from None


def _existing(descriptor: int, name: str) -> str:
    """The text a file holds already, or TranscriptError when it cannot be a transcript."""
    size = os.fstat(descriptor).st_size
    if size > MAX_TRANSCRIPT_BYTES:
        raise TranscriptError(f"{name}: larger than {MAX_TRANSCRIPT_BYTES} bytes")
    data = os.pread(descriptor, MAX_TRANSCRIPT_BYTES + 1, 0)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise TranscriptError(f"{name}:{line}: not UTF-8 text") from None
