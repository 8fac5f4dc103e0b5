"""Sentence pairs from ECB+ event coreference, labelled as the same reported claim or not.

ECB+ (Cybulska & Vossen 2014, CC BY 3.0) marks event and participant mentions in each
article and links mentions of one real-world instance across articles (CROSS_DOC_COREF,
``note`` = instance id). Two annotated sentences of different articles about the same event:
- positive (1): they share a mention of the same action *and* of the same participant, time or
  place (e.g. "Lohan checked into Betty Ford" / "Lohan has entered the Betty Ford Center");
- negative (0): they share no instance at all;
- pairs sharing only an action, or only participants, are left out (ambiguous).
Only pairs the aligner would consider (``align.is_candidate``) are kept, so the labels teach
the scorer what separates candidates, not what separates unrelated sentences.
"""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]'’”]|n't|'s)")
_NO_SPACE_AFTER = re.compile(r"([(\[“$]) ")


def _sentences(path: Path) -> tuple[dict[int, str], dict[int, set[str]]]:
    """Text of each sentence and the cross-document instance ids mentioned in it."""
    root = ET.parse(path).getroot()
    words: dict[int, list[str]] = {}
    sentence_of: dict[str, int] = {}
    for token in root.iter("token"):
        number = int(token.get("sentence", "0"))
        if path.name.endswith("ecbplus.xml") and number == 0:
            continue  # the source URL
        words.setdefault(number, []).append(token.text or "")
        sentence_of[token.get("t_id", "")] = number
    mention_sentence: dict[str, int] = {}
    markables = root.find("Markables")
    for markable in markables if markables is not None else []:
        anchors = [a.get("t_id", "") for a in markable.iter("token_anchor")]
        if anchors and anchors[0] in sentence_of:
            mention_sentence[markable.get("m_id", "")] = sentence_of[anchors[0]]
    instances: dict[int, set[str]] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        if relation.tag != "CROSS_DOC_COREF":
            continue
        instance = relation.get("note", "")
        for source in relation.iter("source"):
            number = mention_sentence.get(source.get("m_id", ""))
            if number is not None:
                instances.setdefault(number, set()).add(instance)
    texts = {n: _detokenise(" ".join(ws)) for n, ws in words.items()}
    return texts, instances


def _detokenise(text: str) -> str:
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def labelled_pairs(corpus: Path, topics: str) -> Iterator[tuple[str, str, int]]:
    """(sentence, sentence, label) for ECB+ topics "odd" or "even", in a fixed order."""
    from framecmp.analysis.align import is_candidate

    topic_dirs = [p for p in corpus.iterdir() if p.is_dir() and p.name.isdigit()]
    for topic_dir in sorted(topic_dirs, key=lambda p: int(p.name)):
        if (int(topic_dir.name) % 2 == 1) != (topics == "odd"):
            continue
        for subtopic in ("ecb.xml", "ecbplus.xml"):
            paths = sorted(
                p
                for p in topic_dir.glob("*.xml")
                if p.name.split("_")[1].lstrip("0123456789") == subtopic
            )
            documents = [_sentences(p) for p in paths]
            for (ta, ia), (tb, ib) in itertools.combinations(documents, 2):
                for na, nb in itertools.product(sorted(ia), sorted(ib)):
                    shared = ia[na] & ib[nb]
                    actions = {s for s in shared if s.startswith(("ACT", "NEG"))}
                    if actions and shared - actions:
                        label = 1
                    elif not shared:
                        label = 0
                    else:
                        continue
                    if is_candidate(ta[na], tb[nb]):
                        yield ta[na], tb[nb], label
