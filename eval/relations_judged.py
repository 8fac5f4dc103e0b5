"""How often `conflicting` is right on judged real pairs (ECB+), by rule and by topic half.

    python eval/relations_judged.py [JUDGED.toml ...]

Every aligned pair of the pooled judgments (eval/gold/ecbplus-*.toml and ecbplus-v1/, rules in
eval/gold/README.md) is given its claim relation again by the current code, in the context of
its two documents, and counted against its judgment: how many pairs judged contradicting are
flagged `conflicting` (and by which rule), and how many judged same or related are flagged
anyway. Odd-topic files are development data (rules are chosen on them), even-topic files
are held out. Then, for every relation framecmp names, how often two judges called it right
(eval/gold/relations-named-*.toml), and how often the label framecmp gives now matches the
judges' label on every pair it had labelled `modality` (eval/gold/relations-modality.toml).
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import alignment_judged as judged  # noqa: E402

from framecmp.analysis.align import compared_speakers, quote_speakers  # noqa: E402
from framecmp.analysis.align_units import profiles_of, units_of  # noqa: E402
from framecmp.analysis.relations import (  # noqa: E402
    RelationContext,
    claim_relation,
    conflict_differences,
)
from framecmp.analysis.voices import extract_quotes, same_speaker  # noqa: E402
from framecmp.model import ClaimRelation, DifferenceKind, Document, SentenceRef  # noqa: E402

# The rule that flags a conflicting pair, named by its first difference (numbers come first).
RULES = {
    DifferenceKind.NUMBER: "number",
    DifferenceKind.MONTH: "date word",
    DifferenceKind.WEEKDAY: "date word",
    DifferenceKind.PLACE: "place",
    DifferenceKind.NEGATION: "negation",
    DifferenceKind.OUTCOME: "opposites",
}


def rule_of(da: Document, ia: int, db: Document, ib: int) -> str:
    """Which conflict rule flags the pair: the kind of its first difference."""
    a, b = SentenceRef(da.doc_id, ia), SentenceRef(db.doc_id, ib)
    context = RelationContext.build([da, db])
    first = conflict_differences(da.sentences[ia], db.sentences[ib], context=context, refs=(a, b))
    return RULES[first[0].kind]


NAMED = {
    "development (odd topics)": "relations-named-odd.toml",
    "held out (even topics)": "relations-named-even.toml",
}
# How the named relations were judged (eval/gold/relations-named-*.toml): each item shows the two
# sentences and the relation framecmp named, with its words; the judge answers "right" when that
# relation best describes how B's claim differs from A's (modality: done vs planned or possible;
# attribution: another speaker, or distanced by "claimed", "alleged", "reportedly"; adds-detail:
# one side says substantially more while the other adds next to nothing; conflicting: different
# facts about the same thing; equivalent: none of these), "wrong" otherwise, "unrelated" when the
# two share no claim at all.


def relation_now(load: object, pair: dict[str, Any]) -> ClaimRelation:
    """The relation the current code names for a judged pair, in its two documents' context."""
    da, db = load(pair["a"]["doc"]), load(pair["b"]["doc"])  # type: ignore[operator]
    ia, ib = judged.find(da, pair["a"]["text"]), judged.find(db, pair["b"]["text"])
    relation, _ = related(da, ia, db, ib)
    return relation


@cache
def _speakers(doc: Document) -> dict[SentenceRef, str]:
    return quote_speakers(extract_quotes(doc))


def related(da: Document, ia: int, db: Document, ib: int) -> tuple[ClaimRelation, tuple[str, ...]]:
    """The relation and its words as `framecmp compare` names them: quoted speakers included
    (compared as align compares them: none for a statement both quote word for word)."""
    a, b = SentenceRef(da.doc_id, ia), SentenceRef(db.doc_id, ib)
    units = {d.doc_id: units_of(d) for d in (da, db)}
    profiles = profiles_of([da, db], units)
    (pa, ua), (pb, ub) = (
        next(
            (p, u)
            for p, u in zip(profiles[d.doc_id], units[d.doc_id], strict=True)
            if i in u.sentences
        )
        for d, i in ((da, ia), (db, ib))
    )
    speaker_a, speaker_b = compared_speakers(
        pa,
        pb,
        (_speakers(da).get(a), _speakers(db).get(b)),
        (
            " ".join(da.sentences[n].text for n in ua.sentences),
            " ".join(db.sentences[n].text for n in ub.sentences),
        ),
    )
    return claim_relation(
        da.sentences[ia],
        db.sentences[ib],
        speaker_a=speaker_a,
        speaker_b=speaker_b,
        context=RelationContext.build([da, db]),
        refs=(a, b),
    )


def named_relations(load: object) -> None:
    """Precision of each named relation on the judged samples (up to 15 pairs per relation)."""
    for label, name in NAMED.items():
        raw = tomllib.loads((ROOT / "eval" / "gold" / name).read_text(encoding="utf-8"))
        judged_by: dict[str, Counter[str]] = {}
        changed = 0
        for pair in raw["pair"]:
            relation = relation_now(load, pair)
            if relation.value != pair["relation"]:
                changed += 1  # named otherwise since it was judged
                continue
            judged_by.setdefault(relation.value, Counter())[pair["judgment"]] += 1
        decided = {k: c["right"] + c["wrong"] for k, c in judged_by.items()}
        shown = ", ".join(
            f"{k} {judged_by[k]['right']}/{decided[k]}" for k in sorted(judged_by) if decided[k]
        )
        right = sum(c["right"] for c in judged_by.values())
        print(
            f"== named relations, {label}: right / judged (both judges agreeing, unrelated pairs "
            f"left out): {shown}; all {right}/{sum(decided.values())}; named otherwise since "
            f"judged: {changed}"
        )


SOURCES = "relations-attribution-source.toml"


def source_attribution(load: object) -> None:
    """How often `attribution` for a source on one side only is right, by judged sample: the
    pairs the rule still names so, right / (right + wrong), unrelated and mixed left out."""
    raw = tomllib.loads((ROOT / "eval" / "gold" / SOURCES).read_text(encoding="utf-8"))
    by_sample: dict[int, Counter[str]] = {}
    for pair in raw["pair"]:
        da, db = load(pair["a"]["doc"]), load(pair["b"]["doc"])  # type: ignore[operator]
        ia, ib = judged.find(da, pair["a"]["text"]), judged.find(db, pair["b"]["text"])
        if ia is None or ib is None:
            continue
        named = related(da, ia, db, ib)[0] is ClaimRelation.ATTRIBUTION
        by_sample.setdefault(pair["sample"], Counter())[
            pair["judgment"] if named else "no longer named"
        ] += 1
    for sample, counts in sorted(by_sample.items()):
        decided = counts["right"] + counts["wrong"]
        print(
            f"== `attribution` for a source on one side only, judged sample {sample}: right "
            f"{counts['right']}/{decided} ({counts['right'] / max(1, decided):.3f}); unrelated "
            f"{counts['unrelated']}, mixed {counts['mixed']}, no longer named "
            f"{counts['no longer named']}"
        )


MODALITY = "relations-modality.toml"
# How the modality pairs were judged (eval/gold/relations-modality.toml): each item shows only the
# two sentences; the judge picks the one relation that best describes how their shared claim
# differs, looking at the claim both share, not at a side clause only one has: modality (done or
# fact on one side, planned, expected, intended, possible or future on the other; both future is
# not modality), conflicting, attribution, adds-detail, equivalent, or unrelated (no shared
# claim); first in that order when two apply.


def modality_pairs(load: object) -> None:
    """How often the current code's label matches the judges' on every judged `modality` pair."""
    raw = tomllib.loads((ROOT / "eval" / "gold" / MODALITY).read_text(encoding="utf-8"))
    for half, label in (("odd", "development (odd topics)"), ("even", "held out (even topics)")):
        named: Counter[str] = Counter()
        right: Counter[str] = Counter()
        labels: Counter[str] = Counter()
        for pair in raw["pair"]:
            odd = int(pair["a"]["doc"].split("-")[0]) % 2 == 1
            if odd != (half == "odd") or pair["label"] == "mixed":
                continue
            relation = relation_now(load, pair)
            named[relation.value] += 1
            right[relation.value] += relation.value == pair["label"]
            labels[pair["label"]] += 1
        shown = ", ".join(f"{k} {right[k]}/{n}" for k, n in sorted(named.items()))
        judges = ", ".join(f"{k} {n}" for k, n in sorted(labels.items()))
        print(
            f"== pairs labelled `modality` when judged, {label}: named now (right / named): "
            f"{shown}; the judges' labels: {judges}"
        )


# The samples judged after the modality rule was narrowed (7 Dec, sixth session, and again in
# the ninth): every pair named `modality` before or after it on fresh ECB+ even-topic
# comparisons, judged blind. A file's ``before`` is the code before its own change.
MODALITY_SAMPLES = {
    "relations-modality-2.toml": "seeds 704-706 (development of the narrowed rule)",
    "relations-modality-3.toml": "seeds 707-709 (fresh after the sixth session's change)",
    "relations-modality-4.toml": "seeds 710-721 (fresh, after the last change, ninth session)",
}


def modality_samples(load: object) -> None:
    """Precision of `modality` before the rule was narrowed (the file's ``before``) and now, and
    how many pairs the judges call modality are still named so."""
    for name, label in MODALITY_SAMPLES.items():
        path = ROOT / "eval" / "gold" / name
        if not path.exists():
            continue
        pairs = tomllib.loads(path.read_text(encoding="utf-8"))["pair"]
        decided = [p for p in pairs if p["label"] != "mixed"]
        now = {id(p): relation_now(load, p).value for p in decided}
        before = [p for p in decided if p["before"] == "modality"]
        named = [p for p in decided if now[id(p)] == "modality"]
        judged_modal = [p for p in decided if p["label"] == "modality"]
        print(
            f"== `modality` on {name}, {label}: {len(decided)} pairs both judges agree on "
            f"(of {len(pairs)}); right before "
            f"{sum(p['label'] == 'modality' for p in before)}/{len(before)}, now "
            f"{sum(p['label'] == 'modality' for p in named)}/{len(named)}; of the "
            f"{len(judged_modal)} judged modality, "
            f"{sum(now[id(p)] == 'modality' for p in judged_modal)} still named so"
        )


def main() -> int:
    files = [Path(p) for p in sys.argv[1:]] or sorted(
        (ROOT / "eval" / "gold").glob("ecbplus-*.toml")
    ) + sorted((ROOT / "eval" / "gold" / "ecbplus-v1").glob("*.toml"))
    load = judged._document_loader(judged.ECBPLUS)
    tables: dict[str, Counter[tuple[str, str]]] = {"odd": Counter(), "even": Counter()}
    flagged: dict[str, list[str]] = {"odd": [], "even": []}
    seen: set[tuple[str, int, str, int]] = set()
    # same-claim pairs whose quotes both have a speaker, and those named as other speakers': a
    # report names one person in its own way ("Angela Merkel", "German Chancellor Angela Merkel")
    voiced: Counter[str] = Counter()
    other_speaker: dict[str, list[str]] = {"odd": [], "even": []}
    for path in files:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        for pair in raw.get("pair", []):
            if not pair.get("judgment"):
                continue
            da, db = load(pair["a"]["doc"]), load(pair["b"]["doc"])
            ia, ib = judged.find(da, pair["a"]["text"]), judged.find(db, pair["b"]["text"])
            if ia is None or ib is None:
                continue
            key = (da.doc_id, ia, db.doc_id, ib)
            if key in seen:  # a pair drawn by two samples is counted once
                continue
            seen.add(key)
            half = "odd" if int(da.doc_id.split("-")[0]) % 2 else "even"
            relation, evidence = related(da, ia, db, ib)
            verdict = pair["judgment"]
            if relation is ClaimRelation.CONFLICTING:
                rule = rule_of(da, ia, db, ib)
                tables[half][(verdict, rule)] += 1
                flagged[half].append(
                    f"  {verdict:13} {rule:9} {' / '.join(evidence)} | "
                    f"{da.sentences[ia].text[:90]} || {db.sentences[ib].text[:90]}"
                )
            else:
                tables[half][(verdict, "not flagged")] += 1
            speaker_a, speaker_b = (
                _speakers(da).get(SentenceRef(da.doc_id, ia)),
                _speakers(db).get(SentenceRef(db.doc_id, ib)),
            )
            if verdict == "same" and speaker_a and speaker_b:
                voiced[half] += 1
                if relation is ClaimRelation.ATTRIBUTION and not same_speaker(speaker_a, speaker_b):
                    other_speaker[half].append(
                        f"  {speaker_a} / {speaker_b} | {da.sentences[ia].text[:70]} || "
                        f"{db.sentences[ib].text[:70]}"
                    )
    for half, label in (("odd", "development (odd topics)"), ("even", "held out (even topics)")):
        table = tables[half]
        judgments = sorted({j for j, _ in table})
        print(f"== {label}: judged pairs by judgment, flagged `conflicting` by rule")
        for verdict in judgments:
            row = {r: n for (j, r), n in table.items() if j == verdict}
            total = sum(row.values())
            shown = ", ".join(f"{r} {n}" for r, n in sorted(row.items()) if r != "not flagged")
            print(
                f"  {verdict:13} {total:4} pairs; flagged "
                f"{total - row.get('not flagged', 0)}: {shown or '-'}"
            )
        for line in flagged[half]:
            print(line)
        print(
            f"== {label}: pairs judged the same claim with a quoted speaker on both sides: "
            f"{voiced[half]}; named `attribution` for another speaker: {len(other_speaker[half])}"
        )
        for line in other_speaker[half]:
            print(line)
    if not sys.argv[1:]:
        named_relations(load)
        modality_pairs(load)
        modality_samples(load)
        source_attribution(load)
    return 0


if __name__ == "__main__":
    sys.exit(main())
