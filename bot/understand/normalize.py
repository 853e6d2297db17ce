"""Turn a question into comparable tokens: case, punctuation, quotes, word forms, and what case said."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple, TypeVar

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
_RAW_WORD = re.compile(r"[0-9A-Za-z]+(?:'[sS]\b|(?<=[nN])'[tT]\b|(?<=[sS])'(?=\s|$))?")
_HYPHEN_NEXT = re.compile(r"-[0-9A-Za-z]")
_SENTENCE_END = re.compile(r"[.!?]\s*$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"')\]]*\s+$")  # "Mail.ru" has a dot, but no sentence ends inside it
_CLAUSE_BREAK = re.compile(r"[,;:!?()\u2013\u2014]|\s-\s")
_local = threading.local()


T = TypeVar("T")


class Text(NamedTuple):
    """A normalised question: tokens, their stems and what the original case and punctuation said."""

    tokens: tuple[str, ...]
    stems: tuple[str, ...]
    capitalised: tuple[bool, ...] = ()  # written with a capital (or all capitals) where it was not sentence-initial
    possessive: tuple[bool, ...] = ()  # written with 's ("MegaFon's stake")
    surface: tuple[str, ...] = ()  # each token as written, with its case ("Baidu")
    boundary: tuple[bool, ...] = ()  # a comma, colon, dash or similar stands right before the token
    opens: tuple[bool, ...] = ()  # the token starts a new sentence ("... my essay. Who wrote it?")

    def part(self, start: int, end: int) -> Text:
        """The words from start to end, with everything known about them."""
        return Text(
            self.tokens[start:end],
            self.stems[start:end],
            self.capitalised[start:end],
            self.possessive[start:end],
            self.surface[start:end],
            self.boundary[start:end],
            self.opens[start:end],
        )

    def without(self, start: int, end: int) -> Text:
        """The words outside start..end, with everything known about them."""

        def cut(values: tuple[T, ...]) -> tuple[T, ...]:
            return values[:start] + values[end:]

        return Text(
            cut(self.tokens),
            cut(self.stems),
            cut(self.capitalised),
            cut(self.possessive),
            cut(self.surface),
            cut(self.boundary),
            cut(self.opens),
        )

    def opened_by(self, word: str) -> Text:
        """The words with one lower-case word put before them ("where" + "was the deal announced")."""
        return Text(
            (word, *self.tokens),
            (stem(word), *self.stems),
            (False, *self.capitalised),
            (False, *self.possessive),
            (word, *self.surface),
            (False, *self.boundary),
            (True, *self.opens) if self.opens else (),
        )

    def then(self, other: Text) -> Text:
        """These words followed by another text's ("MegaFon has 13%" + "right?")."""
        return Text(
            self.tokens + other.tokens,
            self.stems + other.stems,
            self.capitalised + other.capitalised,
            self.possessive + other.possessive,
            self.surface + other.surface,
            self.boundary + other.boundary,
            self.opens + other.opens,
        )

    @property
    def joined(self) -> str:
        """The tokens joined by single spaces, as `/explain` shows them."""
        return " ".join(self.tokens)


def fold(text: str) -> str:
    """Fold curly quotes and accents, keeping case and punctuation."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def simplify(text: str) -> str:
    """Lower-case and fold quotes, accents, possessives and punctuation to single spaces.

    Cached: answering simplifies the same fact answers and values for many readings of one question.
    """
    text = fold(text).lower()
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


@lru_cache(maxsize=256)
def _standing_alone(written: str) -> re.Pattern[str]:
    """A pattern for shorthand with no letter or digit either side ("y/n", not the "y/n" of "xy/nz")."""
    return re.compile(rf"(?<![0-9a-z]){re.escape(written)}(?![0-9a-z])", re.IGNORECASE)


RawWord = tuple[str, bool, bool, str, bool, bool, bool]


def _raw_words(text: str, abbreviations: frozenset[str] = frozenset()) -> list[RawWord]:
    """The words of folded text: (word, capitalised mid-sentence, possessive, as written, after a clause break,
    opening a new sentence, a piece of a hyphenated word). The period of an abbreviation ("Mr.") ends nothing."""
    found: list[RawWord] = []
    previous_end = 0
    previous = ""
    for match in _RAW_WORD.finditer(text):
        word = match.group()
        negative = word[-3:].lower() == "n't"  # "isn't", "didn't": one word, as people type it without the apostrophe
        possessive = "'" in word and not negative
        core = word.replace("'", "") if negative else word.split("'")[0]
        gap = text[previous_end : match.start()]
        if previous in abbreviations and gap.startswith("."):
            gap = gap[1:]  # "Mr. Usmanov": one sentence
        previous = word.lower()
        initial = not found or bool(_SENTENCE_END.search(gap))
        broken = bool(found) and bool(_CLAUSE_BREAK.search(gap))
        capital = core[:1].isupper() and (not initial or (len(core) > 1 and core.isupper()))
        previous_end = match.end()
        parts = [p for p in re.split(r"[^0-9A-Za-z]+", core) if p]
        hyphened = (bool(found) and gap == "-") or bool(_HYPHEN_NEXT.match(text, match.end()))  # "co-founded"
        for number, part in enumerate(parts):
            first = number == 0
            opening = first and bool(found) and bool(_SENTENCE_BREAK.search(gap))
            found.append((part.lower(), capital, possessive, part, broken and first, opening, hyphened))
    return found


def tokenize(
    text: str,
    rewrites: Mapping[str, str] | None = None,
    symbols: Mapping[int, str] | None = None,
    abbreviations: frozenset[str] = frozenset(),
    shorthand: Sequence[tuple[str, str]] = (),
) -> Text:
    """Normalise text and apply whole-word rewrites (common misspellings, contractions).

    `shorthand` patterns spell out written forms ("y/n"); `symbols` (a str.translate table) then turns
    characters into words ("%" into "percent"), before punctuation is dropped. Each token remembers
    whether it was written with a capital away from the start of a sentence (a hint that it is a name)
    and whether it carried a possessive 's.
    """
    for written, spelt_out in shorthand:  # "y/n" as written, before its slash is dropped
        text = _standing_alone(written).sub(f" {spelt_out} ", text)
    if symbols:
        text = text.translate(symbols)
    words: list[str] = []
    capitals: list[bool] = []
    possessives: list[bool] = []
    surfaces: list[str] = []
    breaks: list[bool] = []
    opens: list[bool] = []
    for word, capital, possessive, written, broken, opening, piece in _raw_words(fold(text), abbreviations):
        # a rewrite is for a word as typed, not a piece of one: the "co" of "co-founded" is no "company"
        replacement = rewrites.get(word) if rewrites and not piece else None
        if replacement is None and possessive and rewrites and not piece:
            replacement = rewrites.get(f"{word}s")  # "how's" as "hows" is typed: "how is"; "MegaFon's" stays
        parts = replacement.split() if replacement is not None else [word]
        for position, part in enumerate(parts):
            words.append(part)
            capitals.append(capital and replacement is None)
            possessives.append(possessive and position == len(parts) - 1)
            surfaces.append(written if replacement is None else part)
            breaks.append(broken and position == 0)
            opens.append(opening and position == 0)
    return Text(
        tuple(words),
        tuple(stem(w) for w in words),
        tuple(capitals),
        tuple(possessives),
        tuple(surfaces),
        tuple(breaks),
        tuple(opens),
    )
