"""One document type, one spelling: a type written but for case and accents as the archive writes
one is that type.

Sources write a type in their own case: a spreadsheet's "telegram", FRUS' "Telegram"; "Aide-memoire"
typed without its accent beside FRUS' "Aide-Mémoire". The type facet counts each value as written,
so without this one kind of document was two values of the facet, each counting part of it, and a
filter on one missed the other's documents.

:func:`resolve_types` is the one place where a type read from a source becomes the archive's
spelling of it; the ingest service applies it before it compares a record with the stored
document (as it does :func:`~legation.records.place_names.resolve_places`), so re-ingesting an
unchanged source changes nothing. Types compare by :func:`~legation.search.analyzers.folded_name`
(case, accents and marks), as place names do.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from django.db.models import Count

from legation.records.document_record import DocumentRecord
from legation.records.models import Document
from legation.search.analyzers import folded_name


def archive_types() -> dict[str, str]:
    """``{folded type: the archive's spelling}`` over the stored documents: of the spellings of one
    type (``"telegram"``, ``"Telegram"``), the one the most documents write, the first by code point
    on a tie. One query over the indexed ``document_type`` column."""
    counts: dict[str, Counter[str]] = {}
    for written, count in Document.objects.exclude(document_type="").values_list("document_type").annotate(n=Count("pk")):
        counts.setdefault(folded_name(written) or written, Counter())[written] += count
    return {key: min(spellings, key=lambda s: (-spellings[s], s)) for key, spellings in counts.items()}


def resolve_types(records: list[DocumentRecord], known: dict[str, str], respelled: Counter[tuple[str, str]]) -> list[DocumentRecord]:
    """``records`` with each document type written as ``known`` writes it (``{folded type:
    spelling}``, :func:`archive_types`, which this fills with the types first read: a type new to
    the archive is spelled as the ingest first read it), counting in ``respelled`` each ``(as
    written, as stored)`` it changed. Returns copies of the records it changes, the others as they are."""
    out = []
    for record in records:
        written = record.document_type
        spelling = known.setdefault(folded_name(written) or written, written) if written else written
        if spelling != written:
            respelled[written, spelling] += 1
            record = replace(record, document_type=spelling)
        out.append(record)
    return out
