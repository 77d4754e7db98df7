"""The demo volumes' own footnotes pasted whole into the search box: is the document they link found?

Usage (an archive built from the demo, as for run.py)::

    LEGATION_DATA_DIR=/tmp/relevance-archive uv run python benchmarks/relevance/footnotes.py [--show]

Every footnote (TEI ``note``) of ``data/demo/frus/*.xml.gz`` that names the series ("Foreign
Relations" or "FRUS") and links a document or a printed page (``<ref target="frus…#d110">``,
``#pg_290``; no volume: its own) of a volume the demo holds is searched as a researcher pastes it:
its whole text, at most 1,000 characters. A footnote counts as found when a linked document, or a
document of the linked volume printed on the linked page, is among the first 10 hits. Printed: how
many footnotes, how many found, how many find nothing; ``--show`` lists those not found, with the
page's notice. A footnote may link a document of its own volume ("see Document 49") while its
citation names another volume the demo lacks: those are not found, and say why.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legation.settings")

TEI = "{http://www.tei-c.org/ns/1.0}"
DEMO = REPO / "data" / "demo" / "frus"
PASTED_CHARS = 1000
TOP = 10


def footnotes() -> list[tuple[str, list[tuple[str, str, int]]]]:
    """(text, links) of every footnote as above; a link is (volume, "d" or "pg_", number)."""
    from legation.ingest.xml import parse_xml

    held = {p.name.removesuffix(".xml.gz") for p in DEMO.glob("*.xml.gz")}
    found = []
    for path in sorted(DEMO.glob("*.xml.gz")):
        own = path.name.removesuffix(".xml.gz")
        for note in parse_xml(path).iter(f"{TEI}note"):
            links = [re.fullmatch(r"(frus[\w-]+)?#(pg_|d)(\d+)", ref.get("target", "")) for ref in note.iter(f"{TEI}ref")]
            links = [(m.group(1) or own, m.group(2), int(m.group(3))) for m in links if m and (m.group(1) or own) in held]
            text = " ".join("".join(note.itertext()).split())
            if links and ("Foreign Relations" in text or "FRUS" in text):
                found.append((text, links))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list the footnotes whose linked document is not found")
    args = parser.parse_args()
    import django

    django.setup()
    from legation.records.document_record import page_numbers
    from legation.search.service import SearchRequest, search

    def linked(hit, volume: str, kind: str, number: int) -> bool:
        if kind == "d":
            return hit.identifier == f"{volume}-d{number}"
        pages = page_numbers(hit.pages)
        return hit.identifier.startswith(f"{volume}-d") and pages is not None and pages[0] <= number <= pages[1]

    notes = footnotes()
    found = nothing = 0
    for text, links in notes:
        result = search(SearchRequest(q=text[:PASTED_CHARS], page_size=TOP))
        ok = any(linked(hit, *link) for hit in result.hits for link in links)
        found += ok
        nothing += result.total == 0
        if args.show and not ok:
            print(f"{result.total:>5}  {text[:300]}\n       {result.notice[:300]}")
    print(f"{len(notes)} footnotes linking a held volume's document or page: {found} find it in the first {TOP}, {nothing} find nothing")


if __name__ == "__main__":
    main()
