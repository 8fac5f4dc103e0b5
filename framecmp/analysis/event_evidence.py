"""Per-document event evidence: the date the lead is about, its rare words, names, numbers.

``event_evidence(document)`` reads a document once; ``event.judge_pair`` compares two results
without going back to the text, so N documents cost N readings and N^2/2 cheap set operations.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib.resources import files

from framecmp.model import PUBLICATION_TIMESTAMP, Document, EventEvidence, Quote, QuoteEvidence
from framecmp.text.segment import tokenize
from framecmp.text.sorted_rows import header_end, value_of
from framecmp.text.vocabulary import (
    MONTHS,
    MONTHS_RU,
    WEEKDAYS,
    american_spelling,
    is_content_word,
    normalise,
)

# News style states the event in the headline and the first sentences (the "lead"); later
# sentences carry background. 3 sentences: see docs/same-event.md for the ECB+ figures.
LEAD_SENTENCES = 3
# A lead's explicit date or weekday counts as the event date only when it falls this many days
# before (or on) the publication date: a week covers "on Thursday" and "last Friday".
MAX_LEAD_DAYS_BEFORE = 7
QUOTE_SHINGLE_WORDS = 4  # "the same words" = four normalised words in a row

# Removed noise that still tells where and when: datelines, photo captions, headlines.
# Kinds as framecmp.ingest.clean emits them (data/clean_rules.toml).
EVIDENCE_REMOVALS = ("dateline", "photo-caption", "repeated-caption", "headline")

_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b(?:,?\s+(\d{{4}}))?", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# Russian and Chinese wire datelines: "27 ноября 2025 г.", "2025年11月27日", "11月27日电".
_RU_MONTH = "(" + "|".join(sorted(MONTHS_RU, key=len, reverse=True)) + r")\.?"
_RU_DAY_MONTH = re.compile(rf"(?<!\d)(\d{{1,2}})\s+{_RU_MONTH}(?![а-яё])(?:\s+(\d{{4}}))?", re.I)
_ZH_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
# A date right after these words is background ("since February 24, 2022"), not the event.
_BACKGROUND_BEFORE = re.compile(
    r"\b(?:since|until|till|before|after|from|by|anniversary of|began|started)\s+(?:on\s+)?$",
    re.I,
)
_RELATIVE_DAY = re.compile(
    r"\b(?:(?P<rel>today|tonight|yesterday)|(?:on|last|this)\s+(?P<day>"
    + "|".join(WEEKDAYS)
    + r"))\b",
    re.I,
)
# Weekday and month names say when, not what: the date gap weighs them, not word overlap.
_DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"today", "yesterday", "tonight"}
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_TIME = re.compile(r"^\d{1,2}:\d\d$")
_NUMBER = re.compile(r"^\d[\d,.]*$")
# The numbers of a word, inside hyphenated ones too ("4.4-magnitude", "33-year-old"); a clock
# time ("9:30", one token) is one number.
_DIGITS = re.compile(r"(?<![\d.,:])\d+(?:[.,:]\d+)*(?![\d.,:]*[A-Za-z])")
_ANY_DIGIT = re.compile(r"\d")
_MONTH_NAMES = {number: name for name, number in reversed(MONTHS.items())}  # 12 -> "december"

_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?"
# Only phrases that place *this* report's event: "summit in Alaska" or "talks in Geneva" are
# as often earlier events the report looks back on, so they are not counted.
_EVENT_NOUN_WORDS = (
    "press conference",
    "news conference",
    "briefing",
    "press briefing",
    "speaking",
    "remarks",
    "roundtable",
    "forum",
    "rally",
    "ceremony",
    "speech",
)
_EVENT_NOUNS = "(?:" + "|".join(_EVENT_NOUN_WORDS) + ")"
_PLACE_PATTERNS = (
    re.compile(rf"\b{_EVENT_NOUNS}\s+(?:in|at)\s+({_NAME})"),  # "press conference in Geneva"
    re.compile(rf"\b{_EVENT_NOUNS},\s+({_NAME}),\s+{_NAME},"),  # caption: "speech, Lyon, France,"
)
_NOT_PLACES = frozenset([name.title() for name in MONTHS] + [d.title() for d in WEEKDAYS])


def event_evidence(document: Document, quotes: Sequence[Quote] = ()) -> EventEvidence:
    """Everything the same-event model needs from one document, read once."""
    lead_text = _lead_text(document)
    published, stamp = _iso(document.date), None
    if published is None and (stamp := _text_publication(document)) is not None:
        published = stamp[0]
    event_date, source, detail = _event_date(document, lead_text, published)
    if source == "publication" and stamp is not None:
        source, detail = "timestamp", stamp[1]
    lead_tokens = [t for s in document.sentences[:LEAD_SENTENCES] for t in s.tokens]
    if document.title:
        lead_tokens.extend(tokenize(document.title))
    terms: list[str] = []  # every content word, counted at once below
    names: list[str] = []
    numbers: set[str] = set()
    # What the lead says happened when and how much: the two events of one topic differ there.
    lead_numbers: set[str] = set()
    lead_weekdays: set[str] = set()
    lead_months: set[str] = set()
    for index, sentence in enumerate(document.sentences):
        in_lead = index < LEAD_SENTENCES
        for position, token in enumerate(sentence.tokens):
            word = normalise(token)
            if in_lead:
                # Digits inside words count too: "33-year-old", "magnitude-6.1", "26-man".
                for value in (m.replace(",", "") for m in _DIGITS.findall(word)):
                    if not _YEAR.match(value):
                        lead_numbers.add(value)
            # a number standing alone; a clock time is one ("9:30"). Numbers inside hyphenated
            # words ("4.4-magnitude") count in the lead only: here they took held-out accuracy
            # from 0.907 / 0.946 to 0.901 / 0.945 (grouped, text / dates; docs/same-event.md)
            if _NUMBER.match(word) or _TIME.match(word):
                value = word.replace(",", "").rstrip(".")
                if not _YEAR.match(value):
                    numbers.add(value)
                continue
            if in_lead:
                if word in WEEKDAYS:
                    lead_weekdays.add(word)
                # Capitalised and not opening a sentence: "May" the month, not "may" the verb.
                elif word.rstrip(".") in MONTHS and position > 0 and token[:1].isupper():
                    lead_months.add(_MONTH_NAMES[MONTHS[word.rstrip(".")]])
            if not is_content_word(word) or word in _DATE_WORDS:
                continue
            # one word in British and American spelling is one term ("jewellery" / "jewelry")
            term = american_spelling(word)
            terms.append(term)
            if position > 0 and token[:1].isupper() and any(c.islower() for c in token):
                names.append(term)
    term_counts, name_counts = Counter(terms), Counter(names)
    return EventEvidence(
        doc_id=document.doc_id,
        published=published.isoformat() if published else None,
        event_date=event_date,
        event_date_source=source,
        event_date_detail=detail,
        lead_terms=tuple(
            sorted({american_spelling(w) for w in map(normalise, lead_tokens) if _is_term(w)})
        ),
        term_counts=tuple(sorted(term_counts.items())),
        name_counts=tuple(sorted(name_counts.items())),
        numbers=tuple(sorted(numbers)),
        lead_numbers=tuple(sorted(lead_numbers)),
        lead_weekdays=tuple(sorted(lead_weekdays)),
        lead_months=tuple(sorted(lead_months)),
        language=document.language,
        places=event_places(document),
        quotes=tuple(
            sorted(
                (_quote_evidence(q) for q in quotes if q.doc == document.doc_id),
                key=lambda q: (q.speaker or "", q.shingles),
            )
        ),
    )


_ZIPF_FLOOR = re.compile(r"^# zipf_floor: ([0-9.]+)$", re.MULTILINE)


@lru_cache(maxsize=65536)
def information(word: str) -> float:
    """Self-information of a word in English, -log10 of its frequency (rare words weigh more)."""
    rows, floor = _zipf_rows()
    zipf = value_of(rows, word)
    if zipf is not None:
        return 9.0 - float(zipf)
    # Words outside the 40,000 most frequent are all rarer than the table's floor.
    return 9.0 - floor


@cache
def _zipf_rows() -> tuple[list[str], float]:
    """The rows of ``framecmp/data/word_zipf.tsv`` (wordfreq 3.1.1, CC BY-SA 4.0; source in
    the file), sorted by word, and the lowest zipf listed.

    A word is found by binary search: a dict of the 40,000 rows cost 15-25 ms of every
    compare, which looks up a few hundred words.
    """
    text = (files("framecmp") / "data" / "word_zipf.tsv").read_text(encoding="utf-8")
    body_start = header_end(text)
    rows = text[body_start:].split("\n")
    if not rows[-1]:
        rows.pop()
    rows.sort()  # sorted already (the file is), so a single pass; it makes the search safe
    floor = _ZIPF_FLOOR.search(text, 0, body_start)
    if floor is None:
        return rows, min(float(row.rpartition("\t")[2]) for row in rows)
    return rows, float(floor[1])


def event_places(document: Document) -> tuple[str, ...]:
    """Places the document says its event happened in (dateline, "press conference in X")."""
    places: set[str] = set()
    if document.place:
        places.add(document.place.title())
    text = _evidence_text(document)
    # Both patterns need one of the nouns: most texts have none, and a substring test is far
    # cheaper than the patterns' scan (the same places either way).
    if not any(noun in text for noun in _EVENT_NOUN_WORDS):
        return tuple(sorted(places))
    for pattern in _PLACE_PATTERNS:
        for match in pattern.finditer(text):
            if match[1] not in _NOT_PLACES:
                places.add(match[1])
    return tuple(sorted(places))


def _is_term(word: str) -> bool:
    return is_content_word(word) and not _NUMBER.match(word) and word not in _DATE_WORDS


def _quote_evidence(quote: Quote) -> QuoteEvidence:
    words = [american_spelling(normalise(w)) for w in tokenize(quote.text)]
    size = QUOTE_SHINGLE_WORDS
    shingles = {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}
    return QuoteEvidence(speaker=quote.speaker, shingles=tuple(sorted(shingles)))


def _evidence_text(document: Document) -> str:
    extra = [r.text for r in document.removed if r.kind in EVIDENCE_REMOVALS]
    return "\n".join([*extra, document.text])


def _lead_text(document: Document) -> str:
    extra = [r.text for r in document.removed if r.kind in EVIDENCE_REMOVALS]
    lead = [s.text for s in document.sentences[:LEAD_SENTENCES]]
    return "\n".join([*extra, *lead])


def _iso(value: str | None) -> date | None:
    if value and (match := _ISO_DATE.match(value.strip())):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


def _event_date(
    document: Document, lead: str, published: date | None
) -> tuple[str | None, str | None, str]:
    """The date the lead is about, as ISO "YYYY-MM-DD", or "--MM-DD" when the text gives no
    year and there is no publication date (the year is never guessed); never a background date.
    """
    dateline_kinds = {"dateline", "photo-caption", "repeated-caption"}
    sources = [
        (r.text, r.kind.removeprefix("repeated-"))
        for r in document.removed
        if r.kind in dateline_kinds
    ]
    sources.append((lead, "lead-date"))
    for text, source in sources:
        for found, words in _explicit_dates(text, published):
            if isinstance(found, str):
                return found, source, words
            if published is None or _plausible(found, published):
                return found.isoformat(), source, words
    if published is not None:
        if match := _RELATIVE_DAY.search(lead):
            return _resolve_relative(match, published).isoformat(), "lead-weekday", match[0]
        return published.isoformat(), "publication", "metadata date"
    return None, None, ""


def publication_in_text(document: Document) -> str | None:
    """The ISO date of the report's publication line(s) above its text, the date the
    same-event stage takes when no metadata gives one; None when there is none."""
    found = _text_publication(document)
    return found[0].isoformat() if found else None


def _text_publication(document: Document) -> tuple[date, str] | None:
    """The earliest full date of the timestamp lines above the text ("First Published: June
    13, 2013", "Updated ..."), with its line: the report's date when no metadata gives one."""
    found = [
        (day, removal.text)
        for removal in document.removed
        if removal.kind == PUBLICATION_TIMESTAMP
        for day, _ in _explicit_dates(removal.text, None)
        if isinstance(day, date)
    ]
    return min(found) if found else None


def _plausible(found: date, published: date) -> bool:
    return timedelta(0) <= published - found <= timedelta(days=MAX_LEAD_DAYS_BEFORE)


def _resolve_relative(match: re.Match[str], published: date) -> date:
    if rel := match["rel"]:
        return _days_before(published, 1 if rel.lower() == "yesterday" else 0)
    weekday = WEEKDAYS.index(match["day"].lower())
    back = (published.weekday() - weekday) % 7
    if match[0].lower().startswith("last") and back == 0:
        back = 7
    return _days_before(published, back)


def _days_before(published: date, days: int) -> date:
    # a metadata date of 0001-01-01 (a placeholder some exports write) has no day before it
    return published - timedelta(days=min(days, published.toordinal() - 1))


def _explicit_dates(text: str, published: date | None) -> list[tuple[date | str, str]]:
    """Dates in text order: full dates, or "--MM-DD" for a day without a year or context."""
    found: list[tuple[int, date | str, str]] = []
    if not _ANY_DIGIT.search(text):  # every date pattern has a digit
        return []
    for match in _ISO_DATE.finditer(text):
        _add(found, text, match, int(match[1]), int(match[2]), int(match[3]), published)
    for match in _MONTH_DAY.finditer(text):
        year = int(match[3]) if match[3] else None
        _add(found, text, match, year, MONTHS[match[1].lower()], int(match[2]), published)
    for match in _DAY_MONTH.finditer(text):
        year = int(match[3]) if match[3] else None
        _add(found, text, match, year, MONTHS[match[2].lower()], int(match[1]), published)
    for match in _RU_DAY_MONTH.finditer(text):
        year = int(match[3]) if match[3] else None
        _add(found, text, match, year, MONTHS_RU[match[2].lower()], int(match[1]), published)
    for match in _ZH_DATE.finditer(text):
        year = int(match[1]) if match[1] else None
        _add(found, text, match, year, int(match[2]), int(match[3]), published)
    return [(d, words) for _, d, words in sorted(found, key=lambda item: item[0])]


def _add(
    found: list[tuple[int, date | str, str]],
    text: str,
    match: re.Match[str],
    year: int | None,
    month: int,
    day: int,
    published: date | None,
) -> None:
    if _BACKGROUND_BEFORE.search(text[max(0, match.start() - 40) : match.start()]):
        return
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: February 29 is a valid day
    except ValueError:
        return
    if year is None:
        if published is None:
            found.append((match.start(), f"--{month:02d}-{day:02d}", match[0]))
            return
        year = published.year
        # "December 30" in a report published on January 2 is last year's.
        if (month, day) > (published.month, published.day):
            year -= 1
    try:
        found.append((match.start(), date(year, month, day), match[0]))
    except ValueError:
        return  # February 29 of a year that has none
