"""A compiled-knowledge cache keyed by the content hash of every file in a knowledge directory.

Loading YAML and verifying every citation is the slow part of start-up; the cache stores the
validated knowledge and its index so the next start skips both. The key covers every file's
path and bytes plus the dealbot and Python versions, so any edit makes a new key and a stale
entry is never read. Writes are atomic (a temporary file renamed into place). The cache lives
in $XDG_CACHE_HOME/dealbot (else ~/.cache/dealbot), a directory of the user's own, trusted
like Python's own __pycache__; DEALBOT_CACHE=0 turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any as Index

from bot.knowledge.model import Knowledge

FORMAT = "1"


def enabled() -> bool:
    """Whether the cache is on (DEALBOT_CACHE=0 turns it off)."""
    return os.environ.get("DEALBOT_CACHE", "1") != "0"


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/dealbot, else ~/.cache/dealbot."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dealbot"


def content_key(root: Path) -> str | None:
    """A hash of every file under the knowledge directory, or None if one cannot be read."""
    from bot import __version__

    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}|{root.resolve()}".encode())
    code = Path(__file__).resolve().parent.parent
    try:
        for path in sorted(code.rglob("*.py")):  # a changed record class must not meet an old pickle
            digest.update(path.read_bytes())
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return None
    return digest.hexdigest()


def read(key: str) -> tuple[Knowledge, Index] | None:
    """The cached knowledge and index for a key, or None."""
    try:
        with (cache_dir() / f"{key}.pickle").open("rb") as file:
            value = pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Knowledge):
        return value[0], value[1]
    return None


def write(key: str, knowledge: Knowledge, index: Index) -> None:
    """Store knowledge and index atomically; a cache that cannot be written is silently skipped."""
    import tempfile  # only when writing: it is slow to import and start-up matters

    directory = cache_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-")
        with os.fdopen(handle, "wb") as file:
            pickle.dump((knowledge, index), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, directory / f"{key}.pickle")
    except OSError:
        return
