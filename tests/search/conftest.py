"""Fixtures for search tests: the seed archive (ten real 1949–50 records) as raw rows, as records
and as a temporary index."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from legation.records.document_record import DocumentRecord
from legation.search.indexer import SearchIndex

SEED = Path(__file__).parents[1] / "fixtures" / "seed" / "sino-soviet-1949-1950.jsonl"


def seed_rows() -> list[dict]:
    """The fixture lines as plain dicts: tests compute expected values from these by hand."""
    return [json.loads(line) for line in SEED.read_text().splitlines() if line.strip()]


def seed_records() -> list[DocumentRecord]:
    return [DocumentRecord.from_dict(row).validate() for row in seed_rows()]


@pytest.fixture(scope="session")
def make_records() -> Callable[[], list[DocumentRecord]]:
    """Fresh, validated records of the seed archive on each call."""
    return seed_records


@pytest.fixture(scope="session")
def make_index(tmp_path_factory: pytest.TempPathFactory) -> Callable[[list[DocumentRecord]], SearchIndex]:
    """Build a committed index of the given records in a new temporary folder."""

    def build(records: list[DocumentRecord]) -> SearchIndex:
        index = SearchIndex(tmp_path_factory.mktemp("index"))
        index.upsert(records)
        index.commit()
        return index

    return build


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return seed_rows()


def searchable_text(row: dict) -> str:
    """Lowercased text of a row's default-searched fields (title, agent names, summary, texts,
    source note, subjects, collection titles), computed without the search code."""
    parts = [row["title"], row["summary"], row["source_note"], *row["subjects"]]
    parts += [n for a in row["agents"] for n in (a["name"], *a["names"])]
    parts += [c["title"] for c in row["collections"]]
    parts += [t["body"] for t in row["texts"]] + [f["text"] for t in row["texts"] for f in t["footnotes"]]
    return " ".join(parts).lower()


@pytest.fixture(scope="module")
def searchable() -> Callable[[dict], str]:
    return searchable_text


@pytest.fixture(scope="module")
def seed_index(make_index) -> SearchIndex:
    """A read-only index of the ten seed records, shared by a test module."""
    return make_index(seed_records())


@pytest.fixture(scope="session")
def demo_volumes(make_index) -> Callable[..., SearchIndex]:
    """The index of demo FRUS volumes (``data/demo/frus/<key>.xml.gz``, real documents), built once
    per set of volumes for the whole session: ``demo_volumes("frus1949v07p1")``."""
    from legation.ingest.readers.tei_frus import read_frus_volume
    from tests.conftest import REPO

    built: dict[tuple[str, ...], SearchIndex] = {}

    def index_of(*keys: str) -> SearchIndex:
        if keys not in built:
            built[keys] = make_index([r for key in keys for r in read_frus_volume(REPO / "data" / "demo" / "frus" / f"{key}.xml.gz")])
        return built[keys]

    return index_of
