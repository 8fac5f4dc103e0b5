"""Every speaker framecmp finds in the committed ECB+ texts, and what changed between two runs.

    python eval/speaker_diff.py dump OUT.jsonl      # one line per quote, scare quotes left out
    python eval/speaker_diff.py diff BEFORE.jsonl AFTER.jsonl

Run ``dump`` on the code before a change to voices and after it, then ``diff``: it prints each
quote whose speaker changed with its context, odd topics (development) first, for a person to
judge right / wrong. ECB+ texts: eval/data/ecbplus (CC BY 3.0, Cybulska & Vossen 2014).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framecmp import api  # noqa: E402
from framecmp.analysis.voices import extract_quotes, is_scare_quote  # noqa: E402

ECBPLUS = ROOT / "eval" / "data" / "ecbplus"


def dump(out: Path) -> None:
    rows = [json.loads(line) for line in (ECBPLUS / "manifest.jsonl").read_text().splitlines()]
    lines = []
    for row in rows:
        [document] = api.prepare_documents(api.load_articles([str(ECBPLUS / row["path"])]))
        for quote in extract_quotes(document):
            if is_scare_quote(quote):
                continue
            context = document.text[max(0, quote.char_start - 300) : quote.char_end + 150]
            record = {
                "doc": row["doc_id"],
                "start": quote.char_start,
                "speaker": quote.speaker,
                "context": " ".join(context.split()),
            }
            lines.append(json.dumps(record, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} quotes -> {out}")


def diff(before: Path, after: Path) -> None:
    def load(path: Path) -> dict[tuple[str, int], dict[str, object]]:
        records = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
        return {(str(r["doc"]), int(r["start"])): r for r in records}

    old, new = load(before), load(after)
    changed = sorted(
        (k for k in old.keys() & new.keys() if old[k]["speaker"] != new[k]["speaker"]),
        key=lambda k: (int(k[0].split("_")[0]) % 2 == 0, k),
    )
    print(f"{len(old)} quotes before, {len(new)} after; speaker changed: {len(changed)}")
    for key in changed:
        print(f"[{key[0]}] {old[key]['speaker']} -> {new[key]['speaker']}")
        print(f"    {str(old[key]['context'])[:500]}\n")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "dump":
        dump(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "diff":
        diff(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit(__doc__)
