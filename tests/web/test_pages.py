"""The HTML pages through Django's test client, on the seed archive (ten real 1949–50 records)."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import quote_plus

import pytest

from tests.conftest import FIXTURES

SEED = [json.loads(line) for line in (FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl").read_text().splitlines()]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def long_date(iso: str) -> str:
    year, month, day = (int(p) for p in iso.split("-"))
    return f"{MONTHS[month - 1]} {day}, {year}"


def hit_titles(html: str) -> list[str]:
    """The hits' titles as text, the query's words marked in them or not."""
    return [unescape(unmarked(t)) for t in re.findall(r'<h3 dir="auto"><a href="/documents/[^"]+">(.*?)</a></h3>', html)]


def unmarked(html: str) -> str:
    return re.sub("</?mark>", "", html)


def searchable_text(d: dict) -> str:
    return " ".join([d["title"], d["summary"], *(c["title"] for c in d["collections"])]).lower()


def test_sino_soviet_lists_all_ten_as_the_results_page_did(client, seed_archive):
    response = client.get("/", {"q": "Sino-Soviet", "sort": "date_asc"})
    html = response.content.decode()
    assert response.status_code == 200
    # Which records mention Sino-Soviet is computed from the fixture (the collection title names it).
    expected = sorted((d for d in SEED if "sino-soviet" in searchable_text(d)), key=lambda d: d["date_edtf"])
    assert len(expected) == 10
    assert "Results: 1 - 10 of 10" in html
    assert hit_titles(html) == [d["title"] for d in expected]
    for d in expected:
        assert long_date(d["date_edtf"]) in html
    assert "December 22, 1949" in html
    for d in expected:
        if d["summary"]:
            assert d["summary"] in unescape(unmarked(html))


def test_record_without_summary_displays_with_its_text_opening_or_nothing(client, seed_archive):
    bare = next(d for d in SEED if not d["summary"])
    response = client.get("/", {"q": f'"{bare["title"]}"'})
    assert response.status_code == 200
    assert bare["title"] in unescape(unmarked(response.content.decode()))
    page = client.get(f"/documents/{bare['identifier']}")
    assert page.status_code == 200
    assert long_date(bare["date_edtf"]) in page.content.decode()


def test_facet_links_toggle_a_value_on_and_off(client, seed_archive):
    html = client.get("/", {"q": ""}).content.decode()
    link = re.search(r'<section class="facet" data-facet="recipient">.*?<a href="([^"]+)"[^>]*>.*?<span class="value">Liu Shaoqi</span></a> <span class="count">(\d+)</span>', html, re.S)
    expected = sum(1 for d in SEED if any(a["name"] == "Liu Shaoqi" and a["role"] == "recipient" for a in d["agents"]))
    assert int(link.group(2)) == expected
    narrowed = client.get("/" + unescape(link.group(1))).content.decode()
    assert f"Results: 1 - {expected} of {expected}" in narrowed
    off = re.search(r'<li class="selected"><a href="([^"]+)"', narrowed)
    assert "Results: 1 - 10 of 10" in client.get("/" + unescape(off.group(1))).content.decode()


def test_paging_and_date_range(client, seed_archive):
    html = client.get("/", {"page_size": "3", "page": "4", "sort": "date_asc"}).content.decode()
    assert "Results: 10 - 10 of 10" in html
    in_range = [d for d in SEED if "1950-01-01" <= d["date_edtf"] <= "1950-01-31"]
    html = client.get("/", {"start_date": "1950-01", "end_date": "1950-01"}).content.decode()
    assert f"of {len(in_range)}" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": '<script>alert(1)</script>'},
        {"q": '"unbalanced ((( title: %% AND'},
        {"q": "x" * 5000},
        {"q": "https://history.state.gov/historicaldocuments/<b>nope</b>/d1(("},
        {"q": 'http://"<script>alert(1)</script>'},
        {"q": "https://history.state.gov/historicaldocuments/frus1949v07p1/<b>nope</b>"},
        {"q": "https://history.state.gov/historicaldocuments/frus<b>nope</b>"},
        {"q": "documents/<script>alert(1)</script>"},
        {"q": "www.<b>nope</b>.com/<script>alert(1)</script>.html"},
        {"page": "abc"},
        {"page": "0"},
        {"page_size": "100000"},
        {"sort": "bogus"},
        {"start_date": "1949-13"},
        {"start_date": "1950", "end_date": "1949"},
        {"type": "<b>nope</b>"},
    ],
)
def test_hostile_input_never_breaks_the_page_and_is_escaped(client, seed_archive, params):
    response = client.get("/", params)
    html = response.content.decode()
    assert response.status_code in (200, 400)
    assert "<script>alert(1)</script>" not in html and "<b>nope</b>" not in html
    if response.status_code == 400:
        assert 'class="error"' in html


@pytest.mark.parametrize("path", ["/", "/facets/sender"])
def test_a_query_longer_than_is_searched_is_not_copied_into_every_link(client, seed_archive, path):
    # treaty … cut at 5,000 characters: the search reads the first 1,000 and says so; the links
    # (facet values, years, sorts, pages) carry those 1,000, not the 5,000, which made a 633 KB page
    query = ("treaty " * 800)[:5000]
    html = client.get(path, {"q": query}).content.decode()
    searched = query[:1000]
    assert quote_plus(searched) in html and quote_plus(query[:1001]) not in html
    if path == "/":
        assert "only its first 1,000 were searched" in html
    assert len(html) < 60_000


@pytest.mark.parametrize("value", ["2_0", "1_000"])
def test_a_page_number_is_written_in_digits_alone(client, seed_archive, value):
    """Python's int() reads 2_0 as 20: ?page=2_0 showed page 20."""
    response = client.get("/", {"q": "treaty", "page": value})
    assert response.status_code == 400
    assert f"page must be a whole number from 1 to 10000, not {value!r}." in unescape(response.content.decode())


@pytest.mark.parametrize("digits", ["\uff11\uff19\uff15\uff11", "\u0661\u0669\u0665\u0661"])  # 1951, fullwidth and Arabic-Indic
def test_a_number_in_digits_of_another_script_is_read_as_a_date_is(client, seed_archive, digits):
    """A fresh user: ``start_date=１９５１`` was read as 1951, but ``year=１９５１`` and ``page=２``
    (as an East Asian input method types them) answered 400, on the page and in the API. Every
    number of a request is read alike, in the digits of any script."""
    two = digits[0].translate({ord(digits[0]): chr(ord(digits[0]) + 1)})  # that script's 2
    for path in ("/", "/api/search"):
        for typed, ascii in [({"year": digits}, {"year": "1951"}), ({"page": two}, {"page": "2"}), ({"start_date": digits}, {"start_date": "1951"})]:
            response, expected = client.get(path, {"page_size": "1", **typed}), client.get(path, {"page_size": "1", **ascii})
            assert (response.status_code, expected.status_code) == (200, 200), (path, typed)
            if path == "/api/search":
                assert response.json()["hits"] == expected.json()["hits"] and response.json()["total"] == expected.json()["total"], typed
    assert client.get("/facets/sender", {"year": digits}).status_code == 200
    assert client.get("/api/facets/sender", {"year": digits, "limit": two}).status_code == 200


def test_quotes_in_input_are_escaped_in_attributes_as_django_escapes_them(client, seed_archive):
    """The pages are Jinja2 templates escaping every value as Django's templates did, byte for byte."""
    html = client.get("/", {"q": """x" onfocus='alert(1)' <b>&"""}).content.decode()
    assert 'value="x&quot; onfocus=&#x27;alert(1)&#x27; &lt;b&gt;&amp;"' in html
    assert "onfocus='" not in html and 'x" onfocus' not in html
    facet = client.get("/facets/sender", {"contains": '"><script>'}).content.decode()
    assert 'value="&quot;&gt;&lt;script&gt;"' in facet and "<script>" not in facet


def test_document_page_shows_every_field(client, seed_archive):
    record = next(d for d in SEED if len([a for a in d["agents"] if a["role"] == "recipient"]) > 1)
    html = unescape(client.get(f"/documents/{record['identifier']}").content.decode())
    assert record["title"] in html and record["summary"] in html
    for agent in record["agents"]:
        assert agent["name"] in html
    assert long_date(record["date_edtf"]) in html


def test_the_date_as_written_is_shown_only_when_it_reads_otherwise(client, seed_archive):
    record = SEED[0]  # written 1949-12-22, shown December 22, 1949
    html = client.get(f"/documents/{record['identifier']}").content.decode()
    assert f"(as written: “{record['date_text']}”)" in html and long_date(record["date_edtf"]) in html


def test_a_date_written_as_it_is_shown_is_not_repeated(client, frus_archive):
    from legation.records.models import Document

    days = Document.objects.exclude(date_text="").filter(date_edtf__regex=r"^\d{4}-\d\d-\d\d$")
    document = next(d for d in days if d.date_text == long_date(d.date_edtf))
    html = client.get(f"/documents/{document.identifier}").content.decode()
    assert long_date(document.date_edtf) in html and "as written" not in html


def test_the_document_page_leads_back_to_the_results_it_was_opened_from(client, seed_archive):
    """"← Search" led to an empty search page: the query, filters and page were lost (a fresh
    user's report). Opened from this site's search page, it leads back to it; from anywhere else,
    or from a forged header, to the search page alone."""
    identifier = SEED[0]["identifier"]

    def back(referer: str | None) -> tuple[str, str]:
        html = client.get(f"/documents/{identifier}", **({"HTTP_REFERER": referer} if referer else {})).content.decode()
        return re.search(r'<p class="back"><a href="([^"]*)"(?: data-back="search")?>([^<]*)</a></p>', html).groups()

    assert back("http://testserver/?q=Moscow&type=Telegram&page=2") == ("/?q=Moscow&amp;type=Telegram&amp;page=2", "← Back to the results")
    assert back('http://testserver/?q="><script>alert(1)</script>') == ("/?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;", "← Back to the results")
    for elsewhere in (None, "https://example.org/?q=Moscow", "http://testserver/facets/type?q=Moscow", "http://testserver/", "javascript:alert(1)//testserver/?q=x"):
        assert back(elsewhere) == ("/", "← Search"), elsewhere


def test_unknown_document_is_a_404_page(client, seed_archive):
    response = client.get("/documents/no-such-document")
    assert response.status_code == 404
    assert "no-such-document" in response.content.decode()


def test_histogram_bars_narrow_to_their_year(client, seed_archive):
    html = client.get("/").content.decode()
    bar = re.search(r'<a href="([^"]+)" rel="nofollow" title="1950: (\d+)"', html)
    assert int(bar.group(2)) == sum(1 for d in SEED if d["date_edtf"].startswith("1950"))
    narrowed = client.get("/" + unescape(bar.group(1))).content.decode()
    assert f"Results: 1 - {bar.group(2)} of {bar.group(2)}" in narrowed


def test_histogram_bars_keep_the_date_range_already_chosen(client, seed_archive):
    # From 1949-12-20 to 1950-01-10: the bar of 1949 holds the documents of 20–31 December, that of
    # 1950 those of 1–10 January; following a bar keeps those bounds (not the whole year).
    html = client.get("/?start_date=1949-12-20&end_date=1950-01-10").content.decode()
    bars = dict(re.findall(r'<a href="([^"]+)" rel="nofollow" title="(\d{4}): \d+"', html)[i][::-1] for i in range(2))
    expected = {
        "1949": {d["identifier"] for d in SEED if "1949-12-20" <= d["date_edtf"] <= "1949-12-31"},
        "1950": {d["identifier"] for d in SEED if "1950-01-01" <= d["date_edtf"] <= "1950-01-10"},
    }
    assert expected["1949"] and expected["1950"]
    for year, link in bars.items():
        assert ("start_date=1949-12-20&end_date=1949" if year == "1949" else "start_date=1950&end_date=1950-01-10") in unescape(link)
        narrowed = client.get("/" + unescape(link)).content.decode()
        found = set(re.findall(r'<h3 dir="auto"><a href="/documents/([^"]+)">', narrowed))
        assert found == expected[year]


@pytest.fixture
def far_dates(db):
    """The seed's ten telegrams of 1949-50, a charter of 1066 and a letter of 1541: strays the histogram leaves off."""
    from legation.ingest.readers.jsonl import read_jsonl
    from legation.records.document_record import DocumentRecord
    from tests.conftest import ingested_archive

    far = [DocumentRecord(identifier=name, title=f"The {name}", date_edtf=edtf).validate() for name, edtf in (("charter", "1066-10-14"), ("letter", "1541-07-18"))]
    yield from ingested_archive([*read_jsonl(FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl"), *far])


def test_the_years_the_histogram_leaves_out_are_said_under_it_each_a_link_to_its_documents(client, far_dates):
    # documents dated 1066 and 1541 among telegrams of 1949-50 vanished from the histogram without a word (a fresh user)
    html = client.get("/").content.decode()
    assert "Results: 1 - 10 of 12" in html
    said = re.search(r'<p class="not-drawn">(.*?)</p>', html).group(1)
    assert re.sub("<[^>]+>", "", said) == "2 documents dated 1066 and 1541 are not drawn (more than 400 years from the other dates)."
    links = dict((year, unescape(address)) for address, year in re.findall(r'<a href="([^"]+)" rel="nofollow">(\d{4})</a>', said))
    assert list(links) == ["1066", "1541"]
    for year, name in (("1066", "charter"), ("1541", "letter")):
        narrowed = client.get("/" + links[year]).content.decode()
        assert re.findall(r'<h3 dir="auto"><a href="/documents/([^"]+)">', narrowed) == [name]
    assert '<p class="not-drawn">' not in client.get("/", {"q": "Mao"}).content.decode()  # the telegrams alone: all drawn


def test_year_facet_and_histogram_read_in_year_order(client, frus_archive):
    html = client.get("/").content.decode()
    section = re.search(r'<section class="facet" data-facet="year">(.*?)</section>', html, re.S).group(1)
    listed = re.findall(r'<span class="value">([^<]+)</span></a> <span class="count">(\d+)</span>', section)
    assert listed == [("1917", "3"), ("1918", "29"), ("1919", "1"), ("Undated", "11")]
    assert re.findall(r'title="(\d{4}): (\d+)"', html) == [("1917", "3"), ("1918", "29"), ("1919", "1")]


YEARS = range(1901, 1926)


@pytest.fixture
def quarter_century(db):
    """Twenty-five letters, one a year: more years than the twenty values other facets list."""
    from legation.records.document_record import DocumentRecord
    from tests.conftest import ingested_archive

    yield from ingested_archive(
        [DocumentRecord(identifier=f"letter-{y}", title=f"Letter of {y}", date_edtf=str(y)).validate() for y in YEARS]
    )


def test_every_year_is_listed_in_order_without_a_link_to_more(client, quarter_century):
    html = client.get("/").content.decode()
    section = re.search(r'<section class="facet" data-facet="year">(.*?)</section>', html, re.S).group(1)
    assert re.findall(r'<span class="value">(\d+)</span>', section) == [str(y) for y in YEARS]
    assert "All year values" not in section


def test_error_page_keeps_what_the_user_typed(client, seed_archive):
    html = client.get("/", {"q": "Moscow", "start_date": "1950-02", "end_date": "1949-12", "sort": "date_desc"}).content.decode()
    assert 'value="1950-02"' in html and 'value="1949-12"' in html
    assert '<option value="date_desc" selected>' in html


def test_the_date_boxes_read_dates_as_archives_write_them(client, seed_archive):
    """"Dec 1949" in the From box was refused ("not a date") though ingest reads it in every
    record; the boxes now read what ingest reads, as the same range as its ISO form."""
    def page(**dates):
        response = client.get("/", {"q": "Moscow", **dates})
        return response.status_code, re.search(r"Results: [^<]*", response.content.decode()).group()

    assert page() == (200, "Results: 1 - 2 of 2")  # two seed documents hold Moscow: one of 1949, one of 1950
    assert page(start_date="Dec 1949", end_date="22.II.1950") == page(start_date="1949-12", end_date="1950-02-22")
    assert page(start_date="1950") == page(end_date="1949") == (200, "Results: 1 - 1 of 1")
    assert page(start_date="1950s") == page(start_date="1950")  # the decade's first day as a start
    assert page(end_date="1940s") == page(end_date="1949")  # its last day as an end
    assert page(start_date="December 1949")[0] == 200
    response = client.get("/", {"q": "Moscow", "start_date": "1950", "end_date": "Dec 1949"})
    assert response.status_code == 400
    assert "&quot;From&quot; (1950) is after &quot;to&quot; (Dec 1949); swap them" in response.content.decode()
    # the API keeps to the forms its description publishes, and names its parameters
    answer = client.get("/api/search", {"q": "Moscow", "start_date": "Dec 1949"})
    assert answer.status_code == 400 and answer.json()["error"]["message"].startswith("start_date: 'Dec 1949' is not a date")


def test_error_page_keeps_the_good_filters_and_drops_the_bad(client, seed_archive):
    """A date the form cannot read dropped every filter chosen before, unseen: correcting the date
    and searching again lost type=Telegram (a fresh user's report). A bad filter value still goes,
    or each search from the page would send it back."""
    response = client.get("/", {"q": "Moscow", "start_date": "Dec 19490", "type": "Telegram", "year": ["1950", "1950s"]})
    html = response.content.decode()
    # the message names the box as the form labels it, not the parameter behind it
    assert response.status_code == 400 and "&quot;From&quot;: &#x27;Dec 19490&#x27; is not a date" in html
    assert '<input type="hidden" name="type" value="Telegram">' in html and '<input type="hidden" name="year" value="1950">' in html
    assert "1950s" not in html.split("<form", 1)[1].split("</form>", 1)[0]


def test_a_reversed_date_range_in_the_query_is_read_the_other_way_round_and_said(client, seed_archive):
    html = client.get("/", {"q": "date:1950..1949"}).content.decode()
    assert '<p class="notice" role="status">date:1950..1949 ends before it starts, so it was read as date:1949..1950.</p>' in html
    assert f"Results: 1 - 10 of {len(SEED)}" in html


def test_a_date_that_is_no_date_is_left_out_and_the_page_says_what_is_wrong(client, seed_archive):
    # it was searched as the words "Liu date 1950-13 1951", the documents with most of them first
    response = client.get("/", {"q": "Liu date:1950-13..1951"})
    assert response.status_code == 200
    html, alone = response.content.decode(), client.get("/", {"q": "Liu"}).content.decode()
    assert hit_titles(html) == hit_titles(alone) and hit_titles(alone)
    assert re.search(r"Results: [^<]*", html).group() == re.search(r"Results: [^<]*", alone).group()
    assert (
        '<p class="notice" role="status">The query could not be read as written (date:1950-13..1951: 13 is not a month; '
        "write date:YYYY, YYYY-MM or YYYY-MM-DD, a range as date:1950-01..1951, or as archives do: date:&quot;22 Dec 1949&quot;), "
        "so date:1950-13..1951 was left out "
        "and it was read as: Liu.</p>"
    ) in html
    hostile = client.get("/", {"q": "Liu date:<b>1950"}).content.decode()
    assert "(date:&lt;b&gt;1950: &lt;b&gt;1950 is not a date; write date:YYYY" in hostile and "<b>1950" not in hostile
    assert "so date:&lt;b&gt;1950 was left out and it was read as: Liu." in hostile
    for q in ("Liu date:(<script>x</script> OR", 'Liu -date:"1950-13', "date:" + "9" * 990, "(Liu OR date:1950-13) AND NOT date:\x00"):
        response = client.get("/", {"q": q})
        assert response.status_code == 200 and b'<p class="notice" role="status">The query could not be read' in response.content, q
        assert b"<script>x" not in response.content and b"Traceback" not in response.content


def test_a_long_document_shows_its_passages_on_one_line_with_one_ellipsis_between(client, frus_archive):
    """Poole's letter (FRUS 1917–72, Public Diplomacy, d40): "League" in its fourth paragraph,
    "film(s)" in its seventh and eighth."""
    html = client.get("/", {"q": "League films"}).content.decode()
    snippet = re.search(r'<a href="/documents/frus1917-72PubDip-d40">.*?<p class="snippet" dir="auto">(.*?)</p>', html, re.S).group(1)
    assert snippet == (
        "… in reaching the large public by presentation in popular form.\n\nSuch work is by no means simple. If the "
        "proposed <mark>League</mark> of Nations becomes a reality, countless questions will arise of such immediate "
        "moment that this nation will need to … life and work in the U.S.\n\nFor this part of the work there will be "
        "needed a large <mark>film</mark> service as well—for I believe that every year the medium of <mark>films</mark> "
        "will be used more and more to reach the hundreds of millions of people for whom the … the daily press, the "
        "weekly and monthly periodicals, technical journals, window display, photographs, lectures, <mark>film</mark> "
        "theatres, etc.\n\nAll this, of course, should be done in cooperation with the embassies or legations abroad "
        "and in …"
    )



def test_a_hit_whose_text_does_not_show_the_name_sought_says_whose_it_is(client, frus_archive):
    """Creel's telegram of d11 and the letter to him of d13 never write "Creel" in their texts: their
    titles do, marked; sought as a sender or recipient (no title searched), the hit says he sent
    or received it, marked as a snippet marks a word (FRUS 1917–72, Public Diplomacy). Nothing of
    d19 shown holds his name: he is among the persons it mentions."""
    html = client.get("/", {"q": "Creel", "page_size": 50}).content.decode()
    for identifier in ("d11", "d13"):
        hit = re.search(rf'<a href="/documents/frus1917-72PubDip-{identifier}">(.*?)</a>.*?</li>', html, re.S)
        assert hit.group(1).endswith("(<mark>Creel</mark>)") and '<p class="named">' not in hit.group(), identifier
    for q, identifier, line in (
        ("Creel", "d19", "Mentions <mark>George Creel</mark>"),
        ("from:Creel", "d11", "From <mark>George Creel</mark>"),
        ("to:Creel", "d13", "To <mark>George Creel</mark>"),
    ):
        html = client.get("/", {"q": q, "page_size": 50}).content.decode()
        hit = re.search(rf'<a href="/documents/frus1917-72PubDip-{identifier}">.*?</li>', html, re.S).group()
        shown, named = hit.split('<p class="named">')
        assert "<mark>" not in shown and named.startswith(f"{line}</p>"), identifier


def test_a_hits_title_and_summary_show_the_words_sought_marked(client, seed_archive):
    """"Zhou Enlai treaty" finds Mao's telegram to Zhou Enlai (seed 08): its title and summary were
    printed with no mark."""
    html = client.get("/", {"q": "Zhou Enlai treaty"}).content.decode()
    hit = re.search(r'<li class="hit">\s*<div class="date">[^<]*</div>\s*<h3 dir="auto"><a href="/documents/seed-sino-soviet-08">.*?</li>', html, re.S).group()
    assert '<h3 dir="auto"><a href="/documents/seed-sino-soviet-08">Telegram, Mao Zedong to <mark>Zhou</mark> <mark>Enlai</mark> and CCP CC</a></h3>' in hit
    assert (
        '<p class="summary" dir="auto">Mao brings <mark>Zhou</mark> <mark>Enlai</mark> up to date on the <mark>treaty</mark> negotiations '
        "and on Sino-Soviet cooperation at the United Nations.</p>"
    ) in hit


def test_a_hit_matched_in_its_summary_alone_shows_the_summary_once(client, seed_archive):
    """Seed 08 has no text: its passage is sought in its summary, which the page already shows
    whole and marked; it was printed twice. The API keeps the passage (``snippet_html``)."""
    html = client.get("/", {"q": "Zhou Enlai treaty"}).content.decode()
    hit = re.search(r'<h3 dir="auto"><a href="/documents/seed-sino-soviet-08">.*?</li>', html, re.S).group()
    assert hit.count("up to date on the <mark>treaty</mark> negotiations") == 1 and '<p class="snippet"' not in hit
    api = next(h for h in client.get("/api/search", {"q": "Zhou Enlai treaty"}).json()["hits"] if h["identifier"] == "seed-sino-soviet-08")
    assert "<mark>treaty</mark>" in api["snippet_html"] and api["snippets_html"]


def test_a_hit_that_matches_only_through_its_subject_shows_the_subject_marked(client, frus_archive):
    """Every document of the Public Diplomacy volume has the subject "World War I" (its chapter), which
    no hit showed: those of the 44 that ``"World War"`` finds whose title, summary and texts do not
    hold the phrase (d2 among them) showed nothing marked."""
    from legation.ingest.readers.tei_frus import read_frus_volume

    def shown(r) -> str:
        return " ".join([r.title, r.summary, *(part for t in r.texts for part in (t.body, *(f.text for f in t.footnotes)))])

    silent = [r.identifier for r in read_frus_volume(FIXTURES / "frus" / "frus1917-72PubDip.xml") if not re.search(r"(?i)\bworld\W+war", shown(r))]
    assert len(silent) == 36
    html = client.get("/", {"q": '"World War"', "page_size": 50}).content.decode()
    assert re.findall(r'href="/documents/([^"]+)">(?:(?!</li>).)*<p class="subject">Subject: <bdi><mark>World</mark> <mark>War</mark> I</bdi></p>', html, re.S) == [
        i for i in re.findall(r'<h3 dir="auto"><a href="/documents/([^"]+)">', html) if i in silent
    ]
    hit = re.search(r'<a href="/documents/frus1917-72PubDip-d2">.*?</li>', html, re.S).group()
    shown, subject = hit.split('<p class="subject">')
    assert "<mark>" not in shown and subject.startswith("Subject: <bdi><mark>World</mark> <mark>War</mark> I</bdi></p>")


@pytest.mark.parametrize(
    ("snippets", "line"),
    [
        ([], ""),
        (["a <mark>b</mark>"], "a <mark>b</mark>"),
        (["… a …", "… b …", "… c …"], "… a … b … c …"),
        (["… a", "b …"], "… a … b …"),  # a passage at the end of the text, then one at its start
        (["a …", "… b"], "a … b"),
    ],
)
def test_passages_filter_puts_one_ellipsis_between_passages(snippets, line):
    from legation.web.templating import passages

    assert passages(snippets) == line


def test_page_past_the_end_points_back_to_the_last_page(client, seed_archive):
    html = client.get("/", {"page": "999", "page_size": "3"}).content.decode()
    assert "Results: 10" in html and "Results: 0 - 0" not in html
    # the words of the API's notice (service.past_last_page), with a link where the API says page=4
    assert '<p>Page 999 is past the last page of results, page 4. <a href="?page_size=3&amp;page=4">Go to page 4</a>.</p>' in html


def pages_nav(client, **params) -> list[tuple[str, str]]:
    """The links of a search page's paging bar: (href, text)."""
    nav = re.search(r'<nav class="pages".*?</nav>', client.get("/", params).content.decode(), re.S)
    return re.findall(r'<a (?:rel="\w+" )?href="([^"]*)">([^<]*)</a>', nav[0]) if nav else []


def test_paging_has_first_and_last_beside_previous_and_next(client, seed_archive):
    """Browsing everything was Previous and Next alone: 492 pages of the demo archive one at a time."""
    assert pages_nav(client, page_size="2", page="3") == [
        ("?page_size=2", "« First"), ("?page_size=2&amp;page=2", "← Previous"),
        ("?page_size=2&amp;page=4", "Next →"), ("?page_size=2&amp;page=5", "Last »"),
    ]  # fmt: skip
    # on page 2 Previous is the first page, on the last but one Next is the last: no link twice
    assert [text for _, text in pages_nav(client, page_size="2", page="2")] == ["← Previous", "Next →", "Last »"]
    assert [text for _, text in pages_nav(client, page_size="2", page="4")] == ["« First", "← Previous", "Next →"]


def test_the_last_link_goes_no_deeper_than_paging_reaches(client, seed_archive, monkeypatch):
    """A search of more matches than paging reaches (MAX_RESULT_WINDOW, 100,000 results) links its
    deepest page, not a last page that would answer with an error."""
    from legation.web import views

    monkeypatch.setattr(views, "MAX_RESULT_WINDOW", 6)  # the seed archive's 10 documents stand for 100,000
    assert pages_nav(client, page_size="2", page="1")[-1] == ("?page_size=2&amp;page=3", "Page 3 »")
    assert client.get("/", {"page_size": "2", "page": "3"}).status_code == 200


def test_unknown_pages_say_so_without_internal_names(client, db):
    for path in ("/documents/x/", "/documents", "/nope"):
        response = client.get(path, follow=True)  # /documents/x/ redirects to /documents/x first
        assert response.status_code == 404
        assert "Resolver404" not in response.content.decode()
    api = client.get("/api/nope")
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"


def test_facet_page_lists_values_that_narrow_the_search(client, seed_archive):
    html = unescape(client.get("/facets/recipient", {"contains": "liu"}).content.decode())
    expected = sum(1 for d in SEED if any(a["name"] == "Liu Shaoqi" and a["role"] == "recipient" for a in d["agents"]))
    link = re.search(r'<a href="([^"]+)" rel="nofollow">Liu Shaoqi</a> <span class="count">(\d+)</span>', html)
    assert int(link.group(2)) == expected
    assert f"Results: 1 - {expected} of {expected}" in client.get(link.group(1)).content.decode()


def test_a_long_facets_page_goes_on_to_its_next_values_keeping_the_box(client, seed_archive, monkeypatch):
    """A fresh user: /facets/sender showed "the 200 most frequent of 555 values", and the others
    only by typing in the box. Its pages go on (``page``, as Blacklight's facet pages), each link
    keeping the search and the box's text; here one value a page, so the seed's recipients fill
    several. A page past the last shows the last, saying so."""
    from legation.web import views

    monkeypatch.setattr(views, "FACET_PAGE_VALUES", 1)
    for params in ({}, {"containing": "a"}, {"q": "treaty", "containing": "a"}):
        api = {k if k != "containing" else "contains": v for k, v in params.items()}
        expected = [v["value"] for v in client.get("/api/facets/recipient", {**api, "limit": "1000"}).json()["values"]]
        assert len(expected) > 1, params
        listed, address = [], "/facets/recipient?" + "&".join(f"{k}={quote_plus(v)}" for k, v in params.items())
        while address:
            html = unescape(client.get(address).content.decode())
            assert f'name="containing" value="{params.get("containing", "")}"' in html
            listed += re.findall(r'<a href="[^"]+" rel="nofollow"[^>]*>(?:✓ )?([^<]+)</a> <span class="count">', html)
            following = re.search(r'<a rel="next" href="([^"]+)"', html)
            address = "/facets/recipient" + following.group(1) if following else ""
        assert listed == expected, params
    html = unescape(client.get("/facets/recipient", {"page": "999"}).content.decode())
    assert "pages of values; the last is shown." in html and '<a rel="prev"' in html
    assert client.get("/facets/recipient", {"page": "0"}).status_code == 400


def test_the_text_a_facets_values_contain_has_one_limit_and_one_message(client, seed_archive):
    """A fresh user: ``/facets/sender?contains=<3,000 characters>`` answered 200, echoing them all,
    while the API refused more than 1,000 characters, in its own words. Both refuse them alike."""
    text = "x" * 3000
    page = client.get("/facets/sender", {"containing": text})
    api = client.get("/api/facets/sender", {"contains": text})
    assert (page.status_code, api.status_code) == (400, 400)
    message = api.json()["error"]["message"]
    assert "3,000 characters long, longer than the 1,000 accepted" in message and message in unescape(page.content.decode())
    assert text not in page.content.decode()
    at_most = "y" * 1000
    assert (client.get("/facets/sender", {"contains": at_most}).status_code, client.get("/api/facets/sender", {"contains": at_most}).status_code) == (200, 200)


def test_a_correction_found_only_outside_the_filters_is_offered_and_said_so(client, seed_archive):
    """A fresh user: ``/?q=Kissingr&year=1949`` said "No document matches Kissingr …" and offered
    no correction, as none found a document within the filters. One found outside them is offered,
    the page saying so, its link searching without the filters and dates."""
    params = {"q": "Mao Zedng", "start_date": "1960", "type": "Telegram"}  # the seed's documents are of 1949-1950
    html = unescape(client.get("/", params).content.decode())
    offered = re.search(r'<p class="did-you-mean">Did you mean <a href="([^"]+)">([^<]+)</a>\?([^<]*)</p>', html)
    assert offered is not None and offered.group(2) == "Mao Zedong"
    assert offered.group(1) == "?q=Mao+Zedong" and "found outside the filters and dates chosen" in offered.group(3)
    assert "Results: 1 - " in client.get("/" + offered.group(1)).content.decode()
    answer = client.get("/api/search", params).json()
    assert (answer["did_you_mean"], answer["did_you_mean_outside"], answer["total"]) == ("Mao Zedong", True, 0)
    within = client.get("/api/search", {"q": "Mao Zedng"}).json()
    assert (within["did_you_mean"], within["did_you_mean_outside"]) == ("Mao Zedong", False)


def test_an_unknown_facet_page_is_a_404_naming_the_facets(client, seed_archive):
    from legation.search.schema import FACETS_BY_NAME

    response = client.get("/facets/colour")
    html = unescape(response.content.decode())
    assert response.status_code == 404 == client.get("/api/facets/colour").status_code
    assert "There is no facet 'colour'; use one of: " + ", ".join(FACETS_BY_NAME) + "." in html
    assert "<h1>Not found</h1>" in html


def test_an_index_built_by_another_version_gives_a_503_that_says_what_to_do(client, seed_archive):
    import json as _json

    from legation.config import config
    from legation.search import service
    from legation.search.indexer import STATE_FILE

    state_path = config().index_dir / STATE_FILE
    state = _json.loads(state_path.read_text())
    state_path.write_text(_json.dumps({**state, "schema": "built-by-another-version"}))
    service._open_index.cache_clear()
    page = client.get("/", {"q": "Mao"})
    assert page.status_code == 503 and "legation reindex" in page.content.decode()
    api = client.get("/api/search", {"q": "Mao"})
    assert api.status_code == 503 and api.json()["error"]["code"] == "index_outdated"


def test_counts_estimated_from_a_sample_are_marked_as_estimates(client, seed_archive, monkeypatch):
    from legation.search import facets

    plain = client.get("/", {"q": "Mao"}).content.decode()
    assert "≈" not in plain and "random sample" not in plain
    # Lower the thresholds so the ten seed records count as "very many matches".
    monkeypatch.setattr(facets, "SAMPLE_ABOVE", 4)
    monkeypatch.setattr(facets, "SAMPLE_TARGET", 5)
    page = client.get("/", {"q": "Mao", "sort": "date_asc"}).content.decode()  # another URL: not the cached answer
    counts = re.findall(r"<span class=\"count\">(.*?)</span></li>", page)
    assert counts and all(c.startswith('<abbr title="about: estimated from a random sample of the results">≈</abbr>') for c in counts)
    assert 'aria-label="Matches per year (estimated from a random sample of the results)"' in page
    assert client.get("/api/search", {"q": "Mao", "sort": "date_asc"}).json()["years_approximate"] is True


def test_the_foot_of_every_page_gives_the_archives_own_credit(client, seed_archive, monkeypatch):
    # Not FRUS for every archive: the line comes from LEGATION_SITE_CREDIT, as text (escaped).
    from legation.config import config

    document = f"/documents/{SEED[0]['identifier']}"
    footer = re.compile(r'<footer class="site">(.*?)</footer>', re.S)
    assert footer.search(client.get(document).content.decode()).group(1) == "Served by Legation."
    monkeypatch.setenv("LEGATION_SITE_CREDIT", "Documents from <b>the Archive</b> &  its friends.")
    config.cache_clear()
    try:
        for path in (document, "/no-such-page", "/?q=credit"):
            html = client.get(path).content.decode()
            assert footer.search(html).group(1) == "Documents from &lt;b&gt;the Archive&lt;/b&gt; &amp; its friends. Served by Legation."
    finally:
        monkeypatch.delenv("LEGATION_SITE_CREDIT")
        config.cache_clear()


def test_a_pasted_address_of_what_the_archive_lacks_is_said_on_the_page(client, seed_archive):
    # a FRUS volume's public address searched its words, "https", "history", "state" …; no seed document is of a FRUS volume
    response = client.get("/", {"q": "https://history.state.gov/historicaldocuments/frus1949v07p1/ch1"})
    notice = re.search(r'<p class="notice" role="status">(.*?)</p>', response.content.decode(), re.S).group(1)
    assert response.status_code == 200 and "Results: 0<" in response.content.decode()
    assert unescape(notice) == (
        "The address of 'ch1' in the FRUS volume frus1949v07p1 was searched as the whole volume's documents, collection:frus1949v07p1: "
        "its chapters and other parts are not told apart here. The archive does not hold the FRUS volume frus1949v07p1: read it in "
        "the public edition, at the address given, or search for words of its subject; the Collection facet lists the volumes it holds."
    )


def test_control_characters_in_a_query_never_reach_the_page(client, seed_archive):
    # A NUL or another C0 control character is not allowed in HTML; the echo shows U+FFFD instead.
    html = client.get("/?q=a%00b%01c%09d").content.decode()
    assert "\x00" not in html and "\x01" not in html
    assert 'value="a\ufffdb\ufffdc\td"' in html


def test_del_c1_controls_and_noncharacters_in_a_query_never_reach_the_page(client, seed_archive):
    # DEL (U+007F) and the C1 controls (U+0080–U+009F) went into the page raw once C0 was replaced:
    # parse errors of HTML too, as are noncharacters. The echo in the box and the notice quoting
    # the query (its unclosed parenthesis repaired) show U+FFFD.
    response = client.get("/?q=a%7Fb%C2%80c%C2%9Fd%EF%B7%90e%EF%BF%BE+(")
    html = response.content.decode()
    assert response.status_code == 200
    assert not any(ch in html for ch in "\x7f\x80\x9f\ufdd0\ufffe")
    assert 'value="a\ufffdb\ufffdc\ufffdd\ufffde\ufffd ("' in html
    # the controls separate words, as spaces (query.parse); U+FFFE, a byte order mark read in the
    # wrong order, is dropped as a BOM is (analyzers.drop_invisible); other noncharacters stay in their word
    assert "so it was read as: a b c d\ufffde." in html
    assert "\x85" not in client.get("/?q=Zhou%C2%85Enlai").content.decode()  # NEL, a C1 control


def test_an_empty_result_suggests_only_what_the_search_has(client, seed_archive):
    # Words only: no filters to remove. Dates only: no words to change. Both: both.
    def advice(path: str) -> str:
        html = client.get(path).content.decode()
        return unescape(re.sub(r"<[^>]+>", "", re.search(r"<p>No document matches.*?</p>", html, re.S).group(0)))

    assert advice("/?q=zzzqqqxx") == "No document matches zzzqqqxx. Try fewer words or another spelling."
    # dates chosen that no document is dated within say so, as date:1800 typed does, and what to do
    dates = " ".join(unescape(re.sub(r"<[^>]+>", " ", client.get("/?start_date=1800&end_date=1800").content.decode())).split())
    assert "No document is dated within the dates chosen (1800-01-01 to 1800-12-31): widen the dates." in dates
    assert "Remove the filters" in dates and "No document matches" not in dates
    assert advice("/?q=zzzqqqxx&type=Cable") == "No document matches zzzqqqxx. Try fewer words or another spelling, or remove the filters."


@pytest.fixture
def wilson_archive(db):
    """The crafted Wilson Center record (tests/fixtures/wilson) and one document it names as related,
    wilson-900002, with a hostile rights statement; wilson-900003, also related, is not stored."""
    from dataclasses import replace

    from legation.ingest.readers.wilson_json import read_wilson_json
    from tests.conftest import ingested_archive, single_record

    record = single_record(read_wilson_json(FIXTURES / "wilson" / "document-900001-crafted.json"), notes=True)
    other = replace(record, identifier="wilson-900002", title="Zhou Enlai <b>talks</b>", relations=[], rights="<script>alert(1)</script>")
    yield from ingested_archive([record, other])


def test_the_document_page_shows_archive_rights_credit_and_related_documents(client, wilson_archive):
    html = client.get("/documents/wilson-900001").content.decode()
    fields = dict(re.findall(r"<dt>([^<]+)</dt><dd[^>]*>(.*?)</dd>", html, re.S))
    assert fields["Original archive"] == "Archive of Foreign Policy of the Russian Federation (AVP RF)"
    assert fields["Rights"] == "Copyright; Made available for research purposes only."
    assert fields["Credit"] == "Example Foundation for Translation; Example Press"
    related = re.search(r'<section class="relations"><h2>Related documents</h2>(.*?)</section>', html, re.S)[1]
    assert '<a href="/documents/wilson-900002">Zhou Enlai &lt;b&gt;talks&lt;/b&gt;</a>' in related
    assert "January 1, 1950" in related
    assert "<code>wilson-900003</code> <span class=\"absent\">(not in this archive)</span>" in related
    hostile = client.get("/documents/wilson-900002").content.decode()
    assert "<script>alert(1)</script>" not in hostile and "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile
    assert '<section class="relations">' not in hostile


def test_the_document_page_gives_the_printed_pages_after_the_collection_and_no_empty_pages(client, db):
    from dataclasses import replace

    from legation.ingest.readers.tei_frus import read_frus_volume
    from legation.records.document_record import DocumentRecord
    from tests.conftest import ingested_archive

    volume = read_frus_volume(FIXTURES / "frus" / "frus1917-72PubDip.xml")
    records = [replace(r, pages="1–3" if r.identifier.endswith("-d1") else "") for r in volume if isinstance(r, DocumentRecord)]
    for _ in ingested_archive(records):
        html = client.get("/documents/frus1917-72PubDip-d1").content.decode()
        assert re.search(r"<dt>Collection</dt><dd>.*?</dd>\s*<dt>Pages</dt><dd>1–3</dd>", html)
        assert "<dt>Pages</dt>" not in client.get("/documents/frus1917-72PubDip-d2").content.decode()


def test_a_transcript_is_read_beside_its_translation(client, wilson_archive):
    """The Russian transcript in one column, the English translation in the other, each with its
    notes numbered as the record orders the texts; a document of one text has no columns."""
    from legation.ingest.readers.wilson_json import read_wilson_json
    from tests.conftest import single_record

    record = single_record(read_wilson_json(FIXTURES / "wilson" / "document-900001-crafted.json"), notes=True)
    assert [t.kind for t in record.texts] == ["transcript", "translation"]
    html = client.get("/documents/wilson-900001").content.decode()
    columns = re.search(r'<div class="texts parallel">\s*<div class="column">(.*?)</div>\s*<div class="column">(.*)</div>\s*</div>', html, re.S)
    assert columns, "no two columns"
    for column, text, heading in zip(columns.groups(), record.texts, ("Transcript", "Translation")):
        assert re.findall(r'<section class="text" lang="([^"]+)" dir="ltr">\s*<h2 lang="en" dir="ltr">(\w+)', column) == [(text.language, heading)]
        assert " ".join(text.body.split()[:6]) in " ".join(re.sub(r"<[^>]+>", " ", column).split())


def test_the_document_page_lists_its_languages_named_as_the_facet_names_them_with_original_and_translation(client, wilson_archive):
    # the page named no language but in the texts' headings, and none of a document without text (a fresh user)
    html = client.get("/documents/wilson-900001").content.decode()
    row = re.search(r"<dt>Languages</dt><dd>(.*?)</dd>", html).group(1)
    assert re.sub("<[^>]+>", "", row) == "Russian (original); English (translation)"
    links = re.findall(r'<a href="/\?language=(\w+)" title="Documents in (\w+)">', row)
    assert links == [("ru", "Russian"), ("en", "English")]
    narrowed = client.get("/", {"language": "ru"}).content.decode()
    assert "/documents/wilson-900001" in narrowed and '<span class="value">Russian</span>' in narrowed  # the facet's own name


def test_a_document_of_one_language_says_it_and_a_hostile_code_is_escaped(client, db):
    from legation.records.document_record import DocumentRecord, TextRecord
    from tests.conftest import ingested_archive

    records = [
        DocumentRecord(identifier="ota-1", title="Selim II", language="ota", texts=[TextRecord(body="hüve Selīm Şāh", language="ota")]).validate(),
        DocumentRecord(identifier="bare", title="No text", language="de").validate(),
        DocumentRecord(identifier="hostile", title="Hostile", language='"><script>x</script>', texts=[TextRecord(body="Text", language="en", kind="translation")]).validate(),
    ]
    for _ in ingested_archive(records):
        assert re.search(r"<dt>Language</dt><dd><a [^>]+>Ottoman Turkish</a></dd>", client.get("/documents/ota-1").content.decode())
        assert re.search(r"<dt>Language</dt><dd><a [^>]+>German</a></dd>", client.get("/documents/bare").content.decode())
        html = client.get("/documents/hostile").content.decode()
        assert "<script>x" not in html
        row = re.search(r"<dt>Languages</dt><dd>(.*?)</dd>", html).group(1)
        assert re.sub("<[^>]+>", "", row) == "&quot;&gt;&lt;script&gt;x&lt;/script&gt;; English (translation)"


def test_a_document_of_one_text_has_no_columns(client, frus_archive):
    html = client.get("/documents/frus1917-72PubDip-d1").content.decode()
    assert html.count('<section class="text"') == 1 and "parallel" not in html


def test_the_api_gives_the_same_fields(client, wilson_archive):
    body = client.get("/api/documents/wilson-900001").json()
    assert (body["repositories"], body["rights"], body["credit"], body["relations"]) == (
        ["Archive of Foreign Policy of the Russian Federation (AVP RF)"],
        "Copyright; Made available for research purposes only.",
        "Example Foundation for Translation; Example Press",
        ["wilson-900002", "wilson-900003"],
    )
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]["DocumentRecord"]["properties"]
    assert {"repositories", "rights", "credit", "relations"} <= set(schema)


def test_the_archive_is_searchable(client, wilson_archive):
    body = client.get("/api/search", {"q": 'source:"Foreign Policy of the Russian Federation"'}).json()
    assert sorted(h["identifier"] for h in body["hits"]) == ["wilson-900001", "wilson-900002"]


def test_the_search_form_sends_each_single_valued_parameter_once(client, seed_archive):
    """The form kept date_match as a hidden field besides its own menu, so a search narrowed "wholly
    within" a range sent it twice on the next submit: the old value won silently, and now that a
    parameter given twice is refused, the page would answer 400. Each form field is sent once."""
    html = client.get("/", {"q": "Mao", "date_match": "within", "start_date": "1950", "sort": "date_asc", "page": "2", "type": "Telegram"}).content.decode()
    form = html[html.index('<form class="search"') : html.index("</form>")]
    names = re.findall(r'<(?:input|select)[^>]* name="([^"]+)"', form)
    assert sorted(names) == ["date_match", "end_date", "q", "sort", "start_date", "type"]
    assert client.get("/", {"q": "Mao", "date_match": "overlap", "start_date": "1950", "type": "Telegram"}).status_code == 200


@pytest.mark.parametrize(
    "value",
    ["plain", """x" onfocus='alert(1)' <b>&""", "?q=Zhou+Enlai&type=Telegram", "周恩来 & 毛泽东", 1950, 0, 3.5, None, ["a", "<b>"]],
)
def test_printed_values_are_escaped_as_django_templates_escape_them(value):
    """``{{ value }}`` prints, through the one call of ``html_text``, what Django's template
    language prints for the same value, and a value marked safe as it is."""
    from django.template import engines
    from django.utils.safestring import mark_safe

    jinja = engines["jinja2"].from_string("[{{ v }}|{{ s }}]")
    django = engines["django"].from_string("[{{ v }}|{{ s }}]")
    context = {"v": value, "s": mark_safe(f"<i>{value}</i>")}
    assert jinja.render(context) == django.render(context)


def test_printed_control_characters_become_replacement_characters():
    from django.template import engines

    page = engines["jinja2"].from_string("{{ v }}|{{ missing }}|{{ missing.attribute }}|").render({"v": "a\x00b\x07c\td\ne&'"})
    assert page == "a\ufffdb\ufffdc\td\ne&amp;&#x27;|||"
    odd = "\x1f\x7f\x80\x85\x9f\xa0\ufdd0\ufdef\ufffe\uffff\U0001fffe\U0010ffff\u200b"  # the no-break space and a zero-width space are text
    replaced = engines["jinja2"].from_string("{{ v }}").render({"v": odd})
    assert replaced == "\ufffd" * 5 + "\xa0" + "\ufffd" * 6 + "\u200b"


@pytest.fixture
def thousand_and_one(db):
    """1,001 letters of 1950: counts past a thousand."""
    from legation.records.document_record import DocumentRecord
    from tests.conftest import ingested_archive

    yield from ingested_archive(
        [DocumentRecord(identifier=f"letter-{n}", title=f"Letter {n}", document_type="Letter", date_edtf="1950").validate() for n in range(1001)]
    )


def test_counts_are_written_with_thousands_separators(client, thousand_and_one):
    html = client.get("/", {"q": "letter", "page": "101"}).content.decode()
    assert '<p class="count" id="results" tabindex="-1">Results: 1,001 - 1,001 of 1,001</p>' in html
    assert "<span>Page 101 of 101</span>" in html
    assert '<span class="value">Letter</span></a> <span class="count">1,001</span>' in html
    assert '<span class="value">1950</span></a> <span class="count">1,001</span>' in html
    facet = client.get("/facets/type", {"q": "letter"}).content.decode()
    assert '✓ ' not in facet and 'Letter</a> <span class="count">1,001</span>' in facet


def _notice(html: str) -> str:
    """The text of the page's notice as read ("" when it has none): its links' words, not their markup."""
    found = re.search(r'<p class="notice" role="status">(.*?)</p>', html, re.S)
    return unescape(re.sub(r"<a href=\"[^\"]*\">([^<]*)</a>", r"\1", found.group(1))) if found else ""


def test_a_search_that_found_nothing_for_a_reason_said_gives_that_reason_not_general_advice(client, demo_volume_archive):
    # "from:Acheson" printed "No document matches from:Acheson. Try fewer words or another spelling."
    # beside the notice saying to search Acheson without from:, which is the advice that works. Hatta,
    # Indonesia's Prime Minister, is a name the volume mentions and sends nothing under (a signature can make
    # a Secretary of State the sender of his telegrams, see tei_frus._agents)
    def total(q: str) -> int:
        return client.get("/api/search", {"q": q}).json()["total"]

    hatta, stalin = total("Hatta"), total("Stalin")
    assert hatta > 1 and stalin > 1
    filtered = f"{stalin:,} documents match these words, but none within the filters or dates chosen: remove a filter or widen the dates."
    cases = [
        ({"q": "from:Hatta"}, f"No document has Hatta as sender (from:); {hatta:,} documents mention Hatta: search Hatta without from:."),
        ({"q": "Stalin date:1949-12..1950-02"}, filtered),
        ({"q": "Stalin (date:1949-12..1950-02)"}, filtered),
        ({"q": "Stalin", "start_date": "1949-12", "end_date": "1950-02"}, filtered),
        (
            {"q": "frus1945v01-d1"},
            "The archive does not hold the FRUS volume frus1945v01, so not its document frus1945v01-d1: read it in the public edition, "
            "at https://history.state.gov/historicaldocuments/frus1945v01/d1, or search for words of its title; the Collection facet "
            "lists the volumes it holds.",
        ),
        (
            {"q": "collection:frus1945v01"},
            "The archive does not hold the FRUS volume frus1945v01: read it in the public edition, "
            "at https://history.state.gov/historicaldocuments/frus1945v01, or search for words of its subject; the Collection facet "
            "lists the volumes it holds.",
        ),
        ({"q": "..."}, "The query has no words to search for (a word is letters or digits; one of more than 40 letters may be left out); nothing matches. "
         "Type words, or clear the box to browse."),
        # two date ranges that do not overlap, typed or one typed and one chosen: no document of 1949 spans February to June
        (
            {"q": "date:1949-01..1949-02 date:1949-06"},
            "date:1949-01..1949-02 and date:1949-06 do not overlap: a document meets every date range of a query, so both only when its "
            "date spans the time between them. Keep one date range, or write date:(1949-01..1949-02 OR 1949-06) to find documents of either.",
        ),
        (
            {"q": "Stalin date:1949-06", "start_date": "1949-01", "end_date": "1949-02"},
            "date:1949-06 and the dates chosen (1949-01-01 to 1949-02-28) do not overlap: a document meets both only when its date spans "
            "the time between them. Keep one date range: clear the dates chosen, or take date:1949-06 out of the query.",
        ),
    ]
    for params, notice in cases:
        response = client.get("/", params)
        html = response.content.decode()
        assert response.status_code == 200 and "Results: 0<" in html, params
        assert _notice(html) == notice, params
        assert "No document matches" not in html and "Try fewer words" not in html, params
        # the API says the same, and that it explains the nothing found
        body = client.get("/api/search", params).json()
        assert (body["total"], body["hits"], body["notice"], body["explained"], body["did_you_mean"]) == (0, [], notice, True, ""), params
    # nothing says why: the general advice stays, and the API says it does not explain
    html = client.get("/", {"q": "Zzzqqq"}).content.decode()
    assert _notice(html) == "" and "No document matches <strong><bdi>Zzzqqq</bdi></strong>. Try fewer words or another spelling." in html
    assert client.get("/api/search", {"q": "Zzzqqq"}).json()["explained"] is False
    assert client.get("/api/search", {"q": "Stalin"}).json()["explained"] is False


def test_a_reason_quoting_what_was_typed_is_escaped_on_the_page(client, demo_volume_archive):
    response = client.get("/", {"q": 'language:"<b>x</b>"'})
    html = response.content.decode()
    assert response.status_code == 200 and "Results: 0<" in html and "No document matches" not in html
    assert "<b>x</b>" not in html and "language:&quot;&lt;b&gt;x&lt;/b&gt;&quot; matches nothing: &lt;b&gt;x&lt;/b&gt; is no language code" in html


def test_negations_in_a_row_and_a_dash_standing_alone_say_how_they_were_read(client, demo_volume_archive):
    def body(q: str) -> dict:
        return client.get("/api/search", {"q": q}).json()

    everything, mao = body("")["total"], body("Mao")["total"]
    assert everything == 423 and mao > 0
    doubled = body("--Mao")
    assert doubled["total"] == everything - mao == body("-Mao")["total"]
    assert doubled["notice"] == "'--Mao' was read as '-Mao': NOT and - in a row exclude what follows them, as one does; they do not cancel out."
    assert _notice(client.get("/", {"q": "--Mao"}).content.decode()) == doubled["notice"]
    alone = body("- Mao")
    assert alone["total"] == mao and alone["notice"] == (
        "A dash standing alone, with a space after it, was left out; to exclude a word, write the - right before it, as in -Mao."
    )


@pytest.mark.parametrize(
    ("params", "kept"),
    [
        ({"q": "Moscow", "year": "1950s"}, {}),
        ({"q": "Moscow", "type": "Telegram", "sort": ["date_asc", "date_desc"]}, {"type": "Telegram"}),
    ],
)
def test_a_refused_search_gives_a_form_that_does_not_send_the_refusal_again(client, seed_archive, params, kept):
    # the 400 page's form carried the bad year as a hidden field: every search from it was refused again;
    # a good filter it keeps (the sort is a visible choice: one is sent)
    refused = client.get("/", params)
    html = refused.content.decode()
    assert refused.status_code == 400 and 'class="error"' in html
    hidden = re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', html)
    assert dict(hidden) == kept and len(hidden) == len(kept) and 'value="Moscow"' in html
    assert client.get("/", {"q": "Moscow", **kept}).status_code == 200  # what the form now sends


@pytest.mark.parametrize(
    ("params", "good", "left_out"),
    [
        ({"q": "Moscow", "start_date": "garbage"}, {"q": "Moscow"}, "&quot;From&quot; (&#x27;garbage&#x27;)"),
        ({"q": "Moscow", "start_date": "1950", "end_date": "1949"}, {"q": "Moscow", "start_date": "1950"}, "&quot;to&quot; (&#x27;1949&#x27;)"),
        ({"q": "Moscow", "sort": "bogus", "type": "Telegram"}, {"q": "Moscow", "type": "Telegram"}, "&quot;Sort&quot; (&#x27;bogus&#x27;)"),
        ({"q": "Moscow", "year": ["1950s", "1950"], "page": "0"}, {"q": "Moscow", "year": "1950"}, "year (&#x27;1950s&#x27;), page (&#x27;0&#x27;)"),
    ],
)
def test_a_refused_value_leaves_the_results_of_the_rest_below_its_message(client, seed_archive, params, good, left_out):
    # a typo in a date box, or a bad value in an address, replaced the results, facets and histogram
    # with the message alone (a fresh user in a browser): they are those of what was good in it
    refused, searched = client.get("/", params), client.get("/", good)
    html, expected = refused.content.decode(), searched.content.decode()
    assert refused.status_code == 400 and searched.status_code == 200
    assert f"The results below leave out {left_out}.</p>" in html
    count = re.compile(r'<p class="count".*?</p>|<li class="hit">.*?</li>', re.S)
    assert count.findall(html) == count.findall(expected) and count.findall(html)


def test_two_queries_in_the_address_of_a_facets_page_show_the_values_of_the_last(client, seed_archive):
    # /facets/sender?q=Mao&q=Stalin was a 400 listing no value, where the search page shows the last query's
    # results, and its links lead here (a fresh developer)
    two = client.get("/facets/recipient", {"q": ["Mao", "Zhou"]})
    html = two.content.decode()
    zhou = client.get("/facets/recipient", {"q": "Zhou"}).content.decode()
    assert two.status_code == 400
    assert "The address gives the search 2 queries (&#x27;Mao&#x27;, &#x27;Zhou&#x27;); the values below are those of the last." in html
    values = re.compile(r'<ul class="facet-all">.*?</ul>', re.S)
    assert values.findall(html) == values.findall(zhou) and values.findall(html)


def test_two_queries_in_the_address_show_the_results_of_the_one_in_the_box(client, seed_archive):
    # "q was given 2 times …; send q once." over no results, the box holding the last: a dead end
    # naming a parameter the page never shows (a fresh user)
    two = client.get("/", {"q": ["Moscow", "Peking", " "]})
    html = two.content.decode()
    peking = client.get("/", {"q": "Peking"}).content.decode()
    assert two.status_code == 400 and "q was given" not in html
    assert "The address gives the search box 2 queries (&#x27;Moscow&#x27;, &#x27;Peking&#x27;); the results below are those of the last" in html
    assert 'name="q" type="search"' in html and re.search(r'<input id="q"[^>]*value="Peking"', html)
    count = re.compile(r'<p class="count".*?</p>|<li class="hit">.*?</li>', re.S)
    assert count.findall(html) == count.findall(peking) and count.findall(html)
    # beside another refusal, both are said
    both = client.get("/", {"q": ["Moscow", "Peking"], "sort": "bogus"}).content.decode()
    assert "2 queries" in both and "The results below leave out" in both
    # a blank one beside one query asks for nothing: that query's page, as if given once (it was the
    # "send q once" dead end still)
    for given in (["", "Peking"], ["Peking", " "], ["", ""]):
        page = client.get("/", {"q": given})
        alone = client.get("/", {"q": given[0].strip() or given[-1].strip()}).content.decode()
        assert page.status_code == 200 and 'class="error"' not in page.content.decode(), given
        assert count.findall(page.content.decode()) == count.findall(alone), given
        # and the facet page, which said "q was given 2 times" still (a fresh user)
        facet = client.get("/facets/sender", {"q": given})
        assert facet.status_code == 200 and facet.content == client.get("/facets/sender", {"q": given[0].strip() or given[-1].strip()}).content, given


def test_note_markers_link_to_their_notes_in_each_text_and_nothing_else_is_linked():
    from legation.records.document_record import Footnote
    from legation.web.templating import note_links

    notes = [Footnote("1", "Not printed."), Footnote("a", "A letter's note."), Footnote("", "An unmarked note.")]
    html = note_links("<p>Sent [1] and [a], [sic] in [1949]; again [1]. &lt;b&gt;[2]</p>", notes, "t2")
    assert html == (
        '<p>Sent <a class="note-ref" href="#t2-1" id="t2-ref-1">[1]</a> and <a class="note-ref" href="#t2-a" id="t2-ref-a">[a]</a>, '
        '[sic] in [1949]; again <a class="note-ref" href="#t2-1">[1]</a>. &lt;b&gt;[2]</p>'
    )
    assert note_links("<p>[1]</p>", [], "t1") == "<p>[1]</p>"


def test_notes_a_source_gives_one_mark_each_have_their_own_anchor_and_marker():
    # 45 demo texts have two notes "2" (FRUS sources number so): both were id="t1-2", the second
    # marker leading to the first note; a note marked "*" linked back to a marker never made
    from legation.records.document_record import Footnote
    from legation.web.templating import NoteAnchor, note_anchors, note_links

    notes = [Footnote("1", "First."), Footnote("2", "Not printed."), Footnote("*", "Starred."), Footnote("2", "Also not printed."), Footnote("3", "Unmarked.")]
    body = "A [1], b [2], c [*], d [2], e [1]."
    assert note_links(f"<p>{body}</p>", notes, "t1") == (
        '<p>A <a class="note-ref" href="#t1-1" id="t1-ref-1">[1]</a>, b <a class="note-ref" href="#t1-2" id="t1-ref-2">[2]</a>, '
        'c <a class="note-ref" href="#t1-*" id="t1-ref-*">[*]</a>, d <a class="note-ref" href="#t1-2_2" id="t1-ref-2_2">[2]</a>, '
        'e <a class="note-ref" href="#t1-1">[1]</a>.</p>'
    )
    assert note_anchors(body, notes, "t1") == [
        NoteAnchor(notes[0], "t1-1", "t1-ref-1"),
        NoteAnchor(notes[1], "t1-2", "t1-ref-2"),
        NoteAnchor(notes[2], "t1-*", "t1-ref-*"),
        NoteAnchor(notes[3], "t1-2_2", "t1-ref-2_2"),
        NoteAnchor(notes[4], "t1-3", ""),
    ]
    # a mark no marker can stand for ("1-2", "ref-1", "a b", as a JSON Lines text may give) is keyed by its place:
    # the second note 1 and a note "1-2" were both id="t1-1-2", notes "1" and "ref-1" both "t1-ref-1"
    odd = [Footnote("1", "One."), Footnote("1-2", "Odd."), Footnote("1", "Again."), Footnote("ref-1", "Odder."), Footnote("a b", "Spaced.")]
    anchors = note_anchors("Alpha[1] beta[1] gamma[1-2].", odd, "t1")
    assert [(a.id, a.back) for a in anchors] == [("t1-1", "t1-ref-1"), ("t1-_2", ""), ("t1-1_2", "t1-ref-1_2"), ("t1-_4", ""), ("t1-_5", "")]
    ids = [a.id for a in anchors] + [a.back for a in anchors if a.back]
    assert len(ids) == len(set(ids)) and not any(" " in i for i in ids)


def test_every_anchor_of_a_real_document_page_is_unique_and_every_note_link_lands(client, demo_volume_archive):
    from legation.records.serialize import load_records

    repeated = [r.identifier for r in load_records() if any(len({f.n for f in t.footnotes if f.n}) < sum(1 for f in t.footnotes if f.n) for t in r.texts)]
    assert repeated, "the volume has texts whose source gives two notes one mark"
    for identifier in repeated:
        html = client.get(f"/documents/{identifier}").content.decode()
        ids = re.findall(r' id="([^"]+)"', html)
        assert len(ids) == len(set(ids)), identifier
        targets = re.findall(r'<a class="(?:note-ref|mark)" href="#([^"]+)"', html)
        assert targets and set(targets) <= set(ids), identifier




@pytest.fixture
def noted_archive(db):
    from legation.records.document_record import DocumentRecord, Footnote, TextRecord
    from tests.conftest import ingested_archive

    text = TextRecord(kind="transcript", language="en", body="Sent [1] as agreed.", footnotes=[Footnote("1", "Not printed."), Footnote("2", "No marker.")])
    yield from ingested_archive([DocumentRecord(identifier="noted-1", title="Notes", texts=[text]).validate()])


def test_a_note_links_back_only_to_a_marker_its_text_has(client, noted_archive):
    html = client.get("/documents/noted-1").content.decode()
    assert '<a class="note-ref" href="#t1-1" id="t1-ref-1">[1]</a>' in html
    assert '<li id="t1-1"><a class="mark" href="#t1-ref-1" title="back to the text">1</a> Not printed.</li>' in html
    assert '<li id="t1-2"><span class="mark">2</span> No marker.</li>' in html  # no link back to a marker that is not there


def test_a_date_that_could_not_be_read_says_so_and_an_undated_one_does_not(client, db):
    """Both documents are undated; one because its date as written reads as a range ending before it
    starts (the ingest report said so), the other because it says it has no date."""
    from legation.ingest.service import ingest_records
    from legation.records.document_record import DocumentRecord

    ingest_records([
        DocumentRecord(identifier="reversed-1", title="Reversed range", date_text="December 14-13, 1964").validate(),
        DocumentRecord(identifier="undated-1", title="No date", date_text="[Undated.]").validate(),
        DocumentRecord(identifier="future-1", title="Typo", date_text="2150").validate(),
        DocumentRecord(identifier="short-1", title="Two digits", date_text="22-12-49").validate(),
        DocumentRecord(identifier="either-1", title="Either day", date_text="05/06/1949").validate(),
    ])  # fmt: skip
    # a date in numbers says why, as the ingest report does
    assert (
        "Undated <span class=\"as-written\">(not read as a date: the year 49 has two digits, and its century would be a guess: "
        "write the year in four digits; as written: “22-12-49”)</span>"
    ) in client.get("/documents/short-1").content.decode()
    assert (
        "(not read as a date: 05/06/1949 may be 1949-06-05 or 1949-05-06: write the one meant as YYYY-MM-DD; as written: “05/06/1949”)"
    ) in client.get("/documents/either-1").content.decode()
    # the report lists 2150 as a year to come, not as unread: the page said "not read as a date"
    future_page = client.get("/documents/future-1").content.decode()
    assert "Undated <span class=\"as-written\">(a year to come; as written: “2150”)</span>" in future_page
    reversed_page = client.get("/documents/reversed-1").content.decode()
    undated_page = client.get("/documents/undated-1").content.decode()
    assert "Undated <span class=\"as-written\">(not read as a date; as written: “December 14-13, 1964”)</span>" in reversed_page
    assert "Undated <span class=\"as-written\">(as written: “[Undated.]”)</span>" in undated_page


def test_a_date_in_numbers_qualified_noted_or_backwards_says_why_it_was_not_read(client, db):
    # "c. 22-12-49", "[22-12-49]", "22.12.49 (draft)" and a range backwards said "not read as a date" alone (a fresh user)
    from legation.ingest.service import ingest_records
    from legation.records.document_record import DocumentRecord

    texts = {"c-1": "c. 22-12-49", "c-2": "[22-12-49]", "c-3": "22.12.49 (draft)", "c-4": "1949-12-22/1949-12-20"}
    ingest_records([DocumentRecord(identifier=i, title=f"Cable {i}", date_text=t).validate() for i, t in texts.items()])
    two_digits = "the year 49 has two digits, and its century would be a guess: write the year in four digits"
    why = {i: two_digits for i in ("c-1", "c-2", "c-3")} | {"c-4": "it ends (1949-12-20) before it starts (1949-12-22): write the earlier date first"}
    for identifier, text in texts.items():
        page = client.get(f"/documents/{identifier}").content.decode()
        assert f"Undated <span class=\"as-written\">(not read as a date: {why[identifier]}; as written: “{text}”)</span>" in page


def test_did_you_mean_keeps_the_groups_operators_and_quotes_typed_escaped_in_text_and_link(client, frus_archive):
    # "(Krushchev OR Formsa) treaty" was offered nothing: a group or OR made the query "not plain words".
    # The page offers the query as typed, its misspelt words corrected (the FRUS volume of public
    # diplomacy writes "propaganda" and "films"), escaped where it is printed and where it is linked.
    typed = '(propoganda OR flims) -"<b>news</b>"'
    corrected = '(propaganda OR films) -"<b>news</b>"'
    html = client.get("/", {"q": typed}).content.decode()
    link = f'<a href="?q={quote_plus(corrected)}">(propaganda OR films) -&quot;&lt;b&gt;news&lt;/b&gt;&quot;</a>'
    assert f'<p class="did-you-mean">Did you mean {link}?</p>' in html and "<b>news" not in html
    assert client.get("/api/search", {"q": typed}).json()["did_you_mean"] == corrected
    assert client.get("/api/search", {"q": corrected}).json()["total"] > 0


def test_a_text_written_right_to_left_is_laid_out_right_to_left(client, db):
    """A Hebrew text had lang="he" and no dir: the browser laid it out left to right. Each text
    gets its direction from its language (text_direction), its English headings stay left to right;
    an Ottoman text transliterated in Latin letters, tagged ota alone, stays left to right."""
    from legation.records.document_record import DocumentRecord, TextRecord
    from tests.conftest import ingested_archive

    hebrew = "בארץ ישראל קם העם היהודי, בה עוצבה דמותו הרוחנית, הדתית והמדינית."  # the Declaration of 14 May 1948
    records = [
        DocumentRecord(identifier="he-1", title="Declaration", language="he", texts=[TextRecord(body=hebrew, language="he")]).validate(),
        DocumentRecord(identifier="ota-1", title="Selim II", language="ota", texts=[TextRecord(body="hüve Selīm Şāh bin Süleymān Şāh Ḫān", language="ota")]).validate(),
    ]
    for _ in ingested_archive(records):
        html = client.get("/documents/he-1").content.decode()
        assert re.findall(r'<section class="text" lang="([^"]+)" dir="(\w+)">\s*<h2 lang="en" dir="ltr">', html) == [("he", "rtl")]
        html = client.get("/documents/ota-1").content.decode()
        assert re.findall(r'<section class="text" lang="([^"]+)" dir="(\w+)">', html) == [("ota", "ltr")]


FRUS_1949 = "Foreign Relations of the United States, 1949, The Far East and Australasia, Volume VII"


@pytest.mark.parametrize(
    ("params", "title"),
    [
        ({"q": "Moscow"}, "Moscow – Search – Legation"),
        ({"type": "Telegram", "page": "2", "page_size": "2"}, "Telegram – page 2 – Search – Legation"),
        ({"q": "Mao", "type": ["Telegram", "Cable"], "start_date": "Dec 1949", "end_date": "1950"}, "Mao (Telegram, Cable; Dec 1949 to 1950) – Search – Legation"),
        ({"q": "Mao", "end_date": "1950"}, "Mao (to 1950) – Search – Legation"),
        ({"q": "Mao\x00Stalin"}, "Mao Stalin – Search – Legation"),  # a NUL is a space to the search, and showed as U+FFFD
        ({"q": "\u202eevil\u202c"}, "evil – Search – Legation"),  # a right-to-left override turned the tab's title backwards
        ({"q": "   "}, "Search – Legation"),
        ({"page": "2", "page_size": "2"}, "Page 2 – Search – Legation"),  # it began with a dash: " – page 2 – Search"
        ({"q": "Mao", "start_date": "garbage"}, "Mao – Search – Legation"),
        # a volume's whole title where it fits, its end where it does not: every FRUS volume was
        # titled "Foreign Relations of the United States…" (a fresh user)
        ({"q": "Mao", "collection": f"{FRUS_1949}, Part 1"}, f"Mao ({FRUS_1949}, Part 1) – Search – Legation"),
        (
            {"collection": [f"{FRUS_1949}, Part 1", f"{FRUS_1949}, Part 2"]},
            "Foreign Relations of the United States… Volume VII, Part 1, Foreign Relations of the United States… Volume VII, Part 2 – Search – Legation",
        ),
    ],
)
def test_the_search_pages_title_names_the_search(client, seed_archive, params, title):
    # the title named the words alone: "Telegram, Dean Rusk" filtered and page 3 were titled "Search – Legation"
    html = client.get("/", params).content.decode()
    assert unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1)) == title


def test_a_document_pages_title_gives_its_date_unless_the_title_does(client, seed_archive):
    def title(identifier: str) -> str:
        return unescape(re.search(r"<title>(.*?)</title>", client.get(f"/documents/{identifier}").content.decode(), re.S).group(1))

    assert title("seed-sino-soviet-01") == "Telegram, Mao Zedong to the Central Committee of the CCP, December 22, 1949 – Legation"
    assert title("seed-sino-soviet-03") == "Telegram, Mao Zedong to Liu Shaoqi, 18 December 1949 – Legation"


def test_more_values_of_a_filter_than_a_search_takes_leave_the_results_of_the_first(client, seed_archive):
    # 51 senders, each good, were refused with no results, and the form sent all 51 again with each search (a fresh user)
    from legation.search.service import MAX_FILTER_VALUES

    senders = [f"S{i}" for i in range(MAX_FILTER_VALUES)] + ["Mao Zedong"]
    refused = client.get("/", {"q": "Moscow", "sender": senders})
    html = unescape(refused.content.decode())
    assert refused.status_code == 400 and f"choose at most {MAX_FILTER_VALUES}" in html
    assert "The results below leave out sender ('Mao Zedong')." in html and 'class="count"' in html
    assert len(re.findall(r'<input type="hidden" name="sender"', html)) == MAX_FILTER_VALUES
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert len(title) < 160 and title.endswith("… – Search – Legation")  # 50 names were all in it


def test_pages_with_nothing_to_narrow_offer_no_link_to_the_facets(client, seed_archive):
    assert 'class="to-facets"' not in client.get("/", {"q": "zzqqxx"}).content.decode()
    assert 'class="to-facets"' in client.get("/", {"q": "Moscow"}).content.decode()


def test_the_facet_pages_box_value_is_isolated_where_it_is_echoed(client, seed_archive):
    # a right-to-left override typed in the box turned the rest of the sentence backwards
    html = client.get("/facets/sender", {"containing": "\u202e"}).content.decode()
    assert "contains “<bdi>\u202e</bdi>”" in html


def test_each_refused_value_says_why(client, seed_archive):
    # of several refused values, only the first met was explained: "Sort ('bogus')" was left out unexplained
    import html as markup

    refused = client.get("/", {"q": "Moscow", "start_date": "garbage", "sort": "bogus", "year": "1950s", "end_date": "1949"})
    (message,) = re.findall(r'<p class="error" id="search-error" role="alert">(.*?)</p>', refused.content.decode(), re.S)
    message = markup.unescape(message)
    assert refused.status_code == 400
    for why in ("'garbage' is not a date", "There is no sort 'bogus'; use one of: relevance", "year is '1950s', which is no value of the year facet"):
        assert message.count(why) == 1, why
    assert message.index("'garbage' is not a date") < message.index("no sort 'bogus'") < message.index("The results below leave out")
    assert message.endswith("""The results below leave out "From" ('garbage'), "Sort" ('bogus'), year ('1950s').""")


@pytest.mark.parametrize("value", ["a;b", "1950;", "x; write", "<b>x</b>&amp;\"'"])
def test_a_date_box_value_holding_a_semicolon_is_named_whole(client, seed_archive, value):
    # the message was cut at the value's own ";": "'a; write YYYY …", its quote never closed
    import html as markup

    refused = client.get("/", {"q": "treaty", "start_date": value})
    (message,) = re.findall(r'<p class="error" id="search-error" role="alert">(.*?)</p>', refused.content.decode(), re.S)
    assert refused.status_code == 400
    assert markup.unescape(message).startswith(f'"From": {value!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD')


def test_a_refusal_repeats_a_long_value_cut_and_many_values_counted(client, seed_archive):
    # a date box value of 3,000 characters came back whole, twice; 60 bad years were listed one by one
    import html as markup

    long_value = "9" * 3000
    for params, said in [
        ({"start_date": long_value}, f"""The results below leave out "From" ('{"9" * 60}…')."""),
        ({"year": [f"x{i}" for i in range(60)]}, "The results below leave out year ('x0', 'x1', 'x2', 'x3', 'x4' and 55 more)."),
    ]:
        refused = client.get("/", {"q": "treaty", **params})
        (message,) = re.findall(r'<p class="error" id="search-error" role="alert">(.*?)</p>', refused.content.decode(), re.S)
        message = markup.unescape(message)
        assert refused.status_code == 400 and message.endswith(said) and len(message) < 400, message


def test_a_document_address_holding_a_nul_is_not_found_on_every_store(client, seed_archive, admin_client):
    # PostgreSQL refused the query (a 500) where SQLite found nothing
    assert client.get("/documents/seed%00sino").status_code == 404
    answer = client.get("/api/documents/seed%00sino")
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "not_found"
    for model in ("document", "agent", "place", "subject", "repository", "collection", "changelogentry"):
        assert admin_client.get(f"/admin/records/{model}/", {"q": "seed\x00sino"}).status_code == 200, model


def test_a_parameter_the_page_reads_past_is_not_copied_into_its_links(client, seed_archive):
    # from=<3,000 characters> was copied into each of 57 links: a page of 193 KB
    plain = client.get("/", {"q": "treaty"}).content.decode()
    tracked = client.get("/", {"q": "treaty", "from": "x" * 3000, "utm_source": "newsletter"}).content.decode()
    assert "utm_source" not in tracked and "x" * 100 not in tracked and abs(len(tracked) - len(plain)) < 500
    assert 'href="?q=treaty&amp;type=Telegram"' in tracked or "type=Telegram" in tracked  # the facet links are still there


@pytest.mark.parametrize(
    ("dates", "line", "invalid"),
    [
        ({"start_date": "1949-12", "end_date": "1950-02-30"}, "Dates from 1949-12 ·", ["end_date"]),
        ({"start_date": "1960", "end_date": "1950"}, "Dates from 1960 ·", ["end_date"]),
        ({"start_date": "garbage", "end_date": "Dec 1949"}, "Dates to Dec 1949 ·", ["start_date"]),
        ({"start_date": "22.XII.1949", "end_date": "1950"}, "Dates from 22.XII.1949 to 1950 ·", []),
        ({"start_date": "1949", "date_match": "within"}, "Dates from 1949 (wholly within) ·", []),
    ],
)
def test_the_dates_line_names_the_dates_searched_and_a_box_left_out_is_marked(client, seed_archive, dates, line, invalid):
    # "Dates from 1960 to 1950" stood above results from 1960 on, under the message saying "to" was
    # left out; and no box was marked, for the eye or a screen reader (a fresh user)
    page = client.get("/", {"q": "Mao", **dates}).content.decode()
    (shown,) = re.findall(r'<p class="dates-chosen">(.*?)<a ', page, re.S)
    assert unescape(shown) == line + " "  # one space between words ("Dates from 1960  ·" had two)
    marked = re.findall(r'<input name="(\w+)" value="[^"]*" placeholder="[^"]*" size="11" aria-invalid="true" aria-describedby="search-error">', page)
    assert marked == invalid
    assert ('id="search-error"' in page) == bool(invalid)


def test_a_document_page_names_its_permalink_as_canonical(client, seed_archive):
    # reached with a search's parameters for the way back, or in another case, the page gave search
    # engines and reference managers no one address for it (a fresh user)
    for address in ("/documents/seed-sino-soviet-01", "/documents/seed-sino-soviet-01?q=Mao&page=2"):
        page = client.get(address).content.decode()
        assert re.findall(r'<link rel="canonical" href="([^"]*)">', page) == ["http://testserver/documents/seed-sino-soviet-01"], address
    assert 'rel="canonical"' not in client.get("/", {"q": "Mao"}).content.decode()


def test_a_date_box_written_with_slashes_in_either_order_names_both_days(client, seed_archive):
    # "01/02/1951" was called "not a date" while 12/22/1949 and 13/02/1951 were read (a fresh user)
    page = client.get("/", {"q": "Mao", "start_date": "01/02/1951"})
    said = unescape(page.content.decode())
    assert page.status_code == 400 and "'01/02/1951' may be 1951-02-01 or 1951-01-02; write the one meant as YYYY-MM-DD" in said
    same = client.get("/", {"q": "Mao", "start_date": "05/05/1950"})
    assert same.status_code == 200 and "Dates from 05/05/1950" in unescape(same.content.decode())
    # typed in the query, the same (it said "01/02/1951 is not a date": a fresh user)
    notice = client.get("/api/search", {"q": "Mao date:01/02/1951"}).json()["notice"]
    assert "(date:01/02/1951: 01/02/1951 may be 1951-02-01 or 1951-01-02: write the one meant as YYYY-MM-DD;" in notice


def test_a_date_box_written_with_hyphens_is_read_and_told_as_with_slashes(client, seed_archive):
    # "05-06-1949" was "not a date" where 05/06/1949 named both days, and 22-13-1949 no more than that (a fresh user)
    page = client.get("/", {"q": "Mao", "start_date": "01-02-1951"})
    assert page.status_code == 400
    assert "'01-02-1951' may be 1951-02-01 or 1951-01-02; write the one meant as YYYY-MM-DD" in unescape(page.content.decode())
    page = client.get("/", {"q": "Mao", "end_date": "22-13-1949"})
    assert page.status_code == 400
    assert (
        "\"to\": '22-13-1949' is not a real date: neither 22 nor 13 is a month; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1949-12, "
        "or a date as archives write it: Dec 1949, 22.XII.1949, 1950s."
    ) in unescape(page.content.decode())
    page = client.get("/", {"q": "Mao", "end_date": "31/02/1951"})
    assert page.status_code == 400 and "'31/02/1951' is not a real date: 31 is not a day of February 1951, which has 28;" in unescape(page.content.decode())
    found = {}
    for day in ("25-12-1949", "25/12/1949", "1949-12-25"):
        page = client.get("/", {"q": "Mao", "start_date": day})
        assert page.status_code == 200 and f"Dates from {day}" in unescape(page.content.decode())
        found[day] = re.findall(r'href="/documents/([^"?]+)', page.content.decode())
    assert found["25-12-1949"] == found["25/12/1949"] == found["1949-12-25"] != []
    assert "seed-sino-soviet-03" not in found["25-12-1949"]  # of 18 December 1949


def test_a_frus_documents_references_to_others_are_listed_and_linked_where_they_stand(client, db):
    # "See the attachment to Document 6." was plain text, though d6 is in the archive: 1,300 such
    # references in the demo's texts and notes (a fresh user). The TEI's ref targets say which
    # document each means: one of the volume is linked, one of another volume ("Document 93" of
    # part 1, cited in part 2) is not taken for the volume's own document 93.
    from legation.ingest.readers.tei_frus import read_frus_volume

    from tests.conftest import REPO, ingested_archive

    volume = REPO / "data" / "demo" / "frus" / "frus1952-54v14p2.xml.gz"
    for _ in ingested_archive(read_frus_volume(volume)):
        page = client.get("/documents/frus1952-54v14p2-d642").content.decode()
        related = re.search(r'<section class="relations">(.*?)</section>', page, re.S).group(1)
        assert re.findall(r'href="/documents/([^"]+)"', related) == [f"frus1952-54v14p2-d{n}" for n in (652, 646, 588, 586, 567)]
        # with where it can be read: a dead end before (a fresh researcher)
        assert (
            '<code>frus1952-54v14p1-d93</code> <span class="absent">(not in this archive; '
            '<a href="https://history.state.gov/historicaldocuments/frus1952-54v14p1/d93">read it in the public edition</a>)</span>'
        ) in related
        text = page.split('<section class="relations">')[0]
        for n in (652, 646, 588, 586, 567):
            assert f'<a href="/documents/frus1952-54v14p2-d{n}">Document {n}</a>' in text, n
        assert "Document 93" in text and 'd93">Document 93</a>' not in text


def test_a_note_citing_another_volume_links_that_volumes_document_not_its_own(client, db):
    # "See vol. II, Document 12" in volume III, marked by the editors as its own Document 12: the note
    # and the related documents linked volume III's (a fresh user)
    from legation.ingest.readers.tei_frus import read_frus_volume

    from tests.conftest import REPO, ingested_archive

    for _ in ingested_archive(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1955-57v03.xml.gz")):
        page = client.get("/documents/frus1955-57v03-d179").content.decode()
        related = re.search(r'<section class="relations">(.*?)</section>', page, re.S).group(1)
        assert "frus1955-57v03-d12" not in page
        assert (
            '<code>frus1955-57v02-d12</code> <span class="absent">(not in this archive; '
            '<a href="https://history.state.gov/historicaldocuments/frus1955-57v02/d12">read it in the public edition</a>)</span>'
        ) in related
        assert re.search(r"vol\. II, Document 12", page.split('<section class="relations">')[0])


def test_document_n_links_only_to_a_related_document_of_the_same_series_held_here():
    from legation.records.documents import RelatedDocument
    from legation.web.templating import document_links
    from legation.web.views import _mentioned_documents

    relations = [
        RelatedDocument("frus1952-54v14p1-d93", "Another volume's", "1953"),  # held, but of part 1
        RelatedDocument("frus1952-54v14p2-d652", "Held", "1954"),
        RelatedDocument("frus1952-54v14p2-d7", ""),  # not held
        RelatedDocument("frus1952-54v14p2-d72a", "A document numbered 72A", ""),
    ]
    links = _mentioned_documents("frus1952-54v14p2-d642", relations)
    assert links == {"652": "/documents/frus1952-54v14p2-d652", "72A": "/documents/frus1952-54v14p2-d72a"}
    assert _mentioned_documents("seed-1", relations) == {}  # no numbered series
    # a number of this series and of another both: either may be meant (frus1964-68v14-d16, a fresh user)
    both = [RelatedDocument("frus1964-68v14-d21", "Held", ""), RelatedDocument("frus1964-68v15-d21"), RelatedDocument("frus1964-68v14-d5", "Held", "")]
    assert _mentioned_documents("frus1964-68v14-d16", both) == {"5": "/documents/frus1964-68v14-d5"}
    shown = document_links("See <b>Document 652</b>, Document 93, Document 7 and Document 72A.", links)
    assert shown == (
        'See &lt;b&gt;<a href="/documents/frus1952-54v14p2-d652">Document 652</a>&lt;/b&gt;, Document 93, Document 7 and '
        '<a href="/documents/frus1952-54v14p2-d72a">Document 72A</a>.'
    )


def test_an_address_a_notice_tells_to_follow_is_a_link(client, seed_archive):
    # "The values are listed at /facets/type." and the public edition's address were plain text (a fresh user)
    page = client.get("/", {"q": "Mao", "type": "Telegramm"}).content.decode()
    (notice,) = re.findall(r'<p class="notice" role="status">(.*?)</p>', page, re.S)
    assert 'The values are listed at <a href="/facets/type">/facets/type</a>.' in notice
    held_not = client.get("/", {"q": "frus1945v01-d1"}).content.decode()
    assert '<a href="https://history.state.gov/historicaldocuments/frus1945v01/d1">' in held_not
    echoed = client.get("/", {"q": "https://evil.example/facets/type"}).content.decode()  # a query's own address stays text
    assert 'href="https://evil.example' not in echoed and '<a href="/facets/type">' not in echoed
    # an address typed in a filter or the query, repeated by a notice, is linked only when it is a page
    # a notice could name itself (a fresh user had /facets/evil and …/historicaldocuments/evil-page linked)
    for params in (
        {"q": "Mao", "type": "see https://history.state.gov/historicaldocuments/evil-page now"},
        {"q": "Mao", "type": "/facets/evil x"},
        {"q": "Mao", "place": "/documents/frus1949v07p1-d1 x"},
        {"q": "Mao", "start_date": "/facets/evil x"},
    ):
        page = client.get("/", params).content.decode()
        assert ("evil" in page or "frus1949v07p1-d1 x" in page) and not re.search(r'<a href="(?:https://[^"]*evil|/facets/evil|/documents/frus1949v07p1-d1)', page), params


def test_a_phrase_no_document_has_says_to_search_its_words_without_the_quotes(client, demo_volume_archive):
    # '"Chou En-lai Moscow treaty"' found nothing and got "Try fewer words" (a fresh user)
    apart = client.get("/api/search", {"q": "Communists Chinese Batavia"}).json()["total"]
    assert apart > 1
    html = client.get("/", {"q": '"Communists Chinese Batavia"'}).content.decode()
    assert "Results: 0<" in html and "Try fewer words" not in html
    assert _notice(html) == (
        f"No document has the phrase “Communists Chinese Batavia”; {apart:,} documents have its words apart: "
        "search them without the quotation marks."
    )
    body = client.get("/api/search", {"q": '"Communists Chinese Batavia"'}).json()
    assert body["total"] == 0 and body["explained"] is True
    # the count is of the search with the words apart, the rest of the query and the filters kept (it
    # counted the phrase's words alone: 9 where the search without quotes found none, a fresh user)
    for rest in ({"q": '"Communists Chinese Batavia" -Indonesia'}, {"q": '"Communists Chinese Batavia"', "type": "Telegram"}):
        loose = client.get("/api/search", {**rest, "q": rest["q"].replace('"', "")}).json()["total"]
        said = client.get("/api/search", rest).json()["notice"]
        having = f"{loose:,} documents have" if loose > 1 else "1 document has"
        assert loose < apart and (f"; {having} its words apart" in said if loose else "its words apart" not in said), (rest, loose, said)


def test_a_phrase_ending_in_a_prefix_no_document_has_says_to_search_its_words_without_the_quotes(client, demo_volume_archive):
    # '"Communists Chinese Bata*"' got "Try fewer words" where its whole words got the advice that works (a fresh user's)
    apart = client.get("/api/search", {"q": "Communists Chinese Bata*"}).json()["total"]
    assert apart > 1 and client.get("/api/search", {"q": '"Communists Chinese Batavia"'}).json()["total"] == 0
    html = client.get("/", {"q": '"Communists Chinese Bata*"'}).content.decode()
    assert "Results: 0<" in html and "Try fewer words" not in html
    assert _notice(html) == (
        f"No document has the phrase “Communists Chinese Bata*”; {apart:,} documents have its words apart: "
        "search them without the quotation marks."
    )


def test_a_word_left_out_that_leaves_out_every_match_says_so_and_how_to_leave_out_only_the_word(client, demo_volume_archive):
    # "treaty -treaties" found nothing, silently: treaty and treaties share a stem, and a word left out is left out
    # in every form, as a word sought is found in every form
    def total(q: str) -> int:
        return client.get("/api/search", {"q": q}).json()["total"]

    rest, quoted = total("treaty"), total('treaty -"treaties"')
    assert total("treaty -treaties") == 0 and 0 < quoted < rest
    html = client.get("/", {"q": "treaty -treaties"}).content.decode()
    assert "Results: 0<" in html
    assert _notice(html) == (
        f"-treaties leaves out all {rest:,} documents the rest of the search finds. A word left out is left out in all its "
        "forms, as a word searched for is found in all of them: to leave out only the word as written, quote it: "
        f'-"treaties" ({quoted:,} documents).'
    )
    body = client.get("/api/search", {"q": "treaty NOT treaties"}).json()
    assert body["total"] == 0 and body["explained"] is True and body["notice"] == _notice(html)
    # the rest of the search is every other part of it, other words left out too
    narrower, narrower_quoted = total('treaty -Acheson'), total('treaty -Acheson -"treaties"')
    assert 0 < narrower_quoted < narrower < rest and f"leaves out all {narrower:,} documents" in client.get("/api/search", {"q": 'treaty -Acheson -treaties'}).json()["notice"]
    assert f'-"treaties" ({narrower_quoted:,} documents)' in client.get("/api/search", {"q": 'treaty -Acheson -treaties'}).json()["notice"]
    # a phrase or a prefix left out: how many it leaves out, and no advice to quote
    said, beside = client.get("/api/search", {"q": 'Acheson -"Dean Acheson" -Acheson*'}).json(), total('Acheson -"Dean Acheson"')
    assert said["total"] == 0 and beside and f"-Acheson* leaves out all {beside:,} documents" in said["notice"]
    assert "quote it" not in said["notice"]
    # an exclusion that leaves some documents, or a search whose other words find none, says nothing of it
    assert "leaves out" not in client.get("/api/search", {"q": "treaty -Stalin"}).json()["notice"]
    assert "leaves out" not in client.get("/api/search", {"q": "Zzyzxq -treaties"}).json()["notice"]


def test_the_filters_in_force_are_named_above_the_results_each_with_its_way_out(client, seed_archive):
    # on a phone the facets come after the hits: the filters in force were out of sight (a fresh user)
    page = client.get("/", {"q": "Mao", "type": ["Telegram", "Cable"], "recipient": "Liu Shaoqi", "start_date": "1949"}).content.decode()
    (line,) = re.findall(r'<p class="filters-chosen">(.*?)</p>', page, re.S)
    shown = re.sub(r"<[^>]+>", "", unescape(line))
    assert shown == "Narrowed to Type: Telegram ✕; Type: Cable ✕; To: Liu Shaoqi ✕ · Clear all"
    links = [unescape(u) for u in re.findall(r'href="([^"]*)"', line)]
    assert links == [
        "?q=Mao&type=Cable&recipient=Liu+Shaoqi&start_date=1949",
        "?q=Mao&type=Telegram&recipient=Liu+Shaoqi&start_date=1949",
        "?q=Mao&type=Telegram&type=Cable&start_date=1949",
        "?q=Mao",
    ]
    assert 'class="filters-chosen"' not in client.get("/", {"q": "Mao"}).content.decode()
    # a sort is no filter: Clear all keeps it
    sorted_page = client.get("/", {"q": "Mao", "type": "Telegram", "sort": "date_asc"}).content.decode()
    (line,) = re.findall(r'<p class="filters-chosen">(.*?)</p>', sorted_page, re.S)
    assert unescape(re.findall(r'href="([^"]*)"', line)[-1]) == "?q=Mao&sort=date_asc"
    # nor is a page size, which each ✕ kept (a fresh researcher); the page itself starts again
    sized = client.get("/", {"q": "Mao", "type": "Telegram", "page_size": "20", "page": "2"}).content.decode()
    (line,) = re.findall(r'<p class="filters-chosen">(.*?)</p>', sized, re.S)
    assert unescape(re.findall(r'href="([^"]*)"', line)[-1]) == "?q=Mao&page_size=20"


def test_the_language_facet_names_each_language_on_the_page_and_links_by_its_code(client, seed_archive):
    # the top of every search: narrowed by date, type, sender, recipient, collection or language;
    # there was no language facet, though language: worked in the query (a fresh user)
    page = client.get("/", {"q": "Mao"}).content.decode()
    (box,) = re.findall(r'<section class="facet" data-facet="language">(.*?)</section>', page, re.S)
    assert "<h2>Language</h2>" in box
    assert re.search(r'href="\?q=Mao&amp;language=en"[^>]*title="English"', box) and '<span class="value">English</span>' in box
    narrowed = client.get("/", {"q": "Mao", "language": "en"}).content.decode()
    (line,) = re.findall(r'<p class="filters-chosen">(.*?)</p>', narrowed, re.S)
    assert re.sub(r"<[^>]+>", "", unescape(line)) == "Narrowed to Language: English ✕ · Clear all"
    body = client.get("/api/search", {"q": "Mao", "language": "en"}).json()
    (language,) = [f for f in body["facets"] if f["name"] == "language"]
    assert language["values"] == [{"value": "en", "count": body["total"], "selected": True, "label": "English"}]
    assert client.get("/api/search", {"q": "Mao", "language": "ru"}).json()["total"] == 0
    # a code written another way is the tag the facet holds, as language:eng in the query reads it
    # (language=iw found nothing where q=language:iw found 6: a fresh user)
    for other in ("eng", "EN"):
        assert client.get("/api/search", {"q": "Mao", "language": other}).json()["total"] == body["total"] > 0, other


def test_a_page_citation_s_hits_name_the_pages_that_print_them(client, demo_volume_archive):
    # page 5 of FRUS 1949 volume VII is printed by d2 (pages 4–5) and d3 (5–6): each hit says which pages are its own
    body = client.get("/", {"q": "Foreign Relations, 1949, vol. VII, p. 5"}).content.decode()
    assert "Results: 1 - 2 of 2" in body
    metas = [unescape(m) for m in re.findall(r'<div class="meta">(.*?)</div>', body)]
    assert sorted(m.rsplit(", ", 1)[1] for m in metas) == ["pp. 4\u20135", "pp. 5\u20136"]
    assert all("Volume VII, Part 1, pp. " in m for m in metas)  # after the volume that prints them
    hits = client.get("/api/search", {"q": "collection:frus1949v07p1 page:4", "page_size": 10}).json()["hits"]
    assert sorted((h["identifier"], h["pages"]) for h in hits) == [("frus1949v07p1-d1", "4"), ("frus1949v07p1-d2", "4\u20135")]



def test_a_hit_without_a_type_still_names_its_volume_and_pages(client, demo_volume_archive):
    # the line naming the volume and pages was shown only with a document type: 20 of this volume's hits had neither
    body = client.get("/", {"q": "collection:frus1949v07p1 page:18"}).content.decode()
    metas = [unescape(m) for m in re.findall(r'<div class="meta">(.*?)</div>', body)]
    assert "Foreign Relations of the United States, 1949, The Far East and Australasia, Volume VII, Part 1, p. 18" in metas


def test_the_headers_api_link_leads_to_a_page_a_reader_can_read(client, db):
    # it opened /api/openapi.json, raw JSON in the browser (a fresh researcher); the OpenAPI page
    # lists the endpoints and lets them be tried, the JSON description still linked from it
    page = client.get("/").content.decode()
    target = re.search(r'<nav><a href="([^"]+)"[^>]*>API</a></nav>', page).group(1)
    docs = client.get(target)
    assert docs.status_code == 200 and docs["Content-Type"].startswith("text/html")
    assert "swagger-ui" in docs.content.decode()
    assert client.get("/api/").json()["docs"] == target


def test_a_table_of_a_frus_document_is_shown_as_a_table(client, db):
    # its rows read as text, cells between pipes: "Hong Kong | | | 67" (a fresh researcher; 97 demo documents hold a table)
    from legation.ingest.readers.tei_frus import read_frus_volume

    from tests.conftest import REPO, ingested_archive

    volume = REPO / "data" / "demo" / "frus" / "frus1955-57v03.xml.gz"
    for _ in ingested_archive(read_frus_volume(volume)):
        page = client.get("/documents/frus1955-57v03-d126").content.decode()
    body = re.search(r'<div class="body">(.*?)</div>\s*(?:<section|</section)', page, re.S).group(1)
    (table,) = re.findall(r'<div class="table"><table>(.*?)</table></div>', body, re.S)
    rows = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table)]
    assert rows[0] == ["", "(in US $ millions)", "", ""] and ["Hong Kong", "", "", "67"] in rows and ["Ceylon", "", "", "48"] in rows
    assert " | " not in re.sub(r"<table>.*?</table>", "", body, flags=re.S)  # no row left as text
    # the paragraphs around it as before
    assert "<p>The recorded exports" in body or "were:</p>" in body
    # a row of one cell among rows of several (a caption, a heading of the rows below) spans them all
    for _ in ingested_archive(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1961-63v05.xml.gz")):
        page = client.get("/documents/frus1961-63v05-d254").content.decode()
    (table,) = re.findall(r'<div class="table"><table>(.*?)</table></div>', page, re.S)
    assert re.findall(r'<tr><td colspan="(\d+)">([^<]+)</td></tr>', table) == [("5", "Party Secretaries (not Presidium Members)")]
    assert "<tr><td>Kozlov</td><td>54</td><td>Party 2nd Secretary</td><td>The Successor-designate</td><td></td></tr>" in table


def test_a_stray_year_beside_matches_of_one_year_is_said_though_no_histogram_is_drawn(client, far_dates):
    # one bar draws no histogram, and the line naming the strays stood inside it: the charter of 1066 among
    # telegrams of 1950 alone went unsaid
    html = client.get("/", {"q": "Cable OR charter"}).content.decode()
    assert '<figure class="histogram"' in html and "are not drawn" not in html and "is not drawn" in html  # 1949 and 1950: as before
    html = client.get("/", {"q": "Zhou OR charter"}).content.decode()  # two telegrams of 1950 and the charter
    assert "Results: 1 - 3 of 3" in html and '<figure class="histogram"' not in html
    said = re.search(r'<p class="not-drawn">(.*?)</p>', html).group(1)
    assert re.sub("<[^>]+>", "", said) == "1 document dated 1066 is more than 400 years from the other dated matches, all of 1950."
    [address] = re.findall(r'<a href="([^"]+)" rel="nofollow">1066</a>', said)
    assert re.findall(r'<h3 dir="auto"><a href="/documents/([^"]+)">', client.get("/" + unescape(address)).content.decode()) == ["charter"]


@pytest.fixture
def dodis_archive(db):
    """Two real Dodis documents (tests/fixtures/tei): 49548 mentions a person and two bodies of the
    GDR, 53169 one person only; and 49548 again as dodis-49548-bodies, mentioning only its bodies."""
    from dataclasses import replace

    from legation.ingest.readers.tei_corresp import read_tei_document
    from tests.conftest import ingested_archive, single_record

    mixed = single_record(read_tei_document(FIXTURES / "tei" / "49548.xml"))
    bodies = replace(mixed, identifier="dodis-49548-bodies", agents=[a for a in mixed.agents if a.role != "mentioned" or a.kind == "organization"])
    yield from ingested_archive([mixed, single_record(read_tei_document(FIXTURES / "tei" / "53169.xml")), bodies])


@pytest.mark.parametrize(
    ("identifier", "heading", "names"),
    [
        ("dodis-49548", "People and organizations mentioned", ["Tschirlich, Arnold", "Germany/GDR/Embassy in Bern", "Germany/GDR/State"]),
        ("dodis-49548-bodies", "Organizations mentioned", ["Germany/GDR/Embassy in Bern", "Germany/GDR/State"]),
        ("dodis-53169", "People mentioned", ["Schabowski, Günter (1929–2015)"]),
    ],
)
def test_the_agents_a_document_mentions_are_headed_by_their_kinds(client, dodis_archive, identifier, heading, names):
    # "People mentioned" headed an embassy and a state (a researcher on dodis-49548)
    html = unescape(client.get(f"/documents/{identifier}").content.decode())
    fields = dict(re.findall(r"<dt>([^<]+)</dt><dd[^>]*>(.*?)</dd>", html, re.S))
    assert re.findall(r'title="Documents naming [^"]+">([^<]+)</a>', fields[heading]) == names
