"""Hostile input, broken knowledge, many threads, other hash seeds: same answers, no tracebacks."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bot
import bot.engine
from bot.answer.model import Answer
from bot.engine import MAX_QUESTION_CHARS, Bot
from bot.shell.cli import main
from tests.conftest import replace_in
from tests.test_loader import BROKEN, HOSTILE_FILES

QUESTIONS = [
    "how much does MegaFon own?",
    "who founded alibaba",
    "who ownes megafon??",
    "alibba stak",
    "what is pandoa",
    "who has the second largest stake?",
    "combined stake of mail.ru and megafon",
    "What happened in August?",
    "What is the capital of Russia?",
    "Who is the CEO of Alibaba?",
    "how much did they invest?",
    "",
]
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300)
WORDY_TEXT = st.lists(
    st.sampled_from(
        [
            "alibaba",
            "megafon",
            "who",
            "when",
            "stake",
            "founded",
            "and",
            "he",
            "it",
            "mail.ru",
            "?",
            "the",
            "rdif",
            "largest",
            "xyz",
            "owns",
            "🙂",
            "\u202e",
        ]
    ),
    max_size=30,
).map(" ".join)


@given(ANY_TEXT | WORDY_TEXT)
def test_property_any_text_gives_a_stable_answer(question: str) -> None:
    first = bot.ask(question)
    assert isinstance(first, Answer)
    assert 0.0 <= first.confidence <= 1.0
    assert first.to_dict() == bot.ask(question).to_dict()
    json.dumps(first.to_dict())


@given(st.lists(ANY_TEXT | WORDY_TEXT, max_size=8))
def test_property_any_conversation_is_safe(turns: list[str]) -> None:
    chat = bot.Conversation()
    for turn in turns:
        assert isinstance(chat.ask(turn), Answer)


def test_lone_surrogates_and_controls() -> None:
    for question in ("\ud800who founded alibaba", "who\x00founded\x1balibaba", "\udfff" * 50):
        assert isinstance(bot.ask(question), Answer)


def test_a_megabyte_question_is_declined_with_the_limit() -> None:
    answer = bot.ask("who founded alibaba " * 60_000)
    assert answer.answered is False
    assert f"under {MAX_QUESTION_CHARS}" in answer.text


def test_eight_threads_answer_as_one() -> None:
    serial = [bot.ask(q).to_dict() for q in QUESTIONS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(5):
            assert list(pool.map(lambda q: bot.ask(q).to_dict(), QUESTIONS)) == serial


def test_same_json_under_different_hash_seeds() -> None:
    script = "import bot, json, sys\nfor q in json.load(sys.stdin): print(json.dumps(bot.ask(q).to_dict()))"
    outputs = set()
    for seed in ("0", "1", "12345", "random"):
        result = subprocess.run(
            [sys.executable, "-c", script],
            input=json.dumps(QUESTIONS),
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


@pytest.mark.parametrize(("file", "old", "new", "fragment", "anchor"), BROKEN, ids=[b[3] or "syntax" for b in BROKEN])
def test_broken_knowledge_exits_2_from_check_and_ask(  # noqa: PLR0917 - one parameter per table column
    knowledge_copy: Path,
    capsys: pytest.CaptureFixture[str],
    file: str,
    old: str,
    new: str,
    fragment: str,
    anchor: str | None,
) -> None:
    replace_in(knowledge_copy / file, old, new)
    assert main(["check", str(knowledge_copy)]) == 2
    checked = capsys.readouterr().err
    assert fragment in checked
    assert "Traceback" not in checked
    assert main(["ask", "--knowledge", str(knowledge_copy), "who founded alibaba"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("dealbot: knowledge error: ")
    assert err.count("\n") == 1
    assert not (knowledge_copy / "pwned").exists()


@pytest.mark.parametrize(("content", "fragment"), HOSTILE_FILES)
def test_hostile_files_exit_2_from_check_and_ask(
    knowledge_copy: Path, capsys: pytest.CaptureFixture[str], content: bytes, fragment: str
) -> None:
    (knowledge_copy / "extra.yaml").write_bytes(content)
    assert main(["check", str(knowledge_copy)]) == 2
    assert "extra.yaml:" in capsys.readouterr().err
    assert main(["ask", "--knowledge", str(knowledge_copy), "who founded alibaba"]) == 2
    out, err = capsys.readouterr()
    assert (out, err.count("\n")) == ("", 1)
    assert fragment in err
    assert not (knowledge_copy / "pwned").exists()
    assert not Path("pwned").exists()


def test_billion_laughs_is_refused_quickly(knowledge_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    layers = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for depth in range(1, 9):
        previous = chr(ord("a") + depth - 1)
        name = chr(ord("a") + depth)
        layers.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    (knowledge_copy / "bomb.yaml").write_text("\n".join(layers) + "\n", encoding="utf-8")
    assert main(["check", str(knowledge_copy)]) == 2
    err = capsys.readouterr().err
    assert "bomb.yaml:" in err
    assert "aliases (*name) are not allowed" in err


# --- streams, locales, interrupts: a one-line message or a correct answer, never a traceback ---


def dealbot_sh(command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run a shell command line in which "$dealbot" is the command (`python -m bot`)."""
    environment = {**os.environ, **(env or {}), "dealbot": f"{sys.executable} -m bot"}
    return subprocess.run(["sh", "-c", command], capture_output=True, check=False, timeout=60, env=environment)


def test_closed_stdout_is_one_line_and_exit_2() -> None:
    result = dealbot_sh("$dealbot ask who founded alibaba >&-")
    assert result.returncode == 2
    assert result.stderr == b"dealbot: error: standard output is closed: give the answers somewhere to go (> file)\n"


def test_closed_stdin_is_one_line_and_exit_2() -> None:
    result = dealbot_sh("$dealbot <&-")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr == (
        b"dealbot: error: standard input is closed: pipe questions in, or ask one with 'dealbot ask QUESTION'\n"
    )


def test_closed_stdin_does_not_matter_to_ask_and_closed_stderr_is_quiet() -> None:
    result = dealbot_sh("$dealbot ask who founded alibaba <&- 2>&-")
    assert result.returncode == 0
    assert result.stdout.startswith(b"Alibaba was founded by tech billionaire Jack Ma")


NOT_UTF8 = [
    {"PYTHONIOENCODING": "latin-1"},
    {"PYTHONIOENCODING": "ascii"},
    {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
]


@pytest.mark.parametrize("env", NOT_UTF8, ids=["latin-1", "ascii", "C-locale"])
def test_a_locale_without_curly_quotes_gets_escapes(env: dict[str, str]) -> None:
    result = dealbot_sh("$dealbot ask what did usmanov say", env)
    assert (result.returncode, b"Traceback" in result.stderr) == (0, False), result.stderr
    assert b"a \\u201csignificant step for the digital transformation" in result.stdout


@pytest.mark.parametrize("env", NOT_UTF8, ids=["latin-1", "ascii", "C-locale"])
def test_json_stays_valid_json_on_any_locale(env: dict[str, str]) -> None:
    result = dealbot_sh("$dealbot ask --json what did usmanov say && echo what did usmanov say | $dealbot --json", env)
    assert result.returncode == 0, result.stderr
    for line in result.stdout.splitlines():
        assert line.isascii()
        assert "\u201csignificant step" in json.loads(line)["citations"][0]["sentence"]


@pytest.mark.parametrize("json_flag", ["", "--json"])
def test_a_question_argument_that_is_not_utf8_is_reported(json_flag: str) -> None:
    result = dealbot_sh(
        f"$dealbot ask {json_flag} \"who founded $(printf 'ali\\377baba')\"", {"PYTHONIOENCODING": "utf-8"}
    )
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr == (
        b"dealbot: error: the question is not valid UTF-8 (byte 0xff): set your terminal to UTF-8\n"
    )


def test_json_escapes_lone_surrogates_from_the_library() -> None:
    from bot.answer.render import render_json
    from bot.shell.streams import json_for

    line = json_for(sys.stdout, render_json(bot.ask("who founded \udcffalibaba")))
    assert "\\udcff" in line
    line.encode("utf-8")  # no lone surrogate left to fail on


INTERRUPTER = """
import sys
class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == sys.argv[1]:
            raise KeyboardInterrupt
sys.meta_path.insert(0, Interrupt())
from bot.shell.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize(
    ("module", "command"),
    [
        ("argparse", "ask"),
        ("bot.shell.streams", "ask"),
        ("bot.engine", "ask"),
        ("bot.knowledge.cache", "ask"),
        ("bot.answer.render", "ask"),
        ("yaml", "check"),
        ("bot.shell.session", "--json"),
    ],
)
def test_ctrl_c_while_modules_are_still_importing_exits_130(module: str, command: str) -> None:
    """Ctrl-C in the first 50 ms lands in an import: simulated by an import that raises KeyboardInterrupt."""
    argv = {"ask": ["ask", "who founded alibaba"], "check": ["check"], "--json": ["--json"]}[command]
    result = subprocess.run(
        [sys.executable, "-c", INTERRUPTER, module, *argv],
        input=b"who founded alibaba\n",
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (130, b"", b"dealbot: interrupted\n")


def test_importing_the_command_line_imports_nothing_heavy() -> None:
    code = "import sys; import bot.shell.cli; print(sorted(m for m in sys.modules if m.startswith('bot')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "['bot', 'bot.shell', 'bot.shell.cli']"


# --- recordings never destroy anything ---

TRANSCRIPT_HEADER = "# dealbot transcript: '> ' lines are questions, the lines under them the expected answer.\n\n"


def record(path: Path, *questions: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Pipe questions into `dealbot --record path`."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "--record", str(path)],
        input="".join(f"{question}\n" for question in questions).encode(),
        capture_output=True,
        check=False,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def replays_cleanly(path: Path) -> list[str]:
    """The questions of a transcript file, after checking that it parses and every turn replays unchanged."""
    from bot.shell.replay import replay
    from bot.shell.transcript import parse_transcript

    transcript = parse_transcript(path.read_text(encoding="utf-8"), path.name)
    assert all(result.matches for result in replay(transcript, bot.engine.bundled()))
    return [turn.question for turn in transcript.turns]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"my notes\n", "notes.txt:1: expected '> question' or '# comment', found 'my notes'"),
        (b"# a comment\n\xff\xfe\n", "notes.txt:2: not UTF-8 text"),
        (b"> q\nanswer\n# stray\n", "notes.txt:3: end the answer above with a blank line first"),
    ],
    ids=["notes", "binary", "broken-transcript"],
)
def test_recording_onto_a_file_that_is_not_a_transcript_is_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(content)
    result = record(notes, "who founded alibaba")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode() == (
        f"dealbot: error: cannot record to {notes}: it holds something other than a dealbot transcript "
        f"({reason}): record to a new file\n"
    )
    assert notes.read_bytes() == content


def test_recording_onto_a_pipe_is_refused_without_hanging(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    result = record(pipe, "who founded alibaba")
    assert result.returncode == 2
    assert result.stderr.decode() == f"dealbot: error: cannot record to {pipe}: not a regular file\n"


@pytest.mark.parametrize("ending", ["\n\n", "\n", ""], ids=["blank-line", "newline", "no-newline"])
def test_recording_again_onto_a_transcript_starts_a_separate_session(tmp_path: Path, ending: str) -> None:
    path = tmp_path / "t.txt"
    assert record(path, "who founded alibaba", "when?").returncode == 0
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + ending, encoding="utf-8")
    assert record(path, "when?", "how much does megafon own").returncode == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith(TRANSCRIPT_HEADER)
    separator = "(aliexpress-russia)\n\n# A new session: /reset forgets the conversation above.\n"
    assert separator + "> /reset\nContext forgotten.\n\n> when?\n" in text
    assert replays_cleanly(path) == ["who founded alibaba", "when?", "/reset", "when?", "how much does megafon own"]


def test_a_full_disk_names_the_recording_and_keeps_the_turns_before(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    limit = "import resource, signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
    limit += "resource.setrlimit(resource.RLIMIT_FSIZE, (1500, 1500))"  # room for the header and a few turns
    script = f"{limit}\nimport sys\nfrom bot.shell.cli import main\nsys.exit(main(sys.argv[1:]))"
    result = subprocess.run(
        [sys.executable, "-c", script, "--record", str(path)],
        input=b"who founded alibaba\nwhen?\nhow much does megafon own\nand mail.ru?\nwho is usmanov\n" * 3,
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    kept = replays_cleanly(path)
    assert 0 < len(kept) < 15
    assert result.stderr.decode() == (
        f"dealbot: error: cannot write to the recording {path}: File too large; "
        f"the {len(kept)} turn(s) before it are kept\n"
    )
    assert path.read_text(encoding="utf-8").endswith("\n\n")


def test_a_failing_write_is_cut_back_to_the_last_whole_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dealbot: bot.Bot
) -> None:
    import errno

    from bot.errors import RecordingError
    from bot.shell.recording import Recorder

    path = tmp_path / "t.txt"
    recorder = Recorder(path)
    chat = dealbot.conversation()
    recorder.record(chat.ask("who founded alibaba"))
    real_write = os.write

    def half_then_full(descriptor: int, data: bytes | memoryview) -> int:
        if os.path.samestat(os.fstat(descriptor), path.stat()):
            if len(data) > 10:
                return real_write(descriptor, bytes(data)[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(descriptor, data)

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(RecordingError, match=r"No space left on device; the 1 turn\(s\) before it are kept"):
        recorder.record(chat.ask("when?"))
    monkeypatch.undo()
    recorder.close()
    assert replays_cleanly(path) == ["who founded alibaba"]


def test_a_history_file_that_is_a_symlink_is_not_followed(tmp_path: Path) -> None:
    from prompt_toolkit.history import InMemoryHistory

    from bot.shell.repl import open_history

    target = tmp_path / "precious.txt"
    target.write_text("keep me\n", encoding="utf-8")
    os.chmod(target, 0o644)
    link = tmp_path / "state" / "dealbot" / "history"
    link.parent.mkdir(parents=True)
    link.symlink_to(target)
    warnings: list[str] = []
    assert isinstance(open_history(link, warnings.append), InMemoryHistory)
    assert warnings == [f"history not saved ({link} is a symbolic link); keeping it in memory"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_the_chat_records_reset_and_refuses_notes(dealbot: bot.Bot, tmp_path: Path) -> None:
    from tests.test_repl import CTRL_D, chat

    notes, target = tmp_path / "notes.txt", tmp_path / "t.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    keys = f"/record {notes}\r/record {target}\rwho founded alibaba\r/reset\rwhen?\r/stop\r" + CTRL_D
    _, printed = chat(dealbot, keys)
    assert f"Cannot record to {notes}: it holds something other than a dealbot transcript" in printed
    assert notes.read_text(encoding="utf-8") == "my notes\n"
    assert replays_cleanly(target) == ["who founded alibaba", "/reset", "when?"]


def test_a_piped_question_reset_is_recorded_and_replayed_as_a_question(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    assert record(path, "who founded alibaba", "/reset", "when?").returncode == 0
    assert replays_cleanly(path) == ["who founded alibaba", "/reset", "when?"]


@pytest.mark.parametrize("command", ["eval", "transcripts"])
def test_question_and_transcript_files_that_are_pipes_are_refused(tmp_path: Path, command: str) -> None:
    pipe = tmp_path / "q.yaml" if command == "eval" else tmp_path / "t.txt"
    os.mkfifo(pipe)
    argv = ["eval", str(pipe)] if command == "eval" else ["transcripts", "coverage", str(tmp_path)]
    result = subprocess.run([sys.executable, "-m", "bot", *argv], capture_output=True, check=False, timeout=30)
    assert result.returncode == 2
    assert (
        result.stderr.decode()
        == f"dealbot: error: {pipe}: not a regular file (a named pipe): replace it with a plain file\n"
    )


def test_a_missing_transcript_directory_is_not_an_output_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["transcripts", "coverage", "/nonexistent"]) == 2
    assert capsys.readouterr().err == "dealbot: error: no transcripts in /nonexistent (pass a directory)\n"


def test_a_long_question_of_known_names_stays_bounded(dealbot: Bot) -> None:
    """Placements multiply per entity: a long question must not try every combination of every name."""
    from bot.understand.focus import question_form
    from bot.understand.mentions import find_mentions
    from bot.understand.normalize import tokenize
    from bot.understand.readings import Context, _drafts
    from bot.understand.readings.question import MAX_ENTITIES, prepare

    graph, lexicon = dealbot.index.graph, dealbot.index.lexicon
    text = ("Alibaba MegaFon Mail.ru RDIF Jack Ma own stake founded said " * 30)[:1990]
    found = find_mentions(tokenize(text, lexicon.rewrites, lexicon.symbols), lexicon)
    question = prepare(found, question_form(found, graph.focus, lexicon.grammar), Context(), graph, lexicon.grammar)
    assert len(question.entities) <= MAX_ENTITIES
    assert len({e.target for e in question.entities}) == len(question.entities)
    assert len(_drafts(question)) < 20_000
    assert dealbot.ask(text).text  # and it answers or declines
