"""Prepared documents survive a JSON round trip, so batch runs can reuse them."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from framecmp.analysis.lexicon import resolve
from framecmp.api import compare_documents, ingest, load_articles, prepare_documents, render
from framecmp.corpus.store import (
    SCHEMA_VERSION,
    CorpusStore,
    IngestOutcome,
    content_hash,
    dump_document,
    load_document,
)
from framecmp.errors import FramecmpError, InputError
from framecmp.model import Article, Document


def test_stored_documents_give_the_same_report(bishkek_paths: list[Path]) -> None:
    documents = prepare_documents(load_articles(bishkek_paths))
    restored = tuple(load_document(dump_document(d)) for d in documents)
    assert restored == documents
    lexicons = resolve(["frames", "terminology"])
    assert render(compare_documents(restored, lexicons=lexicons), "json") == render(
        compare_documents(documents, lexicons=lexicons), "json"
    )


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400))
def test_round_trip_of_any_article_text(body: str) -> None:
    try:
        (document,) = prepare_documents([Article(path="x.txt", text=body)])
    except InputError:
        assume(False)  # nothing left after cleaning: nothing to store
        return
    assert load_document(dump_document(document)) == document


@pytest.mark.parametrize(
    ("stored", "message"),
    [
        ("not json", "not a stored framecmp document"),
        ('{"format": "framecmp-document/0"}', "prepare the article again"),
        ('{"format": "framecmp-document/1"}', "not a stored framecmp document"),
    ],
)
def test_bad_stored_documents_are_refused_with_one_line(stored: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_document(stored, origin="cache/a.json")


# --- the SQLite corpus store --------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def _article_text(number: int, topic: str = "harbour") -> str:
    return (
        f"Workers repaired the {topic} crane number {number} on Monday, officials said.\n"
        f"The repair of crane {number} took {number + 3} hours and cost {number * 17} dollars.\n"
    )


def _prepared(text: str, path: str = "a.txt") -> Document:
    (document,) = prepare_documents([Article(path=path, text=text)])
    return document


def test_same_content_is_recognised_and_a_changed_source_is_a_new_version(tmp_path: Path) -> None:
    with CorpusStore(tmp_path / "c.db") as store:
        first = _prepared(_article_text(1))
        with store.transaction():
            id1, outcome1 = store.add_article("a.txt", content_hash(first.text), first, {})
            again, outcome2 = store.add_article("b.txt", content_hash(first.text), first, {})
            changed = _prepared(_article_text(2))
            id2, outcome3 = store.add_article("a.txt", content_hash(changed.text), changed, {})
        assert (outcome1, outcome2, outcome3) == (
            IngestOutcome.ADDED,
            IngestOutcome.UNCHANGED,
            IngestOutcome.NEW_VERSION,
        )
        assert again == id1
        current = store.articles()
        assert [(a.id, a.version) for a in current] == [(id2, 2)]
        assert len(store.articles(current_only=False)) == 2
        assert store.document(id2) == changed


def test_schema_is_versioned_and_a_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with CorpusStore(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(FramecmpError, match="newer than this framecmp"):
        CorpusStore(path)


def test_a_file_that_is_not_a_store_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    path.write_text("not a database, just text " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="not a framecmp corpus store"):
        CorpusStore(path)


_WRITER = textwrap.dedent(
    """
    import sys
    from framecmp.api import prepare_documents
    from framecmp.corpus.store import CorpusStore, content_hash
    from framecmp.model import Article
    db, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with CorpusStore(db) as store:
        for n in range(count):
            text = f"Writer {tag} filed report {n} about the bridge on Monday, police said.\\n"
            (doc,) = prepare_documents([Article(path=f"{tag}-{n}.txt", text=text)])
            with store.transaction():
                store.add_article(f"{tag}-{n}.txt", content_hash(text), doc, {"n": n})
    """
)


def test_two_writers_at_once_do_not_corrupt_the_store(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    CorpusStore(db).close()
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(db), tag, "60"], cwd=ROOT)
        for tag in ("left", "right")
    ]
    assert [w.wait(timeout=300) for w in writers] == [0, 0]
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    sources = sorted(r[0] for r in check.execute("SELECT source FROM articles"))
    check.close()
    assert sources == sorted(f"{tag}-{n}.txt" for tag in ("left", "right") for n in range(60))


_KILLED_RUN = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from framecmp import api
    from framecmp.corpus import batch
    batch.COMMIT_EVERY = 5
    signal_file = Path(sys.argv[3])
    def progress(stage, done, total):
        if stage == "prepare" and done >= 10:
            signal_file.write_text("committed", encoding="utf-8")
            time.sleep(600)  # killed here, mid-run
    api.ingest([sys.argv[1]], db=sys.argv[2], workers=1, progress=progress)
    """
)


def test_a_killed_run_keeps_what_it_committed_and_the_next_run_completes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    topics = ("harbour", "airport", "railway", "stadium")
    for number in range(24):
        (folder / f"a{number:02d}.txt").write_text(
            _article_text(number, topics[number % 4]), encoding="utf-8"
        )
    db, signal_file = tmp_path / "c.db", tmp_path / "signal"
    run = subprocess.Popen(
        [sys.executable, "-c", _KILLED_RUN, str(folder), str(db), str(signal_file)], cwd=ROOT
    )
    deadline = time.monotonic() + 300
    while not signal_file.exists() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert signal_file.exists()
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    with CorpusStore(db) as store:
        kept = len(store.articles())
        assert kept >= 10  # two transactions of five were committed before the kill
        assert kept < 24
    summary = ingest([folder], db=db, workers=1)
    assert summary.unchanged == kept
    assert summary.added == 24 - kept
    with CorpusStore(db) as store:
        assert len(store.articles()) == 24
        assert store.unassigned() == ()
        check = sqlite3.connect(db)
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert check.execute("SELECT COUNT(*) FROM assignments").fetchone()[0] == 24
        check.close()
