"""Peak memory and CPU of reading one large CSV table, this version beside another.

Usage::

    uv run python benchmarks/ingest/large_csv.py [--shared ../shared/data] [--copies 3]
        [--baseline OTHER_CHECKOUT]

Builds a UTF-8 table from the DFAT documents of ../shared/data (identifier, title, date and each
document's whole text; ``--copies`` times over, new identifiers each time: 3 copies are 144 MB
and 32,649 rows), then reads it in a child process per version through ``read_file``, as
``legation ingest`` does, records made and dropped, nothing stored: the reader's own cost.
Prints rows read, CPU seconds and the child's peak resident memory (``ru_maxrss``, MiB) for this
version and, with ``--baseline DIR`` (a checkout of another version; its ``src`` is put first on
the child's ``PYTHONPATH``), for that one, back to back.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import os, resource, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legation.settings")
from pathlib import Path
from legation.ingest.readers import read_file
started = time.process_time()
rows = sum(1 for _ in read_file(Path(sys.argv[1])))
print(rows, round(time.process_time() - started, 2), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def build(shared: Path, copies: int, out: Path) -> int:
    """Write the table to ``out``; returns its size in bytes."""
    source = shared / "dfat-documents-on-australian-foreign-policy" / "documents.jsonl.gz"
    with gzip.open(source, "rt", encoding="utf-8") as lines:
        documents = [json.loads(line) for line in lines]
    with out.open("w", newline="", encoding="utf-8") as handle:
        table = csv.writer(handle)
        table.writerow(["identifier", "title", "date", "text"])
        for copy in range(copies):
            for number, document in enumerate(documents):
                table.writerow([f"c{copy}-{number}", document["title"], document["doc_date"], document.get("body_markdown", "")])
    return out.stat().st_size


def measure(table: Path, src: Path) -> tuple[int, float, int]:
    """(rows, CPU s, peak MiB) of reading ``table`` with the Legation whose source is ``src``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(src), str(ROOT)])}
    done = subprocess.run([sys.executable, "-c", CHILD, str(table)], env=env, capture_output=True, text=True, check=True)
    rows, cpu, peak = done.stdout.split()
    return int(rows), float(cpu), int(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="a checkout of another version to compare with")
    args = parser.parse_args()
    if not (args.shared / "dfat-documents-on-australian-foreign-policy").is_dir():
        sys.exit(f"needs the DFAT corpus of the shared data in {args.shared} (--shared)")
    with tempfile.TemporaryDirectory() as scratch:
        table = Path(scratch) / "large.csv"
        size = build(args.shared, args.copies, table)
        print(f"table: {size / 1e6:,.1f} MB")
        print("| version | rows | CPU s | peak MiB | peak / file size |")
        print("|---|---:|---:|---:|---:|")
        versions = [("this", ROOT / "src")] + ([("baseline", args.baseline.resolve() / "src")] if args.baseline else [])
        for name, src in versions:
            rows, cpu, peak = measure(table, src)
            print(f"| {name} | {rows:,} | {cpu:.2f} | {peak:,} | {peak * 2**20 / size:.1f} |", flush=True)


if __name__ == "__main__":
    main()
