"""Store prepared documents (load + clean + segment) as JSON, so batch runs do that work once.

A stored document is a plain JSON object with a ``format`` version; ``load_document`` rejects
any other version instead of guessing, because sentence offsets depend on the cleaning rules
that produced them.
"""

from __future__ import annotations

import json
from typing import Any

from framecmp.errors import InputError
from framecmp.model import Document, Removal, Sentence

DOCUMENT_FORMAT = "framecmp-document/1"


def dump_document(document: Document) -> str:
    """One prepared document as deterministic JSON text."""
    payload = {
        "format": DOCUMENT_FORMAT,
        "doc_id": document.doc_id,
        "outlet": document.outlet,
        "path": document.path,
        "date": document.date,
        "title": document.title,
        "url": document.url,
        "place": document.place,
        "encoding": document.encoding,
        "language": document.language,
        "text": document.text,
        "removed": [{"kind": r.kind, "text": r.text} for r in document.removed],
        "sentences": [
            [s.index, s.paragraph, s.char_start, s.char_end, list(s.tokens)]
            for s in document.sentences
        ],
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True) + "\n"


def load_document(text: str, *, origin: str = "<stored document>") -> Document:
    """A document stored by ``dump_document``; sentence texts are rebuilt from the offsets."""
    try:
        payload: dict[str, Any] = json.loads(text)
        if payload.get("format") != DOCUMENT_FORMAT:
            raise InputError(
                f"{origin}: stored document format {payload.get('format')!r} is not "
                f"{DOCUMENT_FORMAT!r}; prepare the article again"
            )
        body = payload["text"]
        return Document(
            doc_id=payload["doc_id"],
            outlet=payload["outlet"],
            path=payload["path"],
            text=body,
            sentences=tuple(
                Sentence(index, paragraph, body[start:end], start, end, tuple(tokens))
                for index, paragraph, start, end, tokens in payload["sentences"]
            ),
            removed=tuple(Removal(r["kind"], r["text"]) for r in payload["removed"]),
            date=payload["date"],
            title=payload["title"],
            url=payload["url"],
            place=payload["place"],
            encoding=payload.get("encoding"),
            language=payload.get("language"),
        )
    except InputError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise InputError(f"{origin}: not a stored framecmp document ({err})") from None
