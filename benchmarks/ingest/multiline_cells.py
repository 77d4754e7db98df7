"""Whether the CSV reader takes a real text's paragraphs for rows a stray quotation mark read into one cell.

Usage::

    uv run python benchmarks/ingest/multiline_cells.py [--shared ../shared/data] [--per 1500]

A quotation mark opening a cell by mistake reads the next lines into that cell; the reader reads them
again as rows when every one of them is a row of the table (``csv_dc._Table.swallowed``). A text of
paragraphs must not pass for that. For each corpus, up to ``--per`` records (taken evenly through it)
are written as the narrowest table, ``identifier,title,text`` (a paragraph needs but two commas to be
as wide as a row), by ``csv.writer`` as a spreadsheet writes it, and read back by ``read_csv``. Prints,
per corpus: texts, texts of several lines, documents read back, failures, and the texts of several
lines each of whose lines would pass for a row by width alone, the identifier's form unchecked (what
the form check spares).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks" / "ingest"))

from run import CORPORA  # noqa: E402  (the corpora and their paths, as the ingest benchmark reads them)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--per", type=int, default=1500)
    args = parser.parse_args()
    from legation.errors import IngestError
    from legation.ingest.readers import files_to_read, read_file
    from legation.ingest.readers.csv_dc import _BREAK, _Table, read_csv
    from legation.records.document_record import DocumentRecord

    print("| corpus | texts | of several lines | read back | failed | taken for rows by width alone |")
    print("|---|---:|---:|---:|---:|---:|")
    totals = [0] * 5
    with tempfile.TemporaryDirectory() as scratch:
        for name, _, mapping, parts in CORPORA:
            paths = [args.shared / p for p in parts if (args.shared / p).exists()]
            texts = [
                (item.identifier, item.title, item.texts[0].body)
                for path in (files_to_read(paths, mapping) if paths else [])
                for item in read_file(path, mapping)
                if isinstance(item, DocumentRecord) and item.texts
            ]
            texts = texts[:: max(1, len(texts) // args.per)][: args.per]
            if not texts:
                continue
            table = Path(scratch) / f"{name}.csv"
            with table.open("w", encoding="utf-8", newline="") as handle:
                csv.writer(handle).writerows([("identifier", "title", "text"), *texts])
            items = list(read_csv(table))
            wide = _Table(3, ",", None)  # a row's width, no identifier's form
            several = [body for _, _, body in texts if _BREAK.search(body)]
            by_width = sum(all(map(wide.is_row, lines)) for body in several if (lines := [x for x in _BREAK.split(body)[1:] if x.strip()]))
            row = [len(texts), len(several), sum(isinstance(i, DocumentRecord) for i in items), sum(isinstance(i, IngestError) for i in items), by_width]
            totals = [a + b for a, b in zip(totals, row)]
            print(f"| {name} | " + " | ".join(f"{n:,}" for n in row) + " |", flush=True)
    print("| all | " + " | ".join(f"**{n:,}**" for n in totals) + " |")


if __name__ == "__main__":
    main()
