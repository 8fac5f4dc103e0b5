"""The report stage: render a Comparison as Markdown, JSON or HTML, and write it safely."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import stat
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from framecmp.errors import FramecmpError, OutputError
from framecmp.report.json_report import SCHEMA_VERSION

if TYPE_CHECKING:
    from framecmp.model import Comparison

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "json_schema",
    "render_report",
    "render_reports",
    "write_bytes_atomically",
    "write_report_atomically",
]

FORMATS = ("markdown", "json", "html")


def render_report(comparison: Comparison, fmt: str) -> str:
    """The comparison as a report in one of ``FORMATS``."""
    if fmt == "markdown":
        from framecmp.report.markdown import render_markdown

        return render_markdown(comparison)
    if fmt == "json":
        from framecmp.report.json_report import render_json

        return render_json(comparison)
    if fmt == "html":
        from framecmp.report.html import render_html

        return render_html(comparison)
    raise FramecmpError(f"unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}")


def render_reports(comparison: Comparison, formats: tuple[str, ...] = FORMATS) -> dict[str, str]:
    """The comparison in several formats at once; each report section is built only once."""
    from framecmp.report.view_model import shared_sections

    with shared_sections():
        return {fmt: render_report(comparison, fmt) for fmt in formats}


def write_report_atomically(path: Path, content: str) -> None:
    """Write UTF-8 ``content`` to ``path`` via a temporary file, so a reader never sees half."""
    # Encoded here, written as bytes: no newline translation, so the file is the same anywhere.
    write_bytes_atomically(path, content.encode("utf-8"))


def write_bytes_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` via a temporary file, so a reader never sees half."""
    write_reports_atomically([(path, content)])


def write_reports_atomically(outputs: Sequence[tuple[Path, bytes]]) -> None:
    """Write each file via a temporary file, and replace the old files only once every
    temporary file is written: a failed write leaves all of them as they were. An existing
    file keeps its permission bits; a target that is no regular file is refused."""
    temps: list[tuple[str, Path]] = []
    path = outputs[0][0] if outputs else Path()
    try:
        for path, content in outputs:
            check_replaceable(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            temp_name = str(path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
            # os.open with 0o666 lets the umask decide the mode of a new file, as for any file
            # the user writes; a replaced file keeps its own (a private report stays private)
            fd = os.open(temp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            temps.append((temp_name, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
            with contextlib.suppress(FileNotFoundError):
                os.chmod(temp_name, stat.S_IMODE(os.stat(path).st_mode))
        done: list[Path] = []
        for temp_name, path in temps:
            try:
                os.replace(temp_name, path)
            except OSError as err:
                if done:
                    reason = err.strerror or str(err)
                    written = ", ".join(map(str, done))
                    raise OutputError(
                        f"{path}: cannot write report: {reason}; already replaced: {written}"
                    ) from None
                raise
            done.append(path)
    except OSError as err:
        for temp_name, _ in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
        reason = err.strerror or str(err)
        raise OutputError(f"{path}: cannot write report: {reason}") from None
    finally:
        for temp_name, _ in temps:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def check_replaceable(path: Path) -> None:
    """Refuse a report path that exists and is no regular file: replacing a symbolic link, a
    pipe or a device (``/dev/stdout``) with a report file would break what it stands for."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return
    if stat.S_ISLNK(mode):
        raise OutputError(f"{path}: is a symbolic link; give the file it points to")
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a directory; give a file name")
    if not stat.S_ISREG(mode):
        raise OutputError(f"{path}: is not a regular file; for standard output leave out -o")


def json_schema() -> dict[str, object]:
    """The JSON Schema (draft 2020-12) that every JSON report validates against."""
    text = (files("framecmp.report") / "schema.json").read_text(encoding="utf-8")
    schema: dict[str, object] = json.loads(text)
    return schema
