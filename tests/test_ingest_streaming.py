"""Assigning articles while they are prepared gives the store that storing them first gives;
assignment runs with cyclic garbage collection paused and a bounded cache."""

from __future__ import annotations

import gc
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from framecmp import api
from framecmp.corpus import batch as batch_stage
from framecmp.corpus import events as clustering
from framecmp.corpus.store import CorpusStore, content_hash
from framecmp.ingest.load import LoadOptions

ROOT = Path(__file__).resolve().parent.parent
ECB = ROOT / "eval" / "data" / "ecbplus"  # ECB+ texts (CC BY 3.0), see its README


def _corpus(folder: Path) -> list[Path]:
    """ECB+ documents of four topics, each topic's reports dated within three days, in an
    input order (by file name) unlike the order of assignment (by date)."""
    folder.mkdir()
    paths = []
    for topic in ("1", "2", "3", "4"):
        for number, source in enumerate(sorted((ECB / topic).glob("*.txt"))):
            day = f"2024-0{int(topic) % 3 + 1}-1{number % 3}"
            target = folder / f"{source.stem}.txt"
            target.write_text(f" date {day}\n{source.read_text(encoding='utf-8')}", "utf-8")
            paths.append(target)
    return sorted(paths)


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    connection = sqlite3.connect(db)
    try:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("articles", "assignments", "events", "event_links")
        }
    finally:
        connection.close()


def test_assigning_while_preparing_stores_what_storing_first_stores(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "in")
    streamed = tmp_path / "streamed.db"
    summary = api.ingest(paths, db=streamed, workers=2)
    assert summary.added == len(paths)
    assert summary.assigned == len(paths)

    # Every article stored first, then all assigned: what a run interrupted after storing
    # does when it resumes.
    stored_first = tmp_path / "stored-first.db"
    articles, _ = api.load_inputs(paths, options=LoadOptions())
    with CorpusStore(stored_first) as store:
        with store.transaction():
            for article in articles:
                record = batch_stage.prepare_with_evidence(api.prepare_article, article)
                assert not isinstance(record, str)
                store.add_record(
                    batch_stage.source_key(article), content_hash(article.text), record
                )
        assigned, _, _ = batch_stage.assign_events(store)
    assert assigned == len(paths)

    tables = _tables(streamed)
    assert tables == _tables(stored_first)
    # Ids follow the input order, not the order of assignment.
    assert [row[9] for row in tables["articles"]] == [str(p) for p in paths]
    assert len(tables["events"]) < len(paths)  # reports of one event were grouped


def test_assignment_runs_without_cyclic_collection_and_a_bounded_prepared_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _corpus(tmp_path / "in")
    monkeypatch.setattr(clustering, "PREPARED_CACHE", 5)
    seen: list[tuple[bool, int]] = []
    assign = clustering.EventIndex.assign

    def watched(index: clustering.EventIndex, *args: Any) -> clustering.Decision:
        decision = assign(index, *args)
        seen.append((gc.isenabled(), len(index._prepared)))
        return decision

    monkeypatch.setattr(clustering.EventIndex, "assign", watched)
    assert gc.isenabled()
    summary = api.ingest(paths, db=tmp_path / "corpus.db", workers=1)
    assert summary.assigned == len(seen) == len(paths)
    assert not any(enabled for enabled, _ in seen)
    assert max(size for _, size in seen) == 5
    assert gc.isenabled()  # collection is back on once the articles are assigned
