"""Derived facts computed from the stakes, each citing the sentence it used."""

from __future__ import annotations

import pytest

import bot

STAKES = "It will be 48 percent owned by Alibaba"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who has the largest stake?", "Alibaba will hold the largest stake in AliExpress Russia, 48 percent."),
        ("who has the smallest stake?", "The RDIF will hold the smallest stake in AliExpress Russia, 13 percent."),
        ("which partner has the second largest stake?", "MegaFon will hold the second largest stake"),
        ("does any partner hold a majority?", "No: no partner will hold a majority of AliExpress Russia"),
        ("does Alibaba have a majority?", "No: Alibaba will hold 48 percent of AliExpress Russia, less than half."),
        ("do Alibaba and MegaFon together have a majority?", "Yes: Alibaba and MegaFon will hold 72 percent"),
        ("combined stake of mail.ru and megafon", "Mail.ru and MegaFon will hold a combined 39 percent"),
        ("combined stake of the russian partners", "The Russian partners will hold a combined 52 percent"),
        ("how many partners are there?", "AliExpress Russia will have four partners"),
        ("difference between alibaba's and the rdif's stakes", "35 percentage points more"),
        ("how many times more does alibaba own than megafon", "2 times as much"),
    ],
)
def test_derived(question: str, expected: str) -> None:
    answer = bot.ask(question)
    assert answer.answered, answer.text
    assert expected in answer.text
    assert any(STAKES in citation.sentence for citation in answer.citations)


def test_stated_total_is_cited_beside_its_parts() -> None:
    sentences = [c.sentence for c in bot.ask("combined stake of the russian partners").citations]
    assert any("combined 52 percent" in s for s in sentences)
    assert any(STAKES in s for s in sentences)
