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
