from django.db import migrations, models


def kinds_given(apps, schema_editor):
    """Each agent stored so far has the kind its sources gave, unless a curator changed it, which
    cannot be told now: its kind (an ingest giving another says so once, then no more)."""
    Agent = apps.get_model("records", "Agent")
    Agent.objects.update(kind_in_sources=models.F("kind"))


class Migration(migrations.Migration):

    dependencies = [
        ("records", "0017_subject_name_in_sources"),
    ]

    operations = [
        migrations.AddField(
            model_name="agent",
            name="kind_in_sources",
            field=models.CharField(
                blank=True,
                choices=[("person", "Person"), ("organization", "Organization")],
                default="",
                help_text="The kind the sources last gave this agent (set by ingest). An ingest reading another kind than the one "
                "above keeps the one above and says so once, until a source gives yet another. Empty: no source gave one yet.",
                max_length=20,
                verbose_name="kind in sources",
            ),
        ),
        migrations.RunPython(kinds_given, migrations.RunPython.noop),
    ]
