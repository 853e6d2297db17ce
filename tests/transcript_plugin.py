"""pytest plugin: every transcripts/*.txt is its own test; `--update-transcripts` re-records them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.engine import bundled
from bot.shell.replay import replay, rerecorded
from bot.shell.transcript import format_transcript, parse_transcript

TRANSCRIPT_DIR_NAME = "transcripts"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-transcripts",
        action="store_true",
        help="re-record the expected answers of the selected transcripts in place",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".txt" and file_path.parent.name == TRANSCRIPT_DIR_NAME:
        return TranscriptFile.from_parent(parent, path=file_path)
    return None


class TranscriptFile(pytest.File):
    """One transcript file, collected as one test named after it."""

    def collect(self) -> Iterator[pytest.Item]:
        yield TranscriptItem.from_parent(self, name=self.path.stem)


class TranscriptMismatch(Exception):
    """Raised with the unified diffs of the turns that changed."""


class TranscriptItem(pytest.Item):
    """Replays a transcript through a fresh conversation on the bundled knowledge."""

    def runtest(self) -> None:
        text = self.path.read_text(encoding="utf-8")
        transcript = parse_transcript(text, self.path.name)
        assert transcript.turns, f"{self.path.name} has no turns"
        results = replay(transcript, bundled())
        if self.config.getoption("--update-transcripts"):
            updated = format_transcript(rerecorded(transcript, results))
            if updated != text:
                self.path.write_text(updated, encoding="utf-8")
            return
        diffs = [result.diff(self.path.name) for result in results if not result.matches]
        if diffs:
            raise TranscriptMismatch("\n".join(diffs))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: object = None) -> str:
        if isinstance(excinfo.value, TranscriptMismatch):
            return f"transcript changed (re-record with: pytest {self.path.name} --update-transcripts)\n{excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"transcript {self.path.name}"
