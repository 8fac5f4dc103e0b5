"""framecmp ingest, events and batch through the real entry point."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framecmp.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
runner = CliRunner()


def _events(db: Path, *extra: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    events: list[dict[str, object]] = json.loads(result.stdout)["events"]
    return events


def _event_of(events: list[dict[str, object]], name: str) -> dict[str, object]:
    for event in events:
        articles = event["articles"]
        assert isinstance(articles, list)
        if any(Path(a["path"]).name == name for a in articles):
            return event
    raise AssertionError(name)


def _names(event: dict[str, object]) -> set[str]:
    articles = event["articles"]
    assert isinstance(articles, list)
    return {Path(a["path"]).name for a in articles}


def test_the_bishkek_reports_form_one_event_without_lavrov_or_alaska(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    result = runner.invoke(app, ["ingest", str(DATA), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    events = _events(db)
    bishkek = _event_of(events, "tass.txt")
    assert _names(bishkek) == {"tass.txt", "cgtn.txt", "unknown-outlet.txt"}
    assert _event_of(events, "rt.txt")["id"] != bishkek["id"]
    assert _event_of(events, "unknown-wire.txt")["id"] != bishkek["id"]
    assert sum(len(e["articles"]) for e in events) == 5  # type: ignore[arg-type]


def test_events_json_has_the_documented_shape(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    runner.invoke(app, ["ingest", str(DATA / "bishkek-2025-11-27"), "--db", str(db)])
    (event,) = _events(db)
    assert {"id", "label", "articles"} <= set(event)
    assert isinstance(event["label"], str)
    assert event["label"]
    for article in event["articles"]:  # type: ignore[attr-defined]
        assert {"id", "path", "url", "outlet", "date", "probability"} <= set(article)
        assert 0.0 <= article["probability"] <= 1.0
    assert {a["outlet"] for a in event["articles"]} == {  # type: ignore[attr-defined]
        "TASS",
        "CGTN",
        "unknown-outlet",
    }


def test_event_ids_are_stable_and_new_articles_join_without_reclustering(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    bishkek = DATA / "bishkek-2025-11-27"
    runner.invoke(app, ["ingest", str(bishkek / "cgtn.txt"), "--db", str(db)])
    (first,) = _events(db)
    runner.invoke(app, ["ingest", str(DATA), "--db", str(db)])
    events = _events(db)
    cgtn = _event_of(events, "cgtn.txt")
    assert cgtn["id"] == first["id"]
    assert _names(cgtn) == {"cgtn.txt", "unknown-outlet.txt", "tass.txt"}
    assert _events(db) == events  # listing twice changes nothing


def test_ingesting_again_adds_nothing_and_a_changed_file_is_a_new_version(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    article = tmp_path / "tass.txt"
    shutil.copy(DATA / "bishkek-2025-11-27" / "tass.txt", article)
    assert runner.invoke(app, ["ingest", str(article), "--db", str(db)]).exit_code == 0
    again = runner.invoke(app, ["ingest", str(article), "--db", str(db)])
    assert "0 added, 0 new versions, 1 already stored" in again.stderr
    article.write_text(article.read_text(encoding="utf-8") + "\nA late paragraph.\n", "utf-8")
    changed = runner.invoke(app, ["ingest", str(article), "--db", str(db)])
    assert "0 added, 1 new versions" in changed.stderr
    (event,) = _events(db)
    assert len(event["articles"]) == 1  # type: ignore[arg-type]


def test_since_keeps_only_events_with_articles_from_that_date(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    runner.invoke(app, ["ingest", str(DATA), "--db", str(db)])
    later = _events(db, "--since", "2025-11-01")
    assert {n for e in later for n in _names(e)} == {"tass.txt", "cgtn.txt", "unknown-outlet.txt"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--db", "{tmp}/missing.db"], "no corpus store here"),
        (["events", "--db", "{tmp}/c.db", "--since", "last week"], "--since"),
        (["batch", "{data}", "--db", "{tmp}/c.db", "--fail-on", "bogus"], "--fail-on 'bogus'"),
        # 0 would fail every event (one with no significant difference has 0); nan none
        *(
            (
                ["batch", "{data}", "--db", "{tmp}/c.db", "--fail-on", f"frame-difference={n}"],
                "N must be a number above 0",
            )
            for n in ("0", "-5", "nan", "inf")
        ),
        (
            [
                "batch",
                "{data}",
                "--db",
                "{tmp}/c.db",
                "--fail-on",
                "frame-difference=15",
                "--fail-on",
                "frame-difference=100",
            ],
            "given twice with different N",
        ),
        (["batch", "{data}", "--db", "{tmp}/c.db", "--workers", "0"], "--workers 0: give 1"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "c.db").touch()
    filled = [a.format(tmp=tmp_path, data=DATA) for a in args]
    result = runner.invoke(app, filled)
    assert result.exit_code == 2
    assert result.stderr.startswith("framecmp: error:")
    assert result.stderr.count("\n") == 1
    assert message in result.stderr


def test_batch_reports_changed_events_and_a_second_run_writes_nothing(tmp_path: Path) -> None:
    db, reports = tmp_path / "c.db", tmp_path / "reports"
    first = runner.invoke(
        app,
        ["batch", str(DATA), "--db", str(db), "--report-dir", str(reports), "--workers", "1"],
    )
    assert first.exit_code == 0, first.output
    events = _events(db)
    bishkek = _event_of(events, "tass.txt")["id"]
    compared = [e["id"] for e in events if len(e["articles"]) >= 2]  # type: ignore[arg-type]
    assert bishkek in compared
    written = sorted(p.name for p in reports.iterdir())
    assert written == sorted(
        [f"{e}{ext}" for e in compared for ext in (".md", ".json", ".html")]
        + ["index.md", "index.html"]
    )
    report = json.loads((reports / f"{bishkek}.json").read_text(encoding="utf-8"))
    assert len(report["documents"]) == 3
    index = (reports / "index.md").read_text(encoding="utf-8")
    assert f"]({bishkek}.md)" in index
    assert f"]({bishkek}.html)" in index
    assert f'href="{bishkek}.html"' in (reports / "index.html").read_text(encoding="utf-8")
    before = {p.name: p.stat().st_mtime_ns for p in reports.iterdir()}
    second = runner.invoke(
        app, ["batch", str(DATA), "--db", str(db), "--report-dir", str(reports), "--workers", "1"]
    )
    assert second.exit_code == 0
    assert "nothing new" in second.stdout
    assert {p.name: p.stat().st_mtime_ns for p in reports.iterdir()} == before


def _same_event_pair(folder: Path, right_spelling: str) -> None:
    folder.mkdir()
    body = (
        "KYIV, March 3. Officials in {city} said on Tuesday that the new bridge over the river "
        "will open in May after three years of construction.\n"
        "The mayor of {city} told reporters the bridge cost 40 million euros and will carry "
        "trams and buses.\n"
        "Engineers tested the bridge with 30 loaded trucks on Monday, the city council said.\n"
    )
    for name, city in (("left", "Kyiv"), ("right", right_spelling)):
        (folder / f"{name}.txt").write_text(
            " date 2025-03-03\n" + body.format(city=city), encoding="utf-8"
        )


def test_fail_on_terminology_exits_5_and_writes_summaries(tmp_path: Path) -> None:
    articles, db = tmp_path / "in", tmp_path / "c.db"
    _same_event_pair(articles, "Kiev")
    summary = tmp_path / "summary.md"
    result = runner.invoke(
        app,
        [
            "batch", str(articles), "--db", str(db), "--report-dir", str(tmp_path / "r"),
            "--fail-on", "terminology", "--summary", str(summary), "--format", "jsonl",
            "--workers", "1",
        ],
    )  # fmt: skip
    assert result.exit_code == 5, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["type"] == "event"
    assert lines[0]["terminology_divergences"]
    assert lines[-1]["type"] == "run"
    assert lines[-1]["failed_rules"] == ["terminology"]
    assert lines[-1]["exit_code"] == 5
    assert "terminology" in summary.read_text(encoding="utf-8")


def test_fail_on_passes_when_the_outlets_agree(tmp_path: Path) -> None:
    articles, db = tmp_path / "in", tmp_path / "c.db"
    _same_event_pair(articles, "Kyiv")
    result = runner.invoke(
        app,
        [
            "batch", str(articles), "--db", str(db), "--report-dir", str(tmp_path / "r"),
            "--fail-on", "terminology", "--fail-on", "conflicting-claims", "--quiet",
            "--workers", "1",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == ""
    assert (tmp_path / "r" / "index.md").is_file()


def test_batch_with_two_processes_writes_the_same_reports_as_one(tmp_path: Path) -> None:
    outputs = []
    for workers in ("1", "2"):
        reports = tmp_path / f"r{workers}"
        completed = subprocess.run(
            [
                sys.executable, "-m", "framecmp", "batch", str(DATA), "--db",
                str(tmp_path / f"c{workers}.db"), "--report-dir", str(reports),
                "--workers", workers, "--quiet",
            ],
            capture_output=True, check=False, cwd=tmp_path,
        )  # fmt: skip
        assert completed.returncode == 0, completed.stderr
        assert completed.stderr == b""  # no progress bar when not on a terminal
        outputs.append({p.name: p.read_bytes() for p in sorted(reports.iterdir())})
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) >= 5


def test_batch_on_a_dask_cluster_writes_the_same_reports_as_locally(tmp_path: Path) -> None:
    from distributed import LocalCluster

    local = tmp_path / "local"
    assert (
        runner.invoke(
            app,
            ["batch", str(DATA), "--db", str(tmp_path / "l.db"), "--report-dir", str(local)],
        ).exit_code
        == 0
    )
    with LocalCluster(
        n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        remote = tmp_path / "remote"
        result = runner.invoke(
            app,
            [
                "batch", str(DATA), "--db", str(tmp_path / "d.db"), "--report-dir", str(remote),
                "--scheduler", cluster.scheduler_address,
            ],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert len(cluster.workers) == 2
    assert {p.name: p.read_bytes() for p in local.iterdir()} == {
        p.name: p.read_bytes() for p in remote.iterdir()
    }


def test_a_big_event_report_compares_the_most_recent_articles_and_says_so(
    tmp_path: Path,
) -> None:
    news, db, reports = tmp_path / "news", tmp_path / "c.db", tmp_path / "r"
    news.mkdir()
    bishkek = DATA / "bishkek-2025-11-27"
    for name, day in (("tass", "27"), ("cgtn", "28"), ("unknown-outlet", "26")):
        text = (bishkek / f"{name}.txt").read_text(encoding="utf-8")
        if not text.startswith(" date "):
            text = f" date 2025-11-{day}\n{text}"
        (news / f"{name}.txt").write_text(text, encoding="utf-8")
    args = ["batch", str(news), "--db", str(db), "--report-dir", str(reports), "--workers", "1"]
    result = runner.invoke(app, [*args, "--max-report-articles", "2"])
    assert result.exit_code == 0, result.output
    (event,) = _events(db)
    assert len(event["articles"]) == 3  # type: ignore[arg-type]
    report = json.loads((reports / f"{event['id']}.json").read_text(encoding="utf-8"))
    assert sorted(Path(d["path"]).name for d in report["documents"]) == ["cgtn.txt", "tass.txt"]
    note = "this event has 3 articles; this batch report compares the 2 most recent"
    assert any(w.startswith(note) for w in report["warnings"])
    assert note in (reports / f"{event['id']}.md").read_text(encoding="utf-8")
    # The report stands for all three articles: nothing is due on the next run.
    assert "nothing new" in runner.invoke(app, [*args, "--max-report-articles", "2"]).stdout
    bad = runner.invoke(app, [*args, "--max-report-articles", "1"])
    assert bad.exit_code == 2
    assert bad.stderr.startswith("framecmp: error: --max-report-articles 1")


def test_fail_on_terminology_ignores_wordings_inside_quotes(tmp_path: Path) -> None:
    # both outlets write "Kyiv"; one quotes an official who says "Kiev": the speaker's word,
    # not the outlet's choice
    articles, db = tmp_path / "in", tmp_path / "c.db"
    _same_event_pair(articles, "Kyiv")
    right = articles / "right.txt"
    right.write_text(
        right.read_text(encoding="utf-8")
        + '"Kiev will have its bridge in May," a council spokesman said on Tuesday.\n',
        encoding="utf-8",
    )
    result = runner.invoke(
        app,
        [
            "batch", str(articles), "--db", str(db), "--report-dir", str(tmp_path / "r"),
            "--fail-on", "terminology", "--format", "jsonl", "--workers", "1",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    event = json.loads(result.stdout.splitlines()[0])
    assert event["terminology_divergences"] == []


def test_a_folder_scan_reads_every_kind_the_loader_reads(tmp_path: Path) -> None:
    # a folder under a hidden one (~/.cache/news) is read; hidden files inside it are not, nor
    # its README
    folder = tmp_path / ".cache" / "news"
    folder.mkdir(parents=True)
    tass = (DATA / "bishkek-2025-11-27" / "tass.txt").read_text(encoding="utf-8")
    (folder / "story.text").write_text(tass, encoding="utf-8")
    (folder / "README.md").write_text("# Articles\n\nWhat this folder holds.\n", "utf-8")
    record = {"text": (DATA / "bishkek-2025-11-27" / "cgtn.txt").read_text(encoding="utf-8")}
    (folder / "records.ndjson").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (folder / ".draft.txt").write_text(tass + "\nA draft paragraph.\n", encoding="utf-8")
    db = tmp_path / "c.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2 added" in result.stderr


def test_a_record_put_above_the_others_is_new_not_a_version_of_them(tmp_path: Path) -> None:
    # records without a URL: their identity is their title (and outlet), not their line
    texts = [
        (DATA / "bishkek-2025-11-27" / name).read_text(encoding="utf-8")
        for name in ("tass.txt", "cgtn.txt", "unknown-outlet.txt")
    ]
    records = [
        {"title": f"Report {n}", "outlet": f"Outlet {n}", "text": text}
        for n, text in enumerate(texts)
    ]
    feed, db = tmp_path / "feed.jsonl", tmp_path / "c.db"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records[1:]), encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(feed), "--db", str(db)]).exit_code == 0
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    again = runner.invoke(app, ["ingest", str(feed), "--db", str(db)])
    assert "1 added, 0 new versions, 2 already stored" in again.stderr
    assert sum(len(e["articles"]) for e in _events(db)) == 3  # type: ignore[arg-type]


def test_record_dates_as_feeds_write_them_are_read_and_others_are_reported(
    tmp_path: Path,
) -> None:
    text = (DATA / "bishkek-2025-11-27" / "cgtn.txt").read_text(encoding="utf-8")  # no date
    records = tmp_path / "dated.jsonl"
    records.write_text(
        json.dumps({"title": "A", "date": "Thu, 27 Nov 2025 10:00:00 GMT", "text": text})
        + "\n"
        + json.dumps({"title": "B", "date": "yesterday", "text": text + "\nMore.\n"})
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "c.db"
    result = runner.invoke(app, ["ingest", str(records), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 record date(s) not read (first: 'yesterday')" in result.stderr
    dates = {
        str(a["path"]).rpartition("#")[2]: a["date"]
        for e in _events(db)
        for a in e["articles"]  # type: ignore[attr-defined]
    }
    assert dates == {"1": "2025-11-27", "2": None}


def test_a_damaged_store_is_one_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    assert (
        runner.invoke(app, ["ingest", str(DATA), "--db", str(db), "--workers", "1"]).exit_code == 0
    )
    data = bytearray(db.read_bytes())
    data[8192 : 8192 + 16384] = b"\xff" * 16384  # pages past the header, overwritten
    db.write_bytes(bytes(data))
    result = runner.invoke(app, ["events", "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr.startswith("framecmp: error: the corpus store could not be read")
    assert "Traceback" not in result.output


def test_two_runs_at_once_on_a_new_store_take_turns(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "framecmp",
                "ingest",
                str(DATA),
                "--db",
                str(db),
                "--workers",
                "1",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    # one run stored the five articles, the other found them stored
    assert sorted(err.split(";")[0] for _, err in outputs) == [
        "framecmp: 0 added, 0 new versions, 5 already stored",
        "framecmp: 5 added, 0 new versions, 0 already stored",
    ]
    assert sum(len(e["articles"]) for e in _events(db)) == 5  # type: ignore[arg-type]


def test_a_new_or_cleaned_report_folder_gets_every_report(tmp_path: Path) -> None:
    # CI keeps the store in a cache but starts from a fresh workspace: reports are written to
    # the folder given, not only for events that changed since the store last reported
    db = tmp_path / "c.db"

    def batch(reports: Path) -> str:
        result = runner.invoke(
            app,
            ["batch", str(DATA), "--db", str(db), "--report-dir", str(reports), "--workers", "1"],
        )
        assert result.exit_code == 0, result.output
        return result.stdout

    first = tmp_path / "first"
    batch(first)
    fresh = tmp_path / "fresh"
    assert "nothing new" not in batch(fresh)
    assert sorted(p.name for p in fresh.iterdir()) == sorted(p.name for p in first.iterdir())
    (next(first.glob("ev-*.md"))).unlink()
    batch(first)
    assert sorted(p.name for p in first.iterdir()) == sorted(p.name for p in fresh.iterdir())


def test_events_of_different_stories_are_not_linked_as_one(tmp_path: Path) -> None:
    # real reports (ECB+, CC BY 3.0) of five unrelated stories: a cable cut, a rehab stay, a
    # pirate attack, a coach fired, a bank bombing; none is "the same story as" another
    ecbplus = ROOT / "eval" / "data" / "ecbplus"
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("4/4_1ecb", "4/4_2ecb", "12/12_1ecb", "12/12_2ecb", "30/30_3ecb", "30/30_4ecb",
                 "5/5_1ecb", "8/8_1ecb"):  # fmt: skip
        shutil.copy(ecbplus / f"{name}.txt", folder)
    db = tmp_path / "c.db"
    assert runner.invoke(app, ["ingest", str(folder), "--db", str(db)]).exit_code == 0
    assert [e["related"] for e in _events(db) if e.get("related")] == []


def test_batch_reads_records_as_compare_does(tmp_path: Path) -> None:
    # a nightly export with one empty record and the text under another name: --field names
    # it, --skip-bad skips the empty one (counted in a warning), as for compare
    text = (DATA / "bishkek-2025-11-27" / "tass.txt").read_text(encoding="utf-8")
    export = tmp_path / "export.jsonl"
    export.write_text(
        json.dumps({"body": text, "source": "Wire"}) + "\n" + json.dumps({"body": ""}) + "\n",
        encoding="utf-8",
    )
    db, reports = tmp_path / "c.db", tmp_path / "r"
    result = runner.invoke(
        app,
        [
            "batch", str(export), "--db", str(db), "--report-dir", str(reports),
            "--field", "text=body", "--skip-bad",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "skipped 1 bad record(s)" in result.stderr
    assert "1 added" in result.stdout


def test_skip_bad_skips_an_unreadable_file_in_a_folder_and_tries_it_next_run(
    tmp_path: Path,
) -> None:
    # A CI run over a folder of new articles: one binary and one empty file among them stop
    # the run (exit 2, nothing stored) unless --skip-bad, which names each and reports the rest.
    news = tmp_path / "news"
    shutil.copytree(DATA / "bishkek-2025-11-27", news)
    (news / "broken.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary")
    (news / "empty.txt").write_text("", encoding="utf-8")
    db, reports = tmp_path / "c.db", tmp_path / "r"
    args = ["batch", str(news), "--db", str(db), "--report-dir", str(reports), "--workers", "1"]
    strict = runner.invoke(app, args)
    assert strict.exit_code == 2
    assert "broken.txt: looks like a binary file" in strict.stderr
    assert not reports.exists()
    for _ in range(2):  # not recorded as read: the next run tries them again and says so
        lenient = runner.invoke(app, [*args, "--skip-bad", "--format", "jsonl"])
        assert lenient.exit_code == 0, lenient.output
        run = json.loads(lenient.stdout.splitlines()[-1])
        assert [(Path(s["path"]).name, s["reason"]) for s in run["skipped"]] == [
            ("broken.txt", "looks like a binary file, not text"),
            ("empty.txt", "is empty; give a file with article text"),
        ]
    assert run["unchanged"] == 3
    (event,) = [e for e in _events(db) if len(e["articles"]) >= 2]  # type: ignore[arg-type]
    assert _names(event) == {"tass.txt", "cgtn.txt", "unknown-outlet.txt"}
    assert (reports / f"{event['id']}.md").is_file()
    quiet = runner.invoke(app, [*args, "--skip-bad"])
    assert f"framecmp: skipped {news / 'broken.txt'}: looks like a binary" in quiet.stderr
    assert "nothing new" not in quiet.stdout  # two inputs were not read: not "nothing new"


def test_an_edit_taken_back_makes_the_earlier_text_current_and_reported_again(
    tmp_path: Path,
) -> None:
    # Found by a developer's review: the restored text was "already stored" (as the earlier
    # version), so the store, the event and its report kept the withdrawn edit.
    news = tmp_path / "news"
    news.mkdir()
    for name in ("tass.txt", "cgtn.txt"):
        shutil.copy(DATA / "bishkek-2025-11-27" / name, news / name)
    db, reports = tmp_path / "c.db", tmp_path / "r"
    args = ["batch", str(news), "--db", str(db), "--report-dir", str(reports), "--workers", "1"]
    assert runner.invoke(app, args).exit_code == 0
    original = (news / "tass.txt").read_text(encoding="utf-8")
    edit = "Officials later said 500 people had been wounded in the city."
    (news / "tass.txt").write_text(original + "\n" + edit + "\n", encoding="utf-8")
    edited = runner.invoke(app, args)
    assert "1 new versions" in edited.stdout
    (event,) = _events(db)

    def reported_text() -> str:
        report = json.loads((reports / f"{event['id']}.json").read_text(encoding="utf-8"))
        return " ".join(s["text"] for doc in report["sentences"].values() for s in doc)

    assert edit in reported_text()
    (news / "tass.txt").write_text(original, encoding="utf-8")
    os.utime(news / "tass.txt", ns=(1, 1))  # a restored file: its own stat, read again
    reverted = runner.invoke(app, args)
    assert reverted.exit_code == 0, reverted.output
    assert "1 new versions" in reverted.stdout
    assert edit not in reported_text()
    assert [e["id"] for e in _events(db)] == [event["id"]]
    again = runner.invoke(app, args)
    assert "nothing new" in again.stdout


def _dead(pid: int) -> bool:
    """Gone, or a zombie (a container's init may not reap an orphan at once)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


@pytest.mark.skipif(sys.platform != "linux", reason="workers die with their parent on Linux")
def test_batch_workers_die_with_the_main_process_and_ignore_ctrl_c() -> None:
    # Found by a CI engineer's review: a run killed with SIGTERM or SIGKILL left its two pool
    # workers alive, holding the store's run lock, so every later run hung.
    code = (
        "import os, signal, time\n"
        "from framecmp import api\n"
        "with api._executor(2, None) as pool:\n"
        "    pid = pool.submit(os.getpid).result()\n"
        "    ignored = pool.submit(signal.getsignal, signal.SIGINT).result()\n"
        "    print(pid, ignored == signal.SIG_IGN, flush=True)\n"
        "    time.sleep(120)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    worker, ignores_interrupt = process.stdout.readline().split()
    assert ignores_interrupt == "True"  # Ctrl-C is the main process's: no worker traceback
    process.kill()
    process.wait(timeout=30)
    deadline = time.monotonic() + 30
    while not _dead(int(worker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _dead(int(worker))


def test_sigterm_stops_a_batch_run_with_one_line_and_exit_2(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "framecmp", "batch", "-", "--db", str(tmp_path / "c.db"),
         "--report-dir", str(tmp_path / "r")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    time.sleep(5)  # waiting for standard input that never ends
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 2
    assert stderr.decode().startswith("framecmp: interrupted; what was stored and written is kept")


def test_a_run_that_does_not_finish_leaves_its_events_to_be_reported_and_checked_again(
    tmp_path: Path,
) -> None:
    # Found by a CI engineer's review: an event counted as reported as soon as its files were
    # written, so a run stopped before its end lost its --fail-on findings for good.
    news = _news_folder(tmp_path)
    db, reports = tmp_path / "c.db", tmp_path / "r"
    (reports / "index.md").mkdir(parents=True)  # the index cannot be written: the run fails
    args = ["batch", str(news), "--db", str(db), "--report-dir", str(reports), "--workers", "1"]
    failed = runner.invoke(app, [*args, "--fail-on", "terminology"])
    assert failed.exit_code == 2
    assert any(reports.glob("ev-*.md"))  # event reports were written before the failure
    (reports / "index.md").rmdir()
    again = runner.invoke(app, [*args, "--fail-on", "terminology", "--format", "jsonl"])
    assert again.exit_code == 5, again.output
    lines = [json.loads(line) for line in again.stdout.splitlines()]
    assert [line["type"] for line in lines].count("event") == 1  # reported again, and checked
    assert "framecmp: --fail-on terminology: broken" in again.stderr  # stderr in jsonl mode too


def test_a_summary_that_cannot_be_written_stops_the_run_before_any_work(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    result = runner.invoke(
        app,
        ["batch", str(_news_folder(tmp_path)), "--db", str(db), "--report-dir",
         str(tmp_path / "r"), "--summary", str(tmp_path / "missing" / "summary.md")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "missing does not exist" in result.stderr
    assert not db.exists()


def _news_folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    for name in ("tass.txt", "cgtn.txt", "unknown-outlet.txt"):
        shutil.copy(DATA / "bishkek-2025-11-27" / name, news / name)
    return news


def test_the_summary_and_index_escape_outlet_names_as_the_reports_do(tmp_path: Path) -> None:
    # Found by a CI engineer's review: "~~Daily~~" struck through, "$x$" rendered as math and
    # "AT&amp;T" decoded in the summary a pull request shows.
    text = (DATA / "bishkek-2025-11-27" / "tass.txt").read_text(encoding="utf-8")
    other = (DATA / "bishkek-2025-11-27" / "unknown-outlet.txt").read_text(encoding="utf-8")
    export = tmp_path / "export.jsonl"
    export.write_text(
        json.dumps({"text": text, "outlet": "~~Daily~~ $x$ AT&amp;T"})
        + "\n"
        + json.dumps({"text": other, "outlet": "Wire"})
        + "\n",
        encoding="utf-8",
    )
    summary, reports = tmp_path / "summary.md", tmp_path / "r"
    result = runner.invoke(
        app,
        ["batch", str(export), "--db", str(tmp_path / "c.db"), "--report-dir", str(reports),
         "--summary", str(summary)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    for written in (summary.read_text(encoding="utf-8"), (reports / "index.md").read_text()):
        assert "\\~\\~Daily\\~\\~ \\$x\\$ AT&amp;amp;T" in written


def test_a_second_outlet_running_the_same_text_is_named_in_a_note(tmp_path: Path) -> None:
    # Found by a CI engineer's review: the copy was counted "already stored" and its outlet
    # vanished without a word.
    news = tmp_path / "news"
    news.mkdir()
    shutil.copy(DATA / "bishkek-2025-11-27" / "tass.txt", news / "wire.txt")
    shutil.copy(DATA / "bishkek-2025-11-27" / "tass.txt", news / "paper.txt")
    shutil.copy(DATA / "bishkek-2025-11-27" / "cgtn.txt", news / "cgtn.txt")
    args = ["ingest", str(news), "--db", str(tmp_path / "c.db")]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert (
        f"{news / 'wire.txt'}: the same text as {news / 'paper.txt'}; stored once" in first.stderr
    )
    shutil.copy(news / "wire.txt", news / "later.txt")
    second = runner.invoke(app, args)
    assert (
        f"{news / 'later.txt'}: the same text as the stored {news / 'paper.txt'}" in second.stderr
    )
