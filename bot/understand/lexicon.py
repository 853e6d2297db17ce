"""Every word the bot knows, arranged for finding mentions in a question: built once per knowledge base.

Names (entity aliases and descriptors) are compared word by word; everything else (relation words, type
nouns, focus cues, ...) by Snowball stem, so "owns" finds "own". Both tables are keyed by a phrase's
first word so finding phrases never scans the whole vocabulary.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from bot.knowledge.graph import lineage
from bot.knowledge.model import Knowledge, Language
from bot.understand.grammar import Grammar, build_grammar
from bot.understand.normalize import simplify, stem


class Phrase(NamedTuple):
    """A word sequence that names something: an alias, a relation word, a cue, ..."""

    words: tuple[str, ...]
    kind: str  # entity, type, relation, title, valueword, attribute, aggregate, focus, yesno, either, ...
    target: str  # the entity, type, relation, ... it names
    detail: str = ""  # a relation word's form, an attribute's value, a title, an ordinal's number
    weak: bool = False
    text: str = ""  # the phrase as written, simplified: a question word that is exactly it beats one sharing its stem


PhraseTable = dict[str, tuple[Phrase, ...]]  # phrases by their first word


class Vocabulary(NamedTuple):
    """Words to fuzzy-match against (in order, for rapidfuzz) and the same words as a set."""

    words: tuple[str, ...]
    members: frozenset[str]


class Lexicon(NamedTuple):
    """The phrase tables and word sets the mention finder works from."""

    names: PhraseTable
    name_words: Vocabulary
    terms: PhraseTable
    term_stems: Vocabulary
    term_words: tuple[str, ...]  # the language layer's words as written, for spelling checks on whole words
    known: frozenset[str]  # words that are never unknown names: language, names and the article's own words
    skeletons: dict[str, tuple[str, ...]]  # a word's consonants -> the known words with them ("stk" -> "stake")
    name_heads: frozenset[str]  # words of entities' own names that are not language words ("mail" of Mail.ru)
    variants: tuple[str, ...]  # name words that may be spelt variants of one another ("kiril", "kirill")
    neighbour_table: dict[str, tuple[tuple[str, float], ...]]  # worked out at load for a knowledge of usual size
    neighbours_known: bool  # the table is complete (else neighbours are worked out per question)
    stopwords: frozenset[str]
    grammar_words: frozenset[str]  # the one-word members of the grammar's word classes ("public", "different")
    function_words: tuple[str, ...]  # stopwords and question words, longest first: mended when misspelt
    rewrites: dict[str, str]
    symbols: dict[int, str]
    shorthand: tuple[tuple[str, str], ...]  # shorthand as written ("y/n") and the words it reads as
    abbreviations: frozenset[str]  # words whose period ends no sentence ("mr" of "Mr. Usmanov")
    grammar: Grammar
    joint_acts: dict[tuple[str, str], str]  # ("type", "deal") -> "partner": "did a DEAL with X" partners X


_VOWELS = re.compile(r"[aeiou]")
_DOUBLES = re.compile(r"(.)\1+")


def skeleton(word: str) -> str:
    """The first letter and the consonants of a word, doubles collapsed: how phone typing drops letters."""
    return _DOUBLES.sub(r"\1", word[:1] + _VOWELS.sub("", word[1:]))


def _group(phrases: Iterable[Phrase]) -> PhraseTable:
    grouped: dict[str, list[Phrase]] = defaultdict(list)
    for phrase in dict.fromkeys(phrases):
        if phrase.words:
            grouped[phrase.words[0]].append(phrase)
    return {first: tuple(items) for first, items in grouped.items()}


def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in simplify(text).split())


def _name_words(text: str, articles: tuple[str, ...]) -> tuple[str, ...]:
    words = simplify(text).split()
    while len(words) > 1 and words[0] in articles:
        words = words[1:]
    return tuple(words)


def build_lexicon(knowledge: Knowledge) -> Lexicon:
    """Every phrase table and word set, from the language layer and the article's entities."""
    language = knowledge.language
    names = [
        Phrase(_name_words(alias, language.articles), "entity", entity.id)
        for entity in knowledge.entities
        for alias in entity.aliases
    ]
    terms: list[Phrase] = []

    def add(texts: Iterable[str], kind: str, target: str, detail: str = "", weak: Iterable[str] = ()) -> None:
        weak_set = set(weak)
        terms.extend(Phrase(_stems(text), kind, target, detail, text in weak_set, simplify(text)) for text in texts)

    for type_def in language.types:
        add(type_def.nouns, "type", type_def.id)
    for relation in language.relations:
        for relation_word in relation.words:
            terms.append(
                Phrase(
                    _stems(relation_word.phrase),
                    "relation",
                    relation.id,
                    relation_word.form,
                    relation_word.weak,
                    relation_word.phrase,
                )
            )
        for title, words in relation.titles:
            add(words, "title", relation.id, title)
    for value in language.values:
        add(value.words, "valueword", value.id)
    for attribute in language.attributes:
        for value_name, words in attribute.values:
            add(words, "attribute", attribute.id, value_name)
    for aggregate in language.aggregates:
        add(aggregate.words, "aggregate", aggregate.id, weak=aggregate.weak)
    for focus in language.focus:
        add(focus.cues, "focus", focus.id)
    add(language.yesno_openers, "yesno", "yesno")
    add(language.yesno_closers, "yesclose", "yesno")
    add(language.either_or, "either", "either")
    for talk in language.smalltalk:
        add(talk.cues, "smalltalk", talk.id)
    add(language.advice_cues, "advice", "advice")
    add(language.negations, "negation", "negation")
    add(language.exclusions, "exclusion", "exclusion")
    add(language.followup_markers, "followup", "followup")
    add(language.demonstratives, "demonstrative", "demonstrative")
    for pronoun, kinds in language.pronouns:
        add([pronoun], "pronoun", " ".join(kinds))
    for month in language.months:
        add([month], "month", month)
    for day in language.weekdays:
        add([day], "weekday", day)
    for word, number in language.ordinals:
        add([word], "ordinal", "ordinal", str(number))
    name_words = sorted({word for phrase in names for word in phrase.words})
    term_stems = sorted({word for phrase in terms for word in phrase.words})
    surfaces = {word for text in _term_texts(knowledge) for word in simplify(text).split()}
    variants = _variant_words(name_words, language.stopwords | surfaces)
    article_words = {word for source in knowledge.sources for word in simplify(source.text).split()}
    known = set(name_words) | surfaces | set(language.stopwords) | article_words
    skeletons: dict[str, list[str]] = defaultdict(list)
    for word in sorted(set(name_words) | surfaces | set(language.stopwords)):
        if len(word) > 2 and word.isalpha():
            skeletons[skeleton(word)].append(word)
    return Lexicon(
        names=_group(names),
        name_words=Vocabulary(tuple(name_words), frozenset(name_words)),
        terms=_group(terms),
        term_stems=Vocabulary(tuple(term_stems), frozenset(term_stems)),
        term_words=tuple(sorted(w for w in surfaces if len(w) >= ONE_OFF_LENGTH and w.isalpha())),
        known=frozenset(known),
        skeletons={key: tuple(words) for key, words in skeletons.items() if len(key) > 1},
        name_heads=frozenset(
            word
            for entity in knowledge.entities
            for word in [
                *simplify(entity.name).split(),
                "".join(simplify(entity.name).split()),  # and "mailru"
                *(simplify(a) for a in entity.aliases if len(simplify(a).split()) == 1),  # "AFP"
            ]
            if word not in surfaces and word not in language.stopwords
        ),
        variants=variants,
        neighbour_table=_neighbour_table(variants) if len(variants) <= EAGER_NEIGHBOURS else {},
        neighbours_known=len(variants) <= EAGER_NEIGHBOURS,
        stopwords=language.stopwords,
        grammar_words=frozenset(w for _, words in language.word_classes for w in words if " " not in w),
        function_words=tuple(sorted(_function_words(language), key=lambda w: (-len(w), w))),
        rewrites=dict(language.rewrites),
        symbols={ord(symbol): f" {word} " for symbol, word in language.symbols},
        shorthand=language.shorthand,
        abbreviations=frozenset(a.rstrip(".").lower() for a in language.abbreviations),
        grammar=build_grammar(language),
        joint_acts=_joint_acts(language),
    )


def _joint_acts(language: Language) -> dict[tuple[str, str], str]:
    """The nouns for an act done together, and the both-ways relation each names after a support verb
    ("signed a DEAL with X", "made PARTNERSHIP with X"): the relation's own nouns for the act, and the types
    of thing only its object may be (a deal, a joint venture), with every type below them."""
    parents = {t.id: t.parent for t in language.types}
    acts: dict[tuple[str, str], str] = {}
    for relation in sorted((r for r in language.relations if r.symmetric), key=lambda r: r.id):
        acts.setdefault(("relation", relation.id), relation.id)
        things = set(relation.object_types) - set(relation.subject_types)
        for type_def in language.types:
            if things & set(lineage(type_def.id, parents)):
                acts.setdefault(("type", type_def.id), relation.id)
    return acts


ONE_OFF_LENGTH = 5  # words this long may be matched one letter off, as written rather than by stem
EAGER_NEIGHBOURS = 3000  # up to this many name words, their variants are worked out once, at load
NEIGHBOUR = 85.0  # name words at least this alike are variants of one another ("dmitriev", "dmitriyev")


def _variant_words(words: list[str], ordinary: set[str] | frozenset[str]) -> tuple[str, ...]:
    """Name words that may have spelt variants; ordinary words ("russian", "russia") never do."""
    return tuple(sorted({w for w in words if len(w) > 3 and w not in ordinary}))


def neighbours(word: str, lexicon: Lexicon) -> dict[str, float]:
    """The other name words spelt like this one, so a name written with one variant of each word
    ("Kiril Dmitriyev") still matches an alias written with the other ("Kiril Dmitriev").

    A knowledge of usual size has the table from its load (and its cache); a huge one works them out per
    question, since a table for every pair of name words grows with their square.
    """
    if lexicon.neighbours_known:
        return dict(lexicon.neighbour_table.get(word, ()))
    if word not in lexicon.variants:
        return {}
    return dict(_near_variants(word, lexicon.variants))


def _neighbour_table(variants: tuple[str, ...]) -> dict[str, tuple[tuple[str, float], ...]]:
    table = {word: _near_variants(word, variants) for word in variants}
    return {word: near for word, near in table.items() if near}


def _near_variants(word: str, variants: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    from rapidfuzz import fuzz, process

    near = process.extract(word, variants, scorer=fuzz.ratio, limit=4, score_cutoff=NEIGHBOUR)
    return tuple((other, round(score / 100.0, 3)) for other, score, _ in near if other != word)


def _function_words(language: Language) -> set[str]:
    """Single words that are grammar, not content: stopwords, the words of question cues, and of the phrases that
    set a source or an exception aside ("acording to", "exept")."""
    cues = [c for f in language.focus for c in f.cues] + list(language.yesno_openers)
    cues += [
        *language.exclusions,
        *(p for name, phrases in language.word_classes if name == "attribution" for p in phrases),
    ]
    words = set(language.stopwords) | {w for cue in cues for w in cue.split()}
    return {w for w in words if len(w) >= 3 and w.isalpha()}


def _term_texts(knowledge: Knowledge) -> Iterable[str]:
    """Every word of the language layer as written (not stemmed): these are never unknown names."""
    language = knowledge.language
    yield from (noun for t in language.types for noun in t.nouns)
    yield from (w.phrase for r in language.relations for w in r.words)
    yield from (w for r in language.relations for _, words in r.titles for w in words)
    yield from (w for v in language.values for w in v.words)
    yield from (w for a in language.attributes for _, words in a.values for w in words)
    yield from (w for a in language.aggregates for w in a.words)
    yield from (c for f in language.focus for c in f.cues)
    yield from (*language.yesno_openers, *language.yesno_closers, *language.either_or, *language.advice_cues)
    yield from language.negations
    yield from language.exclusions
    yield from (c for t in language.smalltalk for c in t.cues)
    yield from (*language.followup_markers, *language.demonstratives, *language.months, *language.weekdays)
    yield from (p for p, _ in language.pronouns)
    yield from (w for w, _ in language.ordinals)
    yield from language.number_words
