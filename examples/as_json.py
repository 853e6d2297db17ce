"""Answers as JSON, for a service or a notebook: the same fields `dealbot ask --json` prints.

python examples/as_json.py "is the RDIF a private fund?"
"""

from __future__ import annotations

import json
import sys

import bot


def main(argv: list[str]) -> int:
    answer = bot.ask(" ".join(argv) or "Who owns Mail.ru?")
    print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
