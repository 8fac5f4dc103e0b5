"""A hand-built Comparison of the Bishkek reports, for the render and report tests.

Sentences are real ones from data/bishkek-2025-11-27/, plus one hostile sentence that tries
every trick a table cell, a Markdown renderer, a browser or a terminal could fall for.
The numbers are invented but plausible; no pipeline stage is run.
"""

from __future__ import annotations

import dataclasses
import re

from framecmp.model import (
    AlignedPair,
    Alignment,
    CategoryScore,
    Claim,
    Comparison,
    DistinctiveTerm,
    Document,
    EventSignal,
    LexiconHit,
    PairEventVerdict,
    PairSimilarity,
    Quote,
    RateDifference,
    Removal,
    SameEventVerdict,
    Sentence,
    SentenceRef,
    Settings,
    SpeakerStat,
    Tone,
    Voices,
)

HOSTILE = (
    "Hostile | cell <script>alert(1)</script> `rm -rf` *bold* _under_ "
    "[link](javascript:x) \\ back\n# heading \x1b[31m red"
)
HOSTILE_SPEAKER = '<b onmouseover="x()">Evil|Speaker</b>'

TASS = (
    (
        0,
        "The divergence of opinions in the West, including in the United States, remains the "
        "main obstacle to resolving the conflict in Ukraine, Russian President Vladimir Putin "
        "told reporters.",
    ),
    (
        1,
        '"I do not know the essence of this eavesdropping [of telephone talks between Russia and '
        'the US on the settlement in Ukraine - TASS], nor the essence of these leaks," Putin '
        "said, noting that he was at events from morning till evening and then came to reporters.",
    ),
    (
        1,
        '"The matter is in how sharply differing views are colliding within the collective West '
        "and the United States itself regarding what is taking place and what should be done to "
        'halt the war, to stop hostilities," the Russian leader said.',
    ),
    (2, "And then I visited Alaska and held a number of talks there."),
    (3, "So we remained on the Anchorage platform."),
    (4, HOSTILE),
)
UNKNOWN = (
    (
        0,
        "Russian President Vladimir Putin has expressed strong confidence in his country's "
        "military operations in Ukraine, stating that positive momentum exists across all "
        "frontlines.",
    ),
    (
        1,
        "In a particularly stark declaration, he emphasized Russia's readiness to \"fight to the "
        'last Ukrainian" if necessary.',
    ),
    (
        2,
        "Ahead of an expected US delegation visit to Moscow next week, Putin addressed the latest "
        "American proposals aimed at ending the Kremlin's war in Ukraine.",
    ),
    (
        2,
        "He suggested that the American proposals could serve as a foundation for future "
        "agreements, referencing prior talks in Anchorage and Alaska as potential starting points "
        "for more serious discussions.",
    ),
    (
        3,
        'He characterized the situation as part of the broader "battle of opinions between the '
        'collective West and the U.S." regarding how to end hostilities in Ukraine.',
    ),
)
CGTN = (
    (
        0,
        "Russian President Vladimir Putin said on Thursday that a U.S. delegation is expected to "
        "visit Moscow in the first half of next week.",
    ),
    (
        1,
        "Putin said the U.S.-proposed 28-point plan on Ukraine could serve as a basis for future "
        "agreements, but no final proposal has been reached.",
    ),
    (
        2,
        "He noted that the U.S. side has, in some respects, taken Russia's position into account, "
        "referring to discussions held before and after his August meeting with U.S. President "
        "Donald Trump in Alaska.",
    ),
    (
        3,
        "\"We need to put everything into diplomatic language because it's one thing to state in "
        "general terms that Russia does not plan to attack Europe.",
    ),
    (3, "Frankly, that sounds ridiculous."),
)

_TOKEN = re.compile(r"[\w'\u2019-]+")


def _document(
    doc_id: str, outlet: str, rows: tuple[tuple[int, str], ...], **meta: object
) -> Document:
    paragraphs: dict[int, list[str]] = {}
    for paragraph, text in rows:
        paragraphs.setdefault(paragraph, []).append(text)
    text = "\n".join(" ".join(parts) for _, parts in sorted(paragraphs.items()))
    sentences = []
    cursor = 0
    for index, (paragraph, sentence_text) in enumerate(rows):
        start = text.index(sentence_text, cursor)
        cursor = start + len(sentence_text)
        sentences.append(
            Sentence(
                index=index,
                paragraph=paragraph,
                text=sentence_text,
                char_start=start,
                char_end=cursor,
                tokens=tuple(_TOKEN.findall(sentence_text)),
            )
        )
    return Document(
        doc_id=doc_id,
        outlet=outlet,
        path=f"data/bishkek-2025-11-27/{doc_id}.txt",
        text=text,
        sentences=tuple(sentences),
        **meta,  # type: ignore[arg-type]
    )


def _ref(doc: str, sentence: int) -> SentenceRef:
    return SentenceRef(doc, sentence)


def _score(
    lexicon: str, kind: str, category: str, doc: str, tokens: int, hits: list[tuple[str, str, int]]
) -> CategoryScore:
    return CategoryScore(
        lexicon=lexicon,
        kind=kind,
        category=category,
        doc=doc,
        count=len(hits),
        per_1000_tokens=1000 * len(hits) / tokens,
        hits=tuple(LexiconHit(term, matched, sentence) for term, matched, sentence in hits),
        # Every fixture hit is in the outlet's own words (none is quoted).
        narration_count=len(hits),
        narration_per_1000_tokens=1000 * len(hits) / tokens,
    )


def build_comparison(*, same_event: bool = False) -> Comparison:
    """The fixture; ``same_event=False`` makes the TASS-CGTN pair fail the verdict."""
    tass = _document(
        "tass",
        "TASS",
        TASS,
        date="2025-11-27",
        place="Bishkek",
        title="Divergence of opinions in West main obstacle to settlement",
        url="https://tass.com/politics/2052000",
        removed=(Removal("metadata-header", "date 2025-11-27"),),
    )
    unknown = _document(
        "d3",
        "unknown-outlet",
        UNKNOWN,
        title=HOSTILE,
        url="javascript:alert(1)",
        removed=(
            Removal("heading", "Military Confidence and Hardline Stance"),
            Removal("heading", HOSTILE),
        ),
    )
    cgtn = _document(
        "cgtn",
        "CGTN",
        CGTN,
        date="2025-11-27",
        place="Bishkek",
        title="Deep divisions remain on core issues as new peace talks expected",
        removed=(
            Removal("cookie-banner", "Our Privacy Statement & Cookie Policy"),
            Removal(
                "repeated-caption",
                "Russian President Vladimir Putin speaks during a press conference, Bishkek, "
                "Kyrgyzstan, November 27, 2025. /VCG",
            ),
        ),
    )
    documents = (tass, unknown, cgtn)
    tokens = {d.doc_id: d.n_tokens for d in documents}

    pairs = (
        AlignedPair(_ref("tass", 0), _ref("d3", 4), "paraphrase", 0.41234, ("opinions", "west")),
        AlignedPair(
            _ref("tass", 2),
            _ref("d3", 4),
            "paraphrase",
            0.38,
            ("collective", "hostilities", "west"),
        ),
        AlignedPair(_ref("tass", 4), _ref("d3", 3), "related", 0.22, ("anchorage",)),
        AlignedPair(_ref("tass", 3), _ref("cgtn", 2), "related", 0.2, ("alaska",)),
        AlignedPair(_ref("tass", 5), _ref("cgtn", 4), "same-quote", 0.9, ("<b>|x", "*y*")),
        AlignedPair(
            _ref("d3", 2), _ref("cgtn", 0), "paraphrase", 0.55, ("delegation", "moscow", "week")
        ),
        AlignedPair(
            _ref("d3", 3), _ref("cgtn", 1), "paraphrase", 0.47, ("agreements", "future", "serve")
        ),
    )
    claims = (
        Claim("c1", (_ref("d3", 4), _ref("tass", 0), _ref("tass", 2)), ("d3", "tass")),
        Claim("c2", (_ref("cgtn", 1), _ref("d3", 3), _ref("tass", 4)), ("cgtn", "d3", "tass")),
        Claim("c3", (_ref("cgtn", 2), _ref("tass", 3)), ("cgtn", "tass")),
        Claim("c4", (_ref("cgtn", 4), _ref("tass", 5)), ("cgtn", "tass")),
        Claim("c10", (_ref("cgtn", 0), _ref("d3", 2)), ("cgtn", "d3")),
    )
    alignment = Alignment(
        pairs=pairs,
        unique={"tass": (1,), "d3": (0, 1), "cgtn": (3,)},
        claims=claims,
        aligner="lexical",
        min_score=0.2,
    )

    def signals(date: float, quotes: float, detail: str) -> tuple[EventSignal, ...]:
        return (
            EventSignal("date", date, 0.2, "2025-11-27 vs 2025-11-27" if date else "date unknown"),
            EventSignal("place", 1.0, 0.2, "Bishkek in both"),
            EventSignal("shared-quotes", quotes, 0.3, detail),
            EventSignal("aligned-share", 0.4, 0.3, "40% of sentences aligned"),
        )

    verdicts = (
        PairEventVerdict("tass", "d3", 0.62, True, signals(0.0, 0.5, '"collective West"')),
        PairEventVerdict(
            "tass",
            "cgtn",
            0.31 if not same_event else 0.7,
            same_event,
            signals(1.0, 0.0, "no quote shared | <i>none</i>"),
        ),
        PairEventVerdict("d3", "cgtn", 0.58, True, signals(0.0, 0.0, "no quote shared")),
    )
    verdict = SameEventVerdict(
        verdict=same_event,
        score=min(v.score for v in verdicts),
        threshold=0.5,
        pairs=verdicts,
    )
    similarity = (
        PairSimilarity("tass", "d3", 0.31415926, ("west", "collective", "putin")),
        PairSimilarity("tass", "cgtn", 0.12, ("putin", "alaska")),
        PairSimilarity("d3", "cgtn", 0.27, ("delegation", "moscow", "proposals")),
    )
    distinctive = (
        DistinctiveTerm("tass", "collective west", 1, 1, 0.21, 1.1, 1.2, (2,)),
        DistinctiveTerm("tass", "essence", 2, 0, 0.33, 2.3, 2.61, (1,)),
        DistinctiveTerm("tass", "<script>", 1, 0, 0.1, 0.9, 1.0, (5,)),
        DistinctiveTerm("d3", "positive momentum", 1, 0, 0.3, 2.0, 2.05, (0,)),
        DistinctiveTerm("d3", "war", 1, 1, 0.05, -0.2, -0.4, (2,)),
        DistinctiveTerm("cgtn", "ridiculous", 1, 0, 0.25, 2.0, 1.96, (4,)),
        DistinctiveTerm("cgtn", "delegation", 1, 1, 0.12, 0.5, 0.7, (0,)),
    )

    def score(kind: str, category: str, doc: str, hits: str) -> CategoryScore:
        # hits: "wording@sentence ..."; "_" stands for a space in a wording
        parsed = [
            (term.replace("_", " "), term.replace("_", " "), int(sentence))
            for term, sentence in (hit.split("@") for hit in hits.split())
        ]
        return _score(kind, kind, category, doc, tokens[doc], parsed)

    scores = (
        score("frames", "conflict", "tass", "conflict@0 war@2 hostilities@2"),
        score("frames", "conflict", "d3", "military@0 war@2 hostilities@4"),
        score("frames", "conflict", "cgtn", "attack@3"),
        score("frames", "diplomacy", "tass", "talks@3"),
        score("frames", "diplomacy", "d3", "delegation@2 agreement@3 talks@3"),
        score("frames", "diplomacy", "cgtn", "delegation@0 agreement@1 diplomatic@3"),
        score("frames", "legitimacy", "d3", ""),
        score("terminology", "conflict-name", "tass", "conflict@0 war@2"),
        score("terminology", "conflict-name", "d3", "war@2"),
        score("terminology", "conflict-name", "cgtn", ""),
        score("terminology", "us-name", "cgtn", "U.S.@0 U.S.@2 U.S.@2"),
        score("terminology", "us-name", "tass", "United_States@0 United_States@2 US@1"),
        score("attribution", "neutral", "tass", "told@0 said@1 said@2"),
        score("attribution", "neutral", "cgtn", "said@0 said@1 noted@2"),
        score("attribution", "emphatic", "d3", "emphasized@1 characterized@4"),
        score("hedges", "hedge", "d3", "could@3 suggested@3"),
        score("hedges", "hedge", "cgtn", "could@1"),
        _score("hedges", "hedges", "hedge", "tass", tokens["tass"], [("*x*", HOSTILE, 5)]),
    )
    differences = (
        RateDifference("frames", "conflict", "tass", "d3", 3.2, -6.5, 12.9, False),
        RateDifference("frames", "diplomacy", "d3", "cgtn", -12.04, -20.0, -4.1, True),
        RateDifference("frames", "diplomacy", "tass", "d3", -21.5, -40.25, -2.0, True),
        RateDifference("hedges", "hedge", "d3", "cgtn", 5.0, -3.0, 13.0, False),
    )
    quotes = (
        Quote(
            "tass",
            "The matter is in how sharply differing views are colliding within the collective "
            "West and the United States itself",
            (2,),
            "Putin",
            "said",
        ),
        Quote("tass", HOSTILE, (5,), HOSTILE_SPEAKER, "said"),
        Quote(
            "d3",
            "battle of opinions between the collective West and the U.S.",
            (4,),
            "Putin",
            "characterized",
        ),
        Quote("d3", "fight to the last Ukrainian", (1,), None, None),
        Quote("cgtn", "Frankly, that sounds ridiculous.", (4,), HOSTILE_SPEAKER, "said"),
    )
    voices = (
        Voices(
            "tass",
            0.45,
            (
                SpeakerStat("Putin", 1, 19, ("said",)),
                SpeakerStat(HOSTILE_SPEAKER, 1, 14, ("said",)),
            ),
        ),
        Voices("d3", 0.14, (SpeakerStat("Putin", 1, 10, ("characterized",)),)),
        Voices("cgtn", 0.3, (SpeakerStat(HOSTILE_SPEAKER, 1, 4, ("said",)),)),
    )
    tone = (
        Tone("tass", -0.21, ((0, -0.3), (1, 0.0), (2, -0.6), (3, 0.0), (4, 0.1), (5, -0.46))),
        Tone("d3", -0.05, ((0, 0.5), (1, -0.4), (2, -0.3), (3, 0.2), (4, -0.25))),
        Tone("cgtn", 0.02, ((0, 0.0), (1, 0.1), (2, 0.0), (3, -0.2), (4, 0.2))),
    )
    return Comparison(
        documents=documents,
        settings=Settings(
            min_score=0.2,
            aligner="lexical",
            lexicons=("frames", "terminology", "attribution", "hedges"),
            seed=0,
        ),
        alignment=alignment,
        same_event=verdict,
        similarity=similarity,
        distinctive_terms=distinctive,
        lexicon_scores=scores,
        rate_differences=differences,
        quotes=quotes,
        voices=voices,
        tone=tone,
        warnings=(
            "d3: no outlet found in metadata or dateline; labelled from the file name",
            f"d3: odd title {HOSTILE}",
        ),
    )


def same_event_comparison() -> Comparison:
    """The fixture with every pair judged to report the same event."""
    return build_comparison(same_event=True)


def shuffled(comparison: Comparison) -> Comparison:
    """The same comparison with every collection in reverse order (output must not change)."""
    alignment = dataclasses.replace(
        comparison.alignment,
        pairs=comparison.alignment.pairs[::-1],
        claims=comparison.alignment.claims[::-1],
        unique=dict(reversed(list(comparison.alignment.unique.items()))),
    )
    return dataclasses.replace(
        comparison,
        alignment=alignment,
        similarity=comparison.similarity[::-1],
        distinctive_terms=comparison.distinctive_terms[::-1],
        lexicon_scores=comparison.lexicon_scores[::-1],
        rate_differences=comparison.rate_differences[::-1],
        quotes=comparison.quotes[::-1],
        voices=comparison.voices[::-1],
        tone=comparison.tone[::-1],
    )
