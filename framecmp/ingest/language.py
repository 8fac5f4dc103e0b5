"""Which language a document is written in (ISO 639-1), so English-only analysis can step aside.

A cheap first look settles plain English without loading a model: in English news prose,
words of framecmp's English stop-word list are about half the tokens, while in French, German,
Spanish or Italian they are under a tenth (a few short words such as "a", "in", "die" are
shared). Anything else goes to py3langid (Lui & Baldwin 2012, langid.py; BSD licence).
Measured by benchmarks/language.py on trafilatura's evaluation pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from framecmp.text.segment import tokenize
from framecmp.text.vocabulary import stopwords

if TYPE_CHECKING:
    from framecmp.model import Document

ENGLISH = "en"
# Share of stop-word tokens above which Latin-script text is English without asking the model.
# Chosen on trafilatura's evaluation pages (not the samples): see benchmarks/language.py.
ENGLISH_STOPWORD_SHARE = 0.30
# Latin-script text of fewer words is too little to tell: on snippets of ECB+ English news
# (400 each, benchmarks/language.py --short), py3langid calls 83% of one-word snippets, 36% of
# two-word, 7% of five-word and 1% of twelve-word ones another language; none at 20.
_MIN_TOKENS = 20
_SAMPLE_CHARS = 20_000


def is_english(document: Document) -> bool:
    """True when English-only analysis applies (English, or too little text to tell): the
    lexicons, distinctive terms and tone are computed for it."""
    return document.language in (None, ENGLISH)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when there is too little text."""
    sample = text[:_SAMPLE_CHARS]
    words = _words(sample)
    if not words:
        return None
    if _english_by_stopwords(words):
        return ENGLISH
    if len(words) < _MIN_TOKENS and _latin(words):
        return None  # a headline-only capture is not Afrikaans ("Menu" was)
    return _model_language(sample)


def _words(sample: str) -> list[str]:
    """The one tokeniser's words, numbers left out ("3.5", "28-point")."""
    return [token for token in tokenize(sample) if not token[0].isdigit()]


def _latin(words: list[str]) -> bool:
    """True when nine in ten ``words`` are ASCII (Latin script; Cyrillic and CJK are not)."""
    # Counted by map over C methods: a generator expression per word cost 0.2 ms an article.
    return sum(map(str.isascii, words)) > 0.9 * len(words)


def _english_by_stopwords(words: list[str]) -> bool:
    """True when Latin-script ``words`` hold English stop words for ENGLISH_STOPWORD_SHARE."""
    if len(words) < _MIN_TOKENS or not _latin(words):
        return False
    common = stopwords().__contains__
    return sum(map(common, map(str.lower, words))) >= ENGLISH_STOPWORD_SHARE * len(words)


def _model_language(sample: str) -> str | None:
    import py3langid  # loads a numpy model: only non-obvious texts pay for it

    language, _score = py3langid.classify(sample)
    return str(language) if language else None
