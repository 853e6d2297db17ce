"""Names the article never mentions that stand only as a checked alternative, not as what is asked about.

"Was the deal announced in Moscow?" and "Vladivostok or St Petersburg, where was it announced?" name a
place the article never mentions, yet ask about something it does say: where the deal was announced.
Such a question is asked without the unknown name (as "where was the deal announced?" for a yes/no
check) and answered with what the article says. A name anywhere else ("What did Baidu say?") is still
declined as unknown.
"""

from __future__ import annotations

from typing import NamedTuple

from bot.knowledge.graph import Graph
from bot.knowledge.model import TypeDef
from bot.understand.focus import OPTION_KINDS
from bot.understand.model import Form, Found, UnknownName
from bot.understand.normalize import Text

OPTION_REACH = 2  # words between "or" and the known option on its other side
NAME_PREFIX = 3  # a capitalised word this short right before an unknown name is part of it ("St", "Mt", "Fort" not)


class Alternative(NamedTuple):
    """The question to ask instead: without the unknown names, and the focus a yes/no check became."""

    text: Text
    check: str | None  # the focus a yes/no check is asked as ("where"); None for an either/or question


def as_alternative(found: Found, form: Form, graph: Graph) -> Alternative | None:
    """The question without its unknown names, when every one of them is only a checked alternative."""
    text, check = found.text, None
    for name in sorted(found.unknown, key=lambda n: -n.start):  # last first, so earlier positions hold
        span = _either_span(name, found, whole=form.focus is not None and not form.yesno)
        if span is None and form.yesno and check is None:
            checked = _checked_focus(name, found, graph)
            if checked is not None:
                check, at = checked
                span = (at, name.end)
        if span is None:
            return None
        text = text.without(*span)
    if check is not None:
        text = text.opened_by(graph.focus[check].cues[0])
    return Alternative(text, check)


def _either_span(name: UnknownName, found: Found, whole: bool) -> tuple[int, int] | None:
    """'VK or Telegram', 'Vladivostok or St Petersburg': the unknown option and its "or", when the other
    side of the "or" is a known option; `whole` takes the known option too, for a question that asks
    anyway ("Vladivostok or St Petersburg, where was it announced?")."""
    options = [m for m in found.mentions if m.kind in OPTION_KINDS]
    tokens = found.text.tokens
    for joint in found.of("either"):
        after = [m for m in options if 0 <= m.start - joint.end <= OPTION_REACH]
        if 0 <= joint.start - name.end <= 1 and after:
            if not whole:
                return (name.start, joint.end)  # "Kazan or (in) Vladivostok"
            return (_parallel_start(name.start, after[0].start, tokens), after[0].end)
        before = [m for m in options if 0 <= joint.start - m.end <= OPTION_REACH]
        if 0 <= name.start - joint.end <= 1 and before:
            if not whole:
                return (joint.start, name.end)  # "VK or Telegram"
            return (_parallel_start(before[-1].start, name.start, tokens), name.end)
    return None


def _parallel_start(first: int, second: int, tokens: tuple[str, ...]) -> int:
    """Where the first of two options starts when both are dropped: at the word before it when the second
    has the same word before it ("IN Moscow or IN Vladivostok"), which then belongs to the options."""
    shared = first > 0 and first < second - 1 and tokens[first - 1] == tokens[second - 1]
    return first - 1 if shared else first


def _checked_focus(name: UnknownName, found: Found, graph: Graph) -> tuple[str, int] | None:
    """The focus whose check word stands right before the unknown name ("... in Moscow?": where), and where
    the check word stands."""
    if name.start == 0:
        return None
    if any(m.kind == "relation" and m.detail in ("verb", "passive") and m.start >= name.end for m in found.mentions):
        return None  # "my broker AT FIDELITY told me ...": a verb after it, so the name sits in who did it
    before = name.start - 1
    capitals = found.text.capitalised
    while before > 0 and capitals and capitals[before] and len(found.text.tokens[before]) <= NAME_PREFIX:
        before -= 1  # "in St Petersburg": a short capitalised word before the name belongs to it
    word = found.text.tokens[before]
    focus = next((f.id for f in graph.focus.values() if word in f.checks), None)
    return (focus, before) if focus is not None else None


def gives_focus(facts: tuple[str, ...], focus: str, graph: Graph) -> bool:
    """Whether the facts an answer came from say what the focus asks: a value of a kind that answers it,
    or an entity of a type it takes ("announced in Vladivostok" says where; "Alibaba is Chinese" does not)."""
    definition = graph.focus[focus]
    for ident in facts:
        fact = graph.fact_by_id.get(ident)
        if fact is None:
            continue
        if any(graph.fits_focus(kind, focus) for kind, value in fact.values if value is not None):
            return True
        if definition.types and any(graph.is_a(e, definition.types) for e in fact.objects):
            return True
    return False


def encloses_places(facts: tuple[str, ...], graph: Graph, types: tuple[TypeDef, ...]) -> bool:
    """Whether the facts say where by a place that may hold others the article never names ("the CIS"):
    "is the venture in Kazakhstan?" then gets no "No"."""
    enclosing = [t.id for t in types if t.encloses]
    if not enclosing:
        return False
    for ident in facts:
        fact = graph.fact_by_id.get(ident)
        if fact is None:
            continue
        named = [*fact.objects, *(v for _, v in fact.values if isinstance(v, str) and v in graph.entities)]
        if any(graph.is_a(e, enclosing) for e in named):
            return True
    return False
