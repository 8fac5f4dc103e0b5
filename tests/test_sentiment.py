"""Tests for framecmp.analysis.sentiment: VADER's compound score, the same to the last bit."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from samples import SAMPLES, sample_document

from framecmp.analysis.sentiment import _vader, compound

ECB = Path(__file__).resolve().parent.parent / "eval" / "data" / "ecbplus"

# Words each of VADER's rules reacts to, and a few sentiment words in every case.
RULE_WORDS = (
    *("no", "No", "NO", "not", "NOT", "never", "Never", "without", "doubt", "isn't", "cant"),
    *("nor", "or", "so", "this", "least", "LEAST", "at", "very", "But", "but", "BUT"),
    *("kind", "of", "Kind", "OF", "sort", "just", "enough", "kind-of", "extremely", "EXTREMELY"),
    *("the", "bomb", "shit", "kiss", "death", "to", "die", "for", "bad", "ass", "yeah", "right"),
    *("bus", "stop", "beating", "heart", "hardly", "barely", "more", "most", "despite"),
    *("good", "GOOD", "Good", "bad", "BAD", "happy", "terrible", "killed", "war", "peace"),
    *("good!", "'good'", '"bad,"', "(no)", ":)", ":-(", "!", "?", "??", "!!!!!", "...", "--"),
    *("the", "a", "it", "was", "talks", "İstanbul", "Straße", "…", "\u263a", "\U0001f600"),
)


def _vader_compound(text: str) -> float:
    return float(_vader().analyzer.polarity_scores(text)["compound"])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "This is a wonderful, happy day.",
        "This is a terrible, horrible war.",
        "It was not good, but it was not bad either.",
        "No good deed. There is no doubt, never so happy, without doubt great.",
        "He is the least happy; at least he is happy; very least good.",
        "It was kind of good, sort of bad, just enough fun, the bomb, bad ass, to die for.",
        "I am EXTREMELY HAPPY but SAD today!!! Really???",
        "The talks hardly succeeded, barely survived, despite great hope \u263a",
        "Kiss of death; yeah right; a beating heart; the bus stop.",
    ],
)
def test_compound_is_vaders(text: str) -> None:
    assert repr(compound(text)) == repr(_vader_compound(text))


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(RULE_WORDS), st.sampled_from((" ", " ", "  ", "\n", "\t"))),
        max_size=16,
    )
)
def test_compound_is_vaders_around_every_rule(words: list[tuple[str, str]]) -> None:
    text = "".join(space + word for word, space in words)
    assert repr(compound(text)) == repr(_vader_compound(text))


def test_compound_is_vaders_on_news_sentences() -> None:
    texts = [s.text for doc_id in SAMPLES for s in sample_document(doc_id).sentences]
    for path in sorted(ECB.glob("1/*.txt")):
        texts.extend(path.read_text(encoding="utf-8").splitlines())
    assert len(texts) > 500
    assert [repr(compound(t)) for t in texts] == [repr(_vader_compound(t)) for t in texts]
