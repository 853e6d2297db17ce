"""Running readings stops early only where the rest cannot change the answer.

`_run_best_first` skips readings that could not beat the best one run, by what any fact could give back
(`evidence_bound`); the answer must be the one the margin stop alone gives, and the bound a true bound.
"""

from __future__ import annotations

import pytest

from bot.answer import respond
from bot.answer.evidence import Tried, evidence_bound, refund_bound, with_evidence
from bot.answer.execute import execute
from bot.engine import Bot
from bot.understand.model import Found, Reading

QUESTIONS = [
    ["Which organisations are partners in the venture?", "which of them is a telecom operator?"],
    ["alibaba mailru deal"],
    ["When did Sberbank and Yandex announce their deal?"],
    ["megafon + rdif together = ?"],
    ["Who has a bigger stake, Mail.ru or the RDIF?"],
    ["What did the Alibaba Group president say at the press conference?"],
    ["Where in Russia is Vladivostok, per the article?"],
    ["Did Alibaba pay 2 billion dollars?"],
    ["What is MegaFon's stake in Tmall?"],
    ["purple elephants dance"],
]


def _conversation(dealbot: Bot, turns: list[str]) -> list[tuple[object, ...]]:
    chat = dealbot.conversation()
    replies = [chat.ask(turn) for turn in turns]
    return [(a.text, a.citations, a.answered, a.intent, a.confidence, a.explanation.reading) for a in replies]


def _margin_only(readings: list[Reading], found: Found, setting: respond.Setting) -> list[Tried]:
    """The readings run as before the early stop: best bound first, until none is within the margin."""
    graph, grammar = setting.graph, setting.lexicon.grammar
    bounds = [r.score + refund_bound(r, found, graph) for r in readings]
    tried: dict[int, Tried] = {}
    for i in sorted(range(len(readings)), key=lambda i: -bounds[i]):
        if tried and bounds[i] < max(t.reading.score for t in tried.values()) - respond.PREMISE_MARGIN:
            break
        tried[i] = with_evidence(
            Tried(readings[i], execute(readings[i], graph, setting.knowledge.language)), found, graph, grammar
        )
    return [tried[i] for i in sorted(tried, key=lambda i: (-tried[i].reading.score, i))]


@pytest.mark.parametrize("turns", QUESTIONS)
def test_stopping_early_gives_the_answer_the_margin_stop_gives(
    dealbot: Bot, turns: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    early = _conversation(dealbot, turns)
    monkeypatch.setattr(respond, "_run_best_first", _margin_only)
    assert _conversation(dealbot, turns) == early


@pytest.mark.parametrize("turns", QUESTIONS)
def test_evidence_bound_bounds_what_the_facts_give_back(
    dealbot: Bot, turns: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[Reading] = []
    run = respond._run_best_first

    def every_reading(readings: list[Reading], found: Found, setting: respond.Setting) -> list[Tried]:
        graph, grammar = setting.graph, setting.lexicon.grammar
        for reading in readings:
            result = execute(reading, graph, setting.knowledge.language)
            rescored = with_evidence(Tried(reading, result), found, graph, grammar).reading.score
            bound = evidence_bound(reading, found, graph, grammar)
            assert rescored <= reading.score + bound, reading.describe()
            assert bound or rescored == reading.score, reading.describe()
            checked.append(reading)
        return run(readings, found, setting)

    monkeypatch.setattr(respond, "_run_best_first", every_reading)
    _conversation(dealbot, turns)
    assert checked or turns == ["purple elephants dance"]
