# The two commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Workers for the first run (pytest-xdist; each has its own test database). The second run is one process.
TEST_WORKERS ?= 2

.PHONY: demo test bench lint format messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# A stamp per requirements file: the virtualenv is updated when the pins change.
$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $@

## demo: set up the embedded default (SQLite, local media) and serve the demo shop on http://$(HOST):$(PORT)/
## The demo keeps its own random SECRET_KEY in var/ (settings refuse to start without one when DEBUG is off).
DEMO_KEY := var/demo-secret-key
$(DEMO_KEY): | $(BIN)/python
	mkdir -p var
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

demo: $(VENV)/.runtime-installed $(DEMO_KEY)
	export SECRET_KEY="$${SECRET_KEY:-$$(cat $(DEMO_KEY))}" && \
	$(BIN)/python manage.py migrate --noinput && \
	$(BIN)/python manage.py collectstatic --noinput -v0 && \
	$(BIN)/python manage.py load_demo && \
	SERVE_MEDIA=true $(BIN)/python manage.py runserver $(HOST):$(PORT)

## test: the whole suite (SQLite by default; PostgreSQL when DATABASE_URL is set)
## Two runs: the tests inside a rolled-back transaction (in TEST_WORKERS parallel processes, whole files
## per worker), then those in real transactions (browser, concurrency) in one fresh process, so that no
## connection state of another test reaches the live server's threads (on SQLite they share one connection).
## (Exit code 5, "no tests collected", is fine when PYTEST_ARGS selects tests of one kind only.)
test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest -m "not transactional" -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS) || [ $$? -eq 5 ]
	$(BIN)/python -m pytest -m transactional $(PYTEST_ARGS) || [ $$? -eq 5 ]

## bench: the load benchmark (production settings: gunicorn, DEBUG off; locust) at 1k, 10k and 100k products.
## Uses DATABASE_URL and REDIS_URL when set; BENCH_ARGS="--products 1000 --duration 30" for a quick run.
BENCH_ARGS ?=
bench: $(VENV)/.dev-installed
	$(BIN)/python tests/benchmarks/load.py $(BENCH_ARGS)

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## messages: refresh the Persian catalogue (needs GNU gettext); commit both .po and .mo
messages: $(VENV)/.dev-installed
	$(BIN)/python manage.py makemessages -l fa --no-obsolete --ignore=.venv --ignore=var --ignore=tests
	$(BIN)/python manage.py makemessages -l fa -d djangojs --no-obsolete --ignore=.venv --ignore=var --ignore=tests
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf var db.sqlite3 test-artifacts .pytest_cache
