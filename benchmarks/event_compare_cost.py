"""CPU cost of one event's comparison, per stage: what `framecmp batch` pays per event.

    python benchmarks/event_compare_cost.py [--data eval/data/ecbplus] [--events 15]
        [--cap 12] [--profile]

Events are ECB+ events (eval/data/ecbplus, manifest field ``event``) with at least 10
documents, in manifest order, each cut to its first ``--cap`` documents. Documents are
prepared once (load, clean, segment are not counted). Each event is then compared once with
``compare_documents``, timing process CPU, and its reports rendered; and, in a fresh process,
once more stage by stage in the order ``compare_documents`` runs them, timing each stage. In
both, one more event is compared before timing, as a batch worker's first event pays for
loading bundled data. Each event is timed on its first comparison in its process: repeating
one would hit the per-text caches, which a batch run over new articles does not. Prints CPU
ms per event (mean over the events) for each stage, for ``compare_documents`` as a whole and
for rendering the Markdown, JSON and HTML reports. ``--profile`` prints the top functions of
a cProfile run over all events instead.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import multiprocessing
import pstats
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from framecmp import report
from framecmp.analysis import align, event, lexicon, score, terms, voices
from framecmp.api import DEFAULT_LEXICONS, compare_documents, prepare_documents
from framecmp.ingest.language import is_english
from framecmp.model import Article, Document, Lexicon

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("markdown", "json", "html")


def build_events(data: Path, events: int, cap: int) -> list[list[Article]]:
    records = [json.loads(line) for line in (data / "manifest.jsonl").open(encoding="utf-8")]
    by_event: dict[str, list[dict[str, object]]] = {}
    for record in records:
        by_event.setdefault(str(record["event"]), []).append(record)
    chosen = [group for group in by_event.values() if len(group) >= 10][:events]
    return [
        [
            Article(
                path=str(record["path"]),
                text=(data / str(record["path"])).read_text(encoding="utf-8"),
                outlet=str(record["doc_id"]),
            )
            for record in group[:cap]
        ]
        for group in chosen
    ]


def stages(documents: list[Document], lexicons: tuple[Lexicon, ...]) -> dict[str, float]:
    """CPU ms of each stage of ``compare_documents``, run in its order with its arguments."""
    times: dict[str, float] = {}

    def timed(name: str, call: Callable[[], object]) -> object:
        start = time.process_time()
        result = call()
        times[name] = times.get(name, 0.0) + (time.process_time() - start) * 1000
        return result

    quotes = timed("quotes", lambda: tuple(q for d in documents for q in voices.extract_quotes(d)))
    assert isinstance(quotes, tuple)
    min_score = align.default_min_score("lexical")
    alignment = timed(
        "align",
        lambda: align.align(documents, min_score=min_score, aligner="lexical", quotes=quotes),
    )
    timed("same event", lambda: event.judge_same_event(documents, alignment, quotes))  # type: ignore[arg-type]
    english = [d for d in documents if is_english(d)]
    scores = timed("lexicon scores", lambda: score.score_lexicons(english, lexicons, quotes))
    timed("similarity", lambda: terms.pairwise_similarity(documents))
    timed("distinctive terms", lambda: terms.distinctive_terms(documents, quotes=quotes))
    timed(
        "frame bootstrap",
        lambda: score.rate_differences(english, scores, quotes=quotes, seed=0),  # type: ignore[arg-type]
    )
    timed(
        "voices",
        lambda: [voices.voices(d, [q for q in quotes if q.doc == d.doc_id]) for d in documents],
    )
    timed(
        "tone", lambda: [voices.tone(d, [q for q in quotes if q.doc == d.doc_id]) for d in english]
    )
    return times


def whole(documents: list[Document], lexicons: tuple[Lexicon, ...]) -> dict[str, float]:
    """CPU ms of ``compare_documents`` as a whole and of rendering its three reports."""
    times: dict[str, float] = {}
    start = time.process_time()
    comparison = compare_documents(documents, lexicons=lexicons)
    times["compare_documents (whole)"] = (time.process_time() - start) * 1000
    start = time.process_time()
    report.render_reports(comparison, FORMATS)
    times["render md+json+html"] = (time.process_time() - start) * 1000
    return times


def _stage_times(data: Path, events: int, cap: int) -> list[dict[str, float]]:
    """Per-stage times of every event, in a process of its own (see ``main``)."""
    warm_up, *prepared = [prepare_documents(a) for a in build_events(data, events + 1, cap)]
    stages(warm_up, lexicon.resolve(DEFAULT_LEXICONS))
    return [stages(documents, lexicon.resolve(DEFAULT_LEXICONS)) for documents in prepared]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "eval" / "data" / "ecbplus")
    parser.add_argument("--events", type=int, default=15)
    parser.add_argument("--cap", type=int, default=12)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    warm_up, *events = [
        prepare_documents(a) for a in build_events(args.data, args.events + 1, args.cap)
    ]

    def lexicons() -> tuple[Lexicon, ...]:
        # As `framecmp compare` does on every call; batch keeps its own cached copy.
        return lexicon.resolve(DEFAULT_LEXICONS)

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for documents in [warm_up, *events]:
            compare_documents(documents, lexicons=lexicons())
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
        return
    whole(warm_up, lexicons())  # first-call loading, paid once per process
    totals = [whole(documents, lexicons()) for documents in events]
    # The stages run again over the same texts: in this process they would hit the caches
    # the whole comparison filled (keyed by text, sentence or token), so they run in a fresh
    # one, where each event is again compared for the first time.
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        per_stage = pool.submit(_stage_times, args.data, args.events, args.cap).result()
    per_event = [{**s, **t} for s, t in zip(per_stage, totals, strict=True)]
    sizes = [len(d) for d in events]
    print(
        f"{len(events)} ECB+ events of {min(sizes)}-{max(sizes)} documents "
        f"({sum(sizes) / len(sizes):.1f} on average); CPU ms per event, mean over events"
    )
    for name in per_event[0]:
        print(f"  {name:<28} {statistics.fmean(e[name] for e in per_event):8.1f}")


if __name__ == "__main__":
    main()
