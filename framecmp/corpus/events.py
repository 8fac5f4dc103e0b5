"""Group stored articles into events, incrementally and without comparing every pair.

Each new article (taken in date order) looks for the events it may belong to:

1. **Blocking by date**: only events with an article within ``DATE_WINDOW_DAYS`` of its date
   (articles or events without a date are not blocked).
2. **Sparse candidate search**: an inverted index from rare terms to events; the article's
   ``QUERY_TERMS`` rarest terms (highest IDF) pick at most ``MAX_CANDIDATES`` events.
3. **Confirmation**: TF-IDF cosine against each candidate event's centroid, then the
   same-event judgment (``judge_pair``) against the event's closest member; the two combine
   in a logistic model into the probability that the article reports that event.

The article joins the most probable event when that probability reaches
``JOIN_PROBABILITY``, else it starts a new event; other events it comes close to
(probability at least ``LINK_PROBABILITY``) are linked as the same story, never merged.
Nothing is re-clustered: existing assignments and event ids stay as they are, so ids are
stable across runs. Coefficients and thresholds are in ``framecmp/data/event_clustering.toml``
with the development data they were fitted on.
"""

from __future__ import annotations

import heapq
import math
import tomllib
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from framecmp.analysis import event as event_stage
from framecmp.analysis.event_evidence import event_evidence
from framecmp.model import Document, EventEvidence, EventRelation, PairEventVerdict, QuoteEvidence
from framecmp.text.vocabulary import is_content_word, normalise

EVIDENCE_FORMAT = 2  # 2: adds "event", the same-event model's EventEvidence
JUDGED_CANDIDATES = 3  # candidates judged per article, by cosine to the event centroid
CLOSEST_AMONG = 16  # the event members an article is judged against, newest first
MAX_TERMS = 400  # terms kept per article (by count); long articles add little past this
PREPARED_CACHE = 1024  # members' prepared evidence kept in memory (~30 KiB each)


@dataclass(frozen=True, slots=True)
class ClusteringParameters:
    """The fitted model and search limits; see ``framecmp/data/event_clustering.toml``."""

    intercept: float
    cosine_weight: float
    judge_weight: float
    place_weight: float
    join_probability: float
    link_probability: float
    date_window_days: int
    link_window_days: int
    query_terms: int
    max_candidates: int
    source: str


@cache
def parameters() -> ClusteringParameters:
    """The bundled clustering parameters."""
    raw = tomllib.loads(
        (files("framecmp") / "data" / "event_clustering.toml").read_text(encoding="utf-8")
    )
    model, search = raw["model"], raw["search"]
    return ClusteringParameters(
        intercept=float(model["intercept"]),
        cosine_weight=float(model["cosine_weight"]),
        judge_weight=float(model["judge_weight"]),
        place_weight=float(model["place_weight"]),
        join_probability=float(model["join_probability"]),
        link_probability=float(model["link_probability"]),
        date_window_days=int(search["date_window_days"]),
        link_window_days=int(search["link_window_days"]),
        query_terms=int(search["query_terms"]),
        max_candidates=int(search["max_candidates"]),
        source=str(raw["source"]),
    )


@cache
def document_frequencies() -> tuple[int, dict[str, int]]:
    """The IDF prior: (documents, term -> documents) from ``data/document_frequencies.tsv``."""
    text = (files("framecmp") / "data" / "document_frequencies.tsv").read_text(encoding="utf-8")
    size, counts = 0, {}
    for line in text.splitlines():
        if line.startswith("# documents:"):
            size = int(line.split(":", 1)[1])
        elif line and not line.startswith("#"):
            term, count = line.split("\t")
            counts[term] = int(count)
    return size, counts


# --- the one place the same-event judgment is called --------------------------------------


def judge_pair(a: dict[str, Any], b: dict[str, Any]) -> PairEventVerdict:
    """Same event? for two stored articles, from the event evidence stored with each."""
    return event_stage.judge_pair(_event_evidence(a["event"]), _event_evidence(b["event"]))


def prepared_evidence(stored: dict[str, Any]) -> event_stage.PreparedEvidence:
    """A stored article's event evidence, prepared for judging against others."""
    return event_stage.prepare_evidence(_event_evidence(stored["event"]))


def _event_evidence(stored: dict[str, Any]) -> EventEvidence:
    return EventEvidence(
        doc_id=stored["doc_id"],
        published=stored["published"],
        event_date=stored["event_date"],
        event_date_source=stored["event_date_source"],
        event_date_detail=stored["event_date_detail"],
        lead_terms=tuple(stored["lead_terms"]),
        term_counts=tuple((term, count) for term, count in stored["term_counts"]),
        name_counts=tuple((name, count) for name, count in stored["name_counts"]),
        numbers=tuple(stored["numbers"]),
        places=tuple(stored["places"]),
        quotes=tuple(
            QuoteEvidence(speaker=q["speaker"], shingles=tuple(q["shingles"]))
            for q in stored["quotes"]
        ),
        # Stored before these fields existed: the pair verdict's lead conflicts stay silent
        # (the clustering does not read them).
        lead_numbers=tuple(stored.get("lead_numbers", ())),
        lead_weekdays=tuple(stored.get("lead_weekdays", ())),
        lead_months=tuple(stored.get("lead_months", ())),
    )


# --- per-article evidence ------------------------------------------------------------------


def article_evidence(document: Document) -> dict[str, Any]:
    """What clustering needs of one article, computed once and stored as JSON."""
    counts = Counter(
        word
        for sentence in document.sentences
        for token in sentence.tokens
        if is_content_word(word := normalise(token))
    )
    kept = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_TERMS]
    return {
        "format": EVIDENCE_FORMAT,
        "date": document.date,
        "terms": dict(sorted(kept)),
        "event": _evidence_json(event_evidence(document)),
    }


def _evidence_json(evidence: EventEvidence) -> dict[str, Any]:
    """``dataclasses.asdict(evidence)`` without its recursive deep copy (a fifth of the cost
    of preparing an article)."""
    return {
        "doc_id": evidence.doc_id,
        "published": evidence.published,
        "event_date": evidence.event_date,
        "event_date_source": evidence.event_date_source,
        "event_date_detail": evidence.event_date_detail,
        "lead_terms": list(evidence.lead_terms),
        "term_counts": [list(item) for item in evidence.term_counts],
        "name_counts": [list(item) for item in evidence.name_counts],
        "numbers": list(evidence.numbers),
        "places": list(evidence.places),
        "quotes": [{"speaker": q.speaker, "shingles": list(q.shingles)} for q in evidence.quotes],
        "lead_numbers": list(evidence.lead_numbers),
        "lead_weekdays": list(evidence.lead_weekdays),
        "lead_months": list(evidence.lead_months),
    }


def _weights(terms: dict[str, int]) -> dict[str, float]:
    return {term: 1.0 + math.log(count) for term, count in terms.items()}


def _day(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, x))))


# --- the clustering state --------------------------------------------------------------------


@dataclass
class _Event:
    id: str
    members: list[int] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    first_day: int | None = None
    last_day: int | None = None


@dataclass(frozen=True, slots=True)
class Decision:
    """Where one article went and why."""

    article_id: int
    event_id: str
    new_event: bool
    probability: float
    signals: tuple[dict[str, Any], ...]
    links: tuple[tuple[str, float], ...]  # other events of the same story, with probability


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event an article may belong to, and how close it is."""

    probability: float
    event_id: str
    cosine: float
    judge_score: float  # 0.5 when not judged
    place: float  # +1 the event place is shared, -1 it is not, 0 unknown or not judged
    verdict: PairEventVerdict | None
    in_window: bool  # within date_window_days of the event's articles


EvidenceSource = Callable[[int], dict[str, Any]]


class EventIndex:
    """Events, their centroids and an inverted index of terms, built from stored evidence."""

    def __init__(self, params: ClusteringParameters | None = None) -> None:
        self.params = params or parameters()
        self.events: dict[str, _Event] = {}
        self.event_of: dict[int, str] = {}
        self.df: Counter[str] = Counter()
        self.n_articles = 0
        self._postings: dict[str, set[str]] = {}
        self._vectors: dict[int, dict[str, float]] = {}
        self._days: dict[int, int | None] = {}
        self._idf: dict[str, float] = {}
        self._idf_size = 0
        self._norms: dict[int | str, float] = {}  # article id or event id -> norm
        # Members' evidence prepared for judging, newest used kept (bounded, like the store's).
        self._prepared: OrderedDict[int, event_stage.PreparedEvidence] = OrderedDict()

    def _prepared_member(
        self, article_id: int, stored: EvidenceSource
    ) -> event_stage.PreparedEvidence:
        prepared = self._prepared.get(article_id)
        if prepared is None:
            prepared = self._prepared[article_id] = prepared_evidence(stored(article_id))
            if len(self._prepared) > PREPARED_CACHE:
                self._prepared.popitem(last=False)
        else:
            self._prepared.move_to_end(article_id)
        return prepared

    def refresh_idf(self) -> None:
        """Take a new IDF snapshot once the corpus has grown by 10% since the last one."""
        # A fixed snapshot keeps cached norms valid; 10% growth moves IDF by < 0.1.
        if self.n_articles != self._idf_size and self.n_articles >= self._idf_size * 1.1:
            self._idf.clear()
            self._norms.clear()
            self._idf_size = self.n_articles

    def idf(self, term: str) -> float:
        """Inverse document frequency of the store plus the bundled prior (smoothed)."""
        value = self._idf.get(term)
        if value is None:
            prior_size, prior = document_frequencies()
            documents = 1 + self._idf_size + prior_size
            value = math.log(documents / (1 + self.df[term] + prior.get(term, 0))) + 1.0
            self._idf[term] = value
        return value

    def add_known(self, article_id: int, event_id: str, evidence: dict[str, Any]) -> None:
        """Index an article whose event is known (a stored assignment, or gold in evaluation)."""
        self._count(evidence)
        self._join(article_id, event_id, evidence)

    def _count(self, evidence: dict[str, Any]) -> None:
        self.df.update(evidence["terms"].keys())
        self.n_articles += 1

    def _join(self, article_id: int, event_id: str, evidence: dict[str, Any]) -> None:
        event = self.events.get(event_id)
        if event is None:
            event = self.events[event_id] = _Event(event_id)
        vector = _weights(evidence["terms"])
        day = _day(evidence.get("date"))
        self._vectors[article_id] = vector
        self._days[article_id] = day
        event.members.append(article_id)
        norm = self._norms.pop(event_id, None)
        # Keep the centroid's norm current in O(article) rather than O(event) per join.
        square = None if norm is None else norm * norm
        centroid = event.centroid
        for term, weight in vector.items():
            before = centroid.get(term, 0.0)
            centroid[term] = before + weight
            self._postings.setdefault(term, set()).add(event_id)
            if square is not None:
                value = self.idf(term)
                square += (2 * before * weight + weight * weight) * value * value
        if square is not None:
            self._norms[event_id] = math.sqrt(square)
        if day is not None:
            event.first_day = day if event.first_day is None else min(event.first_day, day)
            event.last_day = day if event.last_day is None else max(event.last_day, day)
        self.event_of[article_id] = event_id

    def cosine(
        self,
        vector: dict[str, float],
        other: dict[str, float],
        norm: float | None = None,
        other_key: int | str | None = None,
    ) -> float:
        """TF-IDF cosine; ``other_key`` names a stored vector whose norm may be cached."""
        small, large = (vector, other) if len(vector) <= len(other) else (other, vector)
        dot = 0.0
        table, idf = self._idf, self.idf
        for term, weight in small.items():
            if term in large:
                value = table.get(term) or idf(term)
                dot += weight * large[term] * value * value
        if not dot:
            return 0.0
        if norm is None:
            norm = self.norm(vector)
        if other_key is None:
            other_norm = self.norm(other)
        else:
            other_norm = self._norms.get(other_key) or self._norms.setdefault(
                other_key, self.norm(other)
            )
        return dot / (norm * other_norm)

    def norm(self, vector: dict[str, float]) -> float:
        table, idf = self._idf, self.idf
        return math.sqrt(sum((w * (table.get(t) or idf(t))) ** 2 for t, w in vector.items()))

    def _candidates(self, vector: dict[str, float], day: int | None) -> list[str]:
        params = self.params
        df = self.df
        # nsmallest is sorted(...)[:n] without sorting all ~400 terms.
        query = heapq.nsmallest(
            params.query_terms, (t for t in vector if df[t] > 0), key=lambda t: (df[t], t)
        )
        hits: Counter[str] = Counter()
        for term in query:
            for event_id in self._postings.get(term, ()):
                event = self.events[event_id]
                if day is not None and event.first_day is not None and event.last_day is not None:
                    window = params.link_window_days
                    if day < event.first_day - window or day > event.last_day + window:
                        continue
                hits[event_id] += 1
        ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))
        return [event_id for event_id, _ in ranked[: params.max_candidates]]

    def _within_days(self, event: _Event, day: int | None, window: int) -> bool:
        if day is None or event.first_day is None or event.last_day is None:
            return True
        return event.first_day - window <= day <= event.last_day + window

    def score_candidates(
        self,
        evidence: dict[str, Any],
        stored: EvidenceSource,
        *,
        judge_all: bool = False,
    ) -> list[Candidate]:
        """The candidate events of an article not yet indexed, with their probabilities."""
        params = self.params
        vector = _weights(evidence["terms"])
        day = _day(evidence.get("date"))
        scored: list[Candidate] = []
        prepared: event_stage.PreparedEvidence | None = None
        self.refresh_idf()
        norm = self.norm(vector)
        by_cosine = sorted(
            (
                (self.cosine(vector, self.events[e].centroid, norm, e), e)
                for e in self._candidates(vector, day)
            ),
            key=lambda item: (-item[0], item[1]),
        )
        for rank, (cos, event_id) in enumerate(by_cosine):
            event = self.events[event_id]
            verdict = None
            judge_score, place = 0.5, 0.0
            best_case = (
                params.intercept
                + params.cosine_weight * cos
                + params.judge_weight * 0.5
                + abs(params.place_weight)
            )
            # Only the closest candidates that the judgment could lift over a threshold are
            # worth judging.
            if judge_all or (
                rank < JUDGED_CANDIDATES and _sigmoid(best_case) >= params.link_probability
            ):
                # The latest members stand for the event: a long-running event drifts.
                closest = max(
                    event.members[-CLOSEST_AMONG:],
                    key=lambda m: (self.cosine(vector, self._vectors[m], norm, m), -m),
                )
                if prepared is None:
                    prepared = prepared_evidence(evidence)
                verdict = event_stage.judge_for_clustering(
                    prepared, self._prepared_member(closest, stored)
                )
                judge_score = verdict.score
                place = next((2 * s.value - 1 for s in verdict.signals if s.name == "place"), 0.0)
            probability = _sigmoid(
                params.intercept
                + params.cosine_weight * cos
                + params.judge_weight * (judge_score - 0.5)
                + params.place_weight * place
            )
            in_window = self._within_days(event, day, params.date_window_days)
            if not in_window:
                probability = min(probability, params.join_probability - 1e-9)
            scored.append(
                Candidate(probability, event_id, cos, judge_score, place, verdict, in_window)
            )
        scored.sort(key=lambda c: (-c.probability, c.event_id))
        return scored

    def assign(
        self,
        article_id: int,
        new_event_id: str,
        evidence: dict[str, Any],
        stored: EvidenceSource,
    ) -> Decision:
        """Put one new article into the most probable event, or start ``new_event_id``."""
        params = self.params
        scored = self.score_candidates(evidence, stored)
        self._count(evidence)
        vector = _weights(evidence["terms"])
        joined = scored[0] if scored and scored[0].probability >= params.join_probability else None
        links = tuple(
            (c.event_id, round(c.probability, 4))
            for c in scored
            if c is not joined
            and (
                c.probability >= params.link_probability
                or (c.verdict is not None and c.verdict.relation is EventRelation.SAME_STORY)
            )
        )
        if joined is None:
            self._join(article_id, new_event_id, evidence)
            signals: tuple[dict[str, Any], ...] = (
                {"name": "new-event", "value": 1.0, "detail": "no stored event came close"},
            )
            if scored:
                best = scored[0]
                signals += (
                    {
                        "name": "closest-event",
                        "value": round(best.probability, 4),
                        "detail": f"{best.event_id} (cosine {best.cosine:.2f})",
                    },
                )
            return Decision(article_id, new_event_id, True, 1.0, signals, links)
        shared = self._shared_terms(vector, self.events[joined.event_id].centroid)
        signals = (
            {
                "name": "tfidf-cosine",
                "value": round(joined.cosine, 4),
                "detail": "shared: " + ", ".join(shared),
            },
        )
        if joined.verdict is not None:
            signals += tuple(
                {"name": s.name, "value": round(s.value, 4), "detail": s.detail}
                for s in joined.verdict.signals
            )
        self._join(article_id, joined.event_id, evidence)
        return Decision(article_id, joined.event_id, False, joined.probability, signals, links)

    def _shared_terms(self, vector: dict[str, float], centroid: dict[str, float]) -> list[str]:
        self.refresh_idf()
        shared = [(vector[t] * centroid[t] * self.idf(t) ** 2, t) for t in vector if t in centroid]
        return [t for _, t in sorted(shared, key=lambda item: (-item[0], item[1]))[:5]]

    def label(self, event_id: str, size: int = 4) -> str:
        """The event's most distinctive terms by TF-IDF of its centroid."""
        centroid = self.events[event_id].centroid
        self.refresh_idf()
        ranked = sorted(centroid.items(), key=lambda item: (-item[1] * self.idf(item[0]), item[0]))
        return " · ".join(term for term, _ in ranked[:size])


class BoundedCache(OrderedDict[int, dict[str, Any]]):
    """Least-recently-used stored evidence, at most ``limit`` articles of it."""

    def __init__(self, load: EvidenceSource, limit: int = 512) -> None:
        super().__init__()
        self._load = load
        self._limit = limit

    def __call__(self, article_id: int) -> dict[str, Any]:
        if article_id in self:
            self.move_to_end(article_id)
            return self[article_id]
        loaded = self._load(article_id)
        self[article_id] = loaded
        if len(self) > self._limit:
            self.popitem(last=False)
        return loaded


def assignment_order(
    items: Iterable[tuple[int, dict[str, Any], str]],
) -> list[tuple[int, dict[str, Any], str]]:
    """New articles in the order they are assigned: by date (undated last), then content hash."""
    return sorted(items, key=lambda item: (item[1].get("date") or "9999", item[2]))


def event_id_for(content_hash: str) -> str:
    """A stable event id from the content hash of the article that started the event."""
    return "ev-" + content_hash[:12]


def b_cubed(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (Bagga & Baldwin 1998)."""
    by_pred: dict[str, set[int]] = {}
    by_gold: dict[str, set[int]] = {}
    for item, (p, g) in enumerate(zip(predicted, gold, strict=True)):
        by_pred.setdefault(p, set()).add(item)
        by_gold.setdefault(g, set()).add(item)
    precision = recall = 0.0
    for p, g in zip(predicted, gold, strict=True):
        overlap = len(by_pred[p] & by_gold[g])
        precision += overlap / len(by_pred[p])
        recall += overlap / len(by_gold[g])
    n = len(predicted) or 1
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
