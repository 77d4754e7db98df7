"""Reader for Wilson Center Digital Archive document records (JSON, as its API returns them).

Source format: the Digital Archive's record model, as documented by the ``digitalarchive`` Python
client (``epikulski/digitalarchive``, MIT; ``../shared/data/README.md`` §5). A ``.json`` file holds
one document object, a list of them, or a search response ``{"list": [...]}``. One document
object gives one :class:`DocumentRecord`::

    identifier     "wilson-<id>"                                  ("wilson-900001")
    title          title
    date_*         frontend_doc_date as written ("January 1, 1950") read by
                   :func:`parse_archival_date`; without it doc_date ("19500101"; "00" month or
                   day = not known, never invented)
    document_type  type.name (type is an object, or a list of them)
    summary        description (HTML, if any, made plain text)
    language       the first of languages[].id, ISO 639-2/B ("rus") → ISO 639-1 ("ru"); "und"
                   when none
    texts          transcripts[] → "transcript" in the document's language; translations[] →
                   "translation" in translation.language; the text is ``html`` (else ``raw`` when
                   a string) converted to plain text by :func:`html_to_text` (paragraphs separated
                   by a blank line; style/script dropped). Assets without inline text (PDF-only,
                   or stubs that only name a ``url``) are left out, and the note says so, naming
                   the file: nothing is fetched.
    agents         creators[] → "sender", other contributors[] → "mentioned"; key
                   "wilson:contributor-<id>", name as given ("Mao, Zedong"); kind read from the
                   name, which the record does not say, by the rule a table's names follow
                   (:func:`legation.ingest.names.agent_kind`): a body or an office without its
                   holder is an organization ("Central Committee of the Chinese Communist Party",
                   "Ministry of Foreign Affairs", "Embassy of Hungary in North Korea"), any other
                   name a person ("Mao, Zedong", "Roshchin, N. V. (Nikolai Vasilevich), 1901-1960");
                   an agent already stored keeps the kind it has (correct it in the admin)
    subjects       subjects[].name, then original_coverages[].name (the places the document is
                   about; DocumentRecord has no field for places mentioned, so they are subjects)
    collections    collections[] → key "wilson-collection-<id>", title name
    classification classifications[].name joined by ", "
    source_note    source (the archival citation)
    repositories   repositories[].name (the "Original Archive")
    rights         rights.name and rights.rights, joined by "; "
    credit         donors[].name, then publishers[].name, joined by "; "
    relations      links[] (related documents), then attachments[] → "wilson-<id>" each
    source_url     https://digitalarchive.wilsoncenter.org/document/<id>

Errors: a file that is not UTF-8 JSON raises :class:`IngestError` (location "line N" of the JSON
error; a file that ends before its JSON does is said to be cut off; an object giving a key twice,
whose first value JSON would drop without a word, at the line of the second:
:class:`~legation.errors.DuplicateKey`). An object the archive's API
gives that is recognisably no document, a collection record or a transcript/translation asset
(``collection.json``, ``transcript.json`` of the samples), yields an :class:`IngestNote` saying what
it is and that it was skipped: a folder of API records holds them beside documents, and they must
not fail the ingest (nor block ``--delete-missing``). An object that is neither a document nor one
of those, or gives an invalid record, yields an IngestError located at "record N" (with its id);
the other records of the file go on.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from legation.errors import IngestError, IngestNote, json_failure, parse_json
from legation.ingest.dates import parse_archival_date
from legation.ingest.encodings import wrong_encoding
from legation.ingest.names import agent_kind
from legation.ingest.readers import kind_from_name, located, read_decompressed
from legation.ingest.titles import collapse_space, normalize_space
from legation.printable import shortened
from legation.records.document_record import (
    AgentRef,
    CollectionRef,
    DocumentRecord,
    RecordError,
    TextRecord,
    json_type,
)
from legation.records.languages import language_tag

SOURCE_URL = "https://digitalarchive.wilsoncenter.org/document/{id}"
DOCUMENT_KEYS = frozenset({"frontend_doc_date", "doc_date"})

# ISO 639-2 (B and T) → ISO 639-1, and English names, for the languages of the archive's holdings.
_LANGUAGES = {
    "eng": "en English", "rus": "ru Russian", "chi": "zh Chinese", "zho": "zh Chinese",
    "ger": "de German", "deu": "de German", "fre": "fr French", "fra": "fr French",
    "spa": "es Spanish", "ita": "it Italian", "jpn": "ja Japanese", "kor": "ko Korean",
    "pol": "pl Polish", "cze": "cs Czech", "ces": "cs Czech", "hun": "hu Hungarian",
    "rum": "ro Romanian", "ron": "ro Romanian", "bul": "bg Bulgarian", "alb": "sq Albanian",
    "sqi": "sq Albanian", "vie": "vi Vietnamese", "mon": "mn Mongolian", "per": "fa Persian",
    "fas": "fa Persian", "ara": "ar Arabic", "heb": "he Hebrew", "tur": "tr Turkish",
    "por": "pt Portuguese", "srp": "sr Serbian", "hrv": "hr Croatian", "slo": "sk Slovak",
    "slk": "sk Slovak", "gre": "el Greek", "ell": "el Greek", "dut": "nl Dutch", "nld": "nl Dutch",
    "ukr": "uk Ukrainian", "bel": "be Belarusian", "lav": "lv Latvian", "lit": "lt Lithuanian",
    "est": "et Estonian", "fin": "fi Finnish", "swe": "sv Swedish", "nor": "no Norwegian",
    "dan": "da Danish", "hin": "hi Hindi", "urd": "ur Urdu", "ind": "id Indonesian",
    "tha": "th Thai", "khm": "km Khmer", "lao": "lo Lao", "bur": "my Burmese", "mya": "my Burmese",
    "geo": "ka Georgian", "kat": "ka Georgian", "arm": "hy Armenian", "hye": "hy Armenian",
    "slv": "sl Slovenian", "mac": "mk Macedonian", "mkd": "mk Macedonian", "spn": "es Spanish",
}
_BY_NAME = {v.split(" ", 1)[1].lower(): v.split(" ", 1)[0] for v in _LANGUAGES.values()}
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "blockquote", "pre", "section", "article", "dd", "dt", "dl", "hr", "address", "center",
}
_DROP = {"script", "style", "head", "title", "meta", "link", "noscript", "template", "iframe", "object"}
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_INTERNAL_SUBSET = re.compile(r"\A\s*<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.S | re.I)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment or page: block elements (p, div, li, h1–h6, tr, br …) start
    new paragraphs, separated by one blank line; whitespace inside a paragraph is collapsed;
    ``script``/``style``/``head`` and comments are dropped; entities are decoded.

    Parsed with lxml's HTML parser, which never fetches anything (``no_network``) and does not
    expand external entities. A CDATA section, which HTML does not have (a browser shows nothing of
    it), is read as the text it holds, and a document type's internal subset (``<!DOCTYPE html
    [<!ENTITY …>]>``) is left out: its ``]>`` was stored as text. Returns ``""`` for empty input.
    Raises :class:`RecordError` when the HTML nests elements deeper than libxml2 reads (255): the
    text inside and after was lost without a word."""
    if not html or not html.strip():
        return ""
    if "<" not in html:
        return collapse_space(html)
    html = _CDATA.sub(lambda m: escape(m[1], quote=False), _INTERNAL_SUBSET.sub("", html))
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, encoding="utf-8")
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return ""
    if any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log):
        raise RecordError(
            "nests elements more than 255 deep, deeper than Legation reads HTML, so the text inside them would be lost; "
            "flatten the nesting (or keep the text as raw) and ingest the file again"
        )
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if text := normalize_space("".join(current)):
            paragraphs.append(text)
        current.clear()

    def walk(el: etree._Element) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in _DROP or not tag:
            return
        block = tag in _BLOCKS
        if block:
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    walk(root)
    flush()
    return "\n\n".join(paragraphs)


def language_code(value: Any) -> str:
    """ISO 639-1 code of a Digital Archive language (``{"id": "rus", "name": "Russian"}``, a code,
    or a name); another code as :func:`~legation.records.languages.language_tag` gives it; ``""`` when none."""
    if isinstance(value, dict):
        code, name = str(value.get("id") or "").strip().lower(), str(value.get("name") or "").strip().lower()
    else:
        code, name = str(value or "").strip().lower(), ""
    if code in _LANGUAGES:
        return _LANGUAGES[code].split(" ", 1)[0]
    if len(code) == 2:
        return language_tag(code)
    return _BY_NAME.get(name) or _BY_NAME.get(code) or language_tag(code)


TEXT_FIELDS = ("title", "description", "source", "frontend_doc_date", "doc_date")
"""The document's fields that hold text: a string, or null or missing (a number is no title)."""

LIST_FIELDS = (
    "type", "rights", "donors", "subjects", "transcripts", "translations", "contributors", "creators", "original_coverages",
    "collections", "attachments", "links", "repositories", "publishers", "classifications",
)  # fmt: skip
"""The document's fields that hold other records: one object, a list of objects, or null or missing."""

NAMED_FIELDS = ("donors", "subjects", "contributors", "creators", "original_coverages", "collections", "repositories", "publishers", "classifications")
"""Of :data:`LIST_FIELDS`, those whose objects are stored by their name (a subject, a person)."""


def _checked(doc: dict) -> list[str]:
    """What of ``doc`` (a Digital Archive document object) is left out, each named as JSONPath names
    it, an entry of a list by its index from 0 (``translations[1]`` is the second), a field holding
    one object by the field's name: its objects in
    :data:`NAMED_FIELDS` without a name (``"contributors[2] (id 5, no name)"``), its
    transcripts and translations with neither text nor a file (``"transcripts[1] (id 1, no html
    or raw text, nor a file)"``) and those whose text is only a file the archive serves apart
    (``"translations[1] (id 900103, Chinese, only a file, TranslationFile_900103.pdf, which is
    not fetched)"``: nothing is fetched, and the archivist must learn that a translation was not
    stored, as the Digital Archive has many given only as a scan). Raises :class:`RecordError`
    naming the field for a value of the wrong kind: a field of :data:`TEXT_FIELDS` that is no
    string (``"title": ["a", "b"]`` was stored as "['a', 'b']"), one of :data:`LIST_FIELDS` that is
    neither an object nor a list, or an entry of one that is no object (``"subjects": "Sino-Soviet"``
    was dropped without a word)."""
    for name in TEXT_FIELDS:
        value = doc.get(name)
        if value is not None and not isinstance(value, str) and not (name == "doc_date" and isinstance(value, int) and not isinstance(value, bool)):
            optional = ", or leave it out" if name != "title" else ""  # a document without its title is refused
            raise RecordError(f"{name} must be a string, not {json_type(value)}; write it in quotes{optional}")
    left_out = []
    for name in LIST_FIELDS:
        value = doc.get(name)
        if value is None or (name == "type" and isinstance(value, str)):
            continue
        if not isinstance(value, dict | list):
            raise RecordError(f'{name} must be an object or a list of objects, such as [{{"id": "1", "name": "…"}}], not {json_type(value)}')
        for place, item in ([(name, value)] if isinstance(value, dict) else [(f"{name}[{n}]", v) for n, v in enumerate(value)]):
            if not isinstance(item, dict):
                raise RecordError(f'{place} must be an object, such as {{"id": "1", "name": "…"}}, not {json_type(item)}')
            known = f"id {item['id']}, " if item.get("id") not in (None, "") else ""
            if name in (*NAMED_FIELDS, "type") and not _name(item):
                left_out.append(f"{place} ({known}{_not_text(item, ('name', 'value', 'title')) or 'no name'})")
            elif name in ("transcripts", "translations") and not _asset_text(item, place):
                left_out.append(f"{place} ({known}{_file_only(item) or _not_text(item, ('html', 'raw')) or 'no html or raw text, nor a file'})")
    return left_out


def _not_text(item: dict, keys: tuple[str, ...]) -> str:
    """How ``item`` holds the first of ``keys`` that it gives a value not a string
    (``"its name is a number (7), not text in quotes"``; :func:`legation.errors.json_type`), or ""
    when it gives none so: a name or
    text of the wrong kind was said to be missing ("no name"), and the archivist looked for one
    not written."""
    for key in keys:
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            return f"its {key} is {json_type(value)}, not text in quotes"
    return ""


def _file_only(asset: dict) -> str:
    """How a transcript or translation without text names the file that holds it (``"Chinese, only
    a file, TranslationFile_900103.pdf, which is not fetched"``), or "" when it names none."""
    file = next((v.strip() for k in ("filename", "url", "pdf") if isinstance(v := asset.get(k), str) and v.strip()), "")
    if not file:
        return ""
    language = asset.get("language")
    named = _name(language) if isinstance(language, dict) else language.strip() if isinstance(language, str) else ""
    return f"{named + ', ' if named else ''}only a file, {file}, which is not fetched"


def _items(value: Any) -> list[dict]:
    """A field that may be one object, a list of objects, or missing (checked by :func:`_checked`)."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    return []


def _name(item: dict) -> str:
    """An object's name: its ``name``, ``value`` or ``title`` that is a string ("" when none is:
    ``{"name": 7}`` has none, noted as such by :func:`_checked`)."""
    return collapse_space(next((v for k in ("name", "value", "title") if isinstance(v := item.get(k), str) and v.strip()), ""))


def _date(doc: dict) -> tuple[str, str]:
    """(date_text, date_edtf): frontend_doc_date as written, else doc_date ``YYYYMMDD``."""
    shown = collapse_space(str(doc.get("frontend_doc_date") or ""))
    if shown:
        return shown, parse_archival_date(shown).edtf
    raw = str(doc.get("doc_date") or "").strip()
    if m := re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", raw):
        year, month, day = m.groups()
        iso = year if month == "00" else f"{year}-{month}" if day == "00" else f"{year}-{month}-{day}"
        return raw, parse_archival_date(iso).edtf
    return raw, parse_archival_date(raw).edtf


def _asset_text(asset: dict, named: str = "") -> str:
    """The text of a transcript or translation object (its ``html``, else ``raw``); raises
    :class:`RecordError` naming the field (``named``: ``"transcripts[1]"``) for HTML it cannot read."""
    for key in ("html", "raw"):
        value = asset.get(key)
        if isinstance(value, str) and value.strip():
            return _field_text(value, f"{named or 'a text'}.{key}")
    return ""


def _field_text(html: str, named: str) -> str:
    """:func:`html_to_text` of the record's field ``named`` (``description``, ``transcripts[1].html``),
    whose :class:`RecordError` names the field."""
    try:
        return html_to_text(html)
    except RecordError as exc:
        raise RecordError(f"{named} {exc}") from exc


def document_record(doc: dict, left_out: list[str] | None = None) -> DocumentRecord:
    """The validated record of one Digital Archive document object; raises :class:`RecordError`
    naming the field when it cannot be one (:func:`_checked`). ``left_out``, when given, receives
    what of it is not stored (its nameless subjects or people, its texts without text)."""
    doc_id = doc.get("id")
    if doc_id is None or (isinstance(doc_id, str) and not doc_id.strip()):
        raise RecordError("the record has no id; every Digital Archive document has one")
    doc_id = str(doc_id).strip() if isinstance(doc_id, str | int) and not isinstance(doc_id, bool) else doc_id
    if not (isinstance(doc_id, str) and re.fullmatch(r"[0-9]+", doc_id) and int(doc_id) > 0):
        # -3 made the identifier "wilson--3"; 1.5 was refused as "not a number"
        given = doc.get("id")
        shown = repr(given) if isinstance(given, str) else json.dumps(given) if isinstance(given, int | float | bool) else json_type(given)
        raise RecordError(f"id must be the document's number in the Digital Archive, a whole number from 1 (such as 119978), not {shown}")
    dropped = _checked(doc)
    if left_out is not None:
        left_out.extend(dropped)
    identifier = f"wilson-{doc_id}"
    raw_languages = doc.get("languages")
    if not isinstance(raw_languages, list):
        raw_languages = [raw_languages] if raw_languages else []
    languages = [c for c in map(language_code, raw_languages) if c]
    language = languages[0] if languages else "und"
    texts = [
        TextRecord(kind="transcript", language=language, body=body)
        for t in _items(doc.get("transcripts"))
        if (body := _asset_text(t))
    ]
    texts += [
        TextRecord(kind="translation", language=language_code(t.get("language")) or "und", body=body)
        for t in _items(doc.get("translations"))
        if (body := _asset_text(t))
    ]
    agents: list[AgentRef] = []
    seen: set[str] = set()
    for role, field in (("sender", "creators"), ("mentioned", "contributors")):
        for contributor in _items(doc.get(field)):
            name = _name(contributor)
            key = f"wilson:contributor-{contributor.get('id')}" if contributor.get("id") not in (None, "") else ""
            if name and key and key not in seen:
                seen.add(key)
                agents.append(kind_from_name(AgentRef(key=key, name=name, role=role, kind=agent_kind(name))))
    subjects = [n for s in _items(doc.get("subjects")) if (n := _name(s))]
    subjects += [n for c in _items(doc.get("original_coverages")) if (n := _name(c)) and n not in subjects]
    collections = [
        CollectionRef(key=f"wilson-collection-{c['id']}", title=_name(c))
        for c in _items(doc.get("collections"))
        if c.get("id") not in (None, "") and _name(c)
    ]
    rights = "; ".join(
        dict.fromkeys(t for r in _items(doc.get("rights")) for t in (_name(r), collapse_space(str(r.get("rights") or ""))) if t)
    )
    credit = "; ".join(dict.fromkeys(n for f in ("donors", "publishers") for d in _items(doc.get(f)) if (n := _name(d))))
    related = [f"wilson-{d['id']}" for f in ("links", "attachments") for d in _items(doc.get(f)) if re.fullmatch(r"\d+", str(d.get("id") or ""))]
    date_text, date_edtf = _date(doc)
    document_type = next((n for t in _items(doc.get("type")) if (n := _name(t))), "")
    if not document_type and isinstance(doc.get("type"), str):
        document_type = collapse_space(doc["type"])
    return DocumentRecord(
        identifier=identifier,
        title=collapse_space(str(doc.get("title") or "")),
        document_type=document_type,
        date_text=date_text,
        date_edtf=date_edtf,
        summary=_field_text(str(doc.get("description") or ""), "description"),
        source_note=collapse_space(str(doc.get("source") or "")),
        repositories=list(dict.fromkeys(n for r in _items(doc.get("repositories")) if (n := _name(r)))),
        rights=rights,
        credit=credit,
        classification=", ".join(n for c in _items(doc.get("classifications")) if (n := _name(c))),
        source_url=SOURCE_URL.format(id=doc_id) if re.fullmatch(r"\d+", doc_id) else "",
        language=language,
        collections=collections,
        agents=agents,
        subjects=subjects,
        texts=texts,
        relations=[r for r in dict.fromkeys(related) if r != identifier],
    ).validate()


def _what(obj: dict) -> str:
    """What a Digital Archive object that is no document is (``"a collection record"``), or ""
    when it is none the archive's API is known to give."""
    if "asset_id" in obj and ("extension" in obj or "content_type" in obj or "filename" in obj):
        return "transcript/translation asset (the text of one document, given apart from the document)"
    if "slug" in obj and ("short_description" in obj or "is_inactive" in obj):
        return "collection record (it describes a collection, a topic the archive groups documents under)"
    return ""


def read_wilson_json(path: Path) -> Iterator[DocumentRecord | IngestError | IngestNote]:
    """Yield one record per Digital Archive document in the file, an :class:`IngestNote` for a
    collection record or transcript asset (skipped), or an :class:`IngestError` located at
    "record N" for any other object that is not a valid document. Raises IngestError when the file
    cannot be read as UTF-8 JSON (location "line N" of the syntax error)."""
    path = Path(path)
    try:
        raw, _ = read_decompressed(path)  # whole, as TEI and CSV: no more than MAX_FILE_BYTES
        data = parse_json(raw.decode("utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise json_failure(str(path), exc) from exc
    except UnicodeDecodeError as exc:
        raise wrong_encoding(str(path), exc.object, exc.start) from exc
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(str(path), f"cannot be read ({getattr(exc, 'strerror', None) or exc}); check that the file exists and is readable") from exc
    if isinstance(data, dict) and isinstance(data.get("list"), list):
        data = data["list"]  # a search response page
    objects = data if isinstance(data, list) else [data]
    for number, obj in enumerate(objects, start=1):
        where = f"record {number}"
        if not isinstance(obj, dict):  # "a JSON str", "a JSON int": Python's names
            yield IngestError(str(path), f"is {json_type(obj)}, not a document object; give Digital Archive records", where)
            continue
        if obj.get("id") not in (None, ""):  # an id as the file writes it, not as Python would ({'x': 1}, True)
            given = obj["id"]
            where += f" (id {given})" if isinstance(given, str | int) and not isinstance(given, bool) else f" (id {shortened(json.dumps(given, ensure_ascii=False), 40)})"
        if not DOCUMENT_KEYS & obj.keys():
            if what := _what(obj):
                yield IngestNote(str(path), f"skipped, not a document: it is a Wilson Center Digital Archive {what}; nothing of it is stored", where)
            else:
                yield IngestError(
                    str(path),
                    "is not a Wilson Center Digital Archive document (it has neither doc_date nor frontend_doc_date) nor a "
                    "collection or transcript record; give the archive's document records, or leave the file out",
                    where,
                )
            continue
        left_out: list[str] = []
        try:
            yield located(document_record(obj, left_out), where)
        except RecordError as exc:
            yield IngestError(str(path), str(exc), where)
            continue
        if left_out:
            quoted = [x for x in left_out if x.endswith("not text in quotes)")]
            texts = [x for x in left_out if x.startswith(("transcripts", "translations")) and x not in quoted]
            named = [x for x in left_out if x not in quoted and x not in texts]
            remedy = " or ".join(
                (["give each its name"] if named else []) + (["give a text its html or raw"] if texts else []) + (["write each value in quotes"] if quoted else [])
            )
            yield IngestNote(str(path), f"stored without {', '.join(left_out)}: {remedy}, and ingest the file again", where)
