"""What the browser tests do on and read from the search page."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

from tests.browser.archive import PAGE_SIZE


def search(page, q: str) -> None:
    """Type ``q`` in the search box of the search page and press Enter."""
    page.goto("/")
    page.get_by_label("Search the archive").fill(q)
    with page.expect_navigation():
        page.get_by_label("Search the archive").press("Enter")


def count_text(page) -> str:
    return page.locator("p.count").inner_text()


def results(first: int, total: int) -> str:
    return f"Results: {first} - {min(first + PAGE_SIZE - 1, total)} of {total}"


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def hit_ids(page) -> list[str]:
    hrefs = page.locator("li.hit h3 a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert all(h.startswith("/documents/") for h in hrefs), hrefs
    return [unquote(h.removeprefix("/documents/")) for h in hrefs]


OWN_SCRIPTS = ["suggest.js", "form.js"]  # the scripts base.html loads; any other script on a page was injected


def scripts(page) -> list[str]:
    """The file names of the page's scripts, without the hash static files are stored under
    (``suggest.a0ae0da5de0a.js`` is ``suggest.js``; "" for a script written into the page)."""
    names = page.locator("script").evaluate_all("scripts => scripts.map(s => (s.getAttribute('src') || '').split('/').pop())")
    return [re.sub(r"\.[0-9a-f]{12}(?=\.js$)", "", name) for name in names]
