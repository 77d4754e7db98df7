"""Reading one document for the pages and the API."""

from __future__ import annotations

from legation.errors import DocumentNotFound
from legation.records.document_record import DocumentRecord
from legation.records.serialize import load_records


def get_document(identifier: str) -> DocumentRecord:
    """The stored document with this identifier. Raises :class:`DocumentNotFound` when there is none."""
    for record in load_records([identifier]):
        return record
    raise DocumentNotFound(identifier)
