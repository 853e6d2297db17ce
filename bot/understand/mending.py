"""Mending a question's words before mentions are found: misspelt function words ("mcuh"), tokens run
together ("alibabagroup"), and lower-case "unknown names" that are ordinary words misspelt ("releeased")."""

from __future__ import annotations

from bot.understand.english import is_common_word
from bot.understand.lexicon import Lexicon
from bot.understand.model import Found
from bot.understand.normalize import Text, stem
from bot.understand.spelling import one_letter_off
from bot.understand.words import SHORT_FUNCTION, name_options, spelt_near

MIN_SPLIT = 5  # shorter run-together tokens are not split
MAX_PARTS = 6  # words one run-together token may split into ("howmuchdoesalibabaget")
MIN_NAME_PART = 4  # a name word this long, run together with another, is not a misspelling
MIN_MENDED = 5  # a lower-case word this long one letter off a known or common word is that word misspelt


def mend_unknown(found: Found, lexicon: Lexicon) -> Text | None:
    text = found.text
    tokens = list(text.tokens)
    for name in found.unknown:
        for i in range(name.start, name.end):
            capitalised = bool(text.capitalised and text.capitalised[i])
            if len(tokens[i]) >= MIN_MENDED and tokens[i].isalpha() and not capitalised:
                mended = one_letter_off(tokens[i], lexicon.known)
                if mended is not None and (mended in lexicon.known or not _beside_a_word(tokens, i, lexicon)):
                    tokens[i] = mended  # "jeff bezos" is no "jeff bozos": beside another word, it stays a name
    if tuple(tokens) == text.tokens:
        return None
    return text._replace(tokens=tuple(tokens), stems=tuple(stem(t) for t in tokens))


def _beside_a_word(tokens: list[str], i: int, lexicon: Lexicon) -> bool:
    """Whether a word the bot does not know stands next to the token ("JEFF bezos"): the two may be one name."""
    return any(
        0 <= j < len(tokens) and tokens[j].isalpha() and tokens[j] not in lexicon.known
        and tokens[j] not in lexicon.stopwords
        for j in (i - 1, i + 1)
    )  # fmt: skip


def correct_function_words(text: Text, lexicon: Lexicon) -> Text:
    """Mend a misspelt question or function word ("mcuh", "wehn") by one letter changed, added, dropped or
    swapped: such words are never names, and the vocabulary of names and relations has its own matching."""
    tokens = list(text.tokens)
    changed = False
    capitals = text.capitalised
    for i, word in enumerate(tokens):
        if word in lexicon.known or len(word) < SHORT_FUNCTION or not word.isalpha():
            continue
        if (capitals and capitals[i]) or _beside_a_word(tokens, i, lexicon):
            continue  # "Elon Musk", "elon musk": a name, not "must" misspelt
        if spelt_near(word, text.stems[i], lexicon):
            continue  # "ownes" is "owns", "evens" is "Evans": names and relation words come first
        if is_common_word(word):
            continue  # "in SIMPLE words" is no "simply" misspelt
        fixed = _near_function_word(word, lexicon)
        if fixed is not None:
            tokens[i], changed = fixed, True
    if not changed:
        return text
    return text._replace(tokens=tuple(tokens), stems=tuple(stem(t) for t in tokens))


def _near_function_word(word: str, lexicon: Lexicon) -> str | None:
    from rapidfuzz.distance import OSA  # only for the rare unknown word

    for candidate in lexicon.function_words:
        if candidate[0] == word[0] and abs(len(candidate) - len(word)) <= 1 and OSA.distance(word, candidate) <= 1:
            return candidate
    return None


def split_run_together(text: Text, lexicon: Lexicon) -> Text:
    """Split tokens such as "alibabagroup" into known words, when one of the parts is a name word and the
    token is not simply a misspelt word ("usmanof" is Usmanov, not "us man of")."""
    if all(word in lexicon.known or len(word) < MIN_SPLIT or not word.isalpha() for word in text.tokens):
        return text
    tokens, stems, capitals, possessive, surface, breaks, opens = [], [], [], [], [], [], []
    for i, word in enumerate(text.tokens):
        unknown = word not in lexicon.known and len(word) >= MIN_SPLIT
        parts = _split(word, lexicon) if unknown else None
        if parts and is_common_word(word):
            parts = None  # "forty" is a word of its own, not "for ty"
        if parts and not _holds_a_whole_name(parts, lexicon) and _misspelt(word, text.stems[i], parts, lexicon):
            parts = None  # "usmanof" is Usmanov misspelt, not "us man of"
        for part in parts or [word]:
            tokens.append(part)
            stems.append(stem(part) if parts else text.stems[i])
            capitals.append(text.capitalised[i] if text.capitalised else False)
            possessive.append(text.possessive[i] if text.possessive else False)
            surface.append(part if parts else (text.surface[i] if text.surface else word))
            first = part == (parts or [word])[0]
            breaks.append(text.boundary[i] if text.boundary and first else False)
            opens.append(text.opens[i] if text.opens and first else False)
    return Text(
        tuple(tokens), tuple(stems), tuple(capitals), tuple(possessive), tuple(surface), tuple(breaks), tuple(opens)
    )


def _split(word: str, lexicon: Lexicon) -> list[str] | None:
    """The fewest known words (two to MAX_PARTS) that make up the token, one of them a name word or the
    first a question word; of equally few, the one with the longest first word ("howmuchpercentmegafon":
    how much percent megafon)."""
    vocabulary = lexicon.known
    best: dict[int, list[str]] = {0: []}  # a split of word[:end] into the fewest known words, by end
    for end in range(2, len(word) + 1):
        options = [
            [*best[cut], word[cut:end]]
            for cut in range(0, end - 1)
            if cut in best and len(best[cut]) < MAX_PARTS and word[cut:end] in vocabulary
        ]
        if options:
            best[end] = min(options, key=lambda parts: (len(parts), [-len(p) for p in parts]))
    candidate = best.get(len(word))
    if candidate is None or len(candidate) < 2:
        return None
    if candidate[0] in lexicon.grammar.question_words:
        return candidate  # "howmuch", "whoowns": a question word run into the next is never a name
    if all(part in lexicon.stopwords for part in candidate):
        return candidate  # "inthe", "ofthe": little words run together name nothing
    return candidate if any(_is_name_word(part, lexicon) for part in candidate) else None


def _misspelt(word: str, word_stem: str, parts: list[str], lexicon: Lexicon) -> bool:
    """Whether the token is rather a misspelt name or word than words run together; little words run
    together ("mostof") are a misspelling only of a name."""
    if all(part in lexicon.stopwords for part in parts):
        return bool(name_options(word, lexicon))
    return spelt_near(word, word_stem, lexicon)


def _holds_a_whole_name(parts: list[str], lexicon: Lexicon) -> bool:
    """Whether the token holds a whole name word run into known words ("alibabamailru", "alibabashare"), so
    a near spelling of the name cannot be meant."""
    return any(len(p) >= MIN_NAME_PART and _is_name_word(p, lexicon) for p in parts)


def _is_name_word(word: str, lexicon: Lexicon) -> bool:
    return word in lexicon.name_words.members and word not in lexicon.stopwords
