"""The Makefile of the two commands: `make uv` on a machine without uv (where pip is asked to put
it, one line of output, a failure that says what to do) and what `make demo` and `make test` sync.

A stand-in ``python3`` runs the real interpreter for every question the Makefile asks it (is it a
virtual environment, are its site-packages externally managed, PEP 668) and records pip's arguments
instead of running pip: no network, nothing installed. The interpreters are real: the suite's own (a
virtual environment) and Debian's ``/usr/bin/python3`` (externally managed), when present."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

MAKE = shutil.which("make")
pytestmark = pytest.mark.skipif(MAKE is None, reason="needs make (the two commands' tool), which is not installed here")
VERSION = re.search(r"^UV_VERSION := (\S+)$", (REPO / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)[1]
PIP_OPTIONS = ["install", "--quiet", "--disable-pip-version-check", "--no-warn-script-location"]
WHAT_TO_DO = (
    f"make: could not install uv {VERSION} with 'python3 -m pip' (see above). Install uv "
    "(https://docs.astral.sh/uv/getting-started/installation/) so that 'uv' is on PATH or 'python3 -m uv' runs, "
    "then run make again."
)

STAND_IN = """#!/bin/sh
# python3 for the Makefile: "-m pip" recorded, not run; "-m uv" runs once pip was asked; the rest is $REAL's
case "$1 $2" in
  "-m uv") [ -e "$STATE/installed" ] ;;
  "-m pip") shift 2; printf '%s\\n' "$*" > "$STATE/pip"
            [ -z "$PIP_FAILS" ] || { echo "ERROR: No matching distribution found for uv" >&2; exit 1; }
            : > "$STATE/installed" ;;
  *) exec "$REAL" "$@" ;;
esac
"""


def make(tmp_path: Path, real: str, *targets: str, fails: bool = False, installed: bool = False) -> tuple[subprocess.CompletedProcess, list[str] | None]:
    """``make TARGETS`` in the repository with only the stand-in python3 (for ``real``) on PATH, so no
    uv; returns the result and the arguments pip was given (None when it was not run)."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    (folder / "python3").write_text(STAND_IN, encoding="utf-8")
    (folder / "python3").chmod(0o755)
    if installed:
        (tmp_path / "installed").touch()
    env = {"PATH": str(folder), "HOME": str(tmp_path), "STATE": str(tmp_path), "REAL": real, **({"PIP_FAILS": "1"} if fails else {})}
    result = subprocess.run([MAKE, "--no-print-directory", "-C", str(REPO), *targets], env=env, capture_output=True, text=True, timeout=60, check=False)
    pip = tmp_path / "pip"
    return result, pip.read_text(encoding="utf-8").split() if pip.exists() else None


def externally_managed_python() -> str:
    """Debian's python3, or skip: an interpreter whose site-packages are externally managed (PEP 668)."""
    real = "/usr/bin/python3"
    if not Path(real).exists():
        pytest.skip("needs /usr/bin/python3 (Debian's), which is absent here")
    asked = subprocess.run([real, "-c", "import os, sys, sysconfig; print(sys.prefix == sys.base_prefix and os.path.exists("
                            "os.path.join(sysconfig.get_path('stdlib'), 'EXTERNALLY-MANAGED')))"],
                           capture_output=True, text=True, check=False)  # fmt: skip
    if asked.stdout.strip() != "True":
        pytest.skip(f"{real} is not externally managed (PEP 668) here")
    return real


def test_on_an_externally_managed_python_uv_goes_to_the_user_in_one_try_and_one_line(tmp_path: Path) -> None:
    """Debian's python3 refuses pip installs, --user ones too, unless told --break-system-packages: the
    target tried plain, then --user, printing pip's refusal twice, then installed into the system's own
    site-packages. It now asks once, for the user."""
    result, pip = make(tmp_path, externally_managed_python(), "uv")
    assert (result.returncode, result.stdout, result.stderr) == (
        0, f"uv is missing: installing uv {VERSION} with pip (--user --break-system-packages)\n", "")
    assert pip == [*PIP_OPTIONS, "--user", "--break-system-packages", f"uv=={VERSION}"]


def test_in_a_virtual_environment_uv_goes_into_it(tmp_path: Path) -> None:
    if sys.prefix == sys.base_prefix:
        pytest.skip("the suite does not run in a virtual environment here")
    result, pip = make(tmp_path, sys.executable, "uv")
    assert (result.returncode, result.stdout, result.stderr) == (0, f"uv is missing: installing uv {VERSION} with pip\n", "")
    assert pip == [*PIP_OPTIONS, f"uv=={VERSION}"]  # never --user: pip refuses it in a virtual environment


def test_a_failing_install_shows_pips_error_and_what_to_do(tmp_path: Path) -> None:
    result, pip = make(tmp_path, sys.executable, "uv", fails=True)
    assert result.returncode == 2 and pip == [*PIP_OPTIONS, f"uv=={VERSION}"]
    assert result.stdout == f"uv is missing: installing uv {VERSION} with pip\n"
    assert result.stderr.splitlines()[:2] == ["ERROR: No matching distribution found for uv", WHAT_TO_DO]


def test_with_uv_at_hand_nothing_is_installed_nor_said(tmp_path: Path) -> None:
    result, pip = make(tmp_path, sys.executable, "uv", installed=True)
    assert (result.returncode, result.stdout, result.stderr, pip) == (0, "", "", None)


def test_the_demo_syncs_without_the_development_tools_and_the_tests_with_them(tmp_path: Path) -> None:
    """`make demo` installed the dev group (pytest, Playwright …); it syncs and runs without it now,
    as does any `uv run legation …` (pyproject.toml's [tool.uv] default-groups), and `make test`
    syncs and runs with it."""
    result, _ = make(tmp_path, sys.executable, "-n", "demo", "test", installed=True)
    commands = [line for line in result.stdout.splitlines() if line.startswith("python3 -m uv ")]
    assert commands == [
        "python3 -m uv sync --locked --inexact",
        "python3 -m uv run --locked legation demo --port 8000",
        "python3 -m uv sync --locked --inexact --group dev",
        "python3 -m uv run --locked --group dev pytest",
    ]
    # the uv that runs these tests (`uv run` names itself in UV: on a fresh machine `make test` runs the
    # module pip installed for the system's Python, which this environment's Python cannot import), else uv on PATH
    found = [path for name in (os.environ.get("UV", ""), "uv") if name and (path := shutil.which(name))]
    uv = found[:1] or [sys.executable, "-m", "uv"]
    if subprocess.run([*uv, "--version"], capture_output=True).returncode != 0:
        pytest.skip("needs uv (run the tests with make test or uv run, or put uv on PATH) to read the lock file's packages")

    def packages(*options: str) -> set[str]:
        exported = subprocess.run([*uv, "export", "--locked", "--offline", *options, "--no-hashes", "--no-emit-project", "--format", "requirements-txt"],
                                  cwd=REPO, capture_output=True, text=True, check=True).stdout  # fmt: skip
        return {line.split("==")[0] for line in exported.splitlines() if "==" in line and not line.startswith(" ")}

    dev = {"pytest", "pytest-django", "playwright", "schemathesis", "pytesseract"}  # pyproject.toml's dev group
    plain = packages()  # what uv sync and uv run install unless told otherwise
    assert {"django", "tantivy", "gunicorn", "whitenoise"} <= plain and not plain & dev
    assert dev <= packages("--group", "dev")
