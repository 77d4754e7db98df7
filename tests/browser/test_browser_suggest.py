"""Suggestions as one types into the search box, in Chromium (suggest.js, GET /api/suggest): a
combobox whose list shows under the box, chosen with the keyboard or the mouse.

The box used a native <datalist>, whose popup Playwright cannot see, and which Chromium filters by
what is typed (an option is shown only if its value or label holds every typed word): the tests
read its options in the DOM, so they could not see that "Edwin Bjork" hid "Edwin Björkman" and
"propaganda Siss" hid "Edgar Sisson". Here what is checked is what is visible."""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import urlencode

import pytest

from tests.browser.archive import RECORDS
from tests.browser.pages import OWN_SCRIPTS, hit_ids, params, scripts
from tests.search.fixtures import naming


def api(server, path: str, **query: str):
    status, _, body = server.get(f"{path}?{urlencode(query)}")
    assert status == 200, body
    return json.loads(body)


def box(page):
    return page.get_by_label("Search the archive")


def shown(page) -> list[tuple[str, str]]:
    """(text, what it is) of each option of the list of suggestions, once it shows, each seen."""
    listbox = page.get_by_role("listbox", name="Suggestions")
    listbox.wait_for(state="visible")
    options = listbox.get_by_role("option")
    assert options.count() > 0
    for k in range(options.count()):
        assert options.nth(k).is_visible()
        area = options.nth(k).bounding_box()
        assert area is not None and area["width"] > 0 and area["height"] > 0
    return [(o.locator(".text").inner_text(), o.locator(".about").inner_text()) for o in options.all()]


def expected(server, q: str) -> list[tuple[str, str]]:
    """What the list shows for the answer of /api/suggest to ``q``."""
    def about(s) -> str:
        return "title" if s["kind"] == "title" and s["identifier"] else f"{s['kind']} · {s['documents']:,} document{'' if s['documents'] == 1 else 's'}"

    return [(s["text"], about(s)) for s in api(server, "/api/suggest", q=q, limit="8")]


def type_in(page, text: str) -> None:
    page.goto("/")
    box(page).press_sequentially(text, delay=30)


def test_suggestions_show_in_a_list_under_the_box_as_one_types(page, server) -> None:
    type_in(page, "Sisson")
    # From the fixture: one person named Sisson (with the documents he sent or received), then titles naming him.
    people = {a.name for r in RECORDS for a in r.agents if "Sisson" in a.name}
    assert people == {"Edgar Sisson"}
    titles = sorted({r.title for r in RECORDS if "Sisson" in r.title})  # two cablegrams share a title: listed once
    found = naming(RECORDS, "Edgar Sisson")  # choosing the name searches "Edgar Sisson": the documents naming him
    assert len(found) == 15
    options = shown(page)
    assert options[0] == ("Edgar Sisson", "name · 15 documents")
    assert sorted(text for text, about in options[1:]) == titles
    for text, about in options[1:]:  # a title shared says how many hold it: choosing it searches them
        holding = sum(r.title == text for r in RECORDS)
        assert about == ("title" if holding == 1 else f"title · {holding} documents"), text
    assert any(about != "title" for _, about in options[1:])
    assert options == expected(server, "Sisson")
    assert box(page).get_attribute("role") == "combobox" and box(page).get_attribute("aria-expanded") == "true"
    assert box(page).get_attribute("aria-controls") == page.get_by_role("listbox").get_attribute("id")
    under = page.get_by_role("listbox").bounding_box()
    field = box(page).bounding_box()
    assert under["y"] >= field["y"] + field["height"] - 1 and abs(under["x"] - field["x"]) < 2


@pytest.mark.parametrize(
    ("typed", "name", "query"),
    [
        ("Edwin Bjork", "Edwin Björkman", '"Edwin Björkman"'),  # accents ignored: no option holds "bjork"
        ("propaganda Siss", "Edgar Sisson", 'propaganda "Edgar Sisson"'),  # the last word completed: none holds "propaganda"
    ],
)
def test_a_suggestion_that_does_not_repeat_the_typed_text_is_shown_and_chosen_by_mouse(page, server, typed, name, query) -> None:
    """Chromium showed a datalist's option only if its value or label held each typed word: these
    suggestions were sent, put in the list, and hidden. Clicking one puts its search in the box,
    the words typed before the name kept, and the list closes; Enter searches it."""
    type_in(page, typed)
    options = shown(page)
    assert options[0][0] == name and options == expected(server, typed)
    page.get_by_role("listbox").get_by_role("option").first.click()
    assert box(page).input_value() == query
    assert page.get_by_role("listbox").is_hidden() and box(page).get_attribute("aria-expanded") == "false"
    assert box(page).evaluate("b => b === document.activeElement")  # the box kept the focus
    page.wait_for_timeout(300)  # no new list for the text chosen
    assert page.get_by_role("listbox").is_hidden()
    with page.expect_navigation():
        box(page).press("Enter")
    assert params(page)["q"] == [query]


def test_the_keyboard_moves_through_the_list_closes_it_and_chooses(page, server) -> None:
    type_in(page, "Sisson")
    options = shown(page)
    field = box(page)

    def reached() -> str | None:  # the text of the option aria-activedescendant names, None for none
        marked = field.get_attribute("aria-activedescendant")
        if not marked:
            return None
        option = page.locator(f"#{marked}")
        assert option.get_attribute("aria-selected") == "true" and option.get_attribute("role") == "option"
        assert page.locator("[role=option][aria-selected=true]").count() == 1
        return option.locator(".text").inner_text()

    assert reached() is None
    field.press("ArrowDown")
    assert reached() == options[0][0]
    field.press("ArrowDown")
    assert reached() == options[1][0]
    field.press("ArrowUp")
    field.press("ArrowUp")  # from the first, round to the last
    assert reached() == options[-1][0]
    field.press("Escape")
    assert page.get_by_role("listbox").is_hidden() and field.get_attribute("aria-expanded") == "false" and reached() is None
    assert field.input_value() == "Sisson"  # Escape closed the list, it did not empty the box
    field.press("ArrowDown")  # opens it again, at the first
    page.get_by_role("listbox").wait_for(state="visible")
    assert reached() == options[0][0]
    field.press("Enter")
    assert field.input_value() == '"Edgar Sisson"' and page.get_by_role("listbox").is_hidden()
    assert page.url == server.url("/")  # chosen, not yet searched
    with page.expect_navigation():
        field.press("Enter")  # no option reached: the form submits the box
    assert params(page)["q"] == ['"Edgar Sisson"']


def test_choosing_a_title_opens_its_document_and_typing_one_searches_it(page, server) -> None:
    holding = Counter(r.title for r in RECORDS if "Sisson" in r.title)
    titles = {r.title: r.identifier for r in RECORDS if holding[r.title] == 1}  # a title of one document only
    type_in(page, "Sisson")
    options = shown(page)
    at = next(k for k, (text, about) in enumerate(options) if about == "title" and text in titles)
    for _ in range(at + 1):
        box(page).press("ArrowDown")
    title = options[at][0]
    with page.expect_navigation():
        box(page).press("Enter")
    assert page.url == server.url(f"/documents/{titles[title]}")
    assert page.locator("h1").inner_text() == title
    type_in(page, "Sisson")
    shown(page)
    box(page).fill(title)  # typed whole, no option chosen: searched as words
    page.wait_for_timeout(400)
    with page.expect_navigation():
        box(page).press("Enter")
    assert params(page)["q"] == [title]


def test_choosing_a_title_several_documents_hold_searches_them(page, server) -> None:
    # "Memorandum of Conversation" opened one of the 482 demo documents of that title, chosen by nothing the reader saw
    holding = Counter(r.title for r in RECORDS if "Sisson" in r.title)
    (shared, count), = [(title, n) for title, n in holding.items() if n > 1]
    type_in(page, "Sisson")
    options = shown(page)
    at = options.index((shared, f"title · {count} documents"))
    for _ in range(at + 1):
        box(page).press("ArrowDown")
    box(page).press("Enter")
    assert box(page).input_value() == f'title:"{shared}"' and page.url == server.url("/")
    with page.expect_navigation():
        box(page).press("Enter")
    assert sorted(hit_ids(page)) == sorted(r.identifier for r in RECORDS if r.title == shared)


def test_the_list_closes_when_the_box_loses_focus(page, server) -> None:
    type_in(page, "Sisson")
    shown(page)
    page.get_by_label("Sort").focus()
    assert page.get_by_role("listbox").is_hidden() and box(page).get_attribute("aria-expanded") == "false"
    assert box(page).input_value() == "Sisson"


def test_suggestions_go_when_the_box_is_cleared(page, server) -> None:
    # Typing "Sisson" fills the list; deleting back to one letter, or to nothing, empties it
    # (suggestions for "Sisson" under a box holding "S" would offer what was not asked for).
    type_in(page, "Sisson")
    count = "() => document.querySelectorAll('#suggestions [role=option]').length"
    shown(page)
    for _ in range(5):
        box(page).press("Backspace")
    assert box(page).input_value() == "S"
    page.wait_for_function(f"({count})() === 0")
    assert page.get_by_role("listbox").is_hidden()
    box(page).press_sequentially("isson", delay=30)
    shown(page)
    box(page).fill("")
    page.wait_for_function(f"({count})() === 0")
    assert page.get_by_role("listbox").is_hidden()


def test_a_list_for_earlier_text_cannot_be_chosen_once_more_is_typed(page, server) -> None:
    # Typing on while the list for "Sisson" showed, then Down and Enter before the new answer came,
    # chose "Edgar Sisson" and erased what was typed since (found by a fresh user): the list goes
    # at the first key, and Enter searches what the box holds.
    type_in(page, "Sisson")
    shown(page)
    held = []
    page.route(re.compile(r"/api/suggest"), lambda route: held.append(route))  # the new answer never comes
    box(page).press_sequentially(" fil", delay=10)
    assert page.get_by_role("listbox").is_hidden()
    box(page).press("ArrowDown")
    assert box(page).get_attribute("aria-activedescendant") is None
    with page.expect_navigation():
        box(page).press("Enter")
    assert params(page)["q"] == ["Sisson fil"]


def test_a_late_answer_for_earlier_letters_does_not_replace_the_suggestions(page, server) -> None:
    """Typing "Cr", pausing, then "eel": if the answer for "Cr" comes after the one for "Creel",
    the list must still show the suggestions for "Creel", what the box holds."""
    held = []
    early, late = re.compile(r"/api/suggest\?q=Cr&"), re.compile(r"/api/suggest\?q=Creel&")
    page.route(early, lambda route: held.append(route))  # held: answered only when released below
    page.goto("/")
    with page.expect_request(early):
        box(page).press_sequentially("Cr")
    with page.expect_response(late):
        box(page).press_sequentially("eel")
    creel, cr = expected(server, "Creel"), expected(server, "Cr")
    assert creel != cr
    page.wait_for_function(
        "want => JSON.stringify([...document.querySelectorAll('#suggestions .text')].map(t => t.textContent)) === JSON.stringify(want)",
        arg=[text for text, _ in creel],
    )
    (route,) = held
    with page.expect_event("requestfinished", lambda r: early.search(r.url)):
        route.continue_()
    # Let the page read the late answer: a round trip through its event loop after the response ended.
    page.evaluate("() => new Promise(done => setTimeout(done, 100))")
    assert shown(page) == creel


def put(page, value: str) -> None:
    """Set the box to ``value`` as a paste does (one input event), whatever it holds."""
    page.goto("/")
    box(page).evaluate("(b, v) => { b.focus(); b.value = v; b.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'})); }", value)


@pytest.mark.parametrize(
    ("before", "kept"),
    [
        ("\x01\x7f\u200b ", "  \u200b "),  # control characters are spaces, as the search reads them
        ("propaganda " * 70, "propaganda " * 70),  # 770 characters before the name: the box holds up to 798
        ("<b>propaganda</b> ", "<b>propaganda</b> "),  # markup around a word the documents hold
    ],
)
def test_a_hostile_beginning_is_kept_as_text(page, server, before, kept) -> None:
    """Whatever comes before the last word, the name is suggested when the new box finds documents,
    nothing of it runs or shows as markup, and choosing the name keeps it as typed (the page watcher
    fails the test on a dialog, an HTTP error or a console error)."""
    put(page, before + "Siss")
    assert shown(page)[0][0] == "Edgar Sisson"
    assert page.locator("main img, main b, main script").count() == 0 and scripts(page) == OWN_SCRIPTS
    page.get_by_role("listbox").get_by_role("option").first.click()
    assert box(page).input_value() == kept + '"Edgar Sisson"'


@pytest.mark.parametrize("before", ["<img src=x onerror=alert(1)> ", "<script>alert(1)</script> ", '"></ul><b>x</b>" '])
def test_markup_before_the_last_word_never_runs_nor_shows(page, server, before) -> None:
    """Markup whose words no document holds: the name it would complete finds nothing, so no list
    shows (a suggestion that finds no document is not made); nothing of it runs or shows as markup."""
    with page.expect_response(re.compile(r"/api/suggest\?")) as answer:
        put(page, before + "Siss")
    assert [s for s in answer.value.json() if s["kind"] != "title"] == []
    page.evaluate("() => new Promise(done => setTimeout(done, 100))")
    assert page.locator("main img, main b, main script").count() == 0 and scripts(page) == OWN_SCRIPTS
    assert box(page).input_value() == before + "Siss"


@pytest.mark.parametrize("value", ["周" * 1000, "x" * 799 + " Siss"])
def test_more_than_the_box_takes_asks_for_nothing(page, server, value) -> None:
    """A value longer than the box's maxlength (set by a script) is not sent: 1,000 Han characters
    percent-encode to 9,000 bytes, more than the server reads of a request line (414)."""
    asked = []
    page.on("request", lambda r: "/api/suggest" in r.url and asked.append(r.url))
    put(page, value)
    page.wait_for_timeout(400)
    assert asked == [] and page.get_by_role("listbox").is_hidden()


def test_the_list_fits_a_phone(page, server) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/")
    wide = page.evaluate("document.documentElement.scrollWidth")
    box(page).press_sequentially("Sisson", delay=30)
    shown(page)
    area = page.get_by_role("listbox").bounding_box()
    assert area["x"] >= 0 and area["x"] + area["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") == wide  # the list widens nothing: its long titles wrap
    page.get_by_role("listbox").get_by_role("option").first.click()
    assert box(page).input_value() == '"Edgar Sisson"'


def test_without_javascript_the_form_still_searches(browser, server) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=server.url())
    try:
        page = context.new_page()
        page.goto("/")
        field = page.get_by_label("Search the archive")
        assert field.get_attribute("role") is None and page.locator("#suggestions").is_hidden()
        field.fill("Sisson")
        with page.expect_navigation():
            field.press("Enter")
        assert params(page)["q"] == ["Sisson"]
        assert page.locator("li.hit").count() > 0
    finally:
        context.close()
