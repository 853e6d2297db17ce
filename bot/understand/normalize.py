"""Turn a question into comparable tokens: case, punctuation, quotes, word forms."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_local = threading.local()


class Text(NamedTuple):
    """A normalised question: its tokens and their stems, index for index."""

    tokens: tuple[str, ...]
    stems: tuple[str, ...]

    @property
    def joined(self) -> str:
        """The tokens joined by single spaces, as `/explain` shows them."""
        return " ".join(self.tokens)


def simplify(text: str) -> str:
    """Lower-case and fold quotes, accents, possessives and punctuation to single spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _POSSESSIVE.sub("", text)
    return _NON_WORD.sub(" ", text).strip()


def stem(word: str) -> str:
    """Reduce a word to its stem (founded, founding -> found); thread-safe."""
    return _cached_stem(word)


@lru_cache(maxsize=65536)
def _cached_stem(word: str) -> str:
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return str(stemmer.stemWord(word))


def tokenize(text: str, rewrites: Mapping[str, str] | None = None, symbols: Mapping[int, str] | None = None) -> Text:
    """Normalise text and apply whole-word rewrites (common misspellings, contractions).

    `symbols` (a str.translate table) turns characters into words first ("%" into "percent"),
    before punctuation is dropped.
    """
    if symbols:
        text = text.translate(symbols)
    words: list[str] = []
    for word in simplify(text).split():
        replacement = rewrites.get(word) if rewrites else None
        words.extend(replacement.split() if replacement is not None else (word,))
    return Text(tokens=tuple(words), stems=tuple(stem(word) for word in words))
