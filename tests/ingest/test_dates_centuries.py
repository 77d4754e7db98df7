"""Centuries and parts of a year named in words ("19th century", "early 20th century", "first half of
1950", "1st quarter 1950"): EDTF unspecified digits and sub-year groupings, never a narrower span.
Crafted strings: the corpora of ../shared/data write none of them."""

from __future__ import annotations

import pytest

from legation.ingest.dates import ParsedDate, parse_archival_date
from legation.records.dates import display_date, edtf_day_bounds


@pytest.mark.parametrize(
    ("text", "edtf", "shown"),
    [
        ("19th century", "18XX", "19th century"),
        ("the nineteenth century", "18XX", "19th century"),
        ("19th c.", "18XX", "19th century"),
        ("11th century", "10XX", "11th century"),
        ("19. Jahrhundert", "18XX", "19th century"),
        ("19. Jh.", "18XX", "19th century"),
        ("XIXe siècle", "18XX", "19th century"),
        ("19e siècle", "18XX", "19th century"),
        # a part of a century is the century: EDTF has no early/late qualifier (see _part_of)
        ("early 20th century", "19XX", "20th century"),
        ("the late nineteenth century", "18XX", "19th century"),
        ("mid-19th century", "18XX", "19th century"),
        ("Anfang des 20. Jahrhunderts", "19XX", "20th century"),
        ("fin du XIXe siècle", "18XX", "19th century"),
        ("ca. 19th century", "18XX~", "19th century (approximate)"),
        ("19th century?", "18XX?", "19th century?"),
    ],
)
def test_a_century_is_its_hundred_years_unspecified(text, edtf, shown):
    parsed = parse_archival_date(text)
    assert (parsed, display_date(parsed.edtf)) == (ParsedDate(edtf, False, text), shown)
    first = int(edtf[:2]) * 100
    assert [d.isoformat() for d in edtf_day_bounds(edtf)] == [f"{first:04d}-01-01", f"{first + 99:04d}-12-31"]


@pytest.mark.parametrize("text", ["1st century", "0th century", "101st century", "umpteenth century", "XIXe"])
def test_no_century_is_invented(text):
    assert parse_archival_date(text) == ParsedDate("", True, text)


def test_a_century_counts_in_each_of_its_years():
    from legation.records.document_record import DocumentRecord
    from legation.search.schema import _years

    record = DocumentRecord(identifier="c", title="A century", date_text="19th century", date_edtf="18XX").validate()
    assert (record.date_earliest, record.date_latest) == ("1800-01-01", "1899-12-31")
    assert _years(record) == [str(year) for year in range(1800, 1900)]


@pytest.mark.parametrize(
    ("text", "edtf", "shown", "earliest", "latest"),
    [
        ("first half of 1950", "1950-40", "First semester 1950", "1950-01-01", "1950-06-30"),
        ("second half of 1950", "1950-41", "Second semester 1950", "1950-07-01", "1950-12-31"),
        ("1st quarter 1950", "1950-33", "First quarter 1950", "1950-01-01", "1950-03-31"),
        ("first quarter of 1950", "1950-33", "First quarter 1950", "1950-01-01", "1950-03-31"),
        ("the last quarter of 1950", "1950-36", "Fourth quarter 1950", "1950-10-01", "1950-12-31"),
        ("Q3 1950", "1950-35", "Third quarter 1950", "1950-07-01", "1950-09-30"),
        ("1950 Q2", "1950-34", "Second quarter 1950", "1950-04-01", "1950-06-30"),
        ("1. Quartal 1950", "1950-33", "First quarter 1950", "1950-01-01", "1950-03-31"),
        ("erstes Halbjahr 1950", "1950-40", "First semester 1950", "1950-01-01", "1950-06-30"),
        ("zweite Jahreshälfte 1950", "1950-41", "Second semester 1950", "1950-07-01", "1950-12-31"),
        ("premier semestre 1950", "1950-40", "First semester 1950", "1950-01-01", "1950-06-30"),
        ("deuxième trimestre 1950", "1950-34", "Second quarter 1950", "1950-04-01", "1950-06-30"),
        # a half of a shorter or longer period than a year is that period
        ("first half of May 1950", "1950-05", "May 1950", "1950-05-01", "1950-05-31"),
        ("first half of the 1950s", "195X", "1950s", "1950-01-01", "1959-12-31"),
        ("second half of the 19th century", "18XX", "19th century", "1800-01-01", "1899-12-31"),
    ],
)
def test_a_quarter_or_half_of_a_year_is_an_edtf_sub_year_grouping(text, edtf, shown, earliest, latest):
    parsed = parse_archival_date(text)
    assert (parsed, display_date(parsed.edtf)) == (ParsedDate(edtf, False, text), shown)
    assert [d.isoformat() for d in edtf_day_bounds(edtf)] == [earliest, latest]


@pytest.mark.parametrize("text", ["third half of 1950", "5th quarter 1950", "Q5 1950", "1st quarter 1950?", "ca. first half of 1950"])
def test_a_grouping_the_year_has_not_or_a_qualified_one_is_flagged(text):
    # the edtf library has no qualified grouping (1950-33?), as it has no qualified season
    assert parse_archival_date(text) == ParsedDate("", True, text)
