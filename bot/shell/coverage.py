"""Which facts and relations of the knowledge no recorded transcript exercises."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from bot.engine import Bot
from bot.knowledge.disk import FileProblem, read_bytes
from bot.shell.replay import answers
from bot.shell.transcript import TranscriptError, parse_transcript


def exercised(bot: Bot, directory: Path) -> tuple[set[str], set[str]]:
    """Replay every transcript and collect the facts its answers used and the relations it asked about."""
    facts: set[str] = set()
    relations: set[str] = set()
    for path in transcript_files(directory):
        for _, answer in answers(parse_transcript(_read(path), str(path)), bot):
            if answer is None:
                continue
            reading = answer.explanation.reading
            if reading:
                relations.add(reading.split("(", 1)[0])
            facts.update(answer.explanation.facts)
    return facts, relations


def _read(path: Path) -> str:
    """A transcript's text; a file that is not one (a pipe, not UTF-8) is an error naming it."""
    try:
        return read_bytes(path).decode("utf-8")
    except FileProblem as problem:
        raise TranscriptError(f"{path}: {problem}") from None
    except UnicodeDecodeError:
        raise TranscriptError(f"{path}: not UTF-8 text") from None


def transcript_files(directory: Path) -> list[Path]:
    """The transcripts (*.txt) in a directory, sorted; TranscriptError when there are none, the input
    that is missing (as when the command runs outside a checkout, with no transcripts/ beside it)."""
    files = sorted(directory.glob("*.txt")) if directory.is_dir() else []
    if not files:
        raise TranscriptError(f"no transcripts in {directory} (pass a directory)")
    return files


def coverage_main(directory: Path, bot: Bot, out: TextIO) -> int:
    """Print what is not exercised; 0 when everything is, 1 otherwise."""
    facts, relations = exercised(bot, directory)
    knowledge = bot.knowledge
    stated = list(dict.fromkeys(fact.relation for fact in knowledge.facts))
    missing_facts = [f.id for f in knowledge.facts if f.id not in facts]
    missing_relations = [r for r in stated if r not in relations]
    for fact in missing_facts:
        out.write(f"fact not exercised: {fact}\n")
    for relation in missing_relations:
        out.write(f"relation not asked about: {relation}\n")
    if missing_facts or missing_relations:
        out.write(f"{len(missing_facts)} fact(s) and {len(missing_relations)} relation(s) not exercised\n")
        return 1
    out.write(f"all {len(knowledge.facts)} facts and the {len(stated)} relations they use are exercised\n")
    return 0
