# Front door of the project: `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/sh

PYTHON ?= python3
# The engine that builds and serves the site: mkdocs (1.x, the default) or properdocs, its
# maintained fork (README, "Engines").
ENGINE ?= mkdocs
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# Pins apply to build environments too (setuptools for the editable install).
export PIP_CONSTRAINT := $(CURDIR)/constraints.txt
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Material prints a banner about MkDocs 2 on every run; the README explains the plan instead.
export NO_MKDOCS_2_WARNING := 1

.PHONY: help build test test-fast fuzz validate translations translations-reviewed serve new-edition changes schema lint pre-commit bench format lock clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml constraints.txt scripts/ensure-venv.sh
	@test -x $(BIN)/python || scripts/ensure-venv.sh $(PYTHON) $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $@

build: $(STAMP) ## Build the site into site/ (the previous site/ stays if the build fails; ENGINE=properdocs)
	$(BIN)/wsis-site build --engine $(ENGINE) --config mkdocs.yml --site-dir site

NODE_TOOLS := tests/js/node_modules/.installed-stamp

$(NODE_TOOLS): tests/js/package.json tests/js/package-lock.json scripts/ensure-node.sh
	scripts/ensure-node.sh
	npm ci --prefix tests/js --no-audit --no-fund --silent
	@touch $@

# Both cores. Without the browser, a test file per worker at a time (their module fixtures build
# sites); the browser tests in a run of their own, since their servers' threads would stop a build
# in the same worker from forking (`build.background`), each test to whichever worker is free.
# The sites both runs need are built once, in a folder they share (`tests/conftest.py`).
PYTEST_FAST := $(BIN)/python -m pytest --numprocesses 2 --dist loadfile -m "not browser"
PYTEST_BROWSER := $(BIN)/python -m pytest --numprocesses 2 --dist worksteal -m browser

test: lint $(NODE_TOOLS) ## Run the linters and every test, browser checks included
	scripts/ensure-chromium.sh
	scripts/ensure-libical.sh
	scripts/ensure-fonts.sh
	sites=$$(mktemp -d) && trap 'rm -rf "$$sites"' EXIT && export WSIS_TEST_SITES="$$sites" && \
	$(PYTEST_FAST) && $(PYTEST_BROWSER)

test-fast: lint $(NODE_TOOLS) ## Every test but the browser's, for the edit-test loop
	scripts/ensure-libical.sh
	$(PYTEST_FAST)

fuzz: $(STAMP) ## Feed the loader thousands of hostile files, the HTML rewriters random pages
	$(BIN)/python -m pytest tests/test_fuzz.py tests/test_rewriting_properties.py --hypothesis-profile=fuzz -q

validate: $(STAMP) ## Check data/ and report every error with file:line:column
	$(BIN)/wsis-site validate --data data

translations: $(STAMP) ## Each language's completeness, and every stale translation with file:line
	$(BIN)/wsis-site translations --data data

translations-reviewed: $(STAMP) ## Mark translations up to date after updating them: LANGUAGES="fr ru" (default: all)
	$(BIN)/wsis-site translations --data data --reviewed $(LANGUAGES)

serve: $(STAMP) ## Preview at http://127.0.0.1:8000, rebuilding on any change (ONLY=en: one language)
	$(if $(ONLY),WSIS_PREVIEW_LANGUAGE=$(ONLY)) $(BIN)/$(ENGINE) serve -f mkdocs.yml --dev-addr 127.0.0.1:8000 --watch src

new-edition: $(STAMP) ## Add a skeleton edition to data/events.yaml: make new-edition YEAR=2027
	@test -n "$(YEAR)" || { echo "usage: make new-edition YEAR=2027" >&2; exit 2; }
	$(BIN)/wsis-site new-edition --data data $(YEAR)

schema: $(STAMP) ## Regenerate the JSON Schemas in schema/ from the models
	$(BIN)/wsis-site schema --data data --out schema

lint: $(STAMP) ## ruff, mypy and yamllint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/yamllint --strict data mkdocs.yml

pre-commit: $(STAMP) ## Run the data, YAML, ruff and mypy checks before each commit
	$(BIN)/pre-commit install

changes: $(STAMP) ## What your branch changes for the public: make changes BASE=origin/main
	$(BIN)/wsis-site changes --data data $(or $(BASE),origin/main) HEAD

BENCH_TOOLS := benchmarks/js/node_modules/.installed-stamp

$(BENCH_TOOLS): benchmarks/js/package.json benchmarks/js/package-lock.json scripts/ensure-node.sh
	scripts/ensure-node.sh
	npm ci --prefix benchmarks/js --no-audit --no-fund --silent
	@touch $@

bench: $(STAMP) $(NODE_TOOLS) $(BENCH_TOOLS) ## Measure build overhead, scaling, feeds, live editing, page weight, Lighthouse (BENCH_QUICK=1: short)
	scripts/ensure-chromium.sh
	$(BIN)/python -m benchmarks.run

format: $(STAMP) ## Format the Python code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: ## Re-resolve the newest allowed versions into constraints.txt
	rm -rf .venv-lock && scripts/ensure-venv.sh $(PYTHON) .venv-lock
	PIP_CONSTRAINT= .venv-lock/bin/python -m pip install --quiet -e '.[dev]' setuptools
	{ sed -n '1,2p' constraints.txt; .venv-lock/bin/python -m pip freeze --exclude-editable | sort -f; } > constraints.new
	mv constraints.new constraints.txt && rm -rf .venv-lock

clean: ## Remove the virtual environment, the built site and caches
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
