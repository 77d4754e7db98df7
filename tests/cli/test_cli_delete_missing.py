"""`legation ingest --delete-missing`: mirroring a collection, in a real subprocess, search included."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import SEED, legation


def test_delete_missing_dry_run_then_mirror_then_search(tmp_path: Path):
    data = tmp_path / "archive"
    assert legation(data, "ingest", str(SEED)).returncode == 0
    lines = SEED.read_text(encoding="utf-8").splitlines()
    gone = [json.loads(line)["identifier"] for line in lines[8:]]
    fewer = tmp_path / "fewer.jsonl"
    fewer.write_text("\n".join(lines[:8]) + "\n", encoding="utf-8")

    dry = legation(data, "ingest", "--dry-run", "--delete-missing", str(fewer))
    assert dry.returncode == 0, dry.stderr
    assert "would delete" in dry.stdout and f"would delete: {', '.join(gone)}" in dry.stdout
    # it said nothing of the agents a real run deletes with the documents, as if none were
    assert "a real run also deletes the agents, places, subjects and repositories that only the documents it updates or deletes use" in " ".join(dry.stdout.split())
    assert json.loads(legation(data, "search", "Sino-Soviet", "--json").stdout)["total"] == 10  # every seed record's collection

    mirrored = legation(data, "ingest", "--delete-missing", str(fewer))
    assert mirrored.returncode == 0, mirrored.stderr
    assert f"deleted: {', '.join(gone)}" in mirrored.stdout
    # stdout is a pipe here, as in a log file: every heading whole, not cut at 80 columns ("unchang…")
    headings = "┃ added ┃ updated ┃ unchanged ┃ failed ┃ conflicts ┃ corrections kept ┃ deleted ┃ kept ┃"
    assert headings in mirrored.stdout and "…" not in mirrored.stdout, mirrored.stdout
    assert headings.replace("┃ deleted", "┃ would delete") in dry.stdout
    found = json.loads(legation(data, "search", "Sino-Soviet", "--json").stdout)
    assert found["total"] == 8 and not {h["identifier"] for h in found["hits"]} & set(gone)
    exported = tmp_path / "export.jsonl"
    legation(data, "export", "-o", str(exported))
    assert sorted(json.loads(line)["identifier"] for line in exported.read_text().splitlines()) == sorted(
        json.loads(line)["identifier"] for line in lines[:8]
    )


def _letters(path: Path, letters: list[dict]) -> Path:
    path.write_text("".join(json.dumps(letter) + "\n" for letter in letters), encoding="utf-8")
    return path


def test_the_report_names_the_authority_records_a_reingest_or_delete_missing_deleted(tmp_path: Path):
    """A re-ingest linking 22 letters to a new agent, place, no subject and no repository deleted the old ones,
    which no document used any more and no authority record held, and a --delete-missing the agent only the
    deleted letter named: the report said neither, and an archivist could not see what left the admin's lists
    (a fresh archivist). The screen names the first 20 and counts the rest; the JSON report lists every one."""
    data = tmp_path / "archive"
    collection = [{"key": "letters-1950", "title": "Letters, 1950"}]
    old = [
        {
            "identifier": f"letter-{n:02}", "title": f"Letter {n}", "collections": collection, "place_sent": "Peiping",
            "subjects": ["Old subject"], "repositories": ["Old repository"],
            "agents": [{"key": f"person:sender-{n:02}", "name": f"Sender {n:02}", "role": "sender", "kind": "person"}],
        }
        for n in range(1, 23)
    ]  # fmt: skip
    gone = {"identifier": "letter-gone", "title": "A letter withdrawn", "collections": collection,
            "agents": [{"key": "person:only-withdrawn", "name": "Only Withdrawn", "role": "sender", "kind": "person"}]}  # fmt: skip
    assert legation(data, "ingest", str(_letters(tmp_path / "old.jsonl", [*old, gone]))).returncode == 0
    new = [
        {**letter, "place_sent": "Beijing", "subjects": [], "repositories": [], "agents": [{"key": "person:one-sender", "name": "One Sender", "role": "sender", "kind": "person"}]}
        for letter in old
    ]
    report_file = tmp_path / "report.json"
    again = legation(data, "ingest", "--report", str(report_file), str(_letters(tmp_path / "new.jsonl", [*new, gone])))
    assert again.returncode == 0, again.stderr
    said = " ".join(again.stdout.split())
    assert (
        "note authority records deleted, as no document uses them any more and no authority file nor curator gave them "
        "anything to keep (an agent's curated name or other key, a place's other name, a subject's name given in the admin): 22 agents, "
        "1 place, 1 subject, 1 repository. (1) the agent 'Sender 01' (person:sender-01). (2) the agent 'Sender 02' (person:sender-02)."
    ) in said
    assert "(20) the agent 'Sender 20' (person:sender-20). … and 5 more." in said and "Sender 21" not in said
    deleted = json.loads(report_file.read_text(encoding="utf-8"))["authority_records_deleted"]
    assert deleted == {
        "agents": [{"key": f"person:sender-{n:02}", "name": f"Sender {n:02}"} for n in range(1, 23)],
        "places": ["Peiping"], "subjects": ["Old subject"], "repositories": ["Old repository"],
    }  # fmt: skip

    mirrored = legation(data, "ingest", "--delete-missing", "--report", str(report_file), str(_letters(tmp_path / "kept.jsonl", new)))
    assert mirrored.returncode == 0, mirrored.stderr
    said = " ".join(mirrored.stdout.split())
    assert "deleted: letter-gone" in said and ": 1 agent. (1) the agent 'Only Withdrawn' (person:only-withdrawn)." in said
    assert json.loads(report_file.read_text(encoding="utf-8"))["authority_records_deleted"]["agents"] == [{"key": "person:only-withdrawn", "name": "Only Withdrawn"}]
