# Two commands set everything up on a fresh machine:
#   make run   - virtualenv, install, migrate, demo newsroom, serve on :8000
#                with a background-job worker beside the server
#   make test  - the whole test suite (SQLite, or PostgreSQL via DATABASE_URL)

VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format bench backup restore clean

# Django 6 needs Python 3.12+. Try the usual names, then pyenv's builds (its
# shims exist but fail unless that version is selected, so run each one).
$(PY):
	@py=""; \
	for c in python3.13 python3.12 python3 \
	    $$(ls -d "$${PYENV_ROOT:-$$HOME/.pyenv}"/versions/3.*/bin/python3 2>/dev/null | sort -rV); do \
	  if "$$c" -c 'import sys, venv; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
	    py="$$c"; break; \
	  fi; \
	done; \
	if [ -z "$$py" ]; then \
	  echo "Python 3.12 or newer (with venv) is required: install python3.12 (apt install python3.12 python3.12-venv, or pyenv install 3.12) and run make again." >&2; \
	  exit 1; \
	fi; \
	echo "Creating $(VENV) with $$py ($$("$$py" -V))"; \
	"$$py" -m venv $(VENV)

$(VENV)/.installed: $(PY) requirements.txt
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

run: export DEBUG ?= 1
run: $(VENV)/.installed
	$(PY) manage.py migrate --no-input
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) manage.py load_demo
	@echo "Serving http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/, accounts in README.md)"
	@# The background-job worker (email) runs beside the server and stops with it.
	@$(PY) manage.py db_worker --interval 2 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# One archive of the database and the media; restore into an empty instance.
backup: $(VENV)/.installed
	$(PY) manage.py backup $(ARCHIVE)

restore: $(VENV)/.installed
	@[ -n "$(ARCHIVE)" ] || { echo "Name the archive: make restore ARCHIVE=backups/newsroom-....tar.gz" >&2; exit 2; }
	$(PY) manage.py restore $(ARCHIVE)

bench: $(VENV)/.installed-dev
	bench/run.sh $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var staticfiles tests/artifacts
