"""`legation ingest --dry-run` creates and changes nothing; `legation ingest` on a folder with no
file to read says so, fails, and creates nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_cli import SEED, legation
from tests.databases import postgres_url


def flat(text: str) -> str:
    """``text`` without white space: the terminal wraps long lines where it likes."""
    return "".join(text.split())


def state(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every file below ``folder``: size, modification time and SHA-256."""
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.skipif(bool(postgres_url()), reason="on PostgreSQL the archive is a database, not a data folder")
def test_a_dry_run_with_no_archive_yet_makes_no_data_folder(tmp_path: Path):
    data = tmp_path / "archive"
    result = legation(data, "ingest", "--dry-run", str(SEED))
    assert result.returncode == 0, result.stderr
    assert "│    10 │       0 │         0 │      0 │" in result.stdout
    assert flat(f"No archive in {data / 'legation.sqlite3'} yet: checked against an empty one, so every document is new; nothing was created.") in flat(result.stderr)
    assert not data.exists()


def test_a_dry_run_changes_no_byte_of_an_archive(tmp_path: Path):
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    lines = SEED.read_text(encoding="utf-8").splitlines()
    changed = tmp_path / "changed.jsonl"
    changed.write_text("\n".join([lines[0].replace('"title": "', '"title": "Corrected '), *lines[1:]]) + "\n", encoding="utf-8")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "new.csv").write_text("identifier,title\nnew-1,A new cable\n", encoding="utf-8")
    before = state(data)
    result = legation(data, "ingest", "--dry-run", "--delete-missing", str(changed), str(tmp_path / "more"))
    assert result.returncode == 0, result.stderr
    assert "│     1 │       1 │         9 │      0 │" in result.stdout
    assert state(data) == before and "legation.sqlite3-wal" not in before  # the index, and the database when SQLite
    search = legation(data, "search", "Corrected", "--json")
    assert '"total": 0' in search.stdout


@pytest.mark.skipif(bool(postgres_url()), reason="makes an older archive by editing the SQLite file")
def test_a_dry_run_does_not_migrate_an_older_archive_but_says_what_to_run(tmp_path: Path):
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    with sqlite3.connect(data / "legation.sqlite3") as db:  # as if the last migration came with a newer Legation
        db.execute("DELETE FROM django_migrations WHERE id = (SELECT MAX(id) FROM django_migrations WHERE app = 'records')")
    db.close()
    before = state(data)
    result = legation(data, "ingest", "--dry-run", str(SEED))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert flat(
        f"error: the archive in {data / 'legation.sqlite3'} was made by an older Legation, and a dry run changes nothing; run "
        "`legation manage migrate` to bring it up to date (its documents are kept), then the dry run again"
    ) in flat(result.stderr)
    assert state(data) == before


@pytest.mark.parametrize("dry_run", [False, True])
def test_an_empty_folder_is_said_and_fails_creating_nothing(tmp_path: Path, dry_run: bool):
    folder = tmp_path / "delivery"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "HEAD.jsonl").write_text("{}\n", encoding="utf-8")
    data = tmp_path / "archive"
    result = legation(data, "ingest", *(["--dry-run"] if dry_run else []), str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert flat(
        f"error: nothing to ingest: {folder} holds no files (hidden files and folders are skipped); give the folder or "
        "files of the documents: Legation reads TEI (.xml, .xml.gz), Legation JSON Lines (.jsonl, .jsonl.gz), CSV "
        "(.csv, .csv.gz), Wilson Center Digital Archive JSON (.json) or PDF (.pdf)"
    ) == flat(result.stderr)
    assert not data.exists() and result.stdout == ""
    (folder / "box list.txt").write_text("Box 12", encoding="utf-8")
    unread = legation(data, "ingest", *(["--dry-run"] if dry_run else []), str(folder))
    assert unread.returncode == 1
    assert flat(f"nothing to ingest: {folder} holds no file Legation reads (1 not read);") in flat(unread.stderr)
    assert flat(f"{folder / 'box list.txt'}: not read: unknown format;") in flat(unread.stderr)
    assert not data.exists()


def test_a_file_named_twice_is_read_once(tmp_path: Path):
    folder = tmp_path / "delivery"
    folder.mkdir()
    (folder / "seed.jsonl").write_bytes(SEED.read_bytes())
    result = legation(tmp_path / "archive", "ingest", "--dry-run", str(folder / "seed.jsonl"), str(folder))
    assert result.returncode == 0, result.stdout
    assert "│    10 │       0 │         0 │      0 │" in result.stdout
    assert flat(f"note {folder / 'seed.jsonl'}: named twice (on its own and in its folder?); read once") in flat(result.stdout)
