PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

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

bench: $(STAMP)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
