"""The JSON report: a stable, versioned contract for CI (documented in docs/json-report.md)."""

from __future__ import annotations

import functools
import json
import math
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple

import framecmp
from framecmp.analysis.score import narration_token_count
from framecmp.model import SAME_EVENT_WARNINGS
from framecmp.report import views

if TYPE_CHECKING:
    from collections.abc import Callable, Collection

    from framecmp.model import CategoryScore, Comparison, SentenceRef

SCHEMA_VERSION = "1.6"
SCHEMA_ID = f"framecmp-report/{SCHEMA_VERSION}"
LEXICON_SECTIONS = ("frames", "attribution", "hedges")  # terminology has its own shape

Json = dict[str, object]


def _num(value: float) -> float | None:
    # Rounded at render time; NaN and infinities are not JSON, so they become null.
    if not value:
        return 0.0  # 0.0 and -0.0 (a third of a report's numbers), as _rounded writes them
    if not math.isfinite(value):
        return None
    return _rounded(value)


# round(x, 4) is correctly rounded through a decimal conversion: 40% of building the JSON
# report, for numbers it repeats thousands of times (every pair's signal weights, rates).
# Bounded (issue 10); equal numbers round alike (0.0 and -0.0, the one pair of equal floats
# that differ, are not passed here).
@functools.lru_cache(maxsize=4096)
def _rounded(value: float) -> float:
    return round(value, 4) + 0.0  # + 0.0 turns -0.0 into 0.0 so bytes do not depend on sign


def _ref(ref: SentenceRef) -> Json:
    return {"doc": ref.doc, "sentence": ref.sentence}


def _hits(score: CategoryScore) -> list[Json]:
    return [
        {
            "term": h.term,
            "matched": h.matched,
            "sentence": h.sentence,
            "quoted": h.quoted,
            "speaker": h.speaker,
        }
        for h in sorted(
            score.hits, key=lambda h: (h.sentence, h.term, h.matched, h.quoted, h.speaker or "")
        )
    ]


def _voice_counts(score: CategoryScore) -> Json:
    return {
        "narration_count": score.narration_count,
        "narration_per_1000_tokens": _num(score.narration_per_1000_tokens),
        "quoted_count": score.quoted_count,
        "quoted_per_1000_tokens": _num(score.quoted_per_1000_tokens),
    }


def _documents(comparison: Comparison) -> list[Json]:
    return [
        {
            "id": d.doc_id,
            "outlet": d.outlet,
            "path": d.path,
            "date": d.date,
            "title": d.title,
            "url": d.url,
            "place": d.place,
            "encoding": d.encoding,
            "language": d.language,
            "n_sentences": len(d.sentences),
            "n_tokens": d.n_tokens,
            "n_narration_tokens": narration_token_count(d, comparison.quotes),
            "removed": [{"kind": r.kind, "text": r.text} for r in d.removed],
        }
        for d in comparison.documents
    ]


def _same_event(comparison: Comparison) -> Json:
    verdict = comparison.same_event
    return {
        "verdict": verdict.verdict,
        "relation": verdict.relation.value,
        "score": _num(verdict.score),
        "threshold": _num(verdict.threshold),
        "pairs": [
            {
                "a": p.a,
                "b": p.b,
                "score": _num(p.score),
                "pair_score": None if p.pair_score is None else _num(p.pair_score),
                "same_event": p.same_event,
                "relation": p.relation.value,
                "signals": [
                    {
                        "name": s.name,
                        "value": _num(s.value),
                        "weight": _num(s.weight),
                        "detail": s.detail,
                    }
                    for s in sorted(p.signals, key=lambda s: (s.name, s.detail))
                ],
            }
            for p in views.verdict_pairs(comparison)
        ],
    }


def _lexicon_section(comparison: Comparison, kind: str) -> Json:
    section: dict[str, Json] = {d.doc_id: {} for d in comparison.documents}
    for key, by_doc in views.score_table(comparison, kind):
        for doc, score in by_doc.items():
            section.setdefault(doc, {})[key] = {
                "lexicon": score.lexicon,
                "count": score.count,
                "per_1000_tokens": _num(score.per_1000_tokens),
                **_voice_counts(score),
                "hits": _hits(score),
            }
    return dict(section)


def _terminology(comparison: Comparison) -> Json:
    concepts: Json = {}
    for key, by_doc in views.score_table(comparison, "terminology"):
        documents: Json = {}
        for doc, score in by_doc.items():
            matched: dict[str, set[str]] = {}
            for hit in score.hits:
                matched.setdefault(hit.term, set()).add(hit.matched)
            documents[doc] = {
                "count": score.count,
                "per_1000_tokens": _num(score.per_1000_tokens),
                **_voice_counts(score),
                "wordings": {
                    term: {
                        "count": count,
                        "sentences": sentences,
                        "matched": sorted(matched.get(term, ())),
                    }
                    for term, count, sentences in views.wordings(score)
                },
            }
        first = next(iter(by_doc.values()))
        concepts[key] = {"lexicon": first.lexicon, "documents": documents}
    return concepts


def _kinds_by_lexicon(comparison: Comparison) -> dict[str, str]:
    return {s.lexicon: s.kind for s in comparison.lexicon_scores}


def report_payload(comparison: Comparison) -> Json:
    """The JSON report as plain dicts and lists, floats rounded to 4 places."""
    rank = views.doc_rank(comparison)
    settings = comparison.settings
    kinds = _kinds_by_lexicon(comparison)
    warnings: list[str] = []
    if not comparison.same_event.verdict:
        warnings.append(
            f"{views.event_warning_title(comparison)}: "
            + " ".join(views.event_warning_lines(comparison))
        )
    for warning in comparison.warnings:
        # the same-event warning is already there, with its pairs and signals
        if warning not in warnings and not warning.startswith(SAME_EVENT_WARNINGS):
            warnings.append(warning)
    conflicts = views.claim_pair_conflicts(comparison)
    versions = views.claim_conflicts(comparison)
    payload: Json = {
        "schema": SCHEMA_ID,
        "framecmp_version": framecmp.__version__,
        "settings": {
            "min_score": _num(settings.min_score),
            # Plain str: the fast encoder below writes exact str, int, float, bool and None,
            # and anything else (a str enum) sends the whole report through json.dumps.
            "aligner": str(settings.aligner),
            "lexicons": list(settings.lexicons),
            "seed": settings.seed,
            "stem_terms": settings.stem_terms,
        },
        "documents": _documents(comparison),
        "sentences": {
            d.doc_id: [
                {"index": s.index, "paragraph": s.paragraph, "text": s.text}
                for s in sorted(d.sentences, key=lambda s: s.index)
            ]
            for d in comparison.documents
        },
        "alignment": [
            {
                "a": _ref(p.a),
                "b": _ref(p.b),
                "relation": p.relation,
                "claim_relation": p.claim_relation.value,
                "relation_evidence": list(p.relation_evidence),
                "differences": [
                    {"kind": d.kind.value, "a": list(d.a), "b": list(d.b)} for d in p.differences
                ],
                "score": _num(p.score),
                "shared_terms": list(p.shared_terms),
            }
            for p in views.sorted_pairs(comparison)
        ],
        "unique": {
            doc: views.unique_sentences(comparison, doc)
            for doc in sorted({*rank, *comparison.alignment.unique})
        },
        "possibly_covered": {
            doc: [
                {
                    "sentence": c.sentence,
                    "covered_by": c.covered_by.value,
                    "word_share": None if c.word_share is None else _num(c.word_share),
                    "cosine": None if c.cosine is None else _num(c.cosine),
                    "candidates": [
                        {
                            "doc": k.doc,
                            "sentence": k.sentence,
                            "score": _num(k.score),
                            "shared_terms": list(k.shared_terms),
                        }
                        for k in c.candidates
                    ],
                }
                for c in views.possibly_covered(comparison, doc)
            ]
            for doc in sorted({*rank, *comparison.alignment.possibly_covered})
        },
        "claims": [
            {
                "id": c.id,
                "members": [_ref(m) for m in views.claim_members(comparison, c)],
                "outlets": views.sorted_docs(comparison, c.outlets),
                "text": views.claim_text(comparison, c),
                "conflicts": conflicts.get(c.id, []),
                "versions": versions.get(c.id, []),
            }
            for c in views.sorted_claims(comparison)
        ],
        "similarity": [
            {"a": s.a, "b": s.b, "cosine": _num(s.cosine), "shared_terms": list(s.shared_terms)}
            for s in sorted(
                comparison.similarity,
                key=lambda s: (rank.get(s.a, len(rank)), rank.get(s.b, len(rank)), s.a, s.b),
            )
        ],
        "same_event": _same_event(comparison),
        "distinctive_terms": {
            doc: [
                {
                    "term": t.term,
                    "count": t.count,
                    "other_count": t.other_count,
                    "tfidf": _num(t.tfidf),
                    "log_odds": _num(t.log_odds),
                    "z": _num(t.z),
                    "significant": abs(t.z) >= views.SIGNIFICANT_Z,
                    "sentences": sorted(t.sentences),
                    "quoted_count": t.quoted_count,
                    "speakers": sorted(t.speakers),
                }
                for t in terms
            ]
            for doc, terms in views.distinctive_by_doc(comparison).items()
        },
        "frame_differences": [
            {
                "lexicon": r.lexicon,
                "kind": kinds.get(r.lexicon),
                "category": r.category,
                "a": r.a,
                "b": r.b,
                "difference": _num(r.difference),
                "ci_low": _num(r.ci_low),
                "ci_high": _num(r.ci_high),
                "p_value": _num(r.p_value),
                "q_value": _num(r.q_value),
                "significant": r.significant,
            }
            for r in views.sorted_differences(comparison)
        ],
        "terminology": _terminology(comparison),
        "quotes": [
            {
                "doc": q.doc,
                "text": q.text,
                "sentences": sorted(q.sentences),
                "speaker": q.speaker,
                "verb": q.verb,
                "char_start": q.char_start,
                "char_end": q.char_end,
            }
            for q in views.sorted_quotes(comparison)
        ],
        "voices": {
            v.doc: {
                "quoted_share": _num(v.quoted_share),
                "speakers": [
                    {
                        "name": s.name,
                        "quotes": s.quotes,
                        "tokens": s.tokens,
                        "verbs": sorted(s.verbs),
                    }
                    for s in views.sorted_speakers(v)
                ],
                "unattributed_quotes": v.unattributed_quotes,
                "unattributed_tokens": v.unattributed_tokens,
            }
            for v in comparison.voices
        },
        "tone": {
            t.doc: {
                "mean_compound": _num(t.mean_compound),
                "narration_compound": _num(t.narration_compound),
                "quoted_compound": None if t.quoted_compound is None else _num(t.quoted_compound),
                "sentences": [
                    {"sentence": index, "compound": _num(compound)}
                    for index, compound in sorted(t.sentences)
                ],
            }
            for t in comparison.tone
        },
        "warnings": warnings,
    }
    for kind in LEXICON_SECTIONS:
        payload[kind] = _lexicon_section(comparison, kind)
    return payload


def render_json(comparison: Comparison) -> str:
    """The JSON report: sorted keys, 2-space indent, UTF-8 text ending in a newline."""
    return dumps_indented(report_payload(comparison)) + "\n"


# --- json.dumps(sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False), faster ---------
#
# With ``indent`` the standard library encodes in pure Python (its C encoder has no indent):
# 22 ms of an event's 30 ms JSON report (ECB+ events of 11 documents). Here the C encoder
# writes every container that holds only leaves (scalars, and empty lists and dicts, which are
# written "[]" and "{}" at any depth), in one call with the item separator of its depth;
# Python walks only the containers above them. The bytes are the same (a property test
# compares them with ``json.dumps``); a payload this does not cover falls back to it.

_INDENT = "  "
_SCALARS = frozenset({str, int, float, bool, type(None)})
_DICT = frozenset({dict})


class _Unsupported(Exception):
    """A value the fast path does not write (a non-string key, a tuple, ...)."""


def _not_json(value: object) -> object:
    raise _Unsupported(type(value).__name__)


@functools.cache
def _flat_encoder(level: int) -> Callable[[object], str]:
    """The C encoder for the items of a container at ``level`` (all of them leaves)."""
    from _json import encode_basestring, make_encoder

    encode = make_encoder(
        None, _not_json, encode_basestring, None, ": ", ",\n" + _INDENT * (level + 1),
        True, False, False,
    )  # fmt: skip
    return lambda value: "".join(encode(value, 0))


class _Level(NamedTuple):
    """What writing a container at one depth needs, looked up once per container."""

    encode: Callable[[object], str]  # its items, when all are leaves
    inner: str  # newline and the indent of its items
    closing: str  # newline and its own indent
    child_encode: Callable[[object], str]  # the items of the flat dicts of a list
    child_inner: str  # newline and the indent of those items


@functools.cache
def _level(level: int) -> _Level:
    return _Level(
        _flat_encoder(level),
        "\n" + _INDENT * (level + 1),
        "\n" + _INDENT * level,
        _flat_encoder(level + 1),
        "\n" + _INDENT * (level + 2),
    )


def _leaves(values: Collection[object]) -> bool:
    """Whether every value is a scalar or an empty list or dict."""
    # A lazy check in C, stopping at the first other type: most containers hold scalars only.
    if _SCALARS.issuperset(map(type, values)):
        return True
    for value in values:
        kind = type(value)
        if kind not in _SCALARS and (value or (kind is not dict and kind is not list)):
            return False
    return True


def _write(value: Any, level: int, out: list[str]) -> None:
    kind = type(value)
    if kind is dict and value:
        _write_dict(value, level, out)
    elif kind is list and value:
        _write_list(value, level, out)
    elif kind in _SCALARS or kind is dict or kind is list:
        out.append(_flat_encoder(level)(value))
    else:
        raise _Unsupported(kind.__name__)


def _write_list(value: list[Any], level: int, out: list[str]) -> None:
    at = _level(level)
    inner, closing = at.inner, at.closing
    if _leaves(value):
        out.append("[" + inner + at.encode(value)[1:-1] + closing + "]")
        return
    if (
        _DICT.issuperset(map(type, value))
        and all(value)
        and (
            _SCALARS.issuperset(map(type, chain.from_iterable(map(dict.values, value))))
            or all(_leaves(item.values()) for item in value)
        )
    ):
        # A list of flat dicts (sentences, pairs, hits) in one call, with the separator of
        # the dicts' items; "},\n<that indent>{" then occurs only between two dicts (an
        # encoded string never holds a raw newline, a key follows a dict's separator) and
        # gets the list's own indent.
        deeper = at.child_inner
        text = at.child_encode(value)[2:-2]
        text = text.replace("}," + deeper + "{", inner + "}," + inner + "{" + deeper)
        out.append("[" + inner + "{" + deeper + text + inner + "}" + closing + "]")
        return
    separator = "[" + inner
    for item in value:
        out.append(separator)
        _write(item, level + 1, out)
        separator = "," + inner
    out.append(closing + "]")


def _write_dict(value: dict[Any, Any], level: int, out: list[str]) -> None:
    at = _level(level)
    inner, closing, encode = at.inner, at.closing, at.encode
    if _leaves(value.values()):
        out.append("{" + inner + encode(value)[1:-1] + closing + "}")
        return
    separator = "{" + inner
    leaves: dict[str, object] = {}  # a run of leaf items, written in one call
    for key, item in sorted(value.items()):
        if type(key) is not str:
            raise _Unsupported("a key that is not a string")
        item_kind = type(item)
        if item_kind in _SCALARS or (not item and (item_kind is dict or item_kind is list)):
            leaves[key] = item
            continue
        if leaves:
            out.append(separator + encode(leaves)[1:-1])
            separator, leaves = "," + inner, {}
        out.append(f"{separator}{_encode_key(key)}: ")
        if item_kind is dict:
            _write_dict(item, level + 1, out)
        elif item_kind is list:
            _write_list(item, level + 1, out)
        else:
            raise _Unsupported(item_kind.__name__)
        separator = "," + inner
    if leaves:
        out.append(separator + encode(leaves)[1:-1])
    out.append(closing + "}")


@functools.lru_cache(maxsize=4096)  # field names, document ids, categories: few, repeated
def _encode_key(key: str) -> str:
    from _json import encode_basestring

    return str(encode_basestring(key))


def dumps_indented(value: object) -> str:
    """``json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False)``."""
    out: list[str] = []
    try:
        _write(value, 0, out)
    except (_Unsupported, ImportError):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False)
    return "".join(out)
