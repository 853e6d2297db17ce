"""Split a source into sentences with offsets, and expand a quote to whole sentences."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from bot.answer import Citation

_BOUNDARY = re.compile(r"(?<=[.!?])[\"\u201d\u2019')\]]*\s+(?=[\"\u201c(]?[A-Z0-9])")


@dataclass(frozen=True)
class SentenceIndex:
    """The sentences of one source, in order, with their start and end offsets."""

    source: str
    text: str
    spans: tuple[tuple[int, int], ...]

    def sentence(self, index: int) -> Citation:
        """The citation for one sentence by position."""
        start, end = self.spans[index]
        return Citation(self.source, self.text[start:end], start, end)

    def cite(self, quote: str) -> tuple[Citation, ...]:
        """Whole sentences covering the one occurrence of `quote`; raise ValueError if not exactly one."""
        count = self.text.count(quote) if quote else 0
        if count != 1:
            raise ValueError("not found verbatim in the source" if count == 0 else f"found {count} times: quote more")
        begin = self.text.index(quote)
        finish = begin + len(quote)
        starts = [start for start, _ in self.spans]
        first = max(bisect_right(starts, begin) - 1, 0)
        covered = [i for i in range(first, len(self.spans)) if self.spans[i][0] < finish]
        return tuple(self.sentence(i) for i in covered)


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
    return SentenceIndex(source, text, tuple(spans))


def _add_span(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))
