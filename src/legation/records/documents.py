"""Reading one document for the pages and the API."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Lower

from legation.errors import DocumentNotFound
from legation.printable import DASHES
from legation.records.dates import display_date
from legation.records.frus_edition import frus_edition_url
from legation.records.document_record import UNSTORABLE_CHARACTERS, DocumentRecord, folded_identifier, unwrapped
from legation.records.models import Collection, Document
from legation.records.place_names import preferred_places
from legation.records.serialize import load_records


def get_document(identifier: str) -> DocumentRecord:
    """The stored document with this identifier. Raises :class:`DocumentNotFound` when there is none,
    at once for an identifier holding a character none may (a NUL in an address: PostgreSQL refused
    the query, a 500, where SQLite found nothing)."""
    if UNSTORABLE_CHARACTERS.search(identifier):
        raise DocumentNotFound(identifier, [])
    for record in load_records([identifier]):
        return record
    raise DocumentNotFound(identifier, identifiers_alike(identifier))


def identifiers_alike(identifier: str, limit: int = 10) -> list[str]:
    """The stored identifiers equal to ``identifier`` but for case (up to ``limit``, sorted): an
    archive stored before ingest refused such pairs may hold two (``case-A``, ``case-a``), which
    no address in a third case can choose between."""
    return sorted(Document.objects.filter(identifier_folded=folded_identifier(identifier)).values_list("identifier", flat=True)[:limit])


@dataclass(frozen=True)
class Canonical:
    """The stored identifier a near-miss address means, and whether the difference is certain
    (``permanent``: quotes or punctuation a pasted identifier drags along) or a case-insensitive match, true only while
    no other document matches (then a temporary redirect)."""

    identifier: str
    permanent: bool


_BRACKETS = "()[]<>«»\"“”"  # what a pasted address is enclosed in, whole or in part
_PAIRS = {"(": ")", "[": "]", "<": ">", "«": "»", "“": "”", '"': '"'}
_OPENING = {closing: opening for opening, closing in _PAIRS.items()}


def _unbracketed(text: str) -> str:
    """``text`` without the brackets and quotes around it that it does not open or close itself:
    a pair enclosing it all, a closing one at the end with no opening one for it (``note(1))`` →
    ``note(1)``), an opening one at the start with no closing one. Stripping every bracket at the
    ends made ``note(1`` of an identifier ending in one."""
    while len(text) > 1:
        first, last = text[0], text[-1]
        if _PAIRS.get(first) == last:
            text = text[1:-1]
        elif last in _OPENING and _OPENING[last] != last and text.count(last) > text.count(_OPENING[last]):
            text = text[:-1]
        elif first in _PAIRS and _PAIRS[first] != first and text.count(first) > text.count(_PAIRS[first]):
            text = text[1:]
        else:
            break
    return text


def _visible(text: str) -> str:
    """``text`` without the white space and invisible format characters (Unicode category Cf: a
    zero-width space, a byte order mark, a direction mark) at its ends, which a pasted address
    drags along and no identifier ends with (:data:`~legation.records.document_record.IDENTIFIER_RULE`
    refuses white space)."""
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or unicodedata.category(text[start]) == "Cf"):
        start += 1
    while end > start and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) == "Cf"):
        end -= 1
    return text[start:end]


def canonical_identifier(identifier: str) -> Canonical | None:
    """The stored document an address means when no document has exactly ``identifier``: the
    same identifier without the quotes, brackets and sentence punctuation a pasted one drags along (:func:`~legation.records.document_record.unwrapped`), else the one document whose identifier
    equals it ignoring case (none when two do). Reads the same table as :func:`get_document`, so it
    never names a document the document page would not show. An identifier with its accents
    decomposed (NFD: ``u`` and U+0308 for ``ü``, as some systems paste it) is read composed (NFC),
    as identifiers are stored: one text to a reader, so the redirect is permanent; white space and
    invisible characters at its ends are dropped (:func:`_visible`)."""
    if UNSTORABLE_CHARACTERS.search(identifier):  # no document holds one (and PostgreSQL refuses a NUL in a query)
        return None
    composed = _visible(unicodedata.normalize("NFC", identifier))
    stripped = unwrapped(composed)  # what a link copied from a sentence drags along: "see /documents/frus1949v07p1-d1."
    balanced = unwrapped(_unbracketed(stripped))  # from brackets it does not close itself: "(see /documents/note(1))."
    bare = unwrapped(stripped.strip(_BRACKETS))  # and from all brackets: "(see /documents/frus1949v07p1-d1)."
    candidates = (composed, stripped, balanced, bare)
    for exact in dict.fromkeys(candidates):
        if exact and exact != identifier and Document.objects.filter(identifier=exact).exists():
            return Canonical(exact, True)
    for candidate in dict.fromkeys(c for c in candidates if c):
        matches = list(Document.objects.filter(identifier_folded=folded_identifier(candidate)).values_list("identifier", flat=True)[:2])
        if len(matches) == 1 and matches[0] != identifier:
            return Canonical(matches[0], False)
    return None


@dataclass(frozen=True)
class RelatedDocument:
    """A document a record names as related (Dublin Core ``relation``): its ``identifier``, and
    when the archive holds it, its ``title`` and date as shown ("December 22, 1949"); both ``""``
    when it does not (yet)."""

    identifier: str
    title: str = ""
    date_display: str = ""

    @property
    def edition_url(self) -> str:
        """Where a document the archive does not hold can be read: its address in the public FRUS
        edition when its identifier is a FRUS document's (:func:`frus_edition_url`), else ``""``."""
        return "" if self.title else frus_edition_url(self.identifier)


def related_documents(record: DocumentRecord) -> list[RelatedDocument]:
    """The documents ``record.relations`` names, in its order, each with its title and date when
    stored here (one query). A relation written in another case than the document's identifier
    (``Rel-1`` for ``rel-1``, as another system's export may write it) names that document when
    it is the only one of that identifier ignoring case, as its address would
    (:func:`canonical_identifier`); it was shown "not in this archive"."""
    folded = {i: folded_identifier(i) for i in record.relations}
    rows = Document.objects.filter(identifier_folded__in=set(folded.values())).values_list("identifier", "identifier_folded", "title", "date_edtf")
    exact = {identifier: (identifier, title, date_edtf) for identifier, _, title, date_edtf in rows}
    alike: dict[str, list[tuple[str, str, str]]] = {}
    for identifier, key, title, date_edtf in rows:
        alike.setdefault(key, []).append((identifier, title, date_edtf))
    related = []
    for i in record.relations:
        found = exact.get(i) or (alike[folded[i]][0] if len(alike.get(folded[i], ())) == 1 else None)
        related.append(RelatedDocument(found[0], found[1], display_date(found[2])) if found else RelatedDocument(i))
    return related


def values_named(facet: str, text: str) -> set[str]:
    """The values of the facet ``facet`` that ``text``, typed in its box to narrow its list, names
    otherwise than they are written: the titles of the collections whose key holds it in any case
    (``frus1955`` of ``frus1955-57v02``; a collection's key, as its documents' identifiers show it,
    names it there as in a filter, :func:`as_listed`). ``set()`` for any other facet, or text no
    key can hold. Reads the database."""
    text = re.sub(f"[{DASHES}]", "-", text.strip())  # a key's hyphen typed as the dash a citation prints: frus1955–57
    if facet != "collection" or not text or UNSTORABLE_CHARACTERS.search(text):
        return set()
    return set(Collection.objects.annotate(key_lower=Lower("key")).filter(key_lower__contains=text.lower()).values_list("title", flat=True))


def _parts_of(volume: str) -> list[str]:
    """The titles of the collections that are the parts of the FRUS volume keyed ``volume`` (in any
    case), in the order of their numbers: ``frus1949v07p1`` and ``frus1949v07p2`` of ``frus1949v07``,
    published in two, as the query's ``collection:frus1949v07`` searches them; ``[]`` when none is held."""
    if UNSTORABLE_CHARACTERS.search(volume) or not volume.strip():
        return []
    part = re.compile(re.escape(volume.lower()) + r"p(\d+)")
    rows = Collection.objects.annotate(key_lower=Lower("key")).filter(key_lower__startswith=volume.lower() + "p").values_list("key_lower", "title")
    numbered = [(int(match[1]), title) for key, title in rows if (match := part.fullmatch(key))]
    return [title for _, title in sorted(numbered)]


def as_listed(filters: dict[str, list[str]]) -> dict[str, list[str]]:
    """``filters`` (facet name → values) with each value written otherwise than its facet lists it
    but naming one thing made the value listed: a collection's key, as its documents' identifiers
    show it, in any case (``frus1964-68v30``, ``FRUS1964-68V30``; the query's ``collection:`` takes it), its title, and a FRUS
    volume's key held only as parts of it (``frus1949v07``) the titles of the parts (:func:`_parts_of`); a place's other
    name of the authority records (``Peking``, :func:`~legation.records.place_names.preferred_places`),
    the place's name (``Beijing``). A value that is a collection's title, or a place's own name, is
    kept. Only the database of those two facets is read, and only when they are given."""
    found = dict(filters)

    def storable(values: list[str]) -> list[str]:  # a value no record can hold is not asked of the database
        return [v for v in values if not UNSTORABLE_CHARACTERS.search(v)]  # (PostgreSQL refuses a NUL: a 500)

    if values := filters.get("collection"):  # one query, on a facet click's path
        keys = [v.lower() for v in storable(values)]  # in any case, as a document's identifier
        rows = (
            Collection.objects.annotate(key_lower=Lower("key"))  # (SQLite's lower() folds ASCII letters alone:
            .filter(Q(title__in=storable(values)) | Q(key__in=storable(values)) | Q(key_lower__in=keys))  # the key as given too)
            .values_list("key", "title")
        )
        titled = {title for _, title in rows}
        exact = {key: title for key, title in rows if key not in titled}
        # a key in another case names the collection whose key it is alone ignoring case: of "holdings"
        # and "HOLDINGS" (made by ingest, or before the admin refused such twins), each names its own
        alike: dict[str, list[str]] = {}
        for key, title in exact.items():
            alike.setdefault(key.casefold(), []).append(title)
        folded = {key: titles[0] for key, titles in alike.items() if len(titles) == 1}
        named = [v if v in titled else exact.get(v) or folded.get(v.casefold(), v) for v in values]
        found["collection"] = list(dict.fromkeys(t for v in named for t in ([v] if v in titled or v in exact.values() else _parts_of(v) or [v])))
    if values := filters.get("place"):
        places = preferred_places(storable(values))
        found["place"] = list(dict.fromkeys(places.get(v, v) for v in values))
    return found
