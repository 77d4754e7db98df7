"""Which dates of the real corpora of ../shared/data Legation leaves unread, per corpus.

Usage::

    uv run python benchmarks/ingest/dates.py [--shared ../shared/data] [--only frus,moritz]
        [--json out.json] [--against before.json] [--patterns 40]

Every corpus is read with Legation's own readers (as ``benchmarks/ingest/run.py`` ingests it:
``files_to_read`` + ``read_file``, the mapped corpora with their bundled mapping), nothing stored.
Per corpus it counts the records, those with a date as written (``date_text``), and:

- **unread (ingest)**: records that ingest reports as "not read as a date", stored undated with
  their text kept: a ``date_text``, no ``date_edtf``, and :func:`parse_archival_date` flags the
  text (ingest's own rule, ``legation.ingest.service``); their distinct strings;
- **flagged (parser)**: the distinct ``date_text`` strings :func:`parse_archival_date` flags on
  their own, whatever EDTF the reader found elsewhere (a TEI ``@when``, the Moritz index's EDTF
  column), and the records carrying them: how far the parser reads what archives write.

Flagged strings are grouped by their shape (digits as ``9``, a run of letters as ``a``, so that
"Winter 1949-50" and "Summer 1951-52" are one pattern) and the most frequent patterns are listed
with an example. ``--json`` writes every flagged string with its corpus and record count, and every
distinct string's reading (its EDTF value and whether it is flagged), to compare two versions: run this
script with the other version's ``src`` first on ``PYTHONPATH`` and ``--json before.json``, then with
this one and ``--against before.json``, which counts and lists every distinct string that reads
differently (a string one version's readers give and the other's do not is listed too).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "benchmarks" / "ingest"))

from run import CORPORA  # noqa: E402  (the corpora and their paths, as the ingest benchmark reads them)


def shape(text: str) -> str:
    """The pattern of a date string: digits as ``9``, a run of letters as ``a``, the rest kept."""
    return re.sub(r"[^\W\d_]+", "a", re.sub(r"\d", "9", text))


def survey(name: str, shared: Path) -> dict:
    """Counts and flagged strings of one corpus (see the module docstring)."""
    from legation.ingest.dates import parse_archival_date
    from legation.ingest.readers import files_to_read, read_file
    from legation.records.document_record import DocumentRecord

    _, _, mapping, parts = next(c for c in CORPORA if c[0] == name)
    paths = [shared / p for p in parts if (shared / p).exists()]
    records = dated = 0
    unread: Counter[str] = Counter()
    texts: Counter[str] = Counter()
    for path in files_to_read(paths, mapping) if paths else []:
        for item in read_file(path, mapping):
            if not isinstance(item, DocumentRecord):
                continue
            records += 1
            if not item.date_text:
                continue
            dated += 1
            texts[item.date_text] += 1
            if not item.date_edtf and parse_archival_date(item.date_text).flagged:
                unread[item.date_text] += 1
    readings = {text: parse_archival_date(text) for text in texts}
    flagged = {text: n for text, n in texts.items() if readings[text].flagged}
    return {
        "corpus": name,
        "records": records,
        "with_date_text": dated,
        "distinct_date_texts": len(texts),
        "unread_records": sum(unread.values()),
        "unread_distinct": len(unread),
        "flagged_records": sum(flagged.values()),
        "flagged_distinct": len(flagged),
        "flagged": dict(sorted(flagged.items(), key=lambda kv: (-kv[1], kv[0]))),
        "unread": dict(sorted(unread.items(), key=lambda kv: (-kv[1], kv[0]))),
        "readings": {text: [read.edtf, read.flagged] for text, read in sorted(readings.items())},
    }


def changed(before: list[dict], after: list[dict]) -> list[tuple[str, str, object, object]]:
    """(corpus, text, reading before, reading after) of every distinct date string whose reading
    (``[edtf, flagged]``, ``None`` when that version's readers did not give the string) differs
    between two ``--json`` outputs, per corpus in both."""
    earlier = {result["corpus"]: result.get("readings", {}) for result in before}
    found = []
    for result in after:
        if result["corpus"] not in earlier:
            continue
        old, new = earlier[result["corpus"]], result["readings"]
        for text in sorted(old.keys() | new.keys()):
            if old.get(text) != new.get(text):
                found.append((result["corpus"], text, old.get(text), new.get(text)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the corpora folder")
    parser.add_argument("--only", default="", help="comma-separated corpus names (default: all)")
    parser.add_argument("--json", type=Path, help="write every count and flagged string here")
    parser.add_argument("--patterns", type=int, default=30, help="patterns of flagged strings listed (0: none)")
    parser.add_argument("--against", type=Path, help="a --json output of another version: list the strings read differently")
    args = parser.parse_args()
    names = [c[0] for c in CORPORA if not args.only or c[0] in args.only.split(",")]
    results = []
    print(f"{'corpus':8} {'records':>8} {'dated':>8} {'distinct':>8} {'unread rec':>10} {'unread str':>10}"
          f" {'flagged rec':>11} {'flagged str':>11} {'s':>5}")
    for name in names:
        started = time.perf_counter()
        result = survey(name, args.shared)
        results.append(result)
        print(f"{name:8} {result['records']:8,} {result['with_date_text']:8,} {result['distinct_date_texts']:8,}"
              f" {result['unread_records']:10,} {result['unread_distinct']:10,} {result['flagged_records']:11,}"
              f" {result['flagged_distinct']:11,} {time.perf_counter() - started:5.0f}", flush=True)
    if args.patterns:
        groups: dict[str, Counter] = defaultdict(Counter)
        for result in results:
            for text, n in result["flagged"].items():
                groups[shape(text)][(result["corpus"], text)] += n
        print(f"\nflagged strings by pattern (records, distinct strings, corpora, example), top {args.patterns}:")
        ranked = sorted(groups.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        for pattern, members in ranked[: args.patterns]:
            corpora = sorted({corpus for corpus, _ in members})
            example = members.most_common(1)[0][0][1]
            print(f"  {sum(members.values()):6,} {len(members):5,}  {','.join(corpora):20} {pattern!r:40} e.g. {example!r}")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1))
    if args.against:
        before = json.loads(args.against.read_text())
        differences = changed(before, results)
        compared = {r["corpus"] for r in before} & {r["corpus"] for r in results}
        distinct = {text for r in results if r["corpus"] in compared for text in r["readings"]}
        print(f"\ndistinct strings read differently than in {args.against.name}: {len({d[1] for d in differences}):,} of"
              f" {len(distinct):,} ({', '.join(sorted(compared))}); [edtf, flagged], null when not given:")
        for corpus, text, old, new in differences:
            print(f"  {corpus:8} {text!r:40} {json.dumps(old, ensure_ascii=False)} -> {json.dumps(new, ensure_ascii=False)}")


if __name__ == "__main__":
    main()
