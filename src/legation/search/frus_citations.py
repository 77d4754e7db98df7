"""Citations of the printed and online FRUS edition pasted into the search box, read as what they cite.

Historians meet a document first in a footnote: ``Foreign Relations, 1964–1968, volume XXIX, part
1, Korea, Document 110``, or ``FRUS, 1955–1957, vol. II, doc. 117``. Searched as words, such a
citation found every document holding "foreign", "relations", "volume" or "1955" (4,915 of the demo's,
the cited one nowhere near the top). :func:`read_citations` finds each citation in a query and gives
the query with it replaced by the identifier of the document it cites in the public edition
(``frus1964-68v29p1-d110``: the volume's key as history.state.gov writes it, ``-d`` and the
document's number, the identifiers the FRUS reader gives), which search then finds first or says the
archive lacks; a citation of pages by the documents of the volume printed on them
(``collection:frus1949v07 page:1235..1237``: the FRUS reader keeps each document's pages; a
volume held only as parts is searched in its parts, whose pages run on), and of a volume alone
by its documents (``collection:frus1961-63v14``). Older volumes are cited by pages only: their
documents were numbered for the online edition.

The forms read are those of the FRUS editors' own cross-references in the volumes' footnotes
(checked against the documents they link: ``tests/search/test_search_frus_citations.py``) and of
the usual footnote styles, in any case:

- the series: ``Foreign Relations of the United States``, ``Foreign Relations`` or ``FRUS``;
- the volume's years, right after it: ``1949``, ``1955–1957``, ``1955-57`` (a hyphen or any dash);
- then, comma-separated, in this order or another: ``volume``/``vol.``/``v.`` and a Roman or Arabic number
  (``Volume E–13``, an electronic-only volume: ``ve13``); ``part``/``pt.`` and a number (``(part 2)``,
  ``VII/2``; ``part 2: 1085``, its pages after a colon); the
  volume's title (``Korea``, ``Soviet Union, January 1969–October 1970``: read past); and last
  ``Document``/``Documents``/``doc.``/``docs.``/``No.``/``d.`` and numbers (``Documents 11 and 12``,
  ``docs. 5–7``, at most :data:`MOST_DOCUMENTS`), or pages (``p.``, ``pp.``, ``page(s)``: ``p. 623``,
  ``pp. 1099–1102``, ``pp. 1474–76``, ``pp. 1,099–1,101``, ``pp. 76 ff.``: page 76 and after, read as
  page 76; ``p. 290n3``, ``p. 290, footnote 3``: a note of the page); or, instead of ``vol.`` and
  pages, a volume's number and pages joined by a colon, as notes cite a multivolume work
  (``FRUS, 1955–1957, 2:290``, ``II:289–91``).

A citation names a volume (its number), or it is left as typed. A citation inside a quoted phrase
is read only when it is the whole phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field

from legation.ingest.dates import roman_value
from legation.records.document_record import PAGE_NUMBER  # 290, 1,099: the one rule for a page's number as written
from legation.printable import DASHES, in_words, number_range, number_runs, shortened

_QUOTED_CHARS = 200  # of a citation, the most a notice quotes
_LISTED = 3  # identifiers a notice lists; of more it names the numbers and the volume
MOST_DOCUMENTS = 100  # documents a citation may name (Documents 137–191: 55); of a longer list or range, its first ones

_SERIES = re.compile(  # or "ibid." followed by other years, standing for the series a footnote named before
    r"(?<![\w:])(?:foreign\s+relations(?:\s+of\s+the\s+united\s+states)?|frus|ibid(?=\.?[\s,]*1[789]\d\d))\b[\s,.:]*", re.I
)
_YEARS = re.compile(rf"(1[789]\d\d)(?:\s*[{DASHES}]\s*(\d{{4}}|\d{{2}}))?\b")
_SEPARATOR = re.compile(r"\s*(?:[,;:]|\.,?)?\s*")  # "vol. v. p. 750", "Vol. II., p. 290": a Roman numeral's period too
_VOLUME = re.compile(
    rf"(?:vol(?:ume)?s?[.,]?\s*(?:([ivxlc]+)|(\d{{1,3}})|e\s*[{DASHES}]?\s*(\d{{1,2}}))|v\.?\s*(?:()(\d{{1,3}})|e\s*[{DASHES}]?\s*(\d{{1,2}})))\b", re.I
)  # "v" alone, the edition's shorthand (v30, v. 30, ve13), takes no Roman numeral: VII is not "v" and II
_ROMAN_VOLUME = re.compile(r"(?-i:([IVXLC]+))\b(?![.:]?\s*[-\u2013]?\d)")  # a volume's number alone, in capitals: "FRUS, 1955–1957, VII, Document 117"
# "part 2", "pt. 2", "(part 2)", and the slash of "VII/2"
_PART = re.compile(r"(?:\(\s*(?:part|pt)\.?\s*([ivx]+|\d{1,2})\s*\)|(?:part|pt)\.?\s*([ivx]+|\d{1,2})\b|/\s*(\d{1,2})\b)", re.I)
_NUMBERS = rf"(\d{{1,4}}(?:\s*(?:,\s*and|,|and|&|[{DASHES}])\s*\d{{1,4}})*)(?=$|[\s.,;:)\]}}\"'])"  # ends as a citation may: "117-", "117/pdf", "10000" are no numbers of a list (a lone one after "doc.": _DOCUMENTS)
# "d. 25", "d25": the edition's own shorthand; after the word itself (or that) a number of up to 40 digits alone is the
# document's, one no volume holds too ("doc. 99999", "d99999999999999999999" were read as its volume, all 324
# documents, where "doc. 9999" said the archive does not hold it); a range to such a number is none ("docs. 1-10000")
_DOCUMENTS = re.compile(rf"(?:documents?|docs?\.?|nos?\.|d\.?)\s*{_NUMBERS}|(?:documents?|docs?\.?|d\.?)\s*(\d{{5,40}})(?=$|[\s.,;:)\]}}\"'])", re.I)
# Pages: "p. 1,099" (a thousands separator, without a space: "pp. 290, 300" are two pages), "pp. 1099 to
# 1101"; "pp. 76 ff.", "et seq." (and the pages after: read as 76), a note of the page ("p. 290n3", "p. 290,
# footnote 3", "(footnote 3)", "nn. 3–4"), "passim": read with the pages, not as words the document must hold
_PAGE_NUMBERS = rf"({PAGE_NUMBER}(?:\s*(?:,\s*and|,|and|&|to|[{DASHES}])\s*{PAGE_NUMBER})*)(?=$|[\s.,;:)\]}}\"']|nn?(?:\d|\b)|f{{1,2}}\b)"
_PAGE_AFTER = (
    r"(?:\s*ff?\.|\s+ff?\b|ff?\b\.?|\s+et\s+seq\.?|\s+sqq?\.?)?"  # and the pages after
    rf"(?:nn?\d*(?:[{DASHES}]\d+)?\b|\s*,?\s*\(?(?:footnotes?|fn\.?|notes?|nn?\.)\s*\d+(?:\s*[{DASHES}]\s*\d+)?\)?)?"  # a note of the page
    r"(?:\s*,?\s*passim\b)?"
)
_PAGES_CITED = rf"(?:pages?|pp?\.?)\s*{_PAGE_NUMBERS}{_PAGE_AFTER}"
_PAGES = re.compile(_PAGES_CITED, re.I)
# A volume's number and pages joined by a colon, as notes cite a multivolume work: "FRUS, 1955–1957, 2:290"
_VOLUME_PAGES = re.compile(rf"(?:([ivxlc]+)|(\d{{1,2}}))\s*:\s*{_PAGE_NUMBERS}{_PAGE_AFTER}", re.I)
_COLON_PAGES = re.compile(rf"\s*:\s*{_PAGE_NUMBERS}{_PAGE_AFTER}", re.I)  # the pages after a part and a colon
# The place, publisher and year of a note's full form, "(Washington, DC: GPO, 1986)", read past; the bare
# numbers after it are pages: "…, vol. 2, China (Washington, DC: GPO, 1986), 290–91"
_PUBLICATION = re.compile(r"\([^()]{1,120}\)")
_BARE_PAGES = re.compile(rf"{_PAGE_NUMBERS}{_PAGE_AFTER}", re.I)
_MORE_PAGES = re.compile(rf"\s*,?\s*(?:and\s+)?{_PAGES_CITED}", re.I)  # "p. 3 and pp. 28 ff."
_TITLE = re.compile(  # a volume's title, or a part of it: up to the next comma, or to the documents or pages cited ("especially Documents 5–7")
    r"[^\W_](?:(?!\b(?:documents?|docs?\.?|nos?\.|d\.?|pages?|pp?\.)\s*\d)[^,;\"(]){0,80}?(?=\s*[,;(]|\s+(?:documents?|docs?\.?|nos?\.|d\.?|pages?|pp?\.)\s*\d|$)", re.I
)
_TITLE_PARTS = 4  # the most comma-separated parts of a volume's title read past (Foreign Assistance, International Development, Trade Policies, 1969–1972)
_CONTINUED = re.compile(r"[\s,;.]*(?:and\s+|see\s+(?:also\s+)?)?(?:(ibid|idem)\.?[\s,]*)?", re.I)  # ". Ibid., p. 300" too
# how a footnote leads into a citation, read with it, not as words the document must hold ("See Foreign
# Relations, …" found only those of the documents cited that hold "see")
_LEAD_IN = re.compile(r"(?<![\w-])(?:see(?:\s+also)?|cf\.?|compare|(?:printed|quoted|extracts?\s+(?:are\s+)?printed)(?:\s+in\s+part)?\s+in|also\s+in)\s*[,:]?\s*$", re.I)
_NUMBER_IN_LIST = re.compile(rf"(\d+)(?:\s*(?:[{DASHES}]|to)\s*(\d+))?")
_PAGE_IN_LIST = re.compile(rf"({PAGE_NUMBER})(?:\s*(?:[{DASHES}]|to)\s*({PAGE_NUMBER}))?")


@dataclass(frozen=True)
class Citation:
    """A FRUS citation found in a query: ``start``/``end``, where it stands (characters);
    ``volume``, the volume's key in the public edition (``frus1964-68v29p1``); ``documents``, the
    numbers of the documents cited (``(110,)``, empty when it cites pages or the volume alone);
    ``pages``, the pages cited, each run as its first and last (``((1099, 1102),)``), empty when
    it cites documents or the volume alone."""

    start: int
    end: int
    volume: str
    documents: tuple[int, ...] = ()
    pages: tuple[tuple[int, int], ...] = ()
    named: tuple[int, int | None, bool] = dataclass_field(default=(0, None, False), compare=False)  # (number, part, electronic), for ibid.
    continues: bool = False  # it follows another citation, leaving out the series and years (…, and vol. III, Document 5)
    more: bool = False  # it names more documents than MOST_DOCUMENTS, the first of which it searches
    lead: int = 0  # characters of a footnote's lead-in before it ("See ", "printed in "), read with it

    @property
    def identifiers(self) -> tuple[str, ...]:
        """The identifiers of the documents cited: ``("frus1964-68v29p1-d110",)``."""
        return tuple(f"{self.volume}-d{n}" for n in self.documents)

    def page_runs(self, joiner: str) -> list[str]:
        """The pages cited, each run as its page or its first and last page joined by ``joiner``:
        ``["289", "300..302"]`` for ``page:``, with an en dash for a notice."""
        return [str(low) if low == high else f"{low}{joiner}{high}" for low, high in self.pages]

    def searched(self) -> str:
        """What the query searches instead of the citation: the identifier cited, several joined
        by ``OR`` in parentheses, else the volume's documents (``collection:<volume>``), those
        printed on the pages cited (``collection:<volume> page:1099..1102``)."""
        ids = self.identifiers
        if self.pages:
            ranges = self.page_runs("..")
            return f"collection:{self.volume} page:" + (ranges[0] if len(ranges) == 1 else "(" + " OR ".join(ranges) + ")")
        if not ids:
            return f"collection:{self.volume}"
        return ids[0] if len(ids) == 1 else "(" + " OR ".join(ids) + ")"

    def notice(self, q: str) -> str:
        """The sentence telling the user how the citation in ``q`` was read."""
        text = q[self.start + self.lead : self.end].strip('" ')
        cited = f"The FRUS citation \u201c{shortened(text, _QUOTED_CHARS)}\u201d was read as "
        ids = self.identifiers
        if self.more:
            return cited + (
                f"the first {len(ids)} documents it names, {_runs(self.documents)} of the volume {self.volume}: cite the others "
                f"in a search of their own (at most {MOST_DOCUMENTS} a citation)."
            )
        if len(ids) > _LISTED:
            return cited + f"the {len(ids)} documents {_runs(self.documents)} of the volume {self.volume} ({ids[0]} and on)."
        if ids:
            return cited + (f"the document {ids[0]}." if len(ids) == 1 else f"the documents {in_words(ids)}.")
        if self.pages:
            runs = self.page_runs("\u2013")
            pages = f"page {runs[0]}" if runs == [str(self.pages[0][0])] else f"pages {in_words(runs)}"
            return cited + f"the documents of the volume {self.volume} printed on {pages}, {self.searched()}."
        return cited + f"the volume {self.volume}'s documents, collection:{self.volume}."


def find_citations(q: str) -> list[Citation]:
    """Every FRUS citation in the query ``q`` (see the module's docstring), in order; ``[]`` when
    there is none (a query without "relations" or "frus" is answered by one look). A citation
    followed by another of the same years without the series (``…, Document 8, and vol. XVIII,
    Documents 352 and 355``) or by ``ibid.`` (``…; see ibid., Documents 30 and 31``, the volume
    before) gives one citation each."""
    low = q.lower()
    if "frus" not in low and "relations" not in low and "ibid" not in low:
        return []
    found: list[Citation] = []
    pos = 0
    while (series := _SERIES.search(q, pos)) is not None:
        years = _YEARS.match(q, series.end())
        read = _years(years) if years is not None else None
        if read is None:
            pos = series.end()
            continue
        lead = _LEAD_IN.search(q, max(0, series.start() - 40), series.start())
        citation = _cited(q, lead.start() if lead else series.start(), years.end(), read, lead=series.start() - lead.start() if lead else 0)  # type: ignore[union-attr]
        pos = years.end()  # type: ignore[union-attr]
        while citation is not None:
            quoted = _quoted_whole(q, citation)
            if quoted is not None:
                found.append(quoted if quoted is not True else citation)
            pos = citation.end
            citation = _continued(q, citation, read)
    return _with_ibid_after_words(q, found) if found and "ibid" in low else found


_IBID = re.compile(r"(?<!\w)ibid\.?[\s,]*", re.I)
_VOLUME_YEARS = re.compile(r"frus(\d{4}(?:-\d{2})?)v")


def _with_ibid_after_words(q: str, found: list[Citation]) -> list[Citation]:
    """``found`` with the citations ``ibid.`` makes after other words than a citation's (``…, see also
    the President's memorandum of April 5, 1955, to Dulles, ibid., pp. 444–449``): of the volume the
    citation before it names, when it cites documents or pages, in order."""
    more = []
    for ibid in _IBID.finditer(q):
        if any(c.start <= ibid.start() < c.end for c in found):
            continue  # read with a citation already ("; see ibid., Documents 30 and 31")
        before = [c for c in found if c.end <= ibid.start()]
        if not before or (years := _VOLUME_YEARS.match(before[-1].volume)) is None:
            continue
        citation = _cited(q, ibid.start(), ibid.end(), years.group(1), before[-1].named)
        if citation is not None and (citation.documents or citation.pages):
            more.append(citation)
    return sorted([*found, *more], key=lambda c: c.start) if more else found


def read_citations(q: str) -> tuple[str, list[str]]:
    """``q`` with each FRUS citation in it replaced by what it is searched as
    (:meth:`Citation.searched`), spaced from what stands beside it, and a notice for each
    (:meth:`Citation.notice`); ``(q, [])`` when it holds none. Citations one after another, with
    nothing but punctuation, ``and``, ``or``, ``see``, ``see also`` or ``cf.`` between them (a
    footnote citing two volumes, or a volume and ``ibid.``), are alternatives: their documents are
    found, any of them (:func:`read`).
    ``read_citations("Foreign Relations, 1955–1957, vol. II, Document 117")`` →
    ``("frus1955-57v02-d117", ["The FRUS citation … was read as the document frus1955-57v02-d117."])``."""
    read_q, notices, _, _ = read(q)
    return read_q, notices


def read(q: str) -> tuple[str, list[str], list[str], list[Citation]]:
    """:func:`read_citations`, the texts the citations were replaced by, as they stand in the query
    returned (``["(collection:frus1955-57v02 page:290 OR collection:frus1955-57v03 page:10)"]``:
    what a query that cannot be read as search syntax keeps of them, :func:`legation.search.query.parse`),
    and the citations (:func:`find_citations`)."""
    citations = find_citations(q)
    if not citations:
        return q, [], [], []
    groups: list[list[Citation]] = []  # a citation and those continuing it (…, and vol. III, Document 5)
    for citation in citations:
        if citation.continues and groups:
            groups[-1].append(citation)
        else:
            groups.append([citation])
    chains: list[list[Citation]] = []  # groups with nothing but connectors between them: one alternative each
    for group in groups:
        if chains and _CONNECTORS.fullmatch(q, chains[-1][-1].end, group[0].start):
            chains[-1].extend(group)
        else:
            chains.append(list(group))
    q = _unbracketed(q, chains)
    out, parts, last = [], [], 0
    for chain in chains:
        searched = [c.searched() for c in chain]
        part = searched[0] if len(searched) == 1 else "(" + " OR ".join(searched) + ")"  # OR binds looser than a citation's AND
        if " " in part and not part.startswith("(") and (_NEGATED.search(q, 0, chain[0].start) or q[: chain[0].start].strip() or q[chain[-1].end :].strip(" .,;:")):
            # one node of the query: -"…, vol. II, p. 290" excludes the pages cited, not the volume alone (and then asks for
            # page 290), and the words pasted around it are told from it (query.most_words_query's cited)
            part = f"({part})"
        # no space needed around it: a citation starts after no letter, digit or colon and ends at a number's end
        out += [q[last : chain[0].start], part]
        parts.append(part)
        last = chain[-1].end
    rest = q[last:]
    # "doc. 117: Telegram From …" is no field frus…-d117:, "p. 290">" no page 290">
    out.append(" " + rest[1:] if rest.startswith(":") else rest if not rest or rest[0].isspace() or rest[0] in ".,;)" else " " + rest)
    return "".join(out), list(dict.fromkeys(c.notice(q) for c in citations)), parts, citations  # a citation pasted twice is said once


_NEGATED = re.compile(r"(?:^|[\s(])(?:-|NOT\s+)\Z")  # a citation after a minus or NOT: excluded whole


def _unbracketed(q: str, chains: list[list[Citation]]) -> str:
    """``q`` with the square brackets or braces around each chain of citations (``[See FRUS, …,
    p. 290.]``, as an editor's note is printed) made spaces: left there, ``[`` and ``]`` stuck to what
    the citation is searched as (``[collection:…``, ``page:290]``), which the query language reads as
    no field and no page; so is a closing bracket after a chain that closes none opened before it
    (the end of a note pasted without its start). Same length as ``q``."""
    chars = list(q)
    for chain in chains:
        before = len(q[: chain[0].start].rstrip())
        after = chain[-1].end + len(q[chain[-1].end :]) - len(q[chain[-1].end :].lstrip(" .,;:"))
        if before and q[before - 1] in "[{" and after < len(q) and q[after] in "]}":
            chars[before - 1] = chars[after] = " "
        elif after < len(q) and q[after] in "]})" and _unopened(q[: chain[0].start], q[after]):
            chars[after] = " "  # "…, pp. 365–367.]": the end of a note whose opening bracket was not pasted
    return "".join(chars)


def _unopened(before: str, closing: str) -> bool:
    """Whether ``closing`` (``]``, ``}`` or ``)``) closes no bracket opened in ``before``."""
    opening = {"]": "[", "}": "{", ")": "("}[closing]
    return before.count(opening) <= before.count(closing)


# What may stand between two citations read as alternatives: punctuation, "and", "or", "see (also)", "cf."
_CONNECTORS = re.compile(r"[\s,;.]*(?:(?:and|or|see|also|cf)\b[\s,;.]*)*", re.I)


def _years(match: re.Match[str]) -> str | None:
    """The years of a volume's key as a match of :data:`_YEARS` reads them (``1955–1957`` →
    ``1955-57``), ``None`` when no volume is keyed so (``1957–1955``, ``1999–2001``)."""
    first, last = match.group(1), match.group(2)
    if last is None:
        return first
    if len(last) == 4 and last[:2] != first[:2] or int(last[-2:]) <= int(first[2:]):
        return None
    return f"{first}-{last[-2:]}"


def _cited(q: str, start: int, pos: int, years: str, volume: tuple[int, int | None, bool] | None = None, lead: int = 0) -> Citation | None:
    """The citation starting at ``q[start]`` (after a lead-in of ``lead`` characters, ``See``)
    whose parts after the years begin at ``q[pos]``; ``volume``: (number, part, electronic) of the
    volume cited before, for ``ibid.``. ``None`` when no volume is named."""
    number = part = None
    electronic = False
    documents: tuple[int, ...] = ()
    pages: tuple[tuple[int, int], ...] = ()
    more = False
    titles = 0
    published = False  # the publication's place and year were read: a bare number after them is a page
    end = pos
    while True:
        at = _SEPARATOR.match(q, pos).end()  # type: ignore[union-attr]
        sentence = "." in q[pos:at] and q[at - 1 : at].isspace()  # a full stop and a space: a title after it is another sentence's
        if sentence and q[at : at + 1].isupper() and number is not None:
            break  # "vol. II. Document 5 was not printed.": a new sentence, not the documents cited (a citation goes on after commas)
        if number is None and (m := _VOLUME_PAGES.match(q, at)):
            number, pages = roman_value(m.group(1)) if m.group(1) else int(m.group(2)), tuple(_ranges(m.group(3), pages=True))
        elif number is None and (m := _VOLUME.match(q, at)):
            roman, arabic, electronic_number = m.group(1), m.group(2) or m.group(5), m.group(3) or m.group(6)
            number = roman_value(roman) if roman else int(arabic or electronic_number)
            electronic = electronic_number is not None
        elif number is None and (m := _ROMAN_VOLUME.match(q, at)) and roman_value(m.group(1)):
            number = roman_value(m.group(1))
        elif part is None and (m := _PART.match(q, at)):
            written = m.group(1) or m.group(2) or m.group(3)
            part = roman_value(written) if not written.isdigit() else int(written)
            if (colon := _COLON_PAGES.match(q, m.end())) is not None:  # "part 2: 1085", as "2:290" gives a volume's pages
                pages, m = tuple(_ranges(colon.group(1), pages=True)), colon
        elif m := _DOCUMENTS.match(q, at):
            documents, more = _numbers(m.group(1) or m.group(2))
        elif m := _PAGES.match(q, at):
            pages = tuple(_ranges(m.group(1), pages=True))
            while more_pages := _MORE_PAGES.match(q, m.end()):
                pages, m = pages + tuple(_ranges(more_pages.group(1), pages=True)), more_pages
        elif published and not pages and (m := _BARE_PAGES.match(q, at)):
            pages = tuple(_ranges(m.group(1), pages=True))
        elif not published and (m := _PUBLICATION.match(q, at)):
            published = True
            pos = m.end()
            continue  # read past, as a title is
        elif titles < _TITLE_PARTS and not sentence and (m := _TITLE.match(q, at)) and m.end() > at:
            titles += 1
            pos = m.end()
            continue  # read past: the citation ends at the last part it names
        else:
            break
        pos = end = m.end()
        if documents or pages:
            break
    if number is None and volume is not None and (documents or pages):
        number, part, electronic = volume
    if not number:
        return None
    key = f"frus{years}v{'e' if electronic else ''}{number:02d}{f'p{part}' if part else ''}"
    return Citation(start, end, key, documents, pages, (number, part, electronic), more=more, lead=lead)


def _continued(q: str, before: Citation, years: str) -> Citation | None:
    """The citation right after ``before`` that leaves out the series and years (``, and vol.
    XVIII, Documents 352 and 355``) or names ``ibid.`` (``; see ibid., Documents 30 and 31``;
    ``and ibid., 1946, vol. vii, pp. 744``, a volume of other years), if it cites documents or
    pages; or that leaves out the series alone, naming other years and a volume (``; 1958–1960,
    volume XIX``), which may stand alone."""
    m = _CONTINUED.match(q, before.end)
    if m is None:
        return None
    if m.group(1) is None and (other := _YEARS.match(q, m.end())) and (read := _years(other)) and _VOLUME.match(q, _SEPARATOR.match(q, other.end()).end()):  # type: ignore[union-attr]
        # "…, volume III; 1958–1960, volume XIX; and 1961–1963, volume XXII": the series of other years, a volume named
        citation = _cited(q, m.end(), other.end(), read)
        return replace(citation, continues=True) if citation is not None else None
    if m.group(1) is not None and (other := _YEARS.match(q, m.end())) and (read := _years(other)) and read != years:
        citation = _cited(q, m.start(1), other.end(), read)  # its own volume, of its own years
    elif m.group(1) is None and not _VOLUME.match(q, m.end()):
        return None  # only ibid. may leave out the volume
    else:
        citation = _cited(q, m.start(1) if m.group(1) else m.end(), m.end(), years, before.named)
    if citation is None or not (citation.documents or citation.pages):
        return None  # "vols. VII, VIII": no document or page cited in one of them
    return replace(citation, continues=True)


def _runs(numbers: tuple[int, ...]) -> str:
    """Document ``numbers`` as a citation lists them: ``(11, 12, 13, 20)`` → ``11–13 and 20``."""
    named = number_runs(numbers)
    return in_words(named)


def _ranges(listed: str, pages: bool = False) -> Iterator[tuple[int, int]]:
    """The runs of numbers of a list as cited, each as its first and last (``11 and 12`` → (11, 11),
    (12, 12); ``5–7`` or ``5 to 7`` → (5, 7); ``124-26`` → (124, 126), as ranges are abridged;
    ``12-10`` → (10, 12)), in order; of ``pages`` none that holds a 0, and ``1,099`` is one number. A
    document 0 is kept: a number no volume's document has, which the search then says it does not hold
    (read as no number, "Document 0" searched the whole volume cited)."""
    for m in (_PAGE_IN_LIST if pages else _NUMBER_IN_LIST).finditer(listed):
        first, last = m.group(1).replace(",", ""), (m.group(2) or m.group(1)).replace(",", "")  # 1,099: a thousands separator
        low, high = number_range(first, last)  # 124-26: 124 to 126
        if (low and high) or not pages:
            yield min(low, high), max(low, high)


def _numbers(listed: str) -> tuple[tuple[int, ...], bool]:
    """The document numbers of a list as cited (:func:`_ranges`), in order, at most
    :data:`MOST_DOCUMENTS`, and whether the list named more."""
    numbers: list[int] = []
    for low, high in _ranges(listed):
        numbers += range(low, min(high, low + MOST_DOCUMENTS) + 1)
    distinct = tuple(dict.fromkeys(numbers))
    return distinct[:MOST_DOCUMENTS], len(distinct) > MOST_DOCUMENTS


def _quoted_whole(q: str, citation: Citation) -> Citation | bool | None:
    """``True`` when ``citation`` stands outside quotes; inside a quoted phrase, the citation
    widened to the phrase's quotes when it is the whole phrase (but for punctuation), else ``None``
    (the phrase is searched as typed)."""
    if q.count('"', 0, citation.start) % 2 == 0:
        return True
    opened = q.rfind('"', 0, citation.start)
    closed = q.find('"', citation.end)
    if q[opened + 1 : citation.start].strip() or closed < 0 or q[citation.end : closed].strip(" .,;:"):
        return None
    return replace(citation, start=opened, end=closed + 1, lead=citation.start + citation.lead - opened - 1)
