"""Test set-up shared by the whole suite.

``tests/settings.py`` gives every run a fresh temporary data folder (SQLite file, search
index). ``SHARED_DATA`` is the corpora folder beside the repository;
tests that need it skip with a reason when it is absent. With ``LEGATION_DATABASE_URL`` set to
PostgreSQL the whole suite runs there; `legation` subprocesses get databases of their own
(``tests/databases.py``), dropped after each test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SHARED_DATA = REPO.parent / "shared" / "data"


def shared_data(relative: str) -> Path:
    """A file of the shared corpora, or skip the test saying what is missing."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"needs {relative} from the shared corpora folder (../shared/data), which is absent here")
    return path


def single_record(items, notes: bool = False):
    """The one DocumentRecord a reader gave for a one-document file (fails showing what it gave);
    ``notes``: beside any IngestNote of what it left out (the crafted Wilson record's translation
    given only as a PDF)."""
    from legation.errors import IngestNote
    from legation.records.document_record import DocumentRecord

    items = [i for i in items if not (notes and isinstance(i, IngestNote))]
    assert len(items) == 1 and isinstance(items[0], DocumentRecord), items
    return items[0]


@pytest.fixture(autouse=True)
def _forget_name_variants():
    """Forget the process's name-variant table after each test: it is kept 5 s (search/variants.py),
    so a test that loaded authority records (Stalin, Сталин) widened the next test's searches
    when run before it (tests/search/test_search_suggest.py then tests/api/test_api.py)."""
    yield
    from legation.search import variants

    variants.reset()


@pytest.fixture(autouse=True)
def _drop_subprocess_databases():
    """Drop the PostgreSQL databases made for a test's subprocesses (nothing on SQLite)."""
    yield
    from tests.databases import drop_databases

    drop_databases()


def ingested_archive(items):
    """Ingest ``items`` into the test database and apply them to a fresh default index (the index
    the pages and the API search), exactly as `legation ingest` does it; yields the report."""
    from legation.config import config
    from legation.ingest.service import ingest_records
    from legation.search import service
    from legation.search.follower import follow_once
    from legation.search.indexer import SearchIndex

    service._open_index.cache_clear()  # drop the open index before its folder is replaced
    SearchIndex.create_empty(config().index_dir)
    report = ingest_records(items)
    assert not report.failed
    follow_once()
    yield report
    service._open_index.cache_clear()


@pytest.fixture
def seed_archive(db):
    """The ten seed records as the archive (:func:`ingested_archive`)."""
    from legation.ingest.readers.jsonl import read_jsonl

    yield from ingested_archive(read_jsonl(FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"))


@pytest.fixture
def frus_archive(db):
    """The 44 documents of the FRUS volume in tests/fixtures/frus, real long texts, as the
    archive (:func:`ingested_archive`)."""
    from legation.ingest.readers.tei_frus import read_frus_volume

    yield from ingested_archive(read_frus_volume(FIXTURES / "frus" / "frus1917-72PubDip.xml"))


@pytest.fixture
def demo_volume_archive(db):
    """The demo archive's FRUS volume frus1949v07p1 (``data/demo/frus``: 423 real documents, December
    1948 to December 1949) as the archive (:func:`ingested_archive`)."""
    from legation.ingest.readers.tei_frus import read_frus_volume

    yield from ingested_archive(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1949v07p1.xml.gz"))
