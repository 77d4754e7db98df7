"""One JSON error shape for the API: ``{"error": {"status": 400, "code": "invalid_parameter", "message": "…"}}``.

:data:`CODES` lists every code an error can carry, one per kind of mistake, with its status and
when it is answered; the OpenAPI description publishes that table (:func:`codes_markdown`).
Legation's exceptions map to a code in one table, :data:`ERRORS`.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from legation.errors import DocumentNotFound, InvalidQuery, UnknownFacet, database_down
from legation.search.indexer import IndexOutdated
from legation.search.query import MAX_QUERY_CHARS
from legation.search.service import MAX_RESULT_WINDOW
from legation.web.params import MAX_HEADER_BYTES, MAX_HEADERS, MAX_REQUEST_LINE

# code → (HTTP status, when it is answered). The search service's refusals once came as
# "invalid_query" and Ninja's as "invalid_parameter", for the same mistake: both are the latter now.
CODES: dict[str, tuple[int, str]] = {
    "invalid_parameter": (
        400,
        "A parameter the endpoint does not take (its parameters are listed here; a misspelt one is refused rather than "
        "dropped), one that takes a single value given twice (`sort=date_asc&sort=date_desc`), or a value not accepted: "
        f"not a whole number, out of its range or longer than its limit (`q` over "
        f"{MAX_QUERY_CHARS:,} characters), an unknown `sort` or `date_match`, a `start_date` or `end_date` that is not "
        f"YYYY, YYYY-MM or YYYY-MM-DD or a start after the end, a `year` that is no year, too many values of one filter, "
        f"a page past the first {MAX_RESULT_WINDOW:,} results. "
        "The message names the parameter and what it takes. The text of `q` is never refused: a query whose syntax "
        "cannot be read is searched as plain words, a field's value that cannot be read (`date:1950-13`) is left out "
        "and the rest read as written, and the answer's `notice` says what was wrong.",
    ),
    "bad_request": (400, "The request could not be read: a host name not served, too many parameters, a malformed request."),
    "not_found": (404, "No such endpoint, document (`/api/documents/{identifier}`) or facet (`/api/facets/{name}`)."),
    "method_not_allowed": (405, "A method other than GET or HEAD: the API only reads. The `Allow` header lists them."),
    "uri_too_long": (
        414,
        f"The request line is longer than the server reads ({MAX_REQUEST_LINE:,} bytes, percent-encoded): send a shorter `q` or fewer filters.",
    ),
    "header_fields_too_large": (
        431,
        f"The request's headers are larger than the server reads (a header over {MAX_HEADER_BYTES:,} bytes, or more than "
        f"{MAX_HEADERS:,} headers), most often a large Cookie header: the API needs no cookies, send none.",
    ),
    "server_error": (500, "Something failed on the server's side; it is logged. Try again in a moment."),
    "record_unreadable": (
        500,
        "A value stored for the record asked for is not UTF-8 text (another program wrote it into the database): it "
        "cannot be read until the archive's administrator corrects it, which the server's log says how to do.",
    ),
    "database_unavailable": (
        503,
        "The archive's database cannot be reached just now (it is restarting, or out of reach); nothing was changed. "
        "Try again in a minute (the `Retry-After` header says when).",
    ),
    "index_outdated": (
        503,
        "The search index was built by another version of Legation: search is unavailable until it is rebuilt "
        "(`legation reindex`). Try again later.",
    ),
}
ERRORS: dict[type[Exception], str] = {
    InvalidQuery: "invalid_parameter",
    UnknownFacet: "not_found",
    DocumentNotFound: "not_found",
    Http404: "not_found",
    IndexOutdated: "index_outdated",
}


def codes_markdown() -> str:
    """:data:`CODES` as a Markdown table, for the OpenAPI description."""
    rows = "".join(f"| `{code}` | {status} | {when} |\n" for code, (status, when) in CODES.items())
    return f"| code | status | when |\n|---|---|---|\n{rows}"


def status_description(status: int) -> str:
    """What an error answer of ``status`` is, for its place in the OpenAPI description: the
    HTTP reason and the codes of :data:`CODES` it carries (``Method Not Allowed: `method_not_allowed`…``)."""
    codes = [f"`{code}`" for code, (s, _) in CODES.items() if s == status]
    return f"{HTTPStatus(status).phrase}: the error {' or '.join(codes)} (see the table of codes in the API's description)."


def describe_error_responses(schema: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI ``schema`` with each operation's error answers described by
    :func:`status_description` (Ninja gives the bare HTTP reason)."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            answers = operation.get("responses", {})
            for status, answer in answers.items():
                if str(status).isdigit() and int(status) >= 400:
                    answer["description"] = status_description(int(status))
            operation["responses"] = dict(sorted(answers.items()))
    return schema


def code_for_status(status: int) -> str:
    """The code of an error known only by its HTTP status (Ninja's :class:`HttpError`): the first
    of :data:`CODES` with that status, else ``bad_request`` or ``server_error`` by its class."""
    return next((code for code, (s, _) in CODES.items() if s == status), "server_error" if status >= 500 else "bad_request")


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """The one error shape, for every answer below: Ninja's, Django's and gunicorn's (the 414 and 431 of
    :mod:`legation.serving`)."""
    return {"error": {"status": status, "code": code, "message": message}}


JSON_CONTENT_TYPE = "application/json; charset=utf-8"  # Ninja's own answers say the charset too


def json_error(status: int, code: str, message: str) -> JsonResponse:
    """The JSON error body with its HTTP status, for answers made outside Ninja (Django's error
    handlers, :class:`JsonErrorsUnderApi`, the 414 and 431 of :mod:`legation.serving`), typed as
    :data:`JSON_CONTENT_TYPE` (Django's ``JsonResponse`` says no charset by default)."""
    return JsonResponse(error_body(status, code, message), status=status, content_type=JSON_CONTENT_TYPE)


def no_endpoint(request: HttpRequest) -> JsonResponse:
    """404 ``not_found`` for an address under ``/api/`` that is no endpoint, whatever the method."""
    return json_error(404, "not_found", f"There is no API endpoint at {request.path}; see /api/openapi.json.")


def error_response(api: NinjaAPI, request: HttpRequest, status: int, code: str, message: str) -> HttpResponse:
    """The JSON error body with its HTTP status."""
    return api.create_response(request, error_body(status, code, message), status=status)


def validation_problem(error: dict[str, Any]) -> str:
    """One parameter's problem, named, in the words the HTML pages use where pydantic's would read
    as code: ``page_size must be at most 100``, ``page must be a whole number``; a value over its
    ``max_length`` says the limit and what to do. (Ninja's errors do not carry the value sent.)"""
    name = ".".join(str(p) for p in error.get("loc", [])[1:]) or "request"
    kind, ctx = error.get("type"), error.get("ctx") or {}
    if kind == "string_too_long":
        return f"{name} is longer than the {ctx['max_length']:,} characters accepted: send a shorter {name}"
    if kind == "int_parsing":
        return f"{name} must be a whole number"
    if kind == "greater_than_equal":
        return f"{name} must be at least {ctx['ge']:,}"
    if kind == "less_than_equal":
        return f"{name} must be at most {ctx['le']:,}"
    return f"{name}: {error.get('msg', 'invalid')}"


def install(api: NinjaAPI) -> None:
    """Register the handlers: Legation errors (:data:`ERRORS`), parameter validation (400
    ``invalid_parameter``, not Ninja's 422) and HTTP errors, each in the one shape with a code of :data:`CODES`."""
    for exc_class, code in ERRORS.items():
        api.add_exception_handler(
            exc_class, lambda request, exc, code=code: error_response(api, request, CODES[code][0], code, str(exc))
        )

    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        problems = "; ".join(validation_problem(e) for e in exc.errors)
        return error_response(api, request, 400, "invalid_parameter", f"{problems}. See /api/openapi.json for the accepted values.")

    api.add_exception_handler(ValidationError, on_validation)

    def on_database_down(request: HttpRequest, exc: Exception) -> HttpResponse:
        from legation.web.errors import database_fault

        code = database_fault(request, exc)
        response = error_response(api, request, CODES[code][0], code, CODES[code][1])
        if CODES[code][0] == 503:
            response["Retry-After"] = "60"
        response._has_been_logged = True  # said by database_fault: not django.request's line for each 5xx
        return response

    for down in database_down():
        api.add_exception_handler(down, on_database_down)
    api.add_exception_handler(
        HttpError, lambda request, exc: error_response(api, request, exc.status_code, code_for_status(exc.status_code), str(exc))
    )


class JsonErrorsUnderApi:
    """Django middleware: errors Django answers itself under ``/api/`` (405 for a POST, 400 for a
    request it refuses) come in the API's JSON error shape instead of an HTML page. The API only
    reads, so a method other than GET or HEAD (OPTIONS too, as Ninja's endpoints refuse it) is
    answered 405 for every endpoint under it, the OpenAPI description and its docs page included;
    at an address that is no endpoint, 404 as a GET there, whatever the method."""

    MESSAGES = {
        400: ("bad_request", "The request could not be read; check the URL and its parameters."),
        405: ("method_not_allowed", "Use GET for this endpoint; see /api/openapi.json."),
    }

    def __init__(self, get_response):
        self.get_response = get_response

    READ_ONLY = ("GET", "HEAD")  # the API only reads: any other method is refused here

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/") and request.method not in self.READ_ONLY:
            # Before the view: /api/openapi.json would otherwise answer a CSRF 403 page, and
            # OPTIONS the whole description.
            from django.http import HttpResponseNotAllowed
            from django.urls import Resolver404, resolve

            try:
                resolve(request.path_info)
            except Resolver404:
                return no_endpoint(request)
            response = HttpResponseNotAllowed(["GET", "HEAD"])
        else:
            response = self.get_response(request)
        mapped = self.MESSAGES.get(response.status_code)
        if mapped and request.path.startswith("/api/") and "json" not in response.get("Content-Type", ""):
            replacement = json_error(response.status_code, *mapped)
            if response.has_header("Allow"):
                replacement["Allow"] = response["Allow"]
            return replacement
        return response
