"""The Python API: ask, Conversation, load, and the exact Answer.to_dict() contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import bot
from bot.engine import MAX_QUESTION_CHARS, Bot


def test_to_dict_has_exactly_the_contract_keys_and_types() -> None:
    data = bot.ask("How much does MegaFon own?").to_dict()
    assert list(data) == ["question", "answered", "answer", "citations", "intent", "confidence"]
    assert data["question"] == "How much does MegaFon own?"
    assert data["answered"] is True
    assert "24 percent" in data["answer"]
    assert data["intent"] == "own"  # the relation the answer came from
    assert isinstance(data["confidence"], float)
    assert 0.0 <= data["confidence"] <= 1.0
    [citation] = data["citations"]
    assert list(citation) == ["source", "sentence", "start", "end"]
    assert citation["source"] == "aliexpress-russia"
    json.dumps(data)


def test_decline_contract() -> None:
    data = bot.ask("Who founded Mail.ru?").to_dict()
    assert data["answered"] is False
    assert data["intent"] is None
    assert data["citations"] == []
    assert data["answer"].startswith("The article doesn't say who founded Mail.ru.")
    assert "who owns Mail.ru" in data["answer"]


def test_every_citation_is_a_verbatim_sentence_at_its_offsets(dealbot: Bot) -> None:
    texts = {source.id: source.text for source in dealbot.knowledge.sources}
    for fact in dealbot.knowledge.facts:
        assert fact.citations, fact.id
        for citation in fact.citations:
            assert texts[citation.source][citation.start : citation.end] == citation.sentence


def test_citation_is_the_whole_sentence() -> None:
    [citation] = bot.ask("who founded alibaba").citations
    assert citation.sentence.startswith("Alibaba, founded by tech billionaire Jack Ma in 1999")
    assert citation.sentence.endswith("Tmall platforms.")


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("how much does MegaFon own?", "and Mail.ru?", "15 percent"),
        ("who founded Alibaba?", "when?", "1999"),
        ("what is Alibaba's stake?", "what about the RDIF?", "13 percent"),
        ("who owns mail.ru", "how does the article describe him?", "Kremlin-friendly"),
        ("When did Mail.ru launch Pandao?", "what does it sell?", "Chinese goods"),
    ],
)
def test_follow_ups_reuse_intent_or_entity(first: str, second: str, expected: str) -> None:
    chat = bot.Conversation()
    assert chat.ask(first).answered
    assert expected in chat.ask(second).text


def test_follow_up_without_context_does_not_guess() -> None:
    assert not bot.ask("when?").answered
    assert not bot.ask("and what did he say?").answered


def test_reset_forgets_context() -> None:
    chat = bot.Conversation()
    chat.ask("how much does MegaFon own?")
    chat.reset()
    assert "percent" not in chat.ask("and Mail.ru?").text


def test_ask_is_stateless() -> None:
    bot.ask("how much does MegaFon own?")
    assert "percent" not in bot.ask("and Mail.ru?").text


def test_same_question_same_answer() -> None:
    assert bot.ask("who ownes megafon??").to_dict() == bot.ask("who ownes megafon??").to_dict()


@pytest.mark.parametrize("question", ["", "   ", "?!?", "\x00\x01", "🙂🙂", "\u202eabc", "a\u0301b\u0301"])
def test_odd_input_is_declined_not_raised(question: str) -> None:
    answer = bot.ask(question)
    assert answer.answered is False
    assert answer.to_dict()["answer"]


def test_too_long_question_is_declined_with_the_limit() -> None:
    answer = bot.ask("who founded alibaba " * (MAX_QUESTION_CHARS // 10))
    assert not answer.answered
    assert str(MAX_QUESTION_CHARS) in answer.text


def test_load_another_directory(knowledge_copy: Path) -> None:
    other = bot.load(knowledge_copy)
    assert other.ask("who founded alibaba").answered
    chat = other.conversation()
    chat.ask("how much does MegaFon own?")
    assert "15" in chat.ask("and Mail.ru?").text


def test_load_reports_knowledge_errors(tmp_path: Path) -> None:
    with pytest.raises(bot.KnowledgeError, match=r"no \*\.yaml files"):
        bot.load(tmp_path)


def test_confidence_is_lower_for_typos() -> None:
    assert bot.ask("alibba stak").confidence < bot.ask("alibaba stake").confidence
