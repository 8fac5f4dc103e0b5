"""Print the claim relation framecmp names for each hand-made pair of tests/test_relations.py.

    python eval/relations.py

Prints expected vs found relation and evidence per pair, and how many match.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_relations import PAIRS  # noqa: E402

from framecmp.analysis.relations import relate  # noqa: E402


def main() -> int:
    right = 0
    print(f"{'expected':12} {'found':12} evidence | pair")
    for left, other, expected, _ in PAIRS:
        found, evidence = relate(left, other)
        right += found is expected
        print(f"{expected.value:12} {found.value:12} {' / '.join(evidence)} | {left} || {other}")
    print(f"{right}/{len(PAIRS)} hand-made pairs named as expected")
    return 0 if right == len(PAIRS) else 1


if __name__ == "__main__":
    sys.exit(main())
