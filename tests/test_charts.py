"""Charts: inline SVG in the HTML report and SVG + PNG files with compare --plot."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from report_fixture import build_comparison
from typer.testing import CliRunner

from framecmp.cli import app
from framecmp.report import render_report
from framecmp.report.charts import charts, interval_chart, profile_chart, render_svg

SVG = "{http://www.w3.org/2000/svg}"
STEM = "tass-vs-cgtn-vs-unknown-outlet"
CHARTS = ("frames", "differences", "similarity")


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def _plot(tmp_path: Path, paths: list[Path], folder: str, *extra: str) -> Path:
    target = tmp_path / folder
    args = ["compare", *map(str, paths), "--quiet", "--plot", str(target), *extra]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return target


def test_plot_writes_each_chart_as_svg_and_png(tmp_path: Path, bishkek_paths: list[Path]) -> None:
    folder = _plot(tmp_path, bishkek_paths, "plots")
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{STEM}-{c}.{ext}" for c in CHARTS for ext in ("svg", "png"))
    for chart in CHARTS:
        png = (folder / f"{STEM}-{chart}.png").read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        width = int.from_bytes(png[16:20], "big")
        assert 600 <= width <= 2400  # big enough for a slide, not a poster
        svg = (folder / f"{STEM}-{chart}.svg").read_text(encoding="utf-8")
        texts = " ".join(_texts(svg))
        for outlet in ("TASS", "CGTN", "unknown-outlet"):
            assert outlet in texts, (chart, outlet)


def test_plot_files_are_byte_identical_from_run_to_run(
    tmp_path: Path, bishkek_paths: list[Path]
) -> None:
    first = _plot(tmp_path, bishkek_paths, "one")
    second = _plot(tmp_path, bishkek_paths, "two")
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def test_charts_have_labelled_axes_and_name_every_bar() -> None:
    comparison = build_comparison()
    profile = profile_chart(comparison)
    texts = _texts(render_svg(profile))
    assert profile.axis in texts
    # Colour is never the only signal: every bar carries its outlet's name as text.
    assert texts.count("TASS") == len({b.group for b in profile.bars})
    differences = _texts(render_svg(interval_chart(comparison)))
    assert "difference in narration hits per 1,000 narration tokens" in differences


def test_significant_differences_are_filled_and_the_others_hollow() -> None:
    comparison = build_comparison()
    chart = interval_chart(comparison)
    root = ET.fromstring(render_svg(chart))
    fills = [c.get("fill") for c in root.iter(f"{SVG}circle")]
    assert fills == ["#000" if i.significant else "#fff" for i in chart.intervals]
    assert {"#000", "#fff"} <= set(fills)
    # The reading is also written as text, with q.
    labels = [t for t in _texts(render_svg(chart)) if "q=" in t]
    assert [t.endswith("*") for t in labels] == [i.significant for i in chart.intervals]


def test_frame_profile_leaves_out_frames_no_outlet_uses_and_says_so() -> None:
    comparison = build_comparison()
    frame = next(s for s in comparison.lexicon_scores if s.kind == "frames")
    unused = dataclasses.replace(
        frame, category="never_used", count=0, narration_count=0, hits=(),
        per_1000_tokens=0.0, narration_per_1000_tokens=0.0,
    )  # fmt: skip
    comparison = dataclasses.replace(
        comparison, lexicon_scores=(*comparison.lexicon_scores, unused)
    )
    chart = profile_chart(comparison)
    assert all(b.group != "never_used" for b in chart.bars)
    assert any("never_used" in t for t in _texts(render_svg(chart)))


def test_article_derived_labels_are_escaped_in_svg(
    tmp_path: Path, bishkek_paths: list[Path]
) -> None:
    hostile = '<script>alert(1)</script>&"x'
    folder = _plot(tmp_path, bishkek_paths, "hostile", "--label", f"1={hostile}")
    for chart in CHARTS:
        (path,) = folder.glob(f"*-{chart}.svg")
        svg = path.read_text(encoding="utf-8")
        assert "<script" not in svg
        root = ET.fromstring(svg)  # well-formed: nothing broke out of an element or attribute
        assert any(hostile in "".join(t.itertext()) for t in root.iter(f"{SVG}text"))


def test_html_report_carries_the_three_charts_inline() -> None:
    page = render_report(build_comparison(), "html")
    assert page.count("<svg ") == 3
    for chart in charts(build_comparison()):
        assert render_svg(chart) in page


def _modules_after_compare(bishkek_paths: list[Path], *extra: str) -> str:
    script = (
        "import sys\n"
        "from framecmp.cli import main\n"
        f"sys.argv = ['framecmp', 'compare', *{[str(p) for p in bishkek_paths]!r}, *{extra!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('MATPLOTLIB=' + str('matplotlib' in sys.modules))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    return completed.stderr


def test_compare_without_plot_never_imports_matplotlib(
    tmp_path: Path, bishkek_paths: list[Path]
) -> None:
    report_dir = str(tmp_path / "reports")
    # The HTML report has its charts, hand-written: no plotting library.
    stderr = _modules_after_compare(bishkek_paths, "--quiet", "--report-dir", report_dir)
    assert "MATPLOTLIB=False" in stderr, stderr
    assert "<svg " in next((tmp_path / "reports").glob("*.html")).read_text(encoding="utf-8")
    stderr = _modules_after_compare(bishkek_paths, "--quiet", "--plot", str(tmp_path / "p"))
    assert "MATPLOTLIB=True" in stderr, stderr


def test_many_differences_chart_the_most_significant_and_say_how_many_were_left_out() -> None:
    comparison = build_comparison()
    template = comparison.rate_differences[0]
    many = tuple(
        dataclasses.replace(template, category=f"c{i:03d}", q_value=i / 100, difference=1.0)
        for i in range(100)
    )
    chart = interval_chart(dataclasses.replace(comparison, rate_differences=many))
    assert len(chart.intervals) == 60
    assert [i.q_value for i in chart.intervals] == [i / 100 for i in range(60)]
    assert any("The 60 with the smallest q of 100 shown." in t for t in _texts(render_svg(chart)))


def test_plot_into_a_file_is_a_one_line_error(tmp_path: Path, bishkek_paths: list[Path]) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    args = ["compare", *map(str, bishkek_paths), "--quiet", "--plot", str(blocker)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.output.startswith("framecmp: error: ")
    assert "cannot create the plot directory" in result.output
    assert "Traceback" not in result.output


def test_write_plots_is_public_api(tmp_path: Path, bishkek_paths: list[Path]) -> None:
    import framecmp

    comparison = framecmp.compare([str(p) for p in bishkek_paths])
    written = framecmp.write_plots(comparison, tmp_path / "figures")
    assert sorted(p.suffix for p in written) == [".png"] * 3 + [".svg"] * 3
    assert all(p.stat().st_size > 1000 for p in written)


def test_the_similarity_matrix_counts_pairs_aligned_between_the_two_outlets() -> None:
    # wire's sentence is aligned with daily's and with weekly's, which say different things:
    # daily and weekly share the claim only through wire, so no pair links them
    from hand_documents import text_document

    from framecmp.analysis.lexicon import resolve
    from framecmp.api import compare_documents
    from framecmp.report.charts import matrix_chart

    documents = [
        text_document(
            "daily",
            "Mayor Anna Kowalski resigned on Monday after a bribery investigation.",
            "Her deputy, Tomasz Nowak, is expected to be named interim mayor.",
        ),
        text_document(
            "weekly",
            "Anna Kowalski was first elected mayor in 2019 on an anti-corruption platform.",
            "She won a second term in 2023 with 61 percent of the vote.",
        ),
        text_document(
            "wire",
            "Mayor Anna Kowalski, who was first elected in 2019 on an anti-corruption platform, "
            "resigned on Monday after a bribery investigation.",
            "The city council will choose an interim mayor next week.",
        ),
    ]
    comparison = compare_documents(documents, lexicons=resolve(["frames"]))
    linked = {frozenset((p.a.doc, p.b.doc)) for p in comparison.alignment.pairs}
    assert linked == {frozenset(("daily", "wire")), frozenset(("weekly", "wire"))}
    chart = matrix_chart(comparison)
    pairs = {
        (a, b): chart.aligned_pairs[i][j]
        for i, a in enumerate(("daily", "weekly", "wire"))
        for j, b in enumerate(("daily", "weekly", "wire"))
    }
    assert pairs["daily", "weekly"] == pairs["weekly", "daily"] == 0
    assert pairs["daily", "wire"] == pairs["weekly", "wire"] == 1


def test_a_long_outlet_name_prints_no_matplotlib_warning(
    tmp_path: Path, bishkek_paths: list[Path]
) -> None:
    # an adversarial review: "UserWarning: Tight layout not applied" with framecmp's file paths
    label = "tass=" + "The Port Elden Harbor Daily Morning Gazette And Evening Supplement " * 3
    options = ["--quiet", "--label", label, "--plot", str(tmp_path / "p")]
    result = subprocess.run(
        [sys.executable, "-m", "framecmp", "compare", *map(str, bishkek_paths), *options],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Warning" not in result.stderr
