"""Bundled ``key<TAB>value`` tables kept as sorted text rows and searched by binary search.

A compare looks up a few hundred keys of tables with tens of thousands of rows: building a
dict of every row cost more start-up time than the lookups (issue 11).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


def header_end(text: str) -> int:
    """Where the leading ``#`` comment lines of a table end."""
    at = 0
    while text.startswith("#", at) and (end := text.find("\n", at)) >= 0:
        at = end + 1
    return at


def value_of(rows: Sequence[str], key: str) -> str | None:
    """The value of ``key`` in ``key<TAB>value`` rows sorted by key, or None."""
    prefix = key + "\t"
    at = bisect_left(rows, prefix)
    if at < len(rows) and rows[at].startswith(prefix):
        return rows[at][len(prefix) :]
    return None
