"""How often the frame-rate test calls a difference where there is none, by document length.

    python eval/frame_test_null.py [odd|even] [--sizes 1,2,3,4,5,8] [--resamples 500]

The null: two random halves of one real ECB+ article (eval/data/ecbplus, CC BY 3.0), n
sentences each, shuffled (seed n), compared by ``score.rate_differences`` over the bundled frame
lexicon as if they were two outlets. One writer, one text: any difference is chance, so the
share of tests at p < 0.05 should be about 0.05. It chose ``score.MIN_TEST_SENTENCES`` on the odd
topics (development); the even topics are held out.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framecmp import api  # noqa: E402
from framecmp.analysis import lexicon, score  # noqa: E402
from framecmp.model import Document, Sentence  # noqa: E402

ECBPLUS = ROOT / "eval" / "data" / "ecbplus"


def _half(document: Document, sentences: list[Sentence], name: str) -> Document:
    renumbered = tuple(replace(s, index=i) for i, s in enumerate(sentences))
    return replace(document, doc_id=name, outlet=name, sentences=renumbered)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("half", nargs="?", choices=("odd", "even"), default="odd")
    parser.add_argument("--sizes", default="1,2,3,4,5,8")
    parser.add_argument("--resamples", type=int, default=500)
    args = parser.parse_args()
    # the test's own floor is lifted here: the point is to see where it is needed
    score.MIN_TEST_SENTENCES = 1
    frames = [lex for lex in lexicon.resolve(lexicon.DEFAULT_LEXICONS) if lex.kind == "frames"]
    records = [json.loads(line) for line in (ECBPLUS / "manifest.jsonl").read_text().splitlines()]
    documents = [
        api.prepare_documents(api.load_articles([str(ECBPLUS / r["path"])]))[0]
        for r in records
        if (int(r["topic"]) % 2 == 1) == (args.half == "odd")
    ]
    for n in (int(size) for size in args.sizes.split(",")):
        rng = random.Random(n)  # each size its own draws, whatever other sizes are asked for
        tests = positives = 0
        for document in documents:
            if len(document.sentences) < 2 * n:
                continue
            sentences = list(document.sentences)
            rng.shuffle(sentences)
            a, b = _half(document, sentences[:n], "a"), _half(document, sentences[n : 2 * n], "b")
            scores = score.score_lexicons([a, b], frames)
            for difference in score.rate_differences([a, b], scores, n_resamples=args.resamples):
                tests += 1
                positives += difference.p_value < 0.05
        print(
            f"{args.half} topics, {n} sentences each: {tests} tests, p < 0.05 in {positives} "
            f"({positives / max(1, tests):.3f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
