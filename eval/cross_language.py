"""The semantic aligner across languages: translated ECB+ articles (issue 9).

    python eval/cross_language.py build DIR    # DIR: <name>.src.txt / <name>.tgt.txt pairs
    python eval/cross_language.py report [--cuts 0.60 0.65 ...]

Data (eval/data/ecbplus-translated/, CC BY 3.0 like ECB+): ECB+ articles translated sentence
by sentence into Russian, German or Spanish by the team's helpers (one translated sentence per
source sentence, paragraphs kept), with a manifest naming each source document, its event, the
language and the topic half. Odd topics are development data, even topics held out.

For a cosine cut c (a pair across languages is aligned when its sentence-encoder cosine
reaches c, i.e. ``align_semantic.ACROSS_UNRELATED_COSINE`` = (c - 0.35) / 0.65) it prints:

- translation pairs: the original against its translation; the right pair of sentence i is
  (i, i): precision and recall of the aligned pairs;
- consistency with English: the translation against other English reports of its event,
  compared with the original against the same reports (the semantic aligner on English text,
  precision 0.90 on judged samples): of the pairs made across languages, how many the English
  comparison makes too, and of the English comparison's pairs, how many are found;
- unique sentences: of the sentences the English comparison calls unique, how many stay unique
  across languages, and of those called unique across languages, how many were unique in
  English (``align_semantic.COVERED_MIN_COSINE`` applies to both).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framecmp import api  # noqa: E402
from framecmp.analysis import align_semantic  # noqa: E402
from framecmp.analysis.align import align  # noqa: E402
from framecmp.model import Alignment, Coverage, Document, SentenceRef  # noqa: E402

DATA = ROOT / "eval" / "data" / "ecbplus-translated"
ECBPLUS = ROOT / "eval" / "data" / "ecbplus"
OTHERS_PER_DOCUMENT = 3  # other English reports of the event each translation is compared with
CUTS = (0.55, 0.60, 0.62, 0.65, 0.68, 0.70, 0.75, 0.80, 0.84)
COVERED_CUTS = (0.10, 0.15, 0.18, 0.20, 0.22, 0.25, 0.30, 0.35, 0.38, 0.40, 0.45)
LANGUAGES = {"ru": "Russian", "de": "German", "es": "Spanish"}


def build(source: Path) -> int:
    """Write the translated texts and the manifest from a folder of .src/.tgt pairs."""
    plan = {p["name"]: p for p in json.loads((source / "plan.json").read_text("utf-8"))}
    DATA.mkdir(parents=True, exist_ok=True)
    rows = []
    for name in sorted(plan):
        entry = plan[name]
        src = _numbered(source / f"{name}.src.txt")
        tgt = _numbered(source / f"{name}.tgt.txt")
        if [i for i, _ in src] != [i for i, _ in tgt]:
            print(f"{name}: translation does not match its source line for line", file=sys.stderr)
            return 1
        text = "\n".join(
            " ".join(t for _, t in paragraph)
            for paragraph in _paragraphs(source / f"{name}.tgt.txt")
        )
        out = f"{entry['doc_id']}.{entry['lang']}.txt"
        (DATA / out).write_text(text + "\n", encoding="utf-8")
        rows.append(
            {
                "file": out,
                "source_doc": entry["doc_id"],
                "source_path": entry["path"],
                "language": entry["lang"],
                "topics": entry["parity"],
                "event": f"{entry['event'][0]}/{entry['event'][1]}",
                "sentences": len(src),
                "translated_by": "framecmp's team (helpers), sentence by sentence",
                "licence": "CC BY 3.0 (a translation of an ECB+ text; Cybulska & Vossen 2014)",
            }
        )
    (DATA / "manifest.jsonl").write_text(
        "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in rows), "utf-8"
    )
    print(f"{len(rows)} translations -> {DATA}")
    return 0


def _numbered(path: Path) -> list[tuple[int, str]]:
    return [(i, t) for paragraph in _paragraphs(path) for i, t in paragraph]


def _paragraphs(path: Path) -> list[list[tuple[int, str]]]:
    paragraphs: list[list[tuple[int, str]]] = [[]]
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        index, _, text = line.partition("\t")
        paragraphs[-1].append((int(index), text.strip()))
    return [p for p in paragraphs if p]


def _documents(paths: Sequence[Path]) -> list[Document]:
    return api.prepare_documents(api.load_articles(list(paths)))


def _set_cut(cut: float) -> None:
    threshold = align_semantic.SEMANTIC_MIN_SCORE
    align_semantic.ACROSS_UNRELATED_COSINE = (cut - threshold) / (1.0 - threshold)


def _status(alignment: Alignment, doc: str, n: int) -> list[Coverage]:
    return [alignment.coverage(SentenceRef(doc, i)) for i in range(n)]


def report(cuts: Sequence[float], topics: str) -> None:
    manifest = [
        json.loads(line) for line in (DATA / "manifest.jsonl").read_text("utf-8").splitlines()
    ]
    events = _events()
    chosen = [m for m in manifest if m["topics"] == topics]
    print(
        f"{topics} topics: {len(chosen)} translated articles "
        f"({', '.join(sorted({LANGUAGES[m['language']] for m in chosen}))}), "
        f"{sum(m['sentences'] for m in chosen)} sentences"
    )
    cases = []
    for m in chosen:
        original, translated = _documents([ECBPLUS / m["source_path"], DATA / m["file"]])
        if len(original.sentences) != len(translated.sentences):
            print(
                f"  {m['file']}: {len(translated.sentences)} sentences after segmenting, "
                f"{len(original.sentences)} in the source: left out"
            )
            continue
        others = [p for p in events[m["event"]] if p != m["source_path"]][:OTHERS_PER_DOCUMENT]
        cases.append((original, translated, _documents([ECBPLUS / p for p in others])))
    english_runs = {}
    for original, _, others in cases:
        for other in others:
            english_runs[(original.doc_id, other.doc_id)] = align(
                [original, other], aligner="semantic"
            )
    for cut in cuts:
        _set_cut(cut)
        right = made = total = 0
        agree = crossed = english = 0
        kept_unique = english_unique = agreed_unique = cross_unique = 0
        for original, translated, others in cases:
            n = len(original.sentences)
            got = _pairs(align([original, translated], aligner="semantic"), original.doc_id)
            made += len(got)
            right += sum(i == j for i, j in got)
            total += n
            for other in others:
                mono = english_runs[(original.doc_id, other.doc_id)]
                cross = align([translated, other], aligner="semantic")
                e = _pairs(mono, original.doc_id)
                x = _pairs(cross, translated.doc_id)
                crossed += len(x)
                english += len(e)
                agree += len(x & e)
                es = _status(mono, original.doc_id, n)
                xs = _status(cross, translated.doc_id, n)
                eu = {i for i, s in enumerate(es) if s is Coverage.UNIQUE}
                xu = {i for i, s in enumerate(xs) if s is Coverage.UNIQUE}
                english_unique += len(eu)
                cross_unique += len(xu)
                kept_unique += len(eu & xu)
                agreed_unique += len(xu & eu)
        print(
            f"  cosine cut {cut:.2f}: translation pairs precision {right / max(1, made):.3f} "
            f"({right}/{made}), recall {right / max(1, total):.3f} ({right}/{total}); "
            f"against English: {agree}/{crossed} cross-language pairs also made in English "
            f"({agree / max(1, crossed):.3f}), {agree}/{english} English pairs found "
            f"({agree / max(1, english):.3f}); unique: {kept_unique}/{english_unique} English-"
            f"unique stay unique, {agreed_unique}/{cross_unique} cross-language unique were "
            "unique in English"
        )


def unique_report(covered_cuts: Sequence[float], topics: str) -> None:
    """For cuts of ``ACROSS_COVERED_MIN_COSINE``: the unique sentences of each translation
    against other English reports of its event, against those of its original (the English
    rule's), as agreement (Jaccard) of the two sets."""
    manifest = [
        json.loads(line) for line in (DATA / "manifest.jsonl").read_text("utf-8").splitlines()
    ]
    events = _events()
    runs = []
    for m in (m for m in manifest if m["topics"] == topics):
        original, translated = _documents([ECBPLUS / m["source_path"], DATA / m["file"]])
        if len(original.sentences) != len(translated.sentences):
            continue
        others = [p for p in events[m["event"]] if p != m["source_path"]][:OTHERS_PER_DOCUMENT]
        for other in _documents([ECBPLUS / p for p in others]):
            mono = align([original, other], aligner="semantic")
            n = len(original.sentences)
            english = {
                i for i, s in enumerate(_status(mono, original.doc_id, n)) if s is Coverage.UNIQUE
            }
            runs.append((translated, other, n, english))
    for cut in covered_cuts:
        align_semantic.ACROSS_COVERED_MIN_COSINE = cut
        both = either = english_total = cross_total = 0
        for translated, other, n, english in runs:
            cross = align([translated, other], aligner="semantic")
            found = {
                i
                for i, s in enumerate(_status(cross, translated.doc_id, n))
                if s is Coverage.UNIQUE
            }
            both += len(found & english)
            either += len(found | english)
            english_total += len(english)
            cross_total += len(found)
        print(
            f"  covered cut {cut:.2f}: unique across languages {cross_total}, in English "
            f"{english_total}, in both {both}; agreement (Jaccard) {both / max(1, either):.3f}"
        )


def _pairs(alignment: Alignment, doc: str) -> set[tuple[int, int]]:
    return {
        (p.a.sentence, p.b.sentence) if p.a.doc == doc else (p.b.sentence, p.a.sentence)
        for p in alignment.pairs
    }


def _events() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in (ECBPLUS / "manifest.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        found.setdefault(f"{row['topic']}/{row['event']}", []).append(row["path"])
    return {k: sorted(v) for k, v in found.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("source", type=Path)
    r = sub.add_parser("report")
    r.add_argument("--cuts", type=float, nargs="*", default=None)
    r.add_argument("--topics", choices=("odd", "even"), default="odd")
    args = parser.parse_args()
    if args.command == "build":
        return build(args.source)
    shipped = align_semantic.ACROSS_UNRELATED_COSINE
    shipped_cut = shipped + align_semantic.SEMANTIC_MIN_SCORE * (1.0 - shipped)
    report(args.cuts or sorted({*CUTS, round(shipped_cut, 3)}), args.topics)
    print(f"shipped: ACROSS_UNRELATED_COSINE {shipped} (cosine cut {shipped_cut:.3f})")
    covered = align_semantic.ACROSS_COVERED_MIN_COSINE
    print("unique sentences across languages, at the shipped pair cut:")
    unique_report(sorted({*COVERED_CUTS, covered}), args.topics)
    align_semantic.ACROSS_COVERED_MIN_COSINE = covered
    print(f"shipped: ACROSS_COVERED_MIN_COSINE {covered}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
