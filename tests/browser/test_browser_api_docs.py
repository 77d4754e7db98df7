"""/api/docs in Chromium on a server without Internet access: every request to a host other than
the test server is aborted, and Swagger UI still shows the API's operations and runs one."""

from __future__ import annotations

import json
import urllib.request
from urllib.parse import urlsplit


def test_swagger_ui_renders_and_runs_the_api_with_every_other_host_cut_off(page, server) -> None:
    here = urlsplit(server.url()).netloc
    elsewhere: list[str] = []

    def cut_off(route) -> None:
        elsewhere.append(route.request.url)
        route.abort()

    page.route(lambda url: urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != here, cut_off)
    page.goto("/api/docs")

    search = page.locator(".opblock.opblock-get", has=page.locator('.opblock-summary-path[data-path="/api/search"]'))
    search.wait_for()
    with urllib.request.urlopen(server.url("/api/openapi.json"), timeout=10) as answer:
        paths = json.load(answer)["paths"]
    shown = page.locator(".opblock-summary-path").evaluate_all("spans => spans.map(s => s.dataset.path)")
    assert sorted(shown) == sorted(paths)  # one GET operation per path

    search.locator(".opblock-summary-control").click()
    search.get_by_role("button", name="Try it out").click()
    search.get_by_role("button", name="Execute").click()
    status = search.locator(".live-responses-table tbody .response-col_status")
    status.wait_for()
    assert status.inner_text().strip() == "200"
    assert elsewhere == []  # nothing was even asked of another host
