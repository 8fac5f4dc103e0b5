"""The HTML reading view: outlets in columns, differing words marked, printable."""

from __future__ import annotations

import dataclasses
import html
import re

from report_fixture import HOSTILE, build_comparison

from framecmp.model import SentenceRef
from framecmp.report import render_report
from framecmp.report.diff import INSERT, words_not_in
from framecmp.report.views import sentence_text


def _section(page: str) -> str:
    found = re.search(r'<section id="part-reading-view">(.*?)</section>', page, re.S)
    assert found, "no reading view"
    return found.group(1)


def _columns(section: str) -> list[str]:
    return re.findall(r"<div><h3>.*?</div>", section, re.S)


def _paragraph(column: str, index: int) -> str:
    found = re.search(
        rf'<p[^>]*><a class="sn" href="#s-[^"]*-{index}">s{index}</a>(.*?)</p>', column
    )
    assert found, index
    return found.group(1)


def test_words_not_in_marks_only_content_words_no_counterpart_uses() -> None:
    segments = words_not_in("The West blamed Kyiv for the talks.", ["The west praised talks."])
    marked = [text for op, text in segments if op == INSERT]
    assert marked == ["blamed Kyiv"]  # "The", "for", case and punctuation are no difference
    assert words_not_in("The West blamed Kyiv.", []) == (("equal", "The West blamed Kyiv."),)


def test_reading_view_shows_each_outlet_in_a_column_in_its_own_order() -> None:
    comparison = build_comparison()
    section = _section(render_report(comparison, "html"))
    assert 'class="reading cols-3"' in section
    columns = _columns(section)
    assert [re.sub(r"<[^>]+>|\s*\(.*", "", c.split("</h3>")[0]).strip() for c in columns] == [
        d.outlet for d in comparison.documents
    ]
    for document, column in zip(comparison.documents, columns, strict=True):
        links = re.findall(r'<a class="sn" href="#s-([^"]*)-(\d+)">', column)
        own = [int(n) for doc, n in links if doc == document.doc_id]
        assert own == [s.index for s in document.sentences]


def test_aligned_sentences_mark_words_their_counterpart_lacks_and_name_it() -> None:
    comparison = build_comparison()
    column = _columns(_section(render_report(comparison, "html")))[0]  # TASS
    paragraph = _paragraph(column, 0)  # aligned with d3 s4 only
    counterpart = sentence_text(comparison, SentenceRef("d3", 4)).lower()
    marked = " ".join(re.findall(r"<mark>(.*?)</mark>", paragraph)).lower().split()
    assert marked, paragraph
    assert all(re.sub(r"\W", "", word) not in counterpart for word in marked)
    assert "divergence" in marked  # only TASS words it so
    assert "the" not in marked  # a function word
    assert "west," not in marked  # d3 s4 has it too
    assert 'href="#s-d3-4"' in paragraph.split('class="with"')[1]


def test_unaligned_sentences_are_marked_unique_in_words_and_article_text_is_escaped() -> None:
    page = render_report(build_comparison(), "html")
    column = _columns(_section(page))[0]
    paragraphs = re.findall(r'<p class="unique">.*?</p>', column)
    assert paragraphs
    assert all("(unique)" in p for p in paragraphs)
    assert "<script>" not in _section(page)
    shown = html.unescape(re.sub(r"<[^>]+>", "", _section(page)))
    assert "Hostile | cell <script>alert(1)</script>" in shown
    assert HOSTILE.startswith("Hostile | cell <script>alert(1)</script>")


def test_reading_view_needs_two_to_eight_outlets() -> None:
    comparison = build_comparison()
    many = tuple(
        dataclasses.replace(comparison.documents[i % 3], doc_id=f"doc{i}") for i in range(9)
    )
    section = _section(render_report(dataclasses.replace(comparison, documents=many), "html"))
    assert "2 to 8 outlets side by side; this comparison has 9" in section
    assert "reading cols" not in section


def test_report_prints_without_the_contents_and_with_marks_that_survive_black_and_white() -> None:
    page = render_report(build_comparison(), "html")
    css = page.split("<style>")[1].split("</style>")[0]
    printed = css.split("@media print {")[1].split("\n}")[0]
    assert "nav { display: none; }" in printed
    assert "mark { text-decoration: underline; }" in printed  # no background colour on paper
    assert "break-inside: avoid" in printed


def test_a_conflicting_pair_is_marked_and_named_in_the_reading_view() -> None:
    from hand_documents import text_document

    from framecmp.analysis.lexicon import resolve
    from framecmp.api import compare_documents

    left = text_document(
        "a",
        "A magnitude 6.1 earthquake struck the valley on Tuesday, killing at least 12 people.",
        "The power plant at Bushehr was not damaged, the agency said.",
    )
    right = text_document(
        "b",
        "A magnitude 6.1 earthquake struck the valley on Tuesday, killing at least 21 people.",
        "The power plant at Bushehr was damaged, the agency said.",
    )
    comparison = compare_documents([left, right], lexicons=resolve(["frames"]))
    first, second = _columns(_section(render_report(comparison, "html")))
    killed = _paragraph(first, 0)
    assert re.findall(r"<mark>(.*?)</mark>", killed) == ["12"]  # a number is no content word
    assert "conflicting: 12 / 21" in killed
    assert "conflicting: 21 / 12" in _paragraph(second, 0)  # each side's own words first
    assert re.findall(r"<mark>(.*?)</mark>", _paragraph(first, 1)) == ["not damaged,"]
    assert "<mark>" not in _paragraph(second, 1)


def test_a_negation_both_sides_share_is_not_marked() -> None:
    from hand_documents import text_document

    from framecmp.analysis.lexicon import resolve
    from framecmp.api import compare_documents

    left = text_document("a", "No one was killed and no buildings collapsed, the agency said.")
    right = text_document(
        "b", "Two people were killed and no buildings collapsed, the agency said."
    )
    comparison = compare_documents([left, right], lexicons=resolve(["frames"]))
    first = _columns(_section(render_report(comparison, "html")))[0]
    assert re.findall(r"<mark>(.*?)</mark>", _paragraph(first, 0)) == ["No one was killed"]


def test_the_reading_view_names_how_each_counterpart_differs() -> None:
    from hand_documents import text_document

    from framecmp.analysis.lexicon import resolve
    from framecmp.api import compare_documents

    left = text_document("a", "The president visited the flooded region on Wednesday.")
    right = text_document("b", "The president will visit the flooded region on Wednesday.")
    comparison = compare_documents([left, right], lexicons=resolve(["frames"]))
    first, second = _columns(_section(render_report(comparison, "html")))
    assert "<em>modality: will</em>" in _paragraph(first, 0)
    assert "<em>modality: will</em>" in _paragraph(second, 0)
    assert 'class="conflict"' not in _paragraph(first, 0)
