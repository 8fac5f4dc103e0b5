"""The report sections computed once, as frozen dataclasses every format draws.

Text here is raw article text: each renderer escapes it for its own format (the Jinja2
templates through their ``h`` and ``md`` filters, the terminal through rich ``Text``).
Every section of the Markdown and HTML reports is built here (the header, summary, same event,
documents, similarity, coverage, aligned and unique sentences, reading view, distinctive terms,
frames with their differences, terminology, attribution verbs, hedges, voices, tone, removed
noise, warnings, the sentence list); the terminal view reads the same sections.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

import framecmp
from framecmp.analysis.event_evidence import publication_in_text
from framecmp.analysis.score import narration_token_count
from framecmp.model import Aligner, ClaimRelation, CoveredBy, EventRelation, SentenceRef
from framecmp.report import views
from framecmp.report.diff import Segment, split_diff, words_not_in

if TYPE_CHECKING:
    from framecmp.model import AlignedPair, CategoryScore, Comparison, Document, PossiblyCovered

EMPTY = "\u2014"  # an em dash in an empty cell

_P = ParamSpec("_P")
_T = TypeVar("_T")
# (section, id(comparison), arguments) -> section, while ``shared_sections`` is active.
_SHARED: ContextVar[dict[tuple[object, ...], object] | None] = ContextVar(
    "framecmp_shared_sections", default=None
)


@contextmanager
def shared_sections() -> Iterator[None]:
    """Inside this block each section of a comparison is built once, however many formats
    draw it (batch renders Markdown and HTML of every event; both read the same sections)."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def _shared(
    build: Callable[Concatenate[Comparison, _P], _T],
) -> Callable[Concatenate[Comparison, _P], _T]:
    @functools.wraps(build)
    def section(comparison: Comparison, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        memo = _SHARED.get()
        if memo is None:
            return build(comparison, *args, **kwargs)
        # The comparison outlives the block, so its id names it there.
        key = (build.__name__, id(comparison), args, tuple(sorted(kwargs.items())))
        if key not in memo:
            memo[key] = build(comparison, *args, **kwargs)
        return memo[key]  # type: ignore[return-value]

    return section


TITLE_CHARS = 80
REMOVED_CHARS = 80
TONE_CHARS = 100


@dataclass(frozen=True)
class Outlet:
    """A document's outlet label, with its id when the id adds something."""

    label: str
    doc_id: str | None


@dataclass(frozen=True)
class DocumentRow:
    outlet: str
    doc_id: str
    date: str
    place: str
    title: str
    sentences: int
    tokens: int
    own_words: int  # tokens outside direct quotes: what every narration rate divides by
    removed: int


@dataclass(frozen=True)
class DocumentsSection:
    title: str
    header: tuple[str, ...]
    rows: tuple[DocumentRow, ...]


@dataclass(frozen=True)
class RemovedRow:
    outlet: Outlet
    kind: str
    text: str


@dataclass(frozen=True)
class RemovedSection:
    title: str
    note: str
    header: tuple[str, ...]
    rows: tuple[RemovedRow, ...]
    empty: str


@dataclass(frozen=True)
class WarningsSection:
    title: str
    warnings: tuple[str, ...]
    empty: str


@dataclass(frozen=True)
class SimilarityRow:
    a: Outlet
    b: Outlet
    cosine: str
    shared_terms: str


@dataclass(frozen=True)
class SimilaritySection:
    title: str
    note: str
    header: tuple[str, ...]
    rows: tuple[SimilarityRow, ...]
    empty: str


@dataclass(frozen=True)
class NumberedSentence:
    doc: str
    index: int
    text: str


@dataclass(frozen=True)
class SentenceGroup:
    outlet: Outlet
    sentences: tuple[NumberedSentence, ...]


@dataclass(frozen=True)
class NearSentence:
    """A possible counterpart of an unpaired sentence: a sentence of another report."""

    outlet: Outlet
    doc: str
    index: int
    score: str
    shared_terms: str


@dataclass(frozen=True)
class CoveredSentence:
    """An unpaired sentence another report may cover, with its nearest sentences there."""

    doc: str
    index: int
    text: str
    near: tuple[NearSentence, ...]
    basis: str  # why it is not called unique: "nearest", or the share of its words held


@dataclass(frozen=True)
class UniqueGroup:
    """One document's unique sentences and its possibly covered ones."""

    outlet: Outlet
    sentences: tuple[NumberedSentence, ...]
    covered: tuple[CoveredSentence, ...]


@dataclass(frozen=True)
class UniqueSection:
    title: str
    note: str
    groups: tuple[UniqueGroup, ...]
    empty: str
    covered_title: str


@dataclass(frozen=True)
class MostNegative:
    sentence: NumberedSentence
    compound: str


@dataclass(frozen=True)
class ToneRow:
    outlet: Outlet
    mean_compound: str  # every word, quotes included
    most_negative: MostNegative | None
    narration: str = ""  # the outlet's own words (quoted words taken out)
    quoted: str = ""  # the words it quotes; views.EMPTY without a quote


@dataclass(frozen=True)
class ToneSection:
    title: str
    caveat: str
    header: tuple[str, ...]
    rows: tuple[ToneRow, ...]
    empty: str


@dataclass(frozen=True)
class VoicesRow:
    outlet: Outlet
    quoted_share: str
    speakers: tuple[str, ...]


@dataclass(frozen=True)
class QuoteContrast:
    """Two aligned quotes of one speaker, as word-diff segments (op, words)."""

    speaker: str
    left_outlet: Outlet
    left: tuple[Segment, ...]
    right_outlet: Outlet
    right: tuple[Segment, ...]


@dataclass(frozen=True)
class VoicesSection:
    title: str
    note: str
    header: tuple[str, ...]
    rows: tuple[VoicesRow, ...]
    empty: str
    contrasts_title: str
    contrasts_header: tuple[str, ...]
    contrasts: tuple[QuoteContrast, ...]
    no_contrasts: str


@dataclass(frozen=True)
class SummarySection:
    title: str
    verdict: str
    statistics: str
    differences_title: str
    differences: tuple[str, ...]


@dataclass(frozen=True)
class EventWarning:
    """The alarm shown at the top when the inputs look like different events."""

    title: str
    first: str
    pairs: tuple[str, ...]


@dataclass(frozen=True)
class SignalRow:
    name: str
    value: str
    weight: str
    detail: str


@dataclass(frozen=True)
class EventPairRow:
    a: Outlet
    b: Outlet
    score: str
    same_event: bool
    signals: tuple[SignalRow, ...]
    judged: str = "same event"  # the pair's relation in words ("different event", ...)


@dataclass(frozen=True)
class SameEventSection:
    title: str
    same_event: bool
    score: str
    threshold: str
    header: tuple[str, ...]
    pairs: tuple[EventPairRow, ...]
    undetermined: bool = False  # no pair another event, some not judged (two languages)


class Carried(StrEnum):
    """Whether an outlet carries a shared claim, as the coverage matrix shows it."""

    YES = "yes"  # one of its sentences is aligned into the claim
    # none is, but one of its sentences is possibly covered by a sentence of the claim: the
    # aligner left the pair under its threshold, so "absent" would be a claim it cannot make
    POSSIBLY = "possibly"
    NO = "no"


@dataclass(frozen=True)
class ClaimRow:
    claim_id: str
    text: str  # whole; each format cuts it to its own width
    carried: tuple[Carried, ...]  # per document, in the user's order


@dataclass(frozen=True)
class CoverageSection:
    title: str
    note: str
    outlets: tuple[Outlet, ...]
    rows: tuple[ClaimRow, ...]
    empty: str


@dataclass(frozen=True)
class TermRow:
    term: str
    z: str
    significant: bool
    count: int
    other_count: int
    quoted_count: int
    quoted: str  # "3 (Putin)", empty when no quoted use
    sentences: tuple[int, ...]  # sorted, unique


@dataclass(frozen=True)
class TermGroup:
    outlet: Outlet
    doc: str
    terms: tuple[TermRow, ...]


@dataclass(frozen=True)
class DistinctiveSection:
    title: str
    note: str
    show_significance: bool  # only when some term is significant: no column of "no"
    groups: tuple[TermGroup, ...]
    empty: str


@dataclass(frozen=True)
class Wording:
    term: str
    count: int
    sentences: tuple[int, ...]  # sorted, unique


@dataclass(frozen=True)
class ScoreCell:
    """One document's score for one lexicon category."""

    doc: str
    present: bool  # False: the document has no score for this category
    rate: str  # narration rate with counts, "12.5 (3) +2 quoted"; empty when not present
    hits: bool
    wordings: tuple[Wording, ...]  # narration wordings
    narration: (
        str  # the wordings as one line: "war x2 (s1, s3); conflict x1 (s4)" (multiplication sign)
    )
    quoted: str  # "quoted: war x1 (Smith; s3)", or empty


@dataclass(frozen=True)
class ScoreRow:
    key: str
    cells: tuple[ScoreCell, ...]  # per document, in the user's order


@dataclass(frozen=True)
class ScoreSection:
    """The table of one lexicon kind (frames, terminology, attribution, hedges)."""

    title: str
    kind: str
    key_header: str
    note: str
    outlets: tuple[Outlet, ...]
    rows: tuple[ScoreRow, ...]
    empty: str


@dataclass(frozen=True)
class DifferenceRow:
    category: str
    a: Outlet
    b: Outlet
    difference: str
    ci_low: str
    ci_high: str
    q_value: str
    reading: str


@dataclass(frozen=True)
class DifferencesSection:
    title: str
    note: str
    rows: tuple[DifferenceRow, ...]
    empty: str


SCORE_SECTIONS = {
    "frames": ("Frames", "frame", "Hits per 1,000 tokens (count in brackets). "),
    "terminology": (
        "Terminology",
        "concept",
        "Which wording each outlet uses for a concept (count, sentences). ",
    ),
    "attribution": (
        "Attribution verbs",
        "category",
        "Per 1,000 tokens (count), then the wordings found (sentences). ",
    ),
    "hedges": (
        "Hedges",
        "category",
        "Per 1,000 tokens (count), then the wordings found (sentences). ",
    ),
}


@dataclass(frozen=True)
class AlignedRow:
    """One aligned pair, each side as word-diff segments (op, words)."""

    relation: str  # as shown: the aligner's relation, or "conflicting"
    a: NumberedSentence
    left: tuple[Segment, ...]
    b: NumberedSentence
    right: tuple[Segment, ...]
    score: str
    claims_differ: str  # "conflicting: 200 / 2,000"
    shared_terms: str


@dataclass(frozen=True)
class RelationGroup:
    relation: str
    rows: tuple[AlignedRow, ...]


@dataclass(frozen=True)
class AlignedGroup:
    """The pairs of two documents: in aligner order, and grouped by relation."""

    a: Outlet
    b: Outlet
    rows: tuple[AlignedRow, ...]
    relations: tuple[RelationGroup, ...]


@dataclass(frozen=True)
class AlignedSection:
    title: str
    groups: tuple[AlignedGroup, ...]
    empty: str


READING_MAX_OUTLETS = 8  # more columns than this are too narrow to read, on screen or paper


@dataclass(frozen=True)
class Partner:
    outlet_label: str
    doc: str
    index: int
    # how the pair's claims differ, this sentence's words first ("conflicting: 12 / 21",
    # "modality: will"); empty for an equivalent pair
    relation: str = ""
    conflicting: bool = False


@dataclass(frozen=True)
class ReadingSentence:
    """A sentence in the reading view; an unpaired one has no partners and no marked words."""

    doc: str
    index: int
    text: str
    segments: tuple[Segment, ...]  # INSERT: a content word none of its counterparts uses
    partners: tuple[Partner, ...]
    near: tuple[Partner, ...]  # an unpaired sentence's possible counterparts (possibly covered)


@dataclass(frozen=True)
class ReadingColumn:
    outlet: Outlet
    sentences: tuple[ReadingSentence, ...]


@dataclass(frozen=True)
class ReadingSection:
    title: str
    columns: tuple[ReadingColumn, ...]
    too_many: str  # shown instead of the columns when there are too few or too many outlets


@dataclass(frozen=True)
class SentencesSection:
    title: str
    note: str
    groups: tuple[SentenceGroup, ...]


@dataclass(frozen=True)
class Header:
    """The report's title and the settings that produced it."""

    outlets: tuple[str, ...]
    version: str
    aligner: Aligner
    min_score: str
    lexicons: tuple[str, ...]
    seed: int
    warning: EventWarning | None  # set when the inputs look like different events


# The last comparison's outlet labels: the big tables name two per row, hundreds of rows.
_last_outlets: list[tuple[Comparison, dict[str, Outlet]]] = []


def outlet(comparison: Comparison, doc: str) -> Outlet:
    """The outlet label of a document id."""
    last = _last_outlets[0] if _last_outlets else None
    if last is None or last[0] is not comparison:
        last = (comparison, {})
        _last_outlets[:] = [last]
    found = last[1].get(doc)
    if found is None:
        label, doc_id = views.outlet_parts(comparison, doc)
        found = last[1][doc] = Outlet(label, doc_id)
    return found


@_shared
def header(comparison: Comparison) -> Header:
    """Title, version and settings, and the different-events alarm when it applies."""
    settings = comparison.settings
    return Header(
        tuple(d.outlet for d in comparison.documents),
        framecmp.__version__,
        settings.aligner,
        views.fmt(settings.min_score),
        tuple(settings.lexicons),
        settings.seed,
        None if comparison.same_event.verdict else event_warning(comparison),
    )


@_shared
def summary(comparison: Comparison) -> SummarySection:
    """The short summary every format opens with: verdict, statistics, top differences."""
    verdict, note, *differences = views.summary_lines(comparison)
    return SummarySection("Summary", verdict, note, "Largest differences:", tuple(differences))


@_shared
def event_warning(comparison: Comparison) -> EventWarning:
    """Which pairs failed the same-event check and on what signals."""
    first, *pairs = views.event_warning_lines(comparison)
    return EventWarning(views.event_warning_title(comparison), first, tuple(pairs))


@_shared
def same_event(comparison: Comparison) -> SameEventSection:
    """The same-event verdict and every pair's score with its signals."""
    verdict = comparison.same_event
    pairs = tuple(
        EventPairRow(
            outlet(comparison, pair.a),
            outlet(comparison, pair.b),
            views.fmt(pair.score),
            pair.same_event,
            tuple(
                SignalRow(s.name, views.fmt(s.value), views.fmt(s.weight), s.detail)
                for s in sorted(pair.signals, key=lambda s: s.name)
            ),
            _JUDGED[pair.relation],
        )
        for pair in views.verdict_pairs(comparison)
    )
    return SameEventSection(
        "Same event?",
        verdict.verdict,
        views.fmt(verdict.score),
        views.fmt(verdict.threshold),
        ("pair", "score", "judged"),
        pairs,
        views.undetermined(comparison),
    )


_JUDGED = {
    EventRelation.SAME_EVENT: "same event",
    EventRelation.SAME_STORY: "same story, another development",
    EventRelation.DIFFERENT_EVENTS: "different event",
    EventRelation.UNDETERMINED: "cannot tell (different languages)",
}


@_shared
def coverage(comparison: Comparison) -> CoverageSection:
    """Which outlet carries which shared claim."""
    docs = [d.doc_id for d in comparison.documents]
    rows = []
    conflicts = views.claim_conflicts(comparison)
    # sentence -> the documents with a possibly covered sentence that names it as a candidate
    pointed_at: dict[SentenceRef, set[str]] = {}
    for doc, entries in comparison.alignment.possibly_covered.items():
        for entry in entries:
            for candidate in entry.candidates:
                pointed_at.setdefault(SentenceRef(candidate.doc, candidate.sentence), set()).add(
                    doc
                )
    for claim in views.sorted_claims(comparison):
        carried = {m.doc for m in claim.members} | set(claim.outlets)
        possibly = {doc for m in claim.members for doc in pointed_at.get(m, ())} - carried
        text = views.claim_text(comparison, claim)
        if claim.id in conflicts:
            # carried with other facts: a plain row would read as agreement
            text = f"[CONFLICTING: {'; '.join(conflicts[claim.id])}] {text}"
        cells = tuple(
            Carried.YES if d in carried else Carried.POSSIBLY if d in possibly else Carried.NO
            for d in docs
        )
        rows.append(ClaimRow(claim.id, text, cells))
    return CoverageSection(
        "Coverage",
        "Which outlet carries which claim (aligned sentences joined; a claim marked "
        "CONFLICTING is carried with different facts: see its aligned pairs). ? = not aligned, "
        "but a sentence of that outlet is possibly covered by one of the claim's sentences: "
        "check it under Possibly covered.",
        tuple(outlet(comparison, d) for d in docs),
        tuple(rows),
        "No claim is shared.",
    )


@_shared
def distinctive(comparison: Comparison) -> DistinctiveSection:
    """Each document's most distinctive terms (narration counts, quoted uses apart)."""
    groups = tuple(
        TermGroup(
            outlet(comparison, doc),
            doc,
            tuple(
                TermRow(
                    t.term,
                    views.fmt(t.z),
                    abs(t.z) >= views.SIGNIFICANT_Z,
                    t.count,
                    t.other_count,
                    t.quoted_count,
                    f"{t.quoted_count} ({', '.join(t.speakers) or 'unattributed'})"
                    if t.quoted_count
                    else "",
                    tuple(sorted(set(t.sentences))),
                )
                for t in terms[: views.TOP_TERMS]
            ),
        )
        for doc, terms in views.distinctive_by_doc(comparison).items()
    )
    note = (
        f"Log-odds with an informative Dirichlet prior; |z| \u2265 {views.SIGNIFICANT_Z} is "
        f"significant at 5% {views.TERMS_UNCORRECTED}. Counts are narration; quoted uses are "
        "listed apart. "
        "Sentence numbers are the evidence."
    )
    return DistinctiveSection(
        "Distinctive terms", note, bool(views.significant_terms(comparison)), groups, "None."
    )


def _score_cell(doc: str, score: CategoryScore | None) -> ScoreCell:
    if score is None:
        return ScoreCell(doc, False, "", False, (), "", "")
    found = views.wordings(score)
    return ScoreCell(
        doc,
        True,
        views.rate(score),
        bool(score.hits),
        tuple(Wording(term, count, tuple(sorted(set(at)))) for term, count, at in found),
        "; ".join(f"{term} \u00d7{count} ({views.sentence_list(at)})" for term, count, at in found),
        views.quoted_note(score),
    )


@_shared
def scores(comparison: Comparison, kind: str) -> ScoreSection:
    """One lexicon kind's categories (rows) by document (columns)."""
    title, key_header, note = SCORE_SECTIONS[kind]
    docs = [d.doc_id for d in comparison.documents]
    table = views.score_table(comparison, kind)
    empty = f"No {kind} lexicon was used."
    if kind == "terminology":
        # A concept no input words at all says nothing about these reports (a war lexicon's
        # place names under an earthquake): left out, and the note says how many.
        worded = [(k, by_doc) for k, by_doc in table if any(s.hits for s in by_doc.values())]
        if len(worded) < len(table):
            note += (
                f"{len(table) - len(worded)} of the lexicon's {len(table)} concepts are worded "
                "in no input and are left out (all are in the JSON report). "
            )
            empty = "No concept of the terminology lexicon is worded in these inputs."
        table = worded
    rows = tuple(
        ScoreRow(key, tuple(_score_cell(d, by_doc.get(d)) for d in docs)) for key, by_doc in table
    )
    return ScoreSection(
        title,
        kind,
        key_header,
        note + views.VOICE_NOTE,
        tuple(outlet(comparison, d) for d in docs),
        rows,
        empty,
    )


@_shared
def differences(comparison: Comparison) -> DifferencesSection:
    """Every frame rate difference with its bootstrap interval and BH-adjusted q."""
    rows = tuple(
        DifferenceRow(
            f"{r.lexicon}/{r.category}",
            outlet(comparison, r.a),
            outlet(comparison, r.b),
            views.fmt(r.difference, 1),
            views.fmt(r.ci_low, 1),
            views.fmt(r.ci_high, 1),
            views.fmt(r.q_value, 3),
            views.difference_reading(r),
        )
        for r in views.sorted_differences(comparison)
    )
    note = (
        "Narration rate of a minus narration rate of b, per 1,000 narration tokens, with a "
        f"95% bootstrap interval (seed {comparison.settings.seed}); q is the "
        "Benjamini-Hochberg adjusted p-value over every frame test of this report, and "
        "a difference is significant when q < 0.05."
    )
    return DifferencesSection("Differences", note, rows, "No rate differences were computed.")


def _aligned_row(comparison: Comparison, pair: AlignedPair) -> AlignedRow:
    a_text = views.sentence_text(comparison, pair.a)
    b_text = views.sentence_text(comparison, pair.b)
    left, right = split_diff(a_text, b_text)
    return AlignedRow(
        views.display_relation(pair),
        NumberedSentence(pair.a.doc, pair.a.sentence, a_text),
        left,
        NumberedSentence(pair.b.doc, pair.b.sentence, b_text),
        right,
        views.fmt(pair.score),
        views.claim_relation_label(pair, comparison),
        ", ".join(pair.shared_terms),
    )


@_shared
def aligned(comparison: Comparison) -> AlignedSection:
    """Every aligned pair, by pair of documents, with the words that differ."""
    groups = []
    for a, b, pairs in views.pairs_by_documents(comparison):
        rows = tuple(_aligned_row(comparison, pair) for pair in pairs)
        relations = tuple(
            RelationGroup(relation, tuple(r for r in rows if r.relation == relation))
            for relation in sorted({r.relation for r in rows}, key=views.relation_key)
        )
        groups.append(AlignedGroup(outlet(comparison, a), outlet(comparison, b), rows, relations))
    return AlignedSection("Aligned sentences", tuple(groups), "No sentence is aligned.")


@_shared
def reading(comparison: Comparison) -> ReadingSection:
    """Each outlet's article in its own column, aligned sentences marked (2 to 8 outlets)."""
    count = len(comparison.documents)
    if not 2 <= count <= READING_MAX_OUTLETS:
        text = (
            f"The reading view puts 2 to {READING_MAX_OUTLETS} outlets side by side; this "
            f"comparison has {count}. Aligned sentences and Sentences show them all."
        )
        return ReadingSection("Reading view", (), text)
    partners = views.aligned_partners(comparison)
    pair_of: dict[tuple[SentenceRef, SentenceRef], AlignedPair] = {}
    for pair in comparison.alignment.pairs:
        pair_of[(pair.a, pair.b)] = pair_of[(pair.b, pair.a)] = pair
    near = {
        (doc, c.sentence): c.candidates
        for doc in comparison.alignment.possibly_covered
        for c in views.possibly_covered(comparison, doc)
    }
    columns = []
    for document in comparison.documents:
        doc = document.doc_id
        sentences = []
        for sentence in document.sentences:
            me = SentenceRef(doc, sentence.index)
            others = partners.get((doc, sentence.index), [])
            close = near.get((doc, sentence.index), ())
            texts = [views.sentence_text(comparison, ref) for ref in others]
            against = [(ref, pair_of[(me, ref)]) for ref in others]
            marks = frozenset().union(*(views.conflict_marks(pair, me) for _, pair in against))
            sentences.append(
                ReadingSentence(
                    doc,
                    sentence.index,
                    sentence.text,
                    words_not_in(sentence.text, texts, marks) if others else (),
                    tuple(
                        Partner(
                            views.outlet_parts(comparison, ref.doc)[0],
                            ref.doc,
                            ref.sentence,
                            views.partner_relation(comparison, pair, me),
                            pair.claim_relation is ClaimRelation.CONFLICTING,
                        )
                        for ref, pair in against
                    ),
                    tuple(
                        Partner(views.outlet_parts(comparison, c.doc)[0], c.doc, c.sentence)
                        for c in close
                    ),
                )
            )
        columns.append(ReadingColumn(outlet(comparison, doc), tuple(sentences)))
    return ReadingSection("Reading view", tuple(columns), "")


@_shared
def sentences(comparison: Comparison) -> SentencesSection:
    """Every sentence of every document, numbered as every ``sN`` reference."""
    groups = tuple(
        SentenceGroup(
            outlet(comparison, d.doc_id),
            tuple(NumberedSentence(d.doc_id, s.index, s.text) for s in d.sentences),
        )
        for d in comparison.documents
    )
    note = "Every sentence of every outlet, numbered as the links above (s0 is the first)."
    return SentencesSection("Sentences", note, groups)


@_shared
def documents(comparison: Comparison) -> DocumentsSection:
    """One row per input document, in the user's order."""
    rows = tuple(
        DocumentRow(
            outlet=d.outlet,
            doc_id=d.doc_id,
            date=d.date or _date_in_text(d),
            place=d.place or EMPTY,
            title=views.truncate(d.title or EMPTY, TITLE_CHARS),
            sentences=len(d.sentences),
            tokens=d.n_tokens,
            own_words=narration_token_count(d, comparison.quotes),
            removed=len(d.removed),
        )
        for d in comparison.documents
    )
    header = (
        "outlet", "id", "date", "place", "title", "sentences", "tokens", "own words",
        "removed noise",
    )  # fmt: skip
    return DocumentsSection("Documents", header, rows)


def _date_in_text(document: Document) -> str:
    """With no metadata date: the date of a publication line above the text ("Published:
    April 10, 2007"), marked as read from the text, which the same-event stage uses too."""
    found = publication_in_text(document)
    return f"{found} (text)" if found else EMPTY


@_shared
def similarity(comparison: Comparison) -> SimilaritySection:
    """Whole-document cosine of every pair, in the user's order of documents."""
    rank = views.doc_rank(comparison)
    ordered = sorted(
        comparison.similarity, key=lambda s: (rank.get(s.a, -1), rank.get(s.b, -1), s.a, s.b)
    )
    rows = tuple(
        SimilarityRow(
            outlet(comparison, s.a),
            outlet(comparison, s.b),
            views.fmt(s.cosine),
            ", ".join(s.shared_terms),
        )
        for s in ordered
    )
    return SimilaritySection(
        "Pairwise similarity",
        "TF-IDF cosine of the whole documents (0 to 1).",
        ("a", "b", "cosine", "shared terms"),
        rows,
        "None.",
    )


@_shared
def unique(comparison: Comparison) -> UniqueSection:
    """Each document's sentences aligned to nothing in the others: unique, or possibly covered."""
    groups = tuple(
        UniqueGroup(
            outlet(comparison, d.doc_id),
            tuple(
                NumberedSentence(
                    d.doc_id, i, views.sentence_text(comparison, SentenceRef(d.doc_id, i))
                )
                for i in views.unique_sentences(comparison, d.doc_id)
            ),
            tuple(
                CoveredSentence(
                    d.doc_id,
                    c.sentence,
                    views.sentence_text(comparison, SentenceRef(d.doc_id, c.sentence)),
                    tuple(
                        NearSentence(
                            outlet(comparison, k.doc),
                            k.doc,
                            k.sentence,
                            views.fmt(k.score),
                            ", ".join(k.shared_terms),
                        )
                        for k in c.candidates
                    ),
                    covered_basis(c),
                )
                for c in views.possibly_covered(comparison, d.doc_id)
            ),
        )
        for d in comparison.documents
    )
    return UniqueSection(
        "Unique sentences",
        _UNIQUE_NOTES[comparison.alignment.aligner],
        groups,
        "None.",
        "Possibly covered elsewhere",
    )


# The judged figures behind each aligner's note: docs/alignment.md, "Unique or possibly covered"
# (lexical: 28 of 252 unique sentences on the three fresh samples after its score cut was
# re-chosen, 7 Dec, tenth session, near sentences 13 of 28 on the first; single samples of the
# stricter rule before it ranged from 8 of 94 to 19 of 83; semantic: 3 of 67, and of the
# close-in-meaning entries 7 of 41 on its judged samples).
_UNIQUE_NOTES = {
    Aligner.LEXICAL: (
        "Sentences aligned to nothing in the other reports, close to none of their sentences "
        "and sharing few words with any. Not proof that no other report carries the claim: on "
        "judged real coverage about 1 in 10 such sentences still had a counterpart worded "
        "differently (28 of 252 on the latest samples; docs/alignment.md; --aligner semantic "
        "leaves about 1 in 20). "
        "Possibly covered elsewhere: sentences aligned to nothing, but another report has a "
        "close sentence (shown with its pair score and shared words), a sentence holding many "
        "of its words, names included (shown with the share), or a sentence holding one of its "
        "numbers; on judged coverage about half of the first kind and 1 in 4 of the second "
        "carried the same claim, of the third between 1 in 7 and half (few judged), so check "
        "before calling the claim unique. A close sentence may score above the alignment "
        "threshold and still be shown here: a pair also needs two content words in common, "
        "and each sentence is paired with one sentence of another report at most."
    ),
    Aligner.SEMANTIC: (
        "Sentences aligned to nothing in the other reports, close to none of their sentences "
        "in words or in meaning. Not proof that no other report carries the claim: on judged "
        "real coverage about 1 in 20 such sentences still had a counterpart (docs/alignment.md). "
        "Possibly covered elsewhere: sentences aligned to nothing, but another report has a "
        "close sentence (shown with its pair score and shared words), a sentence holding many "
        "of its words, names included (shown with the share), a sentence close in meaning "
        "(shown with the sentence-encoder cosine) or one holding one of its numbers; on judged "
        "coverage about half of the first kind, 1 in 4 of the second and 1 in 6 of the third "
        "carried the same claim, of the fourth between 1 in 7 and half (few judged), so check "
        "before calling the claim unique. A close sentence may score above the alignment "
        "threshold and still be shown here: each sentence is paired with one sentence of "
        "another report at most."
    ),
}


def covered_basis(covered: PossiblyCovered) -> str:
    """How a report introduces a possibly covered sentence's candidates."""
    if covered.covered_by is CoveredBy.SHARED_WORDS and covered.word_share is not None:
        return f"sharing {covered.word_share:.0%} of its word weight, names included"
    if covered.covered_by is CoveredBy.CLOSE_MEANING and covered.cosine is not None:
        return f"close in meaning, sentence-encoder cosine {covered.cosine:.2f}"
    if covered.covered_by is CoveredBy.SHARED_NUMBER:
        return "sharing a number"
    return "nearest"


@_shared
def tone(comparison: Comparison) -> ToneSection:
    """Mean VADER compound per document and its most negative sentence, if any is negative."""
    rank = views.doc_rank(comparison)
    rows = []
    for t in sorted(comparison.tone, key=lambda t: (rank.get(t.doc, len(rank)), t.doc)):
        lowest = min(t.sentences, key=lambda item: (item[1], item[0]), default=None)
        most_negative = None
        if lowest is not None and lowest[1] < 0:
            text = views.sentence_text(comparison, SentenceRef(t.doc, lowest[0]))
            most_negative = MostNegative(
                NumberedSentence(t.doc, lowest[0], views.truncate(text, TONE_CHARS)),
                views.fmt(lowest[1]),
            )
        rows.append(
            ToneRow(
                outlet(comparison, t.doc),
                views.fmt(t.mean_compound),
                most_negative,
                views.fmt(t.narration_compound),
                "\u2014" if t.quoted_compound is None else views.fmt(t.quoted_compound),
            )
        )
    return ToneSection(
        "Tone",
        views.TONE_CAVEAT,
        ("outlet", "own words", "quoted", "all words", "most negative sentence (quotes included)"),
        tuple(rows),
        "No tone was measured.",
    )


@_shared
def voices(comparison: Comparison) -> VoicesSection:
    """Who is quoted in each document, and quotes of one speaker worded differently."""
    rank = views.doc_rank(comparison)
    rows = tuple(
        VoicesRow(
            outlet(comparison, v.doc),
            f"{views.fmt(100 * v.quoted_share, 0)}%",
            tuple(
                [views.speaker_summary(s) for s in views.sorted_speakers(v)]
                + [u for u in [views.unattributed_summary(v)] if u]
            ),
        )
        for v in sorted(comparison.voices, key=lambda v: (rank.get(v.doc, len(rank)), v.doc))
    )
    contrasts = []
    for left, right, _pair in views.quote_contrasts(comparison):
        left_marks, right_marks = split_diff(left.text, right.text)
        contrasts.append(
            QuoteContrast(
                views.contrast_speaker(left, right),
                outlet(comparison, left.doc),
                left_marks,
                outlet(comparison, right.doc),
                right_marks,
            )
        )
    return VoicesSection(
        title="Voices",
        note="Who is quoted, and what share of each report is direct quotation.",
        header=("outlet", "quoted share", "speakers"),
        rows=rows,
        empty="No voices were measured.",
        contrasts_title="Quotes worded differently",
        contrasts_header=("speaker", "a", "b"),
        contrasts=tuple(contrasts),
        # "read the same" only where some were compared (a fact-checker's review: it read as
        # a check done when no quote was aligned at all)
        no_contrasts=(
            "None: aligned quotes of one speaker read the same."
            if views.matched_quotes(comparison)
            else "None: no quote of one speaker is aligned across the reports."
        ),
    )


@_shared
def removed(comparison: Comparison) -> RemovedSection:
    """What cleaning took out of each input, in the user's order."""
    rows = tuple(
        RemovedRow(outlet(comparison, d.doc_id), r.kind, views.truncate(r.text, REMOVED_CHARS))
        for d in comparison.documents
        for r in d.removed
    )
    return RemovedSection(
        "Removed noise",
        "What cleaning took out of each input before comparing.",
        ("outlet", "kind", "text"),
        rows,
        "Nothing.",
    )


@_shared
def warnings(comparison: Comparison) -> WarningsSection:
    """The pipeline's warnings, as recorded."""
    return WarningsSection("Warnings", tuple(comparison.warnings), "None.")
