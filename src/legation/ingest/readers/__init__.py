"""One reader per source format; each yields :class:`DocumentRecord` objects or, for a part of a
file it cannot read, an :class:`IngestError` naming the place, so the rest of the batch goes on.

:func:`read_paths` picks the reader by file name: ``.jsonl``/``.jsonl.gz`` (Legation JSON Lines),
``.xml``/``.xml.gz`` (a FRUS TEI volume); a folder is read file by file in name order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from legation.errors import IngestError
from legation.records.document_record import DocumentRecord

Item = DocumentRecord | IngestError


def _reader_for(path: Path) -> Callable[[Path], Iterator[Item]] | None:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz")):
        from legation.ingest.readers.jsonl import read_jsonl

        return read_jsonl
    if name.endswith((".xml", ".xml.gz")):
        from legation.ingest.readers.tei_frus import read_frus_volume

        return read_frus_volume
    return None


def files_to_read(paths: Iterable[Path]) -> list[Path]:
    """The files a list of paths names (folders expanded, sorted by name). Raises IngestError for
    a path that does not exist or a file of a format Legation cannot read."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and _reader_for(p))
        elif path.is_file():
            if not _reader_for(path):
                raise IngestError(str(path), "unknown format; give a FRUS TEI volume (.xml, .xml.gz) or Legation JSON Lines (.jsonl, .jsonl.gz)")
            found.append(path)
        else:
            raise IngestError(str(path), "no such file or folder; check the path")
    return found


def read_file(path: Path) -> Iterator[Item]:
    """Items of one file; a file that cannot be read at all gives one IngestError item."""
    reader = _reader_for(path)
    assert reader is not None, path
    try:
        yield from reader(path)
    except IngestError as exc:
        yield exc
