"""The search page in Chromium as a researcher uses it: a query typed and submitted, hits, facets,
the year histogram, paging, "did you mean", a date range with sorting. Expected values come from
the fixture files (:mod:`tests.browser.archive`), never from the page under test."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.browser.archive import BY_ID, PAGE_SIZE, RECORDS, containing, shown_date, year_of
from tests.browser.pages import count_text, hit_ids, params, results, search

PROPAGANDA = containing("propaganda")  # 31 of the 45 documents
BARS_PX = 64  # the histogram's height, 4rem at the browser's 16 px
BAR_MIN_PX = 6  # the least height of a year's bar holding documents, .375rem


def test_a_typed_query_lists_its_documents_with_title_date_and_highlighted_snippets(page) -> None:
    page.goto("/")
    assert count_text(page) == results(1, len(RECORDS))  # the whole archive before any query
    search(page, "propaganda")
    assert params(page)["q"] == ["propaganda"]
    assert page.title() == "propaganda – Search – Legation"
    assert count_text(page) == results(1, len(PROPAGANDA))
    assert page.get_by_label("Search the archive").input_value() == "propaganda"
    ids = hit_ids(page)
    assert len(ids) == PAGE_SIZE and set(ids) <= {r.identifier for r in PROPAGANDA}
    for hit, identifier in zip(page.locator("li.hit").all(), ids):
        record = BY_ID[identifier]
        assert hit.locator("h3").inner_text() == record.title
        assert hit.locator(".date").inner_text() == shown_date(record)
        assert hit.locator(".meta").inner_text().startswith(record.document_type)
        marks = hit.locator(".snippet mark").all_inner_texts()
        # Every fixture match is in the text, so every hit has a snippet marking the word.
        assert marks and {m.lower() for m in marks} == {"propaganda"}, (identifier, marks)


def test_a_hits_title_shows_the_name_sought_marked(page) -> None:
    """Creel is named in the titles of the letters he wrote and received ("… (Creel) to President
    Wilson"): each title shows him marked, and reads as the title still."""
    search(page, "Creel")
    ids = hit_ids(page)
    assert ids and any("Creel" in BY_ID[i].title for i in ids)
    for hit, identifier in zip(page.locator("li.hit").all(), ids):
        title = BY_ID[identifier].title
        assert hit.locator("h3").inner_text() == title
        assert hit.locator("h3 mark").all_inner_texts() == re.findall(r"\bCreel\b", title), identifier


def test_paging_walks_every_match_once_and_back(page) -> None:
    search(page, "propaganda")
    total = len(PROPAGANDA)
    last = -(-total // PAGE_SIZE)
    seen: list[str] = []
    for number in range(1, last + 1):
        assert count_text(page) == results((number - 1) * PAGE_SIZE + 1, total)
        assert page.locator("nav.pages span").inner_text() == f"Page {number} of {last}"
        seen += hit_ids(page)
        if number < last:
            with page.expect_navigation():
                page.get_by_role("link", name="Next →").click()
            assert params(page)["page"] == [str(number + 1)]
    assert page.get_by_role("link", name="Next →").count() == 0
    assert sorted(seen) == sorted(r.identifier for r in PROPAGANDA)  # each match once, none missing
    with page.expect_navigation():
        page.get_by_role("link", name="← Previous").click()
    assert count_text(page) == results((last - 2) * PAGE_SIZE + 1, total)


def test_facet_values_narrow_combine_with_or_and_show_as_selected(page) -> None:
    search(page, "propaganda")
    types = Counter(r.document_type for r in PROPAGANDA)
    facet = page.locator('section.facet[data-facet="type"]')
    shown = {li.locator(".value").inner_text(): int(li.locator(".count").inner_text()) for li in facet.locator("li").all()}
    assert shown == dict(types)

    with page.expect_navigation():
        facet.get_by_role("link", name="Telegram").click()
    assert params(page)["type"] == ["Telegram"] and params(page)["q"] == ["propaganda"]
    assert count_text(page) == results(1, types["Telegram"])
    assert {BY_ID[i].document_type for i in hit_ids(page)} == {"Telegram"}
    facet = page.locator('section.facet[data-facet="type"]')
    assert facet.locator("li.selected .value").all_inner_texts() == ["Telegram"]
    assert facet.locator("li.selected a").inner_text().startswith("✓")
    # screen readers are told which value is chosen (the ✓ is hidden from them)
    assert facet.locator('li.selected a[aria-current="true"]').count() == 1 and facet.locator("a[aria-current]").count() == 1

    with page.expect_navigation():  # a second value of the same facet: either one
        facet.get_by_role("link", name="Report").click()
    assert sorted(params(page)["type"]) == ["Report", "Telegram"]
    assert count_text(page) == results(1, types["Telegram"] + types["Report"])
    facet = page.locator('section.facet[data-facet="type"]')
    assert sorted(facet.locator("li.selected .value").all_inner_texts()) == ["Report", "Telegram"]

    with page.expect_navigation():  # a selected value's link takes it off again
        facet.locator("li.selected", has_text="Telegram").get_by_role("link").click()
    assert params(page)["type"] == ["Report"]
    assert count_text(page) == results(1, types["Report"])


def test_values_of_two_facets_must_both_hold(page) -> None:
    search(page, "propaganda")
    with page.expect_navigation():
        page.locator('section.facet[data-facet="type"]').get_by_role("link", name="Telegram").click()
    telegrams = Counter(year_of(r) for r in PROPAGANDA if r.document_type == "Telegram")
    year = max((y for y in telegrams if y), key=telegrams.get)
    year_facet = page.locator('section.facet[data-facet="year"]')
    assert int(year_facet.locator("li", has=page.locator(f'.value:text-is("{year}")')).locator(".count").inner_text()) == telegrams[year]
    with page.expect_navigation():
        year_facet.get_by_role("link", name=year).click()
    assert params(page)["type"] == ["Telegram"] and params(page)["year"] == [year]
    assert count_text(page) == results(1, telegrams[year])


def test_no_match_says_so_and_offers_to_remove_the_filters(page) -> None:
    cinema = containing("cinema")
    empty_year = next(str(y) for y in range(1917, 1920) if str(y) not in {year_of(r) for r in cinema})
    page.goto("/")
    page.get_by_label("Search the archive").fill("cinema")
    page.get_by_label("From").fill(empty_year)
    page.get_by_label("to", exact=True).fill(empty_year)
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    assert count_text(page) == "Results: 0"
    # the notice says why (the words match, the dates leave them out), not "try fewer words"
    notice = page.locator("p.notice").inner_text()
    assert notice.endswith("within the filters or dates chosen: remove a filter or widen the dates.")
    assert f"{len(cinema):,} document" in notice and "Try fewer words" not in page.content()
    with page.expect_navigation():
        page.get_by_role("link", name="Remove the filters").click()
    assert params(page) == {"q": ["cinema"]}
    assert count_text(page) == results(1, len(cinema))


def test_the_year_histogram_is_drawn_and_a_bar_narrows_to_its_year(page) -> None:
    search(page, "propaganda")
    years = Counter(year_of(r) for r in PROPAGANDA)
    undated = years.pop("")
    first, last = min(years), max(years)
    bars = page.locator("figure.histogram .bars > *")
    assert bars.count() == int(last) - int(first) + 1  # one bar a year, empty years included
    histogram = page.locator("figure.histogram")
    assert histogram.locator(".bars a").count() == len(years)
    assert histogram.locator("figcaption").inner_text().split("\n") == [first, f"{undated} undated", last]
    for year, count in years.items():  # each bar is a link named by its year and count, as tall as its count
        bar = histogram.get_by_role("link", name=f"{year}: {count}", exact=True)
        assert bar.get_attribute("style") == f"height: {round(100 * count / max(years.values()))}%"
        assert bar.bounding_box()["height"] > 0

    busiest = max(years, key=years.get)
    with page.expect_navigation():
        histogram.get_by_role("link", name=f"{busiest}: {years[busiest]}", exact=True).click()
    assert params(page)["start_date"] == [busiest] and params(page)["end_date"] == [busiest]
    assert params(page)["q"] == ["propaganda"]
    assert count_text(page) == results(1, years[busiest])
    assert page.get_by_label("From").input_value() == busiest and page.get_by_label("to", exact=True).input_value() == busiest
    assert all(shown_date(BY_ID[i]).endswith(busiest) for i in hit_ids(page))
    # one year draws no histogram: the way back is a link, not the boxes cleared by hand (a fresh user)
    assert page.locator("p.dates-chosen").inner_text() == f"Dates from {busiest} to {busiest} · All dates"
    with page.expect_navigation():
        page.get_by_role("link", name="All dates", exact=True).click()
    assert params(page) == {"q": ["propaganda"]} and count_text(page) == results(1, len(PROPAGANDA))
    # and the undated matches are a click away, as each year is
    with page.expect_navigation():
        page.locator("figure.histogram figcaption").get_by_role("link", name=f"{undated} undated").click()
    assert params(page) == {"q": ["propaganda"], "year": ["Undated"]} and count_text(page) == results(1, undated)
    assert all(not BY_ID[i].date_edtf for i in hit_ids(page))


def test_the_histograms_bars_stand_out_from_the_page_as_a_graphic_must(page) -> None:
    # the bars were 2.3:1 against the page, under the 3:1 WCAG 2.1 (1.4.11, non-text contrast)
    # asks of the parts of a graphic one must see to understand it (a fresh user)
    search(page, "propaganda")
    colours = page.evaluate(
        """() => [getComputedStyle(document.querySelector('figure.histogram .bars a')).backgroundColor,
                  getComputedStyle(document.body).backgroundColor]"""
    )

    def luminance(rgb: str) -> float:  # WCAG 2.1's relative luminance of "rgb(r, g, b)"
        channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    bar, ground = sorted(map(luminance, colours))
    assert (ground + 0.05) / (bar + 0.05) >= 3, colours
    # in forced colours (Windows High Contrast) backgrounds are dropped: the bars were gone (a fresh user)
    page.emulate_media(forced_colors="active")
    forced = page.evaluate(
        """() => [getComputedStyle(document.querySelector('figure.histogram .bars a')).backgroundColor,
                  getComputedStyle(document.body).backgroundColor]"""
    )
    bar, ground = sorted(map(luminance, forced))
    assert (ground + 0.05) / (bar + 0.05) >= 3, forced


def test_the_whole_archive_histogram_spans_two_centuries_and_its_thinnest_bar_still_clicks(page) -> None:
    page.goto("/")
    years = Counter(year_of(r) for r in RECORDS)
    undated = years.pop("")
    histogram = page.locator("figure.histogram")
    assert histogram.locator(".bars > *").count() == int(max(years)) - int(min(years)) + 1
    assert histogram.locator("figcaption").inner_text().split("\n") == [min(years), f"{undated} undated", max(years)]
    # Each bar is as tall as its count, in the 4rem (64 px) of the histogram, but for a visible
    # minimum of .375rem (6 px): the 1720 letter's bar, one document against the busiest year's
    # dozens, was 2.5 px tall, hard to see and to click. Bars above the minimum keep their height.
    tallest = max(years.values())
    for year, count in years.items():
        box = histogram.get_by_role("link", name=f"{year}: {count}", exact=True).bounding_box()
        assert abs(box["height"] - max(BAR_MIN_PX, BARS_PX * round(100 * count / tallest) / 100)) < 0.5, (year, count, box)
    assert round(BARS_PX * round(100 * years[min(years)] / tallest) / 100, 1) < BAR_MIN_PX  # the test's point: this bar got the minimum
    assert any(BARS_PX * round(100 * c / tallest) / 100 > BAR_MIN_PX for c in years.values() if c < tallest)  # and others their own
    earliest = min(years)  # the 1720 letter: one bar among two hundred
    with page.expect_navigation():
        histogram.get_by_role("link", name=f"{earliest}: {years[earliest]}", exact=True).click()
    assert count_text(page) == results(1, years[earliest])
    assert [year_of(BY_ID[i]) for i in hit_ids(page)] == [earliest] * years[earliest]


@pytest.mark.parametrize("width", [360, 320])
def test_on_a_phone_every_bar_of_a_two_century_histogram_is_there_to_see_and_tap(page, width) -> None:
    # The archive's 200 bars (1720 to 1919) beside 199 px of 1 px gaps in a phone's 312 px: each bar
    # was half a pixel wide, 0.4 at 320 px, and a span of 300 years drew none at all (a fresh user's
    # demo archive with one letter of 1720 in it). The gaps give way: every bar a pixel wide or more.
    page.goto("/")
    # first on a desktop, where the 200 bars have room in the results' 864 px: a pixel between each
    # two, and bars of 3 px
    edges = page.locator("figure.histogram .bars > *").evaluate_all("bars => bars.map(b => [b.getBoundingClientRect().left, b.getBoundingClientRect().right])")
    assert {round(left - right, 2) for (_, right), (left, _) in zip(edges, edges[1:])} == {1}
    assert min(right - left for left, right in edges) > 2
    page.set_viewport_size({"width": width, "height": 740})
    years = Counter(year_of(r) for r in RECORDS)
    years.pop("")
    histogram = page.locator("figure.histogram")
    assert histogram.locator(".bars > *").count() == int(max(years)) - int(min(years)) + 1 >= 200
    widths = histogram.locator(".bars > *").evaluate_all("bars => bars.map(b => b.getBoundingClientRect().width)")
    assert min(widths) >= 1, sorted(widths)[:3]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    earliest = min(years)  # the 1720 letter's bar, tapped where it stands
    box = histogram.get_by_role("link", name=f"{earliest}: {years[earliest]}", exact=True).bounding_box()
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    assert [year_of(BY_ID[i]) for i in hit_ids(page)] == [earliest] * years[earliest]


def test_a_long_facet_lists_every_value_on_its_page_and_its_box_narrows_them(page) -> None:
    senders = Counter(name for r in RECORDS for name in {a.name for a in r.agents if a.role == "sender"})
    page.goto("/")
    with page.expect_navigation():
        page.get_by_role("link", name="All from values…").click()
    assert page.locator("h1").inner_text() == "From"

    def listed() -> dict[str, int]:
        items = page.locator("ul.facet-all li").all()
        return {li.locator("a").inner_text(): int(li.locator(".count").inner_text()) for li in items}

    assert listed() == dict(senders)
    box = page.get_by_label("Values containing")
    assert box.evaluate("input => input === document.activeElement")  # the box has the focus: type at once
    page.keyboard.type("embassy")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    embassies = {name: n for name, n in senders.items() if "embassy" in name.casefold()}
    assert len(embassies) > 1 and listed() == embassies
    # the box's name hid the form's own contains() ("lastDidNotMatchSelf.contains is not a function" in Playwright)
    assert page.locator("form.facet-filter").evaluate("form => typeof form.contains") == "function"
    page.get_by_text("Values containing").click()  # a text selector, which failed on this page
    chosen = max(embassies, key=lambda name: (embassies[name], name))
    with page.expect_navigation():
        page.get_by_role("link", name=chosen, exact=True).click()
    assert params(page) == {"sender": [chosen]}
    assert count_text(page) == results(1, embassies[chosen])


def test_did_you_mean_offers_the_archive_spelling_and_its_link_searches_it(page) -> None:
    search(page, "propoganda")
    assert not containing("propoganda")
    assert count_text(page) == "Results: 0"
    suggestion = page.locator("p.did-you-mean a")
    assert suggestion.inner_text() == "propaganda"
    with page.expect_navigation():
        suggestion.click()
    assert params(page)["q"] == ["propaganda"]
    assert page.get_by_label("Search the archive").input_value() == "propaganda"
    assert count_text(page) == results(1, len(PROPAGANDA))


def test_a_date_range_typed_in_the_form_with_oldest_first(page) -> None:
    page.goto("/")
    page.get_by_label("From").fill("1918-07")
    page.get_by_label("to", exact=True).fill("1918-08")
    page.get_by_label("Sort").select_option(label="Date (oldest first)")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    # A document overlaps July–August 1918 when it starts before the range ends and ends after it starts.
    expected = [r for r in RECORDS if r.date_earliest and r.date_earliest <= "1918-08-31" and r.date_latest >= "1918-07-01"]
    assert count_text(page) == results(1, len(expected))
    ids = hit_ids(page)
    shown_days = [BY_ID[i].date_earliest for i in ids]
    assert shown_days == sorted(r.date_earliest for r in expected)[:PAGE_SIZE]
    assert page.get_by_label("Sort").input_value() == "date_asc"


@pytest.mark.parametrize("width", [360, 320])
def test_on_a_phone_the_search_page_is_no_wider_than_the_screen(page, width) -> None:
    # The date fieldset (two inputs and a select) kept its one line: at 360 px the page was 375 px
    # wide and the select cut off at the right (found by a fresh user). Its parts now wrap.
    page.set_viewport_size({"width": width, "height": 740})
    search(page, "propaganda")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    select = page.get_by_label("How dates match the range").bounding_box()
    assert select["x"] + select["width"] <= width


@pytest.mark.parametrize("q", ["x" * 150, "frus1917-72PubDip-d1" + "0" * 80])
def test_a_long_word_in_a_query_a_notice_or_a_hit_wraps_rather_than_widen_the_page(page, q) -> None:
    # A fresh user's 150-letter word made "No document matches …" 1,516 px wide in a 1,100 px
    # window, an identifier with 80 zeros the notice 1,389 px, a title of one 1,990-letter word the page 17,818 px.
    page.set_viewport_size({"width": 1100, "height": 800})
    search(page, q)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1100


def test_on_a_phone_the_results_come_before_the_facets_and_beside_them_on_a_desktop(page) -> None:
    search(page, "propaganda")
    first_hit, first_facet = page.locator("li.hit").first, page.locator("section.facet").first
    hit, facet = first_hit.bounding_box(), first_facet.bounding_box()
    assert facet["x"] < hit["x"] and facet["y"] < hit["y"] + hit["height"]  # 1,280 px: facets in the left column
    page.set_viewport_size({"width": 390, "height": 844})
    hit, facet = first_hit.bounding_box(), first_facet.bounding_box()
    assert hit["y"] + hit["height"] <= facet["y"]  # one column: the first hit above the first facet
    assert hit["y"] < 844  # and on the first screen
    # a link on the first screen leads to the facets, a screen of hits or more down
    link = page.get_by_role("link", name="Narrow the results ↓")
    assert link.bounding_box()["y"] < 844 and first_facet.bounding_box()["y"] > 844
    link.click()
    page.wait_for_function("() => document.querySelector('section.facet').getBoundingClientRect().top < 844")
    assert page.evaluate("document.activeElement.id") == "facets"
    page.set_viewport_size({"width": 1280, "height": 844})
    assert link.is_hidden()  # beside the results, the facets need no link


def test_a_document_opened_from_the_results_leads_back_to_them(page) -> None:
    """Chromium sends the search page's address to the document page (same origin), which links
    back to it: the query and the page of results are kept, not an empty search page."""
    search(page, "propaganda")
    with page.expect_navigation():
        page.get_by_role("link", name="Next →").click()
    on_page_two = hit_ids(page)
    with page.expect_navigation():
        page.locator("li.hit h3 a").first.click()
    with page.expect_navigation():
        page.get_by_role("link", name="← Back to the results").click()
    assert params(page)["q"] == ["propaganda"] and params(page)["page"] == ["2"]
    assert hit_ids(page) == on_page_two


@pytest.mark.parametrize("width", [1280, 800, 375])
def test_a_facet_values_count_stays_on_one_line_and_its_name_on_two_but_a_collections_whole(page, width) -> None:
    # A fresh user saw "423" stacked one digit a line beside a long collection title, and a
    # third line of the title showing under its ellipsis: the count, a flex item, shrank to one
    # letter (main breaks words anywhere), and the stretched link showed what the clamp cut.
    # Then another: two lines of every FRUS volume's title read "Foreign Relations of the United
    # States, 1949, The Far East and Australasia,…", its part cut off; a collection's is whole.
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/")
    rows = page.locator("section.facet li").evaluate_all(
        """items => items.map(li => {
            const a = li.querySelector('a'), count = li.querySelector('.count');
            const line = parseFloat(getComputedStyle(a).lineHeight);
            return {facet: li.closest('section').dataset.facet, name: a.innerText, line, count: count.getBoundingClientRect().height,
                    shown: a.getBoundingClientRect().height, whole: a.scrollHeight <= a.clientHeight + 1};
        })"""
    )
    assert rows and any(row["facet"] == "collection" for row in rows)
    for row in rows:
        assert row["count"] < 1.5 * row["line"], row  # one line
        if row["facet"] == "collection":
            assert row["whole"], row  # nothing under a clamp
        else:
            assert row["shown"] < 2.5 * row["line"], row  # two lines at most, nothing shown under the ellipsis


def test_back_on_a_page_of_results_the_form_shows_its_own_search(page) -> None:
    # A fresh user chose a sort and an end date, searched, went Back: the earlier results showed
    # beside the later search's date and sort, which the next search then sent unseen.
    search(page, "propaganda")
    page.get_by_label("Sort").select_option("date_desc")
    page.get_by_label("to").fill("1918")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    assert params(page)["end_date"] == ["1918"]
    page.go_back()
    assert params(page) == {"q": ["propaganda"]}
    assert page.get_by_label("to").input_value() == "" and page.get_by_label("Sort").input_value() == "relevance"
    page.get_by_label("Search the archive").fill("Creel")
    with page.expect_navigation():
        page.get_by_label("Search the archive").press("Enter")
    assert params(page) == {"q": ["Creel"]}


def test_the_form_sends_only_what_was_asked(page) -> None:
    # empty boxes and the default sort and date match made ?q=x&start_date=&end_date=&date_match=overlap&sort=relevance
    search(page, "propaganda")
    assert params(page) == {"q": ["propaganda"]}
    page.get_by_label("From").fill(" 1918 ")  # sent as start_date=+1958+ (a fresh user): trimmed
    page.get_by_label("Sort").select_option("date_asc")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    assert params(page) == {"q": ["propaganda"], "start_date": ["1918"], "sort": ["date_asc"]}
    assert count_text(page) == results(1, len([r for r in PROPAGANDA if year_of(r) >= "1918"]))
    # nothing asked: the search page's own address, not "/?" (a fresh user)
    page.get_by_label("Search the archive").fill("")
    page.get_by_label("From").fill("")
    page.get_by_label("Sort").select_option("relevance")
    with page.expect_navigation():
        page.get_by_role("button", name="Search").click()
    assert page.url.endswith("/") and "?" not in page.url, page.url


def test_the_headings_outline_the_page_and_the_hits_come_under_results(page) -> None:
    # no h1, and the hits' titles (h3) came under the last facet's heading, "Year", to a screen reader
    search(page, "propaganda")
    headings = page.locator("h1, h2, h3").evaluate_all("hs => hs.map(h => [h.tagName, h.textContent.trim()])")
    facets = page.locator("section.facet h2").all_inner_texts()
    hits = page.locator("li.hit h3").all_inner_texts()
    assert headings == [["H1", "Search"], *(["H2", f] for f in facets), ["H2", "Results"], *(["H3", h] for h in hits)]
    assert facets and len(hits) == PAGE_SIZE
