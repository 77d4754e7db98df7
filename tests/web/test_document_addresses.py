"""Near-miss document addresses: a trailing slash, trailing sentence punctuation or another case
redirect to the document's address, on the pages and in the API; anything else stays 404."""

from __future__ import annotations

from html import unescape

import pytest

from legation.records.document_record import DocumentRecord


@pytest.fixture
def archive(db):
    from tests.conftest import ingested_archive

    records = [
        DocumentRecord(identifier="frus1949v07p1-d1", title="Telegram one", date_edtf="1949").validate(),
        DocumentRecord(identifier="twin-a", title="Lower twin", date_edtf="1949").validate(),
        DocumentRecord(identifier="TWIN-A", title="Upper twin", date_edtf="1949").validate(),
        DocumentRecord(identifier="v1.", title="Ends with a full stop", date_edtf="1949").validate(),
    ]
    yield from ingested_archive(records)


@pytest.mark.parametrize("prefix", ["/documents/", "/api/documents/"])
@pytest.mark.parametrize(
    ("asked", "status", "canonical"),
    [
        ("frus1949v07p1-d1/", 301, "frus1949v07p1-d1"),
        ("frus1949v07p1-d1.", 301, "frus1949v07p1-d1"),
        ("frus1949v07p1-d1.,", 301, "frus1949v07p1-d1"),
        ("frus1949v07p1-d1./", 301, "frus1949v07p1-d1"),
        ("FRUS1949V07P1-D1", 302, "frus1949v07p1-d1"),
        ("FRUS1949V07P1-D1/", 302, "frus1949v07p1-d1"),
        ("FRUS1949V07P1-D1.", 302, "frus1949v07p1-d1"),
        ("v1./", 301, "v1."),  # an identifier that ends with a full stop keeps it
        ("V1.", 302, "v1."),
        ("twin-a/", 301, "twin-a"),
    ],
)
def test_a_near_miss_redirects_to_the_documents_address(client, archive, prefix, asked, status, canonical):
    response = client.get(prefix + asked)
    assert response.status_code == status
    assert response["Location"] == prefix + canonical
    assert client.get(response["Location"]).status_code == 200


def test_the_api_redirect_names_the_identifier_in_json(client, archive):
    response = client.get("/api/documents/FRUS1949V07P1-D1")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {"identifier": "frus1949v07p1-d1", "url": "/api/documents/frus1949v07p1-d1"}


@pytest.mark.parametrize("asked", ["Twin-A", "Twin-A/", "no-such-document", "no-such-document/", "frus1949v07p1-d", "frus1949v07p1-d1-"])
def test_anything_else_is_still_404(client, archive, asked):
    # Twin-A matches two documents ignoring case: no guess.
    page = client.get(f"/documents/{asked}")
    assert page.status_code == 404
    html = unescape(page.content.decode())
    assert "<h1>Not found</h1>" in html and f"No document has the identifier {asked.rstrip('/')!r}" in html
    api = client.get(f"/api/documents/{asked}")
    assert api.status_code == 404
    assert api.json()["error"]["code"] == "not_found"
    assert api.json()["error"]["message"].startswith(f"No document has the identifier {asked.rstrip('/')!r}")
