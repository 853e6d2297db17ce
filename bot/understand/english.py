"""Whether a word is common English: tells "poem" and "weather" from names such as "Baidu".

A word the knowledge does not know is either an ordinary English word outside its vocabulary or a
name it has never heard of. pyspellchecker's English frequency list (built from a large subtitle
corpus, with proper names mostly filtered out) tells the two apart better than anything we would
write by hand. It answers that question, and offers the ordinary words a misspelt word may be ("releeased"); it is
loaded on the first unknown word, so questions made of known words never pay for it.
"""

from __future__ import annotations

import threading

COMMON = 1000  # a word seen at least this often in the list is ordinary English, not a name

_lock = threading.Lock()
_frequencies: dict[str, int] | None = None
_common: tuple[str, ...] | None = None


def _load() -> dict[str, int]:
    global _frequencies
    with _lock:
        if _frequencies is None:
            from spellchecker import SpellChecker

            _frequencies = dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)
    return _frequencies


def is_common_word(word: str) -> bool:
    """Whether a lower-case word is ordinary English (a name or gibberish is not)."""
    frequencies = _frequencies if _frequencies is not None else _load()
    return frequencies.get(word, 0) >= COMMON


def doer_of(word: str, base: str) -> bool:
    """Whether a word is the doer of another ("photographer" of "photograph", "manager" of "manage",
    "shipper" of "ship"): a stemmer folds the two together and a spelling ratio finds them close, yet one is
    a person and the other a thing or an act."""
    return (
        word.endswith("er")
        and word != base
        and word[:-2] in (base, base[:-1] if base.endswith("e") else base, base + base[-1:])
    )


def is_doer_of_common_word(word: str) -> bool:
    """Whether a word the list lacks is the doer of an ordinary word ("backgrounder"): English, not a name."""
    if not word.endswith("er") or len(word) < 6:
        return False
    stem = word[:-2]
    return any(is_common_word(base) for base in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem))


def frequency(word: str) -> int:
    """How often the word occurs in the list (0 for a name or gibberish)."""
    frequencies = _frequencies if _frequencies is not None else _load()
    return frequencies.get(word, 0)


def common_words() -> tuple[str, ...]:
    """Every ordinary English word, sorted: the words a misspelling may be checked against."""
    global _common
    if _common is None:
        frequencies = _frequencies if _frequencies is not None else _load()
        _common = tuple(sorted(w for w, n in frequencies.items() if n >= COMMON))
    return _common
