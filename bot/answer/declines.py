"""The wording of a decline: what the article does not say, and what it does say instead."""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge.index import Index
from bot.knowledge.model import Entity, Knowledge

MAX_ALSO = 3  # how many covered topics a decline offers


def join_and(items: Sequence[str], and_word: str) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {and_word} {items[-1]}"


def decline_text(
    knowledge: Knowledge, index: Index, intent: str | None, entity: Entity | None, asked: frozenset[str]
) -> str:
    """'The article doesn't say <topic>. It does say <up to three topics>.' (or a plain 'doesn't say')."""
    language = knowledge.language
    if intent is not None and entity is not None:
        topic = knowledge.intent_by_id[intent].topic.format(name=entity.name)
        text = language.message("not_covered").format(topic=topic)
    else:
        text = language.message("no_match")
    if entity is not None:
        topics = suggestions(knowledge, index, entity, intent, asked)[:MAX_ALSO]
        if topics:
            joined = join_and(topics, language.message("list_and"))
            text += " " + language.message("also_covers").format(topics=joined)
    return text


def suggestions(
    knowledge: Knowledge, index: Index, entity: Entity, declined: str | None, asked: frozenset[str]
) -> list[str]:
    """What the article does say about the entity: facts mainly about it first, then those near the question."""
    ranked: list[tuple[bool, bool, int, int, str]] = []
    for secondary, order, intent, topic in index.entity_intents.get(entity.id, ()):
        definition = knowledge.intent_by_id[intent]
        if definition.suggest and intent != declined:
            unrelated = not asked & {family for family, _ in definition.families}
            text = (topic or definition.topic).format(name=entity.name)
            ranked.append((secondary, unrelated, order, index.intent_position[intent], text))
    return list(dict.fromkeys(text for *_, text in sorted(ranked)))
