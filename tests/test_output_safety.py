"""Reports and summaries never replace what a run reads, nor a link, pipe or device; odd bytes
in inputs never crash a run (findings of an adversarial review, each reproduced first)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framecmp.cli import app

runner = CliRunner()


@pytest.fixture
def two_reports(tmp_path: Path, tass: Path, cgtn: Path) -> tuple[Path, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    return Path(shutil.copy(tass, folder / "tass.txt")), Path(
        shutil.copy(cgtn, folder / "cgtn.txt")
    )


def test_a_batch_summary_never_replaces_the_store_an_article_or_a_report(
    tmp_path: Path, two_reports: tuple[Path, Path]
) -> None:
    folder = two_reports[0].parent
    db, reports = tmp_path / "c.db", tmp_path / "reports"
    first = runner.invoke(
        app, ["batch", str(folder), "--db", str(db), "--report-dir", str(reports)]
    )
    assert first.exit_code == 0, first.stderr
    store = db.read_bytes()
    article = two_reports[0].read_bytes()
    for summary, reason in (
        (db, "is the corpus store"),
        (two_reports[0], "inside the input folder"),
        (reports / "index.md", "inside --report-dir"),
    ):
        result = runner.invoke(
            app,
            [
                "batch",
                str(folder),
                "--db",
                str(db),
                "--report-dir",
                str(reports),
                "--summary",
                str(summary),
            ],
        )
        assert result.exit_code == 2
        assert reason in result.stderr
    assert db.read_bytes() == store
    assert two_reports[0].read_bytes() == article


def test_a_second_batch_over_the_same_folder_does_not_read_its_own_reports(
    tmp_path: Path, two_reports: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the defaults put the store and reports/ inside the folder given as "."
    folder = two_reports[0].parent
    monkeypatch.chdir(folder)
    assert runner.invoke(app, ["batch", "."]).exit_code == 0
    assert (folder / "reports").is_dir()
    again = runner.invoke(app, ["batch", ".", "--skip-bad"])
    assert again.exit_code == 0, again.stderr
    listed = runner.invoke(app, ["events", "--format", "json"])
    events = json.loads(listed.stdout)["events"]
    articles = [article["path"] for event in events for article in event["articles"]]
    assert sorted(Path(p).name for p in articles) == ["cgtn.txt", "tass.txt"]


def test_compare_reports_never_replace_an_input_or_a_lexicon_file(
    tmp_path: Path, tass: Path, cgtn: Path
) -> None:
    a = Path(shutil.copy(tass, tmp_path / "a-vs-b.md"))
    b = Path(shutil.copy(cgtn, tmp_path / "b.txt"))
    lexicon_file = tmp_path / "mine.toml"
    lexicon_file.write_text(
        'schema_version = 1\nname = "mine"\nkind = "frames"\nversion = "1"\n'
        'description = "d"\nsource = "s"\nlicence = "CC0"\n'
        '[categories.talks]\nlabel = "Talks"\nterms = ["talks"]\n',
        encoding="utf-8",
    )
    before = a.read_bytes(), lexicon_file.read_bytes()
    # the report of inputs labelled a and b is named a-vs-b.md: the first input's name
    result = runner.invoke(
        app,
        ["compare", str(a), str(b), "-l", "a-vs-b=a", "-l", "b=b", "--report-dir", str(tmp_path)],
    )
    assert result.exit_code == 2
    assert "is one of the inputs; use another --report-dir" in result.stderr
    lexicon_args = ["--lexicon", str(lexicon_file), "-f", "markdown", "-o", str(lexicon_file)]
    result = runner.invoke(app, ["compare", str(tass), str(cgtn), *lexicon_args])
    assert result.exit_code == 2
    assert "is a file this run reads" in result.stderr
    assert (a.read_bytes(), lexicon_file.read_bytes()) == before


def test_a_report_never_replaces_a_link_or_a_pipe_and_keeps_a_private_mode(
    tmp_path: Path, tass: Path, cgtn: Path
) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    for target, reason in ((link, "symbolic link"), (pipe, "not a regular file")):
        result = runner.invoke(app, ["compare", str(tass), str(cgtn), "-o", str(target)])
        assert result.exit_code == 2
        assert reason in result.stderr
    assert link.is_symlink()
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert real.read_text(encoding="utf-8") == "old\n"
    private = tmp_path / "private.md"
    private.write_text("secret\n", encoding="utf-8")
    private.chmod(0o600)
    result = runner.invoke(app, ["compare", str(tass), str(cgtn), "-o", str(private), "-q"])
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert private.read_text(encoding="utf-8").startswith("# framecmp report")


def test_a_report_dir_is_written_all_or_nothing(tmp_path: Path, tass: Path, cgtn: Path) -> None:
    args = ["compare", str(tass), str(cgtn), "--report-dir", str(tmp_path), "-q"]
    assert runner.invoke(app, args).exit_code == 0
    reports = sorted(tmp_path.glob("*.*"))
    for report in reports:
        report.write_text("OLD", encoding="utf-8")
    json_report = next(r for r in reports if r.suffix == ".json")
    json_report.unlink()
    json_report.mkdir()  # this one cannot be written
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert all(r.read_text(encoding="utf-8") == "OLD" for r in reports if r.is_file())


def test_odd_bytes_in_records_names_and_labels_are_read_not_a_crash(
    tmp_path: Path, tass: Path, cgtn: Path
) -> None:
    records = tmp_path / "records.json"
    text = tass.read_text(encoding="utf-8")
    # a JSON escape of a lone surrogate: valid JSON, no UTF-8 file can hold it
    records.write_text(
        json.dumps([{"title": "T \ud800", "outlet": "O\udfff", "text": text}]),
        encoding="ascii",
    )
    odd_name = Path(os.fsdecode(bytes(tmp_path) + b"/bad\xff\xfename.txt"))
    shutil.copy(cgtn, odd_name)
    report = tmp_path / "r.json"
    result = runner.invoke(
        app,
        [
            "compare",
            str(records),
            str(odd_name),
            "-l",
            os.fsdecode(b"b=Caf\xe9"),
            "-o",
            str(report),
        ],
    )
    assert result.exit_code in (0, 1), result.stderr
    assert "internal error" not in result.stderr
    written = json.loads(report.read_text(encoding="utf-8"))
    paths = [d["path"] for d in written["documents"]]
    assert any("bad\\xff\\xfename.txt" in p for p in paths)
    assert "\ufffd" in json.dumps(written["documents"], ensure_ascii=False)


def test_an_encoding_that_is_no_text_encoding_is_a_usage_error(tass: Path, cgtn: Path) -> None:
    result = runner.invoke(app, ["compare", str(tass), str(cgtn), "--encoding", "rot13"])
    assert result.exit_code == 2
    assert result.stderr.startswith("framecmp: error: --encoding 'rot13': not a text encoding")


def test_a_control_character_reference_does_not_hide_an_html_article(
    tmp_path: Path, cgtn: Path
) -> None:
    paragraphs = "".join(
        f"<p>{line}</p>" for line in cgtn.read_text(encoding="utf-8").splitlines() if line
    )
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>T</title></head><body><article>{paragraphs}"
        "<p>One more line &#1; here &#x1b; and &#xFFFF; there.</p></article></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["compare", str(page), str(cgtn), "-f", "json"])
    assert result.exit_code in (0, 1), result.stderr
    assert "no article text found" not in result.stderr


def test_a_closed_pipe_ends_the_terminal_view_with_0(
    tass: Path, cgtn: Path, unknown_outlet: Path
) -> None:
    # README: "A closed pipe (| head -1) ends quietly with 0"; rich exited 1, the code for
    # "not one event"
    with subprocess.Popen(
        [sys.executable, "-m", "framecmp", "compare", str(tass), str(cgtn), str(unknown_outlet)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "100"},
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read()
        assert process.wait() == 0, stderr


def test_a_huge_outlet_name_is_cut(tmp_path: Path, tass: Path, cgtn: Path) -> None:
    records = tmp_path / "records.json"
    records.write_text(
        json.dumps(
            [
                {"outlet": "o" * 100_000, "text": tass.read_text(encoding="utf-8")},
                {"outlet": "Second", "text": cgtn.read_text(encoding="utf-8")},
            ]
        ),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["compare", str(records), "-f", "json"])
    assert result.exit_code in (0, 1), result.stderr
    outlets = [d["outlet"] for d in json.loads(result.stdout)["documents"]]
    assert max(map(len, outlets)) <= 80
    assert any(o.endswith("\u2026") for o in outlets)


def test_lexicon_strings_carry_no_escape_or_bidi_control(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.toml"
    hostile.write_text(
        'schema_version = 1\nname = "hostile"\nkind = "frames"\n'
        'version = "1 \\u001b]0;PWN\\u0007"\ndescription = "d \\u202e"\nsource = "s"\n'
        'licence = "CC0"\n[categories.talks]\nlabel = "\\u001b[31mRED"\n'
        '[categories.talks.terms]\n"Talks\\u202e" = ["talks"]\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["lexicon", "show", str(hostile)])
    assert result.exit_code == 0, result.stderr
    for character in ("\x1b", "\x07", "\u202e"):
        assert character not in result.stdout
    assert "RED" in result.stdout
