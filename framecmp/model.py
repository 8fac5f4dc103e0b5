"""Plain, frozen dataclasses that travel between the pipeline stages.

Stages (load, clean, segment, align, event, terms, score, voices, render, report) import
only this module and ``errors``; ``api`` is the one place that chains them.
Sentences are referred to across stages by ``SentenceRef(doc, sentence)``: the document id
and the 0-based sentence index within that document.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from framecmp.errors import FramecmpError

# --- load / clean ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of capture noise taken out of an input, kept so reports can show it."""

    kind: str  # e.g. "metadata-header", "cookie-banner", "dateline", "repeated-caption"
    text: str


# The removal kind of a timestamp above the text ("Published: 10 Sep 2008"): the report's own
# date, which the same-event stage reads when no metadata gives one.
PUBLICATION_TIMESTAMP = "publication-timestamp"


@dataclass(frozen=True, slots=True)
class Article:
    """A loaded input: body text plus whatever metadata the input carried."""

    path: str  # as given on the command line; "-" for stdin, "<text 1>" for in-memory text
    text: str  # decoded, newlines normalised to "\n", metadata header fields taken out
    outlet: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) where known
    title: str | None = None
    url: str | None = None
    removed: tuple[Removal, ...] = ()  # what loading took out (metadata headers, HTML chrome)
    encoding: str | None = None  # the codec the input was decoded with ("utf-8", "cp1251")
    # Which record or feed entry of its file this is, whatever its position: the record's
    # id/guid, else its outlet and title, else its text's hash ("guid:123", "text:9f2c..."). A
    # store tells versions apart by it where there is no URL; None for a single-article file.
    record_id: str | None = None


@dataclass(frozen=True, slots=True)
class CleanText:
    """Article body with capture noise removed, and what was removed."""

    text: str  # paragraphs separated by "\n"
    removed: tuple[Removal, ...]
    outlet_hint: str | None = None  # e.g. "TASS" from the dateline "/TASS/."
    place_hint: str | None = None  # e.g. "Bishkek" from the dateline "BISHKEK, November 27."


# --- segment -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a cleaned document; offsets point into ``Document.text``."""

    index: int  # 0-based position within its document
    paragraph: int  # 0-based paragraph number
    text: str
    char_start: int
    char_end: int
    tokens: tuple[str, ...]  # word tokens as written, punctuation dropped


@dataclass(frozen=True, slots=True)
class Document:
    """One input after load, clean and segment: the per-document unit that can be stored."""

    doc_id: str  # short, unique within a comparison: "tass", "cgtn", "d3"
    outlet: str  # human label: from --label, metadata, dateline or file name
    path: str
    text: str  # cleaned text; sentence offsets point into it
    sentences: tuple[Sentence, ...]
    removed: tuple[Removal, ...] = ()
    date: str | None = None
    title: str | None = None
    url: str | None = None
    place: str | None = None
    encoding: str | None = None  # the input's detected or given encoding
    language: str | None = None  # ISO 639-1 code detected from the text ("en", "ru")

    @property
    def n_tokens(self) -> int:
        return sum(len(s.tokens) for s in self.sentences)


@dataclass(frozen=True, slots=True, order=True)
class SentenceRef:
    doc: str
    sentence: int


# --- align --------------------------------------------------------------------------------

# "conflicting": the same claim with other facts (ClaimRelation.CONFLICTING), never a paraphrase
RELATIONS = ("same-quote", "paraphrase", "conflicting", "related")


class ClaimRelation(StrEnum):
    """How two aligned sentences that carry the same claim differ (what a researcher filters on)."""

    EQUIVALENT = "equivalent"  # the same claim, no difference worth naming
    ADDS_DETAIL = "adds-detail"  # one side says more (a number, a place, a clause)
    CONFLICTING = "conflicting"  # numbers, dates, places or outcome differ; never a paraphrase
    MODALITY = "modality"  # did vs plans to / may / will
    ATTRIBUTION = "attribution"  # who says it, or said vs claimed/alleged
    WORDING = "wording"  # a loaded term swapped inside the same claim (Kiev/Kyiv, war/conflict)
    # the two sentences are in different languages: the rules read English words (modal verbs,
    # negations, loaded terms), so no difference is named
    ACROSS_LANGUAGES = "across-languages"


class DifferenceKind(StrEnum):
    """What differs between two claims that conflict."""

    NUMBER = "number"  # 200 / 2,000 homes
    MONTH = "month"  # in June / in July
    WEEKDAY = "weekday"  # struck on Sunday / struck on Monday
    PLACE = "place"  # near Jayapura / near Manokwari
    NEGATION = "negation"  # confirmed / did not confirm
    OUTCOME = "outcome"  # convicted / acquitted (data/opposites.toml)


@dataclass(frozen=True, slots=True)
class ClaimDifference:
    """One difference of a conflicting pair: side a's words and side b's words."""

    kind: DifferenceKind
    a: tuple[str, ...]
    b: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """Two sentences of different documents that report the same claim or quote."""

    a: SentenceRef
    b: SentenceRef
    relation: str  # one of RELATIONS
    score: float  # 0..1, higher is closer
    shared_terms: tuple[str, ...] = ()  # evidence: the words that made the match
    claim_relation: ClaimRelation = ClaimRelation.EQUIVALENT
    relation_evidence: tuple[str, ...] = ()  # the words that show the relation ("200" / "2,000")
    # a conflicting pair: every difference found, in the order of the rules (number first)
    differences: tuple[ClaimDifference, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """Aligned sentences across outlets joined into one claim (a connected component)."""

    id: str  # "c1", "c2", ... in order of first appearance
    members: tuple[SentenceRef, ...]
    outlets: tuple[str, ...]  # doc ids that carry the claim, sorted


class Aligner(StrEnum):
    """Which scorer decides that two sentences carry the same claim."""

    LEXICAL = "lexical"  # the fitted pair scorer over shared words (default)
    SEMANTIC = "semantic"  # plus a multilingual sentence embedding (framecmp[semantic])

    @classmethod
    def of(cls, name: str) -> Aligner:
        """The aligner named ``name``, or an error that lists the choices."""
        try:
            return cls(name)
        except ValueError:
            choices = " or ".join(a.value for a in cls)
            raise FramecmpError(f"unknown aligner {name!r}; choose {choices}") from None


class Coverage(StrEnum):
    """What the alignment says of one sentence: the three states a reader gets."""

    ALIGNED = "aligned"  # paired with a sentence carrying the same claim
    POSSIBLY_COVERED = "possibly-covered"  # unpaired, but another report has a close sentence
    UNIQUE = "unique"  # no other report has a sentence close to it


@dataclass(frozen=True, slots=True)
class PossibleCounterpart:
    """A sentence of another report close to an unpaired one, shown for the reader to check."""

    doc: str
    sentence: int  # 0-based index within ``doc``
    # the pair scorer's probability of the same statement, 0..1 (semantic aligner: mixed with
    # the sentence encoder's cosine, the score its threshold is compared with)
    score: float
    shared_terms: tuple[str, ...]  # the words the two sentences share

    @property
    def ref(self) -> SentenceRef:
        return SentenceRef(self.doc, self.sentence)


class CoveredBy(StrEnum):
    """Why an unpaired sentence is not called unique."""

    NEAR_SENTENCE = "near-sentence"  # a sentence elsewhere comes close to the same statement
    SHARED_WORDS = "shared-words"  # a sentence elsewhere holds many of its words, names included
    # semantic aligner only: a sentence elsewhere is close in meaning by the sentence encoder
    CLOSE_MEANING = "close-meaning"
    SHARED_NUMBER = "shared-number"  # a sentence elsewhere holds one of its numbers


@dataclass(frozen=True, slots=True)
class PossiblyCovered:
    """An unpaired sentence that is not called unique: its nearest sentences elsewhere."""

    sentence: int  # 0-based index within its document
    # closest first; SHARED_WORDS: the sentences holding most of its words first;
    # CLOSE_MEANING: the sentences closest in meaning first
    candidates: tuple[PossibleCounterpart, ...]
    covered_by: CoveredBy = CoveredBy.NEAR_SENTENCE
    # SHARED_WORDS: the largest share of its word weight (IDF, names included) one holds
    word_share: float | None = None
    # CLOSE_MEANING: the highest sentence-encoder cosine with a sentence elsewhere
    cosine: float | None = None


@dataclass(frozen=True, slots=True)
class Alignment:
    pairs: tuple[AlignedPair, ...]
    # doc id -> indexes of sentences aligned to nothing and close to no sentence elsewhere
    unique: Mapping[str, tuple[int, ...]]
    claims: tuple[Claim, ...]
    aligner: Aligner
    min_score: float
    # doc id -> its unpaired sentences another report may cover, by sentence index
    possibly_covered: Mapping[str, tuple[PossiblyCovered, ...]] = field(default_factory=dict)

    def coverage(self, ref: SentenceRef) -> Coverage:
        """The state of one sentence: aligned, possibly covered elsewhere, or unique; a
        KeyError for a sentence the alignment does not hold (a wrong document id or index)."""
        if ref.sentence in self.unique.get(ref.doc, ()):
            return Coverage.UNIQUE
        if any(c.sentence == ref.sentence for c in self.possibly_covered.get(ref.doc, ())):
            return Coverage.POSSIBLY_COVERED
        if any(ref in (pair.a, pair.b) for pair in self.pairs):
            return Coverage.ALIGNED
        raise KeyError(f"{ref.doc} s{ref.sentence}: no such sentence in this alignment")


# --- event --------------------------------------------------------------------------------


# How Comparison.warnings word the same-event warnings (reports and the CLI show their own,
# with the pairs and signals, so they recognise these by their opening).
NOT_ONE_EVENT_WARNING = "these inputs do not look like reports of the same event"
CANNOT_TELL_WARNING = "cannot tell whether these inputs report one event"
SAME_EVENT_WARNINGS = (NOT_ONE_EVENT_WARNING, CANNOT_TELL_WARNING)


class EventRelation(StrEnum):
    """The three answers to "do these reports cover the same event?"."""

    SAME_EVENT = "same-event"
    SAME_STORY = "same-story"  # the same story, a different development (a follow-up days later)
    DIFFERENT_EVENTS = "different-events"
    # Written in different languages: the model reads the words two reports share, so it
    # cannot tell (a Russian and an English report of one event share almost none).
    UNDETERMINED = "undetermined"


@dataclass(frozen=True, slots=True)
class EventSignal:
    """One piece of evidence for or against two documents reporting the same event."""

    name: str  # e.g. "date", "place", "shared-quotes", "aligned-share", "rare-terms"
    value: float  # the measured value, 0..1
    weight: float  # its weight in the pair score
    detail: str  # human-readable evidence: the dates, places, quotes or terms behind it


@dataclass(frozen=True, slots=True)
class PairEventVerdict:
    a: str
    b: str
    score: float
    same_event: bool
    signals: tuple[EventSignal, ...]
    relation: EventRelation = EventRelation.DIFFERENT_EVENTS
    # The pair's own probability when ``score`` is the one in context of the other inputs
    # (three or more documents; analysis/event_context.py); None when judged alone.
    pair_score: float | None = None


@dataclass(frozen=True, slots=True)
class SameEventVerdict:
    verdict: bool  # True when every document reports the same event
    # the lowest pair score (probability of the same event) of the pairs it could judge (all
    # pairs when it could judge none)
    score: float
    threshold: float
    pairs: tuple[PairEventVerdict, ...]
    relation: EventRelation = EventRelation.SAME_EVENT  # the weakest pair relation


@dataclass(frozen=True, slots=True)
class QuoteEvidence:
    """A quote reduced to what identifies it: its speaker and its 4-word shingles."""

    speaker: str | None
    shingles: tuple[str, ...]  # sorted "w1 w2 w3 w4" runs of normalised words


@dataclass(frozen=True, slots=True)
class EventEvidence:
    """What one document says about its event, computed once; pairs are judged from it.

    Plain fields only (``dataclasses.asdict`` gives JSON), so a corpus store can keep it.
    """

    doc_id: str
    published: str | None  # ISO date from the document's metadata
    event_date: str | None  # ISO date the lead is about; None when the text does not say
    event_date_source: str | None  # "lead-date", "lead-weekday", "dateline", "publication"...
    event_date_detail: str  # the words the event date was read from
    lead_terms: tuple[str, ...]  # sorted content words of the headline and lead sentences
    term_counts: tuple[tuple[str, int], ...]  # content words of the whole text, with counts
    name_counts: tuple[tuple[str, int], ...]  # capitalised words not opening a sentence
    numbers: tuple[str, ...]  # sorted numbers as written without separators, years excluded
    places: tuple[str, ...]  # sorted event places: dateline, "press conference in X"
    quotes: tuple[QuoteEvidence, ...] = ()
    lead_numbers: tuple[str, ...] = ()  # sorted numbers of the lead sentences, years excluded
    lead_weekdays: tuple[str, ...] = ()  # sorted weekday names of the lead ("tuesday")
    lead_months: tuple[str, ...] = ()  # sorted month names of the lead ("december")
    language: str | None = None  # ISO 639-1 code detected at load; None: too little text


# --- lexicons -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LexiconTerm:
    """One wording of a category: a display label and the patterns that match it."""

    label: str  # e.g. "Kiev"
    patterns: tuple[str, ...]  # lower-case; "word", "multi word phrase", "stem*"


@dataclass(frozen=True, slots=True)
class LexiconCategory:
    id: str  # e.g. "security"
    label: str
    description: str
    terms: tuple[LexiconTerm, ...]
    exclude: tuple[str, ...] = ()  # patterns that must not count, e.g. "warm*" for "war*"
    grade: str | None = None  # attribution verbs: "neutral", "emphatic", "doubting"


@dataclass(frozen=True, slots=True)
class Lexicon:
    name: str
    kind: str  # "frames", "terminology", "attribution", "hedges"
    version: str
    description: str
    source: str
    licence: str
    categories: tuple[LexiconCategory, ...]
    origin: str  # "bundled:frames" or a file path
    # False: a match inside a name of two or more capitalised words ("Doctor Who", "US
    # Geological Survey", "Vanity Fair") does not count
    count_in_names: bool = True
    # False: a match right after an article, demonstrative, possessive or number modifies a
    # noun and does not count ("the alleged gunman", "nine alleged violations")
    count_after_determiner: bool = True


# --- terms and lexicon scores --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PairSimilarity:
    a: str
    b: str
    cosine: float  # TF-IDF cosine of the whole documents, 0..1
    shared_terms: tuple[str, ...]  # the terms contributing most to the cosine


@dataclass(frozen=True, slots=True)
class DistinctiveTerm:
    """A term used more by one document than by the others, with its statistics."""

    doc: str
    term: str  # unigram or bigram ("special military")
    count: int  # occurrences in this document
    other_count: int  # occurrences in the other documents of the comparison
    tfidf: float
    log_odds: float  # log-odds ratio with informative Dirichlet prior (Monroe et al. 2008)
    z: float  # z-score of log_odds; |z| >= 1.96 is significant at 5% (per term, uncorrected)
    sentences: tuple[int, ...]  # where it occurs in this document
    quoted_count: int = 0  # occurrences inside direct quotes (not counted above)
    speakers: tuple[str, ...] = ()  # who says it inside quotes, sorted


@dataclass(frozen=True, slots=True)
class LexiconHit:
    term: str  # the wording's label, e.g. "Kiev"
    matched: str  # the text as it appears, e.g. "Kiev's"
    sentence: int
    quoted: bool = False  # inside a direct quotation: a speaker's words, not the outlet's
    speaker: str | None = None  # who is quoted, where the text says so


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """How often one document uses one lexicon category, with every hit as evidence."""

    lexicon: str
    kind: str
    category: str
    doc: str
    count: int  # every hit, narration and quotes
    per_1000_tokens: float
    hits: tuple[LexiconHit, ...]
    narration_count: int = 0  # hits in the outlet's own words (outside direct quotes)
    narration_per_1000_tokens: float = 0.0  # per 1,000 narration tokens
    quoted_count: int = 0  # hits inside direct quotes
    quoted_per_1000_tokens: float = 0.0  # per 1,000 quoted tokens


@dataclass(frozen=True, slots=True)
class RateDifference:
    """Difference in a category's rate per 1,000 tokens between two documents."""

    lexicon: str
    category: str
    a: str
    b: str
    difference: float  # narration rate(a) - narration rate(b), per 1,000 narration tokens
    ci_low: float  # 95% bootstrap interval over sentences
    ci_high: float
    significant: bool  # False when the interval contains 0
    p_value: float = 1.0  # two-sided bootstrap p-value
    q_value: float = 1.0  # Benjamini-Hochberg adjusted over every frame test of the report


# --- voices ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quote:
    doc: str
    text: str  # the words inside the quotation marks
    sentences: tuple[int, ...]
    speaker: str | None  # canonical speaker ("Putin") where the text says who
    verb: str | None  # the attribution verb ("said", "insisted")
    char_start: int = 0  # offsets of the quoted words in Document.text (marks excluded)
    char_end: int = 0


@dataclass(frozen=True, slots=True)
class SpeakerStat:
    name: str
    quotes: int
    tokens: int
    verbs: tuple[str, ...]  # sorted, unique


@dataclass(frozen=True, slots=True)
class Voices:
    doc: str
    quoted_share: float  # share of tokens inside direct quotes, 0..1
    speakers: tuple[SpeakerStat, ...]
    unattributed_quotes: int = 0  # direct quotes whose speaker the text does not say
    unattributed_tokens: int = 0


@dataclass(frozen=True, slots=True)
class Tone:
    doc: str
    mean_compound: float  # VADER compound score averaged over sentences, -1..1
    sentences: tuple[tuple[int, float], ...]  # (sentence index, compound)
    narration_compound: float = 0.0  # mean over sentences with quoted words taken out
    quoted_compound: float | None = None  # mean over the document's quotes; None without any


# --- the whole comparison -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Settings:
    min_score: float
    aligner: Aligner
    lexicons: tuple[str, ...]  # lexicon names used
    seed: int
    stem_terms: bool = False  # distinctive terms merge inflections (negotiations/negotiating)


@dataclass(frozen=True, slots=True)
class Comparison:
    """Everything framecmp found about a set of documents; what reports render."""

    documents: tuple[Document, ...]
    settings: Settings
    alignment: Alignment
    same_event: SameEventVerdict
    similarity: tuple[PairSimilarity, ...]
    distinctive_terms: tuple[DistinctiveTerm, ...]
    lexicon_scores: tuple[CategoryScore, ...]
    rate_differences: tuple[RateDifference, ...] = ()
    quotes: tuple[Quote, ...] = ()
    voices: tuple[Voices, ...] = ()
    tone: tuple[Tone, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def document(self, doc_id: str) -> Document:
        for document in self.documents:
            if document.doc_id == doc_id:
                return document
        raise KeyError(doc_id)
