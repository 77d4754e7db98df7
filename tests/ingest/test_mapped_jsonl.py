"""JSON Lines corpora through bundled mappings: exact values of real records of the shared corpora
(checked by hand in the files; skipped when ../shared/data is absent) and the reader's errors."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from legation.errors import IngestError, IngestNote
from legation.ingest.mappings import bundled_mappings, load_mapping
from legation.ingest.readers import files_to_read, read_file
from legation.ingest.readers.mapped_jsonl import dfat_first_line
from legation.records.document_record import DocumentRecord
from tests.conftest import shared_data

DFAT = "dfat-documents-on-australian-foreign-policy/documents.jsonl.gz"


def first(path: Path, mapping: str) -> DocumentRecord:
    item = next(iter(read_file(path, mapping)))
    assert isinstance(item, DocumentRecord), item
    return item


def test_bundled_mappings_all_load():
    assert bundled_mappings() == ["ataturk", "dfat", "korean-speeches", "moritz", "nutuk", "prc-reports", "sotu", "ungd"]
    for name in bundled_mappings():
        assert load_mapping(name).columns
    # each says the files it is for, so a folder's companion tables are not read through it
    assert {name: load_mapping(name).format for name in bundled_mappings()} == {
        **{name: "jsonl" for name in bundled_mappings()}, "moritz": "csv"
    }


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Cablegram 59 NANKING, 4 February 1949, 2.35 p.m.", {"type": "Cablegram", "place": "Nanking", "date_text": "4 February 1949"}),
        ("Letter MELBOURNE, 26 January 1937, PERSONAL AND SECRET", {"type": "Letter", "place": "Melbourne", "date_text": "26 January 1937"}),
        ("Cablegram unnumbered LISBON, 29 September 1939, 7.34 p.m.", {"type": "Cablegram", "place": "Lisbon", "date_text": "29 September 1939"}),
        ("Agendum 98/1945 CANBERRA, 16 March 1945", {"type": "Agendum", "place": "Canberra", "date_text": "16 March 1945"}),
        ("Canberra, 24 April 1978", {"place": "Canberra", "date_text": "24 April 1978"}),
        ("Cablegram 1980 NEW YORK, 17 May 1949", {"type": "Cablegram", "place": "New York", "date_text": "17 May 1949"}),
        ("My immediately preceding telegram 58.", {}),
        # a capital word with no digit is no number but the place's first word (dfat-v11-196, v12-212, v13-224)
        ("Letter NEW YORK, 30 July 1947", {"type": "Letter", "place": "New York", "date_text": "30 July 1947"}),
        ("Cablegram unnumbered SAN FRANCISCO, 29 November 1947, 3.36 p.m.", {"type": "Cablegram", "place": "San Francisco", "date_text": "29 November 1947"}),
        ("Memorandum THE HAGUE, 12 August 1948", {"type": "Memorandum", "place": "The Hague", "date_text": "12 August 1948"}),
        # a cable series before the number, a type of two words, a marking before the place (v11-107, v12-202, v10-317)
        ("Cablegram Hague 102 THE HAGUE, 2 July 1947, 12.16 p.m.", {"type": "Cablegram", "place": "The Hague", "date_text": "2 July 1947"}),
        ("Aide Memoire CANBERRA, 19 February 1947", {"type": "Aide Memoire", "place": "Canberra", "date_text": "19 February 1947"}),
        ("Cablegram 393 SECRET LONDON, 13 December 1946", {"type": "Cablegram", "place": "London", "date_text": "13 December 1946"}),
        # a type, not a place (dfat-v21-61)
        ("Message, 14 March 1951", {"type": "Message", "date_text": "14 March 1951"}),
    ],
)
def test_dfat_first_line(line, expected):
    assert dfat_first_line(line + "\n\nIMMEDIATE TOP SECRET") == expected


def test_dfat_nanking_cablegram():
    read = list(read_file(shared_data(DFAT), "dfat"))
    items = {i.identifier: i for i in read if isinstance(i, DocumentRecord)}
    # two notes: vol. 13 doc. 4's doc_date, which its dateline overrides; vol. 20's two documents 484
    assert len(items) == 10883 and len(read) == 10885
    assert [str(i.message) for i in read if isinstance(i, IngestNote)] == [
        "dfat-v13-4: doc_date 1947-12-31 differs from the date of the text's first line, '3 January 1948', which goes first and is taken",
        "a line repeats the identifier of an earlier line, stored with -2, -3 … in file order: 'dfat-v20-484' at line 5,188 as "
        "'dfat-v20-484-2'. If the identifiers should differ, correct the lines or the mapping's identifier or identifier_template, "
        "and ingest the file again",
    ]
    r = items["dfat-v14-242"]  # line 2426 of documents.jsonl.gz
    assert r.title == "Officer to Department of External Affairs"
    assert (r.document_type, r.place_sent, r.date_text, r.date_edtf) == ("Cablegram", "Nanking", "4 February 1949", "1949-02-04")
    assert [(c.key, c.title) for c in r.collections] == [(
        "dfat-volume-14-1948-49-the-commonwealth-asia-and-the-pacific",
        "Documents on Australian Foreign Policy, Volume 14: 1948-49, The Commonwealth, Asia and the Pacific",
    )]
    assert r.rights.startswith("CC BY; Commonwealth of Australia, Department of Foreign Affairs and Trade")
    assert r.texts[0].body.startswith("Cablegram 59 NANKING, 4 February 1949, 2.35 p.m.\n\nIMMEDIATE TOP SECRET\n\nMy immediately preceding telegram 58. [1]")
    first_doc = items["dfat-v1-1"]
    # naa_refs[0].reference is "[AA : CP 290/6, BUNDLE 1, ITEM 28]"; the space before ":" is normalized away
    assert first_doc.source_note.startswith("[AA : CP 290/6, BUNDLE 1, ITEM 28]") and first_doc.rights.startswith("CC BY")
    # vol. 20 numbers two documents 484 (a cabinet minute, then a cablegram): both are kept
    assert (items["dfat-v20-484"].title, items["dfat-v20-484-2"].title) == ("Cabinet Minute", "Cablegram to Canberra")


@pytest.fixture(scope="module")
def dfat() -> dict[str, DocumentRecord]:
    return {i.identifier: i for i in read_file(shared_data(DFAT), "dfat") if isinstance(i, DocumentRecord)}


def test_dfat_places_are_whole_names(dfat):
    places = Counter(r.place_sent for r in dfat.values())
    # the last word of "NEW YORK", "SAN FRANCISCO", "THE HAGUE", "NEW DELHI", and "Message, 14 March 1951", were places
    assert not {"York", "Francisco", "Hague", "Delhi", "Message", "Secret London"} & set(places)
    assert (dfat["dfat-v11-196"].place_sent, dfat["dfat-v15-402"].place_sent, dfat["dfat-v8-80"].place_sent) == ("New York", "The Hague", "San Francisco")
    assert (dfat["dfat-v21-61"].document_type, dfat["dfat-v21-61"].place_sent) == ("Message", "")


def test_dfat_markdown_becomes_plain_text_with_footnotes_and_source(dfat):
    r = dfat["dfat-v1-100"]  # html2text Markdown: "2\\." escapes, " _" rules, notes "1 Document 87." after the text
    body, notes = r.texts[0].body, r.texts[0].footnotes
    assert "\n\n2. You will have noted that the Consul-General at Batavia reported" in body
    assert "\\" not in body and "_" not in body and "[AA" not in body
    assert body.endswith("have now been received at this office through the Foreign Office.\n\nALFRED STIRLING")
    assert "In continuation of H.25 [1], the following" in body  # the marks stay where the notes belong
    assert [(n.n, n.text) for n in notes[:2]] == [("1", "Document 87."), ("2", "H. Fitzmaurice.")]
    assert len(notes) == 13 and notes[-1].text == "Document 62."
    # naa_refs as the edition writes them, its space before the colon kept (a reference is copied to order the file)
    assert r.source_note == "[AA : A981, TIMOR (PORTUGUESE) 22, ii]"


@pytest.mark.parametrize(
    ("identifier", "count", "first", "body_end"),
    [
        # a note broken into three paragraphs by the harvest is one note
        ("dfat-v1-105", 2, "Documents 103, 104.", "full opportunity of giving its views on such proposed action. [2]\n\nLYONS"),
        # marks as anchor links "[1](#f1)", notes as a bullet list after the reference
        ("dfat-v20-1", 2, "A handwritten comment in the margin, apparently by Oxley,", "F. B. COOPER\n\nFirst Assistant Secretary[2]"),
        # Markdown footnote definitions "[^1]: …"
        ("dfat-v24-170", 4, "R.G. Casey had succeeded Spender as Minister for External Affairs", "appoint the mission in consultation with the Treasurer and the Minister for Commerce and Agriculture."),
    ],
)
def test_dfat_notes_in_each_form_of_the_harvest(dfat, identifier, count, first, body_end):
    text = dfat[identifier].texts[0]
    assert len(text.footnotes) == count and [n.n for n in text.footnotes] == [str(i) for i in range(1, count + 1)]
    assert text.footnotes[0].text.startswith(first)
    assert text.body.endswith(body_end)


def test_dfat_notes_within_the_text_and_in_brackets_are_footnotes(dfat):
    # dfat-v1-1: the letter's note "1 Copies of the memorandum …" before its enclosure, whose notes 1-4 end the
    # document, stayed text, so the letter's mark [1] had no note and the enclosure's [1] two
    text = dfat["dfat-v1-1"].texts[0]
    assert [n.n for n in text.footnotes] == ["1", "1", "2", "3", "4"]
    assert text.footnotes[0].text.startswith("Copies of the memorandum were sent to Sir Archdale Parkhill, Minister for Defence")
    assert "\n\nG.F.P.\n\nEnclosure\n\nMemorandum by Sir George Pearce" in text.body and "Copies of the memorandum" not in text.body
    # dfat-v16-101 (all of vol. 16): notes "[1] Dispatched from Athens …"
    text = dfat["dfat-v16-101"].texts[0]
    assert [n.n for n in text.footnotes] == ["1", "2", "3", "4", "5"] and text.footnotes[3].text == "See Document 99."
    assert text.body.endswith("when it considers that the situation warrants such action. Ends.[5]")
    # dfat-v1-12: a note of two paragraphs straight after the signature, no rule between; the text has its mark [1]
    text = dfat["dfat-v1-12"].texts[0]
    assert text.body.endswith("to a mutually satisfactory conclusion. Ends.\n\nLYONS") and len(text.footnotes) == 1
    assert text.footnotes[0].text.endswith("Britain replied in an aide-memoire on 18 January 1937.")
    # dfat-v26-42: the notes of the document's three parts, the first two gathered before a rule
    assert [n.n for n in dfat["dfat-v26-42"].texts[0].footnotes] == ["1", "2", "3", "4", "5", "6", "1", "2", "3", "4", "5", "1", "2", "3", "4"]


def test_dfat_note_broken_by_the_harvest_and_signature_after_the_reference(dfat):
    note = dfat["dfat-v1-105"].texts[0].footnotes[1].text
    assert note == (
        "A handwritten version of this cable indicates that it was drafted by Sir George Pearce at a Melbourne meeting "
        "with R. G.\n\nMenzies (Attorney-General), R. G. Casey (Treasurer) and Senator A.\n\nJ. McLachlan "
        "(Postmaster-General), after telephoning to Lyons (AA : A981, China 116)."
    )
    text = dfat["dfat-v1-113"].texts[0]  # ends "_[AA : A981, TIMOR (PORTUGUESE) 22, ii] G.F. PEARCE_": the signature stays text
    assert text.body.endswith("he might reasonably be able to obtain on any of the points enumerated.\n\nG.F. PEARCE")
    assert [n.n for n in text.footnotes] == ["1", "2"]  # the two annexes, printed as the notes of "Annexes 'A' [1] and 'B' [2]"
    assert text.footnotes[1].text.endswith("what would be the conditions of such grant?")


def test_dfat_rule_run_into_the_first_note_and_a_reference_with_brackets(dfat):
    text = dfat["dfat-v12-65"].texts[0]  # "Acting Prime Minister\n\n _1 International Trade Organisation.\n\n2 …\n\nSee Shann's …"
    assert text.body.endswith("I should be pleased to have your views on this matter. [2]\n\n[H. V. EVATT]\n\nActing Prime Minister")
    assert [(n.n, n.text[:30]) for n in text.footnotes] == [("1", "International Trade Organisati"), ("2", "Subsequently Evatt decided tha")]
    assert text.footnotes[1].text.endswith("should meet for informal consultations. Other departments would be called in as required.\n\nSee Shann's memoranda to McFarlane and Coombs, dated 28 January 1948.")
    r = dfat["dfat-v21-11"]  # ends " _[NAA : A11537 [1]]_": the whole reference leaves the text, no "]" stays behind
    assert r.texts[0].body.endswith("both the course they are taking and the final results.") and len(r.texts[0].footnotes) == 2
    assert r.source_note == "[NAA : A11537 [1]"  # naa_refs, which the harvest cut at the inner bracket


def test_dfat_tables_lists_and_emphasis(dfat):
    body = dfat["dfat-v20-1"].texts[0].body
    assert "\n\n2. You will wish to consider as a separate issue" in body and "on a de facto basis." in body
    assert "\n\nWool : Automatic Approval for wool was not p" in dfat["dfat-v19-194"].texts[0].body
    assert "[matter omitted]" in dfat["dfat-v22-157"].texts[0].body


def test_dfat_html2text_tables_are_rows_of_cells(dfat):
    # dfat-v26-52: "| Grant $m.| Increase Over Previous Year $m.  ⏎---|---|---  ⏎1959–60| 25.6| 2.6": html2text's "|" at
    # the start is an empty first cell, so GFM read no table (two header cells, three delimiters) and the pipes stayed
    assert "\n\n| Grant $m. | Increase Over Previous Year $m.\n1959–60 | 25.6 | 2.6\n1960–61 | 29.6 | 4.0\n" in dfat["dfat-v26-52"].texts[0].body
    # dfat-v28-69: a header of one cell and an empty one over "---|---"; a row's empty first cell stays, the last goes
    assert "\n\nAttendanceAttendance\nA.A.E.C. | Professor Sir Philip Baxter\nNational Development | Mr Boswell\n| Mr McCay[3]\n" in dfat["dfat-v28-69"].texts[0].body
    # dfat-v26-267: a header cell broken over two lines ("| Payment  ⏎$M| %*")
    assert "\n\n| Payment $M | %*\nQ’LD. | 103 | 39\n" in dfat["dfat-v26-267"].texts[0].body
    # 86 delimiter rows in 35 documents were text; two stay, of tables html2text broke (more cells in the header than
    # delimiters in dfat-v24-6, a whole table on one line in dfat-v24-224)
    assert sorted(i for i, r in dfat.items() if "---|---" in r.texts[0].body.replace(" ", "")) == ["dfat-v24-224", "dfat-v24-6"]


def test_dfat_list_items_html2text_indented_keep_no_link_marks(dfat):
    # dfat-v20-164: "Portugal.[3](#f3)⏎    3. In regard to …": an indented code block to CommonMark, read as Markdown now
    assert "either back to Timor or to Portugal.[3]\n\n3. In regard to Australian citizens in Timor" in dfat["dfat-v20-164"].texts[0].body
    assert not [i for i, r in dfat.items() if "](#" in r.texts[0].body or any("](#" in n.text for n in r.texts[0].footnotes)]


def test_dfat_numbered_paragraphs_that_are_no_run_of_notes_stay_text():
    from legation.ingest.readers.mapped_jsonl import dfat_body

    text, notes, references = dfat_body("Letter X\n\n2 Scharnhorsts\n\n3 Warspites\n\n[AA : A1, 2]")
    assert (text, notes, references) == ("Letter X\n\n2 Scharnhorsts\n\n3 Warspites", [], ["[AA : A1, 2]"])
    text, notes, _ = dfat_body("Body [1]\n\n1 First.\n\nnot a note\n\n2 Second.")  # no separator before: no notes
    assert notes == [] and text.endswith("2 Second.")
    # dfat-v27-22: a fleet listed by number after a mark [1] is no note
    text, notes, _ = dfat_body("Navy [1]\n\n2 Aircraft Carriers\n\n1 Commando Ship\n\n1 Cruiser\n\nEnds.")
    assert notes == [] and "\n\n1 Cruiser\n\n" in text


def test_un_general_debate():
    r = first(shared_data("un-general-debate-corpus/speeches-1946-1989.jsonl.xz"), "ungd")
    assert (r.identifier, r.title) == ("ungd-ARG_01_1946", "General Debate statement of ARG, session 1 (1946)")
    assert (r.date_text, r.date_edtf, r.language, r.document_type) == ("1946", "1946", "en", "Speech")
    assert r.texts[0].body.startswith("At the resumption of the first session of the General Assembly, the Argentine delegation")
    assert r.collections[0].title == "UN General Debate Corpus, 1946–2024 (Jankin, Baturo, Dasandi; CC0)"



def test_un_general_debate_page_breaks_become_paragraph_breaks():
    # Afghanistan's 2013 statement holds form feeds (page breaks of the UN record), which no record may keep
    path = shared_data("un-general-debate-corpus/speeches-1990-2024.jsonl.xz")
    r = next(r for r in read_file(path, "ungd") if r.identifier == "ungd-AFG_68_2013")
    body = r.texts[0].body
    assert "\f" not in body
    assert "getting ready to drive the Taliban regime from power,\n\nAfghanistan was in near-total isolation" in body

def test_korean_presidential_speech():
    r = first(shared_data("korean-presidential-speeches-ko/speeches.jsonl.gz"), "korean-speeches")
    assert (r.identifier, r.title, r.document_type) == ("ko-speech-1305368", "제5대 대통령 취임식 대통령 취임사", "취임사")
    assert (r.date_text, r.date_edtf, r.language) == ("1963.12.17", "1963-12-17", "ko")
    assert [(a.role, a.key, a.name) for a in r.agents] == [("sender", "person:박정희", "박정희")]
    assert r.texts[0].body.startswith("단군성조가 천혜의 이 강토 위에 국기를 닦으신지 반만년")


def test_ataturk_speech_year_only_date_stays_a_year():
    r = first(shared_data("ataturk-speeches-telegrams/speeches.jsonl.gz"), "ataturk")
    assert r.identifier == "ataturk-atam-c1-1906-001"
    assert r.title == "Vatan ve Hürriyet Cemiyeti’nin Selanik Şubesi’nin Kuruluşu Sırasında Yaptığı Konuşma"
    assert (r.date_text, r.date_edtf, r.language, r.document_type) == ("1906", "1906", "tr", "Speech")
    assert r.source_note == "ATAM, Atatürk'ün Söylev ve Demeçleri C-I, s. 2" and r.rights.startswith("public domain")


def test_ataturk_type_codes_become_document_types():
    items = {r.identifier: r for r in read_file(shared_data("ataturk-speeches-telegrams/speeches.jsonl.gz"), "ataturk")}
    assert items["ataturk-atam-c2-1923-050"].document_type == "Speech"  # "kind": "konusma"
    assert items["ataturk-atam-c1-1918-004"].document_type == "Statement"  # "demec", given to Vakit's editor
    assert items["ataturk-atam-c1-1913-002"].document_type == "Telegram"  # "telgraf"
    assert items["ataturk-atam-c1-1911-001"].document_type == "Letter"  # "mektup"
    assert Counter(r.document_type for r in items.values()) == {"Speech": 344, "Statement": 48, "Telegram": 12, "Letter": 7}


def test_mapping_values_replace_listed_source_values_only(tmp_path: Path):
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"columns": {"id": "identifier", "kind": "type", "tags": "subject"}, "title_template": "{id}", "values": {"type": {"telgraf": "Telegram"}, "subject": {"ec": "Economy"}}}))
    source = tmp_path / "c.jsonl"
    source.write_text('{"id": "a", "kind": "telgraf", "tags": "ec|Army"}\n{"id": "b", "kind": "Telgraf"}\n')
    a, b = read_file(source, str(mapping))
    assert (a.document_type, a.subjects, b.document_type) == ("Telegram", ["Economy", "Army"], "Telgraf")
    mapping.write_text(json.dumps({"columns": {"id": "identifier"}, "values": {"kind": {"x": "y"}}}))
    with pytest.raises(IngestError, match=r"unknown fields \['kind'\] in \"values\""):
        load_mapping(mapping)


def test_prc_report_and_sotu():
    r = first(shared_data("prc-government-work-reports-zh/government_work_reports.jsonl.gz"), "prc-reports")
    assert (r.identifier, r.date_edtf, r.language) == ("prc-gwr-2025年中华人民共和国国务院政府工作报告", "2025", "zh")
    assert r.source_url.startswith("https://zh.wikisource.org/wiki/2025%E5%B9%B4")
    assert r.texts[0].body.startswith("各位代表：")
    s = first(shared_data("us-state-of-the-union/addresses.jsonl.gz"), "sotu")
    assert (s.identifier, s.date_edtf, s.source_url) == ("sotu-1790-Washington-1", "1790-01-08", "https://www.presidency.ucsb.edu/documents/first-annual-address-congress-0")
    assert s.title == "Annual Message to Congress (State of the Union), George Washington, 1790"
    assert [(a.role, a.name) for a in s.agents] == [("sender", "George Washington")]


def test_bad_lines_name_their_line_and_the_rest_goes_on(tmp_path: Path):
    path = tmp_path / "speeches.jsonl"
    good = {"fileid": "1790-Washington-1", "year": "1790", "date": "1790-01-08", "president_full": "George Washington", "text": "Fellow-Citizens",
            "source_url": "https://example.org/1"}  # every key the mapping names, as the corpus has them: no note on a key no line has
    path.write_text(json.dumps(good) + "\n{broken\n[1]\n" + json.dumps({**good, "fileid": ""}) + "\n", encoding="utf-8")
    items = list(read_file(path, "sotu"))
    assert isinstance(items[0], DocumentRecord) and items[0].identifier == "sotu-1790-Washington-1"
    assert [(type(i), i.location) for i in items[1:]] == [(IngestError, "line 2"), (IngestError, "line 3"), (IngestError, "line 4")]
    assert "no identifier" in items[3].message


def test_mapping_makes_xz_jsonl_readable_and_without_it_jsonl_stays_legation_jsonl(tmp_path: Path):
    path = tmp_path / "x.jsonl.xz"
    path.write_bytes(b"")
    assert files_to_read([path], "ungd") == [path]
    with pytest.raises(IngestError, match="unknown format"):
        files_to_read([path])


def sotu_folder(tmp_path: Path) -> Path:
    """A folder shaped as the State of the Union corpus: the addresses (JSON Lines) and their
    companion tables (CSV: one row per address, without its text; one per president)."""
    folder = tmp_path / "sotu"
    folder.mkdir()
    line = {"fileid": "1790-Washington-1", "year": "1790", "date": "1790-01-08", "president_full": "George Washington",
            "source_url": "https://example.org/1", "text": "Fellow-Citizens of the Senate and House of Representatives:"}
    (folder / "addresses.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    (folder / "metadata.csv").write_text("fileid,year,date,president_full\n1790-Washington-1,1790,1790-01-08,George Washington\n", encoding="utf-8")
    (folder / "presidents.csv").write_text("president_id,president_full\nwashington,George Washington\n", encoding="utf-8")
    return folder


def test_a_mapping_applies_to_the_format_it_maps_and_the_folder_s_other_tables_are_noted(tmp_path: Path):
    # --mapping sotu on the folder read metadata.csv through it too: 249 "identifier already given"
    # failures, and presidents.csv one more; the mapping is for JSON Lines, so the CSV tables are notes
    folder = sotu_folder(tmp_path)
    notes: list[IngestNote] = []
    files = files_to_read([folder], "sotu", notes)
    assert [p.name for p in files] == ["addresses.jsonl"]
    assert [(Path(n.path).name, n.message) for n in notes] == [
        (name, "not read: --mapping sotu is for JSON Lines files and this is CSV; if it holds documents, ingest it without "
               "--mapping or with a mapping for CSV")
        for name in ("metadata.csv", "presidents.csv")
    ]
    (record,) = list(read_file(files[0], "sotu"))
    assert record.identifier == "sotu-1790-Washington-1"
    with pytest.raises(IngestError, match="--mapping sotu is for JSON Lines files and this is CSV"):
        files_to_read([folder / "metadata.csv"], "sotu")  # named on its own: refused before anything is read
    # a mapping that says no format applies to both, as before
    own = tmp_path / "own.json"
    own.write_text(json.dumps({"columns": {"fileid": "identifier", "text": "text"}}), encoding="utf-8")
    assert [p.name for p in files_to_read([folder], own)] == ["addresses.jsonl", "metadata.csv", "presidents.csv"]
    own.write_text(json.dumps({"columns": {"fileid": "identifier"}, "format": "xml"}), encoding="utf-8")
    with pytest.raises(IngestError, match='"format" must be "jsonl"'):
        load_mapping(own)


def test_a_mapping_given_with_xml_says_it_was_not_used(tmp_path: Path):
    letter = tmp_path / "letter.xml"
    letter.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Letter</title></titleStmt>'
        "</fileDesc><profileDesc><correspDesc><correspAction type=\"sent\"><persName>A</persName></correspAction>"
        "</correspDesc></profileDesc></teiHeader><text><body><p>Dear Sir,</p></body></text></TEI>",
        encoding="utf-8",
    )
    notes: list[IngestNote] = []
    assert files_to_read([letter], "sotu", notes) == [letter]
    assert [str(n) for n in notes] == [
        f"{letter}: --mapping sotu was not used for this file: a mapping applies to JSON Lines files only; it was read "
        "as TEI XML, as without --mapping"
    ]
    (record,) = list(read_file(letter, "sotu"))
    assert record.title == "Letter"


def test_the_real_sotu_folder_with_its_mapping_reads_the_addresses_and_notes_the_tables():
    folder = shared_data("us-state-of-the-union")
    notes: list[IngestNote] = []
    files = files_to_read([folder], "sotu", notes)
    assert [p.name for p in files] == ["addresses.jsonl.gz"]
    assert sorted(Path(n.path).name for n in notes) == ["metadata.csv", "presidents.csv"]
    items = list(read_file(files[0], "sotu"))
    assert len(items) == 249 and all(isinstance(i, DocumentRecord) for i in items)


def test_a_template_with_a_brace_not_closed_or_no_key_is_refused(tmp_path: Path):
    # "v{vol_id" gave 200 DFAT documents "dfat-v{vol_id", "dfat-v{vol_id-2" …, exit 0, no note
    for template, problem in [
        ("v{vol_id", "'v{vol_id' has a '{' not closed"),
        ("v}{vol_id}", "'v}{vol_id}' has a '}' not opened"),
        ("volume", "'volume' names no key in braces, so every line would have that identifier"),
        # as Python's str.format escapes braces: it was said to have a '{' not closed
        ("v{{vol_id}}-{doc}", "'v{{vol_id}}-{doc}' has doubled braces; write each key in single braces"),
        ("v{}-{doc}", "'v{}-{doc}' has braces with no key in them"),
    ]:
        path = tmp_path / "m.json"
        path.write_text(json.dumps({"columns": {"title": "title"}, "identifier_template": template}), encoding="utf-8")
        with pytest.raises(IngestError) as raised:
            load_mapping(path)
        assert raised.value.message.startswith(f'"identifier_template" {problem}'), template
    path.write_text(json.dumps({"columns": {"id": "identifier"}, "title_template": "{title"}), encoding="utf-8")
    with pytest.raises(IngestError, match="title_template"):
        load_mapping(path)


def test_lines_repeating_an_identifier_are_stored_apart_and_said_so(tmp_path: Path):
    lines = tmp_path / "letters.jsonl"
    lines.write_text("".join(json.dumps({"id": i, "t": f"Letter {n}"}) + "\n" for n, i in enumerate(["a", "a", "b", "a"], 1)), encoding="utf-8")
    mapping = tmp_path / "letters.map.json"
    mapping.write_text(json.dumps({"columns": {"id": "identifier", "t": "title"}}), encoding="utf-8")
    items = list(read_file(lines, mapping))
    assert [i.identifier for i in items if isinstance(i, DocumentRecord)] == ["a", "a-2", "b", "a-3"]
    [note] = [i for i in items if isinstance(i, IngestNote)]
    assert note.message.startswith("2 lines repeat the identifier of an earlier line, stored with -2, -3 … in file order: "
                                   "'a' at line 2 as 'a-2', 'a' at line 4 as 'a-3'.")


@pytest.mark.parametrize(
    ("mapping", "problem"),
    [
        ({"colums": {"id": "identifier"}}, "unknown mapping keys ['colums'] (did you mean \"columns\"?); known keys are "),
        ({"columns": {"id": "identifier"}, "separator": 5}, '"separator" must be a string, not 5'),
        ({"columns": {"id": "identifier"}, "format": "jsonl", "encoding": "cp1250"}, '"encoding" is for CSV files; JSON Lines are UTF-8'),
        ({"columns": {"id": "identifier"}, "defaults": {"colour": "red"}}, "unknown fields ['colour'] in \"defaults\"; give default values of "),
        ({"columns": {"id": "identifier", "t": "headline"}}, "unknown fields ['headline'] in \"columns\"; map columns to "),
        ({"columns": {"id": "identifier"}, "defaults": ["language"]}, '"defaults" must be an object, e.g. {"language": "en"}, not ["language"]'),
        ({"columns": {"id": "identifier"}, "defaults": {"language": 5}}, '"defaults" must give each field a string'),
        ({"columns": {"id": "identifier"}, "null_values": "n.d."}, '"null_values" must be a list of strings, e.g. ["n.d.", "-"], not "n.d."'),
        # these stopped the command with a traceback (TypeError: unhashable type: 'list'; AttributeError), or were read as their repr
        ({"columns": {"id": ["identifier", "title"]}}, """"columns" gives the column 'id' ["identifier", "title"]; map each source column to one field, written as a string ({"id": "identifier"})"""),
        ({"columns": {"id": None, "t": "headline"}}, """"columns" gives the column 'id' null; map each source column to one field"""),
        ({"columns": {"id": "identifier", "t": {"field": "title"}}}, """"columns" gives the column 't' {"field": "title"}; map each"""),
        ({"columns": {"id": "identifier"}, "collection_titles": ["Bd. 1"]}, '"collection_titles" must be an object giving each collection value its title, e.g. '),
        ({"columns": {"id": "identifier"}, "collection_prefix": 5}, '"collection_prefix" must be a string, not 5'),
        ({"columns": {"id": "identifier"}, "collection": {"key": ["k"], "title": "T"}}, '"collection" must be {"key": …, "title": …}'),
    ],
)
def test_a_mapping_that_would_be_misread_is_refused_saying_what_is_wrong(tmp_path: Path, mapping, problem):
    # a fresh user's: a typo of "columns" got the generic form, the others were accepted, or named no place
    path = tmp_path / "m.json"
    path.write_text(json.dumps(mapping), encoding="utf-8")
    with pytest.raises(IngestError) as raised:
        load_mapping(path)
    assert raised.value.message.startswith(problem)


def test_a_repeated_identifier_takes_a_suffix_no_line_has_given(tmp_path: Path):
    # a fresh user's: the second "a" became "a-2", which line 1 had given, and was refused; the real "a-3"
    # of line 5 was refused as given at line 4, whose "a" had become "a-3": two documents lost
    lines = tmp_path / "letters.jsonl"
    ids = ["a-2", "a", "a", "a", "a-3"]
    lines.write_text("".join(json.dumps({"id": i, "t": f"Letter {n}"}) + "\n" for n, i in enumerate(ids, 1)), encoding="utf-8")
    mapping = tmp_path / "letters.map.json"
    mapping.write_text(json.dumps({"columns": {"id": "identifier", "t": "title"}}), encoding="utf-8")
    items = list(read_file(lines, mapping))
    stored = [(i.identifier, i.title) for i in items if isinstance(i, DocumentRecord)]
    assert stored == [("a-2", "Letter 1"), ("a", "Letter 2"), ("a-3", "Letter 3"), ("a-4", "Letter 4"), ("a-3-2", "Letter 5")]
    [note] = [i for i in items if isinstance(i, IngestNote)]
    assert "'a' at line 3 as 'a-3', 'a' at line 4 as 'a-4', 'a-3' at line 5 as 'a-3-2'" in note.message
    assert not [i for i in items if isinstance(i, IngestError)]


HEADING_LINES = [
    {"id": "h1", "t": "Letter one", "from": "Acheson, Dean, 1893-1971", "to": ["Smith, John, 1901-1980", "Elizabeth II, Queen of Great Britain, 1926-2022"]},
    {"id": "h2", "t": "Letter two", "from": "Smith, John, 1850-1920, editor", "to": "Kissinger, Henry, 1923-|Mao, Zedong"},
    {"id": "h3", "t": "Letter three", "from": "Smith, John, 1776-1840", "from_id": "viaf:3", "to": []},
]


def test_a_mapped_corpus_notes_library_headings_as_a_table_does(tmp_path: Path):
    """The dates of life and relator terms of library headings are not kept, the names read as a CSV reads them, and
    noted as a table's are (a fresh user's JSON Lines with a mapping got no note): once a key for dates and for
    relator terms, once a name written with two people's dates, but for the names a line gives ids."""
    lines = tmp_path / "letters.jsonl"
    lines.write_text("".join(json.dumps(line) + "\n" for line in HEADING_LINES), encoding="utf-8")
    mapping = tmp_path / "letters.map.json"
    mapping.write_text(json.dumps({"columns": {"id": "identifier", "t": "title", "from": "sender", "from_id": "sender_key", "to": "recipient"},
                                   "separator": "|"}), encoding="utf-8")
    items = list(read_file(lines, mapping))
    r = {i.identifier: i for i in items if isinstance(i, DocumentRecord)}
    assert [(a.key, a.name, a.names) for a in r["h1"].agents] == [
        ("person:dean-acheson", "Dean Acheson", ["Acheson, Dean"]),
        ("person:john-smith", "John Smith", ["Smith, John"]),
        ("person:elizabeth-ii", "Elizabeth II", ["Elizabeth II, Queen of Great Britain"])]
    assert [a.key for a in r["h2"].agents] == ["person:john-smith", "person:henry-kissinger", "person:mao-zedong"]
    assert [a.key for a in r["h3"].agents] == ["viaf:3"]
    notes = [(n.location, n.message) for n in items if isinstance(n, IngestNote)]
    assert [(where, message.split("), ")[0]) for where, message in notes] == [
        ("line 1", "key 'from' has dates of life after 3 names (line 1: 'Acheson, Dean, 1893-1971'; line 2: 'Smith, John, "
                   "1850-1920, editor'; line 3: 'Smith, John, 1776-1840'"),
        ("line 1", "key 'to' has dates of life after 3 names (line 1: 'Smith, John, 1901-1980'; line 1: 'Elizabeth II, Queen "
                   "of Great Britain, 1926-2022'; line 2: 'Kissinger, Henry, 1923-'"),
        ("line 1", "'Smith, John' is written with the dates of life of different people: '1901-1980' (key 'to', line 1"),
        ("line 2", "key 'from' has a relator term after 1 name (line 2: 'Smith, John, 1850-1920, editor'")]
    assert "'Acheson, Dean, 1893-1971' is 'Dean Acheson', one agent with the name written without dates" in notes[0][1]
    assert notes[2][1].startswith(  # line 3's John Smith has his id: not one of them
        "'Smith, John' is written with the dates of life of different people: '1901-1980' (key 'to', line 1), '1850-1920' "
        "(key 'from', line 2); all are one agent, person:john-smith ('John Smith'), as dates of life are not kept. If they "
        "are different people, give each an id (a key of the lines the mapping reads as sender_key, recipient_key or "
        "mentioned_key beside the names) and ingest the file again")
    assert notes[3][1].endswith("the key says whether a person sent, received or is mentioned in a document)")


@pytest.mark.parametrize(
    ("written", "where", "problem"),
    [
        # a data file given as the mapping: "mapping is not UTF-8 JSON (Extra data: line 2 column 1 (char 31))", nothing on what to do
        ('{"identifier": "a", "title": "T"}\n{"identifier": "b", "title": "U"}\n', "line 2", "(Extra data at column 1); it holds more than one JSON value, as JSON Lines or a data file do"),
        ('{"columns": {"RefNo": "identifier",}}', "line 1", "(Expecting property name enclosed in double quotes at column 36)"),
    ],
)
def test_a_mapping_that_is_no_json_object_says_what_a_mapping_is(tmp_path: Path, written: str, where: str, problem: str):
    path = tmp_path / "given.json"
    path.write_text(written, encoding="utf-8")
    with pytest.raises(IngestError) as refused:
        load_mapping(path)
    assert refused.value.location == where
    assert refused.value.message == (
        f"mapping is not valid JSON {problem}: a mapping is one JSON object, such as "
        '{"columns": {"RefNo": "identifier", "Subject": "title"}} (see the README\'s mappings); give such a file with --mapping, '
        "or correct this one at that line"
    )


def test_a_mapping_naming_an_unknown_transform_is_refused_whatever_it_is_for(tmp_path: Path):
    # a CSV table's mapping ignored it without a word; a JSON Lines file's failed as a file, not with the mapping's faults
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"columns": {"id": "identifier", "title": "title"}, "transform": "nope"}), encoding="utf-8")
    with pytest.raises(IngestError) as refused:
        load_mapping(path)
    assert refused.value.message == 'unknown "transform" "nope"; known: "dfat" (for JSON Lines), or leave it out'
    assert load_mapping("dfat").transform == "dfat"
