# The README's two commands: `make run` and `make test`. Everything is installed from
# this project's own files into .venv; system packages the tests need come from apt-get.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python

.PHONY: run test lint bench screenshots package clean system-packages

run: $(VENV)/.installed system-packages
	$(BIN)/workstation demo open

# Two workers (pytest-xdist), a test file to a worker: the suite fits CI's time on 2 cores.
test: $(VENV)/.installed-test system-packages
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n 2 --dist loadfile

# ruff everywhere; mypy on the package (its settings, strict for the domain layers, are in pyproject.toml).
lint: $(VENV)/.installed-test
	$(BIN)/ruff check workstation tests benchmarks
	$(BIN)/mypy

bench: $(VENV)/.installed-test
	@for script in benchmarks/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done
	$(PY) benchmarks/summary.py

# The README's pictures, rendered offscreen at 1366x768 from a throw-away demo database.
screenshots: $(VENV)/.installed-test
	$(PY) -m tests.ui.make_screenshots docs/screenshots main-window review review-details coding unlock \
		review-1024x700 review-1920x1080 signing-below-k

# The onedir program, dist/workstation-<version>/workstation (see docs/packaging.md).
# WORKSTATION_DEBUG_BUILD=1 makes dist/workstation-<version>-debug with a console.
package: $(VENV)/.installed-package
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN \
		--workpath build/pyinstaller --distpath dist build.spec

system-packages:
	@bash .ci/system-packages.sh

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.created
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.created
	$(PY) -m pip install --quiet -e ".[test]"
	# pycanon pins exact numpy/scipy/reportlab versions; its k-anonymity needs only numpy and pandas.
	$(PY) -m pip install --quiet --no-deps "pycanon==1.3.6"
	@touch $@ $(VENV)/.installed

$(VENV)/.installed-package: pyproject.toml $(VENV)/.created
	$(PY) -m pip install --quiet -e ".[package]"
	@touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
