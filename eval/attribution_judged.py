"""Precision of the bundled attribution lexicon on blind-judged hits of real news (ECB+).

    python eval/attribution_judged.py [ECBPLUS_TEXT_DIR]   (default eval/data/ecbplus)

Reads eval/gold/attribution-hits-even.toml: 170 hits drawn at random from the ECB+ even-topic
texts with the lexicon before version 2026.12.2 (150 of every word but the "say" family and
"according to", 20 of those), each judged by two blind helpers as an act of communication or
another sense. Prints the share judged attribution among the judged hits (what the old lexicon
counted) and among those the current lexicon still counts, and every judged hit it no longer
counts; then how many hits the current lexicon counts on all ECB+ texts.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framecmp import api  # noqa: E402
from framecmp.analysis import lexicon, score  # noqa: E402

GOLD = ROOT / "eval" / "gold" / "attribution-hits-even.toml"
SAY_FAMILY = frozenset({"said", "says", "say", "saying", "according to"})


def counted_hits(corpus: Path) -> Counter[tuple[str, str, str]]:
    """(doc id, sentence text, term) of every hit of the bundled attribution lexicon."""
    records = [
        json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines() if line
    ]
    documents = api.prepare_documents(api.load_articles([corpus / r["path"] for r in records]))
    attribution = lexicon.resolve(["attribution"])
    found: Counter[tuple[str, str, str]] = Counter()
    for document in documents:
        for row in score.score_lexicons([document], attribution):
            for hit in row.hits:
                found[(document.doc_id, document.sentences[hit.sentence].text, hit.term)] += 1
    return found


def precision(rows: list[dict[str, str]]) -> str:
    judged = [r for r in rows if r["judgment"] != "split"]
    right = sum(r["judgment"] == "attribution" for r in judged)
    return f"{right}/{len(judged)} = {right / max(1, len(judged)):.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "eval" / "data" / "ecbplus")
    args = parser.parse_args()
    if not (args.corpus / "manifest.jsonl").is_file():
        print(f"attribution_judged: no manifest.jsonl under {args.corpus}", file=sys.stderr)
        return 2
    hits = tomllib.loads(GOLD.read_text(encoding="utf-8"))["hit"]
    found = counted_hits(args.corpus)
    remaining = Counter(found)
    kept, dropped = [], []
    for hit in hits:
        key = (hit["doc"], hit["sentence"], hit["term"])
        if remaining[key] > 0:
            remaining[key] -= 1
            kept.append(hit)
        else:
            dropped.append(hit)
    print(f"{GOLD.name}: {len(hits)} judged hits ({Counter(h['judgment'] for h in hits)})")
    for label, group in (("other words", False), ("say family and 'according to'", True)):
        before = [h for h in hits if (h["term"].lower() in SAY_FAMILY) == group]
        after = [h for h in kept if (h["term"].lower() in SAY_FAMILY) == group]
        print(
            f"  {label}: judged attribution among the hits drawn {precision(before)}; "
            f"among those still counted {precision(after)}"
        )
    print(f"  no longer counted: {len(dropped)}")
    for hit in dropped:
        print(f"    {hit['judgment']:12} {hit['matched']!r}: {hit['sentence'][:90]}")
    print(f"attribution hits on all ECB+ texts now: {sum(found.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
