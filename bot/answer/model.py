"""The value every front end receives: an answer or a polite decline, with citations and the reasoning."""

from __future__ import annotations

from typing import Any, NamedTuple

from bot.knowledge.model import Citation

__all__ = ["Answer", "Citation", "Explanation", "RunnerUp"]


class RunnerUp(NamedTuple):
    """A reading that lost, with its score and why it lost."""

    query: str
    score: float
    why: str


class Explanation(NamedTuple):
    """Why an answer was given: what was found in the question and the reading chosen, for /explain."""

    normalized: str
    focus: str | None = None
    mentions: tuple[str, ...] = ()
    reading: str = ""
    score: float = 0.0
    runners_up: tuple[RunnerUp, ...] = ()
    context_used: bool = False
    reason: str = ""
    facts: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()
    unexplained: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form, for `--json --explain`."""
        return {
            "normalized": self.normalized,
            "focus": self.focus,
            "mentions": list(self.mentions),
            "reading": self.reading,
            "score": self.score,
            "runners_up": [{"reading": r.query, "score": r.score, "why": r.why} for r in self.runners_up],
            "context_used": self.context_used,
            "reason": self.reason,
            "facts": list(self.facts),
            "unknown_names": list(self.unknown),
            "unexplained_words": list(self.unexplained),
        }


class Answer(NamedTuple):
    """What the bot says to one question; `answered` is false for a decline."""

    question: str
    answered: bool
    text: str
    citations: tuple[Citation, ...] = ()
    intent: str | None = None  # the relation the answer came from ("own", "found"), or "own.max" for a derived one
    confidence: float = 0.0
    explanation: Explanation = Explanation(normalized="")

    def to_dict(self) -> dict[str, Any]:
        """Return exactly the public JSON contract of an answer."""
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": self.text,
            "citations": [citation.to_dict() for citation in self.citations],
            "intent": self.intent,
            "confidence": self.confidence,
        }
