"""Ask dealbot one question from Python and print the answer with its citations.

python examples/ask.py "who founded alibaba?"
"""

from __future__ import annotations

import sys

import bot


def main(argv: list[str]) -> int:
    question = " ".join(argv) or "How much does MegaFon own?"
    answer = bot.ask(question)  # stateless and thread-safe; the bundled knowledge
    print(answer.text)
    for number, citation in enumerate(answer.citations, start=1):
        print(f"  [{number}] {citation.sentence}")
    return 0 if answer.answered else 1  # a decline is an answer too, but a script may want to know


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
