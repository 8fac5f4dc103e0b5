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
``JOIN_PROBABILITY``, else it starts a new event; other events are linked as the same story,
never merged, when the judgment calls them one story at another stage or the article would
have joined them but for the date window. (``LINK_PROBABILITY`` only decides which candidates
are worth judging.)
Nothing is re-clustered: existing assignments and event ids stay as they are, so ids are
stable across runs. Coefficients and thresholds are in ``framecmp/data/event_clustering.toml``
with the development data they were fitted on.
"""

from __future__ import annotations

import math
import tomllib
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from itertools import chain, repeat
from typing import TYPE_CHECKING, Any

from framecmp.analysis import event as event_stage
from framecmp.analysis.event_evidence import event_evidence
from framecmp.model import Document, EventEvidence, EventRelation, PairEventVerdict, QuoteEvidence
from framecmp.text.vocabulary import american_spelling, is_content_word, normalise

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

EVIDENCE_FORMAT = 3  # 2: adds "event", the same-event model's EventEvidence; 3: words in
# their American spelling (older evidence is read that way, see _spelled)
JUDGED_CANDIDATES = 3  # candidates judged per article, by cosine to the event centroid
CLOSEST_AMONG = 16  # the event members an article is judged against, newest first
MAX_TERMS = 400  # terms kept per article (by count); long articles add little past this
PREPARED_CACHE = 2048  # members' prepared evidence kept in memory (~22 KiB each)


@dataclass(frozen=True, slots=True)
class ClusteringParameters:
    """The fitted model and search limits; see ``framecmp/data/event_clustering.toml``."""

    intercept: float
    cosine_weight: float
    judge_weight: float
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
    size, counts = 0, dict[str, int]()
    for line in text.splitlines():
        if line.startswith("# documents:"):
            size = int(line.split(":", 1)[1])
        elif line and not line.startswith("#"):
            term, count = line.split("\t")
            # the table counts spellings apart; evidence reads every word in its American one
            spelled = american_spelling(term)
            counts[spelled] = counts.get(spelled, 0) + int(count)
    return size, counts


# --- the one place the same-event judgment is called --------------------------------------


def judge_pair(a: dict[str, Any], b: dict[str, Any]) -> PairEventVerdict:
    """Same event? for two stored articles, from the event evidence stored with each."""
    return event_stage.judge_pair(_event_evidence(a), _event_evidence(b))


def prepared_evidence(stored: dict[str, Any]) -> event_stage.PreparedEvidence:
    """A stored article's event evidence, prepared for judging against others."""
    return event_stage.prepare_evidence(_event_evidence(stored))


def _spelled(stored: dict[str, Any]) -> dict[str, Any]:
    """Evidence stored before format 3, its words read in their American spelling as
    ``article_evidence`` now writes them (a store outlives the code that filled it)."""
    if stored.get("format", 0) >= 3:
        return stored

    def counted(pairs: Iterable[tuple[str, int]]) -> list[list[Any]]:
        folded: Counter[str] = Counter()
        for word, count in pairs:
            folded[american_spelling(word)] += count
        return [[word, count] for word, count in sorted(folded.items())]

    event = dict(stored["event"])
    event["lead_terms"] = sorted({american_spelling(w) for w in event["lead_terms"]})
    event["term_counts"] = counted(map(tuple, event["term_counts"]))
    event["name_counts"] = counted(map(tuple, event["name_counts"]))
    event["quotes"] = [
        {
            "speaker": q["speaker"],
            "shingles": sorted(
                {" ".join(map(american_spelling, s.split(" "))) for s in q["shingles"]}
            ),
        }
        for q in event["quotes"]
    ]
    terms = dict(counted(stored["terms"].items()))
    return {**stored, "format": EVIDENCE_FORMAT, "event": event, "terms": terms}


def _event_evidence(article: dict[str, Any]) -> EventEvidence:
    stored = _spelled(article)["event"]
    return EventEvidence(
        doc_id=stored["doc_id"],
        published=stored["published"],
        event_date=stored["event_date"],
        event_date_source=stored["event_date_source"],
        event_date_detail=stored["event_date_detail"],
        lead_terms=tuple(stored["lead_terms"]),
        # [term, count] pairs as stored; tuple() of each, as unpacking them did.
        term_counts=tuple(map(tuple, stored["term_counts"])),
        name_counts=tuple(map(tuple, stored["name_counts"])),
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
        language=stored.get("language"),
    )


# --- per-article evidence ------------------------------------------------------------------


def article_evidence(document: Document) -> dict[str, Any]:
    """What clustering needs of one article, computed once and stored as JSON."""
    counts = Counter(
        american_spelling(word)
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
        "language": evidence.language,
    }


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
# Vectors are numpy arrays over a vocabulary that grows with the corpus (term ids, weights
# 1 + log(count)), so that finding the terms two vectors share is a gather through a dense
# map of the query's terms, not a Python loop over ~400 terms for every candidate event and
# member (~6 ms an article at 20,000 articles). The floats are those of the plain Python
# formulas, operation for operation: products are taken in the same order, sums are added one
# term at a time in the order Python iterated (``sum`` over a list, not numpy's pairwise sum),
# squares by ``pow`` as ``x ** 2`` does; so every cosine, probability and label is the same to
# the last bit as before, and near-ties between events of identical text break the same way.


_NO_DAY = 1 << 40  # beyond any day ordinal, either way


def _log_weights(size: int) -> NDArray[np.float64]:
    """1 + log(count) for counts below ``size``, by math.log as the weights always were."""
    import numpy as np

    return np.array([0.0] + [1.0 + math.log(count) for count in range(1, size)])


def _sum_of_squares(values: NDArray[np.float64]) -> float:
    """``sum(x ** 2 for x in values)``: libm pow, which differs from x * x in the last bit of
    about one square in a thousand, added in order."""
    return float(sum(map(pow, values.tolist(), repeat(2))))


def _top(scores: NDArray[np.float64], name: Callable[[int], str], size: int) -> list[int]:
    """Positions of the ``size`` highest scores, ties by name, without sorting them all."""
    import numpy as np

    chosen: Iterable[int] = range(len(scores))
    if len(scores) > size:
        # Every position scoring at least the size-th best, so ties are broken by name below.
        threshold = np.partition(scores, len(scores) - size)[len(scores) - size]
        chosen = np.flatnonzero(scores >= threshold).tolist()
    values = scores.tolist()
    return sorted(chosen, key=lambda i: (-values[i], name(i)))[:size]


@dataclass(eq=False, slots=True)
class _Vector:
    """One article's terms: vocabulary ids in term order and weights 1 + log(count)."""

    ids: NDArray[np.intp]
    weights: NDArray[np.float64]


@dataclass(eq=False, slots=True)
class _Event:
    id: str
    # The centroid, the sum of the members' weights per term, in the order terms first came.
    centroid_ids: NDArray[np.intp]
    centroid_weights: NDArray[np.float64]
    number: int  # its place in the order events were created
    members: list[int] = field(default_factory=list)
    first_day: int | None = None
    last_day: int | None = None
    norm: float = 0.0
    norm_snapshot: int = -1  # the IDF snapshot ``norm`` belongs to (-1: none)
    # The newest members' vectors concatenated, with where each starts; None after a join.
    recent: tuple[NDArray[np.intp], NDArray[np.float64], list[int]] | None = None


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
    judgment: event_stage.ClusteringJudgment | None
    in_window: bool  # within date_window_days of the event's articles


EvidenceSource = Callable[[int], dict[str, Any]]


class EventIndex:
    """Events, their centroids and an inverted index of terms, built from stored evidence."""

    def __init__(self, params: ClusteringParameters | None = None) -> None:
        import numpy as np

        self.params = params or parameters()
        self.events: dict[str, _Event] = {}
        self.event_of: dict[int, str] = {}
        self.n_articles = 0
        self._vocabulary: dict[str, int] = {}
        self._terms: list[str] = []
        self._df = np.zeros(1024, dtype=np.intp)  # articles counted so far, per term id
        self._prior = np.zeros(1024, dtype=np.intp)  # the bundled prior's document counts
        self._idf = np.full(1024, np.nan)  # per term id; NaN: not yet taken in this snapshot
        self._position = np.full(1024, -1, dtype=np.intp)  # in the query; -1 outside a query
        self._log_weights = _log_weights(256)
        # Term id -> the events (by number: their order of creation) with an article using it.
        self._postings: dict[int, set[int]] = {}
        self._event_ids: list[str] = []  # by event number
        # Each event's first and last day, by event number; undated: the widest span, so that
        # the date filter of the candidate search keeps it.
        self._first_days = np.full(256, -_NO_DAY, dtype=np.int64)
        self._last_days = np.full(256, _NO_DAY, dtype=np.int64)
        # Only the newest CLOSEST_AMONG members of an event are ever judged against.
        self._vectors: dict[int, _Vector] = {}
        self._member_norms: dict[int, float] = {}  # in this IDF snapshot
        self._idf_size = 0
        self._snapshot = 0
        # Members' evidence prepared for judging, newest used kept (bounded, like the store's).
        self._prepared: OrderedDict[int, event_stage.PreparedEvidence] = OrderedDict()

    def _prepared_member(
        self, article_id: int, stored: EvidenceSource
    ) -> event_stage.PreparedEvidence:
        prepared = self._prepared.get(article_id)
        if prepared is None:
            prepared = prepared_evidence(stored(article_id))
            self._keep_prepared(article_id, prepared)
        else:
            self._prepared.move_to_end(article_id)
        return prepared

    def _keep_prepared(self, article_id: int, prepared: event_stage.PreparedEvidence) -> None:
        self._prepared[article_id] = prepared
        if len(self._prepared) > PREPARED_CACHE:
            self._prepared.popitem(last=False)

    def refresh_idf(self) -> None:
        """Take a new IDF snapshot once the corpus has grown by 10% since the last one."""
        # A fixed snapshot keeps cached norms valid; 10% growth moves IDF by < 0.1. Within a
        # snapshot a term's IDF is taken, with its document frequency then, when first needed.
        if self.n_articles != self._idf_size and self.n_articles >= self._idf_size * 1.1:
            self._idf.fill(float("nan"))
            self._member_norms.clear()
            self._snapshot += 1
            self._idf_size = self.n_articles

    def _take_idf(self, ids: NDArray[np.intp]) -> NDArray[np.float64]:
        """IDF of the given term ids, taking those not yet taken in this snapshot."""
        import numpy as np

        idf = self._idf
        values = idf[ids]
        missing = np.isnan(values)
        if missing.any():
            fresh = ids[missing]
            documents = 1 + self._idf_size + document_frequencies()[0]
            idf[fresh] = [
                math.log(documents / (1 + df + prior)) + 1.0
                for df, prior in zip(
                    self._df[fresh].tolist(), self._prior[fresh].tolist(), strict=True
                )
            ]
            values = idf[ids]
        return values

    def _term_id(self, term: str) -> int:
        found = self._vocabulary.get(term)
        if found is not None:
            return found
        import numpy as np

        number = self._vocabulary[term] = len(self._terms)
        self._terms.append(term)
        if number >= len(self._df):
            grow = len(self._df)
            self._df = np.concatenate([self._df, np.zeros(grow, dtype=np.intp)])
            self._prior = np.concatenate([self._prior, np.zeros(grow, dtype=np.intp)])
            self._idf = np.concatenate([self._idf, np.full(grow, np.nan)])
            self._position = np.concatenate([self._position, np.full(grow, -1, dtype=np.intp)])
        self._prior[number] = document_frequencies()[1].get(term, 0)
        return number

    def _vector(self, evidence: dict[str, Any]) -> _Vector:
        import numpy as np

        items = sorted(_spelled(evidence)["terms"].items())
        if not items:
            return _Vector(np.zeros(0, dtype=np.intp), np.zeros(0))
        terms, counts = zip(*items, strict=True)
        found = list(map(self._vocabulary.get, terms))
        if None in found:
            found = [self._term_id(term) for term in terms]
        table = self._log_weights
        if max(counts) >= len(table):
            table = self._log_weights = _log_weights(2 * max(counts))
        return _Vector(np.array(found, dtype=np.intp), table[np.array(counts)])

    def add_known(self, article_id: int, event_id: str, evidence: dict[str, Any]) -> None:
        """Index an article whose event is known (a stored assignment, or gold in evaluation)."""
        vector = self._vector(evidence)
        self._count(vector)
        self._join(article_id, event_id, vector, _day(evidence.get("date")))

    def _count(self, vector: _Vector) -> None:
        self._df[vector.ids] += 1  # ids are unique within an article
        self.n_articles += 1

    def _join(self, article_id: int, event_id: str, vector: _Vector, day: int | None) -> None:
        import numpy as np

        event = self.events.get(event_id)
        if event is None:
            event = self.events[event_id] = self._new_event(event_id, vector)
        # Where the article's terms are in the centroid (-1: new to it).
        position = self._position
        position[event.centroid_ids] = np.arange(len(event.centroid_ids))
        at = position[vector.ids]
        position[event.centroid_ids] = -1
        known = at >= 0
        before = np.zeros(len(at))
        before[known] = event.centroid_weights[at[known]]
        if event.norm_snapshot == self._snapshot:
            # Keep the centroid's norm current in O(article) rather than O(event) per join.
            weight, value = vector.weights, self._take_idf(vector.ids)
            square = event.norm * event.norm
            steps = (2 * before * weight + weight * weight) * value * value
            event.norm = math.sqrt(sum(steps.tolist(), square))
        weights = event.centroid_weights.copy()
        weights[at[known]] += vector.weights[known]
        new = ~known
        event.centroid_ids = np.concatenate([event.centroid_ids, vector.ids[new]])
        event.centroid_weights = np.concatenate([weights, vector.weights[new]])
        event.members.append(article_id)
        event.recent = None
        self._vectors[article_id] = vector
        if len(event.members) > CLOSEST_AMONG:
            self._vectors.pop(event.members[-CLOSEST_AMONG - 1], None)
        postings, number = self._postings, event.number
        for term in vector.ids.tolist():
            found = postings.get(term)
            if found is None:
                postings[term] = {number}
            else:
                found.add(number)
        if day is not None:
            event.first_day = day if event.first_day is None else min(event.first_day, day)
            event.last_day = day if event.last_day is None else max(event.last_day, day)
            self._first_days[number] = event.first_day
            self._last_days[number] = event.last_day
        self.event_of[article_id] = event_id

    def _new_event(self, event_id: str, vector: _Vector) -> _Event:
        import numpy as np

        number = len(self._event_ids)
        self._event_ids.append(event_id)
        if number >= len(self._first_days):
            grow = len(self._first_days)
            self._first_days = np.concatenate(
                [self._first_days, np.full(grow, -_NO_DAY, dtype=np.int64)]
            )
            self._last_days = np.concatenate(
                [self._last_days, np.full(grow, _NO_DAY, dtype=np.int64)]
            )
        return _Event(event_id, vector.ids[:0], vector.weights[:0], number)

    def _event_norm(self, event: _Event) -> float:
        if event.norm_snapshot != self._snapshot:
            weighted = event.centroid_weights * self._take_idf(event.centroid_ids)
            event.norm = math.sqrt(_sum_of_squares(weighted))
            event.norm_snapshot = self._snapshot
        return event.norm

    def _event_dots(self, vector: _Vector, events: Sequence[_Event]) -> list[float]:
        """The query's TF-IDF dot products with the events' centroids, each as the dict loop
        took it: over the shorter of the two, in its order (all events in one pass)."""
        import numpy as np

        sizes = [len(event.centroid_ids) for event in events]
        ids = np.concatenate([event.centroid_ids for event in events])
        weights = np.concatenate([event.centroid_weights for event in events])
        starts = np.cumsum([0, *sizes])
        at = self._position[ids]
        shared = np.flatnonzero(at >= 0)
        at = at[shared]
        segment = np.searchsorted(starts, shared, side="right") - 1
        bounds = np.searchsorted(shared, starts).tolist()  # where each event's terms start
        # Within each event: by position in the query when the query is the shorter, else in
        # the centroid's own order.
        query_first = np.array([len(vector.ids) <= size for size in sizes])[segment]
        span = max(len(vector.ids), *sizes) + 1
        order = np.argsort(
            segment * span + np.where(query_first, at, shared - starts[segment]), kind="stable"
        )
        shared, at = shared[order], at[order]
        value = self._idf[ids[shared]]
        products = (vector.weights[at] * weights[shared] * value * value).tolist()
        return [float(sum(products[bounds[k] : bounds[k + 1]])) for k in range(len(events))]

    def _member_cosines(self, vector: _Vector, norm: float, event: _Event) -> list[float]:
        """Cosines of the query with the event's newest members (0.0 sharing no term)."""
        import numpy as np

        members = event.members[-CLOSEST_AMONG:]
        if event.recent is None:
            vectors = [self._vectors[m] for m in members]
            starts = np.cumsum([0] + [len(v.ids) for v in vectors]).tolist()
            event.recent = (
                np.concatenate([v.ids for v in vectors]),
                np.concatenate([v.weights for v in vectors]),
                starts,
            )
        ids, weights, starts = event.recent
        at = self._position[ids]
        shared = np.flatnonzero(at >= 0)
        value = self._idf[ids[shared]]
        products = (vector.weights[at[shared]] * weights[shared] * value * value).tolist()
        # Both vectors are in term order, so the shared terms are summed in term order.
        bounds = np.searchsorted(shared, starts).tolist()
        cosines = []
        for number, member in enumerate(members):
            dot = sum(products[bounds[number] : bounds[number + 1]])
            if not dot:
                cosines.append(0.0)
                continue
            member_norm = self._member_norms.get(member)
            if member_norm is None:
                start, end = starts[number], starts[number + 1]
                weighted = weights[start:end] * self._take_idf(ids[start:end])
                member_norm = self._member_norms[member] = math.sqrt(_sum_of_squares(weighted))
            cosines.append(dot / (norm * member_norm))
        return cosines

    def _candidates(self, vector: _Vector, day: int | None) -> list[str]:
        """The events sharing most of the query's rarest terms (ties by id) within the link
        window; counted and filtered by date in numpy: a query's rare terms hit ~1,000 events
        at 20,000 articles, most of them outside the window."""
        import numpy as np

        params = self.params
        df = self._df[vector.ids]
        present = np.flatnonzero(df > 0)
        # The rarest terms; ties by term, which is the order of the ids.
        rarest = present[np.lexsort((present, df[present]))][: params.query_terms]
        postings = self._postings
        found = [p for term in vector.ids[rarest].tolist() if (p := postings.get(term))]
        if not found:
            return []
        numbers, counts = np.unique(
            np.fromiter(chain.from_iterable(found), dtype=np.intp), return_counts=True
        )
        if day is not None:
            window = params.link_window_days
            near = (self._first_days[numbers] - window <= day) & (
                day <= self._last_days[numbers] + window
            )
            numbers, counts = numbers[near], counts[near]
        size = params.max_candidates
        if len(counts) > size:
            # Every event counting at least the size-th most, so ties are broken by id below.
            threshold = np.partition(counts, len(counts) - size)[len(counts) - size]
            chosen = np.flatnonzero(counts >= threshold)
            numbers, counts = numbers[chosen], counts[chosen]
        ids = self._event_ids
        ranked = sorted(zip((-counts).tolist(), [ids[n] for n in numbers.tolist()], strict=True))
        return [event_id for _, event_id in ranked[:size]]

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
        scored, _ = self._score(self._vector(evidence), evidence, stored, judge_all=judge_all)
        return scored

    def _score(
        self,
        vector: _Vector,
        evidence: dict[str, Any],
        stored: EvidenceSource,
        *,
        judge_all: bool = False,
    ) -> tuple[list[Candidate], event_stage.PreparedEvidence | None]:
        import numpy as np

        params = self.params
        day = _day(evidence.get("date"))
        scored: list[Candidate] = []
        prepared: event_stage.PreparedEvidence | None = None
        self.refresh_idf()
        norm = math.sqrt(_sum_of_squares(vector.weights * self._take_idf(vector.ids)))
        candidates = self._candidates(vector, day)
        if not candidates:
            return scored, None
        position = self._position
        position[vector.ids] = np.arange(len(vector.ids))
        try:
            events = [self.events[event_id] for event_id in candidates]
            cosines = [
                (dot / (norm * self._event_norm(event)) if dot else 0.0, event.id)
                for dot, event in zip(self._event_dots(vector, events), events, strict=True)
            ]
            by_cosine = sorted(cosines, key=lambda item: (-item[0], item[1]))
            for rank, (cos, event_id) in enumerate(by_cosine):
                event = self.events[event_id]
                judgment = None
                judge_score = 0.5
                best_case = (
                    params.intercept + params.cosine_weight * cos + params.judge_weight * 0.5
                )
                # Only the closest candidates that the judgment could lift over a threshold
                # are worth judging.
                if judge_all or (
                    rank < JUDGED_CANDIDATES and _sigmoid(best_case) >= params.link_probability
                ):
                    # The latest members stand for the event: a long-running event drifts.
                    members = event.members[-CLOSEST_AMONG:]
                    member_cosines = self._member_cosines(vector, norm, event)
                    _, closest = max(
                        zip(member_cosines, members, strict=True),
                        key=lambda item: (item[0], -item[1]),
                    )
                    if prepared is None:
                        prepared = prepared_evidence(evidence)
                    judgment = event_stage.clustering_judgment(
                        prepared, self._prepared_member(closest, stored)
                    )
                    judge_score = judgment.score
                probability = _sigmoid(
                    params.intercept
                    + params.cosine_weight * cos
                    + params.judge_weight * (judge_score - 0.5)
                )
                in_window = self._within_days(event, day, params.date_window_days)
                if not in_window:
                    probability = min(probability, params.join_probability - 1e-9)
                scored.append(
                    Candidate(probability, event_id, cos, judge_score, judgment, in_window)
                )
        finally:
            position[vector.ids] = -1
        scored.sort(key=lambda c: (-c.probability, c.event_id))
        return scored, prepared

    def assign(
        self,
        article_id: int,
        new_event_id: str,
        evidence: dict[str, Any],
        stored: EvidenceSource,
    ) -> Decision:
        """Put one new article into the most probable event, or start ``new_event_id``."""
        params = self.params
        vector = self._vector(evidence)
        day = _day(evidence.get("date"))
        scored, prepared = self._score(vector, evidence, stored)
        if prepared is not None:
            # It is the newest member of its event now: the next articles are judged against it.
            self._keep_prepared(article_id, prepared)
        self._count(vector)
        joined = scored[0] if scored and scored[0].probability >= params.join_probability else None
        # Linked as the same story: an event the judgment calls one story at another stage,
        # or one the article would have joined but for the date window (its probability was
        # capped just under the join point). A probability over LINK_PROBABILITY alone was
        # evidence of nothing: on all 982 ECB+ documents 3,212 of 3,474 such links joined
        # events of different topics (eval/event_links.py).
        links = tuple(
            (c.event_id, round(c.probability, 4))
            for c in scored
            if c is not joined
            and (
                (c.judgment is not None and c.judgment.relation is EventRelation.SAME_STORY)
                or (not c.in_window and c.probability >= params.join_probability - 2e-9)
            )
        )
        if joined is None:
            self._join(article_id, new_event_id, vector, day)
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
        shared = self._shared_terms(vector, self.events[joined.event_id])
        signals = (
            {
                "name": "tfidf-cosine",
                "value": round(joined.cosine, 4),
                "detail": "shared: " + ", ".join(shared),
            },
        )
        if joined.judgment is not None:
            signals += tuple(
                {"name": s.name, "value": round(s.value, 4), "detail": s.detail}
                for s in joined.judgment.verdict().signals
            )
        self._join(article_id, joined.event_id, vector, day)
        return Decision(article_id, joined.event_id, False, joined.probability, signals, links)

    def _shared_terms(self, vector: _Vector, event: _Event) -> list[str]:
        import numpy as np

        self.refresh_idf()
        shared, in_vector, in_centroid = np.intersect1d(
            vector.ids, event.centroid_ids, assume_unique=True, return_indices=True
        )
        squares = np.array(list(map(pow, self._take_idf(shared).tolist(), repeat(2))))
        scores = vector.weights[in_vector] * event.centroid_weights[in_centroid] * squares
        terms, listed = self._terms, shared.tolist()
        return [terms[listed[i]] for i in _top(scores, lambda i: terms[listed[i]], 5)]

    def label(self, event_id: str, size: int = 4) -> str:
        """The event's most distinctive terms by TF-IDF of its centroid."""
        self.refresh_idf()
        event = self.events[event_id]
        scores = event.centroid_weights * self._take_idf(event.centroid_ids)
        terms, listed = self._terms, event.centroid_ids.tolist()
        return " · ".join(terms[listed[i]] for i in _top(scores, lambda i: terms[listed[i]], size))


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
