"""The same-event verdict on hand-made documents whose answer is known."""

from __future__ import annotations

from framecmp.analysis.event import DEFAULT_THRESHOLD, judge_same_event
from framecmp.model import (
    AlignedPair,
    Alignment,
    Document,
    Quote,
    Removal,
    Sentence,
    SentenceRef,
)


def _doc(
    doc_id: str,
    *texts: str,
    date: str | None = None,
    place: str | None = None,
    removed: tuple[Removal, ...] = (),
) -> Document:
    sentences = []
    offset = 0
    for index, text in enumerate(texts):
        sentences.append(
            Sentence(index, index, text, offset, offset + len(text), tuple(text.split()))
        )
        offset += len(text) + 1
    return Document(
        doc_id=doc_id,
        outlet=doc_id,
        path=f"{doc_id}.txt",
        text="\n".join(texts),
        sentences=tuple(sentences),
        removed=removed,
        date=date,
        place=place,
    )


def _alignment(*pairs: tuple[str, int, str, int, str]) -> Alignment:
    return Alignment(
        pairs=tuple(
            AlignedPair(SentenceRef(a, i), SentenceRef(b, j), rel, 0.9) for a, i, b, j, rel in pairs
        ),
        unique={},
        claims=(),
        aligner="lexical",
        min_score=0.3,
    )


def _signal(verdict_pair, name):  # type: ignore[no-untyped-def]
    return next(s for s in verdict_pair.signals if s.name == name)


SUMMIT = (
    "The leaders met in Geneva on Monday.",
    "They agreed to talk again.",
    "Markets rose after the meeting.",
)


def test_matching_date_place_and_claims_give_the_same_event() -> None:
    a = _doc("a", *SUMMIT, date="2025-03-03", place="Geneva")
    b = _doc(
        "b",
        "At a summit in Geneva, Switzerland, on March 3, the leaders met.",
        "They agreed to talk again soon.",
        "Protesters gathered outside.",
    )
    verdict = judge_same_event(
        [a, b], _alignment(("a", 1, "b", 1, "paraphrase"), ("a", 0, "b", 0, "paraphrase"))
    )
    assert verdict.verdict
    pair = verdict.pairs[0]
    assert _signal(pair, "date").value == 1.0
    assert _signal(pair, "place").value == 1.0
    assert "Geneva" in _signal(pair, "place").detail


def test_dates_months_apart_and_no_shared_claims_give_different_events() -> None:
    a = _doc("a", *SUMMIT, date="2025-03-03", place="Geneva")
    b = _doc(
        "b",
        "The leaders met in Geneva, Switzerland.",
        "They agreed to talk again.",
        "Markets rose.",
        date="2025-08-17",
    )
    verdict = judge_same_event([a, b], _alignment())
    assert not verdict.verdict
    assert verdict.score < DEFAULT_THRESHOLD
    date_signal = _signal(verdict.pairs[0], "date")
    assert date_signal.value == 0.0
    assert "2025-03-03" in date_signal.detail
    assert "2025-08-17" in date_signal.detail


def test_date_in_text_counts_when_metadata_has_none() -> None:
    a = _doc("a", *SUMMIT, date="2025-11-27")
    b = _doc(
        "b",
        "During a press conference in Bishkek on Thursday, November 27, he spoke.",
        "Nothing else.",
        "Really nothing.",
    )
    pair = judge_same_event([a, b], _alignment()).pairs[0]
    assert _signal(pair, "date").value == 1.0


def test_date_and_place_in_a_removed_caption_are_evidence() -> None:
    caption = Removal(
        "repeated-caption", "The president speaks, Bishkek, Kyrgyzstan, November 27, 2025. /VCG"
    )
    a = _doc("a", *SUMMIT, date="2025-11-27", place="Bishkek")
    b = _doc("b", "He said talks would go on.", "More words here.", "And here.", removed=(caption,))
    pair = judge_same_event([a, b], _alignment()).pairs[0]
    assert _signal(pair, "date").value == 1.0
    assert _signal(pair, "place").value == 1.0


def test_different_main_speakers_count_against_the_same_event() -> None:
    a = _doc("a", "x y z.", "p q r.", "s t u.")
    b = _doc("b", "x y z.", "p q r.", "s t u.")
    quotes = (
        Quote("a", "we will talk about root causes at length", (0,), "Lavrov", "said"),
        Quote("b", "the elimination of root causes is the basis", (0,), "Putin", "said"),
    )
    pair = judge_same_event([a, b], _alignment(), quotes).pairs[0]
    assert _signal(pair, "main-speaker").value == 0.0
    assert "Lavrov" in _signal(pair, "main-speaker").detail


def test_verdict_needs_every_pair_and_reports_the_lowest_score() -> None:
    a = _doc("a", *SUMMIT, date="2025-03-03", place="Geneva")
    b = _doc("b", *SUMMIT, date="2025-03-03", place="Geneva")
    c = _doc("c", "Unrelated words entirely.", "Still unrelated.", "Yes.", date="2024-01-01")
    verdict = judge_same_event([a, b, c], _alignment(("a", 0, "b", 0, "same-quote")))
    assert [(p.a, p.b, p.same_event) for p in verdict.pairs] == [
        ("a", "b", True),
        ("a", "c", False),
        ("b", "c", False),
    ]
    assert not verdict.verdict
    assert verdict.score == min(p.score for p in verdict.pairs)


def test_shared_quotes_and_aligned_share_reach_full_marks() -> None:
    a = _doc("a", "one.", "two.", "three.", "four.", "five.")
    b = _doc("b", "one.", "two.", "three.", "four.", "five.")
    pair = judge_same_event(
        [a, b], _alignment(("a", 0, "b", 0, "same-quote"), ("a", 1, "b", 1, "same-quote"))
    ).pairs[0]
    assert _signal(pair, "shared-quotes").value == 1.0
    assert _signal(pair, "aligned-share").value == 1.0  # 2 of 5 = 40%


def test_weekday_in_the_lead_or_from_the_date() -> None:
    thursday = _doc("a", "Speaking at a roundtable on Thursday, he spoke.", "More.", "Even more.")
    saturday = _doc("b", "Putin on Saturday convened officials.", "More.", "Even more.")
    dated = _doc("c", "He spoke.", "More.", "Even more.", date="2025-11-27")  # a Thursday
    pair = judge_same_event([thursday, saturday, dated], _alignment()).pairs
    assert _signal(pair[0], "weekday").value == 0.0
    assert _signal(pair[0], "weekday").detail == "Thursday vs Saturday"
    assert _signal(pair[1], "weekday").value == 1.0
