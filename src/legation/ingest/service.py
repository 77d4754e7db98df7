"""Store :class:`DocumentRecord` objects: upsert in one transaction per batch, with change-log rows.

Re-ingesting the same record changes nothing; a changed record is updated in place and reported;
two records with one identifier in a batch are reported, not merged. Each batch is written in one
database transaction together with its :class:`ChangeLogEntry` rows, so an interrupted ingest
leaves whole batches only, and the search indexer (which follows the change log) never sees a
half-written document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.db import transaction

from legation.errors import IngestError
from legation.records.document_record import DocumentRecord, RecordError
from legation.records.models import (
    Agent,
    AgentName,
    ChangeLogEntry,
    Collection,
    Document,
    DocumentAgent,
    Place,
    Subject,
    Text,
)
from legation.records.serialize import load_records

DEFAULT_BATCH_SIZE = 200


@dataclass
class Failure:
    """One record or file that was not stored: where (file, place in it) and why."""

    where: str
    reason: str


@dataclass
class IngestReport:
    """What an ingest did: identifiers added, updated and unchanged, and failures with reasons."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)

    @property
    def processed(self) -> int:
        """Records and failures seen so far."""
        return len(self.added) + len(self.updated) + len(self.unchanged) + len(self.failed)

    def merge(self, other: IngestReport) -> None:
        """Add another report's counts to this one."""
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.failed += other.failed


def _comparable(record: DocumentRecord) -> dict:
    """The record's fields that a re-ingest may change.

    Agent names and collection titles are authority data: one authority record per key, shared by
    every document that points to it and curated in the admin. Sources spell them differently from
    document to document (QhoD: GND 118560107 is "Karl VI" in one letter, "Karl VI." in another;
    the collection ``context:qhod`` has five titles), so a document compares by agent (role, key)
    and by collection key only — otherwise each re-ingest reports those documents "updated"."""
    data = record.to_dict()
    order = {"sender": 0, "recipient": 1, "mentioned": 2}
    agents = dict.fromkeys((a["role"], a["key"]) for a in data["agents"])
    data["agents"] = sorted(agents, key=lambda ra: order[ra[0]])  # stable: source order within a role
    data["subjects"] = sorted(set(data["subjects"]))
    data["collections"] = sorted({c["key"] for c in data["collections"]})
    return data


class _Authorities:
    """Per-batch cache of authority records (agents, places, subjects, collections)."""

    def __init__(self) -> None:
        self.agents: dict[str, Agent] = {}
        self.places: dict[str, Place] = {}
        self.subjects: dict[str, Subject] = {}
        self.collections: dict[str, Collection] = {}

    def agent(self, ref) -> Agent:
        agent = self.agents.get(ref.key)
        if agent is None:
            agent, _ = Agent.objects.get_or_create(key=ref.key, defaults={"name": ref.name, "kind": ref.kind})
            self.agents[ref.key] = agent
            known = set(agent.names.values_list("name", flat=True))
            agent._known_names = known  # type: ignore[attr-defined]
        new_names = {n for n in [ref.name, *ref.names] if n and n != agent.name} - agent._known_names  # type: ignore[attr-defined]
        if new_names:
            AgentName.objects.bulk_create([AgentName(agent=agent, name=n) for n in sorted(new_names)])
            agent._known_names |= new_names  # type: ignore[attr-defined]
        return agent

    def place(self, name: str) -> Place:
        if name not in self.places:
            self.places[name], _ = Place.objects.get_or_create(name=name)
        return self.places[name]

    def subject(self, name: str) -> Subject:
        if name not in self.subjects:
            self.subjects[name], _ = Subject.objects.get_or_create(name=name)
        return self.subjects[name]

    def collection(self, ref) -> Collection:
        """The collection with ``ref.key``, created with ``ref.title`` when new. An existing
        collection keeps its title (like an agent its name): overwriting it with each document's
        spelling would flip it with file order and leave already indexed documents showing the
        old title, since they get no change-log row. Curators retitle in the admin."""
        if ref.key not in self.collections:
            self.collections[ref.key], _ = Collection.objects.get_or_create(key=ref.key, defaults={"title": ref.title})
        return self.collections[ref.key]


def _write(record: DocumentRecord, existing: Document | None, auth: _Authorities) -> Document:
    """Write one record's document row and relations, replacing what the document had."""
    values = dict(
        title=record.title,
        document_type=record.document_type,
        date_text=record.date_text,
        date_edtf=record.date_edtf,
        date_earliest=dt.date.fromisoformat(record.date_earliest) if record.date_earliest else None,
        date_latest=dt.date.fromisoformat(record.date_latest) if record.date_latest else None,
        place_sent=auth.place(record.place_sent) if record.place_sent else None,
        summary=record.summary,
        source_note=record.source_note,
        classification=record.classification,
        source_url=record.source_url,
        language=record.language,
    )
    if existing is None:
        doc = Document.objects.create(identifier=record.identifier, **values)
    else:
        doc = existing
        for name, value in values.items():
            setattr(doc, name, value)
        doc.save()
        doc.texts.all().delete()
        doc.agent_links.all().delete()
    doc.collections.set([auth.collection(c) for c in record.collections])
    doc.subjects.set([auth.subject(s) for s in dict.fromkeys(record.subjects)])
    Text.objects.bulk_create(
        Text(
            document=doc,
            kind=t.kind,
            language=t.language,
            body=t.body,
            footnotes=[{"n": f.n, "text": f.text} for f in t.footnotes],
            position=i,
        )
        for i, t in enumerate(record.texts)
    )
    links: dict[tuple[str, str], DocumentAgent] = {}
    positions: dict[str, int] = {}
    for ref in record.agents:
        agent = auth.agent(ref)
        if (ref.key, ref.role) not in links:
            links[(ref.key, ref.role)] = DocumentAgent(
                document=doc, agent=agent, role=ref.role, position=positions.setdefault(ref.role, 0)
            )
            positions[ref.role] += 1
    DocumentAgent.objects.bulk_create(links.values())
    return doc


def _store_batch(batch: list[DocumentRecord], report: IngestReport, dry_run: bool) -> None:
    """Upsert one batch in one transaction with its change-log rows."""
    seen: dict[str, DocumentRecord] = {}
    for record in batch:
        if record.identifier in seen:
            report.failed.append(
                Failure(record.identifier, "the identifier occurs twice in one batch; give each document its own identifier")
            )
        else:
            seen[record.identifier] = record
    stored = {r.identifier: r for r in load_records(seen)}
    docs = {d.identifier: d for d in Document.objects.filter(identifier__in=seen)}
    with transaction.atomic():
        auth = _Authorities()
        changes = []
        for identifier, record in seen.items():
            old = stored.get(identifier)
            if old is not None and _comparable(old) == _comparable(record):
                report.unchanged.append(identifier)
                continue
            (report.added if old is None else report.updated).append(identifier)
            if not dry_run:
                _write(record, docs.get(identifier), auth)
                changes.append(ChangeLogEntry(document_identifier=identifier, operation="upsert"))
        ChangeLogEntry.objects.bulk_create(changes)
        if dry_run:
            transaction.set_rollback(True)


def ingest_records(
    items: Iterable[DocumentRecord | IngestError],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    dry_run: bool = False,
    on_progress: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Validate and store records; readers' errors (``IngestError`` items) are reported as failures.

    ``batch_size`` records are written per transaction. ``dry_run`` validates and reports what
    would change without writing. ``on_progress`` is called after each batch with the report so
    far. Returns the :class:`IngestReport`; never raises for a bad record.
    """
    report = IngestReport()
    iterator: Iterator[DocumentRecord | IngestError] = iter(items)
    while chunk := list(islice(iterator, batch_size)):
        batch: list[DocumentRecord] = []
        for item in chunk:
            if isinstance(item, IngestError):
                report.failed.append(Failure(item.path + (f", {item.location}" if item.location else ""), item.message))
                continue
            try:
                batch.append(item.validate())
            except RecordError as exc:
                report.failed.append(Failure(item.identifier or "?", str(exc)))
        _store_batch(batch, report, dry_run)
        if on_progress:
            on_progress(report)
    return report


def delete_documents(identifiers: Iterable[str]) -> list[str]:
    """Delete documents and log each deletion, in one transaction. Returns the identifiers deleted."""
    with transaction.atomic():
        docs = list(Document.objects.filter(identifier__in=list(identifiers)))
        deleted = sorted(d.identifier for d in docs)
        for doc in docs:
            doc.delete()
        ChangeLogEntry.objects.bulk_create(ChangeLogEntry(document_identifier=i, operation="delete") for i in deleted)
    return deleted
