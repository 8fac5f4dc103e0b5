"""The Python API: one function per CLI command, and the only place the stages are chained.

>>> import framecmp
>>> comparison = framecmp.compare(["data/bishkek-2025-11-27/tass.txt",
...                                "data/bishkek-2025-11-27/cgtn.txt"])
>>> comparison.same_event.verdict
True
>>> markdown = framecmp.render(comparison, "markdown")
"""

from __future__ import annotations

import dataclasses
import logging
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

from framecmp import report as report_stage
from framecmp.analysis import align as align_stage
from framecmp.analysis import event as event_stage
from framecmp.analysis import lexicon as lexicon_stage
from framecmp.analysis import score as score_stage
from framecmp.analysis import terms as terms_stage
from framecmp.analysis import voices as voices_stage
from framecmp.errors import FramecmpError, InputError
from framecmp.ingest import clean as clean_stage
from framecmp.ingest import load as load_stage
from framecmp.model import Article, CategoryScore, Comparison, Document, Lexicon, Settings
from framecmp.text import segment as segment_stage

# framecmp logs, and the application decides where to (a NullHandler, not logging's last resort).
logging.getLogger("framecmp").addHandler(logging.NullHandler())

DEFAULT_MIN_SCORE = align_stage.DEFAULT_MIN_SCORE
ALIGNERS = align_stage.ALIGNERS
DEFAULT_LEXICONS = lexicon_stage.DEFAULT_LEXICONS
DEFAULT_MAX_BYTES = load_stage.DEFAULT_MAX_BYTES
INPUT_FORMATS = load_stage.INPUT_FORMATS
REPORT_FORMATS = report_stage.FORMATS
MAX_DOCUMENTS = 26
_REPORT_EXTENSIONS = {"markdown": ".md", "json": ".json", "html": ".html"}
_FORMAT_BY_EXTENSION = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}

Input = str | Path | Article


def load_articles(
    inputs: Sequence[Input],
    *,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> tuple[Article, ...]:
    """Load every input: a path, "-" for stdin, article text (a str with a newline), an Article."""
    if input_format not in INPUT_FORMATS:
        raise FramecmpError(
            f"--input-format {input_format!r}: choose one of {', '.join(INPUT_FORMATS)}"
        )
    articles: list[Article] = []
    for number, item in enumerate(inputs, start=1):
        if isinstance(item, Article):
            articles.append(item)
        elif isinstance(item, str) and "\n" in item:
            articles.append(load_stage.load_text(item, path=f"<text {number}>"))
        elif str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            articles.extend(
                load_stage.load_bytes(
                    stream.read(max_bytes + 1),
                    path="-",
                    input_format=input_format,
                    max_bytes=max_bytes,
                )
            )
        else:
            articles.extend(
                load_stage.load_path(item, input_format=input_format, max_bytes=max_bytes)
            )
    return tuple(articles)


def prepare_documents(
    articles: Sequence[Article], *, labels: Mapping[str, str] | None = None
) -> tuple[Document, ...]:
    """Clean and segment each article once; the Documents can be stored and reused."""
    labels = dict(labels or {})
    documents: list[Document] = []
    used_ids: set[str] = set()
    for position, article in enumerate(articles):
        cleaned = clean_stage.clean(article)
        sentences = segment_stage.segment(cleaned.text)
        if not sentences:
            raise InputError(f"{article.path}: no sentences left after cleaning")
        label = _label_for(article, position, labels)
        outlet = label or article.outlet or cleaned.outlet_hint or _stem(article.path, position)
        doc_id = _unique_id(
            _slug(label or article.outlet or cleaned.outlet_hint or _stem(article.path, position)),
            used_ids,
        )
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
                title=article.title or headline,
                url=article.url,
                place=cleaned.place_hint,
            )
        )
    unknown = sorted(set(labels) - _label_keys(articles))
    if unknown:
        raise FramecmpError(f"--label {unknown[0]}=...: no input is called {unknown[0]!r}")
    return tuple(documents)


def compare(
    inputs: Sequence[Input],
    *,
    labels: Mapping[str, str] | None = None,
    lexicons: Sequence[str] = DEFAULT_LEXICONS,
    min_score: float = DEFAULT_MIN_SCORE,
    aligner: str = "lexical",
    seed: int = 0,
    stem_terms: bool = False,
    background: str | Path | None = None,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Comparison:
    """Align reports of one event and score how their wording and framing differ."""
    articles = load_articles(inputs, input_format=input_format, max_bytes=max_bytes, stdin=stdin)
    if len(articles) < 2:
        raise FramecmpError("compare needs at least two articles; give two or more inputs")
    if len(articles) > MAX_DOCUMENTS:
        raise FramecmpError(f"compare takes at most {MAX_DOCUMENTS} articles; got {len(articles)}")
    documents = prepare_documents(articles, labels=labels)
    background_counts = (
        load_background_dir(background, input_format=input_format, max_bytes=max_bytes)
        if background
        else None
    )
    return compare_documents(
        documents,
        lexicons=lexicon_stage.resolve(lexicons),
        min_score=min_score,
        aligner=aligner,
        seed=seed,
        stem_terms=stem_terms,
        background=background_counts,
    )


def compare_documents(
    documents: Sequence[Document],
    *,
    lexicons: Sequence[Lexicon],
    min_score: float = DEFAULT_MIN_SCORE,
    aligner: str = "lexical",
    seed: int = 0,
    stem_terms: bool = False,
    background: Mapping[str, int] | None = None,
) -> Comparison:
    """Run the cross-document stages on prepared documents."""
    if not 0.0 <= min_score <= 1.0:
        raise FramecmpError(f"--min-score {min_score}: must be between 0 and 1")
    quotes = tuple(q for d in documents for q in voices_stage.extract_quotes(d))
    alignment = align_stage.align(documents, min_score=min_score, aligner=aligner, quotes=quotes)
    same_event = event_stage.judge_same_event(documents, alignment, quotes)
    lexicon_scores = score_stage.score_lexicons(documents, lexicons, quotes)
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
        same_event=same_event,
        similarity=terms_stage.pairwise_similarity(documents),
        distinctive_terms=terms_stage.distinctive_terms(
            documents, background=background, stem=stem_terms, quotes=quotes
        ),
        lexicon_scores=lexicon_scores,
        rate_differences=score_stage.rate_differences(
            documents, lexicon_scores, quotes=quotes, seed=seed
        ),
        quotes=quotes,
        voices=tuple(
            voices_stage.voices(d, [q for q in quotes if q.doc == d.doc_id]) for d in documents
        ),
        tone=tuple(
            voices_stage.tone(d, [q for q in quotes if q.doc == d.doc_id]) for d in documents
        ),
    )
    return dataclasses.replace(comparison, warnings=_warnings(comparison))


def load_background_dir(
    directory: str | Path, *, input_format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES
) -> dict[str, int]:
    """Term counts of every article file in a directory, as the log-odds prior's background."""
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError(f"{folder}: --background needs a directory of article files")
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    if not paths:
        raise InputError(f"{folder}: --background directory holds no files")
    articles = load_articles(paths, input_format=input_format, max_bytes=max_bytes)
    documents = prepare_documents(articles)
    return terms_stage.background_from_documents(documents)


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
    report_stage.write_report_atomically(target, render(comparison, chosen))
    return target


def write_report_dir(
    comparison: Comparison, directory: str | Path, formats: Sequence[str] = REPORT_FORMATS
) -> tuple[Path, ...]:
    """Write Markdown, JSON and HTML reports named after the documents into a directory."""
    stem = "-vs-".join(d.doc_id for d in comparison.documents)
    folder = Path(directory)
    return tuple(
        write_report(comparison, folder / f"{stem}{_REPORT_EXTENSIONS[fmt]}", fmt)
        for fmt in formats
    )


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


# --- labels and ids ---------------------------------------------------------------------------


def _stem(path: str, position: int) -> str:
    if path == "-":
        return "stdin"
    if path.startswith("<"):
        return f"text-{position + 1}"
    name = Path(path.split("#", 1)[0]).stem
    return f"{name}-{path.split('#', 1)[1]}" if "#" in path else name


def _position_keys(position: int) -> tuple[str, ...]:
    keys = [str(position + 1)]
    if position < 26:
        keys.append("abcdefghijklmnopqrstuvwxyz"[position])
    return tuple(keys)


def _label_for(article: Article, position: int, labels: Mapping[str, str]) -> str | None:
    for key in (article.path, _stem(article.path, position), *_position_keys(position)):
        if key in labels:
            return labels[key]
    return None


def _label_keys(articles: Sequence[Article]) -> set[str]:
    keys: set[str] = set()
    for position, article in enumerate(articles):
        keys.update((article.path, _stem(article.path, position), *_position_keys(position)))
    return keys


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:32].strip("-") or "doc"


def _unique_id(candidate: str, used: set[str]) -> str:
    if candidate not in used:
        return candidate
    number = 2
    while f"{candidate}-{number}" in used:
        number += 1
    return f"{candidate}-{number}"


def _warnings(comparison: Comparison) -> tuple[str, ...]:
    warnings: list[str] = []
    if not comparison.same_event.verdict:
        different = [p for p in comparison.same_event.pairs if not p.same_event]
        names = "; ".join(f"{p.a} vs {p.b} (score {p.score:.2f})" for p in different)
        warnings.append(
            "these inputs do not look like reports of the same event: "
            f"{names}; the alignment and differences below compare different events"
        )
    for document in comparison.documents:
        if len(document.sentences) < 3:
            warnings.append(
                f"{document.doc_id}: only {len(document.sentences)} sentences; "
                "its scores are unreliable"
            )
    return tuple(warnings)
