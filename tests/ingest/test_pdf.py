"""PDF reader: a text layer with ligatures, a scanned page read by OCR, broken files; values read
from the fixtures (two FRUS telegrams of 1949, see tests/fixtures/pdf/README.md) by hand."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from legation.errors import IngestError
from legation.ingest.readers import files_to_read, read_file
from legation.ingest.readers import pdf
from legation.ingest.readers.jsonl import read_jsonl, write_jsonl
from legation.ingest.service import delete_documents, ingest_records
from legation.records.document_record import DocumentRecord
from legation.records.serialize import load_records
from tests.conftest import FIXTURES, single_record

PDF = FIXTURES / "pdf"
BATAVIA = PDF / "batavia-telegram-61.pdf"
SCANNED = PDF / "scanned-telegram-868.pdf"
HYPHENS = PDF / "line-end-hyphens.pdf"
FOOTNOTED = PDF / "footnote-marks.pdf"


def items_of(path: Path) -> tuple[list[DocumentRecord], list[IngestError]]:
    items = list(read_file(path))
    return [i for i in items if isinstance(i, DocumentRecord)], [i for i in items if isinstance(i, IngestError)]


def no_ocr(page, language):
    raise AssertionError("a page with a text layer must not be sent to OCR")


def test_text_layer_with_ligatures_keeps_page_numbers(monkeypatch):
    assert b"<FB01>" in BATAVIA.read_bytes()  # the text layer maps a glyph to U+FB01 "ﬁ" (ToUnicode CMap)
    monkeypatch.setattr(pdf, "_ocr", no_ocr)
    r = single_record(read_file(BATAVIA))
    assert r.identifier == "batavia-telegram-61"
    assert r.title == "The Consul General at Batavia (Livengood) to the Acting Secretary of State"  # /Title
    assert r.summary == "Telegram 61, Batavia, January 10, 1949 (FRUS 1949, vol. VII, part 1, document 107)"  # /Subject
    assert r.language == "en"  # /Lang en-US
    assert (r.date_text, r.date_edtf) == ("", "")  # /CreationDate 2024-03-01 is the file's day, not the telegram's
    assert r.source_note == "PDF file batavia-telegram-61.pdf, 2 pages."
    [text] = r.texts
    assert (text.kind, text.language, text.footnotes) == ("transcript", "en", [])
    paragraphs = text.body.split("\n\n")
    assert paragraphs[:4] == [
        "[p. 1]",
        "The Consul General at Batavia (Livengood) to the Acting Secretary of State",  # two printed lines
        "Batavia, January 10, 1949—11 p. m.",
        "61. Gocus 535. Following letter delivered today to chairman Nethdel by Herremans, GOC chairman of week:",
    ]
    assert paragraphs.index("[p. 2]") == 6
    assert paragraphs[7].startswith("GOC wishes see and speak to President and his colleagues. If these Repub officials desire")
    assert "(4) Opportunity might be offered for brief private conversation and obtaining confidential information of value" in paragraphs[9]
    assert paragraphs[-1] == "Livengood"
    assert not {"\ufb00", "\ufb01", "\ufb03", "\ufffe"} & set(text.body)


@pytest.mark.django_db
def test_search_for_confidential_finds_the_ligature_text(seed_archive):
    from legation.search.follower import follow_once
    from legation.search.service import SearchRequest, search

    report = ingest_records(read_file(BATAVIA))
    assert (report.added, report.failed) == (["batavia-telegram-61"], [])
    follow_once()
    for word in ("confidential", "officials", "offered"):  # printed as "conﬁdential", "oﬃcials", "oﬀered"
        result = search(SearchRequest(q=word))
        assert [h.identifier for h in result.hits] == ["batavia-telegram-61"], word
    [hit] = search(SearchRequest(q="confidential")).hits
    assert "<mark>confidential</mark> information" in hit.snippet_html


@pytest.mark.django_db
def test_line_end_hyphens_keep_compounds_and_join_words(db):
    """PDFium gives a hyphen ending a printed line as U+FFFE with no line break ("Sino\ufffeSoviet");
    it is a line-end hyphen for join_lines, not a control character to drop ("SinoSoviet")."""
    from legation.search.service import SearchRequest, search
    from tests.conftest import ingested_archive

    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(HYPHENS))
    try:
        assert "Sino\ufffeSoviet" in document[0].get_textpage().get_text_range()
    finally:
        document.close()
    body = single_record(read_file(HYPHENS)).texts[0].body
    assert body == "[p. 1]\n\nAfter the Anglo-American talks the Sino-Soviet treaty went to the Department of State."
    for _ in ingested_archive(read_file(HYPHENS)):
        for word in ("Soviet", "American", "Sino", "Department"):
            assert [h.identifier for h in search(SearchRequest(q=word)).hits] == ["line-end-hyphens"], word


@pytest.mark.django_db
def test_superscript_footnote_marks_are_not_glued_to_words(db):
    """NFKC makes "¹" a "1": after a letter it is set apart first, "treaty¹" → "treaty 1", not "treaty1"."""
    from legation.search.service import SearchRequest, search
    from tests.conftest import ingested_archive

    body = single_record(read_file(FOOTNOTED)).texts[0].body
    assert body == "[p. 1]\n\nThe treaty 1 was signed at Moscow with the agreements 2 on Port Arthur and Dairen.3"
    for _ in ingested_archive(read_file(FOOTNOTED)):
        for word in ("treaty", "agreements"):
            assert [h.identifier for h in search(SearchRequest(q=word)).hits] == ["footnote-marks"], word


@pytest.mark.django_db
def test_reingest_is_unchanged_and_export_round_trip_is_exact(tmp_path: Path):
    first = ingest_records(read_file(BATAVIA))
    assert first.added == ["batavia-telegram-61"]
    again = ingest_records(read_file(BATAVIA))
    assert (again.unchanged, again.updated, again.added) == (["batavia-telegram-61"], [], [])
    read = single_record(read_file(BATAVIA)).validate()
    exported = tmp_path / "export.jsonl"
    with exported.open("w", encoding="utf-8") as handle:
        assert write_jsonl(load_records(), handle) == 1
    assert json.loads(exported.read_text(encoding="utf-8")) == read.to_dict()
    assert delete_documents(["batavia-telegram-61"]) == ["batavia-telegram-61"]
    assert ingest_records(read_jsonl(exported)).added == ["batavia-telegram-61"]
    [stored] = load_records()
    assert stored.to_dict() == read.to_dict()
    assert ingest_records(read_file(BATAVIA)).unchanged == ["batavia-telegram-61"]


def test_scanned_page_is_read_by_ocr():
    if missing := pdf._ocr_missing():
        pytest.skip(f"OCR is not available here ({missing}); install tesseract-ocr and tesseract-ocr-eng (Debian) to run this test")
    r = single_record(read_file(SCANNED))
    assert r.identifier == "scanned-telegram-868"
    assert r.title == "Telegram 868 to the Embassy in the Netherlands (scan)"
    assert r.source_note == "PDF file scanned-telegram-868.pdf, 1 page. Text of page 1 read by OCR (Tesseract)."
    body = r.texts[0].body
    assert body.startswith("[p. 1, OCR]\n\n")
    for words in ("868. Ushic 24. Neth Amb Wash", "alarming unwillingness proceed negots", "Palar’s influence", "RepDel at Hague"):
        assert words in body, words


def test_without_ocr_the_record_keeps_the_page_marker_and_an_error_says_what_to_install(monkeypatch):
    monkeypatch.setattr(pdf, "_ocr_missing", lambda: "the tesseract program is not on PATH")
    [r], [error] = items_of(SCANNED)
    assert r.texts[0].body == "[p. 1: no text layer, not read]"
    assert r.source_note == "PDF file scanned-telegram-868.pdf, 1 page."
    assert (error.path, error.location) == (str(SCANNED), "page 1")
    assert error.message.startswith("has no text layer and OCR is not available (the tesseract program is not on PATH): document scanned-telegram-868 is stored without its text; install Tesseract")
    assert "apt-get install tesseract-ocr tesseract-ocr-eng" in error.message and "uv sync --extra ocr" in error.message
    assert "ingest the file again" in error.message


def test_ocr_missing_is_detected(monkeypatch):
    pytesseract = pytest.importorskip("pytesseract")
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    assert pdf._ocr_missing.__wrapped__() == "the tesseract program is not on PATH"
    monkeypatch.setitem(sys.modules, "pytesseract", None)  # as when the extra is not installed
    assert pdf._ocr_missing.__wrapped__() == "the Python package pytesseract is not installed"


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("truncated.pdf", "is truncated: it ends without %%EOF (13,223 bytes); copy it again from its source"),
        ("not-a-pdf.pdf", "is not a PDF: it does not start with %PDF-, and looks like an HTML or XML page (a failed download?)"),
        ("encrypted-telegram.pdf", "is encrypted and opens only with a password; save a copy without the password (qpdf --decrypt"),
    ],
)
def test_broken_files_give_one_error_naming_the_file(name: str, says: str):
    [error] = list(read_file(PDF / name))
    assert isinstance(error, IngestError) and error.path == str(PDF / name) and error.location == ""
    assert error.message.startswith(says)


def test_padding_after_eof_is_read(tmp_path: Path):
    """Scanners and transfer tools pad a file after %%EOF: 4 KiB of NULs (or newlines) is no truncation."""
    for name, padding in (("nul-padded.pdf", b"\x00" * 4096), ("newline-padded.pdf", b"\n" * 4096)):
        padded = tmp_path / name
        padded.write_bytes(BATAVIA.read_bytes() + padding)
        r = single_record(read_file(padded))
        assert r.texts[0].body == single_record(read_file(BATAVIA)).texts[0].body, name
    cut = tmp_path / "truncated-padded.pdf"
    cut.write_bytes((PDF / "truncated.pdf").read_bytes() + b"\x00" * 4096)
    [error] = list(read_file(cut))
    assert error.message.startswith("is truncated: it ends without %%EOF (17,319 bytes)")


def test_damaged_and_empty_files(tmp_path: Path):
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n" + b"\x00garbage " * 200 + b"\n%%EOF\n")
    [error] = list(read_file(damaged))
    assert error.message.startswith("is damaged and cannot be opened (Failed to load document (PDFium: Data format error).)")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    [error] = list(read_file(empty))
    assert error.message == "is empty (0 bytes); copy the PDF again from its source"


@pytest.mark.django_db
def test_a_folder_ingests_the_good_pdfs_and_reports_the_broken(monkeypatch):
    monkeypatch.setattr(pdf, "_ocr_missing", lambda: "the tesseract program is not on PATH")  # fast and the same everywhere
    files = files_to_read([PDF])
    assert [f.name for f in files] == [
        "batavia-telegram-61.pdf", "encrypted-telegram.pdf", "footnote-marks.pdf", "line-end-hyphens.pdf",
        "not-a-pdf.pdf", "scanned-telegram-868.pdf", "truncated.pdf"]
    report = ingest_records(item for path in files for item in read_file(path))
    assert report.added == ["batavia-telegram-61", "footnote-marks", "line-end-hyphens", "scanned-telegram-868"]
    assert [f.where.rsplit("/", 1)[-1] for f in report.failed] == [
        "encrypted-telegram.pdf", "not-a-pdf.pdf", "scanned-telegram-868.pdf, page 1", "truncated.pdf"]


def test_pages_beyond_the_limit_are_reported(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_PAGES", 1)
    [r], [error] = items_of(BATAVIA)
    assert r.texts[0].body.startswith("[p. 1]") and "[p. 2]" not in r.texts[0].body
    assert r.source_note == "PDF file batavia-telegram-61.pdf, 2 pages."
    assert error.location == "page 2" and error.message.startswith("has 2 pages; Legation read the first 1 as one document; split the file")


def test_many_pages_are_read_in_little_memory(tmp_path: Path):
    """600 pages (the fixture's two, 300 times over): PDFium would keep every parsed page's fonts
    (about 100 MB here) unless the file is reopened as it is read."""
    import pypdfium2 as pdfium

    big = tmp_path / "big.pdf"
    source, document = pdfium.PdfDocument(str(BATAVIA)), pdfium.PdfDocument.new()
    for _ in range(300):
        document.import_pages(source)
    document.save(str(big))
    document.close()
    source.close()
    script = (
        "import resource, sys; from pathlib import Path; from legation.ingest.readers.pdf import read_pdf\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "[record] = read_pdf(Path(sys.argv[1]))\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before, record.texts[0].body.count('[p. '))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(big)], capture_output=True, text=True, check=True).stdout
    grown_kb, pages = map(int, out.split())
    assert pages == 600
    assert grown_kb < 60_000, f"reading 600 pages grew the process by {grown_kb:,} KB"


@pytest.mark.parametrize(
    ("lines", "paragraph"),
    [
        (["Depart-", "ment of State"], "Department of State"),
        (["para\ufffe", "graph"], "paragraph"),  # PDFium's mark for a hyphen it found at a line end
        (["the Sino\ufffe", "Soviet treaty"], "the Sino-Soviet treaty"),
        (["ends the Sino\ufffe"], "ends the Sino-"),  # the word goes on in the next paragraph or page
        (["con\u00ad", "sultations"], "consultations"),
        (["the Sino-", "Soviet treaty"], "the Sino-Soviet treaty"),
        (["in 1949-", "50 the"], "in 1949-50 the"),
        (["  two ", "", " lines  "], "two lines"),
        (["a dash -", "then"], "a dash - then"),
    ],
)
def test_join_lines(lines: list[str], paragraph: str):
    assert pdf.join_lines(lines) == paragraph


def test_normalize_and_names():
    assert pdf.normalize_text("con\ufb01dential  o\ufb03cials\u00a0\x00ſtate ＡＢ") == "confidential officials state AB"
    assert pdf.normalize_text("treaty\u00b9 o\ufb03cials\u00b2\u00b3 H\u2082O x\u2070\u2074\u2079 y\u2080\u2089 1950\u00b9") == (
        "treaty 1 officials 23 H 2O x 049 y 09 19501")  # a mark after a digit stays with it
    assert pdf.identifier_for("Telegram 61 (Batavia)") == "telegram-61-batavia"
    assert pdf.identifier_for("Björkman_Brief") == "bjorkman-brief"
    assert pdf.identifier_for("电报 1") == "电报-1"
    assert pdf._title("Microsoft Word - Memo to Kissinger.docx", "x") == "Memo to Kissinger"
    assert pdf._title("Scan0001", "Telegram_61") == "Telegram 61"
    assert pdf._page_list([2, 5, 6, 7]) == "pages 2, 5–7"


def test_a_pdf_whose_every_page_is_blank_is_stored_with_a_note_saying_so(tmp_path: Path):
    # a PDF of one empty page was stored as a document whose text is "[p. 1]", without a word
    import pypdfium2 as pdfium

    from legation.errors import IngestNote

    blank = tmp_path / "blank.pdf"
    document = pdfium.PdfDocument.new()
    document.new_page(612, 792)
    document.new_page(612, 792)
    document.save(str(blank))
    document.close()
    record, note = pdf.read_pdf(blank)
    assert record.texts[0].body == "[p. 1]\n\n[p. 2]" and isinstance(note, IngestNote)
    assert note.message.startswith("holds no text: its 2 pages are blank, with nothing drawn on them; document blank is stored with its title alone")
    # a file with text on one page and a blank one says nothing of the blank page
    assert [type(item).__name__ for item in pdf.read_pdf(BATAVIA)] == ["DocumentRecord"]
