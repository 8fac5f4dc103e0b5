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


def reference() -> str:
    runner = CliRunner()
    parts = [INTRO]
    for command in COMMANDS:
        result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100", "NO_COLOR": "1"})
        heading = f"## framecmp {' '.join(command)}".rstrip()
        parts.append(f"{heading}\n\n```text\n{result.stdout.rstrip()}\n```\n")
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
