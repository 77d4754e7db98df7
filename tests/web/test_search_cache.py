"""Answers to repeated searches (legation.web.cache), through Django's test client on the seed archive."""

from __future__ import annotations

import dataclasses
import json

import pytest

from tests.conftest import FIXTURES

SEED = [json.loads(line) for line in (FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl").read_text().splitlines()]


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import caches

    caches["search"].clear()


def test_a_repeated_search_is_answered_from_the_cache_with_the_same_bytes(client, seed_archive):
    for path in ("/", "/api/search", "/api/facets/sender"):
        first = client.get(path, {"q": "Sino-Soviet"})
        second = client.get(path, {"q": "Sino-Soviet"})
        assert (first["X-Legation-Cache"], second["X-Legation-Cache"]) == ("miss", "hit"), path
        assert second.content == first.content and second["Content-Type"] == first["Content-Type"]
    other = client.get("/api/search", {"q": "Sino-Soviet", "page_size": "5"})
    assert other["X-Legation-Cache"] == "miss" and len(other.json()["hits"]) == 5


def test_an_ingest_the_index_follows_is_seen_on_the_next_request(client, seed_archive):
    from legation.ingest.service import ingest_records
    from legation.records.document_record import DocumentRecord
    from legation.search.follower import follow_once

    before = client.get("/api/search", {"q": "Sino-Soviet"}).json()["total"]
    assert client.get("/api/search", {"q": "Sino-Soviet"})["X-Legation-Cache"] == "hit"
    new = DocumentRecord.from_dict({**SEED[0], "identifier": "seed-sino-soviet-copy", "title": "Sino-Soviet copy"})
    assert ingest_records([new]).added == ["seed-sino-soviet-copy"]
    assert client.get("/api/search", {"q": "Sino-Soviet"}).json()["total"] == before  # not indexed yet: as without a cache
    follow_once()
    after = client.get("/api/search", {"q": "Sino-Soviet"})
    assert after["X-Legation-Cache"] == "miss" and after.json()["total"] == before + 1


def test_errors_signed_in_requests_and_a_zero_setting_are_not_cached(client, seed_archive, monkeypatch, settings):
    for _ in range(2):
        bad = client.get("/api/search", {"q": "treaty", "page_size": "many"})
        assert bad.status_code == 400 and bad["X-Legation-Cache"] == "miss"
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    for _ in range(2):
        assert "X-Legation-Cache" not in client.get("/", {"q": "treaty"})
    del client.cookies[settings.SESSION_COOKIE_NAME]

    from legation.config import config
    from legation.web import cache

    monkeypatch.setattr(cache, "config", lambda: dataclasses.replace(config(), search_cache_seconds=0))
    for _ in range(2):
        assert "X-Legation-Cache" not in client.get("/", {"q": "alliance"})


def test_new_authority_names_are_searched_at_once_not_answered_from_the_cache(client, seed_archive, tmp_path):
    from legation.records.authorities import load_authorities
    from legation.search import variants

    variants.reset()
    assert client.get("/api/search", {"q": "Quokkaland"}).json()["total"] == 0
    assert client.get("/api/search", {"q": "Quokkaland"})["X-Legation-Cache"] == "hit"
    authorities = tmp_path / "authorities.jsonl"
    authorities.write_text(json.dumps({"kind": "place", "name": "Moscow", "names": ["Quokkaland"]}) + "\n")
    load_authorities(authorities)
    variants.reset()  # what the server's table does within REFRESH_SECONDS
    after = client.get("/api/search", {"q": "Quokkaland"})
    assert after["X-Legation-Cache"] == "miss" and after.json()["total"] > 0


def test_a_variant_renamed_in_the_admin_is_searched_once_the_table_is_read_again(client, seed_archive, tmp_path, monkeypatch):
    """A curator correcting a variant's spelling changes no count of names: the table (and the
    answers keyed by it) must follow the names themselves, or the old spelling is searched until
    the server restarts."""
    from legation.records.authorities import load_authorities
    from legation.records.models import PlaceName
    from legation.search import variants

    variants.reset()
    monkeypatch.setattr(variants, "REFRESH_SECONDS", 0.0)  # as REFRESH_SECONDS after the edit, without waiting
    authorities = tmp_path / "authorities.jsonl"
    authorities.write_text(json.dumps({"kind": "place", "name": "Moscow", "names": ["Quokkaland"]}) + "\n")
    load_authorities(authorities)
    found = client.get("/api/search", {"q": "Quokkaland"}).json()["total"]
    assert found > 0 and client.get("/api/search", {"q": "Wombatland"}).json()["total"] == 0
    variant = PlaceName.objects.get(name="Quokkaland")
    variant.name = "Wombatland"  # as the admin's form saves it
    variant.save()
    after = client.get("/api/search", {"q": "Wombatland"})
    assert after["X-Legation-Cache"] == "miss" and after.json()["total"] == found
    assert client.get("/api/search", {"q": "Quokkaland"}).json()["total"] == 0


def test_a_search_while_the_index_catches_up_says_it_may_leave_documents_out(client, seed_archive, monkeypatch):
    # a server started after an interrupted ingest answered "total": 461, then 840 twenty seconds later,
    # with no notice; `legation search` warned in the same state
    from legation.ingest.service import ingest_records
    from legation.records.document_record import DocumentRecord
    from legation.search import follower
    from legation.search.service import default_index

    monkeypatch.setattr(follower, "_behind", 0)  # the module's state, as a server's follower round leaves it
    new = [DocumentRecord.from_dict({**SEED[0], "identifier": f"seed-copy-{n}", "title": "Sino-Soviet copy"}) for n in range(3)]
    assert len(ingest_records(new).added) == 3
    follower._measure(default_index())  # what each server's follower round does
    assert follower.entries_behind() == 3
    answered = client.get("/api/search", {"q": "Sino-Soviet"})
    behind = answered.json()
    assert "The search index is still taking in 3 recent changes (an ingest or edits)" in behind["notice"]
    # not kept: a cached answer said so for minutes after the index had caught up (a fresh user's server)
    assert not answered.has_header("X-Legation-Cache") and not client.get("/api/search", {"q": "Sino-Soviet"}).has_header("X-Legation-Cache")
    page = client.get("/", {"q": "Sino-Soviet"}).content.decode()
    assert "The search index is still taking in 3 recent changes" in page
    follower.follow_once()
    # counted down as the index commits, before the next round measures (the worker applying the entries
    # said 7,951 through a round of minutes while its neighbour counted down)
    assert follower.entries_behind() == 0
    follower._measure(default_index())
    caught_up = client.get("/api/search", {"q": "Sino-Soviet"}).json()
    assert follower.entries_behind() == 0 and "taking in" not in caught_up["notice"] and caught_up["total"] == behind["total"] + 3
    assert client.get("/api/search", {"q": "Sino-Soviet"})["X-Legation-Cache"] == "hit"  # in step: kept again


def test_a_client_holding_the_answer_is_told_304_with_no_search_run(client, seed_archive, monkeypatch):
    # RFC 9110 §13.1.2: the ETag names the answer for this index, names table and release; a request
    # naming it gets 304 and no body, even with the server's cache off, and the view is not run
    from legation.config import config
    from legation.ingest.service import ingest_records
    from legation.records.document_record import DocumentRecord
    from legation.search.follower import follow_once
    from legation.web import cache

    for path in ("/", "/api/search", "/api/facets/sender", "/facets/sender"):
        first = client.get(path, {"q": "Sino-Soviet"})
        assert first.status_code == 200 and first["ETag"].startswith('W/"') and "no-cache" in first["Cache-Control"], path
        again = client.get(path, {"q": "Sino-Soviet"}, headers={"If-None-Match": first["ETag"]})
        assert (again.status_code, again.content, again["ETag"]) == (304, b"", first["ETag"]), path
        other = client.get(path, {"q": "alliance"}, headers={"If-None-Match": first["ETag"]})
        assert other.status_code == 200 and other["ETag"] != first["ETag"], path
    monkeypatch.setattr(cache, "config", lambda: dataclasses.replace(config(), search_cache_seconds=0))
    etag = client.get("/api/search", {"q": "Sino-Soviet"})["ETag"]
    assert client.get("/api/search", {"q": "Sino-Soviet"}, headers={"If-None-Match": etag}).status_code == 304
    # an ingest the index follows makes the answer the client holds stale
    new = DocumentRecord.from_dict({**SEED[0], "identifier": "seed-sino-soviet-etag", "title": "Sino-Soviet etag"})
    assert ingest_records([new]).added == ["seed-sino-soviet-etag"]
    follow_once()
    after = client.get("/api/search", {"q": "Sino-Soviet"}, headers={"If-None-Match": etag})
    assert after.status_code == 200 and after["ETag"] != etag


def test_errors_and_signed_in_answers_carry_no_etag(client, seed_archive, settings):
    bad = client.get("/api/search", {"q": "treaty", "page_size": "many"})
    assert bad.status_code == 400 and "ETag" not in bad
    page = client.get("/", {"q": "treaty", "start_date": "garbage"})
    assert page.status_code == 400 and "ETag" not in page
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    assert "ETag" not in client.get("/", {"q": "treaty"})


def test_a_new_release_does_not_validate_what_an_older_one_drew(client, seed_archive, monkeypatch):
    from legation.web import cache

    etag = client.get("/", {"q": "treaty"})["ETag"]
    monkeypatch.setattr(cache, "release", lambda: "another release")
    assert client.get("/", {"q": "treaty"}, headers={"If-None-Match": etag}).status_code == 200


def test_pages_and_json_are_gzipped_for_a_client_that_accepts_it(client, seed_archive):
    import gzip

    for path in ("/?q=treaty", "/api/search?q=treaty", "/documents/seed-sino-soviet-01", "/api/documents/seed-sino-soviet-01"):
        plain = client.get(path)
        packed = client.get(path, headers={"Accept-Encoding": "gzip, deflate, br"})
        assert plain.status_code == packed.status_code == 200, path
        assert "Content-Encoding" not in plain and packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"], path
        assert gzip.decompress(packed.content) == plain.content and len(packed.content) < len(plain.content), path
        assert int(packed["Content-Length"]) == len(packed.content)
        head = client.head(path, headers={"Accept-Encoding": "gzip"})
        # the same length give or take the up to 100 random bytes of each gzip header (Django's BREACH mitigation)
        assert head.content == b"" and abs(int(head["Content-Length"]) - len(packed.content)) <= 100, path
        # a weight of 0 refuses gzip (RFC 9110 §12.5.3): Django's test of the word gzip sent it all the same,
        # the answer cached or not
        for refusing in ("gzip;q=0", "br, *;q=0.1, gzip;q=0"):
            refused = client.get(path, headers={"Accept-Encoding": refusing})
            assert "Content-Encoding" not in refused and refused.content == plain.content and "Accept-Encoding" in refused["Vary"], (path, refusing)
        assert client.get(path, headers={"Accept-Encoding": "deflate, gzip;q=0.5"})["Content-Encoding"] == "gzip", path



def test_a_cached_answer_is_gzipped_once_and_sent_so_to_every_client_that_accepts_it(client, seed_archive, monkeypatch):
    import gzip

    from legation.web import cache

    made = []
    compress = cache.compress_string
    monkeypatch.setattr(cache, "compress_string", lambda content, **kw: made.append(len(content)) or compress(content, **kw))
    for path in ("/?q=treaty", "/api/search?q=treaty"):
        made.clear()
        plain = client.get(path)  # kept uncompressed: this client does not accept gzip
        answers = [client.get(path, headers={"Accept-Encoding": "gzip"}) for _ in range(3)]
        assert [a["X-Legation-Cache"] for a in answers] == ["hit"] * 3 and made == [len(plain.content)], path
        assert len({a.content for a in answers}) == 1 and gzip.decompress(answers[0].content) == plain.content, path
        assert all(a["Content-Encoding"] == "gzip" and int(a["Content-Length"]) == len(a.content) for a in answers), path
        assert all("Accept-Encoding" in a["Vary"] for a in [plain, *answers]) and client.get(path).content == plain.content, path
    # a client that accepts gzip first: the miss is compressed once, as it is kept
    made.clear()
    first, again = (client.get("/?q=alliance", headers={"Accept-Encoding": "gzip"}) for _ in range(2))
    assert (first["X-Legation-Cache"], again["X-Legation-Cache"]) == ("miss", "hit") and len(made) == 1 and first.content == again.content
    # an answer too short to be worth compressing is sent as it is, as GZipMiddleware sends it
    assert cache._gzipped(b"x" * 199) == b"" and gzip.decompress(cache._gzipped(b"x" * 400)) == b"x" * 400

@pytest.mark.parametrize(
    ("path", "status"),
    [("/facets/nosuch?q=Mao", 404), ("/api/search?q=Mao&page=0", 400), ("/api/search?q=" + "a" * 1200, 400), ("/?q=Mao&start_date=garbage", 400)],
)
def test_preconditions_never_turn_an_error_into_304_or_412(client, seed_archive, path, status):
    # RFC 9110 §13.2.1: "*" and If-Match answered 304 and 412 where the answer is an error
    for headers in ({"If-None-Match": "*"}, {"If-Match": '"x"'}, {"If-None-Match": 'W/"0000"'}):
        assert client.get(path, headers=headers).status_code == status, (path, headers)


def test_a_304_says_what_its_200_says_of_caching_and_answers_star_when_there_is_an_answer(client, seed_archive, monkeypatch):
    from legation.config import config
    from legation.web import cache

    for path in ("/?q=Mao", "/api/search?q=Mao"):
        full = client.get(path, headers={"Accept-Encoding": "gzip"})
        held = client.get(path, headers={"Accept-Encoding": "gzip", "If-None-Match": full["ETag"]})
        assert held.status_code == 304
        for header in ("ETag", "Cache-Control"):
            assert held[header] == full[header], (path, header)
        assert {v.strip().lower() for v in held["Vary"].split(",")} == {v.strip().lower() for v in full["Vary"].split(",")}
        star = client.get(path, headers={"If-None-Match": "*"})  # any current answer holds it (RFC 9110 §13.1.2)
        assert star.status_code == 304 and star["ETag"] == full["ETag"] and not star.content
        assert client.get(path, headers={"If-Match": '"x"'}).status_code == 200
    # a new site credit after a restart is a new page: what the browser holds is not current
    etag = client.get("/?q=Mao")["ETag"]
    monkeypatch.setattr(cache, "config", lambda: dataclasses.replace(config(), site_credit="Another credit"))
    assert client.get("/?q=Mao", headers={"If-None-Match": etag}).status_code == 200
