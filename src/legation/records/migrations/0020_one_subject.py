"""Subjects read alike but for case and accents are one (``legation.records.subject_names``): each
subject keeps its name and its name in sources folded, indexed, so that ingest finds the subject of a
spelling it reads; subjects an archive holds apart ("ARGENTINA" and "Argentina", from two FRUS
volumes) are merged, in this migration's transaction, their documents logged for the search index."""

from django.db import migrations

import legation.records.models
from legation.records.subject_names import Models, merge_all
from legation.search.analyzers import folded_name


def one_subject(apps, schema_editor) -> None:
    """Fill the folded names of every subject, then merge those that are one."""
    subject = apps.get_model("records", "Subject")
    rows = [
        subject(pk=pk, name_folded=folded_name(name), sources_folded=folded_name(sources))
        for pk, name, sources in subject.objects.values_list("pk", "name", "name_in_sources").iterator(chunk_size=10_000)
    ]
    subject.objects.bulk_update(rows, ["name_folded", "sources_folded"], batch_size=500)
    merge_all(Models(subject, apps.get_model("records", "Document"), apps.get_model("records", "ChangeLogEntry")))


class Migration(migrations.Migration):
    dependencies = [("records", "0019_typespelling")]

    operations = [
        migrations.AddField(
            model_name="subject",
            name="name_folded",
            field=legation.records.models.FoldedName(default="", max_length=3000),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="subject",
            name="sources_folded",
            field=legation.records.models.FoldedName(default="", max_length=3000, of="name_in_sources"),
            preserve_default=False,
        ),
        migrations.RunPython(one_subject, migrations.RunPython.noop),
    ]
