"""The record store: SQLite by default, PostgreSQL when LEGATION_DATABASE_URL says so; the same
migrations on both. `.ci/run` runs the whole suite once on each."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from legation.config import database_from_url
from tests.databases import database_env, postgres_url


def test_the_suite_runs_on_the_store_the_environment_names(db) -> None:
    expected = "postgresql" if postgres_url() else "sqlite"
    assert connection.vendor == expected


def test_database_urls_are_parsed_into_django_settings(tmp_path: Path) -> None:
    assert database_from_url("", tmp_path) == {"ENGINE": "django.db.backends.sqlite3", "NAME": tmp_path / "legation.sqlite3"}
    assert database_from_url("postgresql://arch%40ive:s%3Acret@db.example:6543/leg", tmp_path) == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "leg",
        "USER": "arch@ive",
        "PASSWORD": "s:cret",
        "HOST": "db.example",
        "PORT": "6543",
    }
    with pytest.raises(ValueError, match="postgresql://"):
        database_from_url("mysql://x@y/z", tmp_path)


def test_migrations_are_applied_and_match_the_models(db) -> None:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)  # exits non-zero when models changed
    assert "No changes detected" in out.getvalue()


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
