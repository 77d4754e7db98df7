"""Authority records from a file: people, organizations and places with their variant names.

One JSON object per line (UTF-8)::

    {"kind": "person", "key": "person:chou-en-lai", "name": "Chou En-lai", "names": ["Zhou Enlai", "周恩来"]}
    {"kind": "place", "name": "Lüshun", "names": ["Port Arthur", "Ryojun", "旅顺"]}

    {"kind": "person", "key": "person:henry-a-kissinger", "name": "Henry A. Kissinger", "same_as": ["person:henry-kissinger"]}

An agent (person, organization) is matched by ``key``, a place by its ``name``; a record that
exists keeps its preferred name and gains the variants, one that does not is created. Search
treats every name of a record as the same (see :mod:`legation.search.variants`). Documents that
name a changed agent get a change-log row so their indexed names follow. A place stored under one
of a place line's other names (documents sent from "Peking", a line for "Beijing" listing it) is
merged into the line's place (:func:`legation.records.place_names.merge_place`), and later ingests
read that name as the line's place: one place, one value of the place facet.

``same_as`` (agents only) lists other keys of the same agent, when sources gave one person two
keys: each stored agent with such a key is merged into the line's agent
(:func:`legation.records.agent_keys.merge_agent`: its documents, names and keys move over, its
preferred name becomes a curated variant, its row is deleted, its documents are re-indexed), and
the key is remembered, so later ingests link documents that carry it to the line's agent, and
``legation export`` writes the line's key for them. A ``same_as`` key may not be the key of
another line, be listed by two lines, be of another kind than the line (``person:…`` for an
organization, or a stored agent of the other kind) or already be another key of a different
agent; a line's own key may not be a key merged before (write the key it was merged into), nor give a
stored agent another kind than it has (an agent's kind, like its preferred name, is changed in the admin).
A line whose key was merged before, without ``same_as``, gives its names to the agent it was merged into.

A file with bad lines loads nothing: :class:`AuthorityFileError` lists every bad line (not JSON,
not of the form above, a key not of :data:`KEYS` such as ``"variants"`` or ``"nmaes"``, refused
``same_as``), so one run shows them all.
"""

from __future__ import annotations

import difflib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from legation.errors import IngestError, json_line_failure, parse_json
from legation.printable import quoted, shortened, with_article
from legation.records.document_record import AUTHORITY_KEYS, AUTHORITY_KINDS, unstorable
from legation.records.agent_keys import merge_agent, merged_keys
from legation.records.chunks import chunks
from legation.records.models import Agent, AgentKey, AgentName, ChangeLogEntry, Document, DocumentAgent, Place, PlaceName, Repository, Subject
from legation.records.place_names import merge_place, preferred_places, remember_resolved
from legation.records.subject_names import curated

_EXAMPLE_KEYS = {"person": "person:zhou-enlai", "organization": "organization:national-security-council"}  # (a message's example)
KINDS = AUTHORITY_KINDS
KEYS = AUTHORITY_KEYS


@dataclass
class AuthorityReport:
    """What a load did: records created, records given new names, variant names added, and records
    merged into others (agents by ``same_as``, places stored under another place's name)."""

    created: int = 0
    extended: int = 0
    names_added: int = 0
    merged: int = 0
    documents_touched: list[str] = field(default_factory=list)


FORM = (
    f'{{"kind": one of {", ".join(KINDS)}, "key" (people and organizations), "name", "names": [...]}}, and for '
    'people and organizations optionally "same_as": [other keys of the same agent]'
)


class AuthorityFileError(IngestError):
    """An authority file (or copy) with bad lines, of which nothing was loaded. ``problems`` lists
    every bad line in line order, each an :class:`IngestError` whose ``location`` is "line N" and
    whose message says what is wrong and what to do (a line with several faults is listed for its
    first). ``location`` is the first bad line's, and the message is its message, the count of the
    others and "; nothing was loaded"."""

    def __init__(self, source: str, problems: list[IngestError]) -> None:
        self.problems = problems = sorted(problems, key=lambda p: int(p.location.removeprefix("line ")))
        first, others = problems[0], len(problems) - 1
        more = f" (and {others:,} more bad line{'s' if others > 1 else ''})" if others else ""
        super().__init__(source, f"{first.message}{more}; nothing was loaded", first.location)


def check_authority_file(path: Path) -> None:
    """Raise :class:`IngestError` saying what to give when ``path`` is no file; touches no database."""
    if not path.is_file():
        raise IngestError(str(path), "no such file; give the path of an authority file (JSON Lines, one person or place per line)")


def _parse(path: Path) -> tuple[list[tuple[int, dict]], list[IngestError]]:
    """The records of an authority file, ``(line number, record)``, and its bad lines (not UTF-8,
    not JSON, not of the form above, refused ``same_as``); lines are ended by a line feed (with or
    without a carriage return), as editors number them. Raises :class:`IngestError` when the file
    cannot be read."""
    from legation.ingest.encodings import wrong_encoding  # the one wording of every reader; ingest builds on records

    check_authority_file(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(str(path), f"cannot be read ({exc.strerror}); check that the file is readable") from exc
    rows: list[tuple[int, object]] = []
    problems: list[IngestError] = []
    for number, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8")
            if line.strip():
                rows.append((number, parse_json(line)))
        except UnicodeDecodeError as exc:
            problems.append(wrong_encoding(str(path), raw, exc.start, line=number))
        except json.JSONDecodeError as exc:
            problems.append(json_line_failure(str(path), exc, f"line {number}", "fix the line"))
    checked, problems = _checked(rows, str(path), problems)
    return checked, problems


def _shown(value: object) -> str:
    """A value as the file wrote it (JSON), cut at a word after 60 characters."""
    return shortened(json.dumps(value, ensure_ascii=False), 60)


def _row_problem(row: object) -> str | None:
    """What is wrong with one line's value as an authority record and what to do, or None."""
    if not isinstance(row, dict):
        return f"is a JSON {type(row).__name__ if row is not None else 'null'}, not an object; give {FORM}"
    if unknown := [k for k in row if k not in KEYS]:  # "variants", "nmaes": their names would be dropped unsaid
        close = [match for k in unknown for match in difflib.get_close_matches(k, KEYS, n=1)]
        meant = f" (did you mean {', '.join(json.dumps(m) for m in close)}?)" if close else ""
        return (
            f"unknown key{'s' if len(unknown) > 1 else ''} {', '.join(_shown(k) for k in unknown)}{meant}; "
            f'a line\'s keys are {", ".join(json.dumps(k) for k in KEYS)} (variant names go in "names")'
        )
    kind = row.get("kind")
    if kind not in KINDS:
        given = "is missing" if "kind" not in row else f"is {_shown(kind)}"
        return f'"kind" {given}; give one of {", ".join(KINDS)}'
    if "name" in row and not isinstance(row["name"], str):
        return f'"name" is {_shown(row["name"])}; give the preferred name as a string, e.g. "name": "Zhou Enlai"'
    if not isinstance(row.get("name"), str) or not row["name"].strip():
        return '"name" is missing or empty; give the preferred name'
    names = row.get("names", [])
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return f'"names" is {_shown(names)}; give a list of names, e.g. "names": ["Zhou Enlai", "周恩来"]'
    same_as = row.get("same_as", [])
    if kind == "place":
        if row.get("same_as", []) != []:
            return '"same_as" is for people and organizations; a place is matched by its name: list its other names in "names"'
        if "key" in row:
            return '"key" is for people and organizations; a place is matched by its name: leave the key out'
        return _unstorable(row)
    if "key" in row and row["key"] is not None and not isinstance(row["key"], str):  # "key": 5 was said missing
        return f'"key" is {_shown(row["key"])}; give the key as a string, e.g. "key": "{_EXAMPLE_KEYS[kind]}"'
    if not isinstance(row.get("key"), str) or not row["key"].strip():
        return f'"key" is missing or empty; {with_article(kind)} needs its key, e.g. "{_EXAMPLE_KEYS[kind]}"'
    if not isinstance(same_as, list) or not all(isinstance(k, str) and k.strip() for k in same_as):
        return f'"same_as" is {_shown(same_as)}; give a list of keys, e.g. "same_as": ["{kind}:chou-en-lai"]'
    if empty := next((k for k in [row["key"], *same_as] if k.strip().endswith(":") and k.strip()[:-1] in KINDS), None):
        return f'the key {empty!r} names no one: write the agent after its kind, e.g. "{_EXAMPLE_KEYS[kind]}"'
    return _unstorable(row)


LONGEST = {"name": (500, 300), "names": (500, 300), "key": (300, 0), "same_as": (300, 0)}
"""The most characters a line's values may have, (agent, place): what the record store keeps."""


def _unstorable(row: dict) -> str | None:
    """What a line's name, names or keys hold that no value may (:data:`UNSTORABLE_CHARACTERS`:
    NUL and other control characters, which PostgreSQL or an XML answer refuse), or a value longer
    than the store keeps (:data:`LONGEST`: SQLite stored a key of 8,000 characters, PostgreSQL
    refuses it), or None."""
    values = [("name", row["name"]), *(("names", n) for n in row.get("names", [])), ("key", row.get("key", "")), *(("same_as", k) for k in row.get("same_as", []))]
    problem = next((problem for name, value in values if (problem := unstorable(name, value))), "")
    if problem:
        return f"{problem}; remove it: no archive format (XML) nor store can keep it"
    for name, value in values:
        if len(value) > (limit := LONGEST[name][row["kind"] == "place"]):
            return f"{name} is {len(value):,} characters, more than the {limit:,} kept: {quoted(value)}; shorten it"
    return None


def checked_rows(rows: list[tuple[int, object]], source: str) -> list[tuple[int, dict]]:
    """``rows`` (line number, value read) when each is an authority record of the form above and
    their ``same_as`` keys agree. Otherwise raises :class:`AuthorityFileError` naming ``source``
    and listing every bad line."""
    checked, problems = _checked(rows, source, [])
    if problems:
        raise AuthorityFileError(source, problems)
    return checked


def _checked(
    rows: list[tuple[int, object]], source: str, problems: list[IngestError]
) -> tuple[list[tuple[int, dict]], list[IngestError]]:
    """The rows of the form above whose ``same_as`` keys agree, and ``problems`` with the other
    rows' added (``same_as`` keys are checked among the rows of the form above only)."""
    problems = list(problems)
    checked = []
    for number, row in rows:
        if (problem := _row_problem(row)) is None:
            checked.append((number, row))
        else:
            problems.append(IngestError(source, problem, f"line {number}"))
    refused = _same_as_problems(source, checked)
    bad = {problem.location for problem in refused}
    return [(n, row) for n, row in checked if f"line {n}" not in bad], problems + refused


def _same_as_problems(source: str, rows: list[tuple[int, dict]]) -> list[IngestError]:
    """The ``same_as`` keys that would make the file say two things at once (see above)."""
    lines = {row["key"]: number for number, row in rows if row["kind"] != "place"}
    claimed: dict[str, int] = {}
    problems = []
    for number, row in rows:
        for key in row.get("same_as", []):
            if key == row["key"]:
                problem = "lists the line's own key; remove it from same_as"
            elif key in lines:
                problem = (
                    f"is the key of line {lines[key]}; one agent, one line: move that line's names into this one "
                    "and delete it (chains of same_as are not followed)"
                )
            elif key in claimed:
                problem = f"is also in the same_as of line {claimed[key]}; a key can be merged into one agent only: keep it in one line"
            elif (kind := key.split(":", 1)[0]) in KINDS and kind != row["kind"]:
                problem = f"is a key of the kind {kind}, and this line is {with_article(row['kind'])}; list keys of the same kind only"
            else:
                claimed[key] = number
                continue
            problems.append(IngestError(source, f"same_as {key!r} {problem}", f"line {number}"))
    return problems


def _stored_problem(row: dict) -> str | None:
    """What the stored agents say against a line's keys (see above), or None."""
    merged = merged_keys([row["key"], *row.get("same_as", [])])
    if row["key"] in merged and row.get("same_as"):
        return (
            f"the line's key {row['key']!r} was merged into the agent {merged[row['key']]!r} before; "
            f"write {merged[row['key']]!r} as the line's key"
        )
    own = merged.get(row["key"], row["key"])
    held = Agent.objects.filter(key=own).values_list("kind", flat=True).first()
    if held is not None and held != row["kind"]:  # it was kept unsaid, the line's names given to the stored kind
        return (
            f"the agent {own!r} is {with_article(held)} in the archive, and this line gives {with_article(row['kind'])}; a line "
            f'does not change a stored agent\'s kind, as it does not rename it: write "kind": "{held}", or, if the line is right, '
            "change the agent's kind in the admin first"
        )
    for key in row.get("same_as", []):
        stored = Agent.objects.filter(key=key).values_list("kind", flat=True).first()
        if stored is not None and stored != row["kind"]:
            return f"same_as {key!r} is a stored {stored}, and this line is {with_article(row['kind'])}; list keys of the same kind only"
        if merged.get(key, row["key"]) != row["key"]:
            return (
                f"same_as {key!r} is already another key of the agent {merged[key]!r}; to make that agent "
                f"and this one one, list {merged[key]!r} in same_as instead"
            )
    return None


def load_authorities(path: Path) -> AuthorityReport:
    """Load a file of authority records in one transaction. Raises :class:`IngestError` when the
    file cannot be read, :class:`AuthorityFileError` listing every bad line (the file's form,
    its ``same_as`` keys, what is stored); then nothing is written."""
    rows, problems = _parse(path)
    return load_rows(rows, str(path), problems)


def load_rows(rows: list[tuple[int, dict]], source: str, problems: Sequence[IngestError] = ()) -> AuthorityReport:
    """Load authority records (``(line number, record)`` pairs from :func:`checked_rows`) in one
    transaction. Lines whose keys the stored agents contradict raise :class:`AuthorityFileError`
    naming ``source`` and every such line, together with ``problems`` (the bad lines found before
    loading, which are not in ``rows``), and then nothing is written."""
    report = AuthorityReport()
    touched: set[str] = set()
    place_names: set[str] = set()  # the place lines' other names
    problems = list(problems)
    with transaction.atomic():
        for number, row in rows:
            name = row["name"].strip()
            variants = [n.strip() for n in row.get("names", []) if n.strip() and n.strip() != name]
            if row["kind"] == "place":
                record, created = Place.objects.get_or_create(name=name)
                known = set(record.names.values_list("name", flat=True))
                new = [n for n in dict.fromkeys(variants) if n not in known]
                PlaceName.objects.bulk_create(PlaceName(place=record, name=n) for n in new)
                for old in Place.objects.filter(name__in=variants):  # stored under a name the line makes a variant
                    touched.update(merge_place(record, old))
                    report.merged += 1
                place_names.update(variants)
            else:
                if (problem := _stored_problem(row)) is not None:
                    problems.append(IngestError(source, problem, f"line {number}"))
                    continue
                key = merged_keys([row["key"]]).get(row["key"], row["key"])
                record, created = Agent.objects.get_or_create(key=key, defaults={"name": name, "kind": row["kind"]})
                for other in row.get("same_as", []):
                    AgentKey.objects.get_or_create(key=other, defaults={"agent": record})
                    if (old := Agent.objects.filter(key=other).first()) is not None:
                        touched.update(merge_agent(record, old))
                        report.merged += 1
                known = set(record.names.values_list("name", flat=True)) | {record.name}
                new = [n for n in dict.fromkeys([name, *variants]) if n not in known]
                AgentName.objects.bulk_create(AgentName(agent=record, name=n, from_authority=True) for n in new)
                # Names the documents already gave that the file confirms become curated too.
                record.names.filter(name__in=[name, *variants], from_authority=False).update(from_authority=True)
                if new:
                    touched.update(Document.objects.filter(agent_links__agent=record).values_list("identifier", flat=True))
            report.created += created
            report.extended += bool(new) and not created
            report.names_added += len(new)
        if problems:  # raised inside the transaction: it is rolled back
            raise AuthorityFileError(source, problems)
        remember_resolved(preferred_places(place_names))
        ChangeLogEntry.log_upserts(sorted(touched))
    # this process's table of name variants, read every few seconds, is read afresh at once: a
    # search here right after the load found Quemoy without its authority's name Kinmen
    from legation.search import variants

    variants.reset()
    report.documents_touched = sorted(touched)
    return report


@dataclass(frozen=True)
class Uses:
    """What some documents use, by primary key: the agents they link, the places they were sent from,
    their subjects and repositories (:func:`uses_of`)."""

    agents: frozenset[int] = frozenset()
    places: frozenset[int] = frozenset()
    subjects: frozenset[int] = frozenset()
    repositories: frozenset[int] = frozenset()


@dataclass
class Unheld:
    """The records :func:`drop_unheld` deleted: agents as ``(key, preferred name)``, places, subjects
    and repositories by name, each list sorted; what an ingest's report and the admin name."""

    agents: list[tuple[str, str]] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    repositories: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.agents or self.places or self.subjects or self.repositories)

    def add(self, other: Unheld) -> None:
        """Take in ``other``'s records (a later batch's or chunk's), each list kept sorted."""
        self.agents = sorted({*self.agents, *other.agents})
        for name in ("places", "subjects", "repositories"):
            setattr(self, name, sorted({*getattr(self, name), *getattr(other, name)}))

    def sentences(self) -> list[str]:
        """One phrase a record, agents first: ``the agent 'Chou En-lai' (person:chou-en-lai)``, ``the place
        'Peiping'``, ``the subject …``, ``the repository …``, for :func:`legation.printable.numbered_first`."""
        agents = [f"the agent {quoted(name)} ({key})" for key, name in self.agents]
        return [*agents, *(f"the {kind} {quoted(name)}" for kind, names in self._named() for name in names)]

    def counted(self) -> str:
        """How many of each kind: ``2 agents, 1 place``."""
        plural = {"agent": "agents", "place": "places", "subject": "subjects", "repository": "repositories"}
        kinds = [("agent", self.agents), *self._named()]
        return ", ".join(f"{len(items):,} {kind if len(items) == 1 else plural[kind]}" for kind, items in kinds if items)

    def as_json(self) -> dict:
        """``{"agents": [{"key": …, "name": …}, …], "places": […], "subjects": […], "repositories": […]}``."""
        return {"agents": [{"key": key, "name": name} for key, name in self.agents], "places": self.places, "subjects": self.subjects, "repositories": self.repositories}

    def _named(self) -> list[tuple[str, list[str]]]:
        return [("place", self.places), ("subject", self.subjects), ("repository", self.repositories)]


UNHELD = (
    "no document uses them any more and no authority file nor curator gave them anything to keep (an agent's curated "
    "name or other key, a place's other name, a subject's name given in the admin)"
)  # why drop_unheld deleted records, as the ingest's report and the admin say it


def uses_of(document_ids: Iterable[int]) -> Uses:
    """What the documents ``document_ids`` (primary keys) use as stored now: read it before their links
    are rewritten (a re-ingest) or deleted, for :func:`drop_unheld` after."""
    agents: set[int] = set()
    places: set[int] = set()
    subjects: set[int] = set()
    repositories: set[int] = set()
    for chunk in chunks(sorted(set(document_ids))):
        agents.update(DocumentAgent.objects.filter(document_id__in=chunk).values_list("agent_id", flat=True))
        places.update(Document.objects.filter(pk__in=chunk, place_sent__isnull=False).values_list("place_sent_id", flat=True))
        subjects.update(Document.subjects.through.objects.filter(document_id__in=chunk).values_list("subject_id", flat=True))
        repositories.update(Document.repositories.through.objects.filter(document_id__in=chunk).values_list("repository_id", flat=True))
    return Uses(frozenset(agents), frozenset(places), frozenset(subjects), frozenset(repositories))


def drop_unheld(uses: Uses) -> Unheld:
    """Delete those of the records ``uses`` names (:func:`uses_of`) that no document uses now and that hold
    nothing an authority file or a curator gave (:data:`UNHELD`), as a re-ingest or a deletion leaves them;
    call inside the transaction that rewrote or deleted the documents, after it did. Returns what it deleted.

    Held, and kept with documents or without: an agent with a curated name or another key (what
    :func:`authority_rows` writes, and ``legation copy-archive`` carries), a place with another name (the
    same), a subject a curator named (:func:`legation.records.subject_names.curated`: later ingests under its
    name in sources join it). Not held: what only a source gave, which the next ingest of a document giving
    it makes again as it was: an agent a table keyed whole by an earlier Legation
    (``JOHNSON, LYNDON B. (LYNDON BAINES), 1908-1973``, which a re-ingest links to ``person:lyndon-b-johnson``),
    a place, subject or repository only deleted documents used. Kept, such a record stayed in the admin's lists,
    which a curator takes for the archive's, an agent's surname among the archive's (which decide the names that
    find other people's documents: :func:`legation.search.indexer.archive_surnames`), and ``legation copy-archive``
    refused the archive ("no document nor authority line names the agent"). Collections are kept: the
    store does not tell a curator's title from a source's, and an ingest of the volume again keeps the stored one."""
    dropped = Unheld()
    for chunk in chunks(sorted(uses.agents)):
        held = AgentName.objects.filter(agent_id__in=chunk, from_authority=True).values("agent_id")
        merged = AgentKey.objects.filter(agent_id__in=chunk).values("agent_id")
        unheld = Agent.objects.filter(pk__in=chunk, document_links=None).exclude(pk__in=held).exclude(pk__in=merged)
        dropped.agents += unheld.values_list("key", "name")
        unheld.delete()
    for chunk in chunks(sorted(uses.places)):
        unheld = Place.objects.filter(pk__in=chunk, documents=None, names=None)
        dropped.places += unheld.values_list("name", flat=True)
        unheld.delete()
    for chunk in chunks(sorted(uses.subjects)):
        unheld = [s for s in Subject.objects.filter(pk__in=chunk, documents=None) if not curated(s)]
        dropped.subjects += [s.name for s in unheld]
        Subject.objects.filter(pk__in=[s.pk for s in unheld]).delete()
    for chunk in chunks(sorted(uses.repositories)):
        unheld = Repository.objects.filter(pk__in=chunk, documents=None)
        dropped.repositories += unheld.values_list("name", flat=True)
        unheld.delete()
    return Unheld(sorted(dropped.agents), sorted(dropped.places), sorted(dropped.subjects), sorted(dropped.repositories))


def authority_rows() -> Iterator[dict]:
    """The archive's curated authority data as authority-file records, what :func:`load_rows`
    turns back into the same data (``legation copy-archive`` carries it so): every agent with a
    curated name (``from_authority``) or another key (merged, ``same_as``), by key, with its
    preferred name, curated names and other keys sorted; then every place with further names, by
    name. Names that documents gave are not here: they travel with the documents."""
    # Sorted here, by code point: SQLite's and PostgreSQL's collations order text differently, and
    # the copy's verification compares the two stores' lines byte for byte.
    curated, keys = defaultdict(list), defaultdict(list)
    for agent_id, name in AgentName.objects.filter(from_authority=True).values_list("agent_id", "name"):
        curated[agent_id].append(name)
    for agent_id, key in AgentKey.objects.values_list("agent_id", "key"):
        keys[agent_id].append(key)
    agents = Agent.objects.values_list("pk", "kind", "key", "name")
    for pk, kind, key, name in sorted((a for a in agents if a[0] in curated or a[0] in keys), key=lambda a: a[2]):
        row = {"kind": kind, "key": key, "name": name, "names": sorted(n for n in curated[pk] if n != name)}
        if keys[pk]:
            row["same_as"] = sorted(keys[pk])
        yield row
    names = defaultdict(list)
    for place, name in PlaceName.objects.values_list("place__name", "name"):
        names[place].append(name)
    for place in sorted(names):
        yield {"kind": "place", "name": place, "names": sorted(names[place])}
