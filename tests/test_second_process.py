"""Long comparisons use a second process (``compare --workers 2``): same reports, and only
where it is safe. Each case runs in a fresh interpreter, whose threads and imports the test
controls (pytest's own process may hold threads other tests started)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
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
    """Two real reports of about 3,500 words each: above the second process's threshold."""
    folder = tmp_path_factory.mktemp("long")
    paths = sorted(ECBPLUS.glob("*/*.txt"))
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(_joined(paths[0::2], 3_500), encoding="utf-8")
    b.write_text(_joined(paths[1::2], 3_500), encoding="utf-8")
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


# Runs compare_documents with `workers` as the CLI runs (one BLAS thread), the framing stages
# wrapped so they write the process they ran in to a file (the last to run wins); prints
# {"same_process": ..., "scipy": ..., "nltk_package": ..., "json": ...}. MODE makes the second
# process (or its start) misbehave; "interrupt" and "sleep" make it sleep instead, and
# "interrupt" then interrupts the first process while it waits (SIGALRM -> KeyboardInterrupt).
_PROBE = """
import json, os, signal, struct, sys, threading, time, _thread
os.environ["OPENBLAS_NUM_THREADS"] = "1"
from framecmp import api, cli
from framecmp.analysis import lexicon
from framecmp.ingest.load import LoadOptions

pid_file, workers, mode, thread = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
paths = sys.argv[5:]
PARENT = os.getpid()
run = api._FramingJob.run
def run_and_say_where(job):
    with open(pid_file, "w") as out:
        out.write(str(os.getpid()))
    if os.getpid() != PARENT:
        if mode == "die":
            os._exit(1)  # the second process killed mid-way
        if mode == "fail":
            raise MemoryError
        if mode == "torn":  # killed while sending: half a message on the pipe
            os.write(SENDER_FD, struct.pack("!i", 100_000) + b"half")
            os._exit(1)
        if mode in ("interrupt", "sleep", "orphan"):
            time.sleep(60)
    return run(job)
api._FramingJob.run = run_and_say_where
forked_init = api._FramingForked.__init__
def init_and_note_the_pipe(self, job):
    global SENDER_FD
    SENDER_FD = None
    import multiprocessing.connection as connection
    pipe = connection.Pipe
    def noted(duplex=True):
        global SENDER_FD
        receiver, sender = pipe(duplex)
        SENDER_FD = sender.fileno()
        return receiver, sender
    connection.Pipe = noted
    try:
        forked_init(self, job)
    finally:
        connection.Pipe = pipe
    if mode == "orphan":  # the first process killed right after the fork
        os.kill(os.getpid(), signal.SIGKILL)
api._FramingForked.__init__ = init_and_note_the_pipe
if mode == "nofork":
    import errno, multiprocessing.process
    def no_fork(self):
        raise OSError(errno.EAGAIN, "Resource temporarily unavailable")
    multiprocessing.process.BaseProcess.start = no_fork
if thread == "thread":
    stop = threading.Event()
    threading.Thread(target=stop.wait, daemon=True).start()
if thread == "raw-thread":  # a thread the threading module does not count
    _thread.start_new_thread(time.sleep, (60,))
if mode == "sleep":  # the CLI's SIGTERM handler, which a second process inherits
    signal.signal(signal.SIGTERM, cli._terminate_as_interrupt)
if mode == "interrupt":
    def interrupt(*_):
        raise KeyboardInterrupt
    signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 3.0)
articles, _ = api.load_inputs(paths, options=LoadOptions())
documents = api.prepare_documents(articles)
started = time.monotonic()
try:
    comparison = api.compare_documents(
        documents, lexicons=lexicon.resolve(api.DEFAULT_LEXICONS), workers=workers
    )
except KeyboardInterrupt:
    import multiprocessing
    print(json.dumps({
        "interrupted_after": time.monotonic() - started,
        "children": [p.pid for p in multiprocessing.active_children()],
    }))
    sys.exit(0)
print(json.dumps({
    "same_process": open(pid_file).read() == str(PARENT),
    "scipy": "scipy" in sys.modules,
    "nltk_package": "nltk" in sys.modules,
    "json": api.render(comparison, "json"),
}))
"""


def _probe_command(
    tmp_path: Path, paths: list[Path], workers: int, mode: str, thread: str
) -> list[str]:
    pid = str(tmp_path / "pid")
    return [sys.executable, "-c", _PROBE, pid, str(workers), mode, thread, *map(str, paths)]


def _probe(
    tmp_path: Path, paths: list[Path], workers: int, mode: str = "-", thread: str = "-"
) -> dict:  # type: ignore[type-arg]
    done = subprocess.run(
        _probe_command(tmp_path, paths, workers, mode, thread),
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result: dict = json.loads(done.stdout)  # type: ignore[type-arg]
    return result


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie no one reaps is dead too
    return "zombie" not in Path(f"/proc/{pid}/status").read_text().lower()


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
    # another thread running: a fork could copy a lock it holds; the kernel counts threads
    # the threading module does not see
    assert _probe(tmp_path, long_reports, 2, thread="thread")["same_process"] is True
    assert _probe(tmp_path, long_reports, 2, thread="raw-thread")["same_process"] is True


@pytest.mark.parametrize("mode", ["die", "fail", "torn", "nofork"])
def test_a_second_process_that_dies_fails_or_cannot_start_leaves_the_comparison_whole(
    long_reports: list[Path], tmp_path: Path, mode: str
) -> None:
    broken = _probe(tmp_path, long_reports, 2, mode=mode)
    assert broken["same_process"] is True  # run here after the other process stopped
    assert broken["json"] == _probe(tmp_path, long_reports, 1)["json"]


def test_an_interrupt_while_waiting_stops_the_second_process_at_once(
    long_reports: list[Path], tmp_path: Path
) -> None:
    # the second process sleeps for 60 s; the first is interrupted 3 s in, while it waits
    interrupted = _probe(tmp_path, long_reports, 2, mode="interrupt")
    assert interrupted["interrupted_after"] < 30
    assert interrupted["children"] == []
    assert not _alive(int((tmp_path / "pid").read_text()))


def _wait_for_second_process(pid_file: Path, parent: int) -> int:
    for _ in range(600):
        if pid_file.exists() and pid_file.read_text() not in ("", str(parent)):
            return int(pid_file.read_text())
        time.sleep(0.1)
    raise AssertionError("the second process did not start")


def test_sigterm_to_the_process_group_prints_no_traceback_from_the_second_process(
    long_reports: list[Path], tmp_path: Path
) -> None:
    process = subprocess.Popen(
        _probe_command(tmp_path, long_reports, 2, "sleep", "-"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        start_new_session=True,
    )
    child = _wait_for_second_process(tmp_path / "pid", process.pid)
    os.killpg(process.pid, signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    assert "Traceback" not in err
    assert json.loads(out)["children"] == []
    assert not _alive(child)


def test_a_first_process_killed_right_after_the_fork_leaves_no_orphan(
    long_reports: list[Path], tmp_path: Path
) -> None:
    done = subprocess.run(
        _probe_command(tmp_path, long_reports, 2, "orphan", "-"),
        capture_output=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == -signal.SIGKILL
    time.sleep(2)  # the second process either never got to the stages or is killed with it
    pid_file = tmp_path / "pid"
    if pid_file.exists():
        assert not _alive(int(pid_file.read_text()))


def test_workers_below_one_is_a_one_line_error(long_reports: list[Path]) -> None:
    result = CliRunner().invoke(app, ["compare", *map(str, long_reports), "--workers", "0"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "framecmp: error: --workers 0: give 1 or more"


def test_the_help_states_the_threshold_the_code_uses() -> None:
    result = CliRunner().invoke(app, ["compare", "--help"], terminal_width=200)
    assert f"{api.SECOND_PROCESS_MIN_WORDS:,} words or more" in " ".join(result.stdout.split())
