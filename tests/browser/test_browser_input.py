"""What is typed into the search page, in Chromium: hostile and unreadable queries (shown as text,
never an error page, never a script run), suggestions as one types (GET /api/suggest), and the
keyboard: labelled controls, facet and histogram links reached with Tab and followed with Enter."""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import urlencode

import pytest

from tests.browser.archive import RECORDS, containing
from tests.browser.pages import count_text, params, results, search
from tests.search.fixtures import naming


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
    assert page.locator("script").count() == 1 and page.locator("main img").count() == 0  # only suggest.js; nothing injected
    # What the page says is what the API says for the same query (the page and the API share the service).
    answer = api(server, "/api/search", q=typed)
    assert answer["notice"].startswith("The query could not be read")
    assert page.locator("p.notice").inner_text() == answer["notice"]
    assert count_text(page) == (results(1, answer["total"]) if answer["total"] else "Results: 0")


def test_suggestions_fill_the_search_box_list_as_one_types(page, server) -> None:
    page.goto("/")
    box = page.get_by_label("Search the archive")
    box.press_sequentially("Sisson", delay=30)
    options = page.locator("datalist#suggestions option")
    # From the fixture: one person named Sisson (with the documents he sent or received), then titles naming him.
    people = {a.name for r in RECORDS for a in r.agents if "Sisson" in a.name}
    assert people == {"Edgar Sisson"}
    theirs = [r for r in RECORDS if any(a.name == "Edgar Sisson" and a.role in ("sender", "recipient") for a in r.agents)]
    titles = sorted({r.title for r in RECORDS if "Sisson" in r.title})  # two cablegrams share a title: listed once
    options.first.wait_for(state="attached")
    page.wait_for_function("n => document.querySelectorAll('#suggestions option').length === n", arg=1 + len(titles))
    values = options.evaluate_all("os => os.map(o => [o.value, o.label])")
    # choosing the name searches "Edgar Sisson": the documents naming him, more than those he sent or received
    found = naming(RECORDS, "Edgar Sisson")
    assert (len(found), len(theirs)) == (15, 3)
    assert values[0] == ['"Edgar Sisson"', f"Edgar Sisson ({len(found)})"]
    assert sorted(v for v, _ in values[1:]) == titles
    assert values == [[s["query"] or s["text"], s["text"] + (f" ({s['documents']})" if s["kind"] == "name" else "")]
                      for s in api(server, "/api/suggest", q="Sisson", limit="8")]


def test_choosing_a_title_opens_its_document_and_typing_one_searches_it(page, server) -> None:
    # A title chosen from the list filled the box with the title, to be searched as words; it now
    # opens the document. The same title typed (or pasted) by hand is still searched.
    holding = Counter(r.title for r in RECORDS if "Sisson" in r.title)
    titles = {r.title: r.identifier for r in RECORDS if holding[r.title] == 1}  # a title of one document only
    page.goto("/")
    box = page.get_by_label("Search the archive")
    box.press_sequentially("Sisson", delay=30)
    page.wait_for_function("n => document.querySelectorAll('#suggestions option').length === n", arg=1 + len(holding))
    title = next(t for t in page.locator("datalist#suggestions option").evaluate_all("os => os.map(o => o.value)") if t in titles)
    with page.expect_navigation():
        choose(page, title)
    assert page.url == server.url(f"/documents/{titles[title]}")
    assert page.locator("h1").inner_text() == title
    page.goto("/")
    box = page.get_by_label("Search the archive")
    box.press_sequentially("Sisson", delay=30)
    page.wait_for_function("document.querySelectorAll('#suggestions option').length > 1")
    box.fill(title)  # typed whole: an input of inserted text, no choice from the list
    page.wait_for_timeout(400)
    assert page.url == server.url("/")
    box.press("Enter")
    page.wait_for_url("**/?q=*")
    assert params(page)["q"] == [title]


def choose(page, value: str) -> None:
    """Choose the option ``value`` of the search box's list as Chromium does when one is clicked
    (its popup is no part of the page Playwright reaches): the box's text replaced, and an input
    event with no ``inputType`` (an ``Event``, not an ``InputEvent``)."""
    page.evaluate(
        "v => { const box = document.getElementById('q'); box.value = v; box.dispatchEvent(new Event('input', {bubbles: true})); }",
        value,
    )


def test_suggestions_go_when_the_box_is_cleared(page, server) -> None:
    # Typing "Sisson" fills the list; deleting back to one letter, or to nothing, empties it
    # (suggestions for "Sisson" under a box holding "S" would offer what was not asked for).
    page.goto("/")
    box = page.get_by_label("Search the archive")
    box.press_sequentially("Sisson", delay=30)
    count = "() => document.querySelectorAll('#suggestions option').length"
    page.wait_for_function(f"({count})() > 0")
    for _ in range(5):
        box.press("Backspace")
    assert box.input_value() == "S"
    page.wait_for_function(f"({count})() === 0")
    box.press_sequentially("isson", delay=30)
    page.wait_for_function(f"({count})() > 0")
    box.fill("")
    page.wait_for_function(f"({count})() === 0")


def test_a_late_answer_for_earlier_letters_does_not_replace_the_suggestions(page, server) -> None:
    """Typing "Cr", pausing, then "eel": if the answer for "Cr" comes after the one for "Creel",
    the list must still show the suggestions for "Creel", what the box holds."""
    held = []
    early, late = re.compile(r"/api/suggest\?q=Cr&"), re.compile(r"/api/suggest\?q=Creel&")
    page.route(early, lambda route: held.append(route))  # held: answered only when released below
    page.goto("/")
    box = page.get_by_label("Search the archive")
    with page.expect_request(early):
        box.press_sequentially("Cr")
    with page.expect_response(late):
        box.press_sequentially("eel")
    creel = [s["text"] for s in api(server, "/api/suggest", q="Creel", limit="8")]
    cr = [s["text"] for s in api(server, "/api/suggest", q="Cr", limit="8")]
    assert creel != cr
    shown = "() => [...document.querySelectorAll('#suggestions option')].map(o => o.value.replace(/^\"|\"$/g, ''))"
    page.wait_for_function(f"want => JSON.stringify(({shown})()) === JSON.stringify(want)", arg=creel)
    (route,) = held
    with page.expect_event("requestfinished", lambda r: early.search(r.url)):
        route.continue_()
    # Let the page read the late answer: a round trip through its event loop after the response ended.
    page.evaluate("() => new Promise(done => setTimeout(done, 100))")
    assert page.evaluate(shown) == creel


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
