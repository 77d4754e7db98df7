"""One reader per source format; each yields :class:`DocumentRecord` objects or, for a part of a
file it cannot read, an :class:`IngestError` naming the place, so the rest of the batch goes on.

:func:`read_paths` picks the reader by file name: ``.jsonl``/``.jsonl.gz`` (Legation JSON Lines),
``.xml``/``.xml.gz`` (a FRUS TEI volume, or — when the file's first 32 KB carry ``correspDesc`` or
no FRUS marker — a single-document TEI such as Dodis or QhoD, see :func:`tei_kind`), ``.json`` whose
first 64 KB carry Wilson Center Digital Archive keys (``readers.wilson_json``), ``.csv``/``.csv.gz``
(``readers.csv_dc``), ``.pdf`` (one document per file, ``readers.pdf``); with a mapping, ``.jsonl``/``.jsonl.gz``/``.jsonl.xz`` are a mapped corpus
(``readers.mapped_jsonl``); a folder is read file by file in name order. XML whose root element is
not ``TEI`` (LIDO) and ``.json`` holding other JSON are not read (a folder's note); a ``.json`` that
is not JSON at all (binary data) is read as a failure. JSON Lines are read line by line through
:func:`json_lines` (lines up to :data:`MAX_LINE_BYTES`).
"""

from __future__ import annotations

import codecs
import functools
import os
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path

from legation.errors import IngestError, IngestNote, cannot_read
from legation.ingest.encodings import wide_without_mark, wrong_encoding
from legation.records.document_record import AUTHORITY_KEYS, AUTHORITY_KINDS, AgentRef, DocumentRecord

Item = DocumentRecord | IngestError


def located(record: DocumentRecord, location: str) -> DocumentRecord:
    """``record``, remembering where in its file the reader found it (``"line 12"``, ``"record 3
    (id 900001)"``), as an :class:`IngestError` would name it: the ingest report names that place
    when an identifier comes twice. Not a field: equality, export and ``dataclasses.replace``
    leave it out. Returns ``record``."""
    record.__dict__["_location"] = location
    return record


def kind_from_name(ref: AgentRef) -> AgentRef:
    """``ref``, remembering that its kind was read from its name (a table's, a title's:
    :func:`legation.ingest.names.agent_kind`), which no source stated: the agent stored under that
    name as the other kind, whose kind a source gave, is the one it names
    (:func:`legation.records.agent_keys.as_stated_twins`), and an agent it makes may take the other
    kind when the rule reading names improves (:func:`legation.records.agent_keys.rekind`). Not a
    field, as :func:`located`: equality, export, the API and ``dataclasses.replace`` leave it out.
    Returns ``ref``."""
    ref.__dict__["_kind_from_name"] = True
    return ref


def is_kind_from_name(ref: AgentRef) -> bool:
    """Whether :func:`kind_from_name` says ``ref``'s kind was read from its name."""
    return ref.__dict__.get("_kind_from_name", False)


def location_of(record: DocumentRecord) -> str:
    """Where :func:`located` says the reader found ``record``, or ``""`` (a reader that gives one
    document per file, or none said)."""
    return record.__dict__.get("_location", "")


def named_otherwise(record: DocumentRecord, names: dict[str, list[str]]) -> DocumentRecord:
    """``record``, remembering that its file gives the document other identifiers than the one the
    reader chose (``names``: each with where the file gives it, ``{"tei-good-1": ["xml:id",
    "<idno>"]}``), for the ingest report's note (:meth:`~legation.ingest.service.IngestReport.all_notes`).
    Not a field, as :func:`located`. Returns ``record``."""
    record.__dict__["_named_otherwise"] = names
    return record


def named_otherwise_of(record: DocumentRecord) -> dict[str, list[str]]:
    """What :func:`named_otherwise` remembers of ``record``, or ``{}``."""
    return record.__dict__.get("_named_otherwise", {})


MAX_LINE_BYTES = 16 * 1024 * 1024
"""Longest line of a JSON Lines file read (bytes, UTF-8): room for a document of
:data:`~legation.records.document_record.MAX_RECORD_CHARACTERS` in any script; a longer line is
reported and skipped without being held in memory."""


def _open_binary(path: Path):
    """``path`` opened for reading bytes, decompressed by its suffix (``.gz``, ``.xz``)."""
    import gzip
    import lzma

    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    if name.endswith(".xz"):
        return lzma.open(path, "rb")
    return open(path, "rb")


def json_lines(path: Path, max_bytes: int = MAX_LINE_BYTES) -> Iterator[tuple[int, str] | IngestError]:
    """The non-empty lines of a JSON Lines file (``.jsonl``, or compressed ``.gz``/``.xz``) as
    ``(line number, text)``, a UTF-8 byte order mark at the start dropped, reading at most
    ``max_bytes`` bytes of a line at a time. Yields an :class:`IngestError` at "line N", and goes on
    with the next line, for a line longer than ``max_bytes`` or not UTF-8; when the file stops
    being readable after some lines (compressed data cut off or damaged), the last item is an
    IngestError at the line where reading stopped saying how many lines were read before it.
    Raises IngestError when the file cannot be opened or its first line cannot be read."""
    import lzma
    import zlib

    number = read = 0
    try:
        with _open_binary(path) as handle:
            while True:
                data = handle.readline(max_bytes)
                if not data:
                    return
                number += 1
                if len(data) >= max_bytes and not data.endswith(b"\n"):
                    size = len(data)
                    while (more := handle.readline(max_bytes)) and not more.endswith(b"\n"):
                        size += len(more)  # skipped, not kept: the line may not fit in memory
                    size += len(more)
                    yield IngestError(
                        str(path),
                        f"the line is {size:,} bytes long, more than the {max_bytes:,} Legation reads (a document "
                        "of that size is not one it stores); shorten or remove the line",
                        f"line {number}",
                    )
                    continue
                if number == 1 and data.startswith(b"\xef\xbb\xbf"):
                    data = data[3:]
                if not data.strip():
                    continue
                if (nul := data.find(b"\0")) >= 0:  # valid UTF-8, but never in JSON text: UTF-16 or binary data
                    if read == 0 and (wide := wide_without_mark(data)):  # the whole file, not each of its lines
                        raise IngestError(str(path), _json_not_utf8(wide), f"line {number}")
                    if not data[nul:].strip(b"\0\r\n"):  # NULs to the line's end: the file's padding
                        yield padding_error(path, number, nul + 1, len(data[nul:].rstrip(b"\r\n")), "line")
                        continue
                    problem = f"a NUL at byte {nul + 1} of the line: UTF-16 or binary data"
                    yield IngestError(str(path), f"is not UTF-8 text ({problem}); save the file as UTF-8", f"line {number}")
                    continue
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield wrong_encoding(str(path), data, exc.start, line=number)
                    continue
                if read == 0 and text.strip() in ("{", "["):  # no JSON Lines document opens alone on its line
                    raise IngestError(
                        str(path),
                        "is JSON written over several lines (pretty-printed), not JSON Lines, which hold one document "
                        "per line, so none of its lines is a document: write each on one line (jq -c '.[]' for a list, "
                        "jq -c . for one object) and ingest that",
                        f"line {number}",
                    )
                read += 1
                yield number, text
    except (OSError, EOFError, zlib.error, lzma.LZMAError) as exc:
        if number == 0:
            raise cannot_read(str(path), exc, "check that it is the file you meant and that it is complete") from exc
        yield stopped_reading(path, exc, read, "line", number + 1)


def stopped_reading(path: Path, exc: BaseException, read: int, unit: str, line: int) -> IngestError:
    """The failure that ends the items of a file whose (compressed) data stops being readable at
    ``line`` (cut off or damaged: ``exc`` says how), after ``read`` whole units (``unit``: "line" of
    JSON Lines, "row" of CSV) were read and given as documents or failures."""
    units = f"{unit}s" if read != 1 else unit
    return IngestError(
        str(path),
        f"reading stopped here: the file is cut off or damaged ({exc}); the {read:,} {units} before this one "
        f"{'were' if read != 1 else 'was'} read and are reported above as documents or failures, the rest of the file "
        "was not. Download or export it again and ingest it again (documents already stored stay as they are)",
        f"line {line}",
    )


def nul_padding(data: bytes) -> tuple[int, int] | None:
    """``(offset, count)`` of the run of NUL bytes ``data`` ends in (trailing white space aside), when it is
    padding: the zeros that a copy stopped part way, a disk tool or a fixed-size export leaves after the
    text; None when ``data`` ends otherwise, or is UTF-16 or UTF-32 (a byte order mark, or their pattern of
    NULs: :func:`~legation.ingest.encodings.wide_without_mark`), whose last character may end in NULs."""
    text_end = len(data)
    while text_end and data[text_end - 1] in b" \t\r\n":
        text_end -= 1
    if not text_end or data[text_end - 1] != 0:
        return None  # the common case, found without copying a large file's bytes
    start = len(data[:text_end].rstrip(b"\0"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or wide_without_mark(data[:start] or data):
        return None
    return start, text_end - start


def padding_error(path: Path, line: int, byte: int, count: int, unit: str) -> IngestError:
    """The failure, at ``line``, of a file ending in ``count`` NUL bytes of padding (:func:`nul_padding`)
    from ``byte`` of that line (from 1): rows or lines (``unit``) may be missing after it, and one it
    begins inside was cut short. It was read as a row of one cell ("has 1 cells, the header has 3"), a
    value ending in 512 NULs, or a line "not UTF-8 text … UTF-16 or binary data"."""
    where = f"from line {line} on" if byte == 1 else f"from byte {byte:,} of line {line} on (the {unit} they cut short is not read)"
    return IngestError(
        str(path),
        f"ends in {count:,} NUL byte{'s' * (count > 1)} {where}: padding that a copy stopped part way or a disk tool leaves, so "
        f"{unit}s of the file may be missing after it; compare the file with its source, remove the NULs, and ingest it again",
        f"line {line}",
    )


MAX_FILE_BYTES = 256 << 20
"""Most bytes a file read whole (TEI, CSV, Wilson Center JSON) may hold, decompressed: 256 MiB, twelve times the
largest such file of the shared corpora (the FRUS documents index, 21 MB as CSV). More is no
archive's file but a compressed bomb (8 GB of XML in 16.7 MB of gzip ended an ingest with a bare
MemoryError, the files after it unread) or one to split."""


def read_decompressed(path: Path, limit: int | None = None) -> tuple[bytes, BaseException | None]:
    """The bytes of a whole file, gzip-decompressed when they start as gzip, with None; for gzip
    data cut off or damaged, the bytes decompressed before the damage, with the exception that
    stopped reading. Raises OSError, EOFError or zlib.error when the file cannot be opened or not
    one byte of it decompressed (not gzip after all); :class:`IngestError` when it holds more than
    ``limit`` bytes (:data:`MAX_FILE_BYTES` when None), decompressing no more than that."""
    import gzip
    import zlib

    limit = MAX_FILE_BYTES if limit is None else limit
    with open(path, "rb") as raw:
        if raw.read(2) != b"\x1f\x8b":
            raw.seek(0)
            data = raw.read(limit + 1)
            if len(data) > limit:
                raise _too_large(path, limit, compressed=False)
            return data, None
        raw.seek(0)
        parts: list[bytes] = []
        size = 0
        with gzip.GzipFile(fileobj=raw) as handle:
            try:
                while chunk := handle.read1(1 << 20):  # what one step decompresses: nothing before the cut is lost
                    size += len(chunk)
                    if size > limit:
                        raise _too_large(path, limit, compressed=True)
                    parts.append(chunk)
            except (OSError, EOFError, zlib.error) as exc:
                if not parts:
                    raise
                return b"".join(parts), exc
    return b"".join(parts), None


def _too_large(path: Path, limit: int, compressed: bool) -> IngestError:
    what = "decompresses to" if compressed else "holds"
    return IngestError(
        str(path),
        f"{what} more than {limit:,} bytes, more than Legation reads as one file (a compressed file that grows so "
        "much is more likely a decompression bomb than an archive's export); split it into smaller files and ingest those",
    )


CSV_SUFFIXES = (".csv", ".csv.gz")  # the files read as CSV tables (readers.csv_dc)
_MAPPED_FORMATS = {"csv": (CSV_SUFFIXES, "CSV"), "jsonl": ((".jsonl", ".jsonl.gz", ".jsonl.xz"), "JSON Lines")}


def mapping_format(mapping: str | Path | None) -> str:
    """The files a mapping is for (its ``"format"``: ``"jsonl"`` or ``"csv"``), or "" for both (no
    format said, no mapping, or a mapping that cannot be loaded: its reader reports that)."""
    if mapping is None:
        return ""
    return _mapping_format(str(mapping))


@functools.lru_cache(maxsize=16)
def _mapping_format(mapping: str) -> str:
    from legation.ingest.mappings import load_mapping

    try:
        return load_mapping(mapping).format
    except IngestError:
        return ""


def _other_format(path: Path, mapping: str | Path | None) -> str:
    """The format (``"csv"``, ``"jsonl"``) of ``path`` when ``mapping`` is for the other one, else ""."""
    name, wanted = path.name.lower(), mapping_format(mapping)
    return next((f for f, (ends, _) in _MAPPED_FORMATS.items() if wanted and f != wanted and name.endswith(ends)), "")


def _reader_for(path: Path, mapping: str | Path | None = None, encoding: str | None = None) -> Callable[[Path], Iterator[Item]] | None:
    name = path.name.lower()
    if _other_format(path, mapping):  # --mapping sotu (JSON Lines) given a folder holding CSV tables too
        return None
    if name.endswith(CSV_SUFFIXES):
        from functools import partial

        from legation.ingest.readers.csv_dc import read_csv

        return partial(read_csv, mapping=mapping, encoding=encoding)
    if mapping is not None and name.endswith((".jsonl", ".jsonl.gz", ".jsonl.xz")):
        from functools import partial

        from legation.ingest.readers.mapped_jsonl import read_mapped_jsonl

        return partial(read_mapped_jsonl, mapping=mapping)
    if name.endswith((".jsonl", ".jsonl.gz")):
        if _authority_file(path):
            return _skip_authority_file
        from legation.ingest.readers.jsonl import read_jsonl

        return read_jsonl
    if name.endswith((".xml", ".xml.gz")):
        kind = tei_kind(path)
        if kind == "other":
            return None
        if kind == "document":
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
    if name.endswith(".json") and (problem := _not_json(path)):
        def refuse(path: Path) -> Iterator[Item]:
            raise problem
            yield  # a generator, as readers are

        return refuse
    return None


def _authority_file(path: Path) -> bool:
    """Whether the JSON Lines file ``path`` holds authority records, not documents: its first line is
    one (``{"kind": "person", "key": …, "name": …, "names": […]}``, keys of
    :data:`~legation.records.document_record.AUTHORITY_KEYS` alone), as the demo's
    ``authorities.jsonl`` beside its volumes. Its 82 lines failed one by one as documents."""
    lines = json_lines(path)
    try:
        first = next(lines, None)
        return isinstance(first, tuple) and _authority_line(first[1])
    except IngestError:
        return False
    finally:
        lines.close()


def _authority_line(line: str) -> bool:
    """Whether a JSON line is an authority record: ``kind`` one of
    :data:`~legation.records.document_record.AUTHORITY_KINDS`, a ``name``, and keys of
    :data:`~legation.records.document_record.AUTHORITY_KEYS` alone."""
    from legation.errors import parse_json

    try:
        row = parse_json(line)  # (a line nested thousands deep: bad JSON, no RecursionError)
    except ValueError:
        return False
    return isinstance(row, dict) and row.get("kind") in AUTHORITY_KINDS and "name" in row and set(row) <= set(AUTHORITY_KEYS)


def _skip_authority_file(path: Path) -> Iterator[Item]:
    """The reader of an authority file among documents: a note saying how to load it, or, when a
    line further on is no authority record (a document), a failure at that line: the file was
    skipped whole, its documents unread, without a word."""
    for item in json_lines(path):
        if isinstance(item, tuple) and not _authority_line(item[1]):
            yield IngestError(
                str(path),
                "is an authority file (its first line is an authority record) holding other lines too; keep authority records "
                f"(load them with `legation authorities`) and documents in files of their own. Nothing of it was stored",
                f"line {item[0]}",
            )
            return
    yield IngestNote(
        str(path),
        "skipped, not a document: it is an authority file (people, organizations and places with their other names); "
        f"load it with `legation authorities {path}`",
    )


def _json_not_utf8(wide: str) -> str:
    """What a JSON or JSON Lines file in ``wide`` (:func:`legation.ingest.encodings.wide_without_mark`) is told."""
    return f"is {wide} text, not UTF-8, which JSON must be (RFC 8259, section 8.1); save the file as UTF-8"


JSON_CHECKED_BYTES = 16 * 1024 * 1024
"""A ``.json`` file no larger than this that is no Wilson Center record is parsed whole, so that a
broken or cut-off one fails (a failure row) rather than being passed over as "other JSON"."""


def _not_json(path: Path) -> IngestError | None:
    """The failure of a ``.json`` file that is not JSON at all (empty, binary, other text), or, up
    to :data:`JSON_CHECKED_BYTES`, not valid JSON (cut off, broken at a line); None when it is
    valid JSON (some other JSON, not a document, which a folder may well hold: a note) or too large
    to check. A file that cannot be read gives None: its reader is never asked."""
    import json

    from legation.errors import DuplicateKey, json_failure, parse_json

    hint = "; a .json file Legation reads is a Wilson Center Digital Archive record"
    try:
        with open(path, "rb") as handle:
            start = handle.read(JSON_CHECKED_BYTES + 1)
    except OSError:
        return None
    if not start:
        return IngestError(str(path), "is empty (0 bytes), not JSON" + hint)
    if wide := wide_without_mark(start):
        return IngestError(str(path), _json_not_utf8(wide), "line 1")
    try:
        text = start.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(start) - 3 or b"\0" in start:  # not a character cut at the end of what was read
            if b"\0" in start[:65536]:
                return IngestError(str(path), f"is not JSON (binary data, not UTF-8 text){hint}")
            return wrong_encoding(str(path), start, exc.start + start.startswith(b"\xef\xbb\xbf") * 3)
        text = start[: exc.start].decode("utf-8-sig")
    if "\0" in text:
        return IngestError(str(path), "is not JSON (binary data)" + hint)
    if not text.strip():
        return IngestError(str(path), "is blank (only spaces and line breaks), not JSON" + hint)
    if text.lstrip()[:1] not in ("{", "["):
        return IngestError(str(path), f"is not JSON (it starts {text.lstrip()[:20]!r}, not with {{ or [){hint}", "line 1")
    if len(start) > JSON_CHECKED_BYTES:
        return None
    try:
        parse_json(text)
    except DuplicateKey:  # valid JSON all the same, of a kind Legation does not read: passed over with the others
        return None
    except json.JSONDecodeError as exc:
        return json_failure(str(path), exc)
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
    file with ``correspDesc``), ``"other"`` for XML whose root element is not ``TEI`` (LIDO
    museum records, say), sniffed from the first 32 KB (decompressed) without parsing.
    A file that cannot be read is treated as FRUS, whose reader reports the error."""
    start = _head(path)
    if not start:
        return "frus"
    if _root_name(start) not in ("TEI", ""):
        return "other"
    if b"correspDesc" in start or not any(marker in start for marker in _FRUS_MARKERS):
        return "document"
    return "frus"


_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)", re.S)
_ROOT = re.compile(rb"\s*<(?:[\w.-]+:)?([\w.-]+)")
XML_VOCABULARIES = {"lido": "LIDO (museum object records)", "ead": "EAD (a finding aid)", "mods": "MODS (catalogue records)"}


def _root_name(start: bytes) -> str:
    """The local name of the first element in ``start`` (an XML file's first bytes, past its
    declaration, comments and DOCTYPE), or "" when there is none (not XML, or not found)."""
    start, position = start.removeprefix(b"\xef\xbb\xbf"), 0
    while prolog := _PROLOG.match(start, position):
        position = prolog.end()
    found = _ROOT.match(start, position)
    return found[1].decode("ascii", "replace") if found else ""


FORMATS = (
    "TEI (.xml, .xml.gz), Legation JSON Lines (.jsonl, .jsonl.gz), CSV (.csv, .csv.gz), "
    "Wilson Center Digital Archive JSON (.json) or PDF (.pdf)"
)


def why_unread(path: Path, mapping: str | Path | None = None) -> str:
    """Why Legation has no reader for ``path`` (a file :func:`_reader_for` refuses), saying what it reads."""
    if other := _other_format(path, mapping):
        wanted = _MAPPED_FORMATS[mapping_format(mapping)][1]
        return (
            f"--mapping {mapping} is for {wanted} files and this is {_MAPPED_FORMATS[other][1]}; if it holds documents, "
            f"ingest it without --mapping or with a mapping for {_MAPPED_FORMATS[other][1]}"
        )
    if path.name.lower().endswith(".json"):
        return (
            "is JSON but no Wilson Center Digital Archive record (it has none of their keys doc_date, frontend_doc_date), "
            "the only JSON Legation reads as .json; Legation JSON Lines are .jsonl, other JSON Lines need --mapping"
        )
    if path.name.lower().endswith((".xml", ".xml.gz")):
        from legation.ingest.xml import TEI_READ

        root = _root_name(_head(path))
        what = XML_VOCABULARIES.get(root.lower(), "XML of a kind Legation does not read")
        return f"is {what}, root element <{root}>, not TEI; Legation reads {TEI_READ}"
    if path.name.lower().endswith((".txt", ".tsv", ".tab")) and _tabular(path):
        return (
            "looks like a table saved as text (tab-separated values, or Excel's \"Unicode Text\"), which Legation reads "
            "as CSV: if it holds one row per document, rename it to end in .csv and ingest it again (the CSV reader takes "
            f"tabs and UTF-16). Legation reads {FORMATS}"
        )
    return f"unknown format; Legation reads {FORMATS}"


def _tabular(path: Path) -> bool:
    """Whether a text file looks like a table Excel or another program saved as text: its first line
    holds a tab, or it starts with a UTF-16 byte order mark (Excel's "Unicode Text")."""
    try:
        with open(path, "rb") as file:
            start = file.read(4096)
    except OSError:
        return False
    return start.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\t" in start.split(b"\n", 1)[0]


def _head(path: Path) -> bytes:
    """The first 32 KB of a file, decompressed when gzip, as UTF-8 when it is UTF-16 XML (its
    markers sought as UTF-8 bytes: a FRUS volume saved as UTF-16 was read as one letter of 187,000
    characters, its volume's title); ``b""`` when it cannot be read."""
    import gzip
    import zlib

    try:
        with open(path, "rb") as handle:
            opener = gzip.open if handle.read(2) == b"\x1f\x8b" else open
        with opener(path, "rb") as handle:
            start = handle.read(32768)
    except (OSError, EOFError, zlib.error):  # damaged gzip: zlib's error, no OSError
        return b""
    for marks, encoding in (((b"\xff\xfe", b"<\0"), "utf-16-le"), ((b"\xfe\xff", b"\0<"), "utf-16-be")):
        if start.startswith(marks):
            return start.decode(encoding, "ignore").removeprefix("\ufeff").encode("utf-8")
    return start


OWN_FOLDER = "not read: the archive's own data (its database and search index); keep the documents' files in another folder"


def files_to_read(
    paths: Iterable[Path],
    mapping: str | Path | None = None,
    skipped: list[IngestNote] | None = None,
    unreadable: list[IngestError] | None = None,
    own_folders: Collection[Path] = (),
) -> list[Path]:
    """The files a list of paths names (folders expanded, sorted by name, hidden files and
    folders skipped: a file named on its own is read even when hidden). A file in a folder that
    Legation cannot read is left out, with an :class:`IngestNote` saying why added to ``skipped``
    (when given). A file named on its own that Legation cannot read is left out with an
    :class:`IngestError` saying why added to ``unreadable`` when given (a shell's ``*.xml`` names
    the LIDO files of a folder too: the others are read), else raised; so is a path that does not
    exist. An empty folder named among other paths is a note in ``skipped``. ``own_folders`` (the
    archive's data and index folders, resolved) are not looked into, a note saying so: ingesting a
    folder that held the data folder listed each index file as a file of unknown format."""
    found: list[Path] = []
    paths = list(paths)
    own = frozenset(own_folders)
    for path in paths:
        try:
            path.stat()
        except PermissionError as exc:  # a file in a folder this user cannot enter: is_dir() raised it (a traceback)
            denied = cannot_read(str(path), exc)
            if unreadable is None:
                raise denied from exc
            unreadable.append(denied)
            continue
        except OSError:
            pass  # no such path: said below
        if path.is_dir() and own and path.resolve() in own:
            if skipped is not None:
                skipped.append(IngestNote(str(path), OWN_FOLDER))
        elif path.is_dir():
            denied_before = len(unreadable or ())
            inside = _files_in(path, unreadable, own, skipped)
            denied = len(unreadable or ()) > denied_before
            if not inside and not denied and skipped is not None and len(paths) > 1:  # alone, the command fails saying so
                skipped.append(IngestNote(str(path), "not read: the folder holds no files (hidden files and folders are skipped)"))
            unread: dict[str, list[Path]] = {}  # why → the files of the folder not read for it
            for p in inside:
                if _reader_for(p, mapping):
                    found.append(p)
                elif skipped is not None:
                    unread.setdefault(why_unread(p, mapping), []).append(p)
            if skipped is not None:
                skipped += [note for why, files in unread.items() for note in _unread_notes(files, why)]
        elif path.is_file():
            if _reader_for(path, mapping):
                found.append(path)
            elif unreadable is None:
                raise IngestError(str(path), why_unread(path, mapping))
            else:
                unreadable.append(IngestError(str(path), why_unread(path, mapping)))
        elif unreadable is None:
            raise IngestError(str(path), "no such file or folder; check the path")
        else:
            unreadable.append(IngestError(str(path), "no such file or folder; check the path"))
    if mapping is not None and skipped is not None and (unmapped := [p for p in found if not _mapped(p)]):
        formats = " and ".join(_MAPPED_FORMATS[f][1] for f in ([mapping_format(mapping)] if mapping_format(mapping) else _MAPPED_FORMATS))
        more = f" and {len(unmapped) - 1:,} more file{'s' if len(unmapped) > 2 else ''}" if len(unmapped) > 1 else ""
        skipped.append(IngestNote(
            str(unmapped[0]),
            f"--mapping {mapping} was not used for this file{more}: a mapping applies to {formats} files only; "
            f"{'they were' if more else 'it was'} read as {', '.join(sorted({_kind_of(p) for p in unmapped}))}, as without --mapping",
        ))
    return found


LIKE_IT_NAMED = 3  # files named in a note for several not read for one reason; fewer get a note each


def _unread_notes(files: list[Path], why: str) -> list[IngestNote]:
    """The notes for the ``files`` of a folder not read for one reason ``why``: one each for up to
    :data:`LIKE_IT_NAMED`, else one note, on the first, naming how many more and a few of them (the
    25 LIDO records of QhoD's folder were 25 notes of one sentence each: a fresh user)."""
    if len(files) <= LIKE_IT_NAMED:
        return [IngestNote(str(f), f"not read: {why}") for f in files]
    others = files[1:]
    named = ", ".join(f.name for f in others[:LIKE_IT_NAMED]) + " …"
    return [IngestNote(str(files[0]), f"not read, nor {len(others):,} more files of its folder for the same reason ({named}): {why}")]


def _files_in(folder: Path, unreadable: list[IngestError] | None, own: frozenset[Path] = frozenset(), skipped: list[IngestNote] | None = None) -> list[Path]:
    """The files in ``folder`` and the folders in it, sorted, hidden ones (and those in hidden
    folders: ``.git``, macOS ``._name.pdf`` resource forks) left out; symbolic links to files are files, to folders are not followed. A folder
    this user may not list is an :class:`IngestError` added to ``unreadable`` (raised when None):
    ``Path.rglob`` passed over it without a word, so its documents were neither read nor reported,
    and ``--delete-missing`` took them for deleted. The folders of ``own`` (resolved paths) are
    left out, each with a note in ``skipped`` (:data:`OWN_FOLDER`)."""

    def failed(exc: OSError) -> None:
        error = cannot_read(exc.filename or str(folder), exc, otherwise="check that the folder exists and can be listed")
        if unreadable is None:
            raise error from exc
        unreadable.append(error)

    files: list[Path] = []
    for root, folders, names in os.walk(folder, onerror=failed):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in [name for name in folders if own and Path(root, name).resolve() in own]:
            folders.remove(name)
            if skipped is not None:
                skipped.append(IngestNote(str(Path(root, name)), OWN_FOLDER))
        for name in names:
            path = Path(root, name)
            try:  # a folder this user may list but not enter (mode 644) lets no file in it be looked at
                if not name.startswith(".") and path.is_file():
                    files.append(path)
            except OSError as exc:
                failed(exc)
    return sorted(files)


def _mapped(path: Path) -> bool:
    """Whether a mapping can apply to ``path`` (CSV or JSON Lines, by its name)."""
    return path.name.lower().endswith(tuple(e for ends, _ in _MAPPED_FORMATS.values() for e in ends))


def _kind_of(path: Path) -> str:
    """What a file a mapping does not apply to is read as, by its name."""
    name = path.name.lower()
    if name.endswith((".xml", ".xml.gz")):
        return "TEI XML"
    if name.endswith(".pdf"):
        return "PDF"
    if name.endswith(".json"):
        return "Wilson Center Digital Archive JSON"
    return "its format"


ALIKE = 20
"""Failures of one kind at the start of a file after which :func:`read_file` stops reading it."""


def read_file(path: Path, mapping: str | Path | None = None, encoding: str | None = None) -> Iterator[Item]:
    """Items of one file; a file that cannot be read at all, or holds no documents, gives one
    IngestError item. ``mapping`` (a bundled mapping name or a mapping file, see
    :mod:`legation.ingest.mappings`) applies to CSV and makes a JSON Lines file a mapped corpus
    instead of Legation JSON Lines. ``encoding`` (a Python codec name) applies to CSV only, the
    one text format Legation reads whose encoding is not fixed or declared in the file (JSON
    Lines and JSON are UTF-8, XML says its own); None detects it. When the first :data:`ALIKE` items are failures with one
    message but for its numbers (a mapping for another corpus: every line lacks the identifier), the file is read no
    further and those give one IngestError item instead of thousands of identical lines.
    Last come :class:`IngestNote` items for language values that are no BCP 47 tag (one per value,
    counting its documents: see :class:`_Languages`)."""
    reader = _reader_for(path, mapping, encoding)
    assert reader is not None, path
    count = 0
    leading: list[IngestError] | None = []  # the failures the file starts with, held back until they differ
    languages = _Languages(path)
    try:
        for item in languages.watch(reader(path)):
            count += 1
            if isinstance(item, IngestNote):  # a note (the encoding assumed, columns not read) leaves the failures' count alone
                yield item
                continue
            if leading is not None and isinstance(item, IngestError) and (not leading or _kind(item) == _kind(leading[0])):
                leading.append(item)
                if len(leading) == ALIKE:
                    yield _alike(path, leading, mapping)
                    return
                continue
            if leading:
                yield from leading
            leading = None
            yield item
    except IngestError as exc:
        yield from leading or ()
        yield exc
        yield from languages.notes()
        return
    yield from leading or ()
    yield from languages.notes()
    if count == 0:  # an empty or cut-off export must not pass as a successful ingest
        yield IngestError(str(path), "holds no documents; check that it is the file you meant and that it is complete")


class _Languages:
    """The language values of a file's documents that are no BCP 47 tag
    (:func:`~legation.records.languages.invalid_languages`): such a document is stored, its language
    as written, and the file gets one note per value, at the first document's place, counting the
    documents, naming the fields and saying what to write (:data:`~legation.records.languages.LANGUAGE_RULE`)::

        letters.csv, line 3: language 'klingon-xx' is not a language tag: 2 documents (a1 at line 3, a7 at
        line 9) were stored with it as written, so searches by language miss them; in their language
        field write a BCP 47 language tag, … and ingest the file again
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.found: dict[str, tuple[list[str], list[str]]] = {}  # value → (fields, "identifier at place" of each document)

    def watch(self, items: Iterable) -> Iterator:
        """``items`` as they are, noting the languages of the documents among them."""
        from legation.records.languages import invalid_languages

        for item in items:
            if isinstance(item, DocumentRecord):
                for field_name, value in invalid_languages(item):
                    fields, documents = self.found.setdefault(value, ([], []))
                    if field_name not in fields:
                        fields.append(field_name)
                    place = location_of(item)
                    document = f"{item.identifier} at {place}" if place else item.identifier
                    if not documents or documents[-1] != document:
                        documents.append(document)
            yield item

    def notes(self) -> Iterator[IngestNote]:
        from legation.records.languages import LANGUAGE_RULE

        for value, (fields, documents) in self.found.items():
            count = f"{len(documents):,} document{'s' if len(documents) != 1 else ''}"
            shown = ", ".join(documents[:3]) + (f" and {len(documents) - 3:,} more" if len(documents) > 3 else "")
            first = documents[0].rpartition(" at ")[2] if " at " in documents[0] else ""
            yield IngestNote(
                str(self.path),
                f"language {value!r} is not a language tag: {count} ({shown}) {'was' if len(documents) == 1 else 'were'} "
                f"stored with it as written, so searches by language miss {'it' if len(documents) == 1 else 'them'}; in "
                f"{'its' if len(documents) == 1 else 'their'} {' and '.join(f if f != 'language' else 'language field' for f in fields)} "
                f"{LANGUAGE_RULE}, and ingest the file again",
                first,
            )


def _kind(error: IngestError) -> str:
    """An error's message with its numbers left out: "byte 3 of the line, 0xE9" and "byte 7 of the
    line, 0xFC" fail alike."""
    return re.sub(r"0x[0-9A-F]{2}|\d+", "#", error.message)


def _alike(path: Path, failures: list[IngestError], mapping: str | Path | None) -> IngestError:
    """The one failure reported for a file whose first lines all fail the same way."""
    first, last = failures[0].location or "the start", failures[-1].location or "further on"
    hint = (
        f"is --mapping {mapping} the mapping for this file?" if mapping is not None
        else "is it the file you meant, in the format its name says?"
    )
    return IngestError(
        str(path),
        f"not read further: its first {len(failures)} records all failed the same way ({first} to {last}: "
        f"{failures[0].message}); {hint} Nothing of it was stored",
        failures[0].location,
    )
