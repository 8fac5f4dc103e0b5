"""Quality gate for align and same-event: fail when a metric drops below its floor in baseline.json.

    python eval/check.py

Exit 0 when every gold file has the digest pinned in eval/baseline.json, the lexical aligner
at its default threshold meets every floor, and the same-event model meets its held-out-topic
accuracy floors on the committed ECB+ texts (eval/data/ecbplus, digest pinned) with and without
dates and passes the sample smoke checks, and the judged sentences it still calls unique on the
fresh unique-sentence samples have a counterpart no more often than the ceiling; 1 otherwise.
This script only reads baseline.json: floors and digests change by hand, in a commit that says
why (see docs/alignment.md), so a regression can never lower a floor silently.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "eval" / "baseline.json"


def _benchmark():  # type: ignore[no-untyped-def]
    return _load("alignment_benchmark", ROOT / "benchmarks" / "alignment.py")


def _load(name, path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def main() -> int:
    bench = _benchmark()
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    failures: list[str] = []
    for rel, pinned in sorted(baseline["gold"].items()):
        path = ROOT / rel
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != pinned["sha256"]:
            failures.append(
                f"{rel}: sha256 {digest} differs from eval/baseline.json; re-measure and "
                "update the baseline by hand in a commit that says why the gold changed"
            )
            continue
        gold = bench.load_gold(path)
        result = bench.evaluate(gold, bench.align(gold.documents))
        print(
            f"{rel}: precision {result.precision:.3f} (floor {pinned['min_precision']}), "
            f"recall {result.recall:.3f} (floor {pinned['min_recall']}), false alignments "
            f"{result.false_alignments} (max {pinned['max_false_alignments']}), "
            f"unjudged {len(result.unjudged)}"
        )
        if result.precision < pinned["min_precision"]:
            failures.append(f"{rel}: precision {result.precision:.3f} < {pinned['min_precision']}")
        if result.recall < pinned["min_recall"]:
            failures.append(f"{rel}: recall {result.recall:.3f} < {pinned['min_recall']}")
        if result.false_alignments > pinned["max_false_alignments"]:
            failures.append(
                f"{rel}: {result.false_alignments} false alignments "
                f"> {pinned['max_false_alignments']}"
            )
    failures.extend(_same_event(baseline["same_event"]))
    failures.extend(_unique(baseline["unique"]))
    failures.extend(_unique(baseline["unique_semantic"], "semantic"))
    for failure in failures:
        print(f"eval: FAIL {failure}", file=sys.stderr)
    return 1 if failures else 0


def _tree_digest(folder: Path) -> str:
    """sha256 over every file's relative path and bytes, in path order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _same_event(pinned: dict) -> list[str]:  # type: ignore[type-arg]
    """Held-out-topic accuracy on the committed ECB+ texts, and the sample smoke checks."""
    failures: list[str] = []
    folder = ROOT / pinned["data"]
    digest = _tree_digest(folder)
    if digest != pinned["data_sha256"]:
        return [
            f"{pinned['data']}: sha256 {digest} differs from eval/baseline.json; rebuild with "
            "eval/ecbplus.py, re-measure and update the baseline by hand"
        ]
    same_event = _load("same_event_eval", ROOT / "eval" / "same_event.py")
    figures = same_event.evaluate(folder)
    for setting in ("without_dates", "with_dates"):
        accuracy = figures[setting]["accuracy"]
        floor = pinned[f"min_accuracy_{setting}"]
        print(f"same event {setting}: held-out-topic accuracy {accuracy:.3f} (floor {floor})")
        if accuracy < floor:
            failures.append(f"same event {setting}: accuracy {accuracy:.3f} < {floor}")
    for setting in ("without_dates", "with_dates"):
        accuracy = figures[f"in_context_{setting}"]["all_pairs_accuracy"]
        floor = pinned[f"min_in_context_accuracy_{setting}"]
        print(f"same event in context, {setting}: accuracy {accuracy:.3f} (floor {floor})")
        if accuracy < floor:
            failures.append(f"same event in context {setting}: accuracy {accuracy:.3f} < {floor}")
    failures.extend(f"same event sample smoke: {f}" for f in figures["smoke_failures"])
    return failures


def _unique(pinned: dict, aligner: str = "lexical") -> list[str]:  # type: ignore[type-arg]
    """Judged sentences the aligner still calls unique: how many have a counterpart."""
    failures = []
    for rel, sha in pinned["files"].items():
        digest = hashlib.sha256((ROOT / rel).read_bytes()).hexdigest()
        if digest != sha:
            failures.append(f"{rel}: sha256 {digest} differs from eval/baseline.json")
    if failures:
        return failures
    sys.path.insert(0, str(ROOT / "eval"))
    unique_dev = _load("unique_dev_eval", ROOT / "eval" / "unique_dev.py")
    seen: set[tuple[str, str]] = set()
    unique = []
    for rel in pinned["files"]:  # a sentence drawn twice counts once, as first judged
        table, _ = unique_dev.rows(unique_dev.judged.ECBPLUS, [Path(rel).name], {}, aligner)
        for row in table:
            if (row.doc, row.text) not in seen:
                seen.add((row.doc, row.text))
                unique += [row] if row.unique else []
    share = sum(r.counterpart for r in unique) / max(1, len(unique))
    ceiling = pinned["max_share_with_counterpart"]
    print(
        f"unique sentences with a counterpart, {aligner} aligner "
        f"({', '.join(Path(f).name for f in pinned['files'])}"
        f"): {share:.3f} of {len(unique)} (ceiling {ceiling})"
    )
    return (
        [f"unique sentences, {aligner} aligner: {share:.3f} with a counterpart > {ceiling}"]
        if share > ceiling
        else []
    )


if __name__ == "__main__":
    sys.exit(main())
