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

Kept (chosen a priori, not on any evaluation data): clusters VarCon marks <verified> whose
headword is a dictionary word (SCOWL level 70 or below; unverified ones held "prev" -> "perv",
"cree" -> "cere", "aeros" -> "eros"); lines that give one American spelling (tag "A") and whose
meaning does not depend on the usage (no " | " note: "prise" / "prize", "metre" / "meter" are
left out); other spellings that a British, Canadian or Australian tag prefers ("B", "Z", "C",
"D" without a variant mark: "chile", only a Canadian variant of "chili", stays the country);
lower-case single words of 4 letters or more. A spelling that VarCon gives as American anywhere
(any level, noted lines too: "analyses", the plural of "analysis"; "dyke") is never rewritten.
DENIED lists VarCon lines that are errors (found by a code review reading the built table).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "framecmp" / "data" / "spelling_variants.tsv"
MAX_LEVEL = 70  # SCOWL: <= 70 "can be found in the dictionary"
_HEADER = re.compile(r"^# (\S+)( <verified>)?.*\(level (\d+)\)")
_WORD = re.compile(r"^[a-z]+$")
_NON_AMERICAN = frozenset({"B", "Z", "C", "D"})
_AMERICAN = frozenset({"A", "A."})
MIN_LENGTH = 4  # "ret", "ren", "aet": unverified short clusters
# VarCon lines that map a word to another word: "previousness" is no spelling of
# "perviousness" (permeability), nor "nanogrammes" of "micrograms" (line 32517)
DENIED = frozenset({"previousness", "previousnesses", "nanogrammes"})

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
# Since the original words lists come from the Ispell distribution:
#
# Copyright 1993, Geoff Kuenning, Granada Hills, CA
# All rights reserved.
#
# Redistribution and use in source and binary forms, with or without
# modification, are permitted provided that the following conditions
# are met:
#
# 1. Redistributions of source code must retain the above copyright
#    notice, this list of conditions and the following disclaimer.
# 2. Redistributions in binary form must reproduce the above copyright
#    notice, this list of conditions and the following disclaimer in the
#    documentation and/or other materials provided with the distribution.
# 3. All modifications to the source code must be clearly marked as
#    such.  Binary redistributions based on modified source code
#    must be clearly marked as modified versions in the documentation
#    and/or other materials provided with the distribution.
# (clause 4 removed with permission from Geoff Kuenning)
# 5. The name of Geoff Kuenning may not be used to endorse or promote
#    products derived from this software without specific prior
#    written permission.
#
# THIS SOFTWARE IS PROVIDED BY GEOFF KUENNING AND CONTRIBUTORS ``AS IS'' AND
# ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
# IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE
# ARE DISCLAIMED.  IN NO EVENT SHALL GEOFF KUENNING OR CONTRIBUTORS BE LIABLE
# FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
# DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS
# OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
# HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT
# LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY
# OUT OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF
# SUCH DAMAGE.
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
            # an unverified cluster counts as beyond the level kept
            level = int(header[3]) if header[2] else MAX_LEVEL + 1
            continue
        if not line.strip() or line.startswith("#"):
            continue
        spellings = entries(line.split(" | ")[0])
        american_words.update(word for tags, word in spellings if tags & _AMERICAN)
        if " | " in line or level > MAX_LEVEL:
            continue
        american = [word for tags, word in spellings if "A" in tags]
        if len(american) != 1 or not _WORD.match(american[0]):
            continue
        for tags, word in spellings:
            if (
                word != american[0]
                and tags & _NON_AMERICAN
                and _WORD.match(word)
                and len(word) >= MIN_LENGTH
                and word not in DENIED
            ):
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
        "# said there). MODIFIED: a filtered extract of VarCon's table, reduced to two columns.\n"
        "# Columns: spelling<TAB>american, sorted by spelling.\n"
        "#\n" + LICENCE
    )
    rows = "".join(f"{word}\t{target}\n" for word, target in mapping.items())
    OUT.write_text(header + rows, encoding="utf-8")
    print(f"wrote {len(mapping)} spellings to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
