"""Legation JSON Lines: one :meth:`DocumentRecord.to_dict` object per line, UTF-8.

This is what ``legation export`` writes; reading it back reproduces every record. Language codes
are read as :func:`~legation.records.languages.language_tag` gives them (``iw`` → ``he``).
``.jsonl`` and ``.jsonl.gz`` files are read, with or without a UTF-8 byte order mark (as Windows editors save).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from legation.errors import IngestError, json_problem, parse_json
from legation.ingest.dates import dated
from legation.ingest.readers import json_lines, located
from legation.records.document_record import DocumentRecord, RecordError
from legation.records.languages import with_language_tags


def read_jsonl(path: Path) -> Iterator[DocumentRecord | IngestError]:
    """Yield one validated record per non-empty line (:meth:`DocumentRecord.validate`), or an
    :class:`IngestError` naming the line for a line that is not a valid record, is not UTF-8 or is
    longer than :data:`~legation.ingest.readers.MAX_LINE_BYTES` (the other lines are still read; see
    :func:`~legation.ingest.readers.json_lines`, also for a file cut off after some lines). Raises
    IngestError when the file cannot be opened or read at all."""
    for item in json_lines(path):
        if isinstance(item, IngestError):
            yield item
            continue
        number, line = item
        try:
            yield located(with_language_tags(DocumentRecord.from_dict(dated(parse_json(line)))).validate(), f"line {number}")
        except json.JSONDecodeError as exc:
            yield IngestError(str(path), f"not valid JSON ({json_problem(exc)}); fix or remove the line", f"line {number}")
        except RecordError as exc:
            yield IngestError(str(path), str(exc), f"line {number}")


def write_jsonl(records, handle) -> int:
    """Write records to a text handle, one compact JSON object per line, keys in field order,
    non-ASCII kept as is. Returns the number of records written."""
    count = 0
    for record in records:
        handle.write(json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count
