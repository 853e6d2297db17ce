"""Phrases as the knowledge layers compare them."""

from __future__ import annotations

from collections.abc import Iterable

from bot.understand.normalize import simplify


def phrases(texts: Iterable[str]) -> tuple[str, ...]:
    """Phrases as they are compared: simplified, without repeats, empty ones dropped."""
    return tuple(dict.fromkeys(w for w in (simplify(t) for t in texts) if w))
