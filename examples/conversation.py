"""A conversation: follow-ups ("and Mail.ru?", "when?") lean on what was asked before.

python examples/conversation.py
"""

from __future__ import annotations

import bot

TURNS = ("who founded alibaba?", "when?", "how much of the venture will it own?", "and Mail.ru?")


def main() -> int:
    chat = bot.Conversation()  # keeps the context between turns
    for turn in TURNS:
        answer = chat.ask(turn)
        print(f"> {turn}\n{answer.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
