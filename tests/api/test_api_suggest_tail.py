"""GET /api/suggest completes the last term of what is typed, keeping what comes before it
(search/query.py's last_terms reads the term; search/suggest.py completes it): on the seed archive
with the demo's authority records for its people, and on the FRUS volume's places sent from."""

from __future__ import annotations

import json
import re

import pytest

from legation.search.service import RELAXED_NOTICE as RELAXED
from tests.api.test_api import NATIVE_NAMES, SEED_RECORDS
from tests.search.fixtures import naming


@pytest.fixture
def seed_with_names(client, seed_archive, tmp_path):
    """The seed archive, its people given the other forms of their names (Chou En-lai, 周恩来)."""
    from legation.records.authorities import load_authorities

    path = tmp_path / "names.jsonl"
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in NATIVE_NAMES), encoding="utf-8")
    load_authorities(path)
    return seed_archive


def reading(before: str, words: str, excluded: bool = False, field: str | None = None) -> tuple:
    """A :class:`legation.search.query.LastTerm`'s fields (imported by the test: the module is read before it)."""
    return (before, words, excluded, field)


def forms(name: str) -> list[str]:
    return next([row["name"], *row["names"]] for row in NATIVE_NAMES if row["name"] == name)


def holding(word: str) -> set[str]:
    """The seed records a search for ``word`` finds in their collection's title (every record's:
    "Sino-Soviet Treaty Talks")."""
    return {r.identifier for r in SEED_RECORDS if any(word.lower() in c.title.lower().split() for c in r.collections)}


def names(client, q: str) -> list[tuple[str, str, int]]:
    """(text, query, documents) of the names and places /api/suggest gives for ``q``, in order."""
    answer = client.get("/api/suggest", {"q": q})
    assert answer.status_code == 200, answer.content
    return [(s["text"], s["query"], s["documents"]) for s in answer.json() if s["kind"] != "title"]


def test_the_last_term_completes_and_what_comes_before_it_stays(client, seed_with_names):
    """``treaty Zho`` suggested nothing (no name begins "treaty zho"), and choosing a suggestion
    replaced the whole box: the words typed before the name were lost. The last term completes,
    the longest run of trailing words first (``Chou En``, a variant of two words), and the query is
    the whole new box, counted as a search for it counts."""
    from legation.search.service import SearchRequest, search

    zhou = set(naming(SEED_RECORDS, *forms("Zhou Enlai")))
    liu, mao = set(naming(SEED_RECORDS, *forms("Liu Shaoqi"))), set(naming(SEED_RECORDS, *forms("Mao Zedong")))
    treaty = holding("treaty")
    assert (len(zhou), len(zhou & treaty), len(treaty), len(liu), len(mao & liu)) == (2, 2, 10, 6, 6)
    expected = {
        "treaty Zho": [("Zhou Enlai", 'treaty "Zhou Enlai"', len(zhou & treaty))],
        "treaty Chou En": [("Zhou Enlai", 'treaty "Zhou Enlai"', len(zhou & treaty))],
        "treaty  周恩": [("Zhou Enlai", 'treaty  "Zhou Enlai"', len(zhou & treaty))],  # the box kept as typed, its two spaces too
        "Mao Zedong Liu Sha": [("Liu Shaoqi", 'Mao Zedong "Liu Shaoqi"', len(mao & liu))],
        "Zho": [("Zhou Enlai", '"Zhou Enlai"', len(zhou))],  # the whole box, as before
    }
    for typed, suggested in expected.items():
        assert names(client, typed) == suggested, typed
        for _, query, documents in suggested:
            assert search(SearchRequest(q=query)).total == documents, query


def test_an_opening_quote_an_exclusion_and_a_field_are_kept(client, seed_with_names):
    """``"Zho``, ``-Zho`` and ``to:Zho`` suggested nothing: no name begins with a quotation mark,
    a dash or a field. The opening quote is dropped, the exclusion and the field of names kept;
    a place, or a field no name is sought in, takes no name."""
    from legation.search.service import SearchRequest, search

    zhou = set(naming(SEED_RECORDS, *forms("Zhou Enlai")))
    to_zhou = {r.identifier for r in SEED_RECORDS if any(a.role == "recipient" and a.name == "Zhou Enlai" for a in r.agents)}
    from_zhou = {r.identifier for r in SEED_RECORDS if any(a.role == "sender" and a.name == "Zhou Enlai" for a in r.agents)}
    assert (len(zhou), len(to_zhou), len(from_zhou)) == (2, 1, 0)
    expected = {
        '"Zho': [("Zhou Enlai", '"Zhou Enlai"', len(zhou))],
        'treaty "Chou E': [("Zhou Enlai", 'treaty "Zhou Enlai"', 2)],
        "-Zho": [("Zhou Enlai", '-"Zhou Enlai"', len(SEED_RECORDS) - len(zhou))],
        'treaty -"Zho': [("Zhou Enlai", 'treaty -"Zhou Enlai"', len(holding("treaty") - zhou))],
        "to:Zho": [("Zhou Enlai", 'to:"Zhou Enlai"', len(to_zhou))],
        "recipient:Chou": [("Zhou Enlai", 'recipient:"Zhou Enlai"', len(to_zhou))],  # the field as typed
        "From:Zho": [],  # Zhou Enlai sent none of them: a suggestion that finds nothing is not made
        "(Mao OR Zho": [("Zhou Enlai", '(Mao OR "Zhou Enlai"', search(SearchRequest(q='Mao OR "Zhou Enlai"')).total)],
        "title:Zho": [],
        "place:Zho": [],
        "date:19": [],
        '"Zhou Enlai" Zh': [("Zhou Enlai", '"Zhou Enlai" "Zhou Enlai"', len(zhou))],
        '"Zhou Enlai"': [],  # a closed phrase: nothing left to complete
    }
    for typed, suggested in expected.items():
        assert names(client, typed) == suggested, typed
        for _, query, documents in suggested:
            assert search(SearchRequest(q=query)).total == documents, query


def test_suggestions_count_the_documents_with_every_term_and_none_finds_nothing(client, seed_with_names):
    # "treaty Port Ar" ranked first a name whose box, 'treaty Port "Arthur J. Goldberg"', no document
    # matched: its count was that of the search's most-words fallback (found by a fresh user)
    from legation.search.service import SearchRequest, search

    for typed in ("Zho", "treaty Zho", "Mao Zh", "Zhou Enlai Liu Sha", "Stalin Zho", "telegram Mao Zh", "-Zho", "to:Zho", "From:Zho", "from:Mao Li"):
        for _, query, documents in names(client, typed):
            result = search(SearchRequest(q=query))
            assert documents > 0 and (result.total, result.notice) == (documents, result.notice.replace(RELAXED, "")), (typed, query)
    assert names(client, "From:Zho") == []  # Zhou Enlai sent none of the seed's documents


def test_places_complete_the_last_term_in_their_field(client, frus_archive):
    """The FRUS volume's places sent from: two words of a place after a word (``treaty St. Pe``),
    a place after a name, a place's field; a field of names takes no place."""
    from legation.search.service import SearchRequest, search

    expected = {
        "treaty St. Pe": [("St. Petersburg", 'treaty place:"St. Petersburg"')],
        'treaty "St. Pe': [("St. Petersburg", 'treaty place:"St. Petersburg"')],
        "Lansing Wash": [("Washington", 'Lansing place:"Washington"')],
        "-Wash": [("Washington", '-place:"Washington"')],
        "place:St. P": [("St. Petersburg", 'place:"St. Petersburg"')],
        "from:St. P": [],
    }
    for typed, suggested in expected.items():
        got = names(client, typed)
        assert [(text, query) for text, query, _ in got] == suggested, typed
        for _, query, documents in got:
            assert search(SearchRequest(q=query)).total == documents, query


@pytest.mark.parametrize(
    ("box", "terms"),
    [
        ("treaty Port Ar", [reading("", "treaty Port Ar"), reading("treaty ", "Port Ar"), reading("treaty Port ", "Ar")]),
        ("treaty -Port Ar", [reading("treaty ", "Port Ar", excluded=True), reading("treaty -Port ", "Ar")]),
        ('treaty "Port Ar', [reading("treaty ", '"Port Ar'), reading("treaty ", "Port Ar")]),
        ("„Lüs", [reading("", '"Lüs'), reading("", "Lüs")]),  # a typographic quote opens a phrase, as parse() reads it
        ("(-sender:Chou", [reading("(", "Chou", excluded=True, field="sender")]),
        ('"Port Arthur" Zh', [reading('"Port Arthur" ', "Zh")]),
        ("Mao OR Zh", [reading("Mao OR ", "Zh")]),
        ("NOT Zh", [reading("NOT ", "Zh")]),
        ("Mao\x00Zh", [reading("", "Mao Zh"), reading("Mao ", "Zh")]),  # a control character is a space, in what is kept too
        ("a b c d e f g", [reading("a ", "b c d e f g"), *(reading("a b c d e f g"[: 2 * k], "b c d e f g"[2 * k - 2 :]) for k in range(2, 7))]),
        ('"Port Arthur"', []),
        ("from:", []),
        ("date:1950", []),
        ("Mao)", []),
        ('a"b', []),
        ("<script>alert(1)</script>", []),
        ("", []),
    ],
)
def test_last_terms_read_the_end_of_the_box(box, terms):
    from legation.search.query import LastTerm, last_terms

    assert last_terms(box) == [LastTerm(*t) for t in terms]


@pytest.mark.parametrize(
    "typed",
    [
        '<script>alert("x")</script> Zho',
        '"><img src=x onerror=alert(1)> "Zho',
        '"' * 999 + "Zho"[:1],
        "-" * 1000,
        "(" * 500 + "Zho" + ")" * 497,
        "\x00\x01\x1f\x7f\x85\u2028 Zho",
        "Zho " * 250,
        "a" * 1000,
        'from:"' + "x" * 993,
        "date:(" * 100,
    ],
)
def test_hostile_text_gets_an_answer(client, seed_with_names, typed):
    """Up to 1,000 characters, as a search takes (it was 200: a longer box's suggestions failed
    with 400), whatever they hold: an answer, each query one a search reads."""
    from legation.search.service import SearchRequest, search

    assert len(typed) <= 1000
    answer = client.get("/api/suggest", {"q": typed})
    assert answer.status_code == 200, answer.content
    for item in answer.json():
        assert search(SearchRequest(q=item["query"])).total == item["documents"] if item["kind"] != "title" else item["query"] == ""
    too_long = client.get("/api/suggest", {"q": "a" * 1001})
    assert too_long.status_code == 400 and too_long.json()["error"]["code"] == "invalid_parameter"


@pytest.fixture
def goldberg_archive(db):
    """The demo volume frus1964-68v30 (346 real documents on China, 1964-68) as the archive: Arthur J.
    Goldberg, Ambassador to the United Nations, sends 2 of them and is named in 28."""
    from legation.ingest.readers.tei_frus import read_frus_volume
    from tests.conftest import REPO, ingested_archive

    records = list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1964-68v30.xml.gz"))
    for _ in ingested_archive(records):
        yield records


def test_words_typed_before_the_last_term_that_the_name_holds_are_replaced_by_it(client, goldberg_archive):
    # "Arthur Gold" suggested 'Arthur "Arthur J. Goldberg"' (found by a fresh user): no name begins
    # "Arthur Gold", so the name came from "Gold" alone and the Arthur typed before it was kept
    from legation.search.service import SearchRequest, search

    goldberg = '"Arthur J. Goldberg"'
    sent = {r.identifier for r in goldberg_archive if any(a.role == "sender" and a.name == "Arthur J. Goldberg" for a in r.agents)}
    assert len(sent) == 2
    expected = {
        "Arthur Gold": goldberg,
        "Art Gold": goldberg,  # the beginning of a word of the name, two letters or more
        "Ar J Gold": goldberg,
        "A Gold": f"A {goldberg}",  # one letter is no beginning of a word typed
        "J. Gold": goldberg,
        "arthur j gold": goldberg,  # any case, the full stop left out
        "treaty Arthur Gold": f"treaty {goldberg}",  # a word the name does not hold stays
        "Arthur treaty Gold": f"Arthur treaty {goldberg}",  # so do the words before it
        "from:Arthur Gold": f"from:{goldberg}",  # the field and the exclusion typed before the words replaced stay
        "-Arthur Gold": f"-{goldberg}",
        "Goldberg Gold": goldberg,
        '"Arthur" Gold': f'"Arthur" {goldberg}',  # a phrase closed is no word of the name being typed
    }
    for typed, query in expected.items():
        got = [(text, q, n) for text, q, n in names(client, typed) if text == "Arthur J. Goldberg"]
        assert [q for _, q, _ in got] == [query], typed
        assert got[0][2] == search(SearchRequest(q=query)).total > 0, typed
    assert names(client, "from:Arthur Gold")[0][2] == len(sent)
