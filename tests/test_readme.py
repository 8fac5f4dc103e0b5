"""The README's sample output is what the program really prints (regenerate it when it fails:
COLUMNS=100 python -m framecmp compare <the three paths> and paste the output)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMAND = "$ framecmp compare "


def test_readme_real_output_is_what_the_program_prints() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```text\n" + COMMAND, 1)[1].split("```\n", 1)[0]
    command, _, shown = block.partition("\n")
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    result = subprocess.run(
        [sys.executable, "-m", "framecmp", "compare", *command.split()],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == shown
