"""``legation copy-archive --to URL``: copy every document to another record store and prove it.

The copy travels as one file of *copy lines*: Legation JSON Lines (what ``legation export`` writes,
in the same order) whose every object ends with two more keys, ``"ingested"``: the document's
digests of what its source gave at the last ingest (:mod:`legation.ingest.curation`, keys sorted),
or null for a document never ingested (made in the admin, or stored before Legation kept digests),
and ``"ingested_from"``: the file it last came from (its path; a name alone from an older archive) (``""`` when not known), so that
the copy too reports an ingest replacing it from another file.
Without them the target would compute digests from the documents as they are now, curated values
included, and the next ingest of the original source into the copy would overwrite every
correction without a word.

1. This process writes the copy lines of its archive (:func:`write_copy`).
2. A ``legation copy-archive-store FILE`` process with ``LEGATION_DATABASE_URL=URL`` (migrating
   the target first) stores them (:func:`store_copy`) in **one transaction**: each batch of
   documents goes through the ingest service like any ingest, then gets the digests the file
   carries. Anything failing (the target holding documents, a line, the database) rolls the whole
   copy back: the target holds a complete copy with its digests, or nothing.
3. A ``legation copy-archive-export FILE`` process reads the target's copy lines back, and they
   must equal this archive's byte for byte: the documents as ``legation export`` writes them, and
   every document's digests.

Only this path sets digests from a file. ``legation ingest`` computes them from what it reads, as
always, and refuses a copy file (``"ingested"`` is not a field of Legation JSON Lines), so no file
can make a field look corrected. The target processes get a throw-away index folder, so this
node's index is never touched; the target's nodes build theirs from its change log (or
``legation reindex``).

The file begins with *archive lines*, the rows curators and ingests wrote that no document carries,
each an object of one key (:data:`ARCHIVE_LINES`), which the target stores before the documents:

- ``{"authority": {…}}``, one per curated authority record (:func:`legation.records.authorities.authority_rows`:
  agents with curated names or other keys from merges, places with further names), so name variants
  search the same there and a later ingest links a merged key to the same agent;
- ``{"type_spelling": {"key": …, "spelling": …}}``, one per spelling a curator gave a document type
  (:class:`~legation.records.models.TypeSpelling`), so that no ingest into the copy respells the type back;
- ``{"subject": {"name": …, "name_in_sources": …}}``, one per subject, so that a subject a curator
  renamed (or made, with no name in sources) stays the curator's in the copy and a document ingested
  there later under its name in sources joins it (:mod:`legation.records.subject_names`), and a subject
  no document carries is kept;
- ``{"agent": {"key": …, "kind_from_name": …, "other_kind_reported": …}}``, one per agent with either
  set (by ingest, :class:`~legation.records.models.Agent`), given to the agent once its documents are
  stored, so that the copy's ingests treat its kind as here.

Copied: documents, their texts, footnotes, sources, the authority records they use with their
curated names and merged keys, the archive lines above, and, per document, what its source last gave (so corrections made in the admin stay corrections there, and
re-ingest keeps them and reports conflicts as here). Not copied: admin accounts, sessions and the
source's change-log history (the target's log starts afresh with one entry per document); nor an
agent, place, collection or repository that no document names and no archive line holds. The
target must hold no documents.
"""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TextIO
from urllib.parse import urlencode

from legation.config import database_from_url, masked_url
from legation.errors import LegationError
from legation.printable import NUMBERED_MOST, numbered_first

BATCH = 500  # documents read, ingested and given their digests at a time
AUTHORITY = "authority"  # the key of an authority line
TYPE_SPELLING, SUBJECT, AGENT = "type_spelling", "subject", "agent"
ARCHIVE_LINES: dict[str, tuple[str, ...]] = {
    AUTHORITY: (),  # checked by legation.records.authorities.checked_rows
    TYPE_SPELLING: ("key", "spelling"),
    SUBJECT: ("name", "name_in_sources"),
    AGENT: ("key", "kind_from_name", "other_kind_reported"),
}
"""The archive lines' keys (see above), in the order a copy file gives them, each with its row's fields."""
SHOWN_LINES = {
    AUTHORITY: ("curated authority record", "curated authority records"),
    TYPE_SPELLING: ("type spelling a curator chose", "type spellings curators chose"),
    SUBJECT: ("subject with its name in sources", "subjects with their names in sources"),
    AGENT: ("agent's kind as ingest read it", "agents' kinds as ingest read them"),
}
"""What the copy's report calls each archive line, one and several."""


@dataclass(frozen=True)
class CopyReport:
    """What a copy copied: ``documents``, ``lines`` the archive lines by their key (:data:`ARCHIVE_LINES`),
    and ``export_bytes`` the size of the copy file both stores wrote."""

    documents: int
    export_bytes: int
    lines: dict[str, int] = field(default_factory=dict)

    def said(self) -> str:
        """``"54 documents, 2 curated authority records and 12 subjects with their names in sources"``."""
        from legation.printable import documents, in_words

        return in_words([documents(self.documents)] + [f"{n:,} {SHOWN_LINES[key][n != 1]}" for key, n in self.lines.items() if n])


class CopyInterrupted(LegationError):
    """A copy stopped by SIGINT or SIGTERM (``signal``, its number), saying what it left where: it
    ended with no word, and a kill left its scratch folder (37 MB for the demo) behind (a fresh user)."""

    def __init__(self, signal: int, message: str) -> None:
        super().__init__(message)
        self.signal = signal


def _interrupted(stage: str, target: str, name: str) -> str:
    """What an interrupted copy left, by the ``stage`` it was at: reading, storing or verifying."""
    if stage == "reading":
        return f"interrupted ({name}) while reading this archive: nothing was copied to {target}. Run copy-archive again."
    if stage == "storing":
        return (
            f"interrupted ({name}) while storing the copy in {target}, whose one transaction was rolled back: nothing "
            f"is written there unless it had just committed. Run copy-archive again; should it say the target already "
            f"holds documents, empty that database first."
        )
    return (
        f"interrupted ({name}) while verifying the copy in {target}: it is stored there but not verified. Empty that "
        f"database and run copy-archive again, or compare `legation export` of both archives yourself."
    )


def archive_rows() -> Iterator[tuple[str, dict]]:
    """This database's archive lines (see above) as ``(key of :data:`ARCHIVE_LINES`, row)``, in that
    order, each kind's rows sorted by code point (SQLite's and PostgreSQL's collations order text
    differently, and the copy's verification compares the two stores' lines byte for byte)."""
    from legation.records.authorities import authority_rows
    from legation.records.models import Agent, Subject, TypeSpelling

    for row in authority_rows():
        yield AUTHORITY, row
    for key, spelling in sorted(TypeSpelling.objects.values_list("key", "spelling")):
        yield TYPE_SPELLING, {"key": key, "spelling": spelling}
    for name, in_sources in sorted(Subject.objects.values_list("name", "name_in_sources")):
        yield SUBJECT, {"name": name, "name_in_sources": in_sources}
    marked = Agent.objects.exclude(kind_from_name=False, other_kind_reported="").values_list("key", "kind_from_name", "other_kind_reported")
    for key, from_name, reported in sorted(marked):
        yield AGENT, {"key": key, "kind_from_name": from_name, "other_kind_reported": reported}


def write_copy(handle: TextIO, lines: dict[str, int] | None = None) -> int:
    """Write this database's copy lines (see above) to a text handle: its archive lines
    (:func:`archive_rows`), then its documents, ordered by identifier as ``legation export`` orders
    them. Returns the number of documents written; ``lines``, when given, gets the number of archive
    lines written of each key of :data:`ARCHIVE_LINES`.

    Each line is checked as the target will check it, so that what it refuses is named here: a
    document against the data model (:meth:`~legation.records.document_record.DocumentRecord.validate`),
    an authority record for characters no store keeps. An archive stored by an older Legation
    can hold what is refused since, such as a NUL in a text, which SQLite keeps and PostgreSQL
    refuses ("DataError: PostgreSQL text fields cannot contain NUL (0x00) bytes", naming nothing).
    Raises :class:`LegationError` naming the document (or authority record), the field, the
    character and where it stands, and saying where to correct it: every such value of the
    archive at once (:func:`_cannot_be_copied`), after reading it all; and each value of an SQLite archive that is no
    UTF-8 text (:func:`legation.records.undecodable.undecodable_values`), which SQLite keeps as written and Python cannot read."""
    from django.db import OperationalError

    from legation.records.undecodable import undecodable_values

    try:
        return _write_copy(handle, {} if lines is None else lines)
    except OperationalError as exc:  # SQLite: text another program wrote in bytes that are no UTF-8 ("Could not decode …")
        if not (problems := undecodable_values(exc)):
            raise
        raise LegationError(_cannot_be_copied([f"{row} cannot be copied: {problem}, which no store keeps and the admin cannot show. {remedy}" + AGAIN for row, problem, remedy in problems])) from None


def _write_copy(handle: TextIO, counts: dict[str, int]) -> int:
    """:func:`write_copy`'s work, ``counts`` its ``lines``."""
    from dataclasses import replace

    from legation.records.chunks import chunks
    from legation.records.document_record import RecordError
    from legation.records.models import Document
    from legation.records.serialize import load_records

    counts.update(dict.fromkeys(ARCHIVE_LINES, 0))
    problems: list[str] = []  # every value no store keeps, named at once: one a run had the archivist run it once for each
    for key, row in archive_rows():
        if problem := _unstorable_authority(row) if key == AUTHORITY else _unstorable_row(key, row):
            problems.append(problem)
            continue
        handle.write(json.dumps({key: row}, ensure_ascii=False, separators=(",", ":")) + "\n")
        counts[key] += 1
    count = 0
    identifiers = list(Document.objects.order_by("identifier").values_list("identifier", flat=True))
    for chunk in chunks(identifiers, BATCH):
        last = {i: (d, o) for i, d, o in Document.objects.filter(identifier__in=chunk).values_list("identifier", "ingested", "ingested_from")}
        for record in load_records(chunk):
            try:
                replace(record).validate()  # a shallow copy: validate() may fill in the date bounds
            except RecordError as exc:
                problem = str(exc).removeprefix(f"{record.identifier}: ")
                problems.append(
                    f"Document {record.identifier} cannot be copied: {problem}. Correct it in the admin "
                    f"(/admin/records/document/?{urlencode({'q': record.identifier})}), or correct its source and ingest it again"
                    + AGAIN
                )
                continue
            remembered, origin = last[record.identifier]
            line = {**record.to_dict(), "ingested": dict(sorted(remembered.items())) if isinstance(remembered, dict) else remembered, "ingested_from": origin}
            handle.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
    if problems:
        raise LegationError(_cannot_be_copied(problems))
    return count


AGAIN = ", then run copy-archive again."  # how each value no store keeps is told to be corrected
PROBLEMS_SHOWN = NUMBERED_MOST  # values no store keeps named in the message; the rest counted


def _cannot_be_copied(problems: list[str]) -> str:
    """The message of :func:`write_copy` for ``problems`` (each ending :data:`AGAIN`): the one, or
    the first :data:`PROBLEMS_SHOWN` of several numbered, the rest counted (:func:`~legation.printable.numbered_first`),
    said to be corrected all before copy-archive is run again."""
    if len(problems) == 1:
        return problems[0]
    shown = numbered_first([p.removesuffix(AGAIN) for p in problems], PROBLEMS_SHOWN)
    return f"{len(problems):,} records hold values no store can keep; correct each, then run copy-archive again: {shown}"


def _unstorable_authority(row: dict) -> str:
    """Why the authority line ``row`` (:func:`legation.records.authorities.authority_rows`) cannot
    be stored (:func:`legation.records.document_record.unstorable`), and where to correct it; ``""``
    when it can."""
    from legation.records.document_record import unstorable

    for field in ("key", "name", "names", "same_as"):
        values = row.get(field) or []
        for value in [values] if isinstance(values, str) else values:
            if problem := unstorable({"names": "a further name", "same_as": "a merged key"}.get(field, field), value):
                if row["kind"] == "place":
                    what, where = f"The place {row['name']!r}", f"/admin/records/place/?{urlencode({'q': row['name']})}"
                else:
                    what, where = f"The {row['kind']} {row['key']}", f"/admin/records/agent/?{urlencode({'q': row['key']})}"
                return (
                    f"{what} cannot be copied: {problem}; no store can keep it. Correct it in the admin ({where})" + AGAIN
                )
    return ""


def _unstorable_row(key: str, row: dict) -> str:
    """Why the archive line ``row`` of a type spelling or subject cannot be stored (:func:`_archive_row`),
    and where to correct it; ``""`` when it can."""
    from legation.records.document_record import RecordError

    try:
        _archive_row(key, row)
    except RecordError as exc:
        name = row.get("spelling") or row.get("name") or row.get("key")
        where = f"/admin/records/{key.replace('_', '')}/?{urlencode({'q': name})}"
        return f"The {key.replace('_', ' ')} {name!r} cannot be copied: {exc}; no store can keep it. Correct it in the admin ({where})" + AGAIN
    return ""


def _archive_row(key: str, row: object) -> dict:
    """``row`` of an archive line of ``key`` (:data:`ARCHIVE_LINES`) when it has that line's fields, each
    of its type (an authority line's row is checked by :func:`legation.records.authorities.checked_rows`).
    Raises :class:`~legation.records.document_record.RecordError` saying what the line should be."""
    from legation.records.document_record import RecordError, unstorable

    fields = ARCHIVE_LINES[key]
    if key == AUTHORITY:
        return row  # type: ignore[return-value]
    if not isinstance(row, dict) or sorted(row) != sorted(fields):
        raise RecordError(f"a {key!r} line must hold an object of {', '.join(json.dumps(f) for f in fields)}")
    for name, value in row.items():
        if not isinstance(value, bool if name == "kind_from_name" else str):
            raise RecordError(f"{key}.{name} must be {'true or false' if name == 'kind_from_name' else 'a string'}")
        if isinstance(value, str) and (problem := unstorable(f"{key}.{name}", value)):
            raise RecordError(problem)
    return row


def _read_copy(path: Path, archive: dict[str, list[tuple[int, object]]]) -> Iterator[tuple[int, object, tuple[dict | None, str]]]:
    """``(line number, record, (digests, file last ingested from))`` per document line of a copy file; the archive lines
    (first in the file, :data:`ARCHIVE_LINES`) are appended to ``archive[key]`` as ``(line number, row)`` before the
    first document is yielded. LegationError for a line that is not a copy line."""
    from legation.records.document_record import DocumentRecord, RecordError

    documents = False
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                data = json.loads(line)
                if isinstance(data, dict) and len(data) == 1 and (key := next(iter(data))) in ARCHIVE_LINES:
                    if documents:
                        raise RecordError(f"an archive line ({key!r}) after the documents; the archive lines ({', '.join(map(repr, ARCHIVE_LINES))}) come first")
                    archive.setdefault(key, []).append((number, _archive_row(key, data[key])))
                    continue
                documents = True
                if not isinstance(data, dict) or "ingested" not in data:
                    raise RecordError("not a copy line (no \"ingested\")")
                digests = data.pop("ingested")
                if digests is not None and not isinstance(digests, dict):
                    raise RecordError("\"ingested\" must be an object or null")
                origin = data.pop("ingested_from", "")
                if not isinstance(origin, str):
                    raise RecordError("\"ingested_from\" must be a string: the path of the file the document last came from, or \"\"")
                yield number, DocumentRecord.from_dict(data), (digests, origin)
            except (ValueError, RecordError) as exc:
                raise LegationError(f"{path}, line {number}: {exc}") from exc


def store_copy(path: Path) -> int:
    """Store the copy lines of ``path`` in this (empty) database, each document with the digests
    the file gives it, all in one transaction (see above). Returns the number of documents.
    Raises LegationError, having written nothing, when the database holds documents or anything
    fails. (The ingest service runs inside this outer transaction: its per-batch transactions
    become savepoints.)"""
    from django.db import transaction

    from legation.errors import IngestError
    from legation.ingest.curation import remember, remember_origins
    from legation.ingest.service import IngestReport, ingest_records
    from legation.records.authorities import checked_rows, load_rows
    from legation.records.models import Document

    report = IngestReport()
    count = 0
    with transaction.atomic():
        if Document.objects.exists():
            raise LegationError("already holds documents; copy into an empty database (create a new one, or empty it first)")
        archive: dict[str, list[tuple[int, object]]] = {}
        lines = _read_copy(path, archive)
        first = list(islice(lines, BATCH))  # reads the archive lines, which come first
        try:
            load_rows(checked_rows(archive.get(AUTHORITY, []), str(path)), str(path))
        except IngestError as exc:
            raise LegationError(str(exc)) from exc
        _store_before(archive, path)
        while batch := first or list(islice(lines, BATCH)):
            first = []
            ingest_records((record for _, record, _ in batch), batch_size=BATCH, report=report)
            if report.failed:
                raise LegationError(f"{path}: {report.failed[0].where}: {report.failed[0].reason}")
            digests = {record.identifier: remembered for _, record, (remembered, _) in batch}
            origins = {record.identifier: origin for _, record, (_, origin) in batch}
            pks = dict(Document.objects.filter(identifier__in=list(digests)).values_list("identifier", "pk"))
            if len(pks) != len(digests):
                missing = sorted(set(digests) - set(pks))
                raise LegationError(f"{path}: {missing[0]} was not stored (an identifier given twice?)")
            remember({pks[i]: d for i, d in digests.items() if d is not None})
            remember_origins({pks[i]: o for i, o in origins.items() if o})
            Document.objects.filter(pk__in=[pks[i] for i, d in digests.items() if d is None]).update(ingested=None)  # SQL NULL
            count += len(batch)
        _mark_agents(archive.get(AGENT, []), path)
    return count


def _store_before(archive: dict[str, list[tuple[int, object]]], path: Path) -> None:
    """Store the type spellings and subjects of a copy's archive lines, before its documents: their
    ingest then finds a curator's spelling and subjects' names in sources as the archive copied had
    them. Raises LegationError naming the line of a value given twice."""
    from legation.records.models import Subject, TypeSpelling

    for key, model, unique in ((TYPE_SPELLING, TypeSpelling, "key"), (SUBJECT, Subject, "name")):
        seen: dict[str, int] = {}
        for number, row in archive.get(key, []):
            if (before := seen.setdefault(row[unique], number)) != number:
                raise LegationError(f"{path}, line {number}: the {key} {row[unique]!r} again (line {before}); each is given once")
        model.objects.bulk_create([model(**row) for _, row in archive.get(key, [])])


def _mark_agents(rows: list[tuple[int, object]], path: Path) -> None:
    """Give the agents of a copy's ``"agent"`` lines what ingest remembered of their kinds, once their
    documents are stored. Raises LegationError naming the line of an agent no document or authority line made."""
    from legation.records.chunks import chunks
    from legation.records.models import Agent

    lines = {row["key"]: number for number, row in rows}
    if missing := sorted(set(lines) - {k for chunk in chunks(sorted(lines)) for k in Agent.objects.filter(key__in=chunk).values_list("key", flat=True)}, key=lines.get):
        raise LegationError(f"{path}, line {lines[missing[0]]}: no document nor authority line names the agent {missing[0]!r}")
    marks: dict[tuple[bool, str], list[str]] = {}
    for _, row in rows:
        marks.setdefault((row["kind_from_name"], row["other_kind_reported"]), []).append(row["key"])
    for (from_name, reported), keys in marks.items():  # a query for each kind of mark, not for each agent
        for chunk in chunks(keys):
            Agent.objects.filter(key__in=chunk).update(kind_from_name=from_name, other_kind_reported=reported)


def _target_env(to_url: str, work: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "legation.settings",
        "LEGATION_DATABASE_URL": to_url,
        "LEGATION_DATA_DIR": str(work / "target"),
        "LEGATION_INDEX_DIR": str(work / "target-index"),
    }


def _run(env: dict[str, str], *args: str) -> str:
    """Run ``legation ARGS`` for the target; returns "" or the reason it failed (its error message,
    or its last line of output), the target's address named as the user gave it (``--to``), not
    as the variable the child process reads it from."""
    result = subprocess.run([sys.executable, "-m", "legation", *args], env=env, capture_output=True, text=True, check=False)
    if result.returncode == 0:
        return ""
    text = result.stderr.strip() or result.stdout.strip()
    at = text.rfind("error:")
    reason = " ".join(text[at + len("error:"):].split()) if at >= 0 else (text.splitlines() or [f"exit status {result.returncode}"])[-1]
    return reason.replace("LEGATION_DATABASE_URL", "the --to address")


def copy_archive(to_url: str) -> CopyReport:
    """Copy this archive (Django's default database) to ``to_url`` and verify it (see above).
    Raises LegationError with what to do when the URL is unusable, the target is not empty, the
    copy could not be stored (nothing is then written) or the target's copy lines differ."""
    from django.db import connection

    if not to_url.strip():  # empty, database_from_url means "the archive folder's SQLite file": here the copy's scratch folder
        raise LegationError("--to is empty; give the target's address: postgresql://user:password@host:port/name, or sqlite:///path/to/file.sqlite3")
    try:
        target = database_from_url(to_url, Path("."))
    except ValueError as exc:
        raise LegationError(str(exc).replace("LEGATION_DATABASE_URL", "--to").replace(" or leave it empty for SQLite", " or sqlite:///path")) from exc
    source = connection.settings_dict
    if target["ENGINE"] == source["ENGINE"] and str(target["NAME"]) == str(source["NAME"]) and target.get("HOST") == source.get("HOST") and target.get("PORT") == source.get("PORT"):
        raise LegationError("--to names the archive's own database; give another one.")

    from legation.interrupts import Interrupted, interruptible

    stage = "reading"
    try:
        # SIGTERM as Ctrl-C: said, and the scratch folder removed; a child running is killed by
        # subprocess.run, rolling its transaction back
        with interruptible(), tempfile.TemporaryDirectory(prefix="legation-copy-") as folder:
            work = Path(folder)
            env = _target_env(to_url, work)
            copied = work / "source.copy.jsonl"
            lines: dict[str, int] = {}
            with copied.open("w", encoding="utf-8") as handle:
                try:
                    count = write_copy(handle, lines)
                except LegationError as exc:
                    raise LegationError(f"Nothing was copied to {masked_url(to_url)}. {exc}") from exc
            stage = "storing"
            if failure := _run(env, "copy-archive-store", str(copied)):
                if "already holds documents" in failure:
                    raise LegationError(f"The target {masked_url(to_url)} {failure}")
                raise LegationError(
                    f"Copying into {masked_url(to_url)} failed, and nothing was written there (the documents and what each "
                    f"last ingested are stored in one transaction): {failure}. Fix that and run copy-archive again."
                )
            stage = "verifying"
            after = work / "target.copy.jsonl"
            if failure := _run(env, "copy-archive-export", str(after)):
                raise LegationError(f"The copy in {masked_url(to_url)} could not be read back to verify it: {failure}")
            if not filecmp.cmp(copied, after, shallow=False):
                raise LegationError(
                    f"The copy in {masked_url(to_url)} differs from this archive (its documents or what each last ingested); "
                    "it is left there for inspection: empty that database before copying again."
                )
            return CopyReport(documents=count, export_bytes=copied.stat().st_size, lines=lines)
    except Interrupted as exc:
        raise CopyInterrupted(exc.signal, _interrupted(stage, masked_url(to_url), str(exc))) from None

