"""What is typed into the search page, in Chromium: hostile and unreadable queries (shown as text,
never an error page, never a script run), and the keyboard: labelled controls, facet and histogram
links reached with Tab and followed with Enter. Suggestions as one types: test_browser_suggest.py."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from tests.browser.archive import containing
from tests.browser.pages import OWN_SCRIPTS, count_text, params, results, scripts, search


def api(server, path: str, **query: str):
    status, _, body = server.get(f"{path}?{urlencode(query)}")
    assert status == 200, body
    return json.loads(body)


@pytest.mark.parametrize(
    "typed",
    [
        "<script>alert(1)</script>",
        '"propaganda ((( title: %% AND',
        "propaganda)",
        "<img src=x onerror=alert(1)>",
    ],
)
def test_hostile_and_unreadable_queries_show_as_text_with_a_notice(page, server, typed) -> None:
    search(page, typed)  # the page watcher fails the test on a dialog, an HTTP error or a console error
    assert params(page)["q"] == [typed]
    assert page.get_by_label("Search the archive").input_value() == typed
    assert page.title() == f"{typed} – Search – Legation"
    assert scripts(page) == OWN_SCRIPTS and page.locator("main img").count() == 0  # nothing injected
    # What the page says is what the API says for the same query (the page and the API share the service).
    answer = api(server, "/api/search", q=typed)
    assert answer["notice"].startswith("The query could not be read")
    assert page.locator("p.notice").inner_text() == answer["notice"]
    assert count_text(page) == (results(1, answer["total"]) if answer["total"] else "Results: 0")


def test_form_controls_have_labels(page) -> None:
    page.goto("/")
    assert page.get_by_label("Search the archive").get_attribute("name") == "q"
    assert page.get_by_label("From").get_attribute("name") == "start_date"
    assert page.get_by_label("to", exact=True).get_attribute("name") == "end_date"
    assert page.get_by_label("How dates match the range").get_attribute("name") == "date_match"
    assert page.get_by_label("Sort").get_attribute("name") == "sort"
    assert page.get_by_role("search").count() == 1 and page.get_by_role("button", name="Search").count() == 1


def test_the_keyboard_reaches_a_facet_link_and_follows_it(page) -> None:
    search(page, "propaganda")
    first = page.locator('section.facet[data-facet="type"] li a').first
    name = first.locator(".value").inner_text()
    page.get_by_label("Search the archive").focus()
    for _ in range(20):  # Tab from the search box through the form to the first facet link
        page.keyboard.press("Tab")
        if first.evaluate("a => a === document.activeElement"):
            break
    else:
        pytest.fail("twenty Tabs from the search box did not reach the first facet link")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert params(page)["type"] == [name]
    expected = [r for r in containing("propaganda") if r.document_type == name]
    assert count_text(page) == results(1, len(expected))


def test_the_keyboard_reaches_a_histogram_bar_and_follows_it(page) -> None:
    search(page, "propaganda")
    bars = page.locator("figure.histogram .bars a")
    bars.first.focus()
    assert bars.first.evaluate("a => a === document.activeElement")
    year = bars.first.inner_text().split(":")[0]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert params(page)["start_date"] == [year] and params(page)["end_date"] == [year]


def test_the_first_tab_offers_to_skip_to_the_results_and_the_next_reaches_the_first_hit(page) -> None:
    """Without it, a keyboard user tabbed through the header, the form, every facet value and
    every histogram bar to reach a hit: 112 Tabs on the demo archive for Zhou Enlai."""
    search(page, "propaganda")
    page.locator("body").focus()
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to the results"
    box = skip.bounding_box()  # hidden until focused, then shown where one looks
    assert box is not None and box["x"] >= 0 and box["y"] >= 0 and box["width"] > 0
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    first_hit = page.locator("li.hit h3 a").first
    assert first_hit.evaluate("a => a === document.activeElement")
    assert page.locator("p.count").evaluate("p => { const r = p.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")


def test_a_paste_longer_than_the_box_takes_is_said_beside_it(page) -> None:
    # the browser cut a pasted passage of 1,152 characters to the box's 798 without a word (a fresh user)
    page.goto("/")
    box = page.locator("input#q")
    room = int(box.get_attribute("maxlength"))
    note = page.locator("#q-cut")
    assert note.is_hidden()

    def paste(text: str) -> None:  # the paste event a browser fires, its text in the clipboard data
        box.evaluate(
            """(box, text) => { const data = new DataTransfer(); data.setData('text/plain', text);
                               box.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true})); }""",
            text,
        )

    paste("x" * room)
    assert note.is_hidden()  # it fits
    box.fill("Mao ")
    paste("y" * room)
    assert note.is_visible() and note.get_attribute("role") == "status"
    assert note.inner_text() == (
        f"The search box takes up to {room:,} characters: the last 4 of what you pasted were left out. "
        "Search a few of its rarer words, or a quoted phrase of it, instead."
    )
    box.fill("Mao")
    assert note.is_hidden()
    # line breaks take no room (the box drops them), and one character left out is said so
    box.fill("")
    paste("x\r\n" * 10 + "y" * (room - 9))
    assert note.inner_text().startswith(f"The search box takes up to {room:,} characters: the last one of what you pasted was left out.")
