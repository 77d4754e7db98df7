"""Dates whose calendar or new year the text names: an Old Style double year ("10 February 1720/21")
and a date marked Old Style or New Style ("3 March 1917 O.S."). The corpora hold neither; the
expected days are computed independently (Julian day numbers, and the dual dates of the sources cited
in legation.ingest.dates)."""

from __future__ import annotations

import pytest

from legation.ingest.dates import ParsedDate, parse_archival_date
from legation.records.dates import edtf_day_bounds


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        # the year from 1 January; the day as written (the double year names no calendar)
        ("10 February 1720/21", "1721-02-10"),  # was read as the interval 1720-02-10/1720-02-21
        ("Feb. 10, 1720/1", "1721-02-10"),
        ("11 February 1731/32", "1732-02-11"),  # George Washington's birthday as the sources write it
        ("24 March 1699/1700", "1700-03-24"),  # the last day of the year begun on 25 March 1699
        ("January 1720/21", "1721-01"),
        ("[10 February 1720/21]", "1721-02-10"),
        # with the calendar named too: the Gregorian day
        ("10 February 1720/21 O.S.", "1721-02-21"),  # 11 days in 1700–1800
        ("11 February 1731/32 (O.S.)", "1732-02-22"),  # Washington's birthday as celebrated
        ("10/21 February 1720/21", "1721-02-21"),  # both days and both years
        ("10 January 1664/65 (O.S.)", "1665-01-20"),
        # no double year: as before
        ("1743/44", "1743/1744"),
        ("1949/1950", "1949/1950"),
    ],
)
def test_a_double_year_is_the_year_from_1_january(text, edtf):
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)


@pytest.mark.parametrize("text", ["10 April 1720/21", "25 March 1720/21", "December 1720/21", "10 February 1751/52", "10 February 1950/51"])
def test_a_double_year_on_a_day_that_cannot_have_one_is_flagged(text):
    # from 25 March to 31 December both reckonings count the same year; from 1752 no year began on 25 March
    assert parse_archival_date(text) == ParsedDate("", True, text)


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("3 March 1917 O.S.", "1917-03-16"),  # 13 days from March 1900
        ("3 March 1917 (O.S.)", "1917-03-16"),
        ("3 March 1917 [O.S.]", "1917-03-16"),
        ("[3 March 1917 O.S.]", "1917-03-16"),
        ("March 3, 1917, Old Style", "1917-03-16"),
        ("3 March 1917 old style", "1917-03-16"),
        ("3. März 1917 a. St.", "1917-03-16"),  # alten Stils
        ("3. Martii 1720 st. v.", "1720-03-14"),  # stilo veteri: 11 days in 1700–1800; the continent's year began on 1 January
        ("3. Martii 1720 stilo veteri", "1720-03-14"),
        ("25 октября 1917 ст. ст.", "1917-11-07"),  # старого стиля: the October Revolution
        ("1917-10-25 O.S.", "1917-11-07"),
        ("29 February 1700 st. v.", "1700-03-11"),  # a day the Gregorian 1700 lacks
        ("29 February 1700 O.S.", "1700-03-11"),  # the year is no doubt: 1701, from 25 March, has no 29 February
        ("Feb. 29, 1704 O.S.", "1704-03-11"),
        ("3–5 March 1917 O.S.", "1917-03-16/1917-03-18"),
        ("before 3 March 1917 O.S.", "[..1917-03-15]"),
        ("ca. 3 March 1917 O.S.", "1917-03-16~"),
        ("10 June 1700 O.S.", "1700-06-21"),  # from 25 March, no doubt about the year
        # a month or a year: the set of the Gregorian days it spans
        ("March 1917 O.S.", "[1917-03-14..1917-04-13]"),
        ("1917 O.S.", "[1917-01-14..1918-01-13]"),
        # New Style: the day is Gregorian already
        ("16 March 1917 N.S.", "1917-03-16"),
        ("16 March 1917 (N.S.)", "1917-03-16"),
        ("16. März 1917 n. St.", "1917-03-16"),
        ("16. Martii 1720 stilo novo", "1720-03-16"),
        ("16. Martii 1720 st. n.", "1720-03-16"),
        ("February 10, 1720 N.S.", "1720-02-10"),
    ],
)
def test_a_date_marked_old_style_is_its_gregorian_day(text, edtf):
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
    edtf_day_bounds(edtf)


@pytest.mark.parametrize(
    "text",
    [
        "10 January 1664 (O.S.)",  # before 1752 the English "O.S." may mean a year begun on 25 March: 1664 or 1665
        "3 March 1720 old style",
        "1700 O.S.",  # … which a year before 1752 holds too
        "30 February 1720 O.S.",  # no such Julian day
        "29 February 1701 O.S.",  # nor this
        "Spring 1917 O.S.",  # a season's Julian months are not converted
        "O.S. Ben.",  # QhoD: Ordo Sancti Benedicti, no date
    ],
)
def test_an_old_style_date_that_cannot_be_turned_is_flagged(text):
    assert parse_archival_date(text) == ParsedDate("", True, text)
