"""The Python API on the real samples: the whole pipeline, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

import framecmp
from framecmp.errors import FramecmpError, InputError


@pytest.fixture(scope="module")
def bishkek() -> framecmp.model.Comparison:  # type: ignore[name-defined]
    root = Path(__file__).resolve().parent.parent / "data" / "bishkek-2025-11-27"
    return framecmp.compare([root / "tass.txt", root / "cgtn.txt", root / "unknown-outlet.txt"])


def test_bishkek_reports_are_one_event(bishkek) -> None:  # type: ignore[no-untyped-def]
    assert bishkek.same_event.verdict
    assert all(pair.same_event for pair in bishkek.same_event.pairs)


@pytest.mark.parametrize(("bishkek_report", "other"), [("tass", "alaska"), ("cgtn", "rt")])
def test_other_events_are_told_apart_from_bishkek_reports(
    request: pytest.FixtureRequest, other: str, bishkek_report: str
) -> None:
    # The smoke pairs of issue 9; the same-event model is fitted on ECB+, never on samples.
    paths = [request.getfixturevalue(bishkek_report), request.getfixturevalue(other)]
    comparison = framecmp.compare(paths)
    assert not comparison.same_event.verdict
    assert any("same event" in warning for warning in comparison.warnings)


def test_documents_carry_metadata_labels_and_removed_noise(bishkek) -> None:  # type: ignore[no-untyped-def]
    tass, cgtn, unknown = bishkek.documents
    assert (tass.doc_id, tass.outlet, tass.date, tass.place) == (
        "tass",
        "TASS",
        "2025-11-27",
        "Bishkek",
    )
    assert cgtn.outlet == "CGTN"
    assert unknown.outlet == "unknown-outlet"
    assert {r.kind for r in tass.removed} >= {"metadata-header", "dateline"}
    assert "cookie" in " ".join(r.text for r in cgtn.removed).lower()
    assert not any("cookie" in s.text.lower() for s in cgtn.sentences)


def test_every_distinctive_term_and_lexicon_hit_points_at_its_sentence(bishkek) -> None:  # type: ignore[no-untyped-def]
    docs = {d.doc_id: d for d in bishkek.documents}
    for term in bishkek.distinctive_terms:
        first_word = term.term.split()[0]
        assert any(first_word in docs[term.doc].sentences[i].text.lower() for i in term.sentences)
    for score in bishkek.lexicon_scores:
        for hit in score.hits:
            assert hit.matched.lower() in docs[score.doc].sentences[hit.sentence].text.lower()


def test_texts_and_labels_through_the_api(tass: Path, cgtn: Path) -> None:
    comparison = framecmp.compare(
        [tass.read_text(encoding="utf-8"), cgtn], labels={"1": "Agency", "cgtn": "Broadcaster"}
    )
    assert [d.outlet for d in comparison.documents] == ["Agency", "Broadcaster"]
    assert comparison.documents[0].path == "<text 1>"


def test_same_outlet_twice_gets_distinct_ids(tass: Path) -> None:
    comparison = framecmp.compare([tass, tass])
    assert [d.doc_id for d in comparison.documents] == ["tass", "tass-2"]


def test_api_errors_are_framecmp_errors(tass: Path, tmp_path: Path) -> None:
    with pytest.raises(FramecmpError, match="at least two"):
        framecmp.compare([tass])
    with pytest.raises(InputError, match="no such file"):
        framecmp.compare([tass, tmp_path / "missing.txt"])
    with pytest.raises(FramecmpError, match="min-score"):
        framecmp.compare([tass, tass], min_score=1.5)


def test_aligner_is_named_by_enum_or_string_and_a_wrong_name_is_refused(tass: Path) -> None:
    from framecmp.model import Aligner

    by_name = framecmp.compare([tass, tass], aligner="lexical")
    by_enum = framecmp.compare([tass, tass], aligner=Aligner.LEXICAL)
    assert by_name.settings.aligner is Aligner.LEXICAL
    assert framecmp.render(by_name, "json") == framecmp.render(by_enum, "json")
    assert '"aligner": "lexical"' in framecmp.render(by_name, "json")
    with pytest.raises(
        FramecmpError, match=r"^unknown aligner 'fuzzy'; choose lexical or semantic$"
    ):
        framecmp.compare([tass, tass], aligner="fuzzy")


def test_render_markdown_is_deterministic(bishkek) -> None:  # type: ignore[no-untyped-def]
    assert framecmp.render(bishkek, "markdown") == framecmp.render(bishkek, "markdown")


def test_library_logging_is_silent_until_the_application_configures_it() -> None:
    import logging

    import framecmp.api  # noqa: F401 - adds the handler

    handlers = logging.getLogger("framecmp").handlers
    assert any(isinstance(handler, logging.NullHandler) for handler in handlers)
