"""The JSON API through Django's test client, on the seed archive."""

from __future__ import annotations

import json
import re
from collections import Counter
from html import unescape

import pytest

from tests.conftest import FIXTURES
from tests.search.fixtures import naming, records_of, sent_from

SEED = [json.loads(line) for line in (FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl").read_text().splitlines()]
SEED_RECORDS = records_of(SEED)


def test_search_returns_total_hits_and_facets_counted_over_all_matches(client, seed_archive):
    body = client.get("/api/search", {"page_size": "4", "sort": "date_desc"}).json()
    assert body["total"] == 10 and body["start"] == 1 and body["end"] == 4
    assert [h["identifier"] for h in body["hits"]] == [
        d["identifier"] for d in sorted(SEED, key=lambda d: d["date_edtf"], reverse=True)[:4]
    ]
    types = {v["value"]: v["count"] for f in body["facets"] if f["name"] == "type" for v in f["values"]}
    expected: dict[str, int] = {}
    for d in SEED:
        expected[d["document_type"]] = expected.get(d["document_type"], 0) + 1
    assert types == expected


def test_too_many_values_of_one_filter_are_refused_saying_how_many_may_be(client, seed_archive):
    # 500 values made a 4 MB page (every facet link repeats them); 50 are allowed.
    from legation.search.service import MAX_FILTER_VALUES

    many = "&".join(f"sender=S{i}" for i in range(MAX_FILTER_VALUES + 1))
    api = client.get(f"/api/search?{many}")
    assert api.status_code == 400 and f"choose at most {MAX_FILTER_VALUES}" in api.json()["error"]["message"]
    page = client.get(f"/?{many}")
    assert page.status_code == 400 and f"choose at most {MAX_FILTER_VALUES}" in page.content.decode()
    allowed = "&".join(f"sender=S{i}" for i in range(MAX_FILTER_VALUES))
    assert client.get(f"/api/search?{allowed}").json()["total"] == 0


def test_filters_combine_or_within_a_facet(client, seed_archive):
    body = client.get("/api/search?recipient=Liu+Shaoqi&recipient=Zhou+Enlai").json()
    expected = [d for d in SEED if any(a["role"] == "recipient" and a["name"] in ("Liu Shaoqi", "Zhou Enlai") for a in d["agents"])]
    assert body["total"] == len(expected)


@pytest.mark.parametrize(
    "query, field",
    [
        ("page=abc", "page"),
        ("page_size=0", "page_size"),
        ("sort=bogus", "sort"),
        ("start_date=1949-13", "start_date"),
        ("start_date=1950&end_date=1949", "start_date"),
        ("year=abc", "year"),
        ("colour=red&type=" + "x" * 20, "colour"),
        ("type=" + "x" * 20, None),
    ],
)
def test_invalid_parameters_get_a_400_in_one_error_shape(client, seed_archive, query, field):
    response = client.get("/api/search?" + query)
    if field is None:
        assert response.status_code == 200  # a filter with no match is empty
        assert response.json()["total"] == 0
        return
    assert response.status_code == 400
    error = response.json()["error"]
    assert set(error) == {"status", "code", "message"} and error["status"] == 400
    assert field in error["message"]


@pytest.mark.parametrize(
    "query, message",
    [
        ("page=abc", "page must be a whole number."),
        ("page=0", "page must be at least 1."),
        ("page_size=1000", "page_size must be at most 100."),
    ],
)
def test_a_number_out_of_range_is_named_as_the_pages_name_it(client, seed_archive, query, message):
    error = client.get("/api/search?" + query).json()["error"]
    assert error["message"] == f"{message[:-1]}. See /api/openapi.json for the accepted values."


@pytest.mark.parametrize(
    "address, name",
    [
        ("/api/search?page=2_0", "page"),
        ("/api/search?page_size=1_0", "page_size"),
        ("/api/search?page=2.0", "page"),
        ("/api/facets/type?limit=1_0", "limit"),
        ("/api/suggest?q=li&limit=1_0", "limit"),
    ],
)
def test_a_number_is_written_in_digits_alone(client, seed_archive, address, name):
    """Python and Pydantic read 2_0 as 20: page=2_0 answered page 20, and page=2.0 was refused by
    another rule in other words than page=abc; a number is its digits alone, on every endpoint."""
    response = client.get(address)
    assert response.status_code == 400, address
    assert response.json()["error"]["message"] == f"{name} must be a whole number. See /api/openapi.json for the accepted values."


def test_a_parameter_an_endpoint_does_not_take_is_refused_naming_what_it_takes(client, seed_archive):
    """A misspelt parameter was dropped silently: ``types=Telegram`` answered every document, as
    if asked for all. Each endpoint refuses the parameters its OpenAPI description does not declare,
    naming them (and the likeliest one meant); the search page, whose links carry other sites'
    tracking parameters, reads past them."""
    search_parameters = "q, start_date, end_date, date_match, sort, type, sender, recipient, collection, place, subject, language, year"
    expected = {
        "/api/search?types=Telegram": "There is no parameter 'types' (did you mean type?); /api/search takes "
        f"{search_parameters}, page, page_size. See /api/openapi.json.",
        "/api/facets/type?q=Mao&colour=red": "There is no parameter 'colour'; /api/facets/{name} takes "
        f"{search_parameters}, contains, limit. See /api/openapi.json.",
        "/api/suggest?q=li&Limit=3": "There is no parameter 'Limit' (did you mean limit?); /api/suggest takes q, limit. See /api/openapi.json.",
        "/api/search?pageSize=5": "There is no parameter 'pageSize' (did you mean page_size?); /api/search takes "
        f"{search_parameters}, page, page_size. See /api/openapi.json.",  # not page, which it begins with
        # the facet page's box sends containing=; the API names its own (a fresh researcher)
        "/api/facets/sender?containing=Mao": "There is no parameter 'containing' (did you mean contains?); /api/facets/{name} takes "
        f"{search_parameters}, contains, limit. See /api/openapi.json.",
        "/api/documents/frus1949v07p1-d1?format=xml": "There is no parameter 'format'; /api/documents/{identifier} takes no parameters. "
        "See /api/openapi.json.",
    }
    for address, message in expected.items():
        response = client.get(address)
        assert response.status_code == 400 and response.json() == {"error": {"status": 400, "code": "invalid_parameter", "message": message}}
    assert client.get("/api/search?type=Telegram").json()["total"] == sum(d["document_type"] == "Telegram" for d in SEED) > 0
    # but for the cache-busting _ that jQuery and the load benchmark add, which every operation ignores
    for address in ("/api/search?q=Mao&_=1", "/api/facets/type?_=2", "/api/suggest?q=li&_=3", f"/api/documents/{SEED[0]['identifier']}?_=4"):
        assert client.get(address).status_code == 200, address
    assert client.get("/api/search?q=Mao&_=1").json() == client.get("/api/search?q=Mao").json()
    results = [re.search(r"Results: [^<]*", client.get(address).content.decode()).group() for address in ("/?q=Mao&utm_source=news", "/?q=Mao")]
    assert results[0] == results[1] == "Results: 1 - 10 of 10"


@pytest.mark.parametrize(
    "address, meant",
    [
        ("/api/search?per_page=5", "page_size"),  # GitHub, WordPress
        ("/api/search?perPage=5", "page_size"),
        ("/api/search?size=5", "page_size"),  # Elasticsearch
        ("/api/search?rows=5", "page_size"),  # Solr
        ("/api/search?limit=5", "page_size"),
        ("/api/search?count=5", "page_size"),
        ("/api/search?offset=20", "page"),
        ("/api/search?skip=20", "page"),
        ("/api/search?start=20", "page or start_date"),  # Solr's position, or a historian's start of a range
        ("/api/search?end=1950", "end_date"),
        ("/api/search?since=1949", "start_date"),  # GitHub's since, OAI-PMH's from and until
        ("/api/search?date_from=1949", "start_date"),
        ("/api/search?until=1950", "end_date"),
        ("/api/search?before=1950", "end_date"),
        ("/api/search?date=1949", "start_date or end_date"),
        ("/api/facets/sender?until=1950", "end_date"),
        ("/api/search?search=Mao", "q"),  # Django REST framework
        ("/api/search?text=Mao", "q"),
        ("/api/search?keywords=Mao", "q"),
        ("/api/search?order=desc", "sort"),  # GitHub's order, beside its sort
        ("/api/search?order_by=date", "sort"),
        ("/api/search?ordering=date", "sort"),
        ("/api/search?lang=ru", "language"),
        ("/api/search?lng=ru", "language"),
        ("/api/search?locale=ru", "language"),
        ("/api/search?from=Kennan", "sender"),  # the query language's from:
        ("/api/search?author=Kennan", "sender"),
        ("/api/search?to=Stalin", "recipient"),
        ("/api/search?addressee=Stalin", "recipient"),
        ("/api/facets/sender?per_page=5", "limit"),  # where the number of values listed is limit
        ("/api/facets/sender?rows=5", "limit"),
        ("/api/facets/sender?start=1950", "start_date"),  # no page to start at
        ("/api/facets/sender?from=Kennan", "sender"),
        ("/api/suggest?q=li&size=3", "limit"),
        ("/api/suggest?search=li", "q"),
    ],
)
def test_a_parameter_named_as_other_apis_name_it_is_refused_naming_ours(client, seed_archive, address, meant):
    """``per_page``, ``from``, ``lang``, ``offset`` … (GitHub, Elasticsearch, Solr, Datasette) were
    refused naming no parameter to write instead, as ``pageSize`` was not (a fresh user of the API);
    ``query`` and ``sort_by`` were named already, as beginning with ``q`` and ``sort``."""
    response = client.get(address)
    name = address.partition("?")[2].split("&")[-1].partition("=")[0]
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith(f"There is no parameter '{name}' (did you mean {meant}?); "), address


def test_other_apis_names_point_to_parameters_some_operation_takes() -> None:
    from legation.api.api import OTHER_APIS_NAMES, declared_parameters

    taken = {name for path in ("/search", "/facets/{name}", "/suggest") for name in declared_parameters(path)}
    assert {meant for names in OTHER_APIS_NAMES.values() for meant in names} <= taken


@pytest.mark.parametrize(
    "query, name, values",
    [
        ("sort=date_asc&sort=date_desc", "sort", "'date_asc', 'date_desc'"),
        ("page=1&page=2", "page", "'1', '2'"),
        ("q=Mao&q=Stalin", "q", "'Mao', 'Stalin'"),
        ("start_date=1949&start_date=1950", "start_date", "'1949', '1950'"),
        ("date_match=within&date_match=overlap", "date_match", "'within', 'overlap'"),
        ("page_size=&page_size=5", "page_size", "'', '5'"),
    ],
)
def test_a_parameter_taking_one_value_given_twice_is_refused_on_the_api_and_the_page(client, seed_archive, query, name, values):
    """``sort=date_asc&sort=date_desc`` was answered in the first order, silently (Ninja reads the
    last value, the search the first): which one was meant cannot be known. Refused, as a filter's
    values are not (they combine with OR), on the API and the search page alike (but for the page's
    box, whose query is the last)."""
    message = f"{name} was given 2 times ({values}); it takes one value: send {name} once."
    api = client.get("/api/search?" + query)
    assert api.status_code == 400 and api.json()["error"] == {"status": 400, "code": "invalid_parameter", "message": message}
    page = client.get("/?" + query)
    if name == "q":  # the page shows the last, which its box holds (tests/web/test_pages.py)
        message = "The address gives the search box 2 queries ('Mao', 'Stalin')"
    assert page.status_code == 400 and message in unescape(page.content.decode())
    assert client.get("/api/search?type=Telegram&type=Letter").status_code == 200
    # the same value again asks one question: answered as if given once (it was refused: a fresh user)
    value = {"sort": "date_desc", "page": "2", "q": "Mao", "start_date": "1949", "date_match": "within", "page_size": "5"}[name]
    for path in ("/api/search", "/"):
        twice, once = client.get(f"{path}?{name}={value}&{name}={value}"), client.get(f"{path}?{name}={value}")
        assert (twice.status_code, twice.content) == (200, once.content), (path, name)



@pytest.mark.parametrize(
    ("address", "start"),
    [
        ("/api/search?sort={}", "There is no sort '{}…'; use one of: relevance"),
        ("/api/search?start_date={}", "start_date: '{}…' is not a date; write YYYY"),
        ("/api/search?date_match={}", "date_match is '{}…'; use overlap"),
        ("/api/search?year={}", "year is '{}…', which is no value of the year facet"),
        ("/api/search?{}=1", "There is no parameter '{}…'; /api/search takes q,"),
        ("/api/facets/{}", "There is no facet '{}…'; use one of: type"),
        ("/api/search?sort=a&sort={}", "sort was given 2 times ('a', '{}…'); it takes one value"),
    ],
)
def test_an_error_repeats_a_long_value_cut_to_60_characters(client, seed_archive, address, start):
    # a value of 3,000 characters came back whole in the message, burying what it says to do
    answer = client.get(address.format("Z" * 3000))
    message = answer.json()["error"]["message"]
    assert answer.status_code in (400, 404) and message.startswith(start.format("Z" * 60)) and len(message) < 400, message

def test_other_endpoints_refuse_their_single_valued_parameters_twice_too(client, seed_archive):
    for address, name in [
        ("/api/facets/recipient?contains=Liu&contains=Zhou", "contains"),
        ("/api/facets/recipient?limit=1&limit=2", "limit"),
        ("/api/suggest?q=li&q=zh", "q"),
    ]:
        error = client.get(address).json()["error"]
        assert error["code"] == "invalid_parameter" and error["message"].startswith(f"{name} was given 2 times"), address
    page = client.get("/facets/recipient?contains=Liu&contains=Zhou")
    assert page.status_code == 400 and "contains was given 2 times" in unescape(page.content.decode())


def test_a_year_filter_that_is_no_year_is_refused_saying_what_to_send(client, seed_archive):
    """``year=abc`` answered 200 with nothing found, as if no document were of that year: a year
    value is a year or "Undated" (what the year facet lists), and another is refused, on the API,
    the facet endpoint and the page; the OpenAPI description gives the pattern."""
    message = "year is 'abc', which is no value of the year facet; give a year such as 1950, or Undated."
    for address in ("/api/search?year=abc", "/api/facets/type?year=1950&year=abc"):
        response = client.get(address)
        assert response.status_code == 400 and response.json()["error"]["message"] == message, address
    page = client.get("/?year=abc")
    assert page.status_code == 400 and message in unescape(page.content.decode())
    years = Counter(d["date_edtf"][:4] for d in SEED)
    assert client.get("/api/search?year=1950&year=Undated").json()["total"] == years["1950"] > 0
    spec = client.get("/api/openapi.json").json()
    year = next(p["schema"] for p in spec["paths"]["/api/search"]["get"]["parameters"] if p["name"] == "year")
    assert [bool(re.match(year["items"]["pattern"], v)) for v in ("1950", "Undated", "987", "abc", "0950", "19500", "1950-01")] == [
        True, True, True, False, False, False, False,
    ]


def test_a_reversed_date_range_in_the_query_is_read_the_other_way_round_and_said(client, seed_archive):
    body = client.get("/api/search", {"q": "date:1950-02..1949-12", "page_size": "100"}).json()
    assert body["notice"] == "date:1950-02..1949-12 ends before it starts, so it was read as date:1949-12..1950-02."
    winter = {d["identifier"] for d in SEED if "1949-12-01" <= d["date_edtf"] <= "1950-02-28"}
    assert {h["identifier"] for h in body["hits"]} == winter and body["total"] == len(winter) == 9


def test_a_page_past_the_last_says_so_in_the_notice_naming_the_last_page(client, seed_archive):
    """An empty hit list and nothing said: the notice names the last page and how to ask for it,
    in the words of the search page, after any other notice."""
    matching = [d for d in SEED if "sino-soviet" in " ".join([d["title"], d["summary"], *(c["title"] for c in d["collections"])]).lower()]
    last = -(-len(matching) // 3)
    body = client.get("/api/search", {"q": "Sino-Soviet", "page": "24", "page_size": "3"}).json()
    assert (body["total"], body["hits"], body["start"], body["end"]) == (len(matching), [], 0, 0) == (10, [], 0, 0)
    assert body["notice"] == f"Page 24 is past the last page of results, page {last}: ask for page={last}." == (
        "Page 24 is past the last page of results, page 4: ask for page=4."
    )
    assert client.get("/api/search", {"q": "Sino-Soviet", "page": str(last), "page_size": "3"}).json()["notice"] == ""
    reversed_range = client.get("/api/search", {"q": "date:1950-02..1949-12", "page": "5"}).json()
    assert reversed_range["notice"] == (
        "date:1950-02..1949-12 ends before it starts, so it was read as date:1949-12..1950-02. "
        "Page 5 is past the last page of results, page 1: ask for page=1."
    )
    nothing = client.get("/api/search", {"q": "nosuchwordanywhere", "page": "5"}).json()
    assert nothing["total"] == 0 and "past the last page" not in nothing["notice"]  # nothing matched: no last page to name


def test_a_date_that_is_no_date_is_left_out_and_the_notice_says_what_is_wrong(client, seed_archive):
    # it was searched as the words "Stalin date 1950-02-30", the documents with most of them first
    response = client.get("/api/search", {"q": "Stalin date:1950-02-30"})
    assert response.status_code == 200
    body, alone = response.json(), client.get("/api/search", {"q": "Stalin"}).json()
    assert alone["total"] > 0 and body["total"] == alone["total"]
    assert [h["identifier"] for h in body["hits"]] == [h["identifier"] for h in alone["hits"]]
    assert body["notice"] == (
        "The query could not be read as written (date:1950-02-30: 30 is not a day of February 1950, which has 28; "
        'write date:YYYY, YYYY-MM or YYYY-MM-DD, a range as date:1950-01..1951, or as archives do: date:"22 Dec 1949"), '
        "so date:1950-02-30 was left out "
        "and it was read as: Stalin."
    )
    for q in ("Stalin date:(<script>x</script> OR", 'Stalin -date:"1950-13', "date:" + "9" * 990, "(Stalin OR date:1950-13) AND NOT date:\x00"):
        response = client.get("/api/search", {"q": q})
        assert response.status_code == 200 and response.json()["notice"].startswith("The query could not be read"), q


def test_hits_carry_their_snippets_as_a_list_and_the_best_alone(client, frus_archive):
    """Poole's letter (d40, 16,000 characters) gets three passages; the editorial note d24 (954
    bytes) one. ``snippet_html`` stays, the first of ``snippets_html``."""
    body = client.get("/api/search", {"q": "Russian peasants farmer", "page_size": "100"}).json()
    hits = {h["identifier"]: h for h in body["hits"]}
    poole = hits["frus1917-72PubDip-d40"]
    assert len(poole["snippets_html"]) == 3 and poole["snippet_html"] == poole["snippets_html"][0]
    assert poole["snippet_html"].startswith("… Just to give one example, it will help the <mark>Russian</mark> liberals")
    note = client.get("/api/search", {"q": "reading room Mexico"}).json()["hits"][0]
    assert note["identifier"] == "frus1917-72PubDip-d24" and note["snippets_html"] == [note["snippet_html"]]
    hit_schema = client.get("/api/openapi.json").json()["components"]["schemas"]["Hit"]
    assert hit_schema["properties"]["snippets_html"]["type"] == "array" and "snippets_html" in hit_schema["required"]


def test_hits_carry_their_title_summary_and_subjects_marked_beside_the_plain_ones(client, seed_archive, frus_archive):
    """``title`` and ``summary`` stay text; ``title_html`` and ``summary_html`` are them as HTML, the
    query's words marked; ``subjects_html`` the subjects holding a word of the query, for a hit that
    shows no other reason (a passage of each, marked)."""
    hits = {h["identifier"]: h for h in client.get("/api/search", {"q": "Zhou Enlai treaty"}).json()["hits"]}
    mao = hits["seed-sino-soviet-08"]
    assert list(mao)[:9] == [
        "identifier", "title", "title_html", "date_display", "date_edtf", "document_type", "summary", "summary_html", "snippet_html"
    ]  # fmt: skip
    assert mao["title"] == "Telegram, Mao Zedong to Zhou Enlai and CCP CC"
    assert mao["title_html"] == "Telegram, Mao Zedong to <mark>Zhou</mark> <mark>Enlai</mark> and CCP CC"
    assert mao["summary_html"] == (
        "Mao brings <mark>Zhou</mark> <mark>Enlai</mark> up to date on the <mark>treaty</mark> negotiations and on Sino-Soviet "
        "cooperation at the United Nations."
    )
    assert mao["subjects_html"] == [] and mao["named"] == []
    war = {h["identifier"]: h for h in client.get("/api/search", {"q": '"World War"', "page_size": "50"}).json()["hits"]}
    assert war["frus1917-72PubDip-d2"]["subjects_html"] == ["<mark>World</mark> <mark>War</mark> I"]
    properties = client.get("/api/openapi.json").json()["components"]["schemas"]["Hit"]["properties"]
    assert properties["title_html"]["type"] == properties["summary_html"]["type"] == "string"
    assert properties["subjects_html"]["type"] == "array" and properties["subjects_html"]["items"]["type"] == "string"
    assert properties["source_html"]["type"] == "array" and properties["source_html"]["items"]["type"] == "string"


@pytest.mark.parametrize("params", [{"q": "Russian peasants farmer", "page_size": "100"}, {"q": "propaganda", "type": "Letter"}, {"q": "zzzzqqq"}])
def test_search_answers_are_what_the_openapi_description_says(client, frus_archive, params):
    # The answer is written without Ninja's check against the response schema (for speed), so the
    # schema is checked here: read back through it, the answer is unchanged (no key missing or
    # extra, no value of another type), and the description names that schema.
    from legation.api.schemas import SearchOut

    response = client.get("/api/search", params)
    assert response.status_code == 200 and response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert SearchOut.model_validate(body).model_dump(mode="json") == body
    spec = client.get("/api/openapi.json").json()
    answer = spec["paths"]["/api/search"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert answer == {"$ref": "#/components/schemas/SearchOut"}
    assert set(spec["components"]["schemas"]["SearchOut"]["properties"]) == set(body)


def test_document_and_its_404(client, seed_archive):
    record = SEED[0]
    body = client.get(f"/api/documents/{record['identifier']}").json()
    assert body == {**record, "place_written": "", "repositories": [], "rights": "", "credit": "", "pages": "", "relations": []}  # the seed file predates these fields
    missing = client.get("/api/documents/no-such-document")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


def test_a_document_answers_the_printed_pages_that_print_it_as_the_description_says(client, db):
    from dataclasses import replace

    from legation.records.document_record import DocumentRecord
    from tests.conftest import ingested_archive

    record = SEED[0]
    for _ in ingested_archive([replace(DocumentRecord.from_dict(record), pages="287–289")]):
        body = client.get(f"/api/documents/{record['identifier']}").json()
        assert body == {**record, "place_written": "", "repositories": [], "rights": "", "credit": "", "pages": "287–289", "relations": []}
    spec = client.get("/api/openapi.json").json()
    answer = spec["paths"]["/api/documents/{identifier}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert answer == {"$ref": "#/components/schemas/DocumentRecord"}
    document = spec["components"]["schemas"]["DocumentRecord"]
    assert document["properties"]["pages"] == {"default": "", "title": "Pages", "type": "string"}
    assert "`pages` are the\npages of the printed edition" in document["description"]


def test_openapi_description_is_served(client, db):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/search", "/api/documents/{identifier}"} <= set(spec["paths"])
    params = {p["name"]: p["schema"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "type", "sender", "recipient", "year", "start_date", "end_date", "sort", "page", "page_size"} <= set(params)
    assert params["page"] == {
        "default": 1, "description": "Page number, 1 to 10,000 (empty, as a form's field sends it: 1).", "maximum": 10000, "minimum": 1,
        "title": "Page", "type": "integer",
    }  # fmt: skip
    assert (params["page_size"]["type"], params["page_size"]["minimum"], params["page_size"]["maximum"]) == ("integer", 1, 100)
    facets = {p["name"] for p in spec["paths"]["/api/facets/{name}"]["get"]["parameters"]}
    assert {"name", "q", "type", "start_date", "contains", "limit"} <= facets and not {"page", "page_size"} & facets
    # every error status an endpoint answers is described (each answers 400 for a bad parameter)
    for path in ("/api/search", "/api/suggest", "/api/facets/{name}"):
        assert {"200", "400"} <= set(spec["paths"][path]["get"]["responses"]), path
    bad = client.get("/api/suggest", {"q": "Wash", "limit": "0"})
    assert bad.status_code == 400 and bad.json()["error"]["code"]


def test_the_published_date_pattern_refuses_what_the_server_refuses(client, db):
    # it let year 0000 through, which the server refuses (a fresh user validating against the description)
    spec = client.get("/api/openapi.json").json()
    params = {p["name"]: p["schema"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    pattern = re.compile(params["start_date"]["pattern"])
    assert params["end_date"]["pattern"] == pattern.pattern and "1950-02-30" in params["start_date"]["description"]
    for value in ("1949", "0001", "1949-12", "1949-12-31", "0000", "0000-01", "1949-13", "1949-12-32", "49", "1949-1"):
        accepted = client.get("/api/search", {"start_date": value, "page_size": 1}).status_code == 200
        assert bool(pattern.match(value)) == accepted, value


def test_year_histogram_counts_come_from_the_fixture(client, seed_archive):
    body = client.get("/api/search").json()
    expected: dict[int, int] = {}
    for d in SEED:
        year = int(d["date_edtf"][:4])
        expected[year] = expected.get(year, 0) + 1
    assert body["years"] == [{"year": y, "count": expected.get(y, 0), "years": 1} for y in range(min(expected), max(expected) + 1)]
    assert body["undated"] == 0 and body["years_left_out"] == []


def test_the_years_the_histogram_leaves_out_are_given_with_their_counts(client, db):
    # a charter of 1066 among the seed's telegrams of 1949-50: found, but in no bar, and the answer said nothing of it
    from legation.ingest.readers.jsonl import read_jsonl
    from legation.records.document_record import DocumentRecord
    from tests.conftest import ingested_archive

    charter = DocumentRecord(identifier="charter", title="A charter", date_edtf="1066-10-14").validate()
    for _ in ingested_archive([*read_jsonl(FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"), charter]):
        body = client.get("/api/search").json()
        assert body["total"] == len(SEED) + 1 and body["years_left_out"] == [{"year": 1066, "count": 1, "years": 1}]
        assert sum(y["count"] for y in body["years"]) == len(SEED)
        spec = client.get("/api/openapi.json").json()["components"]["schemas"]["SearchOut"]
        assert "years_left_out" in spec["required"] and "stray date" in spec["properties"]["years_left_out"]["description"]


def test_year_facet_in_order_and_histogram_year_by_year(client, frus_archive):
    """The FRUS volume: 3 documents of 1917, 29 of 1918, 1 of 1919, 11 undated (counted off the
    TEI); by count the facet would read 1918, Undated, 1917, 1919."""
    body = client.get("/api/search").json()
    year = next(f for f in body["facets"] if f["name"] == "year")
    assert [(v["value"], v["count"]) for v in year["values"]] == [("1917", 3), ("1918", 29), ("1919", 1), ("Undated", 11)]
    assert body["years"] == [{"year": 1917, "count": 3, "years": 1}, {"year": 1918, "count": 29, "years": 1}, {"year": 1919, "count": 1, "years": 1}]
    assert body["undated"] == 11
    listed = client.get("/api/facets/year").json()
    assert [v["value"] for v in listed["values"]] == ["1917", "1918", "1919", "Undated"]


def test_suggest_completes_names_from_authority_records_and_titles(client, seed_archive):
    body = client.get("/api/suggest", {"q": "liu"}).json()
    expected = len(naming(SEED_RECORDS, "Liu Shaoqi"))  # what choosing it finds (no authority records loaded: one form)
    assert expected == 6 and body[0] == {"kind": "name", "text": "Liu Shaoqi", "identifier": "", "documents": expected, "query": '"Liu Shaoqi"'}
    titles = [s["text"] for s in client.get("/api/suggest", {"q": "Cable, Mao"}).json() if s["kind"] == "title"]
    assert sorted(titles) == sorted({d["title"] for d in SEED if d["title"].startswith("Cable, Mao")})
    assert client.get("/api/suggest", {"q": "x"}).json() == []
    assert client.get("/api/suggest", {"q": "<script>"}).status_code == 200
    assert client.get("/api/suggest", {"q": "li", "limit": "0"}).status_code == 400


def test_suggest_completes_places_documents_were_sent_from(client, frus_archive):
    from legation.ingest.readers.tei_frus import read_frus_volume
    from tests.conftest import FIXTURES

    records = list(read_frus_volume(FIXTURES / "frus" / "frus1917-72PubDip.xml"))
    places = Counter(r.place_sent for r in records if r.place_sent)
    finds = {place: len(sent_from(records, place)) for place in ("Washington", "St. Petersburg")}  # what choosing it finds
    # choosing a place searches the documents sent from it (place:…), not those naming it (6 each)
    assert finds == {"Washington": 18, "St. Petersburg": 3} == {p: places[p] for p in finds}
    assert (len(naming(records, "Washington")), len(naming(records, "St. Petersburg"))) == (6, 6)
    body = client.get("/api/suggest", {"q": "wash"}).json()
    assert {"kind": "place", "text": "Washington", "identifier": "", "documents": finds["Washington"], "query": 'place:"Washington"'} in body
    body = client.get("/api/suggest", {"q": "St. P"}).json()
    assert [s for s in body if s["kind"] == "place"] == [
        {"kind": "place", "text": "St. Petersburg", "identifier": "", "documents": finds["St. Petersburg"], "query": 'place:"St. Petersburg"'}
    ]
    for item in (s for s in body if s["kind"] != "title"):  # the count is what choosing it finds
        assert client.get("/api/search", {"q": item["query"]}).json()["total"] == item["documents"]


# The native-script names data/demo/authorities.jsonl gives these people, under the seed's keys.
NATIVE_NAMES = [
    {"kind": "person", "key": "person:zhou-enlai", "name": "Zhou Enlai", "names": ["Chou En-lai", "周恩来"]},
    {"kind": "person", "key": "person:mao-zedong", "name": "Mao Zedong", "names": ["Mao Tse-tung", "毛泽东"]},
    {"kind": "person", "key": "person:liu-shaoqi", "name": "Liu Shaoqi", "names": ["Liu Shao-chi", "刘少奇"]},
]


def test_suggest_completes_one_chinese_character_to_the_names_it_starts(client, seed_archive, tmp_path):
    """A Han character is a syllable, often a whole surname: 周 alone must find 周恩来, though a
    single Latin letter is too short to complete."""
    from legation.records.authorities import load_authorities

    path = tmp_path / "names.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in NATIVE_NAMES), encoding="utf-8")
    load_authorities(path)

    def documents(name: str) -> int:  # what choosing the name finds: the documents naming it in any of its forms
        return len(naming(SEED_RECORDS, *next(row["names"] + [row["name"]] for row in NATIVE_NAMES if row["name"] == name)))

    assert (documents("Zhou Enlai"), documents("Mao Zedong"), documents("Liu Shaoqi")) == (2, 10, 6)
    for typed, name in (("周", "Zhou Enlai"), ("周恩", "Zhou Enlai"), ("周恩来", "Zhou Enlai"), ("毛", "Mao Zedong"), ("刘少", "Liu Shaoqi")):
        body = client.get("/api/suggest", {"q": typed}).json()
        assert body == [{"kind": "name", "text": name, "identifier": "", "documents": documents(name), "query": f'"{name}"'}], typed
    assert client.get("/api/suggest", {"q": "邓"}).json() == []  # Deng Xiaoping names no seed document
    assert client.get("/api/suggest", {"q": "z"}).json() == []


def test_a_hit_found_by_one_word_of_another_form_of_a_name_says_whom_it_names(client, seed_archive, tmp_path):
    """The index holds every name of an agent's authority record, so "Chou" or 周 alone finds
    the documents of Zhou Enlai; a hit whose texts do not hold that word named nobody and showed
    no reason (291 demo hits of "Zhou"). Now it names the agent by the name stored."""
    from legation.records.authorities import load_authorities

    path = tmp_path / "names.jsonl"
    from django.core.cache import caches

    from legation.search import variants
    from legation.search.follower import follow_once

    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in NATIVE_NAMES), encoding="utf-8")
    load_authorities(path)
    follow_once()  # the documents naming them re-indexed with their names, as the server's follower does
    caches["search"].clear()
    variants.reset()
    for typed, name in (("Chou", "Zhou Enlai"), ("Tse*", "Mao Zedong"), ("周", "Zhou Enlai"), ("刘", "Liu Shaoqi")):
        body = client.get("/api/search", {"q": typed, "page_size": 50}).json()
        hits = body["hits"]
        agent_of = {r.identifier for r in SEED_RECORDS if name in [a.name for a in r.agents]}  # the other forms are their agents'
        assert {h["identifier"] for h in hits} == agent_of and body["total"] == len(hits), typed
        for h in hits:
            marked = "<mark>" in "".join([h["title_html"], h["summary_html"], *h["snippets_html"], *h["subjects_html"]])
            assert marked or name in [a["name"] for a in h["named"]], (typed, h["identifier"])


def test_repeated_parameters_are_read_like_the_page_reads_them(client, seed_archive):
    api = client.get("/api/search?page_size=3&page=2&page=3")  # refused on both (no longer the first taken)
    page = client.get("/?page_size=3&page=2&page=3")
    assert api.status_code == page.status_code == 400 and api.json()["error"]["message"].startswith("page was given 2 times")
    blank = client.get("/api/search?page=&page_size=").json()  # empty form fields mean the defaults
    assert (blank["page"], blank["page_size"]) == (1, 10)


def test_a_filter_value_no_document_has_names_where_the_callers_interface_lists_the_values(client, seed_archive):
    # the API's notice said "The values are listed at /facets/type.": the search page's list, HTML
    types = Counter(d["document_type"] for d in SEED)
    assert types == {"Telegram": 7, "Cable": 3}
    said = "No document has the type 'telegram' (a filter's value is written as the facet lists it: Telegram). The values are listed at {}."
    api = client.get("/api/search", {"type": "telegram"}).json()
    assert (api["total"], api["notice"], api["explained"]) == (0, said.format("/api/facets/type"), True)
    listed = client.get("/api/facets/type")  # the place named answers the API's JSON, with the value meant
    assert listed["Content-Type"].startswith("application/json") and {v["value"]: v["count"] for v in listed.json()["values"]} == types
    page = unescape(client.get("/", {"type": "telegram"}).content.decode())
    linked = '<a href="/facets/type">/facets/type</a>'
    assert f'<p class="notice" role="status">{said.format(linked)}</p>' in page  # the page keeps its page's place, a link
    assert client.get("/facets/type")["Content-Type"].startswith("text/html")


def test_all_values_of_a_facet_can_be_listed_and_narrowed(client, seed_archive):
    counts: dict[str, int] = {}
    for d in SEED:
        for name in {a["name"] for a in d["agents"] if a["role"] == "recipient"}:
            counts[name] = counts.get(name, 0) + 1
    body = client.get("/api/facets/recipient").json()
    assert {v["value"]: v["count"] for v in body["values"]} == counts
    narrowed = client.get("/api/facets/recipient", {"contains": "LIU"}).json()
    assert [v["value"] for v in narrowed["values"]] == [n for n in counts if "liu" in n.lower()]
    assert client.get("/api/facets/colour").status_code == 404
    paged = client.get("/api/facets/recipient", {"contains": "LIU", "page": "2"})  # no paging here: a parameter not taken
    assert paged.status_code == 400 and paged.json()["error"]["message"].startswith("There is no parameter 'page'; /api/facets/{name} takes")


def test_the_apis_own_address_lists_its_endpoints_and_where_its_description_is(client, db):
    # GET /api redirected to /api/, which answered 404: the address of the API led nowhere
    redirected = client.get("/api")
    assert (redirected.status_code, redirected["Location"]) == (301, "/api/")
    spec = client.get("/api/openapi.json").json()
    response = client.get("/api/")
    assert response.status_code == 200 and response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {
        "title": "Legation API",
        "version": spec["info"]["version"],
        "openapi": "/api/openapi.json",
        "docs": "/api/docs",
        "endpoints": [
            {"path": "/api/search", "summary": "Search documents"},
            {"path": "/api/documents/{identifier}", "summary": "One document"},
            {"path": "/api/suggest", "summary": "Autocomplete names and titles"},
            {"path": "/api/facets/{name}", "summary": "All values of one facet"},
        ],
    }
    assert [e["path"] for e in response.json()["endpoints"]] == [p for p in spec["paths"] if p != "/api/"]
    assert client.get("/api/docs").status_code == 200 and client.head("/api/").status_code == 200
    # an address under it that is no endpoint, a parameter or another method: the API's JSON errors
    assert client.get("/api/nosuch").json()["error"] == {
        "status": 404, "code": "not_found", "message": "There is no API endpoint at /api/nosuch; see /api/openapi.json.",
    }
    assert client.get("/api/", {"q": "Mao"}).json()["error"]["message"] == (
        "There is no parameter 'q'; /api/ takes no parameters. See /api/openapi.json."
    )
    assert client.post("/api/").json()["error"]["code"] == "method_not_allowed"


def test_other_methods_get_the_json_error_shape(client, db):
    response = client.post("/api/search", {"q": "Mao"})
    assert response.status_code == 405 and response.json()["error"]["code"] == "method_not_allowed"
    assert "GET" in response["Allow"]


def test_q_is_accepted_up_to_the_searchs_own_cap_and_refused_past_it_saying_so(client, seed_archive):
    """The search reads MAX_QUERY_CHARS of a query: the API takes a q that long whole and refuses
    a longer one (it was cut silently but for a notice up to 10,000, refused past that), and its
    OpenAPI description says the same limit."""
    from legation.search.query import MAX_QUERY_CHARS

    assert MAX_QUERY_CHARS == 1000
    for n in (900, MAX_QUERY_CHARS):
        body = client.get("/api/search", {"q": ("Mao " * n)[:n]}).json()
        assert body["total"] == 10 and body["notice"] == "", n
    expected = {
        "error": {
            "status": 400,
            "code": "invalid_parameter",
            "message": "q is longer than the 1,000 characters accepted: send a shorter q. See /api/openapi.json for the accepted values.",
        }
    }
    for n in (MAX_QUERY_CHARS + 1, 1500, 12_000):
        for path in ("/api/search", "/api/facets/type"):
            response = client.get(path, {"q": ("Mao " * n)[:n]})
            assert response.status_code == 400 and response["Content-Type"].startswith("application/json"), (path, n)
            assert response.json() == expected, (path, n)
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/search", "/api/facets/{name}"):
        q = next(p["schema"] for p in spec["paths"][path]["get"]["parameters"] if p["name"] == "q")
        assert q["maxLength"] == 1000
        assert "At most 1,000 characters (a longer q is refused with 400)" in q["description"]
        assert "8,190 bytes (else 414): 798 characters of q in any script" in q["description"]


def test_other_too_long_parameters_say_their_limit(client, seed_archive):
    # as a search's q: the box being typed is completed whatever it holds (a box of 798 characters fits a request line)
    response = client.get("/api/suggest", {"q": "x" * 1001})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "q is longer than the 1,000 characters accepted: send a shorter q. See /api/openapi.json for the accepted values."


def test_a_facets_values_say_whether_the_list_is_whole(client, seed_archive):
    counts = Counter(name for d in SEED for name in {a["name"] for a in d["agents"] if a["role"] == "recipient"})
    assert len(counts) == 4
    whole = client.get("/api/facets/recipient").json()
    assert set(whole) == {"name", "label", "values", "approximate", "distinct_values", "matching_values", "truncated"}
    assert {v["value"]: v["count"] for v in whole["values"]} == counts
    assert (whole["distinct_values"], whole["matching_values"], whole["truncated"]) == (4, 4, False)

    top_two = client.get("/api/facets/recipient", {"limit": "2"}).json()
    by_count = sorted(counts.items(), key=lambda vc: (-vc[1], vc[0]))
    assert [(v["value"], v["count"]) for v in top_two["values"]] == by_count[:2]
    assert (top_two["distinct_values"], top_two["matching_values"], top_two["truncated"]) == (4, 4, True)

    narrowed = client.get("/api/facets/recipient", {"contains": "zhou", "limit": "1"}).json()
    assert [v["value"] for v in narrowed["values"]] == ["Zhou Enlai"]
    assert (narrowed["distinct_values"], narrowed["matching_values"], narrowed["truncated"]) == (4, 1, False)
    narrowed = client.get("/api/facets/recipient", {"contains": "i", "limit": "3"}).json()  # all but "Mao Zedong" hold an i
    assert (narrowed["distinct_values"], narrowed["matching_values"], narrowed["truncated"]) == (4, 3, False)
    assert client.get("/api/facets/recipient", {"contains": "i", "limit": "2"}).json()["truncated"] is True

    years = client.get("/api/facets/year", {"limit": "1"}).json()  # the most frequent year, though years list in order
    year_counts = Counter(d["date_edtf"][:4] for d in SEED)
    assert [(v["value"], v["count"]) for v in years["values"]] == [year_counts.most_common(1)[0]]
    assert (years["distinct_values"], years["truncated"]) == (len(year_counts), len(year_counts) > 1)

    for limit in ("0", "1001", "many"):
        bad = client.get("/api/facets/recipient", {"limit": limit})
        assert bad.status_code == 400 and bad.json()["error"]["message"].startswith("limit must be "), limit
    assert client.get("/api/facets/recipient", {"limit": ""}).json() == whole  # an empty field means the default


def test_a_facets_values_narrowed_by_contains_take_one_search(client, seed_archive, monkeypatch):
    """The values containing the text and the count of all values come from one call of the
    service, which reads the query once (the answer used to take two searches)."""
    from legation.search import service

    reads = []
    read = service.text_query
    monkeypatch.setattr(service, "text_query", lambda *args: reads.append(args[0].q) or read(*args))
    body = client.get("/api/facets/recipient", {"q": "Mao", "contains": "liu"}).json()
    assert reads == ["Mao"]
    mao = [d for d in SEED if "mao" in json.dumps(d).lower()]
    recipients = {a["name"] for d in mao for a in d["agents"] if a["role"] == "recipient"}
    assert [v["value"] for v in body["values"]] == ["Liu Shaoqi"] and body["distinct_values"] == len(recipients) == 4
    found = service.facet_values(service.SearchRequest(q="Mao"), "recipient", contains="liu")
    assert found.distinct_values is None and [v.value for v in found.values] == ["Liu Shaoqi"]  # counted only when asked


def test_a_collections_key_narrows_its_facets_values_on_the_api_and_the_page(client, seed_archive):
    # contains=<a collection's key> found nothing, while collection=<key> selects it (a fresh user)
    title = "Sino-Soviet Treaty Talks, 1949–1950"
    for typed in ("SEED-SINO-SOVIET-TREATY", "treaty-talks", "Treaty Talks"):
        body = client.get("/api/facets/collection", {"contains": typed}).json()
        assert [(v["value"], v["count"]) for v in body["values"]] == [(title, 10)]
        assert title in client.get("/facets/collection", {"contains": typed}).content.decode()
    assert client.get("/api/facets/collection", {"contains": "seed-sino-soviet-treaty-talkz"}).json()["values"] == []
    assert client.get("/api/facets/collection", {"contains": "seed\x00"}).json()["values"] == []
    assert client.get("/api/facets/type", {"contains": "seed-sino"}).json()["values"] == []  # a key names a collection only
    # its hyphen typed as the dash a citation prints, as the values are sought (a fresh user)
    assert [v["value"] for v in client.get("/api/facets/collection", {"contains": "seed\u2013sino\u2013soviet"}).json()["values"]] == [title]


def test_a_filters_value_is_read_without_spaces_around_it(client, seed_archive):
    # type=%20Telegram and collection=%20<key>%20 found nothing: no value begins or ends in a space (a fresh user)
    for name, value in (("type", "Telegram"), ("collection", "seed-sino-soviet-treaty-talks")):
        alone = client.get("/api/search", {name: value}).json()
        spaced = client.get("/api/search", {name: f" {value}\t"}).json()
        assert alone["total"] > 0 and (spaced["total"], spaced["notice"]) == (alone["total"], alone["notice"])
    assert client.get("/api/search", {"type": " "}).json()["total"] == 10  # blank: no filter, as an empty value


def test_facet_values_are_truncated_at_the_services_cap(client, seed_archive, monkeypatch):
    """At MAX_FACET_VALUES values counted there may be rarer ones: the answer says so though
    every value counted is listed. The cap is lowered to the fixture's 4 recipients to see it."""
    from legation.search import service

    monkeypatch.setattr(service, "MAX_FACET_VALUES", 4)
    monkeypatch.setattr("legation.api.schemas.MAX_FACET_VALUES", 4)
    monkeypatch.setattr("legation.api.api.MAX_FACET_VALUES", 4)
    body = client.get("/api/facets/recipient", {"limit": "4"}).json()
    assert (len(body["values"]), body["distinct_values"], body["matching_values"], body["truncated"]) == (4, 4, 4, True)


def test_a_facets_values_list_every_selected_value_as_the_searchs_facets_do(client, seed_archive):
    # type=telegram (no document's type, written in another case) was listed with 0 among the search's facets,
    # "plus every selected value", but not by /api/facets/type (a fresh developer)
    for params, name, value in ((({"type": "telegram"}), "type", "telegram"), ({"q": "Mao", "sender": "Nobody"}, "sender", "Nobody")):
        searched = client.get("/api/search", params).json()
        in_search = [(v["value"], v["count"]) for f in searched["facets"] if f["name"] == name for v in f["values"] if v["selected"]]
        body = client.get(f"/api/facets/{name}", params).json()
        assert in_search == [(value, 0)] and [(v["value"], v["count"]) for v in body["values"] if v["selected"]] == in_search
        every = client.get(f"/api/facets/{name}", {k: v for k, v in params.items() if k != name}).json()
        assert body["matching_values"] == every["matching_values"] and body["truncated"] is every["truncated"]  # no value matching
    held = client.get("/api/facets/recipient", {"recipient": "Liu Shaoqi", "limit": 1}).json()
    assert [v["value"] for v in held["values"] if v["selected"]] == ["Liu Shaoqi"]  # beyond the limit too


def test_the_facet_answer_is_what_the_openapi_description_says(client, seed_archive):
    from legation.api.schemas import FacetValuesOut

    body = client.get("/api/facets/recipient", {"contains": "liu"}).json()
    assert FacetValuesOut.model_validate(body).model_dump(mode="json") == body
    spec = client.get("/api/openapi.json").json()
    operation = spec["paths"]["/api/facets/{name}"]["get"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/FacetValuesOut"}
    schema = spec["components"]["schemas"]["FacetValuesOut"]
    assert set(schema["properties"]) == set(body) and set(schema["required"]) >= {"distinct_values", "matching_values", "truncated"}
    assert schema["properties"]["truncated"]["type"] == "boolean"
    assert "`distinct_values` reached 1,000" in schema["properties"]["truncated"]["description"]
    limit = next(p["schema"] for p in operation["parameters"] if p["name"] == "limit")
    assert (limit["default"], limit["minimum"], limit["maximum"]) == (200, 1, 1000)


def _many(name: str, n: int) -> str:
    return "&".join(f"{name}={name[0]}{i}" for i in range(n))


# (method, address, status, code, the start of the message): every kind of mistake a client can make.
MISTAKES = [
    ("get", "/api/search?sort=bogus", 400, "invalid_parameter", "There is no sort 'bogus'; use one of: relevance, date_asc, date_desc."),
    ("get", "/api/search?date_match=sometimes", 400, "invalid_parameter", "date_match is 'sometimes'; use overlap"),
    ("get", "/api/search?page=0", 400, "invalid_parameter", "page must be at least 1."),
    ("get", "/api/search?page_size=ten", 400, "invalid_parameter", "page_size must be a whole number."),
    ("get", "/api/search?start_date=1950-13", 400, "invalid_parameter", "start_date: '1950-13' is not a real date"),
    ("get", "/api/search?start_date=1950&end_date=1949", 400, "invalid_parameter", "start_date (1950) is after end_date (1949)"),
    ("get", "/api/search?" + _many("sender", 51), 400, "invalid_parameter", "The filter 'sender' was given 51 values; choose at most 50"),
    ("get", "/api/facets/type?q=" + "x" * 1001, 400, "invalid_parameter", "q is longer than the 1,000 characters accepted"),
    ("get", "/api/facets/type?contains=Tel&limit=0", 400, "invalid_parameter", "limit must be at least 1."),
    ("get", "/api/suggest?q=li&limit=21", 400, "invalid_parameter", "limit must be at most 20."),
    ("get", "/api/search?sort_order=date_desc", 400, "invalid_parameter", "There is no parameter 'sort_order' (did you mean sort?)"),
    ("get", "/api/search?sort=date_asc&sort=date_desc", 400, "invalid_parameter", "sort was given 2 times"),
    ("get", "/api/search?year=1950s", 400, "invalid_parameter", "year is '1950s', which is no value of the year facet"),
    ("get", "/api/search?" + _many("x", 1001), 400, "bad_request", "The request has more than 1,000 parameters; send fewer"),
    ("host", "/api/search?q=Mao", 400, "bad_request", "This server does not answer for the host name the request was sent to"),
    ("get", "/api/nosuch", 404, "not_found", "There is no API endpoint at /api/nosuch; see /api/openapi.json."),
    ("get", "/api/documents/no-such-document", 404, "not_found", "No document has the identifier 'no-such-document'"),
    ("get", "/api/facets/colour", 404, "not_found", "There is no facet 'colour'; use one of: type, sender, recipient"),
    ("post", "/api/search", 405, "method_not_allowed", "Use GET for this endpoint"),
    ("delete", "/api/documents/x", 405, "method_not_allowed", "Use GET for this endpoint"),
]


def test_every_error_code_is_documented_and_each_kind_of_mistake_has_one(client, seed_archive, monkeypatch):
    """One code per kind of mistake: every mistake of :data:`MISTAKES`, a page past the result
    window, a failing search, an outdated index and an address too long get the code and status
    documented for them, and together they use every code the OpenAPI description lists."""
    from django.test import Client

    from legation.api.errors import CODES
    from legation.search import service
    from legation.search.indexer import IndexOutdated
    from legation.serving import too_large_headers_answer, too_long_answer

    seen = set()

    def check(response, status: int, code: str, message: str) -> None:
        # every JSON error says its charset, Django's 404 and 405 and gunicorn's 414 as Ninja's own
        assert response.status_code == status and response["Content-Type"] == "application/json; charset=utf-8"
        error = response.json()["error"]
        assert (error["status"], error["code"], CODES[code][0]) == (status, code, status)
        assert error["message"].startswith(message), error["message"]
        seen.add(code)

    for method, address, status, code, message in MISTAKES:
        response = client.get(address, HTTP_HOST="evil.example") if method == "host" else getattr(client, method)(address)
        check(response, status, code, message)
        # as every answer of Django's: a 405 answered before the view lacked them
        assert (response.get("X-Content-Type-Options"), response.get("Referrer-Policy")) == ("nosniff", "same-origin"), address
    monkeypatch.setattr(service, "MAX_RESULT_WINDOW", 5)
    check(client.get("/api/search?page=2&page_size=5"), 400, "invalid_parameter", "Only the first 5 results can be paged through")
    monkeypatch.setattr("legation.api.api.run_search", lambda *a, **k: 1 / 0)
    check(Client(raise_request_exception=False).get("/api/search"), 500, "server_error", "Something went wrong on our side")

    def outdated(*args, **kwargs):
        raise IndexOutdated("The search index was built by another version of Legation; run `legation reindex` to rebuild it.")

    monkeypatch.setattr("legation.api.api.facet_values", outdated)
    check(client.get("/api/facets/type"), 503, "index_outdated", "The search index was built by another version")
    head, body = too_long_answer(b"GET /api/search?q=" + b"x" * 9000).split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 414 ") and json.loads(body)["error"]["code"] == "uri_too_long"
    assert b"\r\nContent-Type: application/json; charset=utf-8\r\n" in head
    seen.add("uri_too_long")
    head, body = too_large_headers_answer(b"GET /api/search?q=Mao HTTP/1.1\r\n").split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 431 ") and json.loads(body)["error"]["code"] == "header_fields_too_large"
    seen.add("header_fields_too_large")
    seen.add("database_unavailable")  # answered by a real server whose database is out of reach: tests/server/test_serving.py
    seen.add("record_unreadable")  # answered for a record an SQLite archive holds in bytes no UTF-8: tests/web/test_errors.py
    assert seen == set(CODES)

    spec = client.get("/api/openapi.json").json()
    for code, (status, when) in CODES.items():
        assert f"| `{code}` | {status} | {when} |" in spec["info"]["description"]
    assert spec["components"]["schemas"]["ErrorBody"]["properties"]["code"]["enum"] == list(CODES)
    assert set(spec["paths"]["/api/facets/{name}"]["get"]["responses"]) == {"200", "400", "404", "405", "414", "431", "500", "503"}


def test_every_operation_documents_the_errors_any_request_can_get(client, db):
    """405, 414, 431 and 500 were answered but not documented; every operation lists them and 400,
    each in the error shape, its description naming the codes of that status."""
    from legation.api.errors import CODES

    spec = client.get("/api/openapi.json").json()
    operations = {path: ops["get"] for path, ops in spec["paths"].items()}
    assert set(operations) == {"/api/", "/api/search", "/api/facets/{name}", "/api/documents/{identifier}", "/api/suggest"}
    for path, operation in operations.items():
        for status in ("400", "405", "414", "431", "500"):
            answer = operation["responses"][status]
            assert answer["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorOut"}, (path, status)
            codes = [code for code, (s, _) in CODES.items() if str(s) == status]
            assert all(f"`{code}`" in answer["description"] for code in codes), (path, status)
    assert operations["/api/search"]["responses"]["405"]["description"] == (
        "Method Not Allowed: the error `method_not_allowed` (see the table of codes in the API's description)."
    )


def test_the_facet_name_is_one_of_the_facets_in_the_description(client, db):
    """The path parameter listed the facets in words only; its schema now has them as an enum,
    from search/schema.py, while another name is still answered 404 naming them."""
    from legation.search.schema import FACETS

    spec = client.get("/api/openapi.json").json()
    name = next(p for p in spec["paths"]["/api/facets/{name}"]["get"]["parameters"] if p["name"] == "name")
    assert name["in"] == "path" and name["schema"]["enum"] == [f.name for f in FACETS] == [
        "type", "sender", "recipient", "collection", "place", "subject", "language", "year",
    ]
    assert client.get("/api/facets/colour").status_code == 404


def test_control_characters_in_q_are_answered_as_json_escapes_them(client, seed_archive):
    """The search page shows DEL, C1 controls and noncharacters as U+FFFD (HTML forbids them); JSON
    allows them, but the search reads every control as a space (query.parse): never an error."""
    response = client.get("/api/search", {"q": "a\x7fb\x85c\x9fd\ufdd0e\x01f ("})
    assert response.status_code == 200
    # the controls separate words, as spaces, on the page and in the API alike (query.parse)
    assert response.json()["notice"] == (
        "The query could not be read as written (an operator or parenthesis has nothing to act on), so it was read as: a b c d\ufdd0e f. "
        "No document has all of these words; showing documents with some of them, those with the most first."
    )
    assert b"\x01" not in response.content


def test_a_page_of_another_site_may_read_the_api_but_not_the_pages(client, seed_archive):
    """A browser lets another site's script read an answer only with CORS headers: the public,
    read-only API sends them (its errors too, and to a preflight), without credentials; the
    search page and the admin send none."""
    elsewhere = {"HTTP_ORIGIN": "https://teaching.example.edu"}
    for path, params in (("/api/search", {"q": "Moscow"}), ("/api/search", {"page_size": "many"}), ("/api/documents/nope", {})):
        answer = client.get(path, params, **elsewhere)
        assert answer["Access-Control-Allow-Origin"] == "*" and "Access-Control-Allow-Credentials" not in answer, path
        # and may read its ETag, to ask again with If-None-Match, which the preflight allows (a fresh user)
        assert {h.strip().lower() for h in answer["Access-Control-Expose-Headers"].split(",")} == {"etag", "retry-after"}, path
    preflight = client.options("/api/search", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET", **elsewhere)
    assert preflight.status_code == 200 and "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    # as the Allow header of a plain OPTIONS says; and no credentials' headers (Authorization, X-CSRFToken) invited
    plain = client.options("/api/search", **elsewhere)
    assert plain.status_code == 405 and plain["Allow"] == "GET, HEAD" == preflight["Access-Control-Allow-Methods"]
    assert {h.strip() for h in preflight["Access-Control-Allow-Headers"].split(",")} >= {"if-none-match", "accept-language"}
    assert not {"authorization", "x-csrftoken"} & {h.strip() for h in preflight["Access-Control-Allow-Headers"].split(",")}
    for path in ("/", "/admin/login/", "/apis", "/api-docs"):
        assert "Access-Control-Allow-Origin" not in client.get(path, {"q": "Moscow"}, **elsewhere), path
    # the API's address without its slash redirects to the API's index; a browser follows that only with the headers
    moved = client.get("/api", **elsewhere)
    assert (moved.status_code, moved["Location"], moved["Access-Control-Allow-Origin"]) == (301, "/api/", "*")
    assert client.get(moved["Location"], **elsewhere)["Access-Control-Allow-Origin"] == "*"


def test_a_facets_values_are_found_by_their_other_names(client, seed_archive, tmp_path):
    """"All values" of a facet of names, narrowed by a text, found a name only as stored: typing
    Liu's older romanization (or moskva for Moscow, a fresh user's try) found nothing, while the
    search and the suggestions find him by it."""
    from legation.records.authorities import load_authorities
    from legation.search import variants

    from django.core.cache import caches

    caches["search"].clear()
    variants.reset()  # a table another test's authority records left in this process, within REFRESH_SECONDS
    authorities = tmp_path / "authorities.jsonl"
    authorities.write_text(json.dumps({"kind": "person", "key": "person:liu-shaoqi", "name": "Liu Shaoqi", "names": ["Liu Shao-chi"]}) + "\n")
    before = client.get("/api/facets/recipient", {"contains": "shao-chi"}).json()["values"]
    load_authorities(authorities)
    variants.reset()
    after = client.get("/api/facets/recipient", {"contains": "shao-chi"}).json()["values"]
    liu = client.get("/api/facets/recipient", {"contains": "Shaoqi"}).json()["values"]
    assert before == [] and after == liu and [v["value"] for v in liu] == ["Liu Shaoqi"]
    assert client.get("/api/facets/type", {"contains": "shao-chi"}).json()["values"] == []  # a facet of no names


def test_a_collection_key_or_a_place_variant_as_a_filter_selects_it(client, db):
    """``collection=frus1964-68v30`` answered "No document has the collection" though
    ``collection:frus1964-68v30`` in the query finds its documents, and ``place=Peking`` did not
    select Beijing, its other name: the API and the page select them now."""
    from legation.records.document_record import CollectionRef, DocumentRecord
    from legation.records.models import Place, PlaceName
    from tests.conftest import ingested_archive

    volume = CollectionRef(key="frus1964-68v30", title="Foreign Relations, 1964–1968, Volume XXX, China")
    records = [
        DocumentRecord(identifier=f"frus1964-68v30-d{n}", title=f"Telegram {n}", place_sent=place, collections=[volume]).validate()
        for n, place in ((1, "Beijing"), (2, "Beijing"), (3, "Moscow"))
    ]
    for _ in ingested_archive(records):
        PlaceName.objects.create(place=Place.objects.get(name="Beijing"), name="Peking")
        for address in ("/api/search?collection=frus1964-68v30", "/api/search?q=collection:frus1964-68v30", f"/api/search?collection={volume.title}"):
            assert client.get(address).json()["total"] == 3, address
        peking = client.get("/api/search?place=Peking").json()
        assert (peking["total"], peking["notice"]) == (2, "")
        page = client.get("/?place=Peking&collection=frus1964-68v30").content.decode()
        assert "Results: 1 - 2 of 2" in page
        # a key in another case is a key, as a document's identifier is (it found nothing, saying nothing of it)
        assert client.get("/api/search?collection=FRUS1964-68V30").json()["total"] == 3
        # another name of a place in another case names the place meant (it named none)
        for typed in ("peking", "PEKING", "beijing"):
            said = client.get("/api/search", {"place": typed}).json()
            assert said["total"] == 0 and "(a filter's value is written as the facet lists it: Beijing)" in said["notice"], typed


def test_a_document_sent_from_a_place_the_archive_names_otherwise_keeps_the_name_its_source_writes(client, db, tmp_path):
    """FRUS prints "Batavia, January 3, 1949": the demo's place authority names the city Jakarta. The
    document was stored, shown and exported as sent from Jakarta, the name its source writes lost."""
    from legation.ingest.readers import read_file
    from legation.ingest.service import ingest_records
    from legation.records.authorities import load_authorities
    from legation.records.place_names import merge_place
    from legation.records.models import Place
    from tests.conftest import REPO

    authorities = tmp_path / "places.jsonl"
    authorities.write_text('{"kind": "place", "name": "Jakarta", "names": ["Batavia", "Djakarta"]}\n', encoding="utf-8")
    load_authorities(authorities)
    volume = REPO / "data" / "demo" / "frus" / "frus1949v07p1.xml.gz"
    report = ingest_records(read_file(volume), source=str(volume))
    body = client.get("/api/documents/frus1949v07p1-d95").json()
    assert (body["date_text"], body["place_sent"], body["place_written"]) == ("January 3, 1949—4 p. m.", "Jakarta", "Batavia")
    page = client.get("/documents/frus1949v07p1-d95").content.decode()
    assert '<dt>Place sent</dt><dd>Batavia (<a href="/?place=Jakarta"' in page
    assert ingest_records(read_file(volume), source=str(volume)).unchanged == report.added  # nothing changes again
    # a place stored before the authority file named it merges with its name kept as written
    old = Place.objects.create(name="Buitenzorg")
    from legation.records.models import Document

    doc = Document.objects.get(identifier="frus1949v07p1-d1")
    doc.place_sent, doc.place_written = old, ""
    doc.save()
    merge_place(Place.objects.create(name="Bogor"), old)
    doc.refresh_from_db()
    assert (doc.place_sent.name, doc.place_written) == ("Bogor", "Buitenzorg")


@pytest.fixture
def lushun_archive(db):
    from legation.records.document_record import DocumentRecord
    from tests.conftest import ingested_archive

    yield from ingested_archive([DocumentRecord(identifier="lushun-1", title="Talks", place_sent="Lüshun").validate()])


def test_a_facet_value_is_found_by_a_letter_typed_with_a_combining_mark(client, lushun_archive):
    # "Lu" + U+0308 (ü as u and a combining diaeresis, as some keyboards and pasted text give it) found no Lüshun
    for typed in ("L\u00fc", "Lu\u0308", "lu\u0308sh", "Lu"):
        body = client.get("/api/facets/place", {"contains": typed}).json()
        assert [v["value"] for v in body["values"]] == ["Lüshun"], typed


@pytest.fixture
def parts_archive(db):
    """The seed records as the documents of a FRUS volume published in two parts (frus1949v07p1: 1-5,
    frus1949v07p2: 6-10) and held only so."""
    import dataclasses

    from legation.records.document_record import CollectionRef
    from tests.conftest import ingested_archive

    parts = [
        dataclasses.replace(
            r, identifier=f"frus1949v07p{1 + k // 5}-d{1 + k % 5}", relations=[],
            collections=[CollectionRef(key=f"frus1949v07p{1 + k // 5}", title=f"FRUS 1949, Volume VII, Part {1 + k // 5}")],
        )
        for k, r in enumerate(SEED_RECORDS)
    ]  # fmt: skip
    yield from ingested_archive(parts)


def test_a_volume_held_as_parts_is_selected_by_its_key_as_the_query_searches_it(client, parts_archive):
    # collection=frus1949v07 found nothing ("No document has the collection …") while collection:frus1949v07 in
    # the query finds the documents of both parts (a fresh developer)
    every = client.get("/api/search", {"q": "collection:frus1949v07", "page_size": 20}).json()
    assert every["total"] == 10
    for given in ("frus1949v07", "FRUS1949V07"):
        body = client.get("/api/search", {"collection": given, "page_size": 20}).json()
        assert body["total"] == 10 and body["notice"] == ""
        selected = [(v["value"], v["count"]) for f in body["facets"] if f["name"] == "collection" for v in f["values"] if v["selected"]]
        assert selected == [("FRUS 1949, Volume VII, Part 1", 5), ("FRUS 1949, Volume VII, Part 2", 5)]
    assert client.get("/api/search", {"collection": "frus1949v07p2"}).json()["total"] == 5
    assert "Results: 1 - 10 of 10" in " ".join(unescape(client.get("/", {"collection": "frus1949v07"}).content.decode()).split())
    # a key that only begins a part's is no volume of them
    assert client.get("/api/search", {"collection": "frus1949v0"}).json()["total"] == 0
