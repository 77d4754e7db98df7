"""When no document has every word, plain-word queries show documents with some of them."""

from __future__ import annotations

from legation.search.service import RELAXED_NOTICE, SearchRequest, search


def has(row: dict, word: str) -> bool:
    text = " ".join([row["title"], row["summary"], *(a["name"] for a in row["agents"]), *(c["title"] for c in row["collections"])])
    return word.lower() in text.lower()


def test_words_that_no_document_has_together_fall_back_to_any_of_them(seed_index, rows):
    result = search(SearchRequest(q="Liu walrus", page_size=100), seed_index)
    assert result.notice == RELAXED_NOTICE
    assert sorted(h.identifier for h in result.hits) == sorted(r["identifier"] for r in rows if has(r, "Liu"))


def test_documents_with_more_of_the_words_rank_first(seed_index, rows):
    result = search(SearchRequest(q="Zhou Stalin walrus", page_size=100), seed_index)
    both = {r["identifier"] for r in rows if has(r, "Zhou") and has(r, "Stalin")}
    assert both and {h.identifier for h in result.hits[: len(both)]} == both


def test_queries_with_operators_are_taken_as_written(seed_index):
    for q in ("Liu AND walrus", "Liu -Mao walrus", '"Liu walrus"', "title:walrus Liu"):
        result = search(SearchRequest(q=q), seed_index)
        assert result.notice != RELAXED_NOTICE
    assert search(SearchRequest(q="Liu walrus zebra"), seed_index).total > 0
    assert search(SearchRequest(q="walrus zebra"), seed_index).total == 0


def test_no_relaxing_when_the_words_match_but_the_dates_do_not(seed_index):
    import datetime as dt

    result = search(SearchRequest(q="Liu", start_date=dt.date(1948, 1, 1), end_date=dt.date(1948, 12, 31)), seed_index)
    assert result.total == 0 and result.notice != RELAXED_NOTICE
