"""The command-line grammar of `dealbot`, and the error a user must correct."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import NoReturn

from bot import __version__

EXAMPLES = """\
examples:
  dealbot                               chat (or answer one question per line from a pipe)
  dealbot ask how much does MegaFon own
  dealbot ask --json "who founded alibaba"
  printf 'who founded alibaba\\nwhen?\\n' | dealbot --json
  dealbot check knowledge/              validate a knowledge directory
  dealbot eval questions.yaml           score the bot on a question file

exit codes: 0 answered (or ok), 1 declined (or failures), 2 usage or knowledge error, 130 interrupted
"""


class UsageError(Exception):
    """A command line the user must correct."""


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are one line and raise instead of exiting."""

    def error(self, message: str) -> NoReturn:
        """Turn a parse error into a UsageError carrying one line."""
        raise UsageError(f"{message} (see 'dealbot --help')")


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar."""
    parser = _Parser(
        prog="dealbot",
        description="Answers questions about one news story, citing its sentences.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"dealbot {__version__}")
    parser.add_argument("--json", action="store_true", help="print one JSON object per answer (JSON Lines)")
    parser.add_argument("--knowledge", metavar="DIR", type=Path, help="use another knowledge directory")
    parser.add_argument("--record", metavar="FILE", type=Path, help="record the session as a transcript")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    ask = commands.add_parser(
        "ask",
        help="answer one question and exit",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ask.add_argument("question", nargs="+", help="the question (quotes optional)")
    ask.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print the answer as one JSON object"
    )
    ask.add_argument("--explain", action="store_true", help="also print why this answer was given")
    ask.add_argument(
        "--knowledge", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="use another knowledge directory"
    )
    check = commands.add_parser("check", help="validate a knowledge directory and print its counts")
    check.add_argument("directory", nargs="?", type=Path, help="knowledge directory (default: the bundled one)")
    evaluate = commands.add_parser("eval", help="score the bot on a question file")
    evaluate.add_argument("file", type=Path, help="YAML question file (id, q or turns, expect, must_include, cite)")
    evaluate.add_argument(
        "--knowledge", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="use another knowledge directory"
    )
    transcripts = commands.add_parser("transcripts", help="work with recorded transcripts")
    transcript_commands = transcripts.add_subparsers(
        dest="action", metavar="ACTION", parser_class=_Parser, required=True
    )
    coverage = transcript_commands.add_parser("coverage", help="list facts and relations no transcript exercises")
    coverage.add_argument("directory", nargs="?", type=Path, default=Path("transcripts"))
    coverage.add_argument(
        "--knowledge", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="use another knowledge directory"
    )
    return parser
