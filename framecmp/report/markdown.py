"""The Markdown report, written to read well on GitHub.

Every section is computed once in ``view_model.py`` and drawn by a Jinja2 template in
``templates/*.md.j2`` (autoescape off; article text goes through the ``md`` filter,
``templating.markdown_escape``). This module only assembles the report: section order and the
``<details>`` folds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framecmp.report import view_model
from framecmp.report.templating import markdown_escape

if TYPE_CHECKING:
    from framecmp.model import Comparison


def escape(text: str) -> str:
    """Article text made inert for Markdown (the rules live with the templates' ``md`` filter)."""
    return markdown_escape(text)


def _header(comparison: Comparison) -> list[str]:
    header = _template("header.md.j2", view_model.header(comparison))
    return [*header, *_summary(comparison)]


def _summary(comparison: Comparison) -> list[str]:
    return _template("summary.md.j2", view_model.summary(comparison))


def render_summary_markdown(comparison: Comparison) -> str:
    """The short summary alone, as Markdown (``framecmp compare --summary``)."""
    lines = _summary(comparison)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"


def _documents(comparison: Comparison) -> list[str]:
    return _template("documents.md.j2", view_model.documents(comparison))


def _similarity(comparison: Comparison) -> list[str]:
    return _template("similarity.md.j2", view_model.similarity(comparison))


def _same_event(comparison: Comparison) -> list[str]:
    return _template("same_event.md.j2", view_model.same_event(comparison))


def _coverage(comparison: Comparison) -> list[str]:
    return _template("coverage.md.j2", view_model.coverage(comparison))


def _aligned(comparison: Comparison) -> list[str]:
    return _template("aligned.md.j2", view_model.aligned(comparison))


def _unique(comparison: Comparison) -> list[str]:
    return _template("unique.md.j2", view_model.unique(comparison))


def _distinctive(comparison: Comparison) -> list[str]:
    return _template("distinctive.md.j2", view_model.distinctive(comparison))


def _frames(comparison: Comparison) -> list[str]:
    section, differences = (
        view_model.scores(comparison, "frames"),
        view_model.differences(comparison),
    )
    return _template("frames.md.j2", section, d=differences)


def _terminology(comparison: Comparison) -> list[str]:
    return _template("scores.md.j2", view_model.scores(comparison, "terminology"))


def _lexicon_kind(comparison: Comparison, kind: str) -> list[str]:
    return _template("scores.md.j2", view_model.scores(comparison, kind))


def _voices(comparison: Comparison) -> list[str]:
    return _template("voices.md.j2", view_model.voices(comparison))


def _tone(comparison: Comparison) -> list[str]:
    return _template("tone.md.j2", view_model.tone(comparison))


def _removed(comparison: Comparison) -> list[str]:
    return _template("removed.md.j2", view_model.removed(comparison))


def _warnings(comparison: Comparison) -> list[str]:
    return _template("warnings.md.j2", view_model.warnings(comparison))


def _template(name: str, section: object, **context: object) -> list[str]:
    from framecmp.report.templating import render_markdown_fragment

    return render_markdown_fragment(name, s=section, **context)


def _collapsible(section: list[str], what: str) -> list[str]:
    """A long section folded under <details> (GitHub renders Markdown inside it); the
    heading stays outside, so the table of contents and links still find it."""
    heading, body = section[:2], section[2:]
    while body and not body[-1]:
        body = body[:-1]
    return [*heading, f"<details><summary>Show {what}</summary>", "", *body, "", "</details>", ""]


def render_markdown(comparison: Comparison) -> str:
    """The comparison as a GitHub-flavoured Markdown report."""
    lines = [
        *_header(comparison),
        *_documents(comparison),
        *_similarity(comparison),
        *_same_event(comparison),
        *_coverage(comparison),
        *_collapsible(_aligned(comparison), "every aligned pair"),
        *_collapsible(_unique(comparison), "every unique sentence"),
        *_distinctive(comparison),
        *_frames(comparison),
        *_terminology(comparison),
        *(line for kind in ("attribution", "hedges") for line in _lexicon_kind(comparison, kind)),
        *_voices(comparison),
        *_tone(comparison),
        *_collapsible(_removed(comparison), "what was removed"),
        *_warnings(comparison),
    ]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
