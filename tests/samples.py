"""The bundled sample articles as Documents, segmented from the raw text (no cleaning)."""

from __future__ import annotations

from pathlib import Path

from framecmp.model import Document
from framecmp.text.segment import segment

DATA = Path(__file__).parent.parent / "data"
SAMPLES = {
    "tass": "bishkek-2025-11-27/tass.txt",
    "cgtn": "bishkek-2025-11-27/cgtn.txt",
    "unknown": "bishkek-2025-11-27/unknown-outlet.txt",
    "rt": "lavrov-roundtable-2025-12/rt.txt",
    "alaska": "alaska-2025-08-17/unknown-wire.txt",
}


def text_document(doc_id: str, text: str) -> Document:
    """A Document of raw text, segmented but not cleaned."""
    return Document(
        doc_id=doc_id, outlet=doc_id, path=f"<{doc_id}>", text=text, sentences=segment(text)
    )


def sample_document(doc_id: str) -> Document:
    """One bundled sample by its short id (tass, cgtn, unknown, rt, alaska)."""
    return text_document(doc_id, (DATA / SAMPLES[doc_id]).read_text(encoding="utf-8"))
