"""Facet counts over very many matches are estimated on a sample of the documents
(legation.search.facets.sample_for). The thresholds are lowered so the ten seed records cross them;
expected counts are computed from the fixture rows with plain Python and the sample bucket of
each identifier."""

from __future__ import annotations

import hashlib
import math
from collections import Counter

import pytest

from legation.search import facets
from legation.search.schema import SAMPLE_BUCKETS, sample_bucket
from legation.search.service import SearchRequest, facet_values, search


def _names(row: dict, role: str) -> list[str]:
    return [a["name"] for a in row["agents"] if a["role"] == role]


def _estimate(counter: Counter, buckets: int) -> dict[str, int]:
    return {value: round(n * SAMPLE_BUCKETS / buckets) for value, n in counter.items()}


@pytest.fixture
def low_thresholds(monkeypatch) -> int:
    """Sample above 4 matches, aiming at 5: for the 10 seed records, the first 128 buckets."""
    monkeypatch.setattr(facets, "SAMPLE_ABOVE", 4)
    monkeypatch.setattr(facets, "SAMPLE_TARGET", 5)
    return math.ceil(SAMPLE_BUCKETS * 5 / 10)


def test_sample_bucket_is_a_stable_hash_of_the_identifier() -> None:
    # BLAKE2b with a 2-byte digest, big-endian, modulo 256: fixed, so every process and release agrees.
    assert sample_bucket("seed-sino-soviet-01") == sample_bucket("seed-sino-soviet-01")
    assert [sample_bucket(f"frus1969-76v17d{n}") for n in range(3)] == [
        int.from_bytes(hashlib.blake2b(f"frus1969-76v17d{n}".encode(), digest_size=2).digest(), "big") % 256
        for n in range(3)
    ]
    # Identifiers of one series (as archives number them) spread evenly: the first 16 buckets
    # hold 1/16 of 20,000 of them, within four standard deviations (± 0.7 %).
    share = sum(sample_bucket(f"frus1969-76v17d{n}") < 16 for n in range(20_000)) / 20_000
    assert abs(share - 1 / 16) < 4 * math.sqrt((1 / 16) * (15 / 16) / 20_000)


def test_small_result_sets_are_counted_exactly(seed_index, rows) -> None:
    result = search(SearchRequest(page_size=1), seed_index)
    assert not result.years_approximate
    assert not any(f.approximate for f in result.facets)
    assert {v.value: v.count for v in result.facets[0].values} == Counter(r["document_type"] for r in rows)


def test_many_matches_count_facets_on_the_sample(seed_index, rows, low_thresholds) -> None:
    buckets = low_thresholds
    in_sample = [r for r in rows if sample_bucket(r["identifier"]) < buckets]
    assert 0 < len(in_sample) < len(rows)  # the fixture's sample is a real subset
    result = search(SearchRequest(page_size=1), seed_index)
    assert result.total == len(rows)  # the total stays exact
    assert all(f.approximate for f in result.facets) and result.years_approximate
    by_name = {f.name: {v.value: v.count for v in f.values} for f in result.facets}
    assert by_name["type"] == _estimate(Counter(r["document_type"] for r in in_sample), buckets)
    assert by_name["sender"] == _estimate(Counter(n for r in in_sample for n in _names(r, "sender")), buckets)
    assert by_name["year"] == _estimate(Counter(r["date_edtf"][:4] for r in in_sample), buckets)
    histogram = {y.year: y.count for y in result.years if y.count}
    assert histogram == {int(y): n for y, n in _estimate(Counter(r["date_edtf"][:4] for r in in_sample), buckets).items()}


def test_a_selected_value_outside_the_sample_is_counted_exactly(seed_index, rows, low_thresholds) -> None:
    buckets = low_thresholds
    outside = [r for r in rows if sample_bucket(r["identifier"]) >= buckets]
    # a recipient only documents outside the sample have
    sampled_recipients = {n for r in rows if sample_bucket(r["identifier"]) < buckets for n in _names(r, "recipient")}
    unseen = sorted({n for r in outside for n in _names(r, "recipient")} - sampled_recipients)
    assert unseen, "the fixture should have a recipient seen only outside the sample"
    name = unseen[0]
    result = search(SearchRequest(filters={"recipient": [name]}, page_size=1), seed_index)
    recipient = next(f for f in result.facets if f.name == "recipient")
    exact = sum(name in _names(r, "recipient") for r in rows)
    assert {v.value: v.count for v in recipient.values if v.selected} == {name: exact}


def test_facet_page_says_its_counts_are_estimates(seed_index, rows, low_thresholds) -> None:
    buckets = low_thresholds
    result = facet_values(SearchRequest(), "type", index=seed_index)
    in_sample = [r for r in rows if sample_bucket(r["identifier"]) < buckets]
    assert result.approximate
    assert {v.value: v.count for v in result.values} == _estimate(Counter(r["document_type"] for r in in_sample), buckets)


def test_a_value_outside_a_segments_top_terms_still_counts_its_documents(tmp_path, monkeypatch) -> None:
    """Each index segment reports its top terms only; a value outside them lost that segment's
    documents from its count (the demo's unfiltered page said 47 for a sender with 48). Segment 1
    holds eleven senders twice each and X once, so X is 12th there; segment 2 holds X five times."""
    from tantivy import Query

    from legation.records.document_record import AgentRef, DocumentRecord
    from legation.search.indexer import SearchIndex
    from legation.search.schema import FACETS_BY_NAME

    def letters(prefix: str, senders: list[str]) -> list[DocumentRecord]:
        return [
            DocumentRecord(identifier=f"{prefix}-{i}", title=f"Letter {i}", agents=[AgentRef(key=f"person:{s.lower()}", name=s)]).validate()
            for i, s in enumerate(senders)
        ]

    index = SearchIndex(tmp_path / "index")
    index.upsert(letters("a", [s for s in "ABCDEFGHIJK" for _ in range(2)] + ["X"]))
    index.commit()
    index.upsert(letters("b", ["X"] * 5))
    index.commit()
    searcher, sender = index.searcher(), FACETS_BY_NAME["sender"]
    monkeypatch.setattr(facets, "SEGMENT_SIZE", 1)  # not used: exact counts ask each segment for all its terms
    assert facets.top_values(searcher, Query.all_query(), [sender], size=1) == {"sender": [("X", 6)]}
    # What the exact count guards against shows only while the two segments stand apart; tantivy's
    # merge policy may join them in the background (a CI run saw one segment, X counted 6 either way).
    if searcher.num_segments == 2:
        monkeypatch.setattr(facets, "EXACT_SEGMENT_SIZE", 10)  # each segment's top 10 only: segment 1's X is lost
        assert facets.top_values(searcher, Query.all_query(), [sender], size=1) == {"sender": [("X", 5)]}


@pytest.mark.parametrize(
    "q",
    [
        "Mao",
        "Mao Stalin treaty",
        '"Soviet Union"',
        '"trade agreement" OR Zhou',
        "treaty -Moscow",
        "treaty NOT (Stalin OR Zhou)",
        "Sino*",
        "Sino-Sov*",
        "Zhou En-lai",
        "title:cable OR summary:talks",
        "treaty date:1950",
        "date:1949..1950",
        "(Mao OR Stalin) Moscow -telegram",
    ],
)
def test_the_sample_sought_word_by_word_holds_the_same_documents_as_the_whole_query(seed_index, low_thresholds, q) -> None:
    # Facets over very many matches count the words' query with the sample ANDed to each phrase
    # (query.to_tantivy's ``within``) as well as to the whole query: the same documents must match.
    from legation.search import service

    searcher = seed_index.searcher()
    words = service.text_query(SearchRequest(q=q), seed_index, searcher, None)
    sample = facets.sample_for(seed_index.schema, 6)  # 214 of the 256 buckets
    assert sample is not None and words.query is not None

    def matched(query) -> set[tuple[int, int]]:
        return {(a.segment_ord, a.doc) for _, a in searcher.search(query, limit=100).hits}

    whole = matched(sample.restrict(words.query))
    assert whole  # the query matches documents of the sample
    for relaxed in (False, True):
        pushed = service._words_in(words.node, relaxed, seed_index.schema, searcher, sample)
        if relaxed and pushed is None:
            continue  # no most-words form for OR, NOT, fields or dates
        expected = whole if not relaxed else matched(sample.restrict(service.user_query.most_words_query(words.node, seed_index.schema, searcher)))
        assert matched(sample.restrict(pushed)) == expected  # facets.top_values restricts to the sample


def test_the_sample_leaves_out_matches_of_the_queries_above(seed_index, low_thresholds) -> None:
    # The test above compares real subsets: the sample leaves out some matches of most queries.
    from legation.search import service

    searcher = seed_index.searcher()
    sample = facets.sample_for(seed_index.schema, 6)
    smaller = 0
    for q in ["Mao", "Mao Stalin treaty", "Sino*", "treaty -Moscow", "title:cable OR summary:talks"]:
        query = service.text_query(SearchRequest(q=q), seed_index, searcher, None).query
        smaller += facets.count(searcher, sample.restrict(query)) < facets.count(searcher, query)
    assert smaller >= 3


def test_a_pilot_sample_decides_without_counting_every_match(seed_index, rows, monkeypatch) -> None:
    """In a large archive the facets' own thread does not know the total: it estimates it from the
    matches in a pilot sample (facets.sample_of), and counts the facets of every match when the
    estimate is near the threshold, never the matches themselves. Lowered: a pilot of the first 128
    buckets (about half the seed records)."""
    from tantivy import Query

    monkeypatch.setattr(facets, "PILOT_BUCKETS", 128)
    monkeypatch.setattr(facets, "PILOT_MATCHES", 0.5)
    monkeypatch.setattr(facets, "SAMPLE_TARGET", 2)
    counted = []
    real_count = facets.count
    monkeypatch.setattr(facets, "count", lambda searcher, query: counted.append(query) or real_count(searcher, query))
    searcher, every = seed_index.searcher(), Query.all_query()
    in_pilot = sum(sample_bucket(r["identifier"]) < 128 for r in rows)
    estimate = in_pilot * SAMPLE_BUCKETS // 128
    assert 2 < estimate != len(rows)  # the pilot's estimate is not the total: which one was used shows

    monkeypatch.setattr(facets, "SAMPLE_ABOVE", 1)  # far below the estimate: sampled, on the estimate alone
    sample = facets.sample_of(searcher, seed_index.schema, every)
    assert len(counted) == 1  # the pilot, not every match
    assert sample is not None and sample.buckets == math.ceil(SAMPLE_BUCKETS * 2 / estimate)

    for near in (estimate, math.ceil(estimate / (1 + facets.PILOT_MARGIN))):  # on the threshold, within the margin above it
        counted.clear()
        monkeypatch.setattr(facets, "SAMPLE_ABOVE", near)
        assert facets.sample_of(searcher, seed_index.schema, every) is None  # every match's facets counted
        assert len(counted) == 1  # on the pilot alone: the matches are not counted to decide
    counted.clear()
    monkeypatch.setattr(facets, "SAMPLE_ABOVE", math.floor(estimate / (1 + facets.PILOT_MARGIN)) - 1)  # past the margin: sampled
    assert facets.sample_of(searcher, seed_index.schema, every) is not None and len(counted) == 1

    counted.clear()
    known = facets.sample_of(searcher, seed_index.schema, every, matches=len(rows))
    assert known is not None and known.buckets == facets.sample_for(seed_index.schema, len(rows)).buckets
    assert counted == []  # a known number of matches is used as it is
    monkeypatch.setattr(facets, "SAMPLE_ABOVE", len(rows))  # an archive no larger than the threshold asks nothing
    assert facets.sample_of(searcher, seed_index.schema, every) is None and counted == []


@pytest.mark.parametrize("typed", ["1964-1968", "1964–1968", "1964—1968", "1964\u22121968"])
def test_a_facets_values_are_sought_with_any_dash_for_any_other(demo_volumes, typed):
    # the volumes' titles write "1964–1968" (an en dash): contains=1964-1968 found none of them, while
    # search and suggest read the dashes alike (a fresh user of the API)
    from legation.search.service import SearchRequest, facet_values

    index = demo_volumes("frus1964-68v30", "frus1961-63v22")
    found = [v.value for v in facet_values(SearchRequest(), "collection", contains=typed, index=index).values]
    assert len(found) == 1 and found[0].startswith("Foreign Relations of the United States, 1964–1968, Volume XXX")


def test_a_collections_key_finds_it_among_the_facets_values(demo_volumes):
    # /api/facets/collection?contains=frus1955 found nothing, while collection=frus1955-57v02 selects the
    # volume and collection:frus1955-57v02 searches it (a fresh user); the keys are the database's
    # (records.documents.values_named, tested in tests/api), here given
    from legation.search.service import SearchRequest, facet_values

    index = demo_volumes("frus1964-68v30", "frus1955-57v02")
    china = "Foreign Relations of the United States, 1955–1957, China, Volume II"
    found = facet_values(SearchRequest(), "collection", contains="FRUS1955-57V02", index=index, named={china})
    assert [v.value for v in found.values] == [china] and found.values[0].count == 324
    assert facet_values(SearchRequest(), "collection", contains="FRUS1955-57V02", index=index).values == []
    # a value named that the matches do not hold is not listed
    assert facet_values(SearchRequest(q="collection:frus1964-68v30"), "collection", contains="frus1955", index=index, named={china}).values == []


@pytest.mark.parametrize("q", ["Mao", "Mao Stalin treaty", '"Sino-Soviet treaty"', "treaty -Moscow", "Zhou En-lai", "???"])
def test_the_pilot_seeks_its_sample_phrase_by_phrase_and_finds_the_same_documents(seed_index, rows, monkeypatch, q) -> None:
    """The facets' thread estimates the matches from a pilot sample sought inside each phrase, as the
    facets are then counted (facets.sample_of's ``within``, service._words_in): the estimate is the
    one of the pilot ANDed with the whole query, and a query with nothing to seek ("???") finds
    nothing in the pilot either, nor counts any facet value."""
    from legation.search import service

    monkeypatch.setattr(facets, "PILOT_BUCKETS", 128)
    monkeypatch.setattr(facets, "PILOT_MATCHES", 0.5)
    monkeypatch.setattr(facets, "SAMPLE_TARGET", 2)
    monkeypatch.setattr(facets, "SAMPLE_ABOVE", 1)
    searcher = seed_index.searcher()
    words = service.text_query(SearchRequest(q=q), seed_index, searcher, None)
    query = service.combine(words.query, [])
    estimates = []
    real_count = facets.count
    monkeypatch.setattr(facets, "count", lambda searcher, query: estimates.append(real_count(searcher, query)) or estimates[-1])
    plain = facets.sample_of(searcher, seed_index.schema, query)
    facet_results, years, undated, _, sample = service.facets_and_years(searcher, seed_index.schema, words.query, words.node, {}, {})
    assert len(estimates) == 2 and estimates[0] == estimates[1]  # the pilot, ANDed whole and sought phrase by phrase
    assert (sample is None) == (plain is None) and (sample is None or sample.buckets == plain.buckets)
    found = facets.count(searcher, query)
    one = facet_values(SearchRequest(q=q), facet_results[0].name, index=seed_index)  # a facet's own page asks the pilot alike
    if found == 0:  # "???": nothing to seek, nothing counted
        assert all(not f.values or all(v.count == 0 for v in f.values) for f in facet_results) and not years and undated == 0
        assert all(v.count == 0 for v in one.values)
    else:
        assert one.values
