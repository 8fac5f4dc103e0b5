"""The sentence-pair scorer: a logistic regression, evaluated in pure Python.

The lexical aligner's coefficients live in ``framecmp/data/pair_scorer.json``, fitted on MRPC
plus judged ECB+ odd-topic pairs; the semantic aligner keeps the MRPC-only coefficients its
constants were chosen with (``pair_scorer_mrpc.json``). Schema, feature list, training data and
test figures are in those files and in docs/alignment.md. ``eval/mrpc.py`` fits them with
scikit-learn and writes the file; at run time only this module reads them, with no
scikit-learn, numpy or scipy.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from framecmp.errors import FramecmpError
from framecmp.model import Aligner

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
# The coefficient file of each aligner (framecmp/data/).
FILES = {Aligner.LEXICAL: "pair_scorer.json", Aligner.SEMANTIC: "pair_scorer_mrpc.json"}


@dataclass(frozen=True, slots=True)
class Model:
    """Standardisation and coefficients of the fitted logistic regression."""

    intercept: float
    coefficients: tuple[float, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]


@cache
def model(aligner: Aligner = Aligner.LEXICAL) -> Model:
    """The bundled coefficients of an aligner, checked against ``FEATURES``."""
    name = FILES[aligner]
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
def _terms(aligner: Aligner = Aligner.LEXICAL) -> tuple[tuple[float, float, float], ...]:
    fitted = model(aligner)
    return tuple(zip(fitted.coefficients, fitted.means, fitted.scales, strict=True))


def probability(features: Sequence[float], aligner: Aligner = Aligner.LEXICAL) -> float:
    """P(the two sentences state the same thing), 0..1, by the aligner's coefficients."""
    fitted = model(aligner)
    if len(features) != len(fitted.coefficients):
        raise ValueError(f"{len(features)} features; the model has {len(fitted.coefficients)}")
    z = fitted.intercept + sum(
        c * (x - m) / s
        for (c, m, s), x in zip(_terms(aligner), features)  # noqa: B905 (lengths checked above)
    )
    if z < -30:  # exp overflows far beyond any score the aligner keeps
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def logit(probability_: float) -> float:
    """The score ``z`` at which ``probability`` returns ``probability_`` (0 < it < 1)."""
    return math.log(probability_ / (1.0 - probability_))


@cache
def bound_terms() -> tuple[tuple[float, float], ...]:
    """(slope, mean) of each feature's term in the lexical aligner's ``z``, ``slope * (x - mean)``,
    for bounds of ``z`` (``probability``'s terms up to float rounding, so use a margin)."""
    return tuple((c / s, m) for c, m, s in _terms())
