"""The interactive chat, built on prompt_toolkit; imported only when a terminal chat starts."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.completion import WordCompleter
from prompt_toolkit.history import History
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output

from bot.answer.model import Answer
from bot.answer.render import render_answer, render_explanation
from bot.conversation import Conversation
from bot.engine import Bot
from bot.errors import RecordingError
from bot.shell.history import history_path, open_history
from bot.shell.recording import Recorder, refusal
from bot.shell.transcript import QUESTION, RESET, RESET_REPLY, TranscriptError

__all__ = ["COMMANDS", "Repl", "completion_words", "open_history", "run_repl"]  # open_history: older imports

COMMANDS = {
    "/help": "show this help",
    "/explain": "why the last answer was given",
    "/sources": "list the knowledge sources",
    "/record FILE": "record this conversation as a transcript",
    "/stop": "stop recording",
    "/reset": "forget the conversation context",
    "/quit": "leave (Ctrl-D works too)",
}
USAGES = {spec.split()[0]: spec for spec in COMMANDS} | {"/exit": "/exit"}  # a command's name -> how it is typed
SMALL_TALK = "small talk"  # how the engine's explanation names a greeting, thanks or help reply
CHAT_HINT = "In this chat, /help lists the commands and Ctrl-D leaves."


class Repl:
    """The chat's state: conversation, recorder and where to write; one method per command."""

    def __init__(self, bot: Bot, out: TextIO, *, color: bool, recorder: Recorder | None = None) -> None:
        self.bot = bot
        self.chat = Conversation(bot)
        self.out = out
        self.color = color
        self.recorder = recorder
        self.running = True
        self.width: Callable[[], int | None] = lambda: None  # the terminal's width now, to wrap answers to

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

    def handle(self, text: str) -> None:
        """Answer a question or run a /command; a paste of several lines is one question (or command)
        a line, asked in order in this conversation, each shown before its answer."""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        for line in lines:
            if not self.running:
                break
            if len(lines) > 1:
                self.say(QUESTION + line)
            self.handle_line(line)

    def handle_line(self, line: str) -> None:
        """Answer one question or run one /command."""
        if line.startswith("/"):
            self.command(line)
            return
        answer = self.chat.ask(line)
        self.say(render_answer(answer, color=self.color, width=self.width()))
        if is_small_talk(answer):
            self.say(CHAT_HINT)
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
        """Run one /command; one given an argument it does not take is a usage message, not run."""
        name, *rest = line.split(maxsplit=1)
        argument = rest[0].strip() if rest else ""
        usage = USAGES.get(name)
        if usage is None:
            self.say(f"Unknown command {name}; type /help.")
            return
        if argument and usage == name:
            self.say(f"Usage: {usage} (no argument)")
            return
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
        else:  # /quit, /exit
            self.running = False

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


def is_small_talk(answer: Answer) -> bool:
    """Whether the answer is the engine's reply to a greeting, thanks or a request for help."""
    return answer.explanation.reason.startswith(SMALL_TALK)


def completion_words(bot: Bot) -> list[str]:
    """What Tab offers: the commands, each entity's own name (without a leading "the") and the words that
    name relations, in the knowledge's order. Aliases are left out: they include misspellings kept only
    for matching ("Ali Baba")."""
    articles = bot.knowledge.language.articles
    words = [spec.split()[0] for spec in COMMANDS]
    for entity in bot.knowledge.entities:
        first, _, rest = entity.name.partition(" ")
        words.append(rest if rest and first.lower() in articles else entity.name)
    words += [word.phrase for relation in bot.knowledge.language.relations for word in relation.words]
    return list(dict.fromkeys(words))


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
    if out is None:  # a real terminal: wrap to its width at each answer, so a resize is followed
        repl.width = lambda: session.output.get_size().columns or None
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
