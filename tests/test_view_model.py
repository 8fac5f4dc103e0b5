"""The report sections defined once (report/view_model.py) and drawn by every format."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest
from report_fixture import HOSTILE, build_comparison

from framecmp.report import render_report, view_model
from framecmp.report.templating import html_escape, markdown_escape
from framecmp.report.terminal import render_text


def test_sections_hold_raw_text_and_cannot_be_changed() -> None:
    comparison = build_comparison()
    documents = view_model.documents(comparison)
    assert [row.doc_id for row in documents.rows] == [d.doc_id for d in comparison.documents]
    removed = view_model.removed(comparison)
    # Raw text: escaping is each renderer's job.
    assert any("<script>alert(1)</script>" in row.text for row in removed.rows)
    with pytest.raises(dataclasses.FrozenInstanceError):
        documents.rows[0].outlet = "changed"  # type: ignore[misc]


def test_one_warnings_section_drawn_escaped_by_every_format() -> None:
    comparison = dataclasses.replace(build_comparison(), warnings=(HOSTILE, "plain warning"))
    markdown = render_report(comparison, "markdown")
    page = render_report(comparison, "html")
    terminal = render_text(comparison, width=200)
    assert f"- {markdown_escape(HOSTILE)}\n- plain warning\n" in markdown
    assert f"<li>{html_escape(HOSTILE)}</li><li>plain warning</li>" in page
    assert "<script>" not in page.split("<style>")[1].split("</style>")[1]
    assert "- plain warning" in terminal
    assert "\x1b[31m" not in terminal


def test_escaping_filters_keep_the_reports_rules() -> None:
    assert markdown_escape("# a|b <i>") == "\\# a\\|b &lt;i&gt;"
    assert markdown_escape("-x *y* _z_ `c` [l] ~s~ &") == (
        "\\-x \\*y\\* \\_z\\_ \\`c\\` \\[l\\] \\~s\\~ &amp;"
    )
    # The HTML report has always written quotes as &#x27; (html.escape), not markupsafe's &#39;.
    assert str(html_escape('it\'s <b>"x"</b>')) == "it&#x27;s &lt;b&gt;&quot;x&quot;&lt;/b&gt;"


def _engines_after_compare(paths: list[Path], *extra: str) -> str:
    script = (
        "import sys\n"
        "from framecmp.cli import main\n"
        f"sys.argv = ['framecmp', 'compare', *{[str(p) for p in paths]!r}, *{extra!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('JINJA2=' + str('jinja2' in sys.modules))\n"
        "sys.stderr.write(' RICH=' + str('rich' in sys.modules))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    return completed.stderr


def test_json_and_terminal_never_import_jinja2_and_file_reports_never_rich(
    tmp_path: Path, bishkek_paths: list[Path]
) -> None:
    assert "JINJA2=False" in _engines_after_compare(bishkek_paths, "--format", "json")
    assert "JINJA2=False" in _engines_after_compare(bishkek_paths)
    # The Markdown and HTML reports are drawn by templates, so the check above can fail.
    stderr = _engines_after_compare(bishkek_paths, "--quiet", "--report-dir", str(tmp_path / "r"))
    assert "JINJA2=True" in stderr, stderr
    # File reports never load the terminal's layout engine (issue 10: batch writes thousands).
    assert "RICH=False" in stderr, stderr
    assert "RICH=True" in _engines_after_compare(bishkek_paths)


def test_every_template_is_shipped_as_package_data() -> None:
    import tomllib

    root = Path(__file__).resolve().parents[1]
    declared = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = declared["tool"]["setuptools"]["package-data"]["framecmp"]
    templates = sorted((root / "framecmp" / "report" / "templates").iterdir())
    assert templates
    for template in templates:
        relative = template.relative_to(root / "framecmp").as_posix()
        assert any(Path(relative).match(pattern) for pattern in patterns), relative


def test_reports_rendered_together_equal_reports_rendered_one_by_one() -> None:
    from framecmp.report import FORMATS, render_reports

    first = build_comparison()
    second = dataclasses.replace(first, warnings=("only the second comparison warns",))
    together = [render_reports(first), render_reports(second)]
    assert together == [{fmt: render_report(c, fmt) for fmt in FORMATS} for c in (first, second)]
    # Sections are shared only inside render_reports: the second comparison got its own.
    assert "only the second comparison warns" in together[1]["html"]
    assert "only the second comparison warns" not in together[0]["html"]


def test_shared_sections_build_each_section_once_per_comparison_and_arguments() -> None:
    comparison = build_comparison()
    with view_model.shared_sections():
        assert view_model.aligned(comparison) is view_model.aligned(comparison)
        frames = view_model.scores(comparison, "frames")
        assert view_model.scores(comparison, "terminology") is not frames
        assert view_model.scores(comparison, "frames") is frames
    assert view_model.aligned(comparison) is not view_model.aligned(comparison)


def test_terminology_shows_only_concepts_some_input_words_and_says_how_many_are_left_out(
    tmp_path: Path,
) -> None:
    from framecmp import api
    from framecmp.report import views

    texts = {
        "a.txt": "Officials in Kyiv said the quake damaged homes. Rescuers worked overnight.",
        "b.txt": "Officials in Kiev said the earthquake damaged houses. Crews searched all night.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    comparison = api.compare([tmp_path / name for name in texts])
    table = views.score_table(comparison, "terminology")
    worded = {key for key, by_doc in table if any(s.hits for s in by_doc.values())}
    assert worded  # the default lexicon has Kyiv/Kiev ...
    assert len(worded) < len(table)  # ... and concepts these texts never word
    section = view_model.scores(comparison, "terminology")
    assert {row.key for row in section.rows} == worded
    assert f"{len(table) - len(worded)} of the lexicon's {len(table)} concepts" in section.note
    # the JSON report keeps every concept
    assert len(json.loads(render_report(comparison, "json"))["terminology"]) == len(table)
