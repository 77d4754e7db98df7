"""Dates written in numbers that a fresh user found unread with no reason, or with a wrong one: each is now read where
the reading is certain ("22 12 1949", "22 . 12 . 1949", "12/1949", "1949/12/22 – 1950"), or left unread saying what is
wrong ("1949-12-32", "05/06/1949.", "1743/44/45", "00/12/50"); and a number over 12 in a month's place is no month
("22.1950" was read as EDTF's season 22, summer 1950).
A later session's notes found more: the year first with spaces ("1949 12 22"), a month and a year of two digits ("12/49": left
unread, saying what to write), a range of months with slashes ("12/1949 – 02/1950"), and a year and the two years after it
with slashes ("1911/12/13", read as a day: a day or a run of years, now left unread saying both).
Crafted strings: the corpora of ../shared/data write none of them (benchmarks/ingest/dates.py, before against after)."""

from __future__ import annotations

import pytest

from legation.ingest.dates import ParsedDate, archival_day_bounds, parse_archival_date, unread_reason
from legation.records.dates import edtf_day_bounds

TWO_DIGITS = "the year 49 has two digits, and its century would be a guess: write the year in four digits"


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        # spaces for the separators: as with slashes, a number over 12 says which is the day
        ("22 12 1949", "1949-12-22"),
        ("12 22 1949", "1949-12-22"),
        ("c. 22 12 1949", "1949-12-22~"),
        # spaces around full stops: as written without them, the day first
        ("22 . 12 . 1949", "1949-12-22"),
        ("5 . 6 . 1949", "1949-06-05"),
        ("22 . 12 . 1949.", "1949-12-22"),
        # a month 1–12 and a year of four digits: the month, as 12.1949 and 1949/12 are
        ("12/1949", "1949-12"),
        ("1/1950", "1950-01"),
        ("12-1949", "1949-12"),
        ("[12/1949]", "1949-12"),
        ("12/1949?", "1949-12?"),
        # a date written year first and another joined by a dash or "to": split at the dash
        ("1949/12/22 – 1950", "1949-12-22/1950"),
        ("1949/12/22 to 1950", "1949-12-22/1950"),
        ("1949/12/22-1950-01-05", "1949-12-22/1950-01-05"),
        # the year first, spaces for the separators: a year of four digits first, then the month, as ISO 8601 orders them
        ("1949 12 22", "1949-12-22"),
        ("1950 1 5", "1950-01-05"),
        ("c. 1949 12 22", "1949-12-22~"),
        ("1911 12 13", "1911-12-13"),  # spaces join no run of years
        # a range of a month and its year, or of days, each with its own slashes: split at the dash
        ("12/1949 – 02/1950", "1949-12/1950-02"),
        ("12/1949-02/1950", "1949-12/1950-02"),
        ("12/1949 to 02/1950", "1949-12/1950-02"),
        ("XII/1949 – II/1950", "1949-12/1950-02"),
        ("c. 12/1949 – 02/1950", "1949-12~/1950-02~"),
        ("12/1949 – 1950", "1949-12/1950"),
        ("22/12/1949 – 1950", "1949-12-22/1950"),
        ("22/12/1949 – 13/01/1950", "1949-12-22/1950-01-13"),
    ],
)
def test_a_date_in_numbers_whose_reading_is_certain_is_read(text: str, edtf: str) -> None:
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
    assert archival_day_bounds(text) == edtf_day_bounds(edtf)  # the search's date boxes read it too


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("05 06 1949", "05 06 1949 may be 1949-06-05 or 1949-05-06: write the one meant as YYYY-MM-DD"),
        ("22 13 1949", "neither 22 nor 13 is a month"),
        ("22 . 13 . 1949", "13 is not a month"),
        ("22.13.1949", "13 is not a month"),
        ("31.02.1949", "31 is not a day of February 1949, which has 28"),
        ("22.XIII.1949", "XIII is not a month"),
        ("13/1949", "13 is not a month"),
        ("00/1949", "00 is not a month"),
        ("22/1950", "22 is not a month"),
        ("1949-12-32", "32 is not a day of December 1949, which has 31"),
        ("1949-02-29", "29 is not a day of February 1949, which has 28"),
        ("1949-13-01", "13 is not a month"),
        ("c. 1949-12-32", "32 is not a day of December 1949, which has 31"),
        # a sentence's full stop after the date
        ("05/06/1949.", "05/06/1949 may be 1949-06-05 or 1949-05-06: write the one meant as YYYY-MM-DD"),
        ("c. 05/06/1949.", "05/06/1949 may be 1949-06-05 or 1949-05-06: write the one meant as YYYY-MM-DD"),
        ("22-13-1949.", "neither 22 nor 13 is a month"),
        # a run of years, not "44 is not a month"
        ("1743/44/45", "its slashes join the years 1743, 1744 and 1745, where a date has one: if it is 1743 to 1745,"
         " write it as 1743/1745"),
        ("1743-44-45", "its hyphens join the years 1743, 1744 and 1745, where a date has one: if it is 1743 to 1745,"
         " write it as 1743/1745"),
        ("1743 – 44 – 45", "its dashes join the years 1743, 1744 and 1745, where a date has one: if it is 1743 to 1745,"
         " write it as 1743/1745"),
        # a year, a number 1–12 and a year: cut at either slash, a range (12/1949 is now December 1949)
        ("1949/12/1950", "its slashes part a date's numbers and join two dates alike, so it may be 1949 to 1950-12 or"
         " 1949-12 to 1950: write the one meant as 1949/1950-12 or 1949-12/1950"),
        ("c. 1743/05/1949?", "its slashes part a date's numbers and join two dates alike, so it may be 1743 to 1949-05 or"
         " 1743-05 to 1949: write the one meant as 1743/1949-05 or 1743-05/1949"),
        ("1950/1/1951", "its slashes part a date's numbers and join two dates alike, so which of its numbers make a date"
         " is a guess: if it is 1950 to 1951-01, write it as 1950/1951-01"),  # or 1950/1 (1950 to 1951, or January) to 1951
        ("1949-12-1950", "its hyphens part a date's numbers and join two dates alike, so it may be 1949 to 1950-12 or"
         " 1949-12 to 1950: write the one meant as 1949/1950-12 or 1949-12/1950"),
        ("1743/44/45/46", "its slashes join the years 1743, 1744, 1745 and 1746, where a date has one: if it is 1743 to"
         " 1746, write it as 1743/1746"),
        # 00 is no day: neither end is one, not "the year 50 has two digits"
        ("00/12/50", "neither 00 nor 50 is a day: write the date as YYYY-MM-DD, its year in four digits"),
        ("00/12/00", "00 is not a day: write the date as YYYY-MM-DD, its year in four digits"),
        # a month and a year of two digits: its century would be a guess, so not read, and what to write is said
        ("12/49", f"{TWO_DIGITS}, as 12/1949 if 1949 is meant"),
        ("12-49", f"{TWO_DIGITS}, as 12-1949 if 1949 is meant"),
        ("XII.49", f"{TWO_DIGITS}, as XII.1949 if 1949 is meant"),
        ("c. 12/49", f"{TWO_DIGITS}, as 12/1949 if 1949 is meant"),
        ("[12/49]", f"{TWO_DIGITS}, as 12/1949 if 1949 is meant"),
        ("1949 13 22", "13 is not a month"),
        ("1949 12 32", "32 is not a day of December 1949, which has 31"),
        # a year and the two years after it, with slashes: a day or a run of years (as FRUS's "1960/61/62" is)
        ("1911/12/13", "it may be the day 1911-12-13 or the years 1911, 1912 and 1913 (its slashes part a date's numbers and"
         " join years alike): write the one meant as 1911-12-13 or 1911/1913"),
        ("1905/6/7", "it may be the day 1905-06-07 or the years 1905, 1906 and 1907 (its slashes part a date's numbers and"
         " join years alike): write the one meant as 1905-06-07 or 1905/1907"),
        ("02/1950 – 12/1949", "it ends (1949-12) before it starts (1950-02): write the earlier date first"),
    ],
)  # fmt: skip
def test_a_date_in_numbers_left_unread_says_what_is_wrong(text: str, reason: str) -> None:
    assert parse_archival_date(text) == ParsedDate("", True, text)
    assert unread_reason(text) == reason


@pytest.mark.parametrize("text", ["22.1950", "1963.22", "1963.33", "1950年22月", "1950. 22."])
def test_a_number_over_12_in_a_months_place_is_no_month_nor_an_edtf_season(text: str) -> None:
    assert parse_archival_date(text) == ParsedDate("", True, text)


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("1950-22", "1950-22"),  # EDTF as written: summer 1950
        ("Summer 1950", "1950-22"),
        ("1951/2", "1951/1952"),  # a financial year, as DFAT writes it
        ("1743/44", "1743/1744"),
        ("1949/12/22 – 1950/01/05", "1949-12-22/1950-01-05"),
        ("1949/1950/12", "1949/1950-12"),  # cut at its second slash, "1949/1950" is no year, month or day
        ("22.12.1949.", "1949-12-22"),
        ("22 . XII . 1949", "1949-12-22"),
        ("XII/1949", "1949-12"),
        ("1949 – 1950/01/05", "1949/1950-01-05"),
        ("22.12.1949 – 1950/01/05", "1949-12-22/1950-01-05"),
        ("1949/12/22", "1949-12-22"),  # 1912 is before 1949: a day alone
        ("1905/06/30", "1905-06-30"),  # 1930 does not follow 1906: no run of years
        ("1949 XII 22", "1949-12-22"),  # a Roman month, read as words are
    ],
)
def test_forms_read_before_read_alike(text: str, edtf: str) -> None:  # guards: these passed before the change too
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1949/50/13", "50 is not a month"),  # 13 names no year after 1950: no run of years
        ("00/12/22", "the year 22 has two digits, and its century would be a guess: write the year in four digits"),  # 00 is no day, 22 may be one
        ("1949/12/22/1950", "its slashes part a date's numbers and join two dates alike, so it may be 1949 to 1950-12-22 or"
         " 1949-12-22 to 1950: write the one meant as 1949/1950-12-22 or 1949-12-22/1950"),
        ("1960/61/62", "its slashes join the years 1960, 1961 and 1962, where a date has one: if it is 1960 to 1962, write"
         " it as 1960/1962"),  # FRUS, frus1961-63v17: "Israel Eyes Only 1960/61/62", a file of three years
    ],
)  # fmt: skip
def test_forms_left_unread_before_are_told_alike(text: str, reason: str) -> None:  # guards, as above
    assert parse_archival_date(text) == ParsedDate("", True, text)
    assert unread_reason(text) == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("13/1949 – 02/1950", "its start, 13/1949: 13 is not a month"),  # 12/1949 – 02/1950 reads: a slip of one digit
        ("12/1949 to 13/1950", "its end, 13/1950: 13 is not a month"),
        ("1949-12-32/1950-01-05", "its start, 1949-12-32: 32 is not a day of December 1949, which has 31"),
        ("22.12.1949 – 32.01.1950", "its end, 32.01.1950: 32 is not a day of January 1950, which has 31"),
        ("c. 1949 13 22 - 1950 01 01", "its start, 1949 13 22: 13 is not a month"),
        # each end either of two days, in the same marks: the two ranges it may be (dates._orders_reason)
        ("05/06/1949 – 01/07/1950", "neither of its dates tells whether the day or the month comes first: it may be 1949-06-05"
         " to 1950-07-01 (the day first) or 1949-05-06 to 1950-01-07 (the month first): write the one meant as"
         " 1949-06-05/1950-07-01 or 1949-05-06/1950-01-07"),
    ],
)  # fmt: skip
def test_a_range_an_end_of_which_is_no_day_says_which_and_why(text: str, reason: str) -> None:
    # each was said unread with no reason, though each end alone is told what it lacks
    assert parse_archival_date(text) == ParsedDate("", True, text)
    assert unread_reason(text) == reason



def test_four_numbers_each_a_year_after_the_one_before_are_no_day() -> None:
    # "1911/12/13/14" was said to be "the day 1911-12-13 or the years …": its fourth number is no part of a day
    assert unread_reason("1911/12/13/14") == (
        "its slashes join the years 1911, 1912, 1913 and 1914, where a date has one: if it is 1911 to 1914, write it as 1911/1914"
    )
