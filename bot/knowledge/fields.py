"""Typed access to the fields of one YAML mapping, collecting problems instead of raising."""

from __future__ import annotations

import datetime
import math
from collections.abc import Collection, Iterable
from typing import Any

from bot.errors import Problem
from bot.knowledge.files import LineDict, LineList


def describe_type(value: object) -> str:
    """Name a YAML value's type the way a person editing the file would understand it."""
    if isinstance(value, bool):
        return "true/false (YAML reads unquoted yes/no/on/off as booleans: put it in quotes)"
    if isinstance(value, datetime.date):
        return "a date (put it in quotes)"
    if value is None:
        return "nothing"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "text"


def finite_number(value: float) -> float | None:
    """The value as a float, or None for nan, infinities and integers too large for a float."""
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def in_range(number: float, minimum: float | None, maximum: float | None) -> bool:
    """Whether a number lies within the bounds given (None: unbounded on that side)."""
    return (minimum is None or number >= minimum) and (maximum is None or number <= maximum)


def describe_range(minimum: float | None, maximum: float | None) -> str:
    """Say which numbers are allowed: "between 0 and 100", "at least 0", "at most 5"."""
    if minimum is not None and maximum is not None:
        return f"between {minimum:g} and {maximum:g}"
    if minimum is not None:
        return f"at least {minimum:g}"
    return f"at most {maximum:g}" if maximum is not None else "a number"


class Fields:
    """Reads fields of one mapping; every problem is appended to a shared list."""

    def __init__(self, problems: list[Problem], file: str, data: Any, what: str) -> None:
        self.problems = problems
        self.file = file
        self.what = what
        self.ok = isinstance(data, LineDict)
        self.data: LineDict = data if isinstance(data, LineDict) else LineDict()
        self.line = getattr(data, "line", 0)
        if not self.ok:
            self.problem(self.line, f"each {what} must be a mapping, found {describe_type(data)}")

    def problem(self, line: int, message: str) -> None:
        """Record one problem at a line of this file."""
        self.problems.append(Problem(self.file, line, message))

    def where(self, key: str) -> int:
        """The line of a key, or of the mapping."""
        return self.data.line_of(key) if self.ok else self.line

    def only(self, *allowed: str) -> None:
        """Report keys this kind of record does not know (usually typos)."""
        for key in self.data:
            if key not in allowed:
                self.problem(self.where(key), f"unknown field {key!r} in {self.what} (allowed: {', '.join(allowed)})")

    def _get(self, key: str, required: bool) -> Any:
        if key not in self.data:
            if required and self.ok:
                ident = self.data.get("id")
                named = f"{self.what} {ident!r}" if isinstance(ident, str) else self.what
                self.problem(self.line, f"{named} is missing the field {key!r}")
            return None
        return self.data[key]

    def text(self, key: str, *, required: bool = True) -> str | None:
        """A non-empty text field."""
        value = self._get(key, required)
        if value is None and key not in self.data:
            return None
        if not isinstance(value, str) or not value.strip():
            shown = "empty text" if isinstance(value, str) else describe_type(value)
            self.problem(self.where(key), f"{self.what} field {key!r} must be text, found {shown}")
            return None
        return value

    def texts(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        """A list of text (a single text is accepted as a list of one)."""
        value = self._get(key, required)
        if value is None and key not in self.data:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(
                self.where(key), f"{self.what} field {key!r} must be a list of text, found {describe_type(value)}"
            )
            return ()
        result: list[str] = []
        for item in value:
            if isinstance(item, str) and item.strip():
                result.append(item)
            else:
                self.problem(
                    self.where(key), f"{self.what} field {key!r} must hold only text, found {describe_type(item)}"
                )
        return tuple(result)

    def number(
        self,
        key: str,
        *,
        required: bool = False,
        minimum: float | None = None,
        maximum: float | None = None,
        whole: bool = False,
    ) -> float | None:
        """A finite number field; `minimum`, `maximum` and `whole` narrow what is accepted.

        YAML reads `.nan` and `.inf` as numbers: they are refused, like anything out of range,
        so no later comparison or conversion meets them.
        """
        value = self._get(key, required)
        if value is None and key not in self.data:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(self.where(key), f"{self.what} field {key!r} must be a number, found {describe_type(value)}")
            return None
        number = finite_number(value)
        if number is None:
            self.problem(self.where(key), f"{self.what} field {key!r} must be a finite number, found {value!r}")
            return None
        if whole and not number.is_integer():
            self.problem(self.where(key), f"{self.what} field {key!r} must be a whole number, found {number:g}")
            return None
        if not in_range(number, minimum, maximum):
            self.problem(
                self.where(key),
                f"{self.what} field {key!r} must be {describe_range(minimum, maximum)}, found {number:g}",
            )
            return None
        return number

    def flag(self, key: str, *, default: bool = False) -> bool:
        """A true/false field."""
        value = self._get(key, False)
        if key not in self.data:
            return default
        if not isinstance(value, bool):
            self.problem(
                self.where(key), f"{self.what} field {key!r} must be true or false, found {describe_type(value)}"
            )
            return default
        return value

    def mapping(self, key: str, *, required: bool = False) -> LineDict:
        """A nested mapping field (empty when absent or wrong)."""
        value = self._get(key, required)
        if key not in self.data:
            return LineDict()
        if not isinstance(value, LineDict):
            self.problem(self.where(key), f"{self.what} field {key!r} must be a mapping, found {describe_type(value)}")
            return LineDict()
        return value

    def records(self, key: str) -> LineList:
        """A list of records (empty when absent or wrong)."""
        value = self._get(key, False)
        if key not in self.data:
            return LineList()
        if not isinstance(value, LineList):
            self.problem(self.where(key), f"section {key!r} must be a list, found {describe_type(value)}")
            return LineList()
        return value

    def text_mapping(self, key: str) -> dict[str, str]:
        """A mapping of names to text (entries that are not text are reported)."""
        result: dict[str, str] = {}
        section = self.mapping(key)
        for name, value in section.items():
            if isinstance(value, str):
                result[name] = value
            else:
                self.problem(section.line_of(name), f"{key} entry {name!r} must be text")
        return result

    def check_known(self, key: str, names: Iterable[str], known: Collection[str], label: str) -> None:
        """Report each name under `key` that is not among the known ones (a typo or a missing record)."""
        ident = self.data.get("id")
        owner = f"{self.what} {ident!r}" if isinstance(ident, str) else self.what
        for name in names:
            if name not in known:
                self.problem(self.where(key), f"{owner} names unknown {label} {name!r} in {key!r}")
