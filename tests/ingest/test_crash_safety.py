"""Killing a real ingest at random moments never leaves records and index out of step.

A `legation ingest` process is killed (SIGKILL) at random points several times; after each kill
the records must be whole (every stored document has its text and its change-log row) and, once
the indexer has resumed from the change log, the index must hold exactly the stored documents.
A last ingest completes the archive without duplicates. It runs on the embedded store (SQLite),
whose file it inspects directly.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VOLUME = REPO / "data" / "demo" / "frus" / "frus1964-68v30.xml.gz"  # 346 documents
DOCUMENTS = 346


def env(data: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k != "LEGATION_DATABASE_URL"}
    return {**clean, "LEGATION_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "legation.settings"}


def stored(data: Path) -> tuple[set[str], set[str], int]:
    """(documents, documents with a change-log row, documents without exactly one text)."""
    with sqlite3.connect(data / "legation.sqlite3") as db:
        docs = {r[0] for r in db.execute("select identifier from records_document")}
        logged = {r[0] for r in db.execute("select document_identifier from records_changelogentry")}
        textless = db.execute(
            "select count(*) from records_document d where (select count(*) from records_text t where t.document_id = d.id) != 1"
        ).fetchone()[0]
    return docs, logged, textless


def indexed_after_resuming(data: Path) -> set[str]:
    code = (
        "import django, json; django.setup();"
        "from legation.search.follower import follow_once; follow_once();"
        "from legation.search.service import search, SearchRequest;"
        "r = search(SearchRequest(page_size=100)); ids = {h.identifier for h in r.hits};"
        "n = 2\n"
        "while len(ids) < r.total:\n"
        "    ids |= {h.identifier for h in search(SearchRequest(page_size=100, page=n)).hits}; n += 1\n"
        "print(json.dumps(sorted(ids)))"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env(data), capture_output=True, text=True, timeout=120, check=True)
    return set(json.loads(done.stdout))


def kill_when_stored(process: subprocess.Popen, data: Path, target: int, timeout: float = 120, signal_number: int = signal.SIGKILL) -> bool:
    """Send ``signal_number`` (SIGKILL) to ``process`` once the archive holds ``target`` documents
    (polled every 10 ms from a read-only connection); True when it was sent, False when the process ended first."""
    database = data / "legation.sqlite3"
    deadline = time.monotonic() + timeout
    while process.poll() is None and time.monotonic() < deadline:
        if database.exists():
            try:
                with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=0.05) as db:
                    count = db.execute("select count(*) from records_document").fetchone()[0]
            except sqlite3.OperationalError:  # tables not there yet, or a writer's commit under way
                count = 0
            if count >= target:
                process.send_signal(signal_number)
                return True
        time.sleep(0.01)
    return False


@pytest.mark.skipif(not VOLUME.exists(), reason="needs the bundled demo volume frus1964-68v30")
def test_random_kills_leave_records_and_index_consistent(tmp_path: Path):
    """The first kill lands at a random moment of start-up (migrations, the first batches); the
    others when the archive holds a random number of documents, so every kill lands mid-ingest
    however fast the machine is."""
    data = tmp_path / "archive"
    rng = random.Random(20261130)
    targets = sorted(rng.sample(range(8, DOCUMENTS - 8), 4))
    kills = 0
    for attempt in range(5):
        process = subprocess.Popen(
            [sys.executable, "-m", "legation", "ingest", "--batch-size", "7", str(VOLUME)],
            env=env(data), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        if attempt == 0:
            time.sleep(rng.uniform(0.3, 1.5))
            killed = process.poll() is None
            if killed:
                process.send_signal(signal.SIGKILL)
        else:
            killed = kill_when_stored(process, data, targets[attempt - 1])
        kills += killed
        process.wait(timeout=60)
        if not (data / "legation.sqlite3").exists():
            continue
        docs, logged, textless = stored(data)
        assert textless == 0, f"attempt {attempt}: a document was stored without its text"
        assert docs <= logged, f"attempt {attempt}: documents stored without their change-log row"
        assert indexed_after_resuming(data) == docs, f"attempt {attempt}: index and records differ"
    assert kills >= 3, "the ingest finished before most kills; the test did not test much"
    final = subprocess.run(
        [sys.executable, "-m", "legation", "ingest", str(VOLUME)], env=env(data), capture_output=True, text=True, timeout=300
    )
    assert final.returncode == 0, final.stderr
    docs, _, textless = stored(data)
    assert len(docs) == DOCUMENTS and textless == 0
    assert indexed_after_resuming(data) == docs


@pytest.mark.skipif(not VOLUME.exists(), reason="needs the bundled demo volume frus1964-68v30")
@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_stopped_ingest_says_what_it_stored(tmp_path: Path, signal_number: int):
    """Ctrl-C or ``kill`` mid-ingest: the process says, before it exits with 128 + the signal,
    how many documents it stored, which is what the archive holds, and what to do; the same
    command then finds them unchanged and adds the rest."""
    data = tmp_path / "archive"
    process = subprocess.Popen(
        [sys.executable, "-m", "legation", "ingest", "--batch-size", "7", str(VOLUME)],
        env=env(data), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert kill_when_stored(process, data, 100, signal_number=signal_number), "the ingest finished before the signal"
    _, screen = process.communicate(timeout=60)
    assert process.returncode == 128 + signal_number, screen
    said = re.search(r"interrupted \((SIG\w+)\) while ingesting (.+?): ([\d,]+) documents stored before it \(([\d,]+) added", screen)
    assert said, screen
    assert said.group(1) == signal.Signals(signal_number).name and said.group(2) == str(VOLUME)
    docs, logged, textless = stored(data)
    assert int(said.group(3).replace(",", "")) == int(said.group(4).replace(",", "")) == len(docs) >= 100
    assert docs <= logged and textless == 0
    assert "Run the same command again to finish" in screen and "Traceback" not in screen
    # and what catches the index up: `legation search` does not, it warns (it was said to)
    assert "at the next `legation ingest` or `serve`, or at once with `legation reindex`" in " ".join(screen.split())
    again = subprocess.run(
        [sys.executable, "-m", "legation", "ingest", "--report", str(tmp_path / "report.json"), str(VOLUME)],
        env=env(data), capture_output=True, text=True, timeout=300,
    )
    assert again.returncode == 0, again.stderr
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert len(report["unchanged"]) == len(docs) and len(report["added"]) == DOCUMENTS - len(docs)
