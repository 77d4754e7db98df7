"""Django middleware of the web layer."""

from __future__ import annotations

import re
from collections.abc import Callable
from types import SimpleNamespace
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import patch_vary_headers
from whitenoise.middleware import WhiteNoiseMiddleware


class HeadWithoutBody:
    """Answer ``HEAD`` as ``GET`` without the body (RFC 9110 §9.3.2), keeping the ``Content-Length``
    a ``GET`` would get. gunicorn drops a body sent for ``HEAD`` itself but logs a warning for each
    one, which filled the server log of any site a monitor checks with ``HEAD``.

    Put it first in ``MIDDLEWARE``, so it sees the response last. Streaming responses are left as
    they are (WhiteNoise answers ``HEAD`` for static files without a body already)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming and response.content:
            if not response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response


class NotUtf8Query(SuspiciousOperation):
    """A query string whose percent-encoded bytes are not UTF-8 (``?q=G%F3mulka``, Latin-1): Django
    reads them as U+FFFD, so such a request was searched for something else without a word."""


def not_utf8_parameter(query_string: str) -> str | None:
    """The first ``name=value`` of ``query_string`` (as WSGI gives it: ASCII, or bytes as Latin-1)
    whose percent-encoded bytes are not UTF-8, as sent; None when every one is (RFC 3986 §2.5:
    the characters of a URI's data are encoded as UTF-8 octets before percent-encoding)."""
    if "%" not in query_string:
        return None
    for part in query_string.split("&"):
        if "%" in part:
            try:
                unquote_to_bytes(part.replace("+", " ").encode("latin-1")).decode("utf-8")
            except UnicodeDecodeError:
                return part
    return None


_CUT_ESCAPE = re.compile(r"%[0-9A-Fa-f]?$")  # a percent-escape cut by shortening: left out


class Utf8Query:
    """Refuse (400, through ``handler400``: the API's JSON error under ``/api/``, a page elsewhere) a
    request whose query string percent-encodes bytes that are not UTF-8, naming the parameter: a
    client encoding Latin-1 (``Gómulka`` as ``G%F3mulka``) was answered 200 with a search for
    "G�mulka", and ``Mao%C3`` for "Mao" (a fresh user of the API)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (part := not_utf8_parameter(request.META.get("QUERY_STRING", ""))) is not None:
            shown = part if len(part) <= 60 else _CUT_ESCAPE.sub("", part[:57]) + "…"
            raise NotUtf8Query(
                f"The address's parameter {shown} percent-encodes bytes that are not UTF-8; send every parameter "
                "percent-encoded as UTF-8 (Gómulka as G%C3%B3mulka), as browsers do."
            )
        return self.get_response(request)


class Revalidation(ConditionalGetMiddleware):
    """Django's ``ConditionalGetMiddleware`` for the answers a client may keep: a successful
    ``GET`` (200) to a visitor who is not signed in gets an ``ETag`` (a digest of its body) when it
    has none, and ``304 Not Modified`` to ``If-None-Match`` or ``If-Modified-Since`` (the sitemaps'
    ``Last-Modified``); RFC 9110 §13. ``If-Match`` and ``If-Unmodified-Since`` are not taken, as on
    search answers (:func:`legation.web.cache._held`). A harvester revalidates document pages and API records without
    fetching them again. Errors get no validator (a 404 stays a 404 whatever the headers), nor do
    signed-in pages, which are no one else's and never cached (:mod:`legation.web.cache`).

    ``HEAD`` gets the ``ETag`` its ``GET`` would and the same ``304`` (RFC 9110 §9.3.2, §13.1.2);
    Django's middleware leaves ``HEAD`` alone, as its body is empty there, but here the body is
    still whole (:class:`HeadWithoutBody` empties it after).

    Put it after ``GZipMiddleware`` in ``MIDDLEWARE``, so the digest is of the body uncompressed
    (GZip then makes the tag weak, as the bytes sent differ)."""

    IGNORED = ("HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")  # as on search answers (legation.web.cache): nothing here changes

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if response.status_code != 200 or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return response
        set_aside = {name: request.META.pop(name) for name in self.IGNORED if name in request.META}
        method = request.method
        request.method = "GET" if method == "HEAD" else method  # Django's reads GET alone
        try:
            return super().process_response(request, response)
        finally:
            request.META.update(set_aside)
            request.method = method


def accepted_codings(accept_encoding: str) -> list[str]:
    """The content codings an ``Accept-Encoding`` header value takes, lower-cased, in its order
    (RFC 9110 §12.5.3): those listed with a weight above 0. ``gzip;q=0`` refuses gzip, which
    Django's test and WhiteNoise's (the word ``gzip`` anywhere) read as taking it. A weight that is
    no number counts as 1, as the word alone."""
    weights: dict[str, float] = {}
    for coding in accept_encoding.split(","):
        name, _, params = coding.partition(";")
        if not (name := name.strip().lower()):
            continue
        weight = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 1.0
        weights[name] = weight
    return [name for name, weight in weights.items() if weight > 0]


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an ``Accept-Encoding`` header value takes gzip (or ``x-gzip``) with a weight above 0
    (:func:`accepted_codings`). ``*`` alone is answered uncompressed, which it allows too."""
    return not {"gzip", "x-gzip"}.isdisjoint(accepted_codings(accept_encoding))


class StaticFiles(WhiteNoiseMiddleware):
    """WhiteNoise's middleware, sending a static file's compressed copy only in a coding the client
    takes (:func:`accepted_codings`): WhiteNoise's own sent the gzip copy to ``gzip;q=0``."""

    @staticmethod
    def serve(static_file, request: HttpRequest):
        given = request.META.get("HTTP_ACCEPT_ENCODING", "")
        if given:
            meta = {**request.META, "HTTP_ACCEPT_ENCODING": ", ".join(accepted_codings(given))}
            request = SimpleNamespace(method=request.method, META=meta)  # all that WhiteNoise reads of it
        return WhiteNoiseMiddleware.serve(static_file, request)


class GZip(GZipMiddleware):
    """Django's ``GZipMiddleware``, compressing only for a client that takes gzip as RFC 9110 reads
    its ``Accept-Encoding`` (:func:`accepts_gzip`)."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if response.status_code == 304:
            # it carries the Vary of the 200 it stands for (RFC 9110 §15.4.5), which its empty body
            # would not get below; and when that 200 was gzipped, which made its ETag weak, the same
            # tag, not the strong one a 200 uncompressed would carry
            patch_vary_headers(response, ("Accept-Encoding",))
            etag = response.get("ETag", "")
            if etag and not etag.startswith("W/") and accepts_gzip(request.META.get("HTTP_ACCEPT_ENCODING", "")):
                response["ETag"] = f"W/{etag}"
            return response
        if not accepts_gzip(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            if response.streaming or len(response.content) >= 200:
                patch_vary_headers(response, ("Accept-Encoding",))  # as Django's: the answer depends on the header
            return response
        return super().process_response(request, response)
