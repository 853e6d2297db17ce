"""Questions for whose a stated fact is: "who released the ownership breakdown?", "where does the stake split
come from?".

The article attributes some facts ("..., the statement said"; "Kirill Dmitriyev ... said that ..."); a fact
records that attribution as `reported_by`, verbatim from its cited sentence. A question that opens with a
source cue (language/grammar.yaml, `source_cues`) is asked without the cue, and its answer is given with
the source: "According to the statement, AliExpress Russia will be owned ...". Where the answer's facts
carry no attribution the question is read as it stands ("who gave the press conference?" asks who spoke).
"""

from __future__ import annotations

from bot.knowledge.graph import Graph
from bot.understand.normalize import Text


def without_cue(text: Text, spans: list[tuple[int, int]]) -> Text:
    """The question with the cue taken out, last span first so earlier positions hold."""
    for start, end in sorted(spans, reverse=True):
        text = text.without(start, end)
    return text


def reported_by(facts: tuple[str, ...], graph: Graph) -> str | None:
    """The source the first attributed fact of an answer names, if any."""
    return next(
        (graph.fact_by_id[f].reported_by for f in facts if f in graph.fact_by_id and graph.fact_by_id[f].reported_by),
        None,
    )
