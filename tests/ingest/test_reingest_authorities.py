"""Re-ingest is idempotent when documents spell one authority record differently.

Real QhoD files (tests/fixtures/tei/, see its README) name Emperor Charles VI (GND 118560107)
"Karl VI" in some letters and "Karl VI." in others, and give the collection ``context:qhod`` the
titles "Quellen zur habsburgisch-osmanischen Diplomatie" (Sultan Ahmed III, Vienna copy),
"Online Edition von Quellen zur habsburgisch-osmanischen Diplomatie 1500-1918" and "Digitale
Edition von Quellen zur habsburgisch-osmanischen Diplomatie 1500–1918" (Virmont letters).
"""

from __future__ import annotations

import pytest

from legation.ingest.readers import files_to_read, read_file
from legation.ingest.service import ingest_records
from legation.records.models import Agent, ChangeLogEntry, Collection
from tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db

QHOD = sorted(p for p in (FIXTURES / "tei").iterdir() if p.name.startswith(("Briefe", "Selim_II_Urkunde_10")))


def qhod_items():
    return (item for path in files_to_read(QHOD) for item in read_file(path))


@pytest.mark.parametrize("batch_size", [200, 1])
def test_reingesting_qhod_files_reports_every_document_unchanged(batch_size):
    first = ingest_records(qhod_items(), batch_size=batch_size)
    assert len(first.added) == 5 and not first.failed
    logged = ChangeLogEntry.objects.count()
    second = ingest_records(qhod_items(), batch_size=batch_size)
    assert second.updated == [] and second.added == [] and second.failed == []
    assert len(second.unchanged) == 5
    assert ChangeLogEntry.objects.count() == logged


def test_one_gnd_id_spelled_two_ways_is_one_agent_with_both_names():
    ingest_records(qhod_items())
    karl = Agent.objects.get(key="gnd:118560107")
    assert {karl.name, *karl.names.values_list("name", flat=True)} == {"Karl VI", "Karl VI."}


def test_a_collection_keeps_the_title_it_was_first_stored_with():
    """The first file in name order with ``context:qhod`` first is the Sultan Ahmed III letter."""
    ingest_records(qhod_items())
    ingest_records(qhod_items())
    assert Collection.objects.get(key="qhod-qhod").title == "Quellen zur habsburgisch-osmanischen Diplomatie"


# An agent given another kind under the key of a stored agent: the stored kind stayed, and the report said
# nothing (a JSON Lines file giving "kind": "organization" for person:liu-shaoqi, a re-ingest changing an agent's
# kind alone). An agent's kind is one for all its documents, as its name is, and may be a curator's: it is kept,
# and the report says so as a conflict, once an ingest, at the first document giving the other kind.

SEED = FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"
LIU_AS_A_BODY = (
    "the agent 'Liu Shaoqi' (person:liu-shaoqi) is a person in the archive, and the source gives it as an organization; the "
    "archive's kind was kept, as an agent's kind, like its name, is one for all its documents and may be a curator's "
    "correction. If the source is right, change the agent's kind in the admin (Agents, searched by its key), which "
    "re-indexes its documents; else correct the source"
)


def test_an_agent_given_another_kind_under_its_key_keeps_its_kind_and_the_report_says_so(tmp_path):
    import json

    from legation.ingest.curation import KindConflict

    ingest_records(read_file(SEED), source=str(SEED))
    rows = [json.loads(line) for line in SEED.read_text(encoding="utf-8").splitlines()]
    for agent in (a for row in rows for a in row["agents"] if a["key"] == "person:liu-shaoqi"):
        agent["kind"] = "organization"
    changed = tmp_path / "seed.jsonl"
    changed.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    liu = [row["identifier"] for row in rows if any(a["key"] == "person:liu-shaoqi" for a in row["agents"])]
    assert len(liu) == 6

    for dry_run in (True, False):
        report = ingest_records(read_file(changed), source=str(changed), dry_run=dry_run)
        assert (report.updated, len(report.unchanged)) == ([], 10)
        assert report.conflicts == [
            KindConflict(f"{changed}, line 3", liu[0], "agents", "organization", "Liu Shaoqi", "person:liu-shaoqi", "person")
        ]  # once, though six documents give it
        assert report.conflicts[0].message() == LIU_AS_A_BODY
        assert Agent.objects.get(key="person:liu-shaoqi").kind == "person"

    # told once: the same source again says nothing more (it said so at every ingest, noise that hid a new conflict)
    assert ingest_records(read_file(changed), source=str(changed)).conflicts == []
    assert Agent.objects.get(key="person:liu-shaoqi").other_kind_reported == "organization"

    # a kind a curator set in the admin stays at the next ingest of the source, which is told, once
    Agent.objects.filter(key="person:liu-shaoqi").update(kind="organization")
    again = ingest_records(read_file(SEED), source=str(SEED))
    assert (again.updated, len(again.unchanged)) == ([], 10)
    assert [(c.where, c.source_value, c.kept) for c in again.conflicts] == [(f"{SEED}, line 3", "person", "organization")]
    assert Agent.objects.get(key="person:liu-shaoqi").kind == "organization"
    # then neither that source nor the other, each giving the kind it gave, is told again (two sources that disagree
    # were each told at every other ingest)
    for path in (SEED, changed, SEED):
        assert ingest_records(read_file(path), source=str(path)).conflicts == []


@pytest.mark.parametrize("batch_size", [200, 1])
def test_one_gnd_key_read_as_a_person_and_as_an_organization_is_one_agent_of_the_kind_first_read(tmp_path, batch_size):
    # Virmont's letter of 31 May 1719 names Karl VI (GND 118560107) in an orgName, the other letters in a persName
    copies = []
    for path in QHOD:
        copy = tmp_path / path.name
        text = path.read_text(encoding="utf-8")
        if path.name.startswith("Briefe__Virmont_an_Hofkriegsrat_31"):
            person = '<persName ana="MPRautomatched" ref="https://d-nb.info/gnd/118560107">Karl VI.</persName>'
            assert text.count(person) == 1
            text = text.replace(person, person.replace("persName", "orgName"))
            virmont = copy
        copy.write_text(text, encoding="utf-8")
        copies.append(copy)
    items = lambda: (item for path in files_to_read(copies) for item in read_file(path))  # noqa: E731
    first = ingest_records(items(), batch_size=batch_size)
    assert len(first.added) == 5 and not first.failed
    assert Agent.objects.get(key="gnd:118560107").kind == "person"
    assert [(c.identifier, c.key, c.source_value, c.kept) for c in first.conflicts] == [(f"qhod-{virmont.stem}", "gnd:118560107", "organization", "person")]
    second = ingest_records(items(), batch_size=batch_size)
    assert (len(second.unchanged), second.updated, len(second.conflicts)) == (5, [], 0)  # said once, in either batch size


FRUS_SAMPLE = FIXTURES / "frus" / "frus1917-72PubDip.xml"


@pytest.fixture
def house_read_as_a_body(monkeypatch):
    """A table reads "Edward House" as a body ("House"), as it did of every forename before a word of a body until the
    common forenames were read (legation.ingest.names._GIVEN_NAMES), and still does of a forename that list lacks."""
    from legation.ingest import names

    monkeypatch.setattr(names, "_GIVEN_NAMES", names._GIVEN_NAMES - {"Edward"})
    assert names.agent_kind("Edward House") == "organization"


@pytest.mark.usefixtures("house_read_as_a_body")
def test_a_table_reading_a_listed_person_s_name_as_a_body_names_that_person_and_flips_nothing(tmp_path):
    # The FRUS list of persons names Edward House (person:edward-house, 4 documents of the sample); a table's row
    # "Edward House" was read as a body ("House", as in the House of Commons), keyed organization:edward-house, and
    # rekind moved the listed person to that key and kind: the next ingest of the volume moved him back, every one of
    # his documents updated each time, without a word (a fresh user). A kind a source states is not undone by a
    # name read otherwise: the row names the person, and the report says once what the name read as.
    import importlib

    from django.apps import apps

    ingest_records(read_file(FRUS_SAMPLE), source=str(FRUS_SAMPLE))
    # (and so the migration takes it, of an archive stored before: its documents come from a TEI file, no table)
    importlib.import_module("legation.records.migrations.0018_agent_kind_from_name").kinds_read_from_names(apps, None)
    house = Agent.objects.get(key="person:edward-house")
    assert (house.kind, house.kind_from_name, house.document_links.count()) == ("person", False, 4)
    table = tmp_path / "house.csv"
    table.write_text("identifier,title,sender,recipient\nx-01,A letter,Edward House,Ada Sample\n", encoding="utf-8")
    row = ingest_records(read_file(table), source=str(table))
    assert row.added == ["x-01"] and not row.failed
    # a table states no kind: the name read as a body is no conflict with the list's person (which set the agent's
    # other kind reported, so that a source later giving him as a body went unsaid), but a note, once
    assert row.conflicts == []
    assert [n for n in row.all_notes() if "'Edward House' (person:edward-house), read as an organization from its name, is the person" in n]
    assert not Agent.objects.filter(key="organization:edward-house").exists()
    house = Agent.objects.get(key="person:edward-house")
    assert (house.kind, house.document_links.count(), house.other_kind_reported) == ("person", 5, "")
    for path in (FRUS_SAMPLE, table, FRUS_SAMPLE, table):  # nothing flips, nothing is told again
        again = ingest_records(read_file(path), source=str(path))
        assert (again.updated, again.conflicts, [n for n in again.all_notes() if "Edward House" in n]) == ([], [], [])
    # a name read from a table and stored so is given the other kind when the rule reading it improves (rekind)
    assert Agent.objects.get(key="person:ada-sample").kind_from_name is True


def test_an_agent_whose_kind_a_table_read_from_its_name_is_no_longer_marked_so_once_a_source_states_that_kind(tmp_path):
    # A table's "House, Edward" (person:edward-house, its kind read from the name) kept the mark when the FRUS volume's
    # list of persons then gave him as a person: a later rule reading the name otherwise could still change his kind.
    table = tmp_path / "house.csv"
    table.write_text("identifier,title,sender,recipient\nx-01,A letter,\"House, Edward\",Ada Sample\n", encoding="utf-8")
    ingest_records(read_file(table), source=str(table))
    assert Agent.objects.get(key="person:edward-house").kind_from_name is True
    ingest_records(read_file(FRUS_SAMPLE), source=str(FRUS_SAMPLE), dry_run=True)
    assert Agent.objects.get(key="person:edward-house").kind_from_name is True  # a dry run changes nothing
    ingest_records(read_file(FRUS_SAMPLE), source=str(FRUS_SAMPLE))
    house = Agent.objects.get(key="person:edward-house")
    assert (house.kind, house.kind_from_name, house.document_links.count()) == ("person", False, 5)
    assert Agent.objects.get(key="person:ada-sample").kind_from_name is True  # no source states hers
    again = ingest_records(read_file(table), source=str(table))
    assert (again.updated, again.conflicts, Agent.objects.get(key="person:edward-house").kind_from_name) == ([], [], False)


@pytest.mark.usefixtures("house_read_as_a_body")
def test_a_source_stating_the_kind_of_a_name_a_table_read_first_gives_the_table_s_agent_that_kind(tmp_path):
    # A table first ("Edward House" read as a body: organization:edward-house), then the FRUS volume whose list of
    # persons names him: the volume made a second agent, person:edward-house, without a word, and the table's row
    # stayed linked to the body at every later ingest; as when the volume came first, there is one agent, the person.
    table = tmp_path / "house.csv"
    table.write_text("identifier,title,date,sender,text\nq1,One,1918-01-05,Edward House,x\n", encoding="utf-8")
    ingest_records(read_file(table), source=str(table))
    assert Agent.objects.get(key="organization:edward-house").kind_from_name is True
    logged = ChangeLogEntry.objects.order_by("seq").last().seq
    volume = ingest_records(read_file(FRUS_SAMPLE), source=str(FRUS_SAMPLE))
    assert (volume.failed, volume.conflicts) == ([], [])
    assert not Agent.objects.filter(key="organization:edward-house").exists()
    house = Agent.objects.get(key="person:edward-house")
    assert (house.kind, house.kind_from_name, house.document_links.count()) == ("person", False, 5)
    assert list(house.other_keys.values_list("key", flat=True)) == ["organization:edward-house"]
    assert ChangeLogEntry.objects.filter(seq__gt=logged, document_identifier="q1").exists()  # the index shows q1's new agent
    said = [n for n in volume.all_notes() if "'Edward House': organization:edward-house is now person:edward-house" in n]
    assert len(said) == 1
    for path in (table, FRUS_SAMPLE, table):  # the row joins the person; nothing flips, nothing is told again
        again = ingest_records(read_file(path), source=str(path))
        assert (again.updated, again.conflicts, [n for n in again.all_notes() if "Edward House" in n]) == ([], [], [])
    assert [a.key for a in Agent.objects.filter(key__endswith="edward-house")] == ["person:edward-house"]
    assert Agent.objects.get(key="person:edward-house").document_links.count() == 5


def test_an_agent_named_in_capitals_first_shows_the_name_a_later_source_writes_in_mixed_case(tmp_path):
    # A table's "ACHESON, DEAN" stored first made the agent's shown name "DEAN ACHESON", and a row writing "Dean
    # Acheson" later left it so: a careless sheet's capitals were the name on every page of his documents.
    first = tmp_path / "typed.csv"
    first.write_text('identifier,title,sender,text\na1,One,"ACHESON, DEAN",x\n', encoding="utf-8")
    later = tmp_path / "later.csv"
    later.write_text("identifier,title,sender,text\nb1,Two,Dean Acheson,x\n", encoding="utf-8")
    ingest_records(read_file(first), source=str(first))
    assert Agent.objects.get(key="person:dean-acheson").name == "DEAN ACHESON"
    logged = ChangeLogEntry.objects.order_by("seq").last().seq
    ingest_records(read_file(later), source=str(later))
    acheson = Agent.objects.get(key="person:dean-acheson")
    assert acheson.name == "Dean Acheson" and "DEAN ACHESON" in acheson.names.values_list("name", flat=True)
    assert not acheson.names.filter(name="Dean Acheson").exists()
    assert ChangeLogEntry.objects.filter(seq__gt=logged, document_identifier="a1").exists()  # its page and index show it
    for path in (first, later):  # the capitals do not take it back, and nothing changes
        again = ingest_records(read_file(path), source=str(path))
        assert (again.updated, again.added, Agent.objects.get(key="person:dean-acheson").name) == ([], [], "Dean Acheson")
