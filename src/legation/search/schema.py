"""The one declaration of Legation's search: searchable fields, facets, sorts and displayed fields.

Everything else derives from the tuples below: the tantivy schema (:func:`build_schema`), the
field names the query language accepts (``title:treaty``), the facet list of the search page
and of the API, and the sort menu. Adding a facet is one :class:`FacetField` line (then
``legation reindex``: the schema fingerprint changes and an old index asks to be rebuilt).

Index field names: a :class:`SearchField` is indexed under its own ``name``; a facet under
``facet_<name>`` (raw, untokenized, fast) and, for counting, ``facet_<name>_id`` (each value's
:func:`value_id`, fast); display fields under their ``name``, stored only.
Dates are ``earliest_day``/``latest_day``: proleptic Gregorian ordinals (``date.toordinal()``,
1 = 0001-01-01), absent for undated documents, so range filters skip them and both date sorts
put them last.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

import tantivy

from legation.ingest.names import PARTICLES, alike_given
from legation.ingest.titles import _DEPARTMENT_WORDS, HONORIFICS, NICKNAMES, TITLE_WORDS
from legation.records.document_record import AGENT_KINDS, AgentRef, DocumentRecord
from legation.records.languages import language_name, language_tag
from legation.search import analyzers
from legation.search.analyzers import FOLDED_NAME, STEMMED_NAME

Values = Callable[[DocumentRecord], list[str]]


@dataclass(frozen=True)
class SearchField:
    """A searchable text field. ``name`` is also its query-language prefix (``title:…``).

    ``boost`` weighs BM25 scores when a word is searched without a prefix; ``0`` means the field is
    searched only when named. ``stored`` keeps the text for display and snippets. ``aliases``:
    other prefixes the query language accepts for it (``sender:`` for ``from:``, as the facet).
    ``spelled``: its values are words, so a misspelt word sought in it is corrected by "did you
    mean" (:mod:`legation.search.spelling`); ``False`` for codes (``language:en``), which no
    word of the vocabulary one edit away corrects.
    """

    name: str
    label: str
    boost: float
    values: Values
    stored: bool = False
    by_language: bool = False  # texts: one index field per TextLanguage (values must be _texts)
    aliases: tuple[str, ...] = ()
    spelled: bool = True
    stemmed: bool = True  # False for names: "Dulles" is no form of "dull", nor "Cooper" of "cooperation"

    @property
    def analyzer(self) -> str:
        """The analyzer of the field's values and of the words sought in it (not the texts': see
        :data:`TEXT_LANGUAGES`): English, stemmed, or for names folded only."""
        return STEMMED_NAME if self.stemmed else FOLDED_NAME


@dataclass(frozen=True)
class TextLanguage:
    """How the texts in some languages are analyzed: ``codes`` (ISO 639-1/-2/-3, lowercase; the
    subtag before ``-`` of a BCP 47 tag) go to the index field ``field`` with the analyzer
    ``analyzer`` (:data:`legation.search.analyzers.STEMMERS`). Texts in other languages go to the
    last entry (``codes`` empty)."""

    family: str
    field: str
    analyzer: str
    codes: tuple[str, ...]


def ascii_digits(value: str) -> str:
    """``value`` with each decimal digit of another script (Unicode category Nd: the fullwidth
    ``１９５１`` an East Asian input method types, the Arabic-Indic ``١٩٥١``) written as its ASCII
    digit, the rest as it is. Every number of a request is read through it (``page``,
    ``page_size``, a ``year`` filter, the API's ``limit``), as the dates already were
    (``start_date=１９５１`` is 1951): ``page=２`` and ``year=１９５１`` were refused."""
    if value.isascii():
        return value
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in value)


@dataclass(frozen=True)
class FacetField:
    """A facet: ``name`` in URLs and the API (``?sender=Mao%20Zedong``), ``label`` on the page,
    ``values`` the document's values (exact strings, as displayed). ``ordered``: the values are
    steps of a scale (years), listed in their own order (numbers as numbers, other values such
    as ``Undated`` last) rather than by count. ``named``: the values are names of authority
    records (people, bodies, places), whose other names find them too
    (:mod:`legation.search.variants`)."""

    name: str
    label: str
    values: Values
    ordered: bool = False
    named: bool = False
    # What every value of the facet is, when not any text: a regular expression each matches in
    # full, and the same in words. A filter value that cannot match (``year=abc``) is refused,
    # saying what to send, rather than searched for nothing.
    value_pattern: str = ""
    value_help: str = ""
    words: tuple[str, ...] = ()  # values that are words, not data (``Undated``): accepted in any case
    # What the page shows for a value, when not the value itself (a language code's name: "ota" →
    # "Ottoman Turkish"); links and filters keep the value
    value_label: Callable[[str], str] | None = None
    # A value as stored, for a filter value written another way ("" when it has none): a language
    # code's tag (``iw`` → ``he``, ``ger`` → ``de``), as ``language:iw`` in the query reads it
    value_canonical: Callable[[str], str] | None = None

    def label_of(self, value: str) -> str:
        """What the page shows for ``value`` (:attr:`value_label`; the value itself by default)."""
        return self.value_label(value) if self.value_label is not None else value

    def canonical(self, value: str) -> str:
        """``value`` as the facet writes it: one of :attr:`words` in any case (``undated``) becomes
        that word (``Undated``); a value :attr:`value_canonical` writes otherwise, so written
        (``language=iw`` → ``he``); any other value is kept as given."""
        folded = value.casefold()
        word = next((word for word in self.words if word.casefold() == folded), value)
        return (self.value_canonical(word) or word) if self.value_canonical is not None else word

    @property
    def index_field(self) -> str:
        return f"facet_{self.name}"

    @property
    def id_field(self) -> str:
        """The integer fast field holding the :func:`value_id` of each value, which the facet's
        counts aggregate (:func:`legation.search.facets.top_values`)."""
        return f"facet_{self.name}_id"


def value_id(value: str) -> int:
    """A facet value's number in ``0 .. 2**63 - 1`` (its fast field is a signed 64-bit integer):
    the first 8 bytes of the BLAKE2b digest of its UTF-8 bytes (RFC 7693), halved. A terms
    aggregation over these numbers reads no dictionary, where one over the strings looks every
    value counted up in each segment's compressed term dictionary: the largest part of counting
    the facets of a few thousand matches (:mod:`legation.search.facets`). Two values of an archive
    share a number with a chance of about n²/2⁶⁴ (10⁻¹¹ for 10,000 values)."""
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big") >> 1


@dataclass(frozen=True)
class SortOption:
    """A result order: ``field`` is a fast field (``None`` = relevance score), ``descending``
    its direction."""

    name: str
    label: str
    field: str | None
    descending: bool


@dataclass(frozen=True)
class DisplayField:
    """A stored-only field result lists show (not searchable)."""

    name: str
    values: Values


# --- how values come out of a record ------------------------------------------------------------


def _agent_names(record: DocumentRecord, role: str | None = None) -> list[str]:
    """Preferred and variant names of the record's agents (in ``role``, or all), plus each
    hyphenated name written without hyphens (``Chou En-lai`` → ``Chou Enlai``) so both spellings
    find it."""
    names: list[str] = []
    for agent in record.agents:
        if role is None or agent.role == role:
            for name in (agent.name, *agent.names):
                names.append(name)
                if "-" in name:
                    names.append(name.replace("-", ""))
    return list(dict.fromkeys(names))


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname(name: str, romanized_first: bool = False) -> str:
    """The surname of a person's ``name``, folded: with ``romanized_first`` (the person's names are
    romanized surname first, :data:`_SURNAME_FIRST`), the first word of a name so written (``Chou
    En-lai``: "chou"); the word before the comma of a name written surname first (``Acheson, Dean``);
    else the last word, a suffix such as "Jr." passed over (``James S. Lay, Jr.``: "lay",
    ``Pierre Mendès-France``: "france"); ``""`` for a name of no word."""
    if romanized_first and _ROMANIZED.match(name):
        return next(iter(analyzers.folded(name.split()[0])), "")
    inverted, comma, _ = name.partition(",")
    if comma and len(inverted.split()) == 1:
        name = inverted
    words = [w for w in analyzers.folded(name) if w not in _NAME_SUFFIXES]
    return words[-1] if words else ""


def finding_names(agent: AgentRef, curated: Iterable[str] = (), surnames: Collection[str] = ()) -> list[str]:
    """Those of ``agent``'s other names that find the documents linked to it, given the names an
    authority record gives it (``curated``, kept whatever their words): of a person's other names
    read from documents, those that write its surname (``Lay``, ``Mr. Lay``, ``Lay, James S.``) and
    no other person's of ``surnames`` (the folded surnames of the archive's people) but as a given
    name, title or initial of it (:func:`_of_person`: not ``Dobrynin Robert Kennedy``), or only
    words of its preferred name (``Chou En Lai``); every name of an organization.

    The database gathers an agent's names from every document that links it, and each of its
    documents was found by all of them, so one document's slip became a name of them all: FRUS
    1955–57 vol. III tags James Shen, Chiang Kai-shek's secretary, with the key of James S. Lay
    Jr., the NSC's executive secretary, and ``"James Shen"`` found Lay's memoranda first, the
    documents naming Shen after them. Other forms with another surname (``Zhou Enlai`` of Chou
    En-lai, ``周恩来``) come from authority records, which also widen a search to all the forms of
    a name (:mod:`legation.search.variants`), and from sources that key the person by an authority's
    identifier (``gnd:…``, ``dodis:…``, ``qhod:…``: any key but those Legation makes from a name,
    ``person:…``), whose names are that authority's: a Dodis document lists under ``dodis:P31707``
    the edition's names of Gorbachev, Gorbatschow and Горбачёв among them (TEI ``listPerson``).
    Applied to the documents the index reads from the database
    (:func:`legation.search.indexer.finding_records`, with :func:`legation.search.indexer.archive_surnames`)."""
    # a key of a kind and a name's slug (person:dean-acheson) is Legation's, made where the source gave no
    # authority's identifier (legation.ingest.mappings.agent_key, the FRUS reader's): it joins documents by
    # a name's spelling, not by the source's word that they are one person
    if agent.kind != "person" or agent.key.partition(":")[0] not in AGENT_KINDS:
        return list(agent.names)
    kept = set(curated)
    first = any(_SURNAME_FIRST.match(name) for name in (agent.name, *agent.names))
    own, words = surname(agent.name, first), analyzers.folded(agent.name)
    return [n for n in agent.names if n in kept or set(analyzers.folded(n)) <= set(words) or _of_person(n, first, own, words, surnames)]


def _of_person(name: str, romanized_first: bool, own: str, words: list[str], surnames: Collection[str]) -> bool:
    """Whether a ``name`` read from documents is a name of the person whose preferred name's folded
    ``words`` are ``words`` and whose surname is ``own`` (:func:`surname`): it writes that surname,
    and each of its other words that is another person's surname (one of ``surnames``: the
    archive's, folded) stands there as one of this person's given names or as no name: an initial,
    right or misprinted ("Walt R. Rostow" for Walt W. Rostow); a title, honorific or office
    (:data:`legation.ingest.titles.TITLE_WORDS`, "General of the Army"); a particle or a word in
    lower case ("el", "le Sesne"), or joined to the surname ("Sadiq Ash-Shara"); a word in parentheses or quotation marks (a source's gloss:
    "Whitney, John Hay (Jock)"); a familiar form ("Bob"); a word the preferred name's initial stands
    for ("John Foster Dulles" for John F. Dulles, though "Foster" is William C. Foster's surname); or
    a given name spelled, romanized or shortened otherwise (:func:`legation.ingest.names.alike_given`),
    in a name romanized surname first its syllables apart or joined ("Chou Enlai", "Chang Do-yong"
    for Chang Yo-yong).

    FRUS 1961–63 vol. VI tags "Dobrynin Robert Kennedy" with Robert F. Kennedy's entry: the name
    writes "Kennedy", and ``Dobrynin`` found all his documents; "Dobrynin" is Anatoliy F. Dobrynin's
    surname and none of Kennedy's given names. A word that is no one's surname stays: the sources'
    forms with a familiar or further given name ("Big Minh", "Scotty Reston", "Ivan Khristov
    Bashev") are many more than their slips ("Large W. Averell Harriman" for "Ambassador at Large")."""
    if surname(name, romanized_first) != own:
        return False
    # a word joined to the surname is of it ("Ash-Shara", "Douglas-Home"); a gloss or a word in lower case is no name
    tokens = [analyzers.folded(token) for token in _GLOSS.sub(" ", name).split() if not token.islower()]
    written = [w for words_of in tokens for w in (words_of[-1:] if words_of[-1:] == [own] else words_of)]
    if own not in written:
        return False
    written.remove(own)
    given = [w for w in words if w != own and w not in _NAME_SUFFIXES]
    if not given:  # a surname alone ("Fulbright"): no given name to judge the others' by
        return True
    pairs = set()
    if romanized_first:  # syllables of a given name, written apart or joined ("Chou Enlai", "Chang Do-yong")
        given += [a + b for a, b in zip(given, given[1:])]
        pairs = {w for a, b in zip(written, written[1:]) if any(alike_given(a + b, g) for g in given) for w in (a, b)}
    return all(
        w not in surnames or w == own or len(w) == 1 or w in pairs or w in _not_names() or w in NICKNAMES
        or any(alike_given(w, g) or len(g) == 1 and w[0] == g for g in given)
        for w in written
    )


_GLOSS = re.compile(r"\([^()]*\)|“[^”]*”|\"[^\"]*\"")  # a source's gloss in a name: (Jock), “Tiger”


@functools.cache
def _not_names() -> frozenset[str]:
    """The words of titles, honorifics and the offices they name, and the particles of names ("al", "von"),
    folded: no given name."""
    return frozenset(w for title in TITLE_WORDS | HONORIFICS | _DEPARTMENT_WORDS | PARTICLES for w in analyzers.folded(title))


def person_surnames(record: DocumentRecord) -> list[str]:
    """The last word (folded, a suffix such as "Jr." passed over) of each name, preferred and other,
    of the people (agents of kind "person") a record is linked to in any role: :data:`SURNAMES_FIELD`;
    the first of a Chinese or Korean name romanized surname first (Chang Han-fu: "chang"; of such a
    person only those of their names written so, not "Generalissimo" nor the pinyin "Zhou Enlai"),
    the word before the comma of a name written surname first ("Acheson, Dean", "Lennox-Boyd, Alan").
    A surname, for names written as FRUS and most archives write them (John Sherman Cooper, Henry
    Cabot Lodge, Jr.); not a title or a first name (Admiral Arthur W. Radford, Christian A. Herter,
    John Foster Dulles), nor an organization's word ("Embassy"), which a word typed must not be
    kept from."""
    surnames = []
    for agent in record.agents:
        if agent.kind != "person":
            continue
        names = (agent.name, *agent.names)
        if any(_SURNAME_FIRST.match(name) for name in names):  # Chou En-lai: "chou", not "lai" (nor "Chou En-Lai")
            surnames.extend(w for name in names if _ROMANIZED.match(name) for w in analyzers.folded(name.split()[0])[:1])
            continue
        for name in names:
            inverted, comma, _ = name.partition(",")
            if comma and len(inverted.split()) == 1:  # Acheson, Dean: "acheson" ("Peng Meng-chi, General" is no such name)
                name = inverted
            words = [w for w in analyzers.folded(name) if w not in _NAME_SUFFIXES]
            if words:
                surnames.append(words[-1])
    return list(dict.fromkeys(surnames))


# a name romanized surname first, its given name of two syllables joined by a hyphen, in Wade-Giles
# (Chang Han-fu, Chou En-lai, Chiang Kai-shek) or McCune-Reischauer (Kim Il-sung, Park Chung-hee) …
_ROMANIZED = re.compile(r"^[^\W\d_]+ [^\W\d_]+-[^\W\d_]+$")
# … a person is known to be named so when one of their names writes its second syllable in lower
# case: not David Lloyd-George, Pierre Mendès-France
_SURNAME_FIRST = re.compile(r"^[^\W\d_]+ [^\W\d_]+-(?=[^\W\d_]+$)[^A-Z]")


_LETTERS = re.compile(r"[^\W\d_]+")  # a run of letters: a word, or a word's part between apostrophes and hyphens


def lowercase_words(record: DocumentRecord) -> str:
    """The words the record's title, summary, texts and their notes write in lower case, once each, joined by
    spaces: :data:`LOWERCASE_FIELD`. "foster" ("to foster"), "admiral", "lodge" are written so;
    Cooper, Dulles and Chang, names, are not: a word typed is kept from a name its stem spells
    only if that name is seldom written in lower case."""
    values = [record.title, record.summary, *(t.body for t in record.texts), *(f.text for t in record.texts for f in t.footnotes)]
    return " ".join(dict.fromkeys(w for value in values if value for w in _LETTERS.findall(value) if w.islower()))


def _preferred(record: DocumentRecord, role: str) -> list[str]:
    return list(dict.fromkeys(a.name for a in record.agents if a.role == role))


def _other_names(record: DocumentRecord) -> list[str]:
    """Each agent of the record that has other names, as its preferred name and those, tab-separated
    (``"Chou En-lai\tZhou Enlai\t周恩来"``): what the ``names`` field holds, read back to say whom a
    word of another name found (service.named_agents)."""
    forms: dict[str, list[str]] = {}
    for agent in record.agents:
        forms.setdefault(agent.name, []).extend(n for n in agent.names if n != agent.name)
    return ["\t".join(dict.fromkeys([name, *others])) for name, others in forms.items() if others]


def _texts(record: DocumentRecord) -> list[str]:
    return [part for t in record.texts for part in (t.body, *(f.text for f in t.footnotes)) if part]


def _texts_by_language(record: DocumentRecord) -> list[tuple[TextLanguage, str]]:
    """Each text (body, footnotes) with the :class:`TextLanguage` its language routes it to."""
    return [
        (text_language(t.language), part)
        for t in record.texts
        for part in (t.body, *(f.text for f in t.footnotes))
        if part
    ]


def sample_bucket(identifier: str) -> int:
    """The sample bucket of a document, 0 .. :data:`SAMPLE_BUCKETS` - 1: a hash of its identifier
    (BLAKE2b, so the same in every process and release), independent of its content. Documents
    in the first *m* buckets are a uniform random sample of about *m* / 256 of any set of
    documents, which facet counts over very many matches use (:mod:`legation.search.facets`)."""
    return int.from_bytes(hashlib.blake2b(identifier.encode(), digest_size=2).digest(), "big") % SAMPLE_BUCKETS


def key_number(identifier: str) -> int:
    """A number standing for a document's identifier, 0 .. 2⁶³ - 1 (a signed 64-bit integer
    field holds it): the first 63 bits of its BLAKE2b hash, the same in every process and release.
    Stored in :data:`KEY_NUMBER_FIELD`, a fast field, it names the documents of a list of hits
    without reading them (``Searcher.fast_field_values``); two identifiers share a number with a
    chance of about n²/2⁶⁴ (5 × 10⁻⁸ for 1,000,000 documents)."""
    return int.from_bytes(hashlib.blake2b(identifier.encode(), digest_size=8).digest(), "big") >> 1


def day_bounds_of(record: DocumentRecord) -> tuple[dt.date, dt.date] | None:
    """The record's earliest and latest day, or ``None`` when undated."""
    if not record.date_earliest:
        return None
    return dt.date.fromisoformat(record.date_earliest), dt.date.fromisoformat(record.date_latest or record.date_earliest)


UNDATED = "Undated"
MAX_YEARS_PER_DOCUMENT = 100
VALUES_VERSION = 6  # bump when what a record gives a field changes (2: years of open dates, wide ranges; 3: collection keys; 4: surnames written first, and before a comma; 5: a person's other names read from documents only of their surname; 6: and of no other person's surname but as a given name, title or initial)


def _years(record: DocumentRecord) -> list[str]:
    """The year facet and histogram values: every year the document's date range touches
    (``"1949"``, ``"1950"``), so that a year counts the documents a date range of that year
    matches by overlap; ``"Undated"`` when undated. A range over more than
    :data:`MAX_YEARS_PER_DOCUMENT` years (``1XXX``) counts in its first year only, so that every
    dated document counts somewhere. The range is the record's earliest and latest day
    (:func:`legation.records.dates.edtf_day_bounds`: an open or unknown end counts as the known
    end alone)."""
    bounds = day_bounds_of(record)
    if bounds is None:
        return [UNDATED]
    first, last = bounds[0].year, bounds[1].year
    if last - first >= MAX_YEARS_PER_DOCUMENT:
        return [str(first)]
    return [str(year) for year in range(first, last + 1)]


def wide_span(record: DocumentRecord) -> int | None:
    """The years a record's date range spans (last year minus first) when its year facet values
    (:func:`_years`) do not list them all (at least :data:`MAX_YEARS_PER_DOCUMENT`), else ``None``:
    what :data:`WIDE_SPAN_FIELD` holds, so that a date range is sought among the documents of its
    years and these (:func:`legation.search.query.date_overlap_query`)."""
    bounds = day_bounds_of(record)
    if bounds is None or bounds[1].year - bounds[0].year < MAX_YEARS_PER_DOCUMENT:
        return None
    return bounds[1].year - bounds[0].year


def in_any_case(word: str) -> str:
    """A regular expression matching ``word`` in any case, letter by letter (``[Uu][Nn]…``): JSON
    Schema's patterns (ECMA-262, as the OpenAPI description gives them) have no flag for it, and
    the filters take such words in any case (:attr:`FacetField.words`)."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.upper() != c.lower() else re.escape(c) for c in word)


def _one(value: str) -> list[str]:
    return [value] if value else []


def _languages(record: DocumentRecord) -> list[str]:
    """The language codes of a record and of its texts, each once, the record's first."""
    return list(dict.fromkeys(code for code in (record.language, *(t.language for t in record.texts)) if code))


# --- the declaration ----------------------------------------------------------------------------

SEARCH_FIELDS: tuple[SearchField, ...] = (
    SearchField("title", "Title", 3.0, lambda r: [r.title], stored=True),
    # names are not stemmed: "cooperation" (stem "cooper") ranked Ambassador Cooper's telegrams first
    SearchField("names", "Names", 2.5, lambda r: _agent_names(r), stemmed=False),
    SearchField("summary", "Summary", 1.5, lambda r: _one(r.summary), stored=True),
    SearchField("text", "Text", 1.0, _texts, stored=True, by_language=True),
    SearchField("source", "Archival source", 0.5, lambda r: [*_one(r.source_note), *r.repositories], stored=True),  # stored: a hit matched there shows it
    SearchField("from", "From", 0.0, lambda r: _agent_names(r, "sender"), aliases=("sender",), stemmed=False),
    SearchField("to", "To", 0.0, lambda r: _agent_names(r, "recipient"), aliases=("recipient",), stemmed=False),
    SearchField("type", "Type", 0.0, lambda r: _one(r.document_type)),
    SearchField("place", "Place", 0.5, lambda r: _one(r.place_sent), stemmed=False),
    SearchField("subject", "Subject", 0.5, lambda r: list(r.subjects)),
    # a collection is found by its title's words and by its key, as its documents' identifiers show it
    # (collection:frus1969-76v12, the FRUS volume whose documents are frus1969-76v12-d1 …)
    SearchField("collection", "Collection", 0.3, lambda r: [v for c in r.collections for v in (c.title, c.key)]),
    SearchField("language", "Language", 0.0, _languages, spelled=False),
)

# Text in English is stemmed as English, German as German …; other languages are folded only.
# Chinese, Japanese and Korean need no field of their own: every analyzer cuts Han, kana and
# Hangul into single characters (see analyzers.py), so they share "text_other".
TEXT_LANGUAGES: tuple[TextLanguage, ...] = (
    TextLanguage("en", "text", analyzers.ENGLISH_TEXT_NAME, ("en", "eng")),
    TextLanguage("de", "text_de", "legation_de", ("de", "deu", "ger", "gsw")),
    TextLanguage("fr", "text_fr", "legation_fr", ("fr", "fra", "fre")),
    TextLanguage("tr", "text_tr", "legation_tr", ("tr", "tur")),
    TextLanguage("ru", "text_ru", "legation_ru", ("ru", "rus")),
    TextLanguage("other", "text_other", FOLDED_NAME, ()),
)

FACETS: tuple[FacetField, ...] = (
    FacetField("type", "Type", lambda r: _one(r.document_type)),
    FacetField("sender", "From", lambda r: _preferred(r, "sender"), named=True),
    FacetField("recipient", "To", lambda r: _preferred(r, "recipient"), named=True),
    FacetField("collection", "Collection", lambda r: list(dict.fromkeys(c.title for c in r.collections))),
    FacetField("place", "Place", lambda r: _one(r.place_sent), named=True),
    FacetField("subject", "Subject", lambda r: list(dict.fromkeys(r.subjects))),
    # the languages a document can be read in: its own and its texts' (transcripts and translations)
    FacetField("language", "Language", _languages, value_label=language_name, value_canonical=language_tag),
    FacetField("year", "Year", _years, ordered=True, value_pattern=rf"[1-9][0-9]{{0,3}}|{in_any_case(UNDATED)}", value_help=f"a year such as 1950, or {UNDATED}", words=(UNDATED,), value_canonical=ascii_digits),
)

SORTS: tuple[SortOption, ...] = (
    SortOption("relevance", "Relevance", None, descending=True),
    SortOption("date_asc", "Date (oldest first)", "earliest_day", descending=False),
    SortOption("date_desc", "Date (newest first)", "earliest_day", descending=True),
)

KEY_FIELD = "identifier"
OTHER_NAMES_FIELD = "other_names"  # each agent's other names (_other_names)
DISPLAY_FIELDS: tuple[DisplayField, ...] = (
    DisplayField(KEY_FIELD, lambda r: [r.identifier]),
    DisplayField("date_edtf", lambda r: _one(r.date_edtf)),
    DisplayField("document_type", lambda r: _one(r.document_type)),
    DisplayField("senders", lambda r: _preferred(r, "sender")),
    DisplayField("recipients", lambda r: _preferred(r, "recipient")),
    DisplayField("mentioned", lambda r: _preferred(r, "mentioned")),  # a hit's names that the query named (service.named_agents)
    DisplayField(OTHER_NAMES_FIELD, _other_names),
    DisplayField("collections", lambda r: list(dict.fromkeys(c.title for c in r.collections))),
    DisplayField("pages", lambda r: [r.pages] if r.pages else []),
)

DATE_FIELDS: tuple[str, str] = ("earliest_day", "latest_day")
WIDE_SPAN_FIELD = "wide_span"  # wide_span(record), indexed for the few documents that have one
# the first and last printed page of a document whose pages are Arabic numerals
# (DocumentRecord.pages, page_numbers): what page:287 and a FRUS citation by pages find
PAGE_FIELDS: tuple[str, str] = ("page_first", "page_last")
SAMPLE_FIELD = "sample"  # the document's sample bucket (sample_bucket): facet counts on a sample
SAMPLE_BUCKETS = 256
KEY_NUMBER_FIELD = "key_number"  # key_number(identifier), fast: hits named without reading the documents
VOCAB_FIELD = "vocab"  # unstemmed terms of every search field: prefix* expansion, spelling, exact one-word "phrases"
SURNAMES_FIELD = "surnames"  # the last word of each name of the people a document is linked to: which words are names (query.same_stem_forms)
LOWERCASE_FIELD = "lowercase"  # folded words its texts write in lower case: a word, not only a name (query.same_stem_forms)
SHINGLES_SUFFIX = "_shingles"  # each search field's shingles: see shingle_field

_LANGUAGE_BY_CODE = {code: lang for lang in TEXT_LANGUAGES for code in lang.codes}


def text_language(code: str) -> TextLanguage:
    """The :class:`TextLanguage` of a language code (``"de"``, ``"de-CH"``, ``"ger"``); the last
    one (folded only) for any other code, Ottoman Turkish (``ota``) included."""
    return _LANGUAGE_BY_CODE.get((code or "").split("-")[0].split("_")[0].lower(), TEXT_LANGUAGES[-1])


def index_fields(field: SearchField) -> list[tuple[str, str]]:
    """(index field, analyzer) of a search field: one per :data:`TEXT_LANGUAGES` entry for the
    texts, else the field's own name with its analyzer (:attr:`SearchField.analyzer`: English, or
    folded only for names)."""
    if field.by_language:
        return [(lang.field, lang.analyzer) for lang in TEXT_LANGUAGES]
    return [(field.name, field.analyzer)]


def index_values(field: SearchField, record: DocumentRecord) -> list[tuple[str, str, str]]:
    """(index field, analyzer, value) of every value of ``field`` in ``record``."""
    if field.by_language:
        return [(lang.field, lang.analyzer, value) for lang, value in _texts_by_language(record)]
    return [(field.name, field.analyzer, value) for value in field.values(record)]


SEARCH_FIELDS_BY_NAME = {f.name: f for f in SEARCH_FIELDS}
FIELD_ALIASES = {alias: f.name for f in SEARCH_FIELDS for alias in f.aliases}
FACETS_BY_NAME = {f.name: f for f in FACETS}
SORTS_BY_NAME = {s.name: s for s in SORTS}
DEFAULT_FIELDS: tuple[SearchField, ...] = tuple(f for f in SEARCH_FIELDS if f.boost > 0)
ANALYZER_OF: dict[str, str] = {name: analyzer for f in SEARCH_FIELDS for name, analyzer in index_fields(f)}
ANALYZER_OF[VOCAB_FIELD] = ANALYZER_OF[SURNAMES_FIELD] = ANALYZER_OF[LOWERCASE_FIELD] = FOLDED_NAME
TEXT_FIELDS: tuple[str, ...] = tuple(lang.field for lang in TEXT_LANGUAGES)  # stored texts, for snippets


def shingle_field(field: SearchField) -> str:
    """The index field holding ``field``'s shingles (:func:`legation.search.analyzers.shingles`
    of its folded, unstemmed words): ``title_shingles``; one, ``text_shingles``, for the texts of
    every language."""
    return f"{field.name}{SHINGLES_SUFFIX}"


def shingle_fields(name: str | None) -> list[tuple[str, float]]:
    """(shingle index field, boost) a phrase searches: the search field ``name``'s at boost 1, or
    every default field's at its boost (``None``); as :func:`query_fields`."""
    if name is not None:
        return [(shingle_field(SEARCH_FIELDS_BY_NAME[name]), 1.0)]
    return [(shingle_field(f), f.boost) for f in DEFAULT_FIELDS]


def query_fields(name: str | None) -> list[tuple[str, str, float]]:
    """(index field, analyzer, boost) a query word searches: those of the search field ``name``
    at boost 1, or of every default field at its boost (``None``)."""
    if name is not None:
        return [(index, analyzer, 1.0) for index, analyzer in index_fields(SEARCH_FIELDS_BY_NAME[name])]
    return [(index, analyzer, f.boost) for f in DEFAULT_FIELDS for index, analyzer in index_fields(f)]


# --- the tantivy schema -------------------------------------------------------------------------


def index_analyzer(field: SearchField, analyzer: str) -> str:
    """The analyzer tantivy indexes ``field``'s values with: for an unstored field, the simple
    tokenizer twin of its (query) ``analyzer``, whose values :func:`legation.search.indexer.to_document`
    prepares with :func:`analyzers.unstored` so they get the same terms; else ``analyzer`` itself
    (stored fields keep the offsets of their text for snippets)."""
    return analyzers.SIMPLE_TWIN.get(analyzer, analyzer) if not field.stored else analyzer


def _field_specs() -> list[tuple[str, str, dict]]:
    """(name, kind, options) of every index field, in schema order."""
    specs: list[tuple[str, str, dict]] = []
    for f in SEARCH_FIELDS:
        for name, analyzer in index_fields(f):
            specs.append((name, "text", {"stored": f.stored, "tokenizer_name": index_analyzer(f, analyzer)}))
        # positions: a phrase of three words or more is a phrase of its shingles
        specs.append((shingle_field(f), "text", {"tokenizer_name": analyzers.SHINGLES_NAME, "index_option": "position"}))
    specs.append((VOCAB_FIELD, "text", {"tokenizer_name": analyzers.SIMPLE_TWIN[FOLDED_NAME], "index_option": "basic"}))
    specs.append((SURNAMES_FIELD, "text", {"tokenizer_name": analyzers.SIMPLE_TWIN[FOLDED_NAME], "index_option": "basic"}))
    specs.append((LOWERCASE_FIELD, "text", {"tokenizer_name": analyzers.SIMPLE_TWIN[FOLDED_NAME], "index_option": "basic"}))
    for facet in FACETS:
        specs.append((facet.index_field, "text", {"fast": True, "tokenizer_name": "raw", "index_option": "basic"}))
        specs.append((facet.id_field, "integer", {"fast": True}))
    for d in DISPLAY_FIELDS:
        specs.append((d.name, "text", {"stored": True, "tokenizer_name": "raw", "index_option": "basic"}))
    for name in DATE_FIELDS:
        specs.append((name, "integer", {"indexed": True, "fast": True}))
    # indexed, not fast: its few documents are read from their postings (a fast field is scanned whole)
    specs.append((WIDE_SPAN_FIELD, "integer", {"indexed": True}))
    for name in PAGE_FIELDS:
        specs.append((name, "integer", {"indexed": True, "fast": True}))  # fast: the pages a notice says a volume spans
    specs.append((SAMPLE_FIELD, "integer", {"indexed": True}))
    specs.append((KEY_NUMBER_FIELD, "integer", {"indexed": True, "fast": True}))
    return specs


def build_schema() -> tantivy.Schema:
    """The tantivy schema for the declarations above."""
    builder = tantivy.SchemaBuilder()
    for name, kind, options in _field_specs():
        if kind == "text":
            builder.add_text_field(name, **options)
        else:
            builder.add_integer_field(name, **options)
    return builder.build()


def fingerprint() -> str:
    """A short hash of the index layout; an index built with another layout must be rebuilt."""
    return hashlib.sha256(json.dumps([analyzers.VERSION, VALUES_VERSION, _field_specs()], sort_keys=True).encode()).hexdigest()[:16]
