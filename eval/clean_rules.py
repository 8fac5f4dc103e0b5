"""framecmp's plain-text clean rules on whole-page captures of real news pages.

    python eval/clean_rules.py [/path/to/trafilatura/tests] [--show KIND]

A plain-text capture is what a user gets by selecting a whole page and pasting it as text:
every visible block of the page body on its own line (paragraphs, list items, links,
headings), navigation, widgets and all; scripts and styles left out. The pages are the English news
pages of trafilatura's evaluation set, picked by the rule in eval/extraction.py. For each page
the capture is cleaned by framecmp.ingest.clean, and the snippets of evaldata.json are
checked: a "with" snippet (article text) must survive cleaning; a "without" snippet
(boilerplate) should go. Prints the counts, every removal that held article text, and how
many paragraphs each rule kind removed on how many pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import DEFAULT_DATA, _flat, bare_trafilatura, page_kind

_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "select"})
_BLOCKS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "figcaption"}
    | {"blockquote", "pre", "caption", "button", "label", "summary", "div", "section"}
    | {"article", "header", "footer", "nav", "aside", "main", "ul", "ol", "table", "tr", "br"}
)


def capture(html: bytes) -> str:
    """The page as pasted text: each block's text on its own line."""
    from lxml import html as lxml_html

    try:
        body = lxml_html.document_fromstring(html).find("body")
    except Exception:  # unparseable page: no capture
        return ""
    if body is None:
        return ""
    lines: list[str] = []
    current: list[str] = []

    def walk(element: object) -> None:
        tag = getattr(element, "tag", None)
        if not isinstance(tag, str) or tag in _SKIP:
            return
        block = tag in _BLOCKS
        if block:
            lines.append(" ".join(current))
            current.clear()
        if element.text:  # type: ignore[attr-defined]
            current.append(element.text)  # type: ignore[attr-defined]
        for child in element:  # type: ignore[attr-defined]
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            lines.append(" ".join(current))
            current.clear()

    walk(body)
    lines.append(" ".join(current))
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def main() -> int:
    from framecmp.errors import InputError
    from framecmp.ingest.clean import clean
    from framecmp.ingest.load import load_text

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", help="print every paragraph removed as this kind")
    args = parser.parse_args()
    evaldata = json.loads((args.data / "evaldata.json").read_text(encoding="utf-8"))
    kept_with = lost_with = raw_without = removed_without = pages = 0
    per_kind: Counter[str] = Counter()
    pages_per_kind: Counter[str] = Counter()
    lost: list[str] = []
    for url, entry in sorted(evaldata.items(), key=lambda item: item[1]["file"]):
        path = args.data / "eval" / entry["file"]
        if not path.is_file():
            path = args.data / "cache" / entry["file"]
        if not path.is_file():
            continue
        html = path.read_bytes()
        if page_kind(url, html, bare_trafilatura(html)) != "news":
            continue
        capture_text = capture(html)
        try:
            cleaned = clean(load_text(capture_text + "\n", path=entry["file"]))
        except InputError:
            continue
        pages += 1
        text = _flat(cleaned.text)
        raw = _flat(capture_text)
        for snippet in entry["with"]:
            if _flat(snippet) not in raw:
                continue
            if _flat(snippet) in text or any(
                _flat(snippet) in _flat(r.text) and r.kind in ("dateline",) for r in cleaned.removed
            ):
                kept_with += 1
            else:
                lost_with += 1
                kinds = [r.kind for r in cleaned.removed if _flat(snippet) in _flat(r.text)]
                lost.append(f"{entry['file']}: {kinds or ['(split)']} {snippet[:80]!r}")
        for snippet in entry["without"]:
            if _flat(snippet) in raw:
                raw_without += 1
                removed_without += _flat(snippet) not in text
        kinds_here = Counter(r.kind for r in cleaned.removed)
        per_kind.update(kinds_here)
        pages_per_kind.update(kinds_here.keys())
        if args.show:
            for removal in cleaned.removed:
                if removal.kind == args.show:
                    print(f"{entry['file']}: {removal.text[:120]}")
    print(f"pages: {pages} English news pages, cleaned as plain-text captures")
    print(f"article snippets kept: {kept_with}/{kept_with + lost_with}")
    print(f"boilerplate snippets removed: {removed_without}/{raw_without}")
    print("\n| removal kind | paragraphs | pages |\n|---|---|---|")
    for kind, count in sorted(per_kind.items(), key=lambda item: (-item[1], item[0])):
        print(f"| {kind} | {count} | {pages_per_kind[kind]} |")
    if lost:
        print("\narticle snippets lost (removal kinds that held them):")
        print("\n".join(lost))
    return 0


if __name__ == "__main__":
    sys.exit(main())
