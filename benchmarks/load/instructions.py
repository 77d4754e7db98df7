"""Instructions per uncached search request, page and API, counted by valgrind.

A figure that does not move with the machine's speed.

Usage (from the checkout, on an archive built with ``legation demo --no-serve``; valgrind installed):

    LEGATION_DATA_DIR=/tmp/legation-load-archive uv run python benchmarks/load/instructions.py [--passes 1] [--targets page api] [--repeat 1]

This machine's speed swings by 2–3× within minutes, so CPU times (``load/cpu.py``) compare only as
alternating pairs; an instruction count does not depend on it. Each target is run twice under
``valgrind --tool=callgrind --separate-threads=yes``, counting every instruction of the process's
main thread, the one that answers the requests: a process that sets up Django, makes one warm-up
pass over the queries of ``benchmarks/queries-demo.txt``, freezes its objects (``gc.freeze``, as the server's workers do),
then ``passes`` passes, the same uncached requests as ``load/cpu.py`` (``GET /?q=…`` or
``GET /api/search?q=…&page_size=10`` with a never-repeated ``_``, through Django's WSGI handler and
every middleware); and the same with twice the passes. The difference of the two counts, divided
by ``passes`` × the number of queries, is what one request costs, start-up and warm-up left out.
Prints millions of instructions a request, e.g. ``page 21.43 M, api 18.02 M instructions a request``.

What is left out on purpose: the name-variant table is read once, in the warm-up, not every 5 s of
the wall clock (under valgrind a pass takes a minute; a server at 400 requests a second reads it
once in 2,000 requests); the thread tantivy keeps watching the index for commits, which polls by
the clock (under valgrind, on a busy machine, about 1 M instructions a request: figures of all
threads differed by 8 % between two runs of the same code); and Python's string hashes are fixed
(``PYTHONHASHSEED=0``). tantivy's hash maps, seeded at random in each process, still move the
figure a little from run to run: ``--repeat 2`` shows how much.

Under valgrind Python runs about 50 times slower: the default (1 and 2 passes of 60 queries, each
target, each run also setting up and warming up) takes about 5 minutes of CPU a target.
``--child`` is the process valgrind runs; not for use by hand.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cpu import QUERIES, TARGETS, read_queries, requester  # noqa: E402


def child(target: str, passes: int, queries_file: Path) -> None:
    """The process valgrind counts: set up, warm up, then ``passes`` passes over the queries."""
    queries = read_queries(queries_file)
    get = requester(queries)
    for number in range(len(queries)):
        get(target, number)
    from legation.search import variants

    variants.REFRESH_SECONDS = float("inf")  # read once, in the warm-up (see the module's docstring)
    gc.collect()
    gc.freeze()
    for _ in range(passes):
        for number in range(len(queries)):
            get(target, number)


def count(target: str, passes: int, queries_file: Path) -> int:
    """Instructions of the main thread of a child process making ``passes`` passes (warm-up and start-up included)."""
    with tempfile.TemporaryDirectory() as folder:
        command = [
            "valgrind", "--tool=callgrind", "--separate-threads=yes", f"--callgrind-out-file={folder}/out",
            sys.executable, __file__, "--child", target, "--passes", str(passes), "--queries", str(queries_file),
        ]  # fmt: skip
        done = subprocess.run(command, env={**os.environ, "PYTHONHASHSEED": "0"}, capture_output=True, text=True)
        main_thread = Path(folder, "out-01")  # thread 1: the main thread
        found = re.search(r"^summary: (\d+)$", main_thread.read_text(), re.M) if main_thread.exists() else None
    if done.returncode != 0 or not found:
        sys.exit(f"valgrind failed ({done.returncode}):\n{done.stdout}\n{done.stderr[-3000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=1, help="passes over the queries of the shorter run (default 1)")
    parser.add_argument("--targets", nargs="+", choices=list(TARGETS), default=list(TARGETS))
    parser.add_argument("--repeat", type=int, default=1, help="measure each target this many times (default 1)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--child", choices=list(TARGETS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.passes, args.queries)
        return
    requests = args.passes * len(read_queries(args.queries))
    figures = []
    for target in args.targets:
        for _ in range(args.repeat):
            shorter, longer = count(target, args.passes, args.queries), count(target, 2 * args.passes, args.queries)
            figures.append(f"{target} {(longer - shorter) / requests / 1e6:.2f} M")
    print(", ".join(figures), "instructions a request")


if __name__ == "__main__":
    main()
