"""Development data for the aligner's recall (issue 9): unique sentences with their counterparts.

    python eval/recall_dev.py unique OUT.toml [--seed N] [--n N] [--topics odd]

Runs the aligner on ECB+ comparisons as ``eval/alignment_judged.py sample`` does (events with
3+ documents, up to four documents each) and draws sentences it leaves unique. For each, the
sentences of the other documents are listed by how much of the unique sentence's weighted
content and names they hold (containment) and by the pair scorer, so that a judge can name the
counterpart (``partner``) or say there is none. A judged file gives labelled sentence pairs at
scores the aligned-pair samples never reach: the partner is a positive, the listed sentences of
a sentence judged ``none`` are negatives. Judging rules: eval/gold/README.md.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT))

import alignment_judged as judged  # noqa: E402

from framecmp.analysis import align as align_module  # noqa: E402
from framecmp.analysis.align import align, sentence_pair_probability  # noqa: E402


def unique(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    pooled = []
    for group in judged.events(args.ecbplus, args.topics):
        documents = judged.comparison_documents(args.ecbplus, group, rng)
        if len(documents) < 3:
            continue
        alignment = align(documents)
        by_id = {d.doc_id: d for d in documents}
        for doc_id, indexes in sorted(alignment.unique.items()):
            for index in indexes:
                if len(by_id[doc_id].sentences[index].tokens) >= 6:
                    pooled.append((documents, by_id[doc_id], index))
    lines = [
        f"# Unique sentences: ECB+ {args.topics} topics, seed {args.seed}, lexical aligner at its "
        f"default threshold; {len(pooled)} pooled. Made by eval/recall_dev.py; rules: "
        "eval/gold/README.md. partner = the counterpart's document and snippet.",
        f'pool = {{ topics = "{args.topics}", seed = {args.seed}, min_score = '
        f'{align_module.DEFAULT_MIN_SCORE}, max_score = 1.01, kind = "unique-with-partner" }}',
        "",
    ]
    for documents, document, index in rng.sample(pooled, min(args.n, len(pooled))):
        text = document.sentences[index].text
        others = [
            (judged.containment(text, s.text), sentence_pair_probability(text, s.text), o, s.index)
            for o in documents
            if o.doc_id != document.doc_id
            for s in o.sentences
        ]
        by_containment = sorted(others, key=lambda r: (-r[0], -r[1]))[:6]
        by_score = sorted(others, key=lambda r: (-r[1], -r[0]))[:3]
        listed = list(dict.fromkeys((o.doc_id, i) for _, _, o, i in by_containment + by_score))
        lines += [
            "[[unique]]",
            f"s = {{ doc = {judged._q(document.doc_id)}, "
            f"text = {judged._q(judged.snippet(document, index))} }}",
            f"# S: {text}",
        ]
        by_id = {d.doc_id: d for d in documents}
        row = {(o.doc_id, i): (c, p) for c, p, o, i in others}
        for n, (doc_id, i) in enumerate(listed):
            c, p = row[(doc_id, i)]
            lines.append(
                f"# {n} c={c:.2f} p={p:.2f} {doc_id} "
                f"[{judged.snippet(by_id[doc_id], i)}]: {by_id[doc_id].sentences[i].text}"
            )
        near = ", ".join(
            f"{{ doc = {judged._q(doc_id)}, text = {judged._q(judged.snippet(by_id[doc_id], i))} }}"
            for doc_id, i in listed
        )
        lines += [f"near = [{near}]", 'judgment = ""', ""]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print(f"{min(args.n, len(pooled))} of {len(pooled)} unique sentences -> {args.out}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    u = sub.add_parser("unique")
    u.add_argument("out")
    u.add_argument("--ecbplus", type=Path, default=judged.ECBPLUS)
    u.add_argument("--topics", choices=("odd", "even"), default="odd")
    u.add_argument("--seed", type=int, default=0)
    u.add_argument("--n", type=int, default=40)
    args = parser.parse_args()
    return unique(args)


if __name__ == "__main__":
    sys.exit(main())
