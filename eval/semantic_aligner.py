"""Choose the constants of the semantic aligner on the ECB+ odd-topic judgments only.

    pip install 'framecmp[semantic]' && python eval/semantic_aligner.py [--ecbplus DIR]

``framecmp.analysis.align_semantic.combine`` mixes the pair scorer's probability with the USE
cosine rescaled from UNRELATED_COSINE (0) to 1. Printed here, on the judged dev pairs
(``alignment_judged.DEV_FILES``, ECB+ odd topics; never the test samples or the Bishkek gold):
the median cosine of the pairs judged wrong (UNRELATED_COSINE), the ranking AUC of each mix
weight (SEMANTIC_WEIGHT), precision by cut of the chosen mix (SEMANTIC_MIN_SCORE), and, for
NEIGHBOURS, what the embedding-neighbour candidates add on the comparisons of the judged dev
unique sentences (ecbplus-dev2-judgments.toml, whose pool is replayed from its seed).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import alignment_judged as judged  # noqa: E402

from framecmp.analysis import align_semantic  # noqa: E402
from framecmp.analysis.align import align, sentence_pair_probability  # noqa: E402
from framecmp.model import Document  # noqa: E402

WEIGHTS = (0.1, 0.25, 0.5, 0.75, 1.0)
CUTS = (0.3, 0.35, 0.375, 0.4, 0.45, 0.5, 0.55, 0.6)
NEIGHBOUR_COUNTS = (0, 1, 3)
UNIQUE_FILE = "ecbplus-dev2-judgments.toml"
# Judged ECB+ odd-topic pairs outside the pair scorer's fit (eval/mrpc.py uses DEV_FILES and
# DEV_UNIQUE_FILES): where the scorer's share of the mix is judged.
UNSEEN_FILES = (
    "ecbplus-dev4-judgments.toml",
    "ecbplus-dev5-restated.toml",
    "ecbplus-dev6-unique.toml",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ecbplus", type=Path, default=judged.ECBPLUS)
    parser.add_argument("--skip-neighbours", action="store_true")
    args = parser.parse_args()
    import numpy as np

    model = align_semantic.load_embedder()._model

    def encoded(pairs: list[tuple[str, str, int]]) -> list[float]:
        left = np.asarray(model.encode([a for a, _, _ in pairs]))
        right = np.asarray(model.encode([b for _, b, _ in pairs]))
        left /= np.linalg.norm(left, axis=1, keepdims=True)
        right /= np.linalg.norm(right, axis=1, keepdims=True)
        return [float(c) for c in (left * right).sum(axis=1)]

    # UNRELATED_COSINE is a property of the embedding alone: the first dev judgments
    pairs = judged.judged_pairs(args.ecbplus, judged.DEV_FILES)
    labels = [y for *_, y in pairs]
    cosines = encoded(pairs)
    unrelated = statistics.median(c for c, y in zip(cosines, labels, strict=True) if not y)
    related = statistics.median(c for c, y in zip(cosines, labels, strict=True) if y)
    print(
        f"{len(pairs)} judged dev pairs ({sum(labels)} right): median USE cosine of the wrong "
        f"pairs {unrelated:.3f} (UNRELATED_COSINE, shipped {align_semantic.UNRELATED_COSINE}), "
        f"of the right ones {related:.3f}"
    )
    # The weight and the threshold mix in the pair scorer, whose fit saw those pairs: they are
    # checked on the judged dev pairs it never saw.
    pairs = judged.judged_pairs(args.ecbplus, UNSEEN_FILES)
    labels = [y for *_, y in pairs]
    cosines = encoded(pairs)
    lexical = [sentence_pair_probability(a, b) for a, b, _ in pairs]
    print(
        f"{len(pairs)} judged dev pairs the pair scorer's fit never saw ({sum(labels)} right); "
        f"ROC AUC: pair scorer {judged.roc_auc(lexical, labels):.3f}, USE cosine "
        f"{judged.roc_auc(cosines, labels):.3f}"
    )

    def mixed(weight: float) -> list[float]:
        base = align_semantic.UNRELATED_COSINE
        return [
            (1 - weight) * p + weight * min(1.0, max(0.0, (c - base) / (1 - base)))
            for p, c in zip(lexical, cosines, strict=True)
        ]

    for weight in WEIGHTS:
        print(f"  SEMANTIC_WEIGHT {weight}: AUC {judged.roc_auc(mixed(weight), labels):.3f}")
    chosen = mixed(align_semantic.SEMANTIC_WEIGHT)
    print(f"combined score at the shipped weight {align_semantic.SEMANTIC_WEIGHT}, by cut:")
    for cut in CUTS:
        kept = [y for s, y in zip(chosen, labels, strict=True) if s >= cut]
        print(
            f"  >= {cut}: {len(kept)} pairs ({sum(kept)} right), "
            f"precision {sum(kept) / max(1, len(kept)):.3f}"
        )
    if not args.skip_neighbours:
        neighbours(args.ecbplus)
    return 0


def neighbours(corpus: Path) -> None:
    """Judged dev unique sentences that the semantic mode pairs, by neighbour count."""
    raw = tomllib.loads((ROOT / "eval" / "gold" / UNIQUE_FILE).read_text(encoding="utf-8"))
    pool = raw["pool"]
    rng = random.Random(int(pool["seed"]))
    comparisons: list[list[Document]] = []
    for group in judged.events(corpus, str(pool["topics"])):
        documents = judged.comparison_documents(corpus, group, rng)
        if len(documents) >= 3:
            comparisons.append(documents)
    wanted: dict[int, list[tuple[int, str]]] = {}  # comparison -> (sentence index, judgment)
    located: dict[int, str] = {}
    for n, item in enumerate(raw.get("unique", [])):
        for c, documents in enumerate(comparisons):
            document = next((d for d in documents if d.doc_id == item["s"]["doc"]), None)
            index = judged.find(document, item["s"]["text"]) if document else None
            if document is not None and index is not None:
                wanted.setdefault(c, []).append((n, item["judgment"]))
                located[n] = f"{document.doc_id}:{index}"
                break
    total = sum(len(v) for v in wanted.values())
    judged_counterpart = sum(1 for v in wanted.values() for _, j in v if j == "counterpart")
    print(
        f"{UNIQUE_FILE}: {total} judged unique sentences located in {len(wanted)} comparisons "
        f"({judged_counterpart} judged to have a counterpart)"
    )
    shipped = align_semantic.NEIGHBOURS
    try:
        for k in NEIGHBOUR_COUNTS:
            align_semantic.NEIGHBOURS = k
            paired = {"counterpart": 0, "none": 0}
            no_shared: list[str] = []
            for c, items in sorted(wanted.items()):
                alignment = align(comparisons[c], aligner="semantic")
                refs = {f"{r.doc}:{r.sentence}" for p in alignment.pairs for r in (p.a, p.b)}
                texts = {d.doc_id: d for d in comparisons[c]}
                no_shared += [
                    f"    {p.score:.2f} {texts[p.a.doc].sentences[p.a.sentence].text!r} / "
                    f"{texts[p.b.doc].sentences[p.b.sentence].text!r}"
                    for p in alignment.pairs
                    if not p.shared_terms
                ]
                for n, judgment in items:
                    if located[n] in refs:
                        paired[judgment] = paired.get(judgment, 0) + 1
            print(
                f"  NEIGHBOURS {k}: paired {paired['counterpart']} of the {judged_counterpart} "
                f"with a counterpart, {paired['none']} of the {total - judged_counterpart} "
                f"without; {len(no_shared)} aligned pairs with no shared term in these "
                "comparisons:"
            )
            print("\n".join(no_shared))
    finally:
        align_semantic.NEIGHBOURS = shipped


if __name__ == "__main__":
    sys.exit(main())
