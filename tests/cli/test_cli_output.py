"""What the commands print is the data as written: square brackets in file names, reasons and
titles are text, not Rich markup (which would swallow ``[ocr]`` or ``[1]``)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import SEED, legation


def test_brackets_in_file_names_and_reasons_are_printed(tmp_path: Path):
    bad = tmp_path / "cables[1].jsonl"
    bad.write_text(SEED.read_text(encoding="utf-8").splitlines()[0] + "\n[oops]\n", encoding="utf-8")
    result = legation(tmp_path / "archive", "ingest", str(bad))
    assert result.returncode == 1
    assert "cables[1].jsonl, line 2" in result.stdout


def test_emoji_codes_in_file_names_and_values_are_printed_as_written(tmp_path: Path):
    # Rich drew "name:x:.csv" as "name❌.csv", and a value "root:x:0:0" as "root❌0:0"
    bad = tmp_path / "letters:x:.jsonl"
    bad.write_text(SEED.read_text(encoding="utf-8").splitlines()[0] + "\n:smile: root:x:0\n", encoding="utf-8")
    result = legation(tmp_path / "archive", "ingest", str(bad))
    assert result.returncode == 1 and "letters:x:.jsonl, line 2" in result.stdout and "❌" not in result.stdout + result.stderr


def test_empty_data_dir_variable_means_the_default_folder(tmp_path: Path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("LEGATION_", "DJANGO_"))}
    result = subprocess.run(
        [sys.executable, "-m", "legation", "search", "anything"],
        env={**env, "LEGATION_DATA_DIR": ""}, cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    # search only reads: it looks for the archive in ./var (not in the current folder) and, finding none there, creates nothing
    assert result.returncode == 1 and f"No archive in {(tmp_path / 'var').resolve()} (no legation.sqlite3 there)" in " ".join(result.stderr.split())
    assert not (tmp_path / "var").exists() and not (tmp_path / "legation.sqlite3").exists()


def test_unusable_settings_and_paths_give_one_line_not_a_traceback(tmp_path: Path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "LEGATION_DATA_DIR": str(tmp_path / "archive"), "DJANGO_SETTINGS_MODULE": "legation.settings"}
    bad_setting = subprocess.run(
        [sys.executable, "-m", "legation", "search", "x"], env={**env, "LEGATION_SEARCH_CACHE_SECONDS": "abc"},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert bad_setting.returncode == 1 and "Traceback" not in bad_setting.stderr
    assert "LEGATION_SEARCH_CACHE_SECONDS is 'abc'; give a whole number of seconds" in " ".join(bad_setting.stderr.split())
    nowhere = legation(tmp_path / "archive", "export", "-o", str(tmp_path / "no-such-folder" / "x.csv"))
    assert nowhere.returncode == 1 and "Traceback" not in nowhere.stderr and "give a file in an existing" in nowhere.stderr


def test_hidden_files_in_a_folder_are_skipped(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    lines = SEED.read_text(encoding="utf-8").splitlines()
    (folder / "seed.jsonl").write_text(lines[0] + "\n", encoding="utf-8")
    (folder / "._seed.jsonl").write_bytes(b"\x00\x05\x16\x07 resource fork")
    (folder / ".hidden.jsonl").write_text(lines[1] + "\n", encoding="utf-8")
    result = legation(tmp_path / "archive", "ingest", str(folder))
    assert result.returncode == 0, result.stdout
    assert "│     1 │       0 │         0 │      0 │" in result.stdout


def test_a_duplicate_identifier_names_both_files(tmp_path: Path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    line = SEED.read_text(encoding="utf-8").splitlines()[0]
    first.write_text(line + "\n", encoding="utf-8")
    second.write_text(line.replace('"title": "', '"title": "Other ') + "\n", encoding="utf-8")
    result = legation(tmp_path / "archive", "ingest", str(first), str(second))
    assert result.returncode == 1
    said = " ".join(result.stdout.split())
    assert f'failed {second}, line 1: identifier "seed-sino-soviet-01" already given in {first}, line 1 (that document was kept,' in said


def test_dates_excel_rewrote_are_kept_as_written_and_the_report_says_so(tmp_path: Path):
    sheet = tmp_path / "excel.csv"
    # 2/5/1950 is 5 February or 2 May: kept as written, flagged; 2/14/1950 can only be 14 February. x1's row starts on
    # line 3, after a title of two lines: its place was not given, "FILE: x1" (a fresh user)
    sheet.write_text(
        'identifier,title,date\nx0,"Cable to Rome,\nin two parts",1950-02-01\nx1,Cable to Moscow,2/5/1950\nx2,Cable to Peking,1950-02-14\n'
        "x3,Cable to Delhi,2/14/1950\n",
        encoding="utf-8",
    )
    report_file = tmp_path / "report.json"
    result = legation(tmp_path / "archive", "ingest", "--report", str(report_file), str(sheet))
    assert result.returncode == 0, result.stdout
    said = " ".join(result.stdout.split())
    why = "2/5/1950 may be 1950-05-02 or 1950-02-05: write the one meant as YYYY-MM-DD"
    assert f"dates Legation could not read: 1 (e.g. {sheet}, line 4: x1: '2/5/1950' ({why})); those documents are stored" in said
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report["unread_dates"] == [{"where": f"{sheet}, line 4: x1", "date_text": "2/5/1950", "reason": why}]
    exported = [json.loads(line) for line in legation(tmp_path / "archive", "export").stdout.splitlines()]
    assert [(d["identifier"], d["date_text"], d["date_edtf"]) for d in exported] == [
        ("x0", "1950-02-01", "1950-02-01"), ("x1", "2/5/1950", ""), ("x2", "1950-02-14", "1950-02-14"), ("x3", "2/14/1950", "1950-02-14"),
    ]


def test_the_export_help_names_every_csv_column(tmp_path: Path):
    """`legation export --help` lists the CSV columns by hand (the CLI does not import the writer
    to start up); every column of the writer must be there, so the two cannot drift apart."""
    from legation.ingest.readers.csv_export import COLUMNS

    shown = " ".join(legation(tmp_path / "archive", "export", "--help").stdout.replace("│", " ").split())
    assert [name for name, _ in COLUMNS if f"{name}," not in shown and f"{name} and" not in shown] == []


def test_a_binary_json_in_a_folder_fails_and_the_log_has_one_line_a_step(tmp_path: Path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "one.jsonl").write_text('{"identifier": "x1", "title": "A telegram"}\n', encoding="utf-8")
    (folder / "README.md").write_text("# Box list", encoding="utf-8")
    result = legation(tmp_path / "archive", "ingest", str(folder))
    assert result.returncode == 0, result.stderr
    last = result.stderr.strip().splitlines()[-1]  # no terminal: the progress line is not wrapped at 80 columns
    assert last.startswith("Ingested; updating the search index") and " 1 document " in last and "documents" not in last
    assert "┃ added ┃ updated ┃ unchanged ┃ failed ┃ conflicts ┃ corrections kept ┃" in result.stdout
    assert f"note {folder / 'README.md'}: not read: unknown format" in result.stdout

    (folder / "binary.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    again = legation(tmp_path / "archive", "ingest", str(folder))
    assert again.returncode == 1
    assert (
        f"failed {folder / 'binary.json'}: is not JSON (binary data, not UTF-8 text); a .json file Legation reads is a "
        "Wilson Center Digital Archive record"
    ) in again.stdout


def test_a_report_path_that_is_a_folder_asks_for_a_file(tmp_path: Path):
    result = legation(tmp_path / "archive", "ingest", "--report", str(tmp_path), str(tmp_path))
    assert result.returncode == 1
    assert " ".join(result.stderr.split()) == (
        f"error: cannot write the report {tmp_path}: it is a folder; give --report a file path, e.g. {tmp_path / 'report.json'}"
    )


def test_the_whole_dodis_edition_ingests_its_taxonomy_being_a_note_not_a_failure(tmp_path: Path):
    from tests.conftest import shared_data

    folder = shared_data("dodis-when-the-wall-came-down")
    result = legation(tmp_path / "archive", "ingest", "--dry-run", str(folder))
    assert result.returncode == 0, result.stdout
    assert "│    63 │       0 │         0 │      0 │" in result.stdout
    assert (
        f"note {folder / 'tei' / 'taxonomy.xml'}: skipped, not a document: it is a taxonomy (10 categories, e.g. Telegram, "
        "Memo: the edition's terms for its documents), with no text, correspondents or date of its own; it holds no "
        "documents, so nothing of it is stored"
    ) in " ".join(result.stdout.split())


def test_dates_before_year_1_and_in_a_year_to_come_are_stored_and_the_report_says_each_apart(tmp_path: Path):
    sheet = tmp_path / "rome.csv"
    sheet.write_text("identifier,title,date\nides,Ides of March,15 March 44 BC\ntypo,Typed report,12 March 2150\n", encoding="utf-8")
    report_file = tmp_path / "report.json"
    result = legation(tmp_path / "archive", "ingest", "--report", str(report_file), str(sheet))
    assert result.returncode == 0, result.stdout
    shown = " ".join(result.stdout.split())
    assert f"dates before the year 1 or after 9999: 1 (e.g. {sheet}, line 2: ides: March 15, 44 BCE (EDTF -0043-03-15));" in shown
    assert f"dates in a year to come: 1 (e.g. {sheet}, line 3: typo: '12 March 2150');" in shown and "could not read" not in shown
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report["outside_dates"] == [{"where": f"{sheet}, line 2: ides", "date_edtf": "-0043-03-15"}]
    assert (report["future_dates"], report["unread_dates"]) == ([{"where": f"{sheet}, line 3: typo", "date_text": "12 March 2150"}], [])
