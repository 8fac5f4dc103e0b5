"""Choose the log-odds prior (strength, background weight) on real news: ECB+, not the samples.

Usage: python benchmarks/prior_strength.py [ECB+ DIR] [--max-triples N]

ECB+ (Cybulska & Vossen 2014, CC BY 3.0) groups news articles by event topic. For every topic,
its ``*ecbplus.xml`` articles (cut to about 500 words) are taken three at a time: articles
on one event by different outlets, as framecmp compares them. Two measurements per setting:

* power: a made-up word is planted 4 (and 6) times in the first article of the triple and
  never in the others; how often is it a significant distinctive term (z >= 1.96)?
* false alarms: the triple's sentences are shuffled among its three articles (lengths kept),
  so no article differs from the others except by chance; how many terms per article reach
  z >= 1.96?

It prints one row per setting; the README quotes the chosen row.
"""

from __future__ import annotations

import argparse
import random
import statistics
import xml.etree.ElementTree as ET
from pathlib import Path

from framecmp.analysis.terms import distinctive_terms, load_background
from framecmp.model import Document
from framecmp.text.segment import segment

PLANTED = "zorblatt"
WORDS = 500


def _sentences(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    by_sentence: dict[int, list[str]] = {}
    for token in root.iter("token"):
        by_sentence.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    # Sentence 0 of ECB+ articles is usually the URL or the headline: skip it.
    texts = [" ".join(words) for number, words in sorted(by_sentence.items()) if number > 0]
    kept, count = [], 0
    for text in texts:
        if count >= WORDS:
            break
        kept.append(text)
        count += len(text.split())
    return kept


def _document(doc_id: str, sentences: list[str]) -> Document:
    text = "\n".join(sentences)
    return Document(doc_id, doc_id, doc_id, text, segment(text))


def _plant(sentences: list[str], times: int, rng: random.Random) -> list[str]:
    planted = list(sentences)
    for index in rng.sample(range(len(planted)), min(times, len(planted))):
        words = planted[index].split()
        words.insert(rng.randrange(1, max(2, len(words))), PLANTED)
        planted[index] = " ".join(words)
    return planted


def _triples(root: Path, limit: int) -> list[list[list[str]]]:
    triples = []
    for topic in sorted(root.iterdir(), key=lambda p: p.name):
        files = sorted(topic.glob("*ecbplus.xml"))
        articles = [s for s in (_sentences(f) for f in files) if len(s) >= 6]
        for start in range(0, len(articles) - 2, 3):
            triples.append(articles[start : start + 3])
    return triples[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ecb", nargs="?", type=Path, default=Path("/work/devdata/ecbplus-xml/ECB+"))
    parser.add_argument("--max-triples", type=int, default=40)
    parser.add_argument("--strengths", default="10,30,100,300,1000")
    parser.add_argument("--weights", default="0,0.5,0.9")
    args = parser.parse_args()
    triples = _triples(args.ecb, args.max_triples)
    lengths = [sum(len(s.split()) for s in article) for t in triples for article in t]
    print(
        f"{len(triples)} triples of ECB+ articles, words per article: median "
        f"{statistics.median(lengths):.0f}"
    )
    background = load_background()
    print("strength weight  power@4 power@6  false-alarms/article")
    for strength in (float(v) for v in args.strengths.split(",")):
        for weight in (float(v) for v in args.weights.split(",")):
            hits = {4: 0, 6: 0}
            alarms = []
            for number, triple in enumerate(triples):
                rng = random.Random(number)
                for times in hits:
                    docs = [_document("a", _plant(triple[0], times, rng))]
                    docs += [_document(f"o{i}", s) for i, s in enumerate(triple[1:])]
                    found = distinctive_terms(
                        docs,
                        background=background,
                        top_n=10_000,
                        prior_strength=strength,
                        background_weight=weight,
                    )
                    hits[times] += any(
                        t.doc == "a" and t.term == PLANTED and t.z >= 1.96 for t in found
                    )
                pool = [s for article in triple for s in article]
                rng.shuffle(pool)
                sizes = [len(article) for article in triple]
                shuffled = [
                    pool[: sizes[0]],
                    pool[sizes[0] : sizes[0] + sizes[1]],
                    pool[sizes[0] + sizes[1] :],
                ]
                docs = [_document(f"s{i}", s) for i, s in enumerate(shuffled)]
                found = distinctive_terms(
                    docs,
                    background=background,
                    top_n=10_000,
                    prior_strength=strength,
                    background_weight=weight,
                )
                alarms.append(sum(t.z >= 1.96 for t in found) / 3)
            n = len(triples)
            print(
                f"{strength:8.0f} {weight:6.2f}  {hits[4] / n:7.2f} {hits[6] / n:7.2f}  "
                f"{statistics.mean(alarms):20.2f}"
            )


if __name__ == "__main__":
    main()
