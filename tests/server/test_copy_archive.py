"""`legation copy-archive --to URL`: SQLite to PostgreSQL and back (SQLite to SQLite without a
PostgreSQL URL), verified by comparing exports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES
from tests.databases import new_database_url, postgres_url

SEED = FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"
FRUS_SAMPLE = FIXTURES / "frus" / "frus1917-72PubDip.xml"


def legation(database_url: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "legation.settings",
        "LEGATION_DATA_DIR": str(data_dir),
        "LEGATION_DATABASE_URL": database_url,
    }
    return subprocess.run([sys.executable, "-m", "legation", *args], env=env, capture_output=True, text=True, timeout=300, check=False)


def test_copy_to_another_store_and_back_gives_the_same_archive(tmp_path: Path) -> None:
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    middle = new_database_url() if postgres_url() else f"sqlite:///{tmp_path / 'middle.sqlite3'}"
    back = f"sqlite:///{tmp_path / 'back.sqlite3'}"
    assert legation(source, tmp_path / "a", "ingest", str(SEED), str(FRUS_SAMPLE)).returncode == 0

    there = legation(source, tmp_path / "a", "copy-archive", "--to", middle)
    assert there.returncode == 0, there.stderr
    assert "Copied 54 documents" in there.stdout
    again = legation(middle, tmp_path / "b", "copy-archive", "--to", back)
    assert again.returncode == 0, again.stderr

    exports = []
    for url, folder in ((source, "a"), (middle, "b"), (back, "c")):
        out = tmp_path / f"{folder}.jsonl"
        assert legation(url, tmp_path / folder, "export", "-o", str(out)).returncode == 0
        exports.append(out.read_bytes())
    assert exports[0] == exports[1] == exports[2] and exports[0].count(b"\n") == 54

    # The copy reads back as an archive: it searches on its own after a reindex.
    assert "Indexed 54 documents." in legation(back, tmp_path / "c", "reindex").stdout

    refused = legation(source, tmp_path / "a", "copy-archive", "--to", back)
    assert refused.returncode == 1 and "already holds documents" in " ".join(refused.stderr.split())
    bad = legation(source, tmp_path / "a", "copy-archive", "--to", "mysql://x@y/z")
    assert bad.returncode == 1 and "--to has the scheme 'mysql'" in " ".join(bad.stderr.split())
