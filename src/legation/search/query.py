"""The user query language: our own parser, then tantivy queries built from its tree.

Language (DESIGN.md): words, all of which must match (``treaty Moscow``); ``"exact phrases"``;
``OR`` between alternatives; ``NOT word`` or ``-word`` to exclude (several in a row, ``--word``,
``NOT NOT word``, exclude once, with a notice; a dash standing alone, ``Stalin - Mao``, is left out,
with a notice); ``prefix*``; ``field:value`` and
``field:"a phrase"`` for the fields of :data:`legation.search.schema.SEARCH_FIELDS` (``title``,
``from``, ``to``, ``type`` …; ``sender`` and ``recipient`` are other names of ``from`` and ``to``);
``field:(a group)``, the field applied to every word and phrase of the group that names no field
of its own (``from:(Rusk OR Acheson)``, ``title:(treaty -"mutual defense")``);
``date:1949-12..1950-02`` (EDTF days, months or years, or a date as archives write it, quoted when
it has spaces: ``date:22.XII.1949``, ``date:"Dec 1949"``, ``date:1950s``; either end may be left open);
``page:287`` or ``page:287..290``, the documents printed on those pages of their volume (their
``pages``; with ``collection:`` the pages of one volume, as a FRUS citation by pages is read);
parentheses. Typographic double quotes (“…”, „…“, «…», as word processors and web pages write
them) are quotes too. ``AND``/``OR``/``NOT`` are operators only in capitals. Hyphens
inside a word belong to it: ``En-lai`` is searched as the phrase ``en lai`` or the word ``enlai``.
A possessive word is searched as its owner: ``Khrushchev's`` as ``Khrushchev`` (not in a phrase).
Addresses pasted as a word or quoted are read by :func:`read_address`: a document's page address
(``http://localhost:8000/documents/frus1949v07p1-d1``, ``/documents/frus1949v07p1-d1``,
``documents/…``) or its address in the public FRUS edition
(``https://history.state.gov/historicaldocuments/frus1949v07p1/d1``) as its identifier; a FRUS
volume's address there (or a chapter's, ``…/frus1949v07p1/ch1``) as the volume's documents,
``collection:frus1949v07p1``, with a notice; any other address (``https://…``, ``www.…``) as the
words of its path, as if typed one by one, never as a field ``https:``, with a notice naming them.
:attr:`ParsedQuery.addresses` lists them, for the search to say what the archive does not hold.
A citation of the FRUS edition (``Foreign Relations, 1964–1968, volume XXIX, part 1, Korea,
Document 110``) is read as the identifier of the document it cites, or as its volume's documents
(:mod:`legation.search.frus_citations`), with a notice.

:func:`parse` never raises. A query it cannot read (unclosed quote or parenthesis, quotes around no words, a lone
operator, a stray ``:``, ``*``, bracket or ``%``, a field that is none …) is read with the usual
slips repaired (:func:`_repair`), else searched as its plain words, and :attr:`ParsedQuery.notice`
says so, naming what was wrong, how to write it and what was read as search syntax; there a
``field:value`` of a field of the schema (``from:Dulles``, ``date:1950``), a ``word*``, a phrase, a
group (``(from:Dulles OR Mao)``, closed at the end when left open) and what NOT or ``-`` excludes
(``-from:Mao``, ``NOT (Mao OR Khrushchev)``) are read as the parser reads each alone, what NOT
excludes that cannot be read left out and named (:func:`_read_units`). Operators in capitals that join nothing are the
words they spell (:func:`_operators_as_words`): ``AND OR NOT Mao`` is read as ``and or not Mao``,
``from:(OR AND)`` as ``from:(or and)``, ``NOT AND`` and ``-OR`` as ``NOT and`` and ``-or``; one AND
or OR left dangling (``AND treaty``, ``Mao OR``) is a slip, left out. A field's value that cannot be read
(``date:1950-13``, ``date:0000``, ``from:a*``, ``title:Ch?u``, ``sender:`` with none) is left out
alone, with the NOT before it, and an OR left with one side (``(Mao OR date:1950-13) treaty`` is
read as ``(Mao) treaty``), the rest read as written; the notice names it, says why (``date:1950-13:
13 is not a month``) and how to write it. A date range that ends before it starts is read the
other way round, with a notice; queries over :data:`MAX_QUERY_CHARS` are cut, with a notice.
:func:`to_tantivy` turns the tree into a ``tantivy.Query``; user text reaches tantivy only as
analyzed terms, never through tantivy's own query parser.
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import re
import unicodedata
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import lru_cache
from itertools import accumulate, takewhile

import tantivy
from tantivy import Occur, Query

from legation.ingest.dates import archival_day_bounds, unread_reason  # the one reader of dates as archives write them
from legation.printable import C0_CONTROLS, C1_CONTROLS, DASHES, in_words, number_range, shortened
from legation.records.dates import MONTHS, day_bounds
from legation.records.document_record import MOST_PAGE, PAGE_NUMBER, RecordError, folded_identifier, is_identifier, unwrapped
from legation.records.frus_edition import FRUS_IDENTIFIER
from legation.records.languages import language_tag
from legation.search import analyzers, frus_citations, schema

MAX_QUERY_CHARS = 1000
# typographic double quotes and the corner brackets that quote in Chinese and Japanese → ", so a
# phrase pasted from a report or a web page is a phrase
_QUOTES = str.maketrans(dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u300c\u300d\u300e\u300f\ufe41\ufe42\ufe43\ufe44", '"'))
_QUOTE_MARKS = re.compile('["\u201c\u201d\u201e\u201f\u00ab\u00bb\u300c\u300d\u300e\u300f\ufe41\ufe42\ufe43\ufe44]')
# a phrase in single quotes: one opening a word (at the start, after a space, a parenthesis, a field's
# colon or a minus) and one closing a later word (at the end, before a space, a parenthesis or
# punctuation), no quotation mark between them but apostrophes inside words (Chiang's); an apostrophe
# inside a word (O'Neill, Khrushchev's, Soviets' aid) opens nothing
_SINGLY_QUOTED = re.compile(
    r"(?<![^\s(:-])['\u2018](?=[^\s'\u2018\u2019])((?:[^'\u2018\u2019\"]|(?<=\w)['\u2019](?=\w))*?[^\s'\u2018\u2019])['\u2019](?=$|[\s).,;:!?])"
)


def _single_quotes(q: str) -> str:
    """``q`` with each phrase in single quotes (``'Port Ar*'``, ``\u2018Port Arthur\u2019``) in double
    quotes, as the query language writes a phrase, and a single word in them bare (``'Ar*'``,
    ``'frus1949v07p1-d1'``: a word, a prefix, an identifier as typed bare); apostrophes in words
    stay (``O'Neill``, ``Khrushchev's``, ``the Soviets' aid``). A query already holding a ``"`` is
    left as typed: its double quotes say where its phrases are."""
    if "'" not in q and "\u2018" not in q or '"' in q:
        return q
    return _SINGLY_QUOTED.sub(lambda m: f'"{m.group(1)}"' if any(c.isspace() for c in m.group(1)) else m.group(1), q)


def _straight_quotes(q: str) -> str:
    """``q`` with its typographic double quotes (``“ ” „ ‟ « »``) as ``"``, one character for one,
    but for those inside a phrase a typed ``"`` opened and a later typed ``"`` closes: they came
    with the passage pasted between the typed quotes and are no part of a word, so each is a space
    (``"that “we could"`` is the phrase ``that we could``; read as a quote, the “ left the last
    quotation mark unclosed). When no typed ``"`` follows, the last quotation mark of ``q``
    closes the phrase (``"Port Arthur”``, ``"that “we could”``). Outside such a phrase a
    typographic quote opens or closes one, as a typed one does (``“Port Arthur”``, ``„Lüshun“``)."""
    if '"' not in q:
        return q.translate(_QUOTES)
    marks = list(_QUOTE_MARKS.finditer(q))
    out, last, opened_by = [], 0, ""  # opened_by: the mark that opened the phrase q[last] is in, if any
    for n, match in enumerate(marks):
        mark = match.group()
        out.append(q[last : match.start()])
        last = match.end()
        if opened_by == '"' and mark != '"' and n < len(marks) - 1:  # the last one closes the phrase
            out.append(" ")
        else:
            out.append('"')
            opened_by = "" if opened_by else mark
    out.append(q[last:])
    return "".join(out)
# control characters (C0 but tab, line feed and carriage return, which are spaces already; DEL; C1)
# → a space: no word holds one, so Mao\x00Zhou is the two words, as Mao\tZhou (it found nothing)
_CONTROLS = str.maketrans(dict.fromkeys([*C0_CONTROLS, *C1_CONTROLS], " "))
# the spaces around a query, but control characters Python counts as spaces (U+0085, U+001C …):
# a query of those alone is typed, and has no words (stripped); and the invisible format characters
# there (a zero-width space, a byte order mark, a direction mark pasted alone: an empty box to see)
_OUTER = r"(?:[^\S\x0b\x0c\x1c-\x1f\x85]|[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff])+"
_OUTER_SPACES = re.compile(rf"^{_OUTER}|{_OUTER}$")
MAX_DEPTH = 20  # nested parentheses / negations
MIN_PREFIX_CHARS = 2
MAX_PREFIX_EXPANSIONS = 64  # most frequent words a prefix* stands for
# distinct prefix* words of one query expanded, at most: each costs about 11 ms over the demo's
# 4,915 documents (up to MAX_PREFIX_EXPANSIONS words in every default field), so 249 of them took
# 2 s; those beyond are searched as typed, without the *, and the notice says so (_limit_prefixes)
MAX_PREFIX_WORDS = 8
OPERATORS = ("AND", "OR", "NOT")
DATE_FIELD = "date"
PAGE_FIELD = "page"
RANGE_FIELDS = (DATE_FIELD, PAGE_FIELD)  # fields whose value is a range to filter by, not words to find
_SYNTAX_CHARS = frozenset(':*[]{}%^~\\<>|=+"()')
# a ? inside a word (Ch?u), typed as Lucene's wildcard for one letter; after a word it ends a question
_WILDCARD = re.compile(r"(\w+)\?+\w")


# --- the tree -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A word in the default fields (``field=None``) or one field; ``prefix`` for ``word*``.
    ``at``: where ``text`` stands in the query read (:attr:`ParsedQuery.text`), so that a word can
    be replaced there, the rest kept as typed (did you mean); ``-1`` for a word not typed there (an
    address's words, a name's other forms) or typed as no word to find: the name of a field, searched
    as a word when the query could not be read (``bogus`` of ``bogus:x``, ``sender`` of ``sender:``).
    Not part of the word's identity (equality, hash)."""

    text: str
    field: str | None = None
    prefix: bool = False
    at: int = dataclass_field(default=-1, compare=False, repr=False)


@dataclass(frozen=True)
class Phrase:
    """Words that must occur together, in this order. ``at``: where ``text`` (within its quotation
    marks) stands in the query read, as :attr:`Term.at`; ``-1`` for a phrase not typed there."""

    text: str
    field: str | None = None
    at: int = dataclass_field(default=-1, compare=False, repr=False)


@dataclass(frozen=True)
class Pasted(Term):
    """A document's identifier read from its address pasted into the query (:func:`read_address`):
    searched as a :class:`Term` typed, and looked up as an identifier whatever it holds, a digit or
    not (:func:`identifiers_like`)."""


class Range:
    """A filter by a range of values (:class:`DateRange`, :class:`PageRange`): it narrows what the
    words find and scores nothing."""


@dataclass(frozen=True)
class DateRange(Range):
    """``date:a..b``: documents whose [earliest, latest] days overlap [start, end] (None = open),
    or with ``within`` lie wholly inside it (a search's ``date_match``, not written in the query).
    ``text``: the range as read after ``date:`` (``1950-01..1950-02``, ``1951``; one that ends before
    it starts the other way round), to name it to the user; not part of its identity."""

    start: dt.date | None
    end: dt.date | None
    text: str = dataclass_field(default="", compare=False, repr=False)
    within: bool = False


@dataclass(frozen=True)
class PageRange(Range):
    """``page:a..b``: documents printed on some page from ``first`` to ``last`` (``None``: open) of
    their volume's printed edition, by their ``pages`` (:func:`~legation.records.document_record.page_numbers`);
    ``text``: the range as read after ``page:``, to name it; not part of its identity."""

    first: int | None
    last: int | None
    text: str = dataclass_field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Alternatives(Or):
    """Other forms of a name the user typed, found in the authority records (``Zhou Enlai`` OR
    ``"Chou En-lai"``); searched as :class:`Or`, and counted as one word by the most-words fallback."""


@dataclass(frozen=True)
class Spellings(Or):
    """A word typed with a zero-width space inside (``Mao\u200bStalin``): the word without it, or
    its parts, each required (:func:`_value`); searched as :class:`Or`, and counted as one word by
    the most-words fallback."""


@dataclass(frozen=True)
class Not:
    item: Node


Node = Term | Phrase | DateRange | PageRange | And | Or | Not

NOTHING = And(())
"""What an address of another site whose path has no words searches: nothing, left out of the
query around it (:func:`to_tantivy` gives ``None`` for it); a query of nothing else has no tree."""


@dataclass(frozen=True)
class ParsedQuery:
    """What :func:`parse` made of a query: the tree (``None`` = no search terms, match all), the
    text searched (cut to :data:`MAX_QUERY_CHARS`; the plain words after a fallback), a notice
    for the user ("" when the query was read as written) and the addresses pasted into it, as read
    (:func:`read_address`; what the archive lacks of them is for the search to say)."""

    node: Node | None
    text: str
    notice: str = ""
    explicit_and: bool = False  # the user wrote AND: every word is required, no most-words fallback
    addresses: tuple[Address, ...] = ()
    cited: bool = False  # FRUS citations were read in the prose pasted (frus_citations): its other words are context
    cited_documents: frozenset[str] = frozenset()  # the identifiers of the documents they cite, searched as words


class _Unreadable(Exception):
    """Internal: the query breaks the grammar; the message says where, for the notice. ``span``:
    where the term at fault stands in the text parsed, when the fault is a field's value
    (``date:1950-13``, ``from:a*``, ``sender:`` with none), so that :func:`parse` leaves that term
    out and reads the rest as written; ``None`` when the query's syntax is at fault. ``named``: the
    term as the notice names it, when not as typed (a value of ``date:(…)``: ``date:1950-13``)."""

    def __init__(self, message: str, span: tuple[int, int] | None = None, named: str = "") -> None:
        super().__init__(message)
        self.span = span
        self.named = named


# --- lexer --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tok:
    kind: str  # "(", ")", "-", "PHRASE", "WORD", "URL" (an address with a scheme), "FIELD(" (``title:(``, the field in ``field``), "DASHES" (standing alone)
    text: str = ""
    field: str | None = None
    start: int = 0  # where it stands in the query: q[start:end]
    end: int = 0


def _lex(q: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    i, n = 0, len(q)
    while i < n:
        c = q[i]
        if c.isspace():
            i += 1
        elif c in "()":
            tokens.append(_Tok(c, start=i, end=i + 1))
            i += 1
        elif c == '"':
            end = q.find('"', i + 1)
            if end < 0:
                raise _Unreadable("a quotation mark is not closed")
            tokens.append(_Tok("PHRASE", _quoted(q[i + 1 : end]), start=i, end=end + 1))
            i = end + 1
        elif (end := _address_end(q, i)) > 0:
            tokens.append(_Tok("URL", q[i:end], start=i, end=end))
            i = end
        else:
            j = i
            while j < n and not q[j].isspace() and q[j] not in '()"':
                j += 1
            word = q[i:j]
            if word.startswith("-") and (len(word) > 1 or (j < n and (q[j] in '("' or q[j].isspace()))):
                # -word, -"phrase", -(group); each dash of --word at once, not the word read again
                # after each (a query of 1,000 dashes), a lone dash at the end left a word
                dashes = len(word) - len(word.lstrip("-"))
                if dashes == len(word) and j < n and q[j].isspace():
                    # a dash standing alone between words (Stalin - Mao, as a title writes it): no
                    # operator, left out by the parser, which says so (_Parser.__init__)
                    tokens.append(_Tok("DASHES", word, start=i, end=j))
                    i = j
                    continue
                if dashes == len(word) and not (j < n and q[j] in '("'):
                    # dashes before no word: said so, be they two or 1,000 (which nested too deep)
                    raise _Unreadable("a - must come right before a word")
                tokens.extend(_Tok("-", start=i + k, end=i + k + 1) for k in range(dashes))
                i += dashes
            elif word.endswith(":") and j < n and q[j] == "(":  # field:(a group)
                tokens.append(_Tok("FIELD(", field=_field_name(word[:-1]), start=i, end=j + 1))
                i = j + 1
            elif word.endswith(":") and j < n and q[j] == '"':  # field:"a phrase"
                end = q.find('"', j + 1)
                if end < 0:
                    raise _Unreadable("a quotation mark is not closed")
                tokens.append(_Tok("PHRASE", _quoted(q[j + 1 : end]), field=_field_name(word[:-1]), start=i, end=end + 1))
                i = end + 1
            else:
                at = i
                excluded = bool(tokens) and tokens[-1].kind == "-" and tokens[-1].end == i  # -Mao,Stalin: one thing left out
                # words run together with a comma ("Acheson,Rusk"): each a word; not a field's value, nor an
                # address without its scheme (www.google.com/search?q=…), read as such further on
                if not excluded and not any(c in word for c in ":/=&@"):
                    for cut in _RUN_TOGETHER.finditer(word):
                        tokens.append(_Tok("WORD", q[at : i + cut.start()], start=at, end=i + cut.start()))
                        at = i + cut.end()
                tokens.append(_Tok("WORD", q[at:j], start=at, end=j))
                i = j
    return tokens


# Punctuation that ends a sentence's word, standing between two words at least one of which begins
# or ends in a letter: "Mao,Stalin", "Acheson;Rusk" were one word of two parts, sought as a phrase
# (as "Sino-Soviet" is), and found nothing without a word (a fresh user of the API). Between digits
# it stays (1,234). The full-width and ideographic forms too (，、；！｜: what a Chinese, Japanese or
# Korean input method types). Not a hyphen, dot, apostrophe, underscore or slash, which join the parts of one
# word or name (Chou En-lai, U.S.S.R., O'Neill, A/RES/217) and are sought together, nor "?", which a
# notice says is no wildcard (Ch?u).
_RUN_TOGETHER = re.compile(r"(?<=[^\W\d_])[,;!|\uff0c\u3001\uff1b\uff01\uff5c]+(?=\w)|(?<=\w)[,;!|\uff0c\u3001\uff1b\uff01\uff5c]+(?=[^\W\d_])")


def _quoted(text: str) -> str:
    """``text``, what stands between two quotation marks; :class:`_Unreadable` when that is nothing
    but spaces (``""``, ``""""``: it was read as an empty phrase, the notice saying 'read as: ""')."""
    if not text.strip():
        raise _Unreadable('the quotation marks "" hold no words')
    return text


def _example(tokens: list[_Tok]) -> str:
    """What follows the first dash or dashes standing alone among ``tokens`` (:func:`_lex`), as an
    example of a word to exclude: that word, or phrase in quotes; ``treaty`` when it is neither."""
    at = next(k for k, tok in enumerate(tokens) if tok.kind == "DASHES")
    after = next((tok for tok in tokens[at + 1 :] if tok.kind != "DASHES"), None)
    if after is not None and after.kind == "WORD" and after.text not in OPERATORS and not after.text.startswith("-"):
        return after.text
    if after is not None and after.kind == "PHRASE" and after.field is None:
        return f'"{after.text}"'
    return "treaty"


def _field_name(name: str) -> str:
    key = name.lower()
    key = schema.FIELD_ALIASES.get(key, key)
    if key not in schema.SEARCH_FIELDS_BY_NAME and key not in RANGE_FIELDS:
        known = ", ".join([*schema.SEARCH_FIELDS_BY_NAME, *RANGE_FIELDS])
        if not key:  # ":", "::::", ":treaty"
            raise _Unreadable(f"a colon needs the name of a field before it, as in title:treaty; fields are {known}")
        raise _Unreadable(f"there is no field {shown(name)}; fields are {known}")
    return key


def _grouping_note(text: str, sides: list[list[tuple[int, int]]]) -> str:
    """The notice of an OR whose sides hold unlike numbers of words or groups: how ``text`` was
    grouped (each side of more than one in parentheses) and, for two sides, how to write the OR
    of the words beside it alone. ``sides``: where each side's words or groups stand, (start,
    end) offsets in ``text``, in order."""
    start, end = sides[0][0][0], sides[-1][-1][1]
    read = text[start:end]
    for units in reversed(sides):
        if len(units) > 1:
            a, b = units[0][0] - start, units[-1][1] - start
            read = f"{read[:a]}({read[a:b]}){read[b:]}"
    said = f"{shown(text[start:end])} was read as {shown(read)}: OR joins the words on each side of it, as wholes"
    if len(sides) > 2:
        return said + "."
    a, b = sides[0][-1][0], sides[1][0][1]
    other = f"{text[:a]}({text[a:b]}){text[b:]}".strip()
    return f"{said}; to join only the words beside it, write {shown(other)}."


# --- parser -------------------------------------------------------------------------------------


class _Parser:
    """Recursive descent: or := and ("OR" and)* ; and := unary+ (with optional "AND" between) ;
    unary := ("NOT" | "-")* primary ; primary := ["field:"] "(" or ")" | phrase | word.

    The tokens of ``text`` (:func:`_lex`), its dashes standing alone left out, with a note; raises
    :class:`_Unreadable` when nothing else is left. A run of NOT and ``-`` (``--Mao``, ``NOT NOT
    Mao``, ``NOT -Mao``) excludes what follows it, as one does, with a note: two do not cancel out
    (Lucene's simple query parser reads ``--Mao`` as ``Mao``, which finds what the user asked to
    leave out)."""

    def __init__(self, tokens: list[_Tok], text: str = "") -> None:
        self.text = text
        self.pos = 0
        self.depth = 0
        self.notes: list[str] = []  # how parts were read other than as written, for the notice
        self.explicit_and = False  # an AND operator was read
        self.addresses: list[Address] = []  # addresses read (self.address), in order
        self.bad: list[_Unreadable] = []  # the terms whose field's value cannot be read, each read as NOTHING
        self.valued: list[str] = []  # the fields of the field:(…) groups the token read stands in: its words are their values
        self.units: list[tuple[int, int]] = []  # (start, end) in text of each word or group read at the level being read
        self.tokens = [tok for tok in tokens if tok.kind != "DASHES"]
        if len(self.tokens) < len(tokens):
            if not self.tokens:
                raise _Unreadable("a - must come right before a word")
            self.notes.append(
                f"A dash standing alone, with a space after it, was left out; to exclude a word, write the - right before it, as in -{_example(tokens)}."
            )

    def peek(self) -> _Tok | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def is_op(self, tok: _Tok | None, op: str) -> bool:
        return _is_operator(tok, op)

    def parse(self) -> Node:
        node = self.parse_or()
        if self.peek() is not None:
            raise _Unreadable("a closing parenthesis has no opening one")
        return node

    def parsed(self, text: str, notices: list[str]) -> ParsedQuery:
        """The :class:`ParsedQuery` of the tokens, read from ``text``, with ``notices`` before the
        parser's own notes; raises :class:`_Unreadable`, the first of :attr:`bad` when the syntax
        was read but some field's value was not."""
        node = self.parse()
        if self.bad:
            raise self.bad[0]
        node = _limit_prefixes(node, self.notes)
        return ParsedQuery(
            None if node == NOTHING else node, text, " ".join([*notices, *self.notes]), self.explicit_and, tuple(self.addresses)
        )

    def parse_or(self) -> Node:
        """Alternatives joined by OR, each the words side by side (or joined by AND) on one side of
        it: AND binds before OR, as in Boolean algebra and Lucene's query parsers, so that ``Mao
        Zedong OR Liu Shaoqi`` is two names. Where the sides hold unlike numbers of words
        (``collection:frus1964-68v30 Telegram OR Memorandum``, ``Khrushchev Mao OR Stalin``) the
        notice says how it was grouped and how to write the other grouping (:func:`_grouping_note`):
        a fresh user took the volume to hold for both."""
        sides = [self._side()]
        while self.is_op(self.peek(), "OR"):
            self.pos += 1
            sides.append(self._side())
        if len(sides) == 1:
            return sides[0][0]
        if len({len(units) for _, units in sides}) > 1:
            self.notes.append(_grouping_note(self.text, [units for _, units in sides]))
        return Or(tuple(node for node, _ in sides))

    def _side(self) -> tuple[Node, list[tuple[int, int]]]:
        """One side of an OR (:meth:`parse_and`) and where each of its words or groups stands in the text."""
        first = len(self.units)
        node = self.parse_and()
        units = self.units[first:]
        del self.units[first:]
        return node, units

    def parse_and(self) -> Node:
        items: list[Node] = []
        read = False
        while (tok := self.peek()) is not None and tok.kind != ")" and not self.is_op(tok, "OR"):
            if self.is_op(tok, "AND"):
                if not items:
                    raise _Unreadable("AND needs a word on each side")
                self.pos += 1
                self.explicit_and = True
                nxt = self.peek()
                if nxt is None or nxt.kind == ")" or self.is_op(nxt, "OR") or self.is_op(nxt, "AND"):
                    raise _Unreadable("AND needs a word on each side")
            start = self.tokens[self.pos]  # tok, or the word after an AND
            units = len(self.units)
            item = self.parse_unary()
            del self.units[units:]  # a group's own words: not this level's
            self.units.append((start.start, self.tokens[self.pos - 1].end))
            read = True
            # an address's words are words of the query, as if typed one by one (only an address
            # makes a word or phrase an And); one with none is left out; a printed page's address
            # (a volume and a page) stays one, so that another pasted beside it is its alternative
            words = isinstance(item, And) and start.kind in ("URL", "WORD", "PHRASE") and not any(isinstance(i, Range) for i in item.items)
            items.extend(item.items if words else (item,))
        if not items:
            if read:
                return NOTHING  # addresses without words alone
            tok = self.peek()
            if tok is None:
                raise _Unreadable("an operator or parenthesis has nothing to act on")
            raise _Unreadable("OR needs a word on each side" if tok.kind == "WORD" else "a parenthesis is empty or unmatched")
        return items[0] if len(items) == 1 else And(tuple(items))

    def negates(self, tok: _Tok | None) -> bool:
        return tok is not None and (tok.kind == "-" or self.is_op(tok, "NOT"))

    def parse_unary(self) -> Node:
        first = self.pos
        while self.negates(self.peek()):
            self.pos += 1
        if self.pos == first:
            return self.parse_primary()
        item_start = self.pos
        nxt = self.peek()
        if nxt is not None and nxt.kind == "WORD" and nxt.text in OPERATORS:  # NOT AND, -OR
            raise _Unreadable(f"{nxt.text} needs a word on each side")
        if nxt is None or nxt.kind == ")":
            raise _Unreadable("NOT or - must come right before a word")
        self._enter()
        item = self.parse_primary()
        self.depth -= 1
        if item_start - first > 1:
            start, end = self.tokens[first].start, self.tokens[self.pos - 1].end
            excluded = self.text[self.tokens[item_start].start : end]
            read = f"NOT {excluded}" if all(self.is_op(t, "NOT") for t in self.tokens[first:item_start]) else f"-{excluded}"
            self.notes.append(
                f"{shown(self.text[start:end])} was read as {shown(read)}: NOT and - in a row exclude what follows them, "
                "as one does; they do not cancel out."
            )
        return Not(item)

    def _enter(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Unreadable(f"it nests more than {MAX_DEPTH} levels deep")

    def parse_primary(self) -> Node:
        """A group, phrase or word; one whose field's value cannot be read (``date:1950-13``) is
        kept in :attr:`bad` and read as :data:`NOTHING`, the rest read on, so that :func:`parse`
        finds every such term in one reading."""
        try:
            return self._primary()
        except _Unreadable as exc:
            if exc.span is None:
                raise
            self.bad.append(exc)
            return NOTHING

    def _primary(self) -> Node:
        tok = self.peek()
        assert tok is not None
        opened = self.pos
        self.pos += 1
        if tok.kind in ("(", "FIELD("):
            self._enter()
            if tok.field is not None:
                self.valued.append(tok.field)
            node = self.parse_or()
            if tok.field is not None:
                self.valued.pop()
            self.depth -= 1
            if self.peek() is None or self.peek().kind != ")":  # type: ignore[union-attr]
                raise _Unreadable("a parenthesis is not closed")
            self.pos += 1
            if tok.field is None:
                return node
            ends = {inner.start: inner.end for inner in self.tokens[opened + 1 : self.pos - 1]}  # where each word of it ends
            return _in_field(node, tok.field, self.notes, ends, (tok.start, self.tokens[self.pos - 1].end), self.bad)
        if tok.kind == ")":
            raise _Unreadable("a closing parenthesis has no opening one")
        if tok.kind == "PHRASE":
            if tok.field in RANGE_FIELDS:
                return _range(tok.field, tok.text, self.notes, (tok.start, tok.end))
            if tok.field is None and (node := self.address(tok.text)) is not None:
                return node
            at = tok.end - 1 - len(tok.text)  # the text ends before the closing quote
            return _quoted_prefix(tok.text, tok.field, at, self.notes) if "*" in tok.text else Phrase(tok.text, tok.field, at)
        text = tok.text
        if "/" in text or tok.kind == "URL" or text[:4].lower() == "www.":  # what read_address may read: a plain word is not looked at
            if (node := self.address(text)) is not None:  # a URL token is always one
                return node
            name, colon, value = text.partition(":")
            if colon and "/" in value and (field := _field_name(name)) and (node := self.address(value)) is not None:
                return _in_field(node, field, self.notes, group=(tok.start, tok.end), bad=self.bad)  # collection:<a volume's address>, title:<an article's>
        return _word(text, self.notes, tok.start, self.valued[-1] if self.valued else None)

    def address(self, text: str) -> Node | None:
        """What an address pasted as a word or quoted searches (:func:`read_address`), kept in
        :attr:`addresses`, ``None`` when ``text`` is no address: a document's identifier
        (:class:`Pasted`), a FRUS volume's documents (``collection:<volume>``),
        or another site's page as the words of its path, each required (:data:`NOTHING` when it
        has none); how a volume or another site's address was read is noted."""
        address = read_address(text)
        if address is None:
            return None
        self.addresses.append(address)
        if address.identifier:
            return Pasted(address.identifier)
        if address.volume:
            searched = f"{COLLECTION_FIELD}:{address.volume}"
            if address.page:
                self.notes.append(
                    f"The address of page {address.page} of the FRUS volume {address.volume} was searched as the documents printed on it, "
                    f"{searched} page:{address.page}."
                )
                return And((Term(address.volume, COLLECTION_FIELD), PageRange(address.page, address.page, str(address.page))))
            if address.part:
                self.notes.append(
                    f"The address of {shown(address.part)} in the FRUS volume {address.volume} was searched as the whole "
                    f"volume's documents, {searched}: its chapters and other parts are not told apart here."
                )
            else:
                self.notes.append(f"The address of the FRUS volume {address.volume} was searched as its documents, {searched}.")
            return Term(address.volume, COLLECTION_FIELD)
        if address.edition:
            self.notes.append(
                f"The address {shown(shortened(address.text, 80))} of the public FRUS edition names none of its volumes, documents or "
                "pages (cut short?), so it was left out: paste a volume's, a document's or a printed page's whole address."
            )
            return NOTHING
        if not address.words:
            self.notes.append("An address of another site was left out: its path has no words to search for, and its site's name is not searched.")
            return NOTHING
        if address.asked:
            self.notes.append(
                f"The address of a search was searched as the words it asked for ({address.asked}=), each required: {' '.join(address.words)} "
                "(not its site's name or path)."
            )
        else:
            self.notes.append(
                f"An address of another site was searched as the words of its path, each required: {' '.join(address.words)} "
                "(its site's name, file type and short numbers left out)."
            )
        words = tuple(Term(w) for w in address.words)
        return words[0] if len(words) == 1 else And(words)


_FRUS_VOLUME = r"(?i:frus)[\w-]+"  # a FRUS volume's id (frus1949v07p1), in its addresses and its documents' identifiers (_volume_key)
# A document's page here, /documents/<identifier>, pasted whole (any scheme and host), as its path,
# or from an address bar that left out the scheme (localhost:8000/documents/…) or the first slash.
_PAGE_HERE = r"(?:(?:[A-Za-z][A-Za-z0-9+.-]*://[^/\s]+|[\w.-]+(?::\d+)?)?(?:/[^/\s?#]+)*/)?documents/"
_PERMALINK = re.compile(_PAGE_HERE + r"([^/\s?#]+)/?(?:[?#]\S*)?")
# ... with the public FRUS edition's path of a document after it (/documents/frus1949v07p1/d1, its
# historicaldocuments/ typed as this site's documents/): that document (frus1949v07p1-d1), which the
# address found nothing for, its words searched
_PERMALINK_AS_EDITION = re.compile(_PAGE_HERE + r"(" + _FRUS_VOLUME + r")/((?i:d)\d+)/?(?:[?#]\S*)?")
# The public FRUS edition, as the FRUS reader links a document (its source_url,
# legation.records.frus_edition.FRUS_EDITION_URL): .../historicaldocuments/<volume>/<document>, identified
# <volume>-<document> (frus1949v07p1/d1 → frus1949v07p1-d1); a volume's address has no <document>,
# a part of the volume (a chapter, its index, its list of persons) something else there.
# Its path alone is read so too, as a footnote or a reference manager writes it: historicaldocuments/<volume>/<document>,
# or <volume>/<document> (frus1955-57v02/d117).
_FRUS_HOST = r"(?:(?:(?:(?i:https?)://)?(?i:(?:www\.)?history\.state\.gov)/|/)?(?i:historicaldocuments)/|(?=(?i:frus)\d{4}))"
_FRUS_EDITION = re.compile(
    _FRUS_HOST + r"(" + _FRUS_VOLUME + r")(?:/((?i:d)\d+)(?:/[^?#\s]*)?)?/?(?:[?#]\S*)?"
)  # a document's address followed by more (…/d1/pdf, …/d1#fn1, …/d1/) is the document's
_FRUS_PAGE = re.compile(r"(?i:pg)_(\d{1,5})")  # a printed page's address in a volume of the public edition: …/frus1955-57v02/pg_290
_FRUS_PART = re.compile(_FRUS_HOST + r"(" + _FRUS_VOLUME + r")/([^?#\s]*[^/?#\s])/?(?:[?#]\S*)?")
# Another site's page: an address with a scheme, or without one a host www.… or one of the
# generic top-level domains followed by a path (nytimes.com/1950/…): its host, the path, the rest.
_WEB_ADDRESS = re.compile(
    r"(?:[A-Za-z][A-Za-z0-9+.-]*://([^/?#\s]*)|((?i:www)\.[\w.-]+(?::\d+)?|[\w-]+(?:\.[\w-]+)*\.(?i:com|org|net|gov|edu|int|mil)(?::\d+)?(?=/)))"
    r"([^?#\s]*)(?:\?([^#\s]*))?(?:#\S*)?"
)
# The parameters of an address's query that hold what a search engine or a site's search box was
# asked (google.com/search?q=…, history.state.gov/search?q=…, youtube.com/results?search_query=…,
# baidu.com/s?wd=…): the words searched then, rather than its path's.
SEARCH_PARAMETERS = frozenset(
    ("q", "query", "search", "search_query", "searchterm", "search_term", "searchtext", "text", "keywords", "keyword", "terms", "term", "wd", "as_q")
)
_URL = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*://[^\s"]*')  # an address with a scheme: a word of its own, up to a space or quote
_FILE_TYPE = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")  # .html, .htm, .php, .aspx, .pdf at the end of a path
COLLECTION_FIELD = "collection"  # a FRUS volume is a collection, keyed by its id (schema.SEARCH_FIELDS)


def _address_end(q: str, start: int) -> int:
    """Where the address with a scheme starting at ``q[start]`` ends (:data:`_URL`), ``-1`` when none
    starts there: parentheses are its own when they pair up within it (``…/wiki/Chou_(name)``), a
    closing one left over ends a group around it (``(https://example.org/a)``)."""
    if start and not (q[start - 1].isspace() or q[start - 1] in "(-"):
        return -1
    match = _URL.match(q, start)
    if match is None:
        return -1
    address = match.group()
    while address.endswith(")") and address.count(")") > address.count("("):
        address = address[:-1]
    return start + len(address)


@dataclass(frozen=True)
class Address:
    """An address pasted into the query, as :func:`read_address` reads it: ``text`` as pasted, and
    what it names: a document, ``identifier`` (its page here, or its address in the public FRUS
    edition, whose ``volume`` is then given too); else a FRUS volume of the public edition,
    ``volume`` (``frus1949v07p1``), or a ``part`` of it (``ch1``, ``comp1/ch2``: chapters are not
    told apart here); else another site's page, searched as the ``words`` of its path, or of the
    search it shows (``asked``: the parameter of its query that holds them, ``q``)."""

    text: str
    identifier: str = ""
    volume: str = ""
    part: str = ""
    words: tuple[str, ...] = ()
    asked: str = ""  # the parameter of its query the words were read from (q, query …), "" for its path's
    page: int = 0  # a printed page of the FRUS volume, whose address in the public edition is …/<volume>/pg_<page>
    edition: bool = False  # an address in the public FRUS edition's documents naming no volume of it (…/historicaldocuments/fr)


def read_address(text: str) -> Address | None:
    """What an address pasted as a word or quoted names (:class:`Address`), ``None`` when ``text``
    is no address. In this order:

    - a document's page address, as pasted from the address bar: the whole permalink with any
      scheme and host (``http://localhost:8000/documents/frus1949v07p1-d1``, a trailing ``/``,
      ``?…`` or ``#…`` allowed), without the scheme (``localhost:8000/documents/…``) or its path
      (``/documents/frus1949v07p1-d1``, ``documents/…``, ``/api/documents/…``), the identifier
      percent-decoded, as ``/documents/<identifier>`` takes it, or with the public edition's path
      of a document after ``documents/`` (``/documents/frus1949v07p1/d1``); or its address in the public FRUS
      edition, with or without ``https://`` or ``http://``
      (``https://history.state.gov/historicaldocuments/frus1949v07p1/d1`` → ``frus1949v07p1-d1``,
      volume ``frus1949v07p1``), or its path there (``historicaldocuments/frus1949v07p1/d1``,
      ``frus1949v07p1/d1``: a volume's key, its years after ``frus``, a slash); only identifiers :func:`~legation.records.document_record.is_identifier`
      allows;
    - a FRUS volume's address in the public edition (``…/historicaldocuments/frus1949v07p1``), of
      one of its printed pages (``…/frus1955-57v02/pg_290``: ``page`` 290), or of another part of it
      (``…/frus1949v07p1/ch1``: ``part`` ``ch1``);
    - another address of the public edition's volumes that names none (``…/historicaldocuments``,
      or ``…/historicaldocuments/fr``, cut short): :attr:`Address.edition`, no words (they would be
      the edition's own, or a key's beginning);
    - another address with a scheme (``https://…``), or without one starting ``www.`` or with a host
      of a generic top-level domain and a path (``nytimes.com/1950/…``): the words of its path,
      percent-decoded (``周恩来``), split at hyphens, underscores and other punctuation, without a
      file type at its end (``.html``) and numbers of one or two digits (a dated path's month and
      day, a page number); not its scheme, host (``www``, the site's name, ``com``), query or
      fragment, which name the site and the page's settings rather than its subject
      (``https://www.nytimes.com/1950/01/02/archives/mao-in-moscow.html`` → ``1950 archives mao in
      moscow``); ``words`` is empty when the path has none. An address whose query holds a search
      (:data:`SEARCH_PARAMETERS`: ``https://www.google.com/search?q=Acheson+Moscow``,
      ``https://history.state.gov/search?q=Dairen``) is read as the words of that search instead
      (``Acheson Moscow``, short numbers and hyphens in words kept), ``asked`` naming the parameter (``q``), the first
      such parameter with words.

    An address pasted from a sentence, in single quotes or followed by its punctuation
    (``…/d1.``), is read without them (:func:`unwrapped`)."""
    text = text.strip()
    if "/" not in text and text[:4].lower() != "www.":
        return None  # every address read has a slash or starts www.: a plain word costs one look
    if (identifier := _identifier_at(text)) is not None:
        return Address(text, *identifier)
    bare = unwrapped(text)
    if bare != text and (identifier := _identifier_at(bare)) is not None:
        return Address(text, *identifier)
    if (part := _FRUS_PART.fullmatch(bare)) is not None:
        if (page := _FRUS_PAGE.fullmatch(part.group(2))) is not None and 0 < int(page.group(1)) <= MOST_PAGE:
            return Address(text, volume=_volume_key(part.group(1)), page=int(page.group(1)))
        return Address(text, volume=_volume_key(part.group(1)), part=part.group(2))
    if (page := _WEB_ADDRESS.fullmatch(bare)) is not None:
        if _EDITION_SITE.fullmatch(page.group(1) or page.group(2) or "") and (
            _EDITION_PATH.match(page.group(3)) or "/historicaldocuments".startswith(page.group(3).lower())
        ):  # its words are the edition's own ("historicaldocuments"), or a key cut short; or the path itself cut (…/hist)
            return Address(text, edition=True)
        for name, value in urllib.parse.parse_qsl(page.group(4) or ""):
            if name.lower() in SEARCH_PARAMETERS and (asked := tuple(w for w in _ASKED_WORD.findall(value) if w not in OPERATORS)):
                return Address(text, words=asked, asked=name)
        path = _FILE_TYPE.sub("", urllib.parse.unquote(page.group(3)).rstrip("/"))
        words = (w for w in _ADDRESS_WORD.findall(path) if w not in OPERATORS and not (w.isdigit() and len(w) <= 2))
        return Address(text, words=tuple(words))
    return None


_ADDRESS_WORD = re.compile(r"[^\W_]+")
_EDITION_SITE = re.compile(r"(?:www\.)?history\.state\.gov", re.I)  # the public FRUS edition's site
_EDITION_PATH = re.compile(r"/historicaldocuments(?:/|$)", re.I)  # where it keeps its volumes
_ASKED_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")  # as typed in a search box: Chou En-lai, its hyphen kept


def identifier_address(word: str) -> Address | None:
    """A word typed as the identifier of a document of the public FRUS edition
    (``frus1949v07p1-d99999``, ``frus1969-76v17-d5``: ``frus``, the volume's first year, the rest of
    its id, ``-d`` and the document's number) read as that document's address there
    (:class:`Address`, with its ``volume``), ``None`` for any other word. Read in any case and
    without the quotes and punctuation a pasted word carries (:func:`unwrapped`), as the archive
    finds its own identifiers: ``'FRUS1945V01-D1'.`` is ``frus1945v01-d1``."""
    identifier = unwrapped(word).lower()
    match = FRUS_IDENTIFIER.fullmatch(identifier)
    if match is None or not is_identifier(identifier):
        return None
    return Address(identifier, identifier=identifier, volume=match.group(1))


# a FRUS volume's key typed: frus and the volume's first year as FRUS_IDENTIFIER reads it, then the
# rest of its key (frus1945v01, frus1969-76v17, frus1917-72PubDip; frus1861, a year's one volume)
_FRUS_VOLUME_KEY = re.compile(r"frus\d{4}(?:[\w-]*\w)?", re.I)


def volume_address(word: str) -> Address | None:
    """A word typed as the key of a volume of the public FRUS edition (``frus1945v01``, also the
    value of ``collection:frus1945v01``) read as that volume's address there (:class:`Address`
    with its ``volume`` alone), ``None`` for any other word, a document's identifier
    (:func:`identifier_address`) among them. Read without the quotes and punctuation a pasted word
    carries (:func:`unwrapped`), and in lower case when not typed starting ``frus`` (``FRUS1945V01``
    is ``frus1945v01``; ``frus1917-72PubDip`` keeps the capitals of its key)."""
    key = unwrapped(word)
    if _FRUS_VOLUME_KEY.fullmatch(key) is None or FRUS_IDENTIFIER.fullmatch(key.lower()) is not None:
        return None
    volume = _volume_key(key)
    return Address(volume, volume=volume)


def _volume_key(key: str) -> str:
    """A FRUS volume's key as typed, as the edition writes it: as typed when it starts ``frus``
    (``frus1917-72PubDip`` keeps its capitals), else in lower case (``FRUS1945V01``)."""
    return key if key.startswith("frus") else key.lower()


def _identifier_at(text: str) -> tuple[str, str] | None:
    """``(identifier, volume)`` of the document whose address ``text`` is (:func:`read_address`),
    ``""`` for the volume of a page here; ``("", volume)`` for a FRUS volume's own address."""
    if (frus := _FRUS_EDITION.fullmatch(text)) is not None:
        volume, document = _volume_key(frus.group(1)), frus.group(2)
        if document is None:
            return "", volume
        identifier = f"{volume}-{document.lower()}"
        return (identifier, volume) if is_identifier(identifier) else None
    if (match := _PERMALINK.fullmatch(text)) is not None:
        identifier = urllib.parse.unquote(match.group(1))
        return (identifier, "") if is_identifier(identifier) else None
    if (match := _PERMALINK_AS_EDITION.fullmatch(text)) is not None:
        volume = _volume_key(match.group(1))
        identifier = f"{volume}-{match.group(2).lower()}"
        return (identifier, volume) if is_identifier(identifier) else None
    return None


def _word(word: str, notes: list[str], at: int = -1, valued: str | None = None) -> Node:
    """A bare word that is no address (:meth:`_Parser.address`): ``field:value``, ``prefix*`` or a
    plain word; ``at``: where it stands in the query (:attr:`Term.at`). A field's value that cannot
    be read (``date:1950-13``, ``from:a*``, ``title:Ch?u``, ``sender:`` with none; any word of
    ``field:(…)``, ``valued``: that group's field) raises :class:`_Unreadable` with where the word
    stands, for :func:`parse` to leave it out alone; a field's name that is none (``bogus:x``) is
    the query's fault, read as words. A word of ``date:(…)`` or ``page:(…)`` is that field's value
    as it would be after ``date:`` alone (``date:(22-12-1949 OR ~1571)`` as ``date:~1571``: its
    ``~`` was "not part of the search syntax")."""
    field, value, name = None, word, ""
    if ":" in word:
        name, value = word.split(":", 1)
        field = _field_name(name)
    elif valued in RANGE_FIELDS:
        return _range(valued, word, notes, (at, at + len(word)) if at >= 0 else None, f"{valued}:{word}")
    elif not valued:
        return _value(word, None, at)
    try:
        if field is not None and not value:
            raise _Unreadable(f"{name}: needs a value, e.g. {name}:{_EXAMPLES.get(field, 'treaty')}")
        if field in RANGE_FIELDS:
            return _range(field, value, notes)
        return _value(value, field, at + len(word) - len(value) if at >= 0 else -1)
    except _Unreadable as exc:
        raise _Unreadable(str(exc), (at, at + len(word)) if at >= 0 else None) from None


_PUNCTUATION_AFTER_STAR = re.compile(r"\*[.,;!?…]+$")
_DASH_IN_WORD = re.compile(rf"(?<=\w)[{re.escape(DASHES.replace('-', ''))}](?=\w)")


def _value(word: str, field: str | None, at: int) -> Node:
    """``word`` (no ``field:`` before it) sought in ``field``: ``prefix*`` or a plain word, a
    possessive as its owner, without a single quote at its edges; a word holding a zero-width space
    (:func:`_without_invisible`) as :class:`Spellings`: the word without it, or its parts, each required; raises
    :class:`_Unreadable` for what the language cannot read in it."""
    word = word.strip("'\u2018\u2019") or word  # a stray quote at its edge ("Ar*'", "'Soviets") is no part of it
    word = _PUNCTUATION_AFTER_STAR.sub("*", word)  # "Khrush*," as written in a list: the prefix, as "Khrushchev," is the word
    prefix = word.endswith("*")
    core = word[:-1] if prefix else word
    if bad := sorted(set(core) & _SYNTAX_CHARS):
        raise _Unreadable(f"{shown(''.join(bad))} is not part of the search syntax here")
    if (wildcard := _WILDCARD.search(core)) is not None:
        start = wildcard.group(1)
        example = f", as in {start}*" if _long_enough(start) else ""
        raise _Unreadable(
            f"'?' is not part of the search syntax here: it stands for no letter; to find words by their beginning, end it with *{example}"
        )
    if prefix and not _long_enough(core):
        raise _Unreadable(f"a * needs at least {MIN_PREFIX_CHARS} letters before it, or a Chinese, Japanese or Korean character")
    if core.startswith("-"):
        raise _Unreadable("a - must come right before a word")
    if not prefix and (owner := _POSSESSIVE.fullmatch(core)):
        core = owner.group(1)  # Khrushchev's → Khrushchev: his documents, not only those writing "Khrushchev's"
    # a word processor's hyphen or dash inside a word is the hyphen typed: "co‐operation" (U+2010), "co–operation"
    # found 8 demo documents where "co-operation" finds 805, its joined form too (one character for one: at stays)
    core = _DASH_IN_WORD.sub("-", core)
    if ZERO_WIDTH_SPACE in core:
        *parts, last = (Term(part, field) for part in core.split(ZERO_WIDTH_SPACE))
        apart = And((*parts, Term(last.text, field, prefix)))
        return Spellings((Term(core.replace(ZERO_WIDTH_SPACE, ""), field, prefix, at), apart))
    return Term(core, field, prefix, at)


def _quoted_prefix(text: str, field: str | None, at: int, notes: list[str]) -> Node:
    """A phrase holding a ``*`` (``"Port Ar*"``): ending the phrase's last word, of letters enough
    for a ``prefix*``, the phrase with its last word as a prefix (:func:`_prefix`; it found
    nothing); anywhere else, a ``*`` standing alone (``"Port *"``) included, the ``*`` is read as
    nothing, and ``notes`` says so."""
    words = text.rstrip().removesuffix("*")
    last = words.split()[-1] if words.split() else ""
    if "*" not in words and words.rstrip() == words and _long_enough(last):
        return Term(words.strip(), field, True, at)
    plain = " ".join(text.replace("*", " ").split())
    if not any(ch.isalnum() for ch in plain):
        return Phrase(text, field, at)  # no words: said so by the search (NO_WORDS_NOTICE)
    notes.append(
        f"A * inside quotation marks was read as nothing, so {shown(chr(34) + text + chr(34))} was searched as \"{plain}\"; a * "
        'ending a phrase finds its last word by its beginning, two letters or more, as "Port Ar*" does.'
    )
    return Phrase(plain, field, at)


def _prefix_key(node: Node) -> tuple[tuple[str, ...], str | None] | None:
    """What a ``prefix*`` word expands as (its folded words and field; ``ST*`` as ``st*``), ``None``
    for any other node."""
    if isinstance(node, Term) and node.prefix:
        return tuple(analyzers.folded(node.text)), node.field
    return None


def _limit_prefixes(node: Node, notes: list[str]) -> Node:
    """``node`` with each ``prefix*`` word repeated among the items of one AND or OR kept once
    (``st* st*``, ``co* OR co*``: the same documents, the expansion built once), and with only the
    first :data:`MAX_PREFIX_WORDS` distinct prefix words expanded: those after them are searched as
    typed without the ``*``, and ``notes`` gets a sentence naming them and what to do."""
    expanded: set[tuple[tuple[str, ...], str | None]] = set()
    plain: list[str] = []

    def walk(item: Node) -> Node:
        if (key := _prefix_key(item)) is not None:
            if key in expanded or len(expanded) < MAX_PREFIX_WORDS:
                expanded.add(key)
                return item
            as_typed = f"{item.field}:{item.text}" if item.field else item.text  # type: ignore[union-attr]
            if as_typed not in plain:
                plain.append(as_typed)
            return Term(item.text, item.field)  # type: ignore[union-attr]
        if isinstance(item, Not):
            return Not(walk(item.item))
        if isinstance(item, And | Or):
            seen: set[tuple[tuple[str, ...], str | None]] = set()
            kept = []
            for part in item.items:
                if (key := _prefix_key(part)) is not None:
                    if key in seen:
                        continue
                    seen.add(key)
                kept.append(walk(part))
            return kept[0] if len(kept) == 1 else type(item)(tuple(kept))
        return item

    if node == NOTHING:
        return node
    limited = walk(node)
    if plain:
        named = ", ".join(plain[:5]) + (f" and {len(plain) - 5:,} more" if len(plain) > 5 else "")
        notes.append(
            f"Only the first {MAX_PREFIX_WORDS} different words ending in * were searched as the words they begin; "
            f"the other {len(plain):,} were searched as typed, without the *: {named}. Search fewer words with *, or type them in full."
        )
    return limited


def _long_enough(core: str) -> bool:
    """Whether ``core`` (a ``prefix*`` without its ``*``) is enough to search by its beginning:
    :data:`MIN_PREFIX_CHARS` letters or digits, or one character that is a word of its own
    (:func:`_own_word`). The one rule for a prefix typed bare, ending a phrase, or left by a repair."""
    return sum(ch.isalnum() for ch in core) >= MIN_PREFIX_CHARS or _own_word(core)


def _own_word(core: str) -> bool:
    """Whether the letters of ``core`` (a ``prefix*`` without its ``*``) are one Han, kana or
    Hangul character: a whole word, as the index makes each of them (:mod:`legation.search.analyzers`),
    so ``title:周*`` is no prefix too short to search."""
    letters = [ch for ch in core if ch.isalnum()]
    return len(letters) == 1 and analyzers.OWN_WORD_CHAR.fullmatch(letters[0]) is not None


SHOWN_CHARS = 200  # characters of a query or value a notice repeats (see shown)


def shown(text: str) -> str:
    """``text`` (typed by the user) in quotes for a notice, as typed: ``'\\'``, not the doubled
    backslash of ``repr``; characters that print as nothing shown as their escapes; cut to
    :data:`SHOWN_CHARS` characters (a filter value of 3,000 characters came back whole, twice on
    the page), more than other messages keep (:data:`~legation.printable.QUOTED_CHARS`): a notice
    may repeat the query itself, read back as typed (``'NOT NOT … Mao' was read as 'NOT Mao'``)."""
    printable = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in shortened(text, SHOWN_CHARS))
    return f'"{printable}"' if "'" in printable else f"'{printable}'"


_POSSESSIVE = re.compile(r"(.*\w)['\u2019][sS]")  # as Elasticsearch's english_possessive stemmer, for query words


def _in_field(
    node: Node,
    field: str,
    notes: list[str],
    ends: dict[int, int] | None = None,
    group: tuple[int, int] | None = None,
    bad: list[_Unreadable] | None = None,
) -> Node:
    """``field:(…)``: the group with ``field`` given to every word and phrase that names no field
    of its own (``title:(a from:b)`` keeps ``from:b``). In ``date:(…)`` each word is a range; one
    that is none is an :class:`_Unreadable` with where that word stands (``ends``: where each word
    of the group ends, by where it starts), or the whole ``group`` for a phrase: kept in ``bad``
    and read as :data:`NOTHING`, raised without it."""
    if isinstance(node, Term | Phrase) and node.field is None:
        if field in RANGE_FIELDS:
            value = node.text + ("*" if isinstance(node, Term) and node.prefix else "")
            at = node.at if isinstance(node, Term) and ends and node.at in ends else -1  # where the word stands, if known
            try:
                if at < 0:
                    return _range(field, value, notes, group)
                return _range(field, value, notes, (at, ends[at]), f"{field}:{value}")  # type: ignore[index]
            except _Unreadable as exc:
                if bad is None:
                    raise
                bad.append(exc)
                return NOTHING
        return Term(node.text, field, node.prefix, node.at) if isinstance(node, Term) else Phrase(node.text, field, node.at)
    if isinstance(node, Not):
        return Not(_in_field(node.item, field, notes, ends, group, bad))
    if isinstance(node, And | Or):
        return type(node)(tuple(_in_field(item, field, notes, ends, group, bad) for item in node.items))
    return node


def _range(field: str, value: str, notes: list[str], span: tuple[int, int] | None = None, named: str = "") -> Range:
    """The range ``value`` of the range field ``field`` (:data:`RANGE_FIELDS`): :func:`_date_range`
    or :func:`_page_range`."""
    return _date_range(value, notes, span, named) if field == DATE_FIELD else _page_range(value, notes, span, named)


PAGE_FORMS = (
    f"write page:287, or a range as page:287..290 (pages as printed, 1 to {MOST_PAGE:,}; page:..290 and page:287.. leave an end open); "
    "with collection: the pages of one volume"
)
_PAGE = PAGE_NUMBER  # as a citation writes it: 290, 1,099
_PAGE_RANGE = re.compile(rf"({_PAGE})?\s*\.\.\s*({_PAGE})?|({_PAGE})\s*[{DASHES}]\s*({_PAGE})|({_PAGE})")


def _page_range(value: str, notes: list[str], span: tuple[int, int] | None = None, named: str = "") -> PageRange:
    """``287``, ``287..290`` (or ``287-290``, ``287–290``, ``1474–76`` abridged as printed:
    :func:`~legation.printable.number_range`), ``..290``, ``287..`` → :class:`PageRange`. A range
    that ends before it starts is read the other way round, and ``notes`` gets a sentence saying
    so. A value that is none (``page:xii``, ``page:0``, ``page:-5``: a dash joins two pages, ``..``
    leaves an end open) raises :class:`_Unreadable` saying how to write one, with ``span`` and
    ``named`` as :func:`_date_range`'s."""
    read = value.strip()
    read = read[:-1] if read[-1:] in ",;:" or (read[-1:] == "." and read[-2:] != "..") else read  # a sentence's "p. 623."
    match = _PAGE_RANGE.fullmatch(read)
    if match is None or not any(match.groups()):
        raise _Unreadable(f"page:{value} is no page number; {PAGE_FORMS}", span, named)
    first: int | None
    last: int | None
    open_first, open_last, low, high, one = (g.replace(",", "") if g else g for g in match.groups())  # 1,100: a thousands separator
    if one:
        first = last = int(one)
    elif low:
        first, last = number_range(low, high)
    else:
        first, last = (int(g) if g else None for g in (open_first, open_last))
    if 0 in (first, last) or max(first or 0, last or 0) > MOST_PAGE:
        raise _Unreadable(f"page:{value}: pages are numbered from 1 to {MOST_PAGE:,}; {PAGE_FORMS}", span, named)
    if first is not None and last is not None and first > last:
        notes.append(f"page:{value} ends before it starts, so it was read as page:{last}..{first}.")
        first, last = last, first
    text = str(first) if first == last else f"{first or ''}..{last or ''}"
    return PageRange(first, last, text)


def _date_range(value: str, notes: list[str], span: tuple[int, int] | None = None, named: str = "") -> DateRange:
    """``1949-12..1950-02``, ``1950``, ``..1950-02``, ``1949..`` → :class:`DateRange` (EDTF ends).
    A range that ends before it starts is read the other way round (``1950-02..1949-12`` as
    ``1949-12..1950-02``), and ``notes`` gets a sentence saying so. A value that is no range raises
    :class:`_Unreadable` saying why and how to write one, with ``span`` and ``named``: where the
    term stands, to be left out alone, and how to name it."""
    first, sep, last = value.strip().partition("..")
    if not sep:
        last = first
    try:
        start = _end_bounds(first)[0] if first else None
        end = _end_bounds(last)[1] if last else None
        if start and end and start > end:
            quoted = '"' if any(c.isspace() for c in value) else ""  # "Feb 1950..Dec 1949" as typed again
            notes.append(f"date:{quoted}{value}{quoted} ends before it starts, so it was read as date:{quoted}{last}..{first}{quoted}.")
            first, last = last, first
            start, end = _end_bounds(first)[0], _end_bounds(last)[1]
    except RecordError:
        raise _Unreadable(f"date:{value}: {_date_problem(value)}; {DATE_FORMS}", span, named) from None
    if start is None and end is None:
        raise _Unreadable(f"date:{value} has no date at either end; {DATE_FORMS}", span, named)
    read = DateRange(start, end, f"{first}..{last}" if sep else first)
    if value.count("[") != value.count("]"):  # a bracket left over, read past, said so ([1949] is an archive's date supplied, read so)
        bare = value.replace("[", "").replace("]", "")
        try:
            said = bare.strip() != "" and _date_range(bare, []) == read
        except _Unreadable:
            said = False
        if said:
            quoted = '"' if any(c.isspace() for c in value) else ""  # date:"[22 Dec 1949]" as typed
            notes.append(f"Square brackets are no part of a date filter, so date:{quoted}{value}{quoted} was searched as date:{quoted}{bare}{quoted}.")
    return read


def _end_bounds(end: str) -> tuple[dt.date, dt.date]:
    """The earliest and latest day of one end of a ``date:`` range: EDTF (``1949-12``), else a
    date as archives write it (:func:`legation.ingest.dates.archival_day_bounds`: ``22.XII.1949``,
    ``Dec 1949``, ``1950s``), as the search page's date boxes read it. Raises RecordError for
    neither."""
    try:
        return day_bounds(end)
    except RecordError:
        if (bounds := archival_day_bounds(end)) is None:
            raise
        return bounds


DATE_FORMS = 'write date:YYYY, YYYY-MM or YYYY-MM-DD, a range as date:1950-01..1951, or as archives do: date:"22 Dec 1949"'
_NUMERIC_DATE = re.compile(r"(-?\d+)(?:-(\d+))?(?:-(\d+))?")


def _date_problem(value: str) -> str:
    """What makes ``value`` (after ``date:``) no date range, in a few words naming the part at
    fault: ``13 is not a month``, ``30 is not a day of February 1950, which has 28``, ``19500 is
    not a year of four digits``, ``abc is not a date``. Only for a value :func:`_date_range` refused."""
    ends = value.strip().split("..")
    if len(ends) > 2:
        return "a range has two ends, with one .. between them"
    for end in ends:
        try:
            if end:
                _end_bounds(end)
        except RecordError:
            return _end_problem(end)
    return f"{value} is not a date"


def _end_problem(end: str) -> str:
    """What is wrong with ``end``, one end of a range that :func:`day_bounds` refused."""
    if (problem := unread_reason(end)) is not None:  # 01/02/1951: either day; 22-13-1949: no month; 22-12-49: no century
        return problem
    parts = _NUMERIC_DATE.fullmatch(end)
    if parts is None or 4 == len(parts.group(3) or parts.group(2) or "") != len(parts.group(1)):  # 22-12-2150, 12-1949: the year last
        return f"{end} is not a date"
    year, month, day = parts.groups()
    if len(year.lstrip("-")) != 4:
        return f"{year} is not a year of four digits"
    if year.startswith("-") or int(year) == 0:
        return f"{end} is before the year 1, the earliest a date filter covers"
    for number, what in ((month, "month"), (day, "day")):
        if number is not None and len(number) != 2:
            return f"a {what} has two digits ({int(number):02d}, not {number})" if int(number) < 100 else f"{number} is not a {what}"
    if month is not None and not 1 <= int(month) <= 12:
        return f"{month} is not a month"
    last = calendar.monthrange(int(year), int(month))[1] if month is not None else 0
    if day is not None and not 1 <= int(day) <= last:
        return f"{day} is not a day of {MONTHS[int(month) - 1]} {year}, which has {last}"  # type: ignore[arg-type]
    return f"{end} is not a date"


# --- parse, with the plain-words fallback -------------------------------------------------------


def _plain_words(q: str) -> list[tuple[str, bool]]:
    """The words of ``q`` that the query language cannot read, for the plain-words fallback: letters
    and digits with their hyphens and apostrophes; an address's as :func:`read_address` reads it
    (the words of another site's path, a document's identifier, a volume's id). Each with whether
    it was typed right before a colon, as the name of a field (``bogus`` of ``bogus:x``, ``sender``
    of a lone ``sender:``): searched, but no word the user was looking for."""
    if "/" in q or "www." in q.lower():
        q = " ".join(_as_words(chunk) for chunk in q.split())
    spaced = re.sub(r"[^\w'-]|_", " ", q)  # as long as q: a word's end there is its end in q
    words = [(w.group().strip("-'"), q.startswith(":", w.end())) for w in re.finditer(r"\S+", spaced)]
    words = [(w, named) for w, named in words if w]
    real = [(w, named) for w, named in words if w not in OPERATORS]
    return real or words


def _as_words(chunk: str) -> str:
    """``chunk`` (text without spaces), or when it is an address (:func:`read_address`), or a field's
    value is (``from:https://…``), what that is read as."""
    address = read_address(chunk.strip('"()'))
    if address is None and ":" in chunk:
        address = read_address(chunk.partition(":")[2].strip('"()'))
    if address is None:
        return chunk
    return address.identifier or address.volume or " ".join(address.words)


# A value of each field, as "date: needs a value, e.g. date:1949-12..1950-02" shows it (after the
# field's name as typed: sender:Kennan); every field of schema.SEARCH_FIELDS and date has one.
_EXAMPLES = {
    "title": "treaty",
    "names": "Zhou",
    "summary": "trade",
    "text": "ambassador",
    "source": '"Central Files"',
    "from": "Kennan",
    "to": "Stalin",
    "type": "Telegram",
    "place": "Moscow",
    "subject": "Korea",
    "collection": "frus1949v07p1",
    "language": "de",
    DATE_FIELD: "1949-12..1950-02",
    PAGE_FIELD: "287..290",
}


_DANGLING_FIELD = re.compile(r"(?:^|(?<=\s))([^\W\d_]+):[\s\W]*$")


def _without_dangling_field(q: str) -> str:
    """``q`` without a field name left with no value at its end (``treaty title:``, ``title:(``):
    the name is not a word the user was looking for. Other words followed by ``:`` stay."""

    return _DANGLING_FIELD.sub(lambda match: "" if _is_field(match.group(1)) else match.group(0), q).rstrip()


def _repair(q: str) -> str:
    """The query with the usual slips of typing taken out: an unclosed quotation mark, unbalanced
    parentheses, empty ones (``title:()``), and operators or ``-``/``*`` left dangling at the end
    or inside a parenthesis (``title:(a OR``). "" when nothing is left.

    In time linear in the length of ``q``, hostile input too (``((((…``, ``- - - …``): each
    character is looked at a bounded number of times (:func:`_repair_groups`, :func:`_repair_end`),
    rather than a regular expression run over the whole query again after each slip taken out."""
    if q.count('"') % 2:
        cut = q.rfind('"')
        q = q[:cut] + q[cut + 1 :]
    depth, kept = 0, []
    for ch in q:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                continue
            depth -= 1
        kept.append(ch)
    kept.append(")" * depth)  # close what is still open, from the right
    return _repair_end(_repair_groups(_operators_as_words("".join(kept)))).strip()


_PIECES = re.compile(r"\s+|[()]|[^\s()]+")
_EXCLUDED_OPERATOR = re.compile(r"-+(?:AND|OR|NOT)")  # -OR, --AND: a dash right before an operator's word


def _operators_as_words(q: str) -> str:
    """``q`` (its parentheses balanced, its quotation marks paired) with the operators in it that
    join or exclude nothing written as the words they are, in small letters (which are no
    operators), in one pass over its pieces (:data:`_PIECES`), phrases left as typed:

    * a dash right before an operator's word, which an operator stands apart from, excludes that
      word, as it does the word in small letters: ``-OR`` is ``-or``, ``Mao -OR`` ``Mao -or``;
    * operators in a row at the start or the end of the query or of a group (:func:`_words_of_run`)
      are words, all of them (``AND OR NOT Mao``, read as ``NOT Mao``, left out what it asked for;
      ``AND OR NOT`` alone, ``from:(OR AND)``), but for a NOT and what it excludes: NOTs then one
      operator there are NOTs excluding its word (``NOT AND`` is ``NOT and``, as ``-AND``
      is ``-and``), and an AND or OR (once or more) before NOTs and a word, or after a word, is
      a slip, which :func:`_repair_groups` and :func:`_repair_end` take out (``AND treaty``,
      ``AND NOT Mao``, ``Mao OR``).

    Operators in a row between words (``a AND AND b``) are left to the parser's plain words."""
    pieces = _PIECES.findall(q)
    run: list[int] = []  # the operators in a row (their indexes in pieces) read so far
    edge = True  # nothing but spaces, or an opening parenthesis, before the run
    quoted = False  # inside a phrase
    for k, piece in enumerate([*pieces, ")"]):  # the end of the query ends the run as a group's end does
        if piece.isspace():
            continue
        if not quoted and piece in OPERATORS:
            run.append(k)
            continue
        if run:
            for at in _words_of_run([pieces[i] for i in run], edge, not quoted and piece == ")"):
                pieces[run[at]] = pieces[run[at]].lower()
            run = []
        if not quoted and _EXCLUDED_OPERATOR.fullmatch(piece):
            pieces[k] = piece.lower()
        edge = not quoted and piece == "("
        quoted ^= piece.count('"') % 2 == 1
    return "".join(pieces)


def _words_of_run(run: list[str], first: bool, last: bool) -> range:
    """Which operators of ``run``, operators in a row, are words (:func:`_operators_as_words`):
    ``first``, ``last``: whether the run starts, ends the query or its group. None between words
    (``a AND AND b``); nor, at the start or the end of the query or group, a slip: the NOTs before
    a word, and an AND or OR, once or more, before them (``AND NOT Mao``, ``OR OR Mao``) or after
    a word (``Mao OR``, ``Caffery OR OR``). Else the last when the others are NOTs, excluding it
    (``NOT AND``, ``NOT NOT``, ``Mao NOT OR``), else all: operators of two kinds in a row
    (``AND OR NOT``, ``AND OR NOT Mao``, ``Mao AND OR``), or with nothing on either side."""
    nots = [op == "NOT" for op in run]
    joins = run[: len(run) - len(list(takewhile(bool, reversed(nots))))]  # the operators before the NOTs ending it
    slip = "NOT" not in joins and len(set(joins)) <= 1
    if first == last and not first or first != last and slip:
        return range(0)
    if len(run) > 1 and all(nots[:-1]):
        return range(len(run) - 1, len(run))
    return range(len(run))


_LEADING_OPERATORS = ("AND", "OR")  # dropped after an opening parenthesis, or at the start
_TRAILING_OPERATORS = ("AND", "OR", "NOT")  # dropped before a closing parenthesis, or at the end


def _repair_groups(q: str) -> str:
    """``q`` (its parentheses balanced) with, in one pass over its pieces (spaces, parentheses,
    the runs between), empty parentheses taken out (``a () b`` → ``a   b``, nested ones too:
    ``(( ))``), an operator right after an opening parenthesis (``(OR a`` → ``(a``) or before a
    closing one (``(a OR)`` → ``(a)``), also once what stood between them is taken out
    (``(a OR ())`` → ``(a)``)."""
    out: list[str] = []
    opened = [-1]  # index in out of each open parenthesis; -1 for the start of the query
    words = [0]  # how many pieces other than spaces each has after it in out
    for piece in _PIECES.findall(q):
        if piece == "(":
            opened.append(len(out))
            words.append(0)
            out.append(piece)
            continue
        if piece == ")":
            start = opened.pop()
            words.pop()
            while True:  # ws+ OP ws* ) → )
                last = len(out) - 1
                while last > start and out[last].isspace():
                    last -= 1
                if not (last - 1 > start and out[last] in _TRAILING_OPERATORS and out[last - 1].isspace()):
                    break
                del out[last - 1 :]
                while len(out) - 1 > start and out[-1].isspace():
                    del out[-1]
            if any(not out[k].isspace() for k in range(start + 1, len(out))):
                out.append(piece)
                words[-1] += 1
                continue
            del out[start:]  # ( ws* ) → a space
            piece = " "
        if piece.isspace():
            if len(opened) > 1 and words[-1] == 1 and out[-1] in _LEADING_OPERATORS:
                del out[opened[-1] + 1 :]  # ( ws* OP ws+ → (
                words[-1] = 0
            else:
                out.append(piece)
        else:
            out.append(piece)
            words[-1] += 1
    return "".join(out)


def _repair_end(q: str) -> str:
    """``q`` without what dangles at its end, taken out until nothing does: a field's name with no
    value (``treaty title:``, ``title:(``), then an operator after a space or a run of ``-``,
    ``*`` and ``:``; then an operator at its start (``OR treaty``); one pass from each end."""
    end = len(q)
    tail = name = end + 1  # where the characters no word has before the end start; the letters before them
    while True:
        changed = False
        while end and q[end - 1].isspace():
            end -= 1
        if end <= tail:  # else the same run as before, shorter: not looked at again (- - - - …)
            tail = end
            while tail and not _WORD_CHAR.match(q, tail - 1):
                tail -= 1
            name = tail
            while name and _LETTER.match(q, name - 1):
                name -= 1
        if name < tail < end and q[tail] == ":" and (name == 0 or q[name - 1].isspace()) and _is_field(q[name:tail]):
            end, changed = name, True  # a field's name with nothing after it
            while end and q[end - 1].isspace():
                end -= 1
        if end and q[end - 1] in "-*:" and not _is_prefix_end(q, end):
            while end and q[end - 1] in "-*:":
                end -= 1
            changed = True
        elif end and q[end - 1] in "DRT":  # an operator after a space
            word = end
            while word and not q[word - 1].isspace():
                word -= 1
            if word and q[word:end] in _TRAILING_OPERATORS:
                end, changed = word, True
        if not changed:
            break
    start = 0
    while True:
        while start < end and q[start].isspace():
            start += 1
        word = start
        while word < end and not q[word].isspace():
            word += 1
        if word == end or q[start:word] not in _LEADING_OPERATORS:
            return q[start:end]
        start = word


def _is_prefix_end(q: str, end: int) -> bool:
    """Whether the ``*`` at ``q[end - 1]`` ends a ``prefix*`` (``Port Ar*`` left when an unclosed
    quotation mark was taken out): it follows a word's letters, enough of them, and is the only one."""
    start = end - 1
    while start and _WORD_CHAR.match(q, start - 1):
        start -= 1
    return q[end - 1] == "*" and _long_enough(q[start : end - 1])


_WORD_CHAR = re.compile(r"\w")
_LETTER = re.compile(r"[^\W\d_]")


def _is_field(name: str) -> bool:
    key = schema.FIELD_ALIASES.get(name.lower(), name.lower())
    return key in schema.SEARCH_FIELDS_BY_NAME or key in RANGE_FIELDS


ZERO_WIDTH_SPACE = "\u200b"
_EDGE_ZWSP = re.compile(r"(?<!\w)\u200b+|\u200b+(?!\w)")


def _without_invisible(q: str) -> str:
    """``q`` without the invisible format characters ingest drops
    (:func:`legation.search.analyzers.drop_invisible`), but for a zero-width space between two
    letters or digits, kept (one for a run) for :func:`_value` to read both ways: as nothing, as
    the readers drop it from a text (``Khru\u200bshchev``, pasted from a page that breaks long
    words, is ``Khrushchev``), and as a space, as Unicode's line breaking and the index's
    tokenizers read it (``Mao\u200bStalin`` is ``Mao Stalin``)."""
    if ZERO_WIDTH_SPACE not in q:
        return analyzers.drop_invisible(q)
    kept = ZERO_WIDTH_SPACE.join(analyzers.drop_invisible(part) for part in q.split(ZERO_WIDTH_SPACE))
    return _EDGE_ZWSP.sub("", re.sub("\u200b+", ZERO_WIDTH_SPACE, kept))


# dashes a word processor types for the hyphen-minus (en dash, em dash, figure dash, horizontal
# bar, minus sign): after a space, an opening parenthesis or at the start, where no word joins them
_TYPED_DASHES = re.compile("(?<![^\\s(])[\u2012\u2013\u2014\u2015\u2212]+")


def _typed_minus(q: str) -> str:
    """``q`` with each dash a word processor typed where a word does not run on into it (``Stalin
    \u2013Mao``, ``Stalin \u2013 Mao``) read as the hyphen-minus, one for one: before a word it
    excludes it (``Stalin –Mao`` found 23 documents, ``Stalin -Mao`` 128), standing alone it is
    left out with a notice, as ``Stalin - Mao`` is. A dash inside a word (``1949–1950``) stays."""
    return _TYPED_DASHES.sub(lambda dashes: "-" * len(dashes.group()), q)


_NEGATION = re.compile(r"(?<![\w'\"*])(?:(?:NOT\s+|-)(?=\S))+")  # NOT, -, NOT NOT, NOT - … before what they exclude
_FIELD_NAME = r"[^\W\d_][\w.]*"  # a field's name as typed before its colon
_FIELD_PREFIX = re.compile(rf"({_FIELD_NAME}):")
_UNIT_RUN = re.compile(r"[^\s()]*")  # a word, word*, field:value: what stands between spaces and parentheses
# where a unit the plain-words fallback reads as the parser does starts (_read_units): after NOT or -,
# or at a field's name (one of the schema's, checked there), a word's beginning with its * (governmen*: its
# * was dropped, and "governmen" required), a phrase ("Port Ar*": its * was dropped) or a group ((from:Dulles OR
# Mao): its OR was lost, from:Dulles required) that starts a unit, at the start, a space or (
_UNIT_START = re.compile(
    rf"{_NEGATION.pattern}|(?<![^\s(])(?=(?P<field>{_FIELD_NAME}):|(?P<prefix>[^\s()\"*:]+\*)(?![^\s)])|(?P<open>[(\"]))"
)


def _groups(q: str) -> tuple[dict[int, int], list[int]]:
    """The groups of ``q`` (its quotation marks paired), outside its phrases: where each whose
    parenthesis is closed ends, by where it opens, and where those left open open, in order. In
    one pass, however deep they nest."""
    ends: dict[int, int] = {}
    opened: list[int] = []
    quoted = False
    for i, c in enumerate(q):
        if c == '"':
            quoted = not quoted
        elif not quoted and c == "(":
            opened.append(i)
        elif not quoted and c == ")" and opened:
            ends[opened.pop()] = i + 1
    return ends, opened


def _unit_end(q: str, at: int, groups: tuple[dict[int, int], list[int]]) -> tuple[int, str]:
    """Where the unit of the query starting at ``at`` ends: a phrase (to its closing quotation mark;
    the query's are paired), a group (to its closing parenthesis, :func:`_groups`), else a run
    without spaces or parentheses (a word, ``word*``, ``from:Mao``); a field's name before a phrase
    or group with it. With the parentheses that close a group left open, which runs to the end of
    the query (``from:(Dulles OR Acheson`` is read as ``from:(Dulles OR Acheson)``, as the repair
    of a query closes them), else ``""``."""
    if field := _FIELD_PREFIX.match(q, at):
        at = field.end()
    if q.startswith('"', at):
        return q.find('"', at + 1) + 1, ""
    if q.startswith("(", at):
        ends, unclosed = groups
        if at in ends:
            return ends[at], ""
        return len(q), ")" * (len(unclosed) - bisect.bisect_left(unclosed, at))
    return _UNIT_RUN.match(q, at).end(), ""  # type: ignore[union-attr] - matches the empty run too


def _unreadable_groups(q: str, groups: tuple[dict[int, int], list[int]]) -> set[int]:
    """Where the groups of ``q`` (:func:`_groups`) that cannot be read alone open: a group holding
    one is none either, and is not read again (``(((… a AND OR b …)))`` nested 500 deep was read
    500 times, in time growing as the square of the query's length); others are read once each,
    inner ones first. As :func:`_unit_end` reads a group left open, closed at the end."""
    ends, unclosed = groups
    spans = sorted([*ends.items(), *((start, len(q)) for start in unclosed)])
    around: dict[int, int] = {}  # the group each is in
    opened: list[tuple[int, int]] = []
    for start, end in spans:
        while opened and opened[-1][1] <= start:
            opened.pop()
        if opened:
            around[start] = opened[-1][0]
        opened.append((start, end))
    bad: set[int] = set()
    for start, end in reversed(spans):  # each after the groups in it
        if start not in bad:
            text = q[start:end] + ("" if start in ends else ")" * (len(unclosed) - bisect.bisect_left(unclosed, start)))
            try:
                _Parser(_lex(text), text).parsed(text, [])
                continue
            except _Unreadable:
                bad.add(start)
        if start in around:
            bad.add(around[start])
    return bad


def _read_units(q: str) -> tuple[str, dict[Node, str], list[str], list[str]]:
    """What of ``q`` the plain-words fallback reads as the parser does, each unit alone
    (:func:`_unit_end`, :func:`_read_unit`): what NOT or ``-`` excludes (once or more: ``NOT NOT
    Mao`` excludes Mao), a ``field:value`` of a field of the schema (``from:Dulles``,
    ``to:(Acheson OR Rusk)``, ``date:1950``), a word's beginning (``governmen*``), a phrase
    (``"Port Ar*"``) and a group (``(from:Dulles OR Mao)``). An excluded word or phrase must not
    become a required one (``treaty AND OR NOT "Port Arthur"`` required Port and Arthur), nor be
    dropped (``Stalin AND OR NOT Mao`` found Stalin's documents with Mao's); ``-from:Mao`` excludes
    what Mao sent, not every document holding the word from; ``from:Dulles`` finds what Dulles
    sent, not every document holding the words from and Dulles; ``(from:Dulles OR Mao)`` what
    Dulles sent or mentions Mao, not only what Dulles sent that mentions Mao. A group that cannot
    be read alone is read unit by unit inside; a group left open at the end is closed there, and a
    quotation mark left unclosed is left out, as the repair does (:func:`_repair`). A word before a
    colon that names no field (``Note:``, ``12:30``) stays words.

    Returns the query left, for its plain words (:func:`_plain_words`); the units read, each as
    searched (an exclusion as its :class:`Not`) with how the query language writes it
    (``-from:Mao``, ``from:Dulles``; an excluded word or phrase that cannot be read alone, its
    words: ``-Port``), in the order typed, each once; what was excluded that cannot be read, a
    field's value or a group (``NOT (Mao OR)``), as typed, to be said left out; and the parser's
    notes on the units read."""
    if q.count('"') % 2:  # the last one opens no phrase: its words, and a prefix* among them, are read
        cut = q.rfind('"')
        q = f"{q[:cut]} {q[cut + 1 :]}"
    groups = _groups(q)
    unreadable = _unreadable_groups(q, groups)
    read: dict[Node, str] = {}
    unsaid: list[str] = []
    notes: list[str] = []
    kept, at = [], 0
    quotes, counted = 0, 0  # quotation marks before q[counted]: counted once each, in time linear in the query
    for found in _UNIT_START.finditer(q):
        quotes, counted = quotes + q.count('"', counted, found.start()), found.start()
        if found.start() < at or quotes % 2:  # inside a unit read already, or a phrase
            continue
        negated = found.end() > found.start()
        if not negated and not found.group("prefix") and not found.group("open") and not _is_field(found.group("field")):
            continue
        end, closing = _unit_end(q, found.end(), groups)
        unit = q[found.end() : end] + closing
        written = f"-{unit}" if negated else unit  # NOT NOT Mao excludes Mao, as -Mao does
        value = _FIELD_PREFIX.match(q, found.end())
        opening = value.end() if value else found.end()
        # a phrase or group of no words ("(", a query's syntax pasted twice) is none: nothing to search, as its plain words
        empty = found.group("open") and not _WORD_CHAR.search(unit)
        parsed = None if empty or q.startswith("(", opening) and opening in unreadable else _read_unit(written)
        if parsed is None and not negated:
            continue  # a field's value (from:"Dulles, its quote unclosed) or a group that cannot be read alone: its units, its words
        kept.append(q[at : found.start()])
        at = end
        if parsed is not None:
            if parsed.node not in read:  # typed twice (-Mao -Mao), read once
                notes += [parsed.notice] if parsed.notice else []
                read[parsed.node] = written  # type: ignore[index]
            continue
        if _FIELD_PREFIX.match(unit) or unit.startswith("("):
            unsaid.append(q[found.start() : end].strip())
            continue
        words = [w for w, _ in _plain_words(unit) if w not in OPERATORS]
        if unit.startswith('"') and len(words) > 1:
            phrase = " ".join(words)
            read.setdefault(Not(Phrase(phrase)), f'-"{phrase}"')
        else:
            for w in words:
                prefix = unit.endswith("*") and w == words[-1]
                read.setdefault(Not(Term(w, prefix=prefix)), f"-{w}{'*' if prefix else ''}")
    kept.append(q[at:])
    return " ".join(kept), read, unsaid, notes


def _read_unit(unit: str) -> ParsedQuery | None:
    """``unit`` (a word, phrase, group or ``field:value``, :func:`_unit_end`, or one of them after
    ``-``) as the parser reads it alone: the :attr:`Term.at` of its words where they stand in
    ``unit``, its notice the parser's notes; ``None`` when it cannot be read (:class:`_Unreadable`)
    or searches nothing (an address of another site without words)."""
    try:
        parsed = _Parser(_lex(unit), unit).parsed(unit, [])
    except _Unreadable:
        return None
    return parsed if parsed.node is not None else None


def _moved(node: Node, by: int) -> Node:
    """``node`` with the :attr:`Term.at` and :attr:`Phrase.at` of its words (those typed) ``by``
    characters further on: read alone, where it stands in the text searched."""
    moved = rewritten(node, lambda n: dataclasses.replace(n, at=n.at + by) if isinstance(n, Term | Phrase) and n.at >= 0 else n)
    return node if moved is None else moved


def stripped(q: str) -> str:
    """``q`` without the spaces around it, as typed: its control characters kept, even those
    Python counts as spaces (U+0085, U+001C …), so that a query of control characters alone is
    something typed, which :func:`parse` reads as no words, not an empty box (that browses). The
    invisible format characters around it go with the spaces: a zero-width space, a byte order
    mark or a direction mark alone (``q=%E2%80%8B``) found nothing, where a space alone browses."""
    return _OUTER_SPACES.sub("", q)


def parse(q: str) -> ParsedQuery:
    """Read a user query. Never raises: see the module docstring for the fallback and notices.
    Control characters (C0 but tab, line feed and carriage return; DEL; C1) separate words, as a
    space does: a query of them alone has no words (:attr:`ParsedQuery.node` ``None``, no notice).
    Invisible format characters go, as from every text ingested
    (:func:`legation.search.analyzers.drop_invisible`): ``Khru\u00adshchev``, pasted with a soft
    hyphen, is ``Khrushchev``; but a zero-width space between two letters is read both ways
    (:func:`_without_invisible`). A dash a word processor typed before a word is a minus
    (:func:`_typed_minus`)."""
    notices = []
    q = _straight_quotes(_single_quotes(_typed_minus(_without_invisible(q.translate(_CONTROLS))).strip()))
    if len(q) > MAX_QUERY_CHARS:
        q = q[:MAX_QUERY_CHARS]
        notices.append(f"The query was longer than {MAX_QUERY_CHARS:,} characters; only its first {MAX_QUERY_CHARS:,} were searched.")
    q, said, searched_as, citations = frus_citations.read(q)  # the identifiers of a range cited may be longer than the citation
    q = _bracketed_ranges(q, said)
    parsed = _parsed(q, [*notices, *said], searched_as)
    if long := [w for leaf in leaves(parsed.node) for w in analyzers.too_long(leaf.text)]:
        left_out = f"A word of over {analyzers.MAX_TOKEN_BYTES - 1} bytes is no word of the archive: {shown(shortened(long[0], 24))} was left out"
        phrased = any(several_words(leaf) for leaf in leaves(parsed.node) if analyzers.too_long(leaf.text))
        said_too = f"{left_out}, and the phrase holding it finds nothing." if phrased else f"{left_out}."
        parsed = dataclasses.replace(parsed, notice=" ".join(filter(None, [parsed.notice, said_too])))
    if len(parsed.addresses) > 1:
        parsed = dataclasses.replace(parsed, node=_addresses_as_alternatives(parsed.node, parsed.addresses))
    if not citations:
        return parsed
    # the volumes cited, for the search to say which the archive lacks, though another citation finds documents
    volumes = tuple(Address(v, volume=v) for v in dict.fromkeys(c.volume for c in citations))
    cited_documents = frozenset(i for c in citations for i in c.identifiers)
    return dataclasses.replace(parsed, addresses=parsed.addresses + volumes, cited=True, cited_documents=cited_documents)


# A range as Lucene's, Solr's and Elasticsearch's query strings write it: date:[1949 TO 1950], page:{10 TO *}
_BRACKETED_RANGE = re.compile(rf"(?<![^\s(])({'|'.join(RANGE_FIELDS)}):([\[{{])\s*(\S+?)\s+TO\s+(\S+?)\s*([\]}}])(?=$|[\s)])", re.I)


def _bracketed_ranges(q: str, notes: list[str]) -> str:
    """``q`` with each range written as other search engines' query strings write one (``date:[1949 TO 1950]``,
    ``page:[10 TO *]``: Lucene's range query) written as Legation's (``date:1949..1950``, ``page:10..``),
    ``notes`` given a sentence saying so: its brackets were left out and "TO 1950" searched as words. An
    open end (``*``) is an open end; Lucene's braces, which leave an end out, read as brackets do: a
    date's end is a day, month or year, not a point between two."""

    def written(match: re.Match) -> str:
        field, first, last = match.group(1).lower(), match.group(3), match.group(4)
        read = f"{field}:{'' if first == '*' else first}..{'' if last == '*' else last}"
        notes.append(f"{match.group()} was read as {read}: a range is written with .. between its ends.")
        return read

    return _BRACKETED_RANGE.sub(written, q)


def _addresses_as_alternatives(node: Node | None, addresses: tuple[Address, ...]) -> Node | None:
    """``node`` with the FRUS addresses of the public edition pasted into it (documents, volumes,
    printed pages: ``…/frus1955-57v02/pg_290 …/frus1955-57v02/pg_10``), when there are several,
    ORed, as citations one after another are: they were ANDed, and no document is two documents,
    or printed on two pages far apart."""
    if not isinstance(node, And):
        return node
    made = {_address_node(a) for a in addresses if a.identifier or a.volume}
    found = [item for item in node.items if item in made]
    if len(set(found)) < 2:
        return node
    either = Or(tuple(dict.fromkeys(found)))
    rest = tuple(item for item in node.items if item not in made)
    return And((either, *rest)) if rest else either


def _address_node(address: Address) -> Node:
    """What :meth:`_Parser.address` searches a FRUS address as."""
    if address.identifier:
        return Pasted(address.identifier)
    volume = Term(address.volume, COLLECTION_FIELD)
    return And((volume, PageRange(address.page, address.page))) if address.page else volume


def _parsed(q: str, notices: list[str], citations: list[str]) -> ParsedQuery:
    """:func:`parse` of ``q``, its FRUS citations read (the texts they were replaced by: ``citations``),
    ``notices`` said so far."""
    if not q:
        return ParsedQuery(None, "", " ".join(notices))
    # the text read, what was wrong in it (why), the terms left out, and whether a repair may follow
    text, problems, dropped, fresh = q, [], [], True
    unrepaired = q  # the text before the one repair tried
    lowered: frozenset[str] = frozenset()  # the operators' words the repair made words (and, or, not)
    for _ in range(MAX_QUERY_CHARS):  # each reading but a repair's leaves a term out, shortening the text
        parser = None
        try:
            parser = _Parser(_lex(text), text)
            if not problems:
                return parser.parsed(text, notices)
            # a sentence of its own: the notices of the search (nothing matches, other forms …) may follow
            read_as = f"The query could not be read as written ({_problems(problems)}), so {_left_out(dropped)}it was read as: {text}."
            parsed = parser.parsed(text, [*notices, read_as])
            # typed in capitals: no words typed in small letters, of which the search says they are no operators
            return dataclasses.replace(parsed, node=rewritten(parsed.node, lambda n: _untyped(n, lowered))) if lowered else parsed
        except _Unreadable as exc:
            bad = parser.bad if parser is not None else []
            if not bad:  # the syntax is at fault, not a field's value
                problems.append(str(exc))
                if fresh and (repaired := _repair(text)) and repaired != text:
                    lowered = _lowered(text, repaired)
                    unrepaired, text, fresh = text, repaired, False
                    continue
                if not (bad := _bad_values(text)):  # searched as plain words, but for a field's value that is none
                    # the words as typed, when the repair read no better: what it took out as
                    # dangling may be words of a query that is read as plain words
                    text = text if fresh else unrepaired
                    break
        # fields' values alone are at fault: those terms are left out, the rest read as written
        problems.extend(str(value) for value in bad)
        read, (text, named) = text, _without_terms(text, bad)
        dropped.extend(named)
        fresh = True
        if not text or text == read:
            break
    # the FRUS citations read stay as read ("…, vol. II, p. 290. Secret: eyes only", a footnote pasted whole)
    kept = [part for part in citations if part in text]
    for part in kept:
        text = text.replace(part, " ", 1)
    kept_text, read, unsaid, unit_notes = _read_units(_without_dangling_field(text)) if text else ("", {}, [], [])
    dropped.extend(unsaid)
    found = sorted(read, key=lambda item: isinstance(item, Not))  # what is sought, then what is excluded, each in the order typed
    sought = not all(isinstance(item, Not) for item in found)
    # the operators' words are searched when there is nothing else (_plain_words), not beside a field's value
    words = [(w, named) for w, named in _plain_words(kept_text) if not (sought and w in OPERATORS)] if kept_text else []
    if not words and not sought:
        found = []  # nothing but exclusions: no search of everything but them
    pieces = [*(w for w, _ in words), *(read[item] for item in found)]
    starts = list(accumulate((len(piece) + 1 for piece in pieces[:-1]), initial=0))  # where each stands in the words joined
    searched = " ".join(pieces)
    cited_nodes = tuple(node for part in kept if (node := _Parser(_lex(part), part).parsed(part, []).node) is not None)
    if pieces:
        besides = "the FRUS citation was searched as read, and " if cited_nodes else ""
        what = _what_was_searched(bool(words), [read[item] for item in found])
        notices.append(f"The query could not be read as search syntax ({_problems(problems)}), so {_left_out(dropped)}{besides}{what}: {searched}.")
        notices += unit_notes
        # a field's name is searched, but was typed as no word to find: not one did you mean corrects (Term.at)
        terms = tuple(Term(w, at=-1 if named else at) for (w, named), at in zip(words, starts))
        terms += tuple(_moved(item, at) for item, at in zip(found, starts[len(words) :]))
        node = (*cited_nodes, *terms)[0] if len(cited_nodes) + len(terms) == 1 else And((*cited_nodes, *terms))
    elif cited_nodes:
        notices.append(f"The query could not be read as search syntax ({_problems(problems)}), so the FRUS citation alone was searched, as read.")
        node = cited_nodes[0] if len(cited_nodes) == 1 else And(cited_nodes)
    else:
        notices.append(f"The query could not be read as search syntax ({_problems(problems)}) and has no words to search for.")
        node = None
    return ParsedQuery(node, searched, " ".join(notices))


# what a unit read as the parser reads it is, as _what_was_searched names it (singular, plural), by how it is written
_UNIT_KINDS = (
    (re.compile("-"), ("exclusion", "exclusions")),
    (_FIELD_PREFIX, ("field", "fields")),
    (re.compile('"'), ("phrase", "phrases")),
    (re.compile(r"\("), ("group", "groups")),
    (re.compile(r".*\*$"), ("word's beginning", "words' beginnings")),
)


def _what_was_searched(words: bool, units: list[str]) -> str:
    """How the notice of a query searched as plain words says what was searched: ``its words were
    searched``; with ``units`` read as the parser reads them (as :func:`_read_units` writes them,
    each once), which they are: ``its words were searched, with its field and phrase read as search
    syntax``, ``its field and exclusion were read as search syntax and searched``."""
    kinds = Counter(next(named for kind, named in _UNIT_KINDS if kind.match(unit)) for unit in units)
    parts = [named[count > 1] for named, count in kinds.items()]
    if not parts:
        return "its words were searched"
    if words:
        return f"its words were searched, with its {in_words(parts)} read as search syntax"
    was = "were" if len(units) > 1 else "was"
    return f"its {in_words(parts)} {was} read as search syntax and searched"


def _lowered(text: str, repaired: str) -> frozenset[str]:
    """The operators' words :func:`_operators_as_words` wrote in small letters repairing ``text``
    as ``repaired``: those ``repaired`` holds more of than ``text``."""
    def counts(q: str) -> Counter[str]:
        return Counter(re.findall(r"(?<![\w'-])(?:and|or|not)(?![\w'-])", q))

    return frozenset(counts(repaired) - counts(text))


def _untyped(node: Node, lowered: frozenset[str]) -> Node:
    """``node``, when a word of ``lowered``, as no word typed to find (:attr:`Term.at` -1): an
    operator's word typed in capitals that the repair made a word, which neither did you mean nor
    the notice of operators typed in small letters should take for a word typed so."""
    return dataclasses.replace(node, at=-1) if isinstance(node, Term) and node.text in lowered else node


def _without_terms(text: str, bad: list[_Unreadable]) -> tuple[str, list[str]]:
    """``text`` without the terms of ``bad`` (fields' values that cannot be read, at their
    :attr:`_Unreadable.span`), each with the NOT or ``-`` before it, and the terms as the notice
    names them. Parentheses left holding nothing go too (``date:(1950-13)``, ``(date:1950-13)``),
    as does an AND or OR left with nothing on one side, the one that binds the term (``Mao OR
    date:1950-13`` → ``Mao``, ``a OR date:x OR b`` → ``a OR b``, ``a AND date:x OR b`` → ``a OR
    b``); the rest stays as typed. In one reading of ``text``, however many terms go."""
    tokens = _lex(text)  # the parser read them: they lex
    starts, ends = [tok.start for tok in tokens], [tok.end for tok in tokens]
    gone = [False] * len(tokens)

    def before(k: int) -> int:
        """The token before ``tokens[k]`` that is not gone, -1 for none."""
        k -= 1
        while k >= 0 and gone[k]:
            k -= 1
        return k

    def after(k: int) -> int:
        """The token after ``tokens[k]`` that is not gone, ``len(tokens)`` for none."""
        k += 1
        while k < len(tokens) and gone[k]:
            k += 1
        return k

    def kind(k: int) -> str:
        return tokens[k].kind if 0 <= k < len(tokens) else ""

    def operator(k: int, *operators: str) -> bool:
        return 0 <= k < len(tokens) and _is_operator(tokens[k], *operators)

    named = []
    for exc in sorted(bad, key=lambda exc: (exc.span[0], -exc.span[1])):  # type: ignore[index]  # a group before a word of it
        first, last = bisect.bisect_left(starts, exc.span[0]), bisect.bisect_right(ends, exc.span[1]) - 1  # type: ignore[index]
        if gone[first]:  # in a group left out already, and named with it
            continue
        term = ""
        while True:
            while kind(before(first)) == "-" or operator(before(first), "NOT"):
                first = before(first)
            term = term or text[starts[first] : ends[last]]
            if kind(before(first)) not in ("(", "FIELD(") or kind(after(last)) != ")":
                break
            first, last = before(first), after(last)  # the group held it alone
        named.append(exc.named or term)
        opening, closing = before(first), after(last)
        alone = opening < 0 or kind(opening) in ("(", "FIELD(") or operator(opening, "AND", "OR")  # nothing before it to join
        if operator(closing, "AND", "OR") and alone and not (operator(opening, "AND") and operator(closing, "OR")):
            last = closing  # x OR b, a OR x OR b, a OR x AND b: the operator after it
            while operator(after(last), "AND", "OR"):  # x AND OR: those in a row after it, which joined nothing else
                last = after(last)
        elif operator(opening, "AND", "OR") and (kind(closing) in ("", ")") or operator(closing, "OR")):
            first = opening  # a OR x, (a AND x), a AND x OR b: the one before it
        gone[first : last + 1] = [True] * (last + 1 - first)
    pieces, at = [], 0
    for k, tok in enumerate(tokens):
        if gone[k] and (k == 0 or not gone[k - 1]):
            pieces += [text[at : tok.start], _CUT]
        if gone[k]:
            at = tok.end
    return _CUTS.sub(_joined, "".join([*pieces, text[at:]])).strip(), named


_CUT = "\x00"  # where terms were taken out; parse() makes every control character a space, so no query holds one
_CUTS = re.compile(r"\s*\x00\s*")


def _joined(cut: re.Match[str]) -> str:
    """What stands where terms were taken out (:data:`_CUTS`): a space between words, nothing
    next to a parenthesis inside it (``(Mao)``, not ``(Mao )``) or at either end."""
    text, start, end = cut.string, cut.start(), cut.end()
    return "" if start == 0 or end == len(text) or text[start - 1] == "(" or text[end] == ")" else " "


def _bad_values(text: str) -> list[_Unreadable]:
    """The terms of ``text`` whose field's value cannot be read (:func:`_word`), each read alone,
    as their :class:`_Unreadable`: for a query whose syntax cannot be read, where the parser stops
    at the first fault. ``[]`` when ``text`` cannot be split into terms."""
    try:
        tokens = _lex(text)
    except _Unreadable:
        return []
    bad = []
    for tok in tokens:
        if tok.kind == "PHRASE" and tok.field or tok.kind in ("WORD", "URL") and ":" in tok.text:
            parser = _Parser([tok], text)
            try:
                parser.parse()
            except _Unreadable:
                pass  # a field's name that is none: a word of the query
            bad += parser.bad
    return bad


def _is_operator(tok: _Tok | None, *operators: str) -> bool:
    """Whether ``tok`` is one of ``operators`` (``AND``, ``OR``, ``NOT``: words in capitals)."""
    return tok is not None and tok.kind == "WORD" and tok.text in operators


MAX_NAMED = 5  # problems, and terms left out, a notice names; of more it counts the others


def _problems(problems: list[str]) -> str:
    """What was wrong, each once, for a notice: the first :data:`MAX_NAMED`, the others counted;
    how to write a date said once, after the last date at fault (``date:1950-13: 13 is not a
    month; date:0000: …; write date:YYYY …``)."""
    unique = list(dict.fromkeys(problems))
    named, more = unique[:MAX_NAMED], len(unique) - MAX_NAMED
    forms = f"; {DATE_FORMS}"
    last_dated = max((k for k, problem in enumerate(named) if problem.endswith(forms)), default=-1)
    said = "; ".join(problem.removesuffix(forms) if k != last_dated else problem for k, problem in enumerate(named))
    return f"{said}; and {more:,} more" if more > 0 else said


def _left_out(dropped: list[str]) -> str:
    """The start of a notice's clause naming the terms ``dropped``, each once, the first
    :data:`MAX_NAMED` (``date:1950-13 was left out and ``), ``""`` for none."""
    terms = list(dict.fromkeys(dropped))
    if not terms:
        return ""
    if len(terms) > MAX_NAMED:
        terms = [*terms[:MAX_NAMED], f"{len(terms) - MAX_NAMED:,} more"]
    named = in_words(terms)
    return f"{named} {'was' if len(terms) == 1 else 'were'} left out and "


def phrase_query(text: str, field: str | None = None) -> str:
    """The query that searches ``text`` as one phrase, in ``field`` when given: ``"Chou En-lai"``,
    ``place:"St. Petersburg"`` (what choosing a suggestion puts in the search box).

    The language has no escape for a quotation mark inside a phrase, and :func:`parse` reads the
    typographic ones as quotes too, so the double quotes of ``text`` (``"``, ``“ ” „ ‟ « »``) are
    left out, a space for one between two letters or digits: they are no part of any word, so the
    phrase holds the words ``text`` holds, in order (``Gf. Johann von Sayn [„Sehin“]`` → ``"Gf.
    Johann von Sayn [Sehin]"``), where quoting it as written would end the phrase at its first
    quotation mark and search the rest as loose words."""
    words = " ".join(_QUOTE_IN_WORDS.sub(" ", text.translate(_QUOTES)).replace('"', "").split())
    return f'{field}:"{words}"' if field else f'"{words}"'


_QUOTE_IN_WORDS = re.compile(r'(?<=[^\W_])"+(?=[^\W_])')  # a"b: the words a and b, not ab


# --- the term being typed -----------------------------------------------------------------------

MAX_TERM_WORDS = 6  # the most trailing words completed as one name or place ("Gf. Johann von Sayn [Sehin]": 5)
NAME_FIELDS = frozenset({"names", "from", "to"})  # the fields of agents' names: a name completes in them
PLACE_FIELD = "place"
_TERM_START = re.compile(r"\(*(?P<minus>-?)(?:(?P<field>[^\W\d_]\w*):)?")  # what may stand before a term's words
_PIECE = re.compile(r"\S+")


@dataclass(frozen=True)
class LastTerm:
    """One reading of the end of a search box as a term being typed (:func:`last_terms`): ``words``
    what a name or place completing it begins with (``"Port Ar"``), ``before`` the box before the
    term, kept as typed (``"treaty "``), ``excluded`` for a ``-`` before it, ``field`` the field
    named before it as typed (``"sender"`` in ``sender:Zho``; ``None``)."""

    before: str
    words: str
    excluded: bool = False
    field: str | None = None

    def completes(self, kind: str) -> bool:
        """Whether a suggestion of ``kind`` (``"name"`` or ``"place"``) may complete the term: either
        when it names no field, a name in a field of names (``from``, ``to``, ``names`` and their
        other names), a place in ``place``; nothing in another field (``title:``, ``type:``)."""
        if self.field is None:
            return kind in ("name", "place")
        field = schema.FIELD_ALIASES.get(self.field.lower(), self.field.lower())
        return field in NAME_FIELDS if kind == "name" else kind == "place" and field == PLACE_FIELD

    def completed(self, text: str, kind: str) -> str:
        """The box with the term replaced by the phrase ``text`` (:func:`phrase_query`), what comes
        before it kept: ``treaty "Chou En-lai"``, the exclusion and the field kept (``-"Chou
        En-lai"``, ``sender:"Chou En-lai"``), a place sought in its field (``treaty
        place:"Port Arthur"``)."""
        field = self.field or (PLACE_FIELD if kind == "place" else None)
        return f"{self.before}{'-' if self.excluded else ''}{phrase_query(text, field)}"


def last_terms(box: str) -> list[LastTerm]:
    """The ways to read the end of ``box`` (a search box as typed so far) as one term to complete,
    longest first: the last word, and the runs of up to :data:`MAX_TERM_WORDS` plain words ending
    it (``treaty Port Ar``: ``Port Ar``, then ``Ar``; the whole box is a run too); an operator
    (``OR``), a parenthesis, a quotation mark or a colon inside a run ends it. The first word of a
    run may follow opening parentheses, a ``-`` and a field (``(-from:Zho``). A phrase a quotation
    mark opened and nothing closed is one term (``treaty "Port Ar``), read first with its quotation
    mark (names that begin with one, ``"den von Warberg"``), then without. ``[]`` when the box ends
    otherwise (a closed phrase, a parenthesis, a field with no word). Control characters are
    spaces and typographic quotes are quotes, as :func:`parse` reads them; ``before`` keeps the
    box's own characters but its control characters, spaces. Never raises."""
    typed = box.translate(_CONTROLS)  # control characters as spaces, as parse() reads them, in ``before`` too
    text = _straight_quotes(typed)  # as long as box: its positions are box's
    end = len(text.rstrip())
    if text.count('"', 0, end) % 2:  # an open phrase: from its quotation mark to the end
        quote = text.rindex('"', 0, end)
        piece = next((i + 1 for i in range(quote - 1, -1, -1) if text[i].isspace()), 0)  # where its word begins
        start = _TERM_START.fullmatch(text, piece, quote)
        words = text[quote + 1 : end].strip()
        if start is None or not words or not _known_field(start["field"]):
            return []
        before = typed[: piece + text.count("(", piece, quote)]
        return [LastTerm(before, '"' + words, bool(start["minus"]), start["field"]), LastTerm(before, words, bool(start["minus"]), start["field"])]
    pieces = list(_PIECE.finditer(text, 0, end))
    terms: list[LastTerm] = []
    for k in range(len(pieces) - 1, max(len(pieces) - MAX_TERM_WORDS, 0) - 1, -1):
        piece = pieces[k]
        start = _TERM_START.match(piece[0])
        assert start is not None  # every part of it may be empty
        if _plain(piece[0][start.end() :]) and _known_field(start["field"]):
            lead = piece[0][: start.end()].count("(")
            terms.append(LastTerm(typed[: piece.start() + lead], text[piece.start() + start.end() : end], bool(start["minus"]), start["field"]))
        if not _plain(piece[0]):  # no longer run holds it
            break
    return terms[::-1]


def _plain(word: str) -> bool:
    """Whether ``word`` (no spaces) may stand inside a name being typed: no operator, no exclusion,
    no quotation mark, parenthesis or field."""
    return bool(word) and word not in OPERATORS and not word.startswith("-") and not any(c in '"():' for c in word)


def _known_field(name: str | None) -> bool:
    return name is None or (_is_field(name) and schema.FIELD_ALIASES.get(name.lower(), name.lower()) not in RANGE_FIELDS)


def has_positive_terms(node: Node | None) -> bool:
    """Whether the tree scores documents (some word not under NOT); ``-treaty`` or a date range
    alone does not."""
    if node is None or isinstance(node, Not | Range):
        return False
    if isinstance(node, And | Or):
        return any(has_positive_terms(item) for item in node.items)
    return True


UNRANKED_FIELDS = ("collection", "language", "type")
"""The fields whose words sort out documents rather than rank them: a volume, a language, a kind of
document. A query of nothing else lists its documents by date in relevance order, as a query of
dates alone does (:func:`ranks`): their BM25 scores tie, or differ only by the length of the value
("Telegram" above "Circular Telegram"), and ties of over a thousand documents were left in the
order the index holds them (``type:Telegram``, 1,949 demo documents; ``language:en``)."""


def ranks(node: Node | None) -> bool:
    """Whether the tree ranks documents: it has a word not under NOT (:func:`has_positive_terms`)
    in a field other than those of :data:`UNRANKED_FIELDS`."""
    return any(leaf.field not in UNRANKED_FIELDS for leaf in leaves(positive_only(node)))


PROXIMITY_BOOST = 2.0  # the words typed, found side by side as a phrase, count this much more


PROXIMITY_MIN_BOOST = 1.0  # fields weighed less than the text (source note, subjects, collections) give no bonus


def proximity_phrases(node: Node | None, idx_schema: tantivy.Schema, searcher: tantivy.Searcher) -> list[Query]:
    """For plain words typed together (``Port Arthur``: an :class:`And` of two or more unfielded
    words, no prefix), one phrase query per default field weighed at least as the text (title,
    names, summary, the texts of each language family), matching documents where the words stand
    side by side in that order, stemmed as the field is, boosted as the field is in searches;
    fields lacking one of the words are left out. ``[]`` for any other query. Their scores, times
    :data:`PROXIMITY_BOOST`, are the bonus that ranks the phrase above pages that mention "port"
    and "Arthur" apart (:class:`legation.search.service.ProximityBonus`)."""
    if not isinstance(node, And) or not all(isinstance(i, Term) and i.field is None and not i.prefix for i in node.items):
        return []
    text = " ".join(i.text for i in node.items)  # type: ignore[union-attr]
    phrases = []
    for field, stems, boost in _analyzed(text, _fields(None)):
        if boost >= PROXIMITY_MIN_BOOST and len(stems) > 1 and all(searcher.doc_freq(field, t) for t in stems):
            phrases.append(_boosted(Query.phrase_query(idx_schema, field, stems), boost))
    return phrases


# added to the BM25 score of a document holding an unfielded word as typed, where the stemmer changed it
# (:func:`_term`); on the relevance benchmark 2, 4 and 8 gave MRR 0.720, 0.722, 0.736 (none 0.700), and
# scaling the stem's score instead (doubled) 0.712
EXACT_FORM_BONUS = 8.0
COVERAGE_SCORE = 1000.0  # per word present: above any BM25 score seen, so more words rank first

NAME_SHARE = 0.4
"""A word is a person's name (beside :data:`LOWERCASE_SHARE`) when at least this share of the
documents holding it are linked to a person of that surname (:data:`legation.search.schema.SURNAMES_FIELD`),
in the demo archive: cooper 10 of 21 documents, dulles 538 of 1,116; not king (0 of 46), stalin
(1 of 154: named in texts, seldom linked), a title or first name (admiral, christian, foster),
nor embassy (organizations' names)."""
LOWERCASE_SHARE = 0.05
"""… and when at most this share of the documents holding it write it in lower case
(:data:`legation.search.schema.LOWERCASE_FIELD`): a title or word in people's names is written so
elsewhere ("the admiral", "to foster", "to lodge a protest": Admiral Radford, John Foster Dulles,
Henry Cabot Lodge), a surname is not."""
STEM_FORMS_READ = 200  # words of the vocabulary read that may share a stem with the word typed
MIN_SHARED_STEM = 4  # a shorter stem is not looked into ("war": every word of "wa")


def same_stem_forms(word: str, stem: str, searcher: tantivy.Searcher) -> list[str] | None:
    """The words of the vocabulary (unstemmed, folded) that an unfielded ``word`` (folded) finds
    through its English ``stem`` when other words of that stem are people's names
    (:data:`NAME_SHARE`, :data:`LOWERCASE_SHARE`), which it then does not find: ``cooperation``
    finds cooperate, cooperative … but not Cooper (Ambassador John Sherman Cooper, whose
    telegrams, naming him alone, it ranked among its first ten), ``dull`` not Dulles;
    ``admirals`` still finds admiral, ``lodged`` lodge. A ``word`` that is itself a name finds
    only the names of its stem: ``Cooper`` not cooperation, ``Dulles`` not dull. ``None`` when no other
    word of the stem is a name, or the stem is shorter than :data:`MIN_SHARED_STEM`: the stem's
    query stands as it is."""
    if len(stem) < MIN_SHARED_STEM:
        return None
    forms = {word}
    # Porter2 cuts a word's end, but may end its stem with a letter the word has not there: y → i
    # ("country", "countri"), an e added ("hoping", "hope"); any other stem begins each of its words
    begins = stem[:-1] if stem[-1] in "ie" else stem
    for form, _ in searcher.terms_with_prefix(schema.VOCAB_FIELD, begins, limit=STEM_FORMS_READ):
        if form.isalpha() and analyzers.terms(form, analyzers.STEMMED_NAME) == [stem]:
            forms.add(form)

    names = {form for form in forms if _is_surname(form, searcher)}
    if word in names:  # a surname typed: its stem's names, not its words ("Cooper" not cooperation)
        return sorted(names) if len(names) < len(forms) else None
    return sorted(forms - names) if names else None


def _is_surname(form: str, searcher: tantivy.Searcher) -> bool:
    """Whether the folded word ``form`` is a person's surname rather than a word
    (:data:`NAME_SHARE`, :data:`LOWERCASE_SHARE`)."""
    held = searcher.doc_freq(schema.VOCAB_FIELD, form)
    named = searcher.doc_freq(schema.SURNAMES_FIELD, form)
    return bool(named) and named >= NAME_SHARE * held and searcher.doc_freq(schema.LOWERCASE_FIELD, form) <= LOWERCASE_SHARE * held


def spells_a_surname(stem: str, searcher: tantivy.Searcher) -> bool:
    """Whether a person's surname (:func:`_is_surname`) has the English ``stem`` (``cooper``:
    Cooper), read among the surnames of the index beginning as the stem's words do."""
    if len(stem) < MIN_SHARED_STEM:
        return False
    begins = stem[:-1] if stem[-1] in "ie" else stem
    return any(
        analyzers.terms(name, analyzers.STEMMED_NAME) == [stem] and _is_surname(name, searcher)
        for name, _ in searcher.terms_with_prefix(schema.SURNAMES_FIELD, begins, limit=STEM_FORMS_READ)
    )


def stem_forms_found(text: str, searcher: tantivy.Searcher) -> tuple[str, list[str]] | None:
    """For an unfielded word ``text``, as typed: its English stem and the forms it finds through it
    (:func:`same_stem_forms`), or ``None`` when the stem's query stands as it is (``text`` is not
    one word, or no other form of its stem is a surname). What the search filters on
    (:func:`_term`) and what the snippets mark (:func:`legation.search.service.snippets_for`)."""
    exact, stem = analyzers.folded(text), analyzers.terms(text, analyzers.STEMMED_NAME)
    if len(exact) != 1 or len(stem) != 1:
        return None
    forms = same_stem_forms(exact[0], stem[0], searcher)
    return None if forms is None else (stem[0], forms)


def most_words_query(
    node: Node | None,
    idx_schema: tantivy.Schema,
    searcher: tantivy.Searcher,
    within: Query | None = None,
    cited: bool = False,
    cited_documents: frozenset[str] = frozenset(),
) -> Query | None:
    """For plain words (``Powers Abel prisoner exchange``: an :class:`And` of unfielded words and
    phrases only), a query matching documents with ANY of them, ranked first by how many of the
    words they have, then by BM25. ``None`` for any other query: a user who wrote OR, NOT, a field
    or a date range meant exactly that. ``within``: as for :func:`to_tantivy`.

    ``cited``: FRUS citations were read in the query (:attr:`ParsedQuery.cited`), whose other words
    are the prose around them, pasted with them (a footnote: ``Secret; Niact. Repeated to Taipei.
    Printed in Foreign Relations, 1955–1957, vol. II, p. 290``). Then the documents of any of its
    citations (:func:`_cited_item`: a volume's ``collection:``, its pages, the documents cited),
    and the fields and ranges typed beside them, are required, and its plain words count as above,
    among those documents; ``None`` when the query has no plain word or no citation, or a NOT.
    ``cited_documents``: the identifiers of the documents cited (:attr:`ParsedQuery.cited_documents`),
    which the query seeks as words, alone or ORed (``frus1964-68v14-d313``)."""
    if not (isinstance(node, And) and len(node.items) > 1):
        return None
    # a name in its other forms is one word, unless sought in a field (place:Moscow place:Peking: one
    # place each, so none had both, and the fallback showed either under "no document has all of these words")
    citations = [i for i in node.items if cited and _cited_item(i, cited_documents)]
    items = node.items
    if citations:  # prose in brackets ("(Department of State, Central Files, POL 15–1 CHINAT)"): its words, each ranking
        items = tuple(part for i in items for part in (i.items if isinstance(i, And) and i not in citations and _only_plain_words(i) else (i,)))
    plain = [not isinstance(i, And) and _only_plain_words(i) and i not in citations for i in items]  # (brackets typed are meant, but around a citation)
    required: Query | None = None
    if citations:
        typed = [item for item, word in zip(items, plain) if not word and item not in citations]
        if not any(plain) or any(isinstance(item, Not) for item in typed):
            return None
        either = citations[0] if len(citations) == 1 else Or(tuple(citations))  # a footnote citing two volumes: the documents of either
        required = to_tantivy(And((*typed, either)) if typed else either, idx_schema, searcher, within)
    elif not all(plain):
        return None
    parts = [q for q in (to_tantivy(item, idx_schema, searcher, within) for item, word in zip(items, plain) if word) if q is not None]
    if len(parts) < (1 if required is not None else 2):
        return None
    coverage = [(Occur.Should, Query.const_score_query(q, COVERAGE_SCORE)) for q in parts]
    must = [(Occur.Must, required)] if required is not None else []
    return Query.boolean_query([*must, *coverage, *((Occur.Should, q) for q in parts)])


def _only_plain_words(node: Node) -> bool:
    """Whether ``node`` is plain words: an unfielded word or phrase, a name in its other forms, or
    several of these ANDed (words in brackets)."""
    if isinstance(node, And):
        return bool(node.items) and all(_only_plain_words(item) for item in node.items)
    if isinstance(node, Alternatives | Spellings):
        return all(leaf.field is None for leaf in leaves(node))
    return isinstance(node, (Term, Phrase)) and node.field is None


def _cited_item(node: Node, identifiers: frozenset[str]) -> bool:
    """Whether ``node`` is what :mod:`legation.search.frus_citations` searches a citation as: a
    volume's documents (``collection:``, its parts ORed), printed pages (``page:``), the documents
    cited (``identifiers``, as words: ``frus1964-68v14-d313``, or with the punctuation that followed the
    citation), or several of these, ANDed or ORed."""
    if isinstance(node, And | Or):
        return all(_cited_item(item, identifiers) for item in node.items)
    if isinstance(node, PageRange):
        return True
    return isinstance(node, Term) and (node.field == COLLECTION_FIELD or node.field is None and node.text.rstrip(".,;:") in identifiers)


def rewritten(node: Node | None, rewrite: Callable[[Node], Node]) -> Node | None:
    """``node`` with each of its parts that ``rewrite`` changes (top down, under AND, OR and NOT)
    replaced by what it gives, the parts inside those left as they are; the rest rebuilt only
    where a part inside changed (the subclasses of :class:`Or` kept). ``None`` for ``None``."""
    if node is None:
        return None
    if (new := rewrite(node)) is not node:
        return new
    if isinstance(node, And | Or):
        items = tuple(rewritten(item, rewrite) for item in node.items)
        return node if all(a is b for a, b in zip(items, node.items, strict=True)) else dataclasses.replace(node, items=items)  # type: ignore[arg-type]
    if isinstance(node, Not):
        item = rewritten(node.item, rewrite)
        return node if item is node.item else Not(item)  # type: ignore[arg-type]
    return node


def several_words(leaf: Node) -> bool:
    """Whether ``leaf`` is a phrase of two words or more: quoted (:class:`Phrase`), or ending in a
    prefix (``"Port Ar*"``, a :class:`Term` with :attr:`Term.prefix`)."""
    return (isinstance(leaf, Phrase) or isinstance(leaf, Term) and leaf.prefix) and len(leaf.text.split()) > 1


def leaves(node: Node | None) -> Iterator[Term | Phrase]:
    """Every word and phrase of ``node``, in order, under AND and OR (not under NOT)."""
    if isinstance(node, And | Or):
        for item in node.items:
            yield from leaves(item)
    elif isinstance(node, Term | Phrase):
        yield node


def positive_only(node: Node | None) -> Node | None:
    """The tree without its NOT parts (and without ranges of dates or pages): the words to highlight."""
    if node is None or isinstance(node, Not | Range):
        return None
    if isinstance(node, And | Or):
        items = tuple(kept for item in node.items if (kept := positive_only(item)) is not None)
        return (Or(items) if items else None) if len(items) != 1 else items[0]
    return node


# --- the tree as a tantivy query ----------------------------------------------------------------


def _should(queries: list[Query | None]) -> Query | None:
    present = [q for q in queries if q is not None]
    if len(present) <= 1:
        return present[0] if present else None
    return Query.boolean_query([(Occur.Should, q) for q in present])


# --- per-language routing (search/schema.py TEXT_LANGUAGES; issue 3) ------------------------------
# A search field may be several index fields (the texts: one per language family, each with its
# own analyzer), so a query word is analyzed once per analyzer it meets, never once for all.


def _fields(field: str | None) -> list[tuple[str, str, float]]:
    """(index field, analyzer, boost) to search: the named field's at boost 1, or the default fields'."""
    return schema.query_fields(field)


def _field_terms(text: str, analyzer: str) -> list[str]:
    """``text`` as terms of the fields analyzed by ``analyzer``."""
    return analyzers.terms(text, analyzer)


def _analyzed(text: str, fields: list[tuple[str, str, float]]) -> list[tuple[str, list[str], float]]:
    """``fields`` (index field, analyzer, boost) as (index field, ``text``'s terms there, boost),
    each analyzer run once: the 12 default fields share 7 analyzers."""
    terms: dict[str, list[str]] = {}
    for _, analyzer, _ in fields:
        if analyzer not in terms:
            terms[analyzer] = _field_terms(text, analyzer)
    return [(field, terms[analyzer], boost) for field, analyzer, boost in fields]


def _spelt(idx_schema: tantivy.Schema, field: str, tokens: list[str], text: str) -> Query:
    """The terms ``tokens`` of the quoted ``text`` in ``field``, one after another; a word of one
    term in a field stemmed before folding also in the terms of its spellings, as a word unquoted
    (:func:`_term`, :func:`legation.search.analyzers.spellings_sought`): ``"kumandani"``, typed
    without the Turkish letters, is stemmed otherwise than "kumandanı" and found nothing, while
    :func:`_exact` keeps the word as typed, its letters folded."""
    query = _words_query(idx_schema, field, tokens)
    if len(tokens) != 1 or not analyzers.stems_before_folding(schema.ANALYZER_OF[field]):
        return query
    others = [t for t in analyzers.spellings_sought(text, schema.ANALYZER_OF[field]) if t not in tokens]
    return _should([query, *(Query.term_query(idx_schema, field, t) for t in others)])  # type: ignore[return-value]


def _exact(query: Query | None, text: str, idx_schema: tantivy.Schema) -> Query | None:
    """``query`` (a quoted word, ``"treaties"``, matched by its stem for ranking), restricted to
    documents holding the word as typed (only case and accents folded) in the unstemmed ``vocab``
    field. A quoted phrase of several words is exact by its shingles (:func:`_shingled`)."""
    words = analyzers.folded(text)
    if query is None or len(words) != 1:
        return query
    exact = Query.term_query(idx_schema, schema.VOCAB_FIELD, words[0])
    return Query.boolean_query([(Occur.Must, query), (Occur.Must, Query.const_score_query(exact, 0.0))])


def by_shingles(leaf: Term | Phrase) -> bool:
    """Whether a search seeks ``leaf`` by shingles (:func:`_shingled`): a quoted phrase of two words
    or more, or a word of Han, kana or Hangul characters, a phrase of its characters that no
    stemmer changes (``대통령``, ``改革开放``). Not a hyphenated word (``Sino-Soviet``): its words,
    stemmed, also find "Sino-Soviets", which its shingles would not."""
    words = analyzers.folded(leaf.text)
    if len(words) < 2 or not analyzers.query_shingles(leaf.text):  # "다 국", "元，比": characters apart, no shingle
        return False
    return isinstance(leaf, Phrase) or not leaf.prefix and all(analyzers.OWN_WORD_CHAR.fullmatch(w) for w in words)


MIN_APART_CHARS = 5  # a run of Han, kana or Hangul characters sought again across punctuation has at least this many


def sought_apart(leaf: Node) -> bool:
    """Whether ``leaf`` is a run of Han, kana or Hangul characters (a word unquoted or a quoted
    phrase, sought by its shingles, :func:`by_shingles`) of :data:`MIN_APART_CHARS` characters or
    more, which a search that found nothing seeks again with punctuation or spaces allowed between
    its characters (``to_tantivy(..., apart=True)``): by the positions of its characters, side by
    side in a field's terms, where punctuation is no term. Chinese and Japanese are written
    without spaces, so such a run is a sentence pasted, and editions punctuate one sentence
    differently (classical Chinese often not at all): ``幅度低得多而人民生活`` found nothing where a
    report writes ``幅度低得多，而人民生活``. Its shingles never join two characters across
    punctuation (:func:`legation.search.analyzers.value_shingles`, as Lucene's CJKBigramFilter
    pairs characters within a run only), so that a word is not found across a comma; a shorter run
    is such a word (元比 is not in ``亿元，比上年``), and is never sought apart."""
    if not isinstance(leaf, Term | Phrase) or getattr(leaf, "prefix", False) or not by_shingles(leaf):
        return False
    words = analyzers.folded(leaf.text)
    return len(words) >= MIN_APART_CHARS and all(analyzers.OWN_WORD_CHAR.fullmatch(w) for w in words)


def _shingled(text: str, field: str | None, idx_schema: tantivy.Schema, within: Query | None = None, prefix: bool = False) -> Query:
    """The phrase ``text`` (of two words or more, :func:`by_shingles`) where it stands exactly, its
    words folded and unstemmed, in the
    search field ``field`` or in every default field at its boost: in each field's shingles
    (:func:`legation.search.schema.shingle_field`), a term for two words (``"secretary_of"``), a
    phrase of shingles for more (``"secretary_of" "of_state"``). ``within`` (see :func:`to_tantivy`)
    restricts the phrases of shingles, not the terms. ``prefix``: the phrase's last word is a
    beginning (``"Port Ar*"``: ``port_ar.*``, :func:`legation.search.analyzers.shingled_prefix_phrase`);
    sought in the stemmed words instead, it was a beginning of their stems, which a word may not
    begin: ``"Foreign Relati*"`` found 75 of 1,000,000 documents (relations is stemmed relat),
    ``"peace negotiat*"`` none, and a Turkish word before it typed without its letters was stemmed
    otherwise (``"Nemce ord*"``).

    Scored by BM25 over the shingles, a shingle being far rarer than its words. Finding a phrase by
    the positions of its words instead reads every document holding them all: ``"Secretary of
    State"`` at 1,000,000 documents, where "of" is in nearly all, 114 ms in the unstemmed words
    and as much again in the stemmed text."""
    pairs = analyzers.query_shingles(text)  # as the index made them: 다국 does not give the 다_국 of "캐나다 국빈"
    sought = [*map(re.escape, pairs[:-1]), re.escape(pairs[-1]) + ".*"] if prefix else pairs
    per_field = []
    for shingle_field, boost in schema.shingle_fields(field):
        if prefix:
            query = Query.regex_phrase_query(idx_schema, shingle_field, sought) if len(sought) > 1 else Query.regex_query(idx_schema, shingle_field, sought[0])
        else:
            query = _words_query(idx_schema, shingle_field, sought)
        per_field.append(_boosted(_in(query, within) if len(sought) > 1 else query, boost))
    return _should(per_field)  # type: ignore[return-value]


# -------------------------------------------------------------------------------------------------


def _boosted(query: Query, boost: float) -> Query:
    return query if boost == 1.0 else Query.boost_query(query, boost)


def _in(query: Query, within: Query | None) -> Query:
    """``query`` AND ``within`` (see :func:`to_tantivy`)."""
    return query if within is None else Query.boolean_query([(Occur.Must, query), (Occur.Must, within)])


def _words_query(idx_schema: tantivy.Schema, field: str, tokens: list[str]) -> Query:
    if len(tokens) == 1:
        return Query.term_query(idx_schema, field, tokens[0])
    return Query.phrase_query(idx_schema, field, tokens)


IDENTIFIER_BOOST = 20.0  # a document's own identifier, typed as a word: above any field's match of its words
MAX_IDENTIFIER_FORMS = 10  # identifiers differing from a typed one in case alone that it finds, at most


def identifiers_like(text: str, idx_schema: tantivy.Schema, searcher: tantivy.Searcher, pasted: bool = False) -> list[str]:
    """The identifiers of indexed documents that ``text`` may be typed for: itself when a document
    has it, else those equal to it but for case (``FRUS1949V07P1-D1`` → ``frus1949v07p1-d1``; up to
    :data:`MAX_IDENTIFIER_FORMS`, Unicode simple case folding, as the regular expressions of tantivy
    fold with ``(?i)``), ``[]`` when none. When ``text`` as typed finds none, the same for it
    :func:`unwrapped` of quotes and a sentence's punctuation (``'frus1949v07p1-d1'``,
    ``frus1949v07p1-d1.`` → ``frus1949v07p1-d1``). Only for text with a digit or joined by a
    hyphen, underscore, dot or colon (``case-a``, ``letter_a``: identifiers written without digits),
    or any text when ``pasted`` (read from a document's address, :class:`Pasted`), that
    :func:`~legation.records.document_record.is_identifier` allows: other words are never looked up."""
    if not (pasted or any(c.isdigit() for c in text) or _JOINED.search(text)):
        return []
    text = unicodedata.normalize("NFC", text)  # identifiers are stored composed: brief-mu\u0308ller-1 is brief-müller-1
    for candidate in dict.fromkeys((text, unwrapped(text))):  # as typed first: an identifier may end in "."
        if is_identifier(candidate) and (found := _identifiers_in_any_case(candidate, idx_schema, searcher)):
            return found
    return []


_JOINED = re.compile(r"\w[-_.:]+\w")  # words joined as identifiers join them: "case-a", "fo_371", "a.b"


def _identifiers_in_any_case(text: str, idx_schema: tantivy.Schema, searcher: tantivy.Searcher) -> list[str]:
    """``[text]`` when a document has that identifier, else those equal to it but for case (see
    :func:`identifiers_like`)."""
    if searcher.doc_freq(schema.KEY_FIELD, text):
        return [text]
    if text.lower() == text.upper():
        return []  # no letter with a case: nothing else to find ("1950")
    for regex in ("(?i)" + _regex_escape(text), _full_folding_regex(text)):
        if regex is None:
            continue
        found = searcher.search(Query.regex_query(idx_schema, schema.KEY_FIELD, regex), limit=MAX_IDENTIFIER_FORMS).hits
        if found:
            return sorted({str(searcher.doc(address).to_dict()[schema.KEY_FIELD][0]) for _, address in found})
    return []


BMP_END = 0x10000  # the Basic Multilingual Plane: every character whose case folding is several lies in it
MAX_FOLDED_SPANS = 4  # letters of a typed identifier that fold to several (ß: ss), at most, sought either way


@lru_cache(maxsize=1)
def _folding_to_several() -> dict[str, tuple[str, ...]]:
    """Each string that Unicode's full case folding makes of a single character folding to more
    than one (``"ss"`` ← ß, ẞ; ``"fi"`` ← ﬁ), with those characters."""
    made: dict[str, list[str]] = {}
    for code in range(BMP_END):  # none beyond folds to several (tests: 5 ms, where every code point took 150)
        if len(folded := chr(code).casefold()) > 1:
            made.setdefault(folded, []).append(chr(code))
    return {folded: tuple(chars) for folded, chars in made.items()}


def _full_folding_regex(text: str) -> str | None:
    """A regular expression of tantivy matching the identifiers whose full case folding
    (:func:`~legation.records.document_record.folded_identifier`, as the archive compares them:
    ``STRASSE-1`` is ``Straße-1``) is that of ``text``: ``(?i)`` folds one character to one (simple
    case folding), so a letter folding to several (ß, ss) is sought both ways. ``None`` when no
    such letter or its folding is in ``text``, or more than :data:`MAX_FOLDED_SPANS` (the expression
    doubles with each)."""
    folded = folded_identifier(text)
    several = _folding_to_several()
    starts: dict[int, list[str]] = {}
    for made in several:
        at = folded.find(made)
        while at >= 0:
            starts.setdefault(at, []).append(made)
            at = folded.find(made, at + 1)
    if not starts or sum(map(len, starts.values())) > MAX_FOLDED_SPANS:
        return None

    @lru_cache(maxsize=None)
    def rest(i: int) -> str:
        if i >= len(folded):
            return ""
        options = [_regex_escape(folded[i]) + rest(i + 1)]
        options += ["(?:" + "|".join(map(_regex_escape, several[made])) + ")" + rest(i + len(made)) for made in starts.get(i, ())]
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    return "(?i)" + rest(0)




def _regex_escape(text: str) -> str:
    """``text`` as a regular expression of tantivy (Rust's regex syntax) matching it literally."""
    return "".join("\\" + c if c in _REGEX_META else c for c in text)


_REGEX_META = frozenset("\\.+*?()|[]{}^$#&-~")  # those Rust's regex::escape escapes


def _identifier_query(text: str, idx_schema: tantivy.Schema, searcher: tantivy.Searcher, pasted: bool = False) -> Query | None:
    """The documents ``text`` identifies (:func:`identifiers_like`), boosted by :data:`IDENTIFIER_BOOST`."""
    found = identifiers_like(text, idx_schema, searcher, pasted)
    return _should([_boosted(Query.term_query(idx_schema, schema.KEY_FIELD, i), IDENTIFIER_BOOST) for i in found])


def _term(
    node: Term, idx_schema: tantivy.Schema, searcher: tantivy.Searcher, within: Query | None = None, highlighting: bool = False, apart: bool = False
) -> Query | None:
    """A word in its fields (the default fields unless ``node.field``); an unfielded word with a
    digit that could be an identifier (``frus1949v07p1-d1``, ``FRUS1949V07P1-D1``), or the identifier
    of a permalink (:class:`Pasted`), also finds the document it identifies, first
    (:data:`IDENTIFIER_BOOST`, :func:`identifiers_like`). ``apart``: as :func:`to_tantivy`."""
    per_field = []
    text = language_tag(node.text) or node.text if node.field == "language" else node.text  # language:iw finds "he"
    fields = _fields(node.field)
    hyphenless = {f: terms for f, terms, _ in _analyzed(node.text.replace("-", ""), fields)} if "-" in node.text else {}  # En-lai also finds Enlai
    if not highlighting and by_shingles(node) and not (apart and sought_apart(node)):
        analyzed = []
        per_field.append(_shingled(text, node.field, idx_schema, within))
    else:
        analyzed = _analyzed(text, fields)
    # a word typed without the letters its language's stemmer reads (dogu for doğu, stemmed "dok") stems otherwise
    # than the word as written, and the word as written than one a text wrote without them: sought in its
    # spellings, in the fields so analyzed (analyzers.stems_before_folding, analyzers.spellings_sought)
    plain = analyzers.folded(text)
    # joined, a hyphenated word is a word as typed: its stem does not find a person's surname it spells
    # ("co-operation" found Ambassador Cooper's telegrams, his name in their titles ranking them second and third)
    joined_forms = stem_forms_found(node.text.replace("-", ""), searcher) if hyphenless and not highlighting else None
    only_forms = Query.const_score_query(_should([Query.term_query(idx_schema, schema.VOCAB_FIELD, f) for f in joined_forms[1]]), 0.0) if joined_forms else None  # type: ignore[arg-type]
    for field, tokens, boost in analyzed:
        if not tokens:
            continue
        joined = hyphenless[field] if hyphenless and len(tokens) > 1 else []
        query = _words_query(idx_schema, field, tokens)
        if len(joined) == 1:
            one = Query.term_query(idx_schema, field, joined[0])
            query = _should([query, one if only_forms is None else Query.boolean_query([(Occur.Must, one), (Occur.Must, only_forms)])])
        if analyzers.stems_before_folding(schema.ANALYZER_OF[field]):
            others = [t for t in analyzers.spellings_sought(text, schema.ANALYZER_OF[field]) if t not in tokens]
            query = _should([query, *(Query.term_query(idx_schema, field, t) for t in others)])
        per_field.append(_boosted(_in(query, within) if len(tokens) > 1 else query, boost))  # type: ignore[arg-type]
    # the word's unstemmed terms: as the fields of names analyzed it already (the vocab field's analyzer)
    exact = (next((t for f, t, _ in analyzed if schema.ANALYZER_OF[f] == analyzers.FOLDED_NAME), None) or plain) if node.field is None and analyzed else []
    clauses = []
    if len(exact) == 1 and any(tokens != exact for _, tokens, _ in analyzed if tokens):
        # the word as typed, not only its stem: "cooperation" (stem "cooper") ranked the telegrams of
        # Ambassador Cooper, his name in their titles, above those that speak of cooperation
        # (a bonus only: the vocab field holds the words of fields not searched by default, place:Nanking)
        clauses.append((Occur.Should, Query.const_score_query(Query.term_query(idx_schema, schema.VOCAB_FIELD, exact[0]), EXACT_FORM_BONUS)))
    if not highlighting and len(exact) == 1 and (found := stem_forms_found(text, searcher)) is not None:
        # and only in the forms of its stem that are no person's surname: "cooperation" not in "Cooper"
        # (a filter: scoring nothing, so that the ranking among the documents kept is the stem's)
        clauses.append((Occur.Must, Query.const_score_query(_should([Query.term_query(idx_schema, schema.VOCAB_FIELD, f) for f in found[1]]), 0.0)))  # type: ignore[arg-type]
    if clauses:
        per_field = [Query.boolean_query([(Occur.Must, _should(per_field)), *clauses])]  # type: ignore[list-item]
    if node.field is None and (own := _identifier_query(text, idx_schema, searcher, isinstance(node, Pasted))) is not None:
        per_field.append(own)
    return _should(per_field)


def _prefix(
    node: Term, idx_schema: tantivy.Schema, searcher: tantivy.Searcher, within: Query | None = None, highlighting: bool = False
) -> Query | None:
    """A ``prefix*`` (:func:`_prefix_as_typed`); a hyphenated one also as the beginning of the word
    written joined, as the word typed whole finds it (:func:`_term`): ``co-operat*`` found 8 demo
    documents where ``co-operation`` finds 805, those writing "cooperation" among them."""
    as_typed = _prefix_as_typed(node, idx_schema, searcher, within, highlighting)
    joined = node.text.replace("-", "")
    if joined == node.text or len(analyzers.folded(node.text)) < 2 or len(analyzers.folded(joined)) != 1:
        return as_typed
    return _should([as_typed, _prefix_as_typed(dataclasses.replace(node, text=joined), idx_schema, searcher, within, highlighting)])


def _prefix_as_typed(
    node: Term, idx_schema: tantivy.Schema, searcher: tantivy.Searcher, within: Query | None = None, highlighting: bool = False
) -> Query | None:
    """A ``prefix*``: the words it begins, each sought as if typed; ending a phrase (``Port Ar*``),
    the phrase exact, by its shingles."""
    folded = analyzers.folded(node.text)
    if not folded:
        return None
    if len(folded) > 1 and highlighting:  # its words one by one, the last expanded: the snippets keep them where they stand together
        items = [_term(Term(w, node.field), idx_schema, searcher, highlighting=True) for w in folded[:-1]]
        return _should([q for q in [*items, _prefix(Term(folded[-1], node.field, prefix=True), idx_schema, searcher)] if q is not None])
    if analyzers.shingled_prefix_phrase(node.text) is not None:
        return _shingled(node.text, node.field, idx_schema, within, prefix=True)
    if len(folded) > 1:  # "国内生*": a phrase of characters each a word, its last word a prefix
        per_field = []
        for f, analyzer, b in _fields(node.field):
            *leading, last = analyzers.prefix_phrase(node.text, analyzer)
            # tantivy's phrase-prefix query expands its last word to 50 terms at most ("Ar*": "arab" …,
            # not yet "arthur"); as a regular expression, to as many as the field holds
            words = [*(re.escape(t) for t in leading), re.escape(last) + ".*"]
            per_field.append(_boosted(_in(Query.regex_phrase_query(idx_schema, f, words), within), b))
        return _should(per_field)  # type: ignore[arg-type]
    words = searcher.terms_with_prefix(schema.VOCAB_FIELD, folded[0], limit=MAX_PREFIX_EXPANSIONS)
    per_field = []
    held: Query | None = None  # the documents holding one of those words, as written (the vocabulary)
    named: dict[str, bool] = {}  # stems a surname has too, asked once for all the fields of a stemmer

    def a_surnames(stem: str) -> bool:
        if stem not in named:
            named[stem] = spells_a_surname(stem, searcher)
        return named[stem]

    for f, analyzer, b in _fields(node.field):  # each word it begins sought as if typed: "governmen*" also finds governing
        if not (stems := _begun_terms(folded[0], words, f, analyzer, searcher, node.field)):
            continue
        cut = [s for s in stems if not s.startswith(folded[0])]
        if not analyzers.stems_before_folding(analyzer):  # English: only a stem a surname has too ("cooperat*": cooper)
            cut = [s for s in cut if a_surnames(s)]
        leg = _should([Query.term_query(idx_schema, f, s) for s in stems if s not in cut])
        if cut:
            # a Turkish stem shorter than the prefix stands for many words ("ilim*": il, the stem of
            # ile; "Nemce*": ne, of neden), an English one a surname too (cooper: Cooper's telegrams,
            # which a word typed whole does not find, stem_forms_found): only where one of the words
            # the prefix begins is written
            held = held or Query.const_score_query(_should([Query.term_query(idx_schema, schema.VOCAB_FIELD, w) for w, _ in words]), 0.0)  # type: ignore[arg-type]
            shorter = Query.boolean_query([(Occur.Must, _should([Query.term_query(idx_schema, f, s) for s in cut])), (Occur.Must, held)])  # type: ignore[list-item]
            leg = _should([leg, shorter])
        per_field.append(_boosted(leg, b))  # type: ignore[arg-type]
    return _should(per_field) or Query.empty_query()  # type: ignore[arg-type]


def _begun_terms(
    prefix: str, words: list[tuple[str, int]], field: str, analyzer: str, searcher: tantivy.Searcher, named: str | None
) -> list[str]:
    """The terms of the index field ``field`` (analyzed by ``analyzer``) that the words beginning
    with ``prefix`` (folded) give: those of ``words``, the vocabulary's most frequent such words
    (``(word, documents)``, folded), each word's first term, stemmed shorter than the prefix as it
    may be (``governments``: govern, for ``governmen*``). In a field stemmed before folding, where
    a folded word's stem is not the text's (Turkish ``toplandi``; "toplandı" is stemmed ``topla``),
    the terms of each word's spellings (:func:`legation.search.analyzers.respellings`: ``toplan*``
    and ``kumandanı*`` found nothing), and the field's own terms beginning with the prefix; in a
    field ``named`` in the query, also its own (``place:Pr*``: Prague is no frequent word of the
    whole archive). The more documents a word is in, the earlier its terms; each once."""
    if analyzers.stems_before_folding(analyzer):
        spelt = (t for word, _ in words for t in analyzers.respellings(word, analyzer))
        return list(dict.fromkeys([*(t for t, _ in searcher.terms_with_prefix(field, prefix, limit=MAX_PREFIX_EXPANSIONS)), *spelt]))
    stems = (t for word, _ in words for t in _field_terms(word, analyzer)[:1])
    own = (t for t, _ in searcher.terms_with_prefix(field, prefix, limit=MAX_PREFIX_EXPANSIONS)) if named is not None else ()
    return list(dict.fromkeys([*stems, *own]))


def date_overlap_query(
    idx_schema: tantivy.Schema, start: dt.date | None, end: dt.date | None, *, within: bool = False
) -> Query:
    """Documents whose [earliest, latest] days overlap [start, end] or, with ``within``, lie
    wholly inside it (a document dated "1949" is within 1949 but not within 1949-12); undated
    ones never match. ``None`` leaves that end open (not both).

    A closed range of at most :data:`MOST_YEARS_SOUGHT` years is sought among the documents of
    its years (:func:`years_of`) before their days are compared: tantivy reads a range of a fast
    field by going through every document in it, so ``earliest ≤ end`` walked most of an archive
    for any recent range (1,000,000 documents, 1989–1990: 24.5 ms for 8,733 matches; 0.6 ms from
    the postings of its two years)."""
    earliest, latest = schema.DATE_FIELDS
    parts = []
    if start is not None and end is not None and end.year - start.year < MOST_YEARS_SOUGHT:
        parts.append(years_of(idx_schema, start.year, end.year))
    if end is not None:
        field = latest if within else earliest
        parts.append(Query.range_query(idx_schema, field, tantivy.FieldType.Integer, None, end.toordinal()))
    if start is not None:
        field = earliest if within else latest
        parts.append(Query.range_query(idx_schema, field, tantivy.FieldType.Integer, start.toordinal(), None))
    return parts[0] if len(parts) == 1 else Query.boolean_query([(Occur.Must, p) for p in parts])


MOST_YEARS_SOUGHT = 400  # years of a date range at most sought by their year facet values (date_overlap_query)


def years_of(idx_schema: tantivy.Schema, first: int, last: int) -> Query:
    """Every document whose date range touches a year from ``first`` to ``last``: those holding one
    of them in the year facet (every year of its range, :func:`legation.search.schema._years`) and
    those whose range spans more years than the facet lists (:data:`~legation.search.schema.WIDE_SPAN_FIELD`),
    found by their postings. A superset of those a date range in these years matches."""
    year = schema.FACETS_BY_NAME["year"]
    clauses = [Query.term_query(idx_schema, year.index_field, str(y)) for y in range(first, last + 1)]
    clauses.append(Query.range_query(idx_schema, schema.WIDE_SPAN_FIELD, tantivy.FieldType.Integer, schema.MAX_YEARS_PER_DOCUMENT, None))
    return Query.boolean_query([(Occur.Should, c) for c in clauses])


def page_overlap_query(idx_schema: tantivy.Schema, first: int | None, last: int | None) -> Query:
    """Documents printed on some page from ``first`` to ``last`` (``None`` leaves that end open,
    not both): their first page at most ``last`` and their last page at least ``first``
    (:data:`~legation.search.schema.PAGE_FIELDS`); a document without page numbers never matches."""
    low, high = schema.PAGE_FIELDS
    return Query.boolean_query(
        [
            (Occur.Must, Query.range_query(idx_schema, low, tantivy.FieldType.Integer, None, last if last is not None else MOST_PAGE)),
            (Occur.Must, Query.range_query(idx_schema, high, tantivy.FieldType.Integer, first if first is not None else 1, None)),
        ]
    )


def _excluding(query: Query) -> Query:
    return Query.boolean_query([(Occur.Must, Query.all_query()), (Occur.MustNot, query)])


def to_tantivy(
    node: Node | None,
    idx_schema: tantivy.Schema,
    searcher: tantivy.Searcher,
    within: Query | None = None,
    highlighting: bool = False,
    apart: bool = False,
) -> Query | None:
    """The tantivy query for a tree; ``None`` when it has nothing to search (match all).
    ``searcher`` expands ``prefix*`` to the index's words.

    ``within`` (the facet sample, :class:`legation.search.facets.Sample`) is ANDed with each
    phrase in each field (of three shingles or more, :func:`_shingled`; of stemmed words, for a
    word the analyzer makes several, ``Kim Il-sung``) rather than with the whole query: a
    phrase is a union over the fields, and tantivy fills a union's buffer from every document its
    parts match, checking the phrase's positions in each, before the intersection with the sample
    skips any (the facets of ``"Prime Minister"``, then a phrase of words in 12 fields, over a
    sample of its 205,842 matches at 1,000,000 documents: 66 ms, against 25 ms). Single words and
    shingles are not restricted: their unions are cheap, and 24 intersections cost more than one.
    Neither are the words under a NOT, nor a query without words (dates only): AND the result
    with ``within`` too.

    ``highlighting``: the query as snippets read it (tantivy's ``SnippetGenerator`` takes the
    terms a query seeks in a field), never run: phrases of several words as phrases of their
    words in each field, not of shingles, which no text field holds.

    ``apart``: each run of Han, kana or Hangul characters that :func:`sought_apart` allows is sought
    by the positions of its characters in each field, punctuation and spaces allowed between them,
    not by its shingles (the search asks it only of a query that found nothing)."""
    if node is None:
        return None
    if several_words(node) and analyzers.too_long(node.text):  # type: ignore[union-attr]
        return Query.empty_query()  # a phrase holding a word no document holds (parse says so)
    if isinstance(node, Term):
        query = _prefix(node, idx_schema, searcher, within, highlighting) if node.prefix else _term(node, idx_schema, searcher, within, highlighting, apart)
        if query is not None and node.field == COLLECTION_FIELD and not highlighting:
            # a collection named is where to look, no more relevant for being small: a volume's parts, or two
            # volumes, ORed, scored each by its rarity listed the smaller first, whatever the dates
            return Query.const_score_query(query, 1.0)
        return query
    if isinstance(node, Phrase):
        own = _identifier_query(node.text.strip(), idx_schema, searcher) if node.field is None else None
        if not highlighting and by_shingles(node) and not (apart and sought_apart(node)):
            return _should([_shingled(node.text, node.field, idx_schema, within), own])
        fields = _analyzed(node.text, _fields(node.field))
        per_field = [_boosted(_in(_spelt(idx_schema, f, tokens, node.text), within), b) for f, tokens, b in fields if tokens]
        if highlighting:  # a word of a field stemmed before folding in each spelling: "dogu kolu" marks "Doğu Kolu" (doğu: "dok")
            per_field += [
                Query.term_query(idx_schema, f, t)
                for f, tokens, _ in fields
                if tokens and analyzers.stems_before_folding(schema.ANALYZER_OF[f])
                for w in analyzers.folded(node.text)
                for t in analyzers.respellings(w, schema.ANALYZER_OF[f])
            ]
        phrase = _exact(_should(per_field), node.text, idx_schema)  # type: ignore[arg-type]
        return _should([phrase, own])  # "frus1949v07p1-d1" quoted finds its document as typed bare
    if isinstance(node, Range):
        # a filter scores nothing: tantivy's range query scored 1.0 a clause in a large segment and 0.0 in
        # a small one, so a document updated since (its own new segment) ranked last among its equals
        if isinstance(node, DateRange):
            return Query.const_score_query(date_overlap_query(idx_schema, node.start, node.end, within=node.within), 0.0)
        return Query.const_score_query(page_overlap_query(idx_schema, node.first, node.last), 0.0)  # type: ignore[attr-defined]
    if isinstance(node, Not):
        inner = to_tantivy(node.item, idx_schema, searcher)
        return None if inner is None else _excluding(inner)
    if isinstance(node, Or):
        return _should([to_tantivy(item, idx_schema, searcher, within, highlighting, apart) for item in node.items])
    clauses = []
    for item in node.items:
        if isinstance(item, Not):
            inner = to_tantivy(item.item, idx_schema, searcher)
            if inner is not None:
                clauses.append((Occur.MustNot, inner))
        elif (query := to_tantivy(item, idx_schema, searcher, within, highlighting, apart)) is not None:
            clauses.append((Occur.Must, query))
    if not clauses:
        return None
    if all(occur == Occur.MustNot for occur, _ in clauses):
        clauses.insert(0, (Occur.Must, Query.all_query()))
    return clauses[0][1] if len(clauses) == 1 else Query.boolean_query(clauses)
