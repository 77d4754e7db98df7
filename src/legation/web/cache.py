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
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from legation.config import config
from legation.errors import LegationError

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
    raw = f"{generation}\n{names}\n{get_language()}\n{request.get_full_path()}"
    return "search:" + hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def cached_search(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Decorate a Django view (or a Ninja operation, through ``ninja.decorators.decorate_view``)
    whose answer depends only on the request path, query string, language and index content."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        seconds = config().search_cache_seconds
        key = _key(request) if seconds else None
        if key is None:
            return view(request, *args, **kwargs)
        cache = caches[CACHE_ALIAS]
        kept = cache.get(key)
        if kept is not None:
            content, content_type = kept
            response = HttpResponse(content, content_type=content_type)
            response[HEADER] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            cache.set(key, (response.content, response["Content-Type"]), seconds)
        response[HEADER] = "miss"
        return response

    return wrapper
