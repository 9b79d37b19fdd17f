# The two commands: `make demo` and `make test`. Both create .venv and install what they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE_WORKSPACE := data/sample-workspace

.PHONY: demo test lint lab bench sample install browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip uv

# Re-install when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(BIN)/python -m netanalytics.demo --workspace $(SAMPLE_WORKSPACE) --charts data/demo-charts

lint: install
	$(BIN)/ruff check netanalytics tests benchmarks scripts

# The notebook browser tests drive Debian's Chromium (never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests (needs root)..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: install lint browser
	$(BIN)/python -m pytest

lab: install
	$(BIN)/python -m netanalytics.demo --workspace $(SAMPLE_WORKSPACE) --quiet --if-missing
	NETANALYTICS_WORKSPACE=$(abspath $(SAMPLE_WORKSPACE)) $(BIN)/jupyter lab --ip=127.0.0.1 \
	  --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

bench: install
	$(BIN)/python -m benchmarks

sample: install
	$(BIN)/python scripts/make_sample.py --out data/sample

clean:
	rm -rf $(SAMPLE_WORKSPACE) data/demo-charts .pytest_cache .ruff_cache
