"""Charts of a comparison: the data of each chart, and a hand-written SVG for it.

The SVG needs no library, so the HTML report carries its charts inline at no import cost and
byte-identical from run to run; ``framecmp.report.plots`` draws the same charts with matplotlib
for PNG files. Every label comes from the article or a lexicon, so every label is escaped.
"""

from __future__ import annotations

import html
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from framecmp.ingest.language import is_english
from framecmp.report import views

if TYPE_CHECKING:
    from framecmp.model import Comparison, RateDifference

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour
# vision deficiency. Outlet names are written next to every bar as well, so colour is never
# the only signal.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
_MINUS = "\u2212"
_FONT = "font-family:system-ui,sans-serif;font-size:12px"


@dataclass(frozen=True, slots=True)
class Bar:
    group: str  # frame category
    outlet: str
    colour: str
    value: float  # narration hits per 1,000 narration tokens
    count: int  # narration hits


@dataclass(frozen=True, slots=True)
class ProfileChart:
    """Frame profile: each outlet's narration rate of each frame category."""

    title: str
    axis: str
    outlets: tuple[str, ...]
    bars: tuple[Bar, ...]
    omitted: tuple[str, ...] = ()  # categories no outlet uses in its own words
    not_analysed: tuple[str, ...] = ()  # outlets not in English: not scored, not drawn


@dataclass(frozen=True, slots=True)
class Interval:
    label: str  # "frame: a minus b", with a minus sign
    difference: float
    low: float
    high: float
    q_value: float
    significant: bool


@dataclass(frozen=True, slots=True)
class IntervalChart:
    """Frame differences with their intervals, significant ones (BH q < 0.05) filled."""

    title: str
    axis: str
    intervals: tuple[Interval, ...]
    total: int = 0  # differences computed; more than shown when the chart keeps the first ones


@dataclass(frozen=True, slots=True)
class MatrixChart:
    """Pairwise similarity (TF-IDF cosine) with the sentence pairs aligned between each two."""

    title: str
    outlets: tuple[str, ...]
    cosine: tuple[tuple[float, ...], ...]  # symmetric, 1 on the diagonal
    # sentence pairs aligned between the two outlets (diagonal not shown): a claim joined through
    # a third outlet is no evidence that these two share it
    aligned_pairs: tuple[tuple[int, ...], ...]


Chart = ProfileChart | IntervalChart | MatrixChart

# File name suffix of each chart, in the order the report shows them.
CHART_NAMES = ("frames", "differences", "similarity")


def _outlet_names(comparison: Comparison) -> dict[str, str]:
    """Display name of each document: its outlet, with the id where two outlets share a name."""
    names = [d.outlet for d in comparison.documents]
    return {
        d.doc_id: d.outlet if names.count(d.outlet) == 1 else f"{d.outlet} ({d.doc_id})"
        for d in comparison.documents
    }


def profile_chart(comparison: Comparison) -> ProfileChart:
    """Narration rate of every frame category, one bar per outlet."""
    names = _outlet_names(comparison)
    # a report in another language was not scored: no bar, rather than a measured zero
    docs = [d.doc_id for d in comparison.documents if is_english(d)]
    bars = []
    omitted = []
    for key, scores in views.score_table(comparison, "frames"):
        if not any(s.narration_count for s in scores.values()):
            omitted.append(key)
            continue
        for i, doc in enumerate(docs):
            score = scores.get(doc)
            bars.append(
                Bar(
                    group=key,
                    outlet=names[doc],
                    colour=PALETTE[i % len(PALETTE)],
                    value=score.narration_per_1000_tokens if score else 0.0,
                    count=score.narration_count if score else 0,
                )
            )
    skipped = [names[d.doc_id] for d in comparison.documents if not is_english(d)]
    return ProfileChart(
        title="Frame profile (the outlets' own words)",
        axis="narration hits per 1,000 narration tokens",
        outlets=tuple(names[d] for d in docs),
        bars=tuple(bars),
        omitted=tuple(omitted),
        not_analysed=tuple(skipped),
    )


MAX_INTERVALS = 60  # rows a chart can show legibly on a page; 26 outlets give thousands


def _charted_differences(comparison: Comparison) -> list[RateDifference]:
    """Every difference, or past ``MAX_INTERVALS`` the most significant ones (smallest q, then
    largest), still in report order."""
    ordered = views.sorted_differences(comparison)
    if len(ordered) <= MAX_INTERVALS:
        return ordered
    key = views.difference_key(comparison)
    kept = sorted(ordered, key=lambda r: (r.q_value, -abs(r.difference), key(r)))[:MAX_INTERVALS]
    chosen = {id(r) for r in kept}
    return [r for r in ordered if id(r) in chosen]


def interval_chart(comparison: Comparison) -> IntervalChart:
    """Every frame difference with its 95% bootstrap interval and BH-adjusted q."""
    names = _outlet_names(comparison)
    keys = views.category_keys(views.scores_of_kind(comparison, "frames"))
    intervals = tuple(
        Interval(
            label=(
                f"{keys.get((r.lexicon, r.category), r.category)}: "
                f"{names.get(r.a, r.a)} {_MINUS} {names.get(r.b, r.b)}"
            ),
            difference=r.difference,
            low=r.ci_low,
            high=r.ci_high,
            q_value=r.q_value,
            significant=r.significant,
        )
        for r in _charted_differences(comparison)
    )
    return IntervalChart(
        title="Frame differences (a \u2212 b) with 95% bootstrap intervals",
        axis="difference in narration hits per 1,000 narration tokens",
        intervals=intervals,
        total=len(comparison.rate_differences),
    )


def matrix_chart(comparison: Comparison) -> MatrixChart:
    """Cosine similarity and aligned sentence pairs of every pair of outlets."""
    names = _outlet_names(comparison)
    docs = [d.doc_id for d in comparison.documents]
    cosine = {(s.a, s.b): s.cosine for s in comparison.similarity}
    linked = Counter(frozenset((p.a.doc, p.b.doc)) for p in comparison.alignment.pairs)

    def cos(a: str, b: str) -> float:
        return 1.0 if a == b else cosine.get((a, b), cosine.get((b, a), 0.0))

    return MatrixChart(
        title="Similarity (TF-IDF cosine) and aligned sentence pairs",
        outlets=tuple(names[d] for d in docs),
        cosine=tuple(tuple(cos(a, b) for b in docs) for a in docs),
        aligned_pairs=tuple(tuple(linked[frozenset((a, b))] for b in docs) for a in docs),
    )


def charts(comparison: Comparison) -> tuple[Chart, ...]:
    """The report's charts, in ``CHART_NAMES`` order."""
    return (profile_chart(comparison), interval_chart(comparison), matrix_chart(comparison))


# --- SVG ------------------------------------------------------------------------------------


def _x(text: str) -> str:
    return html.escape(text, quote=True)


@lru_cache(maxsize=4096)  # rows and cells repeat the same few coordinates
def _n(value: float) -> str:
    """A coordinate with at most one decimal, no "-0" (byte-identical output)."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _fmt(value: float, places: int = 1) -> str:
    text = f"{value:.{places}f}"
    if float(text) == 0:
        text = text.lstrip("-")
    return text.replace("-", _MINUS)


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high."""
    span = max(high - low, 1e-9)
    raw = span / count
    step = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * step:
            step *= factor
            break
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 1e-6:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _svg(title: str, width: float, height: float, body: list[str], chart_id: str) -> str:
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
            f'aria-labelledby="{chart_id}-title" viewBox="0 0 {_n(width)} {_n(height)}" '
            f'width="{_n(width)}" height="{_n(height)}" style="{_FONT}">',
            f'<title id="{chart_id}-title">{_x(title)}</title>',
            '<rect width="100%" height="100%" fill="#fff"/>',
            f'<text x="10" y="20" font-size="14" font-weight="bold">{_x(title)}</text>',
            *body,
            "</svg>",
        ]
    )


def _axis(left: float, right: float, top: float, bottom: float, lo: float, hi: float) -> list[str]:
    """A horizontal value axis at ``bottom`` with grid lines; returns SVG lines."""
    lines = []
    for tick in _ticks(lo, hi):
        if tick < lo - 1e-9 or tick > hi + 1e-9:
            continue
        x = left + (tick - lo) / (hi - lo) * (right - left)
        lines.append(
            f'<line x1="{_n(x)}" y1="{_n(top)}" x2="{_n(x)}" y2="{_n(bottom)}" stroke="#ddd"/>'
        )
        label = f"{tick:g}".replace("-", _MINUS)
        lines.append(f'<text x="{_n(x)}" y="{_n(bottom + 14)}" text-anchor="middle">{label}</text>')
    lines.append(
        f'<line x1="{_n(left)}" y1="{_n(bottom)}" x2="{_n(right)}" y2="{_n(bottom)}" '
        'stroke="#000"/>'
    )
    return lines


def _profile_svg(chart: ProfileChart) -> str:
    label_w, bar_w, row, gap = 260.0, 360.0, 16.0, 10.0
    notes = []
    if chart.omitted:
        notes.append(f"No outlet uses in its own words: {', '.join(chart.omitted)}.")
    if chart.not_analysed:
        notes.append(f"Not in English, not counted: {', '.join(chart.not_analysed)}.")
    note = " ".join(notes)
    groups: list[str] = []
    for bar in chart.bars:
        if bar.group not in groups:
            groups.append(bar.group)
    top = 40.0
    height = top + len(chart.bars) * row + len(groups) * gap + (68 if note else 50)
    width = label_w + bar_w + 110
    if not chart.bars:
        empty = (
            note
            if chart.outlets or not chart.not_analysed
            else (
                f"No report is in English, so no frame was counted "
                f"(not analysed: {', '.join(chart.not_analysed)})."
            )
        )
        empty = empty or "No frames lexicon was used."
        body = [f'<text x="10" y="50">{_x(empty)}</text>']
        return _svg(chart.title, width, 70, body, "chart-frames")
    hi = max(max(b.value for b in chart.bars), 1.0)
    hi = _ticks(0, hi)[-1]
    bottom = height - (58 if note else 40)
    body = _axis(label_w, label_w + bar_w, top - 4, bottom, 0.0, hi)
    if note:
        body.append(f'<text x="10" y="{_n(height - 8)}">{_x(note)}</text>')
    y = top
    last = None
    for bar in chart.bars:
        if bar.group != last:
            if last is not None:
                y += gap
            body.append(f'<text x="10" y="{_n(y + 12)}" font-weight="bold">{_x(bar.group)}</text>')
            last = bar.group
        length = bar.value / hi * bar_w
        body.append(
            f'<text x="{_n(label_w - 6)}" y="{_n(y + 12)}" text-anchor="end">'
            f"{_x(bar.outlet)}</text>"
        )
        body.append(
            f'<rect x="{_n(label_w)}" y="{_n(y + 2)}" width="{_n(length)}" height="{_n(row - 4)}" '
            f'fill="{bar.colour}"><title>{_x(bar.group)}, {_x(bar.outlet)}: '
            f"{_fmt(bar.value)} per 1,000 ({bar.count})</title></rect>"
        )
        body.append(
            f'<text x="{_n(label_w + length + 4)}" y="{_n(y + 12)}">{_fmt(bar.value)} '
            f"({bar.count})</text>"
        )
        y += row
    body.append(
        f'<text x="{_n(label_w + bar_w / 2)}" y="{_n(bottom + 32)}" text-anchor="middle">'
        f"{_x(chart.axis)}</text>"
    )
    return _svg(chart.title, width, height, body, "chart-frames")


def _interval_svg(chart: IntervalChart) -> str:
    label_w, plot_w, row = 330.0, 300.0, 18.0
    label_w = max(label_w, 7.0 * max((len(i.label) for i in chart.intervals), default=0))
    top = 56.0
    width = label_w + plot_w + 230
    if not chart.intervals:
        body = ['<text x="10" y="50">No frame differences were computed.</text>']
        return _svg(chart.title, width, 70, body, "chart-differences")
    height = top + len(chart.intervals) * row + 50
    bound = max(max(abs(i.low), abs(i.high), abs(i.difference)) for i in chart.intervals)
    ticks = _ticks(-max(bound, 1.0), max(bound, 1.0))
    lo, hi = ticks[0], ticks[-1]
    bottom = height - 40

    def xpos(value: float) -> float:
        return label_w + (value - lo) / (hi - lo) * plot_w

    body = [
        '<text x="10" y="38">Filled dot: significant (Benjamini-Hochberg q &lt; 0.05); '
        f"hollow: not significant after correction.{_shown(chart)}</text>",
        *_axis(label_w, label_w + plot_w, top - 4, bottom, lo, hi),
        f'<line x1="{_n(xpos(0))}" y1="{_n(top - 4)}" x2="{_n(xpos(0))}" y2="{_n(bottom)}" '
        'stroke="#000" stroke-dasharray="3 2"/>',
    ]
    for k, item in enumerate(chart.intervals):
        y = top + k * row + row / 2
        fill = "#000" if item.significant else "#fff"
        mark = " *" if item.significant else ""
        body.extend(
            [
                f'<text x="{_n(label_w - 8)}" y="{_n(y + 4)}" text-anchor="end">'
                f"{_x(item.label)}</text>",
                f'<line x1="{_n(xpos(item.low))}" y1="{_n(y)}" x2="{_n(xpos(item.high))}" '
                f'y2="{_n(y)}" stroke="#000" stroke-width="1.5"/>',
                f'<circle cx="{_n(xpos(item.difference))}" cy="{_n(y)}" r="4" fill="{fill}" '
                f'stroke="#000"><title>{_x(item.label)}: {_fmt(item.difference)} '
                f"[{_fmt(item.low)}, {_fmt(item.high)}], q {item.q_value:.3f}</title></circle>",
                f'<text x="{_n(label_w + plot_w + 8)}" y="{_n(y + 4)}">{_fmt(item.difference)} '
                f"[{_fmt(item.low)}, {_fmt(item.high)}] q={item.q_value:.3f}{mark}</text>",
            ]
        )
    body.append(
        f'<text x="{_n(label_w + plot_w / 2)}" y="{_n(bottom + 32)}" text-anchor="middle">'
        f"{_x(chart.axis)}</text>"
    )
    return _svg(chart.title, width, height, body, "chart-differences")


def _shown(chart: IntervalChart) -> str:
    if chart.total <= len(chart.intervals):
        return ""
    return f" The {len(chart.intervals)} with the smallest q of {chart.total} shown."


def grey(value: float) -> tuple[str, str]:
    """Cell fill for a 0..1 value (darker is more similar) and a text colour readable on it."""
    level = round(255 - 200 * min(max(value, 0.0), 1.0))
    return f"#{level:02x}{level:02x}{level:02x}", "#fff" if level < 140 else "#000"


def _matrix_svg(chart: MatrixChart) -> str:
    n = len(chart.outlets)
    label_w, cell, top = 200.0, 90.0, 110.0
    width = max(label_w + n * cell + 20, 560.0)
    height = top + n * cell + 40
    body = []
    for j, name in enumerate(chart.outlets):
        x = label_w + j * cell + cell / 2
        body.append(
            f'<text x="{_n(x)}" y="{_n(top - 8)}" transform="rotate(-30 {_n(x)} {_n(top - 8)})">'
            f"{_x(name)}</text>"
        )
    for i, name in enumerate(chart.outlets):
        y = top + i * cell
        body.append(
            f'<text x="{_n(label_w - 8)}" y="{_n(y + cell / 2 + 4)}" text-anchor="end">'
            f"{_x(name)}</text>"
        )
        for j in range(n):
            x = label_w + j * cell
            value = chart.cosine[i][j]
            fill, ink = grey(value)
            pairs = chart.aligned_pairs[i][j]
            pair_text = "" if i == j else views.plural(pairs, "pair")
            pair_note = f", {pair_text}" if pair_text else ""
            body.extend(
                [
                    f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(cell)}" height="{_n(cell)}" '
                    f'fill="{fill}" stroke="#fff"><title>{_x(chart.outlets[i])} / '
                    f"{_x(chart.outlets[j])}: cosine {value:.2f}{pair_note}</title></rect>",
                    f'<text x="{_n(x + cell / 2)}" y="{_n(y + cell / 2 - 2)}" fill="{ink}" '
                    f'text-anchor="middle" font-size="15">{value:.2f}</text>',
                    f'<text x="{_n(x + cell / 2)}" y="{_n(y + cell / 2 + 16)}" fill="{ink}" '
                    f'text-anchor="middle">{pair_text}</text>',
                ]
            )
    body.append(
        f'<text x="10" y="{_n(height - 12)}">Cell: TF-IDF cosine (0 to 1, darker is more '
        "similar) and sentence pairs aligned between the two.</text>"
    )
    return _svg(chart.title, width, height, body, "chart-similarity")


def render_svg(chart: Chart) -> str:
    """One chart as a standalone SVG element (no scripts, no external resources)."""
    if isinstance(chart, ProfileChart):
        return _profile_svg(chart)
    if isinstance(chart, IntervalChart):
        return _interval_svg(chart)
    return _matrix_svg(chart)
