"""Loading and validating knowledge: every broken directory is a clear, located error."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import KnowledgeError
from bot.knowledge.loader import load_knowledge
from tests.conftest import ENTITIES, FACTS, GRAMMAR, RELATIONS, SOURCES, replace_in

# (file, old text, new text, expected message fragment, text on the line the problem must name, or None)
BROKEN = [
    (
        FACTS,
        'cite: ["24 percent by MegaFon"]',
        'cite: ["25 percent by MegaFon"]',
        "not found verbatim",
        "25 percent by MegaFon",
    ),
    (
        FACTS,
        "    subject: megafon\n    object: aliexpress_russia",
        "    subject: megafone\n    object: aliexpress_russia",
        "unknown entity 'megafone'",
        "subject: megafone",
    ),
    (
        FACTS,
        "  - id: stake_megafon\n    relation: own",
        "  - id: stake_megafon\n    relation: owns",
        "unknown relation 'owns'",
        "relation: owns",
    ),
    (
        FACTS,
        "  - id: stake_megafon\n    relation: own\n    subject: megafon",
        "  - id: stake_megafon\n    relation: own\n    subject: vladivostok",
        "'vladivostok' (city) cannot be the subject of 'own'",
        "subject: vladivostok",
    ),
    (FACTS, "  - id: stake_megafon", "  - id: stake_alibaba", "duplicate fact id 'stake_alibaba'", None),
    (FACTS, "    percent: 24\n", '    percent: "24"\n', "must be a number", 'percent: "24"'),
    (FACTS, "    percent: 24\n", "    percent: 44\n", "adds up to 120", "  - id: stake_rdif"),
    (FACTS, "    percent: 24\n", "    percent: 124\n", "must be between 0 and 100", "percent: 124"),
    (FACTS, "    percent: 52\n", "    percent: 50\n", "members' own adds up to 52", "  - id: stake_russian_partners"),
    (FACTS, "    year: 1999\n", "    year: Tuesday\n", "must be a number", "year: Tuesday"),
    (
        FACTS,
        "    reported_by: Kirill Dmitriyev, general director of the RDIF\n",
        "    reported_by: Vladimir Putin\n",
        "reported_by 'Vladimir Putin' is in no cited sentence",
        "reported_by: Vladimir Putin",
    ),
    (FACTS, "    day: tuesday\n", "    day: someday\n", "is not a weekday", "day: someday"),
    (
        FACTS,
        'cite: ["24 percent by MegaFon"]',
        'cite: ["Alibaba, Russian tech firm Mail.ru"]',
        "found 4 times",
        'Alibaba, Russian tech firm Mail.ru"]',
    ),
    (
        ENTITIES,
        "  - id: megafon\n    name: MegaFon",
        "  - id: megafon\n    name: no",
        "must be text, found true/false",
        "name: no",
    ),
    (
        ENTITIES,
        "members: [megafon, mail_ru, rdif]",
        "members: [megafon, mail_ru, rdif, sber]",
        "unknown member 'sber'",
        "rdif, sber]",
    ),
    (
        ENTITIES,
        "    name: Michael Evans\n    type: person",
        "    name: Michael Evans\n    type: human",
        "type 'human'",
        "type: human",
    ),
    (
        ENTITIES,
        "      nationality: {value: chinese,",
        "      nationality: {value: martian,",
        "nationality 'martian' is not a known value",
        "value: martian",
    ),
    (
        RELATIONS,
        "  - id: own\n    subject: [organisation, person, group]",
        "  - id: own\n    subject: [organization]",
        "unknown type 'organization'",
        None,
    ),
    (RELATIONS, "      verb: [own, hold,", "      verbs: [own, hold,", "word form 'verbs' is not one of", None),
    (RELATIONS, '      default: "who is a partner in what"\n', "", "asks needs a default", None),
    (SOURCES, "file: article.txt", "file: missing.txt", "file not found", "missing.txt"),
    (FACTS, "source: aliexpress-russia", "source: other-article", "unknown source 'other-article'", None),
    (FACTS, "  - id: stake_megafon\n", "  - id: stake_megafon\n    id: again\n", "duplicate key 'id'", "id: again"),
    (
        FACTS,
        "  - id: stake_megafon\n",
        "  - id: stake_megafon\n    colour: red\n",
        "unknown field 'colour'",
        "colour: red",
    ),
    (FACTS, "  - id: stake_megafon\n", "  - id: stake_megafon\n   bad: [indent\n", "", None),
    (
        FACTS,
        "  - id: stake_megafon\n",
        '  - id: !!python/object/apply:os.system ["touch pwned"]\n',
        "tags such as !!python",
        "os.system",
    ),
    (FACTS, "  - id: stake_megafon\n", "  - id: 2019-08-01\n", "found a date", "2019-08-01"),
    (ENTITIES, "aliases: [Megafon,", "aliases: [Alibaba Group, Megafon,", "also names entity 'alibaba'", None),
    ("language/conversation.yaml", "  no_match:", "  no_match_typo:", "missing 'no_match'", None),
    (GRAMMAR, "    be: [is,", "    been: [is,", "word_classes needs 'be'", None),
    (GRAMMAR, "    plain_adjectives: [", "    plain_adjective: [", "word_classes has 'plain_adjective'", None),
    (RELATIONS, "    through: [launch]", "    through: [launched]", "names unknown relation 'launched'", None),
]


def _line_of(path: Path, anchor: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert anchor in text, anchor
    return text[: text.index(anchor)].count("\n") + 1


@pytest.mark.parametrize(("file", "old", "new", "fragment", "anchor"), BROKEN, ids=[b[3] or "syntax" for b in BROKEN])
def test_broken_knowledge_is_located(  # noqa: PLR0917 - one parameter per table column
    knowledge_copy: Path, file: str, old: str, new: str, fragment: str, anchor: str | None
) -> None:
    replace_in(knowledge_copy / file, old, new)
    line = _line_of(knowledge_copy / file, anchor) if anchor else None
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    problems = caught.value.problems
    matching = [p for p in problems if fragment in p.message]
    assert matching, [str(p) for p in problems]
    if line is not None:
        assert any(p.line == line for p in matching), [str(p) for p in matching]
    assert any(p.file.startswith(file) for p in matching)
    assert not (knowledge_copy / "pwned").exists()


def test_all_problems_are_reported_at_once(knowledge_copy: Path) -> None:
    replace_in(knowledge_copy / FACTS, "    subject: megafon\n", "    subject: megafone\n")
    replace_in(knowledge_copy / FACTS, 'cite: ["15 percent by Mail.ru"]', 'cite: ["16 percent by Mail.ru"]')
    evans = "    name: Michael Evans\n    type: "
    replace_in(knowledge_copy / ENTITIES, evans + "person", evans + "human")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    assert len(caught.value.problems) >= 3


HOSTILE_FILES = [
    (b"", "file is empty"),
    (b"\xff\xfe not utf-8", "not UTF-8"),
    (b"- just\n- a list\n", "top level must be a mapping"),
    (b"a: &x [1]\nb: *x\n", "aliases (*name) are not allowed"),
    (b'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n', "aliases"),
    (b"sources: []\nsources: []\n", "duplicate key 'sources'"),
    (b"x: !!python/object/apply:os.system ['touch pwned']\n", "tags such as !!python"),
]


@pytest.mark.parametrize(("content", "fragment"), HOSTILE_FILES)
def test_hostile_or_empty_files(knowledge_copy: Path, content: bytes, fragment: str) -> None:
    (knowledge_copy / "extra.yaml").write_bytes(content)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    assert any(fragment in p.message and p.file == "extra.yaml" for p in caught.value.problems), caught.value


def test_a_second_source_is_only_new_files(knowledge_copy: Path) -> None:
    second = knowledge_copy / "second"
    second.mkdir()
    (second / "second.txt").write_text("Acme Corp was founded by Jane Roe in 2001.\n", encoding="utf-8")
    (second / "second.yaml").write_text(
        "sources:\n  - {id: second, file: second.txt, title: Acme}\n"
        "entities:\n  - {id: acme, name: Acme Corp, type: company, aliases: [Acme]}\n"
        "  - {id: jane_roe, name: Jane Roe, type: person}\n"
        "source: second\n"
        "facts:\n  - id: acme_founder\n    relation: found\n    subject: jane_roe\n    object: acme\n"
        '    year: 2001\n    answer: Acme Corp was founded by Jane Roe in 2001.\n    cite: ["founded by Jane Roe"]\n',
        encoding="utf-8",
    )
    from bot.engine import Bot

    answer = Bot(load_knowledge(knowledge_copy)).ask("who founded acme?")
    assert answer.answered
    assert answer.citations[0].source == "second"
    assert answer.citations[0].sentence == "Acme Corp was founded by Jane Roe in 2001."


def test_a_missing_source_file_is_one_problem_not_one_per_fact(knowledge_copy: Path) -> None:
    replace_in(knowledge_copy / SOURCES, "file: article.txt", "file: missing.txt")
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    messages = [str(problem) for problem in caught.value.problems]
    assert messages == [f"{SOURCES}:4: source 'aliexpress-russia': file not found: missing.txt"]
