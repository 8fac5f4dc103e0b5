"""Measure the align stage against hand-made gold judgments: quality and time per comparison.

    python benchmarks/alignment.py GOLD.toml [--aligner lexical|semantic] [--min-score X]
                                             [--sweep] [--json]

Counting (see docs/alignment.md):
- recall: gold same-quote/paraphrase sentence pairs that the aligner pairs as same-quote or
  paraphrase (the two labels are not told apart here).
- precision: over *judged* predictions only, i.e. same-quote/paraphrase pairs whose two
  sentences are both named somewhere in the gold file; one is correct when the gold lists the
  pair with any relation (related included). Predictions touching a sentence the gold never
  names are "unjudged": counted apart and listed for a human to look at.
- false alignments: [[unique]] sentences that the aligner pairs with anything, except as
  'related' in a pair the gold lists.
Documents are built as the product builds them (load, clean, segment: framecmp.api). A gold
pair naming a sentence the clean stage removed (RT's standfirst) is left out of every count
and listed under "removed by clean".
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import statistics
import sys
import time
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framecmp.analysis.align import ALIGNERS, DEFAULT_MIN_SCORE, align  # noqa: E402
from framecmp.model import Alignment, Document, SentenceRef  # noqa: E402

# The shared Bishkek gold names its documents by the seed numbers of shared/seeds/MANIFEST.md.
SEED_DOCUMENTS = {
    "000": "data/bishkek-2025-11-27/tass.txt",
    "001": "data/bishkek-2025-11-27/unknown-outlet.txt",
    "002": "data/bishkek-2025-11-27/cgtn.txt",
}
POSITIVE = ("same-quote", "paraphrase")


class GoldError(Exception):
    """A gold file that cannot be applied to the documents."""


@dataclass(frozen=True)
class Gold:
    documents: tuple[Document, ...]
    positive: frozenset[frozenset[SentenceRef]]  # same-quote and paraphrase pairs
    listed: frozenset[frozenset[SentenceRef]]  # every pair the gold lists, related included
    related: frozenset[frozenset[SentenceRef]]
    unique: frozenset[SentenceRef]
    judged: frozenset[SentenceRef]  # every sentence the gold names
    # gold snippets that the clean stage removed (e.g. a standfirst): their pairs are left out
    removed_by_clean: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    min_score: float
    precision: float
    recall: float
    f1: float
    judged: int
    correct: int
    found: int
    gold_positive: int
    false_alignments: int
    false_alignment_rate: float
    unjudged: tuple[tuple[SentenceRef, SentenceRef, str, float], ...]
    missed: tuple[tuple[SentenceRef, SentenceRef], ...]
    wrong: tuple[tuple[SentenceRef, SentenceRef, str, float], ...]
    falsely_aligned: tuple[SentenceRef, ...]


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def product_document(doc_id: str, path: Path) -> Document:
    """Load, clean and segment one file as the product does, under the gold's document id."""
    from framecmp.api import load_articles, prepare_documents

    document = prepare_documents(load_articles([path]))[0]
    return dataclasses.replace(document, doc_id=doc_id, outlet=doc_id)


def load_gold(path: Path) -> Gold:
    """Read a gold file and resolve every snippet to one sentence of its document."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    named = raw.get("documents", SEED_DOCUMENTS)
    documents = [product_document(doc_id, ROOT / rel) for doc_id, rel in named.items()]
    by_id = {d.doc_id: d for d in documents}

    def resolve(doc_id: str, snippet: str) -> SentenceRef | None:
        """The one sentence holding ``snippet``; None when the clean stage removed it."""
        if doc_id not in by_id:
            raise GoldError(f"{path}: unknown document {doc_id!r}")
        wanted = _collapse(snippet)
        hits = [s.index for s in by_id[doc_id].sentences if wanted in _collapse(s.text)]
        if not hits and any(wanted in _collapse(r.text) for r in by_id[doc_id].removed):
            removed.append(f"{doc_id}: {snippet}")
            return None
        if len(hits) != 1:
            raise GoldError(
                f"{path}: snippet {snippet!r} matches {len(hits)} sentences of {doc_id}, not one"
            )
        return SentenceRef(doc_id, hits[0])

    positive: set[frozenset[SentenceRef]] = set()
    listed: set[frozenset[SentenceRef]] = set()
    related: set[frozenset[SentenceRef]] = set()
    judged: set[SentenceRef] = set()
    removed: list[str] = []
    for pair in raw.get("pair", []):
        a = resolve(pair["a"]["doc"], pair["a"]["text"])
        b = resolve(pair["b"]["doc"], pair["b"]["text"])
        if a is None or b is None:  # the product never sees this pair: not counted either way
            continue
        key = frozenset((a, b))
        judged |= key
        listed.add(key)
        (positive if pair["relation"] in POSITIVE else related).add(key)
    unique = {
        ref for u in raw.get("unique", []) if (ref := resolve(u["doc"], u["text"])) is not None
    }
    judged |= unique
    return Gold(
        documents=tuple(documents),
        positive=frozenset(positive),
        listed=frozenset(listed),
        related=frozenset(related - positive),
        unique=frozenset(unique),
        judged=frozenset(judged),
        removed_by_clean=tuple(sorted(set(removed))),
    )


def evaluate(gold: Gold, alignment: Alignment) -> Result:
    """Score one alignment against the gold judgments."""
    predicted = {frozenset((p.a, p.b)): p for p in alignment.pairs if p.relation in POSITIVE}
    judged = {k: p for k, p in predicted.items() if k <= gold.judged}
    correct = [k for k in judged if k in gold.listed]
    found = [k for k in gold.positive if k in predicted]
    precision = len(correct) / len(judged) if judged else 1.0
    recall = len(found) / len(gold.positive) if gold.positive else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    falsely = sorted(
        {
            ref
            for p in alignment.pairs
            for ref in (p.a, p.b)
            if ref in gold.unique
            and not (p.relation == "related" and frozenset((p.a, p.b)) in gold.listed)
        }
    )

    def row(p_key: frozenset[SentenceRef]) -> tuple[SentenceRef, SentenceRef, str, float]:
        p = predicted[p_key]
        return (p.a, p.b, p.relation, p.score)

    return Result(
        min_score=alignment.min_score,
        precision=precision,
        recall=recall,
        f1=f1,
        judged=len(judged),
        correct=len(correct),
        found=len(found),
        gold_positive=len(gold.positive),
        false_alignments=len(falsely),
        false_alignment_rate=len(falsely) / len(gold.unique) if gold.unique else 0.0,
        unjudged=tuple(sorted(row(k) for k in predicted if not k <= gold.judged)),
        missed=tuple(sorted(tuple(sorted(k)) for k in gold.positive if k not in predicted)),  # type: ignore[misc]
        wrong=tuple(sorted(row(k) for k in judged if k not in gold.listed)),
        falsely_aligned=tuple(falsely),
    )


def time_per_comparison(
    documents: Sequence[Document], aligner: str, runs: int = 7
) -> tuple[float, float]:
    """Seconds for the first call (lazy imports and data files included) and the median after."""
    start = time.perf_counter()
    align(documents, aligner=aligner)
    cold = time.perf_counter() - start
    warm = []
    for _ in range(runs):
        start = time.perf_counter()
        align(documents, aligner=aligner)
        warm.append(time.perf_counter() - start)
    return cold, statistics.median(warm)


def _sentence(documents: Mapping[str, Document], ref: SentenceRef) -> str:
    text = _collapse(documents[ref.doc].sentences[ref.sentence].text)
    return f"{ref.doc}[{ref.sentence}] {text[:110]}"


def _report(gold: Gold, result: Result, verbose: bool) -> None:
    print(
        f"min_score {result.min_score:.3f}: precision {result.precision:.2f} "
        f"({result.correct}/{result.judged} judged), recall {result.recall:.2f} "
        f"({result.found}/{result.gold_positive}), F1 {result.f1:.2f}, "
        f"false alignments {result.false_alignments}/{len(gold.unique)} "
        f"({result.false_alignment_rate:.0%}), unjudged {len(result.unjudged)}"
    )
    if not verbose:
        return
    docs = {d.doc_id: d for d in gold.documents}
    for title, rows in (
        ("wrong (judged, not in gold)", result.wrong),
        ("unjudged", result.unjudged),
    ):
        print(f"  {title}: {len(rows)}")
        for a, b, relation, score in rows:
            print(f"    {relation} {score:.3f}")
            print(f"      {_sentence(docs, a)}\n      {_sentence(docs, b)}")
    print(f"  missed gold pairs: {len(result.missed)}")
    for a, b in result.missed:
        print(f"      {_sentence(docs, a)}\n      {_sentence(docs, b)}")
    print(f"  falsely aligned unique sentences: {len(result.falsely_aligned)}")
    for ref in result.falsely_aligned:
        print(f"      {_sentence(docs, ref)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--aligner", choices=ALIGNERS, default="lexical")
    parser.add_argument("--min-score", type=float, default=DEFAULT_MIN_SCORE)
    parser.add_argument("--sweep", action="store_true", help="print metrics over thresholds")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    try:
        gold = load_gold(args.gold)
    except GoldError as err:
        print(f"alignment: error: {err}", file=sys.stderr)
        return 2
    if args.sweep:
        for step in range(4, 25):
            threshold = step * 0.025
            _report(
                gold,
                evaluate(gold, align(gold.documents, min_score=threshold, aligner=args.aligner)),
                False,
            )
        return 0
    result = evaluate(gold, align(gold.documents, min_score=args.min_score, aligner=args.aligner))
    cold, warm = time_per_comparison(gold.documents, args.aligner)
    words = sum(d.n_tokens for d in gold.documents)
    if args.json:
        payload = {
            "aligner": args.aligner,
            "min_score": args.min_score,
            "precision": result.precision,
            "recall": result.recall,
            "f1": result.f1,
            "false_alignments": result.false_alignments,
            "unjudged": len(result.unjudged),
            "seconds_first_call": cold,
            "seconds_per_comparison": warm,
        }
        print(json.dumps(payload, indent=2, sort_keys=True))
        return 0
    print(f"{args.gold}: {len(gold.documents)} documents, {words} words, aligner {args.aligner}")
    for snippet in gold.removed_by_clean:
        print(f"  removed by clean, its gold pairs left out: {snippet}")
    _report(gold, result, True)
    print(f"time per comparison: {warm * 1000:.1f} ms", end=" ")
    print(f"(first call, with lazy imports: {cold * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
