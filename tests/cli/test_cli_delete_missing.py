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
