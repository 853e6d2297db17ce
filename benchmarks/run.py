"""dealbot benchmarks: per-question latency, cold start against a bare import, scale, memory.

    python benchmarks/run.py            # everything, as a table, checked against the targets
    python benchmarks/run.py --json     # the same, with one JSON object on the last line
    python benchmarks/run.py --scale N  # one synthetic knowledge base of N facts and entities

Times are medians or percentiles from this run; the one-shot figure is a ratio against a bare
`python -c "import rapidfuzz, yaml"` run alternately in the same run, so machine speed cancels out.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import generate  # noqa: E402
from bot.engine import Bot, bundled_knowledge_dir, load  # noqa: E402

TARGETS = {"p99_ms": 1.0, "oneshot_ratio": 2.0, "scale_p99_ms": 10.0, "scale_load_s": 1.0}
SCALES = (100, 1_000, 10_000)


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def our_questions(folder: str = "") -> list[list[str]]:
    """Every conversation of the project's own question sets (or of one folder of them: "blind")."""
    conversations = []
    for path in sorted((ROOT / "tests" / "questions" / folder).glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            conversations.append(case.get("turns") or [case["q"]])
    return conversations


def latency(bot: Bot, conversations: list[list[str]], rounds: int) -> dict[str, float]:
    """Per-question latency over many rounds of the conversations."""
    timings = []
    for _ in range(rounds):
        for turns in conversations:
            chat = bot.conversation()
            for turn in turns:
                start = time.perf_counter()
                chat.ask(turn)
                timings.append(time.perf_counter() - start)
    return {
        "questions": len(timings),
        "p50_ms": percentile(timings, 0.5) * 1e3,
        "p99_ms": percentile(timings, 0.99) * 1e3,
        "max_ms": max(timings) * 1e3,
        "qps": len(timings) / sum(timings),
    }


def oneshot(runs: int) -> dict[str, float]:
    """Cold `dealbot ask --json` against a bare import of rapidfuzz and yaml, alternately; ratio of medians."""
    ask = [sys.executable, "-m", "bot", "ask", "--json", "how much does MegaFon own?"]
    bare = [sys.executable, "-c", "import rapidfuzz, yaml"]
    subprocess.run(ask, capture_output=True, check=True)  # warm the compiled-knowledge cache once
    ours: list[float] = []
    baseline: list[float] = []
    for _ in range(runs):
        for command, times in ((ask, ours), (bare, baseline)):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
    return {
        "oneshot_ms": statistics.median(ours) * 1e3,
        "bare_import_ms": statistics.median(baseline) * 1e3,
        "oneshot_ratio": statistics.median(ours) / statistics.median(baseline),
    }


def peak_memory() -> float:
    """Peak resident memory of one one-shot process, in MiB."""
    code = (
        "import resource, subprocess, sys; subprocess.run([sys.executable, '-m', 'bot', 'ask', 'who founded alibaba'],"
        " capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(result.stdout.strip()) / 1024


def scale(size: int, rounds: int = 3) -> dict[str, Any]:
    """Generate a knowledge base of `size` facts; time its cold load, cached load and questions."""
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache
        directory = Path(folder) / "knowledge"
        questions = generate(directory, size)
        start = time.perf_counter()
        load(directory, use_cache=True)  # cold: parse, validate, index, write the cache
        cold = time.perf_counter() - start
        start = time.perf_counter()
        bot = load(directory, use_cache=True)
        cached = time.perf_counter() - start
        result = latency(bot, [[q] for q in questions], rounds)
    return {"facts": size, "entities": size, "load_s": cached, "cold_load_s": cold, **result}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print a table (and a JSON line), and say whether every target is met."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="end with one JSON object on the last line")
    parser.add_argument("--scale", type=int, metavar="N", help="only the synthetic knowledge base of N facts")
    parser.add_argument("--rounds", type=int, default=20, help="rounds over the question sets (default 20)")
    parser.add_argument("--runs", type=int, default=15, help="alternating cold-start runs (default 15)")
    args = parser.parse_args(argv)
    if args.scale:
        row = scale(args.scale)
        print(
            f"facts={row['facts']} load={row['load_s']:.3f}s (cold {row['cold_load_s']:.2f}s) "
            f"p50={row['p50_ms']:.3f}ms p99={row['p99_ms']:.3f}ms"
        )
        if args.json:
            print(json.dumps(row))
        return 0
    dealbot = load(bundled_knowledge_dir())
    bundled = latency(dealbot, our_questions(), args.rounds)
    blind = latency(dealbot, our_questions("blind"), args.rounds)
    cold = oneshot(args.runs)
    memory = peak_memory()
    scales = [scale(size) for size in SCALES]
    checks = {
        f"p99 {bundled['p99_ms']:.3f} ms <= {TARGETS['p99_ms']} ms": bundled["p99_ms"] <= TARGETS["p99_ms"],
        f"blind rounds: p99 {blind['p99_ms']:.3f} ms <= {TARGETS['p99_ms']} ms": blind["p99_ms"] <= TARGETS["p99_ms"],
        f"one-shot {cold['oneshot_ratio']:.2f}x bare import <= {TARGETS['oneshot_ratio']}x": cold["oneshot_ratio"]
        <= TARGETS["oneshot_ratio"],
        f"10,000 facts: p99 {scales[-1]['p99_ms']:.3f} ms <= {TARGETS['scale_p99_ms']} ms": scales[-1]["p99_ms"]
        <= TARGETS["scale_p99_ms"],
        f"10,000 facts: load {scales[-1]['load_s']:.3f} s <= {TARGETS['scale_load_s']} s": scales[-1]["load_s"]
        <= TARGETS["scale_load_s"],
        "latency grows sub-linearly (p50 at 10,000 / p50 at 100 < 100)": scales[-1]["p50_ms"] / scales[0]["p50_ms"]
        < SCALES[-1] / SCALES[0],
    }
    print(
        f"bundled knowledge: {bundled['questions']} questions  p50 {bundled['p50_ms']:.3f} ms  "
        f"p99 {bundled['p99_ms']:.3f} ms  max {bundled['max_ms']:.3f} ms  {bundled['qps']:.0f} questions/s"
    )
    print(
        f"blind rounds: {blind['questions']} questions  p50 {blind['p50_ms']:.3f} ms  "
        f"p99 {blind['p99_ms']:.3f} ms  max {blind['max_ms']:.3f} ms"
    )
    print(
        f"one-shot `dealbot ask --json`: {cold['oneshot_ms']:.1f} ms median vs bare import "
        f"{cold['bare_import_ms']:.1f} ms: {cold['oneshot_ratio']:.2f}x; peak memory {memory:.1f} MiB"
    )
    print(f"{'facts':>7} {'load (cached) s':>16} {'cold load s':>12} {'p50 ms':>8} {'p99 ms':>8}")
    for row in scales:
        print(
            f"{row['facts']:>7} {row['load_s']:>16.3f} {row['cold_load_s']:>12.2f} {row['p50_ms']:>8.3f} "
            f"{row['p99_ms']:>8.3f}"
        )
    for label, ok in checks.items():
        print(f"{'ok  ' if ok else 'MISS'} {label}")
    print("all targets met" if all(checks.values()) else "some targets missed")
    if args.json:
        print(
            json.dumps(
                {
                    "bundled": bundled,
                    "blind": blind,
                    "oneshot": cold,
                    "peak_memory_mib": memory,
                    "scale": scales,
                    "targets_met": all(checks.values()),
                }
            )
        )
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
