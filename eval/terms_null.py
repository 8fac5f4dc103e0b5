"""Distinctive terms under the null hypothesis, on real news (ECB+).

    python eval/terms_null.py [ECBPLUS_TEXT_DIR]   (default eval/data/ecbplus)

A term is marked significant at |z| >= 1.96 without correction for the many terms a report
tests. This measures how often that happens by chance: every ECB+ article of 16 sentences or
more is split into its even and odd sentences, two "documents" of one outlet, one text and one
event, and the terms of each half scored against the other (every term with a positive z,
not only the top few a report shows). For scale it prints the same on real comparisons: the
first 3-4 reports (by id) of every ECB+ event with three or more.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framecmp import api  # noqa: E402
from framecmp.analysis.terms import distinctive_terms  # noqa: E402
from framecmp.model import Document  # noqa: E402
from framecmp.report.views import SIGNIFICANT_Z  # noqa: E402

MIN_SENTENCES = 16
ALL_TERMS = 100_000  # top_n: every term with a positive z


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "eval" / "data" / "ecbplus")
    args = parser.parse_args()
    manifest = args.corpus / "manifest.jsonl"
    if not manifest.is_file():
        print(f"terms_null: no manifest.jsonl under {args.corpus}", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in manifest.read_text().splitlines() if line]
    documents = api.prepare_documents(api.load_articles([args.corpus / r["path"] for r in records]))

    articles = with_any = hits = 0
    for document in documents:
        if len(document.sentences) < MIN_SENTENCES:
            continue
        articles += 1
        halves = [
            Document(f"half{k}", f"half{k}", f"half{k}", document.text, document.sentences[k::2])
            for k in (0, 1)
        ]
        significant = [
            t for t in distinctive_terms(halves, top_n=ALL_TERMS) if t.z >= SIGNIFICANT_Z
        ]
        hits += len(significant)
        with_any += bool(significant)
    print(
        f"null (even vs odd sentences of one article, {articles} ECB+ articles of "
        f"{MIN_SENTENCES}+ sentences): {hits} terms at |z| >= {SIGNIFICANT_Z}, in {with_any} "
        f"articles ({with_any / max(1, articles):.3f})"
    )

    by_event: dict[str, list[Document]] = defaultdict(list)
    for record, document in zip(records, documents, strict=True):
        by_event[record["event"]].append(document)
    comparisons = with_any = hits = tested = 0
    for event in sorted(by_event):
        group = sorted(by_event[event], key=lambda d: d.doc_id)[:4]
        if len(group) < 3:
            continue
        comparisons += 1
        found = distinctive_terms(group, top_n=ALL_TERMS)
        significant = [t for t in found if t.z >= SIGNIFICANT_Z]
        tested += len(found)
        hits += len(significant)
        with_any += bool(significant)
    print(
        f"real comparisons (3-4 reports of one ECB+ event, {comparisons}): {hits} of {tested} "
        f"terms with a positive z at |z| >= {SIGNIFICANT_Z}, in {with_any} comparisons"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
