"""Build framecmp/data/spelling_variants.tsv: British and other non-American spellings of
English words, each with its American spelling.

    python eval/build_spelling_variants.py PATH/TO/varcon.txt

Outlets on either side of the Atlantic write one word two ways ("jewellery" / "jewelry",
"offence" / "offense", "organisation" / "organization"). Read as two words, a claim two reports
share looks told in other words, and a spelling passes for an outlet's choice of term. framecmp
reads each listed spelling as its American form wherever it compares words
(``framecmp.text.vocabulary.stem``).

Source: VarCon (Variant Conversion Info), part of SCOWL, by Kevin Atkinson and Benjamin Titze:
``varcon/varcon.txt`` of https://github.com/en-wl/wordlist at commit 1605448 (2020). Its
licence (permissive, notice required) is copied into the header of the built file.

Kept (chosen a priori, not on any evaluation data): clusters whose headword is a dictionary
word (SCOWL level 70 or below); lines that give one American spelling (tag "A") and whose
meaning does not depend on the usage (no " | " note: "prise" / "prize", "metre" / "meter" are
left out); other spellings a British, Canadian or Australian tag prefers or allows ("B", "Z",
"C", "D", plain or "v"); lower-case single words only. A spelling that is itself the American
spelling of another line is left out, so that no American word is ever rewritten.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "framecmp" / "data" / "spelling_variants.tsv"
MAX_LEVEL = 70  # SCOWL: <= 70 "can be found in the dictionary"
_HEADER = re.compile(r"^# (\S+).*\(level (\d+)\)")
_WORD = re.compile(r"^[a-z]+$")
_NON_AMERICAN = frozenset({"B", "Z", "C", "D", "Bv", "Zv", "Cv", "Dv"})

LICENCE = """\
# Copyright 2000-2019 by Kevin Atkinson
#
# Permission to use, copy, modify, distribute and sell this array, the
# associated software, and its documentation for any purpose is hereby
# granted without fee, provided that the above copyright notice appears
# in all copies and that both that copyright notice and this permission
# notice appear in supporting documentation. Kevin Atkinson makes no
# representations about the suitability of this array for any
# purpose. It is provided "as is" without express or implied warranty.
#
# Copyright 2016 by Benjamin Titze
#
# Permission to use, copy, modify, distribute and sell this array, the
# associated software, and its documentation for any purpose is hereby
# granted without fee, provided that the above copyright notice appears
# in all copies and that both that copyright notice and this permission
# notice appear in supporting documentation. Benjamin Titze makes no
# representations about the suitability of this array for any
# purpose. It is provided "as is" without express or implied warranty.
#
# The original word lists come from the Ispell distribution: Copyright 1993,
# Geoff Kuenning, Granada Hills, CA. All rights reserved. Redistribution and
# use in source and binary forms, with or without modification, are permitted
# provided that the copyright notice, this list of conditions and the
# disclaimer are retained (VarCon's README gives them in full).
"""


def entries(line: str) -> list[tuple[frozenset[str], str]]:
    """(tags, word) of each spelling on a varcon line."""
    found = []
    for part in line.split(" / "):
        tags, _, word = part.partition(": ")
        found.append((frozenset(tags.split()), word.strip()))
    return found


def variants(text: str) -> dict[str, str]:
    american_words: set[str] = set()
    mapping: dict[str, str] = {}
    level = MAX_LEVEL + 1
    for line in text.splitlines():
        if header := _HEADER.match(line):
            level = int(header[2])
            continue
        if not line.strip() or line.startswith("#") or " | " in line or level > MAX_LEVEL:
            continue
        spellings = entries(line)
        american = [word for tags, word in spellings if "A" in tags]
        for word in american:
            american_words.add(word)
        if len(american) != 1 or not _WORD.match(american[0]):
            continue
        for tags, word in spellings:
            if word != american[0] and tags & _NON_AMERICAN and _WORD.match(word):
                mapping.setdefault(word, american[0])
    return {
        word: target
        for word, target in sorted(mapping.items())
        if word not in american_words and target != word
    }


def main() -> int:
    source = Path(sys.argv[1])
    mapping = variants(source.read_text(encoding="latin-1"))  # varcon.txt is ISO-8859-1
    header = (
        "# Non-American spellings of English words and their American spelling.\n"
        "# Source: VarCon (SCOWL), varcon/varcon.txt of https://github.com/en-wl/wordlist at\n"
        "# commit 1605448 (2020); built by eval/build_spelling_variants.py (what is kept is\n"
        "# said there). Columns: spelling<TAB>american, sorted by spelling.\n"
        "#\n" + LICENCE
    )
    rows = "".join(f"{word}\t{target}\n" for word, target in mapping.items())
    OUT.write_text(header + rows, encoding="utf-8")
    print(f"wrote {len(mapping)} spellings to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
