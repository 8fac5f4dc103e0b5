"""Align the sentences of several reports: which ones carry the same quote or claim.

The lexical aligner scores a sentence pair by the IDF-weighted overlap of their content stems,
with names weighted down (sentences sharing only "Putin" and "Anchorage" are not the same
claim), discourse markers ("in general terms") dropped, words that stand near each other in
both sentences counted again as a shared phrase, spelling variants folded together (a shipped
list plus character-trigram matching), the shared words required to cover a share of each
sentence, and quotation marks tracked so a match inside quotes in both sentences reads as a
shared quote. docs/alignment.md describes the method and its measured quality.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from framecmp.errors import FramecmpError
from framecmp.model import AlignedPair, Alignment, Claim, Document, Sentence, SentenceRef
from framecmp.text.vocabulary import is_content_word, normalise, stem

if TYPE_CHECKING:
    from framecmp.analysis.align_semantic import Embedder

ALIGNERS = ("lexical", "semantic")
# Calibrated on eval/gold/alaska-lavrov-alignment.toml (where F1 is now flat from 0.175 to 0.30)
# and reported on the Bishkek gold; docs/alignment.md has both sweeps.
DEFAULT_MIN_SCORE = 0.2
# A pair scoring at least this share of min_score, but below it, is "related".
RELATED_SHARE = 0.6
# Names say who and where, not what was claimed: they count this much of a word's weight.
NAME_WEIGHT = 0.35
# Two stems are spelling variants when their character-trigram Dice coefficient reaches this.
VARIANT_DICE = 0.7
VARIANT_MIN_CHARS = 5
# A sentence keeps every partner scoring within this share of its best partner in that
# document, so a sentence that another outlet split in two aligns to both halves.
KEEP_SHARE = 0.5
# A pair needs this many shared words that are not names, titles or reporting verbs.
MIN_SHARED_WORDS = 2
# Shared evidence (sum of IDF weights) at which the evidence factor reaches one half.
EVIDENCE_HALF = 10.0
# Two content words within this many content words of each other in both sentences ("collective
# West", "serious discussions" / "seriously discuss") are a shared phrase: extra evidence worth
# this share of the rarer word's weight.
PHRASE_WINDOW = 3
PHRASE_WEIGHT = 0.5
# The shared terms must hold at least this share of *each* sentence's squared term weight (a
# third of its vector length), or two generic words ("troops", "military") in a long sentence
# pass for its claim. Calibrated on the Alaska-Lavrov gold (docs/alignment.md).
MIN_COVERAGE = 1 / 9

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['\u2019][^\W_]+)*")
_OPENING_QUOTES = frozenset("\u201c\u00ab\u201e")
_CLOSING_QUOTES = frozenset("\u201d\u00bb")


@dataclass(frozen=True, slots=True)
class _Token:
    written: str
    start: int  # offset into the sentence text
    quoted: bool


@dataclass(frozen=True, slots=True)
class _Term:
    key: str  # stem, or the canonical term of a listed name
    word: str  # normalised word as written, shown as evidence
    is_listed_name: bool
    capitalised: bool
    initial: bool  # the sentence's first word, where capitals say nothing
    quoted: bool


@dataclass(frozen=True, slots=True)
class _Profile:
    """What the scorer needs of one sentence: term weights and where each term was quoted."""

    weights: Mapping[str, float]
    quoted: frozenset[str]
    words: Mapping[str, str]  # key -> shortest normalised word written for it
    norm: float
    names: frozenset[str]
    phrases: frozenset[tuple[str, str]]  # nearby pairs of keys, one written lower-case; sorted


def align(
    documents: Sequence[Document],
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    aligner: str = "lexical",
) -> Alignment:
    """Align every pair of documents sentence by sentence and group the matches into claims."""
    if aligner not in ALIGNERS:
        raise FramecmpError(f"unknown aligner {aligner!r}; choose lexical or semantic")
    if not 0.0 < min_score <= 1.0:
        raise FramecmpError(f"min_score {min_score!r} is out of range; give a number in (0, 1]")
    ids = [d.doc_id for d in documents]
    if duplicated := sorted({i for i in ids if ids.count(i) > 1}):
        raise FramecmpError(
            f"document id {duplicated[0]!r} is used twice; give each input its own label"
        )
    embedder: Embedder | None = None
    if aligner == "semantic":
        from framecmp.analysis.align_semantic import load_embedder

        embedder = load_embedder()

    profiles = _profiles(documents)
    vectors = embedder.embed(documents) if embedder is not None else None
    related_min = min_score * RELATED_SHARE
    pairs: list[AlignedPair] = []
    cores: set[tuple[SentenceRef, SentenceRef]] = set()  # pairs of mutual best partners
    for i, doc_a in enumerate(documents):
        for doc_b in documents[i + 1 :]:
            scores = _pair_scores(doc_a, doc_b, profiles, embedder, vectors)
            selected, mutual = _select(scores, related_min, min_score)
            for (ia, ib), score in sorted(selected.items()):
                pa, pb = profiles[doc_a.doc_id][ia], profiles[doc_b.doc_id][ib]
                shared = _shared_keys(pa, pb)
                pair = AlignedPair(
                    a=SentenceRef(doc_a.doc_id, ia),
                    b=SentenceRef(doc_b.doc_id, ib),
                    relation=_relation(score, min_score, pa, pb, shared),
                    score=score,
                    shared_terms=_evidence(pa, pb, shared),
                )
                pairs.append(pair)
                if (ia, ib) in mutual:
                    cores.add((pair.a, pair.b))
    return Alignment(
        pairs=tuple(pairs),
        unique=_unique(documents, pairs),
        claims=_claims(documents, pairs, cores),
        aligner=aligner,
        min_score=min_score,
    )


# --- sentence profiles ----------------------------------------------------------------------


def _profiles(documents: Sequence[Document]) -> dict[str, tuple[_Profile, ...]]:
    terms = {d.doc_id: tuple(_terms(d, s) for s in d.sentences) for d in documents}
    every_sentence = [ts for doc_terms in terms.values() for ts in doc_terms]
    names = _names(every_sentence)
    variants = _variants(
        sorted({t.key for ts in every_sentence for t in ts if not t.is_listed_name})
    )
    folded = {
        doc_id: tuple(tuple(_fold(t, variants) for t in ts) for ts in doc_terms)
        for doc_id, doc_terms in terms.items()
    }
    # IDF over the sentences of every document in this comparison (smoothed as in scikit-learn)
    n_sentences = sum(len(doc_terms) for doc_terms in folded.values())
    df: dict[str, int] = {}
    for doc_terms in folded.values():
        for ts in doc_terms:
            for key in {t.key for t in ts}:
                df[key] = df.get(key, 0) + 1
    idf = {key: math.log((1 + n_sentences) / (1 + n)) + 1 for key, n in df.items()}
    # keys written in lower case somewhere: a phrase needs one, so that two names side by side
    # ("Putin met Witkoff", with "Putin" only ever sentence-initial) are no shared phrase
    lowered = frozenset(
        t.key
        for doc_terms in folded.values()
        for ts in doc_terms
        for t in ts
        if not t.capitalised and not t.is_listed_name
    )
    return {
        doc_id: tuple(_profile(ts, idf, names, lowered) for ts in doc_terms)
        for doc_id, doc_terms in folded.items()
    }


def _profile(
    terms: Sequence[_Term],
    idf: Mapping[str, float],
    names: frozenset[str],
    lowered: frozenset[str],
) -> _Profile:
    weights = {
        t.key: idf[t.key] * (NAME_WEIGHT if t.key in names else 1.0)
        for t in sorted(terms, key=lambda t: t.key)
    }
    words: dict[str, str] = {}
    for t in terms:
        if t.key not in words or (len(t.word), t.word) < (len(words[t.key]), words[t.key]):
            words[t.key] = t.word
    norm = math.sqrt(sum(w * w for w in weights.values()))
    quoted = frozenset(t.key for t in terms if t.quoted)
    # office titles stand next to names by syntax ("President Putin"), not as shared wording
    titles = _attribution_words()[1]
    keys = [t.key for t in terms if t.word not in titles]
    phrases = frozenset(
        (min(k1, k2), max(k1, k2))
        for i, k1 in enumerate(keys)
        for k2 in keys[i + 1 : i + PHRASE_WINDOW]
        if k1 != k2 and (k1 in lowered or k2 in lowered)
    )
    return _Profile(weights, quoted, words, norm, names & weights.keys(), phrases)


def _terms(document: Document, sentence: Sentence) -> tuple[_Term, ...]:
    tokens = list(_tokens(document, sentence))
    normalised = [normalise(t.written) for t in tokens]
    spellings, abbreviations, longest = _listed_names()
    verbs, titles = _attribution_words()
    markers, longest_marker = _discourse_markers()
    terms: list[_Term] = []
    i = 0
    while i < len(tokens):
        written = tokens[i].written
        skip = next(
            (
                width
                for width in range(min(longest_marker, len(tokens) - i), 1, -1)
                if tuple(normalised[i : i + width]) in markers
            ),
            0,
        )
        if skip:
            i += skip
            continue
        matched = None
        if written.replace(".", "") in abbreviations:
            matched = (abbreviations[written.replace(".", "")], 1)
        for width in range(min(longest, len(tokens) - i), 0, -1):
            if matched:
                break
            phrase = tuple(normalised[i : i + width])
            if phrase in spellings:
                matched = (spellings[phrase], width)
        if matched:
            term, width = matched
            quoted = any(t.quoted for t in tokens[i : i + width])
            terms.append(_Term(term, term, True, True, i == 0, quoted))
            i += width
            continue
        word = normalised[i]
        if is_content_word(word) and word not in verbs:
            listed = word in titles
            terms.append(
                _Term(stem(word), word, listed, written[0].isupper(), i == 0, tokens[i].quoted)
            )
        i += 1
    return tuple(terms)


def _tokens(document: Document, sentence: Sentence) -> Iterator[_Token]:
    text = sentence.text
    if document.text[sentence.char_start : sentence.char_end] == text:
        inside = _quoted_mask(document.text)[sentence.char_start : sentence.char_end]
    else:  # a hand-built sentence whose offsets do not point into the text: judge it alone
        inside = _quoted_mask(text)
    for match in _TOKEN.finditer(text):
        yield _Token(match.group(), match.start(), inside[match.start()])


@cache
def _quoted_mask(text: str) -> tuple[bool, ...]:
    """For each character, whether it lies inside quotation marks."""
    mask: list[bool] = []
    inside = False
    for char in text:
        if char == "\n":  # news style reopens a quote in each paragraph without closing it
            inside = False
        if char in _OPENING_QUOTES or (char == '"' and not inside):
            mask.append(inside)
            inside = True
        elif char in _CLOSING_QUOTES or char == '"':
            mask.append(inside)
            inside = False
        else:
            mask.append(inside)
    return tuple(mask)


@cache
def _listed_names() -> tuple[dict[tuple[str, ...], str], dict[str, str], int]:
    """Spellings from data/synonyms.toml: word sequences, capitalised abbreviations, max length."""
    raw = tomllib.loads((files("framecmp") / "data" / "synonyms.toml").read_text("utf-8"))
    spellings: dict[tuple[str, ...], str] = {}
    abbreviations: dict[str, str] = {}
    for entry in raw["name"]:
        for spelling in entry["spellings"]:
            bare = spelling.replace(".", "")
            if bare.isupper() and " " not in spelling:
                abbreviations[bare] = entry["term"]
            else:
                spellings[tuple(normalise(w) for w in spelling.split())] = entry["term"]
    return spellings, abbreviations, max(len(k) for k in spellings)


@cache
def _attribution_words() -> tuple[frozenset[str], frozenset[str]]:
    """Reporting verbs (ignored) and office titles (weighted as names) from data/synonyms.toml."""
    raw = tomllib.loads((files("framecmp") / "data" / "synonyms.toml").read_text("utf-8"))
    return frozenset(raw["attribution"]["verbs"]), frozenset(raw["attribution"]["titles"])


@cache
def _discourse_markers() -> tuple[frozenset[tuple[str, ...]], int]:
    """Discourse-marker phrases from data/synonyms.toml, as word sequences, and the longest."""
    raw = tomllib.loads((files("framecmp") / "data" / "synonyms.toml").read_text("utf-8"))
    phrases = frozenset(tuple(p.split()) for p in raw["discourse"]["phrases"])
    return phrases, max(len(p) for p in phrases)


def _names(sentences: Sequence[Sequence[_Term]]) -> frozenset[str]:
    """Keys written only with a capital, and with one somewhere other than a sentence start."""
    lower: set[str] = set()
    capital_inside: set[str] = set()
    listed: set[str] = set()
    for terms in sentences:
        for t in terms:
            if t.is_listed_name:
                listed.add(t.key)
            elif not t.capitalised:
                lower.add(t.key)
            elif not t.initial:
                capital_inside.add(t.key)
    return frozenset(listed | (capital_inside - lower))


def _variants(keys: Sequence[str]) -> dict[str, str]:
    """Map each stem to the first (alphabetically) of its spelling variants."""
    parent = {k: k for k in keys}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    grams = {k: _trigrams(k) for k in keys if len(k) >= VARIANT_MIN_CHARS}
    for left, right in _similar_pairs(grams):
        r1, r2 = root(left), root(right)
        parent[max(r1, r2)] = min(r1, r2)
    return {k: root(k) for k in keys if root(k) != k}


def _similar_pairs(grams: Mapping[str, frozenset[str]]) -> list[tuple[str, str]]:
    """Pairs of keys (same initial) whose trigram Dice is at least VARIANT_DICE, in the order
    the all-pairs loop found them.

    Prefix filtering (Chaudhuri et al. 2006) keeps this near-linear in the vocabulary instead
    of quadratic: with trigrams ordered rarest first, two sets with Dice >= D share a trigram
    among the first ``n - ceil(D n / (2 - D)) + 1`` of each, so only keys that do are compared.
    """
    frequency: dict[str, int] = {}
    for key_grams in grams.values():
        for gram in key_grams:
            frequency[gram] = frequency.get(gram, 0) + 1
    order = list(grams)
    position = {key: i for i, key in enumerate(order)}
    index: dict[tuple[str, str], list[str]] = {}
    for key in order:
        ranked = sorted(grams[key], key=lambda g: (frequency[g], g))
        overlap = math.ceil(VARIANT_DICE * len(ranked) / (2 - VARIANT_DICE) - 1e-9)
        for gram in ranked[: len(ranked) - overlap + 1]:
            index.setdefault((key[0], gram), []).append(key)
    candidates: set[tuple[str, str]] = set()
    for members in index.values():
        for i, left in enumerate(members):
            for right in members[i + 1 :]:
                pair = (left, right) if position[left] < position[right] else (right, left)
                candidates.add(pair)
    pairs = []
    for left, right in sorted(candidates, key=lambda p: (position[p[0]], position[p[1]])):
        g1, g2 = grams[left], grams[right]
        if 2 * len(g1 & g2) >= VARIANT_DICE * (len(g1) + len(g2)):
            pairs.append((left, right))
    return pairs


def _trigrams(key: str) -> frozenset[str]:
    padded = f"#{key}#"
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def _fold(term: _Term, variants: Mapping[str, str]) -> _Term:
    key = variants.get(term.key, term.key)
    if key == term.key:
        return term
    return _Term(key, term.word, term.is_listed_name, term.capitalised, term.initial, term.quoted)


# --- scoring and selection ------------------------------------------------------------------


def _pair_scores(
    doc_a: Document,
    doc_b: Document,
    profiles: Mapping[str, Sequence[_Profile]],
    embedder: Embedder | None,
    vectors: Mapping[str, Any] | None,
) -> dict[tuple[int, int], float]:
    """Score every sentence pair of two documents, the same whichever is given first."""
    flip = doc_a.doc_id > doc_b.doc_id
    first, second = (doc_b, doc_a) if flip else (doc_a, doc_b)
    cosines = None
    if embedder is not None and vectors is not None:
        cosines = embedder.cosines(vectors[first.doc_id], vectors[second.doc_id])
    scores: dict[tuple[int, int], float] = {}
    for i, p1 in enumerate(profiles[first.doc_id]):
        for j, p2 in enumerate(profiles[second.doc_id]):
            score = _lexical_score(p1, p2)
            if cosines is not None:
                from framecmp.analysis.align_semantic import combine

                score = combine(score, cosines[i][j])
            scores[(j, i) if flip else (i, j)] = score
    return scores


def _lexical_score(p1: _Profile, p2: _Profile) -> float:
    """Cosine of the two sentences' weighted term vectors, 0..1; 0 without enough evidence."""
    if not p1.norm or not p2.norm:
        return 0.0
    shared = sorted(p1.weights.keys() & p2.weights.keys())
    phrases = sorted(p1.phrases & p2.phrases)
    # One shared word ("agree", "talks") is a coincidence in sentences this short; a shared
    # phrase of a word and a name ("opinions in the West") is evidence of its own.
    words = sum(1 for k in shared if k not in p1.names)
    words += sum(1 for k1, k2 in phrases if k1 in p1.names or k2 in p1.names)
    if words < MIN_SHARED_WORDS:
        return 0.0
    dot = sum(p1.weights[k] * p2.weights[k] for k in shared)
    evidence = sum(min(p1.weights[k], p2.weights[k]) for k in shared)
    for k1, k2 in phrases:
        bonus = PHRASE_WEIGHT * min(p1.weights[k1], p1.weights[k2], p2.weights[k1], p2.weights[k2])
        dot += bonus * bonus
        evidence += bonus
    if _coverage(p1, p2, shared) < MIN_COVERAGE:
        return 0.0
    cosine = min(1.0, dot / (p1.norm * p2.norm))
    # Cosine alone rates a two-word match in two short sentences as highly as a long shared
    # claim; the geometric mean with a saturating count of shared evidence evens that out.
    return math.sqrt(cosine * evidence / (evidence + EVIDENCE_HALF))


def _coverage(p1: _Profile, p2: _Profile, shared: Sequence[str]) -> float:
    """The smaller share of either sentence's squared term weight that the shared terms hold."""
    c1 = sum(p1.weights[k] ** 2 for k in shared) / p1.norm**2
    c2 = sum(p2.weights[k] ** 2 for k in shared) / p2.norm**2
    return min(c1, c2)


def _select(
    scores: Mapping[tuple[int, int], float], floor: float, min_score: float
) -> tuple[dict[tuple[int, int], float], frozenset[tuple[int, int]]]:
    """Pairs to keep, and which of them are mutual best partners.

    A pair at or above ``min_score`` is kept when it is close to the best match of both its
    sentences (so a sentence split in two aligns to both halves); a ``related`` pair, between
    ``floor`` and ``min_score``, only when each sentence is the other's best match.
    """
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for (ia, ib), score in scores.items():
        best_a[ia] = max(best_a.get(ia, 0.0), score)
        best_b[ib] = max(best_b.get(ib, 0.0), score)
    mutual = frozenset(
        key
        for key, score in scores.items()
        if score > 0.0 and score == best_a[key[0]] and score == best_b[key[1]]
    )
    kept = {
        (ia, ib): score
        for (ia, ib), score in scores.items()
        if score >= floor
        and score >= KEEP_SHARE * max(best_a[ia], best_b[ib])
        and (score >= min_score or (ia, ib) in mutual)
    }
    return kept, mutual


def _shared_keys(p1: _Profile, p2: _Profile) -> list[str]:
    return sorted(p1.weights.keys() & p2.weights.keys())


def _relation(
    score: float,
    min_score: float,
    p1: _Profile,
    p2: _Profile,
    shared: Sequence[str],
) -> str:
    if score < min_score:
        return "related"
    total = sum(p1.weights[k] for k in shared)
    quoted = sum(p1.weights[k] for k in shared if k in p1.quoted and k in p2.quoted)
    # same-quote: most of the matched material sits inside quotation marks in both sentences
    return "same-quote" if total and quoted > total / 2 else "paraphrase"


def _evidence(p1: _Profile, p2: _Profile, shared: Sequence[str]) -> tuple[str, ...]:
    words = set()
    for key in shared:
        w1, w2 = p1.words[key], p2.words[key]
        words.add(min((len(w1), w1), (len(w2), w2))[1])
    return tuple(sorted(words))


# --- unique sentences and claims ------------------------------------------------------------


def _unique(
    documents: Sequence[Document], pairs: Sequence[AlignedPair]
) -> dict[str, tuple[int, ...]]:
    # 'related' is not the same claim, so a sentence with only related partners stays unique
    aligned = {ref for p in pairs if p.relation != "related" for ref in (p.a, p.b)}
    return {
        d.doc_id: tuple(
            s.index for s in d.sentences if SentenceRef(d.doc_id, s.index) not in aligned
        )
        for d in documents
    }


def _claims(
    documents: Sequence[Document],
    pairs: Sequence[AlignedPair],
    cores: Set[tuple[SentenceRef, SentenceRef]],
) -> tuple[Claim, ...]:
    """Connected components over mutual-best pairs; other pairs only attach a loose sentence.

    Chaining every pair would merge loosely connected sentences into one sprawling claim
    (A's second-best partner links A's claim with another), so a pair that is not mutual best
    adds a sentence that belongs to no claim yet and never joins two claims.
    """
    order = {d.doc_id: n for n, d in enumerate(documents)}

    def position(ref: SentenceRef) -> tuple[int, int]:
        return order[ref.doc], ref.sentence

    parent: dict[SentenceRef, SentenceRef] = {}

    def root(ref: SentenceRef) -> SentenceRef:
        while parent.setdefault(ref, ref) != ref:
            ref = parent[ref]
        return ref

    def join(a: SentenceRef, b: SentenceRef) -> None:
        r1, r2 = root(a), root(b)
        parent[max(r1, r2, key=position)] = min(r1, r2, key=position)

    matched = [p for p in pairs if p.relation != "related"]
    for pair in matched:
        if (pair.a, pair.b) in cores:
            join(pair.a, pair.b)
    # strongest loose links first, so a sentence joins the claim it matches best
    for pair in sorted(matched, key=lambda p: (-p.score, position(p.a), position(p.b))):
        if (pair.a, pair.b) not in cores and (pair.a not in parent or pair.b not in parent):
            join(pair.a, pair.b)
    groups: dict[SentenceRef, list[SentenceRef]] = {}
    for ref in parent:
        groups.setdefault(root(ref), []).append(ref)
    ordered = sorted(groups.values(), key=lambda members: min(map(position, members)))
    return tuple(
        Claim(
            id=f"c{n}",
            members=tuple(sorted(members, key=position)),
            outlets=tuple(sorted({m.doc for m in members})),
        )
        for n, members in enumerate(ordered, start=1)
    )
