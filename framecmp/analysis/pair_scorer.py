"""The sentence-pair scorer: a logistic regression, evaluated in pure Python.

Two sets of coefficients, by the kind of candidate: pairs the index of shared content stems
proposes (every candidate of the lexical aligner, most of the semantic one's) are scored by
``framecmp/data/pair_scorer.json``, fitted on MRPC plus judged ECB+ odd-topic pairs, all of
which that index proposed; pairs the embedding alone proposes (sharing one content word or
none) keep the MRPC-only coefficients (``pair_scorer_mrpc.json``), with which the semantic
aligner's cosine bar for them was set (docs/alignment.md). Schema, feature list, training data and
test figures are in those files and in docs/alignment.md. ``eval/mrpc.py`` fits them with
scikit-learn and writes the file; at run time only this module reads them, with no
scikit-learn, numpy or scipy.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib.resources import files

from framecmp.errors import FramecmpError

# The 14 features, in order, as ``framecmp.analysis.align._features`` computes them; names, titles,
# reporting verbs and attribution phrases are left out of every "content" figure.
FEATURES = (
    "cosine",  # cosine of the IDF-weighted content-stem vectors (IDF: data/idf_news.tsv)
    "coverage_min",  # share of the less-covered sentence's content weight that is shared
    "coverage_max",  # the same for the better-covered sentence
    "log_shared_weight",  # log(1 + summed IDF of the shared content stems)
    "bigram_share",  # shared adjacent content-stem pairs / those of the sentence with fewer
    "name_overlap",  # Jaccard of the names (capitalised words, listed spellings)
    "names_differ",  # 1 when each sentence names someone or somewhere the other does not
    "numbers_shared",  # 1 when both hold numbers and share one
    "numbers_differ",  # 1 when each holds a number the other lacks
    "negation_differs",  # 1 when one sentence has a negation word and the other none
    "length_ratio",  # shorter / longer, in word tokens
    "quoted_share",  # share of the shared content weight quoted in both sentences
    "coverage_names_min",  # coverage_min with names counted (after the content-word match)
    "coverage_names_max",  # coverage_max with names counted
)
SCHEMA_VERSION = 1


class Candidates(StrEnum):
    """Which pairs a set of coefficients scores."""

    SHARED_WORDS = "shared-words"  # proposed by the index of shared content stems
    EMBEDDING_ONLY = "embedding-only"  # a nearest neighbour by embedding the index did not propose


# The coefficient file of each kind of candidate (framecmp/data/).
FILES = {
    Candidates.SHARED_WORDS: "pair_scorer.json",
    Candidates.EMBEDDING_ONLY: "pair_scorer_mrpc.json",
}


@dataclass(frozen=True, slots=True)
class Model:
    """Standardisation and coefficients of the fitted logistic regression."""

    intercept: float
    coefficients: tuple[float, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]


@cache
def model(candidates: Candidates = Candidates.SHARED_WORDS) -> Model:
    """The bundled coefficients for a kind of candidate, checked against ``FEATURES``."""
    name = FILES[candidates]
    raw = json.loads((files("framecmp") / "data" / name).read_text("utf-8"))
    if raw.get("schema_version") != SCHEMA_VERSION or tuple(raw["features"]) != FEATURES:
        raise FramecmpError(f"framecmp/data/{name} does not match this framecmp version")
    return Model(
        intercept=float(raw["intercept"]),
        coefficients=tuple(float(x) for x in raw["coefficients"]),
        means=tuple(float(x) for x in raw["means"]),
        scales=tuple(float(x) for x in raw["scales"]),
    )


@cache
def _terms(
    candidates: Candidates = Candidates.SHARED_WORDS,
) -> tuple[tuple[float, float, float], ...]:
    fitted = model(candidates)
    return tuple(zip(fitted.coefficients, fitted.means, fitted.scales, strict=True))


def probability(
    features: Sequence[float], candidates: Candidates = Candidates.SHARED_WORDS
) -> float:
    """P(the two sentences state the same thing), 0..1, by the coefficients for the kind."""
    fitted = model(candidates)
    if len(features) != len(fitted.coefficients):
        raise ValueError(f"{len(features)} features; the model has {len(fitted.coefficients)}")
    z = fitted.intercept + sum(
        c * (x - m) / s
        for (c, m, s), x in zip(_terms(candidates), features)  # noqa: B905 (lengths checked above)
    )
    if z < -30:  # exp overflows far beyond any score the aligner keeps
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def logit(probability_: float) -> float:
    """The score ``z`` at which ``probability`` returns ``probability_`` (0 < it < 1)."""
    return math.log(probability_ / (1.0 - probability_))


@cache
def bound_terms() -> tuple[tuple[float, float], ...]:
    """(slope, mean) of each feature's term in the shared-word ``z``, ``slope * (x - mean)``,
    for bounds of ``z`` (``probability``'s terms up to float rounding, so use a margin)."""
    return tuple((c / s, m) for c, m, s in _terms())
