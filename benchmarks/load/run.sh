#!/usr/bin/env bash
# Load test of `legation serve` on loopback: wrk, 32 connections, bounded duration, search API and pages.
#
#   bash benchmarks/load/run.sh [--workers 2] [--threads 4] [--duration 60s] [--connections 32]
#   bash .ci/with-postgres bash benchmarks/load/run.sh    # the same on PostgreSQL (a throwaway server)
#
# Uses the demo archive in LEGATION_DATA_DIR (default: a scratch folder under /tmp, built on first use
# with `legation demo --no-serve`, about a minute). Needs wrk (Debian: apt-get install wrk). Starts the
# server on 127.0.0.1 and a free port, runs wrk on the search API and the search page, each with the
# 60 queries repeated (answered from the cache after the first time) and with every request unique (no
# cache), then on a static file, and stops the server. Only loopback traffic.
set -euo pipefail
cd "$(dirname "$0")/../.."

WORKERS=2 THREADS=4 DURATION=60s CONNECTIONS=32
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) WORKERS=$2; shift 2;;
    --threads) THREADS=$2; shift 2;;
    --duration) DURATION=$2; shift 2;;
    --connections) CONNECTIONS=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 1; }

if [ -n "${LEGATION_DATABASE_URL:-}" ]; then
  # PostgreSQL: the records live in that database, so the data folder (index, demo marker) starts empty
  export LEGATION_DATA_DIR="${LEGATION_DATA_DIR:-$(mktemp -d /tmp/legation-load-pg.XXXXXX)}"
else
  export LEGATION_DATA_DIR="${LEGATION_DATA_DIR:-/tmp/legation-load-archive}"
fi
export LEGATION_SECRET_KEY="${LEGATION_SECRET_KEY:-load-test-$(python3 -c 'import secrets; print(secrets.token_urlsafe(40))')}"
LEGATION="${LEGATION:-uv run legation}"
$LEGATION demo --no-serve >/dev/null

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
$LEGATION serve --port "$PORT" --workers "$WORKERS" --threads "$THREADS" >/tmp/legation-load-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/api/search?q=" >/dev/null 2>&1 && break
  sleep 0.5
done
URL="http://127.0.0.1:$PORT"
echo "legation serve --workers $WORKERS --threads $THREADS; wrk -t2 -c$CONNECTIONS -d$DURATION; $(nproc) cores; store: $([ -n "${LEGATION_DATABASE_URL:-}" ] && echo PostgreSQL || echo SQLite); load before: $(cut -d" " -f1-3 /proc/loadavg)"
# Warm up every worker (index files in the page cache, Python code loaded).
wrk -t2 -c"$CONNECTIONS" -d3s -s benchmarks/load/queries.lua "$URL" -- /api/search benchmarks/queries-demo.txt unique >/dev/null
for target in /api/search /; do
  for mode in repeat unique; do
    echo "--- GET $target over the 60 queries of benchmarks/queries-demo.txt, $mode"
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s benchmarks/load/queries.lua "$URL" -- "$target" benchmarks/queries-demo.txt "$mode"
    echo "load after: $(cut -d" " -f1-3 /proc/loadavg)"
  done
done
# What browsers send: every one accepts gzip, so a repeated search is answered from the cache gzipped.
echo "--- GET / over the 60 queries of benchmarks/queries-demo.txt, repeat, Accept-Encoding: gzip"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Accept-Encoding: gzip" -s benchmarks/load/queries.lua "$URL" -- / benchmarks/queries-demo.txt repeat
echo "load after: $(cut -d" " -f1-3 /proc/loadavg)"
echo "--- GET /static/legation/legation.css (WhiteNoise, gzip)"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Accept-Encoding: gzip" "$URL/static/legation/legation.css"
echo "load after: $(cut -d" " -f1-3 /proc/loadavg)"
