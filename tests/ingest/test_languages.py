"""Language codes: one normalized BCP 47 tag whatever the reader (legation.records.languages), on real
files of the shared corpora (skipped when ../shared/data is absent) and written examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legation.ingest.readers import read_file
from legation.records.document_record import DocumentRecord
from legation.records.languages import language_tag
from tests.conftest import shared_data


@pytest.mark.parametrize(
    ("code", "tag"),
    [
        ("iw", "he"), ("in", "id"), ("ji", "yi"), ("jw", "jv"), ("mo", "ro"),  # withdrawn ISO 639-1 codes
        ("heb", "he"), ("ita", "it"), ("ger", "de"), ("deu", "de"),  # ISO 639-2 where ISO 639-1 has a code
        ("EN", "en"), (" zh_cn ", "zh-CN"), ("ota", "ota"), ("und", "und"),
        ("English", "English"), ("", ""),  # no tag: kept as the source wrote it
    ],
)
def test_language_tag(code, tag):
    assert language_tag(code) == tag


def only(path: Path, mapping: str | None = None) -> DocumentRecord:
    (record,) = read_file(path, mapping)
    assert isinstance(record, DocumentRecord), record
    return record


def test_dodis_iw_is_hebrew():
    r = only(shared_data("dodis-when-the-wall-came-down/tei/52944.xml"))  # <language ident="iw">
    assert r.language == "he"


def test_qhod_ita_is_italian():
    # <language ident="ita">: the one QhoD letter not tagged "it" like the three other Italian ones
    r = only(shared_data("qhod-habsburg-ottoman-diplomacy/tei/vipa/Briefe__Virmont_an_Hofkriegsrat_17._Juni_1720_2__Beilage_1__vipa.l.hbg.17200617.b1.xml"))
    assert r.language == "it"


def test_mapped_and_legation_json_lines_normalize_too(tmp_path: Path):
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"columns": {"id": "identifier", "t": "title", "lang": "language", "body": "text"}}))
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "t": "A", "lang": "iw", "body": "shalom"}\n')
    r = only(corpus, str(mapping))
    assert (r.language, r.texts[0].language) == ("he", "he")
    export = tmp_path / "e.jsonl"
    export.write_text(json.dumps({**r.to_dict(), "language": "in", "texts": [{"kind": "transcript", "language": "ji", "body": "x", "footnotes": []}]}) + "\n")
    r = only(export)
    assert (r.language, r.texts[0].language) == ("id", "yi")


RULE = (
    "write a BCP 47 language tag, an ISO 639 code with optional script or region (en, de, fr, ru, zh-Hant, "
    "ota for Ottoman Turkish; und when the language is unknown), and ingest the file again"
)


@pytest.mark.parametrize(
    ("code", "valid"),
    [("en", True), ("zh-Hant", True), ("ota", True), ("und", True), ("x-private", True), ("de-1901", True),
     ("klingon-xx", False), ("English", False), ("xx", False), ("n/a", False), ("", False)],
)
def test_is_language_tag(code, valid):
    from legation.records.languages import is_language_tag

    assert is_language_tag(code) is valid


def test_a_language_that_is_no_tag_is_kept_and_named_in_one_note_per_value(tmp_path: Path):
    from legation.errors import IngestNote

    path = tmp_path / "letters.csv"
    path.write_text("identifier,title,language\na1,One,klingon-xx\na2,Two,de\na3,Three,klingon-xx\na4,Four,English\n", encoding="utf-8")
    items = list(read_file(path))
    assert [(i.identifier, i.language) for i in items if isinstance(i, DocumentRecord)] == [
        ("a1", "klingon-xx"), ("a2", "de"), ("a3", "klingon-xx"), ("a4", "English")]
    assert [str(i) for i in items if isinstance(i, IngestNote)] == [
        f"{path}, line 2: language 'klingon-xx' is not a language tag: 2 documents (a1 at line 2, a3 at line 4) were "
        f"stored with it as written, so searches by language miss them; in their language field {RULE}",
        f"{path}, line 5: language 'English' is not a language tag: 1 document (a4 at line 5) was "
        f"stored with it as written, so searches by language miss it; in its language field {RULE}",
    ]


@pytest.mark.django_db
def test_the_ingest_report_names_a_text_language_that_is_no_tag(tmp_path: Path):
    from legation.ingest.service import ingest_records

    path = tmp_path / "docs.jsonl"
    line = {"identifier": "t1", "title": "Two texts", "language": "de",
            "texts": [{"kind": "transcript", "language": "de", "body": "Text"}, {"kind": "translation", "language": "klingon-xx", "body": "Qapla'"}]}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    report = ingest_records(read_file(path))
    assert report.added == ["t1"] and not report.failed
    assert report.notes == [
        f"{path}, line 1: language 'klingon-xx' is not a language tag: 1 document (t1 at line 1) was stored with it as "
        f"written, so searches by language miss it; in its language of text 2 {RULE}"]
    assert ingest_records(read_file(path)).unchanged == ["t1"]


def test_no_language_of_the_tei_and_wilson_corpora_is_refused():
    """Dodis, QhoD and the Wilson Center samples write their languages as tags (iw, ita, ota …): no note."""
    from legation.errors import IngestNote
    from legation.ingest.readers import files_to_read

    folders = [shared_data(f) for f in ("dodis-when-the-wall-came-down", "qhod-habsburg-ottoman-diplomacy", "wilson-center-api-samples")]
    notes = [i for p in files_to_read(folders) for i in read_file(p) if isinstance(i, IngestNote) and "language tag" in i.message]
    assert notes == []


@pytest.mark.django_db
def test_json_lines_without_language_are_english_and_the_report_counts_them(tmp_path: Path):
    from legation.ingest.service import ingest_records

    path = tmp_path / "docs.jsonl"
    path.write_text(
        '{"identifier": "n1", "title": "No language"}\n'
        '{"identifier": "n2", "title": "German", "language": "de"}\n'
        '{"identifier": "n3", "title": "A text without", "language": "de", "texts": [{"kind": "transcript", "body": "Text"}]}\n',
        encoding="utf-8",
    )
    report = ingest_records(read_file(path))
    assert sorted(report.added) == ["n1", "n2", "n3"]
    assert report.notes == [
        f'{path}, line 1: 2 documents (n1 at line 1, n3 at line 3) give no "language" (for themselves or a text) and were '
        "stored as English (en), the default of Legation JSON Lines; if they are not in English, give \"language\" as a "
        "BCP 47 tag (de, ru, zh-Hant; und when unknown) and ingest the file again"]
    from legation.records.serialize import load_records

    assert [(r.identifier, r.language, [t.language for t in r.texts]) for r in load_records(["n1", "n2", "n3"])] == [
        ("n1", "en", []), ("n2", "de", []), ("n3", "de", ["en"])]


def test_an_export_gives_every_language_so_reading_it_back_has_no_note(tmp_path: Path):
    from legation.errors import IngestNote
    from legation.ingest.readers.jsonl import write_jsonl

    path = tmp_path / "export.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        write_jsonl([DocumentRecord(identifier="e1", title="Exported").validate()], handle)
    assert [i for i in read_file(path) if isinstance(i, IngestNote)] == []
