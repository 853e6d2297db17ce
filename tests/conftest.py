"""Shared fixtures: the bundled bot and a writable copy of the knowledge to break."""

from __future__ import annotations

import atexit
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


def _test_cache() -> str:
    """A cache directory of this test run's own, so tests never touch the user's real cache.

    Made once per run: the child processes that tests start, and a second import of this module
    (`from tests.conftest import ...`), find it in DEALBOT_TEST_CACHE and share it. The process that made
    it removes it when it exits, so a run leaves no /tmp/dealbot-* directory behind.
    """
    made = os.environ.get("DEALBOT_TEST_CACHE")
    if made is None or not os.path.isdir(made):
        made = os.environ["DEALBOT_TEST_CACHE"] = tempfile.mkdtemp(prefix="dealbot-test-cache-")
        atexit.register(_remove, made, os.getpid())
    return made


def _remove(directory: str, owner: int) -> None:
    """Remove the directory, in the process that made it only (a forked child exits without it)."""
    if os.getpid() == owner:
        shutil.rmtree(directory, ignore_errors=True)


os.environ["XDG_CACHE_HOME"] = _test_cache()
