"""CPU cost of rendering one event's reports (Markdown, JSON, HTML): what `framecmp batch`
pays per event after ``compare_documents``.

    python benchmarks/render_cost.py [--data eval/data/ecbplus] [--events 15] [--cap 12]
        [--profile] [--repeat 1]

The events are those of ``benchmarks/event_compare_cost.py`` (ECB+ events of 10 or more
documents, cut to ``--cap``); each is compared once, untimed. One more event is rendered
before timing (the first render of a process loads the templates). Then each event's three
reports are rendered as ``compare_event`` in a batch worker renders them
(``report.render_reports``), timing process CPU; printed: CPU ms per event (mean over the
events) for the three together and for each format alone (rendered on its own, as
``framecmp compare --format`` does). ``--repeat`` renders every event that many times
(the mean is per render). ``--profile`` prints the top functions of a cProfile run over
the joint renders instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

from framecmp import report
from framecmp.analysis import lexicon
from framecmp.api import DEFAULT_LEXICONS, compare_documents, prepare_documents

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from event_compare_cost import build_events  # noqa: E402

FORMATS = ("markdown", "json", "html")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "eval" / "data" / "ecbplus")
    parser.add_argument("--events", type=int, default=15)
    parser.add_argument("--cap", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    lexicons = tuple(lexicon.resolve(DEFAULT_LEXICONS))
    warm_up, *comparisons = [
        compare_documents(prepare_documents(articles), lexicons=lexicons)
        for articles in build_events(args.data, args.events + 1, args.cap)
    ]
    report.render_reports(warm_up, FORMATS)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for comparison in comparisons * args.repeat:
            report.render_reports(comparison, FORMATS)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(35)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        return
    times: dict[str, list[float]] = {}
    for comparison in comparisons:
        for name, formats in [("md+json+html", FORMATS), *((f, (f,)) for f in FORMATS)]:
            start = time.process_time()
            for _ in range(args.repeat):
                report.render_reports(comparison, formats)
            elapsed = (time.process_time() - start) * 1000 / args.repeat
            times.setdefault(name, []).append(elapsed)
    sizes = [len(c.documents) for c in comparisons]
    print(
        f"{len(comparisons)} ECB+ events of {min(sizes)}-{max(sizes)} documents "
        f"({sum(sizes) / len(sizes):.1f} on average); render CPU ms per event, mean over events"
    )
    for name, values in times.items():
        print(f"  {name:<14} {statistics.fmean(values):8.1f}")


if __name__ == "__main__":
    main()
