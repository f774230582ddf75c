# Every target installs what it needs into .venv first, so each works on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
PORT ?= 8000
SPEC ?=
BASE_URL ?=
LINT_PATHS := src tools tests contract_tests benchmarks examples
# Python may cache bytecode here (__pycache__/ is ignored by git): with PYTHONDONTWRITEBYTECODE set, as some images
# do, pytest rewrites the asserts of every plugin's package (Schemathesis, Hypothesis) again in each process, about
# 1.3 s of every pytest start, three times over in a contract run spread over two workers.
unexport PYTHONDONTWRITEBYTECODE
CONTRACT_MAX_EXAMPLES ?=
# The contract suites run on every core (pytest-xdist, at most 4 processes; each worker has its own in-process
# sandbox and the controller merges their results into one summary). CONTRACT_WORKERS=0 runs them in this process,
# the default against a URL given with BASE_URL: a live API gets one run, which makes one call at a time.
CONTRACT_WORKERS ?= $(if $(strip $(BASE_URL)),0,auto)
CONTRACT_XDIST := -n $(CONTRACT_WORKERS) --maxprocesses 4
CONTRACT_PATHS ?= contract_tests
CONTRACT_PYTEST := $(PY) -m pytest $(CONTRACT_PATHS) -q $(CONTRACT_XDIST) --junitxml contract_tests/reports/junit.xml
# The provider contract through a URL, against `python -m vonage_voice_sandbox` (what `make sandbox` serves) on a free
# loopback port, started and stopped around the run.
CONTRACT_SERVED := $(PY) -m contract_tests.served contract_tests/test_provider.py -q $(CONTRACT_XDIST) \
	--junitxml contract_tests/reports/junit-served.xml

.PHONY: install generate check-generated lint format docs test unit demo sandbox contract contract-served bench update-spec clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

generate: $(STAMP)
	$(PY) -m tools.generate

check-generated: $(STAMP)
	$(PY) -m tools.generate --check

lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/mypy --strict $(LINT_PATHS)
	cd generated && ../$(BIN)/mypy --strict vonage_voice_api
	$(BIN)/lint-imports
	$(PY) -m tools.api_reference

# The API reference (pdoc) in build/api/: open build/api/index.html. Any pdoc warning fails it, and so `make lint`.
docs: $(STAMP)
	$(PY) -m tools.api_reference

# Fixes first (imports sorted, pyupgrade...), then the layout `make lint` checks.
format: $(STAMP)
	$(BIN)/ruff check --fix $(LINT_PATHS)
	$(BIN)/ruff format $(LINT_PATHS)

test: lint check-generated
	$(PY) -m pytest -q
	CONTRACT_PROFILE=short CONTRACT_BASE_URL= $(CONTRACT_PYTEST)
	CONTRACT_PROFILE=short CONTRACT_MAX_EXAMPLES= $(CONTRACT_SERVED)

# The unit tests alone (tests/ and examples/): no lint, no contract runs.
unit: $(STAMP)
	$(PY) -m pytest -q

contract: $(STAMP)
	CONTRACT_PROFILE=long CONTRACT_MAX_EXAMPLES="$(CONTRACT_MAX_EXAMPLES)" CONTRACT_BASE_URL="$(BASE_URL)" $(CONTRACT_PYTEST)

contract-served: $(STAMP)
	CONTRACT_PROFILE=long CONTRACT_MAX_EXAMPLES="$(CONTRACT_MAX_EXAMPLES)" $(CONTRACT_SERVED)

demo: $(STAMP)
	$(PY) examples/demo.py

sandbox: $(STAMP)
	$(PY) -m vonage_voice_sandbox --host 127.0.0.1 --port $(PORT)

bench: $(STAMP)
	$(PY) -m benchmarks.run

update-spec: $(STAMP)
	@test -n "$(SPEC)" || (echo "usage: make update-spec SPEC=path/to/voice-v1.yaml|json" >&2; exit 2)
	$(PY) -m tools.update_spec $(SPEC)

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build dist
