"""Convert the ECB+ corpus (tokenised XML) into plain-text articles and a manifest.

    python eval/ecbplus.py [XML_ROOT] [--out DIR ...]

XML_ROOT is the ``ECB+`` folder of the corpus (default /work/devdata/ecbplus-xml/ECB+ or
$FRAMECMP_ECBPLUS_XML), holding ``<topic>/<topic>_<n>ecb.xml`` and ``..ecbplus.xml``.
Each output directory gets ``<topic>/<doc id>.txt`` (one sentence per paragraph, tokens
joined back into ordinary text) and ``manifest.jsonl`` (one JSON object per document, sorted
by topic and document number). Default outputs: eval/data/ecbplus in this repository.

ECB+: Agata Cybulska and Piek Vossen, "Using a sledgehammer to crack a nut? Lexical diversity
and event coreference resolution", LREC 2014. Licence CC BY 3.0. Each topic holds documents
about two different events of one kind: the ``ecb`` documents (the original EventCorefBank)
report one, the ``ecbplus`` documents another. The ``ecbplus`` documents give their source URL
as sentence 0; it becomes the manifest's ``url`` (outlet = its host) and is not part of the text.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from framecmp.text.vocabulary import MONTHS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_XML = Path(os.environ.get("FRAMECMP_ECBPLUS_XML", "/work/devdata/ecbplus-xml/ECB+"))
DEFAULT_OUT = ROOT / "eval" / "data" / "ecbplus"
LICENCE = "CC BY 3.0"
CITATION = (
    "Agata Cybulska and Piek Vossen. 2014. Using a sledgehammer to crack a nut? Lexical "
    "diversity and event coreference resolution. In Proceedings of LREC 2014, 4545-4552."
)

_NAME = re.compile(r"^(?P<topic>\d+)_(?P<number>\d+)(?P<kind>ecb|ecbplus)\.xml$")
_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "...",
    "''",
    "\u201d",
    "\u2019",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "``", "\u201c", "\u2018"}
_CLITICS = re.compile(
    r"^(?:'s|'re|'ve|'ll|'d|'m|n't|\u2019s|\u2019re|\u2019ve|\u2019ll|\u2019d|\u2019m|n\u2019t|'|\u2019)$",
    re.I,
)
_CLITIC_TAILS = {"s", "re", "ve", "ll", "d", "m", "t"}
_HEADER_DATE = re.compile(
    r"\b(?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2}),? (?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<day2>\d{1,2}) (?P<month2>[A-Za-z]{3,9})\.? (?P<year2>(?:19|20)\d\d)\b"
)
# A header line is short: a dateline or "First Published: June 13, 2013 4:59 PM EDT".
_HEADER_MAX_WORDS = 14
_URL_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)"),
)


def detokenise(tokens: list[str]) -> str:
    """Join PTB-style tokens back into ordinary text."""
    out = ""
    quote_open = False
    previous = ""
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token == '"':
            # A straight quote opens or closes depending on how many came before it.
            token = '"'
            attach_left = quote_open
            quote_open = not quote_open
            glue_next = not attach_left
        else:
            attach_left = (
                token in _NO_SPACE_BEFORE
                or bool(_CLITICS.match(token))
                or (token == "-" and _wordish(previous) and _wordish(following))
                or (
                    previous in {"'", "\u2019"}
                    and token.lower() in _CLITIC_TAILS
                    and _glued_dash(out)
                )
                or (previous == "-" and out.endswith("-") and _wordish(token) and _glued_dash(out))
                or (token == ":" and previous.isdigit() and following.isdigit())
                or (previous == ":" and token.isdigit() and _digit_colon(out))
                or (previous in {",", "."} and token.isdigit() and _number_join(out, token))
            )
            glue_next = token in _NO_SPACE_AFTER
        if token in {"``", "''"}:
            token = '"'
        if not out or attach_left or out.endswith("\x00"):
            out = out.rstrip("\x00") + token
        else:
            out += " " + token
        if glue_next:
            out += "\x00"
        previous = tokens[index]
    text = out.replace("\x00", "")
    # Initialisms split as "U . S ." come back as "U. S."
    text = re.sub(r"\b([A-Z])\. (?=[A-Z]\.)", r"\1.", text)
    return text.strip()


def _wordish(token: str) -> bool:
    return bool(token) and token[0].isalnum() and token[-1].isalnum()


def _glued_dash(out: str) -> bool:
    """True when the text ends in a hyphen glued to a word ("court-")."""
    return len(out) >= 2 and out[-2].isalnum()


def _digit_colon(out: str) -> bool:
    return len(out) >= 2 and out.endswith(":") and out[-2].isdigit()


def _number_join(out: str, token: str) -> bool:
    """Rejoin "1 , 000" and "3 . 5" that the tokeniser split."""
    if len(out) < 2 or not out[-2].isdigit():
        return False
    if out.endswith(","):
        return len(token) == 3
    return out.endswith(".")


def url_date(url: str) -> date | None:
    """The publication date written in a URL's path (2013/06/13, 2013-06-13, 20130613)."""
    path = urlsplit(url).path
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                continue
    return None


def header_date(sentences: list[str]) -> date | None:
    """The date of a short header line among the first three lines, if one is there."""
    for line in sentences[:3]:
        if len(line.split()) > _HEADER_MAX_WORDS:
            continue
        match = _HEADER_DATE.search(line)
        if match is None:
            continue
        month = MONTHS.get((match["month"] or match["month2"]).lower())
        if month is None:
            continue
        try:
            return date(
                int(match["year"] or match["year2"]), month, int(match["day"] or match["day2"])
            )
        except ValueError:
            continue
    return None


def read_document(path: Path) -> tuple[list[str], str | None]:
    """Sentences of one XML file as text, and the source URL of an ecbplus document."""
    root = ET.parse(path).getroot()
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in root.iter("token"):
        sentences[int(token.get("sentence", "0"))].append(token.text or "")
    ordered = [sentences[key] for key in sorted(sentences)]
    url = None
    if path.name.endswith("ecbplus.xml") and ordered and ordered[0][:1] == ["http"]:
        url = "".join(ordered.pop(0))
    texts = [detokenise(tokens) for tokens in ordered]
    return [text for text in texts if text], url


def convert(xml_root: Path) -> list[tuple[dict[str, object], str]]:
    """Every document of the corpus as (manifest record, text), in a stable order."""
    documents = []
    for path in xml_root.glob("*/*.xml"):
        match = _NAME.match(path.name)
        if match is None:
            continue
        sentences, url = read_document(path)
        topic, kind = match["topic"], match["kind"]
        host = urlsplit(url).hostname if url else None
        published = url_date(url) if url else None
        source = "url" if published else None
        if published is None and kind == "ecbplus":
            published = header_date(sentences)
            source = "header" if published else None
        record: dict[str, object] = {
            "doc_id": f"{topic}_{match['number']}{kind}",
            "topic": int(topic),
            "subtopic": kind,
            "event": f"{topic}{kind}",
            "path": f"{topic}/{topic}_{match['number']}{kind}.txt",
            "outlet": host.removeprefix("www.") if host else None,
            "url": url,
            "date": published.isoformat() if published else None,
            "date_source": source,
            "sentences": len(sentences),
            "words": sum(len(s.split()) for s in sentences),
            "licence": LICENCE,
            "citation": CITATION,
        }
        documents.append(((int(topic), kind, int(match["number"])), record, sentences))
    documents.sort(key=lambda item: item[0])
    return [(record, "\n\n".join(sentences) + "\n") for _, record, sentences in documents]


def write(out: Path, documents: list[tuple[dict[str, object], str]]) -> None:
    """Write texts and manifest.jsonl under ``out``, each file atomically."""
    for record, text in documents:
        _write_atomic(out / str(record["path"]), text)
    manifest = "".join(
        json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n" for record, _ in documents
    )
    _write_atomic(out / "manifest.jsonl", manifest)


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="\n")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("xml_root", nargs="?", type=Path, default=DEFAULT_XML)
    parser.add_argument("--out", type=Path, action="append", help="output directory (repeat)")
    args = parser.parse_args(argv)
    if not args.xml_root.is_dir():
        print(f"ecbplus: error: {args.xml_root}: no such directory", file=sys.stderr)
        return 2
    documents = convert(args.xml_root)
    for out in args.out or [DEFAULT_OUT]:
        write(out, documents)
    events = {record["event"] for record, _ in documents}
    dated = sum(1 for record, _ in documents if record["date"])
    words = sum(int(str(record["words"])) for record, _ in documents)
    print(
        f"ecbplus: {len(documents)} documents, {len(events)} events, {words} words, "
        f"{dated} with a date (URL path or a header line)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
