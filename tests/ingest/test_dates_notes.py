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
        ("1571 (circiter)", "1571~"),
        ("1571 (wohl)", "1571?"),  # German: probably
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


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        # FRUS datelines: a time of day in the forms the volumes print (the <date> as printed; its @when the day)
        ("September 14, 1948—12 noon", "1948-09-14"),
        ("10 March 1953—[3:08 p.m.]", "1953-03-10"),
        ("March 21, 1949—[9:45 a. m.]", "1949-03-21"),
        ("October 8, 1955—[noon?].", "1955-10-08"),
        ("October 30, 1958, 8:21[?] p.m.", "1958-10-30"),
        ("January 18, 1949—10 a. m. [p. m.]", "1949-01-18"),
        ("April 30, 1955—[illegible] p.m", "1955-04-30"),
        ("December 19, 1957—p.m.", "1957-12-19"),
        ("October 6, 1965, a.m.", "1965-10-06"),
        ("October 20, 1967, 12.30 p.m.", "1967-10-20"),
        ("October 16, 1961, l p.m.", "1961-10-16"),  # an l for a 1
        ("October 3, 1960, 11:45 a.m.–l:15 p.m.", "1960-10-03"),
        ("August 1, 1969 1201Z", "1969-08-01"),
        ("November 15, 1961 noon.", "1961-11-15"),
        ("October 17, 1973, 2227Z,", "1973-10-17"),
        ("March 23, 1966, 09095Z", "1966-03-23"),  # a time mistyped: the day is whole
        ("July 15, 1969, 0317Z1", "1969-07-15"),
        ("December 13, 1967, 5:20 p.m. (EST)", "1967-12-13"),
        ("February 15, 1955, Afternoon Session", "1955-02-15"),
        ("January 8, 1968, Session II", "1968-01-08"),
        ("December2, 1961, 3 p.m.", "1961-12-02"),  # the month's name run into its day
        # FRUS: an editor's other day, one of the two (the edition's @from/@to spans both); a day in doubt
        ("January 26 [27], 1955", "[1955-01-26,1955-01-27]"),
        ("September 9 [30?], 1955", "[1955-09-09,1955-09-30]"),
        ("May 24 [23?], 1949.", "[1949-05-23,1949-05-24]"),
        ("August 12 [13], 1955—1 p.m.", "[1955-08-12,1955-08-13]"),
        ("August 27?, 1956", "1956-08-?27"),
        ("July 10(?), 1955", "1955-07-?10"),
        # the Moritz letter index (its own EDTF column, senderDate, agreeing)
        ("1550 April 3 um", "1550-04-03"),  # "um" (at) a time of day left out
        ("1547 August 9 präs.", "1547-08-09"),  # the day it was presented, as the index dates the letter
        ("1548 März präs", "1548-03"),
        ("[vorgetragen Trient 1552 Januar 10]", "1552-01-10"),
        ("[übergeben Lienz 1552 Mai 24]", "1552-05-24"),
        ("1552 [=1553] Januar 1", "1553-01-01"),  # a year begun at Christmas, as we count it
    ],
)
def test_marks_around_a_real_date_leave_its_day(text, edtf):
    parsed = parse_archival_date(text)
    assert parsed == ParsedDate(edtf, False, text)
    edtf_day_bounds(edtf)


@pytest.mark.parametrize(
    ("edtf", "shown"),
    [
        ("1956-08-?27", "August 27?, 1956"),
        ("1955-07-?10~", "July 10?, 1955 (approximate)"),
        ("[1955-01-26,1955-01-27]", "January 26, 1955 or January 27, 1955"),
    ],
)
def test_a_day_in_doubt_is_shown_with_its_mark(edtf, shown):
    assert display_date(edtf) == shown


@pytest.mark.parametrize(
    "text",
    [
        "April 12, 1960, 11", "February 27, 1964, 5",  # FRUS: a bare number is no time of day (the <date> ends before "a.m.")
        "August 16", "July 17, 11:30 a.m.", "2, 1968, 10:10 a.m.", "July, 9 0900 Hours",  # FRUS: no year, or no month
        "July 71969",  # FRUS: the day run into the year
        "1548 Augut 4", "1549 Febuar 3",  # Moritz: a month misspelt (the index's own EDTF reads "Augut 4" as 1548-04)
        "1544 Juni 19 u", "1547 August 23 o",  # Moritz: a word cut off ("u[nd]", "o[der]"?)
        "1950 [51]", "January 26 [27]",  # an editor's other year; no year at all
    ],
)  # fmt: skip
def test_what_stays_unread(text):
    assert parse_archival_date(text) == ParsedDate("", True, text)


@pytest.mark.shared_data
def test_frus_datelines_with_an_editors_marks_lie_within_the_editions_own_dates():
    """frus1955-57v02: "July 10(?), 1955" (@when 1955-07-10) and "January 26 [27], 1955" (@from
    1955-01-26 @to 1955-01-27) read as days within the edition's own."""
    from legation.ingest.readers import read_file
    from legation.records.document_record import DocumentRecord
    from tests.conftest import shared_data

    records = [r for r in read_file(shared_data("frus/volumes/frus1955-57v02.xml.gz"), None) if isinstance(r, DocumentRecord)]
    marked = {r.date_text: r.date_edtf for r in records if r.date_text in ("July 10(?), 1955", "January 26 [27], 1955")}
    assert marked == {"July 10(?), 1955": "1955-07-10", "January 26 [27], 1955": "1955-01-26/1955-01-27"}
    for text, edition in marked.items():
        assert edtf_day_bounds(parse_archival_date(text).edtf) == edtf_day_bounds(edition), text
