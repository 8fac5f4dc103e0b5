"""Draw every aligned pair a relation rule names, on fresh ECB+ comparisons, for blind judging.

    python eval/relations_sample.py names OUT.jsonl --seeds 710 711 712 [--relation modality]
    python eval/relations_sample.py draw OUT.toml --now NOW.jsonl --before BEFORE.jsonl [--seed N]

``names`` runs the lexical aligner on ECB+ even-topic comparisons (up to four documents of each
event of 3+ documents, chosen as ``eval/alignment_judged.py sample`` chooses them for the seed)
and writes every aligned pair the code named ``--relation``, with the pair's words. Run it with
the code before a change (a checkout of it: ``FRAMECMP_ROOT=/path/to/checkout python
eval/relations_sample.py names ...``) and after it. ``draw`` pools both lists (each pair once,
with what each code named), leaves out every pair of an earlier judged file of eval/gold,
shuffles them with the seed and writes a TOML file to judge (never over an existing file,
which may hold judgments): the two sentences and ``before`` / ``after``; the judges see only
the sentences (the rules: eval/gold/relations-modality.toml).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import sys
import tomllib
from pathlib import Path

ROOT = Path(os.environ.get("FRAMECMP_ROOT", Path(__file__).resolve().parent.parent))
EVAL = Path(__file__).resolve().parent
sys.path.insert(0, str(EVAL))
sys.path.insert(0, str(ROOT))

# framecmp first: alignment_judged puts this checkout's root on the path too
from framecmp.analysis.align import align  # noqa: E402, I001

import alignment_judged as judged  # noqa: E402

DATA = EVAL / "data" / "ecbplus"


def names(args: argparse.Namespace) -> int:
    rows = []
    for seed in args.seeds:
        rng = random.Random(seed)
        for group in judged.events(DATA, "even"):
            documents = judged.comparison_documents(DATA, group, rng)
            if len(documents) < 3:
                continue
            by_id = {d.doc_id: d for d in documents}
            for pair in align(documents).pairs:
                if pair.claim_relation.value != args.relation:
                    continue
                a, b = by_id[pair.a.doc], by_id[pair.b.doc]
                rows.append(
                    [
                        a.doc_id,
                        judged.snippet(a, pair.a.sentence),
                        b.doc_id,
                        judged.snippet(b, pair.b.sentence),
                        " ".join(a.sentences[pair.a.sentence].text.split()),
                        " ".join(b.sentences[pair.b.sentence].text.split()),
                        " ".join(pair.relation_evidence),
                    ]
                )
    Path(args.out).write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    print(f"{len(rows)} pairs named {args.relation}")
    return 0


def _judged_pairs() -> set[tuple[str, str, str, str]]:
    found = set()
    for path in glob.glob(str(EVAL / "gold" / "**" / "*.toml"), recursive=True):
        for pair in tomllib.loads(Path(path).read_text(encoding="utf-8")).get("pair", []):
            a, b = pair.get("a"), pair.get("b")
            if isinstance(a, dict) and isinstance(b, dict) and "doc" in a and "doc" in b:
                found.add((a["doc"], a["text"], b["doc"], b["text"]))
                found.add((b["doc"], b["text"], a["doc"], a["text"]))
    return found


def draw(args: argparse.Namespace) -> int:
    if Path(args.out).exists():
        print(f"relations_sample: {args.out} exists; give a new file", file=sys.stderr)
        return 2
    pooled: dict[tuple[str, str, str, str], dict[str, str]] = {}
    for side, path in (("before", args.before), ("after", args.now)):
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            doc_a, text_a, doc_b, text_b, sentence_a, sentence_b, words = json.loads(line)
            entry = pooled.setdefault(
                (doc_a, text_a, doc_b, text_b), {"a": sentence_a, "b": sentence_b}
            )
            entry[side] = words or "-"
    judged_before = _judged_pairs()
    items = sorted((key, entry) for key, entry in pooled.items() if key not in judged_before)
    random.Random(args.seed).shuffle(items)

    q = judged._q
    lines = [
        f"# Pairs named `{args.relation}` before or after a change on ECB+ even-topic "
        "comparisons (eval/relations_sample.py), not judged before, shuffled.",
        f'pool = {{ kind = {q(args.relation)}, seed = {args.seed}, aligner = "lexical" }}',
        "",
    ]
    for (doc_a, text_a, doc_b, text_b), entry in items:
        lines += [
            "[[pair]]",
            f"a = {{ doc = {q(doc_a)}, text = {q(text_a)} }}",
            f"b = {{ doc = {q(doc_b)}, text = {q(text_b)} }}",
            f"# A: {entry['a']}",
            f"# B: {entry['b']}",
            f"before = {q(args.relation if 'before' in entry else 'other')}",
            f"after = {q(args.relation if 'after' in entry else 'other')}",
            'label = ""',
            "",
        ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(items)} pairs to judge")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    n = sub.add_parser("names")
    n.add_argument("out")
    n.add_argument("--seeds", type=int, nargs="+", required=True)
    n.add_argument("--relation", default="modality")
    d = sub.add_parser("draw")
    d.add_argument("out")
    d.add_argument("--now", required=True)
    d.add_argument("--before", required=True)
    d.add_argument("--seed", type=int, default=0)
    d.add_argument("--relation", default="modality")
    args = parser.parse_args()
    return names(args) if args.command == "names" else draw(args)


if __name__ == "__main__":
    sys.exit(main())
