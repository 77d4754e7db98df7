"""TEI correspondence reader (Dodis, QhoD): exact values read from the fixture files by hand."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from legation.errors import IngestError, IngestNote
from legation.ingest.readers import files_to_read, read_file, tei_kind
from legation.ingest.readers.tei_corresp import read_tei_document
from legation.records.document_record import AgentRef, CollectionRef, DocumentRecord
from tests.conftest import FIXTURES, shared_data, single_record

TEI = FIXTURES / "tei"
KARL = TEI / "Briefe-osm__1720_04_10_Karl_VI_an_Gross_Wesir_Damad_Ibrahim_Pasa__vipa.l.osm.17200410_Karl_VI_an_Gross_Wesir.xml"


def one(path: Path) -> DocumentRecord:
    return single_record(read_tei_document(path))


def test_dodis_german_memo():
    r = one(TEI / "49548.xml")
    assert r.identifier == "dodis-49548"
    assert r.title == "DDR: Nicht nur die Mauer zittert"
    assert (r.date_text, r.date_edtf, r.date_earliest) == ("13.11.1989", "1989-11-13", "1989-11-13")
    assert r.document_type == "Memo"
    assert r.language == "de"
    assert r.place_sent == "Bern"
    assert r.summary.startswith("Aufgrund der Bekanntgabe der neuen Reiseregelungen für DDR-Bürger")
    assert r.source_note.startswith("Notiz: CH-BAR#E2010A#1999/250#7145*(B.73.0). Verfasst und unterzeichnet von Daniel Woker")
    assert r.source_url == "https://dodis.ch/49548"
    assert r.subjects == [
        "International perceptions of the German reunification 1989–1990",
        "Germany – FRG (Politics)",
        "Germany – GDR (Politics)",
    ]
    assert r.collections == [
        CollectionRef(
            "dodis-q12",
            "When the Wall Came Down. The Perception of German Reunification in International Diplomatic Documents 1989–1990 (Quaderni di Dodis 12)",
        )
    ]
    assert r.agents[:3] == [
        # the edition's other names of each person (TEI listPerson), but initials (Wo, WOK)
        AgentRef("dodis:P27996", "Woker, Daniel (1948–)", "sender", "person", ["Daniel Woker", "Woker, Daniel"]),
        AgentRef("dodis:R28815", "EDA/Politische Direktion/Politische Abteilung I", "sender", "organization", []),
        AgentRef("dodis:P24523", "Arioli, Silvio (1938–)", "recipient", "person", ["Silvio Arioli", "Arioli, Silvio"]),
    ]
    assert sum(a.role == "recipient" for a in r.agents) == 10  # 2 persons + 8 organizations received-copy
    # the text's "Tschierlich", one of the edition's names of him
    assert AgentRef("dodis:P54816", "Tschirlich, Arnold", "mentioned", "person", ["Arnold Tschirlich", "Arnold Tschierlich", "Tschierlich, Arnold"]) in r.agents
    [text] = r.texts
    assert (text.kind, text.language) == ("transcript", "de")
    assert text.body.startswith("Bern, 13. November 1989\n\nAm Freitag, 10.11.1989, empfängt der Unterzeichnete den DDR-Botschaftsrat Tschierlich[1], auf dessen")
    assert "Interne Notiz" not in text.body  # the head is metadata
    assert text.footnotes[0].text == "Arnold Tschirlich, dodis.ch/P54816, Botschaftsrat an der Botschaft der DDR in Bern 27.6.1986–1990."
    assert [f.n for f in text.footnotes] == ["1", "2", "3"]


def test_dodis_english_translation_from_polish():
    r = one(TEI / "53169.xml")
    assert r.identifier == "dodis-53169"
    # titleStmt/title[@n='9'] is empty: the head's main title, footnotes left out
    assert r.title == "Telegram from the Polish Ambassador in East Berlin, Janusz Obodowski, to the Polish Minister of Foreign Affairs, Krzysztof Skubiszewski"
    assert r.language == "pl"
    assert (r.date_text, r.date_edtf) == ("10.11.1989", "1989-11-10")
    assert r.place_sent == "East Berlin"
    assert r.source_note.startswith("Telegram No. 0-1789/IV (incoming, translated from Polish): Archives of the Polish Ministry")
    assert [(a.key, a.role) for a in r.agents] == [
        ("dodis:P57588", "sender"),
        ("dodis:R10881", "sender"),
        ("dodis:P57377", "recipient"),
        ("dodis:R8541", "recipient"),
        ("dodis:P56902", "mentioned"),
    ]
    assert r.agents[2].name == "Skubiszweski, Krysztof (1926–2010)"  # as the file spells it
    [text] = r.texts
    assert (text.kind, text.language) == ("translation", "en")
    assert text.body.startswith("For immediate action\n\nEast Berlin, 10 November 1989, 1.00 a.m.\n\nFollowing Schabowski’s[1] statement")


def test_qhod_sema_charter_with_hijri_date():
    r = one(TEI / "Selim_II_Urkunde_10.xml")
    assert r.identifier == "qhod-Selim_II_Urkunde_10"
    assert r.title == "Urkunde 10"
    assert r.document_type == "Ḥükm"
    # date[@calendar='#hijri'] text as written; the Gregorian @notBefore/@notAfter as given
    assert (r.date_text, r.date_edtf) == ("976, Receb 21-30", "1569-01-09/1569-01-18")
    assert (r.date_earliest, r.date_latest) == ("1569-01-09", "1569-01-18")
    assert r.place_sent == "Istanbul"
    assert r.language == "ota"
    assert r.agents == [
        AgentRef("gnd:138054231", "Selim II.", "sender", "person", []),
        AgentRef("gnd:1209643995", "Muṣṭafā Paşa", "recipient", "person", []),
    ]
    assert r.summary.startswith("Urkunde 10: Geschrieben zwischen dem 22. und 30.9.1570 in Konstantinopel.")
    assert r.source_note.startswith("ÖStA, HHstA Wien, Staatsabteilungen, Türkei I, Turcica 27/1, fol.78; Extrakt aus „Die Schreiben Selims II.")
    assert r.source_url == "https://gams.uni-graz.at/o:sema.rc.osm.15700922"
    assert r.collections == [CollectionRef("qhod-sema", "Selim II. und Maximilian II.")]
    transcript, translation = r.texts
    assert (transcript.kind, transcript.language) == ("transcript", "ota")
    assert transcript.body.startswith("Invocatio fehlt\n\nBudūn beglerbegisine ḥükm ki\n\nsüdde-i seʿādetümden icāzet-i hümāyūnum ile ol cānibe giden Peç ḳırālı")
    assert (translation.kind, translation.language) == ("translation", "de")
    assert translation.body.endswith("Geschrieben in der letzten Dekade des Rebīʿu l-āḫir des Jahres 978.")


def test_qhod_vipa_letter_with_english_translation():
    r = one(KARL)
    assert r.identifier == "qhod-" + KARL.name[:-4]
    assert r.title == "Emperor Charles VI and Prince Eugene of Savoy to Grand Vizier Ibrahim Pasha, Vienna, April 10, 1720"
    assert (r.date_edtf, r.place_sent, r.document_type) == ("1720-04-10", "Vienna", "Letter")
    assert [(a.key, a.name, a.role) for a in r.agents] == [
        ("gnd:118560107", "Karl VI", "sender"),
        ("gnd:1018616411", "Damad İbrahim Paşa", "recipient"),
    ]
    assert r.source_note == "BOA, Istanbul, Nāme-i Hümayūn Defterleri, Register no. 6, letter no. 282"
    assert [(t.kind, t.language) for t in r.texts] == [("transcript", "ota"), ("translation", "en")]
    assert r.texts[1].body.startswith("Translation of a letter that was sent by the Austrian caesar to his excellency the grand vizier.")


def test_a_paragraph_holding_a_footnote_of_paragraphs_is_read_whole():
    """QhoD writes footnotes as ``<note place="footnote"><p>…</p></note>`` inside a paragraph: the
    note's ``p`` once made the paragraph read as a container of blocks, and its text was lost but
    for the names in it (a transcript of 16 lines became "Budūn", "Beç", "Maḳsimilyānūş" …)."""
    r = one(TEI / "Selim_II_Urkunde_8.xml")
    transcript, translation = r.texts
    assert (transcript.kind, transcript.language) == ("transcript", "ota")
    assert transcript.body.split("\n\n")[:2] == ["Invocatio fehlt", "hüve"]
    paragraph = transcript.body.split("\n\n")[2]
    assert paragraph.startswith("Budūn beglerbegisine ḥükm ki vilāyet-i Beç ḳırālı Maḳsimilyānūş ḳırāl ʿatebe-i ʿulyāmda olan ėlçilerine")
    assert "eṭrāfında Torna (!) \u0304[1] nām nāḥīyeyi ġāret" in paragraph  # the footnote's mark where the note stands
    assert paragraph.endswith("mūcib-i ʿibret u naṣīḥat ola")  # line 16 of 16
    assert transcript.body.endswith("\n\nRückseite: Exemplu mandati transmissi ad Passam Budensem")
    assert [(f.n, f.text[:44]) for f in transcript.footnotes] == [("1", "Obwohl „Torna“ hier mit inem „ت“ geschrieben")]
    assert translation.body.startswith("Invocatio fehlt\n\nBefehl an den Beglerbegi von Buda\n\nDer König des Landes Wien")


def test_an_editors_note_between_paragraphs_is_kept_as_a_footnote():
    r = one(TEI / "Protocol_Register__17190419_Ibrahim_Pasa_Departure_Audienz_from_Istanbul__vipa.pr.osm.17190419_Ibrahim_Pasa_Departure_Audienz_in_Istanbul.xml")
    transcript = r.texts[0]
    assert "Nemçeye ilçi taʿyīn olunub nevrūzda [1] ʿazīmet üzere" in transcript.body
    assert transcript.body.endswith("ṣavb-ı meʾmûresine ʿāzm ve rāhī olunmışdur.")
    notes = [(f.n, f.text) for f in transcript.footnotes]
    assert notes[0] == ("1", "Turkish Nevruz Persian Newroz; marking Spring’s arrival.")
    assert notes[1][0] == "2" and notes[1][1].startswith("When did Ibrahim Pasha depart Istanbul? According to the travelogue")
    assert "[2]" not in transcript.body  # it stands between paragraphs: no mark


def test_text_between_the_blocks_of_a_paragraph_is_kept(tmp_path: Path):
    """Mixed content (TEI lets a paragraph hold a list): the text around the list is paragraphs of
    its own, footnotes in it marked; before, only the list was read."""
    path = tmp_path / "mixed.xml"
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Mixed</title></titleStmt>'
        "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc><profileDesc><correspDesc>"
        '<correspAction type="sent"><persName>A</persName><date when="1720-01-02"/></correspAction></correspDesc>'
        '</profileDesc></teiHeader><text><body><div type="transcription" xml:lang="de">'
        "<p>Vor der <hi>Liste</hi><lb/>und<lb break=\"no\"/>mehr: <list><item>eins</item><item>zwei</item></list> danach"
        "<note>Eine Anmerkung.</note>.<pb n=\"2\"/> Schluss</p></div></body></text></TEI>",
        encoding="utf-8",
    )
    [text] = one(path).texts
    assert text.body == "Vor der Liste undmehr:\n\neins\nzwei\n\ndanach[1]. Schluss"
    assert [(f.n, f.text) for f in text.footnotes] == [("1", "Eine Anmerkung.")]


def test_dispatch_sniffs_tei_kind():
    assert tei_kind(TEI / "49548.xml") == "document"
    assert tei_kind(FIXTURES / "frus" / "frus1917-72PubDip.xml") == "frus"
    items = [i for p in files_to_read([TEI]) for i in read_file(p)]
    qhod_letters = [p.name[:-4] for p in TEI.glob("Briefe*.xml")]  # more letters: test_reingest_authorities
    assert len(qhod_letters) == 4
    assert sorted(i.identifier for i in items) == sorted(
        [
            "dodis-49548", "dodis-53169", "qhod-Selim_II_Urkunde_10", "qhod-Selim_II_Urkunde_8",
            "qhod-Protocol_Register__17190419_Ibrahim_Pasa_Departure_Audienz_from_Istanbul__vipa.pr.osm.17190419_Ibrahim_Pasa_Departure_Audienz_in_Istanbul",
            *("qhod-" + n for n in qhod_letters),
        ]  # fmt: skip
    )


HEADER = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>{}</title></titleStmt></fileDesc>'
EMPTY_TEXT = "<text><body><p/></body></text></TEI>"
LETTER = '<correspDesc><correspAction type="sent"><persName>{}</persName><date when="1720-04-10"/></correspAction></correspDesc>'


@pytest.mark.parametrize(
    ("markup", "what"),
    [
        (  # the Dodis edition's taxonomy.xml, shortened
            HEADER.format("Example taxonomy") + '<encodingDesc><classDecl><taxonomy><category xml:id="type"><category xml:id="memo">'
            '<catDesc>Memo</catDesc></category><category xml:id="letter"><catDesc>Letter</catDesc></category></category>'
            "</taxonomy></classDecl></encodingDesc></teiHeader>" + EMPTY_TEXT,
            "is a taxonomy (3 categories, e.g. Memo, Letter: the edition's terms for its documents), with no text, "
            "correspondents or date of its own",
        ),
        (  # QhoD's CMIF__QhoDCMIF.xml, shortened
            HEADER.format("CMIF data") + "<profileDesc>" + LETTER.format("Karl VI") + LETTER.format("Damad İbrahim Paşa")
            + "</profileDesc></teiHeader>" + EMPTY_TEXT,
            "is a CMIF letter list (Correspondence Metadata Interchange Format): it lists 2 letters, their senders, "
            "addressees and dates, whose documents are other files, and has no text of its own",
        ),
        (  # QhoD's QhoDstandOff.xml, shortened
            HEADER.format("QhoD TEI standOff") + '</teiHeader><standOff><listPerson><person xml:id="mpr1"><persName>A</persName>'
            '</person><person xml:id="mpr2"><persName>B</persName></person></listPerson><listPlace><place xml:id="mpr3">'
            "<placeName>Wien</placeName></place></listPlace></standOff></TEI>",
            "is a stand-off register (2 persons, 1 place, 0 organizations) that the edition's documents point to, "
            "with no <text>",
        ),
    ],
)
def test_a_tei_file_that_holds_no_document_is_skipped_with_a_note(tmp_path, markup, what):
    path = tmp_path / "register.xml"
    path.write_text(markup, encoding="utf-8")
    [note] = read_file(path)
    assert isinstance(note, IngestNote) and note.path == str(path)
    assert note.message == f"skipped, not a document: it {what}; it holds no documents, so nothing of it is stored"


def test_an_empty_tei_document_and_broken_tei_still_fail(tmp_path):
    empty = tmp_path / "empty.xml"
    empty.write_text(HEADER.format("A letter") + "</teiHeader>" + EMPTY_TEXT, encoding="utf-8")
    [error] = read_tei_document(empty)
    assert isinstance(error, IngestError) and error.path == str(empty)
    assert "not a document" in error.message
    letters = tmp_path / "letters.xml"  # two letters' metadata, but a text too: not a plain letter list
    letters.write_text(
        HEADER.format("Letters") + "<profileDesc>" + LETTER.format("A") + LETTER.format("B") + "</profileDesc></teiHeader>"
        "<text><body><p>Dear B,</p></body></text></TEI>",
        encoding="utf-8",
    )
    [error] = read_tei_document(letters)
    assert isinstance(error, IngestError) and "lists 2 letters" in error.message
    broken = tmp_path / "broken.xml"
    broken.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><correspDesc>', encoding="utf-8")
    with pytest.raises(IngestError, match="line"):
        list(read_tei_document(broken))


def test_entities_a_letter_declares_are_expanded_in_its_metadata_and_text(tmp_path):
    # an edition that writes its letters as ISO entities (&uuml;, &ndash;) declared in the DOCTYPE failed
    # whole ("uses entities whose text Legation does not read: &uuml; (declared in the file), …")
    from legation.search.indexer import SearchIndex
    from legation.search.service import SearchRequest, search

    letters = {"ä": "auml", "ö": "ouml", "Ö": "Ouml", "ü": "uuml", "\u2013": "ndash"}
    subset = "".join(f'  <!ENTITY {name} "&#{ord(c)};">\n' for c, name in letters.items()) + '  <!ENTITY woker "Woker, Daniel (1948&ndash;)">\n'
    written = (TEI / "49548.xml").read_text(encoding="utf-8").replace("Woker, Daniel (1948\u2013)", "&woker;")
    for character, name in letters.items():
        written = written.replace(character, f"&{name};")
    written = written.replace("<TEI ", f"<!DOCTYPE TEI [\n{subset}]>\n<TEI ", 1)
    assert (written.count("&uuml;"), written.count("&woker;")) == (22, 3)
    path = tmp_path / "49548.xml"
    path.write_text(written, encoding="utf-8")
    declared = one(path)
    assert declared == one(TEI / "49548.xml")
    assert [a.name for a in declared.agents if a.role == "sender"][0] == "Woker, Daniel (1948\u2013)"
    assert declared.summary.startswith("Aufgrund der Bekanntgabe der neuen Reiseregelungen für DDR-Bürger")
    index = SearchIndex(tmp_path / "index")
    index.upsert([declared])
    index.commit()
    assert [h.identifier for h in search(SearchRequest(q="Reiseregelungen für DDR-Bürger"), index).hits] == ["dodis-49548"]


def test_external_entities_are_not_resolved_and_the_file_fails(tmp_path):
    hostile = tmp_path / "hostile.xml"
    hostile.write_text(
        '<?xml version="1.0"?><!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Letter &x;</title></titleStmt></fileDesc>'
        '<profileDesc><correspDesc><correspAction type="sent"><persName>A</persName></correspAction></correspDesc></profileDesc>'
        "</teiHeader><text><body><p>Text &x;</p></body></text></TEI>",
        encoding="utf-8",
    )
    [error] = read_file(hostile)
    assert isinstance(error, IngestError) and "root:" not in str(error)
    assert error.message.startswith('uses an entity whose text Legation does not read: &x; (external, at "file:///etc/passwd")')


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("dodis-when-the-wall-came-down/tei", {"records": 63, "notes": 1}),  # 63 documents; taxonomy.xml is none
        ("qhod-habsburg-ottoman-diplomacy/tei", None),
    ],
)
def test_whole_shared_editions(folder, expected):
    """Every file gives a record, a named error or (holding no document) a note; counts are reported."""
    root = shared_data(folder)
    counts: collections.Counter[str] = collections.Counter()
    reasons: collections.Counter[str] = collections.Counter()
    skipped: list = []
    for path in files_to_read([root], skipped=skipped):
        for item in read_file(path):
            if isinstance(item, IngestError):
                assert item.path == str(path) and item.message
                counts["errors"] += 1
                reasons[item.message[:80]] += 1
            elif isinstance(item, IngestNote):
                counts["notes"] += 1
                reasons[item.message[:80]] += 1
            else:
                assert isinstance(item, DocumentRecord)
                counts["records"] += 1
    if expected:
        assert dict(counts) == expected
    else:  # QhoD: 251 files; 25 LIDO object descriptions (artefacts, images) are not read, as notes; the CMIF
        # letter list and the stand-off register hold no document (notes); one letter with a malformed comment
        # ("<!---") is a named error
        assert counts == {"records": 223, "errors": 1, "notes": 2}
        (note,) = skipped  # one note for the 25, not 25 alike (a fresh user)
        assert note.message.startswith("not read, nor 24 more files of its folder for the same reason (")
        assert note.message.endswith(
            " …): is LIDO (museum object records), root element <lido>, not TEI; Legation reads TEI: FRUS volumes "
            "and single documents with correspDesc (Dodis, QhoD)"
        )
        assert sum(n for reason, n in reasons.items() if reason.startswith("is malformed XML at this line: ")) == 1


@pytest.mark.parametrize(
    ("date", "text", "edtf"),
    [
        ('<date when="1989-02-30"/>', "1989-02-30", ""),  # no such day: dropped without a word before
        ('<date when="99999-01-01"/>', "99999-01-01", ""),
        ('<date from="1990" to="1989"/>', "1990 – 1989", ""),  # stored as 1990/1989, its earliest day after its latest
        ('<date notBefore="1989-11-20" notAfter="1989-11-10"/>', "1989-11-20 – 1989-11-10", ""),
        ('<date from="1989" to="1990"/>', "1989 – 1990", "1989/1990"),
        ('<date when=" 1989-11-13 "/>', "1989-11-13", "1989-11-13"),
    ],
)
def test_a_correspdesc_date_no_calendar_has_is_kept_as_written_and_undated(tmp_path: Path, date: str, text: str, edtf: str):
    source = (TEI / "49548.xml").read_text(encoding="utf-8")
    letter = tmp_path / "49548.xml"
    letter.write_text(
        source.replace('<correspAction type="sent">', f'<correspAction type="sent">{date}', 1).replace(
            '<origin when="1989-11-13">13.11.1989</origin>', "<origin/>"
        ),
        encoding="utf-8",
    )
    record = one(letter)
    assert (record.date_text, record.date_edtf) == (text, edtf)
    assert not edtf or record.date_earliest <= record.date_latest


GOOD = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"{root}>
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Letter to the Foreign Office</title></titleStmt>
      <publicationStmt>{idno}</publicationStmt>
      <sourceDesc><msDesc><msIdentifier><idno>Kt. 12, fol. 3</idno></msIdentifier></msDesc></sourceDesc>
    </fileDesc>
    <profileDesc>
      <correspDesc><correspAction type="sent"><persName>A. Sender</persName><date when="1950-02-14">14 February 1950</date></correspAction></correspDesc>
    </profileDesc>
  </teiHeader>
  <text><body><p>Dear Sir,</p></body></text>
</TEI>
"""


@pytest.mark.django_db
def test_a_tei_letter_is_stored_under_its_files_name_and_the_report_names_the_identifier_it_gives_itself(tmp_path: Path):
    # a letter whose root says xml:id="tei-good-1" and whose <idno> says tei-good-1 was stored as "good" without a word
    from legation.ingest.readers import named_otherwise_of
    from legation.ingest.service import ingest_records

    good = tmp_path / "good.xml"
    good.write_text(GOOD.format(root=' xml:id="tei-good-1"', idno="<idno>tei-good-1</idno>"), encoding="utf-8")
    record = one(good)
    assert (record.identifier, named_otherwise_of(record)) == ("good", {"tei-good-1": ["xml:id", "<idno>"]})
    report = ingest_records(read_tei_document(good), source=str(good))
    assert report.added == ["good"] and report.all_notes() == [
        f"TEI letters stored under their file's name, not the identifier the file gives itself: 1 (e.g. {good}: good, though "
        "the file names it tei-good-1 (its xml:id and <idno>)). A TEI letter's identifier is its file's name without .xml, so "
        "that it stays the same at every ingest whatever the file's header says; to store one under its own identifier, rename "
        "the file after it (tei-good-1.xml) and ingest it again (the document stored under the old name stays: delete it in "
        "the admin)"
    ]
    # named after itself, or naming nothing an identifier could be (a shelfmark, a typed URI): no note
    renamed = tmp_path / "tei-good-1.xml"
    renamed.write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    plain = tmp_path / "plain.xml"
    plain.write_text(GOOD.format(root="", idno='<idno type="URI">https://example.org/letters/1</idno>'), encoding="utf-8")
    other = tmp_path / "other.xml"
    other.write_text(GOOD.format(root=' xml:id="letter-7"', idno="<idno>L 7</idno>"), encoding="utf-8")
    assert [(one(p).identifier, named_otherwise_of(one(p))) for p in (renamed, plain, other)] == [
        ("tei-good-1", {}), ("plain", {}), ("other", {"letter-7": ["xml:id"]}),
    ]


def test_the_real_letters_give_no_note_on_their_identifiers():
    # Dodis and QhoD name their documents by rules of their own (dodis-<idno>, qhod-<file>); their
    # untyped <idno> are shelfmarks ("Kt. 12, 1720 03 21") or Dodis numbers read into the identifier
    from legation.ingest.readers import named_otherwise_of

    letters = sorted(TEI.glob("*.xml"))
    assert len(letters) == 9
    assert {path.name: named_otherwise_of(one(path)) for path in letters} == {path.name: {} for path in letters}
