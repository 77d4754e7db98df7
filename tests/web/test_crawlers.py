"""robots.txt and the sitemap (legation.web.crawlers), through Django's test client on the 44
documents of the FRUS fixture volume."""

from __future__ import annotations

import datetime as dt
import urllib.robotparser
from urllib.parse import urlsplit

import pytest
from lxml import etree
from protego import Protego

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _xml(content: bytes) -> etree._Element:
    return etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))


def test_favicon_ico_leads_to_the_sites_icon(client, db):
    # an API answer opened in a browser, which names no icon, had it ask /favicon.ico: a 404 in its console
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == client.get("/").content.decode().split('rel="icon" href="')[1].split('"')[0]
    icon = client.get(response["Location"])
    assert icon.status_code == 200 and icon["Content-Type"].startswith("image/svg+xml")
    icon.close()


def test_robots_txt_keeps_crawlers_to_the_documents_and_names_the_sitemap(client, frus_archive, settings):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"] == "text/plain; charset=utf-8"
    paths = [
        "/", "/documents/frus1917-72PubDip-d1", "/static/legation/legation.css",
        "/?q=Mao", "/?type=Telegram", "/facets/sender", "/api/search?q=Mao", "/api/documents/frus1917-72PubDip-d1", "/admin/",
    ]
    # as RFC 9309 reads it (Protego, Scrapy's parser: the longest rule wins) …
    rfc = Protego.parse(response.content.decode())
    assert [p for p in paths if rfc.can_fetch(f"http://testserver{p}", "AnyBot")] == paths[:3]
    assert list(rfc.sitemaps) == ["http://testserver/sitemap.xml"]
    # … and as Python's urllib.robotparser does ("/?" read as "/", the first rule wins): only the home page is lost
    stdlib = urllib.robotparser.RobotFileParser()
    stdlib.parse(response.content.decode().splitlines())
    stdlib.modified()  # as read(): can_fetch answers False for rules never marked read
    assert [p for p in paths if stdlib.can_fetch("AnyBot", f"http://testserver{p}")] == paths[1:3]
    for sitemap in ("/sitemap.xml", "/sitemap-documents.xml?p=2"):  # a crawler on urllib may read the sitemaps too
        assert rfc.can_fetch(f"http://testserver{sitemap}", "AnyBot") and stdlib.can_fetch("AnyBot", f"http://testserver{sitemap}")
    assert stdlib.site_maps() == ["http://testserver/sitemap.xml"]
    # on the host and scheme the request came by
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "archive.example.org"]
    assert "Sitemap: https://archive.example.org/sitemap.xml" in client.get("/robots.txt", secure=True, HTTP_HOST="archive.example.org").content.decode()


def test_the_sitemap_lists_every_document_once_with_when_it_last_changed(client, frus_archive):
    from legation.records.models import Document

    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and index["Content-Type"].startswith("application/xml")
    pages = [e.text for e in _xml(index.content).iterfind("s:sitemap/s:loc", NS)]
    assert pages == ["http://testserver/sitemap-documents.xml"]
    page = client.get(urlsplit(pages[0]).path)
    urls = {e.findtext("s:loc", namespaces=NS): e.findtext("s:lastmod", namespaces=NS) for e in _xml(page.content).iterfind("s:url", NS)}
    stored = {f"http://testserver/documents/{i}": d.date().isoformat() for i, d in Document.objects.values_list("identifier", "updated_at")}
    assert len(stored) == 44 and urls == stored
    for loc in list(urls)[:3]:  # each address is the document's page
        assert client.get(urlsplit(loc).path).status_code == 200


def test_the_sitemap_is_paged_and_its_index_says_when_the_archive_last_changed(client, frus_archive, monkeypatch):
    from legation.ingest.service import ingest_records
    from legation.records.document_record import DocumentRecord
    from legation.records.models import Document
    from legation.records.serialize import load_records
    from legation.web import crawlers

    monkeypatch.setattr(crawlers.DocumentSitemap, "limit", 20)
    pages = [e.text for e in _xml(client.get("/sitemap.xml").content).iterfind("s:sitemap/s:loc", NS)]
    assert pages == [f"http://testserver/sitemap-documents.xml{p}" for p in ("", "?p=2", "?p=3")]
    listed = [e.text for page in pages for e in _xml(client.get(page.removeprefix("http://testserver")).content).iterfind("s:url/s:loc", NS)]
    assert len(listed) == len(set(listed)) == 44
    # each page has one address: any other way of writing its number is no page, and the answer echoes none
    for query in [{"p": p} for p in ("4", "1", "0", "-1", "x", "01", "1 ", "\uff11", "\u0661", "\x00", "9" * 8000, ["2", "1"])] + [{"x": "1"}, {"P": "2"}, {"p": "2", "x": "2"}]:
        missing = client.get("/sitemap-documents.xml", query)
        assert missing.status_code == 404 and "There is no such sitemap page; /sitemap.xml lists each." in missing.content.decode(), query
        assert len(missing.content) < 10_000
    assert client.get("/sitemap-nothing.xml").status_code == 404

    # a corrected record moves the index's lastmod (and its Last-Modified) to when it was stored
    first = Document.objects.order_by("pk").first()
    (record,) = load_records([first.identifier])
    changed = DocumentRecord.from_dict({**record.to_dict(), "summary": "A summary corrected."})
    assert ingest_records([changed]).updated == [first.identifier]
    latest = max(Document.objects.values_list("updated_at", flat=True))
    index = client.get("/sitemap.xml")
    assert [e.text for e in _xml(index.content).iterfind("s:sitemap/s:lastmod", NS)][0] == latest.replace(microsecond=0).isoformat()
    assert index["Last-Modified"] == latest.astimezone(dt.timezone.utc).strftime("%a, %d %b %Y %H:%M:%S GMT")


@pytest.mark.parametrize("path", ["/robots.txt", "/sitemap.xml"])
def test_crawlers_files_answer_head_and_refuse_other_methods(client, frus_archive, path):
    head = client.head(path)
    assert head.status_code == 200 and head.content == b""
    assert client.post(path).status_code == 405


def test_a_harvester_revalidates_the_sitemap_and_the_documents_without_fetching_them_again(client, frus_archive):
    # the sitemaps' Last-Modified was read past (If-Modified-Since got the whole body again), and
    # document pages and API records carried no validator at all (a fresh user)
    for path in ("/sitemap.xml", "/sitemap-documents.xml"):
        first = client.get(path)
        again = client.get(path, headers={"If-Modified-Since": first["Last-Modified"]})
        assert (first.status_code, again.status_code, again.content) == (200, 304, b""), path
    identifier = client.get("/api/search", {"page_size": 1}).json()["hits"][0]["identifier"]
    for path in (f"/documents/{identifier}", f"/api/documents/{identifier}"):
        for encoding in ("", "gzip"):
            first = client.get(path, headers={"Accept-Encoding": encoding})
            assert first.status_code == 200 and first["ETag"], path
            again = client.get(path, headers={"Accept-Encoding": encoding, "If-None-Match": first["ETag"]})
            assert (again.status_code, again.content) == (304, b""), (path, encoding)
            assert again["ETag"] == first["ETag"], (path, encoding)  # the gzipped 200's weak tag, not a strong one
            assert first.get("Vary") == again.get("Vary"), (path, encoding)  # a cache keys the 304 as its 200
            # a monitor's HEAD gets the GET's validator and is answered 304 alike (RFC 9110 §9.3.2, §13.1.2):
            # it was a 200 without ETag (a fresh user)
            head = client.head(path, headers={"Accept-Encoding": encoding})
            assert (head.status_code, head.content, head.get("ETag")) == (200, b"", first["ETag"]), (path, encoding)
            held = client.head(path, headers={"Accept-Encoding": encoding, "If-None-Match": first["ETag"]})
            assert (held.status_code, held.content) == (304, b""), (path, encoding)
    other = client.get("/api/search", {"page_size": 2}).json()["hits"][1]["identifier"]
    assert client.get(f"/documents/{other}", headers={"If-None-Match": first["ETag"]}).status_code == 200
    assert client.get("/documents/nosuch", headers={"If-None-Match": "*"}).status_code == 404
