"""A curator's spelling of a document type is kept (``TypeSpelling``), so that no later ingest respells
the type back (``legation.records.document_types``)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("records", "0018_agent_kind_from_name")]

    operations = [
        migrations.CreateModel(
            name="TypeSpelling",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=300, unique=True)),
                ("spelling", models.CharField(max_length=100)),
            ],
            options={"ordering": ["key"]},
        ),
    ]
