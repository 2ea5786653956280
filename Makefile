PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := samples/A_C.2_65_433_second_committee_report_ict_zh.txt
# Debian packages the tests need: LibreOffice opens the Word files resdiff writes, and a CJK
# font lets it lay out their Chinese text. Chromium (with its driver) loads the HTML report in
# the browser test; Playwright drives it and downloads no browser of its own.
# apt-get needs root: run it through sudo when make is not run as root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PACKAGES := libreoffice-writer-nogui fonts-noto-cjk chromium chromium-driver

.PHONY: install system-deps test fuzz demo bench clean

install: $(STAMP)

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --config-settings editable_mode=compat -e '.[test]'
	touch $(STAMP)

system-deps:
	@missing=""; for package in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi

test: install system-deps
	$(BIN)/python -m pytest

# The stress and fuzz tests of make test, with many more rounds and examples (before a release).
fuzz: install
	RESDIFF_FUZZ_SCALE=$${RESDIFF_FUZZ_SCALE:-40} $(BIN)/python -m pytest -p no:randomly -q tests/test_store_stress.py tests/test_unbreakable.py

demo: install
	$(BIN)/resdiff diff $(SAMPLE)

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
