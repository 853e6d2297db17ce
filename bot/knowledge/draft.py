"""What the loader has read so far: sections by file, problems, ids seen."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from bot.errors import Problem
from bot.knowledge.fields import Fields


@dataclass
class Draft:
    """Everything read so far, with the problems found; turned into Knowledge at the end."""

    problems: list[Problem] = field(default_factory=list)
    sections: dict[str, list[tuple[str, Fields]]] = field(default_factory=lambda: defaultdict(list))
    default_source: dict[str, str] = field(default_factory=dict)
    seen_ids: dict[tuple[str, str], str] = field(default_factory=dict)
    origins: dict[str, tuple[str, int]] = field(default_factory=dict)

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
