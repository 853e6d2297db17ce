"""Standard streams that never fail on text: closed ones are detected, what cannot be encoded is escaped.

A locale or PYTHONIOENCODING may give stdout an encoding without curly quotes (latin-1, ASCII), and
a path or argument that is not UTF-8 reaches Python as lone surrogates, which no encoding accepts.
Text output degrades to backslash escapes (a byte that was not UTF-8 is shown as `\\xff`); JSON
output uses JSON's own `\\u` escapes, so it stays valid JSON on any stream.
"""

from __future__ import annotations

import codecs
import io
import json
import re
from typing import TextIO

ESCAPE = "dealbot-escape"  # the codec error handler this module registers
_NOT_UTF8 = range(0xDC80, 0xDD00)  # how Python carries a byte that was not UTF-8 (surrogateescape)
_SURROGATES = re.compile("[\ud800-\udfff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _escape(error: UnicodeError) -> tuple[str, int]:
    """Replace what an encoding cannot write: `\\xff` for a byte that was not UTF-8, else `\\u201c`."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(_escaped(char) for char in error.object[error.start : error.end]), error.end


def _escaped(char: str) -> str:
    if ord(char) in _NOT_UTF8:
        return f"\\x{ord(char) - 0xDC00:02x}"
    return char.encode("ascii", "backslashreplace").decode("ascii")


def prepare(stream: TextIO | None) -> TextIO | None:
    """The stream, set to escape what its encoding cannot write; None when it is closed (`>&-`)."""
    if stream is None:
        return None
    codecs.register_error(ESCAPE, _escape)
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors=ESCAPE)
    return stream


def is_utf8(stream: TextIO) -> bool:
    """Whether a stream writes UTF-8."""
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name == "utf-8"
    except LookupError:
        return False


def json_for(stream: TextIO, text: str) -> str:
    """JSON text the stream can carry: lone surrogates, and on a stream that is not UTF-8 anything
    beyond ASCII, become JSON escapes (the same JSON value, readable by any parser)."""
    pattern = _SURROGATES if is_utf8(stream) else _NON_ASCII
    return pattern.sub(lambda found: json.dumps(found.group())[1:-1], text)


def undecodable_byte(text: str) -> int | None:
    """The first byte of text that was not UTF-8 when Python read it (an argument, a path), or None."""
    return next((ord(char) - 0xDC00 for char in text if ord(char) in _NOT_UTF8), None)


def terminal_width(stream: TextIO) -> int | None:
    """The width to wrap text to when the stream is a terminal (a positive COLUMNS wins, as in other
    tools); None for a pipe or a file, whose text is never wrapped."""
    import os

    try:
        if not stream.isatty():
            return None
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() else os.get_terminal_size(stream.fileno()).columns
        return width or None  # a terminal that reports no size is not wrapped
    except (AttributeError, OSError, ValueError):
        return None
