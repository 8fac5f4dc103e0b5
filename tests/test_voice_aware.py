"""Voice-aware figures: every lexicon hit, distinctive term and tone is split into the outlet's
narration and the words it quotes (with the speaker)."""

from __future__ import annotations

from pathlib import Path

import pytest
from samples import text_document
from typer.testing import CliRunner

from framecmp import api
from framecmp.analysis import lexicon as lexicon_stage
from framecmp.analysis import score as score_stage
from framecmp.analysis import terms as terms_stage
from framecmp.analysis import voices as voices_stage
from framecmp.cli import app
from framecmp.model import CategoryScore, Comparison, Document, Lexicon, Quote

DATA = Path(__file__).parent.parent / "data" / "bishkek-2025-11-27"
BISHKEK = [DATA / "tass.txt", DATA / "cgtn.txt", DATA / "unknown-outlet.txt"]


@pytest.fixture(scope="module")
def bishkek() -> Comparison:
    return api.compare(BISHKEK)


def _score(comparison: Comparison, kind: str, category: str, doc: str) -> CategoryScore:
    (found,) = [
        s
        for s in comparison.lexicon_scores
        if s.kind == kind and s.category == category and s.doc == doc
    ]
    return found


def _quoted(score: CategoryScore) -> set[tuple[str, str | None]]:
    return {(hit.matched.lower(), hit.speaker) for hit in score.hits if hit.quoted}


def _narration(score: CategoryScore) -> set[str]:
    return {hit.matched.lower() for hit in score.hits if not hit.quoted}


# --- the three Bishkek samples (the cases) -------------------------------------------


def test_tass_war_words_are_putins_not_tass(bishkek: Comparison) -> None:
    war = _score(bishkek, "terminology", "war", "tass")
    assert {("hostilities", "Vladimir Putin"), ("war", "Vladimir Putin")} <= _quoted(war)
    assert "hostilities" not in _narration(war)
    assert "war" not in _narration(war)
    military = _score(bishkek, "frames", "military", "tass")
    assert military.narration_count == 0
    assert military.quoted_count == 3


def test_unknown_outlet_occupied_and_military_action_inside_putins_quote(
    bishkek: Comparison,
) -> None:
    territory = _score(bishkek, "terminology", "territory", "unknown-outlet")
    assert ("occupied", "Vladimir Putin") in _quoted(territory)
    war = _score(bishkek, "terminology", "war", "unknown-outlet")
    assert ("military action", "Vladimir Putin") in _quoted(war)
    assert "military action" not in _narration(war)


def test_cgtn_certainty_hedges_are_putins(bishkek: Comparison) -> None:
    certainty = _score(bishkek, "hedges", "certainty", "cgtn")
    assert _quoted(certainty) == {("definitely", "Vladimir Putin"), ("never", "Vladimir Putin")}
    assert certainty.narration_count == 0
    assert certainty.narration_per_1000_tokens == 0.0


def test_markdown_tables_list_quoted_words_apart_with_the_speaker() -> None:
    result = CliRunner().invoke(app, ["compare", *map(str, BISHKEK), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    sections = result.stdout.split("\n## ")
    frames = next(s for s in sections if s.startswith("Frames"))
    terminology = next(s for s in sections if s.startswith("Terminology"))
    hedges = next(s for s in sections if s.startswith("Hedges"))
    military = next(line for line in frames.splitlines() if line.startswith("| military |"))
    # TASS narration has no military frame word; its three are Putin's.
    assert military.split(" | ")[1] == "0.0 (0) +3 quoted"
    war = next(line for line in terminology.splitlines() if line.startswith("| war |"))
    tass_cell = war.split(" | ")[1]
    narration, _, quoted = tass_cell.partition("<br>")
    assert "Hostilities" not in narration
    assert "Hostilities \u00d72 (Vladimir Putin; s" in quoted
    certainty = next(line for line in hedges.splitlines() if line.startswith("| certainty |"))
    assert "definitely \u00d71 (Vladimir Putin; s" in certainty.split(" | ")[2]


# --- hand-made texts: the rules themselves -------------------------------------------------


def _lexicon() -> tuple[Lexicon, ...]:
    return (lexicon_stage.load_bundled("frames"),)


def _quotes(*documents: Document) -> tuple[Quote, ...]:
    return tuple(q for d in documents for q in voices_stage.extract_quotes(d))


def test_a_hit_inside_a_quote_carries_the_speaker_and_stays_out_of_narration() -> None:
    doc = text_document(
        "d",
        'Troops moved at dawn. "The war must end now," Maria Lopez said. '
        "Officials met again in the afternoon.",
    )
    scores = score_stage.score_lexicons([doc], _lexicon(), _quotes(doc))
    military = next(s for s in scores if s.category == "military")
    assert {(h.matched.lower(), h.quoted, h.speaker) for h in military.hits} == {
        ("troops", False, None),
        ("war", True, "Maria Lopez"),
    }
    assert (military.count, military.narration_count, military.quoted_count) == (2, 1, 1)


def test_rate_differences_count_narration_only() -> None:
    # Both texts use "war" equally often, but only b says it in its own words.
    # (four sentences each: fewer are not tested, score.MIN_TEST_SENTENCES)
    rest = " The meeting ended at noon. Staff left the hall. The doors were locked."
    a = text_document("a", '"War, war and war," Maria Lopez said.' + rest)
    b = text_document("b", "War, war and war, the report said." + rest)
    quotes = _quotes(a, b)
    scores = score_stage.score_lexicons([a, b], _lexicon(), quotes)
    (military,) = [
        d
        for d in score_stage.rate_differences([a, b], scores, quotes=quotes, n_resamples=200)
        if d.category == "military"
    ]
    assert military.difference < 0  # a's narration has no war at all


def test_distinctive_terms_count_narration_and_list_quoted_uses() -> None:
    a = text_document(
        "a",
        'The ceasefire held. The ceasefire was signed. "Ceasefire now," Maria Lopez said. '
        "Ceasefire talks resume.",
    )
    b = text_document("b", "The border stayed calm. Officials met at the border again.")
    found = terms_stage.distinctive_terms(
        [a, b], background={}, min_count=1, top_n=50, quotes=_quotes(a, b)
    )
    ceasefire = next(t for t in found if t.doc == "a" and t.term == "ceasefire")
    assert ceasefire.count == 3
    assert ceasefire.quoted_count == 1
    assert ceasefire.speakers == ("Maria Lopez",)


def test_tone_of_narration_and_of_quotes_apart() -> None:
    doc = text_document(
        "d",
        '"This is a terrible, horrible disaster," Maria Lopez said. '
        "The committee met on Tuesday and published a schedule.",
    )
    tone = voices_stage.tone(doc, _quotes(doc))
    assert tone.quoted_compound is not None
    assert tone.quoted_compound < -0.5
    assert tone.narration_compound > tone.quoted_compound


def test_benjamini_hochberg_matches_the_textbook_example() -> None:
    # Benjamini & Hochberg (1995), computed by hand: p sorted 0.01, 0.02, 0.03, 0.04, 0.2
    # -> q = min over k >= i of p_k * 5 / k = 0.05, 0.05, 0.05, 0.05, 0.2.
    q = score_stage.benjamini_hochberg([0.04, 0.01, 0.2, 0.03, 0.02])
    assert [round(v, 6) for v in q] == [0.05, 0.05, 0.2, 0.05, 0.05]


def test_every_frame_difference_carries_an_adjusted_q_value(bishkek: Comparison) -> None:
    differences = bishkek.rate_differences
    assert differences
    assert all(d.q_value >= d.p_value for d in differences)
    assert all(d.significant == (d.q_value < score_stage.FALSE_DISCOVERY_RATE) for d in differences)


def test_too_small_for_significance_is_said_once_at_the_top(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(
        "The council met on Monday in the capital. Officials discussed the budget plan. "
        "The talks will resume next week, officials said.\n",
        encoding="utf-8",
    )
    b.write_text(
        "The council met on Monday in the capital city. Officials debated the budget. "
        "Talks resume next week, a spokesman said.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["compare", str(a), str(b), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.count("No difference reaches significance") == 1
    assert text.index("No difference reaches significance") < text.index("## Documents")
    assert "| significant |" not in text  # no column of "no"
    assert "Benjamini-Hochberg" in text


def test_significant_results_are_counted_in_the_note(bishkek: Comparison) -> None:
    from framecmp.report import views

    note = views.statistics_note(bishkek)
    frames = sum(d.significant for d in bishkek.rate_differences)
    assert note.startswith(f"Significant: {frames} frame difference")
    assert "Benjamini-Hochberg" in note


def test_html_sentence_numbers_link_to_their_sentence(bishkek: Comparison) -> None:
    import re

    from framecmp.report import render_report

    page = render_report(bishkek, "html")
    links = set(re.findall(r'href="#(s-[^"]+)"', page))
    ids = set(re.findall(r'<li id="(s-[^"]+)"', page))
    assert links
    assert links <= ids  # every sN link lands on a sentence
    tass = bishkek.document("tass")
    first = tass.sentences[0]
    assert f'<li id="s-tass-0" value="0"><span class="sn">s0</span> {first.text[:20]}' in page
