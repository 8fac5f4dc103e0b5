"""Shared fixtures: the real sample articles in data/."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"
BISHKEK = DATA / "bishkek-2025-11-27"


@pytest.fixture
def tass() -> Path:
    return BISHKEK / "tass.txt"


@pytest.fixture
def cgtn() -> Path:
    return BISHKEK / "cgtn.txt"


@pytest.fixture
def unknown_outlet() -> Path:
    return BISHKEK / "unknown-outlet.txt"


@pytest.fixture
def rt() -> Path:
    return DATA / "lavrov-roundtable-2025-12" / "rt.txt"


@pytest.fixture
def alaska() -> Path:
    return DATA / "alaska-2025-08-17" / "unknown-wire.txt"


@pytest.fixture
def bishkek_paths(tass: Path, cgtn: Path, unknown_outlet: Path) -> list[Path]:
    return [tass, cgtn, unknown_outlet]
