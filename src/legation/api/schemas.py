"""JSON shapes of the API (for the OpenAPI description) and their builders.

Hits and facets are the search service's own dataclasses, so the API cannot drift from them;
a hit's page is ``/documents/{identifier}``.
"""

from __future__ import annotations

from dataclasses import is_dataclass
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
    years_approximate: bool
    did_you_mean: str


class ErrorBody(Schema):
    status: int
    code: str
    message: str


class ErrorOut(Schema):
    error: ErrorBody


def _plain(value: Any) -> Any:
    """Dataclasses as dicts and lists as lists, recursively, other values as they are. Unlike
    ``dataclasses.asdict`` it does not deep-copy every string, which cost a fifth of a search
    request's time (a page's facets hold thousands of values)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {k: v if isinstance(v, (str, int, float, bool)) else _plain(v) for k, v in vars(value).items()}
    return value


def search_result_json(result: SearchResult) -> dict[str, Any]:
    """The :class:`SearchOut` dict of a search result (also what ``legation search --json`` prints)."""
    return {
        "total": result.total,
        "page": result.page,
        "page_size": result.page_size,
        "start": result.start,
        "end": result.end,
        "notice": result.notice,
        "hits": _plain(result.hits),
        "facets": _plain(result.facets),
        "years": _plain(result.years),
        "undated": result.undated,
        "years_approximate": result.years_approximate,
        "did_you_mean": result.did_you_mean,
    }
