"""Hostile files are refused without harm, and the rest of the batch goes on."""

from __future__ import annotations

import resource
import shutil
from pathlib import Path

import pytest

from legation.ingest.readers import read_file
from legation.ingest.service import ingest_records
from legation.records.models import Document
from tests.conftest import FIXTURES

BOMB = FIXTURES / "hostile" / "entity-bomb.xml"


def test_entity_expansion_bomb_is_refused_naming_the_file():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    (item,) = list(read_file(BOMB))
    assert item.path == str(BOMB) and "entity" in item.message.lower()
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 200_000, "parsing the bomb must not expand it in memory"


@pytest.mark.django_db
def test_a_bad_file_in_a_batch_does_not_stop_the_good_ones(tmp_path: Path):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(BOMB, folder / "a-bomb.xml")
    (folder / "b-truncated.xml").write_text((FIXTURES / "frus" / "frus1917-72PubDip.xml").read_text()[:5000])
    shutil.copy(FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl", folder / "c-seed.jsonl")
    from legation.ingest.readers import files_to_read

    items = [item for path in files_to_read([folder]) for item in read_file(path)]
    report = ingest_records(items)
    assert len(report.added) == 10 and Document.objects.count() == 10
    assert sorted(f.where.split(",")[0].rsplit("/", 1)[-1] for f in report.failed) == ["a-bomb.xml", "b-truncated.xml"]
    assert not Document.objects.filter(texts__body__contains="lollol").exists()
