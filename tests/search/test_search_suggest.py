"""Suggestions for the search box (search/suggest.py) on a real demo volume, with the demo's
authority records, and on real letters whose names and places hold quotation marks: what each
suggestion says it gives is what choosing it gives."""

from __future__ import annotations

from legation.ingest.readers.tei_frus import read_frus_volume
from tests.conftest import FIXTURES, REPO
from tests.search.fixtures import naming, sent_from

VOLUME = REPO / "data" / "demo" / "frus" / "frus1969-76ve13.xml.gz"  # China, 1969–1972
CHOU = ("Chou En-lai", "Zhou Enlai", "Chou En-Lai", "周恩来")  # data/demo/authorities.jsonl, line 1


def test_a_names_count_is_what_choosing_it_finds(client, db):
    """/api/suggest?q=chou counted the documents naming Chou En-lai as sender or recipient (3 in
    the demo archive, 2 in this volume), while choosing it searches "Chou En-lai", which finds
    every document naming him in any of his forms (536 in the demo archive, 86 here)."""
    from legation.records.authorities import load_authorities
    from legation.search.follower import follow_once
    from legation.search.service import SearchRequest, search
    from tests.conftest import ingested_archive

    records = list(read_frus_volume(VOLUME))
    archive = ingested_archive(records)
    next(archive)
    load_authorities(REPO / "data" / "demo" / "authorities.jsonl")
    follow_once()
    finds = naming(records, *CHOU)
    as_sender_or_recipient = [r.identifier for r in records if any(a.role in ("sender", "recipient") and a.name in CHOU for a in r.agents)]
    assert (len(finds), len(as_sender_or_recipient)) == (86, 2)

    body = client.get("/api/suggest", {"q": "chou"}).json()
    chou = next(s for s in body if s["kind"] == "name" and s["text"] == "Chou En-lai")
    assert chou == {"kind": "name", "text": "Chou En-lai", "identifier": "", "documents": len(finds), "query": '"Chou En-lai"'}
    for item in body:  # every name's count is its search's total, and the names come by it
        if item["kind"] != "title":
            assert item["documents"] == search(SearchRequest(q=item["query"])).total, item
    counts = [s["documents"] for s in body if s["kind"] == "name"]
    assert counts == sorted(counts, reverse=True)
    titles = [s for s in body if s["kind"] == "title"]
    assert titles and all(s["query"] == "" and s["documents"] == 1 and s["identifier"] for s in titles)
    next(archive, None)



def test_people_only_mentioned_and_places_no_document_was_sent_from_are_suggested(client, db):
    """"Ache" suggested nothing in the demo archive though 37 documents name Dean G. Acheson, and
    "Port Ar" nothing though 7 mention Port Arthur (Lüshun): names came only from senders and recipients,
    places only from where documents were sent. A person only mentioned is suggested after those
    who correspond, a place of the authority records no document was sent from as a name searched
    in all its forms; each suggestion's count is what choosing it finds."""
    import re

    from legation.records.authorities import load_authorities
    from legation.search.follower import follow_once
    from legation.search.service import SearchRequest, search
    from tests.conftest import ingested_archive

    records = list(read_frus_volume(VOLUME))
    roles = {a.role for r in records for a in r.agents if a.name == "Leonid Brezhnev"}
    assert roles == {"mentioned"}
    quemoy = [r for r in records if any(re.search(r"\b(Kinmen|Quemoy|Jinmen)\b", t.body) for t in r.texts)]
    assert quemoy and not any(r.place_sent in ("Kinmen", "Quemoy", "Jinmen") for r in records)
    archive = ingested_archive(records)
    next(archive)
    load_authorities(REPO / "data" / "demo" / "authorities.jsonl")
    follow_once()

    (brezhnev,) = [s for s in client.get("/api/suggest", {"q": "brezh"}).json() if s["kind"] != "title"]
    # the authority file's preferred form of the name the volume gives (Leonid Brezhnev)
    assert (brezhnev["kind"], brezhnev["text"], brezhnev["query"]) == ("name", "Leonid I. Brezhnev", '"Leonid I. Brezhnev"')
    assert brezhnev["documents"] == search(SearchRequest(q='"Leonid Brezhnev"')).total > 0
    (kinmen,) = [s for s in client.get("/api/suggest", {"q": "Quem"}).json() if s["kind"] != "title"]
    assert (kinmen["kind"], kinmen["text"], kinmen["query"]) == ("name", "Kinmen", '"Kinmen"')
    assert kinmen["documents"] == search(SearchRequest(q="Quemoy")).total >= len(quemoy)
    # in the field of places sent from it finds nothing, so it is not suggested there
    assert [s for s in client.get("/api/suggest", {"q": "place:Quem"}).json() if s["kind"] != "title"] == []
    next(archive, None)


MORITZ_QUOTED = FIXTURES / "csv" / "moritz-letters-quoted.csv"  # real rows of Moritz's letters, tests/fixtures/csv/README.md


def test_names_and_places_with_quotation_marks_find_what_their_count_says(client, db):
    """Moritz's correspondence writes names and places with quotation marks (``"den von Warberg"``,
    ``Johann Rutilius ["Rötelstein"]``, ``Artern [„Ordern“]``). Quoted as written, a suggestion's
    search ended its phrase at the name's first quotation mark and searched the rest as loose words:
    ``""den von Warberg""`` also found the letter of Christoph von Warberg to Heinrich "den Jüngeren"
    (a form of his name in another letter), and ``place:"Artern [„Ordern“]"`` nothing. A place's
    search looked for its words anywhere but in the place sent from: ``"Artern"`` found no letter
    of the three sent from Artern. Choosing a suggestion finds what its count says: the letters
    naming the person in any of the forms the letters give, or sent from the place."""
    import re

    from legation.ingest.readers import read_file
    from legation.records.document_record import DocumentRecord
    from legation.search.analyzers import folded_name
    from legation.search.service import SearchRequest, search
    from tests.conftest import ingested_archive

    records = [r for r in read_file(MORITZ_QUOTED, "moritz") if isinstance(r, DocumentRecord)]  # not the note on unmapped columns
    archive = ingested_archive(records)
    next(archive)

    def forms(name: str) -> set[str]:  # every name the letters give the agent so named: its search finds them all
        keys = {a.key for r in records for a in r.agents if a.name == name}
        return {n for r in records for a in r.agents if a.key in keys for n in (a.name, *a.names)}

    expected = {  # (kind, text): (query, what choosing it finds, counted off the rows by hand)
        ("name", '"den von Warberg"'): ('"den von Warberg"', naming(records, *forms('"den von Warberg"')), 1),
        ("name", 'Johann Rutilius ["Rötelstein"] (Superintendent)'): (
            '"Johann Rutilius [Rötelstein] (Superintendent)"', naming(records, *forms('Johann Rutilius ["Rötelstein"] (Superintendent)')), 2
        ),
        ("name", "„Von einem gern gesellen“"): ('"Von einem gern gesellen"', naming(records, *forms("„Von einem gern gesellen“")), 1),
        ("place", "Artern"): ('place:"Artern"', sent_from(records, "Artern"), 3),
        ("place", "Artern [„Ordern“]"): ('place:"Artern [Ordern]"', sent_from(records, "Artern [„Ordern“]"), 1),
        ("place", "Augsburg"): ('place:"Augsburg"', sent_from(records, "Augsburg"), 3),
        ("place", "„Aug[us]tae [Vindelicorum]“ [Augsburg]"): (
            'place:"Aug[us]tae [Vindelicorum] [Augsburg]"', sent_from(records, "„Aug[us]tae [Vindelicorum]“ [Augsburg]"), 1
        ),
    }
    assert {key: len(finds) for key, (_, finds, _) in expected.items()} == {key: n for key, (_, _, n) in expected.items()}
    seen = set()
    for typed in ('"den', "Johann Rut", "„Von", "Artern", "Augsburg", "„Aug"):
        for item in client.get("/api/suggest", {"q": typed}).json():
            if item["kind"] == "title":
                continue
            if (item["kind"], item["text"]) not in expected:  # a name with a later word beginning as typed (its own or another name's): "den, Heinrich den Jüngeren
                later_words = [word for name in forms(item["text"]) for word in re.split("[ -]", folded_name(name))[1:]]
                assert any(word.startswith(folded_name(typed.lstrip('"„'))) for word in later_words), (typed, item)
                assert item["documents"] == search(SearchRequest(q=item["query"])).total, item
                continue
            seen.add((item["kind"], item["text"]))
            query, finds, _ = expected[item["kind"], item["text"]]
            assert (item["query"], item["documents"]) == (query, len(finds)), typed
            result = search(SearchRequest(q=item["query"], page_size=20))  # what choosing it finds
            assert (sorted(h.identifier for h in result.hits), result.notice) == (sorted(finds), ""), item
    assert seen == set(expected)
    as_written = ('""den von Warberg""', 'place:"Artern [„Ordern“]"', '"Artern"')  # the queries quoted as before
    # typographic quotes inside a typed phrase are part of its passage (query._straight_quotes): the one as written that works
    # and the place a letter was sent from is searched by default: "Artern" finds the three sent from Artern
    assert [search(SearchRequest(q=q)).total for q in as_written] == [2, 1, 3]
    next(archive, None)


ACCENTS_VOLUME = REPO / "data" / "demo" / "frus" / "frus1955-57v24.xml.gz"  # Soviet Union; Eastern Mediterranean, 1955–1957


def test_names_complete_as_typed_without_their_accents_and_typographic_apostrophes(client, db):
    """The volume names "Ürgüplü" and "Her Majesty’s Government" (with a typographic apostrophe) as
    senders or recipients. Names were matched ignoring case alone: ``urgu`` and ``her majesty's``
    (the apostrophe a keyboard types) completed nothing, while the search page finds both typed so.
    Whichever way typed, each is suggested, with what choosing it finds."""
    from legation.search.follower import follow_once
    from legation.search.service import SearchRequest, search
    from tests.conftest import ingested_archive

    records = list(read_frus_volume(ACCENTS_VOLUME))
    archive = ingested_archive(records)
    next(archive)
    follow_once()
    for name, typed in [("Ürgüplü", ["urgu", "ÜRGÜ", "Ürgüp"]), ("Her Majesty’s Government", ["her majesty's", "Her Majesty’s G", "HER MAJESTY'S GOV"])]:
        senders = [r.identifier for r in records if any(a.role in ("sender", "recipient") and a.name == name for a in r.agents)]
        assert senders, name
        for prefix in typed:
            names = [s for s in client.get("/api/suggest", {"q": prefix}).json() if s["kind"] == "name"]
            assert [s["text"] for s in names] == [name], prefix
            assert names[0]["documents"] == search(SearchRequest(q=names[0]["query"])).total >= len(senders)
    next(archive, None)


def test_a_name_is_found_by_the_beginning_of_any_of_its_words(client, db):
    """A fresh user: ``Kai-shek``, ``shek`` or ``Tse-tung`` suggested no name, though the volume
    names Chiang Kai-shek and Mao Tse-tung (the authority file's preferred forms); a name was
    found by its first word only (``Dull`` found John Foster Dulles because FRUS writes him
    "Dulles, John Foster"). Any word of a name, or of its other names, begins it now (``Jieshi``:
    Jiang Jieshi, another name of Chiang Kai-shek), and the names found by their first word come
    first: ``Chiang`` lists Chiang Kai-shek before Madame Chiang Kai-shek."""
    from legation.records.authorities import load_authorities
    from legation.search.follower import follow_once
    from tests.conftest import ingested_archive

    archive = ingested_archive(list(read_frus_volume(VOLUME)))
    next(archive)
    load_authorities(REPO / "data" / "demo" / "authorities.jsonl")
    follow_once()

    def names(typed: str) -> list[str]:
        return [s["text"] for s in client.get("/api/suggest", {"q": typed}).json() if s["kind"] == "name"]

    for typed, name in [("Kai-shek", "Chiang Kai-shek"), ("shek", "Chiang Kai-shek"), ("Jieshi", "Chiang Kai-shek"), ("Tse-tung", "Mao Tse-tung"), ("TSE", "Mao Tse-tung"), ("treaty Kai-sh", "Chiang Kai-shek")]:
        assert name in names(typed), typed
    chiang = names("Chiang")  # the volume's Madame Chiang Kai-shek, whom the authority file does not name
    assert chiang.index("Chiang Kai-shek") < chiang.index("Madame Chiang Kai-shek")
    assert names("ai-shek") == []  # the middle of a word begins none
    next(archive, None)


def test_names_complete_as_pasted_with_invisible_characters(client, db):
    """A fresh user: ``urgu`` pasted with a direction mark or a byte order mark before it (as copied
    from a right-to-left page) suggested titles but no name, and ``ur\u00adgu``, with a soft hyphen,
    nothing at all, while the search reads past those characters and finds Ürgüplü's documents."""
    from legation.search.follower import follow_once
    from tests.conftest import ingested_archive

    archive = ingested_archive(list(read_frus_volume(ACCENTS_VOLUME)))
    next(archive)
    follow_once()
    typed = client.get("/api/suggest", {"q": "urgu"}).json()
    assert [s["text"] for s in typed if s["kind"] == "name"] == ["Ürgüplü"]
    for pasted in ("\u200eurgu", "\u200furgu", "\ufeffurgu", "urgu\u200b", "ur\u00adgu", "\u202aurgu\u202c"):
        assert client.get("/api/suggest", {"q": pasted}).json() == typed, repr(pasted)
    next(archive, None)
