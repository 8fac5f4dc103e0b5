"""Score stage: lexicon hits per document and category, and rate differences with uncertainty.

Patterns match word tokens of ``Sentence.tokens``: case-insensitively, with curly and
straight apostrophes alike and a possessive "'s" ignored. A hyphen splits a word like a space
does, so "kyiv-held" matches "Kyiv-held" and "kyiv" matches the first part of "Kyiv-held".
Within one category a stretch of tokens counts once: the longest match wins, and an
``exclude`` pattern at least as long as the term match starting at the same token vetoes it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from framecmp.analysis.lexicon import NUMBER_WORD
from framecmp.errors import FramecmpError
from framecmp.model import (
    CategoryScore,
    Document,
    Lexicon,
    LexiconHit,
    Quote,
    RateDifference,
    Sentence,
)
from framecmp.text import vocabulary
from framecmp.text.segment import compound_parts, compound_spans
from framecmp.text.speech import SpeechMap, speech_map, token_offsets, token_voices

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

_CI_PERCENTILES = (2.5, 97.5)
# The false discovery rate at which a frame difference is called significant, controlled over
# every frame test of one report (Benjamini & Hochberg 1995).
FALSE_DISCOVERY_RATE = 0.05
# A document needs this many sentences for its frame rates to be tested: the bootstrap
# resamples sentences, and with fewer it has almost no spread to resample. Measured under the
# null (two random halves of one real ECB+ article, n sentences each; `python
# eval/frame_test_null.py`), the share of tests at p < 0.05, development (odd topics) / held out
# (even): 1 sentence 0.999 / 0.998, 2: 0.125 / 0.078, 3: 0.117 / 0.099, 4: 0.041 / 0.038,
# 5: 0.041 / 0.031, 8: 0.045 / 0.049: 4 is the fewest at the nominal 0.05. Shorter documents
# are described, not tested.
MIN_TEST_SENTENCES = 4
# Words whose pattern lookup a lexicon matcher remembers before it starts again (about 4 MiB
# per bundled lexicon at most; the 982 ECB+ documents hold 17,050 distinct lower-cased words).
MATCHER_WORD_CACHE = 65536
# Sentences whose hits a matcher remembers (12 ECB+ documents hold about 170).
MATCHER_SENTENCE_CACHE = 4096


@dataclass(frozen=True, slots=True)
class _Pattern:
    category: int  # position of the category in its lexicon
    label: str  # the wording's label; "" for an exclude pattern
    rank: int  # position of the wording in its category, to break ties
    parts: tuple[tuple[str, bool], ...]  # (word, is_prefix)
    exclude: bool
    # The parts after the first, with their offsets: the first matches wherever the pattern
    # is looked up (it is found under that word or its prefix).
    rest: tuple[tuple[int, str, bool], ...] = field(init=False)

    def __post_init__(self) -> None:
        rest = tuple((offset, *part) for offset, part in enumerate(self.parts) if offset)
        object.__setattr__(self, "rest", rest)

    @property
    def wildcard(self) -> bool:
        return any(is_prefix for _, is_prefix in self.parts)


@dataclass(slots=True)
class _Matcher:
    """One lexicon's patterns, indexed by their first word for fast lookup."""

    exact: dict[str, list[_Pattern]] = field(default_factory=dict)
    prefix: dict[str, list[_Pattern]] = field(default_factory=dict)
    # Lengths of the prefix keys, ascending: only those prefixes of a word can match.
    prefix_lengths: tuple[int, ...] = ()
    # Word -> starting_with(word), for the words seen lately (most words start no pattern).
    seen: dict[str, tuple[_Pattern, ...]] = field(default_factory=dict)
    # Sentence -> its hits, for the sentences matched lately: the claim relations of a
    # comparison match the aligned sentences with the lexicons the scores match them with.
    matched: dict[Sentence, tuple[tuple[int, LexiconHit, int, bool], ...]] = field(
        default_factory=dict
    )

    # Prefix keys by their first prefix_lengths[0] characters, shortest key first (so
    # patterns come in the order of their key lengths); built when first needed.
    heads: dict[str, tuple[str, ...]] | None = None
    count_in_names: bool = True  # the lexicon's: False skips matches inside names
    # not the lexicon's count_after_determiner: matches modifying a noun are marked
    marks_modifiers: bool = False

    def by_head(self) -> dict[str, tuple[str, ...]]:
        if self.heads is None:
            heads: dict[str, list[str]] = {}
            for key in sorted(self.prefix, key=len):
                heads.setdefault(key[: self.prefix_lengths[0]], []).append(key)
            self.heads = {head: tuple(keys) for head, keys in heads.items()}
        return self.heads

    def add(self, pattern: _Pattern) -> None:
        first, is_prefix = pattern.parts[0]
        index = self.prefix if is_prefix else self.exact
        index.setdefault(first, []).append(pattern)
        if is_prefix and len(first) not in self.prefix_lengths:
            self.prefix_lengths = tuple(sorted((*self.prefix_lengths, len(first))))
        self.seen.clear()
        self.matched.clear()
        self.heads = None

    def starting_with(self, word: str) -> tuple[_Pattern, ...]:
        found = self.seen.get(word)
        if found is None:
            patterns = list(self.exact.get(word, ()))
            if self.prefix_lengths:
                # Only the prefix keys sharing the word's head can be prefixes of it; most
                # words share none (one slice and lookup instead of one per key length).
                for key in self.by_head().get(word[: self.prefix_lengths[0]], ()):
                    if word.startswith(key):
                        patterns.extend(self.prefix[key])
            found = tuple(patterns)
            # Bounded (issue 10): a long batch run meets an open-ended vocabulary.
            if len(self.seen) >= MATCHER_WORD_CACHE:
                self.seen.clear()
            self.seen[word] = found
        return found


class _Word(NamedTuple):  # not a dataclass: one is made per word; a tuple is 2x cheaper
    """A token, or one hyphen-separated part of it, normalised, with where it came from."""

    text: str  # normalised
    token: int  # position of the token in the sentence
    start: int  # character span of this part within the token
    end: int


def score_lexicons(
    documents: Sequence[Document],
    lexicons: Sequence[Lexicon],
    quotes: Sequence[Quote] = (),
    *,
    with_modifiers: bool = False,
) -> tuple[CategoryScore, ...]:
    """Hits of every lexicon category in every document, zero-count rows included.

    Each hit is marked as the outlet's narration or as words inside a direct quote (with the
    quote's speaker), and counted both ways: narration per 1,000 narration tokens, quoted words
    per 1,000 quoted tokens. ``with_modifiers`` counts the matches a lexicon's
    ``count_after_determiner = false`` leaves out ("the alleged gunman"): the claim relations
    read them as distance.
    """
    rows: list[tuple[tuple[int, int, int], CategoryScore]] = []
    words_by_doc = [[_words(sentence.tokens) for sentence in doc.sentences] for doc in documents]
    speech = [speech_map(quotes, doc.doc_id) for doc in documents]
    # Whose words each token is, once per document rather than once per lexicon.
    voices_by_doc = [
        [token_voices(sentence, speech[i]) for sentence in doc.sentences]
        for i, doc in enumerate(documents)
    ]
    quoted_tokens = [
        tuple(len(voices) - voices.count(None) for voices in doc_voices)
        for doc_voices in voices_by_doc
    ]
    for lexicon_position, lexicon in enumerate(lexicons):
        matcher = _matcher(lexicon)
        for doc_position, document in enumerate(documents):
            hits: list[list[LexiconHit]] = [[] for _ in lexicon.categories]
            for sentence, words, voices in zip(
                document.sentences,
                words_by_doc[doc_position],
                voices_by_doc[doc_position],
                strict=True,
            ):
                for position, hit, token, modifier in _sentence_hits(matcher, sentence, words):
                    if modifier and not with_modifiers:
                        continue
                    quote = voices[token] if token < len(voices) else None
                    if quote is not None:
                        hit = dataclasses.replace(hit, quoted=True, speaker=quote.speaker)
                    hits[position].append(hit)
            n_quoted = sum(quoted_tokens[doc_position])
            n_tokens = document.n_tokens  # a sum over the sentences: once, not per category
            n_narration = n_tokens - n_quoted
            for category_position, category in enumerate(lexicon.categories):
                found = hits[category_position]
                count = len(found)
                quoted = sum(hit.quoted for hit in found)
                score = CategoryScore(
                    lexicon=lexicon.name,
                    kind=lexicon.kind,
                    category=category.id,
                    doc=document.doc_id,
                    count=count,
                    per_1000_tokens=_per_1000(count, n_tokens),
                    hits=tuple(found),
                    narration_count=count - quoted,
                    narration_per_1000_tokens=_per_1000(count - quoted, n_narration),
                    quoted_count=quoted,
                    quoted_per_1000_tokens=_per_1000(quoted, n_quoted),
                )
                rows.append(((lexicon_position, category_position, doc_position), score))
    return tuple(score for _, score in sorted(rows, key=lambda row: row[0]))


def narration_token_count(document: Document, quotes: Sequence[Quote]) -> int:
    """The document's tokens outside direct quotes: the denominator of its narration rates."""
    quoted = quoted_token_counts(document, speech_map(quotes, document.doc_id))
    return document.n_tokens - sum(quoted)


def quoted_token_counts(document: Document, speech: SpeechMap) -> tuple[int, ...]:
    """Tokens inside direct quotes, per sentence."""
    return tuple(
        len(voices) - voices.count(None)
        for voices in (token_voices(sentence, speech) for sentence in document.sentences)
    )


def rate_differences(
    documents: Sequence[Document],
    scores: Sequence[CategoryScore],
    *,
    quotes: Sequence[Quote] = (),
    seed: int = 0,
    n_resamples: int = 1000,
) -> tuple[RateDifference, ...]:
    """Pairwise differences of narration frame rates with 95% percentile bootstrap intervals.

    Only the outlet's own words count: hits inside direct quotes and quoted tokens are left
    out of both numerator and denominator. Sentences are resampled with replacement within
    each document; a pair in which neither document's narration uses the category is left out
    (there is nothing to compare), and so is a pair with a document of fewer than
    ``MIN_TEST_SENTENCES`` sentences (too few to resample). Each difference carries a
    two-sided bootstrap p-value and its Benjamini-Hochberg q-value over every difference
    returned (every frame test of the report), and ``significant`` means q < 0.05.
    """
    import numpy as np

    if n_resamples < 1:
        raise FramecmpError(f"n_resamples {n_resamples}: must be at least 1")
    # One set of resamples per document, shared by every category and pair, so that adding
    # a lexicon or a document never changes the intervals of the others; each document's
    # generator is seeded from its own text, so the order of the inputs changes nothing.
    weights = [
        _resample_weights(
            np.random.default_rng([seed, _text_key(doc.text)]), len(doc.sentences), n_resamples
        )
        for doc in documents
    ]
    token_counts = [
        np.array(
            [
                len(s.tokens) - quoted
                for s, quoted in zip(
                    doc.sentences,
                    quoted_token_counts(doc, speech_map(quotes, doc.doc_id)),
                    strict=True,
                )
            ],
            dtype=np.int64,
        )
        for doc in documents
    ]
    doc_position = {doc.doc_id: position for position, doc in enumerate(documents)}

    groups: dict[tuple[str, str], dict[str, CategoryScore]] = {}
    for score in scores:
        if score.kind == "frames" and score.doc in doc_position:
            groups.setdefault((score.lexicon, score.category), {})[score.doc] = score
    keys = list(groups)
    if not keys:
        return ()

    boot_rates = []  # per document: (n_categories, n_resamples) rates per 1,000 tokens
    used_by = []  # per document: the categories its narration uses
    for position, document in enumerate(documents):
        table = [[0] * len(keys) for _ in document.sentences]
        row_of = {sentence.index: row for row, sentence in enumerate(document.sentences)}
        for column, key in enumerate(keys):
            found = groups[key].get(document.doc_id)
            for hit in found.hits if found is not None else ():
                if not hit.quoted:
                    table[row_of[hit.sentence]][column] += 1
        hit_counts = np.array(table, dtype=np.int64).reshape(len(document.sentences), len(keys))
        # Integer products: exact, so the same numbers as a float64 product, without BLAS,
        # whose threads spin (3x the CPU of this stage on a busy 2-core machine); and only for
        # the categories the document uses (the others count 0 in every resample, their rates
        # stay 0.0) and the sentences with a hit (the others add 0).
        tokens = (weights[position] @ token_counts[position]).astype(np.float64)
        used = np.flatnonzero(hit_counts.any(axis=0))
        rates = np.zeros((len(keys), n_resamples))
        if used.size:
            rows = np.flatnonzero(hit_counts.any(axis=1))
            counts = weights[position][:, rows] @ hit_counts[np.ix_(rows, used)]
            with np.errstate(divide="ignore", invalid="ignore"):
                rates[used] = np.where(
                    tokens > 0, counts.T.astype(np.float64) * 1000.0 / tokens, 0.0
                )
        boot_rates.append(rates)
        used_by.append(frozenset(used.tolist()))

    # Only the (pair, category) columns a difference is returned for; every statistic below is
    # per column, so leaving the others out changes no value, bit for bit.
    needed: list[tuple[int, int, int]] = []  # (column, a position, b position)
    for a_position, a in enumerate(documents):
        for b_position in range(a_position + 1, len(documents)):
            b = documents[b_position]
            for column, key in enumerate(keys):
                score_a, score_b = groups[key].get(a.doc_id), groups[key].get(b.doc_id)
                count_a = score_a.narration_count if score_a is not None else 0
                count_b = score_b.narration_count if score_b is not None else 0
                testable = min(len(a.sentences), len(b.sentences)) >= MIN_TEST_SENTENCES
                if testable and (count_a or count_b):
                    needed.append((column, a_position, b_position))
    if not needed:
        return ()
    boot, row_of_needed = _sorted_differences(np.stack(boot_rates), used_by, needed)
    low, high = _interpolate(boot.T, _CI_PERCENTILES)
    # Two-sided percentile p-value: twice the smaller share of resamples on either
    # side of 0 (ties split), floored at 1/(n+1) so no test claims p = 0.
    below = (boot < 0).sum(axis=1) + 0.5 * (boot == 0).sum(axis=1)
    share = np.minimum(below, n_resamples - below) / n_resamples
    p_values = np.clip(2 * share, 1 / (n_resamples + 1), 1.0)
    low, high, p_values = low[row_of_needed], high[row_of_needed], p_values[row_of_needed]
    lows, highs, ps = low.tolist(), high.tolist(), p_values.tolist()
    # (column, a position, b position) of each difference, in the order they are returned
    ordered = sorted(range(len(needed)), key=needed.__getitem__)
    q_values = benjamini_hochberg([ps[at] for at in ordered])
    differences = []
    for at, q in zip(ordered, q_values, strict=True):
        column, a_position, b_position = needed[at]
        a, b = documents[a_position], documents[b_position]
        lexicon, category = keys[column]
        score_a = groups[(lexicon, category)].get(a.doc_id)
        score_b = groups[(lexicon, category)].get(b.doc_id)
        rate_a = score_a.narration_per_1000_tokens if score_a is not None else 0.0
        rate_b = score_b.narration_per_1000_tokens if score_b is not None else 0.0
        differences.append(
            RateDifference(
                lexicon=lexicon,
                category=category,
                a=a.doc_id,
                b=b.doc_id,
                difference=rate_a - rate_b,
                ci_low=lows[at],
                ci_high=highs[at],
                significant=q < FALSE_DISCOVERY_RATE,
                p_value=ps[at],
                q_value=q,
            )
        )
    return tuple(differences)


def benjamini_hochberg(p_values: Sequence[float]) -> tuple[float, ...]:
    """Benjamini-Hochberg (1995) adjusted p-values (q-values), in the order given."""
    n = len(p_values)
    order = sorted(range(n), key=lambda i: p_values[i])
    adjusted = [1.0] * n
    running = 1.0
    for rank in range(n, 0, -1):
        index = order[rank - 1]
        running = min(running, p_values[index] * n / rank)
        adjusted[index] = min(1.0, running)
    return tuple(adjusted)


def _text_key(text: str) -> int:
    """A stable 64-bit number for a text (Python's hash() is salted per process)."""
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def _resample_weights(
    rng: np.random.Generator, n_sentences: int, n_resamples: int
) -> npt.NDArray[np.int64]:
    """How often each sentence is drawn in each resample: shape (n_resamples, n_sentences)."""
    import numpy as np

    if n_sentences == 0:
        return np.zeros((n_resamples, 0), dtype=np.int64)
    draws = rng.integers(0, n_sentences, size=(n_resamples, n_sentences))
    flat = draws + n_sentences * np.arange(n_resamples)[:, None]
    counts = np.bincount(flat.ravel(), minlength=n_resamples * n_sentences)
    return counts.reshape(n_resamples, n_sentences).astype(np.int64)


def _sorted_differences(
    rates: npt.NDArray[np.float64],
    used_by: Sequence[frozenset[int]],
    needed: Sequence[tuple[int, int, int]],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.intp]]:
    """The resampled differences ``rates[a, column] - rates[b, column]`` of each needed
    (column, a, b), sorted: as distinct rows, and the row of each needed difference.

    Most differences pair a document using the category with one that does not, whose rates
    are all 0.0: the difference is the user's rates (x - 0.0 is x) or 0.0 minus them, the
    same numbers for every such partner. Each document's rates are sorted once for all of
    them, and 0.0 - x in ascending order is 0.0 minus the sorted x in reverse (rates are
    finite and never -0.0, so no two values tie unless their bits do).
    """
    import numpy as np

    single_at: dict[tuple[int, int], int] = {}  # (document, column) -> row in `singles`
    # Per needed difference: (block, row in it); blocks: 0 a's sorted rates, 1 0.0 minus b's,
    # 2 the differences of two users.
    rows: list[tuple[int, int]] = []
    paired: list[tuple[int, int, int]] = []  # (column, a, b), both documents using the column
    for column, a, b in needed:
        if column in used_by[a] and column in used_by[b]:
            rows.append((2, len(paired)))
            paired.append((column, a, b))
        else:
            user = (a, column) if column in used_by[a] else (b, column)
            rows.append((0 if user[0] == a else 1, single_at.setdefault(user, len(single_at))))
    singles = _take(rates, list(single_at))
    singles.sort(axis=1)
    both = _take(rates, [(a, column) for column, a, _ in paired]) - _take(
        rates, [(b, column) for column, _, b in paired]
    )
    both.sort(axis=1)
    ordered = np.concatenate((singles, 0.0 - singles[:, ::-1], both))
    offsets = (0, len(single_at), 2 * len(single_at))
    return ordered, np.array([offsets[kind] + row for kind, row in rows], dtype=np.intp)


def _take(rates: npt.NDArray[np.float64], at: Sequence[tuple[int, int]]) -> npt.NDArray[np.float64]:
    """The rows ``rates[document, column]`` of (document, column) pairs: (len(at), resamples)."""
    import numpy as np

    documents = np.array([d for d, _ in at], dtype=np.intp)
    columns = np.array([c for _, c in at], dtype=np.intp)
    return rates[documents, columns].reshape(len(at), rates.shape[2])


def percentiles(
    values: npt.NDArray[np.float64], percents: Sequence[float]
) -> npt.NDArray[np.float64]:
    """``np.percentile(values, percents, axis=0)`` (its default, linear method), bit for bit.

    np.percentile calls np.unique, which imports numpy.ma: 15-30 ms of every compare, for two
    order statistics per column. The same operations as numpy 2's ``_quantile`` and ``_lerp``,
    on a full sort instead of a partition (the selected values are the same);
    ``tests/test_score.py`` checks the bits against np.percentile.
    """
    import numpy as np

    return _interpolate(np.sort(values, axis=0), percents)


def _interpolate(
    ordered: npt.NDArray[np.float64], percents: Sequence[float]
) -> npt.NDArray[np.float64]:
    """``percentiles`` of values already sorted along axis 0."""
    import numpy as np

    n_values = ordered.shape[0]
    virtual = (n_values - 1) * np.true_divide(np.asarray(percents, dtype=np.float64), 100)
    previous = np.floor(virtual)
    gamma = (virtual - previous).reshape(-1, *(1,) * (ordered.ndim - 1))
    previous_at, next_at = previous.astype(np.intp), (previous + 1).astype(np.intp)
    previous_at[virtual >= n_values - 1] = -1  # the top percentile is the largest value
    next_at[virtual >= n_values - 1] = -1
    low, high = ordered[previous_at], ordered[next_at]
    step = high - low
    result: npt.NDArray[np.float64] = np.add(low, step * gamma)
    np.subtract(high, step * (1 - gamma), out=result, where=gamma >= 0.5)
    # A column holding a NaN sorts it last; numpy's percentile of that column is NaN.
    np.copyto(result, ordered[-1], where=np.isnan(ordered[-1]))
    return result


def _per_1000(count: int, n_tokens: int) -> float:
    return count * 1000 / n_tokens if n_tokens else 0.0


# Matchers of the lexicons seen lately, by identity (bundled lexicons are loaded once per
# process, so a batch worker builds each matcher once); the entry keeps its lexicon alive, so
# an id is never reused while cached. Bounded: --lexicon files of many runs cannot pile up.
_MATCHERS: dict[int, tuple[Lexicon, _Matcher]] = {}
_MAX_MATCHERS = 32


def _matcher(lexicon: Lexicon) -> _Matcher:
    cached = _MATCHERS.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    matcher = _build_matcher(lexicon)
    if len(_MATCHERS) >= _MAX_MATCHERS:
        del _MATCHERS[next(iter(_MATCHERS))]
    _MATCHERS[id(lexicon)] = (lexicon, matcher)
    return matcher


def _build_matcher(lexicon: Lexicon) -> _Matcher:
    matcher = _Matcher(
        count_in_names=lexicon.count_in_names,
        marks_modifiers=not lexicon.count_after_determiner,
    )
    for position, category in enumerate(lexicon.categories):
        for rank, term in enumerate(category.terms):
            for pattern in term.patterns:
                matcher.add(_Pattern(position, term.label, rank, _parts(pattern), exclude=False))
        for pattern in category.exclude:
            matcher.add(_Pattern(position, "", 0, _parts(pattern), exclude=True))
    return matcher


def _parts(pattern: str) -> tuple[tuple[str, bool], ...]:
    """A pattern as (normalised word, is_prefix) parts, hyphenated words split."""
    parts: list[tuple[str, bool]] = []
    for word in pattern.split():
        pieces = compound_parts(word)
        for position, piece in enumerate(pieces):
            is_prefix = position == len(pieces) - 1 and piece.endswith("*")
            parts.append((_normalise(piece.removesuffix("*")), is_prefix))
    return tuple(parts)


@lru_cache(maxsize=65536)  # bounded (issue 10): a pure function of a token
def _normalise(word: str) -> str:
    # vocabulary.normalise, plus edge dots and apostrophes: "U.S." and "u.s" are one word.
    return vocabulary.normalise(word.strip(".'\u2019")).strip(".'")


# Bounded (issue 10): the lexicon scores and the claim relations of one comparison read the
# same sentences; 4,096 sentences hold the 12 documents of a batch event many times.
@lru_cache(maxsize=4096)
def _words(tokens: tuple[str, ...]) -> tuple[_Word, ...]:
    words: list[_Word] = []
    for position, token in enumerate(tokens):
        for start, end in compound_spans(token):
            text = _normalise(token[start:end])
            if text:
                words.append(_Word(text, position, start, end))
    return tuple(words)


def _rest_matches(pattern: _Pattern, words: Sequence[_Word], at: int) -> bool:
    """Whether the parts of a pattern after its first match the words after ``at``."""
    if at + len(pattern.parts) > len(words):
        return False
    for offset, part, is_prefix in pattern.rest:
        text = words[at + offset].text
        if part == NUMBER_WORD:
            if not vocabulary.is_number(text):
                return False
        elif not (text.startswith(part) if is_prefix else text == part):
            return False
    return True


def _sentence_hits(
    matcher: _Matcher, sentence: Sentence, words: Sequence[_Word]
) -> tuple[tuple[int, LexiconHit, int, bool], ...]:
    """(category position, hit, first token, modifies a noun) for every counted match in one
    sentence (``_modifies_noun``)."""
    found = matcher.matched.get(sentence)
    if found is None:
        found = tuple(_match_sentence(matcher, sentence, words))
        # Bounded (issue 10), like the word memo.
        if len(matcher.matched) >= MATCHER_SENTENCE_CACHE:
            matcher.matched.clear()
        matcher.matched[sentence] = found
    return found


def _match_sentence(
    matcher: _Matcher, sentence: Sentence, words: Sequence[_Word]
) -> list[tuple[int, LexiconHit, int, bool]]:
    by_category: dict[int, dict[int, list[tuple[_Pattern, int]]]] = {}
    seen = matcher.seen
    for at, word in enumerate(words):
        patterns = seen.get(word.text)
        if patterns is None:
            patterns = matcher.starting_with(word.text)
        for pattern in patterns:
            length = len(pattern.parts)
            if length == 1 or _rest_matches(pattern, words, at):
                by_category.setdefault(pattern.category, {}).setdefault(at, []).append(
                    (pattern, length)
                )
    hits: list[tuple[int, int, LexiconHit, int, bool]] = []
    for category, starts in by_category.items():
        free_from = 0  # words before this are already part of a counted or excluded match
        for at in sorted(starts):
            if at < free_from:
                continue
            excluded = max((n for p, n in starts[at] if p.exclude), default=0)
            terms = [(p, n) for p, n in starts[at] if not p.exclude]
            if not terms:
                free_from = at + excluded
                continue
            # Longest match wins; then a literal over a wildcard, then the first wording.
            pattern, length = max(terms, key=lambda t: (t[1], not t[0].wildcard, -t[0].rank))
            if excluded >= length:
                free_from = at + excluded
                continue
            if length == 1 and vocabulary.is_month_name(sentence.tokens, words[at].token):
                continue  # "on May 3" is a date, not the modal "may"
            if not matcher.count_in_names and _in_name(
                sentence.tokens, words[at].token, words[at + length - 1].token
            ):
                free_from = at + length
                continue  # "Doctor Who", "Summit Entertainment": a name, not a frame cue

            matched = _surface(sentence.tokens, words[at : at + length])
            hit = LexiconHit(pattern.label, matched, sentence.index)
            # "the alleged gunman": an adjective, not a verb of saying
            modifier = (
                matcher.marks_modifiers and length == 1 and _modifies_noun(sentence, words[at])
            )
            hits.append((at, category, hit, words[at].token, modifier))
            free_from = at + length
    hits.sort(key=lambda hit: (hit[0], hit[1]))
    return [(category, hit, token, modifier) for _, category, hit, token, modifier in hits]


_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


def _modifies_noun(sentence: Sentence, word: _Word) -> bool:
    """Whether a one-word match is a modifier: a whole token right after an article,
    demonstrative, possessive determiner or number and right before another word, only spaces
    between ("the alleged gunman", "nine alleged violations", "the confirmed death toll"; not
    "Felt, 95, said", "about this," said", "One said:"). "One" ("One said he") and a year ("in
    2001 announced plans") are no modifier's number."""
    tokens, at = sentence.tokens, word.token
    if word.start or at == 0 or at + 1 >= len(tokens):
        return False
    before = _normalise(tokens[at - 1])
    number = vocabulary.is_number(before) and before != "one" and not _YEAR.match(before)
    if before not in vocabulary.DETERMINERS and not number:
        return False
    offsets = [offset - sentence.char_start for offset in token_offsets(sentence)[at - 1 : at + 2]]
    text = sentence.text
    return (
        text[offsets[0] + len(tokens[at - 1]) : offsets[1]].isspace()
        and text[offsets[1] + len(tokens[at]) : offsets[2]].isspace()
    )


# Lower-case words that join a name's capitalised words ("Ministry of Defence", "Defenders of
# Wildlife", "Department of Health and Human Services").
_NAME_JOINERS = frozenset({"of", "and", "for", "&"})


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _in_name(tokens: Sequence[str], first: int, last: int) -> bool:
    """Whether tokens ``first``..``last`` are capitalised words of a name of two or more
    capitalised words (joined perhaps by "of", "and", "for"): "Doctor Who", "US Geological
    Survey", "House Natural Resources Committee". One capitalised word alone (a sentence's
    first word, "the Army") is no name here."""
    if not all(_capitalised(tokens[k]) for k in range(first, last + 1)):
        return False
    start = first
    while start > 0 and (
        _capitalised(tokens[start - 1])
        or (tokens[start - 1] in _NAME_JOINERS and start > 1 and _capitalised(tokens[start - 2]))
    ):
        start -= 1
    end = last
    while end + 1 < len(tokens) and (
        _capitalised(tokens[end + 1])
        or (
            tokens[end + 1] in _NAME_JOINERS
            and end + 2 < len(tokens)
            and _capitalised(tokens[end + 2])
        )
    ):
        end += 1
    return sum(_capitalised(tokens[k]) for k in range(start, end + 1)) >= 2


def _surface(tokens: Sequence[str], words: Sequence[_Word]) -> str:
    """The matched words as written: parts of one token keep their hyphen, tokens a space."""
    pieces: list[str] = []
    first = words[0]
    start = first.start
    for previous, word in zip(words, [*words[1:], None], strict=True):
        if word is None or word.token != previous.token:
            pieces.append(tokens[previous.token][start : previous.end])
            if word is not None:
                start = word.start
    return " ".join(pieces)
