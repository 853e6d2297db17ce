"""Which facts and intents of the knowledge no recorded transcript exercises."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from bot.engine import Bot
from bot.knowledge.disk import FileProblem, read_bytes
from bot.shell.replay import answers
from bot.shell.transcript import TranscriptError, parse_transcript


def exercised(bot: Bot, directory: Path) -> tuple[set[str], set[str]]:
    """Replay every transcript and collect the fact ids and intents its answers came from."""
    facts: set[str] = set()
    intents: set[str] = set()
    for path in sorted(directory.glob("*.txt")):
        for _, answer in answers(parse_transcript(_read(path), str(path)), bot):
            if answer is None:
                continue
            for intent in (answer.intent, answer.explanation.intent):
                if intent is not None:
                    intents.add(intent)
            facts.update(answer.explanation.facts)
    return facts, intents


def _read(path: Path) -> str:
    """A transcript's text; a file that is not one (a pipe, not UTF-8) is an error naming it."""
    try:
        return read_bytes(path).decode("utf-8")
    except FileProblem as problem:
        raise TranscriptError(f"{path}: {problem}") from None
    except UnicodeDecodeError:
        raise TranscriptError(f"{path}: not UTF-8 text") from None


def coverage_main(directory: Path, bot: Bot, out: TextIO) -> int:
    """Print what is not exercised; 0 when everything is, 1 otherwise."""
    if not directory.is_dir():
        raise TranscriptError(f"no transcript directory {directory}: give the directory of your *.txt transcripts")
    facts, intents = exercised(bot, directory)
    knowledge = bot.knowledge
    missing_facts = [f.id for f in knowledge.facts if f.id not in facts]
    missing_facts += [r.id for r in knowledge.rules if r.id not in facts]
    missing_intents = [i.id for i in knowledge.intents if i.id not in intents]
    for fact in missing_facts:
        out.write(f"fact or rule not exercised: {fact}\n")
    for intent in missing_intents:
        out.write(f"intent not exercised: {intent}\n")
    if missing_facts or missing_intents:
        out.write(f"{len(missing_facts)} fact(s) and {len(missing_intents)} intent(s) not exercised\n")
        return 1
    out.write(
        f"all {len(knowledge.facts)} facts, {len(knowledge.rules)} rules and {len(knowledge.intents)} intents"
        " are exercised\n"
    )
    return 0
