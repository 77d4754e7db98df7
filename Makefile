# Two commands on a fresh machine with only Python 3.11, pip and make:
#   make demo   set up, ingest the bundled demo archive (first run only) and serve it
#   make test   set up and run the test suite
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")

# make demo PORT=8001 when 8000 is taken
PORT ?= 8000
.PHONY: demo test setup uv serve lint

uv:
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || \
	  $(PYTHON) -m pip install --quiet "uv==$(UV_VERSION)" || \
	  $(PYTHON) -m pip install --quiet --user "uv==$(UV_VERSION)" || \
	  $(PYTHON) -m pip install --quiet --break-system-packages "uv==$(UV_VERSION)"

setup: uv
	$(UV) sync --locked

demo: setup
	$(UV) run legation demo --port $(PORT)

serve: setup
	$(UV) run legation serve

test: setup
	$(UV) run pytest
