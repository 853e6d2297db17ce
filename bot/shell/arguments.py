"""The command-line grammar of `dealbot`, and the error a user must correct."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from bot import __version__

COMMANDS = ("ask", "check", "eval", "transcripts")
USAGE = "dealbot [--json] [--knowledge DIR] [--record FILE] [COMMAND ... | QUESTION ...]"
DESCRIPTION = """\
Answers questions about one news story, citing its sentences.

A question needs no command: when the first word is not a command, the words are
asked as 'dealbot ask' would ask them. A first word one letter away from a command
('chek') is taken for a misspelt command; start such a question with 'dealbot ask'.
"""
EXAMPLES = """\
examples:
  dealbot                               chat (or answer one question per line from a pipe)
  dealbot who founded alibaba           the same as: dealbot ask who founded alibaba
  dealbot ask how much does MegaFon own
  dealbot ask --json --explain "who founded alibaba"
  printf 'who founded alibaba\\nwhen?\\n' | dealbot          a transcript: each answer under its "> question"
  printf 'who founded alibaba\\nwhen?\\n' | dealbot --json   JSON Lines
  dealbot check knowledge/              validate a knowledge directory
  dealbot eval questions.yaml           score the bot on a question file; --json for scripts

exit codes: 0 answered (or ok), 1 declined (or failures), 2 usage or knowledge error, 130 interrupted
"""
_VALUED = ("--knowledge", "--record")  # the global options that take a value


class UsageError(Exception):
    """A command line the user must correct."""


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are one line and raise instead of exiting."""

    def error(self, message: str) -> NoReturn:
        """Turn a parse error into a UsageError carrying one line."""
        raise UsageError(f"{message} (see 'dealbot --help')")


def with_command(argv: Sequence[str]) -> list[str]:
    """The arguments with `ask` put before a question given without a command; UsageError for a
    misspelt command. `dealbot who founded alibaba` becomes `dealbot ask who founded alibaba`."""
    words = list(argv)
    position = _first_word(words)
    if position is None or words[position] in COMMANDS:
        return words
    word = words[position]
    near = [command for command in COMMANDS if _one_edit_apart(word.lower(), command)]
    if near and len(word) >= 3:
        raise UsageError(
            f"unknown command '{word}': did you mean '{near[0]}'? (to ask a question, start it with 'dealbot ask')"
        )
    return [*words[:position], "ask", *words[position:]]


def _first_word(words: list[str]) -> int | None:
    """Where the first word that is neither a global option nor an option's value stands; None after `--`."""
    index = 0
    while index < len(words):
        word = words[index]
        if word == "--":
            return None
        if not word.startswith("-") or word == "-":
            return index
        takes_value = "=" not in word and len(word) > 2 and any(option.startswith(word) for option in _VALUED)
        index += 2 if takes_value else 1
    return None


def _one_edit_apart(word: str, command: str) -> bool:
    """Whether one letter added, dropped, changed or two swapped turns word into command."""
    if word == command or abs(len(word) - len(command)) > 1:
        return False
    start = 0
    while start < min(len(word), len(command)) and word[start] == command[start]:
        start += 1
    word_rest, command_rest = word[start:], command[start:]
    return (
        word_rest[1:] == command_rest[1:]  # changed
        or word_rest[1:] == command_rest  # added
        or word_rest == command_rest[1:]  # dropped
        or (word_rest[:2] == command_rest[1::-1] and word_rest[2:] == command_rest[2:])  # swapped
    )


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar."""
    parser = _Parser(
        prog="dealbot",
        usage=USAGE,
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"dealbot {__version__}")
    parser.add_argument(
        "--json", action="store_true", help="print JSON: one object per answer (JSON Lines), or the eval report as one"
    )
    parser.add_argument("--knowledge", metavar="DIR", type=Path, help="use another knowledge directory")
    parser.add_argument("--record", metavar="FILE", type=Path, help="record the chat or piped session as a transcript")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    ask = commands.add_parser(
        "ask",
        help="answer one question and exit (the default when the first word is not a command)",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ask.add_argument("question", nargs="+", help="the question (quotes optional)")
    ask.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print the answer as one JSON object"
    )
    ask.add_argument(
        "--explain", action="store_true", help="also print why this answer was given (with --json: an object)"
    )
    _knowledge_option(ask)
    check = commands.add_parser("check", help="validate a knowledge directory and print its counts")
    check.add_argument("directory", nargs="?", type=Path, help="knowledge directory (default: the bundled one)")
    evaluate = commands.add_parser("eval", help="score the bot on a question file")
    evaluate.add_argument("file", type=Path, help="YAML question file (id, q or turns, expect, must_include, cite)")
    evaluate.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print the report as one JSON object"
    )
    _knowledge_option(evaluate)
    transcripts = commands.add_parser("transcripts", help="work with recorded transcripts")
    transcript_commands = transcripts.add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser, required=True
    )
    coverage = transcript_commands.add_parser("coverage", help="list facts and relations no transcript exercises")
    coverage.add_argument("directory", nargs="?", type=Path, default=Path("transcripts"))
    _knowledge_option(coverage)
    return parser


def _knowledge_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--knowledge", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="use another knowledge directory"
    )


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse a command line, a question without a command included; UsageError for options a command
    does not take."""
    args = build_parser().parse_args(with_command(argv))
    if args.record is not None and args.command is not None:
        raise UsageError(f"--record records the chat or piped questions, not '{args.command}' (see 'dealbot --help')")
    if args.json and args.command in ("check", "transcripts"):
        raise UsageError(f"'{args.command}' has no --json output (see 'dealbot --help')")
    return args
