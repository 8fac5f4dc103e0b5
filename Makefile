# The two commands a new machine needs:  make demo  and  make test
VENV ?= .venv
PY := $(VENV)/bin/python
BISHKEK := data/bishkek-2025-11-27/tass.txt data/bishkek-2025-11-27/cgtn.txt data/bishkek-2025-11-27/unknown-outlet.txt

.PHONY: install demo test lint typecheck pytest eval bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

demo: install
	$(VENV)/bin/framecmp compare $(BISHKEK) --quiet --report-dir reports/
	$(VENV)/bin/framecmp compare data/bishkek-2025-11-27/tass.txt data/lavrov-roundtable-2025-12/rt.txt \
		data/alaska-2025-08-17/unknown-wire.txt --allow-different-events --quiet --report-dir reports/different-events/

lint: install
	$(VENV)/bin/ruff check framecmp tests benchmarks eval scripts
	$(VENV)/bin/ruff format --check framecmp tests benchmarks eval scripts
	$(VENV)/bin/lint-imports

typecheck: install
	$(VENV)/bin/mypy

pytest: install
	$(VENV)/bin/pytest

eval: install
	$(PY) eval/check.py

test: lint typecheck pytest eval

bench: install
	$(PY) benchmarks/startup.py
	$(PY) benchmarks/tfidf_identity.py
	$(PY) benchmarks/alignment.py ../shared/gold/bishkek-alignment.toml

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis
