"""The concise terminal view (the default), --detail, --quiet and --summary, through the CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hand_documents import text_document
from report_fixture import build_comparison
from typer.testing import CliRunner

from framecmp import api
from framecmp.cli import app
from framecmp.model import ClaimRelation
from framecmp.report import views
from framecmp.report.terminal import render_text

DATA = Path(__file__).parent.parent / "data" / "bishkek-2025-11-27"
BISHKEK = [str(DATA / "tass.txt"), str(DATA / "cgtn.txt"), str(DATA / "unknown-outlet.txt")]
STORM = "The storm damaged about 200 homes in the county on Monday."


def _run(*args: str, columns: int = 100) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "dumb"}
    return subprocess.run(
        [sys.executable, "-m", "framecmp", "compare", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def _two_texts(tmp_path: Path, first: str, second: str) -> tuple[str, str]:
    """Two one-line text files, as paths for the command line."""
    paths = tmp_path / "first.txt", tmp_path / "second.txt"
    for path, text in zip(paths, (first, second), strict=True):
        path.write_text(text + "\n", encoding="utf-8")
    return str(paths[0]), str(paths[1])


@pytest.fixture(scope="module")
def concise() -> str:
    result = _run(*BISHKEK, columns=80)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_default_view_is_concise_and_points_to_detail(concise: str) -> None:
    assert concise.startswith("Summary")
    assert "--detail shows every section" in concise
    assert "Coverage" not in concise  # long sections only with --detail
    assert "Terminology" not in concise
    detail = _run(*BISHKEK, "--detail", columns=80).stdout
    assert "Terminology" in detail
    assert "Coverage" in detail
    assert len(concise.splitlines()) * 3 < len(detail.splitlines())


def test_concise_view_at_80_columns_never_breaks_a_name(concise: str) -> None:
    assert all(len(line) <= 80 for line in concise.splitlines())
    assert "unknown-outlet" in concise
    # A broken name would leave "unknown-outl" at a cell's end on one line.
    assert not re.search(r"unknown-outl\s*│", concise)
    assert not re.search(r"2025-11-2\s*│", concise)


def test_wide_terminal_uses_its_width() -> None:
    wide = _run(*BISHKEK, columns=200).stdout
    assert max(len(line) for line in wide.splitlines()) > 150


def test_quiet_prints_no_report_but_writes_the_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["compare", *BISHKEK, "--quiet", "--report-dir", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".html", ".json", ".md"]


def test_summary_alone_in_markdown() -> None:
    result = CliRunner().invoke(app, ["compare", *BISHKEK, "--summary", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("## Summary\n")
    assert "Benjamini-Hochberg" in text
    assert "## Documents" not in text
    # The same summary opens the full Markdown report.
    full = CliRunner().invoke(app, ["compare", *BISHKEK, "--format", "markdown"]).stdout
    assert text.strip() in full
    assert full.index("## Summary") < full.index("## Documents")


def test_concise_view_shows_a_pair_with_its_word_differences_marked(concise: str) -> None:
    assert "worded most differently" in concise
    assert "[-" in concise  # words only on the left, marked without colour
    assert "{+" in concise


def test_render_text_concise_keeps_hostile_text_inert() -> None:
    text = render_text(build_comparison(), detail=False)
    assert "\x1b" not in text


def test_markdown_folds_long_sections_and_stays_deterministic() -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["compare", *BISHKEK, "--format", "markdown"]).stdout
    second = runner.invoke(app, ["compare", *BISHKEK, "--format", "markdown"]).stdout
    assert first == second
    aligned = first.split("## Aligned sentences\n", 1)[1]
    assert aligned.startswith("\n<details><summary>Show every aligned pair</summary>\n")
    assert first.count("<details>") == first.count("</details>") == 3


def test_the_same_copy_under_two_labels_claims_no_framing_difference(tmp_path: Path) -> None:
    # two outlets carrying the same agency copy: every frame rate is equal, so no line may say
    # that one frames it more than the other
    copy = tmp_path / "copy.txt"
    copy.write_text((DATA / "tass.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = _run(str(DATA / "tass.txt"), str(copy), "-l", "1=Wire", "-l", "2=Paper", "--summary")
    assert result.returncode == 0, result.stderr
    assert "reports of the same event" in result.stdout
    assert "frames it more" not in result.stdout


def test_a_summary_of_two_different_events_says_so_plainly() -> None:
    other = DATA.parent / "lavrov-roundtable-2025-12" / "rt.txt"
    result = _run(str(DATA / "cgtn.txt"), str(other), "--summary", "--allow-different-events")
    assert result.returncode == 0, result.stderr
    assert "2 reports of different events" in result.stdout


def test_a_conflicting_pair_is_labelled_once_with_its_words(tmp_path: Path) -> None:
    texts = _two_texts(
        tmp_path,
        "The storm damaged approximately 200 homes in the county.",
        "The storm damaged approximately 2,000 homes in the county.",
    )
    result = _run(*texts, "--allow-different-events")
    assert result.returncode == 0, result.stderr
    assert "(conflicting: 200 / 2,000)" in result.stdout
    assert "conflicting; conflicting" not in result.stdout


def test_the_concise_pairs_are_the_reworded_ones_not_near_copies() -> None:
    first = text_document(
        "a",
        "The city council approved the new budget for schools on Tuesday night.",
        "Firefighters rescued three children from the burning apartment building downtown.",
    )
    second = text_document(
        "b",
        "The city council approved the new budget for schools Tuesday night.",
        "Three children were pulled from a burning downtown apartment block by firefighters.",
    )
    comparison = api.compare_documents([first, second], lexicons=[])
    assert {p.claim_relation for p in comparison.alignment.pairs} == {ClaimRelation.EQUIVALENT}
    [shown] = views.most_different_pairs(comparison, 1)
    assert views.sentence_text(comparison, shown.a).startswith("Firefighters rescued")


def test_the_summary_names_outlets_by_their_labels(tmp_path: Path) -> None:
    texts = _two_texts(tmp_path, STORM, STORM.replace("Monday", "Monday night"))
    result = _run(*texts, "-l", "1=Wire", "-l", "2=The Paper", "--summary")
    assert result.returncode == 0, result.stderr
    assert "tokens: Wire " in result.stdout
    assert "The Paper " in result.stdout
    assert "the-paper" not in result.stdout


def test_one_sentence_texts_are_not_tested_for_framing_differences(tmp_path: Path) -> None:
    # one sentence each: the bootstrap has nothing to resample, so no "significant" frame
    texts = _two_texts(tmp_path, STORM, STORM.replace("Monday", "Monday night"))
    result = _run(*texts, "--summary")
    assert result.returncode == 0, result.stderr
    assert "No difference reaches significance" in result.stdout
    assert "under 4 sentences" in result.stdout
    assert "frames it more" not in result.stdout


def test_a_difference_that_is_not_significant_gives_rates_and_counts_not_a_story(
    tmp_path: Path,
) -> None:
    # two "troops" each, in texts of other lengths: the rates differ, the counts do not
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(
        "Troops moved into the town on Monday.\n\nThe troops set up a camp near the river.\n\n"
        "Residents watched from their windows.\n\nShops stayed closed.\n",
        encoding="utf-8",
    )
    b.write_text(
        "Troops moved into the town on Monday, residents said.\n\nThe troops set up a camp "
        "near the river and stayed for the night.\n\nResidents watched from their windows as "
        "the long convoy passed slowly.\n\nShops stayed closed all day in the old market square.\n",
        encoding="utf-8",
    )
    result = _run(str(a), str(b), "--summary")
    assert result.returncode == 0, result.stderr
    military = next(line for line in result.stdout.splitlines() if "military:" in line)
    assert "(2 vs 2 in their own words;" in military
    assert "not significant" in military
    assert "frames it more" not in result.stdout
