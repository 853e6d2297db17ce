"""Two questions in one ("What kind of company is Alibaba, and which country is it from?").

The second question starts with a question word right after a joining word or a comma; the first must be a
question of its own, naming something or saying how. Each is answered in turn, the second in the
context the first leaves, so "it" in the second points at what the first was about; the replies are
joined.
"""

from __future__ import annotations

from bot.answer.model import Answer
from bot.understand.grammar import Grammar
from bot.understand.model import Form, Found

QUESTION_WORDS = ("who", "whom", "whose", "what", "which", "when", "where", "why", "how")


def second_question(found: Found, form: Form, grammar: Grammar) -> int | None:
    """Where a second question starts, or None when there is one question."""
    if form.focus is None and not form.yesno:
        return None
    tokens = found.text.tokens
    first_cue = min((m.start for m in found.of("focus", "yesno")), default=len(tokens))
    content = [m.start for m in found.of("entity", "relation") if not m.weak or m.kind == "entity"]
    for cue in found.of("focus"):
        start = cue.start
        after_break = bool(found.text.boundary) and found.text.boundary[start]  # "What is X, how ...?"
        joined = tokens[start - 1] in grammar.joiners or after_break
        joined = joined and start > first_cue + 1 and tokens[start] in QUESTION_WORDS
        if joined and any(
            first_cue < c < start and tokens[c] not in grammar.joiners for c in content
        ):  # "which bank and which firm teamed up?"
            return start
    return None


def join(question: str, first: Answer, second: Answer) -> Answer:
    """One reply to both questions: both texts (once, if the same), every citation, the lower confidence."""
    texts = [first.text] if first.text == second.text else [first.text, second.text]
    citations = tuple(dict.fromkeys((*first.citations, *second.citations)))
    why = first.explanation._replace(
        reading=f"{first.explanation.reading} + {second.explanation.reading}",
        reason=f"two questions: {first.explanation.reason}, {second.explanation.reason}",
        facts=(*first.explanation.facts, *second.explanation.facts),
    )
    return Answer(
        question,
        first.answered or second.answered,
        " ".join(texts),
        citations,
        first.intent or second.intent,
        min(first.confidence, second.confidence),
        why,
    )
