"""Dates qualified in words the EDTF qualifiers do not cover: the part of a period ("Early May 1955",
"[1547 Juli Mitte]"), read as the period itself. Strings from the Moritz letter index (senderDateText,
its own EDTF column senderDate agreeing) and QhoD where marked; the others crafted."""

from __future__ import annotations

import pytest

from legation.ingest.dates import ParsedDate, parse_archival_date
from legation.records.dates import display_date, edtf_day_bounds


@pytest.mark.parametrize(
    ("text", "edtf"),
    [
        ("Early May 1955", "1955-05"),
        ("late 1949", "1949"),
        ("mid-1950", "1950"),
        ("mid-May 1950", "1950-05"),
        ("end of 1948", "1948"),
        ("the end of 1948", "1948"),
        ("beginning of March 1950", "1950-03"),
        ("late spring 1950", "1950-21"),  # a season's part: the season
        ("the late 1940s", "194X"),
        ("Anfang Mai 1547", "1547-05"),
        ("Mitte Juni 1550", "1550-06"),
        ("Ende 1548", "1548"),
        ("début mai 1950", "1950-05"),
        ("mi-juin 1950", "1950-06"),
        ("fin de 1948", "1948"),
        ("Anfang November 1568", "1568-11"),  # QhoD sema letter, correspAction date
        ("[1547 Juli Mitte]", "1547-07"),  # Moritz senderDateText (senderDate 1547-07)
        ("[1548 Anfang]", "1548"),  # Moritz
        ("[1552 März Ende]", "1552-03"),  # Moritz
        ("1552 Mai Ende", "1552-05"),  # Moritz
        ("[1551 Ende Mai]", "1551-05"),  # Moritz
        ("[1547 Mai Anfang?]", "1547-05?"),  # Moritz (senderDate 1547-05?)
        ("[1548 Anfang?]", "1548?"),  # Moritz
        ("1548 DezemberAnfang", "1548-12"),  # Moritz, the words run together
        ("1550 NovemberMitte", "1550-11"),  # Moritz
        ("[1552 Mai Ende / Juni Anfang]", "1552-05/1552-06"),  # Moritz: an interval, as other slash pairs
        ("Early May-June 1955", "1955-05/1955-06"),
        ("late 1949-early 1950", "1949/1950"),
        # the Moritz letter index: an editor's supplied part in brackets, after the year
        ("1546 [Dezember 12]", "1546-12-12"),
        ("1552 [April] 16", "1552-04-16"),
        ("1547 [September]", "1547-09"),
        ("1553 [Mai 8?]", "1553-05-08?"),
        ("1552 [Ende] Mai", "1552-05"),
        ("1552 [um Juni 12]", "1552-06-12~"),
        # about a day: "etwa", and "um" before the month
        ("[1538 September etwa 20]", "1538-09-20~"),
        ("1544 Januar etwa 20", "1544-01-20~"),
        ("[1541 etwa März 19]", "1541-03-19~"),
        ("[1541 um November 18]", "1541-11-18~"),
    ],
)
def test_a_part_of_a_period_is_the_period_and_a_supplied_part_the_date(text, edtf):
    assert parse_archival_date(text) == ParsedDate(edtf, False, text)


@pytest.mark.parametrize(
    ("text", "edtf", "unread"),
    [
        ("[1551 Juli Ende]", "1551-07", "[Nach 1551 Juli Ende]"),  # Moritz: after late July may still be July
        ("[1552 Januar Mitte]", "1552-01", "[1552 nach Januar Mitte]"),  # Moritz
        ("early May 1955", "1955-05", "early May 5, 1955"),  # the part of a month names no day
        ("Early May-June 1955", "1955-05/1955-06", "early May 5-7, 1955"),
    ],
)
def test_a_part_of_a_period_gives_no_day_and_no_bound(text, edtf, unread):
    assert (parse_archival_date(text), parse_archival_date(unread)) == (ParsedDate(edtf, False, text), ParsedDate("", True, unread))


def test_the_words_stay_in_the_text_and_the_page_shows_the_period():
    parsed = parse_archival_date("Early May 1955")
    assert (parsed.text, display_date(parsed.edtf)) == ("Early May 1955", "May 1955")



@pytest.mark.parametrize(
    ("text", "edtf", "shown"),
    [
        ("May or June 1950", "[1950-05,1950-06]", "May 1950 or June 1950"),
        ("[1544 Februar oder März]", "[1544-02,1544-03]", "February 1544 or March 1544"),  # Moritz (senderDate alike)
        ("1546 Juni 28 oder 29", "[1546-06-28,1546-06-29]", "June 28, 1546 or June 29, 1546"),  # Moritz
        ("1547 September 27 oder Oktober 4", "[1547-09-27,1547-10-04]", "September 27, 1547 or October 4, 1547"),  # Moritz
        ("December 31 or January 1, 1950", "[1949-12-31,1950-01-01]", "December 31, 1949 or January 1, 1950"),
        ("December 30 and 31, 1957", "{1957-12-30,1957-12-31}", "December 30, 1957 and December 31, 1957"),  # FRUS
        ("August 3 and 10, 1965", "{1965-08-03,1965-08-10}", "August 3, 1965 and August 10, 1965"),  # FRUS
        ("1542 Mai 5 und 6", "{1542-05-05,1542-05-06}", "May 5, 1542 and May 6, 1542"),  # Moritz
        ("1552 Mai 27 und 1552 Juni 12", "{1552-05-27,1552-06-12}", "May 27, 1552 and June 12, 1552"),  # Moritz
    ],
)
def test_dates_joined_by_or_and_and_are_sets(text, edtf, shown):
    # EDTF level 2 sets: [..] one of, {..} all of; the day bounds span both members
    parsed = parse_archival_date(text)
    assert (parsed, display_date(parsed.edtf)) == (ParsedDate(edtf, False, text), shown)
    assert edtf_day_bounds(edtf) == (edtf_day_bounds(edtf[1:].split(",")[0])[0], edtf_day_bounds(edtf[:-1].split(",")[1])[1])


@pytest.mark.parametrize(
    ("text", "edtf", "unread"),
    [
        ("1546 Juni 28 oder 29", "[1546-06-28,1546-06-29]", "1546 Juni 29 oder 28"),  # backwards
        ("May or June 1950", "[1950-05,1950-06]", "May 1950 or 1951"),  # May 1951, or the year 1951?
        ("March 9 and 10, 1956", "{1956-03-09,1956-03-10}", "March 9 and/or 10, 1956"),  # FRUS: neither one nor all
    ],
)
def test_pairs_of_uncertain_meaning_stay_unread(text, edtf, unread):
    assert (parse_archival_date(text), parse_archival_date(unread)) == (ParsedDate(edtf, False, text), ParsedDate("", True, unread))


@pytest.mark.parametrize(("text", "edtf"), [("[May?] 1950", "1950-?05"), ("[Mai ?] 1547", "1547-?05")])
def test_a_month_in_doubt_alone_is_qualified_alone(text, edtf):
    # EDTF 2019 level 2 "Qualification": "?" before the month doubts the month, not the year as "1950-05?" would
    from legation.records.document_record import DocumentRecord

    parsed = parse_archival_date(text)
    assert parsed == ParsedDate(edtf, False, text)
    assert display_date(edtf) == f"May? {edtf[:4]}"
    assert [d.isoformat() for d in edtf_day_bounds(edtf)] == [f"{edtf[:4]}-05-01", f"{edtf[:4]}-05-31"]
    record = DocumentRecord(identifier="x", title="A letter", date_edtf=edtf, date_text=text)
    record.validate()
    assert (record.date_earliest, record.date_latest) == (f"{edtf[:4]}-05-01", f"{edtf[:4]}-05-31")


@pytest.mark.shared_data
def test_moritz_parts_of_periods_lie_within_the_index_own_edtf():
    """Each senderDateText of the Moritz index naming the start, middle or end of a period ("[1547 Juli
    Mitte]") is read, and lies within the index's own EDTF (senderDate: the same month, or for the
    words run together, "1548 DezemberAnfang", the year)."""
    import csv
    import gzip
    import re

    from tests.conftest import shared_data

    with gzip.open(shared_data("moritz-saxony-political-correspondence-metadata/letters.csv.gz"), "rt", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if re.search(r"Anfang|Mitte|Ende", r["senderDateText"]) and r["senderDate"]]
    read = {r["senderDateText"]: (parse_archival_date(r["senderDateText"]).edtf, r["senderDate"]) for r in rows}
    assert len(read) >= 40
    assert sorted(text for text, (edtf, _) in read.items() if not edtf) == ["[1552 nach Januar Mitte]", "[Nach 1551 Juli Ende]"]
    for text, (edtf, index) in read.items():
        if edtf:
            ours, theirs = edtf_day_bounds(edtf), edtf_day_bounds(index)
            assert theirs[0] <= ours[0] <= ours[1] <= theirs[1], text


@pytest.mark.parametrize(
    ("attributes", "written", "edtf"),
    [
        ('when="1571"', "ca. 1571", "1571~"),  # QhoD sema Selim_II_Urkunde_11 (confidence=".8"): stored as certain
        ('when="1571"', "[1571?]", "1571?"),
        ('when="1571"', "probably 1571", "1571?"),
        ('when="1571"', "circiter 1571", "1571~"),
        ('when="1571"', "circ. 1571", "1571~"),
        ('when="1571"', "environ 1571", "1571~"),
        ('when="1571"', "~1571", "1571~"),
        ('when="1571"', "wohl 1571", "1571?"),
        ('when="1552-04-20"', "1552 April um 20", "1552-04-20~"),
        ('when="1949-11-12"', "November 12, 1949", "1949-11-12"),
        ('when="1949-11-12"', "[November 12, 1949]", "1949-11-12"),  # an editor's brackets date it, no doubt said
        ('when="1719-11-15"', "3. Dezember 1719", "1719-11-15"),  # another day written: the attributes' own
        ('when="1571"', "ca. 1572", "1571"),  # approximately another year: the attributes' own
        ('from="1571" to="1572"', "ca. 1571", "1571/1572"),  # an interval: as the attributes give it
        ('from="1571" to="1573"', "ca. 1571–1573", "1571~/1573~"),  # the very interval, each end approximate
        ('from="1571" to="1573"', "circiter 1571-1573", "1571~/1573~"),
        ('notBefore="1571" notAfter="1573"', "wohl 1571–1573", "1571?/1573?"),
        ('from="1571" to="1573"', "ca. 1571–1574", "1571/1573"),  # another interval: the attributes' own
        ('from="1571" to="1571"', "ca. 1571", "1571~"),  # an interval of one year is that year
        ('from="1949-12-13" to="1949-12-14"', "[December 13-14, 1949]", "1949-12-13/1949-12-14"),
    ],
)
def test_a_tei_dates_text_qualifying_the_very_date_its_attributes_give_qualifies_it(attributes: str, written: str, edtf: str) -> None:
    # <date when="1571">ca. 1571</date> was stored as 1571, certain, where a CSV's "ca. 1571" is 1571~ (a fresh archivist's)
    from lxml import etree

    from legation.ingest.dates import tei_edtf

    assert tei_edtf(etree.fromstring(f"<date {attributes}/>"), written) == edtf


def test_a_qhod_charter_dated_about_a_year_is_stored_as_approximate() -> None:
    from legation.ingest.readers.tei_corresp import read_tei_document
    from legation.records.document_record import DocumentRecord
    from tests.conftest import shared_data

    path = shared_data("qhod-habsburg-ottoman-diplomacy/tei/sema/Selim_II_Urkunde_11.xml")
    (record,) = [r for r in read_tei_document(path) if isinstance(r, DocumentRecord)]
    assert (record.date_text, record.date_edtf) == ("ca. 1571", "1571~")
