"""What an archivist sees when identifiers clash across ingests, when two differ only in case, and
when a command that only reads is pointed at a folder holding no archive."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli.test_cli import legation
from tests.conftest import FIXTURES

CLASHES = FIXTURES / "clashes"


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_another_file_replacing_a_stored_document_is_said_on_the_screen_and_in_the_report(tmp_path: Path):
    data = tmp_path / "archive"
    for name in ("dup.csv", "other-source.csv"):
        shutil.copy(CLASHES / name, tmp_path / name)
    legation(data, "ingest", str(tmp_path / "dup.csv"))
    report_file = tmp_path / "report.json"
    result = legation(data, "ingest", "--report", str(report_file), str(tmp_path / "other-source.csv"))
    assert result.returncode == 0, result.stderr  # not refused: a corrected file may be renamed
    screen = one_line(result.stdout)
    assert "from another file" in screen
    assert (
        f"from another file {tmp_path / 'other-source.csv'}, line 2: dup-1 was last ingested from dup.csv; "
        "other-source.csv replaced it (4 fields changed: title, date_text, date_edtf, texts)"
    ) in screen
    assert "note 1 document came from another file than the one it was last ingested from" in screen
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report["counts"]["from_another_file"] == 1
    [entry] = report["from_another_file"]
    assert (entry["identifier"], entry["last_ingested_from"], entry["ingested_from"]) == ("dup-1", "dup.csv", "other-source.csv")

    again = legation(data, "ingest", str(tmp_path / "other-source.csv"))  # unchanged: silent
    assert "from another file" not in again.stdout and "note" not in again.stdout


def test_a_file_of_the_same_name_in_another_folder_is_another_file(tmp_path: Path):
    data = tmp_path / "archive"
    (tmp_path / "letters").mkdir()
    shutil.copy(CLASHES / "other-source.csv", tmp_path / "letters" / "other-source.csv")
    legation(data, "ingest", str(CLASHES / "other-source.csv"))
    corrected = tmp_path / "letters" / "other-source.csv"
    corrected.write_text(corrected.read_text(encoding="utf-8").replace("another fonds", "another fonds (corrected)"), encoding="utf-8")
    result = legation(data, "ingest", str(tmp_path / "letters"))
    assert result.returncode == 0 and "│     0 │       1 │" in result.stdout
    assert (
        f"dup-1 was last ingested from {(CLASHES / 'other-source.csv').resolve().as_posix()}; {corrected.as_posix()} "
        "replaced it (1 field changed: title)"
    ) in one_line(result.stdout)
    again = legation(data, "ingest", str(tmp_path / "letters" / ".." / "letters" / "other-source.csv"))  # the same file
    assert "│     0 │       0 │         1 │" in again.stdout and "from another file" not in again.stdout


def test_an_identifier_differing_from_another_only_in_case_is_refused_and_the_exact_one_searched_first(tmp_path: Path):
    data = tmp_path / "archive"
    result = legation(data, "ingest", str(CLASHES / "case.csv"))
    assert result.returncode == 1
    assert (
        f'failed {CLASHES / "case.csv"}, line 3: identifier "case-a" differs only in case from "case-A", given at line 2;'
    ) in one_line(result.stdout)
    for typed in ("case-A", "case-a", "CASE-A"):
        hits = json.loads(legation(data, "search", typed, "--json").stdout)["hits"]
        assert [h["identifier"] for h in hits] == ["case-A"], typed


def test_commands_that_only_read_refuse_a_folder_holding_no_archive_and_create_nothing(tmp_path: Path):
    from tests.databases import postgres_url

    missing = tmp_path / "new" / "folder"
    backup = tmp_path / "backup.jsonl"
    for args in (("export", "-o", str(backup)), ("export",), ("search", "Stalin"), ("search", "--json"), ("reindex",)):
        result = legation(missing, *args)
        assert result.returncode == 1, args
        said = one_line(result.stderr)
        assert "Traceback" not in result.stderr
        if postgres_url():  # the archive is the database: a new one has no tables
            assert "No archive in the database" in said and "LEGATION_DATABASE_URL" in said, said
        else:
            assert f"No archive in {missing} (no legation.sqlite3 there); nothing was read or created." in said, said
            assert "Set LEGATION_DATA_DIR to the folder of your archive" in said and "`legation ingest PATH`" in said
        assert result.stdout == ""
    assert not backup.exists()
    if not postgres_url():
        assert not missing.exists() and not (tmp_path / "new").exists()
        missing.mkdir(parents=True)  # a folder, but no archive in it: check says so, creating no database
        checked = legation(missing, "check")
        assert checked.returncode == 1 and f"There is no archive in {missing} (no legation.sqlite3 there)." in one_line(checked.stderr)
        assert list(missing.iterdir()) == []


def test_an_archive_that_exists_exports_and_searches_as_before(tmp_path: Path):
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(CLASHES / "other-source.csv")).returncode == 0
    backup = tmp_path / "backup.jsonl"
    exported = legation(data, "export", "-o", str(backup))
    assert exported.returncode == 0 and len(backup.read_text(encoding="utf-8").splitlines()) == 1
    assert json.loads(legation(data, "search", "fonds", "--json").stdout)["total"] == 1
