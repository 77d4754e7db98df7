"""Answers to repeated searches, kept per web process and keyed by the index's generation.

Archives see the same searches again and again (a collection's landing query, facet clicks,
paging back, harvesters). :func:`cached_search` keeps a view's 200 answer to an anonymous ``GET``
in Django's ``search`` cache (an in-process LRU, ``LocMemCache``) for
``LEGATION_SEARCH_CACHE_SECONDS`` (default 300; 0 turns it off), keyed by the full request path
with its query string, the interface language, :meth:`SearchIndex.generation`, which changes
with every commit to the index and reloads its searchers, and the signature of the name-variant
table (:func:`legation.search.variants.signature`), which changes when authority records are
loaded. So a cached answer is never older than what answered it: an ingest or an admin edit is
visible on the next request after the index follows it, new name variants as soon as search
sees them, exactly as without the cache. The same idea as Elasticsearch's shard request
cache, which is invalidated on each refresh.

While the index is behind the change log (:func:`legation.search.follower.entries_behind`: a
server catching up with an ingest) nothing is cached nor served from the cache: each answer's
notice says the results may leave documents out, and a cached one kept saying so for minutes
after the index had caught up.

Requests that carry a session cookie (a signed-in curator, who may one day see restricted
documents) are never cached nor served from the cache. Responses say ``X-Legation-Cache: hit``
or ``miss``.

The same key validates what a browser, proxy or harvester kept (HTTP conditional requests, RFC
9110 §13 and RFC 9111): each 200 answer a key could be made for carries it as its weak ``ETag``,
with ``Cache-Control: no-cache`` (use it again only once the server says it is current); a
request whose ``If-None-Match`` names it is answered ``304 Not Modified`` with no body and no
search run, also when the cache itself is off or has let the answer go. The key holds a digest of this
release's templates and static files (:func:`release`) and the site credit the pages print, so
a new release or setting never validates a page an older one drew.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import cache, wraps
from importlib import resources

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import parse_etags
from django.utils.text import compress_string
from django.utils.translation import get_language

import legation
from legation.config import config
from legation.errors import LegationError
from legation.web.middleware import accepts_gzip

CACHE_ALIAS = "search"
HEADER = "X-Legation-Cache"


def _key(request: HttpRequest) -> str | None:
    """The cache key of a request, or None when it must not be cached."""
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    from legation.search import follower, variants
    from legation.search.service import default_index

    if follower.entries_behind():  # catching up: the answer (and its notice saying so) changes as the index follows
        return None

    try:
        generation = default_index().generation()
    except (OSError, LegationError):  # no index yet, or one to rebuild: the view says so
        return None
    names = variants.signature()  # name variants come from authority records in the database, not the index
    # what the pages print of the settings too: a new site credit after a restart is a new answer
    raw = f"{generation}\n{names}\n{get_language()}\n{release()}\n{config().site_credit}\n{request.get_full_path()}"
    return "search:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


@cache
def release() -> str:
    """A digest (SHA-256, hex) of Legation's version and of every template and static file the web
    app ships: two web nodes running the same release give the same, a changed page layout another."""
    digest = hashlib.sha256(legation.__version__.encode())
    web = resources.files("legation.web")
    pending = [web / "templates", web / "static"]
    files = []
    while pending:
        for entry in pending.pop().iterdir():
            (pending if entry.is_dir() else files).append(entry)
    for entry in sorted(files, key=str):
        digest.update(os.path.relpath(str(entry), str(web)).encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()


def _etag(key: str) -> str:
    """The ``ETag`` of an answer whose cache key is ``key``: 128 bits of it, weak (RFC 9110 §8.8.1),
    as the same answer is sent compressed or not (``GZipMiddleware``), in other bytes."""
    return f'W/"{key.removeprefix("search:")[:32]}"'


def cached_search(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Decorate a Django view (or a Ninja operation, through ``ninja.decorators.decorate_view``)
    whose answer depends only on the request path, query string, language and index content."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = _key(request)
        if key is None:
            return view(request, *args, **kwargs)
        etag = _etag(key)
        if _held(request, etag):
            response = HttpResponseNotModified()
            patch_vary_headers(response, ("Accept-Encoding",))  # as the 200 it stands for (GZipMiddleware's)
        else:
            response = _answer(key, view, request, *args, **kwargs)
            if response.status_code == 200 and _any_held(request):
                response = HttpResponseNotModified()
                patch_vary_headers(response, ("Accept-Encoding",))
        if response.status_code in (200, 304) and not response.cookies:
            response["ETag"] = etag
            patch_cache_control(response, no_cache=True)
        return response

    return wrapper


def _held(request: HttpRequest, etag: str) -> bool:
    """Whether ``If-None-Match`` names ``etag`` (weak comparison, RFC 9110 §13.1.2). Only a tag
    this server sent can match, and it sends one only with a 200 whose key holds everything the
    answer depends on: so the same request would be answered 200 again, and 304 stands for it.
    ``*`` is not taken here (it matches whatever is current, and RFC 9110 §13.2.1 has preconditions
    ignored where the answer would be an error: a 404 or 400 must not become 304; see
    :func:`_any_held`), nor is
    ``If-Match`` (this server changes nothing, so there is nothing for it to protect)."""
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header or request.method not in ("GET", "HEAD"):
        return False
    return any(tag != "*" and tag.removeprefix("W/") == etag.removeprefix("W/") for tag in parse_etags(header))


def _any_held(request: HttpRequest) -> bool:
    """Whether ``If-None-Match`` is ``*``, held by any current answer (RFC 9110 §13.1.2): a 200,
    known only once the answer is made (a 404 or 400 stays so, §13.2.1)."""
    return request.method in ("GET", "HEAD") and request.META.get("HTTP_IF_NONE_MATCH", "").strip() == "*"


def _answer(key: str, view: Callable[..., HttpResponse], request: HttpRequest, *args, **kwargs) -> HttpResponse:
    """The view's answer, from the search cache when it holds one for ``key``; gzipped for a client
    that accepts it (:func:`_gzipped`)."""
    seconds = config().search_cache_seconds
    if not seconds:
        return view(request, *args, **kwargs)
    cache = caches[CACHE_ALIAS]
    kept = cache.get(key)
    store = kept is None  # kept again when its compressed bytes are first made, too
    if kept is not None:
        content, content_type, gzipped = kept
        response = HttpResponse(content, content_type=content_type)
        response[HEADER] = "hit"
    else:
        response = view(request, *args, **kwargs)
        response[HEADER] = "miss"
        if response.status_code != 200 or response.streaming or response.cookies:
            return response
        content, content_type, gzipped = response.content, response["Content-Type"], None
    if accepts_gzip(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        if gzipped is None:
            gzipped, store = _gzipped(content), True
        if gzipped:
            response.content = gzipped
            response["Content-Length"] = str(len(gzipped))
            response["Content-Encoding"] = "gzip"  # GZipMiddleware passes over it
    patch_vary_headers(response, ("Accept-Encoding",))
    if store:
        cache.set(key, (content, content_type, gzipped), seconds)
    return response


def _gzipped(content: bytes) -> bytes:
    """``content`` compressed as ``GZipMiddleware`` compresses an answer (gzip level 6, random bytes
    in its header against BREACH), or ``b""`` when that would not be shorter, or it is too short to
    be worth it (under 200 bytes). Kept beside the answer in the cache, so a hit is not compressed
    afresh for every client: 0.85 ms of CPU for a search page of 42 KB, more than answering it from
    the cache. The random bytes are then the same for every hit of one answer; that spares the
    secrets BREACH reads only because no cached answer holds one (a signed-in request, whose pages
    may carry a CSRF token, is never cached: :func:`_key`)."""
    if len(content) < 200:
        return b""
    compressed = compress_string(content, max_random_bytes=GZipMiddleware.max_random_bytes)
    return compressed if len(compressed) < len(content) else b""
