# Two commands: `make run` (set up and serve, with the background worker) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
MAIL ?= 0

.PHONY: run test test-fast install migrate demo lint format bench clean-var

# A development machine's settings live in .env (DJANGO_DEBUG=1, its own secret key, demo data when
# DATABASE_URL is unset), written by the first `make run`/`migrate`/`demo`/`bench`, never overwritten;
# manage.py reads it, so nothing needs exporting. The tests never read it (config/settings_test.py).
ENV_FILE := .env

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

$(ENV_FILE):
	$(PYTHON) scripts/dev_env.py $@

migrate: install $(ENV_FILE)
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo --if-empty

run: demo
	HOST=$(HOST) PORT=$(PORT) PY=$(PY) MAIL=$(MAIL) sh scripts/run.sh

# The whole suite, with the coverage table; fails under the floor (fail_under in .coveragerc).
test: install
	$(PY) -m pytest --cov --cov-report=term-missing:skip-covered

# Everything but the tests marked slow (browsers, the real worker, transactional tests), no coverage.
test-fast: install
	$(PY) -m pytest -m "not slow"

# Every benchmark, against a scratch PostgreSQL database (they add rows to it), e.g.
#   make bench DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench
bench: install $(ENV_FILE)
	@test -n "$(DATABASE_URL)" || { echo "set DATABASE_URL to a scratch PostgreSQL database"; exit 2; }
	$(PY) manage.py migrate --noinput
	$(PY) manage.py bench_numbering
	$(PY) manage.py bench_search
	$(PY) manage.py bench_printout
	$(PY) manage.py bench_supervision
	$(PY) manage.py bench_annual_report
	$(PY) manage.py bench_qa_synthesis
	$(PY) manage.py bench_pages

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean-var:
	rm -rf var/db.sqlite3* var/celery var/media var/test
