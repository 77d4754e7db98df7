"""Old Style / New Style dual dates ("10/21 April 1720"): a day pair written with a slash is read as
the New Style (Gregorian) day only when it is the Julian date's Gregorian day; any other pair stays
an interval. The corpora hold no dual date; their slash pairs are nights over two days (FRUS @from/@to
say so), and those are the negative cases."""

from __future__ import annotations

import datetime as dt

import pytest

from legation.ingest.dates import ParsedDate, _gregorian, parse_archival_date
from legation.records.dates import day_bounds


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("10/21 April 1720", "1720-04-21"),  # 11 days in 1700–1800
        ("1720-04-10/21", "1720-04-21"),
        ("3/16 March 1917", "1917-03-16"),  # 13 days from March 1900
        ("March 3/16, 1917", "1917-03-16"),
        ("Feb. 28/March 13, 1917", "1917-03-13"),
        ("28 February 1917/13 March 1917", "1917-03-13"),
        ("October 25/November 7, 1917", "1917-11-07"),
        ("21 December 1917/3 January 1918", "1918-01-03"),  # over the turn of the year
        ("December 21/January 3, 1918", "1918-01-03"),  # … with one year, the New Style day's: Julian 21 December 1917
        ("21 December/3 January 1918", "1918-01-03"),
        ("December 19/January 1, 1918", "1918-01-01"),
        ("December 22/January 2, 1711", "1711-01-02"),  # 11 days: Julian 22 December 1710
        ("5/15 October 1582", "1582-10-15"),  # the first Gregorian day
        ("2/13 September 1752", "1752-09-13"),  # Britain's change
        ("February 18/28, 1700", "1700-02-28"),  # still 10 days on Julian 18 February 1700 …
        ("February 29/March 11, 1700", "1700-03-11"),  # … 11 from Julian 29 February 1700, a day Gregorian 1700 lacks
        ("February 17/28, 1800", "1800-02-28"),  # 11 days until Julian 29 February 1800 …
        ("March 1/13, 1800", "1800-03-13"),  # … 12 after it
        ("February 16/28, 1900", "1900-02-28"),
        ("March 1/14, 1900", "1900-03-14"),
    ],
)
def test_dual_dates_are_the_new_style_day(text, edtf):
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
    assert [d.isoformat() for d in day_bounds(edtf)] == [edtf, edtf]


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("July 30/31, 1957", "1957-07-30/1957-07-31"),  # FRUS 1955-57 v20 <date>; were not read
        ("September 2/3, 1957", "1957-09-02/1957-09-03"),  # FRUS 1955-57 v13: from 1957-09-02 to 1957-09-03
        ("25/26 February 1980", "1980-02-25/1980-02-26"),  # DFAT text
        ("1552 September 26/Oktober 8", "1552-09-26/1552-10-08"),  # Moritz: 12 days, and before 1582
        ("4/14 October 1582", "1582-10-04/1582-10-14"),  # 10 days apart, but Julian 4 October 1582 is Gregorian the 14th
        ("10/20 April 1720", "1720-04-10/1720-04-20"),  # 10 days, not 1720's 11
        ("1/14 January 1950", "1950-01-01/1950-01-14"),  # 13 days, but after 1923: no more dual dating
        ("3–16 March 1917", "1917-03-03/1917-03-16"),  # a dash writes a range, not a dual date
        ("1720-04-10/12", "1720-04-10/1720-04-12"),
        ("12. Juny / 1719.", "1719-06-12"),  # QhoD: one date over a line's end, not an interval to the year's end
    ],
)
def test_other_slash_pairs_stay_intervals(text, edtf):
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)


def test_the_julian_calendar_gains_a_day_on_each_february_29_it_alone_has():
    assert [_gregorian(1582, 10, d).isoformat() for d in (4, 5)] == ["1582-10-14", "1582-10-15"]
    assert [_gregorian(1700, 2, d).isoformat() for d in (28, 29)] == ["1700-03-10", "1700-03-11"]
    assert _gregorian(1917, 10, 25).isoformat() == "1917-11-07"
    assert (_gregorian(1701, 2, 29), _gregorian(1720, 4, 31)) == (None, None)
    differences = {y: (_gregorian(y, 6, 1) - dt.date(y, 6, 1)).days for y in (1600, 1750, 1850, 1950, 2050)}
    assert differences == {1600: 10, 1750: 11, 1850: 12, 1950: 13, 2050: 13}


@pytest.mark.parametrize(
    "text",
    [
        "1720-04-12/10", "February 30/March 12, 1720",
        "December 21/January 2, 1918",  # not the Gregorian day of Julian 21 December 1917: no dual date, and no range backwards
    ],
)  # fmt: skip
def test_impossible_pairs_are_flagged(text):
    assert parse_archival_date(text) == ParsedDate("", True, text)
