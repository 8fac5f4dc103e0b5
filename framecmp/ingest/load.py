"""Load stage: read article files (plain text, HTML, JSON, JSONL) into ``Article`` records."""

from __future__ import annotations

import codecs
import json
import re
import stat
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path, PurePath

from framecmp.errors import InputError
from framecmp.model import Article, Removal
from framecmp.text.vocabulary import MONTHS

DEFAULT_MAX_BYTES = 5_000_000
INPUT_FORMATS = ("auto", "text", "html", "json", "jsonl")

_EXTENSION_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_SNIFF_BYTES = 8192
# Share of control bytes above which a file is binary. UTF-8 text in any script has almost
# none (multi-byte sequences never use bytes below 0x80); random binary has about 12%. A few
# stray controls in a short text do not make it binary.
_BINARY_CONTROL_SHARE = 0.05
_BINARY_MIN_CONTROLS = 8
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13}
# C0/C1 control characters (but tab and newline), DEL, and invisible characters that split words.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\ufeff]")

_TEXT_FIELDS = ("text", "body", "content", "article")
_TITLE_FIELDS = ("title", "headline")
_OUTLET_FIELDS = ("outlet", "source", "publisher")
_DATE_FIELDS = ("date", "published", "published_at")
_URL_FIELDS = ("url", "link")


def load_path(
    path: str | Path, *, input_format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Article, ...]:
    """Read one article file; a JSON or JSONL file may hold several articles."""
    shown = str(path)
    file = Path(path)
    try:
        status = file.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(f"{shown}: no such file") from None
    except PermissionError:
        raise InputError(f"{shown}: permission denied; make the file readable") from None
    except OSError as err:
        raise InputError(f"{shown}: cannot read it ({err.strerror})") from None
    if stat.S_ISDIR(status.st_mode):
        raise InputError(f"{shown}: is a directory; give article files")
    if stat.S_ISREG(status.st_mode) and status.st_size > max_bytes:
        raise InputError(_too_large(shown, status.st_size, max_bytes))
    try:
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError(f"{shown}: permission denied; make the file readable") from None
    except OSError as err:
        raise InputError(f"{shown}: cannot read it ({err.strerror})") from None
    return load_bytes(data, path=shown, input_format=input_format, max_bytes=max_bytes)


def load_bytes(
    data: bytes, *, path: str, input_format: str = "auto", max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[Article, ...]:
    """Decode and parse raw input; ``path`` names it in messages ("-" for stdin)."""
    if input_format not in INPUT_FORMATS:
        raise InputError(
            f"input format {input_format!r} is unknown; use one of {', '.join(INPUT_FORMATS)}"
        )
    if len(data) > max_bytes:
        raise InputError(_too_large(path, len(data), max_bytes))
    text = _decode(data, path)
    input_format = _resolve_format(input_format, path, text)
    if input_format == "html":
        return (_load_html(text, path),)
    if input_format == "json":
        return _load_json(text, path)
    if input_format == "jsonl":
        return _load_jsonl(text, path)
    return (_load_plain(text, path),)


def load_text(text: str, *, path: str = "<text>") -> Article:
    """Make an Article from already-decoded plain text, taking out a metadata header."""
    text = _normalise_chars(text)
    if not text.strip():
        raise InputError(f"{path}: no text; give article text")
    return _load_plain(text, path)


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


def _decode(data: bytes, path: str) -> str:
    if not data:
        raise InputError(f"{path}: is empty; give a file with article text")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{path}: is UTF-16 encoded; re-save it as UTF-8")
    head = data[:_SNIFF_BYTES]
    n_control = sum(1 for byte in head if byte in _CONTROL_BYTES)
    if 0 in head or n_control > max(_BINARY_MIN_CONTROLS, _BINARY_CONTROL_SHARE * len(head)):
        raise InputError(f"{path}: looks like a binary file, not text")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as err:
        offset = bom + err.start
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[offset]:02x} at offset {offset}); "
            "re-save it as UTF-8"
        ) from None
    text = _normalise_chars(text)
    if not text.strip():
        raise InputError(f"{path}: contains only whitespace; give a file with article text")
    return text


def _normalise_chars(text: str) -> str:
    return _CONTROL_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|article|main|section|span|br|h[1-6]|script|"
    r"style|title|meta|a|ul|li|table)\b",
    re.IGNORECASE,
)


def _resolve_format(input_format: str, path: str, text: str) -> str:
    if input_format != "auto":
        return input_format
    start = text.lstrip()
    looks_html = start.startswith("<") and _HTML_TAG.search(start[:_SNIFF_BYTES]) is not None
    by_extension = _EXTENSION_FORMATS.get(PurePath(path).suffix.lower()) if path != "-" else None
    if (
        by_extension == "text"
        and looks_html
        and start[:15].lower().startswith(("<!doctype", "<html"))
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
            if len(lines) > 1 and all(_is_json_object(line) for line in lines):
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


def _load_plain(text: str, path: str) -> Article:
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


def _metadata_date(value: str) -> str | None:
    """ISO date of a metadata value that starts with one ("2025-11-27T10:00:00+03:00")."""
    if (match := _ISO_DATE.match(value.strip())) and (iso := _parse_date(match[0][:10])):
        return iso
    return _parse_date(value)


# --- JSON and JSONL -------------------------------------------------------------------------


def _load_json(text: str, path: str) -> tuple[Article, ...]:
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            f"{path}: invalid JSON at line {err.lineno} column {err.colno}: {err.msg}"
        ) from None
    records = parsed if isinstance(parsed, list) else [parsed]
    return _articles_from_records(records, path)


def _load_jsonl(text: str, path: str) -> tuple[Article, ...]:
    records: list[object] = []
    for line_number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as err:
            raise InputError(
                f"{path}: invalid JSON at line {line_number} column {err.colno}: {err.msg}"
            ) from None
    return _articles_from_records(records, path)


def _articles_from_records(records: list[object], path: str) -> tuple[Article, ...]:
    if not records:
        raise InputError(f"{path}: no records in the JSON; give objects with a text field")
    articles = []
    for number, record in enumerate(records, start=1):
        where = f"{path}#{number}"
        if not isinstance(record, dict):
            raise InputError(
                f"{where}: record is a {type(record).__name__}, not an object with a text field"
            )
        articles.append(_article_from_record(record, where if len(records) > 1 else path, where))
    return tuple(articles)


def _article_from_record(record: dict[str, object], path: str, where: str) -> Article:
    key = next((key for key in _TEXT_FIELDS if key in record), None)
    if key is None:
        raise InputError(f"{where}: record has no text field ({', '.join(_TEXT_FIELDS)})")
    value = record[key]
    if not isinstance(value, str):
        raise InputError(f"{where}: field {key!r} is a {type(value).__name__}, not a string")
    text = _normalise_chars(value).strip()
    if not text:
        raise InputError(f"{where}: field {key!r} is empty; give the article text")
    date_value = _first_string(record, _DATE_FIELDS)
    return Article(
        path=path,
        text=text,
        outlet=_first_string(record, _OUTLET_FIELDS),
        date=_metadata_date(date_value) if date_value else None,
        title=_first_string(record, _TITLE_FIELDS),
        url=_first_string(record, _URL_FIELDS),
    )


def _first_string(record: dict[str, object], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


# --- HTML -----------------------------------------------------------------------------------

_DROPPED_TAGS = frozenset(
    {"script", "style", "noscript", "form", "svg", "template", "head", "iframe", "select"}
)
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "hr", "article", "section"}
    | {"blockquote", "ul", "ol", "dl", "dt", "dd", "table", "tr", "figure", "figcaption"}
    | {"main", "body", "pre", "address", "caption", "details", "summary", "td", "th"}
    | _CHROME_TAGS
)
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr"}
)
_MAX_CHROME_CHARS = 200


@dataclass(slots=True)
class _Chunk:
    text: str | None  # None marks a paragraph break
    article: int | None = None  # which <article> (outermost) the text sits in
    in_main: bool = False


class _PageParser(HTMLParser):
    """Collects body text chunks with their region, chrome text, and page metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[_Chunk] = []
        self.chrome: list[str] = []
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.time_datetime: str | None = None
        self._stack: list[str] = []
        self._articles: list[int] = []
        self._n_articles = 0
        self._chrome_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or "").lower()
            if key and attributes.get("content") and key not in self.meta:
                self.meta[key] = attributes["content"]
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical = self.canonical or attributes.get("href") or None
        elif tag == "time" and self.time_datetime is None and attributes.get("datetime"):
            self.time_datetime = attributes["datetime"]
        if tag in _VOID_TAGS:
            if tag in _BLOCK_TAGS:
                self.chunks.append(_Chunk(None))
            return
        if self._stack and self._stack[-1] in ("p", "li") and tag in _BLOCK_TAGS:
            self._close(len(self._stack) - 1)  # an unclosed <p> or <li> ends at the next block
        self._stack.append(tag)
        if tag == "article":
            if not self._articles:
                self._n_articles += 1
            self._articles.append(self._n_articles)
        if tag in _BLOCK_TAGS:
            self.chunks.append(_Chunk(None))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._stack:
            self._close(len(self._stack) - 1 - self._stack[::-1].index(tag))

    def _close(self, depth: int) -> None:
        while len(self._stack) > depth:
            tag = self._stack.pop()
            if tag == "article":
                self._articles.pop()
            if tag in _BLOCK_TAGS:
                self.chunks.append(_Chunk(None))
                self._chrome_parts.append("\n")
            if tag in _CHROME_TAGS and not any(
                open_tag in _CHROME_TAGS for open_tag in self._stack
            ):
                self._flush_chrome()

    def _flush_chrome(self) -> None:
        parts = " | ".join(
            " ".join(line.split()) for line in "".join(self._chrome_parts).split("\n")
        )
        text = " | ".join(part for part in parts.split(" | ") if part)
        if len(text) > _MAX_CHROME_CHARS:
            text = text[: _MAX_CHROME_CHARS - 1].rstrip() + "…"
        if text:
            self.chrome.append(text)
        self._chrome_parts.clear()

    def handle_data(self, data: str) -> None:
        if "title" in self._stack and "svg" not in self._stack:
            self.title_parts.append(data)
        if any(tag in _DROPPED_TAGS for tag in self._stack):
            return
        if any(tag in _CHROME_TAGS for tag in self._stack):
            self._chrome_parts.append(data)
            return
        article = self._articles[0] if self._articles else None
        self.chunks.append(_Chunk(data, article, "main" in self._stack))


def _load_html(text: str, path: str) -> Article:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    paragraphs = _html_paragraphs(parser.chunks)
    if not paragraphs:
        raise InputError(f"{path}: no readable text in the HTML")
    meta = parser.meta
    title = meta.get("og:title") or meta.get("twitter:title") or "".join(parser.title_parts)
    published = (
        meta.get("article:published_time")
        or next((meta[key] for key in ("date", "pubdate", "publish-date") if key in meta), None)
        or parser.time_datetime
    )
    return Article(
        path=path,
        text="\n\n".join(paragraphs),
        outlet=" ".join(meta.get("og:site_name", "").split()) or None,
        date=_metadata_date(published) if published else None,
        title=" ".join(title.split()) or None,
        url=parser.canonical or meta.get("og:url") or None,
        removed=tuple(Removal("html-chrome", chrome) for chrome in parser.chrome),
    )


def _html_paragraphs(chunks: list[_Chunk]) -> list[str]:
    """Paragraphs of the main region: the largest <article>, else <main>, else the body."""
    article_sizes: dict[int, int] = {}
    for chunk in chunks:
        if chunk.text and chunk.text.strip() and chunk.article is not None:
            article_sizes[chunk.article] = article_sizes.get(chunk.article, 0) + len(chunk.text)
    chosen = min(article_sizes, key=lambda id_: (-article_sizes[id_], id_), default=None)
    use_main = chosen is None and any(c.in_main and c.text and c.text.strip() for c in chunks)
    paragraphs: list[str] = []
    current: list[str] = []
    for chunk in chunks:
        if chunk.text is None:
            paragraphs.append(" ".join("".join(current).split()))
            current = []
        elif (chosen is None or chunk.article == chosen) and (not use_main or chunk.in_main):
            current.append(chunk.text)
    paragraphs.append(" ".join("".join(current).split()))
    return [paragraph for paragraph in paragraphs if paragraph]
