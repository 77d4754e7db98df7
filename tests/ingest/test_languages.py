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
