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


def test_paging_through_reranked_hits_repeats_and_skips_nothing(make_index):
    # 70 documents with both words: every fifth has them side by side. The bonus re-ranks the best
    # RESCORE_WINDOW (50) hits; pages that straddle the window's end must still join up.
    from legation.search.service import RESCORE_WINDOW

    records = []
    for n in range(70):
        filler = " ".join(["report"] * (n % 9))  # vary the length, so base scores differ
        body = f"Port Arthur talks {filler}." if n % 5 == 0 else f"The port was busy {filler}. Arthur waited."
        records.append(record(f"doc-{n:02d}", body))
    index = make_index(records)
    total = search(SearchRequest(q="Port Arthur", page_size=1), index).total
    assert total == 70 > RESCORE_WINDOW
    seen = []
    for page in range(1, 12):
        seen += [h.identifier for h in search(SearchRequest(q="Port Arthur", page=page, page_size=7), index).hits]
    assert len(seen) == 70 and set(seen) == {r.identifier for r in records}
    # the ten with the words together are ranked first
    assert {int(i[-2:]) % 5 for i in seen[:10]} == {0}
    first = search(SearchRequest(q="Port Arthur", page_size=10), index).hits
    assert [h.identifier for h in first] == seen[:10]
