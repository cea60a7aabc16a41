# Kizuna: two commands on a fresh machine.
#   make run    creates .venv, installs everything, builds sources/ into build/
#   make test   same set-up, then the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test test-fast lint bench chromium clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/kg build sources -o build

chromium:
	bash tools/install_chromium.sh

test: install chromium
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not slow"

lint: install
	$(BIN)/ruff check kg tests bench tools

bench: install
	$(BIN)/python bench/bench_build.py

clean:
	rm -rf build .kg-cache .pytest_cache
