"""Databases for `legation` processes that tests start (CLI commands, servers).

On SQLite (no ``LEGATION_DATABASE_URL``) each data folder holds its own database file, so a fresh
data folder is a fresh archive. On PostgreSQL the URL names one shared database, so
:func:`database_env` creates a fresh database per data folder with psycopg (``CREATE DATABASE``) and
hands its URL to the subprocess; :func:`drop_databases` (run after every test by an autouse fixture
in ``tests/conftest.py``) drops them again.
"""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

_created: dict[Path, str] = {}
_made: list[str] = []


def postgres_url() -> str:
    """The PostgreSQL URL the suite runs against, or "" on SQLite."""
    url = os.environ.get("LEGATION_DATABASE_URL", "")
    return url if urlsplit(url).scheme in ("postgres", "postgresql") else ""


def _admin_connect():
    import psycopg

    return psycopg.connect(postgres_url(), autocommit=True)


def new_database_url() -> str:
    """Create an empty PostgreSQL database on the suite's server (dropped after the test); returns its URL."""
    from psycopg import sql

    name = f"legation_t_{uuid.uuid4().hex[:16]}"
    with _admin_connect() as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    parts = urlsplit(postgres_url())
    url = urlunsplit(parts._replace(path=f"/{name}"))
    _made.append(url)  # dropped after the test
    return url


def database_env(data_dir: Path) -> dict[str, str]:
    """Environment for a `legation` subprocess using ``data_dir``: on PostgreSQL, the URL of a
    database of its own (the same one for every call with the same folder during a test)."""
    if not postgres_url():
        return {}
    key = Path(data_dir).resolve()
    if key not in _created:
        _created[key] = new_database_url()
    return {"LEGATION_DATABASE_URL": _created[key]}


def drop_databases() -> None:
    """Drop the databases made during the test (closing their remaining connections)."""
    _created.clear()
    if not _made:
        return
    import psycopg
    from psycopg import sql

    urls = list(_made)
    _made.clear()
    with _admin_connect() as conn:
        for url in urls:
            name = sql.Identifier(urlsplit(url).path.lstrip("/"))
            for _ in range(20):
                try:
                    # FORCE ends the servers' connections; ending a background worker (autovacuum)
                    # needs pg_signal_backend (.ci/with-postgres grants it), else it is retried.
                    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
                    break
                except psycopg.Error:
                    time.sleep(0.25)
            # Still there after 5 s: left in the throw-away test cluster, never a test failure.
