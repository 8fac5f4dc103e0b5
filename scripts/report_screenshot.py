"""Screenshot of the sample HTML report in headless Chromium, for the README.

    python scripts/report_screenshot.py docs/report-screenshot.png

Compares the three Bishkek samples, opens the HTML report in Debian's ``chromium`` at
1,100 x 1,800 pixels (the summary, contents, documents and the similarity chart), and
stores the picture with a 64-colour palette so the PNG stays small.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
BISHKEK = ROOT / "data" / "bishkek-2025-11-27"
SAMPLES = [BISHKEK / f"{name}.txt" for name in ("tass", "cgtn", "unknown-outlet")]
SIZE = (1100, 1800)


def main() -> None:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/report-screenshot.png")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("report_screenshot: no chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "framecmp",
                "compare",
                *map(str, SAMPLES),
                "--quiet",
                "--report-dir",
                str(folder),
            ],
            check=True,
        )
        page = next(folder.glob("*.html"))
        raw = folder / "raw.png"
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--user-data-dir={folder / 'profile'}",
                f"--window-size={SIZE[0]},{SIZE[1]}",
                f"--screenshot={raw}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
        with Image.open(raw) as image:
            small = image.convert("RGB").quantize(colors=64)
            small.save(target, optimize=True)
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
