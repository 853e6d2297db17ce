"""The wording of a decline: what the article does not say, and what it does say instead."""

from __future__ import annotations

from bot.answer.compose import Result, capitalise, from_facts, join, lower_start, names, without_verdict
from bot.answer.query import describing_fact
from bot.knowledge.graph import Graph
from bot.knowledge.model import Fact, Language
from bot.understand.model import NOW, Reading

MAX_ALSO = 3  # how many covered topics a decline offers
FALLBACK = "it"  # how a topic names a side the question left open
FALLBACK_OWNER = "its"  # ... and its possessive: "anything about its age", never "it's age"


def topic(reading: Reading, graph: Graph, language: Language) -> str:
    """How the question reads as something the article may or may not say: "who founded Mail.ru"."""
    if NOW in reading.notes:
        return language.message("still_so")  # "is Pandao still running?": the article cannot speak of today
    relation = graph.relations.get(reading.relation)
    if relation is None:
        return ""
    values = dict(reading.values)
    title = values.get("title")
    if title is not None and relation.title_ask and reading.ask == "subject":
        template = relation.title_ask
    else:
        slot = reading.ask or next((k for k, _ in reading.values if k in dict(relation.asks)), "")
        beyond = beyond_the_relation(reading, graph)
        if beyond is not None:
            return beyond  # "why does MegaFon own 24 percent?": the article doesn't say why
        template = relation.ask(slot or _open_side(reading, graph))
        if "{subject}" in template and not reading.subject and reading.object and dict(relation.asks).get("subject"):
            template = relation.ask("subject")  # "which countries are in the CIS?": what lies in it, not where
    fields = {
        "subject": names(reading.subject, graph, language) if reading.subject else FALLBACK,
        "object": names(reading.object, graph, language) if reading.object else _backdrop(graph),
        "subjects": names(reading.subject, graph, language) if reading.subject else FALLBACK,
        "title": str(title) if title is not None else "",
    }
    if not reading.subject:
        template = template.replace("{subject}'s", FALLBACK_OWNER)
    asked = template.format_map(_Defaults(fields))
    if reading.excluded:  # "who founded Alibaba besides Jack Ma"
        others = names(reading.excluded, graph, language)
        return language.message("besides").format(topic=asked, names=others)
    return asked


def _open_side(reading: Reading, graph: Graph) -> str:
    """The side a check leaves open: "did Jack Ma found Mail.ru?" is about who founded Mail.ru when the article
    does say what Jack Ma founded."""
    if not reading.subject:
        return "subject"
    if reading.object:
        facts = graph.facts_by_relation.get(reading.relation, ())
        if any(set(reading.subject) & set(f.subjects) for f in facts) and not any(
            set(reading.object) & set(f.objects) for f in facts
        ):
            return "subject"
    return "object"


def beyond_the_relation(reading: Reading, graph: Graph) -> str | None:
    """How a decline names what the reading asks when its relation cannot carry it at all ("why"), or None."""
    relation = graph.relations.get(reading.relation)
    if relation is None or not reading.ask or reading.ask in dict(relation.asks):
        return None
    expected = graph.focus[reading.ask].expects if reading.ask in graph.focus else (reading.ask,)
    kinds = [graph.kinds[k] for k in expected if k in graph.kinds and k not in relation.values]
    return kinds[0].topic if kinds and all(k.topic for k in kinds) else None


def checked_instead(reading: Reading, graph: Graph, language: Language) -> Result | None:
    """'Why does MegaFon own 30 percent?': what the article says of the claim under a question it cannot
    answer, as a plain sentence (MegaFon will own 24 percent), or None."""
    if beyond_the_relation(reading, graph) is None:
        return None
    from bot.answer.execute import execute

    check = reading if reading.mode == "yesno" else reading._replace(ask="", mode="yesno")
    result = execute(check._replace(ask=""), graph, language)
    if result is None:
        return None
    said = without_verdict(result.text, language)
    return result._replace(text=capitalise(said)) if said is not None else result


def only_the_excluded(reading: Reading, graph: Graph, language: Language) -> Result | None:
    """'Who founded Alibaba besides Jack Ma?': the fact naming only those the question set aside, or None."""
    if not reading.excluded:
        return None
    from bot.answer.execute import execute

    return execute(reading._replace(excluded=()), graph, language)


class _Defaults(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return FALLBACK


def _backdrop(graph: Graph) -> str:
    return graph.name(graph.backdrops[0]) if graph.backdrops else FALLBACK


def not_covered(reading: Reading, graph: Graph, language: Language, about: str | None, asked_slot_only: bool) -> str:
    """'The article doesn't say <topic>. It does say <up to three topics>.' Where a fact about the entity has
    the very topic declined (the reading asked more than the fact gives: a comparison with one side, say),
    the decline says that fact instead of contradicting itself."""
    declined = topic(reading, graph, language)
    text = language.message("not_covered").format(topic=declined)
    if about is None:
        return text
    about_it = _topics(about, graph, language)
    same = next((fact for fact, said_of in about_it if said_of == declined), None)
    if same is not None:
        said = lower_start(from_facts([same], [about], same.relation).text)
        return language.message("not_so_described").format(fact=said)
    topics = suggestions(about, graph, language, reading if asked_slot_only else None, about_it)[:MAX_ALSO]
    if topics:
        text += " " + language.message("also_covers").format(topics=join(topics, language.message("list_and")))
    return text


def described_instead(reading: Reading, graph: Graph, language: Language) -> str | None:
    """'Is MegaFon the biggest operator in Russia?', undecided: what the article does call the entity."""
    relation = graph.relations.get(reading.relation)
    if reading.mode != "yesno" or relation is None or not relation.describes or len(reading.subject) != 1:
        return None
    fact = describing_fact(reading.subject[0], graph)
    if fact is None:
        return None
    said = lower_start(from_facts([fact], list(reading.subject), relation.id).text)
    return language.message("not_so_described").format(fact=said)


def premise(reading: Reading, correction: Result, graph: Graph, language: Language) -> str:
    """'The article doesn't say <what the question assumes>; it says <the fact it does state>.'"""
    said = lower_start(correction.text)
    return language.message("premise").format(topic=topic(reading, graph, language), fact=said)


def _topics(entity: str, graph: Graph, language: Language) -> list[tuple[Fact, str]]:
    """Each fact about the entity with the topic a question for it names."""
    topics = []
    for fact in graph.facts_by_entity.get(entity, ()):
        relation = graph.relations.get(fact.relation)
        if relation is None or relation.describes or _is_attribute(fact, graph):
            continue
        slot = _slot_about(fact, entity)
        reading = Reading(
            fact.relation,
            subject=fact.subjects if entity not in fact.subjects else (entity,),
            object=fact.objects if entity not in fact.objects else (entity,),
            ask=slot,
        )
        topics.append((fact, topic(reading, graph, language)))
    return topics


def suggestions(
    entity: str,
    graph: Graph,
    language: Language,
    declined: Reading | None,
    topics: list[tuple[Fact, str]] | None = None,
) -> list[str]:
    """What the article does say about an entity: facts mainly about it first, then the rest."""
    ranked: list[tuple[int, int, str]] = []
    for fact, text in topics if topics is not None else _topics(entity, graph, language):
        if declined is not None and declined.relation == fact.relation and declined.ask == _slot_about(fact, entity):
            continue
        ranked.append((0 if fact.subjects == (entity,) or fact.objects == (entity,) else 1, graph.order[fact.id], text))
    return list(dict.fromkeys(text for *_, text in sorted(ranked)))


def _slot_about(fact: Fact, entity: str) -> str:
    """The side of a fact a question about the entity would ask for."""
    if entity in fact.subjects:
        for kind, _ in fact.values:
            return kind
        return "object" if fact.objects else ""
    return "subject"


def _is_attribute(fact: Fact, graph: Graph) -> bool:
    return any(graph.kinds[k].kind == "attribute" for k, _ in fact.values if k in graph.kinds)
