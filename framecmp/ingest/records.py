"""JSON and JSONL records (scraper and news-API exports): one article per record."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import replace

from framecmp.errors import InputError
from framecmp.ingest.load import Loaded, load_plain, metadata_date
from framecmp.model import Article
from framecmp.text.printable import normalise_newlines

# Field names tried for each role when --field does not name one, in order.
DEFAULT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher"),
    "date": ("date", "published", "published_at"),
    "url": ("url", "link"),
}
ROLES = tuple(DEFAULT_FIELDS)


def parse_field_options(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["text=body", "outlet=source.name"]`` as {role: field path}; a dotted path goes deeper."""
    fields: dict[str, str] = {}
    for item in items:
        role, sep, name = item.partition("=")
        role, name = role.strip(), name.strip()
        if not sep or not name:
            raise InputError(f"--field {item!r}: write it as ROLE=FIELD, e.g. --field text=body")
        if role not in DEFAULT_FIELDS:
            raise InputError(f"--field {item!r}: role must be one of {', '.join(ROLES)}")
        if role in fields:
            raise InputError(f"--field {role}=...: given twice")
        fields[role] = name
    return fields


def load_records(
    text: str,
    *,
    path: str,
    lines: bool,
    fields: Mapping[str, str],
    skip_bad: bool,
    encoding: str | None = None,
) -> Loaded:
    """Articles of a JSON document (an object or a list of them) or of JSONL lines."""
    parsed: list[tuple[str, object]] = []  # (where, record)
    errors: list[str] = []
    if lines:
        for line_number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            where = f"{path}: line {line_number}"
            try:
                parsed.append((where, json.loads(line)))
            except json.JSONDecodeError as err:
                errors.append(f"{where}: invalid JSON at column {err.colno}: {err.msg}")
                if not skip_bad:
                    raise InputError(errors[-1]) from None
            except RecursionError:
                errors.append(f"{where}: JSON nested too deeply to read")
                if not skip_bad:
                    raise InputError(errors[-1]) from None
    else:
        try:
            document = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError(
                f"{path}: invalid JSON at line {err.lineno} column {err.colno}: {err.msg}"
            ) from None
        except RecursionError:
            raise InputError(f"{path}: JSON nested too deeply to read") from None
        items = document if isinstance(document, list) else [document]
        parsed = [(f"{path}: record {n}", item) for n, item in enumerate(items, start=1)]
    articles: list[Article] = []
    unread_dates: list[str] = []
    several = len(parsed) + len(errors) > 1
    for number, (where, record) in enumerate(parsed, start=1):
        try:
            article, unread_date = _article(record, where, fields)
        except InputError as err:
            if not skip_bad:
                raise
            errors.append(str(err))
            continue
        if unread_date:
            unread_dates.append(unread_date)
        name = f"{path}#{number}" if several else path
        identity = article.record_id if several else None
        articles.append(replace(article, path=name, encoding=encoding, record_id=identity))
    notes: tuple[str, ...] = ()
    if errors:
        notes = (f"{path}: skipped {len(errors)} bad record(s); first: {errors[0]}",)
    if unread_dates:
        notes += (
            f"{path}: {len(unread_dates)} record date(s) not read (first: {unread_dates[0]!r}); "
            "those records count as undated (give ISO 8601, 2013-05-02, or an RFC 822 date)",
        )
    if not articles:
        raise InputError(
            f"{path}: no usable records"
            + (f" ({len(errors)} bad; first: {errors[0]})" if errors else "")
            + "; give objects with a text field"
        )
    return Loaded(tuple(articles), notes)


def _article(record: object, where: str, fields: Mapping[str, str]) -> tuple[Article, str | None]:
    """The record's article (with its identity), and its date value when it could not be read."""
    if not isinstance(record, dict):
        raise InputError(
            f"{where}: record is a {type(record).__name__}, not an object with a text field"
        )
    text_key, value = _lookup(record, "text", fields)
    if text_key is None:
        tried = fields.get("text") or ", ".join(DEFAULT_FIELDS["text"])
        raise InputError(f"{where}: record has no text field ({tried}); name it with --field")
    if not isinstance(value, str):
        raise InputError(f"{where}: field {text_key!r} is a {type(value).__name__}, not a string")
    body = normalise_newlines(value).strip()
    if not body:
        raise InputError(f"{where}: field {text_key!r} is empty; give the article text")
    # Record text is often a page capture with its own header: clean it as a .txt file.
    article = load_plain(body, where)
    date_value = _string(record, "date", fields)
    date = (metadata_date(date_value) if date_value else None) or article.date
    article = replace(
        article,
        outlet=_string(record, "outlet", fields) or article.outlet,
        date=date,
        title=_string(record, "title", fields) or article.title,
        url=_string(record, "url", fields) or article.url,
    )
    given = next(
        (str(record[key]).strip() for key in _ID_FIELDS if isinstance(record.get(key), str | int)),
        None,
    )
    identity = record_identity(given, article.outlet, article.title, article.text)
    return replace(article, record_id=identity), (date_value if date is None else None)


# Record fields that name a record whatever its position in the file (news APIs, feed exports).
_ID_FIELDS = ("id", "guid", "uuid")


def record_identity(given: str | None, outlet: str | None, title: str | None, text: str) -> str:
    """A record's or feed entry's identity: its id, else outlet and title, else its text."""
    if given:
        return f"id:{given}"
    if title:
        return f"title:{outlet or ''}|{title}"
    return "text:" + hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def _lookup(
    record: Mapping[str, object], role: str, fields: Mapping[str, str]
) -> tuple[str | None, object]:
    if role in fields:
        value: object = record
        for part in fields[role].split("."):
            if not isinstance(value, Mapping) or part not in value:
                return None, None
            value = value[part]
        return fields[role], value
    for key in DEFAULT_FIELDS[role]:
        if key in record:
            return key, record[key]
    return None, None


def _string(record: Mapping[str, object], role: str, fields: Mapping[str, str]) -> str | None:
    _key, value = _lookup(record, role, fields)
    if isinstance(value, Mapping) and role == "outlet":
        value = value.get("name")  # {"source": {"id": ..., "name": "Reuters"}} (news APIs)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None
