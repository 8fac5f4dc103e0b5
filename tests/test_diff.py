"""Report text cleaning and word diffs."""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from framecmp.report.diff import EQUAL, INSERT, clean_text, split_diff, words_not_in


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


def test_a_dash_glued_between_words_does_not_hide_the_words() -> None:
    # "pool\u2014and" (an em dash with no spaces, as many style guides write it) holds the word
    # "pool": nothing differs from a sentence that spaces the dash, and the text reads as written
    left, right = split_diff(
        "It was the pool\u2014and the pictures\u2014that made her famous.",
        "It was the pool \u2014 and the pictures \u2014 that made her famous.",
    )
    assert left == ((EQUAL, "It was the pool\u2014and the pictures\u2014that made her famous."),)
    assert right == (
        (EQUAL, "It was the pool \u2014 and the pictures \u2014 that made her famous."),
    )


def test_a_part_of_a_compound_counts_as_used() -> None:
    marked = words_not_in("The ship thwarted a piracy attack.", ["An anti-piracy patrol"])
    assert not any(op == INSERT and "piracy" in text for op, text in marked)
    assert any(op == INSERT and "ship" in text for op, text in marked)


def test_quotation_marks_written_as_apostrophes_are_no_word_difference() -> None:
    left, right = split_diff(
        "Indonesia sits on the Pacific ''Ring of Fire'' where plates collide.",
        'Indonesia sits on the Pacific "Ring of Fire" where plates collide.',
    )
    assert [op for op, _ in left] == ["equal"]
    assert [op for op, _ in right] == ["equal"]
    # a word changed inside such marks still is a difference
    left, _ = split_diff("the ''Ring of Fire'' zone", 'the "Ring of Ice" zone')
    assert ("delete", "Fire''") in left
