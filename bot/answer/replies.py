"""Replies that are not answers: small talk, requests for advice, unknown names, and "I'm not sure"."""

from __future__ import annotations

from collections.abc import Sequence

from bot.answer.compose import join, names
from bot.answer.decline import topic
from bot.knowledge.graph import Graph
from bot.knowledge.model import Knowledge
from bot.understand.model import Found, Reading

EXAMPLES = 3  # example questions a reply offers


def examples(knowledge: Knowledge) -> str:
    """A few example questions from the sources, quoted and joined: '"a", "b" or "c"'."""
    found = [e for s in knowledge.sources for e in s.examples][:EXAMPLES]
    return join([f'"{e}"' for e in found], knowledge.language.message("list_or"))


def smalltalk(kind: str, knowledge: Knowledge) -> str:
    """The reply to a greeting, thanks, a request for help or a goodbye."""
    reply = next(t.reply for t in knowledge.language.smalltalk if t.id == kind)
    titles = ", ".join(f'"{s.title}"' for s in knowledge.sources)
    return reply.format(titles=titles, examples=examples(knowledge))


def advice(knowledge: Knowledge) -> str:
    """The reply to a request for advice or an opinion."""
    language = knowledge.language
    hint = language.message("advice_hint").format(examples=examples(knowledge))
    return language.message("advice").format(hint=hint)


def unknown_names(names: list[str], knowledge: Knowledge) -> str:
    """'The article doesn't mention Baidu.'"""
    language = knowledge.language
    return language.message("unknown_name").format(names=join(names, language.message("list_and")))


def unsure(found: Found, reading: Reading, graph: Graph, knowledge: Knowledge, topics: Sequence[int] = ()) -> str:
    """'I understood a question about <topic>, but not the words "x" and "y".' (`topics`: the positions of words
    the reading left out that say what the question is about, listed with the words nothing explains)."""
    language = knowledge.language
    left = sorted({*(i for i in found.unexplained if i not in reading.used), *topics})
    words = [f'"{found.text.tokens[i]}"' for i in left]
    named = reading.subject or (reading.options if reading.mode == "select" else ())
    described = reading.relation == graph.describes and named
    what = names(named, graph, language) if described else topic(reading, graph, language)
    what = what or reading.describe()
    message = "understood_word" if len(words) == 1 else "understood"
    return language.message(message).format(what=what, words=join(words, language.message("list_and")))
