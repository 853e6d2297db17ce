"""The interactive chat, built on prompt_toolkit; imported only when a terminal chat starts."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.completion import WordCompleter
from prompt_toolkit.history import FileHistory, History, InMemoryHistory
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output

from bot.answer.render import render_answer, render_explanation
from bot.conversation import Conversation
from bot.engine import Bot
from bot.errors import RecordingError
from bot.shell.recording import Recorder, refusal
from bot.shell.transcript import RESET, RESET_REPLY, TranscriptError

HISTORY_LIMIT = 1000  # entries kept in the history file
COMMANDS = {
    "/help": "show this help",
    "/explain": "why the last answer was given",
    "/sources": "list the knowledge sources",
    "/record FILE": "record this conversation as a transcript",
    "/stop": "stop recording",
    "/reset": "forget the conversation context",
    "/quit": "leave (Ctrl-D works too)",
}


def history_path() -> Path:
    """$XDG_STATE_HOME/dealbot/history, else ~/.local/state/dealbot/history."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "dealbot" / "history"


def open_history(path: Path, warn: Callable[[str], None]) -> History:
    """A file history created 0600 and trimmed to HISTORY_LIMIT; in memory if the file is unusable.

    Only a regular file of its own is used: a symbolic link is refused rather than followed, so
    the file it points to is never chmodded or rewritten.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if path.is_symlink():
            raise OSError(f"{path} is a symbolic link")
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        descriptor = os.open(path, flags, 0o600)
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise OSError(f"{path} is not a regular file")
            os.fchmod(descriptor, 0o600)
        finally:
            os.close(descriptor)
        _trim_history(path)
        return FileHistory(str(path))
    except OSError as error:
        reason = f"{path}: {error.strerror}" if error.strerror else str(error)
        warn(f"history not saved ({reason}); keeping it in memory")
        return InMemoryHistory()


def _trim_history(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    entries = text.split("\n\n#")
    if len(entries) > HISTORY_LIMIT:
        import tempfile

        kept = "\n\n#".join(entries[-HISTORY_LIMIT:])
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".history-")  # 0600, never a planted link
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write("\n#" + kept if not kept.startswith("\n") else kept)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)


class Repl:
    """The chat's state: conversation, recorder and where to write; one method per command."""

    def __init__(self, bot: Bot, out: TextIO, *, color: bool, recorder: Recorder | None = None) -> None:
        self.bot = bot
        self.chat = Conversation(bot)
        self.out = out
        self.color = color
        self.recorder = recorder
        self.running = True

    def say(self, text: str) -> None:
        """Write text for the person at the terminal."""
        self.out.write(text + "\n")
        self.out.flush()

    def banner(self) -> str:
        """What the bot knows about, three example questions, and how to get help."""
        sources = self.bot.knowledge.sources
        titles = ", ".join(f'"{source.title}"' for source in sources)
        examples = [example for source in sources for example in source.examples][:3]
        lines = [f"dealbot: ask me about {titles}."]
        if examples:
            lines.append("  e.g.  " + "  |  ".join(examples))
        lines.append("Type /help for commands, Ctrl-D to leave.")
        return "\n".join(lines)

    def handle(self, line: str) -> None:
        """Answer a question or run a /command."""
        line = line.strip()
        if not line:
            return
        if line.startswith("/"):
            self.command(line)
            return
        answer = self.chat.ask(line)
        self.say(render_answer(answer, color=self.color))
        self._record(lambda recorder: recorder.record(answer))

    def _record(self, write: Callable[[Recorder], None]) -> None:
        """Record a turn, if recording; a write that fails stops the recording and says why."""
        if self.recorder is None:
            return
        try:
            write(self.recorder)
        except RecordingError as error:
            self.say(f"Recording stopped: {error}")
            self.recorder.close()
            self.recorder = None

    def command(self, line: str) -> None:
        """Run one /command."""
        name, _, argument = line.partition(" ")
        argument = argument.strip()
        if name == "/help":
            self.say("\n".join(f"  {command:<14} {text}" for command, text in COMMANDS.items()))
        elif name == "/explain":
            self.say(
                render_explanation(self.chat.last) if self.chat.last else "Nothing to explain yet: ask a question."
            )
        elif name == "/sources":
            self.say("\n".join(f"  {s.id}: {s.title}" for s in self.bot.knowledge.sources))
        elif name == "/record":
            self.start_recording(argument)
        elif name == "/stop":
            if self.recorder is None:
                self.say("Not recording.")
            else:
                self.say(f"Recording saved to {self.recorder.path}.")
                self.recorder.close()
                self.recorder = None
        elif name == RESET:
            self.chat.reset()
            self.say(RESET_REPLY)
            self._record(Recorder.record_reset)
        elif name in ("/quit", "/exit"):
            self.running = False
        else:
            self.say(f"Unknown command {name}; type /help.")

    def start_recording(self, argument: str) -> None:
        """Begin recording to a file, reporting a bad path instead of failing."""
        if not argument:
            self.say("Usage: /record FILE")
            return
        if self.recorder is not None:
            self.recorder.close()
        try:
            self.recorder = Recorder(Path(argument).expanduser())
            self.say(f"Recording to {argument}; /stop ends it.")
        except (OSError, TranscriptError) as error:
            self.recorder = None
            self.say(f"Cannot record to {argument}: {refusal(error)}")


def completion_words(bot: Bot) -> list[str]:
    """Entity names, aliases and commands, for tab-completion."""
    words = [command.split()[0] for command in COMMANDS]
    for entity in bot.knowledge.entities:
        words.extend(alias for alias in entity.aliases if alias not in words)
    return words


def run_repl(
    bot: Bot,
    *,
    recorder: Recorder | None = None,
    input: Input | None = None,
    output: Output | None = None,
    out: TextIO | None = None,
    history: History | None = None,
) -> int:
    """Chat until /quit or Ctrl-D; Ctrl-C clears the line. Returns the exit code (0)."""
    stream = out if out is not None else sys.stdout
    color = out is None and "NO_COLOR" not in os.environ and stream.isatty()
    repl = Repl(bot, stream, color=color, recorder=recorder)
    if history is None:
        history = open_history(history_path(), repl.say)
    session: PromptSession[str] = PromptSession(
        history=history,
        auto_suggest=AutoSuggestFromHistory(),
        completer=WordCompleter(completion_words(bot), ignore_case=True, WORD=True),
        input=input,
        output=output,
    )
    repl.say(repl.banner())
    while repl.running:
        try:
            line = session.prompt("you> ")
        except KeyboardInterrupt:
            continue
        except EOFError:
            break
        repl.handle(line)
    if repl.recorder is not None:
        repl.recorder.close()
    return 0
