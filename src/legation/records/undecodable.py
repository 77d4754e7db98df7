"""Text an SQLite archive holds in bytes that are no UTF-8, found and named.

SQLite stores text as the program writing it gives it, unchecked: a CSV import in Windows-1252 or a hand
edit with the ``sqlite3`` shell can leave bytes that are no UTF-8 in a text column, and Python's driver
then cannot read the row ("OperationalError: Could not decode to UTF-8 column 'summary' with text
'AB\ufffd\ufffd'", naming no row). Neither the admin nor an ingest can correct such a value, as both read it
first; :func:`undecodable_values` names each, for the command that met one (``copy-archive``,
``export``) to refuse with what to do.
"""

from __future__ import annotations


def is_undecodable(error: Exception) -> bool:
    """Whether ``error`` is the SQLite driver's failure to read a text value that is no UTF-8
    ("Could not decode to UTF-8 column …"): a fault of the stored data, which lasts until the value is
    corrected, not of the database's reach (both are Django's ``OperationalError``)."""
    from django.db import OperationalError

    return isinstance(error, OperationalError) and "decode to UTF-8" in str(error)


def undecodable_values(error: Exception) -> list[tuple[str, str, str]]:
    """``(row, problem, remedy)`` for each value of this SQLite database's records that is no UTF-8 text,
    when ``error`` is the driver's failure to decode one (else ``[]``): ``row`` names the table and the
    row's key, ``problem`` the column, the first byte that is no UTF-8 (1-based) and the bytes around it,
    ``remedy`` the ``sqlite3`` statement that replaces the value. Reads every text column of the records' tables as
    bytes (``CAST(… AS BLOB)``): run only once such an error was met."""
    from django.apps import apps
    from django.db import connection, models

    if not is_undecodable(error) or connection.vendor != "sqlite":
        return []
    found = []
    with connection.cursor() as cursor:
        for model in apps.get_app_config("records").get_models():
            table, key = model._meta.db_table, model._meta.pk.column
            for field in model._meta.concrete_fields:
                if not isinstance(field, (models.CharField, models.TextField)):
                    continue
                column = field.column
                cursor.execute(f'SELECT "{key}", CAST("{column}" AS BLOB) FROM "{table}" WHERE "{column}" IS NOT NULL')  # noqa: S608 - names from the models
                for pk, raw in cursor.fetchall():
                    try:
                        bytes(raw).decode("utf-8")
                    except UnicodeDecodeError as exc:
                        shown = bytes(raw)[max(exc.start - 20, 0) : exc.start + 20]
                        found.append((
                            f"The row {pk} of {table}",
                            f"its {column} is not UTF-8 text (byte {exc.start + 1}, 0x{raw[exc.start]:02X}, in {shown!r})",
                            f"Correct it with sqlite3 (UPDATE \"{table}\" SET \"{column}\" = '…' WHERE \"{key}\" = {pk};)",
                        ))
    return found
