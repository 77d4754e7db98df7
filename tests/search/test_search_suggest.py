"""Suggestions for the search box (search/suggest.py) on a real demo volume, with the demo's
authority records: what each suggestion says it gives is what choosing it gives."""

from __future__ import annotations

from legation.ingest.readers.tei_frus import read_frus_volume
from tests.conftest import REPO
from tests.search.fixtures import naming

VOLUME = REPO / "data" / "demo" / "frus" / "frus1969-76ve13.xml.gz"  # China, 1969–1972
CHOU = ("Chou En-lai", "Zhou Enlai", "Chou En-Lai", "周恩来")  # data/demo/authorities.jsonl, line 1


def test_a_names_count_is_what_choosing_it_finds(client, db):
    """/api/suggest?q=chou counted the documents naming Chou En-lai as sender or recipient (3 in
    the demo archive, 2 in this volume), while choosing it searches "Chou En-lai", which finds
    every document naming him in any of his forms (536 in the demo archive, 86 here)."""
    from legation.records.authorities import load_authorities
    from legation.search.follower import follow_once
    from legation.search.service import SearchRequest, search
    from tests.conftest import ingested_archive

    records = list(read_frus_volume(VOLUME))
    archive = ingested_archive(records)
    next(archive)
    load_authorities(REPO / "data" / "demo" / "authorities.jsonl")
    follow_once()
    finds = naming(records, *CHOU)
    as_sender_or_recipient = [r.identifier for r in records if any(a.role in ("sender", "recipient") and a.name in CHOU for a in r.agents)]
    assert (len(finds), len(as_sender_or_recipient)) == (86, 2)

    body = client.get("/api/suggest", {"q": "chou"}).json()
    chou = next(s for s in body if s["kind"] == "name" and s["text"] == "Chou En-lai")
    assert chou == {"kind": "name", "text": "Chou En-lai", "identifier": "", "documents": len(finds), "query": '"Chou En-lai"'}
    for item in body:  # every name's count is its search's total, and the names come by it
        if item["kind"] != "title":
            assert item["documents"] == search(SearchRequest(q=item["query"])).total, item
    counts = [s["documents"] for s in body if s["kind"] == "name"]
    assert counts == sorted(counts, reverse=True)
    titles = [s for s in body if s["kind"] == "title"]
    assert titles and all(s["query"] == "" and s["documents"] == 1 and s["identifier"] for s in titles)
    next(archive, None)
