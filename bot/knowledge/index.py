"""Lookup tables built once from the knowledge, so matching a question is cheap."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from bot.knowledge.model import Fact, Knowledge, Rule
from bot.understand.normalize import simplify, stem

MAX_WORD_FACTS = 5  # a word in more fact answers than this is not distinctive enough to look up


class Phrase(NamedTuple):
    """A word sequence that names something: an alias, a family word or a cue."""

    words: tuple[str, ...]
    target: str


PhraseTable = dict[str, tuple[Phrase, ...]]  # phrases by their first word


class Vocabulary(NamedTuple):
    """Words to fuzzy-match against (in order, for rapidfuzz) and the same words as a set."""

    words: tuple[str, ...]
    members: frozenset[str]


class Index(NamedTuple):
    """Aliases, family words and cues by first word; facts and rules by intent."""

    aliases: PhraseTable
    alias_words: Vocabulary
    family_phrases: PhraseTable
    family_words: Vocabulary
    cues: PhraseTable
    known_words: frozenset[str]
    facts: dict[str, tuple[Fact, ...]]
    rules: dict[str, Rule]
    rule_parts: dict[str, dict[str, Fact]]  # by rule id: the numeric fact of each part, by entity
    rule_subjects: dict[str, frozenset[str]]  # by rule id: its parts and the groups made only of them
    keyword_stems: dict[str, frozenset[str]]
    order: dict[str, int]
    answer_words: dict[str, tuple[Fact, ...]]
    facts_about: dict[tuple[str, str], tuple[Fact, ...]]
    intents_by_family: dict[str, tuple[int, ...]]  # positions in knowledge.intents, in order
    intent_position: dict[str, int]
    strict_qtypes: frozenset[str]
    pronouns: dict[str, str]
    ordinals: dict[str, int]
    followup_markers: tuple[tuple[str, ...], ...]
    entity_intents: dict[str, tuple[tuple[bool, int, str, str | None], ...]]

    def facts_for(self, intent: str, entities: Sequence[str]) -> list[Fact]:
        """Facts of an intent about any of the entities, each once, in YAML order."""
        found = {fact.id: fact for ident in entities for fact in self.facts_about.get((intent, ident), ())}
        return sorted(found.values(), key=lambda fact: self.order[fact.id])


def _group(phrases: list[Phrase]) -> PhraseTable:
    grouped: dict[str, list[Phrase]] = defaultdict(list)
    for phrase in phrases:
        grouped[phrase.words[0]].append(phrase)
    return {first: tuple(items) for first, items in grouped.items()}


def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in simplify(text).split())


def build_index(knowledge: Knowledge) -> Index:
    """Build every lookup table the matcher and resolver need."""
    language = knowledge.language
    alias_set: dict[Phrase, None] = {}
    for entity in knowledge.entities:
        for alias in entity.aliases:
            words = tuple(simplify(alias).split())
            while len(words) > 1 and words[0] in language.articles:
                words = words[1:]
            alias_set[Phrase(words, entity.id)] = None
    aliases = list(alias_set)
    families = [Phrase(_stems(word), family) for family, words in knowledge.families for word in words]
    families = list(dict.fromkeys(phrase for phrase in families if phrase.words))
    cues = list(dict.fromkeys(Phrase(tuple(c.split()), q.id) for q in language.qtypes for c in q.cues if c))
    alias_words = sorted({word for phrase in aliases for word in phrase.words})
    family_words = sorted({word for phrase in families for word in phrase.words})
    # Single family words are known; the parts of phrases ("work for") are not, so "work at" stays unknown.
    surface = {simplify(text) for _, words in knowledge.families for text in words if len(simplify(text).split()) == 1}
    known = set(alias_words) | set(family_words) | surface | set(language.stopwords)
    known |= {word for phrase in cues for word in phrase.words} | {p for p, _ in language.pronouns}
    facts: dict[str, list[Fact]] = defaultdict(list)
    for fact in knowledge.facts:
        for intent in fact.intents:
            facts[intent].append(fact)
    return Index(
        aliases=_group(aliases),
        alias_words=Vocabulary(tuple(alias_words), frozenset(alias_words)),
        family_phrases=_group(families),
        family_words=Vocabulary(tuple(family_words), frozenset(family_words)),
        cues=_group(cues),
        known_words=frozenset(known),
        facts={intent: tuple(items) for intent, items in facts.items()},
        rules={rule.intent: rule for rule in knowledge.rules},
        rule_parts=(parts := {rule.id: _rule_parts(rule, knowledge) for rule in knowledge.rules}),
        rule_subjects={rule.id: _rule_subjects(parts[rule.id], knowledge) for rule in knowledge.rules},
        keyword_stems={fact.id: frozenset(s for k in fact.keywords for s in _stems(k)) for fact in knowledge.facts},
        order={fact.id: position for position, fact in enumerate(knowledge.facts)},
        answer_words=_answer_words(knowledge),
        facts_about=_facts_about(knowledge),
        intents_by_family=_intents_by_family(knowledge),
        intent_position={intent.id: position for position, intent in enumerate(knowledge.intents)},
        strict_qtypes=frozenset(q.id for q in language.qtypes if q.strict),
        pronouns=dict(language.pronouns),
        ordinals=dict(language.ordinals),
        followup_markers=tuple(tuple(marker.split()) for marker in language.followup_markers),
        entity_intents=_entity_intents(knowledge),
    )


def _rule_parts(rule: Rule, knowledge: Knowledge) -> dict[str, Fact]:
    """The numeric facts a rule works over, by the one (non-group) entity each is about, in YAML order."""
    parts: dict[str, Fact] = {}
    for fact in knowledge.facts:
        if rule.over not in fact.intents or fact.value is None or fact.of != rule.of or len(fact.about) != 1:
            continue
        if not knowledge.entity_by_id[fact.about[0]].members:
            parts.setdefault(fact.about[0], fact)
    return parts


def _rule_subjects(parts: dict[str, Fact], knowledge: Knowledge) -> frozenset[str]:
    """The parts and the groups made only of parts: what a rule can speak about."""
    groups = {entity.id for entity in knowledge.entities if entity.members and set(entity.members) <= set(parts)}
    return frozenset(parts) | groups


def _intents_by_family(knowledge: Knowledge) -> dict[str, tuple[int, ...]]:
    """For each word family, the positions of the intents that use it."""
    table: dict[str, list[int]] = defaultdict(list)
    for position, intent in enumerate(knowledge.intents):
        for family, _ in intent.families:
            table[family].append(position)
    return {family: tuple(positions) for family, positions in table.items()}


def _facts_about(knowledge: Knowledge) -> dict[tuple[str, str], tuple[Fact, ...]]:
    """Facts by (intent, entity they are about), so lookups do not scan every fact."""
    table: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in knowledge.facts:
        for intent in fact.intents:
            for ident in fact.about:
                table[(intent, ident)].append(fact)
    return {key: tuple(facts) for key, facts in table.items()}


def _entity_intents(knowledge: Knowledge) -> dict[str, tuple[tuple[bool, int, str, str | None], ...]]:
    """For each entity, the intents with a fact about it, for declines to suggest.

    Rows are (only a secondary subject of the fact, the fact's position, intent, the fact's own topic).
    """
    best: dict[tuple[str, str], tuple[bool, int, str | None]] = {}
    for order, fact in enumerate(knowledge.facts):
        for place, ident in enumerate(fact.about):
            for intent in fact.intents:
                row = (place > 0, order, fact.topic)
                best[(ident, intent)] = min(best.get((ident, intent), row), row, key=lambda r: (r[0], r[1]))
    table: dict[str, list[tuple[bool, int, str, str | None]]] = defaultdict(list)
    for (ident, intent), (secondary, order, topic) in best.items():
        table[ident].append((secondary, order, intent, topic))
    return {ident: tuple(sorted(rows, key=lambda r: (r[0], r[1], r[2]))) for ident, rows in table.items()}


def _answer_words(knowledge: Knowledge) -> dict[str, tuple[Fact, ...]]:
    """Distinctive words of fact answers (in at most MAX_WORD_FACTS facts), for the last-resort lookup."""
    facts: dict[str, list[Fact]] = defaultdict(list)
    for fact in knowledge.facts:
        for word in dict.fromkeys(simplify(fact.answer).split()):
            if word not in knowledge.language.stopwords:
                facts[word].append(fact)
    return {word: tuple(items) for word, items in facts.items() if len(items) <= MAX_WORD_FACTS}
