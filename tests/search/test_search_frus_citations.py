"""FRUS citations pasted into the search box (legation.search.frus_citations): read as the documents
they cite, checked against the FRUS editors' own cross-references in the demo volumes, whose
footnotes cite other volumes and link the document cited (``<ref target="frus…#d110">``)."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from legation.ingest.xml import parse_xml
from legation.search.frus_citations import find_citations, read_citations
from legation.ingest.readers.tei_frus import read_frus_volume
from legation.records.document_record import page_numbers
from legation.search.query import And, PageRange, Term, parse
from legation.search.service import SearchRequest, search
from tests.conftest import REPO

TEI = "{http://www.tei-c.org/ns/1.0}"
DEMO = REPO / "data" / "demo" / "frus"


def _cross_references() -> list[tuple[str, str]]:
    """(citation, identifier linked) of every footnote of the demo volumes citing a document of the
    FRUS edition by name: the footnote's text from its last "Foreign Relations" before the link up to
    the link's text (``Foreign Relations, 1964–1968, volume XXIX, part 1, Korea, Document 110``)."""
    found = []
    for path in sorted(DEMO.glob("*.xml.gz")):
        for ref in parse_xml(path).iter(f"{TEI}ref"):
            target = re.fullmatch(r"(frus[\w-]+)#(d\d+)", ref.get("target", ""))
            if target is None:
                continue
            text = " ".join("".join(ref.getparent().itertext()).split())
            linked = " ".join("".join(ref.itertext()).split())
            at = text.find(linked)
            start = text.rfind("Foreign Relations", 0, at)
            if start >= 0 and at - start < 200:
                found.append((text[start : at + len(linked)], f"{target.group(1)}-{target.group(2)}"))
    return found


def _page_references() -> list[tuple[str, str, int]]:
    """(citation, volume linked, page linked) of every footnote of the demo volumes citing a volume
    of the FRUS edition by pages (``<ref target="frus1948v06#pg_552">552</ref>``): the footnote's
    text from its last "Foreign Relations" before the link's end up to that end, at most 250
    characters."""
    found = []
    for path in sorted(DEMO.glob("*.xml.gz")):
        own = path.name.removesuffix(".xml.gz")
        for note in parse_xml(path).iter(f"{TEI}note"):
            text, ends = "", []
            for event, element in etree.iterwalk(note, events=("start", "end")):
                if event == "start":
                    text += element.text or ""
                    continue
                if element.tag == f"{TEI}ref" and (target := re.fullmatch(r"(frus[\w-]+)?#pg_(\d+)", element.get("target", ""))):
                    ends.append((len(text), target.group(1) or own, int(target.group(2))))
                if element is not note:
                    text += element.tail or ""
            for end, volume, page in ends:
                start = max(text.rfind("Foreign Relations", 0, end), text.rfind("FRUS", 0, end))
                if start >= 0 and end - start <= 250:
                    found.append((" ".join(text[start:end].split()), volume, page))
    return found


# Page citations whose link names another volume or page than their text, by the volume and page linked
MISREAD_PAGES = {
    ("frus1946v06", 370),  # "1946, vol. viii, pp. 369 and 370" links volume VI
    ("frus1948v06", 857),  # "1947, vol. vi, p. 857" links the volume of 1948
    ("frus1955-57v02", 601),  # "1955-1957, vol. III, p. 601" links volume II
    ("frus1951v02", 209),  # "… see vol. ii, pp. 209", a sentence after "1950, vol. vi": links 1951
    ("frus1949v07p1", 215),  # "UN SC, 3d yr., Supplement (Dec.), p. 215": another publication's page, linked to this volume
    ("frus1951v07p1", 97),  # "Foreign Relations Committees, …, p. 97": the Senate's committees, no citation of the series
}


def test_the_editors_page_references_are_read_as_the_pages_they_link() -> None:
    """The volumes of the 1940s are cited by pages only (their documents were numbered for the online
    edition): each such citation is read as the volume and pages its footnote links, but for those
    naming a volume by its title alone (the wartime conferences: ``frus1943CairoTehran``) and those
    whose link contradicts the text."""
    references = _page_references()
    assert len(references) == 104
    misread = [(citation, volume, page) for citation, volume, page in references if not any(
        c.volume == volume and any(low <= page <= high for low, high in c.pages) for c in find_citations(citation)
    )]
    by_title = [m for m in misread if not re.fullmatch(r"frus\d{4}(-\d\d)?v\d\d(p\d)?", m[1])]
    assert len(misread) - len(by_title) == len(MISREAD_PAGES) and {(v, p) for _, v, p in misread if (_, v, p) not in by_title} == MISREAD_PAGES
    assert len(references) - len(misread) == 93


# What the editors' links name otherwise than their text, and a volume known only by its title
MISREAD = {
    # the link on "215-217, and 248" goes to Document 218
    ("Foreign Relations, 1964–1968, vol. II, Documents 210, 211, 215-217, and 248", "frus1964-68v02-d218"),
    # the volume's years misprinted (1969–1976), and "ibid." far from the citation, after a sentence
    (
        "Foreign Relations, 1969-1972, volume XVII, China, 1969-1972, as an attachment to Document 165. "
        "The final version of the draft is in ibid., Document 203",
        "frus1969-76v17-d203",
    ),
    # a volume keyed by no number (frus1945-50Intel): its title would have to be known
    ("Foreign Relations, 1945–1950, Emergence of the Intelligence Establishment, Document 257", "frus1945-50Intel-d257"),
}


def test_the_editors_cross_references_are_read_as_the_documents_they_link() -> None:
    """Searched as words, each found the archive's documents holding "foreign", "relations" …
    Now each is read as the document its footnote links, but for the three the links or the years
    contradict, or a volume named by title alone."""
    references = _cross_references()
    assert len(references) == 47
    misread = {(citation, identifier) for citation, identifier in references if identifier not in {i for c in find_citations(citation) for i in c.identifiers}}
    assert misread == MISREAD


@pytest.mark.parametrize(
    ("q", "volume", "documents", "pages"),
    [
        ("Foreign Relations of the United States, 1955–1957, China, Volume II, Document 117", "frus1955-57v02", (117,), ()),
        ("FRUS, 1955–57, vol. 2, doc. 117.", "frus1955-57v02", (117,), ()),
        ("frus 1949 vol vii part 1 docs 5-7", "frus1949v07p1", (5, 6, 7), ()),
        ("Foreign Relations, 1964–1968, vol. XI, Documents 11, 15, 18, and 22-24", "frus1964-68v11", (11, 15, 18, 22, 23, 24), ()),
        ("Foreign Relations, 1969–1976, volume E–13, Documents on China, 1969–1972, Document 5", "frus1969-76ve13", (5,), ()),
        ("Foreign Relations, 1964–1968, vol. IV, especially Documents 295-299", "frus1964-68v04", (295, 296, 297, 298, 299), ()),
        ("Foreign Relations, 1961-1963, volume XIV , pages 138", "frus1961-63v14", (), ((138, 138),)),
        ("Foreign Relations, 1952–1954, volume XV, Korea, part 2 , pp. 1607–1610", "frus1952-54v15p2", (), ((1607, 1610),)),
        ("Foreign Relations, 1955–1957, volume III", "frus1955-57v03", (), ()),
        ("Foreign Relations, 1969–1976, volume E–13, Documents 124-26", "frus1969-76ve13", (124, 125, 126), ()),  # a range abridged
        ("FRUS, 1955–57, vol. II, docs. 12-10", "frus1955-57v02", (10, 11, 12), ()),
        # a number that does not end as a citation's does is none: the volume is cited, the rest searched as typed
        ("FRUS, 1955–57, vol. II, doc. 117-", "frus1955-57v02", (), ()),
        ("FRUS, 1955–57, vol. II, docs. 1-10000", "frus1955-57v02", (), ()),
        ("FRUS, 1955–57, vol. II, doc. 117/pdf", "frus1955-57v02", (), ()),
        # pages as the editors of the 1940s volumes cite them: "ff.", a Roman numeral's period, two runs, an abridged range
        ("Foreign Relations, 1947, vol. i, pp. 76 ff.", "frus1947v01", (), ((76, 76),)),
        ("Foreign Relations, 1947, vol. v. pp. 664, 668", "frus1947v05", (), ((664, 664), (668, 668))),
        ("Foreign Relations, 1947, vol, i, p. 48", "frus1947v01", (), ((48, 48),)),
        ("Foreign Relations, 1944, vol. iii, p. 3 and pp. 28 ff.", "frus1944v03", (), ((3, 3), (28, 28))),
        ("Foreign Relations, 1949, vol. ix, pp. 1474–76", "frus1949v09", (), ((1474, 1476),)),
        # what a fresh historian pasted and found misread: a thousands separator (read as pages 1, 91–99 and 101),
        # a period after the volume's numeral, "p" without its period, a note of the page, "ff." touching it, "to"
        ("Foreign Relations, 1949, vol. VII, pp. 1,099–1,101", "frus1949v07", (), ((1099, 1101),)),
        # as many digits as page: reads (it read four: p. 12345 was the volume and the word 12345)
        ("Foreign Relations, 1949, vol. VII, p. 12345", "frus1949v07", (), ((12345, 12345),)),
        ("FRUS, 1955–57, Vol. II., p. 290", "frus1955-57v02", (), ((290, 290),)),
        # a part in brackets, after a slash, or before a colon and its pages (the part was lost, or the pages)
        ("FRUS, 1951, vol. VII (part 2), p. 1688", "frus1951v07p2", (), ((1688, 1688),)),
        ("FRUS 1951, VII/2, p. 1688", "frus1951v07p2", (), ((1688, 1688),)),
        ("FRUS, 1951, vol. VII, part 2: 1688", "frus1951v07p2", (), ((1688, 1688),)),
        ("FRUS 1952–1954, vol. XIV (pt. 2): 1085–86", "frus1952-54v14p2", (), ((1085, 1086),)),
        ("FRUS 1955-57 vol II p 290", "frus1955-57v02", (), ((290, 290),)),
        ("FRUS, 1955–57, vol. II, p. 290, footnote 3", "frus1955-57v02", (), ((290, 290),)),
        ("FRUS, 1955–57, vol. II, pp. 290–91n", "frus1955-57v02", (), ((290, 291),)),
        ("FRUS, 1955–57, vol. II, p. 290n3", "frus1955-57v02", (), ((290, 290),)),
        ("Foreign Relations, 1949, vol. VII, pp. 1099ff.", "frus1949v07", (), ((1099, 1099),)),
        ("Foreign Relations, 1949, vol. VII, pp. 1099 to 1101", "frus1949v07", (), ((1099, 1101),)),
        ("Foreign Relations, 1949, vol. VII, pp. 1099 passim", "frus1949v07", (), ((1099, 1099),)),
        # "ibid." and other years stand for the series a footnote named before
        ("ibid., 1946, vol. vii, pp. 744", "frus1946v07", (), ((744, 744),)),
        # a volume's number alone, in capitals: VII was read as "v" and II, the wrong volume's document shown as cited
        ("Foreign Relations, 1955–1957, VII, Document 117", "frus1955-57v07", (117,), ()),
        ("FRUS 1955–57 VIII d117", "frus1955-57v08", (117,), ()),
        ("FRUS, 1949, VII, pt. 2, p. 1100", "frus1949v07p2", (), ((1100, 1100),)),
        # more of what follows a page: a note in parentheses or of several numbers, "et seq."
        ("FRUS, 1955–57, vol. II, p. 290 (footnote 3)", "frus1955-57v02", (), ((290, 290),)),
        ("FRUS, 1955–57, vol. II, p. 290 nn. 3–4", "frus1955-57v02", (), ((290, 290),)),
        ("FRUS, 1955–57, vol. II, pp. 290 et seq.", "frus1955-57v02", (), ((290, 290),)),
        # a note's full form: the place, publisher and year read past, the number after them a page
        ("Foreign Relations of the United States, 1955–1957, vol. 2, China (Washington, DC: GPO, 1986), 290–91.", "frus1955-57v02", (), ((290, 291),)),
        # a volume's number and pages joined by a colon, as notes cite a multivolume work ("there is no field '2'")
        ("FRUS, 1955–1957, 2:290", "frus1955-57v02", (), ((290, 290),)),
        ("FRUS 1955–57, II:289–91", "frus1955-57v02", (), ((289, 291),)),
        # the edition's own shorthand, as its addresses write volume and document (frus1964-68v30/d25)
        ("FRUS 1964-68 v30 d25", "frus1964-68v30", (25,), ()),
        ("FRUS, 1964–68, v. 30, d. 25", "frus1964-68v30", (25,), ()),
    ],
)
def test_the_forms_of_a_citation(q, volume, documents, pages) -> None:
    (citation,) = find_citations(q)
    assert (citation.volume, citation.documents, citation.pages) == (volume, documents, pages)


@pytest.mark.parametrize(
    "q",
    [
        "foreign relations 1949 committee",  # no volume named
        "Foreign Relations 1950 versus Stalin",  # a word beginning with v is no volume
        "Sino-Soviet relations 1950 vol. II",  # not the series
        "FRUS 1957-1955 vol. II, Document 1",  # years the wrong way round
        "FRUS 1955-57 vol. IIII, Document 1",  # no Roman numeral
        '"FRUS 1955-57 vol. II, Document 117 Bohlen"',  # a phrase holding more than the citation
        "title:Foreign Relations 1955 vol. II",  # a field's value
    ],
)
def test_what_is_no_citation_is_searched_as_typed(q) -> None:
    assert read_citations(q) == (q, [])
    assert "FRUS citation" not in parse(q).notice


def test_a_citation_of_several_volumes_and_ibid_is_one_alternative_each() -> None:
    q = "FRUS, 1955–1957, vol. II, Document 117; and vol. III, Documents 5 and 6; see ibid., Document 9. Bohlen"
    searched, notices = read_citations(q)
    assert searched == "(frus1955-57v02-d117 OR (frus1955-57v03-d5 OR frus1955-57v03-d6) OR frus1955-57v03-d9). Bohlen"
    assert notices == [
        "The FRUS citation \u201cFRUS, 1955\u20131957, vol. II, Document 117\u201d was read as the document frus1955-57v02-d117.",
        "The FRUS citation \u201cvol. III, Documents 5 and 6\u201d was read as the documents frus1955-57v03-d5 and frus1955-57v03-d6.",
        "The FRUS citation \u201cibid., Document 9\u201d was read as the document frus1955-57v03-d9.",
    ]


VOLUMES = ("frus1951v07p2", "frus1952-54v14p2")


def test_a_pasted_citation_finds_the_document_it_cites(demo_volumes) -> None:
    """It found documents of both volumes holding "foreign", "relations", "part" …, the one cited not
    among the first. (The numbers of a volume's part 2 go on from its part 1's: this one starts at 462.)"""
    index = demo_volumes(*VOLUMES)
    result = search(SearchRequest(q="Foreign Relations, 1952–1954, China and Japan, vol. XIV, part 2, Document 470."), index)
    assert [h.identifier for h in result.hits] == ["frus1952-54v14p2-d470"]
    assert result.total == 1
    assert result.notice == (
        "The FRUS citation \u201cForeign Relations, 1952\u20131954, China and Japan, vol. XIV, part 2, Document 470\u201d "
        "was read as the document frus1952-54v14p2-d470."
    )
    # quoted, with words of its title beside it; and a range of them
    quoted = search(SearchRequest(q='"FRUS, 1951, vol. VII, part 2, doc. 10" Embassy'), index)
    assert [h.identifier for h in quoted.hits] == ["frus1951v07p2-d10"]
    several = search(SearchRequest(q="FRUS 1951, vol. VII, part 2, Documents 10–14", page_size=20), index)
    assert sorted(h.identifier for h in several.hits) == [f"frus1951v07p2-d{n}" for n in range(10, 15)]
    missing = search(SearchRequest(q="FRUS 1952-54, vol. XIV, part 2, doc. 5"), index)
    assert missing.total == 0
    assert missing.notice.endswith(
        "The archive holds the FRUS volume frus1952-54v14p2 but not its document frus1952-54v14p2-d5: read it in the public edition, "
        "at https://history.state.gov/historicaldocuments/frus1952-54v14p2/d5, or search the volume's documents, collection:frus1952-54v14p2."
    )


def test_a_document_number_no_volume_has_finds_nothing_and_says_so(demo_volumes) -> None:
    # "Document 0" and "doc. 99999" were read as the volume alone: all its 324 documents (a fresh user)
    index = demo_volumes("frus1955-57v02")
    zero = search(SearchRequest(q="FRUS, 1955–57, vol. II, Document 0"), index)
    assert zero.total == 0 and zero.notice.endswith(
        "The archive holds the FRUS volume frus1955-57v02, whose documents are numbered from 1: no volume has a document 0 "
        "(frus1955-57v02-d0). Check the number cited, or search the volume's documents, collection:frus1955-57v02."
    )
    for q, number in (
        ("FRUS, 1955–57, vol. II, doc. 99999", 99999), ("FRUS 1955-57 v02 d99999", 99999), ("FRUS, 1955–57, vol. II, Documents 0–2", None),
        ("FRUS 1955-57 v02 d99999999999999999999", 99999999999999999999),  # 20 digits: the whole volume still (a fresh developer)
    ):  # fmt: skip
        result = search(SearchRequest(q=q), index)
        if number is None:  # 1 and 2 found, 0 said (it was not, the others found)
            assert sorted(h.identifier for h in result.hits) == ["frus1955-57v02-d1", "frus1955-57v02-d2"]
            assert "no volume has a document 0 (frus1955-57v02-d0)" in result.notice
        else:
            assert result.total == 0 and f"but not its document frus1955-57v02-d{number}" in result.notice


def test_documents_cited_that_a_volume_held_lacks_are_said_once_beside_those_found(demo_volumes) -> None:
    # "Documents 400–420" of a volume of 324 said "…holds the FRUS volume but not its document …" 21 times, and
    # "Documents 5, 7 and 500" found two and said nothing of the third (a fresh user)
    index = demo_volumes("frus1955-57v02")
    held = "The archive holds the FRUS volume frus1955-57v02 but not its"
    search_it = "or search the volume's documents, collection:frus1955-57v02."
    run = search(SearchRequest(q="FRUS, 1955–57, vol. II, Documents 400–420"), index)
    assert run.total == 0 and run.notice.count(held) == 1
    assert run.notice.endswith(
        f"{held} documents 400\u2013420 (21 documents): read them in the public edition, "
        f"at https://history.state.gov/historicaldocuments/frus1955-57v02, {search_it}"
    )
    some = search(SearchRequest(q="FRUS, 1955–57, vol. II, Documents 5, 7 and 500"), index)
    assert sorted(h.identifier for h in some.hits) == ["frus1955-57v02-d5", "frus1955-57v02-d7"]
    assert some.notice.endswith(
        f"{held} document frus1955-57v02-d500: read it in the public edition, "
        f"at https://history.state.gov/historicaldocuments/frus1955-57v02/d500, {search_it}"
    )
    zero = search(SearchRequest(q="FRUS, 1955–57, vol. II, Documents 0, 400 and 402"), index)
    assert zero.total == 0 and zero.notice.endswith(
        f"{held} documents 0, 400 and 402: no volume has a document 0 (their numbers start at 1), so check the numbers "
        f"cited; read the others in the public edition, at https://history.state.gov/historicaldocuments/frus1955-57v02, {search_it}"
    )
    # pasted, the addresses given are where to read them; all found, nothing said
    pasted = " ".join(f"https://history.state.gov/historicaldocuments/frus1955-57v02/d{n}" for n in (999, 998))
    assert search(SearchRequest(q=pasted), index).notice == (
        f"{held} documents 998\u2013999 (2 documents): read them in the public edition, at the addresses given, {search_it}"
    )
    assert "holds the FRUS volume" not in search(SearchRequest(q="FRUS, 1955–57, vol. II, Documents 5 and 7"), index).notice


def test_a_citation_of_pages_finds_the_documents_printed_on_them(demo_volumes) -> None:
    """A citation by pages searched the whole volume ("a document's pages are not kept here"). Now
    the documents printed on the pages cited: d117 begins on page 289, where d116 ends, and runs to 291."""
    index = demo_volumes("frus1955-57v02")
    cases = {
        "Foreign Relations, 1955–1957, vol. II, p. 290": ["frus1955-57v02-d117"],
        "FRUS, 1955–57, vol. II, pp. 289–91": ["frus1955-57v02-d116", "frus1955-57v02-d117", "frus1955-57v02-d118"],
        "Foreign Relations, 1955–1957, volume II, China, pages 288 and 292": ["frus1955-57v02-d116", "frus1955-57v02-d118", "frus1955-57v02-d119"],
    }
    for q, expected in cases.items():
        result = search(SearchRequest(q=q), index)
        assert sorted(h.identifier for h in result.hits) == expected, q
    notice = search(SearchRequest(q="Foreign Relations, 1955–1957, vol. II, p. 290"), index).notice
    assert notice == (
        "The FRUS citation \u201cForeign Relations, 1955\u20131957, vol. II, p. 290\u201d was read as the documents of the volume "
        "frus1955-57v02 printed on page 290, collection:frus1955-57v02 page:290."
    )


def test_a_citation_of_pages_of_a_volume_held_as_parts_searches_its_parts(demo_volumes) -> None:
    """FRUS 1949 volume VII came out in two parts whose pages run on (1–598, 601–1220): a footnote cites
    its pages without the part, which found nothing (no collection frus1949v07)."""
    index = demo_volumes("frus1949v07p1", "frus1949v07p2")
    result = search(SearchRequest(q="Foreign Relations, 1949, vol. VII, p. 1101"), index)
    assert sorted(h.identifier for h in result.hits) == ["frus1949v07p2-d295", "frus1949v07p2-d296"]
    assert result.notice.endswith(
        "The archive holds the FRUS volume frus1949v07 as its parts frus1949v07p1 and frus1949v07p2: collection:frus1949v07 was read "
        "as collection:(frus1949v07p1 OR frus1949v07p2)."
    )
    # page 5 of part 1: d2 (pages 4–5) and d3 (5–6)
    assert sorted(h.identifier for h in search(SearchRequest(q="Foreign Relations, 1949, vol. VII, p. 5"), index).hits) == ["frus1949v07p1-d2", "frus1949v07p1-d3"]


def test_a_page_the_volume_does_not_print_says_which_pages_it_does(demo_volumes) -> None:
    # FRUS 1951 volume VII part 2 prints pages 1474–2055 in the demo; page 1066 is part 1's
    result = search(SearchRequest(q="Foreign Relations, 1951, volume VII, part 2, pp. 1066–1068"), demo_volumes(*VOLUMES))
    assert (result.total, result.explained) == (0, True)
    assert result.notice.endswith(
        "No document the query finds is printed on page:1066..1068: 333 documents match the query without it, printed on pages "
        "1474\u20132055; look for the page among them, or take page:1066..1068 out."
    )


def test_a_citation_of_a_volume_not_held_says_where_to_read_it(demo_volumes) -> None:
    result = search(SearchRequest(q="Foreign Relations, 1964–1968, volume XXIX, part 1, Korea, Document 110"), demo_volumes(*VOLUMES))
    assert result.total == 0
    assert result.notice == (
        "The FRUS citation \u201cForeign Relations, 1964\u20131968, volume XXIX, part 1, Korea, Document 110\u201d was read as the document "
        "frus1964-68v29p1-d110. The archive does not hold the FRUS volume frus1964-68v29p1, so not its document frus1964-68v29p1-d110: "
        "read it in the public edition, at https://history.state.gov/historicaldocuments/frus1964-68v29p1/d110, or search for words "
        "of its title; the Collection facet lists the volumes it holds."
    )


def test_a_title_after_a_colon_and_a_long_range_are_read_so() -> None:
    """``doc. 117: Telegram …`` was read as a field ``frus1955-57v02-d117:``; a range over a hundred
    documents was cut at a hundred without a word."""
    searched, _ = read_citations("FRUS, 1955–57, vol. II, doc. 117: Telegram From the Ambassador")
    assert searched == "frus1955-57v02-d117  Telegram From the Ambassador"
    assert "field" not in parse("FRUS, 1955–57, vol. II, doc. 117: Telegram From the Ambassador").notice
    searched, notices = read_citations("FRUS, 1955–57, vol. II, docs. 50-300")
    assert searched.count(" OR ") == 99
    assert notices == [
        "The FRUS citation \u201cFRUS, 1955\u201357, vol. II, docs. 50-300\u201d was read as the first 100 documents it names, "
        "50\u2013149 of the volume frus1955-57v02: cite the others in a search of their own (at most 100 a citation)."
    ]


@pytest.mark.parametrize("lead", ["See ", "See also ", "Cf. ", "printed in ", "Printed in part in ", '"See '])
def test_a_footnotes_lead_in_is_read_with_the_citation(lead) -> None:
    """\u201cSee Foreign Relations, \u2026, Documents 117 and 120\u201d found only document 117, which holds "see"
    (a fresh operator); "printed in \u2026" 4,889 of the demo's 4,915 documents, by most of the words."""
    closing = '"' if lead.startswith('"') else ""
    q = f"{lead}Foreign Relations, 1955\u20131957, vol. II, Documents 117 and 120{closing}"
    assert read_citations(q) == (
        "(frus1955-57v02-d117 OR frus1955-57v02-d120)",
        [
            "The FRUS citation \u201cForeign Relations, 1955\u20131957, vol. II, Documents 117 and 120\u201d was read as "
            "the documents frus1955-57v02-d117 and frus1955-57v02-d120."
        ],
    )
    assert read_citations("oversee Foreign Relations, 1955\u20131957, vol. II, Document 117")[0] == "oversee frus1955-57v02-d117"


def test_citations_one_after_another_are_alternatives() -> None:
    """Two citations pasted together were both required: no document is printed on page 290 of one
    volume and page 10 of another, so nothing was found."""
    cases = {
        "FRUS, 1955–1957, vol. II, p. 290; FRUS, 1955–1957, vol. III, p. 10": "(collection:frus1955-57v02 page:290 OR collection:frus1955-57v03 page:10)",
        "Foreign Relations, 1949, vol. VII, p. 750, and ibid., 1946, vol. vii, pp. 744": "(collection:frus1949v07 page:750 OR collection:frus1946v07 page:744)",
        "FRUS, 1955–57, vol. II, Document 117; see also FRUS, 1955–57, vol. III, Document 5": "(frus1955-57v02-d117 OR frus1955-57v03-d5)",
        # words between them are words of the query: both cited, as typed
        "FRUS, 1955–57, vol. II, Document 117 Bohlen FRUS, 1955–57, vol. III, Document 5": "frus1955-57v02-d117 Bohlen frus1955-57v03-d5",
    }
    assert {q: read_citations(q)[0] for q in cases} == cases


def test_ibid_after_a_full_stop_continues_the_citation_before() -> None:
    assert read_citations("FRUS, 1955–1957, vol. II, p. 290. Ibid., vol. III, p. 10")[0] == (
        "(collection:frus1955-57v02 page:290 OR collection:frus1955-57v03 page:10)"
    )


@pytest.mark.parametrize("q", ["[FRUS, 1955–1957, vol. II, p. 290]", "[See FRUS, 1955–1957, vol. II, p. 290.]", "{FRUS, 1955–1957, vol. II, p. 290}"])
def test_a_citation_in_brackets_finds_what_it_cites(demo_volumes, q) -> None:
    # an editor's bracketed note: "[collection:…" was no field and "page:290]" no page, and five wrong documents came up
    result = search(SearchRequest(q=q), demo_volumes("frus1955-57v02"))
    assert [h.identifier for h in result.hits] == ["frus1955-57v02-d117"] and "could not be read" not in result.notice


def test_a_document_updated_since_ranks_with_its_equals(make_index) -> None:
    # a range query scored 1.0 a clause in a large segment and 0.0 in a small one: the document updated
    # (its own new segment) came last among those printed on the pages cited, the cited one among them
    records = list(read_frus_volume(DEMO / "frus1955-57v02.xml.gz"))
    index = make_index(records)
    index.upsert([r for r in records if r.identifier == "frus1955-57v02-d117"])
    index.commit()
    result = search(SearchRequest(q="FRUS 1955–57, II:289–91"), index)
    assert [h.identifier for h in result.hits] == ["frus1955-57v02-d116", "frus1955-57v02-d117", "frus1955-57v02-d118"]
    assert len({h.score for h in result.hits}) == 1  # a volume and pages rank nothing: by date (query.UNRANKED_FIELDS)


def test_two_citations_pasted_together_find_the_documents_of_both(demo_volumes) -> None:
    index = demo_volumes("frus1955-57v02", "frus1955-57v03")
    result = search(SearchRequest(q="FRUS, 1955–1957, vol. II, p. 290; FRUS, 1955–1957, vol. III, p. 10"), index)
    on_ten = {r.identifier for r in read_frus_volume(DEMO / "frus1955-57v03.xml.gz") if (n := page_numbers(r.pages)) and n[0] <= 10 <= n[1]}
    assert {h.identifier for h in result.hits} == {"frus1955-57v02-d117"} | on_ten and len(on_ten) == 2


def test_a_volume_cited_beside_one_the_archive_holds_is_said_to_be_missing(demo_volumes) -> None:
    # the documents of the one held were found, and nothing said the other, frus1946v07, is not in the archive
    result = search(SearchRequest(q="Foreign Relations, 1955–1957, vol. II, p. 290, and ibid., 1946, vol. vii, pp. 744"), demo_volumes("frus1955-57v02"))
    assert [h.identifier for h in result.hits] == ["frus1955-57v02-d117"]
    assert result.notice.endswith(
        "The archive does not hold the FRUS volume frus1946v07: read it in the public edition, at "
        "https://history.state.gov/historicaldocuments/frus1946v07, or search for words of its subject; the Collection facet lists "
        "the volumes it holds."
    )


def test_a_footnote_pasted_whole_keeps_its_citation_when_its_words_are_no_syntax(demo_volumes) -> None:
    # "Secret:" is no field: the query was searched as plain words, the citation's among them (3,832 documents)
    parsed = parse("Printed in Foreign Relations, 1955–1957, vol. II, p. 290. Secret: eyes only")
    assert parsed.node == And((And((Term("frus1955-57v02", "collection"), PageRange(290, 290))), Term("Secret"), Term("eyes"), Term("only")))
    assert "so the FRUS citation was searched as read, and its words were searched: Secret eyes only." in parsed.notice
    result = search(SearchRequest(q="FRUS, 1955–57, vol. II, p. 290. Note:"), demo_volumes("frus1955-57v02"))
    assert [h.identifier for h in result.hits] == ["frus1955-57v02-d117"]


# The source note of frus1969-76v12-d1 (a demo volume), pasted whole: archival source, then a citation
SOURCE_NOTE = (
    "Source: National Archives, Nixon Presidential Materials, NSC Files, Box 725, Country Files, Europe, USSR, Contacts With the "
    "Soviets Prior to January 20, 1969. Secret; Nodis. The meeting was held at the Pierre Hotel, headquarters for the Nixon "
    "transition team. On January 31 Kissinger sent Secretary of State Rogers copies of his memoranda of conversation with Sedov "
    "on January 2 and his earlier conversation on December 18, 1968, at the Soviet Embassy. Kissinger reminded Rogers that "
    "President Nixon asked that the copies be closely held. (Ibid.) Kissinger's memorandum to Nixon on his December 18, 1968, "
    "meeting with Sedov is printed in Foreign Relations, 1964–1968, volume XIV, Soviet Union, Document 335."
)


@pytest.mark.parametrize(
    ("q", "cited"),
    [
        (SOURCE_NOTE, ["frus1964-68v14-d335"]),
        ("Secret; Niact. Repeated to Taipei. Printed in Foreign Relations, 1955–1957, vol. II, p. 290.", ["frus1955-57v02-d117"]),
        ("Telegram from the Embassy in Taipei, FRUS, 1955–57, vol. II, p. 290, doc. 117", ["frus1955-57v02-d117"]),
    ],
)
def test_the_prose_pasted_around_a_citation_ranks_what_it_cites_but_does_not_hide_it(demo_volumes, q, cited) -> None:
    """Every word around the citation was required too: 0 found, and a page citation was told its page
    held none of them. The citation finds; the words around it rank its documents."""
    result = search(SearchRequest(q=q), demo_volumes("frus1955-57v02", "frus1964-68v14"))
    assert [h.identifier for h in result.hits] == cited and result.total == len(cited)
    assert "The other words of the query rank the documents the citations name, those with the most of them first." in result.notice
    assert "No document the query finds is printed on" not in result.notice  # no page notice blaming the page
    assert "operators are written in capitals" not in result.notice  # the prose's "and" is a word, said of every footnote


def test_the_words_around_a_citation_rank_its_documents(demo_volumes) -> None:
    # pp. 289–91 print d116 (a conversation in Washington, ends on 289), d117 (Bohlen's telegram from
    # Moscow) and d118 (Aldrich's from London, on Eden); "zzqx" is in none of them
    index = demo_volumes("frus1955-57v02")
    assert search(SearchRequest(q="FRUS, 1955–57, vol. II, pp. 289–91"), index).total == 3
    for words, first in (("Telegram from Aldrich in London, Eden zzqx", "frus1955-57v02-d118"), ("Bohlen Moscow zzqx", "frus1955-57v02-d117")):
        hits = [h.identifier for h in search(SearchRequest(q=f"Printed in FRUS, 1955–57, vol. II, pp. 289–91. {words}"), index).hits]
        assert hits[0] == first and sorted(hits) == ["frus1955-57v02-d116", "frus1955-57v02-d117", "frus1955-57v02-d118"]


def test_fields_typed_with_words_are_not_relaxed(demo_volumes) -> None:
    """A user who types fields meant them: the words beside them stay required (no citation read)."""
    result = search(SearchRequest(q="collection:frus1955-57v02 page:290 Niact zzqx"), demo_volumes("frus1955-57v02"))
    assert result.total == 0 and "rank the documents the citations name" not in result.notice
    assert not parse("collection:frus1955-57v02 page:290 Niact").cited
    cited = parse("Printed in FRUS, 1955–57, vol. II, doc. 117 and FRUS, 1964–68, vol. XIV, docs. 3–4")
    assert cited.cited and cited.cited_documents == {"frus1955-57v02-d117", "frus1964-68v14-d3", "frus1964-68v14-d4"}


def test_a_citation_pasted_again_and_again_is_said_once(demo_volumes) -> None:
    # a chain of the same citation 28 times said 28 sentences
    result = search(SearchRequest(q=" ".join(["Foreign Relations, 1955–1957, vol. II, p. 290."] * 28)), demo_volumes("frus1955-57v02"))
    assert [h.identifier for h in result.hits] == ["frus1955-57v02-d117"]
    assert result.notice.count("The FRUS citation") == 1


@pytest.mark.parametrize(
    "q",
    [
        'Taipei -"Foreign Relations, 1955–1957, vol. II, p. 290"',
        "Taipei NOT Foreign Relations, 1955–1957, vol. II, p. 290",
        "Taipei -FRUS, 1955–57, vol. II, p. 290",
    ],
)
def test_a_citation_excluded_excludes_what_it_cites(demo_volumes, q) -> None:
    """The minus took the volume alone (-collection:frus1955-57v02 page:290): other volumes' documents
    printed on page 290 were found (2 in the demo). Now the documents cited are left out, whole."""
    index = demo_volumes("frus1955-57v02", "frus1955-57v03")
    taipei = search(SearchRequest(q="Taipei", page_size=1), index).total
    result = search(SearchRequest(q=q, page_size=1), index)
    assert result.total == taipei - 1 > 100  # frus1955-57v02-d117, printed on pp. 289–291, holds "Taipei"
    assert search(SearchRequest(q='Taipei "frus1955-57v02-d117"', page_size=1), index).total == 1


def test_a_page_cited_within_a_filter_that_leaves_its_document_out_gets_one_piece_of_advice(demo_volumes) -> None:
    """d117, printed on page 290, is a telegram: with the type Memorandum chosen, the page was said to
    print none of the volume's 36 memoranda ("take page:290 out") beside the right advice."""
    index = demo_volumes("frus1955-57v02")
    result = search(SearchRequest(q="Foreign Relations, 1955–1957, vol. II, p. 290", filters={"type": ["Memorandum"]}), index)
    assert result.total == 0
    assert result.notice.endswith("1 document matches these words, but not within the filters or dates chosen: remove a filter or widen the dates.")
    assert "page:290 out" not in result.notice
    # a page that prints none of the volume's documents is still said so, within the filter
    other = search(SearchRequest(q="Foreign Relations, 1955–1957, vol. II, p. 999", filters={"type": ["Memorandum"]}), index)
    assert "No document the query finds is printed on page:999: 36 documents match the query without it" in other.notice


def test_a_footnote_citing_documents_finds_them_all_whatever_words_surround_them(demo_volumes) -> None:
    """frus1964-68v14-d104's fifth footnote cites six documents of a volume: the words around them were
    required, and the one of the six holding them all was found alone (helper-135). Two citations of a
    footnote with prose between them were both required: no document is in two volumes."""
    index = demo_volumes("frus1961-63v05", "frus1961-63v22", "frus1964-68v14")
    note = ("For a record of Kennedy's conversations with Khrushchev, June 3 and 4, 1961, see Foreign Relations, "
            "1961–1963, vol. V, Documents 83-85 and 87-89.")  # fmt: skip
    result = search(SearchRequest(q=note, page_size=10), index)
    assert sorted(h.identifier for h in result.hits) == [f"frus1961-63v05-d{n}" for n in (83, 84, 85, 87, 88, 89)]
    both = search(SearchRequest(q="The estimate is in Foreign Relations, 1964–1968, volume XIV. NIE 13–63 is printed in part in "
                                   "Foreign Relations, 1961–1963, vol. XXII, pp. 365–367.", page_size=1), index)  # fmt: skip
    volume = search(SearchRequest(q="collection:frus1964-68v14", page_size=1), index).total
    assert both.total == volume + 3  # the volume's documents, and those printed on the pages of the other


def test_volumes_of_other_years_listed_after_a_citation_are_read_too() -> None:
    # "; 1958–1960, volume XIX" leaves out the series: only the first volume was read (helper-135)
    searched, notices = read_citations("see Foreign Relations, 1955–1957, volume III; 1958–1960, volume XIX; and 1961–1963, volume XXII.")
    assert searched == "(collection:frus1955-57v03 OR collection:frus1958-60v19 OR collection:frus1961-63v22)."  # "see" read with it
    assert len(notices) == 3
    # years alone, no volume after them, are words
    assert read_citations("Foreign Relations, 1955–1957, vol. II, p. 290; 1958 was a year")[0].endswith("; 1958 was a year")


def test_a_name_in_pasted_prose_is_named_without_its_punctuation(demo_volumes) -> None:
    # "(Moscow,: Moskva, Москва)": the comma of the sentence pasted was shown as part of the name (helper-135)
    from legation.search.variants import VariantTable

    moscow = VariantTable.from_groups([["Moscow", "Moskva", "Москва"]])
    result = search(SearchRequest(q="Bohlen in Moscow, see FRUS, 1955–57, vol. II, pp. 289–91"), demo_volumes("frus1955-57v02"), moscow)
    assert "Also searched for other forms of these names (Moscow: Moskva, Москва)." in result.notice


def test_prose_in_brackets_around_a_citation_only_ranks_too(demo_volumes) -> None:
    """A footnote's archival reference in brackets was required, word by word: 0 found (helper-136)."""
    index = demo_volumes("frus1961-63v22")
    note = "see Foreign Relations, 1961–1963, vol. XXII, p. 206–207. (Department of State, Central Files, POL 15–1 CHINAT)"
    cited = sorted(h.identifier for h in search(SearchRequest(q="Foreign Relations, 1961–1963, vol. XXII, p. 206–207"), index).hits)
    assert len(cited) == 2 and sorted(h.identifier for h in search(SearchRequest(q=note), index).hits) == cited
    assert search(SearchRequest(q="Foreign Relations, 1961–1963, vol. XXII, p. 206. (zebra giraffe)"), index).total >= 1


def test_a_citation_ends_at_a_full_stop_before_a_new_sentence() -> None:
    # "vol. II. Document 5 was not printed." was read as document 5 (helper-136); "vol. v. pp. 664" goes on
    assert read_citations("Foreign Relations, 1955–1957, vol. II. Document 5 was not printed.")[0] == "collection:frus1955-57v02. Document 5 was not printed."
    assert read_citations("Foreign Relations, 1947, vol. v. pp. 664, 668")[0] == "collection:frus1947v05 page:(664 OR 668)"


def test_ibid_after_other_words_cites_the_volume_before(demo_volumes) -> None:
    """frus1958-60v19-d173's third footnote: "…pp. 493–495, but see also the President's memorandum of
    April 5, 1955, to Dulles, ibid., pp. 444–449." The second citation was words (helper-136)."""
    searched, notices = read_citations("Foreign Relations, 1955–1957, vol. II, p. 290. A memorandum, ibid., p. 162.")
    assert searched == "(collection:frus1955-57v02 page:290). A memorandum, (collection:frus1955-57v02 page:162)."
    assert notices[1].startswith("The FRUS citation \u201cibid., p. 162\u201d was read as the documents of the volume frus1955-57v02")
    index = demo_volumes("frus1955-57v02")
    on_162 = {h.identifier for h in search(SearchRequest(q="collection:frus1955-57v02 page:162"), index).hits}
    found = {h.identifier for h in search(SearchRequest(q="Foreign Relations, 1955–1957, vol. II, p. 290. A memorandum, ibid., p. 162."), index).hits}
    assert on_162 and found == on_162 | {"frus1955-57v02-d117"}
    assert read_citations("ibid., p. 5") == ("ibid., p. 5", [])  # no citation before it: words
