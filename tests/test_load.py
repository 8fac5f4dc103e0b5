"""Tests for the load stage: decoding, formats, metadata headers and every input error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framecmp.errors import InputError
from framecmp.ingest.load import DEFAULT_MAX_BYTES, load_bytes, load_path, load_text
from framecmp.model import Removal

DATA = Path(__file__).parent.parent / "data"
TASS = DATA / "bishkek-2025-11-27" / "tass.txt"
CGTN = DATA / "bishkek-2025-11-27" / "cgtn.txt"
WIRE = DATA / "alaska-2025-08-17" / "unknown-wire.txt"


def _one(data: bytes, path: str = "x.txt", **kwargs: object) -> str:
    (article,) = load_bytes(data, path=path, **kwargs)  # type: ignore[arg-type]
    return article.text


# --- the samples ------------------------------------------------------------------------------


def test_glued_date_header_of_tass_sample_becomes_metadata() -> None:
    (article,) = load_path(TASS)
    assert article.date == "2025-11-27"
    assert article.removed == (Removal("metadata-header", "date 2025-11-27"),)
    assert article.text.startswith("BISHKEK, November 27. /TASS/. The divergence of opinions")
    assert article.outlet is None
    assert article.path == str(TASS)


def test_glued_date_header_of_wire_sample_becomes_metadata() -> None:
    (article,) = load_path(WIRE)
    assert article.date == "2025-08-17"
    assert article.text.startswith("Russian President Vladimir Putin has described his talks")


def test_sample_without_header_keeps_its_text() -> None:
    (article,) = load_path(CGTN)
    assert article.date is None
    assert article.removed == ()
    assert article.text == CGTN.read_text(encoding="utf-8").strip()


# --- plain-text metadata headers -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Source code of the plan was leaked. Officials said so.",
        "Date night at the Kremlin was cancelled, officials said.",
        "Title IX funding was cut on Monday.",
        "URL shorteners were blamed for the leak.",
        "Outlet owners met the minister.",
        "Source: officials close to the talks said the plan was leaked.",
    ],
)
def test_a_sentence_starting_with_a_header_word_is_not_a_header(text: str) -> None:
    article = load_text(text)
    assert article.text == text
    assert article.removed == ()
    assert (article.date, article.title, article.outlet, article.url) == (None, None, None, None)


def test_header_fields_on_their_own_lines() -> None:
    text = (
        "Title: Putin speaks in Bishkek\n"
        "Source: Reuters\n"
        "Date: November 27, 2025\n"
        "URL: https://example.com/a?id=1\n"
        "\n"
        "MOSCOW, Dec 4 (Reuters) - Putin spoke."
    )
    article = load_text(text, path="a.txt")
    assert article.title == "Putin speaks in Bishkek"
    assert article.outlet == "Reuters"
    assert article.date == "2025-11-27"
    assert article.url == "https://example.com/a?id=1"
    assert article.text == "MOSCOW, Dec 4 (Reuters) - Putin spoke."
    assert article.removed == (Removal("metadata-header", text.split("\n\n")[0]),)


def test_glued_date_and_url_header() -> None:
    article = load_text("date 2025-11-27 url https://x.org/a Putin spoke on Thursday.")
    assert (article.date, article.url) == ("2025-11-27", "https://x.org/a")
    assert article.text == "Putin spoke on Thursday."


def test_own_line_date_without_colon_and_iso_timestamp() -> None:
    article = load_text("DATE 2025-11-27T09:30:00+03:00\nPutin spoke.")
    assert article.date == "2025-11-27"
    assert article.text == "Putin spoke."


def test_impossible_date_is_not_a_header() -> None:
    article = load_text("date 2025-13-45 was printed on the page.")
    assert article.date is None
    assert article.text == "date 2025-13-45 was printed on the page."


def test_header_without_body_is_an_error() -> None:
    with pytest.raises(InputError, match=r"^a\.txt: has a metadata header but no article text"):
        load_bytes(b" date 2025-11-27 \n", path="a.txt")


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf")) | st.sampled_from("\n\t "),
    max_size=300,
)


@given(
    st.one_of(
        _TEXT,
        st.builds(
            "{} {}".format,
            st.sampled_from(["date 2025-01-31", "url https://a.b/c", "Title: T\n", "source:  X\n"]),
            _TEXT,
        ),
    )
)
def test_loading_loses_nothing_but_the_recorded_header(text: str) -> None:
    try:
        article = load_text(text)
    except InputError as err:
        message = str(err)
    else:
        removed = " ".join(r.text for r in article.removed)
        assert " ".join(f"{removed} {article.text}".split()) == " ".join(text.split())
        return
    assert message.startswith("<text>: ")
    assert not text.strip() or "metadata header" in message


# --- decoding ------------------------------------------------------------------------------


def test_utf8_bom_is_dropped() -> None:
    assert _one("\ufeffKyiv \u2013 “quoted”.".encode()) == "Kyiv \u2013 “quoted”."


def test_crlf_and_cr_become_newlines() -> None:
    assert _one(b"First line.\r\nSecond line.\rThird line.") == (
        "First line.\nSecond line.\nThird line."
    )


def test_control_characters_are_stripped_but_tabs_and_newlines_kept() -> None:
    text = b"Putin\x07 said\x1b.\tThen\nmore." + b" Words." * 20
    assert _one(text) == "Putin said.\tThen\nmore." + " Words." * 20


def test_terminal_escape_sequences_go_whole() -> None:
    # removing only ESC left "[31m" in the text, read as the number 31 of the lead
    text = (
        b"Officials said \x1b[31mRED\x1b[0m alert; see \x1b]8;;http://x\x07the map\x1b]8;;\x07 now."
        + b" Words." * 20
    )
    assert _one(text) == "Officials said RED alert; see the map now." + " Words." * 20


def test_undecodable_bytes_name_the_byte_and_offset() -> None:
    with pytest.raises(InputError) as err:
        load_bytes(b"ab\xff", path="old.txt", encoding="utf-8")
    assert str(err.value) == "old.txt: not valid utf-8 (byte 0xff at offset 2); check --encoding"


@pytest.mark.parametrize(
    "data", [b"\x00\x01\x02text", b"PK\x03\x04" + bytes(range(1, 32)) * 4, b"\x89PNG\r\n\x1a\n\x00"]
)
def test_binary_input_is_rejected(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^bin\.txt: looks like a binary file, not text$"):
        load_bytes(data, path="bin.txt")


def test_bom_only_file_is_an_error() -> None:
    with pytest.raises(InputError, match=r"^w\.txt: holds only a byte-order mark, no text$"):
        load_bytes(b"\xef\xbb\xbf", path="w.txt")


def test_empty_input() -> None:
    with pytest.raises(InputError, match=r"^-: is empty"):
        load_bytes(b"", path="-")


@pytest.mark.parametrize("data", [b" \n\t\r\n  ", b"\x0b\n"])
def test_whitespace_only_input(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^-: contains only whitespace"):
        load_bytes(data, path="-")


def test_unknown_input_format() -> None:
    with pytest.raises(InputError, match=r"'xml' is unknown; use one of auto, text, html"):
        load_bytes(b"text", path="a.txt", input_format="xml")


# --- files -----------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as err:
        load_path(missing)
    assert str(err.value) == f"{missing}: no such file"


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load_path(tmp_path)
    assert str(err.value) == f"{tmp_path}: is a directory; give article files"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    file = tmp_path / "secret.txt"
    file.write_text("Putin spoke.", encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)  # tests run as root, where chmod 000 still reads
    with pytest.raises(InputError, match=rf"^{file}: permission denied"):
        load_path(file)


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 12_300_000)
    with pytest.raises(InputError) as err:
        load_path(big)
    assert str(err.value) == (
        f"{big}: 12.3 MB is over the 5.0 MB limit; split it or raise --max-bytes"
    )
    assert DEFAULT_MAX_BYTES == 5_000_000


def test_max_bytes_applies_to_stdin_bytes_too() -> None:
    with pytest.raises(InputError, match=r"^-: 2.0 kB is over the 1.0 kB limit"):
        load_bytes(b"a" * 2000, path="-", max_bytes=1000)
    assert _one(b"a" * 1000, max_bytes=1000) == "a" * 1000


def test_load_path_accepts_str_and_keeps_path_as_given(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_bytes(b"Putin spoke.\r\n")
    (article,) = load_path(str(file))
    assert (article.path, article.text) == (str(file), "Putin spoke.")


def test_txt_that_is_saved_page_source_is_read_as_html() -> None:
    page = b"<!doctype html><html><body><article><p>" + b"Leaders spoke at length. " * 12
    assert _one(page + b"</p></article></body></html>", path="page.txt").startswith(
        "Leaders spoke at length."
    )


def test_explicit_text_format_keeps_markup() -> None:
    assert _one(b"<p>x</p>", path="-", input_format="text") == "<p>x</p>"


# --- JSON and JSONL ----------------------------------------------------------------------------


def test_json_object_with_metadata() -> None:
    record = {
        "title": " Putin  speaks ",
        "body": "Putin spoke.\r\nThen left.",
        "publisher": "TASS",
        "published_at": "2025-11-27T12:00:00Z",
        "link": "https://tass.com/1",
    }
    (article,) = load_bytes(json.dumps(record).encode(), path="a.json")
    assert article.path == "a.json"
    assert article.text == "Putin spoke.\nThen left."
    assert (article.title, article.outlet, article.date, article.url) == (
        "Putin speaks",
        "TASS",
        "2025-11-27",
        "https://tass.com/1",
    )


def test_json_text_field_precedence() -> None:
    record = {"content": "from content", "text": "from text", "article": "from article"}
    assert _one(json.dumps(record).encode(), path="a.json") == "from text"


def test_json_list_gives_one_article_per_record() -> None:
    records = [{"text": "First.", "source": "CGTN"}, {"article": "Second.", "date": "yesterday"}]
    articles = load_bytes(json.dumps(records).encode(), path="many.json")
    assert [(a.path, a.text, a.outlet, a.date) for a in articles] == [
        ("many.json#1", "First.", "CGTN", None),
        ("many.json#2", "Second.", None, None),
    ]


def test_jsonl_records_and_sniffing() -> None:
    data = b'{"text": "One."}\n\n{"text": "Two.", "date": "Nov 27, 2025"}\n'
    for path in ("feed.jsonl", "feed.ndjson", "-"):
        articles = load_bytes(data, path=path)
        assert [a.text for a in articles] == ["One.", "Two."]
        assert articles[1].date == "2025-11-27"
        assert articles[1].path == f"{path}#2"


def test_json_is_sniffed_from_stdin() -> None:
    assert _one(b' [{"text": "Sniffed."}]', path="-") == "Sniffed."


def test_invalid_json_reports_line_and_column() -> None:
    with pytest.raises(InputError) as err:
        load_bytes(b'{\n  "text": "a",\n  oops\n}', path="bad.json")
    assert str(err.value) == (
        "bad.json: invalid JSON at line 3 column 3: "
        "Expecting property name enclosed in double quotes"
    )


def test_invalid_jsonl_reports_the_file_line() -> None:
    with pytest.raises(InputError, match=r"^bad\.jsonl: line 3: invalid JSON at column 10: "):
        load_bytes(b'{"text": "a"}\n\n{"text": }\n', path="bad.jsonl")


def test_record_without_text_names_the_record() -> None:
    with pytest.raises(InputError) as err:
        load_bytes(b'{"text": "a"}\n{"title": "no body"}\n', path="f.jsonl")
    assert str(err.value) == (
        "f.jsonl: line 2: record has no text field (text, body, content, article); "
        "name it with --field"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'["just a string"]', r"^l\.json: record 1: record is a str, not an object"),
        (b'{"text": 5}', r"^l\.json: record 1: field 'text' is a int, not a string"),
        (b'{"text": "  "}', r"^l\.json: record 1: field 'text' is empty"),
        (b"[]", r"^l\.json: no usable records; give objects with a text field"),
    ],
)
def test_bad_json_records(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_bytes(data, path="l.json")
