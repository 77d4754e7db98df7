"""Dates written with their year first ("1949/12/22", "1949/XII.22"), "approximately", with a Roman month in small
letters ("22.xii.1949") or en dashes for hyphens ("22–12–1949"), and a year of two digits ("22-12-49"), left unread
saying why, as a fresh user typed them.
Crafted strings: the corpora of ../shared/data write none of them (benchmarks/ingest/dates.py lists
what they write, and what reads differently between two versions)."""

from __future__ import annotations

import datetime as dt

import pytest

from legation.ingest.dates import (
    ParsedDate,
    archival_day_bounds,
    either_order,
    numbered_day_problem,
    parse_archival_date,
    unread_reason,
)
from legation.records.dates import day_bounds


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        # the year first, then its month and day after another separator: one date, never the range from
        # 1 January that "1949/1949-12-22" said (a fresh user)
        ("1949/XII.22", "1949-12-22"),
        ("1949/22.XII", "1949-12-22"),  # as "22.XII/1949" and "1949 22.XII" are read
        ("1949/XII", "1949-12"),
        ("1949 / XII", "1949-12"),
        ("1949-Dec", "1949-12"),
        ("1949/Dezember 22", "1949-12-22"),
        ("1949.XII.22", "1949-12-22"),
        # the year first with slashes (East Asian and ISO-minded spreadsheets): then the month, then the day
        ("1949/12/22", "1949-12-22"),
        ("1950/5/3", "1950-05-03"),
        # what is a range stays one
        ("1743/44", "1743/1744"),
        ("1949/1950", "1949/1950"),
        ("1949-12/1950-02", "1949-12/1950-02"),
        ("1949/December 1950", "1949/1950-12"),
        ("1949 to May", "1949/1949-05"),  # the words of a range
        ("1949 - XII", "1949/1949-12"),  # a hyphen between spaces is a dash
    ],
)
def test_a_date_written_year_first_is_the_one_date_it_names(text: str, edtf: str) -> None:
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
    assert archival_day_bounds(text) == day_bounds(edtf)


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        # a year, then 1–12 naming no later year: its month, as "1949/XII" and "1949/12/22" were read (a fresh user)
        ("1949/12", "1949-12"),
        ("1949/02", "1949-02"),
        ("1949/2", "1949-02"),
        ("1743/2", "1743-02"),  # was unread: no span, as 1742 lies before 1743
        ("1949 / 12", "1949-12"),
        # a Roman month of one letter after the year (they were not read, where "1950/IX.5" and "5.V.1950" were)
        ("1950/I", "1950-01"),
        ("1950/V", "1950-05"),
        ("1950/X", "1950-10"),
        ("1950/I.5", "1950-01-05"),
        ("1950/V.5", "1950-05-05"),
        ("1950/5.V", "1950-05-05"),
        ("1950/v", "1950-05"),
        # a Roman month between slashes, as "22/XII/1949" and "1949/12/22" are read
        ("1949/XII/22", "1949-12-22"),
        ("1949/xii/22", "1949-12-22"),
        # a year and a later one stay two years: DFAT's tables write financial years so ("1951/2", "1954/5")
        ("1951/2", "1951/1952"),
        ("1954/5", "1954/1955"),
        ("1911/12", "1911/1912"),
        ("1949/50", "1949/1950"),
        ("1547/48", "1547/1548"),
    ],
)
def test_a_year_then_a_month_in_numbers_is_that_month_unless_it_names_a_later_year(text: str, edtf: str) -> None:
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
    assert archival_day_bounds(text) == day_bounds(edtf)


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        # two dates written year first make a range, split at its dash (they were not read: a fresh user), as
        # "22.XII.1949–5.I.1950" is read
        ("1949/12/22 – 1950/01/05", "1949-12-22/1950-01-05"),
        ("1949/12/22 ― 1950/01/05", "1949-12-22/1950-01-05"),  # a horizontal bar, or a minus sign: the dashes the project knows
        ("1949/12/22 − 1950/01/05", "1949-12-22/1950-01-05"),
        ("1949/12/22–1950/01/05", "1949-12-22/1950-01-05"),
        ("1949/12/22-1950/01/05", "1949-12-22/1950-01-05"),
        ("1949/12/22 to 1950/01/05", "1949-12-22/1950-01-05"),
        ("1949/XII.22 – 1950/I.5", "1949-12-22/1950-01-05"),
        ("1949/12 – 1950/02", "1949-12/1950-02"),
        ("ca. 1949/12/22 – 1950/01/05", "1949-12-22~/1950-01-05~"),
        ("22.XII.1949–5.I.1950", "1949-12-22/1950-01-05"),
    ],
)
def test_a_range_of_dates_written_year_first_is_read(text: str, edtf: str) -> None:
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
    assert archival_day_bounds(text) == day_bounds(edtf)


@pytest.mark.parametrize(
    "text",
    ["1949/13", "1949/00", "1949/21", "1949/Xii", "1949/XIII", "1949/IIX", "1949/Xii/22", "1950/I.32"],
)
def test_a_year_then_no_month_stays_unread(text: str) -> None:
    # "1949/21" is no spring (EDTF 1949-21), nor is "1949/13" the range to 1913; a Roman numeral of mixed case is refused
    assert parse_archival_date(text) == ParsedDate("", True, text)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # a Roman month after the year: no reason was given (a fresh user), where 1949/02/30 had one
        ("1949/IV.31", "31 is not a day of April 1949, which has 30"),
        ("1949/31.IV", "31 is not a day of April 1949, which has 30"),
        ("1949/XII/32", "32 is not a day of December 1949, which has 31"),
        ("1949/XIII", "XIII is not a month"),
        ("1949/XIII/22", "XIII is not a month"),
        ("1949/13/22", "13 is not a month"),
        ("1949/00/22", "00 is not a month"),
        ("1949/02/30", "30 is not a day of February 1949, which has 28"),
        ("1949/12/00", "00 is not a day of December 1949, which has 31"),
    ],
)
def test_a_date_written_year_first_that_is_no_day_stays_unread_saying_why(text: str, problem: str) -> None:
    assert parse_archival_date(text) == ParsedDate("", True, text)
    assert archival_day_bounds(text) is None
    assert numbered_day_problem(text) == problem


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("approximately 1950", "1950~"),  # was not read (a fresh user), where "approx. 1950" was
        ("Approximately December 1949", "1949-12~"),
        ("approximately 1950-1955", "1950~/1955~"),  # each end, as "ca. 1950-1955"
        ("ungefähr 1950", "1950~"),  # German, beside "um", "etwa"
        ("approximativement 1950", "1950~"),  # French, beside "vers", "environ"
        ("1950 (around)", "1950~"),  # a note after the date: the same words as before it
        ("approx. 1950", "1950~"),
        ("approx 1950", "1950~"),
        ("about 1950", "1950~"),
        ("ca. 1950", "1950~"),
    ],
)
def test_approximately_and_its_kin_say_what_ca_says(text: str, edtf: str) -> None:
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        # a Roman month in small letters, as in capitals (they were not read: a fresh user)
        ("22.xii.1949", "1949-12-22"),
        ("22 xii 1949", "1949-12-22"),
        ("22/xii/1949", "1949-12-22"),
        ("22-xii-1949", "1949-12-22"),
        ("xii.1949", "1949-12"),
        ("1949.xii.22", "1949-12-22"),
        ("22.XII.1949", "1949-12-22"),
        # en dashes between day, month and year, as hyphens (they were not read: a fresh user)
        ("22–12–1949", "1949-12-22"),
        ("12–22–1949", "1949-12-22"),
        ("22–XII–1949", "1949-12-22"),
        ("22–xii–1949", "1949-12-22"),
        ("1949–12–22", "1949-12-22"),
        ("22–12–1949 – 13–01–1950", "1949-12-22/1950-01-13"),
        # an en dash between two dates stays a range
        ("1949–1950", "1949/1950"),
        ("1949–50", "1949/1950"),
        ("December 1949 – January 1950", "1949-12/1950-01"),
        ("22–25 December 1949", "1949-12-22/1949-12-25"),
    ],
)
def test_a_roman_month_in_small_letters_and_en_dashes_for_hyphens_are_read(text: str, edtf: str) -> None:
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
    assert archival_day_bounds(text) == day_bounds(edtf)


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        # figure dashes, em dashes and minus signs between day, month and year, as en dashes (they were not read: a fresh user)
        ("22‒12‒1949", "1949-12-22"),
        ("22—12—1949", "1949-12-22"),
        ("22−12−1949", "1949-12-22"),
        ("22—XII—1949", "1949-12-22"),
        ("1949—12—22", "1949-12-22"),
        ("ca. 22—12—1949", "1949-12-22~"),
        # one dash between two dates stays a range; a FRUS dateline's em dash before the time of day stays that
        ("22—25 December 1949", "1949-12-22/1949-12-25"),
        ("1949—1950", "1949/1950"),
        ("22—12—1949 — 13—01—1950", "1949-12-22/1950-01-13"),
        ("January 16, 1956—7:02 p.m.", "1956-01-16"),
    ],
)
def test_other_dashes_for_hyphens_are_read_as_en_dashes_are(text: str, edtf: str) -> None:
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
    assert archival_day_bounds(text) == day_bounds(edtf)


@pytest.mark.parametrize("text", ["22 Xii 1949", "22.xIi.1949", "22.Xii.1949", "1949/Xii", "05–06–1949", "22–13–1949", "22–12—1949"])
def test_a_numeral_of_mixed_case_or_a_day_that_is_none_stays_unread(text: str) -> None:
    assert parse_archival_date(text) == ParsedDate("", True, text)


def test_en_dashes_for_hyphens_are_told_as_hyphens_are_when_unread() -> None:
    assert either_order("05–06–1949") == either_order("05-06-1949") == ("1949-06-05", "1949-05-06")
    assert numbered_day_problem("22–13–1949") == numbered_day_problem("22-13-1949") == "neither 22 nor 13 is a month"
    assert either_order("05—06—1949") == either_order("05−06−1949") == ("1949-06-05", "1949-05-06")
    assert numbered_day_problem("22—13—1949") == numbered_day_problem("22‒13‒1949") == "neither 22 nor 13 is a month"
    assert numbered_day_problem("22—12—49") == TWO_DIGITS


TWO_DIGITS = "the year 49 has two digits, and its century would be a guess: write the year in four digits"


@pytest.mark.parametrize(
    "text", ["22-12-49", "22.XII.49", "22. XII. 49", "22.12.49", "22/12/49", "12/22/49", "22–12–49", "22 XII 49", "22-Dec-49"]
)
def test_a_year_of_two_digits_stays_unread_saying_its_century_would_be_a_guess(text: str) -> None:
    assert parse_archival_date(text) == ParsedDate("", True, text)
    assert unread_reason(text) == numbered_day_problem(text) == TWO_DIGITS


@pytest.mark.parametrize(
    "text",
    [
        # qualified, in an editor's brackets or with a note: no reason was given (a fresh user)
        "c. 22-12-49", "[22-12-49]", "22.12.49 (draft)", "probably 22-12-49", "[c. 22-12-49]", "22-12-49?", "ca. 22–12–49",
        # the year first: "the year 22 has two digits" was said, though 49 is neither a day nor a month (a fresh user)
        "49/12/22", "49-12-22", "49.12.22",
    ],
)
def test_a_year_of_two_digits_qualified_noted_or_first_is_told_as_such(text: str) -> None:
    assert parse_archival_date(text) == ParsedDate("", True, text)
    assert unread_reason(text) == numbered_day_problem(text) == TWO_DIGITS


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("c. 1949/02/30", "30 is not a day of February 1949, which has 28"),
        # the date alone: "[05/06/1949] may be …", "c. 05/06/1949 may be …" was said, the text twice where the report
        # names it beside its reason, and "c." before two days the date is about (a fresh user)
        ("[05/06/1949]", "05/06/1949 may be 1949-06-05 or 1949-05-06: write the one meant as YYYY-MM-DD"),
        ("c. 05/06/1949", "05/06/1949 may be 1949-06-05 or 1949-05-06: write the one meant as YYYY-MM-DD"),
        ("probably 05–06–1949 (draft)", "05–06–1949 may be 1949-06-05 or 1949-05-06: write the one meant as YYYY-MM-DD"),
        # a range that ends before it starts: no reason was given (a fresh user)
        ("1949-12-22/1949-12-20", "it ends (1949-12-20) before it starts (1949-12-22): write the earlier date first"),
        ("1949/12/22 – 1949/12/20", "it ends (1949-12-20) before it starts (1949-12-22): write the earlier date first"),
        ("22.12.1949–20.12.1949", "it ends (1949-12-20) before it starts (1949-12-22): write the earlier date first"),
        ("1950/1949", "it ends (1949) before it starts (1950): write the earlier date first"),
    ],
)
def test_why_a_date_qualified_or_a_range_backwards_is_unread_is_said(text: str, reason: str) -> None:
    assert parse_archival_date(text).flagged and unread_reason(text) == reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("05/06/1949", "05/06/1949 may be 1949-06-05 or 1949-05-06: write the one meant as YYYY-MM-DD"),
        ("22-13-1949", "neither 22 nor 13 is a month"),
        ("1949/13/22", "13 is not a month"),
        ("22-12-49", TWO_DIGITS),
        ("December 14-13, 1964", None),  # another form: only said not to be read
        ("Spring 1950?", None),
    ],
)
def test_why_a_date_is_unread_is_said_for_a_date_in_numbers(text: str, reason: str | None) -> None:
    assert parse_archival_date(text).flagged and unread_reason(text) == reason


@pytest.mark.django_db
def test_the_ingest_report_says_why_each_date_in_numbers_was_not_read_and_stores_the_others_as_read(tmp_path):
    # "22-12-49" was reported "not read" alone, with "write dates as 1950-02-14 …", and 1949/XII.22 stored as
    # 1949-01-01 … 1949-12-22 (a fresh user)
    from legation.ingest.readers import read_file
    from legation.records.models import Document
    from tests.conftest import ingested_archive

    table = tmp_path / "forms.csv"
    rows = {
        "f-1": "1949/XII.22", "f-2": "1949/12/22", "f-3": "approximately 1950", "f-4": "22.xii.1949", "f-5": "22–12–1949",
        "f-6": "22-12-49", "f-7": "1949/13/22", "f-8": "05/06/1949",
    }  # fmt: skip
    table.write_text("identifier,title,date\n" + "".join(f"{i},Cable {i},{d}\n" for i, d in rows.items()), encoding="utf-8")
    archive = ingested_archive(read_file(table))
    report = next(archive)
    assert report.unread_dates == [("f-6", "22-12-49"), ("f-7", "1949/13/22"), ("f-8", "05/06/1949")]
    (note,) = [n for n in report.all_notes() if n.startswith("dates Legation could not read")]
    assert note.startswith(
        f"dates Legation could not read: 3 (e.g. f-6: '22-12-49' ({TWO_DIGITS}); f-7: '1949/13/22' (13 is not a month); "
        "f-8: '05/06/1949' (05/06/1949 may be 1949-06-05 or 1949-05-06: write the one meant as YYYY-MM-DD)); "
    )
    stored = {d.identifier: (d.date_text, d.date_edtf, d.date_earliest, d.date_latest) for d in Document.objects.all()}
    day = dt.date(1949, 12, 22)
    assert stored == {
        "f-1": ("1949/XII.22", "1949-12-22", day, day),
        "f-2": ("1949/12/22", "1949-12-22", day, day),
        "f-3": ("approximately 1950", "1950~", dt.date(1950, 1, 1), dt.date(1950, 12, 31)),
        "f-4": ("22.xii.1949", "1949-12-22", day, day),
        "f-5": ("22–12–1949", "1949-12-22", day, day),
        "f-6": ("22-12-49", "", None, None),
        "f-7": ("1949/13/22", "", None, None),
        "f-8": ("05/06/1949", "", None, None),
    }
    next(archive, None)


@pytest.mark.django_db
def test_the_ingest_report_says_why_a_date_qualified_or_noted_was_not_read(tmp_path):
    # "c. 22-12-49", "[22-12-49]", "22.12.49 (draft)" were reported with reason null (a fresh user)
    from legation.ingest.readers import read_file
    from legation.ingest.service import ingest_records

    table = tmp_path / "noted.csv"
    rows = {"n-1": "c. 22-12-49", "n-2": "[22-12-49]", "n-3": "22.12.49 (draft)"}
    table.write_text("identifier,title,date\n" + "".join(f"{i},Cable {i},{d}\n" for i, d in rows.items()), encoding="utf-8")
    report = ingest_records(read_file(table))
    assert report.unread_dates == list(rows.items())
    (note,) = [n for n in report.all_notes() if n.startswith("dates Legation could not read")]
    assert note.startswith(
        f"dates Legation could not read: 3 (e.g. n-1: 'c. 22-12-49' ({TWO_DIGITS}); n-2: '[22-12-49]' ({TWO_DIGITS}); "
        f"n-3: '22.12.49 (draft)' ({TWO_DIGITS})); those documents are stored"
    )


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("22.12.1949.", "1949-12-22"),  # unread, where "22.XII.1949." was read (a fresh user)
        ("1949-12-22.", "1949-12-22"),  # unread: ISO 8601 with a sentence's full stop
        ("12.1949.", "1949-12"),
        ("1949.", "1949"),  # a year, as a Hungarian or a sentence writes it
        ("22.XII.1949.", "1949-12-22"),  # as before
    ],
)
def test_a_full_stop_after_a_dates_last_digit_ends_its_sentence(text: str, edtf: str) -> None:
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
