"""Ingest service: upsert, unchanged re-ingest, change log, duplicates, bad lines, dry run, round trip."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from legation.ingest.readers import read_file
from legation.ingest.readers.jsonl import read_jsonl, write_jsonl
from legation.ingest.service import IngestReport, delete_documents, delete_missing, ingest_records
from legation.records.document_record import DocumentRecord
from legation.records.models import Agent, ChangeLogEntry, Document
from legation.records.serialize import load_records
from tests.conftest import FIXTURES

SEED = FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"
FRUS_SAMPLE = FIXTURES / "frus" / "frus1917-72PubDip.xml"

pytestmark = pytest.mark.django_db


def seed_lines() -> list[dict]:
    return [json.loads(line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_ingest_adds_every_seed_record_with_one_change_log_row_each():
    report = ingest_records(read_jsonl(SEED))
    identifiers = [d["identifier"] for d in seed_lines()]
    assert sorted(report.added) == sorted(identifiers)
    assert report.failed == [] and report.updated == [] and report.unchanged == []
    assert Document.objects.count() == len(identifiers)
    assert sorted(ChangeLogEntry.objects.values_list("document_identifier", flat=True)) == sorted(identifiers)


def test_reingest_changes_nothing_and_logs_nothing():
    ingest_records(read_jsonl(SEED))
    seq_before = ChangeLogEntry.objects.count()
    report = ingest_records(read_jsonl(SEED))
    assert len(report.unchanged) == len(seed_lines())
    assert report.added == report.updated == []
    assert ChangeLogEntry.objects.count() == seq_before


def test_corrected_record_is_updated_in_place_and_logged(tmp_path: Path):
    ingest_records(read_jsonl(SEED))
    lines = seed_lines()
    lines[0]["summary"] = "Corrected summary."
    corrected = tmp_path / "corrected.jsonl"
    corrected.write_text("".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
    report = ingest_records(read_jsonl(corrected))
    assert report.updated == [lines[0]["identifier"]]
    assert Document.objects.get(identifier=lines[0]["identifier"]).summary == "Corrected summary."
    assert Document.objects.count() == len(lines)
    assert ChangeLogEntry.objects.order_by("-seq").first().document_identifier == lines[0]["identifier"]


def test_duplicate_identifier_in_a_batch_is_reported_not_merged(tmp_path: Path):
    first = seed_lines()[0]
    twin = {**first, "title": "Another title"}
    path = tmp_path / "dupes.jsonl"
    path.write_text(json.dumps(first) + "\n" + json.dumps(twin) + "\n", encoding="utf-8")
    report = ingest_records(read_jsonl(path), source=str(path))
    assert report.added == [first["identifier"]]
    assert [(f.where, f.reason) for f in report.failed] == [
        (
            f"{path}, line 2",
            f'identifier "{first["identifier"]}" already given at line 1 (that document was kept, this one not stored); '
            "give each document its own identifier",
        )
    ]
    assert Document.objects.get().title == first["title"]


def test_bad_lines_are_reported_with_their_line_and_the_rest_is_stored(tmp_path: Path):
    lines = seed_lines()
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps(lines[0]) + "\n{not json\n" + json.dumps({**lines[1], "date_edtf": "December 1949"}) + "\n"
        + json.dumps({**lines[2], "colour": "red"}) + "\n" + json.dumps(lines[3]) + "\n",
        encoding="utf-8",
    )
    report = ingest_records(read_jsonl(path))
    assert sorted(report.added) == sorted([lines[0]["identifier"], lines[3]["identifier"]])
    where = [f.where for f in report.failed]
    assert where == [f"{path}, line 2", f"{path}, line 3", f"{path}, line 4"]  # the invalid record too, by its line
    assert "not EDTF" in report.failed[1].reason
    assert "colour" in report.failed[2].reason


def test_dry_run_reports_but_writes_nothing():
    report = ingest_records(read_jsonl(SEED), dry_run=True)
    assert len(report.added) == len(seed_lines())
    assert Document.objects.count() == 0 and ChangeLogEntry.objects.count() == 0 and Agent.objects.count() == 0


def test_delete_logs_a_delete():
    ingest_records(read_jsonl(SEED))
    identifier = seed_lines()[0]["identifier"]
    assert delete_documents([identifier, "no-such-document"]) == [identifier]
    assert not Document.objects.filter(identifier=identifier).exists()
    assert ChangeLogEntry.objects.order_by("-seq").values_list("operation", flat=True)[0] == "delete"


def export_text() -> str:
    buffer = io.StringIO()
    write_jsonl(load_records(), buffer)
    return buffer.getvalue()


def test_export_ingest_export_is_identical_for_frus_and_seed(tmp_path: Path):
    ingest_records(read_file(FRUS_SAMPLE))
    ingest_records(read_jsonl(SEED))
    first = export_text()
    assert first.count("\n") == 44 + len(seed_lines())
    dump = tmp_path / "export.jsonl"
    dump.write_text(first, encoding="utf-8")
    delete_documents(Document.objects.values_list("identifier", flat=True))
    Agent.objects.all().delete()
    report = ingest_records(read_jsonl(dump))
    assert len(report.added) == 44 + len(seed_lines()) and not report.failed
    assert export_text() == first


def test_only_http_links_are_stored_as_public_source(tmp_path: Path):
    line = {**seed_lines()[0], "source_url": "javascript:alert(1)"}
    path = tmp_path / "link.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    report = ingest_records(read_jsonl(path))
    assert report.added == [] and "http(s)" in report.failed[0].reason


def test_values_too_long_for_the_store_are_refused_naming_the_field(tmp_path: Path):
    line = {**seed_lines()[0], "document_type": "T" * 101}
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    report = ingest_records(read_jsonl(path))
    assert report.added == [] and "document_type is 101 characters, more than the 100 allowed" in report.failed[0].reason


def test_mistyped_nested_fields_say_what_shape_is_expected(tmp_path: Path):
    first = seed_lines()[0]
    path = tmp_path / "typed.jsonl"
    path.write_text(
        json.dumps({**first, "agents": "Mao"}) + "\n" + json.dumps({**first, "identifier": "b", "agents": [{"name": "Mao"}]}) + "\n",
        encoding="utf-8",
    )
    report = ingest_records(read_jsonl(path))
    assert "agents must be a list of JSON objects" in report.failed[0].reason
    assert "agents[0]: missing ['key']" in report.failed[1].reason
    assert "DocumentRecord" not in report.failed[0].reason + report.failed[1].reason


def write_lines(path: Path, lines: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
    return path


def test_a_name_read_as_a_person_and_as_an_organization_is_one_agent_and_a_reingest_changes_nothing(tmp_path: Path):
    # frus1961-63v10-12mSupp reads "CIA" as a person in 5 documents and an organization in 4: the agent moved
    # from key to key batch by batch, and every re-ingest of the unchanged volume reported 11 documents updated
    lines = seed_lines()[:4]
    for n, line in enumerate(lines):
        kind = "person" if n % 2 == 0 else "organization"
        line["agents"] = [{"key": f"{kind}:cia", "name": "CIA", "role": "sender", "kind": kind, "names": []}]
    path = write_lines(tmp_path / "cia.jsonl", lines)
    first = ingest_records(read_jsonl(path), batch_size=1)
    assert len(first.added) == 4 and list(Agent.objects.filter(name="CIA").values_list("key", "kind")) == [("person:cia", "person")]
    again = ingest_records(read_jsonl(path), batch_size=1)
    assert len(again.unchanged) == 4 and again.updated == [], again.changed_fields
    assert {r.identifier: [a.key for a in r.agents] for r in load_records([line["identifier"] for line in lines])} == {
        line["identifier"]: ["person:cia"] for line in lines
    }


def test_an_identifier_repeated_in_a_later_batch_is_reported_not_stored(tmp_path: Path):
    lines = seed_lines()
    path = write_lines(tmp_path / "late-twin.jsonl", [*lines, {**lines[0], "title": "Another title"}])
    report = ingest_records(read_jsonl(path), batch_size=3)  # the twin comes four batches after the first
    assert sorted(report.added) == sorted(d["identifier"] for d in lines)
    assert [f.where for f in report.failed] == [lines[0]["identifier"]]  # no file named: the identifier says which
    assert report.failed[0].reason.startswith(f'identifier "{lines[0]["identifier"]}" already given at line 1 (')
    assert Document.objects.get(identifier=lines[0]["identifier"]).title == lines[0]["title"]


def test_a_duplicate_names_the_rows_and_files_of_both(tmp_path: Path):
    sheet = tmp_path / "cables.csv"
    sheet.write_text('identifier,title\nx1,One\nx2,Two\n\nx1,"One,\nagain"\nx2,Two again\n', encoding="utf-8")
    report = IngestReport()
    ingest_records(read_file(sheet), report=report, source=str(sheet))
    lines = write_lines(tmp_path / "more.jsonl", [{**seed_lines()[0], "identifier": "x2"}])
    ingest_records(read_file(lines), report=report, source=str(lines))
    rest = " (that document was kept, this one not stored); give each document its own identifier"
    assert [(f.where, f.reason) for f in report.failed] == [
        (f"{sheet}, line 5", 'identifier "x1" already given at line 2' + rest),  # the row that starts on line 5
        (f"{sheet}, line 7", 'identifier "x2" already given at line 3' + rest),
        (f"{lines}, line 1", f'identifier "x2" already given in {sheet}, line 3' + rest),
    ]
    assert report.added == ["x1", "x2"]


def test_delete_missing_mirrors_the_collection_read_and_logs_each_deletion(tmp_path: Path):
    ingest_records(read_file(FRUS_SAMPLE))
    frus_count = Document.objects.count()
    lines = seed_lines()
    ingest_records(read_jsonl(SEED))
    report = ingest_records(read_jsonl(write_lines(tmp_path / "fewer.jsonl", lines[:7])))
    delete_missing(report)
    assert report.deleted == sorted(d["identifier"] for d in lines[7:])
    assert report.kept == [] and len(report.unchanged) == 7
    assert Document.objects.filter(identifier__startswith="seed-").count() == 7
    assert Document.objects.count() == frus_count + 7  # the FRUS volume's collection was not read: untouched
    logged = ChangeLogEntry.objects.filter(operation="delete").values_list("document_identifier", flat=True)
    assert sorted(logged) == report.deleted


def test_delete_missing_keeps_a_document_that_is_also_in_another_collection(tmp_path: Path):
    lines = seed_lines()
    lines[9]["collections"].append({"key": "cold-war-cables", "title": "Cold War cables"})
    ingest_records(read_jsonl(write_lines(tmp_path / "all.jsonl", lines)))
    report = delete_missing(ingest_records(read_jsonl(write_lines(tmp_path / "fewer.jsonl", lines[:8]))))
    assert report.deleted == [lines[8]["identifier"]]
    assert [(k.where, k.reason) for k in report.kept] == [(lines[9]["identifier"], "not deleted: also in collection cold-war-cables")]
    assert Document.objects.filter(identifier=lines[9]["identifier"]).exists()


def test_delete_missing_deletes_nothing_after_a_failure_or_in_a_dry_run(tmp_path: Path):
    lines = seed_lines()
    ingest_records(read_jsonl(SEED))
    broken = tmp_path / "broken.jsonl"
    broken.write_text("".join(json.dumps(d) + "\n" for d in lines[:5]) + '{"identifier": "seed-sino-soviet-06", "ti\n', encoding="utf-8")
    report = delete_missing(ingest_records(read_jsonl(broken)))
    assert report.deleted == report.kept == [] and "nothing deleted, as the ingest had failures (1)" in report.notes[0]
    dry = delete_missing(ingest_records(read_jsonl(write_lines(tmp_path / "fewer.jsonl", lines[:5])), dry_run=True), dry_run=True)
    assert dry.deleted == sorted(d["identifier"] for d in lines[5:])
    assert Document.objects.count() == len(lines) and not ChangeLogEntry.objects.filter(operation="delete").exists()


@pytest.mark.parametrize("content", ["", "\n\n", "identifier,title\n"])
def test_a_file_with_no_documents_is_a_failure_naming_it(tmp_path: Path, content: str):
    path = tmp_path / ("empty.csv" if "," in content else "empty.jsonl")
    path.write_text(content, encoding="utf-8")
    report = ingest_records(read_file(path))
    assert report.added == [] and [f.where for f in report.failed] == [str(path)]
    assert "holds no documents" in report.failed[0].reason


def test_delete_missing_says_why_when_the_documents_read_have_no_collection(tmp_path: Path):
    lines = [{k: v for k, v in d.items() if k != "collections"} for d in seed_lines()]
    ingest_records(read_jsonl(write_lines(tmp_path / "all.jsonl", lines)))
    report = delete_missing(ingest_records(read_jsonl(write_lines(tmp_path / "fewer.jsonl", lines[:3]))))
    assert report.deleted == [] and Document.objects.count() == len(lines)
    assert "belong to no collection" in report.notes[0]


@pytest.mark.parametrize("identifier", [".", "..", "...", "a/b", "a b", "a?b", ""])
def test_identifiers_a_url_cannot_reach_are_refused_naming_the_line(tmp_path: Path, identifier: str):
    # "/documents/.." is the home page and "/documents/." the list: such a document could never
    # be opened. The line is reported with what to do; the other lines are stored.
    lines = seed_lines()[:2]
    lines[1]["identifier"] = identifier
    path = tmp_path / "dots.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
    report = ingest_records(read_jsonl(path))
    assert report.added == [lines[0]["identifier"]]
    (failure,) = report.failed
    assert failure.where == f"{path}, line 2" and "not only dots" in failure.reason


def test_a_json_lines_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path):
    path = tmp_path / "bom.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in seed_lines()), encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    report = ingest_records(read_jsonl(path))
    assert len(report.added) == len(seed_lines()) and report.failed == []


def test_a_bad_agent_text_or_footnote_is_named_with_the_keys_it_takes(tmp_path: Path):
    lines = seed_lines()[:3]
    lines[0]["agents"][0].pop("key")
    lines[1]["texts"] = [{"kind": "transcript", "language": "en", "body": "A text.", "colour": "red"}]
    lines[2]["texts"] = [{"kind": "transcript", "language": "en", "body": "A text.", "footnotes": [{"text": "no number"}]}]
    path = tmp_path / "parts.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
    reasons = [f.reason for f in ingest_records(read_jsonl(path)).failed]
    assert reasons == [
        f"{lines[0]['identifier']}: agents[0]: missing ['key']; it takes ['key', 'name', 'role', 'kind', 'names'], of which ['key', 'name'] are required",
        f"{lines[1]['identifier']}: texts[0]: unknown ['colour']; it takes ['kind', 'language', 'body', 'footnotes']",
        f"{lines[2]['identifier']}: texts[0].footnotes[0]: missing ['n']; it takes ['n', 'text'], of which ['n', 'text'] are required",
    ]


def test_a_related_document_named_twice_in_two_cases_is_kept_once(tmp_path: Path):
    # ["x-2", "X-2"] name one document (identifiers are read in any case): both were kept, and the
    # page listed it twice (a fresh user)
    line = {**seed_lines()[0], "relations": ["seed-sino-soviet-02", "SEED-SINO-SOVIET-02", "seed-sino-soviet-03", "seed-sino-soviet-02"]}
    path = tmp_path / "related.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert ingest_records(read_jsonl(path)).added == [line["identifier"]]
    assert Document.objects.get(identifier=line["identifier"]).relations == ["seed-sino-soviet-02", "seed-sino-soviet-03"]
    assert ingest_records(read_jsonl(path)).unchanged == [line["identifier"]]  # and a re-ingest finds it unchanged


# The pages of the FRUS sample volume that print three of its documents: what its page breaks say
PRINTED = {"frus1917-72PubDip-d1": "1–3", "frus1917-72PubDip-d2": "3–7", "frus1917-72PubDip-d5": "9–14"}


def test_documents_of_a_volume_gaining_printed_pages_are_updated_then_unchanged():
    volume = [r for r in read_file(FRUS_SAMPLE) if isinstance(r, DocumentRecord)]
    assert len(ingest_records([replace(r, pages="") for r in volume]).added) == 44
    seq = ChangeLogEntry.objects.order_by("-seq").first().seq
    paged = [replace(r, pages=PRINTED.get(r.identifier, "")) for r in volume]

    report = ingest_records(paged)
    assert (sorted(report.updated), len(report.unchanged), report.added, report.failed) == (sorted(PRINTED), 41, [], [])
    assert report.changed_fields == {identifier: ["pages"] for identifier in PRINTED}
    assert dict(Document.objects.exclude(pages="").values_list("identifier", "pages")) == PRINTED
    assert sorted(ChangeLogEntry.objects.filter(seq__gt=seq).values_list("document_identifier", flat=True)) == sorted(PRINTED)
    assert {r.identifier: r.pages for r in load_records(PRINTED)} == PRINTED

    again = ingest_records(paged)
    assert (again.updated, len(again.unchanged)) == ([], 44)


def test_printed_pages_that_are_no_pages_fail_their_line_and_leave_the_document_as_it_was(tmp_path: Path):
    ingest_records(read_jsonl(SEED))
    first, second = seed_lines()[:2]
    path = write_lines(tmp_path / "pages.jsonl", [
        {**first, "summary": "A new summary.", "pages": "pp. 12"},
        {**second, "pages": 287},
    ])  # fmt: skip
    report = ingest_records(read_jsonl(path), source=str(path))
    assert [(f.where, f.reason) for f in report.failed] == [
        (f"{path}, line 1", f"{first['identifier']}: pages 'pp. 12': give the page that prints it, 287, or the first and last "
         'joined by a dash, 287–289 (no "p." or "pp."), or leave it empty'),
        (f"{path}, line 2", f"{second['identifier']}: pages must be a string, not a number (287); write it in quotes, or leave it out"),
    ]  # fmt: skip
    assert report.updated == report.added == []
    stored = Document.objects.get(identifier=first["identifier"])
    assert (stored.summary, stored.pages) == (first["summary"], "")


def test_a_reingest_keying_a_name_anew_leaves_no_agent_of_no_document(tmp_path: Path):
    """An archive an earlier Legation stored keyed a table's library heading whole
    (``person:johnson-lyndon-b-lyndon-baines-1908-1973``, as its export writes it); re-ingested, the table's rows link
    ``person:lyndon-b-johnson``, and the old agent, which no document links and no authority record holds, is gone: it
    stayed in the admin's agents, and copy-archive refused the archive for it. An agent an authority file made stays
    without documents, and so does one that a document still links; deleting the documents drops theirs alike."""
    from legation.copying import archive_rows
    from legation.records.authorities import load_authorities

    heading, old = "JOHNSON, LYNDON B. (LYNDON BAINES), 1908-1973", "person:johnson-lyndon-b-lyndon-baines-1908-1973"
    stored = [
        {"identifier": f"lbj-{n}", "title": f"Letter {n}", "agents": [{"key": old, "name": heading, "role": "sender", "kind": "person"}]}
        for n in (1, 2, 3)
    ]
    ingest_records(read_file(write_lines(tmp_path / "earlier.jsonl", stored)))
    authorities = tmp_path / "authorities.jsonl"
    authorities.write_text('{"kind": "person", "key": "person:dean-acheson", "name": "Dean Acheson", "names": ["Acheson, Dean"]}\n', encoding="utf-8")
    load_authorities(authorities)
    sheet = tmp_path / "letters.csv"
    sheet.write_text(f'identifier,title,sender\nlbj-1,Letter 1,"{heading}"\nlbj-2,Letter 2,"{heading}"\n', encoding="utf-8")
    ingest_records(read_file(sheet))
    assert sorted(Agent.objects.values_list("key", flat=True)) == ["person:dean-acheson", old, "person:lyndon-b-johnson"]  # lbj-3 links it
    ingest_records(read_file(write_lines(tmp_path / "later.jsonl", [{**stored[2], "agents": []}])))
    assert sorted(Agent.objects.values_list("key", flat=True)) == ["person:dean-acheson", "person:lyndon-b-johnson"]
    assert [row["key"] for kind, row in archive_rows() if kind == "agent"] == ["person:lyndon-b-johnson"]
    delete_documents(["lbj-1", "lbj-2"])
    assert list(Agent.objects.values_list("key", flat=True)) == ["person:dean-acheson"]


def test_a_reingest_deletes_the_places_subjects_and_repositories_no_document_uses_and_nothing_curated_holds(tmp_path: Path):
    """A re-ingest that moved a letter from "Peiping" to "Beijing", and gave it another subject and no repository,
    left the old place, subject and repository of no document in the admin's lists, which a curator takes for the
    archive's. Deleted now, as agents are, and named in the report; a place with another name (an authority
    file's), a subject a curator renamed, and collections stay."""
    from legation.records.authorities import load_authorities
    from legation.records.models import Collection, Place, Repository, Subject

    first = {"identifier": "a", "title": "Letter A", "place_sent": "Peiping", "subjects": ["Old heading"],
             "repositories": ["Old repository"], "collections": [{"key": "c1", "title": "First volume"}]}  # fmt: skip
    second = {"identifier": "b", "title": "Letter B", "place_sent": "Mukden", "collections": [{"key": "c1", "title": "First volume"}]}
    third = {"identifier": "c", "title": "Letter C", "subjects": ["Heading to rename"]}
    ingest_records(read_file(write_lines(tmp_path / "letters.jsonl", [first, second, third])))
    places = tmp_path / "places.jsonl"
    places.write_text('{"kind": "place", "name": "Mukden", "names": ["Shenyang"]}\n', encoding="utf-8")
    load_authorities(places)
    Subject.objects.filter(name="Heading to rename").update(name="Heading renamed")  # as the admin renames it

    later = [{**first, "place_sent": "Beijing", "subjects": ["New heading"], "repositories": [], "collections": [{"key": "c2", "title": "Second volume"}]},
             {**second, "place_sent": ""}]  # fmt: skip
    report = ingest_records(read_file(write_lines(tmp_path / "later.jsonl", later)))
    assert report.updated == ["a", "b"]
    assert sorted(Place.objects.values_list("name", flat=True)) == ["Beijing", "Mukden"]
    assert sorted(Subject.objects.values_list("name", flat=True)) == ["Heading renamed", "New heading"]
    assert not Repository.objects.exists() and sorted(Collection.objects.values_list("key", flat=True)) == ["c1", "c2"]
    from legation.records.authorities import Unheld

    assert report.unheld == Unheld(places=["Peiping"], subjects=["Old heading"], repositories=["Old repository"])
    assert "1 place, 1 subject, 1 repository. (1) the place 'Peiping'. (2) the subject 'Old heading'. (3) the repository 'Old repository'." in report.all_notes()[-1]
    unheld = Unheld()
    assert delete_documents(["c"], unheld) == ["c"] and not unheld  # the renamed subject is the curator's
    assert sorted(Subject.objects.values_list("name", flat=True)) == ["Heading renamed", "New heading"]
