"""The grammar words the understanding rules rely on, as sets: built once from the language layer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from bot.knowledge.model import Language
from bot.understand.normalize import simplify

GAP = "..."  # in a source cue, the rest of the question: "where does ... come from"


class Grammar(NamedTuple):
    """Small word classes ("is", "by", "of", "the", ...) and the types whose entities are often context."""

    stopwords: frozenset[str]
    be: frozenset[str]
    auxiliary: frozenset[str]
    agent_marker: frozenset[str]
    participle_endings: tuple[str, ...]
    progressive_endings: tuple[str, ...]
    demonym_endings: tuple[str, ...]  # "UkrainIAN", "EuropEAN": a word that may name a people or a place's own
    infinitive: frozenset[str]
    doing: frozenset[str]
    acting: tuple[tuple[str, ...], ...]  # "what are X DOING?", "UP TO": its acts, whatever the tense
    happening: frozenset[str]  # "what HAPPENED with Sberbank?": the acts of the names, wherever the word stands
    past_auxiliary: frozenset[str]
    linking: frozenset[str]
    distributive: frozenset[str]
    newness: frozenset[str]
    already: frozenset[str]  # "alibaba ALREADY big there?": a claim that a thing held before
    of: frozenset[str]
    inside: frozenset[str]
    asking: frozenset[str]
    filler: frozenset[str]
    partitive: frozenset[str]
    hearsay: frozenset[str]  # "my colleague SAYS ...": what the asker heard, the claim after it is checked
    hearers: frozenset[str]  # "my boss told ME ...": the asker, after a hearsay verb
    relative: frozenset[str]
    determiners: frozenset[str]
    definite: frozenset[str]
    demonstratives: frozenset[str]  # "THAT name": pointing words, which may stand where a phrase says "the"
    coordination: frozenset[str]
    comparison: frozenset[str]
    locative: frozenset[str]
    aside: frozenset[str]
    attribution: tuple[str, ...]
    source_cues: tuple[tuple[str, ...], ...]  # "who released", "where does ... come from": asks whose a fact is
    idioms: tuple[tuple[str, ...], ...]  # "double check", "different thing": their words name nothing
    beside: frozenset[str]
    support: frozenset[str]  # "X SIGNED a deal with Y": a verb that only carries the noun for a joint act
    percent: frozenset[str]
    money: frozenset[str]
    joiners: frozenset[str]
    story_pronouns: frozenset[str]
    plural: frozenset[str]
    indefinite: frozenset[str]
    possession: frozenset[str]
    get_passive: frozenset[str]
    disclosure: frozenset[str]  # "were the amounts DISCLOSED?": whether a figure was given at all
    concealment: frozenset[str]  # "is the amount SECRET?": whether a figure was withheld
    approximate: frozenset[str]  # "ROUGHLY a quarter", "about 25 percent": a hedged figure, checked loosely
    ranked_among: frozenset[str]  # "the largest AMONG the partners": the group whose members are ranked
    speaker_possessives: frozenset[str]  # "for MY piece": the asker's own thing, not one the story names
    minority: frozenset[str]  # "a MINORITY shareholder": a majority check turned round
    presence: frozenset[str]  # "the people NAMED in the article": a participle that only puts them in the story
    conditional: frozenset[str]  # "IF they pooled their stakes, WOULD they ...?": the check follows the clause
    premise: frozenset[str]  # "GIVEN Alibaba holds 51%, can it ...?": a claim the question rests on
    voiced_passives: frozenset[str]  # "the RDIF guy is QUOTED": in the passive, still the one who spoke
    topic_markers: frozenset[str]  # "say ABOUT Chinese technology": what someone's words are about follows
    universal: frozenset[str]  # "what EACH partner is paying": the noun after it acts; it is not the kind asked
    talk_objects: frozenset[str]  # "thanks FOR the help earlier": small talk about something, to its clause's end
    bounds: frozenset[str]  # "UNDER half": compare before a figure; before "the" only a preposition
    existential: frozenset[str]  # "was it announced at SOME event?": a yes/no that asks which
    indefinite_pronouns: frozenset[str]  # "Mail.ru launched SOMETHING in 2017?": a thing of any kind, the answer's
    ergative: frozenset[str]  # "when did Alibaba start?": with no object, the subject may be what was started
    question_words: frozenset[str]
    negating: frozenset[str]
    entity_questions: frozenset[str]
    possessives: frozenset[str]
    other: frozenset[str]
    future: frozenset[str]  # "going (to)": between a name and its verb in a claim
    noun_verbs: frozenset[str]  # verbs only right after a name, a pronoun or "be" ("is X PART of Y")
    only: frozenset[str]
    present: frozenset[str]
    earlier: frozenset[str]
    later: frozenset[str]
    bound_fillers: frozenset[str]
    numbers: dict[str, int]  # "fifteen" -> 15: a number written out before "percent"
    multiples: tuple[tuple[tuple[str, ...], float], ...]  # ("two", "times") -> 2.0: a claimed ratio
    context_types: tuple[str, ...]
    locative_types: tuple[str, ...]
    selecting: frozenset[str]  # foci that want a type noun after their cue ("WHICH fund"): they select


def build_grammar(language: Language) -> Grammar:
    """Collect the word classes; attribute adjectives ("Russian") may also stand between a noun and its owner."""
    classes = dict(language.word_classes)
    adjectives = {words[0] for attribute in language.attributes for _, words in attribute.values if words}

    def words(name: str) -> frozenset[str]:
        return frozenset(classes.get(name, ()))

    return Grammar(
        stopwords=language.stopwords,
        be=words("be"),
        auxiliary=words("auxiliary"),
        agent_marker=words("agent_marker"),
        participle_endings=tuple(sorted(classes.get("participle_endings", ()), key=lambda e: (-len(e), e))),
        progressive_endings=tuple(sorted(classes.get("progressive_endings", ()))),
        demonym_endings=tuple(sorted(classes.get("demonym_endings", ()))),
        infinitive=words("infinitive"),
        doing=words("doing"),
        acting=tuple(tuple(simplify(c).split()) for c in classes.get("acting", ())),
        happening=words("happening"),
        past_auxiliary=words("past_auxiliary"),
        linking=words("linking"),
        distributive=words("distributive"),
        newness=words("newness"),
        already=words("already"),
        of=words("of"),
        inside=words("inside"),
        asking=words("asking"),
        filler=words("filler") | adjectives,
        partitive=words("partitive"),
        hearsay=words("hearsay"),
        hearers=words("hearers"),
        relative=words("relative"),
        determiners=words("determiners"),
        definite=words("definite"),
        demonstratives=frozenset(w for w in language.demonstratives if " " not in w),
        coordination=words("coordination"),
        comparison=words("comparison"),
        locative=words("locative"),
        aside=words("aside"),
        attribution=tuple(classes.get("attribution", ())),
        source_cues=tuple(_with_gaps(c) for c in classes.get("source_cues", ())),
        idioms=tuple(tuple(simplify(c).split()) for c in classes.get("idioms", ())),
        beside=words("beside"),
        support=words("support"),
        percent=words("percent"),
        money=words("money"),
        joiners=words("joiners"),
        story_pronouns=words("story_pronouns"),
        plural=words("plural"),
        indefinite=words("indefinite"),
        possession=words("possession"),
        get_passive=words("get_passive"),
        disclosure=words("disclosure"),
        concealment=words("concealment"),
        approximate=words("approximate"),
        ranked_among=words("ranked_among"),
        speaker_possessives=words("speaker_possessives"),
        minority=words("minority"),
        premise=words("premise"),
        conditional=words("conditional"),
        presence=words("presence"),
        talk_objects=words("talk_objects"),
        universal=words("universal"),
        topic_markers=words("topic_markers"),
        voiced_passives=words("voiced_passives"),
        bounds=words("bounds"),
        existential=words("existential"),
        indefinite_pronouns=words("indefinite_pronouns"),
        ergative=words("ergative"),
        question_words=words("question_words"),
        negating=words("negating"),
        entity_questions=words("entity_questions"),
        possessives=words("possessives"),
        other=words("other"),
        future=words("future"),
        noun_verbs=words("noun_verbs"),
        only=words("only"),
        present=words("present"),
        earlier=words("earlier"),
        later=words("later"),
        bound_fillers=words("bound_fillers"),
        numbers={
            **{word: value for value, word in enumerate(language.number_words)},
            **{word: 10 * (i + 2) for i, word in enumerate(classes.get("tens", ()))},
        },
        multiples=tuple((tuple(word.split()), factor) for word, factor in language.multiples),
        context_types=tuple(t.id for t in language.types if t.context),
        locative_types=tuple(t.id for t in language.types if t.locative),
        selecting=frozenset(f.id for f in language.focus if f.needs_type),
    )


def _with_gaps(cue: str) -> tuple[str, ...]:
    """A cue's words, with "..." kept where the rest of the question stands ("where does ... come from")."""
    parts = [simplify(part).split() for part in cue.split("...")]
    return tuple(word for i, part in enumerate(parts) for word in ([GAP] if i else []) + part)


def source_cue_spans(tokens: tuple[str, ...], cues: tuple[tuple[str, ...], ...]) -> list[tuple[int, int]] | None:
    """The spans of the first cue asking whose a fact is ("who released", "where does ... come from"), or
    None. A cue with a gap must open and close the question around it; one without may stand anywhere."""
    for cue in cues:
        if GAP in cue:
            gap = cue.index(GAP)
            head, tail = cue[:gap], cue[gap + 1 :]
            if len(tokens) > len(head) + len(tail) and tokens[: len(head)] == head and tokens[-len(tail) :] == tail:
                return [(0, len(head)), (len(tokens) - len(tail), len(tokens))]
            continue
        for start in range(len(tokens) - len(cue) + 1):
            if tokens[start : start + len(cue)] == cue and len(tokens) > len(cue):
                return [(start, start + len(cue))]
    return None


def only_opening(tokens: Sequence[str], grammar: Grammar) -> int | None:
    """Where the last "only" of these words stands ("the JV, ONLY Russia or also the CIS?"), unless a pronoun
    whose thing is not known yet comes before it ("is IT only for Russia or ...")."""
    only = [i for i, w in enumerate(tokens) if w in grammar.only]
    if not only or any(w in grammar.story_pronouns | grammar.plural for w in tokens[: only[-1]]):
        return None
    return only[-1]


def word_before(tokens: Sequence[str], start: int, skipping: frozenset[str]) -> int:
    """The position of the word before `start`, past any words of `skipping` ("at THE press conference": "at");
    -1 when there is none."""
    before = start - 1
    while before >= 0 and tokens[before] in skipping:
        before -= 1
    return before
