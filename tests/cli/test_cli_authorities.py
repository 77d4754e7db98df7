"""`legation authorities FILE` with bad lines: every one named on the screen (the first 50, the
rest counted), a non-zero exit, and nothing loaded."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import legation

def flat(text: str) -> str:
    """``text`` without white space: the terminal wraps long lines where it likes."""
    return "".join(text.split())


PERSON = {"kind": "person", "key": "person:chou-en-lai", "name": "Chou En-lai", "names": ["Zhou Enlai"]}


def test_every_bad_line_is_said_the_first_50_shown_and_nothing_is_loaded(tmp_path: Path):
    path = tmp_path / "authorities.jsonl"
    lines = [json.dumps({"kind": "person", "key": f"person:p{n}", "name": f"P {n}"}) for n in range(1, 2001)]
    for n in range(10, 2001, 33):  # 61 lines of the wrong kind
        lines[n - 1] = json.dumps({"kind": "persn", "key": f"person:p{n}", "name": f"P {n}"})
    lines[1999] = '{"kind": "person", "key": "person:p2000", "name": "P 2000"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = legation(tmp_path / "archive", "authorities", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    said = result.stderr.splitlines()
    shown = [line for line in said if line.startswith("bad line ")]
    assert shown[:2] == [
        f'bad line {path}, line 10: "kind" is "persn"; give one of person, organization, place',
        f'bad line {path}, line 43: "kind" is "persn"; give one of person, organization, place',
    ]
    assert len(shown) == 50 and shown[-1] == f'bad line {path}, line 1627: "kind" is "persn"; give one of person, organization, place'
    assert "… and 12 more bad lines (pass --report FILE to get all of them)" in said
    assert flat(f"error: {path}: 62 bad lines, nothing was loaded; fix them and load the file again") in flat(result.stderr)
    # nothing was loaded: the good lines alone load every agent afresh
    good = tmp_path / "good.jsonl"
    good.write_text("".join(line + "\n" for line in lines if '"persn"' not in line and not line.endswith('"P 2000"')), encoding="utf-8")
    loaded = legation(tmp_path / "archive", "authorities", str(good))
    assert loaded.returncode == 0, loaded.stderr
    assert "1,938 created, 0 given new names, 0 names added" in " ".join(loaded.stdout.split())


def test_one_bad_line_is_said_once(tmp_path: Path):
    path = tmp_path / "authorities.jsonl"
    path.write_text(json.dumps(PERSON) + "\n" + json.dumps({**PERSON, "key": "person:zhou", "same_as": ["person:zhou"]}) + "\n", encoding="utf-8")
    result = legation(tmp_path / "archive", "authorities", str(path))
    assert result.returncode == 1
    said = flat(result.stderr)
    assert flat(f"bad line {path}, line 2: same_as 'person:zhou' lists the line's own key; remove it from same_as") in said
    assert said.endswith(flat(f"error: {path}: 1 bad line, nothing was loaded; fix it and load the file again"))


def test_report_writes_every_bad_line_where_the_screen_cuts_them_as_ingest_does(tmp_path: Path):
    path = tmp_path / "authorities.jsonl"
    path.write_text("".join(json.dumps({"kind": "persn", "key": f"person:p{n}", "name": f"P {n}"}) + "\n" for n in range(1, 61)), encoding="utf-8")
    plain = legation(tmp_path / "archive", "authorities", str(path))
    assert flat("… and 10 more bad lines (pass --report FILE to get all of them)") in flat(plain.stderr)

    report_file = tmp_path / "authorities-report.json"
    result = legation(tmp_path / "archive", "authorities", "--report", str(report_file), str(path))
    assert result.returncode == 1
    assert flat(f"… and 10 more bad lines (all of them are in {report_file})") in flat(result.stderr)
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert (report["file"], report["loaded"], report["counts"]["bad_lines"]) == (str(path), False, 60)
    assert [b["where"] for b in report["bad_lines"]] == [f"{path}, line {n}" for n in range(1, 61)]
    assert report["bad_lines"][59]["reason"] == '"kind" is "persn"; give one of person, organization, place'
    assert not (tmp_path / "authorities-report.json.partial").exists()

    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(PERSON) + "\n", encoding="utf-8")
    loaded = legation(tmp_path / "archive", "authorities", "--report", str(report_file), str(good))
    assert loaded.returncode == 0, loaded.stderr
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report == {
        "file": str(good), "loaded": True,
        "counts": {"created": 1, "extended": 0, "names_added": 1, "merged": 0, "documents_reindexed": 0, "bad_lines": 0},
        "documents_reindexed": [], "bad_lines": [], "error": "",
    }  # fmt: skip
    missing = legation(tmp_path / "archive", "authorities", "--report", str(report_file), str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 1
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert (report["loaded"], report["bad_lines"], report["error"]) == (
        False, [], f"{tmp_path / 'nope.jsonl'}: no such file; give the path of an authority file (JSON Lines, one person or place per line)"
    )


def test_a_report_file_that_cannot_be_written_stops_before_loading(tmp_path: Path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(PERSON) + "\n", encoding="utf-8")
    result = legation(tmp_path / "archive", "authorities", "--report", str(tmp_path / "no-such-folder" / "r.json"), str(good))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "give --report a file in a writable folder" in " ".join(result.stderr.split())
    folder = legation(tmp_path / "archive", "authorities", "--report", str(tmp_path), str(good))
    assert folder.returncode == 1 and "it is a folder; give --report a file path" in " ".join(folder.stderr.split())
