"""Knowledge directories that fight back: special files, links, huge, deep or absurd content.

Each case is a one-line error naming the file (exit 2), never a hang, a traceback or a wrong answer,
with the cache on or off. Cases that would hang or exhaust memory if they regressed run in a child
process with a timeout.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.shell.cli import main
from tests.conftest import replace_in

# (file, old text, new text, expected message)
NUMBERS = [
    ("facts.yaml", "value: 24", "value: .nan", "fact field 'value' must be a finite number, found nan"),
    ("facts.yaml", "value: 24", "value: .inf", "fact field 'value' must be a finite number, found inf"),
    ("facts.yaml", "value: 24", "value: -.inf", "fact field 'value' must be a finite number, found -inf"),
    ("facts.yaml", "value: 24", "value: 1" + "0" * 400, "fact field 'value' must be a finite number"),
    ("facts.yaml", "value: 24", "value: -24", "fact field 'value' must be between 0 and 100, found -24"),
    ("facts.yaml", "value: 24", "value: 124", "fact field 'value' must be between 0 and 100, found 124"),
    ("intents.yaml", "min_entities: 2", "min_entities: .inf", "intent field 'min_entities' must be a finite number"),
    ("intents.yaml", "min_entities: 2", "min_entities: .nan", "intent field 'min_entities' must be a finite number"),
    ("intents.yaml", "min_entities: 2", "min_entities: -1", "intent field 'min_entities' must be at least 0, found -1"),
    ("intents.yaml", "min_entities: 2", "min_entities: 1.5", "intent field 'min_entities' must be a whole number"),
]


@pytest.mark.parametrize(("file", "old", "new", "message"), NUMBERS, ids=[n[2] for n in NUMBERS])
def test_every_number_is_finite_and_in_range(  # noqa: PLR0917 - one parameter per table column
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str], file: str, old: str, new: str, message: str
) -> None:
    replace_in(knowledge_copy / file, old, new)
    assert main(["check", str(knowledge_copy)]) == 2
    err = capsys.readouterr().err
    assert message in err, err
    assert f"{file}:" in err
    assert main(["ask", "--knowledge", str(knowledge_copy), "how much does megafon own"]) == 2
    out, err = capsys.readouterr()
    assert (out, err.count("\n")) == ("", 1)


def test_a_stake_of_zero_and_of_one_hundred_are_allowed(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace_in(knowledge_copy / "facts.yaml", "value: 48", "value: 0")
    assert main(["check", str(knowledge_copy)]) == 0
    assert main(["ask", "--knowledge", str(knowledge_copy), "who has the largest stake"]) == 0
    assert "MegaFon" in capsys.readouterr().out
