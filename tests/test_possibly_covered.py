"""Possibly covered: unpaired sentences with a close sentence elsewhere are neither aligned nor
unique (issue 9), and every report format shows them with their nearest sentence."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hand_documents import text_document
from typer.testing import CliRunner

from framecmp.analysis.align import (
    COVERED_MIN_SCORE,
    DEFAULT_MIN_SCORE,
    SHARED_MIN_SHARE,
    align,
)
from framecmp.api import load_articles, prepare_documents
from framecmp.cli import app
from framecmp.model import Aligner, Alignment, Coverage, CoveredBy, Document, SentenceRef

runner = CliRunner()
# the default aligner's cut: a sentence elsewhere at this pair score makes one possibly covered
NEAR_SCORE = COVERED_MIN_SCORE[Aligner.LEXICAL]
HOSTILE = "The mayor promised <script>alert(1)</script> *new* bridges by spring."
LEFT = (
    "Flood waters destroyed forty homes in Marden on Monday, officials said.",
    HOSTILE,
    "A choir sang hymns at the cathedral.",
)
RIGHT = (
    "Insurers expect claims from homes hit by the flood to rise sharply next year.",
    "Engineers will inspect the old railway bridges after the storm.",
    "Farmers reported livestock losses across the valley.",
)


# The same person in both, with different facts: no content word shared, so neither sentence is
# a near sentence of the other (those share a content word), but the name is a large share of
# each sentence's word weight.
NAMED_LEFT = (
    "Mayor Okafor praised the volunteers on Tuesday.",
    "A choir sang hymns at the cathedral.",
)
NAMED_RIGHT = (
    "Okafor has chaired the housing committee since 2010.",
    "Farmers reported livestock losses across the valley.",
)


def _documents() -> list[Document]:
    return [text_document("a", *LEFT), text_document("b", *RIGHT)]


def _named() -> list[Document]:
    return [text_document("a", *NAMED_LEFT), text_document("b", *NAMED_RIGHT)]


def test_a_near_but_not_same_sentence_is_possibly_covered() -> None:
    alignment = align(_documents())
    assert not alignment.pairs
    covered = {c.sentence: c for c in alignment.possibly_covered["a"]}
    assert sorted(covered) == [0, 1]
    near = covered[0].candidates[0]
    assert (near.doc, near.sentence) == ("b", 0)
    assert NEAR_SCORE <= near.score < DEFAULT_MIN_SCORE
    assert set(near.shared_terms) == {"flood", "homes"}
    assert alignment.coverage(SentenceRef("a", 0)) is Coverage.POSSIBLY_COVERED


def test_a_sentence_with_nothing_near_stays_unique() -> None:
    alignment = align(_documents())
    assert alignment.unique == {"a": (2,), "b": (2,)}
    assert alignment.coverage(SentenceRef("a", 2)) is Coverage.UNIQUE
    assert all(c.sentence != 2 for c in alignment.possibly_covered["a"])


def test_a_sentence_sharing_its_names_but_no_close_sentence_is_possibly_covered() -> None:
    alignment = align(_named())
    assert not alignment.pairs
    assert alignment.unique == {"a": (1,), "b": (1,)}
    for doc, other in (("a", "b"), ("b", "a")):
        (covered,) = alignment.possibly_covered[doc]
        assert covered.sentence == 0
        assert covered.covered_by is CoveredBy.SHARED_WORDS
        assert covered.word_share is not None
        assert SHARED_MIN_SHARE <= covered.word_share < 1.0  # the name, not every word
        (near,) = covered.candidates
        assert (near.doc, near.sentence) == (other, 0)
        assert near.shared_terms == ("okafor",)
    # a sentence close by pair score says so, and carries no word share
    close = {c.sentence: c for c in align(_documents()).possibly_covered["a"]}[0]
    assert close.covered_by is CoveredBy.NEAR_SENTENCE
    assert close.word_share is None


def test_shared_words_do_not_depend_on_argument_order() -> None:
    forward, backward = align(_named()), align(_named()[::-1])
    assert forward.possibly_covered == backward.possibly_covered
    assert forward.unique == backward.unique


def test_an_aligned_sentence_is_neither_unique_nor_possibly_covered() -> None:
    docs = [
        text_document("a", "Flood waters destroyed forty homes in Marden on Monday."),
        text_document("b", "On Monday flood waters destroyed forty homes in Marden."),
    ]
    alignment = align(docs)
    assert alignment.coverage(SentenceRef("a", 0)) is Coverage.ALIGNED
    assert alignment.possibly_covered == {}
    assert alignment.unique == {"a": (), "b": ()}


def test_possible_counterparts_do_not_depend_on_argument_order() -> None:
    forward, backward = align(_documents()), align(_documents()[::-1])
    assert forward.possibly_covered == backward.possibly_covered
    assert forward.unique == backward.unique


def test_the_semantic_aligner_tells_unique_from_possibly_covered_the_same_way() -> None:
    lexical, semantic = align(_documents()), align(_documents(), aligner="semantic")
    assert not semantic.pairs  # the embedding finds no pair here either
    assert semantic.unique == lexical.unique == {"a": (2,), "b": (2,)}

    def shape(alignment: Alignment) -> dict[str, list[tuple[object, ...]]]:
        return {
            doc: [
                (c.sentence, c.covered_by, tuple((k.doc, k.sentence) for k in c.candidates))
                for c in entries
            ]
            for doc, entries in alignment.possibly_covered.items()
        }

    # the same sentences and candidates, for the same reason; the semantic aligner shows the
    # score its own threshold is compared with, which mixes in the cosine
    assert shape(semantic) == shape(lexical)
    semantic_scores = [k.score for e in semantic.possibly_covered["a"] for k in e.candidates]
    lexical_scores = [k.score for e in lexical.possibly_covered["a"] for k in e.candidates]
    assert semantic_scores != lexical_scores
    assert all(0.0 <= score <= 1.0 for score in semantic_scores)


def test_the_bounded_search_finds_the_best_scored_candidates() -> None:
    # The search for an unpaired unit's nearest sentences skips candidates by a score bound:
    # it must return exactly the top of scoring every unit elsewhere that shares a content
    # stem. Ten reports of one ECB+ event.
    from framecmp.analysis import align as stage
    from framecmp.analysis import pair_scorer
    from framecmp.analysis.align_units import profiles_of, units_of

    folder = Path(__file__).parent.parent / "eval" / "data" / "ecbplus" / "12"
    documents = prepare_documents(load_articles(sorted(folder.glob("12_*ecbplus.txt"))[:10]))
    units = {d.doc_id: units_of(d) for d in documents}
    profiles = profiles_of(documents, units)
    index = stage._UnitIndex(documents, profiles)
    checked = 0
    for document in documents:
        queries = profiles[document.doc_id]
        # all of a report's units at once, as the aligner asks
        near = stage._near_units_of(document.doc_id, queries, documents, index, NEAR_SCORE, 2)
        for p1, found in zip(queries, near, strict=True):
            every = sorted(  # every unit elsewhere sharing a content stem, scored
                (-pair_scorer.probability(stage._features(p1, p2)), other.doc_id, j)
                for other in documents
                if other.doc_id != document.doc_id
                for j, p2 in enumerate(profiles[other.doc_id])
                if p1.weights.keys() & p2.weights.keys()
            )
            best = [n for n in every if -n[0] >= NEAR_SCORE][:2]
            assert found == best
            checked += bool(best)
    # without a floor or a count: every candidate, in order of score
    first = documents[0].doc_id
    for p1 in profiles[first][:20]:
        every = sorted(
            (-pair_scorer.probability(stage._features(p1, p2)), other.doc_id, j)
            for other in documents[1:]
            for j, p2 in enumerate(profiles[other.doc_id])
            if p1.weights.keys() & p2.weights.keys()
        )
        assert stage._near_units(first, p1, documents, profiles, None) == every
    assert checked > 50  # 85 units of these reports have a candidate to check


def _write(
    tmp_path: Path, left: tuple[str, ...] = LEFT, right: tuple[str, ...] = RIGHT
) -> list[str]:
    paths = []
    for name, sentences in (("alpha", left), ("beta", right)):
        path = tmp_path / f"{name}.txt"
        path.write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def _compare(tmp_path: Path, fmt: str, *, named: bool = False) -> str:
    paths = _write(tmp_path, NAMED_LEFT, NAMED_RIGHT) if named else _write(tmp_path)
    result = runner.invoke(app, ["compare", *paths, "--format", fmt, "--allow-different-events"])
    assert result.exit_code in (0, 3), result.output
    return result.stdout


def _schema() -> dict[str, object]:
    path = Path(__file__).parent.parent / "framecmp" / "report" / "schema.json"
    schema: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def test_json_report_lists_possibly_covered_sentences_with_their_candidates(
    tmp_path: Path,
) -> None:
    report = json.loads(_compare(tmp_path, "json"))
    jsonschema.validate(report, _schema())
    covered = report["possibly_covered"]
    first = next(iter(covered.values()))
    entry = next(e for e in first if e["sentence"] == 0)
    assert entry["candidates"][0]["sentence"] == 0
    assert {"flood", "homes"} <= set(entry["candidates"][0]["shared_terms"])
    for doc, entries in covered.items():
        assert not {e["sentence"] for e in entries} & set(report["unique"][doc])
    sentences = {s["index"]: s["text"] for s in report["sentences"][next(iter(covered))]}
    assert HOSTILE in sentences.values()  # JSON keeps untrusted text verbatim
    assert entry["covered_by"] == "near-sentence"
    assert entry["word_share"] is None


def test_json_report_says_when_shared_words_make_a_sentence_possibly_covered(
    tmp_path: Path,
) -> None:
    report = json.loads(_compare(tmp_path, "json", named=True))
    jsonschema.validate(report, _schema())
    for entries in report["possibly_covered"].values():
        (entry,) = entries
        assert entry["covered_by"] == "shared-words"
        assert SHARED_MIN_SHARE <= entry["word_share"] < 1.0
        assert entry["candidates"][0]["shared_terms"] == ["okafor"]


def test_markdown_and_terminal_reports_give_the_share_of_words_held(tmp_path: Path) -> None:
    markdown = _compare(tmp_path, "markdown", named=True)
    line = next(x for x in markdown.splitlines() if "praised the volunteers" in x and "s0" in x)
    assert "(sharing " in line
    assert "% of its word weight, names included: " in line
    text = _compare(tmp_path, "text", named=True)
    assert "% of its word weight, names included: " in text


def test_markdown_report_shows_possibly_covered_escaped(tmp_path: Path) -> None:
    markdown = _compare(tmp_path, "markdown")
    assert "Possibly covered elsewhere:" in markdown
    line = next(x for x in markdown.splitlines() if "bridges by spring" in x and "nearest" in x)
    assert "<script>" not in line
    assert "&lt;script&gt;" in line
    assert "\\*new\\*" in line
    assert " s1, 0." in line  # the candidate's sentence number and score


def test_html_report_links_each_candidate_and_escapes_text(tmp_path: Path) -> None:
    html = _compare(tmp_path, "html")
    assert '<ul class="covered">' in html
    item = next(x for x in html.splitlines() if "bridges by spring" in x and "nearest" in x)
    assert "<script>" not in item
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in item
    assert 'class="sn" href="#s-' in item


def test_terminal_report_shows_possibly_covered(tmp_path: Path) -> None:
    text = _compare(tmp_path, "text")
    assert "Possibly covered elsewhere" in text
    assert "(nearest: " in text


def test_reading_view_names_the_nearest_sentence_instead_of_unique(tmp_path: Path) -> None:
    html = _compare(tmp_path, "html")
    reading = html[html.index('<div class="reading') :]
    line = next(x for x in reading.splitlines() if "Flood waters destroyed" in x)
    assert "(possibly covered: " in line
    assert 'href="#s-' in line
    choir = next(x for x in reading.splitlines() if "A choir sang hymns" in x)
    assert "(unique)" in choir


def test_a_candidate_inside_a_long_quote_is_the_sentence_sharing_the_words(
    tmp_path: Path,
) -> None:
    # The three-sentence quote (one paragraph) is one unit; the sentence shown must be the one
    # holding the shared words, not the quote's first sentence.
    (tmp_path / "a.txt").write_text(
        '"We talked in broad terms about the region. Then the United States suddenly announced '
        'sanctions against two of our companies. We did not expect that at all," the minister '
        "said.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Washington announced sanctions on two firms, a spokesman said.\n", encoding="utf-8"
    )
    quote, other = prepare_documents(load_articles([tmp_path / "a.txt", tmp_path / "b.txt"]))
    assert len(quote.sentences) == 3
    (covered,) = align([quote, other]).possibly_covered[other.doc_id]
    (candidate,) = covered.candidates
    assert (candidate.doc, candidate.sentence) == (quote.doc_id, 1)
    assert "sanctions" in candidate.shared_terms


def test_every_shared_word_shown_is_in_both_sentences(
    tass: Path, cgtn: Path, unknown_outlet: Path
) -> None:
    # Evidence is per sentence: a long quote is one unit, but a word its other sentences hold
    # is no evidence for the member shown (the review found "russia, terms" listed for
    # "Frankly, that sounds ridiculous."). Real coverage: four reports of one ECB+ event, and
    # the three sample reports, which quote at length.
    from framecmp.analysis.align_units import units_of
    from framecmp.text.segment import compound_parts
    from framecmp.text.vocabulary import normalise, stem

    paths = [tass, cgtn, unknown_outlet]
    documents = prepare_documents(load_articles(paths))
    alignment = align(documents)
    by_id = {d.doc_id: d for d in documents}

    def holds(doc: str, index: int, term: str) -> bool:
        tokens = by_id[doc].sentences[index].tokens
        stems = {stem(normalise(p)) for t in tokens for p in (t, *compound_parts(t))}
        # "closed/closely": one stem written two ways, one by each side
        return all(stem(normalise(w)) in stems for w in term.split("/")[0].split())

    # members of multi-sentence quotes: where a unit's words could stray onto a member
    # (a sentence that is its own unit may show a folded spelling: "Ukrainian" as "ukraine")
    in_quotes = {
        (d.doc_id, i)
        for d in documents
        for u in units_of(d)
        if len(u.sentences) > 1
        for i in u.sentences
    }
    checked = 0
    for doc, entries in alignment.possibly_covered.items():
        for entry in entries:
            for candidate in entry.candidates:
                for term in candidate.shared_terms:
                    if (doc, entry.sentence) in in_quotes:
                        assert holds(doc, entry.sentence, term), (doc, entry.sentence, term)
                        checked += 1
                    if (candidate.doc, candidate.sentence) in in_quotes:
                        assert holds(candidate.doc, candidate.sentence, term), (candidate, term)
                        checked += 1
    assert checked > 5


# The same toll, nothing else in common: no pair score, no word share, one number.
TOLL_LEFT = (
    "The flood waters began to recede across the delta region.",
    "Authorities put the toll at 1,847.",
)
TOLL_RIGHT = (
    "Rescue teams continued to search villages along the river.",
    "By evening 1,847 bodies had been recovered, officials said.",
)


def test_a_sentence_sharing_a_number_with_a_sentence_elsewhere_is_possibly_covered(
    tmp_path: Path,
) -> None:
    alignment = align([text_document("a", *TOLL_LEFT), text_document("b", *TOLL_RIGHT)])
    assert not alignment.pairs
    (covered,) = alignment.possibly_covered["a"]
    assert covered.sentence == 1
    assert covered.covered_by is CoveredBy.SHARED_NUMBER
    (near,) = covered.candidates
    assert (near.doc, near.sentence) == ("b", 1)
    assert "1847" in near.shared_terms
    assert alignment.unique["a"] == (0,)
    # every format says why
    paths = _write(tmp_path, TOLL_LEFT, TOLL_RIGHT)
    result = runner.invoke(app, ["compare", *paths, "-f", "json", "--allow-different-events"])
    report = json.loads(result.stdout)
    jsonschema.validate(report, _schema())
    entry = next(e for e in report["possibly_covered"]["alpha"] if e["sentence"] == 1)
    assert entry["covered_by"] == "shared-number"
    result = runner.invoke(app, ["compare", *paths, "-f", "markdown", "--allow-different-events"])
    line = next(x for x in result.stdout.splitlines() if "toll at 1,847" in x)
    assert "(sharing a number: " in line


def test_the_bounded_search_gives_the_same_in_small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    # The candidates are bounded a block of units at a time, blocks cut by the postings they
    # expand to (memory): any cut gives the same nearest units.
    from framecmp.analysis import align as stage
    from framecmp.analysis.align_units import profiles_of, units_of

    folder = Path(__file__).parent.parent / "eval" / "data" / "ecbplus" / "12"
    documents = prepare_documents(load_articles(sorted(folder.glob("12_*ecbplus.txt"))[:6]))
    units = {d.doc_id: units_of(d) for d in documents}
    profiles = profiles_of(documents, units)

    def nearest() -> list[list[tuple[float, str, int]]]:
        index = stage._UnitIndex(documents, profiles)
        return [
            found
            for d in documents
            for found in stage._near_units_of(
                d.doc_id, profiles[d.doc_id], documents, index, NEAR_SCORE, 2
            )
        ]

    whole = nearest()
    monkeypatch.setattr(stage, "_BOUND_BLOCK", 3)
    monkeypatch.setattr(stage, "_BOUND_ENTRIES", 40)  # below a single unit's postings at times
    assert nearest() == whole
    assert sum(map(bool, whole)) > 20


def test_a_sentence_holding_its_figures_is_shown_beside_a_nearer_one() -> None:
    # Found by a researcher's review: "12 Somalis and 11 Yemenis" pointed only at a sentence
    # sharing "including", never at the one with both figures and both nationalities.
    documents = [
        text_document(
            "a",
            "Police stopped a truck near the border on Monday.",
            "Those held included 14 Kenyans and 19 Ugandans.",
        ),
        text_document(
            "b",
            "Police stopped a truck near the border on Monday, officials said.",
            "Several relief operations are under way in Kenya, including a UN food mission.",
            "Officers searched the truck, seizing 14 Kenyan and 19 Ugandan nationals.",
        ),
    ]
    (entry,) = align(documents).possibly_covered["a"]
    assert entry.covered_by is CoveredBy.NEAR_SENTENCE
    shown = {(c.doc, c.sentence): c for c in entry.candidates}
    assert set(shown) == {("b", 1), ("b", 2)}
    assert shown[("b", 2)].shared_terms[:2] == ("14", "19")  # the figures are the evidence
