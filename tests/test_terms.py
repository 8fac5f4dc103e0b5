"""Tests for framecmp.analysis.terms: similarity and distinctive terms (log-odds, Monroe 2008)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import sample_document, text_document

from framecmp.analysis.terms import (
    distinctive_terms,
    load_background,
    pairwise_similarity,
)
from framecmp.model import DistinctiveTerm, Document
from framecmp.text.vocabulary import normalise, stem

_document = text_document
_sample = sample_document


def _bishkek() -> list[Document]:
    return [_sample("tass"), _sample("cgtn"), _sample("unknown")]


def _of(terms: tuple[DistinctiveTerm, ...], doc: str) -> dict[str, DistinctiveTerm]:
    return {term.term: term for term in terms if term.doc == doc}


# --- log-odds arithmetic ------------------------------------------------------------------


def test_log_odds_matches_hand_computation_with_empty_background() -> None:
    # Unigrams: a = tanks x2, peace x1 (n=3); b = peace x2, talks x1 (n=3).
    # Prior = a + b: tanks 2, peace 3, talks 1 -> 6 pseudo-counts, alpha_0 = min(6, cap) = 6.
    a = _document("a", "Tanks tanks peace.")
    b = _document("b", "Peace talks peace.")
    found = distinctive_terms([a, b], background={}, min_count=2)

    alpha = 6 * 2 / 6  # tanks
    delta = math.log((2 + alpha) / (3 + 6 - 2 - alpha)) - math.log(
        (0 + alpha) / (3 + 6 - 0 - alpha)
    )
    z = delta / math.sqrt(1 / (2 + alpha) + 1 / (0 + alpha))
    tanks = _of(found, "a")["tanks"]
    assert tanks.log_odds == pytest.approx(delta)
    assert tanks.z == pytest.approx(z)
    assert (tanks.count, tanks.other_count, tanks.sentences) == (2, 0, (0,))
    assert delta == pytest.approx(math.log(4 / 5) - math.log(2 / 7))

    alpha = 6 * 3 / 6  # peace, for b against a
    delta = math.log((2 + alpha) / (3 + 6 - 2 - alpha)) - math.log(
        (1 + alpha) / (3 + 6 - 1 - alpha)
    )
    peace = _of(found, "b")["peace"]
    assert peace.log_odds == pytest.approx(delta)
    assert peace.z == pytest.approx(delta / math.sqrt(1 / (2 + alpha) + 1 / (1 + alpha)))
    # "peace" occurs once in a: below min_count, so not a term of a at all.
    assert "peace" not in _of(found, "a")


def test_log_odds_prior_includes_background_counts() -> None:
    # Background adds peace x4 and war x4: prior = tanks 2, peace 7, talks 1, war 4 -> 14.
    a = _document("a", "Tanks tanks peace.")
    b = _document("b", "Peace talks peace.")
    found = distinctive_terms([a, b], background={"peace": 4, "war": 4}, min_count=2)
    alpha_0 = 14
    alpha = alpha_0 * 2 / 14
    delta = math.log((2 + alpha) / (3 + alpha_0 - 2 - alpha)) - math.log(
        alpha / (3 + alpha_0 - alpha)
    )
    assert _of(found, "a")["tanks"].log_odds == pytest.approx(delta)
    assert _of(found, "a")["tanks"].z == pytest.approx(
        delta / math.sqrt(1 / (2 + alpha) + 1 / alpha)
    )


def test_bigrams_need_adjacent_content_words() -> None:
    a = _document("a", "The collective West met. The collective West, Kyrgyzstan, November.")
    b = _document("b", "Peace talks began.")
    terms = _of(distinctive_terms([a, b], background={}, min_count=1, top_n=50), "a")
    assert terms["collective west"].count == 2
    assert "west kyrgyzstan" not in terms  # a comma sits between them
    assert "the collective" not in terms  # "the" is a stop word


# --- the samples ----------------------------------------------------------------------------


def test_unknown_outlet_says_occupied_where_the_others_do_not() -> None:
    unknown = _of(distinctive_terms(_bishkek()), "unknown")
    assert unknown["occupied"].count == 2
    assert unknown["occupied"].other_count == 0
    assert unknown["occupied"].z > 0


def test_tass_hostilities_leans_tass_but_collective_west_is_shared() -> None:
    tass = _of(distinctive_terms(_bishkek(), top_n=1000), "tass")
    # TASS says "hostilities" twice, the unknown outlet once: over-used, weakly.
    assert tass["hostilities"].z > 0
    assert tass["hostilities"].other_count == 1
    # "collective West" occurs once in TASS and once in the unknown outlet: not distinctive.
    assert "collective west" not in tass


def test_rt_against_bishkek_reports() -> None:
    found = distinctive_terms([*_bishkek(), _sample("rt")])
    top = _of(found, "rt")
    assert {"root causes", "ukraine conflict", "conflict"} <= set(top)
    # RT's "Kiev" and "coup" occur once each: listed with min_count=1, never significant.
    single = _of(distinctive_terms([*_bishkek(), _sample("rt")], min_count=1, top_n=1000), "rt")
    for word in ("kiev", "coup"):
        assert single[word].other_count == 0
        assert 0 < single[word].z < 1.96


def test_kiev_and_kyiv_stay_distinct_terms() -> None:
    found = distinctive_terms([_sample("cgtn"), _sample("rt")], min_count=1, top_n=1000)
    assert "kyiv" in _of(found, "cgtn")
    assert "kiev" in _of(found, "rt")
    assert "kyiv" not in _of(found, "rt")


def test_word_only_inside_a_listed_bigram_is_not_repeated() -> None:
    tass = _of(distinctive_terms(_bishkek()), "tass")
    assert "united states" in tass
    assert "united" not in tass
    assert "states" not in tass


def test_terms_are_ranked_by_z_and_point_at_their_sentences() -> None:
    documents = [*_bishkek(), _sample("rt"), _sample("alaska")]
    found = distinctive_terms(documents, top_n=7)
    by_id = {document.doc_id: document for document in documents}
    for document in documents:
        mine = [term for term in found if term.doc == document.doc_id]
        assert 0 < len(mine) <= 7
        assert [(-t.z, t.term) for t in mine] == sorted((-t.z, t.term) for t in mine)
        for term in mine:
            assert term.count >= 2
            assert term.z > 0
            assert 0 < term.tfidf <= 1
            for index in term.sentences:
                words = [normalise(t) for t in by_id[term.doc].sentences[index].tokens]
                assert " ".join(words).count(term.term) >= 1


def test_stemming_merges_inflections() -> None:
    a = _document("a", "Negotiations stalled. Negotiations resumed. Negotiators met.")
    b = _document("b", "Peace talks began.")
    stems = _of(distinctive_terms([a, b], background={}, min_count=2, stem=True), "a")
    plain = _of(distinctive_terms([a, b], background={}, min_count=2), "a")
    # One stem, shown as its most frequent surface form.
    assert stems["negotiations"].count == 3
    assert stems["negotiations"].sentences == (0, 1, 2)
    assert plain["negotiations"].count == 2
    assert "negotiators" not in plain


def test_bundled_background_matches_the_samples() -> None:
    # benchmarks/build_background.py builds the file from the cleaned data/: it must be current.
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "build_background", root / "benchmarks" / "build_background.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    bundled = (root / "framecmp" / "data" / "background_counts.tsv").read_text(encoding="utf-8")
    assert module.build(root / "data") == bundled
    assert load_background()["collective west"] == 2
    assert "cookie" not in load_background()  # capture noise is cleaned before counting


def test_fewer_than_two_documents_give_nothing() -> None:
    assert distinctive_terms([_sample("tass")]) == ()
    assert pairwise_similarity([_sample("tass")]) == ()


# --- similarity ---------------------------------------------------------------------------


def test_pairs_in_input_order_with_cosines_in_range() -> None:
    documents = [*_bishkek(), _sample("rt")]
    pairs = pairwise_similarity(documents)
    assert [(p.a, p.b) for p in pairs] == [
        ("tass", "cgtn"),
        ("tass", "unknown"),
        ("tass", "rt"),
        ("cgtn", "unknown"),
        ("cgtn", "rt"),
        ("unknown", "rt"),
    ]
    assert all(0 < p.cosine < 1 for p in pairs)


def test_shared_terms_are_surface_words_both_documents_use() -> None:
    cgtn, unknown = _sample("cgtn"), _sample("unknown")
    (pair,) = pairwise_similarity([cgtn, unknown])
    assert len(pair.shared_terms) == 8
    assert "putin" in pair.shared_terms
    for document in (cgtn, unknown):
        stems = {stem(normalise(t)) for s in document.sentences for t in s.tokens}
        assert all(stem(term) in stems for term in pair.shared_terms)


def test_shared_terms_show_the_most_frequent_word_of_a_stem() -> None:
    a = _document("a", "Negotiations stalled. Negotiations resumed.")
    b = _document("b", "Negotiators negotiated a truce.")
    (pair,) = pairwise_similarity([a, b])
    assert pair.shared_terms == ("negotiations",)  # not the stem "negoti"
    assert pair.cosine > 0


def test_identical_documents_have_cosine_one_and_disjoint_zero() -> None:
    tass = _sample("tass")
    (same,) = pairwise_similarity([tass, _document("copy", tass.text)])
    assert same.cosine == pytest.approx(1.0)
    (apart,) = pairwise_similarity(
        [_document("a", "Tanks rolled."), _document("b", "Peace talks.")]
    )
    assert apart.cosine == 0.0
    assert apart.shared_terms == ()


_WORDS = st.sampled_from(["peace", "talks", "tanks", "Kyiv", "Kiev", "war", "the", "said"])
_TEXTS = st.lists(_WORDS, min_size=0, max_size=30).map(lambda words: " ".join(words) + ".")


@settings(max_examples=50, deadline=None)
@given(_TEXTS, _TEXTS)
def test_similarity_is_symmetric_and_bounded(first: str, second: str) -> None:
    a, b = _document("a", first), _document("b", second)
    (forward,) = pairwise_similarity([a, b])
    (backward,) = pairwise_similarity([b, a])
    assert 0.0 <= forward.cosine <= 1.0
    assert forward.cosine == pytest.approx(backward.cosine)


def test_one_word_vocabulary_has_no_distinctive_terms() -> None:
    found = distinctive_terms(
        [_document("a", "Tanks tanks."), _document("b", "Tanks.")], background={}
    )
    assert found == ()


@settings(max_examples=50, deadline=None)
@given(_TEXTS, _TEXTS)
def test_distinctive_terms_are_finite_and_positive(first: str, second: str) -> None:
    a, b = _document("a", first), _document("b", second)
    for term in distinctive_terms([a, b], background={}, min_count=1):
        assert math.isfinite(term.z)
        assert term.z > 0
        assert term.count >= 1


def test_prior_scale_is_capped_at_1000_pseudo_counts() -> None:
    # A 2,000-word background would swamp two 3-word texts: alpha_0 stays at 1,000.
    a = _document("a", "Tanks tanks peace.")
    b = _document("b", "Peace talks peace.")
    found = distinctive_terms([a, b], background={"war": 2000}, min_count=2)
    alpha_0, alpha = 1000, 1000 * 2 / 2006
    delta = math.log((2 + alpha) / (3 + alpha_0 - 2 - alpha)) - math.log(
        alpha / (3 + alpha_0 - alpha)
    )
    assert _of(found, "a")["tanks"].log_odds == pytest.approx(delta)


# --- TF-IDF without scikit-learn -----------------------------------------------------------


def test_tfidf_matches_hand_computation() -> None:
    from framecmp.analysis.terms import _fit_idf, _tfidf

    idf = _fit_idf([["peace", "peace", "talks"], ["talks"]])
    # Smoothed idf: ln((1 + n) / (1 + df)) + 1 with n = 2.
    assert idf == {"peace": math.log(3 / 2) + 1, "talks": 1.0}
    weights = _tfidf(["peace", "peace", "talks", "unknown"], idf, order=["peace", "talks"])
    peace, talks = (1 + math.log(2)) * (math.log(1.5) + 1), 1.0
    norm = math.hypot(peace, talks)
    assert weights == pytest.approx({"peace": peace / norm, "talks": talks / norm})


def test_tfidf_is_bit_identical_to_scikit_learn_on_the_samples() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from framecmp.analysis.terms import _fit_idf, _terms, _tfidf

    words = [
        list(_terms(_sample(name).sentences, stem_words=False).counts.elements())
        for name in ("tass", "cgtn", "unknown", "rt", "alaska")
    ]
    vectorizer = TfidfVectorizer(analyzer=lambda doc: doc, sublinear_tf=True)
    matrix = vectorizer.fit_transform(words).toarray()
    names = [str(name) for name in vectorizer.get_feature_names_out()]
    idf = _fit_idf(words)
    first_seen = list(dict.fromkeys(term for doc in words for term in doc))
    for row, doc in zip(matrix, words, strict=True):
        ours = _tfidf(doc, idf, order=first_seen)
        theirs = {names[k]: float(row[k]) for k in row.nonzero()[0]}
        assert ours == theirs  # exact float equality, not approx
