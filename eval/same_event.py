"""Same-event model on ECB+: fit, cross-validate by held-out topic, print every figure.

    python eval/same_event.py [--data eval/data/ecbplus] [--folds 5] [--fit] [--json OUT]

Pairs (all from eval/data/ecbplus, built by eval/ecbplus.py):
- positives: every pair of documents of one event (same topic and subtopic);
- hard negatives: every pair of one topic across its two events (same kind of event);
- cross-topic negatives: each document with 2 random documents of other topics (seed 0).

Two settings. WITHOUT dates: documents carry no metadata date; only what the text says.
WITH dates: each document gets a publication date: its real date where the manifest has one
(399 ecbplus documents: from the URL path or a header line); otherwise a synthetic one: each
event has an anchor day (the median real date of its documents, else a random day of 2013) and
the topic's ``ecb`` event is put 3 to 60 days (uniform, seeded) before its ``ecbplus`` event;
an undated document is published 0 to 2 days after its event's anchor. Cross-topic pairs are
given dates 0 to 2 days apart (seeded): unrelated reports of the same days, the common case in
a news stream, so that the model cannot learn "same day = same event". So the two events of
one topic are weeks apart, and real dates of one ECB+ "event" can be weeks apart too (pairs of
one event with real dates: median 1 day, 90th percentile 57 days).

Cross-validation: GroupKFold by topic, so every test fold holds topics never seen in training.

Grouped in context (``framecmp.analysis.event_context``): with three or more inputs framecmp
groups them into events by average linkage on the pair probabilities and answers each pair
from its groups. Nothing is fitted for this: each test pair's probability is the held-out one
of its fold, and the grouping is applied to contexts of one held-out topic: all of its
documents (both of its events), random draws of 3, 4, 6 and 10 of them (4 draws each, seeded),
one event's documents (all, and draws), and one event's documents plus one report of the
topic's other event. Accuracy is over the pairs inside each context, alone vs grouped.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from statistics import median

import numpy as np

from framecmp import api
from framecmp.analysis import event as event_model
from framecmp.analysis import voices
from framecmp.analysis.event_context import read_in_context
from framecmp.analysis.event_evidence import event_evidence
from framecmp.model import EventEvidence, EventRelation

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / "eval" / "data" / "ecbplus"
MODEL_PATH = ROOT / "framecmp" / "data" / "event_model.json"
SEED = 0
CROSS_TOPIC_PER_DOC = 2
CONTEXT_SIZES = (3, 4, 6, 10)  # documents per drawn context; whole topics and events too
CONTEXT_DRAWS = 4
SAMPLES = ROOT / "data"
SMOKE = (
    (
        "Bishkek: three reports of one press conference",
        [
            "bishkek-2025-11-27/tass.txt",
            "bishkek-2025-11-27/cgtn.txt",
            "bishkek-2025-11-27/unknown-outlet.txt",
        ],
        EventRelation.SAME_EVENT,
    ),
    (
        "TASS (Bishkek) vs Alaska wire",
        ["bishkek-2025-11-27/tass.txt", "alaska-2025-08-17/unknown-wire.txt"],
        EventRelation.DIFFERENT_EVENTS,
    ),
    (
        "CGTN (Bishkek) vs RT (Lavrov roundtable)",
        ["bishkek-2025-11-27/cgtn.txt", "lavrov-roundtable-2025-12/rt.txt"],
        EventRelation.DIFFERENT_EVENTS,
    ),
)


@dataclass(frozen=True)
class Pair:
    a: int
    b: int
    kind: str  # "same-event", "same-topic", "cross-topic"
    topic: int

    @property
    def label(self) -> int:
        return int(self.kind == "same-event")


def load_corpus(data: Path) -> tuple[list[dict[str, object]], list[object]]:
    """Manifest records and prepared Documents, doc_id = the ECB+ document id."""
    records = [json.loads(line) for line in (data / "manifest.jsonl").open(encoding="utf-8")]
    documents = []
    for record in records:
        articles = api.load_articles([data / str(record["path"])])
        document = api.prepare_documents(articles)[0]
        documents.append(replace(document, doc_id=str(record["doc_id"]), date=None))
    return records, documents


def make_pairs(records: list[dict[str, object]]) -> list[Pair]:
    by_topic: dict[int, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        by_topic[int(str(record["topic"]))].append(index)
    pairs = []
    for topic, members in sorted(by_topic.items()):
        for a, b in combinations(members, 2):
            same = records[a]["event"] == records[b]["event"]
            pairs.append(Pair(a, b, "same-event" if same else "same-topic", topic))
    rng = np.random.default_rng(SEED)
    seen = {(p.a, p.b) for p in pairs}
    for a, record in enumerate(records):
        others = [i for i, r in enumerate(records) if r["topic"] != record["topic"]]
        for b in rng.choice(others, size=CROSS_TOPIC_PER_DOC, replace=False):
            key = (min(a, int(b)), max(a, int(b)))
            if key not in seen:
                seen.add(key)
                pairs.append(Pair(key[0], key[1], "cross-topic", int(str(record["topic"]))))
    return pairs


def publication_dates(records: list[dict[str, object]]) -> list[date]:
    """Real dates where known, else synthetic ones as the module docstring says."""
    rng = np.random.default_rng(SEED)
    real: dict[str, list[date]] = defaultdict(list)
    for record in records:
        if record["date"]:
            real[str(record["event"])].append(date.fromisoformat(str(record["date"])))
    anchors: dict[str, date] = {}
    for topic in sorted({int(str(r["topic"])) for r in records}):
        plus, ecb = f"{topic}ecbplus", f"{topic}ecb"
        anchors[plus] = (
            _median_date(real[plus])
            if real[plus]
            else date(2013, 1, 1) + timedelta(days=int(rng.integers(0, 365)))
        )
        anchors[ecb] = (
            _median_date(real[ecb])
            if real[ecb]
            else anchors[plus] - timedelta(days=int(rng.integers(3, 61)))
        )
    dates = []
    for record in records:
        if record["date"]:
            dates.append(date.fromisoformat(str(record["date"])))
        else:
            offset = int(rng.integers(0, 3))
            dates.append(anchors[str(record["event"])] + timedelta(days=offset))
    return dates


def _median_date(days: list[date]) -> date:
    return date.fromordinal(int(median(d.toordinal() for d in days)))


def feature_rows(
    evidence: list[EventEvidence],
    pairs: list[Pair],
    names: tuple[str, ...],
    *,
    same_days_across_topics: bool = False,
) -> np.ndarray:
    rng = np.random.default_rng(SEED)
    rows = []
    for pair in pairs:
        features, _ = event_model.pair_features(evidence[pair.a], evidence[pair.b])
        gap = event_model._date_gap(evidence[pair.a], evidence[pair.b])
        if same_days_across_topics and pair.kind == "cross-topic" and gap is not None:
            gap = int(rng.integers(0, 3))  # unrelated reports of the same days
        features["date-gap"] = math.log1p(gap) if gap is not None else 0.0
        rows.append([features[name] for name in names])
    return np.array(rows, dtype=float)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Logistic regression on standardised features, folded back to raw-feature coefficients."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000).fit((x - mean) / scale, y)
    coefficients = model.coef_[0] / scale
    intercept = float(model.intercept_[0] - np.sum(model.coef_[0] * mean / scale))
    return intercept, coefficients


def predict(intercept: float, coefficients: np.ndarray, x: np.ndarray) -> np.ndarray:
    result: np.ndarray = 1.0 / (1.0 + np.exp(-(intercept + x @ coefficients)))
    return result


@dataclass
class Setting:
    name: str
    accuracy: float
    folds: list[dict[str, object]]
    calibration: list[dict[str, float]]
    by_kind: dict[str, dict[str, int]]


def cross_validate(
    name: str,
    text_x: np.ndarray,
    train_dated_x: np.ndarray,
    test_dated_x: np.ndarray,
    has_gap: np.ndarray,
    pairs: list[Pair],
    folds: int,
) -> Setting:
    """Held-out-topic CV of the decision framecmp makes.

    Each fold fits the text model and the dated model (on the WITH-dates features) on the
    training topics, then judges each test pair as framecmp would: the dated model where both
    documents have an event date in this setting, else the text model.
    """
    from sklearn.model_selection import GroupKFold

    y = np.array([p.label for p in pairs])
    groups = np.array([p.topic for p in pairs])
    probability = np.zeros(len(pairs))
    relation = np.empty(len(pairs), dtype=object)
    fold_rows = []
    for fold, (train, test) in enumerate(GroupKFold(n_splits=folds).split(text_x, y, groups)):
        p_text = predict(*fit(text_x[train], y[train]), text_x[test])
        p_dated = predict(*fit(train_dated_x[train], y[train]), test_dated_x[test])
        dated = has_gap[test]
        p = np.where(dated, p_dated, p_text)
        gaps = np.expm1(test_dated_x[test][:, -1])
        story = dated & (p_text >= 0.5) & (gaps <= event_model.MAX_STORY_DAYS + 0.5)
        rel = np.where(p >= 0.5, "same-event", np.where(story, "same-story", "different-events"))
        probability[test], relation[test] = p, rel
        predicted = p >= 0.5
        truth = y[test] == 1
        fold_rows.append(
            {
                "fold": fold + 1,
                "topics": sorted({int(t) for t in groups[test]}),
                "pairs": len(test),
                "accuracy": float(np.mean(predicted == truth)),
                "tp": int(np.sum(predicted & truth)),
                "fp": int(np.sum(predicted & ~truth)),
                "tn": int(np.sum(~predicted & ~truth)),
                "fn": int(np.sum(~predicted & truth)),
            }
        )
    calibration = _calibration(probability, y)
    by_kind: dict[str, dict[str, int]] = defaultdict(dict)
    for (kind, answer), count in Counter(
        zip((p.kind for p in pairs), relation, strict=True)
    ).items():
        by_kind[kind][str(answer)] = count
    accuracy = float(np.mean((probability >= 0.5) == (y == 1)))
    name = f"{name}; dated model used on {int(has_gap.sum())} of {len(pairs)} pairs"
    return Setting(name, accuracy, fold_rows, calibration, dict(by_kind))


@dataclass
class ContextSetting:
    name: str
    by_size: list[dict[str, object]]  # per context kind: pairs, pairwise and in-context accuracy
    all_pairs: float  # same-topic pairs in whole-topic context, cross-topic pairs alone
    calibration: list[dict[str, float]]
    folds: list[dict[str, object]]  # whole-topic contexts per outer fold


def _first_stage(
    text_x: np.ndarray,
    dated_x: np.ndarray,
    has_gap: np.ndarray,
    y: np.ndarray,
    train: np.ndarray,
    test: np.ndarray,
    fit_dated_x: np.ndarray | None = None,
) -> np.ndarray:
    """What framecmp says of the test pairs alone, from models fitted on the train pairs. The
    dated model is fitted on ``fit_dated_x`` where given: framecmp's dated model is fitted WITH
    dates, so the setting without them fits it there and applies it to its own dated pairs."""
    p_text = predict(*fit(text_x[train], y[train]), text_x[test])
    fitted_on = dated_x if fit_dated_x is None else fit_dated_x
    p_dated = predict(*fit(fitted_on[train], y[train]), dated_x[test])
    result: np.ndarray = np.where(has_gap[test], p_dated, p_text)
    return result


@dataclass(frozen=True)
class HeldOut:
    """Every pair's first-stage probability from the fold that holds its topic out."""

    y: np.ndarray
    topics: np.ndarray
    splits: list[tuple[np.ndarray, np.ndarray]]  # (train, test) indexes by fold
    probability: np.ndarray


def held_out(
    pairs: list[Pair],
    text_x: np.ndarray,
    dated_x: np.ndarray,
    has_gap: np.ndarray,
    folds: int = 5,
    fit_dated_x: np.ndarray | None = None,
) -> HeldOut:
    """The held-out probabilities the experiments beside this script group in context."""
    from sklearn.model_selection import GroupKFold

    y = np.array([p.label for p in pairs])
    topics = np.array([p.topic for p in pairs])
    splits = list(GroupKFold(n_splits=folds).split(text_x, y, topics))
    probability = np.zeros(len(pairs))
    for train, test in splits:
        probability[test] = _first_stage(text_x, dated_x, has_gap, y, train, test, fit_dated_x)
    return HeldOut(y, topics, splits, probability)


def _contexts(
    pairs: list[Pair], topics: list[int], rng: np.random.Generator
) -> list[tuple[str, list[int]]]:
    """(kind, documents) of every context drawn from ``topics`` (module docstring)."""
    members: dict[int, set[int]] = defaultdict(set)
    partners: dict[int, set[int]] = defaultdict(set)
    for p in pairs:
        if p.kind != "cross-topic" and p.topic in topics:
            members[p.topic] |= {p.a, p.b}
        if p.kind == "same-event" and p.topic in topics:
            partners[p.a].add(p.b)
            partners[p.b].add(p.a)
    chosen: list[tuple[str, list[int]]] = []

    def draw(kind: str, docs: list[int], size: int, extra: Sequence[int] = ()) -> None:
        for _ in range(CONTEXT_DRAWS):
            picked = [int(d) for d in rng.choice(docs, size=size, replace=False)]
            if extra:
                picked.append(int(rng.choice(extra)))
            chosen.append((kind, sorted(picked)))

    for topic in sorted(members):
        docs = sorted(members[topic])
        chosen.append(("both events, all", docs))
        for size in CONTEXT_SIZES:
            if size < len(docs):
                draw(f"both events, {size}", docs, size)
        for event in _events(docs, partners):
            others = [d for d in docs if d not in event]
            if len(event) >= 3:
                chosen.append(("one event, all", event))
            for size in CONTEXT_SIZES:
                if size < len(event):
                    draw(f"one event, {size}", event, size)
                if size - 1 <= len(event) and others:
                    draw(f"one event + 1 other, {size}", event, size - 1, others)
    return chosen


def _context_order(kind: str) -> tuple[str, int]:
    """Sort key of a context kind: by name, then size, whole sets ("all") last."""
    name, _, size = kind.rpartition(", ")
    return name, int(size) if size.isdigit() else 10**6


def _events(docs: list[int], partners: dict[int, set[int]]) -> list[list[int]]:
    """The topic's documents grouped by event (connected by same-event pairs)."""
    seen: set[int] = set()
    events = []
    for start in docs:
        if start in seen:
            continue
        event, todo = set(), [start]
        while todo:
            doc = todo.pop()
            if doc not in event:
                event.add(doc)
                todo.extend(partners[doc])
        seen |= event
        events.append(sorted(event))
    return events


def _grouped(
    probability: np.ndarray, index: dict[tuple[int, int], int], docs: list[int]
) -> tuple[list[int], np.ndarray]:
    """Pair indexes inside one context and their scores once the context is grouped."""
    local = {
        (i, j): float(probability[index[(docs[i], docs[j])]])
        for i, j in combinations(range(len(docs)), 2)
    }
    readings = read_in_context([str(d) for d in docs], local, event_model.DEFAULT_THRESHOLD)
    keys = sorted(local)
    ids = [index[(docs[i], docs[j])] for i, j in keys]
    return ids, np.array([readings[key].probability for key in keys])


def context_cross_validate(
    name: str,
    text_x: np.ndarray,
    dated_x: np.ndarray,
    has_gap: np.ndarray,
    pairs: list[Pair],
    folds: int,
    fit_dated_x: np.ndarray | None = None,
) -> ContextSetting:
    """Held-out-topic CV of the grouped verdict (module docstring): nothing is fitted on the
    contexts, so the first-stage models' held-out scores are all it reads."""
    from sklearn.model_selection import GroupKFold

    rng = np.random.default_rng(SEED)
    y = np.array([p.label for p in pairs])
    groups = np.array([p.topic for p in pairs])
    index = {(p.a, p.b): i for i, p in enumerate(pairs)}
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # pairs, pairwise, context
    predicted_all: list[float] = []
    truth_all: list[int] = []
    fold_rows = []
    cross_topic = np.array([p.kind == "cross-topic" for p in pairs])
    cross_right = 0
    for fold, (train, test) in enumerate(GroupKFold(n_splits=folds).split(text_x, y, groups)):
        probability = np.zeros(len(pairs))
        probability[test] = _first_stage(text_x, dated_x, has_gap, y, train, test, fit_dated_x)
        alone = test[cross_topic[test]]
        cross_right += int(np.sum((probability[alone] >= 0.5) == (y[alone] == 1)))
        whole = [0, 0]
        for kind, docs in _contexts(pairs, sorted({int(g) for g in groups[test]}), rng):
            ids, in_context = _grouped(probability, index, docs)
            truth = y[ids] == 1
            right = int(np.sum((in_context >= 0.5) == truth))
            counts[kind][0] += len(ids)
            counts[kind][1] += int(np.sum((probability[ids] >= 0.5) == truth))
            counts[kind][2] += right
            predicted_all.extend(float(v) for v in in_context)
            truth_all.extend(int(v) for v in y[ids])
            if kind == "both events, all":
                whole[0] += len(ids)
                whole[1] += right
        fold_rows.append(
            {
                "fold": fold + 1,
                "topics": sorted({int(t) for t in groups[test]}),
                "pairs": whole[0],
                "accuracy": whole[1] / whole[0] if whole[0] else 0.0,
            }
        )
    by_size = [
        {
            "context": kind,
            "pairs": counts[kind][0],
            "pairwise": counts[kind][1] / counts[kind][0],
            "in_context": counts[kind][2] / counts[kind][0],
        }
        for kind in sorted(counts, key=_context_order)
    ]
    whole_topics = counts["both events, all"]
    all_pairs = (whole_topics[2] + cross_right) / (whole_topics[0] + int(cross_topic.sum()))
    return ContextSetting(
        name,
        by_size,
        all_pairs,
        _calibration(np.array(predicted_all), np.array(truth_all)),
        fold_rows,
    )


def print_context(setting: ContextSetting) -> None:
    print(f"\n== {setting.name}, grouped in context (held-out topics; same-topic pairs only)")
    print("context (documents)                  pairs  pairwise  in context")
    for row in setting.by_size:
        print(
            f"  {row['context']!s:<32}  {row['pairs']:>6}  {row['pairwise']:.3f}     "
            f"{row['in_context']:.3f}"
        )
    print(
        f"all held-out pairs (same-topic ones in whole-topic context, cross-topic ones alone): "
        f"accuracy {setting.all_pairs:.3f}"
    )
    print(
        "whole-topic contexts by outer fold: "
        + ", ".join(
            f"{row['fold']}: {row['accuracy']:.3f} ({row['pairs']} pairs)" for row in setting.folds
        )
    )
    print("calibration of the in-context probability (pooled): bin, pairs, predicted, observed")
    for row in setting.calibration:
        print(f"  {row['bin']}  {row['pairs']:>6}  {row['predicted']:.3f}  {row['observed']:.3f}")


def _calibration(probability: np.ndarray, y: np.ndarray) -> list[dict[str, float]]:
    """Predicted vs observed same-event rate in bins of 0.1."""
    rows = []
    for low in np.arange(0.0, 1.0, 0.1):
        inside = (probability >= low) & (probability < low + 0.1 + (1e-9 if low >= 0.9 else 0))
        if inside.any():
            rows.append(
                {
                    "bin": f"{low:.1f}-{low + 0.1:.1f}",
                    "pairs": int(inside.sum()),
                    "predicted": float(probability[inside].mean()),
                    "observed": float(y[inside].mean()),
                }
            )
    return rows


def print_setting(setting: Setting) -> None:
    print(f"\n== {setting.name}: held-out-topic accuracy {setting.accuracy:.3f}")
    print("fold  topics                      pairs  accuracy    tp    fp    tn    fn")
    for row in setting.folds:
        topics = ",".join(str(t) for t in row["topics"])  # type: ignore[attr-defined]
        print(
            f"{row['fold']:>4}  {topics[:26]:26s}  {row['pairs']:>6}  {row['accuracy']:.3f}"
            f"  {row['tp']:>5} {row['fp']:>5} {row['tn']:>5} {row['fn']:>5}"
        )
    print("calibration (held-out, pooled): bin, pairs, mean predicted, observed same-event rate")
    for row in setting.calibration:
        print(f"  {row['bin']}  {row['pairs']:>6}  {row['predicted']:.3f}  {row['observed']:.3f}")
    print("answers by pair kind:")
    for kind in ("same-event", "same-topic", "cross-topic"):
        counts = setting.by_kind.get(kind, {})
        shown = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        print(f"  {kind:12s} {shown}")


def smoke() -> list[str]:
    """The sample checks (a smoke test, never used for fitting): failures as messages."""
    failures = []
    print("\n== samples (smoke test, not tuning)")
    for label, paths, expected in SMOKE:
        verdict = api.compare([SAMPLES / p for p in paths]).same_event
        ok = verdict.relation is expected
        print(
            f"  {'ok ' if ok else 'BAD'} {label}: {verdict.relation.value} "
            f"(lowest P {verdict.score:.2f}; expected {expected.value})"
        )
        if not ok:
            failures.append(f"{label}: {verdict.relation.value}, expected {expected.value}")
    return failures


@dataclass(frozen=True)
class Features:
    """The corpus, its pairs, each document's evidence and every pair's model inputs, without
    and with dates (module docstring); shared by this script and the experiments beside it."""

    documents: list[object]
    pairs: list[Pair]
    plain: list[EventEvidence]
    dated: list[EventEvidence]
    x_text: np.ndarray
    x_plain_dated: np.ndarray  # dated-model features of undated documents (no gap)
    x_dated: np.ndarray
    plain_gap: np.ndarray  # whether a pair has a date gap, without and with dates
    dated_gap: np.ndarray


def build_features(data: Path) -> Features:
    records, documents = load_corpus(data)
    pairs = make_pairs(records)
    quotes = [voices.extract_quotes(d) for d in documents]  # type: ignore[arg-type]
    plain = [event_evidence(d, q) for d, q in zip(documents, quotes, strict=True)]  # type: ignore[arg-type]
    dates = publication_dates(records)
    dated_docs = [replace(d, date=day.isoformat()) for d, day in zip(documents, dates, strict=True)]  # type: ignore[type-var]
    dated = [event_evidence(d, q) for d, q in zip(dated_docs, quotes, strict=True)]
    return Features(
        documents=documents,
        pairs=pairs,
        plain=plain,
        dated=dated,
        x_text=feature_rows(plain, pairs, event_model.TEXT_FEATURES),
        x_plain_dated=feature_rows(plain, pairs, event_model.DATED_FEATURES),
        x_dated=feature_rows(
            dated, pairs, event_model.DATED_FEATURES, same_days_across_topics=True
        ),
        plain_gap=np.array(
            [event_model._date_gap(plain[p.a], plain[p.b]) is not None for p in pairs]
        ),
        dated_gap=np.array(
            [event_model._date_gap(dated[p.a], dated[p.b]) is not None for p in pairs]
        ),
    )


def evaluate(data: Path, folds: int = 5, *, fit_model: bool = False) -> dict[str, object]:
    """Print every figure; return them (and the smoke failures) as plain data."""
    built = build_features(data)
    documents, pairs = built.documents, built.pairs
    plain, dated = built.plain, built.dated
    x_text, x_plain_dated, x_dated = built.x_text, built.x_plain_dated, built.x_dated
    plain_gap, dated_gap = built.plain_gap, built.dated_gap
    kinds = Counter(p.kind for p in pairs)
    print(
        f"ECB+ {len(documents)} documents, {len(pairs)} pairs: "
        + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    )
    for label, evidence in (("WITHOUT", plain), ("WITH", dated)):
        sources = Counter(str(e.event_date_source) for e in evidence)
        print(
            f"event dates {label} dates, by source: "
            + ", ".join(f"{k} {v}" for k, v in sorted(sources.items()))
        )
    without = cross_validate(
        "WITHOUT dates (text only)", x_text, x_dated, x_plain_dated, plain_gap, pairs, folds
    )
    with_dates = cross_validate("WITH dates", x_text, x_dated, x_dated, dated_gap, pairs, folds)
    context_without = context_cross_validate(
        "WITHOUT dates (text only)", x_text, x_plain_dated, plain_gap, pairs, folds, x_dated
    )
    context_with = context_cross_validate("WITH dates", x_text, x_dated, dated_gap, pairs, folds)
    print_setting(without)
    print_context(context_without)
    print_setting(with_dates)
    print_context(context_with)
    figures: dict[str, object] = {
        "pairs": dict(sorted(kinds.items())),
        "documents": len(documents),
        "folds": folds,
        "without_dates": _setting_json(without),
        "with_dates": _setting_json(with_dates),
        "in_context_without_dates": _context_json(context_without),
        "in_context_with_dates": _context_json(context_with),
    }
    if fit_model:
        y = np.array([p.label for p in pairs])
        write_model(fit(x_text, y), fit(x_dated, y), figures)
        for cached in (event_model._raw_models, event_model._model):
            cached.cache_clear()
    return {**figures, "smoke_failures": smoke()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--fit", action="store_true", help="write framecmp/data/event_model.json")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    figures = evaluate(args.data, args.folds, fit_model=args.fit)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    failures = figures["smoke_failures"]
    assert isinstance(failures, list)
    for failure in failures:
        print(f"same_event: FAIL {failure}", file=sys.stderr)
    return 1 if failures else 0


def _setting_json(setting: Setting) -> dict[str, object]:
    return {
        "accuracy": round(setting.accuracy, 4),
        "folds": setting.folds,
        "calibration": [
            {k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()}
            for row in setting.calibration
        ],
        "answers_by_pair_kind": setting.by_kind,
    }


def _context_json(setting: ContextSetting) -> dict[str, object]:
    def rounded(row: dict[str, object]) -> dict[str, object]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()}

    return {
        "all_pairs_accuracy": round(setting.all_pairs, 4),
        "by_context": [rounded(r) for r in setting.by_size],
        "whole_topic_by_fold": [rounded(r) for r in setting.folds],
        "calibration": [rounded(r) for r in setting.calibration],  # type: ignore[arg-type]
    }


def write_model(
    text_fit: tuple[float, np.ndarray],
    dated_fit: tuple[float, np.ndarray],
    figures: dict[str, object],
) -> None:
    def block(fitted: tuple[float, np.ndarray], names: tuple[str, ...]) -> dict[str, object]:
        return {
            "intercept": round(fitted[0], 6),
            "coefficients": {n: round(float(c), 6) for n, c in zip(names, fitted[1], strict=True)},
        }

    dated_block = block(dated_fit, event_model.DATED_FEATURES)
    for model_block in (block(text_fit, event_model.TEXT_FEATURES), dated_block):
        for name in event_model.CONFLICT_FEATURES:
            if model_block["coefficients"][name] > 0:  # type: ignore[index]
                raise SystemExit(f"{name} coefficient came out positive; refusing to ship")
    if dated_block["coefficients"]["date-gap"] > 0:  # type: ignore[index]
        raise SystemExit("date-gap coefficient came out positive; refusing to ship the model")
    if float(dated_block["intercept"]) >= 0:  # type: ignore[arg-type]
        # Same day and no shared content would then read as one event.
        raise SystemExit("dated intercept is not negative: a date alone would decide")
    # The clustering's input models are not refitted here: data/event_clustering.toml's
    # combination weights were fitted on their scores (eval/event_clustering.py --fit).
    clustering_models = json.loads(MODEL_PATH.read_text(encoding="utf-8"))["clustering_models"]
    payload = {
        "schema_version": event_model.MODEL_SCHEMA_VERSION,
        "description": (
            "Logistic models P(same event) for a pair of news documents; z = intercept + "
            "sum(coefficient * feature) over raw feature values, P = 1 / (1 + exp(-z)). "
            "'text' is used when either document lacks an event date, 'dated' when both have "
            "one. Features are defined in framecmp/analysis/event.py (pair_features) and "
            "documented in docs/same-event.md. 'clustering_models' (same form, fewer features) "
            "feed the corpus clustering only and are not refitted here."
        ),
        "source": (
            "ECB+ (Cybulska and Vossen 2014, LREC; CC BY 3.0), eval/data/ecbplus: positives = "
            "pairs of one event (topic + subtopic), negatives = the topic's other event and 2 "
            "random other-topic documents per document"
        ),
        "fitted_by": "python eval/same_event.py --fit (scikit-learn LogisticRegression, C=1, "
        "standardised features folded back into raw coefficients)",
        "fitted_on": date.today().isoformat(),
        "threshold": event_model.DEFAULT_THRESHOLD,
        "models": {
            "text": block(text_fit, event_model.TEXT_FEATURES),
            "dated": dated_block,
        },
        "cross_validation": figures,
        "clustering_models": clustering_models,
    }
    MODEL_PATH.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {MODEL_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
