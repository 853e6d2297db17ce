"""Follow-ups that carry the conversation's entities into a question the last relation cannot answer."""

from __future__ import annotations

import pytest

from bot.engine import bundled


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("what is sberbank?", "when?", "August"),  # a description has no date; the tie-up it made does
        ("tell me about yandex", "which month was that?", "August"),
        ("who is jack ma?", "when?", "1999"),
    ],
)
def test_bare_question_word_finds_a_fact_about_the_last_entities(first: str, then: str, expected: str) -> None:
    chat = bundled().conversation()
    chat.ask(first)
    answer = chat.ask(then)
    assert answer.answered, answer.text
    assert expected in answer.text


def test_a_follow_up_question_word_tries_each_slot_it_may_mean() -> None:
    chat = bundled().conversation()
    chat.ask("what did sberbank and yandex announce?")
    answer = chat.ask("when?")  # a day, a month or a year: the facts give the month
    assert answer.answered, answer.text
    assert "August" in answer.text


def test_which_city_finds_the_place_of_the_last_entity() -> None:
    chat = bundled().conversation()
    chat.ask("any info on the economic forum?")
    answer = chat.ask("which city?")
    assert answer.answered, answer.text
    assert "Vladivostok" in answer.text


def test_which_countries_is_not_answered_with_an_adjective() -> None:
    chat = bundled().conversation()
    chat.ask("What will AliExpress Russia do?")
    answer = chat.ask("in which countries?")
    assert "is Russian" not in answer.text
