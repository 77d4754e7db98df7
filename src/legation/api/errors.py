"""One JSON error shape for the API: ``{"error": {"status": 400, "code": "invalid_query", "message": "…"}}``.

Legation's exceptions map to a status and code here, in one table.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from legation.errors import DocumentNotFound, InvalidQuery
from legation.search.indexer import IndexOutdated

ERRORS: dict[type[Exception], tuple[int, str]] = {
    InvalidQuery: (400, "invalid_query"),
    DocumentNotFound: (404, "not_found"),
    IndexOutdated: (503, "index_outdated"),
}


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    """The one error shape, for every answer below: Ninja's, Django's and gunicorn's (the 414 of
    :mod:`legation.serving`)."""
    return {"error": {"status": status, "code": code, "message": message}}


def json_error(status: int, code: str, message: str) -> JsonResponse:
    """The JSON error body with its HTTP status, for answers made outside Ninja (Django's error
    handlers, :class:`JsonErrorsUnderApi`)."""
    return JsonResponse(error_body(status, code, message), status=status)


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
    """Register the handlers: Legation errors, parameter validation (400, not 422) and HTTP errors."""
    for exc_class, (status, code) in ERRORS.items():
        api.add_exception_handler(
            exc_class, lambda request, exc, status=status, code=code: error_response(api, request, status, code, str(exc))
        )

    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        problems = "; ".join(validation_problem(e) for e in exc.errors)
        return error_response(api, request, 400, "invalid_parameter", f"{problems}. See /api/openapi.json for the accepted values.")

    api.add_exception_handler(ValidationError, on_validation)
    api.add_exception_handler(
        HttpError, lambda request, exc: error_response(api, request, exc.status_code, "http_error", str(exc))
    )


class JsonErrorsUnderApi:
    """Django middleware: errors Django answers itself under ``/api/`` (405 for a POST, 400 for a
    request it refuses) come in the API's JSON error shape instead of an HTML page. The API only
    reads, so a method other than GET, HEAD or OPTIONS is answered 405 for every path under it."""

    MESSAGES = {
        400: ("bad_request", "The request could not be read; check the URL and its parameters."),
        405: ("method_not_allowed", "Use GET for this endpoint; see /api/openapi.json."),
    }

    def __init__(self, get_response):
        self.get_response = get_response

    READ_ONLY = ("GET", "HEAD", "OPTIONS")  # the API only reads: any other method is refused here

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/") and request.method not in self.READ_ONLY:
            # Before the view: /api/openapi.json would otherwise answer a CSRF 403 page.
            from django.http import HttpResponseNotAllowed

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
