"""Tests of the terminal view: plain text for pipes, colour and width from the console."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
import sys

import pytest
from report_fixture import build_comparison, same_event_comparison, shuffled
from rich.console import Console

from framecmp.model import RateDifference
from framecmp.report.terminal import print_comparison, render_text

WARNING = "Warning: these reports do not appear to describe the same event"


def test_render_text_has_no_escape_codes_even_from_hostile_article_text() -> None:
    text = render_text(build_comparison())  # the hostile sentence carries "\x1b[31m"
    assert "\x1b" not in text
    assert "[31m red" in text  # the rest of the sentence is still shown


def test_not_same_event_panel_comes_first() -> None:
    lines = render_text(build_comparison()).splitlines()
    assert "NOT THE SAME EVENT" in lines[0]
    assert WARNING in lines[1]
    head = "\n".join(lines[:8])
    assert "tass vs cgtn: score 0.31" in head  # which pair failed, and on what
    assert "Documents" not in head


def test_same_event_verdict_is_shown_after_the_summary_without_a_warning() -> None:
    text = render_text(same_event_comparison())
    assert WARNING not in text
    assert "NOT THE SAME EVENT" not in text
    assert text.index("Documents") < text.index("Same event: yes")


@pytest.mark.parametrize("width", [60, 100, 160])
def test_render_text_fits_the_requested_width(width: int) -> None:
    lines = render_text(build_comparison(), width=width).splitlines()
    assert max(len(line) for line in lines) <= width
    assert any(len(line) == width for line in lines)  # tables stretch to use the width


def test_print_comparison_follows_the_console_width() -> None:
    buffer = io.StringIO()
    print_comparison(build_comparison(), Console(file=buffer, width=72, color_system=None))
    assert max(len(line) for line in buffer.getvalue().splitlines()) <= 72


def test_plain_text_marks_deleted_and_inserted_words() -> None:
    text = render_text(build_comparison(), width=160)
    assert "The [-divergence-] of opinions [-in-] the West," in text
    assert "{+between+} the {+collective+} West" in text


def test_colour_console_highlights_differing_words_in_colour() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=120, force_terminal=True, color_system="standard")
    print_comparison(build_comparison(), console)
    output = buffer.getvalue()
    assert "\x1b[1;31mdivergence\x1b[0m" in output  # deleted: bold red
    assert "\x1b[1;32mcollective\x1b[0m" in output  # inserted: bold green
    assert "[-divergence-]" not in output


def test_no_color_console_has_no_colour_and_keeps_the_markers() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=120, force_terminal=True, no_color=True)
    print_comparison(build_comparison(), console)
    output = buffer.getvalue()
    assert "[-divergence-]" in output
    assert not re.search(r"\x1b\[[0-9;]*\b3[0-9]m", output)  # no foreground colour code


def test_article_text_is_not_read_as_rich_markup() -> None:
    text = render_text(build_comparison(), width=300)
    assert "[link](javascript:x)" in text
    assert "<script>alert(1)</script>" in text  # shown literally; a terminal runs nothing


def test_terminal_view_has_every_section() -> None:
    text = render_text(build_comparison(), width=120)
    for title in (
        "Documents",
        "Pairwise similarity",
        "Frames per 1,000 own-word tokens",
        "Aligned: TASS (tass) ↔ unknown-outlet (d3)",
        "Unique sentences",
        "Distinctive terms",
        "Terminology",
        "Voices",
        "Warnings",
    ):
        assert title in text
    assert "essence (z 2.61*" in text
    assert "United States \u00d72 (s0, s2)" in text


def test_render_text_is_deterministic_and_ignores_input_order() -> None:
    first = render_text(build_comparison())
    assert render_text(build_comparison()) == first
    assert render_text(shuffled(build_comparison())) == first


def test_importing_render_does_not_import_rich() -> None:
    code = "import sys, framecmp.report.terminal, framecmp.report; print(' '.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "rich" not in {name.split(".")[0] for name in out.split()}


def _section(text: str, title: str, next_title: str) -> str:
    return text[text.index(title) : text.index(next_title)]


def test_coverage_marks_which_outlet_carries_each_claim_in_natural_order() -> None:
    text = render_text(build_comparison(), width=160)
    coverage = _section(text, "Coverage", "Aligned:")
    rows = [line for line in coverage.splitlines() if re.match(r"│ c\d+ ", line)]
    assert [row.split("│")[1].strip() for row in rows] == ["c1", "c2", "c3", "c4", "c10"]
    c1 = [cell.strip() for cell in rows[0].split("│")[3:6]]
    assert c1 == ["✓", "✓", "—"]  # TASS and unknown-outlet carry c1, CGTN does not
    assert "The divergence of opinions in the West" in rows[0]
    assert text.index("Frames per 1,000 own-word tokens") < text.index("Coverage")


def test_frame_differences_list_significant_first_and_mark_the_others() -> None:
    text = render_text(build_comparison(), width=160)
    section = _section(text, "Frame differences", "Terminology")
    assert section.index("-21.5") < section.index("-12.0") < section.index("3.2")
    conflict = next(line for line in section.splitlines() if "│ conflict" in line)
    assert "not significant after correction" in conflict
    assert "3.2 (-6.5 to 12.9)" in conflict
    diplomacy = next(line for line in section.splitlines() if "-21.5" in line)
    assert "significant" in diplomacy
    assert "not distinguishable" not in diplomacy


def test_frame_differences_cap_the_unclear_ones_and_say_how_many_are_left_out() -> None:
    comparison = build_comparison()
    unclear = tuple(
        RateDifference("frames", f"topic{i:02d}", "tass", "d3", 1.0, -1.0, 3.0, False)
        for i in range(15)
    )
    comparison = dataclasses.replace(
        comparison, rate_differences=comparison.rate_differences + unclear
    )
    section = _section(render_text(comparison, width=160), "Frame differences", "Terminology")
    assert "-21.5" in section
    assert "-12.0" in section
    assert section.count("not significant after correction") == 10 + 1  # rows + the omitted line
    assert "7 more differences not significant after correction omitted" in section
    assert "3.2 (-6.5 to 12.9)" in section  # the largest unclear ones are the ones kept
    assert "5.0 (-3.0 to 13.0)" in section


def test_attribution_and_hedges_show_wordings_with_sentence_numbers() -> None:
    text = render_text(build_comparison(), width=160)
    attribution = _section(text, "Attribution verbs", "Hedges")
    assert "said \u00d72 (s1, s2); told \u00d71 (s0)" in attribution
    assert "emphasized \u00d71 (s1)" in attribution
    hedges = _section(text, "Hedges", "Voices")
    assert "could \u00d71 (s3); suggested \u00d71 (s3)" in hedges


def test_quotes_worded_differently_are_shown_side_by_side_with_markers() -> None:
    text = render_text(build_comparison(), width=200)
    section = _section(text, "Quotes worded differently", "Tone")
    row = next(line for line in section.splitlines() if "Putin" in line)
    assert "TASS (tass): [-The matter is in how" in row
    assert "unknown-outlet (d3): {+battle of opinions between+} the collective West" in row


def test_tone_is_labelled_a_supporting_signal_with_each_outlet_mean() -> None:
    text = render_text(build_comparison(), width=160)
    tone = text[text.index("Tone (VADER") :]
    assert "a supporting signal, not a verdict" in tone
    tass = next(line for line in tone.splitlines() if "TASS (tass)" in line)
    assert "-0.21" in tass
    assert "s2 (-0.60)" in tass
    assert text.index("Quotes worded differently") < text.index("Tone (VADER")


@pytest.mark.parametrize("width", [60, 80, 100])
def test_new_sections_keep_hostile_text_inert_and_within_width(width: int) -> None:
    text = render_text(build_comparison(), width=width)
    assert "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= width
    for title in ("Coverage", "Frame differences", "Attribution", "Hedges", "Tone"):
        assert title in text


def test_removed_noise_is_listed_per_outlet() -> None:
    text = render_text(build_comparison(), width=160)
    assert "Removed noise" in text
    section = text[text.index("Removed noise") :]
    assert "metadata-header" in section
    assert "Military Confidence and Hardline Stance" in section


def test_coverage_numbers_long_outlet_names_so_the_claims_stay_readable() -> None:
    comparison = build_comparison()
    long_names = dataclasses.replace(
        comparison,
        documents=tuple(
            dataclasses.replace(d, outlet=f"{d.outlet} international edition")
            for d in comparison.documents
        ),
    )
    coverage = _section(render_text(long_names, width=80), "Coverage", "Aligned:")
    assert "1 = " in coverage
    assert "international edition" in coverage
    rows = [line for line in coverage.splitlines() if re.match(r"│ c\d+ ", line)]
    # the claim's words get most of the width: the first row holds a long run of them
    assert len(rows[0].split("│")[2].strip()) > 30
