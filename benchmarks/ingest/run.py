"""Ingest throughput on the real corpora of ../shared/data, all into one archive, per format.

Usage::

    uv run python benchmarks/ingest/run.py [--shared ../shared/data] [--only dfat,frus] [--json out.json]
        [--baseline OTHER_CHECKOUT] [--no-floors]

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
  most twice it; ``load`` is the 1-minute load average when the ingest ended (per format: the highest);
- **read only**: the same files through the reader alone (records made, nothing stored);
- **tantivy only**: those records indexed straight into a scratch tantivy index with Legation's
  schema (``to_document`` + ``add_document`` + one commit), no database;
- **engine only**: their titles and texts (bodies and footnotes) alone indexed into a scratch
  index of two stored fields through tantivy's own ``en_stem`` tokenizer, no Python analysis:
  what the engine itself costs for these bytes, without Legation's fields (names, facets,
  shingles, ``vocab``, a field per language).

The read-only and tantivy-only passes are the floor under Legation's number: what any system must
spend to parse these formats and to build this index; the engine-only pass tells how much of the
index's cost is the schema rather than tantivy. Prints one table per corpus and a total per format.

``--baseline DIR`` compares with another version of Legation: ``DIR`` is a checkout of it (say
``git worktree add ../before HEAD~3``; its ``src`` is put first on the child's ``PYTHONPATH``).
Each corpus is then ingested by the baseline and by this version back to back, each into an
archive of its own, so both meet about the same load on a shared machine; the tables get a
``before`` row under each ``after`` row. The floors are measured once, with this version's code
(``--no-floors`` leaves them out: 0 in their columns).
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


def run_one(name: str, shared: Path, floors: bool = True) -> dict:
    """In the child: ingest one corpus into the archive of LEGATION_DATA_DIR and time it; with
    ``floors``, also the read-only and tantivy-only passes (else their times are 0)."""
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

    result = {
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
        "load": os.getloadavg()[0],
        "read_seconds": 0.0,
        "tantivy_seconds": 0.0,
        "engine_seconds": 0.0,
        "records_read": 0,
    }
    if floors:
        result.update(_floors(files, mapping))
    return result


def _floors(files: list[Path], mapping: str | None) -> dict:
    """Seconds to read ``files`` with the reader alone, to index the records straight into a
    scratch tantivy index, and to index their titles and texts alone (:func:`_engine_seconds`):
    ``read_seconds``, ``tantivy_seconds``, ``engine_seconds``, ``records_read``."""
    from legation.ingest.readers import read_file
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
    return {"read_seconds": read_seconds, "tantivy_seconds": tantivy_seconds, "engine_seconds": _engine_seconds(records), "records_read": len(records)}


def _engine_seconds(records: list) -> float:
    """Seconds to index the ``records``' titles and texts (each text's body and footnotes, one
    value) into a scratch index of two stored text fields through tantivy's ``en_stem``
    tokenizer, with the writer settings of ``legation ingest`` (heap, threads) and one commit."""
    import tantivy

    from legation.search.indexer import WRITER_HEAP_BYTES

    builder = tantivy.SchemaBuilder()
    for name in ("title", "text"):
        builder.add_text_field(name, stored=True, tokenizer_name="en_stem")
    values = [
        (r.title or "", [" ".join([t.body, *(f.text for f in t.footnotes)]) for t in r.texts]) for r in records
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as scratch:
        index = tantivy.Index(builder.build(), path=scratch)
        start = time.perf_counter()
        writer = index.writer(heap_size=WRITER_HEAP_BYTES, num_threads=min(4, os.cpu_count() or 1))
        for title, texts in values:
            doc = tantivy.Document()
            doc.add_text("title", title)
            for text in texts:
                doc.add_text("text", text)
            writer.add_document(doc)
        writer.commit()
        writer.wait_merging_threads()
        return time.perf_counter() - start


def _row(r: dict, label: str = "") -> str:
    docs = r["added"] + r["updated"] + r["unchanged"]
    mb = r["input_bytes"] / 1e6
    name = f"{r['corpus']} {label}".strip()
    return (
        f"| {name:<8} | {r['format']:<10} | {docs:>7,} | {r['failed']:>4} | {mb:>7.1f} | {r['seconds']:>7.1f} "
        f"| {docs / r['seconds']:>7.0f} | {mb / r['seconds']:>5.2f} | {docs / r['cpu_seconds']:>6.0f} "
        f"| {r['store_seconds']:>6.1f} | {r['index_seconds']:>6.1f} "
        f"| {r['peak_rss_bytes'] / 2**20:>6.0f} | {r['records_read'] / (r['read_seconds'] or 1):>7.0f} "
        f"| {r['records_read'] / (r['tantivy_seconds'] or 1):>7.0f} | {r['records_read'] / (r.get('engine_seconds') or 1):>7.0f} "
        f"| {r.get('load', 0):>4.1f} |"
    )


HEADER = (
    "| corpus   | format     |    docs | fail |   in MB |  wall s |  docs/s |  MB/s | docs/CPU-s | store s | index s | RSS MiB | read-only docs/s | tantivy-only docs/s | engine-only docs/s | load |\n"
    "|----------|------------|--------:|-----:|--------:|--------:|--------:|------:|-------:|--------:|--------:|--------:|--------:|--------:|--------:|-----:|"
)


def _totals(results: list[dict]) -> dict[str, dict]:
    """Per format: sums of the corpora's counts and times, the largest peak memory."""
    by_format: dict[str, dict] = {}
    for r in results:
        t = by_format.setdefault(r["format"], {"corpus": "all", "format": r["format"], "peak_rss_bytes": 0})
        for key in ("files", "input_bytes", "added", "updated", "unchanged", "failed", "store_seconds", "index_seconds",
                    "seconds", "cpu_seconds", "read_seconds", "tantivy_seconds", "engine_seconds", "records_read"):  # fmt: skip
            t[key] = t.get(key, 0) + r.get(key, 0)  # a baseline's child may not report engine_seconds
        t["peak_rss_bytes"] = max(t["peak_rss_bytes"], r["peak_rss_bytes"])
        t["load"] = max(t.get("load", 0.0), r.get("load", 0.0))
    return by_format


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--only", help="comma-separated corpus names (default: all)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--baseline", type=Path, help="a checkout of another version to compare with, corpus by corpus")
    parser.add_argument("--no-floors", action="store_true", help="leave out the read-only and tantivy-only passes")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # child mode
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.shared, floors=not args.no_floors)))
        return
    if not args.shared.is_dir():
        sys.exit(f"no shared corpora folder at {args.shared}; pass --shared PATH")
    if args.baseline and not (args.baseline / "src" / "legation").is_dir():
        sys.exit(f"{args.baseline} is not a Legation checkout (no src/legation in it)")
    names = args.only.split(",") if args.only else [c[0] for c in CORPORA]
    results: list[dict] = []
    before: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="legation-ingest-bench-") as data_dir:

        def child(name: str, folder: str, src: Path | None, floors: bool) -> dict:
            env = {**os.environ, "LEGATION_DATA_DIR": folder}
            if src is not None:
                env["PYTHONPATH"] = os.pathsep.join([str(src), *filter(None, [os.environ.get("PYTHONPATH")])])
            command = [sys.executable, __file__, "--one", name, "--shared", str(args.shared)] + ([] if floors else ["--no-floors"])
            out = subprocess.run(command, env=env, check=True, capture_output=True, text=True, cwd=ROOT)
            return json.loads(out.stdout.strip().splitlines()[-1])

        print(HEADER, flush=True)
        for name in names:
            if args.baseline:
                before.append(child(name, str(Path(data_dir) / "before"), args.baseline.resolve() / "src", floors=False))
            results.append(child(name, str(Path(data_dir) / "after"), None, floors=not args.no_floors))
            print(_row(results[-1], "after" if args.baseline else ""), flush=True)
            if args.baseline:
                print(_row({**before[-1], **{k: results[-1][k] for k in ("read_seconds", "tantivy_seconds", "records_read")}}, "before"), flush=True)
    print("\nPer format:\n" + HEADER)
    old = _totals(before)
    for kind, t in _totals(results).items():
        print(_row(t, "after" if args.baseline else ""))
        if kind in old:
            print(_row({**old[kind], **{k: t[k] for k in ("read_seconds", "tantivy_seconds", "records_read")}}, "before"))
    if args.json:
        args.json.write_text(json.dumps({"corpora": results, "formats": list(_totals(results).values()), "baseline": before}, indent=1))


if __name__ == "__main__":
    main()
