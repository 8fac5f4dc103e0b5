"""framecmp: compare how news outlets frame the same event.

The public API lives in ``framecmp.api`` and is re-exported here lazily, so that
``import framecmp`` (and ``framecmp --help``) stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# The library's NullHandler is added in framecmp.api, which every library call goes through:
# importing logging here would cost `framecmp --help` a tenth of its time.

__all__ = [
    "DEFAULT_LEXICONS",
    "DEFAULT_MIN_SCORE",
    "check_lexicon",
    "compare",
    "compare_documents",
    "list_lexicons",
    "load_articles",
    "load_inputs",
    "prepare_documents",
    "render",
    "show_lexicon",
    "write_plots",
    "write_report",
    "write_report_dir",
]

if TYPE_CHECKING:
    from framecmp.api import (
        DEFAULT_LEXICONS,
        DEFAULT_MIN_SCORE,
        check_lexicon,
        compare,
        compare_documents,
        list_lexicons,
        load_articles,
        load_inputs,
        prepare_documents,
        render,
        show_lexicon,
        write_plots,
        write_report,
        write_report_dir,
    )


# Modules a caller names through the package (``framecmp.model.SentenceRef``), imported when
# first named.
_MODULES = frozenset({"api", "errors", "model"})


def __getattr__(name: str) -> Any:
    if name in __all__:
        from framecmp import api

        return getattr(api, name)
    if name in _MODULES:
        import importlib

        return importlib.import_module(f"framecmp.{name}")
    raise AttributeError(f"module 'framecmp' has no attribute {name!r}")
