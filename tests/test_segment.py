"""Tests for the segment stage: sentence splitting, offsets, paragraphs and word tokens."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from framecmp.model import Sentence
from framecmp.text.segment import compound_parts, compound_spans, segment, tokenize

ROOT = Path(__file__).parent.parent
DATA = ROOT / "data"
BISHKEK = DATA / "bishkek-2025-11-27"
# The gold files name sentences by snippets; the bishkek file maps ids in its header comment.
GOLD_FILES = {
    ROOT / "eval" / "gold" / "bishkek-alignment.toml": {
        "000": "data/bishkek-2025-11-27/tass.txt",
        "001": "data/bishkek-2025-11-27/unknown-outlet.txt",
        "002": "data/bishkek-2025-11-27/cgtn.txt",
    },
    ROOT / "eval" / "gold" / "alaska-lavrov-alignment.toml": None,  # its [documents] table
}
SAMPLES = {
    "tass": BISHKEK / "tass.txt",
    "unknown-outlet": BISHKEK / "unknown-outlet.txt",
    "cgtn": BISHKEK / "cgtn.txt",
    "rt": DATA / "lavrov-roundtable-2025-12" / "rt.txt",
    "alaska": DATA / "alaska-2025-08-17" / "unknown-wire.txt",
}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _texts(text: str) -> list[str]:
    return [sentence.text for sentence in segment(text)]


def _containing(sentences: tuple[Sentence, ...], snippet: str) -> list[Sentence]:
    return [s for s in sentences if _squash(snippet) in _squash(s.text)]


def _check_invariants(text: str, sentences: tuple[Sentence, ...]) -> None:
    for position, sentence in enumerate(sentences):
        assert sentence.index == position
        assert text[sentence.char_start : sentence.char_end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.text
        assert "\n" not in sentence.text
        assert sentence.tokens == tokenize(sentence.text)
        assert sentence.tokens
    for a, b in itertools.pairwise(sentences):
        assert a.char_end <= b.char_start
        new_paragraph = "\n" in text[a.char_end : b.char_start]
        assert b.paragraph - a.paragraph == int(new_paragraph)
    if sentences:
        assert sentences[0].paragraph == 0
    # A one-word sentence survives only as a whole paragraph (a heading such as "CGTN").
    for _, group in itertools.groupby(sentences, key=lambda s: s.paragraph):
        in_paragraph = list(group)
        if len(in_paragraph) > 1:
            assert all(len(s.tokens) >= 2 for s in in_paragraph)


# --- properties ----------------------------------------------------------------------------

_NEWS_ALPHABET = st.sampled_from(
    [
        *"aAbBzZ 0123456789.?!,;:-()[]\n\t\r\"'",
        *"\u2013\u2014\u201c\u201d\u2018\u2019\xab\xbb\u2026\xa0",
        *("U.S.", "Mr.", "No.", " he said.", " The ", "600,000", "Russia\u2019s", "\n\n", ". "),
        ".\u201d ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_offsets_hold_for_any_text(text: str) -> None:
    _check_invariants(text, segment(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(_NEWS_ALPHABET, max_size=300).map("".join))
def test_offsets_hold_for_news_like_text(text: str) -> None:
    _check_invariants(text, segment(text))


@settings(deadline=None)
@given(st.lists(_NEWS_ALPHABET, max_size=200).map("".join))
@example("a\u2013U.S.\u2019A.a")  # Punkt ended a sentence inside the word "U.S.\u2019A"
def test_every_word_is_in_some_sentence(text: str) -> None:
    sentence_tokens = [t for s in segment(text) for t in s.tokens]
    assert sentence_tokens == list(tokenize(text))


@settings(deadline=None)
@given(st.text(max_size=500))
def test_tokens_are_words_of_the_text(text: str) -> None:
    visible = "".join(c for c in text if c not in "\u200b\u200c\u200d\u2060\ufeff\u00ad")
    for token in tokenize(text):
        assert token in visible  # invisible characters inside a word are not part of it
        assert any(c.isalnum() for c in token)
        assert not any(c.isspace() for c in token)


# --- real samples ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    # Counted by reading each sample's split; the captures' own noise (cookie banner,
    # repeated captions, "date ..." header) is left for the clean stage and counted here.
    [("tass", 20), ("unknown-outlet", 22), ("cgtn", 36), ("rt", 12), ("alaska", 15)],
)
def test_sentence_count_per_sample(name: str, expected: int) -> None:
    text = _read(SAMPLES[name])
    sentences = segment(text)
    _check_invariants(text, sentences)
    assert len(sentences) == expected


def _gold_snippets() -> list[tuple[str, str]]:
    snippets: set[tuple[str, str]] = set()
    for gold_file, documents in GOLD_FILES.items():
        gold = tomllib.loads(gold_file.read_text(encoding="utf-8"))
        paths = documents or gold["documents"]
        sides = [side for pair in gold["pair"] for side in (pair["a"], pair["b"])]
        snippets |= {(paths[side["doc"]], side["text"]) for side in sides + gold["unique"]}
    return sorted(snippets)


@pytest.mark.parametrize(("path", "snippet"), _gold_snippets())
def test_gold_snippet_falls_within_one_sentence(path: str, snippet: str) -> None:
    sentences = segment(_read(ROOT / path))
    assert len(_containing(sentences, snippet)) == 1


def test_us_before_closing_quote_does_not_end_the_sentence() -> None:
    sentences = segment(_read(BISHKEK / "unknown-outlet.txt"))
    [sentence] = _containing(sentences, "the collective West and the U.S.")
    assert sentence.text.startswith("He characterized the situation")
    assert sentence.text.endswith("regarding how to end hostilities in Ukraine.")


def test_each_line_of_unknown_outlet_is_a_paragraph() -> None:
    text = _read(BISHKEK / "unknown-outlet.txt")
    lines = text.split("\n")
    sentences = segment(text)
    assert sorted({s.paragraph for s in sentences}) == list(range(len(lines)))
    for sentence in sentences:
        assert sentence.text in lines[sentence.paragraph]
    headings = [s.text for s in sentences if s.paragraph in (1, 4, 7)]
    assert headings == [
        "Military Confidence and Hardline Stance",
        "Peace Talks and US Involvement",
        "Distrust in Ukrainian Leadership",
    ]


def test_multi_sentence_quote_is_split_into_its_sentences() -> None:
    texts = _texts(_read(BISHKEK / "tass.txt"))
    assert '"What is the problem there, from my point of view, in most respects?' in texts
    assert "The matter is not in us." in texts
    [last] = [t for t in texts if t.startswith("The matter is in how sharply")]
    assert last.endswith('to stop hostilities," the Russian leader said.')


def test_bracketed_insertion_stays_in_its_sentence() -> None:
    sentences = segment(_read(BISHKEK / "tass.txt"))
    [sentence] = _containing(sentences, "[of telephone talks between Russia and the US")
    assert sentence.text.startswith('"I do not know the essence of this eavesdropping [')
    assert sentence.text.endswith("then came to reporters.")
    assert _texts("He said [the plan. It failed. - ed.] was over. Then he left the room.") == [
        "He said [the plan. It failed. - ed.] was over.",
        "Then he left the room.",
    ]


def test_stray_period_after_quote_joins_the_sentence_before() -> None:
    sentences = segment(_read(SAMPLES["alaska"]))
    [sentence] = _containing(sentences, "should be the basis for a settlement")
    assert sentence.text.endswith("settlement.\u201d .")
    assert all(len(s.tokens) >= 2 for s in sentences)


# --- hand-made edge cases ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n", "\n\n  \n", "   ", "... -- \u201c\u201d \n ."])
def test_text_without_words_gives_no_sentences(text: str) -> None:
    assert segment(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Gen. Jones in the U.S. capital. They talked.",
            ["Mr. Smith met Gen. Jones in the U.S. capital.", "They talked."],
        ),
        (
            "Dr. Lee spoke on Jan. 5 with Sen. Rand. It was brief.",
            ["Dr. Lee spoke on Jan. 5 with Sen. Rand.", "It was brief."],
        ),
        (
            "Talks with the U.S. The Kremlin said nothing more.",
            ["Talks with the U.S.", "The Kremlin said nothing more."],
        ),
        (
            "It ranked No. 5 on the list. Then it fell.",
            ["It ranked No. 5 on the list.", "Then it fell."],
        ),
        (
            "They said no. The talks ended there.",
            ["They said no.", "The talks ended there."],
        ),
        (  # a split before a lower-case word is undone
            "They met allies, etc. and then left. It was late.",
            ["They met allies, etc. and then left.", "It was late."],
        ),
        (
            "It was a matter\u2026 of time. Then it ended.",
            ["It was a matter\u2026 of time.", "Then it ended."],
        ),
    ],
)
def test_abbreviations_do_not_end_sentences(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a closing quote after the period belongs to the sentence before
            'He said: "It is over." Then he left the room.',
            ['He said: "It is over."', "Then he left the room."],
        ),
        (
            "He said: \u201cIt is over.\u201d Then he left the room.",
            ["He said: \u201cIt is over.\u201d", "Then he left the room."],
        ),
        (
            "He said it was \u2018done.\u2019 Then he left the room.",
            ["He said it was \u2018done.\u2019", "Then he left the room."],
        ),
        (  # an opening quote belongs to the sentence after, even when set apart by a space
            'The meeting ended. " Now we wait and see," she said.',
            ["The meeting ended.", '" Now we wait and see," she said.'],
        ),
        (
            "The meeting ended. \u201cNow we wait,\u201d she said.",
            ["The meeting ended.", "\u201cNow we wait,\u201d she said."],
        ),
        (  # an attribution after a quoted question is not a sentence of its own
            '"Is it over?" he asked. The room went quiet.',
            ['"Is it over?" he asked.', "The room went quiet."],
        ),
        (
            "\u201cIs it over?\u201d Putin asked. The room went quiet.",
            ["\u201cIs it over?\u201d Putin asked.", "The room went quiet."],
        ),
        (  # nor is a lone closing quote or stray period
            'It is settled." . Next one is here.',
            ['It is settled." .', "Next one is here."],
        ),
    ],
)
def test_quote_marks_attach_to_their_sentence(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yes. The plan was agreed by all.", ["Yes. The plan was agreed by all."]),
        ("The plan was agreed by all. Yes.", ["The plan was agreed by all. Yes."]),
        ("CGTN\nThe plan was agreed by all.", ["CGTN", "The plan was agreed by all."]),
    ],
)
def test_one_word_sentence_joins_its_neighbour_in_the_paragraph(
    text: str, expected: list[str]
) -> None:
    assert _texts(text) == expected


def test_paragraphs_count_only_lines_with_words() -> None:
    text = "First one here.\n\n\n  \nSecond one here. Third one here.\n***\nFourth one here."
    sentences = segment(text)
    assert [(s.paragraph, s.text) for s in sentences] == [
        (0, "First one here."),
        (1, "Second one here."),
        (1, "Third one here."),
        (2, "Fourth one here."),
    ]


def test_tokens_keep_words_whole_and_drop_punctuation() -> None:
    text = (
        "Russia\u2019s Kyiv-held 600,000 U.S.-proposed 28-point \u201cplan\u201d \u2013 "
        "Russia's 3.5%, (ok)."
    )
    assert tokenize(text) == (
        "Russia\u2019s",
        "Kyiv-held",
        "600,000",
        "U.S.-proposed",
        "28-point",
        "plan",
        "Russia's",
        "3.5",
        "ok",
    )


def test_compound_parts_split_a_hyphenated_token_for_matching() -> None:
    assert compound_parts("U.S.-proposed") == ["U.S.", "proposed"]
    assert compound_parts("15-year-old") == ["15", "year", "old"]
    assert compound_parts("Kyiv\u2011held") == ["Kyiv", "held"]
    assert compound_parts("Russia\u2019s") == ["Russia\u2019s"]


@pytest.mark.parametrize(
    "token", ["U.S.-proposed", "15-year-old", "Kyiv\u2011held", "so--so", "-x", "war"]
)
def test_compound_spans_locate_each_part_in_the_token(token: str) -> None:
    # the lexicon scorer reports where a matched part lies; the parts must be compound_parts'
    assert [token[start:end] for start, end in compound_spans(token)] == compound_parts(token)


def test_sentence_tokens_come_from_the_real_text() -> None:
    sentences = segment(_read(BISHKEK / "cgtn.txt"))
    [sentence] = _containing(sentences, "U.S.-proposed 28-point plan")
    assert sentence.tokens[:6] == ("Putin", "said", "the", "U.S.-proposed", "28-point", "plan")


# --- data and dependencies ------------------------------------------------------------------


def test_abbreviation_file_is_lower_case_without_final_period() -> None:
    text = (files("framecmp") / "data" / "abbreviations.txt").read_text(encoding="utf-8")
    assert "Source:" in text
    assert "Licence:" in text
    entries = [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#") and not line.startswith("[")
    ]
    assert len(entries) == len(set(entries))
    assert all(re.fullmatch(r"[a-z]+(\.[a-z]+)*", entry) for entry in entries)
    assert {"u.s", "mr", "gen", "e.g"} <= set(entries)


def test_segment_needs_no_nltk_data(monkeypatch: pytest.MonkeyPatch) -> None:
    import nltk

    from framecmp.text import segment as segment_module

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("segment must not load or download NLTK data")

    monkeypatch.setattr(nltk.data, "load", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "find", refuse)
    segment_module._punkt.cache_clear()
    assert _texts("Mr. Smith arrived. He left.") == ["Mr. Smith arrived.", "He left."]


def test_importing_segment_does_not_import_nltk() -> None:
    code = "import sys, framecmp.text.segment; print('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "nltk" not in {module.split(".")[0] for module in out.split()}


def test_invisible_characters_stay_in_the_text_but_not_in_tokens() -> None:
    text = "Talks in Ky\u200biv went on.\u00a0Officials met in Ge\u00adneva on Friday."
    sentences = segment(text)
    assert [s.tokens for s in sentences] == [
        ("Talks", "in", "Kyiv", "went", "on"),
        ("Officials", "met", "in", "Geneva", "on", "Friday"),
    ]
    assert all(text[s.char_start : s.char_end] == s.text for s in sentences)
    assert "Ky\u200biv" in sentences[0].text


def test_a_clock_time_is_one_token() -> None:
    # A fact-checker's review: "9:30" was the numbers 9 and 30, so "about 9:30 a.m." shared a
    # number with "9:27 a.m." and with "Dec. 30".
    assert tokenize("at about 9:30 a.m. on Dec. 30, 17:06 GMT, a 2:1 win") == (
        *("at", "about", "9:30", "a.m.", "on", "Dec", "30", "17:06", "GMT", "a", "2", "1"),
        "win",
    )
