"""Near-miss addresses: a trailing slash (on every page and endpoint), trailing sentence punctuation
or another case redirect to the document's address, on the pages and in the API; anything else
stays 404."""

from __future__ import annotations

from html import unescape
from urllib.parse import quote, unquote

import pytest

from legation.records.document_record import DocumentRecord


@pytest.fixture
def archive(db):
    from tests.conftest import ingested_archive

    from legation.records.models import ChangeLogEntry, Document
    from legation.search.follower import follow_once

    records = [
        DocumentRecord(identifier="frus1949v07p1-d1", title="Telegram one", date_edtf="1949").validate(),
        DocumentRecord(identifier="twin-a", title="Lower twin", date_edtf="1949").validate(),
        DocumentRecord(identifier="twin-b", title="Upper twin", date_edtf="1949").validate(),
        DocumentRecord(identifier="v1.", title="Ends with a full stop", date_edtf="1949").validate(),
        DocumentRecord(identifier="Ärzte-Straße-1", title="Letters of physicians", date_edtf="1949").validate(),
        DocumentRecord(identifier="note(1)", title="Ends with a bracket", date_edtf="1949").validate(),
        DocumentRecord(identifier="cites", title="Cites others", date_edtf="1949", relations=["FRUS1949V07P1-D1", "Twin-A", "no-such"]).validate(),
    ]
    for report in ingested_archive(records):
        # Ingest now refuses an identifier differing from another in case alone; an archive of an
        # older Legation may hold such a pair (twin-a, TWIN-A): made here as that one would be.
        Document.objects.filter(identifier="twin-b").update(identifier="TWIN-A", identifier_folded="twin-a")  # as migration 0011 folds it
        ChangeLogEntry.objects.bulk_create([ChangeLogEntry(document_identifier="twin-b", operation="delete"), ChangeLogEntry(document_identifier="TWIN-A", operation="upsert")])
        follow_once()
        yield report


@pytest.mark.parametrize("prefix", ["/documents/", "/api/documents/"])
@pytest.mark.parametrize(
    ("asked", "redirects"),
    [
        # a trailing slash goes first (301, as on every page), then punctuation (301) or case (302)
        ("frus1949v07p1-d1/", [(301, "frus1949v07p1-d1")]),
        ("frus1949v07p1-d1.", [(301, "frus1949v07p1-d1")]),
        ("frus1949v07p1-d1.,", [(301, "frus1949v07p1-d1")]),
        ("frus1949v07p1-d1./", [(301, "frus1949v07p1-d1."), (301, "frus1949v07p1-d1")]),
        # brackets a pasted address was enclosed in (a 404)
        ("frus1949v07p1-d1)", [(301, "frus1949v07p1-d1")]),
        ("frus1949v07p1-d1).", [(301, "frus1949v07p1-d1")]),
        ("frus1949v07p1-d1%5D", [(301, "frus1949v07p1-d1")]),
        ("frus1949v07p1-d1%3E", [(301, "frus1949v07p1-d1")]),
        ("FRUS1949V07P1-D1)", [(302, "frus1949v07p1-d1")]),
        ("FRUS1949V07P1-D1", [(302, "frus1949v07p1-d1")]),
        ("FRUS1949V07P1-D1/", [(301, "FRUS1949V07P1-D1"), (302, "frus1949v07p1-d1")]),
        ("FRUS1949V07P1-D1.", [(302, "frus1949v07p1-d1")]),
        ("v1./", [(301, "v1.")]),  # an identifier that ends with a full stop keeps it
        # one that ends with a bracket keeps the bracket it closes (all were stripped: "note(1", a 404)
        ("note(1))", [(301, "note(1)")]),
        ("(note(1))", [(301, "note(1)")]),
        ("(note(1)).", [(301, "note(1)")]),
        ("%5Bnote(1)%5D", [(301, "note(1)")]),
        ("NOTE(1))", [(302, "note(1)")]),
        ("V1.", [(302, "v1.")]),
        ("twin-a/", [(301, "twin-a")]),
        ("twin-a//", [(301, "twin-a")]),
        # white space and invisible characters a pasted address drags along: a space, a tab, a no-break
        # space, a zero-width space, a byte order mark, a left-to-right mark (each a 404: a fresh user)
        ("frus1949v07p1-d1%20", [(301, "frus1949v07p1-d1")]),
        ("%20frus1949v07p1-d1%09", [(301, "frus1949v07p1-d1")]),
        ("frus1949v07p1-d1%C2%A0", [(301, "frus1949v07p1-d1")]),
        ("frus1949v07p1-d1%E2%80%8B", [(301, "frus1949v07p1-d1")]),
        ("%EF%BB%BFfrus1949v07p1-d1", [(301, "frus1949v07p1-d1")]),
        ("frus1949v07p1-d1.%E2%80%8E", [(301, "frus1949v07p1-d1")]),
        ("FRUS1949V07P1-D1%E2%80%8B", [(302, "frus1949v07p1-d1")]),
    ],
)
def test_a_near_miss_redirects_to_the_documents_address(client, archive, prefix, asked, redirects):
    response = client.get(prefix + asked)
    for status, canonical in redirects:
        assert response.status_code == status
        assert response["Location"] == prefix + canonical
        response = client.get(response["Location"])
    assert response.status_code == 200


def test_a_near_miss_redirect_of_a_page_keeps_the_query_string(client, archive):
    # /documents/<id>%E2%80%8B?x=1 was redirected without ?x=1 (a fresh user); the API's document
    # endpoint takes no parameters, and refuses any
    for asked, status in (("frus1949v07p1-d1%E2%80%8B", 301), ("FRUS1949V07P1-D1", 302)):
        response = client.get(f"/documents/{asked}?lang=de&x=%3Cb%3E")
        assert (response.status_code, response["Location"]) == (status, "/documents/frus1949v07p1-d1?lang=de&x=%3Cb%3E"), asked


@pytest.mark.parametrize("prefix", ["/documents/", "/api/documents/"])
@pytest.mark.parametrize("asked", ["ärzte-straße-1", "ÄRZTE-STRASSE-1", "ärzte-strasse-1"])
def test_an_identifier_in_another_case_of_letters_beyond_ascii_redirects(client, archive, prefix, asked):
    # Unicode case folding (Ä/ä, ß/SS), on SQLite too, whose LIKE and LOWER fold ASCII letters only.
    response = client.get(prefix + asked)
    assert response.status_code == 302
    assert response["Location"] == prefix + quote("Ärzte-Straße-1")
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("prefix", ["/documents/", "/api/documents/"])
@pytest.mark.parametrize(("asked", "status"), [("A\u0308rzte-Stra\u00dfe-1", 301), ("a\u0308rzte-strasse-1", 302), ("A\u0308rzte-Stra\u00dfe-1.", 301)])
def test_an_identifier_with_its_accents_decomposed_redirects_to_the_composed_one(client, archive, prefix, asked, status):
    # /documents/A%CC%88rzte-… (NFD, as some systems paste it) was a 404 where /documents/%C3%84rzte-… (NFC) is the page
    response = client.get(prefix + quote(asked))
    assert response.status_code == status
    assert response["Location"] == prefix + quote("Ärzte-Straße-1")
    assert client.get(response["Location"]).status_code == 200


def test_the_api_redirect_names_the_identifier_in_json(client, archive):
    response = client.get("/api/documents/FRUS1949V07P1-D1")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {"identifier": "frus1949v07p1-d1", "url": "/api/documents/frus1949v07p1-d1"}


@pytest.mark.parametrize("asked", ["Twin-A", "Twin-A/", "no-such-document", "no-such-document/", "frus1949v07p1-d", "frus1949v07p1-d1-"])
def test_anything_else_is_still_404(client, archive, asked):
    # Twin-A matches two documents ignoring case: no guess.
    page = client.get(f"/documents/{asked}", follow=True)  # with a slash: redirected without it first
    assert page.status_code == 404 and page.redirect_chain == ([(f"/documents/{asked.rstrip('/')}", 301)] if asked.endswith("/") else [])
    html = unescape(page.content.decode())
    assert "<h1>Not found</h1>" in html and f"No document has the identifier {asked.rstrip('/')!r}" in html
    api = client.get(f"/api/documents/{asked}", follow=True)
    assert api.status_code == 404
    assert api.json()["error"]["code"] == "not_found"
    assert api.json()["error"]["message"].startswith(f"No document has the identifier {asked.rstrip('/')!r}")


@pytest.mark.parametrize(
    ("asked", "location"),
    [
        ("/facets/type/", "/facets/type"),
        ("/facets/type/?q=Telegram&type=Memorandum", "/facets/type?q=Telegram&type=Memorandum"),
        ("/facets/type//?q=%E5%91%A8%20Enlai&x=%2F%2Fevil.example", "/facets/type?q=%E5%91%A8%20Enlai&x=%2F%2Fevil.example"),
        ("/documents/frus1949v07p1-d1/?from=mail", "/documents/frus1949v07p1-d1?from=mail"),
        ("/api/search/?q=Telegram&page_size=2", "/api/search?q=Telegram&page_size=2"),
        ("/api/facets/type/", "/api/facets/type"),
        ("/api/openapi.json/", "/api/openapi.json"),
        ("/api//", "/api/"),  # the one route ending in a slash: a 404 (a fresh developer)
    ],
)
def test_a_trailing_slash_redirects_permanently_to_the_address_without_it(client, archive, asked, location):
    """``/facets/type/`` was a 404 where ``/facets/type`` is the facet's page: every page and
    endpoint with a slash too many redirects to its address, the query string kept as sent."""
    response = client.get(asked)
    assert response.status_code == 301 and response["Location"] == location
    if location.startswith("/api/"):  # the API's redirect says where, in JSON
        assert response["Content-Type"] == "application/json; charset=utf-8" and response.json() == {"url": location}
    assert client.get(location).status_code == 200
    assert client.head(asked).status_code == 301


@pytest.mark.parametrize(
    "asked",
    ["//evil.example/", "//evil.example//", "/\\evil.example/", "/%2F%2Fevil.example/", "/no-such-page/", "/api/no-such-endpoint/", "/facets/type/x/"],
)
def test_a_slash_leads_nowhere_off_the_site_nor_to_an_address_it_does_not_have(client, archive, asked):
    # the path as a server hands it on (the test client would read "//evil.example/" as a host)
    response = client.get("/", PATH_INFO=unquote(asked), QUERY_STRING="q=Telegram")
    assert response.status_code == 404 and not response.has_header("Location")


@pytest.mark.parametrize(
    ("asked", "location"),
    [
        ("//documents//frus1949v07p1-d1", "/documents/frus1949v07p1-d1"),  # a fresh user's try: a 404
        ("/documents//frus1949v07p1-d1/", "/documents/frus1949v07p1-d1"),
        ("/api//search", "/api/search?q=Telegram"),
        ("//facets///type", "/facets/type?q=Telegram"),
    ],
)
def test_doubled_slashes_redirect_to_the_address_with_one(client, archive, asked, location):
    """A link joined from two parts ("…/" + "/documents/…") doubles a slash: the address with one
    is the page meant. Redirected as a slash too many at the end is, and as safely."""
    query = "" if asked.startswith("//documents") or asked.startswith("/documents") else "q=Telegram"
    response = client.get("/", PATH_INFO=asked, QUERY_STRING=query)
    assert response.status_code == 301 and response["Location"] == location
    assert client.get(location, follow=True).status_code == 200


def test_a_post_with_a_trailing_slash_is_not_redirected(client, archive):
    """A redirect would turn it into a GET (301) and drop what it sent: it stays a 404."""
    assert client.post("/facets/type/").status_code == 404


def test_a_related_document_named_in_another_case_links_to_it(client, archive):
    # "Rel-1" for the stored "rel-1" was shown "(not in this archive)", with no link (a fresh user)
    html = unescape(client.get("/documents/cites").content.decode())
    related = html[html.index('<section class="relations">') :]
    related = related[: related.index("</section>")]
    assert '<a href="/documents/frus1949v07p1-d1">Telegram one</a>' in related
    assert '<code>Twin-A</code> <span class="absent">(not in this archive)</span>' in related  # two documents ignoring case: no guess
    assert '<code>no-such</code> <span class="absent">(not in this archive)</span>' in related
