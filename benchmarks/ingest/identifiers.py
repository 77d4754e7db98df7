"""What finding an identifier in another case costs in a large archive: a mistyped document address,
and the check every ingest makes that no new identifier differs from a stored one in case alone.

Usage (from the checkout; the archives go under ``--work``, about 0.3 GB for 1,000,000 documents)::

    uv run python benchmarks/ingest/identifiers.py [--docs 1000000] [--baseline OTHER_CHECKOUT] [--work /tmp/legation-identifiers]

For each version (the baseline first, when given: a checkout such as ``git worktree add ../before
HEAD~3``, whose ``src`` goes first on a child process's ``PYTHONPATH``), a child process makes a new
SQLite archive with that version's migrations and fills it with ``--docs`` minimal documents
(identifier ``synthetic-0000001`` …, a title; one in 1,000 with a non-ASCII identifier,
``Straße-0001000``) by plain SQL, as fast as SQLite takes them; the folded column, where the
version has one, is filled as its migration would. Then, in that child:

- **address, no such document**: ``canonical_identifier("no-such-document")``, what the document page
  and the API ask before answering 404; best of 5, ms;
- **address, other case**: ``canonical_identifier("SYNTHETIC-0999999")``, which finds the document
  to redirect to; best of 5, ms;

and in a fresh child each, so that memory is its own:

- **ingest of one document**: ``ingest_records`` of one new record, as ``legation ingest`` of a
  one-row file does it (the index is not built: this archive has none); wall and CPU s, and the
  growth of the process's peak resident memory (``ru_maxrss``) over the ingest, MB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def child_env(src: Path, data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(src),
        "LEGATION_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "legation.settings",
        "LEGATION_SECRET_KEY": "benchmark-only-" + "x" * 40,
    }


def build(docs: int) -> dict:
    """In the child: a new archive holding ``docs`` documents, and the address timings."""
    import sqlite3
    import time

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    from django.db import connection

    from legation.records.documents import canonical_identifier

    path = connection.settings_dict["NAME"]
    connection.close()
    db = sqlite3.connect(path)
    columns = {row[1] for row in db.execute("PRAGMA table_info(records_document)")}
    folded = "identifier_folded" in columns
    names = "identifier, title, document_type, date_text, date_edtf, summary, source_note, rights, credit, classification, source_url, language, relations, updated_at, ingested_from"
    names += ", identifier_folded" if folded else ""
    marks = ", ".join("?" * len(names.split(", ")))

    def row(n: int) -> tuple[str, ...]:
        identifier = f"synthetic-{n:07d}" if n % 1000 else f"Straße-{n:07d}"
        return (identifier, f"Document {n}", *[""] * 9, "en", "[]", "2026-12-01 00:00:00", "", *([identifier.casefold()] if folded else []))

    rows = (row(n) for n in range(docs))
    with db:
        db.executemany(f"INSERT INTO records_document ({names}) VALUES ({marks})", rows)
    db.close()

    def best(call) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        return min(times) * 1000

    return {
        "miss_ms": best(lambda: canonical_identifier("no-such-document")),
        "case_ms": best(lambda: canonical_identifier(f"SYNTHETIC-{docs - 1:07d}")),
        "folded_column": folded,
    }


def ingest_one() -> dict:
    """In the child: one new document ingested into the archive :func:`build` made."""
    import resource
    import time

    import django

    django.setup()
    from legation.ingest.service import ingest_records
    from legation.records.document_record import DocumentRecord

    record = DocumentRecord(identifier="new-document-1", title="One more", date_edtf="1950").validate()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    report = ingest_records([record])
    assert report.added == ["new-document-1"], report.failed
    return {
        "ingest_wall_s": time.perf_counter() - wall,
        "ingest_cpu_s": time.process_time() - cpu,
        "ingest_rss_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024,
    }


def measure(name: str, checkout: Path, docs: int, work: Path) -> dict:
    data_dir = work / name
    if data_dir.exists():
        sys.exit(f"{data_dir} exists: give another --work folder, or remove it")
    data_dir.mkdir(parents=True)
    env = child_env(checkout / "src", data_dir)
    run = [sys.executable, __file__, "--child"]
    result = json.loads(subprocess.run([*run, "build", "--docs", str(docs)], env=env, check=True, capture_output=True, text=True).stdout)
    result |= json.loads(subprocess.run([*run, "ingest"], env=env, check=True, capture_output=True, text=True).stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--baseline", type=Path, help="a checkout of another version, measured first")
    parser.add_argument("--work", type=Path, default=Path("/tmp/legation-identifiers"))
    parser.add_argument("--child", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "build":
        print(json.dumps(build(args.docs)))
        return
    if args.child == "ingest":
        print(json.dumps(ingest_one()))
        return
    versions = ([("before", args.baseline.resolve())] if args.baseline else []) + [("after" if args.baseline else "this", ROOT)]
    print(f"{args.docs:,} documents, SQLite\n")
    print("| code | folded column | address, no such document (ms) | address, other case (ms) | ingest of one document: wall s | CPU s | peak RSS growth (MB) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, checkout in versions:
        r = measure(name, checkout, args.docs, args.work)
        print(
            f"| {name} | {'yes' if r['folded_column'] else 'no'} | {r['miss_ms']:.2f} | {r['case_ms']:.2f} | "
            f"{r['ingest_wall_s']:.2f} | {r['ingest_cpu_s']:.2f} | {r['ingest_rss_mb']:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
