"""Find what a question mentions: names, relation words, types, values, cues, and names nobody knows.

Each word gets its possible readings first: itself if the vocabulary has it, else near spellings
(rapidfuzz), the words phone typing leaves of it ("stk" for "stake"), or, for a run-together token,
the known words it splits into ("alibabagroup"). Phrases are then found over those readings. Where
phrases overlap, the longest wins; phrases on the very same words are kept side by side, as
alternatives for the readings to choose from.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.understand.english import doer_of, frequency, is_common_word, is_doer_of_common_word
from bot.understand.grammar import only_opening, word_before
from bot.understand.lexicon import Lexicon, Phrase, PhraseTable, skeleton
from bot.understand.mending import correct_function_words, mend_unknown, split_run_together
from bot.understand.model import Found, Mention, UnknownName
from bot.understand.normalize import Text
from bot.understand.spelling import LOOSE_NAME, LOOSE_NAME_MEAN, Options, closer_than, strict_options
from bot.understand.words import name_options, skeleton_stopword, term_options

STEM_ONLY = 0.99  # a phrase found through its stem ("holding" for "hold") rather than as written
OWNED_REACH = 3  # words from "my"/"our" to the end of the asker's own noun phrase ("our weekly markets newsletter")
SPELLING_SLACK = 2  # letters a misspelt word may be further from a phrase than from the nearest one it may be
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
SUPPORT_REACH = 3  # describing words between a support verb and its noun ("did a big e-commerce deal with")
DESCRIBING = frozenset({"type", "attribute", "aggregate", "valueword"})  # ... and what they may be
PARTICIPLE_MIN = 4  # a shorter word ending like a participle is none ("get THEN", "got TEN")
NOUN_FORMS = frozenset({"action", "topic"})  # a relation's words that name its act ("partnership")


def find_mentions(text: Text, lexicon: Lexicon, *, mend: bool = True) -> Found:
    """Every mention in a normalised question, the names nobody knows, and the words left unexplained.

    A lower-case "unknown name" one letter off a known or ordinary word is that word misspelt
    ("releeased"); the question is read again with it mended.
    """
    found = _find(split_run_together(correct_function_words(text, lexicon), lexicon), lexicon)
    if not mend or not found.unknown:
        return found
    mended = mend_unknown(found, lexicon)
    return find_mentions(mended, lexicon, mend=False) if mended is not None else found


def _find(text: Text, lexicon: Lexicon) -> Found:
    words, stems = text.tokens, text.stems
    terms = [
        _standing_for_the_article(word, term_options(word, word_stem, lexicon), lexicon)
        for word, word_stem in zip(words, stems, strict=True)
    ]
    names = [closer_than(name_options(word, lexicon), rival) for word, rival in zip(words, terms, strict=True)]
    hits = _find_phrases(words, lexicon.names, [strict_options(option) for option in names], "entity")
    hits += _loose_names(words, lexicon, names)
    hits += [
        h
        for h in _same_form_only(_find_phrases(stems, lexicon.terms, terms, "", words))
        if not _ends_on_a_stand_in(h, stems, lexicon)
    ]
    hits += _values(words, lexicon.grammar.percent, lexicon.grammar.money, lexicon.grammar.numbers)
    mentions = _negated(
        _resolve_overlaps(
            _not_indefinite(_nouns_not_verbs(_unranked(hits, words, lexicon), words, lexicon), words, lexicon)
        ),
        words,
        lexicon,
    )
    mentions = [  # "are the terms PUBLIC?", "a DIFFERENT question": a grammar word is itself, never a near spelling
        m  # of a relation, type or aggregate word ("publicise", "publication", "difference")
        for m in mentions
        if not (
            m.kind in ("relation", "type", "aggregate")
            and m.score < 1.0
            and m.end - m.start == 1
            and words[m.start] in lexicon.grammar_words
        )
    ]
    helping = _passive_gets(words, lexicon)
    mentions = [m for m in mentions if not (m.kind == "relation" and m.end - m.start == 1 and m.start in helping)]
    mentions = _joint_acts_done(mentions, text, lexicon)
    idiom = _idiom_positions(words, lexicon.grammar.idioms) | helping
    mentions = [m for m in _arithmetic_or_exclusion(mentions) if m.kind == "entity" or m.start not in idiom]
    covered = {i for m in mentions for i in range(m.start, m.end)} | idiom
    covered |= {i for i, word in enumerate(words) if skeleton_stopword(word, lexicon)}
    unknown, unexplained = _leftovers(text, covered, lexicon)
    return Found(text, tuple(mentions), unknown, unexplained)


def _passive_gets(words: Sequence[str], lexicon: Lexicon) -> set[int]:
    """'Which billionaires GET MENTIONED?', 'when did it GET STARTED?': "get" before a participle only makes a
    passive; it is not the verb for holding something, and it names nothing."""
    grammar = lexicon.grammar
    return {
        i
        for i, (word, after) in enumerate(zip(words, [*words[1:], ""], strict=False))
        if word in grammar.get_passive
        and len(after) > PARTICIPLE_MIN
        and after.endswith(grammar.participle_endings)
        and after not in grammar.numbers
    }


def _joint_acts_done(mentions: list[Mention], text: Text, lexicon: Lexicon) -> list[Mention]:
    """'X SIGNED A DEAL with Y', 'X made partnership with Y': a support verb, then "a" (or nothing), a few
    describing words and a noun for an act done together, then "with", say what 'X partnered with Y' says.
    One relation word spans them; the noun, said without "the", names no thing of the story."""
    words, grammar = text.tokens, lexicon.grammar
    capitalised = text.capitalised or tuple(False for _ in words)
    for verb in range(len(words)):
        if words[verb] not in grammar.support:
            continue
        opening = verb + 2 if verb + 1 < len(words) and words[verb + 1] in grammar.indefinite else verb + 1
        nouns = [
            m
            for m in mentions
            if (m.kind, m.target) in lexicon.joint_acts
            and (m.kind != "relation" or m.detail in NOUN_FORMS)
            and opening <= m.start <= opening + SUPPORT_REACH
            and m.end < len(words)
            and words[m.end] in grammar.beside
        ]
        for noun in nouns:
            inside = [m for m in mentions if m.kind not in SECONDARY and verb <= m.start and m.end <= noun.end]
            crossing = [
                m
                for m in mentions
                if m.kind not in SECONDARY and m.start < noun.end and m.end > verb and m not in inside
            ]
            describing = [m for m in mentions if opening <= m.start < noun.start and m.kind not in DESCRIBING]
            if crossing or describing or any(capitalised[opening : noun.start]):
                continue  # a name or a figure between them, or a phrase reaching past them: something else
            act = Mention("relation", lexicon.joint_acts[(noun.kind, noun.target)], verb, noun.end, 1.0, "verb")
            return [m for m in mentions if m not in inside] + [act]
    return mentions


def _standing_for_the_article(word: str, options: Options, lexicon: Lexicon) -> Options:
    """A pointing word may stand where a phrase says "the" ("why THAT name" as "why the name")."""
    grammar = lexicon.grammar
    if word not in grammar.demonstratives:
        return options
    articles = grammar.definite - grammar.possessives - grammar.demonstratives  # "the" (not "its", not "this")
    others = sorted((articles & lexicon.term_stems.members) - set(options))
    return {**options, **dict.fromkeys(others, STEM_ONLY)}


def _ends_on_a_stand_in(hit: Mention, stems: Sequence[str], lexicon: Lexicon) -> bool:
    """'Named THAT way' is no "name the": a pointing word stands for "the" only before the phrase's noun, so a
    phrase it ends is only matched where the phrase itself ends with it ("according to this")."""
    last = stems[hit.end - 1]
    if last not in lexicon.grammar.demonstratives:
        return False
    size = hit.end - hit.start

    def written_so(phrases: Sequence[Phrase]) -> bool:
        return any(
            p.target == hit.target and p.detail == hit.detail and len(p.words) == size and p.words[-1] == last
            for p in phrases
        )

    if written_so(lexicon.terms.get(stems[hit.start], ())):  # the usual case, "THAT" itself: its own entry
        return False
    return not any(written_so(phrases) for phrases in lexicon.terms.values())  # a misspelt first word


def _idiom_positions(words: Sequence[str], idioms: tuple[tuple[str, ...], ...]) -> set[int]:
    """The positions of set phrases whose words name nothing ("double check")."""
    positions: set[int] = set()
    for idiom in idioms:
        for start in range(len(words) - len(idiom) + 1):
            if tuple(words[start : start + len(idiom)]) == idiom:
                positions |= set(range(start, start + len(idiom)))
    return positions


def _nouns_not_verbs(hits: list[Mention], words: Sequence[str], lexicon: Lexicon) -> list[Mention]:
    """'Is the RDIF a Chinese FUND?': a word that is both a type noun and a relation's verb is the noun after a
    determiner or a possessive, with only adjectives between ("a Chinese fund", "the state fund"); so is a
    verb phrase that opens with one ("their DEAL IN July": the deal, not "deal in")."""
    determiners = lexicon.grammar.determiners | lexicon.grammar.indefinite | lexicon.grammar.possessives
    nouns = {h.span for h in hits if h.kind == "type"}
    noun_starts = {h.start for h in hits if h.kind == "type"}
    modifiers = {i for h in hits if h.kind == "attribute" for i in range(h.start, h.end)}

    type_ends = {h.end for h in hits if h.kind == "type"}

    def after_determiner(hit: Mention) -> bool:
        i = hit.start - 1
        while i >= 0 and i in modifiers:
            i -= 1
        if i >= 1 and words[i] in lexicon.grammar.coordination and i in type_ends:
            return True  # "companies or FUNDS": joined to a type noun, a noun too
        return i >= 0 and words[i] in determiners

    names = {h.end for h in hits if h.kind in ("entity", "pronoun")}

    def a_noun_here(hit: Mention) -> bool:  # "which PART of Russia", "the west PART": no name or "is" before it
        before = words[hit.start - 1] if hit.start > 0 else ""
        return (
            hit.detail in ("verb", "passive")
            and words[hit.start] in lexicon.grammar.noun_verbs
            and hit.start not in names
            and before not in lexicon.grammar.be
        )

    return [
        h
        for h in hits
        if not (
            h.kind == "relation"
            and (
                (h.detail == "verb" and _opens_with_noun(h, nouns, noun_starts) and after_determiner(h))
                or a_noun_here(h)
            )
        )
    ]


def _opens_with_noun(verb: Mention, nouns: set[tuple[int, int]], starts: set[int]) -> bool:
    """Whether a verb mention is a type noun, or a phrase of several words opening with one ("DEAL in")."""
    return verb.span in nouns or (verb.end - verb.start > 1 and verb.start in starts)


def _arithmetic_or_exclusion(mentions: list[Mention]) -> list[Mention]:
    """'Alibaba MINUS the RDIF' takes one number from another; 'everyone MINUS Alibaba' leaves Alibaba out. A word
    that is both reads as arithmetic right after a name (and its noun: "Alibaba's stake minus ..."), else as an
    exclusion."""
    both = {
        m.span
        for m in mentions
        if m.kind == "exclusion" and any(a.kind == "aggregate" and a.span == m.span for a in mentions)
    }
    if not both:
        return mentions
    ends = {m.end: m for m in mentions if m.kind in ("entity", "relation")}

    def after_a_name(start: int) -> bool:
        before = ends.get(start)
        if before is not None and before.kind == "relation" and before.detail == "holding":
            before = ends.get(before.start)  # "Alibaba stake minus ..."
        return before is not None and before.kind == "entity"

    return [m for m in mentions if m.span not in both or (m.kind == "aggregate") == after_a_name(m.start)]


def _negated(mentions: list[Mention], words: Sequence[str], lexicon: Lexicon) -> list[Mention]:
    """'The only NON-Russian partner': an attribute value after a negating prefix is its opposite ("!russian")."""
    negating = lexicon.grammar.negating
    return [
        m._replace(start=m.start - 1, detail="!" + m.detail)
        if m.kind == "attribute" and m.start > 0 and words[m.start - 1] in negating
        else m
        for m in mentions
    ]


def _unranked(hits: list[Mention], words: Sequence[str], lexicon: Lexicon) -> list[Mention]:
    """'The SECOND largest bank in Russia': a description naming one entity ("largest bank in Russia" is
    Sberbank) names another thing once a rank below the first stands before it. Proper names stay."""
    below_first = {h.end for h in hits if h.kind == "ordinal" and h.detail.isdigit() and int(h.detail) > 1}
    return [
        h
        for h in hits
        if not (
            h.kind == "entity"
            and h.start in below_first
            and not any(w in lexicon.name_heads for w in words[h.start : h.end])
        )
    ]


def _past_function_words(at: int, words: Sequence[str], lexicon: Lexicon, adverbs: set[int]) -> int:
    """The first word from `at` on that is neither a function word nor a follow-up adverb ("also"): "Russia or
    ALSO THE CIS" offers the CIS."""
    skipped = lexicon.stopwords - lexicon.grammar.other  # "Russia or OTHER countries" stops at "other"
    while at < len(words) - 1 and (words[at] in skipped or at in adverbs):
        at += 1
    return at


def _not_indefinite(mentions: list[Mention], words: Sequence[str], lexicon: Lexicon) -> list[Mention]:
    """'Is Mail.ru a Chinese company?', 'is it Russian or Chinese company?': a description after "a", or
    as one of two options, classifies; it names no entity (the Chinese company of the article is Alibaba).
    A proper name stays a name ("a MegaFon spokesman")."""
    indefinite = lexicon.grammar.indefinite
    owners = lexicon.grammar.speaker_possessives  # "modelling it for MY FUND": the asker's fund, not the story's
    names = {
        i
        for m in mentions
        if m.kind == "entity" and any(w in lexicon.name_heads for w in words[m.start : m.end])
        for i in range(m.start, m.end)
    }
    adverbs = {i for m in mentions if m.kind == "followup" for i in range(m.start, m.end)}  # "or ALSO the CIS"
    options = {  # "Russian or Chinese firm"; not "the Russian side or Alibaba", whose other option is a name
        i
        for m in mentions
        if m.kind == "either"
        for i, other in ((m.start - 1, _past_function_words(m.end, words, lexicon, adverbs)), (m.end, m.start - 1))
        if other not in names
        and not (other < len(words) and words[other] in lexicon.grammar.other)
        and only_opening(words[: m.start], lexicon.grammar) is None  # "ONLY Russia or also the CIS?": named
        and not (m.end < len(words) and words[m.end] in lexicon.grammar.be | lexicon.grammar.auxiliary)
        # "business in Russia OR IS this its first step?": "or" joins two clauses, not two descriptions
    }  # "Russia or OTHER countries": one of the things of its kind, named

    def classifies(m: Mention) -> bool:
        if selected(m):
            return True
        if words and words[0] in lexicon.grammar.relative:
            return False  # "which company is called an e-commerce giant?": the description picks one
        done = m.start > 1 and words[m.start - 2] in lexicon.grammar.auxiliary  # "did a tie-up": a thing done
        after_article = not done and m.start > 0 and words[m.start - 1] in indefinite | owners  # "for MY fund"
        return after_article or m.start in options or m.end - 1 in options or predicate(m)

    described = {i for m in mentions if m.kind == "attribute" for i in range(m.start, m.end)}
    cue_ends = {m.end for m in mentions if m.kind == "focus" and m.target in lexicon.grammar.selecting}

    def selected(m: Mention) -> bool:
        """'Which other Russian E-COMMERCE TIE-UP came before this one?': a description right after "which" or
        "what" (past "other" and adjectives) is the kind of thing asked for, not the one thing it may name."""
        at, other = m.start, False
        while at > 0 and (at - 1 in described or words[at - 1] in lexicon.grammar.other):
            other = other or words[at - 1] in lexicon.grammar.other
            at -= 1
        within = (  # "TIE-UP" of "e-commerce tie-up": the longer description decides
            o for o in mentions if o.kind == "entity" and o.target == m.target and o.start < m.start < o.end
        )
        return (other and at in cue_ends) or any(selected(o) for o in within)

    def asked_of(name: Mention) -> bool:
        """'IS (the) RDIF ...': the name right after the opening "is" of a yes/no question (not "WHAT is ...")."""
        before = word_before(words, name.start, lexicon.grammar.definite)
        opening = before < 1 or words[before - 1] not in lexicon.grammar.question_words
        return before >= 0 and words[before] in lexicon.grammar.be and opening

    def predicate(m: Mention) -> bool:
        """'Mail.ru is chinese company?', 'is mail.ru chinese company?': a description right after "<name> is"
        or "is <name>", its article dropped."""
        be = lexicon.grammar.be
        typed = any(t.kind == "type" and m.start <= t.start and t.end == m.end for t in mentions)  # "...COMPANY"
        if typed and any(
            n.kind == "entity" and n.end == m.start and n.target != m.target and asked_of(n) for n in mentions
        ):
            return True
        if m.start < 2 or words[m.start - 1] not in be:
            return False
        return any(n.kind == "entity" and n.end == m.start - 1 and n.target != m.target for n in mentions) and not (
            len(words) > m.end and words[m.end] in lexicon.grammar.relative
        )

    return [
        m
        for m in mentions
        if not (
            m.kind == "entity" and classifies(m) and not any(w in lexicon.name_heads for w in words[m.start : m.end])
        )
    ]


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
    distance: dict[Mention, int] = {}  # how far a misspelt word is from the phrase it was taken for
    consonants: set[Mention] = set()  # misspelt words with exactly the consonants of the phrase taken ("billionare")
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
                    written = " ".join(surface[start:end])
                    if surface and phrase.text and written != phrase.text:
                        if any(doer_of(w, p) for w, p in zip(surface[start:end], phrase.text.split(), strict=False)):
                            continue  # a "photographer" is not a "photograph"
                        score *= STEM_ONLY
                    hit = Mention(kind or phrase.kind, phrase.target, start, end, score, phrase.detail, phrase.weak)
                    hits.append(hit)
                    if surface and phrase.text and min(scores) < 1.0 and end - start == 1:
                        from rapidfuzz.distance import OSA

                        distance[hit] = min(distance.get(hit, len(written)), OSA.distance(written, phrase.text))
                        if skeleton(written) == skeleton(phrase.text):
                            consonants.add(hit)
    return _nearest_spelling(hits, distance, consonants)


def _nearest_spelling(hits: list[Mention], distance: dict[Mention, int], consonants: set[Mention]) -> list[Mention]:
    """A misspelt word stands for the phrases spelt nearest it: "auther" is "author", not "authorities",
    though both share the stem "author". Where the word has exactly the consonants of some phrase, it is that
    phrase and not another as near: "billionare" is "billionaire"."""
    nearest: dict[tuple[int, int], int] = {}
    for hit, far in distance.items():
        nearest[hit.span] = min(nearest.get(hit.span, far), far)
    spelt = {h.span for h in consonants if distance[h] == nearest[h.span]}
    return [
        h
        for h in hits
        if h not in distance
        or (distance[h] <= nearest[h.span] + SPELLING_SLACK and (h.span not in spelt or h in consonants))
    ]


def _loose_names(words: Sequence[str], lexicon: Lexicon, name_options: Sequence[Options]) -> list[Mention]:
    """Names of several words where one word is spelt further off ("Michael Evens"): the rest must carry it."""
    loose = [{word: score for word, score in option.items() if score * 100 >= LOOSE_NAME} for option in name_options]
    return [
        hit
        for hit in _find_phrases(words, lexicon.names, loose, "entity")
        if hit.end - hit.start > 1 and hit.score >= LOOSE_NAME_MEAN
    ]


def _values(
    words: Sequence[str], percent: frozenset[str], money: frozenset[str], numbers: dict[str, int]
) -> list[Mention]:
    """Numbers: a year, a percentage ("48 percent", "48 per cent", "twenty four percent"), a sum of money ("2
    billion dollars"), or a plain number. A number written out counts only before a percent word: "one" and
    "four" are words of names and questions too ("which one", "the four partners")."""
    found: list[Mention] = []
    for i, word in enumerate(words):
        if word in numbers:  # "fifteen percent", "twenty four percent"
            value, after = numbers[word], i + 1
            if value >= 20 and value % 10 == 0 and after < len(words) and 0 < numbers.get(words[after], 10) < 10:
                value, after = value + numbers[words[after]], after + 1
            rest = " ".join(words[after : after + 2])
            if after < len(words) and (words[after] in percent or rest in percent):
                found.append(Mention("percent", str(value), i, after + (2 if rest in percent else 1)))
            continue
        if not word.isdigit() or len(word) > 6:
            continue
        number = int(word)
        two = " ".join(words[i + 1 : i + 3])
        if i + 1 < len(words) and (words[i + 1] in percent or two in percent):
            end = i + 3 if two in percent else i + 2
            found.append(Mention("percent", str(number), i, end))
        elif (i + 1 < len(words) and words[i + 1] in money) or (i > 0 and words[i - 1] in money):  # "$5 billion"
            start = i - 1 if i > 0 and words[i - 1] in money else i
            end = next((j for j in range(i + 1, len(words)) if words[j] not in money), len(words))
            found.append(Mention("money", str(number), start, end))
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


def _owned_by_the_asker(words: Sequence[str], i: int, lexicon: Lexicon) -> bool:
    """Whether the word ends a phrase the asker owns ("our weekly markets NEWSLETTER"): a speaker's possessive
    at most a few words before it, with no function word between. Only a real word is excused so ("my zorblax
    fund" still names something the article never mentions)."""
    for j in range(i - 1, max(-1, i - 1 - OWNED_REACH), -1):
        if words[j] in lexicon.grammar.speaker_possessives:
            return True
        if words[j] in lexicon.stopwords:
            return False
    return False


def _leftovers(text: Text, covered: set[int], lexicon: Lexicon) -> tuple[tuple[UnknownName, ...], tuple[int, ...]]:
    """Names nobody knows (merged with neighbouring capitalised words) and other unexplained content words."""
    words = text.tokens
    capitalised = text.capitalised or tuple(False for _ in words)
    name_at: list[bool] = []
    unexplained: list[int] = []
    for i, word in enumerate(words):
        is_name = False
        if i not in covered and word not in lexicon.stopwords and not word.isdigit():
            owned = not capitalised[i] and frequency(word) > 0 and _owned_by_the_asker(words, i, lexicon)
            if word in lexicon.known or owned:  # "for my WORKSHEET": the asker's own thing, never a name asked about
                unexplained.append(i)
            elif capitalised[i] or not (is_common_word(word) or is_doer_of_common_word(word)):
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
