"""Tests for HTML pages: trafilatura's main text, page metadata, and discarded text as noise."""

from __future__ import annotations

from pathlib import Path

import pytest

from framecmp.errors import InputError
from framecmp.ingest.load import load_bytes, load_path

PAGE = Path(__file__).parent / "pages" / "wire-story.html"


def test_article_text_without_page_furniture() -> None:
    (article,) = load_path(PAGE)
    assert "Agriculture ministers from four countries agreed on Friday" in article.text
    assert "Shipping insurers said premiums" in article.text
    for furniture in (
        "Conflict Zone",
        "Albanian Shqip",
        "Share on Facebook",
        "Related Coverage",
        "Our Standards",
        "All rights reserved",
        "tracking",
        "color: red",
    ):
        assert furniture not in article.text


def test_discarded_page_text_is_recorded_as_removed_noise() -> None:
    (article,) = load_path(PAGE)
    removed = {r.text for r in article.removed if r.kind == "html-boilerplate"}
    assert {"Conflict Zone", "Share on Facebook", "Related Coverage"} <= removed
    assert not any("Agriculture ministers" in text for text in removed)


def test_outlet_is_the_json_ld_publisher_not_a_section_site_name() -> None:
    (article,) = load_path(PAGE)
    assert article.outlet == "Example Wire"  # og:site_name is the section "World"


def test_date_comes_from_page_metadata_not_from_a_date_in_the_text() -> None:
    (article,) = load_path(PAGE)
    assert article.date == "2025-03-14"  # the text also names "Feb. 9 of last year"


def test_title_and_canonical_url() -> None:
    (article,) = load_path(PAGE)
    assert article.title == "Ministers agree grain corridor extension"
    assert article.url == "https://www.example-wire.org/world/grain-corridor-2025"


def test_outlet_falls_back_to_the_canonical_host() -> None:
    page = PAGE.read_text(encoding="utf-8")
    page = page.replace('"publisher": {"@type": "Organization", "name": "Example Wire"}', '"x": 1')
    page = page.replace('<meta property="og:site_name" content="World">', "")
    (article,) = load_bytes(page.encode(), path="p.html")
    assert article.outlet == "example-wire.org"


def test_meta_charset_of_a_legacy_page_is_honoured() -> None:
    page = PAGE.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1252"')
    page = page.replace("Shipping insurers said", "Caf\u00e9 owners and shipping insurers said")
    (article,) = load_bytes(page.encode("cp1252"), path="p.html")
    assert "Caf\u00e9 owners" in article.text
    assert article.encoding == "cp1252"


@pytest.mark.parametrize(
    "page",
    [
        "<script>alert('x')</script>",
        "<html><head><title>Only a title</title></head><body>  </body></html>",
    ],
)
def test_page_without_article_text_is_one_error(page: str) -> None:
    with pytest.raises(InputError, match=r"^g\.html: no article text found in the HTML"):
        load_bytes(page.encode(), path="g.html")


def test_script_rendered_page_falls_back_to_the_json_ld_article_body() -> None:
    body = " ".join(f"Paragraph sentence number {n} of the real story." for n in range(40))
    page = (
        '<html><head><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "articleBody": "{body}"}}</script></head>'
        "<body><figure><figcaption>A leader speaks. Photo: AP</figcaption></figure>"
        "<div id='app'></div></body></html>"
    )
    (article,) = load_bytes(page.encode(), path="s.html")
    assert article.text.startswith("Paragraph sentence number 0 of the real story.")
