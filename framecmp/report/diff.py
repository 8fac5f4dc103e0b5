"""Word-level differences between two aligned sentences, shared by every output format."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from framecmp.text.vocabulary import is_content_word, normalise

EQUAL = "equal"
DELETE = "delete"
INSERT = "insert"

Segment = tuple[str, str]  # (op, text): op is EQUAL, DELETE or INSERT

# A word, split after an em or en dash: "pool\u2014and" (no spaces, as many style guides write
# it) is the words "pool" and "and", not one word no other sentence has. A spaced dash goes
# with the word before it ("pool \u2014"), so both spellings compare as "pool".
_WORD = re.compile("[^\\s\u2013\u2014]+(?: ?[\u2013\u2014])?|[\u2013\u2014]")


# Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F (a test checks every code point).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Collapse every run of whitespace to one space and drop control characters."""
    # Control characters (ESC above all) would let article text drive a terminal or break a table.
    # A regex, not a per-character category lookup: reports clean every text they show.
    # Most texts are clean already: printable text has no control character and no whitespace
    # but the ASCII space, so without a doubled, leading or trailing space it is returned as is.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return _CONTROL.sub("", " ".join(text.split()))


@lru_cache(maxsize=65_536)  # words recur across the pairs of a report; bounded for batch runs
def _key(word: str) -> str:
    # Compare words, not their punctuation or case: "West," and "west" are the same word.
    # Apostrophes at a word's edge are quotation marks ("Fire''" closes a quote as "Fire\"" does);
    # inside it they belong to the word ("Gray\u2019s", "don't").
    stripped = "".join(c for c in word if c.isalnum() or c in "'\u2019-").strip("'\u2019")
    return normalise(stripped) if stripped else word


def _join(words: Sequence[str]) -> str:
    """Words back into text: a space between them, none after a dash that was glued to its
    word ("pool\u2014" + "and" is "pool\u2014and" again)."""
    text = ""
    for word in words:
        glued = len(text) > 1 and text[-1] in "\u2013\u2014" and not text[-2].isspace()
        text = f"{text}{word}" if glued or not text else f"{text} {word}"
    return text


def _merge(segments: list[Segment]) -> tuple[Segment, ...]:
    merged: list[Segment] = []
    for op, text in segments:
        if merged and merged[-1][0] == op:
            merged[-1] = (op, _join((merged[-1][1], text)))
        else:
            merged.append((op, text))
    return tuple(merged)


def _opcodes(a_words: list[str], b_words: list[str]) -> Sequence[tuple[str, int, int, int, int]]:
    a_keys, b_keys = [_key(w) for w in a_words], [_key(w) for w in b_words]
    if a_keys == b_keys:  # one pair in nine of an ECB+ event: what difflib would say, at once
        return [("equal", 0, len(a_keys), 0, len(b_keys))] if a_keys else []
    return difflib.SequenceMatcher(None, a_keys, b_keys, autojunk=False).get_opcodes()


def word_diff(a: str, b: str) -> tuple[Segment, ...]:
    """Ops turning ``a`` into ``b`` word by word; "equal" segments carry ``a``'s wording."""
    a_words = _WORD.findall(clean_text(a))
    b_words = _WORD.findall(clean_text(b))
    segments: list[Segment] = []
    for tag, i1, i2, j1, j2 in _opcodes(a_words, b_words):
        if tag == "equal":
            segments.append((EQUAL, _join(a_words[i1:i2])))
            continue
        if i2 > i1:
            segments.append((DELETE, _join(a_words[i1:i2])))
        if j2 > j1:
            segments.append((INSERT, _join(b_words[j1:j2])))
    return _merge(segments)


def split_diff(a: str, b: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """The diff as two sides in their own wording: (equal + delete of a, equal + insert of b)."""
    a_words = _WORD.findall(clean_text(a))
    b_words = _WORD.findall(clean_text(b))
    left: list[Segment] = []
    right: list[Segment] = []
    for tag, i1, i2, j1, j2 in _opcodes(a_words, b_words):
        if tag == "equal":
            left.append((EQUAL, _join(a_words[i1:i2])))
            right.append((EQUAL, _join(b_words[j1:j2])))
            continue
        if i2 > i1:
            left.append((DELETE, _join(a_words[i1:i2])))
        if j2 > j1:
            right.append((INSERT, _join(b_words[j1:j2])))
    return _merge(left), _merge(right)


def words_not_in(
    text: str, others: Sequence[str], also: Collection[str] = ()
) -> tuple[Segment, ...]:
    """``text`` word by word, its content words that none of ``others`` uses marked INSERT
    (function words and punctuation are never marked: "the" missing is not a difference), and
    the words of ``also`` (a conflict's numbers, places and negations, which are mostly no
    content words): a one-word entry wherever it stands, a phrase ("not armed") where it first
    stands whole, so that a negation both sides share stays unmarked."""
    seen = {_key(w) for other in others for w in _WORD.findall(clean_text(other))}
    seen |= {part for key in seen if "-" in key for part in key.split("-")}  # "anti-piracy"
    words = _WORD.findall(clean_text(text))
    keys = [_key(word) for word in words]
    marked = {i for i, key in enumerate(keys) for w in also if " " not in w and key == _key(w)}
    for phrase in (w.split() for w in also if " " in w):
        wanted = [_key(w) for w in phrase]
        start = next((i for i in range(len(keys)) if keys[i : i + len(wanted)] == wanted), None)
        if start is not None:
            marked.update(range(start, start + len(wanted)))
    segments: list[Segment] = []
    for i, (word, key) in enumerate(zip(words, keys, strict=True)):
        differs = bool(others) and is_content_word(key) and key not in seen
        segments.append((INSERT if differs or i in marked else EQUAL, word))
    return _merge(segments)
