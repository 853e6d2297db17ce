"""Find what a question mentions: names, relation words, types, values, cues, and names nobody knows.

Each word gets its possible readings first: itself if the vocabulary has it, else near spellings
(rapidfuzz), the words phone typing leaves of it ("stk" for "stake"), or, for a run-together token,
the known words it splits into ("alibabagroup"). Phrases are then found over those readings. Where
phrases overlap, the longest wins; phrases on the very same words are kept side by side, as
alternatives for the readings to choose from.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.understand.english import is_common_word
from bot.understand.lexicon import Lexicon, PhraseTable, neighbours, skeleton
from bot.understand.model import Found, Mention, UnknownName
from bot.understand.normalize import Text, stem
from bot.understand.spelling import (
    FAMILY_CUTOFF,
    LOOSE_NAME,
    LOOSE_NAME_MEAN,
    NEAR_NAME,
    Options,
    closer_than,
    one_letter_off,
    one_letter_off_all,
    similar,
    strict_options,
)

STEM_ONLY = 0.99  # a phrase found through its stem ("holding" for "hold") rather than as written
ONE_OFF_SCORE = 0.9  # a word one letter off a language word, as written ("presient")
SKELETON_SCORE = 0.8  # a word read from its consonants alone ("stk") is as sure as a fair misspelling
SECONDARY = frozenset(
    {
        "focus",
        "yesno",
        "yesclose",
        "either",
        "smalltalk",
        "advice",
        "negation",
        "followup",
        "demonstrative",
        "pronoun",
        "ordinal",
        "exclusion",
    }
)  # cues that may overlap the phrases they sit in
PRIORITY = {"entity": 0, "relation": 1, "title": 1, "type": 2, "attribute": 3, "aggregate": 4, "valueword": 5}
YEAR_RANGE = (1000, 2999)
MIN_SPLIT = 6  # shorter run-together tokens are not split
MIN_MENDED = 5  # a lower-case word this long one letter off a known or common word is that word misspelt
SHORT_FUNCTION = 4  # function words this long or longer are mended when one letter is off
SHORT_NAME_SCORE = 0.8  # a three-letter word one letter off a name word, good only inside a longer name


def find_mentions(text: Text, lexicon: Lexicon, *, mend: bool = True) -> Found:
    """Every mention in a normalised question, the names nobody knows, and the words left unexplained.

    A lower-case "unknown name" one letter off a known or ordinary word is that word misspelt
    ("releeased"); the question is read again with it mended.
    """
    found = _find(split_run_together(correct_function_words(text, lexicon), lexicon), lexicon)
    if not mend or not found.unknown:
        return found
    mended = _mend_unknown(found, lexicon)
    return find_mentions(mended, lexicon, mend=False) if mended is not None else found


def _mend_unknown(found: Found, lexicon: Lexicon) -> Text | None:
    text = found.text
    tokens = list(text.tokens)
    for name in found.unknown:
        for i in range(name.start, name.end):
            capitalised = bool(text.capitalised and text.capitalised[i])
            if len(tokens[i]) >= MIN_MENDED and tokens[i].isalpha() and not capitalised:
                tokens[i] = one_letter_off(tokens[i], lexicon.known) or tokens[i]
    if tuple(tokens) == text.tokens:
        return None
    return text._replace(tokens=tuple(tokens), stems=tuple(stem(t) for t in tokens))


def _find(text: Text, lexicon: Lexicon) -> Found:
    words, stems = text.tokens, text.stems
    term_options = [_term_options(word, word_stem, lexicon) for word, word_stem in zip(words, stems, strict=True)]
    name_options = [
        closer_than(_name_options(word, lexicon), rival) for word, rival in zip(words, term_options, strict=True)
    ]
    hits = _find_phrases(words, lexicon.names, [strict_options(option) for option in name_options], "entity")
    hits += _loose_names(words, lexicon, name_options)
    hits += _same_form_only(_find_phrases(stems, lexicon.terms, term_options, "", words))
    hits += _values(words, lexicon.grammar.percent)
    mentions = _negated(_resolve_overlaps(_not_indefinite(hits, words, lexicon)), words, lexicon)
    covered = {i for m in mentions for i in range(m.start, m.end)}
    covered |= {i for i, word in enumerate(words) if _skeleton_stopword(word, lexicon)}
    unknown, unexplained = _leftovers(text, covered, lexicon)
    return Found(text, tuple(mentions), unknown, unexplained)


def _negated(mentions: list[Mention], words: Sequence[str], lexicon: Lexicon) -> list[Mention]:
    """'The only NON-Russian partner': an attribute value after a negating prefix is its opposite ("!russian")."""
    negating = lexicon.grammar.negating
    return [
        m._replace(start=m.start - 1, detail="!" + m.detail)
        if m.kind == "attribute" and m.start > 0 and words[m.start - 1] in negating
        else m
        for m in mentions
    ]


def _not_indefinite(mentions: list[Mention], words: Sequence[str], lexicon: Lexicon) -> list[Mention]:
    """'Is Mail.ru a Chinese company?', 'is it Russian or Chinese company?': a description after "a", or
    as one of two options, classifies; it names no entity (the Chinese company of the article is Alibaba).
    A proper name stays a name ("a MegaFon spokesman")."""
    indefinite = lexicon.grammar.indefinite
    options = {i for m in mentions if m.kind == "either" for i in (m.start - 1, m.end)}  # "Russian or Chinese firm"

    def classifies(m: Mention) -> bool:
        if words and words[0] in lexicon.grammar.relative:
            return False  # "which company is called an e-commerce giant?": the description picks one
        after_article = m.start > 0 and words[m.start - 1] in indefinite
        return after_article or m.start in options or m.end - 1 in options

    return [
        m
        for m in mentions
        if not (
            m.kind == "entity" and classifies(m) and not any(w in lexicon.name_heads for w in words[m.start : m.end])
        )
    ]


def correct_function_words(text: Text, lexicon: Lexicon) -> Text:
    """Mend a misspelt question or function word ("mcuh", "wehn") by one letter changed, added, dropped or
    swapped: such words are never names, and the vocabulary of names and relations has its own matching."""
    tokens = list(text.tokens)
    changed = False
    for i, word in enumerate(tokens):
        if word in lexicon.known or len(word) < SHORT_FUNCTION or not word.isalpha():
            continue
        if _spelt_near(word, text.stems[i], lexicon):
            continue  # "ownes" is "owns", "evens" is "Evans": names and relation words come first
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
        parts = _split(word, lexicon) if unknown and not _spelt_near(word, text.stems[i], lexicon) else None
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


def _spelt_near(word: str, word_stem: str, lexicon: Lexicon) -> bool:
    return bool(_name_options(word, lexicon) or _term_options(word, word_stem, lexicon))


def _split(word: str, lexicon: Lexicon) -> list[str] | None:
    """The fewest known words (two or three) that make up the token, one of them a name word."""
    vocabulary = lexicon.known
    best: list[str] | None = None
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if head not in vocabulary:
            continue
        if tail in vocabulary:
            candidate = [head, tail]
        else:
            candidate = next(
                (
                    [head, tail[:k], tail[k:]]
                    for k in range(2, len(tail) - 1)
                    if tail[:k] in vocabulary and tail[k:] in vocabulary
                ),
                [],
            )
        names = [part for part in candidate if part in lexicon.name_words.members and part not in lexicon.stopwords]
        better = best is None or (len(candidate), -len(candidate[0])) < (len(best), -len(best[0]))
        if candidate and names and better:
            best = candidate
    return best


def _skeleton_stopword(word: str, lexicon: Lexicon) -> bool:
    """A phone-typed function word ("th", "wt") that needs no explaining."""
    if word in lexicon.known or not word.isalpha() or skeleton(word) != word:
        return False
    return any(candidate in lexicon.stopwords for candidate in lexicon.skeletons.get(word, ()))


def _term_options(word: str, word_stem: str, lexicon: Lexicon) -> Options:
    """The term stems a word may stand for: its own, a near spelling, or what its consonants spell."""
    if word_stem in lexicon.term_stems.members:
        return {word_stem: 1.0}
    if word in lexicon.known or word.isdigit():
        return {}
    options = similar(word_stem, lexicon.term_stems, lexicon.known, FAMILY_CUTOFF, names=False)
    if not one_letter_off_all(word, lexicon.variants):  # "evens" is Evans before it is "events"
        for candidate in one_letter_off_all(word, lexicon.term_words):  # "presient": "president" or "present"
            options.setdefault(stem(candidate), ONE_OFF_SCORE)
    if not options and word.isalpha() and skeleton(word) == word:
        for candidate in lexicon.skeletons.get(word, ()):
            candidate_stem = stem(candidate)
            if candidate_stem in lexicon.term_stems.members:
                options[candidate_stem] = SKELETON_SCORE
    return options


def _name_options(word: str, lexicon: Lexicon) -> Options:
    """The name words a word may stand for, scored: itself and its variants, or near spellings."""
    if word in lexicon.name_words.members:
        return {word: 1.0, **neighbours(word, lexicon)}
    if word in lexicon.known or word.isdigit():
        return {}
    options = similar(word, lexicon.name_words, lexicon.known, NEAR_NAME, names=True, loose=True)
    if not options and len(word) == SHORT_FUNCTION - 1 and word.isalpha():  # "jak ma": a short word one letter off
        from rapidfuzz.distance import OSA

        for candidate in lexicon.name_words.words:
            if candidate[0] == word[0] and abs(len(candidate) - len(word)) <= 1 and OSA.distance(word, candidate) <= 1:
                options[candidate] = SHORT_NAME_SCORE
    if not options and word.isalpha() and skeleton(word) == word:
        for candidate in lexicon.skeletons.get(word, ()):
            if candidate in lexicon.name_words.members:
                options[candidate] = SKELETON_SCORE
    return options


def _same_form_only(hits: list[Mention]) -> list[Mention]:
    """Where words match a phrase exactly as written, drop what matches them only through a shared stem
    ("hold" is not "holdings", "organisation" is not "organise")."""
    exact = {h.span for h in hits if h.score == 1.0}
    return [h for h in hits if h.score == 1.0 or h.span not in exact]


def _find_phrases(
    words: Sequence[str], table: PhraseTable, options: Sequence[Options], kind: str, surface: Sequence[str] = ()
) -> list[Mention]:
    """Every occurrence of every phrase, each word matched by one of the options for its position.

    A phrase matched through a shared stem rather than as written scores a little lower (STEM_ONLY).
    """
    hits: list[Mention] = []
    for start, first_options in enumerate(options):
        for first, first_score in first_options.items():
            for phrase in table.get(first, ()):
                end = start + len(phrase.words)
                if end > len(words):
                    continue
                scores = [first_score] + [
                    options[i].get(w, 0.0) for i, w in zip(range(start + 1, end), phrase.words[1:], strict=True)
                ]
                if min(scores) > 0:
                    score = sum(scores) / len(scores)
                    if surface and phrase.text and " ".join(surface[start:end]) != phrase.text:
                        score *= STEM_ONLY
                    hits.append(
                        Mention(kind or phrase.kind, phrase.target, start, end, score, phrase.detail, phrase.weak)
                    )
    return hits


def _loose_names(words: Sequence[str], lexicon: Lexicon, name_options: Sequence[Options]) -> list[Mention]:
    """Names of several words where one word is spelt further off ("Michael Evens"): the rest must carry it."""
    loose = [{word: score for word, score in option.items() if score * 100 >= LOOSE_NAME} for option in name_options]
    return [
        hit
        for hit in _find_phrases(words, lexicon.names, loose, "entity")
        if hit.end - hit.start > 1 and hit.score >= LOOSE_NAME_MEAN
    ]


def _values(words: Sequence[str], percent: frozenset[str]) -> list[Mention]:
    """Numbers: a year, a percentage ("48 percent", "48 per cent"), or a plain number."""
    found: list[Mention] = []
    for i, word in enumerate(words):
        if not word.isdigit() or len(word) > 6:
            continue
        number = int(word)
        two = " ".join(words[i + 1 : i + 3])
        if i + 1 < len(words) and (words[i + 1] in percent or two in percent):
            end = i + 3 if two in percent else i + 2
            found.append(Mention("percent", str(number), i, end))
        elif YEAR_RANGE[0] <= number <= YEAR_RANGE[1] and len(word) == 4:
            found.append(Mention("year", str(number), i, i + 1))
        else:
            found.append(Mention("number", str(number), i, i + 1))
    return found


def _resolve_overlaps(hits: list[Mention]) -> list[Mention]:
    """Keep the longest phrases; phrases on exactly the same words stay side by side; cues may overlap."""
    primary = [hit for hit in hits if hit.kind not in SECONDARY]
    chosen_spans: list[tuple[int, int]] = []
    kept: list[Mention] = []
    order = sorted(primary, key=lambda h: (-(h.end - h.start), PRIORITY.get(h.kind, 9), -h.score, h.start, h.target))
    for hit in order:
        span = (hit.start, hit.end)
        if span in chosen_spans or all(hit.end <= s or hit.start >= e for s, e in chosen_spans):
            if span not in chosen_spans:
                chosen_spans.append(span)
            if not any(
                k.span == span and k.kind == hit.kind and k.target == hit.target and k.detail == hit.detail
                for k in kept
            ):
                kept.append(hit)
    secondary = list(dict.fromkeys(hit for hit in hits if hit.kind in SECONDARY))
    return sorted(kept + secondary, key=lambda m: (m.start, m.end, PRIORITY.get(m.kind, 9), m.kind, m.target))


def _leftovers(text: Text, covered: set[int], lexicon: Lexicon) -> tuple[tuple[UnknownName, ...], tuple[int, ...]]:
    """Names nobody knows (merged with neighbouring capitalised words) and other unexplained content words."""
    words = text.tokens
    capitalised = text.capitalised or tuple(False for _ in words)
    name_at: list[bool] = []
    unexplained: list[int] = []
    for i, word in enumerate(words):
        is_name = False
        if i not in covered and word not in lexicon.stopwords and not word.isdigit():
            if word in lexicon.known:
                unexplained.append(i)
            elif capitalised[i] or not is_common_word(word):
                is_name = True
            else:
                unexplained.append(i)
        name_at.append(is_name)
    for i in range(len(words)):  # a capitalised word next to an unknown name is part of it ("Michael Jordan")
        beside = (i > 0 and name_at[i - 1]) or (i + 1 < len(words) and name_at[i + 1])
        if not name_at[i] and i not in covered and capitalised[i] and words[i] not in lexicon.stopwords and beside:
            name_at[i] = True
    names: list[UnknownName] = []
    start: int | None = None
    for i in range(len(words) + 1):
        if i < len(words) and name_at[i]:
            start = i if start is None else start
        elif start is not None:
            written = " ".join((text.surface or words)[start:i])
            names.append(UnknownName(written if written != written.lower() else written.title(), start, i))
            start = None
    in_names = {i for name in names for i in range(name.start, name.end)}
    return tuple(names), tuple(i for i in unexplained if i not in in_names)
