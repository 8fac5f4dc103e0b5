"""The HTML report in a real browser: headless Chromium (Debian's ``chromium`` package).

Chromium runs on local files only. A probe script is added to a copy of the report (the
report itself has no script): it records script errors, counts charts and sentence links,
follows a link and reports where it landed; ``--dump-dom`` then shows its findings. Console
messages are read from Chromium's log on stderr. In CI (CI=true) a missing Chromium fails.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framecmp.cli import app

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
CONSOLE = re.compile(r":CONSOLE[^\]]*\]\s*(.*)")
PROBE_RESULT = re.compile(r'<pre id="framecmp-probe">(.*?)</pre>', re.S)

PROBE = """<script>
window.__probeErrors = [];
window.addEventListener("error", (e) => window.__probeErrors.push(String(e.message)));
window.addEventListener("load", () => {
  const out = {errors: window.__probeErrors};
  const initial = document.querySelector(":target");
  out.initialTarget = initial ? initial.id : null;
  out.initialText = initial ? initial.textContent : null;
  out.initialVisible = initial ? initial.getBoundingClientRect().top > -1
    && initial.getBoundingClientRect().top < window.innerHeight : null;
  out.charts = [...document.querySelectorAll("svg.chart")].map((svg) => ({
    title: svg.querySelector("title")?.textContent ?? "",
    width: svg.getBoundingClientRect().width,
    height: svg.getBoundingClientRect().height,
  }));
  const links = [...document.querySelectorAll("a.sn")];
  out.links = links.length;
  out.broken = links.filter((a) => {
    const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
    return !target || target.tagName !== "LI" || !target.closest("#part-sentences");
  }).map((a) => a.getAttribute("href"));
  const link = links[Math.floor(links.length / 2)];
  out.followed = link ? link.getAttribute("href") : null;
  if (link) link.click();
  setTimeout(() => {
    const target = document.querySelector(":target");
    out.landed = target ? target.id : null;
    out.landedText = target ? target.textContent : null;
    if (target) {
      const box = target.getBoundingClientRect();
      out.visible = box.top > -1 && box.top < window.innerHeight;
      out.box = [box.top, window.scrollY, window.innerHeight];
    }
    const pre = document.createElement("pre");
    pre.id = "framecmp-probe";
    pre.textContent = JSON.stringify(out);
    document.body.append(pre);
  }, 200);
});
</script>"""


def _chromium() -> str:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI") == "true":
        pytest.fail("CI must have Chromium: .ci/run installs it with apt-get install chromium")
    pytest.skip("no Chromium on this machine (apt-get install chromium); CI installs it")


def _run(url: str, tmp_path: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "chromium-profile"
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=5000",
        "--window-size=1280,900",
        *flags,
        url,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def _console(stderr: str) -> list[str]:
    return [m.group(1) for m in CONSOLE.finditer(stderr)]


def _probe(page: Path, fragment: str, tmp_path: Path) -> dict[str, object]:
    probed = page.with_name("probed.html")
    text = page.read_text(encoding="utf-8")
    probed.write_text(text.replace("</head>", PROBE + "</head>", 1), encoding="utf-8")
    result = _run(probed.as_uri() + fragment, tmp_path, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    found = PROBE_RESULT.search(result.stdout)
    assert found, "the probe did not run: " + result.stderr[-2000:]
    data: dict[str, object] = json.loads(html.unescape(found.group(1)))
    return data


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import BISHKEK

    folder = tmp_path_factory.mktemp("report")
    paths = [str(BISHKEK / f"{name}.txt") for name in ("tass", "cgtn", "unknown-outlet")]
    result = CliRunner().invoke(app, ["compare", *paths, "--quiet", "--report-dir", str(folder)])
    assert result.exit_code == 0, result.output
    return next(folder.glob("*.html"))


def test_console_and_error_checks_catch_a_broken_page(tmp_path: Path) -> None:
    # The checks below can fail: a page that logs an error and throws is caught by both.
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html><head></head><body><p>x</p><script>console.error("probe-said");'
        "undefinedFunction();</script></body></html>",
        encoding="utf-8",
    )
    result = _run(page.as_uri(), tmp_path, "--dump-dom")
    console = _console(result.stderr)
    assert any("probe-said" in line for line in console), result.stderr[-2000:]
    assert any("undefinedFunction" in line for line in console)
    assert _probe(page, "", tmp_path)["errors"] == [
        "Uncaught ReferenceError: undefinedFunction is not defined"
    ]
    page.write_text(
        '<!DOCTYPE html><html><head></head><body><a class="sn" href="#nowhere">s1</a>'
        '<ol id="part-sentences"><li id="s-a-1">s1 A sentence.</li></ol>'
        '<a class="sn" href="#s-a-1">s1</a></body></html>',
        encoding="utf-8",
    )
    assert _probe(page, "", tmp_path)["broken"] == ["#nowhere"]


def test_report_loads_without_console_messages_or_script_errors(
    report: Path, tmp_path: Path
) -> None:
    result = _run(report.as_uri(), tmp_path, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    assert _console(result.stderr) == []
    assert "<h1>framecmp report: TASS, CGTN, unknown-outlet</h1>" in result.stdout
    assert _probe(report, "", tmp_path)["errors"] == []


def test_report_shows_its_three_charts(report: Path, tmp_path: Path) -> None:
    charts = _probe(report, "", tmp_path)["charts"]
    assert isinstance(charts, list)
    titles = [c["title"] for c in charts]
    assert titles == [
        "Similarity (TF-IDF cosine) and aligned sentence pairs",
        "Frame profile (the outlets' own words)",
        "Frame differences (a \u2212 b) with 95% bootstrap intervals",
    ]
    # Laid out at a readable size in a 1,280-pixel window, not collapsed or overflowing.
    assert all(300 <= c["width"] <= 1280 and c["height"] >= 150 for c in charts)


def test_every_sentence_link_leads_to_its_sentence_and_following_one_lands_on_it(
    report: Path, tmp_path: Path
) -> None:
    data = _probe(report, "", tmp_path)
    assert isinstance(data["links"], int)
    assert data["links"] > 50
    assert data["broken"] == []
    followed = str(data["followed"])
    assert data["landed"] == followed.removeprefix("#")
    number = followed.rsplit("-", 1)[1]
    assert str(data["landedText"]).startswith(f"s{number} ")
    assert data["visible"] is True, data["box"]


def test_opening_the_report_at_a_sentence_shows_that_sentence(report: Path, tmp_path: Path) -> None:
    data = _probe(report, "#s-cgtn-5", tmp_path)
    assert data["initialTarget"] == "s-cgtn-5"
    assert str(data["initialText"]).startswith("s5 ")
    assert data["initialVisible"] is True


def test_report_prints_to_pdf(report: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    result = _run(report.as_uri(), tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert result.returncode == 0, result.stderr[-2000:]
    assert _console(result.stderr) == []
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) > 3  # the whole report, page after page
