"""Write docs/cli.md from the CLI's own --help, so the reference cannot drift from the code.

python scripts/cli_reference.py          # rewrite docs/cli.md
python scripts/cli_reference.py --check  # exit 1 if docs/cli.md is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from framecmp.cli import app

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "cli.md"
COMMANDS = (
    [],
    ["compare"],
    ["lexicon"],
    ["lexicon", "list"],
    ["lexicon", "show"],
    ["lexicon", "check"],
    ["ingest"],
    ["events"],
    ["batch"],
)

INTRO = """# framecmp command-line reference

Generated from `--help` by `scripts/cli_reference.py`; `make test` fails when it is out of date.
The Python API mirrors these commands: see [api.md](api.md).

Exit codes of `compare`, by the same-event answer (see [same-event.md](same-event.md)):
**0** compared, one event (`same-event`); **1** compared, but not one event: `different-events`,
or `same-story` (one story's developments, event dates up to a week apart);
`--allow-same-story` turns same-story into 0, `--allow-different-events` turns both into 0;
**2** usage error, bad input, bad lexicon, unwritable output or internal error. Errors are one
line on stderr starting `framecmp: error:`.
"""


CORPUS = """## Corpus commands: contracts

`ingest`, `events` and `batch` share one corpus store, a SQLite file (`--db`, default
`framecmp.db`). An article whose content (whitespace-collapsed text, SHA-256) is stored is
recognised and not added again; a changed article at the same URL, or else the same path, is
stored as a new version and replaces the old one in its event.

`framecmp events --format json` prints (keys sorted; the keys named here are the contract,
others may be added):

```json
{"events": [{"id": "ev-9d206f6c7fe5", "label": "ukraine · putin · russia · president",
             "outlets": ["CGTN", "TASS"], "dates": ["2025-11-27", "2025-11-27"],
             "related": ["ev-1a97ae1ea133"],
             "articles": [{"id": 1, "path": "data/…/tass.txt", "url": null, "outlet": "TASS",
                           "date": "2025-11-27", "probability": 1.0,
                           "signals": [{"name": "tfidf-cosine", "value": 0.22, "detail": "…"}]}]}]}
```

`id` is `ev-` and the first 12 hex digits of the content hash of the article that started
the event; it never changes once given. `probability` is the article's same-event probability
against the event when it joined (1.0 for the article that started it); `signals` are the
decisive evidence. `related` lists events of the same story (linked, never merged).

`framecmp batch` exit codes: **0** done (also when nothing was new); **2** error; with
`--fail-on`: **3** an event reported in this run has conflicting claims, **4** a significant
frame difference of N or more per 1,000 tokens (`frame-difference=N`, default 10), **5** a
terminology divergence (outlets chose different terms of one category, in their own words:
wordings inside quotes do not count); when several rules
fire, the lowest code wins. `--format jsonl` prints one JSON object per reported event
(`type: "event"`, `event`, `label`, `articles`, `outlets`, `reports`, `conflicting_claims`,
`largest_frame_difference`, `terminology_divergences`), then one for the run (`type: "run"`,
`added`, `new_versions`, `unchanged`, `skipped`, `assigned`, `new_events`, `notes` (what
loading left out or could not read: feed entries without text, record dates not read; also
printed as warnings), `reports`, `index`, `did_nothing`, `failed_rules`, `exit_code`).
"""


def reference() -> str:
    runner = CliRunner()
    parts = [INTRO]
    for command in COMMANDS:
        result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100", "NO_COLOR": "1"})
        heading = f"## framecmp {' '.join(command)}".rstrip()
        parts.append(f"{heading}\n\n```text\n{result.stdout.rstrip()}\n```\n")
    parts.append(CORPUS)
    return "\n".join(parts)


def main() -> int:
    text = reference()
    if "--check" in sys.argv:
        if TARGET.read_text(encoding="utf-8") != text:
            print("docs/cli.md is out of date: run python scripts/cli_reference.py")
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
