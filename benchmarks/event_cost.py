"""Cost of the same-event stage: 26 documents of about 700 words, every pair judged.

    python benchmarks/event_cost.py [--data eval/data/ecbplus] [--documents 26] [--words 700]

Documents are ECB+ texts (eval/data/ecbplus) of one topic joined until each has about
``--words`` words. Prints the time of per-document evidence (computed once per document), of
judging every pair from that evidence, and of ``judge_same_event`` as compare calls it.
Document preparation (load, clean, segment) and quote extraction are not counted: they
belong to other stages.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from framecmp.analysis import voices
from framecmp.analysis.event import judge_same_event, verdict_from_evidence
from framecmp.analysis.event_evidence import event_evidence
from framecmp.api import prepare_documents
from framecmp.model import Article

ROOT = Path(__file__).resolve().parent.parent


def build_articles(data: Path, documents: int, words: int) -> list[Article]:
    records = [json.loads(line) for line in (data / "manifest.jsonl").open(encoding="utf-8")]
    articles: list[Article] = []
    buffer: list[str] = []
    count = 0
    for record in records:
        buffer.append((data / record["path"]).read_text(encoding="utf-8"))
        count += int(record["words"])
        if count >= words:
            name = f"doc{len(articles):02d}"
            articles.append(Article(path=f"{name}.txt", text="\n\n".join(buffer), outlet=name))
            buffer, count = [], 0
            if len(articles) == documents:
                break
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "eval" / "data" / "ecbplus")
    parser.add_argument("--documents", type=int, default=26)
    parser.add_argument("--words", type=int, default=700)
    args = parser.parse_args()
    documents = prepare_documents(build_articles(args.data, args.documents, args.words))
    quotes = tuple(q for d in documents for q in voices.extract_quotes(d))
    mean_words = sum(d.n_tokens for d in documents) / len(documents)
    event_evidence(documents[0])  # load the word table once, as any first call would
    start = time.perf_counter()
    evidence = [event_evidence(d, quotes) for d in documents]
    evidence_seconds = time.perf_counter() - start
    start = time.perf_counter()
    verdict = verdict_from_evidence(evidence)
    pairs_seconds = time.perf_counter() - start
    start = time.perf_counter()
    judge_same_event(documents, None, quotes)
    total_seconds = time.perf_counter() - start
    print(
        f"{len(documents)} documents of {mean_words:.0f} words on average, "
        f"{len(verdict.pairs)} pairs"
    )
    print(f"evidence, once per document: {evidence_seconds:.3f} s")
    print(f"judging every pair from evidence: {pairs_seconds:.3f} s")
    print(f"judge_same_event (both, as compare calls it): {total_seconds:.3f} s")


if __name__ == "__main__":
    main()
