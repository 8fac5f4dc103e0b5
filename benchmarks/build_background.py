"""Build framecmp/data/background_counts.tsv from the sample corpus in data/.

Usage: python benchmarks/build_background.py [--output PATH]

Counts unigrams and bigrams of content words exactly as
``framecmp.analysis.terms.distinctive_terms``
tokenises them, on the samples as ``framecmp compare`` sees them (loaded, cleaned and
segmented by ``framecmp.api.prepare_documents``, so capture noise is not counted), in sorted
path order; the output is sorted by term, so the same corpus always gives the same bytes.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from framecmp.analysis.terms import background_from_documents
from framecmp.api import load_articles, prepare_documents

ROOT = Path(__file__).resolve().parent.parent
HEADER = """\
# Background term counts for framecmp.analysis.terms.distinctive_terms (informative prior).
# Source: framecmp sample corpus, data/ ({n} texts: {names}).
# Texts (c) their outlets (TASS, CGTN, RT and two unidentified outlets); only counts are kept.
# Built by benchmarks/build_background.py from the cleaned texts: content unigrams and
# bigrams, lower-cased, unstemmed.
# Format: term<TAB>count, sorted by term.
"""


def build(data_dir: Path) -> str:
    """The TSV text for every *.txt file under data_dir."""
    paths = sorted(data_dir.glob("*/*.txt"))
    documents = prepare_documents(load_articles(paths))
    counts = background_from_documents(documents)
    names = ", ".join(path.relative_to(data_dir).as_posix() for path in paths)
    lines = [f"{term}\t{count}" for term, count in sorted(counts.items())]
    return HEADER.format(n=len(paths), names=names) + "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--output", type=Path, default=ROOT / "framecmp" / "data" / "background_counts.tsv"
    )
    args = parser.parse_args()
    text = build(ROOT / "data")
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    os.replace(tmp, args.output)
    print(f"wrote {args.output} ({text.count(chr(10))} lines)")


if __name__ == "__main__":
    main()
