"""Where the original is and who may reuse it: repositories, rights, credit and related documents
(DocumentRecord), read from the Wilson Center record and a QhoD charter, stored, exported, read
back, kept when a curator corrects them, and refused when malformed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from legation.errors import IngestNote
from legation.ingest.readers.csv_dc import read_csv
from legation.ingest.readers.csv_export import write_csv
from legation.ingest.readers.tei_corresp import read_tei_document
from legation.ingest.readers.wilson_json import read_wilson_json
from legation.ingest.service import ingest_records
from legation.records.document_record import DocumentRecord, RecordError
from legation.records.models import Document, Repository
from legation.records.serialize import load_records
from tests.conftest import FIXTURES, single_record

WILSON = FIXTURES / "wilson" / "document-900001-crafted.json"
CHARTER = FIXTURES / "tei" / "Selim_II_Urkunde_10.xml"


def wilson() -> DocumentRecord:
    """The crafted record (its note of the translation given only as a PDF left aside)."""
    return single_record(read_wilson_json(WILSON), notes=True)


def test_a_qhod_charter_names_its_repository_and_the_editions_licence():
    r = single_record(read_tei_document(CHARTER))
    # msIdentifier/institution "ÖStA, HHstA Wien"; publicationStmt/availability/licence "CC-BY 4.0" with its target
    assert r.repositories == ["ÖStA, HHstA Wien"]
    assert r.rights == "CC-BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.de)"
    assert r.source_note.startswith("ÖStA, HHstA Wien, Staatsabteilungen, Türkei I, Turcica 27/1, fol.78")


@pytest.mark.django_db
def test_the_stored_record_is_the_record_read():
    record = wilson()
    assert ingest_records([record]).added == [record.identifier]
    (stored,) = load_records([record.identifier])
    assert stored == replace(record, subjects=sorted(record.subjects))  # the store keeps subjects by name
    assert list(Repository.objects.values_list("name", flat=True)) == ["Archive of Foreign Policy of the Russian Federation (AVP RF)"]
    assert Document.objects.get(identifier=record.identifier).relations == ["wilson-900002", "wilson-900003"]


@pytest.mark.django_db
def test_a_changed_rights_statement_updates_the_document_and_an_unchanged_one_does_not():
    record = wilson()
    ingest_records([record])
    assert ingest_records([wilson()]).unchanged == [record.identifier]
    changed = replace(wilson(), rights="Public domain", relations=["wilson-900003"], repositories=["Hoover Institution Archives"])
    assert ingest_records([changed]).updated == [record.identifier]
    (stored,) = load_records([record.identifier])
    assert (stored.rights, stored.relations, stored.repositories) == ("Public domain", ["wilson-900003"], ["Hoover Institution Archives"])


def test_the_csv_export_keeps_them_and_reads_them_back(tmp_path: Path):
    record = wilson()
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_csv([record], handle)
    items = list(read_csv(path))  # with a note: Roshchin's name is a library heading with dates of life
    assert [i.message.split(" (")[0] for i in items if isinstance(i, IngestNote)] == ["column 'sender' has dates of life after 1 name"]
    back = single_record(i for i in items if not isinstance(i, IngestNote))
    assert (back.source_note, back.repositories, back.rights, back.credit, back.relations) == (
        record.source_note, record.repositories, record.rights, record.credit, record.relations,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("relations", "message"),
    [
        (["wilson 900002"], "related document 'wilson 900002'"),
        (["a/b"], r"related document 'a/b': give 1–200 characters .*, not only dots$"),
        # the record's own, in any case (it was taken), and a list pasted in one value: named as such
        # (both were the generic rule: a fresh user)
        (["wilson-900001"], "'wilson-900001' is this document itself: remove it; a document cannot relate to itself"),
        (["WILSON-900001"], "'WILSON-900001' is this document itself"),
        (["wilson-900002, wilson-900003"], r"not only dots; give each related document as a value of its own \(in a CSV cell, separated by \|\)$"),
        (["wilson-900002 wilson-900003"], "give each related document as a value of its own"),
        (["."], "not only dots$"),
    ],
)
def test_a_related_document_must_be_another_documents_identifier(relations: list[str], message: str):
    with pytest.raises(RecordError, match=message):
        replace(wilson(), relations=relations).validate()


def test_json_lines_values_of_the_wrong_shape_are_named():
    data = wilson().to_dict()
    with pytest.raises(RecordError, match=r"relations must be a list of strings, e\.g\. \[\"frus1949v07p1-d12\"\]"):
        DocumentRecord.from_dict({**data, "relations": "wilson-900002"})
    with pytest.raises(RecordError, match="repositories must be a list of strings"):
        DocumentRecord.from_dict({**data, "repositories": [{"name": "AVP RF"}]})
    with pytest.raises(RecordError, match="rights must be a string"):
        DocumentRecord.from_dict({**data, "rights": ["Copyright"]})
    with pytest.raises(RecordError, match="a repository name is empty"):
        replace(wilson(), repositories=[" "]).validate()
    with pytest.raises(RecordError, match="repository is 501 characters"):
        replace(wilson(), repositories=["x" * 501]).validate()


def test_a_legation_json_lines_line_from_before_these_fields_still_reads():
    data = wilson().to_dict()
    for name in ("repositories", "rights", "credit", "relations"):
        del data[name]
    old = DocumentRecord.from_dict(data).validate()
    assert (old.repositories, old.rights, old.credit, old.relations) == ([], "", "", [])


def test_a_date_that_is_no_day_names_its_document_and_says_what_to_write():
    # "date '1950-02-30' is not a real calendar date": the one failure without the document's
    # identifier, and without what to do (a fresh archivist)
    with pytest.raises(RecordError) as refused:
        replace(wilson(), date_edtf="1950-02-30").validate()
    assert str(refused.value) == (
        f"{wilson().identifier}: date_edtf: date '1950-02-30' is not a real calendar date; correct the day or month, "
        "or write the month alone (1950-02) when the day is not known"
    )
