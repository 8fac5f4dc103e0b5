"""Sentence-boundary accuracy of framecmp's splitter against the ECB+ annotation, and others'.

ECB+ (Cybulska & Vossen 2014, CC BY 3.0) marks the sentences of 982 news articles, full of
quotes, abbreviations ("Gov.", "U.S.") and datelines. ``benchmarks/inputs.py`` joins each
article's body into one running paragraph; a splitter is scored on the boundaries inside
running text (paragraph starts are given away). Optional splitters are scored when installed
(``pip install pysbd syntok``), to weigh replacing NLTK's Punkt.

    python benchmarks/segmentation.py [--ecbplus DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inputs import DEFAULT_ECBPLUS, EcbArticle, ecbplus_article

from framecmp.text import segment

Splitter = Callable[[str], Iterable[int]]  # text -> offsets where sentences start


def _framecmp(text: str) -> Iterable[int]:
    return (sentence.char_start for sentence in segment.segment(text))


def _punkt_alone(text: str) -> Iterable[int]:
    offset = 0
    for line in text.split("\n"):
        yield from (offset + start for start, _ in segment._punkt().span_tokenize(line))
        offset += len(line) + 1


def _splitters() -> dict[str, Splitter]:
    found: dict[str, Splitter] = {
        "framecmp (Punkt + news repairs)": _framecmp,
        "Punkt alone, framecmp's abbreviations": _punkt_alone,
    }
    try:
        import pysbd
    except ImportError:
        print("pysbd not installed: not scored")
    else:
        seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

        def _pysbd(text: str) -> Iterable[int]:
            offset = 0
            for line in text.split("\n"):
                yield from (offset + span.start for span in seg.segment(line))
                offset += len(line) + 1

        found["pysbd 0.3 (rules)"] = _pysbd
    try:
        from syntok import segmenter
    except ImportError:
        print("syntok not installed: not scored")
    else:

        def _syntok(text: str) -> Iterable[int]:
            for paragraph in segmenter.analyze(text):
                for sentence in paragraph:
                    yield sentence[0].offset - len(sentence[0].spacing)

        found["syntok 1.4"] = _syntok
    return found


def _inner(article: EcbArticle, starts: Iterable[int]) -> set[int]:
    """Sentence starts that are not at the start of a line, moved past white space."""
    text = article.text
    found = set()
    for start in starts:
        while start < len(text) and text[start] == " ":
            start += 1
        if 0 < start < len(text) and text[start - 1] != "\n":
            found.add(start)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ecbplus", type=Path, default=DEFAULT_ECBPLUS)
    args = parser.parse_args()
    articles = [ecbplus_article(path) for path in sorted(args.ecbplus.glob("*/*.xml"))]
    gold = [_inner(article, article.sentence_starts) for article in articles]
    print(f"{len(articles)} ECB+ articles, {sum(map(len, gold))} boundaries inside paragraphs\n")
    print(f"{'splitter':40s} {'precision':>9s} {'recall':>7s} {'F1':>6s} {'ms/article':>10s}")
    for name, split in _splitters().items():
        true_positive = predicted = 0
        start = time.process_time()
        for article, expected in zip(articles, gold, strict=True):
            found = _inner(article, split(article.text))
            true_positive += len(found & expected)
            predicted += len(found)
        milliseconds = (time.process_time() - start) * 1000 / len(articles)
        precision = true_positive / predicted
        recall = true_positive / sum(map(len, gold))
        f1 = 2 * precision * recall / (precision + recall)
        print(f"{name:40s} {precision:9.3f} {recall:7.3f} {f1:6.3f} {milliseconds:10.1f}")


if __name__ == "__main__":
    main()
