"""Query strings of the search page's links."""

from __future__ import annotations

import datetime as dt
import random
from urllib.parse import urlencode

import pytest

from legation.errors import InvalidQuery
from legation.web.params import query_string, query_strings, search_request_from

VALUES = ["", "a", "b c", "&=?#+%", "Zhōu 周", "x'y\"z", "1950"]
NAMES = ["q", "type", "sender", "start_date", "end_date", "page", "_"]


def expected(params: dict, changes: dict) -> str:
    """The link as urlencode writes it: params in order, a changed one in its place, a new one
    last, None removing one, empty values dropped."""
    merged = {k: [v for v in vs if v] for k, vs in params.items()}
    for name, value in changes.items():
        if value is None:
            merged.pop(name, None)
        else:
            merged[name] = [value] if isinstance(value, str) else list(value)
    return "?" + urlencode([(k, v) for k, vs in merged.items() for v in vs if v])


def test_query_strings_writes_what_urlencode_writes():
    # Changed parameters in params or not, before or after the others, removed (None), emptied,
    # given as one string or several, with empty values among them (dropped).
    rnd = random.Random(5)
    for _ in range(3000):
        params = {n: rnd.choices(VALUES, k=rnd.randint(0, 3)) for n in rnd.sample(NAMES, rnd.randint(0, 6))}
        names = rnd.sample(NAMES, rnd.randint(1, 3))
        link = query_strings(params, *names)
        for _ in range(3):
            changes = {n: rnd.choice([None, rnd.choice(VALUES), rnd.choices(VALUES, k=rnd.randint(0, 3))]) for n in names}
            assert link(**changes) == query_string(params, **changes) == expected(params, changes), (params, changes)


def test_query_strings_keeps_a_changed_parameter_in_its_place():
    link = query_strings({"q": ["treaty"], "type": ["Letter"], "page": ["2"]}, "type", "start_date")
    assert link(type=["Letter", "Telegram"], start_date="1950") == "?q=treaty&type=Letter&type=Telegram&page=2&start_date=1950"
    assert link(type=None, start_date=None) == "?q=treaty&page=2"


def test_the_undated_bucket_is_accepted_in_any_case():
    request = search_request_from({"year": ["undated", "UNDATED", "Undated", "1950"]})
    assert request.filters == {"year": ["Undated", "Undated", "Undated", "1950"]}


def test_year_undated_finds_what_year_Undated_finds(client, frus_archive):
    exact, lower = client.get("/api/search", {"year": "Undated"}), client.get("/api/search", {"year": "undated"})
    assert lower.status_code == 200
    assert lower.json()["total"] == exact.json()["total"] > 0
    page = client.get("/", {"year": "undated"})
    assert page.status_code == 200


def test_the_date_boxes_name_every_form_they_take_and_the_api_its_own() -> None:
    # the page's boxes read "Dec 1949", "22.XII.1949", "1950s", yet said "write YYYY, YYYY-MM or YYYY-MM-DD"
    with pytest.raises(InvalidQuery) as page:
        search_request_from({"start_date": ["1950-13"]}, form=True)
    assert str(page.value) == (
        "\"From\": '1950-13' is not a real date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1949-12, "
        "or a date as archives write it: Dec 1949, 22.XII.1949, 1950s"
    )
    with pytest.raises(InvalidQuery) as api:
        search_request_from({"end_date": ["Dec 1949"]})
    assert str(api.value) == "end_date: 'Dec 1949' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1949-12"
    assert search_request_from({"end_date": ["Dec 1949"]}, form=True).end_date == dt.date(1949, 12, 31)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1949/12/22", dt.date(1949, 12, 22), dt.date(1949, 12, 22)),
        ("1949/XII.22", dt.date(1949, 12, 22), dt.date(1949, 12, 22)),  # was 1949-01-01 … 1949-12-22 (a fresh user)
        ("1949/XII", dt.date(1949, 12, 1), dt.date(1949, 12, 31)),
        ("approximately 1950", dt.date(1950, 1, 1), dt.date(1950, 12, 31)),  # as "ca. 1950"
        ("22.xii.1949", dt.date(1949, 12, 22), dt.date(1949, 12, 22)),
        ("22–12–1949", dt.date(1949, 12, 22), dt.date(1949, 12, 22)),
        ("22—12—1949", dt.date(1949, 12, 22), dt.date(1949, 12, 22)),  # em dashes: "not a real date" (a fresh user)
        ("1949/12", dt.date(1949, 12, 1), dt.date(1949, 12, 31)),  # the year first, then its month: "not a real date"
        ("1950/V", dt.date(1950, 5, 1), dt.date(1950, 5, 31)),
    ],
)
def test_the_date_boxes_read_a_date_as_ingest_does(text, start, end) -> None:
    request = search_request_from({"start_date": [text], "end_date": [text]}, form=True)
    assert (request.start_date, request.end_date) == (start, end)


@pytest.mark.parametrize(
    ("box", "text", "said"),
    [
        # searched from 1957 ("[..1957]" has one known end) under "Dates from before 1958" (a researcher)
        ("start_date", "before 1958", "\"From\": 'before 1958' has no earliest day to search from; write one, or leave the box empty ('before 1958' belongs in \"to\")"),
        ("start_date", "../1957", "\"From\": '../1957' has no earliest day to search from;"),
        # searched to the end of 1959
        ("end_date", "after 1958", "\"to\": 'after 1958' has no latest day to search to; write one, or leave the box empty ('after 1958' belongs in \"From\")"),
        ("end_date", "1959/..", "\"to\": '1959/..' has no latest day to search to;"),
    ],
)
def test_a_date_box_refuses_a_date_open_on_its_side(box: str, text: str, said: str) -> None:
    with pytest.raises(InvalidQuery) as page:
        search_request_from({box: [text]}, form=True)
    assert str(page.value).startswith(said)
    # in the other box it is the bound its known end gives: before 1958, to the end of 1957
    other = "end_date" if box == "start_date" else "start_date"
    request = search_request_from({other: [text]}, form=True)
    assert getattr(request, other) == (dt.date(1957, 12, 31) if other == "end_date" else dt.date(1959, 1, 1))


def test_the_date_boxes_say_why_a_date_written_year_first_is_no_day() -> None:
    with pytest.raises(InvalidQuery) as page:
        search_request_from({"start_date": ["1949/13/22"]}, form=True)
    assert str(page.value).startswith("\"From\": '1949/13/22' is not a real date: 13 is not a month; write YYYY")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # said "is not a real date" alone (a fresh user)
        ("c. 22-12-49", "the year 49 has two digits, and its century would be a guess: write the year in four digits"),
        ("1949-12-22/1949-12-20", "it ends (1949-12-20) before it starts (1949-12-22): write the earlier date first"),
    ],
)
def test_the_date_boxes_say_why_a_date_qualified_or_a_range_backwards_is_none(text: str, problem: str) -> None:
    with pytest.raises(InvalidQuery) as page:
        search_request_from({"start_date": [text]}, form=True)
    assert str(page.value).startswith(f"\"From\": '{text}' is not a real date: {problem}; write YYYY")


def test_the_date_boxes_say_a_year_of_two_digits_would_need_a_century_guessed() -> None:
    with pytest.raises(InvalidQuery) as page:
        search_request_from({"end_date": ["22.XII.49"]}, form=True)
    assert str(page.value).startswith(
        "\"to\": '22.XII.49' is not a real date: the year 49 has two digits, and its century would be a guess: write the year in four digits;"
    )
