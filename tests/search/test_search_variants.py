"""Name variants from authority records: a name typed in one form finds documents in the others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legation.ingest.readers.tei_frus import read_frus_volume
from legation.records.authorities import load_authorities
from legation.search import variants
from legation.search.query import Alternatives, And, Phrase, Term, parse
from legation.search.service import RELAXED_NOTICE, SearchRequest, search
from legation.search.variants import VariantTable
from tests.conftest import FIXTURES, REPO
from tests.search.fixtures import naming as naming_in

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
    # the name's words side by side, also with the parts of a word joined (as a word of parts is sought)
    assert node.items[0].items == (Phrase("Mao Tse-tung"), Phrase("Mao Tsetung"), Phrase("Mao Zedong")) and node.items[1] == Term("treaty")
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


def test_a_quoted_name_is_that_name_in_all_its_forms_other_phrases_stay_as_written(seed_index):
    # '"Zhou Enlai"' found 291 demo documents where Zhou Enlai finds 536, '"Lüshun"' none where Lüshun
    # finds 7: researchers quote names to hold their words together, not to refuse their other spellings
    assert search(SearchRequest(q='"Liu Shao-chi"'), seed_index).total == 0  # no document spells it so
    result = search(SearchRequest(q='"Liu Shao-chi"', page_size=100), seed_index, LIU)
    assert {h.identifier for h in result.hits} == naming("Liu Shaoqi") == ids(seed_index, "Liu Shao-chi", LIU)
    assert "Also searched for other forms of these names (Liu Shao-chi: Liu Shaoqi, 刘少奇)." in result.notice
    # a phrase that holds a name and more is no name: searched as written
    assert LIU.expand(parse('"Liu Shao-chi treaty"').node)[1] == []
    assert search(SearchRequest(q='"Liu Shao-chi treaty"'), seed_index, LIU).total == 0


def test_a_name_excluded_is_excluded_in_all_its_forms(seed_index):
    everything = ids(seed_index, "treaty")
    assert naming("Liu Shaoqi") & everything  # some documents of the treaty name him
    for typed in ("treaty -\"Liu Shao-chi\"", "treaty NOT (Liu Shao-chi)", "treaty -刘少奇"):
        assert ids(seed_index, typed, LIU) == everything - ids(seed_index, "treaty Liu Shaoqi"), typed
    # the notice says the other forms were excluded too, not searched (it said "Also searched for")
    notice = search(SearchRequest(q='treaty -"Liu Shao-chi"'), seed_index, LIU).notice
    assert notice.startswith("Also excluded other forms of these names (Liu Shao-chi: Liu Shaoqi, 刘少奇). A name is searched in all")
    assert notice.endswith('for one form as written: -text:"Liu Shao-chi".')


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
    assert node.items[0].items[2:] == (Phrase("Liu Shaoqi", "to"), Phrase("刘少奇", "to")) and node.items[1] == Term("treaty")
    assert found == [("Liu Shao-chi", ("Liu Shaoqi", "刘少奇"))]
    assert LIU.expand(parse("title:(Liu Shao-chi)").node)[1] == []  # a title's words are no name


def test_each_side_of_an_or_is_expanded(seed_index):
    # place:(Moskva OR Washington) searched Washington alone: the names of an OR were left as typed
    mao_or_liu = ids(seed_index, "Mao Zedong OR Liu Shaoqi")
    assert mao_or_liu and ids(seed_index, "Mao Tse-tung OR Liu Shao-chi", LIU) == mao_or_liu
    assert ids(seed_index, "Mao Tse-tung OR Liu Shao-chi") != mao_or_liu  # no document spells them so
    node, found = LIU.expand(parse("(Liu Shao-chi OR Stalin) treaty").node)
    assert isinstance(node.items[0].items[0], Alternatives) and node.items[1] == Term("treaty") and found[0][0] == "Liu Shao-chi"


DEMO_NAMES = VariantTable.from_groups(
    [[line["name"], *line["names"]] for line in map(json.loads, (REPO / "data" / "demo" / "authorities.jsonl").read_text().splitlines())]
)  # the demo's authority records, each one group of names as the archive's table has them


@pytest.mark.parametrize(
    ("typed", "written", "name", "kept"),
    [
        ("Lu-shun", "Lüshun", "Lüshun", Phrase("Lu-shun")),
        ("Lu shun", "Lüshun", "Lüshun", And((Term("Lu"), Term("shun")))),
        ("Chiang Kaishek", "Chiang Kai-shek", "Chiang Kai-shek", None),  # the record's parts joined: as typed
        ("chiangkaishek", "Chiang Kai-shek", "Chiang Kai-shek", Term("chiangkaishek")),
        ("Chou Enlai", "Chou En-lai", "Chou En-lai", None),
        ("Kim Ilsung", "Kim Il-sung", "Kim Il-sung", None),
        ("Chi Pengfei", "Chi P'eng-fei", "Chi P'eng-fei", None),  # Chi P'eng-fei and Chi Peng-fei read alike (the aspiration read past): the record's
        ("Portarthur", "Port Arthur", "Port Arthur", Term("Portarthur")),
        ("Chang Chun", "Changchun", "Changchun", And((Term("Chang"), Term("Chun")))),  # also General Chang Ch'ün
        ("from:(Chou Enlai)", "from:(Chou En-lai)", "Chou En-lai", None),
        ('to:"Chou Enlai"', 'to:"Chou En-lai"', "Chou En-lai", Phrase("Chou Enlai", "to")),
        ("Chou Enlai treaty", "Chou En-lai treaty", "Chou En-lai", None),
    ],
)
def test_a_name_typed_with_its_syllables_joined_or_split_otherwise_is_the_records_name(typed, written, name, kept):
    """``Lu-shun`` found nothing and ``Chiang Kaishek`` only the documents writing "Kaishek": a name
    is known by its folded words, and these are not the record's. Its words joined are: the name is
    searched as the record writes it (``name``), in all its forms, and the notice names that
    spelling too. The words typed are kept where that spelling would not find all they find
    (``kept``): "Portarthur" is no word of "Port Arthur"; "Enlai" is "En-lai" joined, which is sought;
    "Lu-shun" joined is "Lushun", so only its phrase is kept."""
    node, found = DEMO_NAMES.expand(parse(typed).node)
    as_written, named = DEMO_NAMES.expand(parse(written).node)
    forms = (node if isinstance(node, Alternatives) else node.items[0]).items
    expected = (as_written if isinstance(as_written, Alternatives) else as_written.items[0]).items
    assert forms == (expected[0], *([kept] if kept else []), *expected[1:])
    assert (node.items[1:] if isinstance(node, And) else ()) == (as_written.items[1:] if isinstance(as_written, And) else ())
    assert [forms for _, forms in found] == [(name, *forms) for _, forms in named] and found[0][0] in typed


def test_the_same_letters_in_names_of_two_records_are_left_alone():
    """Chang Ch'ün (张群, the premier) and Changchun (the city) are the same letters joined: ``Chang
    Chun`` is the premier's words (Wade-Giles' apostrophe and the umlaut read past), not the city's
    name; ``Changchun`` is the city's; each as its record writes it is still that record's."""
    table = VariantTable.from_groups([["Chang Ch'ün", "Zhang Qun", "张群"], ["Changchun", "Hsinking", "长春"]])
    assert table.expand(parse("Chang Chun").node)[1] == [("Chang Chun", ("Zhang Qun", "张群"))]
    assert table.expand(parse("Chang-chun").node)[1] == [("Chang-chun", ("Zhang Qun", "张群"))]
    assert table.expand(parse("Chang Ch'ün").node)[1] == [("Chang Ch'ün", ("Zhang Qun", "张群"))]
    assert table.expand(parse("Changchun").node)[1] == [("Changchun", ("Hsinking", "长春"))]
    alone = VariantTable.from_groups([["Chang Ch'ün", "Zhang Qun"]])  # the letters of one record: its name
    assert alone.expand(parse("Chang Chun").node)[1] == [("Chang Chun", ("Zhang Qun",))]


@pytest.fixture(scope="module")
def china_1969(demo_volumes):
    """The demo volume on China, 1969-1972 (175 real documents), and its index."""
    return list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1969-76ve13.xml.gz")), demo_volumes("frus1969-76ve13")


def test_a_name_typed_with_its_syllables_joined_or_split_finds_what_the_records_spelling_finds(china_1969):
    """Found on this volume before: ``Lu-shun`` 0 (``Lüshun`` 1), ``Chiang Kaishek`` 26 (``Chiang
    Kai-shek`` 29), ``Chou Enlai`` 84 (86), ``Hongkong`` 0 (``Hong Kong`` 8), ``Chi Pengfei`` 41 (the
    documents of "Chi" or "Pengfei" when none has both; ``Chi Peng-fei`` 21), ``Kim Ilsung`` 2 (1)."""
    records, index = china_1969
    assert naming_in(records, "Lüshun", "Port Arthur", "Lushun", "Ryojun", "旅顺") == ["frus1969-76ve13-d145"]
    assert len(naming_in(records, "Chou En-lai", "Zhou Enlai", "周恩来")) == 86
    for typed, written, total in [
        ("Lu-shun", "Lüshun", 1),
        ("Lu shun", "Lüshun", 1),
        ("Chiang Kaishek", "Chiang Kai-shek", 29),
        ("Chou Enlai", "Chou En-lai", 86),
        ("Hongkong", "Hong Kong", 8),
        ("Chi Pengfei", "Chi Peng-fei", 21),
        ("Kim Ilsung", "Kim Il-sung", 1),
    ]:
        found, as_written = (search(SearchRequest(q=q, page_size=10), index, DEMO_NAMES) for q in (typed, written))
        assert (found.total, as_written.total) == (total, total), typed
        assert [h.identifier for h in found.hits] == [h.identifier for h in as_written.hits], typed  # ranked alike
    notice = search(SearchRequest(q="Chou Enlai"), index, DEMO_NAMES).notice
    assert notice.startswith("Also searched for other forms of these names (Chou Enlai: Chou En-lai, Zhou Enlai, 周恩来).")


def test_did_you_mean_a_name_finds_it_in_all_its_forms(china_1969):
    """``Chou Enlia`` suggested ``Chou Enlai``, which found 84 documents of the name's 86."""
    _, index = china_1969
    assert search(SearchRequest(q="Chou Enlia"), index, DEMO_NAMES).did_you_mean == "Chou Enlai"
    assert search(SearchRequest(q="Chou Enlai"), index, DEMO_NAMES).total == 86


def test_words_typed_that_spell_a_name_joined_still_find_what_they_found(demo_volumes):
    """``Chang Chun`` is the city Changchun joined, and the name of General Chang Ch'un (张群), whom
    the demo's records do not hold: the words typed are kept, and his documents still found."""
    index = demo_volumes("frus1955-57v03")
    general = search(SearchRequest(q="Chang Chun", page_size=100), index, DEMO_NAMES)
    assert general.total == 7 and "frus1955-57v03-d159" in {h.identifier for h in general.hits}  # "General Chang Ch’un"
    assert {h.identifier for h in general.hits} == {h.identifier for h in search(SearchRequest(q="Chang Chun", page_size=100), index).hits}


AUTHORITIES = [json.loads(line) for line in (REPO / "data" / "demo" / "authorities.jsonl").read_text().splitlines()]
DEMO_PLACES = VariantTable.from_groups(  # people and bodies, then places, as the archive's table has them
    [[a["name"], *a["names"]] for a in AUTHORITIES if a["kind"] != "place"], [[a["name"], *a["names"]] for a in AUTHORITIES if a["kind"] == "place"]
)


def test_a_prefix_in_a_field_of_names_finds_the_names_it_begins_in_all_their_forms(china_1969):
    # place:Pek* found nothing: the place field holds the record's name, Beijing, and no word of it begins "pek"
    records, index = china_1969
    from_beijing = {r.identifier for r in records if r.place_sent in ("Beijing", "Peking")}
    from_moscow = {r.identifier for r in records if r.place_sent == "Moscow"}
    assert len(from_beijing) >= 40 and ids(index, "place:Beijing", DEMO_PLACES) == from_beijing
    assert ids(index, "place:Pek*") == set()
    for q in ("place:Pek*", "place:Peki*", "place:Bei*", "place:北*"):
        assert ids(index, q, DEMO_PLACES) == from_beijing, q
    assert from_moscow and ids(index, "place:(Pek* OR Mosk*)", DEMO_PLACES) == from_beijing | from_moscow
    node, found = DEMO_PLACES.expand(parse("place:Pek* treaty").node)
    assert node.items[0] == Alternatives(
        (Term("Pek", "place", True), Term("Beijing", "place"), Term("Peking", "place"), Term("Peiping", "place"), Phrase("北京", "place"))
    )
    assert found == [("Pek*", ("Beijing", "Peking", "Peiping", "北京"))]
    assert DEMO_PLACES.expand(parse("Pek*").node)[1] == [] and DEMO_PLACES.expand(parse("from:Pek*").node)[1] == []  # a place's names, in place: alone
    assert DEMO_PLACES.expand(parse("place:Chou*").node)[1] == []  # people's names, not in place:
    assert DEMO_PLACES.expand(parse("from:Chou*").node)[1] == [("Chou*", ("Chou En-lai", "Zhou Enlai", "周恩来"))]


def test_a_word_typed_that_is_a_names_hyphenated_word_joined_is_also_sought_as_written(china_1969):
    # "Kaishek" alone is no name, so it was left as typed: 374 documents of the demo against 420 for
    # Kai-shek, and no passage but where a text writes "Kaishek"; Enlai found 291 of En-lai's 536
    records, index = china_1969
    node, found = DEMO_PLACES.expand(parse("Kaishek treaty").node)
    assert node.items[0] == Alternatives((Term("Kaishek"), Phrase(DEMO_PLACES.parts["kaishek"])))
    assert DEMO_PLACES.parts["kaishek"].lower() == "kai-shek" and found == [("Kaishek", (DEMO_PLACES.parts["kaishek"],))]
    for typed, written in (("Kaishek", "Kai-shek"), ("Enlai", "En-lai"), ("enlai", "en-lai")):
        assert ids(index, typed) < ids(index, written), typed  # as typed alone, fewer
        assert ids(index, typed, DEMO_PLACES) == ids(index, written, DEMO_PLACES), typed
    assert DEMO_PLACES.expand(parse("En-lai").node)[1] == []  # typed hyphenated, the word already finds both spellings


def test_a_names_other_forms_are_also_sought_with_their_hyphenated_words_joined():
    # a text writing "Chou Enlai" showed no passage for Zhou Enlai: its form Chou En-lai was sought as a phrase of three words
    node, found = DEMO_PLACES.expand(parse("Zhou Enlai").node)
    assert Phrase("Chou Enlai") in node.items and Phrase("Chou En-lai") in node.items
    assert found == [("Zhou Enlai", ("Chou En-lai", "周恩来"))]  # the notice names the record's names only
    typed = DEMO_PLACES.expand(parse('"Chou Enlai"').node)[0]
    assert [item for item in typed.items if item == Phrase("Chou Enlai")] == [Phrase("Chou Enlai")]  # typed so: sought once


def test_a_sign_beside_a_name_is_not_named_with_it(seed_index):
    # "毛泽东 😀" said "Also searched for other forms of these names (毛泽东 😀: …)": the window of words
    # read as the name took the emoji, which has no term, with it
    result = search(SearchRequest(q="Liu Shao-chi 😀", page_size=100), seed_index, LIU)
    assert {h.identifier for h in result.hits} == naming("Liu Shaoqi")
    assert "Also searched for other forms of these names (Liu Shao-chi: Liu Shaoqi, 刘少奇)." in result.notice
    assert LIU.expand(parse("😀 Liu Shao-chi").node)[1] == LIU.expand(parse("Liu Shao-chi").node)[1]


@pytest.mark.parametrize(("cyrillic", "latin"), [("Громыко", "Gromyko"), ("Косыгин", "Kosygin"), ("Брежнев", "Brezhnev"), ("Сталин", "Stalin")])
def test_a_russian_surname_typed_in_cyrillic_finds_what_it_finds_in_latin_letters(demo_volumes, cyrillic, latin):
    # Громыко found 272 documents of the demo and Gromyko 280: the record gave his Cyrillic surname
    # alone and his Latin names only whole ("Andrei A. Gromyko"), not the bare "Gromyko" the texts
    # write ("aide-memoire handed me by Gromyko"), as Khrushchev's gives "Khrushchev" (a fresh user)
    index = demo_volumes("frus1961-63v05", "frus1964-68v14")

    def every(q: str) -> set[str]:
        found, page = set(), 1
        while hits := search(SearchRequest(q=q, page=page, page_size=100), index, DEMO_PLACES).hits:
            found |= {h.identifier for h in hits}
            page += 1
        return found

    latin_found = every(latin)
    assert len(latin_found) >= 5 and every(cyrillic) == latin_found


def test_a_name_one_document_gives_another_person_finds_that_document_alone(db):
    """FRUS 1955–57 vol. III tags James Shen, Chiang Kai-shek's secretary, with the key of James S.
    Lay Jr., the NSC's executive secretary, in one document. The names an agent is given are
    gathered from all its documents, and each of its documents was found by all of them:
    ``"James Shen"`` found Lay's memoranda first (a fresh historian). A person's other names find
    its documents only when they write its surname (schema.finding_names)."""
    from legation.records.document_record import DocumentRecord
    from tests.conftest import ingested_archive
    from tests.search.fixtures import record_text

    records = [r for r in read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1955-57v03.xml.gz") if isinstance(r, DocumentRecord)]
    writing = {r.identifier for r in records if "james shen" in " ".join(record_text(r).lower().split())}
    lays = {r.identifier for r in records if any(a.name.startswith("James S. Lay") for a in r.agents)}
    from legation.search.suggest import suggest

    for _ in ingested_archive(records):
        found = {h.identifier for h in search(SearchRequest(q='"James Shen"', page_size=100)).hits}
        lay = {h.identifier for h in search(SearchRequest(q='"James S. Lay"', page_size=100)).hits}
        offered = {s.text for s in suggest("James S")}  # nor does autocomplete offer Lay for "James Shen"
        assert "James S. Lay Jr." in offered and "James S. Lay Jr." not in {s.text for s in suggest("James She")}
    assert found == writing and len(writing) >= 1
    assert len(lays - writing) >= 4  # found before, as Lay's (43 in the whole demo archive)
    assert lays <= lay  # Lay's own names still find all his documents


def test_the_names_an_edition_lists_under_its_own_key_find_the_persons_documents(db):
    """A Dodis document lists the edition's names of each person under the edition's key
    (``<person xml:id="P31707">``: Gorbachev, Gorbatschow, Gorbatchev, Горбачёв …); only the forename
    and surname were read, and `Gorbatschow` found 3 documents of the 26 naming Gorbachev, those
    spelling it so, `Горбачёв` none (a fresh archivist's)."""
    from legation.ingest.readers.tei_corresp import read_tei_document
    from legation.records.document_record import DocumentRecord
    from tests.conftest import ingested_archive, shared_data

    folder = shared_data("dodis-when-the-wall-came-down/tei")
    records = [r for path in sorted(folder.glob("*.xml")) for r in read_tei_document(path) if isinstance(r, DocumentRecord)]
    linked = {r.identifier for r in records if any(a.key == "dodis:P31707" for a in r.agents)}
    for _ in ingested_archive(records):
        found = {name: {h.identifier for h in search(SearchRequest(q=name, page_size=100)).hits} for name in ("Gorbachev", "Gorbatschow", "Горбачёв", "Gorbatchev")}
        fielded = search(SearchRequest(q="names:Gorbatschow", page_size=100)).total
    assert len(linked) >= 20
    assert linked <= found["Gorbachev"] and linked <= found["Gorbatschow"] and linked <= found["Горбачёв"] and linked <= found["Gorbatchev"]
    assert fielded >= len(linked)


def test_a_slip_writing_the_surname_beside_another_persons_is_no_name_of_the_person(db):
    """FRUS 1961–63 vol. VI tags "Dobrynin Robert Kennedy" with Robert F. Kennedy's entry: the name
    writes "Kennedy", so it was kept as one of his names, and ``Dobrynin`` found all his documents
    (21 hits writing no "Dobrynin", suggest offering "Robert F. Kennedy"; a fresh user). A word of
    a name read from documents that is another person's surname must be a given name, initial or
    title of the person (schema.finding_names); his other names still find his documents."""
    from legation.records.document_record import DocumentRecord
    from legation.search.suggest import suggest
    from tests.conftest import ingested_archive
    from tests.search.fixtures import record_text

    records = [r for r in read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1961-63v06.xml.gz") if isinstance(r, DocumentRecord)]
    kennedys = {r.identifier for r in records if any(a.key == "person:robert-f-kennedy" for a in r.agents)}
    writing = {r.identifier for r in records if "dobrynin" in record_text(r).lower() or any("Dobrynin" in a.name for a in r.agents)}
    assert any("Dobrynin Robert Kennedy" in a.names for r in records for a in r.agents)
    assert len(kennedys - writing) >= 2  # found for "Dobrynin" before
    def every(q: str) -> set[str]:
        return {h.identifier for page in range(1, 20) for h in search(SearchRequest(q=q, page=page, page_size=100)).hits}

    for _ in ingested_archive(records):
        found, own = every("Dobrynin"), every('"Robert Kennedy"')
        offered = {s.text for s in suggest("Dobrynin")}
    assert found == writing and "Robert F. Kennedy" not in offered
    assert kennedys <= own  # his own names still find all his documents


def test_a_persons_other_names_keep_their_titles_initials_and_spellings():
    """The words beside the surname that make a name read from documents the person's: given names
    as sources write them, initials, titles and glosses, though another person bears them as a
    surname (schema.finding_names); a slip's word that is another person's surname is none."""
    from legation.records.document_record import AgentRef
    from legation.search.schema import finding_names

    surnames = {"dobrynin", "foster", "walt", "army", "bob", "francis", "kennedy", "jock", "fritz", "do", "chou", "sadat"}

    def person(name: str, *names: str) -> list[str]:
        return finding_names(AgentRef(key="person:x", name=name, kind="person", names=list(names)), (), surnames)

    real = ["Kennedy, Robert F.", "Attorney General Kennedy", "Bob Kennedy", "Robert Francis Kennedy", "R. F. Kennedy", "Mr. Kennedy"]
    assert person("Robert F. Kennedy", *real, "Dobrynin Robert Kennedy") == real
    assert person("John F. Dulles", "John Foster Dulles") == ["John Foster Dulles"]  # an initial spelled out
    assert person("Walt W. Rostow", "Walt R. Rostow") == ["Walt R. Rostow"]  # a misprinted initial
    assert person("Omar N. Bradley", "Bradley, General of the Army Omar N.") == ["Bradley, General of the Army Omar N."]
    assert person("John Hay Whitney", "Whitney, John Hay (Jock)") == ["Whitney, John Hay (Jock)"]  # a gloss
    assert person("Walter F. Mondale", "Fritz [Mondale]") == ["Fritz [Mondale]"]  # a familiar name, the surname supplied
    assert person("Chang Yo-yong", "Chang Do-yong") == ["Chang Do-yong"]  # a given name romanized otherwise
    assert person("Chou En-lai", "Premier Chou", "Chou En Lai", "Chou Enlai") == ["Premier Chou", "Chou En Lai"]
    assert person("Anwar al- Sadat", "Anwar el-Sadat", "Kennedy Sadat") == ["Anwar el-Sadat"]


def test_a_name_after_a_zero_width_space_is_searched_in_all_its_forms_as_after_a_space(seed_index):
    """A fresh user: ``Mao``U+200B``Stalin`` found the 23 demo documents of ``Mao Stalin`` but lost its
    notice "Also searched for other forms of these names (Stalin: Сталин)": only the word without the
    space (MaoStalin, no name) was looked up. When that is no name, its parts are, as typed apart."""
    for typed in ("treaty\u200bLiu\u200bShao-chi", "Mao\u200bLiu\u200bShao-chi treaty"):
        apart = search(SearchRequest(q=typed.replace("\u200b", " "), page_size=100), seed_index, LIU)
        result = search(SearchRequest(q=typed, page_size=100), seed_index, LIU)
        assert "Liu Shao-chi: Liu Shaoqi" in apart.notice, typed
        assert (result.notice, {h.identifier for h in result.hits}) == (apart.notice, {h.identifier for h in apart.hits}), typed
    _, found = LIU.expand(parse("Liu\u200bShao-chi").node)  # the word without it a name (its syllables joined): its parts add nothing
    assert [typed for typed, _ in found] == ["LiuShao-chi"]


def test_a_name_sought_and_excluded_in_another_form_says_how_to_search_each_form_as_written(demo_volumes):
    # Formosa -Taiwan found nothing and said only "-Taiwan leaves out all … documents the rest of the
    # search finds": Taiwan and Formosa are one place's names, each sought in all of them; which form a
    # document writes is evidence to a historian, and text: searches the texts for a form as written
    index = demo_volumes("frus1955-57v03")  # China, 1955-1957 (real documents writing Formosa, Taiwan, Peking, Peiping)
    for typed, written, forms in (
        ("Formosa -Taiwan", "text:Formosa -text:Taiwan", "(Taiwan: Formosa, 台湾)"),
        ('"Formosa" -"Taiwan"', "text:Formosa -text:Taiwan", "(Taiwan: Formosa, 台湾)"),
        ("Peking -Peiping", "text:Peking -text:Peiping", "(Peiping: Beijing, Peking, 北京)"),
    ):
        result = search(SearchRequest(q=typed), index, DEMO_PLACES)
        assert result.total == 0 and result.explained, typed
        assert f"Also excluded other forms of these names {forms}." in result.notice, typed
        assert "A name is searched in all the forms its authority record gives, quoted or not" in result.notice, typed
        assert result.notice.endswith(f"for one form as written: {written}."), typed
        assert search(SearchRequest(q=written), index, DEMO_PLACES).total > 0, written  # the search offered finds the forms as written
    assert search(SearchRequest(q="text:Formosa"), index, DEMO_PLACES).notice == ""  # text: is no field of names: searched as written


@pytest.mark.django_db
def test_a_persons_other_name_in_a_word_or_a_filter_is_named_as_the_archive_holds_him(tmp_path: Path):
    # Zedong found 162 demo documents and said nothing, though none writes "Zedong" (text:Zedong: 0):
    # it is a word of Mao Zedong, another name the authority records give Mao Tse-tung, and the names
    # of the people a document is linked to are searched; Mao -Zedong silently left out his documents
    from tests.conftest import ingested_archive

    archive = ingested_archive(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1969-76ve13.xml.gz"))
    next(archive)
    try:
        from legation.search.follower import follow_once

        load_authorities(REPO / "data" / "demo" / "authorities.jsonl")
        follow_once()  # the documents re-indexed with their people's other names
        variants.reset()
        found = search(SearchRequest(q="Zedong"))
        assert found.total > 0 and search(SearchRequest(q="text:Zedong")).total == 0
        assert found.notice == (
            "Zedong finds the documents linked to Mao Tse-tung (another of whose names is Mao Zedong) in the authority records,"
            " whether or not they write it; no document writes it in its texts (text:Zedong finds none)."
        )
        left = search(SearchRequest(q="Mao -Zedong"))
        assert left.total < search(SearchRequest(q="Mao")).total
        assert left.notice.startswith("-Zedong leaves out the documents linked to Mao Tse-tung (another of whose names is Mao Zedong)")
        assert search(SearchRequest(q="Mao")).notice == ""  # a word of his own name: nothing to say
        # Sun Zhongshan, another name the authority records give Sun Yat-sen, whom no document is
        # linked to: "Zhongshan treaty" found the documents holding "treaty" and said that Zhongshan
        # "finds the documents linked to Sun Yat-sen", of which there are none
        assert search(SearchRequest(q="names:Zhongshan")).total == 0
        unlinked = search(SearchRequest(q="Zhongshan treaty"))
        assert unlinked.total > 0 and "Sun Yat-sen" not in unlinked.notice, unlinked.notice
        # a filter by another name of a person listed said only "(a filter's value is written as the
        # facet lists it)", though the authority records know him: it names him as the facet lists him
        to_zhou = search(SearchRequest(filters={"recipient": ["Zhou Enlai"]}))
        assert to_zhou.total == 0 and search(SearchRequest(filters={"recipient": ["Chou En-lai"]})).total > 0
        assert "No document has the recipient 'Zhou Enlai' (a filter's value is written as the facet lists it: Chou En-lai)." in to_zhou.notice
    finally:
        next(archive, None)
        variants.reset()



def test_an_initial_of_a_persons_other_name_is_no_word_said_to_find_his_documents():
    # "a" was said to find "the documents linked to Andrei Andreevich Gromyko (another of whose names is Andrei A.
    # Gromyko) or Harold Anthony Caccia … or Chester B. Bowles (another of whose names is Chester A. Bowles)" (a fresh
    # user on the demo): an initial is no word a search for him types; a word of another name is, and a Han character
    table = variants.VariantTable.from_groups(
        [["Andrei Andreevich Gromyko", "Andrei A. Gromyko"], ["Chester B. Bowles", "Chester A. Bowles"], ["Mao Tse-tung", "Mao Zedong", "毛泽东"]]
    )
    words = table.other_name_words
    assert "a" not in words and "b" not in words
    assert words["zedong"] == (("Mao Tse-tung", "Mao Zedong"),)
    assert all(len(w) > 1 or "\u4e00" <= w <= "\u9fff" for w in words), sorted(words)
