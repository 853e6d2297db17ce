"""What the loader has read so far: each file's top level, problems, ids seen."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from bot.errors import Problem
from bot.knowledge.fields import Fields


@dataclass
class Draft:
    """Everything read so far, with the problems found; turned into Knowledge at the end."""

    problems: list[Problem] = field(default_factory=list)
    files: list[tuple[str, str, Fields]] = field(default_factory=list)  # (shown name, directory, top level)
    seen_ids: dict[tuple[str, str], str] = field(default_factory=dict)
    origins: dict[str, tuple[str, int]] = field(default_factory=dict)  # fact id -> (file, line), for later checks

    def unique(self, kind: str, record: Fields, ident: str | None) -> bool:
        """Report a duplicate id of one kind; return whether the id is usable."""
        if ident is None:
            return False
        earlier = self.seen_ids.get((kind, ident))
        if earlier is not None:
            record.problem(record.where("id"), f"duplicate {kind} id {ident!r} (first defined at {earlier})")
            return False
        self.seen_ids[(kind, ident)] = f"{record.file}:{record.where('id')}"
        return True

    def records(self, section: str, what: str) -> Iterator[tuple[str, Fields]]:
        """Every record of a list section, across files in order, with its file's directory."""
        for _, directory, top in self.files:
            for item in top.records(section):
                yield directory, Fields(self.problems, top.file, item, what)

    def mappings(self, section: str) -> list[Fields]:
        """Every occurrence of a mapping section, across files in order."""
        return [
            Fields(self.problems, top.file, top.mapping(section), section)
            for _, _, top in self.files
            if section in top.data
        ]

    def texts(self, section: str) -> tuple[str, ...]:
        """A list-of-text section merged across files, in order, without repeats."""
        merged = [text for _, _, top in self.files for text in top.texts(section)]
        return tuple(dict.fromkeys(merged))

    def has(self, section: str) -> bool:
        """Whether any file has the section."""
        return any(section in top.data for _, _, top in self.files)
