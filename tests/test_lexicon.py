"""Lexicon files: the bundled ones parse, and every schema violation names file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framecmp.analysis import lexicon
from framecmp.errors import LexiconError
from framecmp.model import Lexicon

POLICY_FRAMES_CODEBOOK = {
    "economic",
    "capacity_resources",
    "morality",
    "fairness_equality",
    "legality",
    "policy_prescription",
    "crime_punishment",
    "security_defense",
    "health_safety",
    "quality_of_life",
    "cultural_identity",
    "public_opinion",
    "political",
    "external_regulation",
}
CONFLICT_FRAMES = {
    "military",
    "diplomacy",
    "legitimacy_sovereignty",
    "sanctions_economy",
    "humanitarian",
    "history_root_causes",
    "blame_responsibility",
}

HEADER = """\
schema_version = 1
name = "mine"
kind = "frames"
version = "1"
description = "test lexicon"
source = "hand-made"
licence = "CC0"
"""


def _parse(body: str, header: str = HEADER) -> Lexicon:
    return lexicon.parse(header + textwrap.dedent(body), origin="mine.toml")


def _wordings(lex: Lexicon, category: str) -> dict[str, tuple[str, ...]]:
    found = next(c for c in lex.categories if c.id == category)
    return {term.label: term.patterns for term in found.terms}


# --- bundled lexicons ------------------------------------------------------------------------


def test_bundled_names_are_the_default_set() -> None:
    assert lexicon.bundled_names() == tuple(sorted(lexicon.DEFAULT_LEXICONS))


@pytest.mark.parametrize("name", lexicon.DEFAULT_LEXICONS)
def test_every_bundled_lexicon_parses_with_provenance(name: str) -> None:
    lex = lexicon.load_bundled(name)
    assert lex.name == name
    assert lex.kind == name
    assert lex.origin == f"bundled:{name}"
    assert lex.source
    assert lex.licence
    assert lex.version
    assert all(category.label and category.terms for category in lex.categories)


def test_frames_cover_the_codebook_and_the_conflict_frames() -> None:
    frames = lexicon.load_bundled("frames")
    assert {c.id for c in frames.categories} == POLICY_FRAMES_CODEBOOK | CONFLICT_FRAMES
    assert "Boydstun" in frames.source
    for category in frames.categories:
        n_patterns = sum(len(term.patterns) for term in category.terms)
        assert 15 <= n_patterns <= 40, category.id
        assert category.description, category.id


def test_attribution_and_hedges_are_graded() -> None:
    attribution = {c.id: c.grade for c in lexicon.load_bundled("attribution").categories}
    assert attribution == {"neutral": "neutral", "emphatic": "emphatic", "doubting": "doubting"}
    grades = {c.grade for c in lexicon.load_bundled("hedges").categories}
    assert grades == {"hedge", "intensifier"}


def test_terminology_keeps_wordings_apart() -> None:
    terminology = lexicon.load_bundled("terminology")
    capital = _wordings(terminology, "capital")
    assert list(capital) == ["Kiev", "Kyiv"]
    assert "kyiv-held" in capital["Kyiv"]
    assert "Special military operation" in _wordings(terminology, "war")
    assert set(_wordings(terminology, "events_2014")) >= {"Coup", "Revolution", "Maidan"}


def test_unknown_bundled_name_lists_the_available_ones() -> None:
    with pytest.raises(LexiconError, match=r"unknown lexicon 'framez'; available: attribution, "):
        lexicon.load_bundled("framez")


# --- parsing -------------------------------------------------------------------------------


def test_terms_are_lower_cased_deduplicated_and_labelled() -> None:
    lex = _parse(
        """
        [categories.security]
        label = "Security"
        terms = ["War", "war", "Invad*", "special  military operation"]
        exclude = ["Warm*"]
        """
    )
    (category,) = lex.categories
    assert [(t.label, t.patterns) for t in category.terms] == [
        ("war", ("war",)),
        ("invad", ("invad*",)),
        ("special military operation", ("special military operation",)),
    ]
    assert category.exclude == ("warm*",)
    assert category.description == ""
    assert category.grade is None


def test_terms_table_maps_labels_to_patterns() -> None:
    lex = _parse(
        """
        [categories.capital]
        label = "Capital"
        [categories.capital.terms]
        Kiev = ["kiev"]
        Kyiv = ["kyiv-held", "kyiv", "Kyiv"]
        """
    )
    assert _wordings(lex, "capital") == {"Kiev": ("kiev",), "Kyiv": ("kyiv", "kyiv-held")}


# Each case: a body after the valid header, the line the error must point at, and the message.
SCHEMA_VIOLATIONS = [
    pytest.param(
        """
        colour = "red"
        """,
        9,
        "unknown key 'colour'",
        id="unknown-top-level-key",
    ),
    pytest.param(
        """
        [categories.security]
        label = "Security"
        terms = ["war"]
        weight = 2
        """,
        12,
        "unknown key 'categories.security.weight'",
        id="unknown-category-key",
    ),
    pytest.param(
        """
        [categories.security]
        label = "Security"

        terms = 3
        """,
        12,
        "categories.security.terms must be a list of strings or a table of lists",
        id="terms-wrong-type",
    ),
    pytest.param(
        """
        [categories.security]
        label = "Security"
        terms = ["war", 3]
        """,
        11,
        "categories.security.terms must be a list of strings or a table of lists",
        id="terms-not-strings",
    ),
    pytest.param(
        """
        [categories.security]
        label = "Security"
        terms = []
        """,
        11,
        "categories.security.terms is empty",
        id="terms-empty",
    ),
    pytest.param(
        """
        [categories.security]
        label = "Security"
        terms = ["war", "*war"]
        """,
        11,
        "bad pattern '*war'",
        id="wildcard-at-start",
    ),
    pytest.param(
        """
        [categories.security]
        label = "Security"
        terms = ["wa*r"]
        """,
        11,
        "bad pattern 'wa*r'",
        id="wildcard-inside-word",
    ),
    pytest.param(
        """
        [categories.security]
        label = "Security"
        terms = ["war!"]
        """,
        11,
        "bad pattern 'war!'",
        id="punctuation",
    ),
    pytest.param(
        """
        [categories.security]
        label = "Security"
        terms = ["war"]
        exclude = ["warm*", ""]
        """,
        12,
        "bad pattern ''",
        id="empty-exclude-pattern",
    ),
    pytest.param(
        """
        [categories.security]
        terms = ["war"]
        """,
        9,
        "categories.security is missing required key 'label'",
        id="missing-label",
    ),
    pytest.param(
        """
        [categories.security]
        label = "Security"
        terms = ["war"]

        [categories.security]
        label = "Again"
        terms = ["war"]
        """,
        13,
        "TOML syntax error",
        id="duplicate-category-id",
    ),
    pytest.param(
        """
        [categories.Security]
        label = "Security"
        terms = ["war"]
        """,
        9,
        "category id 'Security' must match [a-z0-9_-]+",
        id="bad-category-id",
    ),
    pytest.param(
        """
        [categories.security]
        label = "Security"
        grade = "doubting"
        terms = ["war"]
        """,
        11,
        "categories.security.grade is only allowed in attribution and hedges lexicons",
        id="grade-in-frames",
    ),
    pytest.param(
        """
        [categories.security]
        label = "Security"
        [categories.security.terms]
        War = ["war"]
        Conflict = "conflict"
        """,
        13,
        "categories.security.terms.Conflict must be a list of strings or a table of lists",
        id="wording-not-a-list",
    ),
    pytest.param(
        """
        [categories.security]
        label = "Security"
        [categories.security.terms]
        War = ["war"]
        Conflict = ["conflict", "war"]
        """,
        11,
        "pattern 'war' is listed under both 'War' and 'Conflict'",
        id="pattern-under-two-wordings",
    ),
    pytest.param(
        """
        [categories.security]
        label = "Security"
        terms = ["war"
        """,
        11,
        "TOML syntax error",
        id="toml-syntax",
    ),
    pytest.param("", 1, "at least one [categories.<id>] table", id="no-categories"),
]


@pytest.mark.parametrize(("body", "line", "message"), SCHEMA_VIOLATIONS)
def test_schema_violation_names_file_and_line(body: str, line: int, message: str) -> None:
    with pytest.raises(LexiconError) as raised:
        _parse(body)
    text = str(raised.value)
    assert text.startswith(f"mine.toml line {line}: "), text
    assert message in text
    assert "\n" not in text


@pytest.mark.parametrize(
    ("header", "line", "message"),
    [
        (HEADER.replace('licence = "CC0"\n', ""), 1, "missing required top-level key 'licence'"),
        (HEADER.replace("schema_version = 1", 'schema_version = "1"'), 1, "must be an integer"),
        (HEADER.replace("schema_version = 1", "schema_version = 2"), 1, "is not supported"),
        (HEADER.replace('name = "mine"', 'name = "My Lexicon"'), 2, "must match [a-z0-9_-]+"),
        (HEADER.replace('kind = "frames"', 'kind = "stance"'), 3, "kind 'stance' must be one"),
        (HEADER.replace('source = "hand-made"', "source = 1"), 6, "source must be a string"),
        (HEADER.replace('version = "1"', 'version = ""'), 4, "version must not be empty"),
    ],
)
def test_top_level_violations(header: str, line: int, message: str) -> None:
    body = """
    [categories.security]
    label = "Security"
    terms = ["war"]
    """
    with pytest.raises(LexiconError) as raised:
        _parse(body, header=header)
    assert str(raised.value).startswith(f"mine.toml line {line}: ")
    assert message in str(raised.value)


def test_attribution_grade_must_be_one_of_its_grades() -> None:
    header = HEADER.replace('kind = "frames"', 'kind = "attribution"')
    body = """
    [categories.doubting]
    label = "Doubting"
    grade = "sceptical"
    terms = ["claimed"]
    """
    with pytest.raises(LexiconError, match=r"^mine.toml line 11: .*neutral, emphatic, doubting"):
        _parse(body, header=header)


@given(st.text(max_size=300))
def test_parse_rejects_any_text_only_with_a_lexicon_error(text: str) -> None:
    outcome = _parse_or_message(text, origin="fuzz.toml")
    assert isinstance(outcome, Lexicon) or outcome.startswith("fuzz.toml")


@given(st.lists(st.text(max_size=12), min_size=1, max_size=4))
def test_any_pattern_is_accepted_lower_cased_or_rejected_by_name(patterns: list[str]) -> None:
    body = f"""
    [categories.any]
    label = "Any"
    terms = {_toml_list(patterns)}
    """
    outcome = _parse_or_message(HEADER + textwrap.dedent(body), origin="mine.toml")
    if isinstance(outcome, str):
        assert outcome.startswith("mine.toml line 11: categories.any.terms")
    else:
        for term in outcome.categories[0].terms:
            assert all(p == p.lower() and p.strip() == p for p in term.patterns)


def _parse_or_message(text: str, *, origin: str) -> Lexicon | str:
    """The parsed lexicon, or the error message; any other exception fails the test."""
    try:
        return lexicon.parse(text, origin=origin)
    except LexiconError as err:
        return str(err)


def _toml_list(items: list[str]) -> str:
    quoted = (
        '"' + "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else c for c in item) + '"'
        for item in items
    )
    return "[" + ", ".join(quoted) + "]"


# --- files and resolve ---------------------------------------------------------------------


def _write(path: Path, name: str, kind: str = "frames") -> Path:
    text = HEADER.replace('name = "mine"', f'name = "{name}"').replace(
        'kind = "frames"', f'kind = "{kind}"'
    )
    path.write_text(text + '[categories.x]\nlabel = "X"\nterms = ["xenon"]\n', encoding="utf-8")
    return path


def test_load_file_errors_name_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(LexiconError, match=r"nope\.toml: no such lexicon file"):
        lexicon.load_file(missing)
    broken = tmp_path / "broken.toml"
    broken.write_text(HEADER + "[categories.x]\nlabel = 1\nterms = ['x']\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"broken\.toml line 9: categories\.x\.label"):
        lexicon.load_file(broken)


def test_resolve_user_file_overrides_bundled_of_same_name_in_place(tmp_path: Path) -> None:
    mine = _write(tmp_path / "my-frames.toml", "frames")
    resolved = lexicon.resolve(["frames", "terminology", str(mine)])
    assert [lex.name for lex in resolved] == ["frames", "terminology"]
    assert resolved[0].origin == str(mine)
    assert [c.id for c in resolved[0].categories] == ["x"]


def test_resolve_adds_user_file_with_a_new_name(tmp_path: Path) -> None:
    extra = _write(tmp_path / "extra.toml", "extra")
    resolved = lexicon.resolve([*lexicon.DEFAULT_LEXICONS, str(extra)])
    assert [lex.name for lex in resolved] == [*lexicon.DEFAULT_LEXICONS, "extra"]
    assert resolved[-1].origin == str(extra)


def test_resolve_rejects_two_files_with_one_name(tmp_path: Path) -> None:
    one = _write(tmp_path / "one.toml", "same")
    two = _write(tmp_path / "two.toml", "same")
    with pytest.raises(LexiconError, match=r"two\.toml: lexicon name 'same' is also used by"):
        lexicon.resolve([str(one), str(two)])


def test_resolve_ignores_a_repeated_bundled_name() -> None:
    assert [lex.name for lex in lexicon.resolve(["hedges", "frames", "hedges"])] == [
        "hedges",
        "frames",
    ]


def test_bundled_lexicon_is_parsed_once_and_equals_its_file() -> None:
    # load_bundled is cached per process: the cached lexicon must be what parsing gives.
    for name in lexicon.bundled_names():
        text = (Path(lexicon.__file__).parent.parent / "lexicons" / f"{name}.toml").read_text(
            encoding="utf-8"
        )
        assert lexicon.load_bundled(name) == lexicon.parse(text, origin=f"bundled:{name}")
        assert lexicon.load_bundled(name) is lexicon.load_bundled(name)
