"""Time and peak memory of `framecmp compare` on large inputs (bounded-cost check).

    python benchmarks/bounded_cost.py [--sizes-mb 1 5 20] [--line-words 40000]

Inputs are generated with a fixed seed: non-repeating English-like text (50,000
pseudo-words and English stop words, sentences of 8-30 words, a paragraph break after one in
five) of 1, 5 and 20 MB, one line of 40k words without punctuation, and the same line in
capitals (an all-caps text: one run of capitalised words, which name patterns read). Each
run is a fresh `python -m framecmp compare BIG SMALL` subprocess (SMALL is the bundled TASS
sample) with --max-bytes raised to fit; peak memory is the child's maximum resident set size.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "data" / "bishkek-2025-11-27" / "tass.txt"


def _vocabulary(rng: random.Random) -> list[str]:
    """50,000 pseudo-words (so the text does not repeat) and English stop words (so it reads
    as English, as news does: about 40% of tokens)."""
    text = (ROOT / "framecmp" / "data" / "stopwords.txt").read_text(encoding="utf-8")
    stop = [w for w in text.split("\n") if w and not w.startswith("#")]
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
    content = [
        "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(50_000)
    ]
    return content * 3 + stop * (100_000 // len(stop))


def make_text(n_bytes: int, rng: random.Random, words: list[str]) -> str:
    parts: list[str] = []
    size = 0
    while size < n_bytes:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 30)))
        sentence = sentence[0].upper() + sentence[1:] + "."
        if rng.random() < 0.2:
            sentence += "\n"
        parts.append(sentence)
        size += len(sentence) + 1
    return " ".join(parts)


def run(big: Path) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "framecmp",
            "compare",
            str(big),
            str(SMALL),
            "-f",
            "json",
            "--allow-different-events",
            "--max-bytes",
            str(50_000_000),
        ],
        capture_output=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if result.returncode not in (0, 1):
        print(result.stderr.decode()[-500:], file=sys.stderr)
    return elapsed, max(peak, before) / 1024, result.returncode


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes-mb", type=float, nargs="*", default=[1, 5, 20])
    parser.add_argument("--line-words", type=int, default=40_000)
    args = parser.parse_args()
    rng = random.Random(0)
    words = _vocabulary(rng)
    print("| input | seconds | peak MiB | exit |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        line = Path(folder) / "line.txt"
        line.write_text(" ".join(rng.choice(words) for _ in range(args.line_words)) + "\n")
        elapsed, peak, code = run(line)
        print(f"| one line of {args.line_words:,} words | {elapsed:.1f} | {peak:.0f} | {code} |")
        capitals = Path(folder) / "capitals.txt"
        capitals.write_text(line.read_text().title())
        elapsed, peak, code = run(capitals)
        print(
            f"| the same line, every word capitalised | {elapsed:.1f} | {peak:.0f} | {code} |",
            flush=True,
        )
        for size in args.sizes_mb:
            big = Path(folder) / f"big-{size}.txt"
            big.write_text(make_text(int(size * 1_000_000), rng, words), encoding="utf-8")
            elapsed, peak, code = run(big)
            print(f"| {size:g} MB text | {elapsed:.1f} | {peak:.0f} | {code} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
