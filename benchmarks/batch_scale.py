"""Batch at scale: ingest + events + batch over corpora of 1k, 5k and 20k articles.

Corpora: the 982 ECB+ documents (eval/event_clustering.py reads them) plus the 5 samples,
copied in rounds until the size is reached. In round r every ECB+ event gets a day drawn in
a span of 12 weeks (seed r) and its documents are dated that day or the two after; the
samples keep their own dates; each copy gets a line "Edition r." so its content hash
differs. Written as plain-text files with a ` date` header into a temporary folder.

Each size runs, as separate processes on a fresh store: `framecmp ingest`, `framecmp events
--format json`, `framecmp batch` (reports for every event), then `framecmp batch` again
(nothing new). Printed per step: wall seconds, articles per second, and the peak RSS of the
largest process (ru_maxrss of the children; workers are separate processes, so the sum
can be higher), and the CPU seconds of all its processes, which a busy machine changes
less than the wall time. Growth exponent: log(wall ratio) / log(size ratio) between sizes.
``--ingest-only`` runs the first step alone (its exponent is of the ingest wall time).

    python benchmarks/batch_scale.py [--sizes 1000 5000 20000] [--report-timeout 900]
        [--ingest-only]
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))

from event_clustering import DEFAULT_ECB, corpus  # noqa: E402

FRAMECMP = [sys.executable, "-m", "framecmp"]


def build(folder: Path, size: int, ecb: Path) -> None:
    samples = sorted((ROOT / "data").rglob("*.txt"))
    written = 0
    round_number = 0
    while written < size:
        items = corpus(ecb, "stream", 84, round_number)
        texts = [(f"ecb-{i}", a.text, a.date) for i, (a, _, _) in enumerate(items)]
        texts += [(f"sample-{p.stem}", p.read_text(encoding="utf-8"), None) for p in samples]
        for name, text, day in texts:
            if written >= size:
                break
            header = f" date {day}\n" if day else ""
            target = folder / f"r{round_number:03d}" / f"{name}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"{header}{text}\nEdition {round_number}.\n", encoding="utf-8")
            written += 1
        round_number += 1


def timed(
    args: list[str], timeout: float | None = None, stdout: Path | None = None
) -> tuple[float, float, int, bool]:
    """Wall and CPU seconds, peak RSS in MiB of the largest child so far, finished or not."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    # Its own process group, so a timeout stops the worker processes too.
    handle = stdout.open("wb") if stdout is not None else None
    sink = handle if handle is not None else subprocess.DEVNULL
    process = subprocess.Popen(args, stdout=sink, cwd=ROOT, start_new_session=True)
    try:
        finished = process.wait(timeout=timeout) == 0
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        finished = False
    wall = time.perf_counter() - started
    if handle is not None:
        handle.close()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, after.ru_maxrss // 1024, finished


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--ecb", type=Path, default=DEFAULT_ECB)
    parser.add_argument(
        "--report-timeout", type=float, default=None, help="stop the batch step after N s"
    )
    parser.add_argument("--ingest-only", action="store_true", help="time framecmp ingest alone")
    args = parser.parse_args()
    walls: dict[int, float] = {}
    print(
        "size | step | wall s | CPU s (all processes) | articles/s | "
        "peak RSS MiB (largest process) | finished | load average (1 min) after"
    )
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder, db, reports = Path(tmp) / "in", Path(tmp) / "c.db", Path(tmp) / "reports"
            build(folder, size, args.ecb)
            total = total_cpu = 0.0
            complete = True
            steps = [
                ("ingest", [*FRAMECMP, "ingest", str(folder), "--db", str(db), "-q"], None),
                ("events", [*FRAMECMP, "events", "--db", str(db), "--format", "json"], None),
                (
                    "batch (reports)",
                    [
                        *FRAMECMP,
                        "batch",
                        str(folder),
                        "--db",
                        str(db),
                        "--report-dir",
                        str(reports),
                        "-q",
                    ],
                    args.report_timeout,
                ),
                (
                    "batch again",
                    [
                        *FRAMECMP,
                        "batch",
                        str(folder),
                        "--db",
                        str(db),
                        "--report-dir",
                        str(reports),
                        "-q",
                    ],
                    None,
                ),
            ]
            if args.ingest_only:
                steps = steps[:1]
            for name, command, timeout in steps:
                if name == "batch again" and not complete:
                    # The cut batch would carry on reporting: time the nothing-new ingest instead.
                    name, command = "ingest again (batch was cut)", steps[0][1]
                listing = Path(tmp) / "events.json" if name == "events" else None
                wall, cpu, peak, finished = timed(command, timeout, listing)
                if listing is not None:
                    listed = json.loads(listing.read_text(encoding="utf-8"))["events"]
                    due = sum(1 for event in listed if len(event["articles"]) >= 2)
                    print(f"{size} | events of 2+ articles (reports due) | {due}", flush=True)
                if name != "batch again":
                    total += wall
                    total_cpu += cpu
                print(
                    f"{size} | {name} | {wall:.1f} | {cpu:.1f} | {size / wall:.0f} | {peak} | "
                    f"{'yes' if finished else 'no (timeout)'} | {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
                if name == "batch (reports)":
                    complete = finished
                    written = len(list(reports.glob("ev-*.json"))) if reports.is_dir() else 0
                    print(f"{size} | reports written in that time | {written} events", flush=True)
                    if not finished and written:
                        # Wall only: the killed workers' CPU time is never reported to us.
                        print(
                            f"{size} | reports, all {due} events, extrapolated | "
                            f"{wall * due / written:.0f} wall",
                            flush=True,
                        )
            walls[size] = total
            if not args.ingest_only:
                print(
                    f"{size} | end to end (ingest+events+batch) | {total:.1f} | {total_cpu:.1f} | "
                    f"{size / total:.0f}"
                )
    sizes = sorted(walls)
    for small, large in itertools.pairwise(sizes):
        exponent = math.log(walls[large] / walls[small]) / math.log(large / small)
        print(f"growth exponent {small} -> {large}: {exponent:.2f}")


if __name__ == "__main__":
    main()
