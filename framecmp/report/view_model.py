"""The report sections computed once, as frozen dataclasses every format draws.

Text here is raw article text: each renderer escapes it for its own format (the Jinja2
templates through their ``h`` and ``md`` filters, the terminal through rich ``Text``).
Sections built here: documents, removed noise, warnings. The other sections are still built by
each renderer from the helpers in ``views.py`` (see the docstrings of markdown.py and html.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from framecmp.report import views

if TYPE_CHECKING:
    from framecmp.model import Comparison

EMPTY = "\u2014"  # an em dash in an empty cell
TITLE_CHARS = 80
REMOVED_CHARS = 80


@dataclass(frozen=True)
class Outlet:
    """A document's outlet label, with its id when the id adds something."""

    label: str
    doc_id: str | None


@dataclass(frozen=True)
class DocumentRow:
    outlet: str
    doc_id: str
    date: str
    place: str
    title: str
    sentences: int
    tokens: int
    removed: int


@dataclass(frozen=True)
class DocumentsSection:
    title: str
    header: tuple[str, ...]
    rows: tuple[DocumentRow, ...]


@dataclass(frozen=True)
class RemovedRow:
    outlet: Outlet
    kind: str
    text: str


@dataclass(frozen=True)
class RemovedSection:
    title: str
    note: str
    header: tuple[str, ...]
    rows: tuple[RemovedRow, ...]
    empty: str


@dataclass(frozen=True)
class WarningsSection:
    title: str
    warnings: tuple[str, ...]
    empty: str


def outlet(comparison: Comparison, doc: str) -> Outlet:
    """The outlet label of a document id."""
    label, doc_id = views.outlet_parts(comparison, doc)
    return Outlet(label, doc_id)


def documents(comparison: Comparison) -> DocumentsSection:
    """One row per input document, in the user's order."""
    rows = tuple(
        DocumentRow(
            outlet=d.outlet,
            doc_id=d.doc_id,
            date=d.date or EMPTY,
            place=d.place or EMPTY,
            title=views.truncate(d.title or EMPTY, TITLE_CHARS),
            sentences=len(d.sentences),
            tokens=d.n_tokens,
            removed=len(d.removed),
        )
        for d in comparison.documents
    )
    header = ("outlet", "id", "date", "place", "title", "sentences", "tokens", "removed noise")
    return DocumentsSection("Documents", header, rows)


def removed(comparison: Comparison) -> RemovedSection:
    """What cleaning took out of each input, in the user's order."""
    rows = tuple(
        RemovedRow(outlet(comparison, d.doc_id), r.kind, views.truncate(r.text, REMOVED_CHARS))
        for d in comparison.documents
        for r in d.removed
    )
    return RemovedSection(
        "Removed noise",
        "What cleaning took out of each input before comparing.",
        ("outlet", "kind", "text"),
        rows,
        "Nothing.",
    )


def warnings(comparison: Comparison) -> WarningsSection:
    """The pipeline's warnings, as recorded."""
    return WarningsSection("Warnings", tuple(comparison.warnings), "None.")
