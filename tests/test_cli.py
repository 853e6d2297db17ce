"""The command line: exit codes, streams, piped mode, JSON Lines, and hostile environments."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import bot
from bot.shell.cli import main
from tests.conftest import FACTS, replace_in

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run `python -m bot` in a child process, from a directory that is not the checkout."""
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=60,
        cwd="/",
        env=environment,
    )


@pytest.mark.parametrize(
    ("question", "code", "start"),
    [
        (
            "how much does MegaFon own?",
            0,
            'MegaFon will own 24 percent of AliExpress Russia.\n  [1] "It will be 48 percent',
        ),
        ("who founded Mail.ru?", 1, "The article doesn't say who founded Mail.ru."),
    ],
)
def test_ask_exit_code_and_output(question: str, code: int, start: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", question]) == code
    out, err = capsys.readouterr()
    assert out.startswith(start)
    assert err == ""


def test_ask_without_quotes_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "who", "founded", "alibaba"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["question"] == "who founded alibaba"
    assert "Jack Ma" in data["answer"]


def test_json_before_the_command_also_works(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", "ask", "who founded alibaba"]) == 0
    assert json.loads(capsys.readouterr().out)["answered"] is True


def test_explain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--explain", "alibba stak"]) == 0
    out = capsys.readouterr().out
    assert "question:   alibba stak" in out
    assert "alibaba (0.92)" in out
    assert "reading:    own(alibaba, _) ? percent" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["ask", ""],
        ["ask", "   "],
        ["--bogus"],
        ["ask"],
        ["chek"],
        ["--record", "t.txt", "ask", "hi"],
        ["--json", "check"],
        ["check", "--json"],
    ],
)
def test_usage_errors_exit_2_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("dealbot: error:")


def test_broken_knowledge_exits_2_without_traceback(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replace_in(knowledge_copy / FACTS, "subject: megafon\n", "subject: megafone\n")
    assert main(["ask", "--knowledge", str(knowledge_copy), "who founded alibaba"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"dealbot: knowledge error: {FACTS}:")
    assert "Traceback" not in err
    assert main(["check", str(knowledge_copy)]) == 2
    assert "unknown entity 'megafone'" in capsys.readouterr().err


def test_check_prints_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    for label in (
        "sources: 1",
        "entities:",
        "types:",
        "relations:",
        "facts:",
        "every one reachable",
        "cited sentences:",
    ):
        assert label in out


def test_eval_reports_accuracy_and_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "- {id: a, q: 'who founded alibaba', expect: answer, must_include: ['Jack Ma'], cite: '1999', tags: [x]}\n"
        "- {id: b, q: 'who founded mail.ru', expect: answer, must_include: ['x'], tags: [x]}\n"
        "- {id: c, q: 'how much does megafon own', expect: refuse, tags: [y]}\n",
        encoding="utf-8",
    )
    assert main(["eval", str(cases)]) == 1
    out = capsys.readouterr().out
    assert "accuracy: 1/3 = 0.333" in out
    assert "wrong answers: 1 (on refuse cases: 1)   misses: 1" in out
    assert "b [miss]" in out
    assert "c [wrong]" in out
    assert "why: declined where an answer was expected" in out
    assert "why: answered where a decline was expected" in out


def test_eval_rejects_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {q: no id}\n", encoding="utf-8")
    assert main(["eval", str(bad)]) == 2
    assert "case 1" in capsys.readouterr().err


def test_version_and_help() -> None:
    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.decode() == f"dealbot {bot.__version__}\n"
    helped = run("--help")
    assert helped.returncode == 0
    assert b"examples:" in helped.stdout
    assert b"exit codes:" in helped.stdout


def test_piped_questions_are_one_conversation() -> None:
    result = run(stdin=b"who founded alibaba\nin which year?\n")
    assert result.returncode == 0
    blocks = result.stdout.decode().split("\n\n")
    assert blocks[0].startswith("> who founded alibaba\n")
    assert "Jack Ma" in blocks[0]
    assert blocks[1].startswith("> in which year?\n")
    assert "1999" in blocks[1]
    assert result.stderr == b""


def test_piped_json_lines_and_bad_utf8() -> None:
    result = run("--json", stdin=b"how much does megafon own\n\xff\xfe\n\nand mail.ru?\n")
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [line["answered"] for line in lines] == [True, True]
    assert "15 percent" in lines[1]["answer"]
    assert result.stderr.decode() == "dealbot: line 2: not valid UTF-8, skipped\n"
    assert result.returncode == 0


def test_empty_stdin_exits_at_once() -> None:
    result = run(stdin=b"")
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")


def test_piped_mode_never_imports_prompt_toolkit() -> None:
    code = "import sys, io; from bot.shell.cli import main; main(['ask', 'hi']); print('prompt_toolkit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False, text=True, timeout=60)
    assert result.stdout.strip().endswith("False")


def test_full_disk_is_a_message_not_a_traceback() -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "bot", "ask", "who founded alibaba"],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr.decode().startswith("dealbot: error: cannot write output")
    assert b"Traceback" not in result.stderr


def test_closed_stdout_is_quiet() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "--json"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    assert process.stdin is not None
    process.stdout.close()
    _, err = process.communicate(b"who founded alibaba\n" * 200, timeout=60)
    assert process.returncode != 0
    assert b"Traceback" not in err


def test_recording_to_a_missing_directory_exits_2() -> None:
    result = run("--record", "/nonexistent/dir/t.txt", stdin=b"who founded alibaba\n")
    assert result.returncode == 2
    assert (
        result.stderr.decode() == "dealbot: error: cannot record to /nonexistent/dir/t.txt: the directory "
        "/nonexistent/dir does not exist\n"
    )


def test_sigint_exits_130_without_traceback() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdin is not None
    assert process.stdout is not None
    process.stdin.write(b"who founded alibaba\n")
    process.stdin.flush()
    process.stdout.readline()  # the bot is up and waiting for more input
    time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"Traceback" not in err


def test_the_chat_commands_work_in_a_pipe() -> None:
    result = run(stdin=b"who founded alibaba\n/explain\n/reset\nwhen?\n/record x.txt\n/quit\nwho owns vk\n")
    out = result.stdout.decode()
    assert result.returncode == 0
    assert "> /explain\nquestion:   who founded alibaba" in out  # the last answer, explained
    assert "> /reset\nContext forgotten.\n" in out
    assert "> when?\nSorry" in out  # the context is gone
    assert "VK" not in out  # /quit stopped reading
    assert "/record works only in the chat" in result.stderr.decode()


def test_a_piped_command_in_json_lines_is_one_object() -> None:
    result = run("--json", stdin=b"/reset\n")
    assert json.loads(result.stdout.decode()) == {"command": "/reset", "text": "Context forgotten."}


def test_a_tag_yaml_reads_as_true_or_false_is_a_label(tmp_path: Path) -> None:
    questions = tmp_path / "q.yaml"
    questions.write_text(
        '- {id: a, q: "who founded alibaba", expect: answer, must_include: ["Jack Ma"], tags: [yes-no, true]}\n',
        encoding="utf-8",
    )
    result = run("eval", "--json", str(questions))
    assert result.returncode == 0, result.stderr.decode()
    assert "true" in json.loads(result.stdout.decode())["per_tag"]


def test_a_bare_yes_or_no_in_must_include_is_the_word_a_yes_no_answer_opens_with(tmp_path: Path) -> None:
    questions = tmp_path / "q.yaml"
    questions.write_text(
        '- {id: a, q: "did jack ma found alibaba?", expect: answer, must_include: [[yes]]}\n'
        '- {id: b, q: "is mail.ru chinese?", expect: answer, must_include: [no]}\n',
        encoding="utf-8",
    )
    result = run("eval", "--json", str(questions))
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout.decode())
    assert (report["total"], report["passed"]) == (2, 2)
