"""Untrusted text made printable: one line of metadata, newlines as "\\n", no control or
escape characters. Every stage that shows input text (loading, lexicons, reports) uses it."""

from __future__ import annotations

import re

__all__ = ["normalise_newlines", "one_line"]

# C0/C1 control characters (but tab and newline) and DEL, and the bidirectional embedding,
# override and isolate controls (U+202A-U+202E, U+2066-U+2069), which reorder how the rest of
# a line is displayed: text quoted in a report could show other words than it holds ("Trojan
# Source"; a user's review, 7 Dec). Other invisible format characters (zero-width space, BOM,
# the left-to-right and right-to-left marks) are kept as written; the tokeniser ignores them.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Terminal escape sequences (ECMA-48: CSI "ESC [ ... m" colours, OSC "ESC ] ... BEL" titles
# and links, two-character escapes) go whole: removing only ESC left "[31m" in the text, whose
# digits were then read as numbers of the lead.
_TERMINAL_ESCAPES = re.compile(
    "\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)|\x1b[@-Z\\\\-_]"
)


def one_line(text: str) -> str:
    """Metadata (an outlet, a title, a lexicon label) as one clean line: escape sequences and
    control characters out, whitespace runs as one space."""
    return " ".join(normalise_newlines(text).split())


def normalise_newlines(text: str) -> str:
    """Newlines as "\n", control characters out; every other character as written."""
    text = _TERMINAL_ESCAPES.sub("", text)
    return _CONTROL_CHARS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
