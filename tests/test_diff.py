"""Report text cleaning and word diffs."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from framecmp.report.diff import clean_text


def _by_category(text: str) -> str:
    collapsed = " ".join(text.split())
    return "".join(c for c in collapsed if unicodedata.category(c) != "Cc")


def test_clean_text_drops_exactly_the_control_characters_of_every_code_point() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    cleaned = clean_text(every)
    assert cleaned == _by_category(every)
    assert "\x1b" not in cleaned
    assert "\x85" not in cleaned


def test_clean_text_collapses_whitespace_and_keeps_other_text() -> None:
    assert clean_text(" said\x1b[31m  \n\t\u00a0Lavrov\x07 ") == "said[31m Lavrov"


def test_clean_text_of_each_code_point_between_words_matches_the_definition() -> None:
    # Clean text is returned as is; every code point must still take the path it needs.
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        text = f"a{chr(code)}b"
        assert clean_text(text) == _by_category(text), hex(code)


@given(st.text())
def test_clean_text_matches_the_definition(text: str) -> None:
    assert clean_text(text) == _by_category(text)
