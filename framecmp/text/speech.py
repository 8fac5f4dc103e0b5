"""Whose words a token is: the outlet's narration, or a speaker's inside a direct quotation.

The voices stage finds the quotes (``Quote.char_start``/``char_end`` point into
``Document.text``); this module maps each word token of a sentence onto them, so that every
stage counting words (lexicon scores, distinctive terms, tone) can keep the outlet's own words
apart from the words it quotes.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from framecmp.model import Quote, Sentence

# A quote still open at the end of a paragraph runs on when the next quotation mark closes it,
# at most this many paragraphs from where it opened. On the ECB+ texts (one sentence a paragraph)
# 276 quotes run on so; of those reaching 6 paragraphs or more, read one by one, the 4 of 6
# paragraphs were quotes and the longer ones (8 to 12) mostly followed a mark read wrongly
# earlier (a quote opened with two apostrophes; an inch mark), so 6 keeps the quotes seen.
MAX_QUOTE_PARAGRAPHS = 6
_QUOTE_MARK = re.compile('["\u201c\u201d\u00ab\u00bb\u201e]')
_PARAGRAPH_BREAK = re.compile(r"\n\s*")  # a newline and the blank lines after it: one break
_OPENING_MARKS = frozenset('"\u201c\u00ab\u201e')
_NEXT_CHARACTER = re.compile(r"\s*(\S)")


@dataclass(frozen=True, slots=True)
class SpeechMap:
    """The quoted stretches of one document, sorted by position."""

    quotes: tuple[Quote, ...]
    starts: tuple[int, ...]
    reach: tuple[int, ...] = ()  # the furthest end of the quotes up to each one

    def quoted_between(self, start: int, end: int) -> bool:
        """Whether any quote covers an offset in ``start..end`` (both included)."""
        at = bisect.bisect_right(self.starts, end)
        return at > 0 and self.reach[at - 1] > start

    def quote_at(self, offset: int) -> Quote | None:
        """The quote whose words cover a document offset, or None for narration."""
        at = bisect.bisect_right(self.starts, offset) - 1
        if at >= 0 and offset < self.quotes[at].char_end:
            return self.quotes[at]
        return None


def quote_runs_on(text: str, newline: int) -> bool:
    """Whether a quote open at the paragraph break ``text[newline]`` goes on past it.

    It runs on when the next quotation mark closes a quote (a curly one, or a straight one
    written right after a word or punctuation, not after a digit: 15.4" is inches) within
    ``MAX_QUOTE_PARAGRAPHS`` paragraphs: a transcript quoted over several paragraphs, or a text
    with a paragraph a sentence. News style opens every paragraph of a long quote again and
    closes only the last, so there the next mark opens a quote and this one ends here.
    """
    found = _QUOTE_MARK.search(text, newline)
    if found is None or found.group() in _OPENING_MARKS - {'"'}:
        return False
    at = found.start()
    if found.group() == '"' and (text[at - 1].isspace() or text[at - 1].isdigit()):
        return False
    return len(_PARAGRAPH_BREAK.findall(text, newline, at)) < MAX_QUOTE_PARAGRAPHS


def reopens(text: str, newline: int) -> bool:
    """Whether the paragraph after the break at ``text[newline]`` opens with a quotation mark:
    news style's next paragraph of the same long quote (AP: every paragraph of a continuing
    quote opens with a mark, only the last closes)."""
    found = _NEXT_CHARACTER.match(text, newline)  # no copy of the rest: a break costs O(1)
    return found is not None and found[1] in _OPENING_MARKS


def continues_break(text: str, newline: int) -> bool:
    """Whether the newline at ``newline`` is not the first of its paragraph break (only
    whitespace since the one before): the callers decide a break once, at its first newline,
    so that a run of blank lines costs no rescan per line."""
    at = newline - 1
    while at >= 0 and text[at] != "\n" and text[at].isspace():
        at -= 1
    return at >= 0 and text[at] == "\n"


def speech_map(quotes: Iterable[Quote], doc_id: str) -> SpeechMap:
    """The quotes of one document as a lookup from text offsets."""
    mine = sorted(
        (q for q in quotes if q.doc == doc_id and q.char_end > q.char_start),
        key=lambda q: (q.char_start, q.char_end),
    )
    return SpeechMap(
        quotes=tuple(mine),
        starts=tuple(q.char_start for q in mine),
        reach=tuple(itertools.accumulate((q.char_end for q in mine), max)),
    )


# Bounded (issue 10): lexicon scores, frame bootstrap and distinctive terms each ask for every
# sentence of a comparison; 4,096 sentences hold the 12 documents of a batch event many times.
@lru_cache(maxsize=4096)
def token_offsets(sentence: Sentence) -> tuple[int, ...]:
    """Document offset of each word token of a sentence (tokens are written as in the text)."""
    offsets = []
    position = 0
    for token in sentence.tokens:
        found = sentence.text.find(token, position)
        if found >= 0:
            position = found + len(token)
            offsets.append(sentence.char_start + found)
        else:  # never expected: tokens are substrings; keep the last known place
            offsets.append(sentence.char_start + position)
    return tuple(offsets)


def token_voices(sentence: Sentence, speech: SpeechMap) -> tuple[Quote | None, ...]:
    """For each word token of a sentence, the quote it is inside, or None for narration."""
    # Token offsets lie in char_start..char_start + len(text): a sentence no quote reaches
    # (most of them) is all narration.
    if not speech.quoted_between(sentence.char_start, sentence.char_start + len(sentence.text)):
        return (None,) * len(sentence.tokens)
    return tuple(speech.quote_at(offset) for offset in token_offsets(sentence))
