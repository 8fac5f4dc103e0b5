"""Each pair judged in the context of the other inputs (analysis/event_context.py)."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest
from test_event import QUAKE, QUAKE_RETOLD, UNRELATED, _doc

import framecmp
from framecmp.analysis.event import judge_same_event
from framecmp.analysis.event_context import read_in_context
from framecmp.model import EventRelation
from framecmp.report import render_report

DOCS = ("a", "b", "c", "d")


def _grouped(probabilities: dict[str, float]) -> dict[str, tuple[bool, float]]:
    """{"ab": P, ...} -> {"ab": (same group, score in context)} for documents a..d."""
    keyed = {(DOCS.index(k[0]), DOCS.index(k[1])): p for k, p in probabilities.items()}
    used = sorted({d for k in probabilities for d in k})
    readings = read_in_context(used, keyed, 0.5)
    return {DOCS[i] + DOCS[j]: (r.same_group, r.probability) for (i, j), r in readings.items()}


def test_grouping_makes_the_pair_answers_agree_with_each_other() -> None:
    # alone: a = b, b = c, but a != c; grouped: one event, a-c pooled from its two links to
    # {a, b}, 0.3 and 0.9: the geometric mean of their odds, sqrt(3/7 * 9) = 1.96, is p = 0.66
    grouped = _grouped({"ab": 0.9, "bc": 0.9, "ac": 0.3})
    assert all(same for same, _ in grouped.values())
    odds = math.sqrt((0.3 / 0.7) * (0.9 / 0.1))
    assert grouped["ac"][1] == pytest.approx(odds / (1 + odds))


def test_a_pair_whose_sides_disagree_about_the_others_is_split() -> None:
    # a-b alone 0.55, but a goes with c and d and b with neither: b stands apart
    grouped = _grouped({"ab": 0.55, "ac": 0.9, "ad": 0.9, "bc": 0.1, "bd": 0.1, "cd": 0.9})
    assert grouped["ab"][0] is False
    assert grouped["ab"][1] < 0.5
    assert grouped["cd"][0] is True


def test_two_inputs_are_judged_alone() -> None:
    verdict = judge_same_event([_doc("a", *QUAKE), _doc("b", *QUAKE_RETOLD)])
    (pair,) = verdict.pairs
    assert pair.pair_score is None
    assert all(s.name != "context" for s in pair.signals)


def test_three_inputs_show_the_context_with_its_evidence() -> None:
    docs = [_doc("a", *QUAKE), _doc("b", *QUAKE_RETOLD), _doc("c", *UNRELATED)]
    verdict = judge_same_event(docs)
    pairs = {(p.a, p.b): p for p in verdict.pairs}
    quake = pairs[("a", "b")]
    assert quake.pair_score is not None
    assert quake.relation is EventRelation.SAME_EVENT
    assert pairs[("a", "c")].relation is EventRelation.DIFFERENT_EVENTS
    signal = next(s for s in quake.signals if s.name == "context")
    # the evidence names the groups that decided it
    assert "grouped as one event when {a} joined {b}" in signal.detail
    assert f"alone {quake.pair_score:.2f}" in signal.detail
    assert f"between them {quake.score:.2f}" in signal.detail


def test_no_pair_depends_on_the_order_of_the_inputs() -> None:
    texts = {"a": QUAKE, "b": QUAKE_RETOLD, "c": UNRELATED, "d": QUAKE[:2]}
    seen = set()
    for order in itertools.permutations(texts):
        verdict = judge_same_event([_doc(k, *texts[k]) for k in order])
        seen.add(tuple(sorted((min(p.a, p.b), max(p.a, p.b), p.score) for p in verdict.pairs)))
    assert len(seen) == 1


def test_json_report_gives_the_pair_score_and_the_in_context_score(
    tass: Path, cgtn: Path, unknown_outlet: Path
) -> None:
    three = json.loads(render_report(framecmp.compare([tass, cgtn, unknown_outlet]), "json"))
    two = json.loads(render_report(framecmp.compare([tass, cgtn]), "json"))
    assert all(isinstance(p["pair_score"], float) for p in three["same_event"]["pairs"])
    assert [p["pair_score"] for p in two["same_event"]["pairs"]] == [None]
