"""What understanding produces: mentions found in a question, its form, and candidate readings."""

from __future__ import annotations

from typing import NamedTuple

from bot.understand.normalize import Text

Value = str | float


class Mention(NamedTuple):
    """A phrase found in the question: what it names, where, and how well it matched (0..1)."""

    kind: str  # entity, relation, type, title, valueword, attribute, aggregate, number, year, percent, ...
    target: str  # the entity, relation, type, ... it names; for values the value itself
    start: int
    end: int
    score: float = 1.0
    detail: str = ""  # a relation word's form, an attribute value, a title, a number
    weak: bool = False

    @property
    def span(self) -> tuple[int, int]:
        """Where the mention lies, as (start, end) token positions."""
        return (self.start, self.end)


class UnknownName(NamedTuple):
    """Words that look like a name the knowledge does not have ("Baidu", "Elon Musk")."""

    text: str
    start: int
    end: int


class Found(NamedTuple):
    """Everything found in one question before any reading is built."""

    text: Text
    mentions: tuple[Mention, ...]
    unknown: tuple[UnknownName, ...]
    unexplained: tuple[int, ...]  # positions of content words no mention covers (known or common English words)

    def of(self, *kinds: str) -> list[Mention]:
        """The mentions of some kinds, in question order."""
        return [m for m in self.mentions if m.kind in kinds]


class Form(NamedTuple):
    """The shape of a question: what it asks for and how."""

    focus: str | None  # focus id (who, when, amount, ...)
    focus_span: tuple[int, int] | None
    focus_type: str | None = None  # the type noun after "which"/"what" ("which company")
    yesno: bool = False
    either: tuple[Mention, ...] = ()  # the options of an either/or question
    followup: bool = False  # opens with "and", "what about", ...
    smalltalk: str | None = None
    advice: bool = False
    negated: bool = False


COMPARATIVE = frozenset({"more", "less"})  # the derived operations that set one holder against another
COMPARING = COMPARATIVE | {"difference"}  # ... and those that set two holders side by side
SUM = "sum"  # the derived operation that adds holdings up ("together", "combined")
EXTREMES = frozenset({"max", "min"})  # the derived operations that rank holders ("largest", "smallest")
DESCRIBED = "described"  # a reading's note: the answer is what the asked entity is, not which one
TOGETHER = "together"  # a reading's note: a majority of everyone meeting the constraints, added up
CLAIM = "claim:"  # a yes/no comparison's note: what it claims ("claim:more", "claim:times:2")
TIMES = "times:"  # ... a claimed ratio
ONLY = "only"  # a yes/no check's note: nothing but what it names ("only for Russia?")
EARLIER, LATER = "earlier", "later"  # claim notes: a year checked as a bound ("founded before 2000?")
MOST = "most:"  # a yes/no claim note: "is VK the most popular network?" (claim:most:max:popular)
SAME = "same"  # a yes/no note: two names claimed to be one ("is MegaFon Russia's largest bank?")
EITHER = "either"  # a claim note: the question asks which of two holds ("more or less", "before or after")
EITHER_TYPE = "either type"  # a yes/no note: "is Yandex a bank OR an internet company?" asks which type holds
TYPE = "type:"  # a claim note: the subject is said to be of this type ("MegaFon is a bank ...?")
ORDER = "order:"  # a note: which of two comes first is asked ("order:<first named>:earlier|later|either")
NEW = "new"  # a yes/no note: "is X new to Y?" asks whether X was NOT there already
AGAINST = "against:"  # a comparison note: the entities added up on the far side of "than" ("against:mail_ru+rdif")
ENDS = "ends"  # a difference note: the largest against the smallest, nobody named ("the gap between top and bottom")
GROUP_FIRST = "group first"  # a comparison note: the added-up group is named before the entity
CONCEALED = "concealed"  # a yes/no note: whether something was kept back is asked ("is the amount SECRET?")
DISCLOSED = "disclosed"  # a yes/no note: whether something was made known is asked ("were the amounts DISCLOSED?")
APPROX = "approx"  # a value note: the claimed figure is hedged ("ROUGHLY a quarter", "about 25 percent")
MINORITY = "minority"  # a majority note: the claim is of less than half ("is Alibaba a MINORITY shareholder?")
BEFORE_NOW = "before-now"  # a yes/no note: "did they work together BEFORE?" asks about a time before the story
COUNTED = "counted:"  # a note: how many things "which TWO companies ..." asks for ("counted:2")
NOW = "now"  # a yes/no check's note: it asks about the present ("is it still running?"), past what the article says


class Reading(NamedTuple):
    """One way to understand a question: a small query graph over the facts.

    The relation links `subject` and `object` (entity ids, empty when open); `ask` is the slot the
    question wants (subject, object or a value kind; empty for a yes/no check). Constraints narrow the
    answer: values, types and attributes of the asked entities, a role (`partner` of the venture).
    """

    relation: str
    subject: tuple[str, ...] = ()
    object: tuple[str, ...] = ()
    ask: str = ""
    values: tuple[tuple[str, Value], ...] = ()
    types: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()
    role: str | None = None  # the asked entities must be subjects of this relation (partners, owners)
    members_of: tuple[str, ...] = ()  # the asked entities must be among these ("among them")
    aggregate: str | None = None
    ordinal: int | None = None
    target: float | None = None
    mode: str = "answer"  # answer, yesno, either, select
    options: tuple[str, ...] = ()  # either/or: the entity ids or values to choose between
    score: float = 0.0
    used: frozenset[int] = frozenset()
    notes: tuple[str, ...] = ()
    missed: tuple[Mention, ...] = ()  # words the reading leaves out (the facts may still explain them)
    words: tuple[str, ...] = ()  # content words no mention explains: they pick among facts ("who said ... step")
    excluded: tuple[str, ...] = ()  # entities the answer must leave out ("besides Alibaba")
    strong: bool = False  # a relation word that is not weak supports it

    def describe(self) -> str:
        """The reading as a small query, for /explain: relation(subject, object) ? ask [constraints]."""
        subject = "+".join(self.subject) or ("?" if self.ask == "subject" else "_")
        obj = "+".join(self.object) or ("?" if self.ask == "object" else "_")
        parts = [f"{self.relation}({subject}, {obj})"]
        if self.ask and self.ask not in ("subject", "object"):
            parts.append(f"? {self.ask}")
        constraints = [f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}" for k, v in self.values]
        constraints += [f"type={t}" for t in self.types] + [f"{a}={v}" for a, v in self.attributes]
        if self.role:
            constraints.append(f"role={self.role}")
        if self.members_of:
            constraints.append("among=" + "+".join(self.members_of))
        if self.excluded:
            constraints.append("except=" + "+".join(self.excluded))
        if self.aggregate:
            constraints.append(f"{self.aggregate}" + (f"#{self.ordinal}" if self.ordinal else ""))
        if self.options:
            constraints.append("options=" + "|".join(self.options))
        if constraints:
            parts.append("[" + ", ".join(constraints) + "]")
        if self.mode != "answer":
            parts.append(f"<{self.mode}>")
        return " ".join(parts)


def counted_of(notes: tuple[str, ...]) -> int | None:
    """How many things a "which TWO ..." question asks for, as its reading's notes say; None when it names none."""
    return next((int(n[len(COUNTED) :]) for n in notes if n.startswith(COUNTED)), None)
