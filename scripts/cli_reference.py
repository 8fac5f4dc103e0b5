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

Exit codes: **0** compared; **1** compared, but the inputs do not look like reports of the same
event (`--allow-different-events` turns this into 0); **2** usage error, bad input, bad lexicon,
unwritable output or internal error. Errors are one line on stderr starting `framecmp: error:`.
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
