"""A disk that fills up under `legation ingest` and `legation export`: a message saying what was
stored and what to do, never a traceback, and the same command finishing once there is room.

The disk is made "full" for real, without mounting anything: the ingest runs with a limit on the
size of any file it writes (``RLIMIT_FSIZE``; Python ignores the SIGXFSZ that would kill it), so
SQLite's and tantivy's writes past it fail as they would on a full disk. On PostgreSQL the server
writes the records, out of the limit's reach, so only the index can fill up there."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import SEED, legation
from tests.databases import database_env, postgres_url

# the largest file the ingest may write: SQLite's database fills at about half the records; on
# PostgreSQL the index's files are the ingest's own, smaller
LIMIT_BYTES = 200_000 if postgres_url() else 1_500_000


def _records(path: Path, count: int) -> Path:
    words = "the delegation met the minister about the treaty and the loan again".split()
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            body = " ".join(words[(i + k) % len(words)] + str(k % 97) for k in range(600))
            out.write(json.dumps({"identifier": f"full-{i:04d}", "title": f"Report {i} on the loan", "texts": [{"language": "en", "body": body}]}) + "\n")
    return path


def _limited() -> None:  # run in the child before it starts
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT_BYTES, LIMIT_BYTES))


def test_an_ingest_the_disk_stops_says_what_it_stored_and_the_same_command_finishes_later(tmp_path: Path):
    data, source = tmp_path / "archive", _records(tmp_path / "reports.jsonl", 1000)
    env = {**os.environ, "LEGATION_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "legation.settings", **database_env(data)}
    # the archive made first, with room: its migrations' write-ahead log alone nears the limit (0017 took it past),
    # and the disk is to fill while documents are stored; made on the full disk, it says so
    if not postgres_url():
        made = subprocess.run([sys.executable, "-m", "legation", "ingest", str(source)], env=env, capture_output=True, text=True, timeout=300,
                              preexec_fn=_limited)  # fmt: skip
        assert made.returncode == 1 and "Traceback" not in made.stderr, made.stderr
        assert "most often the disk is full; free some space on it" in " ".join(made.stderr.split()), made.stderr
    assert legation(data, "manage", "migrate", "-v", "0").returncode == 0  # with room, the archive half made is made
    stopped = subprocess.run(
        [sys.executable, "-m", "legation", "ingest", str(source)], env=env, capture_output=True, text=True, timeout=300, preexec_fn=_limited
    )
    said = " ".join(stopped.stderr.split())
    assert stopped.returncode == 1 and "Traceback" not in stopped.stderr, stopped.stderr
    assert "error: stopped: " in said and "then run the same command again to finish" in said, said
    assert "documents stored before it" in said or "every document read was stored" in said, said
    again = legation(data, "ingest", str(source))
    assert again.returncode == 0, again.stderr
    found = json.loads(legation(data, "search", "loan", "--json").stdout)
    assert found["total"] == 1000


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux), a device every write to fails as a full disk")
def test_an_export_to_a_full_standard_output_says_it_is_incomplete(tmp_path: Path):
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    env = {**os.environ, "LEGATION_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "legation.settings", **database_env(data)}
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "legation", "export"], env=env, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "cannot write to standard output: No space left on device; the export is incomplete" in done.stderr
    # a reader that stops early (`legation export | head -1`) is no error worth a word
    piped = subprocess.Popen([sys.executable, "-m", "legation", "export"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = piped.stdout.readline()
    piped.stdout.close()
    _, errors = piped.communicate(timeout=120)
    assert json.loads(first)["identifier"] and b"Traceback" not in errors and b"BrokenPipe" not in errors


def test_a_record_stored_unreadable_is_named_by_export_and_reindex_with_what_to_do(tmp_path: Path):
    # footnotes written by SQL as {"a": 1}: export and reindex ended in a TypeError's traceback
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    broken = legation(
        data, "manage", "shell", "-c",
        "from legation.records.models import Document, Text; "
        "Text.objects.create(document=Document.objects.get(identifier='seed-sino-soviet-01'), body='x', footnotes={'a': 1}, position=9)",
    )
    assert broken.returncode == 0, broken.stderr
    said = 'seed-sino-soviet-01: a text\'s footnotes are stored as {"a": 1}, not as a list of {"n": "1", "text": "…"} objects; correct them'
    for command, more in [(("export", "-o", str(tmp_path / "out.jsonl")), "nothing was written"), (("reindex",), "searches see the index as it was")]:
        failed = legation(data, *command)
        message = " ".join(failed.stderr.split())
        assert failed.returncode == 1 and "Traceback" not in failed.stderr and said in message and more in message, failed.stderr
    assert not (tmp_path / "out.jsonl").exists()
