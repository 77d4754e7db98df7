"""Store :class:`DocumentRecord` objects: upsert in one transaction per batch, with change-log rows.

Re-ingesting the same record changes nothing (also when an agent key it carries was merged into
another agent since: :mod:`legation.records.agent_keys`); a changed record is updated in place
and reported, keeping the fields curators corrected since the last ingest
(:mod:`legation.ingest.curation`); two records with one identifier in a batch are reported, not
merged. Each batch is written in one
database transaction together with its :class:`ChangeLogEntry` rows, so an interrupted ingest
leaves whole batches only, and the search indexer (which follows the change log) never sees a
half-written document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path, PurePath

from django.db import connection, models, transaction
from django.utils import timezone

from legation.errors import IngestError, IngestNote, shown_path
from legation.interrupts import held
from legation.printable import documents, numbered_first
from legation.ingest.curation import FIELDS, Conflict, FieldChange, KindConflict, changes, field_digests, keep_curated, last_digest, last_ingested, remember, remember_origins
from legation.ingest.dates import disagreement, edtf_left_behind, parse_archival_date, unread_reason, years_to_come
from legation.ingest.names import direct_name
from legation.ingest.readers import is_kind_from_name, location_of, named_otherwise_of
from legation.ingest.slugs import slug, stable_slug
from legation.ingest.table_rows import archive_agents, archive_collections, date_cell, emptied_texts, from_a_table_file, table_fields_of, unread_date, with_stored_parts
from legation.records.agent_keys import as_first_read, as_stated_twins, as_stored_kinds, confirm_kinds, rekey, rekind, remember_reported, resolve_keys
from legation.records.authorities import UNHELD, Unheld, drop_unheld, uses_of
from legation.records.document_types import ONE_TYPE, TypeSpellings, care, respellings
from legation.records.place_names import resolve_places
from legation.records.subject_names import ONE_SUBJECT, SubjectNames, said
from legation.records.chunks import chunks
from legation.records.dates import display_date
from legation.records.document_record import AGENT_KINDS, DocumentRecord, RecordError, distinct_identifiers, folded_identifier
from legation.records.models import (
    Agent,
    AgentName,
    ChangeLogEntry,
    Collection,
    Document,
    DocumentAgent,
    Place,
    Repository,
    Subject,
    Text,
)
from legation.records.serialize import load_records
from legation.search.analyzers import folded

DEFAULT_BATCH_SIZE = 200


@dataclass
class Failure:
    """One record or file that was not stored: where (file, place in it) and why."""

    where: str
    reason: str


@dataclass(frozen=True)
class Replaced:
    """A stored document that an ingest changed from another file than the one it was last
    ingested from: a corrected file renamed (``letters-v2.csv``) or moved, or another fonds reusing
    the identifier, whose document then took the place of the first. ``where`` is the file and place
    read, ``previous`` and ``origin`` the two files as :func:`shown_sources` names them (their names,
    or their paths when the names are one), ``fields`` what changed."""

    where: str
    identifier: str
    previous: str
    origin: str
    fields: tuple[str, ...]

    def message(self, dry_run: bool = False) -> str:
        changed = f"{len(self.fields)} field{'' if len(self.fields) == 1 else 's'} changed: {', '.join(self.fields)}"
        verb = "would replace" if dry_run else "replaced"
        return f"{self.identifier} was last ingested from {self.previous}; {self.origin} {verb} it ({changed})"


@dataclass
class IngestReport:
    """What an ingest did: identifiers added, updated, unchanged and deleted, failures with reasons,
    and (for ``--delete-missing`` and duplicate checks) every identifier and collection key read."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    kept: list[Failure] = field(default_factory=list)  # missing from the input but not deleted, and why
    notes: list[str] = field(default_factory=list)  # what the operator should know, e.g. why nothing was mirrored
    unread_dates: list[tuple[str, str]] = field(default_factory=list)  # (where, date as written) stored undated
    future_dates: list[tuple[str, str]] = field(default_factory=list)  # (where, date as written) in a year to come: stored undated
    outside_dates: list[tuple[str, str]] = field(default_factory=list)  # (where, EDTF) before year 1 or after 9999: no days
    dates_apart: list[tuple[str, tuple[str, str, str]]] = field(default_factory=list)  # (where, (as written, what it reads as, EDTF)): other years
    named_otherwise: list[tuple[str, dict[str, list[str]]]] = field(default_factory=list)  # (where, the file's own identifiers): TEI letters stored by file name
    conflicts: list[Conflict] = field(default_factory=list)  # curators' corrections kept though the source changed them
    curated: list[Failure] = field(default_factory=list)  # documents keeping corrections the source did not change since
    changes: dict[str, list[FieldChange]] = field(default_factory=dict)  # updated identifier → what changed, field by field (of curation.FIELDS)
    replaced: list[Replaced] = field(default_factory=list)  # updated from another file than they last came from
    kept_from_store: dict[str, int] = field(default_factory=dict)  # field (of curation.FIELDS) → stored documents a table's rows kept it of (table_rows)
    texts_kept: list[str] = field(default_factory=list)  # where: table rows with an empty text cell for a document with texts, kept
    dates_kept: dict[str, tuple[str, str]] = field(default_factory=dict)  # identifier → (where, date as the row writes it): unread, stored date kept
    collections_left: list[tuple[str, list[str]]] = field(default_factory=list)  # (where, titles): collections a table's row took a document out of
    unheld: Unheld = field(default_factory=Unheld)  # agents, places, subjects, repositories deleted with what last used them (authorities.drop_unheld)
    committed: tuple[int, int, int] = (0, 0, 0)  # (added, updated, unchanged) as of the last batch committed: what an interrupted ingest stored
    first_keys: dict[str, str] = field(default_factory=dict, repr=False)  # agent slug → the kind:slug key first read (agent_keys.as_first_read)
    agent_kinds: dict[str, str] = field(default_factory=dict, repr=False)  # agent key → its kind, stored or first read (agent_keys.as_stored_kinds)
    kinds_apart: set[tuple[str, str]] = field(default_factory=set, repr=False)  # (agent key, kind a source gave) reported as a KindConflict
    kinds_named: dict[str, tuple[str, str, str, str, str]] = field(default_factory=dict, repr=False)  # agent key → (where, identifier, name, kind read from it, agent's kind): a name read as the other kind joined the agent a source stated (agent_keys.as_stated_twins)
    kinds_restated: list[tuple[str, str, str]] = field(default_factory=list)  # (old key, key, name): agents a table stored with a kind read from the name, given the kind a source states (agent_keys.rekind)
    kinds_reported: dict[str, str] = field(default_factory=dict, repr=False)  # stored agent's key → the other kind reported (Agent.other_kind_reported)
    twins: dict[str, tuple[str, str, str] | None] = field(default_factory=dict, repr=False)  # key read from a name → its stated twin (agent_keys.as_stated_twins)
    keys_from_names: set[str] = field(default_factory=set, repr=False)  # agents' keys whose kind was read from the name (readers.kind_from_name)
    types: TypeSpellings = field(default_factory=TypeSpellings, repr=False)  # one spelling a type (records.document_types)
    subjects: SubjectNames = field(default_factory=SubjectNames, repr=False)  # one subject a name but for case (records.subject_names)
    identifiers: set[str] = field(default_factory=set, repr=False)
    sources: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)  # identifier → (file, place in it) first read
    collections: set[str] = field(default_factory=set, repr=False)
    folded: dict[str, list[str]] = field(default_factory=dict, repr=False)  # case-folded identifier → stored or read (_case_forms)

    @property
    def changed_fields(self) -> dict[str, list[str]]:
        """``{updated identifier: [field changed, …]}``, the fields (of curation.FIELDS) in :attr:`changes`."""
        return {identifier: [c.field for c in found] for identifier, found in self.changes.items()}

    @property
    def processed(self) -> int:
        """Records and failures seen so far."""
        return len(self.added) + len(self.updated) + len(self.unchanged) + len(self.failed)

    def all_notes(self) -> list[str]:
        """:attr:`notes` and, when some dates could not be read, one note counting them with examples;
        likewise for dates in a year to come, and for documents dated before the year 1 (or after 9999)."""
        notes = list(self.notes)
        if self.replaced:
            notes.append(_replaced_note(self.replaced))
        for what, dates, shown, consequence in (
            (
                "dates Legation could not read", self.unread_dates, _unread,
                "stored with the date as written but count as undated in date filters and the histogram. Write dates "
                "as 1950-02-14, 14 February 1950 or 14.02.1950, or date them in the admin",
            ),
            (
                "dates in a year to come", self.future_dates, repr,
                "stored with the date as written but count as undated in date filters and the histogram: an archive's "
                "documents were written before today, so the year is most likely mistyped (2150 for 1950). Correct it in "
                "the file and ingest it again, or date them in the admin",
            ),
            (
                "dates as written in other years than their EDTF dates", self.dates_apart,
                lambda both: f"{both[0]!r} reads as {both[1]}, the EDTF date is {both[2]}",
                "stored as given: pages show the date as written, while date filters, date sorts and the histogram use "
                "the EDTF date. Correct the one that is wrong in the file and ingest it again, or in the admin",
            ),
            (
                "dates before the year 1 or after 9999", self.outside_dates, lambda edtf: f"{display_date(edtf)} (EDTF {edtf})",
                "stored with their dates, shown as written, but count as undated in date filters, date sorts and the year "
                "histogram, which cover the years 1 to 9999 only; find them by words or other fields",
            ),
        ):  # fmt: skip
            if dates:
                examples = "; ".join(f"{where}: {shown(value)}" for where, value in dates[:3])
                notes.append(f"{what}: {len(dates):,} (e.g. {examples}); those documents are {consequence}")
        if self.named_otherwise:
            notes.append(_named_otherwise_note(self.named_otherwise))
        if self.kept_from_store:
            notes.append(_kept_from_store_note(self.kept_from_store))
        if note := _types_note(self.types):
            notes.append(note)
        if note := _subjects_note(self.subjects):
            notes.append(note)
        notes += _table_row_notes(self)
        notes += _kinds_notes(self)
        if self.unheld:
            notes.append(f"authority records deleted, as {UNHELD}: {self.unheld.counted()}. {numbered_first(self.unheld.sentences())}")
        return notes


def _kinds_notes(report: IngestReport) -> list[str]:
    """The notes on agents' kinds read from names (:func:`legation.ingest.readers.kind_from_name`) where a
    source states another: a name a table's row gives, read as the other kind, linked to the agent a
    source stated (said where the document was added or updated, not at every ingest of an unchanged
    file), and agents a table stored first given the kind and key a source now states."""
    notes = []
    changed = set(report.added) | set(report.updated)
    if named := [(key, n) for key, n in report.kinds_named.items() if n[1] in changed]:
        examples = "; ".join(f"{where}: {name!r} ({key}), read as {_a(read)} from its name, is the {kept} a source gave" for key, (where, _, name, read, kept) in named[:3])
        notes.append(
            f"names read as another kind than a source gives their agent: {len(named):,} (e.g. {examples}); the documents "
            "link that agent, as the file states no kind. If the name is another agent, give the document's agent in the admin"
        )
    if report.kinds_restated:
        examples = "; ".join(f"{name!r}: {old} is now {new}" for old, new, name in report.kinds_restated[:3])
        notes.append(
            f"agents stored with a kind read from their name, now of the kind a source states: {len(report.kinds_restated):,} "
            f"(e.g. {examples}); their documents link them as before, and files giving the old key find them"
        )
    return notes


def _a(kind: str) -> str:
    """``kind`` with its article: ``an organization``, ``a person``."""
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _unread(text: str) -> str:
    """A date as written that was not read, for a note: quoted, with why when it is a date in numbers
    (:func:`legation.ingest.dates.unread_reason`): ``'22-12-49' (the year 49 has two digits, …)``."""
    return repr(text) + (f" ({why})" if (why := unread_reason(text)) else "")


def _types_note(types: TypeSpellings) -> str:
    """The note on types stored in another spelling than written, and on stored documents
    respelled (on a dry run, that a real run would respell), the first of each spelling named
    (:mod:`legation.records.document_types`); "" when none was."""
    said, chosen = [], types.chosen.values()
    if types.respelled:
        stored = "a real run would store" if types.dry_run else "stored"
        said.append(f"documents read {stored} as the archive spells them, {respellings(types.respelled, chosen=chosen)}")
    if types.moved:
        done = "stored documents a real run would respell" if types.dry_run else "stored documents respelled"
        said.append(f"{done}, {respellings(types.restored, named=types.named(), chosen=chosen)}")
    if not said:
        return ""
    return f"{ONE_TYPE}: {'; '.join(said)}. To respell a type, enter the spelling as one of its documents' type in the admin: all its documents take it"


def _subjects_note(subjects: SubjectNames) -> str:
    """The note on subjects read under another name than the archive gives them, and on stored
    subjects renamed or merged (on a dry run, that a real run would rename or merge)
    (:mod:`legation.records.subject_names`); "" when none was."""
    told = []
    if subjects.read:
        stored = "a real run would store" if subjects.dry_run else "stored"
        told.append(f"subjects read {stored} as the archive names them, {said(subjects.read, subjects.curators.values())}")
    if subjects.renamed:
        renamed = ", ".join(f"{old!r} as {new!r} ({documents(subjects.moved[key])})" for key, (old, new) in subjects.renamed.items())
        told.append(f"stored subjects {'a real run would rename' if subjects.dry_run else 'renamed'}, {renamed}")
    if subjects.merged:
        told.append(f"stored subjects {'a real run would merge' if subjects.dry_run else 'merged'} into another, {said(subjects.merged.items())}")
    if not told:
        return ""
    return f"{ONE_SUBJECT}: {'; '.join(told)}. To name a subject otherwise, rename it in the admin: no ingest renames it then"


def _table_row_notes(report: IngestReport) -> list[str]:
    """What a table's rows asked that was not done, or may not have been meant (:mod:`legation.ingest.table_rows`)."""
    notes = []
    if report.texts_kept:
        notes.append(
            f"text cells left empty for documents that have texts: {len(report.texts_kept):,} (e.g. {'; '.join(report.texts_kept[:3])}); "
            "their texts, notes and translations were kept, as a row cannot delete a text: delete one in the admin"
        )
    if report.dates_kept:
        shown = "; ".join(f"{where}: {_unread(written)}" for where, written in list(report.dates_kept.values())[:3])
        notes.append(
            f"dates Legation could not read in rows for dated documents: {len(report.dates_kept):,} (e.g. {shown}); those documents "
            "keep their stored dates. A spreadsheet may have turned the dates into its own form (1/6/1951): write them as "
            "1951-01-06 or 6 January 1951 and ingest the file again"
        )
    if report.collections_left:
        shown = "; ".join(f"{where}: {', '.join(titles)}" for where, titles in report.collections_left[:3])
        notes.append(
            f"documents a table's rows took out of a collection, their collection cells naming another or none: {len(report.collections_left):,} (e.g. "
            f"{shown}). If a collection's title was only mended in the sheet, write it as the archive has it (the export's) "
            "and ingest the file again: a collection is renamed in the admin"
        )
    return notes


def _kept_from_store_note(kept: dict[str, int]) -> str:
    """The note on stored documents a table's rows updated only in what they hold (:mod:`legation.ingest.table_rows`)."""
    fields = ", ".join(f"{name.replace('_', ' ')} of {count:,}" for name, count in sorted(kept.items(), key=lambda kv: (-kv[1], kv[0])))
    return (
        f"rows of a table read for stored documents left them what a row does not hold ({fields} kept): a row holds one "
        "text without its notes or translations, agents and collections by name, and only the columns the file has. To "
        "change those parts, correct the documents in the admin, or export them as JSON Lines (`legation export`), edit "
        "and ingest that"
    )


def _named_otherwise_note(named: list[tuple[str, dict[str, list[str]]]]) -> str:
    """The note on TEI letters stored under their file's name while the file gives the document
    another identifier (``named``: where each was read, and the file's own identifiers with where
    it gives them, :func:`~legation.ingest.readers.named_otherwise`): the first three named."""

    def own(names: dict[str, list[str]]) -> str:
        return ", ".join(f"{value} (its {' and '.join(where)})" for value, where in names.items())

    examples = "; ".join(f"{where}, though the file names it {own(names)}" for where, names in named[:3])
    wanted = next(iter(named[0][1]))
    return (
        f"TEI letters stored under their file's name, not the identifier the file gives itself: {len(named):,} (e.g. {examples}). "
        "A TEI letter's identifier is its file's name without .xml, so that it stays the same at every ingest whatever the "
        f"file's header says; to store one under its own identifier, rename the file after it ({wanted}.xml) and ingest it "
        "again (the document stored under the old name stays: delete it in the admin)"
    )


def _replaced_note(replaced: list[Replaced]) -> str:
    """One note on the documents an ingest replaced from files of other names, counted by pair
    of files, with what to do when that was not meant."""
    pairs: dict[tuple[str, str], int] = {}
    for item in replaced:
        pairs[(item.previous, item.origin)] = pairs.get((item.previous, item.origin), 0) + 1
    counted = "; ".join(f"{count:,} last ingested from {previous}, now from {origin}" for (previous, origin), count in pairs.items())
    return (
        f"{documents(len(replaced))} came from another file than the one "
        f"{'it was' if len(replaced) == 1 else 'they were'} last ingested from ({counted}). When that file is a corrected "
        "version renamed or moved, nothing is to be done. When it is another fonds or collection that reuses those identifiers, "
        "its documents have taken the place of the others: give its documents identifiers of their own (a prefix in its "
        "identifier column, or a mapping's identifier_prefix or identifier_template) and ingest it again, then ingest "
        "the earlier file again to restore its documents (`legation ingest --dry-run` first shows what would change)"
    )


def source_name(source: str) -> str:
    """The source a document remembers it was ingested from: the file's whole path, resolved
    (``letters/dc.csv`` read in ``/srv/archive`` → ``/srv/archive/letters/dc.csv``), so two files of one
    name in two folders are two sources, and one file is one source whichever folder the ingest runs
    in or names it from (relative or absolute, through a symbolic link); ``""`` when no file is known.
    Archives of earlier Legation versions remember the name alone: see :func:`same_source`. A
    name in bytes that are no UTF-8 is remembered as :func:`legation.errors.shown_path` writes it."""
    return shown_path(Path(source).resolve().as_posix()) if source else ""


def same_source(previous: str, origin: str) -> bool:
    """Whether ``origin`` (:func:`source_name` of the file read) is the file a document remembers,
    ``previous``: the same path, or, for a document stored before Legation remembered folders (its
    ``previous`` is a bare file name, ``dc.csv``), a file of that name in any folder, as that
    Legation took it."""
    return previous == origin or ("/" not in previous and previous == PurePath(origin).name)


def shown_sources(previous: str, origin: str) -> tuple[str, str]:
    """The two files of a replacement as the report names them: their names when these differ
    (``dup.csv``, ``other-source.csv``), else their paths, which tell them apart."""
    names = PurePath(previous).name, PurePath(origin).name
    return names if names[0] != names[1] else (previous, origin)


def _fetch(model, field: str, values: Iterable[str]) -> dict:
    """``{value: row}`` of ``model`` rows whose ``field`` is in ``values``, in chunked queries."""
    found = {}
    for chunk in chunks(sorted(set(values))):
        found.update({getattr(row, field): row for row in model.objects.filter(**{f"{field}__in": chunk})})
    return found


def _get_or_create_all(model, field: str, new_rows: dict) -> dict:
    """``{value: row}`` for every key of ``new_rows`` (``{value: unsaved row}``): existing rows are
    kept as stored, missing ones inserted in bulk. A row another writer inserts meanwhile is
    skipped by the insert (``ignore_conflicts``) and read back, so concurrent ingests that share
    an authority record do not fail."""
    found = _fetch(model, field, new_rows)
    missing = [row for value, row in new_rows.items() if value not in found]
    if missing:
        model.objects.bulk_create(missing, ignore_conflicts=True)
        found.update(_fetch(model, field, (getattr(row, field) for row in missing)))
    return found


def _subjects_named(new_rows: dict[str, Subject]) -> dict[str, Subject]:
    """``{name: subject}`` for each subject name of a batch's records (``new_rows``, as for
    :func:`_get_or_create_all`), named as the archive names them already
    (:meth:`legation.records.subject_names.SubjectNames.resolve`: a name in sources, or in another
    case, is the stored subject's name): the subject of that name, else a new one, the name in
    sources its own."""
    for row in new_rows.values():
        row.name_in_sources = row.name
    return _get_or_create_all(Subject, "name", new_rows)


class _Authorities:
    """The authority records (agents with their names, places, subjects, repositories, collections) that one
    batch of records points to, fetched or created with a few queries per kind for the batch.

    An existing agent keeps its preferred name and kind (a kind a source gives otherwise is reported:
    :func:`legation.records.agent_keys.as_stored_kinds`) and an existing collection its title: overwriting
    them with each document's spelling would flip them with file order and leave already indexed
    documents showing the old value, since those get no change-log row. Curators rename in the
    admin. Spellings an agent did not have yet are added as its (uncurated) :class:`AgentName`. An
    agent keyed by the kind its name was once read as takes the key and kind it is read as now
    (:func:`legation.records.agent_keys.rekind`)."""

    def __init__(self, records: list[DocumentRecord], from_names: set[str] | frozenset[str] = frozenset()) -> None:
        agents: dict[str, Agent] = {}
        names: dict[str, set[str]] = {}
        collections: dict[str, Collection] = {}
        for record in records:
            for ref in record.agents:  # a model instance only for a key's first mention: they cost
                if ref.key not in agents:
                    agents[ref.key] = Agent(key=ref.key, name=ref.name, kind=ref.kind, kind_from_name=ref.key in from_names)
                names.setdefault(ref.key, set()).update(n for n in [ref.name, *ref.names] if n)
            for ref in record.collections:
                if ref.key not in collections:
                    collections[ref.key] = Collection(key=ref.key, title=ref.title)
        places = {name: Place(name=name) for name in dict.fromkeys(r.place_sent for r in records if r.place_sent)}
        subjects = {name: Subject(name=name) for name in dict.fromkeys(s for r in records for s in r.subjects)}
        repositories = {name: Repository(name=name) for name in dict.fromkeys(n for r in records for n in r.repositories)}
        # an agent the rule reading kinds from names once keyed as the other kind takes the new key, and one a
        # table stored with a kind read from its name the kind and key a source states (agent_keys.rekind)
        stated = {key for key, agent in agents.items() if not agent.kind_from_name}
        moved, self.restated = rekind({key: agent.kind for key, agent in agents.items()}, stated)
        if moved:
            ChangeLogEntry.log_upserts(moved)
        self.agents = _get_or_create_all(Agent, "key", agents)
        self.places = _get_or_create_all(Place, "name", places)
        self.subjects = _subjects_named(subjects)
        self.repositories = _get_or_create_all(Repository, "name", repositories)
        self.collections = _get_or_create_all(Collection, "key", collections)
        self._unshout(names)
        self._add_agent_names(names)

    def _unshout(self, names: dict[str, set[str]]) -> None:
        """Give an agent whose preferred name is in capitals throughout (a table's ``ACHESON, DEAN``, stored as
        ``DEAN ACHESON``) the same name in mixed case when a source writes it so (``Dean Acheson``), the capitals
        kept as another name of it, as a type's spelling is chosen (:func:`legation.records.document_types.care`):
        a careless sheet's capitals are no agent's shown name once a source writes it with care. Its documents are
        logged, so the search index shows the new name."""
        renamed: dict[Agent, str] = {}
        for key, agent in self.agents.items():
            if not care(agent.name)[0] and (better := sorted(n for n in names.get(key, ()) if n.casefold() == agent.name.casefold() and care(n)[0])):
                names[key].add(agent.name)
                renamed[agent], agent.name = agent.name, better[0]
        if not renamed:
            return
        Agent.objects.bulk_update(list(renamed), ["name"])
        for agent in renamed:  # an agent's own name is no other name of it
            AgentName.objects.filter(agent=agent, name=agent.name).delete()
        ChangeLogEntry.log_upserts(sorted(set(Document.objects.filter(agent_links__agent__in=list(renamed)).values_list("identifier", flat=True))))

    def _add_agent_names(self, names: dict[str, set[str]]) -> None:
        """Store the spellings of each agent it did not have yet, and log for the search index the
        documents already stored that link an agent whose new spellings write a word none of its
        names wrote: the index reads an agent's names with each document it indexes, so the
        documents indexed before a later file gave Karl L. Rankin "K. L. Rankin" were never found
        by it (47 of the 102 documents after two ingests, all after a reindex). A spelling of the
        same words ("Rankin, Karl L.") finds nothing new: re-indexing a person's documents for
        each spelling doubled the demo ingest's change log (10,521 entries against 4,915; 7,600 so)."""
        by_id = {agent.pk: agent for agent in self.agents.values()}
        known: dict[int, set[str]] = {}
        for chunk in chunks(sorted(by_id)):
            for agent_id, name in AgentName.objects.filter(agent_id__in=chunk).values_list("agent_id", "name"):
                known.setdefault(agent_id, set()).add(name)
        new = [
            AgentName(agent=self.agents[key], name=name)
            for key in sorted(names)
            for name in sorted(names[key])
            if name != self.agents[key].name and name not in known.get(self.agents[key].pk, ())
        ]
        AgentName.objects.bulk_create(new, ignore_conflicts=True)
        gained = set()
        for name in new:
            agent = name.agent
            if agent.pk in known:  # an agent stored before this batch: documents may link it already
                written = {w for n in [agent.name, *known[agent.pk]] for w in _words(n)}
                if not _words(name.name) <= written:
                    gained.add(agent.pk)
        for chunk in chunks(sorted(gained)):
            ChangeLogEntry.log_upserts(Document.objects.filter(agent_links__agent_id__in=chunk).values_list("identifier", flat=True).distinct().iterator())


def _words(name: str) -> set[str]:
    """The words of a name as the search index reads them (:func:`legation.search.analyzers.folded`)."""
    return set(folded(name))


_DOCUMENT_FIELDS = (
    "title", "document_type", "date_text", "date_edtf", "date_earliest", "date_latest", "place_sent",
    "place_written", "summary", "source_note", "rights", "credit", "classification", "source_url", "language", "pages", "relations",
)  # fmt: skip
_RELATED_ROWS = (Document.collections.through, Document.subjects.through, Document.repositories.through)  # rewritten on update


def _document_values(record: DocumentRecord, auth: _Authorities) -> dict:
    return dict(
        title=record.title,
        document_type=record.document_type,
        date_text=record.date_text,
        date_edtf=record.date_edtf,
        date_earliest=dt.date.fromisoformat(record.date_earliest) if record.date_earliest else None,
        date_latest=dt.date.fromisoformat(record.date_latest) if record.date_latest else None,
        place_sent=auth.places[record.place_sent] if record.place_sent else None,
        place_written=record.place_written,
        summary=record.summary,
        source_note=record.source_note,
        rights=record.rights,
        credit=record.credit,
        classification=record.classification,
        source_url=record.source_url,
        language=record.language,
        pages=record.pages,
        relations=distinct_identifiers(record.relations),
    )


def _write(
    records: list[DocumentRecord], existing: dict[str, Document], ingested: dict[str, dict[str, str]], origin: str = "", corrected: frozenset[str] = frozenset(),
    from_names: set[str] | frozenset[str] = frozenset(),
) -> tuple[list[tuple[str, str, str]], Unheld]:
    """Write the document rows of ``records`` and their relations, replacing what the documents in
    ``existing`` (``{identifier: stored row}``) had, with the digests of what the source gave
    (``ingested``, by identifier) and the name of the file read (``origin``; ``""``: a document
    updated keeps the name it had, as do those of ``corrected``: another source's documents a table's
    rows corrected, :mod:`legation.ingest.table_rows`); a fixed number of bulk statements per batch,
    not per document. ``from_names``: the keys of agents whose kind was read from the name
    (:func:`legation.ingest.readers.kind_from_name`), which an agent made for them remembers. Returns
    ``(old key, key, name)`` of the agents stored with a kind read from their name that a source now
    states otherwise, given its key and kind (:func:`legation.records.agent_keys.rekind`), and the agents,
    places, subjects and repositories the documents updated used and no document uses now that were deleted
    (:func:`legation.records.authorities.drop_unheld`)."""
    auth = _Authorities(records, from_names)
    new_docs, old_docs = [], []
    now = timezone.now()
    for record in records:
        values = {**_document_values(record, auth), "ingested": ingested[record.identifier]}
        if origin and record.identifier not in corrected:
            values["ingested_from"] = origin
        doc = existing.get(record.identifier)
        if doc is None:
            new_docs.append(Document(identifier=record.identifier, identifier_folded=folded_identifier(record.identifier), updated_at=now, **values))
        else:
            for name, value in values.items():
                setattr(doc, name, value)
            doc.updated_at = now
            old_docs.append(doc)
    # what the documents updated used as stored: what they use no longer may be no one's (drop_unheld, below)
    used = uses_of(doc.pk for doc in old_docs)
    if old_docs:
        Document.objects.bulk_update(old_docs, [*_DOCUMENT_FIELDS, "ingested", "updated_at", *(["ingested_from"] if origin else [])])
        for chunk in chunks([doc.pk for doc in old_docs]):
            for related in (Text, DocumentAgent, *_RELATED_ROWS):
                related.objects.filter(document_id__in=chunk).delete()
    Document.objects.bulk_create(new_docs)  # sets the primary keys (RETURNING on SQLite ≥ 3.35 and PostgreSQL)
    docs = {doc.identifier: doc for doc in [*new_docs, *old_docs]}

    texts, links, in_collections, on_subjects, in_repositories = [], [], [], [], []
    for record in records:
        pk = docs[record.identifier].pk
        in_collections += [(pk, auth.collections[key].pk) for key in dict.fromkeys(c.key for c in record.collections)]
        on_subjects += [(pk, auth.subjects[s].pk) for s in dict.fromkeys(record.subjects)]
        in_repositories += [(pk, auth.repositories[r].pk) for r in dict.fromkeys(record.repositories)]
        texts += [
            (pk, t.kind, t.language, t.body, [{"n": f.n, "text": f.text} for f in t.footnotes], i)
            for i, t in enumerate(record.texts)
        ]
        positions: dict[str, int] = {}
        seen: set[tuple[str, str]] = set()
        for ref in record.agents:
            if (ref.key, ref.role) not in seen:
                seen.add((ref.key, ref.role))
                position = positions[ref.role] = positions.get(ref.role, -1) + 1
                links.append((pk, auth.agents[ref.key].pk, ref.role, position))
    _insert_rows(Text, ("document", "kind", "language", "body", "footnotes", "position"), texts)
    _insert_rows(DocumentAgent, ("document", "agent", "role", "position"), links)
    _insert_rows(Document.collections.through, ("document", "collection"), in_collections)
    _insert_rows(Document.subjects.through, ("document", "subject"), on_subjects)
    _insert_rows(Document.repositories.through, ("document", "repository"), in_repositories)
    # a key the source no longer gives (a rule of keys changed), a place or subject it names otherwise: none left of no document
    return auth.restated, drop_unheld(used)



def _insert_rows(model: type[models.Model], names: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert ``rows`` into ``model``'s table: each a tuple of values for the fields ``names``
    (a foreign key as the primary key it points to), in one ``executemany`` of a one-row INSERT.

    What ``bulk_create`` does for these rows, without what made it most of the cost of storing a
    document: a model instance per row and SQL compiled value by value. Only for rows that need
    no ``save()`` logic (no auto_now fields, no signals: ``bulk_create`` sends none either); JSON
    values are encoded by their field for the database in use (``get_db_prep_save``)."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in names]
    encode = [i for i, f in enumerate(fields) if isinstance(f, models.JSONField)]
    if encode:
        rows = [tuple(fields[i].get_db_prep_save(v, connection) if i in encode else v for i, v in enumerate(row)) for row in rows]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _where(source: str, identifier: str) -> str:
    return f"{source}: {identifier}" if source else identifier


def _record_where(source: str, record: DocumentRecord) -> str:
    """Where ``record`` is, for the report's lists of its date: ``"FILE, line 5: id"`` when the file's reader says the
    place (a CSV row's first line, as a failure there names it; a JSON Lines line: :func:`location_of`), so the row
    is found in the file and the document in the admin; ``"FILE: id"`` (:func:`_where`) when it does not."""
    place = location_of(record)
    return f"{_place(source, place)}: {record.identifier}" if source and place else _where(source, record.identifier)


def _place(source: str, location: str) -> str:
    """A place as :class:`IngestError` names one: "FILE, line 5", "FILE", "line 5" or ""."""
    return ", ".join(part for part in (source, location) if part)


def _left_behind(stored: DocumentRecord, record: DocumentRecord, read: str, where: str) -> Failure:
    """The failure of ``record``, which changes ``stored``'s date as written to one that reads as
    ``read`` but keeps its EDTF date (:func:`~legation.ingest.dates.edtf_left_behind`)."""
    edtf = record.date_edtf
    return Failure(
        where,
        f"{record.identifier}: its date as written changed from {stored.date_text!r} to {record.date_text!r}, which reads "
        f"as {read} ({display_date(read)}), but its EDTF date stayed {f'{edtf} ({display_date(edtf)})' if edtf else 'empty (undated)'}, "
        "so its page would show one date while date filters, sorts and the histogram used the other; the document was "
        "left as it was. Give the EDTF date the new text means beside it (date_edtf; in a CSV table, the date column), "
        "or leave it out to have the date as written read (remove the date_edtf key, as \"date_edtf\": \"\" is undated, with date_earliest and date_latest emptied too; in a CSV "
        "table, empty the date cell), and ingest the file again",
    )


def _curated(fields: list[str]) -> str:
    """What the report says of a document that keeps corrections made in the admin to ``fields``
    (names of :data:`~legation.ingest.curation.FIELDS`) which the source has not changed since."""
    names = ", ".join(fields)
    return (
        f"{names} kept as corrected in the admin (the source still gives what it gave before); "
        "to take the source's value again, enter it in the admin"
    )


def _twice(identifier: str, source: str, location: str, first: tuple[str, str]) -> Failure:
    """The failure of a record whose identifier an earlier record of the ingest had: where this
    one is (``source``, ``location`` in it) and where the first was (``first``: file and place
    in it, each "" when not known)."""
    if first[0] != source:
        earlier = f"in {_place(*first)}"
    elif first[1]:
        earlier = f"at {first[1]}"
    else:
        earlier = "earlier in this file" if source else "earlier in this ingest"
    return Failure(
        _place(source, location) if source and location else _where(source, identifier),
        f'identifier "{identifier}" already given {earlier} (that document was kept, this one not stored); '
        "give each document its own identifier",
    )


def _case_forms(report: IngestReport, identifiers: Iterable[str]) -> dict[str, list[str]]:
    """``report.folded`` (``{case-folded identifier: [identifiers stored or read by this ingest]}``,
    see :func:`~legation.records.document_record.folded_identifier`) holding every one of
    ``identifiers``' folded forms: those not seen before by this ingest are looked up in the stored
    documents by their indexed ``identifier_folded``, one query for a batch, so an ingest reads the
    identifiers it meets, not the whole archive's."""
    unseen = list(dict.fromkeys(f for i in identifiers if (f := folded_identifier(i)) not in report.folded))
    for f in unseen:
        report.folded[f] = []
    for chunk in chunks(unseen):
        for identifier, f in Document.objects.filter(identifier_folded__in=chunk).values_list("identifier", "identifier_folded"):
            report.folded[f].append(identifier)
    return report.folded


def _case_twin(identifier: str, source: str, location: str, other: str, first: tuple[str, str] | None) -> Failure:
    """The failure of a new identifier that differs from ``other`` (stored, or read by this ingest
    at ``first``: file and place in it) in case alone."""
    if first is None:
        where = "the identifier of a document already stored"
    elif first[0] != source:
        where = f"given in {_place(*first) or 'an earlier file'}"
    else:
        where = f"given {'at ' + first[1] if first[1] else 'earlier in this file'}"
    return Failure(
        _place(source, location) if source and location else _where(source, identifier),
        f'identifier "{identifier}" differs only in case from "{other}", {where}; addresses and searches find an '
        "identifier in any case, so the two would not be told apart, and this document was not stored. If both are "
        f'one document, write its identifier as "{other}"; if they are two, give this one an identifier that differs '
        "in more than case",
    )


def _refolded_keys(batch: list[DocumentRecord]) -> dict[str, str]:
    """``{key an earlier Legation made: key made now}`` for the agents of ``batch`` keyed by a name
    that holds letters without an ASCII decomposition (``person:wladyslaw-gomulka``, once
    ``person:wadysaw-gomuka``: :func:`legation.ingest.slugs.slug` and ``stable_slug``).
    A key counts as made from a name (one of the reference's names, or its direct form, as mappings
    key inverted names) when it is ``kind:`` and that name's slug."""
    found: dict[str, str] = {}
    for ref in (ref for record in batch for ref in record.agents):
        kind, _, rest = ref.key.partition(":")
        if kind not in AGENT_KINDS or not rest:
            continue  # an authority id (gnd:…), never made from a name
        for name in dict.fromkeys(n for n in (ref.name, *ref.names) if n and not n.isascii()):  # ASCII: one slug
            for form in dict.fromkeys((name, direct_name(name))):
                if slug(form) == rest and (old := stable_slug(form)) and old != rest:
                    found[f"{kind}:{old}"] = ref.key
    return found


def _store_batch(batch: list[DocumentRecord], report: IngestReport, dry_run: bool, source: str = "") -> set[str]:
    """:func:`_store` in one transaction, rolled back for a dry run, after the agents stored under
    the keys an earlier Legation made from their names are given the keys made now
    (:func:`_refolded_keys`, :func:`legation.records.agent_keys.rekey`; their documents are logged
    for the index), so that their documents compare as unchanged. Returns what :func:`_store` does."""
    with transaction.atomic():
        if (moves := _refolded_keys(batch)) and (renamed := rekey(moves)):
            ChangeLogEntry.log_upserts(renamed)
        left = _store(batch, report, dry_run, source)
        if dry_run:
            transaction.set_rollback(True)
    return left


def _store(batch: list[DocumentRecord], report: IngestReport, dry_run: bool, source: str = "") -> set[str]:
    """Upsert one batch in one transaction with its change-log rows. Agent keys merged into another
    agent are read as that agent's key first (a name read as a person and as an organization with
    the kind first read in this ingest: :func:`legation.records.agent_keys.as_first_read`), an agent
    given another kind than its key's agent has as that agent's kind, each reported once an ingest
    as a :class:`~legation.ingest.curation.KindConflict` (:func:`legation.records.agent_keys.as_stored_kinds`),
    and a place that is another's variant as that place
    (:func:`legation.records.place_names.resolve_places`), so digests compare what will be stored. A record
    whose identifier the ingest read before is a failure naming both places (see :func:`located`),
    and so is a record correcting a stored document's date as written alone (:func:`_left_behind`):
    their identifiers are returned, the documents left as they were."""
    seen: dict[str, DocumentRecord] = {}
    left: set[str] = set()
    locations = [location_of(record) for record in batch]  # resolve_keys' copies do not carry them
    tables = [table_fields_of(record) for record in batch]  # (nor these)
    given: dict[str, frozenset[str]] = {}  # identifier → the fields of a table's columns, for records a table gave
    # a name read as the other kind than a source gave its agent is that agent; one kind for a name, one for an agent
    from_names = [frozenset(ref.key for ref in record.agents if is_kind_from_name(ref)) for record in batch]
    twinned, named_apart = as_stated_twins(batch, from_names, report.twins)
    stated = {ref.key for record, keys in zip(batch, from_names) for ref in record.agents if ref.key not in keys}
    report.keys_from_names.update(key for keys in from_names for key in keys if not report.twins.get(key) and key not in stated)
    report.keys_from_names -= stated  # a key a source states anywhere in the ingest is no guess
    records, apart = as_stored_kinds(as_first_read(twinned, report.first_keys), report.agent_kinds, report.kinds_reported)
    told: dict[str, str] = {}
    for index, ref, kept in named_apart:  # a kind read from a name is no source's word: no conflict, a note
        where = _place(source, locations[index]) or _where(source, batch[index].identifier)
        report.kinds_named.setdefault(ref.key, (where, batch[index].identifier, ref.name, ref.kind, kept))
    for index, ref, kept in apart:
        if (ref.key, ref.kind) not in report.kinds_apart:
            report.kinds_apart.add((ref.key, ref.kind))
            where = _place(source, locations[index]) or _where(source, batch[index].identifier)
            report.conflicts.append(KindConflict(where, batch[index].identifier, "agents", ref.kind, ref.name, ref.key, kept))
            told[ref.key] = ref.kind
    report.kinds_reported.update(told)  # said once, not at every ingest: stored with the batch (below)
    records = resolve_places(resolve_keys(records))
    # a kind a source states, and the agent has: no longer one read from a name (agent_keys.confirm_kinds)
    confirmed = {
        new.key for read, keys, record in zip(batch, from_names, records)
        for ref, new in zip(read.agents, record.agents) if ref.key not in keys and ref.kind == new.kind
    }  # fmt: skip
    folded = _case_forms(report, (record.identifier for record in records))

    def new(identifier: str) -> bool:  # no document stored or read before has its identifier
        return not folded[folded_identifier(identifier)]

    # a type's spelling and a subject's name weighed by documents: a record counts when it is new
    records = report.subjects.resolve(report.types.resolve(records, new, dry_run), new, dry_run)
    for record, location, fields in zip(records, locations, tables):
        if record.identifier in seen or record.identifier in report.identifiers:
            report.failed.append(_twice(record.identifier, source, location, report.sources.get(record.identifier, ("", ""))))
            continue
        forms = folded[folded_identifier(record.identifier)]
        if record.identifier not in forms:  # new to the archive and to this ingest
            if forms:  # but for case, another's: addresses and searches find identifiers in any case
                report.failed.append(_case_twin(record.identifier, source, location, forms[0], report.sources.get(forms[0])))
                continue
            forms.append(record.identifier)
        seen[record.identifier] = record
        report.sources[record.identifier] = (source, location)
        if fields is not None:
            given[record.identifier] = fields
    origin = source_name(source)
    report.identifiers.update(seen)
    stored = {r.identifier: r for r in load_records(seen)}
    last = last_ingested(list(stored))
    # stored documents another source gave that a table's rows correct: its agents stay, and its name as their source
    corrected = frozenset(i for i in given if i in last and not from_a_table_file(last[i][2]))
    if given:
        for identifier in _completed_from_store(seen, stored, given, report, source, corrected):
            del seen[identifier]
            left.add(identifier)
    report.collections.update(c.key for record in seen.values() for c in record.collections)
    with transaction.atomic():
        changed: list[DocumentRecord] = []
        digests: dict[str, dict[str, str]] = {}  # what the source gave, by identifier
        rebased: dict[int, dict[str, str]] = {}  # unchanged documents whose source changed: pk → digests
        named: dict[int, str] = {}  # unchanged documents that did not know the file they came from: pk → its name
        spelled: list[DocumentRecord] = []  # unchanged documents naming an agent in a form it lacks
        for identifier, record in seen.items():
            old = stored.get(identifier)
            digests[identifier] = field_digests(record)
            if old is not None:
                pk, remembered, previous = last.get(identifier, (0, None, ""))  # (0, None, ""): deleted meanwhile
                now = field_digests(old)
                if now != digests[identifier]:  # a curator's correction, a changed source, or both
                    record, conflicts = keep_curated(old, now, record, digests[identifier], remembered, _where(source, identifier))
                    if read := edtf_left_behind(old, record):  # an export's date_text corrected, its date_edtf not
                        report.failed.append(_left_behind(old, record, read, _place(source, report.sources[identifier][1]) or _where(source, identifier)))
                        left.add(identifier)
                        continue
                    report.conflicts += conflicts
                    given = digests[identifier]  # fields corrected since, which the source still gives as it did:
                    quiet = [n for n in FIELDS if remembered and now[n] != last_digest(remembered, n) == given[n]]
                    if quiet:
                        report.curated.append(Failure(_where(source, identifier), _curated(quiet)))
                stores = field_digests(record)  # what would be stored: the source's values, corrections kept
                if now == digests[identifier] or now == stores:
                    report.unchanged.append(identifier)
                    if pk and remembered != digests[identifier]:
                        rebased[pk] = digests[identifier]
                    if pk and origin and (not previous or (previous != origin and "/" not in previous and same_source(previous, origin))):
                        named[pk] = origin  # stored before Legation remembered the file, or its folder: it is this one
                    if pk and _new_spellings(old, record):
                        spelled.append(record)
                    continue  # unchanged from another file: both give it alike, nothing was lost
                report.changes[identifier] = changes(old, record)
                if previous and origin and not same_source(previous, origin) and identifier not in corrected:  # (corrected: still the source's)
                    where = _place(source, report.sources[identifier][1]) if report.sources[identifier][1] else _where(source, identifier)
                    report.replaced.append(Replaced(where, identifier, *shown_sources(previous, origin), tuple(c.field for c in report.changes[identifier])))
            (report.added if old is None else report.updated).append(identifier)
            changed.append(record)
        if rebased and not dry_run:
            remember(rebased)
        if named and not dry_run:
            remember_origins(named)
        if spelled and not dry_run:  # "Władysław Gomułka", now read from "Gomułka, Władysław": searches find either
            _Authorities(spelled)
            ChangeLogEntry.log_upserts(r.identifier for r in spelled)
        if changed and not dry_run:
            restated, dropped = _write(changed, _fetch(Document, "identifier", (r.identifier for r in changed if r.identifier in stored)), digests, origin, corrected, report.keys_from_names)
            report.kinds_restated += restated
            report.unheld.add(dropped)
            ChangeLogEntry.log_upserts(r.identifier for r in changed)
        if told and not dry_run:  # after the writes: an agent first stored by this batch remembers it too
            remember_reported(told)
        if confirmed and not dry_run:
            confirm_kinds(confirmed)
        if dry_run:
            transaction.set_rollback(True)
    return left


def _completed_from_store(
    seen: dict[str, DocumentRecord],
    stored: dict[str, DocumentRecord],
    given: dict[str, frozenset[str]],
    report: IngestReport,
    source: str,
    corrected: frozenset[str],
) -> list[str]:
    """Complete the records a table gave (``given``: identifier → the fields of its columns) with what
    their rows do not hold from their stored documents (:func:`legation.ingest.table_rows.with_stored_parts`),
    in ``seen``; ``corrected``: those whose stored documents another source than a table gave (their agents
    stay). Count in ``report.kept_from_store`` the fields so kept, by name. Returns the identifiers
    of those that cannot be completed (reported as failures, their documents to be left as they are)."""
    archive = archive_collections(seen[identifier] for identifier in given)
    agents = archive_agents(seen[identifier] for identifier in corrected)  # new names in rows correcting another source's documents
    failed: list[str] = []
    for identifier, fields in given.items():
        read = seen[identifier]
        old = stored.get(identifier)
        where = _place(source, report.sources[identifier][1]) or _where(source, identifier)
        if old is None and "title" not in fields:
            report.failed.append(Failure(where, f"{identifier} is not in the archive, and the table has no title column to give a new document its "
                                         "title: add a title column to add documents (a table without one corrects stored documents only)"))  # fmt: skip
            failed.append(identifier)
            continue
        try:
            seen[identifier] = record = with_stored_parts(old, read, fields, archive, identifier not in corrected, agents)
        except RecordError as exc:
            report.failed.append(Failure(where, f"cannot be joined to the stored document's other parts ({exc}); the document is left as it was"))
            failed.append(identifier)
            continue
        if old is None:
            continue
        for name in FIELDS:
            if getattr(record, name) != getattr(read, name):
                report.kept_from_store[name] = report.kept_from_store.get(name, 0) + 1
        if emptied_texts(old, read, fields):
            report.texts_kept.append(where)
        if unread_date(old, read):
            report.dates_kept[identifier] = (where, date_cell(read) or read.date_text)
        if left := [c.title for c in old.collections if c.key not in {k.key for k in record.collections}]:
            report.collections_left.append((where, left))
    return failed


def _new_spellings(stored: DocumentRecord, record: DocumentRecord) -> bool:
    """Whether ``record`` names one of its agents in a form that agent, as ``stored`` (the same
    document, unchanged) holds it, lacks: a document compares by its agents' keys, so the form a reader
    gives now ("Władysław Gomułka", once stored as written, "Gomułka, Władysław") would not be added to
    the agent, and searches would not find it, unless the document were changed."""
    known: dict[str, set[str]] = {}
    for ref in stored.agents:
        known.setdefault(ref.key, set()).update((ref.name, *ref.names))
    return any(name and name not in known.get(ref.key, ()) for ref in record.agents for name in (ref.name, *ref.names))


def ingest_records(
    items: Iterable[DocumentRecord | IngestError | IngestNote],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    dry_run: bool = False,
    on_progress: Callable[[IngestReport], None] | None = None,
    report: IngestReport | None = None,
    source: str = "",
) -> IngestReport:
    """Validate and store records; readers' errors (``IngestError`` items) are reported as failures,
    their notes (``IngestNote`` items) as notes.

    ``batch_size`` records are written per transaction. ``dry_run`` validates and reports what
    would change without writing. ``on_progress`` is called after each batch with the report so
    far. Pass the ``report`` of an earlier call to continue it (one report for several files:
    an identifier already read there is reported as a duplicate here). ``source`` (the file read)
    prefixes the identifiers of failed records. Returns the :class:`IngestReport`; never raises
    for a bad record.
    """
    report = report if report is not None else IngestReport()
    iterator: Iterator[DocumentRecord | IngestError | IngestNote] = iter(items)
    while chunk := list(islice(iterator, batch_size)):
        batch: list[DocumentRecord] = []
        unread: dict[str, tuple[str, str]] = {}  # identifier → (where, date as written)
        future: dict[str, tuple[str, str]] = {}  # identifier → (where, date as written): read, but in a year to come
        outside: dict[str, tuple[str, str]] = {}  # identifier → (where, EDTF): dated, but with no calendar day
        apart: dict[str, tuple[str, tuple[str, str, str]]] = {}  # identifier → (where, (as written, what it reads as, EDTF))
        for item in chunk:
            if isinstance(item, IngestError):
                report.failed.append(Failure(item.path + (f", {item.location}" if item.location else ""), item.message))
                continue
            if isinstance(item, IngestNote):
                report.notes.append(str(item))
                continue
            try:
                batch.append(item.validate())
            except RecordError as exc:
                place = location_of(item)  # the line a reader found it at, when it says
                report.failed.append(Failure(_place(source, place) if place else _where(source, item.identifier or "?"), str(exc)))
                continue
            if names := named_otherwise_of(item):
                report.named_otherwise.append((_where(source, item.identifier), names))
            if item.date_earliest and years_to_come(int(item.date_earliest[:4]), int(item.date_latest[:4]), "X" in item.date_edtf):  # ISO days, validated
                # EDTF given as such ("date_edtf": "2150-03-12", a TEI @when) meets the rule a date read from text does:
                # kept as written, stored undated
                # named in the note: the text when it says the year to come, else the EDTF ("2150", given beside "January 5, 1950")
                text_too = item.date_text and parse_archival_date(item.date_text).future
                given = item.date_text if text_too else item.date_edtf
                item.date_text, item.date_edtf, item.date_earliest, item.date_latest = item.date_text or item.date_edtf, "", "", ""
                future[item.identifier] = (_record_where(source, item), given)
            elif item.date_text and not item.date_edtf and (parsed := parse_archival_date(item.date_text)).flagged:
                # kept as written, but outside date filters and the histogram ("undated", "n.d." are read: no date)
                (future if parsed.future else unread)[item.identifier] = (_record_where(source, item), item.date_text)
            elif item.date_edtf and not item.date_earliest:  # valid EDTF before year 1 or after 9999 (validate says)
                outside[item.identifier] = (_record_where(source, item), item.date_edtf)
            elif item.date_text and item.date_earliest and (read := disagreement(item.date_text, int(item.date_earliest[:4]), int(item.date_latest[:4]))):
                apart[item.identifier] = (_record_where(source, item), (item.date_text, read, item.date_edtf))
        with held():  # a Ctrl-C or kill as the batch commits stops the ingest after it, with the batch counted
            left = _store_batch(batch, report, dry_run, source)
            if not dry_run:
                report.committed = (len(report.added), len(report.updated), len(report.unchanged))
        curated = _dated_by_curator([*unread, *future, *outside, *apart]) if unread or future or outside or apart else set()
        curated |= left  # failed, their stored dates unchanged: no note on the dates they gave
        curated |= report.dates_kept.keys()  # table rows' unread dates, the stored ones kept: said in a note of their own
        report.unread_dates += [note for identifier, note in unread.items() if identifier not in curated]
        report.future_dates += [note for identifier, note in future.items() if identifier not in curated]
        report.outside_dates += [note for identifier, note in outside.items() if identifier not in curated]
        report.dates_apart += [note for identifier, note in apart.items() if identifier not in curated]
        if on_progress:
            on_progress(report)
    return report


def _dated_by_curator(identifiers: list[str]) -> set[str]:
    """Those of ``identifiers`` stored with a date that differs from the one their source last gave:
    a curator dated them in the admin, and re-ingest keeps that date (their unreadable source date
    is then no undated document to report)."""
    last = last_ingested(identifiers)
    return {
        r.identifier
        for r in load_records(identifiers)
        if r.date_edtf and (remembered := last[r.identifier][1]) and remembered.get("date_edtf") != field_digests(r)["date_edtf"]
    }


def delete_documents(identifiers: Iterable[str], unheld: Unheld | None = None) -> list[str]:
    """Delete documents and log each deletion, in one transaction, with the agents, places, subjects and
    repositories they alone used that nothing curated holds (:func:`legation.records.authorities.drop_unheld`),
    which are added to ``unheld`` when given. Returns the identifiers deleted. Ingest's ``--delete-missing``
    and the admin's deletions (one document, or the list's "delete selected") both delete so."""
    with transaction.atomic():
        docs = list(Document.objects.filter(identifier__in=list(identifiers)))
        deleted = sorted(d.identifier for d in docs)
        used = uses_of(d.pk for d in docs)
        for doc in docs:
            doc.delete()
        dropped = drop_unheld(used)
        ChangeLogEntry.objects.bulk_create(ChangeLogEntry(document_identifier=i, operation="delete") for i in deleted)
    if unheld is not None:
        unheld.add(dropped)
    return deleted


def delete_missing(report: IngestReport, *, dry_run: bool = False) -> IngestReport:
    """Mirror the collections an ingest read: delete the stored documents of those collections
    (``report.collections``) that the ingest did not read (``report.identifiers``), and add them to
    ``report.deleted``. A document that also belongs to a collection the ingest did not read is
    kept and listed in ``report.kept`` with the reason. Nothing is deleted when the ingest had
    failures (a record that failed to read would otherwise be deleted) or when the documents read
    belong to no collection; ``report.notes`` then says why. The scope is whole collections: a
    file holding part of a collection mirrors all of it. ``dry_run`` reports without deleting.
    Returns ``report``."""
    if report.failed:
        report.notes.append(f"--delete-missing: nothing deleted, as the ingest had failures ({len(report.failed):,}); fix them and ingest again")
        return report
    if not report.collections:
        if report.identifiers:
            report.notes.append(
                "--delete-missing: nothing deleted, as the documents read belong to no collection, so there is "
                "no collection to mirror; give them one (a collection column or field), or delete documents in the admin"
            )
        return report
    through = Document.collections.through.objects
    in_scope = set(through.filter(collection__key__in=report.collections).values_list("document__identifier", flat=True))
    missing = sorted(in_scope - report.identifiers)
    elsewhere: dict[str, list[str]] = {}
    for chunk in chunks(missing):
        for identifier, key in (
            through.filter(document__identifier__in=chunk)
            .exclude(collection__key__in=report.collections)
            .values_list("document__identifier", "collection__key")
        ):  # fmt: skip
            elsewhere.setdefault(identifier, []).append(key)
    for identifier in sorted(elsewhere):
        report.kept.append(Failure(identifier, f"not deleted: also in collection {', '.join(sorted(elsewhere[identifier]))}"))
    doomed = [i for i in missing if i not in elsewhere]
    for chunk in chunks(doomed):
        with held():  # a Ctrl-C or kill as a chunk's deletion commits stops after it, the chunk counted
            report.deleted += chunk if dry_run else delete_documents(chunk, report.unheld)
    return report
