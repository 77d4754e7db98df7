"""Legation JSON Lines: one :meth:`DocumentRecord.to_dict` object per line, UTF-8.

This is what ``legation export`` writes; reading it back reproduces every record. ``.jsonl`` and
``.jsonl.gz`` files are read, with or without a UTF-8 byte order mark (as Windows editors save).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from legation.errors import IngestError
from legation.ingest.dates import dated
from legation.ingest.readers import located
from legation.records.document_record import DocumentRecord, RecordError


def read_jsonl(path: Path) -> Iterator[DocumentRecord | IngestError]:
    """Yield one validated record per non-empty line (:meth:`DocumentRecord.validate`), or an
    :class:`IngestError` naming the line for a line that is not a valid record (the other lines
    are still read). Raises IngestError when the file
    cannot be opened or is not UTF-8 text."""
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    yield located(DocumentRecord.from_dict(dated(json.loads(line))).validate(), f"line {number}")
                except json.JSONDecodeError as exc:
                    yield IngestError(str(path), f"not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line", f"line {number}")
                except RecordError as exc:
                    yield IngestError(str(path), str(exc), f"line {number}")
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise IngestError(str(path), f"cannot be read as UTF-8 JSON Lines ({exc}); check the file is complete and UTF-8") from exc


def write_jsonl(records, handle) -> int:
    """Write records to a text handle, one compact JSON object per line, keys in field order,
    non-ASCII kept as is. Returns the number of records written."""
    count = 0
    for record in records:
        handle.write(json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n")
        count += 1
    return count
