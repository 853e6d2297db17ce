"""Generate a synthetic knowledge directory in the real schema, with N facts and N entities."""

from __future__ import annotations

from pathlib import Path

SYLLABLES = ("ka", "lo", "mi", "ru", "ze", "tor", "vex", "bal", "nin", "quo", "sar", "dex", "fu", "gli", "pom", "wyn")


def invented_name(number: int) -> str:
    """A pronounceable, unique, deterministic name for a number ("Kalomi", "Rutorvex", ...)."""
    parts = []
    value = number + len(SYLLABLES) ** 2  # at least three syllables
    while value:
        value, digit = divmod(value, len(SYLLABLES))
        parts.append(SYLLABLES[digit])
    return "".join(parts).capitalize()


def generate(directory: Path, size: int) -> list[str]:
    """Write an article folder (text, sources, entities, facts) for `size` companies and their founders, in
    the real schema; the bundled language layer is read with it. Return sample questions."""
    directory.mkdir(parents=True, exist_ok=True)
    companies = [invented_name(i) for i in range(size)]
    founders = [invented_name(size + i) for i in range(size)]
    sentences = [
        f"{company} Corp was founded by {founder} Smith in {1900 + i % 120}."
        for i, (company, founder) in enumerate(zip(companies, founders, strict=True))
    ]
    (directory / "article.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
    (directory / "sources.yaml").write_text(
        "sources:\n  - {id: synthetic, file: article.txt, title: Synthetic companies}\n", encoding="utf-8"
    )
    entities = ["entities:"]
    facts = ["facts:"]
    for i, (company, founder) in enumerate(zip(companies, founders, strict=True)):
        entities.append(
            f"  - {{id: c{i}, name: {company} Corp, type: company, aliases: [{company}, {company} Corporation]}}"
        )
        entities.append(f"  - {{id: p{i}, name: {founder} Smith, type: person}}")
        facts.append(
            f"  - {{id: f{i}, relation: found, subject: p{i}, object: c{i}, year: {1900 + i % 120}, "
            f'answer: "{company} Corp was founded by {founder} Smith in {1900 + i % 120}.", '
            f'cite: ["{company} Corp was founded by {founder} Smith"]}}'
        )
    (directory / "entities.yaml").write_text("\n".join(entities) + "\n", encoding="utf-8")
    (directory / "facts.yaml").write_text("\n".join(facts) + "\n", encoding="utf-8")
    step = max(size // 50, 1)
    questions = []
    for i in range(0, size, step):
        name = companies[i]
        typo = name[:-2] + name[-1] + name[-2]
        questions += [
            f"who founded {name}?",
            f"when was {name} founded",
            f"{typo} founder",
            f"who owns {name}?",
            "what is the capital of Russia?",
        ]
    return questions
