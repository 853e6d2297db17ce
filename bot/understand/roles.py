"""Who is who around a relation word: which side of "owns" an entity stands on, and what that makes it.

English puts the subject of an active verb before it ("MegaFon owns", "what does MegaFon own") and the
object after; a passive turns that round ("X is owned by Y", "when was X founded"). A noun for the
subject ("the owner of X", "X's founder") makes the entity attached to it the object; a noun the
subject holds ("MegaFon's stake") makes it the subject. These cues only score a reading: the facts and
the types still decide.
"""

from __future__ import annotations

from bot.understand.grammar import Grammar
from bot.understand.model import Mention

ATTACH_REACH = 3  # words allowed between a noun and the entity attached before it ("MegaFon's total stake")


def side(
    relation_word: Mention,
    entity: Mention,
    tokens: tuple[str, ...],
    possessive: tuple[bool, ...],
    grammar: Grammar,
    *,
    noun_too: bool = False,
) -> str | None:
    """The slot the word's form puts an entity in: 'subject', 'object', '' when the form leaves both open (no
    other form of the word decides then), or None when the words do not tell.
    `noun_too`: the word may be the relation's noun as well ("quote"), so a bare form is never a passive."""
    form = relation_word.detail
    before = entity.end <= relation_word.start
    after = entity.start >= relation_word.end
    if form == "verb":
        if before and _alone(relation_word, entity, tokens, grammar):
            return "object"  # "when did Alibaba start?": Alibaba was started
        if before and _bare_participle(relation_word, entity, tokens, grammar):
            return ""  # "Alibaba founded in?": a passive with its "was" dropped, or an active verb
        owned = before and entity.end - 1 < len(possessive) and possessive[entity.end - 1]  # "usmanov's QUOTE"
        learner = relation_word.score == 1.0 and not owned and not noun_too
        whole = before and entity.end == relation_word.start  # the subject runs up to the verb
        is_passive = passive(relation_word, tokens, grammar, learner=learner, subject=entity.start if whole else None)
        if is_passive and after:
            return "subject" if _by_before(entity, relation_word, tokens, grammar) else None
        voiced = tokens[relation_word.start] in grammar.voiced_passives  # "is the RDIF guy QUOTED": he spoke
        if before:
            return "object" if is_passive and not voiced else "subject"
        if after:
            return "object"
        return None
    if form == "passive":
        return "object" if before else "subject" if after else None
    attached = _attached(relation_word, entity, tokens, possessive, grammar)
    if form == "agent":
        if after and _copula(relation_word, entity, tokens, grammar):
            return "subject"  # "whose owner is Usmanov"
        if _has(relation_word, entity, tokens, grammar):
            return "object"  # "how many owners does the venture have": the venture is what they own
        return "object" if attached else None
    if form == "patient":
        return "subject" if attached else None
    if form == "holding":
        if after and _into(relation_word, entity, tokens, grammar):
            return "object"
        if after and _copula(relation_word, entity, tokens, grammar):
            return "subject"  # "how old is Jack Ma": his age
        whole_after = entity.end < len(tokens) and tokens[entity.end] in grammar.inside  # "share of X IN the JV"
        if after and attached and _partitive(relation_word, tokens, grammar) and not whole_after:
            return "object"
        return "subject" if attached and entity.end <= relation_word.start else None
    if form == "action":
        if after and _by_before(entity, relation_word, tokens, grammar):
            return "subject"
        if before and attached and not possessive[entity.end - 1] and entity.end == relation_word.start:
            return ""  # "the Alibaba-Mail.ru ANNOUNCEMENT": made by them, or of them ("the Pandao launch")
        return "object" if attached or (after and _copula(relation_word, entity, tokens, grammar)) else None
    return None


def _bare_participle(word: Mention, entity: Mention, tokens: tuple[str, ...], grammar: Grammar) -> bool:
    """A participle with nothing after it but a preposition, a number or the end, no "do" or "be" before it,
    and the entity opening the question ("Alibaba founded in?", "alibaba founded 1999?"; not "the company
    Jack Ma founded"). A learner's plain form counts before a year ("alibaba start in 2009?")."""
    after = tokens[word.end : word.end + 2]
    dated = bool(after) and (after[0].isdigit() or (after[0] in grammar.inside and after[1:] and after[1].isdigit()))
    if not dated and not tokens[word.end - 1].endswith(grammar.participle_endings):
        return False
    if entity.start > 0 and tokens[entity.start - 1] not in grammar.question_words:
        return False
    if dated and entity.start > 0 and tokens[entity.start - 1] in grammar.entity_questions:
        return False  # "what did mail.ru launch in 2017": the question word is the object
    previous = tokens[max(0, word.start - 4) : word.start]
    if any(t in grammar.auxiliary or t in grammar.be for t in previous):
        return False
    asking_a_value = grammar.question_words - grammar.entity_questions  # "founded WHEN", not "said WHAT"
    return dated or not after or after[0] in grammar.locative | grammar.inside | asking_a_value


def _alone(word: Mention, entity: Mention, tokens: tuple[str, ...], grammar: Grammar) -> bool:
    """A verb that may go without an object ("start", "launch") with none after it, its subject opening the
    question, and no "what" or "which" asking for an object: "when did Alibaba start?" speaks of Alibaba
    being started, not of something it started ("what did Mail.ru launch?", "the company Jack Ma started")."""
    if not grammar.ergative.intersection(tokens[word.start : word.end]):
        return False
    opener = tokens[entity.start - 1] if entity.start > 0 else None
    if opener is not None and opener not in grammar.auxiliary | grammar.be | grammar.question_words:
        return False
    if (grammar.entity_questions | grammar.asking).intersection(tokens[: word.start]):
        return False
    after = tokens[word.end : word.end + 1]
    asking_a_value = grammar.question_words - grammar.entity_questions  # "started WHEN?", not "launched WHAT?"
    return not after or after[0].isdigit() or after[0] in grammar.locative | grammar.inside | asking_a_value


def passive(
    word: Mention, tokens: tuple[str, ...], grammar: Grammar, *, learner: bool = False, subject: int | None = None
) -> bool:
    """A participle after a form of "be" ("when was Alibaba set up"), or with "by" after it ("founded by");
    with `learner`, also a plain verb that ends the question after "was X" ("was the deal announce?").
    `subject`: where a long subject before the verb starts ("was THE COMPANY OF MICHAEL EVANS founded"): the
    "be" may stand right before it."""
    if word.end < len(tokens) and tokens[word.end] in grammar.agent_marker:
        return True
    if word.start > 0 and tokens[word.start - 1] in grammar.get_passive:
        return True  # "when did Alibaba get started"
    if word.start > 0 and tokens[word.start - 1] in grammar.infinitive:
        return False  # "is Alibaba going TO own ...": an infinitive, active
    reach = word.start - 4 if subject is None else min(word.start - 4, subject - 2)
    previous = tokens[max(0, reach) : word.start]
    nearest = next((t for t in reversed(previous) if t in grammar.auxiliary or t in grammar.be), None)
    if nearest is None or nearest not in grammar.be:
        return False
    clause = previous[len(previous) - 1 - previous[::-1].index(nearest) + 1 :]
    if any(t in grammar.question_words - grammar.relative for t in clause):
        return False  # "where was Evans WHEN he spoke": a clause of its own after the "be", active
    if tokens[word.start].endswith(grammar.progressive_endings) and word.end - word.start > 1:
        return False  # "is Alibaba teamING up with": a progressive, whatever particle ends it
    if tokens[word.end - 1].endswith(grammar.participle_endings):
        return True  # "has been founded", "the deal being announced"
    return learner and _closes_the_question(word, tokens, grammar)  # "which day was the deal announce?"


def _closes_the_question(word: Mention, tokens: tuple[str, ...], grammar: Grammar) -> bool:
    """A plain verb form ending the question after "was X" (nothing but a preposition may follow) can only be a
    passive whose ending was dropped; "was X announcING" is not one."""
    if word.end - word.start > 1 or tokens[word.end - 1].endswith(grammar.progressive_endings):
        return False  # "named after" carries its own preposition; "announcing" is active
    after = tokens[word.end] if word.end < len(tokens) else None
    return after is None or (after in grammar.locative | grammar.inside and word.end + 1 == len(tokens))


def _has(word: Mention, entity: Mention, tokens: tuple[str, ...], grammar: Grammar) -> bool:
    """A form of "have" right around the entity, in the noun's clause ("X has four owners", "owners does X have")."""
    near = [entity.start - 1, entity.end] if entity.start >= word.end else [entity.end, entity.end + 1]
    return any(0 <= i < len(tokens) and tokens[i] in grammar.possession for i in near)


def _copula(word: Mention, entity: Mention, tokens: tuple[str, ...], grammar: Grammar) -> bool:
    """Only a form of "be" between the word and the entity after it ("how old is X", "whose owner is X")."""
    between = tokens[word.end : entity.start]
    return bool(between) and all(token in grammar.be for token in between)


def _by_before(entity: Mention, word: Mention, tokens: tuple[str, ...], grammar: Grammar) -> bool:
    return any(tokens[i] in grammar.agent_marker for i in range(word.end, entity.start))


def _attached(
    noun: Mention, entity: Mention, tokens: tuple[str, ...], possessive: tuple[bool, ...], grammar: Grammar
) -> bool:
    """The entity belongs to the noun: "MegaFon's stake", "MegaFon stake", "the stake of MegaFon"."""
    if entity.end <= noun.start:
        between = tokens[entity.end : noun.start]
        owns = bool(possessive) and possessive[entity.end - 1]
        return len(between) <= ATTACH_REACH and all(t in grammar.filler for t in between) and (owns or not between)
    if entity.start >= noun.end:
        between = tokens[noun.end : entity.start]
        return bool(between) and between[0] in grammar.of and all(t in grammar.filler for t in between[1:])
    return False


def _partitive(noun: Mention, tokens: tuple[str, ...], grammar: Grammar) -> bool:
    """'what percent of X', 'how big a share of X': the X after "of" is the whole, not the holder ("what is
    THE stake of X" is X's own stake)."""
    if noun.start > 0 and tokens[noun.start - 1] in grammar.definite:
        return False
    return any(token in grammar.asking for token in tokens[max(0, noun.start - 2) : noun.start])


def _into(noun: Mention, entity: Mention, tokens: tuple[str, ...], grammar: Grammar) -> bool:
    between = tokens[noun.end : entity.start]
    return bool(between) and between[0] in grammar.inside and all(t in grammar.filler for t in between[1:])
