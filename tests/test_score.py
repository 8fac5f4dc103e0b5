"""Lexicon scoring: hits, rates per 1,000 tokens, and bootstrap intervals of rate differences."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framecmp.analysis import lexicon, score
from framecmp.model import CategoryScore, Document, Lexicon, Sentence
from framecmp.text import segment

DATA = Path(__file__).parent.parent / "data"
SAMPLES = {
    "tass": DATA / "bishkek-2025-11-27" / "tass.txt",
    "cgtn": DATA / "bishkek-2025-11-27" / "cgtn.txt",
    "unknown-outlet": DATA / "bishkek-2025-11-27" / "unknown-outlet.txt",
    "rt": DATA / "lavrov-roundtable-2025-12" / "rt.txt",
    "unknown-wire": DATA / "alaska-2025-08-17" / "unknown-wire.txt",
}


def _doc(
    doc_id: str, *sentences: str, tokenize: Callable[[str], tuple[str, ...]] | None = None
) -> Document:
    """A document from hand-made sentences, tokenised on whitespace and edge punctuation (or
    by ``tokenize``)."""
    built = []
    offset = 0
    for index, text in enumerate(sentences):
        tokens = tokenize(text) if tokenize else tuple(re.findall(r"[\w'\u2019-]+", text))
        built.append(Sentence(index, 0, text, offset, offset + len(text), tokens))
        offset += len(text) + 1
    return Document(doc_id, doc_id, f"{doc_id}.txt", " ".join(sentences), tuple(built))


def _lexicon(categories: str, kind: str = "frames", name: str = "test") -> Lexicon:
    header = textwrap.dedent(
        f"""\
        schema_version = 1
        name = "{name}"
        kind = "{kind}"
        version = "1"
        description = "hand-made"
        source = "tests"
        licence = "CC0"
        """
    )
    return lexicon.parse(header + textwrap.dedent(categories), origin="test.toml")


def _score(scores: tuple[CategoryScore, ...], doc: str, category: str) -> CategoryScore:
    return next(s for s in scores if s.doc == doc and s.category == category)


@pytest.fixture(scope="module")
def samples() -> tuple[Document, ...]:
    documents = []
    for doc_id, path in SAMPLES.items():
        text = path.read_text(encoding="utf-8")
        documents.append(Document(doc_id, doc_id, str(path), text, segment.segment(text)))
    return tuple(documents)


@pytest.fixture(scope="module")
def sample_scores(samples: tuple[Document, ...]) -> tuple[CategoryScore, ...]:
    return score.score_lexicons(samples, lexicon.resolve(lexicon.DEFAULT_LEXICONS))


def _wordings(scores: tuple[CategoryScore, ...], doc: str, category: str) -> set[str]:
    return {hit.term for hit in _score(scores, doc, category).hits}


# --- hand-made texts with known answers --------------------------------------------------------

WAR = """
[categories.war]
label = "War"
terms = ["war*"]
exclude = ["warm*", "warsaw", "cold war"]
"""


def test_rate_is_hits_per_thousand_tokens() -> None:
    document = _doc("d", "The war began.", "Talks on the war failed")  # 3 + 5 tokens
    (row,) = score.score_lexicons([document], [_lexicon(WAR)])
    assert row.count == 2
    assert row.per_1000_tokens == 250.0
    assert [(h.term, h.matched, h.sentence) for h in row.hits] == [
        ("war", "war", 0),
        ("war", "war", 1),
    ]


def test_exclude_stops_a_wildcard_over_matching() -> None:
    document = _doc("d", "A warm welcome in Warsaw ended the Cold War but not the wars")
    (row,) = score.score_lexicons([document], [_lexicon(WAR)])
    assert [h.matched for h in row.hits] == ["wars"]


def test_longest_match_wins_within_a_category_but_not_across() -> None:
    naming = """
    [categories.naming]
    label = "Naming"
    [categories.naming.terms]
    "Special military operation" = ["special military operation"]
    "Military operation" = ["military operation"]

    [categories.military]
    label = "Military"
    terms = ["military", "military operation*"]
    """
    document = _doc("d", "The special military operation is a military operation.")
    scores = score.score_lexicons([document], [_lexicon(naming, kind="terminology")])
    assert [h.term for h in _score(scores, "d", "naming").hits] == [
        "Special military operation",
        "Military operation",
    ]
    military = _score(scores, "d", "military")
    assert [(h.term, h.matched) for h in military.hits] == [
        ("military operation", "military operation"),
        ("military operation", "military operation"),
    ]


def test_curly_apostrophes_and_possessives_match() -> None:
    capital = """
    [categories.capital]
    label = "Capital"
    [categories.capital.terms]
    Kiev = ["kiev"]
    "Do not" = ["don't"]
    """
    document = _doc("d", "Kiev\u2019s view, Kiev's view: don\u2019t and don't.")
    (row,) = score.score_lexicons([document], [_lexicon(capital, kind="terminology")])
    assert [(h.term, h.matched) for h in row.hits] == [
        ("Kiev", "Kiev\u2019s"),
        ("Kiev", "Kiev's"),
        ("Do not", "don\u2019t"),
        ("Do not", "don't"),
    ]


def test_hyphenated_words_match_whole_or_by_part() -> None:
    capital = """
    [categories.capital]
    label = "Capital"
    [categories.capital.terms]
    Kyiv = ["kyiv", "kyiv-held"]

    [categories.control]
    label = "Control"
    terms = ["held"]
    """
    document = _doc("d", "Kyiv-held areas near Kyiv are held")
    scores = score.score_lexicons([document], [_lexicon(capital, kind="terminology")])
    assert [h.matched for h in _score(scores, "d", "capital").hits] == ["Kyiv-held", "Kyiv"]
    assert [h.matched for h in _score(scores, "d", "control").hits] == ["held", "held"]


def test_phrases_and_wildcards_need_whole_words_in_one_sentence() -> None:
    talks = """
    [categories.talks]
    label = "Talks"
    terms = ["negotiat*", "peace talks"]
    """
    document = _doc("d", "Negotiators renegotiated. Peace", "talks on negotiations")
    (row,) = score.score_lexicons([document], [_lexicon(talks)])
    assert [h.matched for h in row.hits] == ["Negotiators", "negotiations"]


def test_rows_for_every_lexicon_category_and_document_in_order() -> None:
    two = """
    [categories.b]
    label = "B"
    terms = ["bee"]

    [categories.a]
    label = "A"
    terms = ["ant"]
    """
    documents = [_doc("y", "An ant"), _doc("x", "A bee")]
    lexicons = [_lexicon(two, name="second"), _lexicon(WAR, name="first")]
    scores = score.score_lexicons(documents, lexicons)
    assert [(s.lexicon, s.category, s.doc, s.count) for s in scores] == [
        ("second", "b", "y", 0),
        ("second", "b", "x", 1),
        ("second", "a", "y", 1),
        ("second", "a", "x", 0),
        ("first", "war", "y", 0),
        ("first", "war", "x", 0),
    ]


def test_empty_document_scores_zero() -> None:
    (row,) = score.score_lexicons([_doc("d")], [_lexicon(WAR)])
    assert (row.count, row.per_1000_tokens, row.hits) == (0, 0.0, ())


@given(
    st.lists(st.sampled_from(["war", "War", "warm", "peace", "WAR\u2019s", "wars"]), max_size=40)
)
def test_single_word_count_equals_occurrences(tokens: list[str]) -> None:
    single = """
    [categories.war]
    label = "War"
    terms = ["war"]
    """
    document = _doc("d", " ".join(tokens))
    (row,) = score.score_lexicons([document], [_lexicon(single)])
    expected = sum(token.lower() in {"war", "war\u2019s"} for token in tokens)
    assert row.count == expected
    assert row.per_1000_tokens == (expected * 1000 / len(tokens) if tokens else 0.0)


# --- the sample articles ---------------------------------------------------------------------


def test_capital_spelling_by_outlet(sample_scores: tuple[CategoryScore, ...]) -> None:
    assert _wordings(sample_scores, "rt", "capital") == {"Kiev"}
    assert _wordings(sample_scores, "cgtn", "capital") == {"Kyiv"}
    assert _wordings(sample_scores, "unknown-wire", "capital") == {"Kyiv"}
    assert _wordings(sample_scores, "tass", "capital") == set()  # TASS never names the capital
    cgtn_matched = {h.matched for h in _score(sample_scores, "cgtn", "capital").hits}
    assert cgtn_matched == {"Kyiv", "Kyiv-held"}


def test_terminology_differs_by_outlet(sample_scores: tuple[CategoryScore, ...]) -> None:
    assert "Coup" in _wordings(sample_scores, "rt", "events_2014")
    assert {"Conflict", "Hostilities"} <= _wordings(sample_scores, "tass", "war")
    assert "War" in _wordings(sample_scores, "unknown-outlet", "war")
    assert "Occupied" in _wordings(sample_scores, "unknown-outlet", "territory")
    assert "Kyiv-held" in _wordings(sample_scores, "cgtn", "territory")
    assert _wordings(sample_scores, "unknown-wire", "zelensky") == {"Zelenskyy"}
    assert _wordings(sample_scores, "unknown-outlet", "zelensky") == {"Zelensky"}
    assert "Collective West" in _wordings(sample_scores, "tass", "the_west")


def test_doubting_attribution_in_the_unknown_outlet(
    sample_scores: tuple[CategoryScore, ...],
) -> None:
    doubting = _score(sample_scores, "unknown-outlet", "doubting")
    assert {h.matched for h in doubting.hits} == {"alleging", "insisted"}
    assert _score(sample_scores, "tass", "doubting").count == 0
    # "the United States" is not the verb "states".
    assert "states" not in {
        h.matched.lower() for h in _score(sample_scores, "tass", "neutral").hits
    }


def test_every_hit_is_in_its_sentence(
    samples: tuple[Document, ...], sample_scores: tuple[CategoryScore, ...]
) -> None:
    by_id = {document.doc_id: document for document in samples}
    for row in sample_scores:
        sentences = by_id[row.doc].sentences
        for hit in row.hits:
            assert hit.matched in sentences[hit.sentence].text, (row.category, hit)


# --- rate differences --------------------------------------------------------------------------


def _war_docs() -> tuple[Document, ...]:
    warlike = _doc("warlike", *(["The war goes on and the war spreads."] * 30))
    calm = _doc("calm", *(["Talks on trade went well."] * 30))
    twin = _doc("twin", *(["The war goes on and the war spreads."] * 30))
    return warlike, calm, twin


def test_big_difference_is_significant_identical_pair_is_not() -> None:
    documents = _war_docs()
    scores = score.score_lexicons(documents, [_lexicon(WAR)])
    differences = {(d.a, d.b): d for d in score.rate_differences(documents, scores)}
    big = differences[("warlike", "calm")]
    assert big.difference == pytest.approx(2 * 1000 / 8)
    assert big.significant
    assert big.ci_low > 0
    same = differences[("warlike", "twin")]
    assert same.difference == 0.0
    assert not same.significant
    assert same.ci_low <= 0 <= same.ci_high


def test_noisy_small_difference_is_not_significant() -> None:
    a = _doc("a", "The war.", *(["Nothing here at all today."] * 9))
    b = _doc("b", *(["Nothing here at all today."] * 10))
    scores = score.score_lexicons([a, b], [_lexicon(WAR)])
    (difference,) = score.rate_differences([a, b], scores)
    assert difference.difference > 0
    assert not difference.significant


def test_bootstrap_is_deterministic_for_a_seed(samples: tuple[Document, ...]) -> None:
    frames = lexicon.resolve(["frames"])
    scores = score.score_lexicons(samples[:3], frames)
    first = score.rate_differences(samples[:3], scores, seed=7)
    assert first == score.rate_differences(samples[:3], scores, seed=7)
    other = score.rate_differences(samples[:3], scores, seed=8)
    assert [d.ci_low for d in first] != [d.ci_low for d in other]


def test_only_frames_with_any_hit_are_compared(
    samples: tuple[Document, ...], sample_scores: tuple[CategoryScore, ...]
) -> None:
    bishkek = samples[:3]
    ids = {d.doc_id for d in bishkek}
    differences = score.rate_differences(bishkek, sample_scores)
    assert {d.lexicon for d in differences} == {"frames"}
    counts = {(s.category, s.doc): s.count for s in sample_scores if s.lexicon == "frames"}
    assert all(counts[(d.category, d.a)] + counts[(d.category, d.b)] > 0 for d in differences)
    assert all(d.a in ids and d.b in ids for d in differences)
    assert all(d.ci_low <= d.ci_high for d in differences)
    # Every pair is in document order, and the output is sorted by category then pair.
    order = [d.doc_id for d in bishkek]
    assert all(order.index(d.a) < order.index(d.b) for d in differences)
    frames = [c.id for c in lexicon.load_bundled("frames").categories]
    keys = [(frames.index(d.category), order.index(d.a), order.index(d.b)) for d in differences]
    assert keys == sorted(keys)


def test_military_framing_unknown_outlet_above_tass(
    samples: tuple[Document, ...], sample_scores: tuple[CategoryScore, ...]
) -> None:
    differences = score.rate_differences(samples[:3], sample_scores)
    military = next(
        d for d in differences if (d.category, d.a, d.b) == ("military", "tass", "unknown-outlet")
    )
    tass = _score(sample_scores, "tass", "military").per_1000_tokens
    unknown = _score(sample_scores, "unknown-outlet", "military").per_1000_tokens
    assert military.difference == pytest.approx(tass - unknown)
    assert military.difference < 0


def test_frame_differences_do_not_depend_on_the_order_of_the_inputs() -> None:
    from samples import sample_document

    documents = [sample_document(doc_id) for doc_id in ("tass", "cgtn", "unknown")]
    frames = lexicon.resolve(["frames"])

    def by_pair(docs: list[Document]) -> dict[tuple[str, str, str], tuple[float, ...]]:
        scores = score.score_lexicons(docs, frames)
        found = {}
        for d in score.rate_differences(docs, scores, seed=0, n_resamples=300):
            # The same comparison read the other way round is the mirror image.
            if d.a < d.b:
                found[(d.category, d.a, d.b)] = (d.difference, d.ci_low, d.ci_high, d.q_value)
            else:
                found[(d.category, d.b, d.a)] = (-d.difference, -d.ci_high, -d.ci_low, d.q_value)
        return found

    forward = by_pair(documents)
    backward = by_pair(documents[::-1])
    assert forward
    assert forward.keys() == backward.keys()
    for key, values in forward.items():
        assert values == pytest.approx(backward[key], abs=1e-9), key


@pytest.mark.parametrize("n_resamples", [1, 2, 3, 40, 999, 1000])
def test_percentiles_equal_numpy_percentile_bit_for_bit(n_resamples: int) -> None:
    # rate_differences' intervals use score.percentiles, not np.percentile (which imports
    # numpy.ma): the intervals in the reports must keep every bit.
    import numpy as np

    rng = np.random.default_rng(n_resamples)
    columns = []
    for _ in range(6):  # differences of rates per 1,000 tokens, with ties and zeros, as in use
        hits = rng.integers(0, 4, size=(n_resamples, 2)).astype(np.float64)
        tokens = rng.integers(40, 900, size=(n_resamples, 2)).astype(np.float64)
        rates = hits * 1000.0 / tokens
        columns.append(rates[:, 0] - rates[:, 1])
    columns.append(rng.normal(size=n_resamples) * 1e6)
    columns.append(np.zeros(n_resamples))
    values = np.stack(columns, axis=1)
    for percents in [(2.5, 97.5), (0.0, 50.0, 100.0), (33.3,)]:
        expected = np.percentile(values, percents, axis=0)
        found = score.percentiles(values, percents)
        assert found.shape == expected.shape
        assert found.tobytes() == expected.tobytes()
    values[0, 0] = np.nan
    expected = np.percentile(values, (2.5, 97.5), axis=0)
    assert score.percentiles(values, (2.5, 97.5)).tobytes() == expected.tobytes()


@pytest.mark.parametrize("n_resamples", [1, 7, 1000])
def test_intervals_equal_the_plain_bootstrap_bit_for_bit(
    samples: tuple[Document, ...], n_resamples: int
) -> None:
    # rate_differences sorts each document's resampled rates once for every partner that does
    # not use the category; the plain way is one column per difference and np.percentile.
    import numpy as np

    documents = [*samples, _doc("silent", "Nothing of note happened here today.")]
    frames = lexicon.resolve(["frames"])
    scores = score.score_lexicons(documents, frames)
    found = score.rate_differences(documents, scores, seed=3, n_resamples=n_resamples)
    assert found
    rates = {}
    for doc in documents:
        rng = np.random.default_rng([3, score._text_key(doc.text)])
        weights = score._resample_weights(rng, len(doc.sentences), n_resamples)
        tokens = weights @ np.array([len(s.tokens) for s in doc.sentences], dtype=np.int64)
        for row in scores:
            if row.doc == doc.doc_id:
                hits = np.zeros(len(doc.sentences), dtype=np.int64)
                for hit in row.hits:
                    hits[hit.sentence] += 1
                rates[doc.doc_id, row.category] = np.where(
                    tokens > 0, (weights @ hits).astype(np.float64) * 1000.0 / tokens, 0.0
                )
    boot = np.stack([rates[d.a, d.category] - rates[d.b, d.category] for d in found], axis=1)
    low, high = np.percentile(boot, (2.5, 97.5), axis=0)
    below = (boot < 0).sum(axis=0) + 0.5 * (boot == 0).sum(axis=0)
    share = np.minimum(below, n_resamples - below) / n_resamples
    p_values = np.clip(2 * share, 1 / (n_resamples + 1), 1.0)
    expected = zip(low.tolist(), high.tolist(), p_values.tolist(), strict=True)
    assert [repr((d.ci_low, d.ci_high, d.p_value)) for d in found] == list(map(repr, expected))


def test_matcher_memos_stay_bounded_and_change_no_count(monkeypatch: pytest.MonkeyPatch) -> None:
    # A batch process scores an open-ended vocabulary: the per-lexicon memos of words and
    # sentences must start again at their bound, and counts must not depend on what they hold.
    monkeypatch.setattr(score, "MATCHER_WORD_CACHE", 8)
    monkeypatch.setattr(score, "MATCHER_SENTENCE_CACHE", 3)
    war = _lexicon(WAR, name="bounded")
    documents = [
        _doc(f"d{n}", f"The war over word{n} went on", f"Warsaw saw a warm day {n}")
        for n in range(12)
    ]
    first = score.score_lexicons(documents, [war])
    matcher = score._matcher(war)
    assert len(matcher.seen) <= 8
    assert len(matcher.matched) <= 3
    again = score.score_lexicons(list(reversed(documents)), [war])
    assert sorted(first, key=lambda row: row.doc) == sorted(again, key=lambda row: row.doc)
    assert [row.count for row in first] == [1] * 12


def test_a_self_described_name_is_no_attribution() -> None:
    document = _doc("d", "The self-described mermaid swam.", "Her agent described the film.")
    bundled = lexicon.resolve(["attribution"])
    neutral = next(r for r in score.score_lexicons([document], bundled) if r.category == "neutral")
    assert [(h.matched, h.sentence) for h in neutral.hits] == [("described", 1)]


def test_a_month_name_is_not_the_modal_verb() -> None:
    document = _doc(
        "d",
        "The fire broke out on May 3, officials said.",  # a date
        "Prime Minister Theresa May visited the plant.",  # a name
        "Last May, a storm hit the coast.",  # a month after a date word
        "May 3 was the deadliest day.",  # a month opening a sentence before a number
        "The plant may reopen next year.",  # the verb
        "May it never happen again.",  # the verb opening a sentence
        "Release Date May Be in Jeopardy",  # a title-case headline keeps its verb
    )
    hedges = lexicon.resolve(["hedges"])
    (modal,) = [s for s in score.score_lexicons([document], hedges) if s.category == "modal_hedges"]
    assert sorted(h.sentence for h in modal.hits) == [4, 5, 6]


def test_a_refusal_to_tell_is_no_hedge_but_a_modal_of_possibility_is() -> None:
    # Found by a researcher's review: "would not name her", "would not comment" made a
    # report look hedged; a source's refusal says nothing about how sure the claim is.
    hedges = lexicon.resolve(["hedges"])
    doc = _doc(
        "a",
        "The hospital would not comment on the case.",
        "Officials would not immediately confirm the toll, and she wouldn't say why.",
        "The mayor could not be reached for comment.",
        "The storm could hit the coast on Monday and might bring floods.",
    )
    (modal,) = [s for s in score.score_lexicons([doc], hedges) if s.category == "modal_hedges"]
    assert [(h.matched, h.sentence) for h in modal.hits] == [("could", 3), ("might", 3)]


def test_a_frame_word_inside_a_name_is_no_frame_cue() -> None:
    # Measured on ECB+ hits (frames.toml): inside names of two or more capitalised words the
    # bundled frame patterns were a cue of their frame in 12 of 40 judged hits.
    frames = lexicon.resolve(["frames"])
    doc = _doc(
        "a",
        "Doctor Who is produced by the studio in Cardiff.",
        "The US Geological Survey put the epicentre near the coast.",
        "Doctors treated the injured at the hospital, and the army sealed off the area.",
    )
    hits = sorted(
        (h.sentence, h.matched) for s in score.score_lexicons([doc], frames) for h in s.hits
    )
    assert {sentence for sentence, _ in hits} == {2}  # nothing from the two names
    assert {"doctors", "hospital", "army"} <= {matched.lower() for _, matched in hits}


def test_count_in_names_must_be_a_boolean(tmp_path: Path) -> None:
    path = tmp_path / "lex.toml"
    path.write_text(
        textwrap.dedent(
            """\
            schema_version = 1
            name = "test"
            kind = "frames"
            version = "1"
            description = "d"
            source = "s"
            licence = "MIT"
            count_in_names = "no"

            [categories.health]
            label = "Health"
            terms = ["doctor*"]
            """
        ),
        encoding="utf-8",
    )
    with pytest.raises(lexicon.LexiconError, match="count_in_names must be true or false"):
        lexicon.load_file(path)


def test_attribution_verbs_in_another_sense_are_not_counted() -> None:
    # Read off the ECB+ odd-topic hits (attribution.toml); on blind-judged even-topic hits the
    # precision of the words outside the "say" family rose from 0.846 to 0.881, none lost.
    attribution = lexicon.resolve(["attribution"])
    doc = _doc(
        "a",
        "The alleged gunman fled, and nine alleged violations were listed.",
        "Smith added 12 points and adding six rebounds, and the two states agreed.",
        "Firefighters responded to the blaze, and police responded with tear gas.",
        "The flood claimed the lives of ten people; one was declared dead at the scene.",
        "The gang has long claimed as its turf the streets around the park.",
        "Prosecutors alleged that he fled, and his lawyer claimed he was at home.",
        "Felt, 95, said he was proud, and in 2001 the firm announced plans to expand.",
        "One said he would return, the mayor added.",
        'The company responded, "We regret it," and the family claimed the report was false.',
    )
    hits = sorted(
        (h.sentence, h.matched.lower())
        for s in score.score_lexicons([doc], attribution)
        for h in s.hits
    )
    assert hits == [
        (5, "alleged"),
        (5, "claimed"),
        (6, "announced"),
        (6, "said"),
        (7, "added"),
        (7, "said"),
        (8, "claimed"),
        (8, "responded"),
    ]


def test_a_number_word_in_a_pattern_matches_any_number() -> None:
    lex = _lexicon(
        """\
        [categories.speech]
        label = "Speech"
        terms = ["added"]
        exclude = ["added #"]
        """,
        kind="attribution",
    )
    doc = _doc(
        "a",
        "He added 101 yards.",
        "She added three more.",
        "He added $20,000 to the fund.",
        "He added that it was over.",
    )
    (speech,) = score.score_lexicons([doc], [lex])
    assert [h.sentence for h in speech.hits] == [3]


def test_a_pattern_may_not_begin_with_the_number_word() -> None:
    with pytest.raises(lexicon.LexiconError, match="'#' \\(any number\\) only after"):
        _lexicon(
            """\
            [categories.speech]
            label = "Speech"
            terms = ["# said"]
            """
        )


@pytest.mark.parametrize("key", ["count_in_names", "count_after_determiner"])
def test_the_lexicon_flags_must_be_booleans(key: str) -> None:
    with pytest.raises(lexicon.LexiconError, match=f"{key} must be true or false"):
        _lexicon(
            f"""\
            {key} = "no"

            [categories.health]
            label = "Health"
            terms = ["doctor*"]
            """
        )


def test_an_approximator_hedges_a_figure_only() -> None:
    # A fact-checker's review: the one report calling every figure "about" or "preliminary"
    # scored no hedge at all.
    hedges = lexicon.resolve(["hedges"])
    doc = _doc(
        "a",
        "The quake struck at about 9:30 a.m. with a preliminary magnitude of 4.4.",
        "Around 30 people were hurt and some 2,000 homes lost power.",
        "Residents talked about the damage, and some people left.",
        tokenize=segment.tokenize,
    )
    (approximators,) = [
        s for s in score.score_lexicons([doc], hedges) if s.category == "approximators"
    ]
    assert [(h.sentence, h.matched.lower()) for h in approximators.hits] == [
        (0, "about 9:30"),
        (0, "preliminary"),
        (1, "around 30"),
        (1, "some 2,000"),
    ]
