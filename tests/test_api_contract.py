"""The Python API keeps the promises docs/api.md makes to a pipeline author (found by a
developer's review): mistakes are FramecmpErrors, the caller's process is left as it was,
and the documented example runs as written."""

from __future__ import annotations

import gc
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import framecmp
from framecmp import api
from framecmp.cli import app
from framecmp.errors import FramecmpError, InputError, LexiconError
from framecmp.model import Coverage, SentenceRef

ROOT = Path(__file__).resolve().parent.parent
BISHKEK = ROOT / "data" / "bishkek-2025-11-27"


def _news(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    for name in ("tass.txt", "cgtn.txt", "unknown-outlet.txt"):
        shutil.copy(BISHKEK / name, news / name)
    return news


def test_batch_in_the_callers_process_leaves_its_garbage_collector_as_it_was(
    tmp_path: Path,
) -> None:
    # gc.freeze() in the caller kept every reference cycle alive at that moment for good
    before = gc.get_freeze_count()
    summary = api.batch(
        [_news(tmp_path)], db=tmp_path / "c.db", report_dir=tmp_path / "r", workers=1
    )
    assert summary.reports  # an event was compared in this process
    assert gc.get_freeze_count() == before


def test_fail_on_takes_rule_names_and_refuses_an_unknown_one_before_any_work(
    tmp_path: Path,
) -> None:
    news = _news(tmp_path)
    strict = api.batch(
        [news], db=tmp_path / "a.db", report_dir=tmp_path / "a", fail_on=["conflicting-claims"]
    )
    # the Bishkek reports carry no conflicting claim: the rule named must be the one checked
    assert not any(r.findings.conflicting_claims for r in strict.reports)
    assert strict.exit_code == 0
    terminology = api.batch(
        [news], db=tmp_path / "b.db", report_dir=tmp_path / "b", fail_on=["terminology"]
    )
    assert any(r.findings.terminology_divergences for r in terminology.reports)
    assert terminology.exit_code == 5
    with pytest.raises(FramecmpError, match="'terminolgy': choose from conflicting-claims"):
        api.batch([news], db=tmp_path / "c.db", report_dir=tmp_path / "c", fail_on=["terminolgy"])
    assert not (tmp_path / "c").exists()
    assert not (tmp_path / "c.db").exists()


def test_a_store_in_a_missing_directory_is_a_clear_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir" / "c.db"
    with pytest.raises(InputError, match="no-such-dir does not exist"):
        api.ingest([BISHKEK / "tass.txt"], db=missing)
    result = CliRunner().invoke(app, ["batch", str(BISHKEK), "--db", str(missing)])
    assert result.exit_code == 2
    assert result.stderr.startswith("framecmp: error: ")
    assert "internal error" not in result.stderr


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda t, c: api.compare(str(t)), FramecmpError, "give a list of inputs"),
        (
            lambda t, c: api.compare(["-", t], stdin=io.StringIO("text\nmore")),
            FramecmpError,
            "binary stream",
        ),
        (lambda t, c: api.compare([t, c], min_score="0.5"), FramecmpError, "give a number"),
        (lambda t, c: api.compare([t, c], seed=1.5), FramecmpError, "whole number"),
        (lambda t, c: api.compare([t, c], lexicons="frames"), LexiconError, "give a list"),
        (lambda t, c: api.compare([t, c], fields={"outlett": "x"}), InputError, "role must be"),
        (lambda t, c: api.compare([t, c], labels={"tass": " "}), FramecmpError, "give the outlet"),
        (lambda t, c: api.compare(["http://[::1", t]), InputError, r"http://\[::1: not a URL"),
        (
            lambda t, c: api.write_report_dir(api.compare([t, c]), "/tmp", formats=("pdf",)),
            FramecmpError,
            "'pdf': choose from",
        ),
    ],
)
def test_api_mistakes_are_framecmp_errors_naming_the_culprit(
    call: object, error: type[Exception], message: str
) -> None:
    assert callable(call)
    with pytest.raises(error, match=message):
        call(BISHKEK / "tass.txt", BISHKEK / "cgtn.txt")


def test_events_since_must_be_a_real_day(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    api.ingest([BISHKEK / "tass.txt"], db=db)
    with pytest.raises(FramecmpError, match="YYYY-MM-DD"):
        api.events(db, since="2025-13-45")
    assert api.events(db, since="2025-11-01")  # a real day still filters


def test_coverage_of_a_sentence_the_comparison_does_not_hold_is_a_key_error() -> None:
    comparison = api.compare([BISHKEK / "cgtn.txt", BISHKEK / "unknown-outlet.txt"])
    pair = comparison.alignment.pairs[0]
    assert comparison.alignment.coverage(pair.a) is Coverage.ALIGNED
    for wrong in (SentenceRef("CGTN", 0), SentenceRef("cgtn", 9999), SentenceRef("nosuch", 0)):
        with pytest.raises(KeyError):
            comparison.alignment.coverage(wrong)


def test_the_documented_modules_and_functions_are_reachable_from_the_package() -> None:
    code = (
        "import framecmp; print(framecmp.model.Aligner.SEMANTIC.value,"
        " framecmp.load_inputs.__name__, framecmp.errors.InputError.__name__)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.split() == ["semantic", "load_inputs", "InputError"]


def test_the_api_doc_example_runs_as_written_in_a_fresh_directory(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(.*?)```", doc, re.DOTALL)
    assert example is not None
    (tmp_path / "data").symlink_to(ROOT / "data")
    result = subprocess.run(
        [sys.executable, "-c", example.group(1)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "MPLCONFIGDIR": str(tmp_path / "mpl")},
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "reports" / "bishkek.json").is_file()
    assert any((tmp_path / "figures").iterdir())
    assert framecmp.__version__  # the package the example imported
