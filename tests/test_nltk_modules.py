"""Tests for framecmp.text.nltk_modules: Punkt and Snowball without NLTK's package __init__.

Each test runs in a fresh interpreter: only there does ``sys.modules`` show what a run imports.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from samples import DATA, SAMPLES

BISHKEK = [str(DATA / SAMPLES[name]) for name in ("tass", "cgtn", "unknown")]


def _run(code: str) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


_COMPARE = f"""
import json, sys
import framecmp
comparison = framecmp.compare({BISHKEK!r})
report = framecmp.render(comparison, "json")
"""


def test_compare_loads_neither_nltk_package_nor_sklearn_nor_scipy() -> None:
    seen = _run(
        _COMPARE + "print(json.dumps({'modules': sorted(sys.modules),"
        " 'cosines': [pair.cosine for pair in comparison.similarity],"
        " 'sentences': [len(d.sentences) for d in comparison.documents]}))"
    )
    roots = {str(name).split(".")[0] for name in seen["modules"]}  # type: ignore[attr-defined]
    assert not roots & {"nltk", "sklearn", "scipy"}
    # The comparison really ran: sentences split, TF-IDF over stems computed.
    assert all(count > 10 for count in seen["sentences"])  # type: ignore[attr-defined]
    assert len(seen["cosines"]) == 3  # type: ignore[arg-type]
    assert all(0 < cosine < 1 for cosine in seen["cosines"])  # type: ignore[attr-defined]


def test_compare_makes_no_nltk_import_along_the_way(tmp_path: Path) -> None:
    # An import hook records every module imported during compare, even if removed afterwards.
    code = (
        "import sys, json\n"
        "seen = []\n"
        "class Spy:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        seen.append(name)\n"
        "sys.meta_path.insert(0, Spy())\n" + _COMPARE + "print(json.dumps(sorted(set(seen))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seen = set(json.loads(done.stdout.splitlines()[-1]))
    assert {"nltk.tokenize.punkt", "nltk.stem.snowball"} <= seen
    assert not {"nltk.collocations", "nltk.metrics", "nltk.classify", "nltk.corpus.reader"} & seen
    assert not {name.split(".")[0] for name in seen} & {"sklearn", "scipy"}


def test_user_importing_nltk_and_sklearn_after_compare_gets_complete_packages() -> None:
    code = _COMPARE + (
        "import nltk\n"
        "from nltk.stem.snowball import SnowballStemmer\n"
        "from nltk.tokenize.punkt import PunktSentenceTokenizer\n"
        "from sklearn.feature_extraction.text import TfidfVectorizer\n"
        "import sklearn\n"
        "matrix = TfidfVectorizer().fit_transform(['peace talks', 'talks stalled'])\n"
        "print(json.dumps({\n"
        "  'collocations': nltk.collocations.BigramCollocationFinder.__name__,\n"
        "  'freqdist': nltk.FreqDist('aab').most_common(1)[0][0],\n"
        "  'stem': SnowballStemmer('english').stem('negotiations'),\n"
        "  'punkt': PunktSentenceTokenizer().tokenize('It rained. We left.'),\n"
        "  'nltk_version': nltk.__version__,\n"
        "  'sklearn_shape': list(matrix.shape),\n"
        "  'sklearn_has_cluster': hasattr(__import__('sklearn.cluster'), 'cluster'),\n"
        "}))"
    )
    seen = _run(code)
    assert seen["collocations"] == "BigramCollocationFinder"
    assert seen["freqdist"] == "a"
    assert seen["stem"] == "negoti"
    assert seen["punkt"] == ["It rained.", "We left."]
    assert seen["nltk_version"]
    assert seen["sklearn_shape"] == [2, 3]
    assert seen["sklearn_has_cluster"] is True


def test_nltk_imported_first_is_used_as_is() -> None:
    code = (
        "import json, sys, nltk\n"
        "before = sys.modules['nltk']\n"
        "from framecmp.text.vocabulary import stem\n"
        "from framecmp.text.segment import segment\n"
        "texts = [s.text for s in segment('Mr. Smith arrived. He left.')]\n"
        "print(json.dumps({'same': sys.modules['nltk'] is before, 'stem': stem('talks'),\n"
        "                  'texts': texts}))"
    )
    seen = _run(code)
    assert seen == {"same": True, "stem": "talk", "texts": ["Mr. Smith arrived.", "He left."]}


def test_an_nltk_the_fast_path_cannot_load_falls_back_to_the_complete_package() -> None:
    # Without the placeholder attribute Snowball's `from nltk.corpus import stopwords` fails,
    # as it would with an NLTK release laid out differently.
    code = (
        "import json, sys\n"
        "from framecmp.text import nltk_modules\n"
        "nltk_modules._PLACEHOLDER_ATTRIBUTES = {}\n"
        "from framecmp.text.vocabulary import stem\n"
        "result = stem('negotiations')\n"
        "import nltk\n"
        "print(json.dumps({'stem': result, 'complete': hasattr(nltk, 'collocations')}))"
    )
    assert _run(code) == {"stem": "negoti", "complete": True}


def test_no_partial_nltk_is_left_after_a_failed_fast_load() -> None:
    code = (
        "import json, sys\n"
        "from framecmp.text import nltk_modules\n"
        "try:\n"
        "    nltk_modules._load_without_inits('nltk.no_such_module')\n"
        "except ImportError:\n"
        "    pass\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'nltk')))"
    )
    assert _run(code) == []  # type: ignore[comparison-overlap]


def test_with_other_threads_running_nltk_is_imported_the_ordinary_way() -> None:
    # Another thread could see the placeholders, so none are made: the complete package is used.
    code = (
        "import json, sys, threading\n"
        "stop = threading.Event()\n"
        "worker = threading.Thread(target=stop.wait)\n"
        "worker.start()\n"
        "from framecmp.text.vocabulary import stem\n"
        "result = stem('negotiations')\n"
        "stop.set()\n"
        "print(json.dumps({'stem': result, 'complete': 'nltk.collocations' in sys.modules}))"
    )
    assert _run(code) == {"stem": "negoti", "complete": True}


def test_cli_compare_imports_no_nltk_package_sklearn_or_scipy() -> None:
    code = (
        "import json, runpy, sys\n"
        "seen = []\n"
        "class Spy:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        seen.append(name)\n"
        "sys.meta_path.insert(0, Spy())\n"
        f"sys.argv = ['framecmp', 'compare', *{BISHKEK!r}, '--format', 'json']\n"
        "try:\n"
        "    runpy.run_module('framecmp', run_name='__main__')\n"
        "except SystemExit as exit:\n"
        "    code = exit.code\n"
        "print()\n"
        "print(json.dumps({'exit': code, 'seen': sorted(set(seen))}))"
    )
    result = _run(code)
    seen = set(result["seen"])  # type: ignore[call-overload]
    assert result["exit"] == 0
    assert "nltk.tokenize.punkt" in seen
    assert not {"nltk.collocations", "nltk.classify"} & seen
    assert not {name.split(".")[0] for name in seen} & {"sklearn", "scipy"}
