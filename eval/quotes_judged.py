"""How often `same-quote` is the same utterance, on judged real pairs (ECB+).

    python eval/quotes_judged.py

eval/gold/quotes-ecbplus-odd.toml (development) and quotes-ecbplus-even.toml (held out) hold
every pair the lexical aligner labelled `same-quote` on ECB+ comparisons of up to 4 documents
per event (odd topics seed 303, even topics seed 304; 21 and 31 pairs), judged blind by two
helpers as the same utterance by the same speaker or not. The comparisons are replayed with
the current code, and each judged pair's label now is counted against its judgment.
"""

from __future__ import annotations

import random
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import alignment_judged as judged  # noqa: E402

from framecmp.analysis.align import align  # noqa: E402
from framecmp.model import SentenceRef  # noqa: E402

FILES = {"odd": "quotes-ecbplus-odd.toml", "even": "quotes-ecbplus-even.toml"}


def main() -> int:
    for half, name in FILES.items():
        raw = tomllib.loads((ROOT / "eval" / "gold" / name).read_text(encoding="utf-8"))
        rng = random.Random(raw["pool"]["seed"])
        labels: dict[frozenset[SentenceRef], str] = {}
        texts: dict[str, object] = {}
        for group in judged.events(judged.ECBPLUS, half):
            documents = judged.comparison_documents(judged.ECBPLUS, group, rng)
            texts.update({d.doc_id: d for d in documents})
            for pair in align(documents).pairs:
                labels[frozenset((pair.a, pair.b))] = pair.relation
        counts: Counter[tuple[str, str]] = Counter()
        for pair in raw["pair"]:
            da, db = texts[pair["a"]["doc"]], texts[pair["b"]["doc"]]
            ia = judged.find(da, pair["a"]["text"])  # type: ignore[arg-type]
            ib = judged.find(db, pair["b"]["text"])  # type: ignore[arg-type]
            key = frozenset((SentenceRef(pair["a"]["doc"], ia), SentenceRef(pair["b"]["doc"], ib)))
            counts[(pair["judgment"], labels.get(key, "not aligned"))] += 1
        same = sum(n for (j, r), n in counts.items() if r == "same-quote")
        right = counts[("same-utterance", "same-quote")]
        label = "development (odd topics)" if half == "odd" else "held out (even topics)"
        print(
            f"{label}: {sum(counts.values())} judged pairs, {same} still labelled same-quote, "
            f"{right} of them the same utterance (precision {right / max(1, same):.3f}); "
            f"by judgment and label now: {dict(sorted(counts.items()))}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
