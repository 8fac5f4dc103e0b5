"""When is an unpaired sentence unique? The tables behind ``align.COVERED_MIN_SCORE`` and
``align.SHARED_MIN_SHARE`` (issue 9).

    python eval/unique_dev.py [--ecbplus DIR] [--table]

A sentence the aligner leaves unpaired is called *unique* only when no sentence of another
report sharing a content word with it reaches ``COVERED_MIN_SCORE`` and no sentence of another
report holds ``SHARED_MIN_SHARE`` of its word weight (names included); otherwise it is
*possibly covered*, shown with its nearest sentences. This script re-runs the current aligner on
the comparisons of every judged unique sentence (ECB+, judged ``counterpart`` or ``none`` by the
rules of eval/gold/README.md) and, for each one still unpaired, computes its best pair-scorer
probability and its largest held word share against the other reports (what the cuts are
compared with).

Development side (ECB+ odd topics): for cuts t, how many sentences would stay unique and how
many of those have a counterpart; a cut is the highest one keeping that share at TARGET or less,
also chosen leave-topic-out. The first score cut (0.11, still the semantic aligner's) on
DEV_FILES; the share cut, applied after it, on SHARE_DEV_FILES (sentences then unique by the
score cut; since 7 Dec, third session, these also hold the three even-topic samples judged after
the first share cut, each sentence once); the lexical aligner's score cut re-chosen (7 Dec,
tenth session) on SCORE_DEV_FILES (the share cut's pool and the fresh samples test14-test19:
the sentences the share cut and the number rule leave unique), then its fresh sample
(SCORE_FRESH_FILES).
Held-out side (HELD_OUT_FILES, even topics, not used to choose): the same figures at the shipped
cuts. A comparison is rebuilt
from the file's ``# others:`` line, or by replaying the file's seed where it has none (the
first two dev files).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT))

import alignment_judged as judged  # noqa: E402

from framecmp.analysis import align as align_module  # noqa: E402
from framecmp.analysis import align_semantic  # noqa: E402
from framecmp.analysis.align import (  # noqa: E402
    _carriers,
    _near_units,
    _number_carriers,
    _shared_numbers,
    _shared_words,
    align,
)
from framecmp.analysis.align_semantic import load_embedder  # noqa: E402
from framecmp.analysis.align_units import profiles_of, units_of  # noqa: E402
from framecmp.model import Aligner, Alignment, Coverage, Document, SentenceRef  # noqa: E402

# Judged unique sentences of ECB+ odd topics, with the seed their comparisons were drawn with
# (used only where the file does not list each sentence's other reports).
DEV_FILES = {
    "ecbplus-dev3-unique.toml": 61,
    "ecbplus-dev6-unique.toml": 64,
    "ecbplus-dev2-judgments.toml": 12,
}
# Judged sentences then unique by the first score cut (0.11): where SHARED_MIN_SHARE is
# chosen. The first two (ECB+ odd topics) chose 0.15; the three fresh even-topic samples judged
# after it (0.07, 0.12 and 0.17 of their unique sentences with a counterpart) showed that choice
# optimistic, and the cut was chosen again on all five pooled (7 Dec, third session).
SHARE_DEV_FILES = (
    "ecbplus-dev8-unique.toml",
    "ecbplus-dev9-unique.toml",
    "ecbplus-test9-covered.toml",
    "ecbplus-test10-covered.toml",
    "ecbplus-test11-covered.toml",
)
# Judged unpaired sentences of ECB+ even topics (the fresh samples of earlier aligners, and of
# this rule: test4 on an earlier aligner, test7, test12 and test13 on this one): never read to
# choose a word cut (test12 is among the semantic aligner's cosine cut's development data).
HELD_OUT_FILES = (
    "ecbplus-test-judgments.toml",
    "ecbplus-test3-judgments.toml",
    "ecbplus-test5-judgments.toml",
    "ecbplus-test6-judgments.toml",
    "ecbplus-v1/test-judgments.toml",
    "ecbplus-v1/test2-judgments.toml",
    "ecbplus-test4-unique.toml",
    "ecbplus-test7-covered.toml",
    "ecbplus-test12-covered.toml",
    "ecbplus-test13-covered.toml",
)
# The semantic aligner's fresh samples (its unpaired sentences: all then called unique in the
# first three; test4 and test5 drawn from the rules' own classes).
SEMANTIC_FILES = (
    "ecbplus-semantic-test-judgments.toml",
    "ecbplus-semantic-test2-judgments.toml",
    "ecbplus-semantic-test3-judgments.toml",
    "ecbplus-semantic-test4-covered.toml",
    "ecbplus-semantic-test5-covered.toml",
    "ecbplus-semantic-test6-covered.toml",
    # the fresh samples after the cosine cut (COVERED_MIN_COSINE) was added
    "ecbplus-semantic-test7-covered.toml",
    "ecbplus-semantic-test8-covered.toml",
    # the fresh samples after the shared-number rule
    "ecbplus-semantic-test10-covered.toml",
    "ecbplus-semantic-test11-covered.toml",
)
# Judged sentences unique by both word cuts where the semantic aligner's cosine cut
# (align_semantic.COVERED_MIN_COSINE) is chosen: the share cut's pool and the fresh sample judged
# after it (test12, still the lexical aligner's held-out figure: the cosine does not touch it).
COSINE_DEV_FILES = (*SHARE_DEV_FILES, "ecbplus-test12-covered.toml")
# Where the lexical aligner's score cut was re-chosen (7 Dec, tenth session): the share cut's
# pool and every fresh sample of its unique sentences since the shared-number rule (test14 and
# test15 were held out until then; test19 found 19 of 83 with a counterpart), each sentence once.
SCORE_DEV_FILES = (
    *SHARE_DEV_FILES,
    "ecbplus-test14-covered.toml",
    "ecbplus-test15-covered.toml",
    "ecbplus-test16-covered.toml",
    "ecbplus-test18-covered.toml",
    "ecbplus-test19-covered.toml",
)
# The lexical aligner's fresh sample after that change (not used to choose).
SCORE_FRESH_FILES = (
    "ecbplus-test20-covered.toml",
    "ecbplus-test21-covered.toml",
    "ecbplus-test22-covered.toml",
)
# The score cut both aligners first had, where the share cut and the cosine cut were chosen.
FIRST_SCORE_CUT = 0.11
SCORE_CUTS = (0.05, 0.06, 0.065, 0.07, 0.075, 0.08, 0.085, 0.09, 0.10, 0.11)
# Its target: the 0.10 less the margin the earlier cuts turned out to need (chosen at
# 0.05 and 0.06, their fresh samples found 0.08-0.23); this pool holds the even-topic fresh
# samples themselves, so the margin is smaller.
SCORE_TARGET = 0.07
COSINE_CUTS = (0.30, 0.33, 0.35, 0.38, 0.40, 0.42, 0.45, 0.50)
# The share of sentences still called unique that may have a counterpart when the cut is
# chosen: half the 0.10, since a cut chosen on about a hundred sentences is optimistic.
TARGET = 0.05
# The share cut's: on the 493 pooled sentences even those sharing almost no words (share < 0.05)
# have a counterpart in 6 of 113, paraphrases no word measure sees, so no cut reaches 0.05;
# 0.06 is the smallest target above that floor.
SHARE_TARGET = 0.06
CUTS = (0.05, 0.08, 0.10, 0.11, 0.12, 0.13, 0.15, 0.20, 0.25, 0.30)
SHARE_CUTS = (0.08, 0.10, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.18, 0.20, 0.25, 0.30)


@dataclass(frozen=True)
class Row:
    topic: int
    doc: str
    text: str
    counterpart: bool
    best: float  # best pair-scorer probability against a sentence sharing a content word
    share: float  # the largest share of its word weight one sentence elsewhere holds
    # the highest sentence-encoder cosine with a sentence elsewhere; the semantic aligner's
    # rows, and others when asked for (None: not computed)
    cosine: float | None = None
    aligner: str = "lexical"
    number: bool = False  # a sentence of another report holds one of its numbers

    @property
    def by_cuts(self) -> bool:
        """Called unique by the shipped cuts (the cosine cut only for the semantic aligner)."""
        return (
            self.best < align_module.COVERED_MIN_SCORE[Aligner(self.aligner)]
            and self.share < align_module.SHARED_MIN_SHARE
            and (
                self.aligner != "semantic"
                or self.cosine is None
                or self.cosine < align_semantic.COVERED_MIN_COSINE
            )
        )

    @property
    def unique(self) -> bool:
        """Called unique by the shipped rules: the cuts, then the shared-number rule."""
        return self.by_cuts and not self.number


def _manifest(corpus: Path) -> dict[str, dict[str, object]]:
    rows = (json.loads(line) for line in (corpus / "manifest.jsonl").read_text().splitlines())
    return {str(r["doc_id"]).replace("_", "-", 1): r for r in rows}


def _replayed(corpus: Path, seed: int, topics: str) -> dict[str, list[dict[str, object]]]:
    """Each document id -> the comparison it was drawn in (replaying a sample's seed)."""
    rng = random.Random(seed)
    found: dict[str, list[dict[str, object]]] = {}
    for group in judged.events(corpus, topics):
        chosen = sorted(
            rng.sample(list(group), min(judged.DOCS_PER_EVENT, len(group))),
            key=lambda r: str(r["doc_id"]),
        )
        if len(chosen) >= 3:
            for row in chosen:
                found[str(row["doc_id"]).replace("_", "-", 1)] = chosen
    return found


def rows(
    corpus: Path,
    names: Sequence[str],
    seeds: dict[str, int],
    aligner: str = "lexical",
    *,
    cosines: bool = False,
) -> tuple[list[Row], int]:
    """Judged sentences the current aligner leaves unpaired, and how many it now pairs; with
    ``cosines`` (always for the semantic aligner) each one's highest cosine elsewhere."""
    cosines = cosines or aligner == "semantic"
    manifest = _manifest(corpus)
    found: list[Row] = []
    paired = 0
    cache: dict[tuple[str, ...], tuple[list[Document], Alignment, dict[str, Any] | None]] = {}
    for name in names:
        path = ROOT / "eval" / "gold" / name
        text = path.read_text(encoding="utf-8")
        others = {
            (m.group(1), json.loads(m.group(2))): m.group(3).split(", ")
            for m in re.finditer(
                r'^s = \{ doc = "([^"]+)", text = (".*?") \}\n# S: .*\n# others: (.*)$',
                text,
                re.M,
            )
        }
        replayed = _replayed(corpus, seeds[name], "odd") if name in seeds else {}
        raw = tomllib.loads(text)
        for entry in [*raw.get("unique", []), *raw.get("covered", [])]:
            if entry["judgment"] not in ("counterpart", "none"):
                continue
            doc, snippet = entry["s"]["doc"], entry["s"]["text"]
            if (doc, snippet) in others:
                group = [manifest[d] for d in sorted([doc, *others[doc, snippet]])]
            else:
                group = replayed[doc]
            key = tuple(str(r["doc_id"]) for r in group)
            if key not in cache:
                documents = judged.comparison_documents(corpus, group, random.Random(0))
                vectors = load_embedder().embed(documents) if cosines else None
                cache[key] = (documents, align(documents, aligner=aligner), vectors)
            documents, alignment, vectors = cache[key]
            by_id = {d.doc_id: d for d in documents}
            index = judged.find(by_id[doc], snippet)
            if index is None:
                continue
            if alignment.coverage(SentenceRef(doc, index)) is Coverage.ALIGNED:
                paired += 1
                continue
            best, share, number = closeness(documents, doc, index)
            found.append(
                Row(
                    topic=int(doc.split("-")[0]),
                    doc=doc,
                    text=by_id[doc].sentences[index].text,
                    counterpart=entry["judgment"] == "counterpart",
                    best=best,
                    share=share,
                    cosine=None
                    if vectors is None
                    else highest_cosine(documents, vectors, doc, index),
                    aligner=aligner,
                    number=number,
                )
            )
    return found, paired


def highest_cosine(
    documents: Sequence[Document], vectors: dict[str, Any], doc: str, index: int
) -> float:
    """The sentence's highest cosine with a sentence of another report (what
    align_semantic.COVERED_MIN_COSINE is compared with)."""
    row = next(
        n
        for n, s in enumerate(next(d for d in documents if d.doc_id == doc).sentences)
        if s.index == index
    )
    mine = vectors[doc][row]
    return max(
        (
            float((vectors[d.doc_id] @ mine).max())
            for d in documents
            if d.doc_id != doc and d.sentences
        ),
        default=0.0,
    )


def closeness(documents: Sequence[Document], doc: str, index: int) -> tuple[float, float, bool]:
    """What the two cuts are compared with, for the sentence's unit against every unit
    elsewhere: its best pair-scorer probability, the largest share of its word weight one unit
    holds, and whether a unit elsewhere holds one of its numbers."""
    units = {d.doc_id: units_of(d) for d in documents}
    profiles = profiles_of(documents, units)
    u = next(n for n, unit in enumerate(units[doc]) if index in unit.sentences)
    p1 = profiles[doc][u]
    near = _near_units(doc, p1, documents, profiles, None, 1)
    carriers = {i: _carriers(p) for i, p in profiles.items()}
    held = _shared_words(doc, p1, documents, profiles, carriers, min_share=0.0)
    numbers = {d.doc_id: _number_carriers(profiles[d.doc_id]) for d in documents}
    figure = _shared_numbers(doc, p1, documents, profiles, numbers) is not None
    return (-near[0][0] if near else 0.0), (held[0] if held else 0.0), figure


def _each_once(table: Sequence[Row]) -> list[Row]:
    """The rows with a sentence drawn by two samples counted once, as first judged."""
    return list({(r.doc, r.text): r for r in reversed(table)}.values())


def highest_cut(table: Sequence[Row], target: float, value: str = "best") -> float:
    """The highest cut t with at most ``target`` of the rows whose ``value`` is below t judged
    to have a counterpart (the lowest value when none qualifies)."""
    values = [float(getattr(r, value)) for r in table]
    best = min(values)
    for t in sorted({*values, 1.01}):
        below = [r.counterpart for r, v in zip(table, values, strict=True) if v < t]
        if below and sum(below) / len(below) <= target:
            best = t
    return best


def leave_topic_out(table: Sequence[Row], value: str, target: float = TARGET) -> str:
    """Each topic's sentences judged at the cut chosen without that topic."""
    unique = missed = 0
    for topic in sorted({r.topic for r in table}):
        cut = highest_cut([r for r in table if r.topic != topic], target, value)
        inside = [r for r in table if r.topic == topic and float(getattr(r, value)) < cut]
        unique += len(inside)
        missed += sum(r.counterpart for r in inside)
    return (
        f"  leave-topic-out (cut chosen without the topic): {unique} unique, {missed} with a "
        f"counterpart ({missed / max(1, unique):.3f})"
    )


def sweep(
    table: Sequence[Row],
    value: str,
    cuts: Sequence[float],
    constant: str,
    now: float,
    *,
    table_rows: bool = False,
) -> None:
    """Print, for each cut, the rows whose ``value`` is below it and how many have a
    counterpart; ``now`` (named ``constant``) is marked. ``table_rows``: every row first."""
    if table_rows:
        for r in sorted(table, key=lambda r: (-float(getattr(r, value)), r.doc)):
            label = "counterpart" if r.counterpart else "none"
            print(f"  {label:11} {value} {float(getattr(r, value)):.3f} {r.doc}: {r.text[:80]}")
    for t in cuts:
        below = [r for r in table if float(getattr(r, value)) < t]
        m = sum(r.counterpart for r in below)
        mark = f"  <- {constant}" if t == now else ""
        print(
            f"  < {t:.3f}: {len(below):3} ({len(below) / max(1, len(table)):.2f}), {m:2} "
            f"({m / max(1, len(below)):.3f}){mark}"
        )


def summary(table: Sequence[Row], unique: Callable[[Row], bool] = lambda r: r.unique) -> str:
    """How the shipped cuts (or ``unique``) split the table."""
    below = [r for r in table if unique(r)]
    covered = [r for r in table if not unique(r)]
    m, c = sum(r.counterpart for r in below), sum(r.counterpart for r in covered)
    return (
        f"{len(below)} stay unique ({len(below) / max(1, len(table)):.2f} of the unpaired), "
        f"{m} with a counterpart ({m / max(1, len(below)):.3f}); {len(covered)} possibly "
        f"covered, {c} with a counterpart ({c / max(1, len(covered)):.2f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ecbplus", type=Path, default=judged.ECBPLUS)
    parser.add_argument("--table", action="store_true", help="print every judged sentence")
    args = parser.parse_args()
    cut_now = FIRST_SCORE_CUT
    dev, paired = rows(args.ecbplus, list(DEV_FILES), DEV_FILES)
    n = len(dev)
    print(
        f"development (ECB+ odd topics): {n} judged sentences left unpaired by the current "
        f"aligner ({paired} judged ones are now aligned), "
        f"{sum(r.counterpart for r in dev)} with a counterpart"
    )
    print("  cut: sentences staying unique (share), of them with a counterpart (share)")
    print(f"  (the score cut first chosen, {FIRST_SCORE_CUT}, still the semantic aligner's)")
    sweep(dev, "best", CUTS, "first score cut", cut_now, table_rows=args.table)
    print(f"  chosen at <= {TARGET} with a counterpart: cut {highest_cut(dev, TARGET):.3f}")
    print(leave_topic_out(dev, "best"))
    print(f"  at {cut_now}: {summary(dev, lambda r: r.best < cut_now)}")
    share_now = align_module.SHARED_MIN_SHARE
    # judged when unique by the score cut; those the current aligner pairs or covers by score
    # drop out
    loaded, paired = rows(args.ecbplus, SHARE_DEV_FILES, {})
    share_dev = _each_once([r for r in loaded if r.best < cut_now])
    n = len(share_dev)
    print(
        f"development of the share cut ({', '.join(SHARE_DEV_FILES)}): {n} distinct "
        f"judged sentences unique by the score cut ({paired} now aligned, "
        f"{len(loaded) - n} now above it), {sum(r.counterpart for r in share_dev)} with a "
        "counterpart"
    )
    print(
        "  cut: sentences staying unique (share), of them with a counterpart (share); "
        "ROC AUC of the share "
        f"{_auc(share_dev, 'share'):.2f}, of the pair score {_auc(share_dev, 'best'):.2f}"
    )
    sweep(share_dev, "share", SHARE_CUTS, "SHARED_MIN_SHARE", share_now, table_rows=args.table)
    print(
        f"  chosen at <= {SHARE_TARGET} with a counterpart: cut "
        f"{highest_cut(share_dev, SHARE_TARGET, 'share'):.3f}"
    )
    print(leave_topic_out(share_dev, "share", SHARE_TARGET))
    print(
        f"  at SHARED_MIN_SHARE {share_now} (and the first score cut): "
        f"{summary(share_dev, lambda r: r.best < cut_now and r.share < share_now)}"
    )
    number_section(share_dev)
    score_section(args.ecbplus, table_rows=args.table)
    cosine_section(args.ecbplus, table_rows=args.table)
    print(
        "held out (ECB+ even topics, not used to choose; test4, test7 and test12 "
        "were drawn from the rule's own classes, so their share of the unpaired means "
        "nothing); the score cut alone, then both cuts:"
    )
    held_out(args.ecbplus, HELD_OUT_FILES, "lexical")
    print(
        "semantic aligner, held out (its fresh samples, unique sentences of ECB+ even topics); "
        "'both' applies its cosine cut too:"
    )
    held_out(args.ecbplus, SEMANTIC_FILES, "semantic")
    return 0


def number_section(share_dev: Sequence[Row]) -> None:
    """The shared-number rule (align._shared_numbers), applied after both cuts as they were when
    it was chosen (the first score cut), on the share cut's development pool."""

    def by_cuts(r: Row) -> bool:
        return r.best < FIRST_SCORE_CUT and r.share < align_module.SHARED_MIN_SHARE

    left = [r for r in share_dev if by_cuts(r)]
    taken = [r for r in left if r.number]
    print(
        f"  the shared-number rule after both cuts: takes {len(taken)} of the {len(left)} left "
        f"unique, {sum(r.counterpart for r in taken)} with a counterpart; before it: "
        f"{summary(share_dev, by_cuts)}; after it: "
        f"{summary(share_dev, lambda r: by_cuts(r) and not r.number)}"
    )


def score_section(corpus: Path, *, table_rows: bool = False) -> None:
    """The lexical aligner's score cut (align.COVERED_MIN_SCORE), re-chosen on every judged
    sentence its other rules leave unique, then its fresh sample."""
    loaded, paired = rows(corpus, SCORE_DEV_FILES, {})
    pool = [
        r
        for r in _each_once(loaded)
        if r.best < FIRST_SCORE_CUT and r.share < align_module.SHARED_MIN_SHARE and not r.number
    ]
    now = align_module.COVERED_MIN_SCORE[Aligner.LEXICAL]
    print(
        f"score cut re-chosen for the lexical aligner ({', '.join(SCORE_DEV_FILES)}): "
        f"{len(pool)} distinct judged sentences unique by the share cut, the number rule and "
        f"the first score cut ({paired} now aligned), {sum(r.counterpart for r in pool)} with a "
        "counterpart"
    )
    sweep(pool, "best", SCORE_CUTS, "COVERED_MIN_SCORE (lexical)", now, table_rows=table_rows)
    print(
        f"  chosen at <= {SCORE_TARGET} with a counterpart: cut "
        f"{highest_cut(pool, SCORE_TARGET):.3f}"
    )
    print(leave_topic_out(pool, "best", SCORE_TARGET))
    print(class_counts(corpus, (FIRST_SCORE_CUT, now)))
    pooled: list[Row] = []
    for name in SCORE_FRESH_FILES:
        fresh, paired = rows(corpus, [name], {})
        print(f"  fresh sample after the change, {name} ({paired} now aligned): {summary(fresh)}")
        pooled += fresh
    print(f"  fresh samples after the change, pooled: {summary(pooled)}")


def class_counts(corpus: Path, cuts: Sequence[float]) -> str:
    """What each lexical score cut costs: unique and possibly covered sentences on every ECB+
    event of 3+ reports (its first four by document id), both topic halves."""
    found = []
    for cut in cuts:
        shipped = align_module.COVERED_MIN_SCORE
        align_module.COVERED_MIN_SCORE = {**shipped, Aligner.LEXICAL: cut}
        try:
            unique = covered = sentences = 0
            for topics in ("odd", "even"):
                for group in judged.events(corpus, topics):
                    documents = judged.comparison_documents(corpus, group[:4], random.Random(0))
                    alignment = align(documents)
                    unique += sum(map(len, alignment.unique.values()))
                    covered += sum(map(len, alignment.possibly_covered.values()))
                    sentences += sum(len(d.sentences) for d in documents)
        finally:
            align_module.COVERED_MIN_SCORE = shipped
        found.append(f"at {cut}: {unique} unique, {covered} possibly covered")
    return f"  ECB+ events of 3+ reports ({sentences} sentences): " + "; ".join(found)


def cosine_section(corpus: Path, *, table_rows: bool = False) -> None:
    """The semantic aligner's cosine cut (align_semantic.COVERED_MIN_COSINE): chosen on the
    judged sentences unique by both word cuts of COSINE_DEV_FILES."""
    loaded, _ = rows(corpus, COSINE_DEV_FILES, {}, cosines=True)
    pool = [
        r
        for r in _each_once(loaded)
        if r.best < FIRST_SCORE_CUT and r.share < align_module.SHARED_MIN_SHARE
    ]
    print(
        f"development of the semantic aligner's cosine cut ({', '.join(COSINE_DEV_FILES)}): "
        f"{len(pool)} distinct judged sentences unique by both word cuts, "
        f"{sum(r.counterpart for r in pool)} with a counterpart; ROC AUC of the cosine "
        f"{_auc(pool, 'cosine'):.2f}"
    )
    now = align_semantic.COVERED_MIN_COSINE
    if table_rows:
        for r in sorted(pool, key=lambda r: (-(r.cosine or 0.0), r.doc)):
            label = "counterpart" if r.counterpart else "none"
            print(f"  {label:11} cosine {r.cosine or 0.0:.3f} {r.doc}: {r.text[:80]}")
    for t in COSINE_CUTS:
        below = [r for r in pool if (r.cosine or 0.0) < t]
        m = sum(r.counterpart for r in below)
        mark = "  <- COVERED_MIN_COSINE" if t == now else ""
        print(
            f"  < {t:.2f}: {len(below):3} ({len(below) / max(1, len(pool)):.2f}), {m:2} "
            f"({m / max(1, len(below)):.3f}){mark}"
        )
    print(
        f"  chosen at <= {SHARE_TARGET} with a counterpart: cut "
        f"{highest_cut(pool, SHARE_TARGET, 'cosine'):.3f}"
    )
    print(leave_topic_out(pool, "cosine", SHARE_TARGET))


def held_out(corpus: Path, names: Sequence[str], aligner: str) -> None:
    """Each file's judged unpaired sentences split by the score cut alone and by both cuts,
    then all files pooled."""
    cut_now = align_module.COVERED_MIN_SCORE[Aligner(aligner)]
    pooled: list[Row] = []
    for name in names:
        held, paired = rows(corpus, [name], {}, aligner)
        pooled += held
        print(f"  {name}: {len(held)} unpaired ({paired} now aligned)")
        print(f"    score cut: {summary(held, lambda r: r.best < cut_now)}")
        print(f"    both:      {summary(held, lambda r: r.by_cuts)}")
        print(f"    + numbers: {summary(held)}")
    print(f"  all, score cut: {summary(pooled, lambda r: r.best < cut_now)}")
    print(f"  all, both:      {summary(pooled, lambda r: r.by_cuts)}")
    print(f"  all, + numbers: {summary(pooled)}")


def _auc(table: Sequence[Row], value: str) -> float:
    """ROC AUC of ``value`` for "has a counterpart" (ties count half)."""
    yes = [float(getattr(r, value)) for r in table if r.counterpart]
    no = [float(getattr(r, value)) for r in table if not r.counterpart]
    if not yes or not no:
        return float("nan")
    wins = sum((y > x) + 0.5 * (y == x) for y in yes for x in no)
    return wins / (len(yes) * len(no))


if __name__ == "__main__":
    sys.exit(main())
