"""Reader for single-document TEI P5 files with correspondence metadata (``correspDesc``).

Sources: the Dodis edition *When the Wall Came Down* (``eeditiones/dodis-wall``, CC BY-NC-SA 4.0)
and the QhoD edition of Habsburg–Ottoman diplomatic sources (``QHOD/qhod-edition-data``,
CC BY 4.0); see ``../shared/data/README.md`` §3–4. Any other one-document-per-file TEI (no FRUS
volume) is read the same way. One file gives one :class:`DocumentRecord`::

    identifier   Dodis: "dodis-<msIdentifier/idno>" ("dodis-49548"); QhoD: "qhod-<file stem>";
                 otherwise the file stem, whatever the file's own xml:id or idno (the ingest report's
                 note names those that differ: :func:`_own_identifiers`)
    title        Dodis: titleStmt/title[@n], else the head's title[@type='main'] without notes; else the first non-empty titleStmt/title, English first
    date_*       correspAction[@type='sent']/date, else history/origin (@when or origDate):
                 @when, @from/@to, @notBefore/@notAfter → EDTF (time dropped; with
                 @calendar='#hijri' the Gregorian attribute values are kept as given);
                 date_text the element's text as written (else the attribute values); an element
                 without usable attributes is read by :func:`legation.ingest.dates.parse_archival_date`
    place_sent   correspAction[@type='sent']/placeName, else the opener's dateline placeName
    agents       correspAction sent/signatory → "sender", received/received-copy → "recipient",
                 persName → person, orgName → organization; key from @ref: GND
                 ("https://d-nb.info/gnd/118584138" → "gnd:118584138"), Dodis ("#P27996" or
                 "https://dodis.ch/P27996" → "dodis:P27996"), QhoD stand-off ("#mpr14163" →
                 "qhod:mpr14163"), else "{kind}:{slug}"; names as given ("Woker, Daniel (1948–)"),
                 Dodis forename + surname as a further name; people and organizations of Dodis'
                 particDesc not in correspDesc are "mentioned"
    summary      msContents/summary, else abstract
    language     the first langUsage/language/@ident (the original's language; a deprecated code replaced, "iw" → "he", by
                 :func:`~legation.records.languages.language_tag`)
    document_type keywords[@scheme='#type']/term, else text/@type (capitalized), else the first
                 keywords term (QhoD charters: "Ḥükm")
    subjects     keywords[@scheme='#related']/term
    source_note  Dodis: the archival citation note of the document head ("Notiz: CH-BAR#E2010A#…");
                 else msIdentifier (institution, repository, collection, idno) and sourceDesc/bibl
    repositories msIdentifier institution and repository, joined by ", " ("ÖStA, HHstA Wien")
    rights       publicationStmt/availability: each licence as written, its @target in parentheses
                 ("CC-BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.de)"), else the
                 availability's text
    source_url   Dodis: https://dodis.ch/<id>; QhoD: https://gams.uni-graz.at/<PID>
    collections  Dodis: the volume (publicationStmt idno URI, title[@type='volume']); QhoD: the
                 first projectDesc context ref ("qhod-sema", "Selim II. und Maximilian II.")
    texts        each div[@type='transcription'|'original'|'edition'] → kind "transcript",
                 div[@type='translation'] → "translation", language from @xml:lang (QhoD: Ottoman
                 transcription "ota", German or English translation); without such divs the body
                 is one text. Dodis English texts whose head note says "translated from Russian"
                 (and every Dodis document whose langUsage is not de/fr/en) are kind "translation",
                 language "en", the record's language being the original's.
                 Footnotes (``note``) are kept apart, numbered in order, their place marked "[n]".

Files that hold no document: a taxonomy, a CMIF letter list (several ``correspDesc``, no text) and a
stand-off register (``standOff``, no ``text``) yield one :class:`IngestNote` saying what the file
is; they are skipped, not failed. Errors: any other file that is not a single document or gives no
valid record yields one :class:`IngestError` naming the file and element; a file that cannot be
parsed (malformed, cut off) raises it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from legation.errors import IngestError, IngestNote
from legation.ingest.dates import parse_archival_date, tei_attributes_as_written, tei_edtf
from legation.ingest.names import direct_name
from legation.ingest.titles import normalize_space
from legation.ingest.slugs import slug
from legation.ingest.readers import named_otherwise
from legation.ingest.xml import inline_parts, inline_text, local_name, normalize_space, parse_xml
from legation.records.document_record import (
    AgentRef,
    CollectionRef,
    DocumentRecord,
    Footnote,
    RecordError,
    TextRecord,
    is_identifier,
)
from legation.records.languages import language_tag

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SENDER_ACTIONS = {"sent", "signatory"}
RECIPIENT_ACTIONS = {"received", "received-copy"}
TEXT_DIVS = {"transcription": "transcript", "original": "transcript", "edition": "transcript", "translation": "translation"}
SKIP = {"note", "pb", "cb", "fw", "figure", "metamark", "del", "facsimile", "teiHeader", "graphic"}
BLOCKS = {"p", "ab", "head", "l", "item", "label", "dateline", "salute", "signed", "closer", "row", "trailer", "byline", "docTitle", "titlePart", "postscript"}
TRANSLATED_FROM = re.compile(r"translated\s+from\s+([A-Z][a-z]+)")


_local = local_name


def _all(el: etree._Element, name: str) -> Iterator[etree._Element]:
    """Descendants with local name ``name`` in any namespace (QhoD has ``<abstract xmlns="">``)."""
    return (e for e in el.iter() if _local(e.tag) == name)


def _first(el: etree._Element | None, *path: str) -> etree._Element | None:
    """The first element reached by a path of local names (each step: any descendant)."""
    if el is None:
        return None
    if not path:
        return el
    for found in _all(el, path[0]):
        if (result := _first(found, *path[1:])) is not None:
            return result
    return None


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if _local(c.tag) == name]


def _plain(el: etree._Element | None) -> str:
    """Whitespace-normalized text, notes and page breaks left out, ``lb`` a space."""
    return "" if el is None else inline_text(el, SKIP, keep=lambda child: not _is_alternative(child))


def _is_alternative(el: etree._Element) -> bool:
    """``sic``/``orig``/``abbr`` inside ``choice``: the corrected/regular/expanded form is read."""
    parent = el.getparent()
    return _local(el.tag) in ("sic", "orig", "abbr") and parent is not None and _local(parent.tag) == "choice"


CONTAINERS = BLOCKS | {"div", "list", "table", "lg", "opener", "quote", "floatingText"}  # what makes an element hold blocks


def _holds_blocks(el: etree._Element) -> bool:
    """Whether ``el`` holds a block (:data:`CONTAINERS`) of the text itself: one inside a note, or
    inside another element the text leaves out (:data:`SKIP`), does not count, as a note is read
    as a footnote of the paragraph holding it (QhoD: ``<p>… <note place="footnote"><p>…</p></note>
    …</p>`` is one paragraph of the transcript and a footnote, not a container of one block)."""
    for child in el:
        name = _local(child.tag)
        if not name or name in SKIP or _is_alternative(child):
            continue
        if name in CONTAINERS or _holds_blocks(child):
            return True
    return False


def _has_loose_text(el: etree._Element) -> bool:
    """Whether ``el`` holds text of its own beside its child elements (mixed content: ``<p>text
    <list>…</list> more text</p>``), not only whitespace between them."""
    return bool((el.text or "").strip()) or any((child.tail or "").strip() for child in el)


class _Text:
    """Plain text of a text division: blocks separated by blank lines, notes kept apart."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.footnotes: list[Footnote] = []

    def read(self, container: etree._Element, skip_title_heads: bool) -> None:
        """Append the blocks of ``container``. Each child block (:data:`BLOCKS`) is a block; a child
        holding blocks is read as a container in turn; a note is a footnote (:meth:`_note`). In a
        container of mixed content, the text between its blocks (its own text, its inline elements
        and their tails) is read as paragraphs too, each run between two blocks one paragraph:
        none of it is lost."""
        mixed = _has_loose_text(container)
        run: list[str] = []  # the inline text since the last block, when mixed

        def end_run() -> None:
            if text := normalize_space("".join(run)):
                self.blocks.append(text)
            run.clear()

        if mixed and container.text:
            run.append(container.text)
        for child in container:
            name = _local(child.tag)
            if name == "note":
                # a footnote: of the run of text around it, as in a paragraph, or an editor's note
                # between paragraphs (QhoD: "When did Ibrahim Pasha depart Istanbul? …"), kept unmarked
                mark = self._note(child)
                run.append(mark if mixed else "")
            elif not name or name in SKIP or _is_alternative(child):
                pass
            elif skip_title_heads and name == "head" and any(_local(e.tag) in ("title", "ref") for e in child):
                pass  # Dodis: the head repeats the title and carries the archival note
            elif mixed and name not in CONTAINERS and not _holds_blocks(child):
                if name == "lb":
                    run.append("" if child.get("break") == "no" else " ")
                else:
                    inline_parts(child, SKIP, self._note, lambda e: not _is_alternative(e), run)
            else:
                end_run()
                self._block(child, name, skip_title_heads)
            if mixed and child.tail:
                run.append(child.tail)
        end_run()

    def _block(self, child: etree._Element, name: str, skip_title_heads: bool) -> None:
        if name == "table":
            rows = [" | ".join(self._inline(c) for c in row if _local(c.tag) == "cell") for row in _all(child, "row")]
            if text := "\n".join(r for r in rows if r.strip(" |")):
                self.blocks.append(text)
        elif name == "list":
            if text := "\n".join(t for c in child if _local(c.tag) in ("head", "item", "label") and (t := self._inline(c))):
                self.blocks.append(text)
        elif _holds_blocks(child):
            self.read(child, skip_title_heads)
        elif text := self._inline(child):
            self.blocks.append(text)

    def _inline(self, el: etree._Element) -> str:
        return inline_text(el, SKIP, note=self._note, keep=lambda child: not _is_alternative(child))

    def _note(self, note: etree._Element) -> str:
        """Keep a footnote apart and leave its mark in the text."""
        text = _plain(note)
        if not text:
            return ""
        mark = note.get("n") or str(len(self.footnotes) + 1)
        self.footnotes.append(Footnote(n=mark, text=text))
        return f"[{mark}]"


def _agent_key(ref: str | None, kind: str, name: str) -> str:
    ref = (ref or "").strip().split()[0] if (ref or "").strip() else ""
    if m := re.search(r"d-nb\.info/gnd/([0-9X-]+)", ref):
        return f"gnd:{m[1]}"
    if m := re.search(r"dodis\.ch/([A-Z]\d+)$", ref) or re.fullmatch(r"#([PRG]\d+)", ref):
        return f"dodis:{m[1]}"
    if m := re.fullmatch(r"#(mpr\d+)", ref):
        return f"qhod:{m[1]}"
    return f"{kind}:{slug(name)}"


def _date(root: etree._Element) -> tuple[str, str]:
    """(date_text, date_edtf) of the document."""
    candidates = [d for a in _all(root, "correspAction") if a.get("type") == "sent" for d in _children(a, "date")]
    candidates += list(_all(root, "origDate"))
    candidates += [o for o in _all(root, "origin") if o.get("when") or o.get("notBefore")]
    candidates += [d for o in _all(root, "origin") for d in _children(o, "date")]
    for date in candidates:
        text = _plain(date)
        edtf = tei_edtf(date, text)
        if not edtf and text:
            edtf = parse_archival_date(text).edtf
        if not text:  # the attributes as written: kept, and reported when they make no date (when="1989-02-30")
            text = tei_attributes_as_written(date)
        if edtf or text:
            return text, edtf
    return "", ""


def _is_dodis(root: etree._Element) -> bool:
    return any("dodis.ch" in (i.text or "") for i in _all(root, "idno") if i.get("type") == "URI" and _local(i.getparent().tag) == "publicationStmt")


def _is_qhod(root: etree._Element) -> bool:
    return any((i.text or "").strip().startswith(("o:sema", "o:vipa", "o:qhod")) for i in _all(root, "idno") if i.get("type") == "PID")


def _language(code: str) -> str:
    return language_tag(code)


def read_tei_document(path: Path) -> Iterator[DocumentRecord | IngestError | IngestNote]:
    """Yield the one :class:`DocumentRecord` of a single-document TEI file (Dodis, QhoD, other
    correspondence editions); one :class:`IngestNote` saying what the file is when it is TEI that
    holds no document (a taxonomy, a CMIF letter list, a stand-off register: :func:`_not_a_document`);
    or one :class:`IngestError` naming the file and element when the file is not a single document
    or its record is invalid. Raises :class:`IngestError` when the
    file cannot be parsed as TEI (not XML, truncated, root not ``TEI``)."""
    path = Path(path)
    root = parse_xml(path)
    if what := _not_a_document(root):
        yield IngestNote(str(path), f"skipped, not a document: it {what}; it holds no documents, so nothing of it is stored")
        return
    corresp = list(_all(root, "correspDesc"))
    if len(corresp) > 1:
        yield IngestError(str(path), f"lists {len(corresp)} letters and has a text: not one document; give each letter a file of its own", "element correspDesc")
        return
    text = next((t for t in root if _local(t.tag) == "text"), None)
    if text is None and not corresp:
        yield IngestError(str(path), "has no <text> and no <correspDesc>, not a document; nothing to ingest", "element TEI")
        return
    try:
        yield document_record(root, path)
    except RecordError as exc:
        yield IngestError(str(path), str(exc), "element teiHeader")


def _not_a_document(root: etree._Element) -> str:
    """What a TEI file is that holds no document though it is well-formed TEI, said for the report
    ("is a CMIF letter list …"), or "" for any other file. Such files come with editions: a taxonomy
    of the edition's terms (Dodis ``taxonomy.xml``), a CMIF letter list (QhoD ``CMIF__QhoDCMIF.xml``:
    a ``correspDesc`` per letter, the letters being other files) and a stand-off register of the
    persons and places the documents point to (QhoD ``QhoDstandOff.xml``). Each has no text of its
    own (a file with one, or with none of these, is read as a document, and fails when it is none)."""
    text = next((t for t in root if _local(t.tag) == "text"), None)
    if text is not None and "".join(text.itertext()).strip():
        return ""
    letters = sum(1 for _ in _all(root, "correspDesc"))
    if letters > 1:
        return (
            f"is a CMIF letter list (Correspondence Metadata Interchange Format): it lists {letters:,} letters, their "
            "senders, addressees and dates, whose documents are other files, and has no text of its own"
        )
    if text is None and (stand_off := next((e for e in root if _local(e.tag) == "standOff"), None)) is not None:
        counts = [sum(1 for _ in _all(stand_off, name)) for name in ("person", "place", "org")]
        held = ", ".join(f"{n:,} {word}{'' if n == 1 else 's'}" for n, word in zip(counts, ("person", "place", "organization")))
        return f"is a stand-off register ({held}) that the edition's documents point to, with no <text>"
    header = next((h for h in root if _local(h.tag) == "teiHeader"), root)
    if not letters and (taxonomy := _first(header, "taxonomy")) is not None:
        categories = list(_all(taxonomy, "category"))
        terms = [t for c in categories if (t := _plain(next(iter(_children(c, "catDesc")), None)))]
        examples = f", e.g. {', '.join(terms[:2])}" if terms else ""
        return (
            f"is a taxonomy ({len(categories):,} categor{'y' if len(categories) == 1 else 'ies'}{examples}: the edition's "
            "terms for its documents), with no text, correspondents or date of its own"
        )
    return ""


def document_record(root: etree._Element, path: Path) -> DocumentRecord:
    """The validated record of one TEI document; raises :class:`RecordError` when invalid."""
    stem = re.sub(r"\.xml(\.gz)?$", "", path.name)
    dodis, qhod = _is_dodis(root), _is_qhod(root)
    header = next((h for h in root if _local(h.tag) == "teiHeader"), root)
    text_el = next((t for t in root if _local(t.tag) == "text"), None)
    title_stmt = _first(header, "titleStmt")
    titles = _children(title_stmt, "title") if title_stmt is not None else []
    ms_idno = _first(header, "msIdentifier", "idno")
    if dodis:
        doc_id = (ms_idno.text or "").strip() if ms_idno is not None else ""
        identifier = f"dodis-{doc_id or stem}"
        title = next((_plain(t) for t in titles if t.get("n") and _plain(t)), "")
        if not title and text_el is not None:  # "Telegram from the Polish Ambassador in East Berlin, …"
            title = _plain(next((t for t in _all(text_el, "title") if t.get("type") == "main"), None))
    else:
        identifier = f"qhod-{stem}" if qhod else stem
        by_lang = [t for t in titles if t.get("type") not in ("desc", "volume") and _plain(t)]
        title = next((_plain(t) for t in by_lang if t.get(XML_LANG) == "en"), "") or next((_plain(t) for t in by_lang), "")
    if not title:
        title = _plain(_first(header, "msDesc", "head")) or _plain(next((t for t in titles if _plain(t)), None))
    languages = [_language(lang.get("ident")) for lang in _all(header, "language") if lang.get("ident")]
    language = languages[0] if languages else "und"

    summary = _plain(_first(header, "msContents", "summary")) or _plain(_first(header, "abstract"))
    keywords = list(_all(header, "keywords"))
    type_terms = [_plain(t) for k in keywords if k.get("scheme") == "#type" for t in _children(k, "term")]
    text_type = (text_el.get("type") or "") if text_el is not None else ""
    plain_terms = [_plain(t) for k in keywords if not k.get("scheme") for t in _children(k, "term")]
    document_type = next(iter(t for t in type_terms if t), "") or (
        text_type[:1].upper() + text_type[1:] if text_type and text_type != "record" else ""
    ) or next(iter(t for t in plain_terms if t), "")
    subjects = [s for k in keywords if k.get("scheme") == "#related" for t in _children(k, "term") if (s := _plain(t))]

    date_text, date_edtf = _date(root)
    agents = _agents(header, dodis)
    place = next((_plain(p) for a in _all(header, "correspAction") if a.get("type") == "sent" for p in _children(a, "placeName") if _plain(p)), "")
    dateline = _first(text_el, "opener", "dateline") if text_el is not None else None
    if not place and dateline is not None:
        place = _plain(_first(dateline, "placeName")).strip(" ,[]")
        if not place and (m := re.match(r"([^,\d]+),", _plain(dateline))):
            place = m[1].strip()

    ms = _first(header, "msIdentifier")
    holder = ", ".join(p for e in (ms if ms is not None else []) if _local(e.tag) in ("institution", "repository") if (p := _plain(e)))
    source_note, source_url, collections = "", "", []
    if dodis:
        main = next((t for t in _all(text_el, "title") if t.get("type") == "main"), None) if text_el is not None else None
        note = _first(main, "note")
        source_note = _plain(note)
        source_url = f"https://dodis.ch/{doc_id}" if doc_id else ""
        uri = next((i for i in _all(header, "idno") if i.get("type") == "URI" and _local(i.getparent().tag) == "publicationStmt"), None)
        volume = next((_plain(t) for t in titles if t.get("type") == "volume"), "")
        if uri is not None and volume:
            collections.append(CollectionRef(key="dodis-" + (uri.text or "").strip().rstrip("/").rsplit("/", 1)[-1], title=volume))
    else:
        parts = [_plain(e) for e in ms if _local(e.tag) in ("settlement", "institution", "repository", "collection", "idno")] if ms is not None else []
        bibl = next((b for b in _all(header, "bibl") if _local(b.getparent().tag) == "sourceDesc"), None)
        source_note = "; ".join(p for p in (", ".join(p for p in parts if p), _plain(bibl)) if p)
        pid = next((i for i in _all(header, "idno") if i.get("type") == "PID"), None)
        if qhod and pid is not None and (pid.text or "").strip():
            source_url = f"https://gams.uni-graz.at/{pid.text.strip()}"
        context = next((r for r in _all(header, "ref") if r.get("type") == "context"), None)
        if context is not None and context.get("target", "").startswith("context:"):
            collections.append(CollectionRef(key="qhod-" + context.get("target")[8:], title=_plain(context)))

    texts = _texts(text_el, language, dodis, source_note) if text_el is not None else []
    if not (texts or summary or agents or date_edtf or source_note):
        raise RecordError(f"{identifier}: no text, summary, correspondents, date or archival source: not a document (e.g. a taxonomy); leave it out")
    if dodis and texts and texts[0].kind == "translation" and language == "en":
        language = _language(_translated_from_code(source_note) or language)
    record = DocumentRecord(
        identifier=identifier,
        title=title,
        document_type=document_type,
        date_text=date_text,
        date_edtf=date_edtf,
        place_sent=place,
        summary=summary,
        source_note=source_note,
        repositories=[holder] if holder else [],
        rights=_rights(header),
        source_url=source_url,
        language=language,
        collections=collections,
        agents=agents,
        subjects=subjects,
        texts=texts,
    )
    record.validate()
    if not (dodis or qhod) and (others := _own_identifiers(root, header, identifier)):
        named_otherwise(record, others)
    return record


def _own_identifiers(root: etree._Element, header: etree._Element, identifier: str) -> dict[str, list[str]]:
    """The identifiers a TEI file gives its document, when none is ``identifier``, the one stored
    (its file's name): the root's ``xml:id`` and an ``idno`` of its ``publicationStmt`` or
    ``msIdentifier`` without a ``@type`` (a URI, DOI or PID is typed), each one an identifier could
    be (no spaces: a shelfmark such as "Kt. 12, fol. 3" is none), with where it stands
    (``{"tei-good-1": ["xml:id", "<idno>"]}``); ``{}`` when the file gives none, or gives ``identifier``."""
    found: dict[str, list[str]] = {}
    if (own := (root.get(XML_ID) or "").strip()) and is_identifier(own):
        found[own] = ["xml:id"]
    for idno in _all(header, "idno"):
        value = (idno.text or "").strip()
        if not idno.get("type") and _local(idno.getparent().tag) in ("publicationStmt", "msIdentifier") and is_identifier(value):
            if "<idno>" not in found.setdefault(value, []):
                found[value].append("<idno>")
    return {} if identifier in found else found


def _rights(header: etree._Element) -> str:
    """The rights statement of the edition's ``publicationStmt/availability`` (TEI P5 §2.2.4): its
    licences as written, each licence's ``@target`` in parentheses, joined by "; "; without
    licence elements the availability's text; "" when there is none."""
    availability = _first(header, "publicationStmt", "availability")
    if availability is None:
        return ""
    licences = [
        f"{text} ({target})" if (target := (el.get("target") or "").strip()) and target not in text else text or target
        for el in _all(availability, "licence")
        if (text := _plain(el)) or el.get("target")
    ]
    return "; ".join(licences) or _plain(availability)


_LANGUAGE_NAMES = {"German": "de", "French": "fr", "Russian": "ru", "Polish": "pl", "Hebrew": "he", "Turkish": "tr", "Dutch": "nl", "Italian": "it"}


def _translated_from_code(source_note: str) -> str:
    m = TRANSLATED_FROM.search(source_note)
    return _LANGUAGE_NAMES.get(m[1], "") if m else ""


def _texts(text_el: etree._Element, language: str, dodis: bool, source_note: str) -> list[TextRecord]:
    divs = [d for d in _all(text_el, "div") if d.get("type") in TEXT_DIVS]
    divs = [d for d in divs if not any(a.get("type") in TEXT_DIVS for a in d.iterancestors())]
    texts: list[TextRecord] = []
    if divs:
        for div in divs:
            reader = _Text()
            reader.read(div, skip_title_heads=False)
            if reader.blocks:
                kind = TEXT_DIVS[div.get("type")]
                lang = _language(div.get(XML_LANG) or "") or (language if kind == "transcript" else "und")
                texts.append(TextRecord(kind=kind, language=lang, body="\n\n".join(reader.blocks), footnotes=reader.footnotes))
        return texts
    body = _first(text_el, "body")
    if body is None:
        return []
    reader = _Text()
    reader.read(body, skip_title_heads=dodis)
    if not reader.blocks:
        return []
    kind, lang = "transcript", language
    if dodis and (TRANSLATED_FROM.search(source_note) or language not in ("de", "fr", "en")):
        kind, lang = "translation", "en"  # the edition gives these in English translation
    return [TextRecord(kind=kind, language=lang, body="\n\n".join(reader.blocks), footnotes=reader.footnotes)]


def _person_names(person: etree._Element) -> list[str]:
    """The names a ``<person>`` of the header's list of persons gives: its forename and surname, then
    each other ``<persName>`` as written, in direct order and as written when written inverted (a
    Dodis person lists the spellings of other languages and scripts: "Gorbatschow, Michail
    Sergejewitsch", "Горбачёв, Михаи́л", and so is found by them), each once; not the heading
    with the years of life (``type="full"``: "Gorbachev, Mikhail Sergeyevich (1931–)"), nor initials
    (:data:`_INITIALS`). TEI P5
    §13.3.2: a person may have several ``persName``, each a name by which the person is known."""
    first, last = _first(person, "forename"), _first(person, "surname")
    names = [f"{_plain(first)} {_plain(last)}"] if first is not None and last is not None else []
    for name in _children(person, "persName"):
        written = " ".join(_plain(name).split()).strip(" ,")
        if name.get("type") != "full" and written and not len(name) and not _INITIALS.fullmatch(written):
            names += [direct_name(written), written]
    return list(dict.fromkeys(names))


# A person's initials or signature code, as Dodis lists them among the names (JB, WOK, As, Wo): a
# name that finds documents would make the German "wo" and "ja" names of persons
_INITIALS = re.compile(r"\w{1,2}\.?|[A-Z]{1,4}")


def _agents(header: etree._Element, dodis: bool) -> list[AgentRef]:
    """Senders and recipients from correspDesc, then Dodis' other participants as mentioned."""
    full_names = {person.get(XML_ID): _person_names(person) for person in _all(header, "person") if person.get(XML_ID)}
    agents: list[AgentRef] = []
    seen: set[tuple[str, str]] = set()

    def add(el: etree._Element, role: str, name: str) -> None:
        kind = "organization" if _local(el.tag) == "orgName" else "person"
        name = name.strip(" ,")
        if not name:
            return
        key = _agent_key(el.get("ref") or el.get("key"), kind, name)
        if (key, role) in seen or (role == "mentioned" and any(k == key for k, _ in seen)):
            return
        seen.add((key, role))
        ref_id = (el.get("ref") or "").lstrip("#")
        names = [n for n in full_names.get(ref_id, []) if n != name]
        agents.append(AgentRef(key=key, name=name, role=role, kind=kind, names=names))

    for action in _all(header, "correspAction"):
        kind = action.get("type") or ""
        role = "sender" if kind in SENDER_ACTIONS else "recipient" if kind in RECIPIENT_ACTIONS else ""
        if not role:
            continue
        for el in action:
            if _local(el.tag) in ("persName", "orgName"):
                add(el, role, _plain(el))
    if dodis:
        for person in _all(header, "person"):
            full = next((p for p in _children(person, "persName") if p.get("type") == "full"), None)
            if person.get(XML_ID) and full is not None:
                full.set("ref", "#" + person.get(XML_ID))
                add(full, "mentioned", _plain(full))
        for org in _all(header, "org"):
            name = _first(org, "orgName")
            if org.get(XML_ID) and name is not None:
                name.set("ref", "#" + org.get(XML_ID))
                add(name, "mentioned", _plain(name))
    return agents
