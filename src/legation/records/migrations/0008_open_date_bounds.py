"""Stored first and last days of dates with an open or unknown end (``/1541-07-18``,
``1541-09-26/``, ``1547/..``, ``[..1547]``) become those of the known end, as
:func:`legation.records.dates.edtf_day_bounds` now gives them (see its module docstring), instead
of the edtf library's ten years. The remembered digest of the date (``ingested``) moves with them
when it was the stored date's, so the next ingest does not take the new days for a curator's
correction; each document changed gets a change-log entry, so every index follows."""

import hashlib

from django.db import migrations


def _digest(values: list[str]) -> str:  # legation.ingest.curation.field_digests, for one field
    digest = hashlib.blake2b(digest_size=8)
    for value in values:
        data = value.encode("utf-8", "surrogatepass")
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


def _days(document) -> list[str]:
    return [document.date_edtf, *(d.isoformat() if d else "" for d in (document.date_earliest, document.date_latest))]


def narrow_open_dates(apps, schema_editor):
    from legation.records.dates import edtf_day_bounds

    Document = apps.get_model("records", "Document")
    ChangeLogEntry = apps.get_model("records", "ChangeLogEntry")
    changed = []
    open_dates = Document.objects.filter(date_edtf__regex=r"(^/|/$|^\.\./|/\.\.$|^[\[{]\.\.|\.\.[\]}]$)")
    for document in open_dates.only("identifier", "date_edtf", "date_earliest", "date_latest", "ingested"):
        try:
            bounds = edtf_day_bounds(document.date_edtf) or (None, None)
        except Exception:  # a value the admin let in before: left as it is
            continue
        if bounds == (document.date_earliest, document.date_latest):
            continue
        before = _digest(_days(document))
        document.date_earliest, document.date_latest = bounds
        if document.ingested and document.ingested.get("date_edtf") == before:
            document.ingested = {**document.ingested, "date_edtf": _digest(_days(document))}
        document.save(update_fields=["date_earliest", "date_latest", "ingested"])
        changed.append(document.identifier)
    ChangeLogEntry.objects.bulk_create(ChangeLogEntry(document_identifier=i, operation="upsert") for i in changed)


class Migration(migrations.Migration):
    dependencies = [
        ("records", "0007_other_agent_keys"),
    ]

    operations = [
        migrations.RunPython(narrow_open_dates, migrations.RunPython.noop),
    ]
