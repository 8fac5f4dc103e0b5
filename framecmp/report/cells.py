"""The small pieces every report table draws: outlet labels, table rows and heads, word diffs,
sentence links, lexicon score cells. The templates call them as ``m.row(...)``, ``m.outlet(...)``.

They are Python, not Jinja2 macros, for speed alone: a report draws tens of thousands of them
and a macro call costs several times a function call (issue 10: rendering an event's three
reports took 150 ms of CPU, a third of it in macro calls). Each writes exactly what the macro
it replaced wrote, escaping every article text as the ``h`` and ``md`` filters do.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from framecmp.report.diff import DELETE, INSERT, Segment, clean_text
from framecmp.report.templating import markdown_escape
from framecmp.report.views import sentence_list

if TYPE_CHECKING:
    from framecmp.report.view_model import (
        AlignedRow,
        DifferenceRow,
        EventPairRow,
        NumberedSentence,
        Outlet,
        ScoreCell,
        ScoreRow,
        ScoreSection,
        SimilarityRow,
        TermRow,
    )

EMPTY_CELL = "\u2014"  # an em dash in an empty cell


def _escaped(value: object) -> object:
    """``markupsafe.escape(value)``, or an int as it is: its digits need no escaping, and
    escape makes a Markup of each (thousands of sentence numbers per report)."""
    return value if type(value) is int else escape(value)


@lru_cache(maxsize=8192)  # numbers, categories, labels: the same few texts in every row
def _h(text: object) -> str:
    # The ``h`` filter's escaping, as a plain string to join; the caller marks the result safe.
    return html.escape(clean_text(str(text)), quote=True)


def _score_cell(
    c: ScoreCell,
    kind: str,
    rate: Callable[[ScoreCell], str],
    wording: Callable[[ScoreCell], str],
    joiner: str,
) -> str:
    """A lexicon score cell: terminology shows the wordings; other kinds the rate, then any
    wordings after ``joiner``."""
    if kind == "terminology":
        return wording(c)
    if c.present and c.hits:
        return f"{rate(c)}{joiner}{wording(c)}"
    return rate(c)


class MarkdownCells:
    """The pieces of the Markdown report (autoescape off: article text goes through ``md``)."""

    @staticmethod
    @lru_cache(maxsize=1024)  # a report names a dozen outlets thousands of times
    def outlet(o: Outlet) -> str:
        label = markdown_escape(o.label)
        return label if o.doc_id is None else f"{label} ({markdown_escape(o.doc_id)})"

    @staticmethod
    def row(cells: Sequence[object]) -> str:
        return "| " + " | ".join([str(c) if c else " " for c in cells]) + " |"

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

    # Whole tables' rows, one line each, joined by newlines (the biggest tables have hundreds
    # of rows: a template loop calling the pieces above cost more than the rows themselves).

    @staticmethod
    def rate_rows(rows: Sequence[ScoreRow]) -> str:
        cells = MarkdownCells
        return "\n".join(
            cells.row([markdown_escape(r.key), *(cells.rate_cell(c) for c in r.cells)])
            for r in rows
        )

    @staticmethod
    def wording_rows(rows: Sequence[ScoreRow]) -> str:
        cells = MarkdownCells
        return "\n".join(
            cells.row([markdown_escape(r.key), *(cells.wording_cell(c) for c in r.cells)])
            for r in rows
        )

    @staticmethod
    def score_rows(rows: Sequence[ScoreRow], kind: str) -> str:
        cells = MarkdownCells

        def cell(c: ScoreCell) -> str:
            return _score_cell(c, kind, cells.rate_cell, cells.wording_cell, ": ")

        return "\n".join(
            cells.row([markdown_escape(r.key), *(cell(c) for c in r.cells)]) for r in rows
        )

    @staticmethod
    def difference_rows(rows: Sequence[DifferenceRow]) -> str:
        cells = MarkdownCells
        return "\n".join(
            cells.row(
                [
                    markdown_escape(r.category),
                    f"{cells.outlet(r.a)} \u2212 {cells.outlet(r.b)}",
                    r.difference,
                    f"{r.ci_low} to {r.ci_high}",
                    r.q_value,
                    r.reading,
                ]
            )
            for r in rows
        )

    @staticmethod
    def event_pair_rows(pairs: Sequence[EventPairRow]) -> str:
        cells = MarkdownCells
        lines = []
        for p in pairs:
            verdict = p.judged if p.same_event else f"**{p.judged}**"
            pair = f"{cells.outlet(p.a)} vs {cells.outlet(p.b)}"
            lines.append(cells.row([pair, p.score, verdict, "", "", "", ""]))
            # One line per signal, hundreds per report: ``row`` written out.
            lines.extend(
                f"|   |   |   | {markdown_escape(x.name) or ' '} | {x.value or ' '} | "
                f"{x.weight or ' '} | {markdown_escape(x.detail) or ' '} |"
                for x in p.signals
            )
        return "\n".join(lines)

    @staticmethod
    def aligned_rows(rows: Sequence[AlignedRow]) -> str:
        cells = MarkdownCells
        return "\n".join(
            cells.row(
                [
                    f"s{r.a.index}: {cells.marked(r.left)}",
                    f"s{r.b.index}: {cells.marked(r.right)}",
                    r.score,
                    markdown_escape(r.claims_differ),
                    markdown_escape(r.shared_terms),
                ]
            )
            for r in rows
        )

    @staticmethod
    def term_rows(terms: Sequence[TermRow], show_significance: bool) -> str:
        lines = []
        for t in terms:
            significance = ["yes" if t.significant else "no"] if show_significance else []
            quoted = markdown_escape(t.quoted) if t.quoted else EMPTY_CELL
            lines.append(
                MarkdownCells.row(
                    [
                        markdown_escape(t.term),
                        t.z,
                        *significance,
                        str(t.count),
                        str(t.other_count),
                        quoted,
                        markdown_escape(sentence_list(t.sentences)),
                    ]
                )
            )
        return "\n".join(lines)

    @staticmethod
    def similarity_rows(rows: Sequence[SimilarityRow]) -> str:
        cells = MarkdownCells
        return "\n".join(
            cells.row(
                [
                    cells.outlet(r.a),
                    cells.outlet(r.b),
                    r.cosine,
                    markdown_escape(r.shared_terms),
                ]
            )
            for r in rows
        )


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
        return f'<a class="sn" href="#{_h(f"s-{doc}-{index}")}">s{_escaped(index)}</a>'

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
                f"{_h(w.term)} \u00d7{_escaped(w.count)} ({HtmlCells.sn_list(c.doc, w.sentences)})"
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

    # Whole tables' rows, one line each (see MarkdownCells).

    @staticmethod
    def rate_rows(rows: Sequence[ScoreRow]) -> Markup:
        cells = HtmlCells
        return Markup(
            "\n".join(
                f"<tr><td>{_h(r.key)}</td>"
                + "".join(f'<td class="num">{cells.rate_cell(c)}</td>' for c in r.cells)
                + "</tr>"
                for r in rows
            )
        )

    @staticmethod
    def wording_rows(rows: Sequence[ScoreRow]) -> Markup:
        cells = HtmlCells
        return Markup(
            "\n".join(
                f"<tr><td>{_h(r.key)}</td>"
                + "".join(f"<td>{cells.wording_cell(c)}</td>" for c in r.cells)
                + "</tr>"
                for r in rows
            )
        )

    @staticmethod
    def score_rows(rows: Sequence[ScoreRow], kind: str) -> Markup:
        cells = HtmlCells

        def cell(c: ScoreCell) -> str:
            return _score_cell(c, kind, cells.rate_cell, cells.wording_cell, "<br>")

        return Markup(
            "\n".join(
                f"<tr><td>{_h(r.key)}</td>"
                + "".join(f"<td>{cell(c)}</td>" for c in r.cells)
                + "</tr>"
                for r in rows
            )
        )

    @staticmethod
    def difference_rows(rows: Sequence[DifferenceRow]) -> Markup:
        outlet = HtmlCells.outlet
        return Markup(
            "\n".join(
                f"<tr><td>{_h(r.category)}</td><td>{outlet(r.a)} \u2212 {outlet(r.b)}</td>"
                f'<td class="num">{_h(r.difference)}</td>'
                f'<td class="num">{_h(r.ci_low)} to {_h(r.ci_high)}</td>'
                f'<td class="num">{_h(r.q_value)}</td><td>{_h(r.reading)}</td></tr>'
                for r in rows
            )
        )

    @staticmethod
    def event_pair_rows(pairs: Sequence[EventPairRow]) -> Markup:
        outlet = HtmlCells.outlet
        lines = []
        for p in pairs:
            verdict = _h(p.judged) if p.same_event else f"<strong>{_h(p.judged)}</strong>"
            signals = "<br>".join(
                f"{_h(x.name)} {_h(x.value)} (weight {_h(x.weight)}): {_h(x.detail)}"
                for x in p.signals
            )
            lines.append(
                f"<tr><td>{outlet(p.a)} vs {outlet(p.b)}</td>"
                f'<td class="num">{_h(p.score)}</td><td>{verdict}</td><td>{signals}</td></tr>'
            )
        return Markup("\n".join(lines))

    @staticmethod
    def aligned_rows(rows: Sequence[AlignedRow]) -> Markup:
        cells = HtmlCells
        return Markup(
            "\n".join(
                f'<tr><td class="side">{cells._sn(r.a.doc, r.a.index)} {cells.marked(r.left)}'
                f'</td><td class="side">{cells._sn(r.b.doc, r.b.index)} {cells.marked(r.right)}'
                f'</td><td class="num">{_h(r.score)}</td><td>{_h(r.claims_differ)}</td>'
                f"<td>{_h(r.shared_terms)}</td></tr>"
                for r in rows
            )
        )

    @staticmethod
    def term_rows(terms: Sequence[TermRow], doc: str, show_significance: bool) -> Markup:
        lines = []
        for t in terms:
            significance = (
                f"<td>{'yes' if t.significant else 'no'}</td>" if show_significance else ""
            )
            quoted = _h(t.quoted) if t.quoted else EMPTY_CELL
            lines.append(
                f'<tr><td>{_h(t.term)}</td><td class="num">{_h(t.z)}</td>{significance}'
                f'<td class="num">{_escaped(t.count)}</td>'
                f'<td class="num">{_escaped(t.other_count)}</td><td>{quoted}</td>'
                f"<td>{HtmlCells.sn_list(doc, t.sentences)}</td></tr>"
            )
        return Markup("\n".join(lines))

    @staticmethod
    def similarity_rows(rows: Sequence[SimilarityRow]) -> Markup:
        outlet = HtmlCells.outlet
        return Markup(
            "\n".join(
                f"<tr><td>{outlet(r.a)}</td><td>{outlet(r.b)}</td>"
                f'<td class="num">{_h(r.cosine)}</td><td>{_h(r.shared_terms)}</td></tr>'
                for r in rows
            )
        )

    @staticmethod
    def sentence_items(sentences: Sequence[NumberedSentence]) -> Markup:
        """The items of the Unique sentences lists: a link to the sentence, and its text."""
        return Markup(
            "".join(f"<li>{HtmlCells._sn(x.doc, x.index)} {_h(x.text)}</li>" for x in sentences)
        )

    @staticmethod
    def numbered_items(sentences: Sequence[NumberedSentence]) -> Markup:
        """The items of the Sentences lists, each the target of its ``sN`` links."""
        return Markup(
            "\n".join(
                f'<li id="{_h(f"s-{x.doc}-{x.index}")}" value="{_escaped(x.index)}">'
                f'<span class="sn">s{_escaped(x.index)}</span> {_h(x.text)}</li>'
                for x in sentences
            )
        )
