"""Start-up and end-to-end timings of the CLI (issue 3 targets), printed, never asserted.

Targets: `framecmp --help` under 0.3 s; `framecmp compare` on the three Bishkek samples within
1.3x the time Python takes just to import typer, rich, nltk and scikit-learn's TfidfVectorizer.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
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


def _median_seconds(command: list[str], runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
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
    results = {}
    for name, command in rows:
        results[name] = _median_seconds(command, args.runs)
        print(f"{name:45s} {results[name]:6.3f} s  (median of {args.runs})")
    baseline = results["import typer, rich, nltk, TfidfVectorizer"]
    compare = results["framecmp compare (3 Bishkek, terminal)"]
    print(f"\ncompare / import baseline = {compare / baseline:.2f}x (target <= 1.3x)")
    print(f"--help = {results['framecmp --help']:.3f} s (target < 0.3 s)")


if __name__ == "__main__":
    main()
