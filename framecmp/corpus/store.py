"""The corpus store: a SQLite file holding articles, prepared documents, events and reports.

One file (``framecmp.db`` by default) opened in WAL mode, so readers never block the writer
and a killed run leaves every committed transaction intact. Every write happens inside
``BEGIN IMMEDIATE`` … ``COMMIT``: two processes writing at once take turns instead of
corrupting each other. The schema is versioned with ``PRAGMA user_version`` and moved forward
by the numbered ``MIGRATIONS``; a file written by a newer framecmp is refused, not guessed at.

Everything is stored as SQL columns or JSON text (prepared documents, event evidence,
signals); nothing is pickled.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from framecmp.errors import FramecmpError, InputError
from framecmp.model import Document, Removal, Sentence

DOCUMENT_FORMAT = "framecmp-document/1"
BUSY_TIMEOUT_SECONDS = 120.0  # a second writer waits this long for the first to commit

# Each entry moves the schema from version i to i + 1; never edit one that has shipped.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,             -- URL, else the normalised path (#n for records)
        version INTEGER NOT NULL,         -- 1, 2, ... per source
        current INTEGER NOT NULL,         -- 1 for the newest version of its source
        content_hash TEXT NOT NULL UNIQUE,
        outlet TEXT NOT NULL,
        date TEXT,
        title TEXT,
        url TEXT,
        path TEXT NOT NULL,
        document TEXT NOT NULL,           -- the prepared Document as JSON (dump_document)
        evidence TEXT NOT NULL,           -- per-article event evidence as JSON
        UNIQUE (source, version)
    );
    CREATE INDEX articles_by_date ON articles (date);
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        seq INTEGER NOT NULL              -- creation order
    );
    CREATE TABLE assignments (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id),
        event_id TEXT NOT NULL REFERENCES events (id),
        probability REAL NOT NULL,
        signals TEXT NOT NULL             -- JSON list of {name, value, detail}
    );
    CREATE INDEX assignments_by_event ON assignments (event_id);
    CREATE TABLE event_links (
        a TEXT NOT NULL REFERENCES events (id),
        b TEXT NOT NULL REFERENCES events (id),
        relation TEXT NOT NULL,           -- an EventRelation value, e.g. "same-story"
        probability REAL NOT NULL,
        PRIMARY KEY (a, b)
    );
    CREATE TABLE reports (
        event_id TEXT PRIMARY KEY REFERENCES events (id),
        article_ids TEXT NOT NULL,        -- JSON list: the article versions the report was made of
        paths TEXT NOT NULL               -- JSON list of the files written
    );
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        command TEXT NOT NULL,
        summary TEXT NOT NULL             -- JSON run summary
    );
    """,
    # 2: what each input file looked like when it was last read, so that a re-run need not
    # read and hash a file that is unchanged (see ``CorpusStore.unchanged_files``).
    """
    CREATE TABLE file_stats (
        path TEXT PRIMARY KEY,            -- the normalised path, as given (folders expanded)
        size INTEGER NOT NULL,            -- st_size in bytes
        mtime_ns INTEGER NOT NULL,        -- st_mtime_ns
        options TEXT NOT NULL,            -- the load options it was read with (format, limits)
        hashes TEXT NOT NULL              -- JSON list: content hashes of the articles in it
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class IngestOutcome(StrEnum):
    """What happened to one input article."""

    ADDED = "added"
    NEW_VERSION = "new-version"  # the same URL/path with changed content
    UNCHANGED = "unchanged"  # its content hash is already stored


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """One article version's metadata, without its prepared document."""

    id: int
    source: str
    version: int
    current: bool
    content_hash: str
    outlet: str
    date: str | None
    title: str | None
    url: str | None
    path: str


@dataclass(frozen=True, slots=True)
class PreparedRecord:
    """A prepared article as the store keeps it: metadata columns and JSON text.

    Workers send this rather than the Document: strings cross processes several times faster
    than nested dataclasses, and the serialising is done on the worker's core.
    """

    outlet: str
    date: str | None
    title: str | None
    url: str | None
    path: str
    document_json: str  # dump_document
    evidence_json: str  # the event evidence, sorted keys

    @classmethod
    def of(cls, document: Document, evidence: dict[str, Any]) -> PreparedRecord:
        return cls(
            document.outlet,
            document.date,
            document.title,
            document.url,
            document.path,
            dump_document(document),
            json.dumps(evidence, sort_keys=True, ensure_ascii=False),
        )


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A prepared document as stored: what a batch worker is sent (text crosses processes
    several times faster than a Document's nested dataclasses), and loads with
    ``load_document``."""

    origin: str  # store path#article id, named in errors
    outlet: str
    document_json: str  # dump_document

    def load(self) -> Document:
        return load_document(self.document_json, origin=self.origin)


@dataclass(frozen=True, slots=True)
class FileStat:
    """What a file looked like when read: ``os.stat`` size and modification time."""

    path: str  # normalised
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Assignment:
    article_id: int
    event_id: str
    probability: float
    signals: tuple[dict[str, Any], ...]


def content_hash(text: str) -> str:
    """The identity of an article's content: SHA-256 of its text with whitespace collapsed."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class CorpusStore:
    """A corpus store file; use as a context manager so the connection is closed."""

    def __init__(self, path: str | Path, *, for_run: bool = False) -> None:
        """``for_run``: an ingest or batch run, which waits for any other to finish first
        (``_lock_for_run``) and keeps others waiting until it closes the store."""
        self.path = Path(path)
        self._run_lock: IO[bytes] | None = None
        if self.path.is_dir():
            raise InputError(f"{self.path}: --db must be a file, not a directory")
        if not self.path.parent.is_dir():
            raise InputError(f"{self.path}: its directory {self.path.parent} does not exist")
        if for_run:
            self._lock_for_run()  # before connecting: two runs creating one store collide
        try:
            self._db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as err:
            if self._run_lock is not None:
                self._run_lock.close()
            raise InputError(f"{self.path}: not a framecmp corpus store ({err})") from None

    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()
        if self._run_lock is not None:
            self._run_lock.close()  # releases the lock
            self._run_lock = None

    def _lock_for_run(self) -> None:
        """Wait until no other run is writing to this store, then keep others waiting until
        this store is closed: article ids are chosen at the start of a run (in input order),
        so two ingests at once would pick the same ones, and two runs creating one store at
        once race to set it up. A lock file beside the store (``<db>.lock``, flock: released
        by the system when a process dies, so never stale); where flock does not exist, runs
        are not serialised."""
        try:
            import fcntl
        except ImportError:  # Windows
            return
        try:
            handle = open(f"{self.path}.lock", "a+b")  # noqa: SIM115 (held until close)
        except OSError as err:
            raise InputError(f"{self.path}: cannot write beside it ({err.strerror})") from None
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        self._run_lock = handle

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        with self.transaction():
            version = self.schema_version
            if version > SCHEMA_VERSION:
                raise FramecmpError(
                    f"{self.path}: store schema {version} is newer than this framecmp "
                    f"understands ({SCHEMA_VERSION}); upgrade framecmp"
                )
            for number in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (``BEGIN IMMEDIATE``) so writers queue."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # --- articles ------------------------------------------------------------------------------

    def find_hash(self, digest: str) -> int | None:
        row = self._db.execute(
            "SELECT id FROM articles WHERE content_hash = ?", (digest,)
        ).fetchone()
        return None if row is None else int(row[0])

    def version_of(self, digest: str) -> tuple[str, bool] | None:
        """The source (URL, path or record) of the stored version with this content, and
        whether it is that source's current version; None when no version has it."""
        row = self._db.execute(
            "SELECT source, current FROM articles WHERE content_hash = ?", (digest,)
        ).fetchone()
        return None if row is None else (str(row[0]), bool(row[1]))

    def reinstate(self, digest: str, source: str) -> None:
        """Make the stored version of ``source`` with this content its current version again;
        call inside ``transaction``."""
        self._db.execute("UPDATE articles SET current = 0 WHERE source = ?", (source,))
        self._db.execute(
            "UPDATE articles SET current = 1 WHERE content_hash = ? AND source = ?",
            (digest, source),
        )

    def add_article(
        self, source: str, digest: str, document: Document, evidence: dict[str, Any]
    ) -> tuple[int, IngestOutcome]:
        """Store a prepared article unless its content is stored; call inside ``transaction``."""
        return self.add_record(source, digest, PreparedRecord.of(document, evidence))

    def add_record(
        self, source: str, digest: str, record: PreparedRecord
    ) -> tuple[int, IngestOutcome]:
        """``add_article`` of an article already serialised (by a worker process)."""
        known = self.find_hash(digest)
        if known is not None:
            return known, IngestOutcome.UNCHANGED
        row = self._db.execute(
            "SELECT MAX(version) FROM articles WHERE source = ?", (source,)
        ).fetchone()
        version = 1 if row[0] is None else int(row[0]) + 1
        self._db.execute("UPDATE articles SET current = 0 WHERE source = ?", (source,))
        cursor = self._db.execute(
            "INSERT INTO articles (source, version, current, content_hash, outlet, date, title,"
            " url, path, document, evidence) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
            (source, version, digest, *_record_values(record)),
        )
        article_id = int(cursor.lastrowid or 0)
        return article_id, (IngestOutcome.ADDED if version == 1 else IngestOutcome.NEW_VERSION)

    def next_article_id(self) -> int:
        """The id the next stored article would get."""
        return int(self._db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM articles").fetchone()[0])

    def stored_sources(self, sources: Sequence[str]) -> set[str]:
        """Those of ``sources`` that have a stored version."""
        found: set[str] = set()
        for start in range(0, len(sources), 500):
            chunk = list(sources[start : start + 500])
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self._db.execute(
                    f"SELECT DISTINCT source FROM articles WHERE source IN ({marks})", chunk
                )
            )
        return found

    def add_first_version(
        self, article_id: int, source: str, digest: str, record: PreparedRecord
    ) -> None:
        """Store an article whose source has no stored version, under an id chosen by the
        caller (so ids follow the input order whatever order articles are stored in); call
        inside ``transaction``."""
        self._db.execute(
            "INSERT INTO articles (id, source, version, current, content_hash, outlet, date,"
            " title, url, path, document, evidence) VALUES (?, ?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, source, digest, *_record_values(record)),
        )

    def articles(self, *, current_only: bool = True) -> tuple[StoredArticle, ...]:
        where = "WHERE current = 1" if current_only else ""
        rows = self._db.execute(
            "SELECT id, source, version, current, content_hash, outlet, date, title, url, path"
            f" FROM articles {where} ORDER BY id"
        ).fetchall()
        return tuple(
            StoredArticle(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6], r[7], r[8], r[9])
            for r in rows
        )

    def article_dates(self, article_ids: Sequence[int]) -> dict[int, str | None]:
        """Article id -> its date (None when undated)."""
        rows = self._rows_for("SELECT id, date FROM articles WHERE id IN", article_ids)
        return {int(r[0]): r[1] for r in rows}

    def document(self, article_id: int) -> Document:
        row = self._db.execute(
            "SELECT document FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise KeyError(article_id)
        return load_document(row[0], origin=f"{self.path}#{article_id}")

    def stored_documents(self, article_ids: Sequence[int]) -> list[StoredDocument]:
        """The given articles' prepared documents as stored (JSON text), in the given order."""
        rows = self._rows_for("SELECT id, outlet, document FROM articles WHERE id IN", article_ids)
        found = {int(r[0]): StoredDocument(f"{self.path}#{r[0]}", r[1], r[2]) for r in rows}
        try:
            return [found[article_id] for article_id in article_ids]
        except KeyError as err:
            raise KeyError(err.args[0]) from None

    def evidence(self, article_ids: Sequence[int] | None = None) -> dict[int, dict[str, Any]]:
        """Stored event evidence of the given article versions (all current ones by default)."""
        rows: list[tuple[Any, ...]]
        if article_ids is None:
            rows = self._db.execute(
                "SELECT id, evidence FROM articles WHERE current = 1"
            ).fetchall()
        else:
            rows = self._rows_for("SELECT id, evidence FROM articles WHERE id IN", article_ids)
        return {int(r[0]): json.loads(r[1]) for r in rows}

    def _rows_for(self, sql: str, ids: Sequence[int]) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows.extend(self._db.execute(f"{sql} ({marks})", chunk).fetchall())
        return rows

    # --- input files -------------------------------------------------------------------------

    def unchanged_files(self, stats: Sequence[FileStat], options: str) -> dict[str, int]:
        """Files stored as they are now: path -> the number of articles read from it.

        Trusted: a file whose normalised path, size and ``st_mtime_ns`` equal those recorded
        when it was last read with the same load ``options``, and whose articles' content
        hashes are all still stored. An edit that keeps both size and mtime_ns is not seen.
        """
        recorded: dict[str, tuple[int, int, str, list[str]]] = {}
        paths = [s.path for s in stats]
        for start in range(0, len(paths), 500):
            chunk = paths[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for path, size, mtime_ns, used, hashes in self._db.execute(
                f"SELECT path, size, mtime_ns, options, hashes FROM file_stats"
                f" WHERE path IN ({marks})",
                chunk,
            ):
                recorded[path] = (int(size), int(mtime_ns), used, json.loads(hashes))
        if not recorded:
            return {}
        stored = {r[0] for r in self._db.execute("SELECT content_hash FROM articles")}
        unchanged: dict[str, int] = {}
        for stat in stats:
            entry = recorded.get(stat.path)
            if (
                entry is not None
                and entry[:3] == (stat.size, stat.mtime_ns, options)
                and all(digest in stored for digest in entry[3])
            ):
                unchanged[stat.path] = len(entry[3])
        return unchanged

    def record_file(self, stat: FileStat, options: str, hashes: Sequence[str]) -> None:
        """Remember how a file looked when its articles were stored; call inside a transaction."""
        self._db.execute(
            "INSERT OR REPLACE INTO file_stats (path, size, mtime_ns, options, hashes)"
            " VALUES (?, ?, ?, ?, ?)",
            (stat.path, stat.size, stat.mtime_ns, options, json.dumps(list(hashes))),
        )

    # --- events --------------------------------------------------------------------------------

    def unassigned(self) -> tuple[int, ...]:
        """Current article versions that belong to no event yet."""
        rows = self._db.execute(
            "SELECT id FROM articles WHERE current = 1 AND id NOT IN"
            " (SELECT article_id FROM assignments) ORDER BY id"
        ).fetchall()
        return tuple(int(r[0]) for r in rows)

    def assignments(self) -> tuple[Assignment, ...]:
        rows = self._db.execute(
            "SELECT s.article_id, s.event_id, s.probability, s.signals FROM assignments s"
            " JOIN articles a ON a.id = s.article_id WHERE a.current = 1 ORDER BY s.article_id"
        ).fetchall()
        return tuple(Assignment(r[0], r[1], r[2], tuple(json.loads(r[3]))) for r in rows)

    def add_event(self, event_id: str, label: str) -> None:
        seq = self._db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM events").fetchone()[0]
        self._db.execute(
            "INSERT INTO events (id, label, seq) VALUES (?, ?, ?)", (event_id, label, seq)
        )

    def set_label(self, event_id: str, label: str) -> None:
        self._db.execute("UPDATE events SET label = ? WHERE id = ?", (label, event_id))

    def events(self) -> dict[str, str]:
        """Event id -> label, in creation order."""
        rows = self._db.execute("SELECT id, label FROM events ORDER BY seq").fetchall()
        return {r[0]: r[1] for r in rows}

    def assign(self, assignments: Sequence[Assignment]) -> None:
        """Store articles' events, in order (one statement for all); call inside a
        transaction."""
        rows = (
            (a.article_id, a.event_id, a.probability, json.dumps(list(a.signals), sort_keys=True))
            for a in assignments
        )
        self._db.executemany(
            "INSERT OR REPLACE INTO assignments (article_id, event_id, probability, signals)"
            " VALUES (?, ?, ?, ?)",
            rows,
        )

    def link(self, links: Sequence[tuple[str, str, str, float]]) -> None:
        """Store (event, event, relation, probability) links, in order, each replacing the
        pair's link; call inside a transaction."""
        self._db.executemany(
            "INSERT OR REPLACE INTO event_links (a, b, relation, probability) VALUES (?, ?, ?, ?)",
            ((*sorted((a, b)), relation, probability) for a, b, relation, probability in links),
        )

    def links(self) -> tuple[tuple[str, str, str, float], ...]:
        rows = self._db.execute(
            "SELECT a, b, relation, probability FROM event_links ORDER BY a, b"
        ).fetchall()
        return tuple((r[0], r[1], r[2], float(r[3])) for r in rows)

    # --- reports and runs ----------------------------------------------------------------------

    def reported(self) -> dict[str, tuple[int, ...]]:
        """Event id -> the article versions its last report was written from."""
        rows = self._db.execute("SELECT event_id, article_ids FROM reports").fetchall()
        return {r[0]: tuple(json.loads(r[1])) for r in rows}

    def record_report(
        self, event_id: str, article_ids: Sequence[int], paths: Sequence[str]
    ) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO reports (event_id, article_ids, paths) VALUES (?, ?, ?)",
            (event_id, json.dumps(sorted(article_ids)), json.dumps(list(paths))),
        )

    def record_run(self, command: str, summary: dict[str, Any]) -> None:
        self._db.execute(
            "INSERT INTO runs (command, summary) VALUES (?, ?)",
            (command, json.dumps(summary, sort_keys=True)),
        )


def dump_document(document: Document) -> str:
    """One prepared document as deterministic JSON text."""
    payload = {
        "format": DOCUMENT_FORMAT,
        "doc_id": document.doc_id,
        "outlet": document.outlet,
        "path": document.path,
        "date": document.date,
        "title": document.title,
        "url": document.url,
        "place": document.place,
        "encoding": document.encoding,
        "language": document.language,
        "text": document.text,
        "removed": [{"kind": r.kind, "text": r.text} for r in document.removed],
        "sentences": [
            [s.index, s.paragraph, s.char_start, s.char_end, list(s.tokens)]
            for s in document.sentences
        ],
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n"


def load_document(text: str, *, origin: str = "<stored document>") -> Document:
    """A document stored by ``dump_document``; sentence texts are rebuilt from the offsets."""
    try:
        payload: dict[str, Any] = json.loads(text)
        if payload.get("format") != DOCUMENT_FORMAT:
            raise InputError(
                f"{origin}: stored document format {payload.get('format')!r} is not "
                f"{DOCUMENT_FORMAT!r}; prepare the article again"
            )
        body = payload["text"]
        return Document(
            doc_id=payload["doc_id"],
            outlet=payload["outlet"],
            path=payload["path"],
            text=body,
            sentences=tuple(
                Sentence(index, paragraph, body[start:end], start, end, tuple(tokens))
                for index, paragraph, start, end, tokens in payload["sentences"]
            ),
            removed=tuple(Removal(r["kind"], r["text"]) for r in payload["removed"]),
            date=payload["date"],
            title=payload["title"],
            url=payload["url"],
            place=payload["place"],
            encoding=payload.get("encoding"),
            language=payload.get("language"),
        )
    except InputError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise InputError(f"{origin}: not a stored framecmp document ({err})") from None


def _record_values(record: PreparedRecord) -> tuple[str | None, ...]:
    """A prepared article's columns after its key: outlet, date, title, url, path, document,
    evidence."""
    return (
        record.outlet,
        record.date,
        record.title,
        record.url,
        record.path,
        record.document_json,
        record.evidence_json,
    )
