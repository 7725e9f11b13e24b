# kzai: `make run` to use it, `make test` to check it. `make help` lists every target.
# Targets are idempotent: pip runs only when a requirements file changed since the last
# install (stamp files in the virtualenv), migrations and load_kb only apply what's new.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
RUNSERVER_ADDR ?= 127.0.0.1:8000
PYTEST_ARGS ?=
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check

RUNTIME_STAMP := $(VENV)/.kzai-runtime.stamp
DEV_STAMP := $(VENV)/.kzai-dev.stamp

# Debian packages the PDF tests need: WeasyPrint loads Pango, DejaVu has the Kazakh letters.
# libharfbuzz-subset0 is recommended, not needed: without it fonts are subset with fontTools
# (slower), and the PDFs are reproducible either way (docs/reports.md, "Fonts").
PDF_DEBIAN_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
PDF_DEBIAN_RECOMMENDED := libharfbuzz-subset0

.DEFAULT_GOAL := help
.PHONY: help run install install-dev migrate load-kb test e2e lint clean distclean system-packages

help:
	@echo "make run        set up .venv, migrate, load the knowledge base, cases and demo users, serve on http://$(RUNSERVER_ADDR)/"
	@echo "make test       the whole test suite (PYTEST_ARGS='-k ...' to narrow it)"
	@echo "make e2e        only the browser tests (Playwright + /usr/bin/chromium)"
	@echo "make lint       ruff, the architecture contracts (.importlinter) and module sizes"
	@echo "make clean      remove caches and test output (keeps .venv and var/, your data)"
	@echo "make distclean  clean, and remove .venv too"

# The virtualenv; its python is the target so an existing one is left alone.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
		{ echo "kzai needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version 2>&1)." >&2; exit 1; }
	@$(PYTHON) -m venv $(VENV) || \
		{ echo "Could not create $(VENV). On Debian/Ubuntu: apt-get install python3-venv" >&2; \
		  rm -rf $(VENV); exit 1; }

$(RUNTIME_STAMP): requirements.txt | $(BIN)/python
	$(PIP_INSTALL) -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(PIP_INSTALL) -r requirements-dev.txt
	@touch $@ $(RUNTIME_STAMP)

install: $(RUNTIME_STAMP)
install-dev: $(DEV_STAMP)

migrate: install
	@mkdir -p "$${KZAI_VAR_DIR:-var}"
	$(BIN)/python manage.py migrate --noinput

load-kb: migrate
	$(BIN)/python manage.py load_kb

run: load-kb
	$(BIN)/python manage.py load_questionnaires
	$(BIN)/python manage.py load_cases
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py load_synonyms
	$(BIN)/python manage.py reindex --if-empty
	$(BIN)/python manage.py runserver $(RUNSERVER_ADDR)

# On Debian/Ubuntu (dpkg present), say which system packages the tests need before running
# them, instead of failing in dozens of PDF tests. Elsewhere, see README.md, "Run it".
system-packages:
	@command -v dpkg >/dev/null 2>&1 || exit 0; \
	missing=""; for pkg in $(PDF_DEBIAN_PACKAGES); do \
		dpkg -s "$$pkg" >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
		echo "The PDF tests need Debian packages that are not installed:$$missing." >&2; \
		echo "Install them: sudo apt-get install$$missing" >&2; exit 1; fi; \
	for pkg in $(PDF_DEBIAN_RECOMMENDED); do dpkg -s "$$pkg" >/dev/null 2>&1 || \
		echo "Note: $$pkg is not installed; PDFs subset their fonts with fontTools (slower)." \
		"Recommended: sudo apt-get install $$pkg"; done

# pytest exits 5 when it ran no test: that is a failure too, and said so.
test: install-dev system-packages
	@$(BIN)/pytest $(PYTEST_ARGS) || { rc=$$?; \
		[ $$rc -ne 5 ] || echo "pytest ran no test (exit code 5): failing." >&2; exit $$rc; }

e2e: install-dev
	@$(BIN)/pytest -m e2e tests/e2e $(PYTEST_ARGS) || { rc=$$?; \
		[ $$rc -ne 5 ] || echo "pytest ran no browser test (exit code 5): failing." >&2; exit $$rc; }

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python scripts/check_module_size.py

clean:
	rm -rf .pytest_cache .ruff_cache test-results
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
