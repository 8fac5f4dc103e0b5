"""Same-event scores of every pair of bundled samples, with the signals behind each.

    python benchmarks/same_event.py

Prints a row per pair: the expected answer (from data/README.md), framecmp's score and verdict.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from framecmp.api import compare

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {
    "tass": ("bishkek", ROOT / "data/bishkek-2025-11-27/tass.txt"),
    "cgtn": ("bishkek", ROOT / "data/bishkek-2025-11-27/cgtn.txt"),
    "unknown-outlet": ("bishkek", ROOT / "data/bishkek-2025-11-27/unknown-outlet.txt"),
    "rt": ("lavrov", ROOT / "data/lavrov-roundtable-2025-12/rt.txt"),
    "unknown-wire": ("alaska", ROOT / "data/alaska-2025-08-17/unknown-wire.txt"),
}


def main() -> None:
    correct = 0
    pairs = list(combinations(SAMPLES, 2))
    for a, b in pairs:
        (event_a, path_a), (event_b, path_b) = SAMPLES[a], SAMPLES[b]
        verdict = compare([path_a, path_b]).same_event
        pair = verdict.pairs[0]
        expected = event_a == event_b
        correct += verdict.verdict == expected
        signals = ", ".join(f"{s.name}={s.value:.2f}" for s in pair.signals)
        print(
            f"{a:15s} {b:15s} expected={'same' if expected else 'diff':4s} "
            f"score={pair.score:.2f} verdict={'same' if verdict.verdict else 'diff':4s} [{signals}]"
        )
    print(f"\n{correct}/{len(pairs)} pairs judged as expected")


if __name__ == "__main__":
    main()
