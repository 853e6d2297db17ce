"""Whether a word is common English: tells "poem" and "weather" from names such as "Baidu".

A word the knowledge does not know is either an ordinary English word outside its vocabulary or a
name it has never heard of. pyspellchecker's English frequency list (built from a large subtitle
corpus, with proper names mostly filtered out) tells the two apart better than anything we would
write by hand. It is used for that one question only, never to correct a word, and it is loaded on
the first unknown word, so questions made of known words never pay for it.
"""

from __future__ import annotations

import threading

COMMON = 1000  # a word seen at least this often in the list is ordinary English, not a name

_lock = threading.Lock()
_frequencies: dict[str, int] | None = None


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
