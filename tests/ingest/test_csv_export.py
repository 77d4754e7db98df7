"""CSV export (legation.ingest.readers.csv_export) read back by the CSV reader: awkward values come
out safely and read back exactly, and what the CSV leaves out is exactly what its docstring says.
The round trip through an archive is in test_export_round_trip.py."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from legation.ingest.readers.csv_dc import FORMULA_START, escape_formula, read_csv, unescape_formula
from legation.ingest.readers.csv_export import write_csv
from legation.records.document_record import AgentRef, CollectionRef, DocumentRecord, Footnote, TextRecord

BODY = '=cmd|\' /C calc\'!A0\n\nSecond paragraph, "quoted", with a comma.\r\nA line after CRLF.'
AWKWARD = DocumentRecord(
    identifier="=crafted-1",
    title='Telegram, "Most Immediate", from Moscow',
    document_type="-Telegram",
    date_text="Moscow, January 2, 1950",
    date_edtf="1950-01-02",
    place_sent="@Moscow",
    summary='=HYPERLINK("https://example.org","click"), then more',
    source_note="Department of State Central Files, 661.93/1–250: Telegram",  # no final period
    classification="+Secret",
    source_url="https://example.org/doc?id=1",
    collections=[CollectionRef("crafted-b", "'=already quoted"), CollectionRef("crafted-a", "Crafted, with a comma")],
    pages="xii–xiv",
    agents=[
        AgentRef("person:mao", "Mao, Zedong", "sender", names=["Mao Tse-tung"]),
        AgentRef("org:cc", "Central Committee", "recipient", kind="organization"),
        AgentRef("person:liu", "-Liu Shaoqi", "recipient"),
        AgentRef("person:stalin", "Stalin", "mentioned"),
    ],
    subjects=["'95 message", "Sino-Soviet treaty"],
    texts=[
        TextRecord("transcript", "ru", BODY, [Footnote("1", "A footnote.")]),
        TextRecord("translation", "de", "Zweiter Text"),
    ],
)
# Read back: every other value exact; agents keyed by their names, persons but for a body's name (the
# kind is read off its words again), no further names;
# collections keyed by a slug of their titles; the first text only, a transcript in the
# document's language, without footnotes.
READ_BACK = replace(
    AWKWARD,
    date_earliest="1950-01-02",
    date_latest="1950-01-02",
    collections=[CollectionRef("already-quoted", "'=already quoted"), CollectionRef("crafted-with-a-comma", "Crafted, with a comma")],
    agents=[
        AgentRef("person:mao-zedong", "Mao, Zedong", "sender"),
        AgentRef("organization:central-committee", "Central Committee", "recipient", kind="organization"),
        AgentRef("person:liu-shaoqi", "-Liu Shaoqi", "recipient"),
        AgentRef("person:stalin", "Stalin", "mentioned"),
    ],
    texts=[TextRecord("transcript", "en", BODY)],
)


def write_and_read(records: list[DocumentRecord], path: Path) -> list:
    with path.open("w", encoding="utf-8", newline="") as handle:
        assert write_csv(records, handle) == len(records)
    return list(read_csv(path))


def test_awkward_values_come_out_safely_and_read_back_exactly(tmp_path: Path):
    undated_text = DocumentRecord(identifier="crafted-2", title="Only an EDTF date", date_edtf="1950").validate()
    path = tmp_path / "export.csv"
    assert write_and_read([AWKWARD, undated_text], path) == [
        READ_BACK,
        # "date text" is left empty when it adds nothing, and an empty one reads back as the date
        DocumentRecord(identifier="crafted-2", title="Only an EDTF date", date_text="1950", date_edtf="1950",
                       date_earliest="1950-01-01", date_latest="1950-12-31"),
    ]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, row, _ = csv.reader(handle)
    cells = dict(zip(header, row))
    assert not [c for c in row if c[:1] in FORMULA_START], "a cell starts like a formula"
    assert (cells["identifier"], cells["summary"], cells["text"][:5]) == ("'=crafted-1", "'" + AWKWARD.summary, "'=cmd")
    assert (cells["sender"], cells["recipient"], cells["mentioned"]) == ("Mao, Zedong", "Central Committee|-Liu Shaoqi", "Stalin")
    assert (cells["collection"], cells["subject"]) == ("''=already quoted|Crafted, with a comma", "'95 message|Sino-Soviet treaty")
    assert (cells["date"], cells["date text"], cells["language"]) == ("1950-01-02", "Moscow, January 2, 1950", "en")
    assert cells["pages"] == READ_BACK.pages == "xii–xiv"  # the printed pages, read back exactly with the record above
    assert path.read_bytes().startswith(b"\xef\xbb\xbfidentifier,")


def test_a_text_longer_than_the_csv_modules_default_cell_limit_reads_back(tmp_path: Path):
    long = DocumentRecord(identifier="long", title="A long address", texts=[TextRecord(body="Fellow-Citizens, " * 20000)])
    [record] = write_and_read([long], tmp_path / "long.csv")
    assert record.texts[0].body == long.texts[0].body.strip() and len(record.texts[0].body) > 131072


@pytest.mark.parametrize("value", ["=1+1", "+49 30", "-", "@SUM(A1)", "\tx", "\rx", "'=x", "''-x", "'95", "'", "plain", ""])
def test_formula_escape_is_undone_by_the_reader(value: str):
    escaped = escape_formula(value)
    assert escaped[:1] not in FORMULA_START and unescape_formula(escaped) == value
