"""Write framecmp/data/document_frequencies.tsv: the IDF prior of event clustering.

Document frequencies of content words over the ECB+ development topics (odd topic numbers,
496 news documents; Cybulska & Vossen 2014, CC BY 3.0), words in at least 3 documents.
Only counts are kept. Clustering adds them to the store's own counts, so that a store of a
handful of articles still knows that "said" or "president" are common in news.

    python eval/build_idf_prior.py [--ecb DIR]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from event_clustering import DEFAULT_ECB, corpus  # noqa: E402

from framecmp.api import prepare_documents  # noqa: E402
from framecmp.corpus.events import article_evidence  # noqa: E402

MIN_DOCUMENTS = 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ecb", type=Path, default=DEFAULT_ECB)
    args = parser.parse_args()
    items = [item for item in corpus(args.ecb, "none", 84, 0) if item[2] % 2 == 1]
    df: Counter[str] = Counter()
    for article, _, _ in items:
        df.update(article_evidence(prepare_documents([article])[0])["terms"].keys())
    lines = [
        "# Document frequencies for the IDF prior of framecmp.corpus.events (event clustering).",
        "# Source: ECB+ development topics (odd topic numbers), Cybulska & Vossen 2014,",
        "# CC BY 3.0; only counts are kept. Built by eval/build_idf_prior.py.",
        f"# Format: term<TAB>documents; terms in at least {MIN_DOCUMENTS} documents.",
        f"# documents: {len(items)}",
    ]
    lines += [f"{t}\t{n}" for t, n in sorted(df.items()) if n >= MIN_DOCUMENTS and "\t" not in t]
    out = ROOT / "framecmp" / "data" / "document_frequencies.tsv"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(lines) - 5} terms from {len(items)} documents")


if __name__ == "__main__":
    main()
