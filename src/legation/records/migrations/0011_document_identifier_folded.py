"""Each document keeps its identifier case-folded, indexed, so that finding a document whose
identifier differs in case (a mistyped address, an ingest refusing case twins) is an index look-up
rather than a read of the whole table: at 1,000,000 documents on SQLite, 0.2–0.5 s for an address
that matches nothing, and 3.7 s of CPU and 276 MB for every ingest. Stored documents are filled in
here: by the database's LOWER first (one statement), then, for the identifiers whose Unicode case
folding differs from that (non-ASCII letters: SQLite's LOWER folds ASCII only; ``ß`` folds to
``ss``), by Python's ``str.casefold``."""

from django.db import migrations, models
from django.db.models.functions import Lower


def fill(apps, schema_editor) -> None:
    """Set ``identifier_folded`` of every stored document (see the module's docstring)."""
    Document = apps.get_model("records", "Document")
    Document.objects.update(identifier_folded=Lower("identifier"))
    fix = [
        Document(pk=pk, identifier_folded=identifier.casefold())
        for pk, identifier, folded in Document.objects.values_list("pk", "identifier", "identifier_folded").iterator(chunk_size=10_000)
        if identifier.casefold() != folded
    ]
    Document.objects.bulk_update(fix, ["identifier_folded"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("records", "0010_document_ingested_from_path")]

    operations = [
        migrations.AddField(
            model_name="document",
            name="identifier_folded",
            field=models.CharField(
                "identifier, case-folded",
                max_length=600,
                default="",
                editable=False,
                help_text="The identifier as addresses and ingest compare it, ignoring case (folded_identifier): "
                "set on every save, indexed, so that neither reads the whole table to find an identifier in another case.",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="document",
            name="identifier_folded",
            field=models.CharField(
                "identifier, case-folded",
                max_length=600,
                db_index=True,
                editable=False,
                help_text="The identifier as addresses and ingest compare it, ignoring case (folded_identifier): "
                "set on every save, indexed, so that neither reads the whole table to find an identifier in another case.",
            ),
        ),
    ]
