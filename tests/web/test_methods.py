"""HTTP methods: pages and API endpoints only read, so GET and HEAD work and anything else is 405
with an Allow header (not a CSRF 403, not a 500); static files get content-hashed names once collected."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("path", ["/", "/documents/seed-sino-soviet-01", "/facets/sender"])
def test_pages_answer_get_and_head_and_refuse_posts_with_405(client, seed_archive, path):
    assert client.get(path).status_code == 200
    head = client.head(path)
    assert head.status_code == 200 and head.content == b""
    for method in (client.post, client.put, client.delete):
        refused = method(path)
        assert refused.status_code == 405, (path, method)
        assert set(refused["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}


@pytest.mark.parametrize("path", ["/api/search?q=treaty", "/api/documents/seed-sino-soviet-01", "/api/suggest?q=Zh", "/api/facets/sender"])
def test_api_answers_head_like_get_and_refuses_posts_with_a_json_405(client, seed_archive, path):
    get, head = client.get(path), client.head(path)
    assert get.status_code == head.status_code == 200 and head.content == b""
    assert head["Content-Type"] == get["Content-Type"] == "application/json; charset=utf-8"
    refused = client.post(path)
    assert refused.status_code == 405 and refused.json()["error"]["status"] == 405


def test_collected_static_files_get_content_hashed_names(tmp_path, settings):
    from django.core.management import call_command
    from django.templatetags.static import static

    settings.STATIC_ROOT = tmp_path / "static"
    call_command("collectstatic", interactive=False, verbosity=0)
    hashed = static("legation/legation.css")
    assert hashed.startswith("/static/legation/legation.") and hashed.endswith(".css") and hashed != "/static/legation/legation.css"


def test_openapi_lists_each_read_operation_once_with_a_unique_operation_id(client, db):
    paths = client.get("/api/openapi.json").json()["paths"]
    operations = [(path, method, op["operationId"]) for path, ops in paths.items() for method, op in ops.items()]
    assert {method for _, method, _ in operations} == {"get"}
    assert len({op for _, _, op in operations}) == len(operations) >= 4


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_openapi_description_refuses_writes_with_a_json_405_not_a_csrf_page(client, db, method):
    refused = getattr(client, method)("/api/openapi.json")
    assert refused.status_code == 405 and refused.json()["error"]["code"] == "method_not_allowed"
    assert refused["Allow"] == "GET, HEAD"


@pytest.mark.parametrize("path", ["/?q=treaty", "/api/search?q=treaty", "/documents/seed-sino-soviet-01", "/no-such-page"])
def test_head_leaves_the_body_out_in_the_application_not_only_in_the_server(seed_archive, path):
    """gunicorn drops a HEAD body too, but logs a warning for every one; the test client would
    drop it as well, so this calls the WSGI application itself."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.test import RequestFactory

    def answer(method):
        started = []
        body = b"".join(WSGIHandler()(getattr(RequestFactory(), method)(path).environ, lambda status, headers: started.append((status, dict(headers)))))
        return started[0][0], started[0][1], body

    get_status, get_headers, get_body = answer("get")
    head_status, head_headers, head_body = answer("head")
    assert head_status == get_status and head_body == b"" and len(get_body) > 0
    assert head_headers["Content-Length"] == get_headers["Content-Length"] == str(len(get_body))
    assert head_headers["Content-Type"] == get_headers["Content-Type"]


@pytest.mark.parametrize("method", ["post", "put", "delete", "options"])
@pytest.mark.parametrize("path", ["/api/nope", "/api/search/", "/api/documents"])
def test_a_request_to_no_api_endpoint_is_404_whatever_its_method(client, db, method, path):
    """A POST to an address under /api/ that is no endpoint was answered 405 "Use GET for this
    endpoint", though a GET there is 404: there is no endpoint to use GET for."""
    refused = getattr(client, method)(path)
    assert refused.status_code == 404, (method, path)
    assert refused.json() == {"error": {"status": 404, "code": "not_found", "message": f"There is no API endpoint at {path}; see /api/openapi.json."}}


@pytest.mark.parametrize("path", ["/api/openapi.json", "/api/docs", "/api/search?q=treaty", "/api/documents/seed-sino-soviet-01"])
def test_options_is_refused_on_the_description_and_its_docs_as_on_every_endpoint(client, seed_archive, path):
    """OPTIONS answered the whole OpenAPI description (and the docs page) with 200, while every
    endpoint refuses it with 405: the API only reads, by GET or HEAD."""
    refused = client.options(path)
    assert refused.status_code == 405 and refused.json()["error"]["code"] == "method_not_allowed", path
    assert refused["Allow"] == "GET, HEAD"
