"""The chat: driven in-process through prompt_toolkit's pipe input, and once in a real terminal."""

from __future__ import annotations

import io
import os
import pty
import select
import stat
import sys
import time
from pathlib import Path

import pytest
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from bot.engine import Bot
from bot.shell.history import HISTORY_LIMIT, history_path, open_history
from bot.shell.repl import completion_words, run_repl

CTRL_C, CTRL_D = "\x03", "\x04"


def chat(dealbot: Bot, keys: str) -> tuple[int, str]:
    """Type keys into the REPL and return its exit code and everything it printed."""
    out = io.StringIO()
    with create_pipe_input() as keyboard:
        keyboard.send_text(keys)
        code = run_repl(dealbot, input=keyboard, output=DummyOutput(), out=out, history=InMemoryHistory())
    return code, out.getvalue()


def test_banner_question_and_follow_up(dealbot: Bot) -> None:
    code, printed = chat(dealbot, "how much does MegaFon own?\rand Mail.ru?\r" + CTRL_D)
    assert code == 0
    assert printed.startswith('dealbot: ask me about "Alibaba, Russian Tech Firm Mail.ru to Launch new Venture".')
    assert "/help" in printed.splitlines()[2]
    assert "MegaFon will own 24 percent" in printed
    assert "Mail.ru will own 15 percent" in printed
    assert '  [1] "It will be 48 percent owned by Alibaba' in printed


def test_explain_and_reset(dealbot: Bot) -> None:
    _, printed = chat(dealbot, "alibba stak\r/explain\r/reset\rand megafon?\r/quit\r")
    assert "entity:alibaba (0.92)" in printed
    assert "reading:    own(alibaba, _) ? percent" in printed
    assert "Context forgotten." in printed
    assert "MegaFon will own" not in printed  # after /reset, "and megafon?" is not a stake follow-up


def test_ctrl_c_clears_the_line_and_keeps_the_chat(dealbot: Bot) -> None:
    code, printed = chat(dealbot, "who founded mail" + CTRL_C + "who founded alibaba\r" + CTRL_D)
    assert code == 0
    assert "Jack Ma" in printed
    assert "doesn't say who founded Mail.ru" not in printed


def test_record_and_stop(dealbot: Bot, tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    _, printed = chat(
        dealbot, f"/record {target}\rwho founded alibaba\rwhen?\r/stop\rhow much does megafon own\r" + CTRL_D
    )
    assert f"Recording saved to {target}." in printed
    recorded = target.read_text(encoding="utf-8")
    assert "> who founded alibaba" in recorded
    assert "> when?" in recorded
    assert "megafon" not in recorded


def test_record_to_a_bad_path_says_so_and_goes_on(dealbot: Bot, tmp_path: Path) -> None:
    _, printed = chat(dealbot, f"/record {tmp_path}/missing/t.txt\rwho founded alibaba\r" + CTRL_D)
    assert "Cannot record to" in printed
    assert "Jack Ma" in printed


def test_help_sources_and_unknown_command(dealbot: Bot) -> None:
    _, printed = chat(dealbot, "/help\r/sources\r/nope\r" + CTRL_D)
    for command in ("/explain", "/record FILE", "/reset", "/quit"):
        assert command in printed
    assert "aliexpress-russia: Alibaba, Russian Tech Firm" in printed
    assert "Unknown command /nope; type /help." in printed


def test_completion_offers_names_aliases_and_commands(dealbot: Bot) -> None:
    words = completion_words(dealbot)
    assert {"/help", "/explain", "MegaFon", "Mail.ru", "Alisher Usmanov", "RDIF"} <= set(words)


def test_history_file_is_private_and_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    path = history_path()
    assert path == tmp_path / "dealbot" / "history"
    path.parent.mkdir(parents=True)
    path.write_text("".join(f"\n# 2026-01-01\n+question {i}\n" for i in range(HISTORY_LIMIT + 50)), encoding="utf-8")
    history = open_history(path, lambda message: None)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    entries = list(history.load_history_strings())
    assert len(entries) == HISTORY_LIMIT
    assert entries[0] == f"question {HISTORY_LIMIT + 49}"


def test_unwritable_history_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    warnings: list[str] = []
    history = open_history(blocker / "dealbot" / "history", warnings.append)
    assert isinstance(history, InMemoryHistory)
    assert len(warnings) == 1
    assert "keeping it in memory" in warnings[0]


def _read_until(fd: int, marker: bytes, timeout: float = 20.0) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


def test_real_terminal_session(tmp_path: Path) -> None:
    pid, fd = pty.fork()
    if pid == 0:  # the child: dealbot in a pseudo-terminal
        os.environ["XDG_STATE_HOME"] = str(tmp_path)
        os.environ["NO_COLOR"] = "1"
        os.execv(sys.executable, [sys.executable, "-m", "bot"])
    assert b"you>" in _read_until(fd, b"you>")
    os.write(fd, b"who founded alibaba\r")
    assert b"Jack Ma" in _read_until(fd, b"Jack Ma")
    _read_until(fd, b"you>")
    os.write(fd, CTRL_D.encode())
    _read_until(fd, b"\x00", timeout=5)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert (tmp_path / "dealbot" / "history").read_text(encoding="utf-8").count("+who founded alibaba") == 1
