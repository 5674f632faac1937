# `make run` and `make test` set everything up on a fresh machine with Python 3.11+.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SOURCES := $(wildcard seeds/*) $(shell find extract -name '*.py' -o -name '*.toml')

.PHONY: run test lint bench eval clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

data/events.json: $(SOURCES) | $(VENV)/.installed
	$(PY) -m extract build seeds --manifest seeds/manifest.csv --out data

run: data/events.json
	$(PY) -m streamlit run dashboard/app.py

test: $(VENV)/.installed
	$(PY) -m ruff check .
	$(PY) -m pytest

eval: $(VENV)/.installed
	$(PY) -m extract eval --baseline

bench: $(VENV)/.installed
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
