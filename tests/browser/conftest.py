"""Browser tests: a real headless Chromium (Debian's ``chromium``, driven by Playwright) on the
pages of a real `legation serve` process serving the archive of :mod:`tests.browser.archive`.

The browser is Debian's package, never one downloaded by ``playwright install``: set
``LEGATION_CHROMIUM`` to use another binary. Without one (or without the ``playwright`` package)
every browser test skips, saying what to install.

The server and its archive are started once (starting them takes seconds; each test only reads)
and stopped after the last browser test. Its database on PostgreSQL is made here and dropped at the
end, not by the per-test clean-up of ``tests/databases.py``, which would drop it after the first
test. Playwright (with
Chromium) lives per test module: while it runs, its event loop makes Django refuse ORM calls in
this process, which the tests of other folders make. (Package scope would be session scope here:
this folder is not a Python package.)
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.browser.archive import ARCHIVE_FILES, RECORDS
from tests.databases import postgres_url
from tests.server.nodes import SECRET_KEY, Node, free_port

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    """Debian's Chromium (or ``LEGATION_CHROMIUM``), or skip saying how to get it."""
    wanted = os.environ.get("LEGATION_CHROMIUM", "")
    path = wanted or shutil.which("chromium") or ""
    if not path or not os.access(path, os.X_OK):
        pytest.skip(
            f"browser tests need Chromium: {'LEGATION_CHROMIUM=' + wanted + ' is not an executable' if wanted else 'no chromium on PATH'}"
            " (Debian: apt-get install chromium; .ci/run installs it)"
        )
    return path


class ArchiveServer(Node):
    """A `legation serve` process whose archive and database outlive single tests (see the module
    docstring); ``url(path)`` is the address of a page."""

    def __init__(self, folder: Path, database_url: str) -> None:
        self.folder = folder
        self.index_dir = folder / "index"
        self.port = free_port()
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "legation.settings", "LEGATION_DATA_DIR": str(folder),
               "LEGATION_INDEX_DIR": str(self.index_dir), "LEGATION_SECRET_KEY": SECRET_KEY}
        env.pop("LEGATION_DATABASE_URL", None)
        self.env = {**env, **({"LEGATION_DATABASE_URL": database_url} if database_url else {})}
        self.process = None
        self.log = folder.parent / f"{folder.name}.log"

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def _session_database() -> str:
    """A fresh PostgreSQL database for the server (on PostgreSQL runs), else ""."""
    if not postgres_url():
        return ""
    import psycopg
    from psycopg import sql

    name = f"legation_browser_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_url(), autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return urlunsplit(urlsplit(postgres_url())._replace(path=f"/{name}"))


def _drop_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(postgres_url(), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(urlsplit(url).path.lstrip("/"))))


_servers: list[ArchiveServer] = []


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem) -> None:
    """After the last browser test, stop the server rather than keep it to the end of the run."""
    if nextitem is None or Path(__file__).parent not in nextitem.path.parents:
        for node in _servers:
            node.stop()


SERVE = ("--workers", "1", "--threads", "4")


@pytest.fixture(scope="session")
def archive_server(tmp_path_factory):
    """`legation serve` (one worker) on a free port, serving the ingested fixture archive."""
    chromium_path()  # no browser, no need for a server: skip before starting one
    database_url = _session_database()
    node = ArchiveServer(tmp_path_factory.mktemp("browser") / "node", database_url)
    _servers.append(node)
    try:
        node.folder.mkdir(parents=True)
        ingest = node.legation("ingest", *map(str, ARCHIVE_FILES))
        assert ingest.returncode == 0, ingest.stdout + ingest.stderr
        node.start(*SERVE)
        node.wait_for_total("", len(RECORDS), agreeing=1)
        yield node
    finally:
        node.stop()
        if database_url:
            _drop_database(database_url)


@pytest.fixture
def server(archive_server):
    """The archive's server, started again should a browser test come after others (it stops
    whenever the tests leave this folder)."""
    if archive_server.process is None:
        archive_server.start(*SERVE)
    return archive_server


@pytest.fixture(scope="module")
def browser():
    """Chromium, launched once per test module."""
    path = chromium_path()
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package (uv sync)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Watched:
    """What went wrong on a page while a test used it: console errors, uncaught exceptions,
    failed requests, HTTP errors, JavaScript dialogs (each dismissed)."""

    def __init__(self, page) -> None:
        self.problems: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console error: {m.text} ({m.location['url']})"))
        page.on("pageerror", lambda e: self.problems.append(f"uncaught exception: {e}"))
        page.on("requestfailed", self._failed)
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))
        page.on("dialog", self._dialog)

    def _failed(self, request) -> None:
        # Requests the browser cancels itself (ERR_ABORTED) are not failures of the page: a
        # suggestion fetch still running when the form is submitted, the icon of a page left by a
        # navigation before it loaded (seen in CI), whatever loads when the test closes the page.
        # What the server does wrong still shows: as an HTTP status (above) or another failure.
        if request.failure == "net::ERR_ABORTED":
            return
        self.problems.append(f"request failed: {request.url} ({request.failure})")

    def expect_status(self, status: int, url: str) -> None:
        """The page at ``url`` was meant to answer ``status``: neither that answer nor the console
        line Chromium logs for it is a problem (each must have happened)."""
        answer = f"HTTP {status}: {url}"
        console = next(p for p in self.problems if p.startswith(f"console error: Failed to load resource: the server responded with a status of {status} ") and p.endswith(f"({url})"))
        self.problems.remove(answer)
        self.problems.remove(console)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def page(browser, server):
    """A fresh browser page (own context: no cookies or cache shared between tests). After the
    test, fails if anything went wrong on it (:class:`Watched`)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url())
    context.set_default_timeout(30_000)  # a loaded 2-core machine; a wait that long is a failure anyway
    tab = context.new_page()
    watched = Watched(tab)
    tab.watched = watched
    yield tab
    context.close()  # what is still on its way is reported by now
    assert watched.dialogs == [], f"JavaScript dialogs opened: {watched.dialogs}"
    assert watched.problems == [], "\n".join(watched.problems)
