"""CPU time per uncached search request inside one process: the search page and the search API.

Usage (from the checkout, on an archive built with ``legation demo --no-serve``):

    LEGATION_DATA_DIR=/tmp/legation-load-archive uv run python benchmarks/load/cpu.py [--rounds 5] [--reps 5] [--search-from-memory]

Each request goes through Django's WSGI handler and every middleware, as ``legation serve``'s
workers run it, but without the HTTP server: ``GET /?q=…`` and ``GET /api/search?q=…&page_size=10``
over the queries of ``benchmarks/queries-demo.txt``, each carrying a never-repeated ``_`` parameter
so that none is answered from the cache (the ``unique`` mode of ``queries.lua``). After one
warm-up pass over the queries the objects loaded are frozen (``gc.freeze``) and the youngest
generation is collected as seldom as in each server worker
(``legation.serving.YOUNG_GENERATION_THRESHOLD``). Then ``rounds`` times, page and API alternately,
``reps`` passes over the queries; prints each target's median over the rounds, in milliseconds of
this process's CPU time (``time.process_time``) a request, the fair figure on a machine shared with
other work, e.g. ``page 5.21 ms, api 4.48 ms``.

``--search-from-memory`` answers each query with the search result computed once beforehand, so
the figures are everything but the search itself: Django, the middleware, the answer cache's key,
the view, and the HTML template or JSON encoding. Exits with an error if any answer is not 200.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from urllib.parse import quote_plus

QUERIES = Path(__file__).resolve().parent.parent / "queries-demo.txt"
TARGETS = {"page": "/", "api": "/api/search"}


def requester(queries: list[str], search_from_memory: bool = False) -> Callable[[str, int], None]:
    """Set up Django and return ``get(target, number)``: one uncached request of ``target`` ("page"
    or "api") for query ``number`` (an index into ``queries``, taken modulo their count) through
    Django's WSGI handler, its ``_`` parameter never repeated; exits with an error if the answer
    is not 200. ``search_from_memory``: see the module's docstring."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legation.settings")
    os.environ.setdefault("LEGATION_SECRET_KEY", "benchmark-only-" + "x" * 40)
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler

    if search_from_memory:
        import legation.api.api as api
        import legation.web.views as views
        from legation.web.params import search_request_from

        answers = {q: views.search(search_request_from({"q": [q]})) for q in queries}
        views.search = api.run_search = lambda request, *rest, **options: answers[request.q]

    app = WSGIHandler()
    sent = 0

    def get(target: str, number: int) -> None:
        nonlocal sent
        sent += 1
        size = "&page_size=10" if target == "api" else ""
        path, query_string = TARGETS[target], f"q={quote_plus(queries[number % len(queries)])}{size}&_=cpu-{sent:09d}"
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query_string, "SCRIPT_NAME": "",
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "HTTP_HOST": "127.0.0.1", "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.input": BytesIO(b""), "wsgi.url_scheme": "http",
        }  # fmt: skip
        status: list[str] = []
        response = app(environ, lambda line, headers, exc_info=None: status.append(line))
        b"".join(response)
        response.close()
        if not status[0].startswith("200"):
            sys.exit(f"GET {path}?{query_string}: {status[0]}")

    return get


def read_queries(path: Path = QUERIES) -> list[str]:
    """The queries of ``path``, one a line, blank lines left out."""
    return [q.strip() for q in path.read_text(encoding="utf-8").splitlines() if q.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="alternations of page and API (default 5)")
    parser.add_argument("--reps", type=int, default=5, help="passes over the queries per target and round (default 5)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--search-from-memory", action="store_true", help="leave the search out of the figures")
    args = parser.parse_args()
    queries = read_queries(args.queries)
    get = requester(queries, args.search_from_memory)

    def run(target: str, reps: int) -> float:
        start = time.process_time()
        for _ in range(reps):
            for number in range(len(queries)):
                get(target, number)
        return (time.process_time() - start) * 1000 / (reps * len(queries))

    for target in TARGETS:
        run(target, 1)
    gc.collect()
    gc.freeze()
    from legation.serving import YOUNG_GENERATION_THRESHOLD

    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, *gc.get_threshold()[1:])
    figures: dict[str, list[float]] = {target: [] for target in TARGETS}
    for _ in range(args.rounds):
        for target in TARGETS:
            figures[target].append(run(target, args.reps))
    print(", ".join(f"{target} {statistics.median(values):.2f} ms" for target, values in figures.items()))


if __name__ == "__main__":
    main()
