"""Experiment (docs/same-event.md round 7): which linkage rule groups the inputs into events best.

    python eval/same_event_linkage_rule.py

Uses the pairs, dates, folds, contexts and first-stage models of eval/same_event.py (ECB+
only). Each rule merges the two groups whose linking pairs score highest while that score
reaches the 0.5 threshold: the mean probability (round 4), the mean log-odds (shipped since
round 7), the median probability, or the minimum (complete linkage). Prints, per rule, the
accuracy on whole-topic contexts (same-topic pairs, by fold) and on all 28 context kinds
pooled, then the nested choice: for each outer fold, the rule best on the other four folds'
pooled contexts.
"""

from __future__ import annotations

import math
import statistics
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT))

import same_event as se  # noqa: E402

WHOLE = "both events, all"
FOLDS = 5


def _log_odds(p: float) -> float:
    p = min(max(p, 1e-12), 1 - 1e-12)
    return math.log(p / (1 - p))


# rule -> (score of the pairs linking two groups, the threshold on that score)
RULES: dict[str, tuple[Callable[[Sequence[float]], float], float]] = {
    "mean probability": (statistics.fmean, 0.5),
    "mean log-odds": (lambda v: statistics.fmean(_log_odds(x) for x in v), 0.0),
    "median probability": (statistics.median, 0.5),
    "minimum probability": (min, 0.5),
}


def grouped(n: int, probability: dict[tuple[int, int], float], rule: str) -> dict[int, int]:
    """Document index -> group number, by agglomerating with ``rule``."""
    score_of, threshold = RULES[rule]
    groups = [frozenset([i]) for i in range(n)]
    while len(groups) > 1:
        best = max(
            (
                (
                    score_of(sorted(probability[(min(i, j), max(i, j))] for i in g for j in h)),
                    tuple(sorted(g | h)),
                    a,
                    b,
                )
                for a, g in enumerate(groups)
                for b, h in enumerate(groups)
                if a < b
            ),
            key=lambda c: (c[0], c[1]),
        )
        if best[0] < threshold:
            break
        merged = groups[best[2]] | groups[best[3]]
        groups = [g for k, g in enumerate(groups) if k not in (best[2], best[3])] + [merged]
    return {i: k for k, g in enumerate(groups) for i in g}


def run(
    name: str,
    pairs: list[se.Pair],
    text_x: np.ndarray,
    dated_x: np.ndarray,
    gap: np.ndarray,
    fit_dated_x: np.ndarray,
) -> None:
    found = se.held_out(pairs, text_x, dated_x, gap, FOLDS, fit_dated_x)
    y, topics, splits, probability = found.y, found.topics, found.splits, found.probability
    index = {(p.a, p.b): i for i, p in enumerate(pairs)}
    counts: dict[str, dict[tuple[int, str], list[int]]] = {
        r: defaultdict(lambda: [0, 0]) for r in RULES
    }
    for fold, (_, test) in enumerate(splits):
        rng = np.random.default_rng(se.SEED)
        for kind, docs in se._contexts(pairs, sorted({int(t) for t in topics[test]}), rng):
            local = {
                (i, j): float(probability[index[(docs[i], docs[j])]])
                for i in range(len(docs))
                for j in range(i + 1, len(docs))
            }
            truth = {key: bool(y[index[(docs[key[0]], docs[key[1]])]] == 1) for key in local}
            for rule in RULES:
                group = grouped(len(docs), local, rule)
                right = sum((group[i] == group[j]) == truth[(i, j)] for i, j in local)
                for key in ((fold, kind), (fold, "ALL")):
                    counts[rule][key][0] += len(local)
                    counts[rule][key][1] += right

    def accuracy(rule: str, folds: Sequence[int], kind: str) -> float:
        total = sum(counts[rule][(f, kind)][0] for f in folds)
        return sum(counts[rule][(f, kind)][1] for f in folds) / total

    every = range(FOLDS)
    print(f"== {name}")
    for rule in RULES:
        by_fold = " ".join(f"{accuracy(rule, [f], WHOLE):.3f}" for f in every)
        print(
            f"  {rule:20} whole topics {accuracy(rule, every, WHOLE):.3f} (folds {by_fold}); "
            f"28 kinds pooled {accuracy(rule, every, 'ALL'):.3f}"
        )
    chosen = [
        max(RULES, key=lambda r, k=k: accuracy(r, [f for f in every if f != k], "ALL"))
        for k in every
    ]
    right = sum(counts[r][(k, WHOLE)][1] for k, r in enumerate(chosen))
    total = sum(counts[r][(k, WHOLE)][0] for k, r in enumerate(chosen))
    print(f"  nested choice per fold {chosen}: whole topics {right / total:.3f}")


def main() -> None:
    built = se.build_features(se.DEFAULT_DATA)
    run(
        "WITHOUT dates",
        built.pairs,
        built.x_text,
        built.x_plain_dated,
        built.plain_gap,
        built.x_dated,
    )
    run("WITH dates", built.pairs, built.x_text, built.x_dated, built.dated_gap, built.x_dated)


if __name__ == "__main__":
    main()
