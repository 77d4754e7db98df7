"""Wilson Center Digital Archive JSON reader: the real API samples and a crafted document record
(tests/fixtures/wilson/README.md says which is which). Expected values read from the files by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legation.errors import IngestError, IngestNote
from legation.ingest.readers import files_to_read, read_file
from legation.ingest.readers.wilson_json import html_to_text, language_code, read_wilson_json
from legation.ingest.service import ingest_records
from legation.records.document_record import DocumentRecord
from tests.conftest import FIXTURES, single_record

WILSON = FIXTURES / "wilson"
DOCUMENT = WILSON / "document-900001-crafted.json"


def one(path: Path) -> DocumentRecord:
    return single_record(read_wilson_json(path), notes=True)


def test_document_fields():
    r = one(DOCUMENT)
    assert r.identifier == "wilson-900001"
    assert r.title == "Record of Conversation between Soviet Ambassador N. V. Roshchin and Mao Zedong"
    assert (r.date_text, r.date_edtf, r.date_earliest, r.date_latest) == ("January 1, 1950", "1950-01-01", "1950-01-01", "1950-01-01")
    assert r.document_type == "Memorandum of Conversation"
    assert r.summary == (
        "Mao tells Roshchin that Burma and India are ready to recognize the People\u2019s Republic of China, "
        "on condition that they break with Chiang Kai-shek."
    )
    assert r.language == "ru"
    assert r.classification == "Top Secret"
    assert r.source_url == "https://digitalarchive.wilsoncenter.org/document/900001"
    assert r.subjects == ["Sino-Soviet Relations", "Diplomatic recognition", "China", "Burma"]
    assert [(c.key, c.title) for c in r.collections] == [
        ("wilson-collection-491", "\u201cLocal Nationalism\" in Xinjiang, 1957-1958"),
        ("wilson-collection-492", "Sino-Soviet Alliance, 1950"),
    ]
    assert [(a.role, a.key, a.name) for a in r.agents] == [
        ("sender", "wilson:contributor-302", "Roshchin, N. V. (Nikolai Vasilevich), 1901-1960"),
        ("mentioned", "wilson:contributor-301", "Mao, Zedong"),
    ]


def test_source_repository_rights_credit_and_related_documents_are_fields_of_their_own():
    r = one(DOCUMENT)
    assert r.source_note == "AVP RF, f. 0100, op. 43, por. 10, papka 302."
    assert r.repositories == ["Archive of Foreign Policy of the Russian Federation (AVP RF)"]
    assert r.rights == "Copyright; Made available for research purposes only."
    assert r.credit == "Example Foundation for Translation; Example Press"  # donors, then publishers
    assert r.relations == ["wilson-900002", "wilson-900003"]  # links, then attachments; not itself


def test_transcript_html_becomes_plain_paragraphs_and_pdf_only_translation_is_skipped():
    r = one(DOCUMENT)
    assert [(t.kind, t.language) for t in r.texts] == [("transcript", "ru"), ("translation", "en")]
    paragraphs = r.texts[0].body.split("\n\n")
    assert len(paragraphs) == 21  # the 21 <p class=…> of transcript 33548
    assert paragraphs[0] == (
        "По указанию министра иностранных дел СССР тов. Вышинского 1 января посетил председателя "
        "Центрального народного правительства Китай-ской Народной Республики тов. Мао Цзэдуна."
    )
    assert paragraphs[-2:] == ["Посол СССР в Китае", "Н. Рощин"]
    assert "cs366E2583" not in r.texts[0].body and "<" not in r.texts[0].body
    assert r.texts[1].body == (
        "On the instructions of the Minister of Foreign Affairs of the USSR, Comrade Vyshinsky, on 1 January I visited "
        "Comrade Mao Zedong.\n\nAfter New Year\u2019s greetings Comrade Mao Zedong said the following.\n\n[Crafted test translation.]"
    )


def test_collection_and_transcript_samples_are_notes_saying_what_they_are_not_failures():
    # a folder of API records holds them beside documents: failing them failed the ingest and so
    # blocked --delete-missing for good; they are skipped, each with a note saying what it is
    items = [i for p in files_to_read([WILSON]) for i in read_file(p)]
    notes = [i for i in items if isinstance(i, IngestNote)]
    assert not [i for i in items if isinstance(i, IngestError)]
    assert [(Path(n.path).name, n.location) for n in notes] == [
        ("collection.json", "record 1 (id 491)"),
        ("document-900001-crafted.json", "record 1 (id 900001)"),  # its translation given only as a PDF
        ("transcript.json", "record 1 (id 33548)"),
    ]
    assert notes[0].message == (
        "skipped, not a document: it is a Wilson Center Digital Archive collection record (it describes a collection, "
        "a topic the archive groups documents under); nothing of it is stored"
    )
    assert notes[2].message.startswith("skipped, not a document: it is a Wilson Center Digital Archive transcript/translation asset")


def test_an_object_that_is_neither_document_nor_known_record_still_fails(tmp_path: Path):
    path = tmp_path / "odd.json"
    path.write_text(json.dumps([{"id": 5, "asset_id": 9}, {"id": 6, "slug": "x"}]), encoding="utf-8")  # markers, no more
    items = list(read_file(path))
    assert [(type(i).__name__, i.location) for i in items] == [("IngestError", "record 1 (id 5)"), ("IngestError", "record 2 (id 6)")]
    assert items[0].message.startswith("is not a Wilson Center Digital Archive document (it has neither doc_date nor frontend_doc_date)")


def test_a_cut_off_record_says_so_at_its_line(tmp_path: Path):
    path = tmp_path / "cut.json"
    path.write_text(DOCUMENT.read_text(encoding="utf-8")[:3000], encoding="utf-8")
    (failure,) = list(read_file(path))
    assert failure.message == "ends in the middle of its JSON: the file is cut off; download or export it again"
    assert failure.location == f"line {DOCUMENT.read_text(encoding='utf-8')[:3000].rstrip().count(chr(10)) + 1}"


def test_json_lines_named_json_say_so_and_what_to_name_them(tmp_path: Path):
    # "line 2: is not valid JSON: Extra data at column 1" did not say the file was JSON Lines (a fresh archivist's)
    path = tmp_path / "lines.json"
    path.write_text('{"identifier": "a1", "title": "One"}\n{"identifier": "a2", "title": "Two"}\n', encoding="utf-8")
    (failure,) = list(read_file(path))
    assert (failure.location, failure.message) == (
        "line 2",
        "holds one JSON value after another, a line each: that is JSON Lines, which a .json file is not read as; name it .jsonl and ingest it again",
    )
    # and JSON broken otherwise says where, as before
    path.write_text('{"identifier": "a1"} x\n', encoding="utf-8")
    assert list(read_file(path))[0].message.startswith("is not valid JSON: ")


def test_search_response_list_bad_record_does_not_stop_the_rest(tmp_path: Path):
    doc = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    page = {"list": [{**doc, "title": " "}, {**doc, "id": "900002", "frontend_doc_date": "ca. 1950", "doc_date": "19500000"}, 7], "pagination": {}}
    path = tmp_path / "page.json"
    path.write_text(json.dumps(page), encoding="utf-8")
    items = list(read_file(path))
    assert isinstance(items[0], IngestError) and items[0].location == "record 1 (id 900001)"
    assert "title is empty" in items[0].message
    assert (items[1].identifier, items[1].date_text, items[1].date_edtf) == ("wilson-900002", "ca. 1950", "1950~")
    assert isinstance(items[2], IngestNote) and items[2].location == "record 2 (id 900002)"  # its translation given only as a PDF
    assert isinstance(items[3], IngestError) and items[3].location == "record 3"


def test_doc_date_alone_keeps_its_precision(tmp_path: Path):
    doc = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    for value, expected in (("19500100", "1950-01"), ("19500000", "1950"), ("19500214", "1950-02-14")):
        path = tmp_path / f"{value}.json"
        path.write_text(json.dumps({**doc, "frontend_doc_date": "", "doc_date": value}), encoding="utf-8")
        assert one(path).date_edtf == expected


def test_broken_json_names_the_line(tmp_path: Path):
    path = tmp_path / "broken.json"
    path.write_text('{"id": "1",\n "doc_date": "19500101",\n "title": }', encoding="utf-8")
    items = list(read_file(path))
    assert len(items) == 1 and items[0].location == "line 3"


def test_html_to_text_is_safe_and_plain():
    assert html_to_text("<p>a &amp; b</p><script>x()</script><!-- c --><style>p{}</style><p>d<br>e</p>") == "a & b\n\nd\n\ne"
    hostile = '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>a &x;</p>'
    assert "root:" not in html_to_text(hostile) and html_to_text(hostile).endswith("a &x;")  # never expanded
    assert html_to_text("") == "" and html_to_text("plain  text") == "plain text"


def test_html_too_deep_to_read_fails_the_record_naming_the_text_and_odd_html_keeps_its_words(tmp_path: Path):
    # a transcript's html nested 255 <div>s deep was stored empty (the document "added" with its translation
    # alone); one wrapped in CDATA became empty too; a document type's internal subset left "]>" in the text
    doc = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    deep = "<p>Before</p>" + "<div>" * 300 + "Inside" + "</div>" * 300 + "<p>After</p>"
    path = tmp_path / "deep.json"
    path.write_text(json.dumps([{**doc, "transcripts": [{**doc["transcripts"][0], "html": deep}]}, {**doc, "id": "900099"}]), encoding="utf-8")
    error, record, *_ = list(read_wilson_json(path))
    assert isinstance(error, IngestError) and error.location.startswith("record 1")
    assert error.message == (
        "transcripts[0].html nests elements more than 255 deep, deeper than Legation reads HTML, so the text inside them would be "
        "lost; flatten the nesting (or keep the text as raw) and ingest the file again"
    )
    assert record.identifier == "wilson-900099"  # the rest go on
    # a description as deep failed without naming its field ("nests elements …")
    path.write_text(json.dumps([{**doc, "description": deep}]), encoding="utf-8")
    (described,) = list(read_wilson_json(path))
    assert isinstance(described, IngestError) and described.message.startswith("description nests elements more than 255 deep")
    assert html_to_text("<div>" * 254 + "Inside" + "</div>" * 254) == "Inside"
    assert html_to_text("<![CDATA[Talks in Moscow, 1 < 2]]>") == "Talks in Moscow, 1 < 2"
    assert html_to_text('<!DOCTYPE html [<!ENTITY x "y">]>\n<p>before</p>') == "before"


@pytest.mark.parametrize(("value", "code"), [({"id": "rus", "name": "Russian"}, "ru"), ("chi", "zh"), ({"name": "German"}, "de"), ("en", "en"), ("xyz", "xyz")])
def test_language_codes(value, code):
    assert language_code(value) == code


@pytest.mark.django_db
def test_ingest_twice_is_unchanged():
    first = ingest_records(read_file(DOCUMENT))
    assert first.added == ["wilson-900001"]
    assert ingest_records(read_file(DOCUMENT)).unchanged == ["wilson-900001"]


SEED = FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"  # ten records as a digital archive's results page lists them


def seed_as_wilson_records(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The seed's ten records as Digital Archive document objects, a file of them, with their
    senders as ``creators`` and recipients as ``contributors`` (the ids ours, one per name), the
    rest of each object the crafted document's; and ``{name: kind}`` as the seed gives each (its
    README: the Central Committee of the Chinese Communist Party an organization, the rest persons),
    set by hand, not by the rule."""
    doc = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in SEED.read_text(encoding="utf-8").splitlines()]
    kinds = {a["name"]: a["kind"] for row in rows for a in row["agents"]}
    ids = {name: str(1000 + n) for n, name in enumerate(kinds)}
    page = [
        {**doc, "id": str(910000 + n), "title": row["title"],
         "creators": [{"id": ids[a["name"]], "name": a["name"]} for a in row["agents"] if a["role"] == "sender"],
         "contributors": [{"id": ids[a["name"]], "name": a["name"]} for a in row["agents"]]}
        for n, row in enumerate(rows, start=1)
    ]  # fmt: skip
    path = tmp_path / "seed.json"
    path.write_text(json.dumps({"list": page}), encoding="utf-8")
    return path, kinds


def test_a_body_is_an_organization_and_a_person_stays_a_person(tmp_path: Path):
    """Digital Archive records give no kind: every agent was a person, the Central Committee of the
    Chinese Communist Party too. Its kind is now read from its name, by the rule FRUS titles and
    tables follow (legation.ingest.names.agent_kind)."""
    path, kinds = seed_as_wilson_records(tmp_path)
    records = [r for r in read_file(path) if isinstance(r, DocumentRecord)]
    assert len(records) == 10
    read = {a.name: a.kind for r in records for a in r.agents}
    assert read == kinds == {
        "Mao Zedong": "person", "Central Committee of the Chinese Communist Party": "organization",
        "Liu Shaoqi": "person", "Zhou Enlai": "person",
    }  # fmt: skip
    # the crafted record's catalogue forms, inverted names with dates, stay people
    assert [(a.name, a.kind) for a in one(DOCUMENT).agents] == [
        ("Roshchin, N. V. (Nikolai Vasilevich), 1901-1960", "person"),
        ("Mao, Zedong", "person"),
    ]


@pytest.mark.django_db
def test_ingest_stores_the_body_as_an_organization_and_keeps_a_stored_kind(tmp_path: Path):
    from legation.records.models import Agent

    path, _ = seed_as_wilson_records(tmp_path)
    ingest_records(read_file(path))
    stored = dict(Agent.objects.values_list("name", "kind"))
    assert stored == {
        "Mao Zedong": "person", "Central Committee of the Chinese Communist Party": "organization",
        "Liu Shaoqi": "person", "Zhou Enlai": "person",
    }  # fmt: skip
    # An agent stored before keeps its kind, as it keeps its name (README): a curator's word stands.
    Agent.objects.filter(kind="organization").update(kind="person")
    assert ingest_records(read_file(path)).unchanged and not Agent.objects.filter(kind="organization").exists()


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        # (not "or leave it out": a document without its title is refused, "title is empty")
        ("title", ["a", "b"], "title must be a string, not a list; write it in quotes"),
        ("title", 123, "title must be a string, not a number (123); write it in quotes"),
        ("title", True, "title must be a string, not true (JSON's yes-or-no value); write it in quotes"),
        ("description", 7, "description must be a string, not a number (7); write it in quotes, or leave it out"),
        ("subjects", "Sino-Soviet", "subjects must be an object or a list of objects, such as [{\"id\": \"1\", \"name\": \"…\"}], not a string ('Sino-Soviet')"),
        ("contributors", [None, {"id": "5", "name": "Mao Zedong"}], "contributors[0] must be an object, such as {\"id\": \"1\", \"name\": \"…\"}, not null"),  # as JSON counts: the first
        ("id", {"n": 1}, "id must be the document's number in the Digital Archive, a whole number from 1 (such as 119978), not a JSON object"),
        ("id", -3, "id must be the document's number in the Digital Archive, a whole number from 1 (such as 119978), not -3"),  # was "wilson--3"
        ("id", 1.5, "id must be the document's number in the Digital Archive, a whole number from 1 (such as 119978), not 1.5"),  # "not a number"
        ("id", "12a", "id must be the document's number in the Digital Archive, a whole number from 1 (such as 119978), not '12a'"),
    ],
)
def test_a_value_of_the_wrong_kind_fails_the_record_naming_the_field(tmp_path: Path, field, value, problem):
    # the title list was stored as "['a', 'b']", the subject string and the null contributor dropped without a word
    doc = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{**doc, field: value}, {**doc, "id": "900099"}]), encoding="utf-8")
    error, record, *notes = list(read_wilson_json(path))
    assert isinstance(error, IngestError) and error.message == problem and error.location.startswith("record 1")
    assert isinstance(record, DocumentRecord) and record.identifier == "wilson-900099"  # the rest go on


def test_what_a_record_holds_without_a_name_or_text_is_said_left_out(tmp_path: Path):
    doc = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    kept = len(one(DOCUMENT).agents)
    doc["contributors"] = [*doc["contributors"], {"id": "5"}]
    doc["transcripts"] = [*doc["transcripts"], {"id": "1"}]
    path = tmp_path / "left-out.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    record, note = list(read_wilson_json(path))
    assert len(record.agents) == kept and isinstance(note, IngestNote)
    n = len(doc["transcripts"])
    assert note.message == (
        f"stored without transcripts[{n - 1}] (id 1, no html or raw text, nor a file), "
        "translations[1] (id 900103, Chinese, only a file, TranslationFile_900103.pdf, which is not fetched), "
        f"contributors[{len(doc['contributors']) - 1}] (id 5, no name): "
        "give each its name or give a text its html or raw, and ingest the file again"
    )
    # a name that is no string is none ({"name": 7} was stored as the type "7"), said as what it is: it was said
    # to have "no name", and the archivist looked for one not written; likewise a text's html that is no string
    doc = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    doc["translations"] = doc["translations"][:1]  # its PDF-only translation left out of the file
    path.write_text(json.dumps({**doc, "type": {"id": "5", "name": 7}}), encoding="utf-8")
    record, note = list(read_wilson_json(path))
    assert record.document_type == "" and note.message == (
        "stored without type (id 5, its name is a number (7), not text in quotes): write each value in quotes, and ingest the file again"
    )
    path.write_text(json.dumps({**doc, "transcripts": [*doc["transcripts"], {"id": "2", "html": ["<p>Moscow</p>"]}], "contributors": [{"id": "6"}]}), encoding="utf-8")
    record, note = list(read_wilson_json(path))
    assert note.message == (
        f"stored without transcripts[{len(doc['transcripts'])}] (id 2, its html is a list, not text in quotes), contributors[0] (id 6, no name): "
        "give each its name or write each value in quotes, and ingest the file again"
    )
    # a translation given only as a file the archive serves apart (a PDF) is not fetched, and said so:
    # it was dropped without a word, and the archivist never learnt the document has one; named as JSON counts, from 0
    # (it said translations[2], the JSON's translations[1], and type[1] of a type given as one object)
    record, note = list(read_wilson_json(DOCUMENT))
    assert [t.language for t in record.texts if t.kind == "translation"] == ["en"]
    assert note.message == (
        "stored without translations[1] (id 900103, Chinese, only a file, TranslationFile_900103.pdf, which is not fetched): "
        "give a text its html or raw, and ingest the file again"
    )


def test_a_title_keeps_its_space_before_a_colon_and_html_text_loses_only_markup_s(tmp_path: Path):
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"id": 1, "title": "Note : Paris", "doc_date": "19500101", "description": "<p>Texte ( <b>voir</b> ) ici</p>"}), encoding="utf-8")
    record = single_record(read_wilson_json(path))
    assert record.title == "Note : Paris"
    assert html_to_text("<p>Texte ( <b>voir</b> ) ici</p>") == "Texte (voir) ici"


def test_a_record_of_another_kind_and_an_odd_id_are_named_as_the_file_writes_them(tmp_path: Path):
    # "record 2 (id {'x': 1})" and "is a JSON str": Python's spellings of the file's JSON (a fresh user)
    doc = json.loads(DOCUMENT.read_text(encoding="utf-8"))
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(["a telegram", {**doc, "id": {"x": 1}, "title": 5}]), encoding="utf-8")
    first, second, *_ = list(read_wilson_json(path))
    assert (first.location, first.message) == ("record 1", "is a string ('a telegram'), not a document object; give Digital Archive records")
    assert second.location.startswith('record 2 (id {"x": 1})')
