"""Time and peak memory of the align stage on long and on many documents (after start-up).

    python benchmarks/alignment_cost.py [ECBPLUS_TEXT_DIR] [--aligner lexical|semantic] [--whole]
    (default eval/data/ecbplus, the committed ECB+ texts; lexical)

With ``--whole`` it times the whole analysis instead (``api.compare_documents``: alignment,
same-event verdict, terms, lexicon scores, voices and tone; no rendering), first run on each
input after a warm-up on two other sentences, so no stage's cache has seen them; and two
~2,000-word documents (issue 9: one compare of two 2,000-word articles < 2 s after start-up).
``--workers 2`` as ``framecmp compare`` runs it by default (the framing stages in a second
process on long inputs); CPU is then both processes' and the second one's peak memory is shown
too. Wall times on a shared machine swing by a third: run the two settings in turns.

Builds two ~20,000-word documents by joining ECB+ articles (two topics each, so they share
some and differ in most), and 26 documents of ~700 words; prints seconds of `align` after a
warm-up on a small pair (imports, data files), and the peak memory traced in a second run
(tracemalloc), plus the process's peak resident set size. With ``--aligner semantic`` it first
prints the time to load the sentence encoder, and the align stage on the three Bishkek samples
(timing only).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

# As the CLI runs (cli._one_blas_thread): numpy's BLAS in one thread, so the process runs no
# other thread and compare_documents(workers=2) may fork.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framecmp.analysis.align import align  # noqa: E402
from framecmp.model import Document  # noqa: E402
from framecmp.text.segment import segment  # noqa: E402


def document(doc_id: str, text: str) -> Document:
    return Document(doc_id, doc_id, doc_id, text, segment(text))


def joined(paths: list[Path], words: int) -> str:
    parts, count = [], 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        parts.append(text)
        count += len(text.split())
        if count >= words:
            break
    return "\n".join(parts)


def measure_whole(label: str, documents: list[Document], workers: int = 1) -> None:
    from framecmp import api
    from framecmp.analysis import lexicon

    lexicons = lexicon.resolve(api.DEFAULT_LEXICONS)
    children = _children_cpu()
    start, cpu_start = time.perf_counter(), time.process_time()
    comparison = api.compare_documents(documents, lexicons=lexicons, workers=workers)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start + _children_cpu() - children
    words = sum(len(d.text.split()) for d in documents)
    print(
        f"{label}: {len(documents)} documents, {words} words, "
        f"{len(comparison.alignment.pairs)} pairs: whole analysis {seconds:.2f} s wall, "
        f"{cpu:.2f} s CPU"
    )


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (the second process of workers=2)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(label: str, documents: list[Document], aligner: str) -> None:
    start, cpu_start = time.perf_counter(), time.process_time()
    alignment = align(documents, aligner=aligner)
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start  # robust to other jobs on a shared machine
    tracemalloc.start()  # a second run for memory: tracing slows Python several-fold
    align(documents, aligner=aligner)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    words = sum(len(d.text.split()) for d in documents)
    print(
        f"{label}: {len(documents)} documents, {words} words, {len(alignment.pairs)} pairs: "
        f"{seconds:.2f} s wall, {cpu:.2f} s CPU, peak traced memory {peak:.0f} MiB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "eval" / "data" / "ecbplus")
    parser.add_argument("--aligner", choices=("lexical", "semantic"), default="lexical")
    parser.add_argument("--whole", action="store_true", help="time api.compare_documents")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="with --whole: compare_documents(workers=N); 2 lets long inputs use a second process",
    )
    args = parser.parse_args()
    paths = sorted(args.corpus.glob("*/*.txt"))
    if not paths:
        print(f"alignment_cost: no texts under {args.corpus}", file=sys.stderr)
        return 2
    if args.aligner == "semantic":
        import numpy  # noqa: F401  (imported by every compare before the encoder loads)

        from framecmp.analysis.align_semantic import load_embedder

        start, cpu_start = time.perf_counter(), time.process_time()
        load_embedder()
        print(
            f"load the sentence encoder: {time.perf_counter() - start:.2f} s wall, "
            f"{time.process_time() - cpu_start:.2f} s CPU"
        )
    warm = [document("w1", "A warm-up sentence."), document("w2", "A warm-up sentence.")]
    if args.whole:
        from framecmp import api
        from framecmp.analysis import lexicon

        api.compare_documents(warm, lexicons=lexicon.resolve(api.DEFAULT_LEXICONS))
        half = len(paths) // 2
        measure_whole(
            "2 x 20k words",
            [
                document("a", joined(paths[:half], 20_000)),
                document("b", joined(paths[half:], 20_000)),
            ],
            args.workers,
        )
        measure_whole(  # every other article of each topic on each side: many shared claims
            "2 x 20k words, same topics",
            [
                document("c", joined(paths[0::2], 20_000)),
                document("d", joined(paths[1::2], 20_000)),
            ],
            args.workers,
        )
        measure_whole(
            "26 x 700 words",
            [document(f"d{n}", joined(paths[n * 30 :], 700)) for n in range(26)],
            args.workers,
        )
        measure_whole(
            "2 x 2k words",
            [document("x", joined(paths[100:], 2_000)), document("y", joined(paths[130:], 2_000))],
            args.workers,
        )
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"process peak resident memory {rss:.0f} MiB")
        if args.workers > 1:
            second = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"second process peak resident memory {second:.0f} MiB")
        return 0
    align(warm, aligner=args.aligner)
    if args.aligner == "semantic":
        samples = sorted((ROOT / "data" / "bishkek-2025-11-27").glob("*.txt"))
        bishkek = [document(p.stem, p.read_text(encoding="utf-8")) for p in samples]
        measure("3 Bishkek samples", bishkek, args.aligner)
    half = len(paths) // 2
    big = [document("a", joined(paths[:half], 20_000)), document("b", joined(paths[half:], 20_000))]
    measure("2 x 20k words", big, args.aligner)
    small = [document(f"d{n}", joined(paths[n * 30 :], 700)) for n in range(26)]
    measure("26 x 700 words", small, args.aligner)
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak resident memory {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
