"""From how many words does a second process pay? (``api.SECOND_PROCESS_MIN_WORDS``)

    python benchmarks/second_process.py [ECBPLUS_TEXT_DIR] [--runs 3]

For two documents of 1,000 to 20,000 words each (ECB+ articles joined, as
``benchmarks/alignment_cost.py`` builds them), times ``api.compare_documents`` with
``workers=1`` and ``workers=2`` in fresh processes, after a warm-up on two other sentences, so
no cache has seen the input; runs alternate between the two settings. Prints the median wall
time of each and their difference.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = (1_000, 2_000, 3_000, 4_000, 6_000, 10_000, 20_000)

_RUN = """
import os, sys, time
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the CLI runs
sys.path[:0] = [{root!r}, {benchmarks!r}]
from pathlib import Path
import alignment_cost as ac
from framecmp import api
from framecmp.analysis import lexicon
paths = sorted(Path({corpus!r}).glob("*/*.txt"))
lexicons = lexicon.resolve(api.DEFAULT_LEXICONS)
warm = [ac.document("w1", "A warm-up sentence."), ac.document("w2", "A warm-up sentence.")]
api.compare_documents(warm, lexicons=lexicons)
half = len(paths) // 2
documents = [
    ac.document("a", ac.joined(paths[:half], {words})),
    ac.document("b", ac.joined(paths[half:], {words})),
]
start = time.perf_counter()
api.compare_documents(documents, lexicons=lexicons, workers={workers})
print(time.perf_counter() - start, sum(len(d.text.split()) for d in documents))
"""


def timed(corpus: Path, words: int, workers: int) -> tuple[float, int]:
    """Wall seconds of one comparison, and the words it compared."""
    code = _RUN.format(
        root=str(ROOT),
        benchmarks=str(ROOT / "benchmarks"),
        corpus=str(corpus),
        words=words,
        workers=workers,
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, words = done.stdout.split()
    return float(seconds), int(words)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "eval" / "data" / "ecbplus")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not any(args.corpus.glob("*/*.txt")):
        print(f"second_process: no texts under {args.corpus}", file=sys.stderr)
        return 2
    print("words per document (in all): median wall s, workers=1 / workers=2 (difference)")
    for words in WORDS:
        one: list[float] = []
        two: list[float] = []
        for _ in range(args.runs):
            seconds, total = timed(args.corpus, words, 1)
            one.append(seconds)
            two.append(timed(args.corpus, words, 2)[0])
        a, b = statistics.median(one), statistics.median(two)
        print(f"  2 x {words:>6,} ({total:,} in all): {a:.3f} / {b:.3f} ({b - a:+.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
