"""A spelling of an agent that a later ingest brings finds the documents stored before it (real FRUS volumes)."""

from __future__ import annotations

from legation.ingest.readers.tei_frus import read_frus_volume
from legation.records.document_record import DocumentRecord
from legation.search.follower import follow_once
from legation.search.service import SearchRequest, search
from tests.conftest import REPO, ingested_archive

FRUS = REPO / "data" / "demo" / "frus"


def _found(q: str) -> set[str]:
    return {h.identifier for page in range(1, 10) for h in search(SearchRequest(q=q, page=page, page_size=100)).hits}


def test_a_name_a_later_volume_gives_a_person_finds_his_documents_of_earlier_volumes(db) -> None:
    # FRUS 1951 vol. VII part 2 names Karl L. Rankin "Rankin, Karl L."; 1955-57 vol. III adds "K. L.
    # Rankin" (his initials): "K. L. Rankin" found his 1955-57 documents alone until a reindex, as
    # the 1951 ones were indexed with the names he had then (47 of 102 documents of the three volumes)
    from legation.ingest.service import ingest_records

    earlier = [r for r in read_frus_volume(FRUS / "frus1951v07p2.xml.gz") if isinstance(r, DocumentRecord)]
    later = [r for r in read_frus_volume(FRUS / "frus1955-57v03.xml.gz") if isinstance(r, DocumentRecord)]
    his = {r.identifier for r in earlier if any(a.key == "person:karl-l-rankin" for a in r.agents)}
    assert his and not any("K. L. Rankin" in a.names for r in earlier for a in r.agents if a.key == "person:karl-l-rankin")
    assert any("K. L. Rankin" in a.names for r in later for a in r.agents if a.key == "person:karl-l-rankin")
    for _ in ingested_archive(earlier):
        assert not his <= _found('"K. L. Rankin"')  # those whose texts write it alone
        report = ingest_records(later)
        assert not report.failed
        follow_once()
        assert his <= _found('"K. L. Rankin"')
        # a spelling of words his names wrote already finds nothing new: his documents are not read again
        again = ingest_records([r for r in later if any(a.key == "person:karl-l-rankin" for a in r.agents)][:1])
        assert not again.failed and not again.updated
