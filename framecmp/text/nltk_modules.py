"""Import single NLTK modules (Punkt, Snowball) without running NLTK's package ``__init__``.

``import nltk`` runs ``nltk/__init__.py``, which imports most of NLTK, SciPy (through
``nltk.collocations``) and scikit-learn (through ``nltk.classify.scikitlearn``): about 2.6 s of
CPU before any work, for the two modules framecmp uses, which need a dozen small NLTK modules
(0.1 s).

``load`` imports a module with placeholder package modules for ``nltk`` and the subpackages
whose ``__init__`` would pull in the rest (``_SKIPPED_INITS``: each is the package as found on
disk, created without running its ``__init__``), and removes every ``nltk`` entry of
``sys.modules`` before returning. A program that imports ``nltk`` afterwards gets the real,
complete package; framecmp keeps private copies of the modules it loaded. Because another
thread could see the placeholders while they are in ``sys.modules``, this is done only while
the program runs a single thread; otherwise, and when ``nltk`` is already imported, the
ordinary import is used. It is also used, slow but complete, if an NLTK release needs more
than the placeholders give; ``tests/test_nltk_modules.py`` checks that the installed NLTK
takes the fast path.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import logging
import sys
import threading
from types import ModuleType

_log = logging.getLogger(__name__)

# Packages whose __init__ imports far more than Punkt and Snowball use.
_SKIPPED_INITS = ("nltk", "nltk.tokenize", "nltk.stem", "nltk.corpus")
# nltk/stem/snowball.py does `from nltk.corpus import stopwords` and reads it only when a
# stemmer is built with ignore_stopwords=True, which framecmp never does.
_PLACEHOLDER_ATTRIBUTES = {"nltk.corpus": {"stopwords": None}}


def load(name: str) -> ModuleType:
    """The NLTK module ``name`` (e.g. ``"nltk.tokenize.punkt"``), loaded as lightly as possible."""
    if "nltk" in sys.modules or threading.active_count() > 1:
        return importlib.import_module(name)
    try:
        return _load_without_inits(name)
    except (ImportError, AttributeError) as err:
        _log.debug("loading %s without nltk's __init__ failed (%s); importing nltk", name, err)
        return importlib.import_module(name)


def _load_without_inits(name: str) -> ModuleType:
    try:
        for package in _SKIPPED_INITS:
            sys.modules[package] = _placeholder(package)
        return importlib.import_module(name)
    finally:
        for loaded in [m for m in sys.modules if m == "nltk" or m.startswith("nltk.")]:
            del sys.modules[loaded]


def _placeholder(package: str) -> ModuleType:
    """``package`` as found on disk, its ``__init__`` not run."""
    parent, _, _ = package.rpartition(".")
    path = sys.modules[parent].__path__ if parent else None
    spec = importlib.machinery.PathFinder.find_spec(package, path)
    if spec is None or spec.submodule_search_locations is None:
        raise ImportError(f"no package {package}", name=package)
    module = importlib.util.module_from_spec(spec)
    for attribute, value in _PLACEHOLDER_ATTRIBUTES.get(package, {}).items():
        setattr(module, attribute, value)
    return module
