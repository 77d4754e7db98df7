"""Export round trips: what `legation export` writes, ingest reads back into a fresh archive, and
that archive's export is the same file, byte for byte.

JSON Lines, the lossless format, on every corpus of ../shared/data (README there) and on the seed
and Wilson fixtures; CSV, the spreadsheet subset (``legation.ingest.readers.csv_export``), on the
FRUS sample volume and the seed fixture.

What the JSON Lines test covers (``CORPORA``): every reader and every file form Legation ingests
(Dublin Core CSV without a mapping is the CSV test's input form):

====================  ==========================================================================
corpus                files and sample
====================  ==========================================================================
seed                  tests/fixtures/seed (Legation JSON Lines, from ../shared/data/seed): all 10
wilson                tests/fixtures/wilson/document-900001-crafted.json (Wilson Center JSON, the
                      real transcript 33548 embedded): 1. The two files of
                      wilson-center-api-samples are a collection and a transcript, which the
                      reader reports as no documents
pdf                   tests/fixtures/pdf/batavia-telegram-61.pdf (PDF with a text layer): 1
dodis                 dodis-when-the-wall-came-down/tei (TEI with correspDesc): all 64 files
qhod                  qhod-habsburg-ottoman-diplomacy/tei (TEI, Ottoman and German): all 251 files
prc                   prc-government-work-reports-zh (JSON Lines .gz, ``prc-reports``): all 72
sotu                  us-state-of-the-union/addresses.jsonl.gz (``sotu``): all 249
ataturk, nutuk        ataturk-speeches-telegrams, speeches (``ataturk``): all 411; Nutuk chapters
                      (``nutuk``): all 20
moritz                moritz-saxony-…/letters.csv.gz (CSV .gz, ``moritz``): first 1,000 of 8,935
korean                korean-presidential-speeches-ko (``korean-speeches``): first 300 of 8,771
dfat                  dfat-documents-…/documents.jsonl.gz (``dfat``): first 1,000 of 10,883
ungd                  un-general-debate-corpus, both .jsonl.xz files (``ungd``): first 300 of each
frus                  frus/samples/frus1917-72PubDip.xml (plain .xml, 44 documents) and three of
                      the 100 volumes (.xml.gz): frus1952-54v14p2 (duplicate xml:ids, 386),
                      frus1961-63v07-09mSupp (microfiche supplement, undated, 483),
                      frus1969-76ve15p1 (electronic-only volume, "Source:" notes, 105)
====================  ==========================================================================

"First N" means the first N items the reader gives for each file, in file order. With these samples
the test takes about 20 s on SQLite and a minute on PostgreSQL (CI runs both); every record of
every corpus (about 63,000 documents, all 100 FRUS volumes) took 9.5 minutes on SQLite, mostly
reading FRUS TEI and parsing Korean dates, and round-tripped exactly.
``LEGATION_ROUND_TRIP_ALL=1`` runs that whole set.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

import pytest

from legation.ingest.readers import files_to_read, read_file
from legation.ingest.readers.csv_dc import read_csv
from legation.ingest.readers.csv_export import COLUMNS, write_csv
from legation.ingest.readers.jsonl import read_jsonl, write_jsonl
from legation.ingest.service import ingest_records
from legation.records.document_record import DocumentRecord
from legation.records.models import Document
from legation.records.serialize import load_records
from tests.conftest import FIXTURES, shared_data

ALL = os.environ.get("LEGATION_ROUND_TRIP_ALL") == "1"


@dataclass(frozen=True)
class Corpus:
    """Files of one corpus (relative to ../shared/data, or ``fixtures/…``), read with ``mapping``;
    ``first`` items of each file (None: all)."""

    name: str
    files: tuple[str, ...]
    mapping: str | None = None
    first: int | None = None

    def paths(self) -> list[Path]:
        return [FIXTURES / f.removeprefix("fixtures/") if f.startswith("fixtures/") else shared_data(f) for f in self.files]

    def items(self) -> Iterator:
        for path in files_to_read(self.paths(), self.mapping):
            yield from islice(read_file(path, self.mapping), None if ALL else self.first)


UNGD = "un-general-debate-corpus/speeches-"
FRUS_SAMPLE = ("frus/samples", "frus/volumes/frus1952-54v14p2.xml.gz", "frus/volumes/frus1961-63v07-09mSupp.xml.gz", "frus/volumes/frus1969-76ve15p1.xml.gz")
CORPORA = [
    Corpus("seed", ("fixtures/seed/sino-soviet-1949-1950.jsonl",)),
    Corpus("wilson", ("fixtures/wilson/document-900001-crafted.json",)),
    Corpus("pdf", ("fixtures/pdf/batavia-telegram-61.pdf",)),
    Corpus("dodis", ("dodis-when-the-wall-came-down/tei",)),
    Corpus("qhod", ("qhod-habsburg-ottoman-diplomacy/tei",)),
    Corpus("prc", ("prc-government-work-reports-zh/government_work_reports.jsonl.gz",), "prc-reports"),
    Corpus("sotu", ("us-state-of-the-union/addresses.jsonl.gz",), "sotu"),
    Corpus("ataturk", ("ataturk-speeches-telegrams/speeches.jsonl.gz",), "ataturk"),
    Corpus("nutuk", ("ataturk-speeches-telegrams/nutuk_chapters.jsonl.gz",), "nutuk"),
    Corpus("moritz", ("moritz-saxony-political-correspondence-metadata/letters.csv.gz",), "moritz", 1000),
    Corpus("korean", ("korean-presidential-speeches-ko/speeches.jsonl.gz",), "korean-speeches", 300),
    Corpus("dfat", ("dfat-documents-on-australian-foreign-policy/documents.jsonl.gz",), "dfat", 1000),
    Corpus("ungd", (UNGD + "1946-1989.jsonl.xz", UNGD + "1990-2024.jsonl.xz"), "ungd", 300),
    Corpus("frus", ("frus/samples", "frus/volumes") if ALL else FRUS_SAMPLE),
]


def empty_archive() -> None:
    """Delete every document and authority record, so the next ingest starts a fresh archive."""
    from legation.records.models import Agent, ChangeLogEntry, Collection, Document, Place, Repository, Subject

    for model in (Document, ChangeLogEntry, Agent, Place, Subject, Collection, Repository):
        model.objects.all().delete()


def export(write: Callable, path: Path) -> int:
    """Export the archive with ``write`` (write_jsonl or write_csv) as `legation export -o` does."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        return write(load_records(), handle)


def first_difference(a: Path, b: Path) -> str:
    """The first line that differs between two exports, for the failure message."""
    for number, (x, y) in enumerate(zip(a.read_text(encoding="utf-8").splitlines(), b.read_text(encoding="utf-8").splitlines()), 1):
        if x != y:
            return f"line {number} differs:\n{x[:2000]}\n{y[:2000]}"
    return "one export has more lines"


def round_trip(write: Callable, read: Callable[[Path], Iterator], folder: Path, ingested: int) -> None:
    """Export, ingest the export into a fresh archive, export again: same count, same bytes."""
    first, second = folder / "export", folder / "export-again"
    assert export(write, first) == ingested > 0
    empty_archive()
    again = ingest_records(read(first))
    assert again.failed == [] and len(again.added) == ingested
    assert export(write, second) == ingested
    assert second.read_bytes() == first.read_bytes(), first_difference(first, second)


@pytest.mark.shared_data
@pytest.mark.django_db
@pytest.mark.parametrize("corpus", CORPORA, ids=lambda c: c.name)
def test_json_lines_export_reads_back_exactly(corpus: Corpus, tmp_path: Path):
    report = ingest_records(corpus.items())
    round_trip(write_jsonl, read_jsonl, tmp_path, len(report.added))


@pytest.mark.django_db
def test_csv_export_reads_back_to_the_same_csv(tmp_path: Path):
    report = ingest_records(Corpus("csv", ("fixtures/frus/frus1917-72PubDip.xml", "fixtures/seed/sino-soviet-1949-1950.jsonl")).items())
    assert len(report.added) == 54 and not report.failed
    round_trip(write_csv, read_csv, tmp_path, 54)
    header = (tmp_path / "export").read_bytes().split(b"\r\n", 1)[0]  # BOM for Excel, CRLF rows
    assert header == "\ufeff".encode() + ",".join(name for name, _ in COLUMNS).encode()


# The pages of the FRUS sample volume (tests/fixtures/frus) that print three of its documents: what its page breaks say
PRINTED = {"frus1917-72PubDip-d1": "1–3", "frus1917-72PubDip-d2": "3–7", "frus1917-72PubDip-d5": "9–14"}


@pytest.mark.django_db
@pytest.mark.parametrize(("write", "read"), [(write_jsonl, read_jsonl), (write_csv, read_csv)], ids=["jsonl", "csv"])
def test_printed_pages_are_exported_and_read_back(write: Callable, read: Callable[[Path], Iterator], tmp_path: Path):
    volume = read_file(FIXTURES / "frus" / "frus1917-72PubDip.xml")
    report = ingest_records(replace(r, pages=PRINTED.get(r.identifier, "")) if isinstance(r, DocumentRecord) else r for r in volume)
    assert len(report.added) == 44 and not report.failed
    round_trip(write, read, tmp_path, 44)
    assert dict(Document.objects.exclude(pages="").values_list("identifier", "pages")) == PRINTED
