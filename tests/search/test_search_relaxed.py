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


def test_a_facets_own_page_counts_the_documents_the_fallback_shows(demo_volumes):
    # "All type values…" of a search falling back to documents with most of its words said "No value
    # of this facet among the results": the facet's page counted the documents with every word
    # (none). It counts those the search shows, as the search's own facets do (found by a fresh user).
    from legation.search.service import facet_values

    index = demo_volumes("frus1949v07p1", "frus1949v07p2")
    request = SearchRequest(q="Zhou Enlai treaty Moscow xylophone")
    result = search(request, index)
    assert RELAXED_NOTICE in result.notice and result.total > 20
    for facet in result.facets:
        page = facet_values(request, facet.name, limit=500, index=index)
        shown = {(v.value, v.count) for v in facet.values}
        assert shown and shown <= {(v.value, v.count) for v in page.values}, facet.name
    # a value of the facet chosen: the facet counted without it, the fallback decided with it (as the search does)
    chosen = SearchRequest(q="Zhou Enlai treaty Moscow xylophone", filters={"type": ["Telegram"]})
    result = search(chosen, index)
    assert RELAXED_NOTICE in result.notice and result.total > 0
    shown = {(v.value, v.count) for f in result.facets if f.name == "type" for v in f.values}
    assert ("Telegram", result.total) in shown and shown <= {(v.value, v.count) for v in facet_values(chosen, "type", limit=500, index=index).values}
    # the words matching without the dates chosen: no fallback, and no value (the search shows none)
    import datetime as dt

    dated = SearchRequest(q="Moscow", start_date=dt.date(1930, 1, 1), end_date=dt.date(1930, 12, 31))
    assert search(dated, index).total == 0 and facet_values(dated, "type", index=index).values == []


def test_the_fallback_in_date_order_does_not_say_those_with_most_words_come_first(seed_index):
    from legation.search.service import RELAXED_SORTED_NOTICE

    for sort in ("date_asc", "date_desc"):
        result = search(SearchRequest(q="Liu walrus", sort=sort), seed_index)
        assert result.total and result.notice == RELAXED_SORTED_NOTICE
