"""Facet filters and counts over tantivy's raw-text fast fields (``facet_<name>``).

Counts come from one terms aggregation over every match (not just the page). Measured on the
31,667 FRUS documents (2 cores): five facets over all documents take 3.3 ms p50 with raw-text fast
fields and the same with tantivy facet fields, while per-term counting (``terms_with_prefix`` with
a filter query) takes 6.7 ms; raw-text fields win on simplicity (plain string keys, plain term
filters).
"""

from __future__ import annotations

from collections.abc import Iterable

import tantivy
from tantivy import Occur, Query

from legation.search.schema import FacetField

# Terms per segment that each segment reports before merging; large enough that the top counts
# are exact in practice (tantivy reports the possible error, which we do not show).
SEGMENT_SIZE = 1000


def facet_filter(idx_schema: tantivy.Schema, facet: FacetField, values: Iterable[str]) -> Query:
    """Documents having any of ``values`` (exact strings) in ``facet``."""
    terms = [Query.term_query(idx_schema, facet.index_field, v) for v in dict.fromkeys(values)]
    return terms[0] if len(terms) == 1 else Query.boolean_query([(Occur.Should, t) for t in terms])


def top_values(
    searcher: tantivy.Searcher, query: Query, facets: Iterable[FacetField], size: int, sizes: dict[str, int] | None = None
) -> dict[str, list[tuple[str, int]]]:
    """The ``size`` most frequent values of each facet among documents matching ``query``:
    ``{facet name: [(value, count), …]}``, by count descending then value. ``sizes`` gives some
    facets another size (facet name → size), all still counted in one pass."""
    facets = list(facets)
    if not facets:
        return {}
    sizes = sizes or {}
    spec = {
        f.name: {"terms": {"field": f.index_field, "size": (n := sizes.get(f.name, size)), "segment_size": max(SEGMENT_SIZE, n * 10)}}
        for f in facets
    }
    result = searcher.aggregate(query, spec)
    return {
        name: sorted(((b["key"], int(b["doc_count"])) for b in agg["buckets"]), key=lambda kv: (-kv[1], kv[0]))
        for name, agg in result.items()
    }


def count(searcher: tantivy.Searcher, query: Query) -> int:
    """Number of documents matching ``query``."""
    return searcher.search(query, limit=1, count=True).count


def in_order(facet: FacetField, values: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """``values`` (``(value, count)``) in the order a facet list shows them: as given (by count)
    or, for an ordered facet, by value: ``1948, 1949, 1951 … Undated``."""
    if not facet.ordered:
        return values
    return sorted(values, key=lambda vc: (not vc[0].isdigit(), int(vc[0]) if vc[0].isdigit() else 0, vc[0]))
