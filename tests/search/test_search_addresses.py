"""Addresses pasted into the search box (query.read_address): a FRUS volume's in the public edition,
documents the archive does not hold, other sites' pages, on real documents of the demo volumes."""

from __future__ import annotations

import dataclasses
import re

import pytest

from legation.ingest.readers.tei_frus import read_frus_volume
from legation.search.query import Address, And, Pasted, Term, parse, read_address
from legation.search.service import SearchRequest, search
from tests.conftest import REPO

VOLUMES = ("frus1951v07p2", "frus1952-54v14p2")


@pytest.fixture(scope="module")
def volume_identifiers() -> dict[str, set[str]]:
    """The identifiers of each volume's documents, read from its file, not from the index."""
    return {key: {r.identifier for r in read_frus_volume(REPO / "data" / "demo" / "frus" / f"{key}.xml.gz")} for key in VOLUMES}


def _found(index, q: str) -> tuple[set[str], str]:
    """Every document ``q`` finds, and the notice."""
    first = search(SearchRequest(q=q, page_size=100), index)
    pages = range(2, -(-first.total // 100) + 1)
    found = {h.identifier for h in first.hits} | {h.identifier for p in pages for h in search(SearchRequest(q=q, page=p, page_size=100), index).hits}
    assert len(found) == first.total
    return found, first.notice


VOLUME_NOTICE = "The address of the FRUS volume frus1951v07p2 was searched as its documents, collection:frus1951v07p2."
PART_NOTICE = (
    "The address of {part} in the FRUS volume frus1951v07p2 was searched as the whole volume's documents, "
    "collection:frus1951v07p2: its chapters and other parts are not told apart here."
)


@pytest.mark.parametrize(
    ("q", "notice"),
    [
        ("https://history.state.gov/historicaldocuments/frus1951v07p2", VOLUME_NOTICE),
        ("https://history.state.gov/historicaldocuments/frus1951v07p2/", VOLUME_NOTICE),
        ("http://www.history.state.gov/historicaldocuments/frus1951v07p2#toc", VOLUME_NOTICE),
        ("history.state.gov/historicaldocuments/frus1951v07p2", VOLUME_NOTICE),
        ('"https://history.state.gov/historicaldocuments/frus1951v07p2"', VOLUME_NOTICE),
        ("https://history.state.gov/historicaldocuments/frus1951v07p2.", VOLUME_NOTICE),
        ("collection:https://history.state.gov/historicaldocuments/frus1951v07p2", VOLUME_NOTICE),  # it searched "collection https …"
        ("https://history.state.gov/historicaldocuments/frus1951v07p2/ch1", PART_NOTICE.format(part="'ch1'")),
        ("https://history.state.gov/historicaldocuments/frus1951v07p2/comp1/ch2?x=1", PART_NOTICE.format(part="'comp1/ch2'")),
        ("history.state.gov/historicaldocuments/frus1951v07p2/persons", PART_NOTICE.format(part="'persons'")),
    ],
)
def test_a_frus_volumes_public_address_narrows_to_its_documents(demo_volumes, volume_identifiers, q, notice) -> None:
    """A volume's address (or a chapter's) searched its words ("https", "history", "state" …) with the
    fewest-words fallback: the whole archive (4,915 demo documents), the volume not first. It is the
    volume's documents now, all of them and no other (the chapter is not told apart), and says so."""
    found, said = _found(demo_volumes(*VOLUMES), q)
    assert len(volume_identifiers["frus1951v07p2"]) == 333
    assert found == volume_identifiers["frus1951v07p2"]
    assert said == notice


def test_a_volume_or_document_the_archive_does_not_hold_is_said_so(demo_volumes, volume_identifiers) -> None:
    """They found the whole archive (a volume's words) or nothing, silently."""
    index = demo_volumes(*VOLUMES)
    found, notice = _found(index, "https://history.state.gov/historicaldocuments/frus1950v01")
    assert found == set()
    assert notice == (
        "The address of the FRUS volume frus1950v01 was searched as its documents, collection:frus1950v01. "
        "The archive does not hold the FRUS volume frus1950v01: read it in the public edition, at the address given, "
        "or search for words of its subject; the Collection facet lists the volumes it holds."
    )
    found, notice = _found(index, "https://history.state.gov/historicaldocuments/frus1950v01/d5")
    assert found == set()
    assert notice == (
        "The archive does not hold the FRUS volume frus1950v01, so not its document frus1950v01-d5: read it in the public edition, "
        "at the address given, or search for words of its title; the Collection facet lists the volumes it holds."
    )
    assert "frus1951v07p2-d334" not in volume_identifiers["frus1951v07p2"]
    found, notice = _found(index, "https://history.state.gov/historicaldocuments/frus1951v07p2/d334")
    assert found == set()
    assert notice == (
        "The archive holds the FRUS volume frus1951v07p2 but not its document frus1951v07p2-d334: read it in the public edition, "
        "at the address given, or search the volume's documents, collection:frus1951v07p2."
    )
    found, notice = _found(index, "http://localhost:8000/documents/frus1951v07p2-d334")
    assert found == set()
    assert notice == "No document has the identifier frus1951v07p2-d334 of the address given: check the address, or search for words of its title."
    # held: no word about it
    for q in ("https://history.state.gov/historicaldocuments/frus1951v07p2/d333", "/documents/FRUS1951V07P2-D333"):
        result = search(SearchRequest(q=q), index)
        assert [h.identifier for h in result.hits] == ["frus1951v07p2-d333"] and result.notice == ""


def test_the_public_editions_path_typed_after_documents_finds_its_document(demo_volumes) -> None:
    """A researcher turning https://history.state.gov/historicaldocuments/frus1951v07p2/d1 into this
    site's address by hand, /documents/frus1951v07p2/d1, got a 404 page with an empty box, and that
    path searched found nothing and said nothing (its words "documents frus1951v07p2 d1", each required)."""
    index = demo_volumes(*VOLUMES)
    for q in ("/documents/frus1951v07p2/d1", "http://localhost:8000/documents/frus1951v07p2/d1/", "documents/FRUS1951V07P2/D1"):
        result = search(SearchRequest(q=q), index)
        assert ([h.identifier for h in result.hits], result.notice) == (["frus1951v07p2-d1"], ""), q
    found, notice = _found(index, "/documents/frus1951v07p2/d334")
    assert found == set() and notice.startswith("The archive holds the FRUS volume frus1951v07p2 but not its document frus1951v07p2-d334")


def test_a_pasted_permalink_finds_its_document_first_whatever_its_identifier_holds(make_records, make_index) -> None:
    """An identifier read from a permalink is looked up whatever it holds (a PDF's identifier, from its
    file's name, may have no digit); typed, one of words joined by hyphens is too, found first."""
    records = make_records()
    index = make_index([dataclasses.replace(records[0], identifier="letter-to-stalin"), *records[1:]])
    for q in ("/documents/letter-to-stalin", "http://localhost:8000/documents/letter-to-stalin/", "documents/letter-to-stalin"):
        result = search(SearchRequest(q=q), index)
        assert [h.identifier for h in result.hits] == ["letter-to-stalin"] and result.notice == ""
    typed = search(SearchRequest(q="letter-to-stalin"), index)  # "letter to stalin" stands in no text: the identifier alone
    assert [h.identifier for h in typed.hits] == ["letter-to-stalin"]
    assert search(SearchRequest(q="letter"), index).total == 0  # a plain word is never looked up as an identifier


@pytest.mark.parametrize(
    ("q", "words"),
    [
        # an article's address: its site (www, nytimes, com), its file type and the day and month of its date left out
        ("https://www.nytimes.com/1950/01/02/archives/mao-in-moscow.html", "1950 archives mao in moscow"),
        ("www.nytimes.com/1950/01/02/archives/mao-in-moscow.html", "1950 archives mao in moscow"),
        ("nytimes.com/1950/01/02/archives/mao-in-moscow.html,", "1950 archives mao in moscow"),
        ("https://en.wikipedia.org/wiki/Chou_(disambiguation)", "wiki Chou disambiguation"),
        ("(https://example.org/Caffery)", "Caffery"),
        ("https://example.org/Caffery?lang=en#top", "Caffery"),
        ("https://en.wikipedia.org/wiki/%E5%91%A8%E6%81%A9%E6%9D%A5", "wiki 周恩来"),
        # neither a document's nor a volume's: words of the path
        ("http://localhost:8000/documents/", "documents"),
        ("http://x/documents/%2e%2e", "documents"),
        ("https://history.state.gov/milestones/1945-1952/chinese-rev", "milestones 1945 1952 chinese rev"),
    ],
)
def test_another_sites_address_is_searched_as_the_words_of_its_path(demo_volumes, q, words) -> None:
    """Another address searched every word ("https", "www", "com", "html" …), each required, so the
    fewest-words fallback ran (1,526 demo documents for the article), and said nothing of it."""
    index = demo_volumes("frus1949v07p1")
    parsed = parse(q)
    terms = tuple(Term(w) for w in words.split())
    assert parsed.node == (terms[0] if len(terms) == 1 else And(terms))
    assert [a.words for a in parsed.addresses] == [tuple(words.split())]
    assert parsed.notice == (
        f"An address of another site was searched as the words of its path, each required: {words} "
        "(its site's name, file type and short numbers left out)."
    )
    result, as_typed = search(SearchRequest(q=q), index), search(SearchRequest(q=words), index)
    assert [h.identifier for h in result.hits] == [h.identifier for h in as_typed.hits] and result.total == as_typed.total
    assert result.notice == f"{parsed.notice} {as_typed.notice}".strip()


def test_the_article_finds_the_documents_with_most_of_its_words(demo_volumes) -> None:
    """No document of frus1949v07p1 has all five words of the article's path; every one has "in", and
    one alone three of them (1950, Mao, Moscow: Stuart's account of talks in Nanking): it comes first.
    Counted here with regular expressions over each record's searched fields, "archives" as its stem."""
    records = list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1949v07p1.xml.gz"))
    words = [r"\b1950\b", r"\barchiv", r"\bmao\b", r"\bin\b", r"\bmoscow\b"]

    def searched(r) -> str:
        parts = [r.title, r.summary, r.source_note, *r.subjects, *r.repositories, *(c.title for c in r.collections)]
        parts += [n for a in r.agents for n in (a.name, *a.names)] + [t.body for t in r.texts] + [f.text for t in r.texts for f in t.footnotes]
        return " ".join(parts).lower()

    have = {r.identifier: sum(bool(re.search(w, searched(r))) for w in words) for r in records}
    assert max(have.values()) == 3 and [i for i, n in have.items() if n == 3] == ["frus1949v07p1-d121"]
    result = search(SearchRequest(q="https://www.nytimes.com/1950/01/02/archives/mao-in-moscow.html"), demo_volumes("frus1949v07p1"))
    assert result.total == sum(1 for n in have.values() if n) == len(records) == 423
    assert result.hits[0].identifier == "frus1949v07p1-d121"
    assert result.notice == (
        "An address of another site was searched as the words of its path, each required: 1950 archives mao in moscow "
        "(its site's name, file type and short numbers left out). "
        "No document has all of these words; showing documents with some of them, those with the most first."
    )


def test_an_address_without_words_is_left_out_and_said_so(demo_volumes) -> None:
    index = demo_volumes("frus1949v07p1")
    left_out = "An address of another site was left out: its path has no words to search for, and its site's name is not searched."
    for q in ("https://www.nytimes.com/", "www.nytimes.com", "https://example.org/01/02.html"):
        parsed = parse(q)
        assert parsed.node is None and parsed.notice == left_out
        result = search(SearchRequest(q=q), index)
        assert result.total == 0 and result.notice == f"{left_out} Nothing matches. Type words, or clear the box to browse."
    beside = search(SearchRequest(q="https://www.nytimes.com/ Caffery"), index)
    assert beside.total == search(SearchRequest(q="Caffery"), index).total > 0 and beside.notice == left_out
    # an AND with nothing on one side: the plain words, the address read as above, not "https www nytimes com"
    anded = parse("https://www.nytimes.com/ AND Caffery")
    assert anded.node == Term("Caffery")
    assert anded.notice == "The query could not be read as search syntax (AND needs a word on each side), so its words were searched: Caffery."


def test_what_is_no_address_is_not_read_as_one() -> None:
    assert [read_address(t) for t in ("treaty", "U.S./Soviet", "title:/documents/x", "a/b", "1949/50", "e.g./i.e.")] == [None] * 6
    assert parse("title:/documents/frus1949v07p1-d1").node == Term("frus1949v07p1-d1", "title")  # a field's words only
    assert read_address("localhost:8000/documents/frus1949v07p1-d1") == Address("localhost:8000/documents/frus1949v07p1-d1", "frus1949v07p1-d1")
    assert parse("documents/frus1949v07p1-d1").node == Pasted("frus1949v07p1-d1")


def test_an_address_as_a_fields_value_is_read_as_an_address() -> None:
    """``title:https://…`` searched the words "title", "https" … (the colon of "https:" was no syntax)."""
    article = parse("title:https://www.nytimes.com/1950/01/02/archives/mao-in-moscow.html")
    assert article.node == And(tuple(Term(w, "title") for w in ("1950", "archives", "mao", "in", "moscow")))
    assert article.notice.startswith("An address of another site was searched as the words of its path, each required: 1950 archives mao in moscow")
    # a field that is none: the plain words, the address read as above
    assert parse("nosuch:https://x.org/treaty").notice == (
        "The query could not be read as search syntax (there is no field 'nosuch'; fields are title, names, summary, text, source, "
        "from, to, type, place, subject, collection, language, date, page), so its words were searched: treaty."
    )


@pytest.mark.parametrize(
    ("q", "words", "asked"),
    [
        ("https://www.google.com/search?q=Acheson+Moscow", "Acheson Moscow", "q"),
        ("https://history.state.gov/search?q=Manila", "Manila", "q"),
        ("www.google.com/search?client=firefox&q=%22Chou+En-lai%22+1950&ie=UTF-8", "Chou En-lai 1950", "q"),
        ("https://duckduckgo.com/?t=h_&query=Caffery&ia=web", "Caffery", "query"),
        ("https://www.youtube.com/results?search_query=Mao+Moscow#top", "Mao Moscow", "search_query"),
        ("https://example.org/find?page=2&Keywords=Korea+Tokyo", "Korea Tokyo", "Keywords"),
    ],
)
def test_the_address_of_a_search_is_searched_as_the_words_it_asked_for(demo_volumes, q, words, asked) -> None:
    """The address of a search engine's or a site's search searched its path's words ("search"),
    each required: the words it asked for are searched now, and the page says so."""
    index = demo_volumes("frus1949v07p1")
    parsed = parse(q)
    terms = tuple(Term(w) for w in words.split())
    assert parsed.node == (terms[0] if len(terms) == 1 else And(terms))
    assert [(a.words, a.asked) for a in parsed.addresses] == [(tuple(words.split()), asked)]
    assert parsed.notice == (
        f"The address of a search was searched as the words it asked for ({asked}=), each required: {words} (not its site's name or path)."
    )
    result, as_typed = search(SearchRequest(q=q), index), search(SearchRequest(q=words), index)
    assert as_typed.total > 0
    assert [h.identifier for h in result.hits] == [h.identifier for h in as_typed.hits] and result.total == as_typed.total
    assert result.notice == f"{parsed.notice} {as_typed.notice}".strip()


def test_an_address_whose_query_asks_for_no_words_is_read_by_its_path() -> None:
    for q in ("https://www.google.com/search?q=", "https://www.google.com/search?q=+%22%22&hl=en", "https://example.org/Caffery?lang=en&page=2"):
        assert [a.asked for a in parse(q).addresses] == [""]
    assert parse("https://www.google.com/search?q=").node == Term("search")


@pytest.mark.parametrize("rest", ["/pdf", "#fn1", "/", "/pdf/", "/pdf?download=1", ".", "/#fn1"])
def test_a_documents_public_address_with_more_after_it_is_the_document(demo_volumes, rest) -> None:
    """``…/frus1949v07p1/d1/pdf`` was read as a part ("d1/pdf") of the volume: its 423 documents."""
    q = f"https://history.state.gov/historicaldocuments/frus1949v07p1/d1{rest}"
    parsed = parse(q)
    assert parsed.node == Pasted("frus1949v07p1-d1") and parsed.notice == ""
    assert [(a.identifier, a.volume, a.part) for a in parsed.addresses] == [("frus1949v07p1-d1", "frus1949v07p1", "")]
    result = search(SearchRequest(q=q), demo_volumes("frus1949v07p1"))
    assert result.hits[0].identifier == "frus1949v07p1-d1" and result.notice == ""


@pytest.mark.parametrize(
    "q",
    [
        "frus1949v07p1/d1", "historicaldocuments/frus1949v07p1/d1", "frus1949v07p1/d1/pdf", "history.state.gov/historicaldocuments/frus1949v07p1/d1",
        "/historicaldocuments/frus1949v07p1/d1", "FRUS1949V07P1/D1", "frus1949v07p1/D1",  # in any case, as identifiers are found
    ],
)  # fmt: skip
def test_a_documents_public_address_without_its_host_is_the_document(demo_volumes, q) -> None:
    """A footnote or a reference manager writes the document as its path in the public edition,
    ``frus1949v07p1/d1``, which found nothing (no document holds the word)."""
    parsed = parse(q)
    assert (parsed.node, parsed.notice) == (Pasted("frus1949v07p1-d1"), "")
    result = search(SearchRequest(q=q), demo_volumes("frus1949v07p1"))
    assert (result.total, result.hits[0].identifier) == (1, "frus1949v07p1-d1")


def test_a_path_that_names_no_frus_volume_is_no_address() -> None:
    # the volume's years are the sign of a FRUS key, as for a typed identifier (frusxyz-d1 is none)
    assert [read_address(t) for t in ("frusxyz/d1", "frus/d5", "fruit/d1")] == [None] * 3


@pytest.mark.parametrize(
    "q",
    [
        "https://history.state.gov/historicaldocuments/frus1955-57v02/pg_290",
        "history.state.gov/historicaldocuments/frus1955-57v02/pg_290#fn3",
        "/historicaldocuments/frus1955-57v02/pg_290",
        "frus1955-57v02/pg_290",
        "FRUS1955-57V02/PG_290",
    ],
)
def test_a_printed_pages_public_address_finds_the_documents_printed_on_it(demo_volumes, q) -> None:
    """The public edition gives each printed page an address (…/frus1955-57v02/pg_290), which footnotes
    link and researchers copy. It was read as the whole volume (324 documents, a part "pg_290")."""
    found, said = _found(demo_volumes("frus1955-57v02"), q)
    assert found == {"frus1955-57v02-d117"}  # printed on pages 289–291
    assert said == (
        "The address of page 290 of the FRUS volume frus1955-57v02 was searched as the documents printed on it, "
        "collection:frus1955-57v02 page:290."
    )
    assert read_address(q) == Address(q, volume="frus1955-57v02", page=290)


def test_a_page_address_of_a_volume_held_as_parts_and_of_a_page_it_lacks(demo_volumes) -> None:
    # FRUS 1949 volume VII's pages run on from part 1 to part 2: page 1101 prints d295 and d296 of part 2
    found, said = _found(demo_volumes("frus1949v07p1", "frus1949v07p2"), "https://history.state.gov/historicaldocuments/frus1949v07/pg_1101")
    assert found == {"frus1949v07p2-d295", "frus1949v07p2-d296"} and "as its parts frus1949v07p1 and frus1949v07p2" in said
    found, said = _found(demo_volumes("frus1955-57v02"), "frus1955-57v02/pg_999")
    assert found == set() and said.endswith("No document the query finds is printed on page:999: 324 documents match the query without it, "
                                            "printed on pages 1–689; look for the page among them, or take page:999 out.")  # fmt: skip
    # page 0 is none: the address is the volume's, as another part of it
    assert read_address("frus1955-57v02/pg_0") == Address("frus1955-57v02/pg_0", volume="frus1955-57v02", part="pg_0")


def test_addresses_of_the_public_edition_pasted_together_find_the_documents_of_any(demo_volumes) -> None:
    """Two page addresses, or a document's and a page's, were ANDed: 0 found, "the page ranges do not
    overlap" (helper-135); citations one after another find any of them, and so do these."""
    index = demo_volumes("frus1955-57v02")
    edition = "https://history.state.gov/historicaldocuments/frus1955-57v02"
    found, _ = _found(index, f"{edition}/pg_290 {edition}/pg_10")
    assert found == {"frus1955-57v02-d117", "frus1955-57v02-d6"}  # printed on pages 289–291 and 9–11
    found, _ = _found(index, f"{edition}/d118 {edition}/pg_290")
    assert found == {"frus1955-57v02-d117", "frus1955-57v02-d118"}
    # words beside an address still narrow it
    assert _found(index, f"{edition}/pg_290 Bohlen")[0] == {"frus1955-57v02-d117"}


def test_an_address_of_the_public_edition_naming_no_volume_is_left_out_and_the_others_still_find(demo_volumes) -> None:
    # a page's address followed by one cut short (…/historicaldocuments/fr, as a paste cut at the box's limit
    # leaves it) found nothing: the second was read as words of another site, "historicaldocuments fr", each
    # required (a fresh developer)
    index = demo_volumes("frus1955-57v02")
    edition = "https://history.state.gov/historicaldocuments"
    left_out = (
        f"The address '{edition}/fr' of the public FRUS edition names none of its volumes, documents or pages (cut short?), "
        "so it was left out: paste a volume's, a document's or a printed page's whole address."
    )
    found, said = _found(index, f"{edition}/frus1955-57v02/pg_290 {edition}/fr")
    assert found == {"frus1955-57v02-d117"} and said.endswith(left_out)
    for cut in (edition, "history.state.gov/historicaldocuments/", f"{edition}/fr", "https://history.state.gov/hist", "https://history.state.gov/"):
        assert read_address(cut) == Address(cut, edition=True)
    assert _found(index, f"{edition}/frus1955-57v02/pg_290 https://history.state.gov/hist")[0] == {"frus1955-57v02-d117"}
    alone = search(SearchRequest(q=edition), index)
    assert alone.total == 0 and "of the public FRUS edition names none of its volumes" in alone.notice
    # the edition's other pages are read as before: a search's words, a page's path
    assert read_address("https://history.state.gov/search?q=Dairen").words == ("Dairen",)
    assert read_address("https://history.state.gov/milestones/1945-1952/chinese-rev").words == ("milestones", "1945", "1952", "chinese", "rev")
