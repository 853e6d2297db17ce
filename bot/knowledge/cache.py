"""A compiled-knowledge cache that is data, never code, and is never stale.

Loading YAML and verifying every citation is the slow part of start-up; the cache stores the
validated knowledge and its index so the next start skips both. An entry is JSON written by the
data-only codec (`bot.knowledge.codec`), so reading one cannot run anything. Its first line carries
the format and a SHA-256 of the rest, so a damaged entry is detected; any failure to read an entry,
of any kind, is a miss and the caller rebuilds it.

The key covers the dealbot and Python versions, our own code, the directory and the bytes of
every knowledge file *as they were parsed*; an entry also lists the other files the load read
(the sources) with their digests, checked on every hit. The directory, $XDG_CACHE_HOME/dealbot
(else ~/.cache/dealbot), is kept 0700; entries that are not the user's own or that others could
write are ignored. Writes are atomic and leave nothing behind; only the newest KEEP entries stay.
DEALBOT_CACHE=0 turns the cache off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from bot.knowledge import codec, disk

FORMAT = b"dealbot-cache 2"
KEEP = 4  # entries kept: a few knowledge directories or versions side by side
MAX_ENTRY_BYTES = 256 * 1024 * 1024
STALE_TEMPORARY_SECONDS = 3600  # a temporary file this old belongs to a writer that died
SUFFIX = ".json"


def enabled() -> bool:
    """Whether the cache is on (DEALBOT_CACHE=0 turns it off)."""
    return os.environ.get("DEALBOT_CACHE", "1") != "0"


def cache_dir() -> Path:
    """$XDG_CACHE_HOME/dealbot, else ~/.cache/dealbot."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dealbot"


def content_key(root: Path, files: Mapping[Path, bytes]) -> str | None:
    """A hash of versions, our code, the directory and the given knowledge files; None if the code is unreadable."""
    from bot import __version__

    digest = hashlib.sha256(b"|".join([FORMAT, __version__.encode(), sys.version.encode()]))
    digest.update(b"\0" + os.fsencode(root.resolve()) + b"\0")
    code = Path(__file__).resolve().parent.parent
    try:
        for path in sorted(code.rglob("*.py")):  # a changed record class or index must not meet an old entry
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return None
    for path in sorted(files):
        digest.update(os.fsencode(_relative(path, root)) + b"\0" + hashlib.sha256(files[path]).digest())
    return digest.hexdigest()


def read(key: str, records: Sequence[type]) -> object | None:
    """The value stored under a key, or None when there is none or it cannot be trusted in every detail."""
    directory = _private_dir(create=False)
    if directory is None:
        return None
    path = directory / f"{key}{SUFFIX}"
    try:
        value = _unpack(disk.read_private(path, limit=MAX_ENTRY_BYTES), key, records)
    except Exception:
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept longest
    return value


def write(key: str, value: object, records: Sequence[type], *, files: Mapping[Path, str]) -> None:
    """Store a value atomically with the digests of the other files it was built from; skip silently on failure."""
    try:
        payload = codec.encode(value, records)
    except codec.CodecError:
        return
    listed = [[os.fsdecode(os.path.abspath(path)), files[path]] for path in sorted(files)]
    body = json.dumps({"key": key, "files": listed}, ensure_ascii=True).encode("ascii") + b"\n" + payload
    data = FORMAT + b" " + disk.digest(body).encode("ascii") + b"\n" + body
    directory = _private_dir(create=True)
    if directory is None:
        return
    import tempfile  # only when writing: it is slow to import and start-up matters

    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=SUFFIX)
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, directory / f"{key}{SUFFIX}")
        temporary = None
    except OSError:
        return
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    prune(directory)


def prune(directory: Path, keep: int = KEEP) -> None:
    """Remove all but the newest `keep` entries, entries of older formats and temporary files left by crashes."""
    entries: list[tuple[float, Path]] = []
    now = time.time()
    try:
        children = list(directory.iterdir())
    except OSError:
        return
    for path in children:
        try:
            info = path.lstat()
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
            continue
        if path.name.startswith(".tmp-"):
            if now - info.st_mtime > STALE_TEMPORARY_SECONDS:
                _remove(path)
        elif not _is_key(path.stem):
            continue
        elif path.suffix == ".pickle":  # the old format: never read again
            _remove(path)
        elif path.suffix == SUFFIX:
            entries.append((info.st_mtime, path))
    for _, path in sorted(entries, reverse=True)[keep:]:
        _remove(path)


def _unpack(data: bytes, key: str, records: Sequence[type]) -> object:
    """Check the header, the checksum, the key and the other files' digests, then decode."""
    header, _, body = data.partition(b"\n")
    if header != FORMAT + b" " + disk.digest(body).encode("ascii"):
        raise ValueError("wrong format or checksum")
    meta_line, _, payload = body.partition(b"\n")
    meta = json.loads(meta_line)
    if meta["key"] != key:
        raise ValueError("entry of another key")
    for name, expected in meta["files"]:
        if disk.digest(disk.read_bytes(Path(name))) != expected:
            raise ValueError(f"{name} changed")
    return codec.decode(payload, records)


def _private_dir(*, create: bool) -> Path | None:
    """The cache directory if it is the user's own, tightened to 0700; None if it cannot be made so."""
    directory = cache_dir()
    try:
        if create:
            directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = directory.stat()
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            return None
        if stat.S_IMODE(info.st_mode) & 0o077:
            os.chmod(directory, 0o700)
    except OSError:
        return None
    return directory


def _is_key(name: str) -> bool:
    return len(name) == 64 and all(char in "0123456789abcdef" for char in name)  # a SHA-256 in hex


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
