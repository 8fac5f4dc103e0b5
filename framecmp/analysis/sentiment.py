"""VADER's compound score of a text, bit for bit, at a third of its cost.

``SentimentIntensityAnalyzer.polarity_scores`` (Hutto & Gilbert 2014) spends most of its time
on work that does not change a score: it rebuilds the text character by character to replace
emojis; for every sentiment word it lower-cases the whole text four times over, though its
rules read at most three words before the word and two after; and each negation test scans
VADER's list of negations. ``compound`` applies the same rules to words lower-cased once,
with the same float operations in the same order, so its scores are VADER's to the last bit.
VADER's own code still handles "but", sums the word scores into the compound
(``score_valence``) and scores any text holding an emoji.
``tests/test_sentiment.py`` checks every score against ``polarity_scores``: ECB+ sentences
and texts built to hit each rule.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

_PUNCTUATION = string.punctuation  # what VADER strips from the ends of a word


@dataclass(frozen=True, slots=True)
class _Vader:
    analyzer: SentimentIntensityAnalyzer
    lexicon: Mapping[str, float]
    boosters: Mapping[str, float]
    special_cases: Mapping[str, float]
    negations: frozenset[str]
    emojis: frozenset[str]  # the one-character emojis: the only ones polarity_scores replaces
    booster_scale: float  # B_INCR, C_INCR, N_SCALAR: VADER's empirical constants
    caps_scale: float
    negation_scale: float


@cache
def _vader() -> _Vader:
    from vaderSentiment import vaderSentiment

    analyzer = vaderSentiment.SentimentIntensityAnalyzer()
    return _Vader(
        analyzer=analyzer,
        lexicon=analyzer.lexicon,
        boosters=vaderSentiment.BOOSTER_DICT,
        special_cases=vaderSentiment.SPECIAL_CASES,
        negations=frozenset(vaderSentiment.NEGATE),
        emojis=frozenset(key for key in analyzer.emojis if len(key) == 1),
        booster_scale=vaderSentiment.B_INCR,
        caps_scale=vaderSentiment.C_INCR,
        negation_scale=vaderSentiment.N_SCALAR,
    )


def compound(text: str) -> float:
    """``SentimentIntensityAnalyzer().polarity_scores(text)["compound"]``."""
    vader = _vader()
    analyzer = vader.analyzer
    if not text.isascii() and not vader.emojis.isdisjoint(text):  # every emoji is non-ASCII
        return float(analyzer.polarity_scores(text)["compound"])
    text = text.strip()  # what polarity_scores scores once no emoji is replaced
    # SentiText's words: split at white space, punctuation stripped from both ends unless
    # that leaves two characters or fewer (an emoticon such as ":)").
    words = [
        token if len(stripped := token.strip(_PUNCTUATION)) <= 2 else stripped
        for token in text.split()
    ]
    lowered = [word.lower() for word in words]
    lexicon, boosters = vader.lexicon, vader.boosters
    scored = [
        i
        for i, low in enumerate(lowered)
        if low in lexicon
        and low not in boosters
        and not (low == "kind" and i + 1 < len(words) and lowered[i + 1] == "of")
    ]
    if not scored:
        return 0.0  # score_valence of zeros: normalize(0.0), rounded
    # SentiText's is_cap_diff: some words, not all, are in capitals.
    capitals = sum(word.isupper() for word in words)
    is_cap_diff = 0 < len(words) - capitals < len(words)
    # Every other word scores 0 (an int, as in VADER, so the sum below adds the same values).
    sentiments: list[float] = [0] * len(words)
    for i in scored:
        sentiments[i] = _valence(vader, words, lowered, i, is_cap_diff)
    if "but" in lowered:
        sentiments = analyzer._but_check(words, sentiments)
    return float(analyzer.score_valence(sentiments, text)["compound"])


def _valence(
    vader: _Vader, words: Sequence[str], lowered: Sequence[str], i: int, is_cap_diff: bool
) -> float:
    """VADER's ``sentiment_valence`` of the lexicon word at ``i``."""
    lexicon = vader.lexicon
    low = lowered[i]
    valence = lexicon[low]
    # "no" before a sentiment word negates it rather than scoring itself.
    if low == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
        valence = 0.0
    if (
        (i > 0 and lowered[i - 1] == "no")
        or (i > 1 and lowered[i - 2] == "no")
        or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in ("or", "nor"))
    ):
        valence = lexicon[low] * vader.negation_scale
    if words[i].isupper() and is_cap_diff:
        if valence > 0:
            valence += vader.caps_scale
        else:
            valence -= vader.caps_scale
    for distance in (1, 2, 3):  # the words before it, nearest first, if not sentiment words
        if i < distance or lowered[i - distance] in lexicon:
            continue
        scalar = _booster(vader, words[i - distance], lowered[i - distance], valence, is_cap_diff)
        if distance == 2 and scalar != 0:
            scalar = scalar * 0.95
        if distance == 3 and scalar != 0:
            scalar = scalar * 0.9
        valence = valence + scalar
        valence = _negation(vader, lowered, distance, i, valence)
        if distance == 3:
            valence = _idioms(vader, lowered, i, valence)
    if i > 1 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        if lowered[i - 2] != "at" and lowered[i - 2] != "very":
            valence = valence * vader.negation_scale
    elif i > 0 and lowered[i - 1] not in lexicon and lowered[i - 1] == "least":
        valence = valence * vader.negation_scale
    return valence


def _booster(vader: _Vader, word: str, low: str, valence: float, is_cap_diff: bool) -> float:
    """VADER's ``scalar_inc_dec``: how a booster or dampener before a word changes its score."""
    scalar = 0.0
    if low in vader.boosters:
        scalar = vader.boosters[low]
        if valence < 0:
            scalar *= -1
        if word.isupper() and is_cap_diff:
            if valence > 0:
                scalar += vader.caps_scale
            else:
                scalar -= vader.caps_scale
    return scalar


def _negated(vader: _Vader, low: str) -> bool:
    """VADER's ``negated`` of one lower-cased word (which lower-cases it again)."""
    again = low.lower()
    return again in vader.negations or "n't" in again


def _negation(
    vader: _Vader, lowered: Sequence[str], distance: int, i: int, valence: float
) -> float:
    """VADER's ``_negation_check`` of the word ``distance`` words before the one at ``i``."""
    if distance == 1:
        if _negated(vader, lowered[i - 1]):
            valence = valence * vader.negation_scale
    elif distance == 2:
        if lowered[i - 2] == "never" and (lowered[i - 1] == "so" or lowered[i - 1] == "this"):
            valence = valence * 1.25
        elif lowered[i - 2] == "without" and lowered[i - 1] == "doubt":
            pass
        elif _negated(vader, lowered[i - 2]):
            valence = valence * vader.negation_scale
    elif (  # as VADER groups it: "so" or "this" just before the word counts without "never"
        (lowered[i - 3] == "never" and (lowered[i - 2] == "so" or lowered[i - 2] == "this"))
        or (lowered[i - 1] == "so" or lowered[i - 1] == "this")
    ):
        valence = valence * 1.25
    elif lowered[i - 3] == "without" and (lowered[i - 2] == "doubt" or lowered[i - 1] == "doubt"):
        pass
    elif _negated(vader, lowered[i - 3]):
        valence = valence * vader.negation_scale
    return valence


def _idioms(vader: _Vader, lowered: Sequence[str], i: int, valence: float) -> float:
    """VADER's ``_special_idioms_check`` around the word at ``i`` (``i`` is at least 3)."""
    special = vader.special_cases
    one_zero = f"{lowered[i - 1]} {lowered[i]}"
    two_one_zero = f"{lowered[i - 2]} {lowered[i - 1]} {lowered[i]}"
    two_one = f"{lowered[i - 2]} {lowered[i - 1]}"
    three_two_one = f"{lowered[i - 3]} {lowered[i - 2]} {lowered[i - 1]}"
    three_two = f"{lowered[i - 3]} {lowered[i - 2]}"
    for sequence in (one_zero, two_one_zero, two_one, three_two_one, three_two):
        if sequence in special:
            valence = special[sequence]
            break
    if len(lowered) - 1 > i:
        zero_one = f"{lowered[i]} {lowered[i + 1]}"
        if zero_one in special:
            valence = special[zero_one]
    if len(lowered) - 1 > i + 1:
        zero_one_two = f"{lowered[i]} {lowered[i + 1]} {lowered[i + 2]}"
        if zero_one_two in special:
            valence = special[zero_one_two]
    for n_gram in (three_two_one, three_two, two_one):
        if n_gram in vader.boosters:
            valence = valence + vader.boosters[n_gram]
    return valence
