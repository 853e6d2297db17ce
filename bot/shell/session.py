"""`dealbot` with no command: a chat on a terminal, or one question per line from a pipe."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import BinaryIO, TextIO

from bot.answer.render import render_answer, render_explanation, render_json
from bot.conversation import Conversation
from bot.engine import Bot
from bot.errors import RecordingError
from bot.shell.recording import Recorder, refusal
from bot.shell.streams import json_for, terminal_width
from bot.shell.transcript import RESET, RESET_REPLY, TranscriptError, format_turn, turn_question


def run_session(
    bot: Bot, *, json_lines: bool, record: Path | None, out: TextIO, err: TextIO, stdin: BinaryIO | None = None
) -> int:
    """Start the REPL when stdin is a terminal, else answer piped lines; return the exit code."""
    try:
        recorder = Recorder(record) if record is not None else None
    except (OSError, TranscriptError) as error:
        raise RecordingError(f"cannot record to {record}: {refusal(error)}") from None
    try:
        source = stdin if stdin is not None else sys.stdin.buffer
        if stdin is None and sys.stdin.isatty() and not json_lines:
            from bot.shell.repl import run_repl  # prompt_toolkit is imported only here

            return run_repl(bot, recorder=recorder)
        return answer_lines(bot, source, out, err, json_lines=json_lines, recorder=recorder)
    finally:
        if recorder is not None:
            recorder.close()


def answer_lines(
    bot: Bot, lines: BinaryIO, out: TextIO, err: TextIO, *, json_lines: bool, recorder: Recorder | None = None
) -> int:
    """Answer each non-blank line as one conversation; a line that is not UTF-8 is reported and skipped.

    Text output is a transcript: each question as "> question", its answer, a blank line; a blank input
    line stays a blank line. Saved to a file, a piped session replays like a recorded one. JSON Lines
    output has one object per question and nothing else.
    """
    chat = bot.conversation()
    width = None if json_lines else terminal_width(out)
    for number, raw in enumerate(lines, start=1):
        try:
            question = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            err.write(f"dealbot: line {number}: not valid UTF-8, skipped\n")
            continue
        if not question:
            if not json_lines:
                out.write("\n")
            continue
        command = question.split(maxsplit=1)[0] if question.startswith("/") else ""
        if command in PIPED_COMMANDS or command in CHAT_ONLY:
            if command in ("/quit", "/exit"):
                break
            reply = _run_command(bot, chat, command, recorder)
            if reply is None:
                err.write(f"dealbot: line {number}: {command} works only in the chat on a terminal\n")
            elif json_lines:
                out.write(json_for(out, json.dumps({"command": command, "text": reply}, ensure_ascii=False)) + "\n")
            else:
                out.write(format_turn(command, reply))
            out.flush()
            continue
        answer = chat.ask(question)
        if recorder is not None:
            recorder.record(answer)
        if json_lines:
            out.write(json_for(out, render_json(answer)) + "\n")
        else:
            out.write(format_turn(turn_question(answer.question), render_answer(answer, width=width)))
        out.flush()
    return 0


PIPED_COMMANDS = ("/reset", "/explain", "/help", "/sources", "/quit", "/exit")  # the chat's commands a pipe runs too
CHAT_ONLY = ("/record", "/stop")  # these need a chat: a pipe says so on stderr


def _run_command(bot: Bot, chat: Conversation, command: str, recorder: Recorder | None) -> str | None:
    """A chat command in a piped session: its reply, or None for one that works only in the chat."""
    if command == RESET:
        chat.reset()
        if recorder is not None:
            recorder.record_reset()
        return RESET_REPLY
    if command == "/explain":
        return render_explanation(chat.last) if chat.last else "Nothing to explain yet: ask a question."
    if command == "/sources":
        return "\n".join(f"  {source.id}: {source.title}" for source in bot.knowledge.sources)
    if command == "/help":
        return "\n".join(f"  {name}" for name in PIPED_COMMANDS)
    return None
