# `make play` and `make test` are the whole set-up on a fresh machine with Python 3.11+ and make.
# `make test` runs the linters and the fast tier of the tests (those not marked slow);
# `make test TIER=all` (or `make test-all`) runs every test, as CI does.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
TIER ?= fast
PYTEST_fast := -m "not slow"
PYTEST_all :=

.PHONY: play test test-all lint extras bench check-wheel clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files re-install only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# The research and cluster extras (PettingZoo, Gymnasium, NumPy; Ray) beside the dev tools, so that
# their tests run rather than skip. CI installs them; playing never needs them.
$(VENV)/.installed-extras: pyproject.toml $(VENV)/.installed-dev
	$(BIN)/python -m pip install --quiet -e '.[dev,research,cluster]'
	touch $@

extras: $(VENV)/.installed-extras

play: $(VENV)/.installed
	$(BIN)/python -m game play

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check game tests
	$(BIN)/mypy game

test: lint
	$(if $(filter $(TIER),fast all),,$(error TIER is fast or all, not '$(TIER)'))
	$(BIN)/python -m pytest $(PYTEST_$(TIER))

test-all:
	$(MAKE) test TIER=all

bench: $(VENV)/.installed
	$(BIN)/python -m game bench

# The built wheel, installed in a fresh venv and run from another folder (CI runs it too).
check-wheel:
	.ci/check-wheel

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build dist
