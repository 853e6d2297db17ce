"""The knowledge as immutable records: the shared language layer, and one article's typed fact graph."""

from __future__ import annotations

from typing import Any, NamedTuple


class Citation(NamedTuple):
    """One whole sentence of a source, verbatim, with its character offsets."""

    source: str
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready form of the citation."""
        return {"source": self.source, "sentence": self.sentence, "start": self.start, "end": self.end}


class Source(NamedTuple):
    """One source document, verbatim, that citations point into."""

    id: str
    title: str
    text: str
    examples: tuple[str, ...] = ()


class TypeDef(NamedTuple):
    """A kind of entity in the type hierarchy, with the nouns people use for it."""

    id: str
    parent: str | None
    nouns: tuple[str, ...]
    context: bool = False  # named in a question, usually only context ("the article says ...")
    locative: bool = False  # after "in", may only say where ("present in Russia")
    encloses: bool = False  # may hold places the article never names: a where-check against it is no "No"


class FocusDef(NamedTuple):
    """What a question asks for (who, when, how much, ...), recognised by its cues."""

    id: str
    parent: str | None
    cues: tuple[str, ...]
    expects: tuple[str, ...]  # "entity" and/or value kinds
    types: tuple[str, ...] = ()  # entity types a "who"/"where" answer may have
    needs_type: bool = False  # only with a type noun after the cue ("which company")
    generic: bool = False  # gives way to a more specific cue close after it ("what was the date")
    aggregate: str | None = None  # asks for a derived answer ("how many": count)
    defers: bool = False  # a request ("can you tell me"): any question word after it decides
    guesses: bool = True  # on its own it may suggest a relation ("where is the forum?"); "how much?" may not
    checks: tuple[str, ...] = ()  # words that, before an unknown name in a yes/no question, ask this ("in Moscow?")
    confirms: bool = False  # with no question word after it, asks to confirm what follows ("does the article say X")
    ties: bool = False  # a generic focus the fact tying two named things answers when no value of it could
    closers: tuple[
        str, ...
    ] = ()  # words that, ending the cue's clause, turn its parent's cue into this ("where ... from")


class ValueKind(NamedTuple):
    """A kind of qualifier a fact may carry (percent, year, quote, ...) and the focus it answers."""

    id: str
    kind: str  # number, year, weekday, month, entity, text, attribute
    answers: tuple[str, ...]
    words: tuple[str, ...] = ()
    unit: str = ""
    low: float | None = None
    high: float | None = None
    types: tuple[str, ...] = ()  # for entity-valued kinds: the types of entity it takes
    topic: str = ""  # how a decline names a question for it that no relation can give ("why")
    said: bool = False  # the words someone said: "where did he say IT?" points at them, not at a thing


class AttributeDef(NamedTuple):
    """An attribute (nationality) and, for each of its values, the words that name it."""

    id: str
    values: tuple[tuple[str, tuple[str, ...]], ...]


class RelationWord(NamedTuple):
    """One way to name a relation in a question, and the grammatical form that says who is who."""

    phrase: str
    form: str  # verb, passive, agent, patient, holding, action
    weak: bool = False


class Relation(NamedTuple):
    """A kind of fact, declared once for every article: argument types, words, and wording."""

    id: str
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]
    values: tuple[str, ...]
    functional: tuple[str, ...]
    words: tuple[RelationWord, ...]
    asks: tuple[tuple[str, str], ...]
    says: tuple[tuple[str, str], ...]
    aggregates: tuple[tuple[str, str], ...] = ()
    titles: tuple[tuple[str, tuple[str, ...]], ...] = ()
    title_ask: str = ""
    describes: bool = False  # entity descriptors become facts of this relation; it answers "who is X?"
    names: bool = False  # asks for an entity's name: the entity's own name answers where no fact does
    focus: tuple[tuple[str, str], ...] = ()  # question words answered from a slot no value kind gives (why: object)
    symmetric: bool = False  # both sides alike: "X partnered with Y" puts Y beside X
    locates: bool = False  # its facts say where things lie: a place asked about also holds what lies in it
    topical: tuple[str, ...] = ()  # types of a backdrop that, as the object talked about, stands for every fact
    sequence: bool = False  # its subject comes after its object: "did X come before or after Y?" is checked by it
    speaks_for: bool = False  # its subject speaks for its object: what a president said, his company said
    through: tuple[str, ...] = ()  # relations to what does it for the subject: Mail.ru sells through Pandao

    def ask(self, slot: str) -> str:
        """How a decline names a question about one slot (falling back to the relation as a whole)."""
        asks = dict(self.asks)
        return asks.get(slot) or asks.get("default") or self.id

    def say(self, value: str | None) -> str:
        """The answer template for a fact carrying this value (or the default one)."""
        says = dict(self.says)
        return says.get(value or "") or says.get("default") or ""


class Aggregate(NamedTuple):
    """A derived operation (largest, combined, ...) and the words that ask for it."""

    id: str
    words: tuple[str, ...]
    weak: tuple[str, ...] = ()


class SmallTalk(NamedTuple):
    """A kind of small talk (greeting, thanks, help) and the reply it gets."""

    id: str
    cues: tuple[str, ...]
    reply: str


class Language(NamedTuple):
    """Everything about English rather than about one article, shared by every article."""

    stopwords: frozenset[str]
    rewrites: tuple[tuple[str, str], ...]
    symbols: tuple[tuple[str, str], ...]
    shorthand: tuple[tuple[str, str], ...]  # written forms read as words before anything else ("y/n": yes or no)
    pronouns: tuple[tuple[str, tuple[str, ...]], ...]
    demonstratives: tuple[str, ...]
    followup_markers: tuple[str, ...]
    negations: tuple[str, ...]
    exclusions: tuple[str, ...]
    articles: tuple[str, ...]
    abbreviations: tuple[str, ...]
    word_classes: tuple[tuple[str, tuple[str, ...]], ...]
    ordinals: tuple[tuple[str, int], ...]
    multiples: tuple[tuple[str, float], ...]  # "double", "half": a claimed ratio between two figures
    number_words: tuple[str, ...]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    focus: tuple[FocusDef, ...]
    yesno_openers: tuple[str, ...]
    yesno_closers: tuple[str, ...]
    either_or: tuple[str, ...]
    types: tuple[TypeDef, ...]
    values: tuple[ValueKind, ...]
    attributes: tuple[AttributeDef, ...]
    relations: tuple[Relation, ...]
    aggregates: tuple[Aggregate, ...]
    majority_threshold: float
    smalltalk: tuple[SmallTalk, ...]
    advice_cues: tuple[str, ...]
    messages: tuple[tuple[str, str], ...]

    def message(self, name: str) -> str:
        """Return one user-facing wording by name."""
        return dict(self.messages)[name]


class Entity(NamedTuple):
    """Something a question can be about: a typed node of the fact graph."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    members: tuple[str, ...] = ()
    backdrop: bool = False


class Fact(NamedTuple):
    """One stated fact: subject(s) -relation-> object(s), with values, an answer and citations."""

    id: str
    relation: str
    subjects: tuple[str, ...]
    objects: tuple[str, ...]
    values: tuple[tuple[str, str | float], ...]
    answer: str
    citations: tuple[Citation, ...]
    mentions: tuple[str, ...] = ()
    complete: bool = False
    named: tuple[str, ...] = ()  # other entities its answer names in passing: a follow-up's "it" may mean them
    reported_by: str = ""  # whose the fact is, as the cited sentence says ("the statement"): asked by "who released?"
    withheld: bool = False  # its value was not given ("not disclosed"): it answers "how much?" and confirms no claim

    def value(self, name: str) -> str | float | None:
        """The fact's value of one kind, or None."""
        for key, value in self.values:
            if key == name:
                return value
        return None

    @property
    def entities(self) -> tuple[str, ...]:
        """The entities the fact names as subject, object or mention, in that order."""
        return tuple(dict.fromkeys([*self.subjects, *self.objects, *self.mentions]))


class Knowledge(NamedTuple):
    """A whole, validated knowledge base: the language layer and the article's sources, entities and facts."""

    root: str
    language: Language
    sources: tuple[Source, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]

    @property
    def cited_sentences(self) -> int:
        """How many distinct source sentences the facts cite."""
        return len({(c.source, c.start) for fact in self.facts for c in fact.citations})
