"""The one exception broken input raises, naming file, line and problem."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with a knowledge file."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


class RecordingError(Exception):
    """The transcript file cannot be opened for recording."""


class InputFileError(ValueError):
    """A question or transcript file that does not follow its format; the message names the place."""


class KnowledgeError(Exception):
    """A knowledge directory that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @property
    def first_line(self) -> str:
        """One line for a one-line error message: the first problem and how many more."""
        more = len(self.problems) - 1
        return str(self.problems[0]) + (f" (and {more} more; run 'dealbot check')" if more else "")
