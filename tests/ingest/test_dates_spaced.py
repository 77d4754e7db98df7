"""Dates written in numbers with spaces around their separators ("22 – 12 – 1949", "1949 / 12 / 22"), numbers joined
by one separator four times or more ("1949/12/22/1950"), and two numbers no day can be ("49/12/50"), as a fresh user
typed them: read as written without the spaces, or left unread saying why.
Crafted strings: the corpora of ../shared/data write none of them (benchmarks/ingest/dates.py reads them all alike
before and after this change)."""

from __future__ import annotations

import pytest

from legation.ingest.dates import ParsedDate, archival_day_bounds, parse_archival_date, unread_reason
from legation.records.dates import day_bounds


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        # spaces around the dashes or slashes: unread, with no reason given (a fresh user)
        ("22 – 12 – 1949", "22–12–1949"),
        ("1949 / 12 / 22", "1949/12/22"),
        ("22 - 12 - 1949", "22-12-1949"),
        ("22 / 12 / 1949", "22/12/1949"),
        ("12 / 22 / 1949", "12/22/1949"),
        ("1949 – 12 – 22", "1949–12–22"),
        ("22 — XII — 1949", "22—XII—1949"),
        ("1949 / XII / 22", "1949/XII/22"),
        ("22 –12– 1949", "22–12–1949"),
        ("1949/ 12 /22", "1949/12/22"),
        ("c. 22 / 12 / 1949", "c. 22/12/1949"),
        ("[1949 / 12 / 22]", "[1949/12/22]"),
        ("22 – 12 – 1949 (draft)", "22–12–1949 (draft)"),
    ],
)
def test_a_date_in_numbers_spaced_around_its_separators_reads_as_written_without_the_spaces(text: str, closed: str) -> None:
    read = parse_archival_date(closed)
    assert read.edtf and not read.flagged
    assert parse_archival_date(text) == ParsedDate(read.edtf, False, text)  # the text kept as written
    assert archival_day_bounds(text) == day_bounds(read.edtf.rstrip("~"))  # the search's date boxes read it too


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("05 / 06 / 1949", "05 / 06 / 1949 may be 1949-06-05 or 1949-05-06: write the one meant as YYYY-MM-DD"),
        ("05 – 06 – 1949", "05 – 06 – 1949 may be 1949-06-05 or 1949-05-06: write the one meant as YYYY-MM-DD"),
        ("22 – 13 – 1949", "neither 22 nor 13 is a month"),
        ("1949 / 13 / 22", "13 is not a month"),
        ("1949 / 02 / 30", "30 is not a day of February 1949, which has 28"),
        ("22 / 12 / 49", "the year 49 has two digits, and its century would be a guess: write the year in four digits"),
    ],
)
def test_a_spaced_date_in_numbers_left_unread_is_told_as_written_without_the_spaces(text: str, reason: str) -> None:
    assert parse_archival_date(text) == ParsedDate("", True, text)
    assert unread_reason(text) == reason


RUN = "its slashes part a date's numbers and join two dates alike, so"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # read as 1949 to 1950-12-22 ("1949/1950-12-22"), split at its first slash, with no reason (a fresh user)
        (
            "1949/12/22/1950",
            f"{RUN} it may be 1949 to 1950-12-22 or 1949-12-22 to 1950: write the one meant as 1949/1950-12-22 or 1949-12-22/1950",
        ),
        ("c. 1949/12/22/1950", f"{RUN} it may be 1949 to 1950-12-22 or 1949-12-22 to 1950: write the one meant as 1949/1950-12-22 or 1949-12-22/1950"),
        ("1949 / 12 / 22 / 1950", f"{RUN} it may be 1949 to 1950-12-22 or 1949-12-22 to 1950: write the one meant as 1949/1950-12-22 or 1949-12-22/1950"),
        # unread with no reason (a fresh user)
        ("22/12/1949/1950", f"{RUN} which of its numbers make a date is a guess: if it is 1949-12-22 to 1950, write it as 1949-12-22/1950"),
        (
            "22 – 12 – 1949 – 13 – 01 – 1950",
            "its dashes part a date's numbers and join two dates alike, so which of its numbers make a date is a guess: if it is "
            "1949-12-22 to 1950-01-13, write it as 1949-12-22/1950-01-13",
        ),
        ("1949/12/22 /1950", f"{RUN} it may be 1949 to 1950-12-22 or 1949-12-22 to 1950: write the one meant as 1949/1950-12-22 or 1949-12-22/1950"),
        (
            "1/2/3/4",
            "it has 4 numbers joined by slashes, where a date has 3, and they make no two dates: write a date as YYYY-MM-DD, a range as "
            "YYYY-MM-DD/YYYY-MM-DD",
        ),
    ],
)
def test_numbers_one_separator_joins_four_times_stay_unread_saying_what_they_may_be(text: str, reason: str) -> None:
    assert parse_archival_date(text) == ParsedDate("", True, text)
    assert unread_reason(text) == reason


@pytest.mark.parametrize("text", ["49/12/50", "49-12-50", "49.12.50", "49-Dec-50", "c. 49/12/50"])
def test_two_numbers_neither_a_day_are_said_so_not_a_year_of_two_digits(text: str) -> None:
    # "the year 50 has two digits" was said, of a text with no day in it (a fresh user)
    assert parse_archival_date(text) == ParsedDate("", True, text)
    assert unread_reason(text) == "neither 49 nor 50 is a day: write the date as YYYY-MM-DD, its year in four digits"
