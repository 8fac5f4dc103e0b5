"""Same event? Decide whether documents report one event, from evidence a reader can check.

Vocabulary overlap cannot tell "the same event" from "the same topic": reports of different
events about the same war share actors, places and phrases. So each document pair is scored
from signals that identify an *event* rather than a topic:

====================  ======  ===========================================================
signal                weight  value (0..1), or absent when a document gives no evidence
====================  ======  ===========================================================
date                    3     1 if the event dates agree within a day, 0 if 3+ days apart
weekday                 1     1 if the weekday the lead gives ("said on Thursday"), or the
                              metadata date's weekday, is the same, else 0
place                   2     1 if one report's event place (from its dateline, a photo
                              caption or "press conference in X") is named in the other, else 0
main-speaker            1     1 if the most-quoted speaker is the same, 0.5 if quoted at all
aligned-share           2     share of the shorter report's sentences aligned as the same
                              claim, reaching 1 at 40%
shared-quotes           1     same-quote pairs (not counting alike words of different
                              speakers), reaching 1 at two
====================  ======  ===========================================================

The pair score is the weighted mean of the signals present; a pair reports the same event when
the score reaches ``DEFAULT_THRESHOLD``. The verdict for N documents needs every pair to pass.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from framecmp.model import (
    Alignment,
    Document,
    EventSignal,
    PairEventVerdict,
    Quote,
    SameEventVerdict,
)
from framecmp.text.vocabulary import MONTHS

DEFAULT_THRESHOLD = 0.5
WEIGHTS = {
    "date": 3.0,
    "weekday": 1.0,
    "place": 2.0,
    "main-speaker": 1.0,
    "aligned-share": 2.0,
    "shared-quotes": 1.0,
}
FULL_ALIGNED_SHARE = 0.4  # aligned share of the shorter report that counts as full agreement
FULL_SHARED_QUOTES = 2

# Removed noise that still tells where and when: datelines, photo captions, headlines.
_EVIDENCE_REMOVALS = ("dateline", "repeated-caption", "caption", "headline")

_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b(?:,?\s+(\d{{4}}))?", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?"
# Only phrases that place *this* report's event: "summit in Alaska" or "talks in Anchorage"
# are as often earlier events the report looks back on, so they are not counted.
_EVENT_NOUNS = (
    r"(?:press conference|news conference|briefing|press briefing|speaking|remarks|roundtable"
    r"|forum|rally|ceremony|speech)"
)
_PLACE_PATTERNS = (
    re.compile(rf"\b{_EVENT_NOUNS}\s+(?:in|at)\s+({_NAME})"),  # "press conference in Bishkek"
    re.compile(
        rf"\b{_EVENT_NOUNS},\s+({_NAME}),\s+{_NAME},"
    ),  # caption: "press conference, Bishkek, Kyrgyzstan,"
)
_NOT_PLACES = frozenset(
    [name.title() for name in MONTHS]
    + ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "The"]
)


@dataclass(frozen=True, slots=True)
class _EventDate:
    year: int | None
    month: int
    day: int

    def days_apart(self, other: _EventDate) -> int | None:
        year = self.year or other.year
        other_year = other.year or self.year
        if year is None or other_year is None:
            if (self.month, self.day) == (other.month, other.day):
                return 0
            return None if self.month != other.month else abs(self.day - other.day)
        try:
            return abs(
                (date(year, self.month, self.day) - date(other_year, other.month, other.day)).days
            )
        except ValueError:
            return None


def judge_same_event(
    documents: Sequence[Document],
    alignment: Alignment,
    quotes: Sequence[Quote] = (),
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> SameEventVerdict:
    """Score every document pair on event signals; the verdict needs every pair to pass."""
    pair_verdicts = []
    for a, b in combinations(documents, 2):
        signals = _pair_signals(a, b, alignment, quotes)
        total_weight = sum(s.weight for s in signals)
        score = sum(s.value * s.weight for s in signals) / total_weight if total_weight else 0.0
        pair_verdicts.append(
            PairEventVerdict(
                a=a.doc_id, b=b.doc_id, score=score, same_event=score >= threshold, signals=signals
            )
        )
    lowest = min((p.score for p in pair_verdicts), default=1.0)
    return SameEventVerdict(
        verdict=all(p.same_event for p in pair_verdicts),
        score=lowest,
        threshold=threshold,
        pairs=tuple(pair_verdicts),
    )


def _pair_signals(
    a: Document, b: Document, alignment: Alignment, quotes: Sequence[Quote]
) -> tuple[EventSignal, ...]:
    candidates = (
        _date_signal(a, b),
        _weekday_signal(a, b),
        _place_signal(a, b),
        _speaker_signal(a, b, quotes),
        _aligned_share_signal(a, b, alignment),
        _shared_quotes_signal(a, b, alignment, quotes),
    )
    return tuple(s for s in candidates if s is not None)


def _signal(name: str, value: float, detail: str) -> EventSignal:
    return EventSignal(name=name, value=value, weight=WEIGHTS[name], detail=detail)


# --- date -------------------------------------------------------------------------------------


def _date_signal(a: Document, b: Document) -> EventSignal | None:
    date_a, date_b = _event_date(a), _event_date(b)
    if date_a is None or date_b is None:
        return None
    apart = date_a.days_apart(date_b)
    if apart is None:
        return None
    value = 1.0 if apart <= 1 else 0.5 if apart <= 2 else 0.0
    return _signal("date", value, f"{_show(date_a)} vs {_show(date_b)} ({apart} days apart)")


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
LEAD_SENTENCES = 3  # where news style states the day of the event ("said on Thursday")


def _weekday_signal(a: Document, b: Document) -> EventSignal | None:
    day_a, day_b = _event_weekday(a), _event_weekday(b)
    if day_a is None or day_b is None:
        return None
    value = 1.0 if day_a == day_b else 0.0
    return _signal("weekday", value, f"{day_a.title()} vs {day_b.title()}")


def _event_weekday(document: Document) -> str | None:
    """The weekday the lead names, else the weekday of the metadata date."""
    lead = " ".join(s.text for s in document.sentences[:LEAD_SENTENCES])
    if found := _WEEKDAY.search(lead):
        return found[1].lower()
    if document.date and (iso := _ISO_DATE.match(document.date)):
        try:
            return _WEEKDAYS[date(int(iso[1]), int(iso[2]), int(iso[3])).weekday()]
        except ValueError:
            return None
    return None


def _event_date(document: Document) -> _EventDate | None:
    """The date of the reported event: metadata first, then the first date in the text."""
    if document.date and (iso := _ISO_DATE.match(document.date)):
        return _EventDate(int(iso[1]), int(iso[2]), int(iso[3]))
    found = _dates_in(_evidence_text(document))
    if not found:
        return None
    year = next((d.year for d in found if d.year), None)
    first = found[0]
    return _EventDate(first.year or year, first.month, first.day)


def _dates_in(text: str) -> list[_EventDate]:
    found: list[tuple[int, _EventDate]] = []
    for match in _ISO_DATE.finditer(text):
        found.append((match.start(), _EventDate(int(match[1]), int(match[2]), int(match[3]))))
    for match in _MONTH_DAY.finditer(text):
        month, day, year = MONTHS[match[1].lower()], int(match[2]), match[3]
        found.append((match.start(), _EventDate(int(year) if year else None, month, day)))
    for match in _DAY_MONTH.finditer(text):
        day, month, year = int(match[1]), MONTHS[match[2].lower()], match[3]
        found.append((match.start(), _EventDate(int(year) if year else None, month, day)))
    return [d for _, d in sorted(found, key=lambda item: item[0]) if 1 <= d.day <= 31]


def _show(event: _EventDate) -> str:
    return f"{event.year or '????'}-{event.month:02d}-{event.day:02d}"


# --- place ------------------------------------------------------------------------------------


def event_places(document: Document) -> tuple[str, ...]:
    """Places the document says its event happened in (dateline, "press conference in X")."""
    places = Counter[str]()
    if document.place:
        places[document.place.title()] += 1
    for pattern in _PLACE_PATTERNS:
        for match in pattern.finditer(_evidence_text(document)):
            if match[1] not in _NOT_PLACES:
                places[match[1]] += 1
    return tuple(sorted(places))


def _place_signal(a: Document, b: Document) -> EventSignal | None:
    places_a, places_b = event_places(a), event_places(b)
    if not places_a and not places_b:
        return None
    text_a, text_b = _evidence_text(a).lower(), _evidence_text(b).lower()
    shared = sorted(
        {p for p in places_a if p.lower() in text_b} | {p for p in places_b if p.lower() in text_a}
    )
    if shared:
        return _signal("place", 1.0, f"both name {', '.join(shared)}")
    named = ", ".join(f"{d.doc_id}: {', '.join(p)}" for d, p in ((a, places_a), (b, places_b)) if p)
    return _signal("place", 0.0, f"event place not shared ({named})")


# --- voices and alignment -----------------------------------------------------------------------


def _main_speakers(doc_id: str, quotes: Sequence[Quote]) -> list[str]:
    words = Counter[str]()
    for quote in quotes:
        if quote.doc == doc_id and quote.speaker:
            words[quote.speaker] += len(quote.text.split())
    return [name for name, _ in sorted(words.items(), key=lambda item: (-item[1], item[0]))]


def _speaker_signal(a: Document, b: Document, quotes: Sequence[Quote]) -> EventSignal | None:
    speakers_a, speakers_b = _main_speakers(a.doc_id, quotes), _main_speakers(b.doc_id, quotes)
    if not speakers_a or not speakers_b:
        return None
    if speakers_a[0] == speakers_b[0]:
        return _signal("main-speaker", 1.0, f"both mainly quote {speakers_a[0]}")
    value = 0.5 if speakers_a[0] in speakers_b or speakers_b[0] in speakers_a else 0.0
    return _signal("main-speaker", value, f"mainly quoted: {speakers_a[0]} vs {speakers_b[0]}")


def _same_claim_pairs(
    a: Document, b: Document, alignment: Alignment
) -> Iterable[tuple[int, int, str]]:
    for pair in alignment.pairs:
        if pair.relation not in ("same-quote", "paraphrase"):
            continue
        if (pair.a.doc, pair.b.doc) == (a.doc_id, b.doc_id):
            yield pair.a.sentence, pair.b.sentence, pair.relation
        elif (pair.a.doc, pair.b.doc) == (b.doc_id, a.doc_id):
            yield pair.b.sentence, pair.a.sentence, pair.relation


def _aligned_share_signal(a: Document, b: Document, alignment: Alignment) -> EventSignal | None:
    if not a.sentences or not b.sentences:
        return None
    pairs = list(_same_claim_pairs(a, b, alignment))
    share_a = len({i for i, _, _ in pairs}) / len(a.sentences)
    share_b = len({j for _, j, _ in pairs}) / len(b.sentences)
    shorter_share = share_a if len(a.sentences) <= len(b.sentences) else share_b
    value = min(1.0, shorter_share / FULL_ALIGNED_SHARE)
    return _signal(
        "aligned-share",
        value,
        f"{share_a:.0%} of {a.doc_id} and {share_b:.0%} of {b.doc_id} sentences "
        "report the same claims",
    )


def _shared_quotes_signal(
    a: Document, b: Document, alignment: Alignment, quotes: Sequence[Quote]
) -> EventSignal:
    speakers = _speakers_by_sentence(quotes)
    quoted, other_speaker = [], []
    for i, j, relation in _same_claim_pairs(a, b, alignment):
        if relation != "same-quote":
            continue
        speakers_a, speakers_b = (
            speakers.get((a.doc_id, i), set()),
            speakers.get((b.doc_id, j), set()),
        )
        # Different people saying alike words is not one event's quote.
        if speakers_a and speakers_b and not speakers_a & speakers_b:
            other_speaker.append((i, j))
        else:
            quoted.append((i, j))
    value = min(1.0, len(quoted) / FULL_SHARED_QUOTES)
    detail = f"{len(quoted)} quotes in both"
    if quoted:
        detail += ": " + ", ".join(f"{a.doc_id}#{i}~{b.doc_id}#{j}" for i, j in sorted(quoted)[:4])
    if other_speaker:
        detail += f"; {len(other_speaker)} alike quotes by different speakers not counted"
    return _signal("shared-quotes", value, detail)


def _speakers_by_sentence(quotes: Sequence[Quote]) -> dict[tuple[str, int], set[str]]:
    speakers: dict[tuple[str, int], set[str]] = {}
    for quote in quotes:
        if quote.speaker:
            for sentence in quote.sentences:
                speakers.setdefault((quote.doc, sentence), set()).add(quote.speaker)
    return speakers


def _evidence_text(document: Document) -> str:
    extra = [r.text for r in document.removed if r.kind in _EVIDENCE_REMOVALS]
    return "\n".join([*extra, document.text])
