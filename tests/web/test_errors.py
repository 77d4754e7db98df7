"""Error answers: pages in the site's layout (status, what happened, a search box; input escaped,
never a traceback) and the API's JSON error shape under /api/."""

from __future__ import annotations

import pytest
from django.test import Client

from legation.web.params import QUERY_BOX_MAXLENGTH

SCRIPT = "<script>alert(1)</script>"


def assert_error_page(response, status: int) -> str:
    """The page is in the layout (header, footer), says its status, offers a search box."""
    html = response.content.decode()
    assert response.status_code == status and response["Content-Type"] == "text/html; charset=utf-8"
    assert '<header class="site">' in html and '<footer class="site">' in html, "the base layout"
    assert f"HTTP {status}" in html
    assert f'<form class="search" method="get" action="/" role="search">' in html
    assert f'<input id="q" name="q" type="search" dir="auto" placeholder="Search the archive" maxlength="{QUERY_BOX_MAXLENGTH}"' in html
    assert "Traceback" not in html and "<script>alert" not in html
    return html


def test_a_mistyped_permalink_is_a_404_page_naming_the_identifier(client, seed_archive):
    html = assert_error_page(client.get("/documents/nosuch"), 404)
    assert "<title>Not found – Legation</title>" in html
    assert "No document has the identifier &#x27;nosuch&#x27;; check the link or search for it." in html
    # the box holds the identifier, for the search that says whether the public edition has it (it was empty)
    assert 'autocomplete="off" value="nosuch">' in html and "the search says whether the public edition holds it" in html
    html = assert_error_page(client.get('/documents/%22%3E%3Cb%3Ex'), 404)
    assert 'value="&quot;&gt;&lt;b&gt;x">' in html


def test_an_unknown_address_is_a_404_page_with_the_path_escaped(client, db):
    html = assert_error_page(client.get(f"/nosuch/{SCRIPT}"), 404)
    assert "There is no page at /nosuch/&lt;script&gt;alert(1)&lt;/script&gt;." in html
    html = assert_error_page(client.get("/documents/%3Cscript%3Ealert(1)%3C%2Fscript%3E"), 404)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_unknown_address_under_documents_is_in_the_box_for_the_search(client, seed_archive):
    # /documents/frus1949v07p1/d1, the public edition's path typed after this site's documents/, gave
    # an empty box; the search reads it as the document frus1949v07p1-d1
    html = assert_error_page(client.get("/documents/frus1949v07p1/d1"), 404)
    assert "There is no page at /documents/frus1949v07p1/d1." in html and 'autocomplete="off" value="/documents/frus1949v07p1/d1">' in html
    assert 'autocomplete="off">' in assert_error_page(client.get("/nosuch/page"), 404)  # elsewhere, no words to search


@pytest.mark.parametrize("method", ["post", "put", "delete", "options"])
def test_a_post_to_a_page_is_a_405_page_with_its_allow_header(client, seed_archive, method):
    response = getattr(client, method)("/documents/seed-sino-soviet-01")
    html = assert_error_page(response, 405)
    assert response["Allow"] == "GET, HEAD"
    assert f"This page can only be read (GET, HEAD); a {method.upper()} request is not accepted here." in html


def test_a_request_django_refuses_is_a_400_page(client, db):
    html = assert_error_page(client.get("/", HTTP_HOST="evil.example"), 400)
    assert "evil.example" not in html and "does not answer for the host name the request was sent to" in html


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("q=G%F3mulka", "q=G%F3mulka"),  # Gómulka in Latin-1: was searched as "G\ufffdmulka", 0 hits, no word
        ("q=Mao%C3", "q=Mao%C3"),  # a cut UTF-8 sequence: was searched as "Mao", 228 hits, no word
        ("q=Mao&type=Tele%FFgram", "type=Tele%FFgram"),
        ("q=" + "%E4" * 40, "q=" + "%E4" * 18 + "…"),  # named shortened, not inside an escape
    ],
)
def test_a_parameter_percent_encoding_bytes_that_are_not_utf8_is_a_400_naming_it(client, seed_archive, query, named):
    # RFC 3986 §2.5: a URI's characters are UTF-8 octets, percent-encoded (a fresh user of the API)
    said = f"The address&#x27;s parameter {named} percent-encodes bytes that are not UTF-8; send every parameter percent-encoded as UTF-8"
    html = assert_error_page(client.get(f"/?{query}"), 400)
    assert said in html
    answer = client.get(f"/api/search?{query}")
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "bad_request"
    assert answer.json()["error"]["message"].startswith(f"The address's parameter {named} percent-encodes bytes that are not UTF-8")


@pytest.mark.parametrize("query", ["q=G%C3%B3mulka", "q=100%25", "q=%E6%AF%9B%E6%B3%BD%E4%B8%9C", "q=a+b%2Bc", "q=%"])
def test_parameters_percent_encoded_as_utf8_are_searched(client, seed_archive, query):
    assert client.get(f"/api/search?{query}").status_code == 200
    assert client.get(f"/?{query}").status_code == 200


def test_a_server_error_is_a_500_page_without_the_database_or_the_error(monkeypatch):
    """No ``db`` fixture: any query while answering would fail the test (pytest-django blocks it)."""

    def fail(*args, **kwargs):
        raise RuntimeError(f"internal detail {SCRIPT}")

    monkeypatch.setattr("legation.web.views.search", fail)
    client = Client(raise_request_exception=False)
    html = assert_error_page(client.get("/", {"q": "treaty"}), 500)
    assert "internal detail" not in html and "RuntimeError" not in html
    assert "The error has been logged. Please try again in a moment." in html

    monkeypatch.setattr("legation.web.errors.render", fail)  # even the page in the layout fails
    plain = client.get("/", {"q": "treaty"})
    assert plain.status_code == 500 and b"Something went wrong on our side" in plain.content
    assert b"internal detail" not in plain.content


def test_api_errors_keep_the_json_shape(client, seed_archive, monkeypatch):
    def error(response) -> dict:
        assert response["Content-Type"].startswith("application/json")
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
        assert body["error"]["status"] == response.status_code
        return body["error"]

    assert error(client.get("/api/nosuch"))["code"] == "not_found"
    assert error(client.get(f"/api/{SCRIPT}"))["code"] == "not_found"
    refused = client.post("/api/search")
    assert refused.status_code == 405 and error(refused)["code"] == "method_not_allowed" and refused["Allow"] == "GET, HEAD"
    assert error(client.get("/api/search", HTTP_HOST="evil.example"))["code"] == "bad_request"

    monkeypatch.setattr("legation.api.api.run_search", lambda *a, **k: 1 / 0)
    failed = Client(raise_request_exception=False).get("/api/search", {"q": "treaty"})
    assert failed.status_code == 500 and error(failed)["code"] == "server_error"
    assert "ZeroDivisionError" not in failed.content.decode()


def test_a_form_sent_without_its_token_gets_the_sites_page_saying_what_to_do(seed_archive):
    # Django's own page spoke to developers: "CSRF verification failed. Request aborted."
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    refused = browser.post("/admin/login/", {"username": "curator", "password": "x"})
    page = refused.content.decode()
    assert refused.status_code == 403 and "Form expired or not accepted" in page and "CSRF verification failed" not in page
    assert "Reload the page and send the form again; your browser must accept this site&#x27;s cookies." in page



@pytest.mark.parametrize(
    ("said", "advice"),
    [
        ('connection failed: FATAL:  password authentication failed for user "legation"', "give the role's password there"),
        ('connection failed: FATAL:  database "legcopy" does not exist', "names a role or database the server does not have"),
        ("connection failed: FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute", "raise its max_connections"),
        ("connection failed: connection refused", ""),  # a server stopped or restarting: it passes
    ],
)
def test_a_database_fault_that_will_not_pass_by_itself_is_logged_with_what_to_mend(said, advice):
    # a password changed under running nodes was logged "answering 503 until it can", as though it
    # would pass (a fresh operator); PostgreSQL's own words, as psycopg gives them
    from legation.errors import lasting_fault_advice

    found = lasting_fault_advice(said)
    assert (advice in found and found.startswith(". ")) if advice else found == ""


def test_postgresqls_own_word_for_a_missing_database_gets_the_advice():
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    from legation.errors import first_line, lasting_fault_advice
    from tests.databases import postgres_url

    url = postgres_url()
    if not url:
        pytest.skip("needs PostgreSQL (LEGATION_DATABASE_URL): the words are the server's own")
    parts = urlsplit(url)
    with pytest.raises(psycopg.OperationalError) as refused:
        psycopg.connect(urlunsplit(parts._replace(path="/legation_no_such_database")), connect_timeout=10)
    assert "names a role or database the server does not have" in lasting_fault_advice(first_line(refused.value))


def test_a_record_holding_text_no_utf8_is_a_500_saying_so_and_the_log_names_the_value(client, seed_archive, caplog):
    # SQLite keeps text as the program writing it gives it; the driver's failure to read it was taken for the
    # database out of reach: 503 "try again in a minute", "The database cannot be reached" in the log, which no
    # wait mends and which named no row
    from django.db import connection

    from legation.web import errors

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL refuses text that is no UTF-8 when it is written: only an SQLite archive can hold it")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM records_document WHERE identifier = 'seed-sino-soviet-01'")
        (pk,) = cursor.fetchone()
        cursor.execute("UPDATE records_document SET summary = CAST(X'4142FF43' AS TEXT) WHERE id = %s", [pk])
    errors._said_at.pop("undecodable", None)  # another test's may have been said within the minute
    with caplog.at_level("ERROR", logger="legation.web.errors"):
        page = client.get("/documents/seed-sino-soviet-01")
        api = client.get("/api/documents/seed-sino-soviet-01")
    html = assert_error_page(page, 500)
    assert "This record cannot be read" in html and "not UTF-8 text" in html and "Retry-After" not in page
    assert "cannot be reached" not in html
    assert api.status_code == 500 and api.json()["error"]["code"] == "record_unreadable"
    [said] = [r.getMessage() for r in caplog.records if r.name == "legation.web.errors"]  # once a minute, not per request
    assert said.startswith("A value stored in the archive is no UTF-8 text") and "first seen at /documents/seed-sino-soviet-01" in said
    assert (
        f"(1) The row {pk} of records_document: its summary is not UTF-8 text (byte 3, 0xFF, in b'AB\\xffC'). "
        f"Correct it with sqlite3 (UPDATE \"records_document\" SET \"summary\" = '…' WHERE \"id\" = {pk};)."
    ) in said
    assert client.get("/documents/seed-sino-soviet-02").status_code == 200  # the others read as before
