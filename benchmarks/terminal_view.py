"""Cost of the terminal view against the JSON report at many inputs (issue 11 target: the
terminal view at 26 documents at most 1 s more than the JSON), printed, never asserted.

    python benchmarks/terminal_view.py [ECB+ DIR] [--documents 26] [--runs 3]

The inputs are the first ``--documents`` articles of ECB+ topic 1 (Cybulska & Vossen 2014,
CC BY 3.0), converted from their token XML to plain text in a temporary directory. Each
variant runs as a user runs it (``python -m framecmp compare``, output to a pipe, 100
columns); the figure is the median CPU time (user + system) of the child over ``--runs``.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["COLUMNS"] = "100"


def _text(path: Path) -> str:
    sentences: dict[int, list[str]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    return "\n".join(" ".join(words) for _, words in sorted(sentences.items())) + "\n"


def _cpu(command: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=ROOT, capture_output=True, check=False, env=ENV)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ecb", nargs="?", type=Path, default=Path("/work/devdata/ecbplus-xml/ECB+"))
    parser.add_argument("--documents", type=int, default=26)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files = sorted((args.ecb / "1").glob("*.xml"))[: args.documents]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for file in files:
            target = Path(tmp) / f"{file.stem}.txt"
            target.write_text(_text(file), encoding="utf-8")
            paths.append(str(target))
        base = [sys.executable, "-m", "framecmp", "compare", *paths, "--allow-different-events"]
        variants = {
            "json": [*base, "--format", "json"],
            "terminal (default, concise)": base,
            "terminal --detail": [*base, "--detail"],
        }
        times: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(args.runs):
            for name, command in variants.items():  # alternate, so load hits every variant
                times[name].append(_cpu(command))
    json_cpu = statistics.median(times["json"])
    print(f"{len(files)} ECB+ documents, median CPU seconds of {args.runs} runs:")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:28s} {median:6.2f} s  ({median - json_cpu:+.2f} s vs json)")


if __name__ == "__main__":
    main()
