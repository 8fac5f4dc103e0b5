"""A report in another language among English ones: it is not analysed, and it must not change
what is said of the English ones, nor be shown as measured (found by a review of real use)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from framecmp import api
from framecmp.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
RUSSIAN = (
    "Министры иностранных дел двух стран провели переговоры в столице и договорились "
    "продолжить консультации в следующем месяце.\n"
    "По словам министра, стороны обсудили торговлю, транспорт и вопросы безопасности, а также "
    "подготовку визита президента.\n"
    "Он добавил, что следующая встреча пройдет в начале декабря, и что делегации подготовят "
    "проект совместного заявления.\n"
)


def _russian(tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.txt"
    path.write_text(RUSSIAN, encoding="utf-8")
    return path


def test_a_report_in_another_language_does_not_change_the_english_ones_terms(
    tmp_path: Path, tass: Path, cgtn: Path
) -> None:
    english = api.compare([tass, cgtn])
    mixed = api.compare([tass, cgtn, _russian(tmp_path, "ru")])
    assert english.distinctive_terms  # the English pair has terms to compare
    assert mixed.distinctive_terms == english.distinctive_terms


def test_ids_of_outlets_in_another_script_come_from_their_file_names(
    tmp_path: Path, tass: Path
) -> None:
    first, second = _russian(tmp_path, "tass_ru"), _russian(tmp_path, "ria_ru")
    labels = {"1": "ТАСС", "2": "РИА Новости"}
    documents = api.compare([first, second, tass], labels=labels).documents
    assert [d.outlet for d in documents[:2]] == ["ТАСС", "РИА Новости"]
    assert [d.doc_id for d in documents[:2]] == ["tass-ru", "ria-ru"]


def test_the_frame_chart_draws_no_bar_for_a_report_it_did_not_score(
    tmp_path: Path, tass: Path
) -> None:
    plots = tmp_path / "plots"
    russian = str(_russian(tmp_path, "ru"))
    options = ["-l", "2=Агентство", "--plot", str(plots), "-q"]
    result = runner.invoke(app, ["compare", str(tass), russian, *options])
    assert result.exit_code == 0, result.stderr
    (svg,) = plots.glob("*-frames.svg")
    text = svg.read_text(encoding="utf-8")
    assert "Агентство:" not in text  # no "0.0 per 1,000" bar for the unscored report
    assert "Not in English, not counted: Агентство" in text


def test_the_concise_view_and_summary_say_a_report_was_not_analysed(
    tmp_path: Path, tass: Path, cgtn: Path
) -> None:
    russian = str(_russian(tmp_path, "ru"))
    for extra in ([], ["--summary"]):
        result = runner.invoke(app, ["compare", str(tass), str(cgtn), russian, *extra])
        assert result.exit_code == 0, result.stderr
        assert "written in 'ru'" in result.stderr
    alone = runner.invoke(app, ["compare", str(tass), russian, "--summary"])
    assert "No frame or term test was run: 1 report in English" in alone.stdout
    assert "too short" not in alone.stdout


def test_the_json_report_gives_the_same_event_warning_once(tmp_path: Path, tass: Path) -> None:
    result = runner.invoke(app, ["compare", str(tass), str(_russian(tmp_path, "ru")), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    jsonschema.validate(
        report, json.loads((ROOT / "framecmp/report/schema.json").read_text("utf-8"))
    )
    assert sum("cannot tell" in w for w in report["warnings"]) == 1


def test_a_few_english_words_are_not_called_another_language(tmp_path: Path, tass: Path) -> None:
    """py3langid calls "Mayor resigns." Bikol (and a page reading only "Menu" Afrikaans): too
    few words to tell, so the report is analysed and judged as English text, not set aside."""
    headline = tmp_path / "headline.txt"
    headline.write_text("Mayor resigns.\n", encoding="utf-8")
    options = ["-f", "json", "--allow-different-events"]
    result = runner.invoke(app, ["compare", str(tass), str(headline), *options])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert [d["language"] for d in report["documents"]] == ["en", None]
    assert report["same_event"]["relation"] == "different-events"  # judged, not undetermined
    assert "written in" not in result.stderr
