# One command per habit. The virtual environment is created on first use.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format transcripts coverage bench fuzz check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## chat with the bot
	$(BIN)/dealbot

test: $(STAMP)  ## run every test, transcripts included
	$(BIN)/python -m pytest -q

lint: $(STAMP)  ## ruff, formatting check, strict type check
	$(BIN)/ruff check bot tests benchmarks conftest.py
	$(BIN)/ruff format --check bot tests benchmarks conftest.py
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format bot tests benchmarks conftest.py
	$(BIN)/ruff check --fix bot tests benchmarks conftest.py

transcripts: $(STAMP)  ## re-record the expected answers of every transcript
	$(BIN)/python -m pytest -q transcripts --update-transcripts

coverage: $(STAMP)  ## facts and intents no transcript exercises
	$(BIN)/dealbot transcripts coverage

check: $(STAMP)  ## validate the bundled knowledge
	$(BIN)/dealbot check

bench: $(STAMP)  ## speed benchmarks
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis

fuzz: $(STAMP)  ## long fuzzing: any question text, and 300 random corruptions of the cache (CI runs short versions)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/test_robustness.py tests/test_cache.py -k property
