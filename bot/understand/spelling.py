"""Matching words by spelling: which vocabulary words a (possibly misspelt) question word may be.

Scores are rapidfuzz ratios scaled to 0..1. rapidfuzz is imported on the first unknown word, so a
question made only of known words (most of them) never loads it.
"""

from __future__ import annotations

from functools import lru_cache

from bot.understand.english import common_words, doer_of, frequency, is_common_word
from bot.understand.lexicon import Vocabulary

MAX_WORD_LISTS = 8  # word lists whose grouping by length is kept
ONE_OFF = 5  # words this long may be taken for a word one letter off
SHORT_WORD = 4  # words shorter than this must match exactly
FUZZY_CUTOFF_FOUR = 88.0  # four-letter words: one letter added ("maail" for "mail"), nothing looser
FUZZY_CUTOFF_SHORT = 85.0  # for words of SHORT_WORD + 1 characters
FUZZY_CUTOFF = 80.0  # for longer words
LOOSE_NAME = 75.0  # one word of a longer name may be spelt this far off ...
LOOSE_NAME_MEAN = 0.88  # ... when the name as a whole still matches this well
NEAR_NAME = 70.0  # an unknown word this close to a name may be a name we could not match
CLEAR_NAME_MATCH = 0.9  # a name matched this well stands even if the word also reads as an attribute
FAMILY_CUTOFF = 85.0  # attribute words are common English: stricter, so "play" is not "players"

Options = dict[str, float]  # vocabulary words one question word may stand for, with scores


def closer_than(candidates: Options, rival: Options) -> Options:
    """Fuzzy name candidates that match at least as well as the word's best attribute reading.

    "founnded" is nearer "found" than the name word "founder" (as in "Alibaba founder"), so it
    stays an attribute word; exact and clear matches ("confereence") always stand.
    """
    best_rival = max(rival.values(), default=0.0)
    return {word: score for word, score in candidates.items() if score >= min(best_rival, CLEAR_NAME_MATCH)}


def least_ratio(word: str, *, short_names: bool) -> float | None:
    """The least ratio at which a misspelling may stand for this vocabulary word (None: exact only).

    Four-letter names ("mail") allow one added letter; four-letter attribute words are common
    English ("word", "own") and must be exact, or "world" would read as "word".
    """
    if len(word) < SHORT_WORD:
        return None
    if len(word) == SHORT_WORD:
        return FUZZY_CUTOFF_FOUR if short_names else None
    return FUZZY_CUTOFF_SHORT if len(word) == SHORT_WORD + 1 else FUZZY_CUTOFF


def similar(
    word: str, vocabulary: Vocabulary, known: frozenset[str], floor: float, *, names: bool, loose: bool = False
) -> dict[str, float]:
    """Vocabulary words this word could be a misspelling of, with scores in 0..1.

    Known words and short words match only exactly; others by rapidfuzz's ratio, at least `floor`.
    """
    if word in known or len(word) < SHORT_WORD or word.isdigit():
        return {word: 1.0} if word in vocabulary.members else {}
    from rapidfuzz import fuzz, process  # imported on the first unknown word: most questions need none

    found: dict[str, float] = {}
    for candidate, score, _ in process.extract(word, vocabulary.words, scorer=fuzz.ratio, limit=5, score_cutoff=floor):
        cutoff = least_ratio(candidate, short_names=names)
        if cutoff is not None and (loose or score >= cutoff) and not doer_of(word, candidate):
            found[candidate] = score / 100.0
    return found


def strict_options(options: Options) -> Options:
    """The candidates close enough to stand for a name word on their own (see least_ratio)."""
    kept = {}
    for word, score in options.items():
        cutoff = least_ratio(word, short_names=True)
        if score == 1.0 or (cutoff is not None and score * 100 >= cutoff):
            kept[word] = score
    return kept


@lru_cache(maxsize=4096)  # per word: the search runs over every common English word of its length
def one_letter_off(word: str, known: frozenset[str]) -> str | None:
    """The word a lower-case misspelling stands for when one letter is dropped, added, changed or swapped
    ("releeased", "majrity"): a word the knowledge uses first, else an ordinary English word, the more
    frequent first. The first letter is kept: people rarely mistype it, and a name the article never mentions
    is often one letter off a word ("Zhang", "hang"). A word near nothing stays as it is.
    """
    if is_common_word(word):
        return None
    # A word in the list at all is a real word or name ("australia" is not "australian"): misspellings are
    # filtered out of it. Such a word is only taken for the word it ends in ("jurisdictions").
    real = frequency(word) > 0
    for words in (_sorted(known), common_words()):
        near = [
            w
            for w in one_letter_off_all(word, words)
            if w.isalpha() and w[:1] == word[:1] and (not real or w == word[:-1])
        ]
        if near:
            return min(near, key=lambda w: (-frequency(w), w))
    return None


@lru_cache(maxsize=4)
def _sorted(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words))


def one_letter_off_all(word: str, words: tuple[str, ...]) -> list[str]:
    """Every word of a sorted list one letter off this one (dropped, added, changed or swapped)."""
    if len(word) < ONE_OFF or not word.isalpha():
        return []
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    by_length = _by_length(words)
    near = [
        (distance, found)
        for size in (len(word) - 1, len(word), len(word) + 1)
        for found, distance, _ in process.extract(
            word, by_length.get(size, ()), scorer=OSA.distance, score_cutoff=1, limit=None
        )
    ]
    return [w for _, w in sorted(near) if w != word]


_grouped: dict[int, tuple[tuple[str, ...], dict[int, tuple[str, ...]]]] = {}


def _by_length(words: tuple[str, ...]) -> dict[int, tuple[str, ...]]:
    """The words by length (one letter off means a length at most one apart), kept per word list: the
    lists are long-lived, and hashing a long tuple on every call would cost more than it saves."""
    kept = _grouped.get(id(words))
    if kept is not None and kept[0] is words:
        return kept[1]
    grouped: dict[int, list[str]] = {}
    for word in words:
        grouped.setdefault(len(word), []).append(word)
    result = {size: tuple(group) for size, group in grouped.items()}
    if len(_grouped) > MAX_WORD_LISTS:
        _grouped.clear()
    _grouped[id(words)] = (words, result)
    return result
