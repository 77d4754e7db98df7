"""Stored documents as :class:`DocumentRecord` objects: the one way records leave the database.

Export, the search indexer and the API all read documents through :func:`load_records`, so each
sees the same fields in the same order: collections by key, subjects and repositories by name, texts in stored
order, agents by role (sender, recipient, mentioned) then source order, an agent's further names
sorted.

Records are built from plain value queries, a fixed number per batch of documents (document rows,
collections, subjects, repositories, texts, agent links, agent names) rather than from model instances with
prefetched relations: the indexer reads every ingested document back, and model instances made
that step cost more than the database write itself.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator

from legation.records.chunks import IN_LIMIT, chunks
from legation.printable import shortened
from legation.records.document_record import AgentRef, CollectionRef, DocumentRecord, Footnote, RecordError, TextRecord
from legation.records.models import AgentName, Document, DocumentAgent, Text

_ROLE_ORDER = {"sender": 0, "recipient": 1, "mentioned": 2}
_DOCUMENT_COLUMNS = (
    "id", "identifier", "title", "document_type", "date_text", "date_edtf", "date_earliest", "date_latest",
    "place_sent__name", "place_written", "summary", "source_note", "rights", "credit", "classification", "source_url", "language",
    "pages", "relations",
)  # fmt: skip


def _grouped(rows: Iterable[tuple]) -> dict[int, list[tuple]]:
    """``{first column: [rest of each row, …]}`` in row order."""
    groups: dict[int, list[tuple]] = defaultdict(list)
    for first, *rest in rows:
        groups[first].append(tuple(rest))
    return groups


def _records(identifiers: list[str]) -> Iterator[DocumentRecord]:
    """Records of the stored documents among ``identifiers``, ordered by identifier (seven queries)."""
    docs = list(Document.objects.filter(identifier__in=identifiers).order_by("identifier").values_list(*_DOCUMENT_COLUMNS))
    ids = [row[0] for row in docs]
    collections = _grouped(
        Document.collections.through.objects.filter(document_id__in=ids).values_list("document_id", "collection__key", "collection__title")
    )
    subjects = _grouped(Document.subjects.through.objects.filter(document_id__in=ids).values_list("document_id", "subject__name"))
    repositories = _grouped(
        Document.repositories.through.objects.filter(document_id__in=ids).values_list("document_id", "repository__name")
    )
    texts = _grouped(
        Text.objects.filter(document_id__in=ids)
        .order_by("document_id", "position")
        .values_list("document_id", "kind", "language", "body", "footnotes")
    )
    links = _grouped(
        DocumentAgent.objects.filter(document_id__in=ids).values_list(
            "document_id", "role", "position", "agent_id", "agent__key", "agent__name", "agent__kind"
        )
    )
    agent_ids = sorted({link[2] for rows in links.values() for link in rows})
    names = _grouped(AgentName.objects.filter(agent_id__in=agent_ids).values_list("agent_id", "name"))
    for (pk, identifier, title, document_type, date_text, date_edtf, earliest, latest, place, place_written, summary,
         source_note, rights, credit, classification, source_url, language, pages, relations) in docs:  # fmt: skip
        yield DocumentRecord(
            identifier=identifier,
            title=title,
            document_type=document_type,
            date_text=date_text,
            date_edtf=date_edtf,
            date_earliest=earliest.isoformat() if earliest else "",
            date_latest=latest.isoformat() if latest else "",
            place_sent=place or "",
            place_written=place_written,
            summary=summary,
            source_note=source_note,
            repositories=sorted(r for (r,) in repositories.get(pk, ())),
            rights=rights,
            credit=credit,
            classification=classification,
            source_url=source_url,
            language=language,
            collections=[CollectionRef(key=key, title=t) for key, t in sorted(collections.get(pk, ()))],
            pages=pages,
            agents=[
                AgentRef(key=key, name=name, role=role, kind=kind, names=sorted(n for (n,) in names.get(agent_id, ())))
                for role, _, agent_id, key, name, kind in sorted(links.get(pk, ()), key=lambda l: (_ROLE_ORDER[l[0]], l[1]))
            ],
            subjects=sorted(s for (s,) in subjects.get(pk, ())),
            texts=[
                TextRecord(kind=kind, language=lang, body=body, footnotes=_footnotes(identifier, footnotes))
                for kind, lang, body, footnotes in texts.get(pk, ())
            ],
            relations=list(relations),
        )


def load_records(identifiers: Iterable[str] | None = None, batch_size: int = IN_LIMIT) -> Iterator[DocumentRecord]:
    """Stored documents as records, ordered by identifier; all of them when ``identifiers`` is None.

    Reads in batches of ``batch_size`` documents so memory stays bounded on large archives.
    Identifiers with no stored document are skipped.
    """
    if identifiers is None:
        ids = list(Document.objects.order_by("identifier").values_list("identifier", flat=True))
    else:
        ids = sorted(set(identifiers))
    for chunk in chunks(ids, batch_size):
        yield from _records(list(chunk))


def _footnotes(identifier: str, stored: object) -> list[Footnote]:
    """A text's footnotes as stored (JSON: ``[{"n": "1", "text": "…"}, …]``). Raises
    :class:`~legation.records.document_record.RecordError` naming the document and what to do when
    they are of another shape, which nothing Legation writes gives, but SQL or an older admin could
    (``{"a": 1}`` stopped the index, export and reindex with a TypeError's traceback)."""
    if isinstance(stored, list) and all(isinstance(f, dict) and isinstance(f.get("n"), (str, int)) and isinstance(f.get("text"), str) for f in stored):
        return [Footnote(n=str(f["n"]), text=f["text"]) for f in stored]
    raise RecordError(
        f"{identifier}: a text's footnotes are stored as {shortened(json.dumps(stored, ensure_ascii=False), 60)}, not as a list of "
        '{"n": "1", "text": "…"} objects; correct them on the document\'s page in the admin'
    )
