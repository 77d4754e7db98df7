"""Did you mean: misspelt words corrected from the vocabulary of the real FRUS sample volume."""

from __future__ import annotations

import pytest

from legation.ingest.readers.tei_frus import read_frus_volume
from legation.search.service import RELAXED_NOTICE, SearchRequest, search
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def pubdip(make_index):
    records = list(read_frus_volume(FIXTURES / "frus" / "frus1917-72PubDip.xml"))
    return records, make_index(records)


def documents_with(records, word: str) -> int:
    return sum(1 for r in records if word in (r.title + " " + r.texts[0].body).lower())


def test_a_misspelt_word_gets_the_archives_spelling(pubdip):
    records, index = pubdip
    assert documents_with(records, "propoganda") == 0 and documents_with(records, "propaganda") >= 10
    result = search(SearchRequest(q="propoganda films"), index)
    assert result.did_you_mean == "propaganda films"
    assert result.notice == RELAXED_NOTICE  # as typed, no document has both words
    corrected = search(SearchRequest(q=result.did_you_mean, page_size=100), index)
    both = {r.identifier for r in records if "propaganda" in (r.title + " " + r.texts[0].body).lower() and "films" in r.texts[0].body.lower()}
    assert corrected.notice == "" and corrected.did_you_mean == ""
    assert both and both <= {h.identifier for h in corrected.hits}


def test_no_suggestion_for_words_the_archive_knows_or_for_operators(pubdip):
    _, index = pubdip
    assert search(SearchRequest(q="propaganda"), index).did_you_mean == ""
    assert search(SearchRequest(q="title:propoganda"), index).did_you_mean == ""
    assert search(SearchRequest(q="qzxv"), index).did_you_mean == ""


def test_swapped_letters_count_as_one_edit_and_case_is_kept(pubdip):
    _, index = pubdip
    assert search(SearchRequest(q="Propoganda flims"), index).did_you_mean == "Propaganda films"
