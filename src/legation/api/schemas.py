"""JSON shapes of the API (for the OpenAPI description) and their builders.

Hits and facets are the search service's own dataclasses, so the API cannot drift from them;
a hit's page is ``/documents/{identifier}``.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

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
    did_you_mean: str


class ErrorBody(Schema):
    status: int
    code: str
    message: str


class ErrorOut(Schema):
    error: ErrorBody


def search_result_json(result: SearchResult) -> dict[str, Any]:
    """The :class:`SearchOut` dict of a search result (also what ``legation search --json`` prints)."""
    return {
        "total": result.total,
        "page": result.page,
        "page_size": result.page_size,
        "start": result.start,
        "end": result.end,
        "notice": result.notice,
        "hits": [asdict(hit) for hit in result.hits],
        "facets": [asdict(facet) for facet in result.facets],
        "years": [asdict(y) for y in result.years],
        "undated": result.undated,
        "did_you_mean": result.did_you_mean,
    }
