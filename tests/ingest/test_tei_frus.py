"""FRUS TEI reader: real documents of frus1917-72PubDip (values read off the TEI), an older-style
volume excerpt, per-document errors, unsafe and broken files, and full volumes from ../shared/data."""

from __future__ import annotations

import re

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from legation.errors import IngestError
from legation.ingest.readers import tei_frus
from legation.ingest.readers.tei_frus import (
    _further_name,
    _other_given_name,
    _plainly_other,
    date_only_heading,
    holds_office,
    person_from_entry,
    read_frus_volume,
    repository_from_source_note,
    signature,
)
from legation.ingest.xml import parse_xml, safe_parser
from legation.records.document_record import CollectionRef, DocumentRecord, page_numbers

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "frus" / "frus1917-72PubDip.xml"
SHARED_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
VOLUMES = SHARED_DATA / "frus" / "volumes"
TEI = "http://www.tei-c.org/ns/1.0"


@pytest.fixture(scope="module")
def pubdip() -> dict[str, DocumentRecord]:
    items = list(read_frus_volume(FIXTURE))
    assert all(isinstance(item, DocumentRecord) for item in items), [i for i in items if isinstance(i, IngestError)]
    return {record.identifier.rsplit("-", 1)[1]: record for record in items}


def parties(record: DocumentRecord, role: str) -> list[tuple[str, str, str]]:
    return [(a.key, a.name, a.kind) for a in record.agents if a.role == role]


def test_document_count(pubdip):
    assert len(pubdip) == 44
    assert list(pubdip)[:3] == ["d1", "d2", "d3"]


def test_letter_d2(pubdip):
    r = pubdip["d2"]
    assert r.identifier == "frus1917-72PubDip-d2"
    assert r.title == "Letter From Walter S. Rogers to the Chairman of the Committee on Public Information (Creel)"
    assert (r.date_edtf, r.date_text, r.date_earliest, r.date_latest) == ("1917-08-13", "August 13, 1917", "1917-08-13", "1917-08-13")
    assert r.place_sent == "Woods Hole, Massachusetts"
    assert r.document_type == "Letter"
    # persName corresp="#p_RWS_1" / "#p_CG_2" → list of persons "Rogers, Walter S." / "Creel, George"
    assert parties(r, "sender") == [("person:walter-s-rogers", "Walter S. Rogers", "person")]
    assert parties(r, "recipient") == [("person:george-creel", "George Creel", "person")]
    creel = next(a for a in r.agents if a.role == "recipient")
    assert creel.names == ["Creel, George"]  # "(Creel)": a bare surname is no further name
    assert r.source_note == (
        "Source: Library of Congress, Papers of Woodrow Wilson, Series 2: Family and General Correspondence, "
        "1786–1924, Reel 90, 1917 July 31–Aug. 29. No classification marking. Also published in Papers of "
        "Woodrow Wilson, vol. 43, pp. 456–459."
    )
    assert r.classification == ""  # "No classification marking"
    assert r.source_url == "https://history.state.gov/historicaldocuments/frus1917-72PubDip/d2"
    assert r.rights == "Public domain: a work of the United States Government (17 U.S.C. § 105)"  # FRUS is a U.S. Government publication
    assert r.collections == [CollectionRef("frus1917-72PubDip", "Foreign Relations of the United States, 1917–1972, Public Diplomacy, World War I")]
    assert r.subjects == ["World War I"]
    mentioned = {a.key for a in r.agents if a.role == "mentioned"}
    assert {"person:woodrow-wilson", "person:charles-e-russell"} <= mentioned  # "Russell, Charles Edward": middle names as initials
    assert "person:george-creel" not in mentioned  # already the recipient


def test_letter_d2_text(pubdip):
    (text,) = pubdip["d2"].texts
    assert (text.kind, text.language) == ("transcript", "en")
    paragraphs = text.body.split("\n\n")
    assert paragraphs[0] == "Dear Mr. Creel:"
    assert paragraphs[1].startswith("I have just reread the interview with Charles Edward Russell in the New York Times")
    assert paragraphs[2].startswith("“Observe, now, the really critical point today")  # the quote
    assert paragraphs[-2:] == ["Sincerely,", "Walter S. Rogers"]
    assert "Source:" not in text.body and "Russia Today" not in text.body and "2. Letter" not in text.body
    assert [f.n for f in text.footnotes] == ["2", "3", "4", "5", "6"]
    assert text.footnotes[0].text == "“Russia Today,” New York Times, August 12, 1917, p. X1."
    # Each footnote leaves its printed mark where the TEI places the note.
    assert "in the New York Times of last Sunday.[2]" in paragraphs[1]
    assert [m for m in re.findall(r"\[(\d+)\]", text.body)] == ["2", "3", "4", "5", "6"]


def test_telegram_d14(pubdip):
    r = pubdip["d14"]
    assert r.title == "Telegram From the Embassy in Mexico to the Department of State"
    assert (r.date_edtf, r.date_text) == ("1918-02-18", "February 18, 1918, 5 p.m")  # when="1918-02-18T17:00:00"
    assert r.place_sent == "Mexico City"
    assert r.document_type == "Telegram"
    assert parties(r, "sender") == [("organization:embassy-in-mexico", "Embassy in Mexico", "organization")]
    assert parties(r, "recipient") == [("organization:department-of-state", "Department of State", "organization")]
    assert r.source_note == (
        "Source: National Archives, RG 59, Central Decimal File 1910–1929, Box 731, 103.93/48. No classification "
        "marking. Blue. Received February 19 at 1:46 a.m. A handwritten notation at the top of the telegram reads: "
        "“Copy to Creel. Feb 19, 1918. File RBM [?].” Beneath this notation Patchin wrote: “Copy to Creel + File. PHP.”"
    )
    assert r.classification == ""
    assert {"person:philip-h-patchin", "person:george-creel"} <= {a.key for a in r.agents if a.role == "mentioned"}
    assert r.texts[0].body.startswith("790. From Murray to Creel.")
    assert r.texts[0].body.endswith("Summerlin")


def test_undated_memorandum_d11(pubdip):
    r = pubdip["d11"]
    assert r.title == "Memorandum by the Chairman of the Committee on Public Information (Creel)"
    assert (r.date_edtf, r.date_text, r.date_earliest, r.date_latest) == ("", "", "", "")  # dateline "Washington, undated"
    assert r.place_sent == "Washington"
    assert r.document_type == "Memorandum"
    assert parties(r, "sender") == [("person:george-creel", "George Creel", "person")]
    assert parties(r, "recipient") == []
    assert r.source_note == (
        "Source: Papers of Woodrow Wilson, vol. 46, pp. 200–203. The original notes that the memorandum is dated "
        "“c. Jan. 31, 1918.” All brackets are in the original. © 1984 by Princeton University Press."
    )


def test_letter_d34_title_wording_gives_the_recipient(pubdip):
    r = pubdip["d34"]
    assert r.title == "Letter From President Wilson to Acting Secretary of War Crowell"
    assert (r.date_edtf, r.date_text) == ("1918-09-05", "September 5, 1918")
    assert r.document_type == "Letter"
    assert parties(r, "sender") == [("person:woodrow-wilson", "Woodrow Wilson", "person")]
    assert parties(r, "recipient") == [("person:crowell", "Crowell", "person")]  # not in the list of persons
    assert r.source_note == (
        "Source: Library of Congress, Papers of Woodrow Wilson, Series 2: Family and General Correspondence, "
        "1786–1924, Reel 99, 1918 Aug. 20–Sept. 16. No classification marking. Also printed in Papers of "
        "Woodrow Wilson, vol. 49, p. 449."
    )


def test_telegram_d42(pubdip):
    r = pubdip["d42"]
    assert r.title == "Telegram From the Consulate in Irkutsk to the Department of State"
    assert (r.date_edtf, r.date_text, r.place_sent) == ("1919-03-07", "March 7, 1919, 11 a.m", "Irkutsk")
    assert parties(r, "sender") == [("organization:consulate-in-irkutsk", "Consulate in Irkutsk", "organization")]
    assert parties(r, "recipient") == [("organization:department-of-state", "Department of State", "organization")]
    assert r.source_note == (
        "Source: National Archives, RG 59, Central Decimal File 1910–1929, Box 735, 103.93/1557. No classification "
        "marking. Sent via Beijing. Received March 11 at 5:08 a.m."
    )


def test_editorial_note_d1(pubdip):
    r = pubdip["d1"]
    assert (r.title, r.document_type, r.date_edtf, r.source_note) == ("Editorial Note", "Editorial Note", "", "")
    assert not [a for a in r.agents if a.role != "mentioned"]
    assert r.texts[0].body.startswith("Shortly after Congress’s declaration of war on April 6, 1917, President Woodrow Wilson")


def test_the_source_note_names_the_repository(pubdip):
    # "Source: Library of Congress, Papers of Woodrow Wilson, …", "Source: National Archives, RG 63, Entry 111, …"
    assert pubdip["d2"].repositories == ["Library of Congress"]
    assert pubdip["d5"].repositories == ["National Archives and Records Administration"]
    assert pubdip["d11"].source_note.startswith("Source: Papers of Woodrow Wilson, vol. 46")  # a publication: no archive
    assert pubdip["d11"].repositories == [] and pubdip["d1"].repositories == []  # d1: no source note
    counts = Counter(name for r in pubdip.values() for name in r.repositories or ["(none)"])
    assert counts == {"National Archives and Records Administration": 31, "Library of Congress": 4, "(none)": 9}


NARA = "National Archives and Records Administration"


@pytest.mark.parametrize(
    ("note", "repository"),
    [  # source notes of the demo volumes, as printed
        ("Source: Department of State, Central Files, 611.95A241/1–755. Top Secret.", "Department of State"),  # frus1955-57v02 d4
        ("Source; Department of State, Central Files, 611.93/12–655. Secret; Priority.", "Department of State"),  # frus1955-57v03 d113
        ("[Source: Department of State, INR–NIE Files. Top Secret. Not declassified in time", "Department of State"),  # frus1958-60v19 d19
        ("Source: National Archives and Records Administration, RG 59, S/P Files: Lot 67 D 548", NARA),  # frus1961-63v22 d41
        ("Source: National Archives, Nixon Presidential Materials, NSC Files", NARA),  # frus1964-68v14 d334
        ("Source: Nixon Presidential Materials, NSC Files, Box 432, Backchannel Files", NARA),  # frus1969-76ve13 d8
        ("Source: Johnson Library, National Security File, National Intelligence Estimates, 11-60, USSR.", "Lyndon B. Johnson Library"),  # frus1961-63v05 d1
        ("Eisenhower Library, Eisenhower papers, Whitman file", "Dwight D. Eisenhower Library"),  # frus1952-54v14p2 d642, no "Source:"
        ("Source: Library of Congress, Manuscript Division, Harriman Papers, Special Files", "Library of Congress"),  # frus1964-68v30 d44
        ("Source: U.S. Mission to the United Nations, USUN Files, Formosa (1949–1962). Secret.", "U.S. Mission to the United Nations"),  # frus1958-60v19 d98
        ("Source: Princeton University, Dulles Papers, Box 127, Chiang Kai-shek. Secret", "Princeton University Library"),  # frus1958-60v19 d196
        # a typo, a record group and a CIA job printed without a comma, initials in the name
        ("Source: Department of Sate, S/AL Files: Lot 67 D 2. Secret.", "Department of State"),  # frus1961-63v05 d243
        ("Source: National Archives and Records Administration RG 59, Central Files 1967–69, POL US–USSR.", NARA),  # frus1964-68v14 d328
        ("Source: Central Intelligence Agency Job 79-01025A, Box 1, Folder 3. Secret;", "Central Intelligence Agency"),  # frus1952-54Guat d91
        ("Source: U.S. Army Military History Institute, Department of the Army Communication Center Files.", "U.S. Army Military History Institute"),  # frus1958-60v18 d209
        # no institution first: a decimal file alone, a lot file, records or papers without their holder, publications
        ("890.00/6–1449", ""),  # frus1949v07p1 d42
        ("S/P Files: Lot 64 D 563", ""),  # frus1951v07p2 d2
        ("Source: JCS Records, CCS 381 Far East (11–28–50) Sec. 25. Top Secret;", ""),  # frus1955-57v02 d38
        ("Source: Department of State Press Release 393. Dulles’ speech was delivered", ""),  # frus1955-57v03 d268
        ("Source: Public Papers of the Presidents of the United States: John F. Kennedy, 1961, pp. 741-752.", ""),  # frus1961-63v05 d134
        ("Source: National Security Council Files, Nixon Intelligence Files, Subject File, Philippines.", ""),  # frus1969-76v20 d227
        ("", ""),
    ],
)
def test_repository_from_source_note(note, repository):
    assert repository_from_source_note(note) == repository


def test_every_record_is_valid_json(pubdip):
    for record in pubdip.values():
        assert DocumentRecord.from_dict(json.loads(json.dumps(record.to_dict()))) == record


def test_gzip_volume_reads_the_same(tmp_path, pubdip):
    packed = tmp_path / "frus1917-72PubDip.xml.gz"
    packed.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    assert [r.identifier for r in read_frus_volume(packed)] == [r.identifier for r in pubdip.values()]


# An excerpt of frus1949v07p1 (d292, d69), older house style: no number in the head, the type in
# the source note, markings in the opener, sender/recipient marked with persName/gloss @type.
OLDER_STYLE = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title type="complete">Foreign Relations of the United States, 1949, The Far East and Australasia, Volume VII, Part 1</title>
</titleStmt></fileDesc></teiHeader><text><body>
<div type="compilation" xml:id="comp1"><head>East and Southeast Asia:</head>
<div type="chapter" xml:id="ch1"><head>Indonesia<note n="1" xml:id="ch1fn1">Continued from vol. VI.</note></head>
<div type="document" xml:id="d292" n="292">
  <note rend="inline" type="source">501.BC Indonesia/6–849:
      Telegram</note>
  <head>
      <hi rend="italic">The Consul General at Batavia</hi> (<persName
          type="from">
          <hi rend="italic">Livengood</hi>
      </persName>) <hi rend="italic">to the <gloss type="to">Secretary of
              State</gloss>
      </hi>
      <note n="1" xml:id="d292fn1">Repeated in airgram A–203, June 14, to
          The Hague.</note>
  </head>
  <opener>
      <dateline rendition="#right">
          <placeName>
              <hi rend="smallcaps">Batavia</hi>
          </placeName>, <date when="1949-06-08T17:00:00">June 8, 1949—5 p.
              m.</date>
      </dateline>
      <seg rendition="#left">
          <hi rend="smallcaps">confidential   priority</hi>
      </seg>
  </opener>
  <p>519. Gocus 721.</p>
  <closer><signed><hi rend="smallcaps">Livengood</hi></signed></closer>
</div>
<div type="document" xml:id="d69" n="69">
  <note rend="inline" type="source">851<gloss target="#t_G1">G</gloss>.01/9–2749: Telegram</note>
  <head> <hi rend="italic">The <gloss type="from">Acting Secretary of State</gloss> to the <gloss type="to">Consulate General at Saigon</gloss> </hi> </head>
  <opener> <dateline rendition="#right"> <placeName> <hi rend="smallcaps">Washington</hi> </placeName>, <date when="1949-09-28T17:00:00">September 28, 1949—5 p. m.</date> </dateline> <seg rendition="#left"> <hi rend="smallcaps">top secret</hi> </seg> </opener>
  <p>162. Re penultimate para urtel 306 Sep 27.</p>
  <closer> <signed> <hi rend="smallcaps">Webb</hi> </signed> </closer>
</div>
</div></div></body></text></TEI>
"""


def test_older_style_volume(tmp_path):
    path = tmp_path / "frus1949v07p1.xml"  # no idno, no TEI/@xml:id: the volume id is the file name
    path.write_text(OLDER_STYLE, encoding="utf-8")
    d292, d69 = read_frus_volume(path)
    assert d292.identifier == "frus1949v07p1-d292"
    assert d292.title == "The Consul General at Batavia (Livengood) to the Secretary of State"
    assert d292.document_type == "Telegram"  # from the source note
    assert d292.source_note == "501.BC Indonesia/6–849: Telegram"
    assert (d292.date_edtf, d292.date_text, d292.place_sent) == ("1949-06-08", "June 8, 1949—5 p. m.", "Batavia")
    assert d292.classification == "Confidential"  # "confidential priority": the level only
    assert parties(d292, "sender") == [("person:livengood", "Livengood", "person")]
    assert parties(d292, "recipient") == [("organization:secretary-of-state", "Secretary of State", "organization")]
    assert d292.subjects == ["East and Southeast Asia", "Indonesia"]
    assert d292.collections[0].title == "Foreign Relations of the United States, 1949, The Far East and Australasia, Volume VII, Part 1"
    assert d292.texts[0].body == "519. Gocus 721.\n\nLivengood"
    assert [(f.n, f.text) for f in d292.texts[0].footnotes] == [("1", "Repeated in airgram A–203, June 14, to The Hague.")]
    assert d69.title == "The Acting Secretary of State to the Consulate General at Saigon"
    assert d69.source_note == "851G.01/9–2749: Telegram"
    assert d69.classification == "Top Secret"
    # Signed "Webb", but frus1949v07p1 (as this excerpt) has no list of persons to say who Webb is and that he
    # held the office: the office stays the sender (a signer the list resolves is the sender: see
    # test_an_office_without_its_holder_is_the_person_the_list_gives_it_who_signed)
    assert parties(d69, "sender") == [("organization:acting-secretary-of-state", "Acting Secretary of State", "organization")]
    assert parties(d69, "recipient") == [("organization:consulate-general-at-saigon", "Consulate General at Saigon", "organization")]


def tei(documents: str, doctype: str = "") -> str:
    return (
        f'<?xml version="1.0"?>{doctype}<TEI xmlns="{TEI}" xml:id="frusTest"><teiHeader><fileDesc><titleStmt>'
        '<title type="complete">Test Volume</title></titleStmt></fileDesc></teiHeader>'
        f'<text><body><div type="compilation"><head>Tests</head>{documents}</div></body></text></TEI>'
    )


def test_bad_documents_are_reported_and_the_others_read(tmp_path):
    path = tmp_path / "bad.xml"
    path.write_text(tei(
        '<div type="document" xml:id="d1"><head>  </head><p>No title.</p></div>'
        '<div type="document" xml:id="d2"><head>2. Editorial Note</head><p>Fine.</p></div>'
        '<div type="document" xml:id="d3"><head>3. Editorial Note</head><dateline><date when="1949-13-45">Smarch 45</date></dateline></div>'
        '<div type="document"><head>4. Editorial Note</head></div>'
    ), encoding="utf-8")
    items = list(read_frus_volume(path))
    assert [type(i).__name__ for i in items] == ["DocumentRecord", "DocumentRecord", "DocumentRecord", "IngestError"]
    assert items[0].title == "Document d1"  # an empty heading loses no document (frus1961-63v07-09mSupp d72a)
    assert items[1].identifier == "frusTest-d2"
    assert (items[2].date_edtf, items[2].date_text) == ("", "Smarch 45")  # an impossible date is not invented
    assert items[3].location.startswith("line ")


def test_a_reference_to_a_document_its_volume_lacks_is_no_relation(tmp_path):
    # the page linked "Document 319" of frus1955-57v03 to the public edition, which has no such
    # document either (made from the same file): a dead link
    path = tmp_path / "refs.xml"
    path.write_text(tei(
        '<div type="document" xml:id="d1"><head>1. Editorial Note</head><p>See <ref target="#d2">Document 2</ref>, '
        '<ref target="#d319">Document 319</ref>, <ref target="frusTest#d3fn1">footnote 1 to Document 3</ref> and '
        '<ref target="frus1952-54v14p1#d77">another volume\'s Document 77</ref>.</p></div>'
        '<div type="document" xml:id="d2"><head>2. Editorial Note</head><p>Fine.</p></div>'
        '<div type="document" xml:id="d3"><head>3. Editorial Note</head><p>Fine.</p></div>'
    ), encoding="utf-8")
    first = next(read_frus_volume(path))
    assert first.relations == ["frusTest-d2", "frusTest-d3", "frus1952-54v14p1-d77"]
    assert "Document 319" in first.texts[0].body  # the text is kept as printed


def test_a_reference_marked_as_the_volumes_own_whose_words_name_another_volume_is_that_volumes(tmp_path):
    # frus1955-57v03 writes "See vol. II, <ref target="#d12">Document 12</ref>": the page linked volume III's
    # Document 12 (a fresh user); 187 references of the 100 shared volumes are so written
    path = tmp_path / "frus1955-57v03.xml"
    path.write_text(tei(
        '<div type="document" xml:id="d1"><head>1. Editorial Note</head><p>One.<note n="1">See vol. II, '
        '<ref target="#d12">Document 12</ref>.</note> Two.<note n="2">See <hi rend="italic">ibid</hi>., '
        '<ref target="#d26fn12">Document 26, footnote 12</ref>.</note> Three.<note n="3">See volume XIV, Part 2, '
        '<ref target="#d5">Documents 5</ref>, <ref target="#d6">6</ref>, and <ref target="#d7">7</ref>.</note> Four.'
        '<note n="4">Printed in Foreign Relations, 1952–1954, vol. XIV, <ref target="#d77">Document 77</ref>; see also '
        '<ref target="#d2">Document 2</ref> and vol. III, <ref target="#d3">Document 3</ref>.</note></p></div>'
        '<div type="document" xml:id="d2"><head>2. Editorial Note</head><p>Fine.</p></div>'
        '<div type="document" xml:id="d3"><head>3. Editorial Note</head><p>Fine.</p></div>'
    ).replace('xml:id="frusTest"', 'xml:id="frus1955-57v03"'), encoding="utf-8")
    first = next(read_frus_volume(path))
    assert first.relations == [
        "frus1955-57v02-d12", "frus1955-57v02-d26", "frus1955-57v14p2-d5", "frus1955-57v14p2-d6", "frus1955-57v14p2-d7",
        "frus1952-54v14-d77", "frus1955-57v03-d2", "frus1955-57v03-d3",
    ]


@pytest.mark.shared_data
def test_a_shared_volumes_references_name_documents_it_holds_or_another_volumes():
    records = {r.identifier: r for r in read_frus_volume(shared_volume("frus1955-57v03.xml.gz")) if isinstance(r, DocumentRecord)}
    assert "frus1955-57v03-d319" not in records and "frus1955-57v03-d323" not in records
    assert "frus1955-57v03-d319" not in records["frus1955-57v03-d67"].relations
    referred = {i for r in records.values() for i in r.relations if i.startswith("frus1955-57v03-")}
    assert referred and referred <= set(records)
    # "See vol. II, Document 319": volume II's, which the page links when held
    assert "frus1955-57v02-d319" in records["frus1955-57v03-d67"].relations
    assert "frus1955-57v02-d12" in records["frus1955-57v03-d179"].relations and "frus1955-57v03-d12" not in records["frus1955-57v03-d179"].relations


def test_duplicate_document_ids_are_reported(tmp_path):
    path = tmp_path / "dup.xml"
    path.write_text(tei('<div type="document" xml:id="d1"><head>1. Editorial Note</head></div>' * 2), encoding="utf-8")
    first, second = read_frus_volume(path)
    assert first.identifier == "frusTest-d1"
    assert isinstance(second, IngestError) and second.location.startswith("line ")  # the line of the second (both are "d1")
    assert second.message.startswith(f"xml:id 'd1' already given at {second.location} (that document was kept")  # the two on one line


def test_date_ranges(tmp_path):
    path = tmp_path / "ranges.xml"
    path.write_text(tei(
        '<div type="document" xml:id="d1"><head>Memorandum of Conversation</head>'
        '<dateline><placeName>[Beijing</placeName>,] <date when="1972-06-22" to="1972-06-23">June 22-23 1972</date></dateline></div>'
        '<div type="document" xml:id="d2"><head>Paper</head><dateline><date notBefore="1955-01" notAfter="1955-03">early 1955</date></dateline></div>'
    ), encoding="utf-8")
    d1, d2 = read_frus_volume(path)
    assert (d1.date_edtf, d1.date_earliest, d1.date_latest, d1.place_sent) == ("1972-06-22/1972-06-23", "1972-06-22", "1972-06-23", "Beijing")
    assert (d2.date_edtf, d2.date_earliest, d2.date_latest) == ("1955-01/1955-03", "1955-01-01", "1955-03-31")


def test_a_date_whose_attributes_make_no_date_is_read_from_its_text(tmp_path):
    # the real PubDip volume with its datelines' @when made impossible (February 31st): the documents
    # were stored undated, and the ingest's report said nothing, their printed dates being readable
    real = {r.identifier: r for r in read_frus_volume(FIXTURE)}
    path = tmp_path / "frus1917-72PubDip.xml"
    path.write_text(re.sub(r'(<date when=")1917-08-13(")', r"\g<1>1918-02-31\2", FIXTURE.read_text(encoding="utf-8")), encoding="utf-8")
    slipped = {r.identifier: r for r in read_frus_volume(path)}
    changed = [k for k in real if real[k].date_edtf == "1917-08-13"]
    assert len(changed) == 1 and all((slipped[k].date_text, slipped[k].date_edtf) == (real[k].date_text, "1917-08-13") for k in changed)
    path.write_text(tei('<div type="document" xml:id="d1"><head>Note</head><dateline><date when="1950-13-45">sometime</date></dateline></div>'), encoding="utf-8")
    [record] = read_frus_volume(path)
    assert (record.date_text, record.date_edtf) == ("sometime", "")  # neither: kept as printed, reported by the ingest
    path.write_text(tei('<div type="document" xml:id="d1"><head>Note</head><dateline><date when="1918-02-31"/></dateline></div>'), encoding="utf-8")
    [record] = read_frus_volume(path)
    assert (record.date_text, record.date_edtf) == ("1918-02-31", "")  # nothing printed: the attribute as written, reported


def test_external_entities_are_never_read_and_the_volume_fails_saying_so(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT-4711", encoding="utf-8")
    doctype = f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://{secret}">]>'
    path = tmp_path / "xxe.xml"
    path.write_text(tei('<div type="document" xml:id="d1"><head>1. Editorial Note &x;</head><p>before &x; after</p></div>', doctype), encoding="utf-8")
    with pytest.raises(IngestError) as raised:
        list(read_frus_volume(path))
    assert "TOP-SECRET-CONTENT-4711" not in str(raised.value)
    assert raised.value.message.startswith(f'uses an entity whose text Legation does not read: &x; (external, at "file://{secret}")')


def test_safe_parser_settings():
    parser = safe_parser()
    root = etree.fromstring(b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', parser)
    assert "root:" not in etree.tostring(root, encoding=str)
    # an entity the file declares with its text is expanded, markup and all, in text and attributes
    root = etree.fromstring(b'<!DOCTYPE a [<!ENTITY m "&#x2014;"><!ENTITY hi "<hi>Editor\'s</hi> note">]><a n="x&m;y">1&m;2 &hi;</a>', safe_parser())
    assert (root.get("n"), "".join(root.itertext()), root[0].tag) == ("x\u2014y", "1\u20142 Editor's note", "hi")


def test_entities_a_volume_declares_are_expanded_and_searched(tmp_path):
    # older TEI editions declare entities in the DOCTYPE's internal subset and write &mdash; in the text:
    # the whole volume failed ("uses entities whose text Legation does not read: &mdash; (declared in the file)")
    from legation.search.indexer import SearchIndex
    from legation.search.service import SearchRequest, search

    subset = '<!DOCTYPE TEI [\n  <!ENTITY mdash "&#x2014;">\n  <!ENTITY cpi "Committee on Public Information">\n]>\n'
    written = FIXTURE.read_text(encoding="utf-8").replace("\u2014", "&mdash;").replace("Committee on Public Information", "&cpi;")
    written = written.replace("<TEI ", subset + "<TEI ", 1)
    assert (written.count("&mdash;"), written.count("&cpi;")) == (104, 66)
    path = tmp_path / FIXTURE.name
    path.write_text(written, encoding="utf-8")
    declared = list(read_frus_volume(path))
    assert declared == list(read_frus_volume(FIXTURE)) and len(declared) == 44
    index = SearchIndex(tmp_path / "index")
    index.upsert(declared)
    index.commit()
    found = search(SearchRequest(q='"Committee on Public Information"', page_size=100), index)
    holding = {r.identifier for r in declared if "Committee on Public Information" in json.dumps(r.to_dict(), ensure_ascii=False)}
    assert {h.identifier for h in found.hits} == holding and len(holding) > 10


def _as_entity(markup: str) -> str:
    """``markup`` written as an entity's literal in double quotes: its own quotes, "%" and "&" as character
    references, so that its replacement text is ``markup`` itself (XML 1.0 §4.5)."""
    return markup.replace("&", "&#38;").replace('"', "&#34;").replace("%", "&#37;")


def test_names_an_entity_holds_are_linked_as_the_volume_s_own(tmp_path):
    # <!ENTITY creel '<persName corresp="#p_CG_2">Creel</persName>'> gave a persName in no namespace: its text was
    # read, but George Creel was linked to none of the documents that name him so
    written = FIXTURE.read_text(encoding="utf-8")
    names = {"creel": '<persName corresp="#p_CG_2">Creel</persName>', "wilson": '<persName corresp="#p_WW_1">Woodrow Wilson</persName>'}
    for name, markup in names.items():
        written = written.replace(markup, f"&{name};")
    subset = "".join(f"  <!ENTITY {name} '{markup}'>\n" for name, markup in names.items())
    path = tmp_path / FIXTURE.name
    path.write_text(written.replace("<TEI ", f"<!DOCTYPE TEI [\n{subset}]>\n<TEI ", 1), encoding="utf-8")
    declared = list(read_frus_volume(path))
    assert declared == list(read_frus_volume(FIXTURE)) and written.count("&creel;") == 63


@pytest.mark.parametrize("one_line", [False, True])
def test_documents_an_entity_holds_are_read_in_the_namespace_where_it_is_used(tmp_path, one_line):
    # an entity holding a whole <div type="document"> gave "a document's <div> is in no namespace" at line 1:
    # libxml2 parses an entity's markup apart from where it is used, so its elements lost TEI's namespace
    written = FIXTURE.read_text(encoding="utf-8")
    divs = {n: re.search(rf'<div type="document" n="{n}" xml:id="d{n}">.*?\n {{16}}</div>', written, re.S)[0] for n in (2, 5)}
    subset = "".join(f'  <!ENTITY doc{n} "{_as_entity(div)}">\n' for n, div in divs.items())
    for n, div in divs.items():
        written = written.replace(div, f"&doc{n};")
    written = written.replace("<TEI ", f"<!DOCTYPE TEI [\n{subset}]>\n<TEI ", 1)
    path = tmp_path / FIXTURE.name
    path.write_text(written.replace("\n", " ") if one_line else written, encoding="utf-8")
    declared = list(read_frus_volume(path))
    assert declared == list(read_frus_volume(FIXTURE)) and len(declared) == 44
    # a document's fault is named at the line that uses the entity holding it
    path.write_text(written.replace('xml:id=&#34;d5&#34;', ""), encoding="utf-8")
    [fault] = [item for item in read_frus_volume(path) if isinstance(item, IngestError)]
    assert (fault.location, fault.message) == (f"line {written[: written.index('&doc5;')].count(chr(10)) + 1}", "a document has no xml:id, so it has no identifier; add one")


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("truncated.xml", FIXTURE.read_bytes()[:20000], "cut off"),
        ("garbage.xml", b"\x00\x01 this is not XML at all", "XML"),
        ("empty.xml", b"", "XML"),
        ("broken.xml.gz", b"\x1f\x8b\x08\x00 not really gzip", "cannot be read"),
        ("page.xml", b"<html><body>hello</body></html>", "not a TEI file"),
    ],
)
def test_unreadable_files_raise_ingest_error_naming_the_file(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(IngestError) as info:
        list(read_frus_volume(path))
    assert info.value.path == str(path)
    assert str(path) in str(info.value) and words in info.value.message


def test_truncated_file_error_gives_the_line(tmp_path):
    path = tmp_path / "truncated.xml"
    path.write_bytes(FIXTURE.read_bytes()[:20000])
    with pytest.raises(IngestError) as info:
        parse_xml(path)
    assert info.value.location.startswith("line ")


@pytest.mark.parametrize(
    ("entry", "name", "key"),
    [
        ("Caffery, Jefferson", "Jefferson Caffery", "person:jefferson-caffery"),
        ("Taylor, General Maxwell D.", "Maxwell D. Taylor", "person:maxwell-d-taylor"),
        ("Lodge, Henry Cabot, Jr.", "Henry Cabot Lodge Jr.", "person:henry-c-lodge-jr"),
        # frus1964-68v14 and frus1964-68v30 list the President with and without his middle name
        ("Johnson, Lyndon Baines", "Lyndon Baines Johnson", "person:lyndon-b-johnson"),
        ("Johnson, Lyndon B.", "Lyndon B. Johnson", "person:lyndon-b-johnson"),
        ("Khrushchev, Nikita Sergeyevich", "Nikita Sergeyevich Khrushchev", "person:nikita-s-khrushchev"),
        ("Chou En-lai (Zhou Enlai)", "Chou En-lai", "person:chou-en-lai"),
        ("Ngo Dinh Diem", "Ngo Dinh Diem", "person:ngo-dinh-diem"),
        # ranks after an uninverted name, a quoted nickname in parentheses (frus1955-57v02, frus1958-60v19)
        ("Peng Meng-chi, General", "Peng Meng-chi", "person:peng-meng-chi"),
        ("Chiang Kai-shek, Generalissimo", "Chiang Kai-shek", "person:chiang-kai-shek"),
        ("Wang Shu-ming (“Tiger” Wang), General", "Wang Shu-ming", "person:wang-shu-ming"),
        ("George, Senator Walter F.", "Walter F. George", "person:walter-f-george"),
        # the suffix without its comma (frus1964-68v14, frus1969-76v12), as other volumes print "…, II"
        ("MacArthur, Douglas II", "Douglas MacArthur II", "person:douglas-macarthur-ii"),
        ("Irwin, John N. II", "John N. Irwin II", "person:john-n-irwin-ii"),
    ],
)
def test_person_from_entry(entry, name, key):
    person = person_from_entry(entry)
    assert (person.name, person.key) == (name, key)
    assert person.names[0] == entry


def shared_volume(name: str) -> Path:
    """A FRUS volume: from the bundled demo archive when it ships there, else the shared corpora."""
    demo = Path(__file__).resolve().parents[2] / "data" / "demo" / "frus" / name
    if demo.exists():
        return demo
    path = VOLUMES / name
    if not path.exists():
        pytest.skip(f"needs frus/volumes/{name} from the shared corpora folder ({SHARED_DATA.resolve()}), which is absent")
    return path


@pytest.mark.shared_data
def test_volume_with_duplicate_xml_ids_reads_every_document():
    path = shared_volume("frus1952-54v14p2.xml.gz")
    expected = sum(1 for div in etree.parse(str(path), safe_parser()).iter(f"{{{TEI}}}div") if div.get("type") == "document")
    items = list(read_frus_volume(path))
    assert expected == 386
    assert len(items) == expected and all(isinstance(i, DocumentRecord) for i in items)


@pytest.mark.shared_data
def test_later_volume_markings_and_mistyped_markup():
    records = {r.identifier: r for r in read_frus_volume(shared_volume("frus1964-68v30.xml.gz"))}
    d33 = records["frus1964-68v30-d33"]
    # The head marks both Barnett and Grant type="from"; the wording "… (Barnett) to … (Grant)" decides.
    assert [a.name for a in d33.agents if a.role == "sender"] == ["Robert W. Barnett"]
    assert [a.name for a in d33.agents if a.role == "recipient"] == ["Lindsey Grant"]  # the volume's one Grant
    assert d33.classification == "Confidential"  # "Source: … POL CHICOM-US. Confidential. Copies …"
    d293 = records["frus1964-68v30-d293"]
    assert d293.classification == "Secret"  # "Source: … DEF 15 CHINAT-US. Secret; Limdis. …"
    assert d293.date_edtf == "1967-12-27" and d293.date_text == "December 27, 1967, 0115Z"


@pytest.fixture(scope="module")
def china_1964_68() -> dict[str, DocumentRecord]:
    return {r.identifier.rsplit("-", 1)[1]: r for r in read_frus_volume(shared_volume("frus1964-68v30.xml.gz"))}


def test_a_surname_in_a_title_is_the_person_the_list_of_persons_names(china_1964_68):
    # "(<persName>Rostow</persName>)" without a link; the list has Eugene V. and Walt W. Rostow, and
    # only Walt W. is "Special Assistant to the President"; "President Johnson" is Lyndon B., not U. Alexis
    d145 = china_1964_68["d145"]
    assert d145.title == "Memorandum From the President's Special Assistant (Rostow) to President Johnson"
    assert parties(d145, "sender") == [("person:walt-w-rostow", "Walt W. Rostow", "person")]
    assert parties(d145, "recipient") == [("person:lyndon-b-johnson", "Lyndon B. Johnson", "person")]
    # two Bundys: the Assistant Secretary of State is William P., the Special Assistant McGeorge
    d112, d109 = china_1964_68["d112"], china_1964_68["d109"]
    assert d112.title == "Action Memorandum From the Assistant Secretary of State for Far Eastern Affairs (Bundy) to the Under Secretary of State (Ball)"
    assert parties(d112, "sender") == [("person:william-p-bundy", "William P. Bundy", "person")]
    assert d109.title == "Memorandum From Gordon Chase of the National Security Council Staff to the President's Special Assistant for National Security Affairs (Bundy)"
    assert parties(d109, "recipient") == [("person:mcgeorge-bundy", "McGeorge Bundy", "person")]


def test_repositories_of_a_volume(china_1964_68):
    # frus1964-68v30 (a demo volume): the central files still cited as the Department of State's, the Johnson
    # Library, CIA job files, the WNRC; eleven documents without a source note or with one naming no archive
    counts = Counter(name for r in china_1964_68.values() for name in r.repositories or ["(none)"])
    assert counts == {
        "Department of State": 220, "Lyndon B. Johnson Library": 99, "(none)": 11, "Central Intelligence Agency": 9,
        "Washington National Records Center": 4, "Library of Congress": 2, "National Defense University": 1,
    }
    assert china_1964_68["d145"].repositories == ["Lyndon B. Johnson Library"]


def test_a_link_to_the_wrong_entry_is_not_followed():
    # frus1969-76ve13 d103: the source note's "<persName corresp='#p_KHA1'>Nixon</persName> Presidential
    # Materials" points to Kissinger's entry; the name printed is Nixon's, who has his own entry
    d103 = next(r for r in read_frus_volume(shared_volume("frus1969-76ve13.xml.gz")) if r.identifier.endswith("-d103"))
    agents = {a.key: a for a in d103.agents}
    assert agents["person:richard-m-nixon"].role == "mentioned"
    assert "Nixon" not in agents["person:henry-a-kissinger"].names


# The back-of-book index of an older volume (frus1949v07p1, p2), which has no list of persons.
OLDER_STYLE_INDEX = """<div type="section" xml:id="index"><head>Index</head><list type="index">
  <item>China, Republic of: <list><item>Formosa, <ref target="#pg_1">1</ref></item></list></item>
  <item>Johnson, Louis A.: <list><item>Japan, <ref target="#pg_753">753</ref></item></list></item>
  <item>Johnson, Nelson T., <ref target="#pg_900">900</ref></item>
  <item>Livengood, Charles A., <ref target="#pg_119">119</ref>–<ref target="#pg_123">123</ref></item>
  <item>Marshall Plan, <ref target="#pg_5">5</ref></item>
  <item>McCoy, Maj. Gen. Frank R., <ref target="#pg_7">7</ref></item>
  <item>Webb, James E.: French Indochina, <ref target="#pg_19">19</ref></item>
</list></div>"""


def test_an_older_volume_without_a_list_of_persons_names_a_surname_by_its_index(tmp_path):
    """A title's party written by surname alone ("(Livengood)") is the one person of that surname
    in the volume's index, so its documents and those of volumes with a list of persons name one
    agent (the demo's frus1949v07: 996 one-word senders and recipients → 166). The index gives no
    offices: the signer of an office-only title (d69, "Webb") is not resolved by it."""
    path = tmp_path / "frus1949v07p1.xml"
    path.write_text(OLDER_STYLE.replace("</body>", OLDER_STYLE_INDEX + "</body>"), encoding="utf-8")
    d292, d69 = read_frus_volume(path)
    assert parties(d292, "sender") == [("person:charles-a-livengood", "Charles A. Livengood", "person")]
    assert parties(d69, "sender") == [("organization:acting-secretary-of-state", "Acting Secretary of State", "organization")]
    volume = tei_frus.FrusVolume.from_root(etree.fromstring(path.read_bytes()), path)
    assert not volume.listed
    assert sorted(p.name for p in volume.persons.values()) == [  # not "China, Republic of", "Marshall Plan"
        "Charles A. Livengood", "Frank R. McCoy", "James E. Webb", "Louis A. Johnson", "Nelson T. Johnson"]
    assert volume.entry("Johnson") is None and volume.entry("Webb").key == "person:james-e-webb"


def test_an_index_heading_with_a_title_after_the_forenames_is_no_person_of_the_index():
    """"Sihanouk, Norodom, Prince" (frus1958-60v01's index) is Norodom Sihanouk as a table's library heading
    (legation.ingest.names.heading), but an index person is built by person_from_entry, which would make him
    "Norodom Prince Sihanouk": the index of a volume without a list of persons leaves him out, as before."""
    root = etree.fromstring(
        f'<TEI xmlns="{TEI}"><text><body><div type="section" xml:id="index"><list type="index">'
        '<item>Sihanouk, Norodom, Prince, <ref target="#pg_9">9</ref></item>'
        '<item>Livengood, Charles A., <ref target="#pg_119">119</ref></item></list></div></body></text></TEI>'
    )
    assert [p.name for p in tei_frus.index_persons(root).values()] == ["Charles A. Livengood"]


@pytest.mark.parametrize(
    ("volume", "printed", "link", "key"),
    [
        # "Home, see <persName corresp='#p_DHSAF1'>Douglas-Home</persName>": the entry it links to
        ("frus1961-63v05", "Home", "#p_HOME1", "person:alexander-f-douglas-home"),
        # "Thieu, see Nguyen Van Thieu", "Zhou Enlai, see Chou En-lai": the entry of that name
        ("frus1964-68v14", "Thieu", "#p_Thieu1", "person:nguyen-van-thieu"),
        ("frus1964-68v30", "Zhou Enlai", "#p_ZE1", "person:chou-en-lai"),
    ],
)
def test_a_cross_reference_of_the_list_of_persons_is_the_entry_it_refers_to(volume, printed, link, key):
    """A name linked to a list's "see" line is the person that line refers to, not a person of
    its own named "Home" or "Thieu" (all 100 FRUS volumes: links of documents to one-word person
    agents 5,283 -> 3,118, most of them Vietnamese names: "Diem, see Ngo Dinh Diem")."""
    path = shared_volume(f"{volume}.xml.gz")
    frus = tei_frus.FrusVolume.from_root(parse_xml(path), path)
    assert frus.see[link.lstrip("#")] in frus.persons and link.lstrip("#") not in frus.persons
    assert frus.find_person(printed, link, "mentioned").key == key

def test_older_volume_lower_case_name_and_place_marked_as_date():
    # frus1949v07p2 d1: "(<persName type='from'><hi rend='italic'>sebald</hi></persName>)"
    d1 = next(iter(read_frus_volume(shared_volume("frus1949v07p2.xml.gz"))))
    # the volume has no list of persons; its index has one Sebald: "Sebald, William J.: <list>…"
    assert parties(d1, "sender") == [("person:william-j-sebald", "William J. Sebald", "person")]
    # frus1961-63v05 d305: "<date>Washington</date>, <date when='1963-03-18'>March 18, 1963</date>."
    d305 = next(r for r in read_frus_volume(shared_volume("frus1961-63v05.xml.gz")) if r.identifier.endswith("-d305"))
    assert (d305.date_text, d305.date_edtf) == ("March 18, 1963", "1963-03-18")
    assert d305.place_sent == "Washington"


@pytest.mark.parametrize(
    ("volume", "doc", "printed", "key"),
    [
        # frus1961-63v05 d304: "<persName corresp='#p_KNS1'>Stalin</persName>'s abuse of power" links Khrushchev
        ("frus1961-63v05.xml.gz", "d304", "Stalin", "person:stalin"),
        # frus1969-76ve13 d135: "Mrs. <persName corresp='#p_RPW1'>Shih Yen-hua</persName>, PRC Mission" links Rodman
        ("frus1969-76ve13.xml.gz", "d135", "Shih Yen-hua", "person:shih-yen-hua"),
    ],
)
def test_a_link_to_someone_plainly_other_than_the_name_printed_is_not_followed(volume, doc, printed, key):
    record = next(r for r in read_frus_volume(shared_volume(volume)) if r.identifier.endswith(f"-{doc}"))
    agents = {a.key: a for a in record.agents}
    assert (agents[key].name, agents[key].role) == (printed, "mentioned")
    assert all(printed not in a.names for a in record.agents if a.key != key)


@pytest.mark.parametrize(
    ("printed", "entry", "other"),
    [
        ("Stalin", "Khrushchev, Nikita S.", True),
        ("Shih Yen-hua", "Rodman, Peter W.", True),
        ("K", "Kissinger, Henry A.", False),  # initials
        ("Bobby", "Cutler, Robert", False),  # a familiar given name
        ("Connally", "Connolly, John B., Jr.", False),  # the list's spelling differs
        ("Attorney General", "Kennedy, Robert F.", False),  # an office
    ],
)
def test_plainly_other(printed, entry, other):
    assert _plainly_other(printed, person_from_entry(entry)) is other


def test_a_city_named_as_sender_is_no_person():
    # frus1955-57v24 d127 "Message From Athens": Athens is a place of the volume's datelines, not a party
    record = next(r for r in read_frus_volume(shared_volume("frus1955-57v24.xml.gz")) if r.identifier.endswith("-d127"))
    assert record.title == "Message From Athens"
    assert [a for a in record.agents if a.role in ("sender", "recipient")] == []


def test_memorandum_for_the_record_has_no_recipient_record():
    # frus1969-76ve13 d134: "<list type='to'><item><persName>THE RECORD</persName></item></list>"
    record = next(r for r in read_frus_volume(shared_volume("frus1969-76ve13.xml.gz")) if r.identifier.endswith("-d134"))
    assert [a for a in record.agents if a.role == "recipient"] == []


def test_a_link_to_a_namesake_of_another_given_name_is_not_followed(china_1964_68):
    # frus1964-68v30 d159: "Letter From Secretary of Defense McNamara to Defense Minister of the Republic of
    # China <persName type='to' corresp='#p_CK1'>Chiang Ching-kuo</persName>": p_CK1 is "Chiang Kai-shek";
    # the son has his own entry (p_CC1), and his name must not become a name of the father
    d159 = china_1964_68["d159"]
    assert parties(d159, "recipient") == [("person:chiang-ching-kuo", "Chiang Ching-kuo", "person")]
    assert all("Chiang Ching-kuo" not in a.names for a in d159.agents if a.key == "person:chiang-kai-shek")
    names = {n for r in china_1964_68.values() for a in r.agents if a.key == "person:chiang-kai-shek" for n in a.names}
    assert names == {"Chiang Kai-shek"}


def test_a_bare_surname_or_title_is_no_further_name_of_the_person_linked():
    # frus1955-57v02 d8: "calling on instructions of the <persName corresp='#p_CKG1'>Generalissimo</persName>";
    # elsewhere "<persName corresp='#p_CKG1'>Chiang</persName>" (233 times), "Generalissmo" (sic) once,
    # "Chiang Ching-kuo" and "Ching-kuo" linked to his son's entry p_CCLG1 ("Chiang Ching-kuo, Lieutenant General")
    records = list(read_frus_volume(shared_volume("frus1955-57v02.xml.gz")))
    names: dict[str, set[str]] = {}
    for record in records:
        for agent in record.agents:
            names.setdefault(agent.key, set()).update([agent.name, *agent.names])
    assert names["person:chiang-kai-shek"] == {"Chiang Kai-shek", "Chiang Kai-shek, Generalissimo"}
    assert names["person:chiang-ching-kuo"] == {"Chiang Ching-kuo", "Chiang Ching-kuo, Lieutenant General"}
    d8 = next(r for r in records if r.identifier.endswith("-d8"))
    assert "person:chiang-kai-shek" in {a.key for a in d8.agents}  # the link is followed, the title not kept


@pytest.mark.parametrize(
    ("printed", "entry", "other"),
    [
        ("Chiang Ching-kuo", "Chiang Kai-shek", True),  # frus1964-68v30 d159
        ("Chiang Ching-kuo", "Chiang Kai-shek, Generalissimo", True),
        ("Jiang Jingguo", "Chiang Kai-shek (Jiang Jieshi)", True),  # the entry's romanization, the son's given name
        ("Madame Chiang Kai-shek", "Chiang Kai-shek", True),
        ("Allen Dulles", "Dulles, John Foster", True),  # frus1958-60v19
        ("Milton S. Eisenhower", "Eisenhower, Major John S. D.", True),  # frus1958-60v10p2
        ("Chiang Kai Shek", "Chiang Kai-shek", False),  # frus1955-57v03
        ("Chiang Kaishek", "Chiang Kai-shek, Generalissimo", False),  # frus1958-60v19
        ("Chiang Ching-Kuo", "Chiang Ching-kuo, Lieutenant General", False),  # frus1958-60v19
        ("Ching-kuo", "Chiang Ching-kuo, Lieutenant General", False),
        ("Chiang", "Chiang Kai-shek", False),
        ("Generalissimo Chiang", "Chiang Kai-shek", False),
        ("J. F. Dulles", "Dulles, John Foster", False),
        ("JF Dulles", "Dulles, John Foster", False),  # frus1955-57v17
        ("Mac Bundy", "Bundy, McGeorge", False),  # frus1964-68v02
        ("Kim Tae Chung", "Kim Dae Jung (Kim Tae-jung)", False),  # frus1969-76v19p1
        ("Yu Ta Wei", "Yu Ta-wai", False),  # frus1955-57v03
        ("Mme Ngo dinh Nhu", "Ngo Dinh Nhu, Madame", False),
        ("Herr Von Brentano", "Brentano, Heinrich von", False),
        ("Paek Tu Chin", "Paik Too Jin (Paek Tu-jin)", False),  # frus1969-76v19p1
        ("De Palma", "DePalma, Samuel", False),  # frus1955-57v11
        ("H.G. Torbert, Jr", "Torbert, Horace G.", False),  # frus1958-60v07p2
        ("Alfred LeS", "Jenkins, Alfred le Sesne", False),  # frus1969-76ve13 d39
    ],
)
def test_other_given_name(printed, entry, other):
    assert _other_given_name(printed, person_from_entry(entry)) is other


@pytest.mark.parametrize(
    ("printed", "entry", "kept"),
    [
        ("Chiang", "Chiang Kai-shek, Generalissimo", False),  # a bare surname would stand for father and son
        ("President Chiang", "Chiang Kai-shek", False),  # frus1969-76v19p1
        ("Ching-kuo", "Chiang Ching-kuo, Lieutenant General", False),  # the given name alone: a word of the name
        ("Generalissimo", "Chiang Kai-shek, Generalissimo", False),  # frus1955-57v02, a title alone
        ("Generalissmo", "Chiang Kai-shek, Generalissimo", False),  # frus1955-57v02 (sic)
        ("Madame", "Chiang Kai-shek, Madame", False),  # frus1969-76ve13
        ("Chiang Kai Shek", "Chiang Kai-shek", True),
        ("J. F. Dulles", "Dulles, John Foster", True),  # initials make it a name
        ("Don Bergus", "Bergus, Donald C.", True),  # frus1964-68v20: a familiar given name
        ("Khrushchov", "Khrushchev, Nikita S.", True),  # another spelling
    ],
)
def test_further_name(printed, entry, kept):
    assert _further_name(printed, person_from_entry(entry)) is kept


@pytest.mark.parametrize(
    ("text", "date_only"),
    [
        ("July 1963", True), ("Janaury 1963", True), ("November–December 1960", True), ("October 23, 1962", True),
        ("JANUARY–AUGUST 1958", True), ("1961", True), ("1961–1963", True),
        ("Iran 1970", False), ("Vietnam, January-August 1963", False), ("Junta 1962", False), ("Arms Control and Disarmament", False),
    ],
)
def test_date_only_heading(text, date_only):
    assert date_only_heading(text) is date_only


def test_a_chapter_by_month_is_no_subject():
    """frus1961-63v07-09mSupp files its documents under chapters "January 1961" … "December 1963"
    (37 heads, 483 documents); the compilation above them is the subject."""
    from tests.conftest import shared_data

    items = {r.identifier: r for r in read_frus_volume(shared_data("frus/volumes/frus1961-63v07-09mSupp.xml.gz")) if isinstance(r, DocumentRecord)}
    assert items["frus1961-63v07-09mSupp-d1"].subjects == ["Arms Control and Disarmament"]
    assert not [s for r in items.values() for s in r.subjects if date_only_heading(s)]


# frus1952-54v14p2's list of persons (front matter) as printed, for the surnames that sign the volume's
# telegrams and memoranda headed "The Secretary of State to …", "Memorandum by the Acting Secretary of State …", with the months
# in which the line gives each the title's office (an Acting Secretary being the Under, Deputy Under or
# Assistant Secretary), read off the lines by hand: (line, key, name, {office: (first month, last month)}).
SIGNERS_1952_54 = {
    "Acheson": ("Acheson, Dean G. , Secretary of State to January 1953.", "person:dean-g-acheson", "Dean G. Acheson",
                {"Secretary of State": ("", "1953-01")}),
    "Dulles": ("Dulles, John Foster , Consultant to Secretary of State Acheson and personal representative of President "
               "Truman in matters concerning the Japanese Peace Treaty to April 1952; Secretary of State from January 1953.",
               "person:john-f-dulles", "John Foster Dulles", {"Secretary of State": ("1953-01", "9999")}),
    "Webb": ("Webb, James E. , Under Secretary of State to February 1952.", "person:james-e-webb", "James E. Webb",
             {"Acting Secretary of State": ("", "1952-02")}),
    "Bruce": ("Bruce, David K.E. , Under Secretary of State, April 1952–January 1953; Consultant to the Secretary of "
              "State, January–February 1953; thereafter United States Representative to the European Coal and Steel "
              "Community.", "person:david-k-e-bruce", "David K.E. Bruce", {"Acting Secretary of State": ("1952-04", "1953-01")}),
    "Smith": ("Smith, Walter Bedell , Director of Central Intelligence to January 1953; Under Secretary of State, "
              "February 1953–October 1954.", "person:walter-b-smith", "Walter Bedell Smith",
              {"Acting Secretary of State": ("1953-02", "1954-10")}),
    "Hoover": ("Hoover, Herbert, Jr. , Consultant to the Secretary of State from October 1953; Under Secretary of State "
               "from October 1954.", "person:herbert-hoover-jr", "Herbert Hoover Jr.", {"Acting Secretary of State": ("1954-10", "9999")}),
    "Murphy": ("Murphy, Robert D. , Ambassador in Belgium to March 1952; Ambassador in Japan, May 1952–April 1953; "
               "Political Adviser to the United Nations Command on the Korean Armistice Negotiations, April–July 1953; "
               "Assistant Secretary of State for United Nations Affairs, July–November 1953; thereafter Deputy Under "
               "Secretary of State for Political Affairs.", "person:robert-d-murphy", "Robert D. Murphy",
               {"Acting Secretary of State": ("1953-07", "9999")}),
}


def _plain(element: etree._Element) -> str:
    """An element's text without its footnotes, a line break a space, whitespace collapsed (as a reader of the page sees it)."""
    parts = [element.text or ""]
    for child in element:
        name = etree.QName(child).localname
        parts.append(" " if name == "lb" else "" if name == "note" else _plain(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def test_an_office_without_its_holder_is_the_person_the_list_gives_it_who_signed():
    # frus1952-54v14p2 (a demo volume): "The Secretary of State to the Embassy in Japan" ends with
    # <closer><signed><persName corresp="#p_DJF1">Dulles</persName></signed></closer>. Expected senders come
    # from the TEI read here with lxml and the list's lines above: the signer when his line gives him the
    # title's office in the document's month, else the office as before.
    path = shared_volume("frus1952-54v14p2.xml.gz")
    root = etree.parse(str(path), safe_parser()).getroot()
    persons = next(d for d in root.iter(f"{{{TEI}}}div") if d.get("{http://www.w3.org/XML/1998/namespace}id") == "persons")
    lines = {" ".join("".join(item.itertext()).split()) for item in persons.iter(f"{{{TEI}}}item")}
    assert all(line in lines for line, *_ in SIGNERS_1952_54.values())
    expected: dict[str, tuple[str, str, str]] = {}
    signatures: dict[str, list[str]] = {}
    for div in root.iter(f"{{{TEI}}}div"):
        head = div.find(f"{{{TEI}}}head")
        office = re.fullmatch(  # "No. 559 The Secretary of State to …", "No. 763 Memorandum by the Acting Secretary of State to …"
            r"No\. \d+ (?:The|Memorandum(?: of Conversation,)? by the) ((?:Acting )?Secretary of State)(?: to .*)?", _plain(head)
        ) if head is not None else None
        if div.get("type") != "document" or not office:
            continue
        closers = [c for c in div if etree.QName(c).localname == "closer"]
        signed = [s for c in closers for s in c.iter(f"{{{TEI}}}signed")]
        when = next(d.get("when", "") for d in div.iter(f"{{{TEI}}}date") if d.get("when"))[:7]
        signatures[div.get("{http://www.w3.org/XML/1998/namespace}id")] = [_plain(s) for s in signed]
        surname = _plain(signed[0]).split()[-1] if len(signed) == 1 and "For" not in _plain(closers[0]) else ""
        _, key, name, terms = SIGNERS_1952_54.get(surname, ("", "", "", {}))
        first, last = terms.get(office[1], ("9999", ""))
        held = first <= when <= last
        expected[div.get("{http://www.w3.org/XML/1998/namespace}id")] = (
            (key, name, "person") if held else (f"organization:{office[1].lower().replace(' ', '-')}", office[1], "organization")
        )
    records = {r.identifier.rsplit("-", 1)[1]: r for r in read_frus_volume(path)}
    assert {d: parties(records[d], "sender") for d in expected} == {d: [e] for d, e in expected.items()}
    counts = Counter(name for _, name, _ in expected.values())
    assert counts == {
        "John Foster Dulles": 26, "Dean G. Acheson": 18, "Secretary of State": 8, "Walter Bedell Smith": 7,
        "David K.E. Bruce": 5, "James E. Webb": 2, "Herbert Hoover Jr.": 1, "Robert D. Murphy": 1,
    }
    # d525 "The Secretary of State to … (Sebald)" is signed "Webb", whom the list makes Under Secretary: left the office
    assert signatures["d525"] == ["Webb"]
    assert parties(records["d525"], "sender") == [("organization:secretary-of-state", "Secretary of State", "organization")]
    # the signature as written is kept as a further name of the person when it is more than his surname
    assert signatures["d548"] == ["Dean Acheson"] and records["d548"].title == "Memorandum by the Secretary of State to the President"
    assert next(a.names for a in records["d548"].agents if a.role == "sender") == ["Acheson, Dean G.", "Dean Acheson"]


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("volume", "doc", "signed", "sender"),
    [
        # the TEI links the signature "Dulles" to Allen W. Dulles, "Director of Central Intelligence"; the
        # list's other Dulles, John Foster, is "Secretary of State": the title's office decides
        ("frus1955-57v04", "d13", ("#p_DAW1", "Dulles"), ("person:john-f-dulles", "John Foster Dulles", "person")),
        # "Foster", John Foster Dulles signing to Lodge, linked to his entry: kept
        ("frus1955-57v11", "d116", ("#p_DJF1", "Foster"), ("person:john-f-dulles", "John Foster Dulles", "person")),
        # "Foster" to the President linked to Andrew B. Foster, "Counselor of the Embassy in the United Kingdom", the
        # list's one Foster: no holder of the office is named, so the office stays rather than a wrong name
        ("frus1955-57v14", "d202", ("#p_FAB1", "Foster"), ("organization:secretary-of-state", "Secretary of State", "organization")),
        # "Herter" under "The Acting Secretary of State", November 12, 1960: the list makes him "Under Secretary of
        # State and Chairman of the Operations Coordinating Board until April 1959; thereafter Secretary of State"
        ("frus1958-60v01", "d231", ("#p_HCA1", "Herter"), ("organization:acting-secretary-of-state", "Acting Secretary of State", "organization")),
        # the same line, a telegram "From the Secretary of State" of April 11, 1960: Herter was Secretary then
        ("frus1958-60v01", "d135", ("#p_HCA1", "Herter"), ("person:christian-a-herter", "Christian A. Herter", "person")),
    ],
)
def test_a_signer_is_the_sender_only_as_holder_of_the_title_s_office(volume, doc, signed, sender):
    path = shared_volume(f"{volume}.xml.gz")
    div = next(d for d in etree.parse(str(path), safe_parser()).iter(f"{{{TEI}}}div") if d.get("{http://www.w3.org/XML/1998/namespace}id") == doc)
    [element] = [s for c in div if etree.QName(c).localname == "closer" for s in c.iter(f"{{{TEI}}}signed")]
    assert [(p.get("corresp"), p.text) for p in element.iter(f"{{{TEI}}}persName")] == [signed]  # <persName corresp=…>Dulles</persName>
    record = next(r for r in read_frus_volume(path) if r.identifier == f"{volume}-{doc}")
    assert parties(record, "sender") == [sender]


def _document(closer: str) -> etree._Element:
    return etree.fromstring(f'<div xmlns="{TEI}" type="document"><head>H</head><p>Text.</p>{closer}</div>')


@pytest.mark.parametrize(
    ("closer", "read"),
    [  # closers of real documents, as printed in their volumes
        ('<closer><signed><hi rend="smallcaps">Acheson</hi></signed></closer>', ("Acheson", None)),  # frus1949v07p1
        ('<closer><signed><persName corresp="#p_DJF1">FOSTER</persName></signed></closer>', ("Foster", "#p_DJF1")),  # frus1955-57v08 d76
        ('<closer><signed><persName corresp="#p_HHCJ1">Herbert Hoover, Jr.</persName><note n="5" xml:id="d204fn5">Printed '
         'from a copy which bears this stamped signature.</note></signed></closer>', ("Herbert Hoover, Jr", "#p_HHCJ1")),  # frus1955-57v08 d204
        ('<closer>[<signed>Brown</signed>]<lb/><signed><hi rend="smallcaps">Marshall</hi></signed></closer>',
         tei_frus.SEVERAL_SIGNATURES),  # frus1948v05p1 d97
        ('<closer><signed><list><item>[Huddle]</item><item><hi rend="smallcaps">Lovett</hi></item></list></signed></closer>',
         tei_frus.SEVERAL_SIGNATURES),  # frus1948v05p1 d390
        ('<closer>For the Secretary of State:<lb/><signed><hi rend="smallcaps">Willard</hi> L. <hi rend="smallcaps">Thorp</hi>'
         '</signed></closer>', tei_frus.SIGNED_FOR),  # frus1948v05p1 d51
        ('<closer><signed><persName corresp="#p_HJSII1">John S. Hoghland II</persName><lb/><hi rend="italic">Acting Assistant '
         'Secretary<lb/>for Congressional Relations</hi></signed></closer>', tei_frus.WITH_OFFICE),  # frus1955-57v09 d178
        ("<closer><signed>JFD</signed></closer>", tei_frus.INITIALS),  # frus1955-57v02 d5
        ("<closer>Sincerely,<lb/><signed>[Shah's signature]</signed></closer>", tei_frus.NOT_A_NAME),  # frus1969-76ve04 d52
        ("<closer><p>Sincerely yours,</p></closer>", tei_frus.NO_SIGNATURE),
        ('<quote><closer><signed>Acheson</signed></closer></quote>', tei_frus.NO_SIGNATURE),  # a quoted text's, not the document's
    ],
)
def test_signature(closer, read):
    assert signature(_document(closer)) == read


@pytest.mark.parametrize(
    ("line", "office", "when", "held"),
    [  # lines of real lists of persons (the offices after the name)
        ("Secretary of State to January 1953", "Secretary of State", "1952-04-23", True),  # Acheson, frus1952-54v14p2
        ("Secretary of State to January 1953", "Secretary of State", "1953-03-12", False),
        ("Secretary of State to January 1953", "Secretary of State", "", False),  # undated: the term cannot be checked
        ("Secretary of State", "Secretary of State", "", True),  # Dulles, frus1955-57v02: no term, the volume's years
        ("Consultant to Secretary of State Acheson and personal representative of President Truman in matters concerning "
         "the Japanese Peace Treaty to April 1952; Secretary of State from January 1953", "Secretary of State", "1952-02-01", False),
        ("Consultant to Secretary of State Acheson and personal representative of President Truman in matters concerning "
         "the Japanese Peace Treaty to April 1952; Secretary of State from January 1953", "Secretary of State", "1953-03-12", True),
        ("Under Secretary of State to February 1952", "Secretary of State", "1952-02-20", False),  # Webb, frus1952-54v14p2
        ("Under Secretary of State to February 1952", "Acting Secretary of State", "1952-02-14", True),
        ("Special Assistant to the Secretary of State", "Acting Secretary of State", "1955-01-01", False),
        ("Deputy Secretary of Defense", "Secretary of State", "1955-01-01", False),
        ("Under Secretary of State until April 21, 1959; thereafter Secretary of State", "Acting Secretary of State", "1960-11-12", False),
        ("Under Secretary of State until April 21, 1959; thereafter Secretary of State", "Acting Secretary of State", "1958-06-01", True),
        ("Under Secretary of State until April 21, 1959; thereafter Secretary of State", "Secretary of State", "1958-06-01", False),
        ("Deputy Under Secretary of State for Economic Affairs through June 1958; Under Secretary of State for Economic Affairs, "
         "July 1958–June 1959; thereafter Under Secretary of State", "Acting Secretary of State", "1959-05-22", True),  # Dillon
        ("President of the United States", "President", "1955-01-24", True),  # Eisenhower, frus1955-57v02
        ("Vice President", "President", "1955-01-24", False),  # Nixon
        ("President of the Republic of Korea", "President", "1955-01-24", False),  # Rhee
        ("British Secretary of State for Foreign Affairs", "Secretary of State", "1955-01-24", False),
    ],
)
def test_holds_office(line, office, when, held):
    assert holds_office(line, office, when) is held


DEMO_VOLUMES = Path(__file__).resolve().parents[2] / "data" / "demo" / "frus"


def _pages_of(volume: str) -> dict[str, str]:
    return {r.identifier.rsplit("-", 1)[1]: r.pages for r in read_frus_volume(DEMO_VOLUMES / f"{volume}.xml.gz") if isinstance(r, DocumentRecord)}


@pytest.mark.parametrize(
    ("volume", "expected"),
    [
        # page 289 begins inside d116 (its breaks: 287, 288, 289), so d117 begins on it; 290 and 291 break inside d117
        ("frus1955-57v02", {"d116": "286–289", "d117": "289–291", "d118": "291–292"}),
        # d4's first element is the break of page 7: it begins there, not on page 6 where d3 ends
        ("frus1955-57v03", {"d3": "5–6", "d4": "7–10"}),
        # d63 ends with the break of page 125 after its signature: its last page is 124, and d64 begins on 125
        ("frus1958-60v19", {"d63": "122–124", "d64": "125–127"}),
        # the second part's pages run on from the first's (1–598): its documents are cited by them
        ("frus1949v07p2", {"d1": "601–603", "d4": "608–609", "d295": "1101"}),
        # an electronic-only volume: its page breaks are each document's scanned pages, from 1 each time
        ("frus1969-76ve13", {"d1": "", "d2": "", "d175": ""}),
    ],
)
def test_a_document_keeps_the_printed_pages_it_stands_on(volume, expected) -> None:
    pages = _pages_of(volume)
    assert {key: pages[key] for key in expected} == expected


def test_the_pages_of_a_volume_s_documents_follow_one_another() -> None:
    # each document begins on the page the one before it ends on, or the next: none goes back, none skips
    # more than the pages of a chapter's head between them
    for volume in ("frus1955-57v02", "frus1949v07p1", "frus1961-63v05", "frus1969-76v12"):
        records = [r for r in read_frus_volume(DEMO_VOLUMES / f"{volume}.xml.gz") if isinstance(r, DocumentRecord)]
        spans = [page_numbers(r.pages) for r in records]
        assert None not in spans, volume
        steps = Counter(b[0] - a[1] for a, b in zip(spans, spans[1:]))  # type: ignore[index]
        assert set(steps) <= {0, 1, 2, 3} and steps[0] + steps[1] >= 0.99 * (len(spans) - 1), (volume, steps)
        assert all(first <= last for first, last in spans), volume  # type: ignore[misc]


def heads_dated(tmp_path, *heads: str) -> dict[str, tuple[str, str]]:
    """(date as written, EDTF) of the documents d1, d2 … of a volume whose documents have only these heads (TEI markup
    allowed), by the last two characters of their identifiers."""
    path = tmp_path / "heads.xml"
    divs = "".join(f'<div type="document" xml:id="d{n}"><head>{head}</head></div>' for n, head in enumerate(heads, 1))
    path.write_text(tei(divs), encoding="utf-8")
    return {r.identifier[-2:]: (r.date_text, r.date_edtf) for r in read_frus_volume(path)}


def test_a_document_without_a_dateline_is_dated_by_the_day_its_head_ends_with(tmp_path):
    """FRUS heads give a document as "title, place, date": 57 documents of the 100 shared volumes have no dateline nor
    a ``date`` in the head and were stored undated (frus1955-57v03-d14, "Memorandum of a Conversation, Department of
    State, Washington, August 9, 1955"); the day is read, the date kept as printed. Not a span of days (the meetings a
    report covers) nor the last date of a microfiche supplement's catalogue entry (a file's)."""
    from tests.conftest import shared_data

    d14 = next(r for r in read_frus_volume(shared_data("frus/volumes/frus1955-57v03.xml.gz")) if r.identifier == "frus1955-57v03-d14")
    assert (d14.date_text, d14.date_edtf, d14.date_earliest) == ("August 9, 1955", "1955-08-09", "1955-08-09")
    dated = heads_dated(
        tmp_path,
        'Minutes of the Twentieth Meeting of the United States Delegation, Paris, Hotel d’Iéna, October 21, 1948, 9:15 a. m.'
        '<note n="1" type="source">Source: IO Files, November 3, 1948.</note>',
        "306. Report of the United States Delegation to the First Meetings of the General Conference, October 1–23, 1957",
        "271. Memorandum for the Special Group. Secret. 13 pp. DOS, INR/IL Historical Files, S.G. 4, August 3, 1961.",
        "5. Editorial Note",
    )
    assert dated == {"d1": ("October 21, 1948, 9:15 a. m.", "1948-10-21"), "d2": ("", ""), "d3": ("", ""), "d4": ("", "")}


def test_a_head_whose_date_lacks_the_comma_after_its_place_is_dated_by_it(tmp_path):
    """frus1948v01p2-d213's head, "Department of State Press Release No. 766 Issued at Washington September 22, 1948",
    leaves out the comma after its place (the UN releases of the volume print "Issued at Geneva, Switzerland, August 11,
    1948"), and the document was stored undated; it is the one head of the 100 shared volumes so dated. Not a date after a
    word saying it is not the document's own ("Since"), nor a file's "Box 4. May 1963" (a number, then a day as German
    writes it)."""
    from tests.conftest import shared_data

    d213 = next(r for r in read_frus_volume(shared_data("frus/volumes/frus1948v01p2.xml.gz")) if r.identifier == "frus1948v01p2-d213")
    assert (d213.date_text, d213.date_edtf) == ("September 22, 1948", "1948-09-22")
    dated = heads_dated(
        tmp_path,
        "Press Release Issued at Lake Success October 2, 1948",
        "Report on Developments Since June 5, 1950",
        "467. Memorandum from Feldman to Herter, April 24. Kennedy Library, Herter Papers, Box 4. May 1963",
    )
    assert dated == {"d1": ("October 2, 1948", "1948-10-02"), "d2": ("", ""), "d3": ("", "")}


def test_a_head_giving_a_day_in_each_of_two_places_is_dated_by_both(tmp_path):
    """A head "…, Washington, August 9, 1955, and Moscow, August 10, 1955" (an exchange signed in turn) was dated by its
    last day alone, as if the document were of August 10 only; it is dated by both days, all of them (EDTF's set "all of",
    as a dateline's "December 30 and 31, 1957" is read), the date kept as printed from its first day. The 100 shared
    volumes print no such head (crafted); a head whose two places share a day is dated by that day."""
    dated = heads_dated(
        tmp_path,
        "14. Exchange of Notes, Washington, August 9, 1955, and Moscow, August 10, 1955",
        "15. Joint Statement, Washington, August 9, 1955, and Moscow, August 9, 1955",
        "16. Memorandum of a Conversation, Department of State, Washington, August 9, 1955",  # one day, as before
    )
    assert dated == {
        "d1": ("August 9, 1955, and Moscow, August 10, 1955", "{1955-08-09,1955-08-10}"),
        "d2": ("August 9, 1955, and Moscow, August 9, 1955", "1955-08-09"),
        "d3": ("August 9, 1955", "1955-08-09"),
    }


def test_a_document_repeating_an_earlier_ones_xml_id_fails_at_its_line_naming_the_first(tmp_path):
    # "document d2: xml:id 'd2' is used by an earlier document too" named neither where the second
    # document is nor the first, two documents of the volume answering to "d2" (a fresh archivist's)
    written = FIXTURE.read_text(encoding="utf-8").replace('xml:id="d3"', 'xml:id="d2"', 1)
    path = tmp_path / FIXTURE.name
    path.write_text(written, encoding="utf-8")
    line_of = {n: written[: written.index(f'<div type="document" n="{n}"')].count("\n") + 1 for n in (2, 3)}
    items = list(read_frus_volume(path))
    [fault] = [item for item in items if isinstance(item, IngestError)]
    assert (fault.location, fault.message) == (
        f"line {line_of[3]}",
        f"xml:id 'd2' already given at line {line_of[2]} (that document was kept, this one not stored); give each document its own xml:id",
    )
    assert [r.title for r in items if isinstance(r, DocumentRecord) and r.identifier.endswith("-d2")] == [
        r.title for r in read_frus_volume(FIXTURE) if r.identifier.endswith("-d2")
    ]
