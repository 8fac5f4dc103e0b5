"""Input sets for the speed benchmarks and the TF-IDF identity check, built from real articles.

Sets: the three Bishkek samples; all five samples; 16 and 26 ECB+ articles; two ~5,000-word
articles made by concatenating ECB+ articles. ECB+ (Cybulska & Vossen 2014, CC BY 3.0) ships
tokenised XML; ``ecbplus_article`` joins the tokens back into running text, one paragraph per
article body, and keeps the annotated sentence starts so that sentence splitters can be scored.

    python benchmarks/inputs.py OUT_DIR [--ecbplus DIR]   # writes the sets, prints their paths
"""

from __future__ import annotations

import argparse
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data"
BISHKEK = [
    SAMPLES / "bishkek-2025-11-27" / n for n in ("tass.txt", "cgtn.txt", "unknown-outlet.txt")
]
OTHER_EVENTS = [
    SAMPLES / "lavrov-roundtable-2025-12" / "rt.txt",
    SAMPLES / "alaska-2025-08-17" / "unknown-wire.txt",
]
DEFAULT_ECBPLUS = Path(os.environ.get("FRAMECMP_ECBPLUS_XML", "/work/devdata/ecbplus-xml/ECB+"))

_GLUE_LEFT = {",", ".", ";", ":", "!", "?", ")", "]", "%", "''", "n't", "'s", "'re", "'ve",
              "'ll", "'d", "'m", "...", "'"}  # fmt: skip
_GLUE_RIGHT = {"(", "[", "$", "``"}
_ENDS_SENTENCE = re.compile(r"[.?!][\"'\u201d)]*$")


@dataclass(frozen=True)
class EcbArticle:
    """One ECB+ article as text, with the offsets where its annotated sentences start."""

    name: str
    text: str
    sentence_starts: tuple[int, ...]  # within ``text``; the first sentence of each line too


def _detokenise(tokens: list[str]) -> str:
    out = ""
    quote_open = False
    glue = True
    for token in tokens:
        if token in ('"', "``", "''"):
            closing = quote_open if token == '"' else token == "''"
            quote_open = not closing
            out += '"' if closing or glue else ' "'
            glue = not closing
            continue
        if token == "-" or (out.endswith("-") and out[-2:-1].isalnum()):
            out += token
            glue = token == "-"
            continue
        out += token if glue or token in _GLUE_LEFT else " " + token
        glue = token in _GLUE_RIGHT
    return out


def ecbplus_article(path: Path) -> EcbArticle:
    """An ECB+ article: title and header lines on their own lines, then the body as one paragraph.

    A line that does not end like a sentence (a title, "May 03, 2013") becomes a paragraph of its
    own, as in a real capture; sentences that do are joined into one running paragraph, so a
    splitter has to find their boundaries.
    """
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    ordered = [_detokenise(sentences[k]) for k in sorted(sentences)]
    if path.name.endswith("ecbplus.xml") and ordered and ordered[0].startswith("http"):
        ordered = ordered[1:]  # the source URL, not text
    text = ""
    starts: list[int] = []
    for sentence in ordered:
        if text:
            text += " " if _ENDS_SENTENCE.search(text) and _ENDS_SENTENCE.search(sentence) else "\n"
        starts.append(len(text))
        text += sentence
    return EcbArticle(path.stem, text, tuple(starts))


def _document_order(path: Path) -> tuple[bool, int]:
    match = re.fullmatch(r"\d+_(\d+)ecb(plus)?\.xml", path.name)
    return (bool(match and match[2]), int(match[1]) if match else 0)


def ecbplus_articles(xml_root: Path, topics: tuple[str, ...]) -> list[EcbArticle]:
    """Articles of the given topics, in topic then document-number order."""
    found = []
    for topic in topics:
        paths = sorted((xml_root / topic).glob("*.xml"), key=_document_order)
        found.extend(ecbplus_article(p) for p in paths)
    return found


def build_sets(out: Path, xml_root: Path = DEFAULT_ECBPLUS) -> dict[str, list[Path]]:
    """Write the ECB+-made articles under ``out`` and return every input set by name."""
    out.mkdir(parents=True, exist_ok=True)

    def write(name: str, text: str) -> Path:
        path = out / f"{name}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        return path

    topic_13 = ecbplus_articles(xml_root, ("13",))
    topic_1 = ecbplus_articles(xml_root, ("1",))
    long_texts: list[list[str]] = [[], []]
    for index, article in enumerate(ecbplus_articles(xml_root, ("12", "18", "19"))):
        half = long_texts[index % 2]
        if sum(len(t.split()) for t in half) < 5000:
            half.append(article.text)
    return {
        "3 samples": list(BISHKEK),
        "5 samples": [*BISHKEK, *OTHER_EVENTS],
        "16 ECB+ articles": [write(a.name, a.text) for a in topic_1[:16]],
        "26 ECB+ articles": [write(a.name, a.text) for a in topic_13[:26]],
        "2 x 5k words": [
            write(f"long-{n}", "\n".join(texts)) for n, texts in enumerate(long_texts, start=1)
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--ecbplus", type=Path, default=DEFAULT_ECBPLUS)
    args = parser.parse_args()
    for name, paths in build_sets(args.out, args.ecbplus).items():
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        print(f"{name}: {len(paths)} files, {words} words")


if __name__ == "__main__":
    main()
