"""The small pieces every report table draws: outlet labels, table rows and heads, word diffs,
sentence links, lexicon score cells. The templates call them as ``m.row(...)``, ``m.outlet(...)``.

They are Python, not Jinja2 macros, for speed alone: a report draws tens of thousands of them
and a macro call costs several times a function call (issue 10: rendering an event's three
reports took 150 ms of CPU, a third of it in macro calls). Each writes exactly what the macro
it replaced wrote, escaping every article text as the ``h`` and ``md`` filters do.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from framecmp.report.diff import DELETE, INSERT, Segment, clean_text
from framecmp.report.templating import markdown_escape

if TYPE_CHECKING:
    from framecmp.report.view_model import Outlet, ScoreCell, ScoreSection

EMPTY_CELL = "\u2014"  # an em dash in an empty cell


def _h(text: object) -> str:
    # The ``h`` filter's escaping, as a plain string to join; the caller marks the result safe.
    return html.escape(clean_text(str(text)), quote=True)


class MarkdownCells:
    """The pieces of the Markdown report (autoescape off: article text goes through ``md``)."""

    @staticmethod
    @lru_cache(maxsize=1024)  # a report names a dozen outlets thousands of times
    def outlet(o: Outlet) -> str:
        label = markdown_escape(o.label)
        return label if o.doc_id is None else f"{label} ({markdown_escape(o.doc_id)})"

    @staticmethod
    def row(cells: Sequence[object]) -> str:
        return "| " + " | ".join(str(c) if c else " " for c in cells) + " |"

    @staticmethod
    def head(header: Sequence[object]) -> str:
        return f"{MarkdownCells.row(header)}\n{MarkdownCells.row(['---'] * len(header))}\n"

    @staticmethod
    def marked(segments: Sequence[Segment]) -> str:
        parts = []
        for op, words in segments:
            if op == DELETE:
                parts.append(f"~~{markdown_escape(words)}~~")
            elif op == INSERT:
                parts.append(f"**{markdown_escape(words)}**")
            else:
                parts.append(markdown_escape(words))
        return " ".join(parts)

    @staticmethod
    def rate_cell(c: ScoreCell) -> str:
        return c.rate if c.present else EMPTY_CELL

    @staticmethod
    def wording_cell(c: ScoreCell) -> str:
        if not c.hits:
            return EMPTY_CELL
        text = markdown_escape(c.narration) if c.narration else EMPTY_CELL
        return f"{text}<br>_{markdown_escape(c.quoted)}_" if c.quoted else text

    @staticmethod
    def score_head(s: ScoreSection) -> str:
        return MarkdownCells.head([s.key_header, *(MarkdownCells.outlet(o) for o in s.outlets)])


class HtmlCells:
    """The pieces of the HTML report, returned as ``Markup`` so autoescape leaves them alone."""

    @staticmethod
    @lru_cache(maxsize=1024)
    def outlet(o: Outlet) -> Markup:
        if o.doc_id is None:
            return Markup(_h(o.label))
        return Markup(f'{_h(o.label)} <span class="muted">({_h(o.doc_id)})</span>')

    @staticmethod
    def section_open(title: str) -> Markup:
        anchor = _h("part-" + "-".join(title.lower().split()))
        return Markup(f'<section id="{anchor}">\n<h2>{_h(title)}</h2>\n')

    @staticmethod
    def head(header: Sequence[object]) -> Markup:
        cells = "".join(f"<th>{_h(h)}</th>" for h in header)
        return Markup(f"<thead><tr>{cells}</tr></thead>\n")

    @staticmethod
    def _sn(doc: object, index: object) -> str:
        return f'<a class="sn" href="#{_h(f"s-{doc}-{index}")}">s{escape(index)}</a>'

    @staticmethod
    def sn(doc: object, index: object) -> Markup:
        return Markup(HtmlCells._sn(doc, index))

    @staticmethod
    def sn_list(doc: object, indexes: Sequence[object]) -> Markup:
        return Markup(", ".join(HtmlCells._sn(doc, i) for i in indexes))

    @staticmethod
    def marked(segments: Sequence[Segment]) -> Markup:
        parts = []
        for op, words in segments:
            if op == DELETE:
                parts.append(f"<del>{_h(words)}</del>")
            elif op == INSERT:
                parts.append(f"<ins>{_h(words)}</ins>")
            else:
                parts.append(_h(words))
        return Markup(" ".join(parts))

    @staticmethod
    def rate_cell(c: ScoreCell) -> Markup:
        return Markup(_h(c.rate) if c.present else EMPTY_CELL)

    @staticmethod
    def wording_cell(c: ScoreCell) -> Markup:
        if not c.hits:
            return Markup(EMPTY_CELL)
        text = (
            "<br>".join(
                f"{_h(w.term)} \u00d7{escape(w.count)} ({HtmlCells.sn_list(c.doc, w.sentences)})"
                for w in c.wordings
            )
            or EMPTY_CELL
        )
        if c.quoted:
            text += f'<br><span class="quoted">{_h(c.quoted)}</span>'
        return Markup(text)

    @staticmethod
    def score_head(s: ScoreSection) -> Markup:
        outlets = "".join(f"<th>{HtmlCells.outlet(o)}</th>" for o in s.outlets)
        return Markup(f"<thead><tr><th>{_h(s.key_header)}</th>{outlets}</tr></thead>\n")
