"""Legation JSON Lines: one :meth:`DocumentRecord.to_dict` object per line, UTF-8.

This is what ``legation export`` writes; reading it back reproduces every record. Language codes
are read as :func:`~legation.records.languages.language_tag` gives them (``iw`` → ``he``). A line
without ``language`` (or a text without one) is English, the format's default (``DocumentRecord``'s
``language="en"``): the file's note counts such documents, since a corpus in another language
would otherwise be stored and searched as English without a word.
``.jsonl`` and ``.jsonl.gz`` files are read, with or without a UTF-8 byte order mark (as Windows editors save).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from legation.errors import IngestError, IngestNote, json_line_failure, parse_json
from legation.ingest.dates import dated
from legation.ingest.readers import json_lines, located
from legation.printable import listed_first
from legation.records.document_record import DocumentRecord, RecordError
from legation.records.languages import with_language_tags


def read_jsonl(path: Path) -> Iterator[DocumentRecord | IngestError | IngestNote]:
    """Yield one validated record per non-empty line (:meth:`DocumentRecord.validate`), or an
    :class:`IngestError` naming the line for a line that is not a valid record (an object giving a
    key twice included: :class:`~legation.errors.DuplicateKey`), is not UTF-8 or is
    longer than :data:`~legation.ingest.readers.MAX_LINE_BYTES` (the other lines are still read; see
    :func:`~legation.ingest.readers.json_lines`, also for a file cut off after some lines); last, when
    some documents gave no ``language`` (or a text of theirs none), one :class:`IngestNote` counting
    them, at the first one's line (:func:`_english_by_default`). Raises IngestError when the file
    cannot be opened or read at all."""
    unsaid: list[tuple[int, str]] = []  # (line, identifier) of the documents stored as English by default
    for item in json_lines(path):
        if isinstance(item, IngestError):
            yield item
            continue
        number, line = item
        try:
            data = parse_json(line)
            record = located(with_language_tags(DocumentRecord.from_dict(dated(data))).validate(), f"line {number}")
        except json.JSONDecodeError as exc:
            yield json_line_failure(str(path), exc, f"line {number}")
            continue
        except RecordError as exc:
            yield IngestError(str(path), str(exc), f"line {number}")
            continue
        if "language" not in data or any(isinstance(t, dict) and "language" not in t for t in data.get("texts", [])):
            unsaid.append((number, record.identifier))
        yield record
    if unsaid:
        yield _english_by_default(path, unsaid)


def _english_by_default(path: Path, unsaid: list[tuple[int, str]]) -> IngestNote:
    """The note on the documents of a file stored as English because they, or a text of theirs, give no language."""
    shown = listed_first([f"{identifier} at line {number}" for number, identifier in unsaid], 3)
    one = len(unsaid) == 1
    return IngestNote(
        str(path),
        f"{len(unsaid):,} document{'' if one else 's'} ({shown}) {'gives' if one else 'give'} no \"language\" (for "
        f"{'itself' if one else 'themselves'} or a text) and {'was' if one else 'were'} stored as English (en), the default of "
        f"Legation JSON Lines; if {'it is' if one else 'they are'} not in English, give \"language\" as a BCP 47 tag "
        "(de, ru, zh-Hant; und when unknown) and ingest the file again",
        f"line {unsaid[0][0]}",
    )


def write_jsonl(records, handle) -> int:
    """Write records to a text handle, one compact JSON object per line, keys in field order,
    non-ASCII kept as is. Returns the number of records written."""
    count = 0
    for record in records:
        handle.write(json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count
