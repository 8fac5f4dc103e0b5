"""Tests for framecmp.analysis.terms: similarity and distinctive terms (log-odds, Monroe 2008)."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import sample_document, text_document

from framecmp.analysis.terms import (
    distinctive_terms,
    load_background,
    pairwise_similarity,
    parse_background,
    sorted_counts,
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
    # No background: prior share = pooled share, tanks 2/6, peace 3/6; alpha_0 = S.
    a = _document("a", "Tanks tanks peace.")
    b = _document("b", "Peace talks peace.")
    found = distinctive_terms([a, b], background={}, min_count=2, prior_strength=6.0)

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


def test_log_odds_prior_mixes_general_english_with_the_pooled_counts() -> None:
    # Background (general English) peace 4, war 4 -> tanks has general share 0;
    # pooled share 2/6. With weight w: share = w * 0 + (1 - w) * 2/6; alpha = S * share.
    a = _document("a", "Tanks tanks peace.")
    b = _document("b", "Peace talks peace.")
    found = distinctive_terms(
        [a, b],
        background={"peace": 4, "war": 4},
        min_count=2,
        prior_strength=20.0,
        background_weight=0.25,
    )
    alpha_0 = 20.0
    alpha = alpha_0 * 0.75 * 2 / 6
    delta = math.log((2 + alpha) / (3 + alpha_0 - 2 - alpha)) - math.log(
        alpha / (3 + alpha_0 - alpha)
    )
    assert _of(found, "a")["tanks"].log_odds == pytest.approx(delta)
    assert _of(found, "a")["tanks"].z == pytest.approx(
        delta / math.sqrt(1 / (2 + alpha) + 1 / alpha)
    )
    # peace: general share 4/8, pooled 3/6 -> 0.25 * 0.5 + 0.75 * 0.5 = 0.5.
    peace = _of(found, "b")["peace"]
    alpha = alpha_0 * 0.5
    delta = math.log((2 + alpha) / (3 + alpha_0 - 2 - alpha)) - math.log(
        (1 + alpha) / (3 + alpha_0 - 1 - alpha)
    )
    assert peace.log_odds == pytest.approx(delta)


def test_bigrams_need_adjacent_content_words() -> None:
    a = _document("a", "The collective West met. The collective West, Kyrgyzstan, November.")
    b = _document("b", "Peace talks began.")
    terms = _of(distinctive_terms([a, b], background={}, min_count=1, top_n=50), "a")
    assert terms["collective west"].count == 2
    assert "west kyrgyzstan" not in terms  # a comma sits between them
    assert "the collective" not in terms  # "the" is a stop word


# --- the samples ----------------------------------------------------------------------------


def test_unknown_outlet_says_occupied_where_the_others_do_not() -> None:
    unknown = _of(distinctive_terms(_bishkek(), top_n=1000), "unknown")
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


def test_bundled_background_is_general_english_not_the_samples() -> None:
    bundled = (Path(__file__).resolve().parent.parent / "framecmp" / "data").joinpath(
        "background_counts.tsv"
    )
    header = bundled.read_text(encoding="utf-8").split("\n", 9)[:9]
    assert any("wordfreq" in line for line in header)
    assert any("CC BY-SA 4.0" in line for line in header)
    counts = load_background()
    assert len(counts) > 40_000
    assert all(" " not in term for term in counts)  # unigrams: wordfreq has no bigrams
    # General English, not the samples: common words far above a sample's topic words.
    assert counts["government"] > counts["hostilities"] > counts["eavesdropping"] > 0
    assert "collective west" not in counts


def test_bundled_background_lookup_gives_every_row_of_the_file() -> None:
    # The bundled table is searched in the sorted rows rather than read into a dict: it must
    # hold exactly what parsing every line gives, and its total must be the counts' sum.
    text = (
        (Path(__file__).resolve().parent.parent / "framecmp" / "data")
        .joinpath("background_counts.tsv")
        .read_text(encoding="utf-8")
    )
    parsed = parse_background(text, "background_counts.tsv")
    table = sorted_counts(text)
    assert table is not None  # the bundled file takes the binary-search path
    assert load_background() is load_background()
    assert all(table[term] == count for term, count in parsed.items())
    assert dict(table.items()) == parsed
    assert len(table) == len(parsed)
    assert table.total == sum(parsed.values())
    for absent in ("zzzzqx", "", "government ", "a\tb", "governmentx", "0"):
        assert absent not in table
        assert table.get(absent) is None
        with pytest.raises(KeyError):
            table[absent]


@pytest.mark.parametrize(
    "text",
    [
        "b\t2\na\t1\n# total_count: 3\n",  # a comment below the rows
        "# total_count: 3\nb\t2\na\t1\n",  # not sorted
        "# total_count: 3\na b\t2\nc\t1\n",  # a bigram
        "a\t1\nb\t2\n",  # no total
        "# total_count: 3\na\t1\tx\nb\t2\n",  # two tabs in a row
    ],
)
def test_background_files_unfit_for_binary_search_are_refused(text: str) -> None:
    assert sorted_counts(text) is None


def test_sorted_background_finds_terms_at_both_ends() -> None:
    table = sorted_counts("# a comment\n# total_count: 9\nab\t2\nabc\t3\nb\t4\n")
    assert table is not None
    assert (table["ab"], table["abc"], table["b"], table.total) == (2, 3, 4, 9)
    assert [term for term in ("a", "bc", "c") if term in table] == []
    assert list(table) == ["ab", "abc", "b"]


# --- a known answer ------------------------------------------------------------------------


def _general_english(seed: int, n_words: int) -> str:
    """A text of ``n_words`` words: content words drawn from the bundled general-English
    frequencies, every other word a stop word, as in news prose."""
    counts = load_background()
    words = sorted(counts)
    rng = random.Random(seed)
    drawn = rng.choices(words, weights=[counts[w] for w in words], k=n_words // 2)
    prose = [word for content in drawn for word in ("the", content)]
    return " ".join(
        " ".join(prose[i : i + 20]).capitalize() + "." for i in range(0, len(prose), 20)
    )


def _with_word(text: str, word: str, times: int) -> str:
    sentences = text.split(". ")
    for k in range(times):
        at = k * len(sentences) // times
        sentences[at] = f"{sentences[at]} {word}"
    return ". ".join(sentences)


def test_a_term_only_one_outlet_uses_is_significant_and_chance_is_not() -> None:
    # Three 500-word articles drawn from one distribution (so no real difference), and
    # article a alone uses "zorblatt" 6 times: the one term that truly sets an outlet apart.
    a = _document("a", _with_word(_general_english(1, 500), "zorblatt", 6))
    b = _document("b", _general_english(2, 500))
    c = _document("c", _general_english(3, 500))
    found = distinctive_terms([a, b, c], top_n=10_000, min_count=2)
    significant = {(t.doc, t.term) for t in found if t.z >= 1.96}
    assert ("a", "zorblatt") in significant
    assert significant == {("a", "zorblatt")}


def test_four_uses_against_none_reach_significance_against_longer_others() -> None:
    # The case: 4 uses by one outlet, none by the others. Against two 500-word
    # articles the shorter article's 4 uses reach z >= 1.96.
    a = _document("a", _with_word(_general_english(1, 300), "zorblatt", 4))
    b = _document("b", _general_english(2, 500))
    c = _document("c", _general_english(3, 500))
    (term,) = [t for t in distinctive_terms([a, b, c], top_n=10_000) if t.term == "zorblatt"]
    assert (term.count, term.other_count) == (4, 0)
    assert term.z >= 1.96


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


def test_a_british_spelling_is_not_a_distinctive_term() -> None:
    # Two outlets tell the same story, one in British spelling: the spelling is no choice of
    # words, so neither outlet gets "jewellery" or "jewelry" as its term.
    story = (
        "Thieves stole {j} worth two million euros from a {j} store in the {c} of Paris. "
        "The {j} store was closed. Police said the {j} was insured. The {o} was reported."
    )
    british = _document("uk", story.format(j="jewellery", c="centre", o="offence"))
    american = _document("us", story.format(j="jewelry", c="center", o="offense"))
    found = distinctive_terms([british, american], min_count=1, top_n=1000)
    shown = {t.term for t in found}
    assert not shown & {"jewellery", "jewelry", "centre", "center", "offence", "offense"}
    # one term, shown in both spellings: no outlet is shown a spelling it did not write
    assert {t.term for t in found if "jewel" in t.term} <= {"jewellery/jewelry"}


def test_general_english_counts_a_word_in_either_spelling() -> None:
    # the prior of "color" counts the background's "colour": a word general English uses a lot
    # weighs the same whichever spelling the background list happens to hold
    a = _document("a", "The color of the flag. The color was new. A color here. The color.")
    b = _document("b", "The flag was red. It was new. The shape is round. It was raised.")
    base = {"flag": 500, "new": 900, "red": 300, "round": 200, "shape": 100, "raised": 100}

    def z_of_color(background: dict[str, int]) -> float:
        found = distinctive_terms([a, b], background=background, min_count=1, top_n=1000)
        return next(t.z for t in found if t.doc == "a" and t.term == "color")

    assert z_of_color({**base, "colour": 100_000}) == z_of_color({**base, "color": 100_000})
    assert z_of_color({**base, "colour": 100_000}) != z_of_color({**base, "hue": 100_000})


def test_terms_are_listed_by_z_as_printed_then_by_term() -> None:
    # Found by a developer's review: terms whose z differ only past the 4 printed decimals
    # were not in term order, as docs/json-report.md promises for ties.
    import json

    from framecmp import api

    samples = Path(__file__).resolve().parent.parent / "data"
    report = json.loads(
        api.render(
            api.compare(
                [
                    samples / "bishkek-2025-11-27" / "tass.txt",
                    samples / "lavrov-roundtable-2025-12" / "rt.txt",
                    samples / "alaska-2025-08-17" / "unknown-wire.txt",
                ]
            ),
            "json",
        )
    )
    for terms in report["distinctive_terms"].values():
        keys = [(-t["z"], t["term"]) for t in terms]
        assert keys == sorted(keys)
