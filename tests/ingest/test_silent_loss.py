"""Input that ingest used to read without a word while losing part of it: a key given twice in a
JSON object (the last value won), a mapped source key no record has, and XInclude in TEI (the
included text left out). Each is refused, or told, naming the file and the place in it and saying
what to do; the other files of the batch are stored."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from legation.errors import IngestError, IngestNote, parse_json
from legation.ingest.mappings import load_mapping
from legation.ingest.readers import files_to_read, read_file
from legation.ingest.service import ingest_records
from legation.records.models import Document
from tests.conftest import FIXTURES

SEED = FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"
WILSON = FIXTURES / "wilson" / "document-900001-crafted.json"


def batch(folder: Path, mapping: str | None = None):
    """The report of ingesting a folder as `legation ingest FOLDER` does, with the notes read."""
    notes: list[IngestNote] = []
    items = [item for path in files_to_read([folder], mapping, notes) for item in read_file(path, mapping)]
    return ingest_records(items), notes + [i for i in items if isinstance(i, IngestNote)]


def twice(key: str, places: str) -> str:
    return (
        f'the key "{key}" is given twice in one object (at {places}): JSON keeps only the last value, so the other would '
        f'be lost without a word; keep one "{key}" (the value meant), remove the other, and ingest the file again'
    )


def columns(line: str, key: str) -> str:
    """Where ``line`` gives ``key`` first and last, as the message says it (columns count from 1)."""
    quoted = json.dumps(key)
    return f"columns {line.index(quoted) + 1} and {line.rindex(quoted) + 1}"


# --- 1. a key given twice in a JSON object ---------------------------------------------------


@pytest.mark.django_db
def test_a_json_lines_record_giving_a_key_twice_fails_at_its_line_and_the_batch_goes_on(tmp_path: Path):
    folder = tmp_path / "batch"
    folder.mkdir()
    bad = folder / "a-letters.jsonl"
    two = '{"identifier": "dup-2", "title": "First title", "language": "en", "title": "Second title"}'
    three = '{"identifier": "dup-3", "title": "Not kept", "agents": [{"key": "p1", "name": "A", "role": "sender", "name": "B"}]}'
    bad.write_text(f'{{"identifier": "dup-1", "title": "Kept"}}\n{two}\n{three}\n{{"identifier": "dup-4", "title": "Kept too"}}\n', encoding="utf-8")
    shutil.copy(SEED, folder / "b-seed.jsonl")
    report, _ = batch(folder)
    assert [(f.where, f.reason) for f in report.failed] == [
        (f"{bad}, line 2", twice("title", columns(two, "title"))),
        # inside an agent: found wherever it is
        (f"{bad}, line 3", twice("name", columns(three, "name"))),
    ]
    assert len(report.added) == 12 and Document.objects.count() == 12
    assert not Document.objects.filter(identifier__in=["dup-2", "dup-3"]).exists()


@pytest.mark.django_db
def test_a_mapped_json_lines_record_giving_a_key_twice_fails_at_its_line(tmp_path: Path):
    folder = tmp_path / "sotu"
    folder.mkdir()
    good = {"fileid": "1790-Washington-1", "year": "1790", "date": "1790-01-08", "president_full": "George Washington", "text": "Fellow-Citizens"}
    line = json.dumps({**good, "fileid": "1790-Washington-2"})[:-1] + ', "text": "Another text"}'
    path = folder / "addresses.jsonl"
    path.write_text(json.dumps(good) + "\n" + line + "\n", encoding="utf-8")
    report, _ = batch(folder, "sotu")
    assert [(f.where, f.reason) for f in report.failed] == [(f"{path}, line 2", twice("text", columns(line, "text")))]
    assert report.added == ["sotu-1790-Washington-1"]


@pytest.mark.django_db
def test_a_wilson_center_record_giving_a_key_twice_fails_at_the_line_of_the_second(tmp_path: Path):
    folder = tmp_path / "wilson"
    folder.mkdir()
    shutil.copy(WILSON, folder / "a-good.json")
    lines = WILSON.read_text(encoding="utf-8").splitlines()
    assert lines[3].startswith(' "title"')
    lines.insert(10, ' "title": "Another title",')  # line 11 of the file, the first title being at line 4
    bad = folder / "b-twice.json"
    bad.write_text("\n".join(lines).replace('"id": "900001"', '"id": "900009"', 1), encoding="utf-8")
    report, _ = batch(folder)
    assert [(f.where, f.reason) for f in report.failed] == [(f"{bad}, line 11", twice("title", "line 4, column 2 and line 11, column 2"))]
    assert report.added == ["wilson-900001"]


def test_other_json_giving_a_key_twice_is_passed_over_as_other_json_and_a_mapping_is_refused(tmp_path: Path):
    other = tmp_path / "settings.json"
    other.write_text('{"a": 1, "a": 2}', encoding="utf-8")
    notes: list[IngestNote] = []
    assert files_to_read([tmp_path], None, notes) == [] and "is JSON but no Wilson Center" in notes[0].message
    mapping = tmp_path / "letters.mapping.json"
    mapping.write_text('{"columns": {\n  "title": "title",\n  "title": "summary"}}', encoding="utf-8")
    with pytest.raises(IngestError) as raised:
        load_mapping(mapping)
    assert (raised.value.location, raised.value.message) == ("line 3", "mapping: " + twice("title", "line 2, column 3 and line 3, column 3"))


def test_a_key_twice_is_found_by_its_decoded_value_and_only_within_one_object():
    assert parse_json('[{"a": 1}, {"a": 2}, {"b": {"a": 3}, "a": 4}]') == [{"a": 1}, {"a": 2}, {"b": {"a": 3}, "a": 4}]
    with pytest.raises(json.JSONDecodeError) as raised:
        parse_json('{"\\u00e9": 1, "é": 2}')  # one key, written two ways
    assert (raised.value.key, raised.value.places()) == ("é", "columns 2 and 15")
