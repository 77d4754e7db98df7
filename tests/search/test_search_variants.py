"""Name variants from authority records: a name typed in one form finds documents in the others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legation.records.authorities import load_authorities
from legation.search import variants
from legation.search.query import Alternatives, And, Phrase, Term, parse
from legation.search.service import RELAXED_NOTICE, SearchRequest, search
from legation.search.variants import VariantTable
from tests.conftest import FIXTURES

SEED = [json.loads(line) for line in (FIXTURES / "seed" / "sino-soviet-1949-1950.jsonl").read_text().splitlines()]
LIU = VariantTable.from_groups([["Liu Shaoqi", "Liu Shao-chi", "刘少奇"], ["Mao Zedong", "Mao Tse-tung"]])


def naming(name: str) -> set[str]:
    return {d["identifier"] for d in SEED if any(a["name"] == name for a in d["agents"])}


def ids(index, q: str, names=None) -> set[str]:
    return {h.identifier for h in search(SearchRequest(q=q, page_size=100), index, names).hits}


def test_a_variant_finds_the_documents_of_the_preferred_form(seed_index):
    plain = search(SearchRequest(q="Liu Shao-chi"), seed_index)
    assert plain.notice == RELAXED_NOTICE  # no document spells it so: only the fallback finds "Liu"
    expanded = search(SearchRequest(q="Liu Shao-chi", page_size=100), seed_index, LIU)
    assert RELAXED_NOTICE not in expanded.notice
    assert {h.identifier for h in expanded.hits} == naming("Liu Shaoqi") != set()
    assert ids(seed_index, "刘少奇", LIU) == naming("Liu Shaoqi")
    assert ids(seed_index, "liu shao-chi", LIU) == naming("Liu Shaoqi")  # case does not matter


def test_other_words_still_must_match_and_the_notice_names_the_forms(seed_index):
    liu_and_treaty = {
        d["identifier"]
        for d in SEED
        if d["identifier"] in naming("Liu Shaoqi") and "treaty" in (d["title"] + " " + d["summary"] + " " + d["collections"][0]["title"]).lower()
    }
    result = search(SearchRequest(q="Liu Shao-chi treaty", page_size=100), seed_index, LIU)
    assert {h.identifier for h in result.hits} == liu_and_treaty
    assert "Liu Shao-chi: Liu Shaoqi" in result.notice
    twice = search(SearchRequest(q="Liu Shao-chi Liu Shao-chi"), seed_index, LIU)
    assert twice.notice.count("Liu Shao-chi: ") == 1  # a name typed twice is named once


def test_expansion_keeps_the_words_typed_and_leaves_operators_alone():
    node, found = LIU.expand(parse("Mao Tse-tung treaty").node)
    assert isinstance(node, And) and isinstance(node.items[0], Alternatives)
    assert node.items[0].items[1:] == (Phrase("Mao Zedong"),) and node.items[1] == Term("treaty")
    assert found == [("Mao Tse-tung", ("Mao Zedong",))]
    for q in ("Mao OR Liu", "-Mao", "title:Mao", "Mao*"):
        assert LIU.expand(parse(q).node)[1] == []


def test_a_surname_alone_is_the_match_for_a_surname_typed_alone():
    table = VariantTable.from_groups([["Nikita S. Khrushchev", "Nikita Khrushchev", "Khrushchev", "Хрущёв"]])
    assert table.expand(parse("Хрущёв").node)[1] == [("Хрущёв", ("Nikita S. Khrushchev", "Nikita Khrushchev", "Khrushchev"))]
    # a full name typed is not widened to every Khrushchev by the surname alone
    assert table.expand(parse("Nikita Khrushchev").node)[1] == [("Nikita Khrushchev", ("Хрущёв",))]


def test_a_name_shared_by_two_records_is_not_expanded():
    table = VariantTable.from_groups([["Johnson", "Lyndon B. Johnson"], ["Johnson", "U. Alexis Johnson"]])
    assert table.expand(parse("Johnson").node)[1] == []
    assert table.expand(parse("Lyndon B. Johnson").node)[1] == []  # its only other name is ambiguous


@pytest.mark.django_db
def test_authority_file_feeds_the_archive_search(client, seed_archive, tmp_path: Path):
    path = tmp_path / "names.jsonl"
    path.write_text(
        json.dumps({"kind": "person", "key": "person:liu-shaoqi", "name": "Liu Shaoqi", "names": ["Liu Shao-chi"]}) + "\n"
        + json.dumps({"kind": "place", "name": "Changchun", "names": ["Chanchun", "Hsinking"]}) + "\n",
        encoding="utf-8",
    )
    report = load_authorities(path)
    assert report.names_added == 3 and sorted(report.documents_touched) == sorted(naming("Liu Shaoqi"))
    variants.reset()
    body = client.get("/api/search", {"q": "Liu Shao-chi", "page_size": "100"}).json()
    assert {h["identifier"] for h in body["hits"]} == naming("Liu Shaoqi")
    chanchun = {d["identifier"] for d in SEED if "chanchun" in d["summary"].lower()}
    body = client.get("/api/search", {"q": "Hsinking"}).json()
    assert {h["identifier"] for h in body["hits"]} == chanchun != set()


def test_a_bad_authority_line_names_the_line_and_writes_nothing(db, tmp_path: Path):
    from legation.errors import IngestError
    from legation.records.models import Place

    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"kind": "place", "name": "Lüshun", "names": ["Port Arthur"]}) + "\n{\"kind\": \"city\"}\n")
    with pytest.raises(IngestError, match="line 2"):
        load_authorities(path)
    assert not Place.objects.filter(name="Lüshun").exists()


def test_quoted_words_are_never_widened(seed_index):
    assert LIU.expand(parse('"Liu Shao-chi"').node)[1] == []
    assert search(SearchRequest(q='"Liu Shao-chi"'), seed_index, LIU).total == 0


def test_names_read_from_documents_do_not_widen_searches(client, seed_archive, tmp_path: Path):
    """A reader's slip (FRUS once gave Kissinger the name "Nixon") must not make every search for
    one man find the other; only curated authority names do."""
    from legation.ingest.readers.jsonl import read_jsonl
    from legation.ingest.service import ingest_records

    slip = {**SEED[0], "identifier": "slip", "agents": [
        {"key": "person:liu-shaoqi", "name": "Liu Shaoqi", "role": "sender", "kind": "person", "names": ["Stalin"]}
    ]}
    path = tmp_path / "slip.jsonl"
    path.write_text(json.dumps(slip) + "\n", encoding="utf-8")
    assert not ingest_records(read_jsonl(path)).failed
    variants.reset()
    body = client.get("/api/search", {"q": "Liu Shaoqi"}).json()
    assert "Stalin" not in body["notice"]


def test_a_name_in_a_field_of_names_is_searched_there_in_all_its_forms(seed_index):
    # place:Moskva found nothing though Moskva is Moscow's other form; the field keeps its meaning
    sent_by_liu = {d["identifier"] for d in SEED if any(a["name"] == "Liu Shaoqi" and a["role"] == "sender" for a in d["agents"])}
    assert sent_by_liu and ids(seed_index, "from:(Liu Shaoqi)") == sent_by_liu
    assert ids(seed_index, "from:(Liu Shao-chi)") == set()  # no document spells it so
    for q in ("from:(Liu Shao-chi)", 'from:"Liu Shao-chi"', "from:刘少奇", "sender:(liu shao-chi)"):
        assert ids(seed_index, q, LIU) == sent_by_liu, q
    node, found = LIU.expand(parse("to:(Liu Shao-chi) treaty").node)
    assert node.items[0].items[1:] == (Phrase("Liu Shaoqi", "to"), Phrase("刘少奇", "to")) and node.items[1] == Term("treaty")
    assert found == [("Liu Shao-chi", ("Liu Shaoqi", "刘少奇"))]
    assert LIU.expand(parse("title:(Liu Shao-chi)").node)[1] == []  # a title's words are no name


def test_each_side_of_an_or_is_expanded_and_a_not_is_left_as_typed(seed_index):
    # place:(Moskva OR Washington) searched Washington alone: the names of an OR were left as typed
    mao_or_liu = ids(seed_index, "Mao Zedong OR Liu Shaoqi")
    assert mao_or_liu and ids(seed_index, "Mao Tse-tung OR Liu Shao-chi", LIU) == mao_or_liu
    assert ids(seed_index, "Mao Tse-tung OR Liu Shao-chi") != mao_or_liu  # no document spells them so
    node, found = LIU.expand(parse("(Liu Shao-chi OR Stalin) treaty").node)
    assert isinstance(node.items[0].items[0], Alternatives) and node.items[1] == Term("treaty") and found[0][0] == "Liu Shao-chi"
    assert LIU.expand(parse("treaty -(Liu Shao-chi)").node)[1] == []
