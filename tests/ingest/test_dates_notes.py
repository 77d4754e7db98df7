"""Notes and marks around a date that are no part of it: a remark in brackets after it ("1 January 1950
(draft)"), a time of day in the forms FRUS datelines print, an editor's corrected day ("January 26 [27],
1955"), a day in doubt ("August 27?, 1956"). Strings from the FRUS volumes of ../shared/data where
marked (the dateline's <date> as printed; the edition's own @when/@from/@to agreeing), others crafted."""

from __future__ import annotations

import pytest

from legation.ingest.dates import ParsedDate, parse_archival_date
from legation.records.dates import display_date, edtf_day_bounds


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("1 January 1950 (draft)", "1950-01-01"),
        ("1950 [copy]", "1950"),
        ("[1950] (Entwurf)", "1950"),
        ("1950 (Washington)", "1950"),
        ("1 January 1950 (draft) (copy)", "1950-01-01"),
        ("1950 (circa)", "1950~"),  # a qualifier in the note qualifies
        ("1950-1955 (approx.)", "1950~/1955~"),
        ("1950 (probably)", "1950?"),
        ("Undated (draft)", ""),  # undated, not flagged
    ],
)
def test_a_note_in_brackets_after_a_date_is_no_part_of_it(text, edtf):
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)


@pytest.mark.parametrize(
    "text",
    [
        "May 1950 (or June)", "1950 (before May)", "1950 (late)", "1950 (spring)", "1950 (Mai)",  # the note says more of the date
        "10 January 1664 (Julian)", "16 Mart 1336 (Rumi)",  # a calendar named: not dropped (see test_dates_styles.py)
        "garbage (draft)", "(draft)",
    ],
)  # fmt: skip
def test_a_note_that_says_more_of_the_date_or_follows_no_date_is_flagged(text):
    assert parse_archival_date(text) == ParsedDate("", True, text)


def test_a_note_after_a_date_in_a_year_to_come_is_said_so():
    assert parse_archival_date("2150 (draft)") == ParsedDate("", True, "2150 (draft)", future=True)
