# The human interface of the series. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Re-install only when the lock or the package description changes.
STAMP  := $(VENV)/.installed-stamp

COLAB_VENV  := .venv-colab
COLAB_STAMP := $(COLAB_VENV)/.installed-stamp

# One BLAS thread per process: the tests run two workers on two cores, and OpenBLAS threads on top of
# them only fight over the cores (matrix products up to 14 times slower on a busy machine). The
# networks here are small; one thread is also what make bench measures.
export OPENBLAS_NUM_THREADS ?= 1

# MathJax, lunr.js (search) and the widget manager (the playground's page) for the website, from npm:
# the site must work offline, so nothing comes from a CDN.
NPM_PACKAGES := mathjax@3.2.2 lunr@2.3.9 @jupyter-widgets/html-manager@1.0.15 reveal.js@4.6.0
NPM_STAMP    := build/npm/.installed-stamp

.PHONY: help setup lab test test-unit test-notebooks test-cpu test-colab test-browser html slides img execute bench lint clean

help:
	@echo "make lab       open the notebooks in JupyterLab (sets up .venv first)"
	@echo "make test      unit tests of nnlib, then every notebook checked with nbval"
	@echo "make test-cpu  the notebooks again (strict) on numpy's SSE code paths: outputs must not depend on the CPU"
	@echo "make test-colab  every notebook (nbval, lax) with Colab's versions and nnlib installed as a user would"
	@echo "make html      the series as a static course website in site/ (pages, search, slides)"
	@echo "make slides    each chapter as reveal.js slides for live teaching, in site/"
	@echo "make test-browser  the website in headless Chromium: no JavaScript error, figures drawn, animation plays"
	@echo "make img       redraw the diagrams in img/, and nnlib's layers from its imports (README)"
	@echo "make execute   re-run the notebooks in place to refresh their stored outputs"
	@echo "make bench     time nnlib against the leanest numpy loop, and the playground's redraws"
	@echo "make lint      ruff over nnlib, tests, bench, tools and notebooks; nnlib's layers (import-linter)"
	@echo "make clean     remove .venv and caches"

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 10), "nnlib needs Python 3.10 or newer; this is " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

# JupyterLab's defaults for this environment: code cells wrap long lines, so at 800 px (a laptop
# split in two, a projector) no line of code hides behind a sideways scroll. Your own settings win.
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json
$(LAB_OVERRIDES): tools/lab-overrides.json $(STAMP)
	mkdir -p $(@D)
	cp $< $@

setup: $(STAMP) $(LAB_OVERRIDES)

# Jupyter refuses to run as root unless told; containers and CI machines often are root.
lab: setup
	$(BIN)/jupyter lab notebooks/ $$([ "$$(id -u)" = 0 ] && echo --allow-root)

test: test-unit test-notebooks

test-unit: setup
	$(BIN)/python -m pytest -W error -n 2 -q --ignore=tests/browser tests/

# Strict nbval: every stored output must come back the same. --dist loadscope keeps
# each notebook's cells on one worker, in order.
NBVAL_STRICT := $(BIN)/python -m pytest --nbval -n 2 --dist loadscope -q -p no:cacheprovider notebooks/

test-notebooks: setup
	$(NBVAL_STRICT)

# The stored outputs were made on one CPU and are compared on another. numpy picks
# SIMD kernels (SSE, AVX2, AVX-512) by CPU and they round differently in the last
# bits, so a printed number that depends on those bits passes here and fails on CI.
# This runs the strict check again with numpy and OpenBLAS held to older kernels.
test-cpu: setup
	NPY_DISABLE_CPU_FEATURES="X86_V3 X86_V4 AVX512_ICL AVX512_SPR" OPENBLAS_CORETYPE=Sandybridge $(NBVAL_STRICT)

# A second environment with Colab's versions (requirements-colab.txt). nnlib is
# installed from a fresh non-editable copy of the working tree, its dependencies
# resolved against those versions, so the lower bounds in pyproject.toml are
# tested too. Lax mode: outputs may differ from the stored ones, errors may not.
$(COLAB_STAMP): requirements-colab.txt pyproject.toml
	$(PYTHON) -m venv $(COLAB_VENV)
	$(COLAB_VENV)/bin/python -m pip install --quiet -r requirements-colab.txt
	@touch $@

test-colab: $(COLAB_STAMP)
	$(COLAB_VENV)/bin/python -m pip install --quiet -c requirements-colab.txt ".[notebooks]"
	$(COLAB_VENV)/bin/python -m pip install --quiet --force-reinstall --no-deps .
	$(COLAB_VENV)/bin/python -m pip check
	cd notebooks && ../$(COLAB_VENV)/bin/python -m pytest --nbval-lax -q -p no:cacheprovider -n 2 --dist loadscope .

$(NPM_STAMP): Makefile
	@command -v npm >/dev/null || { echo "make html needs npm (Node.js) to fetch $(NPM_PACKAGES) from the npm registry"; exit 1; }
	npm install --prefix build/npm --no-audit --no-fund --silent $(NPM_PACKAGES)
	@touch $@

html: setup $(NPM_STAMP)
	$(BIN)/python tools/website.py site
	$(BIN)/python tools/slides.py site

# Each chapter as reveal.js slides beside its page (site/NN_name.slides.html); make html makes them too.
slides: setup $(NPM_STAMP)
	$(BIN)/python tools/website.py site --assets-only
	$(BIN)/python tools/slides.py site

# Needs Chromium (Debian: apt-get install chromium); Playwright drives it, no browser download.
test-browser: html
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/browser

img: setup
	$(BIN)/python img/draw.py
	$(BIN)/python img/layers.py

execute: setup
	$(BIN)/python tools/notebooks.py execute notebooks/*.ipynb

bench: setup
	$(BIN)/python bench/bench.py

lint: setup
	$(BIN)/ruff check nnlib tests bench tools img notebooks
	$(BIN)/lint-imports --no-cache
	@if [ -x $(BIN)/actionlint ]; then $(BIN)/actionlint .github/workflows/*.yml && echo "actionlint: workflows OK"; \
	else echo "actionlint has no build for this platform: workflows not linted"; fi

clean:
	rm -rf $(VENV) $(COLAB_VENV) build .pytest_cache .ruff_cache .hypothesis site build *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
