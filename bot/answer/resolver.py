"""Choose the fact (or derived rule) that answers a match, or decline by structure."""

from __future__ import annotations

from typing import NamedTuple

from bot.answer.declines import decline_text
from bot.answer.lookup import involved, lookup_fact
from bot.answer.model import Answer, Citation, Explanation
from bot.answer.rules import derive
from bot.knowledge.index import Index
from bot.knowledge.model import Fact, Intent, Knowledge
from bot.understand.matcher import TIE, Match, compatible

NO_ENTITY_QUALITY = 0.8  # how sure we are of an entity taken from context or the backdrop
SELF = "self"  # the pronoun kind of "your": a question about the bot itself
PERSON = "person"  # the entity kind "he" and "she" can point at
PARTICIPANTS = (PERSON, "organization")  # kinds a fact must involve when a question names them
ANY = "any"  # the pronoun kind of "they": points at any kind of entity
LOOKUP_CONFIDENCE = 0.6  # answers found by word lookup are less certain
LOOKUP_WORDS_UNNAMED = 2  # rare words a fact must share when an attribute matched but nothing was named


def _main_families(intent: Intent) -> set[str]:
    """The families that chiefly signal an intent (weight 1 or more)."""
    return {family for family, weight in intent.families if weight >= 1.0}


class Context(NamedTuple):
    """What a conversation remembers between turns."""

    intent: str | None = None
    entities: tuple[str, ...] = ()


class _Choice(NamedTuple):
    """A candidate answer: where it came from and how many named entities it involves."""

    intent: str
    text: str
    citations: tuple[Citation, ...]
    mentions: tuple[str, ...]
    coverage: int
    source: str


def resolve(
    question: str, found: Match, context: Context, knowledge: Knowledge, index: Index
) -> tuple[Answer, Context]:
    """Turn a match and the conversation context into an answer and the next context."""
    return _Turn(question, found, context, knowledge, index).resolve()


class _Turn:
    """One question being resolved: the match, the context and the candidate entities."""

    def __init__(self, question: str, found: Match, context: Context, knowledge: Knowledge, index: Index) -> None:
        self.question = question
        self.found = found
        self.context = context
        self.knowledge = knowledge
        self.index = index
        self.named = [hit.target for hit in found.entities]
        # Context is used only by a follow-up: a pronoun, "and ...", or nothing but question words.
        self.followup = bool(found.pronouns) or found.followup or not (found.families or found.content)
        self.referents = self._referents()
        self.entities = self._candidate_entities()
        self.used_context = bool(self.referents)

    def resolve(self) -> tuple[Answer, Context]:
        """Answer, decline, or look the question up; return the answer and the next context."""
        found = self.found
        remembered = Context(self.context.intent, tuple(self.named) or self.context.entities)
        if not self.named and not self.referents and not found.families and found.unexplained:
            return self._fallback(found.leftover), remembered  # nothing named, no attribute, words we do not know
        if PERSON in found.pronouns and not self.named and not self.referents:
            return self._unclear(), remembered  # "he" with nobody to refer to
        if SELF in found.pronouns:
            return self._decline(None), remembered  # "what's your name?" is about the bot, not the article
        if found.intents:
            intents, choices = self._best_applicable(found.intents)
        elif found.families:
            return self._fallback(found.leftover), remembered  # attribute words, but none fits this question type
        else:
            intents = self._implicit_intents()
            choices = self._choices(intents)
            self.used_context = self.used_context or bool(intents and intents[0] == self.context.intent)
        if not intents:
            return self._fallback(found.leftover), remembered
        if not choices:
            if not self.named and not self.referents:  # nothing named: the words may still find the fact
                return self._fallback(self.found.lookup, LOOKUP_WORDS_UNNAMED), Context(intents[0], remembered.entities)
            return self._decline(intents[0]), Context(intents[0], remembered.entities)
        # Tied attribute matches: the fact involving most of what was named. Intents guessed from the
        # question type alone: the first that has a fact, in YAML order.
        choice = min(choices, key=lambda c: -c.coverage) if found.intents else choices[0]
        answer = Answer(
            self.question,
            True,
            choice.text,
            choice.citations,
            choice.intent,
            self._confidence(),
            self._explain("answered", choice.source),
        )
        # The answer's own entities come first: "that company" after "Mail.ru" means Mail.ru.
        remembered_entities = tuple(dict.fromkeys([*choice.mentions, *self.named, *self.entities[:1]]))
        return answer, Context(choice.intent, remembered_entities)

    def _choices(self, intents: list[str]) -> list[_Choice]:
        """The answer each intent can give about the candidate entities, in the intents' order."""
        return [choice for choice in map(self._choose, intents) if choice is not None]

    def _best_applicable(self, scored: tuple[tuple[str, float], ...]) -> tuple[list[str], list[_Choice]]:
        """The best-scoring intents; past a group of derived rules that do not apply to this question.

        A missing fact is a decline ("who founded Mail.ru?"), but a rule that cannot speak about
        what was asked ("who controls Mail.ru?" read as "does Mail.ru hold a majority?") means the
        reading was wrong, so the next best reading is tried.
        """
        scores = sorted({score for _, score in scored}, reverse=True)
        group: list[str] = []
        choices: list[_Choice] = []
        for score in scores:
            group = [ident for ident, value in scored if abs(value - score) <= TIE]
            choices = self._choices(group)
            if choices or any(ident not in self.index.rules for ident in group):
                break
        return group, choices

    def _referents(self) -> list[str]:
        """The remembered entities a pronoun or bare follow-up points at ("he" only at people)."""
        if not self.followup or (self.named and not self.found.pronouns):
            return []
        kinds = set(self.found.pronouns)
        by_id = self.knowledge.entity_by_id

        def fits(ident: str) -> bool:
            is_person = by_id[ident].kind == PERSON
            return not kinds or ANY in kinds or is_person == (PERSON in kinds)

        return [ident for ident in self.context.entities if fits(ident) and ident not in self.named]

    def _candidate_entities(self) -> list[str]:
        """Context entities a pronoun or bare follow-up points at, then named ones (backdrop last)."""
        by_id = self.knowledge.entity_by_id
        ordered = list(self.referents)
        ordered += sorted(self.named, key=lambda i: (by_id[i].backdrop, self.named.index(i)))
        # The backdrop ("how much did they invest?") only when nothing was named and no unknown word
        # looks like a misspelt name ("Mil.ru"): that is more likely a name we missed than the venture.
        if not self.named and not self.referents and not self.found.near_names:
            ordered += [e.id for e in self.knowledge.entities if e.backdrop and e.id not in ordered]
        return ordered

    def _implicit_intents(self) -> list[str]:
        """Intents for a question with no attribute words: a follow-up, 'who is X', 'where is X'."""
        found, context, knowledge = self.found, self.context, self.knowledge
        if found.unexplained:
            return []
        if self.named and context.intent and (found.followup or found.qtype is None):
            return [context.intent]
        if self.named or found.pronouns:
            bare = [i.id for i in knowledge.intents if i.bare and compatible(i, found.qtype, self.index)]
            about = set(self.named) | set(context.entities)
            rules = self.index.rules
            by_type = [
                i.id
                for i in knowledge.intents
                if found.qtype in i.qtypes
                and (self.index.facts_for(i.id, sorted(about)) or (i.id in rules and rules[i.id].of in about))
            ]
            # Guessing the attribute from the question word alone ("where's the forum?") only
            # when nothing else was said: "when did Yandex go public?" is not "when did Yandex ...".
            return bare[:1] or (by_type if not found.content else [])
        if context.intent and found.qtype is not None:
            related = self._related_intents(context.intent)
            return [i for i in related if compatible(knowledge.intent_by_id[i], found.qtype, self.index)]
        return []

    def _related_intents(self, intent_id: str) -> list[str]:
        """The previous intent and those sharing a main word family (weight >= 1) with it."""
        shared = _main_families(self.knowledge.intent_by_id[intent_id])
        return [intent_id] + [i.id for i in self.knowledge.intents if i.id != intent_id and shared & _main_families(i)]

    def _choose(self, intent: str) -> _Choice | None:
        """The best fact for the intent about the candidate entities, or the intent's derived rule.

        A fact must be about one of the candidate entities, and must involve every person and
        organisation the question names: a quote by someone else does not answer what Jack Ma
        said, and the JV's owners do not answer what Yandex owns.
        """
        knowledge, index, named = self.knowledge, self.index, self.named
        minimum = knowledge.intent_by_id[intent].min_entities
        if minimum and len(self.entities) < minimum:
            return None
        stems = set(self.found.text.stems)
        by_id = knowledge.entity_by_id
        participants = self._participants()
        best: tuple[tuple[int, int, int, int, int, int], Fact] | None = None
        for fact in index.facts_for(intent, self.entities):
            covered = [position for position, ident in enumerate(self.entities) if ident in fact.about]
            entities_of_fact = involved(fact)
            if not covered or not participants <= entities_of_fact or not self._fits_type(fact):
                continue
            keywords = len(index.keyword_stems[fact.id] & stems)
            mentioned = len(entities_of_fact & set(named))
            key = (-len(covered), min(covered), -mentioned, -keywords, len(fact.about), index.order[fact.id])
            if best is None or key < best[0]:
                best = (key, fact)
        if best is not None:
            key, fact = best
            return _Choice(intent, fact.answer, fact.citations, fact.mentions or fact.about[:1], -key[2], fact.id)
        rule = index.rules.get(intent)
        if rule is None:
            return None
        if not participants <= index.rule_subjects[rule.id]:
            return None  # "does Yandex hold a majority?": Yandex is not one of the parts
        if participants and rule.named_qtypes is not None and self.found.qtype not in (*rule.named_qtypes, None):
            return None  # "who controls Mail.ru?" is not "does Mail.ru hold a majority?"
        subjects = [e for e in [*self.referents, *named] if not by_id[e].backdrop]
        derived = derive(rule, subjects, self.found.ordinal, knowledge, index)
        if derived is None:
            return None
        coverage = len(set(derived.mentions) & set(named))
        return _Choice(intent, derived.text, derived.citations, derived.mentions, coverage, rule.id)

    def _decline(self, intent: str | None) -> Answer:
        """A polite 'the article doesn't say', naming what it does say about the entity."""
        subject = self.entities[0] if self.entities and (self.named or self.referents) else None
        entity = self.knowledge.entity_by_id[subject] if subject is not None else None
        text = decline_text(self.knowledge, self.index, intent, entity, self.found.family_ids)
        confidence = self._confidence() if entity is not None else 0.0
        return Answer(self.question, False, text, (), None, confidence, self._explain("declined", intent=intent))

    def _fallback(self, words: tuple[str, ...], minimum: int = 1) -> Answer:
        """Last resort when no attribute fits: a fact found by the question's rare words, else a decline."""
        people = {i for i in self.referents if self.knowledge.entity_by_id[i].kind == PERSON}
        fact = lookup_fact(words, self.index, self._participants() | people, minimum)
        if fact is None:
            return self._decline(None)
        return Answer(
            self.question,
            True,
            fact.answer,
            fact.citations,
            fact.intents[0],
            round(self._confidence() * LOOKUP_CONFIDENCE, 3),
            self._explain("answered by word lookup", fact.id),
        )

    def _fits_type(self, fact: Fact) -> bool:
        """A fact that narrows its question types ("Tuesday" is a day, not a month) must fit the question's."""
        qtype = self.found.qtype
        return not fact.qtypes or qtype not in self.index.strict_qtypes or qtype in fact.qtypes

    def _participants(self) -> set[str]:
        """Named people and organisations (not the backdrop): a fact must involve them all."""
        by_id = self.knowledge.entity_by_id
        return {i for i in self.named if by_id[i].kind in PARTICIPANTS and not by_id[i].backdrop}

    def _unclear(self) -> Answer:
        """A decline for a follow-up whose pronoun points at nothing said before."""
        text = self.knowledge.language.message("unclear_followup")
        return Answer(self.question, False, text, (), None, 0.0, self._explain("unclear follow-up"))

    def _confidence(self) -> float:
        """How well the question was understood: mean of entity and attribute match quality."""
        hits = self.found.entities
        entity_quality = sum(h.score for h in hits) / len(hits) if hits else NO_ENTITY_QUALITY
        family_quality = max((h.score for h in self.found.families), default=NO_ENTITY_QUALITY)
        return round((entity_quality + family_quality) / 2, 3)

    def _explain(self, reason: str, source: str | None = None, intent: str | None = None) -> Explanation:
        found = self.found
        return Explanation(
            normalized=found.text.joined,
            entities=tuple((hit.target, round(hit.score, 3)) for hit in found.entities),
            intents=tuple((ident, round(score, 3)) for ident, score in found.intents),
            qtype=found.qtype,
            context_used=self.used_context,
            reason=reason,
            facts=(source,) if source else (),
            intent=intent,
        )
