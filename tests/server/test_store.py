"""The record store: SQLite by default, PostgreSQL when LEGATION_DATABASE_URL says so; the same
migrations on both. `.ci/run` runs the whole suite once on each."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from legation.config import SQLITE_BUSY_TIMEOUT_SECONDS, database_from_url
from tests.databases import database_env, postgres_url


def test_the_suite_runs_on_the_store_the_environment_names(db) -> None:
    expected = "postgresql" if postgres_url() else "sqlite"
    assert connection.vendor == expected


def test_database_urls_are_parsed_into_django_settings(tmp_path: Path) -> None:
    sqlite = database_from_url("", tmp_path)
    assert (sqlite["ENGINE"], sqlite["NAME"]) == ("django.db.backends.sqlite3", tmp_path / "legation.sqlite3")
    assert database_from_url("postgresql://arch%40ive:s%3Acret@db.example:6543/leg", tmp_path) == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "leg",
        "USER": "arch@ive",
        "PASSWORD": "s:cret",
        "HOST": "db.example",
        "PORT": "6543",
        "OPTIONS": {"connect_timeout": "10"},  # libpq waited for the system's TCP timeout: 2 min 12 s (a fresh user)
    }
    # libpq's connection parameters are given to it (?sslmode=require connected in plain text: a fresh user)
    options = database_from_url("postgresql://u@db.example/leg?sslmode=verify-full&sslrootcert=/etc/ca.pem&connect_timeout=3", tmp_path)["OPTIONS"]
    assert options == {"connect_timeout": "3", "sslmode": "verify-full", "sslrootcert": "/etc/ca.pem"}
    from legation.checks import _where  # as check names it: the port given as a parameter (it said 5432)

    assert _where(database_from_url("postgresql://u@db.example/leg?port=8250", tmp_path)) == "PostgreSQL database 'leg' on db.example:8250"
    with pytest.raises(ValueError, match="postgresql://"):
        database_from_url("mysql://x@y/z", tmp_path)
    assert database_from_url(f"sqlite://{tmp_path}/a%20b.sqlite3", tmp_path)["NAME"] == tmp_path / "a b.sqlite3"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        # Django's "settings.DATABASES is improperly configured … the NAME or OPTIONS['service'] value.", cut short
        ("postgresql://", "'postgresql://' names no database; write postgresql://user:password@host:port/name"),
        ("postgresql://u@db.example/", "names no database"),
        ("sqlite://", "'sqlite://' names no file; write sqlite:/// and the file's absolute path"),
        ("sqlite:///", "names no file"),
        ("sqlite://data/x.sqlite3", "reads 'data' as a host, which a SQLite address has not"),  # it wrote /x.sqlite3
        ("sqlite:///srv/x.sqlite3?mode=ro", "what follows the path (?mode=ro) is not read; leave it out"),  # it wrote the file
        # Python's bare words before (a fresh user), and the password said: now masked, and what to write;
        # a raw / cut the password, whose first part Python's message repeated (a fresh user)
        ("postgresql://u:secret@db.example:notaport/leg", "'postgresql://u:***@db.example:notaport/leg' cannot be read: its port is no number from 0 to 65535"),
        ("postgresql://u:secret@db.example:99999/leg", "cannot be read: its port is no number from 0 to 65535"),
        ("postgresql://u:se/cret@db.example/leg", "with / @ : # ? in the user name and password as %2F %40 %3A %23 %3F"),
        ("postgresql://app:Tr0ub4dor/3xyz@db.example/leg", "'postgresql://app:***@db.example/leg' cannot be read"),
        ("postgresql://u@[::1/leg", "its [IPv6 address] is not closed"),
        ("postgresql://u:secret@db.example/leg?sslmod=require", "'postgresql://u:***@db.example/leg?sslmod=require': invalid connection option \"sslmod\"; give only PostgreSQL's connection parameters"),
        ("postgresql://u@db.example/leg?sslmode=require&sslmode=disable", "gives sslmode more than once; give each parameter once"),
        # SQLAlchemy reads three slashes before a relative path: it wrote a 40 MB file in the root folder
        ("sqlite:///rel.sqlite3", "names /rel.sqlite3, a file in the root folder; write sqlite:/// and the file's absolute path"),
    ],
)
def test_an_address_naming_no_database_or_more_than_is_read_is_refused(tmp_path: Path, url, problem) -> None:
    with pytest.raises(ValueError) as refused:
        database_from_url(url, tmp_path)
    assert str(refused.value).startswith("LEGATION_DATABASE_URL ") and problem in str(refused.value)
    said = str(refused.value)
    assert not any(part in said for part in ("secret", "cret", "Tr0ub4dor", "3xyz"))  # no part of a password is ever said


def test_sqlite_archives_let_readers_in_while_a_writer_works_and_make_writers_wait(tmp_path: Path, django_db_blocker) -> None:
    """Write-ahead logging: a reader is not blocked by a writer holding the database, even
    exclusively (with a rollback journal it waited, then failed with "database is locked"); a
    transaction that reads and then writes waits for another writer to commit instead of failing."""
    from django.db import connections

    connections.settings["archive"] = connections.configure_settings({"default": database_from_url("", tmp_path)})["default"]
    writer = None
    try:
        with django_db_blocker.unblock(), connections["archive"].cursor() as cursor:
            cursor.execute("CREATE TABLE t (x INTEGER)")
            assert cursor.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            assert cursor.execute("PRAGMA busy_timeout").fetchone() == (SQLITE_BUSY_TIMEOUT_SECONDS * 1000,)
            writer = sqlite3.connect(tmp_path / "legation.sqlite3", isolation_level=None, check_same_thread=False)
            writer.execute("BEGIN EXCLUSIVE")
            writer.execute("INSERT INTO t VALUES (1)")
            started = time.monotonic()
            assert cursor.execute("SELECT count(*) FROM t").fetchone() == (0,)  # the last committed state, at once
            assert time.monotonic() - started < 1
            threading.Timer(0.5, writer.execute, ["COMMIT"]).start()
            with transaction.atomic(using="archive"):
                count = cursor.execute("SELECT count(*) FROM t").fetchone()[0]  # after the other commit
                cursor.execute("INSERT INTO t VALUES (%s)", [count + 1])
            assert cursor.execute("SELECT x FROM t ORDER BY x").fetchall() == [(1,), (2,)]
    finally:
        if writer is not None:
            writer.close()
        connections["archive"].close()
        del connections["archive"]
        del connections.settings["archive"]


def test_migrations_are_applied_and_match_the_models(db) -> None:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)  # exits non-zero when models changed
    assert "No changes detected" in out.getvalue()


def test_commands_migrate_only_a_database_that_lacks_a_migration(db) -> None:
    from django.db.migrations.recorder import MigrationRecorder

    from legation.cli import _migrate

    runs: list[int] = []
    _migrate(lambda: runs.append(1))
    assert runs == []  # up to date: nothing to run
    MigrationRecorder(connection).migration_qs.filter(app="records").order_by("-id")[0].delete()
    _migrate(lambda: runs.append(1))
    assert runs == [1]


def test_a_fresh_database_is_migrated_by_the_first_command(tmp_path: Path) -> None:
    """A `legation` process on an empty store (a new SQLite file, or a new PostgreSQL database)
    creates the schema; only SQLite leaves a file in the data folder."""
    env = {**os.environ, "LEGATION_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "legation.settings", **database_env(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "legation", "manage", "showmigrations", "records"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "[X] 0001_initial" in result.stdout and "[ ]" not in result.stdout
    assert (tmp_path / "legation.sqlite3").exists() == (not postgres_url())


def test_three_or_four_slashes_before_an_absolute_path_name_one_file(tmp_path: Path) -> None:
    # four (SQLAlchemy's absolute form) named "//tmp/…", shown so in messages
    three, four = (database_from_url(f"sqlite:{slashes}{str(tmp_path / 'a.sqlite3').lstrip('/')}", tmp_path) for slashes in ("///", "////"))
    assert str(three["NAME"]) == str(four["NAME"]) == str(tmp_path / "a.sqlite3")
