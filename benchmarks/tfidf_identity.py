"""Check that framecmp's numpy TF-IDF (analysis/terms.py) equals scikit-learn's, bit for bit.

For each input set of ``benchmarks/inputs.py`` (3 and 5 samples, 16 and 26 ECB+ articles,
2 x 5k words) it builds the word lists that ``pairwise_similarity`` and ``distinctive_terms``
weigh, and compares every weight with ``TfidfVectorizer(sublinear_tf=True)`` (when
scikit-learn is installed: ``pip install -e '.[dev]'``). With ``--reports DIR`` it also renders
each set's JSON and Markdown reports (plain and ``--stem-terms``) and compares them byte for
byte with the files in DIR, or writes them there if DIR is empty: run it once before a change
and once after.

    python benchmarks/tfidf_identity.py [--reports DIR] [--work DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from inputs import build_sets

import framecmp
from framecmp.analysis import terms
from framecmp.model import Document


def _word_lists(documents: list[Document]) -> dict[str, tuple[list[list[str]], list[list[str]]]]:
    """(fit documents, weighed documents) for each of the two uses of TF-IDF in terms.py."""
    sentence_words = [
        [term for term, _ in terms._sentence_words(sentence, stem_words=True)]
        for document in documents
        for sentence in document.sentences
    ]
    similarity_words = [
        list(terms._words(d.sentences, stem_words=True).counts.elements()) for d in documents
    ]
    distinctive_words = [
        list(terms._terms(d.sentences, stem_words=False).counts.elements()) for d in documents
    ]
    return {
        "similarity": (sentence_words, similarity_words),
        "distinctive terms": (distinctive_words, distinctive_words),
    }


def _framecmp_weights(fit: list[list[str]], weigh: list[list[str]], same: bool) -> list[dict]:
    idf = terms._fit_idf(fit)
    if same:
        order = list(dict.fromkeys(term for words in weigh for term in words))
        return [terms._tfidf(words, idf, order=order) for words in weigh]
    return [terms._tfidf(words, idf, order=sorted(set(words))) for words in weigh]


def _sklearn_weights(fit: list[list[str]], weigh: list[list[str]], same: bool) -> list[dict]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=lambda words: words, sublinear_tf=True)
    matrix = vectorizer.fit_transform(fit) if same else vectorizer.fit(fit).transform(weigh)
    names = vectorizer.get_feature_names_out()
    rows = []
    for i in range(matrix.shape[0]):
        row = matrix[[i]].tocoo() if hasattr(matrix[[i]], "tocoo") else matrix[i].tocoo()
        rows.append({str(names[k]): float(v) for k, v in zip(row.col, row.data, strict=True)})
    return rows


def check_weights(name: str, documents: list[Document]) -> bool:
    ok = True
    for use, (fit, weigh) in _word_lists(documents).items():
        same = use == "distinctive terms"
        ours = _framecmp_weights(fit, weigh, same)
        reference = _sklearn_weights(fit, weigh, same)
        values = sum(len(row) for row in ours)
        differing = sum(
            1
            for mine, theirs in zip(ours, reference, strict=True)
            for term in mine.keys() | theirs.keys()
            if mine.get(term) != theirs.get(term)
        )
        ok &= differing == 0
        print(f"{name:18s} {use:18s} {values:6d} weights, {differing} differ from scikit-learn")
    return ok


def check_reports(name: str, paths: list[Path], reports: Path) -> bool:
    ok = True
    for stem in (False, True):
        comparison = framecmp.compare([str(p) for p in paths], stem_terms=stem)
        for fmt in ("json", "markdown"):
            file = reports / f"{name.replace(' ', '_')}-{'stem' if stem else 'plain'}.{fmt}"
            text = framecmp.render(comparison, fmt)
            if not file.exists():
                file.write_text(text, encoding="utf-8")
                print(f"{name:18s} wrote {file}")
                continue
            same = file.read_text(encoding="utf-8") == text
            ok &= same
            print(f"{name:18s} {file.name:34s} {'identical' if same else 'DIFFERENT'}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=Path, help="saved reports to compare with, or to fill")
    parser.add_argument("--work", type=Path, help="where to write the ECB+-made articles")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="framecmp-tfidf-"))
    try:
        import sklearn  # noqa: F401
    except ImportError:
        has_sklearn = False
        print("scikit-learn is not installed: weights not checked (pip install -e '.[dev]')")
    else:
        has_sklearn = True
    ok = True
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
    for name, paths in build_sets(work).items():
        if has_sklearn:
            documents = list(framecmp.prepare_documents(framecmp.load_articles(paths)))
            ok &= check_weights(name, documents)
        if args.reports:
            ok &= check_reports(name, paths, args.reports)
    print("all identical" if ok else "DIFFERENCES FOUND")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
