PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed
BENCH_ARGS ?=

.PHONY: run test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	@$(BIN)/factcheck run seeds --out reports; code=$$?; \
	if [ $$code -gt 1 ]; then exit $$code; fi; \
	echo "Report written to reports/report.md (also reports/conflicts.json, reports/claims.csv)"

test: $(STAMP)
	$(BIN)/ruff check factcheck tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest $(if $(CI),--hypothesis-profile=ci,)

$(BENCH_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]' || echo "quantulum3/dateparser not installed: the baseline is skipped"
	touch $(BENCH_STAMP)

# BENCH_ARGS="--sizes 200,2000 --modes story" for a shorter run
bench: $(BENCH_STAMP)
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
