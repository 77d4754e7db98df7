"""The seed fixture matches its source, ../shared/data/seed/sino-soviet-1949-1950.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SOURCE = Path(__file__).parents[2].parent / "shared" / "data" / "seed" / "sino-soviet-1949-1950.json"


@pytest.mark.shared_data
@pytest.mark.skipif(not SOURCE.exists(), reason=f"{SOURCE} is absent")
def test_fixture_matches_the_source(rows) -> None:
    source = json.loads(SOURCE.read_text())["documents"]
    assert len(rows) == len(source) == 10
    for row, doc in zip(rows, source, strict=True):
        assert row["identifier"] == f"seed-sino-soviet-{doc['n']:02d}"
        assert (row["title"], row["document_type"], row["date_edtf"], row["date_text"]) == (
            doc["title"], doc["type"], doc["date"], doc["date"],
        )
        assert row["summary"] == (doc["summary"] or "")
        assert [a["name"] for a in row["agents"] if a["role"] == "sender"] == doc["from"]
        assert [a["name"] for a in row["agents"] if a["role"] == "recipient"] == doc["to"]
        assert row["texts"] == []
