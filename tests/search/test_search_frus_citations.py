"""FRUS citations pasted into the search box (legation.search.frus_citations): read as the documents
they cite, checked against the FRUS editors' own cross-references in the demo volumes, whose
footnotes cite other volumes and link the document cited (``<ref target="frus…#d110">``)."""

from __future__ import annotations

import re

import pytest

from legation.ingest.xml import parse_xml
from legation.search.frus_citations import find_citations, read_citations
from legation.search.query import parse
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
        ("Foreign Relations of the United States, 1955–1957, China, Volume II, Document 117", "frus1955-57v02", (117,), False),
        ("FRUS, 1955–57, vol. 2, doc. 117.", "frus1955-57v02", (117,), False),
        ("frus 1949 vol vii part 1 docs 5-7", "frus1949v07p1", (5, 6, 7), False),
        ("Foreign Relations, 1964–1968, vol. XI, Documents 11, 15, 18, and 22-24", "frus1964-68v11", (11, 15, 18, 22, 23, 24), False),
        ("Foreign Relations, 1969–1976, volume E–13, Documents on China, 1969–1972, Document 5", "frus1969-76ve13", (5,), False),
        ("Foreign Relations, 1964–1968, vol. IV, especially Documents 295-299", "frus1964-68v04", (295, 296, 297, 298, 299), False),
        ("Foreign Relations, 1961-1963, volume XIV , pages 138", "frus1961-63v14", (), True),
        ("Foreign Relations, 1952–1954, volume XV, Korea, part 2 , pp. 1607–1610", "frus1952-54v15p2", (), True),
        ("Foreign Relations, 1955–1957, volume III", "frus1955-57v03", (), False),
        ("Foreign Relations, 1969–1976, volume E–13, Documents 124-26", "frus1969-76ve13", (124, 125, 126), False),  # a range abridged
        ("FRUS, 1955–57, vol. II, docs. 12-10", "frus1955-57v02", (10, 11, 12), False),
        # a number that does not end as a citation's does is none: the volume is cited, the rest searched as typed
        ("FRUS, 1955–57, vol. II, doc. 117-", "frus1955-57v02", (), False),
        ("FRUS, 1955–57, vol. II, docs. 1-10000", "frus1955-57v02", (), False),
        ("FRUS, 1955–57, vol. II, doc. 117/pdf", "frus1955-57v02", (), False),
    ],
)
def test_the_forms_of_a_citation(q, volume, documents, pages) -> None:
    (citation,) = find_citations(q)
    assert (citation.volume, citation.documents, citation.pages) == (volume, documents, pages)


@pytest.mark.parametrize(
    "q",
    [
        "foreign relations 1949 committee",  # no volume named
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


def test_a_citation_of_pages_narrows_to_the_volume_and_says_so(demo_volumes) -> None:
    index = demo_volumes(*VOLUMES)
    result = search(SearchRequest(q="Foreign Relations, 1951, volume VII, part 2, pp. 1066–1068"), index)
    assert result.total == 333  # the volume's documents, none of the other's
    assert {h.identifier.rsplit("-", 1)[0] for h in result.hits} == {"frus1951v07p2"}
    assert result.notice == (
        "The FRUS citation \u201cForeign Relations, 1951, volume VII, part 2, pp. 1066\u20131068\u201d was read as the volume "
        "frus1951v07p2's documents, collection:frus1951v07p2: a document's pages are not kept here, so add words of its title or text to find it."
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
