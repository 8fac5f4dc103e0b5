"""Ingest articles into the store, assign them to events, write per-event reports.

The per-document work (load, clean, segment) is the same code ``compare`` uses, passed in
by ``api`` as a picklable function; it and the per-event comparisons run on an executor
(a process pool on this machine, or a Dask cluster's executor), so both cores, or many
machines, share them. The store is written only by this process, in transactions of
``COMMIT_EVERY`` articles: a run killed mid-way keeps what it committed and the next run
carries on from there.
"""

from __future__ import annotations

import gc
import html
import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from enum import IntEnum, StrEnum
from functools import partial
from pathlib import Path
from typing import Any

from framecmp.corpus import events as clustering
from framecmp.corpus.store import (
    Assignment,
    CorpusStore,
    FileStat,
    IngestOutcome,
    PreparedRecord,
    content_hash,
)
from framecmp.errors import FramecmpError
from framecmp.model import Article, Comparison, Document
from framecmp.report.templating import markdown_escape

logger = logging.getLogger(__name__)

COMMIT_EVERY = 200  # articles per transaction: small enough to lose little when killed
PREPARE_CHUNK = 8  # articles sent to a worker at once: fewer round trips, still balanced
PREPARE_AHEAD = 20  # chunks of COMMIT_EVERY the workers may run ahead of the assignment
INDEX_NAME = "index"
Progress = Callable[[str, int, int], None]  # (stage, done, total)


class FailRule(StrEnum):
    """What ``--fail-on`` can name; each has its own exit code (see ``EXIT_CODES``)."""

    CONFLICTING_CLAIMS = "conflicting-claims"
    FRAME_DIFFERENCE = "frame-difference"
    TERMINOLOGY = "terminology"


class BatchExit(IntEnum):
    """Exit codes of ``framecmp batch``; when several rules fire, the lowest code wins."""

    OK = 0
    ERROR = 2
    CONFLICTING_CLAIMS = 3
    FRAME_DIFFERENCE = 4
    TERMINOLOGY = 5


EXIT_CODES = {
    FailRule.CONFLICTING_CLAIMS: BatchExit.CONFLICTING_CLAIMS,
    FailRule.FRAME_DIFFERENCE: BatchExit.FRAME_DIFFERENCE,
    FailRule.TERMINOLOGY: BatchExit.TERMINOLOGY,
}
DEFAULT_FRAME_DIFFERENCE = 10.0  # per 1,000 tokens, significant differences only


@dataclass(frozen=True, slots=True)
class IngestSummary:
    added: int
    new_versions: int
    unchanged: int
    skipped: tuple[tuple[str, str], ...]  # (path, reason)
    assigned: int
    new_events: int
    changed_events: tuple[str, ...]  # events that gained articles in this run
    # what loading left out or could not read (feed teasers, bad record dates), one line each
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "new_versions": self.new_versions,
            "unchanged": self.unchanged,
            "skipped": [{"path": p, "reason": r} for p, r in self.skipped],
            "assigned": self.assigned,
            "new_events": self.new_events,
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class EventFindings:
    """What the ``--fail-on`` rules look at in one event's comparison."""

    conflicting_claims: int
    largest_frame_difference: float  # per 1,000 tokens, significant only
    terminology_divergences: tuple[str, ...]  # categories where outlets chose different terms


@dataclass(frozen=True, slots=True)
class EventReport:
    event_id: str
    label: str
    article_ids: tuple[int, ...]
    outlets: tuple[str, ...]
    paths: tuple[str, ...]
    findings: EventFindings


@dataclass(frozen=True, slots=True)
class BatchSummary:
    ingest: IngestSummary
    reports: tuple[EventReport, ...]
    index_paths: tuple[str, ...]
    fired: tuple[FailRule, ...] = field(default=())

    @property
    def did_nothing(self) -> bool:
        return not self.reports and not self.index_paths and not self.ingest.assigned

    @property
    def exit_code(self) -> int:
        return min((EXIT_CODES[rule] for rule in self.fired), default=BatchExit.OK)


# --- ingest ----------------------------------------------------------------------------------


def source_key(article: Article) -> str:
    """Where an article comes from: its URL, else its normalised path, with the record's
    identity for a record or feed entry of a file holding several ("news.jsonl#id:42"), not its
    position: a record put above it would otherwise take its place and replace it."""
    if article.url:
        return article.url
    if article.record_id:
        return f"{os.path.normpath(article.path.rpartition('#')[0])}#{article.record_id}"
    return os.path.normpath(article.path)


def prepare_with_evidence(
    prepare: Callable[[Article], Document], article: Article
) -> PreparedRecord | str:
    """Worker: one article's prepared document and event evidence, serialised for the store,
    or why it was skipped."""
    try:
        document = prepare(article)
    except FramecmpError as err:
        return skipped_input(article.path, err)[1]
    return PreparedRecord.of(document, clustering.article_evidence(document))


def skipped_input(path: str, err: FramecmpError) -> tuple[str, str]:
    """(input, reason) of an input skipped as unreadable; the reason without the input's name,
    which the error message usually starts with."""
    message = str(err)
    return path, message.removeprefix(f"{path}: ") or message


@dataclass(frozen=True, slots=True)
class ReadFile:
    """An input file that was read: how it looked, and where its articles are in the list."""

    stat: FileStat
    first: int  # index of its first article in the articles given to ``ingest``
    count: int


def _chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def ingest(
    store: CorpusStore,
    articles: Sequence[Article],
    prepare: Callable[[Article], Document],
    *,
    executor: Executor | None = None,
    progress: Progress | None = None,
    files: Sequence[ReadFile] = (),
    load_options: str = "",
    unchanged_unread: int = 0,
) -> IngestSummary:
    """Store the articles not stored yet, then assign every unassigned article to an event.

    ``files`` says which input file each article came from: once its articles are stored,
    the file's size and mtime are recorded so the next run need not read it again.
    ``unchanged_unread`` counts the articles of files not read because they are unchanged.

    When every new article is the first version of its source and no stored article waits
    for its event, the articles are prepared in the order they are assigned (by date, then
    content hash), so each is assigned while the workers prepare the next ones; ids still
    follow the input order. Otherwise (new versions change which articles are current) all
    are stored first and assigned after, as ``assign_events`` does.
    """
    seen: set[str] = set()
    fresh: list[tuple[Article, str]] = []
    digests: list[str] = []
    unchanged = unchanged_unread
    reverted = 0  # sources whose content went back to an earlier stored version
    # the same text under another source (a second outlet running one wire copy) is stored
    # once; a note names it, since its outlet appears in no report
    copies: list[str] = []
    first_source: dict[str, str] = {}
    for article in articles:
        digest = content_hash(article.text)
        digests.append(digest)
        source = source_key(article)
        if digest in seen:
            unchanged += 1
            if source != first_source[digest]:
                copies.append(f"{article.path}: the same text as {first_source[digest]}")
            continue
        seen.add(digest)
        first_source[digest] = source
        stored = store.version_of(digest)
        if stored is None:
            fresh.append((article, digest))
            continue
        # Stored already: the same content (unchanged), unless it is an earlier version of
        # this source, whose edit was taken back: that version is current again, and its
        # event is reported again (a newsroom retracting an edit is the common case).
        stored_source, current = stored
        if stored_source == source and not current:
            with store.transaction():
                store.reinstate(digest, source)
            reverted += 1
        else:
            unchanged += 1
            if stored_source != source:
                copies.append(f"{article.path}: the same text as the stored {stored_source}")
    sources = [source_key(article) for article, _ in fresh]
    # Nothing new: the old path, which builds no event index (a second run stays cheap).
    if (
        fresh
        and len(set(sources)) == len(sources)
        and not store.stored_sources(sources)
        and not store.unassigned()
    ):
        with collection_paused():
            streamed = _ingest_streaming(
                store,
                articles,
                digests,
                fresh,
                prepare,
                executor,
                progress,
                files,
                load_options,
                unchanged,
            )
        return replace(
            streamed,
            new_versions=streamed.new_versions + reverted,
            notes=(*streamed.notes, *_copy_notes(copies)),
        )
    added = new_versions = 0
    skipped: list[tuple[str, str]] = []
    done = 0
    chunks = list(_chunks(fresh, COMMIT_EVERY))
    results = _prepared(chunks, prepare, executor)
    for chunk in chunks:
        with store.transaction():
            for article, digest in chunk:
                result = next(results)
                if isinstance(result, str):
                    skipped.append((article.path, result))
                    continue
                _, outcome = store.add_record(source_key(article), digest, result)
                added += outcome is IngestOutcome.ADDED
                new_versions += outcome is IngestOutcome.NEW_VERSION
        done += len(chunk)
        if progress:
            progress("prepare", done, len(fresh))
    _record_files(store, articles, digests, skipped, files, load_options)
    assigned, new_events, changed = assign_events(store, progress=progress)
    return IngestSummary(
        added,
        new_versions + reverted,
        unchanged,
        tuple(skipped),
        assigned,
        new_events,
        changed,
        _copy_notes(copies),
    )


def _copy_notes(copies: Sequence[str]) -> tuple[str, ...]:
    return tuple(f"{copy}; stored once, counted as already stored" for copy in copies)


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block: while articles are stored and assigned,
    and while a batch worker compares an event (``api.compare_event``).

    Assignment allocates millions of containers (evidence parsed from JSON, prepared
    evidence, candidates) and makes no reference cycles, so reference counting frees them all;
    the collector only walked them, ever longer as the index grew: 11 of 58 s CPU when
    assigning 20,000 articles. A 20,000-article assignment with collection off leaves as many
    cycles behind as a 4,000-article one (the same few, made at start-up), and those wait for
    the first collection after the block. Worker processes forked inside the block turn
    collection back on (``api._lower_priority``).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _prepared(
    chunks: Sequence[Sequence[tuple[Article, str]]],
    prepare: Callable[[Article], Document],
    executor: Executor | None,
) -> Iterator[PreparedRecord | str]:
    """Every chunk's articles prepared, in order, with PREPARE_AHEAD chunks in the workers
    while the caller stores and assigns the current one (a bounded number in memory)."""
    work = partial(prepare_with_evidence, prepare)
    waiting: list[Iterator[PreparedRecord | str]] = []
    for chunk in chunks:
        batch_articles = [a for a, _ in chunk]
        if executor is not None and len(chunk) > 1:
            # Executor.map submits every task now and hands the results over in order.
            waiting.append(executor.map(work, batch_articles, chunksize=PREPARE_CHUNK))
        else:
            waiting.append(map(work, batch_articles))  # lazy: prepared when stored
        if len(waiting) > PREPARE_AHEAD:
            yield from waiting.pop(0)
    for results in waiting:
        yield from results


def _record_files(
    store: CorpusStore,
    articles: Sequence[Article],
    digests: Sequence[str],
    skipped: Sequence[tuple[str, str]],
    files: Sequence[ReadFile],
    load_options: str,
) -> None:
    failed = {path for path, _ in skipped}
    with store.transaction():
        for read in files:
            members = range(read.first, read.first + read.count)
            # A file with a skipped article is read again next time, and says so again.
            if not any(articles[i].path in failed for i in members):
                store.record_file(read.stat, load_options, [digests[i] for i in members])


def _ingest_streaming(
    store: CorpusStore,
    articles: Sequence[Article],
    digests: Sequence[str],  # each article's content hash
    fresh: Sequence[tuple[Article, str]],
    prepare: Callable[[Article], Document],
    executor: Executor | None,
    progress: Progress | None,
    files: Sequence[ReadFile],
    load_options: str,
    unchanged: int,
) -> IngestSummary:
    """``ingest`` of first versions only: prepared in assignment order, each chunk stored and
    assigned while the workers prepare the next; the same store as storing all first."""
    first_id = store.next_article_id()
    order = sorted(range(len(fresh)), key=lambda i: (fresh[i][0].date or "9999", fresh[i][1]))
    assigner = _Assigner(store, len(fresh), progress)
    skipped: list[tuple[int, str, str]] = []
    waiting: list[tuple[int, dict[str, Any], str]] = []
    chunks = [[fresh[i] for i in chunk] for chunk in _chunks(order, COMMIT_EVERY)]
    results = _prepared(chunks, prepare, executor)
    done = 0
    for chunk in _chunks(order, COMMIT_EVERY):
        with store.transaction():
            for position in chunk:
                article, digest = fresh[position]
                result = next(results)
                if isinstance(result, str):
                    skipped.append((position, article.path, result))
                    continue
                if result.date != article.date:
                    raise FramecmpError(
                        f"{article.path}: preparing it changed its date, which sets the order "
                        "of assignment"
                    )
                article_id = first_id + position  # ids in input order, as if stored so
                store.add_first_version(article_id, source_key(article), digest, result)
                waiting.append((article_id, json.loads(result.evidence_json), digest))
            # Assign the articles prepared so far in chunks of COMMIT_EVERY, as assign_events
            # would; a full chunk waits for one more so the last chunk is known as the last.
            while len(waiting) > COMMIT_EVERY:
                assigner.assign_chunk(waiting[:COMMIT_EVERY], last=False)
                del waiting[:COMMIT_EVERY]
        done += len(chunk)
        if progress:
            progress("prepare", done, len(fresh))
    if waiting:
        with store.transaction():
            assigner.assign_chunk(waiting, last=True)
    skipped.sort()
    failed = tuple((path, reason) for _, path, reason in skipped)
    _record_files(store, articles, digests, failed, files, load_options)
    return IngestSummary(
        len(fresh) - len(failed),
        0,
        unchanged,
        failed,
        assigner.assigned,
        assigner.new_events,
        tuple(sorted(assigner.changed)),
    )


class _Assigner:
    """The event index of the stored assignments, assigning new articles chunk by chunk."""

    def __init__(self, store: CorpusStore, total: int, progress: Progress | None) -> None:
        self.store = store
        self.total = total
        self.progress = progress
        self.index = clustering.EventIndex()
        known = store.assignments()
        # Stored evidence a chunk at a time, in article id order: 20,000 articles' evidence
        # at once is about a gigabyte of Python objects.
        for start in range(0, len(known), 500):
            part = known[start : start + 500]
            evidence = store.evidence([a.article_id for a in part])
            for assignment in part:
                if assignment.article_id in evidence:
                    self.index.add_known(
                        assignment.article_id, assignment.event_id, evidence[assignment.article_id]
                    )
        self.labels = store.events()
        self.changed: set[str] = set()
        self.new_events = 0
        self.assigned = 0

    def _stored(self, article_id: int) -> dict[str, Any]:
        # Only when the index no longer keeps the member's prepared evidence (rarely).
        return self.store.evidence([article_id])[article_id]

    def assign_chunk(self, chunk: Sequence[tuple[int, dict[str, Any], str]], *, last: bool) -> None:
        """Assign a chunk of articles in order; call inside a store transaction."""
        index, store = self.index, self.store
        touched: set[str] = set()
        assignments: list[Assignment] = []
        # Each pair's last link of the chunk, in the order of those last links: the rows (and
        # their order) that writing every link as it came would leave, in fewer statements.
        links: dict[tuple[str, str], float] = {}
        for article_id, article_evidence, digest in chunk:
            decision = index.assign(
                article_id, clustering.event_id_for(digest), article_evidence, self._stored
            )
            if decision.new_event:
                store.add_event(decision.event_id, "")
                self.labels[decision.event_id] = ""
                self.new_events += 1
            assignments.append(
                Assignment(article_id, decision.event_id, decision.probability, decision.signals)
            )
            for other, probability in decision.links:
                pair = min(decision.event_id, other), max(decision.event_id, other)
                links.pop(pair, None)
                links[pair] = probability
            touched.add(decision.event_id)
        store.assign(assignments)
        store.link([(a, b, "same-story", probability) for (a, b), probability in links.items()])
        self.changed |= touched
        # Labels of this chunk's events, so a killed run leaves them labelled; the last chunk
        # relabels every event of the run from the final index (labels move with IDF).
        for event_id in sorted(self.changed if last else touched):
            label = index.label(event_id)
            if self.labels.get(event_id) != label:
                store.set_label(event_id, label)
                self.labels[event_id] = label
        self.assigned += len(chunk)
        if self.progress:
            self.progress("assign", self.assigned, self.total)


def assign_events(
    store: CorpusStore, *, progress: Progress | None = None
) -> tuple[int, int, tuple[str, ...]]:
    """Assign every unassigned article; returns (assigned, new events, events that changed)."""
    with collection_paused():
        return _assign_pending(store, progress)


def _assign_pending(
    store: CorpusStore, progress: Progress | None
) -> tuple[int, int, tuple[str, ...]]:
    pending = store.unassigned()
    if not pending:
        return 0, 0, ()
    hashes = {a.id: a.content_hash for a in store.articles()}
    # The stored date column is the evidence's date: both are the prepared document's.
    dates = store.article_dates(pending)
    order = [
        article_id
        for article_id, _, _ in clustering.assignment_order(
            (i, {"date": dates.get(i)}, hashes[i]) for i in pending
        )
    ]
    assigner = _Assigner(store, len(order), progress)
    chunks = list(_chunks(order, COMMIT_EVERY))
    for number, chunk in enumerate(chunks):
        evidence = store.evidence(chunk)
        with store.transaction():
            assigner.assign_chunk(
                [(i, evidence[i], hashes[i]) for i in chunk], last=number == len(chunks) - 1
            )
    return assigner.assigned, assigner.new_events, tuple(sorted(assigner.changed))


# --- events listing ----------------------------------------------------------------------------


def list_events(store: CorpusStore, *, since: str | None = None) -> list[dict[str, Any]]:
    """Events with their articles, oldest first; ``since`` keeps events with an article then."""
    articles = {a.id: a for a in store.articles()}
    members: dict[str, list[dict[str, Any]]] = {}
    for assignment in store.assignments():
        article = articles.get(assignment.article_id)
        if article is None:
            continue
        members.setdefault(assignment.event_id, []).append(
            {
                "id": article.id,
                "path": article.path,
                "url": article.url,
                "outlet": article.outlet,
                "date": article.date,
                "probability": round(assignment.probability, 4),
                "signals": [dict(s) for s in assignment.signals],
            }
        )
    related: dict[str, set[str]] = {}
    for a, b, _, _ in store.links():
        if a in members and b in members:
            related.setdefault(a, set()).add(b)
            related.setdefault(b, set()).add(a)
    labels = store.events()
    listed = []
    for event_id, items in members.items():
        items.sort(key=lambda item: (item["date"] or "", item["id"]))
        dates = sorted(d for d in (item["date"] for item in items) if d)
        if since and not any(d >= since for d in dates):
            continue
        listed.append(
            {
                "id": event_id,
                "label": labels.get(event_id, ""),
                "outlets": sorted({item["outlet"] for item in items}),
                "dates": [dates[0], dates[-1]] if dates else [],
                "related": sorted(related.get(event_id, ())),
                "articles": items,
            }
        )
    listed.sort(key=lambda e: ((e["dates"] or ["9999"])[0], e["id"]))
    return listed


def events_json(listed: Sequence[dict[str, Any]]) -> str:
    """The ``framecmp events --format json`` document."""
    return json.dumps({"events": list(listed)}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def events_text(listed: Sequence[dict[str, Any]]) -> str:
    """The ``framecmp events`` text listing: one block per event, one line per article."""
    lines = []
    for event in listed:
        span = " to ".join(dict.fromkeys(event["dates"])) or "undated"
        lines.append(
            f"{event['id']}  {event['label']}  ({len(event['articles'])} articles, {span})"
        )
        for article in event["articles"]:
            why = "; ".join(
                f"{s['name']} {s['value']:.2f}: {s['detail']}" for s in article["signals"][:4]
            )
            lines.append(
                f"  {article['outlet']}  {article['date'] or '-'}  {article['path']}  "
                f"p={article['probability']:.2f}  {why}"
            )
        if event["related"]:
            lines.append(f"  same story as: {', '.join(event['related'])}")
    return "\n".join(_printable(line) for line in lines) + ("\n" if lines else "")


def _printable(text: str) -> str:
    # Article text is untrusted: no terminal control characters on the way out.
    return "".join(c if c.isprintable() or c == "\t" else "\ufffd" for c in text)


# --- reports -------------------------------------------------------------------------------------


def events_to_report(
    store: CorpusStore, written: Callable[[str], bool] = lambda _event: True
) -> list[tuple[str, tuple[int, ...]]]:
    """Events of two or more articles whose current articles differ from their last report,
    or whose reports are not all in the report folder (``written``: a new or cleaned folder
    gets every report, not only those of events that changed)."""
    by_event: dict[str, list[int]] = {}
    for assignment in store.assignments():
        by_event.setdefault(assignment.event_id, []).append(assignment.article_id)
    reported = store.reported()
    due = []
    for event_id in sorted(by_event):
        ids = tuple(sorted(by_event[event_id]))
        if len(ids) >= 2 and (reported.get(event_id) != ids or not written(event_id)):
            due.append((event_id, ids))
    return due


def report_selection(
    store: CorpusStore, article_ids: Sequence[int], limit: int
) -> tuple[tuple[int, ...], str | None]:
    """The articles an event's report compares, and a note when some are left out.

    An event's comparison costs about the square of its article count (every pair is aligned
    and tested), and a report of more than a dozen outlets is not read pair by pair: past
    ``limit`` articles, the report compares the ``limit`` most recent (by date, then the
    newest stored) and says so.
    """
    if len(article_ids) <= limit:
        return tuple(article_ids), None
    dates = store.article_dates(article_ids)
    newest = sorted(article_ids, key=lambda i: (dates.get(i) or "", i), reverse=True)[:limit]
    note = (
        f"this event has {len(article_ids)} articles; this batch report compares the {limit} "
        "most recent (by date, then the newest stored); `framecmp events` lists them all"
    )
    return tuple(sorted(newest)), note


def unique_ids(documents: Sequence[Document]) -> tuple[Document, ...]:
    """The same documents with doc ids unique inside one comparison."""
    from dataclasses import replace

    used: dict[str, int] = {}
    renamed = []
    for document in documents:
        count = used.get(document.doc_id, 0) + 1
        used[document.doc_id] = count
        doc_id = document.doc_id if count == 1 else f"{document.doc_id}-{count}"
        renamed.append(replace(document, doc_id=doc_id))
    return tuple(renamed)


def findings(comparison: Comparison) -> EventFindings:
    """Conflicting claims, the largest significant frame difference, terminology divergences."""
    conflicting = sum(
        1 for p in comparison.alignment.pairs if p.claim_relation.value == "conflicting"
    )
    frame_lexicons = {s.lexicon for s in comparison.lexicon_scores if s.kind == "frames"}
    largest = max(
        (
            abs(d.difference)
            for d in comparison.rate_differences
            if d.significant and d.lexicon in frame_lexicons
        ),
        default=0.0,
    )
    # An outlet's own words only: a quoted "special military operation" is the speaker's choice.
    used: dict[tuple[str, str], dict[str, frozenset[str]]] = {}
    for score in comparison.lexicon_scores:
        own = frozenset(h.term for h in score.hits if not h.quoted)
        if score.kind == "terminology" and own:
            used.setdefault((score.lexicon, score.category), {})[score.doc] = own
    divergent = tuple(
        f"{lexicon}:{category}"
        for (lexicon, category), terms in sorted(used.items())
        if len(terms) >= 2 and len(set(terms.values())) > 1
    )
    return EventFindings(conflicting, largest, divergent)


def fired_rules(
    reports: Sequence[EventReport], rules: Sequence[FailRule], frame_threshold: float
) -> tuple[FailRule, ...]:
    """The ``--fail-on`` rules some reported event breaks."""
    fired = []
    for rule in rules:
        if rule is FailRule.CONFLICTING_CLAIMS:
            hit = any(r.findings.conflicting_claims for r in reports)
        elif rule is FailRule.FRAME_DIFFERENCE:
            hit = any(r.findings.largest_frame_difference >= frame_threshold for r in reports)
        else:
            hit = any(r.findings.terminology_divergences for r in reports)
        if hit:
            fired.append(rule)
    return tuple(fired)


def index_markdown(listed: Sequence[dict[str, Any]], reported: dict[str, str]) -> str:
    """The index report: every event with its outlets, dates and a link to its report."""
    lines = ["# framecmp events", "", "| event | label | articles | outlets | dates | report |"]
    lines.append("|---|---|---|---|---|---|")
    for event in listed:
        stem = reported.get(event["id"])
        link = f"[Markdown]({stem}.md) · [HTML]({stem}.html)" if stem else "—"
        lines.append(
            f"| {event['id']} | {_md(event['label'])} | {len(event['articles'])} | "
            f"{_md(', '.join(event['outlets']))} | {' to '.join(dict.fromkeys(event['dates']))} "
            f"| {link} |"
        )
    return "\n".join(lines) + "\n"


def index_html(listed: Sequence[dict[str, Any]], reported: dict[str, str]) -> str:
    """The index report as a standalone HTML page."""
    rows = []
    for event in listed:
        stem = reported.get(event["id"])
        link = (
            f'<a href="{html.escape(stem)}.html">HTML</a> · <a href="{html.escape(stem)}.md">'
            "Markdown</a>"
            if stem
            else "—"
        )
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(cell))}</td>"
                for cell in (
                    event["id"],
                    event["label"],
                    len(event["articles"]),
                    ", ".join(event["outlets"]),
                    " to ".join(dict.fromkeys(event["dates"])),
                )
            )
            + f"<td>{link}</td></tr>"
        )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>framecmp events</title></head><body><h1>framecmp events</h1>\n"
        "<table><thead><tr><th>event</th><th>label</th><th>articles</th><th>outlets</th>"
        "<th>dates</th><th>report</th></tr></thead><tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table></body></html>\n"
    )


def _md(text: str) -> str:
    """Text made inert in the summary and index Markdown, as in the reports (``~~``, ``$``,
    entities and table pipes included: a review found strikethrough, math and decoded entities
    passing through the summary a pull request shows)."""
    return markdown_escape(text)


def summary_markdown(summary: BatchSummary, report_dir: Path) -> str:
    """A short Markdown summary for a CI job summary or pull-request comment."""
    ingest = summary.ingest
    lines = [
        "## framecmp batch",
        "",
        f"- articles: {ingest.added} added, {ingest.new_versions} new versions, "
        f"{ingest.unchanged} already stored, {len(ingest.skipped)} skipped",
        f"- events: {ingest.new_events} new; {len(summary.reports)} reports written "
        f"to `{report_dir}`",
    ]
    lines += [f"- note: {_md(note)}" for note in ingest.notes]
    if summary.did_nothing:
        lines.append("- nothing new: no report written")
    if summary.reports:
        lines += ["", "| event | label | outlets | conflicting claims | frame diff | terminology |"]
        lines.append("|---|---|---|---|---|---|")
        for r in summary.reports:
            lines.append(
                f"| {r.event_id} | {_md(r.label)} | {_md(', '.join(r.outlets))} | "
                f"{r.findings.conflicting_claims} | {r.findings.largest_frame_difference:.1f} | "
                f"{_md(', '.join(r.findings.terminology_divergences)) or '—'} |"
            )
    if summary.fired:
        lines += ["", f"**Failed rules:** {', '.join(rule.value for rule in summary.fired)}"]
    return "\n".join(lines) + "\n"


def summary_lines(summary: BatchSummary) -> str:
    """The machine-readable run summary: one JSON line per reported event, then the run."""
    lines = [
        json.dumps(
            {
                "type": "event",
                "event": r.event_id,
                "label": r.label,
                "articles": list(r.article_ids),
                "outlets": list(r.outlets),
                "reports": list(r.paths),
                "conflicting_claims": r.findings.conflicting_claims,
                "largest_frame_difference": round(r.findings.largest_frame_difference, 4),
                "terminology_divergences": list(r.findings.terminology_divergences),
            },
            sort_keys=True,
            ensure_ascii=False,
        )
        for r in summary.reports
    ]
    lines.append(
        json.dumps(
            {
                "type": "run",
                **summary.ingest.as_dict(),
                "reports": len(summary.reports),
                "index": list(summary.index_paths),
                "did_nothing": summary.did_nothing,
                "failed_rules": [rule.value for rule in summary.fired],
                "exit_code": int(summary.exit_code),
            },
            sort_keys=True,
            ensure_ascii=False,
        )
    )
    return "\n".join(lines) + "\n"
