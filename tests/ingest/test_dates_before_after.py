"""Dates known only to lie before or after a day, month or year ("before 1 May 1950"), read as EDTF
2019 Level 2 sets open at one end, and what date filters make of them."""

from __future__ import annotations

import datetime as dt

import pytest

from legation.ingest.dates import ParsedDate, parse_archival_date
from legation.records.dates import display_date, edtf_day_bounds


@pytest.mark.parametrize(
    ("text", "edtf", "earliest", "latest", "shown"),
    [
        # "before" and "after" exclude the day named: one unit of the date's precision away
        ("before 1 May 1950", "[..1950-04-30]", "1950-04-30", "1950-04-30", "April 30, 1950 or earlier"),
        ("Before May 1950", "[..1950-04]", "1950-04-01", "1950-04-30", "April 1950 or earlier"),
        ("before 1950", "[..1949]", "1949-01-01", "1949-12-31", "1949 or earlier"),
        ("before 1 January 1950", "[..1949-12-31]", "1949-12-31", "1949-12-31", "December 31, 1949 or earlier"),
        ("before 1 March 1900", "[..1900-02-28]", "1900-02-28", "1900-02-28", "February 28, 1900 or earlier"),  # 1900: no leap year
        ("Prior to January 20, 1969", "[..1969-01-19]", "1969-01-19", "1969-01-19", "January 19, 1969 or earlier"),  # FRUS 1969-76 v12 prose
        ("after 1 May 1950", "[1950-05-02..]", "1950-05-02", "1950-05-02", "May 2, 1950 or later"),
        ("after 31 December 1950", "[1951-01-01..]", "1951-01-01", "1951-01-01", "January 1, 1951 or later"),
        ("after December 1950", "[1951-01..]", "1951-01-01", "1951-01-31", "January 1951 or later"),
        # "not before" / "not after" (TEI's notBefore, notAfter) keep it
        ("not before 1 May 1950", "[1950-05-01..]", "1950-05-01", "1950-05-01", "May 1, 1950 or later"),
        ("not after 1 May 1950", "[..1950-05-01]", "1950-05-01", "1950-05-01", "May 1, 1950 or earlier"),
        ("on or before 31 December 1950", "[..1950-12-31]", "1950-12-31", "1950-12-31", "December 31, 1950 or earlier"),
        ("no later than May 1950", "[..1950-05]", "1950-05-01", "1950-05-31", "May 1950 or earlier"),
        # German, French, Latin
        ("vor 1. Mai 1950", "[..1950-04-30]", "1950-04-30", "1950-04-30", "April 30, 1950 or earlier"),
        ("kurz vor 18. Juli 1541", "[..1541-07-17]", "1541-07-17", "1541-07-17", "July 17, 1541 or earlier"),
        ("nach Mai 1950", "[1950-06..]", "1950-06-01", "1950-06-30", "June 1950 or later"),
        ("nicht vor 1950", "[1950..]", "1950-01-01", "1950-12-31", "1950 or later"),
        ("spätestens 3. März 1950", "[..1950-03-03]", "1950-03-03", "1950-03-03", "March 3, 1950 or earlier"),
        ("avant le 1er mai 1950", "[..1950-04-30]", "1950-04-30", "1950-04-30", "April 30, 1950 or earlier"),
        ("après 1950", "[1951..]", "1951-01-01", "1951-12-31", "1951 or later"),
        ("ante 1720", "[..1719]", "1719-01-01", "1719-12-31", "1719 or earlier"),
        ("post 12. Junii 1720", "[1720-06-13..]", "1720-06-13", "1720-06-13", "June 13, 1720 or later"),
        ("[before 1 May 1950]", "[..1950-04-30]", "1950-04-30", "1950-04-30", "April 30, 1950 or earlier"),  # an editor's supplied date
    ],
)
def test_before_and_after_are_one_of_a_set_open_at_one_end(text, edtf, earliest, latest, shown):
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)
    assert [d.isoformat() for d in edtf_day_bounds(edtf)] == [earliest, latest]
    assert display_date(edtf) == shown


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        # the Moritz letter index (letters.csv senderDateText; its own EDTF column gives open intervals, /1552-03-12)
        ("[1552 März vor 12]", "[..1552-03-11]"),
        ("1552 April nach 3", "[1552-04-04..]"),
        ("1547 März nach 06", "[1547-03-07..]"),
        ("[1548 nach März 19]", "[1548-03-20..]"),  # the bound before the month
        ("1552 vor Juni 4", "[..1552-06-03]"),
        ("[1541 kurz vor Juli 18]", "[..1541-07-17]"),
        ("[1544 Juni bald nach 10]", "[1544-06-11..]"),
        ("1544 [vor April 10]", "[..1544-04-09]"),  # an editor's brackets inside the date
        ("1547 Oktober [nach 19]", "[1547-10-20..]"),
        ("1553 [April nach 2]", "[1553-04-03..]"),
        ("1548 Februar vor oder am 16", "[..1548-02-16]"),  # "on or before" keeps the day
        ("1548 November 10 nach", "[1548-11-11..]"),  # the bound after the day: the index's EDTF reads it as "nach 10"
        ("1549 August 23 vor", "[..1549-08-22]"),
        ("[1552 nach März 31]", "[1552-04-01..]"),
        ("1548 Februar vor 1", "[..1548-01-31]"),
    ],
)
def test_bounds_inside_a_moritz_date_are_read_as_in_front_of_it(text, edtf):
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)


@pytest.mark.parametrize(
    "text",
    [
        "before ca. 1950", "before 1950?",  # a qualified bound: EDTF sets could say it, the meaning is too loose to guess
        "before Spring 1950", "before 1949/1950", "before 44 BC", "after 31 December 9999", "before garbage",
        "[1548 Oktober nach 27 ?]", "[1551 September nach 18?]",  # Moritz: qualified bounds, as "before 1950?"
        "[1552 nach Januar Mitte]", "[1552 November oder Dezember nach 7]", "[1552 nach Oktober 14/vor November 14]",  # Moritz
        "1552 März Juni vor 12", "1552 vor 12",  # a month named twice, or none
    ],
)  # fmt: skip
def test_bounds_on_what_is_not_a_plain_date_are_flagged(text):
    assert parse_archival_date(text) == ParsedDate("", True, text)


@pytest.mark.django_db
def test_before_and_after_dates_ingest_and_match_only_their_known_side(tmp_path):
    from legation.ingest.readers import read_file
    from legation.records.models import Document
    from legation.search.service import SearchRequest, search
    from tests.conftest import ingested_archive

    table = tmp_path / "bounds.csv"
    table.write_text(
        "identifier,title,date\nb-1,Report before,before 1 May 1950\nb-2,Report after,after 1 May 1950\nb-3,Report not after,not after 1 May 1950\n",
        encoding="utf-8",
    )
    archive = ingested_archive(read_file(table))
    report = next(archive)
    assert (sorted(report.added), report.unread_dates) == (["b-1", "b-2", "b-3"], [])
    stored = {d.identifier: (d.date_edtf, d.date_earliest, d.date_latest) for d in Document.objects.all()}
    assert stored == {
        "b-1": ("[..1950-04-30]", dt.date(1950, 4, 30), dt.date(1950, 4, 30)),
        "b-2": ("[1950-05-02..]", dt.date(1950, 5, 2), dt.date(1950, 5, 2)),
        "b-3": ("[..1950-05-01]", dt.date(1950, 5, 1), dt.date(1950, 5, 1)),
    }

    def found(start: dt.date, end: dt.date) -> list[str]:
        return sorted(h.identifier for h in search(SearchRequest(q="report", start_date=start, end_date=end)).hits)

    assert found(dt.date(1950, 4, 30), dt.date(1950, 4, 30)) == ["b-1"]
    assert found(dt.date(1950, 5, 1), dt.date(1950, 5, 1)) == ["b-3"]
    assert found(dt.date(1950, 5, 2), dt.date(1950, 5, 31)) == ["b-2"]
    assert found(dt.date(1940, 1, 1), dt.date(1950, 3, 31)) == []  # an open end is not stretched to the years before
    next(archive, None)
