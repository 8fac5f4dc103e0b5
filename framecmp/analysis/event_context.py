"""With three or more inputs, group them into events, so the pair answers agree with each other.

Judged alone, pairs can contradict each other: a = b and b = c, but a != c. Grouping the inputs
by average linkage on the pair log-odds (merge the two groups whose pairs have the highest mean
log-odds, while that mean reaches the threshold's) gives one consistent answer, and each pair's
answer then rests on every report of its group rather than on one pair. A pair's score in
context is that pooled value as a probability: the logistic of the mean log-odds linking its
two groups when they were merged (so >= the threshold), or between the two final groups it was
left in (below it); a logarithmic opinion pool, in which a confident pair weighs more than an
unsure one. No parameter is fitted: the threshold is the pair model's 0.5.

Measured on ECB+ held-out topics (``python eval/same_event.py``): in contexts of 3 to 23
documents drawn from one topic (both of its events, one event, one event plus one report of
the other), the grouped answer is right more often than the pair alone in all but the
smallest mixed contexts (docs/same-event.md, rounds 4 and 7). Pooling log-odds rather than
probabilities was chosen by nested cross-validation over four linkage rules (round 7). Ties are
broken by document id, and the means are summed in sorted order, so no score depends on the
order of the inputs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

MIN_DOCUMENTS = 3  # grouping two documents is the pair verdict itself
# Probabilities are kept this far from 0 and 1 before taking log-odds: the pair model's
# logistic can round to exactly 1.0, whose log-odds are infinite (27.6 at the bound).
_EDGE = 1e-12


@dataclass(frozen=True, slots=True)
class ContextReading:
    """A pair's answer in context: the groups behind it and the average that decided it."""

    probability: float  # pooled probability between the two groups (see module doc)
    pair_probability: float  # the pair's own
    same_group: bool
    group_a: tuple[str, ...]  # doc ids of a's group when decided, sorted
    group_b: tuple[str, ...]


def read_in_context(
    doc_ids: Sequence[str], probabilities: Mapping[tuple[int, int], float], threshold: float
) -> dict[tuple[int, int], ContextReading]:
    """Every pair (i < j) of ``doc_ids`` read through the grouping of all of them.

    ``probabilities`` holds each pair's own probability under key (i, j), i < j; a pair
    absent from it (one the model cannot judge) gets no reading and joins no groups.
    """
    if len(doc_ids) < MIN_DOCUMENTS:
        return {}

    odds = {key: _log_odds(p) for key, p in probabilities.items()}
    cut = _log_odds(threshold)

    def between(left: frozenset[int], right: frozenset[int]) -> float:
        # a pair the model cannot judge (absent from ``probabilities``) does not count
        keys = ((min(i, j), max(i, j)) for i in left for j in right)
        values = sorted(odds[key] for key in keys if key in odds)
        return math.fsum(values) / len(values) if values else -math.inf

    def named(group: frozenset[int]) -> tuple[str, ...]:
        return tuple(sorted(doc_ids[i] for i in group))

    readings: dict[tuple[int, int], ContextReading] = {}
    groups = [frozenset([i]) for i in range(len(doc_ids))]
    while True:
        candidates = [
            (between(left, right), named(left | right), left, right)
            for n, left in enumerate(groups)
            for right in groups[n + 1 :]
        ]
        best = max(candidates, key=lambda c: (c[0], c[1]), default=None)
        if best is None or best[0] < cut:
            break
        pooled, _, left, right = best
        for i in left:
            for j in right:
                key = (min(i, j), max(i, j))
                if key not in probabilities:
                    continue
                # merged at pooled >= cut: the probability reaches the threshold (max() only
                # guards the last bit of the log-odds round trip)
                readings[key] = ContextReading(
                    max(_probability(pooled), threshold),
                    probabilities[key],
                    True,
                    named(left),
                    named(right),
                )
        groups = [g for g in groups if g not in (left, right)] + [left | right]
    for n, left in enumerate(groups):
        for right in groups[n + 1 :]:
            pooled = between(left, right)
            for i in left:
                for j in right:
                    key = (min(i, j), max(i, j))
                    if key in probabilities:
                        readings[key] = ContextReading(
                            _probability(pooled),
                            probabilities[key],
                            False,
                            named(left),
                            named(right),
                        )
    return readings


def _log_odds(probability: float) -> float:
    p = min(max(probability, _EDGE), 1.0 - _EDGE)
    return math.log(p / (1.0 - p))


def _probability(log_odds: float) -> float:
    return 1.0 / (1.0 + math.exp(-log_odds))
