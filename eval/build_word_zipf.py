"""Build framecmp/data/word_zipf.tsv: how common each English word is (Zipf scale).

    pip install wordfreq==3.1.1 && python eval/build_word_zipf.py

The same-event model weighs shared words by rarity: two reports sharing "magnitude" and
"Tehachapi" say more than two sharing "said" and "people". A general word-frequency list gives
that rarity without any corpus of framecmp's own (an idf fitted on the inputs of one comparison
is meaningless, and one fitted on the evaluation corpus would leak into it).
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import wordfreq  # type: ignore[import-not-found]

OUT = Path(__file__).resolve().parent.parent / "framecmp" / "data" / "word_zipf.tsv"
TOP_N = 40_000  # the list's floor is then Zipf 2.7: rarer words are all treated as rare
_WORD = re.compile(r"^[a-z][a-z'-]*$")


def main() -> None:
    rows = []
    for word in wordfreq.top_n_list("en", TOP_N):
        if _WORD.match(word):
            rows.append(f"{word}\t{wordfreq.zipf_frequency(word, 'en'):.2f}\n")
    header = (
        "# English word frequencies on the Zipf scale (log10 of uses per billion words).\n"
        f"# Source: wordfreq {version('wordfreq')} (Robyn Speer, 2022,"
        " https://github.com/rspeer/wordfreq),\n"
        "# top_n_list('en', 40000) and zipf_frequency(word, 'en'), alphabetic words only.\n"
        "# Licence of the data: CC BY-SA 4.0 (wordfreq's data sources: Wikipedia, subtitles,\n"
        "# news, books, web text, Twitter, Reddit). Built by eval/build_word_zipf.py.\n"
        # Sorted by word, with the floor written down: framecmp finds a word by binary search
        # instead of reading all 40,000 rows on every run.
        "# Columns: word<TAB>zipf, sorted by word; zipf_floor is the lowest zipf listed.\n"
        f"# zipf_floor: {min(float(row.split(chr(9))[1]) for row in rows):.2f}\n"
    )
    OUT.write_text(header + "".join(sorted(rows)), encoding="utf-8")
    print(f"{OUT}: {len(rows)} words")


if __name__ == "__main__":
    main()
