"""parse_archival_date on date strings as the corpora write them (source named per case)."""

from __future__ import annotations

import pytest

from legation.ingest.dates import ParsedDate, parse_archival_date
from legation.records.dates import day_bounds

CASES = [
    # (text as written, EDTF) — source of the form in the comment
    ("1950", "1950"),
    ("December 1949", "1949-12"),
    ("22 Dec. 1949", "1949-12-22"),
    ("December 22, 1949", "1949-12-22"),  # FRUS datelines
    ("22.XII.1949", "1949-12-22"),
    ("13.11.1989", "1989-11-13"),  # Dodis 49548 history/origin
    ("13. November 1989", "1989-11-13"),  # Dodis 49548 dateline
    ("21. Jänner 1720", "1720-01-21"),  # QhoD vipa letter 1720-01-21 correspAction/date
    ("Dezember 1949", "1949-12"),
    ("22 décembre 1949", "1949-12-22"),
    ("1er janvier 1950", "1950-01-01"),
    ("1533 Januar 6", "1533-01-06"),  # Moritz letters.csv key 2 senderDateText
    ("1552 September 26/Oktober 8", "1552-09-26/1552-10-08"),  # Moritz senderDateText
    ("1547 Juni zwischen 8 und 13", "1547-06-08/1547-06-13"),  # Moritz senderDateText
    ("[1552 April um 20]", "1552-04-20~"),  # Moritz senderDateText
    ("1963.12.17", "1963-12-17"),  # Korean presidential speeches `date`
    ("1981.12", "1981-12"),  # Korean presidential speeches `date`
    ("1950-01-?", "1950-01-XX"),
    ("ca. 1950", "1950~"),
    ("c. 1950?", "1950%"),
    ("[1950?]", "1950?"),
    ("1950 (?)", "1950?"),
    ("1547 ?", "1547?"),
    ("195X", "195X"),
    ("1950s", "195X"),
    ("1743/44", "1743/1744"),
    ("1949-12-22/1950-02-14", "1949-12-22/1950-02-14"),
    ("December 1949 – January 1950", "1949-12/1950-01"),
    ("22–25 December 1949", "1949-12-22/1949-12-25"),
    ("[1552] November 12", "1552-11-12"),
    # EDTF as written in the Moritz CSV senderDate column
    ("1533-01-06", "1533-01-06"),
    ("/1541-07-18", "/1541-07-18"),
    ("[1553-07-15,1553-07-19]", "[1553-07-15,1553-07-19]"),
    ("1547-06-08/1547-06-13", "1547-06-08/1547-06-13"),
    ("1541-07-18/?", "1541-07-18/"),  # EDTF draft "unknown end" → ISO 8601-2 open end
    ("1552-03?", "1552-03?"),
    (" 1989-11-13 ", "1989-11-13"),
]


@pytest.mark.parametrize(("text", "edtf"), CASES)
def test_parses_archival_forms(text, edtf):
    parsed = parse_archival_date(text)
    assert parsed == ParsedDate(edtf, False, text.strip())
    day_bounds(parsed.edtf)  # every value is EDTF the library accepts


@pytest.mark.parametrize("text", ["undated", "Undated", "n.d.", "n. d.", "o. D.", "s.d.", "sans date", "[undated]", "", None])
def test_undated_is_empty_and_not_flagged(text):
    assert parse_archival_date(text) == ParsedDate("", False, (text or "").strip())


@pytest.mark.parametrize(
    "text",
    ["[1552 März vor 12]", "[1548 Anfang]", "Spring 1950", "32 December 1949", "1949-02-30", "garbage", "22/12"],
)
def test_unreadable_dates_are_flagged_and_kept(text):
    assert parse_archival_date(text) == ParsedDate("", True, text)


def test_precision_is_never_invented():
    assert day_bounds(parse_archival_date("1950").edtf) == day_bounds("1950")
    earliest, latest = day_bounds(parse_archival_date("December 1949").edtf)
    assert (earliest.isoformat(), latest.isoformat()) == ("1949-12-01", "1949-12-31")
    earliest, latest = day_bounds(parse_archival_date("1743/44").edtf)
    assert (earliest.isoformat(), latest.isoformat()) == ("1743-01-01", "1744-12-31")


def test_moritz_letters_edtf_column_all_valid():
    """Every senderDate of the Moritz CSV is EDTF the parser keeps (8,935 letters)."""
    import csv
    import gzip

    from tests.conftest import shared_data

    path = shared_data("moritz-saxony-political-correspondence-metadata/letters.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    flagged = [r["senderDate"] for r in rows if parse_archival_date(r["senderDate"]).flagged]
    assert len(rows) == 8935
    assert flagged == []
