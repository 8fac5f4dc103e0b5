"""Long comparisons use a second process (``compare --workers 2``): same reports, and only
where it is safe. Each case runs in a fresh interpreter, whose threads and imports the test
controls (pytest's own process may hold threads other tests started)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framecmp import api
from framecmp.cli import app

ROOT = Path(__file__).resolve().parent.parent
ECBPLUS = ROOT / "eval" / "data" / "ecbplus"


def _joined(paths: list[Path], words: int) -> str:
    parts: list[str] = []
    for path in paths:
        parts.append(path.read_text(encoding="utf-8"))
        if sum(len(p.split()) for p in parts) >= words:
            break
    return "\n\n".join(parts)


@pytest.fixture(scope="module")
def long_reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two real reports of about 3,000 words each: above the second process's threshold."""
    folder = tmp_path_factory.mktemp("long")
    paths = sorted(ECBPLUS.glob("*/*.txt"))
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(_joined(paths[0::2], 3_000), encoding="utf-8")
    b.write_text(_joined(paths[1::2], 3_000), encoding="utf-8")
    assert sum(len(p.read_text().split()) for p in (a, b)) >= api.SECOND_PROCESS_MIN_WORDS
    return [a, b]


def _run_framecmp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "framecmp", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def test_two_processes_write_the_same_reports_as_one(
    long_reports: list[Path], tmp_path: Path
) -> None:
    for workers in ("1", "2"):
        for suffix in ("json", "md"):
            done = _run_framecmp(
                "compare",
                *map(str, long_reports),
                "--workers",
                workers,
                "--allow-different-events",
                "-o",
                str(tmp_path / f"{workers}.{suffix}"),
            )
            assert done.returncode == 0, done.stderr
    for suffix in ("json", "md"):
        one = (tmp_path / f"1.{suffix}").read_bytes()
        assert one == (tmp_path / f"2.{suffix}").read_bytes()
    report = json.loads((tmp_path / "1.json").read_text())
    # the stages run in the second process have findings to lose
    assert report["distinctive_terms"]
    assert report["frames"]
    assert report["voices"]


# Runs compare_documents with `workers`, the framing stages wrapped so they write the process
# they ran in to a file (the last to run wins); prints {"same_process": ..., "scipy": ...,
# "nltk_package": ..., "json": ...}.
_PROBE = """
import json, os, sys, threading
from framecmp import api
from framecmp.analysis import lexicon
from framecmp.ingest.load import LoadOptions

run = api._FramingJob.run
def run_and_say_where(job):
    with open(sys.argv[1], "w") as out:
        out.write(str(os.getpid()))
    if os.getpid() != PARENT:
        if sys.argv[3] == "die":
            os._exit(1)  # the second process killed mid-way
        if sys.argv[3] == "fail":
            raise MemoryError
    return run(job)
api._FramingJob.run = run_and_say_where
PARENT = os.getpid()
if sys.argv[4] == "thread":
    stop = threading.Event()
    threading.Thread(target=stop.wait, daemon=True).start()
articles, _ = api.load_inputs(sys.argv[5:], options=LoadOptions())
documents = api.prepare_documents(articles)
comparison = api.compare_documents(
    documents, lexicons=lexicon.resolve(api.DEFAULT_LEXICONS), workers=int(sys.argv[2])
)
print(json.dumps({
    "same_process": open(sys.argv[1]).read() == str(PARENT),
    "scipy": "scipy" in sys.modules,
    "nltk_package": "nltk" in sys.modules,
    "json": api.render(comparison, "json"),
}))
"""


def _probe(
    tmp_path: Path, paths: list[Path], workers: int, mode: str = "", thread: str = ""
) -> dict:  # type: ignore[type-arg]
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _PROBE,
            str(tmp_path / "pid"),
            str(workers),
            mode or "-",
            thread or "-",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    result: dict = json.loads(done.stdout)  # type: ignore[type-arg]
    return result


def test_the_framing_stages_run_beside_the_alignment_without_loading_scipy(
    long_reports: list[Path], tmp_path: Path
) -> None:
    two = _probe(tmp_path, long_reports, 2)
    assert two["same_process"] is False
    # no thread was started: NLTK's modules still load without the whole of NLTK and SciPy
    assert two["scipy"] is False
    assert two["nltk_package"] is False
    assert two["json"] == _probe(tmp_path, long_reports, 1)["json"]


def test_one_process_where_a_second_would_not_pay_or_is_unsafe(
    long_reports: list[Path], bishkek_paths: list[Path], tmp_path: Path
) -> None:
    assert _probe(tmp_path, long_reports, 1)["same_process"] is True
    # the three samples: under SECOND_PROCESS_MIN_WORDS
    assert _probe(tmp_path, bishkek_paths, 2)["same_process"] is True
    # another thread running: a fork could copy a lock it holds
    assert _probe(tmp_path, long_reports, 2, thread="thread")["same_process"] is True


@pytest.mark.parametrize("mode", ["die", "fail"])
def test_a_second_process_that_dies_or_fails_leaves_the_comparison_whole(
    long_reports: list[Path], tmp_path: Path, mode: str
) -> None:
    broken = _probe(tmp_path, long_reports, 2, mode=mode)
    assert broken["same_process"] is True  # run again here after the other process stopped
    assert broken["json"] == _probe(tmp_path, long_reports, 1)["json"]


def test_workers_below_one_is_a_one_line_error(long_reports: list[Path]) -> None:
    result = CliRunner().invoke(app, ["compare", *map(str, long_reports), "--workers", "0"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "framecmp: error: --workers 0: give 1 or more"


def test_the_help_states_the_threshold_the_code_uses() -> None:
    result = CliRunner().invoke(app, ["compare", "--help"], terminal_width=200)
    assert f"{api.SECOND_PROCESS_MIN_WORDS:,} words or more" in " ".join(result.stdout.split())
