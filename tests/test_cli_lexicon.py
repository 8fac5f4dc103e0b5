"""`framecmp lexicon list/show/check` through the real CLI."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from framecmp.cli import app

runner = CliRunner()


def test_list_shows_every_bundled_lexicon() -> None:
    result = runner.invoke(app, ["lexicon", "list"])
    assert result.exit_code == 0
    names = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert names == sorted(["frames", "terminology", "attribution", "hedges"])


def test_show_lists_categories_and_wordings() -> None:
    result = runner.invoke(app, ["lexicon", "show", "terminology"])
    assert result.exit_code == 0
    assert "Kiev" in result.stdout
    assert "Kyiv" in result.stdout


def test_check_validates_and_shows_matches_with_sentences(tmp_path: Path, rt: Path) -> None:
    mine = tmp_path / "capital.toml"
    mine.write_text(
        'schema_version = 1\nname = "capital"\nkind = "terminology"\nversion = "1"\n'
        'description = "test"\nsource = "test"\nlicence = "CC0-1.0"\n'
        '[categories.capital]\nlabel = "Capital"\n[categories.capital.terms]\n'
        'Kiev = ["kiev"]\nKyiv = ["kyiv"]\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["lexicon", "check", str(mine), str(rt)])
    assert result.exit_code == 0, result.stderr
    assert "valid terminology lexicon 'capital'" in result.stdout
    assert "2014 coup in Kiev" in result.stdout


def test_check_reports_a_schema_error_on_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\nname = "Bad Name"\n', encoding="utf-8")
    result = runner.invoke(app, ["lexicon", "check", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith("framecmp: error: ")
    assert str(bad.name) in result.stderr
    assert result.stderr.count("\n") == 1


def test_user_lexicon_overrides_a_bundled_one_in_compare(
    tmp_path: Path, tass: Path, cgtn: Path
) -> None:
    import json

    mine = tmp_path / "hedges.toml"
    mine.write_text(
        'schema_version = 1\nname = "hedges"\nkind = "hedges"\nversion = "mine"\n'
        'description = "only one word"\nsource = "test"\nlicence = "CC0-1.0"\n'
        '[categories.hedge]\nlabel = "Hedge"\ngrade = "hedge"\nterms = ["remains"]\n',
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["compare", str(tass), str(cgtn), "--lexicon", str(mine), "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    hedges = json.loads(result.stdout)["hedges"]
    categories = {category for per_doc in hedges.values() for category in per_doc}
    assert categories == {"hedge"}
