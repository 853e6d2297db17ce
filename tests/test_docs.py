"""Documentation stays true: every option and chat command is in the README; every fact sentence is cited."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

import pytest

from bot.answer.render import render_answer
from bot.engine import Bot
from bot.shell.arguments import COMMANDS as COMMAND_NAMES
from bot.shell.cli import build_parser, main
from bot.shell.repl import COMMANDS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Page furniture, not facts: duplicated headline teasers, captions and the comment form.
UNCITED = {
    "ShareAlibaba, Russian tech firm Mail.ru to launch new venture.",
    "Chinese e-commerce giant Alibaba and Russian technology group Mail.ru on Tuesday announced a...",
    "Launch new Venture",
    "Alibaba, Russian tech firm Mail.ru to launch new venture.",
    "Leave a Reply",
    "Your email address will not be published.",
    "Required fields are marked *",
}


def _options(parser: argparse.ArgumentParser) -> set[str]:
    found = {option for action in parser._actions for option in action.option_strings if option.startswith("--")}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.add(name)
                found |= _options(sub)
    return found - {"--help"}


@pytest.mark.parametrize("option", sorted(_options(build_parser())))
def test_every_command_line_option_is_documented(option: str) -> None:
    assert f"`{option}" in README or f" {option}" in README, option


@pytest.mark.parametrize("command", sorted(name.split()[0] for name in COMMANDS))
def test_every_chat_command_is_documented(command: str) -> None:
    assert f"`{command}" in README, command


def test_every_fact_sentence_of_the_source_is_cited(dealbot: Bot) -> None:
    from bot.knowledge.sentences import split_sentences

    cited = {(c.source, c.start) for fact in dealbot.knowledge.facts for c in fact.citations}
    for source in dealbot.knowledge.sources:
        index = split_sentences(source.id, source.text, dealbot.knowledge.language.abbreviations)
        for position in range(len(index.spans)):
            sentence = index.sentence(position)
            if sentence.sentence not in UNCITED:
                assert (source.id, sentence.start) in cited, sentence.sentence


def test_colour_only_when_asked(dealbot: Bot) -> None:
    answer = dealbot.ask("who founded alibaba")
    assert "\033[" not in render_answer(answer)
    coloured = render_answer(answer, color=True)
    assert coloured.startswith("\033[1mAlibaba was founded")
    assert "\033[36m[1]\033[0m" in coloured


def _readme_asks() -> list[tuple[str, str]]:
    """Each `$ dealbot ask ...` (or `$ dealbot QUESTION`) example of the README with the first line it shows."""
    lines = README.splitlines()
    examples = []
    for number, line in enumerate(lines[:-1]):
        words = line.split()
        if words[:2] != ["$", "dealbot"] or len(words) < 3 or "--json" in words or words[2].startswith("-"):
            continue
        if words[2] == "ask":
            examples.append((line.removeprefix("$ dealbot ask ").split(";")[0], lines[number + 1]))
        elif words[2] not in COMMAND_NAMES and not lines[number + 1].startswith("dealbot: error"):
            examples.append((line.removeprefix("$ dealbot ").split(";")[0], lines[number + 1]))
    return examples


@pytest.mark.parametrize(("arguments", "first_line"), _readme_asks())
def test_readme_examples_print_what_they_show(arguments: str, first_line: str, dealbot: Bot) -> None:
    question = " ".join(shlex.split(arguments))
    assert render_answer(dealbot.ask(question)).splitlines()[0] == first_line


def test_readme_shows_a_question_without_ask() -> None:
    assert "$ dealbot who founded alibaba\n" in README


def test_readme_error_examples_print_what_they_show(capsys: pytest.CaptureFixture[str]) -> None:
    lines = README.splitlines()
    shown = [(lines[n][2:], lines[n + 1]) for n in range(len(lines) - 1) if lines[n + 1].startswith("dealbot: error")]
    assert shown
    for command, message in shown:
        assert main(shlex.split(command)[1:]) == 2
        assert capsys.readouterr().err == message + "\n"


def test_help_shows_the_new_behaviour() -> None:
    helped = build_parser().format_help()
    assert "when the first word is not a command" in helped
    assert "misspelt command" in helped
    assert '"> question"' in helped  # piped text output is a transcript
    assert "--json --explain" in helped


def test_the_readme_chat_session_is_what_the_bot_says(dealbot: Bot) -> None:
    """The chat example's questions, asked in one conversation, give the lines the README shows."""
    from bot.answer.render import render_explanation

    session = README[README.index("$ dealbot\ndealbot: ask me about") : README.index("you> ^D")]
    chat = dealbot.conversation()
    said: list[str] = []
    for line in session.splitlines():
        if line.startswith("you> /explain"):
            said.append(render_explanation(chat.last) if chat.last else "")
        elif line.startswith("you> "):
            said.append(render_answer(chat.ask(line[len("you> ") :])))
    shown = [line for line in session.splitlines()[4:] if not line.startswith("you> ")]
    assert shown == "\n".join(said).splitlines()
