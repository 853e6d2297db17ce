"""The value every front end receives: an answer or a polite decline, with citations."""

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


class Explanation(NamedTuple):
    """Why an answer was given: what the matcher saw, for `/explain` and `--explain`."""

    normalized: str
    entities: tuple[tuple[str, float], ...] = ()
    intents: tuple[tuple[str, float], ...] = ()
    qtype: str | None = None
    context_used: bool = False
    reason: str = ""
    facts: tuple[str, ...] = ()
    intent: str | None = None


class Answer(NamedTuple):
    """What the bot says to one question; `answered` is false for a decline."""

    question: str
    answered: bool
    text: str
    citations: tuple[Citation, ...] = ()
    intent: str | None = None
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
