"""Split a source into sentences with offsets, and expand a quote to whole sentences."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from bot.knowledge.model import Citation

_WORD = re.compile(r"\w+")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"\u201d\u2019')\]]*\s+(?=[\"\u201c(]?[A-Z0-9])")


class SentenceIndex(NamedTuple):
    """The sentences of one source, in order, with their start and end offsets."""

    source: str
    text: str
    spans: tuple[tuple[int, int], ...]
    words: dict[str, tuple[int, ...]]

    def sentence(self, index: int) -> Citation:
        """The citation for one sentence by position."""
        start, end = self.spans[index]
        return Citation(self.source, self.text[start:end], start, end)

    def cite(self, quote: str) -> tuple[Citation, ...]:
        """Whole sentences covering the one occurrence of `quote`; raise ValueError if not exactly one."""
        places = self.find(quote) if quote else []
        if len(places) != 1:
            raise ValueError(
                "not found verbatim in the source" if not places else f"found {len(places)} times: quote more"
            )
        begin = places[0]
        finish = begin + len(quote)
        position = max(bisect_right(self.spans, (begin, sys.maxsize)) - 1, 0)
        covered = []
        while position < len(self.spans) and self.spans[position][0] < finish:
            covered.append(self.sentence(position))
            position += 1
        return tuple(covered)

    def find(self, quote: str) -> list[int]:
        """Every offset where the quote occurs, found through its rarest inner word (no full scan)."""
        inner = [m for m in _WORD.finditer(quote) if m.start() > 0 and m.end() < len(quote)]
        if not inner:
            return _scan(self.text, quote)
        rarest = min(inner, key=lambda m: (len(self.words.get(m.group(), ())), m.start()))
        starts = (place - rarest.start() for place in self.words.get(rarest.group(), ()))
        return [start for start in starts if start >= 0 and self.text.startswith(quote, start)]


def _scan(text: str, quote: str) -> list[int]:
    places: list[int] = []
    start = text.find(quote)
    while start != -1:
        places.append(start)
        start = text.find(quote, start + 1)
    return places


def _word_places(text: str) -> dict[str, tuple[int, ...]]:
    places: dict[str, list[int]] = {}
    for found in _WORD.finditer(text):
        places.setdefault(found.group(), []).append(found.start())
    return {word: tuple(starts) for word, starts in places.items()}


def split_sentences(source: str, text: str, abbreviations: Iterable[str] = ()) -> SentenceIndex:
    """Split text at line breaks and sentence ends, not after known abbreviations."""
    abbreviation_ends = tuple(abbreviations)
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        cut = offset
        for match in _BOUNDARY.finditer(line):
            if line[: match.start()].endswith(abbreviation_ends) and abbreviation_ends:
                continue
            _add_span(spans, text, cut, offset + match.start())
            cut = offset + match.end()
        _add_span(spans, text, cut, offset + len(line))
        offset += len(line)
    return SentenceIndex(source, text, tuple(spans), _word_places(text))


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
