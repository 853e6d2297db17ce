"""Which relations to try: those the question names, and those its question word and the facts suggest."""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge.model import Fact, Relation
from bot.understand.model import COMPARING, Mention
from bot.understand.readings.question import Question, value_slots
from bot.understand.readings.selection import described_superlatives
from bot.understand.readings.slots import NUMERIC, asks
from bot.understand.readings.weights import IMPLIED

MAX_RELATIONS = 8  # relations a question's words may name that are tried: a long question stays bounded


def candidate_relations(
    q: Question, entities: list[Mention], consumed: tuple[Mention, ...]
) -> list[tuple[Relation, float]]:
    """Named relations first (no penalty), then implied ones (a small penalty), in a fixed order.

    Implied relations are tried when no strong word names a relation, or when the named ones cannot
    give what a specific question word asks ("why did they set up the venture?" is about its purpose).
    """
    words = [m for m in q.relation_words if m not in consumed]
    if _asks_their_acts(q, entities):  # "alibaba n mail.ru doing WHAT EXACTLY": their acts, not what they are
        words = [m for m in words if not (m.weak and m.target == q.graph.describes)]
    named = [m.target for m in words]
    named += [m.target for m in q.titles if m not in consumed]
    ordered = list(dict.fromkeys(named))[:MAX_RELATIONS]
    candidates: list[tuple[Relation, float]] = [(q.graph.relations[r], 0.0) for r in ordered]
    strong = any(not m.weak for m in q.relation_words if m not in consumed)
    focus = q.focus
    unanswerable = (
        focus is not None
        and not focus.generic
        and "entity" not in focus.expects
        and not any(asks(q, q.graph.relations[r], (), (), values=(), words=()) for r in ordered)
    )
    if not strong or unanswerable:
        candidates += [(q.graph.relations[r], -IMPLIED) for r in implied(q, entities) if r not in ordered]
    return candidates


def _asks_their_acts(q: Question, entities: list[Mention]) -> bool:
    """Whether a generic question asks what named things are doing ("what are X and Y DOING?")."""
    focus = q.focus
    if focus is None or not focus.generic:
        return False
    return any(_acting(q, run[0].start, run[-1].end) for run in _coordinated_runs(q, entities))


def _acting(q: Question, start: int, end: int) -> bool:
    """Whether the names from `start` to `end` are asked what they did or are doing: "what DID X DO?", "what
    are X DOING?", "what is X UP TO?", "what HAPPENED with X?"; "what does X do?" asks what X is."""
    tokens = q.tokens
    if end < len(tokens) and tokens[end] in q.grammar.be:
        end += 1  # "X and Y ARE doing what?"
    if any(tokens[end : end + len(words)] == words for words in q.grammar.acting):
        return True
    if q.grammar.happening.intersection(tokens):  # "what happened with Sberbank?", "sberbank yandex what happened"
        return not (start > 0 and tokens[start - 1] in q.grammar.locative)  # "... IN Vladivostok": where, not who
    past = start > 0 and tokens[start - 1] in q.grammar.past_auxiliary
    if past and end < len(tokens) and tokens[end] in q.grammar.doing:
        return True
    return start == 0 and _pronoun_did(q)  # "sberbank yandex, what THEY DID and when": the names, taken up again


def _pronoun_did(q: Question) -> bool:
    """Whether a pronoun is followed by "did" (or "done") that closes its clause: the verb of acting itself. A
    present "do" is not ("megafon, what do THEY DO?" asks what it is, as "what does MegaFon do?" does)."""
    tokens, grammar = q.tokens, q.grammar
    verbs = grammar.past_auxiliary | (grammar.doing - grammar.auxiliary)
    return any(
        p.end < len(tokens)
        and tokens[p.end] in verbs
        and (p.end + 1 == len(tokens) or tokens[p.end + 1] in grammar.coordination)
        for p in q.found.of("pronoun")
    )


def implied(q: Question, entities: list[Mention]) -> list[str]:
    """Relations no strong word names. A bare or generic question about an entity ("who is X?",
    "what is X?") reads as a description; a specific one ("where is the forum?", "why?") as any
    relation whose facts about the entity (or the backdrop) carry what it asks for; named values
    ("what happened in August?") as any relation whose facts carry them; a derived one ("Alibaba and
    Mail.ru combined?") as any relation whose facts about them carry numbers."""
    graph = q.graph
    if not entities and not q.values and not q.aggregates:
        return []  # nothing named: no relation can be guessed ("tell me something interesting")
    about = [e.target for e in entities] or list(graph.backdrops)
    if q.aggregates:  # "rank the four shareholders": what the group's members hold
        about += [m for e in about for m in graph.entities[e].members if m not in about]
    relations: list[str] = []
    focus = q.focus
    describes = graph.relations.get(graph.describes)
    by_description = describes is not None and (
        focus is None or any(graph.fits_focus(k, focus.id) for k in describes.values)
    )
    claims_a_description = q.form.yesno and q.aggregates and len(described_superlatives(q)) == len(q.aggregates)
    acted = [  # "what DID Sberbank (and Yandex) DO?", "what ARE they DOING (exactly)?" (not "what does MegaFon do?")
        e.target for run in _coordinated_runs(q, entities) if _acting(q, run[0].start, run[-1].end) for e in run
    ]
    if acted and focus is not None and focus.generic and all(w.weak for w in q.relation_words):
        # "what did Sberbank DO?": what it did, the facts it is the subject of, not what it is
        done = [f.relation for a in acted for f in graph.facts_by_entity.get(a, ()) if a in f.subjects]
        together = [  # "what are Alibaba and Mail.ru doing?": what the two of them do, before what all do
            f.relation for f in graph.facts_by_entity.get(acted[0], ()) if set(acted) == set(f.subjects)
        ]
        return list(dict.fromkeys(r for r in (*together, *done) if r != graph.describes))
    if entities and by_description and describes is not None and (not q.aggregates or claims_a_description):
        relations.append(describes.id)
    context_types = q.grammar.context_types
    told = [  # "list all the partners in the new company": the venture after "in" only sets the scene
        e
        for e in entities
        if not (e.target in graph.backdrops and e.detail == "aside" and not graph.is_a(e.target, context_types))
    ]
    if len({e.target for e in told}) > 1 and not q.relation_words:  # "Alibaba is doing something in Russia?"
        targets = {e.target for e in told}
        relations += [
            f.relation
            for f in graph.facts_by_entity.get(told[0].target, ())
            if targets <= {*f.entities, *f.mentions, *(str(v) for _, v in f.values)}
        ]
    if focus is not None and focus.aggregate:  # "how many RUSSIAN PARTNERS are there?": the group's own noun
        relations += _named_by_a_group(q, entities)
    guessing = focus is not None and not by_description and focus.guesses
    wanted = {k for k in graph.kinds if graph.fits_focus(k, focus.id)} if guessing and focus else set()
    for by_word in (False, True):  # a fact carrying what is asked comes before a relation that only says it may
        for ident in about:
            relations += [
                f.relation for f in graph.facts_by_entity.get(ident, ()) if _suggests(q, f, ident, wanted, by_word)
            ]
    value_kinds = {k for m in q.values for k in value_slots(m)}
    if value_kinds:
        for relation_id, facts in graph.facts_by_relation.items():
            if any(graph.kinds[k].kind in value_kinds for f in facts for k, _ in f.values):
                relations.append(relation_id)
    return list(dict.fromkeys(relations))


def _named_by_a_group(q: Question, entities: list[Mention]) -> list[str]:
    """The relations whose agent noun ends a group's name ("the Russian PARTNERS", "Russian SHAREHOLDERS"):
    counting the group counts the members that play that part."""
    relations: list[str] = []
    for entity in entities:
        if not q.graph.entities[entity.target].members:
            continue
        last = q.tokens[entity.end - 1]
        relations += [
            r.id
            for r in q.graph.relations.values()
            if any(w.form == "agent" and w.phrase.split()[-1] == last for w in r.words)
        ]
    return relations


def _coordinated_runs(q: Question, entities: list[Mention]) -> list[list[Mention]]:
    """The entities in runs joined only by "and" or commas ("Sberbank and Yandex"), each run in order."""
    runs: list[list[Mention]] = []
    for entity in sorted(entities, key=lambda m: m.start):
        last = runs[-1][-1] if runs else None
        joined = last is not None and all(t in q.grammar.coordination for t in q.tokens[last.end : entity.start])
        if joined and last is not None and last.end < entity.start:
            runs[-1].append(entity)
        else:
            runs.append([entity])
    return runs


def _suggests(q: Question, fact: Fact, about: str, wanted: set[str], by_word: bool) -> bool:
    """Whether a fact about the entity suggests its relation: it carries what is asked (a year for "when"),
    a place for "where", a number to derive from, or things to count; with `by_word`, only its relation
    answering the question word from a slot ("why" of a name: what it is named after)."""
    focus = q.focus
    kinds = {k for k, _ in fact.values}
    if by_word:
        slots = q.graph.relations[fact.relation].focus
        return bool(wanted) and focus is not None and any(question == focus.id for question, _ in slots)
    if wanted and focus is not None:
        if kinds & wanted:
            return True
        if "entity" in focus.expects and _places(q, fact.objects):
            return True
    named = any(e.target not in q.graph.backdrops for e in q.entities)  # "alibaba's MAIN business": no ranking
    deriving = any(not a.weak or a.target in COMPARING or not named for a in q.aggregates)
    if deriving and any(q.graph.kinds[k].kind in NUMERIC for k in kinds):
        return True  # "who holds the most?"; not "alibaba's MAIN business": a weak word derives nothing alone
    return bool(focus and focus.aggregate and about in fact.objects)


def _places(q: Question, entities: Sequence[str]) -> bool:
    """Whether any entity fits the types the focus asks for ("where": places)."""
    types = q.focus.types if q.focus else ()
    return bool(types) and any(q.graph.is_a(e, types) for e in entities)
