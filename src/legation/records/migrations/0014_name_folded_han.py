"""Names folded again for autocomplete now that the fold makes traditional Chinese characters
simplified (``legation.search.analyzers.simplified_han``): a stored name "毛澤東" kept the key
"毛澤東", which "毛泽东" typed no longer begins. Only the rows whose key changes are written."""

from django.db import migrations

from legation.search.analyzers import folded_name

MODELS = ("agent", "agentname", "place", "placename")


def refold(apps, schema_editor) -> None:
    """Set ``name_folded`` again where :func:`folded_name` now gives another key."""
    for model_name in MODELS:
        model = apps.get_model("records", model_name)
        rows = [
            model(pk=pk, name_folded=key)
            for pk, name, stored in model.objects.values_list("pk", "name", "name_folded").iterator(chunk_size=10_000)
            if (key := folded_name(name)) != stored
        ]
        model.objects.bulk_update(rows, ["name_folded"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("records", "0013_archiveidentity")]

    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
