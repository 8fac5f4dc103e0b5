"""Extraction quality on trafilatura's own evaluation pages: bare trafilatura vs framecmp.

    python eval/extraction.py [/path/to/trafilatura/tests] [--all] [--per-page]

The directory holds ``evaldata.json`` and ``eval/*.html`` (and ``cache/*.html``) from the
trafilatura repository (Apache-2.0; keep it out of this repository). For each page,
evaldata.json lists snippets that must be in the extracted text ("with") and must not be
("without"). A "with" snippet found is a true positive, missed a false negative; a "without"
snippet found is a false positive, absent a true negative. Matching is on whitespace-collapsed
text, as trafilatura's own evaluation does.

Three texts are scored on the same pages:
  trafilatura  ``trafilatura.extract(html, include_comments=False)``: the library alone;
  framecmp     framecmp's whole input pipeline: load (trafilatura with framecmp's settings and
               metadata) then clean (framecmp's noise rules); the text analysis sees;
  framecmp + headings, datelines, credits  the same plus the headline, section headings,
               datelines, bylines and "Reporting by" credits that clean takes out of the
               sentences on purpose (kept as title, place, outlet, or not a claim).

Pages: "English articles" are those whose bare trafilatura text (50+ words) py3langid calls
English and whose page metadata marks them as a dated article: og:type "article" or a JSON-LD
@type ending in "Article", and a publication date in the page metadata (htmldate without
searching the text). "English news" are the English articles that are news by their markup
or address: a JSON-LD @type of the NewsArticle family, or a URL with a year or a date in its
path (/2020/, -2020-01) or a /news/ section, as newspapers' addresses have. The same rule picks
the news pages of ``cache/``. ``--all`` scores every page as well.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = Path("/work/devdata/trafilatura/tests")
_ARTICLE_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"(?:\w+)?Article"', re.IGNORECASE)
_NEWS_TYPE = re.compile(r'"@type"\s*:\s*\[?\s*"\w*NewsArticle"', re.IGNORECASE)
_DATED_URL = re.compile(r"/(?:19|20)\d\d/|[-_/](?:19|20)\d\d-\d\d|/news/")
_OG_ARTICLE = re.compile(
    r"<meta[^>]+property=[\"']og:type[\"'][^>]+content=[\"']article[\"']"
    r"|<meta[^>]+content=[\"']article[\"'][^>]+property=[\"']og:type[\"']",
    re.IGNORECASE,
)


@dataclass
class Counts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.tn += other.tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fn + self.fp + self.tn
        return (self.tp + self.tn) / total if total else 0.0


def _flat(text: str) -> str:
    return " ".join(text.split())


def score(text: str, with_: list[str], without: list[str]) -> Counts:
    flat = _flat(text)
    counts = Counts()
    for snippet in with_:
        if _flat(snippet) in flat:
            counts.tp += 1
        else:
            counts.fn += 1
    for snippet in without:
        if _flat(snippet) in flat:
            counts.fp += 1
        else:
            counts.tn += 1
    return counts


def bare_trafilatura(html: bytes) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


# Removals that framecmp reads as metadata (title, place, outlet, author) or leaves out of the
# analysed sentences on purpose, rather than as page noise.
STRUCTURAL = frozenset(
    {"headline", "section-heading", "trailing-label", "dateline", "byline", "credits"}
)


def framecmp_text(html: bytes, name: str) -> tuple[str, str]:
    """The text analysis sees, and that text plus the headings, datelines and credits clean took
    out."""
    from framecmp.errors import InputError
    from framecmp.ingest.clean import clean
    from framecmp.ingest.load import load_bytes

    try:
        (article,) = load_bytes(html, path=name, input_format="html")
        cleaned = clean(article)
    except InputError:
        return "", ""
    structural = "\n".join(r.text for r in cleaned.removed if r.kind in STRUCTURAL)
    return cleaned.text, f"{cleaned.text}\n{structural}\n" + "\n".join(
        f"{r.text} {cleaned.text}" for r in cleaned.removed if r.kind == "dateline"
    )


def page_kind(url: str, html: bytes, bare_text: str) -> str | None:
    """ "news" or "article" for English dated article pages (rule in the docstring), else None."""
    import py3langid
    from htmldate import find_date

    if len(bare_text.split()) < 50 or py3langid.classify(bare_text[:20000])[0] != "en":
        return None
    head = html[:300_000].decode("utf-8", errors="replace")
    if not (_ARTICLE_TYPE.search(head) or _OG_ARTICLE.search(head)):
        return None
    if find_date(html, extensive_search=False, original_date=True) is None:
        return None
    return "news" if _NEWS_TYPE.search(head) or _DATED_URL.search(url) else "article"


def _row(name: str, base: Counts, ours: Counts) -> str:
    return (
        f"| {name} | {base.tp}/{base.tp + base.fn} | {base.fp}/{base.fp + base.tn} "
        f"| {ours.tp}/{ours.tp + ours.fn} | {ours.fp}/{ours.fp + ours.tn} |"
    )


def _total(label: str, n_pages: int, base: Counts, ours: Counts) -> str:
    return (
        f"| {label} ({n_pages} pages) | trafilatura | {base.precision:.3f} | {base.recall:.3f} "
        f"| {base.f1:.3f} | {base.accuracy:.3f} |\n"
        f"| | framecmp | {ours.precision:.3f} | {ours.recall:.3f} | {ours.f1:.3f} "
        f"| {ours.accuracy:.3f} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--all", action="store_true", help="also score every page")
    parser.add_argument("--per-page", action="store_true", help="print a row per news page")
    args = parser.parse_args()
    evaldata = json.loads((args.data / "evaldata.json").read_text(encoding="utf-8"))
    cache_names = {p.name for p in (args.data / "cache").glob("*.html")}
    groups: dict[str, tuple[Counts, Counts, list[str]]] = {
        name: (Counts(), Counts(), []) for name in ("news", "cache-news", "article", "all")
    }
    lowered: list[str] = []
    with_structural = {name: Counts() for name in groups}
    for url, entry in sorted(evaldata.items(), key=lambda item: item[1]["file"]):
        name = entry["file"]
        path = args.data / "eval" / name
        if not path.is_file():
            path = args.data / "cache" / name
        if not path.is_file():
            continue
        html = path.read_bytes()
        bare = bare_trafilatura(html)
        kind = page_kind(url, html, bare)
        news = kind == "news"
        if not (kind or args.all):
            continue
        ours_text, ours_structural = framecmp_text(html, name)
        base = score(bare, entry["with"], entry["without"])
        ours = score(ours_text, entry["with"], entry["without"])
        structural = score(ours_structural, entry["with"], entry["without"])
        member = ["all"] if args.all else []
        if kind:
            member.append("article")
        if news:
            member.append("news")
            if name in cache_names:
                member.append("cache-news")
        for group in member:
            groups[group][0].add(base)
            groups[group][1].add(ours)
            groups[group][2].append(name)
            with_structural[group].add(structural)
        if news and ours.tp < base.tp:
            lost = [s for s in entry["with"] if _flat(s) in _flat(bare)]
            lost = [s for s in lost if _flat(s) not in _flat(ours_text)]
            lowered.append(f"{name}: framecmp lost {lost}")
        if news and args.per_page:
            print(_row(name, base, ours))
    print("\n| pages | extraction | precision | recall | F1 | accuracy |")
    print("|---|---|---|---|---|---|")
    for label, key in (
        ("English news", "news"),
        ("cache/ news", "cache-news"),
        ("English articles", "article"),
        ("all", "all"),
    ):
        base, ours, names = groups[key]
        if names:
            print(_total(label, len(names), base, ours))
            extra = with_structural[key]
            print(
                f"| | framecmp + headings, datelines, credits | {extra.precision:.3f} "
                f"| {extra.recall:.3f} | {extra.f1:.3f} | {extra.accuracy:.3f} |"
            )
    print("\ncache/ news pages:", ", ".join(groups["cache-news"][2]))
    if lowered:
        print("\npages where framecmp's cleaning dropped a must-have snippet trafilatura kept:")
        print("\n".join(lowered))
    return 0


if __name__ == "__main__":
    sys.exit(main())
