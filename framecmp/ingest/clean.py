"""Clean stage: take capture noise (banners, trailers, captions, datelines, headings) out of an
article, recording every removal so reports can show what went."""

from __future__ import annotations

import itertools
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from framecmp.errors import FramecmpError, InputError
from framecmp.model import PUBLICATION_TIMESTAMP, CleanText, Removal
from framecmp.text.vocabulary import MONTHS_RU

if TYPE_CHECKING:
    from framecmp.model import Article

_RULES_FILE = "framecmp/data/clean_rules.toml"
_RULE_KEYS = frozenset({"kind", "patterns", "where", "window", "max_words", "near", "cut_after"})
_NEAR_DISTANCE = 2
_SENTENCE_END = (".", "!", "?", '"', "\u201d", "\u2019", "'", ":", ";", "\u2026", "\u00bb")
_MAX_HEADING_WORDS = 10
_MAX_HEADLINE_WORDS = 15
_MAX_LABEL_WORDS = 4

_DATELINE = re.compile(
    r"""
    (?P<place>[A-Z][A-Z'.-]+(?:\ [A-Z][A-Z'.-]+){0,3})              # BISHKEK, NEW YORK
    (?:,\ (?P<region>[A-Z][a-z]+(?:\ [A-Z][a-z]+){0,2}))?           # KYIV, Ukraine (AP style)
    (?:[,.]\ ?(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?
        \ \d{1,2}(?:,\ \d{4})?))?                                   # , November 27 / Dec 4
    (?:
        \.?\ ?/(?P<slash_agency>[A-Za-z][A-Za-z .-]{0,20})/\.?       # . /TASS/.
      | \ ?\((?P<paren_agency>[A-Za-z][A-Za-z .-]{0,25})\)\ *(?:[-\u2013\u2014]+|:)?  # (Reuters) -
      | \ *(?:\u2014|\u2013|--|\ -)                                # WASHINGTON --
    )
    \ *
    """,
    re.VERBOSE,
)
# Russian wire datelines: "МОСКВА, 27 ноября. /ТАСС/.", "КИЕВ, 3 мар - РИА Новости." (TASS, RIA
# Novosti, Interfax and Ukrinform put the place in capitals, the day and the month in genitive).
_RU_MONTHS = "|".join(sorted(MONTHS_RU, key=len, reverse=True))
_RU_DATELINE = re.compile(
    r"(?P<place>[А-ЯЁ][А-ЯЁ'-]+(?:[ -][А-ЯЁ][А-ЯЁ'-]+){0,3})[,.]\s+"
    rf"(?P<date>\d{{1,2}}\s+(?:{_RU_MONTHS})\.?(?:\s+\d{{4}}(?:\s+г(?:ода|\.))?)?)\.?\s*"
    r"(?:/(?P<slash_agency>[^/\n]{1,25})/\.?|[-\u2013\u2014]\s*(?P<paren_agency>[А-ЯЁA-Z][^.\n]{1,25})\.)\s*"
)
# Chinese wire datelines: "新华社北京11月27日电（记者 王某）", "中新网上海11月27日电".
_ZH_DATELINE = re.compile(
    r"(?P<slash_agency>新华社|中新社|中新网|人民网|央视网|环球网|中国日报网)?\s*"
    r"(?P<place>[\u4e00-\u9fff]{2,6}?)\s*(?P<date>\d{1,2}月\d{1,2}日)电"
    r"(?:[（(][^）)]{0,40}[）)])?\s*"
)
# All-caps words that open sentences but are not places.
_NOT_PLACES = frozenset({"NATO", "EU", "UN", "US", "USA", "UK", "BREAKING", "UPDATE", "EXCLUSIVE"})


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: str
    patterns: tuple[re.Pattern[str], ...]
    where: str = "anywhere"
    window: int = 5
    max_words: int = 40
    near: tuple[str, ...] = ()
    cut_after: bool = False
    # The patterns as one alternation: it matches somewhere exactly when one of them does (the
    # rules use no backreferences or inline flags), in one scan instead of one per pattern.
    any_pattern: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        combined = "|".join(f"(?:{pattern.pattern})" for pattern in self.patterns)
        object.__setattr__(self, "any_pattern", re.compile(combined, re.IGNORECASE))

    def matches(self, paragraph: str, words: int) -> bool:
        """``words`` is the paragraph's word count (``len(paragraph.split())``)."""
        return words <= self.max_words and self.any_pattern.search(paragraph) is not None


def clean(article: Article) -> CleanText:
    """Remove capture noise from an article's text and record what was removed."""
    paragraphs = _paragraphs(article.text)
    cleaner = _Cleaner(paragraphs)
    cleaner.remove_repeats()
    for rule in _rules():
        cleaner.apply(rule)
    cleaner.remove_headline()
    outlet_hint, place_hint = cleaner.remove_dateline()
    cleaner.remove_section_headings()
    cleaner.remove_trailing_labels()
    cleaner.mark_publication_lines()
    kept = cleaner.kept_text()
    if not kept:
        kinds = dict.fromkeys(removal.kind for removal in cleaner.removals())
        raise InputError(
            f"{article.path}: no article text left after cleaning "
            f"(removed: {', '.join(kinds) or 'nothing'}); is it an article?"
        )
    if outlet_hint is None:
        outlet_hint = next((r.text for r in cleaner.removals() if r.kind == "outlet-name"), None)
    return CleanText(
        text="\n".join(kept),
        removed=cleaner.removals(),
        outlet_hint=outlet_hint,
        place_hint=place_hint,
    )


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines with whitespace collapsed; a hard-wrapped line is joined to the next."""
    paragraphs: list[str] = []
    for block in re.split(r"\n[^\S\n]*\n", text):
        in_block = False
        for raw_line in block.split("\n"):
            line = " ".join(raw_line.split())  # also turns NBSP and other spaces into " "
            if not line:
                continue
            # A line that stops mid-sentence and goes on in lower case was hard-wrapped.
            if in_block and line[:1].islower() and not paragraphs[-1].endswith(_SENTENCE_END):
                paragraphs[-1] += " " + line
            else:
                paragraphs.append(line)
            in_block = True
    return paragraphs


class _Cleaner:
    """Paragraphs with a kept/removed state, and the removals recorded by position."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.paragraphs = paragraphs
        self.kept = [True] * len(paragraphs)
        self._removals: list[tuple[int, int, Removal]] = []  # (paragraph, order, removal)
        self._kinds: list[str | None] = [None] * len(paragraphs)
        # Word counts, taken once: every rule asks (paragraphs change only after the rules).
        self.words = [len(paragraph.split()) for paragraph in paragraphs]

    def removals(self) -> tuple[Removal, ...]:
        return tuple(removal for _, _, removal in sorted(self._removals, key=lambda r: r[:2]))

    def kept_text(self) -> list[str]:
        return [p for p, kept in zip(self.paragraphs, self.kept, strict=True) if kept and p]

    def _kept_indexes(self) -> list[int]:
        return [i for i, kept in enumerate(self.kept) if kept]

    def _remove(self, index: int, kind: str) -> None:
        self.kept[index] = False
        self._kinds[index] = kind
        self._removals.append((index, len(self._removals), Removal(kind, self.paragraphs[index])))

    def remove_repeats(self) -> None:
        caption_patterns = [rule.any_pattern for rule in _rules() if rule.kind == "photo-caption"]
        seen: dict[str, list[int]] = {}
        for index, paragraph in enumerate(self.paragraphs):
            seen.setdefault(paragraph, []).append(index)
        for paragraph, indexes in seen.items():
            if len(indexes) < 2:
                continue
            if any(pattern.search(paragraph) for pattern in caption_patterns):
                for index in indexes:
                    self._remove(index, "repeated-caption")
            else:
                for index in indexes[1:]:
                    self._remove(index, "duplicate-paragraph")

    def apply(self, rule: _Rule) -> None:
        candidates = self._kept_indexes()
        if rule.where == "top":
            candidates = candidates[: rule.window]
        elif rule.where == "bottom":
            candidates = candidates[-rule.window :]
        for index in candidates:
            if not self.kept[index] or not rule.matches(self.paragraphs[index], self.words[index]):
                continue
            if rule.near and not self._near(index, rule.near):
                continue
            following = [i for i in self._kept_indexes() if i > index]
            self._remove(index, rule.kind)
            if rule.cut_after and all(
                self.words[i] <= rule.max_words and not self.paragraphs[i].endswith(_SENTENCE_END)
                for i in following
            ):
                for i in following:
                    self._remove(i, rule.kind)

    def _near(self, index: int, kinds: tuple[str, ...]) -> bool:
        low, high = max(0, index - _NEAR_DISTANCE), index + _NEAR_DISTANCE + 1
        return any(kind in kinds for kind in self._kinds[low:high])

    def remove_headline(self) -> None:
        """Remove a first paragraph that is a short headline rather than a sentence.

        A longer unpunctuated first paragraph is a standfirst: the outlet's own summary of the
        story, worded as a claim ("Moscow and Washington have reaffirmed ..."), so it stays.
        """
        kept = self._kept_indexes()
        if (
            len(kept) >= 2
            and _is_title_like(self.paragraphs[kept[0]])
            and len(self.paragraphs[kept[0]].split()) <= _MAX_HEADLINE_WORDS
        ):
            self._remove(kept[0], "headline")

    def remove_dateline(self) -> tuple[str | None, str | None]:
        """Strip a dateline from the first paragraph; return its (outlet, place) hints."""
        kept = self._kept_indexes()
        if not kept:
            return None, None
        index = kept[0]
        paragraph = self.paragraphs[index]
        match = (
            _DATELINE.match(paragraph)
            or _RU_DATELINE.match(paragraph)
            or _ZH_DATELINE.match(paragraph)
        )
        if match is None or match["place"] in _NOT_PLACES:
            return None, None
        agency = match["slash_agency"] or match["paren_agency"]
        if agency is None and match["date"] is None and len(match["place"]) < 3:
            return None, None
        self._removals.append((index, len(self._removals), Removal("dateline", match[0].strip())))
        self.paragraphs[index] = paragraph[match.end() :]
        if not self.paragraphs[index]:
            self.kept[index] = False
        place = match["place"].title()
        return (agency.strip() if agency else None), place

    def remove_section_headings(self) -> None:
        kept = self._kept_indexes()
        for index, next_index in itertools.pairwise(kept):
            heading, following = self.paragraphs[index], self.paragraphs[next_index]
            if (
                len(heading.split()) <= _MAX_HEADING_WORDS
                and _is_title_like(heading)
                and len(following.split()) > len(heading.split())
                and following.endswith(_SENTENCE_END)
            ):
                self._remove(index, "section-heading")

    def mark_publication_lines(self) -> None:
        """A timestamp above the text ("Published: 10 Sep 2008", "14 June 2013") is the
        report's publication line: kind ``publication-timestamp``. Below the first kept
        paragraph, a date is more often a related story's than the report's."""
        kept = self._kept_indexes()
        if not kept:
            return
        self._removals = [
            (index, order, Removal(PUBLICATION_TIMESTAMP, removal.text))
            if removal.kind == "timestamp" and index < kept[0]
            else (index, order, removal)
            for index, order, removal in self._removals
        ]

    def remove_trailing_labels(self) -> None:
        """Remove short title-like lines after the last sentence: widget labels ("Topics",
        "More on this") whose links the capture lost. A heading needs text after it."""
        kept = self._kept_indexes()
        while len(kept) >= 2:
            last = self.paragraphs[kept[-1]]
            if len(last.split()) > _MAX_LABEL_WORDS or not _is_title_like(last):
                return
            self._remove(kept.pop(), "trailing-label")


def _is_title_like(paragraph: str) -> bool:
    """True for a line that starts like a title and does not end like a sentence."""
    return (paragraph[:1].isupper() or paragraph[:1].isdigit()) and not paragraph.endswith(
        _SENTENCE_END
    )


@cache
def _rules() -> tuple[_Rule, ...]:
    """The bundled clean rules, parsed and checked."""
    text = (files("framecmp") / "data" / "clean_rules.toml").read_text(encoding="utf-8")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise FramecmpError(f"{_RULES_FILE}: {err}") from None
    if raw.get("schema_version") != 1:
        raise FramecmpError(f"{_RULES_FILE}: schema_version must be 1")
    return tuple(_parse_rule(number, table) for number, table in enumerate(raw.get("rule", []), 1))


def _parse_rule(number: int, table: dict[str, object]) -> _Rule:
    where = f"{_RULES_FILE}: rule {number}"
    if unknown := sorted(table.keys() - _RULE_KEYS):
        raise FramecmpError(f"{where}: unknown key(s) {unknown}")
    kind, patterns = table.get("kind"), table.get("patterns")
    if not isinstance(kind, str) or not kind:
        raise FramecmpError(f"{where}: 'kind' must be a non-empty string")
    if (
        not isinstance(patterns, list)
        or not patterns
        or not all(isinstance(p, str) for p in patterns)
    ):
        raise FramecmpError(f"{where}: 'patterns' must be a non-empty list of strings")
    position = table.get("where", "anywhere")
    if position not in ("top", "bottom", "anywhere"):
        raise FramecmpError(f"{where}: 'where' must be top, bottom or anywhere")
    window, max_words = table.get("window", 5), table.get("max_words", 40)
    if not (
        isinstance(window, int) and window >= 1 and isinstance(max_words, int) and max_words >= 1
    ):
        raise FramecmpError(f"{where}: 'window' and 'max_words' must be integers >= 1")
    near = table.get("near", [])
    if not isinstance(near, list) or not all(isinstance(k, str) for k in near):
        raise FramecmpError(f"{where}: 'near' must be a list of kinds")
    cut_after = table.get("cut_after", False)
    if not isinstance(cut_after, bool):
        raise FramecmpError(f"{where}: 'cut_after' must be true or false")
    try:
        compiled = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
    except re.error as err:
        raise FramecmpError(f"{where}: bad pattern {err.pattern!r}: {err}") from None
    return _Rule(kind, compiled, str(position), window, max_words, tuple(near), cut_after)
