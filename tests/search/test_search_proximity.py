"""Words typed together rank documents where they stand together first."""

from __future__ import annotations

from legation.records.document_record import DocumentRecord, TextRecord
from legation.search.service import SearchRequest, search


def record(identifier: str, body: str) -> DocumentRecord:
    return DocumentRecord(identifier=identifier, title="Telegram", texts=[TextRecord(body=body)]).validate()


def test_adjacent_words_outrank_the_same_words_apart(make_index):
    index = make_index(
        [
            # Both words, more often, but apart (as Admiral Arthur Radford and a port in FRUS).
            record("apart", "The port was closed. Admiral Arthur Radford spoke of the port, and Arthur left by the port gate."),
            record("together", "The Soviet forces at Port Arthur will withdraw under the agreement of February 1950."),
        ]
    )
    hits = search(SearchRequest(q="Port Arthur"), index).hits
    assert [h.identifier for h in hits] == ["together", "apart"]
    by_date = search(SearchRequest(q="Port Arthur", sort="date_asc"), index).hits
    assert {h.identifier for h in by_date} == {"together", "apart"}  # the bonus never filters
