"""Hand-made documents for alignment tests: one sentence per line, no segmenter involved."""

from __future__ import annotations

from framecmp.model import Document, Sentence
from framecmp.text.segment import tokenize


def text_document(doc_id: str, *sentences: str) -> Document:
    """A document whose sentences are exactly ``sentences``, joined by newlines."""
    text = "\n".join(sentences)
    built, start = [], 0
    for index, sentence in enumerate(sentences):
        end = start + len(sentence)
        built.append(Sentence(index, index, sentence, start, end, tokenize(sentence)))
        start = end + 1
    return Document(
        doc_id=doc_id, outlet=doc_id, path=f"<{doc_id}>", text=text, sentences=tuple(built)
    )
