"""First contact from a fresh clone (issue 11): `make run` installs the runtime dependencies only, says
one line while it does, reaches the chat prompt, and a second `make run` starts at once. The README's
quickstart stays two commands, both Makefile targets."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DEV_TOOLS = ("pytest", "_pytest", "hypothesis", "ruff", "mypy")
PROGRESS = "dealbot: installing the runtime dependencies into .venv (once)..."


def quickstart() -> list[str]:
    """The commands of the README's quickstart block, without their comments."""
    section = README.split("## Quickstart", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in section.splitlines() if line.strip()]


def test_the_quickstart_is_two_make_targets() -> None:
    assert quickstart() == ["make run", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run: .*## ", makefile, re.MULTILINE)
    assert re.search(r"^test: .*## ", makefile, re.MULTILINE)


def _tracked_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0 or not shutil.which("make"):
        pytest.skip("needs a git checkout and make")
    return [name for name in listed.stdout.decode().split("\0") if name and (ROOT / name).is_file()]


@pytest.fixture
def fresh_clone(tmp_path: Path) -> Iterator[Path]:
    """The checkout's files (as a clone would have them, uncommitted edits included) in a new directory,
    removed afterwards with the environment `make run` builds in it."""
    clone = tmp_path / "clone"
    for name in _tracked_files():
        (clone / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, clone / name)
    yield clone
    shutil.rmtree(clone, ignore_errors=True)


def make_run_in_a_terminal(clone: Path, state: Path) -> tuple[str, int]:
    """`make run` in a pseudo-terminal until the chat prompt, then Ctrl-D: what it showed and its exit code."""
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(clone)
        os.execvpe("make", ["make", "run"], {**newcomer(), "XDG_STATE_HOME": str(state)})
    shown = b""
    deadline = time.monotonic() + 300
    while b"you>" not in shown and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    os.write(fd, b"\x04")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return shown.decode(errors="replace").replace("\r\n", "\n"), os.waitstatus_to_exitcode(status)


def newcomer() -> dict[str, str]:
    """The environment of a person on a fresh clone: none of the settings a make or CI run passes down
    (VENV, MAKEFLAGS), no colour, and no cursor-position query to wait on."""
    inherited = {key: value for key, value in os.environ.items() if key != "VENV" and not key.startswith("MAKE")}
    return {**inherited, "NO_COLOR": "1", "PROMPT_TOOLKIT_NO_CPR": "1"}


def installed(clone: Path) -> set[str]:
    """The top-level names in the clone's environment's site-packages."""
    found: set[str] = set()
    for site in (clone / ".venv" / "lib").glob("python*/site-packages"):
        found |= {entry.name.split("-")[0].lower() for entry in site.iterdir()}
    return found


def test_make_run_on_a_fresh_clone_installs_no_dev_tool_and_reaches_the_chat(fresh_clone: Path, tmp_path: Path) -> None:
    shown, code = make_run_in_a_terminal(fresh_clone, tmp_path / "state")
    assert code == 0, shown
    before_banner = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.split("dealbot: ask me about", 1)[0])
    assert before_banner.strip() == PROGRESS  # one line of progress, no command echoed
    assert "you>" in shown
    packages = installed(fresh_clone)
    assert {"prompt_toolkit", "rapidfuzz", "yaml"} <= packages
    assert not packages & set(DEV_TOOLS)
    again = subprocess.run(["make", "--question", ".venv/.run"], cwd=fresh_clone, env=newcomer(), check=False)
    assert again.returncode == 0  # up to date: a second `make run` goes straight to the chat
    second = subprocess.run(
        ["make", "run"],
        cwd=fresh_clone,
        env=newcomer(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert (second.returncode, second.stdout, second.stderr) == (0, b"", b"")  # the chat, on empty input
