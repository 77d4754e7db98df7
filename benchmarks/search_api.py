"""Latency of ``GET /api/search`` on a running Legation, over a file of queries.

Usage: ``uv run python benchmarks/search_api.py http://127.0.0.1:8000 benchmarks/queries-demo.txt [--rounds 5]``

Each query is sent once to warm up, then ``rounds`` times (default 5), page_size 10 with all facets
and snippets as the page asks for them. Prints the number of requests, errors, p50, p95 and max in
milliseconds of the whole HTTP round trip on loopback.
"""

from __future__ import annotations

import argparse
import statistics
import time
import urllib.error
import urllib.parse
import urllib.request


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("queries")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    queries = [q.strip() for q in open(args.queries, encoding="utf-8") if q.strip()]
    timings: list[float] = []
    errors = 0
    for round_ in range(args.rounds + 1):
        for query in queries:
            url = f"{args.base_url.rstrip('/')}/api/search?" + urllib.parse.urlencode({"q": query})
            start = time.perf_counter()
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    response.read()
            except urllib.error.URLError:
                errors += 1
                continue
            if round_:  # round 0 warms up
                timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    print(f"queries={len(queries)} requests={len(timings)} errors={errors} "
          f"p50={statistics.median(timings):.1f}ms p95={p95:.1f}ms max={timings[-1]:.1f}ms")


if __name__ == "__main__":
    main()
