"""JSON shapes of the API (for the OpenAPI description) and their builders.

Hits and facets are the search service's own dataclasses, so the API cannot drift from them;
a hit's page is ``/documents/{identifier}``.
"""

from __future__ import annotations

from typing import Literal

import msgspec
from ninja import Schema
from pydantic import Field

from legation.api.errors import CODES
from legation.search.service import MAX_FACET_VALUES, MAX_HISTOGRAM_YEARS, FacetResult, FacetValue, FacetValues, Hit, SearchResult, YearCount


class SearchOut(Schema):
    total: int
    page: int
    page_size: int
    start: int
    end: int
    notice: str = Field(
        description="What to know of the answer, in sentences for people (\"\" when there is none): how the query was read when "
        "not as written, why nothing matched, names searched in other forms, and a `page` past the last page of results, "
        "naming the last (`Page 24 is past the last page of results, page 3: ask for page=3.`)."
    )
    hits: list[Hit]
    facets: list[FacetResult]
    years: list[YearCount]
    undated: int
    years_approximate: bool
    years_left_out: list[YearCount] = Field(
        description="Dated matches the histogram (`years`) leaves out, each year with its count, earliest first (`[]` when it "
        f"leaves none out): a stray date, a year more than {MAX_HISTOGRAM_YEARS} years from every other holding one match, is "
        "left off so as not to squeeze the other years into a corner (estimated, as `years`, when `years_approximate`). "
        "Search with `start_date` and `end_date` set to such a year for its documents."
    )
    did_you_mean: str
    did_you_mean_outside: bool = Field(
        False,
        description="`did_you_mean` finds documents only outside the filters and dates asked for (`q=Kissingr&year=1949`: "
        "Kissinger, in no document of 1949): search it without them.",
    )
    explained: bool = Field(
        description="Nothing matched (`total` 0) and `notice` says why: the query has no words to search for, its words match only "
        "outside the filters or dates, two date ranges every match must meet do not overlap, or a field, language, document or "
        "FRUS volume it names matches nothing. Show the notice "
        "rather than general advice (try fewer words), which would contradict it."
    )


class FacetValuesOut(Schema):
    """Values of one facet among the matches of a search, the most frequent first (the year's in
    its own order), with what a client needs to tell whether the list is whole: ``truncated``
    says values are missing, ``matching_values`` and ``distinct_values`` say how many and why."""

    name: str
    label: str
    values: list[FacetValue]
    approximate: bool = Field(description="The counts are estimates from a random sample of the matches (there are very many).")
    distinct_values: int = Field(
        description=f"How many distinct values of the facet were counted among the matches: at most {MAX_FACET_VALUES:,}, "
        f"the most frequent. At {MAX_FACET_VALUES:,} there may be rarer values, which are neither counted nor found by `contains`."
    )
    matching_values: int = Field(
        description="How many of the values counted contain `contains` (all of them without it); `values` lists the `limit` most frequent."
    )
    truncated: bool = Field(
        description=f"`values` may not hold every value: more than `limit` matched (`matching_values` > `limit`), or "
        f"`distinct_values` reached {MAX_FACET_VALUES:,}. Raise `limit` (up to {MAX_FACET_VALUES:,}), narrow by `contains`, "
        "or narrow the search to see the others."
    )


def facet_values_json(found: FacetValues, limit: int) -> FacetValuesOut:
    """The answer from the facet's values ``found`` with ``contains`` (up to :data:`MAX_FACET_VALUES`,
    :func:`~legation.search.service.facet_values` with ``count_all``): the ``limit`` most frequent,
    in the list's order, and every selected value, as the search's facets list them (one no match
    has with 0, which is no value matching)."""
    matching = [v for v in found.values if v.count or not v.selected]
    listed = {v.value for v in sorted(matching, key=lambda v: (-v.count, v.value))[:limit]} | {v.value for v in found.values if v.selected}
    distinct = found.distinct_values if found.distinct_values is not None else len(matching)
    return FacetValuesOut(
        name=found.name,
        label=found.label,
        values=[v for v in found.values if v.value in listed],
        approximate=found.approximate,
        distinct_values=distinct,
        matching_values=len(matching),
        truncated=len(matching) > limit or distinct >= MAX_FACET_VALUES,
    )


class EndpointOut(Schema):
    path: str = Field(description="The endpoint's address, a path parameter in braces (`/api/facets/{name}`).")
    summary: str = Field(description="What it answers, as the OpenAPI description sums it up.")


class IndexOut(Schema):
    """The API's own address: what it is, its endpoints, and where its description is."""

    title: str
    version: str
    openapi: str = Field(description="The address of the OpenAPI description of every endpoint, its parameters and answers.")
    docs: str = Field(description="The address of the description to read and try in a browser (Swagger UI).")
    endpoints: list[EndpointOut] = Field(description="Every other endpoint, in the description's order.")


class ErrorBody(Schema):
    status: int = Field(description="The HTTP status of the answer.")
    code: Literal[tuple(CODES)] = Field(description="The kind of mistake, one code per kind: see the table in the API's description.")  # type: ignore[valid-type]
    message: str = Field(description="What was wrong and what to do, in words for people.")


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
        "years_left_out": result.years_left_out,
        "did_you_mean": result.did_you_mean,
        "did_you_mean_outside": result.did_you_mean_outside,
        "explained": result.explained,
    })
