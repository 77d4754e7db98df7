"""`legation copy-archive --to URL`: SQLite to PostgreSQL and back (SQLite to SQLite without a
PostgreSQL URL), verified by comparing exports; each document's digests of what it last ingested are
copied exactly (PostgreSQL to PostgreSQL when the suite runs there), in one transaction."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.databases import new_database_url, postgres_url

SEED = FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"
FRUS_SAMPLE = FIXTURES / "frus" / "frus1917-72PubDip.xml"


def legation(database_url: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "legation.settings",
        "LEGATION_DATA_DIR": str(data_dir),
        "LEGATION_DATABASE_URL": database_url,
    }
    return subprocess.run([sys.executable, "-m", "legation", *args], env=env, capture_output=True, text=True, timeout=300, check=False)


def test_copy_to_another_store_and_back_gives_the_same_archive(tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    middle = new_database_url() if postgres_url() else f"sqlite:///{tmp_path / 'middle.sqlite3'}"
    back = f"sqlite:///{tmp_path / 'back.sqlite3'}"
    assert legation(source, tmp_path / "a", "ingest", str(SEED), str(FRUS_SAMPLE)).returncode == 0

    there = legation(source, tmp_path / "a", "copy-archive", "--to", middle)
    assert there.returncode == 0, there.stderr
    assert "Copied 54 documents" in there.stdout
    again = legation(middle, tmp_path / "b", "copy-archive", "--to", back)
    assert again.returncode == 0, again.stderr

    exports = []
    for url, folder in ((source, "a"), (middle, "b"), (back, "c")):
        out = tmp_path / f"{folder}.jsonl"
        assert legation(url, tmp_path / folder, "export", "-o", str(out)).returncode == 0
        exports.append(out.read_bytes())
    assert exports[0] == exports[1] == exports[2] and exports[0].count(b"\n") == 54

    # The copy reads back as an archive: it searches on its own after a reindex.
    assert "Indexed 54 documents." in legation(back, tmp_path / "c", "reindex").stdout

    refused = legation(source, tmp_path / "a", "copy-archive", "--to", back)
    assert refused.returncode == 1 and "already holds documents" in " ".join(refused.stderr.split())
    bad = legation(source, tmp_path / "a", "copy-archive", "--to", "mysql://x@y/z")
    assert bad.returncode == 1 and "--to has the scheme 'mysql'" in " ".join(bad.stderr.split())
    assert "or sqlite:///path" in " ".join(bad.stderr.split()) and "leave it empty" not in bad.stderr
    # an empty --to, which that message once invited, "copied" into the copy's own scratch folder, then deleted
    empty = legation(source, tmp_path / "a", "copy-archive", "--to", " ")
    assert empty.returncode == 1 and "--to is empty; give the target's address" in " ".join(empty.stderr.split())
    # a server that is not there: the message names the address as given (--to), not the variable the copy reads
    away = legation(source, tmp_path / "a", "copy-archive", "--to", "postgresql://legation@127.0.0.1:9/nowhere")
    said = " ".join(away.stderr.split())
    assert away.returncode == 1 and "check the --to address and that the server runs" in said and "LEGATION_DATABASE_URL" not in said


@pytest.mark.django_db
def test_the_copy_keeps_the_curators_corrections_through_a_later_ingest(admin_client, tmp_path: Path) -> None:
    """Each document's digests of what its source last gave are copied exactly (null for a document made in
    the admin), so a re-ingest of the source into the copy keeps the corrections and reports the same
    conflicts as in the archive copied."""
    from legation.copying import copy_archive
    from legation.ingest.readers import read_file
    from legation.ingest.readers.jsonl import write_jsonl
    from legation.ingest.service import ingest_records
    from legation.ingest.curation import FIELDS
    from legation.records.models import Document
    from legation.records.serialize import load_records

    from tests.ingest.test_curation import admin_save

    assert len(ingest_records(read_file(FRUS_SAMPLE)).added) == 44
    admin_save(admin_client, "frus1917-72PubDip-d5", title="Report From the Naval Attaché in Spain (Decker)", date_edtf="1917-12")
    Document.objects.create(identifier="curators-note", title="A note made in the admin")  # never ingested
    digests = dict(Document.objects.values_list("identifier", "ingested"))
    assert len(digests) == 45 and digests["curators-note"] is None and set(digests["frus1917-72PubDip-d5"]) == set(FIELDS)

    target = new_database_url() if postgres_url() else f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    assert copy_archive(target).documents == 45
    shell = legation(target, tmp_path / "copy", "manage", "shell", "-v", "0", "-c",
                     "import json; from legation.records.models import Document; "
                     "print(json.dumps([dict(Document.objects.values_list('identifier', 'ingested')), "
                     "list(Document.objects.filter(ingested__isnull=True).values_list('identifier', flat=True))]))")  # fmt: skip
    assert shell.returncode == 0, shell.stderr
    assert json.loads(shell.stdout.strip().splitlines()[-1]) == [digests, ["curators-note"]]  # null as SQL NULL, as here

    # Since, the source changed the title of d5 (corrected: a conflict), so its sender (not corrected: updated), and
    # the title of d7 (updated).
    changed = tmp_path / "frus1917-72PubDip.xml"
    changed.write_text(
        FRUS_SAMPLE.read_text(encoding="utf-8")
        .replace("5. Report From the Embassy in Spain", "5. Report From the American Embassy in Spain", 1)
        .replace("St.\n                        Petersburg (", "Petrograd (", 1),
        encoding="utf-8",
    )
    here = ingest_records(read_file(changed), source=str(changed))
    assert [c.message() for c in here.conflicts] == [
        "title was corrected in the admin and the source changed it too (the source now has 'Report From the American "
        "Embassy in Spain'); the correction was kept. To take the source's value, enter it in the admin"]
    assert (here.updated, len(here.unchanged), here.added) == (["frus1917-72PubDip-d5", "frus1917-72PubDip-d7"], 42, [])

    report_file = tmp_path / "report.json"
    there = legation(target, tmp_path / "copy", "ingest", "--report", str(report_file), str(changed))
    assert there.returncode == 0, there.stderr
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert [c["message"] for c in report["conflicts"]] == [c.message() for c in here.conflicts]
    assert (report["updated"], len(report["unchanged"]), report["added"]) == (here.updated, 42, [])

    ours, theirs = io.StringIO(), tmp_path / "copy.jsonl"
    write_jsonl(load_records(), ours)
    assert legation(target, tmp_path / "copy", "export", "-o", str(theirs)).returncode == 0
    assert theirs.read_text(encoding="utf-8") == ours.getvalue()
    copied = {d["identifier"]: d for d in map(json.loads, theirs.read_text(encoding="utf-8").splitlines())}
    d5, d7 = copied["frus1917-72PubDip-d5"], copied["frus1917-72PubDip-d7"]
    assert (d5["title"], d5["date_edtf"], d5["agents"][0]["name"]) == (
        "Report From the Naval Attaché in Spain (Decker)", "1917-12", "American Embassy in Spain")
    assert d7["title"].startswith("Cablegram From the Committee on Public Information Commissioner in Petrograd (Sisson)")


@pytest.mark.django_db
def test_a_copy_that_cannot_be_stored_leaves_the_target_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The documents and their digests are stored in one transaction: a line failing after a first batch of 500
    documents was stored and given its digests leaves nothing in the target, and the message says what to do."""
    from legation import copying
    from legation.config import masked_url
    from legation.errors import LegationError
    from legation.ingest.readers import read_file
    from legation.ingest.service import ingest_records

    assert len(ingest_records(read_file(FRUS_SAMPLE)).added) == 44
    write_copy = copying.write_copy

    def with_a_bad_line(handle, counts=None) -> int:  # the 44 documents 12 times under other identifiers; the 520th is bad
        written = io.StringIO()
        write_copy(written, counts)
        read = [json.loads(line) for line in written.getvalue().splitlines()]
        archive = [line for line in read if "ingested" not in line]  # the subjects' lines, first
        lines = [{**line, "identifier": f"{line['identifier']}-{n}"} for n in range(12) for line in read if "ingested" in line]
        lines[519]["ingested"] = "title"
        handle.write("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in archive + lines))
        return len(lines)

    def archive_lines() -> list[tuple[str, dict]]:
        return list(copying.archive_rows())

    monkeypatch.setattr(copying, "write_copy", with_a_bad_line)
    target = new_database_url() if postgres_url() else f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    with pytest.raises(LegationError) as failed:
        copying.copy_archive(target)
    message = str(failed.value)
    assert message.startswith(f"Copying into {masked_url(target)} failed, and nothing was written there (the documents and what")
    assert message.endswith(f', line {520 + len(archive_lines())}: "ingested" must be an object or null. Fix that and run copy-archive again.')
    exported = legation(target, tmp_path / "copy", "export")
    assert (exported.returncode, exported.stdout, exported.stderr.strip()) == (0, "", "Exported 0 documents.")


@pytest.mark.django_db
def test_legation_ingest_refuses_copy_lines_so_no_file_sets_digests(tmp_path: Path) -> None:
    """Only copy-archive's own step in the target takes digests from a file: `legation ingest` reads its copy
    lines as Legation JSON Lines with an unknown field, and stores none of them."""
    from legation.copying import write_copy
    from legation.errors import IngestError
    from legation.ingest.readers import read_file
    from legation.ingest.readers.jsonl import read_jsonl
    from legation.ingest.service import ingest_records

    assert len(ingest_records(read_file(FRUS_SAMPLE)).added) == 44
    lines = tmp_path / "copy.jsonl"
    with lines.open("w", encoding="utf-8") as handle:
        assert write_copy(handle) == 44
    read = list(read_jsonl(lines))
    assert all(isinstance(item, IngestError) for item in read)  # the archive lines (the subjects') too
    documents = [item for item in read if "'ingested'" in item.message]
    assert len(documents) == 44 and documents[0].message.startswith("unknown fields ['ingested', 'ingested_from']; Legation JSON Lines has ")
    # each line carries the file the document last came from, so the copy reports a replacement as here
    assert {json.loads(line).get("ingested_from") for line in lines.read_text(encoding="utf-8").splitlines() if "\"ingested\":" in line} == {""}


@pytest.mark.django_db
def test_the_copy_keeps_curated_names_merged_keys_and_place_variants(tmp_path: Path) -> None:
    """Curated authority data is not in the documents: the copy carries it in authority lines, so
    variants search the same in the copy and a merged key still links to its agent there."""
    from legation.copying import copy_archive, write_copy
    from legation.ingest.readers import read_file
    from legation.ingest.service import ingest_records
    from legation.records.authorities import authority_rows, load_authorities

    assert len(ingest_records(read_file(SEED)).added) == 10
    authorities = tmp_path / "authorities.jsonl"
    authorities.write_text(
        '{"kind": "person", "key": "person:mao-zedong", "name": "Mao Zedong", "names": ["Mao Tse-tung", "毛泽东"], "same_as": ["person:mao-tse-tung"]}\n'
        '{"kind": "place", "name": "Lüshun", "names": ["Port Arthur"]}\n',
        encoding="utf-8",
    )
    load_authorities(authorities)
    expected = [
        {"kind": "person", "key": "person:mao-zedong", "name": "Mao Zedong", "names": ["Mao Tse-tung", "毛泽东"], "same_as": ["person:mao-tse-tung"]},
        {"kind": "place", "name": "Lüshun", "names": ["Port Arthur"]},
    ]
    assert list(authority_rows()) == expected
    written = io.StringIO()
    write_copy(written)
    assert written.getvalue().splitlines()[:2] == [json.dumps({"authority": row}, ensure_ascii=False, separators=(",", ":")) for row in expected]

    target = new_database_url() if postgres_url() else f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    assert copy_archive(target).documents == 10
    shell = legation(target, tmp_path / "copy", "manage", "shell", "-v", "0", "-c",
                     "import json; from legation.records.authorities import authority_rows; print(json.dumps(list(authority_rows())))")  # fmt: skip
    assert shell.returncode == 0, shell.stderr
    assert json.loads(shell.stdout.strip().splitlines()[-1]) == expected

    # A source that still says person:mao-tse-tung links to Mao Zedong in the copy, as here.
    late = tmp_path / "late.jsonl"
    record = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    record |= {"identifier": "late-1", "agents": [{"key": "person:mao-tse-tung", "name": "Mao Tse-tung", "role": "sender", "kind": "person", "names": []}]}
    late.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert legation(target, tmp_path / "copy", "ingest", str(late)).returncode == 0
    out = tmp_path / "copy.jsonl"
    assert legation(target, tmp_path / "copy", "export", "-o", str(out)).returncode == 0
    exported = {d["identifier"]: d for d in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert [(a["key"], a["name"]) for a in exported["late-1"]["agents"]] == [("person:mao-zedong", "Mao Zedong")]


def test_a_character_no_store_keeps_is_named_with_its_document_and_nothing_is_copied(tmp_path: Path) -> None:
    """An archive stored by an older Legation can hold a NUL in a text, which SQLite keeps and the data
    model refuses since. Copied to PostgreSQL, the store refused it with "DataError: PostgreSQL text fields
    cannot contain NUL (0x00) bytes", naming nothing (in a place's further name even SQLite took it). The copy
    names the document or authority record, the field and where the character stands, and where to correct
    it, before anything is written to the target; corrected there, the archive copies."""
    from legation.config import masked_url

    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"  # an old archive is a SQLite one: PostgreSQL refuses the NUL
    target = new_database_url() if postgres_url() else f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    assert legation(source, tmp_path / "a", "ingest", str(FRUS_SAMPLE)).returncode == 0

    def stored_as_an_old_legation_did(code: str) -> None:
        shell = legation(source, tmp_path / "a", "manage", "shell", "-v", "0", "-c",
                         "from legation.records.models import Place, PlaceName, Text; "
                         "d7 = Text.objects.get(document__identifier='frus1917-72PubDip-d7'); " + code)  # fmt: skip
        assert shell.returncode == 0, shell.stderr

    def copy_fails_saying() -> str:
        copied = legation(source, tmp_path / "a", "copy-archive", "--to", target)
        assert copied.returncode == 1
        exported = legation(target, tmp_path / "copy", "export")  # nothing was written there: no archive, or an empty one
        assert exported.stdout == "" and (exported.returncode == 0 or "No archive in" in exported.stderr), exported.stderr
        return " ".join(copied.stderr.split()).removeprefix("error: ")

    stored_as_an_old_legation_did(r"d7.body = d7.body[:100] + '\x00' + d7.body[100:]; d7.save()")
    assert copy_fails_saying() == (
        f"Nothing was copied to {masked_url(target)}. Document frus1917-72PubDip-d7 cannot be copied: text holds the "
        r"control character U+0000 at character 101 ('eace requisites of America tho\x00usand words or less comma sho'); "
        "remove it: no archive format (XML) nor store can keep it. Correct it in the admin "
        "(/admin/records/document/?q=frus1917-72PubDip-d7), or correct its source and ingest it again, then run "
        "copy-archive again."
    )
    stored_as_an_old_legation_did(
        r"d7.body = d7.body.replace('\x00', ''); d7.save(); "
        r"PlaceName.objects.create(place=Place.objects.get(name='St. Petersburg'), name='Petro\x00grad')"
    )
    assert copy_fails_saying() == (
        f"Nothing was copied to {masked_url(target)}. The place 'St. Petersburg' cannot be copied: a further name holds the "
        r"control character U+0000 at character 6 ('Petro\x00grad'); no store can keep it. Correct it in the admin "
        "(/admin/records/place/?q=St.+Petersburg), then run copy-archive again."
    )
    stored_as_an_old_legation_did(r"PlaceName.objects.filter(name='Petro\x00grad').update(name='Petrograd')")
    copied = legation(source, tmp_path / "a", "copy-archive", "--to", target)
    assert copied.returncode == 0 and "Copied 44 documents" in copied.stdout, copied.stderr


STOPPED_COPY = """
import os, signal, sys, time
import legation.copying as copying

STAGE, STOP = sys.argv.pop(1), getattr(signal, sys.argv.pop(1))
real_write, real_run = copying.write_copy, copying._run

def stop():
    os.kill(os.getpid(), STOP)
    time.sleep(60)  # the signal lands here, as anywhere in a long copy

def write(handle, *counts):
    count = real_write(handle, *counts)
    if STAGE == "reading":
        stop()
    return count

def run(env, *args):
    if (STAGE, args[0]) in (("storing", "copy-archive-store"), ("verifying", "copy-archive-export")):
        stop()
    return real_run(env, *args)

copying.write_copy, copying._run = write, run
from legation.cli import app
app(sys.argv[1:])
"""


@pytest.mark.parametrize(
    ("stage", "stop", "said"),
    [
        ("reading", "SIGINT", "interrupted (SIGINT) while reading this archive: nothing was copied to"),
        ("storing", "SIGTERM", "interrupted (SIGTERM) while storing the copy in"),
        ("verifying", "SIGTERM", "interrupted (SIGTERM) while verifying the copy in"),
    ],
)
def test_an_interrupted_copy_says_what_it_left_and_removes_its_scratch_folder(tmp_path: Path, stage: str, stop: str, said: str) -> None:
    # it ended with no word (exit 130), and a kill left its scratch folder behind (a fresh user)
    import signal

    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    assert legation(source, tmp_path / "a", "ingest", str(SEED)).returncode == 0
    (scratch := tmp_path / "tmp").mkdir()
    env = {
        **os.environ, "DJANGO_SETTINGS_MODULE": "legation.settings", "LEGATION_DATA_DIR": str(tmp_path / "a"),
        "LEGATION_DATABASE_URL": source, "TMPDIR": str(scratch),
    }
    target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    run = subprocess.run(
        [sys.executable, "-c", STOPPED_COPY, stage, stop, "copy-archive", "--to", target],
        env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    message = " ".join(run.stderr.split())
    assert (run.returncode, "Traceback" in message) == (128 + getattr(signal, stop), False), run.stderr
    assert f"error: {said} {target}" in message
    assert list(scratch.iterdir()) == []  # the scratch folder and its copy lines removed


@pytest.mark.django_db
def test_the_copy_keeps_type_spellings_subjects_names_in_sources_and_agents_kinds_as_read(admin_client, tmp_path: Path) -> None:
    """A curator's type spelling, a subject's name in sources (a curator's rename, a subject made in the
    admin) and what ingest remembered of an agent's kind are no document's: the copy carries them in
    archive lines, so a later ingest into the copy keeps the curator's decisions, as here; the copy says so."""
    from legation.copying import copy_archive
    from legation.ingest.readers import read_file
    from legation.ingest.service import ingest_records
    from legation.records.models import Agent, Document, Subject, TypeSpelling

    from tests.ingest.test_curation import admin_save

    def lines(first: int, last: int) -> str:
        return "".join(
            json.dumps({"identifier": f"t-{n}", "title": f"Telegram {n}", "document_type": "Telegram", "subjects": ["ARGENTINA"],
                        "language": "en", "agents": [{"key": "person:juan-peron", "name": "Juan Perón", "role": "sender"}]}) + "\n"
            for n in range(first, last + 1)
        )  # fmt: skip

    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    first.write_text(lines(1, 3), encoding="utf-8")
    later.write_text(lines(1, 9), encoding="utf-8")  # six documents more spelled Telegram, under ARGENTINA
    assert len(ingest_records(read_file(first)).added) == 3
    admin_save(admin_client, "t-1", document_type="Télégram")  # a curator's spelling: all three take it
    subject = Subject.objects.get(name="ARGENTINA")
    subject.name = "Argentine Republic"  # renamed by a curator
    subject.save()
    Subject.objects.create(name="Cold War")  # made in the admin: no name in sources, no documents
    Agent.objects.filter(key="person:juan-peron").update(kind_from_name=True, other_kind_reported="organization")

    archive = [
        sorted(TypeSpelling.objects.values_list("key", "spelling")),
        sorted(Subject.objects.values_list("name", "name_in_sources")),
        sorted(Agent.objects.values_list("key", "kind_from_name", "other_kind_reported")),
    ]
    assert archive == [[("telegram", "Télégram")], [("Argentine Republic", "ARGENTINA"), ("Cold War", "")], [("person:juan-peron", True, "organization")]]

    target = new_database_url() if postgres_url() else f"sqlite:///{tmp_path / 'copy.sqlite3'}"
    report = copy_archive(target)
    assert report.said() == (
        "3 documents, 1 type spelling a curator chose, 2 subjects with their names in sources and 1 agent's kind as ingest read it"
    )
    shell = ("import json; from legation.records.models import Agent, Document, Subject, TypeSpelling; print(json.dumps(["
             "sorted(TypeSpelling.objects.values_list('key', 'spelling')), sorted(Subject.objects.values_list('name', 'name_in_sources')), "
             "sorted(Agent.objects.values_list('key', 'kind_from_name', 'other_kind_reported')), "
             "sorted(Document.objects.values_list('identifier', 'document_type', 'subjects__name'))]))")  # fmt: skip
    copied = legation(target, tmp_path / "copy", "manage", "shell", "-v", "0", "-c", shell)
    assert copied.returncode == 0, copied.stderr
    assert json.loads(copied.stdout.strip().splitlines()[-1])[:3] == json.loads(json.dumps(archive))

    # Six more telegrams under ARGENTINA, ingested into both: each keeps the curator's spelling and subject.
    ingest_records(read_file(later), source=str(later))
    assert legation(target, tmp_path / "copy", "ingest", str(later)).returncode == 0
    after = legation(target, tmp_path / "copy", "manage", "shell", "-v", "0", "-c", shell)
    documents = [[f"t-{n}", "Télégram", "Argentine Republic"] for n in range(1, 10)]
    assert json.loads(after.stdout.strip().splitlines()[-1])[3] == documents
    assert [list(d) for d in sorted(Document.objects.values_list("identifier", "document_type", "subjects__name"))] == documents

    # a subject no store keeps (an old archive's, in SQLite) is named with where to correct it, before anything is
    # copied; PostgreSQL refuses the NUL itself, so only a SQLite archive can hold one
    if postgres_url():
        return
    from legation.copying import write_copy
    from legation.errors import LegationError

    Subject.objects.create(name="Cold\x00War")
    with pytest.raises(LegationError) as refused:
        write_copy(io.StringIO())
    assert str(refused.value) == (
        r"The subject 'Cold\x00War' cannot be copied: subject.name holds the control character U+0000 at character 5 "
        r"('Cold\x00War'); no store can keep it. Correct it in the admin (/admin/records/subject/?q=Cold%00War), then run "
        "copy-archive again."
    )


@pytest.mark.django_db
def test_every_value_no_store_keeps_is_named_at_once(tmp_path: Path) -> None:
    # the copy named the first and stopped: an old archive holding several had the archivist run it once for each
    if postgres_url():
        pytest.skip("PostgreSQL refuses the NUL itself: only an older SQLite archive can hold one")
    from legation.copying import PROBLEMS_SHOWN, write_copy
    from legation.errors import LegationError
    from legation.records.models import Subject

    for n in range(PROBLEMS_SHOWN + 2):
        Subject.objects.create(name=f"Cold\x00War {n:02d}")
    with pytest.raises(LegationError) as refused:
        write_copy(io.StringIO())
    message = str(refused.value)
    assert message.startswith(f"{PROBLEMS_SHOWN + 2} records hold values no store can keep; correct each, then run copy-archive again: (1) The subject 'Cold\\x00War 00' cannot be copied: ")
    assert f"({PROBLEMS_SHOWN}) The subject 'Cold\\x00War {PROBLEMS_SHOWN - 1:02d}'" in message and f"({PROBLEMS_SHOWN + 1})" not in message
    assert message.endswith("(/admin/records/subject/?q=Cold%00War+19). … and 2 more.")


@pytest.mark.django_db
def test_text_another_program_wrote_in_no_utf8_is_named_with_its_row_not_a_traceback(tmp_path: Path) -> None:
    # SQLite keeps such bytes as written; reading them raised "OperationalError: Could not decode to UTF-8 column
    # 'summary' with text 'AB��'" out of copy-archive, naming no row, and the admin cannot show the row to correct it
    if postgres_url():
        pytest.skip("PostgreSQL refuses such bytes itself: only an SQLite archive can hold them")
    from django.db import connection

    from legation.copying import write_copy
    from legation.errors import LegationError
    from legation.records.models import Document

    document = Document.objects.create(identifier="d-1", title="Telegram")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE records_document SET summary = CAST(x'4142ff80' AS TEXT) WHERE id = %s", [document.pk])
    with pytest.raises(LegationError) as refused:
        write_copy(io.StringIO())
    assert str(refused.value) == (
        f"The row {document.pk} of records_document cannot be copied: its summary is not UTF-8 text (byte 3, 0xFF, in "
        f"b'AB\\xff\\x80'), which no store keeps and the admin cannot show. Correct it with sqlite3 (UPDATE "
        f'"records_document" SET "summary" = \'…\' WHERE "id" = {document.pk};), then run copy-archive again.'
    )
