"""Identifiers that clash across ingests: a stored document changed from another file
(another fonds reusing the identifier?) is reported, and an identifier that differs from another
in case alone is refused, since addresses and searches find identifiers in any case."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from legation.ingest.readers import read_file
from legation.ingest.service import ingest_records
from legation.records.models import Document
from tests.conftest import FIXTURES

CLASHES = FIXTURES / "clashes"

pytestmark = pytest.mark.django_db


def ingest(path: Path, **options):
    return ingest_records(read_file(path), source=str(path), **options)


def test_a_document_remembers_the_path_of_the_file_it_came_from():
    ingest(CLASHES / "dup.csv")
    path = (CLASHES / "dup.csv").resolve().as_posix()
    assert dict(Document.objects.values_list("identifier", "ingested_from")) == {"dup-1": path, "dup-2": path}


def test_another_file_replacing_a_stored_document_is_reported_with_what_changed():
    ingest(CLASHES / "dup.csv")
    report = ingest(CLASHES / "other-source.csv")
    assert report.updated == ["dup-1"] and not report.failed
    [replaced] = report.replaced
    assert (replaced.identifier, replaced.previous, replaced.origin) == ("dup-1", "dup.csv", "other-source.csv")
    assert replaced.where == f"{CLASHES / 'other-source.csv'}, line 2"
    assert set(replaced.fields) == {"title", "date_text", "date_edtf", "texts"}
    assert replaced.message() == (
        "dup-1 was last ingested from dup.csv; other-source.csv replaced it (4 fields changed: title, date_text, date_edtf, texts)"
    )
    [note] = [n for n in report.all_notes() if "came from another file" in n]
    assert "1 last ingested from dup.csv, now from other-source.csv" in note
    assert "identifier_prefix" in note and "ingest the earlier file again" in note
    assert Document.objects.get(identifier="dup-1").ingested_from == (CLASHES / "other-source.csv").resolve().as_posix()

    back = ingest(CLASHES / "dup.csv")  # restoring it is reported the same way, the other way round
    assert [(r.previous, r.origin) for r in back.replaced] == [("other-source.csv", "dup.csv")]


def test_a_dry_run_reports_the_replacement_and_remembers_nothing():
    ingest(CLASHES / "dup.csv")
    report = ingest(CLASHES / "other-source.csv", dry_run=True)
    assert [r.identifier for r in report.replaced] == ["dup-1"]
    assert report.replaced[0].message(dry_run=True).startswith("dup-1 was last ingested from dup.csv; other-source.csv would replace it")
    assert Document.objects.get(identifier="dup-1").ingested_from == (CLASHES / "dup.csv").resolve().as_posix()


def test_a_file_of_the_name_in_another_folder_is_another_file_and_unchanged_under_another_name_no_replacement(tmp_path: Path):
    ingest(CLASHES / "dup.csv")
    elsewhere = tmp_path / "copy" / "dup.csv"
    elsewhere.parent.mkdir()
    elsewhere.write_text((CLASHES / "dup.csv").read_text(encoding="utf-8").replace("First version", "First version, corrected"), encoding="utf-8")
    corrected = ingest(elsewhere)  # a corrected copy moved, or another fonds's dup.csv: the report cannot tell, so says it
    assert corrected.updated == ["dup-1"]
    assert [(r.previous, r.origin) for r in corrected.replaced] == [((CLASHES / "dup.csv").resolve().as_posix(), elsewhere.as_posix())]

    renamed = tmp_path / "dup-v2.csv"
    shutil.copy(elsewhere, renamed)
    unchanged = ingest(renamed)
    assert sorted(unchanged.unchanged) == ["dup-1", "dup-2"] and unchanged.replaced == [] and unchanged.all_notes() == []
    assert Document.objects.get(identifier="dup-1").ingested_from == elsewhere.as_posix()  # whose values it holds: both give them alike


def test_documents_stored_before_the_file_was_remembered_learn_it_at_their_next_ingest_silently():
    ingest(CLASHES / "dup.csv")
    Document.objects.update(ingested_from="")  # as an archive of an earlier Legation holds them
    report = ingest(CLASHES / "dup.csv")
    assert sorted(report.unchanged) == ["dup-1", "dup-2"] and report.replaced == []
    assert set(Document.objects.values_list("ingested_from", flat=True)) == {(CLASHES / "dup.csv").resolve().as_posix()}
    Document.objects.update(ingested_from="")
    changed = ingest(CLASHES / "other-source.csv")
    assert changed.updated == ["dup-1"] and changed.replaced == []  # not known where it came from: nothing to say


def test_a_new_identifier_differing_from_another_of_the_file_only_in_case_is_refused():
    report = ingest(CLASHES / "case.csv")
    assert report.added == ["case-A"]
    [failure] = report.failed
    assert failure.where == f"{CLASHES / 'case.csv'}, line 3"
    assert failure.reason.startswith('identifier "case-a" differs only in case from "case-A", given at line 2;')
    assert 'write its identifier as "case-A"' in failure.reason and "differs in more than case" in failure.reason
    assert list(Document.objects.values_list("identifier", flat=True)) == ["case-A"]


def test_a_new_identifier_differing_from_a_stored_one_only_in_case_is_refused(tmp_path: Path):
    ingest(CLASHES / "dup.csv")
    upper = tmp_path / "upper.csv"
    upper.write_text("identifier,title,date\nDUP-1,Shouted,1950-01-01\nDUP-3,New,1950-01-01\n", encoding="utf-8")
    report = ingest(upper, dry_run=True)
    assert report.added == ["DUP-3"] and [f.reason.split(";")[0] for f in report.failed] == [
        'identifier "DUP-1" differs only in case from "dup-1", the identifier of a document already stored'
    ]
    other = tmp_path / "other.csv"
    other.write_text("identifier,title,date\ndup-3,Lower,1950-01-01\n", encoding="utf-8")
    report = ingest_records([*read_file(upper), *read_file(other)])  # one ingest, two files: the second names the first
    assert report.added == ["DUP-3"] and len(report.failed) == 2
    assert 'differs only in case from "DUP-3", given at line 3' in report.failed[1].reason


def test_an_identifier_decomposed_is_the_same_identifier_composed(tmp_path: Path, client):
    """macOS writes file names decomposed (NFD: u + U+0308 for ü): a CSV row or a TEI file named
    so was a second document beside the one its composed form named, two identical hits (a fresh
    archivist). Identifiers are composed (NFC) when read; an address typed either way finds it."""
    composed, decomposed = "brief-m\u00fcller-1", "brief-mu\u0308ller-1"
    for name, identifier in (("nfc.csv", composed), ("nfd.csv", decomposed)):
        (tmp_path / name).write_text(f"identifier,title,date,relation\n{identifier},Brief an M\u00fcller,1950-01-01,{identifier}-b\n", encoding="utf-8")
    assert ingest(tmp_path / "nfc.csv").added == [composed]
    again = ingest(tmp_path / "nfd.csv")
    assert (again.added, again.unchanged) == ([], [composed])
    assert list(Document.objects.values_list("identifier", flat=True)) == [composed]
    from legation.records.models import Document as Stored

    assert Stored.objects.get().relations == [f"{composed}-b"]
    from urllib.parse import quote

    from legation.search.follower import follow_once

    follow_once()
    for typed in (composed, decomposed):
        answer = client.get(f"/documents/{quote(typed)}", follow=True)
        assert answer.status_code == 200 and composed in answer.content.decode(), typed
        # searched for, typed or pasted as its address, either form finds it, and no notice says it is missing
        for q in (typed, f"http://testserver/documents/{typed}"):
            found = client.get("/api/search", {"q": q}).json()
            assert [h["identifier"] for h in found["hits"]][:1] == [composed] and "No document" not in found["notice"], q


def test_an_archive_that_already_holds_identifiers_differing_in_case_keeps_them():
    Document.objects.create(identifier="case-A", title="Upper A")
    Document.objects.create(identifier="case-a", title="Lower a")
    report = ingest(CLASHES / "case.csv")
    assert report.failed == [] and sorted(report.updated) == ["case-A", "case-a"]


@pytest.fixture
def archive_with_a_pair_differing_in_case(db):
    """case.csv stored whole, as an archive of an earlier Legation may hold it (each row ingested
    on its own, with no stored identifiers to compare with), and indexed."""
    from legation.config import config
    from legation.ingest.service import IngestReport
    from legation.records.document_record import folded_identifier
    from legation.search import service
    from legation.search.follower import follow_once
    from legation.search.indexer import SearchIndex

    service._open_index.cache_clear()
    SearchIndex.create_empty(config().index_dir)
    for record in read_file(CLASHES / "case.csv"):
        unchecked = IngestReport(folded={folded_identifier(record.identifier): []})  # as if no stored identifier folded alike
        assert not ingest_records([record], report=unchecked).failed
    follow_once()
    yield
    service._open_index.cache_clear()


@pytest.mark.parametrize(("typed", "first"), [("case-a", "case-a"), ("case-A", "case-A"), ("'case-a'", "case-a")])
def test_an_identifier_without_a_digit_finds_its_document_first_in_its_exact_case(archive_with_a_pair_differing_in_case, typed, first):
    from legation.search.service import SearchRequest, search

    result = search(SearchRequest(q=typed))
    assert [hit.identifier for hit in result.hits][:1] == [first]


def test_an_identifier_in_another_case_finds_both_documents_it_may_mean(archive_with_a_pair_differing_in_case):
    from legation.search.service import SearchRequest, search

    assert sorted(hit.identifier for hit in search(SearchRequest(q="CASE-A")).hits) == ["case-A", "case-a"]


def test_words_joined_by_a_hyphen_that_are_no_identifier_are_searched_as_words(seed_archive):
    from legation.search.service import SearchRequest, search

    assert search(SearchRequest(q="Sino-Soviet")).total > 0


def test_an_address_in_a_third_case_names_the_two_documents_it_may_mean(archive_with_a_pair_differing_in_case, client):
    for exact in ("case-A", "case-a"):
        assert client.get(f"/api/documents/{exact}").json()["identifier"] == exact
    response = client.get("/api/documents/CASE-A")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == (
        "No document has the identifier 'CASE-A'; 'case-A' and 'case-a' differ from it only in case, "
        "so the address cannot say which is meant: ask for one of them as written."
    )
    page = client.get("/documents/CASE-A")
    assert page.status_code == 404 and "&#x27;case-A&#x27; and &#x27;case-a&#x27;" in page.content.decode()
