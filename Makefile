# The human interface of the series. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Re-install only when the lock or the package description changes.
STAMP  := $(VENV)/.installed-stamp

.PHONY: help setup lab test test-unit test-notebooks execute bench lint clean

help:
	@echo "make lab       open the notebooks in JupyterLab (sets up .venv first)"
	@echo "make test      unit tests of nnlib, then every notebook checked with nbval"
	@echo "make execute   re-run the notebooks in place to refresh their stored outputs"
	@echo "make bench     time nnlib against a hand-fused numpy loop"
	@echo "make lint      ruff over nnlib, tests, bench, tools and notebooks"
	@echo "make clean     remove .venv and caches"

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 10), "nnlib needs Python 3.10 or newer; this is " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

setup: $(STAMP)

lab: setup
	$(BIN)/jupyter lab notebooks/

test: test-unit test-notebooks

test-unit: setup
	$(BIN)/python -m pytest -W error -n 2 -q tests/

# Strict nbval: every stored output must come back the same. --dist loadscope keeps
# each notebook's cells on one worker, in order.
test-notebooks: setup
	$(BIN)/python -m pytest --nbval -n 2 --dist loadscope -q -p no:cacheprovider notebooks/

execute: setup
	$(BIN)/python tools/notebooks.py execute notebooks/*.ipynb

bench: setup
	$(BIN)/python bench/bench.py

lint: setup
	$(BIN)/ruff check nnlib tests bench tools notebooks
	@if [ -x $(BIN)/actionlint ]; then $(BIN)/actionlint .github/workflows/*.yml && echo "actionlint: workflows OK"; \
	else echo "actionlint has no build for this platform: workflows not linted"; fi

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis site build *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
