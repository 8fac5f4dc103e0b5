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


def _seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
    return time.perf_counter() - start


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
    timings: dict[str, list[float]] = {name: [] for name, _ in rows}
    for _ in range(args.runs):
        for name, command in rows:
            timings[name].append(_seconds(command))
    results = {name: statistics.median(values) for name, values in timings.items()}
    for name, _ in rows:
        print(f"{name:45s} {results[name]:6.3f} s  (median of {args.runs})")
    baseline = timings["import typer, rich, nltk, TfidfVectorizer"]
    ratios = [
        c / b
        for c, b in zip(timings["framecmp compare (3 Bishkek, terminal)"], baseline, strict=True)
    ]
    print(
        f"\ncompare / import baseline = {statistics.median(ratios):.2f}x, median of paired runs "
        f"(range {min(ratios):.2f}-{max(ratios):.2f}; target <= 1.3x)"
    )
    print(f"--help = {results['framecmp --help']:.3f} s (target < 0.3 s)")


if __name__ == "__main__":
    main()
