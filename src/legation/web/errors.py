"""Error answers: a page in the site's layout for people, the API's JSON error shape under /api/.

Django calls :func:`bad_request`, :func:`not_found` and :func:`server_error` (``handler400``,
``handler404``, ``handler500`` in :mod:`legation.urls`) when DEBUG is off; :func:`method_not_allowed`
answers a method a page does not take (see :func:`legation.web.views.read_only`). Every page says
what happened, gives the HTTP status, and offers a search box; nothing of the request is shown but
escaped (the template escapes every value), and never a traceback.

The 500 answer touches no database and nothing else that could fail again: when even the page in
the layout cannot be made (a broken template, a missing file), it is :data:`PLAIN_SERVER_ERROR`.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.exceptions import DisallowedHost, TooManyFieldsSent
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from legation.api.errors import CODES, JsonErrorsUnderApi, json_error, no_endpoint
from legation.errors import database_down, first_line, lasting_fault_advice
from legation.web.middleware import NotUtf8Query

log = logging.getLogger(__name__)

PLAIN_SERVER_ERROR = (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Server error – Legation</title></head>\n'
    "<body><h1>Something went wrong on our side</h1><p>HTTP 500. The error has been logged. Please try again in a "
    'moment, or go back to the <a href="/">search page</a>.</p></body></html>\n'
)


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


class DocumentPageNotFound(Http404):
    """404 of a document's page: no document has ``identifier``, which the page's search box then
    holds (a search for it says whether the public edition has it, and links there)."""

    def __init__(self, message: str, identifier: str) -> None:
        super().__init__(message)
        self.identifier = identifier


def error_page(request: HttpRequest, status: int, title: str, message: str, advice: str = "", query: str = "") -> HttpResponse:
    """A page in the site's layout: ``title``, the HTTP status, what happened (``message``), what to
    do (``advice``, by default: search), and a search box holding ``query``."""
    context = {
        "status": status,
        "title": title,
        "message": message,
        "advice": advice or "Search the archive below, or start again from the search page.",
        "query": query,
    }
    return render(request, "legation/error.html", context, status=status)


def why_unreadable(exception: Exception) -> str:
    """What to tell of a request Django refused to read (``exception``, given to ``handler400``):
    a host name not in ``ALLOWED_HOSTS`` (not repeated: nothing of a refused request is shown), more parameters than
    ``DATA_UPLOAD_MAX_NUMBER_FIELDS``, or else the general message."""
    if isinstance(exception, DisallowedHost):
        return (
            "This server does not answer for the host name the request was sent to (its Host header); use the "
            "archive's own address (its operator lists the names it serves in LEGATION_ALLOWED_HOSTS)."
        )
    if isinstance(exception, NotUtf8Query):
        return str(exception)
    if isinstance(exception, TooManyFieldsSent):
        return f"The request has more than {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:,} parameters; send fewer (a filter takes at most 50 values)."
    return JsonErrorsUnderApi.MESSAGES[400][1]


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """400: a request Django refused to read (a host name not served, a malformed or oversized
    form), saying which when it can (:func:`why_unreadable`)."""
    message = why_unreadable(exception)
    if is_api(request):
        return json_error(400, JsonErrorsUnderApi.MESSAGES[400][0], message)
    return error_page(
        request, 400, "Bad request",
        message if message != JsonErrorsUnderApi.MESSAGES[400][1]
        else "The request could not be read: its address, a parameter or a header is malformed, or too large.",
        "Check the address, or search the archive below.",
    )


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404: a JSON error under /api/, otherwise a page that says what was not found (a missing
    document says which identifier; an unknown address, the path asked for), its search box holding
    the identifier, or an unknown address under ``/documents/``, for the search to read
    (:func:`legation.search.query.read_address`)."""
    if is_api(request):
        return no_endpoint(request)
    message = exception.args[0] if exception.args and isinstance(exception.args[0], str) else ""
    if isinstance(exception, DocumentPageNotFound):
        return error_page(
            request, 404, "Not found", message,
            "The link may be mistyped or out of date: search for it below (the search says whether the public edition holds it), "
            "or start again from the search page.",
            query=exception.identifier,
        )
    # an address under /documents/ that names no document's page (/documents/frus1949v07p1/d1, the public
    # edition's path typed after this site's documents/) is in the box below, whose search reads it
    return error_page(
        request, 404, "Not found",
        message or f"There is no page at {request.path}.",
        "The link may be mistyped or out of date: search the archive below, or start again from the search page.",
        query=request.path if request.path.startswith("/documents/") else "",
    )


def method_not_allowed(request: HttpRequest, allowed: tuple[str, ...] = ("GET", "HEAD")) -> HttpResponse:
    """405 with its ``Allow`` header (RFC 9110 §15.5.6): the pages only show, nothing is sent to them."""
    response = error_page(
        request, 405, "Method not allowed",
        f"This page can only be read ({', '.join(allowed)}); a {request.method} request is not accepted here.",
        "Open the address in your browser, or search the archive below.",
    )
    response["Allow"] = ", ".join(allowed)
    return response


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """403 for a form sent without the token the site gave it (Django's ``CSRF_FAILURE_VIEW``):
    the admin's sign-in or a change sent from a page kept open too long, or by a browser that
    refuses the site's cookies. Django's own page spoke to developers ("CSRF verification failed")."""
    return error_page(
        request, 403, "Form expired or not accepted",
        "The form was sent without the token this site gave it, so nothing was changed.",
        "Reload the page and send the form again; your browser must accept this site's cookies.",
    )


_DOWN_SAID_EVERY = 60.0  # seconds between two log lines of one fault, per process
_said_at: dict[str, float] = {}  # a fault's kind → when this process last logged it (time.monotonic)


def _due(kind: str) -> bool:
    """Whether the fault ``kind`` is to be logged now: once a minute per process (:data:`_DOWN_SAID_EVERY`), not a
    traceback or a line for every request (a fresh user's stopped PostgreSQL filled the log)."""
    now = time.monotonic()
    if now - _said_at.get(kind, -_DOWN_SAID_EVERY) < _DOWN_SAID_EVERY:
        return False
    _said_at[kind] = now
    return True


def note_database_down(request: HttpRequest, exc: Exception) -> None:
    """Log that the database is out of reach, once a minute (:func:`_due`)."""
    if _due("down"):
        said = first_line(exc)
        log.error("The database cannot be reached (%s), answering 503 until it can; first seen at %s%s", said, request.path, lasting_fault_advice(said))


def note_undecodable(request: HttpRequest, exc: Exception) -> None:
    """Log, once a minute (:func:`_due`), that a page or API answer met a stored value that is no UTF-8
    text (:func:`legation.records.undecodable.is_undecodable`), naming each such value of the archive
    and the statement that corrects it (:func:`~legation.records.undecodable.undecodable_values`, which
    reads every text column: once a minute at most). It was logged as "The database cannot be reached",
    and answered 503 "try again in a minute", which no wait mends."""
    from legation.printable import numbered_first
    from legation.records.undecodable import undecodable_values

    if not _due("undecodable"):
        return
    found = undecodable_values(exc)
    named = numbered_first([f"{row}: {problem}. {remedy}" for row, problem, remedy in found]) if found else f"({first_line(exc)})"
    log.error(
        "A value stored in the archive is no UTF-8 text: another program wrote it into the database, and the pages and API answers "
        "that read it answer 500 until it is corrected (first seen at %s). Correct each: %s",
        request.path, named,
    )


def database_fault(request: HttpRequest, exc: Exception) -> str:
    """The code of :data:`~legation.api.errors.CODES` that a request failed by ``exc``, one of
    :func:`~legation.errors.database_down`, is answered with, the fault logged: ``record_unreadable`` (500)
    for a stored value that is no UTF-8 text, which SQLite's driver raises alike and no wait mends
    (:func:`note_undecodable`), else ``database_unavailable`` (503, :func:`note_database_down`). The one
    decision of the pages (:class:`DatabaseUnavailable`) and the API (:func:`legation.api.errors.install`)."""
    from legation.records.undecodable import is_undecodable

    if is_undecodable(exc):
        note_undecodable(request, exc)
        return "record_unreadable"
    note_database_down(request, exc)
    return "database_unavailable"


class DatabaseUnavailable:
    """Django middleware: a page whose database is out of reach (:func:`~legation.errors.database_down`)
    is answered 503 with ``Retry-After`` (RFC 9110 §15.6.4, §10.2.3) and a page saying to try again,
    not 500 "something went wrong" with a traceback logged for each request; the API's endpoints
    answer their own JSON 503 (:func:`legation.api.errors.install`). The page touches no database. A value
    stored in bytes that are no UTF-8, which SQLite's driver raises alike, is answered 500 "This record
    cannot be read", logged with what to correct (:func:`note_undecodable`): no wait mends it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, database_down()):
            return None
        code = database_fault(request, exception)
        status = CODES[code][0]
        page = (
            (
                "This record cannot be read",
                "A value stored for it is not UTF-8 text: another program wrote it into the archive's database.",
                "The archive's administrator can correct it: the server's log names the value and how. Search the archive below meanwhile.",
            )
            if code == "record_unreadable"
            else (
                "The archive is unavailable for a moment",
                "Its database cannot be reached just now: it is restarting, or out of reach.",
                "Try again in a minute; nothing you did caused it.",
            )
        )
        response = json_error(status, code, CODES[code][1]) if is_api(request) else error_page(request, status, *page)
        if status == 503:
            response["Retry-After"] = "60"
        response._has_been_logged = True  # said by database_fault: not django.request's line for each 5xx
        return response


def server_error(request: HttpRequest) -> HttpResponse:
    """500: the error is logged by Django already; say so, in the layout if that can be made."""
    if is_api(request):
        return json_error(500, "server_error", "Something went wrong on our side; the error has been logged. Try again in a moment.")
    try:
        return error_page(
            request, 500, "Something went wrong on our side",
            "The error has been logged. Please try again in a moment.",
        )
    except Exception:  # noqa: BLE001 - the page that says something failed must not fail itself
        log.exception("the 500 page could not be rendered; answering the plain one")
        return HttpResponse(PLAIN_SERVER_ERROR, status=500)
