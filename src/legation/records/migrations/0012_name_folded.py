"""Agents, places and their other names each keep their name folded as autocomplete compares names
(``legation.search.analyzers.folded_name``: case, accents and typographic punctuation ignored),
indexed: "urgu" then completes "Ürgüplü" and "her majesty's" "Her Majesty’s Government", which the
case-insensitive ``LIKE`` missed, and a beginning typed is an index range rather than a read of
every name. Stored names are filled in here, in Python (the fold is the index's, which no database
function gives)."""

from django.db import migrations

import legation.records.models
from legation.search.analyzers import folded_name

MODELS = ("agent", "agentname", "place", "placename")


def fill(apps, schema_editor) -> None:
    """Set ``name_folded`` of every stored agent, place and other name."""
    for model_name in MODELS:
        model = apps.get_model("records", model_name)
        rows = [model(pk=pk, name_folded=folded_name(name)) for pk, name in model.objects.values_list("pk", "name").iterator(chunk_size=10_000)]
        model.objects.bulk_update(rows, ["name_folded"], batch_size=500)


def field(indexed: bool) -> legation.records.models.FoldedName:
    return legation.records.models.FoldedName(db_index=indexed, **({} if indexed else {"default": ""}))


class Migration(migrations.Migration):
    dependencies = [("records", "0011_document_identifier_folded")]

    operations = [
        *(migrations.AddField(model_name=m, name="name_folded", field=field(False), preserve_default=False) for m in MODELS),
        migrations.RunPython(fill, migrations.RunPython.noop),
        *(migrations.AlterField(model_name=m, name="name_folded", field=field(True)) for m in MODELS),
    ]
