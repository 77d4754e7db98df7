"""Input that ingest used to read without a word while losing part of it: a key given twice in a
JSON object (the last value won), a mapped source key no record has, and XInclude in TEI (the
included text left out). Each is refused, or told, naming the file and the place in it and saying
what to do; the other files of the batch are stored."""

from __future__ import annotations

import gzip
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


# --- 2. a mapping naming a source field the data does not have --------------------------------

ADDRESS = {"fileid": "1790-Washington-1", "year": "1790", "president_full": "George Washington", "text": "Fellow-Citizens",
           "refs": [{"reference": "Journal of the Senate, 1790"}]}


@pytest.mark.django_db
def test_a_mapped_key_no_line_has_is_noted_after_the_lines_and_their_documents_are_stored(tmp_path: Path):
    folder = tmp_path / "batch"
    folder.mkdir()
    lacking = folder / "a-addresses.jsonl"  # spells the president's key as the mapping does not; the second line has no refs
    lacking.write_text(
        json.dumps({"fileid": "1790-Washington-1", "year": "1790", "President_Full": "George Washington", "text": "Fellow-Citizens",
                    "refs": [{"ref": "Journal of the Senate, 1790"}]}) + "\n"
        + json.dumps({"fileid": "1791-Washington-2", "year": "1791", "text": "Second", "refs": []}) + "\n",
        encoding="utf-8",
    )
    having = folder / "b-addresses.jsonl"  # has every key in one line or another: no note
    having.write_text(json.dumps({**ADDRESS, "fileid": "1792-Washington-3", "refs": []}) + "\n"
                      + json.dumps({**ADDRESS, "fileid": "1793-Washington-4", "president_full": None}) + "\n", encoding="utf-8")
    mapping = tmp_path / "addresses.mapping.json"
    mapping.write_text(json.dumps({
        "columns": {"fileid": "identifier", "year": "date", "president_full": "sender", "refs[].reference": "source", "text": "text"},
        "title_template": "Annual Message, {president_full}, {year}", "defaults": {"language": "en"},
    }), encoding="utf-8")
    report, notes = batch(folder, str(mapping))
    assert not report.failed and len(report.added) == 4
    assert [(n.path, n.location, n.message) for n in notes] == [(
        str(lacking),
        "",
        f"the mapping {mapping} names keys 'president_full' (for sender and the title template; did you mean 'President_Full'?), "
        "'refs[].reference' (for source; did you mean 'refs[].ref'?) that no line of the file has (2 lines read), so those "
        "fields got no value from them; the lines have the keys ['President_Full', 'fileid', 'refs', 'refs[].ref', 'text', "
        "'year']. If the mapping misspells a key, write it as the lines spell it (case counts) and ingest the file again "
        "(the documents are updated); if the file has no such values, nothing is missing",
    )]


@pytest.mark.django_db
def test_a_csv_mapping_naming_a_column_the_header_lacks_fails_that_file_before_its_rows_and_the_batch_goes_on(tmp_path: Path):
    folder = tmp_path / "batch"
    folder.mkdir()
    table = folder / "a-holdings.csv"
    table.write_text("RefNo,Heading,Written\nHX-1,Despatch on Ottoman trade,1720-05-12\n", encoding="utf-8")
    mapping = folder / "a-holdings.mapping.json"  # beside the table: read with it, by its name
    mapping.write_text('{"columns": {"RefNo": "identifier", "Headng": "title", "Date": "date"}}', encoding="utf-8")
    (folder / "b-letters.csv").write_text("identifier,title\nhx-2,Letter on trade\n", encoding="utf-8")
    report, _ = batch(folder)
    assert [(f.where, f.reason) for f in report.failed] == [(
        f"{table}, line 1",
        f"the mapping {mapping} names columns 'Headng' (did you mean 'Heading'?), 'Date' that the file does not have; its "
        "columns are ['RefNo', 'Heading', 'Written']. Write the mapping's column names as the header spells them (case and "
        "spaces count), or give the mapping meant for this file; nothing of the file was read",
    )]
    assert report.added == ["hx-2"]


# --- 3. XInclude in TEI ----------------------------------------------------------------------

XI = 'xmlns:xi="http://www.w3.org/2001/XInclude"'
LETTER = (
    '<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" {xi}><teiHeader><fileDesc><titleStmt><title>Letter to the '
    'Foreign Office</title></titleStmt></fileDesc><profileDesc><correspDesc><correspAction type="sent"><persName>A</persName>'
    "</correspAction></correspDesc></profileDesc></teiHeader>\n<text><body><p>Dear Sir,</p>\n{include}\n<p>Yours</p></body></text></TEI>\n"
)


def included(name: str, shown: str, whole: str, its: str = "its") -> str:
    return (
        f"includes other XML with XInclude: {shown}; Legation never follows an include (it could bring a file of this "
        "computer or of the network into the archive), so the document would lack the included text: nothing of this "
        f"file was stored. Resolve the includes first (xmllint --xinclude {name} > {whole}, run beside the files it "
        f"includes), check that {whole} holds {its} text, and ingest that instead"
    )


@pytest.mark.django_db
def test_a_tei_letter_with_xinclude_fails_at_the_include_and_the_included_file_is_never_read(tmp_path: Path):
    (tmp_path / "secret.xml").write_text('<p xmlns="http://www.tei-c.org/ns/1.0">TOP-SECRET-CONTENT-4711</p>', encoding="utf-8")
    folder = tmp_path / "batch"
    folder.mkdir()
    letter = folder / "a-letter.xml"
    include = f'<xi:include href="../secret.xml"/>\n<xi:include href="{tmp_path / "secret.xml"}"><xi:fallback><p>gone</p></xi:fallback></xi:include>'
    letter.write_text(LETTER.format(xi=XI, include=include), encoding="utf-8")
    shutil.copy(FIXTURES / "tei" / "49548.xml", folder / "b-dodis.xml")
    report, _ = batch(folder)
    shown = f'<xi:include href="../secret.xml"/> (line 4), <xi:include href="{tmp_path / "secret.xml"}"/> (line 5)'
    assert [(f.where, f.reason) for f in report.failed] == [(f"{letter}, line 4", included("a-letter.xml", shown, "a-letter-whole.xml", "their"))]
    assert report.added == ["dodis-49548"] and Document.objects.count() == 1
    assert "TOP-SECRET" not in repr(report) and not Document.objects.filter(texts__body__contains="TOP-SECRET").exists()


def test_an_include_with_its_prefix_declared_nowhere_fails_too_and_a_letter_without_one_is_read(tmp_path: Path):
    letter = tmp_path / "letter.xml.gz"
    letter.write_bytes(gzip.compress(LETTER.format(xi="", include='<xi:include href="part2.xml"/>').encode()))
    [error] = read_file(letter)
    assert (error.location, error.message) == ("line 4", included("letter.xml.gz", '<xi:include href="part2.xml"/> (line 4)', "letter-whole.xml"))
    plain = tmp_path / "plain.xml"
    plain.write_text(LETTER.format(xi=XI, include=""), encoding="utf-8")
    [record] = read_file(plain)
    assert record.texts[0].body == "Dear Sir,\n\nYours"


def test_a_frus_volume_with_xinclude_stores_none_of_its_documents(tmp_path: Path):
    lines = (FIXTURES / "frus" / "frus1917-72PubDip.xml").read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[64].strip() == '<div type="section" xml:id="about">'
    lines.insert(65, f'<xi:include {XI} href="chapter-2.xml"/>\n')  # line 66
    volume = tmp_path / "frus1917-72PubDip.xml"
    volume.write_text("".join(lines), encoding="utf-8")
    [error] = read_file(volume)
    shown = '<xi:include href="chapter-2.xml"/> (line 66)'
    assert (error.location, error.message) == ("line 66", included(volume.name, shown, "frus1917-72PubDip-whole.xml"))
