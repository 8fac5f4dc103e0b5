"""CPU of the report step of `framecmp batch`: every event's Markdown, JSON and HTML report
and the index, on a store that already holds the articles and their events.

    python benchmarks/batch_report_cost.py [--articles 500] [--workers 2] [--runs 1]

Corpus: the first ``--articles`` documents of the dated ECB+ stream that
``benchmarks/batch_scale.py`` builds. ``framecmp ingest`` stores and assigns them (not
timed); then ``framecmp batch`` over the same folder (nothing new to ingest: it writes the
reports) is timed, as a separate process on a copy of the store, ``--runs`` times. Printed:
events reported, wall seconds, and CPU seconds of the process and its workers (user + system,
of every child that ended), per run and per event.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "eval"))

from batch_scale import build  # noqa: E402
from event_clustering import DEFAULT_ECB  # noqa: E402

FRAMECMP = [sys.executable, "-m", "framecmp"]


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        build(folder / "corpus", args.articles, DEFAULT_ECB)
        store = folder / "store.db"
        subprocess.run(
            [*FRAMECMP, "ingest", str(folder / "corpus"), "--db", str(store), "--quiet"],
            check=True,
            cwd=folder,
        )
        for run in range(args.runs):
            copy = folder / f"run{run}.db"
            shutil.copyfile(store, copy)
            reports = folder / f"reports{run}"
            before, started = cpu_seconds(), time.perf_counter()
            subprocess.run(
                [
                    *FRAMECMP,
                    "batch",
                    str(folder / "corpus"),
                    "--db",
                    str(copy),
                    "--report-dir",
                    str(reports),
                    "--workers",
                    str(args.workers),
                    "--quiet",
                ],
                check=True,
                cwd=folder,
                stdout=subprocess.DEVNULL,
            )
            wall, cpu = time.perf_counter() - started, cpu_seconds() - before
            events = len(list(reports.glob("ev-*.json")))
            print(
                f"{args.articles} articles, {events} event reports: wall {wall:.1f} s, "
                f"CPU {cpu:.1f} s ({1000 * cpu / max(events, 1):.0f} ms per event)"
            )


if __name__ == "__main__":
    main()
