"""The JSON API (Django Ninja): search and documents, described by OpenAPI at /api/openapi.json.

Both endpoints call the same services as the HTML pages; parameters are parsed by
:func:`legation.web.params.search_request_from`, errors come in one shape (:mod:`legation.api.errors`).
"""

from __future__ import annotations

import difflib
import os
from functools import cache, wraps
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Path, Query, Schema
from ninja.decorators import decorate_view
from pydantic import BeforeValidator, Field, ValidationInfo, WithJsonSchema, create_model, field_validator
from pydantic_core import PydanticCustomError

from legation import __version__
from legation.api import errors
from legation.printable import quoted
from legation.api.openapi import MarkdownDescriptions
from legation.api.schemas import EndpointOut, ErrorOut, FacetValuesOut, IndexOut, SearchOut, facet_values_json, search_result_json
from legation.errors import DocumentNotFound, InvalidQuery
from legation.records.document_record import DocumentRecord
from legation.records.documents import get_document, values_named
from legation.search.query import MAX_QUERY_CHARS
from legation.search.schema import FACETS, SORTS
from legation.search.service import DATE_MATCHES, MAX_CONTAINS_CHARS, MAX_FACET_VALUES, MAX_FILTER_VALUES, facet_values
from legation.search.service import search as run_search
from legation.search.suggest import Suggestion
from legation.search.suggest import suggest as run_suggest
from legation.web.cache import cached_search
from legation.web.redirects import document_redirect
from legation.web.params import MAX_PAGE, MAX_REQUEST_LINE, QUERY_BOX_MAXLENGTH, ascii_digits, is_whole_number, search_request_from, single


class LegationApi(MarkdownDescriptions):
    """The API, whose OpenAPI description names the error codes of each error answer."""

    def get_openapi_schema(self, **options: Any):
        return errors.describe_error_responses(super().get_openapi_schema(**options))


api = LegationApi(
    title="Legation API",
    version=__version__,
    description="Search and read the archive's documents. Dates are EDTF (Library of Congress Extended Date/Time Format).\n\n"
    "Each operation takes the parameters listed for it and refuses any other (400 `invalid_parameter`), but for `_`, "
    "the never-repeated value jQuery and load tests add to bypass caches, which every operation ignores.\n\n"
    'Errors come as `{"error": {"status": 400, "code": "invalid_parameter", "message": "…"}}`: the message says what '
    "was wrong and what to do; the code, one per kind of mistake, is one of:\n\n" + errors.codes_markdown(),
    urls_namespace="api",
)
errors.install(api)


# Taken and ignored by every operation, though declared by none: the cache-busting parameter jQuery's
# ajax (cache: false) and the load benchmark (benchmarks/load) add, a new value each time.
IGNORED_PARAMETERS = frozenset({"_"})


# Answers any operation may give, whatever its parameters (see errors.CODES): a request it cannot
# read or a parameter it does not take, a method other than GET or HEAD, an address or headers too
# long for the server, a failure on the server's side.
EVERY_OPERATIONS_ERRORS = (400, 405, 414, 431, 500)


def read(path: str, *, response: dict[int, Any], **options: Any):
    """Register a view for GET, and for HEAD (RFC 9110 §9.3.2: the same answer without its body,
    which the server drops). HEAD stays out of the OpenAPI description, where it would repeat
    the GET operation's operationId. Every operation documents the errors of
    :data:`EVERY_OPERATIONS_ERRORS` besides its own, and takes only the query parameters its
    description declares (:func:`checked_parameters`)."""
    response = {**response, **dict.fromkeys(EVERY_OPERATIONS_ERRORS, ErrorOut)}

    def register(view):
        decorate_view(checked_parameters(path))(view)  # outermost: before the cache and Ninja's own checks
        api.get(path, response=response, **options)(view)
        api.api_operation(["HEAD"], path, include_in_schema=False, response=response, **options)(view)
        return view

    return register


@cache
def declared_parameters(path: str) -> dict[str, bool]:
    """The query parameters the OpenAPI description declares for GET ``path`` (``/search``):
    name → whether it takes several values (an array: the filters)."""
    operation = api.get_openapi_schema()["paths"][api.get_root_path({}) + path.lstrip("/")]["get"]
    return {p["name"]: p["schema"].get("type") == "array" for p in operation.get("parameters", []) if p["in"] == "query"}


def checked_parameters(path: str):
    """A view decorator refusing, with 400 ``invalid_parameter``, a query parameter the operation at
    ``path`` does not declare (a misspelt ``sort_order`` or ``types`` would otherwise be dropped
    silently, and the answer look like one to the question asked; so do JSON:API and Stripe) and a
    single-valued one given more than once (:func:`~legation.web.params.single`, as on the pages).
    :data:`IGNORED_PARAMETERS` pass."""

    def decorator(run):
        @wraps(run)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            declared, given = declared_parameters(path), _query(request)
            try:
                for name in given:
                    if name in IGNORED_PARAMETERS:
                        continue
                    if name not in declared:
                        raise InvalidQuery(unknown_parameter(name, path, declared))
                    if not declared[name]:
                        single(given, name)
            except InvalidQuery as exc:
                return api.on_exception(request, exc)
            return run(request, *args, **kwargs)

        return checked

    return decorator


# The names other search APIs give what a parameter here does (Solr's rows and start, Elasticsearch's
# size and from, GitHub's per_page and sort/order, Datasette's _size and _sort, Django REST framework's
# search, offset and ordering …), written without _ and -, each with the parameters here it may
# mean, likeliest first: an operation's refusal names those it takes (per_page is page_size on the
# search, limit on the list of a facet's values). from and to are the sender and the recipient,
# as in the query language (from:Kennan); start may be a position or the start of a date range.
OTHER_APIS_NAMES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("perpage", "size", "rows", "limit", "count", "resultsperpage", "maxresults"), ("page_size", "limit")),
    **dict.fromkeys(("offset", "skip"), ("page",)),
    "start": ("page", "start_date"),
    "end": ("end_date",),
    # a range's ends as search APIs and catalogues name them (since, until: GitHub, OAI-PMH's from/until)
    **dict.fromkeys(("since", "after", "begin", "datefrom", "fromdate", "datestart", "mindate", "startyear", "fromyear", "yearfrom"), ("start_date",)),
    **dict.fromkeys(("until", "before", "dateto", "todate", "dateend", "maxdate", "endyear", "toyear", "yearto"), ("end_date",)),
    **dict.fromkeys(("date", "dates", "daterange", "period"), ("start_date", "end_date")),
    **dict.fromkeys(("query", "search", "text", "keywords", "keyword", "terms", "term"), ("q",)),
    **dict.fromkeys(("sortby", "order", "orderby", "ordering"), ("sort",)),
    **dict.fromkeys(("lang", "lng", "locale"), ("language",)),
    **dict.fromkeys(("from", "author"), ("sender",)),
    **dict.fromkeys(("to", "addressee"), ("recipient",)),
}


def unknown_parameter(name: str, path: str, declared: dict[str, bool]) -> str:
    """What to say of a parameter ``name`` that the operation at ``path`` does not take."""
    typed = name.lower()
    # another API's name for one (per_page, from: OTHER_APIS_NAMES), else the parameter written
    # otherwise (pageSize, page-size), else the one the name starts with (sort_order, types), else
    # one spelt almost alike (limt), else one of the same stem (containing, as the facet page's box
    # sends it, for contains)
    bare = typed.replace("_", "").replace("-", "")
    close = (
        [d for d in OTHER_APIS_NAMES.get(bare, ()) if d in declared]
        or [d for d in declared if d.replace("_", "") == bare][:1]
        or sorted((d for d in declared if typed.startswith(d)), key=len)[-1:]
        or difflib.get_close_matches(typed, declared, n=1, cutoff=0.8)
        or [d for d in declared if len(os.path.commonprefix([typed, d])) >= max(5, len(d) - 2)][:1]
    )
    guess = f" (did you mean {' or '.join(close)}?)" if close else ""
    takes = ", ".join(declared) or "no parameters"
    return f"There is no parameter {quoted(name)}{guess}; {api.get_root_path({})}{path.lstrip('/')} takes {takes}. See /api/openapi.json."


_sorts = ", ".join(s.name for s in SORTS)
# The search reads no more of a query than MAX_QUERY_CHARS, so a longer q is refused (400) rather
# than cut; the request line must fit gunicorn's limit too (a CJK character takes 9 bytes of it).
_Q_HELP = (
    'Query: words, "phrases", OR, NOT, -word, prefix*, field:value, field:(a OR b), date:1949-12..1950-02 (or date:"22 Dec 1949", date:1950s), page:287..290 (printed pages), '
    "FRUS citations as pasted from a footnote (Foreign Relations, 1955–1957, vol. II, Document 117 or p. 290). "
    f"At most {MAX_QUERY_CHARS:,} characters (a longer q is refused with 400); the whole request line, percent-encoded, "
    f"must also fit in {MAX_REQUEST_LINE:,} bytes (else 414): {QUERY_BOX_MAXLENGTH:,} characters of q in any script leave room "
    "for a few other parameters (a Chinese, Japanese or Korean character takes 9 bytes percent-encoded)."
)
# What the OpenAPI description says each value must be. The values are checked by the search
# service (legation.search.service.validate and the date parsing of legation.web.params), whose
# messages say what to write; the description only publishes those rules (json_schema_extra, not
# constraints Pydantic would check first with its own messages). Rules across parameters (a start
# after the end, a page past the first MAX_RESULT_WINDOW results) and a day a month lacks
# (1950-02-30) are refused too, though no schema can say so.
_DATE_PATTERN = r"^((?!0000)\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$"  # no year 0: ISO 8601's 1 BC
_SEARCH_FIELDS: dict[str, Any] = {
    "q": (str, Field("", max_length=MAX_QUERY_CHARS, description=_Q_HELP)),
    "start_date": (str, Field("", description="Earliest day of the range: YYYY, YYYY-MM or YYYY-MM-DD, a day the calendar has (not 1950-02-30).", json_schema_extra={"pattern": _DATE_PATTERN})),
    "end_date": (str, Field("", description="Latest day of the range: YYYY, YYYY-MM or YYYY-MM-DD, a day the calendar has (not 1950-02-30).", json_schema_extra={"pattern": _DATE_PATTERN})),
    "date_match": (
        str,
        Field(
            "overlap",
            description="overlap: the document's date range overlaps the range given; within: lies wholly inside it "
            "(empty, as a form's field sends it: overlap).",
            json_schema_extra={"enum": [*DATE_MATCHES, ""]},
        ),
    ),
    "sort": (str, Field("relevance", description=f"One of: {_sorts} (empty: relevance).", json_schema_extra={"enum": [*(s.name for s in SORTS), ""]})),
    **{
        f.name: (
            list[str],
            Field(
                default_factory=list,
                description=f"Filter by {f.label.lower()} (repeat for OR, up to {MAX_FILTER_VALUES} values other than the same "
                "again; an empty value is no filter)" + (f": {f.value_help}." if f.value_help else "."),
                json_schema_extra={
                    "maxItems": MAX_FILTER_VALUES,
                    **({"items": {"type": "string", "pattern": f"^(?:{f.value_pattern}|)$"}} if f.value_pattern else {}),
                },
            ),
        )
        for f in FACETS
    },
}


def _blank_is_default(cls, value: Any, info: ValidationInfo) -> Any:
    """``page=`` (an empty form field) means the default, as on the HTML page."""
    return cls.model_fields[info.field_name].default if value == "" else value


def _digits_alone(value: Any) -> Any:
    """A number given as text is its digits alone, of any script (:func:`is_whole_number`): Pydantic reads ``2_0``
    as 20 and ``2.0`` as 2. Refused as Pydantic refuses ``abc``, so the message is the same."""
    if isinstance(value, str) and not is_whole_number(value):
        raise PydanticCustomError("int_parsing", "Input should be a valid integer, unable to parse string as an integer")
    return ascii_digits(value) if isinstance(value, str) else value  # ２ as the HTML page reads it


WholeNumber = Annotated[int, BeforeValidator(_digits_alone)]


SearchParams = create_model(
    "SearchParams",
    __base__=Schema,
    __validators__={"blank_is_default": field_validator("page", "page_size", mode="before")(_blank_is_default)},
    **_SEARCH_FIELDS,
    page=(WholeNumber, Field(1, ge=1, le=MAX_PAGE, description=f"Page number, 1 to {MAX_PAGE:,} (empty, as a form's field sends it: 1).")),
    page_size=(WholeNumber, Field(10, ge=1, le=100, description="Hits per page, 1 to 100 (empty: 10).")),
)
_FACET_NAME_HELP = "The facet: " + ", ".join(f"`{f.name}`" for f in FACETS) + " (another name is answered 404 `not_found`)."
# The facet names, published as the path parameter's enum, but not checked by Ninja: another name
# is answered 404 by the search service, naming the facets (a Literal would make it a 400).
FacetName = Annotated[str, WithJsonSchema({"type": "string", "enum": [f.name for f in FACETS]})]
FACET_VALUES_LISTED = 200  # the facet values an answer lists unless `limit` says otherwise
FacetParams = create_model(
    "FacetParams",
    __base__=Schema,
    __validators__={"blank_is_default": field_validator("limit", mode="before")(_blank_is_default)},
    **_SEARCH_FIELDS,
    # its limit checked by the search service, which says it as the facet page does (maxLength here documents it)
    contains=(
        str,
        Field(
            "",
            description=f"Only values containing this text (case-insensitive), at most {MAX_CONTAINS_CHARS:,} characters.",
            json_schema_extra={"maxLength": MAX_CONTAINS_CHARS},
        ),
    ),
    limit=(WholeNumber, Field(FACET_VALUES_LISTED, ge=1, le=MAX_FACET_VALUES, description=f"Most values to list, 1 to {MAX_FACET_VALUES:,}.")),
)


def _query(request: HttpRequest, *leave_out: str) -> dict[str, list[str]]:
    """The query string as lists of values. The declared parameters document the API and check
    types; values are read from here by the same function as the HTML page's, so both treat
    repeated values alike."""
    return {key: request.GET.getlist(key) for key in request.GET if key not in leave_out}


@read("/", response={200: IndexOut}, summary="The API's endpoints")
def index(request: HttpRequest) -> IndexOut:
    """The API's own address (`/api/`, where `/api` redirects): its endpoints, each with its
    summary, and the addresses of its OpenAPI description and of the page to read and try it
    (Swagger UI), so that the address of the API leads somewhere. An address under it that is
    no endpoint is answered 404 `not_found`."""
    return _index()


@cache
def _index() -> IndexOut:
    """:func:`index`'s answer, from the OpenAPI description (read once: the endpoints do not change
    while the server runs)."""
    own = api.get_root_path({})
    endpoints = [
        EndpointOut(path=path, summary=operations["get"]["summary"])
        for path, operations in api.get_openapi_schema()["paths"].items()
        if path != own and "get" in operations
    ]
    return IndexOut(
        title=api.title,
        version=api.version,
        openapi=reverse("api:openapi-json"),
        docs=reverse("api:openapi-view"),
        endpoints=endpoints,
    )


@read("/search", response={200: SearchOut, 400: ErrorOut, 503: ErrorOut}, summary="Search documents")
@decorate_view(cached_search)
def search(request: HttpRequest, params: Query[SearchParams]) -> HttpResponse:  # type: ignore[valid-type]
    """Hits for a query with facet counts over all matches, a date range (overlap), sort and paging.
    A ``page`` past the last has no hits, and ``notice`` says which page is the last."""
    result = run_search(search_request_from(_query(request)))
    result.notice = result.notice_asking(f"page={result.last_page}")
    return _json(search_result_json(result))


def _json(body: bytes) -> HttpResponse:
    """A JSON answer, not checked against the declared response schema first: the search
    service's own dataclasses make it, and that check took 0.8 ms of a search request's 9
    (tests/api hold the answers to the OpenAPI description)."""
    return HttpResponse(body, content_type=errors.JSON_CONTENT_TYPE)


@read("/documents/{identifier}", response={200: DocumentRecord, 404: ErrorOut}, summary="One document")
def document(request: HttpRequest, identifier: str) -> DocumentRecord:
    """The full record of one document, in the Legation JSON Lines form. An identifier that
    differs from a document's only by trailing punctuation (`frus1949v07p1-d1.`) is answered 301
    (an address with a trailing slash, as any under /api/, redirects 301 to the one without it first), and one that matches a single document's in another case 302, to that
    document's address (a JSON body names it); any other is 404 `not_found`."""
    try:
        return get_document(identifier)
    except DocumentNotFound:
        response = document_redirect(identifier, "api:document")
        if response is None:
            raise
        return response


@read("/suggest", response={200: list[Suggestion], 400: ErrorOut}, summary="Autocomplete names and titles")
def suggest(
    request: HttpRequest,
    q: str = Query(
        "",
        max_length=MAX_QUERY_CHARS,
        description="What the user has typed in the search box so far (2 characters or more, or one Han, kana or Hangul character; "
        f"at most {MAX_QUERY_CHARS:,}, as for a search): names and places complete its last term, titles the whole of it.",
    ),
    limit: WholeNumber = Query(8, ge=1, le=20, description="Most suggestions to return."),
) -> list[Suggestion]:
    """Each suggestion says what choosing it gives (:class:`Suggestion`): for a name or place, the
    search it puts in the box and how many documents that search finds; for a title, its document,
    or, for a title several documents hold, the search of their titles (``title:"Memorandum of
    Conversation"``) and their count.
    Names of senders and recipients (preferred names and variants) and places documents were sent
    from complete the last term of what is typed, what comes before it kept: ``treaty Zho``
    suggests Chou En-lai with the ``query`` ``treaty "Chou En-lai"``, the whole new box, and the
    count of what it finds. The longest run of trailing words is tried first (``treaty Port Ar``:
    ``Port Ar``, then ``Ar``); the opening ``"`` of an unclosed phrase is dropped (``"Zho``; names
    that begin with a quotation mark are tried with it first); a ``-`` before the term is kept
    (``-"Chou En-lai"``), and a field of names (``from:``, ``to:``, ``sender:``, ``recipient:``,
    ``names:``) or ``place:`` before it too, which then takes only names, or places. Document
    titles follow, the whole text as the beginning of a title, completing ``q``."""
    return run_suggest(q, limit)


@read("/facets/{name}", response={200: FacetValuesOut, 400: ErrorOut, 404: ErrorOut, 503: ErrorOut}, summary="All values of one facet")
@decorate_view(cached_search)
def facet(
    request: HttpRequest,
    params: Query[FacetParams],  # type: ignore[valid-type]
    name: FacetName = Path(..., description=_FACET_NAME_HELP),
) -> FacetValuesOut:
    """Values of facet ``name`` among the matches of the search the other parameters give, narrowed
    by ``contains`` (case-insensitive): the ``limit`` most frequent, and whether others were left
    out (``truncated``). Paging has no meaning here: ``page`` and ``page_size`` are refused, as any
    parameter not listed (``limit`` says how many values to list).
    A name that is no facet's is answered 404 ``not_found``, naming the facets."""
    search_request = search_request_from(_query(request, "contains", "limit"))
    found = facet_values(search_request, name, contains=params.contains, limit=MAX_FACET_VALUES, count_all=True, named=values_named(name, params.contains))
    return facet_values_json(found, params.limit)
