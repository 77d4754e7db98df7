from django.db import migrations, models
from django.db.models import Q

TABLES = (".csv", ".csv.gz")  # the files read as CSV tables (legation.ingest.readers.CSV_SUFFIXES), whose names the kind is read from


def kinds_read_from_names(apps, schema_editor):
    """An agent stored before, keyed by its kind (``person:rat-von-leipzig``), all of whose
    documents came last from CSV tables, had its kind read from its name: it takes the kind a
    later ingest reads when that rule improves. Any other (a FRUS list's person, a TEI
    ``persName``, a JSON Lines file's ``"kind"``, one a document made in the admin names) is taken
    for one whose kind a source or a curator gave: a name read otherwise later is the agent all the
    same (Edward House stays the person a FRUS list names). No other kind is reported yet (an
    ingest giving one says so once)."""
    Agent = apps.get_model("records", "Agent")
    Document = apps.get_model("records", "Document")
    from_table = Q()
    for suffix in TABLES:
        from_table |= Q(ingested_from__iendswith=suffix)
    others = Document.objects.exclude(from_table)
    keyed = Agent.objects.filter(Q(key__startswith="person:") | Q(key__startswith="organization:"))
    keyed.filter(document_links__document__in=Document.objects.filter(from_table)).exclude(document_links__document__in=others).update(kind_from_name=True)


class Migration(migrations.Migration):

    dependencies = [
        ("records", "0017_subject_name_in_sources"),
    ]

    operations = [
        migrations.AddField(
            model_name="agent",
            name="kind_from_name",
            field=models.BooleanField(
                default=False,
                help_text="Set by ingest when no source stated the kind and it was read from the name (a table's, a title's): "
                "a later ingest reading the name as the other kind (its rule improved) gives the agent that kind. Unset: a source "
                "or a curator gave the kind, and a name read otherwise is this agent all the same.",
                verbose_name="kind read from its name",
            ),
        ),
        migrations.AddField(
            model_name="agent",
            name="other_kind_reported",
            field=models.CharField(
                blank=True,
                choices=[("person", "Person"), ("organization", "Organization")],
                default="",
                help_text="The other kind a source gave this agent, which an ingest reported once (set by ingest): an ingest "
                "reading it again keeps the kind above and says nothing more. Empty: none reported.",
                max_length=20,
                verbose_name="other kind reported",
            ),
        ),
        migrations.RunPython(kinds_read_from_names, migrations.RunPython.noop),
    ]
