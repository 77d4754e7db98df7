"""Near-miss document addresses: a trailing slash, trailing sentence punctuation or another case
redirect to the document's address, on the pages and in the API; anything else stays 404."""

from __future__ import annotations

from html import unescape

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
    ]
    for report in ingested_archive(records):
        # Ingest now refuses an identifier differing from another in case alone; an archive of an
        # older Legation may hold such a pair (twin-a, TWIN-A): made here as that one would be.
        Document.objects.filter(identifier="twin-b").update(identifier="TWIN-A")
        ChangeLogEntry.objects.bulk_create([ChangeLogEntry(document_identifier="twin-b", operation="delete"), ChangeLogEntry(document_identifier="TWIN-A", operation="upsert")])
        follow_once()
        yield report


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
