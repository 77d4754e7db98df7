"""Reading one document for the pages and the API."""

from __future__ import annotations

from dataclasses import dataclass

from legation.errors import DocumentNotFound
from legation.records.dates import display_date
from legation.records.document_record import DocumentRecord
from legation.records.models import Document
from legation.records.serialize import load_records


def get_document(identifier: str) -> DocumentRecord:
    """The stored document with this identifier. Raises :class:`DocumentNotFound` when there is none."""
    for record in load_records([identifier]):
        return record
    raise DocumentNotFound(identifier)


@dataclass(frozen=True)
class RelatedDocument:
    """A document a record names as related (Dublin Core ``relation``): its ``identifier``, and
    when the archive holds it, its ``title`` and date as shown ("December 22, 1949"); both ``""``
    when it does not (yet)."""

    identifier: str
    title: str = ""
    date_display: str = ""


def related_documents(record: DocumentRecord) -> list[RelatedDocument]:
    """The documents ``record.relations`` names, in its order, each with its title and date when
    stored here (one query)."""
    stored = {
        identifier: (title, date_edtf)
        for identifier, title, date_edtf in Document.objects.filter(identifier__in=record.relations).values_list(
            "identifier", "title", "date_edtf"
        )
    }
    return [
        RelatedDocument(i, stored[i][0], display_date(stored[i][1])) if i in stored else RelatedDocument(i)
        for i in record.relations
    ]
