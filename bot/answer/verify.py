"""Yes/no and either/or questions, checked against the graph: "Yes: ..." or "No: ...", citing the deciding fact.

"No" needs a fact that decides it: the same relation with another value where only one value can hold
(MegaFon's stake is 24, not 30), someone else in a slot only one can fill (Alibaba's founder is Jack Ma),
a complete list the entity is not on (the partners), another attribute value (the RDIF is Russian), or
another type. Without one the question is declined: the article doesn't say.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.answer.compose import Result, capitalise, from_facts, linked, lower_start, verdict_of, without_verdict
from bot.answer.query import (
    attribute_fact,
    by_way_of,
    describing_fact,
    has_attribute,
    matching_facts,
    same_value,
)
from bot.knowledge.graph import Graph
from bot.knowledge.model import Fact, Language, Relation
from bot.understand.model import (
    BEFORE_NOW,
    CLAIM,
    CONCEALED,
    DISCLOSED,
    EARLIER,
    EITHER,
    EITHER_TYPE,
    LATER,
    MOST,
    NEW,
    NOW,
    ONLY,
    ORDER,
    SAME,
    TYPE,
    Reading,
)
from bot.understand.normalize import simplify


def verify(reading: Reading, graph: Graph, language: Language) -> Result | None:
    """Answer a yes/no reading with its deciding fact, or None when the facts do not decide it."""
    if NOW in reading.notes:
        return None  # "is Pandao still running today?": the article speaks of its own day, not of now
    hop = by_way_of(reading, graph)
    if hop is not None:  # "does Mail.ru sell Chinese goods?": through the platform it launched
        return _checked_through_a_link(hop, graph, language)
    ordered = _in_order(reading, graph, language)
    if ordered is not None:
        return ordered
    if EITHER_TYPE in reading.notes and reading.subject:
        return _which_type(reading, graph, language)
    decided = _checked(reading, graph, language)
    if decided is None:
        return None
    verdict, fact = decided
    if BEFORE_NOW in reading.notes and not (verdict and any(k == "year" for k, _ in fact.values)):
        return None  # "did they work together before?": only a dated fact of the past says so
    if NEW in reading.notes:  # "is Alibaba new to Russia?": only a fact saying it is there ALREADY decides, as No
        already = dict(language.word_classes).get("already", ())
        if not (verdict and set(already) & set(simplify(fact.answer).split())):
            return None
        verdict = False
    if verdict:
        verdict, fact = _reported(reading, fact, graph, language)
    if verdict and _figure_against(reading, fact, graph):
        verdict = False  # "Dmitriyev said the Russians get 48 percent combined?": his figure is 52
    if verdict and reading.subject and reading.words:
        fact = _telling_more(reading, fact, graph)
    if verdict and reading.subject:
        other_type = _claimed_type_against(reading, graph)
        if other_type is not None:
            verdict, fact = False, other_type
    unchecked = [m for m in reading.missed if m.kind == "relation" and not m.weak and m.score == 1.0]
    said = set(simplify(fact.answer).split())
    if verdict and any(m.kind == "aggregate" and not graph.aggregate_words.get(m.target, set()) & said
                       for m in reading.missed):  # fmt: skip
        return None  # "is Alibaba already BIG in Russia?": a degree claimed that the deciding fact does not weigh
    if verdict and len(unchecked) > 1:
        return None  # "does the deal REQUIRE approval from the COMPETITION regulator?": claims left unchecked
    if verdict and len([m for m in reading.missed if m.kind == "type"]) > 1:
        return None  # "did Evans say that at a press conference or in a written statement?": kinds left unchecked
    if verdict and _swapped(reading, fact):
        verdict = False  # "Pandao sells RUSSIAN goods to CHINESE shoppers?": it sells Chinese goods to Russians
    if verdict and ONLY in reading.notes and len(reading.subject) > 1 and set(fact.subjects) > set(reading.subject):
        verdict = False  # "is it just Alibaba and Mail.ru?": the fact names more of them
    if verdict and ONLY in reading.notes and reading.object and not set(fact.objects) <= set(reading.object):
        verdict = False  # "is the venture only for Russia?": the fact names more than Russia
    only_such = [*reading.attributes, *((m.target, m.detail) for m in reading.missed if m.kind == "attribute")]
    if verdict and ONLY in reading.notes and not reading.object and only_such and fact.objects:
        kept = [o for o in fact.objects if all(has_attribute(o, a, v, graph) for a, v in only_such)]
        if len(kept) < len(fact.objects):
            verdict = False  # "only for the Russian market?": the fact names a place that is not Russian too
    facts = [fact]
    if not verdict:
        facts += _holder_of_the_claim(reading, fact, graph)[:1]
    if not verdict and len(facts) == 1 and reading.subject and not set(reading.subject) & set(fact.entities):
        own = describing_fact(reading.subject[0], graph) if reading.subject[0] not in fact.entities else None
        facts += (_elsewhere(reading, fact, graph) or ([own] if own is not None and own is not fact else []))[:1]
    result = from_facts(facts, [*reading.subject, *reading.object], reading.relation)
    text = language.message("yes" if verdict else "no").format(answer=lower_start(result.text))
    return result._replace(text=text)


def _checked_through_a_link(hop: tuple[Fact, Reading], graph: Graph, language: Language) -> Result | None:
    """A check of what the subject is linked to (the platform Mail.ru launched), told with the link first."""
    link, via = hop
    if any(k == "year" for k, _ in link.values):  # "has Mail.ru sold Chinese goods BEFORE?": the launch dates it
        via = via._replace(notes=tuple(n for n in via.notes if n != BEFORE_NOW))
    checked = verify(via, graph, language)
    if checked is None:
        return None
    told = linked(link, checked._replace(text=without_verdict(checked.text, language) or checked.text), [])
    said = verdict_of(checked.text, language) or "yes"
    return told._replace(text=language.message(said).format(answer=lower_start(told.text)))


def _swapped(reading: Reading, fact: Fact) -> bool:
    """Whether two attribute words the claim leaves to the deciding sentence stand there in the other order."""
    claimed = [m.detail for m in sorted(reading.missed, key=lambda m: m.start) if m.kind == "attribute"]
    claimed = list(dict.fromkeys(claimed))
    if len(claimed) < 2:
        return False
    words = simplify(fact.answer).split()
    if not all(value in words for value in claimed):
        return False
    return sorted(claimed, key=words.index) != claimed


def _which_type(reading: Reading, graph: Graph, language: Language) -> Result | None:
    """'Is Yandex a bank or an internet company?': what it is answers, when one of the types holds; "No" when
    none does and none could (another kind altogether); else nothing is decided."""
    entity = reading.subject[0]
    fact = describing_fact(entity, graph)
    if fact is None:
        return None
    holding = [t for t in reading.types if graph.is_a(entity, [t])]
    result = from_facts([fact], [entity], reading.relation)
    if len(holding) == 1:
        return result
    if not holding and not any(_narrows(t, entity, graph) for t in reading.types):
        return result._replace(text=language.message("no").format(answer=lower_start(result.text)))
    return None


def _claimed_type_against(reading: Reading, graph: Graph) -> Fact | None:
    """'MegaFon is a BANK that joined the deal?': a type claimed of the subject that it is not decides No, by
    what the subject is."""
    entity = reading.subject[0]
    claimed = [n[len(CLAIM) + len(TYPE) :] for n in reading.notes if n.startswith(f"{CLAIM}{TYPE}")]
    if any(not graph.is_a(entity, [t]) for t in claimed):
        return describing_fact(entity, graph)
    return None


def _holder_of_the_claim(reading: Reading, fact: Fact, graph: Graph) -> list[Fact]:
    """'Will the Chinese side get 52 percent?' No, and whose the 52 percent is: the fact of the same relation
    and whole that carries the claimed value (the Russian partners' combined 52 percent)."""
    relation = graph.relations.get(reading.relation)
    if relation is None:
        return []
    return [
        other
        for kind, claimed in reading.values
        if kind in relation.functional and fact.value(kind) is not None and not same_value(fact.value(kind), claimed)
        for other in graph.facts_by_relation.get(reading.relation, ())
        if other is not fact
        and other.value(kind) is not None
        and same_value(other.value(kind), claimed)
        and set(other.objects) & set(fact.objects)
    ]


def _in_order(reading: Reading, graph: Graph, language: Language) -> Result | None:
    """'Did the tie-up come before or after this deal?': which side of a sequence fact the first-named entity
    stands on ("the deal comes after the tie-up": the tie-up came before). None for any other reading."""
    note = next((n[len(ORDER) :] for n in reading.notes if n.startswith(ORDER)), None)
    if note is None:
        return None
    first, _, way = note.partition(":")
    others = [e for e in (*reading.subject, *reading.object) if e != first]
    if not others:
        return None
    second = others[0]
    for fact in graph.facts_by_relation.get(reading.relation, ()):
        if {first, second} <= set(fact.entities):
            comes = LATER if first in fact.subjects else EARLIER if second in fact.subjects else None
            if comes is None:
                continue
            result = from_facts([fact], [first, second], reading.relation)
            if way == EITHER:
                word = dict(language.word_classes).get(comes, (comes,))[0]
                text = language.message("either").format(option=capitalise(word), answer=lower_start(result.text))
            else:
                text = language.message("yes" if way == comes else "no").format(answer=lower_start(result.text))
            return result._replace(text=text)
    return None


def _elsewhere(reading: Reading, fact: Fact, graph: Graph) -> list[Fact]:
    """'Is Yandex one of the partners in AliExpress Russia?': after the list it is not on, where the article
    does put it in the same relation (Yandex's tie-up with Sberbank)."""
    return [
        f
        for f in graph.facts_by_relation.get(reading.relation, ())
        if f is not fact and any(s in f.subjects for s in reading.subject)
    ]


def _reported(reading: Reading, fact: Fact, graph: Graph, language: Language) -> tuple[bool, Fact]:
    """'Evans said they want it to be a CHINESE business, correct?': an attribute value the reading left out
    is looked for in what the facts say; a fact saying another value of it ("a Russian business") says No."""
    claimed = [(m.target, m.detail) for m in reading.missed if m.kind == "attribute"]
    claimed += [  # an attribute the subject does not carry is said of the clause
        (a, v) for a, v in reading.attributes if not any(attribute_fact(s, a, graph) for s in reading.subject)
    ]
    if not claimed:
        return True, fact
    facts = [fact, *(f for f in matching_facts(reading._replace(ask=""), graph) if f is not fact)]
    against: Fact | None = None
    for attribute, value in claimed:
        values = dict(next((a.values for a in language.attributes if a.id == attribute), ()))
        wanted = set(values.get(value, ()))
        others = {w for other, words in values.items() if other != value for w in words}
        for candidate in facts:
            words = _said_words(candidate, graph)
            if wanted & words:
                return True, candidate
            if against is None and others & words:
                against = candidate
    return (False, against) if against is not None else (True, fact)


FIGURE_KINDS = ("percent", "year")  # figures a claim states that the deciding fact's words can bear out or not


def _figure_against(reading: Reading, fact: Fact, graph: Graph) -> bool:
    """Whether no figure the reading left out is among the deciding fact's words while another figure is: the
    check was of that figure, and the fact states a different one ("48 or 52 percent?" has one of them)."""
    claimed = {m.target for m in reading.missed if m.kind in FIGURE_KINDS}
    if not claimed:
        return False
    claimed |= {f"{v:g}" for k, v in reading.values if k in FIGURE_KINDS and isinstance(v, float)}  # the other option
    words = _said_words(fact, graph) | set(simplify(fact.answer).split())
    return not claimed & words and any(word.isdigit() for word in words)


SAID_OVERLAP = 2  # words a claimed saying must share with a quote to be that quote


def _spoken_by(reading: Reading, graph: Graph) -> tuple[bool, Fact] | None:
    """'Was it Usmanov who said they want this to be a Russian business?': the quote sharing the most of the
    claim's own words decides who said it (No when it is someone else's and none of his comes as close)."""
    relation = graph.relations.get(reading.relation)
    named = reading.subject or reading.object
    if relation is None or len(named) != 1 or len(set(reading.words)) < SAID_OVERLAP:
        return None
    said = [k for k in relation.values if k in graph.kinds and graph.kinds[k].said]
    quotes = [f for f in graph.facts_by_relation.get(relation.id, ()) if any(f.value(k) for k in said)]
    if not quotes:
        return None
    words = set(reading.words)
    overlap = {f.id: len(words & _said_words(f, graph)) for f in quotes}
    best = max(quotes, key=lambda f: overlap[f.id])  # ties go to the first in the knowledge
    if overlap[best.id] < SAID_OVERLAP:
        return None
    if named[0] in _voices(best, graph):
        return True, best
    own = max((overlap[f.id] for f in quotes if named[0] in _voices(f, graph)), default=0)
    return (False, best) if own < overlap[best.id] else None


def _telling_more(reading: Reading, fact: Fact, graph: Graph) -> Fact:
    """Of a Yes's deciding fact and the subject's own description, the one that says more of the question's
    left-over words: "is VK popular in Russia?" is Yes by "Russia's most POPULAR social media network", not by
    "VK is Russian"."""
    description = describing_fact(reading.subject[0], graph)
    if description is None or description.id == fact.id or reading.relation != graph.describes:
        return fact
    words = set(reading.words)

    def told(f: Fact) -> int:  # in its answer: what the reply will say
        return len(words & set(simplify(f.answer).split()))

    return description if told(description) > told(fact) else fact


def _voices(fact: Fact, graph: Graph) -> set[str]:
    """Who said a saying: its speakers and those they speak for ("did Alibaba say ...": its president did)."""
    voices = set(fact.subjects)
    for relation in graph.relations.values():
        if relation.speaks_for:
            for spoken in graph.facts_by_relation.get(relation.id, ()):
                if voices & set(spoken.subjects):
                    voices |= set(spoken.objects)
    return voices


def _said_words(fact: Fact, graph: Graph) -> set[str]:
    """What a fact says in its own words (a quote, a text) where it has them, else its answer's words: the
    quote "we want this to be a Russian business", not the aside "the Chinese group" around it."""
    texts = [str(v) for k, v in fact.values if k in graph.kinds and graph.kinds[k].kind == "text"]
    return set(simplify(" ".join(texts) if texts else fact.answer).split())


def _other_direction(reading: Reading, graph: Graph, language: Language) -> Fact | None:
    """The fact describing the subject with another compass point than the one claimed: "is Vladivostok in
    the far WEST?" against "a far EASTERN city"."""
    if not reading.subject or not reading.words:
        return None
    classes = dict(language.word_classes)
    forms = {d + e: d for d in classes.get("directions", ()) for e in ("", *classes.get("derivational_endings", ()))}

    def points(words: Iterable[str]) -> set[str]:  # "eastern" and "east" name one point
        return {forms[w] for w in words if w in forms}

    claimed = points(reading.words)
    if not claimed:
        return None
    fact = describing_fact(reading.subject[0], graph)
    if fact is None:
        return None
    stated = points(simplify(fact.answer).split())
    return fact if stated and not stated & claimed else None


def _decide(reading: Reading, graph: Graph, language: Language) -> tuple[bool, Fact] | None:
    relation = graph.relations.get(reading.relation)
    if relation is None:
        return None
    if reading.attributes and reading.subject:  # "is Mail.ru a Chinese company?": the attribute decides first
        entity = reading.subject[0]
        for attribute, wanted in reading.attributes:
            fact = attribute_fact(entity, attribute, graph)
            if fact is not None and not has_attribute(entity, attribute, wanted, graph):
                return False, fact
    other_direction = _other_direction(reading, graph, language)
    if other_direction is not None:
        return False, other_direction
    if relation.id == graph.describes and SAME in reading.notes and len(reading.subject) == 2:
        other = describing_fact(reading.subject[1], graph)
        return (False, other) if other is not None else None  # two names, two things: what the second one is
    if relation.id == graph.describes and (reading.subject or reading.object):
        entity = (reading.subject or reading.object)[0]
        fact = describing_fact(entity, graph)
        claimed = _of_types(entity, reading.types, graph)
        if fact is not None and claimed is not True:
            if claimed is False:  # "is Yandex Russia's largest BANK?": No, and who the article says is
                holder = _the_most_of_its_kind(reading, entity, graph)
                return False, holder or fact
            return None if claimed is None else (False, fact)  # "is MegaFon a bank?": another type
        said_of = set(fact.entities) | set(fact.named) if fact is not None else set()
        context = [t.id for t in language.types if t.context]  # "does the ARTICLE say ...?" claims nothing
        left_out = [m.target for m in reading.missed if m.kind == "entity" and not graph.is_a(m.target, context)]
        if set(left_out) - set(reading.subject) - said_of:
            return None  # "is Yandex in the deal?": what Yandex is does not decide how it stands to the deal
        if fact is not None and any(n.startswith(f"{CLAIM}{MOST}") for n in reading.notes):
            # "is MegaFon the biggest operator?": the article calls it an operator, not the biggest
            if _says_the_most(reading, fact, graph):
                return True, fact
            return (False, fact) if _ranked_below_the_most(reading, fact, graph, language) else None
    if reading.types and (reading.subject or reading.object):
        entity = (reading.subject or reading.object)[0]
        fact = describing_fact(entity, graph)
        claimed = _of_types(entity, reading.types, graph)
        if fact is not None:
            return None if claimed is None else (claimed, fact)
    if reading.attributes and reading.subject:
        entity = reading.subject[0]
        for attribute, wanted in reading.attributes:
            fact = attribute_fact(entity, attribute, graph)
            if fact is not None:
                return has_attribute(entity, attribute, wanted, graph), fact
    if reading.attributes and reading.subject and relation.id == graph.describes:
        return None  # "is he American?": the article gives no nationality of his to check against
    bounded = _against_a_bound(reading, graph)
    if bounded is not None:
        return bounded
    exact = matching_facts(reading._replace(ask=""), graph)
    if exact and exact[0].withheld:  # "is MegaFon paying cash?": the article says only that it was not disclosed
        if CONCEALED in reading.notes:
            return True, exact[0]  # "is the amount secret?": Yes, it was not disclosed
        return (False, exact[0]) if DISCLOSED in reading.notes else None  # "were the amounts disclosed?": No
    if exact:
        return CONCEALED not in reading.notes, exact[0]  # "is Alibaba's stake secret?": No, it is 48 percent
    loose = matching_facts(reading._replace(ask="", values=()), graph, check_values=False)
    for fact in loose:
        for kind, value in reading.values:
            if kind in relation.functional and fact.value(kind) is not None and not same_value(fact.value(kind), value):
                return False, fact
            if kind in [v.id for v in graph.kinds.values() if v.kind == "attribute"] and fact.value(kind) is not None:
                return same_value(fact.value(kind), value), fact
    if reading.object and reading.subject and "subject" in relation.functional:
        others = _addressing(
            matching_facts(reading._replace(subject=(), ask="", values=()), graph, check_values=False), reading
        )
        if others:
            return False, others[0]
    if reading.object and reading.subject and "object" in relation.functional:  # "does Dmitriyev head MegaFon?"
        others = _addressing(
            matching_facts(reading._replace(object=(), ask="", values=()), graph, check_values=False), reading
        )
        if others:
            return False, others[0]
    if relation.symmetric and reading.subject and reading.object:
        # "did Sberbank team up with Mail.ru?": every partnership of Sberbank's is listed in full, without Mail.ru
        own = [f for f in graph.facts_by_relation.get(reading.relation, ()) if set(reading.subject) & set(f.subjects)]
        together = [f for f in own if set(reading.object) <= set(f.subjects)]
        if together:
            return True, together[0]  # "did MegaFon partner with Alibaba?": partners in the same venture
        if own and all(f.complete for f in own) and not any(set(reading.object) <= set(f.entities) for f in own):
            listing = [  # "is Yandex a partner in AliExpress Russia?": No, by the venture's own full list
                f
                for f in graph.facts_by_relation.get(reading.relation, ())
                if f.complete and set(reading.object) <= set(f.objects)
            ]
            return False, (listing or own)[0]
    if reading.subject and not set(reading.subject) & set(reading.object or graph.backdrops):
        wholes = reading.object or graph.backdrops
        for fact in _addressing(list(graph.facts_by_relation.get(reading.relation, ())), reading):
            listed = set(fact.objects) & set(wholes) and fact.complete
            if listed and not any(
                s in fact.subjects or set(graph.members(s)) <= set(fact.subjects) for s in reading.subject
            ):
                return False, fact
    return None


def _the_most_of_its_kind(reading: Reading, entity: str, graph: Graph) -> Fact | None:
    """The description of another entity of the claimed types that says the superlative claimed, if one does."""
    if not any(n.startswith(f"{CLAIM}{MOST}") for n in reading.notes):
        return None
    for other in graph.entities:
        if other != entity and graph.is_a(other, reading.types):
            fact = describing_fact(other, graph)
            if fact is not None and _says_the_most(reading, fact, graph):
                return fact
    return None


def _says_the_most(reading: Reading, fact: Fact, graph: Graph) -> bool:
    """Whether the entity's description says the superlative the question claims, with its modifiers ("the most
    POPULAR social network"); true when no superlative is claimed."""
    for note in reading.notes:
        if note.startswith(f"{CLAIM}{MOST}"):
            aggregate, _, modifiers = note[len(CLAIM) + len(MOST) :].partition(":")
            said = set(simplify(fact.answer).split())
            if not graph.aggregate_words.get(aggregate, frozenset()) & said or not set(modifiers.split()) <= said:
                return False
    return True


def _ranked_below_the_most(reading: Reading, fact: Fact, graph: Graph, language: Language) -> bool:
    """'Is VK Russia's SECOND largest network?': the description says the superlative itself, unranked, so the
    claimed rank below the first is a No."""
    ordinals = {word for word, rank in language.ordinals if rank > 1}
    said = set(simplify(fact.answer).split())
    for note in reading.notes:
        if note.startswith(f"{CLAIM}{MOST}"):
            aggregate, _, modifiers = note[len(CLAIM) + len(MOST) :].partition(":")
            words = set(modifiers.split())
            ranked = words & ordinals
            if (
                ranked
                and not ranked & said
                and words - ranked <= said
                and graph.aggregate_words.get(aggregate, set()) & said
            ):
                return True
    return False


def _against_a_bound(reading: Reading, graph: Graph) -> tuple[bool, Fact] | None:
    """'Was Alibaba founded before 2000?': the fact's year against the bound the question puts, not equal to it."""
    way = next((n[len(CLAIM) :] for n in reading.notes if n in (f"{CLAIM}{EARLIER}", f"{CLAIM}{LATER}")), None)
    if way is None:
        return None
    for kind, bound in reading.values:
        if not isinstance(bound, float):
            continue
        for fact in matching_facts(reading._replace(ask="", values=()), graph, check_values=False):
            found = fact.value(kind)
            if isinstance(found, float):
                return (found < bound if way == EARLIER else found > bound), fact
    return None


def _addressing(facts: list[Fact], reading: Reading) -> list[Fact]:
    """The facts that speak to every value the question names: "is it a 50-50 venture between Alibaba and
    Mail.ru?" is not decided by who owns Mail.ru, a fact with no stake in it."""
    return [f for f in facts if all(f.value(kind) is not None for kind, _ in reading.values)]


def choose(reading: Reading, graph: Graph, language: Language) -> Result | None:
    """An either/or question: the option the facts bear out ("Tuesday: the deal was announced on Tuesday")."""
    relation = graph.relations.get(reading.relation)
    if relation is None or not reading.options:
        return None
    for option in reading.options:
        if option in graph.entities:
            if reading.subject and not relation.object_types:
                continue
            trial = _with_option(reading, option, relation)
        else:
            holder = (reading.subject or reading.object or ("",))[0]
            quoted = _in_own_words(reading, option, holder, relation, graph)
            if quoted is not None:  # "does Evans want it to be a Russian or a Chinese business?": his words say
                said = from_facts([quoted], [holder], relation.id)
                return said._replace(
                    text=language.message("either").format(option=option.title(), answer=lower_start(said.text))
                )
            attribute = next((a.id for a in language.attributes if any(option == v for v, _ in a.values)), None)
            describing = relation.id in (graph.describes, attribute)  # the holder's own attribute is asked
            if attribute is not None and holder in graph.entities and describing:
                fact = attribute_fact(holder, attribute, graph)  # "is Alibaba Chinese or Russian?"
                if fact is not None and has_attribute(holder, attribute, option, graph):
                    answer = lower_start(from_facts([fact], [holder], attribute).text)
                    return from_facts([fact], [holder], attribute)._replace(
                        text=language.message("either").format(option=option.title(), answer=answer)
                    )
                continue
            kind = next((k for k in relation.values if _fits(option, k, graph, language)), None)
            if kind is None:
                continue
            trial = reading._replace(values=(*reading.values, (kind, _as_value(option))), mode="yesno", options=())
        valued = option in graph.entities and bool(_kinds_taking(option, relation, graph))
        decided = (
            _as_its_value(reading, option, relation, graph, language) if valued else _checked(trial, graph, language)
        )
        if decided and decided[0]:
            others = [o for o in reading.options if o != option and o in graph.entities and not valued]
            deciding = {_borne_out(reading, o, relation, graph, language) for o in others} - {None}
            if option in graph.entities and deciding:
                if deciding != {decided[1].id} or not (reading.subject or reading.object or reading.values):
                    return None  # a fact of each, or a reading binding nothing else: it does not tell them apart
                result = from_facts([decided[1]], list(reading.options), reading.relation)
                return result._replace(text=language.message("both").format(answer=lower_start(result.text)))
            result = from_facts([decided[1]], [option] if option in graph.entities else [], reading.relation)
            shown = graph.name(option) if option in graph.entities else option.title() if option.isalpha() else option
            return result._replace(
                text=language.message("either").format(option=capitalise(shown), answer=lower_start(result.text))
            )
    return _linked_option(reading, graph, language)


def _in_own_words(reading: Reading, option: str, holder: str, relation: Relation, graph: Graph) -> Fact | None:
    """The holder's saying that has this option's word and no other option's, where the relation carries words
    said and none of the holder's sayings has another option's word."""
    said = [k for k in relation.values if k in graph.kinds and graph.kinds[k].said]
    if not said or holder not in graph.entities:
        return None
    quotes = [
        f
        for f in graph.facts_by_relation.get(relation.id, ())
        if any(f.value(k) for k in said) and holder in _voices(f, graph)
    ]
    others = {o for o in reading.options if o != option}
    if any(others & _said_words(f, graph) for f in quotes):
        return None
    return next((f for f in quotes if option in _said_words(f, graph)), None)


def _borne_out(reading: Reading, option: str, relation: Relation, graph: Graph, language: Language) -> str | None:
    """The fact bearing out another option of an either/or, if one does: "did Alibaba or Mail.ru announce
    it?" is answered by one fact naming both; a fact of each tells nothing about which one is meant."""
    decided = _checked(_with_option(reading, option, relation), graph, language)
    return decided[1].id if decided and decided[0] else None


def _as_its_value(
    reading: Reading, option: str, relation: Relation, graph: Graph, language: Language
) -> tuple[bool, Fact] | None:
    """'Did Usmanov speak at a press conference or in a statement?': an option that no fact has as a party, checked
    as the value of a kind that takes things of its type (the event a quote was said at)."""
    for kind in _kinds_taking(option, relation, graph):
        trial = reading._replace(values=(*reading.values, (kind, option)), mode="yesno", options=())
        decided = _decide(trial, graph, language)  # by the value: who said the words is not in question
        if decided and decided[0]:
            return decided
    return None


def _kinds_taking(option: str, relation: Relation, graph: Graph) -> list[str]:
    """The relation's kinds of value with one thing per fact that take things of the option's type (the one event
    a quote was said at): an option of such a kind is decided by that value alone."""
    kinds = [k for k in relation.functional if k in graph.kinds and graph.kinds[k].kind == "entity"]
    return [k for k in kinds if graph.is_a(option, graph.kinds[k].types)]


def _with_option(reading: Reading, option: str, relation: Relation) -> Reading:
    """The either/or reading as a check of one option, placed on the open side (the object, once a subject is
    bound and the relation takes one)."""
    if reading.subject and relation.object_types:
        return reading._replace(object=(*reading.object, option), mode="yesno", options=())
    return reading._replace(subject=(*reading.subject, option), mode="yesno", options=())


def _checked(reading: Reading, graph: Graph, language: Language) -> tuple[bool, Fact] | None:
    """A check's verdict and deciding fact: who said the words claimed, where a saying is claimed, else the facts."""
    return _spoken_by(reading, graph) or _decide(reading, graph, language)


def _linked_option(reading: Reading, graph: Graph, language: Language) -> Result | None:
    """'Is Dmitriyev with Mail.ru or with the RDIF?': where no slot takes the options, the one option some fact
    ties to the entity asked about (only one may be)."""
    holders = [*reading.subject, *reading.object]
    if len(holders) != 1 or holders[0] not in graph.entities:
        return None
    holder = holders[0]
    linked = {
        option: [f for f in graph.facts_by_entity.get(holder, ()) if option in f.subjects or option in f.objects]
        for option in reading.options
        if option in graph.entities
    }
    chosen = [(option, facts) for option, facts in linked.items() if facts]
    if len(chosen) != 1:
        return None
    option, facts = chosen[0]
    result = from_facts(facts[:1], [option, holder], reading.relation)
    text = language.message("either").format(option=capitalise(graph.name(option)), answer=lower_start(result.text))
    return result._replace(text=text)


def _fits(option: str, kind: str, graph: Graph, language: Language) -> bool:
    value_kind = graph.kinds[kind].kind
    if value_kind in ("year", "number"):
        return option.replace(".", "", 1).isdigit()
    if value_kind == "weekday":
        return option in language.weekdays
    if value_kind == "month":
        return option in language.months
    if value_kind == "attribute":
        return any(option == v for a in language.attributes if a.id == kind for v, _ in a.values)
    return False


def _as_value(option: str) -> str | float:
    try:
        return float(option)
    except ValueError:
        return option


def _of_types(entity: str, types: tuple[str, ...], graph: Graph) -> bool | None:
    """Whether the entity is of every claimed type; None when a claimed type only narrows its own ("is Evans
    a billionaire?": a kind of person the article never calls him, neither true nor false)."""
    if any(_narrows(t, entity, graph) for t in types):
        return None
    return all(graph.is_a(entity, [t]) for t in types)


def _narrows(claimed: str, entity: str, graph: Graph) -> bool:
    """Whether the claimed type lies below the entity's own type: it may be one ("a billionaire" of a person
    the article never calls one), so a claim of it is neither true nor false."""
    own = graph.entities[entity].type
    return claimed != own and own in graph.ancestors.get(claimed, ()) and not graph.is_a(entity, [claimed])
