"""One person, one agent: an authority file's ``same_as`` merges the agents a source split.

Real data: FRUS 1964–68 vol. XIV gives Kissinger as "Henry Kissinger" (``person:henry-kissinger``,
document 335, his memorandum to President-elect Nixon), FRUS 1969–76 vol. XII as "Henry A. Kissinger"
(``person:henry-a-kissinger``, from its list of persons). The archive here holds the documents of
both demo volumes that name him as sender or recipient.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from legation.errors import IngestError
from legation.ingest.curation import field_digests
from legation.ingest.readers.tei_frus import read_frus_volume
from legation.ingest.service import ingest_records
from legation.records.authorities import load_authorities
from legation.records.document_record import AgentRef, DocumentRecord
from legation.records.models import Agent, AgentKey, AgentName, ChangeLogEntry, Document, DocumentAgent
from legation.records.serialize import load_records
from legation.search.follower import follow_once
from legation.search.service import SearchRequest, search
from tests.conftest import REPO, ingested_archive

OLD, NEW = "person:henry-kissinger", "person:henry-a-kissinger"
MERGE = {"kind": "person", "key": NEW, "name": "Henry A. Kissinger", "same_as": [OLD]}


def kissinger_records() -> list[DocumentRecord]:
    records = [
        r
        for volume in ("frus1964-68v14", "frus1969-76v12")
        for r in read_frus_volume(REPO / "data" / "demo" / "frus" / f"{volume}.xml.gz")
        if isinstance(r, DocumentRecord) and any(a.key in (OLD, NEW) and a.role != "mentioned" for a in r.agents)
    ]
    assert records
    return records


RECORDS = kissinger_records()


def last_seq() -> int:
    """The change log's last seq (not its row count: PostgreSQL's sequence goes on across tests)."""
    return ChangeLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def senders(key: str) -> set[str]:
    return {r.identifier for r in RECORDS if any(a.key == key and a.role == "sender" for a in r.agents)}


def naming(key: str) -> set[str]:
    return {r.identifier for r in RECORDS if any(a.key == key for a in r.agents)}


@pytest.fixture
def kissinger_archive(db):
    yield from ingested_archive(RECORDS)


def authority_file(tmp_path: Path, *lines: dict) -> Path:
    path = tmp_path / "authorities.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def sender_facet() -> dict[str, int]:
    result = search(SearchRequest(q="", page_size=1))
    return {v.value: v.count for v in next(f for f in result.facets if f.name == "sender").values if "Kissinger" in v.value}


def test_the_two_volumes_give_him_two_keys():
    assert senders(OLD) == {"frus1964-68v14-d335"}
    assert len(senders(NEW)) == 62 and len(naming(NEW)) == 108


def test_same_as_moves_links_and_names_and_deletes_the_old_agent(kissinger_archive, tmp_path):
    logged = last_seq()
    report = load_authorities(authority_file(tmp_path, MERGE))
    assert (report.merged, report.created, report.documents_touched) == (1, 0, ["frus1964-68v14-d335"])
    assert not Agent.objects.filter(key=OLD).exists()
    assert AgentKey.objects.get(key=OLD).agent.key == NEW
    link = DocumentAgent.objects.get(document__identifier="frus1964-68v14-d335", role="sender")
    assert (link.agent.key, link.position) == (NEW, 0)
    assert DocumentAgent.objects.filter(agent__key=NEW).values("document").distinct().count() == len(naming(NEW)) + 1
    # "Henry Kissinger", a name the 1969-76 list of persons gave him, is now curated: it was an agent's preferred name
    assert AgentName.objects.get(agent__key=NEW, name="Henry Kissinger").from_authority
    assert list(ChangeLogEntry.objects.filter(seq__gt=logged).values_list("document_identifier", flat=True)) == ["frus1964-68v14-d335"]
    # the document's agents are still as its source gave them, merged: its remembered digest follows
    (record,) = load_records(["frus1964-68v14-d335"])
    assert Document.objects.get(identifier="frus1964-68v14-d335").ingested["agents"] == field_digests(record)["agents"]


def test_facets_show_one_man_with_the_summed_count(kissinger_archive, tmp_path):
    assert sender_facet() == {"Henry A. Kissinger": len(senders(NEW)), "Henry Kissinger": 1}
    load_authorities(authority_file(tmp_path, MERGE))
    follow_once()
    assert sender_facet() == {"Henry A. Kissinger": len(senders(NEW)) + 1}


def test_reingesting_the_unchanged_volumes_changes_nothing(kissinger_archive, tmp_path):
    load_authorities(authority_file(tmp_path, MERGE))
    logged = ChangeLogEntry.objects.count()
    report = ingest_records(kissinger_records())
    assert (report.added, report.updated, report.conflicts, report.failed) == ([], [], [], [])
    assert len(report.unchanged) == len(RECORDS)
    assert ChangeLogEntry.objects.count() == logged and not Agent.objects.filter(key=OLD).exists()
    (record,) = load_records(["frus1964-68v14-d335"])
    assert [(a.role, a.key) for a in record.agents if a.role == "sender"] == [("sender", NEW)]  # what export writes
    assert load_authorities(authority_file(tmp_path, MERGE)).merged == 0  # loading the file again: nothing to merge


def test_a_changed_source_still_updates_a_merged_document(kissinger_archive, tmp_path):
    """The merge is not a curator's correction of the document's agents: the source's change goes in."""
    load_authorities(authority_file(tmp_path, MERGE))
    record = next(r for r in kissinger_records() if r.identifier == "frus1964-68v14-d335")
    nixon = next(a for a in record.agents if a.role == "recipient")
    changed = replace(record, agents=[a for a in record.agents if a is not nixon])
    report = ingest_records([changed])
    assert (report.updated, report.conflicts) == (["frus1964-68v14-d335"], [])
    (stored,) = load_records(["frus1964-68v14-d335"])
    assert [(a.role, a.key) for a in stored.agents if a.role != "mentioned"] == [("sender", NEW)]


def test_a_key_merged_before_any_document_links_later_documents_to_the_agent(db, tmp_path):
    load_authorities(authority_file(tmp_path, MERGE))
    report = ingest_records(RECORDS)
    assert len(report.added) == len(RECORDS) and not report.failed
    assert not Agent.objects.filter(key=OLD).exists()
    assert DocumentAgent.objects.get(document__identifier="frus1964-68v14-d335", role="sender").agent.key == NEW


def test_a_document_naming_both_keeps_one_link_at_the_first_position(db, tmp_path):
    """A source spelling him both ways in one document (d335 with a second sender line)."""
    record = next(r for r in RECORDS if r.identifier == "frus1964-68v14-d335")
    both = replace(record, agents=[*record.agents, AgentRef(NEW, "Henry A. Kissinger", "sender")])
    ingest_records([both])
    assert list(DocumentAgent.objects.filter(document__identifier=both.identifier, role="sender").values_list("agent__key", "position")) == [
        (OLD, 0),
        (NEW, 1),
    ]
    load_authorities(authority_file(tmp_path, MERGE))
    assert list(DocumentAgent.objects.filter(document__identifier=both.identifier, role="sender").values_list("agent__key", "position")) == [
        (NEW, 0)
    ]
    assert ingest_records([both]).unchanged == [both.identifier]


BAD = [
    ([MERGE, {"kind": "person", "key": OLD, "name": "Henry Kissinger"}], 1, f"same_as '{OLD}' is the key of line 2"),
    (
        [MERGE, {"kind": "person", "key": "person:k", "name": "K", "same_as": [OLD]}],
        2,
        f"same_as '{OLD}' is also in the same_as of line 1",
    ),
    (
        [{"kind": "person", "key": OLD, "name": "Henry Kissinger", "same_as": [NEW]}, MERGE],
        1,
        f"same_as '{NEW}' is the key of line 2",
    ),  # a cycle
    (
        [MERGE, {"kind": "organization", "key": "organization:nsc", "name": "NSC", "same_as": ["person:rostow"]}],
        2,
        "same_as 'person:rostow' is a key of the kind person, and this line is an organization",
    ),
    ([{**MERGE, "same_as": [NEW]}], 1, f"same_as '{NEW}' lists the line's own key"),
]


@pytest.mark.parametrize(("lines", "line", "message"), BAD)
def test_a_bad_same_as_is_refused_naming_the_line(kissinger_archive, tmp_path, lines, line, message):
    path = authority_file(tmp_path, *lines)
    with pytest.raises(IngestError) as error:
        load_authorities(path)
    assert error.value.location == f"line {line}" and error.value.path == str(path)
    assert error.value.message.startswith(message) and error.value.message.endswith("; nothing was loaded")
    assert Agent.objects.filter(key=OLD).exists() and not AgentKey.objects.exists()


def test_refusals_by_what_is_stored_write_nothing(kissinger_archive, tmp_path):
    load_authorities(authority_file(tmp_path, MERGE))
    counts = Counter({m.__name__: m.objects.count() for m in (Agent, AgentName, AgentKey, DocumentAgent, ChangeLogEntry)})
    chain = {"kind": "person", "key": OLD, "name": "Henry Kissinger", "same_as": ["person:kissinger"]}
    taken = {"kind": "person", "key": "person:k", "name": "K", "same_as": [OLD]}
    other_kind = {"kind": "organization", "key": "organization:nsc", "name": "NSC", "same_as": ["nsc"]}
    Agent.objects.create(key="nsc", name="NSC", kind="person")
    counts["Agent"] += 1
    first = {"kind": "person", "key": "person:dean-rusk", "name": "Dean Rusk", "same_as": ["person:rusk"]}  # would be written
    for bad, message in [
        (chain, f"the line's key '{OLD}' was merged into the agent '{NEW}' before; write '{NEW}'"),
        (taken, f"same_as '{OLD}' is already another key of the agent '{NEW}'"),
        (other_kind, "same_as 'nsc' is a stored person, and this line is an organization"),
    ]:
        with pytest.raises(IngestError) as error:
            load_authorities(authority_file(tmp_path, first, bad))
        assert error.value.location == "line 2" and error.value.message.startswith(message)
        assert Counter({m.__name__: m.objects.count() for m in (Agent, AgentName, AgentKey, DocumentAgent, ChangeLogEntry)}) == counts


def test_a_line_with_a_merged_key_names_the_agent_it_was_merged_into(kissinger_archive, tmp_path):
    load_authorities(authority_file(tmp_path, MERGE))
    report = load_authorities(authority_file(tmp_path, {"kind": "person", "key": OLD, "name": "Henry Kissinger", "names": ["Kissinger, Henry"]}))
    assert (report.created, report.names_added) == (0, 1) and not Agent.objects.filter(key=OLD).exists()
    assert AgentName.objects.get(name="Kissinger, Henry").agent.key == NEW


def test_adding_another_key_in_the_admin_merges_that_agent(kissinger_archive, admin_client):
    agent = Agent.objects.get(key=NEW)
    names = list(agent.names.all())
    data = {
        "key": agent.key, "name": agent.name, "kind": agent.kind,
        "names-TOTAL_FORMS": str(len(names)), "names-INITIAL_FORMS": str(len(names)),
        "other_keys-TOTAL_FORMS": "1", "other_keys-INITIAL_FORMS": "0", "other_keys-0-key": OLD,
    }  # fmt: skip
    for i, name in enumerate(names):
        data |= {f"names-{i}-id": str(name.pk), f"names-{i}-agent": str(agent.pk), f"names-{i}-name": name.name}
        data |= {f"names-{i}-from_authority": "on"} if name.from_authority else {}
    logged = last_seq()
    response = admin_client.post(f"/admin/records/agent/{agent.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not Agent.objects.filter(key=OLD).exists() and AgentKey.objects.get(key=OLD).agent == agent
    assert DocumentAgent.objects.get(document__identifier="frus1964-68v14-d335", role="sender").agent == agent
    relogged = set(ChangeLogEntry.objects.filter(seq__gt=logged).values_list("document_identifier", flat=True))
    assert relogged == naming(NEW) | {"frus1964-68v14-d335"}
    own = {**data, "other_keys-TOTAL_FORMS": "2", "other_keys-INITIAL_FORMS": "1"}
    own |= {"other_keys-0-id": str(AgentKey.objects.get(key=OLD).pk), "other_keys-0-agent": str(agent.pk), "other_keys-1-key": NEW}
    refused = admin_client.post(f"/admin/records/agent/{agent.pk}/change/", own)
    assert refused.status_code == 200 and "This is the agent&#x27;s own key" in refused.content.decode()


def _agent_form(agent: Agent, **changes: str) -> dict:
    """What the agent's change page posts, its names and other keys as they are, with ``changes``."""
    names, keys = list(agent.names.all()), list(agent.other_keys.all())
    data = {
        "key": agent.key, "name": agent.name, "kind": agent.kind,
        "names-TOTAL_FORMS": str(len(names)), "names-INITIAL_FORMS": str(len(names)),
        "other_keys-TOTAL_FORMS": str(len(keys)), "other_keys-INITIAL_FORMS": str(len(keys)),
    }  # fmt: skip
    for i, name in enumerate(names):
        data |= {f"names-{i}-id": str(name.pk), f"names-{i}-agent": str(agent.pk), f"names-{i}-name": name.name}
        data |= {f"names-{i}-from_authority": "on"} if name.from_authority else {}
    for i, key in enumerate(keys):
        data |= {f"other_keys-{i}-id": str(key.pk), f"other_keys-{i}-agent": str(agent.pk), f"other_keys-{i}-key": key.key}
    return data | changes


def test_an_agents_key_changed_in_the_admin_stays_its_other_key_and_an_ingest_links_it_there(kissinger_archive, admin_client):
    # a key changed in the admin was dropped: the next ingest of a document carrying it made a second agent of
    # the same man beside the first, without a word (a fresh curator)
    agent = Agent.objects.get(key=OLD)
    response = admin_client.post(f"/admin/records/agent/{agent.pk}/change/", _agent_form(agent, key="person:kissinger"))
    assert response.status_code == 302, response.content.decode()[:2000]
    agent.refresh_from_db()
    assert agent.key == "person:kissinger" and list(agent.other_keys.values_list("key", flat=True)) == [OLD]
    record = next(r for r in RECORDS if any(a.key == OLD for a in r.agents))
    report = ingest_records([replace(record, identifier="kissinger-copy-1")])
    assert report.added == ["kissinger-copy-1"] and Agent.objects.filter(name__in=("Henry Kissinger",)).count() == 1
    assert DocumentAgent.objects.filter(document__identifier="kissinger-copy-1", agent=agent).exists()


def test_an_agents_own_name_is_refused_as_its_other_name(kissinger_archive, admin_client):
    # the admin saved an agent's own name as another name of it; ingest never stores one, so the archive's
    # export, ingested into a fresh archive, exported back otherwise (a fresh curator)
    agent = Agent.objects.get(key=NEW)
    posted = _agent_form(agent)
    at = int(posted["names-TOTAL_FORMS"])
    posted |= {"names-TOTAL_FORMS": str(at + 1), f"names-{at}-name": agent.name, f"names-{at}-agent": str(agent.pk)}
    refused = admin_client.post(f"/admin/records/agent/{agent.pk}/change/", posted)
    assert refused.status_code == 200 and "This is the agent&#x27;s own name" in refused.content.decode()
    assert not agent.names.filter(name=agent.name).exists()


def test_an_agents_key_changed_back_is_its_own_alone_and_its_names_are_checked_against_its_new_name(kissinger_archive, admin_client):
    # a key changed and changed back was left among the agent's other keys too, and every later save of the
    # agent was refused ("This is the agent's own key"); a name was checked against the agent's stored name, so
    # renaming it to X and entering X as another name was saved, and entering the old name was refused (a fresh user)
    agent = Agent.objects.get(key=OLD)
    url = f"/admin/records/agent/{agent.pk}/change/"
    assert admin_client.post(url, _agent_form(agent, key="person:kissinger")).status_code == 302
    agent.refresh_from_db()
    assert admin_client.post(url, _agent_form(agent, key=OLD)).status_code == 302
    agent.refresh_from_db()
    assert agent.key == OLD and sorted(agent.other_keys.values_list("key", flat=True)) == ["person:kissinger"]
    assert admin_client.post(url, _agent_form(agent)).status_code == 302  # saved again, unchanged
    old_name = agent.name
    posted = _agent_form(agent, name="H. Kissinger")
    at = int(posted["names-TOTAL_FORMS"])
    refused = admin_client.post(url, posted | {"names-TOTAL_FORMS": str(at + 1), f"names-{at}-name": "H. Kissinger", f"names-{at}-agent": str(agent.pk)})
    assert refused.status_code == 200 and "This is the agent&#x27;s own name" in refused.content.decode()
    kept = admin_client.post(url, posted | {"names-TOTAL_FORMS": str(at + 1), f"names-{at}-name": old_name, f"names-{at}-agent": str(agent.pk)})
    assert kept.status_code == 302, kept.content.decode()[:2000]
    agent.refresh_from_db()
    assert agent.name == "H. Kissinger" and old_name in agent.names.values_list("name", flat=True)
    # renamed back to a name it has as another: that one is its own alone
    assert admin_client.post(url, _agent_form(agent, name=old_name)).status_code == 302
    agent.refresh_from_db()
    assert agent.name == old_name and old_name not in agent.names.values_list("name", flat=True)
