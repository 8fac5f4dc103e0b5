"""Terms stage: how alike documents are in wording, and which terms set each one apart.

Similarity is the TF-IDF cosine of whole documents over stemmed content words. The IDF is fit
on the compared documents' *sentences*, not on the documents: with two to five documents a
document-level IDF has only a few values and marks every shared word as uninformative, while
sentence-level IDF still tells a word that runs through the story ("mayor") from one said
once ("floodgate"), which is what a reader means by shared wording.

Distinctive terms are unigrams and bigrams scored with the log-odds ratio with an informative
Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", eq. 16-22): each document
against all the others, with the prior taken from the compared documents plus a background
corpus (by default ``framecmp/data/background_counts.tsv``).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import ItemsView, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from types import MappingProxyType

from framecmp.errors import InputError
from framecmp.model import DistinctiveTerm, Document, PairSimilarity, Quote, Sentence
from framecmp.text.sorted_rows import header_end, value_of
from framecmp.text.speech import SpeechMap, speech_map, token_voices
from framecmp.text.vocabulary import (
    american_spelling,
    is_content_word,
    normalise,
    other_spellings,
    stem,
)

# The informative Dirichlet prior of the log-odds (Monroe, Colaresi & Quinn 2008, eq. 16-22):
# alpha_w = PRIOR_STRENGTH * p(w), where for a unigram p(w) mixes general English (the bundled
# wordfreq frequencies, weight BACKGROUND_WEIGHT) with the compared documents' pooled counts
# (the rest), and for a bigram (wordfreq has none) p(w) is the pooled share alone. The pooled
# part keeps names and topic words, which general English hardly knows, from getting a
# near-zero prior (and so a huge variance). Both values were chosen on ECB+ news (not the
# samples) by benchmarks/prior_strength.py: see the README ("Statistics") for the figures.
PRIOR_STRENGTH = 100.0
BACKGROUND_WEIGHT = 0.25
SHARED_TERMS = 8


@dataclass(frozen=True, slots=True)
class _DocTerms:
    counts: Counter[str]  # term -> occurrences
    sentences: Mapping[str, tuple[int, ...]]  # term -> sentence indexes, ascending
    surfaces: Counter[tuple[str, str]]  # (term, surface form) -> occurrences
    quoted: Counter[str] = field(default_factory=Counter)  # term -> occurrences inside quotes
    speakers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # term -> who says it


def pairwise_similarity(documents: Sequence[Document]) -> tuple[PairSimilarity, ...]:
    """TF-IDF cosine of each pair of documents (a before b in input order), with shared terms."""
    import numpy as np

    if len(documents) < 2:
        return ()
    # Each sentence's words once, for the documents' counts and the sentences' IDF alike.
    by_sentence = [
        [_sentence_words(sentence, stem_words=True) for sentence in document.sentences]
        for document in documents
    ]
    per_doc = [_counted(sentences) for sentences in by_sentence]
    surfaces: Counter[tuple[str, str]] = Counter()
    for terms in per_doc:
        surfaces.update(terms.surfaces)
    display = _display_forms(surfaces, spellings=False)
    sentence_words = [
        [term for term, _ in words] for sentences in by_sentence for words in sentences
    ]
    if not any(sentence_words):
        return tuple(
            PairSimilarity(a=a.doc_id, b=b.doc_id, cosine=0.0, shared_terms=())
            for i, a in enumerate(documents)
            for b in documents[i + 1 :]
        )
    idf = _fit_idf(sentence_words)
    vocabulary = list(idf)
    column = {term: k for k, term in enumerate(vocabulary)}
    matrix = np.zeros((len(documents), len(vocabulary)))
    for i, terms in enumerate(per_doc):
        # scikit-learn's transform() sorts each row by column, i.e. alphabetically.
        row = sorted(term for term in terms.counts if term in idf)
        for term, weight in _weights(terms.counts, row, idf).items():
            matrix[i, column[term]] = weight
    pairs = []
    for i, first in enumerate(documents):
        for j in range(i + 1, len(documents)):
            products = matrix[i] * matrix[j]
            shared = products.nonzero()[0]
            if len(shared) > SHARED_TERMS:
                # Only terms at or above the SHARED_TERMS-th largest product can be shown
                # (ties included): sorting those few gives the same first SHARED_TERMS.
                values = products[shared]
                cut = -np.partition(-values, SHARED_TERMS - 1)[SHARED_TERMS - 1]
                shared = shared[values >= cut]
            contributions = sorted(
                ((float(products[k]), display[vocabulary[k]]) for k in shared),
                key=lambda item: (-item[0], item[1]),
            )
            pairs.append(
                PairSimilarity(
                    a=first.doc_id,
                    b=documents[j].doc_id,
                    cosine=min(1.0, max(0.0, float(products.sum()))),
                    shared_terms=tuple(term for _, term in contributions[:SHARED_TERMS]),
                )
            )
    return tuple(pairs)


def distinctive_terms(
    documents: Sequence[Document],
    *,
    background: Mapping[str, int] | None = None,
    top_n: int = 12,
    min_count: int = 2,
    stem: bool = False,
    quotes: Sequence[Quote] = (),
    prior_strength: float = PRIOR_STRENGTH,
    background_weight: float = BACKGROUND_WEIGHT,
) -> tuple[DistinctiveTerm, ...]:
    """Each document's terms most over-used against the other documents, by log-odds z-score.

    Only the outlet's narration is counted: words inside direct ``quotes`` belong to the
    speaker, and are reported beside each term (``quoted_count``, ``speakers``).
    """
    if len(documents) < 2:
        return ()
    prior_counts = load_background() if background is None else background
    per_doc = [
        _terms(document.sentences, stem_words=stem, speech=speech_map(quotes, document.doc_id))
        for document in documents
    ]
    surfaces: Counter[tuple[str, str]] = Counter()
    for terms in per_doc:
        surfaces.update(terms.surfaces)
    display = _display_forms(surfaces, spellings=not stem)

    pooled: Counter[str] = Counter()
    for terms in per_doc:
        pooled.update(terms.counts)
    general = (
        _general_unigrams(prior_counts, stem) if stem else _spelled_counts(prior_counts, pooled)
    )
    prior = _prior(pooled, general, _unigram_total(prior_counts), prior_strength, background_weight)

    if not any(terms.counts for terms in per_doc):
        return ()
    idf = _fit_idf([terms.counts.keys() for terms in per_doc])
    # scikit-learn's fit_transform() leaves each row in the order terms were first seen.
    first_seen = dict.fromkeys(term for terms in per_doc for term in terms.counts)
    position = {term: n for n, term in enumerate(first_seen)}
    tfidf = [_tfidf_of_counts(terms.counts, idf, position=position) for terms in per_doc]
    pooled_totals = _totals(pooled)

    found: list[DistinctiveTerm] = []
    for document, terms, weights in zip(documents, per_doc, tfidf, strict=True):
        # The other documents' counts: the pooled counts less this one's (exact integers).
        others = _Others(pooled, terms.counts)
        doc_totals = _totals(terms.counts)
        other_totals = {order: total - doc_totals[order] for order, total in pooled_totals.items()}
        scored: dict[str, DistinctiveTerm] = {}
        for term, count in terms.counts.items():
            if count < min_count:
                continue
            order = _order(term)
            delta, z = log_odds(
                count,
                doc_totals[order],
                others[term],
                other_totals[order],
                prior[term],
                prior_strength,
            )
            if z <= 0:
                continue
            scored[term] = DistinctiveTerm(
                doc=document.doc_id,
                term=display[term],
                count=count,
                other_count=others[term],
                tfidf=weights[term],
                log_odds=delta,
                z=z,
                sentences=terms.sentences[term],
                quoted_count=terms.quoted[term],
                speakers=terms.speakers.get(term, ()),
            )
        # A word that only ever occurs inside a listed bigram ("united" in "united states")
        # repeats the bigram's evidence: keep the bigram alone.
        for term in [term for term in scored if _order(term) == 2]:
            for word in term.split(" "):
                if word in scored and terms.counts[word] == terms.counts[term]:
                    del scored[word]
        # by z as reports print it (4 decimals): terms whose z differ further down read as
        # ties, and ties go by term, as docs/json-report.md says
        ranked = sorted(scored.values(), key=lambda item: (-round(item.z, 4), item.term))
        found.extend(ranked[:top_n])
    return tuple(found)


def log_odds(
    count: int,
    total: int,
    other_count: int,
    other_total: int,
    alpha: float,
    alpha_0: float,
) -> tuple[float, float]:
    """(delta, z) of one word: Monroe et al. (2008) eq. 16-22 with prior ``alpha`` of
    ``alpha_0`` pseudo-counts in all."""
    rest, other_rest = total + alpha_0 - count - alpha, other_total + alpha_0 - other_count - alpha
    if alpha <= 0 or rest <= 0 or other_rest <= 0:  # no prior mass, or a one-word vocabulary
        return 0.0, 0.0
    delta = math.log((count + alpha) / rest) - math.log((other_count + alpha) / other_rest)
    variance = 1 / (count + alpha) + 1 / (other_count + alpha)
    return delta, delta / math.sqrt(variance)


def _general_unigrams(background: Mapping[str, int], stem: bool) -> Mapping[str, int]:
    """Unigram counts of the background, by stem when terms are stemmed."""
    general: Counter[str] = Counter()
    for term, count in background.items():
        if _order(term) == 1:
            general[_stem_term(term) if stem else term] += count
    return general


def _spelled_counts(background: Mapping[str, int], pooled: Mapping[str, int]) -> dict[str, int]:
    """General-English counts of the pooled unigrams, each word's British spellings included
    (its term is its American spelling: "jewelry" counts "jewellery" too)."""
    return {
        term: sum(background.get(word, 0) for word in (term, *other_spellings(term)))
        for term in pooled
        if _order(term) == 1
    }


def _unigram_total(background: Mapping[str, int]) -> int:
    if isinstance(background, _SortedCounts):
        return background.total  # every row is a unigram (checked when loaded)
    return sum(count for term, count in background.items() if " " not in term)


def _prior(
    pooled: Mapping[str, int],
    general: Mapping[str, int],
    general_total: int,
    strength: float,
    weight: float,
) -> dict[str, float]:
    """alpha_w of every pooled unigram and bigram: ``strength`` times its prior share (see
    PRIOR_STRENGTH); only a pooled unigram is looked up in ``general``, so bigrams there are
    never read."""
    pooled_totals = _totals(pooled)
    prior: dict[str, float] = {}
    for term, count in pooled.items():
        share = count / pooled_totals[_order(term)]
        if _order(term) == 1 and general_total:
            share = weight * general.get(term, 0) / general_total + (1 - weight) * share
        prior[term] = strength * share
    return prior


class _SortedCounts(Mapping[str, int]):
    """``term<TAB>count`` rows sorted by term, a term found by binary search.

    A compare looks up a few hundred of the bundled file's 48,000 terms; making a dict of them
    all cost 40-60 ms of every run, splitting the text into rows ~5 ms. Iterating builds the
    dict once.
    """

    __slots__ = ("_all", "_rows", "total")

    def __init__(self, rows: list[str], total: int) -> None:
        self._rows = rows
        self._all: dict[str, int] | None = None
        self.total = total  # the sum of all counts

    def __getitem__(self, term: str) -> int:
        count = value_of(self._rows, term)
        if count is None:
            raise KeyError(term)
        return int(count)

    def get(self, term: str, default: int | None = None) -> int | None:  # type: ignore[override]
        try:
            return self[term]
        except KeyError:
            return default

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.get(term) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._rows)

    def items(self) -> ItemsView[str, int]:
        return self._dict().items()

    def _dict(self) -> dict[str, int]:
        if self._all is None:
            self._all = {term: int(count) for term, count in (r.split("\t") for r in self._rows)}
        return self._all


_TOTAL = re.compile(r"^# total_count: (\d+)$", re.MULTILINE)


def sorted_counts(text: str) -> _SortedCounts | None:
    """The rows of a ``term<TAB>count`` file sorted by term and headed by ``# total_count: N``
    (the sum of the counts) for lookup by binary search; None if the file is not like that."""
    body_start = header_end(text)
    total = _TOTAL.search(text, 0, body_start)
    body = text[body_start:]
    rows = body.split("\n")
    if rows and not rows[-1]:
        rows.pop()
    # One tab a row, no bigram (a space), no comment below the header, sorted: a tab sorts
    # before every character of a term, so the rows are in the order of their terms.
    if (
        total is None
        or body.count("\t") != len(rows)
        or " " in body
        or "\n#" in body
        or rows != sorted(rows)
    ):
        return None
    return _SortedCounts(rows, int(total[1]))


@cache
def _bundled_background() -> Mapping[str, int]:
    resource = files("framecmp") / "data" / "background_counts.tsv"
    text = resource.read_text(encoding="utf-8")
    return sorted_counts(text) or MappingProxyType(parse_background(text, str(resource)))


def load_background() -> Mapping[str, int]:
    """Term counts of the bundled background corpus, ``framecmp/data/background_counts.tsv``."""
    return _bundled_background()


def parse_background(text: str, origin: str) -> dict[str, int]:
    """Term counts from ``term<TAB>count`` lines; ``#`` lines are comments."""
    counts: dict[str, int] = {}
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    try:  # the bundled file has ~48,000 lines and every compare reads it: no per-line checks
        for term, count in (line.rsplit("\t", 1) for line in lines):
            if not term or not count.isdigit():
                raise ValueError(term)
            counts[term] = counts.get(term, 0) + int(count)
    except ValueError:
        for number, line in enumerate(text.splitlines(), start=1):
            term, tab, count = line.rpartition("\t")
            if (
                line.strip()
                and not line.startswith("#")
                and (not tab or not term or not count.isdigit())
            ):
                raise InputError(
                    f"{origin}:{number}: expected 'term<TAB>count', got {line!r}"
                ) from None
    return counts


def background_from_documents(documents: Iterable[Document]) -> dict[str, int]:
    """Unigram and bigram counts of documents, tokenised as ``distinctive_terms`` does."""
    counts: Counter[str] = Counter()
    for document in documents:
        counts.update(_terms(document.sentences, stem_words=False).counts)
    return dict(sorted(counts.items()))


class _Others:
    """Counts of the other documents of a comparison: pooled less one document's."""

    __slots__ = ("_own", "_pooled")

    def __init__(self, pooled: Mapping[str, int], own: Mapping[str, int]) -> None:
        self._pooled, self._own = pooled, own

    def __getitem__(self, term: str) -> int:
        return self._pooled.get(term, 0) - self._own.get(term, 0)


def _fit_idf(documents: Sequence[Iterable[str]]) -> dict[str, float]:
    """Smoothed IDF of each term, ``ln((1 + n) / (1 + df)) + 1``, in alphabetical order."""
    import numpy as np

    frequency = Counter(term for document in documents for term in set(document))
    vocabulary = sorted(frequency)
    # The same numpy operations as scikit-learn's TfidfTransformer.fit, so the bits agree.
    idf = np.full(len(vocabulary), len(documents) + 1, dtype=np.float64)
    idf /= np.array([frequency[term] + 1.0 for term in vocabulary])
    np.log(idf, out=idf)
    idf += 1.0
    return dict(zip(vocabulary, idf.tolist(), strict=True))


def _tfidf(
    words: Sequence[str], idf: Mapping[str, float], *, order: Sequence[str]
) -> dict[str, float]:
    """L2-normalised ``(1 + ln tf) * idf`` of the known terms among ``words``.

    scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` done by hand: importing it (and SciPy
    with it) cost ~2 s per run. The squares are summed one by one in ``order``, as scikit-learn
    sums a row, so that every weight is bit-identical to scikit-learn's
    (``benchmarks/tfidf_identity.py`` and ``tests/test_terms.py`` check it).
    """
    counts = Counter(word for word in words if word in idf)
    return _weights(counts, [term for term in order if term in counts], idf)


def _tfidf_of_counts(
    counts: Mapping[str, int], idf: Mapping[str, float], *, position: Mapping[str, int]
) -> dict[str, float]:
    """``_tfidf`` of a document given as term counts, ``order`` as each term's position in
    it: the same weights, without walking the whole vocabulary for each document."""
    terms = sorted((term for term in counts if term in idf), key=position.__getitem__)
    return _weights(counts, terms, idf)


def _weights(
    counts: Mapping[str, int], terms: Sequence[str], idf: Mapping[str, float]
) -> dict[str, float]:
    import numpy as np

    weights = np.log(np.array([counts[term] for term in terms], dtype=np.float64))
    weights += 1.0
    weights *= np.array([idf[term] for term in terms])
    values = weights.tolist()
    total = 0.0
    for value in values:
        total += value * value
    norm = math.sqrt(total) if total else 1.0
    return {term: value / norm for term, value in zip(terms, values, strict=True)}


def _order(term: str) -> int:
    return term.count(" ") + 1


def _totals(counts: Mapping[str, int]) -> Counter[int]:
    """Token totals per n-gram order: unigrams and bigrams are two vocabularies, each with its
    own n and prior."""
    totals: Counter[int] = Counter()
    for term, count in counts.items():
        totals[_order(term)] += count
    return totals


def _stem_term(term: str) -> str:
    return " ".join(stem(word) for word in term.split(" "))


def _display_forms(surfaces: Counter[tuple[str, str]], *, spellings: bool) -> dict[str, str]:
    """Each term's most frequent surface form (ties: alphabetical); with ``spellings`` (terms
    that are words, whose surfaces can differ only in spelling) every form, "jewellery/jewelry",
    so that no outlet is shown a spelling it did not write."""
    if spellings:
        forms: dict[str, set[str]] = defaultdict(set)
        for term, surface in surfaces:
            forms[term].add(surface)
        return {term: "/".join(sorted(written)) for term, written in forms.items()}
    best: dict[str, tuple[int, str]] = {}
    for (term, surface), count in surfaces.items():  # no sort: ties compare the surfaces
        found = best.get(term)
        if found is None or count > found[0] or (count == found[0] and surface < found[1]):
            best[term] = (count, surface)
    return {term: surface for term, (_, surface) in best.items()}


def _sentence_words(sentence: Sentence, *, stem_words: bool) -> list[tuple[str, str]]:
    """(term, surface) for each content word of a sentence."""
    if stem_words:
        found = list(map(_stemmed_content_word, sentence.tokens))
        return [pair for pair in found if pair is not None]
    words = [normalise(token) for token in sentence.tokens]
    return [(american_spelling(word), word) for word in words if is_content_word(word)]


@lru_cache(maxsize=65536)  # bounded (issue 10): a pure function of a token
def _stemmed_content_word(token: str) -> tuple[str, str] | None:
    """(stem, normalised word) of a content word, None for any other token: one cached call
    per token instead of three (every token of every document of a comparison)."""
    word = normalise(token)
    return (stem(word), word) if is_content_word(word) else None


def _words(sentences: Sequence[Sentence], *, stem_words: bool) -> _DocTerms:
    return _counted([_sentence_words(sentence, stem_words=stem_words) for sentence in sentences])


def _counted(sentences: Iterable[Sequence[tuple[str, str]]]) -> _DocTerms:
    """Counts of the (term, surface) pairs of a document's sentences."""
    counts: Counter[str] = Counter()
    surfaces: Counter[tuple[str, str]] = Counter()
    for words in sentences:
        for term, surface in words:
            counts[term] += 1
            surfaces[term, surface] += 1
    return _DocTerms(counts=counts, sentences={}, surfaces=surfaces)


def _terms(
    sentences: Sequence[Sentence], *, stem_words: bool, speech: SpeechMap | None = None
) -> _DocTerms:
    """Content unigrams and bigrams of a document's narration, with where they occur.

    Words inside the quotes of ``speech`` are counted apart, with their speakers.
    """
    counts: Counter[str] = Counter()
    surfaces: Counter[tuple[str, str]] = Counter()
    where: dict[str, set[int]] = defaultdict(set)
    quoted: Counter[str] = Counter()
    speakers: dict[str, set[str]] = defaultdict(set)
    found: list[tuple[str, str]] = []  # every (term, surface), in text order
    for sentence in sentences:
        voices = token_voices(sentence, speech) if speech is not None else None
        if voices is not None and voices.count(None) == len(voices):
            voices = None  # all narration (most sentences): every token is kept
        narration = [voice is None for voice in voices] if voices is not None else None
        terms = _sentence_terms(sentence, stem_words=stem_words, keep=narration)
        found.extend(terms)
        for term, _ in terms:
            where[term].add(sentence.index)
        if voices is None:
            continue
        # Quoted words: split at every change of quote, so no bigram spans two speakers.
        for quote in dict.fromkeys(voice for voice in voices if voice is not None):
            inside = [voice is quote for voice in voices]
            for term, _ in _sentence_terms(sentence, stem_words=stem_words, keep=inside):
                quoted[term] += 1
                if quote.speaker:
                    speakers[term].add(quote.speaker)
    # Counted at once (Counter keeps first-seen order, as counting one by one did).
    counts.update(term for term, _ in found)
    surfaces.update(found)
    return _DocTerms(
        counts=counts,
        sentences={term: tuple(sorted(indexes)) for term, indexes in where.items()},
        surfaces=surfaces,
        quoted=quoted,
        speakers={term: tuple(sorted(names)) for term, names in speakers.items()},
    )


def _sentence_terms(
    sentence: Sentence, *, stem_words: bool, keep: Sequence[bool] | None = None
) -> list[tuple[str, str]]:
    """(term, surface) for the unigrams and bigrams of one sentence.

    A bigram is two consecutive content words with only white space between them in the text,
    so "collective West" counts but "Kyrgyzstan, November" does not. Tokens whose ``keep`` is
    False are left out and break bigrams.
    """
    found: list[tuple[str, str]] = []
    previous: str | None = None
    position = 0
    previous_end = -1
    for at, token in enumerate(sentence.tokens):
        start = sentence.text.find(token, position)
        adjacent = start >= 0 and sentence.text[previous_end:start].isspace()
        if start >= 0:
            position = previous_end = start + len(token)
        word = normalise(token)
        if not is_content_word(word) or (keep is not None and not keep[at]):
            previous = None
            continue
        # one word in two spellings is one term ("jewellery" / "jewelry"), shown as written
        term = stem(word) if stem_words else american_spelling(word)
        found.append((term, word))
        if previous is not None and adjacent:
            before = stem(previous) if stem_words else american_spelling(previous)
            found.append((f"{before} {term}", f"{previous} {word}"))
        previous = word
    return found
