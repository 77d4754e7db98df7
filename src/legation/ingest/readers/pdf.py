"""Reader for PDF files: one file is one document, its text read from the PDF's text layer, and
through OCR (Tesseract) for the pages that have none.

Source format: PDF (ISO 32000-1:2008, "PDF 32000", and its later versions), read with PDFium through
pypdfium2 page by page: a page is loaded, read and closed before the next, and the file is reopened
every 100 pages (PDFium keeps what it parsed until the file is closed), so a file of thousands of
pages needs little more memory than its text. One file gives one :class:`DocumentRecord`::

    identifier   the file name's stem, slugified: "Telegram 61 (Batavia).pdf" → "telegram-61-batavia";
                 a stem with letters of other scripts keeps them ("电报 1.pdf" → "电报-1").
                 Stable across re-ingests of the file; two files of one name in different folders
                 are one document (rename one), and a file named like a document already stored
                 (``frus1949v07p1-d107.pdf``) updates that document
    title        the document information dictionary's /Title (PDF 32000 §14.3.3), a word processor's
                 "Microsoft Word - " prefix and a trailing file extension dropped; when that leaves
                 nothing or a scanner's name ("Scan0001", "untitled"), the file stem, "_" as spaces
    summary      /Subject (PDF 32000 §14.3.3: "the subject of the document")
    language     the document catalog's /Lang (a BCP 47 tag, PDF 32000 §14.9.2), its primary subtag
                 lower-cased ("en-US" → "en"); "und" (undetermined) when the file has none
    date_*       empty: /CreationDate and /ModDate say when the file was made (for a scan, the day it
                 was scanned), not when the document was written; a curator dates it
    source_note  "PDF file NAME, N pages.", and "Text of pages 2–3 read by OCR (Tesseract)." when so
    texts        one transcript in the record's language (below)

Text: PDFium's text of each page, its lines joined into paragraphs (a new paragraph where the gap
to the next line is more than 1.4 times the page's usual line spacing, or where the text moves up
the page), then normalized to Unicode NFKC (Unicode Standard Annex #15): compatibility characters
become what they stand for, so the ligature "ﬁ" (U+FB01) in "conﬁdential" is searched as
"confidential", "ſ" as "s", full-width "Ａ" as "A"; a superscript or subscript digit after a letter
(a footnote mark) is first set apart, so "treaty¹" is "treaty 1", not "treaty1". (PDFium already splits the common ligatures; NFKC
covers the rest and the OCR text.) A word broken across a line end is joined: "Depart-" + "ment" →
"Department" when a lower-case letter comes before the hyphen and after it (the printer's
hyphenation of a word), "Sino-" + "Soviet" → "Sino-Soviet" otherwise; a compound broken at its own
hyphen before a lower-case letter ("self-" + "evident") loses its hyphen. PDFium gives a hyphen
ending a printed line as U+FFFE with no line break after it ("Sino\ufffeSoviet"): the line ends
there, and the rule above decides.

Pages: the body keeps each page's number (the page's position in the file, from 1; printed page
labels are not used) as a paragraph of its own before the page's text, so the document page shows
where each page begins, a snippet's neighbourhood tells the page, and Legation JSON Lines keeps it
as part of the body (export and ingest reproduce it exactly)::

    [p. 1]                              a page read from its text layer
    [p. 2, OCR]                         a page without a text layer, read by Tesseract
    [p. 3: no text layer, not read]     no text layer and OCR not installed
    [p. 4: not readable]                PDFium could not load the page (or OCR failed on it)

A page with no text layer and nothing drawn on it (a blank page) keeps its marker only.

OCR: pages without a text layer are rendered at 300 dpi (fewer for pages larger than A3) in
grey and read by Tesseract through pytesseract, in the language of /Lang when Tesseract has it,
else English. OCR is optional: it needs the ``tesseract`` program (Debian: ``tesseract-ocr`` and a
language package such as ``tesseract-ocr-eng``) and Legation's ``ocr`` extra (pytesseract). Without
them the record is made from the pages that have a text layer and an :class:`IngestError` names the
pages left unread and how to install OCR; ingesting the file again afterwards updates the record.

Errors: a file that is empty, is not a PDF (no ``%PDF-`` header in its first 1024 bytes, PDF 32000
§7.5.2), is truncated (no ``%%EOF`` in its last 64 KiB, §7.5.5: padding after it is allowed), is encrypted with a password
(§7.6), or that PDFium cannot open raises :class:`IngestError` naming the file and what to do. A page
that cannot be read, or on which OCR fails, yields an IngestError located at "page N" beside the
record. A file of more than :data:`MAX_PAGES` pages is read up to that page and reported.
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import re
import statistics
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from legation.errors import IngestError, IngestNote
from legation.ingest.slugs import stable_slug
from legation.printable import number_runs
from legation.search.analyzers import drop_invisible
from legation.records.document_record import DocumentRecord, RecordError, TextRecord
from legation.records.languages import language_tag

MAX_PAGES = 20_000
PAGES_PER_OPENING = 100
OCR_DPI = 300
OCR_MAX_PIXELS = 50_000_000  # 300 dpi up to A3; larger pages are rendered at fewer dots per inch
OCR_TIMEOUT_SECONDS = 300  # per page; a page Tesseract cannot finish by then is reported, not waited for
# %%EOF is looked for this far from the end: scanners and transfer tools pad a file after it (NULs, newlines)
EOF_SEARCH_BYTES = 64 * 1024
PARAGRAPH_GAP = 1.4  # a line gap this many times the usual line spacing starts a paragraph
INSTALL_OCR = (  # no square brackets ("legation[ocr]"): the command line prints messages as rich markup
    "install Tesseract (Debian: apt-get install tesseract-ocr tesseract-ocr-eng) and Legation's extra named ocr "
    "(uv sync --extra ocr; pip: the package pytesseract), then ingest the file again"
)
# ISO 639-1 (the /Lang primary subtag) → Tesseract's traineddata names, for the languages of the sources
TESSERACT_LANGUAGES = {
    "en": "eng", "de": "deu", "fr": "fra", "it": "ita", "es": "spa", "pt": "por", "nl": "nld", "ru": "rus",
    "uk": "ukr", "pl": "pol", "cs": "ces", "hu": "hun", "ro": "ron", "tr": "tur", "el": "ell", "sv": "swe",
    "zh": "chi_sim", "ja": "jpn", "ko": "kor", "vi": "vie", "id": "ind", "ar": "ara", "fa": "fas", "he": "heb",
}
_HYPHENS = "-\u00ad\u2010\ufffe\x02"  # PDFium marks a hyphen it found at a line end as U+FFFE (U+0002 per char)
# A printed line: up to a line break, or up to and with a line-end hyphen mark, which PDFium gives
# with no line break after it ("Sino\ufffeSoviet"), so that join_lines decides what the hyphen becomes
_LINE = re.compile(r"[^\r\n\ufffe\x02]*[\ufffe\x02]?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
# A superscript or subscript digit after a letter (a footnote mark, "treaty¹"): NFKC would make it a
# digit of the word ("treaty1"), so a space goes before it
_MARK_AFTER_LETTER = re.compile(r"(?<=[^\W\d_])([\u00b9\u00b2\u00b3\u2070\u2074-\u2079\u2080-\u2089]+)")
_SPACES = re.compile(r"[ \t\u00a0]+")
_GENERIC_TITLE = re.compile(r"(?i)(untitled|document\d*|scan[\s_-]*\d*|img[\s_-]*\d+|image\d*|\d+)")
_EXTENSION = re.compile(r"(?i)\.(pdf|docx?|odt|rtf|wpd|txt|tiff?|jpe?g|png|xlsx?|pptx?)$")
_WORD_PROCESSOR = re.compile(r"(?i)^microsoft (word|excel|powerpoint) - ")
_MAGIC = {
    b"PK\x03\x04": "a ZIP file (a .docx, .odt or .zip?)", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
    b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image", b"GIF8": "a GIF image", b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"{\\rtf": "an RTF file", b"<": "an HTML or XML page (a failed download?)", b"\x1f\x8b": "a gzip file",
}


@dataclass
class _Pages:
    """What happened to the pages of one file, for the body, the source note and the errors."""

    count: int = 0
    texts: list[str] = field(default_factory=list)
    ocr: list[int] = field(default_factory=list)
    unread: list[int] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)


def read_pdf(path: Path) -> Iterator[DocumentRecord | IngestError | IngestNote]:
    """Yield the one :class:`DocumentRecord` of a PDF file, then an :class:`IngestError` for each
    page left unread (located "page N", or "pages 2, 5–7" for pages without a text layer when OCR
    is not installed), and an :class:`IngestNote` when every page is blank. Raises IngestError when
    the file cannot be opened at all (empty, not a PDF, truncated, password-protected, damaged)."""
    path = Path(path)
    _check_envelope(path)
    document = _open(path)
    try:
        metadata = document.get_metadata_dict()
        language = _catalog_language(document)
        count = len(document)
    finally:
        document.close()
    pages = _read_pages(path, count, language)
    stem = path.name[: -len(".pdf")] if path.name.lower().endswith(".pdf") else path.stem
    source_note = f"PDF file {path.name}, {pages.count} page{'s' if pages.count != 1 else ''}."
    if pages.ocr:
        source_note += f" Text of {_page_list(pages.ocr)} read by OCR (Tesseract)."
    try:
        record = DocumentRecord(
            identifier=identifier_for(stem),
            title=_title(metadata.get("Title", ""), stem),
            summary=normalize_text(metadata.get("Subject", "")),
            language=language or "und",
            source_note=source_note,
            texts=[TextRecord(kind="transcript", language=language or "und", body="\n\n".join(pages.texts))],
        ).validate()
    except RecordError as exc:
        raise IngestError(str(path), f"{exc}; rename the file") from exc
    yield record
    yield from pages.errors
    if pages.count and all(re.fullmatch(r"\[p\. \d+\]", t) for t in pages.texts):  # every page blank: nothing drawn on any
        yield IngestNote(
            str(path),
            f"holds no text: {'its page is' if pages.count == 1 else f'its {pages.count:,} pages are'} blank, with nothing drawn "
            f"on {'it' if pages.count == 1 else 'them'}; document {record.identifier} is stored with its title alone. Check "
            "that this is the file meant (a scan exported without its images?)",
        )
    if pages.unread:
        one = len(pages.unread) == 1
        yield IngestError(
            str(path),
            f"{'has' if one else 'have'} no text layer and OCR is not available ({_ocr_missing()}): document "
            f"{record.identifier} is stored without {'its' if one else 'their'} text; " + INSTALL_OCR,
            _page_list(pages.unread),
        )


def identifier_for(stem: str) -> str:
    """A record identifier from a file name's stem: its ASCII slug when its letters are Latin (accents
    dropped), else its own letters and digits lower-cased and hyphenated; at most 200 characters.
    ``"Telegram 61 (Batavia)"`` → ``"telegram-61-batavia"``, ``"电报 1"`` → ``"电报-1"``."""
    letters = [c for c in unicodedata.normalize("NFKD", stem) if c.isalnum()]
    if letters and all(c.isascii() for c in letters):
        ident = stable_slug(stem)  # an identifier: a permalink, never re-slugged
    else:  # an ASCII slug would drop the letters that are not Latin
        ident = re.sub(r"[\W_]+", "-", unicodedata.normalize("NFKC", stem).lower())
    return ident[:200].strip("-")


def normalize_text(text: str) -> str:
    """Unicode NFKC (UAX #15) of ``text``, control characters dropped, runs of spaces made one:
    ``"con\\ufb01dential"`` → ``"confidential"``. A superscript or subscript digit after a letter (a
    footnote mark) becomes a word of its own first: ``"treaty\\u00b9"`` → ``"treaty 1"``."""
    text = _MARK_AFTER_LETTER.sub(r" \1", text)
    text = _CONTROL.sub("", drop_invisible(unicodedata.normalize("NFKC", text)))
    return _SPACES.sub(" ", text).strip()


def join_lines(lines: list[str]) -> str:
    """One paragraph from its printed lines: a space between lines; a hyphen ending a line after a
    lower-case letter and before one joins the word ("Depart-", "ment" → "Department"), after any
    other letter or digit it stays, without a space ("Sino-", "Soviet" → "Sino-Soviet"). PDFium's
    line-end hyphen marks (U+FFFE, U+0002) and the soft hyphen (U+00AD) count as hyphens."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
        elif out[-1] in _HYPHENS and len(out) > 1 and not out[-2].isspace():
            joins_word = out[-2].islower() and line[0].islower()
            out = out[:-1] + ("" if joins_word else "-") + line
        else:
            out += " " + line
    if out.endswith(("\ufffe", "\x02")):  # the paragraph's last line ends with a hyphen: it stays
        out = out[:-1] + "-"
    return out


def _check_envelope(path: Path) -> None:
    """Refuse, with what to do, a file that is empty, is not a PDF or is cut short (PDF 32000
    §7.5.2 header, §7.5.5 ``%%EOF``), before PDFium is asked to open it."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(1024)
            handle.seek(max(0, size - EOF_SEARCH_BYTES))
            tail = handle.read(EOF_SEARCH_BYTES)
    except OSError as exc:
        raise IngestError(str(path), f"cannot be read ({exc.strerror or exc}); check that the file exists and is readable") from exc
    if size == 0:
        raise IngestError(str(path), "is empty (0 bytes); copy the PDF again from its source")
    if b"%PDF-" not in head:
        seems = next((what for magic, what in _MAGIC.items() if head.lstrip().startswith(magic)), "")
        raise IngestError(
            str(path),
            f"is not a PDF: it does not start with %PDF-{', and looks like ' + seems if seems else ''}; "
            "give the real PDF, or rename the file to its own format",
        )
    if b"%%EOF" not in tail:
        raise IngestError(
            str(path),
            f"is truncated: it ends without %%EOF ({size:,} bytes); copy it again from its source, or repair it (qpdf in.pdf out.pdf) if it opens elsewhere",
        )


def _open(path: Path) -> Any:
    """The file opened by PDFium (a ``pypdfium2.PdfDocument``). Raises IngestError, chosen by
    PDFium's error code, when PDFium refuses it."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD:
            message = ("is encrypted and opens only with a password; save a copy without the password "
                       "(qpdf --decrypt --password=PASSWORD in.pdf out.pdf) and ingest that")
        elif code == raw.FPDF_ERR_SECURITY:
            message = "uses an encryption PDFium does not support; save a decrypted copy (qpdf --decrypt) and ingest that"
        else:
            message = f"is damaged and cannot be opened ({exc}); copy it again from its source, or repair it (qpdf in.pdf out.pdf)"
        raise IngestError(str(path), message) from exc


def _read_pages(path: Path, count: int, language: str) -> _Pages:
    """Read the pages one at a time, OCR for those without a text layer when it is available.
    PDFium keeps what it parsed (fonts, images) until the document is closed (measured: 2,000 pages
    held 350 MB), so the file is opened afresh every :data:`PAGES_PER_OPENING` pages."""
    pages = _Pages(count=count)
    ocr_language = _ocr_language(language) if _ocr_missing() == "" else ""
    last = min(count, MAX_PAGES)
    for start in range(0, last, PAGES_PER_OPENING):
        document = _open(path)
        try:
            for index in range(start, min(start + PAGES_PER_OPENING, last)):
                _read_page(path, document, index + 1, ocr_language, pages)
        finally:
            document.close()
    if count > MAX_PAGES:
        pages.errors.append(IngestError(
            str(path),
            f"has {count:,} pages; Legation read the first {MAX_PAGES:,} as one document; split the file into parts and ingest those",
            f"pages {MAX_PAGES + 1}–{count}" if count > MAX_PAGES + 1 else f"page {count}",
        ))
    return pages


def _read_page(path: Path, document: Any, number: int, ocr_language: str, pages: _Pages) -> None:
    """Add page ``number`` (from 1) to ``pages``: its marker and paragraphs, or why it has none."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        page = document[number - 1]
    except pdfium.PdfiumError as exc:
        pages.texts.append(f"[p. {number}: not readable]")
        pages.errors.append(IngestError(str(path), f"cannot be read ({exc}); the other pages are stored", f"page {number}"))
        return
    try:
        paragraphs = _text_layer(page)
        if paragraphs:
            pages.texts += [f"[p. {number}]", *paragraphs]
        elif raw.FPDFPage_CountObjects(page) == 0:
            pages.texts.append(f"[p. {number}]")  # a blank page: nothing to read
        elif not ocr_language:
            pages.texts.append(f"[p. {number}: no text layer, not read]")
            pages.unread.append(number)
        else:
            try:
                pages.texts += [f"[p. {number}, OCR]", *_ocr(page, ocr_language)]
                pages.ocr.append(number)
            except RuntimeError as exc:  # pytesseract's TesseractError, and its timeout
                pages.texts.append(f"[p. {number}: not readable]")
                pages.errors.append(IngestError(str(path), f"OCR failed ({exc}); the other pages are stored", f"page {number}"))
    finally:
        page.close()


def _text_layer(page: Any) -> list[str]:
    """The paragraphs of a page's text layer (none when it has no text), normalized."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        if not text.strip():
            return []
        wide = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]  # PDFium counts UTF-16 code units
        origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
        lines: list[tuple[float | None, str]] = []
        for match in _LINE.finditer(text):
            if not match.group().strip():
                continue
            first = match.start() + len(match.group()) - len(match.group().lstrip())
            found = raw.FPDFText_GetCharOrigin(textpage, first + bisect.bisect_left(wide, first), origin_x, origin_y)
            lines.append((origin_y.value if found else None, match.group()))
    finally:
        textpage.close()
    return _paragraphs(lines)


def _paragraphs(lines: list[tuple[float | None, str]]) -> list[str]:
    """Group lines (baseline in PDF units, text) into normalized paragraphs by the gaps between them."""
    gaps = [a - b for (a, _), (b, _) in zip(lines, lines[1:]) if a is not None and b is not None and a > b]
    usual = statistics.median(gaps) if gaps else 0.0
    groups: list[list[str]] = []
    previous: float | None = None
    for baseline, line in lines:
        new = not groups
        if previous is not None and baseline is not None and usual:
            gap = previous - baseline
            new = new or gap <= 0 or gap > PARAGRAPH_GAP * usual
        if new:
            groups.append([])
        groups[-1].append(line)
        previous = baseline if baseline is not None else previous
    return [p for group in groups if (p := normalize_text(join_lines(group)))]


def _ocr(page: Any, tesseract_language: str) -> list[str]:
    """The paragraphs Tesseract reads on a rendered page (blank lines in its output part them)."""
    import os

    import pytesseract

    # Tesseract's OpenMP threads slow it down on small machines (1.6 s a page alone, 5–10 s with two
    # threads on two cores): one thread a page, unless the operator chose otherwise.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    width, height = page.get_size()  # PDF units, 1/72 inch
    scale = min(OCR_DPI / 72, (OCR_MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = bitmap.to_pil()
        text = pytesseract.image_to_string(
            image, lang=tesseract_language, config=f"--dpi {round(scale * 72)}", timeout=OCR_TIMEOUT_SECONDS
        )
    finally:
        bitmap.close()
    blocks = re.split(r"\n\s*\n", text)
    return [p for block in blocks if (p := normalize_text(join_lines(block.splitlines())))]


@functools.cache
def _ocr_missing() -> str:
    """"" when OCR can run, else what is missing ("the tesseract program", "pytesseract")."""
    try:
        import pytesseract
    except ImportError:
        return "the Python package pytesseract is not installed"
    try:
        pytesseract.get_tesseract_version()
    except (pytesseract.TesseractNotFoundError, OSError, RuntimeError):
        return "the tesseract program is not on PATH"
    return ""


@functools.cache
def _tesseract_languages() -> frozenset[str]:
    import pytesseract

    try:
        return frozenset(pytesseract.get_languages(config=""))
    except (OSError, RuntimeError):
        return frozenset()


def _ocr_language(language: str) -> str:
    """Tesseract's language for a record language: its own when installed, else English."""
    wanted = TESSERACT_LANGUAGES.get(language, "eng")
    return wanted if wanted in _tesseract_languages() else "eng"


def _catalog_language(document: Any) -> str:
    """The primary subtag of the catalog's /Lang, lower-case (``"en-US"`` → ``"en"``), a deprecated
    code replaced (``"iw"`` → ``"he"``, :func:`~legation.records.languages.language_tag`), or ""."""
    import pypdfium2.raw as raw

    size = raw.FPDFCatalog_GetLanguage(document, None, 0)
    if size <= 2:
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    raw.FPDFCatalog_GetLanguage(document, buffer, size)
    tag = bytes(buffer)[: size - 2].decode("utf-16-le", errors="ignore").strip()
    primary = tag.split("-")[0].lower()
    return language_tag(primary) if re.fullmatch(r"[a-z]{2,3}", primary) else ""


def _title(metadata_title: str, stem: str) -> str:
    """The /Title without a word processor's prefix or a file extension, else the file stem."""
    title = _EXTENSION.sub("", _WORD_PROCESSOR.sub("", normalize_text(metadata_title))).strip()
    if title and not _GENERIC_TITLE.fullmatch(title):
        return title
    return normalize_text(stem.replace("_", " ")) or stem


def _page_list(numbers: list[int]) -> str:
    """``[2, 5, 6, 7]`` → ``"pages 2, 5–7"``; ``[3]`` → ``"page 3"``."""
    return f"page{'s' if len(numbers) > 1 else ''} {', '.join(number_runs(numbers))}"
