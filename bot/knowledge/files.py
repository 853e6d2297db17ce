"""Read one YAML file safely, keeping line numbers and refusing what PyYAML lets slip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.errors import KnowledgeError, Problem
from bot.knowledge.disk import MAX_FILE_BYTES, FileProblem, read_bytes

MAX_NESTING = 32  # records need a handful of levels; deeper is a mistake (and would exhaust the stack)


class LineDict(dict[str, Any]):
    """A mapping that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """Line of a key, or of the mapping when the key is absent."""
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A sequence that remembers its line."""

    line: int = 0


class _Refusal(yaml.MarkedYAMLError):
    """Raised for YAML that is valid but not allowed in knowledge files."""


class _Guards:
    """Refuses YAML aliases (a node met a second time during construction is one, so no alias bombs) and
    nesting deeper than MAX_NESTING, which would otherwise end in a RecursionError."""

    constructed_objects: dict[Any, Any]
    _depth: int = 0

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        """Build one node, refusing a node seen before (which only an alias can cause) or one nested too deep."""
        if node in self.constructed_objects:
            raise _Refusal(problem="aliases (*name) are not allowed in knowledge files", problem_mark=node.start_mark)
        self._enter(node.start_mark)
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        finally:
            self._depth -= 1

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Compose one node within the nesting limit (only the pure-Python parser; libyaml composes in C)."""
        self._enter(self.peek_event().start_mark)  # type: ignore[attr-defined]
        try:
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self._depth -= 1

    def _enter(self, mark: Any) -> None:
        if self._depth >= MAX_NESTING:
            message = f"nested more than {MAX_NESTING} levels deep: knowledge records need only a few levels"
            raise _Refusal(problem=message, problem_mark=mark)
        self._depth += 1


# libyaml's parser when PyYAML has it (much faster on large files), else the pure-Python one.
_Base: Any = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


class _KnowledgeLoader(_Guards, _Base):  # type: ignore[misc]
    """PyYAML's safe loader, without aliases or deep nesting, and with duplicate keys detected."""


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise _Refusal(problem=f"key {key!r} must be text: put it in quotes", problem_mark=key_node.start_mark)
        if key in result:
            raise _Refusal(problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: Any, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_KnowledgeLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_KnowledgeLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def read_text(path: Path, shown: str) -> str:
    """Read a UTF-8 regular file, or raise a KnowledgeError that says why it cannot be read."""
    try:
        data = read_bytes(path, limit=MAX_FILE_BYTES)
    except FileProblem as problem:
        raise KnowledgeError([Problem(shown, 0, str(problem))]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise KnowledgeError(
            [Problem(shown, line, f"not UTF-8 (byte 0x{data[error.start]:02x}): save it as UTF-8")]
        ) from None


def read_yaml(path: Path, shown: str) -> LineDict:
    """Parse a knowledge YAML file whose top level must be a mapping."""
    text = read_text(path, shown)
    try:
        document = yaml.load(text, Loader=_KnowledgeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 0
        message = (error.problem or "invalid YAML").replace("\n", " ")
        if isinstance(error, yaml.constructor.ConstructorError) and "tag" in message:
            message = "tags such as !!python/... are not allowed: " + message
        raise KnowledgeError([Problem(shown, line, message)]) from None
    except yaml.YAMLError as error:
        raise KnowledgeError([Problem(shown, 0, f"invalid YAML: {error}")]) from None
    if document is None:
        raise KnowledgeError([Problem(shown, 1, "file is empty: expected a mapping of sections")])
    if not isinstance(document, LineDict):
        raise KnowledgeError([Problem(shown, 1, "top level must be a mapping of sections")])
    return document
