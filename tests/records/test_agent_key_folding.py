"""Agent keys keep every letter of a Latin name: ``Władysław Gomułka`` is ``person:wladyslaw-gomulka``,
no longer ``person:wadysaw-gomuka`` (ł has no ASCII decomposition, so it was dropped). An archive keyed
so before keeps its agents: the next ingest renames them in place, keeping the old key as another key.

Real data: the Polish row of ``tests/fixtures/csv/windows-1250.csv`` (sender ``Gomułka, Władysław``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legation.ingest.readers import read_file
from legation.ingest.readers.jsonl import read_jsonl
from legation.ingest.slugs import slug, stable_slug
from legation.ingest.service import ingest_records
from legation.records.models import Agent, AgentKey, ChangeLogEntry, Document
from legation.records.serialize import load_records
from tests.conftest import FIXTURES

POLISH = FIXTURES / "csv" / "windows-1250.csv"
NEW, OLD = "person:wladyslaw-gomulka", "person:wadysaw-gomuka"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Władysław Gomułka", "wladyslaw-gomulka"),
        ("Milovan Đilas", "milovan-dilas"),
        ("Søren Kierkegaard", "soren-kierkegaard"),
        ("Ærø Amt", "aero-amt"),
        ("Œuvre de Saint-Ouen", "oeuvre-de-saint-ouen"),
        ("Gustav Straßmann", "gustav-strassmann"),
        ("Þórarinn", "thorarinn"),
        ("Işık", "isik"),
        ("Chou En-lai", "chou-en-lai"),  # as before
        ("Björkman", "bjorkman"),
    ],
)
def test_letters_without_an_ascii_decomposition_are_folded(name: str, key: str):
    assert slug(name) == key


def test_addresses_keep_the_slug_they_had():
    assert stable_slug("Władysław Gomułka") == "wadysaw-gomuka"


def _polish_row():
    return [r for r in read_file(POLISH) if getattr(r, "identifier", "") == "pl-1"]


@pytest.mark.django_db
def test_a_polish_sender_is_keyed_with_every_letter():
    report = ingest_records(_polish_row())
    assert report.added == ["pl-1"] and not report.failed
    assert list(Agent.objects.values_list("key", "name")) == [(NEW, "Władysław Gomułka")]


@pytest.fixture
def archive_keyed_before(db, monkeypatch: pytest.MonkeyPatch):
    """The Polish row ingested as Legation keyed names before (letters without decomposition dropped)."""
    import legation.ingest.mappings as mappings

    with monkeypatch.context() as patched:
        patched.setattr(mappings, "slug", stable_slug)
        report = ingest_records(_polish_row())
    assert report.added == ["pl-1"] and list(Agent.objects.values_list("key", flat=True)) == [OLD]
    return report


def test_an_archive_keyed_before_re_ingests_unchanged_with_one_agent_renamed(archive_keyed_before):
    before = ChangeLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
    report = ingest_records(_polish_row())
    assert report.unchanged == ["pl-1"] and report.added == report.updated == [] and report.conflicts == [] and report.curated == []
    assert list(Agent.objects.values_list("key", "name")) == [(NEW, "Władysław Gomułka")]
    assert list(AgentKey.objects.values_list("key", "agent__key")) == [(OLD, NEW)]
    assert [a.key for a in list(load_records(["pl-1"]))[0].agents] == [NEW]
    assert list(ChangeLogEntry.objects.filter(seq__gt=before).values_list("document_identifier", "operation")) == [("pl-1", "upsert")]
    again = ingest_records(_polish_row())
    assert again.unchanged == ["pl-1"] and Agent.objects.count() == 1 and AgentKey.objects.count() == 1


def test_an_export_made_before_still_finds_the_agent_by_its_old_key(archive_keyed_before, tmp_path: Path):
    exported = tmp_path / "before.jsonl"
    exported.write_text(json.dumps(list(load_records(["pl-1"]))[0].to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    assert json.loads(exported.read_text(encoding="utf-8"))["agents"][0]["key"] == OLD
    ingest_records(_polish_row())  # renamed
    report = ingest_records(read_jsonl(exported))
    assert report.unchanged == ["pl-1"] and Agent.objects.count() == 1


def test_a_dry_run_renames_nothing(archive_keyed_before):
    report = ingest_records(_polish_row(), dry_run=True)
    assert report.unchanged == ["pl-1"]
    assert list(Agent.objects.values_list("key", flat=True)) == [OLD] and not AgentKey.objects.exists()


def test_the_admin_finds_the_agent_by_its_old_key(archive_keyed_before, admin_client):
    ingest_records(_polish_row())
    page = admin_client.get("/admin/records/agent/", {"q": OLD}).content.decode()
    assert "Władysław Gomułka" in page and f"/admin/records/agent/{Agent.objects.get(key=NEW).pk}/change/" in page, page[-3000:]
    assert Document.objects.filter(agent_links__agent__key=NEW).count() == 1
