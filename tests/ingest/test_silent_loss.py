"""Input that ingest used to read without a word while losing part of it: a key given twice in a
JSON object (the last value won), a mapped source key no record has, XInclude in TEI (the
included text left out), a quotation mark opening a CSV cell by mistake (the next rows read into
it) and names a CSV cell separates with semicolons (stored as one name). Each is refused, or told, naming the file and the place in it and saying
what to do; the other files of the batch are stored."""

from __future__ import annotations

import csv
import gzip
import itertools
import json
import shutil
from pathlib import Path

import pytest

from legation.errors import IngestError, IngestNote, parse_json
from legation.ingest.mappings import load_mapping
from legation.ingest.readers import files_to_read, read_file
from legation.ingest.readers.csv_dc import read_csv
from legation.ingest.service import ingest_records
from legation.records.models import Document
from legation.records.document_record import DocumentRecord
from tests.conftest import FIXTURES, shared_data

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
def test_keys_of_json_lines_the_mapping_does_not_read_are_named_in_one_note_as_a_csv_tables_columns_are(tmp_path: Path):
    # a shelfmark (archive_box) and the archivist's notes were not stored, and nothing said so, where a CSV
    # table's columns the mapping leaves out are named (a fresh archivist's)
    lines = tmp_path / "mine.jsonl"
    lines.write_text(
        json.dumps({"ref": "a1", "heading": "One", "when": "1950", "body": "Text one", "archive_box": "Box 12", "notes": "", "empty": None}) + "\n"
        + json.dumps({"ref": "a2", "heading": "Two", "when": "1951", "body": "Text two", "archive_box": "Box 13", "notes": "torn"}) + "\n",
        encoding="utf-8",
    )
    mapping = tmp_path / "mine.mapping.json"
    columns = {"ref": "identifier", "heading": "title", "when": "date", "body": "text"}
    mapping.write_text(json.dumps({"columns": columns}), encoding="utf-8")
    report, notes = batch(lines, str(mapping))
    assert len(report.added) == 2
    # each key with the first line giving it a value; a key never given one (empty, null) lost nothing
    assert [n.message for n in notes] == [
        f"keys of the lines 'archive_box' (line 1), 'notes' (line 2) are not in the mapping {mapping}, so their values were not "
        "stored; to keep them, map each to a field (classification, collection, credit, date, date_text, identifier, language, "
        "mentioned, mentioned_key, pages, place, recipient, recipient_key, relation, repository, rights, sender, sender_key, "
        'source, subject, summary, text, title, type, url) in the mapping\'s "columns" and ingest the file again'
    ]
    # keys left out on purpose are listed in "ignore": no note then
    mapping.write_text(json.dumps({"columns": columns, "ignore": ["archive_box", "notes"]}), encoding="utf-8")
    assert batch(lines, str(mapping))[1] == []
    # and so for a CSV table's columns
    table = tmp_path / "mine.csv"
    table.write_text("ref,heading,when,body,archive_box\na1,One,1950,Text one,Box 12\n", encoding="utf-8")
    assert batch(table, str(mapping))[1] == []
    mapping.write_text(json.dumps({"columns": columns}), encoding="utf-8")
    assert [n.message.split(" are not")[0] for n in batch(table, str(mapping))[1]] == ["columns ['archive_box']"]
    # a key the mapping reads cannot be ignored: the mapping would say two things
    mapping.write_text(json.dumps({"columns": columns, "ignore": ["body"]}), encoding="utf-8")
    with pytest.raises(IngestError) as refused:
        load_mapping(mapping)
    assert refused.value.message == '"ignore" names [\'body\'], which the mapping reads (in "columns" or a template): leave them out of "ignore"'
    # the keys of a list's objects the mapping reads in part, each named (DFAT's naa_refs[].naa_barcode were lost so: a fresh user)
    lines.write_text(
        json.dumps({"ref": "a1", "heading": "One", "when": "1950", "body": "Text", "refs": [{"reference": "A981, CHINA 116", "barcode": 257409, "box": ""}]}) + "\n",
        encoding="utf-8",
    )
    mapping.write_text(json.dumps({"columns": {**columns, "refs[].reference": "source"}}), encoding="utf-8")
    assert [n.message.split(" is not")[0] for n in batch(lines, str(mapping))[1]] == ["a key of the lines 'refs[].barcode' (line 1)"]
    mapping.write_text(json.dumps({"columns": {**columns, "refs[].reference": "source"}, "ignore": ["refs[].barcode"]}), encoding="utf-8")
    assert batch(lines, str(mapping))[1] == []
    mapping.write_text(json.dumps({"columns": {**columns, "refs[].reference": "source"}, "ignore": ["refs"]}), encoding="utf-8")
    with pytest.raises(IngestError):  # the list is read, in part
        load_mapping(mapping)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("mapping", "corpus"),
    [("dfat", "dfat-documents-on-australian-foreign-policy/documents.jsonl.gz"), ("korean-speeches", "korean-presidential-speeches-ko/speeches.jsonl.gz"),
     ("sotu", "us-state-of-the-union/addresses.jsonl.gz"), ("ataturk", "ataturk-speeches-telegrams/speeches.jsonl.gz"),
     ("nutuk", "ataturk-speeches-telegrams/nutuk_chapters.jsonl.gz"), ("ungd", "un-general-debate-corpus/speeches-1946-1989.jsonl.xz"),
     ("prc-reports", "prc-government-work-reports-zh/government_work_reports.jsonl.gz")],
)
def test_the_bundled_mappings_read_or_ignore_every_key_of_their_corpora(tmp_path: Path, mapping: str, corpus: str):
    # every key of the first 200 lines: read by the mapping, or left out on purpose ("ignore"), so none is named as lost
    source = shared_data(corpus)
    opener = gzip.open if source.suffix == ".gz" else __import__("lzma").open
    with opener(source, "rt", encoding="utf-8") as lines:
        head = list(itertools.islice(lines, 200))
    sample = tmp_path / "sample.jsonl"
    sample.write_text("".join(head), encoding="utf-8")
    notes = [item for item in read_file(sample, mapping) if isinstance(item, IngestNote)]
    assert not [n.message for n in notes if "not in the mapping" in n.message]
    loaded = load_mapping(mapping)
    keys = {key for line in head for key, value in json.loads(line).items() if value not in (None, "", [], {})}
    assert keys - loaded.ignore - {k.partition("[].")[0] for k in loaded.source_columns()} == set()


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


# --- 4. a quotation mark opening a CSV cell by mistake, and names separated by semicolons -----

# d2's title opens a quotation mark that only d10's inch mark closes: the csv module read lines 7–14 into that
# cell, and the ingest said "added 2, failed 0". d1's text is in paragraphs, one of whose lines reads as a row.
STRAY = (
    "identifier,title,date,creator,text\n"
    'd1,Telegram from Acheson,1950-01-01,Dean Acheson,"The treaty, as drafted,\n'
    "d7, that is, the seventh, as numbered, stands.\n\nA second paragraph.\"\n"
    'd2,"Telegram from Mao,1950-01-02,Mao Zedong,\n'
    + "".join(f"d{n},{title},1950-01-0{n},{name},\n" for n, title, name in (
        (3, "Letter from Zhou", "Zhou Enlai"), (4, "Memorandum on the treaty", "Dean Acheson"), (5, "Telegram from Moscow", "Mao Zedong"),
        (6, "Report on the talks", "Zhou Enlai"), (7, "Letter from Stalin", "Joseph Stalin"), (8, "Note on naval guns", "Dean Acheson"),
        (9, "Order for guns", "Zhou Enlai"),
    ))
    + 'd10,Telegram on the guns of 5",1950-01-10,Mao Zedong,\n'
)


def read_as(items) -> list[str]:
    """What a reader gave: each document's identifier, each failure's place."""
    return [i.location if isinstance(i, IngestError) else i.identifier for i in items]


def stray(first: int, last: int, column: str = "title", closed: bool = True) -> str:
    """The failure of a row whose cell a quotation mark opened at line ``first``, reading lines to ``last`` into it."""
    lines, were, rows, again = (
        (f"line {last}", "was", "a row of its own", "the row it is") if last == first + 1
        else (f"lines {first + 1}–{last}", "were", "rows of their own", "the rows they are")
    )
    ran = f"the next one closes it only at line {last}" if closed else "it is never closed"
    return (
        f"a quotation mark (\") opens the cell of column '{column}' here and {ran}, so {lines}, {rows}, {were} read into that "
        f"cell. This row was not stored; {lines} {were} read again as {again}. If the quotation mark was left open, close "
        'it; if it belongs to the value (5" gun), write it as two and put the whole cell in quotation marks ("5"" gun"); '
        "then ingest the file again"
    )


@pytest.mark.django_db
def test_rows_a_stray_quotation_mark_read_into_one_cell_are_stored_and_its_row_fails_there(tmp_path: Path):
    path = tmp_path / "telegrams.csv"
    path.write_text(STRAY, encoding="utf-8")
    report = ingest_records(read_file(path))
    assert [(f.where, f.reason) for f in report.failed] == [(f"{path}, line 6", stray(6, 14))]
    assert report.added == ["d1", *(f"d{n}" for n in range(3, 11))]
    stored = {d.identifier: d for d in Document.objects.all()}
    assert stored["d1"].texts.get().body == (
        "The treaty, as drafted,\nd7, that is, the seventh, as numbered, stands.\n\nA second paragraph."  # paragraphs, as written
    )
    assert (stored["d10"].title, stored["d9"].title) == ('Telegram on the guns of 5"', "Order for guns")
    # the same quotation mark closed by one with text after it, which the csv module refuses
    path.write_text(STRAY.replace("Order for guns", 'Order for 5" guns'), encoding="utf-8")
    items = list(read_file(path))
    assert [(i.location, i.message) for i in items if isinstance(i, IngestError)] == [("line 6", stray(6, 13))]
    assert [i.title for i in items if not isinstance(i, IngestError)][-2:] == ['Order for 5" guns', 'Telegram on the guns of 5"']


def test_ditto_marks_typed_as_quotation_marks_fail_their_rows_and_no_row_is_lost(tmp_path: Path):
    path = tmp_path / "register.csv"
    path.write_text(
        'identifier,title,place\nr1,Letter to the Consul,Moscow\nr2,Letter to the Consul,"\nr3,Note to the Consul,"\n'
        'r4,Telegram,Peking\nr5,Note,"\n',
        encoding="utf-8",
    )
    items = list(read_csv(path))
    assert read_as(items) == ["r1", "line 3", "line 4", "r4", "line 6"]
    errors = [i.message for i in items if isinstance(i, IngestError)]
    assert errors[:2] == [stray(3, 4, "place"), stray(4, 6, "place")]
    assert errors[2] == (  # the last row's is never closed, and no line comes after it
        'a cell of the row starting here opens a quotation mark (") that is never closed, so this row was not stored, the '
        "rows after it were read. Close the quotation mark, or write a quotation mark inside a cell as two and put the "
        'whole cell in quotation marks ("""Big Five"" talks"), and ingest the file again'
    )


def test_a_cell_in_quotation_marks_going_on_after_them_fails_alone_unless_the_next_lines_are_no_rows(tmp_path: Path):
    path = tmp_path / "talks.csv"
    path.write_text('identifier,title,text\nb-1,Telegram,Sent\nb-2,"Big Five" talks,Sent\nb-3,Letter,"One\n\nTwo"\n', encoding="utf-8")
    items = list(read_csv(path))
    assert read_as(items) == ["b-1", "line 3", "b-3"]
    assert items[1].message == (
        'a cell of the row starting here is put in quotation marks (") but goes on after the closing one here: "Big Five" '
        "talks, so this row was not stored, the rows after it were read. Close the quotation mark, or write a quotation "
        'mark inside a cell as two and put the whole cell in quotation marks ("""Big Five"" talks"), and ingest the file again'
    )
    # the cell shown is the file's own, with how to write it (an example not from the file was shown for any)
    path.write_text('identifier;title;text\nb-1;Telegram;Sent\nb-2;Memorandum "Paper on Berlin" of the Staff;x\nb-3;"Tripartite" talks;Sent\n', encoding="utf-8")
    items = list(read_csv(path))
    assert read_as(items) == ["b-1", "b-2", "line 4"]
    assert items[2].message.startswith(
        'a cell of the row starting here is put in quotation marks (") but goes on after the closing one here: "Tripartite" talks, '
    )
    assert 'put the whole cell in quotation marks ("""Tripartite"" talks")' in items[2].message
    # a long cell, one whose quoted part runs over lines and one going on with another quotation mark are shown
    # from the file too, cut about the closing mark: each was shown as the example "Big Five" talks, or cut at its third mark
    long_title = "Memorandum " * 10
    shown = []
    for row in (f'"{long_title}" of the Staff', '"One\nTwo" talks', '"x"y"z"'):
        path.write_text(f"identifier;title;text\nb-1;{row};x\nb-2;Letter;x\n", encoding="utf-8")
        items = list(read_csv(path))
        assert read_as(items) == ["line 2", "b-2"]
        shown.append(items[0].message.split(" here: ", 1)[1].split(", so ", 1)[0])
    assert shown == ['"…' + long_title[-30:] + '" of the Staff', '"…Two" talks', '"x"y"z"']
    # its own text goes on over the next lines: they are not rows, and where the next row starts is not known
    path.write_text('identifier,title,text\nb-1,Telegram,Sent\nb-2,"Big Five" talks,"One\n\nTwo"\nb-3,Letter,Sent\n', encoding="utf-8")
    items = list(read_csv(path))
    assert read_as(items) == ["b-1", "line 3"]
    assert "so the rest of the file cannot be read; the rows before were read." in items[1].message


@pytest.mark.django_db
def test_real_frus_rows_after_a_title_whose_quotation_mark_was_left_open_are_stored(tmp_path: Path):
    """Ten rows of the FRUS documents index (frus1949v07p1 d30–d39) as a Dublin Core table; d32's title lost the
    quotation mark closing it. The rows after it were not read; d35 names two senders and two recipients with ";"."""
    index = shared_data("frus/documents-index.csv.gz")
    with gzip.open(index, "rt", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["volume_id"] == "frus1949v07p1"][29:39]
    path = tmp_path / "frus1949v07p1.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["identifier", "title", "date", "place", "creator", "recipient", "source"])
        writer.writerows([f"{r['volume_id']}-{r['doc_id']}", r["title"], r["date_when"], r["place"], r["from"], r["to"], r["source_note"]] for r in rows)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",", ',"', 1)  # frus1949v07p1-d32,"The Ambassador in Frame (Bruce) to the Secretary of State,1949-06-02T12:00:00,…
    path.write_text("".join(lines), encoding="utf-8")
    items = list(read_file(path))
    report = ingest_records(items)
    assert [(f.where, f.reason) for f in report.failed] == [(f"{path}, line 4", stray(4, 11, closed=False))]
    assert report.added == [f"frus1949v07p1-d{n}" for n in (30, 31, *range(33, 40))]
    d35 = Document.objects.get(identifier="frus1949v07p1-d35")
    assert list(d35.agent_links.values_list("role", "agent__name")) == [  # as written, one name each
        ("recipient", "Embassy in France; French Foreign Office"), ("sender", "Acting Secretary of State; Department of State")]
    notes = [i for i in items if isinstance(i, IngestNote)]
    assert [(n.location, n.message.split(", stored as one name")[0]) for n in notes] == [
        ("line 7", "column 'creator' has a semicolon, as between several names, in 1 cell (line 7: 'Acting Secretary of State; Department of State')"),
        ("line 7", "column 'recipient' has a semicolon, as between several names, in 1 cell (line 7: 'Embassy in France; French Foreign Office')"),
    ]


NAMES = "identifier,title,date,creator,recipient\nn1,Talks in Moscow,1950-01-02,Mao Zedong; Zhou Enlai,Joseph Stalin\nn2,Letter,1950-01-03,\"Mao, Zedong\",Joseph Stalin\n"


@pytest.mark.django_db
def test_names_separated_by_semicolons_are_stored_as_written_and_noted_with_how_to_declare_the_separator(tmp_path: Path):
    path = tmp_path / "talks.csv"
    path.write_text(NAMES, encoding="utf-8")
    items = list(read_file(path))
    (note,) = [i for i in items if isinstance(i, IngestNote)]
    mapping = '{"columns": {"identifier": "identifier", "title": "title", "date": "date", "creator": "sender", "recipient": "recipient"}, "separator": ";"}'
    assert (note.path, note.location, note.message) == (
        str(path),
        "line 2",
        "column 'creator' has a semicolon, as between several names, in 1 cell (line 2: 'Mao Zedong; Zhou Enlai'), "
        "stored as one name: this table separates names with '|'. If they are several names, write them so ('Mao Zedong|Zhou "
        f"Enlai'), or declare it the separator in a mapping beside the file, talks.mapping.json: {mapping} (it then separates "
        "the values of every field that takes several), and ingest the file again",
    )
    report = ingest_records(items)
    assert report.added == ["n1", "n2"] and not report.failed
    assert list(Document.objects.get(identifier="n1").agent_links.values_list("role", "agent__name")) == [
        ("recipient", "Joseph Stalin"), ("sender", "Mao Zedong; Zhou Enlai")]
    # the mapping the note gives, beside the file: two names, "Mao, Zedong" still one, and no note
    (tmp_path / "talks.mapping.json").write_text(mapping, encoding="utf-8")
    items = list(read_file(path))
    assert not [i for i in items if isinstance(i, (IngestNote, IngestError))]
    assert {r.identifier: [a.name for a in r.agents if a.role == "sender"] for r in items} == {
        "n1": ["Mao Zedong", "Zhou Enlai"], "n2": ["Mao, Zedong"]}


def test_a_comma_between_names_of_several_words_is_noted_with_how_to_write_several(tmp_path: Path):
    # "Mao Zedong, Zhou Enlai" was stored, without a word, as one person "Zhou Enlai Mao Zedong" (a fresh archivist),
    # and three names as one as written; a comma also writes a name surname first ("Acheson, Dean", "Lloyd George,
    # David") and a body's name may hold one ("Hz. Franz von Sachsen, Egern und Westfalen"), so the cell is not split
    path = tmp_path / "talks.csv"
    path.write_text(
        "identifier,title,date,creator,recipient\n"
        'n1,Talks,1950-01-02,"Mao Zedong, Zhou Enlai","Acheson, Dean"\n'
        'n2,Talks,1950-01-03,"Lloyd George, David","Dean Acheson, Ernest Bevin|Stalin"\n'
        'n3,Talks,1950-01-04,"Mao, Zedong","Lodge, Henry Cabot, Jr."\n'
        'n4,Talks,1950-01-05,"Mao Zedong, Zhou Enlai, Liu Shaoqi","Hz. Franz von Sachsen, Egern und Westfalen"\n',
        encoding="utf-8",
    )
    items = list(read_file(path))
    senders = {r.identifier: [a.name for a in r.agents] for r in items if isinstance(r, DocumentRecord)}
    assert senders == {
        "n1": ["Zhou Enlai Mao Zedong", "Dean Acheson"],
        "n2": ["David Lloyd George", "Ernest Bevin Dean Acheson", "Stalin"],
        "n3": ["Mao, Zedong", "Henry Cabot Lodge Jr."],
        "n4": ["Mao Zedong, Zhou Enlai, Liu Shaoqi", "Hz. Franz von Sachsen, Egern und Westfalen"],
    }
    notes = [(n.location, n.message) for n in items if isinstance(n, IngestNote)]
    assert notes == [
        ("line 2", "column 'creator' has a comma between names of several words in 2 cells (line 2: 'Mao Zedong, Zhou Enlai'; "
         "line 5: 'Mao Zedong, Zhou Enlai, Liu Shaoqi'), each stored as one name ('Zhou Enlai Mao Zedong'): a comma writes one "
         "name surname first, as in 'Acheson, Dean'. If they are several names, separate them with '|' ('Mao Zedong|Zhou Enlai') "
         "and ingest the file again"),
        ("line 3", "column 'recipient' has a comma between names of several words in 1 cell (line 3: 'Dean Acheson, Ernest Bevin|Stalin'), "
         "stored as one name ('Ernest Bevin Dean Acheson'): a comma writes one name surname first, as in 'Acheson, Dean'. If they are "
         "several names, separate them with '|' ('Dean Acheson|Ernest Bevin') and ingest the file again"),
    ]  # fmt: skip
