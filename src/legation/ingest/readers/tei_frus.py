"""Reader for *Foreign Relations of the United States* (FRUS) volumes in TEI P5 (one file per volume).

Source: the Office of the Historian's TEI edition (``HistoryAtState/frus``; the copy in
``../shared/data/frus``, described in its README §1). Each ``div[@type='document']`` becomes one
:class:`DocumentRecord`::

    identifier   "frus1949v07p1-d42"            {volume id}-{xml:id}
    title        head text, no leading number ("42." / "No. 462"), no footnotes; "Document 72A" (its
                 ``n``) when the head is empty, so a document is never lost for want of a heading
    date_*       the dateline/opener date (else a date in the head, else the day the head ends with, all the
                 days of a head giving one in each of two places, see head_date): @when (time dropped),
                 @when+@to, @from/@to, @notBefore/@notAfter → EDTF
                 ("1972-06-22/1972-06-23"); date_text is the element's text as printed; date_edtf "" when
                 no valid machine-readable date
    place_sent   dateline placeName as printed, not re-cased (smallcaps is rendering only; the
                 text is "Batavia"), editorial brackets removed ("[Paris" → "Paris")
    agents       senders/recipients from the head (see _agents), persons named with
                 persName[@corresp] elsewhere in the document as "mentioned"
    document_type  from the title, else from the older volumes' source note ("…: Telegram")
    classification  the security level only ("Top Secret", "Secret", "Confidential",
                 "Restricted", "Limited Official Use", "Official Use Only", "Unclassified"),
                 title-cased; precedence and handling words (Niact, Priority, Exdis) are not kept
    source_note  note[@type='source'] (or a head note "[Source: … not declassified.]");
                 summary: note[@type='summary'] (e-volumes)
    repositories the institution the source note's first segment names, by :data:`REPOSITORIES`
                 ("Source: Johnson Library, National Security File, …" → "Lyndon B. Johnson Library");
                 none when the note names no institution there (a decimal file number alone, a
                 person's papers, a publication) or there is no note
    rights       :data:`RIGHTS` (the volumes carry no licence: FRUS is a publication of the U.S.
                 Department of State, a work of the United States Government)
    texts        one English transcript: body blocks separated by blank lines, footnotes apart
    subjects     heads of the enclosing compilation/chapter/subchapter divs, outermost first; not a
                 head that is only a date ("January 1961": the microfiche supplements' chapters by month)
    collections  the volume: key = volume id, title = teiHeader title[@type='complete']
    pages        the printed pages it stands on, by the volume's page breaks (``pb`` with ``@n`` and
                 an ``xml:id`` "pg_…"): the page where its first words are printed to the page of
                 its last ("287–289", "287"), so that a footnote citing the volume by pages finds
                 it; "" in the electronic-only volumes, whose page breaks are each document's own
                 scanned pages, numbered from 1 in every document (``xml:id`` "d2-01", "d1_pg1").
                 See :func:`_pages`
    relations    the documents its text and notes refer to by ``ref[@target]``, in order: one of the
                 volume (``#d6``, ``#d468fn3``: a note of d468) as ``{volume id}-d6``, one of another
                 volume (``frus1952-54v14p1#d77``) as ``frus1952-54v14p1-d77``; not itself. So the
                 page lists them, and links a "Document 6" of its text to the document meant
                 (:func:`legation.web.templating.document_links`)

Agents: an agent's key is ``"{kind}:{slug of the name}"`` so it is the same in every volume; a
person linked (``@corresp="#p_…"``) to the volume's list of persons is keyed and named by the
full name of that list ("Caffery, Jefferson" → ``person:jefferson-caffery``, name "Jefferson
Caffery"; middle names as initials in the key, so "Lyndon Baines" and "Lyndon B." Johnson are one);
a name without a link ("the President's Special Assistant (Rostow)") is the entry with that surname,
among several the one whose offices in the list share most words with the title's; otherwise the
name as printed (``person:caffery``). Offices named without a holder
("the Secretary of State", "the President") are recorded as organizations: they are the office,
and the holder is not guessed; but a document whose one sender is such an office and whose own
signature names a person the list gives that office at the document's date has that person as
sender ("The Secretary of State to the Embassy in Japan" signed "Dulles", 1953: John Foster Dulles;
see :func:`_agents`, :func:`signer`).

Errors: like every reader, :func:`read_frus_volume` yields records and, for a document it cannot
make valid (no ``xml:id``, a repeated ``xml:id``, an empty head), an :class:`IngestError` item
located at ``"document d42"``; the other documents go on. A file that cannot be parsed at all
raises :class:`IngestError`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from rapidfuzz.distance import DamerauLevenshtein

from legation.errors import IngestError
from legation.ingest.titles import (
    HONORIFICS,
    NICKNAMES,
    TITLE_WORDS,
    document_type_from_source_note,
    document_type_from_title,
    normalize_space,
    office_without_holder,
    party_name,
    party_phrases,
    strip_leading_number,
    strip_titles,
)
from legation.ingest.dates import parse_archival_date, roman_value, tei_attributes_as_written, tei_edtf
from legation.ingest.names import NAME_SUFFIXES, PARTICLES, RANKS, alike_given, inverted, name_parts
from legation.ingest.names import heading as library_heading
from legation.ingest.slugs import slug
from legation.ingest.readers import kind_from_name
from legation.ingest.xml import TEI_NS, inline_text, local_name, parse_xml
from legation.records.document_record import (
    TABLE_CELLS,
    AgentRef,
    CollectionRef,
    DocumentRecord,
    Footnote,
    RecordError,
    TextRecord,
    pages_problem,
)
from legation.printable import DASHES
from legation.records.frus_edition import FRUS_EDITION_URL

T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
RIGHTS = "Public domain: a work of the United States Government (17 U.S.C. § 105)"
SECTION_TYPES = ("compilation", "chapter", "subchapter")
SKIP_IN_TEXT = {"note", "pb", "fw"}
SKIP_IN_BODY = {"note", "pb", "fw", "gap", "figure"}
CONTAINERS = {"quote", "attachment", "div", "postscript", "opener", "lg", "floatingText", "body"}
BLOCKS = CONTAINERS | {"p", "ab", "list", "table", "closer", "head", "dateline", "salute", "signed"}
_LEVELS = "Top Secret|Secret|Confidential|Restricted|Limited Official Use|Official Use Only|Unclassified"
_LEVEL = re.compile(rf"\b({_LEVELS})\b", re.I)  # in a marking: "secret us urgent"
_SOURCE_LEVEL = re.compile(rf"(?:^|[.;]\s)({_LEVELS})(?=\s*[.;,]|$)")  # a sentence: "… 611.94/1–752. Secret; Exdis."


_local = local_name

#: The archives FRUS source notes name first ("Source: Department of State, Central Files, 793.00/1–1255.",
#: "Source: Johnson Library, National Security File, …"), as the notes print them (typos included, so that
#: each is a deliberate entry rather than a guess), under the name the volumes' own "Sources" front matter
#: gives the institution (``div[@xml:id='sources']``: "Lyndon B. Johnson Library, Austin, Texas"), place left
#: out. Built from every distinct first segment of the 100 volumes of the Office of the Historian's TEI
#: edition (2015). One institution, one name: "National Archives" and its former name "National Archives
#: and Records Service" are the National Archives and Records Administration; "Nixon Presidential
#: Materials" is the Nixon Presidential Materials Project, which the volumes' Sources place at the National
#: Archives and Records Administration; "Washington Federal Records Center" is the Washington National
#: Records Center (the same FRC accessions are cited under both names); "Stanford University" is printed
#: only as "Stanford University, Hoover Institution". The Department of State is what the
#: notes say of its central and lot files, though these have since gone to the National Archives (RG 59):
#: the note, not a later move, says where the editors read the document. Not here, so giving no repository:
#: a records series or a person's papers named without their holder ("JCS Records", "National Security
#: Council Files", "Harriman Papers", "S/P Files: Lot 64 D 563", a decimal file "793.00/1–1050"), and
#: publications ("Department of State Bulletin", "Public Papers").
REPOSITORIES: dict[str, tuple[str, ...]] = {
    "Department of State": (
        "Department of State", "Department of State Central Files", "Department of State/Central Files",
        "Department of State Atomic Energy Files", "Department of State Disarmament Files",
        "Department of State INR–NIE Files", "Department of State S/S–NSC Files",
        "Department State", "Department States", "Department of States", "Department of Sate", "Department of Stare",
        "Department or State", "Department fo State", "Departmegnt of State",
    ),
    "National Archives and Records Administration": (
        "National Archives", "National Archives and Records Administration", "National Archives and Records Service",
        "National Archives and Records Services", "National Records and Records Administration",
        "Nixon Presidential Materials",
    ),
    "Washington National Records Center": (
        "Washington National Records Center", "Washington National Record Center", "Washington National Records",
        "Washington Nationals Records Center", "Washington Federal Records Center",
    ),
    "Harry S. Truman Library": ("Truman Library",),
    "Dwight D. Eisenhower Library": ("Eisenhower Library", "Eisenhower Libratry", "Eiserhower Library"),
    "John F. Kennedy Library": ("Kennedy Library",),
    "Lyndon B. Johnson Library": ("Johnson Library", "Jonson Library"),
    "Richard Nixon Library": ("The Richard Nixon Library",),
    "Gerald R. Ford Library": ("Ford Library",),
    "Jimmy Carter Library": ("Carter Library",),
    "Central Intelligence Agency": (
        "Central Intelligence Agency", "Central Intelligence Agency Files", "CIA Files", "Central Intellience Agency",
    ),
    "Library of Congress": ("Library of Congress", "Library of Congress Manuscript Division"),
    "National Security Council": ("National Security Council",),
    "National Security Agency": ("National Security Agency",),
    "Department of Defense": ("Department of Defense", "Department of Defense Files"),
    "Department of Commerce": ("Department of Commerce", "Commerce Department Files"),
    "Department of Energy": ("Department of Energy",),
    "National Defense University": ("National Defense University",),
    "Center of Military History, Department of the Army": ("Center of Military History", "U.S. Army Center for Military History"),
    "U.S. Army Military History Institute": (
        "U.S. Army Military History Institute", "U.S. Army Military Historical Institute", "U.S. Military History Institute",
        "USAMHI",
    ),
    "U.S. Mission to the United Nations": ("U.S. Mission to the United Nations",),
    "Naval Historical Center": ("Naval Historical Center",),
    "Minnesota Historical Society": ("Minnesota Historical Society",),
    "Mansfield Library, University of Montana": ("University of Montana", "University of Montana Library"),
    "Hoover Institution Archives": ("Hoover Institution Archives", "Hoover Institution", "Stanford University"),
    "Princeton University Library": ("Princeton University", "Princeton University Library"),
    "Michigan State University Archives and Historical Collections": (
        "Michigan State University Archives and Historical Collections", "Michigan State University Archives",
        "Michigan State University",
    ),
    "Yale University Library": ("Yale University", "Yale University Library"),
    "Columbia University": ("Columbia University",),
    "Russian Ministry of Foreign Affairs": ("Russian Ministry of Foreign Affairs",),
}
_REPOSITORY_BY_PRINTED = {printed.casefold(): name for name, forms in REPOSITORIES.items() for printed in forms}
# "Source:", "Source;", "Source,", "Source." "Source " (colon lost), "[Source:", ".Source:", "Sources:", "Source: Source:"
_SOURCE_PREFIX = re.compile(r"^[\s\[.]*(?:sources?\b\s*[:;,.]?\s*)*", re.I)
# The first segment ends at a comma, colon, semicolon or a sentence's full stop, not at an initial's ("U.S. Army")
_SEGMENT_END = re.compile(r"\s*(?:[,;:]|(?<!\b[A-Z])\.(?=\s|$))")
# A record group or CIA job printed without a comma: "National Archives and Records Administration RG 59"
_SERIES_NUMBER = re.compile(r"\s+(?:RG\s*\d+|Job\b.*)$")


def repository_from_source_note(note: str) -> str:
    """The repository a FRUS source note names first, by :data:`REPOSITORIES`, or ``""`` when its first
    segment is no institution listed there: ``"Source: National Archives, RG 59, Central Files 1967–69,
    POL 1 CHICOM-US. Secret."`` → ``"National Archives and Records Administration"``;
    ``"Source: Eisenhower Library, Whitman File"`` and the older volumes' unprefixed "Eisenhower Library,
    Whitman file" → ``"Dwight D. Eisenhower Library"``; ``"793.00/1–1050: Telegram"`` → ``""``."""
    body = _SOURCE_PREFIX.sub("", note, count=1)
    first = _SERIES_NUMBER.sub("", normalize_space(_SEGMENT_END.split(body, maxsplit=1)[0]))
    return _REPOSITORY_BY_PRINTED.get(first.casefold(), "")


def _text(el: etree._Element, marks: bool = False) -> str:
    """Whitespace-normalized text of an element without footnotes and page breaks; ``lb`` is a space.
    With ``marks``, a footnote leaves its printed mark in brackets (``Pignon[2] told me``), so the
    reader of the body sees where the note (kept apart) belongs."""
    return inline_text(el, SKIP_IN_TEXT, note=_note_mark if marks else None)


def _note_mark(note: etree._Element) -> str:
    """A footnote's printed mark in brackets; nothing for source and summary notes."""
    return f"[{note.get('n')}]" if note.get("n") and note.get("type") not in ("source", "summary") else ""


def _iter_outside_notes(el: etree._Element, names: set[str]) -> Iterator[etree._Element]:
    """Descendants named ``names`` that are not inside a ``note``."""
    for child in el:
        name = _local(child.tag)
        if name == "note":
            continue
        if name in names:
            yield child
        yield from _iter_outside_notes(child, names)


@dataclass
class Person:
    """An entry of a volume's list of persons: key, preferred name, the entry as printed, the
    words of the offices the list gives ("Special Assistant to the President …") and those offices
    as printed (``line``: "Secretary of State from January 21, 1949")."""

    key: str
    name: str
    names: list[str] = field(default_factory=list)
    offices: frozenset[str] = frozenset()
    line: str = ""

    @property
    def surname(self) -> str:
        """The part of the entry before its first comma: ``"Rostow, Walt W."`` → ``"Rostow"``."""
        return self.names[0].split(",", 1)[0].strip()

    @functools.cached_property
    def forms(self) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
        """The entry's name words as :func:`_name_tokens` gives them ("Chiang Kai-shek, Generalissimo" →
        {"chiang", "kaishek", "generalissimo"}) with their hyphenated and lower-case parts ("kai",
        "shek", "von"); the initials of the names ("Dulles, John F." → {"f"}); the name words alone;
        and each two parts together ("lesesne", for "LeS")."""
        proper: set[str] = set()
        parts: set[str] = set()
        joined: set[str] = set()
        initials: set[str] = set()
        for n in dict.fromkeys([self.name, *self.names]):
            proper.update(_name_tokens(n.replace(",", " ")))
            pieces = [w for w in slug(re.sub(r"[-–—]", " ", n)).split("-") if w]
            parts.update(pieces)
            joined.update(a + b for a, b in zip(pieces, pieces[1:]))
            initials.update(t[0].lower() for t in n.replace(".", ". ").split() if re.fullmatch(r"[A-Z]\.", t))
        return frozenset(proper | parts), frozenset(initials), frozenset(proper), frozenset(joined)

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """Slugged words of the entry as printed and of its further names (see :func:`_names_entry`)."""
        return frozenset(slug(w) for w in self.names[0].replace(",", " ").split()) | {
            slug(w) for n in self.names[1:] for w in n.split()
        }


_MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"}
# Words that say nothing about which office a title names.
_NOT_OFFICE = {"the", "of", "for", "to", "in", "at", "and", "on", "a", "an", "from", "until", "after", "with"}


def office_words(text: str) -> frozenset[str]:
    """Lower-case words of an office as a title or a list of persons writes it, possessives and
    dates dropped: ``"the President's Special Assistant"`` → {"president", "special", "assistant"}."""
    words = re.findall(r"[A-Za-z][A-Za-z-]*", re.sub(r"['’]s\b", "", text))
    return frozenset(w.lower() for w in words if w.lower() not in _NOT_OFFICE and w not in _MONTH_NAMES)



def person_from_entry(entry: str) -> Person:
    """``"Caffery, Jefferson"`` → Person("person:jefferson-caffery", "Jefferson Caffery",
    ["Caffery, Jefferson"]); ranks are dropped (``"Taylor, General Maxwell D."`` → "Maxwell D.
    Taylor"), suffixes kept ("…, Jr."; "MacArthur, Douglas II" is person:douglas-macarthur-ii), a
    parenthesized variant becomes a further name
    (``"Chou En-lai (Zhou Enlai)"``); uninverted names ("Ngo Dinh Diem") stay as printed. The key
    of an inverted entry has the middle names as initials (``"Dulles, John Foster"`` →
    person:john-f-dulles), so the volumes that spell them out and those that do not agree."""
    entry = normalize_space(entry).strip(" ,")
    names = [entry]
    base = entry
    if m := re.search(r"\s*\(([^()]+)\)$", entry):
        base = entry[: m.start()]
        if m.group(1)[:1].isupper() and not re.search(r"[“”\"]", m.group(1)):
            names.append(m.group(1))
    base = re.sub(r"\s*\([^()]*[“\"][^()]*\)", "", base)  # "Wang Shu-ming (“Tiger” Wang), General"
    base = re.sub(r"\s*[“\"][^”\"]*[”\"]?", "", base)
    # An entry of the list is a person's name: every comma inverts it (legation.ingest.names, the rule
    # tables follow too); "MacArthur, Douglas II": a suffix printed without its comma is still a suffix;
    # "Peng Meng-chi, General": the rank is dropped.
    if (parts := name_parts(base)) is not None:
        name = parts.direct
        # One key however much of the middle names a volume spells out: "Johnson, Lyndon Baines" and
        # "Johnson, Lyndon B." are both person:lyndon-b-johnson, "Khrushchev, Nikita Sergeevich"
        # is person:nikita-s-khrushchev.
        first, *middle = parts.given.replace(".", ". ").split() or [""]
        key_name = " ".join([first, *(m[0] for m in middle), parts.surname, *parts.suffixes])
    else:  # "General Peng Meng-chi", "Senator Walter F. George": the rank is no part of the name
        name = key_name = RANKS.sub("", base) or base
    return Person(key=f"person:{slug(key_name)}", name=name, names=names)


@dataclass
class FrusVolume:
    """What a volume's documents share: its id, title and list of persons (by ``xml:id``)."""

    volume_id: str
    title: str
    persons: dict[str, Person] = field(default_factory=dict)
    see: dict[str, str] = field(default_factory=dict)  # a cross-reference's xml:id ("Thieu, see …") → its entry's
    listed: bool = True  # the persons come from a list of persons (with offices), not from the index
    places: frozenset[str] = frozenset()  # the places of the volume's datelines, as printed
    page_before: dict[str, str] = field(default_factory=dict)  # a document's xml:id → the page printed when it begins (pb/@n)
    documents: frozenset[str] = frozenset()  # the xml:ids of its documents (div[@type='document'])
    _people: dict[tuple[str, str | None, str, str], AgentRef] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_root(cls, root: etree._Element, path: Path) -> FrusVolume:
        """Volume id from ``idno[@type='frus']``, else ``TEI/@xml:id``, else the file name;
        title from ``title[@type='complete']`` (else the header's titles joined)."""
        header = root.find(f"{T}teiHeader")
        idno = root.find(f".//{T}publicationStmt/{T}idno[@type='frus']")
        stem = re.sub(r"\.xml(\.gz)?$", "", path.name)
        volume_id = ((idno.text or "").strip() if idno is not None else "") or root.get(XML_ID) or stem
        title = ""
        if header is not None:
            complete = header.find(f".//{T}titleStmt/{T}title[@type='complete']")
            if complete is not None:
                title = _text(complete)
            else:
                title = ", ".join(t for t in (_text(e) for e in header.iterfind(f".//{T}titleStmt/{T}title")) if t)
        persons: dict[str, Person] = {}
        references: dict[str, str] = {}  # xml:id of a cross-reference → its target's xml:id or name
        see_entries: dict[str, str] = {}  # xml:id of a cross-reference → the xml:id of the entry it refers to
        for div in root.iter(f"{T}div"):
            if div.get(XML_ID) == "persons":
                for name in div.iter(f"{T}persName"):
                    if name.get(XML_ID) and (text := _text(name)):
                        person = person_from_entry(text)
                        item = next(name.iterancestors(f"{T}item"), None)
                        if item is not None:  # "Rostow, Walt W., Counselor of the Department of State …"
                            person.line = _text(item)[len(text):].strip(" ,;:.")
                            person.offices = office_words(person.line) - office_words(text)
                        persons[name.get(XML_ID)] = person
                        if item is not None and (see := _SEE.fullmatch(person.line)):
                            linked = next((e.get("corresp") for e in item.iter(f"{T}persName") if e.get("corresp")), "")
                            references[name.get(XML_ID)] = linked.lstrip("#") or see[1]
        for xml_id, target in references.items():  # "Thieu, see Nguyen Van Thieu": no person of its own
            found = target if target in persons else next((k for k, p in persons.items() if target in (p.name, p.names[0])), None)
            if found is not None and found != xml_id:
                see_entries[xml_id] = found
                del persons[xml_id]
        listed = bool(persons)
        if not persons:
            persons = index_persons(root)
        places = frozenset(p for d in root.iter(f"{T}dateline") if (p := _dateline_place([d])))
        page_before: dict[str, str] = {}
        documents: set[str] = set()
        page = ""
        for element in root.iter(f"{T}pb", f"{T}div"):  # in document order: a div comes before the page breaks inside it
            if element.tag == f"{T}pb":
                page = _page_number(element) or page
            elif element.get("type") == "document":
                documents.add(element.get(XML_ID) or "")
                if page:
                    page_before[element.get(XML_ID) or ""] = page
        return cls(
            volume_id=volume_id, title=title or volume_id, persons=persons, see=see_entries, listed=listed, places=places,
            page_before=page_before, documents=frozenset(documents),
        )

    @functools.cached_property
    def by_name(self) -> dict[str, list[Person]]:
        """The entries of the list of persons by surname and by name, each in list order (asked
        for every name of every document: a look-up, not a walk through the list)."""
        found: dict[str, list[Person]] = {}
        for person in self.persons.values():
            for name in dict.fromkeys((person.surname, person.name)):
                found.setdefault(name, []).append(person)
        return found

    def entry(self, name: str, phrase: str = "") -> Person | None:
        """The one entry of the list of persons a name written without a link stands for: the entry
        whose surname (or full name) it is; among several (Walt W. and Eugene V. Rostow), the one
        whose offices share the most words with the title's ``phrase`` ("the President's Special
        Assistant (Rostow)"); None when no entry, or no single best one, fits."""
        found = list(self.by_name.get(name, ()))
        if len(found) > 1:
            words = office_words(phrase) - office_words(name)
            scores = sorted(((len(words & p.offices), i) for i, p in enumerate(found)), reverse=True)
            if scores[0][0] == 0 or scores[0][0] == scores[1][0]:
                return None
            found = [found[scores[0][1]]]
        return found[0] if len(found) == 1 else None

    def person(self, text: str, corresp: str | None, role: str, phrase: str = "") -> AgentRef:
        """:meth:`find_person`, remembered for the volume: its documents name the same persons
        again and again (48,688 names in 6,375 documents of 20 volumes). Each call returns its
        own copy, which the caller may change."""
        found = self._people.get((text, corresp, role, phrase))
        if found is None:
            found = self._people[text, corresp, role, phrase] = self.find_person(text, corresp, role, phrase)
        return AgentRef(key=found.key, name=found.name, role=found.role, kind=found.kind, names=list(found.names))

    def find_person(self, text: str, corresp: str | None, role: str, phrase: str = "") -> AgentRef:
        """The agent a ``persName`` (or a title's party ``phrase``) names: the list-of-persons entry
        ``corresp`` points to, unless the name printed is another entry's and not this one's (some
        links point to the wrong entry: "Nixon" to Kissinger's, "Stalin" to Khrushchev's, "Shih Yen-hua"
        to Rodman's, see :func:`_plainly_other`; initials, nicknames and titles such as "K", "Bob" or
        "the President" keep their link) or a namesake's of another given name ("Chiang Ching-kuo" to his
        father's, see :func:`_other_given_name`); else the entry the name stands for (see :meth:`entry`,
        :meth:`same_name`); else the name as printed. The name printed becomes a further name of the
        entry unless it is a title or a single word of the entry's names ("Generalissimo", "Chiang", see
        :func:`_further_name`)."""
        name = strip_titles(text)
        if name.islower():  # "(<hi rend='italic'>sebald</hi>)": case lost to the italics
            name = " ".join(w[:1].upper() + w[1:] for w in name.split())
        linked = (corresp or "").lstrip("#")
        entry = self.persons.get(self.see.get(linked, linked)) if corresp else None
        namesake = entry is not None and _other_given_name(name, entry)
        if entry is not None and (
            namesake or not _names_entry(name, entry) and (name in self.by_name or _plainly_other(name, entry))
        ):
            entry = None
        if entry is None:
            entry = self.entry(name, phrase or text) or (self.same_name(name) if namesake else None)
        if entry is None:
            names = [text] if name != text else []
            return AgentRef(key=f"person:{slug(name)}", name=name, role=role, kind="person", names=names)
        return _entry_ref(entry, text, name, role)

    def same_name(self, name: str) -> Person | None:
        """For a name linked to a namesake's entry, the one entry every word of it is like, initials and familiar names aside (see
        :func:`_like_word`): "Chiang Ching-Kuo" is "Chiang Ching-kuo", "Eugene Rostow" is "Rostow,
        Eugene V."; None when none or several are, or the name is one word ("Dean")."""
        tokens = _name_tokens(name)
        found = {p.key: p for p in self.persons.values()
                 if len(tokens) > 1 and all(any(_like_word(w, k) for k in p.forms[0]) for w in tokens)}
        return next(iter(found.values())) if len(found) == 1 else None

    def signer(self, name: str, corresp: str | None, office: str, when: str = "") -> Person | str:
        """The entry of the list of persons a signature names, when the list gives that person the
        ``office`` the title names without its holder at the document's date ``when`` (EDTF,
        :func:`holds_office`); else why not (one of :data:`SIGNER_REASONS`). ``name`` is the
        signature as :func:`signature` reads it.

        The name is found as the reader finds every other: a ``persName`` link (``corresp``, corrected
        as :meth:`find_person` corrects it), else the entry whose surname or full name it is (among
        several, the one whose offices fit the title's best, :meth:`entry`), else the one entry every
        word of it is like ("Dean Acheson" for "Acheson, Dean G.", :meth:`same_name`), else its surname
        with initials that are the entry's ("G. C. Marshall"). The office is checked because the
        list names every person the volume mentions: a signature "Foster" (John Foster Dulles
        signing a personal letter) is the surname of William C. Foster, whom the list makes Deputy
        Secretary of Defense, not Secretary of State. A link to a namesake who does not hold the
        office is read as no link: frus1955-57v04 links the signature "Dulles" of telegrams "From the
        Secretary of State" to Allen W. Dulles, Director of Central Intelligence, and its list's other
        Dulles, John Foster, "Secretary of State", is the signer."""
        if not self.listed:
            return NO_LIST
        linked = None
        if corresp:
            linked = self.by_key.get(self.find_person(name, corresp, "sender", office).key)
            if linked is not None and holds_office(linked.line, office, when):
                return linked
        entry = self._named(name, office)
        if isinstance(entry, str):
            return OTHER_OFFICE if entry == NOT_LISTED and linked is not None else entry
        return entry if holds_office(entry.line, office, when) else OTHER_OFFICE

    def _named(self, name: str, phrase: str) -> Person | str:
        """The one entry a name written without a link stands for (see :meth:`signer`), or why none."""
        found = self.by_name.get(name, ())
        entry = self.entry(name, phrase) if found else self.same_name(name)
        if entry is None and not found:
            words = [w for w in name.split() if not _INITIAL.fullmatch(w) and w not in NAME_SUFFIXES]
            initials = [w[0] for w in name.split() if _INITIAL.fullmatch(w)]
            if len(words) == 1 and (found := self.by_name.get(words[0], ())):
                entry = self.entry(words[0], phrase)
                if entry is not None and not all(i.lower() in _first_letters(entry) for i in initials):
                    return NOT_LISTED  # "H. Smith" is not Walter Bedell Smith
        if entry is None:
            return AMBIGUOUS if len(found) > 1 else NOT_LISTED
        return entry

    @functools.cached_property
    def by_key(self) -> dict[str, Person]:
        """The entries of the list of persons by their agent key."""
        return {p.key: p for p in self.persons.values()}


# A list of persons' cross-reference: "Thieu, see Nguyen Van Thieu", "Minh (“Big Minh”), see <persName
# corresp='#p_DVMBM1'>Duong Van Minh</persName>" (not "see also", which follows an entry of its own)
_SEE = re.compile(r"see\s+(?!also\b)(\S.*)", re.I)


def index_persons(root: etree._Element) -> dict[str, Person]:
    """The persons of a volume's back-of-book index (``div[@xml:id='index']``), for a volume without
    a list of persons (eight volumes of 1948–1952, the demo's frus1949v07 and frus1951v07p2 among
    them): each entry of the index's own list whose heading, up to its colon or its first page
    reference, is plainly an inverted person's name (:func:`legation.ingest.names.inverted`:
    "Sebald, William J.", "Johnson, Louis A.", not "China, Republic of"), keyed by its place in the
    index (``"index 12"``: no ``xml:id`` can hold a space, so no link points to one). Such an entry
    has no offices: it names a person written without his given names in a title ("(Sebald)")
    when he is the one person of that surname the volume indexes, never a signer of an office
    (:meth:`FrusVolume.signer` needs the offices of a list)."""
    persons: dict[str, Person] = {}
    for div in root.iter(f"{T}div"):
        if div.get(XML_ID) != "index":
            continue
        for n, item in enumerate(i for lst in div.iterfind(f"{T}list") for i in lst.iterfind(f"{T}item")):
            heading = re.split(r"[:\d]", normalize_space(item.text or ""), maxsplit=1)[0].rstrip(" ,;")  # "…, W. Walton: French Indochina, 19"
            # a title after the forenames, as a library heading writes it ("Sihanouk, Norodom, Prince"), is read by
            # inverted() for tables, not by person_from_entry, which would make "Norodom Prince Sihanouk": no entry
            if heading and inverted(heading) is not None and library_heading(heading).name == heading:
                persons[f"index {n}"] = person_from_entry(heading)
    return persons


def _entry_ref(entry: Person, text: str, name: str, role: str) -> AgentRef:
    """The agent of a list entry, the name as printed (``text``; ``name`` without titles) kept as a
    further name of it when worth keeping (:func:`_further_name`)."""
    further = text not in entry.names and text != entry.name and _further_name(name, entry)
    names = entry.names + ([text] if further else [])
    return AgentRef(key=entry.key, name=entry.name, role=role, kind="person", names=names)


def _first_letters(entry: Person) -> set[str]:
    """The first letters of the words of an entry's names: what an initial of it can be."""
    return {w[0].lower() for n in entry.names for w in re.split(r"[\s,.-]+", n) if w}


# Why a signature gives no sender (see :func:`signer`): grouped so in the measurement of the volumes.
NO_SIGNATURE = "no signature of the document's own"
SEVERAL_SIGNATURES = "several signatures or signers"
SIGNED_FOR = "signed for the office holder (\"For the Secretary of State:\")"
WITH_OFFICE = "the signature adds an office or rank"
INITIALS = "initials only"
NOT_A_NAME = "not a name (\"[Here follow 2 pages]\", \"[Signature not declassified]\")"
NO_LIST = "the volume has no list of persons"
NOT_LISTED = "no entry of the list of persons has that name"
AMBIGUOUS = "several entries of the list have that name"
OTHER_OFFICE = "the list gives the signer another office than the title's, or at another time"
SIGNER_REASONS = (NO_SIGNATURE, SEVERAL_SIGNATURES, SIGNED_FOR, WITH_OFFICE, INITIALS, NOT_A_NAME, NO_LIST, NOT_LISTED,
                  AMBIGUOUS, OTHER_OFFICE)
_INITIAL = re.compile(r"(?:[A-Z]\.)+|[A-Z]")  # "G.", "J.F.", "C"
_SIGNATURE_INITIALS = re.compile(r"(?:[A-Z]\.?\s*){1,4}")  # "JFD", "D.D.E.", "C.A.H.", "H.", "G"
# Words before an office in a list's line that make it another office ("Under Secretary of State") or
# another's ("Consultant to Secretary of State Acheson", "Special Assistant to the Secretary of State").
_OTHER_OFFICE_BEFORE = {"under", "deputy", "assistant", "associate", "special", "executive", "vice", "alternate", "acting",
                        "to", "the", "of", "for", "former", "personal", "ex"}
# What may act for the head of a department: its Under, Deputy Under or Assistant Secretary, or one the list calls acting.
_ACTING_BEFORE = {"acting", "under", "deputy", "assistant"}


def holds_office(line: str, office: str, when: str = "") -> bool:
    """Whether a line of a list of persons (the offices after the name, :attr:`Person.line`) gives
    its person the office a title names without its holder, at the document's date ``when`` (EDTF,
    ``""`` when undated): ``"Secretary of State from January 21, 1949"`` holds "Secretary of State"
    on 1949-06-08; ``"Under Secretary of State"``, ``"Consultant to Secretary of State Acheson"``,
    ``"Special Assistant to the Secretary of State"`` and ``"British Secretary of State for Foreign
    Affairs"`` do not; ``"Vice President"`` does not hold "President", ``"President of the Republic of
    Korea"`` neither ("the President" of a FRUS title is the President of the United States). An
    "Acting" office ("the Acting Secretary of State") is held by one the line calls so or makes
    Under, Deputy Under or Assistant Secretary of the department: FRUS titles a telegram "The Acting
    Secretary of State" when it went out, in the Secretary's absence, under the name of the official
    acting for him, as a rule the Under Secretary.

    The lists print offices capitalized, one after another separated by semicolons, each with its
    term when the person held it for part of the volume's years only ("to January 1953", "from
    January 21, 1961", "April 1952–January 1953", "thereafter" for from the end of the one before):
    an office with a term is held only by a document dated within it (to the month), so that
    Christian A. Herter, "Under Secretary of State until April 1959; thereafter Secretary of State",
    is not the Acting Secretary of a telegram of November 1960 signed "Herter" (frus1958-60v01
    d231), nor is an undated document given a signer whose office had a term. An office without a
    term is read as held throughout the volume's years."""
    acting = office.startswith("Acting ")
    core = office.removeprefix("Acting ")
    date = re.match(r"(\d{4})(?:-(\d{2}))?", when)
    for m in re.finditer(rf"(?<![\w’'-]){re.escape(core)}(?![\w’'-])", line):
        before = re.findall(r"[\w’'-]+", line[: m.start()])
        previous = before[-1].lower() if before and not line[: m.start()].rstrip().endswith((",", ";", ".")) else ""
        after = line[m.end():]
        following = re.match(r"\s+([\w’'-]+)(?:\s+the\s+United\s+States\b)?", after)
        word, of_us = (following.group(1), following.group(0).endswith("States")) if following else ("", False)
        named = word[:1].isupper() and word not in _MONTH_NAMES  # "Secretary of State Acheson": another's office
        if acting:
            if previous not in _ACTING_BEFORE or named:
                continue
        elif previous in _OTHER_OFFICE_BEFORE or named or word in ("of", "for") and not of_us:
            continue
        first, last = _term(line, m.start())
        if first is None and last is None:
            return True
        if date:
            year, month = int(date[1]), int(date[2] or 0)
            if (first is None or (year, month or 12) >= first) and (last is None or (year, month or 1) <= last):
                return True
    return False


_MONTH_NUMBERS = {m: i for i, m in enumerate(("January", "February", "March", "April", "May", "June", "July", "August",
                                              "September", "October", "November", "December"), 1)}
_TERM_DATE = rf"(?:({'|'.join(_MONTH_NUMBERS)})\.?\s*(?:\d{{1,2}},?\s*)?)?(\d{{4}})"
_TERM_FROM = re.compile(rf"\b(?:from|after|since)\s+{_TERM_DATE}")
_TERM_TO = re.compile(rf"\b(?:to|until|till|through)\s+{_TERM_DATE}")
_TERM_SPAN = re.compile(
    rf"(?:({'|'.join(_MONTH_NUMBERS)})\.?\s*(?:\d{{1,2}},?\s*)?(\d{{4}})?|(\d{{4}}))\s*[-–]\s*{_TERM_DATE}"
)


def _term(line: str, at: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The first and last (year, month) of the term the list's ``line`` gives the office at
    position ``at``: the dates of its own part of the line (between semicolons); "thereafter" starts
    it at the end of the part before. None for an end the line does not give."""
    parts = line.split(";")
    index = line.count(";", 0, at)
    part = parts[index]
    first = last = None
    if m := _TERM_SPAN.search(part):
        month1, year1, year_only, month2, year2 = m.groups()
        year = int(year1 or year_only or year2)
        first = (year, _MONTH_NUMBERS[month1] if month1 else 1)
        last = (int(year2), _MONTH_NUMBERS[month2] if month2 else 12)
    if m := _TERM_FROM.search(part):
        first = (int(m[2]), _MONTH_NUMBERS[m[1]] if m[1] else 1)
    if m := _TERM_TO.search(part):
        last = (int(m[2]), _MONTH_NUMBERS[m[1]] if m[1] else 12)
    if first is None and index and re.search(r"\bthereafter\b", part):
        _, before = _term(";".join(parts[:index]), len(";".join(parts[:index])))
        first = before
    return first, last


def _names_entry(name: str, entry: Person) -> bool:
    """Whether a name as printed can be the entry's: it shares a word with the entry
    ("Kissinger", "Henry Kissinger", "Dr. Kissinger" for "Kissinger, Henry A."; not "Nixon")."""
    return any(slug(w) in entry.words for w in name.split() if slug(w))


def _name_words(text: str) -> set[str]:
    """Slugged words of a name, hyphenated parts apart: ``"al–Shishakli, Adib"`` → {"al", "shishakli", "adib"}."""
    return {w for w in slug(re.sub(r"[-–—]", " ", text)).split("-") if w}


def _plainly_other(name: str, entry: Person) -> bool:
    """Whether a printed name is plainly another person than the entry it is linked to: it is
    written as a proper name (capitalized words; not initials such as "K" or "McG. B.", not titles
    such as "the President" or "Attorney General", not a short or familiar given name such as
    "Mel" or "Bobby"), and none of its words is like a word of the entry's names or of the list's
    line for it ("Amin" for "Mustapha, Amin, Editor-Publisher …"): "like" is the same first three
    letters, one word starting the other, or spelled mostly alike ("Connally", "Connolly")."""
    tokens = name.split()
    if not tokens or not all(re.fullmatch(r"[A-Z][a-z’'\-–]*[a-z]", t) for t in tokens):
        return False
    words = {w for t in tokens if t.lower() not in TITLE_WORDS for w in _name_words(t)}
    if not words or len(tokens) == 1 and (len(name) < 4 or name.lower() in NICKNAMES):
        return False
    known = {w for n in entry.names for w in _name_words(n)} | {w for o in entry.offices for w in _name_words(o)}
    return not any(
        w[:3] == k[:3] or w.startswith(k) and len(k) > 2 or k.startswith(w) or SequenceMatcher(None, w, k).ratio() >= 0.75
        for w in words for k in known
    )


_NOT_NAMES = TITLE_WORDS | HONORIFICS
# A wife's title: "Madame Chiang Kai-shek" is not Chiang Kai-shek ("Mme Nhu" is Madame Nhu).
_WIFE = {"madame", "mme"}


@functools.lru_cache(maxsize=65_536)  # asked for every linked name of every document
def _name_tokens(name: str) -> tuple[str, ...]:
    """The words of a printed name that can be names, slugged without hyphens and apostrophes
    ("Chiang Ching-Kuo" → ["chiang", "chingkuo"], "Ch’en" → ["chen"], "Mme" → "madame"): words of
    two letters or more with a capital ("al-Khayyal", "deGaulle", "“Big”"); titles and honorifics
    ("Generalissimo", "President", "Herr"), initials and abbreviations ("F.", "Lt.", "JF", "III")
    and lower-case words ("of", "de") left out."""
    tokens = (t.strip(",;:()[]“”\"‘’'") for t in name.split())
    words = (slug(t).replace("-", "") for t in tokens
             if any(c.isupper() for c in t) and not t.endswith(".") and not (t.isupper() and len(t) < 4)
             and t.lower() not in _NOT_NAMES)
    return tuple("madame" if w in _WIFE else w for w in words if len(w) > 1)


def _like_entry(word: str, entry: Person) -> bool:
    """Whether a word of a printed name (from :func:`_name_tokens`) can be a word of the entry's
    names: the same word or a hyphenated part of one ("Kaishek", "Kai" for "Kai-shek"), one
    starting the other ("Walt", "Chiang’s"), spelled mostly alike ("Connally", "Connolly"), a
    given name whose initial the entry gives ("Foster" for "Dulles, John F."), a familiar given
    name ("Bob"), or the start of two words of it ("LeS" for "Jenkins, Alfred le Sesne")."""
    words, initials, _, joined = entry.forms
    return (
        word in words or word[0] in initials or word in NICKNAMES
        or any(_like_word(word, k) for k in words) or any(k.startswith(word) for k in joined if len(word) > 2)
    )


def _other_given_name(name: str, entry: Person) -> bool:
    """Whether a printed name is another person of the same surname than the entry it is linked
    to: a word of it is like the entry's ("Chiang"), and in place of the entry's given names it
    gives another, alike none of them ("Chiang Ching-kuo" linked to "Chiang Kai-shek,
    Generalissimo", "Jiang Jingguo" to "Chiang Kai-shek (Jiang Jieshi)", "Allen Dulles" to "Dulles,
    John Foster"); or it names a wife ("Madame Chiang Kai-shek" linked to her husband). Initials,
    titles and ranks are no words here ("J. F. Dulles", "Generalissimo Chiang", "Chiang Kai Shek"
    keep the link), nor are further names beside the entry's given ones ("Dato Muhammed Ghazali
    bin Shafie" for "Ghazali, Dato M."), or spellings of them ("Seyid Amjad Ali" for "Ali, Syed A.",
    "Kim Il Song" for "Kim Il-sung")."""
    tokens = _name_tokens(name)
    words = entry.forms[2]
    parts = {w for a, b in zip(tokens, tokens[1:]) if a + b in words for w in (a, b)}  # "De Palma" for "DePalma"
    unlike = [w for w in tokens if w not in parts and not _like_entry(w, entry)]
    if len(unlike) == len(tokens) or not unlike:
        return False
    if "madame" in unlike:
        return True
    joined = [*tokens, *(a + b for a, b in zip(tokens, tokens[1:]))]  # "Ta Wei" for "Ta-wai"
    if sum(any(_like_word(w, k) for w in joined) for k in words) > 1:
        return False  # it gives a given name of the entry besides the surname ("Walt W. Rostow Eisenhower")
    given = [k for k in words if not any(_like_word(w, k) for w in joined)]
    return bool(given) and not any(alike_given(w, k) for w in unlike for k in given)


def _like_word(word: str, known: str) -> bool:
    """The same word, a hyphenated part, one starting the other, or spelled mostly alike (see :func:`_like_entry`)."""
    return word == known or (
        len(known) > 2 and len(word) > 2 and (known.startswith(word) or word.startswith(known))
        or len(known) > 4 and len(word) > 4 and SequenceMatcher(None, word, known).ratio() >= 0.8
    )


def _further_name(name: str, entry: Person) -> bool:
    """Whether a printed name linked to an entry is worth keeping as a further name of it: not
    a title alone ("Generalissimo", "Madame" for Madame Chiang), nor a single word the entry's
    names already have, with or without titles ("Chiang", "President Chiang", "Ching-kuo",
    "DULLES"): such a word is found through the entry's own names, and kept on its own it would
    stand for every person of that surname. With initials it is a name ("J. F. Dulles")."""
    tokens = _name_tokens(name)
    if len(tokens) > 1 or tokens and re.search(r"(?:^|\s)[A-Z]\.", name):
        return True
    return bool(tokens) and not (tokens[0] in entry.forms[0] or _is_title(tokens[0]))


def _is_title(word: str) -> bool:
    """Whether a word is a title misspelled ("Generalissmo")."""
    return len(word) > 5 and any(len(t) > 5 and SequenceMatcher(None, word, t).ratio() >= 0.9 for t in TITLE_WORDS)


def read_frus_volume(path: Path) -> Iterator[DocumentRecord | IngestError]:
    """Yield one validated :class:`DocumentRecord` per ``div[@type='document']`` of a FRUS TEI
    volume (``.xml`` or ``.xml.gz``), in volume order, or an :class:`IngestError` item (location
    ``"document d42"``) for a document that cannot be made valid, or ``"line N"`` for one that has no
    xml:id or one an earlier document has (the first kept); the others are still yielded.
    Raises :class:`IngestError` when the file cannot be parsed as TEI."""
    path = Path(path)
    root = parse_xml(path)
    volume = FrusVolume.from_root(root, path)
    seen: dict[str, int] = {}  # xml:id → the line of the document holding it
    for div in root.iter("{*}div"):  # in any namespace or none, to tell a document outside TEI's
        if div.get("type") != "document":
            continue
        if div.tag != f"{T}div":
            # <div xmlns=""> or <tei:div xmlns:tei="…other…">: no TEI div, so it was left out without a word
            namespace = etree.QName(div).namespace
            where = f"in the namespace {namespace}" if namespace else "in no namespace"
            yield IngestError(
                str(path),
                f"a document's <div> is {where}, not TEI's ({TEI_NS}), so it is no TEI document: write it in TEI's namespace, "
                "as the volume's other documents are",
                f"line {div.sourceline}",
            )
            continue
        doc_id = div.get(XML_ID)
        if not doc_id:
            yield IngestError(str(path), "a document has no xml:id, so it has no identifier; add one", f"line {div.sourceline}")
            continue
        if doc_id in seen:  # at its line: "document d2" named both (CSV and JSON Lines name the two lines)
            message = f"xml:id {doc_id!r} already given at line {seen[doc_id]} (that document was kept, this one not stored); give each document its own xml:id"
            yield IngestError(str(path), message, f"line {div.sourceline}")
            continue
        seen[doc_id] = div.sourceline
        try:
            yield document_record(div, volume)
        except RecordError as exc:
            yield IngestError(str(path), str(exc), f"document {doc_id}")


def document_record(div: etree._Element, volume: FrusVolume) -> DocumentRecord:
    """The validated record of one ``div[@type='document']``; raises RecordError when invalid."""
    doc_id = div.get(XML_ID)
    head = div.find(f"{T}head")
    title = strip_leading_number(_text(head)) if head is not None else ""
    if not title:  # an edition's placeholder (e.g. a microfiche document "needs heading"): kept, by its number
        title = f"Document {div.get('n') or doc_id}"
    source = next((n for n in div.iter(f"{T}note") if n.get("type") == "source"), None)
    if source is None and head is not None:  # "[Source: … 5 pages of source text not declassified.]"
        source = next((n for n in head.iter(f"{T}note") if _text(n).lstrip("[").startswith("Source:")), None)
    source_note = _text(source) if source is not None else ""
    summary = " ".join(_text(n) for n in div.iter(f"{T}note") if n.get("type") == "summary")
    date_text, date_edtf, place = _date_and_place(div)
    body, footnotes = _body(div), _footnotes(div, source)
    record = DocumentRecord(
        identifier=f"{volume.volume_id}-{doc_id}",
        title=title,
        document_type=document_type_from_title(title) or document_type_from_source_note(source_note),
        date_text=date_text,
        date_edtf=date_edtf,
        place_sent=place,
        summary=summary,
        source_note=source_note,
        repositories=[repository] if (repository := repository_from_source_note(source_note)) else [],
        classification=_classification(div, source_note),
        source_url=FRUS_EDITION_URL.format(volume=volume.volume_id, doc=doc_id),
        rights=RIGHTS,
        language="en",
        collections=[CollectionRef(key=volume.volume_id, title=volume.title)],
        pages=_pages(div, volume.page_before.get(doc_id, "")),
        agents=_agents(div, head, title, volume, date_edtf),
        subjects=_subjects(div),
        texts=[TextRecord(kind="transcript", language="en", body=body, footnotes=footnotes)],
        relations=_referred(div, volume),
    )
    return record.validate()


def _pages(div: etree._Element, before: str) -> str:
    """The printed pages the document ``div`` stands on, as the module's ``pages`` says: from the page
    printed where its first words are (``before``, the page when the div begins, unless a page
    break inside it comes before any of its words, or ``before`` is a page of the front matter,
    numbered in Roman, and the break's is Arabic: ``frus1964-68v34`` puts page 1's break after the
    first document's head) to the page of its last words (that of the last page break inside it,
    unless no word follows that break); ``""`` when no page is known."""
    breaks = [pb for pb in div.iter(f"{T}pb") if _page_number(pb)]
    first = last = before
    if breaks:
        if not _words_before(breaks[0], div) or (breaks[0].get("n", "").isdigit() and not first.isdigit()):
            first = breaks[0].get("n", "")  # (the front matter's last page, XXX, is not a document's first: a head before page 1)
        if _words_after(breaks[-1], div):
            last = breaks[-1].get("n", "")
        else:  # a break after its last words: the page before it is the last
            last = breaks[-2].get("n", "") if len(breaks) > 1 else first
    pages = "" if not first else first if last in ("", first) else f"{first}\u2013{last}"
    return "" if pages_problem(pages) else pages  # page breaks numbered out of order lose the pages, not the document


def _page_number(pb: etree._Element) -> str:
    """The number of the printed page the page break ``pb`` begins (``@n``), ``""`` for a break
    that begins no page of the printed volume: without a number, or a document's own scanned page
    (an electronic-only volume's ``xml:id="d2-01"``; the printed volume's are ``pg_287``)."""
    return (pb.get("n") or "") if (pb.get(XML_ID) or "pg_").startswith("pg_") else ""


def _has_words(element: etree._Element) -> bool:
    """Whether ``element`` (not a comment) holds a printed character in its text or its descendants'."""
    return isinstance(element.tag, str) and any(text.strip() for text in element.itertext())


def _words_before(pb: etree._Element, div: etree._Element) -> bool:
    """Whether a printed character of ``div`` stands before its page break ``pb``."""
    element = pb
    while element is not div:
        for sibling in element.itersiblings(preceding=True):
            if (sibling.tail or "").strip() or _has_words(sibling):
                return True
        element = element.getparent()
        if (element.text or "").strip():
            return True
    return False


def _words_after(pb: etree._Element, div: etree._Element) -> bool:
    """Whether a printed character of ``div`` stands after its page break ``pb``."""
    element = pb
    while element is not div:
        if (element.tail or "").strip():
            return True
        for sibling in element.itersiblings():
            if _has_words(sibling) or (sibling.tail or "").strip():
                return True
        element = element.getparent()
    return False


_DOCUMENT_TARGET = re.compile(r"(?P<volume>frus[\w-]+)?#(?P<doc>d\d+[a-z]?)(?:fn\w+)?")


def _referred(div: etree._Element, volume: FrusVolume) -> list[str]:
    """The identifiers of the documents ``div`` refers to with ``ref[@target]`` (see the module's
    ``relations``), first reference first, once each, not the document itself, nor a document of
    its own volume that the volume does not hold: 31 of the 19,356 references of the 100 shared
    volumes to their own documents name none (``frus1955-57v10``'s "COCOM Documents 471 and 782",
    ``frus1955-57v24``'s "NSC 5508": other numbers marked as its documents'), which the public
    edition, made from the same files, does not have either; their page linked to its missing
    address. A reference to another volume is kept: that volume may hold it.

    A reference the editors marked as their own volume's (``#d12``) whose words name another
    (``See vol. II, <ref target="#d12">Document 12</ref>`` in volume III; ``See ibid., Document 26``
    after it: :func:`_volume_cited`; and those listed with it, ``vol. II, Documents 12 and 14``:
    :func:`_listed_after`) is that volume's document (``frus1955-57v02-d12``), or, when its
    identifier cannot be told, none: the page linked the own volume's Document 12 (in the 100 shared
    volumes, 195 relations of 141 documents now name another volume's document, 145 of them held there)."""
    own = f"{volume.volume_id}-{div.get(XML_ID)}"
    found = []
    cited = ""  # the other volume the document's notes named last ("ibid." refers to it)
    last: tuple[etree._Element, str] | None = None  # the reference before, and its volume when another
    for ref in div.iter(f"{T}ref"):
        if m := _DOCUMENT_TARGET.fullmatch(ref.get("target", "").strip()):
            target = m["volume"] or volume.volume_id
            if target == volume.volume_id and (named := _volume_cited(_text_before(ref), volume.volume_id, cited)) is not None:
                cited = target = named
            elif target == volume.volume_id and last is not None and _listed_after(last[0], ref):
                target = last[1]  # "vol. II, Documents 12 and 14": the volume of the reference it is listed with
            elif m["volume"]:
                cited = target  # a reference the editors marked as another volume's: what a later "ibid." names
            last = (ref, target) if target != volume.volume_id else None
            if not target:
                continue  # another volume, whose identifier cannot be told
            if target == volume.volume_id and m["doc"] not in volume.documents:
                continue
            found.append(f"{target}-{m['doc']}")
    return [identifier for identifier in dict.fromkeys(found) if identifier != own]


_LISTING = re.compile(rf"(?:,|;|&|and|through|to|[{DASHES}]|,\s*and)?", re.I)  # between the documents of one list


def _listed_after(before: etree._Element, ref: etree._Element) -> bool:
    """Whether ``ref`` follows the reference ``before`` in one list of documents, in one element with
    only a comma, "and", "through" or a dash between them ("Documents 12 and 14")."""
    if before.getparent() is not ref.getparent():
        return False
    between, sibling = [before.tail or ""], before.getnext()
    while sibling is not None and sibling is not ref:
        between += [*sibling.itertext(), sibling.tail or ""]
        sibling = sibling.getnext()
    return sibling is ref and _LISTING.fullmatch(" ".join("".join(between).split())) is not None


_VOLUME_ID = re.compile(r"(?P<series>frus\d{4}(?:-\d{2})?)v(?P<number>\d+)(?:p(?P<part>\d+))?")
# What names a volume right before a reference in a FRUS note: "vol. II, ", "volume XIV, Part 2, ", "vol. 2, part 1,",
# its years before it ("Foreign Relations, 1952–1954, vol. XIV, "), or "ibid., " (the volume named before)
_CITED_VOLUME = re.compile(
    rf"(?:(?P<first>1[789]\d\d)(?:\s*[{DASHES}]\s*(?P<last>\d{{2,4}}))?,\s*)?"
    r"(?:vol(?:ume)?\.?\s*(?P<number>[IVXLC]+|\d{1,3})\b(?:,?\s*(?:\(?part|pt\.)\s*(?P<part>\d+)\)?)?|(?P<ibid>ibid))[.,:\s]*$",
    re.I,
)


def _volume_cited(before: str, own: str, last: str) -> str | None:
    """The volume the words ``before`` a reference name: its identifier, in ``own``'s series (the
    reference's volume by its target) or the years named (``vol. II`` in ``frus1955-57v03`` →
    ``frus1955-57v02``; ``vol. XIV, Part 2`` → ``…v14p2``; ``Foreign Relations, 1952–1954, vol. XIV``
    → ``frus1952-54v14``), ``own`` itself when they name it, or ``last`` for ``ibid.`` (the volume
    the document's notes named before; ``""`` when none: not this volume, which a note cites by its
    documents' numbers alone); ``""`` for another volume whose identifier cannot be told (``own``
    of another form: ``frus1969-76ve13``); None when they name no volume."""
    if not (m := _CITED_VOLUME.search(before[-80:])):
        return None
    if m["ibid"]:
        return last
    ours = _VOLUME_ID.fullmatch(own)
    number = roman_value(m["number"].upper()) if not m["number"].isdigit() else int(m["number"])
    if ours is None or not number:
        return ""
    series = ours["series"]
    if m["first"]:
        end = (m["last"] or "")[-2:]
        series = f"frus{m['first']}" + (f"-{end}" if end and end != m["first"][-2:] else "")
    return f"{series}v{number:02d}" + (f"p{m['part']}" if m["part"] else "")


def _text_before(element: etree._Element) -> str:
    """The words of ``element``'s parent before it (its text and its earlier siblings', with their
    tails), spaces collapsed: what a note says before a reference."""
    parent = element.getparent()
    if parent is None:
        return ""
    parts = [parent.text or ""]
    for sibling in parent:
        if sibling is element:
            break
        parts += [*sibling.itertext(), sibling.tail or ""]
    return " ".join("".join(parts).split())


def _date_and_place(div: etree._Element) -> tuple[str, str, str]:
    """(date_text, date_edtf, place) from the document's own datelines (direct or in its opener),
    else from a ``date`` in its head; the EDTF from the date's attributes, else from its text
    (:func:`legation.ingest.dates.parse_archival_date`)."""
    datelines = []
    for child in div:
        name = _local(child.tag)
        if name == "dateline":
            datelines.append(child)
        elif name == "opener":
            datelines += [d for d in child if _local(d.tag) == "dateline"]
    dates = [d for dl in datelines for d in _iter_outside_notes(dl, {"date"})]
    # The first date that is one: a place marked as a date ("<date>Washington</date>, <date
    # when='1963-03-18'>March 18, 1963</date>") gives way to a date with attributes or numbers.
    date = next((d for d in dates if _is_date(d)), dates[0] if dates else None)
    head = div.find(f"{T}head")
    if date is None and head is not None:  # 1955–57 volumes: "…, Washington, <date>January 7, 1955</date>"
        date = next(_iter_outside_notes(head, {"date"}), None)
    place_text = _dateline_place(datelines)
    if date is None:
        return *(head_date(_text(head)) if head is not None else ("", "")), place_text
    # attributes that make no date (when="1918-02-31", a slip of the edition) give way to the date as
    # printed, as the other TEI readers do; one neither gives is reported by the ingest as unread
    text = _text(date)
    edtf = tei_edtf(date, text) or (parse_archival_date(text).edtf if text else "")
    if not edtf and not text:  # <date when="1918-02-31"/>: the attributes as written, kept and reported as unread
        text = tei_attributes_as_written(date)
    return text, edtf, place_text


_DAY_EDTF = re.compile(r"\d{4}-\d{2}-\d{2}")


def head_date(head: str) -> tuple[str, str]:
    """(date as printed, EDTF) of the date a document's head ends with, for a document with no dateline and no ``date`` in
    its head; ``("", "")`` when it ends with none. FRUS heads give a document as "title, place, date" (``"14. Memorandum
    of a Conversation, Department of State, Washington, August 9, 1955"`` → ``("August 9, 1955", "1955-08-09")``; ``"…,
    Paris, Hotel d’Iéna, October 21, 1948, 9:15 a.m."`` → ``"October 21, 1948, 9:15 a.m."``, the time kept as printed,
    the day read): the longest run of words after a comma that :func:`legation.ingest.dates.parse_archival_date` reads
    as one day. Not a month, a year or a span of days (``"Report of the United States Delegation to the First Meetings
    of …, October 1–23, 1957"``: the meetings' days, not the report's), and not a date before a full stop that ends the
    head: the microfiche supplements' heads are catalogue entries of several sentences, whose last date names a file
    (``"… Secret. 13 pp. DOS, INR/IL Historical Files, S.G. 4, August 3, 1961."``). In the 100 shared volumes this
    dates 57 documents that were undated, frus1955-57v03-d14 among them.

    A head giving the document a day in each of two places (``"…, Washington, August 9, 1955, and Moscow, August 10,
    1955"``: an exchange signed in turn, a text begun in one place and finished in another) is dated by both days, all
    of them (:func:`_days_before`), as the parser reads a FRUS dateline's "December 30 and 31, 1957" (EDTF 2019 level 2
    set, "all of the members"): ``("August 9, 1955, and Moscow, August 10, 1955", "{1955-08-09,1955-08-10}")``, the
    date as printed from its first day, found on either day by date filters; the last day alone was taken before, which
    the document is no more of than of the first. The 100 shared volumes print no such head: the only heads holding two
    days are four, two with datelines and two supplements' catalogue entries ending in a full stop.

    With no such run after a comma, the run after a place's name whose comma the edition left out (``"Department of
    State Press Release No. 766 Issued at Washington September 22, 1948"`` → ``"September 22, 1948"``, as the United
    Nations releases of the same volume print "Issued at Geneva, Switzerland, August 11, 1948"): after a capitalized
    word that is no word putting a date that is not the document's own (``_NOT_THE_DOCUMENTS``: "… Since June 5, 1950").
    Of the 3,818 heads of the 100 shared volumes given to this function, it dates this one alone."""
    if _SENTENCE_END.search(head):
        return "", ""
    for comma in re.finditer(r",\s*", head):
        tail = head[comma.end():]
        if _DAY_EDTF.fullmatch(edtf := parse_archival_date(tail).edtf):
            first, days = _days_before(head[: comma.start()])
            if not days:
                return tail, edtf
            return head[first:], "{" + ",".join(sorted({*days, edtf})) + "}" if {*days} != {edtf} else edtf
    for word in _PLACE_BEFORE.finditer(head):
        tail = head[word.end():]
        if word["word"].lower() not in _NOT_THE_DOCUMENTS and _DAY_EDTF.fullmatch(edtf := parse_archival_date(tail).edtf):
            return tail, edtf
    return "", ""


def _days_before(head: str) -> tuple[int, list[str]]:
    """Where the first day of ``head`` (a head cut before the comma of the day it ends with, :func:`head_date`) begins,
    and the EDTF of every day it gives between commas, each the shortest run of words after a comma read as a day:
    ``"…, Washington, August 9, 1955, and Moscow"`` → ``(…, ["1955-08-09"])``; ``(0, [])`` when it gives none."""
    commas = list(re.finditer(r",\s*", head))
    ends = [*(c.start() for c in commas[1:]), len(head)]
    first, days, after = 0, [], 0
    for n, comma in enumerate(commas):
        if comma.start() < after:
            continue
        for end in ends[n:]:
            if _DAY_EDTF.fullmatch(day := parse_archival_date(head[comma.end(): end]).edtf):
                first, after = first or comma.end(), end
                days.append(day)
                break
    return first, days


_SENTENCE_END = re.compile(r"\d\.$")  # "…, August 3, 1961.": a head that ends a sentence after a number
# a capitalized word, the end of a place's name, and a space before a word (a month's name: not "Box 4. May 1963", the
# supplements' file, whose "4. May 1963" reads as a day)
_PLACE_BEFORE = re.compile(r"\b(?P<word>[A-Z][^\W\d_]*)\s+(?=[^\W\d_])")
# the words before a date in a head that say it is not the document's own, capitalized in a title: "Developments Since
# June 5, 1950", "Plan of Action to July 1, 1963"
_NOT_THE_DOCUMENTS = {"since", "until", "till", "through", "before", "after", "from", "to", "of", "on", "by", "in", "between",
                      "and", "or", "beginning", "ending", "dated"}  # fmt: skip


def _dateline_place(datelines: list[etree._Element]) -> str:
    """The place of datelines as printed: their first ``placeName``, else a place marked as a date
    (``<date>Washington</date>, <date when="1963-03-18">March 18, 1963</date>``: a capitalized
    ``date`` with no date in it before one that is a date; not "Undated" or "n.d.")."""
    place = next((p for dl in datelines for p in _iter_outside_notes(dl, {"placeName"})), None)
    if place is not None:
        return _text(place).strip("[] ,")
    dates = [d for dl in datelines for d in _iter_outside_notes(dl, {"date"})]
    first = next((i for i, d in enumerate(dates) if _is_date(d)), None)
    for d in dates[:first] if first else []:
        text = _text(d).strip("[] ,.")
        if text[:1].isupper() and not re.match(r"(?i)(?:un|n\.\s*)d", text):
            return text
    return ""


def _is_date(date: etree._Element) -> bool:
    """Whether a ``date`` element holds a date: machine-readable attributes or a number in its text."""
    return any(date.get(a) for a in ("when", "from", "to", "notBefore", "notAfter")) or any(c.isdigit() for c in _text(date))


def _classification(div: etree._Element, source_note: str) -> str:
    """Security level from opener markings (``seg``), a leading ``p[@rend='flushleft']`` (1950s
    volumes) or a sentence of a "Source: …" note ("… Secret; Immediate; Exdis.")."""
    markings = [_text(s) for o in div.iterfind(f"{T}opener") for s in o.iter(f"{T}seg")]
    first_p = div.find(f"{T}p")
    if first_p is not None and first_p.get("rend") in ("flushleft", "left"):
        markings.append(_text(first_p)[:60])
    for marking in markings:
        if m := _LEVEL.search(marking):
            return m.group(1).title()
    if source_note.lstrip("[").startswith("Source:") and (m := _SOURCE_LEVEL.search(source_note)):
        return m.group(1).title()
    return ""


def _agents(div: etree._Element, head: etree._Element | None, title: str, volume: FrusVolume, when: str = "") -> list[AgentRef]:
    """Senders and recipients, then mentioned persons (deduplicated by key).

    The title's wording decides who sends and who receives (markup types are sometimes wrong,
    e.g. a recipient marked ``type='from'``); a ``persName`` of the head inside a party's phrase
    names that party (with its list-of-persons entry). Without parties in the wording, the head's
    ``persName``/``gloss`` with ``@type='from'|'to'`` are used, then ``list[@type='from'|'to']``.

    A title whose one sender is an office named without its holder ("The Secretary of State to the
    Embassy in France", :func:`~legation.ingest.titles.office_without_holder`) gives as sender the
    person who signed the document, when the volume's list of persons has him and gives him that
    office at the document's date ``when`` (EDTF; :func:`signer`): the FRUS editors title a
    telegram by the office under whose name it went out and print that name as its signature, so
    the two together say who sent it ("Acheson"; "Acheson, Dean G., Secretary of State to January
    1953"). The office is then no sender: a document has the one sender the title states, and the
    holder is it. Nor is the office kept as a name of the person: an agent's names are names of
    that agent in every document (search and suggestions treat them as his variants), and
    "Secretary of State" would be a name of Marshall, Acheson, Dulles and Rusk alike; the data model
    has no field for how one document styles its sender (``AgentRef`` and ``DocumentAgent`` hold an
    agent and a role), and the title keeps the office's wording, searched as title and text.
    Signatures that name no single person of the list holding that office leave the office the
    sender: a wrong name is worse than an office. Bodies (the Department of State, an embassy) are
    left as they are even where a telegram bears the Secretary's or the Ambassador's name: the later
    volumes title such telegrams by the body, by convention signed with the name of its head, who
    need not have seen them.
    """
    marked = list(_iter_outside_notes(head, {"persName", "gloss"})) if head is not None else []
    head_persons = [(e, _text(e)) for e in marked if _local(e.tag) == "persName"]
    agents: list[AgentRef] = []
    senders, recipients = party_phrases(title)
    office = office_without_holder(senders[0]) if len(senders) == 1 else ""
    for role, phrases in (("sender", senders), ("recipient", recipients)):
        for phrase in phrases:
            inside = [(e, t) for e, t in head_persons if t and re.search(rf"(?<!\w){re.escape(t)}(?!\w)", phrase)]
            if inside:
                element, text = inside[-1]
                agents.append(volume.person(text, element.get("corresp"), role, phrase))
            else:
                name, kind = party_name(phrase)
                if name == phrase and name in volume.places and volume.entry(name) is None:
                    continue  # "Message From Athens", "Message to Washington": a place, no party
                if name and kind == "person":
                    agents.append(volume.person(name, None, role, phrase))
                elif name:
                    agents.append(kind_from_name(AgentRef(key=f"{kind}:{slug(name)}", name=name, role=role, kind=kind)))
                    if role == "sender" and office and isinstance(person := signer(div, office, volume, when), AgentRef):
                        agents[-1] = person
    for role, mark in (("sender", "from"), ("recipient", "to")):
        if any(a.role == role for a in agents):
            continue
        if not (senders or recipients):
            for e in marked:
                if e.get("type") == mark and (text := _text(e)):
                    if _local(e.tag) == "persName":
                        agents.append(volume.person(text, e.get("corresp"), role))
                    else:
                        name, kind = party_name(text)
                        agents.append(kind_from_name(AgentRef(key=f"{kind}:{slug(name)}", name=name, role=role, kind=kind)))
        if not any(a.role == role for a in agents):
            for item in (i for lst in div.iterfind(f"{T}list[@type='{mark}']") for i in lst.iterfind(f"{T}item")):
                person = item.find(f"{T}persName")
                if re.match(r"(?i)(?:for )?(?:the )?(?:record|files?)\b", _text(item)):
                    continue  # "Memorandum for the Record": no recipient, even marked as a persName
                if person is not None and (text := _text(person)):
                    agents.append(volume.person(text, person.get("corresp"), role))
                elif text := _text(item):
                    name, kind = party_name(text)
                    agents.append(kind_from_name(AgentRef(key=f"{kind}:{slug(name)}", name=name, role=role, kind=kind)))
    for e in div.iter(f"{T}persName"):
        if e.get("corresp") and (text := _text(e)):
            agents.append(volume.person(text, e.get("corresp"), "mentioned"))
    unique: list[AgentRef] = []
    roles_by_key: dict[str, set[str]] = {}
    for agent in agents:
        roles = roles_by_key.setdefault(agent.key, set())
        if agent.role in roles or (agent.role == "mentioned" and roles):
            continue
        roles.add(agent.role)
        unique.append(agent)
    return unique


def signature(div: etree._Element) -> tuple[str, str | None] | str:
    """The one name a document signs with, and its ``persName`` link (``corresp``) if any; else why
    there is none (one of :data:`SIGNER_REASONS`).

    FRUS TEI prints a document's signature in ``closer/signed`` after its text ("<closer><signed><hi
    rend='smallcaps'>Acheson</hi></signed></closer>"), the name as typed or signed on the source
    copy, small capitals being rendering only (the text is "Acheson"; a name typed in capitals,
    "FOSTER", is read "Foster"). Only closers of the document itself count, not those of its
    attachments or quoted texts. The editors' square brackets mark letters they supplied
    ("[G. C. Marshall]", "D[ean] A[cheson"): the name is read without them. Their footnotes on
    the signature ("Printed from a copy that bears this typed signature") are no part of it. Not a
    signer's name: no signature or several (``signed`` twice, "[Brown] Marshall"; a list of names in
    one, "[Huddle] Lovett"; persNames of two persons); a signature for another, which the closer
    introduces ("For the Secretary of State: Willard L. Thorp") or the signature states
    ("Manning H. Williams for Valdemar Johnson"); a name with an office or rank ("John S. Hoghland II
    Acting Assistant Secretary for Congressional Relations"), since the title's office is then not
    the signer's; initials ("JFD", "D.D.E."), which the lists of persons do not give; and what is no
    name ("[Here follow 2 pages]", "[Signature not declassified]")."""
    closers = [c for c in div if _local(c.tag) == "closer"]
    signed = [s for c in closers for s in _iter_outside_notes(c, {"signed"})]
    if not signed:
        return NO_SIGNATURE
    if len(signed) > 1 or any(True for _ in _iter_outside_notes(signed[0], {"list"})):
        return SEVERAL_SIGNATURES
    element = signed[0]
    links = {p.get("corresp") for p in _iter_outside_notes(element, {"persName"}) if p.get("corresp")}
    if len(links) > 1:
        return SEVERAL_SIGNATURES
    closer = element.getparent()
    around = (closer.text or "") + "".join(
        (_text(c) if c is not element and _local(c.tag) not in SKIP_IN_TEXT else "") + (c.tail or "") for c in closer
    )
    text = normalize_space(_text(element).replace("[", "").replace("]", "")).strip(" ,.;:")
    if re.search(r"\bfor\b", around, re.I):
        return SIGNED_FOR
    if not text:
        return NO_SIGNATURE
    if _SIGNATURE_INITIALS.fullmatch(text):
        return INITIALS
    words = [w[:1] + w[1:].lower() if len(w) > 3 and w.isupper() and w.isalpha() else w for w in text.split()]
    bare = [w.strip(",.").lower() for w in words]
    if len(bare) > 1 and any(w in TITLE_WORDS or w in _SIGNATURE_OFFICE_WORDS for w in bare):
        return WITH_OFFICE  # a single word is a name, be it "King" or "West" (or "Marshal", misspelled)
    if "for" in bare:
        return SIGNED_FOR
    if any(c.isdigit() for c in text) or any(w[:1].islower() and w.strip(",.") not in PARTICLES for w in words):
        return NOT_A_NAME
    return " ".join(words), (links.pop() if links else element.get("corresp"))


# Words of an office or rank a signature adds to a name, beyond the title words of titles.py.
_SIGNATURE_OFFICE_WORDS = {"col", "gen", "lt", "maj", "capt", "adm", "usa", "usn", "usmc", "usaf", "inf", "ce", "chairman",
                           "officer", "attaché", "attache", "chief", "head", "legal", "economic", "affairs", "ambassador"}


def signer(div: etree._Element, office: str, volume: FrusVolume, when: str = "") -> AgentRef | str:
    """The sender (the agent of his list-of-persons entry, keyed and named as the list gives him)
    who signed a document its title says an ``office`` sent ("The Secretary of State to the
    Ambassador in China (Stuart)" signed "Acheson") on the document's date ``when`` (EDTF), or why
    there is none (one of :data:`SIGNER_REASONS`): see :func:`signature` for what counts as the
    document's signature, :meth:`FrusVolume.signer` for how it is found in the list."""
    read = signature(div)
    if isinstance(read, str):
        return read
    name, corresp = read
    entry = volume.signer(name, corresp, office, when)
    return entry if isinstance(entry, str) else _entry_ref(entry, name, strip_titles(name), "sender")


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")
_DATE_ONLY = re.compile(r"(?:M(?:\s*[-–—]\s*M)?\s+(?:\d{1,2},?\s+)?)?\d{4}(?:\s*[-–—]\s*\d{2,4})?")


@functools.lru_cache(maxsize=4_096)  # each section's head is asked for every document in the section
def date_only_heading(text: str) -> bool:
    """Whether a section head is only a date or period: "July 1963", "November–December 1960",
    "October 23, 1962", "1961", "1961–1963", a month misspelled by one letter ("Janaury 1963").
    The microfiche supplements arrange their documents in chapters by month; such a head says
    when, not what about, so it is no subject."""

    def month(m: re.Match) -> str:
        word = m[0].lower()
        return "M" if len(word) >= 4 and any(DamerauLevenshtein.distance(word, name, score_cutoff=1) <= 1 for name in _MONTHS) or word in _MONTHS else m[0]

    return bool(_DATE_ONLY.fullmatch(re.sub(r"[A-Za-z]+", month, text.strip(" .,"))))


def _subjects(div: etree._Element) -> list[str]:
    """Heads of the enclosing compilation/chapter/subchapter divs, outermost first, without
    footnotes or a closing colon ("East and Southeast Asia:" → "East and Southeast Asia"); a
    head that is only a date ("January 1961", :func:`date_only_heading`) is left out."""
    heads = []
    for ancestor in div.iterancestors(f"{T}div"):
        if ancestor.get("type") in SECTION_TYPES and (head := ancestor.find(f"{T}head")) is not None:
            if (text := _text(head).rstrip(" :")) and not date_only_heading(text):
                heads.append(text)
    return heads[::-1]


def _footnotes(div: etree._Element, source: etree._Element | None) -> list[Footnote]:
    """Footnotes in document order (not the source note or the summary), marks as printed."""
    return [
        Footnote(n=note.get("n", ""), text=text)
        for note in div.iter(f"{T}note")
        if note is not source and note.get("type") not in ("source", "summary") and (text := _text(note))
    ]


def _body(div: etree._Element) -> str:
    """The document's text: its blocks (paragraphs, lists, tables, quotes, salutation, closer,
    attachments with their heads) separated by blank lines; not the head, the document's own
    dateline, markings in the opener, notes or page breaks."""
    blocks: list[str] = []
    _blocks(div, blocks, top=True)
    return "\n\n".join(blocks)


def _blocks(container: etree._Element, out: list[str], top: bool = False) -> None:
    for child in container:
        name = _local(child.tag)
        if not name or name in SKIP_IN_BODY or top and name in ("head", "dateline"):
            continue  # the document's own head and dateline are metadata; an attachment's head is text
        if name == "opener":
            out += [t for c in child if _local(c.tag) not in ("dateline", "seg", "note", "pb") and (t := _text(c, marks=True))]
        elif name == "list":
            lines = [_text(c, marks=True) for c in child if _local(c.tag) in ("head", "item", "label")]
            if text := "\n".join(line for line in lines if line):
                out.append(text)
        elif name == "table":
            rows = [TABLE_CELLS.join(_text(cell, marks=True) for cell in row if _local(cell.tag) == "cell") for row in child.iter(f"{T}row")]
            if text := "\n".join(r for r in rows if r.strip(" |")):
                out.append(text)
        elif name in CONTAINERS and any(_local(c.tag) in BLOCKS for c in child):
            _blocks(child, out)
        elif text := _text(child, marks=True):
            out.append(text)
