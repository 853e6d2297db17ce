"""The `dealbot` command: parse arguments, dispatch to the library, map outcomes to exit codes.

Only `sys` is imported before `main` runs; everything else is imported inside it, so Ctrl-C at any
moment, even while Python is still importing the bot, exits 130 without a traceback.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from pathlib import Path
    from typing import TextIO

    from bot.engine import Bot

EXIT_ANSWERED, EXIT_DECLINED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar (see `bot.shell.arguments`)."""
    from bot.shell.arguments import build_parser as grammar

    return grammar()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code instead of raising."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        if sys.stderr is not None:
            sys.stderr.write("dealbot: interrupted\n")
        return EXIT_INTERRUPTED


def _main(argv: Sequence[str] | None) -> int:
    import errno
    import io

    from bot.errors import InputFileError, KnowledgeError, RecordingError
    from bot.shell.arguments import UsageError, parse
    from bot.shell.streams import prepare

    err = prepare(sys.stderr) or io.StringIO()  # with stderr closed, messages have nowhere to go
    out = prepare(sys.stdout)
    if out is None:
        err.write("dealbot: error: standard output is closed: give the answers somewhere to go (> file)\n")
        return EXIT_USAGE
    try:
        args = parse(sys.argv[1:] if argv is None else argv)
        code = _run(args, out, err)
        out.flush()
        return code
    except (UsageError, RecordingError, InputFileError) as error:
        err.write(f"dealbot: error: {error}\n")
    except KnowledgeError as error:
        err.write(f"dealbot: knowledge error: {error.first_line}\n")
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_DECLINED
    except OSError as error:
        if error.errno == errno.EPIPE:
            _silence_stdout()
            return EXIT_DECLINED
        err.write(f"dealbot: error: cannot write output: {error.strerror or error}\n")
    return EXIT_USAGE


def _run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.command == "ask":
        return _ask(args, out)
    if args.command == "check":
        return _check(args, out, err)
    if args.command == "eval":
        return _eval(args, out)
    if args.command == "transcripts":
        from bot.shell.coverage import coverage_main, transcript_files

        transcript_files(args.directory)  # a missing directory is reported before the knowledge is loaded
        return coverage_main(args.directory, _bot(args.knowledge), out)
    from bot.shell.arguments import UsageError
    from bot.shell.session import run_session

    if sys.stdin is None:
        raise UsageError("standard input is closed: pipe questions in, or ask one with 'dealbot ask QUESTION'")
    return run_session(_bot(args.knowledge), json_lines=args.json, record=args.record, out=out, err=err)


def _bot(directory: Path | None) -> Bot:
    from bot.engine import bundled, load

    return load(directory) if directory is not None else bundled()


def _ask(args: argparse.Namespace, out: TextIO) -> int:
    from bot.answer.render import render_answer, render_explanation, render_json
    from bot.shell.arguments import UsageError
    from bot.shell.streams import json_for, terminal_width, undecodable_byte

    question = " ".join(args.question).strip()
    if not question:
        raise UsageError('the question is empty: dealbot ask "who founded Alibaba?"')
    byte = undecodable_byte(question)
    if byte is not None:
        raise UsageError(f"the question is not valid UTF-8 (byte 0x{byte:02x}): set your terminal to UTF-8")
    answer = _bot(args.knowledge).ask(question)
    if args.json:
        out.write(json_for(out, render_json(answer, explain=args.explain)) + "\n")
    else:
        out.write(render_answer(answer, color=_color(out), width=terminal_width(out)) + "\n")
        if args.explain:
            out.write(render_explanation(answer) + "\n")
    return EXIT_ANSWERED if answer.answered else EXIT_DECLINED


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from bot.answer.reachable import questions_for, unreachable
    from bot.engine import bundled_knowledge_dir, load
    from bot.errors import KnowledgeError

    directory = args.directory or bundled_knowledge_dir()
    try:
        bot = load(directory, use_cache=False)  # check what is on disk, not a cached copy
    except KnowledgeError as error:
        for problem in error.problems:
            err.write(f"{problem}\n")
        err.write(f"dealbot: {len(error.problems)} problem(s) in {directory}\n")
        return EXIT_USAGE
    dead = unreachable(bot)
    for fact in dead:
        tried = "; ".join(f'"{q}"' for q in questions_for(fact, bot))
        err.write(f"{directory}: fact {fact.id!r} is reached by no question its relation words make (tried {tried})\n")
    if dead:
        err.write(f"dealbot: {len(dead)} fact(s) cannot be reached in {directory}\n")
        return EXIT_USAGE
    knowledge = bot.knowledge
    language = knowledge.language
    stated = {fact.relation for fact in knowledge.facts}
    out.write(
        f"ok: {directory}\n  sources: {len(knowledge.sources)}\n  entities: {len(knowledge.entities)}\n"
        f"  types: {len(language.types)}\n  relations: {len(language.relations)} ({len(stated)} with facts)\n"
        f"  facts: {len(knowledge.facts)}, every one reachable by a question\n"
        f"  cited sentences: {knowledge.cited_sentences}\n"
    )
    return EXIT_ANSWERED


def _eval(args: argparse.Namespace, out: TextIO) -> int:
    from bot.shell.evaluate import load_cases, run_cases
    from bot.shell.scores import report, report_json
    from bot.shell.streams import json_for

    cases = load_cases(args.file)
    outcomes = run_cases(_bot(args.knowledge), cases)
    out.write((json_for(out, report_json(outcomes)) if args.json else report(outcomes)) + "\n")
    return EXIT_ANSWERED if all(o.verdict == "pass" for o in outcomes) else EXIT_DECLINED


def _color(stream: TextIO) -> bool:
    import os

    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
