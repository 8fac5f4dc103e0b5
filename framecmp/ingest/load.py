"""Load stage: read inputs (plain text, HTML, feeds, JSON/JSONL records, URLs) into ``Article``s.

This module decodes bytes and picks the reader; html, feeds, records and fetch do the rest,
each imported only when an input needs it, so a plain-text compare loads none of their
dependencies.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePath
from typing import Any

from framecmp.errors import InputError
from framecmp.model import Article, Removal
from framecmp.text.printable import normalise_newlines
from framecmp.text.vocabulary import MONTHS

DEFAULT_MAX_BYTES = 5_000_000
INPUT_FORMATS = ("auto", "text", "html", "feed", "json", "jsonl")

_EXTENSION_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
# What a folder scan (batch, ingest) picks up: every extension the loader reads by name but
# Markdown, which in a folder is mostly its README (given by name, a .md file is read).
ARTICLE_EXTENSIONS = frozenset(_EXTENSION_FORMATS) - {".md"}
_SNIFF_BYTES = 8192
# Share of control bytes above which a file is binary. UTF-8 text in any script has almost
# none (multi-byte sequences never use bytes below 0x80); random binary has about 12%. A few
# stray controls in a short text do not make it binary.
_BINARY_CONTROL_SHARE = 0.05
_BINARY_MIN_CONTROLS = 8
_CONTROL_BYTES = bytes(sorted(set(range(32)) - {9, 10, 12, 13}))  # C0 but tab, LF, FF, CR
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# UTF-16 without a BOM: ASCII-range text puts a NUL in every other byte. Latin, Cyrillic or
# Greek text in UTF-16 has a NUL or a fixed high byte there in well over half the pairs;
# binary files have NULs spread over both positions.
_UTF16_NUL_SHARE = 0.4
_UTF16_PRINTABLE_SHARE = 0.95  # and the decoded text must read as text, not control codes
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# Browsers decode pages labelled latin-1 or ASCII as windows-1252 (WHATWG Encoding Standard).
_WHATWG_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}


# Legacy encodings in the order of their share of web pages (W3Techs, "Usage statistics of
# character encodings for websites", 2024): the tie-break among equally plausible detections.
_COMMON_LEGACY_ENCODINGS = (
    "cp1252",
    "cp1251",
    "gb18030",
    "gbk",
    "shift_jis",
    "euc_kr",
    "euc_jp",
    "big5",
    "cp1250",
    "iso8859_2",
    "cp1256",
    "cp1253",
    "cp1254",
    "cp1255",
    "iso8859_15",
    "koi8_r",
    "iso8859_5",
)
_CHAOS_MARGIN = 0.01


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """How to read inputs; the CLI options of the same names."""

    input_format: str = "auto"
    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None  # force this codec instead of detecting one
    fields: Mapping[str, str] = field(default_factory=dict)  # record role -> field name
    skip_bad: bool = False  # skip bad JSON/JSONL records instead of failing
    fetch_links: bool = False  # fetch feed entries that carry no body text
    cache_dir: str | None = None  # on-disk cache of fetched URLs
    timeout_seconds: float = 20.0

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise InputError(f"--max-bytes {self.max_bytes}: must be at least 1")


@dataclass(frozen=True, slots=True)
class Loaded:
    """What one input yielded: its articles and notes for the user (skipped records)."""

    articles: tuple[Article, ...]
    notes: tuple[str, ...] = ()


def is_url(spec: str) -> bool:
    """True for an http(s) URL given as an input."""
    return spec.startswith(("http://", "https://"))


def load_input(spec: str | Path, options: LoadOptions | None = None) -> Loaded:
    """Read one input named on the command line: a path or an http(s) URL."""
    options = options or LoadOptions()
    if isinstance(spec, str) and is_url(spec):
        from framecmp.ingest import fetch

        page = fetch.fetch_url(
            spec,
            max_bytes=options.max_bytes,
            timeout_seconds=options.timeout_seconds,
            cache_dir=options.cache_dir,
        )
        hint = _format_from_content_type(page.content_type)
        if options.input_format == "auto" and hint is not None:
            options = replace(options, input_format=hint)
        return _load_data(page.data, path=spec, options=options, url=page.url)
    return _load_data(read_file(spec, options.max_bytes), path=str(spec), options=options)


def load_path(
    path: str | Path,
    *,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
) -> tuple[Article, ...]:
    """Read one article file; a JSON, JSONL or feed file may hold several articles."""
    options = LoadOptions(input_format=input_format, max_bytes=max_bytes, encoding=encoding)
    return load_input(Path(path) if not isinstance(path, Path) else path, options).articles


def read_file(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, refusing what would block, loop or exhaust memory."""
    shown = str(path)
    file = Path(path)
    try:
        status = file.stat()
    except (FileNotFoundError, NotADirectoryError):
        if file.is_symlink():
            raise InputError(f"{shown}: broken symbolic link") from None
        raise InputError(f"{shown}: no such file") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied; make the file readable") from None
    except OSError as err:
        if err.errno == 40:  # ELOOP
            raise InputError(f"{shown}: symbolic link loop") from None
        raise InputError(f"{shown}: cannot read it ({err.strerror})") from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError(f"{shown}: is a directory; give article files")
    if not stat.S_ISREG(status.st_mode) and shown not in ("/dev/stdin", "-"):
        # A FIFO or device would block or never end; refuse before opening it.
        raise InputError(f"{shown}: not a regular file (a pipe or device); give a file")
    if status.st_size > max_bytes:
        raise InputError(_too_large(shown, status.st_size, max_bytes))
    try:
        with file.open("rb") as handle:
            # Sized by the stat: read(max_bytes + 1) allocates that much for every small file
            # (1.4 ms of a 5 KB article); a file that grew since is read on to the limit.
            data = handle.read(status.st_size + 1)
            if len(data) > status.st_size:
                data += handle.read(max_bytes + 1 - len(data))
            return data
    except PermissionError:
        raise InputError(f"{shown}: permission denied; make the file readable") from None
    except OSError as err:
        raise InputError(f"{shown}: cannot read it ({err.strerror})") from None


def load_bytes(
    data: bytes,
    *,
    path: str,
    input_format: str = "auto",
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str | None = None,
) -> tuple[Article, ...]:
    """Decode and parse raw input; ``path`` names it in messages ("-" for stdin)."""
    options = LoadOptions(input_format=input_format, max_bytes=max_bytes, encoding=encoding)
    return _load_data(data, path=path, options=options).articles


def load_stream_bytes(data: bytes, *, path: str, options: LoadOptions) -> Loaded:
    """Decode and parse bytes read from a stream (stdin), with every load option."""
    return _load_data(data, path=path, options=options)


def printable_path(path: str) -> str:
    """A path as text that can be written anywhere: bytes of a file name that are no UTF-8
    (read as surrogates by Python) as escapes ("bad\\xffname.txt")."""
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # another lone surrogate: no byte stands behind it
        return _LONE_SURROGATE.sub("\ufffd", path)


# A UTF-16 surrogate on its own: JSON may escape one ("\ud800"), but no UTF-8 file, report
# or store can hold it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(article: Article) -> Article:
    """The article with every lone surrogate of its text and metadata as U+FFFD."""
    fields: dict[str, Any] = {
        name: _LONE_SURROGATE.sub("\ufffd", value)
        for name in ("text", "outlet", "date", "title", "url", "record_id")
        if isinstance(value := getattr(article, name), str) and _LONE_SURROGATE.search(value)
    }
    return replace(article, **fields) if fields else article


def _load_data(data: bytes, *, path: str, options: LoadOptions, url: str | None = None) -> Loaded:
    path = printable_path(path)
    loaded = _load_decoded(data, path=path, options=options, url=url)
    return replace(loaded, articles=tuple(map(_without_surrogates, loaded.articles)))


def _load_decoded(
    data: bytes, *, path: str, options: LoadOptions, url: str | None = None
) -> Loaded:
    if options.input_format not in INPUT_FORMATS:
        raise InputError(
            f"input format {options.input_format!r} is unknown; "
            f"use one of {', '.join(INPUT_FORMATS)}"
        )
    if len(data) > options.max_bytes:
        raise InputError(_too_large(path, len(data), options.max_bytes))
    text, encoding = decode(data, path, encoding=options.encoding)
    input_format = _resolve_format(options.input_format, path, text)
    if input_format == "html":
        from framecmp.ingest import html

        article = html.load_html(_strip_xml_declaration(text), path=path, url=url)
        return Loaded((replace(article, encoding=encoding),))
    if input_format == "feed":
        from framecmp.ingest import feeds

        return feeds.load_feed(text, path=path, options=options, encoding=encoding)
    if input_format in ("json", "jsonl"):
        from framecmp.ingest import records

        return records.load_records(
            text,
            path=path,
            lines=input_format == "jsonl",
            fields=options.fields,
            skip_bad=options.skip_bad,
            encoding=encoding,
        )
    article = load_plain(text, path)
    return Loaded((replace(article, encoding=encoding, url=url or article.url),))


def load_text(text: str, *, path: str = "<text>") -> Article:
    """Make an Article from already-decoded plain text, taking out a metadata header."""
    text = normalise_newlines(text)
    if not text.strip():
        raise InputError(f"{path}: no text; give article text")
    return load_plain(text, path)


# --- bytes to text --------------------------------------------------------------------------


def _too_large(path: str, size: int, max_bytes: int) -> str:
    return (
        f"{path}: {_human_size(size)} is over the {_human_size(max_bytes)} limit; "
        "split it or raise --max-bytes"
    )


def _human_size(n_bytes: int) -> str:
    if n_bytes >= 1_000_000:
        return f"{n_bytes / 1_000_000:.1f} MB"
    if n_bytes >= 1_000:
        return f"{n_bytes / 1_000:.1f} kB"
    return f"{n_bytes} bytes"


def decode(data: bytes, path: str, *, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the name of the encoding it was read with."""
    if not data:
        raise InputError(f"{path}: is empty; give a file with article text")
    if encoding is not None:
        name = _codec_name(encoding, path)
        text = _decode_with(data, name, path)
    else:
        text, name = _detect_and_decode(data, path)
    text = normalise_newlines(text)
    if not text.strip():
        if data.strip() in (bom for bom, _ in _BOMS):
            raise InputError(f"{path}: holds only a byte-order mark, no text")
        raise InputError(f"{path}: contains only whitespace; give a file with article text")
    return text, name


def _codec_name(encoding: str, path: str) -> str:
    try:
        codec = codecs.lookup(encoding)
    except LookupError:
        raise InputError(
            f"--encoding {encoding!r}: unknown encoding (e.g. utf-8, cp1251)"
        ) from None
    # rot13, base64, zlib ... are codecs of Python, but no text encodings
    if not getattr(codec, "_is_text_encoding", True):
        raise InputError(f"--encoding {encoding!r}: not a text encoding (e.g. utf-8, cp1251)")
    return codec.name


def _decode_with(data: bytes, name: str, path: str) -> str:
    for bom, bom_name in _BOMS:
        if data.startswith(bom) and codecs.lookup(bom_name).name == name.replace("-sig", ""):
            data = data[len(bom) :]
            break
    try:
        return data.decode(name)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: not valid {name} (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "check --encoding"
        ) from None


def _detect_and_decode(data: bytes, path: str) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            shown = "utf-8-sig" if name == "utf-8" else name
            return _decode_with(data[len(bom) :], name, path), shown
    head = data[:_SNIFF_BYTES]
    if (sniffed := _sniff_utf16(head)) is not None:
        return _decode_with(data, sniffed, path), sniffed
    n_control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if 0 in head or n_control > max(_BINARY_MIN_CONTROLS, _BINARY_CONTROL_SHARE * len(head)):
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    if (declared := _declared_charset(head)) is not None:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # a wrong declaration: detect instead
    if _is_windows_1252_english(data):
        return data.decode("cp1252"), "cp1252"
    from charset_normalizer import from_bytes  # only non-UTF-8 inputs pay for the detector

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.encoding is None:
        offset = utf8_error.start
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset}) and its "
            "encoding could not be detected; give --encoding (e.g. cp1251)"
        )
    # Several codecs often decode a mostly-ASCII text equally well (cp852 and cp1252 agree on
    # "café" only by chance); among the near-best, prefer the encodings the web actually uses.
    near = [m for m in matches if m.chaos <= best.chaos + _CHAOS_MARGIN]
    for preferred in _COMMON_LEGACY_ENCODINGS:
        for match in near:
            if preferred in match.could_be_from_charset:
                with contextlib.suppress(UnicodeDecodeError):
                    return data.decode(preferred), codecs.lookup(preferred).name
    return str(best), codecs.lookup(best.encoding).name


# Bytes windows-1252 uses for typographic punctuation (quotes, dashes, the ellipsis, the euro
# sign): in ISO-8859 encodings 0x80-0x9F are control codes. English text from Word or an old
# CMS, "don\x92t", holds little else above ASCII, and the detector, seeing a handful of high
# bytes, guessed Big5 or gb18030 ("don\u6290t"), which turned a negation into a false conflict.
_WINDOWS_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})  # no character in windows-1252
_WINDOWS_PUNCTUATION = frozenset(range(0x80, 0xA0)) - _WINDOWS_UNDEFINED
# At most this share of a windows-1252 English text is above ASCII (a few quotes and accented
# names); Cyrillic, Greek or CJK text in a legacy encoding has a third or more.
_WINDOWS_MAX_HIGH_SHARE = 0.05
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def _is_windows_1252_english(data: bytes) -> bool:
    """Whether the text is windows-1252 with typographic punctuation: some bytes of it, few
    bytes above ASCII in all, and no word of two or more letters all above ASCII (accented
    names, "café", are fine; Cyrillic read as windows-1252, "\u00cc\u00ee\u00f1", is not)."""
    high = data.translate(None, bytes(range(0x80)))
    if not high or len(high) > _WINDOWS_MAX_HIGH_SHARE * len(data):
        return False
    if not set(high) & _WINDOWS_PUNCTUATION or set(high) & _WINDOWS_UNDEFINED:
        return False
    text = data.decode("cp1252")
    return not any(not any(c.isascii() for c in word) for word in _LETTERS.findall(text))


def _sniff_utf16(head: bytes) -> str | None:
    pairs = len(head) // 2
    if pairs < 4:
        return None
    even_nul = head[0 : 2 * pairs : 2].count(0)
    odd_nul = head[1 : 2 * pairs : 2].count(0)
    if odd_nul > _UTF16_NUL_SHARE * pairs and even_nul == 0:
        name = "utf-16-le"
    elif even_nul > _UTF16_NUL_SHARE * pairs and odd_nul == 0:
        name = "utf-16-be"
    else:
        return None
    try:
        sample = head[: 2 * pairs].decode(name)
    except UnicodeDecodeError:
        return None
    printable = sum(1 for char in sample if char.isprintable() or char in "\n\r\t")
    return name if printable >= _UTF16_PRINTABLE_SHARE * len(sample) else None


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match[1].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return _WHATWG_ALIASES.get(name, name)


_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def _strip_xml_declaration(text: str) -> str:
    return _XML_DECLARATION.sub("", text, count=1)


def _format_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        return "html"
    if kind in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if kind in ("application/json",):
        return "json"
    if kind in ("application/x-ndjson", "application/jsonl"):
        return "jsonl"
    if kind == "text/plain":
        return "text"
    return None


_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|article|main|section|span|br|h[1-6]|script|"
    r"style|title|meta|a|ul|li|table)\b",
    re.IGNORECASE,
)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)


def _resolve_format(input_format: str, path: str, text: str) -> str:
    if input_format != "auto":
        return input_format
    start = text.lstrip("\ufeff \t\n")
    head = _strip_xml_declaration(start[:_SNIFF_BYTES]).lstrip()
    if start.startswith("<") and _FEED_ROOT.match(
        re.sub(r"\A(?:<!--.*?-->\s*|<\?.*?\?>\s*)*", "", head, flags=re.S)
    ):
        return "feed"
    looks_html = start.startswith("<") and _HTML_TAG.search(start[:_SNIFF_BYTES]) is not None
    by_extension = _EXTENSION_FORMATS.get(PurePath(path).suffix.lower()) if path != "-" else None
    if (
        by_extension == "text"
        and looks_html
        and head[:15].lower().startswith(("<!doctype", "<html"))
    ):
        return "html"  # a saved page source, whatever its name says
    if by_extension is not None:
        return by_extension
    if looks_html:
        return "html"
    if start.startswith(("{", "[")):
        try:
            json.loads(text)
        except json.JSONDecodeError:
            lines = [line for line in text.splitlines() if line.strip()]
            if len(lines) > 1 and _is_json_object(lines[0]):
                return "jsonl"
        else:
            return "json"
    return "text"


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


# --- plain text and its metadata header ---------------------------------------------------


def load_plain(text: str, path: str) -> Article:
    """An Article from plain text whose metadata header (date, title, outlet, url) is taken out."""
    fields, header_end = _parse_header(text)
    body = text[header_end:].strip()
    if not body:
        raise InputError(f"{path}: has a metadata header but no article text")
    removed = (Removal("metadata-header", text[:header_end].strip()),) if fields else ()
    return Article(
        path=path,
        text=body,
        outlet=fields.get("outlet"),
        date=fields.get("date"),
        title=fields.get("title"),
        url=fields.get("url"),
        removed=removed,
    )


_HEADER_FIELDS = {
    "date": "date",
    "title": "title",
    "outlet": "outlet",
    "source": "outlet",
    "url": "url",
}
_HEADER_KEY = re.compile(
    r"\s*(date|title|outlet|source|url)(?:[^\S\n]*(:)[^\S\n]*|[^\S\n]+)",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+")
# Without a colon only a self-evident value (an ISO date, a URL) makes a line a header
# field: "Source code of the plan was leaked." must stay an article sentence.
_MAX_OUTLET_WORDS = 8
_MAX_TITLE_CHARS = 300


def _parse_header(text: str) -> tuple[dict[str, str], int]:
    """Header fields at the very start of ``text``, and the offset where the body begins."""
    fields: dict[str, str] = {}
    pos = 0
    while match := _HEADER_KEY.match(text, pos):
        name = _HEADER_FIELDS[match[1].lower()]
        has_colon = match[2] is not None
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        rest = text[match.end() : line_end]
        value = _header_value(name, rest.strip(), has_colon=has_colon, own_line=True)
        end = line_end
        if value is None and rest.strip():
            token = rest.split()[0]
            value = _header_value(name, token, has_colon=has_colon, own_line=False)
            end = match.end() + rest.index(token) + len(token)
        if value is None or name in fields:
            break
        fields[name] = value
        pos = end
    return fields, pos


def _header_value(name: str, value: str, *, has_colon: bool, own_line: bool) -> str | None:
    if not value:
        return None
    if name == "date":
        return _parse_date(value)
    if name == "url":
        return value if _URL.fullmatch(value) else None
    if not (has_colon and own_line):
        return None
    if name == "title":
        return value if len(value) <= _MAX_TITLE_CHARS else None
    if len(value.split()) > _MAX_OUTLET_WORDS or value.endswith("."):
        return None
    return value


_ISO_DATE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})")


_YEAR_SLASHED = re.compile(r"\d{4}/\d{1,2}/\d{1,2}")


def _parse_date(value: str) -> str | None:
    """ISO date (YYYY-MM-DD) of a whole date value such as "2025-11-27T10:00Z" or "Nov 27, 2025"."""
    value = value.strip()
    if match := _ISO_DATE.fullmatch(value):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    elif match := _MONTH_DAY_YEAR.fullmatch(value):
        year, month, day = int(match[3]), MONTHS.get(match[1].lower(), 0), int(match[2])
    elif match := _DAY_MONTH_YEAR.fullmatch(value):
        year, month, day = int(match[3]), MONTHS.get(match[2].lower(), 0), int(match[1])
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def metadata_date(value: str) -> str | None:
    """ISO date of a metadata value that starts with one ("2025-11-27T10:00:00+03:00"), or of
    an RFC 822 date as feeds and mail write it ("Thu, 02 May 2013 10:00:00 GMT"), or of
    "2013/05/02"."""
    value = value.strip()
    if (match := _ISO_DATE.match(value)) and (iso := _parse_date(match[0][:10])):
        return iso
    if iso := _parse_date(value):
        return iso
    if _YEAR_SLASHED.fullmatch(value):
        return _parse_date(value.replace("/", "-"))
    if "," in value or value[:1].isdigit():
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError, IndexError):
            return None
    return None
