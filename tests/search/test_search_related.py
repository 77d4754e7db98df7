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


def test_a_german_letter_among_many_english_texts_is_like_letters_on_its_subject(make_index):
    # A German text's "und", "der", "die" are in few documents of a mostly English archive, so
    # they passed MoreLikeThis's cut of words in more than a tenth of the archive, and German
    # letters of any age came out "like" each other (a fresh user saw 1574 Ottoman deeds offered
    # for a 1990 Swiss telegram on German reunification). Measured against the documents in its
    # language, they are cut. Archive: the Dodis letters of 1989-90 (German, French, English),
    # the QhoD letters of 1570-1720 (German and Ottoman), and 3,000 English paragraphs of demo
    # FRUS volumes as documents of their own.
    from legation.ingest.readers import files_to_read, read_file
    from legation.records.document_record import DocumentRecord, TextRecord
    from tests.conftest import shared_data

    folders = [shared_data(f) for f in ("dodis-when-the-wall-came-down/tei", "qhod-habsburg-ottoman-diplomacy/tei/sema", "qhod-habsburg-ottoman-diplomacy/tei/vipa")]
    letters = [r for path in files_to_read(folders, None, []) for r in read_file(path) if isinstance(r, DocumentRecord)]
    volumes = sorted((FIXTURES.parents[1] / "data" / "demo" / "frus").glob("*.xml.gz"))[:2]
    paragraphs = [p for v in volumes for r in read_frus_volume(v) for p in r.texts[0].body.split("\n\n") if len(p) > 200][:3000]
    english = [DocumentRecord(identifier=f"p-{n}", title="Paragraph", texts=[TextRecord(body=p)]).validate() for n, p in enumerate(paragraphs)]
    german = sorted(r.identifier for r in letters if r.identifier.startswith("dodis") and r.texts and r.texts[0].language == "de")
    assert len(german) >= 5 and len(english) == 3000 and len(letters) < len(english) / 10
    index = make_index(letters + english)
    for identifier in german[:5]:
        related = [h.identifier for h in more_like_this(identifier, index=index)]
        assert related and sum(i.startswith("dodis") for i in related) >= len(related) - 1, (identifier, related)
