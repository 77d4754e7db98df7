"""Each record store names itself by a random key (:class:`~legation.records.models.ArchiveIdentity`),
which its search index notes, so that an index of another archive is recognised and rebuilt. The
key is made here, for a new archive and for one made before."""

import uuid

from django.db import migrations, models


def make_key(apps, schema_editor) -> None:
    apps.get_model("records", "ArchiveIdentity").objects.create(key=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("records", "0012_name_folded")]

    operations = [
        migrations.CreateModel(
            name="ArchiveIdentity",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
            ],
            options={"verbose_name": "archive identity", "verbose_name_plural": "archive identity"},
        ),
        migrations.RunPython(make_key, migrations.RunPython.noop),
    ]
