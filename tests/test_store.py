"""Prepared documents survive a JSON round trip, so batch runs can reuse them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from framecmp.analysis.lexicon import resolve
from framecmp.api import compare_documents, load_articles, prepare_documents, render
from framecmp.corpus.store import dump_document, load_document
from framecmp.errors import InputError
from framecmp.model import Article


def test_stored_documents_give_the_same_report(bishkek_paths: list[Path]) -> None:
    documents = prepare_documents(load_articles(bishkek_paths))
    restored = tuple(load_document(dump_document(d)) for d in documents)
    assert restored == documents
    lexicons = resolve(["frames", "terminology"])
    assert render(compare_documents(restored, lexicons=lexicons), "json") == render(
        compare_documents(documents, lexicons=lexicons), "json"
    )


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400))
def test_round_trip_of_any_article_text(body: str) -> None:
    try:
        (document,) = prepare_documents([Article(path="x.txt", text=body)])
    except InputError:
        assume(False)  # nothing left after cleaning: nothing to store
        return
    assert load_document(dump_document(document)) == document


@pytest.mark.parametrize(
    ("stored", "message"),
    [
        ("not json", "not a stored framecmp document"),
        ('{"format": "framecmp-document/0"}', "prepare the article again"),
        ('{"format": "framecmp-document/1"}', "not a stored framecmp document"),
    ],
)
def test_bad_stored_documents_are_refused_with_one_line(stored: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_document(stored, origin="cache/a.json")
