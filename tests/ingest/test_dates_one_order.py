"""Dates in numbers a session's notes found unread with no reason: a range whose one date tells day or month first
("22/12/1949 – 05/01/1950": 22 is no month) is read in that order at both ends, and one whose dates tell neither says both
readings; a range with "1911/12/13" at one end says that date's reason; "13/49" and "12/22" say what they may be.
Crafted strings (the notes' own): the corpora of ../shared/data write none of them (benchmarks/ingest/dates.py, before
against after)."""

from __future__ import annotations

import pytest

from legation.ingest.dates import ParsedDate, archival_day_bounds, parse_archival_date, unread_reason
from legation.records.dates import edtf_day_bounds


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("22/12/1949 – 05/01/1950", "1949-12-22/1950-01-05"),  # 22 is no month: the day first, at both ends
        ("12/22/1949 – 01/05/1950", "1949-12-22/1950-01-05"),  # 22 is no month: the month first (US order)
        ("05/01/1950 – 22/01/1950", "1950-01-05/1950-01-22"),  # told by the end
        ("22/12/1949 to 05/01/1950", "1949-12-22/1950-01-05"),
        ("22/12/1949-05/01/1950", "1949-12-22/1950-01-05"),
        ("22-12-1949 – 05-01-1950", "1949-12-22/1950-01-05"),
        ("22 12 1949 – 05 01 1950", "1949-12-22/1950-01-05"),
        ("c. 22/12/1949 – 05/01/1950", "1949-12-22~/1950-01-05~"),
    ],
)
def test_a_range_whose_one_date_tells_the_order_is_read_in_it(text: str, edtf: str) -> None:
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
    assert archival_day_bounds(text) == edtf_day_bounds(edtf)  # the search's date boxes read it too


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # neither date tells the order: both readings
        ("05/06/1949 – 07/08/1950", "neither of its dates tells whether the day or the month comes first: it may be 1949-06-05 to"
         " 1950-08-07 (the day first) or 1949-05-06 to 1950-07-08 (the month first): write the one meant as 1949-06-05/1950-08-07"
         " or 1949-05-06/1950-07-08"),
        ("10/02/1949 – 03/05/1949", "neither of its dates tells whether the day or the month comes first, and read other than the"
         " day first it ends before it starts: if it is 1949-02-10 to 1949-05-03, write it as 1949-02-10/1949-05-03"),
        # marks of its own at each end: the order is not carried over
        ("22/12/1949 – 05-01-1950", "its end, 05-01-1950, may be 1950-01-05 or 1950-05-01: write the one meant as YYYY-MM-DD"),
        # read in the order told, it ends before it starts
        ("22/12/1949 – 05/01/1949", "it ends (1949-01-05) before it starts (1949-12-22): write the earlier date first"),
        # a date at one end unread alone: its own reason, named
        ("1911/12/13 – 1949/12/22", "its start, 1911/12/13: it may be the day 1911-12-13 or the years 1911, 1912 and 1913 (its"
         " slashes part a date's numbers and join years alike): write the one meant as 1911-12-13 or 1911/1913"),
        ("1949 – 1911/12/13", "its end, 1911/12/13: it may be the day 1911-12-13 or the years 1911, 1912 and 1913 (its slashes"
         " part a date's numbers and join years alike): write the one meant as 1911-12-13 or 1911/1913"),
        ("12/49 – 1950", "its start, 12/49: the year 49 has two digits, and its century would be a guess: write the year in four"
         " digits, as 12/1949 if 1949 is meant"),
        ("22/12/1949 – 31/02/1950", "its end, 31/02/1950: 31 is not a day of February 1950, which has 28"),
        # two numbers, the second of two digits
        ("13/49", "13 is not a month, and the year 49 has two digits: write a month as MM/YYYY, the year in four digits"),
        ("12/22", "12/22 may be December of a year ending in 22 or a day without its year (December 22): write a month as"
         " 12/1922 if 1922 is meant, a day as YYYY-MM-DD"),
        ("05/06", "05/06 may be May of a year ending in 06 or a day without its year (May 6 or 5 June): write a month as"
         " 05/1906 if 1906 is meant, a day as YYYY-MM-DD"),
        ("22/12", "22/12 names a day without its year (22 December): write the date as YYYY-MM-DD"),
        ("c. 13/49", "13 is not a month, and the year 49 has two digits: write a month as MM/YYYY, the year in four digits"),
    ],
)  # fmt: skip
def test_a_date_in_numbers_left_unread_says_why(text: str, reason: str) -> None:
    assert parse_archival_date(text) == ParsedDate("", True, text)
    assert unread_reason(text) == reason


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("22/12/1949 – 13/01/1950", "1949-12-22/1950-01-13"),  # each date tells its order
        ("22/12/1949 – 01/22/1950", "1949-12-22/1950-01-22"),  # each its own, told
        ("10/21 April 1720", "1720-04-21"),  # an Old Style / New Style day pair, no range of numbered days
        ("1949/12/22 – 1950/01/05", "1949-12-22/1950-01-05"),
    ],
)
def test_ranges_read_before_read_alike(text: str, edtf: str) -> None:  # guards: these passed before the change too
    assert parse_archival_date(text).edtf == edtf


@pytest.mark.parametrize("text", ["0-1743-1949", "12/49/12-1949-1950"])
def test_a_run_of_numbers_gets_no_side_reason(text: str) -> None:  # guards: hyphens that part a date's numbers split no range
    assert not (unread_reason(text) or "").startswith("its ")
