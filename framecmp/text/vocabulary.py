"""Word-level primitives every stage shares: normalisation, stop words, stemming.

This module sits beside ``model`` under the stages, so that align, event, terms and score
treat a word the same way without importing one another.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib.resources import files
from typing import Protocol

from framecmp.text import nltk_modules

# The days of the week, lower-case, Monday first.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Month names and abbreviations -> month number, for reading dates in metadata and text.
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


# The articles, demonstratives and possessive determiners (a closed class: Quirk et al. 1985,
# A Comprehensive Grammar of the English Language, 5.10-5.14): a word right after one of them
# (or after a number) is read as modifying a noun ("the alleged gunman", "nine alleged
# violations"), not as a verb.
DETERMINERS = frozenset(
    {"a", "an", "the", "this", "these", "those", "my", "your", "his", "her", "its", "our", "their"}
)
# English cardinal number words (one to ninety, and the round ones), lower-case.
CARDINAL_WORDS = frozenset(
    {
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
        *("eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy"),
        *("eighty", "ninety", "hundred", "thousand", "million", "billion", "dozen"),
        *("hundreds", "thousands", "millions", "billions", "dozens"),
    }
)
_FIGURE = re.compile(r"^[$\u20ac\u00a3]?\d[\d.,]*(?:%|[a-z]{0,2})$|^\d{1,2}:\d\d$")


def is_number(word: str) -> bool:
    """A normalised word that is a number: a figure ("12", "1,000", "$20", "3rd"), a clock time
    ("9:30") or a cardinal number word ("six", "dozens")."""
    return word in CARDINAL_WORDS or _FIGURE.match(word) is not None


# Words before a month name that make it one ("in May", "last March", "since May").
_BEFORE_MONTH = frozenset(
    {
        *("in", "on", "since", "until", "till", "by", "last", "next", "this", "early"),
        *("late", "mid", "of", "from", "through", "during", "before", "after", "between"),
    }
)


def is_month_name(tokens: Sequence[str], index: int) -> bool:
    """``tokens[index]`` is a capitalised month name ("May", "March") used as the month (or a
    name, "Theresa May"), not the verb "may" or "march": before a number ("May 3"), after a
    date word ("in May", "last May"), or capitalised inside a sentence that is not written in
    title case (a headline's "Release Date May Be in Jeopardy" keeps its verb)."""
    token = tokens[index]
    if not token[:1].isupper() or token.lower().rstrip(".") not in MONTHS:
        return False
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    if after[:1].isdigit():
        return True
    if index > 0 and tokens[index - 1].lower() in _BEFORE_MONTH:
        return True
    return index > 0 and not _title_case(tokens)


def _title_case(tokens: Sequence[str]) -> bool:
    """Most words capitalised, as headlines are often written."""
    words = [t for t in tokens if t[:1].isalpha()]
    return len(words) >= 3 and sum(t[:1].isupper() for t in words) >= 0.6 * len(words)


# Russian month names in the genitive ("27 ноября") and wire abbreviations ("3 мар"), as TASS,
# RIA Novosti, Interfax and Ukrinform datelines write them -> month number.
MONTHS_RU = {
    name: number
    for number, names in enumerate(
        (
            ("января", "янв"),
            ("февраля", "фев"),
            ("марта", "мар"),
            ("апреля", "апр"),
            ("мая", "май"),
            ("июня", "июн"),
            ("июля", "июл"),
            ("августа", "авг"),
            ("сентября", "сен"),
            ("октября", "окт"),
            ("ноября", "ноя"),
            ("декабря", "дек"),
        ),
        start=1,
    )
    for name in names
}

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_POSSESSIVE = re.compile(r"'s?$")


# Bounded caches: both are pure functions of a token, called for every token of every stage.
@lru_cache(maxsize=65536)
def normalise(token: str) -> str:
    """Lower-case a token, unify apostrophes and drop a possessive "'s"."""
    return _POSSESSIVE.sub("", token.translate(_APOSTROPHES).lower())


@cache
def stopwords() -> frozenset[str]:
    """English stop words shipped in ``framecmp/data/stopwords.txt`` (source noted there)."""
    text = (files("framecmp") / "data" / "stopwords.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=65536)
def is_content_word(token: str) -> bool:
    """True for a normalised token that carries meaning: not a stop word, not punctuation."""
    return len(token) > 1 and any(c.isalpha() for c in token) and token not in stopwords()


class _Stemmer(Protocol):  # the one method of nltk's stemmers we use
    def stem(self, token: str) -> str: ...


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """Snowball (Porter 2) stem of a normalised token, British and other spellings read as the
    American one ("jewellery" and "jewelry" share a stem); needs no downloaded NLTK data."""
    return _stemmer().stem(american_spelling(token))


def american_spelling(word: str) -> str:
    """The American spelling of a normalised word VarCon lists with another (``framecmp/data/
    spelling_variants.tsv``: "offence" -> "offense"); any other word unchanged."""
    return _spellings().get(word, word)


def other_spellings(american: str) -> tuple[str, ...]:
    """The spellings ``american_spelling`` reads as ``american`` ("jewelry" -> "jewellery")."""
    return _other_spellings().get(american, ())


@cache
def _other_spellings() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for spelling, american in _spellings().items():
        found.setdefault(american, []).append(spelling)
    return {american: tuple(sorted(spellings)) for american, spellings in found.items()}


@cache
def _spellings() -> dict[str, str]:
    text = (files("framecmp") / "data" / "spelling_variants.tsv").read_text(encoding="utf-8")
    rows = (line.partition("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {spelling: american for spelling, _, american in rows}


@cache
def _stemmer() -> _Stemmer:
    snowball = nltk_modules.load("nltk.stem.snowball")
    stemmer: _Stemmer = snowball.SnowballStemmer("english")
    return stemmer
