PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := samples/A_C.2_65_433_second_committee_report_ict_zh.txt
# Debian packages the tests need: LibreOffice opens the Word files resdiff writes (its Python
# bridge, python3-uno, lets a test accept and reject every tracked change in it), and a CJK
# font lets it lay out their Chinese text. Chromium (with its driver) loads the HTML report in
# the browser test; Playwright drives it and downloads no browser of its own.
# apt-get needs root: run it through sudo when make is not run as root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PACKAGES := libreoffice-writer-nogui python3-uno fonts-noto-cjk chromium chromium-driver
# PyICU (line breaking by the Unicode algorithm) builds against the system's ICU.
BUILD_PACKAGES := libicu-dev pkg-config g++
define apt_install
	@missing=""; for package in $(1); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi
endef

.PHONY: install runtime build-deps system-deps check test fuzz demo bench clean messages

# install: resdiff with what its tests and house checks need; runtime (what make demo uses):
# resdiff alone, for a newcomer who only wants to run it.
RUNTIME_STAMP := $(VENV)/.installed-runtime

install: $(STAMP)

runtime: $(RUNTIME_STAMP)

$(STAMP): pyproject.toml Makefile
	$(MAKE) --no-print-directory build-deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --config-settings editable_mode=compat -e '.[test]'
	touch $(STAMP) $(RUNTIME_STAMP)

$(RUNTIME_STAMP): pyproject.toml Makefile
	$(MAKE) --no-print-directory build-deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --config-settings editable_mode=compat -e .
	touch $(RUNTIME_STAMP)

build-deps:
	$(call apt_install,$(BUILD_PACKAGES))

system-deps:
	$(call apt_install,$(SYSTEM_PACKAGES))

# The house checks, quick (seconds): lint, import order and pyupgrade (ruff.toml), types
# (mypy.ini), the import layers of .importlinter and no import circles.
check: install
	$(BIN)/ruff check --no-cache resdiff
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

test: install system-deps check
	$(BIN)/python -m pytest

# The interface's catalogues (resdiff/locale): extract every string marked _(), N_() or
# ngettext() from the code, merge them into each language's .po (new strings arrive
# untranslated, never guessed: no fuzzy matching), and compile each .po to the .mo that resdiff
# reads. Run it after adding or changing a message, translate the new entries of each .po, then
# run it again; tests/test_i18n.py fails while a string has no translation or a .mo is stale.
POT := build/resdiff.pot
messages: install
	mkdir -p build
	$(BIN)/pybabel extract --project resdiff --no-wrap --sort-output --add-location=file \
	  --add-comments=TRANSLATORS: -o $(POT) resdiff
	$(BIN)/pybabel update --no-wrap --no-fuzzy-matching --ignore-obsolete -i $(POT) \
	  -d resdiff/locale -D resdiff
	$(BIN)/pybabel compile --statistics -d resdiff/locale -D resdiff

# The stress and fuzz tests of make test in rounds of ten times the examples, each round with new
# ones, for ten minutes (before a release); RESDIFF_FUZZ_MINUTES, RESDIFF_FUZZ_SCALE and
# RESDIFF_FUZZ_SEED change the run (tests/tools/fuzz.py says how).
fuzz: install
	$(BIN)/python tests/tools/fuzz.py

# The comparison of the sample's two drafts, whole, then its summary again where a newcomer's
# terminal leaves off, and where to go next.
demo: runtime
	$(BIN)/resdiff diff $(SAMPLE)
	@echo
	@echo "── summary (the whole comparison is above) ──"
	@$(BIN)/resdiff diff $(SAMPLE) --stat | sed "/^$$/Q"
	@echo
	@echo "Next: $(BIN)/resdiff diff $(SAMPLE) --format html -o sample.html   (a report to open in a browser)"
	@echo "      $(BIN)/resdiff --help; . .venv/bin/activate puts resdiff on your PATH"

# The main benchmark, then the worst cases against their stated bounds (bench/worst.py); the
# worst cases run even when a target of the first is missed, and either missing fails.
bench: install
	$(BIN)/python bench/run.py; status=$$?; $(BIN)/python bench/worst.py && exit $$status

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
