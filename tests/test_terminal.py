"""Tests of the terminal view: plain text for pipes, colour and width from the console."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pytest
from report_fixture import build_comparison, same_event_comparison, shuffled
from rich.console import Console

from framecmp.terminal import print_comparison, render_text

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
        "Frames per 1,000 tokens",
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
    code = "import sys, framecmp.terminal, framecmp.report; print(' '.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "rich" not in {name.split(".")[0] for name in out.split()}
