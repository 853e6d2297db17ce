"""The chat's history file: private, bounded, and never a link followed."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from prompt_toolkit.history import FileHistory, History, InMemoryHistory

HISTORY_LIMIT = 1000  # entries kept in the history file


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
