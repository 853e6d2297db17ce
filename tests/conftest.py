"""Shared fixtures: the bundled bot and a writable copy of the knowledge to break."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from bot.engine import Bot, bundled, bundled_knowledge_dir

KNOWLEDGE = bundled_knowledge_dir()
# Where things live in a knowledge directory: the article's files, and the shared language layer.
FACTS = "aliexpress-russia/facts.yaml"
ENTITIES = "aliexpress-russia/entities.yaml"
SOURCES = "aliexpress-russia/sources.yaml"
ARTICLE = "aliexpress-russia/article.txt"
RELATIONS = "language/relations.yaml"
GRAMMAR = "language/grammar.yaml"
AGGREGATES = "language/aggregates.yaml"


@pytest.fixture(scope="session")
def dealbot() -> Bot:
    """The bot on the bundled knowledge."""
    return bundled()


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A fresh, writable copy of the bundled knowledge directory."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    return target


Edit = Callable[[Path], None]


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace text in a file, failing loudly if the text is not there (keeps tests honest)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Property tests run briefly by default (CI); `make fuzz` selects the long "fuzz" profile.
settings.register_profile("default", max_examples=150, deadline=None, derandomize=True)
settings.register_profile("fuzz", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# Tests never touch the user's real cache: each run gets its own.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="dealbot-test-cache-")
