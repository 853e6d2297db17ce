"""Normalisation and sentence splitting: the pure functions under the matcher."""

from __future__ import annotations

import pytest

from bot.knowledge.sentences import split_sentences
from bot.understand.normalize import simplify, stem, tokenize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("What's MegaFon’s STAKE?!", "what megafon stake"),
        ("“Mail.ru”   owns\tVK", "mail ru owns vk"),
        ("second-largest", "second largest"),
        ("Café résumé", "cafe resume"),
        ("the partners' share", "the partners share"),
    ],
)
def test_simplify(raw: str, expected: str) -> None:
    assert simplify(raw) == expected


@pytest.mark.parametrize(
    ("words", "common"),
    [
        (("founded", "founding"), "found"),
        (("owns", "owned", "owning"), "own"),
        (("stakes", "stake"), "stake"),
    ],
)
def test_word_forms_share_a_stem(words: tuple[str, ...], common: str) -> None:
    assert {stem(word) for word in words} == {common}


def test_rewrites_apply_to_whole_words() -> None:
    text = tokenize("whos wen", {"whos": "who is", "wen": "when"})
    assert text.tokens == ("who", "is", "when")
    assert tokenize("whose", {"whos": "who is"}).tokens == ("whose",)


def test_a_contracted_s_reads_as_the_word_typed_without_its_apostrophe() -> None:
    """A contraction: "how's" is typed "hows" just as often, and both read "how is"; a name's 's stays."""
    rewrites = {"hows": "how is"}
    assert tokenize("how's it going", rewrites).tokens == ("how", "is", "it", "going")
    text = tokenize("MegaFon's stake", rewrites)
    assert text.tokens == ("megafon", "stake")
    assert text.possessive == (True, False)


def test_sentences_keep_offsets_and_abbreviations() -> None:
    text = "Inside Acme Ltd. Headquarters. Second one here!\nThird line"
    index = split_sentences("s", text, ["Ltd."])
    sentences = [index.sentence(i).sentence for i in range(len(index.spans))]
    assert sentences == ["Inside Acme Ltd. Headquarters.", "Second one here!", "Third line"]
    for i in range(len(index.spans)):
        citation = index.sentence(i)
        assert text[citation.start : citation.end] == citation.sentence


def test_quote_expands_to_whole_sentences_and_must_be_unique() -> None:
    index = split_sentences("s", "One two. Three four. Two two.", [])
    assert [c.sentence for c in index.cite("Three")] == ["Three four."]
    assert [c.sentence for c in index.cite("two. Three")] == ["One two.", "Three four."]
    with pytest.raises(ValueError, match="found 2 times"):
        index.cite("two.")
    with pytest.raises(ValueError, match="not found"):
        index.cite("five")
