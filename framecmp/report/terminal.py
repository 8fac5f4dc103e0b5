"""The terminal view of a comparison, drawn with rich (imported only when rendering).

Every section shared with the Markdown and HTML reports reads ``view_model.py``, the one
definition of the report's sections. Only what the terminal alone shows is selected here from the
helpers in ``views.py``: the concise view's documents line and most differently worded pairs, and
the frame-differences table (the significant differences and the largest unclear ones).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from framecmp.report import view_model, views
from framecmp.report.diff import DELETE, INSERT, Segment, clean_text, split_diff

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

    from framecmp.model import Comparison

_EMPTY = "\u2014"
_CARRIED = "\u2713"
_COVERAGE_CELLS = {
    view_model.Carried.YES: _CARRIED,
    view_model.Carried.POSSIBLY: "?",
    view_model.Carried.NO: _EMPTY,
}
_CLAIM_CHARS = 90
_MAX_UNCLEAR = 10  # non-significant differences shown; the file reports list them all
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

    section = view_model.same_event(comparison)
    if section.same_event:
        body = _text(
            f"Same event: yes (lowest pair score {section.score}, threshold {section.threshold})"
        )
        return Panel(body, title=section.title, border_style="green", expand=False)
    warning = view_model.event_warning(comparison)
    body = Text()
    body.append(warning.title, style="bold red")
    body.append(f"\n{clean_text(warning.first)}")
    for line in warning.pairs:
        body.append(f"\n- {clean_text(line)}")
    title = "CANNOT TELL: SAME EVENT?" if views.undetermined(comparison) else "NOT THE SAME EVENT"
    return Panel(body, title=title, border_style="bold red")


def _summary(comparison: Comparison) -> Table:
    section = view_model.documents(comparison)
    # tokens and the own-word tokens every narration rate divides by, in one column: a terminal
    # of 80 columns keeps the names, dates and numbers unbroken
    table = _table(section.title, "outlet", "id", "date", "sent.", "tokens (own)", "removed")
    # Names are never broken mid-word: the numbers columns give way instead.
    for column in table.columns[:3]:
        column.no_wrap = True
    for d in section.rows:
        table.add_row(
            _text(d.outlet),
            _text(d.doc_id),
            _text(d.date),
            str(d.sentences),
            f"{d.tokens} ({d.own_words})",
            str(d.removed),
        )
    return table


def _similarity(comparison: Comparison) -> Table:
    section = view_model.similarity(comparison)
    table = _table(f"{section.title} (TF-IDF cosine)", *section.header)
    for row in section.rows:
        table.add_row(
            _text(_label(row.a)), _text(_label(row.b)), row.cosine, _text(row.shared_terms)
        )
    return table


def _frames(comparison: Comparison) -> Table | None:
    section = view_model.scores(comparison, "frames")
    if not section.rows:
        return None
    table = _table(
        f"{section.title} per 1,000 own-word tokens (count)",
        section.key_header,
        *(_label(o) for o in section.outlets),
    )
    for row in section.rows:
        table.add_row(_text(row.key), *(c.rate if c.present else _EMPTY for c in row.cells))
    return table


# Outlet headers wider than this in all leave the claim's words a sliver of a column (four
# outlets named "30_3ecb (30-3ecb)" left it 8 characters at 100 columns): the outlets are then
# numbered, and a caption says which number is which.
_OUTLET_HEADERS_MAX = 48


def _coverage(comparison: Comparison) -> Table | None:
    section = view_model.coverage(comparison)
    if not section.rows:
        return None
    labels = [_label(o) for o in section.outlets]
    numbered = sum(len(label) + 3 for label in labels) > _OUTLET_HEADERS_MAX
    table = _table(
        f"{section.title}: which outlet carries which claim ({_CARRIED} = carries it, "
        "? = possibly: see Possibly covered)",
        "claim",
        "text",
        *(str(n) for n in range(1, len(labels) + 1)) if numbered else labels,
        expand=True,
    )
    if numbered:
        table.caption = _text(", ".join(f"{n} = {label}" for n, label in enumerate(labels, 1)))
        table.caption_justify = "left"
    table.columns[1].ratio = 1
    for row in section.rows:
        table.add_row(
            _text(row.claim_id),
            _text(views.truncate(row.text, _CLAIM_CHARS)),
            *(_COVERAGE_CELLS[carried] for carried in row.carried),
        )
    return table


MATCH_WIDTH = 24  # the aligned tables' "match" column at most: the sentences get the rest


def _aligned(comparison: Comparison, plain: bool) -> list[RenderableType]:
    from rich.text import Text

    tables: list[RenderableType] = []
    for group in view_model.aligned(comparison).groups:
        a, b = _label(group.a), _label(group.b)
        table = _table(f"Aligned: {a} \u2194 {b}", a, b, "match", expand=True, show_lines=True)
        table.columns[0].ratio = table.columns[1].ratio = 1
        table.columns[2].min_width = len("same-quote")
        # a long evidence line wraps in its cell instead of squeezing the sentences to one
        # character per line (found at 100 columns by the review)
        table.columns[2].max_width = MATCH_WIDTH
        for row in group.rows:
            left_text = Text.assemble((f"s{row.a.index} ", "dim"), _marked(row.left, plain))
            right_text = Text.assemble((f"s{row.b.index} ", "dim"), _marked(row.right, plain))
            match = Text(
                f"{clean_text(row.relation)}\n{row.score}\n{clean_text(row.claims_differ)}"
            )
            table.add_row(left_text, right_text, match)
        tables.append(table)
    return tables


def _unique(comparison: Comparison) -> Table:
    section = view_model.unique(comparison)
    table = _table(f"{section.title} (aligned to nothing)", "outlet", "sentence", expand=True)
    for group in section.groups:
        for sentence in group.sentences:
            table.add_row(_text(_label(group.outlet)), _text(f"s{sentence.index} {sentence.text}"))
        for x in group.covered:
            near = "; ".join(
                f"{_label(k.outlet)} s{k.index}, {k.score}"
                + (f": {k.shared_terms}" if k.shared_terms else "")
                for k in x.near
            )
            table.add_row(
                _text(_label(group.outlet)),
                _text(f"{section.covered_title}: s{x.index} {x.text} ({x.basis}: {near})"),
            )
    return table


def _distinctive(comparison: Comparison) -> Table:
    section = view_model.distinctive(comparison)
    table = _table(
        f"{section.title} (* = |z| \u2265 {views.SIGNIFICANT_Z})", "outlet", "terms", expand=True
    )
    for group in section.groups:
        listed = ", ".join(
            f"{t.term} (z {t.z}{'*' if t.significant else ''}; {t.count} vs {t.other_count}"
            f"{f', +{t.quoted_count} quoted' if t.quoted_count else ''}; "
            f"{views.sentence_list(t.sentences)})"
            for t in group.terms
        )
        table.add_row(_text(_label(group.outlet)), _text(listed or _EMPTY))
    return table


def _differences(comparison: Comparison) -> Table | None:
    if not comparison.rate_differences:
        return None
    key = views.difference_key(comparison)
    significant = sorted((r for r in comparison.rate_differences if r.significant), key=key)
    unclear = [r for r in comparison.rate_differences if not r.significant]
    # Of the unclear ones, the largest differences are the ones a reader would ask about.
    shown = sorted(
        sorted(unclear, key=lambda r: (-abs(r.difference), key(r)))[:_MAX_UNCLEAR], key=key
    )
    omitted = len(unclear) - len(shown)
    lexicons_of: dict[str, set[str]] = {}
    for r in comparison.rate_differences:
        lexicons_of.setdefault(r.category, set()).add(r.lexicon)
    table = _table(
        "Frame differences (narration rate of a \u2212 rate of b per 1,000 narration tokens, "
        f"95% bootstrap interval, seed {comparison.settings.seed}; significant = "
        "Benjamini-Hochberg q < 0.05 over all frame tests)",
        "category",
        "a \u2212 b",
        "difference (95% interval)",
        "reading",
        expand=True,
    )
    labels = [
        r.category if len(lexicons_of[r.category]) == 1 else f"{r.lexicon}/{r.category}"
        for r in [*significant, *shown]
    ]
    table.columns[3].min_width = len("distinguishable")
    for label, r in zip(labels, [*significant, *shown], strict=True):
        table.add_row(
            _text(label),
            _text(f"{_outlet(comparison, r.a)} \u2212 {_outlet(comparison, r.b)}"),
            f"{views.fmt(r.difference, 1)} ({views.fmt(r.ci_low, 1)} to {views.fmt(r.ci_high, 1)})",
            views.difference_reading(r),
        )
    if omitted:
        table.caption = _text(
            f"{views.plural(omitted, 'more difference')} not significant after correction "
            "omitted (the smallest); the Markdown and JSON reports list them all."
        )
        table.caption_justify = "left"
    return table


def _terminology(comparison: Comparison) -> Table | None:
    section = view_model.scores(comparison, "terminology")
    if not section.rows:
        return None
    table = _table(section.title, section.key_header, *(_label(o) for o in section.outlets))
    for row in section.rows:
        cells = [
            _text("\n".join(part for part in (c.narration, c.quoted) if part) or _EMPTY)
            for c in row.cells
        ]
        table.add_row(_text(row.key), *cells)
    return table


def _lexicon_kind(comparison: Comparison, kind: str) -> Table | None:
    section = view_model.scores(comparison, kind)
    if not section.rows:
        return None
    table = _table(
        f"{section.title} per 1,000 tokens (count): wordings (sentences)",
        section.key_header,
        *(_label(o) for o in section.outlets),
        expand=True,
    )
    for row in section.rows:
        cells = []
        for c in row.cells:
            if not c.present:
                cells.append(_text(_EMPTY))
                continue
            cell = f"{c.rate}: {c.narration}" if c.narration else c.rate
            cells.append(_text(f"{cell}\n{c.quoted}" if c.quoted else cell))
        table.add_row(_text(row.key), *cells)
    return table


def _voices(comparison: Comparison) -> Table | None:
    section = view_model.voices(comparison)
    if not section.rows:
        return None
    table = _table(section.title, *section.header)
    for row in section.rows:
        table.add_row(
            _text(_label(row.outlet)), row.quoted_share, _text("; ".join(row.speakers) or _EMPTY)
        )
    return table


def _quote_contrasts(comparison: Comparison, plain: bool) -> Table | None:
    from rich.text import Text

    section = view_model.voices(comparison)
    if not section.contrasts:
        return None
    table = _table(section.contrasts_title, *section.contrasts_header, expand=True, show_lines=True)
    table.columns[1].ratio = table.columns[2].ratio = 1
    for contrast in section.contrasts:
        table.add_row(
            _text(contrast.speaker),
            Text.assemble(
                (f"{clean_text(_label(contrast.left_outlet))}: ", "dim"),
                _marked(contrast.left, plain),
            ),
            Text.assemble(
                (f"{clean_text(_label(contrast.right_outlet))}: ", "dim"),
                _marked(contrast.right, plain),
            ),
        )
    return table


def _tone(comparison: Comparison) -> Table | None:
    section = view_model.tone(comparison)
    if not section.rows:
        return None
    table = _table(f"{section.title} (VADER mean compound, -1 to 1)", *section.header, expand=True)
    table.columns[4].ratio = 1
    for row in section.rows:
        most_negative = _EMPTY
        if row.most_negative is not None:
            sentence = row.most_negative.sentence
            most_negative = f"s{sentence.index} ({row.most_negative.compound}): {sentence.text}"
        table.add_row(
            _text(_label(row.outlet)),
            row.narration,
            row.quoted,
            row.mean_compound,
            _text(most_negative),
        )
    table.caption = _text(section.caveat)
    table.caption_justify = "left"
    return table


def _removed(comparison: Comparison) -> Table | None:
    section = view_model.removed(comparison)
    if not section.rows:
        return None
    table = _table(f"{section.title} (what cleaning took out)", *section.header, expand=True)
    table.columns[2].ratio = 1
    for row in section.rows:
        table.add_row(_text(_label(row.outlet)), _text(row.kind), _text(row.text))
    return table


def _label(outlet: view_model.Outlet) -> str:
    return outlet.label if outlet.doc_id is None else f"{outlet.label} ({outlet.doc_id})"


def _warnings(comparison: Comparison) -> RenderableType | None:
    from rich.text import Text

    section = view_model.warnings(comparison)
    if not section.warnings:
        return None
    text = Text(section.title, style="bold yellow")
    for warning in section.warnings:
        text.append("\n- ")
        text.append(clean_text(warning))
    return text


def _renderables(comparison: Comparison, plain: bool) -> list[RenderableType]:
    same_event = comparison.same_event.verdict
    items: list[RenderableType | None] = [
        None if same_event else _verdict_panel(comparison),
        _summary_text(comparison),
        _summary(comparison),
        _similarity(comparison),
        _verdict_panel(comparison) if same_event else None,
        _frames(comparison),
        _coverage(comparison),
        *_aligned(comparison, plain),
        _unique(comparison),
        _distinctive(comparison),
        _differences(comparison),
        _terminology(comparison),
        *(_lexicon_kind(comparison, kind) for kind in ("attribution", "hedges")),
        _voices(comparison),
        _quote_contrasts(comparison, plain),
        _tone(comparison),
        _removed(comparison),
        _warnings(comparison),
    ]
    return [item for item in items if item is not None]


_CONCISE_PAIRS = 6  # aligned pairs the concise view shows: the most differently worded ones
_CONCISE_DOCUMENTS = 12  # above this, the concise view lists outlets on one line


def _summary_text(comparison: Comparison) -> RenderableType:
    from rich.console import Group

    section = view_model.summary(comparison)
    parts: list[RenderableType] = [_text(section.title, "bold")]
    parts.extend(_text(line) for line in (section.verdict, section.statistics))
    parts.extend(_text(f"\u2022 {line}") for line in section.differences)
    return Group(*parts)


def _documents_line(comparison: Comparison) -> RenderableType:
    names = ", ".join(f"{d.outlet} ({len(d.sentences)} sentences)" for d in comparison.documents)
    return _text(f"{len(comparison.documents)} documents: {names}")


def _most_different(comparison: Comparison, plain: bool) -> Table | None:
    from rich.text import Text

    pairs = views.most_different_pairs(comparison, _CONCISE_PAIRS)
    if not pairs:
        return None
    table = _table(
        f"The {views.plural(len(pairs), 'aligned pair')} worded most differently "
        f"(of {len(comparison.alignment.pairs)}; --detail lists them all)",
        "a",
        "b",
        expand=True,
        show_lines=True,
    )
    table.columns[0].ratio = table.columns[1].ratio = 1
    for pair in pairs:
        left, right = split_diff(
            views.sentence_text(comparison, pair.a), views.sentence_text(comparison, pair.b)
        )
        label = views.claim_relation_label(pair, comparison)
        shown = views.display_relation(pair)
        relation = label if shown == pair.claim_relation.value else f"{shown}; {label}"
        head_a = f"{_outlet(comparison, pair.a.doc)} s{pair.a.sentence}:"
        head_b = f"{_outlet(comparison, pair.b.doc)} s{pair.b.sentence} ({relation}):"
        table.add_row(
            Text.assemble((clean_text(head_a) + " ", "bold"), _marked(left, plain)),
            Text.assemble((clean_text(head_b) + " ", "bold"), _marked(right, plain)),
        )
    return table


def _concise(comparison: Comparison, plain: bool) -> list[RenderableType]:
    same_event = comparison.same_event.verdict
    many = len(comparison.documents) > _CONCISE_DOCUMENTS
    items: list[RenderableType | None] = [
        None if same_event else _verdict_panel(comparison),
        _summary_text(comparison),
        _documents_line(comparison) if many else _summary(comparison),
        _most_different(comparison, plain),
        _text(
            "framecmp compare --detail shows every section (coverage, all aligned pairs, "
            "terms, frames, terminology, voices, tone); --format html writes the full report.",
            "dim",
        ),
    ]
    return [item for item in items if item is not None]


def print_comparison(comparison: Comparison, console: Console, *, detail: bool = True) -> None:
    """Draw the comparison on a rich console, honouring its width and colour settings.

    ``detail`` draws every section; without it a concise view: summary, documents and the
    aligned pairs worded most differently (word diffs computed for those pairs only).
    """
    # Without colour (a pipe, NO_COLOR) deleted and inserted words would look alike: mark them.
    plain = console.color_system is None or console.no_color
    renderables = _renderables(comparison, plain) if detail else _concise(comparison, plain)
    for renderable in renderables:
        console.print(renderable)
        console.print()


def render_text(comparison: Comparison, *, width: int = 100, detail: bool = True) -> str:
    """The terminal view as plain text without colour or escape codes (for pipes and tests)."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, color_system=None, force_terminal=False, no_color=True
    )
    print_comparison(comparison, console, detail=detail)
    return buffer.getvalue()
