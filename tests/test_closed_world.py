"""A name the article never mentions: declined as such, unless it only stands as a checked alternative."""

from __future__ import annotations

import pytest

import bot


@pytest.mark.parametrize(
    ("question", "expected", "cited"),
    [
        ("Was the deal announced in Moscow?", "No: the deal was announced", "city of Vladivostok"),
        ("was the press conference held in Kazan?", "No: Michael Evans spoke", "press conference in Vladivostok"),
        ("Does Mail.ru own VK or Telegram?", "Yes: Mail.ru's assets include VK", "social media network VK"),
        ("Vladivostok or St Petersburg, where was it announced?", "Vladivostok", "city of Vladivostok"),
    ],
)
def test_unknown_alternative_is_corrected(question: str, expected: str, cited: str) -> None:
    answer = bot.ask(question)
    assert answer.answered, answer.text
    assert answer.text.startswith(expected) or expected in answer.text
    assert any(cited in c.sentence for c in answer.citations)


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("What did Baidu say about the deal?", "Baidu"),
        ("Did Putin speak in Vladivostok?", "Putin"),
        ("Is Alibaba from Hangzhou?", "Hangzhou"),  # the article says Chinese, not where in China
        ("Did Tencent or Baidu join the venture?", "Tencent"),  # no known option to fall back on
        ("How big is Tencent's stake?", "Tencent"),
    ],
)
def test_unknown_name_is_declined(question: str, name: str) -> None:
    answer = bot.ask(question)
    assert not answer.answered
    assert name in answer.text
