"""Which vocabulary words one question word may stand for: itself, a near spelling, a variant of a name,
or what its consonants spell when phone typing dropped the vowels ("stk" for "stake")."""

from __future__ import annotations

from bot.understand.english import is_common_word
from bot.understand.lexicon import Lexicon, neighbours, skeleton
from bot.understand.normalize import stem
from bot.understand.spelling import FAMILY_CUTOFF, NEAR_NAME, Options, one_letter_off_all, similar

ONE_OFF_SCORE = 0.9  # a word one letter off a language word, as written ("presient")
SKELETON_SCORE = 0.8  # a word read from its consonants alone ("stk") is as sure as a fair misspelling
SHORT_FUNCTION = 4  # function words this long or longer are mended when one letter is off
SHORT_NAME_SCORE = 0.8  # a three-letter word one letter off a name word, good only inside a longer name
SHORT_SKELETON = 2  # consonants this few spell a word only when they spell one ("st": set, site, state, ...)


def skeleton_stopword(word: str, lexicon: Lexicon) -> bool:
    """A phone-typed function word ("th", "wt") that needs no explaining."""
    if word in lexicon.known or not word.isalpha() or skeleton(word) != word:
        return False
    return any(candidate in lexicon.stopwords for candidate in lexicon.skeletons.get(word, ()))


def term_options(word: str, word_stem: str, lexicon: Lexicon) -> Options:
    """The term stems a word may stand for: its own, a near spelling, or what its consonants spell."""
    if word_stem in lexicon.term_stems.members:
        return {word_stem: 1.0}
    if word in lexicon.known or word.isdigit():
        return {}
    options = similar(word_stem, lexicon.term_stems, lexicon.known, FAMILY_CUTOFF, names=False)
    if is_common_word(word):  # "seems" is a word of its own, not "seeks" misspelt; "east" may be "eastern"
        return {t: score for t, score in options.items() if t.startswith(word_stem) or word_stem.startswith(t)}
    if not one_letter_off_all(word, lexicon.variants):  # "evens" is Evans before it is "events"
        for candidate in one_letter_off_all(word, lexicon.term_words):  # "presient": "president" or "present"
            options.setdefault(stem(candidate), ONE_OFF_SCORE)
    if not options and word.isalpha() and skeleton(word) == word:
        for candidate in lexicon.skeletons.get(word, ()):
            candidate_stem = stem(candidate)
            if candidate_stem in lexicon.term_stems.members:
                options[candidate_stem] = SKELETON_SCORE
        if len(word) <= SHORT_SKELETON and len(options) > 1:
            return {}  # "st" of "St Petersburg" is no word the bot can choose
    return options


def name_options(word: str, lexicon: Lexicon) -> Options:
    """The name words a word may stand for, scored: itself and its variants, or near spellings."""
    if word in lexicon.name_words.members:
        return {word: 1.0, **neighbours(word, lexicon)}
    if word in lexicon.known or word.isdigit():
        return {}
    options = similar(word, lexicon.name_words, lexicon.known, NEAR_NAME, names=True, loose=True)
    if options and is_common_word(word):  # "venue" is a word of its own, not "venture" misspelt
        return {n: score for n, score in options.items() if n.startswith(word) or word.startswith(n)}
    if not options and len(word) == SHORT_FUNCTION - 1 and word.isalpha():  # "jak ma": a short word one letter off
        from rapidfuzz.distance import OSA

        for candidate in lexicon.name_words.words:
            if candidate[0] == word[0] and abs(len(candidate) - len(word)) <= 1 and OSA.distance(word, candidate) <= 1:
                options[candidate] = SHORT_NAME_SCORE
    if word.isalpha() and skeleton(word) == word:  # "mgfn": the consonants of one name, whatever else is near
        spelt = [c for c in lexicon.skeletons.get(word, ()) if c in lexicon.name_words.members]
        if spelt:  # a near spelling no surer than the consonants gives way to them ("rdf": RDIF, not "RF")
            options = {n: score for n, score in options.items() if score > SKELETON_SCORE}
        for candidate in spelt:
            options[candidate] = max(options.get(candidate, 0.0), SKELETON_SCORE)
    return options


def spelt_near(word: str, word_stem: str, lexicon: Lexicon) -> bool:
    return bool(name_options(word, lexicon) or term_options(word, word_stem, lexicon))
