"""Orderings and groupings of a Comparison that every output format shows the same way."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from framecmp.analysis.score import MIN_TEST_SENTENCES
from framecmp.analysis.voices import same_speaker
from framecmp.ingest.language import is_english
from framecmp.model import RELATIONS, ClaimRelation, DifferenceKind, EventRelation, SentenceRef
from framecmp.report.diff import DELETE, INSERT, Segment, clean_text
from framecmp.text.vocabulary import american_spelling, is_content_word, normalise

if TYPE_CHECKING:
    from framecmp.model import (
        AlignedPair,
        CategoryScore,
        Claim,
        Comparison,
        DistinctiveTerm,
        LexiconHit,
        PairEventVerdict,
        PossiblyCovered,
        Quote,
        RateDifference,
        SpeakerStat,
        Voices,
    )

NOT_SAME_EVENT = "Warning: these reports do not appear to describe the same event"
CANNOT_TELL = "Warning: cannot tell whether these reports describe the same event"
TONE_CAVEAT = (
    "Tone is a supporting signal, not a verdict: VADER scores words, not stance, "
    "and quotes carry the speaker's tone, not the outlet's."
)
SIGNIFICANT_Z = 1.96
# Per term, not corrected for the many terms a report tests: the general-English prior keeps
# chance hits rare. `python eval/terms_null.py`: the even and odd sentences of one real ECB+
# article compared (356 articles of 16+ sentences) mark a term at |z| >= 1.96 in 3 of them.
TERMS_UNCORRECTED = (
    "per term, not corrected for the many terms tested (by chance alone, halves of one "
    "real article showed such a term in 3 of 356)"
)
TOP_TERMS = 12
CONFLICTS_SHOWN = 3  # conflicting claims named among the summary's largest differences
MIN_QUOTE_OVERLAP = 0.25  # shared content words / words of the shorter quote


# The last comparison's ranks: every sort key of a report asks for them, thousands of times
# per report (one tuple, replaced whole, so threads sharing the module stay correct).
_last_rank: list[tuple[Comparison, Mapping[str, int]]] = []


def doc_rank(comparison: Comparison) -> Mapping[str, int]:
    """Position of each document id in the order the user gave them."""
    last = _last_rank[0] if _last_rank else None
    if last is not None and last[0] is comparison:
        return last[1]
    rank = MappingProxyType({d.doc_id: i for i, d in enumerate(comparison.documents)})
    _last_rank[:] = [(comparison, rank)]
    return rank


T = TypeVar("T")


def _rank(comparison: Comparison, doc: str) -> tuple[int, str]:
    # Unknown ids (a stage bug) sort last but still deterministically.
    return doc_rank(comparison).get(doc, len(comparison.documents)), doc


def sorted_docs(comparison: Comparison, docs: list[str] | tuple[str, ...]) -> list[str]:
    """Document ids in the user's order."""
    return sorted(docs, key=lambda doc: _rank(comparison, doc))


def sentence_text(comparison: Comparison, ref: SentenceRef) -> str:
    """The text of a referenced sentence, or a placeholder when the reference is dangling."""
    try:
        sentences = comparison.document(ref.doc).sentences
    except KeyError:
        return f"[unknown document {ref.doc}]"
    if 0 <= ref.sentence < len(sentences) and sentences[ref.sentence].index == ref.sentence:
        return sentences[ref.sentence].text
    for sentence in sentences:
        if sentence.index == ref.sentence:
            return sentence.text
    return f"[unknown sentence {ref.doc}:{ref.sentence}]"


def display_relation(pair: AlignedPair) -> str:
    """The group a pair is shown under: its aligner relation, except that a pair whose claims
    conflict is shown as "conflicting", never as a paraphrase or the same quote."""
    if pair.claim_relation is ClaimRelation.CONFLICTING:
        return ClaimRelation.CONFLICTING.value
    return pair.relation


def conflict_text(pair: AlignedPair, first: SentenceRef | None = None) -> str:
    """A conflicting pair's differences, side a's words first in each (or ``first``'s, when it
    is side b): "200 / 2,000; Leeds / York" (the relation's words when no difference is
    listed)."""
    if not pair.differences:
        return " / ".join(clean_text(e) for e in pair.relation_evidence)
    flip = first == pair.b

    def words(side: tuple[str, ...]) -> str:
        return ", ".join(clean_text(w) for w in side)

    return "; ".join(
        f"{words(d.b)} / {words(d.a)}" if flip else f"{words(d.a)} / {words(d.b)}"
        for d in pair.differences
    )


def partner_relation(comparison: Comparison, pair: AlignedPair, me: SentenceRef) -> str:
    """How an aligned partner's claim differs, seen from sentence ``me``: "conflicting: 12 /
    21" (``me``'s words first), "modality: will", "Reuters adds ..."; empty when nothing is
    named (equivalent, or two languages)."""
    if pair.claim_relation is ClaimRelation.CONFLICTING:
        return f"conflicting: {conflict_text(pair, me)}"
    if pair.claim_relation in (ClaimRelation.EQUIVALENT, ClaimRelation.ACROSS_LANGUAGES):
        return ""
    return clean_text(claim_relation_label(pair, comparison))


def conflict_marks(pair: AlignedPair, ref: SentenceRef) -> frozenset[str]:
    """What to mark in ``ref``'s sentence: its side's words of each difference, a negating
    side's phrase whole ("not armed": the other side's plain word is no mark)."""
    marks: set[str] = set()
    for d in pair.differences:
        side = d.a if ref == pair.a else d.b
        if d.kind is DifferenceKind.NEGATION:
            marks.update(phrase for phrase in side if " " in phrase)
        else:
            marks.update(word for phrase in side for word in phrase.split())
    return frozenset(marks)


def claim_pair_conflicts(comparison: Comparison) -> dict[str, list[str]]:
    """Claim id -> the differences of its conflicting pairs, one string a pair ("12 / 21";
    "12 / 15; 30 / 40"), sorted, once each: JSON ``claims[].conflicts`` as since 1.4."""
    claim_of = {m: c.id for c in comparison.alignment.claims for m in c.members}
    found: dict[str, set[str]] = {}
    for pair in comparison.alignment.pairs:
        if pair.claim_relation is ClaimRelation.CONFLICTING and pair.a in claim_of:
            found.setdefault(claim_of[pair.a], set()).add(conflict_text(pair) or "conflicting")
    return {claim: sorted(shown) for claim, shown in found.items()}


def claim_conflicts(comparison: Comparison) -> dict[str, list[str]]:
    """Claim id -> its conflicting facts, sorted, one line a fact, each version with the
    documents that hold it ("12 (reuters, ap) / 21 (afp)"): a claim carried with other facts
    must not read as agreement, and a reader must see who says what. The versions of one fact
    are those its conflicting pairs set against each other (the toll on one line, the injured
    on another)."""
    claim_of = {m: c.id for c in comparison.alignment.claims for m in c.members}
    holders: dict[str, dict[tuple[DifferenceKind, str], set[str]]] = {}
    linked: dict[str, list[tuple[tuple[DifferenceKind, str], tuple[DifferenceKind, str]]]] = {}
    plain: dict[str, set[str]] = {}  # pairs named by their words only
    for pair in comparison.alignment.pairs:
        if pair.claim_relation is not ClaimRelation.CONFLICTING or pair.a not in claim_of:
            continue
        claim = claim_of[pair.a]
        if not pair.differences:
            plain.setdefault(claim, set()).add(conflict_text(pair) or "conflicting")
        for d in pair.differences:
            versions = []
            for side, ref in ((d.a, pair.a), (d.b, pair.b)):
                version = (d.kind, ", ".join(clean_text(w) for w in side))
                holders.setdefault(claim, {}).setdefault(version, set()).add(ref.doc)
                versions.append(version)
            linked.setdefault(claim, []).append((versions[0], versions[1]))

    def line(versions: set[tuple[DifferenceKind, str]], held: dict[Any, set[str]]) -> str:
        def first_holder(version: tuple[DifferenceKind, str]) -> tuple[tuple[int, str], str]:
            return min(_rank(comparison, d) for d in held[version]), version[1]

        return " / ".join(
            f"{words} ({', '.join(sorted_docs(comparison, tuple(held[(kind, words)])))})"
            for kind, words in sorted(versions, key=first_holder)
        )

    found: dict[str, list[str]] = {}
    for claim in holders.keys() | plain.keys():
        facts = _connected(linked.get(claim, []))
        found[claim] = sorted(
            {line(fact, holders[claim]) for fact in facts} | plain.get(claim, set())
        )
    return found


def _connected(links: list[tuple[T, T]]) -> list[set[T]]:
    """The groups of items that the links join, directly or through others."""
    groups: list[set[T]] = []
    for a, b in links:
        joined = [g for g in groups if a in g or b in g]
        merged = {a, b}.union(*joined)
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def claim_relation_label(pair: AlignedPair, comparison: Comparison | None = None) -> str:
    """How the pair's claims differ, with the words that show it: "conflicting: 200 / 2,000";
    for ``adds-detail``, with ``comparison``, which outlet adds them: "adds-detail: CGTN adds
    bridge / river"."""
    label = pair.claim_relation.value
    if not pair.relation_evidence:
        return label
    if pair.claim_relation is ClaimRelation.CONFLICTING:
        return f"{label}: {conflict_text(pair)}"
    words = " / ".join(pair.relation_evidence)
    side = (
        _adding_side(comparison, pair)
        if pair.claim_relation is ClaimRelation.ADDS_DETAIL and comparison is not None
        else None
    )
    if side is not None and comparison is not None:
        return f"{label}: {outlet_parts(comparison, side.doc)[0]} adds {words}"
    return f"{label}: {words}"


def _adding_side(comparison: Comparison, pair: AlignedPair) -> SentenceRef | None:
    """The sentence of an ``adds-detail`` pair that holds its evidence words (the words come
    from one side only; None when both or neither hold them, e.g. a dangling reference)."""
    found = []
    for ref in (pair.a, pair.b):
        text = sentence_text(comparison, ref).lower()
        found.append(
            sum(
                re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text) is not None
                for word in pair.relation_evidence
            )
        )
    if found[0] == found[1]:
        return None
    return pair.a if found[0] > found[1] else pair.b


def relation_key(relation: str) -> tuple[int, str]:
    """Conflicting first (what a reader must see), then ``RELATIONS`` (closest first); unknown
    ones last, by name."""
    if relation == ClaimRelation.CONFLICTING.value:
        return (-1, relation)
    return (RELATIONS.index(relation) if relation in RELATIONS else len(RELATIONS), relation)


def pair_key(comparison: Comparison, pair: AlignedPair) -> tuple[object, ...]:
    """Sort key of an aligned pair: document pair, relation, then sentence numbers."""
    return (
        _rank(comparison, pair.a.doc),
        _rank(comparison, pair.b.doc),
        relation_key(pair.relation),
        pair.a.sentence,
        pair.b.sentence,
    )


def sorted_pairs(comparison: Comparison) -> list[AlignedPair]:
    """Every aligned pair in display order."""
    return sorted(comparison.alignment.pairs, key=lambda p: pair_key(comparison, p))


def pairs_by_documents(
    comparison: Comparison,
) -> list[tuple[str, str, list[AlignedPair]]]:
    """Aligned pairs grouped by (document a, document b), in display order."""
    groups: dict[tuple[str, str], list[AlignedPair]] = defaultdict(list)
    for pair in sorted_pairs(comparison):
        groups[(pair.a.doc, pair.b.doc)].append(pair)
    return [(a, b, pairs) for (a, b), pairs in groups.items()]


def claim_key(claim: Claim) -> tuple[int, str]:
    """Natural order of claim ids: c2 before c10."""
    digits = re.sub(r"\D", "", claim.id)
    return (int(digits) if digits else 10**9, claim.id)


def sorted_claims(comparison: Comparison) -> list[Claim]:
    """Claims in natural id order."""
    return sorted(comparison.alignment.claims, key=claim_key)


def claim_members(comparison: Comparison, claim: Claim) -> list[SentenceRef]:
    """A claim's sentences in document order."""
    return sorted(claim.members, key=lambda r: (_rank(comparison, r.doc), r.sentence))


def claim_text(comparison: Comparison, claim: Claim) -> str:
    """The wording of a claim as its first document (in the user's order) tells it."""
    members = claim_members(comparison, claim)
    return sentence_text(comparison, members[0]) if members else ""


def aligned_partners(comparison: Comparison) -> dict[tuple[str, int], list[SentenceRef]]:
    """Each aligned sentence's counterparts in the other documents, in document order."""
    partners: dict[tuple[str, int], set[SentenceRef]] = defaultdict(set)
    for pair in comparison.alignment.pairs:
        partners[(pair.a.doc, pair.a.sentence)].add(pair.b)
        partners[(pair.b.doc, pair.b.sentence)].add(pair.a)
    return {
        key: sorted(refs, key=lambda r: (_rank(comparison, r.doc), r.sentence))
        for key, refs in partners.items()
    }


def unique_sentences(comparison: Comparison, doc: str) -> list[int]:
    """Sorted indexes of a document's sentences that align to nothing."""
    return sorted(comparison.alignment.unique.get(doc, ()))


def possibly_covered(comparison: Comparison, doc: str) -> list[PossiblyCovered]:
    """A document's unpaired sentences that another report may cover, by sentence index."""
    return sorted(comparison.alignment.possibly_covered.get(doc, ()), key=lambda c: c.sentence)


def distinctive_by_doc(comparison: Comparison) -> dict[str, list[DistinctiveTerm]]:
    """Distinctive terms per document, most distinctive (highest z) first, ties by term."""
    groups: dict[str, list[DistinctiveTerm]] = {d.doc_id: [] for d in comparison.documents}
    for term in comparison.distinctive_terms:
        groups.setdefault(term.doc, []).append(term)
    return {
        # z as printed (4 decimals): terms differing further down are ties, ordered by term
        doc: sorted(terms, key=lambda t: (-round(t.z, 4), t.term))
        for doc, terms in sorted(groups.items(), key=lambda item: _rank(comparison, item[0]))
    }


def scores_of_kind(comparison: Comparison, kind: str) -> list[CategoryScore]:
    """Lexicon scores of one kind, by lexicon, category, then document order."""
    return sorted(
        (s for s in comparison.lexicon_scores if s.kind == kind),
        key=lambda s: (s.lexicon, s.category, _rank(comparison, s.doc)),
    )


def category_keys(scores: list[CategoryScore]) -> dict[tuple[str, str], str]:
    """Report key of each (lexicon, category): the category id, or lexicon/category on clashes."""
    lexicons_of: dict[str, set[str]] = defaultdict(set)
    for score in scores:
        lexicons_of[score.category].add(score.lexicon)
    return {
        (s.lexicon, s.category): (
            s.category if len(lexicons_of[s.category]) == 1 else f"{s.lexicon}/{s.category}"
        )
        for s in scores
    }


def score_table(comparison: Comparison, kind: str) -> list[tuple[str, dict[str, CategoryScore]]]:
    """Rows (category key, {doc id: score}) of one lexicon kind, categories sorted."""
    scores = scores_of_kind(comparison, kind)
    keys = category_keys(scores)
    rows: dict[str, dict[str, CategoryScore]] = {}
    for score in scores:
        rows.setdefault(keys[(score.lexicon, score.category)], {})[score.doc] = score
    return sorted(rows.items())


def wordings(score: CategoryScore, *, quoted: bool = False) -> list[tuple[str, int, list[int]]]:
    """(wording, count, sentence indexes) of a score's narration hits (or, with ``quoted``, its
    hits inside quotes), most used first, ties by wording."""
    sentences: dict[str, list[int]] = defaultdict(list)
    for hit in score.hits:
        if hit.quoted == quoted:
            sentences[wording(score, hit)].append(hit.sentence)
    return sorted(
        ((term, len(found), sorted(set(found))) for term, found in sentences.items()),
        key=lambda item: (-item[1], item[0]),
    )


def sorted_quotes(comparison: Comparison) -> list[Quote]:
    """Quotes by document order, then position, then text."""
    return sorted(
        comparison.quotes,
        key=lambda q: (_rank(comparison, q.doc), q.sentences[:1] or (-1,), q.text),
    )


def _same_words(a: str, b: str) -> bool:
    """The same words in the same order, case, punctuation and British or American spelling
    aside ("organised" / "organized")."""
    return _spelled(a) == _spelled(b)


def _spelled(text: str) -> list[str]:
    return [american_spelling(w) for w in re.sub(r"\W+", " ", text).casefold().split()]


def _content_words(text: str) -> set[str]:
    words = (normalise(w) for w in re.findall(r"[\w'\u2019.-]+", text))
    return {american_spelling(w.strip(".")) for w in words if is_content_word(w.strip("."))}


def _reworded(comparison: Comparison, pair: AlignedPair) -> float:
    """The share of the two sentences' content words that only one of them uses (0..1)."""
    a = _content_words(sentence_text(comparison, pair.a))
    b = _content_words(sentence_text(comparison, pair.b))
    return len(a ^ b) / len(a | b) if a | b else 0.0


def _overlap(a: str, b: str) -> float:
    a_words, b_words = _content_words(a), _content_words(b)
    if not a_words or not b_words:
        return 0.0
    return len(a_words & b_words) / min(len(a_words), len(b_words))


def quote_contrasts(comparison: Comparison) -> list[tuple[Quote, Quote, AlignedPair]]:
    """Quotes of one speaker in two outlets' matching sentences that are worded differently."""
    return [
        (left, right, pair)
        for left, right, pair in matched_quotes(comparison)
        if not _same_words(left.text, right.text)
    ]


def matched_quotes(comparison: Comparison) -> list[tuple[Quote, Quote, AlignedPair]]:
    """Quotes of one speaker in two outlets' matching sentences, however worded.

    One speaker: the two quotes name the same person (``voices.same_speaker``), or the aligner
    made the pair a same-quote and at most one side names a speaker (two names read differently
    are two people). Within a sentence pair each quote is matched once, closest words first, so
    that a sentence quoting two people never pairs one's words with the other's."""
    # "related" pairs share a sub-topic, not a statement: their quotes need not be the same words.
    close = {"same-quote", "paraphrase"}
    found: list[tuple[Quote, Quote, AlignedPair]] = []
    seen: set[tuple[int, int]] = set()
    quotes = sorted_quotes(comparison)
    for pair in sorted_pairs(comparison):
        if pair.relation not in close:
            continue
        lefts = [(i, q) for i, q in enumerate(quotes) if _quotes_sentence(q, pair.a)]
        rights = [(j, q) for j, q in enumerate(quotes) if _quotes_sentence(q, pair.b)]
        candidates = sorted(
            (-overlap, i, j)
            for i, left in lefts
            for j, right in rights
            if (i, j) not in seen
            and _one_speaker(left, right, pair)
            # Aligners pair sentences, not quotes: keep quotes that share content words.
            and (overlap := _overlap(left.text, right.text)) >= MIN_QUOTE_OVERLAP
        )
        used_left: set[int] = set()
        used_right: set[int] = set()
        for _, i, j in candidates:
            if i in used_left or j in used_right:
                continue
            used_left.add(i)
            used_right.add(j)
            seen.add((i, j))
            found.append((quotes[i], quotes[j], pair))
    return found


def _quotes_sentence(quote: Quote, ref: SentenceRef) -> bool:
    return quote.doc == ref.doc and ref.sentence in quote.sentences


def _one_speaker(left: Quote, right: Quote, pair: AlignedPair) -> bool:
    """Whether two quotes of an aligned pair can be one speaker's words."""
    if left.speaker is not None and right.speaker is not None:
        return same_speaker(left.speaker, right.speaker)
    return pair.relation == "same-quote"


def contrast_speaker(left: Quote, right: Quote) -> str:
    """Who said the quote of a contrast: the name one side gives (both sides give the same
    person when both name one), or "unnamed"."""
    return left.speaker or right.speaker or "unnamed"


def failing_pairs(comparison: Comparison) -> list[tuple[str, str, float]]:
    """(a, b, score) of document pairs judged not to report the same event."""
    return [(p.a, p.b, p.score) for p in comparison.same_event.pairs if not p.same_event]


def verdict_pairs(comparison: Comparison) -> list[PairEventVerdict]:
    """Pair verdicts in document order."""
    return sorted(
        comparison.same_event.pairs,
        key=lambda p: (_rank(comparison, p.a), _rank(comparison, p.b)),
    )


def undetermined(comparison: Comparison) -> bool:
    """No pair is judged another event, but some could not be judged (two languages)."""
    return comparison.same_event.relation is EventRelation.UNDETERMINED


def event_warning_title(comparison: Comparison) -> str:
    return CANNOT_TELL if undetermined(comparison) else NOT_SAME_EVENT


def event_warning_lines(comparison: Comparison) -> list[str]:
    """Plain-text lines explaining which pairs failed the same-event check and on what signals."""
    verdict = comparison.same_event
    if undetermined(comparison):
        lines = [
            "Some reports are in different languages, and the same-event model reads the words "
            "reports share."
        ]
    else:
        lines = [
            f"Lowest pair score {fmt(verdict.score, 2)} is below the threshold "
            f"{fmt(verdict.threshold, 2)}."
        ]
    pairs = sorted(
        (p for p in verdict.pairs if not p.same_event),
        key=lambda p: (_rank(comparison, p.a), _rank(comparison, p.b)),
    )
    for pair in pairs:
        if pair.relation is EventRelation.UNDETERMINED:
            languages = next((s.detail for s in pair.signals if s.name == "languages"), "")
            lines.append(f"{pair.a} vs {pair.b}: cannot tell ({clean_text(languages)}).")
            continue
        signals = "; ".join(
            f"{s.name} {fmt(s.value, 2)} (weight {fmt(s.weight, 2)}): {clean_text(s.detail)}"
            for s in sorted(pair.signals, key=lambda s: s.name)
        )
        lines.append(f"{pair.a} vs {pair.b}: score {fmt(pair.score, 2)}. {signals}")
    return lines


_FIXED = tuple(f".{places}f" for places in range(10))  # format specs, built once


def fmt(value: float, places: int = 2) -> str:
    """A float for display; non-finite values show as "n/a", and -0 as 0."""
    # Called thousands of times per report: one format call, then string tests only.
    text = format(value, _FIXED[places])
    if text[-1] in "fn":  # inf, -inf, nan
        return "n/a"
    return text[1:] if text[0] == "-" and not text.strip("-0.") else text


def truncate(text: str, limit: int) -> str:
    """Clean text cut to ``limit`` characters with an ellipsis."""
    text = clean_text(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def sentence_list(indexes: list[int] | tuple[int, ...]) -> str:
    """Sentence numbers as evidence: "s1, s4" (0-based, as in the JSON report)."""
    return ", ".join(f"s{i}" for i in sorted(set(indexes)))


def plural(count: int, noun: str) -> str:
    """ "1 quote", "2 quotes"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def sorted_speakers(voices: Voices) -> list[SpeakerStat]:
    """Speakers by number of quotes, then quoted tokens, then name."""
    return sorted(voices.speakers, key=lambda s: (-s.quotes, -s.tokens, s.name))


def speaker_summary(speaker: SpeakerStat) -> str:
    """ "Putin (2 quotes, 40 tokens; said, stressed)"; "Gates (indirect speech only; said)"."""
    verbs = ", ".join(sorted(speaker.verbs)) or "no verb"
    if not speaker.quotes:
        return f"{speaker.name} (indirect speech only; {verbs})"
    quotes, tokens = plural(speaker.quotes, "quote"), plural(speaker.tokens, "token")
    return f"{speaker.name} ({quotes}, {tokens}; {verbs})"


def unattributed_summary(voices: Voices) -> str | None:
    """ "no speaker named (2 quotes, 31 tokens)", or None when every quote has one:
    the quoted share counts them, so the speakers listed would not add up to it."""
    if not voices.unattributed_quotes:
        return None
    quotes = plural(voices.unattributed_quotes, "quote")
    return f"no speaker named ({quotes}, {plural(voices.unattributed_tokens, 'token')})"


def marked(
    segments: tuple[Segment, ...], escape: Callable[[str], str], deleted: str, inserted: str
) -> str:
    """Word-diff segments joined, deleted and inserted words wrapped in a format's markers."""
    wrappers = {DELETE: deleted, INSERT: inserted}
    return " ".join(wrappers.get(op, "{}").format(escape(text)) for op, text in segments)


def outlet_parts(comparison: Comparison, doc: str) -> tuple[str, str | None]:
    """A document's outlet label and its id, the id None when it adds nothing."""
    try:
        outlet = comparison.document(doc).outlet
    except KeyError:
        return doc, None
    return (doc, None) if outlet == doc else (outlet, doc)


def rate(score: CategoryScore) -> str:
    """A category's narration rate per 1,000 narration tokens with its count: "12.5 (3)",
    and the hits inside quotes apart: "12.5 (3) +2 quoted"."""
    text = f"{fmt(score.narration_per_1000_tokens, 1)} ({score.narration_count})"
    return f"{text} +{score.quoted_count} quoted" if score.quoted_count else text


def wording(score: CategoryScore, hit: LexiconHit) -> str:
    """How a hit is shown: a terminology wording's label ("Kiev"); for other lexicons the
    words as the text writes them, lower-cased ("negotiations", not the pattern "negotiat*")."""
    return hit.term if score.kind == "terminology" else " ".join(hit.matched.casefold().split())


def quoted_wordings(score: CategoryScore) -> list[tuple[str, str, int, list[int]]]:
    """(wording, speaker, count, sentences) of hits inside quotes; "unattributed" when the
    text does not say who speaks."""
    sentences: dict[tuple[str, str], list[int]] = defaultdict(list)
    for hit in score.hits:
        if hit.quoted:
            sentences[(wording(score, hit), hit.speaker or "unattributed")].append(hit.sentence)
    return sorted(
        ((term, who, len(found), sorted(set(found))) for (term, who), found in sentences.items()),
        key=lambda item: (-item[2], item[0], item[1]),
    )


def quoted_note(score: CategoryScore | None) -> str:
    """The quoted hits of a score as one line: 'quoted: war x1 (Smith; s3)', or ""."""
    if score is None or not score.quoted_count:
        return ""
    parts = [
        f"{term} \u00d7{count} ({who}; {sentence_list(found)})"
        for term, who, count, found in quoted_wordings(score)
    ]
    return "quoted: " + "; ".join(parts)


VOICE_NOTE = (
    "Counts are the outlet's own words (narration, per 1,000 narration tokens); "
    "words inside direct quotes are listed apart as quoted, with their speaker."
)


def difference_key(comparison: Comparison) -> Callable[[RateDifference], tuple[object, ...]]:
    """Sort key for rate differences: lexicon, category, then the pair in document order."""
    rank = doc_rank(comparison)

    def key(r: RateDifference) -> tuple[object, ...]:
        return (r.lexicon, r.category, rank.get(r.a, len(rank)), rank.get(r.b, len(rank)), r.a, r.b)

    return key


def sorted_differences(comparison: Comparison) -> list[RateDifference]:
    """Every rate difference in the order all formats list them."""
    return sorted(comparison.rate_differences, key=difference_key(comparison))


def difference_reading(difference: RateDifference) -> str:
    """How to read a difference: significant, or not significant after correction."""
    return "significant" if difference.significant else "not significant after correction"


def significant_terms(comparison: Comparison) -> list[DistinctiveTerm]:
    """Distinctive terms with |z| at or above ``SIGNIFICANT_Z``."""
    return [t for t in comparison.distinctive_terms if abs(t.z) >= SIGNIFICANT_Z]


def statistics_note(comparison: Comparison) -> str:
    """One line, shown once at the top of every format: how significance is decided, and
    what it found (or that the texts are too small for any significant result)."""
    tests = len(comparison.rate_differences)
    frames = sum(d.significant for d in comparison.rate_differences)
    terms = len(significant_terms(comparison))
    method = (
        f"Frames: narration rates compared with 95% bootstrap intervals (seed "
        f"{comparison.settings.seed}), Benjamini-Hochberg over all {tests} frame tests of this "
        f"report at a 5% false discovery rate. Distinctive terms: log-odds with a general-"
        f"English prior (wordfreq), |z| \u2265 {SIGNIFICANT_Z} {TERMS_UNCORRECTED}."
    )
    short = [d for d in comparison.documents if len(d.sentences) < MIN_TEST_SENTENCES]
    if short:
        names = ", ".join(outlet_parts(comparison, d.doc_id)[0] for d in short)
        method += (
            f" Frame rates of a text under {MIN_TEST_SENTENCES} sentences ({names}) are not "
            "tested: too few sentences to resample."
        )
    english = [d for d in comparison.documents if is_english(d)]
    if len(english) < 2:
        skipped = ", ".join(
            outlet_parts(comparison, d.doc_id)[0] for d in comparison.documents if not is_english(d)
        )
        return (
            f"No frame or term test was run: {plural(len(english), 'report')} in English, and "
            f"the lexicons, terms and tone are English-only (not analysed: {skipped})."
        )
    if frames == 0 and terms == 0:
        tokens = ", ".join(f"{outlet_parts(comparison, d.doc_id)[0]} {d.n_tokens}" for d in english)
        return (
            "No difference reaches significance: no test here tells these texts (tokens: "
            f"{tokens}) apart, so the tables below describe, they do not prove. {method}"
        )
    return (
        f"Significant: {plural(frames, 'frame difference')} of {tests}, "
        f"{plural(terms, 'distinctive term')}. {method}"
    )


TOP_DIFFERENCES = 5


def top_differences(comparison: Comparison, limit: int = TOP_DIFFERENCES) -> list[str]:
    """The largest differences in facts, framing and wording, one plain-text line each:
    conflicting claims first (up to ``CONFLICTS_SHOWN``), then significant frame differences,
    then significant distinctive terms, then the largest differences that are not
    significant, marked as such."""
    lines: list[str] = []
    # two reports judged to be of different events tell different happenings: their figures
    # differ without contradicting each other, so such a pair leads nothing
    apart = {
        frozenset((p.a, p.b))
        for p in comparison.same_event.pairs
        if p.relation is EventRelation.DIFFERENT_EVENTS
    }
    every_conflict = [
        p for p in comparison.alignment.pairs if p.claim_relation is ClaimRelation.CONFLICTING
    ]
    across = [p for p in every_conflict if frozenset((p.a.doc, p.b.doc)) in apart]
    conflicting = sorted(
        (p for p in every_conflict if frozenset((p.a.doc, p.b.doc)) not in apart),
        key=lambda p: pair_key(comparison, p),
    )
    for pair in conflicting[:CONFLICTS_SHOWN]:
        a, b = outlet_parts(comparison, pair.a.doc)[0], outlet_parts(comparison, pair.b.doc)[0]
        shown = conflict_text(pair)
        lines.append(
            f"conflicting pair: {a} s{pair.a.sentence} and {b} s{pair.b.sentence}"
            + (f" differ on {shown}" if shown else "")
        )
    if len(conflicting) > CONFLICTS_SHOWN:
        more = len(conflicting) - CONFLICTS_SHOWN
        lines.append(
            f"{plural(more, 'more conflicting pair')}: every aligned pair is in the detailed "
            "view (--detail) and the reports"
        )
    by_size = sorted(
        comparison.rate_differences,
        key=lambda r: (not r.significant, -abs(r.difference), difference_key(comparison)(r)),
    )
    for r in [r for r in by_size if r.significant]:
        lines.append(_frame_line(comparison, r))
    for t in sorted(significant_terms(comparison), key=lambda t: (-t.z, _rank(comparison, t.doc))):
        outlet = outlet_parts(comparison, t.doc)[0]
        lines.append(
            f"{outlet} over-uses \u201c{t.term}\u201d: {plural(t.count, 'time')} in its own "
            f"words, {t.other_count} in the others (z {fmt(t.z)})"
        )
    # equal rates are no difference, whichever side is named first (the same wire copy twice)
    for r in [r for r in by_size if not r.significant and r.difference != 0]:
        if len(lines) >= limit:
            break
        lines.append(_frame_line(comparison, r))
    if across:
        # last, and always shown: the aligned pairs still list them as conflicting
        return [
            *lines[: limit - 1],
            f"{plural(len(across), 'conflicting pair')} between reports judged to be of "
            "different events: other happenings' facts, not a contradiction (aligned pairs)",
        ]
    return lines[:limit]


def _frame_line(comparison: Comparison, r: RateDifference) -> str:
    """A significant difference says who frames it more; another only gives the rates and
    counts, so that equal counts in texts of other lengths never read as a framing story."""
    more, less = (r.a, r.b) if r.difference >= 0 else (r.b, r.a)
    scores = {
        s.doc: s
        for s in comparison.lexicon_scores
        if s.lexicon == r.lexicon and s.category == r.category
    }
    rates = [
        fmt(scores[d].narration_per_1000_tokens, 1) if d in scores else "0.0" for d in (more, less)
    ]
    category = r.category.replace("_", " ")
    names = outlet_parts(comparison, more)[0], outlet_parts(comparison, less)[0]
    if r.significant:
        return (
            f"{category}: {names[0]} frames it more than {names[1]} in its own words ({rates[0]} "
            f"vs {rates[1]} per 1,000 narration tokens, q {fmt(r.q_value, 3)})"
        )
    counts = [scores[d].narration_count if d in scores else 0 for d in (more, less)]
    return (
        f"{category}: {names[0]} {rates[0]} vs {names[1]} {rates[1]} per 1,000 narration tokens "
        f"({counts[0]} vs {counts[1]} in their own words; q {fmt(r.q_value, 3)}, not "
        "significant)"
    )


def verdict_line(comparison: Comparison) -> str:
    """One line: are these the same event, and how sure."""
    verdict = comparison.same_event
    n = len(comparison.documents)
    if verdict.verdict:
        answer = f"{n} reports of the same event"
    elif undetermined(comparison):
        answer = (
            f"{n} reports in different languages: cannot tell whether they are one event"
            if n == 2
            else f"{n} reports: cannot tell whether all are one event, some being in another "
            "language"
        )
    else:
        answer = (
            f"{n} reports of different events" if n == 2 else f"{n} reports, NOT all of one event"
        )
    judged = any(p.relation is not EventRelation.UNDETERMINED for p in verdict.pairs)
    scored = (
        f" (lowest {'score of the pairs judged' if undetermined(comparison) else 'pair score'} "
        f"{fmt(verdict.score, 2)}, threshold {fmt(verdict.threshold, 2)})"
        if judged or not verdict.pairs
        else ""
    )
    conflicting = sum(
        p.claim_relation is ClaimRelation.CONFLICTING for p in comparison.alignment.pairs
    )
    # contradictions are what a reader looks for first: named in the opening line
    pairs = plural(len(comparison.alignment.pairs), "aligned sentence pair") + (
        f" ({conflicting} conflicting)" if conflicting else ""
    )
    claims = plural(len(comparison.alignment.claims), "shared claim")
    if conflicted := len(claim_conflicts(comparison)):
        claims += f" ({conflicted} with conflicting facts)"
    return f"{answer}{scored}; {pairs}, {claims}."


def summary_lines(comparison: Comparison) -> list[str]:
    """The short summary every format opens with: verdict, statistics, top differences."""
    return [verdict_line(comparison), statistics_note(comparison), *top_differences(comparison)]


def most_different_pairs(comparison: Comparison, limit: int) -> list[AlignedPair]:
    """Aligned pairs that differ most, for the concise views: conflicting claims first, then
    other named differences (most certain first), then equivalent claims in the most different
    words (fewest content words shared); shown in display order."""
    # A near-copy with a swapped loaded word is already a named difference (wording), so the
    # equivalent pairs worth showing are the reworded ones, not near-copies (one word dropped).
    close = [
        p
        for p in comparison.alignment.pairs
        if p.relation != "related" or p.claim_relation is not ClaimRelation.EQUIVALENT
    ]
    ranked = sorted(
        close,
        key=lambda p: (
            p.claim_relation is not ClaimRelation.CONFLICTING,
            p.claim_relation is ClaimRelation.EQUIVALENT,
            -_reworded(comparison, p) if p.claim_relation is ClaimRelation.EQUIVALENT else -p.score,
            pair_key(comparison, p),
        ),
    )
    chosen = [
        p
        for p in ranked
        if not _same_words(sentence_text(comparison, p.a), sentence_text(comparison, p.b))
    ][:limit]
    return sorted(chosen, key=lambda p: pair_key(comparison, p))
