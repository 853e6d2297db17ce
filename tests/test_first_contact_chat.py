"""First contact in the chat (issue 11), in a real pseudo-terminal: small talk points to /help, a pasted
block of questions is asked line by line, Tab offers no misspelling, answers wrap to the terminal, and
a command given an argument it does not take says how it is used."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.answer.render import render_answer
from bot.engine import Bot
from bot.shell.repl import CHAT_HINT, completion_words
from tests.test_repl import CTRL_C, CTRL_D, chat

PASTE_START, PASTE_END = "\x1b[200~", "\x1b[201~"  # how a terminal brackets pasted text
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|[\x07\x08]")
SHOW_CURSOR = "\x1b[?25h"  # the end of a screen update
# The chat turns bracketed paste on when a prompt starts (the terminal is in raw mode by then, so keys
# typed after it reach the chat, even Ctrl-D) and off when a line is accepted, before it answers.
PROMPT_STARTS, ACCEPTED = "\x1b[?2004h", "\x1b[?2004l"


class Terminal:
    """dealbot's chat in a pseudo-terminal of a given width: type keys, read what it shows."""

    def __init__(self, state: Path, columns: int = 100) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the chat, as a person starts it
            os.environ.update({"XDG_STATE_HOME": str(state), "NO_COLOR": "1", "PROMPT_TOOLKIT_NO_CPR": "1"})
            os.environ.pop("COLUMNS", None)
            os.execv(sys.executable, [sys.executable, "-m", "bot"])
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, columns, 0, 0))
        self.seen = b""
        self.read = 0  # how much of seen the test has looked at

    def type(self, keys: str) -> None:
        """Send keys as a person would type (or paste) them."""
        os.write(self.fd, keys.encode())

    def read_until(self, marker: str, timeout: float = 20.0) -> str:
        """What is shown from where the last read stopped up to and including marker (or all there is
        once the time is up); what comes after the marker is kept for the next read."""
        wanted = marker.encode()
        deadline = time.monotonic() + timeout
        while wanted not in self.seen[self.read :] and time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # the chat has ended
                    break
                if not chunk:
                    break
                self.seen += chunk
        found = self.seen.find(wanted, self.read)
        end = len(self.seen) if found < 0 else found + len(wanted)
        shown, self.read = self.seen[self.read : end], end
        return shown.decode(errors="replace")

    def prompt(self) -> str:
        """Wait for the next prompt; what was shown before it."""
        shown = self.read_until(PROMPT_STARTS)
        self.read_until("you>")
        return shown

    def answer(self, question: str) -> str:
        """Ask a question at the prompt and return the plain text shown before the next prompt."""
        self.type(question + "\r")
        self.read_until(ACCEPTED)
        lines = _CONTROL.sub("", self.prompt()).replace("\r", "").splitlines()
        return "\n".join(lines).strip()

    def close(self) -> int:
        """Leave with Ctrl-D and return the exit code; a chat still running 20 s later is killed (-9)."""
        self.type(CTRL_D)
        self.read_until("\x00", timeout=5)  # until the terminal closes
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        return -signal.SIGKILL


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """The chat on a terminal 100 columns wide, at its first prompt."""
    session = Terminal(tmp_path)
    assert "dealbot: ask me about" in session.prompt()
    yield session
    assert session.close() == 0


@pytest.mark.parametrize("greeting", ["hi", "thanks!", "help", "what can you do?"])
def test_small_talk_in_the_chat_is_friendly_and_points_to_help(terminal: Terminal, greeting: str) -> None:
    shown = terminal.answer(greeting)
    assert "Sorry" not in shown
    assert '"who founded alibaba"' in shown  # an example question
    assert shown.rstrip().endswith(CHAT_HINT)
    assert "/help" in CHAT_HINT


def test_a_real_answer_gets_no_hint(terminal: Terminal) -> None:
    assert CHAT_HINT not in terminal.answer("who founded alibaba")


def test_a_pasted_block_is_asked_line_by_line_in_one_conversation(terminal: Terminal) -> None:
    pasted = "how much does MegaFon own?\n\nand Mail.ru?\nwho founded alibaba\n"
    shown = terminal.answer(PASTE_START + pasted + PASTE_END)
    assert shown.count("> ") == 3
    first, second, third = shown.split("> ")[1:]
    assert first.startswith("how much does MegaFon own?\nMegaFon will own 24 percent")
    assert second.startswith("and Mail.ru?\nMail.ru will own 15 percent")  # the follow-up used the context
    assert third.startswith("who founded alibaba\nAlibaba was founded")


def test_tab_offers_the_name_not_the_misspelling_kept_for_matching(terminal: Terminal) -> None:
    terminal.type("Alish")  # completions show as you type: "Alisher Usmanov", and once "Alisher Usmanow"
    menu = terminal.read_until("Alisher Usmanov", timeout=10)
    menu += terminal.read_until(SHOW_CURSOR, timeout=2)  # the rest of that screen update
    terminal.type(CTRL_C)  # clear the line
    terminal.prompt()
    assert "Alisher Usmanov" in menu
    assert "Usmanow" not in menu


def test_answers_wrap_by_words_to_a_narrow_terminal(tmp_path: Path, dealbot: Bot) -> None:
    question = "where was the deal announced"
    narrow = Terminal(tmp_path, columns=44)
    narrow.prompt()
    shown = narrow.answer(question)
    assert narrow.close() == 0
    whole = render_answer(dealbot.ask(question))
    assert max(len(line) for line in whole.splitlines()) > 44
    assert max(len(line) for line in shown.splitlines()) <= 44
    assert shown.split() == whole.split()  # every word whole, in order


@pytest.mark.parametrize("command", ["/explain", "/help", "/sources", "/stop", "/reset", "/quit"])
def test_a_command_given_an_argument_it_does_not_take_says_its_usage(terminal: Terminal, command: str) -> None:
    assert terminal.answer(f"{command} extra") == f"Usage: {command} (no argument)"
    assert "Jack Ma" in terminal.answer("who founded alibaba")  # still chatting, even after "/quit extra"


# The same behaviour in-process, through prompt_toolkit's pipe input, with the edge cases a terminal is slow for.


def test_a_paste_is_recorded_as_one_turn_a_line(dealbot: Bot, tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    _, printed = chat(dealbot, f"/record {target}\r{PASTE_START}who founded alibaba\nwhen?\n{PASTE_END}\r" + CTRL_D)
    assert "> when?" in printed
    recorded = target.read_text(encoding="utf-8")
    assert "> who founded alibaba\nAlibaba was founded" in recorded
    assert "> when?\n" in recorded
    assert CHAT_HINT not in recorded


def test_a_pasted_quit_stops_the_rest(dealbot: Bot) -> None:
    code, printed = chat(dealbot, f"{PASTE_START}who founded alibaba\n/quit\nhow much does megafon own\n{PASTE_END}\r")
    assert code == 0
    assert "Jack Ma" in printed
    assert "MegaFon will own" not in printed


def test_explain_without_an_argument_still_explains(dealbot: Bot) -> None:
    keys = f"who founded alibaba\r/explain \r{PASTE_START}/explain\textra{PASTE_END}\r"  # Tab typed is completion
    _, printed = chat(dealbot, keys + CTRL_D)
    assert "reading:    found(?, alibaba)" in printed
    assert "Usage: /explain (no argument)" in printed  # an argument after a tab is an argument too


def test_completion_words_are_names_relation_words_and_commands(dealbot: Bot) -> None:
    words = completion_words(dealbot)
    names = {entity.name.lower() for entity in dealbot.knowledge.entities}
    relation_words = {w.phrase for relation in dealbot.knowledge.language.relations for w in relation.words}
    assert {"/help", "/explain", "/record", "Alibaba", "MegaFon", "Alisher Usmanov", "RDIF", "founded"} <= set(words)
    for misspelling in ("Aliexpress Rusia", "Ali Baba", "Alisher Usmanow"):
        assert misspelling not in words
    for word in words:
        assert word.startswith("/") or word in relation_words or word.lower() in names or f"the {word.lower()}" in names
    assert len(words) == len(set(words))
