"""The JSON API against its own OpenAPI description, property-based (Schemathesis, Hypothesis):
requests generated from ``/api/openapi.json``, valid and invalid, on the 44 FRUS documents of
tests/fixtures/frus. Every answer must be one the description promises (status, content type,
body schema), never a server error, and input the description forbids must be refused (4xx).

Input the description allows may still be refused, so Schemathesis's check that it is accepted is
left out: rules across parameters (a start_date after the end_date, a page past the first
MAX_RESULT_WINDOW results) and a day its month lacks (1950-02-30) are beyond what OpenAPI can say.
Derandomized, so each run sends the same requests."""

from __future__ import annotations

import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance


def _schema():
    from django.core.wsgi import get_wsgi_application

    return schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


OPERATIONS = [result.ok() for result in _schema().get_all_operations()]


@pytest.fixture
def connections_kept():
    """Django closes the database connection at the end of each request (request_finished), which
    on PostgreSQL ends the test's transaction; its own test client disconnects that signal while
    it runs, and so does this for the requests Schemathesis sends to the WSGI application."""
    from django.core import signals
    from django.db import close_old_connections

    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.label)
def test_every_answer_is_one_the_description_promises(frus_archive, connections_kept, operation):
    @given(case=operation.as_strategy())
    @settings(max_examples=80, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    def check(case):
        # uncompressed: Schemathesis's WSGI transport asks for gzip but, unlike an HTTP client, does not
        # decode it (tests/web/test_search_cache.py tests the compression)
        case.call_and_validate(headers={"Accept-Encoding": "identity"}, excluded_checks=[positive_data_acceptance])

    check()


def test_the_description_publishes_each_parameters_rule(client, db):
    """What the service refuses, the description says (so the requests above that break it are
    generated, and must be refused): the two date forms, the values of sort and date_match, at most
    MAX_FILTER_VALUES values of one filter."""
    from legation.search.schema import FACETS, SORTS
    from legation.search.service import DATE_MATCHES, MAX_FILTER_VALUES

    params = {p["name"]: p["schema"] for p in client.get("/api/openapi.json").json()["paths"]["/api/search"]["get"]["parameters"]}
    # an empty value, as a form's field sends it, is the default, and the description says so (Schemathesis sent
    # sort= expecting a refusal, a fresh developer)
    assert params["sort"]["enum"] == [*(s.name for s in SORTS), ""] and params["date_match"]["enum"] == [*DATE_MATCHES, ""]
    assert "(empty: relevance)" in params["sort"]["description"] and "(empty: 10)" in params["page_size"]["description"]
    assert re.fullmatch(params["year"]["items"]["pattern"], "") and "an empty value is no filter" in params["year"]["description"]
    for empty in ("sort", "date_match", "page", "page_size", "year", "type"):
        assert client.get("/api/search", {empty: ""}).status_code == 200, empty
    assert all(params[f.name]["maxItems"] == MAX_FILTER_VALUES for f in FACETS)
    date = re.compile(params["start_date"]["pattern"])
    assert [bool(date.match(v)) for v in ("", "1949", "1949-12", "1949-12-31", "1949-13", "1949-12-32", "49", "1949-1")] == [
        True, True, True, True, False, False, False, False,
    ]
    assert params["end_date"]["pattern"] == params["start_date"]["pattern"]
