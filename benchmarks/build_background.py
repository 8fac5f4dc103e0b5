"""Build framecmp/data/background_counts.tsv from wordfreq's English word frequencies.

Usage: pip install 'wordfreq==3.1.1' && python benchmarks/build_background.py [--top N]

wordfreq (Robyn Speer, https://github.com/rspeer/wordfreq, code Apache-2.0, data CC BY-SA 4.0)
ships, in its wheel, English word frequencies pooled from Wikipedia, subtitles, news (NewsCrawl),
books (Google Books), web text, Reddit and Twitter. We keep the ``--top`` most frequent words
that framecmp counts as content words (normalised as ``framecmp.analysis.terms`` normalises
them), each as its frequency per 10^9 tokens, rounded. The output is a derived work of wordfreq's
data and is shipped under CC BY-SA 4.0 with that attribution in its header. The output is
sorted by term, so one wordfreq version always gives the same bytes. wordfreq is needed only
here, never at run time.
"""

from __future__ import annotations

import argparse
import os
from importlib.metadata import version
from pathlib import Path

from framecmp.text.vocabulary import is_content_word, normalise

ROOT = Path(__file__).resolve().parent.parent
PER = 10**9
HEADER = """\
# Background term counts for framecmp.analysis.terms.distinctive_terms (informative prior).
# Source: wordfreq {version} English frequencies (Robyn Speer et al.,
#   https://github.com/rspeer/wordfreq; data from Wikipedia, OpenSubtitles, NewsCrawl,
#   Google Books Ngrams, web text, Reddit and Twitter, see wordfreq's README).
# Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), as wordfreq's data;
#   this file is an adaptation: frequencies rescaled to counts per 10^9 tokens and filtered.
# Built by benchmarks/build_background.py: the {top} most frequent English words, kept when
#   framecmp counts them as content words; {n} terms. Unigrams only (wordfreq has no bigrams).
# Format: term<TAB>count per 10^9 tokens, sorted by term; total_count is the sum of the counts.
# total_count: {total}
"""


def build(top: int) -> str:
    """The TSV text: content words among wordfreq's ``top`` English words."""
    from wordfreq import top_n_list, word_frequency

    counts: dict[str, int] = {}
    for word in top_n_list("en", top):
        term = normalise(word)
        if not is_content_word(term):
            continue
        count = round(word_frequency(word, "en") * PER)
        if count > 0:
            counts[term] = counts.get(term, 0) + count
    lines = [f"{term}\t{count}" for term, count in sorted(counts.items())]
    # The total is written down so that framecmp need not add up 48,000 rows on every run.
    total = sum(counts.values())
    header = HEADER.format(version=version("wordfreq"), top=top, n=len(lines), total=total)
    return header + "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=50_000)
    parser.add_argument(
        "--output", type=Path, default=ROOT / "framecmp" / "data" / "background_counts.tsv"
    )
    args = parser.parse_args()
    text = build(args.top)
    tmp = args.output.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    os.replace(tmp, args.output)
    print(f"wrote {args.output} ({text.count(chr(10))} lines)")


if __name__ == "__main__":
    main()
