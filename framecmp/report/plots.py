"""PNG files of the report's charts, drawn with matplotlib (imported only here, only when a
PNG is asked for: ``framecmp compare --plot DIR``)."""

from __future__ import annotations

import io
import warnings
from typing import TYPE_CHECKING, Any

from framecmp.errors import FramecmpError
from framecmp.report.charts import Chart, IntervalChart, MatrixChart, ProfileChart, grey
from framecmp.report.views import plural

if TYPE_CHECKING:
    from matplotlib.figure import Figure

_DPI = 150  # sharp enough for slides and print at column width
_MINUS = "\u2212"


def _figure(width: float, height: float) -> tuple[Figure, Any]:
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise FramecmpError(
            "PNG charts need matplotlib; install it (pip install matplotlib)"
        ) from None
    # Figure without pyplot: no global state, no GUI backend; savefig uses Agg for PNG.
    figure = Figure(figsize=(width, height), dpi=_DPI)
    return figure, figure.add_subplot()


def _profile(chart: ProfileChart) -> Figure:
    figure, ax = _figure(7.5, max(2.5, 0.22 * len(chart.bars) + 1.5))
    labels = [f"{b.group} \u2014 {b.outlet}" for b in chart.bars]
    positions = list(range(len(chart.bars)))[::-1]
    hatches = ["", "//", "..", "xx", "\\\\", "--", "++", "oo"]
    outlet_index = {name: i for i, name in enumerate(chart.outlets)}
    for pos, bar in zip(positions, chart.bars, strict=True):
        ax.barh(
            pos,
            bar.value,
            color=bar.colour,
            hatch=hatches[outlet_index.get(bar.outlet, 0) % len(hatches)],
            edgecolor="black",
            linewidth=0.4,
        )
        ax.text(bar.value, pos, f" {bar.value:.1f} ({bar.count})", va="center", fontsize=7)
    ax.set_yticks(positions, labels, fontsize=7)
    ax.set_xlabel(chart.axis)
    title = chart.title
    if chart.omitted:
        title += f"\nnot used in any outlet's own words: {len(chart.omitted)} categories"
    if chart.not_analysed:
        title += f"\nnot in English, not counted: {', '.join(chart.not_analysed)}"
    ax.set_title(title, fontsize=9)
    ax.margins(x=0.15)
    return figure


def _intervals(chart: IntervalChart) -> Figure:
    figure, ax = _figure(7.5, max(2.5, 0.25 * len(chart.intervals) + 1.5))
    positions = list(range(len(chart.intervals)))[::-1]
    for pos, item in zip(positions, chart.intervals, strict=True):
        ax.plot([item.low, item.high], [pos, pos], color="black", linewidth=1.2)
        ax.plot(
            [item.difference],
            [pos],
            marker="o",
            markersize=5,
            markerfacecolor="black" if item.significant else "white",
            markeredgecolor="black",
        )
    ax.axvline(0, color="black", linestyle="--", linewidth=0.8)
    ax.set_yticks(positions, [i.label for i in chart.intervals], fontsize=7)
    ax.set_xlabel(chart.axis)
    note = "filled: significant (BH q < 0.05); hollow: not"
    if chart.total > len(chart.intervals):
        note += f"; the {len(chart.intervals)} with the smallest q of {chart.total}"
    ax.set_title(f"{chart.title}\n{note}", fontsize=9)
    return figure


def _matrix(chart: MatrixChart) -> Figure:
    n = len(chart.outlets)
    figure, ax = _figure(2.5 + 1.1 * n, 1.8 + 1.0 * n)
    ax.imshow(chart.cosine, cmap="Greys", vmin=-0.28, vmax=1.0)  # -0.28: as grey()'s lightest
    for i in range(n):
        for j in range(n):
            value = chart.cosine[i][j]
            pairs = chart.aligned_pairs[i][j]
            ink = grey(value)[1]
            text = f"{value:.2f}" if i == j else f"{value:.2f}\n{plural(pairs, 'pair')}"
            ax.text(j, i, text, ha="center", va="center", color=ink)
    ax.set_xticks(range(n), chart.outlets, rotation=30, ha="right")
    ax.set_yticks(range(n), chart.outlets)
    ax.set_title(chart.title, fontsize=9)
    return figure


def render_png(chart: Chart) -> bytes:
    """One chart as PNG bytes, without a timestamp, so a re-run writes the same file."""
    if isinstance(chart, ProfileChart):
        figure = _profile(chart)
    elif isinstance(chart, IntervalChart):
        figure = _intervals(chart)
    else:
        figure = _matrix(chart)
    with warnings.catch_warnings():
        # a long outlet name leaves no room for tight margins: matplotlib warns on stderr with
        # its own file paths; the chart is drawn all the same
        warnings.simplefilter("ignore", UserWarning)
        figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
