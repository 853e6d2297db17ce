"""The compiled-knowledge cache: used when files are unchanged, never stale, atomic, switchable off."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import load
from bot.knowledge import cache
from tests.conftest import replace_in


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("DEALBOT_CACHE", raising=False)
    return home / "dealbot"


def test_second_load_comes_from_the_cache(knowledge_copy: Path, cache_home: Path) -> None:
    first = load(knowledge_copy)
    [entry] = list(cache_home.glob("*.pickle"))
    assert entry.name == f"{cache.content_key(knowledge_copy)}.pickle"
    second = load(knowledge_copy)
    assert second.ask("who founded alibaba").to_dict() == first.ask("who founded alibaba").to_dict()
    assert not list(cache_home.glob(".tmp-*"))  # written atomically, nothing left behind


def test_any_edit_makes_a_new_key_so_the_cache_is_never_stale(knowledge_copy: Path, cache_home: Path) -> None:
    assert "Jack Ma" in load(knowledge_copy).ask("who founded alibaba").text
    replace_in(
        knowledge_copy / "facts.yaml",
        "answer: Alibaba was founded by tech billionaire Jack Ma in 1999.",
        "answer: Alibaba was founded by Jack Ma, a tech billionaire, in 1999.",
    )
    assert (
        load(knowledge_copy).ask("who founded alibaba").text
        == "Alibaba was founded by Jack Ma, a tech billionaire, in 1999."
    )
    assert len(list(cache_home.glob("*.pickle"))) == 2


def test_a_broken_edit_is_reported_even_after_a_cached_load(knowledge_copy: Path, cache_home: Path) -> None:
    load(knowledge_copy)
    replace_in(knowledge_copy / "facts.yaml", "about: [megafon]\n    of:", "about: [megafone]\n    of:")
    with pytest.raises(Exception, match="megafone"):
        load(knowledge_copy)


def test_cache_can_be_switched_off(knowledge_copy: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load(knowledge_copy, use_cache=False)
    assert not cache_home.exists()
    monkeypatch.setenv("DEALBOT_CACHE", "0")
    load(knowledge_copy)
    assert not cache_home.exists()


def test_a_corrupt_entry_is_ignored(knowledge_copy: Path, cache_home: Path) -> None:
    load(knowledge_copy)
    [entry] = list(cache_home.glob("*.pickle"))
    entry.write_bytes(b"not a pickle")
    assert load(knowledge_copy).ask("who founded alibaba").answered


def test_an_unwritable_cache_is_skipped(knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load(knowledge_copy).ask("who founded alibaba").answered
