"""Alignment units and their profiles: what the pair scorer knows of each sentence.

A unit is a sentence, or a quote running over several sentences, kept whole. Its profile
holds its content stems weighted by IDF in general news (``framecmp/data/idf_news.tsv``),
its names (listed in ``framecmp/data/synonyms.toml`` or capitalised), office titles,
numbers, negation, bigrams and the words written inside quotation marks. Names, titles,
reporting verbs and discourse markers never carry a match: they are kept apart from the
content stems. Spelling variants of one name (Dmitriev/Dmitriyev) are folded together.
"""

from __future__ import annotations

import itertools
import math
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any, NamedTuple

from framecmp.model import Document, Sentence
from framecmp.text.segment import compound_parts
from framecmp.text.speech import continues_break, quote_runs_on, token_offsets
from framecmp.text.vocabulary import is_content_word, normalise, stem

# Two stems are spelling variants when their character-trigram Dice coefficient reaches this
# (Dmitriev/Dmitriyev). Kept from the previous aligner; general, not sample-specific.
VARIANT_DICE = 0.7
VARIANT_MIN_CHARS = 5

# A number standing alone or as part of a hyphenated word ("15-year", "top-10"), the words
# joined by spaces: the same numbers whether a writer hyphenates or not. A clock time is one
# number ("9:30").
_NUMBER = re.compile(r"(?<![^\s\-\u2010\u2011])\d[\d.,:]*(?![^\s\-\u2010\u2011])")
_OPENING_QUOTES = frozenset("\u201c\u00ab\u201e")
_CLOSING_QUOTES = frozenset("\u201d\u00bb")
_MASK_MARKS = re.compile('[\n"\u201c\u00ab\u201e\u201d\u00bb]')
_NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nor", "neither", "without", "cannot", "nobody", "nothing"}
)


_Phrase = tuple[str, ...]  # normalised words of a listed phrase


class Term(NamedTuple):  # not a dataclass: one is made per word; a tuple is 2x cheaper
    key: str  # stem, or the canonical term of a listed name
    word: str  # normalised word as written, shown as evidence
    kind: str  # "content", "name" (listed or capitalised), "title"
    capitalised: bool
    initial: bool  # the sentence's first word, where capitals say nothing
    quoted: bool


@dataclass(frozen=True, slots=True)
class Profile:
    """What the scorer needs of one unit (a sentence or a multi-sentence quote)."""

    weights: Mapping[str, float]  # content stems -> IDF (names and titles left out)
    name_weights: Mapping[str, float]  # names -> IDF: in coverage only, never a candidate
    names: frozenset[str]
    quoted: frozenset[str]  # content keys written inside quotation marks
    quoted_words: int  # word tokens inside quotation marks (a scare quote has at most 3)
    words: Mapping[str, str]  # key -> shortest normalised word written for it
    numbers: frozenset[str]
    negated: bool
    bigrams: frozenset[tuple[str, str]]
    n_tokens: int
    # Per-unit sums _features needs for every pair, summed once in the same order.
    squares: Mapping[str, float]  # content stems -> IDF ** 2, for the cosine
    weight_sum: float  # sum of weights
    weight_norm: float  # Euclidean norm of weights
    all_weight_sum: float  # weight_sum + sum of name_weights
    # content and name keys written outside a clause that says who speaks ("Police spokesman
    # John Smith said", "..., a source told reporters"); None when no sentence has one
    claim_keys: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Unit:
    doc: str
    sentences: tuple[int, ...]


def units_of(document: Document) -> tuple[Unit, ...]:
    """Sentences, with a quotation that runs over several sentences joined into one unit."""
    mask = _quoted_mask(document.text)
    units: list[list[int]] = []
    previous: Sentence | None = None
    for sentence in document.sentences:
        continues = (
            previous is not None
            and previous.paragraph == sentence.paragraph
            and document.text[sentence.char_start : sentence.char_end] == sentence.text
            and sentence.char_start < len(mask)
            and mask[sentence.char_start]
        )
        if continues and units:
            units[-1].append(sentence.index)
        else:
            units.append([sentence.index])
        previous = sentence
    return tuple(Unit(document.doc_id, tuple(members)) for members in units)


def profiles_of(
    documents: Sequence[Document], units: Mapping[str, Sequence[Unit]]
) -> dict[str, tuple[Profile, ...]]:
    read = {d.doc_id: tuple(_terms(d, s) for s in d.sentences) for d in documents}
    terms = {doc: tuple(ts for ts, _ in sentences) for doc, sentences in read.items()}
    every_sentence = [ts for doc_terms in terms.values() for ts in doc_terms]
    names = _names(every_sentence)
    variants = _variants(sorted({t.key for ts in every_sentence for t in ts if t.kind != "name"}))
    idf = _idf()
    profiles: dict[str, tuple[Profile, ...]] = {}
    for document in documents:
        doc_terms = terms[document.doc_id]
        profiles[document.doc_id] = tuple(
            _profile(
                [
                    _fold(t, variants) if t.key in variants else t
                    for i in unit.sentences
                    for t in doc_terms[i]
                ],
                [tok for i in unit.sentences for tok in document.sentences[i].tokens],
                idf,
                names,
                # counted only where a term is quoted: most units hold no quotation
                sum(quoted_words(document, document.sentences[i]) for i in unit.sentences)
                if any(t.quoted for i in unit.sentences for t in doc_terms[i])
                else 0,
                _claim_keys([read[document.doc_id][i] for i in unit.sentences], variants),
            )
            for unit in units[document.doc_id]
        )
    return profiles


def _claim_keys(
    sentences: Sequence[tuple[Sequence[Term], frozenset[str] | None]], variants: Mapping[str, str]
) -> frozenset[str] | None:
    """A unit's keys outside attribution clauses (a sentence without one gives all its keys),
    spelling variants folded as the profile folds them; None when no sentence has a clause."""
    if all(claim is None for _, claim in sentences):
        return None
    keys = {
        key
        for terms, claim in sentences
        for key in (claim if claim is not None else (t.key for t in terms))
    }
    return frozenset(variants.get(key, key) for key in keys)


def _profile(
    terms: Sequence[Term],
    tokens: Sequence[str],
    idf: tuple[Mapping[str, float], float],
    names: frozenset[str],
    quoted_words: int,
    claim_keys: frozenset[str] | None = None,
) -> Profile:
    table, unseen = idf
    keys: list[str] = []  # content keys in sentence order
    quoted: set[str] = set()
    name_keys: set[str] = set()
    words: dict[str, str] = {}
    for t in terms:
        key, word = t.key, t.word
        if t.kind == "name" or key in names:
            name_keys.add(key)
        elif t.kind == "content":
            keys.append(key)
            if t.quoted:
                quoted.add(key)
        shortest = words.get(key)
        if shortest is None or (len(word), word) < (len(shortest), shortest):
            words[key] = word
    weights = {key: table.get(key, unseen) for key in sorted(set(keys))}
    name_weights = {key: table.get(key, unseen) for key in sorted(name_keys)}
    lowered = list(map(normalise, tokens))
    weight_sum = sum(weights.values())
    return Profile(
        weights=weights,
        name_weights=name_weights,
        names=frozenset(name_keys),
        quoted=frozenset(quoted),
        quoted_words=quoted_words,
        words=words,
        numbers=frozenset(map(_number, _NUMBER.findall(" ".join(lowered)))),
        negated=bool(_NEGATIONS.intersection(lowered)) or "n't" in " ".join(lowered),
        bigrams=frozenset(
            (min(k1, k2), max(k1, k2)) for k1, k2 in itertools.pairwise(keys) if k1 != k2
        ),
        n_tokens=len(tokens),
        squares={key: weight**2 for key, weight in weights.items()},
        weight_sum=weight_sum,
        weight_norm=math.sqrt(sum(w * w for w in weights.values())),
        all_weight_sum=weight_sum + sum(name_weights.values()),
        claim_keys=claim_keys,
    )


def _number(word: str) -> str:
    return word.replace(",", "").rstrip(".")


def _terms(
    document: Document, sentence: Sentence
) -> tuple[tuple[Term, ...], frozenset[str] | None]:
    """The sentence's terms, and the keys of those written outside its attribution clause
    (``_attribution_clause``; None when it has none)."""
    tokens = _tokens(document, sentence)
    words = [_word(written) for written, _ in tokens]
    normalised = [w.normalised for w in words]
    clause = (  # most sentences hold no reporting verb: no clause to look for
        _attribution_clause(normalised, tokens, _gaps(sentence))
        if not _SPEAKING.isdisjoint(normalised)
        else frozenset()
    )
    terms: list[Term] = []
    claim: set[str] = set()
    i = 0
    while i < len(tokens):
        word = words[i]
        if word.starts_phrase and (skip := _marker_width(words, i)):
            i += skip
            continue
        matched = None
        if word.abbreviation is not None:
            matched = (word.abbreviation, 1)
        elif word.starts_phrase:
            matched = _listed_name(words, i)
        if matched:
            term, width = matched
            quoted = any(t[1] for t in tokens[i : i + width])
            # keyed by the listed name, shown as written ("british", not "united kingdom")
            written = " ".join(w.normalised for w in words[i : i + width])
            terms.append(Term(term, written, "name", True, i == 0, quoted))
            if i not in clause:
                claim.add(term)
            i += width
            continue
        if (found := word.term) is not None:
            quoted = tokens[i][1]
            if i == 0 or quoted:
                found = Term(found.key, found.word, found.kind, found.capitalised, i == 0, quoted)
            terms.append(found)
            if i not in clause:
                claim.add(found.key)
        i += 1
    return tuple(terms), (frozenset(claim) if clause else None)


# Reporting verbs that open or close a clause saying who speaks ("Police said", ", a spokesman
# told reporters."): the neutral and common ones of the attribution list (data/synonyms.toml),
# not verbs that may be the event itself ("announced", "revealed", "reported", "declared").
_SPEAKING = frozenset(
    {
        *("said", "says", "say", "told", "tells", "tell", "added", "adds", "stated", "explained"),
        *("noted", "wrote", "according"),
    }
)
# Bare forms open no clause: "want to say", "did not tell".
_NOT_OPENING = frozenset({"say", "tell", "according"})
# Words that may follow the verb of a closing clause, besides capitalised ones (a name, a
# weekday): where and when it was said ("said in a videotaped message", "said at the site of
# the fire Tuesday", "said this morning", "told the BBC"), and a speaker's lower-case role
# after an inverted verb ("said city fire chief Ann Lee").
_AFTER_SPEAKING = frozenset(
    {
        *("in", "on", "at", "of", "the", "a", "an", "to", "during", "after", "before", "from"),
        *("statement", "interview", "message", "conference", "news", "press", "briefing"),
        *("videotaped", "written", "emailed", "televised", "site", "scene", "fire", "court"),
        *("yesterday", "today", "tonight", "earlier", "later", "this", "last", "morning"),
        *("afternoon", "evening", "night", "week", "reporters", "journalists"),
        *("spokesman", "spokeswoman", "spokesperson", "official", "officer", "chief"),
        *("director", "president", "minister", "police", "fire", "city", "county", "state"),
        *("public", "safety", "department", "agency", "executive", "manager", "lawyer"),
    }
)
# Words that cannot stand in a speaker's description before an opening verb: a relative
# pronoun or a verb makes the subject a claim of its own ("The gunman who shot ten people told
# police ...").
_NOT_SPEAKER = frozenset({"who", "which", "that", "whose", "whom", "after", "when", "because"})
# Words that may follow the verb of an opening clause, before what is said: its addressee
# ("told reporters", "told the BBC", "told CNN") and "that".
_ADDRESSEE = frozenset({"reporters", "journalists", "the", "a", "an", "that"})
# An attribution clause holds at most this many words: a longer stretch is a claim of its own.
_CLAUSE_MAX_WORDS = 12
# Punctuation or a quotation mark between two words: a clause boundary.
_BREAK = re.compile('[,;:()"\u201c\u201d\u00ab\u00bb\u2014\u2013]|--')


def _attribution_clause(
    words: Sequence[str], tokens: Sequence[tuple[str, bool]], gaps: Sequence[str]
) -> frozenset[int]:
    """Token positions of the clause that says who speaks: an opening one ("White House press
    secretary Jane Roe told reporters (that) ...", "According to police, ...") or a closing one
    ("..., police spokesman John Smith said on Monday.", '...," said Smith.'). ``tokens`` are
    (written, quoted), ``gaps`` the text before each (punctuation is no token); a quoted word is
    a speaker's, never the attribution. The words that name and describe a
    speaker say who says it, not what is said: two sentences sharing only these share no claim
    (issue 9: names, job titles and attribution phrases carry no match).
    """
    n = len(words)
    found: set[int] = set()
    if n >= 2 and words[0] == "according" and words[1] == "to":
        comma = next((k for k in range(2, min(n, _CLAUSE_MAX_WORDS)) if "," in gaps[k]), None)
        if comma is not None:
            found.update(range(comma))
    else:
        for v in range(1, min(n, _CLAUSE_MAX_WORDS)):
            if _BREAK.search(gaps[v]) or tokens[v][1] or tokens[v - 1][1]:
                break  # a clause or a quotation before the verb: no opening attribution
            if words[v] in _NOT_SPEAKER or words[v][:1].isdigit():
                break  # "The gunman who shot ten people ... told police": the subject is a claim
            if words[v] in _SPEAKING and words[v] not in _NOT_OPENING:
                end = v + 1
                while (
                    end < n
                    and end - v <= 3
                    and not _BREAK.search(gaps[end])
                    and (words[end] in _ADDRESSEE or tokens[end][0][:1].isupper())
                ):
                    end += 1
                if n - end >= 3:  # something is said after it
                    found.update(range(end))
                break
    # the closing clause: after the sentence's last comma, a reporting verb among its last
    # words ("..., Smith said on Monday.", '...," said Smith.'), not one that says more
    # ("..., told the BBC that attacks were spreading")
    comma = max((k for k in range(1, n) if "," in gaps[k]), default=None)
    if comma is not None and n - comma <= _CLAUSE_MAX_WORDS:
        verbs = [k for k in range(comma, n) if words[k] in _SPEAKING and not tokens[k][1]]
        # after the verb only who and when: a name, "in a statement", "on Monday" ("..., police
        # said the suspect fled" says a claim after it)
        if verbs and all(
            tokens[k][0][:1].isupper() or words[k] in _AFTER_SPEAKING
            for k in range(verbs[-1] + 1, n)
        ):
            found.update(range(comma, n))
    return frozenset(found)


def attribution_words(document: Document, sentence: Sentence) -> frozenset[str]:
    """The normalised words of the sentence's attribution clause (``_attribution_clause``:
    who speaks, their title, the reporting verb), empty when it has none."""
    tokens = _tokens(document, sentence)
    normalised = [_word(written).normalised for written, _ in tokens]
    if _SPEAKING.isdisjoint(normalised):
        return frozenset()
    clause = _attribution_clause(normalised, tokens, _gaps(sentence))
    return frozenset(normalised[k] for k in clause)


def _gaps(sentence: Sentence) -> list[str]:
    """The text before each word token of ``_tokens`` (its parts: "" before a later part)."""
    gaps: list[str] = []
    end = 0  # where the previous token ends, in the sentence's text
    for token, offset in zip(sentence.tokens, token_offsets(sentence), strict=True):
        at = offset - sentence.char_start
        gaps += [sentence.text[end:at]] + [""] * (len(compound_parts(token)) - 1)
        end = max(end, at + len(token))
    return gaps


class _Word(NamedTuple):
    """What a written word is to ``_terms``, whatever sentence it stands in."""

    normalised: str
    starts_phrase: bool  # the first word of a listed spelling, marker or attribution phrase
    abbreviation: str | None  # the listed term of a capitalised abbreviation ("U.S.")
    term: Term | None  # its content or title term, as a later word outside quotation marks


@lru_cache(maxsize=65536)
def _word(written: str) -> _Word:
    word = normalise(written)
    verbs, titles = _attribution_words()
    term = None
    if is_content_word(word) and word not in verbs:
        kind = "title" if word in titles else "content"
        term = Term(stem(word), word, kind, written[0].isupper(), False, False)
    abbreviation = _listed_names()[1].get(written.replace(".", ""))
    return _Word(word, word in _phrase_starts(), abbreviation, term)


def _marker_width(words: Sequence[_Word], i: int) -> int:
    """The word count of the longest discourse marker or attribution phrase at ``i``, or 0."""
    markers, prefixes = _discourse_markers()
    return _longest(words, i, prefixes, markers.__contains__)[0]


def _listed_name(words: Sequence[_Word], i: int) -> tuple[str, int] | None:
    """The listed name whose longest spelling starts at ``i``, with its word count."""
    spellings, _, prefixes = _listed_names()
    width, phrase = _longest(words, i, prefixes, spellings.__contains__)
    return (spellings[phrase], width) if width else None


def _longest(
    words: Sequence[_Word],
    i: int,
    prefixes: Set[tuple[str, ...]],
    listed: Callable[[tuple[str, ...]], bool],
) -> tuple[int, tuple[str, ...]]:
    """The longest listed phrase starting at ``i`` (width 0 for none), growing it one word at
    a time while it is a prefix of a listed one."""
    found: tuple[int, tuple[str, ...]] = (0, ())
    phrase: tuple[str, ...] = ()
    for word in itertools.islice(words, i, None):
        phrase = (*phrase, word.normalised)
        if phrase not in prefixes:
            break
        if listed(phrase):
            found = (len(phrase), phrase)
    return found


@cache
def _phrase_starts() -> frozenset[str]:
    """First words of every listed spelling, discourse marker and attribution phrase."""
    spellings = _listed_names()[0]
    markers = _discourse_markers()[0]
    return frozenset(p[0] for p in (*spellings, *markers))


def _tokens(document: Document, sentence: Sentence) -> list[tuple[str, bool]]:
    """Word tokens of a sentence, each with whether it stands inside quotation marks."""
    inside = _token_mask(document, sentence)
    if inside is None:
        return [(part, False) for token in sentence.tokens for part in compound_parts(token)]
    return [
        (part, quoted)
        for token, quoted in zip(sentence.tokens, inside, strict=True)
        for part in compound_parts(token)
    ]


def quoted_words(document: Document, sentence: Sentence) -> int:
    """How many of the sentence's word tokens stand inside quotation marks."""
    inside = _token_mask(document, sentence)
    return sum(inside) if inside is not None else 0


def _token_mask(document: Document, sentence: Sentence) -> tuple[bool, ...] | None:
    """For each word token of a sentence, whether it is quoted; None when none can be."""
    text = sentence.text
    if document.text[sentence.char_start : sentence.char_end] == text:
        inside = _quoted_mask(document.text)[sentence.char_start : sentence.char_end]
    else:  # a hand-built sentence whose offsets do not point into the text: judge it alone
        inside = _quoted_mask(text)
    if True not in inside:
        return None
    start, last = sentence.char_start, len(inside) - 1
    return tuple(inside[min(offset - start, last)] for offset in token_offsets(sentence))


# Bounded (issue 10): keyed by whole document texts, so a long batch run must not keep them
# all; 128 covers every document of one comparison (it is read once per sentence).
@lru_cache(maxsize=128)
def _quoted_mask(text: str) -> tuple[bool, ...]:
    """For each character, whether it lies inside quotation marks."""
    mask: list[bool] = []
    inside = False
    end = 0
    for found in _MASK_MARKS.finditer(text):  # other characters keep the state they find
        at, char = found.start(), found.group()
        mask.extend([inside] * (at - end))
        end = at + 1
        if char == "\n":
            # news style reopens a quote in each paragraph without closing it; a quote whose
            # next mark closes it runs on
            inside = inside and (continues_break(text, at) or quote_runs_on(text, at))
            mask.append(inside)
        elif char in _OPENING_QUOTES or (char == '"' and not inside):
            mask.append(inside)
            inside = True
        else:  # a closing mark, or a straight one inside quotes
            mask.append(inside)
            inside = False
    mask.extend([inside] * (len(text) - end))
    return tuple(mask)


@cache
def _idf() -> tuple[dict[str, float], float]:
    """IDF of stems in general news (data/idf_news.tsv) and the IDF of an unseen stem."""
    text = (files("framecmp") / "data" / "idf_news.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    n_documents = int(rows[0][1])
    table = {key: math.log((1 + n_documents) / (1 + int(n))) + 1 for key, n in rows[1:]}
    return table, math.log((1 + n_documents) / 2) + 1


@cache
def _synonyms() -> dict[str, Any]:
    return tomllib.loads((files("framecmp") / "data" / "synonyms.toml").read_text("utf-8"))


@cache
def _listed_names() -> tuple[dict[_Phrase, str], dict[str, str], frozenset[_Phrase]]:
    """Spellings from data/synonyms.toml: word sequences, capitalised abbreviations, and every
    leading part of a word sequence."""
    spellings: dict[tuple[str, ...], str] = {}
    abbreviations: dict[str, str] = {}
    for entry in _synonyms()["name"]:
        for spelling in entry["spellings"]:
            bare = spelling.replace(".", "")
            if bare.isupper() and " " not in spelling:
                abbreviations[bare] = entry["term"]
            else:
                spellings[tuple(normalise(w) for w in spelling.split())] = entry["term"]
    return spellings, abbreviations, _prefixes(spellings)


@cache
def _attribution_words() -> tuple[frozenset[str], frozenset[str]]:
    """Reporting verbs and words of attribution phrases (ignored) and office titles."""
    raw = _synonyms()["attribution"]
    return frozenset(raw["verbs"]) | frozenset(raw["sources"]), frozenset(raw["titles"])


@cache
def _discourse_markers() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """Discourse markers and attribution phrases from data/synonyms.toml, as word sequences
    (of two words or more: one word alone is never skipped), and every leading part of one."""
    raw = _synonyms()
    listed = [*raw["discourse"]["phrases"], *raw["attribution"]["phrases"]]
    phrases = frozenset(words for p in listed if len(words := tuple(p.split())) > 1)
    return phrases, _prefixes(phrases)


def _prefixes(phrases: Iterable[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    return frozenset(phrase[:n] for phrase in phrases for n in range(1, len(phrase) + 1))


def _names(sentences: Sequence[Sequence[Term]]) -> frozenset[str]:
    """Keys written only with a capital, and with one somewhere other than a sentence start."""
    lower: set[str] = set()
    capital_inside: set[str] = set()
    for terms in sentences:
        for t in terms:
            if t.kind != "content":
                continue
            if not t.capitalised:
                lower.add(t.key)
            elif not t.initial:
                capital_inside.add(t.key)
    return frozenset(capital_inside - lower)


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
    """Pairs of keys (same first two letters) whose trigram Dice is at least VARIANT_DICE, in
    the order the all-pairs loop found them.

    Prefix filtering (Chaudhuri et al. 2006) keeps this near-linear in the vocabulary instead
    of quadratic: with trigrams ordered rarest first, two sets with Dice >= D share a trigram
    among the first ``n - ceil(D n / (2 - D)) + 1`` of each, so only keys that do are compared.
    """
    frequency = Counter(itertools.chain.from_iterable(grams.values()))
    # first two letters -> trigram -> keys with it in their prefix, in the order of ``grams``
    index: dict[str, dict[str, list[str]]] = {}
    for key, key_grams in grams.items():
        ranked = sorted(sorted(key_grams), key=frequency.__getitem__)
        by_gram = index.setdefault(key[:2], {})
        for gram in ranked[: _prefix_length(len(ranked))]:
            by_gram.setdefault(gram, []).append(key)
    candidates = {
        (left, right)
        for by_gram in index.values()
        for members in by_gram.values()
        for i, left in enumerate(members)
        for right in members[i + 1 :]
    }
    position = {key: i for i, key in enumerate(grams)}
    pairs = []
    for left, right in sorted(candidates, key=lambda p: (position[p[0]], position[p[1]])):
        g1, g2 = grams[left], grams[right]
        if 2 * len(g1 & g2) >= VARIANT_DICE * (len(g1) + len(g2)):
            pairs.append((left, right))
    return pairs


@cache
def _prefix_length(n: int) -> int:
    return n - math.ceil(VARIANT_DICE * n / (2 - VARIANT_DICE) - 1e-9) + 1


@lru_cache(maxsize=65536)
def _trigrams(key: str) -> frozenset[str]:
    padded = f"#{key}#"
    return frozenset({padded[i : i + 3] for i in range(len(padded) - 2)})


def _fold(term: Term, variants: Mapping[str, str]) -> Term:
    key = variants.get(term.key, term.key)
    if key == term.key:
        return term
    return Term(key, term.word, term.kind, term.capitalised, term.initial, term.quoted)
