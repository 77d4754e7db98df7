"""One place, one record: a place stored under a name an authority file makes another's variant.

Real data: FRUS 1955–57 vol. III sends a document from "Peking" (frus1955-57v03-d155, the others of
that volume and year come from elsewhere), FRUS 1969–76 vol. E-13 fifty from "Beijing"; the demo's
authority file lists "Peking" among Beijing's names. Before places were merged, the place facet
showed both, Beijing 50 and Peking 1, for one city.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from legation.ingest.curation import field_digests
from legation.ingest.readers.tei_frus import read_frus_volume
from legation.ingest.service import ingest_records
from legation.records.authorities import load_authorities
from legation.records.document_record import DocumentRecord
from legation.records.models import ChangeLogEntry, Document, Place, PlaceName
from legation.records.serialize import load_records
from legation.search.follower import follow_once
from legation.search.service import SearchRequest, search
from tests.conftest import REPO, ingested_archive

BEIJING = {"kind": "place", "name": "Beijing", "names": ["Peking", "Peiping", "北京"]}


def city_records() -> list[DocumentRecord]:
    return [
        r
        for volume in ("frus1955-57v03", "frus1969-76ve13")
        for r in read_frus_volume(REPO / "data" / "demo" / "frus" / f"{volume}.xml.gz")
        if isinstance(r, DocumentRecord) and r.place_sent in ("Peking", "Beijing")
    ]


RECORDS = city_records()
PEKING = [r.identifier for r in RECORDS if r.place_sent == "Peking"]


@pytest.fixture
def city_archive(db):
    yield from ingested_archive(RECORDS)


def authority_file(tmp_path: Path, *lines: dict) -> Path:
    path = tmp_path / "authorities.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


def place_facet() -> dict[str, int]:
    result = search(SearchRequest(q="", page_size=1))
    return {v.value: v.count for v in next(f for f in result.facets if f.name == "place").values}


def last_seq() -> int:
    return ChangeLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def test_the_sources_name_the_city_two_ways():
    assert PEKING == ["frus1955-57v03-d155"]
    assert sum(r.place_sent == "Beijing" for r in RECORDS) == 50


def test_the_authority_file_merges_the_place_stored_under_a_variant(city_archive, tmp_path):
    assert place_facet() == {"Beijing": 50, "Peking": 1}
    logged = last_seq()
    report = load_authorities(authority_file(tmp_path, BEIJING))
    assert (report.merged, report.created, report.documents_touched) == (1, 0, PEKING)
    assert not Place.objects.filter(name="Peking").exists()
    assert sorted(PlaceName.objects.filter(place__name="Beijing").values_list("name", flat=True)) == ["Peiping", "Peking", "北京"]
    assert Document.objects.get(identifier=PEKING[0]).place_sent.name == "Beijing"
    assert list(ChangeLogEntry.objects.filter(seq__gt=logged).values_list("document_identifier", flat=True)) == PEKING
    follow_once()
    assert place_facet() == {"Beijing": 51}
    # the document's place is as its source gives it, resolved: its remembered digest follows, no curator's correction
    (record,) = load_records(PEKING)
    assert Document.objects.get(identifier=PEKING[0]).ingested["place_sent"] == field_digests(record)["place_sent"]


def test_reingesting_the_unchanged_volumes_changes_nothing(city_archive, tmp_path):
    load_authorities(authority_file(tmp_path, BEIJING))
    logged = last_seq()
    report = ingest_records(city_records())
    assert (report.added, report.updated, report.conflicts, report.curated, report.failed) == ([], [], [], [], [])
    assert len(report.unchanged) == len(RECORDS)
    assert last_seq() == logged and not Place.objects.filter(name="Peking").exists()
    (record,) = load_records(PEKING)
    assert record.place_sent == "Beijing"  # what export writes
    assert load_authorities(authority_file(tmp_path, BEIJING)).merged == 0  # loading the file again: nothing to merge


def test_a_changed_source_still_updates_a_merged_document(city_archive, tmp_path):
    """The merge is not a curator's correction of the place: the source's new place goes in."""
    load_authorities(authority_file(tmp_path, BEIJING))
    record = next(r for r in city_records() if r.identifier == PEKING[0])
    report = ingest_records([replace(record, place_sent="Moscow")])
    assert (report.updated, report.conflicts) == (PEKING, [])
    assert Document.objects.get(identifier=PEKING[0]).place_sent.name == "Moscow"


def test_a_curated_place_stays_without_a_conflict(city_archive, tmp_path):
    """A curator who set the document's place to another city keeps it: the source still gives
    "Peking", now read as Beijing, which is no change of the source's."""
    document = Document.objects.get(identifier=PEKING[0])
    document.place_sent = Place.objects.create(name="Shanghai")
    document.save()
    load_authorities(authority_file(tmp_path, BEIJING))
    report = ingest_records([r for r in city_records() if r.identifier == PEKING[0]])
    assert (report.updated, report.unchanged, report.conflicts) == ([], PEKING, [])
    assert len(report.curated) == 1  # reported as a correction kept, as before the merge
    document.refresh_from_db()
    assert document.place_sent.name == "Shanghai"


def test_a_variant_loaded_before_any_document_links_later_documents_to_the_place(db, tmp_path):
    load_authorities(authority_file(tmp_path, BEIJING))
    report = ingest_records(RECORDS)
    assert len(report.added) == len(RECORDS) and not report.failed
    assert not Place.objects.filter(name="Peking").exists()
    assert Document.objects.get(identifier=PEKING[0]).place_sent.name == "Beijing"


def test_a_name_two_places_share_stays_a_place_of_its_own(db, tmp_path):
    """Which city a source meant by a name two authority records list is not for ingest to guess."""
    load_authorities(
        authority_file(tmp_path, BEIJING, {"kind": "place", "name": "Beiping Prefecture", "names": ["Peking"]})
    )
    ingest_records([r for r in RECORDS if r.identifier in PEKING])
    assert Document.objects.get(identifier=PEKING[0]).place_sent.name == "Peking"
