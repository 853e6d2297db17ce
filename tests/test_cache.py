"""The compiled-knowledge cache: data never code, never stale, private, atomic, pruned, healed when damaged."""

from __future__ import annotations

import dataclasses
import os
import pickle
import stat
import subprocess
import sys
import time
import typing
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import bot.engine
from bot.engine import CACHED_RECORDS, Bot, Index, load
from bot.knowledge import cache, codec, disk
from bot.knowledge.model import Knowledge
from tests.conftest import ARTICLE, FACTS, replace_in

MEGAFON = "how much does megafon own"
MEGAFON_ANSWER = "MegaFon will own 24 percent of AliExpress Russia."
CORRUPTIONS = 300 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 30  # `make fuzz` runs 300


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("DEALBOT_CACHE", raising=False)
    return home / "dealbot"


def key_of(root: Path) -> str:
    snapshot = disk.read_all(disk.knowledge_files(root))
    assert snapshot
    key = cache.content_key(root, snapshot)
    assert key is not None
    return key


def entries(home: Path) -> list[Path]:
    return [path for path in home.glob("*.json") if not path.name.startswith(".")]


def the_entry(home: Path) -> Path:
    [entry] = entries(home)
    return entry


def is_valid(root: Path) -> bool:
    value = cache.read(key_of(root), CACHED_RECORDS)
    return isinstance(value, tuple) and isinstance(value[0], Knowledge) and isinstance(value[1], Index)


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The directories parsed from YAML (cache misses), in order."""
    calls: list[Path] = []
    real = bot.engine._parse

    def spy(root: Path) -> Knowledge:
        calls.append(root)
        return real(root)

    monkeypatch.setattr(bot.engine, "_parse", spy)
    return calls


# --- the codec: generic, data only, fails closed ---


def test_the_bundled_knowledge_and_index_round_trip_equal(dealbot: Bot) -> None:
    value = (dealbot.knowledge, dealbot.index)
    data = codec.encode(value, CACHED_RECORDS)
    assert codec.decode(data, CACHED_RECORDS) == value
    assert codec.encode(codec.decode(data, CACHED_RECORDS), CACHED_RECORDS) == data  # stable bytes


def _record_classes(root: object, found: set[type]) -> set[type]:
    """Every NamedTuple or dataclass reachable through the type hints of a record class."""
    if isinstance(root, type) and (dataclasses.is_dataclass(root) or hasattr(root, "_fields")) and root not in found:
        found.add(root)
        for hint in typing.get_type_hints(root).values():
            _record_classes(hint, found)
    for argument in typing.get_args(root):
        _record_classes(argument, found)
    return found


def test_every_record_class_the_cache_meets_is_registered() -> None:
    missing = _record_classes(Knowledge, set()) | _record_classes(Index, set())
    missing -= set(CACHED_RECORDS)
    assert not missing, f"add {sorted(c.__name__ for c in missing)} to CACHED_RECORDS in bot/engine.py"


class Point(NamedTuple):
    x: float
    label: str | None = None


@dataclasses.dataclass(frozen=True)
class Shape:
    name: str
    points: tuple[Point, ...]
    tags: frozenset[str]
    by_corner: dict[tuple[int, int], Point]
    closed: bool = False
    sides: int = 0


def test_any_registered_namedtuple_or_dataclass_round_trips() -> None:
    corner = Point(1.5, "a")
    shape = Shape("kite", (corner, Point(-2.0), corner), frozenset({"b", "a"}), {(0, 1): corner}, True, 4)
    value = {"shape": shape, 3: (None, 2**70, 0.1, "é\udcff")}
    decoded = codec.decode(codec.encode(value, (Point, Shape)), (Point, Shape))
    assert decoded == value
    assert isinstance(decoded, dict)
    assert decoded["shape"].points[0] is decoded["shape"].points[2]  # shared records stay shared


@pytest.mark.parametrize(
    "value",
    [float("nan"), float("inf"), [1, 2], {1, 2}, Path("x"), b"bytes", Point(0.0, object())],  # type: ignore[arg-type]
    ids=["nan", "inf", "list", "set", "path", "bytes", "object-field"],
)
def test_the_codec_refuses_what_it_cannot_write_as_data(value: object) -> None:
    with pytest.raises(codec.CodecError):
        codec.encode(value, (Point,))


@pytest.mark.parametrize(
    "data",
    [
        b'[[],[{"Shape":["kite",[],{"$s":[]},{"$d":[]},false,0]}],{"@":0}]',  # a class not registered here
        b'[[],[],{"os.system":["touch PWNED"]}]',
        b'[[],[],{"@":0}]',  # a reference to no record
        b'[[],[{"Point":[1.0,null]}],{"@":1}]',
        b'[[],[{"Point":[1.0]}],{"@":0}]',  # a field short
        b'[[],[{"Point":[1.0,null,2]}],{"@":0}]',
        b'[[],[{"Point":[NaN,null]}],{"@":0}]',
        b'[[],[{"Point":[1e999,null]}],{"@":0}]',
        b'[[],[],{"$d":[[[],1]],"x":1}]',  # two keys
        b'[[],[],{"$d":[[{"$d":[]},1]]}]',  # an unhashable key
        b'[[["Point",["y","label"]]],[{"Point":[1.0,null]}],{"@":0}]',  # fields renamed
        b'[[],[],{"Point":[1.0,null]}]',  # a record outside the table
        b"[" * 100_000 + b"]" * 100_000,
        b"\x80\x04\x95",
        b"",
    ],
)
def test_the_codec_fails_closed(data: bytes) -> None:
    with pytest.raises(codec.CodecError):
        codec.decode(data, (Point,))


# --- the cache: used, never stale ---


def test_second_load_comes_from_the_cache(knowledge_copy: Path, cache_home: Path, parses: list[Path]) -> None:
    first = load(knowledge_copy)
    assert the_entry(cache_home).name == f"{key_of(knowledge_copy)}.json"
    second = load(knowledge_copy)
    assert len(parses) == 1
    assert second.ask("who founded alibaba").to_dict() == first.ask("who founded alibaba").to_dict()
    assert not list(cache_home.glob(".tmp-*"))  # written atomically, nothing left behind


def test_a_cached_start_never_imports_yaml(knowledge_copy: Path, cache_home: Path) -> None:
    load(knowledge_copy)
    code = f"import sys, bot; bot.load({str(knowledge_copy)!r}).ask('hi'); print('yaml' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "False"


def test_any_edit_makes_a_new_key_so_the_cache_is_never_stale(knowledge_copy: Path, cache_home: Path) -> None:
    assert "Jack Ma" in load(knowledge_copy).ask("who founded alibaba").text
    replace_in(
        knowledge_copy / FACTS,
        "answer: Alibaba was founded by tech billionaire Jack Ma in 1999.",
        "answer: Alibaba was founded by Jack Ma, a tech billionaire, in 1999.",
    )
    assert (
        load(knowledge_copy).ask("who founded alibaba").text
        == "Alibaba was founded by Jack Ma, a tech billionaire, in 1999."
    )
    assert len(entries(cache_home)) == 2


def test_an_edited_source_text_is_a_miss(knowledge_copy: Path, cache_home: Path, parses: list[Path]) -> None:
    load(knowledge_copy)
    replace_in(knowledge_copy / ARTICLE, "Leave a Reply", "Leave a comment")
    load(knowledge_copy)
    assert len(parses) == 2


def test_a_broken_edit_is_reported_even_after_a_cached_load(knowledge_copy: Path, cache_home: Path) -> None:
    load(knowledge_copy)
    replace_in(knowledge_copy / FACTS, "subject: megafon\n", "subject: megafone\n")
    with pytest.raises(Exception, match="megafone"):
        load(knowledge_copy)


def test_an_edit_during_a_load_is_never_stored_under_the_old_content(
    knowledge_copy: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = knowledge_copy / FACTS
    original = facts.read_text(encoding="utf-8")
    edited = original.replace(MEGAFON_ANSWER, "MegaFon will own a quarter of AliExpress Russia.")
    real_read = disk.read_bytes

    def read_and_edit(path: Path, **options: int) -> bytes:
        data = real_read(path, **options)
        if path.name == "entities.yaml":  # the load is under way; facts.yaml is read after this
            facts.write_text(edited, encoding="utf-8")
        return data

    monkeypatch.setattr("bot.knowledge.files.read_bytes", read_and_edit)
    assert load(knowledge_copy).ask(MEGAFON).text == MEGAFON_ANSWER  # what was read when the load began
    monkeypatch.setattr("bot.knowledge.files.read_bytes", real_read)
    assert load(knowledge_copy).ask(MEGAFON).text == "MegaFon will own a quarter of AliExpress Russia."
    facts.write_text(original, encoding="utf-8")
    assert load(knowledge_copy).ask(MEGAFON).text == MEGAFON_ANSWER


def test_an_edit_during_a_slow_load_from_the_command_line(knowledge_copy: Path, tmp_path: Path) -> None:
    """The reproduction as a person would run it: whenever the edit lands, the restored file is answered right."""
    aliases = ", ".join(f"zq{number:06d} corp" for number in range(100_000))  # parsing it takes a while
    entity = f"entities:\n  - {{id: slow, name: Slow, type: organisation, aliases: [{aliases}]}}\n"
    (knowledge_copy / "aaa.yaml").write_text(entity, encoding="utf-8")
    facts = knowledge_copy / FACTS
    original = facts.read_text(encoding="utf-8")
    environment = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-m", "bot", "--knowledge", str(knowledge_copy), "ask", MEGAFON]
    asking = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(0.4)
    facts.write_text(original.replace(MEGAFON_ANSWER, "MegaFon will own a quarter of AliExpress Russia."), "utf-8")
    asking.communicate(timeout=120)
    facts.write_text(original, encoding="utf-8")
    for _ in range(2):
        result = subprocess.run(command, env=environment, capture_output=True, text=True, check=True, timeout=120)
        assert result.stdout.startswith(MEGAFON_ANSWER)


def test_an_edited_source_during_a_load_is_a_miss_next_time(
    knowledge_copy: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch, parses: list[Path]
) -> None:
    source = knowledge_copy / ARTICLE
    real_read = disk.read_bytes

    def read_then_edit(path: Path, **options: int) -> bytes:
        data = real_read(path, **options)
        if path.name == source.name:
            replace_in(source, "Leave a Reply", "Leave a comment")
        return data

    monkeypatch.setattr("bot.knowledge.files.read_bytes", read_then_edit)
    load(knowledge_copy)
    monkeypatch.setattr("bot.knowledge.files.read_bytes", real_read)
    load(knowledge_copy)
    load(knowledge_copy)
    assert len(parses) == 2  # the second load saw the edit; the third came from the cache


def test_cache_can_be_switched_off(knowledge_copy: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load(knowledge_copy, use_cache=False)
    assert not cache_home.exists()
    monkeypatch.setenv("DEALBOT_CACHE", "0")
    load(knowledge_copy)
    assert not cache_home.exists()


def test_check_never_uses_the_cache(
    knowledge_copy: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.shell.cli import main

    load(knowledge_copy)

    def refuse(*args: object, **options: object) -> None:
        raise AssertionError("check read the cache")

    monkeypatch.setattr(cache, "read", refuse)
    assert main(["check", str(knowledge_copy)]) == 0
    assert capsys.readouterr().out.startswith(f"ok: {knowledge_copy}")


# --- damaged or planted entries are a miss, rebuilt, never run ---


class Pwn:
    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.target}",))


def test_a_planted_pickle_never_runs(knowledge_copy: Path, cache_home: Path, tmp_path: Path) -> None:
    load(knowledge_copy)
    entry = the_entry(cache_home)
    pwned = tmp_path / "PWNED"
    entry.write_bytes(pickle.dumps(Pwn(pwned)))
    (cache_home / f"{key_of(knowledge_copy)}.pickle").write_bytes(pickle.dumps(Pwn(pwned)))  # the old name too
    assert load(knowledge_copy).ask(MEGAFON).text == MEGAFON_ANSWER
    assert not pwned.exists()
    assert is_valid(knowledge_copy)  # healed
    assert not list(cache_home.glob("*.pickle"))  # the old format is cleared away


def test_a_planted_pickle_never_runs_from_the_command_line(knowledge_copy: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    command = [sys.executable, "-m", "bot", "--knowledge", str(knowledge_copy), "ask", MEGAFON]
    environment = {**os.environ, "XDG_CACHE_HOME": str(home)}
    subprocess.run(command, env=environment, check=True, capture_output=True, timeout=60)
    [entry] = list((home / "dealbot").glob("*.json"))
    entry.write_bytes(pickle.dumps(Pwn(tmp_path / "PWNED")))
    result = subprocess.run(command, env=environment, check=False, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith(MEGAFON_ANSWER)
    assert not (tmp_path / "PWNED").exists()


def test_an_edited_answer_in_the_cache_is_never_served(knowledge_copy: Path, cache_home: Path) -> None:
    load(knowledge_copy)
    entry = the_entry(cache_home)
    data = entry.read_bytes()
    assert data.count(b"24 percent of AliExpress") == 1
    entry.write_bytes(data.replace(b"24 percent of AliExpress", b"94 percent of AliExpress"))
    assert load(knowledge_copy).ask(MEGAFON).text == MEGAFON_ANSWER
    assert is_valid(knowledge_copy)


def test_a_flipped_byte_inside_a_string_is_a_miss(knowledge_copy: Path, cache_home: Path) -> None:
    load(knowledge_copy)
    entry = the_entry(cache_home)
    data = bytearray(entry.read_bytes())
    data[data.index(b"Jack Ma") + 2] = 0xFF
    entry.write_bytes(bytes(data))
    for _ in range(2):
        assert "Jack Ma" in load(knowledge_copy).ask("who founded alibaba").text


def _corrupt(data: bytes, choice: st.DataObject) -> bytes:
    """One random damage: flip, overwrite, truncate, cut, insert, repeat, swap or replace."""
    kind = choice.draw(st.sampled_from(["flip", "set", "truncate", "cut", "insert", "repeat", "swap", "random"]))
    size = len(data)
    at = choice.draw(st.integers(0, size - 1))
    span = choice.draw(st.integers(1, 4096))
    if kind == "flip":
        return data[:at] + bytes([data[at] ^ choice.draw(st.integers(1, 255))]) + data[at + 1 :]
    if kind == "set":
        return data[:at] + bytes(min(span, size - at)) + data[at + span :]
    if kind == "truncate":
        return data[:at]
    if kind == "cut":
        return data[:at] + data[at + span :]
    if kind == "insert":
        return data[:at] + choice.draw(st.binary(min_size=1, max_size=64)) + data[at:]
    if kind == "repeat":
        return data[:at] + data[at : at + span] + data[at:]
    if kind == "swap":
        other = choice.draw(st.integers(0, size - 1))
        first, second = sorted((at, other))
        return data[:first] + data[second : second + span] + data[first + span : second] + data[first : first + span]
    return choice.draw(st.binary(max_size=4096))


@settings(max_examples=CORRUPTIONS, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(choice=st.data())
def test_property_any_corruption_of_the_cache_is_recovered(
    knowledge_copy: Path, cache_home: Path, choice: st.DataObject
) -> None:
    load(knowledge_copy)
    entry = cache_home / f"{key_of(knowledge_copy)}.json"
    good = entry.read_bytes()
    damaged = _corrupt(good, choice)
    assume(damaged != good)
    entry.write_bytes(damaged)
    assert load(knowledge_copy).ask(MEGAFON).text == MEGAFON_ANSWER
    assert entry.read_bytes() == good  # healed: rebuilt byte for byte


# --- privacy and hygiene ---


def test_the_cache_directory_is_made_private(knowledge_copy: Path, cache_home: Path) -> None:
    cache_home.mkdir(parents=True, mode=0o777)
    os.chmod(cache_home, 0o777)
    load(knowledge_copy)
    assert stat.S_IMODE(cache_home.stat().st_mode) == 0o700
    assert stat.S_IMODE(the_entry(cache_home).stat().st_mode) == 0o600


def _tampered_entry(root: Path, home: Path) -> Path:
    """A well-formed entry, checksum and all, whose MegaFon answer says 94 percent."""
    bot_ = load(root)
    entry = the_entry(home)
    knowledge = bot_.knowledge
    facts = tuple(f._replace(answer=f.answer.replace("24 percent", "94 percent")) for f in knowledge.facts)
    forged = Bot(knowledge._replace(facts=facts))
    entry.unlink()
    cache.write(key_of(root), (forged.knowledge, forged.index), CACHED_RECORDS, files={})
    assert load(root).ask(MEGAFON).text.startswith("MegaFon will own 94 percent")  # the forgery works when private
    return entry


def test_an_entry_others_can_write_is_ignored(knowledge_copy: Path, cache_home: Path) -> None:
    entry = _tampered_entry(knowledge_copy, cache_home)
    os.chmod(entry, 0o666)
    assert load(knowledge_copy).ask(MEGAFON).text == MEGAFON_ANSWER
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600  # replaced by a rebuilt one


def test_a_symlinked_entry_is_ignored(knowledge_copy: Path, cache_home: Path, tmp_path: Path) -> None:
    entry = _tampered_entry(knowledge_copy, cache_home)
    entry.rename(tmp_path / "elsewhere.json")
    entry.symlink_to(tmp_path / "elsewhere.json")
    assert load(knowledge_copy).ask(MEGAFON).text == MEGAFON_ANSWER


@pytest.mark.skipif(os.getuid() != 0, reason="giving a file to another user needs root")
def test_an_entry_of_another_user_is_ignored(knowledge_copy: Path, cache_home: Path) -> None:
    entry = _tampered_entry(knowledge_copy, cache_home)
    os.chown(entry, 65534, -1)
    assert load(knowledge_copy).ask(MEGAFON).text == MEGAFON_ANSWER


@pytest.mark.skipif(os.getuid() != 0, reason="giving a directory to another user needs root")
def test_a_cache_directory_of_another_user_is_not_used(knowledge_copy: Path, cache_home: Path) -> None:
    _tampered_entry(knowledge_copy, cache_home)
    os.chown(cache_home, 65534, -1)
    before = sorted(cache_home.iterdir())
    assert load(knowledge_copy).ask(MEGAFON).text == MEGAFON_ANSWER
    assert sorted(cache_home.iterdir()) == before


def test_a_failed_write_leaves_nothing_behind(
    knowledge_copy: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("bot.knowledge.cache.os.replace", full)
    assert load(knowledge_copy).ask(MEGAFON).text == MEGAFON_ANSWER
    assert list(cache_home.iterdir()) == []


def test_ctrl_c_during_a_write_leaves_nothing_behind(
    knowledge_copy: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("bot.knowledge.cache.os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        load(knowledge_copy)
    assert list(cache_home.iterdir()) == []


def test_a_full_disk_is_no_error_and_leaves_nothing_behind(knowledge_copy: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))\n"  # the entry is larger: its write fails
        "from bot.shell.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    command = [sys.executable, "-c", script, "ask", "--knowledge", str(knowledge_copy), MEGAFON]
    for _ in range(2):
        result = subprocess.run(
            command,
            env={**os.environ, "XDG_CACHE_HOME": str(home)},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout.startswith(MEGAFON_ANSWER)
    assert list((home / "dealbot").iterdir()) == []


def test_only_the_newest_entries_are_kept(knowledge_copy: Path, cache_home: Path) -> None:
    load(knowledge_copy)
    cache_home.joinpath("a" * 64 + ".pickle").write_bytes(b"old format")
    cache_home.joinpath("notes.txt").write_bytes(b"not ours to remove")
    cache_home.joinpath(".tmp-fresh.json").write_bytes(b"another process is writing this")
    stale = cache_home / ".tmp-stale.json"
    stale.write_bytes(b"left by a killed process")
    os.utime(stale, (0, 0))
    facts = knowledge_copy / FACTS
    for number in range(cache.KEEP + 2):
        facts.write_text(facts.read_text(encoding="utf-8") + f"# edit {number}\n", encoding="utf-8")
        load(knowledge_copy)
    kept = entries(cache_home)
    assert len(kept) == cache.KEEP
    assert cache_home / f"{key_of(knowledge_copy)}.json" in kept
    assert sorted(p.name for p in cache_home.glob(".*")) == [".tmp-fresh.json"]
    assert not list(cache_home.glob("*.pickle"))
    assert cache_home.joinpath("notes.txt").exists()


def test_an_unwritable_cache_is_skipped(knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load(knowledge_copy).ask("who founded alibaba").answered
