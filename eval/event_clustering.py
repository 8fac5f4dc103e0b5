"""Event clustering on ECB+ as a stream: B-cubed P/R/F1 and adjusted Rand index.

ECB+ (Cybulska & Vossen 2014, CC BY 3.0) has 43 topics, each with two sub-topics: the ECB
documents of one seminal event and the ECB+ documents of another event of the same kind (two
different earthquakes, two different rehab stays). The gold events are the 86 sub-topics.

Dates: ECB+ texts carry few usable dates, so the stream's dates are set as a news stream
would give them: each gold event gets a day drawn uniformly from a span of ``--span-days``
(default 84, twelve weeks; seed 0), and each of its documents is published on that day or
the two days after (uniform). ``--dates none`` gives no document a date (no blocking by
date; content alone must separate the events) — that figure is printed too.

Fitting (``--fit``): the logistic model of ``framecmp/data/event_clustering.toml`` is fitted
on the development topics (odd topic numbers) with the gold events as the clustering state,
each document scored against the candidate events the search finds; the report is then on
the held-out even topics and on all 982 documents.

    python eval/event_clustering.py [--ecb DIR] [--fit] [--dates stream|none]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framecmp.api import prepare_documents  # noqa: E402
from framecmp.corpus import events as clustering  # noqa: E402
from framecmp.model import Article  # noqa: E402

DEFAULT_ECB = Path("/work/devdata/ecbplus-xml/ECB+")
NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "'s", "n't", "%", "''", "'"}


def read_document(path: Path) -> str:
    """Plain text of one ECB+ XML file: a paragraph per sentence."""
    sentences: dict[int, list[str]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    lines = []
    for number in sorted(sentences):
        text = ""
        for word in sentences[number]:
            if text and word not in NO_SPACE_BEFORE and not text.endswith(("(", "``")):
                text += " "
            text += word
        lines.append(text.replace("``", '"').replace("''", '"'))
    return "\n".join(lines) + "\n"


def corpus(ecb: Path, dates: str, span_days: int, seed: int) -> list[tuple[Article, str, int]]:
    """Every ECB+ document as an Article, with its gold event and topic number."""
    files = sorted(ecb.glob("*/*.xml"))
    gold_of = {f: f"{f.parent.name}{'plus' if f.stem.endswith('plus') else 'ecb'}" for f in files}
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    event_day = {g: rng.randrange(span_days) for g in sorted(set(gold_of.values()))}
    items = []
    for f in files:
        gold = gold_of[f]
        day = start + timedelta(days=event_day[gold] + rng.randrange(3))
        article = Article(
            path=str(f.relative_to(ecb)),
            text=read_document(f),
            date=day.isoformat() if dates == "stream" else None,
            outlet=f.stem,
        )
        items.append((article, gold, int(f.parent.name)))
    return items


def run_stream(
    items: list[tuple[Article, str, int]],
    params: clustering.ClusteringParameters,
) -> tuple[list[str], list[str], float]:
    """Cluster the documents in stream order; predicted and gold labels, seconds taken."""
    documents = [prepare_documents([a])[0] for a, _, _ in items]
    evidence = [clustering.article_evidence(d) for d in documents]
    hashes = [f"{i:08d}" for i in range(len(items))]
    order = clustering.assignment_order(
        (i, evidence[i], f"{evidence[i].get('date') or ''}{hashes[i]}") for i in range(len(items))
    )
    index = clustering.EventIndex(params)
    started = time.perf_counter()
    predicted: dict[int, str] = {}
    for i, ev, _ in order:
        decision = index.assign(i, f"e{i}", ev, evidence.__getitem__)
        predicted[i] = decision.event_id
    seconds = time.perf_counter() - started
    ids = [i for i, _, _ in order]
    return [predicted[i] for i in ids], [items[i][1] for i in ids], seconds


def fit(items: list[tuple[Article, str, int]], params: clustering.ClusteringParameters) -> Any:
    """Logistic model of same-event from (cosine, judge score), on gold clustering state."""
    from sklearn.linear_model import LogisticRegression

    documents = [prepare_documents([a])[0] for a, _, _ in items]
    evidence = [clustering.article_evidence(d) for d in documents]
    order = clustering.assignment_order(
        (i, evidence[i], f"{evidence[i].get('date') or ''}{i:08d}") for i in range(len(items))
    )
    index = clustering.EventIndex(params)
    features, labels = [], []
    for i, ev, _ in order:
        for candidate in index.score_candidates(ev, evidence.__getitem__, judge_all=True):
            if not candidate.in_window:
                continue
            features.append([candidate.cosine, candidate.judge_score - 0.5])
            labels.append(int(candidate.event_id == items[i][1]))
        index.add_known(i, items[i][1], ev)
    model = LogisticRegression(C=10.0).fit(features, labels)
    return model, len(labels), sum(labels)


def report(name: str, predicted: list[str], gold: list[str], seconds: float) -> None:
    from sklearn.metrics import adjusted_rand_score

    p, r, f1 = clustering.b_cubed(predicted, gold)
    ari = adjusted_rand_score(gold, predicted)
    print(
        f"{name:<28} docs {len(gold):4d}  gold events {len(set(gold)):3d}  "
        f"predicted {len(set(predicted)):4d}  B3 P {p:.3f} R {r:.3f} F1 {f1:.3f}  "
        f"ARI {ari:.3f}  ({seconds:.1f} s clustering)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ecb", type=Path, default=DEFAULT_ECB)
    parser.add_argument("--dates", choices=("stream", "none"), default="stream")
    parser.add_argument("--span-days", type=int, default=84)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--fit", action="store_true", help="fit the model on odd topics first")
    args = parser.parse_args()
    if not any(args.ecb.glob("*/*.xml")):
        parser.exit(
            2,
            f"event_clustering.py: no ECB+ XML under {args.ecb} (the ECB+ folder of the public "
            "repository cltl/ECB-parser); give it with --ecb\n",
        )
    items = corpus(args.ecb, args.dates, args.span_days, args.seed)
    params = clustering.parameters()
    dev = [item for item in items if item[2] % 2 == 1]
    test = [item for item in items if item[2] % 2 == 0]
    if args.fit:
        model, n_pairs, n_positive = fit(dev, params)
        from dataclasses import replace

        params = replace(
            params,
            intercept=float(model.intercept_[0]),
            cosine_weight=float(model.coef_[0][0]),
            judge_weight=float(model.coef_[0][1]),
        )
        print(
            f"fitted on {len(dev)} dev documents, {n_pairs} candidate pairs "
            f"({n_positive} same-event): intercept = {params.intercept:.4f}, "
            f"cosine_weight = {params.cosine_weight:.4f}, judge_weight = {params.judge_weight:.4f}"
        )
    print(f"dates: {args.dates} (span {args.span_days} days, seed {args.seed})")
    for name, subset in (
        ("dev (odd topics)", dev),
        ("held-out (even topics)", test),
        ("all", items),
    ):
        report(name, *run_stream(subset, params))


if __name__ == "__main__":
    main()
