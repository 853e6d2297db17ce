"""The form of a question: what it asks for (its focus), and whether it is yes/no, either/or, or small talk."""

from __future__ import annotations

from bot.knowledge.model import FocusDef
from bot.understand.grammar import Grammar, only_opening
from bot.understand.model import COMPARATIVE, Form, Found, Mention

SPECIFIC_REACH = 4  # how far after "what" a noun cue ("what was the date") still decides the focus
TYPE_REACH = 5  # how far after "which"/"what" a type noun narrows the focus ("which other Russian e-commerce deal")
OPENER_REACH = 2  # a yes/no word counts only at the start, after at most this many opening words
OPTION_KINDS = ("entity", "year", "percent", "number", "weekday", "month", "attribute")


CLAIM_REACH = 2  # words between a comparison and the name it compares with ("bigger STAKE THAN mail.ru")


def question_form(found: Found, focus_defs: dict[str, FocusDef], grammar: Grammar) -> Form:
    """Find the focus, the yes/no and either/or shapes, small talk and advice requests."""
    focus = _focus(found, focus_defs, grammar)
    focus_id, span, focus_type = focus if focus else (None, None, None)
    focus_id = _closed(focus_id, span, found, focus_defs)
    if focus_id is not None and focus_defs[focus_id].confirms and _opens_with(found, "yesno"):
        focus_id, span, focus_type = None, None, None  # "does the article say VK is ...?": a check, nothing asked
    if span is not None and any(m.start == span[0] and m.end > span[1] for m in found.of("yesno")):
        focus_id, span, focus_type = None, None, None  # "CAN YOU CONFIRM ...": the longer opener checks
    closers = found.of("yesclose")
    last = len(found.text.tokens)
    closed = next((c.start for c in closers if c.end == last), last)  # "..., yes?": the claim ends before it
    trailing = span is not None and span[0] > 0 and span[1] in (last, closed)
    checked = _opens_with(found, "yesno") or closed < last
    if trailing and focus_id is not None and focus_defs[focus_id].defers and checked:
        focus_id, span, focus_type = None, None, None  # "is VK ..., according to the article": it asks nothing
    if span is not None and any(c.start <= span[0] and span[1] <= c.end == last for c in closers):
        focus_id, span, focus_type = None, None, None  # "jack ma is a billionaire or WHAT": a tag, nothing asked
    boundary = found.text.boundary
    tokens = found.text.tokens
    checks = [  # "X is the RDIF's chairman, can you confirm?": a confirming phrase opening a later clause
        m for m in found.of("yesno") if m.end - m.start > 1 and m.start > 0 and boundary and boundary[m.start]
    ]
    tag = (  # "..., wasn't it?", "..., does it?"; not "... who is he?"
        last > 2
        and tokens[last - 3] not in grammar.question_words
        and any(m.end == last - 1 for m in found.of("yesno"))
        and any(p.start == last - 1 for p in found.of("pronoun"))
    )
    begin = _claim_start(found, grammar)  # "SO michael evans is alibaba's ceo?"
    stated = (
        any(  # "dmitriyev is ceo of megafon?", "the forum was in Kazan?": a statement put as a question
            _opens_at(m, begin, tokens, grammar)
            and m.end < last
            and (tokens[m.end] in grammar.be or tokens[m.end] in grammar.indefinite or _kind_ends(found, m.end, closed))
            for m in found.of("entity")
        )
        or _claims_a_fact(found, grammar)
        or _claims_a_holding(found, begin, grammar)
    )
    guessed = _guessed(found, span, closed, grammar)
    if guessed:
        focus_id, span, focus_type = None, None, None  # "Yandex is what, A BANK?": the guess is checked
    of = span is not None and span[0] > 0 and tokens[span[0] - 1] in grammar.of  # "half OF what Alibaba has"
    compared = span is not None and (
        any(a.end in (span[0], span[0] - of) for a in found.of("aggregate"))
        or any(tokens[: span[0] - of][-len(words) :] == words for words, _factor in grammar.multiples)
    )  # "twice what", "a third of what"
    if compared and (checked or stated):
        focus_id, span, focus_type = None, None, None  # "is X's stake twice WHAT MegaFon gets?": a free relative
    yesno = focus_id is None and (
        any(m.start == begin for m in found.of("yesno"))  # "IS ...?", "so IS ...?", "wait, WAS ...?"
        or _opens_the_last_sentence(found, "yesno")
        or any(c.end == last for c in closers)
        or bool(checks)
        or tag
        or stated
        or _conditional_check(found, grammar)
        or guessed
    )
    either = _options(found)
    if either and focus_id is not None and focus_defs[focus_id].generic:
        yesno = False
    if focus_id is None and _only_or_more(found, grammar):
        yesno, either = True, ()  # "only Russia or other countries too?": whether it is only Russia
    if _offers_the_kind(found, either, span, focus_type):
        focus_id, span, focus_type = None, None, None  # "which company is Evans with, Alibaba or Mail.ru?"
    primary = [
        m for m in found.mentions if m.kind in ("entity", "relation", "type", "attribute", "aggregate") and not m.weak
    ]
    smalltalk = found.of("smalltalk")
    talk = None
    in_talk = {i for m in smalltalk for i in range(m.start, _talk_end(m, found, grammar))}
    in_primary = {i for m in primary for i in range(m.start, m.end)}
    asking = [m for m in found.of("focus") if m.target in focus_defs and not focus_defs[m.target].generic]
    in_primary |= {i for m in asking for i in range(m.start, m.end)}  # "ok, WHEN was that?" asks; "thanks, what else?"
    if smalltalk and not found.unknown and in_primary <= in_talk:
        talk = max(smalltalk, key=lambda m: (m.end - m.start, -m.start)).target
    return Form(
        focus=focus_id,
        focus_span=span,
        focus_type=focus_type,
        yesno=yesno and not either and not (_mixed_options(found) and not _named_first_option(found, grammar)),
        either=either,
        followup=_opens_with(found, "followup"),
        smalltalk=talk,
        advice=any(  # "translator's query: what is Evans's title?": a question word after it asks a question
            not any(f.start >= a.end for f in found.of("focus")) for a in found.of("advice")
        ),
        negated=bool(found.of("negation")),
    )


def _talk_end(talk: Mention, found: Found, grammar: Grammar) -> int:
    """Where small talk ends: "thanks FOR the help earlier" runs to the end of its clause, so the words of what
    the asker thanks for ask nothing; "thanks, and Mail.ru?" and "ok for MegaFon?" end at the cue."""
    tokens, text = found.text.tokens, found.text
    if talk.end >= len(tokens) or tokens[talk.end] not in grammar.talk_objects:
        return talk.end
    breaks = [i for i, b in enumerate(text.boundary or ()) if b and i > talk.end]
    breaks += [i for i, o in enumerate(text.opens or ()) if o and i > talk.end]
    end = min(breaks, default=len(tokens))
    named = [m.start for m in found.of("entity")] + [n.start for n in found.unknown]
    if any(talk.end < start < end for start in named):
        return talk.end  # "ok for MegaFon?": a name after it is asked about
    return end


def _focus(
    found: Found, focus_defs: dict[str, FocusDef], grammar: Grammar
) -> tuple[str, tuple[int, int], str | None] | None:
    """The focus: the longest cue at the earliest place a cue starts, then sharpened by what follows.

    "which"/"what" with a type noun after it asks for an entity of that type ("which company"); a
    generic cue ("what") gives way to a specific noun cue close after it ("what was the date"); a
    request ("can you tell me") gives way to any question word after it.
    """
    nouns = {
        m.end for m in found.mentions if m.kind in ("type", "entity") or (m.kind == "relation" and m.detail == "agent")
    }
    tokens = found.text.tokens
    cues = [  # "the company whose owner is ...": a relative clause, not the question word
        c
        for c in found.of("focus")
        if not (
            c.start in nouns
            and tokens[c.start] in grammar.relative
            and c.end < len(tokens)
            and not _after_break(found, c.start)
        )
    ]
    openings = [f for f in found.of("followup") if any(c.start >= f.end for c in cues)]
    cues = [  # "WHAT ABOUT them, how big is their piece?": the opening hands over to the question after it
        c for c in cues if not any(f.start <= c.start and c.end <= f.end for f in openings)
    ]
    cues.sort(key=lambda m: (m.start, -(m.end - m.start), m.target))
    if not cues:
        return None
    types = found.of("type", "relation")
    start = cues[0].start
    longest = max(c.end for c in cues if c.start == start)
    at_start = [c for c in cues if c.start == start and c.end == longest]
    first = next((c for c in at_start if not focus_defs[c.target].needs_type), at_start[0])
    for cue in at_start:
        if focus_defs[cue.target].needs_type:
            noun = _type_after(cue, types, found, grammar) or _type_within(cue, found)
            if noun is not None:
                return cue.target, (cue.start, cue.end), noun
    if focus_defs[first.target].needs_type:
        others = [c for c in cues if c.start == start and not focus_defs[c.target].needs_type]
        if not others:
            return None
        first = others[0]
    later = [c for c in cues if c.start >= first.end and not focus_defs[c.target].needs_type]
    if focus_defs[first.target].defers and later:
        rest = found._replace(mentions=tuple(m for m in found.mentions if m.start >= first.end))
        deferred = _focus(rest, focus_defs, grammar)
        if deferred is not None:
            return deferred
    if focus_defs[first.target].generic:
        for cue in later:
            if (
                cue.start == first.end
                and not focus_defs[cue.target].generic
                and tokens[cue.start] in grammar.question_words
                and tokens[first.start] not in grammar.question_words
            ):
                return cue.target, (first.start, cue.end), None  # "explain WHY it is called that": the why asks
            if (
                not focus_defs[cue.target].generic
                and cue.start - first.end <= SPECIFIC_REACH
                and _is_noun_cue(cue, found, grammar)
            ):
                return cue.target, (first.start, cue.end), None
    return first.target, (first.start, first.end), None


def _closed(
    focus_id: str | None, span: tuple[int, int] | None, found: Found, focus_defs: dict[str, FocusDef]
) -> str | None:
    """'WHERE is Evans FROM?': a word ending the cue's clause makes it the narrower focus that word closes
    (origin, not any place): "where's he from, is he American?" too; "where did he get the money from
    Alibaba?" is not that, the word must end the clause."""
    tokens = found.text.tokens
    if focus_id is None or span is None:
        return focus_id
    boundary = found.text.boundary or tuple(False for _ in tokens)
    end = next((i for i in range(span[1] + 1, len(tokens)) if boundary[i]), len(tokens))
    if end - 1 <= span[1]:
        return focus_id
    closing = [f.id for f in focus_defs.values() if f.parent == focus_id and tokens[end - 1] in f.closers]
    return closing[0] if closing else focus_id


def _after_break(found: Found, position: int) -> bool:
    """Whether a comma or similar stands right before the word ("Apart from Alibaba, who ...")."""
    boundary = found.text.boundary
    return bool(boundary) and boundary[position]


def _type_after(cue: Mention, nouns: list[Mention], found: Found, grammar: Grammar) -> str | None:
    """The type (or role) noun right after "which"/"what", allowing a few words between.

    A determiner between makes it a definite description instead ("what is the deal worth?"), except
    after "of" ("which of the partners"); so does a copula right before the noun, where the article went
    missing ("what is name of new company?" asks a name; "what is HIS name" still asks which person).
    """
    tokens = found.text.tokens
    verbs = [n.start for n in nouns if n.kind == "relation" and n.detail in ("verb", "passive") and not n.weak]
    heads = [m.start for m in found.of("relation") if m.detail == "holding"]  # "what SECTION of the site": its noun
    blocking = verbs + heads + [e.start for e in found.of("entity")]
    for noun in nouns:
        if any(cue.end <= b < noun.start for b in blocking):
            continue  # "which company owns the stake", "what is Usmanov's view of the deal": another phrase's noun
        between = (tokens[cue.end - 1], *tokens[cue.end : noun.start])  # "which OF the partners": the cue's own "of"
        if any(t in grammar.determiners and between[i] != "of" for i, t in enumerate(between[1:])):
            continue
        if len(between) > 1 and between[-1] in grammar.be:
            continue
        if noun.kind == "relation" and any(t in grammar.auxiliary | grammar.be for t in between[1:]):
            continue  # "what DO partners pay": the partners pay, what they pay is asked
        if any(t in grammar.universal for t in between[1:]):
            continue  # "numbers on what EACH partner is paying": likewise
        if cue.end <= noun.start <= cue.end + TYPE_REACH:
            if noun.kind == "type":
                return noun.target
            if noun.kind == "relation" and noun.detail == "agent":
                return f"role:{noun.target}"
    return None


def _type_within(cue: Mention, found: Found) -> str | None:
    """The type noun a cue holds itself ("which ONE holds 15%?"), when no noun follows it and a verb does:
    the cue is the verb's subject ("which one is THE FUND" leaves the choosing to the noun after it)."""
    if not any(m.start == cue.end and m.detail == "verb" for m in found.of("relation")):
        return None
    return next((t.target for t in found.of("type") if cue.start < t.start and t.end <= cue.end), None)


def _is_noun_cue(cue: Mention, found: Found, grammar: Grammar) -> bool:
    """A cue that is not a question word itself ("date", "year"): it can sharpen a leading "what"."""
    return found.text.tokens[cue.start] not in grammar.question_words


def _opens_with(found: Found, kind: str) -> bool:
    """Whether the question opens with a cue of this kind, after at most a couple of opening words."""
    openers = found.of("followup", "smalltalk") if kind == "yesno" else found.of("smalltalk")
    skip = {i for m in openers for i in range(m.start, m.end)}
    first = next((i for i in range(len(found.text.tokens)) if i not in skip), None)
    if first is None or first > OPENER_REACH + 1:
        return False
    return any(m.start == first or (kind == "followup" and m.start == 0) for m in found.of(kind))


def _opens_the_last_sentence(found: Found, kind: str) -> bool:
    """'My grandson uses AliExpress. DOES Alibaba ...?', 'thx. last q: IS alibaba ...?': a cue opening the last
    of several sentences, or the clause after the last break in it."""
    opens = found.text.opens
    last = max((i for i, o in enumerate(opens) if o), default=0) if opens else 0
    breaks = found.text.boundary or ()
    after_break = max((i for i, b in enumerate(breaks) if b), default=0)
    offered = any(m.start > after_break for m in found.of("either"))  # "is it 'X' or 'Y'?": a choice, not a check
    starts = {last, after_break if after_break > last and not offered else 0} - {0}
    return any(m.start in starts for m in found.of(kind))


def _claim_start(found: Found, grammar: Grammar) -> int:
    """Where a claim put as a statement starts: after opening chat ("so", "wait so", "ok") that no
    mention but a follow-up or small-talk cue covers."""
    openers = {i for m in found.of("followup", "smalltalk") for i in range(m.start, m.end)}
    covered = {i for m in found.mentions for i in range(m.start, m.end)} - openers
    tokens = found.text.tokens
    begin = 0
    while (
        begin < min(len(tokens), OPENER_REACH + 1)
        and begin not in covered
        and (begin in openers or (tokens[begin] in grammar.stopwords and tokens[begin] not in grammar.definite))
    ):
        begin += 1
    return begin if begin < len(tokens) else 0


def _opens_at(name: Mention, begin: int, tokens: tuple[str, ...], grammar: Grammar) -> bool:
    """Whether the name opens the clause at `begin`, perhaps after "the" ("THE forum was ...")."""
    return name.start == begin or (name.start == begin + 1 and tokens[begin] in grammar.definite)


def _kind_ends(found: Found, start: int, end: int) -> bool:
    """'usmanov BILLIONAIRE?', 'alibaba CHINESE?': a kind or an attribute right after the name ends the claim (not
    a word that also names a relation or a value: "billionaire NAME" asks for the name)."""
    other = {m.span for m in found.of("relation", "valueword")}
    return any(m.start == start and m.end == end and m.span not in other for m in found.of("type", "attribute"))


def _claims_a_holding(found: Found, begin: int, grammar: Grammar) -> bool:
    """'rdif stake is 15%?', 'alibaba's share was 48?': a name and the noun for what it holds, then "be" and a
    figure: a claim put to be checked."""
    tokens = found.text.tokens
    figures = {m.start for m in found.of("percent", "number")}
    for name in found.of("entity"):
        if not _opens_at(name, begin, tokens, grammar):
            continue
        noun = next((m for m in found.of("relation") if m.start == name.end and m.detail == "holding"), None)
        if noun is not None and noun.end + 1 < len(tokens) and tokens[noun.end] in grammar.be:
            return noun.end + 1 in figures
    return False


def _claims_a_fact(found: Found, grammar: Grammar) -> bool:
    """'Alibaba launched Pandao?', 'megafon owns 30 percent': a name (or pronoun) opening the question, its verb
    right after it (or after an auxiliary), and something after the verb: a claim put to be checked; so is a
    name compared with another right after it ("megafon bigger stake than mail.ru?") or limited ("jv only for
    russia?")."""
    tokens = found.text.tokens
    begin = _claim_start(found, grammar)  # "SO alibaba launched pandao?"
    opening = [  # "the russians", "THEY announced it on monday?"
        m for m in found.of("entity", "attribute", "pronoun") if _opens_at(m, begin, tokens, grammar)
    ]
    opening += [  # "the alibaba, IT is doing business ...?": the name taken up again by a pronoun
        p for p in found.of("pronoun") for m in opening if p.start == m.end and p not in opening
    ]
    nouns = {(m.target, m.span) for m in found.of("relation") if m.detail not in ("verb", "passive")}  # "Evans QUOTE"
    linking = grammar.auxiliary | grammar.be | grammar.future | grammar.infinitive
    holdings = {  # "mailru's STAKE bigger", "the russian side actually CONTROLS more than", "megafon OWNS more"
        i
        for m in found.mentions
        if m.kind == "relation" or (m.kind == "aggregate" and m.weak)
        for i in range(m.start, m.end)
    }
    for name in opening:
        if name.end < len(tokens) - 1 and tokens[name.end] in grammar.only | grammar.already:
            return True  # "jv JUST for russia?", "alibaba ALREADY big there?": a claim that nothing else holds
        for compared in found.of("aggregate"):  # "megafon BIGGER STAKE THAN mail.ru?": a comparison claimed
            linked = (
                compared.target in COMPARATIVE
                and all(  # "mailru's STAKE bigger than rdif's?"
                    t in linking or i in holdings or _adverb(t, grammar)
                    for i, t in enumerate(tokens[name.end : compared.start], name.end)
                )
            )
            if linked and any(compared.end <= e.start <= compared.end + CLAIM_REACH for e in found.of("entity")):
                return True
        for verb in found.of("relation"):
            between = tokens[name.end : verb.start]
            if (
                verb.detail in ("verb", "passive")
                and (verb.target, verb.span) not in nouns
                and verb.start >= name.end
                and all(t in linking or _adverb(t, grammar) for t in between)  # "so megafon REALLY owns ...?"
                and verb.end < len(tokens)
            ):
                return True
    return False


def _adverb(word: str, grammar: Grammar) -> bool:
    """Whether a word between a claim's subject and its verb only colours it ("really", "actually"): a function
    word that asks nothing."""
    return word in grammar.stopwords and word not in grammar.asking | grammar.relative


def _mixed_options(found: Found) -> bool:
    """'At a press conference or in a statement?': two things of different kinds around "or". The choice
    cannot be checked as one, and a "Yes" would answer nothing."""
    family = {"entity": "entity", "type": "entity", "attribute": "attribute", "valueword": "valueword"}
    for joint in found.of("either"):
        before = sorted((m for m in found.mentions if m.end <= joint.start), key=lambda m: m.end)
        after = sorted((m for m in found.mentions if m.start >= joint.end), key=lambda m: m.start)
        if not (before and after) or joint.start - before[-1].end > 1 or after[0].start - joint.end > 2:
            continue
        left = {family[m.kind] for m in before if m.end == before[-1].end and m.kind in family}
        right = {family[m.kind] for m in after if m.start == after[0].start and m.kind in family}
        if left and right and not left & right:
            return True
    return False


def _named_first_option(found: Found, grammar: Grammar) -> bool:
    """'Did Usmanov comment at THE PRESS CONFERENCE or in a statement?': the first option names one thing (a name
    or "the" and its kind), so the choice is checked as a yes/no on it, and the answer's fact tells the other;
    "at A press conference or ..." names none."""
    tokens = found.text.tokens
    for joint in found.of("either"):
        for m in found.mentions:
            if m.kind not in ("entity", "type") or not joint.start - 1 <= m.end <= joint.start:
                continue
            if m.kind == "entity" or (m.start > 0 and tokens[m.start - 1] in grammar.definite):
                return True
    return False


def _offers_the_kind(
    found: Found, either: tuple[Mention, ...], span: tuple[int, int] | None, focus_type: str | None
) -> bool:
    """'WHICH COMPANY is Evans with, Alibaba or Mail.ru?': the kind asked for is then offered as two names
    after it, so the question is their either/or and the question word only names their kind; a comparison
    ("which company holds more, ...") still ranks the two, and a kind named later still selects."""
    if not either or span is None or focus_type is None or found.of("aggregate"):
        return False
    if focus_type.startswith("role:"):
        return False  # "which PARTNER is a telecom operator, ...": the role noun would be read as the relation checked
    if any(m.kind in ("type", "attribute") and m.start > span[1] for m in found.mentions):
        return False  # "which company is A BANK, ...": a selection by kind
    return all(option.kind == "entity" and option.start >= span[1] for option in either)


def _only_or_more(found: Found, grammar: Grammar) -> bool:
    """'Is it only for Russia, or also for other countries?': "only" before a name, then "or": the second
    option is just "more than that", so the question checks the first, as "only for Russia?" would."""
    for joint in found.of("either"):
        only = only_opening(found.text.tokens[: joint.start], grammar)  # not "is IT only ...?": left as asked
        if only is not None and any(only < m.start < joint.start for m in found.of("entity")):
            return True
    return False


def _options(found: Found) -> tuple[Mention, ...]:
    """The two (or more) options around "or" when they are of one kind: "Alibaba or MegaFon", "1999 or 2000"."""
    for joint in found.of("either"):
        before = [m for m in found.mentions if m.kind in OPTION_KINDS and m.end <= joint.start]
        after = [m for m in found.mentions if m.kind in OPTION_KINDS and m.start >= joint.end]
        if not before or not after:
            continue
        left, right = before[-1], after[0]
        same_kind = left.kind == right.kind and (left.kind != "attribute" or left.target == right.target)
        if same_kind and (left.target, left.detail) != (right.target, right.detail) and right.start - joint.end <= 2:
            return (*_listed_before(before, left, right, found), left, right)
    return ()


def _listed_before(before: list[Mention], left: Mention, right: Mention, found: Found) -> list[Mention]:
    """'Which is the fund: MegaFon, RDIF or Mail.ru?': names before the first option, each set off by a comma
    (or a colon before the first), are options too; "who launched Pandao, Alibaba or Mail.ru?" offers two."""
    if left.kind != "entity":
        return []
    cut = found.text.boundary or tuple(False for _ in found.text.tokens)
    listed: list[Mention] = []
    taken = {left.target, right.target}
    start = left.start
    for m in reversed(before[:-1]):
        if m.end != start or not cut[start] or m.kind != "entity" or m.target in taken:
            break
        listed.insert(0, m)
        taken.add(m.target)
        start = m.start
    return listed if listed and cut[start] else []


def _conditional_check(found: Found, grammar: Grammar) -> bool:
    """'If MegaFon and Mail.ru pooled their stakes WOULD THEY have more than Alibaba?': after a clause opened by
    "if", a yes/no opener with its subject right behind it checks the claim the clause sets up."""
    tokens = found.text.tokens
    if not tokens or tokens[0] not in grammar.conditional:
        return False
    subjects = {m.start for m in found.of("entity", "pronoun")}
    return any(m.start > 1 and m.end in subjects for m in found.of("yesno"))


GUESS_KINDS = frozenset({"type", "entity", "attribute", "year", "percent", "number", "month", "weekday"})


def _guessed(found: Found, span: tuple[int, int] | None, end: int, grammar: Grammar) -> bool:
    """'Yandex is what, a bank?', 'founded when, 2001?': a question word, a comma, then one guess to the end
    of the question: the guess is a claim to check, Yes or No."""
    boundary = found.text.boundary
    if span is None or span[1] >= end or not boundary or not boundary[span[1]]:
        return False
    if found.text.tokens[span[1] - 1] not in grammar.question_words:
        return False  # "please tell me, the Russian companies, ...": a request, no question word with a guess
    at = span[1]
    while at < end and found.text.tokens[at] in grammar.indefinite | grammar.determiners:
        at += 1
    return any(m.kind in GUESS_KINDS and m.start == at and m.end == end for m in found.mentions)
