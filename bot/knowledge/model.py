"""The fact base as immutable records: sources, entities, intents, facts and rules."""

from __future__ import annotations

from typing import NamedTuple

from bot.answer.model import Citation


class Source(NamedTuple):
    """One source document, verbatim, that citations point into."""

    id: str
    title: str
    text: str
    examples: tuple[str, ...] = ()


class Entity(NamedTuple):
    """Something a question can be about, with every way a person names it."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    members: tuple[str, ...] = ()
    backdrop: bool = False


class QuestionType(NamedTuple):
    """What kind of answer a question word asks for (who, when, where, ...)."""

    id: str
    cues: tuple[str, ...]
    strict: bool


class Intent(NamedTuple):
    """An attribute a question asks about, recognised by word families."""

    id: str
    families: tuple[tuple[str, float], ...]
    requires: tuple[str, ...]
    qtypes: tuple[str, ...]
    requires_qtype: bool
    topic: str
    min_entities: int = 0
    suggest: bool = True
    bare: bool = False
    requires_one_of: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()  # only for questions about an entity of these kinds (biography: people)


class Fact(NamedTuple):
    """One stated fact: entities x intents -> answer text, with citations."""

    id: str
    intents: tuple[str, ...]
    about: tuple[str, ...]
    answer: str
    citations: tuple[Citation, ...]
    mentions: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    value: float | None = None
    of: str | None = None
    topic: str | None = None
    qtypes: tuple[str, ...] = ()


class Rule(NamedTuple):
    """A derived fact computed from numeric facts (largest, combined, ...)."""

    id: str
    intent: str
    kind: str
    over: str
    of: str
    templates: tuple[tuple[str, str], ...]
    named_qtypes: tuple[str, ...] | None = None  # question types it answers about named entities (None: any)

    def template(self, name: str) -> str:
        """Return the wording the rule uses for one outcome."""
        return dict(self.templates)[name]


class Language(NamedTuple):
    """Words about language rather than about the article: stopwords, cues, messages."""

    stopwords: frozenset[str]
    rewrites: tuple[tuple[str, str], ...]
    pronouns: tuple[tuple[str, str], ...]
    followup_markers: tuple[str, ...]
    qtypes: tuple[QuestionType, ...]
    ordinals: tuple[tuple[str, int], ...]
    number_words: tuple[tuple[int, str], ...]
    abbreviations: tuple[str, ...]
    articles: tuple[str, ...]
    messages: tuple[tuple[str, str], ...]
    symbols: tuple[tuple[str, str], ...] = ()

    def message(self, name: str) -> str:
        """Return one user-facing wording by name."""
        return dict(self.messages)[name]


class Knowledge(NamedTuple):
    """A whole, validated knowledge directory."""

    root: str
    sources: tuple[Source, ...]
    entities: tuple[Entity, ...]
    intents: tuple[Intent, ...]
    families: tuple[tuple[str, tuple[str, ...]], ...]
    facts: tuple[Fact, ...]
    rules: tuple[Rule, ...]
    language: Language
    entity_by_id: dict[str, Entity]
    intent_by_id: dict[str, Intent]

    @property
    def cited_sentences(self) -> int:
        """How many distinct source sentences the facts cite."""
        return len({(c.source, c.start) for fact in self.facts for c in fact.citations})


def make_knowledge(
    root: str,
    *,
    sources: tuple[Source, ...],
    entities: tuple[Entity, ...],
    intents: tuple[Intent, ...],
    families: tuple[tuple[str, tuple[str, ...]], ...],
    facts: tuple[Fact, ...],
    rules: tuple[Rule, ...],
    language: Language,
) -> Knowledge:
    """Assemble Knowledge with its lookup tables by id."""
    return Knowledge(
        root,
        sources,
        entities,
        intents,
        families,
        facts,
        rules,
        language,
        {entity.id: entity for entity in entities},
        {intent.id: intent for intent in intents},
    )
