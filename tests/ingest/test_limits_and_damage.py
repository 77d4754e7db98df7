"""Oversized fields and lines, cut-off and damaged files, files that are not what their name says:
each is one clear failure naming file and line (or a note for a file Legation does not read), and
the rest of the batch goes on."""

from __future__ import annotations

import gzip
import json
import resource
from pathlib import Path

import pytest

from legation.errors import IngestError, IngestNote, json_problem
from legation.ingest.readers import ALIKE, MAX_LINE_BYTES, files_to_read, json_lines, read_file
from legation.ingest.service import ingest_records
from legation.records.document_record import MAX_CHARACTERS, DocumentRecord, RecordError
from legation.records.models import Document
from tests.conftest import FIXTURES

SEED = FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"
FRUS = FIXTURES / "frus" / "frus1917-72PubDip.xml"


def line(identifier: str, **fields) -> str:
    return json.dumps({"identifier": identifier, "title": "A telegram", **fields}) + "\n"


def split(items) -> tuple[list[DocumentRecord], list[IngestError]]:
    items = list(items)
    return [i for i in items if isinstance(i, DocumentRecord)], [i for i in items if isinstance(i, IngestError)]


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"title": "T" * 2_001}, "title is 2,001 characters, more than the 2,000 allowed"),
        ({"summary": "s" * 20_001}, "summary is 20,001 characters, more than the 20,000 allowed"),
        ({"texts": [{"body": "b" * 2_000_001}]}, "text is 2,000,001 characters, more than the 2,000,000 allowed"),
        ({"texts": [{"body": "b", "footnotes": [{"n": "1", "text": "f" * 100_001}]}]}, "footnote is 100,001 characters"),
        ({"texts": [{"body": "b" * 1_999_999}, {"body": "b" * 1_999_999}, {"body": "b" * 10}]}, "its fields hold 4,000,0"),
        ({"subjects": [f"s{i}" for i in range(20_001)]}, "has 20,001 agents, subjects"),
    ],
)
def test_an_oversized_field_fails_its_line_and_the_other_lines_go_on(tmp_path: Path, fields, problem):
    _, error = second_line_fails(tmp_path, fields)
    assert problem in error.message


def second_line_fails(tmp_path: Path, fields: dict) -> tuple[Path, IngestError]:
    """A file of three lines, the second with ``fields``: asserts that the others are read and
    only the second fails; returns the file and that failure."""
    path = tmp_path / "cables.jsonl"
    path.write_text(line("a") + line("b", **fields) + line("c"), encoding="utf-8")
    records, errors = split(read_file(path))
    assert [r.identifier for r in records] == ["a", "c"]
    (error,) = errors
    assert (error.path, error.location) == (str(path), "line 2")
    return path, error


def test_fields_at_their_limits_are_stored_whole():
    record = DocumentRecord("a", "T" * MAX_CHARACTERS["title"], summary="s" * MAX_CHARACTERS["summary"]).validate()
    assert len(record.title) == 2_000
    with pytest.raises(RecordError, match=r"^a: title is 2,001 characters, more than the 2,000 allowed: 'TTT"):
        DocumentRecord("a", "T" * 2_001).validate()


def test_a_line_longer_than_the_limit_is_skipped_without_being_held(tmp_path: Path):
    path = tmp_path / "cables.jsonl"
    path.write_bytes(line("a").encode() + b'{"identifier": "b", "title": "' + b"x" * 1000 + b'"}\n' + line("c").encode())
    items = list(json_lines(path, max_bytes=100))
    assert [i[0] for i in items if isinstance(i, tuple)] == [1, 3]
    (error,) = [i for i in items if isinstance(i, IngestError)]
    assert error.location == "line 2"
    assert error.message.startswith("the line is 1,033 bytes long, more than the 100 Legation reads")


def test_a_compressed_title_of_200_million_characters_costs_no_memory(tmp_path: Path):
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as handle:
        handle.write(b'{"identifier": "bomb", "title": "')
        for _ in range(200):
            handle.write(b"H" * 1_000_000)
        handle.write(b'"}\n' + line("after").encode())
    assert path.stat().st_size < 300_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    records, errors = split(read_file(path))
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) < 100_000  # kB: a line's worth at most
    assert [r.identifier for r in records] == ["after"]
    assert [(e.location, e.message.split(";")[0]) for e in errors] == [
        ("line 1", f"the line is 200,000,036 bytes long, more than the {MAX_LINE_BYTES:,} Legation reads (a document of that size is not one it stores)")
    ]


def test_a_line_not_utf8_fails_alone(tmp_path: Path):
    path = tmp_path / "cables.jsonl"
    path.write_bytes(line("a").encode() + b'{"identifier": "b", "title": "caf\xe9"}\n' + line("c").encode())
    records, errors = split(read_file(path))
    assert [r.identifier for r in records] == ["a", "c"]
    assert [(e.location, e.message) for e in errors] == [
        ("line 2", "is not UTF-8 (byte 34 of the line, 0xE9, cannot be read as UTF-8; the file may be in Windows-1252 (Western European)): save it as UTF-8")
    ]


def test_a_cut_off_compressed_file_keeps_its_whole_lines_and_says_where_it_stops(tmp_path: Path):
    whole = SEED.read_bytes() * 20  # enough lines for the cut to fall after some of them
    data = gzip.compress(whole)
    path = tmp_path / "seed.jsonl.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    items = list(read_file(path))
    records = [i for i in items if isinstance(i, DocumentRecord)]
    assert 0 < len(records) < 200
    last = items[-1]
    assert isinstance(last, IngestError) and last.location == f"line {len(records) + 1}"
    assert f"reading stopped here: the file is cut off or damaged (" in last.message
    assert last.message.endswith(
        f"the {len(records)} lines before this one were read and are reported above as documents or failures, the rest "
        "of the file was not. Download or export it again and ingest it again (documents already stored stay as they are)"
    )


def test_a_cut_off_compressed_csv_keeps_its_whole_rows_and_says_where_it_stops_as_json_lines_do(tmp_path: Path):
    rows = "".join(f'cable-{n},"Telegram {n}, in two\nlines",1950-01-{n % 28 + 1:02d}\n' for n in range(3000))
    data = gzip.compress(("identifier,title,date\n" + rows).encode())
    path = tmp_path / "cables.csv.gz"
    path.write_bytes(data[: len(data) * 2 // 3])
    items = list(read_file(path))
    records = [i for i in items if isinstance(i, DocumentRecord)]
    assert 0 < len(records) < 3000 and records[-1].identifier == f"cable-{len(records) - 1}"
    assert records[-1].title == f"Telegram {len(records) - 1}, in two lines"  # the last whole row, not a part of one
    last = items[-1]
    assert isinstance(last, IngestError) and last.location == f"line {2 * len(records) + 2}"  # a header, rows of two lines
    assert last.message.startswith("reading stopped here: the file is cut off or damaged (Compressed file ended before")
    assert last.message.endswith(
        f"the {len(records):,} rows before this one were read and are reported above as documents or failures, the rest "
        "of the file was not. Download or export it again and ingest it again (documents already stored stay as they are)"
    )


def test_a_file_not_compressed_at_all_fails_as_a_whole(tmp_path: Path):
    path = tmp_path / "cables.jsonl.gz"
    path.write_bytes(SEED.read_bytes())
    (error,) = list(read_file(path))
    assert error.location == "" and error.message.startswith("cannot be read (Not a gzipped file")


def test_json_errors_name_the_column_once():
    try:
        json.loads('{"a": "x\ty"}')
    except json.JSONDecodeError as exc:
        assert json_problem(exc) == "Invalid control character at column 9"


def test_a_mapping_for_another_corpus_gives_one_failure_not_one_a_line(tmp_path: Path):
    path = tmp_path / "korean.jsonl"
    path.write_text("".join(json.dumps({"speech_text": f"text {i}", "president": "x"}) + "\n" for i in range(ALIKE + 30)), encoding="utf-8")
    mapping = tmp_path / "speeches-map.json"
    mapping.write_text(json.dumps({"columns": {"id": "identifier", "title_tr": "title", "body_tr": "text"}}), encoding="utf-8")
    (error,) = list(read_file(path, str(mapping)))
    assert (error.path, error.location) == (str(path), "line 1")
    assert error.message == (
        f"not read further: its first {ALIKE} records all failed the same way (line 1 to line {ALIKE}: no identifier: "
        f"the identifier column is empty; give every row an identifier); is --mapping {mapping} the mapping for "
        "this file? Nothing of it was stored"
    )


def test_a_few_failures_at_the_start_are_each_reported(tmp_path: Path):
    path = tmp_path / "cables.jsonl"
    path.write_text("{oops\n" * 3 + line("a") + "{oops\n" * (ALIKE + 5), encoding="utf-8")
    records, errors = split(read_file(path))
    assert [r.identifier for r in records] == ["a"] and len(errors) == ALIKE + 8


def test_in_a_folder_binary_json_fails_other_json_and_other_files_are_notes(tmp_path: Path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "binary.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "catalog.json").write_text('{"volumes": []}', encoding="utf-8")
    (folder / "README.md").write_text("# Box list", encoding="utf-8")
    lido = folder / "object.xml"
    lido.write_text('<?xml version="1.0"?>\n<!-- museum -->\n<lido:lido xmlns:lido="http://www.lido-schema.org"/>', encoding="utf-8")
    notes: list[IngestNote] = []
    files = files_to_read([folder], skipped=notes)
    assert files == [folder / "binary.json"]
    assert [(Path(n.path).name, n.message.split(";")[0]) for n in notes] == [
        ("README.md", "not read: unknown format"),
        ("catalog.json", "not read: is JSON but no Wilson Center Digital Archive record (it has none of their keys doc_date, frontend_doc_date), the only JSON Legation reads as .json"),
        ("object.xml", "not read: is LIDO (museum object records), root element <lido>, not TEI"),
    ]
    (error,) = list(read_file(folder / "binary.json"))
    assert error.message == "is not JSON (binary data, not UTF-8 text); a .json file Legation reads is a Wilson Center Digital Archive record"
    with pytest.raises(IngestError, match=r"object.xml: is LIDO \(museum object records\), root element <lido>, not TEI; Legation reads TEI: FRUS"):
        files_to_read([lido])


def tei(body: str) -> str:
    return f'<?xml version="1.0"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">\n{body}\n<text><body><p>x</p></body></text>\n</TEI>\n'


def test_xml_errors_say_what_happened(tmp_path: Path):
    malformed = tmp_path / "letter.xml"
    malformed.write_text(tei("<teiHeader/>\n<!-- is this the war of the Quadruple Alliance? --->\n" + "<!-- fine -->\n" * 20), encoding="utf-8")
    (error,) = list(read_file(malformed))
    assert error.location == "line 4"
    assert error.message == (
        'is malformed XML at this line: a comment holds "--", which XML does not allow inside a comment; the file is '
        "broken there: correct that line (or ask its publisher to), or leave the file out"
    )

    cut = tmp_path / "volume.xml"
    cut.write_text(FRUS.read_text(encoding="utf-8")[:5000], encoding="utf-8")
    (error,) = list(read_file(cut))
    assert error.message.startswith("ends in the middle of <") and error.message.endswith(
        "): the file is cut off; download or export it again"
    )
    assert error.location == f"line {FRUS.read_text(encoding='utf-8')[:5000].count(chr(10)) + 1}"

    cut_gz = tmp_path / "volume.xml.gz"
    data = gzip.compress(FRUS.read_bytes())
    cut_gz.write_bytes(data[: len(data) // 2])
    (error,) = list(read_file(cut_gz))
    assert error.message == (
        "is cut off: its compressed (gzip) data stops before the end, so nothing of it was read; download or export it again"
    )

    (error,) = list(read_file(FIXTURES / "hostile" / "entity-bomb.xml"))
    assert error.message.startswith('was refused: its entity &lol9; (declared at line 12) expands to 3,000,000,000 characters: an entity-expansion ("billion laughs") attack')
    assert "xmlCtxt" not in error.message and error.location.startswith("line ")


@pytest.mark.django_db
def test_a_batch_goes_on_past_oversized_and_cut_off_files(tmp_path: Path):
    big = tmp_path / "a-big.jsonl"
    big.write_text(line("big", title="H" * 20_000_000), encoding="utf-8")
    good = tmp_path / "b-good.jsonl"
    good.write_text(line("good"), encoding="utf-8")
    report = None
    for path in (big, good):
        report = ingest_records(read_file(path), source=str(path), report=report)
    assert report.added == ["good"] and list(Document.objects.values_list("identifier", flat=True)) == ["good"]
    assert [f.where for f in report.failed] == [f"{big}, line 1"]
    assert report.failed[0].reason.startswith(f"the line is 20,000,035 bytes long, more than the {MAX_LINE_BYTES:,}")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)), "is not XML (binary data, not an XML element); give a TEI XML file"),
        (b"Box 12, folder 3\n", "is not XML (text starting 'Box 12, folder 3\\n', not an XML element); give a TEI XML file"),
    ],
)
def test_a_file_named_xml_that_is_not_xml_says_so(tmp_path: Path, data: bytes, message: str):
    path = tmp_path / "letter.xml"
    path.write_bytes(data)
    (error,) = list(read_file(path))
    assert (error.location, error.message) == ("", message)


def test_a_utf16_json_lines_file_gives_one_failure(tmp_path: Path):
    path = tmp_path / "cables.jsonl"
    path.write_bytes("".join(line(f"id-{i}") for i in range(ALIKE + 10)).encode("utf-16"))
    (error,) = list(read_file(path))
    assert (error.location, error.message) == ("line 1", "is UTF-16 (little-endian) text, not UTF-8, which JSON must be (RFC 8259, section 8.1); save the file as UTF-8")


def test_a_json_lines_file_with_nul_bytes_in_no_utf16_pattern_fails_line_by_line(tmp_path: Path):
    path = tmp_path / "cables.jsonl"  # one NUL a line, in UTF-8: binary damage, not UTF-16
    path.write_bytes("".join(line(f"id-{i}") for i in range(ALIKE + 10)).encode().replace(b'"id-', b'"id\x00-'))
    (error,) = list(read_file(path))
    assert error.message.startswith(f"not read further: its first {ALIKE} records all failed the same way (line 1 to line {ALIKE}: is not UTF-8 text (a NUL at byte")


@pytest.mark.parametrize("mapping", [None, "dfat"])
def test_a_line_that_stops_before_its_json_does_is_said_to_be_cut_off_where_it_stops(tmp_path, mapping):
    # a JSON Lines file cut off in the middle of a line said "not valid JSON (Expecting ','
    # delimiter at column 1)", Python's column 1 of the line after it, and a string left open
    # "Invalid control character at column 40", the line feed that ends it (a fresh archivist's)
    path = tmp_path / "cut.jsonl"
    path.write_text('{"identifier": "cut", "title": "Cut"\n{"identifier": "open", "title": "Open\n{"identifier": "ok", "title": "Fine"}\n{"a": 1,}\n')
    failed = [str(item) for item in read_file(path, mapping) if isinstance(item, IngestError) and "not valid JSON" in str(item)]
    assert failed[:2] == [
        f"{path}, line {number}: not valid JSON: the line stops at column {column} with its JSON unfinished (a string, object or list"
        " left open): it is cut off, or its document goes on over several lines, which JSON Lines does not read (one whole"
        " document a line); fix or remove the line"
        for number, column in ((1, 36), (2, 37))
    ]
    assert failed[2:] == [f"{path}, line 4: not valid JSON (Expecting property name enclosed in double quotes at column 9); fix or remove the line"]


@pytest.mark.parametrize("mapping", [None, "dfat"])
def test_brackets_nested_thousands_deep_are_a_bad_line_not_a_crash(tmp_path, mapping):
    # Python's JSON parser recurses once per bracket: 200,000 of them raised RecursionError, a
    # traceback on the operator's screen. legation.errors.parse_json makes it bad JSON like any other.
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 200_000 + "]" * 200_000 + "\n" + '{"identifier": "ok", "title": "Fine"}\n')
    items = list(read_file(path, mapping))
    assert str(items[0]) == f"{path}, line 1: not valid JSON (nested too deeply (thousands of brackets) at column 1); fix or remove the line"
    assert mapping or [i.identifier for i in items[1:] if isinstance(i, DocumentRecord)] == ["ok"]


def test_a_json_file_and_a_mapping_not_in_utf8_are_told_as_every_reader_tells_it(tmp_path: Path):
    from legation.ingest.mappings import load_mapping

    said = "is not UTF-8 (byte {}, 0xE9, cannot be read as UTF-8; the file may be in Windows-1252 (Western European)): save it as UTF-8"
    record = tmp_path / "record.json"
    record.write_bytes(b'{"id": 1,\n "title": "caf\xe9"}\n')
    (error,) = list(read_file(record))
    assert (error.location, error.message) == ("line 2", said.format("15 of the line"))
    mapping = tmp_path / "m.json"
    mapping.write_bytes(b'{"columns": {"Titre": "title", "R\xe9f": "identifier"}}')
    with pytest.raises(IngestError) as caught:
        load_mapping(mapping)
    assert (caught.value.location, caught.value.message) == ("line 1", said.format("34 of the line"))


def test_lines_not_utf8_with_other_bytes_still_fail_alike(tmp_path: Path):
    # the message names each line's byte (0xE9, 0xEA …): those differ as numbers do, not as kinds of failure
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b"".join(b'{"identifier": "a%d", "title": "caf%s"}\n' % (i, bytes([0xE9 + i % 3])) for i in range(ALIKE + 5)))
    (error,) = list(read_file(path))
    assert error.location == "line 1" and error.message.startswith(f"not read further: its first {ALIKE} records all failed the same way")
    assert "is not UTF-8 (byte 35 of the line, 0xE9, cannot be read as UTF-8;" in error.message


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"language": 7}, "b: language must be a string, not a number (7); write it in quotes, or leave it out"),
        ({"date_earliest": float("nan")}, "b: date_earliest must be a string, not NaN (which JSON does not have)"),
        ({"summary": None}, "b: summary must be a string, not null"),
        ({"summary": False}, "b: summary must be a string, not false (JSON's yes-or-no value)"),
        ({"agents": [{"key": 5, "name": "Mao Zedong"}]}, "b: agents[0]: key must be a string, not a number (5)"),
        ({"agents": [{"key": "k", "name": "Mao", "names": ["Mao", 1]}]}, "b: agents[0]: names must be a list of strings"),
        ({"texts": [{"body": None}]}, "b: texts[0]: body must be a string, not null"),
        ({"texts": [{"body": "b", "footnotes": [{"n": 1, "text": "f"}]}]}, "b: texts[0].footnotes[0]: n must be a string"),
        ({"collections": [{"key": "c", "title": ["C"]}]}, "b: collections[0]: title must be a string, not a list"),
    ],
)
@pytest.mark.django_db
def test_a_value_of_the_wrong_json_type_fails_its_line_naming_the_field(tmp_path: Path, fields, problem):
    path, error = second_line_fails(tmp_path, fields)
    assert error.message.startswith(problem)
    report = ingest_records(read_file(path), source=str(path))  # it once reached storage, and a traceback
    assert (report.added, [f.where for f in report.failed]) == (["a", "c"], [f"{path}, line 2"])


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        # "None: missing required field(s) ['title']", Python's name of a JSON null, not saying the identifier was null
        ({"identifier": None, "title": None}, "a document: missing required field(s) 'identifier' (null), 'title' (null); every document needs an identifier and a title"),
        ({"identifier": None}, "a document: missing required field(s) 'identifier' (null); every document needs an identifier and a title"),
        # "12: subjects must be …", and "or leave it out" of a field no document may leave out
        ({"identifier": 12, "subjects": "China"}, 'a document: subjects must be a list of strings, e.g. ["Sino-Soviet relations"]'),
        ({"identifier": 12}, "a document: identifier must be a string, not a number (12); write it in quotes"),
        ({"title": ["A", "B"]}, "b: title must be a string, not a list; write it in quotes"),
        ({"agents": [{"key": "k", "name": None}]}, "b: agents[0]: name must be a string, not null; write it in quotes"),
    ],
)
def test_a_required_field_null_or_mistyped_is_named_so_with_the_document(tmp_path: Path, fields, problem):
    path = tmp_path / "cables.jsonl"
    path.write_text(line("a") + json.dumps({"identifier": "b", "title": "A telegram", **fields}) + "\n" + line("c"), encoding="utf-8")
    records, (error,) = split(read_file(path))
    assert ([r.identifier for r in records], error.location, error.message) == (["a", "c"], "line 2", problem)


@pytest.mark.parametrize("mapping", [None, "sotu"])
def test_pretty_printed_json_named_jsonl_is_one_failure_saying_what_it_is(tmp_path: Path, mapping):
    # it gave one failure for each of its lines ("Extra data at column 14"), none saying what was wrong
    path = tmp_path / "cables.jsonl"
    path.write_text(json.dumps([json.loads(line("a")), json.loads(line("b"))], indent=2) + "\n", encoding="utf-8")
    (error,) = list(read_file(path, mapping=mapping))
    assert isinstance(error, IngestError) and (error.location, error.message) == (
        "line 1",
        "is JSON written over several lines (pretty-printed), not JSON Lines, which hold one document per line, so none "
        "of its lines is a document: write each on one line (jq -c '.[]' for a list, jq -c . for one object) and ingest that",
    )


@pytest.mark.parametrize(
    ("identifier", "code_page", "named"),
    [("tr-1912-behic", "cp1254", "Windows-1254 (Turkish)"), ("de-dodis-49550", "cp1252", "Windows-1252 (Western European)")],
)
def test_a_line_not_utf8_names_the_code_page_its_language_was_saved_in(tmp_path: Path, identifier, code_page, named):
    # The hint named Windows-1252 whatever the line held: a Turkish letter saved by a Turkish Excel was
    # "may be in Windows-1252", the code page that turns "Dışişleri" into "Dýþiþleri".
    records = {json.loads(raw)["identifier"]: raw for raw in (FIXTURES / "languages" / "languages.jsonl").read_text("utf-8").splitlines()}
    path = tmp_path / "letters.jsonl"
    path.write_bytes(line("a").encode() + records[identifier].encode(code_page) + b"\n")
    records_read, errors = split(read_file(path))
    assert [r.identifier for r in records_read] == ["a"]
    (error,) = errors
    assert error.location == "line 2"
    assert f"the file may be in {named}): save it as UTF-8" in error.message


def _tei_bomb(path: Path, size: int) -> None:
    """A gzip file of a TEI volume whose one paragraph holds ``size`` bytes of markup."""
    head = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><div type="document" xml:id="d1"><p>'
    with gzip.open(path, "wb", compresslevel=9) as handle:
        handle.write(head)
        for _ in range(size // (1 << 20)):
            handle.write(b"<hi>x</hi> " * ((1 << 20) // 11))
        handle.write(b"</p></div></body></text></TEI>")


def test_a_compressed_file_that_grows_past_the_limit_fails_alone_decompressing_no_more(tmp_path: Path, monkeypatch):
    # 8 GB of XML in 16.7 MB of gzip ended an ingest with a bare MemoryError, naming no file, the files after it unread
    import tracemalloc

    from legation.ingest import readers

    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 4 << 20)
    xml_bomb, csv_bomb, plain = tmp_path / "bomb.xml.gz", tmp_path / "bomb.csv.gz", tmp_path / "big.xml"
    _tei_bomb(xml_bomb, 64 << 20)
    with gzip.open(csv_bomb, "wb") as handle:
        handle.write(b'identifier,title,text\nx-1,T,"')
        for _ in range(64):
            handle.write(b"A" * (1 << 20))
    plain.write_bytes(b"<TEI>" + b" " * (5 << 20) + b"</TEI>")
    wilson = tmp_path / "big.json"  # read whole too: the same limit (it was read into memory however large)
    wilson.write_bytes(b'{"doc_date": "19500101", "title": "' + b"x" * (5 << 20) + b'"}')
    tracemalloc.start()
    try:
        failures = {path.name: list(read_file(path)) for path in (xml_bomb, csv_bomb, plain, wilson)}
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 24 << 20  # the 4 MiB read, not the 64 MiB it would grow to
    for name, what in (("bomb.xml.gz", "decompresses to"), ("bomb.csv.gz", "decompresses to"), ("big.xml", "holds"), ("big.json", "holds")):
        (error,) = failures[name]
        assert isinstance(error, IngestError) and error.message.startswith(f"{what} more than 4,194,304 bytes, more than Legation reads as one file"), name
        assert error.message.endswith("split it into smaller files and ingest those")
    assert len(list(read_file(FRUS))) == 44  # a file under the limit is read whole


def test_a_damaged_compressed_tei_file_fails_alone(tmp_path: Path):
    # gzip's magic then no deflate stream: the sniffing of its root element ended the ingest with zlib's traceback
    damaged = tmp_path / "volume.xml.gz"
    damaged.write_bytes(b"\x1f\x8b\x08\x00garbage" * 10)
    assert files_to_read([tmp_path]) == [damaged]
    (error,) = list(read_file(damaged))
    assert isinstance(error, IngestError) and error.message.startswith("cannot be read (Error -3 while decompressing data")


def test_a_frus_volume_saved_as_utf16_is_read_as_a_volume(tmp_path: Path):
    # its FRUS markers were sought as UTF-8 bytes: the volume was read as one letter, undated, its title the volume's
    text = FRUS.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    for encoding, mark in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")):
        path = tmp_path / f"volume-{encoding}.xml"
        path.write_bytes(mark + text.replace('encoding="UTF-8"', 'encoding="UTF-16"', 1).encode(encoding))
        records, errors = split(read_file(path))
        assert not errors and [r.identifier for r in records] == [r.identifier for r in read_file(FRUS)], encoding


def test_a_tei_element_whose_prefix_is_declared_nowhere_fails_the_file_at_its_line(tmp_path: Path):
    # <tei:div> with no xmlns:tei: libxml2 keeps it in no namespace, the FRUS reader passed it over, and the
    # ingest reported 4 of 5 documents unchanged and none failed (--delete-missing then deleted the fifth)
    text = FRUS.read_text(encoding="utf-8")
    start = text.index('<div type="document"')
    end = text.index("</div>", start)
    assert "<div" not in text[start + 4 : end]  # one document's div, holding no other
    broken = text[:start] + "<tei:div" + text[start + 4 : end] + "</tei:div>" + text[end + 6 :]
    path = tmp_path / "volume.xml"
    path.write_text(broken, encoding="utf-8")
    (error,) = list(read_file(path))
    assert error.location == f"line {text[:start].count(chr(10)) + 1}"
    assert error.message.startswith("uses the prefix tei: without declaring it (Namespace prefix tei on div is not defined)")


def test_a_document_div_in_another_namespace_fails_at_its_line(tmp_path: Path):
    # <div xmlns="" type="document"> (or a prefix declared for another namespace) is no TEI div: the
    # FRUS reader passed it over, 43 of 44 documents added and nothing said (a fresh user)
    text = FRUS.read_text(encoding="utf-8")
    start = text.index('<div type="document"')
    line = text[:start].count(chr(10)) + 1
    for opening, where in (('<div xmlns="" type="document"', "in no namespace"), ('<o:div xmlns:o="http://example.org/other" type="document"', "in the namespace http://example.org/other")):
        end = text.index("</div>", start)
        closing = "</o:div>" if opening.startswith("<o:") else "</div>"
        path = tmp_path / "volume.xml"
        path.write_text(text[:start] + opening + text[start + len('<div type="document"') : end] + closing + text[end + 6 :], encoding="utf-8")
        records, errors = split(read_file(path))
        assert len(records) == 43 and [(e.location, e.message.split(",")[0]) for e in errors] == [(f"line {line}", f"a document's <div> is {where}")]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_wilson_record_in_utf16_without_a_byte_order_mark_is_named_so_not_binary_data(tmp_path: Path, encoding: str):
    path = tmp_path / "record.json"
    path.write_bytes(json.dumps({"id": 1, "title": "Telegram", "doc_date": "1950-01-01"}).encode(encoding))
    (error,) = list(read_file(path))
    order = "little" if encoding.endswith("le") else "big"
    assert (error.location, error.message) == ("line 1", f"is UTF-16 ({order}-endian) text, not UTF-8, which JSON must be (RFC 8259, section 8.1); save the file as UTF-8")


PADDED_TABLE = "identifier,title,date\nd-1,Telegram to Moscow,1949-12-22\nd-2,Memorandum of Conversation,1950\n"
PADDING = "padding that a copy stopped part way or a disk tool leaves, so {unit}s of the file may be missing after it; compare the file with its source, remove the NULs, and ingest it again"


@pytest.mark.parametrize(
    ("name", "written", "identifiers", "said"),
    [
        # the zeros after the last line: read as a row of one cell, "has 1 cells, the header has 3"
        ("table.csv", PADDED_TABLE.encode() + b"\0" * 512, ["d-1", "d-2"], ("line 4", "ends in 512 NUL bytes from line 4 on")),
        ("table.csv", PADDED_TABLE.replace("Moscow", "Moscou (café)").encode("cp1252") + b"\0" * 64, ["d-1", "d-2"], ("line 4", "ends in 64 NUL bytes from line 4 on")),
        # inside the last row: its date was "1950" and 512 NULs, "more than the 300 allowed"
        ("table.csv", PADDED_TABLE.encode()[:-1] + b"\0" * 512, ["d-1"], ("line 3", "ends in 512 NUL bytes from byte 36 of line 3 on (the row they cut short is not read)")),
        # a line of NULs was "not UTF-8 text (a NUL at byte 1 of the line: UTF-16 or binary data); save the file as UTF-8"
        ("documents.jsonl", (line("j-1") + line("j-2")).encode() + b"\0" * 300, ["j-1", "j-2"], ("line 3", "ends in 300 NUL bytes from line 3 on")),
        ("documents.jsonl", (line("j-1") + line("j-2").strip()).encode() + b"\0\0", ["j-1"], ("line 2", f"ends in 2 NUL bytes from byte {len(line('j-2').strip()) + 1} of line 2 on (the line they cut short is not read)")),
    ],
)
def test_a_file_ending_in_nul_padding_is_read_up_to_it_and_told_so(tmp_path: Path, name: str, written: bytes, identifiers: list[str], said: tuple[str, str]):
    path = tmp_path / name
    path.write_bytes(written)
    records, errors = split(item for item in read_file(path) if not isinstance(item, IngestNote))
    assert [r.identifier for r in records] == identifiers
    unit = "row" if name.endswith(".csv") else "line"
    assert [(e.location, e.message) for e in errors] == [(said[0], f"{said[1]}: {PADDING.format(unit=unit)}")]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-32-le"])
def test_a_wide_text_ending_in_its_own_nuls_is_no_padding(tmp_path: Path, encoding: str):
    # the last line feed of UTF-16-LE is 0A 00, of UTF-32-LE 0A 00 00 00: NULs of the text, not after it
    path = tmp_path / "table.csv"
    path.write_bytes(PADDED_TABLE.encode(encoding))
    records, errors = split(item for item in read_file(path) if not isinstance(item, IngestNote))
    assert ([r.identifier for r in records], errors) == (["d-1", "d-2"], [])


def test_an_unknown_field_of_a_json_lines_document_is_given_the_field_it_likely_meant(tmp_path: Path):
    # "unknown fields ['date', 'text']" and the 23 fields the format has: the archivist had to guess which was meant
    _, error = second_line_fails(tmp_path, {"date": "1949-12-22", "text": "Received", "titel": "x", "colour": "red"})
    assert error.message.startswith(
        "unknown fields ['colour', 'date', 'text', 'titel'] (did you mean 'date_text' for 'date', 'texts' for 'text', 'title' for 'titel'?); "
        "Legation JSON Lines has ['agents', "
    )
