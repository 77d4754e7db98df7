"""One reader per source format; each yields :class:`DocumentRecord` objects or, for a part of a
file it cannot read, an :class:`IngestError` naming the place, so the rest of the batch goes on.

:func:`read_paths` picks the reader by file name: ``.jsonl``/``.jsonl.gz`` (Legation JSON Lines),
``.xml``/``.xml.gz`` (a FRUS TEI volume, or — when the file's first 32 KB carry ``correspDesc`` or
no FRUS marker — a single-document TEI such as Dodis or QhoD, see :func:`tei_kind`), ``.json`` whose
first 64 KB carry Wilson Center Digital Archive keys (``readers.wilson_json``), ``.csv``/``.csv.gz``
(``readers.csv_dc``), ``.pdf`` (one document per file, ``readers.pdf``); with a mapping, ``.jsonl``/``.jsonl.gz``/``.jsonl.xz`` are a mapped corpus
(``readers.mapped_jsonl``); a folder is read file by file in name order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from legation.errors import IngestError, IngestNote
from legation.records.document_record import DocumentRecord

Item = DocumentRecord | IngestError


def located(record: DocumentRecord, location: str) -> DocumentRecord:
    """``record``, remembering where in its file the reader found it (``"line 12"``, ``"record 3
    (id 900001)"``), as an :class:`IngestError` would name it: the ingest report names that place
    when an identifier comes twice. Not a field: equality, export and ``dataclasses.replace``
    leave it out. Returns ``record``."""
    record.__dict__["_location"] = location
    return record


def location_of(record: DocumentRecord) -> str:
    """Where :func:`located` says the reader found ``record``, or ``""`` (a reader that gives one
    document per file, or none said)."""
    return record.__dict__.get("_location", "")


def _reader_for(path: Path, mapping: str | Path | None = None) -> Callable[[Path], Iterator[Item]] | None:
    name = path.name.lower()
    if name.endswith((".csv", ".csv.gz")):
        from functools import partial

        from legation.ingest.readers.csv_dc import read_csv

        return partial(read_csv, mapping=mapping)
    if mapping is not None and name.endswith((".jsonl", ".jsonl.gz", ".jsonl.xz")):
        from functools import partial

        from legation.ingest.readers.mapped_jsonl import read_mapped_jsonl

        return partial(read_mapped_jsonl, mapping=mapping)
    if name.endswith((".jsonl", ".jsonl.gz")):
        from legation.ingest.readers.jsonl import read_jsonl

        return read_jsonl
    if name.endswith((".xml", ".xml.gz")):
        if tei_kind(path) == "document":
            from legation.ingest.readers.tei_corresp import read_tei_document

            return read_tei_document
        from legation.ingest.readers.tei_frus import read_frus_volume

        return read_frus_volume
    if name.endswith(".pdf"):
        from legation.ingest.readers.pdf import read_pdf

        return read_pdf
    if name.endswith(".json") and _sniff(path, _WILSON_MARKERS):
        from legation.ingest.readers.wilson_json import read_wilson_json

        return read_wilson_json
    return None


_WILSON_MARKERS = (b'"frontend_doc_date"', b'"doc_date"', b'"first_published_at"', b'"asset_id"')


def _sniff(path: Path, markers: tuple[bytes, ...]) -> bool:
    """Whether the first 64 KB of a file hold one of ``markers`` (False when it cannot be read)."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(65536)
    except OSError:
        return False
    return any(marker in start for marker in markers)


_FRUS_MARKERS = (b'type="frus"', b"history.state.gov/ns/1.0")


def tei_kind(path: Path) -> str:
    """``"frus"`` for a FRUS volume, ``"document"`` for a single-document TEI (Dodis, QhoD, any
    file with ``correspDesc``), sniffed from the first 32 KB (decompressed) without parsing.
    A file that cannot be read is treated as FRUS, whose reader reports the error."""
    import gzip

    try:
        with open(path, "rb") as handle:
            head = handle.read(2)
        opener = gzip.open if head == b"\x1f\x8b" else open
        with opener(path, "rb") as handle:
            start = handle.read(32768)
    except (OSError, EOFError):
        return "frus"
    if b"correspDesc" in start or not any(marker in start for marker in _FRUS_MARKERS):
        return "document"
    return "frus"


def _hidden(relative: Path) -> bool:
    """A hidden file or one in a hidden folder (``.git``, macOS ``._name.pdf`` resource forks)."""
    return any(part.startswith(".") for part in relative.parts)


FORMATS = (
    "TEI (.xml, .xml.gz), Legation JSON Lines (.jsonl, .jsonl.gz), CSV (.csv, .csv.gz), "
    "Wilson Center Digital Archive JSON (.json) or PDF (.pdf)"
)


def why_unread(path: Path) -> str:
    """Why Legation has no reader for ``path`` (a file :func:`_reader_for` refuses), saying what it reads."""
    if path.name.lower().endswith(".json"):
        return (
            "is .json but no Wilson Center Digital Archive record (none of doc_date, frontend_doc_date in its first "
            "64 KB), the only JSON Legation reads as .json; Legation JSON Lines are .jsonl, other JSON Lines need "
            "--mapping"
        )
    return f"unknown format; Legation reads {FORMATS}"


def files_to_read(
    paths: Iterable[Path], mapping: str | Path | None = None, skipped: list[IngestNote] | None = None
) -> list[Path]:
    """The files a list of paths names (folders expanded, sorted by name, hidden files and
    folders skipped: a file named on its own is read even when hidden). A file in a folder that
    Legation cannot read is left out, with an :class:`IngestNote` saying why added to ``skipped``
    (when given). Raises IngestError for a path that does not exist or a file named on its own
    that Legation cannot read."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for p in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path))):
                if _reader_for(p, mapping):
                    found.append(p)
                elif skipped is not None:
                    skipped.append(IngestNote(str(p), f"not read: {why_unread(p)}"))
        elif path.is_file():
            if not _reader_for(path, mapping):
                raise IngestError(str(path), why_unread(path))
            found.append(path)
        else:
            raise IngestError(str(path), "no such file or folder; check the path")
    return found


def read_file(path: Path, mapping: str | Path | None = None) -> Iterator[Item]:
    """Items of one file; a file that cannot be read at all, or holds no documents, gives one
    IngestError item. ``mapping`` (a bundled mapping name or a mapping file, see
    :mod:`legation.ingest.mappings`) applies to CSV and makes a JSON Lines file a mapped corpus
    instead of Legation JSON Lines."""
    reader = _reader_for(path, mapping)
    assert reader is not None, path
    count = 0
    try:
        for item in reader(path):
            count += 1
            yield item
    except IngestError as exc:
        yield exc
        return
    if count == 0:  # an empty or cut-off export must not pass as a successful ingest
        yield IngestError(str(path), "holds no documents; check that it is the file you meant and that it is complete")
