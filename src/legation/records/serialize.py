"""Stored documents as :class:`DocumentRecord` objects: the one way records leave the database.

Export, the search indexer and the API all read documents through :func:`load_records`, so each
sees the same fields in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.db.models import Prefetch

from legation.records.document_record import AgentRef, CollectionRef, DocumentRecord, Footnote, TextRecord
from legation.records.models import Document, DocumentAgent

_ROLE_ORDER = {"sender": 0, "recipient": 1, "mentioned": 2}


def _queryset():
    return Document.objects.select_related("place_sent").prefetch_related(
        "collections",
        "subjects",
        "texts",
        Prefetch("agent_links", queryset=DocumentAgent.objects.select_related("agent").prefetch_related("agent__names")),
    )


def to_record(doc: Document) -> DocumentRecord:
    """The :class:`DocumentRecord` of a stored document (use a queryset from :func:`load_records`
    or prefetch its relations, or this costs several queries)."""
    links = sorted(doc.agent_links.all(), key=lambda link: (_ROLE_ORDER[link.role], link.position))
    return DocumentRecord(
        identifier=doc.identifier,
        title=doc.title,
        document_type=doc.document_type,
        date_text=doc.date_text,
        date_edtf=doc.date_edtf,
        date_earliest=doc.date_earliest.isoformat() if doc.date_earliest else "",
        date_latest=doc.date_latest.isoformat() if doc.date_latest else "",
        place_sent=doc.place_sent.name if doc.place_sent else "",
        summary=doc.summary,
        source_note=doc.source_note,
        classification=doc.classification,
        source_url=doc.source_url,
        language=doc.language,
        collections=[CollectionRef(key=c.key, title=c.title) for c in sorted(doc.collections.all(), key=lambda c: c.key)],
        agents=[
            AgentRef(
                key=link.agent.key,
                name=link.agent.name,
                role=link.role,
                kind=link.agent.kind,
                names=sorted(n.name for n in link.agent.names.all()),
            )
            for link in links
        ],
        subjects=sorted(s.name for s in doc.subjects.all()),
        texts=[
            TextRecord(
                kind=t.kind,
                language=t.language,
                body=t.body,
                footnotes=[Footnote(n=str(f["n"]), text=f["text"]) for f in t.footnotes],
            )
            for t in sorted(doc.texts.all(), key=lambda t: t.position)
        ],
    )


def load_records(identifiers: Iterable[str] | None = None, batch_size: int = 500) -> Iterator[DocumentRecord]:
    """Stored documents as records, ordered by identifier; all of them when ``identifiers`` is None.

    Reads in batches of ``batch_size`` documents so memory stays bounded on large archives.
    Identifiers with no stored document are skipped.
    """
    if identifiers is None:
        ids = list(Document.objects.order_by("identifier").values_list("identifier", flat=True))
    else:
        ids = sorted(set(identifiers))
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        for doc in _queryset().filter(identifier__in=chunk).order_by("identifier"):
            yield to_record(doc)
