"""CSV reader: real Moritz letter rows through the bundled mapping, crafted Dublin Core files
(BOM, Windows-1252, bad rows) and a mapping found beside its file. See tests/fixtures/csv/README.md."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
from pathlib import Path

import pytest

from legation.errors import IngestError, IngestNote
from legation.ingest.mappings import load_mapping
from legation.ingest.readers import files_to_read, location_of, read_file, why_unread
from legation.ingest.readers.csv_dc import read_csv
from legation.ingest.service import ingest_records
from legation.records.document_record import IDENTIFIER_RULE, DocumentRecord
from legation.records.models import Document
from tests.conftest import FIXTURES, shared_data, single_record

CSV = FIXTURES / "csv"
MORITZ = CSV / "moritz-letters-30.csv"


def records(items) -> dict[str, DocumentRecord]:
    return {i.identifier: i for i in items if isinstance(i, DocumentRecord)}


def errors(items) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError)]


def test_moritz_rows_through_the_bundled_mapping():
    items = list(read_file(MORITZ, "moritz"))
    assert errors(items) == [] and len(records(items)) == 30
    [note] = [i for i in items if isinstance(i, IngestNote)]  # the columns the mapping leaves out, named once
    assert "'senderPlaceID'" in note.message and "'key'" not in note.message and "are not in the mapping" in note.message
    r = records(items)
    first = r["letters-moritz-1-2"]  # "2","Kardinal Albrecht","http://d-nb.info/gnd/118647733","Halle",…,"1533-01-06","1533 Januar 6","Hz. Georg",…
    assert first.title == "Kardinal Albrecht an Hz. Georg"
    assert (first.date_text, first.date_edtf) == ("1533 Januar 6", "1533-01-06")
    assert first.place_sent == "Halle" and first.language == "de" and first.document_type == "Brief"
    assert [(a.role, a.key, a.name) for a in first.agents] == [
        ("sender", "gnd:118647733", "Kardinal Albrecht"),
        ("recipient", "gnd:118716921", "Hz. Georg"),
    ]
    assert [(c.key, c.title) for c in first.collections] == [
        ("letters-moritz-1", "Politische Korrespondenz des Herzogs und Kurfürsten Moritz von Sachsen, Bd. 1 (CC BY 4.0)")
    ]
    assert first.source_note.endswith("; letter index saw-leipzig/cmif-moritz")
    assert first.rights == "CC BY 4.0"  # the mapping's default
    # "6",…,"1535/1537","[1535-1537]"
    assert (r["letters-moritz-1-6"].date_text, r["letters-moritz-1-6"].date_edtf) == ("[1535-1537]", "1535/1537")
    # "14",…,"o. O.","","1538-05-01": "ohne Ort" is no place
    assert r["letters-moritz-1-14"].place_sent == ""
    # "177",…,"/1541-07-18","[1541 kurz vor Juli 18]"
    assert (r["letters-moritz-1-177"].date_edtf, r["letters-moritz-1-177"].date_latest) == ("/1541-07-18", "1541-07-18")
    # "351": EDTF set of two days
    assert (r["letters-moritz-1-351"].date_edtf, r["letters-moritz-1-351"].date_earliest, r["letters-moritz-1-351"].date_latest) == (
        "[1542-05-05,1542-05-06]", "1542-05-05", "1542-05-06")
    # "139" (vol. 4): "1548-10-27/?" → open end
    assert r["letters-moritz-4-139"].date_edtf == "1548-10-27/"
    assert r["letters-moritz-3-540"].date_edtf == "1547-05?"
    # key 5 exists in vol. 1 and vol. 6: two documents
    assert r["letters-moritz-1-5"].title == "Kardinal Albrecht an Hz. Georg"
    assert r["letters-moritz-6-5"].title == "Mgf. Albrecht an Lg. Wilhelm"
    assert r["letters-moritz-6-5"].place_sent == "Feldlager vor Oettingen"


def test_ids_pair_with_names_by_position_and_names_without_id_get_a_name_key():
    r = records(read_file(MORITZ, "moritz"))
    # "79","Anton von Schönberg|andere Räte Hz. Heinrichs in Leipzig","http://d-nb.info/gnd/138186286"
    assert [(a.role, a.key, a.name) for a in r["letters-moritz-1-79"].agents] == [
        ("sender", "gnd:138186286", "Anton von Schönberg"),
        ("sender", "organization:andere-rate-hz-heinrichs-in-leipzig", "andere Räte Hz. Heinrichs in Leipzig"),
        ("recipient", "gnd:118584138", "Hz. Moritz"),
    ]
    assert r["letters-moritz-1-79"].title == "Anton von Schönberg, andere Räte Hz. Heinrichs in Leipzig an Hz. Moritz"
    # "100": two addressees with two ids
    assert [(a.key, a.name) for a in r["letters-moritz-1-100"].agents if a.role == "recipient"] == [
        ("gnd:138186286", "Anton von Schönberg"), ("gnd:117737437", "Dr. Komerstadt")]
    # "488" (vol. 6): no sender
    assert r["letters-moritz-6-488"].title == "N. N. an Hz. Albrecht von Bayern"
    assert [a.role for a in r["letters-moritz-6-488"].agents] == ["recipient"]


def test_dublin_core_headers_with_bom_and_a_bad_row():
    items = list(read_file(CSV / "dublin-core-bom.csv"))
    r = records(items)
    assert list(r) == ["sino-1950-01-02", "sino-1950-01", "sino-1950-bad-date"]
    t = r["sino-1950-01-02"]
    assert t.title == "Telegram from Mao Zedong to Liu Shaoqi"  # the BOM is not part of the first header
    assert (t.date_text, t.date_edtf, t.document_type, t.place_sent) == ("2 January 1950", "1950-01-02", "Telegram", "Moscow")
    assert [(a.role, a.key, a.name) for a in t.agents] == [
        ("sender", "person:mao-zedong", "Mao, Zedong"), ("recipient", "person:liu-shaoqi", "Liu, Shaoqi")]
    assert t.subjects == ["Sino-Soviet Treaty", "Stalin"]
    assert t.summary == "Mao reports on his talks in Moscow."
    assert (t.source_note, t.rights) == ("Crafted test row, not a real archival citation", "Test use only")
    assert [(x.kind, x.language, x.body) for x in t.texts] == [("transcript", "en", "I have met Stalin.\n\nA second paragraph.")]
    assert (r["sino-1950-01"].date_edtf, r["sino-1950-01"].language, r["sino-1950-01"].agents) == ("1950-01", "zh", [])
    assert (r["sino-1950-bad-date"].date_text, r["sino-1950-bad-date"].date_edtf) == ("sometime in winter", "")
    [bad] = errors(items)
    assert (bad.path, bad.location) == (str(CSV / "dublin-core-bom.csv"), "line 6")  # the text cell spans lines 2–4
    assert "no identifier" in bad.message


def test_windows_1252_is_not_mojibake():
    items = list(read_file(CSV / "windows-1252.csv"))
    r = records(items)
    assert r["cp-1"].title == "Lettre de Zürich"
    assert r["cp-1"].summary == "Un résumé – très court"
    assert [(a.name, a.names) for a in r["cp-1"].agents] == [("René Müller", ["Müller, René"])]
    assert r["cp-1"].date_edtf == "1950~"
    assert (r["cp-2"].title, r["cp-2"].summary, r["cp-2"].date_edtf) == ("Brief, zweiter", "Ätzend", "1950-02-XX")
    [bad] = errors(items)
    assert bad.location == "line 4" and "6 cells" in bad.message


def test_mapping_beside_the_file_is_found_and_uses_its_separator():
    r = records(read_file(CSV / "speeches.csv"))
    assert list(r) == ["rede-1", "rede-2"]
    assert (r["rede-1"].title, r["rede-1"].date_edtf, r["rede-1"].document_type, r["rede-1"].language) == (
        "Neujahrsansprache", "1950-01-01", "Rede", "de")
    assert [a.name for a in r["rede-1"].agents] == ["Mao, Zedong"]
    assert r["rede-1"].subjects == ["Neujahr", "Moskau"]
    assert [c.key for c in r["rede-2"].collections] == ["crafted-speeches"]
    assert r["rede-2"].agents == [] and r["rede-2"].date_edtf == ""


def test_folder_reads_csv_and_skips_mapping_files():
    assert [p.name for p in files_to_read([CSV])] == [
        "dublin-core-bom.csv", "moritz-letters-30.csv", "moritz-letters-quoted.csv", "speeches.csv", "windows-1250.csv", "windows-1252.csv"]


def test_file_level_errors(tmp_path: Path):
    no_id = tmp_path / "no-id.csv"
    no_id.write_text("title,date\nA,1950\n", encoding="utf-8")
    with pytest.raises(IngestError, match="no identifier column"):
        list(read_csv(no_id))
    bad_mapping = tmp_path / "m.json"
    bad_mapping.write_text('{"columns": {"title": "headline"}}', encoding="utf-8")
    [error] = list(read_file(no_id, bad_mapping))
    assert "unknown fields ['headline']" in error.message
    [error] = list(read_file(no_id, "no-such-mapping"))
    assert "no such mapping" in error.message and "moritz" in error.message
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(IngestError, match="is empty"):
        list(read_csv(empty))


@pytest.mark.django_db
def test_ingest_twice_is_unchanged():
    first = ingest_records(read_file(MORITZ, "moritz"))
    assert len(first.added) == 30 and not first.failed
    second = ingest_records(read_file(MORITZ, "moritz"))
    assert len(second.unchanged) == 30 and not second.updated


def test_the_whole_moritz_table_reads_without_errors():
    path = shared_data("moritz-saxony-political-correspondence-metadata/letters.csv.gz")
    items = list(read_file(path, load_mapping("moritz")))
    assert errors(items) == []
    assert len(records(items)) == 8935


def test_semicolon_and_tab_separated_files_as_excel_and_tsv_write_them(tmp_path):
    rows = [["identifier", "title", "date", "sender"], ["c1", "Telegram, Mao to Stalin", "1949-12-22", "Mao, Zedong"]]
    for name, separator in (("excel-de.csv", ";"), ("sheet.csv", "\t")):
        path = tmp_path / name
        path.write_text("\n".join(separator.join(row) for row in rows) + "\n", encoding="utf-8")
        record = single_record(read_file(path))
        assert (record.identifier, record.title, record.date_edtf) == ("c1", "Telegram, Mao to Stalin", "1949-12-22")
        assert [a.name for a in record.agents] == ["Mao, Zedong"]


def test_prose_cells_keep_their_paragraphs_and_one_line_fields_stay_one_line(tmp_path: Path):
    path = tmp_path / "paragraphs.csv"
    path.write_text(
        "identifier,title,place,summary,source,text\n"
        '" p-1 ","Telegram  from\nMoscow","Port\nArthur",'
        '"  First paragraph of the summary.\n\nSecond  paragraph.  ","Central Files,\nbox 12 ",'
        '"Line one\n  indented line two.\n\n\nAfter two blank lines.\n"\n',
        encoding="utf-8",
    )
    record = single_record(read_file(path))
    assert (record.identifier, record.title, record.place_sent) == ("p-1", "Telegram from Moscow", "Port Arthur")
    assert record.summary == "First paragraph of the summary.\n\nSecond paragraph."
    assert record.source_note == "Central Files,\nbox 12"
    assert record.texts[0].body == "Line one\n  indented line two.\n\n\nAfter two blank lines."  # only the ends trimmed


def test_a_summary_in_paragraphs_reads_back_from_a_csv_export(tmp_path: Path):
    from legation.ingest.readers.csv_export import write_csv

    record = DocumentRecord(
        identifier="p-2", title="Memorandum", language="en",
        summary="Rusk asks for a reply.\n\nThe Embassy answers on 3 May.",
        source_note="Central Files, 611.61/5–350\nSecret",
    ).validate()
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_csv([record], handle)
    assert single_record(read_file(path)) == record


@pytest.mark.django_db
def test_columns_that_are_not_read_are_named_in_a_note_not_dropped_silently(tmp_path: Path):
    path = tmp_path / "boxes.csv"
    path.write_text("identifier,title,Box,Folder notes,,rights\nbox-1,A letter,Box 12,water damage,,CC0\n", encoding="utf-8")
    items = list(read_csv(path))
    note = items[-1]  # after the rows, which tell the columns holding a value
    assert isinstance(note, IngestNote) and (note.path, note.location) == (str(path), "line 1")
    assert note.message.startswith("columns ['Box', 'Folder notes'] are not headers Legation reads")  # the empty header is no column
    assert "--mapping MAP.json" in note.message
    assert single_record(items[:-1]).rights == "CC0"
    report = ingest_records(items)
    assert (report.added, report.failed) == (["box-1"], [])
    assert report.all_notes() == [str(note)]
    known = tmp_path / "known.csv"
    known.write_text("ID,Title,Date Text,Relations\nk-1,A letter,May 1950,box-1\n", encoding="utf-8")
    assert single_record(read_csv(known)).relations == ["box-1"]  # every header known: no note
    # a column empty in every row lost nothing: not named (the Moritz letter index's five were, a fresh archivist's)
    path.write_text("identifier,title,Box,Folder notes,,rights\nbox-1,A letter,,water damage,,CC0\nbox-2,Another,,,,\n", encoding="utf-8")
    assert [i.message.split(" are not")[0] for i in read_csv(path) if isinstance(i, IngestNote)] == ["columns ['Folder notes']"]


def test_dublin_core_headers_with_a_namespace_prefix(tmp_path: Path):
    """RDF and OAI-PMH exports write dc:title, DSpace dc.title, Omeka "Dublin Core:Title"."""
    path = tmp_path / "prefixed.csv"
    path.write_text(
        "dc:identifier,dcterms:title,dc.date,Dublin Core:Creator,dc:rights,dc.description.abstract\n"
        "p-1,A letter,14 February 1950,\"Mao, Zedong\",CC0,A qualified element Legation does not read\n",
        encoding="utf-8",
    )
    items = list(read_csv(path))
    record = single_record(items[:-1])
    assert (record.identifier, record.title, record.date_edtf, record.rights) == ("p-1", "A letter", "1950-02-14", "CC0")
    assert [(a.role, a.name) for a in record.agents] == [("sender", "Mao, Zedong")]
    assert isinstance(items[-1], IngestNote) and "['dc.description.abstract']" in items[-1].message


INVERTED = (
    "identifier,title,creator,recipient\n"
    'a1,Letter one,"Acheson, Dean","Gaulle, Charles de"\n'
    'a2,Letter two,Dean Acheson,Charles de Gaulle\n'
    'a3,Letter three,"Lodge, Henry Cabot, Jr.|Mao, Zedong","Henry Cabot Lodge, Jr.|Embassy in Benghazi, Libya"\n'
    'a4,Letter four,"James C. Thomson, Jr.","Acheson, Dean|Bevin, Ernest"\n'
)


def test_inverted_personal_names_get_the_key_of_the_direct_form(tmp_path: Path):
    path = tmp_path / "inverted.csv"
    path.write_text(INVERTED, encoding="utf-8")
    r = records(read_file(path))
    agents = {i: [(a.role, a.key, a.name) for a in rec.agents] for i, rec in r.items()}
    assert agents["a1"] == [("sender", "person:dean-acheson", "Dean Acheson"), ("recipient", "person:charles-de-gaulle", "Charles de Gaulle")]
    assert agents["a2"] == [("sender", "person:dean-acheson", "Dean Acheson"), ("recipient", "person:charles-de-gaulle", "Charles de Gaulle")]
    # the separator still splits; "Mao, Zedong" stays one name, in its order; a body's comma turns nothing
    assert [key for _, key, _ in agents["a3"]] == [
        "person:henry-cabot-lodge-jr", "person:mao-zedong", "person:henry-cabot-lodge-jr", "organization:embassy-in-benghazi-libya"]
    assert agents["a4"] == [
        ("sender", "person:james-c-thomson-jr", "James C. Thomson, Jr."),
        ("recipient", "person:dean-acheson", "Dean Acheson"), ("recipient", "person:ernest-bevin", "Ernest Bevin")]
    assert [(a.name, a.names) for a in r["a3"].agents][1] == ("Mao, Zedong", [])  # an East Asian name in its own order: one name


@pytest.mark.django_db
def test_inverted_and_direct_names_are_one_agent_and_ingest_twice_changes_nothing(tmp_path: Path):
    from legation.records.models import Agent

    path = tmp_path / "inverted.csv"
    path.write_text(INVERTED, encoding="utf-8")
    first = ingest_records(read_file(path))
    assert sorted(first.added) == ["a1", "a2", "a3", "a4"] and not first.failed
    acheson = Agent.objects.get(key="person:dean-acheson")
    assert (acheson.name, sorted(acheson.names.values_list("name", flat=True))) == ("Dean Acheson", ["Acheson, Dean"])
    assert acheson.document_links.count() == 3
    second = ingest_records(read_file(path))
    assert sorted(second.unchanged) == ["a1", "a2", "a3", "a4"] and not second.updated


HEADINGS = (
    "identifier,title,creator,recipient\n"
    'h1,Letter one,"Acheson, Dean, 1893-1971","Mao, Zedong, 1893-1976"\n'
    "h2,Letter two,Dean Acheson,\"Mao, Zedong\"\n"
    'h3,Letter three,"Acheson, Dean","Kissinger, Henry, 1923-|Conference, Geneva, 1954"\n'
)


def test_a_library_headings_dates_of_life_are_no_part_of_the_name_nor_the_key(tmp_path: Path):
    """Library of Congress headings: the dates of life are the person's, "Acheson, Dean, 1893-1971" is Dean
    Acheson as "Acheson, Dean" is, the dates not kept (as a further name, a search for 1971 found his documents),
    and noted once a column; a
    meeting's year stays in its name."""
    path = tmp_path / "headings.csv"
    path.write_text(HEADINGS, encoding="utf-8")
    items = list(read_file(path))
    r = records(items)
    assert [(a.key, a.name, a.names) for a in r["h1"].agents] == [
        ("person:dean-acheson", "Dean Acheson", ["Acheson, Dean"]),
        ("person:mao-zedong", "Mao, Zedong", [])]
    assert [a.key for a in r["h2"].agents] == [a.key for a in r["h1"].agents]
    assert [(a.key, a.name, a.kind) for a in r["h3"].agents if a.role == "recipient"] == [
        ("person:henry-kissinger", "Henry Kissinger", "person"),
        ("organization:conference-geneva-1954", "Conference, Geneva, 1954", "organization")]
    notes = [(n.location, n.message) for n in items if isinstance(n, IngestNote)]
    assert [(where, message.split("), ")[0]) for where, message in notes] == [
        ("line 2", "column 'creator' has dates of life after 1 name (line 2: 'Acheson, Dean, 1893-1971'"),
        ("line 2", "column 'recipient' has dates of life after 2 names (line 2: 'Mao, Zedong, 1893-1976'; line 4: 'Kissinger, Henry, 1923-'")]
    assert "'Acheson, Dean, 1893-1971' is 'Dean Acheson', one agent with the name written without dates" in notes[0][1]


@pytest.mark.django_db
def test_a_heading_with_dates_and_the_name_without_are_one_agent_and_ingest_twice_changes_nothing(tmp_path: Path):
    from legation.records.models import Agent

    path = tmp_path / "headings.csv"
    path.write_text(HEADINGS, encoding="utf-8")
    assert sorted(ingest_records(read_file(path)).added) == ["h1", "h2", "h3"]
    acheson = Agent.objects.get(key="person:dean-acheson")
    assert (acheson.name, sorted(acheson.names.values_list("name", flat=True))) == ("Dean Acheson", ["Acheson, Dean"])
    assert acheson.document_links.count() == 3
    assert not Agent.objects.filter(key__contains="1893")
    second = ingest_records(read_file(path))
    assert sorted(second.unchanged) == ["h1", "h2", "h3"] and not second.updated


LC_HEADINGS = (
    "identifier,title,creator,recipient\n"
    'n1,Letter one,"Nixon, Richard M. (Richard Milhous), 1913-1994","Churchill, Winston, Sir, 1874-1965"\n'
    "n2,Letter two,Richard M. Nixon,\"Sukarno, 1901-1970\"\n"
    'n3,Letter three,"Smith, John, 1901-1980, editor","Bismarck, Otto, Fürst von, 1815-1898|Acheson, Dean (1893-1971)"\n'
)


def test_a_library_headings_fuller_form_title_and_relator_term(tmp_path: Path):
    """Library of Congress headings as a fresh user's table had them: "Nixon, Richard M. (Richard Milhous),
    1913-1994" is the Richard M. Nixon of "Richard M. Nixon" and of FRUS (person:richard-m-nixon), the fuller
    form a further name; "Sir" is a title, kept in the further name as written; a relator term is no part of
    the name, and noted."""
    path = tmp_path / "lc.csv"
    path.write_text(LC_HEADINGS, encoding="utf-8")
    items = list(read_file(path))
    r = records(items)
    assert [(a.key, a.name, a.names) for a in r["n1"].agents] == [
        ("person:richard-m-nixon", "Richard M. Nixon", ["Nixon, Richard M.", "Richard Milhous Nixon"]),
        ("person:winston-churchill", "Winston Churchill", ["Churchill, Winston, Sir"])]
    assert [(a.key, a.name, a.names) for a in r["n2"].agents] == [
        ("person:richard-m-nixon", "Richard M. Nixon", []), ("person:sukarno", "Sukarno", [])]
    assert [(a.key, a.name, a.names) for a in r["n3"].agents] == [
        ("person:john-smith", "John Smith", ["Smith, John"]),
        ("person:otto-von-bismarck", "Otto von Bismarck", ["Bismarck, Otto, Fürst von"]),
        ("person:dean-acheson", "Dean Acheson", ["Acheson, Dean"])]
    notes = [(n.location, n.message) for n in items if isinstance(n, IngestNote)]
    assert ("line 4", "column 'creator' has a relator term after 1 name (line 4: 'Smith, John, 1901-1980, editor'), read as a "
            "library heading writes the person's part in a work ('editor'), no part of the name: 'Smith, John, 1901-1980, "
            "editor' is 'John Smith', the term not kept (an agent has no field for it; the column says whether a person "
            "sent, received or is mentioned in a document)") in notes


RULERS = (
    "identifier,title,creator,recipient\n"
    'k1,Letter one,"Elizabeth II, Queen of Great Britain, 1926-2022","Pius XII, Pope, 1876-1958"\n'
    'k2,Letter two,"Wilhelm II, German Emperor, 1859-1941","Nicholas II, Emperor of Russia, 1868-1918|Victoria, Queen of Great Britain, 1819-1901"\n'
)


def test_a_sovereigns_heading_is_the_name_and_its_numeral(tmp_path: Path):
    """Library of Congress headings of sovereigns and popes (a fresh user's table): "Elizabeth II, Queen of Great
    Britain, 1926-2022" is Elizabeth II, person:elizabeth-ii, the title kept in the further name as written; the
    dates were kept in the name and the key, and are noted now as any heading's."""
    path = tmp_path / "rulers.csv"
    path.write_text(RULERS, encoding="utf-8")
    items = list(read_file(path))
    r = records(items)
    assert [(a.key, a.name, a.names) for a in r["k1"].agents + r["k2"].agents] == [
        ("person:elizabeth-ii", "Elizabeth II", ["Elizabeth II, Queen of Great Britain"]),
        ("person:pius-xii", "Pius XII", ["Pius XII, Pope"]),
        ("person:wilhelm-ii", "Wilhelm II", ["Wilhelm II, German Emperor"]),
        ("person:nicholas-ii", "Nicholas II", ["Nicholas II, Emperor of Russia"]),
        ("person:victoria", "Victoria", ["Victoria, Queen of Great Britain"])]
    notes = [(n.location, n.message.split("), ")[0]) for n in items if isinstance(n, IngestNote)]
    assert notes == [
        ("line 2", "column 'creator' has dates of life after 2 names (line 2: 'Elizabeth II, Queen of Great Britain, 1926-2022'; "
                   "line 3: 'Wilhelm II, German Emperor, 1859-1941'"),
        ("line 2", "column 'recipient' has dates of life after 3 names (line 2: 'Pius XII, Pope, 1876-1958'; line 3: 'Nicholas II, "
                   "Emperor of Russia, 1868-1918'; line 3: 'Victoria, Queen of Great Britain, 1819-1901'")]
    assert "'Elizabeth II, Queen of Great Britain, 1926-2022' is 'Elizabeth II', one agent" in next(
        n.message for n in items if isinstance(n, IngestNote))


@pytest.mark.django_db
def test_a_library_heading_and_the_name_it_heads_are_one_agent_and_ingest_twice_changes_nothing(tmp_path: Path):
    from legation.records.models import Agent

    path = tmp_path / "lc.csv"
    path.write_text(LC_HEADINGS, encoding="utf-8")
    assert sorted(ingest_records(read_file(path)).added) == ["n1", "n2", "n3"]
    nixon = Agent.objects.get(key="person:richard-m-nixon")
    assert (nixon.name, sorted(nixon.names.values_list("name", flat=True))) == ("Richard M. Nixon", ["Nixon, Richard M.", "Richard Milhous Nixon"])
    assert nixon.document_links.count() == 2
    assert not Agent.objects.filter(key__regex=r"\d|sir|editor|furst")
    second = ingest_records(read_file(path))
    assert sorted(second.unchanged) == ["n1", "n2", "n3"] and not second.updated


TWO_LIVES = (
    "identifier,title,creator,recipient\n"
    'w1,Letter one,"Smith, John, 1901-1980","Smith, John, 1850-1920"\n'
    'w2,Letter two,"Kissinger, Henry, 1923-","Smith, John (1901-1980)"\n'
    'w3,Letter three,"Kissinger, Henry, 1923-2023","Smith, John, 1776-1840"\n'
    'w4,Letter four,"Brown, Ann, 1890?-1950","Brown, Ann, 1890-1950"\n'  # a year in doubt is no other person
)


def test_one_name_with_the_dates_of_life_of_different_people_is_noted(tmp_path: Path):
    """John Smith, 1901-1980, wrote to John Smith, 1850-1920: both are person:john-smith, as dates are not
    kept; a note names the name, each of its dates and where it was first read, so that the archivist gives
    them ids. A heading closed at a death ("Kissinger, Henry, 1923-" and "…, 1923-2023") is no other person,
    nor are names a row gives ids."""
    path = tmp_path / "lives.csv"
    path.write_text(TWO_LIVES, encoding="utf-8")
    items = list(read_file(path))
    assert [a.key for a in records(items)["w1"].agents] == ["person:john-smith", "person:john-smith"]
    notes = [(n.location, n.message) for n in items if isinstance(n, IngestNote) and "different people" in n.message]
    assert notes == [("line 2", "'Smith, John' is written with the dates of life of different people: '1901-1980' (column 'creator', "
                      "line 2), '1850-1920' (column 'recipient', line 2), '1776-1840' (column 'recipient', line 4); all are one "
                      "agent, person:john-smith ('John Smith'), as dates of life are not kept. If they are different people, give "
                      "each an id (a mapping's sender_key, recipient_key or mentioned_key column beside the names) and ingest the "
                      "file again")]
    # rows that give their names ids keep them apart by the ids: no note
    path = tmp_path / "ids.csv"
    path.write_text(
        "id,title,from,from_id,to,to_id\n"
        'i1,One,"Smith, John, 1901-1980",viaf:1,"Smith, John, 1850-1920",viaf:2\n',
        encoding="utf-8",
    )
    (tmp_path / "ids.json").write_text(
        '{"columns": {"id": "identifier", "title": "title", "from": "sender", "from_id": "sender_key", "to": "recipient", '
        '"to_id": "recipient_key"}, "separator": "|"}',
        encoding="utf-8",
    )
    items = list(read_file(path, load_mapping(tmp_path / "ids.json")))
    assert [a.key for a in records(items)["i1"].agents] == ["viaf:1", "viaf:2"]
    assert not [n for n in items if isinstance(n, IngestNote) and "different people" in n.message]


def test_moritz_bodies_written_with_commas_keep_their_keys():
    r = records(read_file(shared_data("moritz-saxony-political-correspondence-metadata/letters.csv.gz"), "moritz"))
    # "1059","Statthalter, Kanzler und Räte zu Kassel","",…; "13a1",…,"Dechant, Senior und Kapitel zu Merseburg",""
    assert [(a.key, a.name) for a in r["letters-moritz-3-1059"].agents if a.role == "sender"] == [
        ("organization:statthalter-kanzler-und-rate-zu-kassel", "Statthalter, Kanzler und Räte zu Kassel")]
    assert [(a.key, a.name) for a in r["letters-moritz-4-13a1"].agents if a.role == "recipient"] == [
        ("organization:dechant-senior-und-kapitel-zu-merseburg", "Dechant, Senior und Kapitel zu Merseburg")]


@pytest.mark.parametrize("merged_first", [False, True])
@pytest.mark.django_db
def test_an_archive_keyed_before_inverted_names_were_turned(tmp_path: Path, merged_first: bool):
    """What README says of an archive that stored "Acheson, Dean" as person:acheson-dean: the next
    ingest updates its document once (the old agent, of no document then, deleted: it stayed in the admin's agents, and
    copy-archive refused the archive), unless an authority line merged the old key first, when the document is unchanged."""
    import json
    from dataclasses import replace

    from legation.records.authorities import load_authorities
    from legation.records.models import Agent

    path = tmp_path / "acheson.csv"
    path.write_text('identifier,title,creator\nb1,Letter,"Acheson, Dean"\n', encoding="utf-8")
    [record] = records(read_file(path)).values()
    old = replace(record, agents=[replace(a, key="person:acheson-dean") for a in record.agents])  # as Legation keyed it before
    assert ingest_records([old]).added == ["b1"]
    if merged_first:
        authorities = tmp_path / "authorities.jsonl"
        line = {"kind": "person", "key": "person:dean-acheson", "name": "Dean Acheson", "same_as": ["person:acheson-dean"]}
        authorities.write_text(json.dumps(line) + "\n", encoding="utf-8")
        assert load_authorities(authorities).merged == 1
    again = ingest_records(read_file(path))
    assert (again.updated, again.unchanged) == (([], ["b1"]) if merged_first else (["b1"], []))
    assert ingest_records(read_file(path)).unchanged == ["b1"]
    assert list(Agent.objects.get(key="person:dean-acheson").document_links.values_list("document__identifier", flat=True)) == ["b1"]
    assert not Agent.objects.filter(key="person:acheson-dean").exists()


@pytest.mark.django_db
def test_an_archive_that_stored_a_council_as_a_person_gets_it_as_an_organization_in_place(tmp_path: Path):
    """An archive that ingested the Moritz table before German bodies were read stored "Rat von
    Leipzig" as person:rat-von-leipzig. The next ingest gives that agent the key and kind it is
    read as now (organization:rat-von-leipzig): one agent, its documents updated once, then unchanged.
    The migration that made agents remember whether their kind was read from the name marks it so, as
    its documents came from a table (a kind a source stated is not changed by a name read otherwise)."""
    import importlib
    from dataclasses import replace

    from django.apps import apps

    from legation.records.models import Agent, ChangeLogEntry

    path = tmp_path / "rat.csv"
    path.write_text(
        "identifier,title,creator,recipient\nm1,Brief,Rat von Leipzig,Hz. Moritz\nm2,Brief,Hz. Moritz,Rat von Leipzig\n", encoding="utf-8"
    )
    new = list(records(read_file(path)).values())
    assert {(a.key, a.kind) for r in new for a in r.agents} == {("organization:rat-von-leipzig", "organization"), ("person:hz-moritz", "person")}
    old = [
        replace(r, agents=[replace(a, key="person:rat-von-leipzig", kind="person") if a.name == "Rat von Leipzig" else a for a in r.agents])
        for r in new
    ]  # as Legation keyed it before
    assert ingest_records(old, batch_size=1, source=str(path)).added == ["m1", "m2"]
    Agent.objects.update(kind_from_name=False)  # as an archive stored before it was remembered
    importlib.import_module("legation.records.migrations.0018_agent_kind_from_name").kinds_read_from_names(apps, None)
    assert set(Agent.objects.values_list("key", "kind_from_name")) == {("person:rat-von-leipzig", True), ("person:hz-moritz", True)}
    logged = ChangeLogEntry.objects.count()
    again = ingest_records(read_file(path), batch_size=1)
    assert (again.added, again.updated, again.unchanged) == ([], ["m1"], ["m2"])  # m2's link was moved with the agent
    assert list(Agent.objects.order_by("key").values_list("key", "kind")) == [
        ("organization:rat-von-leipzig", "organization"), ("person:hz-moritz", "person")]
    council = Agent.objects.get(key="organization:rat-von-leipzig")
    assert sorted(council.document_links.values_list("document__identifier", flat=True)) == ["m1", "m2"]
    logs = list(ChangeLogEntry.objects.order_by("pk").values_list("document_identifier", flat=True))
    assert set(logs[logged:]) == {"m1", "m2"}  # both re-indexed: the agent shows its new kind in each
    assert ingest_records(read_file(path)).unchanged == ["m1", "m2"]


def test_bodies_and_offices_are_organizations_as_in_frus(tmp_path: Path):
    path = tmp_path / "bodies.csv"
    path.write_text(
        "identifier,title,creator,recipient,mentioned\n"
        'c1,Telegram,Department of State,Embassy in France|Legation in Switzerland,Foreign Ministry|Mission to the United Nations\n'
        'c2,Telegram,"Embassy in Benghazi, Libya",Secretary of State|President Truman,Council of Ministers|Government of India\n'
        'c3,Letter,"Acheson, Dean",Consulate General at Shanghai|Mrs. Pandit,Delegation to the Geneva Conference|Office of the Historian\n',
        encoding="utf-8",
    )
    r = records(read_file(path))
    assert [(a.kind, a.key, a.name) for a in r["c1"].agents] == [
        ("organization", "organization:department-of-state", "Department of State"),
        ("organization", "organization:embassy-in-france", "Embassy in France"),
        ("organization", "organization:legation-in-switzerland", "Legation in Switzerland"),
        ("organization", "organization:foreign-ministry", "Foreign Ministry"),
        ("organization", "organization:mission-to-the-united-nations", "Mission to the United Nations"),
    ]
    assert [(a.kind, a.key) for a in r["c2"].agents] == [
        ("organization", "organization:embassy-in-benghazi-libya"),
        ("organization", "organization:secretary-of-state"),  # an office without its holder, as FRUS records it
        ("person", "person:president-truman"),  # a title before a name: a person
        ("organization", "organization:council-of-ministers"),
        ("organization", "organization:government-of-india"),
    ]
    assert [(a.kind, a.key) for a in r["c3"].agents] == [
        ("person", "person:dean-acheson"),
        ("organization", "organization:consulate-general-at-shanghai"),
        ("person", "person:mrs-pandit"),  # a title alone, no word of a body: not an office
        ("organization", "organization:delegation-to-the-geneva-conference"),
        ("organization", "organization:office-of-the-historian"),
    ]


@pytest.mark.django_db
def test_a_body_is_stored_as_an_organization_under_the_key_frus_gives_it(tmp_path: Path):
    from legation.ingest.readers.tei_frus import read_frus_volume
    from legation.records.models import Agent
    from tests.conftest import REPO

    path = tmp_path / "embassy.csv"
    path.write_text("identifier,title,creator,recipient\nd1,Telegram,Department of State,Embassy in France\n", encoding="utf-8")
    assert ingest_records(read_file(path)).added == ["d1"]
    embassy = Agent.objects.get(key="organization:embassy-in-france")
    assert (embassy.kind, embassy.name) == ("organization", "Embassy in France")
    # the demo's FRUS volume 1949 VII part 2 keys the same body so: one agent for both sources
    frus = [r for r in read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1949v07p2.xml.gz") if isinstance(r, DocumentRecord)]
    assert any(a.key == "organization:embassy-in-france" and a.kind == "organization" for r in frus for a in r.agents)
    assert ingest_records(read_file(path)).unchanged == ["d1"]


def test_moritz_bodies_are_organizations_by_their_german_words():
    """The Moritz index names bodies in German ("Dechant, Senior und Kapitel zu Merseburg"), which
    the English words of bodies found none of: German words of bodies and groups find them
    (legation.ingest.names.body_or_group; the names counted in tests/ingest/test_names.py)."""
    items = records(read_file(shared_data("moritz-saxony-political-correspondence-metadata/letters.csv.gz"), "moritz"))
    agents = [a for r in items.values() for a in r.agents]
    assert len(agents) == 20_562  # 20,573 names in the cells, 11 given twice in one role of a letter
    assert sum(a.kind == "organization" for a in agents) == 1_884  # the Reichskammergericht since courts are, the Landtag zu Torgau since diets are


HOLDINGS = "RefNo;Heading;Written;Author;Addressee;Body;Series;Keywords\nHX-1;Despatch on Ottoman trade;12.05.1720;Virmont, Damian Hugo;Karl VI;Trade talks;Series A;trade|Ottoman\n"


def test_a_mapping_naming_columns_the_file_lacks_fails_the_file_once_naming_them(tmp_path: Path):
    path = tmp_path / "holdings.csv"
    path.write_text(HOLDINGS, encoding="utf-8")
    mapping = tmp_path / "m.json"
    mapping.write_text('{"columns": {"RefNo": "identifier", "Headng": "title", "written": "date", "Body": "text"}}', encoding="utf-8")
    [error] = list(read_file(path, mapping))
    assert isinstance(error, IngestError) and error.location == "line 1"
    assert "names columns 'Headng' (did you mean 'Heading'?), 'written' (did you mean 'Written'?) that the file does not have" in error.message
    assert "['RefNo', 'Heading', 'Written'" in error.message and "case and spaces count" in error.message


def test_a_template_column_the_file_lacks_is_named_too(tmp_path: Path):
    path = tmp_path / "holdings.csv"
    path.write_text(HOLDINGS, encoding="utf-8")
    mapping = tmp_path / "m.json"  # a template naming columns of another corpus (DFAT's): no column of this file
    mapping.write_text('{"columns": {"Heading": "title"}, "identifier_template": "v{vol_id}-{doc_order}"}', encoding="utf-8")
    [error] = list(read_file(path, mapping))
    assert "'doc_order'" in error.message and "'vol_id'" in error.message
    assert "empty" not in error.message
    # a JSON Lines mapping is not given a CSV file at all: ingest says why before reading it
    assert why_unread(path, "dfat").startswith("--mapping dfat is for JSON Lines files and this is CSV")


def test_columns_the_mapping_leaves_out_get_one_note(tmp_path: Path):
    path = tmp_path / "holdings.csv"
    path.write_text(HOLDINGS, encoding="utf-8")
    mapping = tmp_path / "m.json"
    mapping.write_text('{"columns": {"RefNo": "identifier", "Heading": "title", "Written": "date"}}', encoding="utf-8")
    items = list(read_file(path, mapping))
    [note] = [i for i in items if isinstance(i, IngestNote)]
    assert note.message.startswith("columns ['Author', 'Addressee', 'Body', 'Series', 'Keywords'] are not in the mapping")
    assert records(items)["HX-1"].title == "Despatch on Ottoman trade"


def test_a_corpus_list_of_its_files_is_a_note_and_a_table_without_identifiers_still_fails(tmp_path: Path):
    # QhoD ships manifest.csv (file, original_path, bytes) beside its TEI files: ingesting the folder
    # failed on it, and so --delete-missing never ran there
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,original_path,bytes\nqhod/a.xml,qhod/A/a.xml,68528\n", encoding="utf-8")
    (note,) = list(read_file(manifest))
    assert isinstance(note, IngestNote) and note.location == "line 1"
    assert note.message == (
        "skipped, not documents: it is a list of the corpus's files (a manifest), columns ['file', 'original_path', "
        "'bytes'], not a table of documents; nothing of it is stored"
    )
    letters = tmp_path / "letters.csv"  # documents, but no identifier: still a failure to fix
    letters.write_text("file,title,date\na.xml,Letter,1720-04-14\n", encoding="utf-8")
    (failure,) = list(read_file(letters))
    assert isinstance(failure, IngestError) and failure.message.startswith("has no identifier column")


def test_the_qhod_manifest_is_skipped_with_a_note():
    (note,) = list(read_file(shared_data("qhod-habsburg-ottoman-diplomacy/manifest.csv")))
    assert isinstance(note, IngestNote) and "a list of the corpus's files (a manifest)" in note.message


def test_dublin_core_coverage_is_what_the_document_is_about_not_where_it_was_sent_from(tmp_path: Path):
    # coverage (DCMI: "the spatial or temporal topic of the resource") was stored as the place sent
    # from: a document about Korea, written in Washington, read as sent from Korea
    path = tmp_path / "dc.csv"
    path.write_text("identifier,title,coverage,place,subject\nk-1,Memorandum on Korea,Korea|1950-1953,Washington,armistice\n", encoding="utf-8")
    [record] = records(list(read_file(path))).values()
    assert (record.place_sent, record.subjects) == ("Washington", ["Korea", "1950-1953", "armistice"])


@pytest.mark.django_db
def test_a_dublin_core_publisher_column_is_read_into_credit_as_wilson_publishers_are(tmp_path: Path):
    """Dublin Core ``publisher`` was named in the "not read" note and dropped; the data model keeps
    publishers in ``credit`` (the Wilson Center reader: donors, then publishers), so a table's
    ``publisher`` goes there too, after its ``credit`` column, whatever the order of the columns; a Dublin
    Core element with no field (``format``) is still named in the note."""
    wilson = single_record(read_file(FIXTURES / "wilson" / "document-900001-crafted.json"), notes=True)
    path = tmp_path / "credits.csv"
    path.write_text(
        "dc:publisher,identifier,title,credit,format\n"
        "Example Press,w-1,A translated record,Example Foundation for Translation,text/plain\n"
        "Example Press,w-2,Published only,,\n",
        encoding="utf-8",
    )
    items = list(read_csv(path))
    [note] = [i for i in items if isinstance(i, IngestNote)]
    assert note.message.startswith("columns ['format'] are not headers Legation reads")
    first, second = [i for i in items if isinstance(i, DocumentRecord)]
    assert first.credit == wilson.credit == "Example Foundation for Translation; Example Press"
    assert second.credit == "Example Press"
    report = ingest_records(items)
    assert (report.added, report.failed) == (["w-1", "w-2"], [])


@pytest.mark.django_db
def test_a_pages_column_gives_the_printed_pages_and_a_cell_that_is_no_pages_fails_its_row(tmp_path: Path):
    path = tmp_path / "pages.csv"
    path.write_text(
        "identifier,title,Pages,collection\n"
        "d1,Memorandum of conversation,1–3,FRUS 1917–1972\n"
        "d2,Telegram,\"12, 14\",FRUS 1917–1972\n"
        "d3,Circular,xii - xiv,FRUS 1917–1972\n"
        "d4,Unprinted note,,\n"
        # as a catalogue or a citation writes them (they failed their rows): read as the pages
        "d5,Letter,pp. 1,FRUS 1917–1972\n"
        "d6,Letter,\"pp. 1,099–1,101\",FRUS 1917–1972\n",
        encoding="utf-8",
    )
    items = list(read_csv(path))
    assert {i: r.pages for i, r in records(items).items()} == {"d1": "1–3", "d3": "xii - xiv", "d4": "", "d5": "1", "d6": "1099–1101"}
    [bad] = errors(items)
    assert (bad.path, bad.location, bad.message) == (
        str(path),
        "line 3",
        "d2: pages '12, 14': give the page that prints it, 287, or the first and last joined by a dash, 287–289 "
        '(no "p." or "pp."), or leave it empty',
    )
    report = ingest_records(items, source=str(path))
    assert (report.added, [f.where for f in report.failed]) == (["d1", "d3", "d4", "d5", "d6"], [f"{path}, line 3"])
    assert not Document.objects.filter(identifier="d2").exists()
    # a column "Page", as a spreadsheet names it, is the pages too: it was "not read"
    singular = tmp_path / "page.csv"
    singular.write_text("identifier,title,Page\nd5,Letter,17–19\n", encoding="utf-8")
    assert {i: r.pages for i, r in records(read_csv(singular)).items()} == {"d5": "17–19"}
    # a mapping reads any column into pages, the first of two with a value
    mapped = tmp_path / "seiten.csv"
    mapped.write_text("Nr,Titel,Seiten,Seite\nb-1,Brief,,17\nb-2,Brief,17–19,20\n", encoding="utf-8")
    mapping = tmp_path / "seiten.mapping.json"
    mapping.write_text('{"columns": {"Nr": "identifier", "Titel": "title", "Seiten": "pages", "Seite": "pages"}}', encoding="utf-8")
    assert {i: r.pages for i, r in records(read_csv(mapped)).items()} == {"b-1": "17", "b-2": "17–19"}


def test_a_header_naming_a_column_twice_fails_the_file_rather_than_lose_one_column(tmp_path: Path):
    # dict(zip(header, row)) kept the second 'title' and dropped the first without a word
    path = tmp_path / "twice.csv"
    path.write_text("identifier,title,date,title\nt-1,Telegram from Moscow,1950-01-02,Cable 12\n", encoding="utf-8")
    with pytest.raises(IngestError) as raised:
        list(read_csv(path))
    assert (raised.value.location, raised.value.message) == (
        "line 1",
        "the header names a column twice ('title' in columns 2, 4), so the values of one would be lost; rename or remove "
        "one and ingest the file again",
    )



def test_two_headers_read_as_one_field_of_one_value_fail_the_file(tmp_path: Path):
    # 'title' and 'Title' (or 'dc:date' and 'Date') were both read as that field: the second's values dropped silently
    path = tmp_path / "alike.csv"
    path.write_text("identifier,title,Title,dc:date,Date,subject,Subject\nh-1,First,Second,1950,1951,Trade,Loans\n", encoding="utf-8")
    with pytest.raises(IngestError) as raised:
        list(read_csv(path))
    assert raised.value.location == "line 1" and raised.value.message.startswith(
        "'title' (column 2) and 'Title' (column 3) are both read as title; 'dc:date' (column 4) and 'Date' (column 5) are "
        "both read as date, each a field that takes one value, so the values of all but the first would be lost"
    )
    # a field of several values joins them: nothing is lost
    joined = tmp_path / "joined.csv"
    joined.write_text("identifier,title,subject,Subject\nh-2,One,Trade,Loans\n", encoding="utf-8")
    (record,) = [r for r in read_csv(joined) if not isinstance(r, IngestNote)]
    assert record.subjects == ["Trade", "Loans"]

def test_values_in_a_column_without_header_are_named_in_a_note(tmp_path: Path):
    path = tmp_path / "unnamed.csv"
    path.write_text("identifier,,title,\nu-1,a stray value,Telegram,\nu-2,,Cable,\n", encoding="utf-8")
    items = list(read_csv(path))
    assert [i.identifier for i in items if isinstance(i, DocumentRecord)] == ["u-1", "u-2"]
    (note,) = [i for i in items if isinstance(i, IngestNote)]  # column 4 is empty throughout: no note on it
    assert (note.location, note.message) == (
        "line 1",
        "column 2 has no header, so its values were not stored; give each a header Legation reads (or map it), and ingest the file again",
    )


def test_a_quote_never_closed_fails_its_row_and_the_rows_after_it_are_read(tmp_path: Path):
    path = tmp_path / "open-quote.csv"
    path.write_text('identifier,title\nq-1,Telegram\nq-2,"Cable from Moscow\nq-3,Letter\n', encoding="utf-8")
    items = list(read_csv(path))
    assert [i.identifier for i in items if isinstance(i, DocumentRecord)] == ["q-1", "q-3"]
    (error,) = [i for i in items if isinstance(i, IngestError)]
    assert (error.location, error.message) == (
        "line 3",
        'a quotation mark (") opens the cell of column \'title\' here and it is never closed, so line 4, a row of its own, '
        "was read into that cell. This row was not stored; line 4 was read again as the row it is. If the quotation mark "
        'was left open, close it; if it belongs to the value (5" gun), write it as two and put the whole cell in quotation '
        'marks ("5"" gun"); then ingest the file again',
    )
    # lines after it that are no rows of the table (a text's paragraphs): where the next row starts is not known
    path.write_text('identifier,title,text\nq-1,Telegram,Sent\nq-2,Cable,"From Moscow.\nA second paragraph.\n', encoding="utf-8")
    items = list(read_csv(path))
    assert [i.identifier for i in items if isinstance(i, DocumentRecord)] == ["q-1"]
    (error,) = [i for i in items if isinstance(i, IngestError)]
    assert (error.location, error.message) == (
        "line 3",
        'a cell of the row starting here opens a quotation mark (") that is never closed, so the rest of the file cannot '
        "be read; the rows before were read. Close the quotation mark, or write a quotation mark inside a cell as two and "
        'put the whole cell in quotation marks ("""Big Five"" talks"), and ingest the file again',
    )



def test_a_quote_never_closed_in_a_large_file_stops_at_the_longest_cell_a_value_may_hold(tmp_path: Path):
    # the rest of the file was read as one cell, whatever its size (146 MB took 1.5 GB of memory)
    from legation.ingest.readers.csv_dc import CELL_CHARACTERS

    path = tmp_path / "open-quote-large.csv"
    rows = "".join(f"q-{i},Row {i} of the table{' and more' * 110}\n" for i in range(2, 3_000))  # 3 MB after the quote
    path.write_text(f'identifier,title\nq-0,Telegram\nq-1,"Cable from Moscow\n{rows}', encoding="utf-8")
    items = list(read_csv(path))
    assert [i.identifier for i in items if isinstance(i, DocumentRecord)] == ["q-0"] + [f"q-{i}" for i in range(2, 3_000)]
    (error,) = [i for i in items if isinstance(i, IngestError)]
    assert error.location == "line 3" and error.message.startswith(
        "a quotation mark (\") opens the cell of column 'title' here and it is never closed, so lines 4–"
    )
    # a text of paragraphs past the longest value: not rows, so where the next row starts is not known
    path.write_text('identifier,title,text\nq-0,Telegram,Sent\nq-1,Cable,"' + "A paragraph of the text.\n" * 100_000 + "q-2,Letter,Sent\n", encoding="utf-8")
    items = list(read_csv(path))
    assert [i.identifier for i in items if isinstance(i, DocumentRecord)] == ["q-0"]
    (error,) = [i for i in items if isinstance(i, IngestError)]
    assert error.location == "line 3" and error.message.startswith(
        f"a cell of the row starting here runs past {CELL_CHARACTERS:,} characters, the most a value may hold: most "
        'often a quotation mark (") opened in a cell and never closed, so the rest of the file cannot be read'
    )


def test_an_identifier_too_long_is_shown_shortened_in_its_failure(tmp_path: Path):
    path = tmp_path / "long.csv"
    path.write_text("identifier,title\n" + "L" * 5_000 + ",Telegram\n", encoding="utf-8")
    (error,) = [i for i in read_csv(path) if isinstance(i, IngestError)]
    assert error.message == f"identifier '{'L' * 60}…' (5,000 characters): {IDENTIFIER_RULE}"


LETTERS = (
    "identifier,title,creator,recipient\n"
    'l-1,Note on the talks,"Gomułka, Władysław","Acheson, Dean"\n'
    'l-2,Telegram,"Mao, Zedong",Embassy in Moscow\n'
)


@pytest.fixture
def letters_archive(db, tmp_path: Path):
    """:data:`LETTERS` ingested as the archive (:func:`tests.conftest.ingested_archive`)."""
    from tests.conftest import ingested_archive

    path = tmp_path / "letters.csv"
    path.write_text(LETTERS, encoding="utf-8")
    yield from ingested_archive(read_file(path))


def test_an_inverted_name_is_found_in_direct_order(letters_archive):
    """ "Gomułka, Władysław" was stored as written alone: "Władysław Gomułka" quoted, and from:"…", found nothing."""
    from legation.records.models import Agent
    from legation.search.service import SearchRequest, search
    from legation.search.suggest import suggest

    found = {q: [h.identifier for h in search(SearchRequest(q=q)).hits] for q in (
        '"Władysław Gomułka"', 'from:"Władysław Gomułka"', '"Gomułka, Władysław"', 'to:"Dean Acheson"', 'to:"Acheson, Dean"', '"Mao Zedong"')}
    assert found == {
        '"Władysław Gomułka"': ["l-1"], 'from:"Władysław Gomułka"': ["l-1"], '"Gomułka, Władysław"': ["l-1"],
        'to:"Dean Acheson"': ["l-1"], 'to:"Acheson, Dean"': ["l-1"], '"Mao Zedong"': ["l-2"]}  # fmt: skip
    agents = {a.key: (a.name, sorted(a.names.values_list("name", flat=True))) for a in Agent.objects.all()}
    assert agents == {
        "person:wladyslaw-gomulka": ("Władysław Gomułka", ["Gomułka, Władysław"]),
        "person:dean-acheson": ("Dean Acheson", ["Acheson, Dean"]),
        "person:mao-zedong": ("Mao, Zedong", []),  # East Asian order: one name, as written
        "organization:embassy-in-moscow": ("Embassy in Moscow", []),
    }
    assert [(s.text, s.query) for s in suggest("Dean")] == [("Dean Acheson", '"Dean Acheson"')]


@pytest.mark.django_db
def test_an_archive_that_stored_inverted_names_as_written_keeps_its_agents(tmp_path: Path):
    """An archive ingested before names were turned holds "Gomułka, Władysław" under the key of the
    direct form already: the next ingest adds the direct form as a further name, no agent besides."""
    from dataclasses import replace

    from legation.records.models import Agent, AgentName
    from legation.search.follower import follow_once
    from legation.search.service import SearchRequest, search
    from tests.conftest import ingested_archive

    path = tmp_path / "letters.csv"
    path.write_text(LETTERS, encoding="utf-8")
    new = list(records(read_file(path)).values())
    old = [replace(r, agents=[replace(a, name=(a.names or [a.name])[0], names=[]) for a in r.agents]) for r in new]  # as read before
    archive = ingested_archive(old)
    assert next(archive).added == ["l-1", "l-2"]
    assert search(SearchRequest(q='"Władysław Gomułka"')).hits == []
    keys = sorted(Agent.objects.values_list("key", flat=True))
    again = ingest_records(read_file(path))
    assert (again.updated, again.unchanged) == ([], ["l-1", "l-2"])  # a document compares by its agents' keys
    assert sorted(Agent.objects.values_list("key", flat=True)) == keys and len(keys) == 4
    gomulka = Agent.objects.get(key="person:wladyslaw-gomulka")  # an agent keeps its name: curators rename
    assert (gomulka.name, list(AgentName.objects.filter(agent=gomulka).values_list("name", flat=True))) == (
        "Gomułka, Władysław", ["Władysław Gomułka"])
    follow_once()
    assert [h.identifier for h in search(SearchRequest(q='"Władysław Gomułka"')).hits] == ["l-1"]
    assert ingest_records(read_file(path)).unchanged == ["l-1", "l-2"]
    next(archive, None)


def test_a_surname_typed_first_suggests_the_inverted_name(letters_archive):
    from legation.search.suggest import suggest

    assert [(s.text, s.query) for s in suggest("Acheson D")] == [("Dean Acheson", '"Dean Acheson"')]
    assert [(s.text, s.query) for s in suggest("Gomulka Wl")] == [("Władysław Gomułka", '"Władysław Gomułka"')]


def test_a_header_without_rows_fails_even_with_a_note_on_its_encoding(tmp_path: Path):
    # a header in Windows-1252 alone: the note on its encoding counted as an item read, so the file passed with "0 added"
    for data in ("identifier,title,Zusammenfassung über\n\n".encode("cp1252"), b"identifier,title\n"):
        path = tmp_path / "empty.csv"
        path.write_bytes(data)
        items = list(read_file(path, mapping=None))
        errors = [i for i in items if isinstance(i, IngestError)]
        assert [e.message for e in errors] == ["holds no documents: it has a header but no rows; add one row per document under the header"]


def test_a_cell_keeps_its_writer_s_spaces_before_punctuation_and_only_whitespace_is_collapsed(tmp_path: Path):
    # the tidying of markup's spaces (TEI's "( Caffery )") was applied to typed values too: a French
    # title "Note : Paris" was stored as "Note: Paris", and exported so
    path = tmp_path / "dc.csv"
    path.write_text('identifier,title,source\nf-1,"Note : Paris ;  ( voir\tannexe )",[AA : A981 ]\n', encoding="utf-8")
    [record] = records(list(read_file(path))).values()
    assert (record.title, record.source_note) == ("Note : Paris ; ( voir annexe )", "[AA : A981 ]")


@pytest.mark.parametrize("end", ["\r\n", "\n", "\r"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_a_utf8_table_read_line_by_line_gives_what_the_whole_text_gives(tmp_path: Path, end: str, bom: bytes):
    # a UTF-8 table is read a line at a time from its bytes (its whole text, held at once, took 8 times
    # the file's size); each line end, a BOM, line breaks inside quotes and characters beyond the BMP
    # or that str.splitlines would cut at (U+2028, U+0085, a form feed) read as before
    text = end.join([
        "identifier,title,text",
        'u-1,"Mao 毛泽东 𠀀 Zürich","first line' + end + 'second\u2028third\x85fourth"',
        "u-2,Line two;semi,plain",
        "",
    ])
    path = tmp_path / "t.csv"
    path.write_bytes(bom + text.encode("utf-8"))
    read = records(list(read_file(path)))
    assert read["u-1"].title == "Mao 毛泽东 𠀀 Zürich"
    assert read["u-1"].texts[0].body == "first line" + end + "second\u2028third\x85fourth"
    assert read["u-2"].title == "Line two;semi" and list(read) == ["u-1", "u-2"]


def test_a_table_not_wholly_utf8_is_still_refused_at_its_line(tmp_path: Path):
    path = tmp_path / "t.csv"
    path.write_bytes("identifier,title\nu-1,Zürich\nu-2,Gomułka\nu-3,".encode() + b"Z\xfcrich\n")
    [refused] = list(read_file(path))
    assert isinstance(refused, IngestError) and refused.location == "line 4" and "is UTF-8 but for 1 byte" in str(refused)


def test_blank_lines_before_the_header_are_read_past_and_lines_keep_their_numbers(tmp_path: Path):
    # "has no identifier column (headers: [])" at line 1 (a fresh archivist)
    from legation.ingest.readers import location_of

    path = tmp_path / "blank.csv"
    path.write_text("\n  \n\nidentifier;title\n\nb-1;A\nb-2;B;extra\n", encoding="utf-8")
    items = list(read_file(path))
    [record], [error] = records(items).values(), errors(items)
    assert (record.identifier, location_of(record)) == ("b-1", "line 6")  # the semicolon read off the header, not a blank line
    assert error.location == "line 7" and "has 3 cells, the header has 2" in error.message
    path.write_text("\n\nidentifier,title,title\nb-1,A,B\n", encoding="utf-8")
    [refused] = list(read_file(path))
    assert isinstance(refused, IngestError) and refused.location == "line 3" and "names a column twice" in refused.message
    path.write_text("\n \n", encoding="utf-8")
    [empty] = list(read_file(path))
    assert isinstance(empty, IngestError) and empty.message.startswith("is empty")


def test_excels_separator_line_names_the_separator_and_is_no_row(tmp_path: Path) -> None:
    # "sep=;" before the header, as Excel writes and reads it, failed the table: "no identifier column
    # (headers: ['sep=', ''])" (a fresh archivist's); rows keep their line numbers in the file
    table = tmp_path / "excel.csv"
    table.write_bytes("sep=;\r\nidentifier;title;date;creator\r\nch-1;Notiz über Gespräch;22.XII.1949;Müller, Jürgen\r\nch-2;;1950;x\r\n".encode("cp1252"))
    items = list(read_csv(table))
    records = [i for i in items if isinstance(i, DocumentRecord)]
    assert [(r.identifier, r.title, r.date_edtf, [a.name for a in r.agents]) for r in records] == [("ch-1", "Notiz über Gespräch", "1949-12-22", ["Jürgen Müller"])]
    (failed,) = [i for i in items if isinstance(i, IngestError)]
    assert failed.location == "line 4" and "title" in failed.message
    # written in capitals or with spaces, as other programs write it
    table.write_text("SEP = ;\nidentifier;title\nz-1;Eins\n", encoding="utf-8")
    assert [(r.identifier, r.title) for r in read_csv(table) if isinstance(r, DocumentRecord)] == [("z-1", "Eins")]
    # a comma is a separator it may name too, quoted as Excel quotes it when it has to
    table.write_text('"sep=,"\nidentifier,title\nd-1,"One, two"\n', encoding="utf-8")
    assert [(r.identifier, r.title) for r in read_csv(table) if isinstance(r, DocumentRecord)] == [("d-1", "One, two")]


@pytest.mark.parametrize(
    ("line", "number", "shown"),
    [
        ("sep=\\t\n", 1, "'sep=\\\\t'"),
        ("sep=\n", 1, "'sep='"),
        ("sep=\r\n", 1, "'sep='"),
        ("\ufeff\nsep=semicolon\n", 2, "'sep=semicolon'"),
        ('"sep=;;x"\n', 1, "'\"sep=;;x\"'"),
        ('sep="\n', 1, "'sep=\"'"),  # the quotation mark, which encloses cells: read as the separator
        ("sep=\x00\n", 1, "'sep=\\x00'"),
        ("sep=x\n", 1, "'sep=x'"),
        ("SEP = ||\n", 1, "'SEP = ||'"),
    ],
)
def test_a_separator_line_naming_no_one_character_says_what_to_write(tmp_path: Path, line: str, number: int, shown: str) -> None:
    # read as the header, it failed the table as "no identifier column (headers: ['sep=\\t'])"; "sep=" with a
    # Windows line end took the carriage return for the separator, and the header was one column
    table = tmp_path / "excel.csv"
    table.write_text(line + "identifier\ttitle\nd-1\tOne\n", encoding="utf-8", newline="")
    with pytest.raises(IngestError) as raised:
        list(read_csv(table))
    assert (raised.value.location, raised.value.message) == (
        f"line {number}",
        f"its line {shown} should name the column separator as one character that is no letter, digit, space or quotation "
        "mark, as Excel writes it: 'sep=;' for semicolons, "
        "'sep=,' for commas, 'sep=|' for vertical bars, or 'sep=' followed by a tab for tabs (the tab character itself: a "
        "backslash and a t are two). Correct that line, or remove it to have the separator read off the header, and ingest "
        "the file again",
    )


@pytest.mark.parametrize(
    ("text", "number", "named", "held", "other"),
    [
        ("sep=,\nidentifier;title\nd-1;One\n", 1, "commas", "semicolons", "'sep=;'"),
        ("\ufeff\nsep=;\r\nidentifier,title\r\nd-1,One\r\n", 2, "semicolons", "commas", "'sep=,'"),
        ("sep=|\nidentifier\ttitle\nd-1\tOne\n", 1, "vertical bars", "tabs", "sep= followed by a tab"),
    ],
)
def test_a_separator_line_the_header_does_not_use_names_both(tmp_path: Path, text: str, number: int, named: str, held: str, other: str) -> None:
    # the table failed as "no identifier column (headers: ['identifier;title'])", not saying the sep= line was wrong
    table = tmp_path / "excel.csv"
    table.write_text(text, encoding="utf-8", newline="")
    with pytest.raises(IngestError) as raised:
        list(read_csv(table))
    hinted = text.split("sep=")[1][0]
    assert (raised.value.location, raised.value.message) == (
        f"line {number}",
        f"its line 'sep={hinted}' names {named} as the column separator, but the header (line {number + 1}) has none and is "
        f"separated by {held}: correct that line to {other}, or remove it to have the separator read off the header, and "
        "ingest the file again",
    )


EXCEL_FORMS = {  # how Excel saves a table with its separator line, and the --encoding a user gives for it
    "CSV UTF-8 (a byte order mark), semicolons": (codecs.BOM_UTF8, "utf-8", ";", None),
    "CSV in Windows-1252, semicolons": (b"", "cp1252", ";", None),
    "Unicode text (UTF-16 with its byte order mark), tabs, its encoding given with its byte order": (codecs.BOM_UTF16_LE, "utf-16-le", "\t", "utf-16-le"),
    "the same, its encoding detected": (codecs.BOM_UTF16_LE, "utf-16-le", "\t", None),
}


@pytest.mark.parametrize("form", EXCEL_FORMS)
def test_a_real_table_behind_excels_separator_line_reads_as_the_original(tmp_path: Path, form: str) -> None:
    # the first 1,000 Moritz letters, rewritten as Excel writes a table with its "sep=" line, give the records of
    # the original through the bundled mapping, and a broken row fails at its own line of the file
    mark, encoding, separator, given = EXCEL_FORMS[form]
    lines = gzip.decompress(shared_data("moritz-saxony-political-correspondence-metadata/letters.csv.gz").read_bytes()).decode()
    lines = lines.splitlines(keepends=True)[:1001]
    rows = list(csv.reader(lines))
    lines.insert(701, ",".join(f'"{cell}"' for cell in rows[700][:-1]) + "\n")  # a row a cell short, at line 702
    rows.insert(701, rows[700][:-1])
    original = tmp_path / "letters.csv"
    original.write_text("".join(lines), encoding="utf-8")
    written = io.StringIO()
    csv.writer(written, delimiter=separator, lineterminator="\r\n").writerows(rows)
    excel = tmp_path / "letters-excel.csv"
    excel.write_bytes(mark + f"sep={separator}\r\n{written.getvalue()}".encode(encoding))
    read, from_excel = list(read_csv(original, "moritz")), list(read_csv(excel, "moritz", given))
    assert records(from_excel) == records(read) and len(records(read)) == 1000
    assert [location_of(r) for r in records(from_excel).values()][:2] == ["line 3", "line 4"]  # the file's own lines
    assert [(e.location, e.message) for e in errors(read)] == [("line 702", "has 15 cells, the header has 16; check quoting and commas in this row")]
    assert [(e.location, e.message) for e in errors(from_excel)] == [("line 703", "has 15 cells, the header has 16; check quoting and commas in this row")]


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n', "is XML, not a CSV table (its first line is '<?xml version=\"1.0\" encoding=\"UTF-8\"?>'); name it .xml"),
        ('\ufeff<TEI xmlns="http://www.tei-c.org/ns/1.0">\n</TEI>\n', "is XML, not a CSV table (its first line is '<TEI…'); name it .xml"),  # a long line cut at a word
        ('{"identifier": "a1", "title": "One"}\n', "is JSON, not a CSV table (its first line is '{\"identifier\": \"a1\", \"title\": \"One\"}'); name it .json (.jsonl"),
        ("<!DOCTYPE html>\n<html><body><table></table></body></html>\n", "is a web page (HTML), not a CSV table (its first line is '<!DOCTYPE html>'); save the table itself"),
    ],
)
def test_a_file_of_another_format_named_csv_is_said_to_be_that_format(tmp_path: Path, content: str, said: str) -> None:
    # a TEI file saved as .csv failed as "no identifier column (headers: ['<?xml …'])" (a fresh archivist's)
    table = tmp_path / "saved.csv"
    table.write_text(content, encoding="utf-8")
    with pytest.raises(IngestError) as raised:
        list(read_csv(table))
    assert raised.value.location == "line 1" and raised.value.message.startswith(said)


@pytest.mark.parametrize(
    ("name", "data", "table"),
    [
        ("unicode.txt", codecs.BOM_UTF16_LE + "identifier\ttitle\r\nd-1\tOne\r\n".encode("utf-16-le"), True),  # Excel's "Unicode Text"
        ("letters.tsv", b"identifier\ttitle\nd-1\tOne\n", True),
        ("readme.txt", b"Box list, 1949-1950\n", False),
    ],
)
def test_a_table_saved_as_text_is_told_to_be_named_csv(tmp_path: Path, name: str, data: bytes, table: bool) -> None:
    # Excel saves "Unicode Text" as .txt: "unknown format", where the same bytes named .csv read (a fresh archivist)
    path = tmp_path / name
    path.write_bytes(data)
    said = why_unread(path)
    assert said.startswith("looks like a table saved as text") == table, said
    assert table or said.startswith("unknown format")
    renamed = path.with_suffix(".csv")
    path.rename(renamed)
    assert not table or [r.identifier for r in read_file(renamed)] == ["d-1"]
