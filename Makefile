# Two commands on a fresh machine with only Python 3.11, pip and make:
#   make demo   set up, ingest the bundled demo archive (first run only) and serve it
#   make test   set up and run the test suite
PYTHON ?= python3
UV_VERSION := 0.13.8
UV := $(shell command -v uv 2>/dev/null || echo "$(PYTHON) -m uv")
# uv trusts the platform's certificate store, as pip does, rather than its bundled roots alone: behind
# a proxy that intercepts TLS (its CA installed in the system store) uv otherwise fails with
# "invalid peer certificate: UnknownIssuer". The store holds the public roots too, so it works
# anywhere; make UV_SYSTEM_CERTS=0 turns it off (an empty value is an error to uv).
export UV_SYSTEM_CERTS ?= 1

# make demo PORT=8001 when 8000 is taken
PORT ?= 8000
.PHONY: demo test setup uv serve

# uv when missing, with pip, chosen so that pip has no reason to refuse: into the virtual environment
# PYTHON runs in; else into the user's site-packages (--user) when PYTHON's own are not writable or
# are "externally managed" (PEP 668: Debian's and Ubuntu's python3 refuse pip installs, --user ones
# too, without --break-system-packages; uv is one package without dependencies, so in the user's
# site-packages it can break none of the system's); else into PYTHON's own. A failure is pip's own
# message and what to do.
PIP_INSTALL := $(PYTHON) -m pip install --quiet --disable-pip-version-check --no-warn-script-location
uv:
	@command -v uv >/dev/null 2>&1 || $(PYTHON) -m uv --version >/dev/null 2>&1 || { \
	  where=$$($(PYTHON) -c 'import os, sys, sysconfig; \
	    venv = sys.prefix != sys.base_prefix; \
	    managed = os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")); \
	    print("venv" if venv else "managed" if managed else "own" if os.access(sysconfig.get_path("purelib"), os.W_OK) else "user")') \
	  && case "$$where" in \
	    venv|own) options= ;; \
	    user) options=--user ;; \
	    managed) options="--user --break-system-packages" ;; \
	  esac \
	  && echo "uv is missing: installing uv $(UV_VERSION) with pip$${options:+ ($$options)}" \
	  && PIP_ROOT_USER_ACTION=ignore $(PIP_INSTALL) $$options "uv==$(UV_VERSION)" \
	  && $(PYTHON) -m uv --version >/dev/null 2>&1 \
	  || { echo "make: could not install uv $(UV_VERSION) with '$(PYTHON) -m pip' (see above). Install uv" \
	       "(https://docs.astral.sh/uv/getting-started/installation/) so that 'uv' is on PATH or" \
	       "'$(PYTHON) -m uv' runs, then run make again." >&2; exit 1; }; }

# Legation and its locked dependencies, without the development tools (pyproject.toml's "dev" group,
# which [tool.uv] default-groups leaves out of every uv sync and uv run unless asked for). Inexact:
# tools `make test` installed stay.
setup: uv
	$(UV) sync --locked --inexact

# The demo and the server need none of the development tools; `make test` syncs them in.
demo: setup
	$(UV) run --locked legation demo --port $(PORT)

serve: setup
	$(UV) run --locked legation serve

test: uv
	$(UV) sync --locked --inexact --group dev
	$(UV) run --locked --group dev pytest
