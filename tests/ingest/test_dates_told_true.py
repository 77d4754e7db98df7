"""Dates in numbers the project's issue on archival dates found unread with no reason, misread or told untruly: a year and
its month with a space ("1949 12"), as "1949 12 22" is read; a year and the two years after it with dashes
("1911–12–13"), a day or a run of years, as "1911/12/13" is; a range from a date to itself ("12/1949 – 12/1949"); two
numbers neither of which is a month ("13-13", "32/12"); three dates joined as a range's two are.
Crafted strings: the corpora of ../shared/data write none of them (benchmarks/ingest/dates.py, before against after),
and write a year and two numbers with dashes only as runs of years (see dates._hyphened)."""

from __future__ import annotations

import pytest

from legation.ingest.dates import ParsedDate, archival_day_bounds, parse_archival_date, unread_reason
from legation.records.dates import edtf_day_bounds

BOTH = (
    "it may be the day 1911-12-13 or the years 1911, 1912 and 1913 (its dashes part a date's numbers and join years alike):"
    " write the one meant as 1911-12-13 or 1911/1913"
)


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        # the year first with a space, then the month, as "1949 12 22" is read (the month after the year, as ISO 8601
        # orders them): a space joins no two years, so "1951 2" is February 1951, where "1951/2" is 1951–52 (DFAT)
        ("1949 12", "1949-12"),
        ("1951 2", "1951-02"),
        ("c. 1949 12", "1949-12~"),
        ("1949 12 – 1950 02", "1949-12/1950-02"),
        ("1949 12 to 1950 02", "1949-12/1950-02"),
        ("1949 12 22 – 1950 01", "1949-12-22/1950-01"),
        # a range from a date to itself is that date, as a TEI date's @from and @to that are one are
        ("12/1949 – 12/1949", "1949-12"),
        ("22/12/1949 – 22/12/1949", "1949-12-22"),
        ("December 1949 – December 1949", "1949-12"),
        ("ca. 1950–1950", "1950~"),
    ],
)
def test_a_date_in_numbers_whose_reading_is_certain_is_read_as_one(text: str, edtf: str) -> None:
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
    assert archival_day_bounds(text) == edtf_day_bounds(edtf)  # the search's date boxes read it too


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # a year and the two years after it with dashes: a day, or a run of years, as with slashes
        ("1911–12–13", BOTH),
        ("1911 – 12 – 13", BOTH),
        ("1911—12—13", BOTH),
        ("c. 1911–12–13", BOTH),
        ("1905–06–07", BOTH.replace("1911-12-13", "1905-06-07").replace("1911", "1905").replace("1912", "1906")
         .replace("1913", "1907")),
        ("1911–12–13 to 1950", f"its start, 1911–12–13: {BOTH}"),  # read as 1911-12-13/1950 before
        # the year first with a space, then no month
        ("1949 13", "13 is not a month: write a month as YYYY-MM"),
        ("1743 44", "44 is not a month: if it is 1743 to 1744, write it as 1743/1744"),
        # two numbers, neither a month: each said of what it is not
        ("13-13", "13 is not a month, in either place: write a month as MM/YYYY, a day as YYYY-MM-DD"),
        ("13/22", "neither 13 nor 22 is a month: write a month as MM/YYYY, a day as YYYY-MM-DD"),
        ("32/12", "32 is neither a month nor a day of December: write a month as MM/YYYY, a day as YYYY-MM-DD"),
        ("31/02", "31 is neither a month nor a day of February: write a month as MM/YYYY, a day as YYYY-MM-DD"),
        # three dates joined as a range's two
        ("12/1949 – 02/1950 – 03/1950", "it joins 3 dates, 1949-12, 1950-02 and 1950-03, where a range joins two: if it is"
         " 1949-12 to 1950-03, write it as 1949-12/1950-03"),
        ("12/1949 to 02/1950 to 03/1950", "it joins 3 dates, 1949-12, 1950-02 and 1950-03, where a range joins two: if it is"
         " 1949-12 to 1950-03, write it as 1949-12/1950-03"),
        ("12/1949 – 03/1950 – 02/1950", "it joins 3 dates, 1949-12, 1950-03 and 1950-02, where a range joins two: write a"
         " range as its first and last dates, as YYYY-MM-DD/YYYY-MM-DD"),
    ],
)  # fmt: skip
def test_a_date_in_numbers_left_unread_is_told_truly_why(text: str, reason: str) -> None:
    assert parse_archival_date(text) == ParsedDate("", True, text)
    assert unread_reason(text) == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # the two steps that told a range's ends, now one (dates._ends_reason): each end unread alone, told
        ("13/1949 – 32/01/1950", "its start, 13/1949: 13 is not a month; its end, 32/01/1950: 32 is not a day of January 1950,"
         " which has 31"),
        ("1911/12/13 – 1949/12/22", "its start, 1911/12/13: it may be the day 1911-12-13 or the years 1911, 1912 and 1913 (its"
         " slashes part a date's numbers and join years alike): write the one meant as 1911-12-13 or 1911/1913"),
        ("22/12/1949 – 05-01-1950", "its end, 05-01-1950, may be 1950-01-05 or 1950-05-01: write the one meant as YYYY-MM-DD"),
        ("1949-12-32/1950-01-05", "its start, 1949-12-32: 32 is not a day of December 1949, which has 31"),
        ("13/49", "13 is not a month, and the year 49 has two digits: write a month as MM/YYYY, the year in four digits"),
    ],
)  # fmt: skip
def test_forms_told_before_are_told_alike(text: str, reason: str) -> None:  # guards: these passed before the change too
    assert parse_archival_date(text) == ParsedDate("", True, text)
    assert unread_reason(text) == reason


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("1911-12-13", "1911-12-13"),  # ISO 8601's hyphens: the day
        ("1911 12 13", "1911-12-13"),  # spaces join no run of years
        ("1949–12–22", "1949-12-22"),  # 1912 is before 1949: no run of years, the day
        ("22–12–1949", "1949-12-22"),
        ("1911–12", "1911/1912"),
        ("1949-12/1949-12", "1949-12/1949-12"),  # EDTF as written is kept as written
        ("1950–1950?", "1950/1950?"),  # the ends differ: the second alone in doubt
    ],
)
def test_forms_read_before_read_alike(text: str, edtf: str) -> None:  # guards: these passed before the change too
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)


@pytest.mark.parametrize("text", ["December 14-13, 1964", "1949 – 1950 – May", "1949-12-22 – 1950 – 13/1951"])
def test_a_range_with_an_end_unread_for_no_reason_said_is_not_told_a_wrong_one(text: str) -> None:  # guards
    assert parse_archival_date(text).flagged
    assert not (unread_reason(text) or "").startswith(("it joins", "its start", "its end"))
