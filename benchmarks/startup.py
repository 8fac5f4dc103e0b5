"""Start-up and end-to-end timings of the CLI (issue 3 targets), printed, never asserted.

Targets: `framecmp --help` under 0.3 s; `framecmp compare` on the three Bishkek samples within
1.3x the time Python takes just to import typer, rich, nltk and scikit-learn's TfidfVectorizer.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BISHKEK = [
    str(ROOT / "data" / "bishkek-2025-11-27" / n)
    for n in ("tass.txt", "cgtn.txt", "unknown-outlet.txt")
]
BASELINE_IMPORTS = (
    "import typer, rich, nltk; from sklearn.feature_extraction.text import TfidfVectorizer"
)


# Measure as users run it: with bytecode caches. PYTHONDONTWRITEBYTECODE (set in some sandboxes)
# makes every run recompile every module from source, ours and the libraries' alike.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _seconds(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run; CPU time varies less on a busy VM."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, capture_output=True, check=False, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    python = sys.executable
    rows = [
        ("python -c pass", [python, "-c", "pass"]),
        ("framecmp --help", [python, "-m", "framecmp", "--help"]),
        ("framecmp compare --help", [python, "-m", "framecmp", "compare", "--help"]),
        ("import typer, rich, nltk, TfidfVectorizer", [python, "-c", BASELINE_IMPORTS]),
        ("framecmp compare (3 Bishkek, terminal)", [python, "-m", "framecmp", "compare", *BISHKEK]),
        (
            "framecmp compare (3 Bishkek, json)",
            [python, "-m", "framecmp", "compare", *BISHKEK, "--format", "json"],
        ),
    ]
    # Round-robin, so that a slow spell of the machine hits every command alike.
    for _, command in rows:  # warm-up: writes the bytecode caches, not timed
        _seconds(command)
    wall: dict[str, list[float]] = {name: [] for name, _ in rows}
    cpu: dict[str, list[float]] = {name: [] for name, _ in rows}
    for _ in range(args.runs):
        for name, command in rows:
            wall_seconds, cpu_seconds = _seconds(command)
            wall[name].append(wall_seconds)
            cpu[name].append(cpu_seconds)
    results = {name: statistics.median(values) for name, values in wall.items()}
    print(f"{'median of ' + str(args.runs) + ' runs':45s} {'wall':>7s} {'cpu':>7s}")
    for name, _ in rows:
        print(f"{name:45s} {results[name]:6.3f}s {statistics.median(cpu[name]):6.3f}s")
    base = "import typer, rich, nltk, TfidfVectorizer"
    for view in ("terminal", "json"):
        run = f"framecmp compare (3 Bishkek, {view})"
        for label, measure in (("wall", wall), ("cpu", cpu)):
            ratios = [c / b for c, b in zip(measure[run], measure[base], strict=True)]
            print(
                f"compare ({view}) / import baseline, {label}: {statistics.median(ratios):.2f}x "
                f"(paired runs, range {min(ratios):.2f}-{max(ratios):.2f}; target <= 1.3x)"
            )
    print(f"--help = {results['framecmp --help']:.3f} s (target < 0.3 s)")


if __name__ == "__main__":
    main()
