"""One subject a name but for case (legation.records.subject_names): FRUS 1958–60 vol. V heads its
chapters "ARGENTINA", "BRAZIL", FRUS 1961–63 vol. XII "Argentina", "Brazil"; each made a subject of
its own, and the subject facet listed both (22 such pairs among the 588 headings of the 100 FRUS
volumes). Real data: the first documents of those chapters (skipped when ../shared/data is absent).
"""

from __future__ import annotations

import dataclasses
import functools

import pytest

from legation.ingest.readers.tei_frus import read_frus_volume
from legation.ingest.service import ingest_records
from legation.records.document_record import DocumentRecord
from legation.records.models import ChangeLogEntry, Document, Subject
from legation.search.follower import follow_once
from legation.search.service import SearchRequest, search
from tests.conftest import ingested_archive, shared_data

CHAPTERS = ("ARGENTINA", "BRAZIL", "Argentina", "Brazil")


@functools.cache
def chapters(volume: str, per_chapter: int = 4) -> tuple[DocumentRecord, ...]:
    """The first ``per_chapter`` documents of each of :data:`CHAPTERS` the FRUS ``volume`` has."""
    taken: dict[str, list[DocumentRecord]] = {}
    for record in read_frus_volume(shared_data(f"frus/volumes/{volume}.xml.gz")):
        if isinstance(record, DocumentRecord):
            for chapter in set(record.subjects) & set(CHAPTERS):
                if len(taken.setdefault(chapter, [])) < per_chapter:
                    taken[chapter].append(record)
    return tuple({r.identifier: r for found in taken.values() for r in found}.values())


def capitals() -> tuple[DocumentRecord, ...]:
    return chapters("frus1958-60v05")


def titles() -> tuple[DocumentRecord, ...]:
    return chapters("frus1961-63v12")


def subject_facet() -> dict[str, int]:
    result = search(SearchRequest(q="", page_size=1))
    return {v.value: v.count for v in next(f for f in result.facets if f.name == "subject").values}


def subjects_of(records) -> dict[str, list[str]]:
    return {r.identifier: sorted(Document.objects.get(identifier=r.identifier).subjects.values_list("name", flat=True)) for r in records}


def last_seq() -> int:
    return ChangeLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


@pytest.fixture
def capitals_archive(db):
    yield from ingested_archive(capitals())


def test_a_heading_in_capitals_and_as_a_title_is_one_subject_named_as_a_title(capitals_archive):
    assert {"ARGENTINA", "BRAZIL"} <= set(subject_facet())
    before = subject_facet()
    seq = last_seq()
    report = ingest_records(titles())
    assert len(report.added) == len(titles()) and not report.failed
    follow_once()
    facet = subject_facet()
    assert facet["Argentina"] == before["ARGENTINA"] + 4 and facet["Brazil"] == before["BRAZIL"] + 4
    assert not {"ARGENTINA", "BRAZIL"} & set(facet)
    assert set(Subject.objects.filter(name__iexact="argentina").values_list("name", "name_in_sources")) == {("Argentina", "Argentina")}
    renamed = {r.identifier for r in capitals() if set(r.subjects) & {"ARGENTINA", "BRAZIL"}}
    assert renamed <= set(ChangeLogEntry.objects.filter(seq__gt=seq).values_list("document_identifier", flat=True))  # the index reads them again
    notes = " ".join(report.all_notes())
    assert "stored subjects renamed, 'ARGENTINA' as 'Argentina' (4 documents), 'BRAZIL' as 'Brazil' (4 documents)" in notes
    # each volume again: unchanged, and no renamed subject taken for a curator's correction
    for volume in (capitals(), titles()):
        again = ingest_records(volume)
        assert (again.updated, len(again.unchanged), again.curated, again.conflicts) == ([], len(volume), [], [])
    assert "'ARGENTINA' as 'Argentina'" in " ".join(ingest_records(capitals()).all_notes())  # read under the archive's name, said


def test_a_dry_run_names_the_subjects_a_real_run_would_rename_and_writes_nothing(capitals_archive):
    dry = ingest_records(titles(), dry_run=True, batch_size=3)
    assert "stored subjects a real run would rename, 'ARGENTINA' as 'Argentina' (4 documents)" in " ".join(dry.all_notes())
    assert Subject.objects.filter(name__in=["ARGENTINA", "BRAZIL"]).count() == 2 and not Subject.objects.filter(name="Argentina").exists()


@pytest.mark.parametrize("later", [3, 1])
def test_documents_carrying_a_spelling_decide_between_spellings_written_alike_well(db, later):
    first, second = "U.S. Policy Toward the German Democratic Republic", "U.S. policy toward the German Democratic Republic"
    records = [DocumentRecord(identifier=f"gdr-{n}", title=f"On the GDR {n}", subjects=[first]).validate() for n in range(2)]
    ingest_records(records)
    more = [DocumentRecord(identifier=f"gdr-new-{n}", title=f"On the GDR, later {n}", subjects=[second]).validate() for n in range(later)]
    report = ingest_records([*records, *more])  # the stored documents read again count for nothing
    assert not report.failed
    assert list(Subject.objects.values_list("name", flat=True)) == [second if later > 2 else first]
    assert len(subjects_of([*records, *more])) == 2 + later and set(map(tuple, subjects_of([*records, *more]).values())) == {(second if later > 2 else first,)}


def test_an_archive_holding_a_heading_twice_has_it_once_after_the_migration(capitals_archive, monkeypatch):
    # as an archive ingested before subjects were one holds them (the ingest naming subjects as read): two subjects a
    # heading; a curator had renamed one of them ("ARGENTINA" as "Argentine Republic")
    import importlib

    from django.apps import apps

    from legation.records.subject_names import SubjectNames

    Subject.objects.filter(name="ARGENTINA").update(name="Argentine Republic", name_folded="argentine republic")
    ChangeLogEntry.log_upserts(Document.objects.filter(subjects__name="Argentine Republic").values_list("identifier", flat=True))  # as the admin does
    with monkeypatch.context() as patched:
        patched.setattr(SubjectNames, "resolve", lambda self, records, new=None, dry_run=False: records)
        assert not ingest_records(titles()).failed
    follow_once()
    assert {"Argentine Republic", "Argentina", "BRAZIL", "Brazil"} <= set(subject_facet())
    before, seq = subject_facet(), last_seq()
    held = subjects_of([*capitals(), *titles()])
    migration = importlib.import_module("legation.records.migrations.0020_one_subject")
    migration.one_subject(apps, None)
    follow_once()
    facet = subject_facet()
    assert (facet["Argentine Republic"], facet["Brazil"]) == (before["Argentine Republic"] + before["Argentina"], before["BRAZIL"] + before["Brazil"])
    assert not {"Argentina", "BRAZIL"} & set(facet)
    one = {"Argentina": "Argentine Republic", "BRAZIL": "Brazil"}
    assert subjects_of([*capitals(), *titles()]) == {i: sorted({one.get(s, s) for s in names}) for i, names in held.items()}  # no document lost one
    moved = {r.identifier for r in [*capitals(), *titles()] if set(r.subjects) & {"Argentina", "BRAZIL"}}
    assert set(ChangeLogEntry.objects.filter(seq__gt=seq).values_list("document_identifier", flat=True)) == moved
    # each volume again: unchanged; the curator's name stands, the source's names join it
    for volume in (capitals(), titles()):
        again = ingest_records(volume)
        assert (again.updated, len(again.unchanged), again.curated, again.conflicts) == ([], len(volume), [], [])
    assert Subject.objects.filter(name__in=["Argentine Republic", "Brazil"]).count() == 2
    assert not Subject.objects.filter(name__in=["Argentina", "ARGENTINA", "BRAZIL"]).exists()


def test_a_dry_runs_note_says_what_a_real_run_would_store_and_names_a_curators_subject_as_one(db):
    # a dry run's note said subjects "read stored as the archive names them", nothing stored; and a subject read under
    # a curator's name was said as any other, as if the documents had voted for it (a second fresh user)
    new = [DocumentRecord(identifier=f"new-{n}", title=f"New {n}", subjects=[name]).validate() for n, name in enumerate(["ARGENTINA", "Argentina"])]
    dry = " ".join(ingest_records(new, dry_run=True).all_notes())
    assert "subjects read a real run would store as the archive names them, 'ARGENTINA' as 'Argentina'." in dry
    assert "read stored" not in dry and not Subject.objects.exists()
    real = " ".join(ingest_records(new).all_notes())
    assert "subjects read stored as the archive names them, 'ARGENTINA' as 'Argentina'." in real
    subject = Subject.objects.get()
    subject.name = "Argentine Republic"  # a curator's rename
    subject.save()
    later = [DocumentRecord(identifier="later-1", title="Later", subjects=["ARGENTINA"]).validate()]
    assert "'ARGENTINA' as 'Argentine Republic' (the name a curator gave)." in " ".join(ingest_records(later).all_notes())
