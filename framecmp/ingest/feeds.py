"""RSS and Atom feeds (through feedparser): each entry becomes an article."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from framecmp.errors import InputError
from framecmp.ingest.load import Loaded, load_plain
from framecmp.ingest.records import record_identity

if TYPE_CHECKING:
    from framecmp.ingest.load import LoadOptions
    from framecmp.model import Article

_TAG = re.compile(r"<[^>]+>")
# An entry whose body is shorter than this many words is a teaser, not the article.
_MIN_BODY_WORDS = 40


def load_feed(text: str, *, path: str, options: LoadOptions, encoding: str | None) -> Loaded:
    """Articles of a feed's entries, with title, link, date and the feed's title as source."""
    import feedparser  # only feeds pay for it

    parsed: Any = feedparser.parse(text, sanitize_html=True, resolve_relative_uris=False)
    entries = list(parsed.entries)
    if not entries:
        raise InputError(f"{path}: a feed with no entries")
    feed_title = _one_line(parsed.feed.get("title")) or None
    articles: list[Article] = []
    notes: list[str] = []
    without_body = 0
    for number, entry in enumerate(entries, start=1):
        name = f"{path}#{number}"
        body = _entry_body(entry)
        link = entry.get("link") or None
        article: Article | None = None
        if len(body.split()) < _MIN_BODY_WORDS and options.fetch_links and link:
            article = _fetch_entry(link, name, options)
        if article is None and len(body.split()) >= _MIN_BODY_WORDS:
            article = replace(load_plain(body, name), encoding=encoding)
        if article is None:
            without_body += 1
            continue
        title = _one_line(entry.get("title")) or article.title
        outlet = article.outlet or _one_line(entry.get("source", {}).get("title")) or feed_title
        articles.append(
            replace(
                article,
                record_id=record_identity(
                    _one_line(entry.get("id")) or None, outlet, title, article.text
                ),
                title=title,
                url=link or article.url,
                date=_entry_date(entry) or article.date,
                outlet=outlet,
            )
        )
    if without_body:
        hint = "" if options.fetch_links else "; --fetch-links fetches their pages"
        notes.append(f"{path}: skipped {without_body} feed entries without article text{hint}")
    if not articles:
        raise InputError(
            f"{path}: no feed entry has text{'' if options.fetch_links else '; try --fetch-links'}"
        )
    return Loaded(tuple(articles), tuple(notes))


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    html = next((c.get("value", "") for c in contents if c.get("value")), "")
    html = html or entry.get("summary", "") or ""
    paragraphs = re.split(r"(?i)</p>|<br\s*/?>|\n\s*\n", html)
    import html as html_module

    texts = [_one_line(html_module.unescape(_TAG.sub(" ", p))) for p in paragraphs]
    return "\n\n".join(t for t in texts if t)


def _entry_date(entry: Any) -> str | None:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp is None:
        return None
    return time.strftime("%Y-%m-%d", stamp)


def _one_line(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _fetch_entry(link: str, name: str, options: LoadOptions) -> Article | None:
    from framecmp.ingest.load import load_input

    if not link.startswith(("http://", "https://")):
        return None
    loaded = load_input(link, replace(options, input_format="auto"))
    return replace(loaded.articles[0], path=name) if loaded.articles else None
