"""What the charts cost, printed, never asserted (issue 8): the import of matplotlib (only
``--plot`` pays it), and drawing the three charts of the Bishkek samples as hand-written SVG
(what the HTML report does) and as PNG.

    python benchmarks/charts.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inputs import BISHKEK

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    _wall("import numpy, matplotlib.figure, matplotlib.backends.backend_agg")  # warm caches
    numpy = statistics.median(_wall("import numpy") for _ in range(runs))
    mpl = statistics.median(
        _wall("import numpy, matplotlib.figure, matplotlib.backends.backend_agg")
        for _ in range(runs)
    )
    print(f"python -c 'import numpy': median {numpy:.3f} s over {runs} runs")
    print(f"  + matplotlib (Figure, Agg): median {mpl:.3f} s, i.e. {mpl - numpy:.3f} s more")

    from framecmp import api
    from framecmp.report.charts import charts, render_svg
    from framecmp.report.plots import render_png

    comparison = api.compare([str(p) for p in BISHKEK])
    drawn = charts(comparison)
    svg_times, png_times = [], []
    for _ in range(runs):
        start = time.perf_counter()
        svg_bytes = sum(len(render_svg(c)) for c in drawn)
        svg_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        png_bytes = sum(len(render_png(c)) for c in drawn)
        png_times.append(time.perf_counter() - start)
    print(
        f"three charts of the Bishkek samples: SVG {statistics.median(svg_times) * 1000:.1f} ms "
        f"({svg_bytes:,} bytes), PNG {statistics.median(png_times) * 1000:.0f} ms "
        f"({png_bytes:,} bytes), medians of {runs}"
    )


if __name__ == "__main__":
    main()
