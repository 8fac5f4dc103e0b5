"""The HTML report: one self-contained page, no scripts, no external resources.

Every section is computed once in ``view_model.py`` and drawn by a Jinja2 template in
``templates/*.html.j2`` (autoescape on; article text goes through the ``h`` filter, which keeps
the report's ``html.escape`` output). This module only passes the charts in and assembles the
page: section order and the table of contents.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from framecmp.report import charts, view_model
from framecmp.report.diff import clean_text

if TYPE_CHECKING:
    from framecmp.model import Comparison

_CSS = """
:root { color-scheme: light dark; --line: #8884; --warn-bg: #fde8e8; --warn-fg: #8a1010;
  --ok-bg: #e6f4ea; --del-bg: #ffd7d5; --ins-bg: #ccffd8; --muted: #666; --mark-bg: #fff3a3; }
@media (prefers-color-scheme: dark) {
  :root { --warn-bg: #4a1212; --warn-fg: #ffd0d0; --ok-bg: #12361f; --del-bg: #67060c;
    --ins-bg: #033a16; --muted: #aaa; --mark-bg: #5c4b00; }
}
body { font-family: system-ui, sans-serif; line-height: 1.45; margin: 2rem auto;
  max-width: 80rem; padding: 0 1rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; width: 100%; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left;
  vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.side { width: 42%; }
del { background: var(--del-bg); text-decoration: line-through; }
ins { background: var(--ins-bg); text-decoration: none; font-weight: bold; }
.warning { background: var(--warn-bg); color: var(--warn-fg); border: 2px solid currentColor;
  padding: 0.75rem 1rem; border-radius: 6px; }
.ok { background: var(--ok-bg); padding: 0.5rem 1rem; border-radius: 6px; }
.muted, .note { color: var(--muted); }
li:target { outline: 2px solid currentColor; font-weight: bold; }
a.sn { font-variant-numeric: tabular-nums; }
.sn { color: var(--muted); font-size: 0.85em; }
mark { background: var(--mark-bg); color: inherit; font-weight: bold; }
.reading { display: grid; gap: 1rem; margin: 0.5rem 0 1.5rem; }
.reading > div { min-width: 0; }
.reading p { margin: 0 0 0.5rem; }
.reading p.unique { border-left: 3px double currentColor; padding-left: 0.4rem; }
.reading .with { color: var(--muted); font-size: 0.85em; }
.reading .conflict { color: var(--warn-fg); background: var(--warn-bg); padding: 0 0.2rem; }
.cols-2 { grid-template-columns: repeat(2, minmax(0, 1fr)); }
.cols-3 { grid-template-columns: repeat(3, minmax(0, 1fr)); }
.cols-4 { grid-template-columns: repeat(4, minmax(0, 1fr)); }
.cols-5 { grid-template-columns: repeat(5, minmax(0, 1fr)); }
.cols-6 { grid-template-columns: repeat(6, minmax(0, 1fr)); }
.cols-7 { grid-template-columns: repeat(7, minmax(0, 1fr)); }
.cols-8 { grid-template-columns: repeat(8, minmax(0, 1fr)); }
@media print {
  :root { color-scheme: light; --muted: #444; --mark-bg: transparent; }
  body { max-width: none; margin: 0; padding: 0; font-size: 9pt; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  mark { text-decoration: underline; }
  h2, h3, h4 { break-after: avoid; }
  tr, li, svg.chart, .reading p { break-inside: avoid; }
  .warning, .ok { background: none; color: #000; border: 2px solid #000; }
}
svg.chart { max-width: 100%; height: auto; display: block; margin: 0.5rem 0 1rem;
  color-scheme: light; color: #000; }
"""


def _e(text: str) -> str:
    return html.escape(clean_text(text), quote=True)


def _sentences(comparison: Comparison) -> list[str]:
    return _template("sentences.html.j2", view_model.sentences(comparison))


def _part_id(title: str) -> str:
    return "part-" + "-".join(title.lower().split())


def _documents(comparison: Comparison) -> list[str]:
    return _template("documents.html.j2", view_model.documents(comparison))


def _template(name: str, section: object, **context: object) -> list[str]:
    from framecmp.report.templating import render_html_fragment

    return render_html_fragment(name, s=section, **context)


def _similarity(comparison: Comparison) -> list[str]:
    from markupsafe import Markup

    chart = Markup(charts.render_svg(charts.matrix_chart(comparison)))
    return _template("similarity.html.j2", view_model.similarity(comparison), chart=chart)


def _same_event(comparison: Comparison) -> list[str]:
    return _template("same_event.html.j2", view_model.same_event(comparison))


def _coverage(comparison: Comparison) -> list[str]:
    return _template("coverage.html.j2", view_model.coverage(comparison))


def _aligned(comparison: Comparison) -> list[str]:
    return _template("aligned.html.j2", view_model.aligned(comparison))


def _reading(comparison: Comparison) -> list[str]:
    return _template("reading.html.j2", view_model.reading(comparison))


def _unique(comparison: Comparison) -> list[str]:
    return _template("unique.html.j2", view_model.unique(comparison))


def _distinctive(comparison: Comparison) -> list[str]:
    return _template("distinctive.html.j2", view_model.distinctive(comparison))


def _frames(comparison: Comparison) -> list[str]:
    from markupsafe import Markup

    section, differences = (
        view_model.scores(comparison, "frames"),
        view_model.differences(comparison),
    )
    # Charts are hand-written SVG with every label escaped (charts.py); drawn only when shown.
    profile = charts.render_svg(charts.profile_chart(comparison)) if section.rows else ""
    intervals = charts.render_svg(charts.interval_chart(comparison)) if differences.rows else ""
    return _template(
        "frames.html.j2",
        section,
        d=differences,
        profile_chart=Markup(profile),
        interval_chart=Markup(intervals),
    )


def _scores(comparison: Comparison, kind: str) -> list[str]:
    return _template("scores.html.j2", view_model.scores(comparison, kind))


def _voices(comparison: Comparison) -> list[str]:
    return _template("voices.html.j2", view_model.voices(comparison))


def _tone(comparison: Comparison) -> list[str]:
    return _template("tone.html.j2", view_model.tone(comparison))


def _removed(comparison: Comparison) -> list[str]:
    return _template("removed.html.j2", view_model.removed(comparison))


def _warnings(comparison: Comparison) -> list[str]:
    return _template("warnings.html.j2", view_model.warnings(comparison))


def render_html(comparison: Comparison) -> str:
    """The comparison as one self-contained HTML page."""
    from markupsafe import Markup

    lines = _template("header.html.j2", view_model.header(comparison), css=Markup(_CSS))
    sections = [
        _template("summary.html.j2", view_model.summary(comparison)),
        _documents(comparison),
        _similarity(comparison),
        _same_event(comparison),
        _coverage(comparison),
        _aligned(comparison),
        _unique(comparison),
        _reading(comparison),
        _distinctive(comparison),
        _frames(comparison),
        _scores(comparison, "terminology"),
        _scores(comparison, "attribution"),
        _scores(comparison, "hedges"),
        _voices(comparison),
        _tone(comparison),
        _removed(comparison),
        _warnings(comparison),
        _sentences(comparison),
    ]
    titles = [
        re.sub(r"<[^>]+>", "", section[1]) for section in sections if section[1].startswith("<h2>")
    ]
    contents = "".join(
        f'<li><a href="#{_e(_part_id(title))}">{title}</a></li>' for title in titles[1:]
    )
    lines.extend(sections[0])
    lines.append(f'<nav aria-label="Contents"><h2>Contents</h2><ol>{contents}</ol></nav>')
    for section in sections[1:]:
        lines.extend(section)
    lines.extend(["</body>", "</html>"])
    return "\n".join(line for line in lines if line) + "\n"
