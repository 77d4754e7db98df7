"""Index replicas: several `legation serve` processes share one PostgreSQL database, each keeps its
own tantivy index (LEGATION_INDEX_DIR) and follows the shared change log."""

from __future__ import annotations

import json
import time

import pytest

from tests.conftest import FIXTURES
from tests.databases import postgres_url

SEED = FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"
FRUS_SAMPLE = FIXTURES / "frus" / "frus1917-72PubDip.xml"

pytestmark = pytest.mark.skipif(
    not postgres_url(),
    reason="index replicas share one PostgreSQL database: set LEGATION_DATABASE_URL (see .ci/with-postgres)",
)


def test_a_document_ingested_through_one_node_is_searchable_on_the_other(nodes) -> None:
    seed = [json.loads(line) for line in SEED.read_text().splitlines()]
    a, b = nodes("a").with_empty_archive().start(), nodes("b").start()
    assert a.search("")["total"] == b.search("")["total"] == 0

    ingested_at = time.monotonic()
    result = a.legation("ingest", str(SEED))
    assert result.returncode == 0, result.stderr
    to_searchable = b.wait_for_total("", len(seed))
    print(f"\nnode B found the {len(seed)} documents {to_searchable:.2f} s after `legation ingest` returned "
          f"({time.monotonic() - ingested_at:.2f} s after it started)")
    a.wait_for_total("", len(seed), within=5)
    assert b.search("Sino-Soviet")["total"] == a.search("Sino-Soviet")["total"] > 0
    assert a.index_dir != b.index_dir and (b.index_dir / "meta.json").exists()

    # A restarted node resumes from its last applied seq and picks up what it missed.
    b.stop()
    before = b.last_applied_seq()
    assert before > 0
    assert a.legation("ingest", str(FRUS_SAMPLE)).returncode == 0
    b.start()
    b.wait_for_total("", 54)
    assert b.last_applied_seq() > before

    # A node started with an empty index builds it from the shared change log.
    c = nodes("c").start()
    c.wait_for_total("", 54)
    assert c.search("Sino-Soviet")["total"] == a.search("Sino-Soviet")["total"]
