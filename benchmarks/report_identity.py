"""Every report byte, for checking that a speed change leaves the output as it was.

    python benchmarks/report_identity.py OUT [--batch-articles 300]
        [--work /tmp/framecmp-report-identity]
    diff -r BEFORE OUT        # run once on the old code into BEFORE, once on the new into OUT

Writes, through the real CLI (``python -m framecmp``), into OUT:

- ``framecmp compare`` with ``--format markdown``, ``json``, ``html`` and ``text --detail``
  (the terminal view reads the same sections) on the three Bishkek samples, on all five
  samples (``--allow-different-events``), on the 16 documents of ECB+ event 18ecb, and on 26
  documents of ECB+ topic 1 (the 21 of 1ecbplus and the first 5 of 1ecb: two events, so the
  different-events warning is drawn too); also ``--summary --format markdown`` on each;
- ``framecmp batch`` over the first ``--batch-articles`` documents of the dated ECB+ stream
  that ``benchmarks/batch_scale.py`` builds, into OUT/batch/reports (every event's Markdown,
  JSON and HTML report and the index), with the run summary (``--format jsonl``) and the
  Markdown summary beside it.

The exit code and stdout of every command are kept (stderr is not: it holds the progress bar).
The batch corpus and store go in ``--work`` (emptied first; a fixed folder, as the JSON reports
name the article paths). Commands run in ``--work``, so ``PYTHONPATH=/old/checkout`` picks the
code to run. Nothing is timed here; see ``benchmarks/render_cost.py`` and ``batch_scale.py``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "eval"))

from batch_scale import build  # noqa: E402
from event_clustering import DEFAULT_ECB  # noqa: E402

FRAMECMP = [sys.executable, "-m", "framecmp"]
ECB_TEXT = ROOT / "eval" / "data" / "ecbplus"


def ecb_paths(event: str, limit: int | None = None) -> list[str]:
    """Paths of an ECB+ event's documents, in manifest order."""
    manifest = (ECB_TEXT / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in manifest]
    paths = [str(ECB_TEXT / r["path"]) for r in records if r["event"] == event]
    return paths[:limit]


def input_sets() -> dict[str, list[str]]:
    bishkek = sorted(str(p) for p in (ROOT / "data" / "bishkek-2025-11-27").glob("*.txt"))
    samples = sorted(str(p) for p in (ROOT / "data").rglob("*.txt"))
    return {
        "samples3": bishkek,
        "samples5": samples,
        "ecb16": ecb_paths("18ecb"),
        "ecb26": ecb_paths("1ecbplus") + ecb_paths("1ecb", 5),
    }


def run(args: list[str], out: Path, name: str, work: Path) -> None:
    result = subprocess.run([*FRAMECMP, *args], capture_output=True, cwd=work, check=False)
    (out / f"{name}.stdout").write_bytes(result.stdout)
    (out / f"{name}.exit").write_text(f"{result.returncode}\n", encoding="utf-8")
    if result.returncode not in (0, 1):
        print(f"{name}: exit {result.returncode}: {result.stderr.decode()[-500:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--batch-articles", type=int, default=300)
    parser.add_argument("--work", type=Path, default=Path("/tmp/framecmp-report-identity"))
    args = parser.parse_args()
    out: Path = args.out.resolve()
    work: Path = args.work
    for folder in (out, work):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    for name, paths in input_sets().items():
        extra = ["--allow-different-events", "--allow-same-story"]
        for fmt in ("markdown", "json", "html"):
            run(["compare", *paths, *extra, "--format", fmt], out, f"{name}.{fmt}", work)
        run(["compare", *paths, *extra, "--format", "text", "--detail"], out, f"{name}.text", work)
        run(
            ["compare", *paths, *extra, "--summary", "--format", "markdown"],
            out,
            f"{name}.sum",
            work,
        )
    corpus = work / "corpus"
    build(corpus, args.batch_articles, DEFAULT_ECB)
    batch = out / "batch"
    batch.mkdir()
    run(
        [
            "batch",
            str(corpus),
            "--db",
            str(work / "store.db"),
            "--report-dir",
            str(batch / "reports"),
            "--summary",
            str(batch / "summary.md"),
            "--format",
            "jsonl",
            "--quiet",
        ],
        batch,
        "run",
        work,
    )
    # The run summaries name OUT; keep them comparable.
    for path in (batch / "run.stdout", batch / "summary.md"):
        if path.exists():
            text = path.read_text(encoding="utf-8").replace(str(out), "OUT")
            path.write_text(text, encoding="utf-8")
    print(f"{sum(1 for p in out.rglob('*') if p.is_file())} files in {out}")


if __name__ == "__main__":
    main()
