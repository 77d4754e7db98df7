"""How two versions of the date parser read crafted dates in numbers, the forms the corpora seldom write.

Usage::

    PYTHONPATH=<other version>/src uv run python benchmarks/ingest/dates_crafted.py --json before.json
    uv run python benchmarks/ingest/dates_crafted.py --json after.json --against before.json

The strings: two and three of a set of numbers (days, months, years of two and four digits, the years 1905 and 1911 whose
next years are months too) and Roman months, joined by a slash, hyphen, full stop, space or en dash, bare or with spaces
around the mark; ranges of two dates in numbers joined by a dash, hyphen, "to" or a slash; and a fixed sample of 3,000 of
them qualified, bracketed, noted or ended by a full stop. Each string's reading is its EDTF value, whether it is flagged,
and the reason :func:`legation.ingest.dates.unread_reason` gives when it is. ``--against`` counts the strings read
differently, newly read, no longer read, read as another date, and those whose reason alone changed, with examples.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dates import shape  # noqa: E402  (the survey's shapes of a string: digits as 9, letters as a)

NUMBERS = ["0", "1", "02", "5", "06", "7", "12", "13", "22", "31", "32", "45", "49", "1743", "1905", "1911", "1949", "1950"]
ROMANS = ["XII"]
MARKS = ["/", "-", ".", " ", "–", " / "]
ENDS = ["12/1949", "02/1950", "XII/1949", "13/1950", "22/12/1949", "05/01/1950", "05/06/1949", "1949/12/22", "1950", "1949",
        "12/49", "1911/12/13", "1949 12 22", "12-1949", "12.1949"]  # fmt: skip


def crafted() -> list[str]:
    """The crafted strings (see the module docstring), sorted."""
    strings = {mark.join(parts) for mark in MARKS for n in (2, 3) for parts in itertools.product(NUMBERS + ROMANS, repeat=n)
               if sum(p.isdigit() and len(p) == 4 for p in parts) <= 2}  # fmt: skip
    strings |= {f"{a}{dash}{b}" for a, b in itertools.product(ENDS, repeat=2) for dash in (" – ", "–", "-", " - ", " to ", "/")}
    for text in random.Random(48).sample(sorted(strings), 3000):
        if len(text) < 12:
            strings |= {form.format(text) for form in ("c. {}", "[{}]", "{}?", "{} (draft)", "{}.")}
    return sorted(strings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, required=True, help="write every string's reading here")
    parser.add_argument("--against", type=Path, help="a --json output of another version: count the strings read differently")
    parser.add_argument("--examples", type=int, default=5, help="examples listed of each kind of change")
    args = parser.parse_args()
    from legation.ingest.dates import parse_archival_date, unread_reason

    readings = {}
    for text in crafted():
        read = parse_archival_date(text)
        readings[text] = [read.edtf, read.flagged, unread_reason(text) if read.flagged else None]
    args.json.write_text(json.dumps(readings, ensure_ascii=False))
    print(f"{len(readings):,} crafted strings read")
    if not args.against:
        return
    before = json.loads(args.against.read_text())
    kinds: dict[str, list[str]] = {}
    for text in sorted(readings.keys() & before.keys()):
        (old, _, old_reason), (new, _, new_reason) = before[text], readings[text]
        if old != new:
            kind = "newly read" if not old else "no longer read" if not new else "read as another date"
        elif old_reason != new_reason:
            kind = "reason given" if not old_reason else "reason changed"
        else:
            continue
        kinds.setdefault(kind, []).append(text)
    print(f"against {args.against.name}: {sum(len(v) for v in kinds.values()):,} of {len(readings.keys() & before.keys()):,} differ")
    for kind, texts in sorted(kinds.items()):
        shapes = Counter(shape(text) for text in texts)
        print(f"  {kind}: {len(texts):,}; commonest shapes {shapes.most_common(6)}")
        for text in texts[: args.examples]:
            print(f"    {text!r}: {before[text]} -> {readings[text]}")


if __name__ == "__main__":
    main()
