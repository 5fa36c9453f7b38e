# PartnerScope set-up. Two commands do everything on a fresh machine:
#   make demo   install, build the demo partnership on SQLite, serve it on http://127.0.0.1:8000
#   make test   install, run the cheap gate, then the whole suite on SQLite and on PostgreSQL

SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
VENV := .venv
UV := $(VENV)/bin/uv
RUN := $(VENV)/bin
# The suite runs in one worker process per core, at most four (PYTEST_ARGS=-n0: one process).
PYTEST_ARGS ?= -n auto --maxprocesses=4

.PHONY: demo test install python frontend system gate test-sqlite test-postgres bench serve clean

# The demo and a local server run background tasks at once, so they need no worker.
demo: install
	$(RUN)/partnerscope demo
	PARTNERSCOPE_TASKS_BACKEND=immediate $(RUN)/partnerscope serve

serve: install
	PARTNERSCOPE_TASKS_BACKEND=immediate $(RUN)/partnerscope serve

install: python frontend

python: $(VENV)/.synced

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --quiet
	touch $@

frontend: frontend/build/partnerscope.css

frontend/node_modules/.package-lock.json: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error

frontend/build/partnerscope.css: frontend/node_modules/.package-lock.json $(wildcard frontend/scss/*.scss)
	cd frontend && npm run --silent build

system:
	bash scripts/system-packages.sh

gate: install
	$(RUN)/ruff format --check .
	$(RUN)/ruff check .
	$(RUN)/lint-imports
	$(RUN)/mypy
	$(RUN)/djhtml --check $$(git ls-files 'partnerscope/*.html')
	$(UV) lock --check --quiet
	PARTNERSCOPE_DATA_DIR=$$(mktemp -d) $(RUN)/python manage.py check --fail-level WARNING
	PARTNERSCOPE_DATA_DIR=$$(mktemp -d) $(RUN)/python manage.py makemigrations --check --dry-run

test: install system gate test-sqlite test-postgres

test-sqlite: install
	$(RUN)/pytest $(PYTEST_ARGS)

test-postgres: install
	bash scripts/with-postgres.sh $(RUN)/pytest $(PYTEST_ARGS)

bench: install
	$(RUN)/python bench/run.py

clean:
	rm -rf $(VENV) frontend/node_modules frontend/build var
