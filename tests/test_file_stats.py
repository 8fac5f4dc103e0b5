"""Re-runs trust unchanged files (same path, size and mtime) instead of reading them again."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from framecmp.cli import app
from framecmp.corpus.store import MIGRATIONS, SCHEMA_VERSION, CorpusStore

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TASS = DATA / "bishkek-2025-11-27" / "tass.txt"
runner = CliRunner()


def _ingest(db: Path, *inputs: Path | str) -> str:
    result = runner.invoke(app, ["ingest", *map(str, inputs), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    return result.stderr


def _edit_keeping_size_and_mtime(path: Path) -> None:
    """Change one letter: same size; then put the old modification time back."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    position = text.index(" the ") + 1
    path.write_text(text[:position] + "T" + text[position + 1 :], encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size


def test_an_unchanged_file_is_not_read_again_unless_rehash_asks(tmp_path: Path) -> None:
    db, article = tmp_path / "c.db", tmp_path / "tass.txt"
    shutil.copy(TASS, article)
    assert "1 added" in _ingest(db, article)
    # Content changed behind the store's back, size and mtime kept: the store trusts the
    # stat, so the file is not read (reading it would find a new version).
    _edit_keeping_size_and_mtime(article)
    assert "0 added, 0 new versions, 1 already stored" in _ingest(db, article)
    assert "0 added, 1 new versions" in _ingest(db, article, "--rehash")


def test_a_touched_file_with_the_same_content_is_recognised_and_its_stat_refreshed(
    tmp_path: Path,
) -> None:
    db, article = tmp_path / "c.db", tmp_path / "tass.txt"
    shutil.copy(TASS, article)
    _ingest(db, article)
    later = article.stat().st_mtime_ns + 5_000_000_000
    os.utime(article, ns=(later, later))
    assert "0 added, 0 new versions, 1 already stored" in _ingest(db, article)
    # The new mtime was recorded: from now on the file is trusted at that mtime.
    _edit_keeping_size_and_mtime(article)
    assert "0 added, 0 new versions, 1 already stored" in _ingest(db, article)


def test_a_changed_file_with_its_old_mtime_is_still_a_new_version(tmp_path: Path) -> None:
    db, article = tmp_path / "c.db", tmp_path / "tass.txt"
    shutil.copy(TASS, article)
    _ingest(db, article)
    before = article.stat()
    article.write_text(article.read_text(encoding="utf-8") + "\nA late paragraph.\n", "utf-8")
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert "0 added, 1 new versions" in _ingest(db, article)


def test_a_file_whose_article_was_skipped_is_read_and_reported_again(tmp_path: Path) -> None:
    db, noise = tmp_path / "c.db", tmp_path / "noise.txt"
    noise.write_text("* * *\n", encoding="utf-8")  # loads, but no sentence survives cleaning
    for _ in range(2):
        result = runner.invoke(app, ["ingest", str(noise), "--db", str(db), "--workers", "1"])
        assert f"framecmp: skipped {noise}" in result.stderr, result.output
        assert "0 added, 0 new versions, 0 already stored" in result.stderr


def test_a_changed_load_option_reads_the_file_again(tmp_path: Path) -> None:
    db, article = tmp_path / "c.db", tmp_path / "tass.txt"
    shutil.copy(TASS, article)
    _ingest(db, article)
    _edit_keeping_size_and_mtime(article)
    result = runner.invoke(app, ["ingest", str(article), "--db", str(db), "--input-format", "text"])
    assert result.exit_code == 0, result.output
    assert "0 added, 1 new versions" in result.stderr


def _store_content(db: Path) -> list[list[tuple[object, ...]]]:
    with sqlite3.connect(db) as connection:
        return [
            connection.execute(sql).fetchall()
            for sql in (
                "SELECT source, version, current, content_hash, outlet, date, title, url, path,"
                " document, evidence FROM articles ORDER BY source, version",
                "SELECT a.source, s.event_id, s.probability, s.signals FROM assignments s"
                " JOIN articles a ON a.id = s.article_id ORDER BY a.source",
                "SELECT id, label FROM events ORDER BY id",
                "SELECT a, b, relation, probability FROM event_links ORDER BY a, b",
                "SELECT path, size, mtime_ns, options, hashes FROM file_stats ORDER BY path",
            )
        ]


def test_parallel_ingest_stores_the_same_content_as_serial(tmp_path: Path) -> None:
    contents = []
    for workers in ("1", "2"):
        db = tmp_path / f"c{workers}.db"
        result = runner.invoke(
            app, ["ingest", str(DATA), "--db", str(db), "--workers", workers, "-q"]
        )
        assert result.exit_code == 0, result.output
        contents.append(_store_content(db))
    assert contents[0] == contents[1]
    articles, assignments, _, _, files = contents[0]
    assert len(articles) == len(assignments) == len(files) == 5


def test_a_store_of_schema_1_is_migrated_and_keeps_its_tables(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as connection:
        connection.executescript(MIGRATIONS[0])
        connection.execute("INSERT INTO events (id, label, seq) VALUES ('ev-1', 'old', 1)")
        connection.execute("PRAGMA user_version = 1")
    with CorpusStore(db) as store:
        assert store.schema_version == SCHEMA_VERSION == 2
        assert store.events() == {"ev-1": "old"}
    assert "1 added" in _ingest(db, TASS)
