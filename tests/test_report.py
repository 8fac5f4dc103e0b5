"""Tests of the report stage: word diff, JSON contract, Markdown and HTML safety, atomic writes."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from report_fixture import HOSTILE, build_comparison, same_event_comparison, shuffled
from typer.testing import CliRunner

from framecmp.cli import app
from framecmp.errors import FramecmpError, OutputError
from framecmp.report import (
    FORMATS,
    SCHEMA_VERSION,
    json_report,
    json_schema,
    render_report,
    write_report_atomically,
)
from framecmp.report.diff import DELETE, EQUAL, INSERT, split_diff, word_diff
from framecmp.report.json_report import dumps_indented
from framecmp.report.markdown import escape
from framecmp.report.templating import _MD_SPECIAL, _escape_special

ROOT = Path(__file__).parent.parent
WARNING = "Warning: these reports do not appear to describe the same event"


# --- word diff ------------------------------------------------------------------------------


def test_word_diff_of_a_gold_pair_marks_the_changed_words() -> None:
    # A paraphrase pair from shared/gold/bishkek-alignment.toml (TASS vs the unknown outlet).
    diff = word_diff(
        "The divergence of opinions in the West", "battle of opinions between the collective West"
    )
    assert diff == (
        (DELETE, "The divergence"),
        (INSERT, "battle"),
        (EQUAL, "of opinions"),
        (DELETE, "in"),
        (INSERT, "between"),
        (EQUAL, "the"),
        (INSERT, "collective"),
        (EQUAL, "West"),
    )


def test_word_diff_ignores_case_and_punctuation_but_keeps_the_wording() -> None:
    left, right = split_diff("the West, he said", "The west he said.")
    assert left == ((EQUAL, "the West, he said"),)
    assert right == ((EQUAL, "The west he said."),)


_words = st.lists(st.sampled_from(["the", "West", "west,", "war", "peace", "Kyiv", "Kiev"]))


@given(_words, _words)
def test_split_diff_sides_rebuild_their_sentences(a_words: list[str], b_words: list[str]) -> None:
    a, b = " ".join(a_words), " ".join(b_words)
    left, right = split_diff(a, b)
    assert " ".join(text for _, text in left) == a
    assert " ".join(text for _, text in right) == b
    assert {op for op, _ in left} <= {EQUAL, DELETE}
    assert {op for op, _ in right} <= {EQUAL, INSERT}


# --- JSON -----------------------------------------------------------------------------------


def _json(comparison: object = None) -> dict[str, object]:
    report: dict[str, object] = json.loads(render_report(comparison or build_comparison(), "json"))
    return report


def test_json_report_validates_against_the_shipped_schema() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(_json())
    jsonschema.Draft202012Validator(schema).validate(_json(same_event_comparison()))


def test_schema_rejects_a_report_missing_a_field() -> None:
    report = _json()
    del report["same_event"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, json_schema())


def test_json_report_carries_the_contract_fields() -> None:
    report = _json()
    assert report["schema"] == f"framecmp-report/{SCHEMA_VERSION}"
    assert report["settings"] == {
        "min_score": 0.2,
        "aligner": "lexical",
        "lexicons": ["frames", "terminology", "attribution", "hedges"],
        "seed": 0,
        "stem_terms": False,
    }
    first_pair = report["alignment"][0]  # type: ignore[index]
    assert first_pair["a"] == {"doc": "tass", "sentence": 0}
    assert first_pair["score"] == 0.4123  # rounded to 4 places at render time
    assert report["similarity"][0]["cosine"] == 0.3142  # type: ignore[index]
    claims = [c["id"] for c in report["claims"]]  # type: ignore[attr-defined]
    assert claims == ["c1", "c2", "c3", "c4", "c10"]  # natural order, not string order
    cgtn_terms = {t["term"]: t for t in report["distinctive_terms"]["cgtn"]}  # type: ignore[index]
    assert cgtn_terms["ridiculous"]["significant"] is True  # |z| = 1.96 counts
    assert cgtn_terms["delegation"]["significant"] is False


def test_json_terminology_links_each_count_to_its_sentences() -> None:
    report = _json()
    tass = report["terminology"]["us-name"]["documents"]["tass"]  # type: ignore[index]
    assert tass["wordings"]["United States"] == {
        "count": 2,
        "sentences": [0, 2],
        "matched": ["United States"],
    }
    sentences = report["sentences"]["tass"]  # type: ignore[index]
    assert all("United States" in sentences[i]["text"] for i in (0, 2))


def test_json_lexicon_sections_have_every_document_and_the_hits() -> None:
    report = _json()
    frames = report["frames"]
    assert set(frames) == {"tass", "d3", "cgtn"}  # type: ignore[arg-type]
    conflict = frames["d3"]["conflict"]  # type: ignore[index]
    assert conflict["count"] == 3
    assert [h["sentence"] for h in conflict["hits"]] == [0, 2, 4]
    assert set(report["attribution"]["d3"]) == {"emphatic"}  # type: ignore[index]
    assert report["hedges"]["cgtn"]["hedge"]["count"] == 1  # type: ignore[index]


def test_json_keeps_hostile_text_verbatim() -> None:
    report = _json()
    assert report["sentences"]["tass"][5]["text"] == HOSTILE  # type: ignore[index]


def test_json_writes_null_for_a_value_that_could_not_be_computed() -> None:
    comparison = build_comparison()
    broken = dataclasses.replace(
        comparison, similarity=(dataclasses.replace(comparison.similarity[0], cosine=float("nan")),)
    )
    text = render_report(broken, "json")
    assert "NaN" not in text
    assert json.loads(text)["similarity"][0]["cosine"] is None
    jsonschema.validate(json.loads(text), json_schema())


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=30,
)


@given(_JSON_VALUES)
def test_json_report_encoder_writes_what_json_dumps_writes(value: object) -> None:
    # The report's fast encoder must keep the bytes of the documented settings exactly.
    expected = json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False)
    assert dumps_indented(value) == expected


@given(st.text(alphabet=st.sampled_from("\\|`*_~[]&<>;#a -")))
def test_markdown_special_characters_escape_as_one_mapping(text: str) -> None:
    # The chained replacements must write what one simultaneous mapping writes.
    assert _escape_special(text) == text.translate(str.maketrans(_MD_SPECIAL))


@pytest.mark.parametrize(
    "value",
    [
        [{"b": "},\n    {", "a": 1}, {"c": None}, {"d": [], "e": "]"}],  # newline, brackets in text
        {"x": [{"a": {}}, {"b": 1.5}], "y": [[1, [2]], []]},
        {2: "b", 1: "a"},  # what json.dumps writes its own way: through json.dumps
        {"a": (1, 2)},
        [(), {"x": [()]}],
        {"a": {True: 1}},
    ],
)
def test_json_report_encoder_writes_edge_cases_as_json_dumps_does(value: object) -> None:
    expected = json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False)
    assert dumps_indented(value) == expected


def test_json_report_payload_takes_the_fast_encoder() -> None:
    # A value of another type (a str enum, a tuple) would silently send every report through
    # json.dumps, whose indented output is pure Python and several times slower.
    out: list[str] = []
    json_report._write(json_report.report_payload(build_comparison()), 0, out)
    assert "".join(out) == render_report(build_comparison(), "json").rstrip("\n")


def test_json_report_encoder_refuses_nan_as_json_dumps_does() -> None:
    with pytest.raises(ValueError, match="not JSON compliant"):
        dumps_indented({"a": [1.0, float("nan")]})


def _schema_field_names(node: object) -> set[str]:
    names: set[str] = set()
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            names.add(key)
            names |= _schema_field_names(value)
        for key in ("additionalProperties", "items"):
            names |= _schema_field_names(node.get(key))
        for value in node.get("$defs", {}).values():
            names |= _schema_field_names(value)
    return names


def test_every_json_field_is_documented() -> None:
    docs = (ROOT / "docs" / "json-report.md").read_text(encoding="utf-8")
    missing = sorted(n for n in _schema_field_names(json_schema()) if f"`{n}`" not in docs)
    assert not missing, f"fields missing from docs/json-report.md: {missing}"


# --- determinism ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_reports_are_byte_identical_for_the_same_comparison(fmt: str) -> None:
    first = render_report(build_comparison(), fmt)
    assert render_report(build_comparison(), fmt) == first
    assert render_report(shuffled(build_comparison()), fmt) == first


def test_reports_do_not_depend_on_the_hash_seed() -> None:
    code = (
        "import sys; sys.path.insert(0, 'tests');"
        "from report_fixture import build_comparison;"
        "from framecmp.report import render_report;"
        "sys.stdout.write(''.join(render_report(build_comparison(), f) for f in "
        "('markdown', 'json', 'html')))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            check=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


# --- the not-same-event warning -------------------------------------------------------------


def test_markdown_warns_at_the_very_top_when_not_the_same_event() -> None:
    lines = render_report(build_comparison(), "markdown").splitlines()
    assert lines[0].startswith("# ")
    assert lines[2] == f"> **{WARNING}**"
    signals = "\n".join(line for line in lines[3:8] if line.startswith(">"))
    assert "tass vs cgtn: score 0.31" in signals  # the pair and the signals that decided it
    assert "shared-quotes 0.00" in signals


def test_html_warns_before_any_section_when_not_the_same_event() -> None:
    page = render_report(build_comparison(), "html")
    assert page.index('<div class="warning" role="alert">') < page.index("<section ")
    assert page.index(WARNING) < page.index("<section ")


def test_json_first_warning_says_not_the_same_event() -> None:
    report = _json()
    assert report["same_event"]["verdict"] is False  # type: ignore[index]
    assert report["warnings"][0].startswith(WARNING)  # type: ignore[index]


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_event_warning_when_the_reports_describe_one_event(fmt: str) -> None:
    assert WARNING not in render_report(same_event_comparison(), fmt)


# --- Markdown -------------------------------------------------------------------------------


def _table_blocks(markdown: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    return blocks + ([current] if current else [])


def _cells(row: str) -> int:
    return len(re.split(r"(?<!\\)\|", row)) - 2  # leading and trailing pipes


def test_markdown_tables_keep_their_shape_with_hostile_text() -> None:
    markdown = render_report(build_comparison(), "markdown")
    blocks = _table_blocks(markdown)
    assert len(blocks) > 10
    for block in blocks:
        widths = {_cells(row) for row in block}
        assert len(widths) == 1, block


def test_markdown_renders_to_tables_of_the_right_width_and_no_live_html() -> None:
    markdown = render_report(build_comparison(), "markdown")
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    assert "<script" not in html
    assert 'href="javascript' not in html
    assert "<b onmouseover" not in html
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        header = len(re.findall(r"<th[ >]", table))
        for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)[1:]:
            assert len(re.findall(r"<td[ >]", row)) == header


def test_markdown_source_has_no_raw_markup_from_article_text() -> None:
    markdown = render_report(build_comparison(), "markdown")
    assert "<script" not in markdown.lower()
    assert not re.search(r"(?<!\\)\]\(javascript", markdown)
    assert "\x1b" not in markdown
    assert "`rm" not in markdown.replace("\\`rm", "")


def test_escape_neutralises_each_special_character() -> None:
    assert escape("# a | b\nc") == "\\# a \\| b c"
    assert escape("*x* _y_ `z` [l](u) <i> \\") == (
        "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) &lt;i&gt; \\\\"
    )


def test_markdown_shows_word_differences_of_aligned_sentences() -> None:
    markdown = render_report(build_comparison(), "markdown")
    row = next(line for line in markdown.splitlines() if line.startswith("| s0: The ~~divergence"))
    assert "**between**" in row
    assert "**collective**" in row


def test_markdown_marks_differences_not_distinguishable_from_zero() -> None:
    markdown = render_report(build_comparison(), "markdown")
    rows = {line.split(" | ")[0]: line for line in markdown.splitlines() if "frames/" in line}
    assert "not significant after correction" in rows["| frames/conflict"]
    diplomacy = [line for line in markdown.splitlines() if line.startswith("| frames/diplomacy")]
    assert all(line.endswith("| significant |") for line in diplomacy)


def test_markdown_coverage_matrix_marks_which_outlet_carries_a_claim() -> None:
    markdown = render_report(build_comparison(), "markdown")
    row = next(line for line in markdown.splitlines() if line.startswith("| c10 |"))
    assert row.endswith("| — | ✓ | ✓ |")  # tass, d3, cgtn


def test_markdown_contrasts_quotes_of_one_speaker_worded_differently() -> None:
    markdown = render_report(build_comparison(), "markdown")
    section = markdown.split("### Quotes worded differently")[1].split("## Tone")[0]
    assert "| Putin | TASS (tass): " in section
    assert "**battle of opinions between**" in section
    # Quotes of aligned sentences that share no content word are not the same quote.
    assert "Frankly" not in section


# --- HTML -----------------------------------------------------------------------------------


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def test_html_has_no_injected_tags_links_or_attributes() -> None:
    page = render_report(build_comparison(), "html")
    collector = _TagCollector()
    collector.feed(page)
    tags = {tag for tag, _ in collector.tags}
    assert "script" not in tags
    assert tags <= {
        "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "p", "div",
        "section", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "span", "strong",
        "del", "ins", "br", "a", "ol", "nav", "mark",
        # the inline SVG charts
        "svg", "rect", "line", "circle", "text",
    }  # fmt: skip
    attributes = {name for _, attrs in collector.tags for name, _ in attrs}
    assert attributes <= {
        "lang",
        "charset",
        "name",
        "content",
        "class",
        "role",
        "href",
        "id",
        "value",
        "aria-label",
        # the inline SVG charts: geometry and presentation only, never an event handler
        *("xmlns", "viewbox", "width", "height", "style", "aria-labelledby", "x", "y", "x1"),
        *("y1", "x2", "y2", "cx", "cy", "r", "fill", "stroke", "stroke-width"),
        *("stroke-dasharray", "font-size", "font-weight", "text-anchor", "transform"),
    }
    # Links only ever point inside the page: at a sentence or a section.
    hrefs = [str(v) for _, attrs in collector.tags for name, v in attrs if name == "href"]
    assert hrefs
    assert all(v.startswith(("#s-", "#part-")) for v in hrefs)
    ids = {str(v) for _, attrs in collector.tags for name, v in attrs if name == "id"}
    assert {v[1:] for v in hrefs} <= ids
    assert "javascript:" not in " ".join(str(v) for _, attrs in collector.tags for _, v in attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_html_is_self_contained() -> None:
    page = render_report(build_comparison(), "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page
    assert not re.search(r'<(link|img|iframe|object)\b|\bsrc=|\bhref="(?!#)|@import|url\(', page)


def test_html_shows_word_differences_side_by_side() -> None:
    page = render_report(build_comparison(), "html")
    assert "<del>divergence</del>" in page
    assert "<ins>collective</ins>" in page
    assert (
        '<td class="side"><a class="sn" href="#s-tass-0">s0</a> The <del>divergence</del>' in page
    )


# --- dispatch and writing -------------------------------------------------------------------


def test_render_report_rejects_an_unknown_format() -> None:
    with pytest.raises(FramecmpError, match=r"^unknown report format 'pdf'; use one of: markdown"):
        render_report(build_comparison(), "pdf")


def test_write_report_creates_parent_directories(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "nested" / "report.md"
    write_report_atomically(target, "# report\n")
    assert target.read_text(encoding="utf-8") == "# report\n"
    assert os.listdir(target.parent) == ["report.md"]


def test_failed_write_leaves_the_old_report_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.json"
    target.write_text("old\n", encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError, match=rf"^{re.escape(str(target))}: cannot write report: "):
        write_report_atomically(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["report.json"]


def test_writing_onto_a_directory_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(OutputError, match=r"is a directory; give a file name"):
        write_report_atomically(target, "x\n")
    assert os.listdir(tmp_path) == ["out"]
    assert target.is_dir()


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_unique_sentences_are_not_presented_as_proof_of_absence(fmt: str) -> None:
    # some "unique" sentences have a reworded counterpart on judged real coverage (about 1 in
    # 10): the report must say so where it lists them
    text = render_report(build_comparison(), fmt)
    unique = text[text.index("Unique sentences") :]
    assert "Not proof that no other report carries the claim" in unique


def test_a_same_quote_worded_differently_is_contrasted_even_without_a_named_speaker(
    tmp_path: Path,
) -> None:
    # the aligner calls the two quotes one utterance (same-quote); neither names its speaker
    section = _quotes_worded_differently(
        tmp_path,
        "The model Jane Page died on Thursday in Los Angeles at the age of 85.\n\n"
        "In her later years she defended the work she had done, she told a magazine:\n\n"
        '"I never thought it was shameful. It was better than pounding a typewriter eight '
        'hours a day, which gets monotonous."\n',
        "Jane Page, the model of the 1950s, died on Thursday in Los Angeles at 85.\n\n"
        "Looking back on that career, she told a magazine:\n\n"
        '"I never thought it was shameful. It was much better than pounding a typewriter '
        'eight hours a day."\n',
    )
    row = next(line for line in section.splitlines() if "typewriter" in line)
    assert row.startswith("| unnamed |")
    assert "It was **much** better" in row
    assert "~~which gets monotonous.~~" in row


def test_two_speakers_in_one_sentence_are_never_contrasted_with_each_other(tmp_path: Path) -> None:
    # one sentence quotes two people in each report; each person's words are compared only with
    # the same person's words, never one speaker's "ready" with the other's "not ready"
    section = _quotes_worded_differently(
        tmp_path,
        '"We are ready to leave now," resident Ann Lee told reporters, while her neighbour '
        'Bob Ray said: "We are not ready to leave our homes."\n',
        '"We are ready to leave," resident Ann Lee told reporters, while her neighbour '
        'Bob Ray said: "We are not ready to leave our homes yet."\n',
    )
    rows = [line for line in section.splitlines() if "ready" in line]
    assert len(rows) == 2
    assert {row.split("|")[1].strip() for row in rows} == {"Ann Lee", "Bob Ray"}
    assert all("/" not in row.split("|")[1] for row in rows)


def test_one_quote_in_british_and_american_spelling_is_not_worded_differently(
    tmp_path: Path,
) -> None:
    quote = "We {o} the evacuation of every family from the flooded streets of the old town."
    section = _quotes_worded_differently(
        tmp_path,
        f'The mayor said: "{quote.format(o="organised")}"\n',
        f'The mayor said: "{quote.format(o="organized")}"\n',
    )
    assert "evacuation" not in section
    assert "read the same" in section


def test_no_aligned_quote_is_not_called_read_the_same(tmp_path: Path) -> None:
    # A fact-checker's review: "aligned quotes of one speaker read the same" was printed where
    # no quote was aligned at all, as if the two governors' quotes had been compared.
    section = _quotes_worded_differently(
        tmp_path,
        'The governor said: "Two houses collapsed in the village and the roads are shut."\n',
        "The bridge over the river reopened to traffic on Tuesday after repairs.\n",
    )
    assert "read the same" not in section
    assert "no quote of one speaker is aligned across the reports" in section


def _quotes_worded_differently(tmp_path: Path, left_text: str, right_text: str) -> str:
    """The "Quotes worded differently" section of the Markdown report on two texts."""
    left, right, report = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "r.md"
    left.write_text(left_text, encoding="utf-8")
    right.write_text(right_text, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["compare", str(left), str(right), "-q", "--allow-different-events", "-o", str(report)]
    )
    assert result.exit_code == 0, result.output
    section = report.read_text(encoding="utf-8").split("### Quotes worded differently")[1]
    return section.split("## Tone")[0]
