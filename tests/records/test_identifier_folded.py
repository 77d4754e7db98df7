"""Identifiers compared ignoring case through the indexed ``identifier_folded`` column: filled by
migration 0011 for documents stored before it, set by every write after, used by ingest and by
document addresses instead of reading the whole table."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from legation.records.document_record import DocumentRecord

BEFORE = [("records", "0010_document_ingested_from_path")]


def test_the_migration_folds_the_identifiers_of_documents_stored_before_it(transactional_db):
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    try:
        Old = executor.loader.project_state(BEFORE).apps.get_model("records", "Document")
        for identifier in ("frus1949v07p1-d1", "FRUS-Upper", "Ärzte-Straße-1", "İzmir-1", "ΣΟΦΊΑ-2"):
            Old.objects.create(identifier=identifier, title=identifier)
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
    finally:
        MigrationExecutor(connection).migrate(latest)
    from legation.records.models import Document

    assert dict(Document.objects.values_list("identifier", "identifier_folded")) == {
        "frus1949v07p1-d1": "frus1949v07p1-d1",
        "FRUS-Upper": "frus-upper",
        "Ärzte-Straße-1": "ärzte-strasse-1",  # LOWER alone would give "Ärzte-straße-1" on SQLite
        "İzmir-1": "i̇zmir-1",  # full case folding: i + combining dot above
        "ΣΟΦΊΑ-2": "σοφία-2",
    }


def test_every_write_sets_the_folded_identifier(db):
    from legation.ingest.service import ingest_records
    from legation.records.models import Document

    ingest_records([DocumentRecord(identifier="Straße-1", title="Ingested", date_edtf="1949").validate()])
    Document.objects.create(identifier="ADMIN-Made", title="Saved one by one")
    assert dict(Document.objects.values_list("identifier", "identifier_folded")) == {"Straße-1": "strasse-1", "ADMIN-Made": "admin-made"}


def test_an_ingest_reads_the_identifiers_it_meets_not_the_archives(db):
    from legation.ingest.service import IngestReport, _case_forms, ingest_records

    ingest_records([DocumentRecord(identifier=f"doc-{n}", title=f"Document {n}", date_edtf="1949").validate() for n in range(50)])
    report = IngestReport()
    forms = _case_forms(report, ["DOC-7", "doc-7", "new-1"])
    assert forms == {"doc-7": ["doc-7"], "new-1": []}  # 2 keys, not the 50 stored


@pytest.mark.parametrize("asked", ["DOC-7", "Doc-7"])
def test_the_admin_refuses_a_new_identifier_differing_from_a_stored_one_in_case_alone(admin_client, asked):
    from legation.ingest.service import ingest_records
    from legation.records.models import Document

    ingest_records([DocumentRecord(identifier="doc-7", title="Stored", date_edtf="1949").validate()])
    response = admin_client.post("/admin/records/document/add/", {"identifier": asked, "title": "Typed again", "language": "en", "relations": "[]"})
    assert response.status_code == 200  # the form again, with the error
    assert 'Document &quot;doc-7&quot; has this identifier but for case' in response.content.decode()
    assert list(Document.objects.values_list("identifier", flat=True)) == ["doc-7"]
