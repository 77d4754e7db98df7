"""Each document remembers the whole path of the file it was last ingested from, not its name
alone, so that two files of one name in two folders (``a/letters.csv``, ``b/letters.csv``) are two
sources, and one replacing the other's documents is reported. Paths outgrow 255 characters: a text
field. Names stored before stay as they are; a file of that name is taken for them
(legation.ingest.service.same_source), and their next ingest stores its path."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('records', '0009_document_ingested_from'),
    ]

    operations = [
        migrations.AlterField(
            model_name='document',
            name='ingested_from',
            field=models.TextField(blank=True, editable=False, help_text="The file the document's values last came from, its whole path (legation.ingest.service.source_name): an ingest that changes the document from another file says so. A name without a folder: stored by an earlier Legation, which remembered names only; a file of that name is taken for it. Empty: not known (created here, or stored before Legation remembered it).", verbose_name='last ingested from'),
        ),
    ]
