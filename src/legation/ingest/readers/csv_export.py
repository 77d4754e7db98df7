"""Documents as a CSV table for spreadsheets (``legation export --format csv``), in the Dublin
Core-style headers that :mod:`legation.ingest.readers.csv_dc` reads, so ``legation ingest`` reads
the file back.

One row per document, a header row first, these columns (reader's names, :data:`COLUMNS`)::

    identifier   title   type (document_type)   date (the EDTF value)
    date text    the date as the source writes it, left empty when it is the EDTF value itself
                 (an empty cell reads back as the date)
    sender | recipient | mentioned   the agents' preferred names in that role, each name once
    place (the place sent from, as the source writes it: Peking)   summary   subject   collection (the collections' titles)
    pages (the printed pages, 287–289)   language
    classification   source (the source note)   repository   rights   credit
    url (the public edition's address)   relation (identifiers of related documents)
    text         the document's first text (paragraphs separated by a blank line)

Several values in one cell (names, subjects, collections, repositories, relations) are joined with ``"|"``, the reader's
default separator (:data:`legation.ingest.mappings.SEPARATOR`), never with commas; a value that
itself holds a ``"|"`` would read back as two.

A spreadsheet row cannot hold what :class:`DocumentRecord` nests, so the CSV **leaves out**:
agents' authority keys and kinds and their further names (read back, each name becomes an agent
keyed by its name, a person's or, by its words, an organization's: :func:`legation.ingest.mappings.agent_key`); collection keys (read back, a collection is keyed by a slug
of its title); every text but the first, the first text's kind and language (read back, it is a
transcript in the document's language), and all footnotes; ``date_earliest``/``date_latest``
(ingest derives them from the date again). Legation JSON Lines (the default export) keeps all of
it. Ingesting the CSV, corrected or not, into the archive that holds its identifiers updates those
documents only in what the table holds: what it leaves out stays as stored
(:mod:`legation.ingest.table_rows`), so a title mended in a spreadsheet costs no footnote, translation
or key. Into a fresh archive, exporting again gives the same CSV byte for byte.

File form: UTF-8 with a byte order mark, which Excel needs to open UTF-8 as UTF-8 (without it,
Excel on Windows reads the file as the local ANSI code page) and the reader drops; RFC 4180 quoting
(a value with a comma, a double quote or a line break is quoted, quotes doubled) and CRLF line ends.
A value that starts like a formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets an
apostrophe in front, as OWASP advises against CSV injection, so a spreadsheet shows it as text
instead of running it; the reader drops that apostrophe again (:func:`csv_dc.escape_formula`).
Excel shows at most 32,767 characters per cell: longer texts are cut when Excel opens the file
(and lost if Excel saves it), while the file itself and ``legation ingest`` keep them whole.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from typing import TextIO

from legation.ingest.mappings import SEPARATOR
from legation.ingest.readers.csv_dc import escape_formula
from legation.records.document_record import DocumentRecord


def _names(role: str) -> Callable[[DocumentRecord], str]:
    return lambda r: SEPARATOR.join(dict.fromkeys(a.name for a in r.agents if a.role == role))


COLUMNS: tuple[tuple[str, Callable[[DocumentRecord], str]], ...] = (
    ("identifier", lambda r: r.identifier),
    ("title", lambda r: r.title),
    ("type", lambda r: r.document_type),
    ("date", lambda r: r.date_edtf),
    ("date text", lambda r: "" if r.date_text == r.date_edtf else r.date_text),
    ("sender", _names("sender")),
    ("recipient", _names("recipient")),
    ("mentioned", _names("mentioned")),
    ("place", lambda r: r.place_written or r.place_sent),  # as the source writes it: read back, it resolves to the place again
    ("summary", lambda r: r.summary),
    ("subject", lambda r: SEPARATOR.join(r.subjects)),
    ("collection", lambda r: SEPARATOR.join(c.title for c in r.collections)),
    ("pages", lambda r: r.pages),
    ("language", lambda r: r.language),
    ("classification", lambda r: r.classification),
    ("source", lambda r: r.source_note),
    ("repository", lambda r: SEPARATOR.join(r.repositories)),
    ("rights", lambda r: r.rights),
    ("credit", lambda r: r.credit),
    ("url", lambda r: r.source_url),
    ("relation", lambda r: SEPARATOR.join(r.relations)),
    ("text", lambda r: r.texts[0].body if r.texts else ""),
)


def write_csv(records: Iterable[DocumentRecord], handle: TextIO) -> int:
    """Write the header and one row per record to a text handle opened with ``encoding="utf-8"``
    and ``newline=""`` (the byte order mark is written first, as a character). Returns the number
    of records written."""
    handle.write("\ufeff")
    writer = csv.writer(handle)
    writer.writerow(name for name, _ in COLUMNS)
    count = 0
    for record in records:
        writer.writerow(escape_formula(value(record)) for _, value in COLUMNS)
        count += 1
    return count
