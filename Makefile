# One command per habit. The virtual environment is created on first use with only what the job needs:
# `make run` the runtime dependencies, `make test` adds pytest and hypothesis, `make lint` ruff and mypy.
# Setup says one line and keeps pip's output in $(VENV)/install.log (shown if it fails); each stamp
# is redone only when pyproject.toml changes, so a second `make run` starts at once.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
LOG := $(VENV)/install.log
SOURCES := bot tests benchmarks examples conftest.py

# $(call install,WHAT,EXTRAS): create the environment if needed and install dealbot with EXTRAS, quietly.
define install
	@echo "dealbot: installing $(1) into $(VENV) (once)..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --disable-pip-version-check -e '.$(2)' >$(LOG) 2>&1 \
		|| { cat $(LOG); echo "dealbot: setup failed (log: $(LOG))"; exit 1; }
endef

.PHONY: help run test lint format transcripts coverage bench fuzz check clean

help:  ## list the targets
	@awk -F':.*## ' '/^[a-z]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/.run: pyproject.toml
	$(call install,the runtime dependencies,)
	@touch $@

$(VENV)/.test: pyproject.toml
	$(call install,dealbot with its test tools,[test])
	@touch $@ $(VENV)/.run

$(VENV)/.dev: pyproject.toml
	$(call install,dealbot with its test and lint tools,[dev])
	@touch $@ $(VENV)/.test $(VENV)/.run

run: $(VENV)/.run  ## chat with the bot (installs the runtime dependencies only)
	@$(BIN)/dealbot

test: $(VENV)/.test  ## run every test, transcripts included
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev  ## ruff, formatting check, strict type check
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)
	$(BIN)/mypy

format: $(VENV)/.dev  ## reformat and fix what ruff can
	$(BIN)/ruff format $(SOURCES)
	$(BIN)/ruff check --fix $(SOURCES)

transcripts: $(VENV)/.test  ## re-record the expected answers of every transcript
	$(BIN)/python -m pytest -q transcripts --update-transcripts

coverage: $(VENV)/.run  ## facts and relations no transcript exercises
	$(BIN)/dealbot transcripts coverage

check: $(VENV)/.run  ## validate the bundled knowledge
	$(BIN)/dealbot check

bench: $(VENV)/.run  ## speed benchmarks
	$(BIN)/python benchmarks/run.py

fuzz: $(VENV)/.test  ## long fuzzing: any question text, and 300 random corruptions of the cache (CI runs short versions)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_robustness.py tests/test_cache.py -k property

clean:  ## remove the environment and caches
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
