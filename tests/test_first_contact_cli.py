"""First contact on the command line (issue 11): a question without `ask`, misspelt commands, small talk,
`--json --explain`, eval reasons, piped transcripts, wrapping to the terminal and the missing-input error."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from bot.engine import Bot
from bot.shell.cli import main
from bot.shell.replay import replay
from bot.shell.transcript import parse_transcript
from tests.test_cli import run

ROOT = Path(__file__).resolve().parent.parent
ANSWER_KEYS = ["question", "answered", "answer", "citations", "intent", "confidence"]


def outputs(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line in-process: exit code, stdout, stderr."""
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# A question without `ask`


@pytest.mark.parametrize(
    "argv",
    [
        ["who", "founded", "alibaba"],
        ["who founded alibaba"],
        ["--json", "who", "founded", "alibaba"],
        ["--knowledge", str(ROOT / "knowledge"), "who", "founded", "alibaba"],
        ["--knowledge=" + str(ROOT / "knowledge"), "who founded alibaba", "--json"],
    ],
)
def test_a_question_without_ask_is_answered_as_ask_would(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    position = next(i for i, word in enumerate(argv) if word.startswith("who"))
    expected = outputs([*argv[:position], "ask", *argv[position:]], capsys)
    assert expected[0] == 0
    assert "Jack Ma" in expected[1]
    assert outputs(argv, capsys) == expected


def test_a_declined_question_without_ask_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = outputs(["frobnicate", "the", "widgets"], capsys)
    assert (code, err) == (1, "")
    assert out.startswith("The article doesn't mention")


def test_the_real_command_takes_a_question_without_ask() -> None:
    result = run("who", "founded", "alibaba")
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode().startswith("Alibaba was founded by tech billionaire Jack Ma in 1999.\n")


@pytest.mark.parametrize(
    ("argv", "meant"),
    [(["chek"], "check"), (["evl", "questions.yaml"], "eval"), (["aks", "who", "founded"], "ask"),
     (["transcript", "coverage"], "transcripts"), (["Cehck"], "check"), (["--json", "evall", "f.yaml"], "eval")],
)  # fmt: skip
def test_a_misspelt_command_gets_a_suggestion(argv: list[str], meant: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = outputs(argv, capsys)
    word = next(w for w in argv if not w.startswith("-"))
    assert (code, out) == (2, "")
    assert err == (
        f"dealbot: error: unknown command '{word}': did you mean '{meant}'? "
        "(to ask a question, start it with 'dealbot ask')\n"
    )


@pytest.mark.parametrize(
    "question", ["has megafon a stake", "as of now who owns aliexpress russia", "evaluate the deal", "chess"]
)
def test_words_further_from_a_command_are_questions(question: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = outputs(question.split(), capsys)
    assert (code in (0, 1), err) == (True, "")
    assert out == outputs(["ask", question], capsys)[1]


def test_help_documents_the_question_without_ask() -> None:
    helped = run("--help").stdout.decode()
    assert "dealbot who founded alibaba           the same as: dealbot ask who founded alibaba" in helped
    assert "when the first word is not a command" in helped
    assert "[COMMAND ... | QUESTION ...]" in helped


# Small talk


@pytest.mark.parametrize("question", ["hi", "thanks!", "help", "what can you do?", "Hello there"])
def test_small_talk_is_a_friendly_reply_not_an_answer(question: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = outputs(["--json", "ask", question], capsys)
    data = json.loads(out)
    assert (code, err, data["answered"], data["citations"]) == (1, "", False, [])
    assert "Sorry" not in data["answer"]
    assert '"how much does MegaFon own?", "who founded alibaba"' in data["answer"]  # example questions


def test_help_without_ask_says_what_the_bot_covers(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = outputs(["help"], capsys)
    assert code == 1
    assert out.startswith('I answer questions about the article "Alibaba, Russian Tech Firm Mail.ru')
    assert "Try:" in out


# --json --explain, and arguments a command does not take


def test_json_explain_adds_an_explanation_object(capsys: pytest.CaptureFixture[str], dealbot: Bot) -> None:
    code, out, _ = outputs(["ask", "--json", "--explain", "who founded alibaba"], capsys)
    data = json.loads(out)
    assert code == 0
    assert list(data) == [*ANSWER_KEYS, "explanation"]
    assert data["explanation"] == json.loads(json.dumps(dealbot.ask("who founded alibaba").explanation.to_dict()))
    assert data["explanation"]["reading"] == "found(?, alibaba)"


def test_plain_json_keeps_its_keys(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = outputs(["ask", "--json", "who founded alibaba"], capsys)
    assert list(json.loads(out)) == ANSWER_KEYS


def test_global_json_with_explain_and_without_ask(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = outputs(["--json", "who", "founded", "alibaba", "--explain"], capsys)
    assert json.loads(out)["explanation"]["focus"] == "who"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--record", "t.txt", "who founded alibaba"], "--record records the chat or piped questions, not 'ask'"),
        (["--record", "t.txt", "eval", "f.yaml"], "--record records the chat or piped questions, not 'eval'"),
        (["--json", "transcripts", "coverage"], "'transcripts' has no --json output"),
        (["check", "a", "b"], "unrecognized arguments: b"),
    ],
)
def test_options_a_command_does_not_take_are_usage_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = outputs(argv, capsys)
    assert (code, out) == (2, "")
    assert err == f"dealbot: error: {message} (see 'dealbot --help')\n"
    assert not (tmp_path / "t.txt").exists()


# eval says why


CASES = """\
- {id: good, q: 'who founded alibaba', expect: answer, must_include: ['Jack Ma'], cite: '1999'}
- {id: alternatives, q: 'who founded alibaba', expect: answer, must_include: ['Jack Ma', [Bill Gates, Gates]]}
- {id: cite, q: 'who founded alibaba', expect: answer, cite: 'MegaFon'}
- {id: decline, q: 'how much does megafon own', expect: refuse}
- {id: miss, q: 'who founded mail.ru', expect: answer}
"""


def test_eval_failures_say_why_and_empty_sections_are_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(CASES, encoding="utf-8")
    code, out, err = outputs(["eval", str(cases)], capsys)
    assert (code, err) == (1, "")
    assert "per tag" not in out  # no case has tags
    failing = out.split("failing cases:\n")[1]
    assert failing.startswith("  alternatives [wrong] who founded alibaba\n")
    assert '      why: must_include: none of "Bill Gates", "Gates" in the answer\n' in failing
    assert '      why: cite: "MegaFon" not among the citations\n' in failing
    assert "      why: answered where a decline was expected\n" in failing
    assert "      why: declined where an answer was expected" in failing
    assert "good [" not in failing
    assert failing.count("why:") == 4


def test_eval_json_is_one_object_with_the_same_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(CASES, encoding="utf-8")
    code, out, _ = outputs(["eval", "--json", str(cases)], capsys)
    data = json.loads(out)
    assert code == 1
    assert out.count("\n") == 1
    assert (data["total"], data["passed"], data["wrong"], data["wrong_on_refuse"], data["misses"]) == (5, 1, 3, 1, 1)
    assert data["per_tag"] == {}
    reasons = {case["id"]: case["reasons"] for case in data["failing"]}
    assert reasons["alternatives"] == [
        {
            "kind": "must_include",
            "expected": ["Bill Gates", "Gates"],
            "message": 'must_include: none of "Bill Gates", "Gates" in the answer',
        }
    ]
    assert reasons["cite"][0]["expected"] == ["MegaFon"]
    assert reasons["decline"][0]["kind"] == "answered"
    assert reasons["miss"][0]["kind"] == "declined"


def test_eval_with_every_case_passing_prints_no_failing_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = tmp_path / "cases.yaml"
    cases.write_text(CASES.splitlines()[0] + " \n", encoding="utf-8")
    code, out, _ = outputs(["eval", str(cases)], capsys)
    assert code == 0
    assert out == "accuracy: 1/1 = 1.000\nwrong answers: 0 (on refuse cases: 0)   misses: 0\n"


# Piped text is a transcript


def test_piped_text_shows_each_question_and_keeps_blank_lines() -> None:
    result = run(stdin=b"who founded alibaba\n\nin which year?\n")
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "> who founded alibaba"
    assert lines[1].startswith("Alibaba was founded")
    assert lines[3:6] == ["", "", "> in which year?"]


def test_a_piped_session_saved_to_a_file_replays_as_a_transcript(dealbot: Bot) -> None:
    questions = b"how much does MegaFon own?\nand mail.ru?\n\nhi\nwho founded alibaba\nwhen?\nthe weather?\n"
    saved = run(stdin=questions).stdout.decode()
    transcript = parse_transcript(saved, "piped")
    assert [turn.question for turn in transcript.turns] == [line for line in questions.decode().splitlines() if line]
    assert all(result.matches for result in replay(transcript, dealbot))


def test_piped_json_lines_are_unchanged() -> None:
    result = run("--json", stdin=b"who founded alibaba\n\nwhen?\n")
    lines = result.stdout.decode().splitlines()
    assert [list(json.loads(line)) for line in lines] == [ANSWER_KEYS, ANSWER_KEYS]


# Wrapping to the terminal


def in_terminal(*args: str, columns: int, stdin: bytes | None = None) -> str:
    """Run dealbot with its output on a pseudo-terminal of the given width; what it printed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    environment = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    with subprocess.Popen(
        [sys.executable, "-m", "bot", *args],
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env={**environment, "NO_COLOR": "1"},
        cwd="/",
    ) as process:
        os.close(follower)
        if process.stdin is not None:
            process.stdin.write(stdin or b"")
            process.stdin.close()
        printed = b""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # read as it comes: a long output never fills the terminal
            if not select.select([leader], [], [], 0.2)[0]:
                continue
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child has exited and closed the terminal
                break
            if not chunk:
                break
            printed += chunk
        process.wait(timeout=5)
    os.close(leader)
    return printed.decode().replace("\r\n", "\n")


QUESTION = "where was the deal announced"


def test_answers_and_citations_wrap_by_words_to_the_terminal(dealbot: Bot) -> None:
    from bot.answer.render import render_answer

    whole = render_answer(dealbot.ask(QUESTION))
    assert any(len(line) > 40 for line in whole.splitlines())
    printed = in_terminal("ask", QUESTION, columns=40)
    assert max(len(line) for line in printed.splitlines()) <= 40
    assert printed.split() == whole.split()  # the same words, none cut in two
    assert "  [1] " in printed
    assert "\n      " in printed  # a citation's continuation lines are indented under its text


def test_piped_questions_wrap_on_a_terminal_too(dealbot: Bot) -> None:
    printed = in_terminal(columns=50, stdin=f"{QUESTION}\n".encode())
    assert max(len(line) for line in printed.splitlines()) <= 50
    assert printed.splitlines()[0] == f"> {QUESTION}"


def test_output_to_a_pipe_is_never_wrapped() -> None:
    result = run("ask", QUESTION, env={"COLUMNS": "40"})
    assert any(len(line) > 40 for line in result.stdout.decode().splitlines())


# Errors name the real problem


def test_coverage_outside_a_checkout_names_the_missing_transcripts() -> None:
    result = run("transcripts", "coverage")  # run from /, where there is no transcripts/ directory
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == "dealbot: error: no transcripts in transcripts (pass a directory)\n"


def test_coverage_of_a_directory_without_transcripts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = outputs(["transcripts", "coverage", str(tmp_path)], capsys)
    assert (code, out) == (2, "")
    assert err == f"dealbot: error: no transcripts in {tmp_path} (pass a directory)\n"
