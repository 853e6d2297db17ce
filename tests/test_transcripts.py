"""Transcripts: the format round-trips, recording is incremental, replay shows a diff, update restores."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.engine import Bot, bundled
from bot.shell.recording import Recorder
from bot.shell.replay import replay
from bot.shell.transcript import TranscriptError, format_transcript, parse_transcript

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "transcripts" / "follow-ups.txt"


def test_format_round_trips_with_comments() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    transcript = parse_transcript(text)
    assert transcript.turns[0].comments
    assert format_transcript(transcript) == text


def test_comment_inside_an_answer_is_an_error() -> None:
    with pytest.raises(TranscriptError, match=":3:"):
        parse_transcript("> q\nanswer line\n# not here\n")
    with pytest.raises(TranscriptError, match=":1:"):
        parse_transcript("stray text\n")


def test_recorder_writes_each_turn_as_it_happens(tmp_path: Path, dealbot: Bot) -> None:
    path = tmp_path / "t.txt"
    recorder = Recorder(path)
    chat = dealbot.conversation()
    recorder.record(chat.ask("how much does MegaFon own?"))
    assert "> how much does MegaFon own?" in path.read_text(encoding="utf-8")
    recorder.record(chat.ask("and Mail.ru?"))
    recorder.close()
    turns = parse_transcript(path.read_text(encoding="utf-8")).turns
    assert [t.question for t in turns] == ["how much does MegaFon own?", "and Mail.ru?"]
    assert all(r.matches for r in replay(parse_transcript(path.read_text(encoding="utf-8")), dealbot))


def test_recording_into_a_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="does not exist"):
        Recorder(tmp_path / "missing" / "t.txt")


def test_replay_reports_a_changed_answer_as_a_diff() -> None:
    transcript = parse_transcript(SAMPLE.read_text(encoding="utf-8").replace("Kirill Dmitriyev", "Kirill Ivanov"))
    changed = [r for r in replay(transcript, bundled()) if not r.matches]
    assert changed
    diff = changed[0].diff("follow-ups.txt")
    assert "-Kirill Ivanov" in diff
    assert "+Kirill Dmitriyev" in diff


def _pytest(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.transcript_plugin", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)


def test_pytest_fails_on_a_change_and_update_puts_it_back(tmp_path: Path) -> None:
    folder = tmp_path / "transcripts"
    folder.mkdir()
    copy = folder / "follow-ups.txt"
    shutil.copy(SAMPLE, copy)
    original = copy.read_text(encoding="utf-8")
    copy.write_text(original.replace("Kirill Dmitriyev", "Kirill Ivanov"), encoding="utf-8")
    failed = _pytest(str(copy))
    assert failed.returncode == 1
    assert "-Kirill Ivanov" in failed.stdout
    assert "+Kirill Dmitriyev" in failed.stdout
    assert _pytest(str(copy), "--update-transcripts").returncode == 0
    assert copy.read_text(encoding="utf-8") == original
    assert _pytest(str(copy)).returncode == 0
