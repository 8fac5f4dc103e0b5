"""Experiment (issue 9 item 4): do claim-level features of the leads add held-out accuracy?

    python eval/same_event_lead_claims.py [--data eval/data/ecbplus] [--folds 5]

Same pairs, dates, folds and logistic fit as ``eval/same_event.py``; the current model's
features, with and without two more:

- ``lead-claims``: for each lead unit (the headline, when the document has one, and the first
  3 sentences, as ``event_evidence`` reads the lead) the best pair-scorer probability against
  any unit of the other document (the lexical aligner's ``_candidate_scores``: the calibrated
  probability the aligner keeps at >= 0.45; a unit pair sharing too few content words has no
  candidate and counts 0), averaged over the lead units, then over the two directions.
- ``lead-claim-conflict``: 1 when a lead unit's best counterpart reaches the aligner's
  threshold (0.45) and ``relations.claim_relation`` calls the pair ``conflicting`` (numbers,
  dates, places, negation, opposite outcomes differ); either direction.

Profiles are built two ways: as ``align.align`` builds them for the two documents together
(names and spelling variants read over both), and per document alone (what an
``EventEvidence`` could hold, computed once). Both are reported; nothing is chosen on the
samples. Prints held-out accuracy by fold (text only, with dates) and the grouped-context
figures of ``eval/same_event.py`` for every variant, and the CPU time of the extraction.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import same_event as se  # noqa: E402

from framecmp.analysis import align, align_units, relations  # noqa: E402
from framecmp.analysis import event as event_model  # noqa: E402
from framecmp.analysis.event_evidence import LEAD_SENTENCES  # noqa: E402
from framecmp.model import ClaimRelation, Document, Sentence, SentenceRef  # noqa: E402
from framecmp.text.segment import tokenize  # noqa: E402

THRESHOLD = align.DEFAULT_MIN_SCORE


def with_headline(document: Document) -> tuple[Document, int]:
    """The document with its headline (title, else a removed headline) as sentence 0, and
    the number of lead sentences (headline + first ``LEAD_SENTENCES``)."""
    head = document.title or next((r.text for r in document.removed if r.kind == "headline"), None)
    lead = min(LEAD_SENTENCES, len(document.sentences))
    if not head:
        return document, lead
    shift = len(head) + 2
    first = Sentence(0, 0, head, 0, len(head), tokenize(head))
    rest = tuple(
        replace(
            s,
            index=s.index + 1,
            paragraph=s.paragraph + 1,
            char_start=s.char_start + shift,
            char_end=s.char_end + shift,
        )
        for s in document.sentences
    )
    text = head + "\n\n" + document.text
    return replace(document, text=text, sentences=(first, *rest)), lead + 1


def unit_sentence(document: Document, unit: align_units.Unit) -> Sentence:
    """A unit as one sentence (a quotation running over sentences is one unit)."""
    members = [document.sentences[i] for i in unit.sentences]
    if len(members) == 1:
        return members[0]
    text = " ".join(s.text for s in members)
    return Sentence(
        members[0].index,
        members[0].paragraph,
        text,
        0,
        len(text),
        tuple(t for s in members for t in s.tokens),
    )


def direction(
    doc: Document,
    lead: int,
    units: tuple[align_units.Unit, ...],
    other: Document,
    other_units: tuple[align_units.Unit, ...],
    scores: dict[tuple[int, int], float],
    mine_first: bool,
    context: relations.RelationContext,
) -> tuple[float, int, int]:
    """Mean best probability of doc's lead units; conflicting / above-threshold lead pairs."""
    best: dict[int, tuple[float, int]] = {}
    for (i, j), score in scores.items():
        mine, theirs = (i, j) if mine_first else (j, i)
        if units[mine].sentences[0] >= lead:
            continue
        current = best.get(mine)
        if current is None or (score, -theirs) > (current[0], -current[1]):
            best[mine] = (score, theirs)
    lead_units = [u for u, unit in enumerate(units) if unit.sentences[0] < lead]
    if not lead_units:
        return 0.0, 0, 0
    mean = sum(best.get(u, (0.0, -1))[0] for u in lead_units) / len(lead_units)
    above = conflicts = 0
    for u in lead_units:
        score, theirs = best.get(u, (0.0, -1))
        if score < THRESHOLD:
            continue
        above += 1
        a, b = unit_sentence(doc, units[u]), unit_sentence(other, other_units[theirs])
        relation, _ = relations.claim_relation(
            a,
            b,
            context=context,
            refs=(SentenceRef(doc.doc_id, a.index), SentenceRef(other.doc_id, b.index)),
        )
        conflicts += relation is ClaimRelation.CONFLICTING
    return mean, above, conflicts


def lead_claim_features(
    documents: list[Document], leads: list[int], pairs: list[se.Pair], mode: str
) -> tuple[np.ndarray, float]:
    """Columns: lead-claims, conflict (any), conflict share, any lead pair above the
    threshold; and the CPU seconds taken."""
    start = time.process_time()
    units = {d.doc_id: align_units.units_of(d) for d in documents}
    context = relations.RelationContext.build(documents)
    single: dict[str, tuple[align_units.Profile, ...]] = {}
    single_index: dict[str, dict[str, list[int]]] = {}
    if mode == "document":
        for d in documents:
            single.update(align_units.profiles_of([d], units))
            single_index[d.doc_id] = align._postings(single[d.doc_id])
    rows = []
    for pair in pairs:
        a, b = documents[pair.a], documents[pair.b]
        if mode == "document":
            profiles = {a.doc_id: single[a.doc_id], b.doc_id: single[b.doc_id]}
            index = {a.doc_id: single_index[a.doc_id], b.doc_id: single_index[b.doc_id]}
        else:
            profiles = align_units.profiles_of([a, b], units)
            index = {k: align._postings(v) for k, v in profiles.items()}
        scores = align._candidate_scores(a.doc_id, b.doc_id, profiles, index)
        ua, ub = units[a.doc_id], units[b.doc_id]
        m1, above1, c1 = direction(a, leads[pair.a], ua, b, ub, scores, True, context)
        m2, above2, c2 = direction(b, leads[pair.b], ub, a, ua, scores, False, context)
        above = above1 + above2
        rows.append(
            [
                (m1 + m2) / 2,
                float(c1 + c2 > 0),
                (c1 + c2) / above if above else 0.0,
                float(above > 0),
            ]
        )
    return np.array(rows, dtype=float), time.process_time() - start


def within_topic_auc(score: np.ndarray, pairs: list[se.Pair], y: np.ndarray) -> float:
    """ROC AUC over the pairs of one topic (same-event vs the topic's other event)."""
    from sklearn.metrics import roc_auc_score

    mask = np.array([p.kind != "cross-topic" for p in pairs])
    return float(roc_auc_score(y[mask], score[mask]))


def insert(x: np.ndarray, extra: np.ndarray, dated: bool) -> np.ndarray:
    """Add columns, keeping date-gap last (cross_validate reads the gap from the last one)."""
    if dated:
        return np.hstack([x[:, :-1], extra, x[:, -1:]])
    return np.hstack([x, extra])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=se.DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--context", action="store_true", help="also the grouped figures")
    args = parser.parse_args()
    built = se.build_features(args.data)
    documents, pairs = built.documents, built.pairs
    x_text, x_plain_dated, x_dated = built.x_text, built.x_plain_dated, built.x_dated
    plain_gap, dated_gap = built.plain_gap, built.dated_gap

    headed = [with_headline(d) for d in documents]
    lead_docs, leads = [h[0] for h in headed], [h[1] for h in headed]
    with_head = sum(h is not d for h, d in zip(lead_docs, documents, strict=True))
    print(f"{len(documents)} documents, {len(pairs)} pairs; documents with a headline: {with_head}")
    extras: dict[str, np.ndarray] = {}
    for mode in ("pair", "document"):
        columns, seconds = lead_claim_features(lead_docs, leads, pairs, mode)
        extras[mode] = columns
        print(
            f"profiles per {mode}: extraction {seconds:.1f} s CPU for {len(pairs)} pairs "
            f"({1000 * seconds / len(pairs):.2f} ms per pair)"
        )
        y = np.array([p.label for p in pairs])
        for kind in ("same-event", "same-topic", "cross-topic"):
            mask = np.array([p.kind == kind for p in pairs])
            print(
                f"  {kind:12s} lead-claims mean {columns[mask, 0].mean():.3f}, "
                f"conflict any {columns[mask, 1].mean():.3f}, share {columns[mask, 2].mean():.3f}"
            )
        print(
            "  within-topic ROC AUC (same-topic pairs only): "
            + ", ".join(
                f"{name} {within_topic_auc(column, pairs, y):.3f}"
                for name, column in (
                    ("lead-claims", columns[:, 0]),
                    ("conflict any", -columns[:, 1]),
                    ("lead-overlap", x_text[:, 0]),
                    ("body-cosine", x_text[:, 2]),
                )
            )
        )
        for kind in ("same-event", "same-topic"):
            mask = np.array([p.kind == kind for p in pairs]) & (columns[:, 3] > 0)
            print(
                f"  {kind:12s} pairs with a lead pair >= {THRESHOLD}: {int(mask.sum())}, "
                f"of them with a conflicting one: {columns[mask, 1].mean():.3f}"
            )
    variants: list[tuple[str, list[int], str]] = [
        ("baseline (current features)", [], "pair"),
        ("+ lead-claims (pair profiles)", [0], "pair"),
        ("+ lead-claims + lead-claim-conflict (pair profiles)", [0, 1], "pair"),
        ("+ lead-claims + conflict share (pair profiles)", [0, 2], "pair"),
        ("+ lead-claims (document profiles)", [0], "document"),
        ("+ lead-claims + lead-claim-conflict (document profiles)", [0, 1], "document"),
    ]
    summary = []
    for name, cols, mode in variants:
        extra = extras[mode][:, cols]
        tx = insert(x_text, extra, False)
        dx = insert(x_dated, extra, True)
        px = insert(x_plain_dated, extra, True)
        without = se.cross_validate("text", tx, dx, px, plain_gap, pairs, args.folds)
        with_dates = se.cross_validate("dates", tx, dx, dx, dated_gap, pairs, args.folds)
        row = [
            name,
            without.accuracy,
            with_dates.accuracy,
            [f["accuracy"] for f in without.folds],
            [f["accuracy"] for f in with_dates.folds],
        ]
        if args.context:
            cw = se.context_cross_validate("text", tx, px, plain_gap, pairs, args.folds, dx)
            cd = se.context_cross_validate("dates", tx, dx, dated_gap, pairs, args.folds)
            row += [cw.all_pairs, cd.all_pairs, cw, cd]
        summary.append(row)
        print(f"\n== {name}")
        print(
            f"  text only {without.accuracy:.4f}  folds "
            + " ".join(f"{f['accuracy']:.3f}" for f in without.folds)
        )
        print(
            f"  with dates {with_dates.accuracy:.4f}  folds "
            + " ".join(f"{f['accuracy']:.3f}" for f in with_dates.folds)
        )
        for setting in (without, with_dates):
            print("  " + setting.name + " by kind: " + str(setting.by_kind))
        if args.context:
            print(f"  grouped all pairs: text {row[5]:.4f}, with dates {row[6]:.4f}")
            for label, setting in (("text", row[7]), ("dates", row[8])):
                print(
                    f"  grouped {label} by context: "
                    + "; ".join(
                        f"{r['context']} {r['pairwise']:.3f}->{r['in_context']:.3f}"
                        for r in setting.by_size
                    )
                )
                print(
                    f"  grouped {label} whole-topic by fold: "
                    + " ".join(f"{r['accuracy']:.3f}" for r in setting.folds)
                )
    # coefficients on all pairs, for reading
    y = np.array([p.label for p in pairs])
    for mode in ("pair", "document"):
        tx = insert(x_text, extras[mode][:, [0, 1]], False)
        dx = insert(x_dated, extras[mode][:, [0, 1]], True)
        for label, x, names in (
            ("text", tx, (*event_model.TEXT_FEATURES, "lead-claims", "lead-claim-conflict")),
            (
                "dated",
                dx,
                (
                    *event_model.DATED_FEATURES[:-1],
                    "lead-claims",
                    "lead-claim-conflict",
                    "date-gap",
                ),
            ),
        ):
            intercept, coefficients = se.fit(x, y)
            print(
                f"\nfit on all pairs, {mode} profiles, {label}: intercept {intercept:.2f}; "
                + ", ".join(f"{n} {c:.2f}" for n, c in zip(names, coefficients, strict=True))
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
