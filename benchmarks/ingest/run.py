"""Ingest throughput on the real corpora of ../shared/data, all into one archive, per format.

Usage::

    uv run python benchmarks/ingest/run.py [--shared ../shared/data] [--only dfat,frus] [--json out.json]

Each corpus is ingested by its own child process into one fresh archive (SQLite by default, or
the store ``LEGATION_DATABASE_URL`` names), as ``legation ingest`` does it: the reader, validation,
the database write in batches of 200 with change-log rows, then the search index brought up to
date from the change log. Per corpus it measures, side by side in the same child:

- **Legation**: wall time of that whole ingest, indexing included; documents per second and input
  MB per second (uncompressed bytes the reader consumed, MB = 10⁶ bytes); the child's peak
  resident memory (``VmHWM``) at the end of it. ``store s`` is the time until the last batch was
  written (the index was being built meanwhile), ``index s`` the time to finish the index after it;
  ``docs/CPU-s`` divides by the CPU time the ingest used (all threads), a figure other work on the
  machine disturbs far less than wall time: on an idle 2-core machine wall throughput can reach at
  most twice it;
- **read only**: the same files through the reader alone (records made, nothing stored);
- **tantivy only**: those records indexed straight into a scratch tantivy index with Legation's
  schema (``to_document`` + ``add_document`` + one commit), no database.

The last two are the floor under Legation's number: what any system must spend to parse these
formats and to build this index. Prints one table per corpus and a total per format.
"""

from __future__ import annotations

import argparse
import gzip
import json
import lzma
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# name, format, mapping, paths under the shared data folder
CORPORA: list[tuple[str, str, str | None, list[str]]] = [
    ("frus", "TEI", None, ["frus/volumes"]),
    ("dodis", "TEI", None, ["dodis-when-the-wall-came-down/tei"]),
    ("qhod", "TEI", None, ["qhod-habsburg-ottoman-diplomacy/tei"]),
    ("dfat", "JSON Lines", "dfat", ["dfat-documents-on-australian-foreign-policy/documents.jsonl.gz"]),
    ("ungd", "JSON Lines", "ungd", ["un-general-debate-corpus/speeches-1946-1989.jsonl.xz", "un-general-debate-corpus/speeches-1990-2024.jsonl.xz"]),
    ("korean", "JSON Lines", "korean-speeches", ["korean-presidential-speeches-ko/speeches.jsonl.gz"]),
    ("ataturk", "JSON Lines", "ataturk", ["ataturk-speeches-telegrams/speeches.jsonl.gz"]),
    ("nutuk", "JSON Lines", "nutuk", ["ataturk-speeches-telegrams/nutuk_chapters.jsonl.gz"]),
    ("prc", "JSON Lines", "prc-reports", ["prc-government-work-reports-zh/government_work_reports.jsonl.gz"]),
    ("sotu", "JSON Lines", "sotu", ["us-state-of-the-union/addresses.jsonl.gz"]),
    ("moritz", "CSV", "moritz", ["moritz-saxony-political-correspondence-metadata/letters.csv.gz"]),
    ("wilson", "JSON", None, ["wilson-center-api-samples", "seed"]),
]


def _uncompressed_bytes(path: Path) -> int:
    """Bytes the reader consumes: a .gz or .xz file's decompressed size, else its size."""
    opener = {".gz": gzip.open, ".xz": lzma.open}.get(path.suffix)
    if opener is None:
        return path.stat().st_size
    total = 0
    with opener(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            total += len(chunk)
    return total


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process so far, all its threads (tantivy's included)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def run_one(name: str, shared: Path) -> dict:
    """In the child: ingest one corpus into the archive of LEGATION_DATA_DIR and time it."""
    from legation.cli import _setup

    _setup()
    from legation.ingest.readers import files_to_read, read_file
    from legation.ingest.service import IngestReport, ingest_records
    from legation.search.follower import following

    _, kind, mapping, parts = next(c for c in CORPORA if c[0] == name)
    files = files_to_read([shared / p for p in parts], mapping)
    report = IngestReport()
    cpu_start = _cpu_seconds()
    start = time.perf_counter()
    with following():  # as `legation ingest`: the index is built beside the writes, then completed
        for path in files:
            ingest_records(read_file(path, mapping), report=report)
        stored = time.perf_counter()
    done = time.perf_counter()
    cpu = _cpu_seconds() - cpu_start
    peak = _peak_rss_bytes()

    from legation.records.document_record import DocumentRecord

    start_read = time.perf_counter()
    records = [item for path in files for item in read_file(path, mapping) if isinstance(item, DocumentRecord)]
    read_seconds = time.perf_counter() - start_read

    import tantivy

    from legation.search import analyzers, schema
    from legation.search.indexer import WRITER_HEAP_BYTES, to_document

    with tempfile.TemporaryDirectory() as scratch:
        index = tantivy.Index(schema.build_schema(), path=scratch)
        analyzers.register(index)
        start_index = time.perf_counter()
        writer = index.writer(heap_size=WRITER_HEAP_BYTES, num_threads=min(4, os.cpu_count() or 1))
        for record in records:
            writer.add_document(to_document(record))
        writer.commit()
        writer.wait_merging_threads()
        tantivy_seconds = time.perf_counter() - start_index

    return {
        "corpus": name,
        "format": kind,
        "files": len(files),
        "input_bytes": sum(_uncompressed_bytes(p) for p in files),
        "added": len(report.added),
        "updated": len(report.updated),
        "unchanged": len(report.unchanged),
        "failed": len(report.failed),
        "store_seconds": stored - start,
        "index_seconds": done - stored,
        "seconds": done - start,
        "cpu_seconds": cpu,
        "peak_rss_bytes": peak,
        "read_seconds": read_seconds,
        "tantivy_seconds": tantivy_seconds,
        "records_read": len(records),
    }


def _row(r: dict) -> str:
    docs = r["added"] + r["updated"] + r["unchanged"]
    mb = r["input_bytes"] / 1e6
    return (
        f"| {r['corpus']:<8} | {r['format']:<10} | {docs:>7,} | {r['failed']:>4} | {mb:>7.1f} | {r['seconds']:>7.1f} "
        f"| {docs / r['seconds']:>7.0f} | {mb / r['seconds']:>5.2f} | {docs / r['cpu_seconds']:>6.0f} "
        f"| {r['store_seconds']:>6.1f} | {r['index_seconds']:>6.1f} "
        f"| {r['peak_rss_bytes'] / 2**20:>6.0f} | {r['records_read'] / r['read_seconds']:>7.0f} "
        f"| {r['records_read'] / r['tantivy_seconds']:>7.0f} |"
    )


HEADER = (
    "| corpus   | format     |    docs | fail |   in MB |  wall s |  docs/s |  MB/s | docs/CPU-s | store s | index s | RSS MiB | read-only docs/s | tantivy-only docs/s |\n"
    "|----------|------------|--------:|-----:|--------:|--------:|--------:|------:|-------:|--------:|--------:|--------:|--------:|--------:|"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--only", help="comma-separated corpus names (default: all)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # child mode
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.shared)))
        return
    if not args.shared.is_dir():
        sys.exit(f"no shared corpora folder at {args.shared}; pass --shared PATH")
    names = args.only.split(",") if args.only else [c[0] for c in CORPORA]
    results = []
    with tempfile.TemporaryDirectory(prefix="legation-ingest-bench-") as data_dir:
        env = {**os.environ, "LEGATION_DATA_DIR": data_dir}
        print(HEADER, flush=True)
        for name in names:
            out = subprocess.run(
                [sys.executable, __file__, "--one", name, "--shared", str(args.shared)],
                env=env, check=True, capture_output=True, text=True, cwd=ROOT,
            )  # fmt: skip
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(_row(results[-1]), flush=True)
    by_format: dict[str, dict] = {}
    for r in results:
        t = by_format.setdefault(r["format"], {"corpus": "all", "format": r["format"], "peak_rss_bytes": 0})
        for key in ("files", "input_bytes", "added", "updated", "unchanged", "failed", "store_seconds", "index_seconds",
                    "seconds", "cpu_seconds", "read_seconds", "tantivy_seconds", "records_read"):  # fmt: skip
            t[key] = t.get(key, 0) + r[key]
        t["peak_rss_bytes"] = max(t["peak_rss_bytes"], r["peak_rss_bytes"])
    print("\nPer format:\n" + HEADER)
    for t in by_format.values():
        print(_row(t))
    if args.json:
        args.json.write_text(json.dumps({"corpora": results, "formats": list(by_format.values())}, indent=1))


if __name__ == "__main__":
    main()
