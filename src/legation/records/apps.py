"""Django app of the archival data model."""

from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "legation.records"
    label = "records"
    verbose_name = "Archival records"
