"""One document type, one spelling (legation.records.document_types): a spreadsheet's "telegram"
beside FRUS' "Telegram" was two values of the type facet (a fresh archivist).

Real data: the 305 documents of FRUS 1955–57 vol. III in the demo archive (169 telegrams, 32
memoranda of conversation, 18 editorial notes), then rows a cataloguer typed for three more.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from legation.ingest.readers.csv_dc import read_csv
from legation.ingest.readers.tei_frus import read_frus_volume
from legation.ingest.service import ingest_records
from legation.records.document_record import DocumentRecord
from legation.records.document_types import archive_types
from legation.records.models import Document
from legation.search.follower import follow_once
from legation.search.service import SearchRequest, search
from tests.conftest import REPO, ingested_archive

VOLUME = [r for r in read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1955-57v03.xml.gz") if isinstance(r, DocumentRecord)]
ROWS = [
    {"identifier": "typed-1", "title": "Telegram typed into the sheet", "type": "telegram"},
    {"identifier": "typed-2", "title": "Conversation typed into the sheet", "type": "MEMORANDUM OF CONVERSATION"},
    {"identifier": "typed-3", "title": "Note typed into the sheet", "type": "Editorial note"},
    {"identifier": "typed-4", "title": "Cable typed into the sheet", "type": "cable"},  # a type the archive lacks: as written
]


@pytest.fixture
def volume_archive(db):
    yield from ingested_archive(VOLUME)


def sheet(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["identifier", "title", "type"])
        writer.writeheader()
        writer.writerows(ROWS)
    return path


def type_facet() -> dict[str, int]:
    result = search(SearchRequest(q="", page_size=1))
    return {v.value: v.count for v in next(f for f in result.facets if f.name == "type").values}


def test_a_type_written_in_another_case_is_the_archives_type(volume_archive, tmp_path: Path):
    before = type_facet()
    assert (before["Telegram"], before["Memorandum of Conversation"], before["Editorial Note"]) == (169, 32, 18)
    path = sheet(tmp_path / "typed.csv")
    report = ingest_records(read_csv(path), source=str(path))
    follow_once()
    assert report.added == ["typed-1", "typed-2", "typed-3", "typed-4"] and not report.failed
    stored = dict(Document.objects.filter(identifier__startswith="typed-").values_list("identifier", "document_type"))
    assert stored == {"typed-1": "Telegram", "typed-2": "Memorandum of Conversation", "typed-3": "Editorial Note", "typed-4": "cable"}
    after = type_facet()
    assert {k: after[k] - before[k] for k in ("Telegram", "Memorandum of Conversation", "Editorial Note")} == {
        "Telegram": 1, "Memorandum of Conversation": 1, "Editorial Note": 1,
    }
    assert not {"telegram", "MEMORANDUM OF CONVERSATION", "Editorial note"} & set(after)
    assert (
        "document types written but for case or accents as the archive writes them were stored as the archive does, so that "
        "the type facet counts each type once: 'telegram' as 'Telegram' (1 document); 'MEMORANDUM OF CONVERSATION' as "
        "'Memorandum of Conversation' (1 document); 'Editorial note' as 'Editorial Note' (1 document). The archive's spelling "
        "is the one it held first (when it holds several, the one most of its documents have): to change it, correct the type "
        "of its documents in the admin"
    ) in report.all_notes()
    # the same sheet again changes nothing
    again = ingest_records(read_csv(path), source=str(path))
    assert (again.added, again.updated, len(again.unchanged)) == ([], [], 4)


def test_an_archive_holding_two_spellings_takes_the_one_most_documents_have(volume_archive, tmp_path: Path):
    # as an archive ingested before types were spelled alike holds them
    two = [r.identifier for r in VOLUME if r.document_type == "Telegram"][:2]
    Document.objects.filter(identifier__in=two).update(document_type="telegram", ingested=None)
    assert archive_types()["telegram"] == "Telegram"
    path = sheet(tmp_path / "typed.csv")
    ingest_records(read_csv(path), source=str(path))
    assert Document.objects.get(identifier="typed-1").document_type == "Telegram"
    # the volume ingested again brings its two documents back to the archive's spelling
    report = ingest_records(VOLUME)
    assert sorted(report.updated) == sorted(two)
    assert {i: [c.message() for c in report.changes[i]] for i in two} == {i: ["document_type 'telegram' → 'Telegram'"] for i in two}
