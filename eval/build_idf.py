"""Build framecmp/data/idf_news.tsv: document frequencies of word stems in ECB+ news texts.

    python eval/build_idf.py [ECBPLUS_XML_DIR]   (default /work/devdata/ecbplus-xml/ECB+)

The align stage weights a shared word by its inverse document frequency in general news, so
that the weights are the same when the pair scorer is fitted (MRPC sentence pairs) and when it
runs (a handful of articles). ECB+ (Cybulska & Vossen 2014, CC BY 3.0) is 982 news articles of
43 topics; only counts of stems are kept (stems seen in at least two documents).
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framecmp.text.vocabulary import is_content_word, normalise, stem  # noqa: E402

HEADER = """\
# Document frequencies of word stems in general news, for the align stage's IDF weights.
# Source: ECB+ corpus (Cybulska & Vossen 2014, "Using a sledgehammer to crack a nut? Lexical
# diversity and event coreference resolution", LREC 2014), 982 English news articles, licence
# CC BY 3.0 (https://creativecommons.org/licenses/by/3.0/). Only counts are kept.
# Built by eval/build_idf.py: tokens normalised and Snowball-stemmed as in
# framecmp.text.vocabulary; stop words dropped; stems seen in fewer than 2 documents dropped.
# Schema: a line "documents<TAB>N", then one line per stem: "stem<TAB>document frequency".
"""


def document_stems(path: Path) -> set[str]:
    """Content-word stems of one ECB+ XML document (the ecbplus URL line left out)."""
    root = ET.parse(path).getroot()
    stems: set[str] = set()
    for token in root.iter("token"):
        if path.name.endswith("ecbplus.xml") and token.get("sentence") == "0":
            continue
        word = normalise(token.text or "")
        if is_content_word(word):
            stems.add(stem(word))
    return stems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="/work/devdata/ecbplus-xml/ECB+")
    parser.add_argument("--out", default=str(ROOT / "framecmp" / "data" / "idf_news.tsv"))
    args = parser.parse_args()
    paths = sorted(Path(args.corpus).glob("*/*.xml"))
    if not paths:
        print(f"build_idf: no XML documents under {args.corpus}", file=sys.stderr)
        return 2
    df: dict[str, int] = {}
    for path in paths:
        for key in document_stems(path):
            df[key] = df.get(key, 0) + 1
    lines = [f"documents\t{len(paths)}"]
    lines += [f"{key}\t{n}" for key, n in sorted(df.items()) if n >= 2 and "\t" not in key]
    Path(args.out).write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(paths)} documents, {len(lines) - 1} stems -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
