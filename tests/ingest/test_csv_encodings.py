"""Legacy encodings of CSV files: guessed by the most plausible reading (legation.ingest.encodings),
named in a note, overridden by --encoding or a mapping's "encoding". Central European text in
Windows-1250 and ISO-8859-2 read as Windows-1252 was silently stored as "Gomu³k¹ w £odzi"."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from legation.errors import IngestError, IngestNote
from legation.ingest.encodings import check_encoding, decode, examples, implausibility, odd_words
from legation.ingest.readers import read_file
from legation.records.document_record import DocumentRecord
from tests.conftest import FIXTURES, shared_data

POLISH = "Notatka z rozmowy z Władysławem Gomułką w Łodzi; żądania robotników, źródła: Archiwum Akt Nowych, zespół KC PZPR"
CZECH = "Zpráva o jednání s československou delegací v Praze; příliš žluťoučký kůň úpěl ďábelské ódy"
HUNGARIAN = "Jelentés a magyar–szovjet tárgyalásokról; Nagy Imre miniszterelnök levele, árvíztűrő tükörfúrógép"
SLOVAK = "Správa veľvyslanectva v Bratislave o rokovaní s ministrom, ľudová strana, päť účastníkov"
FRENCH_GERMAN = "Dépêche de l’ambassadeur à Zürich, reçu le 3 mars; Müller über die Größe der Delegation"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (POLISH, "cp1250"), (CZECH, "cp1250"), (HUNGARIAN, "cp1250"), (SLOVAK, "cp1250"),
        (POLISH, "iso8859-2"), (CZECH, "iso8859-2"), (SLOVAK, "iso8859-2"),
        (FRENCH_GERMAN, "mac-roman"), (FRENCH_GERMAN, "cp1252"),
        ("Запись беседы с Хрущевым в Кремле", "cp1251"),
        ("Телеграмма из Москвы о переговорах", "cp1251"), ("Телеграмма из Москвы о переговорах", "koi8-r"),
        ("Лист міністра закордонних справ України щодо їхньої делегації", "koi8-u"),
        ("Τηλεγράφημα από την Αθήνα για τις διαπραγματεύσεις", "cp1253"),
        ("Doğu Kolu Kumandanlığına Verdiği Emir; İsmet İnönü'den Şükrü Kaya'ya mektup", "cp1254"),
        ("Doğu Kolu Kumandanlığına Verdiği Emir; İsmet İnönü'den Şükrü Kaya'ya mektup", "iso8859-9"),
        ("מברק מבן־גוריון למשה שרת בירושלים על השיחות עם שגרירות ארצות הברית", "cp1255"),
        ("בְּרֵאשִׁית בָּרָא אֱלֹהִים: מברק מבן־גוריון למשה שרת", "cp1255"),  # vowel points (niqqud) are in Windows-1255
        ("برقية من السفارة في القاهرة إلى وزارة الخارجية، بشأن المحادثات مع الحكومة", "cp1256"),
        # English as Windows-1252 writes it: curly quotes, dashes closed up, Australian pounds (it was read as DOS Latin-2)
        ("121. Secret Immediate Malaysia–Indonesian Policy; yesterday’s “tri-partite” meeting—Colombo Plan £A31.25m", "cp1252"),
    ],
)
def test_legacy_text_reads_as_written(text: str, encoding: str):
    decoded = decode(text.encode(encoding))
    assert decoded.text == text
    table = f"identifier,title,date\nx-1,{text},1950\n"  # as a spreadsheet saves it, with its ASCII header
    assert decode(table.encode(encoding)).text == table
    assert decoded.note.startswith("is not UTF-8; read as ") and "--encoding" in decoded.note


def test_records_of_the_real_corpora_saved_in_their_legacy_encodings_read_as_written():
    # Turkish read as Windows-1252 gave "Doðu Kolu Kumandanlýðýna"; English with curly quotes was refused as garbled
    import csv
    import io

    for corpus, mapping, encoding in [
        ("ataturk-speeches-telegrams/speeches.jsonl.gz", "ataturk", "cp1254"),
        ("dfat-documents-on-australian-foreign-policy/documents.jsonl.gz", "dfat", "cp1252"),
    ]:
        rows = []
        for record in read_file(shared_data(corpus), mapping):
            if not isinstance(record, DocumentRecord) or not record.texts:
                continue
            row = [record.identifier, record.title, " ".join(record.texts[0].body[:300].split())]
            try:
                if not "".join(row).encode(encoding).isascii():
                    rows.append(row)
            except UnicodeEncodeError:
                continue
            if len(rows) == 40:
                break
        assert len(rows) == 40, corpus
        for start in range(0, 40, 4):  # ten files of four rows each
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows([["identifier", "title", "text"], *rows[start : start + 4]])
            assert decode(out.getvalue().encode(encoding)).text == out.getvalue(), (corpus, rows[start][0])


def test_hungarian_in_iso_8859_2_reads_as_written_whichever_of_the_two_latin_2_encodings_is_named():
    # ő and ű have the same bytes in ISO-8859-2 and Windows-1250: either reading is the text
    text = HUNGARIAN.replace("–", "-")
    assert decode(text.encode("iso8859-2")).text == text


def test_utf8_and_byte_order_marks_get_no_note():
    for data in (POLISH.encode(), b"\xef\xbb\xbf" + POLISH.encode(), POLISH.encode("utf-16")):
        decoded = decode(data)
        assert (decoded.text, decoded.note) == (POLISH, "")


@pytest.mark.parametrize(
    ("data", "given"),
    [
        (codecs.BOM_UTF16_LE + POLISH.encode("utf-16-le"), "utf-16-le"),  # as an editor names UTF-16 with its byte order
        (codecs.BOM_UTF16_BE + POLISH.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF8 + POLISH.encode("cp1250"), "cp1250"),  # a UTF-8 mark a tool put before a legacy encoding's bytes
    ],
)
def test_a_byte_order_mark_is_dropped_whatever_the_encoding_given(data: bytes, given: str):
    # its mark was read as text: "\ufeff" or "ï»¿" before the first header, which then named no column Legation reads
    assert (decode(data, given).text, decode(data, given).note) == (POLISH, "")


@pytest.mark.parametrize(
    ("mark", "written", "given", "meant"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-be", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-le", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-be", "utf-32-le"),
    ],
)
def test_a_byte_order_mark_of_the_other_byte_order_than_given_fails_naming_the_one_meant(tmp_path: Path, mark, written, given, meant):
    # --encoding utf-16-be for Excel's little-endian "Unicode Text" kept U+FFFE before a header of garbled
    # characters, and said the table had no identifier column, printing 200 of them (a fresh user)
    path = tmp_path / "unicode.csv"
    path.write_bytes(mark + "identifier\ttitle\r\nd-1\tOne\r\n".encode(written))
    [error] = read_file(path, encoding=given)
    assert isinstance(error, IngestError) and error.location == "line 1"
    assert error.message == (
        f"starts with the byte order mark of {meant}, not {given} as --encoding says: its text would read as other characters; "
        f"give {meant} (or {meant[:6]}, which reads the mark), or leave the encoding out to have it detected"
    )
    assert [r.identifier for r in read_file(path, encoding=meant)] == ["d-1"]


def test_a_byte_order_mark_dropped_leaves_a_control_character_named_at_its_place(tmp_path: Path):
    path = tmp_path / "t.csv"
    path.write_bytes(codecs.BOM_UTF8 + "identifier,title\na,\u201cPeace\u201d\n".encode("cp1252"))
    [error] = list(read_file(path, encoding="latin-1"))
    assert (error.location, error.message.split(" is a control character")[0]) == ("line 2", "is not ISO-8859-1 (Latin-1), as --encoding says (byte 3 of the line, 0x93,")
    [record] = list(read_file(path, encoding="cp1252"))
    assert (record.identifier, record.title) == ("a", "\u201cPeace\u201d")


def test_mojibake_scores_worse_than_the_text():
    assert implausibility("Gomułką w Łodzi") == 0
    assert implausibility("Gomu³k¹ w £odzi") > 0  # numerals and a currency sign stuck to letters
    assert implausibility("BrŸcke") > 0  # a capital after a small letter
    assert implausibility("Pøíliš") > implausibility("Příliš")  # Danish ø among Czech letters


def test_a_koi8_r_file_is_read_as_koi8_r_with_a_note(tmp_path: Path):
    # charset-normalizer proposed Shift JIS alone: the title was stored as Windows-1250 "ôĹĚĹÇŇÁÍÍÁ ÉÚ íĎÓË×Ů …"
    path = tmp_path / "telegram.csv"
    path.write_bytes("identifier,title\nru-1,Телеграмма из Москвы о переговорах\n".encode("koi8-r"))
    note, record = list(read_file(path))
    assert record.title == "Телеграмма из Москвы о переговорах"
    assert note.message.startswith("is not UTF-8; read as KOI8-R (Cyrillic), a guess")


def test_western_text_is_not_read_as_cyrillic():
    # every byte of Windows-1252 "Zürich" decodes in Windows-1251 too, as "Zьrich": Latin and Cyrillic in one word
    assert decode(f"identifier,title\nfr-1,{FRENCH_GERMAN}\n".encode("cp1252")).encoding == "cp1252"
    assert odd_words("Zьrich, Mьller") == (2, 2) and odd_words(FRENCH_GERMAN) == (0, 7)


def test_a_file_no_candidate_reads_plausibly_is_refused_naming_it_and_the_option(tmp_path: Path):
    # Greek in the DOS code page 869: the likeliest reading is Cyrillic with capitals inside words
    path = tmp_path / "greek.csv"
    path.write_bytes("identifier,title\ngr-1,Τηλεγράφημα από την Αθήνα για τις διαπραγματεύσεις\n".encode("cp869"))
    [error] = list(read_file(path))
    assert isinstance(error, IngestError) and error.path == str(path)
    assert error.message.startswith("is not UTF-8, and no encoding Legation tries reads it plausibly: the likeliest, ")
    assert "words with letters beyond ASCII garbled" in error.message and "--encoding NAME" in error.message
    [record] = list(read_file(path, encoding="cp869"))
    assert record.title == "Τηλεγράφημα από την Αθήνα για τις διαπραγματεύσεις"
    assert odd_words("ôĹĚĹÇŇÁÍÍÁ ÉÚ íĎÓË×Ů Ď ĐĹŇĹÇĎ×ĎŇÁČ") == (4, 7)  # the KOI8-R title read as Windows-1250


def test_the_polish_file_is_read_as_windows_1250_with_a_note(tmp_path: Path):
    path = FIXTURES / "csv" / "windows-1250.csv"
    items = list(read_file(path))
    [record] = [i for i in items if isinstance(i, DocumentRecord)]
    assert record.title == "Notatka z rozmowy z Gomułką w Łodzi"
    assert [(a.name, a.names) for a in record.agents] == [("Władysław Gomułka", ["Gomułka, Władysław"])]
    assert record.texts[0].body == "Rozmowa dotyczyła sytuacji politycznej w Polsce; żądania, źródła."
    [note] = [i for i in items if isinstance(i, IngestNote)]
    assert note.path == str(path)
    assert "read as Windows-1250 (Central European), a guess" in note.message and "--encoding NAME" in note.message


def test_a_tie_names_the_other_reading_and_the_option_that_chooses_it(tmp_path: Path):
    # Two bytes of Mac Roman ("éö") read as well as Windows-1252 ("Žš"); chardet, judging the line
    # beyond ASCII, ranks Mac Roman before Windows-1252: it wins, and the note says how to choose the other
    path = tmp_path / "mac.csv"
    path.write_bytes("identifier,title\nmr-1,Mac Roman éö\n".encode("mac-roman"))
    items = list(read_file(path))
    [note] = [i for i in items if isinstance(i, IngestNote)]
    [record] = [i for i in items if isinstance(i, DocumentRecord)]
    assert record.title == "Mac Roman éö"
    assert "reads as plausibly in Windows-1252 (Western European) ('éö', or 'Žš')" in note.message and "--encoding cp1252" in note.message
    [record] = [i for i in read_file(path, encoding="cp1252") if isinstance(i, DocumentRecord)]
    assert record.title == "Mac Roman Žš"


def test_encoding_given_wins_over_the_mapping_and_gives_no_note(tmp_path: Path):
    path = tmp_path / "t.csv"
    path.write_bytes(f"No,Nadpis\n1,{CZECH}\n".encode("iso8859-2"))
    mapping = tmp_path / "m.json"
    mapping.write_text('{"columns": {"No": "identifier", "Nadpis": "title"}, "encoding": "cp1252"}', encoding="utf-8")
    [record] = list(read_file(path, mapping, encoding="iso8859-2"))
    assert record.title == CZECH
    note, record = list(read_file(path, mapping))  # the mapping's, when no --encoding: as it says, however wrong, in doubt
    assert record.title == CZECH.encode("iso8859-2").decode("cp1252")
    assert isinstance(note, IngestNote) and note.message.startswith(
        f"was read as Windows-1252 (Western European), as the mapping {mapping} says, but reads more plausibly in "
    )


def test_a_declared_encoding_another_reads_more_plausibly_is_read_with_a_note_saying_so(tmp_path: Path):
    # Windows-1252 given as Windows-1250 decodes without error, into mojibake ("Dépęche … ŕ Zürich"): said, not silent
    path = tmp_path / "fr.csv"
    path.write_bytes(f"identifier,title\nfr-1,\"{FRENCH_GERMAN}\"\n".encode("cp1252"))
    note, record = list(read_file(path, encoding="cp1250"))
    assert record.title == FRENCH_GERMAN.encode("cp1252").decode("cp1250")
    assert note.message == (
        "was read as Windows-1250 (Central European), as --encoding says, but reads more plausibly in Windows-1252 "
        "(Western European) ('Dépêche', not 'Dépęche'). If its text looks wrong, ingest it again with --encoding cp1252, "
        "or with no encoding given to have it detected"
    )
    [record] = list(read_file(path, encoding="cp1252"))  # the right one: no doubt, no note
    assert record.title == FRENCH_GERMAN
    spanish = tmp_path / "es.csv"  # "Muñoz" read as Polish "Muńoz" is as plausible: a tie is no doubt, the declared one stands
    spanish.write_bytes("identifier,title\nes-1,Carta de Muñoz\n".encode("cp1252"))
    [record] = list(read_file(spanish, encoding="cp1250"))
    assert record.title == "Carta de Muńoz"
    utf8 = tmp_path / "utf8.csv"
    utf8.write_bytes("identifier,title\nu-1,Gomułka\n".encode("utf-8"))
    note, record = list(read_file(utf8, encoding="cp1250"))  # UTF-8 given as a legacy encoding
    assert record.title == "GomuĹ‚ka" and "reads more plausibly in UTF-8 ('Gomułka', not 'GomuĹ‚ka')" in note.message


def test_bytes_not_in_the_declared_encoding_fail_the_file_saying_what_to_do(tmp_path: Path):
    path = tmp_path / "t.csv"
    path.write_bytes("identifier,title\na,Gomułka\n".encode("utf-8"))
    [error] = list(read_file(path, encoding="ascii"))
    assert isinstance(error, IngestError) and (error.location, error.message) == (
        "line 2",
        "is not ASCII, as --encoding says (byte 7 of the line, 0xC5, cannot be read as ASCII; the file may be in UTF-8): give "
        f"the file's encoding with --encoding NAME ({examples()}), or leave --encoding out to have it detected",
    )


@pytest.mark.parametrize("given", ["iso8859-15", "latin-1"])
def test_a_declared_encoding_that_reads_control_characters_fails_the_file(tmp_path: Path, given: str):
    # Windows-1252 keeps its curly quotes and dashes at 0x80–0x9F, where ISO-8859-1 and -15 have
    # C1 control characters: given for a spreadsheet's file, those were stored in its titles (a page
    # showed them as "�Peace�") with a note only.
    path = tmp_path / "t.csv"
    path.write_bytes("identifier,title\na,Caf\u00e9 in Z\u00fcrich\nb,\u201cPeace\u201d talks \u2013 Geneva\n".encode("cp1252"))
    [error] = list(read_file(path, encoding=given))
    name = "ISO-8859-15 (Latin-9)" if given == "iso8859-15" else "ISO-8859-1 (Latin-1)"
    assert isinstance(error, IngestError) and (error.location, error.message) == (
        "line 3",
        f"is not {name}, as --encoding says (byte 3 of the line, 0x93, is a control character in it, never text; the file may "
        f"be in Windows-1252 (Western European)): give the file's encoding with --encoding NAME ({examples()}), or leave "
        "--encoding out to have it detected",
    )
    assert [r.title for r in read_file(path, encoding="cp1252")] == ["Café in Zürich", "“Peace” talks – Geneva"]


def test_encoding_names_are_checked():
    assert (check_encoding("Windows-1250"), check_encoding("macroman"), check_encoding("latin2")) == ("cp1250", "mac-roman", "iso8859-2")
    for bad in ("bogus", "base64"):
        with pytest.raises(ValueError, match="give"):
            check_encoding(bad)


def test_a_mapping_with_an_unknown_encoding_is_refused(tmp_path: Path):
    from legation.ingest.mappings import load_mapping

    mapping = tmp_path / "m.json"
    mapping.write_text('{"columns": {"No": "identifier"}, "encoding": "win-1250"}', encoding="utf-8")
    with pytest.raises(IngestError, match="unknown encoding 'win-1250'"):
        load_mapping(mapping)


@pytest.mark.parametrize(
    "text",
    [
        "Adenauer´s Antwort an l´ambassadeur",  # an acute accent typed for the apostrophe: refused as garbled ISO-8859-15 "AdenauerŽs"
        "Œuvres complètes, été à Zürich",  # it reads the same in ISO-8859-15: named as Windows-1252, not Latin-9
    ],
)
def test_windows_1252_files_a_fresh_user_wrote_read_as_written(text: str):
    decoded = decode(f"identifier,title\nx-1,{text}\n".encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (f"identifier,title\nx-1,{text}\n", "cp1252")


def test_a_table_whose_rows_are_in_several_western_languages_reads_as_windows_1252():
    """Müller, Mendès-France and Søren Ørsted hold letters no one alphabet has; read as Windows-1250
    each row is Czech letters alone ("Mendčs-France", "Sřren Řrsted"), and won: the accents of a
    fresh archivist's table garbled, and a corrected file overwrote good records with them. Each
    line is judged by the alphabet that holds most of its own accented letters."""
    text = (
        "identifier,title,recipient,text\n"
        "w51,Brief von Müller an Brandt,Willy Brandt,Über die Lage in Berlin\n"
        "w52,Note de Mendès-France,Ministère des Affaires étrangères,Réponse à la note\n"
        "w53,Letter from Søren Ørsted,Foreign Office,Smørrebrød and “diplomacy”\n"
    )
    decoded = decode(text.encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (text, "cp1252")


def test_a_file_is_judged_by_its_lines_beyond_ascii_wherever_they_stand():
    # a Polish row after 2 MB of ASCII was judged by the ASCII alone: stored as Windows-1252 "Gomu³ki w £odzi"
    text = "identifier,title\n" + "".join(f"a{i},row number {i} of the register\n" for i in range(60000)) + "p1,Notatka z rozmowy z Gomułki w Łodzi\n"
    assert len(text) > 2_000_000 and decode(text.encode("cp1250")).text == text
    assert decode("identifier,title\nx,Łódź\n".encode("cp1250")).text == "identifier,title\nx,Łódź\n"  # £ beside Û passed as a currency


def test_a_utf8_file_with_a_row_in_another_encoding_is_refused_naming_the_line(tmp_path: Path):
    # read as a whole in ISO-8859-15 it stored every UTF-8 row as mojibake ("ZÃ¼rich")
    path = tmp_path / "mixed.csv"
    path.write_bytes("identifier,title\nu1,Zürich über die Brücke\nu2,Gomułka w Łodzi\n".encode() + "w1,Müller café\n".encode("cp1252"))
    [error] = list(read_file(path))
    assert isinstance(error, IngestError) and (error.path, error.location) == (str(path), "line 4")
    assert error.message == (
        "is UTF-8 but for 2 bytes that are not (5 characters beyond ASCII read as UTF-8; the first that cannot, byte 5 of the line, "
        "0xFC): some rows were saved in another encoding; retype or correct them and save the whole file as UTF-8"
    )
    assert decode("x,Müller café\n".encode("cp1252")).note.startswith("is not UTF-8; read as ")  # no UTF-8 in it: guessed as before
    # one row of each: it was guessed as ISO-8859-15, the UTF-8 row stored as "ZÃŒrich" (a fresh archivist)
    one_each = tmp_path / "one-each.csv"
    one_each.write_bytes("identifier,title\nu-1,Zürich\n".encode() + "u-2,Zürich\nu-3,ok\n".encode("cp1252"))
    [error] = list(read_file(one_each))
    assert isinstance(error, IngestError) and error.location == "line 3" and error.message.startswith("is UTF-8 but for 1 byte that is not (1 character beyond ASCII read as UTF-8")
    # given, it is used, and the note says what is wrong
    note, *records = list(read_file(path, encoding="mac-roman"))
    assert len(records) == 3 and records[0].title == "Zürich über die Brücke".encode().decode("mac-roman")
    assert note.message.startswith("was read as Mac Roman, as --encoding says, but most of it is UTF-8 (line 4 holds the first byte")
    # in ISO-8859-15 the second byte of UTF-8's "ł" (0x82) is a control character: refused, as UTF-8
    [error] = list(read_file(path, encoding="iso8859-15"))
    assert (error.location, error.message.split(": give")[0]) == (
        "line 3",
        "is not ISO-8859-15 (Latin-9), as --encoding says (byte 9 of the line, 0x82, is a control character in it, never text; the file may be in UTF-8)",
    )


def test_a_codec_that_reads_no_text_is_refused_as_an_encoding():
    with pytest.raises(ValueError, match="'undefined' reads no text; give an encoding such as utf-8"):
        check_encoding("undefined")


@pytest.mark.parametrize(
    ("row", "encoding"),
    [
        ("v-last,מכתב,השגריר דיווח על השיחה.", "cp1255"),  # read as Windows-1251 "олъб"
        ("v-last,برقية,أعلن الرئيس تأميم القناة.", "cp1256"),
        ("v-last,Τηλεγράφημα,Ο πρέσβης ανέφερε για τις συνομιλίες.", "cp1253"),
        ("bt-last,İstanbul raporu,Dışişleri Bakanlığı; ağır şartlar.", "cp1254"),  # read as Windows-1252 "Dýþiþleri"
    ],
)
def test_a_row_beyond_ascii_after_rows_of_ascii_reads_as_written(row: str, encoding: str):
    # chardet judged the whole file, mostly English, and ranked the Western code pages first (a fresh user's files)
    text = "identifier,title,text\n" + "".join(f"v-{i},Report number {i},The ambassador reported on the talks.\n" for i in range(10)) + row + "\n"
    assert decode(text.encode(encoding)).text == text



@pytest.mark.parametrize("mark", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8 + codecs.BOM_UTF16_LE])
def test_a_file_holding_a_byte_order_mark_alone_is_empty(tmp_path: Path, mark: bytes):
    # read as Windows-1251, its header 'яю': "has no identifier column" (a fresh user)
    path = tmp_path / "empty.csv"
    path.write_bytes(mark)
    [error] = read_file(path)
    assert isinstance(error, IngestError) and error.message == "is empty; give a header row and one row per document"


ENGLISH_TABLE = "identifier,title,date\r\nd-1,Telegram From the Embassy in Moscow,1949-12-22\r\nd-2,Memorandum of Conversation,1950\r\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_table_in_utf16_or_utf32_without_a_byte_order_mark_is_read_as_written(tmp_path: Path, encoding: str):
    # ASCII text in UTF-16 or UTF-32 is valid UTF-8, NULs between its letters: it was read so and failed as
    # having no identifier column (headers ['\x00i\x00d\x00e…'])
    path = tmp_path / "table.csv"
    path.write_bytes(ENGLISH_TABLE.encode(encoding))
    items = list(read_file(path))
    records = [item for item in items if isinstance(item, DocumentRecord)]
    assert [(r.identifier, r.title) for r in records] == [("d-1", "Telegram From the Embassy in Moscow"), ("d-2", "Memorandum of Conversation")]
    [note] = [item for item in items if isinstance(item, IngestNote)]
    assert f"read as {encoding}" in note.message


def test_utf8_with_a_stray_nul_is_not_taken_for_utf16():
    from legation.ingest.encodings import wide_without_mark

    assert wide_without_mark(ENGLISH_TABLE.encode() + b"\x00") == ""
    assert wide_without_mark("Pékin\x00 et Moscou".encode()) == ""
    assert wide_without_mark("北京上海广州深圳".encode("utf-16-be")) == ""  # no NUL at all: told by the guess, not here
    # binary data whose NULs fall where UTF-32's would (a PNG's header) is no such text: it was named UTF-32, not binary
    assert wide_without_mark(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe") == ""


@pytest.mark.parametrize(
    ("written", "cut", "named", "why", "line"),
    [
        (ENGLISH_TABLE.encode("utf-16-le"), 1, "UTF-16 (little-endian)", "its {size:,} bytes are no whole number of 2-byte units", 3),
        (ENGLISH_TABLE.encode("utf-16-be"), 1, "UTF-16 (big-endian)", "its {size:,} bytes are no whole number of 2-byte units", 3),
        (codecs.BOM_UTF16_BE + ENGLISH_TABLE.encode("utf-16-be"), 1, "UTF-16 (big-endian)", "its {size:,} bytes are no whole number of 2-byte units", 3),
        (ENGLISH_TABLE.encode("utf-32-le"), 3, "UTF-32 (little-endian)", "its {size:,} bytes are no whole number of 4-byte units", 3),
        # a character beyond U+FFFF written as two 16-bit units, the file cut between them
        ((ENGLISH_TABLE + "d-3,𝄞").encode("utf-16-le"), 2, "UTF-16 (little-endian)", "its last character is half of a surrogate pair", 4),
    ],
)
def test_a_utf16_or_utf32_table_cut_inside_a_character_is_told_so(tmp_path: Path, written: bytes, cut: int, named: str, why: str, line: int):
    # (line: the table's last, in which it ends; the first three cut inside its last line feed) it was "neither UTF-8 nor in a legacy encoding Legation recognises", which sent the archivist to look for an encoding
    path = tmp_path / "table.csv"
    path.write_bytes(written[:-cut])
    size = len(written) - cut
    said = f"is {named} text cut short: it ends inside a character ({why.format(size=size)}), as a file does that was truncated in copying; copy or save it again whole, best as UTF-8"
    [error] = read_file(path)
    assert isinstance(error, IngestError) and error.message == said
    # given as the file's encoding, the last byte was "not utf-16-le … byte 48 of the line, 0x0A, cannot be read"
    with pytest.raises(IngestError) as given:
        decode(written[:-cut], named[:6].lower() + ("-le" if "little" in named else "-be"), path="table.csv")
    assert (given.value.message, given.value.location) == (said, f"line {line}")


def test_the_encodings_named_as_examples_include_utf16_with_its_byte_order():
    # a BOM-less UTF-16 file is told by its byte order: the examples must name such an encoding as --encoding takes it
    assert "utf-16-le" in examples() and "utf-16-be" in examples()
    assert [check_encoding(name) for name in ("utf-16-le", "utf-16-be")] == ["utf-16-le", "utf-16-be"]
