"""HTML pages: main text and metadata through trafilatura; what it discards is removed noise.

trafilatura (Barbaresi 2021, Apache-2.0) finds the article body; its metadata pass reads
JSON-LD, OpenGraph and Dublin Core, and htmldate reads the publication date from the page's
metadata only (no search of the text, whose dates are often other events').
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from framecmp.errors import InputError
from framecmp.model import Article, Removal

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Discarded page text is shown as removed noise, one entry per block, but a navigation menu can
# hold hundreds of blocks: keep the report readable.
MAX_DISCARDED_BLOCKS = 60
_MAX_BLOCK_CHARS = 160
_BLOCK_TAGS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption"}
    | {"blockquote", "pre", "caption", "button", "label", "summary", "a", "span", "div"}
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]+>")
# Extracted text shorter than this many words may be a caption: try the JSON-LD articleBody.
_SHORT_WORDS = 80
_GENERIC_SITE_NAMES = frozenset({"home", "news", "u.s.", "us", "world", "article"})


# Characters XML cannot hold (C0 controls but tab and line ends, U+FFFE, U+FFFF), written or as
# a character reference: one "&#1;" in a page made lxml's tree unusable for extraction ("no
# article text found"), where a browser shows the page.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _xml_safe(source: str) -> str:
    """The page with every character XML cannot hold, written or referenced, as U+FFFD."""

    def reference(match: re.Match[str]) -> str:
        code = int(match[1], 16) if match[1] else int(match[2])
        return "\ufffd" if code < 0x110000 and _NOT_XML.match(chr(code)) else match[0]

    return _NOT_XML.sub("\ufffd", _CHARACTER_REFERENCE.sub(reference, source))


def load_html(source: str | bytes, *, path: str, url: str | None = None) -> Article:
    """The article in an HTML page, with its title, outlet, date and URL."""
    import trafilatura  # heavy (lxml, htmldate, justext): only HTML inputs pay for it
    from lxml import html as lxml_html

    if isinstance(source, str):
        source = _xml_safe(source)
    try:
        tree = lxml_html.document_fromstring(source)
    except Exception:  # lxml raises several unrelated types for unparseable markup
        raise InputError(f"{path}: not readable as HTML") from None
    extracted: Any = trafilatura.bare_extraction(
        _copy(tree),
        url=url,
        include_comments=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if extracted is None or not (getattr(extracted, "text", None) or "").strip():
        raise InputError(f"{path}: no article text found in the HTML; is it an article page?")
    text: str = extracted.text
    body = _json_ld_field(tree, "articleBody")
    if body and len(text.split()) < _SHORT_WORDS and len(body.split()) > 2 * len(text.split()):
        # Script-rendered pages (SCMP) leave only a caption in the HTML; the publisher's
        # JSON-LD still carries the article.
        text = _TAG.sub(" ", body)
    page_url = getattr(extracted, "url", None) or url
    return Article(
        path=path,
        text=text,
        outlet=_outlet(extracted, page_url, tree),
        date=_iso_date(getattr(extracted, "date", None)),
        title=_clean(getattr(extracted, "title", None)),
        url=page_url,
        removed=_discarded(tree, text),
    )


def _copy(tree: HtmlElement) -> HtmlElement:
    from copy import deepcopy

    return deepcopy(tree)  # trafilatura prunes the tree it is given


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return _SPACE.sub(" ", value).strip() or None


def _outlet(extracted: Any, page_url: str | None, tree: HtmlElement) -> str | None:
    """JSON-LD publisher, else the site name, else the canonical URL's host."""
    name = _json_ld_publisher(tree) or _clean(getattr(extracted, "sitename", None))
    if name and name.lower() not in _GENERIC_SITE_NAMES and not name.startswith("http"):
        return name
    host = _clean(getattr(extracted, "hostname", None)) or (
        urlsplit(page_url).hostname if page_url else None
    )
    if host:
        return host.removeprefix("www.")
    return None


def _json_ld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD scripts, outer ones first."""
    objects: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):  # metadata only: a page reads without it
            continue
        stack: list[object] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                objects.append(item)
                stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return objects


def _json_ld_field(tree: HtmlElement, key: str) -> str | None:
    for item in _json_ld_objects(tree):
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _json_ld_publisher(tree: HtmlElement) -> str | None:
    """The publisher's name in the page's JSON-LD (schema.org NewsArticle.publisher)."""
    for item in _json_ld_objects(tree):
        publisher = item.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        if isinstance(publisher, dict) and (name := _clean(publisher.get("name"))):
            return name
        if isinstance(publisher, str) and (name := _clean(publisher)):
            return name
    return None


def _iso_date(value: object) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return value[:10]
    return None


def _discarded(tree: HtmlElement, kept_text: str) -> tuple[Removal, ...]:
    """Text blocks of the page body that the extraction left out, in page order."""
    kept = _SPACE.sub(" ", kept_text)
    body = tree.find("body")
    if body is None:
        return ()
    blocks: list[str] = []
    seen: set[str] = set()
    for element in body.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP_TAGS or tag not in _BLOCK_TAGS:
            continue
        if any(isinstance(a.tag, str) and a.tag in _SKIP_TAGS for a in element.iterancestors()):
            continue
        # Own text only, so a <div> holding the whole page is not one giant block.
        own = " ".join(t for t in (element.text, *(c.tail for c in element)) if t)
        block = _SPACE.sub(" ", own).strip()
        if len(block) < 2 or block in seen or block in kept:
            continue
        seen.add(block)
        blocks.append(block)
    removed = [
        Removal("html-boilerplate", _shorten(block)) for block in blocks[:MAX_DISCARDED_BLOCKS]
    ]
    if len(blocks) > MAX_DISCARDED_BLOCKS:
        removed.append(
            Removal("html-boilerplate", f"... and {len(blocks) - MAX_DISCARDED_BLOCKS} more blocks")
        )
    return tuple(removed)


def _shorten(block: str) -> str:
    if len(block) <= _MAX_BLOCK_CHARS:
        return block
    return block[: _MAX_BLOCK_CHARS - 1].rstrip() + "\u2026"
