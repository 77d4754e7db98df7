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
    assert "… and 12 more bad lines" in said
    assert flat(f"error: {path}: 62 bad lines, nothing was loaded; fix them and load the file again") in flat(result.stderr)
    # nothing was loaded: the good lines alone load every agent afresh
    good = tmp_path / "good.jsonl"
    good.write_text("".join(line + "\n" for line in lines if '"persn"' not in line and not line.endswith('"P 2000"')), encoding="utf-8")
    loaded = legation(tmp_path / "archive", "authorities", str(good))
    assert loaded.returncode == 0, loaded.stderr
    assert "1938 created, 0 given new names, 0 names added" in " ".join(loaded.stdout.split())


def test_one_bad_line_is_said_once(tmp_path: Path):
    path = tmp_path / "authorities.jsonl"
    path.write_text(json.dumps(PERSON) + "\n" + json.dumps({**PERSON, "key": "person:zhou", "same_as": ["person:zhou"]}) + "\n", encoding="utf-8")
    result = legation(tmp_path / "archive", "authorities", str(path))
    assert result.returncode == 1
    said = flat(result.stderr)
    assert flat(f"bad line {path}, line 2: same_as 'person:zhou' lists the line's own key; remove it from same_as") in said
    assert said.endswith(flat(f"error: {path}: 1 bad line, nothing was loaded; fix it and load the file again"))
