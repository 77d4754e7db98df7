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
