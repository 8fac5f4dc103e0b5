"""How much of the same-event error is ECB+'s labels? Pairs of one topic judged blind by people.

    python eval/same_event_judged.py sample OUT.md [--n 80] [--seed 1] [--apart DAYS]
    python eval/same_event_judged.py report eval/gold/same-event-judged.toml

ECB+ (eval/data/ecbplus, CC BY 3.0) calls two reports one event when its annotators put them in
one sub-topic, which is sometimes coarser than one happening (check-ins at two clinics; outages
of August and October). ``sample`` draws pairs at random from the pairs of one topic (its two
events: same-event positives and hard negatives, about half each; cross-topic pairs are left
out: every one is answered right) and writes a packet that shows only the two files. Two helpers
judge each pair blind, by the rules below; ``report`` compares, on those pairs, the judges with
ECB+'s label, and framecmp's held-out text-only answer (``eval/same_event.py``'s folds: the pair
alone, and grouped with the rest of its topic) with both.

Judging rules (each judge reads both reports in full):
- ``same``: both report the same happening (one incident, announcement, match, quake...; the
  same time and place), whatever details, updates or angles differ;
- ``development``: the same story, but one reports an earlier or later stage than the other
  (an arrest and the sentencing; a check-in and leaving rehab);
- ``different``: two separate happenings, even of the same kind or with the same people.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT))

import same_event as se  # noqa: E402

ANSWERS = ("same", "development", "different")


SETTINGS = ("text only", "with dates")


def _answers(
    data: Path,
) -> tuple[list[dict[str, object]], list[se.Pair], dict[str, tuple[np.ndarray, np.ndarray]]]:
    """Records, pairs, and by setting each pair's held-out probability alone and grouped with
    every document of its topic (``eval/same_event.py``'s folds, features and dates)."""
    built = se.build_features(data)
    records, _ = se.load_corpus(data)
    pairs = built.pairs
    index = {(p.a, p.b): i for i, p in enumerate(pairs)}
    found = {}
    for setting, dated_x, has_gap in (
        ("text only", built.x_plain_dated, built.plain_gap),
        ("with dates", built.x_dated, built.dated_gap),
    ):
        held = se.held_out(pairs, built.x_text, dated_x, has_gap, fit_dated_x=built.x_dated)
        grouped = held.probability.copy()
        for topic in sorted({p.topic for p in pairs}):
            docs = sorted(
                {
                    d
                    for p in pairs
                    if p.topic == topic and p.kind != "cross-topic"
                    for d in (p.a, p.b)
                }
            )
            ids, in_context = se._grouped(held.probability, index, docs)
            grouped[ids] = in_context
        found[setting] = (held.probability, grouped)
    return records, pairs, found


def sample(out: Path, n: int, seed: int, data: Path, apart: int | None = None) -> None:
    """``apart``: draw only ECB+ one-event pairs whose real publication dates (manifest) lie
    more than ``apart`` days apart, the with-dates setting's largest error class."""
    records = [json.loads(line) for line in (data / "manifest.jsonl").open(encoding="utf-8")]
    pairs = se.make_pairs(records)
    same_topic = [p for p in pairs if p.kind != "cross-topic"]
    if apart is not None:
        real = [date.fromisoformat(str(r["date"])) if r["date"] else None for r in records]

        def far(p: se.Pair) -> bool:
            a, b = real[p.a], real[p.b]
            return a is not None and b is not None and abs((a - b).days) > apart

        same_topic = [p for p in same_topic if p.label == 1 and far(p)]
        print(f"{len(same_topic)} one-event pairs with real dates more than {apart} days apart")
    drawn = random.Random(seed).sample(same_topic, min(n, len(same_topic)))
    # The texts are copied under neutral names: ECB+ file names ("ecb" / "ecbplus") tell a
    # topic's two events apart, which would give the judges the label.
    texts = out.parent / "texts"
    texts.mkdir(exist_ok=True)
    lines = [
        "# Same event? Judging packet",
        "",
        "For each pair, read both reports in full and answer same / development / different",
        "by the rules in RULES.md.",
        "",
    ]
    for k, p in enumerate(drawn, 1):
        lines.append(f"### P{k}")
        for side, doc in (("A", p.a), ("B", p.b)):
            copy = texts / f"P{k}_{side}.txt"
            copy.write_text((data / str(records[doc]["path"])).read_text(encoding="utf-8"))
            lines.append(f"- {side}: {copy}")
        lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")
    rules = out.parent / "RULES.md"
    rules.write_text("# Judging rules" + __doc__.split("Judging rules", 1)[1], encoding="utf-8")
    key = out.with_suffix(".pairs.toml")
    key.write_text(
        f"# Drawn by eval/same_event_judged.py sample --n {n} --seed {seed}\n\n"
        + "".join(
            f'[[pair]]\nitem = "P{k}"\na = "{records[p.a]["doc_id"]}"\n'
            f'b = "{records[p.b]["doc_id"]}"\n\n'
            for k, p in enumerate(drawn, 1)
        ),
        encoding="utf-8",
    )
    print(f"{n} pairs -> {out}, {key}")


def report(judged: Path, data: Path) -> None:
    raw = tomllib.loads(judged.read_text(encoding="utf-8"))
    records, pairs, answers = _answers(data)
    by_ids = {(records[p.a]["doc_id"], records[p.b]["doc_id"]): i for i, p in enumerate(pairs)}
    chosen = [(entry, by_ids[(entry["a"], entry["b"])]) for entry in raw["pair"]]
    n = len(chosen)
    print(
        f"{n} judged pairs of one topic ({sum(pairs[i].label for _, i in chosen)} one ECB+ event)"
    )
    print("  judges' answers:", dict(Counter(str(e["judgment"]) for e, _ in chosen)))
    for label, strict in (("development counted as different", True), ("as same", False)):
        truth = [
            e["judgment"] == "same" or (not strict and e["judgment"] == "development")
            for e, _ in chosen
        ]
        ecb = [pairs[i].label == 1 for _, i in chosen]
        agree = sum(t == e for t, e in zip(truth, ecb, strict=True))
        print(f"  {label}: ECB+ label agrees with the judges on {agree}/{n} ({agree / n:.3f})")
        for setting in SETTINGS:
            for name, probability in zip(
                ("pair alone", "grouped with its topic"), answers[setting], strict=True
            ):
                said = [probability[i] >= 0.5 for _, i in chosen]
                vs_judges = sum(t == a for t, a in zip(truth, said, strict=True))
                vs_ecb = sum(e == a for e, a in zip(ecb, said, strict=True))
                print(
                    f"    framecmp {setting}, {name}: right by the judges {vs_judges}/{n} "
                    f"({vs_judges / n:.3f}), by ECB+ {vs_ecb}/{n} ({vs_ecb / n:.3f})"
                )
    print("  grouped text-only answers the judges call wrong (development counted as different):")
    alone, grouped = answers["text only"]
    for entry, i in chosen:
        if (grouped[i] >= 0.5) != (entry["judgment"] == "same"):
            print(
                f"    {entry['a']} / {entry['b']}: judges {entry['judgment']}, ECB+ "
                f"{'one event' if pairs[i].label else 'two events'}, P alone {alone[i]:.2f}, "
                f"grouped {grouped[i]:.2f}"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("out", type=Path)
    s.add_argument("--n", type=int, default=80)
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--apart", type=int, help="only one-event pairs with real dates this far apart")
    r = sub.add_parser("report")
    r.add_argument("judged", type=Path)
    for p in (s, r):
        p.add_argument("--data", type=Path, default=se.DEFAULT_DATA)
    args = parser.parse_args()
    if args.command == "sample":
        sample(args.out, args.n, args.seed, args.data, args.apart)
    else:
        report(args.judged, args.data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
