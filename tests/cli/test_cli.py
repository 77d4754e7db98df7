"""The `legation` commands, run in a real subprocess on a fresh data folder, as an archivist would."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO
from tests.databases import database_env, postgres_url

SEED = FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"
FRUS_SAMPLE = FIXTURES / "frus" / "frus1917-72PubDip.xml"


def legation(data_dir: Path, *args: str, text: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "LEGATION_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "legation.settings", **database_env(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "legation", *args], env=env, capture_output=True, text=text, timeout=300, check=False
    )


def test_ingest_search_export_reindex_round_trip(tmp_path: Path):
    data = tmp_path / "archive"
    first = legation(data, "ingest", str(SEED), str(FRUS_SAMPLE))
    assert first.returncode == 0, first.stderr
    assert "│    54 │       0 │         0 │      0 │" in first.stdout

    again = legation(data, "ingest", str(SEED))
    assert "│     0 │       0 │        10 │      0 │" in again.stdout

    found = legation(data, "search", "Sino-Soviet", "--json")
    body = json.loads(found.stdout)
    seed = [json.loads(line) for line in SEED.read_text().splitlines()]
    expected = {d["identifier"] for d in seed if "sino-soviet" in (d["title"] + d["summary"] + d["collections"][0]["title"]).lower()}
    assert {h["identifier"] for h in body["hits"]} == expected and body["total"] == len(expected)

    exported = tmp_path / "export.jsonl"
    assert legation(data, "export", "-o", str(exported)).returncode == 0
    assert len(exported.read_text().splitlines()) == 54
    copy = legation(tmp_path / "copy", "ingest", str(exported))
    assert copy.returncode == 0, copy.stderr
    exported_again = tmp_path / "export-again.jsonl"
    legation(tmp_path / "copy", "export", "-o", str(exported_again))
    assert exported_again.read_text() == exported.read_text()

    rebuilt = legation(data, "reindex")
    assert "Indexed 54 documents." in rebuilt.stdout
    assert json.loads(legation(data, "search", "Sino-Soviet", "--json").stdout)["total"] == len(expected)


def test_a_page_past_the_last_says_which_is_the_last(tmp_path: Path):
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    total = json.loads(legation(data, "search", "Sino-Soviet", "--json").stdout)["total"]
    past = legation(data, "search", "Sino-Soviet", "--page", "999", "--page-size", "3")
    assert past.returncode == 0, past.stderr
    last = -(-total // 3)
    assert past.stdout.splitlines() == [f"Page 999 is past the last page of results, page {last}: ask for --page {last}.", f"Results: {total}"]
    answer = json.loads(legation(data, "search", "Sino-Soviet", "--page", "999", "--page-size", "3", "--json").stdout)
    assert answer["notice"] == f"Page 999 is past the last page of results, page {last}: ask for --page {last}." and answer["hits"] == []


def test_bad_file_fails_with_its_name_and_line_and_a_nonzero_exit(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(SEED.read_text().splitlines()[0] + "\n{oops\n", encoding="utf-8")
    result = legation(tmp_path / "archive", "ingest", str(bad))
    assert result.returncode == 1
    assert "bad.jsonl, line 2" in result.stdout and "not valid JSON" in result.stdout
    missing = legation(tmp_path / "archive", "ingest", str(tmp_path / "nope.xml"))
    assert missing.returncode == 1 and "no such file or folder" in missing.stderr


def test_a_batch_goes_on_past_a_damaged_gzip_and_a_file_name_not_in_utf8(tmp_path: Path):
    # a .xml.gz that is no gzip stream ended the ingest with zlib's traceback before anything was read; a file
    # named in bytes that are no UTF-8 ended it mid-run (the database cannot store the name), no report written
    files = tmp_path / "files"
    files.mkdir()
    (files / "a-damaged.xml.gz").write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)
    odd = files / os.fsdecode(b"b-\xff\xfename.jsonl")
    odd.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copy(FRUS_SAMPLE, files / os.fsdecode(b"c-vol\xfcme.xml"))  # lxml takes its name as the base URL: a traceback too
    data, report = tmp_path / "archive", tmp_path / "report.json"
    first = legation(data, "ingest", str(files), "--report", str(report))
    assert first.returncode == 1 and "Traceback" not in first.stderr, first.stderr
    assert "│    54 │       0 │         0 │      1 │" in first.stdout
    assert f"failed {files / 'a-damaged.xml.gz'}: cannot be read (Error -3 while decompressing data" in first.stdout.replace("\n", " ")
    written = json.loads(report.read_text(encoding="utf-8"))
    assert (written["counts"]["added"], written["counts"]["failed"]) == (54, 1)
    again = legation(data, "ingest", str(odd))
    assert again.returncode == 0 and "│     0 │       0 │        10 │      0 │" in again.stdout, again.stdout + again.stderr


def test_export_csv_by_file_suffix_or_format(tmp_path: Path):
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    table = tmp_path / "archive.csv"
    assert legation(data, "export", "-o", str(table)).returncode == 0
    assert table.read_bytes().startswith(b"\xef\xbb\xbfidentifier,title,type,date,date text,sender,recipient,mentioned,")
    assert len(table.read_bytes().split(b"\r\n")) == 12  # header, ten documents, the empty rest after the last CRLF
    to_stdout = legation(data, "export", "--format", "csv", text=False)  # bytes: CRLF line ends as written
    assert to_stdout.stdout == table.read_bytes()
    wrong = legation(data, "export", "--format", "xlsx")
    assert wrong.returncode == 2 and "--format takes jsonl or csv" in wrong.stderr


def test_export_of_text_another_program_wrote_in_bytes_no_utf8_names_the_row_and_writes_nothing(tmp_path: Path):
    # SQLite keeps text as the program writing it gives it; reading it raised a traceback
    # (OperationalError: Could not decode to UTF-8 column 'summary'), naming no row
    if os.environ.get("LEGATION_DATABASE_URL"):
        pytest.skip("PostgreSQL refuses text that is no UTF-8 when it is written: only an SQLite archive can hold it")
    import sqlite3

    data = tmp_path / "data"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    with sqlite3.connect(data / "legation.sqlite3") as db:
        (pk,) = db.execute("SELECT id FROM records_document ORDER BY identifier LIMIT 1").fetchone()
        db.execute("UPDATE records_document SET summary = CAST(X'4142FF43' AS TEXT) WHERE id = ?", (pk,))
    for output, left in (("-", "the export is incomplete"), (str(tmp_path / "out.jsonl"), "nothing was written")):
        done = legation(data, "export", "--output", output)
        said = " ".join(done.stderr.split())
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert said == (
            f"error: cannot export: 1 value of the archive is no UTF-8 text, which another program wrote into it and the admin "
            f"cannot show; {left}. Correct each, then run the export again: (1) The row {pk} of records_document: its summary is "
            f"not UTF-8 text (byte 3, 0xFF, in b'AB\\xffC'). Correct it with sqlite3 (UPDATE \"records_document\" SET \"summary\" "
            f"= '…' WHERE \"id\" = {pk};)."
        )
    assert not (tmp_path / "out.jsonl").exists()


def test_export_refuses_a_file_name_ingest_would_not_read_back_and_writes_nothing(tmp_path: Path):
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    for args in (["-o", "x.xml"], ["-o", "x.json"], ["-o", "x"], ["-o", "x.gz"], ["-o", "x.jsonl", "--format", "csv"], ["-o", "x.csv.gz", "--format", "jsonl"]):
        refused = legation(data, "export", *args[:1], str(tmp_path / args[1]), *args[2:])
        said = " ".join(refused.stderr.split())
        assert refused.returncode == 2 and not (tmp_path / args[1]).exists(), (args, said)
        assert ("does not end in a suffix export writes: .jsonl or .jsonl.gz (JSON Lines), .csv or .csv.gz (CSV)" in said) != ("--format" in args), said
    said = " ".join(legation(data, "export", "-o", str(tmp_path / "x.jsonl"), "--format", "csv").stderr.split())
    assert "--format csv does not fit 'x.jsonl', which ingest would read as jsonl; name the file .csv or .csv.gz, or leave out --format" in said
    dash = legation(data, "export", "-o", "-")
    assert dash.returncode == 0 and dash.stdout == legation(data, "export").stdout and len(dash.stdout.splitlines()) == 10
    assert not Path("-").exists()  # standard output, not a file named "-"


def test_export_to_a_gz_name_writes_gzip_that_ingest_reads_back(tmp_path: Path):
    import csv
    import gzip

    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    plain = tmp_path / "archive.jsonl"
    assert legation(data, "export", "-o", str(plain)).returncode == 0
    for name in ("archive.jsonl.gz", "archive.csv.gz"):
        result = legation(data, "export", "-o", str(tmp_path / name))
        assert result.returncode == 0, result.stderr
        packed = (tmp_path / name).read_bytes()
        assert packed[:2] == b"\x1f\x8b"  # gzip's magic number (RFC 1952)
        assert packed[4:8] == b"\0\0\0\0"  # no time stamp: the same archive gives the same bytes
    assert gzip.decompress((tmp_path / "archive.jsonl.gz").read_bytes()) == plain.read_bytes()
    table = gzip.decompress((tmp_path / "archive.csv.gz").read_bytes()).decode("utf-8")
    header, *rows = csv.reader(table.lstrip("\ufeff").splitlines(keepends=True))
    assert header[:4] == ["identifier", "title", "type", "date"] and len(rows) == 10  # CSV, chosen by the name

    copy = tmp_path / "copy"
    reread = legation(copy, "ingest", str(tmp_path / "archive.jsonl.gz"))
    assert "│    10 │       0 │         0 │      0 │" in reread.stdout, reread.stderr
    assert legation(copy, "export", "-o", str(tmp_path / "copy.jsonl")).returncode == 0
    assert (tmp_path / "copy.jsonl").read_bytes() == plain.read_bytes()
    from_table = legation(tmp_path / "from-table", "ingest", str(tmp_path / "archive.csv.gz"))
    assert "│    10 │       0 │         0 │      0 │" in from_table.stdout, from_table.stderr


def test_export_will_not_replace_an_existing_file_unless_told_to(tmp_path: Path):
    # an archivist gave `export -o` the path of the JSON Lines file they had ingested, and lost it
    data, source = tmp_path / "archive", tmp_path / "letters.jsonl"
    shutil.copyfile(SEED, source)
    assert legation(data, "ingest", str(source)).returncode == 0
    before = source.read_bytes()
    refused = legation(data, "export", "-o", str(source))
    assert (refused.returncode, refused.stdout) == (1, "")
    assert (
        f"error: will not write the export {source}: it exists, and the export would replace it; nothing was read "
        "or changed. Give a file name that does not exist yet, or add --overwrite to replace it"
    ) in " ".join(refused.stderr.split())
    assert source.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["archive", "letters.jsonl"]

    replaced = legation(data, "export", "-o", str(source), "--overwrite")
    assert replaced.returncode == 0, replaced.stderr
    assert source.read_text(encoding="utf-8") == legation(data, "export").stdout != before.decode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "letters.jsonl"]  # no partial file left


MADE_MEANWHILE = """
import sys
from pathlib import Path
import legation.ingest.readers.jsonl as jsonl

write = jsonl.write_jsonl

def write_as_another_makes_the_file(records, handle):
    Path(sys.argv[-1]).write_text("another program's file\\n", encoding="utf-8")
    return write(records, handle)

jsonl.write_jsonl = write_as_another_makes_the_file
from legation.cli import app
app(sys.argv[1:])
"""


def test_an_export_does_not_replace_a_file_made_while_it_was_written(tmp_path: Path):
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    out = tmp_path / "archive.jsonl"
    env = {**os.environ, "LEGATION_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "legation.settings", **database_env(data)}
    run = subprocess.run([sys.executable, "-c", MADE_MEANWHILE, "export", "-o", str(out)], env=env, capture_output=True, text=True, timeout=300, check=False)
    assert (run.returncode, "Traceback" in run.stderr) == (1, False), run.stderr
    assert (
        f"error: cannot write the export {out}: a file of that name was made while it was written, and was left as it "
        "was. Run the export again with a file name that does not exist yet, or with --overwrite to replace it"
    ) in " ".join(run.stderr.split())
    assert out.read_text(encoding="utf-8") == "another program's file\n" and sorted(p.name for p in tmp_path.iterdir()) == ["archive", "archive.jsonl"]


def test_ingest_into_an_archive_indexed_by_an_older_legation_rebuilds_the_index(tmp_path: Path):
    # An upgrade changes the index layout (analyzers.VERSION); ingesting then used to loop on
    # tracebacks. Now the index is rebuilt from the records first, and everything is searchable.
    from legation.search import indexer

    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    state = data / "index" / indexer.STATE_FILE
    state.write_text(json.dumps({**json.loads(state.read_text()), "schema": "an-older-layout"}))
    result = legation(data, "ingest", str(FRUS_SAMPLE))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Rebuilt the search index, which an older Legation had built: 10 documents." in result.stdout
    assert json.loads(legation(data, "search", "--json").stdout)["total"] == 54
    # a search as the first command after the upgrade rebuilds it too (it ended in a traceback)
    state.write_text(json.dumps({**json.loads(state.read_text()), "schema": "an-older-layout"}))
    searched = legation(data, "search", "Mao")
    assert searched.returncode == 0 and "Traceback" not in searched.stderr + searched.stdout, searched.stderr
    assert "Rebuilt the search index, which an older Legation had built: 54 documents." in searched.stdout
    assert "Results: 1 - 10 of" in searched.stdout and "warning" not in searched.stderr


def test_mistyped_names_are_said_before_anything_is_made_or_read(tmp_path: Path):
    # A mistyped data folder, mapping or authority file: a clear error and a non-zero exit;
    # `check` does not create an empty archive where the folder was mistyped.
    from tests.databases import postgres_url

    if not postgres_url():  # with PostgreSQL the archive is the database, not a folder
        missing = tmp_path / "no-such-archive"
        checked = legation(missing, "check")
        assert checked.returncode == 1 and f"ERROR legation.E007: There is no archive in {missing} (no such folder)." in checked.stderr
        assert "or `legation manage migrate` for an empty one" in " ".join(checked.stderr.split())  # serve's advice too
        assert not missing.exists()
    data = tmp_path / "archive"
    mapped = legation(data, "ingest", "--mapping", "nosuch", str(SEED))
    assert mapped.returncode == 2 and "nosuch: no such mapping" in " ".join(mapped.stderr.split()) and "Ingest" not in mapped.stdout
    names = legation(data, "authorities", str(tmp_path / "nope.jsonl"))
    assert names.returncode == 1 and "nope.jsonl: no such file" in " ".join(names.stderr.split())
    if not postgres_url():
        assert not data.exists()  # neither the mapping nor the authority file made an archive


def test_check_lists_every_problem_in_one_run(tmp_path: Path):
    # It stopped at the first: a folder holding no archive hid the missing secret key behind it.
    from tests.databases import postgres_url

    missing = tmp_path / "no-such-archive"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "legation.settings", "LEGATION_DATA_DIR": str(missing), **database_env(missing)}
    env = {k: v for k, v in env.items() if k not in ("LEGATION_SECRET_KEY", "LEGATION_DEBUG")}
    checked = subprocess.run([sys.executable, "-m", "legation", "check"], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    errors = [line.split(":")[0] for line in checked.stderr.splitlines() if line.startswith("ERROR ")]
    assert errors == ["ERROR legation.E001", "ERROR legation.E003" if postgres_url() else "ERROR legation.E007"], checked.stderr
    assert "WARNING security.W008" in checked.stderr  # Django's deployment checks ran too
    assert checked.stderr.rstrip().endswith("legation check: 2 problems found, each above with what to do.")
    if not postgres_url():
        assert not missing.exists()

    # a key anyone may guess is an error of its own (`serve` started with "abc" or blanks)
    for weak in ("abc", " " * 60, "changeme" * 7):  # 56 characters, 7 different: Django's rule let it pass
        weakly = subprocess.run([sys.executable, "-m", "legation", "check"], env={**env, "LEGATION_SECRET_KEY": weak}, capture_output=True, text=True, timeout=120, check=False)
        assert weakly.returncode == 1 and "ERROR legation.E009: LEGATION_SECRET_KEY is " in weakly.stderr and "legation.E001" not in weakly.stderr
    assert "LEGATION_SECRET_KEY is 'changeme' repeated: anyone who guesses it" in weakly.stderr

    env |= {"LEGATION_DATABASE_URL": "mysql://archive", "LEGATION_SEARCH_CACHE_SECONDS": "soon", "LEGATION_HTTPS": "sure"}
    unusable = subprocess.run([sys.executable, "-m", "legation", "check"], env=env, capture_output=True, text=True, timeout=120, check=False)
    said = " ".join(unusable.stderr.split())
    assert unusable.returncode == 1 and "LEGATION_DATABASE_URL has the scheme 'mysql'" in said and "LEGATION_SEARCH_CACHE_SECONDS is 'soon'" in said
    assert "LEGATION_HTTPS is 'sure'; give 1 (on) or 0 (off)." in said  # "true" was read as off, without a word


def test_a_switch_setting_takes_1_or_0_and_their_words(monkeypatch):
    from legation.config import config

    for value, on in [("1", True), ("true", True), ("Yes", True), ("ON", True), ("0", False), ("false", False), ("off", False), ("", False)]:
        monkeypatch.setenv("LEGATION_HTTPS", value)
        config.cache_clear()
        assert config().https is on, value
    config.cache_clear()


def test_allowed_hosts_no_request_can_match_are_refused_naming_the_form(monkeypatch):
    # a scheme, a port or two names with a space passed check, then every request was a 400 with
    # nothing in the server's log (a fresh user)
    from legation.checks import serving_problems
    from legation.config import config

    for value in ("http://example.org/", "example.org:8000", "example.org legation.example.org", "archive.example.org,https://x.org"):
        monkeypatch.setenv("LEGATION_ALLOWED_HOSTS", value)
        config.cache_clear()
        problems = [p for p in serving_problems() if "LEGATION_ALLOWED_HOSTS" in p]
        assert len(problems) == 1 and "which no request can match: it takes host names alone, without scheme, port or path" in problems[0], value
        assert "archive.example.org'" not in problems[0]  # only the values at fault are named
    for value, advice in (("bücher.example", "; a name beyond ASCII is written as browsers send it, xn--bcher-kva.example."), ("*.example.org", "; for every subdomain write .example.org.")):
        monkeypatch.setenv("LEGATION_ALLOWED_HOSTS", value)
        config.cache_clear()
        assert [p for p in serving_problems() if advice in p], value
    for value in ("archive.example.org,localhost", ".example.org", "127.0.0.1,[::1]", "*", "Archive.Example.ORG."):
        monkeypatch.setenv("LEGATION_ALLOWED_HOSTS", value)
        config.cache_clear()
        assert not [p for p in serving_problems() if "LEGATION_ALLOWED_HOSTS" in p], value
    config.cache_clear()


def test_debug_mode_fails_check_and_keeps_serve_off_other_machines_addresses(monkeypatch, tmp_path: Path):
    # LEGATION_DEBUG=1 passed check with a warning of Django's, and `serve --host 0.0.0.0` served its
    # debug pages (settings, tracebacks) and sitemaps naming any Host header given (a fresh operator)
    from legation.checks import serving_problems, settings_checks
    from legation.config import config

    monkeypatch.setenv("LEGATION_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("LEGATION_DEBUG", "1")
    config.cache_clear()
    assert [m.id for m in settings_checks() if m.is_serious()] == ["legation.E012"]
    assert serving_problems("127.0.0.1") == serving_problems("localhost") == []  # a developer's own machine
    assert serving_problems("::1") == serving_problems("[::1]") == serving_problems("127.0.0.2") == []  # loopback, as ipaddress says
    [problem] = serving_problems("0.0.0.0")
    assert problem.startswith("LEGATION_DEBUG=1 turns Django's debug mode on: error pages show code, settings and tracebacks")
    monkeypatch.setenv("LEGATION_DEBUG", "0")
    monkeypatch.setenv("LEGATION_SECRET_KEY", "k3y-" + "abcdefghij" * 5)
    monkeypatch.setenv("LEGATION_ALLOWED_HOSTS", "*")
    config.cache_clear()
    assert [m.id for m in settings_checks() if m.level >= 30] == ["legation.W003"]  # a warning: it serves
    assert serving_problems("0.0.0.0") == []
    monkeypatch.setenv("LEGATION_ALLOWED_HOSTS", "archive.example.org")
    config.cache_clear()
    assert [m.id for m in settings_checks() if m.level >= 30] == []
    config.cache_clear()


def test_the_demo_keeps_debug_mode_off_other_machines_addresses(tmp_path: Path):
    # `legation demo --host 0.0.0.0` with LEGATION_DEBUG=1 served Django's debug pages, settings and
    # paths, to anyone (a fresh user, after serve had been made to refuse it)
    env = {**os.environ, "LEGATION_DATA_DIR": str(tmp_path / "demo"), "LEGATION_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "legation.settings", **database_env(tmp_path / "demo")}
    refused = subprocess.run([sys.executable, "-m", "legation", "demo", "--host", "0.0.0.0", "--port", "8299"], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert refused.returncode == 1 and "LEGATION_DEBUG=1 turns Django's debug mode on" in " ".join(refused.stderr.split())
    assert "Ingested" not in refused.stdout and "Traceback" not in refused.stderr


def test_a_demo_archive_ingested_by_earlier_readers_is_ingested_again(tmp_path: Path):
    # the demo keeps its archive between runs; one made before the FRUS reader kept each document's printed
    # pages was reused as it was, so citations by pages found nothing in it until ingested by hand
    data, folder = tmp_path / "demo", REPO / "tests" / "fixtures" / "frus"
    first = legation(data, "demo", "--no-serve", "--path", str(folder))
    assert first.returncode == 0, first.stderr
    done = data / "demo-ingested"
    assert done.read_text(encoding="utf-8").splitlines()[1:] == ["readers 3"]
    reused = legation(data, "demo", "--no-serve", "--path", str(folder))
    assert "Reusing the archive already ingested" in reused.stdout
    # the pages a hit is printed on, as the search page names them
    found = " ".join(legation(data, "search", "collection:frus1917-72PubDip page:5").stdout.split())
    assert "Letter · pp. 4–7 " in found and "frus1917-72PubDip-d2" in found
    done.write_text(done.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")  # as written before the readers' line
    again = legation(data, "demo", "--no-serve", "--path", str(folder))
    assert again.returncode == 0, again.stderr
    said = " ".join(again.stdout.split())
    assert "The archive was ingested by an earlier Legation, whose readers kept less of the demo's files" in said and "Reusing" not in said
    assert done.read_text(encoding="utf-8").splitlines()[1:] == ["readers 3"]


@contextmanager
def _unwritable_folder(tmp_path: Path):
    """A folder this user cannot write: without the right to (mode 555), or, for root, whom no mode
    stops, a read-only file system (a small tmpfs mounted read-only; skips where mounting is not allowed)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,ro", "tmpfs", str(folder)], capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"root may write to a folder whatever its mode, and a read-only tmpfs could not be mounted: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_an_index_folder_this_user_cannot_write_fails_check_and_serve(monkeypatch, tmp_path: Path):
    # a read-only index folder passed check; serve then died with two tracebacks (a fresh operator)
    from legation.checks import serving_problems, settings_checks
    from legation.config import config

    monkeypatch.setenv("LEGATION_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("LEGATION_SECRET_KEY", "k3y-" + "abcdefghij" * 5)
    with _unwritable_folder(tmp_path) as locked:
        for folder, said in ((locked, f"the search index folder {locked} "), (locked / "index", f"{locked}, where the search index folder {locked / 'index'} is to be made ")):
            monkeypatch.setenv("LEGATION_INDEX_DIR", str(folder))
            config.cache_clear()
            assert [m.id for m in settings_checks() if m.is_serious()] == ["legation.E013"]
            [problem] = serving_problems("127.0.0.1")
            assert problem.startswith(f"This user cannot write to {said}(a read-only file system, or no right to)"), problem
        # the commands that make the folder say so too, not a traceback (a fresh user: search, ingest, reindex)
        env = {**os.environ, "LEGATION_DATA_DIR": str(tmp_path / "archive"), "LEGATION_INDEX_DIR": str(locked / "index"), "DJANGO_SETTINGS_MODULE": "legation.settings", **database_env(tmp_path / "archive")}
        for args in (["ingest", str(SEED)], ["search", "treaty"], ["reindex"]):
            ran = subprocess.run([sys.executable, "-m", "legation", *args], env=env, capture_output=True, text=True, timeout=120, check=False)
            said_there = " ".join(ran.stderr.split())
            assert ran.returncode == 1 and "Traceback" not in ran.stderr, (args, ran.stderr)
            assert f"The search index folder {locked / 'index'} cannot be made (" in said_there, (args, said_there)
    monkeypatch.setenv("LEGATION_INDEX_DIR", str(tmp_path / "index"))
    config.cache_clear()
    assert serving_problems("127.0.0.1") == []
    config.cache_clear()


def test_serve_says_a_host_it_cannot_find_or_that_is_not_this_machines_apart_from_a_port_in_use():
    # both were "port 8130 on nosuch.invalid is in use (another Legation?)" (a fresh user)
    import socket

    from legation.cli import _port_taken
    from tests.server.nodes import free_port

    port = free_port()
    assert _port_taken("nosuch.invalid", port).startswith("--host nosuch.invalid names no address this machine can find; give")
    assert _port_taken("192.0.2.1", port).startswith("--host 192.0.2.1 is not an address of this machine; give one of its own")  # TEST-NET-1
    assert _port_taken("127.0.0.1", port) == ""
    # forms no socket takes: an empty host (served "http://:8203/"), a scheme, a port (a fresh user)
    assert _port_taken("", port).startswith("--host is empty; give the address to listen on: 127.0.0.1")
    for given in ("http://127.0.0.1", "127.0.0.1:8203"):
        assert _port_taken(given, port).startswith(f"--host {given} is not an address alone; give it without a scheme or a port"), given
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        assert _port_taken("127.0.0.1", port).startswith(f"port {port} on 127.0.0.1 is in use (another Legation?)")


def test_serve_refuses_a_folder_holding_no_archive_saying_how_to_make_one(tmp_path: Path):
    # A mistyped LEGATION_DATA_DIR served an empty site; other commands refuse it, and so does serve.
    from tests.databases import postgres_url
    from tests.server.nodes import free_port

    missing = tmp_path / "no-such-archive"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "legation.settings", "LEGATION_DATA_DIR": str(missing), "LEGATION_DEBUG": "1", **database_env(missing)}
    served = subprocess.run(
        [sys.executable, "-m", "legation", "serve", "--port", str(free_port())], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    said = " ".join(served.stderr.split())
    assert served.returncode == 1 and "Traceback" not in served.stderr and "serving" not in served.stdout
    where = "(it has no Legation tables)" if postgres_url() else f"{missing} (no legation.sqlite3 there)"
    assert "No archive in" in said and f"{where}; nothing was read or created." in said, said
    assert (
        "create one: `legation ingest FILES` with your documents, `legation demo` for the demo archive (what `make demo` "
        "does), or `legation manage migrate` for an empty one that `legation ingest` fills while it is served"
    ) in said
    if not postgres_url():
        assert not missing.exists()


def test_manage_migrate_on_a_new_folder_says_what_it_applied(tmp_path: Path):
    # serve's advice for a folder holding no archive; it answered "No migrations to apply.", as every
    # command had migrated the new database silently before Django's migrate ran
    made = legation(tmp_path / "archive", "manage", "migrate")
    assert made.returncode == 0, made.stderr
    assert "Applying records.0001_initial... OK" in made.stdout and "No migrations to apply" not in made.stdout
    again = legation(tmp_path / "archive", "manage", "migrate")
    assert again.returncode == 0 and "No migrations to apply." in again.stdout


@pytest.mark.parametrize("command", [("manage", "migrate"), ("ingest", str(SEED))])
def test_a_sqlite_address_in_no_folder_is_said_without_a_traceback(tmp_path: Path, command):
    # `manage migrate` met Django's OperationalError in a traceback; ingest through a file in the path
    # a NotADirectoryError on the archive's temporary name
    (tmp_path / "afile").write_text("not a folder")
    for url, said in [
        (f"sqlite:///{tmp_path / 'nofolder' / 'x.sqlite3'}", f"its folder {tmp_path / 'nofolder'} does not exist; create it"),
        (f"sqlite:///{tmp_path / 'afile' / 'x.sqlite3'}", f"{tmp_path / 'afile'} is a file, not a folder"),
    ]:
        env = {**os.environ, "LEGATION_DATA_DIR": str(tmp_path / "data"), "LEGATION_DATABASE_URL": url}
        run = subprocess.run([sys.executable, "-m", "legation", *command], env=env, capture_output=True, text=True, timeout=300, check=False)
        assert run.returncode == 1
        assert "Traceback" not in run.stderr and "╭" not in run.stderr, run.stderr
        assert said in " ".join(run.stderr.split())
    assert not (tmp_path / "nofolder").exists() and (tmp_path / "afile").read_text() == "not a folder"


def test_authorities_make_the_archive_when_there_is_none_as_ingest_does(tmp_path: Path):
    # Authority records may come before the documents that name them: a load command, like ingest.
    people = tmp_path / "people.jsonl"
    people.write_text(json.dumps({"kind": "person", "key": "person:zhou-enlai", "name": "Zhou Enlai", "names": ["Chou En-lai"]}) + "\n", encoding="utf-8")
    loaded = legation(tmp_path / "archive", "authorities", str(people))
    assert loaded.returncode == 0, loaded.stderr
    assert "Authority records from people.jsonl: 1 created" in loaded.stdout
    ingested = legation(tmp_path / "archive", "ingest", str(SEED))
    assert ingested.returncode == 0, ingested.stderr
    found = json.loads(legation(tmp_path / "archive", "search", "Chou En-lai", "--json").stdout)
    assert found["total"] > 0


def test_files_in_a_folder_that_legation_cannot_read_are_named(tmp_path: Path):
    folder = tmp_path / "delivery"
    folder.mkdir()
    (folder / "seed.jsonl").write_bytes(SEED.read_bytes())
    (folder / "export.json").write_text('[{"id": 1, "name": "not a Wilson record"}]', encoding="utf-8")
    (folder / "readme.txt").write_text("Box list", encoding="utf-8")
    report = tmp_path / "report.json"
    done = legation(tmp_path / "archive", "ingest", "--report", str(report), str(folder))
    assert done.returncode == 0, done.stderr
    notes = json.loads(report.read_text(encoding="utf-8"))["notes"]
    assert notes == [
        f"{folder / 'export.json'}: not read: is JSON but no Wilson Center Digital Archive record (it has none of their "
        "keys doc_date, frontend_doc_date), the only JSON Legation reads as .json; Legation JSON Lines are .jsonl, other "
        "JSON Lines need --mapping",
        f"{folder / 'readme.txt'}: not read: unknown format; Legation reads TEI (.xml, .xml.gz), Legation JSON Lines "
        "(.jsonl, .jsonl.gz), CSV (.csv, .csv.gz), Wilson Center Digital Archive JSON (.json) or PDF (.pdf)",
    ]
    assert "readme.txt: not read" in " ".join(done.stdout.split())
    nothing = legation(tmp_path / "archive", "ingest", str(folder / "readme.txt"))
    assert nothing.returncode != 0 and "unknown format; Legation reads TEI" in " ".join(nothing.stderr.split())


def test_files_named_that_legation_cannot_read_fail_and_the_others_are_read(tmp_path: Path):
    # "legation ingest vipa/*.xml" over QhoD's folder, which holds 25 LIDO object records among its TEI
    # letters, stopped at the first LIDO file, naming it alone, and read nothing
    lido = tmp_path / "object.xml"
    lido.write_text('<?xml version="1.0"?><lido xmlns="http://www.lido-schema.org"><lidoRecID>1</lidoRecID></lido>', encoding="utf-8")
    readme = tmp_path / "notes.txt"
    readme.write_text("Box list", encoding="utf-8")
    report = tmp_path / "report.json"
    done = legation(tmp_path / "archive", "ingest", "--report", str(report), str(lido), str(SEED), str(readme))
    assert done.returncode == 1, done.stderr
    written = json.loads(report.read_text(encoding="utf-8"))
    assert len(written["added"]) == len(SEED.read_text(encoding="utf-8").splitlines())
    assert [(f["where"], f["reason"].split(";")[0]) for f in written["failed"]] == [
        (str(lido), "is LIDO (museum object records), root element <lido>, not TEI"),
        (str(readme), "unknown format"),
    ]
    out = " ".join((done.stdout + done.stderr).split())
    assert f"failed {lido}: is LIDO" in out and "error:" not in out


def test_ingest_encoding_option(tmp_path: Path):
    # A Windows-1250 file is read as such with a note naming the guess; --encoding chooses; a bad name,
    # or --encoding with no CSV file, is a usage error before anything is created.
    data = tmp_path / "data"
    table = FIXTURES / "csv" / "windows-1250.csv"
    bad = legation(data, "ingest", "--encoding", "win-1250", str(table))
    assert bad.returncode == 2 and "--encoding: unknown encoding 'win-1250'" in bad.stderr and not data.exists()
    no_csv = legation(data, "ingest", "--encoding", "cp1250", str(SEED))
    assert no_csv.returncode == 2 and "applies to CSV files only" in " ".join(no_csv.stderr.split()) and not data.exists()
    guessed = legation(data, "ingest", "--dry-run", "--report", str(tmp_path / "r.json"), str(table))
    assert guessed.returncode == 0
    # the notes, written for a real ingest, are said to be so on a dry run, which stores nothing
    assert "notes: what a real ingest stores, and how; this dry run stored nothing" in " ".join(guessed.stdout.split())
    [note] = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["notes"]
    assert note.startswith(f"{table}: is not UTF-8; read as Windows-1250 (Central European), a guess")
    chosen = legation(data, "ingest", "--encoding", "Windows-1250", str(table))
    assert chosen.returncode == 0, chosen.stderr
    exported = legation(data, "export", "--output", "-")
    [line] = [json.loads(line) for line in exported.stdout.splitlines() if line.strip()]
    assert line["title"] == "Notatka z rozmowy z Gomułką w Łodzi"


def test_a_csv_row_whose_quotation_mark_swallowed_the_rows_after_it_fails_and_they_are_stored(tmp_path: Path):
    # "added 2, failed 0" and exit 0 for this table of ten rows: d2's quotation mark, closed by d10's inch mark, took the rest
    table = tmp_path / "telegrams.csv"
    rows = [f"d{n},Telegram {n},1950-01-{n:02d},Mao Zedong" for n in range(1, 11)]
    rows[1], rows[9] = 'd2,"Telegram from Mao,1950-01-02,Mao Zedong', 'd10,Telegram on the guns of 5",1950-01-10,Mao Zedong'
    table.write_text("identifier,title,date,creator\n" + "\n".join(rows) + "\n", encoding="utf-8")
    done = legation(tmp_path / "data", "ingest", str(table))
    out = " ".join(done.stdout.split())
    assert done.returncode == 1 and "│ 9 │ 0 │ 0 │ 1 │" in out, done.stdout
    assert f"failed {table}, line 3: a quotation mark (\") opens the cell of column 'title' here and the next one closes it only at line 11" in out
    # names separated by ";" are one name each, as written, and said so: no failure
    names = tmp_path / "names.csv"
    names.write_text("identifier,title,creator\nn1,Talks,Mao Zedong; Zhou Enlai\n", encoding="utf-8")
    done = legation(tmp_path / "data", "ingest", str(names))
    out = " ".join(done.stdout.split())
    assert done.returncode == 0 and f"note {names}, line 2: column 'creator' has a semicolon, as between several names" in out, done.stdout


def test_a_cut_off_json_file_named_on_its_own_is_a_failure_row_not_a_bare_error(tmp_path: Path):
    # it was refused before reading, as "no Wilson record … whether it is valid JSON was not checked"
    cut = tmp_path / "records.json"
    cut.write_text('{"id": 1, "title": \n', encoding="utf-8")
    done = legation(tmp_path / "archive", "ingest", "--dry-run", str(cut))
    assert done.returncode == 1
    out = " ".join((done.stdout + done.stderr).split())
    assert f"failed {cut}, line 1: ends in the middle of its JSON: the file is cut off; download or export it again" in out
    assert "error:" not in out and "was not checked" not in out


def test_an_archive_that_cannot_be_opened_is_said_so_with_what_to_do_not_a_traceback(tmp_path: Path):
    if database_env(tmp_path):
        pytest.skip("a SQLite file's problem: on PostgreSQL there is no file")
    data = tmp_path / "archive"
    (data / "legation.sqlite3").mkdir(parents=True)  # a folder where the database file should be
    for args in (("ingest", str(SEED)), ("search", "Mao"), ("export",)):
        run = legation(data, *args)
        assert (run.returncode, "Traceback" in run.stdout + run.stderr) == (1, False), run.stderr
        assert (
            f"error: cannot open the archive {data / 'legation.sqlite3'} (unable to open database file); check that it is the "
            "database file Legation made (not a folder or another file), or set LEGATION_DATA_DIR to the folder of your archive"
        ) in " ".join(run.stderr.split())


def as_unprivileged(tmp_path: Path) -> list[str]:
    """The command prefix that runs a command without the power to read or write any file whatever
    its mode (root has it: setpriv drops it); [] for another user. Skips the test on PostgreSQL
    (it is about files) and as root without setpriv (util-linux)."""
    if database_env(tmp_path) or (os.geteuid() == 0 and not shutil.which("setpriv")):
        pytest.skip("needs SQLite, and setpriv (util-linux) when run as root")
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]


def test_a_read_only_archive_is_said_so_with_what_to_do_not_a_traceback(tmp_path: Path):
    unprivileged = as_unprivileged(tmp_path)
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    for path in (*data.rglob("*"), data):
        path.chmod(0o555 if path.is_dir() else 0o444)
    env = {**os.environ, "LEGATION_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "legation.settings"}
    command = [*unprivileged, sys.executable, "-m", "legation", "ingest", str(SEED)]
    try:
        run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    finally:
        for path in (data, *data.rglob("*")):
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert (run.returncode, "Traceback" in run.stdout + run.stderr) == (1, False), run.stderr
    assert f"so make {data} and the files in it writable for this user" in " ".join(run.stderr.split())


DISK_FULL_HALFWAY = """
import sys
import legation.ingest.readers.jsonl as jsonl

def write_half(records, handle):
    handle.write(next(iter(records)).identifier)
    raise OSError(28, "No space left on device")

jsonl.write_jsonl = write_half
from legation.cli import app
app(sys.argv[1:])
"""


def _export_over_an_earlier_one(tmp_path: Path, script: str, *args: str) -> tuple[Path, bytes, subprocess.CompletedProcess]:
    """An archive of the seed exported to archive.jsonl, then ``export -o`` that file again by
    ``script`` (``python -c``, ``args`` before the command's) with --overwrite: the file, its bytes before, the run."""
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    earlier = tmp_path / "archive.jsonl"
    assert legation(data, "export", "-o", str(earlier)).returncode == 0
    before = earlier.read_bytes()
    env = {**os.environ, "LEGATION_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "legation.settings", **database_env(data)}
    run = subprocess.run(
        [sys.executable, "-c", script, *args, "export", "-o", str(earlier), "--overwrite"], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    return earlier, before, run


def test_an_export_failing_halfway_leaves_the_file_there_as_it_was(tmp_path: Path):
    earlier, before, run = _export_over_an_earlier_one(tmp_path, DISK_FULL_HALFWAY)
    assert (run.returncode, "Traceback" in run.stderr) == (1, False), run.stderr
    assert (
        f"error: cannot write {earlier}: No space left on device; {earlier} was left as it was. Give a file in a writable "
        "folder with room for the export"
    ) in " ".join(run.stderr.split())
    assert earlier.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["archive", "archive.jsonl"]


KILLED_HALFWAY = """
import os, signal, sys, time
import legation.ingest.readers.jsonl as jsonl

STOP = getattr(signal, sys.argv.pop(1))

def write_half(records, handle):
    handle.write(next(iter(records)).identifier)
    handle.flush()
    os.kill(os.getpid(), STOP)
    time.sleep(60)  # the signal lands here, as it would anywhere in a long export

jsonl.write_jsonl = write_half
from legation.cli import app
app(sys.argv[1:])
"""


@pytest.mark.parametrize("stop", ["SIGTERM", "SIGINT"])
def test_an_export_killed_halfway_leaves_the_file_as_it_was_and_no_partial_file(tmp_path: Path, stop: str):
    # a kill (SIGTERM) left the hidden .archive.jsonl.partial-PID beside the file (a fresh user)
    import signal

    earlier, before, run = _export_over_an_earlier_one(tmp_path, KILLED_HALFWAY, stop)
    assert (run.returncode, "Traceback" in run.stderr) == (128 + getattr(signal, stop), False), run.stderr
    assert f"error: interrupted ({stop}): the export is incomplete and {earlier} was left as it was. Run the same command again to export" in " ".join(run.stderr.split())
    assert earlier.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["archive", "archive.jsonl"]


def test_a_query_beginning_with_a_dash_is_told_how_to_give_it(tmp_path: Path):
    """`legation search '-Mao'` answered "No such option: -M": the shell hands the query over as an
    option. The message now says to put -- before it, and that works."""
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    refused = legation(data, "search", "-Liu treaty")
    assert refused.returncode == 2 and "No such option" not in refused.stderr
    assert "put -- before it: legation search -- '-Liu treaty'" in " ".join(refused.stderr.replace("│", " ").split())
    seed = [json.loads(line) for line in SEED.read_text().splitlines()]
    without_liu = {d["identifier"] for d in seed if "treaty" in (d["title"] + " " + d["summary"]).lower() and "Liu" not in json.dumps(d)}
    body = json.loads(legation(data, "search", "--json", "--", "-Liu treaty").stdout)
    found = {h["identifier"] for h in body["hits"]}
    assert found >= without_liu and body["total"] == len(found) > 0
    assert not any("Liu" in json.dumps(d) for d in seed if d["identifier"] in found)  # the query was read as typed
    assert legation(data, "search", "--page", "1", "treaty").returncode == 0  # options it knows are still options


def test_a_path_missing_or_an_empty_folder_among_others_is_said_and_the_others_are_read(tmp_path: Path):
    # a missing path among several aborted the run, reading nothing; an empty folder among files said nothing
    (empty := tmp_path / "empty").mkdir()
    missing = tmp_path / "nothere.jsonl"
    report = tmp_path / "report.json"
    done = legation(tmp_path / "archive", "ingest", "--report", str(report), str(missing), str(SEED), str(empty))
    assert done.returncode == 1, done.stderr
    written = json.loads(report.read_text(encoding="utf-8"))
    assert len(written["added"]) == len(SEED.read_text(encoding="utf-8").splitlines())
    assert [(f["where"], f["reason"]) for f in written["failed"]] == [(str(missing), "no such file or folder; check the path")]
    assert written["notes"] == [f"{empty}: not read: the folder holds no files (hidden files and folders are skipped)"]
    alone = legation(tmp_path / "archive", "ingest", str(missing))
    assert alone.returncode == 1 and f"error: {missing}: no such file or folder" in " ".join(alone.stderr.split())


def test_a_folder_holding_the_archives_own_data_folder_is_ingested_without_it(tmp_path: Path):
    # each index file and the database were listed "not read: unknown format" (a fresh user)
    shutil.copy(SEED, tmp_path / SEED.name)
    data, report = tmp_path / "data", tmp_path.parent / f"{tmp_path.name}-report.json"
    assert legation(data, "ingest", str(tmp_path)).returncode == 0 and (data / "index").is_dir()
    again = legation(data, "ingest", "--report", str(report), str(tmp_path))
    written = json.loads(report.read_text(encoding="utf-8"))
    assert again.returncode == 0 and len(written["unchanged"]) == len(SEED.read_text(encoding="utf-8").splitlines())
    assert written["notes"] == [f"{data}: not read: the archive's own data (its database and search index); keep the documents' files in another folder"]
    alone = legation(data, "ingest", str(data / "index"))
    assert alone.returncode == 1 and f"{data / 'index'}: not read: the archive's own data" in " ".join(alone.stderr.split())


def test_an_index_copied_from_another_archive_is_said_by_check_and_rebuilt_by_search(tmp_path: Path):
    # it served the other archive's documents and took in none of this one's, and check said it
    # was in step (a fresh user, after copy-archive with the data folder's index copied along)
    seed, frus = tmp_path / "seed", tmp_path / "frus"
    assert legation(seed, "ingest", str(SEED)).returncode == 0
    assert legation(frus, "ingest", str(FRUS_SAMPLE)).returncode == 0
    shutil.rmtree(frus / "index")
    shutil.copytree(seed / "index", frus / "index")
    checked = legation(frus, "check")
    assert checked.returncode == 1 and "ERROR legation.E010: The search index in" in checked.stdout + checked.stderr
    found = legation(frus, "search", "--json", "")
    assert found.returncode == 0, found.stderr
    identifiers = {json.loads(line)["identifier"] for line in legation(frus, "export").stdout.splitlines()}
    assert json.loads(found.stdout)["total"] == len(identifiers) == 44
    assert "Rebuilt the search index, which followed another archive's change log" in " ".join(found.stderr.split())
    after = legation(frus, "check")  # (it still fails for want of a secret key, as here every check does)
    assert "E010" not in after.stdout + after.stderr and "Search index: in step with the change log (seq 44)" in after.stdout + after.stderr


def test_an_index_folder_another_archives_running_node_follows_is_not_emptied(tmp_path: Path):
    # a staging node given production's LEGATION_INDEX_DIR emptied the index under production's
    # running node at its start, and the two emptied it in turn while both ran (a fresh operator)
    seed, frus = tmp_path / "seed", tmp_path / "frus"
    assert legation(seed, "ingest", str(SEED)).returncode == 0
    assert legation(frus, "ingest", str(FRUS_SAMPLE)).returncode == 0
    shared = seed / "index"
    holder = subprocess.Popen(  # the seed archive's running node: its follower holds the folder's lock
        [sys.executable, "-c", "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT); "
         "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(120)", str(shared / "follower.lock")],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        env = {**os.environ, "LEGATION_DATA_DIR": str(frus), "LEGATION_INDEX_DIR": str(shared), "DJANGO_SETTINGS_MODULE": "legation.settings", **database_env(frus)}
        env["LEGATION_SECRET_KEY"] = "k3y-" + "abcdefghij" * 5
        with closing(socket.socket()) as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        for args in (["search", "treaty"], ["serve", "--port", str(port)], ["reindex"]):  # reindex: it filled the folder with its own
            refused = subprocess.run([sys.executable, "-m", "legation", *args], env=env, capture_output=True, text=True, timeout=120, check=False)
            said = " ".join(refused.stderr.split())
            assert refused.returncode == 1 and "Traceback" not in refused.stderr, refused.stderr
            assert f"The search index folder {shared} is in use by a running node of another archive" in said, said
            assert "set LEGATION_INDEX_DIR to another folder for this one" in said
        found = legation(seed, "search", "--json", "")
        assert json.loads(found.stdout)["total"] == 10  # the seed archive's index, as it was
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()
    rebuilt = subprocess.run([sys.executable, "-m", "legation", "search", "--json", ""], env=env, capture_output=True, text=True, timeout=120, check=False)
    assert json.loads(rebuilt.stdout)["total"] == 44  # no node follows it now: emptied and built for this archive


def test_a_database_restored_from_a_backup_is_said_by_check_and_its_index_rebuilt_by_search(tmp_path: Path):
    # after a restore the index kept the documents the restore undid and skipped the new ones that
    # reused their seqs, while check said "in step" (a fresh operator, on PostgreSQL with pg_restore)
    if postgres_url():
        pytest.skip("backs up and restores the SQLite file (sqlite3's backup API); the rule is tested on both stores in tests/server")
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    backup = tmp_path / "backup.sqlite3"
    with closing(sqlite3.connect(data / "legation.sqlite3")) as db, closing(sqlite3.connect(backup)) as copy:
        db.backup(copy)
    assert legation(data, "ingest", str(FRUS_SAMPLE)).returncode == 0  # 44 documents the restore undoes
    with closing(sqlite3.connect(backup)) as copy, closing(sqlite3.connect(data / "legation.sqlite3")) as db:
        copy.backup(db)
    checked = legation(data, "check")
    assert checked.returncode == 1 and "ERROR legation.E011: The search index in" in checked.stdout + checked.stderr
    found = legation(data, "search", "--json", "")
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["total"] == 10  # the seed documents; none of the 44
    assert "Rebuilt the search index, which had applied changes the change log no longer holds" in " ".join(found.stderr.split())
    later = tmp_path / "later.jsonl"  # a change after the restore, given a seq the undone ones had
    later.write_text(json.dumps({**json.loads(SEED.read_text(encoding="utf-8").splitlines()[0]), "identifier": "after-restore"}) + "\n")
    assert legation(data, "ingest", str(later)).returncode == 0
    assert json.loads(legation(data, "search", "--json", "").stdout)["total"] == 11
    after = legation(data, "check")
    assert "E011" not in after.stdout + after.stderr and "Search index: in step with the change log" in after.stdout + after.stderr


def _seeded_postgres_archive(tmp_path: Path) -> tuple[Path, str]:
    """A data folder whose archive, in a PostgreSQL database of its own, holds the seed records, and
    that database's URL; skips on SQLite, which has no roles and rights."""
    if not postgres_url():
        pytest.skip("needs PostgreSQL (LEGATION_DATABASE_URL): SQLite has no roles and rights")
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    return data, database_env(data)["LEGATION_DATABASE_URL"]


@contextmanager
def _altered(url: str, change: str, undo: str = ""):
    """The database at ``url`` with the statement ``change`` run as its owner, ``undo`` run after."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        db.execute(change)
        try:
            yield db
        finally:
            if undo:
                db.execute(undo)


def test_check_on_a_database_this_role_may_not_read_says_so_in_one_line(tmp_path: Path):
    # a role without rights on the tables: check printed a traceback of 234 lines (a fresh user)
    data, url = _seeded_postgres_archive(tmp_path)
    with _altered(url, "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM CURRENT_USER"):  # the owner's own rights, as a role without them
        checked = legation(data, "check")
    said = " ".join((checked.stdout + checked.stderr).split())
    assert checked.returncode == 1 and "Traceback" not in said, said
    assert "ERROR legation.E002: Cannot read the" in said and "permission denied for table django_migrations" in said
    assert "grant this one the rights to read and write them" in said


def test_check_warns_of_a_role_that_may_read_but_not_write(tmp_path: Path):
    # a role with SELECT alone passed check, then every ingest failed (a fresh user)
    data, url = _seeded_postgres_archive(tmp_path)
    table = tmp_path / "new.csv"
    table.write_text("identifier,title\nw-1,A new record\n", encoding="utf-8")
    assert "W002" not in legation(data, "check").stdout
    rights = "INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public"
    with _altered(url, f"REVOKE {rights} FROM CURRENT_USER", f"GRANT {rights} TO CURRENT_USER"):
        checked = legation(data, "check")
        ingest = legation(data, "ingest", str(table))
    said = " ".join((checked.stdout + checked.stderr).split())
    assert "WARNING legation.W002: The role" in said and "lacks rights Legation uses on all" in said, said
    assert "auth_group (INSERT, UPDATE, DELETE)" in said and "Searching works; ingest, the admin's changes and signing in fail" in said
    assert "ERROR" not in said.replace("ERROR legation.E001", "")  # a warning: a node that only serves searches may run so
    assert ingest.returncode != 0 and "permission denied" in ingest.stderr, ingest.stderr  # what the warning foretold
    assert "Traceback" not in ingest.stderr, ingest.stderr
    assert "W002" not in legation(data, "check").stdout

    # SELECT missing on one table: said, as what searching needs
    with _altered(url, "REVOKE SELECT ON records_text FROM CURRENT_USER", "GRANT SELECT ON records_text TO CURRENT_USER"):
        checked = legation(data, "check")
    unread = " ".join((checked.stdout + checked.stderr).split())
    assert "lacks rights Legation uses on 1 of its" in unread and "records_text (SELECT)" in unread
    assert "Searching and the pages reading those tables fail." in unread


def test_check_finds_the_tables_through_the_roles_search_path(tmp_path: Path):
    # a role with a schema of its own name (search_path "$user", public) made check end in a
    # traceback: relation "reader.auth_group" does not exist (a fresh user)
    data, url = _seeded_postgres_archive(tmp_path)
    with _altered(url, "CREATE SCHEMA IF NOT EXISTS AUTHORIZATION CURRENT_USER") as db:
        try:
            checked = legation(data, "check")
        finally:
            db.execute("DROP SCHEMA IF EXISTS " + db.execute("SELECT quote_ident(current_user)").fetchone()[0])
    said = checked.stdout + checked.stderr
    assert "Traceback" not in said and "W002" not in said and "Database: the PostgreSQL database" in said, said


def test_a_report_or_export_never_replaces_a_file_read_or_the_archive(tmp_path: Path):
    # --report legation.sqlite3 replaced the archive with a report, on a dry run too, and
    # --report self.csv the table it read; each exited 0 (a fresh user)
    data = tmp_path / "archive"
    table = tmp_path / "in" / "self.csv"
    table.parent.mkdir()
    table.write_text("identifier,title\na-1,A\n", encoding="utf-8")
    assert legation(data, "ingest", str(table)).returncode == 0
    database = data / "legation.sqlite3"
    kept = {p: p.read_bytes() for p in (table, *([database] if database.exists() else []))}
    for args, said in [
        (("ingest", str(table), "--report", str(table)), "it is a file read"),
        (("ingest", str(table.parent), "--report", str(table.parent / "r.json")), "it is in the folder read"),
        (("ingest", "--dry-run", str(table), "--report", str(database)), "it is the archive's database"),
        (("authorities", str(table), "--report", str(table)), "it is a file read"),
        (("export", "-o", str(data / "index" / "x.jsonl")), "it is in the search index's folder"),
    ]:
        if "database" in said and postgres_url():
            continue
        refused = legation(data, *args)
        assert refused.returncode == 1 and said in " ".join(refused.stderr.split()) and "nothing was read or changed" in refused.stderr, args
    assert {p: p.read_bytes() for p in kept} == kept and not (table.parent / "r.json").exists()


@pytest.mark.parametrize("command", [("ingest", str(SEED)), ("ingest", "--dry-run", str(SEED)), ("export",), ("search", "Mao"), ("reindex",), ("manage", "migrate")])
def test_a_file_that_is_no_sqlite_database_is_said_without_a_traceback(tmp_path: Path, command):
    # "file is not a database" ended 258 lines of traceback, for every command (a fresh user)
    if postgres_url():
        pytest.skip("a SQLite archive's file; with PostgreSQL the archive is no file")
    data = tmp_path / "archive"
    data.mkdir()
    (data / "legation.sqlite3").write_text("garbage\n")
    run = legation(data, *command)
    said = " ".join(run.stderr.split())
    assert run.returncode == 1 and "Traceback" not in run.stderr and "╭" not in run.stderr, run.stderr
    assert f"cannot open the archive {data / 'legation.sqlite3'} (file is not a database): it is no Legation database, or a damaged one" in said
    assert (data / "legation.sqlite3").read_text() == "garbage\n"


COMMANDS_ON_AN_ARCHIVE = [("ingest", str(SEED)), ("ingest", "--dry-run", str(SEED)), ("export",), ("search", "Mao"), ("reindex",), ("authorities", str(REPO / "data" / "demo" / "authorities.jsonl")), ("check",)]


@pytest.mark.parametrize("command", COMMANDS_ON_AN_ARCHIVE)
def test_another_programs_sqlite_database_is_refused_and_left_as_it_was(tmp_path: Path, command):
    # search, export and reindex on another program's database wrote Legation's tables into it
    # (a fresh user); ingest did too. Every command refuses it and changes nothing.
    if postgres_url():
        pytest.skip("a SQLite archive's file; with PostgreSQL the archive is no file")
    data = tmp_path / "archive"
    data.mkdir()
    database = data / "legation.sqlite3"
    with closing(sqlite3.connect(database)) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
        db.execute("INSERT INTO notes VALUES ('kept')")
        db.commit()
    before = database.read_bytes()
    run = legation(data, *command)
    said = " ".join(run.stderr.split())
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert f"{database} is not a Legation archive but another program's database (its tables: notes); nothing was read or changed." in said
    assert database.read_bytes() == before and sorted(p.name for p in data.iterdir()) == ["legation.sqlite3"]


@pytest.mark.parametrize("command", [("export",), ("search", "Mao"), ("reindex",), ("check",)])
def test_an_empty_database_file_is_no_archive_to_read(tmp_path: Path, command):
    # a 0-byte legation.sqlite3 (touch) was given Legation's tables by a search, an export or a reindex
    if postgres_url():
        pytest.skip("a SQLite archive's file; with PostgreSQL the archive is no file")
    data = tmp_path / "archive"
    data.mkdir()
    (data / "legation.sqlite3").touch()
    run = legation(data, *command)
    said = " ".join(run.stderr.split())
    assert run.returncode == 1 and f"No archive in {data} (legation.sqlite3 there is empty); nothing was read or created." in said, run.stderr
    assert (data / "legation.sqlite3").stat().st_size == 0


def test_an_empty_database_file_takes_a_first_ingest(tmp_path: Path):
    if postgres_url():
        pytest.skip("a SQLite archive's file; with PostgreSQL the archive is no file")
    data = tmp_path / "archive"
    data.mkdir()
    (data / "legation.sqlite3").touch()
    dry = legation(data, "ingest", "--dry-run", str(SEED))
    assert dry.returncode == 0 and "No archive in" in dry.stderr and (data / "legation.sqlite3").stat().st_size == 0, dry.stderr
    assert legation(data, "ingest", str(SEED)).returncode == 0
    assert json.loads(legation(data, "search", "Mao", "--json").stdout)["total"] > 0


def test_a_folder_in_a_folder_read_that_cannot_be_listed_fails_the_ingest_and_deletes_nothing(tmp_path: Path):
    # it was passed over without a word, exit 0, and --delete-missing deleted its documents as
    # gone from the collection (a fresh user)
    unprivileged = as_unprivileged(tmp_path)
    data, folder = tmp_path / "archive", tmp_path / "collection"
    (folder / "open").mkdir(parents=True)
    (folder / "locked").mkdir()
    (folder / "open" / "a.csv").write_text("identifier,title,collection\nlk-1,Kept open,Locks\n")
    (folder / "locked" / "b.csv").write_text("identifier,title,collection\nlk-2,Behind a lock,Locks\n")
    assert legation(data, "ingest", str(folder)).returncode == 0
    env = {**os.environ, "LEGATION_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "legation.settings"}
    (folder / "locked").chmod(0o000)
    try:
        runs = [
            subprocess.run([*unprivileged, sys.executable, "-m", "legation", "ingest", *args], env=env, capture_output=True, text=True, timeout=300, check=False)
            for args in ([str(folder), "--delete-missing"], [str(folder / "locked")])
        ]
    finally:
        (folder / "locked").chmod(0o755)
    mirror, alone = (" ".join(run.stderr.split()) + " ".join(run.stdout.split()) for run in runs)
    denied = f"{folder / 'locked'}: cannot be read: permission denied; give this user read access to it and to the folders above it"
    assert runs[0].returncode == 1 and f"failed {denied}" in mirror and "nothing deleted, as the ingest had failures (1)" in mirror, mirror
    assert runs[1].returncode == 1 and f"error: {denied}" in alone and "holds no files" not in alone, alone
    assert json.loads(legation(data, "search", "", "--json").stdout)["total"] == 2
    # a folder that may be listed but not entered (mode 644): a traceback from looking at its files
    (folder / "locked").chmod(0o644)
    try:
        run = subprocess.run([*unprivileged, sys.executable, "-m", "legation", "ingest", str(folder), "--delete-missing"], env=env, capture_output=True, text=True, timeout=300, check=False)
    finally:
        (folder / "locked").chmod(0o755)
    said = " ".join(run.stderr.split()) + " ".join(run.stdout.split())
    assert run.returncode == 1 and "Traceback" not in said and "╭" not in run.stderr, run.stderr
    assert f"failed {folder / 'locked' / 'b.csv'}: cannot be read: permission denied" in said and "nothing deleted" in said
    assert json.loads(legation(data, "search", "", "--json").stdout)["total"] == 2


def test_files_and_folders_this_user_may_not_read_or_write_are_said_with_what_to_do(tmp_path: Path):
    # a file in a folder the user cannot enter, a report or export there: tracebacks; a file it may
    # not read, named alone: a usage error; in a folder: "check that the file exists and is complete"
    unprivileged = as_unprivileged(tmp_path)
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    locked, unreadable = tmp_path / "locked", tmp_path / "open" / "b.csv"
    locked.mkdir()
    (locked / "a.csv").write_text("identifier,title\np-1,A\n")
    unreadable.parent.mkdir()
    unreadable.write_text("identifier,title\np-2,B\n")
    env = {**os.environ, "LEGATION_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "legation.settings"}
    runs = {}
    locked.chmod(0o000)
    unreadable.chmod(0o000)
    try:
        for name, args in {
            "in a locked folder": ("ingest", str(locked / "a.csv")),
            "unreadable alone": ("ingest", str(unreadable)),
            "unreadable in a folder": ("ingest", str(unreadable.parent)),
            "report": ("ingest", str(SEED), "--report", str(locked / "r.json")),
            "export": ("export", "-o", str(locked / "x.jsonl")),
        }.items():
            command = [*unprivileged, sys.executable, "-m", "legation", *args]
            runs[name] = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    finally:
        locked.chmod(0o755)
        unreadable.chmod(0o644)
    for name, run in runs.items():
        said = " ".join(run.stderr.split()) + " ".join(run.stdout.split())
        assert run.returncode == 1 and "Traceback" not in said and "╭" not in run.stderr, (name, run.stderr)
        if name.startswith(("in a", "unreadable")):
            assert "cannot be read: permission denied; give this user read access to it and to the folders above it" in said, name
    assert "its folder does not exist or is not writable" in runs["report"].stderr
    assert "Permission denied; nothing was written" in runs["export"].stderr


def test_an_authority_file_in_a_folder_of_documents_is_a_note_and_the_folder_ingests(tmp_path: Path):
    # `legation ingest data/demo` failed 82 times, once a line of authorities.jsonl, each read as a document
    # ("unknown fields ['key', 'kind', 'name', 'names']"), so --delete-missing could not mirror the folder (a fresh curator)
    folder = tmp_path / "holdings"
    folder.mkdir()
    shutil.copy(SEED, folder / "letters.jsonl")
    shutil.copy(REPO / "data" / "demo" / "authorities.jsonl", folder / "authorities.jsonl")
    result = legation(tmp_path / "archive", "ingest", "--delete-missing", str(folder))
    assert result.returncode == 0, result.stdout
    screen = " ".join(result.stdout.split())
    assert "│ 10 │ 0 │ 0 │ 0 │" in screen and "failed" not in screen.replace("┃ failed ┃", "")
    assert (
        f"note {folder / 'authorities.jsonl'}: skipped, not a document: it is an authority file (people, organizations and places "
        f"with their other names); load it with `legation authorities {folder / 'authorities.jsonl'}`"
    ) in screen
    # a file of documents whose first line only looks like one is read as documents, failing where they fail
    (folder / "authorities.jsonl").write_text('{"kind": "person", "name": "Mao", "identifier": "x-1"}\n', encoding="utf-8")
    assert "failed" in legation(tmp_path / "archive", "ingest", str(folder / "authorities.jsonl")).stdout
    # an authority line first and a document after it: the file fails at that line (it was skipped whole, its documents unread)
    seed_line = SEED.read_text(encoding="utf-8").splitlines()[0]
    (folder / "mixed.jsonl").write_text('{"kind": "person", "key": "person:x", "name": "X"}\n' + seed_line + "\n", encoding="utf-8")
    mixed = legation(tmp_path / "archive", "ingest", str(folder / "mixed.jsonl"))
    assert mixed.returncode == 1 and "line 2: is an authority file (its first line is an authority record) holding other lines too" in (
        " ".join(mixed.stdout.split())
    )
