"""Redirects from near-miss addresses, for the pages and the API alike: any address with a slash
too many at its end to the address without it (:class:`WithoutTrailingSlash`), and a near-miss
document address to the document's own (``/documents/FRUS1949V07P1-D1``, ``…-d1.``: a permalink
pasted with a sentence's full stop or in another case). One rule for both, so that neither shows a
document the other would not."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import get_urlconf, is_valid_path
from django.utils.encoding import escape_uri_path
from django.utils.http import url_has_allowed_host_and_scheme

from legation.api.errors import JSON_CONTENT_TYPE
from legation.records.documents import canonical_identifier
from legation.web.templating import url


def document_redirect(identifier: str, view: str, query: str = "") -> HttpResponse | None:
    """The redirect from a near-miss document address to the document's own (``view``: the page's
    or the API's), None when it names no document: 301 when the address only had punctuation too
    many, 302 for a case-insensitive match (true only while no other document matches it). Looks in
    the same table as the page, so it shows no other document. ``query``, the request's query
    string, is kept (it was dropped: a fresh user)."""
    canonical = canonical_identifier(identifier)
    if canonical is None:
        return None
    redirect = HttpResponsePermanentRedirect if canonical.permanent else HttpResponseRedirect
    location = url(view, canonical.identifier) + (f"?{query}" if query else "")
    if not view.startswith("api:"):
        return redirect(location)
    body = json.dumps({"identifier": canonical.identifier, "url": location})
    return redirect(location, content=body, content_type=JSON_CONTENT_TYPE)


_SLASHES = re.compile(r"/{2,}")


class WithoutTrailingSlash:
    """Django middleware: a GET or HEAD answered 404 at an address ending in ``/`` (``/facets/type/``,
    ``/documents/frus1949v07p1-d1/``, ``/api/search/``, as users type and paste them) or holding
    ``//`` (``/documents//frus1949v07p1-d1``, a link joined from two parts) is redirected, 301, to
    the same address without its trailing slashes and with each run of slashes one, query string
    kept, when that is an address of the site (:func:`django.urls.is_valid_path`; else with one slash at its end when that
    is one: ``/api//`` to ``/api/``); the document's page then redirects on
    from another case or punctuation (:func:`document_redirect`). Django's ``APPEND_SLASH`` the other
    way round, for every route in one place.

    Nothing leads off the site: the address redirected to must start with one ``/`` and no second
    one or backslash (``//evil.example/`` is a 404), as :func:`url_has_allowed_host_and_scheme`
    checks. Under ``/api/`` the redirect's body is JSON naming the address (``{"url": "/api/search?q=Mao"}``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD") or not (request.path_info.endswith("/") or "//" in request.path_info):
            return response
        # without its trailing slashes, else with one (/api//: /api/, the one route ending in a slash)
        for cut in (lambda p: _SLASHES.sub("/", p).rstrip("/"), lambda p: _SLASHES.sub("/", p)):
            path_info, path = cut(request.path_info), cut(request.path)
            if path_info != request.path_info and is_valid_path(path_info, get_urlconf()):
                break
        else:
            return response
        if not path or path[1:2] in ("/", "\\"):
            return response
        location = escape_uri_path(path) + request.get_full_path()[len(escape_uri_path(request.path)) :]
        if not url_has_allowed_host_and_scheme(location, allowed_hosts=None):
            return response
        if not path.startswith("/api/"):
            return HttpResponsePermanentRedirect(location)
        return HttpResponsePermanentRedirect(location, content=json.dumps({"url": location}), content_type=JSON_CONTENT_TYPE)
