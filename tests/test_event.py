"""The same-event verdict: dates read as a reader would, order invariance, three answers."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framecmp
from framecmp import api
from framecmp.analysis import event
from framecmp.analysis.event import judge_pair, judge_same_event
from framecmp.analysis.event_evidence import event_evidence, information
from framecmp.model import Document, EventRelation, Quote, Removal, Sentence
from framecmp.text.segment import tokenize


def _doc(
    doc_id: str,
    *texts: str,
    date: str | None = None,
    removed: tuple[Removal, ...] = (),
) -> Document:
    sentences = []
    offset = 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index, index, text, offset, offset + len(text), tokenize(text)))
        offset += len(text) + 1
    return Document(
        doc_id=doc_id,
        outlet=doc_id,
        path=f"{doc_id}.txt",
        text="\n".join(texts),
        sentences=tuple(sentences),
        removed=removed,
        date=date,
    )


def _sample(path: Path, doc_id: str) -> Document:
    document = api.prepare_documents(api.load_articles([path]))[0]
    return Document(
        doc_id, document.outlet, document.path, document.text, document.sentences,
        document.removed, document.date, document.title, document.url, document.place,
    )  # fmt: skip


QUAKE = (
    "A magnitude 6.1 earthquake struck the Tehachapi valley early on Tuesday, "
    "toppling chimneys in Arvin and Bakersfield.",
    "Seismologist Lucy Jones said aftershocks of magnitude 4.5 followed within the hour.",
    "Kern County officials reported 14 people injured and 230 homes damaged.",
)
QUAKE_RETOLD = (
    "The 6.1 quake near Tehachapi damaged 230 homes in Kern County on Tuesday.",
    "Lucy Jones of the Geological Survey warned of more aftershocks near Arvin.",
    "Fourteen people were hurt, officials in Bakersfield said.",
)
UNRELATED = (
    "The orchestra opened its winter season with a Sibelius symphony.",
    "Critics praised the conductor's slow tempo in the finale.",
    "Tickets for the spring concerts go on sale next month.",
)


def test_a_pair_scores_the_same_in_either_order(tass: Path, cgtn: Path, rt: Path) -> None:
    docs = [_sample(tass, "tass"), _sample(cgtn, "cgtn"), _sample(rt, "rt")]
    evidence = [event_evidence(d) for d in docs]
    for a in evidence:
        for b in evidence:
            forward, backward = judge_pair(a, b), judge_pair(b, a)
            assert forward.score == backward.score
            assert forward.relation is backward.relation
            assert [s.value for s in forward.signals] == [s.value for s in backward.signals]


def test_compare_scores_do_not_depend_on_argument_order(
    tass: Path, cgtn: Path, unknown_outlet: Path
) -> None:
    forward = framecmp.compare([tass, cgtn, unknown_outlet]).same_event
    backward = framecmp.compare([unknown_outlet, cgtn, tass]).same_event
    assert sorted(p.score for p in forward.pairs) == sorted(p.score for p in backward.pairs)
    assert forward.score == backward.score
    assert forward.relation is backward.relation


def test_the_same_date_alone_never_makes_one_event() -> None:
    a = _doc("a", *QUAKE, date="2025-03-04")
    b = _doc("b", *UNRELATED, date="2025-03-04")
    verdict = judge_same_event([a, b])
    assert verdict.relation is EventRelation.DIFFERENT_EVENTS
    assert not verdict.verdict
    date_signal = next(s for s in verdict.pairs[0].signals if s.name == "date-gap")
    assert "0 days apart" in date_signal.detail


def test_two_reports_of_one_event_agree_and_dates_far_apart_do_not() -> None:
    same_day = judge_same_event(
        [_doc("a", *QUAKE, date="2025-03-04"), _doc("b", *QUAKE_RETOLD, date="2025-03-05")]
    )
    assert same_day.relation is EventRelation.SAME_EVENT
    months_apart = judge_same_event(
        [_doc("a", *QUAKE, date="2025-03-04"), _doc("b", *QUAKE_RETOLD, date="2025-09-20")]
    )
    assert months_apart.pairs[0].score < same_day.pairs[0].score


def test_a_missing_date_is_not_compared_nor_guessed() -> None:
    dated = _doc("a", *QUAKE, date="2025-03-04")
    undated = _doc("b", *QUAKE_RETOLD)
    pair = judge_same_event([dated, undated]).pairs[0]
    both_undated = judge_same_event([_doc("a", *QUAKE), undated]).pairs[0]
    assert event_evidence(undated).event_date is None
    assert pair.score == both_undated.score  # the text model alone, as if neither had a date
    date_signal = next(s for s in pair.signals if s.name == "date-gap")
    assert "b: no event date" in date_signal.detail
    assert "not compared" in date_signal.detail


def test_a_publication_line_in_the_text_dates_the_report(tmp_path: Path) -> None:
    # Two retellings of one kind of quake, years apart: only the pasted publication lines tell.
    first = tmp_path / "first.txt"
    first.write_text("Published: 10 Sep 2008\n" + "\n".join(QUAKE), encoding="utf-8")
    second = tmp_path / "second.txt"
    second.write_text("27 November 2005\n" + "\n".join(QUAKE_RETOLD), encoding="utf-8")
    documents = api.prepare_documents(api.load_articles([first, second]))
    evidence = [event_evidence(d) for d in documents]
    # "on Tuesday" in the lead, resolved against the publication line's date
    assert (evidence[0].event_date, evidence[0].event_date_source) == ("2008-09-09", "lead-weekday")
    assert evidence[1].event_date == "2005-11-22"
    pair = judge_same_event(documents).pairs[0]
    date_signal = next(s for s in pair.signals if s.name == "date-gap")
    assert "first: 2008-09-09 (lead-weekday: on Tuesday)" in date_signal.detail
    assert "1022 days apart" in date_signal.detail
    # without the lines the dates are not compared, and the pair scores higher
    undated = judge_same_event([_doc("a", *QUAKE), _doc("b", *QUAKE_RETOLD)]).pairs[0]
    assert pair.score < undated.score


def test_a_publication_line_without_a_lead_date_is_the_event_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Updated: 14 June 2013\nThe museum reopened its east wing.\nIt was closed.")
    (document,) = api.prepare_documents(api.load_articles([path]))
    evidence = event_evidence(document)
    assert (evidence.event_date, evidence.event_date_source) == ("2013-06-14", "timestamp")
    assert evidence.event_date_detail == "Updated: 14 June 2013"
    # a metadata date wins over the line
    assert event_evidence(replace(document, date="2013-06-20")).event_date == "2013-06-20"


def test_a_background_date_in_the_lead_is_not_the_event_date() -> None:
    doc = _doc(
        "a",
        "Fighting has gone on since February 24, 2022, the minister said on Thursday.",
        "Talks resumed.",
        date="2025-11-29",  # a Saturday
    )
    evidence = event_evidence(doc)
    assert evidence.event_date == "2025-11-27"  # "on Thursday" before the publication date
    assert evidence.event_date_source == "lead-weekday"


def test_a_date_far_from_publication_is_background_even_without_a_cue() -> None:
    doc = _doc("a", "The treaty signed on March 3, 2019 was discussed.", "More.", date="2025-06-10")
    evidence = event_evidence(doc)
    assert evidence.event_date == "2025-06-10"
    assert evidence.event_date_source == "publication"


def test_a_day_without_a_year_is_kept_as_such_and_bounds_the_gap() -> None:
    no_year = _doc("a", *QUAKE[:2], "It happened on November 27, officials said.")
    assert event_evidence(no_year).event_date == "--11-27"
    august = _doc("b", *UNRELATED, date="2025-08-17")
    pair = judge_same_event([no_year, august]).pairs[0]
    gap = next(s for s in pair.signals if s.name == "date-gap")
    assert "102 days apart" in gap.detail  # the smallest gap any year allows


def test_date_in_a_removed_photo_caption_is_evidence(cgtn: Path) -> None:
    caption = Removal("photo-caption", "The minister speaks, Lyon, France, March 4, 2025. /AFP")
    doc = _doc("a", "He said talks would go on.", "More words here.", removed=(caption,))
    evidence = event_evidence(doc)
    assert (evidence.event_date, evidence.event_date_source) == ("2025-03-04", "photo-caption")
    sample = event_evidence(_sample(cgtn, "cgtn"))
    assert sample.event_date == "2025-11-27"  # only its repeated photo caption gives the date


def test_quotes_of_different_speakers_are_not_shared() -> None:
    a, b = _doc("a", *QUAKE), _doc("b", *QUAKE_RETOLD)
    words = "we must rebuild every damaged home before winter"
    same = (Quote("a", words, (1,), "Jones", "said"), Quote("b", words, (1,), "Jones", "said"))
    other = (Quote("a", words, (1,), "Jones", "said"), Quote("b", words, (1,), "Smith", "said"))
    shared = judge_same_event([a, b], None, same).pairs[0]
    not_shared = judge_same_event([a, b], None, other).pairs[0]
    assert next(s for s in shared.signals if s.name == "shared-quotes").value > 0
    assert next(s for s in not_shared.signals if s.name == "shared-quotes").value == 0
    assert shared.score > not_shared.score


def test_evidence_is_plain_json() -> None:
    quote = Quote("a", "we must rebuild every damaged home", (1,), "Jones", "said")
    evidence = event_evidence(_doc("a", *QUAKE, date="2025-03-04"), [quote])
    loaded = json.loads(json.dumps(asdict(evidence)))
    assert loaded["event_date"] == "2025-03-04"
    assert loaded["quotes"][0]["speaker"] == "Jones"
    assert "tehachapi" in loaded["lead_terms"]


def test_stored_evidence_and_prepared_judging_give_the_same_verdict() -> None:
    from framecmp.corpus import events as corpus_events

    a = _doc("a", *QUAKE, date="2025-03-04")
    b = _doc("b", *QUAKE_RETOLD, date="2025-03-05")
    stored_a, stored_b = corpus_events.article_evidence(a), corpus_events.article_evidence(b)
    # The store keeps exactly the dataclass as JSON.
    assert json.loads(json.dumps(stored_a["event"])) == json.loads(
        json.dumps(asdict(event_evidence(a)))
    )
    direct = judge_pair(event_evidence(a), event_evidence(b))
    assert corpus_events.judge_pair(stored_a, stored_b) == direct
    prepared = [corpus_events.prepared_evidence(s) for s in (stored_a, stored_b)]
    assert event.judge_prepared(*prepared) == direct


def _fixed_model(text_z: float, dated_z: float, gap_weight: float) -> event._EventModel:
    zeros = dict.fromkeys(event.TEXT_FEATURES, 0.0)
    return event._EventModel(
        text=event._Logistic(text_z, zeros),
        dated=event._Logistic(dated_z, {**zeros, "date-gap": gap_weight}),
    )


@pytest.mark.parametrize(
    ("second_date", "expected"),
    [
        ("2025-03-04", EventRelation.SAME_EVENT),  # gap 0: the dated model says yes
        ("2025-03-07", EventRelation.SAME_STORY),  # text says yes, 3 days apart says no
        ("2025-05-04", EventRelation.DIFFERENT_EVENTS),  # beyond a week: not one story
    ],
)
def test_three_answers(
    monkeypatch: pytest.MonkeyPatch, second_date: str, expected: EventRelation
) -> None:
    # A fixed model isolates the decision rule: P(text) = 0.73; P(dated) = 0.73 at gap 0.
    monkeypatch.setattr(event, "_model", lambda: _fixed_model(1.0, 1.0, -1.0))
    a = _doc("a", *UNRELATED, date="2025-03-04")  # no weekday in the lead: dates as given
    b = _doc("b", *UNRELATED, date=second_date)
    verdict = judge_same_event([a, b])
    assert verdict.relation is expected
    assert verdict.verdict is (expected is EventRelation.SAME_EVENT)


def test_the_verdict_takes_the_weakest_pair() -> None:
    a = _doc("a", *QUAKE, date="2025-03-04")
    b = _doc("b", *QUAKE_RETOLD, date="2025-03-04")
    c = _doc("c", *UNRELATED, date="2025-03-04")
    verdict = judge_same_event([a, b, c])
    relations = {(p.a, p.b): p.relation for p in verdict.pairs}
    assert relations[("a", "b")] is EventRelation.SAME_EVENT
    assert relations[("a", "c")] is EventRelation.DIFFERENT_EVENTS
    assert verdict.relation is EventRelation.DIFFERENT_EVENTS
    assert verdict.score == min(p.score for p in verdict.pairs)


def test_bundled_model_is_documented_and_never_rewards_a_date() -> None:
    raw = json.loads((Path(event.__file__).parents[1] / "data" / "event_model.json").read_text())
    assert raw["models"]["dated"]["coefficients"]["date-gap"] < 0
    assert set(raw["models"]["text"]["coefficients"]) == set(event.TEXT_FEATURES)
    assert "ECB+" in raw["source"]
    assert raw["cross_validation"]["without_dates"]["folds"]


def test_samples_smoke(
    tass: Path, cgtn: Path, unknown_outlet: Path, rt: Path, alaska: Path
) -> None:
    assert framecmp.compare([tass, cgtn, unknown_outlet]).same_event.verdict
    for paths in ([tass, alaska], [cgtn, rt]):
        verdict = framecmp.compare(paths).same_event
        assert verdict.relation is EventRelation.DIFFERENT_EVENTS


def test_same_day_same_city_different_stories_are_different_events() -> None:
    # Issue 9: a budget meeting and a warehouse fire, both datelined Moscow on one day.
    dateline = (Removal("dateline", "MOSCOW, March 4. /TASS/."),)
    budget = _doc(
        "budget",
        "The government approved the draft federal budget at a meeting on Tuesday.",
        "Spending on healthcare and education will rise by 12 percent, the ministry said.",
        "The draft now goes to parliament for a first reading in April.",
        removed=dateline,
    )
    fire = _doc(
        "fire",
        "A fire broke out at a warehouse in the south of the city on Tuesday.",
        "Firefighters contained the blaze, which covered 1,500 square meters.",
        "No one was hurt, and the cause is being investigated, the ministry said.",
        removed=dateline,
    )
    verdict = judge_same_event([budget, fire])
    assert verdict.relation is EventRelation.DIFFERENT_EVENTS
    gap = next(s for s in verdict.pairs[0].signals if s.name == "date-gap")
    assert "0 days apart" in gap.detail


def test_weekday_and_month_names_are_not_shared_content() -> None:
    evidence = event_evidence(_doc("a", "On Tuesday, March 4, the council met.", "It voted."))
    assert not {"tuesday", "march"} & set(evidence.lead_terms)
    assert not {"tuesday", "march"} & {w for w, _ in evidence.term_counts}


_WORDS = st.sampled_from(
    [
        "Geneva",
        "Lyon",
        "talks",
        "quake",
        "minister",
        "said",
        "12",
        "300",
        "fire",
        "budget",
        "March",
        "Tuesday",
        "the",
        "of",
        "on",
        "Smith",
        "Jones",
        "council",
        "votes",
        "rebuild",
        "homes",
    ]
)
_SENTENCE = st.lists(_WORDS, min_size=3, max_size=12).map(lambda w: " ".join(w) + ".")
_DATE = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


@settings(max_examples=60, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=4), st.lists(_SENTENCE, min_size=1, max_size=4),
       _DATE, _DATE)  # fmt: skip
def test_any_pair_scores_the_same_in_either_order(
    left: list[str], right: list[str], date_a: str | None, date_b: str | None
) -> None:
    a = event_evidence(_doc("a", *left, date=date_a))
    b = event_evidence(_doc("b", *right, date=date_b))
    forward, backward = judge_pair(a, b), judge_pair(b, a)
    assert forward.score == backward.score
    assert forward.relation is backward.relation
    assert 0.0 <= forward.score <= 1.0


@pytest.mark.parametrize(
    ("capture", "published", "expected"),
    [
        # A Russian wire dateline gives day and month in the genitive; the year comes from the
        # publication date, and a late-December day published in January is last year's.
        ("МОСКВА, 27 ноября. /ТАСС/. Правительство утвердило проект бюджета.", "2025-11-28",
         "2025-11-27"),
        ("КИЕВ, 30 декабря - РИА Новости. Совет одобрил закон.", "2026-01-02", "2025-12-30"),
        ("新华社北京11月27日电（记者 王某）国务院召开常务会议，部署经济工作。", "2025-11-28",
         "2025-11-27"),
    ],
)  # fmt: skip
def test_russian_and_chinese_wire_datelines_give_the_event_date(
    capture: str, published: str, expected: str
) -> None:
    from framecmp.model import Article

    (document,) = api.prepare_documents([Article(path="wire.txt", text=capture, date=published)])
    evidence = event_evidence(document)
    assert evidence.event_date == expected
    assert evidence.event_date_source == "dateline"


def test_word_information_reads_every_row_of_the_zipf_table() -> None:
    # information() finds a word by binary search in the sorted rows: every listed word must
    # get 9 - its zipf, any other word 9 - the floor, which is the table's lowest zipf.
    path = Path(__file__).resolve().parent.parent / "framecmp" / "data" / "word_zipf.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert any("wordfreq" in line for line in header)
    assert any("CC BY-SA 4.0" in line for line in header)
    words = [word for word, _ in rows]
    assert words == sorted(words)
    assert len(set(words)) == len(words) > 39_000
    floor = min(float(zipf) for _, zipf in rows)
    assert f"# zipf_floor: {floor:.2f}" in header
    assert all(information(word) == 9.0 - float(zipf) for word, zipf in rows)
    for unlisted in ("zzzqx", "", "the ", "a\tb", "aardvarkz"):
        assert information(unlisted) == 9.0 - floor
    assert information("the") < information("negotiations") < information("zzzqx")


def test_leads_naming_other_days_and_figures_lower_the_pair_verdict_not_the_clustering() -> None:
    # Reports of one topic's two events share actor and wording; what differs is what the
    # lead says happened when and how much (docs/same-event.md, round 3).
    first = _doc("a", *QUAKE)
    same_day = _doc("b", *QUAKE)
    other_day = _doc("c", *(s.replace("Tuesday", "Friday") for s in QUAKE))
    agreeing, conflicting = (
        judge_pair(*map(event_evidence, (first, same_day))),
        judge_pair(*map(event_evidence, (first, other_day))),
    )
    assert conflicting.score < agreeing.score
    signal = next(s for s in conflicting.signals if s.name == "weekday-conflict")
    assert signal.value == 1.0
    assert signal.weight < 0
    assert "tuesday" in signal.detail
    assert "friday" in signal.detail
    # The corpus clustering's input ignores weekday words: its fitted combination weights
    # (data/event_clustering.toml) were fitted on that model's scores.
    prepared = [event.prepare_evidence(event_evidence(d)) for d in (first, same_day, other_day)]
    clustering_agreeing = event.judge_for_clustering(prepared[0], prepared[1])
    clustering_conflicting = event.judge_for_clustering(prepared[0], prepared[2])
    assert clustering_agreeing.score == clustering_conflicting.score
    assert all(s.name != "weekday-conflict" for s in clustering_conflicting.signals)


def test_a_lead_figure_the_other_report_lacks_lowers_the_score() -> None:
    first = _doc("a", *QUAKE)
    same = _doc("b", *QUAKE)
    # Every lead figure changed: the other earthquake of the kind, with other numbers.
    other = _doc(
        "c",
        *(
            s.replace("6.1", "5.4").replace("4.5", "3.9").replace("14", "9").replace("230", "40")
            for s in QUAKE
        ),
    )
    agreeing = judge_pair(event_evidence(first), event_evidence(same))
    conflicting = judge_pair(event_evidence(first), event_evidence(other))
    assert conflicting.score < agreeing.score
    signal = next(s for s in conflicting.signals if s.name == "lead-number-conflict")
    assert signal.value == 1.0
    assert "6.1" in signal.detail
    assert "5.4" in signal.detail


def test_the_clustering_judgment_is_the_clustering_verdict_worded_on_demand() -> None:
    documents = [
        _doc("a", *QUAKE, date="2024-03-05"),
        _doc("b", *QUAKE_RETOLD, date="2024-03-06"),
        _doc("c", *QUAKE_RETOLD),
        _doc("d", *UNRELATED, date="2024-03-05"),
    ]
    prepared = [event.prepare_evidence(event_evidence(d)) for d in documents]
    for a in prepared:
        for b in prepared:
            judgment = event.clustering_judgment(a, b)
            # The verdict the clustering judged with before signals were worded on demand.
            verdict = event._judge(a, b, event.DEFAULT_THRESHOLD, event._clustering_model())
            assert judgment.verdict() == verdict == event.judge_for_clustering(a, b)
            assert (judgment.score, judgment.relation) == (verdict.score, verdict.relation)
            for signal in verdict.signals:
                assert judgment.signal_value(signal.name) == signal.value
            assert judgment.signal_value("place") is None


def _in(language: str, document: Document) -> Document:
    return replace(document, language=language)


def test_reports_in_two_languages_are_undetermined_not_different_events() -> None:
    english = _in("en", _doc("a", *QUAKE))
    russian = _in("ru", _doc("b", *UNRELATED))  # shares no word, as a translation would not
    for documents in ([english, russian], [russian, english]):
        verdict = judge_same_event(documents)
        assert verdict.relation is EventRelation.UNDETERMINED
        assert not verdict.verdict
        (pair,) = verdict.pairs
        assert pair.relation is EventRelation.UNDETERMINED
        assert not pair.same_event
        languages = next(s for s in pair.signals if s.name == "languages")
        assert "en" in languages.detail
        assert "ru" in languages.detail
    # a language left undetected (too little text) is judged as before
    assert judge_same_event([english, _doc("b", *UNRELATED)]).relation is (
        EventRelation.DIFFERENT_EVENTS
    )


def test_an_undetermined_pair_leaves_the_others_answer() -> None:
    quake = _in("en", _doc("a", *QUAKE))
    retold = _in("en", _doc("b", *QUAKE_RETOLD))
    russian = _in("ru", _doc("c", *UNRELATED))
    concert = _in("en", _doc("d", *UNRELATED))
    verdict = judge_same_event([quake, retold, russian])
    assert verdict.relation is EventRelation.UNDETERMINED
    judged = {(p.a, p.b): p.relation for p in verdict.pairs}
    assert judged[("a", "b")] is EventRelation.SAME_EVENT
    assert judged[("a", "c")] is judged[("b", "c")] is EventRelation.UNDETERMINED
    # the lowest score is of the pairs judged, not of the pairs in two languages
    assert verdict.score == next(p.score for p in verdict.pairs if (p.a, p.b) == ("a", "b"))
    # a pair judged another event still decides
    assert judge_same_event([quake, concert, russian]).relation is (EventRelation.DIFFERENT_EVENTS)


def test_a_placeholder_date_at_the_calendar_start_is_read() -> None:
    # Some exports write 0001-01-01 for "no date"; "on Tuesday" must not step before it.
    documents = [_doc("a", *QUAKE, date="0001-01-01"), _doc("b", *QUAKE_RETOLD)]
    verdict = judge_same_event(documents)
    evidence = event_evidence(documents[0])
    assert evidence.event_date == "0001-01-01"
    assert verdict.pairs[0].a == "a"


def test_british_and_american_spellings_of_a_word_are_one_term() -> None:
    # a UK and a US report of one theft: "jewellery"/"jewelry", "neighbourhood"/"neighborhood"
    british = _doc("uk", "Thieves took jewellery from a shop in the neighbourhood of Leeds.")
    american = _doc("us", "Thieves took jewelry from a shop in the neighborhood of Leeds.")
    a, b = event_evidence(british), event_evidence(american)
    assert a.term_counts == b.term_counts
    assert a.lead_terms == b.lead_terms
    twin = event_evidence(replace(american, doc_id="us2"))
    assert judge_pair(a, b).score == judge_pair(twin, b).score


def test_evidence_stored_before_spellings_were_read_as_one_is_read_so_now() -> None:
    from framecmp.corpus import events as corpus_events

    british = _doc("uk", "Thieves took jewellery from a shop in the neighbourhood of Leeds.")
    american = _doc("us", "Thieves took jewelry from a shop in the neighborhood of Leeds.")
    stored = corpus_events.article_evidence(american)
    twin = corpus_events.article_evidence(replace(american, doc_id="us2"))
    # what an earlier version stored for the British report: the words as written
    older = corpus_events.article_evidence(british)
    written = {"jewelry": "jewellery", "neighborhood": "neighbourhood"}
    older["format"] = 2
    older["terms"] = {written.get(w, w): n for w, n in older["terms"].items()}
    assert "jewellery" in older["terms"]
    event_part = older["event"]
    event_part["term_counts"] = [[written.get(w, w), n] for w, n in event_part["term_counts"]]
    event_part["lead_terms"] = [written.get(w, w) for w in event_part["lead_terms"]]
    assert corpus_events.judge_pair(older, stored).score == (
        corpus_events.judge_pair(twin, stored).score
    )


def test_two_clock_times_share_no_number() -> None:
    a = _doc("a", "The quake struck at about 9:30 a.m. on Sunday near the geysers.", "More.")
    b = _doc("b", "The quake struck at 9:27 a.m. on Sunday near the geysers.", "Dec. 30 too.")
    numbers_a, numbers_b = (set(event_evidence(d).numbers) for d in (a, b))
    assert numbers_a == {"9:30"}
    assert "9:27" in numbers_b
    assert not numbers_a & numbers_b
