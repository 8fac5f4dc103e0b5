"""Lexicons: parse and validate keyword lexicon TOML files (bundled or the user's own).

The schema is documented key by key in ``docs/lexicons.md``; ``parse`` is its one
implementation, so a bundled lexicon and a user's ``--lexicon mine.toml`` get the same checks.
Every error names the file and the line of the offending key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from framecmp.errors import LexiconError
from framecmp.model import Lexicon, LexiconCategory, LexiconTerm
from framecmp.text.printable import one_line

SCHEMA_VERSION = 1
KINDS = ("frames", "terminology", "attribution", "hedges")
GRADES: Mapping[str, tuple[str, ...]] = {
    "attribution": ("neutral", "emphatic", "doubting"),
    "hedges": ("hedge", "intensifier"),
}
DEFAULT_LEXICONS = ("frames", "terminology", "attribution", "hedges")

_TOP_REQUIRED = ("schema_version", "name", "kind", "version", "description", "source", "licence")
_TOP_KEYS = (*_TOP_REQUIRED, "count_in_names", "count_after_determiner", "categories")
_CATEGORY_KEYS = ("label", "description", "grade", "exclude", "terms")
_NAME = re.compile(r"[a-z0-9_-]+")
# One word of a pattern: letters/digits, joined inside by hyphens, apostrophes or dots
# ("kyiv-held", "d'etat", "u.s"), with an optional "*" at its end (a prefix wildcard).
# A pattern word matching any number ("added #": "added 12", "added six"), never first.
NUMBER_WORD = "#"
_PATTERN_WORD = re.compile(r"[^\W_](?:[\w'.\-]*[^\W_])?\*?")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def bundled_names() -> tuple[str, ...]:
    """Names of the lexicons shipped in ``framecmp/lexicons/``, sorted."""
    folder = files("framecmp") / "lexicons"
    return tuple(
        sorted(
            entry.name.removesuffix(".toml")
            for entry in folder.iterdir()
            if entry.name.endswith(".toml") and entry.is_file()
        )
    )


# Parsed once per process: a compare asks for terminology and attribution twice (scores and
# claim relations), and TOML parsing is pure Python. A Lexicon is frozen, so sharing is safe.
@cache
def load_bundled(name: str) -> Lexicon:
    """A lexicon shipped with framecmp, by name."""
    if name not in bundled_names():
        raise LexiconError(
            f"unknown lexicon {name!r}; available: {', '.join(bundled_names())} "
            "(or give a path to a .toml file)"
        )
    resource = files("framecmp") / "lexicons" / f"{name}.toml"
    return parse(resource.read_text(encoding="utf-8"), origin=f"bundled:{name}")


def load_file(path: str | Path) -> Lexicon:
    """A lexicon from a TOML file on disk."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file; check the path") from None
    except IsADirectoryError:
        raise LexiconError(f"{path}: is a directory, not a lexicon .toml file") from None
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8 text; save the lexicon as UTF-8") from None
    except OSError as err:
        raise LexiconError(f"{path}: cannot read lexicon file: {err.strerror}") from None
    return parse(text, origin=str(path))


def resolve(specs: Sequence[str]) -> tuple[Lexicon, ...]:
    """Lexicons for bundled names and .toml paths; a file replaces the bundled one of its name."""
    if isinstance(specs, str):  # its characters would be read as lexicon names
        raise LexiconError(f"lexicons {specs!r}: give a list of lexicon names or files")
    bundled: dict[str, Lexicon] = {}
    from_files: dict[str, Lexicon] = {}
    order: list[str] = []
    for spec in specs:
        if _is_path(spec):
            lexicon = load_file(spec)
            if lexicon.name in from_files:
                raise LexiconError(
                    f"{spec}: lexicon name {lexicon.name!r} is also used by "
                    f"{from_files[lexicon.name].origin}; give each lexicon file its own name"
                )
            from_files[lexicon.name] = lexicon
        else:
            lexicon = bundled.get(spec) or load_bundled(spec)
            bundled[spec] = lexicon
        if lexicon.name not in order:
            order.append(lexicon.name)
    return tuple(from_files.get(name) or bundled[name] for name in order)


def parse(text: str, *, origin: str) -> Lexicon:
    """Validate lexicon TOML text against the schema; ``origin`` names it in error messages."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(_toml_error_message(origin, str(err), text)) from None
    return _Parser(text, origin).lexicon(raw)


def _is_path(spec: str) -> bool:
    return spec.endswith(".toml") or "/" in spec or "\\" in spec


def _toml_error_message(origin: str, message: str, text: str) -> str:
    at_line = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if at_line is not None:
        detail = message[: at_line.start()]
        return (
            f"{origin} line {at_line.group(1)}: TOML syntax error: {detail} "
            f"(column {at_line.group(2)})"
        )
    at_end = re.search(r"\s*\(at end of document\)$", message)
    if at_end is not None:
        last_line = max(1, len(text.rstrip().splitlines()))
        detail = message[: at_end.start()]
        return f"{origin} line {last_line}: TOML syntax error: {detail} (at end of file)"
    return f"{origin}: TOML syntax error: {message}"


class _Parser:
    """Checks one lexicon's raw TOML table, reporting errors at the offending key's line."""

    def __init__(self, text: str, origin: str) -> None:
        self.origin = origin
        self.text = text
        self.lines: dict[str, int] | None = None  # scanned only to report an error

    def fail(self, path: str, message: str) -> LexiconError:
        return LexiconError(f"{self.origin} line {self.line_of(path)}: {message}")

    def line_of(self, path: str) -> int:
        """Line of a dotted key path, or of its nearest ancestor found; 1 when none is."""
        if self.lines is None:
            self.lines = _key_lines(self.text)
        parts = path.split(".")
        while parts:
            line = self.lines.get(".".join(parts))
            if line is not None:
                return line
            parts.pop()
        return 1

    def lexicon(self, raw: dict[str, Any]) -> Lexicon:
        self.check_keys("", raw, _TOP_KEYS)
        for key in _TOP_REQUIRED:
            if key not in raw:
                raise self.fail(key, f"missing required top-level key {key!r}")
        if type(raw["schema_version"]) is not int:
            raise self.fail("schema_version", "schema_version must be an integer")
        if raw["schema_version"] != SCHEMA_VERSION:
            raise self.fail(
                "schema_version",
                f"schema_version {raw['schema_version']} is not supported; "
                f"this framecmp reads schema_version = {SCHEMA_VERSION}",
            )
        strings = {key: self.string(key, raw[key]) for key in _TOP_REQUIRED[1:]}
        if not _NAME.fullmatch(strings["name"]):
            raise self.fail("name", f"name {strings['name']!r} must match [a-z0-9_-]+")
        kind = strings["kind"]
        if kind not in KINDS:
            raise self.fail("kind", f"kind {kind!r} must be one of {', '.join(KINDS)}")
        categories_raw = raw.get("categories")
        if not isinstance(categories_raw, dict) or not categories_raw:
            raise self.fail(
                "categories", "at least one [categories.<id>] table with terms is required"
            )
        categories = tuple(
            self.category(kind, category_id, body) for category_id, body in categories_raw.items()
        )
        flags = {key: raw.get(key, True) for key in ("count_in_names", "count_after_determiner")}
        for key, value in flags.items():
            if not isinstance(value, bool):
                raise self.fail(key, f"{key} must be true or false")
        return Lexicon(
            name=strings["name"],
            kind=kind,
            version=strings["version"],
            description=strings["description"],
            source=strings["source"],
            licence=strings["licence"],
            categories=categories,
            origin=self.origin,
            count_in_names=flags["count_in_names"],
            count_after_determiner=flags["count_after_determiner"],
        )

    def category(self, kind: str, category_id: str, body: object) -> LexiconCategory:
        path = f"categories.{category_id}"
        if not _NAME.fullmatch(category_id):
            raise self.fail(path, f"category id {category_id!r} must match [a-z0-9_-]+")
        if not isinstance(body, dict):
            raise self.fail(path, f"{path} must be a table with label and terms")
        self.check_keys(path, body, _CATEGORY_KEYS)
        for key in ("label", "terms"):
            if key not in body:
                raise self.fail(path, f"{path} is missing required key {key!r}")
        label = self.string(f"{path}.label", body["label"])
        description = body.get("description", "")
        if not isinstance(description, str):
            raise self.fail(f"{path}.description", f"{path}.description must be a string")
        description = one_line(description)
        grade = self.grade(kind, path, body.get("grade"))
        exclude = self.patterns(f"{path}.exclude", body.get("exclude", []))
        terms = self.terms(f"{path}.terms", body["terms"])
        return LexiconCategory(
            id=category_id,
            label=label,
            description=description,
            terms=terms,
            exclude=tuple(sorted(set(exclude))),
            grade=grade,
        )

    def grade(self, kind: str, path: str, grade: object) -> str | None:
        if grade is None:
            return None
        allowed = GRADES.get(kind)
        if allowed is None:
            raise self.fail(
                f"{path}.grade", f"{path}.grade is only allowed in attribution and hedges lexicons"
            )
        if grade not in allowed:
            raise self.fail(
                f"{path}.grade", f"{path}.grade must be one of {', '.join(allowed)} for {kind}"
            )
        return str(grade)

    def terms(self, path: str, terms: object) -> tuple[LexiconTerm, ...]:
        wordings: dict[str, list[str]] = {}
        if isinstance(terms, list):
            for pattern in self.patterns(path, terms):
                wordings.setdefault(pattern.replace("*", ""), []).append(pattern)
        elif isinstance(terms, dict):
            for written, patterns in terms.items():
                label = one_line(written)
                if not label:
                    raise self.fail(path, f"{path} has an empty wording label")
                wordings[label] = self.patterns(f"{path}.{written}", patterns)
                if not wordings[label]:
                    raise self.fail(f"{path}.{written}", f"{path}.{label} has no patterns")
        else:
            raise self.fail(path, f"{path} must be a list of strings or a table of lists")
        if not wordings:
            raise self.fail(path, f"{path} is empty; give at least one pattern")
        seen: dict[str, str] = {}
        for label, patterns in wordings.items():
            for pattern in patterns:
                if seen.setdefault(pattern, label) != label:
                    raise self.fail(
                        path,
                        f"{path}: pattern {pattern!r} is listed under both "
                        f"{seen[pattern]!r} and {label!r}",
                    )
        return tuple(
            LexiconTerm(label=label, patterns=tuple(sorted(set(patterns))))
            for label, patterns in wordings.items()
        )

    def patterns(self, path: str, patterns: object) -> list[str]:
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise self.fail(path, f"{path} must be a list of strings or a table of lists")
        checked: list[str] = []
        for pattern in patterns:
            normal = " ".join(pattern.translate(_APOSTROPHES).lower().split())
            words = normal.split(" ")
            if not normal or not all(
                _PATTERN_WORD.fullmatch(word) or (word == NUMBER_WORD and n)
                for n, word in enumerate(words)
            ):
                raise self.fail(
                    path,
                    f"{path}: bad pattern {pattern!r}; use lower-case words, phrases, "
                    "'*' only at the end of a word (e.g. 'negotiat*'), and '#' (any number) "
                    "only after a pattern's first word",
                )
            if normal not in checked:
                checked.append(normal)
        return checked

    def check_keys(self, path: str, table: Mapping[str, object], allowed: Sequence[str]) -> None:
        for key in table:
            if key not in allowed:
                where = f"{path}.{key}" if path else key
                raise self.fail(
                    where,
                    f"unknown key {where!r}; allowed here: {', '.join(allowed)}",
                )

    def string(self, path: str, value: object) -> str:
        if not isinstance(value, str):
            raise self.fail(path, f"{path} must be a string")
        # shown in the terminal and every report, from a file that may come from anyone: one
        # clean line, escape sequences and bidi controls out (an adversarial review set the
        # window title through `lexicon show`)
        value = one_line(value)
        if not value:
            raise self.fail(path, f"{path} must not be empty")
        return value


def _key_lines(text: str) -> dict[str, int]:
    """First line (1-based) of each dotted key path defined in TOML text, found by scanning."""
    lines: dict[str, int] = {}
    table = ""
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.strip()
        header = re.fullmatch(r"\[\[?\s*([^\]]+?)\s*\]\]?(?:\s*#.*)?", line)
        if header is not None:
            table = _dotted(header.group(1))
            lines.setdefault(table, number)
            continue
        key = re.match(
            r"""((?:"[^"]*"|'[^']*'|[\w-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[\w-]+))*)\s*=""", line
        )
        if key is not None:
            path = _dotted(key.group(1))
            lines.setdefault(f"{table}.{path}" if table else path, number)
    return lines


def _dotted(key: str) -> str:
    parts = re.findall(r""""([^"]*)"|'([^']*)'|([\w-]+)""", key)
    return ".".join("".join(groups) for groups in parts)
