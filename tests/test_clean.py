"""Tests for the clean stage: noise goes, with a record of it; article sentences stay."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framecmp.errors import InputError
from framecmp.ingest.clean import clean
from framecmp.ingest.load import load_path, load_text
from framecmp.model import Article, CleanText

DATA = Path(__file__).parent.parent / "data"
TASS = DATA / "bishkek-2025-11-27" / "tass.txt"
CGTN = DATA / "bishkek-2025-11-27" / "cgtn.txt"
UNKNOWN = DATA / "bishkek-2025-11-27" / "unknown-outlet.txt"
RT = DATA / "lavrov-roundtable-2025-12" / "rt.txt"
WIRE = DATA / "alaska-2025-08-17" / "unknown-wire.txt"
SAMPLES = (TASS, CGTN, UNKNOWN, RT, WIRE)


def _clean_sample(path: Path) -> tuple[Article, CleanText]:
    (article,) = load_path(path)
    return article, clean(article)


def _clean(text: str) -> CleanText:
    return clean(Article(path="t.txt", text=text))


def _kinds(cleaned: CleanText) -> list[str]:
    return [removal.kind for removal in cleaned.removed]


def _chunks(text: str) -> list[str]:
    """Sentence-like pieces of a text: lines cut after sentence-final punctuation."""
    pieces = (piece for line in text.split("\n") for piece in re.split(r"(?<=[.!?\"”])\s+", line))
    return [" ".join(piece.split()) for piece in pieces if piece.strip()]


# --- nothing real is lost ---------------------------------------------------------------------


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sentence_is_kept_or_recorded_as_removed(sample: Path) -> None:
    article, cleaned = _clean_sample(sample)
    removals = [" ".join(r.text.split()) for r in (*article.removed, *cleaned.removed)]
    kept = " ".join(cleaned.text.split())
    for chunk in _chunks(sample.read_text(encoding="utf-8")):
        rest = chunk
        for removal in removals:  # a header or dateline glued to the first sentence
            if rest.startswith(removal):
                rest = rest[len(removal) :].strip()
        assert not rest or rest in kept or any(rest in removal for removal in removals), chunk


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_cleaned_text_is_one_paragraph_per_line_without_blank_lines(sample: Path) -> None:
    _, cleaned = _clean_sample(sample)
    lines = cleaned.text.split("\n")
    assert all(line and line == " ".join(line.split()) for line in lines)


# --- each sample: the noise it carries goes, its first sentence stays -------------------------


def test_cgtn_banner_buttons_outlet_captions_and_trends_go() -> None:
    _, cleaned = _clean_sample(CGTN)
    assert _kinds(cleaned) == [
        "cookie-banner",
        "cookie-banner",
        "consent-button",
        "headline",
        "outlet-name",
        *["repeated-caption"] * 3,
        "trailing-label",
    ]
    assert (
        cleaned.removed[3].text
        == "Deep divisions remain on core issues as new peace talks expected"
    )
    for noise in ("Cookie Policy", "use of cookies", "I agree", "CGTN", "/VCG", "Search Trends"):
        assert noise not in cleaned.text
    assert cleaned.text.startswith(
        "Russian President Vladimir Putin said on Thursday that a U.S. delegation is expected"
    )
    assert cleaned.text.endswith("Chen said this, too, is difficult for Moscow to accept.")
    assert "unchanged \u2013 to achieve a lasting" in cleaned.text  # dashes kept as written
    assert cleaned.outlet_hint == "CGTN"


def test_tass_header_and_dateline_go_and_give_hints() -> None:
    article, cleaned = _clean_sample(TASS)
    assert article.removed[0].text == "date 2025-11-27"
    assert [(r.kind, r.text) for r in cleaned.removed] == [
        ("dateline", "BISHKEK, November 27. /TASS/.")
    ]
    assert cleaned.text.startswith("The divergence of opinions in the West, including in the")
    assert (cleaned.outlet_hint, cleaned.place_hint) == ("TASS", "Bishkek")
    assert "[of telephone talks between Russia and the US on the settlement in Ukraine - TASS]" in (
        cleaned.text
    )


def test_unknown_outlet_section_headings_go() -> None:
    _, cleaned = _clean_sample(UNKNOWN)
    assert [(r.kind, r.text) for r in cleaned.removed] == [
        ("section-heading", "Military Confidence and Hardline Stance"),
        ("section-heading", "Peace Talks and US Involvement"),
        ("section-heading", "Distrust in Ukrainian Leadership"),
    ]
    assert cleaned.text.startswith("Russian President Vladimir Putin has expressed strong")
    assert "President Putin projected unwavering assurance" in cleaned.text
    assert cleaned.text.endswith("American engagement in the peace process.")
    assert (cleaned.outlet_hint, cleaned.place_hint) == (None, None)


def test_rt_share_trailer_goes_and_standfirst_stays() -> None:
    _, cleaned = _clean_sample(RT)
    assert _kinds(cleaned) == ["share-trailer"]
    assert "share this story" not in cleaned.text
    # The standfirst is the outlet's own summary claim: article text, not capture noise.
    assert cleaned.text.startswith("Moscow and Washington have reaffirmed the need")
    assert cleaned.text.endswith("as a result of the 2014 coup in Kiev.")
    assert "\u201cpause\u201d" in cleaned.text  # curly quotes kept


def test_wire_sample_has_nothing_to_clean_after_its_header() -> None:
    article, cleaned = _clean_sample(WIRE)
    assert cleaned.removed == ()
    assert cleaned.text == "\n".join(_chunks_by_line(article.text))


def _chunks_by_line(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


# --- cookie banners and consent buttons -------------------------------------------------------


def test_long_paragraph_about_cookies_stays() -> None:
    long = (
        "The European Commission said its new rules on cookies and the use of cookies for "
        "tracking would force every website to change its cookie settings page, a move that "
        "publishers, advertisers and privacy campaigners have argued about for years, with "
        "the final text due to be published in the official journal next spring after a vote "
        "in the European Parliament, where several groups want to ban tracking cookies outright."
    )
    cleaned = _clean(long + "\nAnother sentence follows here.")
    assert cleaned.text == long + "\nAnother sentence follows here."
    assert cleaned.removed == ()


def test_short_cookie_line_in_the_middle_stays() -> None:
    body = [f"Sentence number {n} of the story." for n in range(20)]
    text = "\n".join([*body[:10], "We use cookies, the minister joked.", *body[10:]])
    assert "We use cookies, the minister joked." in _clean(text).text


def test_consent_button_goes_only_near_a_banner() -> None:
    banner = "We use cookies to improve your experience.\nAccept all cookies\nI agree\n"
    cleaned = _clean(banner + "Putin spoke in Bishkek on Thursday.")
    assert _kinds(cleaned) == ["cookie-banner", "cookie-banner", "consent-button"]
    text = "Putin spoke in Bishkek on Thursday.\nHe asked if Kyiv agreed.\nI agree.\nHe left."
    assert "I agree." in _clean(text).text


# --- captions and repeats ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "caption",
    [
        "Vladimir Putin in Bishkek, November 27, 2025. /Reuters",
        "Photo: Alexander Kazakov/AP",
        "Putin at the press conference (Photo: TASS)",
        "Delegates arrive at the summit. Getty Images",
    ],
)
def test_photo_caption_goes(caption: str) -> None:
    cleaned = _clean(f"Putin spoke in Bishkek on Thursday.\n{caption}\nHe took questions.")
    assert [(r.kind, r.text) for r in cleaned.removed] == [("photo-caption", caption)]
    assert cleaned.text == "Putin spoke in Bishkek on Thursday.\nHe took questions."


def test_repeated_plain_paragraph_keeps_its_first_copy() -> None:
    text = "Putin spoke.\nThe talks will go on.\nHe left.\nThe talks will go on."
    cleaned = _clean(text)
    assert cleaned.text == "Putin spoke.\nThe talks will go on.\nHe left."
    assert [(r.kind, r.text) for r in cleaned.removed] == [
        ("duplicate-paragraph", "The talks will go on.")
    ]


def test_repeats_match_after_whitespace_is_normalised() -> None:
    text = "Putin spoke.\nThe  talks\u00a0will go on.\nThe talks will go on. \nHe left."
    assert _clean(text).text == "Putin spoke.\nThe talks will go on.\nHe left."


# --- datelines ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "dateline", "outlet", "place"),
    [
        ("MOSCOW, Dec 4 (Reuters) - Russia said", "MOSCOW, Dec 4 (Reuters) -", "Reuters", "Moscow"),
        ("KYIV (AP) \u2014 Ukraine said", "KYIV (AP) \u2014", "AP", "Kyiv"),
        ("WASHINGTON \u2014 The White House said", "WASHINGTON \u2014", None, "Washington"),
        (
            "NEW YORK, Nov. 27, 2025 (AFP) -- Diplomats said",
            "NEW YORK, Nov. 27, 2025 (AFP) --",
            "AFP",
            "New York",
        ),
        ("KYIV, Ukraine (AP) \u2014 Officials said", "KYIV, Ukraine (AP) \u2014", "AP", "Kyiv"),
    ],
)
def test_dateline_goes_and_gives_hints(
    first: str, dateline: str, outlet: str | None, place: str
) -> None:
    cleaned = _clean(f"{first} the talks were useful.\nMore text.")
    assert [(r.kind, r.text) for r in cleaned.removed] == [("dateline", dateline)]
    assert (
        cleaned.text.split("\n")[0] == first.split(dateline)[1].strip() + " the talks were useful."
    )
    assert (cleaned.outlet_hint, cleaned.place_hint) == (outlet, place)


@pytest.mark.parametrize(
    "first",
    ["NATO \u2014 the alliance \u2014 met on Monday.", "Moscow said the talks were useful."],
)
def test_sentence_opening_is_not_a_dateline(first: str) -> None:
    cleaned = _clean(f"{first}\nMore text.")
    assert cleaned.removed == ()
    assert cleaned.place_hint is None


# --- headlines, standfirsts and section headings ------------------------------------------------


def test_headline_and_standfirst_at_the_top() -> None:
    headline = "Putin says talks can go on"
    standfirst = (
        "The Russian president told reporters in Bishkek that a US delegation is expected "
        "in Moscow next week to discuss the plan"
    )
    cleaned = _clean(f"{headline}\n{standfirst}\nPutin spoke on Thursday.\nHe left.")
    assert [(r.kind, r.text) for r in cleaned.removed] == [("headline", headline)]
    assert cleaned.text == f"{standfirst}\nPutin spoke on Thursday.\nHe left."


@pytest.mark.parametrize(
    "line",
    [
        "14 June 2013",
        "May 2, 2013, 1:12 PM",
        "March 14, 2013 | 8:16 am",
        "Thursday, November 9, 2023 4:41AM",
        "2013-03-14",
        "First Published: June 13, 2013 4:59 PM EDT",
    ],
)
def test_a_date_line_above_the_text_is_its_publication_line(line: str) -> None:
    cleaned = _clean(f"Quake shakes the valley\n{line}\nA quake struck on Thursday.\nIt was small.")
    assert ("publication-timestamp", line) in [(r.kind, r.text) for r in cleaned.removed]
    assert cleaned.text == "A quake struck on Thursday.\nIt was small."


def test_a_date_line_below_the_first_paragraph_is_only_a_timestamp() -> None:
    # a related story's date, more often than the report's own
    cleaned = _clean("A quake struck on Thursday.\nIt was small.\n14 June 2013\nMore text here.")
    assert [(r.kind, r.text) for r in cleaned.removed] == [("timestamp", "14 June 2013")]


def test_a_sentence_with_a_date_is_not_a_timestamp() -> None:
    text = "On 14 June 2013 a quake struck the valley.\nIt was small."
    assert _clean(text).text == text


def test_single_unpunctuated_paragraph_is_kept() -> None:
    assert _clean("Putin spoke on Thursday in Bishkek").text == "Putin spoke on Thursday in Bishkek"


def test_section_heading_needs_a_paragraph_after_it() -> None:
    text = (
        "Putin spoke on Thursday.\nTalks in Moscow\nThe delegation will arrive next week.\n"
        "Last words"
    )
    cleaned = _clean(text)
    assert [(r.kind, r.text) for r in cleaned.removed] == [
        ("section-heading", "Talks in Moscow"),
        ("trailing-label", "Last words"),  # a label with nothing after it is no heading
    ]
    assert cleaned.text.endswith("The delegation will arrive next week.")


def test_heading_must_be_followed_by_a_sentence() -> None:
    text = "Putin spoke on Thursday.\nMoscow talks\nThe delegation is expected next week\nHe left."
    assert _clean(text).removed == ()


def test_short_sentences_are_not_headings() -> None:
    text = (
        "Putin spoke on Thursday.\nHe left.\n\u201cNo,\u201d he said.\n"
        "The delegation comes next week."
    )
    assert _clean(text).removed == ()


# --- trailers -----------------------------------------------------------------------------------


def test_read_more_trailer_takes_its_headline_list() -> None:
    text = (
        "Putin spoke on Thursday.\nHe left for Moscow.\nRead more:\n"
        "Putin says talks can go on\nKremlin comments on the plan"
    )
    cleaned = _clean(text)
    assert _kinds(cleaned) == ["related-list"] * 3
    assert cleaned.text == "Putin spoke on Thursday.\nHe left for Moscow."


def test_read_more_trailer_leaves_real_sentences_after_it() -> None:
    text = "Putin spoke on Thursday.\nRead more:\nPutin in Moscow today\nThe talks ended."
    cleaned = _clean(text)
    assert [(r.kind, r.text) for r in cleaned.removed] == [("related-list", "Read more:")]
    assert cleaned.text == "Putin spoke on Thursday.\nPutin in Moscow today\nThe talks ended."


@pytest.mark.parametrize(
    "trailer",
    ["Follow us on Telegram", "Subscribe to our newsletter", "Share this article", "Advertisement"],
)
def test_trailers_go(trailer: str) -> None:
    cleaned = _clean(f"Putin spoke on Thursday.\nHe left for Moscow.\n{trailer}")
    assert cleaned.text == "Putin spoke on Thursday.\nHe left for Moscow."


# --- whitespace and layout ---------------------------------------------------------------------


def test_spaces_collapse_and_nbsp_becomes_space_but_quotes_stay() -> None:
    cleaned = _clean("Putin\u00a0said  \u201cno\u201d \u2013\tagain.\n\n\n  He left.  ")
    assert cleaned.text == "Putin said \u201cno\u201d \u2013 again.\nHe left."


def test_hard_wrapped_lines_are_joined() -> None:
    text = "Putin said the plan could\nserve as a basis for talks.\n\nHe left."
    assert _clean(text).text == "Putin said the plan could serve as a basis for talks.\nHe left."


# --- errors -------------------------------------------------------------------------------------


def test_nothing_left_after_cleaning_names_what_went() -> None:
    text = "Our Privacy Statement & Cookie Policy\n\nI agree\n\nRelated stories"
    with pytest.raises(InputError) as err:
        clean(load_text(text, path="page.txt"))
    assert str(err.value).startswith(
        "page.txt: no article text left after cleaning "
        "(removed: cookie-banner, consent-button, related-list)"
    )


# --- properties ----------------------------------------------------------------------------------

_WORDS = ["Putin", "said", "talks", "Kyiv", "the", "plan", "I agree", "Search Trends", "/VCG"]
_PARAGRAPH = (
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14)
    .map(" ".join)
    .map(lambda p: p + "." if len(p) % 3 else p)
)


@given(st.lists(_PARAGRAPH, min_size=1, max_size=12))
def test_every_word_is_kept_or_in_a_removal(paragraphs: list[str]) -> None:
    text = "\n".join(paragraphs)
    try:
        cleaned = _clean(text)
    except InputError:
        return
    words = cleaned.text.split() + [w for r in cleaned.removed for w in r.text.split()]
    assert sorted(words) == sorted(text.split())


@given(st.lists(_PARAGRAPH, min_size=1, max_size=12))
def test_cleaning_is_deterministic(paragraphs: list[str]) -> None:
    text = "\n".join(paragraphs)
    try:
        first = _clean(text)
    except InputError:
        return
    assert _clean(text) == first


# --- general capture noise around real article sentences -----------------------------------

_TOP_NOISE = ["By Jane Roe and John Doe", "2 hours ago", "Share", "+ FOLLOW", "Link Copied"]
_BOTTOM_NOISE = [
    "Reporting by Jane Roe in Kyiv; Additional reporting by John Doe; Editing by Ann Lee",
    "Our Standards: The Example Trust Principles.",
    "Sign up for our morning newsletter",
    "REUTERS/Jane Roe",
    "Loading comments...",
    "Related topics",
    "Reuse this content",
]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_real_article_sentences_are_never_dropped_with_the_noise_around_them(
    sample: Path,
) -> None:
    _, reference = _clean_sample(sample)
    body = reference.text.split("\n")
    capture = "\n\n".join([*_TOP_NOISE, *body[:3], "Updated 14:05 GMT", *body[3:], *_BOTTOM_NOISE])
    cleaned = clean(load_text(capture, path="capture.txt"))
    for paragraph in body[1:]:  # the first may lose a dateline
        assert paragraph in cleaned.text.split("\n")
    for noise in [*_TOP_NOISE, *_BOTTOM_NOISE, "Updated 14:05 GMT"]:
        assert noise not in cleaned.text.split("\n")
        assert any(r.text == noise for r in cleaned.removed)


@pytest.mark.parametrize(
    "sentence",
    [
        "By the time the talks ended, officials said the plan was dead.",
        "Share prices fell 3% after the ministers spoke.",
        "Updated figures published on Monday showed 200 dead.",
        "Subscribers to the plan include four countries.",
        "Related talks in Geneva are planned for next week.",
        "Reporting from the front is restricted, the ministry said.",
    ],
)
def test_sentences_that_look_like_noise_stay(sentence: str) -> None:
    text = f"Officials met in Geneva on Monday.\n{sentence}\nThe talks will resume on Friday."
    assert sentence in clean(load_text(text, path="a.txt")).text.split("\n")
