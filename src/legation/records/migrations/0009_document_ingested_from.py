"""Each document remembers the name of the file it was last ingested from, so that an ingest
replacing it from a file of another name (another fonds that reuses its identifier) is reported
instead of passing as a plain update. Documents stored before are empty ("not known"); their next
ingest fills it in."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("records", "0008_open_date_bounds")]

    operations = [
        migrations.AddField(
            model_name="document",
            name="ingested_from",
            field=models.CharField(
                "last ingested from",
                max_length=255,
                blank=True,
                default="",
                editable=False,
                help_text="The name of the file the document's values last came from (its name only, not its folder): "
                "an ingest that changes the document from a file of another name says so. Empty: not known "
                "(created here, or stored before Legation remembered it).",
            ),
            preserve_default=False,
        ),
    ]
