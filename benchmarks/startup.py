"""Start-up and end-to-end cost of the CLI (issue 11 targets), printed, never asserted.

Targets: `framecmp --help` <= 0.15 s; `framecmp compare` on the three Bishkek samples <= 0.5x
the time Python takes just to import typer, rich, nltk and scikit-learn's TfidfVectorizer (the
import cost of the first version), in the terminal view and in JSON; peak memory <= 100 MiB.

    python benchmarks/startup.py [--runs 11] [--before DIR] [--large]

--before DIR also times DIR's framecmp (another checkout, e.g. `git worktree add DIR main`) in
the same rounds. --large adds the terminal view and JSON of 26 ECB+ articles (slow).
The baseline imports scikit-learn, so it needs the dev install (`pip install -e '.[dev]'`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inputs import BISHKEK, build_sets

ROOT = Path(__file__).resolve().parent.parent
BASELINE = "import typer, rich, nltk, TfidfVectorizer"
BASELINE_IMPORTS = (
    "import typer, rich, nltk; from sklearn.feature_extraction.text import TfidfVectorizer"
)
# Measure as users run it: with bytecode caches. PYTHONDONTWRITEBYTECODE (set in some sandboxes)
# makes every run recompile every module from source, ours and the libraries' alike.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _measure(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU (user + system) seconds and peak memory (MiB) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = 0  # reaped by wait4; keeps Popen from waiting again
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--before", type=Path, help="another framecmp checkout to time alongside")
    parser.add_argument("--large", action="store_true", help="also 26 ECB+ articles")
    args = parser.parse_args()
    python = sys.executable
    compare = [python, "-m", "framecmp", "compare"]
    bishkek = [str(p) for p in BISHKEK]
    rows: list[tuple[str, list[str], Path]] = [
        ("python -c pass", [python, "-c", "pass"], ROOT),
        ("framecmp --help", [python, "-m", "framecmp", "--help"], ROOT),
        ("framecmp compare --help", [*compare, "--help"], ROOT),
        (BASELINE, [python, "-c", BASELINE_IMPORTS], ROOT),
        ("compare 3 Bishkek, terminal", [*compare, *bishkek], ROOT),
        ("compare 3 Bishkek, json", [*compare, *bishkek, "--format", "json"], ROOT),
    ]
    if args.before:
        before = args.before.resolve()
        rows += [(f"before: {name[8:]}", command, before) for name, command, _ in rows[4:6]]
    if args.large:
        articles = [str(p) for p in build_sets(Path(tempfile.mkdtemp()))["26 ECB+ articles"]]
        for view, options in (("terminal", []), ("json", ["--format", "json"])):
            command = [*compare, "--allow-different-events", *articles, *options]
            rows.append((f"compare 26 ECB+, {view}", command, ROOT))
            if args.before:
                rows.append((f"before: 26 ECB+, {view}", command, args.before.resolve()))

    for _, command, cwd in rows:  # warm-up: writes the bytecode caches, not timed
        _measure(command, cwd)
    wall: dict[str, list[float]] = {name: [] for name, _, _ in rows}
    cpu: dict[str, list[float]] = {name: [] for name, _, _ in rows}
    memory: dict[str, list[float]] = {name: [] for name, _, _ in rows}
    # Round-robin, so that a slow spell of the shared machine hits every command alike.
    for _ in range(args.runs):
        for name, command, cwd in rows:
            seconds, cpu_seconds, mib = _measure(command, cwd)
            wall[name].append(seconds)
            cpu[name].append(cpu_seconds)
            memory[name].append(mib)

    print(f"{'median of ' + str(args.runs) + ' runs':44s} {'wall':>7s} {'cpu':>7s} {'peak':>8s}")
    for name, _, _ in rows:
        print(
            f"{name:44s} {statistics.median(wall[name]):6.3f}s {statistics.median(cpu[name]):6.3f}s"
            f" {max(memory[name]):5.0f} MiB"
        )
    print()
    for name, _, _ in rows[4:]:
        if "26 ECB+" in name:
            continue
        for label, measure in (("wall", wall), ("cpu", cpu)):
            ratios = [c / b for c, b in zip(measure[name], measure[BASELINE], strict=True)]
            print(
                f"{name} / baseline imports, {label}: {statistics.median(ratios):.2f}x "
                f"(paired runs, range {min(ratios):.2f}-{max(ratios):.2f}; target <= 0.5x)"
            )
    help_wall = statistics.median(wall["framecmp --help"])
    help_cpu = statistics.median(cpu["framecmp --help"])
    print(f"framecmp --help: {help_wall:.3f} s wall, {help_cpu:.3f} s cpu (target <= 0.15 s)")
    peak = max(max(memory[name]) for name, _, _ in rows[4:6])
    print(f"peak memory of compare (3 Bishkek): {peak:.0f} MiB (target <= 100 MiB)")
    if args.large:
        extra = [
            t - j
            for t, j in zip(
                wall["compare 26 ECB+, terminal"], wall["compare 26 ECB+, json"], strict=True
            )
        ]
        print(
            f"26 ECB+ articles: terminal view - json = {statistics.median(extra):.2f} s wall "
            "(target <= 1 s; the reports issue's)"
        )


if __name__ == "__main__":
    main()
