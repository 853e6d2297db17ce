"""Knowledge directories that fight back: special files, links, huge, deep or absurd content.

Each case is a one-line error naming the file (exit 2), never a hang, a traceback or a wrong answer,
with the cache on or off. Cases that would hang or exhaust memory if they regressed run in a child
process with a timeout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.shell.cli import main
from tests.conftest import AGGREGATES, ARTICLE, FACTS, SOURCES, replace_in


def dealbot(*args: str, cache: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot` with its own cache and state directories."""
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache), "XDG_STATE_HOME": str(cache.parent / "state")}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        errors="backslashreplace",
        check=False,
        timeout=timeout,
        env=environment,
    )


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _broken_link(path: Path) -> None:
    path.symlink_to("nowhere")


def _link_loop(path: Path) -> None:
    path.symlink_to(path.name)


def _directory(path: Path) -> None:
    path.mkdir()


def _too_big(path: Path) -> None:
    path.write_bytes(b"# padding\n" * 900_000)


PLAIN_ONLY = "replace it with a plain file"
SPECIAL = [
    (_fifo, f"not a regular file (a named pipe): {PLAIN_ONLY}"),
    (_dev_zero, f"not a regular file (a character device): {PLAIN_ONLY}"),
    (_broken_link, "broken symbolic link to 'nowhere': fix or remove it"),
    (_link_loop, "symbolic link loop: fix or remove the link"),
    (_directory, f"not a regular file (a directory): {PLAIN_ONLY}"),
    (_too_big, "file is larger than 8388608 bytes"),
]


@pytest.mark.parametrize(("make", "message"), SPECIAL, ids=[make.__name__.strip("_") for make, _ in SPECIAL])
def test_a_special_yaml_file_is_a_one_line_error_even_with_a_warm_cache(
    knowledge_copy: Path, tmp_path: Path, make: object, message: str
) -> None:
    cache = tmp_path / "cache"
    assert dealbot("ask", "--knowledge", str(knowledge_copy), "who founded alibaba", cache=cache).returncode == 0
    assert callable(make)
    make(knowledge_copy / "x.yaml")
    checked = dealbot("check", str(knowledge_copy), cache=cache, timeout=30)
    assert checked.returncode == 2
    assert checked.stderr.splitlines()[0] == f"x.yaml: {message}"
    asked = dealbot("ask", "--knowledge", str(knowledge_copy), "who founded alibaba", cache=cache, timeout=30)
    assert (asked.returncode, asked.stdout) == (2, "")
    assert asked.stderr == f"dealbot: knowledge error: x.yaml: {message}\n"


SOURCE = f"{SOURCES}:4: source 'aliexpress-russia'"
SPECIAL_SOURCES = [
    (_fifo, f"{SOURCE}: not a regular file (a named pipe): {PLAIN_ONLY}: article.txt"),
    (_broken_link, f"{SOURCE}: broken symbolic link to 'nowhere': fix or remove it: article.txt"),
    (_link_loop, f"{SOURCE}: symbolic link loop: fix or remove the link: article.txt"),
    (_dev_zero, f"{SOURCES}:4: source file 'article.txt' must lie inside the knowledge directory"),
]


@pytest.mark.parametrize(
    ("make", "message"), SPECIAL_SOURCES, ids=[make.__name__.strip("_") for make, _ in SPECIAL_SOURCES]
)
def test_a_special_source_file_is_a_one_line_error(
    knowledge_copy: Path, tmp_path: Path, make: object, message: str
) -> None:
    source = knowledge_copy / ARTICLE
    source.unlink()
    assert callable(make)
    make(source)
    asked = dealbot("ask", "--knowledge", str(knowledge_copy), "who founded alibaba", cache=tmp_path / "c", timeout=30)
    assert (asked.returncode, asked.stderr) == (2, f"dealbot: knowledge error: {message}\n")


def test_files_the_knowledge_does_not_name_are_never_read(knowledge_copy: Path, tmp_path: Path) -> None:
    os.mkfifo(knowledge_copy / "notes.md")  # reading either would hang
    os.mkfifo(knowledge_copy / ARTICLE.replace("article.txt", "draft.txt"))
    with (knowledge_copy / "video.bin").open("wb") as big:  # 500 MB, sparse: reading it would be slow
        big.truncate(500 * 1024 * 1024)
    cache = tmp_path / "cache"
    for _ in range(2):  # cold, then from the cache
        asked = dealbot("ask", "--knowledge", str(knowledge_copy), "who founded alibaba", cache=cache, timeout=30)
        assert (asked.returncode, asked.stderr) == (0, "")
        assert "Jack Ma" in asked.stdout
    assert dealbot("check", str(knowledge_copy), cache=cache, timeout=30).returncode == 0


@pytest.mark.parametrize("depth", [33, 198, 300, 999, 5000])
def test_deep_nesting_is_a_located_one_line_error(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str], depth: int
) -> None:
    (knowledge_copy / "zz.yaml").write_text("x: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    assert main(["check", str(knowledge_copy)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("zz.yaml:1: ")
    assert "nest" in err
    assert "Traceback" not in err
    assert main(["ask", "--knowledge", str(knowledge_copy), "who founded alibaba"]) == 2
    out, err = capsys.readouterr()
    assert (out, err.count("\n")) == ("", 1)


def test_deep_block_nesting_names_its_line(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [f"{'  ' * level}k{level}:" for level in range(40)]
    (knowledge_copy / "zz.yaml").write_text("\n".join(lines) + " end\n", encoding="utf-8")
    assert main(["check", str(knowledge_copy)]) == 2
    assert capsys.readouterr().err.startswith("zz.yaml:32: nested more than 32 levels deep")


# (file, old text, new text, expected message)
NUMBERS = [
    (FACTS, "percent: 24", "percent: .nan", "fact field 'percent' must be a finite number, found nan"),
    (FACTS, "percent: 24", "percent: .inf", "fact field 'percent' must be a finite number, found inf"),
    (FACTS, "percent: 24", "percent: -.inf", "fact field 'percent' must be a finite number, found -inf"),
    (FACTS, "percent: 24", "percent: 1" + "0" * 400, "fact field 'percent' must be a finite number"),
    (FACTS, "percent: 24", "percent: -24", "fact field 'percent' must be between 0 and 100, found -24"),
    (FACTS, "percent: 24", "percent: 124", "fact field 'percent' must be between 0 and 100, found 124"),
    (FACTS, "year: 1999", "year: .inf", "fact field 'year' must be a finite number, found inf"),
    (FACTS, "year: 1999", "year: 1999.5", "fact field 'year' must be a whole number, found 1999.5"),
    (AGGREGATES, "majority_threshold: 50", "majority_threshold: .nan", "'majority_threshold' must be a finite number"),
    (AGGREGATES, "majority_threshold: 50", "majority_threshold: 150", "'majority_threshold' must be between 0 and 100"),
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
    replace_in(knowledge_copy / FACTS, "percent: 48", "percent: 0")
    assert main(["check", str(knowledge_copy)]) == 0
    assert main(["ask", "--knowledge", str(knowledge_copy), "who has the largest stake"]) == 0
    assert "MegaFon" in capsys.readouterr().out


def test_a_knowledge_directory_whose_path_is_not_utf8(knowledge_copy: Path, tmp_path: Path) -> None:
    strange = Path(os.fsdecode(bytes(tmp_path) + b"/k\xff\xfe"))
    knowledge_copy.rename(strange)
    cache = tmp_path / "cache"
    for _ in range(2):  # cold, then from the cache
        asked = dealbot("ask", "--knowledge", str(strange), "who founded alibaba", cache=cache)
        assert (asked.returncode, asked.stderr) == (0, "")
        assert "Jack Ma" in asked.stdout
    checked = dealbot("check", str(strange), cache=cache)
    assert checked.returncode == 0
    assert checked.stdout.startswith(f"ok: {tmp_path}/k\\xff\\xfe\n")
    (strange / os.fsdecode(b"bad\xff.yaml")).write_bytes(b"- a list\n")  # a file name that is not UTF-8 either
    checked = dealbot("check", str(strange), cache=cache)
    assert checked.returncode == 2
    assert checked.stderr.startswith("bad\\xff.yaml:1: top level must be a mapping")
