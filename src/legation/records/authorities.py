"""Authority records from a file: people, organizations and places with their variant names.

One JSON object per line (UTF-8)::

    {"kind": "person", "key": "person:chou-en-lai", "name": "Chou En-lai", "names": ["Zhou Enlai", "周恩来"]}
    {"kind": "place", "name": "Lüshun", "names": ["Port Arthur", "Ryojun", "旅顺"]}

An agent (person, organization) is matched by ``key``, a place by its ``name``; a record that
exists keeps its preferred name and gains the variants, one that does not is created. Search
treats every name of a record as the same (see :mod:`legation.search.variants`). Documents that
name a changed agent get a change-log row so their indexed names follow.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from legation.errors import IngestError
from legation.records.models import Agent, AgentName, ChangeLogEntry, Document, Place, PlaceName

KINDS = ("person", "organization", "place")


@dataclass
class AuthorityReport:
    """What a load did: records created, records given new names, and variant names added."""

    created: int = 0
    extended: int = 0
    names_added: int = 0
    documents_touched: list[str] = field(default_factory=list)


def _parse(path: Path) -> list[dict]:
    rows = []
    if not path.is_file():
        raise IngestError(str(path), "no such file; give the path of an authority file (JSON Lines, one person or place per line)")
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise IngestError(str(path), f"cannot be read as UTF-8 JSON Lines ({exc})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise IngestError(str(path), f"not valid JSON ({exc.msg}); fix the line", f"line {number}") from exc
        names = row.get("names", []) if isinstance(row, dict) else None
        if (
            not isinstance(row, dict)
            or row.get("kind") not in KINDS
            or not isinstance(row.get("name"), str)
            or not row["name"].strip()
            or not isinstance(names, list)
            or not all(isinstance(n, str) for n in names)
            or (row["kind"] != "place" and not row.get("key"))
        ):
            raise IngestError(
                str(path),
                f'give {{"kind": one of {KINDS}, "key" (people and organizations), "name", "names": [...]}}',
                f"line {number}",
            )
        rows.append(row)
    return rows


def load_authorities(path: Path) -> AuthorityReport:
    """Load a file of authority records in one transaction. Raises :class:`IngestError` naming
    the file and line of the first bad record; then nothing is written."""
    rows = _parse(path)
    report = AuthorityReport()
    touched: set[str] = set()
    with transaction.atomic():
        for row in rows:
            name = row["name"].strip()
            variants = [n.strip() for n in row.get("names", []) if n.strip() and n.strip() != name]
            if row["kind"] == "place":
                record, created = Place.objects.get_or_create(name=name)
                known = set(record.names.values_list("name", flat=True))
                new = [n for n in dict.fromkeys(variants) if n not in known]
                PlaceName.objects.bulk_create(PlaceName(place=record, name=n) for n in new)
            else:
                record, created = Agent.objects.get_or_create(key=row["key"], defaults={"name": name, "kind": row["kind"]})
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
        ChangeLogEntry.objects.bulk_create(
            ChangeLogEntry(document_identifier=i, operation="upsert") for i in sorted(touched)
        )
    report.documents_touched = sorted(touched)
    return report
