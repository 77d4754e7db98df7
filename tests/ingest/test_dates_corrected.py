"""A date as written corrected alone in an export and ingested again: the EDTF date beside it, left
as it was, must not win without a word (src/legation/ingest/dates.py: edtf_left_behind)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legation.ingest.readers import read_file
from legation.ingest.readers.jsonl import read_jsonl, write_jsonl
from legation.ingest.service import ingest_records
from legation.records.serialize import load_records
from tests.conftest import FIXTURES

FRUS_SAMPLE = FIXTURES / "frus" / "frus1917-72PubDip.xml"  # d10: "January 23, 1918", 1918-01-23; d1 undated

pytestmark = pytest.mark.django_db


def exported(tmp_path: Path) -> list[dict]:
    """The FRUS sample volume ingested, then its Legation JSON Lines export, line by line."""
    assert not ingest_records(read_file(FRUS_SAMPLE)).failed
    path = tmp_path / "export.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        write_jsonl(load_records(), handle)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def ingest_edited(tmp_path: Path, lines: list[dict], identifier: str, **changes):
    """Ingest the export with ``changes`` made to the line of ``identifier`` (a value None removes
    the key): the report and that line's number."""
    number = next(n for n, line in enumerate(lines, 1) if line["identifier"] == identifier)
    line = lines[number - 1]
    for key, value in changes.items():
        line.pop(key) if value is None else line.__setitem__(key, value)
    path = tmp_path / "edited.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return ingest_records(read_jsonl(path), source=str(path)), number


def stored_date(identifier: str) -> tuple[str, str, str, str]:
    (record,) = load_records([identifier])
    return record.date_text, record.date_edtf, record.date_earliest, record.date_latest, record.summary


@pytest.mark.parametrize(
    ("identifier", "text", "reads_as", "stale"),
    [
        ("frus1917-72PubDip-d10", "January 28, 1918", "1918-01-28 (January 28, 1918)", "1918-01-23 (January 23, 1918)"),
        ("frus1917-72PubDip-d10", "January 1919", "1919-01 (January 1919)", "1918-01-23 (January 23, 1918)"),
        ("frus1917-72PubDip-d1", "1918", "1918 (1918)", "empty (undated)"),  # an undated document given a date as written alone
    ],
)
def test_a_date_as_written_corrected_alone_fails_naming_the_line_and_both_dates(tmp_path, identifier, text, reads_as, stale):
    lines = exported(tmp_path)
    before = stored_date(identifier)
    old_text = before[0]
    report, number = ingest_edited(tmp_path, lines, identifier, date_text=text, summary="Corrected too.")
    assert (report.updated, report.added) == ([], [])
    (failure,) = report.failed
    assert failure.where == f"{tmp_path / 'edited.jsonl'}, line {number}"
    assert failure.reason == (
        f"{identifier}: its date as written changed from {old_text!r} to {text!r}, which reads as {reads_as}, but its "
        f"EDTF date stayed {stale}, so its page would show one date while date filters, sorts and the histogram used the "
        "other; the document was left as it was. Give the EDTF date the new text means beside it (date_edtf; in a CSV "
        "table, the date column), or leave it out to have the date as written read (remove the date_edtf key, as "
        '"date_edtf": "" is undated, with date_earliest and date_latest emptied too; in a CSV table, empty the date cell), and ingest the file again'
    )
    assert stored_date(identifier) == before and report.dates_apart == []  # no note saying it was stored as given


def test_the_date_as_written_with_its_edtf_date_left_out_or_corrected_too_is_taken(tmp_path):
    lines = exported(tmp_path)
    report, _ = ingest_edited(tmp_path, lines, "frus1917-72PubDip-d10", date_text="January 28, 1918", date_edtf=None, date_earliest=None, date_latest=None)
    assert (report.failed, report.updated) == ([], ["frus1917-72PubDip-d10"])
    assert stored_date("frus1917-72PubDip-d10") == ("January 28, 1918", "1918-01-28", "1918-01-28", "1918-01-28", "")
    report, _ = ingest_edited(tmp_path, lines, "frus1917-72PubDip-d13", date_text="February 8, 1918", date_edtf="1918-02-08", date_earliest=None, date_latest=None)
    assert (report.failed, report.updated) == ([], ["frus1917-72PubDip-d13"])
    assert stored_date("frus1917-72PubDip-d13") == ("February 8, 1918", "1918-02-08", "1918-02-08", "1918-02-08", "")


@pytest.mark.parametrize(
    "text",
    [
        "Jan. 23, 1918",  # reads as before
        "January 23, 1918 (draft)",  # a remark after the date
        "January 1918",  # holds the EDTF date: an editor's day within what the text says
        "ca. 1918",
        "undated",  # reads as no date: the EDTF date beside it says more
        "Tuesday of the third week",  # unread, as "Good Friday": dated by the EDTF date
        "",  # a date need not have been written
    ],
)
def test_a_date_as_written_changed_so_that_the_edtf_date_still_fits_it_is_taken(tmp_path, text):
    lines = exported(tmp_path)
    report, _ = ingest_edited(tmp_path, lines, "frus1917-72PubDip-d10", date_text=text)
    assert (report.failed, report.updated) == ([], ["frus1917-72PubDip-d10"])
    assert stored_date("frus1917-72PubDip-d10") == (text, "1918-01-23", "1918-01-23", "1918-01-23", "")


def test_a_csv_export_whose_date_text_is_corrected_alone_fails_and_its_date_cell_emptied_reads_the_text(tmp_path):
    import csv
    import io

    from legation.ingest.readers.csv_dc import read_csv
    from legation.ingest.readers.csv_export import write_csv

    assert not ingest_records(read_file(FRUS_SAMPLE)).failed
    written = io.StringIO()
    write_csv(load_records(), written)
    header, *rows = list(csv.reader(io.StringIO(written.getvalue().lstrip("\ufeff"))))
    row = next(r for r in rows if r[0] == "frus1917-72PubDip-d10")
    assert (row[header.index("date")], row[header.index("date text")]) == ("1918-01-23", "January 23, 1918")
    row[header.index("date text")] = "January 28, 1918"
    path = tmp_path / "export.csv"
    for expected_failures, expected_date in ((1, "1918-01-23"), (0, "1918-01-28")):
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([header, *rows])
        report = ingest_records(read_csv(path), source=str(path))
        assert len(report.failed) == expected_failures and stored_date("frus1917-72PubDip-d10")[1] == expected_date
        row[header.index("date")] = ""  # then: the date as written read
