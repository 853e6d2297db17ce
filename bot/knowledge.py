"""The fact base as immutable records: sources, entities, intents, facts and rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.answer import Citation


@dataclass(frozen=True)
class Source:
    """One source document, verbatim, that citations point into."""

    id: str
    title: str
    text: str
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    """Something a question can be about, with every way a person names it."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    members: tuple[str, ...] = ()
    backdrop: bool = False


@dataclass(frozen=True)
class QuestionType:
    """What kind of answer a question word asks for (who, when, where, ...)."""

    id: str
    cues: tuple[str, ...]
    strict: bool


@dataclass(frozen=True)
class Intent:
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


@dataclass(frozen=True)
class Fact:
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


@dataclass(frozen=True)
class Rule:
    """A derived fact computed from numeric facts (largest, combined, ...)."""

    id: str
    intent: str
    kind: str
    over: str
    of: str
    templates: tuple[tuple[str, str], ...]

    def template(self, name: str) -> str:
        """Return the wording the rule uses for one outcome."""
        return dict(self.templates)[name]


@dataclass(frozen=True)
class Language:
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

    def message(self, name: str) -> str:
        """Return one user-facing wording by name."""
        return dict(self.messages)[name]


@dataclass(frozen=True)
class Knowledge:
    """A whole, validated knowledge directory."""

    root: str
    sources: tuple[Source, ...]
    entities: tuple[Entity, ...]
    intents: tuple[Intent, ...]
    families: tuple[tuple[str, tuple[str, ...]], ...]
    facts: tuple[Fact, ...]
    rules: tuple[Rule, ...]
    language: Language
    entity_by_id: dict[str, Entity] = field(default_factory=dict, compare=False, repr=False)
    intent_by_id: dict[str, Intent] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.entity_by_id.update((entity.id, entity) for entity in self.entities)
        self.intent_by_id.update((intent.id, intent) for intent in self.intents)

    @property
    def cited_sentences(self) -> int:
        """How many distinct source sentences the facts cite."""
        return len({(c.source, c.start) for fact in self.facts for c in fact.citations})
