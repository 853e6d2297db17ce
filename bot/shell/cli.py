"""The `dealbot` command: parse arguments, dispatch to the library, map outcomes to exit codes."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from bot import __version__
from bot.answer.render import render_answer, render_explanation, render_json
from bot.engine import Bot, bundled, bundled_knowledge_dir, load
from bot.errors import InputFileError, KnowledgeError, RecordingError

EXIT_ANSWERED, EXIT_DECLINED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

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
    coverage = transcript_commands.add_parser("coverage", help="list facts and intents no transcript exercises")
    coverage.add_argument("directory", nargs="?", type=Path, default=Path("transcripts"))
    coverage.add_argument(
        "--knowledge", metavar="DIR", type=Path, default=argparse.SUPPRESS, help="use another knowledge directory"
    )
    return parser


def _bot(directory: Path | None) -> Bot:
    return load(directory) if directory is not None else bundled()


def _ask(args: argparse.Namespace, out: TextIO) -> int:
    question = " ".join(args.question).strip()
    if not question:
        raise UsageError('the question is empty: dealbot ask "who founded Alibaba?"')
    answer = _bot(args.knowledge).ask(question)
    if args.json:
        out.write(render_json(answer) + "\n")
    else:
        out.write(render_answer(answer, color=_color(out)) + "\n")
        if args.explain:
            out.write(render_explanation(answer) + "\n")
    return EXIT_ANSWERED if answer.answered else EXIT_DECLINED


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    directory = args.directory or bundled_knowledge_dir()
    try:
        knowledge = load(directory, use_cache=False).knowledge  # check what is on disk, not a cached copy
    except KnowledgeError as error:
        for problem in error.problems:
            err.write(f"{problem}\n")
        err.write(f"dealbot: {len(error.problems)} problem(s) in {directory}\n")
        return EXIT_USAGE
    out.write(
        f"ok: {directory}\n  sources: {len(knowledge.sources)}\n  entities: {len(knowledge.entities)}\n"
        f"  intents: {len(knowledge.intents)}\n  facts: {len(knowledge.facts)}\n  rules: {len(knowledge.rules)}\n"
        f"  cited sentences: {knowledge.cited_sentences}\n"
    )
    return EXIT_ANSWERED


def _eval(args: argparse.Namespace, out: TextIO) -> int:
    from bot.shell.evaluate import load_cases, report, run_cases

    cases = load_cases(args.file)
    outcomes = run_cases(_bot(args.knowledge), cases)
    out.write(report(outcomes) + "\n")
    return EXIT_ANSWERED if all(o.verdict == "pass" for o in outcomes) else EXIT_DECLINED


def _color(stream: TextIO) -> bool:
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "ask":
        return _ask(args, out)
    if args.command == "check":
        return _check(args, out, err)
    if args.command == "eval":
        return _eval(args, out)
    if args.command == "transcripts":
        from bot.shell.coverage import coverage_main

        return coverage_main(args.directory, _bot(args.knowledge), out)
    from bot.shell.session import run_session

    return run_session(_bot(args.knowledge), json_lines=args.json, record=args.record, out=out, err=err)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code instead of raising."""
    out, err = sys.stdout, sys.stderr
    try:
        args = build_parser().parse_args(argv)
        code = _run(args, out, err)
        out.flush()
        return code
    except (UsageError, RecordingError) as error:
        err.write(f"dealbot: error: {error}\n")
    except KnowledgeError as error:
        err.write(f"dealbot: knowledge error: {error.first_line}\n")
    except InputFileError as error:
        err.write(f"dealbot: error: {error}\n")
    except KeyboardInterrupt:
        err.write("dealbot: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_DECLINED
    except OSError as error:
        if error.errno == errno.EPIPE:
            _silence_stdout()
            return EXIT_DECLINED
        err.write(f"dealbot: error: cannot write output: {error.strerror or error}\n")
    return EXIT_USAGE


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
