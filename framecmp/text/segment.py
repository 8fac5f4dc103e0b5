"""Segment stage: split cleaned text into paragraphs, sentences and word tokens.

Sentence boundaries come from NLTK's Punkt (loaded without NLTK's package ``__init__``, see
``nltk_modules``), built from parameters shipped in ``framecmp/data/abbreviations.txt`` (no
downloaded NLTK data, no pickles), then repaired
for news text: quote marks go with the sentence they belong to, editors' [bracketed
insertions] are never split, and fragments (a stray ".", `he said.` after a quoted
question, "No." before a number) are joined to their neighbour.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from framecmp.model import Sentence
from framecmp.text import nltk_modules

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

_CONNECT = "-\u2010\u2011'\u2019\u02bc"  # hyphens and apostrophes inside a word
# A token is an initialism ("U.S.", "U.S.-proposed") or a run of letters and digits joined by
# hyphens, apostrophes, by "," / "." between digits ("600,000", "3.5"), or by ":" before two
# digits: a clock time is one value ("9:30", "17:06"), not an hour and a count that another
# report's "30 miles" or "Dec. 30" would share (a fact-checker's review).
_WORD = re.compile(
    rf"(?:[^\W\d_]\.){{2,}}(?:[{_CONNECT}][^\W_]+)*"
    rf"|[^\W_]+(?:(?:[{_CONNECT}]|(?<=\d)[.,](?=\d)|(?<=\d):(?=\d\d(?!\d)))[^\W_]+)*"
)
# Punkt sees a copy of the text with these unified, character for character, so offsets hold
# and every NLTK version treats curly quotes and the ellipsis character alike.
_FOR_PUNKT = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\xab": '"',
        "\xbb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2026": ".",
    }
)
_OPENING_QUOTES = "\u201c\u2018\u201e\xab"
_CLOSING_QUOTES = "\u201d\u2019\xbb"
_STRAIGHT_QUOTES = "\"'"
_DOUBLE_QUOTES = '"\u201c\u201d\u201e\xab\xbb'
_SENTENCE_END = ".?!\u2026"
_MIN_TOKENS = 2
_ATTRIBUTION_MAX_TOKENS = 6  # `"Why?" asked Russian President Vladimir Putin.` is six


# Invisible characters that captures leave inside words (zero-width space and joiners, word
# joiner, BOM, soft hyphen): the text keeps them as written, tokens do not.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def tokenize(text: str) -> tuple[str, ...]:
    """Word tokens as written; hyphenated words, apostrophes and numbers stay whole."""
    return tuple(_WORD.findall(text.translate(_INVISIBLE)))  # _WORD has no groups


def has_word(text: str) -> bool:
    """Whether ``text`` holds a word token (``tokenize(text)`` would not be empty)."""
    return _WORD.search(text) is not None


_HYPHENS = re.compile("[-\u2010\u2011]")


def compound_parts(token: str) -> list[str]:
    """A hyphenated token's words ("U.S.-proposed" -> "U.S.", "proposed"); others whole.

    For stages that match words across texts ("a 28-point plan" / "the plan's 28 points"),
    not for counting words.
    """
    if "-" not in token and "\u2010" not in token and "\u2011" not in token:
        return [token]  # most tokens: three substring tests are cheaper than a regex call
    return _HYPHENS.split(token)


def compound_spans(token: str) -> list[tuple[int, int]]:
    """Where each of ``compound_parts``' words lies in the token: (start, end) offsets."""
    if "-" not in token and "\u2010" not in token and "\u2011" not in token:
        return [(0, len(token))]
    spans, start = [], 0
    for hyphen in _HYPHENS.finditer(token):
        spans.append((start, hyphen.start()))
        start = hyphen.end()
    spans.append((start, len(token)))
    return spans


def segment(text: str) -> tuple[Sentence, ...]:
    """Split cleaned text (paragraphs separated by newlines) into sentences with offsets."""
    sentences: list[Sentence] = []
    paragraph = 0
    line_start = 0
    for line in text.split("\n"):
        spans: list[tuple[int, int, tuple[str, ...]]] = []
        for piece in _paragraph_pieces(text, line_start, line_start + len(line)):
            split = _split_long(text, piece.start, piece.end)
            if len(split) == 1 and piece.exact:
                spans.append((piece.start, piece.end, piece.tokens))
            else:
                spans.extend((start, end, tokenize(text[start:end])) for start, end in split)
        for start, end, tokens in spans:
            sentences.append(
                Sentence(
                    index=len(sentences),
                    paragraph=paragraph,
                    text=text[start:end],
                    char_start=start,
                    char_end=end,
                    tokens=tokens,
                )
            )
        paragraph += bool(spans)
        line_start += len(line) + 1
    return tuple(sentences)


# A "sentence" of more words than this is a run-on capture (a table, a list without
# punctuation, a megabyte line): cut it at word boundaries so that no later stage (VADER,
# alignment, quotes) pays for its length squared. News sentences are far shorter: in the
# MRPC training sentences (news, msr_paraphrase_train.txt) the longest has 31 words.
MAX_SENTENCE_WORDS = 120
_WHITESPACE = re.compile(r"\s+")


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)``, or consecutive pieces of at most MAX_SENTENCE_WORDS words."""
    if end - start < MAX_SENTENCE_WORDS * 2:
        return [(start, end)]
    gaps = list(_WHITESPACE.finditer(text, start, end))
    if len(gaps) < MAX_SENTENCE_WORDS:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for number, gap in enumerate(gaps, start=1):
        if number % MAX_SENTENCE_WORDS == 0:
            pieces.append((piece_start, gap.start()))
            piece_start = gap.end()
    pieces.append((piece_start, end))
    return [(a, b) for a, b in pieces if a < b]


@dataclass(frozen=True, slots=True)
class _Piece:
    start: int
    end: int
    tokens: tuple[str, ...]
    # tokens == tokenize(text[start:end]): true of a piece as cut, and of joined pieces with
    # whitespace between them (no token spans whitespace), so they need no second tokenising.
    exact: bool = True


def _paragraph_pieces(text: str, start: int, end: int) -> list[_Piece]:
    """Sentences of one paragraph, ``text[start:end]``, stripped of whitespace."""
    start, end = _strip(text, start, end)
    if start >= end:
        return []
    cuts = [
        start + offset
        for offset, _ in _punkt().span_tokenize(text[start:end].translate(_FOR_PUNKT))
    ][1:]
    cuts = [_move_quotes(text, cut, start, end) for cut in cuts]
    cuts = sorted({cut for cut in cuts if start < cut < end})
    if text.find("[", start, end) != -1:
        inside = _inside_brackets(text, start, end)
        cuts = [cut for cut in cuts if not inside[cut - start]]
    # a cut inside a word would give each sentence half of it (Punkt ends a sentence after
    # "U.S." and a closing quote that tokenize() joins to the next letters): every word stays
    # in one sentence, as tokenize() reads it
    if cuts:
        words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
        word_starts = [word_start for word_start, _ in words]
        cuts = [cut for cut in cuts if not _inside_word(words, word_starts, cut)]
    pieces = _pieces(text, [start, *cuts, end])
    pieces = _join_fragments(text, pieces)
    return [piece for piece in pieces if piece.tokens]


def _inside_word(words: list[tuple[int, int]], word_starts: list[int], at: int) -> bool:
    """Whether offset ``at`` falls strictly inside one of the words (spans sorted by start)."""
    found = bisect.bisect_left(word_starts, at) - 1
    return found >= 0 and at < words[found][1]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pieces(text: str, bounds: list[int]) -> list[_Piece]:
    pieces = []
    for left, right in itertools.pairwise(bounds):
        start, end = _strip(text, left, right)
        if start < end:
            pieces.append(_Piece(start, end, tokenize(text[start:end])))
    return pieces


def _is_closing(text: str, at: int, end: int) -> bool:
    char = text[at]
    if char in _CLOSING_QUOTES:
        return True
    # A straight quote closes when nothing word-like follows it ("... end." he said).
    return char in _STRAIGHT_QUOTES and (at + 1 >= end or not text[at + 1].isalnum())


def _is_opening(text: str, at: int, start: int) -> bool:
    char = text[at]
    if char in _OPENING_QUOTES:
        return True
    return char in _STRAIGHT_QUOTES and (at == start or text[at - 1].isspace())


def _move_quotes(text: str, cut: int, start: int, end: int) -> int:
    """Move a cut so closing quotes stay with the sentence before, opening ones go after."""
    while cut < end and _is_closing(text, cut, end):
        cut += 1
    before = cut
    while before > start and text[before - 1].isspace():
        before -= 1
    while before > start and _is_opening(text, before - 1, start):
        before -= 1
        cut = before
    return cut


def _inside_brackets(text: str, start: int, end: int) -> list[bool]:
    """For each offset of ``text[start:end]``: is it inside a [bracketed insertion]?"""
    # Only brackets that close within the paragraph count; a difference array keeps it linear.
    change = [0] * (end - start + 1)
    opened: list[int] = []
    for at in range(start, end):
        if text[at] == "[":
            opened.append(at)
        elif text[at] == "]" and opened:
            change[opened.pop() - start + 1] += 1
            change[at - start] -= 1
    return [depth > 0 for depth in itertools.accumulate(change)]


def _join_fragments(text: str, pieces: list[_Piece]) -> list[_Piece]:
    """Join sentences that are fragments of their neighbour, left to right."""
    joined: list[_Piece] = []
    for piece in pieces:
        if joined and _continues(text, joined[-1], piece):
            piece = _joined(joined.pop(), piece)
        joined.append(piece)
    # A short first sentence has no previous one to join: it goes with the next.
    if len(joined) > 1 and len(joined[0].tokens) < _MIN_TOKENS:
        joined[:2] = [_joined(joined[0], joined[1])]
    return joined


def _joined(first: _Piece, second: _Piece) -> _Piece:
    exact = first.exact and second.exact and first.end < second.start
    return _Piece(first.start, second.end, first.tokens + second.tokens, exact)


def _continues(text: str, previous: _Piece, piece: _Piece) -> bool:
    if len(piece.tokens) < _MIN_TOKENS:
        return True
    first = piece.tokens[0]
    if first[0].islower():
        return True
    # Only the end of the previous sentence matters; a bounded tail keeps long joins linear.
    previous_tail = text[max(previous.start, previous.end - 16) : previous.end]
    if first[0].isdigit() and previous.tokens and previous.tokens[-1].lower() in {"no", "nos"}:
        return previous_tail.endswith(".")
    return len(piece.tokens) <= _ATTRIBUTION_MAX_TOKENS and _is_attribution(
        previous_tail, text[piece.start : piece.end]
    )


def _is_attribution(previous_tail: str, piece_text: str) -> bool:
    """True for `Putin asked.` after a quote ending in "?" or "!": one sentence in news style."""
    closed_quote = previous_tail.rstrip(_STRAIGHT_QUOTES + _CLOSING_QUOTES)
    return (
        closed_quote != previous_tail
        and closed_quote[-1:] in ("?", "!")
        and piece_text[-1] in _SENTENCE_END
        and not any(quote in piece_text for quote in _DOUBLE_QUOTES)
    )


@cache
def _punkt() -> PunktSentenceTokenizer:
    punkt = nltk_modules.load("nltk.tokenize.punkt")
    abbreviations, starters = _abbreviation_data()
    params = punkt.PunktParameters()
    params.abbrev_types = set(abbreviations)
    params.sent_starters = set(starters)
    tokenizer: PunktSentenceTokenizer = punkt.PunktSentenceTokenizer(params)
    return tokenizer


@cache
def _abbreviation_data() -> tuple[frozenset[str], frozenset[str]]:
    """Abbreviations and sentence starters from ``framecmp/data/abbreviations.txt``."""
    text = (files("framecmp") / "data" / "abbreviations.txt").read_text(encoding="utf-8")
    sections: dict[str, set[str]] = {"abbreviations": set(), "sentence-starters": set()}
    section = "abbreviations"
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        sections[section].add(line)
    return frozenset(sections["abbreviations"]), frozenset(sections["sentence-starters"])
