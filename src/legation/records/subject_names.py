"""One subject, one name: subject headings read alike but for case and accents are one subject.

FRUS writes a chapter heading in capitals in one volume ("ARGENTINA", 92 documents of frus1958-60v05)
and as a title in another ("Argentina", 31 of frus1961-63v12); each made a subject of its own, so the
subject facet listed the heading twice, each value counting part of its documents, and a filter on
one missed the other's. Of the 588 subject headings of the 100 FRUS volumes, 22 are another's but
for case (345 documents under the lesser spelling).

A subject read at ingest joins the stored subject whose name, or name in sources, has its key
(:func:`~legation.records.document_types.key_of`: case, accents and marks, as for document types).
The subject is named by the rule types are spelled by (:func:`~legation.records.document_types.best_spelling`:
the best written, not in capitals throughout, a capital first; then the spelling most documents carry;
then accents, capitals), the stored subject's documents counting under its name, the ingest's new
documents under the spelling they give (stored documents read again count for none): "Argentina"
over "ARGENTINA", however many documents the capitals have; "U.S. policy toward the German Democratic
Republic" (30 documents) over "U.S. Policy Toward …" (21). Unless a curator named the subject: a name
differing from its name in sources (a rename in the admin, or a subject made there, which has none)
is a curator's, and no ingest changes it. A stored subject renamed so has its documents logged for
the search index and their remembered source value respelled (:func:`move_subjects`), so that a
re-ingest of their source finds them unchanged, and the ingest's note names it.

Subjects an archive already holds apart are merged by migration 0020 (:func:`merge_all`), in the
transaction of the migration: the facet shows one value once the index has read the documents logged;
an ingest meeting two subjects of one key (one another writer made meanwhile) merges them alike.
The subject kept is a curator's if one is, else the best named (:func:`keeper`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from django.db.models import Count, Q

from legation.records.chunks import chunks
from legation.records.document_record import DocumentRecord
from legation.records.document_types import best_spelling, key_of, rank
from legation.search.analyzers import folded_name


ONE_SUBJECT = (
    "subjects named alike but for case or accents are one subject, so that the subject facet counts each once, named as "
    "document types are spelled: the best written (not in capitals throughout, then a capital first), then the name most "
    "documents carry, unless a curator named it"
)  # what the ingest's note says of the rule


class Models(NamedTuple):
    """The models :func:`move_subjects` writes: the live ones, or a migration's (``apps.get_model``)."""

    subject: type
    document: type
    change_log: type


def live_models() -> Models:
    from legation.records.models import ChangeLogEntry, Document, Subject

    return Models(Subject, Document, ChangeLogEntry)


def curated(subject) -> bool:
    """Whether a curator named ``subject``: its name is not the name its sources give (renamed in the admin,
    or made there, with no name in sources)."""
    return subject.name != subject.name_in_sources


def keeper(subjects: list, documents: dict[int, int]) -> object:
    """Of ``subjects`` that are one (``documents``: primary key → its documents), the one kept: a
    curator's (the one with most documents, when several are), else the best named (:func:`rank`);
    of a tie, the first (``subjects`` in primary key order)."""
    return max(subjects, key=lambda s: (curated(s), rank(s.name, documents.get(s.pk, 0))))


def move_subjects(models: Models, into: dict[int, int], renamed: dict[int, str]) -> list[str]:
    """Merge each subject of ``into``'s keys into the subject of its value (primary keys: their
    documents linked to it, once, and they deleted), and give each subject of ``renamed`` (primary
    key → name) that name as its name and name in sources; call inside a transaction. The documents
    whose subjects' names changed are logged for the search index, and their remembered source value
    of subjects (:mod:`legation.ingest.curation`) respelled when it was their source's, so that a
    re-ingest finds them unchanged and a change of their source is taken, not kept as a curator's.
    Returns the identifiers of those documents."""
    from legation.ingest.curation import digest  # ingest builds on records, not the other way round

    subject, document, log = models
    link = document.subjects.through
    linked: dict[int, set[int]] = {}
    for chunk in chunks(sorted({*into, *renamed})):
        for pk in link.objects.filter(subject_id__in=chunk).values_list("document_id", flat=True):
            linked[pk] = set()
    for chunk in chunks(sorted(linked)):
        for pk, subject_pk in link.objects.filter(document_id__in=chunk).values_list("document_id", "subject_id"):
            linked[pk].add(subject_pk)
    names: dict[int, str] = {}
    for chunk in chunks(sorted({s for subjects in linked.values() for s in subjects} | set(into.values()))):
        names.update(subject.objects.filter(pk__in=chunk).values_list("pk", "name"))
    named = {**names, **renamed}
    added = [link(document_id=pk, subject_id=target) for pk, subjects in linked.items() for target in sorted({into.get(s, s) for s in subjects} - subjects)]
    for chunk in chunks(sorted(into)):
        link.objects.filter(subject_id__in=chunk).delete()
        subject.objects.filter(pk__in=chunk).delete()
    link.objects.bulk_create(added)
    for pk, name in renamed.items():
        subject.objects.filter(pk=pk).update(name=name, name_folded=folded_name(name), name_in_sources=name, sources_folded=folded_name(name))
    changed, respelled = [], []
    for chunk in chunks(sorted(linked)):
        for doc in document.objects.filter(pk__in=chunk).only("pk", "identifier", "ingested"):
            old = sorted({names[s] for s in linked[doc.pk]})
            new = sorted({named[into.get(s, s)] for s in linked[doc.pk]})
            if old == new:
                continue
            changed.append(doc.identifier)
            if doc.ingested and doc.ingested.get("subjects") == digest(old):  # as its source gave them: the source's now read so
                doc.ingested = {**doc.ingested, "subjects": digest(new)}
                respelled.append(doc)
    document.objects.bulk_update(respelled, ["ingested"])
    log.objects.bulk_create(log(document_identifier=i, operation="upsert") for i in sorted(changed))
    return changed


def merge_all(models: Models) -> list[tuple[list[str], str]]:
    """Merge the archive's subjects that are one (their names or names in sources of one key,
    :func:`~legation.records.document_types.key_of`) into the one :func:`keeper` chooses
    (:func:`move_subjects`); migration 0020 runs it. Returns ``[(names merged, name kept), …]``."""
    subject = models.subject
    documents = dict(subject.objects.annotate(n=Count("documents")).values_list("pk", "n"))
    rows = list(subject.objects.order_by("pk"))
    parent = {row.pk: row.pk for row in rows}

    def root(pk: int) -> int:
        while parent[pk] != pk:
            parent[pk] = pk = parent[parent[pk]]
        return pk

    first: dict[str, int] = {}
    for row in rows:
        for key in {key_of(row.name), key_of(row.name_in_sources or row.name)}:
            parent[root(row.pk)] = root(first.setdefault(key, row.pk))
    groups: dict[int, list] = {}
    for row in rows:
        groups.setdefault(root(row.pk), []).append(row)
    into, merged = {}, []
    for group in (g for g in groups.values() if len(g) > 1):
        kept = keeper(group, documents)
        into.update((row.pk, kept.pk) for row in group if row is not kept)
        merged.append(([row.name for row in group if row is not kept], kept.name))
    if into:
        move_subjects(models, into, {})
    return merged


@dataclass
class SubjectNames:
    """The subjects of one ingest, by key (:func:`~legation.records.document_types.key_of`):
    ``documents`` the documents carrying each spelling (the stored subject's under its name, counted
    when the ingest first meets it; the ingest's new documents as their sources write it);
    ``curators`` the names curators gave (never changed); ``names`` the name each is stored under
    now; ``written`` the subjects of the records read, counted by ``(as written, key)``; ``renamed`` the
    subjects stored before the ingest that it renamed (on a dry run, that a real run would rename),
    by key: ``(old name, new name)``, with ``moved`` their documents; ``merged`` the subjects it merged
    into another, ``{name: name kept}``; ``made`` the keys of subjects the ingest made; ``dry_run``:
    the ingest's, whose batches are rolled back."""

    documents: dict[str, Counter[str]] = field(default_factory=dict)
    curators: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    written: Counter[tuple[str, str]] = field(default_factory=Counter)
    renamed: dict[str, tuple[str, str]] = field(default_factory=dict)
    moved: dict[str, int] = field(default_factory=dict)
    merged: dict[str, str] = field(default_factory=dict)
    made: set[str] = field(default_factory=set)
    dry_run: bool = False

    @property
    def read(self) -> Counter[tuple[str, str]]:
        """The subjects of the records read stored under another name than they give, counted by
        ``(as written, as stored)``: as the subject is named at the end, when a later batch renamed it."""
        return Counter({(s, self.names[key]): n for (s, key), n in self.written.items() if s != self.names[key]})

    def resolve(self, records: list[DocumentRecord], new: Callable[[str], bool] = lambda identifier: True, dry_run: bool = False) -> list[DocumentRecord]:
        """``records`` with each subject named as the archive names it, or will (call inside the
        batch's transaction, rolled back on a dry run): the stored subject of its key, renamed when
        a better spelling is read (:func:`best_spelling`, each record whose identifier is ``new`` to
        the archive counting once for the spellings it gives) unless a curator named it; else the best
        spelling read, the name of the subject the batch will make. Returns copies of the records it
        changes, the others as they are."""
        self.dry_run = dry_run
        written = {s: key_of(s) for record in records for s in record.subjects}
        if not written:
            return records
        stored = self._stored(set(written.values()))
        for key in dict.fromkeys(written.values()):
            if key in self.documents or key in self.curators:
                continue  # met before in this ingest: its documents counted then
            if (subject := stored.get(key)) is None:
                self.made.add(key)
                self.documents[key] = Counter()
            elif curated(subject):
                self.curators[key] = subject.name
            else:
                self.documents[key] = Counter({subject.name: subject.n})
        voted: set[str] = set()
        for record in records:
            carries = record.identifier not in voted and new(record.identifier)
            voted.add(record.identifier)
            for spelling in dict.fromkeys(record.subjects):
                if (key := written[spelling]) in self.documents:
                    self.documents[key][spelling] += int(carries)
        names, renames = self.names, {}
        for key in dict.fromkeys(written.values()):
            subject = stored.get(key)
            names[key] = self.curators.get(key) or best_spelling(self.documents[key], subject.name if subject else "")
            if subject is not None and subject.name != names[key] and key not in self.curators:
                renames[subject.pk] = names[key]
                if key not in self.made:
                    self.renamed[key] = (self.renamed.get(key, (subject.name,))[0], names[key])
                    self.moved[key] = subject.n
        if renames:
            move_subjects(live_models(), {}, renames)
        out = []
        for record in records:
            subjects = list(dict.fromkeys(names[written[s]] for s in record.subjects))
            self.written.update((s, written[s]) for s in dict.fromkeys(record.subjects))
            out.append(record if subjects == record.subjects else replace(record, subjects=subjects))
        return out

    def _stored(self, keys: set[str]) -> dict:
        """``{key: subject}`` for the stored subjects of ``keys`` (by their names and names in sources
        folded, or as they are for a name that folds to nothing), each with ``n``, its documents; two
        of one key are merged first (:func:`merge_all`'s rule), and noted in :attr:`merged`."""
        from legation.records.models import Subject

        found: dict[str, list] = {}
        for chunk in chunks(sorted(keys)):
            query = Q(name_folded__in=chunk) | Q(sources_folded__in=chunk) | Q(name__in=chunk) | Q(name_in_sources__in=chunk)
            for subject in Subject.objects.filter(query).annotate(n=Count("documents")).order_by("pk"):
                for key in {key_of(subject.name), key_of(subject.name_in_sources or subject.name)} & keys:
                    if subject not in found.setdefault(key, []):
                        found[key].append(subject)
        gone: dict[int, object] = {}  # merged subject → the one kept
        one = {}
        for key, subjects in found.items():
            subjects = list({(kept := gone.get(s.pk, s)).pk: kept for s in subjects}.values())
            one[key] = kept = keeper(subjects, {s.pk: s.n for s in subjects})
            if others := [s for s in subjects if s is not kept]:
                move_subjects(live_models(), {s.pk: kept.pk for s in others}, {})
                gone.update((s.pk, kept) for s in others)
                self.merged.update((s.name, kept.name) for s in others)
        if gone:  # the kept subjects' documents, counted again
            counts = dict(Subject.objects.filter(pk__in=[s.pk for s in one.values()]).annotate(n=Count("documents")).values_list("pk", "n"))
            for subject in one.values():
                subject.n = counts[subject.pk]
        return one


def said(pairs: Iterable[tuple[str, str]], curators: Iterable[str] = ()) -> str:
    """``'ARGENTINA' as 'Argentina', …`` for a note; a name of ``curators`` (the names curators gave)
    said to be one: ``'ARGENTINA' as 'Argentine Republic' (the name a curator gave)``."""
    given = set(curators)
    return ", ".join(f"{a!r} as {b!r}" + (" (the name a curator gave)" if b in given else "") for a, b in pairs)
