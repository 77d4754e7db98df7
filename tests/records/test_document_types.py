"""One document type, one spelling (legation.records.document_types): a spreadsheet's "telegram"
beside FRUS' "Telegram" was two values of the type facet (a fresh archivist); a first try let the
spelling first read win, so three rows in lower case spelled 32 FRUS documents so (a fresh user).

Real data: the 305 documents of FRUS 1955–57 vol. III in the demo archive (169 telegrams, 32
memoranda of conversation, 18 editorial notes), and rows a cataloguer typed for four more.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from legation.ingest.readers.csv_dc import read_csv
from legation.ingest.readers.tei_frus import read_frus_volume
from legation.ingest.service import ingest_records
from legation.records.document_record import DocumentRecord
from legation.records.document_types import rank
from legation.records.models import ChangeLogEntry, Document
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
TYPED = {"typed-1": "Telegram", "typed-2": "Memorandum of Conversation", "typed-3": "Editorial Note", "typed-4": "cable"}


def sheet(path: Path, rows: list[dict[str, str]] = ROWS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["identifier", "title", "type"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def type_facet() -> dict[str, int]:
    result = search(SearchRequest(q="", page_size=1))
    return {v.value: v.count for v in next(f for f in result.facets if f.name == "type").values}


def stored_types(prefix: str) -> dict[str, str]:
    return dict(Document.objects.filter(identifier__startswith=prefix).values_list("identifier", "document_type"))


def test_the_best_spelling_is_ranked_not_first_read():
    assert sorted(["telegram", "TELEGRAM", "Telegram"], key=rank)[-1] == "Telegram"
    assert sorted(["Aide-Memoire", "aide-mémoire", "Aide-Mémoire"], key=rank)[-1] == "Aide-Mémoire"
    assert sorted(["Memorandum of conversation", "MEMORANDUM OF CONVERSATION", "Memorandum of Conversation"], key=rank)[-1] == "Memorandum of Conversation"


@pytest.fixture
def volume_archive(db):
    yield from ingested_archive(VOLUME)


def test_a_type_written_in_another_case_is_the_archives_type(volume_archive, tmp_path: Path):
    before = type_facet()
    assert (before["Telegram"], before["Memorandum of Conversation"], before["Editorial Note"]) == (169, 32, 18)
    path = sheet(tmp_path / "typed.csv")
    report = ingest_records(read_csv(path), source=str(path))
    follow_once()
    assert report.added == list(TYPED) and not report.failed
    assert stored_types("typed-") == TYPED
    after = type_facet()
    assert {k: after[k] - before[k] for k in ("Telegram", "Memorandum of Conversation", "Editorial Note")} == {
        "Telegram": 1, "Memorandum of Conversation": 1, "Editorial Note": 1,
    }
    assert not {"telegram", "MEMORANDUM OF CONVERSATION", "Editorial note"} & set(after)
    assert (
        "document types written alike but for case or accents are one type, stored in one spelling so that the type facet "
        "counts each once: the best written (not in capitals throughout, then a capital first), then the one most documents "
        "carry, then the one with the most accents, unless a curator chose one: documents read stored as the archive spells them, 'telegram' "
        "as 'Telegram' (1 document), 'MEMORANDUM OF CONVERSATION' as 'Memorandum of Conversation' (1 document), 'Editorial "
        "note' as 'Editorial Note' (1 document). To respell a type, enter the spelling as one of its documents' type in the "
        "admin: all its documents take it"
    ) in report.all_notes()
    again = ingest_records(read_csv(path), source=str(path))  # the same sheet again changes nothing
    assert (again.added, again.updated, len(again.unchanged), again.curated) == ([], [], 4, [])


def test_a_better_spelling_read_later_respells_the_stored_documents(db, tmp_path: Path):
    path = sheet(tmp_path / "typed.csv")
    for _ in ingested_archive(read_csv(path)):  # the sheet first: its spellings are the archive's
        assert stored_types("typed-") == {r["identifier"]: r["type"] for r in ROWS}
        seq = ChangeLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
        report = ingest_records(VOLUME)  # then FRUS, which writes three of the types better
        assert len(report.added) == len(VOLUME) and not report.updated
        assert stored_types("typed-") == TYPED
        assert {d.document_type for d in Document.objects.filter(identifier__in=[r.identifier for r in VOLUME if r.document_type == "Telegram"])} == {"Telegram"}
        assert set(ChangeLogEntry.objects.filter(seq__gt=seq, document_identifier__startswith="typed-").values_list("document_identifier", flat=True)) == {
            "typed-1", "typed-2", "typed-3"
        }  # the index reads them again
        assert "stored documents respelled, 'telegram' as 'Telegram' (1 document: typed-1)" in " ".join(report.all_notes())
        follow_once()
        facet = type_facet()
        assert facet["Telegram"] == 170 and "telegram" not in facet
        # the sheet again: unchanged, and no correction is taken to be a curator's
        again = ingest_records(read_csv(path), source=str(path))
        assert (again.updated, len(again.unchanged), again.curated, again.conflicts) == ([], 4, [], [])


def test_one_file_spelling_a_type_two_ways_stores_it_one_way(db, tmp_path: Path):
    rows = [
        {"identifier": "am-1", "title": "First", "type": "aide-memoire"},
        {"identifier": "am-2", "title": "Second", "type": "Aide-Mémoire"},
        {"identifier": "am-3", "title": "Third", "type": "AIDE-MEMOIRE"},
    ]
    path = sheet(tmp_path / "aide.csv", rows)
    report = ingest_records(read_csv(path), source=str(path))
    assert stored_types("am-") == {"am-1": "Aide-Mémoire", "am-2": "Aide-Mémoire", "am-3": "Aide-Mémoire"}
    again = ingest_records(read_csv(path), source=str(path))
    assert (report.added, again.updated, len(again.unchanged)) == (["am-1", "am-2", "am-3"], [], 3)


def test_an_archive_holding_two_spellings_is_one_after_its_next_ingest_of_the_type(volume_archive, tmp_path: Path):
    # as an archive ingested before types were one holds them
    two = [r.identifier for r in VOLUME if r.document_type == "Telegram"][:2]
    Document.objects.filter(identifier__in=two).update(document_type="telegram", ingested=None)
    path = sheet(tmp_path / "typed.csv")
    ingest_records(read_csv(path), source=str(path))
    assert stored_types("typed-")["typed-1"] == "Telegram"
    assert set(Document.objects.filter(identifier__in=two).values_list("document_type", flat=True)) == {"Telegram"}
    report = ingest_records(VOLUME)  # the volume again: all as stored
    assert report.updated == [] and len(report.unchanged) == len(VOLUME)


def test_one_rows_stray_accent_does_not_respell_the_archive_nor_do_careless_rows_however_many(volume_archive, tmp_path: Path):
    # a one-row sheet's "Telégram" respelled every stored telegram, as it had the most accents (a fresh user); the
    # spelling is the one most documents carry, once the best written: a sheet's lower case, in more rows than FRUS
    # has memoranda of conversation, still takes FRUS' spelling, as three rows did
    rows = [{"identifier": "typed-1", "title": "A telegram with a stray accent", "type": "Telégram"}]
    rows += [{"identifier": f"conv-{n}", "title": f"Conversation {n}", "type": "memorandum of conversation"} for n in range(40)]
    path = sheet(tmp_path / "stray.csv", rows)
    report = ingest_records(read_csv(path), source=str(path), batch_size=10)
    follow_once()
    assert len(report.added) == 41 and not report.failed
    assert stored_types("typed-") == {"typed-1": "Telegram"}
    assert set(stored_types("conv-").values()) == {"Memorandum of Conversation"}
    facet = type_facet()
    assert (facet["Telegram"], facet["Memorandum of Conversation"]) == (170, 72) and "Telégram" not in facet
    assert set(stored_types("frus1955-57v03-").values()) & {"Telégram", "memorandum of conversation"} == set()
    notes = " ".join(report.all_notes())
    assert "documents read stored as the archive spells them, 'memorandum of conversation' as 'Memorandum of Conversation' (40 documents), 'Telégram' as 'Telegram' (1 document)" in notes
    assert "stored documents respelled" not in notes and not report.types.moved
    again = ingest_records(read_csv(path), source=str(path))
    assert (again.updated, len(again.unchanged), again.curated) == ([], 41, [])


def test_new_documents_outnumbering_the_archives_spelling_respell_it_and_a_dry_run_names_them(db, tmp_path: Path):
    # the spelling most documents carry, counted once each: stored ones as stored, the ingest's new ones as written
    first = sheet(tmp_path / "first.csv", [{"identifier": f"am-{n}", "title": f"Aide-memoire {n}", "type": "Aide-memoire"} for n in range(2)])
    ingest_records(read_csv(first), source=str(first))
    again = ingest_records(read_csv(first), source=str(first))  # the stored documents re-read do not count twice
    assert (len(again.unchanged), again.all_notes()) == (2, [])
    more = sheet(tmp_path / "more.csv", [{"identifier": f"new-{n}", "title": f"Aide-mémoire {n}", "type": "Aide-Mémoire"} for n in range(3)])
    dry = ingest_records(read_csv(more), source=str(more), dry_run=True, batch_size=1)  # a batch a document: the new ones outnumber at the third
    assert "stored documents a real run would respell, 'Aide-memoire' as 'Aide-Mémoire' (2 documents: am-0, am-1)" in " ".join(dry.all_notes())
    assert set(stored_types("am-").values()) == {"Aide-memoire"} and not stored_types("new-")  # nothing written
    assert dry.types.moved == {"am-0": ("Aide-memoire", "Aide-Mémoire"), "am-1": ("Aide-memoire", "Aide-Mémoire")}
    real = ingest_records(read_csv(more), source=str(more), batch_size=1)
    assert real.types.moved == dry.types.moved and (real.added, real.updated) == (dry.added, dry.updated)
    assert "stored documents respelled, 'Aide-memoire' as 'Aide-Mémoire' (2 documents: am-0, am-1)" in " ".join(real.all_notes())
    assert set(stored_types("am-").values()) | set(stored_types("new-").values()) == {"Aide-Mémoire"}


def test_the_note_says_a_spelling_is_a_curators_and_a_dry_run_what_it_would_store(db):
    # a curator's "Télégram" stood when 8 new telegrams came spelled "Telegram", but the note listed it as a spelling the
    # archive's documents chose; and a dry run's note said the documents read were "stored" (a second fresh user)
    from legation.records.models import TypeSpelling

    ingest_records([DocumentRecord(identifier=f"old-{n}", title=f"Old {n}", document_type="Télégram").validate() for n in range(2)])
    TypeSpelling.objects.create(key="telegram", spelling="Télégram")  # as the admin stores a curator's choice
    later = [DocumentRecord(identifier=f"later-{n}", title=f"Later {n}", document_type="Telegram").validate() for n in range(8)]
    dry = " ".join(ingest_records(later, dry_run=True).all_notes())
    assert "documents read a real run would store as the archive spells them, 'Telegram' as 'Télégram' (8 documents; the spelling a curator chose)" in dry
    assert "read stored" not in dry and not Document.objects.filter(identifier__startswith="later-").exists()
    real = " ".join(ingest_records(later).all_notes())
    assert "documents read stored as the archive spells them, 'Telegram' as 'Télégram' (8 documents; the spelling a curator chose)" in real
    assert "then the one with the most accents, unless a curator chose one:" in real
