"""What the commands print is the data as written: square brackets in file names, reasons and
titles are text, not Rich markup (which would swallow ``[ocr]`` or ``[1]``)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import SEED, legation


def test_brackets_in_file_names_and_reasons_are_printed(tmp_path: Path):
    bad = tmp_path / "cables[1].jsonl"
    bad.write_text(SEED.read_text(encoding="utf-8").splitlines()[0] + "\n[oops]\n", encoding="utf-8")
    result = legation(tmp_path / "archive", "ingest", str(bad))
    assert result.returncode == 1
    assert "cables[1].jsonl, line 2" in result.stdout


def test_empty_data_dir_variable_means_the_default_folder(tmp_path: Path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("LEGATION_", "DJANGO_"))}
    result = subprocess.run(
        [sys.executable, "-m", "legation", "search", "anything"],
        env={**env, "LEGATION_DATA_DIR": ""}, cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "var" / "legation.sqlite3").exists() and not (tmp_path / "legation.sqlite3").exists()
