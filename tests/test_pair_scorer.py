"""The shipped pair scorer: its data file and what its probabilities mean."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest

from framecmp import api
from framecmp.analysis.align import DEFAULT_MIN_SCORE, align, sentence_pair_probability
from framecmp.analysis.pair_scorer import FEATURES, SCHEMA_VERSION, Candidates, model


def test_the_data_file_documents_its_features_source_and_figures() -> None:
    raw = json.loads((files("framecmp") / "data" / "pair_scorer.json").read_text("utf-8"))
    assert raw["schema_version"] == SCHEMA_VERSION
    assert tuple(raw["features"]) == FEATURES
    assert "MRPC" in raw["source"]
    assert 0.5 < raw["figures"]["test_accuracy"] <= 1.0
    assert len(model().coefficients) == len(FEATURES)


def test_a_restated_claim_scores_above_one_that_only_shares_the_topic() -> None:
    claim = "The storm destroyed the old harbour bridge on Sunday night."
    restated = "On Sunday night the storm destroyed the old bridge in the harbour."
    topic = "The harbour bridge had been closed for repairs since the spring storm season."
    assert sentence_pair_probability(claim, restated) > 0.8
    assert (
        sentence_pair_probability(claim, restated) > sentence_pair_probability(claim, topic) + 0.2
    )


def test_the_score_does_not_depend_on_argument_order() -> None:
    a = "Police arrested two men after the robbery of a jewellery store in Paris."
    b = "Two men were arrested by police in Paris after a jewellery store robbery on Monday."
    assert sentence_pair_probability(a, b) == sentence_pair_probability(b, a)


def test_a_claim_restated_with_much_more_detail_is_aligned_at_the_default_threshold() -> None:
    # the judging rules count "one side adds detail" as the same claim; MRPC does not
    claim = "The storm destroyed the old harbour bridge on Sunday night."
    detailed = (
        "The storm destroyed the old harbour bridge on Sunday night, cutting the island off "
        "from the mainland and stranding hundreds of commuters for the first time since the "
        "bridge opened."
    )
    assert sentence_pair_probability(claim, detailed) >= DEFAULT_MIN_SCORE


def test_pairs_the_embedding_alone_proposes_keep_the_coefficients_their_bar_was_set_with() -> None:
    raw = json.loads((files("framecmp") / "data" / "pair_scorer_mrpc.json").read_text("utf-8"))
    assert tuple(raw["features"]) == FEATURES
    assert "semantic" in raw["source"]
    assert model(Candidates.EMBEDDING_ONLY) != model(Candidates.SHARED_WORDS)


def test_the_scorer_sees_the_same_features_in_documents_as_when_it_was_fitted(
    tmp_path: Path,
) -> None:
    # The scorer is fitted on free-standing sentence pairs (eval/mrpc.py) and run on
    # sentences of loaded documents: both must be tokenised alike, hyphenated words included.
    left = "The 15-year-old driver was arrested on Tuesday after a high-speed chase downtown."
    right = "Police arrested the driver, 15, on Tuesday after a high-speed car chase downtown."
    (tmp_path / "a.txt").write_text(left + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(right + "\n", encoding="utf-8")
    documents = api.prepare_documents(api.load_articles([tmp_path / "a.txt", tmp_path / "b.txt"]))
    [pair] = align(documents).pairs
    assert pair.score == pytest.approx(sentence_pair_probability(left, right), abs=1e-12)


def test_a_number_inside_a_hyphenated_word_is_the_same_number() -> None:
    hyphenated = "A 15-year veteran of the force was named police chief on Monday."
    spelled = "A veteran of 15 years on the force was named police chief on Monday."
    other = "A veteran of 25 years on the force was named police chief on Monday."
    assert sentence_pair_probability(hyphenated, spelled) > sentence_pair_probability(
        hyphenated, other
    )
