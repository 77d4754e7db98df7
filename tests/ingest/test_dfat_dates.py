"""DFAT dates: the date printed in a document's first line goes first, the harvester's doc_date
comes after it, and a doc_date that the dateline overrides is named in the report's notes. On the
real line of vol. 1 doc. 100 ("Memorandum H29 LONDON, 30 October 1937"; skipped when
../shared/data is absent)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from legation.errors import IngestNote
from legation.ingest.readers import read_file
from legation.ingest.service import ingest_records
from legation.records.document_record import DocumentRecord
from tests.conftest import shared_data

DFAT = "dfat-documents-on-australian-foreign-policy/documents.jsonl.gz"


def dfat_line(vol: int, doc: int) -> dict:
    with gzip.open(shared_data(DFAT), "rt", encoding="utf-8") as handle:
        return next(o for line in handle if (o := json.loads(line))["vol_id"] == vol and o["doc_order"] == doc)


def read(tmp_path: Path, obj: dict) -> tuple[DocumentRecord, list[str]]:
    path = tmp_path / "dfat.jsonl"
    path.write_text(json.dumps(obj) + "\n", encoding="utf-8")
    items = list(read_file(path, "dfat"))
    return items[0], [i.message for i in items[1:] if isinstance(i, IngestNote)]


@pytest.mark.parametrize(
    ("doc_date", "note"),
    [
        ("1937-10-30", None),
        ("1937", None),  # less precise than the dateline, not another date
        ("sometime in spring", "dfat-v1-100: doc_date 'sometime in spring' is not a date; dated '30 October 1937' by the text's first line, which goes first"),
        ("1937-02-31", "dfat-v1-100: doc_date '1937-02-31' is not a date; dated '30 October 1937' by the text's first line, which goes first"),
        ("1937-10-31", "dfat-v1-100: doc_date 1937-10-31 differs from the date of the text's first line, '30 October 1937', which goes first and is taken"),
    ],
)
def test_the_dateline_goes_first_and_an_overridden_doc_date_is_noted(tmp_path, doc_date, note):
    record, notes = read(tmp_path, {**dfat_line(1, 100), "doc_date": doc_date})
    assert (record.date_text, record.date_edtf) == ("30 October 1937", "1937-10-30")
    assert notes == ([note] if note else [])


def test_without_a_dateline_doc_date_dates_the_document(tmp_path):
    line = dfat_line(1, 10)  # its first line gives no date ("Memorandum" …)
    record, notes = read(tmp_path, line)
    assert (record.date_text, record.date_edtf, notes) == ("1937-02-10", "1937-02-10", [])


def test_the_two_real_disagreements(tmp_path):
    record, notes = read(tmp_path, dfat_line(13, 4))  # doc_date 1947-12-31; "Cablegram 114 CANBERRA, 3 January 1948"
    assert (record.date_edtf, notes) == ("1948-01-03", ["dfat-v13-4: doc_date 1947-12-31 differs from the date of the text's first line, '3 January 1948', which goes first and is taken"])
    record, notes = read(tmp_path, dfat_line(14, 35))  # doc_date 1949-07-01 pads "Extract CANBERRA, July 1949"
    assert (record.date_edtf, notes) == ("1949-07", [])


@pytest.mark.django_db
def test_reingest_with_a_changed_doc_date_is_unchanged_and_says_why(tmp_path):
    line = dfat_line(1, 100)
    path = tmp_path / "dfat.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert ingest_records(read_file(path, "dfat")).added == ["dfat-v1-100"]
    path.write_text(json.dumps({**line, "doc_date": "sometime in spring"}) + "\n", encoding="utf-8")
    report = ingest_records(read_file(path, "dfat"))
    assert report.unchanged == ["dfat-v1-100"] and report.updated == []
    assert report.notes == [f"{path}, line 1: dfat-v1-100: doc_date 'sometime in spring' is not a date; dated '30 October 1937' by the text's first line, which goes first"]
