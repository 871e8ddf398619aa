# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Installs are driven by stamp files, so a second run with nothing changed installs nothing.
VENV      := .venv
BIN       := $(VENV)/bin
PY_STAMP  := $(VENV)/.installed
JS_STAMP  := node_modules/.installed
SITE_DIR  := site
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup build serve test check browser bench clean

setup: $(PY_STAMP) $(JS_STAMP)

$(PY_STAMP): pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

$(JS_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

check: setup
	$(BIN)/followup check rules

build: setup
	$(BIN)/mkdocs build --strict --site-dir $(SITE_DIR)

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Chromium for the browser tests: $$CHROMIUM, else /usr/bin/chromium, else Debian's
# package (as root), else Playwright's own download. tests/conftest.py looks in the same order.
browser: setup
	@if [ -n "$$CHROMIUM" ]; then \
	  [ -x "$$CHROMIUM" ] || { echo "CHROMIUM=$$CHROMIUM is not an executable" >&2; exit 1; }; \
	elif [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
	  $(BIN)/playwright install chromium; \
	fi

test: setup browser
	$(BIN)/pytest

# Figures side by side in one run: prints a table, writes bench/results.json.
bench: setup browser
	$(BIN)/python bench/run.py

clean:
	rm -rf $(SITE_DIR) .pytest_cache
