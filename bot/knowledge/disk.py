"""Read the bytes of data files safely: regular files only, bounded by bytes read, logged for the cache.

Only plain files are data (knowledge, question files, transcripts): a named pipe would block for
ever, a device such as /dev/zero would never end, and `st_size` cannot be trusted to bound either,
so every read stops after its limit whatever the file claims. No YAML here: the cached start-up
path reads files without importing it.

While a `Reads` log is active, every file read is recorded with the SHA-256 of its bytes, and bytes
read beforehand are served from the log instead of the disk. The cache keys an entry on exactly the
bytes that were parsed, so an edit made during a load can never be stored under the old content.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

MAX_FILE_BYTES = 8 * 1024 * 1024
_CHUNK = 1024 * 1024
_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class FileProblem(Exception):
    """A file that cannot be read as data; the message says why in a few words."""


class Reads:
    """The files read while this log is active: their digests, and bytes read earlier to hand out once."""

    def __init__(self, preloaded: dict[Path, bytes] | None = None) -> None:
        self.preloaded = dict(preloaded or {})
        self.digests: dict[Path, str] = {}


_active: ContextVar[Reads | None] = ContextVar("dealbot_reads", default=None)


@contextmanager
def logging_reads(preloaded: dict[Path, bytes] | None = None) -> Iterator[Reads]:
    """Record every file read in this context (this thread or task only); serve `preloaded` bytes first."""
    reads = Reads(preloaded)
    token = _active.set(reads)
    try:
        yield reads
    finally:
        _active.reset(token)


def digest(data: bytes) -> str:
    """The SHA-256 of some bytes, as hex."""
    return hashlib.sha256(data).hexdigest()


def read_bytes(path: Path, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file, at most `limit` of them; FileProblem says why a file cannot be read."""
    reads = _active.get()
    if reads is None:
        return _read_regular(path, limit)
    data = reads.preloaded.pop(path, None)
    if data is None:
        data = _read_regular(path, limit)
    reads.digests[path] = digest(data)
    return data


def read_all(paths: list[Path], *, limit: int = MAX_FILE_BYTES) -> dict[Path, bytes] | None:
    """The bytes of every file, or None if one cannot be read (the loader then reports it)."""
    try:
        return {path: _read_regular(path, limit) for path in paths}
    except FileProblem:
        return None


def knowledge_files(base: Path) -> list[Path]:
    """The knowledge files of a directory, at any depth, in path order: every *.yaml entry, whatever it turns
    out to be (a broken link or a pipe is reported when it is read)."""
    return sorted(base.rglob("*.yaml"), key=lambda path: path.relative_to(base).as_posix())


def escapes(base: Path, path: Path) -> bool:
    """Whether a path resolves, through any links, to somewhere outside the base directory.

    A link loop resolves nowhere, so it does not escape: reading it reports the loop.
    """
    try:
        return base.resolve() not in path.resolve().parents
    except (OSError, RuntimeError):  # RuntimeError: a link loop, before Python 3.13
        return False


def read_private(path: Path, *, limit: int) -> bytes:
    """The bytes of a regular file of the current user's that no one else may write; FileProblem otherwise.

    A symbolic link is refused too: the cache reads only what this user wrote into their own directory.
    """
    descriptor = _open(path, os.O_NOFOLLOW)
    try:
        info = os.fstat(descriptor)
        _require_regular(info.st_mode)
        if info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise FileProblem("not private to this user")
        return _read_descriptor(descriptor, limit)
    finally:
        os.close(descriptor)


def _read_regular(path: Path, limit: int) -> bytes:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileProblem(_missing(path)) from None
    except OSError as error:
        raise FileProblem(_cannot(error)) from None
    _require_regular(info.st_mode)
    descriptor = _open(path, 0)
    try:
        _require_regular(os.fstat(descriptor).st_mode)  # it may have been swapped since the stat
        return _read_descriptor(descriptor, limit)
    finally:
        os.close(descriptor)


def _open(path: Path, extra: int) -> int:
    """Open for reading without blocking on a pipe or taking a terminal."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | extra
    try:
        return os.open(path, flags)
    except FileNotFoundError:
        raise FileProblem(_missing(path)) from None
    except OSError as error:
        raise FileProblem(_cannot(error)) from None


def _read_descriptor(descriptor: int, limit: int) -> bytes:
    """Read to the end, but never more than `limit` bytes, whatever the file's size claims."""
    chunks: list[bytes] = []
    total = 0
    try:
        while chunk := os.read(descriptor, min(_CHUNK, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise FileProblem(f"file is larger than {limit} bytes")
    except OSError as error:
        raise FileProblem(_cannot(error)) from None
    return b"".join(chunks)


def _require_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "an unusual kind of file")
    raise FileProblem(f"not a regular file ({kind}): replace it with a plain file")


def _missing(path: Path) -> str:
    if os.path.islink(path):
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"broken symbolic link to {target!r}: fix or remove it"
    return "file not found"


def _cannot(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop: fix or remove the link"
    return f"cannot read file: {error.strerror or error}"
