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
        ("what did sberbank and yandex announce?", "when?", "August"),  # a day, a month or a year: the month
        ("any info on the economic forum?", "which city?", "Vladivostok"),
        ("Who is Kirill Dmitriyev?", "What did he say about the deal?", "52 percent"),  # any quote of his
    ],
)
def test_follow_up_finds_the_fact_about_the_last_entities(first: str, then: str, expected: str) -> None:
    chat = bundled().conversation()
    chat.ask(first)
    answer = chat.ask(then)
    assert answer.answered, answer.text
    assert expected in answer.text


def test_which_countries_is_not_answered_with_an_adjective() -> None:
    chat = bundled().conversation()
    chat.ask("What will AliExpress Russia do?")
    assert "is Russian" not in chat.ask("in which countries?").text


def test_more_or_less_after_a_stake_names_the_way() -> None:
    chat = bundled().conversation()
    chat.ask("what is the RDIF's stake?")
    answer = chat.ask("is that more or less than MegaFon's?")
    assert answer.text.startswith("Less:"), answer.text


def test_a_comparison_follow_up_put_as_a_check_gets_a_verdict() -> None:
    chat = bundled().conversation()
    chat.ask("how much does megafon own?")
    answer = chat.ask("is that bigger than the rdif's?")
    assert answer.text.startswith("Yes:"), answer.text


def test_and_x_can_go_back_past_a_change_of_topic() -> None:
    """'And RDIF's?' after a question about the forum carries the stake question before it."""
    chat = bundled().conversation()
    chat.ask("how much does megafon own?")
    chat.ask("where was the forum?")
    answer = chat.ask("and the RDIF's?")
    assert answer.answered, answer.text
    assert "13 percent" in answer.text


def test_an_attribute_with_together_takes_everyone_with_it() -> None:
    """After two stakes, 'so the Russians altogether?' adds up every Russian partner, not just the two."""
    chat = bundled().conversation()
    chat.ask("how much does megafon have")
    chat.ask("and the rdif?")
    answer = chat.ask("so the russian ones altogether?")
    assert "52 percent" in answer.text


def test_they_after_a_named_group_is_that_group() -> None:
    chat = bundled().conversation()
    chat.ask("who are all the partners?")
    answer = chat.ask("ok and the Russian ones, how much do they own together?")
    assert "52 percent" in answer.text


def test_it_may_mean_what_the_last_answer_named_in_passing_when_nothing_else_fits() -> None:
    chat = bundled().conversation()
    chat.ask("whos jack ma")  # "Jack Ma is the tech billionaire who founded Alibaba in 1999."
    answer = chat.ask("and when he found it")
    assert answer.answered, answer.text
    assert "1999" in answer.text
    assert "Alibaba" in answer.text


def test_a_name_in_passing_never_outranks_what_the_answer_was_about() -> None:
    chat = bundled().conversation()
    chat.ask("so the new company is aliexpress russia?")  # its description names Alibaba, Russia, the CIS
    answer = chat.ask("who's gonna run it?")
    assert not answer.answered, answer.text
    assert "AliExpress Russia" in answer.text


def test_this_after_a_description_still_means_the_story() -> None:
    chat = bundled().conversation()
    chat.ask("who is alisher usmanov")  # "... who owns Mail.ru": Mail.ru only in passing
    answer = chat.ask("what's the most popular social network in russia acording to this")
    assert answer.answered, answer.text
    assert "VK" in answer.text


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("who is Kirill Dmitriyev?", "and Michael Evans?", "president of Alibaba Group"),  # not a selection
        ("ok so alibaba 48", "and rdif?", "13 percent"),  # the new holder's own stake, not Alibaba's 48
    ],
)
def test_and_x_asks_the_same_question_of_x(first: str, then: str, expected: str) -> None:
    chat = bundled().conversation()
    chat.ask(first)
    answer = chat.ask(then)
    assert answer.answered, answer.text
    assert expected in answer.text


def test_a_follow_up_naming_another_relation_carries_nothing_over() -> None:
    chat = bundled().conversation()
    chat.ask("alibaba's stake?")
    answer = chat.ask("and the rdif's boss is?")
    assert "Kirill Dmitriyev" in answer.text, answer.text
