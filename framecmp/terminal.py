"""The terminal view of a comparison, drawn with rich (imported only when rendering)."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from framecmp.model import SentenceRef
from framecmp.report import views
from framecmp.report.diff import DELETE, INSERT, Segment, clean_text, split_diff

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

    from framecmp.model import Comparison

_EMPTY = "\u2014"
_DELETED = "bold red"
_INSERTED = "bold green"


def _text(text: str, style: str = "") -> Text:
    from rich.text import Text

    # Text objects, never markup strings: article text must not be read as rich markup.
    return Text(clean_text(text), style=style)


def _table(title: str, *headers: str, expand: bool = False, show_lines: bool = False) -> Table:
    from rich.table import Table

    table = Table(
        title=_text(title, "bold"), title_justify="left", expand=expand, show_lines=show_lines
    )
    for header in headers:
        table.add_column(_text(header), overflow="fold")
    return table


def _outlet(comparison: Comparison, doc: str) -> str:
    try:
        outlet = comparison.document(doc).outlet
    except KeyError:
        return doc
    return doc if outlet == doc else f"{outlet} ({doc})"


def _marked(segments: tuple[Segment, ...], plain: bool) -> Text:
    from rich.text import Text

    text = Text()
    for position, (op, words) in enumerate(segments):
        if position:
            text.append(" ")
        if op == DELETE:
            # Without colour the markers are the only way to see the difference (git word-diff).
            text.append(f"[-{words}-]" if plain else words, style=_DELETED)
        elif op == INSERT:
            text.append(f"{{+{words}+}}" if plain else words, style=_INSERTED)
        else:
            text.append(words)
    return text


def _verdict_panel(comparison: Comparison) -> RenderableType:
    from rich.panel import Panel
    from rich.text import Text

    verdict = comparison.same_event
    if verdict.verdict:
        body = _text(
            f"Same event: yes (lowest pair score {views.fmt(verdict.score)}, "
            f"threshold {views.fmt(verdict.threshold)})"
        )
        return Panel(body, title="Same event?", border_style="green", expand=False)
    body = Text()
    body.append(views.NOT_SAME_EVENT, style="bold red")
    first, *pairs = views.event_warning_lines(comparison)
    body.append(f"\n{clean_text(first)}")
    for line in pairs:
        body.append(f"\n- {clean_text(line)}")
    return Panel(body, title="NOT THE SAME EVENT", border_style="bold red")


def _summary(comparison: Comparison) -> Table:
    table = _table("Documents", "outlet", "id", "date", "sentences", "tokens", "removed noise")
    for d in comparison.documents:
        table.add_row(
            _text(d.outlet),
            _text(d.doc_id),
            _text(d.date or _EMPTY),
            str(len(d.sentences)),
            str(d.n_tokens),
            str(len(d.removed)),
        )
    return table


def _similarity(comparison: Comparison) -> Table:
    rank = views.doc_rank(comparison)
    table = _table("Pairwise similarity (TF-IDF cosine)", "a", "b", "cosine", "shared terms")
    for s in sorted(
        comparison.similarity, key=lambda s: (rank.get(s.a, -1), rank.get(s.b, -1), s.a, s.b)
    ):
        table.add_row(
            _text(_outlet(comparison, s.a)),
            _text(_outlet(comparison, s.b)),
            views.fmt(s.cosine),
            _text(", ".join(s.shared_terms)),
        )
    return table


def _frames(comparison: Comparison) -> Table | None:
    rows = views.score_table(comparison, "frames")
    if not rows:
        return None
    docs = [d.doc_id for d in comparison.documents]
    table = _table(
        "Frames per 1,000 tokens (count)", "frame", *(_outlet(comparison, d) for d in docs)
    )
    for key, by_doc in rows:
        cells = [
            f"{views.fmt(by_doc[d].per_1000_tokens, 1)} ({by_doc[d].count})"
            if d in by_doc
            else _EMPTY
            for d in docs
        ]
        table.add_row(_text(key), *cells)
    return table


def _aligned(comparison: Comparison, plain: bool) -> list[RenderableType]:
    from rich.text import Text

    tables: list[RenderableType] = []
    for a, b, pairs in views.pairs_by_documents(comparison):
        title = f"Aligned: {_outlet(comparison, a)} \u2194 {_outlet(comparison, b)}"
        table = _table(
            title,
            _outlet(comparison, a),
            _outlet(comparison, b),
            "match",
            expand=True,
            show_lines=True,
        )
        table.columns[0].ratio = table.columns[1].ratio = 1
        table.columns[2].min_width = len("same-quote")
        for pair in pairs:
            left, right = split_diff(
                views.sentence_text(comparison, pair.a), views.sentence_text(comparison, pair.b)
            )
            left_text = Text.assemble((f"s{pair.a.sentence} ", "dim"), _marked(left, plain))
            right_text = Text.assemble((f"s{pair.b.sentence} ", "dim"), _marked(right, plain))
            match = Text(f"{clean_text(pair.relation)}\n{views.fmt(pair.score)}")
            table.add_row(left_text, right_text, match)
        tables.append(table)
    return tables


def _unique(comparison: Comparison) -> Table:
    table = _table("Unique sentences (aligned to nothing)", "outlet", "sentence", expand=True)
    for d in comparison.documents:
        for index in views.unique_sentences(comparison, d.doc_id):
            text = views.sentence_text(comparison, SentenceRef(d.doc_id, index))
            table.add_row(_text(_outlet(comparison, d.doc_id)), _text(f"s{index} {text}"))
    return table


def _distinctive(comparison: Comparison) -> Table:
    table = _table(
        f"Distinctive terms (* = |z| \u2265 {views.SIGNIFICANT_Z})", "outlet", "terms", expand=True
    )
    for doc, terms in views.distinctive_by_doc(comparison).items():
        listed = ", ".join(
            f"{t.term} (z {views.fmt(t.z)}{'*' if abs(t.z) >= views.SIGNIFICANT_Z else ''}; "
            f"{t.count} vs {t.other_count}; {views.sentence_list(t.sentences)})"
            for t in terms[: views.TOP_TERMS]
        )
        table.add_row(_text(_outlet(comparison, doc)), _text(listed or _EMPTY))
    return table


def _terminology(comparison: Comparison) -> Table | None:
    rows = views.score_table(comparison, "terminology")
    if not rows:
        return None
    docs = [d.doc_id for d in comparison.documents]
    table = _table("Terminology", "concept", *(_outlet(comparison, d) for d in docs))
    for key, by_doc in rows:
        cells = []
        for doc in docs:
            score = by_doc.get(doc)
            found = views.wordings(score) if score is not None else []
            cells.append(
                _text(
                    "; ".join(
                        f"{term} \u00d7{count} ({views.sentence_list(sentences)})"
                        for term, count, sentences in found
                    )
                    or _EMPTY
                )
            )
        table.add_row(_text(key), *cells)
    return table


def _voices(comparison: Comparison) -> Table | None:
    if not comparison.voices:
        return None
    rank = views.doc_rank(comparison)
    table = _table("Voices", "outlet", "quoted share", "speakers")
    for v in sorted(comparison.voices, key=lambda v: (rank.get(v.doc, len(rank)), v.doc)):
        speakers = "; ".join(views.speaker_summary(s) for s in views.sorted_speakers(v))
        table.add_row(
            _text(_outlet(comparison, v.doc)),
            f"{views.fmt(100 * v.quoted_share, 0)}%",
            _text(speakers or _EMPTY),
        )
    return table


def _warnings(comparison: Comparison) -> RenderableType | None:
    from rich.text import Text

    if not comparison.warnings:
        return None
    text = Text("Warnings", style="bold yellow")
    for warning in comparison.warnings:
        text.append("\n- ")
        text.append(clean_text(warning))
    return text


def _renderables(comparison: Comparison, plain: bool) -> list[RenderableType]:
    same_event = comparison.same_event.verdict
    items: list[RenderableType | None] = [
        None if same_event else _verdict_panel(comparison),
        _summary(comparison),
        _similarity(comparison),
        _verdict_panel(comparison) if same_event else None,
        _frames(comparison),
        *_aligned(comparison, plain),
        _unique(comparison),
        _distinctive(comparison),
        _terminology(comparison),
        _voices(comparison),
        _warnings(comparison),
    ]
    return [item for item in items if item is not None]


def print_comparison(comparison: Comparison, console: Console) -> None:
    """Draw the comparison on a rich console, honouring its width and colour settings."""
    # Without colour (a pipe, NO_COLOR) deleted and inserted words would look alike: mark them.
    plain = console.color_system is None or console.no_color
    for renderable in _renderables(comparison, plain):
        console.print(renderable)
        console.print()


def render_text(comparison: Comparison, *, width: int = 100) -> str:
    """The terminal view as plain text without colour or escape codes (for pipes and tests)."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, color_system=None, force_terminal=False, no_color=True
    )
    print_comparison(comparison, console)
    return buffer.getvalue()
