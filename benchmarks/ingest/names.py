"""How a table would read the names of the real corpora of ../shared/data: each name's kind (person or
organization), direct name and key, as `legation ingest` makes them of a CSV or JSON Lines cell
(:func:`legation.ingest.names.agent_kind`, :func:`~legation.ingest.names.direct_name`,
:func:`legation.ingest.mappings.agent_key`).

Where a corpus says what a name is, the reading is checked against it: the Dodis and QhoD editions'
``persName`` and ``orgName`` elements, the FRUS volumes' lists of persons, the UN General Debate's
speakers and the presidents of the State of the Union are persons or bodies by their source. The FRUS
index's senders and recipients and the Moritz letters' are of either kind, unsaid: they are read, and
listed only when they read otherwise than before (``--against``).

    uv run python benchmarks/ingest/names.py --json after.json [--against before.json] [--wrong]

``--json`` writes every distinct (corpus, kind by source, name) with its reading; ``--against`` a file so
written by another version lists each name read otherwise: the survey to run before and after a change
to the rules of names (a body read as a person, or a person as a body, is a wrong facet value and key);
``--wrong`` lists each name read as the other kind than its source gives.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from legation.ingest.mappings import agent_key
from legation.ingest.names import agent_kind, direct_name

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _parse(source) -> etree._Element | None:  # noqa: ANN001 - a path or an open file
    # the corpora's own files, read as the survey's input only (no entity of theirs is expanded)
    return etree.parse(source, etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=True)).getroot()


def names(shared: Path) -> Iterator[tuple[str, str, str]]:
    """(corpus, kind by its source: "person", "organization" or "?", name) of every name the survey reads."""
    for corpus, folder in (("dodis", "dodis-when-the-wall-came-down/tei"), ("qhod", "qhod-habsburg-ottoman-diplomacy/tei")):
        for path in sorted((shared / folder).rglob("*.xml")):
            if (root := _parse(str(path))) is None:
                continue
            for tag, kind in (("persName", "person"), ("orgName", "organization")):
                yield from ((corpus, kind, _text(e)) for e in root.iter(TEI + tag))
    for path in sorted((shared / "frus" / "volumes").glob("*.xml.gz")):
        with gzip.open(path) as file:
            root = _parse(file)
        for div in root.iter(TEI + "div") if root is not None else ():
            if div.get(XML_ID) == "persons":
                yield from (("frus-persons", "person", _text(e)) for e in div.iter(TEI + "persName") if e.get(XML_ID))
    with gzip.open(shared / "frus" / "documents-index.csv.gz", "rt", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            yield from (("frus-index", "?", row[column]) for column in ("from", "to"))
    with open(shared / "un-general-debate-corpus" / "speakers_by_session.csv", encoding="utf-8") as file:
        yield from (("un", "person", row["Name of Person Speaking"]) for row in csv.DictReader(file))
    with open(shared / "us-state-of-the-union" / "presidents.csv", encoding="utf-8") as file:
        yield from (("sotu", "person", row["president_full"]) for row in csv.DictReader(file))
    with gzip.open(shared / "moritz-saxony-political-correspondence-metadata" / "letters.csv.gz", "rt", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            yield from (("moritz", "?", name) for column in ("sender", "addressee") for name in row[column].split("|"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=SHARED, help="the corpora folder")
    parser.add_argument("--json", type=Path, help="write every name's reading here")
    parser.add_argument("--against", type=Path, help="a --json file of another version: list each name read otherwise")
    parser.add_argument("--wrong", action="store_true", help="list each name read as the other kind than its source gives")
    args = parser.parse_args()
    if not args.shared.is_dir():
        sys.exit(f"no corpora folder at {args.shared}: give it with --shared")
    seen = dict.fromkeys((corpus, kind, " ".join(name.split())) for corpus, kind, name in names(args.shared))
    readings = {f"{c}\t{k}\t{n}": [agent_kind(n), direct_name(n), agent_key("", n, agent_kind(n))] for c, k, n in seen if n}
    wrong, counted = Counter(), Counter()
    for entry, (kind, _, _) in readings.items():
        corpus, truth, _ = entry.split("\t")
        counted[corpus, truth] += 1
        wrong[corpus, truth] += truth != "?" and kind != truth
    print(f"{'corpus':14} {'by source':13} {'names':>7} {'read as the other kind':>23}")
    for corpus, truth in sorted(counted):
        shown = f"{wrong[corpus, truth]:,}" if truth != "?" else "(unsaid)"
        print(f"{corpus:14} {truth:13} {counted[corpus, truth]:>7,} {shown:>23}")
    print(f"{sum(counted.values()):,} distinct names")
    if args.wrong:
        print("\nread as the other kind than the source gives (corpus, kind by source, name):")
        for entry, (kind, _, _) in sorted(readings.items()):
            if (truth := entry.split("\t")[1]) != "?" and kind != truth:
                print("  " + entry.replace("\t", " | "))
    if args.json:
        args.json.write_text(json.dumps(readings, ensure_ascii=False, sort_keys=True))
    if args.against:
        before = json.loads(args.against.read_text())
        moved = [(entry, before[entry], now) for entry, now in readings.items() if entry in before and before[entry] != now]
        print(f"\nnames read otherwise than in {args.against.name}: {len(moved):,} of {len(readings):,} (kind, direct name, key):")
        for entry, old, new in moved:
            print(f"  {entry.replace(chr(9), ' | ')}: {old} → {new}")


if __name__ == "__main__":
    main()
