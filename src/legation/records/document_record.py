"""The plain form of one archival document, shared by every reader, the ingest service and export.

Readers (``legation.ingest.readers``) produce :class:`DocumentRecord` objects; the ingest service
stores them; export turns stored documents back into the same objects. ``to_dict``/``from_dict``
define Legation JSON Lines: one ``DocumentRecord.to_dict()`` per line, keys in declaration order.
Field names follow Dublin Core where one fits (title, type, date, source, language, subject).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any, Literal

from legation.printable import C0_CONTROLS, DASHES, number_range, quoted

AgentRole = Literal["sender", "recipient", "mentioned"]
AgentKind = Literal["person", "organization"]
TextKind = Literal["transcript", "translation"]

AGENT_ROLES: tuple[str, ...] = ("sender", "recipient", "mentioned")
AGENT_KINDS: tuple[str, ...] = ("person", "organization")
TEXT_KINDS: tuple[str, ...] = ("transcript", "translation")
TABLE_CELLS = " | "  # between the cells of a table's row in a text, a row a line (the FRUS reader's TEI <table>; the page shows a table)
# the lines of an authority file (legation.records.authorities), which a folder of documents may hold
AUTHORITY_KINDS: tuple[str, ...] = (*AGENT_KINDS, "place")
AUTHORITY_KEYS: tuple[str, ...] = ("kind", "key", "name", "names", "same_as")


EXAMPLES = {
    "collections": '[{"key": "frus1949v07p1", "title": "FRUS 1949, vol. VII, part 1"}]',
    "agents": '[{"key": "person:mao-zedong", "name": "Mao Zedong", "role": "sender", "kind": "person", "names": []}]',
    "texts": '[{"kind": "transcript", "language": "en", "body": "…", "footnotes": []}]',
    "subjects": '["Sino-Soviet relations"]',
    "repositories": '["Archive of Foreign Policy of the Russian Federation (AVP RF)"]',
    "relations": '["frus1949v07p1-d12"]',
}
LIST_OF_STRINGS = ("subjects", "repositories", "relations")


IDENTIFIER_RULE = (
    "give 1–200 characters without spaces, control characters, invisible ones (such as a zero-width space, U+200B), "
    "lone surrogates, '/', '?' or '#', not only dots"
)


def is_identifier(value: str) -> bool:
    """Whether ``value`` can identify a document: it is the last step of its permalink
    (``/documents/<identifier>``), so 1–200 characters, no whitespace, control character, ``/``, ``?`` or ``#``, and
    not only dots (``.`` and ``..`` are path steps: ``/documents/..`` is the home page); no invisible format
    character (Unicode's category Cf: a zero-width space, a direction override), which no one can read or type
    from a page (``hc\u200bid`` reads as hcid; the admin saved an identifier of a zero-width space alone)."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= 200
        and not any(c.isspace() or c in "/?#" or c < " " or "\ud800" <= c <= "\udfff" for c in value)
        and (value.isascii() or not any(unicodedata.category(c) == "Cf" for c in value))
        and bool(value.strip("."))
    )


# A page as printed: Arabic (287), Roman (xii) or a label of letters and digits (A4); two joined by a
# hyphen or any dash are the first and last of a range, the last abridged as ranges are (1474–76).
# Arabic pages are numbered from 1 to MOST_PAGE and a range of them runs forwards; the order of
# others is not checked: an edition may number a part's pages apart (A1–A4 before 1).
_PAGE = r"[^\W_]{1,10}"
PAGES = re.compile(rf"({_PAGE})(?:\s*[{DASHES}]\s*({_PAGE}))?")
PAGES_RULE = "give the page that prints it, 287, or the first and last joined by a dash, 287–289 (no \"p.\" or \"pp.\"), or leave it empty"
MOST_PAGE = 99_999  # the highest page number kept (FRUS volumes run to about 2,500 pages)


def page_numbers(pages: str) -> tuple[int, int] | None:
    """The first and last page of a record's ``pages`` as numbers when both are Arabic numerals
    (``"287–289"`` → ``(287, 289)``, ``"287"`` → ``(287, 287)``, ``"1474–76"`` → ``(1474, 1476)``:
    :func:`legation.printable.number_range`), ``None`` otherwise (``""``, ``"xii–xiv"``, ``"A4"``,
    a range that runs backwards or holds a page outside 1 … :data:`MOST_PAGE`, which
    :meth:`DocumentRecord.validate` refuses): the pages a citation finds the document by (the
    index's ``page_first``/``page_last``)."""
    arabic = _arabic_pages(pages)
    return arabic if arabic is not None and 1 <= arabic[0] <= arabic[1] <= MOST_PAGE else None


_PAGES_LABEL = re.compile(r"(?:pp?\.|pp?(?=\s)|pages?\b)\s*", re.I)  # "p. 287", "pp. 287–289", "pp 12-14", "pages 287–289"
# A page's number as a citation or a catalogue writes it, up to MOST_PAGE: 290, 1,099 (a thousands
# separator without a space: "290, 300" are two pages). The one rule: page: of a query, the FRUS
# citation reader (legation.search.frus_citations) and pages_as_written read numbers by it.
PAGE_NUMBER = r"(?:\d{1,2},\d{3}(?![\d,])|\d{1,5})"
_PAGE_NUMBER = re.compile(PAGE_NUMBER)


def pages_as_written(text: str) -> str:
    """``text`` as a record's ``pages``, as a table or a form gives it: trimmed, without a label in
    front (``"pp. 287–289"`` → ``"287–289"``, ``"p. 287"``, ``"pages 287-289"``) or thousands
    separators (``"1,099–1,101"`` → ``"1099–1101"``), which citations write and :data:`PAGES_RULE`
    does not; anything else as given, for :func:`pages_problem` to judge."""
    text = _PAGE_NUMBER.sub(lambda number: number[0].replace(",", ""), text.strip()) if "," in text else text.strip()
    if (label := _PAGES_LABEL.match(text)) is not None and PAGES.fullmatch(text, label.end()):
        return text[label.end() :]
    return text


def pages_problem(pages: str) -> str:
    """What is wrong with a record's ``pages`` (``""`` when nothing): not pages as printed
    (:data:`PAGES_RULE`), or Arabic pages out of order or range."""
    if PAGES.fullmatch(pages) is None:
        return PAGES_RULE
    arabic = _arabic_pages(pages)
    if arabic is None or page_numbers(pages) is not None:
        return ""
    first, last = arabic
    if not (1 <= first and last <= MOST_PAGE):
        return f"pages are numbered from 1 to {MOST_PAGE:,}; {PAGES_RULE}"
    return f"the range ends before it starts; write its first page first ({last}\u2013{first}), or correct the page misprinted"


def _arabic_pages(pages: str) -> tuple[int, int] | None:
    """The first and last page of ``pages`` as written when both are Arabic numerals, the last
    abridged as printed (:func:`legation.printable.number_range`), in any order or range; else ``None``."""
    match = PAGES.fullmatch(pages)
    if match is None or not match.group(1).isdecimal() or not (match.group(2) or "0").isdecimal():
        return None
    return number_range(match.group(1), match.group(2) or match.group(1))


def folded_identifier(identifier: str) -> str:
    """``identifier`` composed (Unicode NFC) and case-folded (``str.casefold``, Unicode's full case
    folding: ``Straße-1`` → ``strasse-1``), as addresses and ingest compare identifiers: two that fold
    alike are one document's to a reader. At most 3 × 200 characters (no character folds to more than three)."""
    return unicodedata.normalize("NFC", identifier).casefold()


def distinct_identifiers(identifiers: Iterable[str]) -> list[str]:
    """``identifiers`` in their order, each document once: the first of those that fold alike
    (:func:`folded_identifier`), so ``["a-2", "A-2"]`` is ``["a-2"]`` (both were kept, and the
    page listed the one document twice)."""
    first: dict[str, str] = {}
    for identifier in identifiers:
        first.setdefault(folded_identifier(identifier), identifier)
    return list(first.values())


# Single quotes around a pasted word ('…', ‘…’) and the punctuation of the sentence it was pasted
# from after it (frus1949v07p1-d1. frus1949v07p1-d1,): not part of an identifier or an address.
_PASTED_AROUND = re.compile(r"^['\u2018\u2019\u201a\u201b]+|['\u2018\u2019\u201a\u201b.,;:!?]+$")


def unwrapped(text: str) -> str:
    """``text`` without the single quotes around it (``'…'``, ``‘…’``) and the sentence's
    punctuation after it (``.``, ``,``, ``;``, ``:``, ``!``, ``?``), as a word pasted from a
    sentence carries them: ``'frus1949v07p1-d1'.`` → ``frus1949v07p1-d1``; ``text`` itself when it
    has none. What search (:func:`legation.search.query.identifiers_like`, :func:`~legation.search.query.read_address`)
    and a document's address (:func:`legation.records.documents.canonical_identifier`) try when ``text`` as
    typed is no identifier."""
    return _PASTED_AROUND.sub("", text) if text and (text[0] in _AROUND or text[-1] in _AROUND) else text


_SEVERAL = re.compile(r"\S[\s,;]+\S")
"""Identifiers written one after another in one value (``rel-1, rel-2``, ``rel-1 rel-2``): a list
pasted where each relation is a value of its own."""

_AROUND = frozenset("'\u2018\u2019\u201a\u201b.,;:!?")


MAX_CHARACTERS: dict[str, int] = {
    "title": 2_000,
    "summary": 20_000,
    "source_note": 20_000,
    "rights": 10_000,
    "credit": 10_000,
    "text": 2_000_000,
    "footnote mark": 100,
    "footnote": 100_000,
}
"""Most characters a free-text field may hold (``"text"``: each text's body). Chosen with a wide margin over
the largest real sources Legation reads (2026): titles up to 592 characters (DFAT), summaries 831, source
notes 2,431, footnotes 2,623, texts 283,630 (a chapter of Atatürk's *Nutuk*; FRUS documents reach 31,175,
State of the Union addresses 218,881)."""
MAX_RECORD_CHARACTERS = 4_000_000
"""Most characters all the fields of one document may hold together."""
MAX_ITEMS = 20_000
"""Most agents, subjects, repositories, collections, related documents, texts and footnotes of one document together."""
UNSTORABLE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""What no value may hold: the C0 control characters but tab, line feed and carriage return,
lone surrogates (U+D800–U+DFFF, half of a UTF-16 pair, which a JSON ``"\ud800"`` escape gives), and
the noncharacters U+FFFE and U+FFFF (readers drop them: :func:`~legation.search.analyzers.drop_invisible`).
XML 1.0 (§2.2, ``Char``) allows none of them, so no TEI or OAI-PMH answer could carry one;
PostgreSQL refuses NUL in text; a surrogate cannot be written as UTF-8 at all (the store failed
with a traceback); a page can only print a control character as U+FFFD."""



def shows_nothing(text: str) -> bool:
    """Whether ``text`` shows nothing when printed: it holds only whitespace and invisible format
    characters (Unicode's category Cf: zero-width spaces, soft hyphens, direction marks and
    overrides, byte order marks). A title of a zero-width space alone was saved in the admin, and
    the document's page showed an empty heading."""
    return all(c.isspace() or unicodedata.category(c) == "Cf" for c in text)


INVISIBLE_ONLY = "but for invisible characters (such as a zero-width space, U+200B)"  # of a value that shows nothing


def value_problem(name: str, value: str, limit: int) -> str:
    """What no record may hold in ``value``, the value of the field ``name``: more than ``limit``
    characters, or a character of :data:`UNSTORABLE_CHARACTERS` (:func:`unstorable`); ``""`` when
    there is neither. The words :meth:`DocumentRecord.validate` fails a record with, for forms that
    change one field at a time (the admin), so that a curator cannot save what ingest refuses, nor
    what an export of the archive could then not ingest again."""
    if len(value) > limit:
        return f"{name} is {len(value):,} characters, more than the {limit:,} allowed: {quoted(value)}; shorten it"
    if problem := unstorable(name, value):
        return f"{problem}; remove it: no archive format (XML) nor store can keep it"
    return ""

def unstorable(name: str, value: str) -> str:
    """What is wrong with ``value``, the value of the field ``name``, when it holds a character of
    :data:`UNSTORABLE_CHARACTERS`: ``"text holds the control character U+0000 at character 101
    ('…requisites of America tho\\x00usand words…')"``, the first such character, where it stands
    and the 30 characters on either side; ``""`` when there is none."""
    if not holds_unstorable(value) or not (bad := UNSTORABLE_CHARACTERS.search(value)):
        return ""
    at, code = bad.start(), ord(bad[0])
    what = "half of a surrogate pair" if 0xD800 <= code <= 0xDFFF else "the noncharacter" if code >= 0xFFFE else "the control character"
    return f"{name} holds {what} U+{code:04X} at character {at + 1:,} ({value[max(0, at - 30) : at + 30]!r})"


_C0_BYTES = bytes(C0_CONTROLS)


def holds_unstorable(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`UNSTORABLE_CHARACTERS`, told without the regular
    expression, which reads a character in 9 ns (33 µs for a FRUS document's 3,700): a lone
    surrogate cannot be encoded in UTF-8, and a C0 control is the only character whose UTF-8 holds
    one of those bytes, which ``bytes.translate`` deletes in C (9 µs in all); the two
    noncharacters are sought as such."""
    try:
        raw = text.encode()
    except UnicodeEncodeError:
        return True
    return len(raw.translate(None, _C0_BYTES)) != len(raw) or "\ufffe" in text or "\uffff" in text


_EDTF_ADVICE = "; correct the day or month, or write the month alone (1950-02) when the day is not known"


class RecordError(ValueError):
    """A record breaks a rule of the data model; the message names the field and what to fix."""


@dataclass
class Footnote:
    """A footnote of a text: its mark as printed (``"2"``, ``"*"``) and its text."""

    n: str
    text: str


@dataclass
class TextRecord:
    """One text of a document: the original-language transcript or a translation.

    ``language`` is a BCP 47 / ISO 639 code (``"en"``, ``"ru"``, ``"zh"``). ``body`` is plain text,
    paragraphs separated by a blank line; footnotes are kept apart in ``footnotes``.
    """

    kind: str = "transcript"
    language: str = "en"
    body: str = ""
    footnotes: list[Footnote] = field(default_factory=list)


@dataclass
class AgentRef:
    """A person or organization linked to a document in a role (sender, recipient, mentioned).

    ``key`` identifies the authority record across documents (same key, same agent); ``name`` is
    the preferred name; ``names`` holds further names of the same agent (variants, full forms,
    other romanizations), e.g. the entry of a FRUS volume's list of persons.
    """

    key: str
    name: str
    role: str = "sender"
    kind: str = "person"
    names: list[str] = field(default_factory=list)


@dataclass
class CollectionRef:
    """A collection the document belongs to (a FRUS volume is one): stable key and title."""

    key: str
    title: str


@dataclass
class DocumentRecord:
    """One archival document, validated by :meth:`validate`.

    Where it was sent from: ``place_sent``, the place by the name the archive gives it (its place
    authority's preferred name, :mod:`legation.records.place_names`), and ``place_written`` that place
    as the source writes it when the archive names it otherwise (``"Peking"``, sent from Beijing), else
    ``""``: historians read a telegram of 1971 as sent from Peking.

    Where the original is and who may reuse it: ``source_note`` is the archival citation as the
    source gives it (file, box, telegram number); ``repositories`` the archives or libraries that
    hold the original (EAD ``repository``, TEI ``msIdentifier/repository``, the Wilson Center's
    "Original Archive"); ``rights`` the rights statement (Dublin Core ``rights``); ``credit`` whom
    the publication thanks for the document or its translation (donors, publishers). ``relations``
    are the identifiers of related documents (Dublin Core ``relation``; the Wilson Center's
    related and attached documents), which need not be in the archive (yet). ``pages`` are the
    pages of the printed edition of its first collection that print it, numbered as printed: one
    page (``"287"``) or the first and last joined by a dash (``"287–289"``; ``"xii–xiv"``), ``""``
    when it is not printed or they are not known (CSL-JSON ``page``; TEI ``biblScope unit="page"``):
    what a footnote citing it by pages names (:func:`page_numbers`).

    Dates: ``date_text`` is the date exactly as written in the source (``""`` when none);
    ``date_edtf`` its Extended Date/Time Format value (Library of Congress EDTF, ISO 8601-2:2019),
    ``""`` when undated; ``date_earliest``/``date_latest`` the first and last possible day as ISO
    ``YYYY-MM-DD`` strings, derived from ``date_edtf`` by :func:`legation.records.dates.day_bounds`
    (``""`` for an EDTF date before year 1, e.g. ``-0043``: kept, but outside date filters).
    """

    identifier: str
    title: str
    document_type: str = ""
    date_text: str = ""
    date_edtf: str = ""
    date_earliest: str = ""
    date_latest: str = ""
    place_sent: str = ""
    place_written: str = ""
    summary: str = ""
    source_note: str = ""
    repositories: list[str] = field(default_factory=list)
    rights: str = ""
    credit: str = ""
    classification: str = ""
    source_url: str = ""
    language: str = "en"
    collections: list[CollectionRef] = field(default_factory=list)
    pages: str = ""
    agents: list[AgentRef] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    texts: list[TextRecord] = field(default_factory=list)
    relations: list[str] = field(default_factory=list)

    def validate(self) -> DocumentRecord:
        """Check the record; return it. Raises :class:`RecordError` naming the field at fault."""
        from legation.records.dates import edtf_day_bounds

        # composed (NFC): "brief-müller-1" decomposed, as macOS writes file names, was another
        # document's identifier, and a folder copied from a Mac stored each letter twice (a fresh archivist)
        self.identifier = unicodedata.normalize("NFC", self.identifier)
        self.relations = [unicodedata.normalize("NFC", related) for related in self.relations]
        if not is_identifier(self.identifier):
            length = f" ({len(self.identifier):,} characters)" if len(self.identifier) > 200 else ""
            raise RecordError(f"identifier {quoted(self.identifier)}{length}: {IDENTIFIER_RULE}")
        for related in self.relations:
            if folded_identifier(related) == folded_identifier(self.identifier):
                raise RecordError(f"{self.identifier}: related document {quoted(related)} is this document itself: remove it; a document cannot relate to itself")
            if not is_identifier(related):
                several = _SEVERAL.search(related)
                advice = "; give each related document as a value of its own (in a CSV cell, separated by |)" if several else ""
                raise RecordError(f"{self.identifier}: related document {quoted(related)}: {IDENTIFIER_RULE}{advice}")
        if shows_nothing(self.title):
            raise RecordError(f"{self.identifier}: title is empty{' ' + INVISIBLE_ONLY if self.title.strip() else ''}; every document needs a title")
        if any(not name.strip() for name in self.repositories):
            raise RecordError(f"{self.identifier}: a repository name is empty; give each archive's name, or none")
        if self.source_url and not self.source_url.startswith(("https://", "http://")):
            raise RecordError(f"{self.identifier}: source_url {self.source_url[:80]!r} is not an http(s) address; give the public page's URL or leave it empty")
        if self.pages and (problem := pages_problem(self.pages)):
            raise RecordError(f"{self.identifier}: pages {quoted(self.pages[:80])}: {problem}")
        if self.date_edtf:
            try:
                bounds = edtf_day_bounds(self.date_edtf)  # None before year 1
            except RecordError as exc:  # named with the document, as every other fault of a record is
                raise RecordError(f"{self.identifier}: date_edtf: {exc}{_EDTF_ADVICE if 'real calendar date' in str(exc) else ''}") from None
            # always what date_edtf says, whatever a line gave: they are derived from it (an export's
            # date_edtf edited, its days left as they were; "1950" given with 1960-01-01 … 1940-01-01 was
            # shown as 1950 and found in no year)
            self.date_earliest, self.date_latest = (bounds[0].isoformat(), bounds[1].isoformat()) if bounds else ("", "")
        elif self.date_earliest or self.date_latest:
            raise RecordError(f"{self.identifier}: date_earliest/date_latest given without date_edtf")
        self._check_lengths()
        for agent in self.agents:
            if agent.role not in AGENT_ROLES:
                raise RecordError(f"{self.identifier}: agent {agent.name!r} has role {agent.role!r}; use one of {AGENT_ROLES}")
            if agent.kind not in AGENT_KINDS:
                raise RecordError(f"{self.identifier}: agent {agent.name!r} has kind {agent.kind!r}; use one of {AGENT_KINDS}")
            if not agent.key or not agent.name.strip():
                raise RecordError(f"{self.identifier}: an agent needs a key and a name")
        for text in self.texts:
            if text.kind not in TEXT_KINDS:
                raise RecordError(f"{self.identifier}: text kind {text.kind!r}; use one of {TEXT_KINDS}")
        return self

    def _check_lengths(self) -> None:
        """Values must fit the record store's columns (PostgreSQL enforces them, SQLite does not,
        so the check is here, the same for both), and the free-text fields the bounds of
        :data:`MAX_CHARACTERS` (in characters; a hostile file must not store a title of millions
        of characters, which every search would then print), and hold no control character nor lone surrogate
        (:data:`UNSTORABLE_CHARACTERS`). Raises :class:`RecordError` naming the field and its length,
        or the character and where it stands."""
        lists = len(self.agents) + len(self.subjects) + len(self.repositories) + len(self.collections) + len(self.relations)
        items = lists + len(self.texts) + sum(len(t.footnotes) for t in self.texts)
        if items > MAX_ITEMS:
            raise RecordError(
                f"{self.identifier}: has {items:,} agents, subjects, repositories, collections, related documents, texts "
                f"and footnotes, more than the {MAX_ITEMS:,} a document may have; split it"
            )
        limits = MAX_CHARACTERS
        values: list[tuple[str, str, int]] = [
            ("title", self.title, limits["title"]),
            ("summary", self.summary, limits["summary"]),
            ("source_note", self.source_note, limits["source_note"]),
            ("rights", self.rights, limits["rights"]),
            ("credit", self.credit, limits["credit"]),
            ("document_type", self.document_type, 100),
            ("date_text", self.date_text, 300),
            ("date_edtf", self.date_edtf, 100),
            ("classification", self.classification, 200),
            ("source_url", self.source_url, 500),
            ("language", self.language, 20),
            ("place_sent", self.place_sent, 300),
            ("place_written", self.place_written, 300),
            ("pages", self.pages, 50),
            *(("subject", s, 1000) for s in self.subjects),
            *(("repository", r, 500) for r in self.repositories),
            *(("collection key", c.key, 200) for c in self.collections),
            *(("collection title", c.title, 500) for c in self.collections),
            *(("agent key", a.key, 300) for a in self.agents),
            *(("agent name", n, 500) for a in self.agents for n in (a.name, *a.names)),
            *(("text language", t.language, 20) for t in self.texts),
            *(("text", t.body, limits["text"]) for t in self.texts),
            *(("footnote mark", f.n, limits["footnote mark"]) for t in self.texts for f in t.footnotes),
            *(("footnote", f.text, limits["footnote"]) for t in self.texts for f in t.footnotes),
        ]
        total = 0
        for name, value, limit in values:
            if len(value) > limit:
                raise RecordError(f"{self.identifier}: {value_problem(name, value, limit)}")
            total += len(value)
        # One look over all the values joined (a line feed between two is allowed), and each value
        # apart only to name the one at fault: a regular expression's search of each value was most of
        # validating a record (48 → 36 µs for a FRUS document, validated by its reader and on storing).
        if holds_unstorable("\n".join([value for _, value, _ in values])):
            for name, value, limit in values:
                if problem := value_problem(name, value, limit):
                    raise RecordError(f"{self.identifier}: {problem}")
        if total > MAX_RECORD_CHARACTERS:
            raise RecordError(
                f"{self.identifier}: its fields hold {total:,} characters together, more than the "
                f"{MAX_RECORD_CHARACTERS:,} a document may have; split it into several documents"
            )

    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict (the Legation JSON Lines form)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentRecord:
        """Build a record from :meth:`to_dict` output. Raises :class:`RecordError` for unknown or
        mistyped keys, naming them."""
        if not isinstance(data, dict):
            raise RecordError("a document must be a JSON object")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            meant = [f"{guess!r} for {k!r}" for k in unknown if (guess := _JSON_LINES_MEANT.get(k) or _closest(k, known))]
            said = f" (did you mean {', '.join(meant)}?)" if meant else ""
            raise RecordError(f"unknown fields {unknown}{said}; Legation JSON Lines has {sorted(known)}")
        # a document is named by its identifier when that is a string, else "a document": not
        # "None: …" or "123: …", Python's spelling of a JSON null or number (a fresh archivist's)
        identifier = data["identifier"] if isinstance(data.get("identifier"), str) and data["identifier"].strip() else "a document"
        missing = [name for name in ("identifier", "title") if data.get(name) is None]  # a null is no value either
        if missing:
            raise RecordError(
                f"{identifier}: missing required field(s) {', '.join(repr(name) + (' (null)' if name in data else '') for name in missing)}; "
                "every document needs an identifier and a title"
            )
        for name in ("collections", "agents", "texts", *LIST_OF_STRINGS):
            items = data.get(name, [])
            want = str if name in LIST_OF_STRINGS else dict
            if not isinstance(items, list) or not all(isinstance(i, want) for i in items):
                shape = "a list of strings" if want is str else "a list of JSON objects"
                raise RecordError(f"{identifier}: {name} must be {shape}, e.g. {EXAMPLES[name]}")
        values = dict(data)
        values["collections"] = [_part(CollectionRef, c, f"{identifier}: collections[{i}]") for i, c in enumerate(data.get("collections", []))]
        values["agents"] = [_part(AgentRef, a, f"{identifier}: agents[{i}]") for i, a in enumerate(data.get("agents", []))]
        texts = []
        for i, t in enumerate(data.get("texts", [])):
            notes = t.get("footnotes", [])
            if not isinstance(notes, list) or not all(isinstance(f, dict) for f in notes):
                raise RecordError(f"{identifier}: texts[{i}]: footnotes must be a list of JSON objects, e.g. [{{\"n\": \"1\", \"text\": \"…\"}}]")
            footnotes = [_part(Footnote, f, f"{identifier}: texts[{i}].footnotes[{j}]") for j, f in enumerate(notes)]
            texts.append(_part(TextRecord, {**t, "footnotes": footnotes}, f"{identifier}: texts[{i}]"))
        values["texts"] = texts
        record = cls(**values)
        _check_types(record, identifier)
        return record


# What a field of another model (Dublin Core, a spreadsheet's headers) is in Legation JSON Lines: "date" is the date as
# written (date_text, read into date_edtf), "text" a text's body (texts), "sender" an agent (agents, with its role)
_JSON_LINES_MEANT = {
    "date": "date_text", "text": "texts", "body": "texts", "transcript": "texts", "translation": "texts", "type": "document_type",
    "subject": "subjects", "collection": "collections", "repository": "repositories", "place": "place_sent",
    "sender": "agents", "recipient": "agents", "creator": "agents", "author": "agents", "relation": "relations",
    "url": "source_url", "source": "source_note", "id": "identifier", "description": "summary", "abstract": "summary",
}


def _closest(name: str, known: set[str]) -> str:
    """The field of ``known`` closest to a mistyped ``name`` (``"titel"`` → ``"title"``), or ""."""
    import difflib

    return next(iter(difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)), "")


def json_type(value: Any) -> str:
    """What a JSON value is, as a person reading the file would name it: ``12`` → "a number (12)", ``true`` →
    "true (JSON's yes-or-no value)": "title must be a string, not true" read as a riddle."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()} (JSON's yes-or-no value)"
    if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
        return f"{value!r} (which JSON does not have)".replace("nan", "NaN").replace("inf", "Infinity")
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    if isinstance(value, str):
        return f"a string ({value[:40]!r})"
    return "a list" if isinstance(value, list) else "a JSON object" if isinstance(value, dict) else type(value).__name__


def _check_types(part: Any, where: str) -> None:
    """Raise :class:`RecordError` at ``where`` when a field of ``part`` (a record, agent, text,
    footnote or collection built from JSON) declared a string holds another JSON value (a number,
    null, NaN, a list), or one declared a list of strings holds anything else: the one place
    that keeps a mistyped JSON value from reaching validation and storage, which expect strings."""
    for f in fields(part):
        value = getattr(part, f.name)
        if f.type == "str" and not isinstance(value, str):
            optional = f.default is not MISSING or f.default_factory is not MISSING  # a required field left out fails too
            raise RecordError(f"{where}: {f.name} must be a string, not {json_type(value)}; write it in quotes{', or leave it out' if optional else ''}")
        if f.type == "list[str]" and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            example = EXAMPLES.get(f.name, '["…"]')
            raise RecordError(f"{where}: {f.name} must be a list of strings, e.g. {example}")


def _part(kind: type, values: dict[str, Any], where: str) -> Any:
    """``kind(**values)`` (an agent, text, footnote or collection of a record), or a
    :class:`RecordError` at ``where`` naming the keys missing or unknown and those ``kind`` has."""
    try:
        part = kind(**values)
    except TypeError:
        names = [f.name for f in fields(kind)]
        required = [f.name for f in fields(kind) if f.default is MISSING and f.default_factory is MISSING]
        missing, unknown = [n for n in required if n not in values], sorted(set(values) - set(names))
        problem = "; ".join(([f"missing {missing}"] if missing else []) + ([f"unknown {unknown}"] if unknown else [])) or "bad keys"
        needed = f", of which {required} are required" if required else ""
        raise RecordError(f"{where}: {problem}; it takes {names}{needed}") from None
    _check_types(part, where)
    return part
