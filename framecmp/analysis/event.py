"""Same event? A logistic model fitted on ECB+ judges each document pair from event evidence.

Vocabulary overlap cannot tell "the same event" from "the same topic": reports of two
earthquakes share "magnitude", "epicentre" and "aftershock". So a pair is scored from what
identifies one event: the rare words of the leads, names, numbers, places, quotes of the same
speaker, and the distance between the dates the leads are about. The coefficients come from
``framecmp/data/event_model.json``, fitted by ``eval/same_event.py --fit`` on ECB+ document
pairs (Cybulska & Vossen 2014) with held-out-topic cross-validation; the figures are in that
file and in docs/same-event.md. Evaluating the model needs no numpy or scikit-learn.

Two models: ``text`` (content features only) and ``dated`` (the same plus the date gap), used
when both documents have an event date. The date gap can only lower a score (its coefficient is
negative and a gap of 0 adds nothing), so a date alone never makes two reports one event.

Three answers per pair (``EventRelation``):
- same-event: P(same event) >= ``DEFAULT_THRESHOLD``;
- same-story: the text model says the same event, but the event dates (at most
  ``MAX_STORY_DAYS`` apart) make the dated model say otherwise: a follow-up, a later development;
- different-events: otherwise.

With three or more inputs the documents are grouped into events by average linkage on these
probabilities (``event_context``), so that the pair answers agree with each other.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from itertools import combinations
from operator import mul

from framecmp.analysis.event_context import ContextReading, read_in_context
from framecmp.analysis.event_evidence import event_evidence, information
from framecmp.errors import FramecmpError
from framecmp.model import (
    Alignment,
    Document,
    EventEvidence,
    EventRelation,
    EventSignal,
    PairEventVerdict,
    Quote,
    SameEventVerdict,
)

__all__ = ["DEFAULT_THRESHOLD", "event_evidence", "judge_pair", "judge_same_event"]

DEFAULT_THRESHOLD = 0.5  # the probability at which "same event" is the likelier answer
# "Same story, a different development" is by definition a follow-up within the news cycle of a
# week; reports further apart whose text still matches are different events of one topic.
# A definition, not a fitted value: ECB+ has no same-story labels (docs/same-event.md).
MAX_STORY_DAYS = 7
MODEL_SCHEMA_VERSION = 2

# The corpus clustering (framecmp/corpus/events.py) combines its own model's probability with
# the TF-IDF cosine, and its combination weights were fitted on that probability: it keeps the
# model of these features (event_model.json ``clustering_models``), so the pair verdict below
# can use more signals without moving the clustering (docs/same-event.md, round 3).
CLUSTERING_TEXT_FEATURES = (
    "lead-overlap",
    "lead-in-body",
    "body-cosine",
    "name-cosine",
    "shared-information",
    "numbers",
    "shared-quotes",
)
# What separates the two events of one topic in ECB+ is what the leads say happened when and
# how much (error analysis in docs/same-event.md): rare words, the lead's numbers, and leads
# naming different weekdays, months or figures.
TEXT_FEATURES = (
    *CLUSTERING_TEXT_FEATURES,
    "rare-words",
    "lead-numbers",
    "lead-number-conflict",
    "weekday-conflict",
    "month-conflict",
)
# Conflicts can only lower a score (eval/same_event.py refuses a fit that gives one a positive
# coefficient), so a weekday or month word never makes two reports one event.
CONFLICT_FEATURES = ("lead-number-conflict", "weekday-conflict", "month-conflict")
# Words rarer than 3 per million in English (Zipf <= 3.5, information >= 5.5): names, places,
# technical terms. Set a priori (1 Zipf unit under the table's median of ~4.5); checked on ECB+
# held-out topics, text / dated accuracy: 4.5 0.860/0.913, 5.0 0.862/0.915, 5.5 0.865/0.917,
# 6.0 0.862/0.914, 6.5 0.862/0.913 (docs/same-event.md, round 3).
RARE_INFORMATION = 5.5
DATED_FEATURES = (*TEXT_FEATURES, "date-gap")
CLUSTERING_DATED_FEATURES = (*CLUSTERING_TEXT_FEATURES, "date-gap")
# Weakest first: a comparison answers with its weakest pair (an undetermined pair leaves the
# others' answer standing unless they all say the same event).
_RELATION_ORDER = (
    EventRelation.DIFFERENT_EVENTS,
    EventRelation.SAME_STORY,
    EventRelation.UNDETERMINED,
    EventRelation.SAME_EVENT,
)


@dataclass(frozen=True, slots=True)
class _Logistic:
    intercept: float
    coefficients: dict[str, float]
    # The coefficients by name, sorted once rather than for every pair.
    ordered: tuple[tuple[str, float], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ordered", tuple(sorted(self.coefficients.items())))

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + math.fsum(weight * features[name] for name, weight in self.ordered)
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One document's evidence as sets and weights, built once per document, not per pair."""

    evidence: EventEvidence
    lead: frozenset[str]
    lead_information: float
    term_weights: dict[str, float]
    term_norm: float
    name_weights: dict[str, float]
    name_norm: float
    numbers: frozenset[str]
    rare: frozenset[str]
    rare_information: float
    lead_numbers: frozenset[str]
    # "doc: 6.1, 14" for the lead numbers, weekdays and months: shown in every pair's evidence
    shown_lead: tuple[str, str, str]

    @classmethod
    def of(cls, evidence: EventEvidence) -> _Prepared:
        # A word's weight in a text: rarity times damped frequency (repeated words are the
        # topic), written out here rather than called per word (a third of the preparing).
        log = math.log
        terms = {w: information(w) * (1.0 + log(c)) for w, c in evidence.term_counts}
        names = {w: information(w) * (1.0 + log(c)) for w, c in evidence.name_counts}
        rare = frozenset(w for w in terms if information(w) >= RARE_INFORMATION)
        # math.fsum is correctly rounded: its sums do not depend on the order of the terms.
        return cls(
            evidence=evidence,
            lead=frozenset(evidence.lead_terms),
            lead_information=math.fsum(map(information, evidence.lead_terms)),
            term_weights=terms,
            term_norm=math.sqrt(math.fsum(map(mul, terms.values(), terms.values()))),
            name_weights=names,
            name_norm=math.sqrt(math.fsum(map(mul, names.values(), names.values()))),
            numbers=frozenset(evidence.numbers),
            rare=rare,
            rare_information=math.fsum(map(information, rare)),
            lead_numbers=frozenset(evidence.lead_numbers),
            shown_lead=(
                _show_side(evidence.doc_id, evidence.lead_numbers),
                _show_side(evidence.doc_id, evidence.lead_weekdays),
                _show_side(evidence.doc_id, evidence.lead_months),
            ),
        )


@dataclass(frozen=True, slots=True)
class _EventModel:
    text: _Logistic
    dated: _Logistic


@cache
def _raw_models() -> dict[str, dict[str, dict[str, object]]]:
    """``framecmp/data/event_model.json`` (schema in docs/same-event.md), version checked."""
    raw = json.loads((files("framecmp") / "data" / "event_model.json").read_text("utf-8"))
    if raw.get("schema_version") != MODEL_SCHEMA_VERSION:
        raise FramecmpError("event_model.json: unsupported schema_version")
    return {"pair": raw["models"], "clustering": raw["clustering_models"]}


@cache
def _model() -> _EventModel:
    """The pair verdict's models: what ``compare`` and ``judge_pair`` answer with."""
    models = _raw_models()["pair"]
    return _EventModel(
        text=_logistic(models["text"], TEXT_FEATURES),
        dated=_logistic(models["dated"], DATED_FEATURES),
    )


@cache
def _clustering_model() -> _EventModel:
    """The corpus clustering's input models (fewer features; see CLUSTERING_TEXT_FEATURES)."""
    models = _raw_models()["clustering"]
    return _EventModel(
        text=_logistic(models["text"], CLUSTERING_TEXT_FEATURES),
        dated=_logistic(models["dated"], CLUSTERING_DATED_FEATURES),
    )


def _logistic(raw: dict[str, object], names: tuple[str, ...]) -> _Logistic:
    coefficients = raw["coefficients"]
    if not isinstance(coefficients, dict) or set(coefficients) != set(names):
        raise FramecmpError(f"event_model.json: coefficients must name exactly {names}")
    intercept = raw["intercept"]
    if not isinstance(intercept, int | float):
        raise FramecmpError("event_model.json: intercept must be a number")
    return _Logistic(float(intercept), {k: float(v) for k, v in coefficients.items()})


def judge_same_event(
    documents: Sequence[Document],
    alignment: Alignment | None = None,
    quotes: Sequence[Quote] = (),
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> SameEventVerdict:
    """Judge every document pair; the documents report one event when every pair does.

    ``alignment`` is not used by the model: aligned share saturates on reports of different
    events of one topic (see docs/same-event.md), so it separates nothing.
    """
    del alignment
    evidence = [event_evidence(d, quotes) for d in documents]
    return verdict_from_evidence(evidence, threshold=threshold)


def verdict_from_evidence(
    evidence: Sequence[EventEvidence], *, threshold: float = DEFAULT_THRESHOLD
) -> SameEventVerdict:
    """The N-document verdict from per-document evidence (no text is read again).

    With three or more documents the inputs are grouped into events first (``event_context``)
    and each pair answers with its groups.
    """
    prepared = [_Prepared.of(e) for e in evidence]
    scores = {
        (i, j): _score(prepared[i], prepared[j], _model())
        for i, j in combinations(range(len(prepared)), 2)
    }
    # pairs in two languages are left out of the grouping: their probability says nothing
    readings = read_in_context(
        [e.doc_id for e in evidence],
        {
            key: score.probability
            for key, score in scores.items()
            if not languages_differ(score.a, score.b)
        },
        threshold,
    )
    pairs = tuple(_verdict(score, threshold, readings.get(key)) for key, score in scores.items())
    relation = min(
        (p.relation for p in pairs),
        key=_RELATION_ORDER.index,
        default=EventRelation.SAME_EVENT,
    )
    judged = [p for p in pairs if p.relation is not EventRelation.UNDETERMINED] or pairs
    return SameEventVerdict(
        verdict=all(p.same_event for p in pairs),
        score=min((p.score for p in judged), default=1.0),
        threshold=threshold,
        pairs=pairs,
        relation=relation,
    )


def judge_pair(
    a: EventEvidence, b: EventEvidence, *, threshold: float = DEFAULT_THRESHOLD
) -> PairEventVerdict:
    """Probability that two documents report the same event, with the evidence behind it."""
    return _judge(_Prepared.of(a), _Prepared.of(b), threshold, _model())


# For callers that judge one document against many (the corpus clustering): prepare each
# document's evidence once and judge the prepared forms.
PreparedEvidence = _Prepared


def prepare_evidence(evidence: EventEvidence) -> PreparedEvidence:
    """A document's evidence as the sets and weights every pair judgment reads."""
    return _Prepared.of(evidence)


def judge_prepared(
    a: PreparedEvidence, b: PreparedEvidence, *, threshold: float = DEFAULT_THRESHOLD
) -> PairEventVerdict:
    """``judge_pair`` of evidence prepared by ``prepare_evidence``."""
    return _judge(a, b, threshold, _model())


def judge_for_clustering(
    a: PreparedEvidence, b: PreparedEvidence, *, threshold: float = DEFAULT_THRESHOLD
) -> PairEventVerdict:
    """The judgment the corpus clustering combines with its cosine: the clustering models,
    whose scores its combination weights were fitted on (data/event_clustering.toml)."""
    return clustering_judgment(a, b, threshold=threshold).verdict()


@dataclass(frozen=True, slots=True)
class ClusteringJudgment:
    """``judge_for_clustering``'s score and relation, with its verdict written out on demand:
    the clustering shows the signals of the event an article joins, one of about three it
    judges, and wording them was a third of a judgment's cost."""

    score: float
    relation: EventRelation
    a: _Prepared
    b: _Prepared
    values: _PairValues
    threshold: float

    def signal_value(self, name: str) -> float | None:
        """The value of the verdict's signal ``name``, or None when it has none of that name."""
        model = _clustering_model()
        if name == "date-gap":
            gap = _date_gap(self.a.evidence, self.b.evidence)
            return 0.0 if gap is None else math.log1p(gap)
        if name in model.text.coefficients:
            return self.values.features[name]
        return None

    def verdict(self) -> PairEventVerdict:
        """The verdict ``judge_for_clustering`` answers, signals and all."""
        score = _score_of(self.a, self.b, self.values, _clustering_model())
        return _verdict(score, self.threshold)


def clustering_judgment(
    a: PreparedEvidence, b: PreparedEvidence, *, threshold: float = DEFAULT_THRESHOLD
) -> ClusteringJudgment:
    """``judge_for_clustering`` without writing out its signals until they are asked for."""
    values = _pair_values(a, b)
    probability, text_probability, gap = _probabilities(
        a.evidence, b.evidence, values.features, _clustering_model()
    )
    relation = _relation(probability, text_probability, gap, threshold)
    return ClusteringJudgment(probability, relation, a, b, values, threshold)


@dataclass(frozen=True, slots=True)
class _PairScore:
    """One pair scored on its own, before any verdict."""

    a: EventEvidence
    b: EventEvidence
    probability: float  # the dated model's where both have an event date, else the text one's
    text_probability: float
    gap: int | None  # days between the event dates
    signals: tuple[EventSignal, ...]  # sorted by name, weighted by the model used


def _judge(
    prepared_a: _Prepared, prepared_b: _Prepared, threshold: float, model: _EventModel
) -> PairEventVerdict:
    return _verdict(_score(prepared_a, prepared_b, model), threshold)


def _score(prepared_a: _Prepared, prepared_b: _Prepared, model: _EventModel) -> _PairScore:
    return _score_of(prepared_a, prepared_b, _pair_values(prepared_a, prepared_b), model)


def _probabilities(
    a: EventEvidence, b: EventEvidence, text_features: dict[str, float], model: _EventModel
) -> tuple[float, float, int | None]:
    """(probability, the text model's probability, date gap) of a pair's features."""
    text_probability = model.text.probability(text_features)
    gap = _date_gap(a, b)
    if gap is None:
        return text_probability, text_probability, None
    probability = model.dated.probability({**text_features, "date-gap": math.log1p(gap)})
    return probability, text_probability, gap


def _score_of(
    prepared_a: _Prepared, prepared_b: _Prepared, values: _PairValues, model: _EventModel
) -> _PairScore:
    a, b = prepared_a.evidence, prepared_b.evidence
    signals = [
        s
        for s in _pair_signals(prepared_a, prepared_b, values)
        if s.name in model.text.coefficients
    ]
    probability, text_probability, gap = _probabilities(a, b, values.features, model)
    if gap is None:
        signals.append(_date_signal(a, b, None, 0.0))
    else:
        signals.append(_date_signal(a, b, gap, model.dated.coefficients["date-gap"]))
    weights = model.dated.coefficients if gap is not None else model.text.coefficients
    weighted = tuple(
        sorted(
            (EventSignal(s.name, s.value, weights.get(s.name, 0.0), s.detail) for s in signals),
            key=lambda s: s.name,
        )
    )
    return _PairScore(a, b, probability, text_probability, gap, weighted)


def _relation(
    probability: float, text_probability: float, gap: int | None, threshold: float
) -> EventRelation:
    if probability >= threshold:
        return EventRelation.SAME_EVENT
    if gap is not None and text_probability >= threshold and gap <= MAX_STORY_DAYS:
        return EventRelation.SAME_STORY
    return EventRelation.DIFFERENT_EVENTS


def languages_differ(a: EventEvidence, b: EventEvidence) -> bool:
    """Both languages known and different: the model, which reads the words two reports
    share, cannot tell whether they report one event."""
    return a.language is not None and b.language is not None and a.language != b.language


def _verdict(
    score: _PairScore, threshold: float, reading: ContextReading | None = None
) -> PairEventVerdict:
    signals = score.signals
    probability = score.probability
    if languages_differ(score.a, score.b):
        languages = EventSignal(
            "languages",
            0.0,
            0.0,
            f"{score.a.doc_id} is in {score.a.language}, {score.b.doc_id} in "
            f"{score.b.language}: the model reads the words two reports share",
        )
        return PairEventVerdict(
            a=score.a.doc_id,
            b=score.b.doc_id,
            score=probability,
            same_event=False,
            signals=tuple(sorted((*signals, languages), key=lambda s: s.name)),
            relation=EventRelation.UNDETERMINED,
        )
    if reading is not None:
        probability = reading.probability
        signals = tuple(sorted((*signals, _context_signal(reading)), key=lambda s: s.name))
    relation = _relation(probability, score.text_probability, score.gap, threshold)
    return PairEventVerdict(
        a=score.a.doc_id,
        b=score.b.doc_id,
        score=probability,
        same_event=relation is EventRelation.SAME_EVENT,
        signals=signals,
        relation=relation,
        pair_score=score.probability if reading is not None else None,
    )


def _context_signal(reading: ContextReading) -> EventSignal:
    a, b = ", ".join(reading.group_a), ", ".join(reading.group_b)
    if reading.same_group:
        grouped = f"grouped as one event when {{{a}}} joined {{{b}}}"
    else:
        grouped = f"left in different events, {{{a}}} and {{{b}}}"
    return EventSignal(
        "context",
        reading.probability,
        1.0,  # the pair's score in context is this value
        f"alone {reading.pair_probability:.2f}; with the other reports {grouped}: "
        f"pooled pair probability (mean log-odds) between them {reading.probability:.2f}",
    )


def pair_features(a: EventEvidence, b: EventEvidence) -> tuple[dict[str, float], list[EventSignal]]:
    """The text features of a pair (symmetric in a and b) and a signal showing each."""
    prepared_a, prepared_b = _Prepared.of(a), _Prepared.of(b)
    values = _pair_values(prepared_a, prepared_b)
    return values.features, _pair_signals(prepared_a, prepared_b, values)


@dataclass(frozen=True, slots=True)
class _PairValues:
    """A pair's text features and what their signals show."""

    features: dict[str, float]
    shared_lead: frozenset[str]
    shared_body: set[str]
    shared_names: set[str]
    lead_in_body: float
    shared_numbers: frozenset[str]
    number_union: int  # numbers in either
    quotes: list[str]
    rare_shared: frozenset[str]
    covered: list[float]  # per side with lead numbers: the share found in the other text
    lead_number_conflict: bool
    weekday_conflict: bool
    month_conflict: bool


def _pair_values(a: _Prepared, b: _Prepared) -> _PairValues:
    # math.fsum is correctly rounded, so its sums do not depend on the order of the terms.
    shared_lead = a.lead & b.lead
    shared_body = a.term_weights.keys() & b.term_weights.keys()
    shared_names = a.name_weights.keys() & b.name_weights.keys()
    lead_in_body = (
        _share(a.lead & b.term_weights.keys(), a.lead_information)
        + _share(b.lead & a.term_weights.keys(), b.lead_information)
    ) / 2
    lead_shared_information = math.fsum(map(information, shared_lead))
    lead_union = a.lead_information + b.lead_information - lead_shared_information
    number_union = a.numbers | b.numbers
    shared_numbers = a.numbers & b.numbers
    quotes = _shared_quotes(a.evidence, b.evidence)
    rare_shared = a.rare & b.rare
    rare_shared_information = math.fsum(map(information, rare_shared))
    rare_union_information = a.rare_information + b.rare_information - rare_shared_information
    covered = [
        len(lead & (other.numbers | other.lead_numbers)) / len(lead)
        for lead, other in ((a.lead_numbers, b), (b.lead_numbers, a))
        if lead
    ]
    lead_number_conflict = bool(
        a.lead_numbers and b.lead_numbers and not a.lead_numbers & b.lead_numbers
    )
    weekdays_a, weekdays_b = set(a.evidence.lead_weekdays), set(b.evidence.lead_weekdays)
    months_a, months_b = set(a.evidence.lead_months), set(b.evidence.lead_months)
    weekday_conflict = bool(weekdays_a and weekdays_b and not weekdays_a & weekdays_b)
    month_conflict = bool(months_a and months_b and not months_a & months_b)
    features = {
        "lead-overlap": lead_shared_information / lead_union if lead_union else 0.0,
        "lead-in-body": lead_in_body,
        "body-cosine": _cosine(
            a.term_weights, b.term_weights, shared_body, a.term_norm, b.term_norm
        ),
        "name-cosine": _cosine(
            a.name_weights, b.name_weights, shared_names, a.name_norm, b.name_norm
        ),
        "shared-information": math.log1p(math.fsum(map(information, shared_body))),
        "numbers": len(shared_numbers) / len(number_union) if number_union else 0.0,
        "shared-quotes": math.log1p(len(quotes)),
        "rare-words": (
            rare_shared_information / rare_union_information if rare_union_information > 0 else 0.0
        ),
        "lead-numbers": math.fsum(covered) / len(covered) if covered else 0.0,
        "lead-number-conflict": float(lead_number_conflict),
        "weekday-conflict": float(weekday_conflict),
        "month-conflict": float(month_conflict),
    }
    return _PairValues(
        features,
        shared_lead,
        shared_body,
        shared_names,
        lead_in_body,
        shared_numbers,
        len(number_union),
        quotes,
        rare_shared,
        covered,
        lead_number_conflict,
        weekday_conflict,
        month_conflict,
    )


def _pair_signals(a: _Prepared, b: _Prepared, values: _PairValues) -> list[EventSignal]:
    """A signal showing each text feature of the pair."""
    v = values
    quotes, rare_shared = v.quotes, v.rare_shared
    details = {
        "lead-overlap": _show_terms("lead words in both", v.shared_lead),
        "lead-in-body": f"{v.lead_in_body:.0%} of the lead words (by rarity) recur in the other "
        "text",
        "body-cosine": _show_terms("words in both", v.shared_body),
        "name-cosine": _show_terms("names in both", v.shared_names),
        "shared-information": f"{len(v.shared_body)} shared words",
        "numbers": _show_plain("standalone numbers in both", v.shared_numbers, v.number_union),
        "shared-quotes": f"{len(quotes)} quotes in both by the same (or an unnamed) speaker"
        + (": " + "; ".join(f'"{q}"' for q in quotes[:3]) if quotes else ""),
        "rare-words": _show_terms("rare words in both", rare_shared)
        + f" ({len(rare_shared)} of {len(a.rare) + len(b.rare) - len(rare_shared)})",
        "lead-numbers": _show_sides("numbers in the lead", a, b, 0)
        + f"; {_covered_share(v.covered)} recur in the other text",
        "lead-number-conflict": (
            "the leads share no number: " if v.lead_number_conflict else "no: "
        )
        + _show_sides("lead numbers", a, b, 0),
        "weekday-conflict": (
            "the leads name different weekdays: " if v.weekday_conflict else "no: "
        )
        + _show_sides("weekdays in the lead", a, b, 1),
        "month-conflict": ("the leads name different months: " if v.month_conflict else "no: ")
        + _show_sides("months in the lead", a, b, 2),
    }
    features = v.features
    return [EventSignal(name, features[name], 0.0, details[name]) for name in TEXT_FEATURES]


def _covered_share(covered: Sequence[float]) -> str:
    """The share of lead numbers found in the other text ("62%"), or "none" without any."""
    return f"{math.fsum(covered) / len(covered):.0%}" if covered else "none"


def _show_sides(label: str, a: _Prepared, b: _Prepared, which: int) -> str:
    """Both documents' lead numbers (0), weekdays (1) or months (2), as prepared."""
    return f"{label}: {a.shown_lead[which]}; {b.shown_lead[which]}"


def _show_side(doc_id: str, values: Sequence[str]) -> str:
    more = f" (+{len(values) - 6} more)" if len(values) > 6 else ""
    return f"{doc_id}: {', '.join(sorted(values)[:6]) + more or 'none'}"


def _share(found: Iterable[str], total: float) -> float:
    return math.fsum(map(information, found)) / total if total else 0.0


def _cosine(
    a: dict[str, float], b: dict[str, float], shared: Collection[str], norm_a: float, norm_b: float
) -> float:
    if not norm_a or not norm_b:
        return 0.0
    return math.fsum(map(mul, map(a.__getitem__, shared), map(b.__getitem__, shared))) / (
        norm_a * norm_b
    )


def _date_gap(a: EventEvidence, b: EventEvidence) -> int | None:
    """Days between the event dates; with a year missing, the smallest gap any year allows."""
    if a.event_date is None or b.event_date is None:
        return None
    if not a.event_date.startswith("--") and not b.event_date.startswith("--"):
        return abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)
    # A lower bound, never a guess: the gap can only lower the score. Measured from both sides,
    # because a leap day makes "March 12 from October 1" and "October 1 from March 12" differ.
    month_a, day_a = (int(x) for x in a.event_date[-5:].split("-"))
    month_b, day_b = (int(x) for x in b.event_date[-5:].split("-"))
    return min(
        _smallest_gap(month_a, day_a, month_b, day_b), _smallest_gap(month_b, day_b, month_a, day_a)
    )


def _smallest_gap(month_a: int, day_a: int, month_b: int, day_b: int) -> int:
    first = date(2000, month_a, day_a)  # a leap year, so February 29 exists
    return min(
        abs((first - date(year, month_b, day_b)).days)
        for year in (1999, 2000, 2001)
        if month_b != 2 or day_b != 29 or year == 2000
    )


def _date_signal(a: EventEvidence, b: EventEvidence, gap: int | None, weight: float) -> EventSignal:
    shown = [
        f"{e.doc_id}: {e.event_date} ({e.event_date_source}: {e.event_date_detail})"
        if e.event_date
        else f"{e.doc_id}: no event date"
        for e in (a, b)
    ]
    if gap is None:
        return EventSignal("date-gap", 0.0, 0.0, "; ".join(shown) + "; dates not compared")
    return EventSignal(
        "date-gap", math.log1p(gap), weight, "; ".join(shown) + f"; {gap} days apart"
    )


def _shared_quotes(a: EventEvidence, b: EventEvidence) -> list[str]:
    """Shingles of quotes found in both, where the speakers agree or one is unnamed."""
    shared: set[str] = set()
    for quote_a in a.quotes:
        for quote_b in b.quotes:
            if quote_a.speaker and quote_b.speaker and quote_a.speaker != quote_b.speaker:
                continue
            common = set(quote_a.shingles) & set(quote_b.shingles)
            if common:
                shared.add(min(common))
    return sorted(shared)


def _show_terms(label: str, terms: Iterable[str]) -> str:
    ranked = sorted(terms, key=lambda w: (-information(w), w))
    if not ranked:
        return f"no {label}"
    more = f" (+{len(ranked) - 8} more)" if len(ranked) > 8 else ""
    return f"{label}, rarest first: {', '.join(ranked[:8])}{more}"


def _show_plain(label: str, items: frozenset[str], out_of: int | None) -> str:
    if not items:
        return f"no {label}"
    total = f" of {out_of}" if out_of else ""
    return f"{len(items)}{total} {label}: {', '.join(sorted(items)[:8])}"
