"""Draw a random sample of quotes from real coverage (ECB+) with the speaker framecmp finds,
for a person to judge right / wrong / missing (issue 8). Prints figures when given judgements.

    python eval/speaker_sample.py [ECB+ DIR] [--n 40] [--seed 8]          # print the sample
    python eval/speaker_sample.py --judged eval/speaker_judgements.tsv   # print the figures

ECB+ (Cybulska & Vossen 2014, CC BY 3.0): news articles as token XML; the text is rebuilt
by joining tokens (`` and '' become straight quotes), one paragraph per ECB+ sentence. Quotes
of at most three words (scare quotes) are left out: they have no speaker to judge.
"""

from __future__ import annotations

import argparse
import random
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from framecmp.analysis.voices import extract_quotes, is_scare_quote
from framecmp.model import Document
from framecmp.text.segment import segment

_GLUE_BEFORE = re.compile(r" ([.,;:!?)\]}'](?:\s|$)|n't|'s)")


def _text(path: Path) -> str:
    sentences: dict[int, list[str]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        word = (token.text or "").replace("``", '"').replace("''", '"')
        sentences.setdefault(int(token.get("sentence", "0")), []).append(word)
    lines = []
    for number, words in sorted(sentences.items()):
        if number == 0:  # the URL or headline
            continue
        line = " ".join(words)
        line = _GLUE_BEFORE.sub(r"\1", line)
        # An opening quote sticks to the next word, a closing one to the previous.
        parts = line.split('"')
        line = "".join(
            part if k == 0 else ('"' + part.lstrip() if k % 2 else '"' + part)
            for k, part in enumerate(parts)
        )
        line = re.sub(r' +"(?=[ ,.]|$)', '"', line)
        lines.append(line)
    return "\n".join(lines) + "\n"


def sample(root: Path, n: int, seed: int) -> list[tuple[str, str, str | None, str]]:
    """(file, quote, speaker found, context) for ``n`` random non-scare quotes."""
    found = []
    for path in sorted(root.glob("*/*.xml")):
        text = _text(path)
        document = Document(path.stem, path.stem, str(path), text, segment(text))
        for quote in extract_quotes(document):
            if is_scare_quote(quote):
                continue
            start = max(0, quote.char_start - 200)
            context = " ".join(text[start : quote.char_end + 120].split())
            found.append((path.name, quote.text, quote.speaker, context))
    random.Random(seed).shuffle(found)
    return found[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ecb", nargs="?", type=Path, default=Path("/work/devdata/ecbplus-xml/ECB+"))
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--judged", type=Path)
    args = parser.parse_args()
    if args.judged:
        rows = [
            line.split("\t")
            for line in args.judged.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")
        ]
        verdicts = Counter(row[0] for row in rows)
        total = sum(verdicts.values())
        for verdict in ("right", "wrong", "missing"):
            print(f"{verdict:8s} {verdicts[verdict]:3d}  {verdicts[verdict] / total:.0%}")
        return
    for number, (name, quote, speaker, context) in enumerate(sample(args.ecb, args.n, args.seed)):
        print(f"[{number}] {name}  speaker: {speaker}\n    quote: {quote[:100]}\n    {context}\n")


if __name__ == "__main__":
    main()
