"""The Python API: one function per CLI command, and the only place the stages are chained.

>>> import framecmp
>>> comparison = framecmp.compare(["data/bishkek-2025-11-27/tass.txt",
...                                "data/bishkek-2025-11-27/cgtn.txt"])
>>> comparison.same_event.verdict
True
>>> markdown = framecmp.render(comparison, "markdown")
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import logging
import os
import re
import signal
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO
from urllib.parse import urlsplit

from framecmp import report as report_stage
from framecmp.analysis import align as align_stage
from framecmp.analysis import event as event_stage
from framecmp.analysis import lexicon as lexicon_stage
from framecmp.analysis import score as score_stage
from framecmp.analysis import terms as terms_stage
from framecmp.analysis import voices as voices_stage
from framecmp.errors import FramecmpError, InputError, OutputError
from framecmp.ingest import clean as clean_stage
from framecmp.ingest import language as language_stage
from framecmp.ingest import load as load_stage
from framecmp.ingest.load import LoadOptions
from framecmp.model import (
    CANNOT_TELL_WARNING,
    NOT_ONE_EVENT_WARNING,
    Aligner,
    Article,
    CategoryScore,
    CleanText,
    Comparison,
    DistinctiveTerm,
    Document,
    EventRelation,
    Lexicon,
    PairSimilarity,
    Quote,
    RateDifference,
    Removal,
    SameEventVerdict,
    Settings,
    Tone,
    Voices,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from concurrent.futures import Executor
    from multiprocessing.connection import Connection

    from framecmp.corpus import batch as batch_stage
    from framecmp.corpus.store import CorpusStore, StoredDocument
from framecmp.text import segment as segment_stage
from framecmp.text.printable import one_line

# framecmp logs, and the application decides where to (a NullHandler, not logging's last resort).
logging.getLogger("framecmp").addHandler(logging.NullHandler())

DEFAULT_MIN_SCORE = align_stage.DEFAULT_MIN_SCORE
ALIGNERS = align_stage.ALIGNERS
DEFAULT_LEXICONS = lexicon_stage.DEFAULT_LEXICONS
DEFAULT_MAX_BYTES = load_stage.DEFAULT_MAX_BYTES
INPUT_FORMATS = load_stage.INPUT_FORMATS
REPORT_FORMATS = report_stage.FORMATS
MAX_DOCUMENTS = 26
# Words of input from which a comparison with workers=2 uses a second process
# (benchmarks/second_process.py, 8 Dec 2026, medians of 5 fresh runs each, wall s with one
# process / two: 3,163 words 0.195 / 0.197, 4,190 0.275 / 0.227, 6,247 0.425 / 0.268,
# 13,019 0.518 / 0.408, 40,472 1.714 / 1.197). At 4,139 words the whole-analysis benchmark
# (benchmarks/alignment_cost.py --whole, three runs each in turns) found two processes slower,
# 0.19-0.21 s against 0.13-0.19: within the runs' spread there, so the threshold is the next
# size measured where both agree it pays.
SECOND_PROCESS_MIN_WORDS = 6_000
REPORT_SLICE_EVENTS = 32  # events compared per slice of batch: bounds the documents in memory
# Articles a batch report compares at most (the most recent of a bigger event). A report's cost
# grows with the square of its articles: 0.8-1.1 s of CPU for the ~12 of an average event of
# the 1k benchmark corpus, ~9 s for the 20-60 of the big events of the 20k one
# (benchmarks/batch_scale.py); 12 outlets are 66 pairs, already more than anyone reads.
DEFAULT_REPORT_ARTICLES = 12
# Text analysed per document, after cleaning. A long feature is 10,000 words (~60,000
# characters); past 100,000 characters (about 16,000 words) an input is a dump, not an article,
# and only its start is compared.
# It bounds a comparison's time and memory whatever --max-bytes allows (benchmarks/bounded_cost.py).
MAX_ANALYSED_CHARS = 100_000
OVER_LENGTH = "over-length"
# Report file names name up to this many documents; longer lists get a hash (file systems
# refuse names over 255 bytes).
_MAX_NAMED_IDS = 4
_MAX_STEM_CHARS = 120
_REPORT_EXTENSIONS = {"markdown": ".md", "json": ".json", "html": ".html"}
_FORMAT_BY_EXTENSION = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}

Input = str | Path | Article
# What a folder given to ingest/batch is searched for; other files (READMEs, images) are skipped.


def load_articles(
    inputs: Sequence[Input],
    *,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    options: LoadOptions | None = None,
) -> tuple[Article, ...]:
    """Load every input: a path, a URL, "-" for stdin, article text (a str with a newline)."""
    return load_inputs(
        inputs,
        options=options or LoadOptions(input_format=input_format, max_bytes=max_bytes),
        stdin=stdin,
    )[0]


def load_inputs(
    inputs: Sequence[Input], *, options: LoadOptions, stdin: BinaryIO | None = None
) -> tuple[tuple[Article, ...], tuple[str, ...]]:
    """Every input's articles, and notes for the user (skipped records, repeated inputs)."""
    if isinstance(inputs, str | Path | Article):
        # a string is a sequence too: each of its characters would be read as an input
        raise FramecmpError("inputs: give a list of inputs (paths, URLs or texts), not one")
    if options.input_format not in INPUT_FORMATS:
        raise FramecmpError(
            f"--input-format {options.input_format!r}: choose one of {', '.join(INPUT_FORMATS)}"
        )
    articles: list[Article] = []
    notes: list[str] = []
    seen: dict[str, str] = {}
    for number, item in enumerate(inputs, start=1):
        if isinstance(item, Article):
            articles.append(item)
            continue
        if isinstance(item, str) and "\n" in item:
            articles.append(load_stage.load_text(item, path=f"<text {number}>"))
            continue
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(options.max_bytes + 1)
            if not isinstance(data, bytes):
                raise FramecmpError("stdin: give a binary stream (such as sys.stdin.buffer)")
            loaded = load_stage.load_stream_bytes(data, path="-", options=options)
        else:
            # One input cannot repeat another (ingest loads its files one by one; resolving
            # each path was a sixth of reading 20,000 files before any could be prepared).
            if len(inputs) > 1:
                key = str(item) if load_stage.is_url(str(item)) else _file_key(Path(item))
                if key in seen:
                    notes.append(f"{item}: the same input as {seen[key]}, given twice")
                seen.setdefault(key, str(item))
            loaded = load_stage.load_input(item, options)
        articles.extend(loaded.articles)
        notes.extend(loaded.notes)
    return tuple(articles), tuple(notes)


def _file_key(path: Path) -> str:
    try:
        return str(path.resolve(strict=False))
    except (OSError, RuntimeError):  # a symlink loop: load_input reports it
        return str(path)


# An outlet name longer than this is cut (with "…"): a 1,000,000-character outlet field made a
# 2 MB input a 63 MB HTML report (an adversarial review). Real names are far shorter.
MAX_OUTLET_CHARS = 80


def prepare_documents(
    articles: Sequence[Article], *, labels: Mapping[str, str] | None = None
) -> tuple[Document, ...]:
    """Clean and segment each article once; the Documents can be stored and reused."""
    labels = dict(labels or {})
    if empty := sorted(key for key, outlet in labels.items() if not one_line(outlet)):
        raise FramecmpError(f"--label {empty[0]}=: give the outlet a name")
    documents: list[Document] = []
    used_ids: set[str] = set()
    for position, article in enumerate(articles):
        cleaned = _bounded(clean_stage.clean(article))
        sentences = segment_stage.segment(cleaned.text)
        if not sentences:
            raise InputError(f"{article.path}: no sentences left after cleaning")
        label = _label_for(article, position, labels)
        # Outlets and titles come from labels and metadata, untrusted like the text: one
        # clean line each (an escape sequence in a name made every SVG chart invalid XML).
        outlet = one_line(
            label
            or article.outlet
            or cleaned.outlet_hint
            or _url_host(article.url)
            or _stem(article.path, position)
        ) or _stem(article.path, position)
        if len(outlet) > MAX_OUTLET_CHARS:  # it is repeated in every table row and evidence line
            outlet = outlet[: MAX_OUTLET_CHARS - 1].rstrip() + "\u2026"
        # An outlet written in another script (Cyrillic, say) has no ASCII slug: the id falls
        # back to the site's host, then the file name, so two such inputs never share "doc".
        slugs = (
            _slug(outlet),
            _slug(_url_host(article.url) or ""),
            _slug(_stem(article.path, position)),
        )
        doc_id = _unique_id(next((s for s in slugs if s), "doc"), used_ids)
        used_ids.add(doc_id)
        headline = next((r.text for r in cleaned.removed if r.kind == "headline"), None)
        documents.append(
            Document(
                doc_id=doc_id,
                outlet=outlet,
                path=article.path,
                text=cleaned.text,
                sentences=sentences,
                removed=(*article.removed, *cleaned.removed),
                date=article.date,
                title=one_line(article.title or headline or "") or None,
                url=article.url,
                place=cleaned.place_hint,
                encoding=article.encoding,
                language=language_stage.detect_language(cleaned.text),
            )
        )
    unknown = sorted(set(labels) - _label_keys(articles))
    if unknown:
        raise FramecmpError(f"--label {unknown[0]}=...: no input is called {unknown[0]!r}")
    return tuple(documents)


def _bounded(cleaned: CleanText) -> CleanText:
    """The cleaned text cut at MAX_ANALYSED_CHARS (at a paragraph or word break), the rest
    recorded as removed, so that the cost of a comparison has a ceiling."""
    text = cleaned.text
    if len(text) <= MAX_ANALYSED_CHARS:
        return cleaned
    cut = text.rfind("\n", 0, MAX_ANALYSED_CHARS)
    if cut < MAX_ANALYSED_CHARS // 2:
        cut = max(text.rfind(" ", 0, MAX_ANALYSED_CHARS), MAX_ANALYSED_CHARS // 2)
    rest = text[cut:].strip()
    note = Removal(
        OVER_LENGTH,
        f"{len(rest):,} characters after the first {cut:,} were not analysed: {rest[:80]}\u2026",
    )
    return dataclasses.replace(cleaned, text=text[:cut].rstrip(), removed=(*cleaned.removed, note))


def compare(
    inputs: Sequence[Input],
    *,
    labels: Mapping[str, str] | None = None,
    lexicons: Sequence[str] = DEFAULT_LEXICONS,
    min_score: float | None = None,
    aligner: Aligner | str = Aligner.LEXICAL,
    seed: int = 0,
    stem_terms: bool = False,
    background: str | Path | None = None,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    encoding: str | None = None,
    fields: Mapping[str, str] | None = None,
    skip_bad: bool = False,
    fetch_links: bool = False,
    cache_dir: str | Path | None = None,
    workers: int = 1,
) -> Comparison:
    """Align reports of one event and score how their wording and framing differ.

    ``workers=2``: long inputs may use a second process (``compare_documents``)."""
    options = _reading(input_format, max_bytes, encoding, fields, skip_bad, fetch_links, cache_dir)
    articles, notes = load_inputs(inputs, options=options, stdin=stdin)
    if len(articles) < 2:
        raise FramecmpError("compare needs at least two articles; give two or more inputs")
    if len(articles) > MAX_DOCUMENTS:
        raise FramecmpError(f"compare takes at most {MAX_DOCUMENTS} articles; got {len(articles)}")
    documents = prepare_documents(articles, labels=labels)
    notes = (*notes, *_same_texts(documents))
    background_counts: dict[str, int] | None = None
    if background:
        background_counts, skipped = _background_counts(background, options)
        notes = (*notes, *skipped)
    comparison = compare_documents(
        documents,
        lexicons=lexicon_stage.resolve(lexicons),
        min_score=min_score,
        aligner=aligner,
        seed=seed,
        stem_terms=stem_terms,
        background=background_counts,
        workers=workers,
    )
    if not notes:
        return comparison
    return dataclasses.replace(comparison, warnings=(*notes, *comparison.warnings))


def _reading(
    input_format: str,
    max_bytes: int,
    encoding: str | None,
    fields: Mapping[str, str] | None,
    skip_bad: bool,
    fetch_links: bool,
    cache_dir: str | Path | None = None,
) -> LoadOptions:
    """The load options of compare, ingest and batch (their parameters of the same names);
    a field role the records reader does not know is an error, as ``--field`` is."""
    if fields:
        from framecmp.ingest.records import parse_field_options  # records only: keep it lazy

        parse_field_options([f"{role}={name}" for role, name in fields.items()])
    return LoadOptions(
        input_format=input_format,
        max_bytes=max_bytes,
        encoding=encoding,
        fields=dict(fields or {}),
        skip_bad=skip_bad,
        fetch_links=fetch_links,
        cache_dir=str(cache_dir) if cache_dir is not None else None,
    )


def _same_texts(documents: Sequence[Document]) -> list[str]:
    """A note for each document whose cleaned text another already has (the same wire copy
    under two outlets, or one file twice under two names): its scores compare it with itself."""
    first: dict[str, Document] = {}
    notes = []
    for document in documents:
        key = " ".join(document.text.split())
        # one file given twice is noted by load_inputs already
        if key in first and first[key].path != document.path:
            notes.append(
                f"{document.doc_id}: the same text as {first[key].doc_id} (a syndicated copy, "
                "or one report saved twice); the two are compared as they are"
            )
        first.setdefault(key, document)
    return notes


def compare_documents(
    documents: Sequence[Document],
    *,
    lexicons: Sequence[Lexicon],
    min_score: float | None = None,
    aligner: Aligner | str = Aligner.LEXICAL,
    seed: int = 0,
    stem_terms: bool = False,
    background: Mapping[str, int] | None = None,
    workers: int = 1,
) -> Comparison:
    """Run the cross-document stages on prepared documents.

    ``min_score`` defaults to the aligner's own threshold (``align.default_min_score``).
    ``workers=2`` lets long inputs use a second process (``_framing_beside``); the result is
    the same either way.
    """
    aligner = Aligner.of(aligner)
    if min_score is None:
        min_score = align_stage.default_min_score(aligner)
    if isinstance(min_score, bool) or not isinstance(min_score, int | float):
        raise FramecmpError(f"--min-score {min_score!r}: give a number")
    if not 0.0 < min_score <= 1.0:
        raise FramecmpError(f"--min-score {min_score}: must be above 0 and at most 1")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise FramecmpError(f"--seed {seed!r}: give a whole number, 0 or more")
    if seed < 0:
        raise FramecmpError(f"--seed {seed}: must be 0 or more")
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise FramecmpError(f"--workers {workers!r}: give 1 or more")
    quotes = tuple(q for d in documents for q in voices_stage.extract_quotes(d))
    framing = _FramingJob(documents, quotes, tuple(lexicons), stem_terms, background, seed)
    # The framing stages do not read the alignment: on long inputs they run in a second
    # process while this one aligns (``_framing_beside``).
    with _framing_beside(framing, workers) as beside:
        alignment = align_stage.align(
            documents, min_score=min_score, aligner=aligner, quotes=quotes
        )
        found = beside.result()
    comparison = Comparison(
        documents=tuple(documents),
        settings=Settings(
            min_score=min_score,
            aligner=aligner,
            lexicons=tuple(lex.name for lex in lexicons),
            seed=seed,
            stem_terms=stem_terms,
        ),
        alignment=alignment,
        same_event=found.same_event,
        similarity=found.similarity,
        distinctive_terms=found.distinctive_terms,
        lexicon_scores=found.lexicon_scores,
        rate_differences=found.rate_differences,
        quotes=quotes,
        voices=found.voices,
        tone=found.tone,
    )
    return dataclasses.replace(comparison, warnings=_warnings(comparison))


@dataclasses.dataclass(frozen=True, slots=True)
class _Framing:
    """What the stages beside the alignment find: they read the documents and quotes only."""

    same_event: SameEventVerdict
    similarity: tuple[PairSimilarity, ...]
    distinctive_terms: tuple[DistinctiveTerm, ...]
    lexicon_scores: tuple[CategoryScore, ...]
    rate_differences: tuple[RateDifference, ...]
    voices: tuple[Voices, ...]
    tone: tuple[Tone, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class _FramingJob:
    """The inputs of the stages beside the alignment."""

    documents: Sequence[Document]
    quotes: tuple[Quote, ...]
    lexicons: tuple[Lexicon, ...]
    stem_terms: bool
    background: Mapping[str, int] | None
    seed: int

    def run(self) -> _Framing:
        """The same-event verdict and the framing statistics."""
        documents, quotes = self.documents, self.quotes
        # Stop words, lexicons, stems and VADER are English: other languages get none of them.
        english = [d for d in documents if language_stage.is_english(d)]
        lexicon_scores = tuple(score_stage.score_lexicons(english, self.lexicons, quotes))
        return _Framing(
            same_event=event_stage.judge_same_event(documents, None, quotes),
            similarity=tuple(terms_stage.pairwise_similarity(documents)),
            # Only English documents enter the log-odds pool: a report in another language
            # counts zero of every English word and would make the others' words look
            # distinctive.
            distinctive_terms=tuple(
                terms_stage.distinctive_terms(
                    english, background=self.background, stem=self.stem_terms, quotes=quotes
                )
            ),
            lexicon_scores=lexicon_scores,
            rate_differences=tuple(
                score_stage.rate_differences(english, lexicon_scores, quotes=quotes, seed=self.seed)
            ),
            voices=tuple(
                voices_stage.voices(d, [q for q in quotes if q.doc == d.doc_id]) for d in documents
            ),
            tone=tuple(
                voices_stage.tone(d, [q for q in quotes if q.doc == d.doc_id]) for d in english
            ),
        )


class _FramingHere:
    """The framing stages run in this process, when asked for their result."""

    def __init__(self, job: _FramingJob) -> None:
        self._job = job

    def result(self) -> _Framing:
        return self._job.run()


class _FramingForked:
    """The framing stages running in a forked process, which sends back what they found."""

    def __init__(self, job: _FramingJob) -> None:
        import multiprocessing

        self._job = job
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        # A fork copies the job: nothing is pickled on the way there, only the result back.
        self._process = context.Process(
            target=_run_forked, args=(job, sender, self._receiver, os.getpid()), daemon=True
        )
        try:
            self._process.start()
        except BaseException:
            self._receiver.close()  # no process: the caller runs the stages here
            raise
        finally:
            sender.close()

    def result(self) -> _Framing:
        """What the other process found; computed here if it died (killed, out of memory),
        before or while sending, or failed (here the error is raised as from any stage)."""
        try:
            found = self._receiver.recv()
        except (EOFError, OSError):  # OSError: "got end of file during message"
            found = None
        except BaseException:
            self.stop()  # an interrupt while waiting: do not wait for the other process
            raise
        self._receiver.close()
        self._process.join()
        return found if isinstance(found, _Framing) else self._job.run()

    def stop(self) -> None:
        self._process.kill()
        self._process.join()
        self._receiver.close()


def _run_forked(job: _FramingJob, sender: Connection, receiver: Connection, parent: int) -> None:
    """The forked process: an interrupt or SIGTERM is the first process's to handle (the CLI's
    SIGTERM handler, inherited, printed a traceback here), and this one dies with it (Linux);
    any failure sends None, so the first process runs the stages itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent(parent)
    # Only the first process reads: if it stops reading, sending fails here instead of
    # blocking for ever on a full pipe this process would hold open.
    receiver.close()
    try:
        found: _Framing | None = job.run()
    except BaseException:  # the first process runs the stages again and reports the error
        found = None
    with contextlib.suppress(OSError):  # the first process is gone or stopped reading
        sender.send(found)
    sender.close()


def _threads_running() -> bool:
    """Whether a thread besides this one runs: the kernel's count (Linux), which also sees
    threads the ``threading`` module does not (a thread pool of a C library, a raw
    ``_thread``); the module's count elsewhere."""
    import threading

    try:
        return len(os.listdir("/proc/self/task")) > 1 or threading.active_count() > 1
    except OSError:
        return threading.active_count() > 1


@contextlib.contextmanager
def _framing_beside(job: _FramingJob, workers: int) -> Iterator[_FramingHere | _FramingForked]:
    """The framing stages in a second process, or here where that would not pay or is not
    safe.

    It pays on long inputs (README, Performance: ``benchmarks/alignment_cost.py --whole
    --workers 2``, ``benchmarks/second_process.py``). It is used only with ``workers`` >= 2,
    inputs of ``SECOND_PROCESS_MIN_WORDS`` words or more, on Linux (a fork; macOS's system
    libraries are not fork-safe), with no other thread running (a fork copies one thread:
    another's locks could stay held for ever; numpy's BLAS threads count, which is why the CLI
    asks for one, ``cli._one_blas_thread``), and not inside a daemonic process (batch workers,
    which may not have children). A failed fork runs the stages here.
    """
    if (
        workers < 2
        or len(job.documents) < 2
        or sum(len(d.text.split()) for d in job.documents) < SECOND_PROCESS_MIN_WORDS
        or not sys.platform.startswith("linux")
    ):
        yield _FramingHere(job)  # before importing multiprocessing (~12 ms)
        return
    import multiprocessing

    if _threads_running() or multiprocessing.current_process().daemon:
        yield _FramingHere(job)
        return
    try:
        forked = _FramingForked(job)
    except OSError:  # no fork (a process or file limit): one process, as with workers=1
        yield _FramingHere(job)
        return
    try:
        yield forked
    except BaseException:
        forked.stop()  # an error or an interrupt here: do not wait for the other process
        raise


def load_background_dir(
    directory: str | Path, *, input_format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES
) -> dict[str, int]:
    """Term counts of every article file in a directory, as the log-odds prior's background."""
    folder = Path(directory)
    counts, _skipped = _background_counts(
        folder, LoadOptions(input_format=input_format, max_bytes=max_bytes)
    )
    return counts


def _background_counts(
    directory: str | Path, options: LoadOptions
) -> tuple[dict[str, int], tuple[str, ...]]:
    """Background term counts, and a note for each file that could not be read and was skipped."""
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError(f"{folder}: --background needs a directory of article files")
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    if not paths:
        raise InputError(f"{folder}: --background directory holds no files")
    documents: list[Document] = []
    skipped: list[str] = []
    for path in paths:
        try:
            loaded = load_stage.load_input(path, options)
            documents.extend(prepare_documents(loaded.articles))
        except InputError as err:
            skipped.append(f"--background: skipped {err}")
    if not documents:
        raise InputError(f"{folder}: no readable article in the --background directory")
    return terms_stage.background_from_documents(documents), tuple(skipped)


def render(comparison: Comparison, fmt: str) -> str:
    """The comparison as a "markdown", "json" or "html" report, or "text" for the terminal view."""
    if fmt == "text":
        from framecmp.report.terminal import render_text

        return render_text(comparison)
    return report_stage.render_report(comparison, fmt)


def render_summary(comparison: Comparison, fmt: str) -> str:
    """The short summary alone: Markdown for "markdown", plain text lines otherwise."""
    if fmt == "markdown":
        from framecmp.report.markdown import render_summary_markdown

        return render_summary_markdown(comparison)
    from framecmp.report.views import summary_lines

    verdict, note, *differences = summary_lines(comparison)
    return "\n".join([verdict, note, *(f"- {line}" for line in differences)]) + "\n"


def write_report(comparison: Comparison, path: str | Path, fmt: str | None = None) -> Path:
    """Write one report atomically; the format defaults to the file extension."""
    target = Path(path)
    chosen = fmt or format_for_path(target)
    check_output_path(target)
    report_stage.write_report_atomically(target, render(comparison, chosen))
    return target


def write_report_dir(
    comparison: Comparison,
    directory: str | Path,
    formats: Sequence[str] = REPORT_FORMATS,
    *,
    reads: Sequence[str | Path] = (),
) -> tuple[Path, ...]:
    """Write Markdown, JSON and HTML reports named after the documents into a directory; none
    may replace an input or a file of ``reads`` (lexicon and background files the run read)."""
    if unknown := [fmt for fmt in formats if fmt not in _REPORT_EXTENSIONS]:
        raise FramecmpError(
            f"format {unknown[0]!r}: choose from {', '.join(sorted(_REPORT_EXTENSIONS))}"
        )
    stem = report_stem(tuple(d.doc_id for d in comparison.documents))
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(
            f"{folder}: cannot create the report directory ({err.strerror})"
        ) from None
    targets = [folder / f"{stem}{_REPORT_EXTENSIONS[fmt]}" for fmt in formats]
    _refuse_replacing_sources(targets, [d.path for d in comparison.documents], reads)
    # Every report is rendered before any is written, and written to temporary files that
    # replace the old reports only once all are written: an interrupt or a failed write leaves
    # the folder as it was, not new Markdown beside an old HTML report.
    rendered = [
        (target, render(comparison, fmt)) for target, fmt in zip(targets, formats, strict=True)
    ]
    report_stage.write_reports_atomically(
        [(target, text.encode("utf-8")) for target, text in rendered]
    )
    return tuple(targets)


def _refuse_replacing_sources(
    targets: Sequence[Path], inputs: Sequence[str | Path], reads: Sequence[str | Path]
) -> None:
    """Refuse, before writing any, report files that would replace a file the run read (a
    report named after the documents may carry an input's name)."""
    for target in targets:
        report_stage.check_replaceable(target)
        if (replaced := read_by(target, inputs, reads)) is not None:
            raise OutputError(f"{target}: {replaced}; use another --report-dir")


def write_plots(comparison: Comparison, directory: str | Path) -> tuple[Path, ...]:
    """Write the report's charts as SVG and PNG files (for papers and slides) into a directory:
    ``<stem>-frames``, ``-differences`` and ``-similarity``."""
    from framecmp.report.charts import CHART_NAMES, charts, render_svg
    from framecmp.report.plots import render_png

    stem = report_stem(tuple(d.doc_id for d in comparison.documents))
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{folder}: cannot create the plot directory ({err.strerror})") from None
    written: list[Path] = []
    for name, chart in zip(CHART_NAMES, charts(comparison), strict=True):
        svg = folder / f"{stem}-{name}.svg"
        report_stage.write_report_atomically(
            svg, '<?xml version="1.0" encoding="utf-8"?>\n' + render_svg(chart) + "\n"
        )
        png = folder / f"{stem}-{name}.png"
        report_stage.write_bytes_atomically(png, render_png(chart))
        written.extend([svg, png])
    return tuple(written)


def report_stem(doc_ids: Sequence[str]) -> str:
    """A short file name for a comparison's reports: the ids, or the first ones and a hash."""
    stem = "-vs-".join(doc_ids)
    if len(doc_ids) <= _MAX_NAMED_IDS and len(stem) <= _MAX_STEM_CHARS:
        return stem
    digest = hashlib.sha256("\n".join(doc_ids).encode("utf-8")).hexdigest()[:8]
    return f"{'-vs-'.join(doc_ids[:2])}-and-{len(doc_ids) - 2}-more-{digest}"


def check_output_path(
    path: str | Path, inputs: Sequence[str | Path] = (), reads: Sequence[str | Path] = ()
) -> None:
    """Refuse a report path whose directory does not exist, that is no regular file (a link, a
    pipe, a device), or that would replace something the run reads: one of the ``inputs`` or a
    file inside an input folder, or one of the other files it ``reads`` (lexicon and
    background files); before any work is done."""
    parent = Path(path).parent
    if not parent.is_dir():
        raise OutputError(f"{path}: directory {parent} does not exist; create it first")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"{path}: cannot write in directory {parent}")
    if Path(path).is_dir():
        raise OutputError(f"{path}: is a directory; give a file name")
    report_stage.check_replaceable(Path(path))
    if (replaced := read_by(Path(path), inputs, reads)) is not None:
        raise OutputError(f"{path}: {replaced}; write the report to another file")


def read_by(
    target: Path, inputs: Sequence[str | Path], reads: Sequence[str | Path] = ()
) -> str | None:
    """How writing ``target`` would replace what the run reads: "is one of the inputs", "is a
    file inside the input folder X" or "is a file this run reads" (``reads``); None when it
    would not."""
    resolved = target.resolve()

    def replaces(given: str) -> tuple[bool, bool]:
        """(is that path, is a file inside that folder)."""
        if given == "-" or load_stage.is_url(given):
            return False, False
        source = Path(given).resolve()
        inside = source.is_dir() and resolved.is_relative_to(source) and resolved.exists()
        return source == resolved, inside

    for given in map(str, inputs):
        same, inside = replaces(given)
        if same:
            return "is one of the inputs"
        if inside:
            return f"is a file inside the input folder {given}"
    if any(any(replaces(str(given))) for given in reads):
        return "is a file this run reads"
    return None


def format_for_path(path: Path) -> str:
    """The report format a file extension asks for."""
    fmt = _FORMAT_BY_EXTENSION.get(path.suffix.lower())
    if fmt is None:
        raise FramecmpError(
            f"{path}: cannot tell the report format from the extension; use --format"
        )
    return fmt


def list_lexicons() -> tuple[Lexicon, ...]:
    """Every bundled lexicon."""
    return tuple(lexicon_stage.load_bundled(name) for name in lexicon_stage.bundled_names())


def show_lexicon(spec: str) -> Lexicon:
    """A bundled lexicon by name, or a lexicon file by path."""
    return lexicon_stage.resolve([spec])[0]


def check_lexicon(
    path: str | Path, inputs: Sequence[Input] = ()
) -> tuple[Lexicon, tuple[Document, ...], tuple[CategoryScore, ...]]:
    """Validate a lexicon file; with inputs, also score them to show what it matches."""
    lexicon = lexicon_stage.load_file(path)
    if not inputs:
        return lexicon, (), ()
    documents = prepare_documents(load_articles(inputs))
    return lexicon, documents, score_stage.score_lexicons(documents, [lexicon])


# --- corpus store, events and batch ----------------------------------------------------------
# framecmp.corpus is imported inside these functions: `compare` never pays for it.

DEFAULT_DB = "framecmp.db"
WORKER_NICENESS = 5  # see _lower_priority


def ingest(
    inputs: Sequence[Input],
    *,
    db: str | Path = DEFAULT_DB,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: batch_stage.Progress | None = None,
    rehash: bool = False,
    encoding: str | None = None,
    fields: Mapping[str, str] | None = None,
    skip_bad: bool = False,
    fetch_links: bool = False,
) -> batch_stage.IngestSummary:
    """Add articles (files, folders, records) to the corpus store and assign them to events.

    ``encoding``, ``fields``, ``skip_bad`` and ``fetch_links`` read the inputs as
    ``compare``'s options of the same names do."""
    from framecmp.corpus.store import CorpusStore

    options = _reading(input_format, max_bytes, encoding, fields, skip_bad, fetch_links)
    with CorpusStore(db, for_run=True) as store, _executor(workers, scheduler) as executor:
        return _ingest_unread(store, inputs, options, executor, progress, rehash=rehash)


def events(db: str | Path = DEFAULT_DB, *, since: str | None = None) -> list[dict[str, Any]]:
    """The stored corpus grouped into events (see docs/cli.md for the JSON shape)."""
    from framecmp.corpus import batch as batch_stage
    from framecmp.corpus.store import CorpusStore

    if since is not None and not _is_iso_day(since):
        raise FramecmpError(f"--since {since!r}: write the date as YYYY-MM-DD")
    if not Path(db).is_file():
        raise InputError(f"{db}: no corpus store here; run framecmp ingest first")
    with CorpusStore(db) as store:
        return batch_stage.list_events(store, since=since)


def batch(
    inputs: Sequence[Input],
    *,
    db: str | Path = DEFAULT_DB,
    report_dir: str | Path = "reports",
    fail_on: Sequence[batch_stage.FailRule | str] = (),
    frame_threshold: float | None = None,  # None: batch.DEFAULT_FRAME_DIFFERENCE
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: batch_stage.Progress | None = None,
    rehash: bool = False,
    encoding: str | None = None,
    fields: Mapping[str, str] | None = None,
    skip_bad: bool = False,
    fetch_links: bool = False,
    max_report_articles: int = DEFAULT_REPORT_ARTICLES,
) -> batch_stage.BatchSummary:
    """Ingest, assign to events, and report every event that gained articles, plus an index.

    ``fail_on`` names rules as ``FailRule`` members or their names (``"conflicting-claims"``,
    ``"frame-difference"``, ``"terminology"``), checked before any work."""
    from framecmp.corpus import batch as batch_stage
    from framecmp.corpus.store import CorpusStore

    rules = _fail_rules(fail_on)
    if frame_threshold is None:
        frame_threshold = batch_stage.DEFAULT_FRAME_DIFFERENCE
    if max_report_articles < 2:
        raise FramecmpError(
            f"--max-report-articles {max_report_articles}: a report compares at least 2"
        )
    options = _reading(input_format, max_bytes, encoding, fields, skip_bad, fetch_links)
    folder = Path(report_dir)
    written: list[batch_stage.EventReport] = []
    with CorpusStore(db, for_run=True) as store, _executor(workers, scheduler) as executor:
        ingested = _ingest_unread(
            store, inputs, options, executor, progress, rehash=rehash, written=(Path(report_dir),)
        )
        due = batch_stage.events_to_report(
            store,
            lambda event: all(
                (folder / f"{event}{suffix}").is_file() for suffix in _REPORT_EXTENSIONS.values()
            ),
        )
        labels = store.events()
        number = 0
        # A slice of events at a time, so only their documents are in memory at once; the
        # next slice is submitted before this one is written, so no worker waits for it.
        slices = [
            due[start : start + REPORT_SLICE_EVENTS]
            for start in range(0, len(due), REPORT_SLICE_EVENTS)
        ]

        def submit(
            chunk: Sequence[tuple[str, tuple[int, ...]]],
        ) -> tuple[
            list[list[StoredDocument]],
            Iterator[tuple[dict[str, str], batch_stage.EventFindings]],
        ]:
            selected = [
                batch_stage.report_selection(store, ids, max_report_articles) for _, ids in chunk
            ]
            jobs = [store.stored_documents(ids) for ids, _ in selected]
            notes = [note for _, note in selected]
            if executor is not None and len(jobs) > 1:
                in_worker = functools.partial(compare_stored_event, in_worker=True)
                return jobs, executor.map(in_worker, jobs, notes)
            return jobs, map(compare_stored_event, jobs, notes)  # lazy: compared as written

        pending = submit(slices[0]) if slices else ([], iter(()))
        for position, chunk in enumerate(slices):
            jobs, results = pending
            if position + 1 < len(slices):
                pending = submit(slices[position + 1])
            for (event_id, ids), documents, (rendered, found) in zip(
                chunk, jobs, results, strict=True
            ):
                paths = []
                for fmt, text in sorted(rendered.items()):
                    target = folder / f"{event_id}{_REPORT_EXTENSIONS[fmt]}"
                    report_stage.write_report_atomically(target, text)
                    paths.append(str(target))
                written.append(
                    batch_stage.EventReport(
                        event_id,
                        labels.get(event_id, ""),
                        ids,
                        tuple(sorted({d.outlet for d in documents})),
                        tuple(paths),
                        found,
                    )
                )
                number += 1
                if progress:
                    progress("report", number, len(due))
        index_paths: tuple[str, ...] = ()
        if written or ingested.assigned:
            listed = batch_stage.list_events(store)
            # this run's reports are recorded at its end (below), the index links them now
            reported = {
                event_id: event_id
                for event_id in sorted({*store.reported(), *(r.event_id for r in written)})
            }
            index_md = folder / f"{batch_stage.INDEX_NAME}.md"
            index_html = folder / f"{batch_stage.INDEX_NAME}.html"
            report_stage.write_report_atomically(
                index_md, batch_stage.index_markdown(listed, reported)
            )
            report_stage.write_report_atomically(
                index_html, batch_stage.index_html(listed, reported)
            )
            index_paths = (str(index_md), str(index_html))
        # Recorded only now, once every report and the index are written: an event counts as
        # reported when a finished run has checked its --fail-on rules. A run stopped earlier
        # leaves its reports on disk, and the next run reports (and checks) those events again.
        with store.transaction():
            for report in written:
                store.record_report(report.event_id, report.article_ids, list(report.paths))
    fired = batch_stage.fired_rules(written, rules, frame_threshold)
    return batch_stage.BatchSummary(ingested, tuple(written), index_paths, fired)


def _is_iso_day(text: str) -> bool:
    """True for a real day written YYYY-MM-DD ("2025-13-45" is none)."""
    import datetime

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _fail_rules(names: Sequence[batch_stage.FailRule | str]) -> tuple[batch_stage.FailRule, ...]:
    from framecmp.corpus.batch import FailRule

    if isinstance(names, str):
        names = [names]
    rules = []
    for name in names:
        try:
            rules.append(FailRule(name))
        except ValueError:
            choices = ", ".join(rule.value for rule in FailRule)
            raise FramecmpError(f"fail_on {name!r}: choose from {choices}") from None
    return tuple(rules)


def prepare_article(article: Article) -> Document:
    """Worker: the per-document preparation ``compare`` does, for one article."""
    return prepare_documents([article])[0]


@functools.cache
def _bundled_lexicons() -> tuple[Lexicon, ...]:
    # Once per worker process, not once per event.
    return tuple(lexicon_stage.resolve(DEFAULT_LEXICONS))


def compare_stored_event(
    stored: Sequence[StoredDocument], note: str | None = None, *, in_worker: bool = False
) -> tuple[dict[str, str], batch_stage.EventFindings]:
    """Worker: ``compare_event`` of documents sent as the store keeps them."""
    from framecmp.corpus import batch as batch_stage

    documents = batch_stage.unique_ids([d.load() for d in stored])
    return compare_event(documents, note, in_worker=in_worker)


def compare_event(
    documents: Sequence[Document], note: str | None = None, *, in_worker: bool = False
) -> tuple[dict[str, str], batch_stage.EventFindings]:
    """Worker: one event's comparison, rendered in every report format, and its findings;
    ``note`` (what the report leaves out) is shown first among its warnings. ``in_worker``:
    this is a batch worker process, whose heap framecmp may freeze (``gc.freeze``); never the
    caller's, where a frozen heap would keep the caller's reference cycles forever."""
    from framecmp.corpus import batch as batch_stage

    # An event allocates millions of objects that reference counting frees, and few cycles:
    # collections during it cost ~7 ms of its ~145 ms CPU (500-article ECB+ batch).
    with batch_stage.collection_paused():
        comparison = compare_documents(documents, lexicons=_bundled_lexicons())
        if note is not None:
            comparison = dataclasses.replace(comparison, warnings=(note, *comparison.warnings))
        rendered = report_stage.render_reports(comparison, REPORT_FORMATS)
    if in_worker:
        _freeze_loaded_objects()
    return rendered, batch_stage.findings(comparison)


@functools.cache
def _freeze_loaded_objects() -> None:
    """Once per process, after its first event has loaded lexicons, models and templates:
    keep those out of every later garbage collection. Full collections walking them were ~10%
    of a batch worker's CPU (19 of 191 ms per event, 500-article ECB+ batch); objects that
    are freed still are, by reference counting."""
    gc.freeze()


@dataclasses.dataclass(frozen=True, slots=True)
class _Unread:
    """The inputs a store has not seen as they are now, loaded."""

    articles: tuple[Article, ...]
    files: tuple[batch_stage.ReadFile, ...]
    options_key: str
    unchanged_articles: int  # articles of files not read because they are unchanged
    notes: tuple[str, ...]  # what loading left out or could not read
    skipped: tuple[tuple[str, str], ...]  # (input, reason): unreadable, with skip_bad


def _load_unread(
    store: CorpusStore,
    inputs: Sequence[Input],
    options: LoadOptions,
    *,
    rehash: bool,
    written: Sequence[Path] = (),
) -> _Unread:
    """Load every input except local files the store recorded with the same size and mtime
    (``CorpusStore.unchanged_files`` says what is trusted); ``rehash`` reads them all."""
    from framecmp.corpus.batch import ReadFile, skipped_input
    from framecmp.corpus.store import FileStat

    if options.input_format not in INPUT_FORMATS:
        raise FramecmpError(
            f"--input-format {options.input_format!r}: choose one of {', '.join(INPUT_FORMATS)}"
        )
    # a folder scan leaves out what the run itself writes: the store (and its lock and
    # journal files) and the reports (a second `batch .` read its own JSON report as records)
    expanded = _expand_folders(inputs, store=store.path, written=written)
    # everything that changes what a file's articles are: a file read under other options is
    # read again
    options_key = (
        f"{options.input_format}|{options.max_bytes}|{options.encoding}|"
        f"{sorted(options.fields.items())}|{options.skip_bad}|{options.fetch_links}"
    )
    stats: dict[int, FileStat] = {}
    for position, item in enumerate(expanded):
        if isinstance(item, Article) or str(item) == "-" or load_stage.is_url(str(item)):
            continue
        if isinstance(item, str) and "\n" in item:
            continue
        try:
            found = os.stat(item)
        except OSError:
            continue  # load_input says what is wrong with it
        stats[position] = FileStat(
            load_stage.printable_path(os.path.normpath(str(item))), found.st_size, found.st_mtime_ns
        )
    unchanged = {} if rehash else store.unchanged_files(list(stats.values()), options_key)
    articles: list[Article] = []
    files: list[ReadFile] = []
    notes: list[str] = []
    skipped: list[tuple[str, str]] = []
    skipped_articles = 0
    for position, item in enumerate(expanded):
        stat = stats.get(position)
        if stat is not None and stat.path in unchanged:
            skipped_articles += unchanged[stat.path]
            continue
        try:
            loaded, loading_notes = load_inputs([item], options=options)
        except InputError as err:
            # One unreadable file in a folder of new articles need not stop a CI run. It is
            # not recorded as read, so the next run tries it again and says so again.
            if not options.skip_bad:
                raise
            skipped.append(skipped_input(str(item), err))
            continue
        notes.extend(loading_notes)
        if stat is not None:
            files.append(ReadFile(stat, len(articles), len(loaded)))
        articles.extend(loaded)
    return _Unread(
        tuple(articles), tuple(files), options_key, skipped_articles, tuple(notes), tuple(skipped)
    )


def _ingest_unread(
    store: CorpusStore,
    inputs: Sequence[Input],
    options: LoadOptions,
    executor: Executor | None,
    progress: batch_stage.Progress | None,
    *,
    rehash: bool,
    written: Sequence[Path] = (),
) -> batch_stage.IngestSummary:
    """Load what the store has not seen as it is now, prepare it and assign it to events;
    ``written``: folders this run writes into, never read from an input folder."""
    from framecmp.corpus import batch as batch_stage

    unread = _load_unread(store, inputs, options, rehash=rehash, written=written)
    summary = batch_stage.ingest(
        store,
        unread.articles,
        prepare_article,
        executor=executor,
        progress=progress,
        files=unread.files,
        load_options=unread.options_key,
        unchanged_unread=unread.unchanged_articles,
    )
    return dataclasses.replace(
        summary,
        notes=(*unread.notes, *summary.notes),
        skipped=(*unread.skipped, *summary.skipped),
    )


def _expand_folders(
    inputs: Sequence[Input], *, store: Path | None = None, written: Sequence[Path] = ()
) -> list[Input]:
    """Folders as the article files inside them, leaving out the ``store`` file with its
    companions ("framecmp.db.lock", "framecmp.db-journal") and the folders the run writes."""
    store_file = store.resolve() if store is not None else None
    folders = [folder.resolve() for folder in written]

    def wanted(path: Path, folder: Path) -> bool:
        resolved = path.resolve()
        if (
            store_file is not None
            and resolved.parent == store_file.parent
            and resolved.name.startswith(store_file.name)
        ):
            return False
        if any(resolved.is_relative_to(written_folder) for written_folder in folders):
            return False
        # hidden files and folders inside it, not those above it (~/.cache/news)
        return not any(part.startswith(".") for part in path.relative_to(folder).parts)

    expanded: list[Input] = []
    for item in inputs:
        if isinstance(item, str | Path) and str(item) != "-" and Path(item).is_dir():
            expanded.extend(
                sorted(
                    p
                    for p in Path(item).rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in load_stage.ARTICLE_EXTENSIONS
                    and wanted(p, Path(item))
                )
            )
        else:
            expanded.append(item)
    return expanded


_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


@contextlib.contextmanager
def _executor(workers: int | None, scheduler: str | None) -> Iterator[Executor | None]:
    """A Dask cluster's executor, a local process pool, or None (one process)."""
    if scheduler is not None:
        try:
            from distributed import Client
        except ImportError:
            raise FramecmpError(
                "--scheduler needs dask.distributed: pip install 'framecmp[dask]'"
            ) from None
        try:
            client = Client(scheduler, timeout=30)  # type: ignore[no-untyped-call]
        except OSError as err:
            raise FramecmpError(f"--scheduler {scheduler}: cannot connect ({err})") from None
        try:
            yield client.get_executor()  # type: ignore[no-untyped-call]
        finally:
            client.close()  # type: ignore[no-untyped-call]
        return
    if workers is not None and workers < 1:
        raise FramecmpError(f"--workers {workers}: give 1 or more")
    count = workers if workers is not None else usable_cores()
    if count <= 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    # Workers yield to the main process, whose event assignment is the serial part of a run.
    pool = ProcessPoolExecutor(
        max_workers=count, initializer=_lower_priority, initargs=(os.getpid(),)
    )
    try:
        yield pool
    except BaseException:
        # an interrupt or an error: drop the work not started instead of finishing it all
        # (the workers die with this process, see _lower_priority)
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, as ``taskset`` sets it), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def _lower_priority(parent: int) -> None:
    """Worker initializer: nice +5 (on POSIX), so the main process keeps its core; cyclic
    garbage collection on, as a fork copies the main process's, which ingest pauses
    (``batch.collection_paused``). An interrupt is the main process's to handle (a worker's own
    KeyboardInterrupt printed its traceback), and a worker dies with the main process (Linux):
    a run stopped by SIGTERM or SIGKILL left its workers alive, holding the store's run lock
    they inherited, so every later run waited for ever."""
    gc.enable()
    with contextlib.suppress(AttributeError, OSError):
        os.nice(WORKER_NICENESS)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """prctl(PR_SET_PDEATHSIG, SIGKILL) where the C library has it (Linux), then exit at once if
    ``parent`` died before that took effect (its children are then adopted by another
    process: the signal will never come). The C library is the program's own symbols:
    ``ctypes.util.find_library`` runs ldconfig, ~30 ms in which a killed parent left an
    orphan for good."""
    import ctypes

    with contextlib.suppress(AttributeError, OSError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


# --- labels and ids ---------------------------------------------------------------------------


def _stem(path: str, position: int) -> str:
    if path == "-":
        return "stdin"
    if path.startswith("<"):
        return f"text-{position + 1}"
    name = Path(path.split("#", 1)[0]).stem
    return f"{name}-{path.split('#', 1)[1]}" if "#" in path else name


def _url_host(url: str | None) -> str | None:
    """The host of an article's URL without "www.", the outlet when nothing names it."""
    if not url:
        return None
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def _position_keys(position: int) -> tuple[str, ...]:
    keys = [str(position + 1)]
    if position < 26:
        keys.append("abcdefghijklmnopqrstuvwxyz"[position])
    return tuple(keys)


def _label_for(article: Article, position: int, labels: Mapping[str, str]) -> str | None:
    keys = dict.fromkeys((article.path, _stem(article.path, position), *_position_keys(position)))
    given = [key for key in keys if key in labels]
    if len(given) > 1:
        raise FramecmpError(
            f"--label is given twice for {article.path} (as {' and '.join(given)}); give one"
        )
    return labels[given[0]] if given else None


def _label_keys(articles: Sequence[Article]) -> set[str]:
    keys: set[str] = set()
    for position, article in enumerate(articles):
        keys.update((article.path, _stem(article.path, position), *_position_keys(position)))
    return keys


def _slug(text: str) -> str:
    """Lower-case ASCII letters and digits joined by hyphens, at most 32; "" when none."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:32].strip("-")


def _unique_id(candidate: str, used: set[str]) -> str:
    if candidate not in used:
        return candidate
    number = 2
    while f"{candidate}-{number}" in used:
        number += 1
    return f"{candidate}-{number}"


def _warnings(comparison: Comparison) -> tuple[str, ...]:
    warnings: list[str] = []
    for document in comparison.documents:
        if over := next((r for r in document.removed if r.kind == OVER_LENGTH), None):
            warnings.append(f"{document.doc_id}: too long to analyse whole; {over.text}")
        if not language_stage.is_english(document):
            across = (
                "the semantic aligner pairs sentences across languages"
                if comparison.settings.aligner is Aligner.SEMANTIC
                else "--aligner semantic pairs sentences across languages"
            )
            warnings.append(
                f"{document.doc_id}: written in '{document.language}'; framecmp's analysis is "
                "English-only, so its distinctive terms, lexicon scores and tone were not "
                f"computed ({across})"
            )
    if comparison.same_event.relation is EventRelation.UNDETERMINED:
        pairs = "; ".join(
            f"{p.a} vs {p.b}"
            for p in comparison.same_event.pairs
            if p.relation is EventRelation.UNDETERMINED
        )
        warnings.append(
            f"{CANNOT_TELL_WARNING}: {pairs} are written in "
            "different languages, and the same-event model reads the words reports share"
        )
    elif not comparison.same_event.verdict:
        different = [p for p in comparison.same_event.pairs if not p.same_event]
        names = "; ".join(f"{p.a} vs {p.b} (score {p.score:.2f})" for p in different)
        warnings.append(
            f"{NOT_ONE_EVENT_WARNING}: "
            f"{names}; the alignment and differences below compare different events"
        )
    for document in comparison.documents:
        if lost := document.text.count("\ufffd"):
            warnings.append(
                f"{document.doc_id}: {lost} character{'s' if lost > 1 else ''} of its source "
                "could not be read (shown as \ufffd, e.g. a currency sign lost before the text "
                "reached framecmp); words and sentences next to them may be cut or wrong"
            )
        if len(document.sentences) < 3:
            warnings.append(
                f"{document.doc_id}: only {len(document.sentences)} sentences; "
                "its scores are unreliable"
            )
    return tuple(warnings)
