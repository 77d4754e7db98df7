"""Reader for CSV tables of documents: Dublin Core-style headers, or any headers plus a mapping.

Source format: a comma-separated table (RFC 4180 quoting; ``.csv`` or gzip ``.csv.gz``), one row
per document, a header row first. Without a mapping the headers are read as Dublin Core-style
names (case, spaces, ``-`` and ``_`` ignored, and a namespace prefix such as ``dc:``, ``dcterms:``,
``dc.`` or ``Dublin Core:``)::

    identifier | id                          → identifier (required)
    title                                    → title
    date                                     → date (EDTF or as archives write it, read by
                                               parse_archival_date; kept verbatim as date_text)
    date text                                → date_text, the date as written (``date`` then
                                               gives the EDTF value only)
    type                                     → document_type
    creator | sender | from                  → senders      recipient | to | addressee → recipients
    mentioned                                → people mentioned
    description | summary | abstract         → summary      subject | subjects → subjects
    language                                 → language ("und" when none)
    source                                   → source note (the archival citation)
    repository | repositories                → repositories (archives holding the original)
    place                                    → place sent   text → one transcript
    coverage                                 → subjects (Dublin Core's coverage is the place or time the
                                               document is about, as the Wilson Center reader reads it)
    relation | relations                     → related documents (their identifiers)
    rights, credit, collection, classification, url   → themselves
    pages | page                             → the printed pages that print it (287, 287–289; pp. 287–289,
                                               1,099–1,101 read as 287–289, 1099–1101)
    publisher | publishers                   → credit, after the credit column's value ("; "), as the
                                               Wilson Center reader puts donors then publishers there
    (Dublin Core's contributor and format have no field: named in the note of columns not read)

With a mapping (``legation ingest FILE.csv --mapping MAP.json``, or ``FILE.mapping.json`` beside
``FILE.csv``) the mapping's ``columns`` say which header gives which field; see
:mod:`legation.ingest.mappings`. Multi-valued fields (names, ids, subjects, collections, repositories, relations) are split
on the declared separator only (default ``"|"``), never on commas, so "Mao, Zedong" stays one name.
A cell of names holding a semicolon ("Mao Zedong; Zhou Enlai") where the separator is another is stored as one
name, as written (a semicolon may be part of one: "Mr; Mboumoua"), and one note a column names the first
three and says how to write them or declare ";" (see :func:`_semicolon_note`). A comma between names
of several words each ("Mao Zedong, Zhou Enlai") is stored as one name too, read as one written surname
first, and noted so, with how to write several (:func:`_comma_note`).
A name without an id is keyed by :func:`~legation.ingest.mappings.agent_key`: a personal name
written inverted ("Acheson, Dean", "Lodge, Henry Cabot, Jr.") gets the key of its direct form
(``person:dean-acheson``, as "Dean Acheson" does) and is named so, "Dean Acheson", its inverted form
kept as a further name that searches and suggestions find too (an agent stored before keeps the name
it has and gains the other form, see :mod:`legation.ingest.service`); a body's comma
("Embassy in Benghazi, Libya") and an East Asian name ("Mao, Zedong") turn nothing. Dates of life
after a name, as library headings write them ("Acheson, Dean, 1893-1971"), are no part of it: the
agent is Dean Acheson, ``person:dean-acheson``, the dates not kept, and one note a column
names the first three (see :mod:`legation.ingest.readers.heading_notes`); a name written with the dates of different people
("Smith, John, 1901-1980" and "Smith, John, 1850-1920", one agent) gets a note of its own naming each
dates and where it was first read, unless its rows give ids; so is what else such a heading adds
(:func:`legation.ingest.names.heading`): "Nixon, Richard M. (Richard Milhous), 1913-1994" is Richard M.
Nixon, ``person:richard-m-nixon``, "Churchill, Winston, Sir" Winston Churchill, and a relator term
("Smith, John, 1901-1980, editor") is not kept, noted once a column. A table gives
no kind: a name with a word of a body or an office ("Embassy in France", "Department of State",
"Secretary of State"; "Auswärtiges Amt", "Ambassade de France") is an organization's, keyed
``organization:<slug>`` as FRUS keys it, any other a person's (the rules: :mod:`legation.ingest.names`).
Empty cells give no value. Cells are trimmed at their ends; a text cell is kept as written, and
summary, source, rights and credit keep their line breaks and paragraphs (within a line, runs of
spaces become one); title, type, date, place and the other single-valued fields are one line,
runs of whitespace and line breaks made one space (see :data:`legation.ingest.mappings.PROSE`).
A cell that starts with an apostrophe before ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return (``'=SUM(A1)``, ``''-x``) loses that one apostrophe: it is how
``legation export --format csv`` keeps spreadsheets from running a value as a formula (see
:func:`escape_formula`); any other leading apostrophe (``'95 message``) is part of the value.

A row for a document already stored updates it only in what a table holds
(:mod:`legation.ingest.table_rows`): a column the file lacks leaves that field as stored (an empty
cell of a column it has empties it); the row's text is the first text's body, its notes and the
document's other texts kept; names and collection titles the document already bears keep their
agents' and collections' keys.

Encoding: UTF-8 with or without BOM; else the one given (``legation ingest --encoding NAME``, which
wins, or the mapping's ``"encoding"``); else guessed by :mod:`legation.ingest.encodings`
(chardet's candidates and the commonest Latin and Cyrillic code pages, the most plausible text
winning), with a note naming the file, the encoding assumed and how to override it.

With a mapping, every column it names (in ``columns`` and in its templates) must be in the header:
else the file fails once, naming the missing columns, the header closest to each and the file's
headers. Columns the mapping leaves out get one note, as unread Dublin Core headers do.

Errors: each row that cannot be a record (wrong number of cells, no identifier, an invalid
record) yields an :class:`IngestError` naming the file and ``line N`` (the line where the row
starts); the other rows go on. A quotation mark opening a cell that was not meant to hold line breaks
(``d2,"Telegram``, a ditto mark ``"``, ``5" gun`` at a cell's start) reads the next lines into that cell,
up to the next quotation mark: when every line it ran on over is a row of the table (the header's width,
an identifier of the form of the first rows', the row's before or its own: ``d3``, as ``d2``), that row
fails at the quotation mark's line, naming the lines, and they are read again as the rows they are; a cell
of paragraphs is read as written (of 6,978 real texts of ten corpora written as tables of three columns,
5,764 of several lines, none was taken for rows; by width alone 35 were: benchmarks/ingest/multiline_cells.py). A row that is not CSV (a cell in quotation marks going
on after them, ``"Big Five" talks``; a quotation mark never closed) fails, and reading goes on when the
next line is a row, else stops there, saying so. A ``.csv.gz`` cut off or damaged after some rows gives its whole
rows, then an IngestError at the line where reading stopped counting the rows read, as a cut-off
JSON Lines file does (:func:`~legation.ingest.readers.stopped_reading`). A file that cannot be
read, has no header, or no identifier column (without a mapping) raises IngestError, but for a
corpus's list of its own files (QhoD's ``manifest.csv``: file, original_path, bytes), which yields
one :class:`IngestNote` saying it was skipped (see :func:`_companion`).
"""

from __future__ import annotations

import csv
import difflib
import itertools
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from legation.errors import IngestError, IngestNote, cannot_read
from legation.ingest import encodings
from legation.ingest.encodings import Decoded
from legation.ingest.mappings import FIRST_WINS, Mapping, Values, load_mapping
from legation.ingest.names import direct_name
from legation.ingest.readers import located, nul_padding, padding_error, read_decompressed, stopped_reading
from legation.ingest.readers.heading_notes import HeadingNotes
from legation.ingest.table_rows import UNTITLED, from_table, remember_date_cell, table_fields
from legation.printable import quoted, shortened
from legation.records.document_record import MAX_CHARACTERS, DocumentRecord, RecordError

DUBLIN_CORE = {
    "identifier": "identifier", "id": "identifier", "title": "title", "date": "date", "type": "type",
    "creator": "sender", "sender": "sender", "from": "sender",
    "recipient": "recipient", "to": "recipient", "addressee": "recipient",
    "description": "summary", "summary": "summary", "abstract": "summary",
    "subject": "subject", "subjects": "subject", "language": "language", "source": "source",
    "coverage": "subject", "place": "place", "rights": "rights", "text": "text",
    "collection": "collection", "classification": "classification", "url": "url", "pages": "pages", "page": "pages",
    "datetext": "date_text", "mentioned": "mentioned", "repository": "repository", "repositories": "repository",
    "credit": "credit", "relation": "relation", "relations": "relation",
    "publisher": "credit", "publishers": "credit",  # after credit's own column (see read_csv), as the Wilson reader has them
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what makes a spreadsheet cell a formula (OWASP, CSV injection)


def escape_formula(value: str) -> str:
    """``value`` with an apostrophe put before it when, past its own leading apostrophes, it starts
    like a spreadsheet formula (:data:`FORMULA_START`), as OWASP advises against CSV injection:
    ``"=1+1"`` → ``"'=1+1"``, ``"'=x"`` → ``"''=x"``; other values unchanged. The CSV reader
    undoes it (:func:`unescape_formula`), so every value reads back exactly."""
    return "'" + value if value.lstrip("'")[:1] in FORMULA_START else value


def unescape_formula(cell: str) -> str:
    """The value :func:`escape_formula` turned into ``cell``: one leading apostrophe dropped when
    what follows the apostrophes starts like a formula; any other cell unchanged."""
    return cell[1:] if cell.startswith("'") and cell.lstrip("'")[:1] in FORMULA_START else cell


# The namespace prefixes exports put before Dublin Core element names: "dc:title", "dcterms:date"
# (RDF, OAI-PMH), "dc.title" (DSpace), "Dublin Core:Title" (Omeka).
_DC_PREFIX = re.compile(r"^(?:dc|dcterms|dublin\s*core)\s*[:.]\s*", re.IGNORECASE)


def _header_key(header: str) -> str:
    """A header as :data:`DUBLIN_CORE` knows it: namespace prefix dropped, lower case, no spaces,
    ``_`` or ``-`` (``"dc:Title"``, ``"Date Text"`` → ``"title"``, ``"datetext"``)."""
    return re.sub(r"[\s_\-]+", "", _DC_PREFIX.sub("", header.strip()).lower())


def decode(data: bytes, path: Path, declared: str = "", declared_by: str = "") -> Decoded:
    """Text of a CSV file's bytes (:func:`legation.ingest.encodings.decode`): the ``declared``
    encoding (``declared_by`` names where it was declared, for the error), else UTF-8 (BOM dropped),
    else the most plausible legacy encoding, with a note naming it. Raises IngestError, naming
    ``path`` and what to do, when the bytes are not in the declared encoding or no encoding fits."""
    try:
        return encodings.decode(data, declared, declared_by, str(path))
    except ValueError as exc:
        raise IngestError(str(path), str(exc)) from exc


def _absent_columns(absent: list[str], header: list[str], mapping: Mapping) -> str:
    """Why a file fails a mapping that names columns its header lacks: each column with the
    header closest to it (difflib; a header equal but for case and spaces first), the file's
    headers, and what to do."""
    folded = {re.sub(r"\s+", "", h).lower(): h for h in header}
    named = []
    for column in absent:
        close = folded.get(re.sub(r"\s+", "", column).lower()) or next(iter(difflib.get_close_matches(column, header, n=1, cutoff=0.6)), "")
        named.append(f"{column!r} (did you mean {close!r}?)" if close else repr(column))
    which = "column" if len(absent) == 1 else "columns"
    json_lines = ' (it is a mapping for JSON Lines: it has a "transform")' if mapping.transform else ""
    return (
        f"the mapping {mapping.source}{json_lines} names {which} {', '.join(named)} that the file does not have; its columns are "
        f"{header}. Write the mapping's column names as the header spells them (case and spaces count), or give the mapping meant "
        "for this file; nothing of the file was read"
    )


def mapping_beside(path: Path) -> Path | None:
    """``letters.mapping.json`` beside ``letters.csv`` (or ``letters.csv.gz``), if it exists."""
    candidate = _mapping_path(path)
    return candidate if candidate.is_file() else None


def _mapping_path(path: Path) -> Path:
    """Where :func:`mapping_beside` looks for the mapping of ``path``: ``letters.mapping.json`` for ``letters.csv``."""
    return path.with_name(re.sub(r"\.csv(\.gz)?$", "", path.name, flags=re.I) + ".mapping.json")


_SEPARATOR_HINT = re.compile(r'"?sep ?= ?([^\r\n])"?[,;\t]*\r?\n?', re.I)
_SEPARATOR_LINE = re.compile(r'\s*"?sep\s*=', re.I)  # a line that means to name the separator, rightly or not


def _separator_hint(line: str, path: Path, number: int) -> str:
    """The separator a first line ``sep=;`` names, as Excel writes it before the header (and reads
    it back: the table's separator whatever the locale's): one character, the line maybe quoted
    (``"sep=,"``) and followed by the separator repeated (``sep=;;;``, a spreadsheet's empty
    cells); ``""`` for any other line. Raises IngestError at ``line {number}`` of ``path`` when
    the line names something that is not one character (``sep=``, ``sep=\\t`` written as two
    characters, ``sep=semicolon``), saying what to write: read as the header, it failed the table
    as having no identifier column (headers ``['sep=\\t']``); and when the character cannot separate
    columns: a quotation mark (it encloses cells), a letter or digit, a control character other than
    the tab (``sep=`` followed by a NUL)."""
    found = _SEPARATOR_HINT.fullmatch(line)
    if found and (found[1] == "\t" or (found[1].isprintable() and not found[1].isalnum() and found[1] not in "\" ")):
        return found[1]
    if not found and not _SEPARATOR_LINE.match(line):
        return ""
    raise IngestError(
        str(path),
        f"its line {quoted(line.rstrip(chr(13) + chr(10)))} should name the column separator as one character that is no letter, "
        "digit, space or quotation mark, as Excel writes "
        "it: 'sep=;' for semicolons, 'sep=,' for commas, 'sep=|' for vertical bars, or 'sep=' followed by a tab for tabs (the "
        "tab character itself: a backslash and a t are two). Correct that line, or remove it to have the separator read off "
        "the header, and ingest the file again",
        f"line {number}",
    )


_SUFFIXES = {  # what a file named .csv that is another format is, and what to do
    "XML": ("XML", "name it .xml"),
    "JSON": ("JSON", "name it .json (.jsonl for JSON Lines, a value a line)"),
    "HTML": ("a web page (HTML)", "save the table itself, not the page showing it,"),
}


def _not_a_table(first: str) -> str:
    """What a file named ``.csv`` is when its first line shows another format: ``"XML"`` (a TEI file
    saved so read "no identifier column (headers: ['<?xml …'])"), ``"JSON"``, ``"HTML"`` (a web page
    showing a table, saved), else ``""``."""
    line = first.lstrip("\ufeff \t")
    if line.lower().startswith(("<!doctype html", "<html")):
        return "HTML"
    if line.startswith(("<?xml", "<TEI", "<!DOCTYPE", "<teiCorpus")):
        return "XML"
    if line.startswith(("{", "[{")):
        return "JSON"
    return ""


_DUBLIN_CORE_HEADERS = "Dublin Core headers"  # the source of the mapping a table without one is read by


def _unread_note(path: Path, mapping: Mapping, unread: list[str], at: str) -> IngestNote:
    """The note on the columns ``unread`` (their headers, each with a value in some row) that no
    field reads: without a mapping (``mapping.source`` "Dublin Core headers"), headers Legation does
    not read; with one, columns it leaves out (and does not ``ignore``). A column empty in every row
    lost nothing and is not named (the Moritz letter index's five)."""
    if mapping.source == _DUBLIN_CORE_HEADERS:
        return IngestNote(
            str(path),
            f"columns {unread} are not headers Legation reads, so their values were not stored; rename each to one "
            f"of {sorted(DUBLIN_CORE)}, or ingest with --mapping MAP.json, and ingest the file again",
            at,
        )
    return IngestNote(str(path), f"columns {unread} {mapping.not_read()}", at)


_SEPARATOR_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def _separator_disagreeing(header: list[str], hinted: str) -> str:
    """The separator of :data:`_SEPARATOR_NAMES` that a header read as one column by the separator
    a ``sep=`` line named (``hinted``) holds instead (``"identifier;title;date"`` below ``sep=,``), so
    that the file fails naming both, not as a table without an identifier column; ``""`` when the
    header has several columns, or none of those separators."""
    if len(header) != 1:
        return ""
    return next((other for other in _SEPARATOR_NAMES if other != hinted and other in header[0]), "")


def _delimiter(header: str) -> str:
    """The column separator, read off the ``header`` line: a comma; a semicolon, as Excel writes CSV
    where the decimal mark is a comma (German, French …); or a tab (TSV)."""
    if "," not in header:
        for candidate in (";", "\t"):
            if candidate in header:
                return candidate
    return ","


# Headers of a corpus's list of its own files (QhoD's manifest.csv: file, original_path, bytes): a
# table whose every header is one of these, with a file or path column, describes files, not documents.
_FILE_LIST_HEADERS = frozenset({
    "file", "filename", "filepath", "path", "originalpath", "relativepath", "name", "bytes", "size", "filesize",
    "sha256", "sha1", "md5", "checksum", "hash", "modified", "mimetype", "contenttype", "format", "url",
})


def _companion(header: list[str]) -> str:
    """What a CSV file without an identifier column is when it is recognisably no table of
    documents: ``"a list of the corpus's files (a manifest)"`` when every header names a property
    of files (:data:`_FILE_LIST_HEADERS`), one of them the file's name or path; "" otherwise (the
    file then fails: a table of documents without identifiers is an error to fix)."""
    keys = {_header_key(h) for h in header if h}  # headers read as the Dublin Core ones are
    if keys and keys <= _FILE_LIST_HEADERS and keys & {"file", "filename", "filepath", "path", "originalpath", "relativepath"}:
        return "a list of the corpus's files (a manifest)"
    return ""


def read_csv(
    path: Path, mapping: Mapping | str | Path | None = None, encoding: str | None = None
) -> Iterator[DocumentRecord | IngestError | IngestNote]:
    """Yield one record per data row, or an :class:`IngestError` located at "line N" for a row
    that is not a valid record. First comes an :class:`IngestNote` naming the encoding
    assumed when the file is not UTF-8 and none was declared (:mod:`legation.ingest.encodings`);
    after the rows one naming the columns that are not read and hold a value in some row (without a
    mapping, headers that are not Dublin Core-style names; with one, columns the mapping leaves out
    and does not ``ignore``: :func:`_unread_note`). ``mapping``: a :class:`Mapping`, a bundled
    mapping name or a mapping file; None looks for ``FILE.mapping.json`` beside the file, else reads Dublin Core
    headers. ``encoding``: the file's encoding (a Python codec name, ``legation ingest --encoding``),
    which wins over the mapping's ``"encoding"``; None detects it. Columns are separated by commas,
    or semicolons or tabs when the header line has no comma (see :func:`_delimiter`), or by what a
    line ``sep=;`` before the header names (:func:`_separator_hint`; no row, counted in the line
    numbers). Raises IngestError when the file cannot be read or decoded, has no usable header, a
    ``sep=`` line naming no one character, or the mapping names
    columns (in ``columns`` or a template) that the header lacks: then it names them, the closest
    header to each, and the file's headers."""
    path = Path(path)
    if mapping is None and (beside := mapping_beside(path)):
        mapping = beside
    if mapping is not None and not isinstance(mapping, Mapping):
        mapping = load_mapping(mapping)
    try:
        data, stopped = read_decompressed(path)
        if stopped is not None and b"\n" not in data:  # cut off in the header
            raise stopped
    except (OSError, EOFError, zlib.error) as exc:
        raise cannot_read(str(path), exc) from exc
    if stopped is not None:
        data = data[: data.rindex(b"\n") + 1]  # whole lines only: a row cut in two is not read as a shorter row
    padded = None
    if padding := nul_padding(data):  # said after the rows before it, as a file cut off is
        at, count = padding
        begins = data.rfind(b"\n", 0, at) + 1
        padded = padding_error(path, data.count(b"\n", 0, at) + 1, at - begins + 1, count, "row")
        data = data[:begins]  # a row the NULs begin inside is not read
    if encoding:
        declared, declared_by = encoding, "--encoding"
    else:
        declared, declared_by = (mapping.encoding if mapping else ""), (f"the mapping {mapping.source}" if mapping else "")
    lines = _utf8_lines(data, declared)
    if lines is None:  # another encoding, declared or guessed: the whole text decoded (such tables are small)
        decoded = decode(data, path, declared, declared_by)
        data = b""  # the text is read from here on
        if decoded.note:
            yield IngestNote(str(path), decoded.note)
        lines = _lines(decoded.text)
        del decoded
    leading = []  # blank lines before the header, and Excel's separator line: read past, counted in line numbers
    header_line = next(lines, "")
    hinted, hint_line = "", 0
    while header_line and (not header_line.strip() or (not hinted and (hinted := _separator_hint(header_line, path, len(leading) + 1)))):
        leading.append("\n")  # read as a blank line: the hint is no row
        hint_line = hint_line or (len(leading) if hinted else 0)
        header_line = next(lines, "")
    # The csv module refuses cells over 128 KiB by default (a long speech or telegram is more): a
    # cell may hold the longest value a record takes, and no more, so that a quote never closed (the
    # rest of the file read as one cell) stops there rather than at the end of the file (a file of
    # 146 MB took 1.5 GB, the cell growing 4 bytes a character).
    csv.field_size_limit(CELL_CHARACTERS + 1)
    if kind := _not_a_table(header_line):
        first = shortened(header_line.strip(), 40)
        raise IngestError(str(path), f"is {_SUFFIXES[kind][0]}, not a CSV table (its first line is {first!r}); {_SUFFIXES[kind][1]} and ingest it again", f"line {len(leading) + 1}")
    delimiter = hinted or _delimiter(header_line)
    source = _Lines(itertools.chain(leading, [header_line] if header_line else [], lines))
    rows = csv.reader(source, delimiter=delimiter, strict=True)
    try:
        header = next(rows)
        while not any(cell.strip() for cell in header):
            header = next(rows)
    except StopIteration:
        raise IngestError(str(path), "is empty; give a header row and one row per document") from None
    except csv.Error as exc:
        raise IngestError(str(path), f"header is not valid CSV ({exc})", f"line {rows.line_num}") from exc
    header = [h.strip() for h in header]
    at = f"line {rows.line_num}"  # the header's
    if hinted and (other := _separator_disagreeing(header, hinted)):
        raise IngestError(
            str(path),
            f"its line {quoted('sep=' + hinted)} names {_SEPARATOR_NAMES.get(hinted, repr(hinted))} as the column separator, but the header "
            f"({at}) has none and is separated by {_SEPARATOR_NAMES[other]}: correct that line to "
            f"{'sep= followed by a tab' if other == chr(9) else quoted('sep=' + other)}, or remove it to have "
            "the separator read off the header, and ingest the file again",
            f"line {hint_line}",
        )
    if twice := [h for h in dict.fromkeys(header) if h and header.count(h) > 1]:
        places = "; ".join(f"{h!r} in columns {', '.join(str(i + 1) for i, x in enumerate(header) if x == h)}" for h in twice)
        raise IngestError(
            str(path),
            f"the header names a column twice ({places}), so the values of one would be lost; rename or remove one and ingest the file again",
            at,
        )
    unnamed = [i for i, h in enumerate(header) if not h]  # columns without a header: their cells are read by no field
    unnamed_used: set[int] = set()
    if mapping is None:
        columns = {h: DUBLIN_CORE[_header_key(h)] for h in header if _header_key(h) in DUBLIN_CORE}
        _refuse_one_field_twice(path, header, columns, at)
        # credit holds whom the publication thanks, donors then publishers (wilson_json): a publisher column comes last
        columns = dict(sorted(columns.items(), key=lambda column: _header_key(column[0]) in ("publisher", "publishers")))
        if "identifier" not in columns.values():
            if what := _companion(header):
                yield IngestNote(
                    str(path),
                    f"skipped, not documents: it is {what}, columns {header}, not a table of documents; nothing of it is stored",
                    at,
                )
                return
            raise IngestError(
                str(path),
                f"has no identifier column (headers: {header}); name one 'identifier' or give a mapping (--mapping MAP.json)",
                at,
            )
        mapping = Mapping(columns=columns, source=_DUBLIN_CORE_HEADERS)
        unread = [i for i, h in enumerate(header) if h and _header_key(h) not in DUBLIN_CORE]
    else:
        named = mapping.source_columns()
        if absent := [c for c in named if c not in header]:
            raise IngestError(str(path), _absent_columns(absent, header, mapping), at)
        unread = [i for i, h in enumerate(header) if h and h not in named and h not in mapping.ignore]
    unread_used: set[int] = set()  # columns not read with a value in some row: named after the rows
    start, read = source.count + 1, 0
    given = table_fields(mapping)
    table = _Table(len(header), delimiter, next((header.index(c) for c in mapping.identifier_columns() if c in header), None))
    # columns of names whose cells hold ";", as between several names, where the separator is another, or a comma
    # between two names of several words each, which reads as one name written surname first: noted, not split
    named = [c for c, f in mapping.columns.items() if f in ("sender", "recipient", "mentioned")]
    names = named if mapping.separator not in ("", ";", ",") else []
    semicolons: dict[str, list[tuple[str, str]]] = {}  # column → (place, cell) of the first three
    commas: dict[str, list[tuple[str, str]]] = {}
    counted: dict[tuple[str, str], int] = {}  # (";" or ",", column) → cells
    headings = HeadingNotes(path)  # names with a library heading's dates of life or relator term: noted, not stored
    while True:
        source.next_row()
        broken = None
        try:
            row = next(rows)
        except StopIteration:
            if stopped is not None:
                yield stopped_reading(path, stopped, read, "row", start)
            elif padded is not None:
                yield padded
            elif not read:  # said here: the note on its encoding counted as something read, and it passed as ingested
                yield IngestError(str(path), "holds no documents: it has a header but no rows; add one row per document under the header")
            break
        except csv.Error as exc:
            if stopped is not None:  # a quoted cell open where the data stops
                yield stopped_reading(path, stopped, read, "row", start)
                break
            row, broken = _lenient(source.taken, delimiter), exc
        where = f"line {start}"
        if broken is None and not any(cell.strip() for cell in row):
            start = source.count + 1
            continue
        read += 1
        if swallowed := table.swallowed(row, source.taken, start):  # read again from the line after the quotation mark
            yield _swallowed_rows(path, header, *swallowed, closed=broken is None or "expected after" in str(broken))
            start = source.again(swallowed[1] - start + 1)
            continue
        if broken is not None:  # read on when the next line is a row, not the rest of a cell of this one
            upcoming = source.upcoming()
            read_on = table.is_row(upcoming) if upcoming is not None else len(source.taken) == 1  # else its cell ran to the end
            yield _not_csv(path, broken, start, read_on, _cell_going_on("".join(source.taken), delimiter))
            if not read_on:
                break
            start = source.count + 1
            continue
        start = source.count + 1
        if len(row) != len(header):
            yield IngestError(str(path), f"has {len(row)} cells, the header has {len(header)}; check quoting and commas in this row", where)
            continue
        unnamed_used.update(i for i in unnamed if row[i].strip())
        unread_used.update(i for i in unread if row[i].strip())
        raw = dict(zip(header, map(unescape_formula, row)))
        for column in names:
            for mark, found in ((";", semicolons), (",", commas)):
                if mark in raw[column] and (mark == ";" or any(map(_several_names, raw[column].split(mapping.separator)))):
                    counted[mark, column] = counted.get((mark, column), 0) + 1
                    if len(found.setdefault(column, [])) < 3:
                        found[column].append((where, raw[column].strip()))
        values = Values(mapping, raw)
        for column, field_name in mapping.columns.items():
            values.add(field_name, raw.get(column))
        headings.read(values, raw, where)
        if "title" not in given:  # a sheet of corrections (identifier, date): the stored title stays, or the row fails at the store
            values.add("title", UNTITLED)
        try:
            yield located(remember_date_cell(from_table(values.record(), given), values.one("date")), where)
        except RecordError as exc:
            yield IngestError(str(path), str(exc), where)
    for column, examples in semicolons.items():
        yield _semicolon_note(path, mapping, column, counted[";", column], examples)
    for column, examples in commas.items():
        yield _comma_note(path, mapping, column, counted[",", column], examples)
    yield from headings.notes()
    if unnamed_used:
        yield _unnamed_note(path, sorted(unnamed_used), at)
    if unread_used:
        yield _unread_note(path, mapping, [header[i] for i in sorted(unread_used)], at)



_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")
_BYTE_LINE = re.compile(rb"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")
_BOM = b"\xef\xbb\xbf"


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, each with its end (``\\r\\n``, ``\\r`` or ``\\n``), as a file opened with
    ``newline=""`` gives them to :func:`csv.reader` (which reads line breaks inside quotes itself).
    Read where they lie: ``io.StringIO`` copied the whole text, four bytes a character when it holds
    one character beyond the BMP (a CSV of 144 MB took 550 MB more)."""
    return (line.group() for line in _LINE.finditer(text))


def _utf8_lines(data: bytes, declared: str) -> Iterator[str] | None:
    """The lines of ``data`` as :func:`_lines` gives them, each decoded as it is read, when ``data``
    is UTF-8 (a byte order mark dropped), not UTF-16 or UTF-32 without its mark
    (:func:`~legation.ingest.encodings.wide_without_mark`), and no other encoding is ``declared``; None otherwise, for
    :func:`decode` to read or refuse the whole. The text of a large table is then never held whole:
    a table of 144 MB took 1.1 GB, now its bytes and a row. Cutting the bytes at CR and LF is exact,
    as no byte of a multi-byte UTF-8 character is either (RFC 3629, section 3)."""
    if declared:
        try:
            if encodings.check_encoding(declared) != "utf-8":
                return None
        except ValueError:
            return None  # decode names what to give instead
    start = len(_BOM) if data.startswith(_BOM) else 0
    if encodings.wide_without_mark(data) or not encodings.is_utf8(memoryview(data)[start:]):
        return None  # UTF-16 of ASCII text is valid UTF-8, NULs between its letters
    return (line.group().decode() for line in _BYTE_LINE.finditer(data, start))


def _refuse_one_field_twice(path: Path, header: list[str], columns: dict[str, str], at: str = "line 1") -> None:
    """Raise IngestError when two Dublin Core-style ``header`` names (``columns``: header → field)
    give one field that takes one value (:data:`~legation.ingest.mappings.FIRST_WINS`: ``title``
    and ``Title``, ``dc:date`` and ``Date``): the second column's values would be dropped, as an
    exact duplicate header's are (refused above). Fields of several values (names, subjects,
    texts) join both columns' values, and pass."""
    by_field: dict[str, list[str]] = {}
    for name, field_name in columns.items():
        by_field.setdefault(field_name, []).append(name)
    if twice := {f: names for f, names in by_field.items() if f in FIRST_WINS and len(names) > 1}:
        places = "; ".join(
            " and ".join(f"{n!r} (column {header.index(n) + 1})" for n in names) + f" are both read as {f}" for f, names in twice.items()
        )
        raise IngestError(
            str(path),
            f"{places}, {'which takes' if len(twice) == 1 else 'each a field that takes'} one value, so the values of all but "
            "the first would be lost; rename or remove the "
            "others (or give a mapping naming the one to read, --mapping MAP.json) and ingest the file again",
            at,
        )

def _several_names(value: str) -> bool:
    """Whether a name cell's ``value`` holds commas between parts of two words or more each, as
    names a comma separates do ("Mao Zedong, Zhou Enlai" was stored as the one person "Zhou Enlai Mao
    Zedong", "Mao Zedong, Zhou Enlai, Liu Shaoqi" as one name as written); a name written surname
    first has a part of one word ("Acheson, Dean", "Lloyd George, David", "Lodge, Henry Cabot, Jr.")."""
    parts = [part.split() for part in value.split(",")]
    # each part a person's name: two to four words, each capitalized ("Hz. Franz von Sachsen, Egern und
    # Westfalen", a body's "Ämter Colditz, Leisnig und Eilenburg": one name, its words in lower case too)
    return len(parts) > 1 and all(2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) for words in parts)


def _comma_note(path: Path, mapping: Mapping, column: str, count: int, examples: list[tuple[str, str]]) -> IngestNote:
    """The note on ``count`` cells of a ``column`` of names with commas between names of several
    words each (:func:`_several_names`; ``examples``: the place and value of the first three), each
    stored as one name: at the first, saying how to write several names. Not split by guess: a
    comma also writes one name surname first, as a table's "Acheson, Dean"."""
    shown = "; ".join(f"{where}: {value!r}" for where, value in examples)
    first = next(v for v in examples[0][1].split(mapping.separator) if _several_names(v))
    several = mapping.separator.join(p.strip() for p in first.split(",") if p.strip())
    cells = "1 cell" if count == 1 else f"{count:,} cells"
    return IngestNote(
        str(path),
        f"column {column!r} has a comma between names of several words in {cells} ({shown}), "
        f"{'stored' if count == 1 else 'each stored'} as one name ({direct_name(first)!r}): a comma writes one name surname "
        f"first, as in 'Acheson, Dean'. If they are several names, separate them with {mapping.separator!r} ({several!r}) "
        "and ingest the file again",
        examples[0][0],
    )


def _semicolon_note(path: Path, mapping: Mapping, column: str, count: int, examples: list[tuple[str, str]]) -> IngestNote:
    """The note on ``count`` cells of a ``column`` of names that hold a semicolon, as between several names
    (``examples``: the place and value of the first three), each stored as one name since the table's
    separator is another (:attr:`Mapping.separator`): at the first, saying how to write several names or
    declare ";" the separator. Not split by guess: a semicolon may be part of a name (the UN General
    Debate's speakers list "Mr; Mboumoua")."""
    shown = "; ".join(f"{where}: {value!r}" for where, value in examples)
    several = mapping.separator.join(p.strip() for p in examples[0][1].split(";") if p.strip())
    if mapping.source == _DUBLIN_CORE_HEADERS:
        declare = f"declare it the separator in a mapping beside the file, {_mapping_path(path).name}: " + json.dumps(
            {"columns": mapping.columns, "separator": ";"}, ensure_ascii=False
        )
    else:
        declare = f'declare it the separator in (a copy of) the mapping {mapping.source}: "separator": ";"'
    cells = "1 cell" if count == 1 else f"{count:,} cells"
    stored = "stored as one name" if count == 1 else "each stored as one name"
    return IngestNote(
        str(path),
        f"column {column!r} has a semicolon, as between several names, in {cells} ({shown}), {stored}: "
        f"this table separates names with {mapping.separator!r}. If they are several names, write them so ({several!r}), "
        f"or {declare} (it then separates the values of every field that takes several), and ingest the file again",
        examples[0][0],
    )


def _unnamed_note(path: Path, columns: list[int], at: str = "line 1") -> IngestNote:
    """The note on columns with no header (0-based ``columns``) whose cells hold values, which no field reads."""
    numbers = ", ".join(str(i + 1) for i in columns)
    return IngestNote(
        str(path),
        f"column{'s' if len(columns) > 1 else ''} {numbers} {'have' if len(columns) > 1 else 'has'} no header, so "
        f"{'their' if len(columns) > 1 else 'its'} values were not stored; give each a header Legation reads (or map it), "
        "and ingest the file again",
        at,
    )


CELL_CHARACTERS = max(MAX_CHARACTERS.values())  # the longest cell read: a record's longest value (a text)
_BREAK = re.compile(r"\r\n?|\n")  # a line break inside a cell, as _LINE ends a line


class _Lines:
    """The lines :func:`csv.reader` reads, counted (:attr:`count`: the file's line number of the last one
    read), those of the row being read kept (:attr:`taken`, from one :meth:`next_row` to the next), so
    that lines a stray quotation mark read into one cell can be read again as the rows they are (:meth:`again`)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.pending: list[str] = []  # lines to read again, the next one last
        self.taken: list[str] = []
        self.before = 0  # lines read before those taken

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        # not a generator: one that has ended cannot give lines read again after the end of the file
        line = self.pending.pop() if self.pending else next(self.lines)
        self.taken.append(line)
        return line

    @property
    def count(self) -> int:
        return self.before + len(self.taken)

    def next_row(self) -> None:
        """Forget the lines of the row read: the next row's are taken from here."""
        self.before += len(self.taken)
        self.taken.clear()

    def upcoming(self) -> str | None:
        """The next line that is not blank, left to be read (None at the end of the file)."""
        taken = len(self.taken)
        line = next((line for line in self if line.strip()), None)
        self.again(taken)
        return line

    def again(self, first: int) -> int:
        """Give the lines taken from the ``first`` (0-based) on again, before the lines not yet read; returns
        the line number of the first (a stack, not chained iterators: a file of many stray quotes would nest them)."""
        self.pending.extend(reversed(self.taken[first:]))
        del self.taken[first:]
        return self.count + 1


@dataclass
class _Table:
    """What a row of a table looks like, to tell lines a stray quotation mark read into one cell (rows of
    their own) from the lines of a cell written on several (a text's paragraphs): ``width`` cells (the
    header's), separated by ``delimiter``, an identifier of a form read before in column ``key``."""

    width: int
    delimiter: str
    key: int | None  # the identifier's column (0-based), None when no single column gives it
    first: set[str] = field(default_factory=set)  # the forms (_form) of the first rows' identifiers
    rows: int = 0  # rows read
    near: tuple[str, str] = ("", "")  # the identifiers of the row read before and of the row read

    def is_row(self, line: str) -> bool:
        """Whether ``line``, read alone, is a row of the table: its width, and an identifier of the form of
        the first rows', the row's before or its own (forms found only for lines of the width: prose is rarely)."""
        if line.count(self.delimiter) < self.width - 1:  # too few to be one, without reading it
            return False
        cells = next(csv.reader([line], delimiter=self.delimiter), [])
        if len(cells) != self.width or self.key is None:
            return len(cells) == self.width
        forms = self.first | {_form(i) for i in self.near if i}
        return not forms or _form(cells[self.key]) in forms

    def swallowed(self, row: list[str], taken: list[str], start: int) -> tuple[int, int, int] | None:
        """``(column, first, last)`` (0-based column; line numbers) of the first cell of ``row`` (read from the
        lines ``taken``, the first of them line ``start``) that holds line breaks because a quotation mark
        opened it at line ``first`` and no cell was meant to: its first line leaves as many cells on that line as
        a row has, and every line it ran on over, to ``last``, that is not blank is a row of the table
        (:meth:`is_row`); None when no cell is so (a text in paragraphs has lines of prose). The identifier
        of ``row`` is remembered first, when it is on one line."""
        own = row[self.key] if self.key is not None and self.key < len(row) and not _BREAK.search(row[self.key]) else ""
        self.near, self.rows = (self.near[1], own), self.rows + 1
        if own and self.rows <= 100:
            self.first.add(_form(own))
        if len(taken) < 2:
            return None
        line = start
        for column, cell in enumerate(row):
            if not (first := _BREAK.search(cell)):
                continue
            breaks = cell.count("\n") + (cell.count("\r") - cell.count("\r\n") if "\r" in cell else 0)
            if column + cell.count(self.delimiter, 0, first.start()) + 1 >= self.width:
                after = taken[line - start + 1 : line - start + 1 + breaks]
                rows = (a for a in after if a.strip())  # a text's first line is most often no row: asked first
                if (one := next(rows, None)) is not None and self.is_row(one) and all(map(self.is_row, rows)):
                    return column, line, line + len(after)
            line += breaks
        return None


def _form(identifier: str) -> str:
    """The form of an identifier, letters written ``a`` and digits ``9`` (``"frus1949v07p1-d12"`` →
    ``"a9a9a9-a9"``): the lines of a table's rows start with one, its prose rarely."""
    return re.sub(r"\d+", "9", re.sub(r"[^\W\d_]+", "a", identifier.strip()))


def _lenient(taken: list[str], delimiter: str) -> list[str]:
    """The first row of the lines ``taken`` as the csv module reads it leniently (a quotation mark never
    closed ends its cell with the lines; a cell as long as the lines allowed), for :meth:`_Table.swallowed`
    to find the cell a stray quotation mark opened in a row the strict reading refused; [] when none."""
    csv.field_size_limit(sum(map(len, taken)) + 1)
    try:
        return next(csv.reader(taken, delimiter=delimiter), [])
    except csv.Error:
        return []
    finally:
        csv.field_size_limit(CELL_CHARACTERS + 1)


def _swallowed_rows(path: Path, header: list[str], column: int, first: int, last: int, closed: bool = True) -> IngestError:
    """The failure of the row whose cell in ``column`` a quotation mark at line ``first`` opened, running on
    over lines to ``last`` that are rows of their own (:meth:`_Table.swallowed`), ``closed`` there or never;
    those lines are read again as rows, and the message says so and what to do."""
    name = repr(header[column]) if column < len(header) and header[column] else f"{column + 1}"
    ran = f"the next one closes it only at line {last}" if closed else "it is never closed"
    if last == first + 1:
        lines, were, rows, again = f"line {last}", "was", "a row of its own", "the row it is"
    else:
        lines, were, rows, again = f"lines {first + 1}–{last}", "were", "rows of their own", "the rows they are"
    return IngestError(
        str(path),
        f'a quotation mark (") opens the cell of column {name} here and {ran}, so {lines}, {rows}, {were} read into '
        f"that cell. This row was not stored; {lines} {were} read again as {again}. If the quotation mark was left "
        'open, close it; if it belongs to the value (5" gun), write it as two and put the whole cell in quotation marks '
        '("5"" gun"); then ingest the file again',
        f"line {first}",
    )


SHOWN_CELL_CHARACTERS = 80  # a cell longer than this is shown cut to the characters about its closing quotation mark
_SHOWN_AROUND = 30  # characters shown of a long cell before and after its closing quotation mark


def _cell_going_on(text: str, delimiter: str) -> str:
    """The first cell of ``text`` (a row's lines, as the file writes them) that opens with a
    quotation mark and goes on after the one closing it (``"Memo" randum``, ``"x"y"z"``), as written up to
    the next delimiter or line end; ``""`` when there is none. Quotation marks written as two inside
    the quoted part are read as one mark of the value, as :mod:`csv` reads them (RFC 4180, section 2,
    rule 7); the quoted part may run over lines, as a cell of paragraphs does."""
    sep = re.escape(delimiter)
    found = re.search(rf'(?:^|{sep})[ \t]*("(?:[^"]|"")*"[^{sep}\r\n]+)', text)
    return found.group(1).rstrip() if found else ""


def _shown_cell(cell: str) -> str:
    """``cell`` (:func:`_cell_going_on`) as a message shows it, for the archivist to find it in the file:
    whole when it has at most :data:`SHOWN_CELL_CHARACTERS` characters on one line, else the
    :data:`_SHOWN_AROUND` characters before its closing quotation mark (on that mark's line) and after
    it, "…" where cut; control characters written as Python writes them (``\\x00``)."""
    closing = len(cell) - len(re.sub(r'^"(?:[^"]|"")*"', "", cell))  # just past the closing quotation mark
    if len(cell) > SHOWN_CELL_CHARACTERS or "\n" in cell or "\r" in cell:
        before = re.split(r"[\r\n]", cell[1 : closing - 1])[-1]
        after = cell[closing:]
        cell = (
            ('"' if len(before) == closing - 2 and len(before) <= _SHOWN_AROUND else '"…')
            + before[-_SHOWN_AROUND:]
            + '"'
            + after[:_SHOWN_AROUND]
            + ("…" if len(after) > _SHOWN_AROUND else "")
        )
    return re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", lambda m: repr(m.group())[1:-1], cell)


def _not_csv(path: Path, exc: csv.Error, line: int, read_on: bool = False, cell: str = "") -> IngestError:
    """The failure of the row at ``line`` that is not CSV (``exc``), saying what to do; ``read_on``: the
    rows after it are read (the next line is a row of the table), else the rest of the file cannot be (the
    next lines are the rest of a cell, a text's paragraphs, or the cell runs to the end of the file or past
    :data:`CELL_CHARACTERS`). ``cell``: the row's cell going on after its closing quotation mark, as the
    file writes it (:func:`_cell_going_on`), shown (:func:`_shown_cell`) with how to write it; else an example of such a cell."""
    after = "this row was not stored, the rows after it were read" if read_on else "the rest of the file cannot be read; the rows before were read"
    example = _shown_cell(cell) if cell else '"Big Five" talks'
    if "field larger than field limit" in str(exc):
        why = (
            f"a cell of the row starting here runs past {CELL_CHARACTERS:,} characters, the most a value may hold: most "
            'often a quotation mark (") opened in a cell and never closed'
        )
    elif "unexpected end of data" in str(exc):
        why = 'a cell of the row starting here opens a quotation mark (") that is never closed'
    elif "expected after" in str(exc):
        written = f"here: {example}" if cell else f"({example})"
        why = f'a cell of the row starting here is put in quotation marks (") but goes on after the closing one {written}'
    else:
        why = f"the row starting here is not CSV ({exc})"
    quoted = '"' + example.replace('"', '""') + '"'
    return IngestError(
        str(path),
        f"{why}, so {after}. Close the quotation mark, or write a quotation mark inside a cell as two and put the whole "
        f"cell in quotation marks ({quoted}), and ingest the file again",
        f"line {line}",
    )
