"""More like this, on the real FRUS sample volume (44 documents)."""

from __future__ import annotations

import re

import pytest

from legation.ingest.readers.tei_frus import read_frus_volume
from legation.search.service import more_like_this
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def pubdip(make_index):
    records = list(read_frus_volume(FIXTURES / "frus" / "frus1917-72PubDip.xml"))
    return {r.identifier: r for r in records}, make_index(records)


def words(record) -> set[str]:
    return set(re.findall(r"[a-z]{4,}", (record.title + " " + record.texts[0].body).lower()))


def test_related_documents_share_the_documents_salient_words(pubdip):
    records, index = pubdip
    related = more_like_this("frus1917-72PubDip-d8", index=index)
    assert 1 <= len(related) <= 5
    assert "frus1917-72PubDip-d8" not in [h.identifier for h in related]
    # d8 is Creel's letter about the censorship of propaganda films; the best match is about films too.
    best = records[related[0].identifier]
    assert {"film", "films"} & words(best)
    assert len(words(records["frus1917-72PubDip-d8"]) & words(best)) >= 20


def test_unknown_document_has_no_related(pubdip):
    assert more_like_this("no-such-document", index=pubdip[1]) == []
