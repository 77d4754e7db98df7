"""/api/docs, the API's Swagger UI, comes from Legation alone: the page loads the Swagger UI that
Django Ninja ships (one version, in its static files) from this site, nothing from a CDN or any
other host, so it works on a server without Internet access. The same page under `legation serve`
(collected, content-hashed files): tests/server/test_serving.py; rendered in Chromium with every
other host cut off: tests/browser/test_browser_api_docs.py."""

from __future__ import annotations

from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import PurePosixPath

# What each kind of file the page loads must be served as (X-Content-Type-Options: nosniff makes
# the browser refuse a script or style sheet of another type).
CONTENT_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [value for name, value in attrs if name in ("src", "href") and value]


def references(html: str) -> list[str]:
    """Every ``src`` and ``href`` of the page, in order."""
    parser = _References()
    parser.feed(html)
    return parser.found


def check_docs_page(get: Callable[[str], tuple[int, str, bytes]]) -> list[str]:
    """Fetch /api/docs and each file it references with ``get(path) -> (status, Content-Type, body)``;
    assert that the page names no other host and that each file answers 200 with its type.
    Returns the files' paths."""
    status, content_type, body = get("/api/docs")
    assert status == 200 and content_type.startswith("text/html"), (status, content_type)
    html = body.decode()
    assert "//" not in html, "the page names an address of another host (http://…, https://… or //…)"
    files = references(html)
    assert {PurePosixPath(f).suffix for f in files} == set(CONTENT_TYPES), files  # the style sheet, scripts, icons
    for path in files:
        assert path.startswith("/static/ninja/"), path
        status, content_type, body = get(path)
        assert status == 200 and body, (path, status)
        assert content_type.split(";")[0] == CONTENT_TYPES[PurePosixPath(path).suffix], (path, content_type)
    return files


def test_the_docs_page_loads_swagger_ui_from_this_site_only(client) -> None:
    def get(path: str) -> tuple[int, str, bytes]:
        response = client.get(path)
        return response.status_code, response["Content-Type"], response.getvalue()  # read to the end: the file is closed

    files = check_docs_page(get)
    assert {PurePosixPath(f).name for f in files} >= {"swagger-ui-bundle.js", "swagger-ui-init.js", "swagger-ui.css"}

