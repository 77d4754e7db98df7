"""Facet values are counted by their numbers (``facet_<name>_id``, legation.search.schema.value_id)
and named from the values counted before (legation.search.facets.VALUE_NAMES); a value not named
yet is counted by its string. Expected counts are computed from the records of a real FRUS demo
volume with plain Python."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest
from tantivy import Query

from legation.search import facets, schema
from legation.search.schema import value_id

VOLUME = "frus1949v07p1"


@pytest.fixture
def volume(demo_volumes):
    return demo_volumes(VOLUME)


@pytest.fixture
def records():
    from legation.ingest.readers.tei_frus import read_frus_volume
    from tests.conftest import REPO

    return list(read_frus_volume(REPO / "data" / "demo" / "frus" / f"{VOLUME}.xml.gz"))


@pytest.fixture
def no_names_yet(monkeypatch) -> facets.ValueNames:
    """A process that has counted nothing yet."""
    fresh = facets.ValueNames()
    monkeypatch.setattr(facets, "VALUE_NAMES", fresh)
    return fresh


def _reader_order(counts: Counter) -> list[tuple[str, int]]:
    """Most frequent first, ties as a reader orders names: ignoring case and accents, then as written."""

    def plain(value: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", value.casefold()) if not unicodedata.combining(c))

    return sorted(counts.items(), key=lambda kv: (-kv[1], plain(kv[0]), kv[0]))


def _expected(records, facet: str, size: int, having: str | None = None) -> list[tuple[str, int]]:
    field = schema.FACETS_BY_NAME[facet]
    counts = Counter(v for r in records if having is None or having in field.values(r) for v in dict.fromkeys(field.values(r)))
    return _reader_order(counts)[:size]


def test_counts_by_number_are_the_counts_of_the_records(volume, records, no_names_yet) -> None:
    searcher = volume.searcher()
    names = ("sender", "recipient", "place", "type", "year")
    cold = facets.top_values(searcher, Query.all_query(), [schema.FACETS_BY_NAME[n] for n in names], 10)
    warm = facets.top_values(searcher, Query.all_query(), [schema.FACETS_BY_NAME[n] for n in names], 10)
    for name in names:
        assert cold[name] == warm[name] == _expected(records, name, 10), name
    # within a filter: the places of the documents sent by the volume's most frequent sender
    sender = _expected(records, "sender", 1)[0][0]
    within = facets.facet_filter(volume.schema, schema.FACETS_BY_NAME["sender"], [sender])
    counted = facets.top_values(searcher, within, [schema.FACETS_BY_NAME["place"]], 5)["place"]
    place_field = schema.FACETS_BY_NAME["place"]
    sender_field = schema.FACETS_BY_NAME["sender"]
    expected = Counter(p for r in records if sender in sender_field.values(r) for p in dict.fromkeys(place_field.values(r)))
    assert counted == _reader_order(expected)[:5]


def test_a_count_reads_the_strings_only_for_values_not_named_yet(volume, no_names_yet, monkeypatch) -> None:
    searcher = volume.searcher()
    sender = [schema.FACETS_BY_NAME["sender"]]
    first = facets.top_values(searcher, Query.all_query(), sender, 10)
    assert all(no_names_yet.get(value_id(v)) == v for v, _ in first["sender"])

    def no_strings(*args, **kwargs):
        raise AssertionError("counted by strings although every value shown is named")

    monkeypatch.setattr(facets, "text_top_values", no_strings)
    assert facets.top_values(searcher, Query.all_query(), sender, 10) == first


def test_ties_at_the_last_value_shown_are_cut_in_a_readers_order(volume, records, no_names_yet, monkeypatch) -> None:
    # the volume's recipients: find a list length whose last value ties with the next
    counts = [n for _, n in _expected(records, "recipient", 1000)]
    size = next(i for i in range(1, len(counts)) if counts[i - 1] == counts[i] and counts.count(counts[i]) > 2)
    recipient = [schema.FACETS_BY_NAME["recipient"]]
    expected = _expected(records, "recipient", size)
    assert facets.top_values(volume.searcher(), Query.all_query(), recipient, size)["recipient"] == expected
    # a tie running past the values asked for beyond the list (TIE_MARGIN): counted by strings, same list
    monkeypatch.setattr(facets, "TIE_MARGIN", 1)
    assert facets.top_values(volume.searcher(), Query.all_query(), recipient, size)["recipient"] == expected


def test_value_numbers_of_the_demo_volumes_are_distinct() -> None:
    from legation.ingest.readers.tei_frus import read_frus_volume
    from tests.conftest import REPO

    values = {v for path in sorted((REPO / "data" / "demo" / "frus").glob("*.xml.gz")) for r in read_frus_volume(path) for f in schema.FACETS for v in f.values(r)}
    assert len(values) > 500
    assert len({value_id(v) for v in values}) == len(values)
    assert all(0 <= value_id(v) < 2**63 for v in values)


def test_values_counted_alike_come_in_a_readers_order() -> None:
    # Code points put capitals before small letters and accented letters after z: "All Diplomatic Posts"
    # came before "All Diplomatic and Consular Posts" (FRUS circulars), "Zeynep Şahin" before "Ömer Ünlü".
    values = [("All Diplomatic Posts", 3), ("Zeynep Şahin", 3), ("All Diplomatic and Consular Posts", 3), ("Ömer Ünlü", 3), ("Dean Rusk", 5)]
    assert [v for v, _ in facets.by_count(values)] == [
        "Dean Rusk", "All Diplomatic and Consular Posts", "All Diplomatic Posts", "Ömer Ünlü", "Zeynep Şahin"
    ]
    # a facet shown by labels orders its ties by them: English, German, Ottoman Turkish (not by code: de, en, ota)
    language = schema.FACETS_BY_NAME["language"]
    assert [v for v, _ in facets.in_order(language, [("ota", 2), ("de", 2), ("en", 2), ("fr", 7)])] == ["fr", "en", "de", "ota"]
