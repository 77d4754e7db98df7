"""How often Legation reads a CSV file saved in a legacy encoding as it was written, on the real corpora.

Usage::

    uv run python benchmarks/ingest/encodings.py [--shared ../shared/data] [--per 100] [--json out.json]

The corpora of ../shared/data are all UTF-8. Spreadsheets of the same texts saved by Excel or an
old system would be in the legacy code page of their language, and Legation must guess which
(``legation.ingest.encodings.decode``, no encoding declared). For each corpus with text in a
language such a code page covers, up to ``--per`` records (taken evenly through the corpus) are
written as small CSV files, in each encoding of :data:`ENCODINGS` for that language, in two sizes:

- **title**: a header and one row, ``identifier,title``: the hardest case, a few words;
- **rows**: a header and 10 rows, ``identifier,title,text``: the record and its nine successors,
  each with the first 300 characters of its first text in that language.

A file is **right** when it decodes to exactly the text encoded, **wrong** when it decodes to
another text (mojibake, stored silently but for the note), **refused** when ``decode`` raises
(the operator is told to give ``--encoding``). Records whose text the encoding cannot represent,
or that are pure ASCII (every encoding reads them alike), are skipped.

To compare two versions, run this script with the other version's ``src`` first on
``PYTHONPATH`` and compare the tables (or the ``--json`` files, which list every wrong reading).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "benchmarks" / "ingest"))

from run import CORPORA  # noqa: E402  (the corpora and their paths, as the ingest benchmark reads them)

# language of a text → the legacy encodings a file of it might have been saved in
ENCODINGS = {
    "de": ["cp1252", "mac-roman"],
    "fr": ["cp1252", "mac-roman"],
    "tr": ["cp1254", "iso8859-9"],
    "ko": ["cp949"],
    "zh": ["gb18030", "gbk"],
    "en": ["cp1252"],
}
ROWS = 10
TEXT_CHARS = 300


def samples(name: str, shared: Path, per: int) -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """``(language, identifier, rows)`` of up to ``per`` records of corpus ``name`` with text in a language
    of :data:`ENCODINGS`: the record and its ``ROWS - 1`` successors in that language as (identifier, title, text)."""
    from legation.ingest.readers import files_to_read, read_file
    from legation.records.document_record import DocumentRecord

    _, _, mapping, parts = next(c for c in CORPORA if c[0] == name)
    paths = [shared / p for p in parts if (shared / p).exists()]
    rows: list[tuple[str, str, str, str]] = []  # language, identifier, title, text
    for path in files_to_read(paths, mapping) if paths else []:
        for item in read_file(path, mapping):
            if not isinstance(item, DocumentRecord):
                continue
            text = next((t for t in item.texts if t.language in ENCODINGS), None)
            if text is not None:
                rows.append((text.language, item.identifier, item.title, " ".join(text.body[:TEXT_CHARS].split())))
    step = max(1, len(rows) // per)
    chosen = []
    for start in range(0, len(rows), step)[:per]:
        language = rows[start][0]
        run = [r for r in rows[start:] if r[0] == language][:ROWS]
        chosen.append((language, rows[start][1], [(i, title, text) for _, i, title, text in run]))
    return chosen


def as_csv(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def survey(name: str, shared: Path, per: int) -> tuple[Counter, list[dict]]:
    """Counts per (corpus, language, encoding, size, outcome), and every wrong reading."""
    from legation.ingest.encodings import decode

    counts: Counter = Counter()
    wrong: list[dict] = []
    for language, identifier, rows in samples(name, shared, per):
        files = {"title": as_csv([rows[0][:2]], ("identifier", "title")), "rows": as_csv(rows, ("identifier", "title", "text"))}
        for encoding in ENCODINGS[language]:
            for size, text in files.items():
                try:
                    data = text.encode(encoding)
                except UnicodeEncodeError:
                    continue
                if data.isascii():
                    continue
                try:
                    decoded = decode(data)
                except ValueError:
                    outcome, read_as, read = "refused", "", ""
                else:
                    outcome = "right" if decoded.text == text else "wrong"
                    read_as, read = decoded.encoding, decoded.text
                counts[name, language, encoding, size, outcome] += 1
                if outcome != "right":
                    wrong.append({"corpus": name, "identifier": identifier, "encoding": encoding, "size": size,
                                  "outcome": outcome, "read_as": read_as, "text": text[:200], "read": read[:200]})
    return counts, wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the corpora folder")
    parser.add_argument("--per", type=int, default=100, help="records per corpus (default 100)")
    parser.add_argument("--only", default="", help="comma-separated corpus names (default: all)")
    parser.add_argument("--json", type=Path, help="write the counts and every reading that was not right here")
    args = parser.parse_args()
    names = [c[0] for c in CORPORA if not args.only or c[0] in args.only.split(",")]
    counts: Counter = Counter()
    wrong: list[dict] = []
    started = time.perf_counter()
    for name in names:
        c, w = survey(name, args.shared, args.per)
        counts.update(c)
        wrong.extend(w)
    keys = sorted({k[:4] for k in counts})
    print(f"{'corpus':8} {'lang':4} {'encoding':10} {'size':5} {'files':>5} {'right':>5} {'wrong':>5} {'refused':>7}")
    for key in keys:
        right, bad, refused = (counts[(*key, o)] for o in ("right", "wrong", "refused"))
        print(f"{key[0]:8} {key[1]:4} {key[2]:10} {key[3]:5} {right + bad + refused:5,} {right:5,} {bad:5,} {refused:7,}")
    total = Counter()
    for key, n in counts.items():
        total[key[4]] += n
    print(f"all: {sum(total.values()):,} files, {total['right']:,} right, {total['wrong']:,} wrong, "
          f"{total['refused']:,} refused ({time.perf_counter() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps({"counts": [[*k, n] for k, n in sorted(counts.items())], "not_right": wrong},
                                        ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
