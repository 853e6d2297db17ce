"""Find what a question is about: entities, word families, intents and question type."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from bot.knowledge.index import Index, PhraseTable
from bot.knowledge.model import Intent, Knowledge
from bot.understand.normalize import Text
from bot.understand.spelling import (
    FAMILY_CUTOFF,
    LOOSE_NAME,
    LOOSE_NAME_MEAN,
    NEAR_NAME,
    Options,
    closer_than,
    similar,
    strict_options,
)

QTYPE_BONUS = 0.3  # added to an intent whose question types include the question's
EXTRA_HIT = 0.15  # each further word of a family already found adds this much
TIE = 1e-6


class Hit(NamedTuple):
    """A phrase found in the question: which target, which tokens, how well (0..1)."""

    target: str
    start: int
    end: int
    score: float


class Match(NamedTuple):
    """Everything the matcher saw in one question, before any fact is chosen."""

    text: Text
    entities: tuple[Hit, ...]
    families: tuple[Hit, ...]
    intents: tuple[tuple[str, float], ...]
    qtype: str | None
    pronouns: tuple[str, ...]
    ordinal: int | None
    unexplained: tuple[str, ...]  # words outside every vocabulary
    near_names: tuple[str, ...]  # unknown words that look like a badly misspelt name
    leftover: tuple[str, ...]  # words outside entity names and attribute words, but stopwords: for the word lookup
    lookup: tuple[str, ...]  # every word outside entity names but stopwords: for the lookup when nothing is named
    content: tuple[str, ...]  # words not explained as entity, attribute or question word: not a bare follow-up
    followup: bool  # starts with "and", "what about", ...

    @property
    def family_ids(self) -> frozenset[str]:
        """The word families that occur in the question."""
        return frozenset(hit.target for hit in self.families)


def _find_phrases(words: Sequence[str], phrases: PhraseTable, options: Sequence[Options]) -> list[Hit]:
    """Every occurrence of every phrase, each word matched by one of the options for its position."""
    hits: list[Hit] = []
    for start, first_options in enumerate(options):
        for first, first_score in first_options.items():
            for phrase in phrases.get(first, ()):
                end = start + len(phrase.words)
                if end > len(words):
                    continue
                scores = [first_score] + [
                    options[i].get(w, 0.0) for i, w in zip(range(start + 1, end), phrase.words[1:], strict=True)
                ]
                if min(scores) > 0:
                    hits.append(Hit(phrase.target, start, end, sum(scores) / len(scores)))
    return hits


def _non_overlapping(hits: list[Hit]) -> list[Hit]:
    """Keep the longest, then best, then earliest hits that do not overlap."""
    chosen: list[Hit] = []
    taken: set[int] = set()
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), -h.score, h.start, h.target)):
        span = set(range(hit.start, hit.end))
        if not span & taken:
            chosen.append(hit)
            taken |= span
    return sorted(chosen, key=lambda h: h.start)


def _positions(hits: Sequence[Hit]) -> frozenset[int]:
    """The word positions the hits cover."""
    return frozenset(i for hit in hits for i in range(hit.start, hit.end))


def _words_outside(words: Sequence[str], covered: frozenset[int], stopwords: frozenset[str]) -> tuple[str, ...]:
    """The words at no covered position that are not stopwords."""
    return tuple(word for i, word in enumerate(words) if i not in covered and word not in stopwords)


def _qtype(words: Sequence[str], index: Index, strict: frozenset[str]) -> tuple[str | None, frozenset[int]]:
    """The question type: the earliest strict cue ("what is the date" asks for a date), else the earliest cue."""
    hits = _find_phrases(words, index.cues, [{word: 1.0} for word in words])
    if not hits:
        return None, frozenset()
    first = min(hits, key=lambda h: (h.target not in strict, h.start, -(h.end - h.start)))
    return first.target, _positions(hits)


def match(text: Text, knowledge: Knowledge, index: Index) -> Match:
    """Match a normalised question against the knowledge's vocabulary."""
    words, stems = text.tokens, text.stems
    stopwords = knowledge.language.stopwords
    family_options = [
        similar(stem, index.family_words, index.known_words, FAMILY_CUTOFF, names=False) for stem in stems
    ]
    # One fuzzy look-up per word against the names, at the loosest level any rule below needs.
    name_options = [
        closer_than(similar(word, index.alias_words, index.known_words, NEAR_NAME, names=True, loose=True), rival)
        for word, rival in zip(words, family_options, strict=True)
    ]
    entity_hits = _non_overlapping(
        _find_phrases(words, index.aliases, [strict_options(option) for option in name_options])
        + _loose_name_hits(words, index, name_options)
    )
    in_entity = _positions(entity_hits)
    qtype, cue_positions = _qtype(words, index, index.strict_qtypes)
    family_hits = _find_phrases(
        stems, index.family_phrases, [{} if i in in_entity else option for i, option in enumerate(family_options)]
    )
    pronouns = tuple(index.pronouns[w] for i, w in enumerate(words) if w in index.pronouns and i not in in_entity)
    ordinal = next((index.ordinals[w] for w in words if w in index.ordinals), None)
    named_or_attribute = in_entity | _positions(family_hits)
    explained = named_or_attribute | cue_positions
    lookup = _words_outside(words, in_entity, stopwords)
    leftover = _words_outside(words, named_or_attribute, stopwords)
    content = _words_outside(words, explained, stopwords)
    unexplained = tuple(
        w
        for i, w in enumerate(words)
        if i not in explained and w not in index.known_words and w not in index.ordinals and not w.isdigit()
    )
    followup = any(tuple(words[: len(marker)]) == marker for marker in index.followup_markers)
    best: dict[str, float] = {}
    for hit in sorted(family_hits, key=lambda h: -h.score):
        best[hit.target] = best[hit.target] + EXTRA_HIT if hit.target in best else hit.score
    return Match(
        text,
        tuple(entity_hits),
        tuple(family_hits),
        _score_intents(knowledge, index, best, qtype, _kinds_asked_about(entity_hits, pronouns, knowledge)),
        qtype,
        pronouns,
        ordinal,
        unexplained,
        _near_names(unexplained, words, name_options),
        leftover,
        lookup,
        content,
        followup,
    )


def _loose_name_hits(words: Sequence[str], index: Index, name_options: Sequence[Options]) -> list[Hit]:
    """Names of several words where one word is spelt further off ("Michael Evens"): the rest must carry it."""
    loose = [{word: score for word, score in option.items() if score * 100 >= LOOSE_NAME} for option in name_options]
    return [
        hit
        for hit in _find_phrases(words, index.aliases, loose)
        if hit.end - hit.start > 1 and hit.score >= LOOSE_NAME_MEAN
    ]


def _near_names(unknown: Sequence[str], words: Sequence[str], name_options: Sequence[Options]) -> tuple[str, ...]:
    """Unknown words too far from any name to match it, yet close enough to suggest one was meant."""
    near = {word for word, option in zip(words, name_options, strict=True) if option}
    return tuple(word for word in unknown if word in near)


def _kinds_asked_about(entities: Sequence[Hit], pronouns: Sequence[str], knowledge: Knowledge) -> frozenset[str]:
    """The kinds of entity the question names or points at with a pronoun ("he" is a person)."""
    return frozenset(knowledge.entity_by_id[hit.target].kind for hit in entities) | frozenset(pronouns)


def _score_intents(
    knowledge: Knowledge, index: Index, families: dict[str, float], qtype: str | None, kinds: frozenset[str]
) -> tuple[tuple[str, float], ...]:
    """Eligible intents with their scores, best first, ties in YAML order."""
    scored: list[tuple[float, int, str]] = []
    positions = sorted({position for family in families for position in index.intents_by_family.get(family, ())})
    for position in positions:
        intent = knowledge.intents[position]
        if any(family not in families for family in intent.requires) or not compatible(intent, qtype, index):
            continue
        if intent.requires_one_of and not any(family in families for family in intent.requires_one_of):
            continue
        if intent.kinds and not kinds & set(intent.kinds):
            continue
        score = sum(weight * families[family] for family, weight in intent.families if family in families)
        if qtype in intent.qtypes:
            score += QTYPE_BONUS
        scored.append((-score, position, intent.id))
    return tuple((ident, -negative) for negative, _, ident in sorted(scored))


def compatible(intent: Intent, qtype: str | None, index: Index) -> bool:
    """Whether an intent can answer a question of this type (a strict type needs an intent that lists it)."""
    if qtype in intent.qtypes:
        return True
    return qtype not in index.strict_qtypes and not intent.requires_qtype
