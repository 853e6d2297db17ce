"""A data-only JSON codec for immutable records, so a cache file can never run code when read.

Encodes None, bools, ints, finite floats, text, tuples, frozensets, dicts (any keys) and instances
of registered record classes (NamedTuples or dataclasses); anything else is refused. Decoding builds
only the registered classes, by name, and fails closed: any unexpected shape is a CodecError.

Each record object is written once, in a table, and referred to by position, so records shared
between tables (a fact in several indexes) stay shared after decoding and the file stays small.

>>> from typing import NamedTuple
>>> class Point(NamedTuple):
...     x: float
...     tags: frozenset[str]
>>> value = {(1, 2): Point(0.5, frozenset({"b", "a"}))}
>>> encode(value, (Point,))
b'[[["Point",["x","tags"]]],[{"Point":[0.5,{"$s":["a","b"]}]}],{"$d":[[[1,2],{"@":0}]]}]'
>>> decode(encode(value, (Point,)), (Point,)) == value
True
"""

from __future__ import annotations

import gc
import json
import math
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

DICT, FROZENSET, REFERENCE = "$d", "$s", "@"
_PLAIN = (str, int, bool, type(None))


class CodecError(ValueError):
    """A value the codec will not write, or data it will not read."""


def field_names(cls: type) -> tuple[str, ...]:
    """The fields a record class is built from, in constructor order."""
    names = getattr(cls, "_fields", None)
    if isinstance(cls, type) and issubclass(cls, tuple) and isinstance(names, tuple):
        return names
    if hasattr(cls, "__dataclass_fields__"):
        import dataclasses  # only for dataclasses: it imports inspect, slow on the cached start-up path

        return tuple(field.name for field in dataclasses.fields(cls) if field.init)
    raise CodecError(f"{cls!r} is neither a NamedTuple nor a dataclass")


def _registry(records: Sequence[type]) -> dict[str, tuple[type, tuple[str, ...]]]:
    registry = {cls.__name__: (cls, field_names(cls)) for cls in records}
    if len(registry) != len(records):
        raise CodecError("two registered record classes share a name")
    return registry


def encode(value: object, records: Sequence[type]) -> bytes:
    """The JSON bytes of a value; CodecError for a type that is neither plain data nor a registered record."""
    registry = dict(_registry(records).values())
    table: list[object] = []
    positions: dict[int, int] = {}
    used: dict[str, list[str]] = {}

    def walk(item: object) -> object:
        kind = type(item)
        if kind in _PLAIN:
            return item
        if kind is float:
            if not math.isfinite(item):  # type: ignore[arg-type]
                raise CodecError(f"cannot encode the number {item!r}")
            return item
        if kind is tuple:
            return [walk(part) for part in item]  # type: ignore[attr-defined]
        if kind is frozenset:
            return {FROZENSET: sorted((walk(part) for part in item), key=_order)}  # type: ignore[attr-defined]
        if kind is dict:
            return {DICT: [[walk(key), walk(part)] for key, part in item.items()]}  # type: ignore[attr-defined]
        if kind in registry:
            if id(item) not in positions:
                fields = [walk(getattr(item, name)) for name in registry[kind]]
                used.setdefault(kind.__name__, list(registry[kind]))
                positions[id(item)] = len(table)
                table.append({kind.__name__: fields})
            return {REFERENCE: positions[id(item)]}
        raise CodecError(f"cannot encode a {kind.__name__}: register its class or use plain data")

    root = walk(value)
    document = [[[name, names] for name, names in used.items()], table, root]
    return json.dumps(document, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")


def decode(data: bytes, records: Sequence[type]) -> object:
    """The value encoded in `data`, built only from plain data and the registered classes; else CodecError."""
    builders = {name: (_builder(cls), len(names)) for name, (cls, names) in _registry(records).items()}
    table: list[object] = []
    append = table.append

    def hook(obj: dict[str, Any]) -> object:
        # Called for every JSON object (about 10,000 on start-up): kept flat, with the commonest tag first.
        if len(obj) != 1:
            raise CodecError("an object must have exactly one key")
        [(tag, body)] = obj.items()
        if tag == REFERENCE:
            if type(body) is not int or not 0 <= body < len(table):
                raise CodecError("a reference to no record")
            return table[body]
        if type(body) is not list:
            raise CodecError(f"{tag!r} must hold a list")
        if tag == DICT:
            return {_frozen(key): _frozen(part) for key, part in map(_pair, body)}
        if tag == FROZENSET:
            return frozenset([_frozen(part) if type(part) is list else part for part in body])
        if tag not in builders:
            raise CodecError(f"{tag!r} is not a registered record class")
        build, size = builders[tag]
        if len(body) != size:
            raise CodecError(f"{tag} needs {size} fields, found {len(body)}")
        record = build([part if type(part) is not list else _frozen(part) for part in body])
        append(record)
        return record

    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of new containers would each trigger collections: 3x slower
    try:
        schema, stored, root = json.loads(data, object_hook=hook, parse_float=_finite, parse_constant=_refuse)
        if len(stored) != len(table):
            raise CodecError("records outside the table")
        registry = _registry(records)
        for name, names in schema:
            if name not in registry or tuple(names) != registry[name][1]:
                raise CodecError(f"record {name!r} has changed its fields")
        return _frozen(root)
    except CodecError:
        raise
    except (ValueError, TypeError, KeyError, RecursionError, MemoryError) as error:
        raise CodecError(f"unreadable data: {type(error).__name__}") from None
    finally:
        if collecting:
            gc.enable()


def _builder(cls: type) -> Callable[[list[object]], object]:
    """What makes a record from its field values in order.

    A NamedTuple cannot override `__new__`, so its constructor only stores the fields: building the tuple
    directly skips a Python-level call per record (a few thousand on every cached start-up).
    """
    if issubclass(cls, tuple) and getattr(cls, "_fields", None) is not None:
        return partial(tuple.__new__, cls)
    return lambda fields: cls(*fields)


def _pair(item: object) -> tuple[object, object]:
    if type(item) is not list or len(item) != 2:
        raise CodecError("a dict entry must be a [key, value] pair")
    return item[0], item[1]


def _frozen(value: object) -> object:
    """JSON arrays as tuples, all the way down (objects were decoded by the hook already)."""
    if type(value) is not list:
        return value
    return tuple([_frozen(part) if type(part) is list else part for part in value])


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise CodecError(f"number out of range: {text[:20]}")
    return number


def _refuse(text: str) -> float:
    raise CodecError(f"{text} is not a number")


def _order(item: object) -> tuple[bool, str]:
    """Sort key that puts a frozenset's members in one order whatever the hash seed."""
    return (False, item) if isinstance(item, str) else (True, json.dumps(item, sort_keys=True))
