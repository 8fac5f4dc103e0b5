"""The Markdown report, written to read well on GitHub.

Two paths build its sections while the move to one view model is under way (issue 8):
- from ``view_model.py`` through the Jinja2 templates ``templates/*.md.j2``: the same-event
  warning, summary, same event, documents, pairwise similarity, coverage, unique sentences,
  distinctive terms, voices (with quotes worded differently), tone, removed noise, warnings;
- still built here from the helpers in ``views.py``: every other section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import framecmp
from framecmp.report import view_model, views
from framecmp.report.diff import Segment, clean_text, split_diff

if TYPE_CHECKING:
    from framecmp.model import CategoryScore, Comparison

_SPECIAL = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "~": "\\~",
        "[": "\\[",
        "]": "\\]",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
    }
)
_EMPTY = "\u2014"  # an em dash in an empty cell
_SECTION_KINDS = (("attribution", "Attribution verbs"), ("hedges", "Hedges"))


def escape(text: str) -> str:
    """Article text made inert for Markdown: one line, no markup, no HTML, safe in table cells."""
    escaped = clean_text(text).translate(_SPECIAL)
    # Only a leading "#" could start a heading; list and quote markers are kept off line starts
    # because every piece of text is written after a prefix ("- ", "| ", "> ").
    return "\\" + escaped if escaped.startswith(("#", "+", "-", "=")) else escaped


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cell if cell else " " for cell in cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = [_row(header), _row(["---"] * len(header))]
    lines.extend(_row(row) for row in rows)
    return [*lines, ""]


def _marked(segments: tuple[Segment, ...]) -> str:
    return views.marked(segments, escape, "~~{}~~", "**{}**")


def _outlet(comparison: Comparison, doc: str) -> str:
    outlet, doc_id = views.outlet_parts(comparison, doc)
    return escape(outlet) if doc_id is None else f"{escape(outlet)} ({escape(doc_id)})"


def _docs(comparison: Comparison) -> list[str]:
    return [d.doc_id for d in comparison.documents]


def _warning_block(comparison: Comparison) -> list[str]:
    return _template("event_warning.md.j2", view_model.event_warning(comparison))


def _header(comparison: Comparison) -> list[str]:
    outlets = ", ".join(escape(d.outlet) for d in comparison.documents)
    settings = comparison.settings
    lines = [f"# framecmp report: {outlets}", ""]
    if not comparison.same_event.verdict:
        lines.extend(_warning_block(comparison))
    lexicons = ", ".join(escape(name) for name in settings.lexicons) or "none"
    lines.append(
        f"framecmp {escape(framecmp.__version__)} · aligner {escape(settings.aligner)} · "
        f"min score {views.fmt(settings.min_score)} · lexicons {lexicons} · seed {settings.seed}"
    )
    return [*lines, "", *_summary(comparison)]


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
    lines = [
        "## Aligned sentences",
        "",
        "Words only on the left are ~~struck through~~; words only on the right are **bold**.",
        "",
    ]
    groups = views.pairs_by_documents(comparison)
    if not groups:
        return [*lines, "_No sentence is aligned._", ""]
    for a, b, pairs in groups:
        lines.extend([f"### {_outlet(comparison, a)} ↔ {_outlet(comparison, b)}", ""])
        for relation in sorted({views.display_relation(p) for p in pairs}, key=views.relation_key):
            lines.extend([f"#### {escape(relation)}", ""])
            rows = []
            for pair in (p for p in pairs if views.display_relation(p) == relation):
                left, right = split_diff(
                    views.sentence_text(comparison, pair.a), views.sentence_text(comparison, pair.b)
                )
                rows.append(
                    [
                        f"s{pair.a.sentence}: {_marked(left)}",
                        f"s{pair.b.sentence}: {_marked(right)}",
                        views.fmt(pair.score),
                        escape(views.claim_relation_label(pair)),
                        escape(", ".join(pair.shared_terms)),
                    ]
                )
            header = [
                _outlet(comparison, a),
                _outlet(comparison, b),
                "score",
                "claims differ",
                "shared terms",
            ]
            lines.extend(_table(header, rows))
    return lines


def _unique(comparison: Comparison) -> list[str]:
    return _template("unique.md.j2", view_model.unique(comparison))


def _distinctive(comparison: Comparison) -> list[str]:
    return _template("distinctive.md.j2", view_model.distinctive(comparison))


def _wording_cell(score: CategoryScore | None) -> str:
    if score is None or not score.hits:
        return _EMPTY
    narration = "; ".join(
        f"{term} \u00d7{count} ({views.sentence_list(sentences)})"
        for term, count, sentences in views.wordings(score)
    )
    quoted = views.quoted_note(score)
    cell = escape(narration) if narration else _EMPTY
    return f"{cell}<br>_{escape(quoted)}_" if quoted else cell


def _rate_cell(score: CategoryScore | None) -> str:
    return _EMPTY if score is None else views.rate(score)


def _frames(comparison: Comparison) -> list[str]:
    docs = _docs(comparison)
    table = views.score_table(comparison, "frames")
    lines = ["## Frames", ""]
    if not table:
        return [*lines, "_No frames lexicon was used._", ""]
    lines.extend(["Hits per 1,000 tokens (count in brackets). " + views.VOICE_NOTE, ""])
    header = ["frame", *(_outlet(comparison, d) for d in docs)]
    rows = [[escape(key), *(_rate_cell(by_doc.get(d)) for d in docs)] for key, by_doc in table]
    lines.extend(_table(header, rows))
    lines.extend(["### Evidence", ""])
    evidence = [
        [escape(key), *(_wording_cell(by_doc.get(d)) for d in docs)] for key, by_doc in table
    ]
    lines.extend(_table(header, evidence))
    lines.extend(_differences(comparison))
    return lines


def _differences(comparison: Comparison) -> list[str]:
    lines = ["### Differences", ""]
    if not comparison.rate_differences:
        return [*lines, "_No rate differences were computed._", ""]
    lines.extend(
        [
            "Narration rate of a minus narration rate of b, per 1,000 narration tokens, with a "
            f"95% bootstrap interval (seed {comparison.settings.seed}); q is the "
            "Benjamini-Hochberg adjusted p-value over every frame test of this report, and "
            "a difference is significant when q < 0.05.",
            "",
        ]
    )
    rows = [
        [
            escape(f"{r.lexicon}/{r.category}"),
            f"{_outlet(comparison, r.a)} \u2212 {_outlet(comparison, r.b)}",
            views.fmt(r.difference, 1),
            f"{views.fmt(r.ci_low, 1)} to {views.fmt(r.ci_high, 1)}",
            views.fmt(r.q_value, 3),
            views.difference_reading(r),
        ]
        for r in views.sorted_differences(comparison)
    ]
    header = ["category", "a \u2212 b", "difference", "95% CI", "q", "reading"]
    return [*lines, *_table(header, rows)]


def _terminology(comparison: Comparison) -> list[str]:
    docs = _docs(comparison)
    table = views.score_table(comparison, "terminology")
    lines = ["## Terminology", ""]
    if not table:
        return [*lines, "_No terminology lexicon was used._", ""]
    lines.extend(
        ["Which wording each outlet uses for a concept (count, sentences). " + views.VOICE_NOTE, ""]
    )
    header = ["concept", *(_outlet(comparison, d) for d in docs)]
    rows = [[escape(key), *(_wording_cell(by_doc.get(d)) for d in docs)] for key, by_doc in table]
    return [*lines, *_table(header, rows)]


def _lexicon_kind(comparison: Comparison, kind: str, title: str) -> list[str]:
    docs = _docs(comparison)
    table = views.score_table(comparison, kind)
    lines = [f"## {title}", ""]
    if not table:
        return [*lines, f"_No {kind} lexicon was used._", ""]
    lines.extend(
        ["Per 1,000 tokens (count), then the wordings found (sentences). " + views.VOICE_NOTE, ""]
    )
    header = ["category", *(_outlet(comparison, d) for d in docs)]
    rows = [
        [
            escape(key),
            *(
                f"{_rate_cell(by_doc.get(d))}: {_wording_cell(by_doc.get(d))}"
                if by_doc.get(d) is not None and by_doc[d].hits
                else _rate_cell(by_doc.get(d))
                for d in docs
            ),
        ]
        for key, by_doc in table
    ]
    return [*lines, *_table(header, rows)]


def _voices(comparison: Comparison) -> list[str]:
    return _template("voices.md.j2", view_model.voices(comparison))


def _tone(comparison: Comparison) -> list[str]:
    return _template("tone.md.j2", view_model.tone(comparison))


def _removed(comparison: Comparison) -> list[str]:
    return _template("removed.md.j2", view_model.removed(comparison))


def _warnings(comparison: Comparison) -> list[str]:
    return _template("warnings.md.j2", view_model.warnings(comparison))


def _template(name: str, section: object) -> list[str]:
    from framecmp.report.templating import render_markdown_fragment

    return render_markdown_fragment(name, s=section)


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
        *(
            line
            for kind, title in _SECTION_KINDS
            for line in _lexicon_kind(comparison, kind, title)
        ),
        *_voices(comparison),
        *_tone(comparison),
        *_collapsible(_removed(comparison), "what was removed"),
        *_warnings(comparison),
    ]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
