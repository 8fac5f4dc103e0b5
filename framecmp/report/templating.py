"""Jinja2 environments for the HTML and Markdown templates (jinja2 is imported only here,
and only when one of those formats is rendered)."""

from __future__ import annotations

import html
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from framecmp.report.diff import clean_text
from framecmp.report.views import sentence_list, truncate

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

# Markdown's special characters and their escapes, applied as one simultaneous mapping.
_MD_SPECIAL = {
    "\\": "\\\\",
    "|": "\\|",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "~": "\\~",
    "[": "\\[",
    "]": "\\]",
    "$": "\\$",  # GitHub renders $...$ as math
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
}


def _escape_special(text: str) -> str:
    """``text.translate(str.maketrans(_MD_SPECIAL))``, 3.5x faster (str.translate with a dict
    looks up every character: 4 us for a sentence, and a report escapes thousands of texts).
    Replacing one character after another is the same mapping in this order: the backslash
    first (every escape adds one), "&" before "<" and ">" (their entities add one), and no
    other escape adds a special character (a test checks the order against translate)."""
    return (
        text.replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("`", "\\`")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("~", "\\~")
        .replace("[", "\\[")
        .replace("]", "\\]")
        .replace("$", "\\$")
    )


@lru_cache(maxsize=8192)  # numbers, categories, labels: the same few texts in every row
def markdown_escape(text: object) -> str:
    """Article text made inert for Markdown: one line, no markup, no HTML, safe in table cells."""
    escaped = _escape_special(clean_text(str(text)))
    # Only a leading "#" could start a heading; list and quote markers are kept off line starts
    # because every piece of text is written after a prefix ("- ", "| ", "> ").
    return "\\" + escaped if escaped.startswith(("#", "+", "-", "=")) else escaped


def html_escape(text: object) -> Markup:
    """Article text cleaned and escaped as the HTML report always has (``&#x27;`` for quotes,
    which markupsafe would write as ``&#39;``), marked safe so autoescape leaves it alone."""
    return _markup()(html.escape(clean_text(str(text)), quote=True))


@cache
def _markup() -> type[Markup]:
    # Imported on first use (with jinja2), once: an import statement per escaped text cost
    # more than the escaping.
    from markupsafe import Markup

    return Markup


@cache
def _environment(html_format: bool) -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    from framecmp.report.cells import HtmlCells, MarkdownCells

    env = Environment(
        loader=PackageLoader("framecmp.report", "templates"),
        autoescape=html_format,
        undefined=StrictUndefined,
        auto_reload=False,  # compiled once per process: no stat of the template per section
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["h"] = html_escape
    env.filters["md"] = markdown_escape
    env.filters["cut"] = truncate
    env.filters["sentence_list"] = sentence_list
    env.globals["empty_cell"] = "\u2014"  # an em dash in an empty cell
    # Table rows, outlet labels, word diffs: Python, not macros (see cells.py).
    env.globals["m"] = HtmlCells() if html_format else MarkdownCells()
    return env


def render_html_fragment(name: str, **context: Any) -> list[str]:
    """The lines of an HTML template (autoescape on)."""
    return _environment(True).get_template(name).render(**context).split("\n")


def render_markdown_fragment(name: str, **context: Any) -> list[str]:
    """The lines of a Markdown template (autoescape off: every text goes through ``md``), ending
    in exactly one blank line, as every section of the Markdown report does."""
    text = _environment(False).get_template(name).render(**context).rstrip("\n")
    return [*text.split("\n"), ""]
