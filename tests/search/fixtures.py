"""Helpers shared by the search tests: the multilingual fixture and the hits of a query."""

from __future__ import annotations

import json

from legation.records.document_record import DocumentRecord
from legation.search.indexer import SearchIndex
from legation.search.service import SearchRequest, search
from tests.conftest import FIXTURES

LANGUAGE_ROWS = [json.loads(line) for line in (FIXTURES / "languages" / "languages.jsonl").read_text().splitlines() if line.strip()]


def records_of(rows: list[dict]) -> list[DocumentRecord]:
    """Validated records of Legation JSON Lines rows."""
    return [DocumentRecord.from_dict(row).validate() for row in rows]


def hit_ids(index: SearchIndex, q: str) -> set[str]:
    """Identifiers of the hits of ``q`` in ``index`` (the first 100)."""
    return {h.identifier for h in search(SearchRequest(q=q, page_size=100), index).hits}
