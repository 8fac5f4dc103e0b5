"""The optional semantic backend of the align stage: WordLlama static sentence embeddings.

Only ``align(..., aligner="semantic")`` imports this module, and only it imports wordllama
(``pip install 'framecmp[semantic]'``). The model ships inside the wordllama wheel, so it is
loaded from the package folder with downloads disabled: framecmp never fetches anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from framecmp.errors import MissingDependencyError
from framecmp.model import Document

if TYPE_CHECKING:
    from numpy.typing import NDArray

# Cosine of two unrelated news sentences in WordLlama's 256-dimension space sits around this;
# cosines are rescaled from here (0) to 1 before they are mixed with the lexical score.
UNRELATED_COSINE = 0.35
# Share of the semantic similarity in the combined score; the rest is the lexical score.
SEMANTIC_WEIGHT = 0.5


class Embedder:
    """Sentence vectors and their cosines, from a loaded WordLlama model."""

    def __init__(self, model: Any) -> None:
        self._model = model

    def embed(self, documents: Sequence[Document]) -> dict[str, NDArray[Any]]:
        """Unit-length vectors of every sentence, one matrix per document id."""
        import numpy as np

        vectors: dict[str, NDArray[Any]] = {}
        for document in documents:
            texts = [s.text for s in document.sentences]
            matrix = self._model.embed(texts, norm=True) if texts else np.zeros((0, 256))
            vectors[document.doc_id] = np.asarray(matrix, dtype=np.float64)
        return vectors

    @staticmethod
    def cosines(first: NDArray[Any], second: NDArray[Any]) -> list[list[float]]:
        """Cosine of every sentence of ``first`` with every sentence of ``second``."""
        result: list[list[float]] = (first @ second.T).tolist()
        return result


@cache
def load_embedder() -> Embedder:
    """Load the WordLlama model bundled in its wheel, without network access."""
    try:
        import wordllama
    except ImportError:
        raise MissingDependencyError(
            "the semantic aligner needs wordllama: pip install 'framecmp[semantic]'"
        ) from None
    from pathlib import Path

    # The loader looks for its bundled tokenizer under cache_dir and would otherwise download it.
    package_dir = Path(wordllama.__file__).parent
    return Embedder(wordllama.WordLlama.load(cache_dir=package_dir, disable_download=True))


def combine(lexical: float, cosine: float) -> float:
    """Mix the lexical score with the rescaled embedding cosine, 0..1."""
    semantic = min(1.0, max(0.0, (cosine - UNRELATED_COSINE) / (1.0 - UNRELATED_COSINE)))
    return (1.0 - SEMANTIC_WEIGHT) * lexical + SEMANTIC_WEIGHT * semantic
