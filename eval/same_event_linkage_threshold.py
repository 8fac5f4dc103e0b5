"""Experiment (tried and dropped, docs/same-event.md round 6): the grouped same-event answer
decided at another linkage threshold t, so that a pair is "same event" when its two documents
end in one group (in-context average >= t), with t chosen on the other folds' contexts.

    python eval/same_event_linkage_threshold.py

Uses the pairs, dates, folds, contexts and first-stage models of eval/same_event.py (ECB+
only). Prints, for each t, the accuracy on whole-topic contexts (same-topic pairs) and on all
28 context kinds pooled, then the nested choice: for each outer fold, the t that is best on
the other four folds' pooled contexts, applied to the fold's whole topics.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT))

import same_event as se  # noqa: E402

from framecmp.analysis.event_context import read_in_context  # noqa: E402

GRID = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55)
WHOLE = "both events, all"
FOLDS = 5

Counts = dict[float, dict[str, list[int]]]  # t -> context kind -> [pairs, right]


def fold_counts(
    pairs: list[se.Pair], probability: np.ndarray, y: np.ndarray, topics: list[int]
) -> Counts:
    """Right answers at every t in the contexts of ``topics``."""
    rng = np.random.default_rng(se.SEED)
    index = {(p.a, p.b): i for i, p in enumerate(pairs)}
    counts: Counts = {t: defaultdict(lambda: [0, 0]) for t in GRID}
    for kind, docs in se._contexts(pairs, topics, rng):
        local = {
            (i, j): float(probability[index[(docs[i], docs[j])]])
            for i in range(len(docs))
            for j in range(i + 1, len(docs))
        }
        keys = sorted(local)
        truth = np.array([y[index[(docs[i], docs[j])]] == 1 for i, j in keys])
        for t in GRID:
            readings = read_in_context([str(d) for d in docs], local, t)
            right = int(np.sum(np.array([readings[k].probability >= t for k in keys]) == truth))
            for name in (kind, "ALL"):
                counts[t][name][0] += len(keys)
                counts[t][name][1] += right
    return counts


def accuracy(per_fold: list[Counts], folds: list[int], t: float, kind: str) -> float:
    pairs = sum(per_fold[f][t][kind][0] for f in folds)
    return sum(per_fold[f][t][kind][1] for f in folds) / pairs


def run(
    name: str,
    pairs: list[se.Pair],
    text_x: np.ndarray,
    dated_x: np.ndarray,
    gap: np.ndarray,
    fit_dated_x: np.ndarray,
) -> None:
    found = se.held_out(pairs, text_x, dated_x, gap, FOLDS, fit_dated_x)
    y, groups, splits, probability = found.y, found.topics, found.splits, found.probability
    per_fold = [
        fold_counts(pairs, probability, y, sorted({int(g) for g in groups[test]}))
        for _, test in splits
    ]
    every = list(range(FOLDS))
    print(f"== {name}")
    for t in GRID:
        whole, pooled = accuracy(per_fold, every, t, WHOLE), accuracy(per_fold, every, t, "ALL")
        print(f"  t={t}: whole-topic {whole:.3f}; all 28 kinds pooled {pooled:.3f}")
    chosen, right, total = [], 0, 0
    for k in every:
        others = [f for f in every if f != k]
        best = max(GRID, key=lambda t, o=others: (accuracy(per_fold, o, t, "ALL"), -abs(t - 0.5)))
        chosen.append(best)
        total += per_fold[k][best][WHOLE][0]
        right += per_fold[k][best][WHOLE][1]
    print(f"  nested choice per fold {chosen}: whole-topic {right / total:.3f}")


def main() -> None:
    built = se.build_features(se.DEFAULT_DATA)
    pairs, x_text = built.pairs, built.x_text
    x_plain_dated, x_dated = built.x_plain_dated, built.x_dated
    plain_gap, dated_gap = built.plain_gap, built.dated_gap
    run("WITHOUT dates", pairs, x_text, x_plain_dated, plain_gap, x_dated)
    run("WITH dates", pairs, x_text, x_dated, dated_gap, x_dated)


if __name__ == "__main__":
    main()
