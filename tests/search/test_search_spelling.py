"""Did you mean: misspelt words corrected from the vocabulary of the real FRUS sample volume."""

from __future__ import annotations

import dataclasses
import re

import pytest

from legation.ingest.readers.tei_frus import read_frus_volume
from legation.search.service import RELAXED_NOTICE, SearchRequest, search
from tests.conftest import FIXTURES, REPO


@pytest.fixture(scope="module")
def pubdip(make_index):
    records = list(read_frus_volume(FIXTURES / "frus" / "frus1917-72PubDip.xml"))
    return records, make_index(records)


def documents_with(records, word: str) -> int:
    return sum(1 for r in records if word in (r.title + " " + r.texts[0].body).lower())


def test_a_misspelt_word_gets_the_archives_spelling(pubdip):
    records, index = pubdip
    assert documents_with(records, "propoganda") == 0 and documents_with(records, "propaganda") >= 10
    result = search(SearchRequest(q="propoganda films"), index)
    assert result.did_you_mean == "propaganda films"
    assert result.notice == RELAXED_NOTICE  # as typed, no document has both words
    corrected = search(SearchRequest(q=result.did_you_mean, page_size=100), index)
    both = {r.identifier for r in records if "propaganda" in (r.title + " " + r.texts[0].body).lower() and "films" in r.texts[0].body.lower()}
    assert corrected.notice == "" and corrected.did_you_mean == ""
    assert both and both <= {h.identifier for h in corrected.hits}


def test_a_word_excluded_is_kept_as_typed_beside_the_corrections(pubdip):
    # "Formsa -treaty" found nothing and offered no correction: a NOT made it "not plain words"
    _, index = pubdip
    result = search(SearchRequest(q="propoganda -films"), index)
    assert result.total == 0 and result.did_you_mean == "propaganda -films"
    def found(q: str) -> set[str]:
        return {h.identifier for h in search(SearchRequest(q=q, page_size=100), index).hits}

    corrected = search(SearchRequest(q=result.did_you_mean, page_size=100), index)
    assert corrected.did_you_mean == "" and corrected.total > 0  # the suggestion finds documents: propaganda, not films
    assert {h.identifier for h in corrected.hits} == found("propaganda") - found("propaganda films")
    assert search(SearchRequest(q="propaganda -flims"), index).did_you_mean == ""  # an excluded word is not corrected


def test_no_suggestion_for_words_the_archive_knows_or_for_operators(pubdip):
    records, index = pubdip
    assert search(SearchRequest(q="propaganda"), index).did_you_mean == ""
    # no title of the volume has "propaganda": the field holds no word to correct it to
    assert not [r for r in records if "propaganda" in r.title.lower()]
    assert search(SearchRequest(q="title:propoganda"), index).did_you_mean == ""
    assert search(SearchRequest(q="qzxv"), index).did_you_mean == ""


@pytest.fixture(scope="module")
def khrushchev(demo_volumes):
    """The demo volume of 1958-60 on China (404 real documents): "Krushchev" in 2 texts, "Khrushchev"
    in 57 and 3 titles; "Formosa" in 66 texts, no title; "Formsa" nowhere."""
    records = list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1958-60v19.xml.gz"))
    return records, demo_volumes("frus1958-60v19")


def by_the_rules(index, q: str) -> str:
    """``q`` corrected by the rules alone (spelling.did_you_mean without a count of what it finds),
    whether or not the search offers it: the search offers only a correction that finds something."""
    from legation.search import spelling
    from legation.search.query import parse

    return spelling.did_you_mean(parse(q), index.searcher(), index.schema)


def with_word(records, word: str, where=lambda r: r.title) -> set[str]:
    """Identifiers of the records whose ``where`` (the title) holds ``word`` as a word, any case."""
    pattern = re.compile(rf"\b{word}\b", re.IGNORECASE)
    return {r.identifier for r in records if pattern.search(where(r))}


def test_a_word_sought_in_a_field_is_corrected_by_a_word_of_that_field(khrushchev):
    # "title:Krushchev" got no suggestion where "Krushchev" got "Khrushchev" (found by a fresh user)
    records, index = khrushchev
    titled = with_word(records, "Khrushchev")
    assert len(titled) == 3 and not with_word(records, "Krushchev")
    result = search(SearchRequest(q="title:Krushchev"), index)
    assert (result.total, result.did_you_mean) == (0, "title:Khrushchev")
    corrected = search(SearchRequest(q=result.did_you_mean, page_size=100), index)
    assert {h.identifier for h in corrected.hits} == titled and corrected.did_you_mean == ""
    # the field's other name, as typed; a sender the volume names (Eisenhower signs 8 of its letters)
    assert search(SearchRequest(q="sender:Eisenhowr"), index).did_you_mean == "sender:Eisenhower"
    # no title has Formosa, though 66 texts do: in the title it corrects nothing, bare it does
    assert not with_word(records, "Formosa") and len(with_word(records, "Formosa", text_of)) == 66
    assert search(SearchRequest(q="title:Formsa"), index).did_you_mean == ""
    assert search(SearchRequest(q="Formsa"), index).did_you_mean == "Formosa"


def test_a_field_of_codes_is_not_corrected(khrushchev):
    # language: takes codes, no words: "englsh" is no misspelt "english" (en is)
    _, index = khrushchev
    result = search(SearchRequest(q="language:englsh Formsa"), index)
    assert result.total == 0 and by_the_rules(index, "language:englsh Formsa") == "language:englsh Formosa"
    assert result.did_you_mean == ""  # which finds nothing either: not offered
    assert search(SearchRequest(q="language:englsh"), index).did_you_mean == ""


def test_the_words_of_a_group_are_corrected_the_query_kept_as_typed(khrushchev):
    # "(Krushchev OR Formsa) treaty" got no suggestion: a group made it "not plain words"
    records, index = khrushchev
    result = search(SearchRequest(q="(Krushchev OR Formsa) treaty"), index)
    assert result.did_you_mean == "(Khrushchev OR Formosa) treaty"

    def found(q: str) -> set[str]:
        return {h.identifier for h in search(SearchRequest(q=q, page_size=100), index).hits}

    corrected = found(result.did_you_mean)  # the parentheses and the OR kept: either name, and treaty
    assert corrected and corrected == found("Khrushchev treaty") | found("Formosa treaty")
    assert with_word(records, "Khrushchev", text_of) & with_word(records, "treaty", text_of) <= corrected
    # fields, phrases, prefixes and exclusions stay as typed beside the words corrected
    typed = 'title:(Krushchev OR Formsa) "Port Arthur" trea* -Formsa NOT (Krushchev) Krushchev\'s'
    assert by_the_rules(index, typed) == 'title:(Khrushchev OR Formsa) "Port Arthur" trea* -Formsa NOT (Krushchev) Khrushchev\'s'


def test_the_words_of_a_phrase_are_corrected_inside_its_quotation_marks(khrushchev):
    # '"Kruschev letter"' found nothing and offered no correction: a quoted word was never looked at
    records, index = khrushchev
    said = {r.identifier for r in records if any(re.search(r"\bKhrushchev letter\b", t.body, re.IGNORECASE) for t in r.texts)}
    assert said and not with_word(records, "Kruschev", text_of)
    result = search(SearchRequest(q='"Kruschev letter"'), index)
    assert (result.total, result.did_you_mean) == (0, '"Khrushchev letter"')
    corrected = search(SearchRequest(q=result.did_you_mean, page_size=100), index)
    assert {h.identifier for h in corrected.hits} == said and corrected.did_you_mean == ""
    # in a field, beside a bare word, punctuation kept; a word the volume holds is left as typed
    assert by_the_rules(index, 'title:"Chairman, Kruschev" Formsa') == 'title:"Chairman, Khrushchev" Formosa'
    assert search(SearchRequest(q='title:"Chairman, Kruschev" Formsa'), index).did_you_mean in ("", 'title:"Chairman, Khrushchev" Formosa')
    # no title holds "Khrushchev letter": the search offers no correction that finds nothing
    assert search(SearchRequest(q='title:"Kruschev, letter" Formsa'), index).did_you_mean == ""
    assert search(SearchRequest(q='"Khrushchev leter"'), index).did_you_mean == '"Khrushchev letter"'


def test_the_name_of_a_field_searched_as_a_word_is_not_corrected(khrushchev):
    # "Mao bogus:x", read as its words, suggested "Mao boggs x": "bogus" was no word sought but a
    # field's name, as was "sender" in a query that could not be read, which became "sense"
    records, index = khrushchev
    assert not with_word(records, "bogus", text_of) and len(with_word(records, "Boggs", text_of)) >= 10
    assert search(SearchRequest(q="Mao bogus"), index).did_you_mean == "Mao boggs"  # a word typed is corrected
    result = search(SearchRequest(q="Mao bogus:x"), index)
    assert result.notice.startswith("The query could not be read as search syntax (there is no field 'bogus'")
    assert result.did_you_mean == ""
    assert search(SearchRequest(q="Mao sender"), index).did_you_mean == "Mao sense"
    # beside names of fields, a misspelt word is still corrected, the names kept as typed
    assert by_the_rules(index, "bogus:x sender:Krushchev Mao") == "bogus x Mao sender:Khrushchev"  # sender: stays a field


def text_of(record) -> str:
    return " ".join([record.title, record.summary, *(t.body for t in record.texts), *(f.text for t in record.texts for f in t.footnotes)])


def test_swapped_letters_count_as_one_edit_and_case_is_kept(pubdip):
    _, index = pubdip
    assert search(SearchRequest(q="Propoganda flims"), index).did_you_mean == "Propaganda films"


def test_a_correction_is_spelt_as_the_archive_writes_it_accents_and_all(make_index):
    # The vocabulary holds words lowercased and folded ("kurfursten"); a fresh user typing
    # Kurfürst was offered "Kurfursten". The correction is now the word as a document writes it.
    # Ten letters of Moritz's correspondence (real titles of the moritz corpus's kind) and one
    # with the word typed.
    from legation.records.document_record import DocumentRecord

    letters = [DocumentRecord(identifier=f"m-{n}", title=f"Georg von Komerstadt an Kurfürsten Moritz, Brief {n}").validate() for n in range(20)]
    letters.append(DocumentRecord(identifier="m-x", title="Ein Kurfürst schreibt").validate())
    index = make_index(letters)
    assert search(SearchRequest(q="Kurfurst Komerstat"), index).did_you_mean == "Kurfürsten Komerstadt"
    assert search(SearchRequest(q="KURFURST"), index).did_you_mean == "KURFÜRSTEN"


def test_a_rare_name_the_archive_holds_is_not_corrected_to_a_common_word_two_edits_away(make_index):
    """A fresh user searching ``Modrow`` (Hans Modrow, in a few Dodis letters of 1989-90) was asked
    "Did you mean Moscow?": the name was rare, Moscow frequent and two edits away. A word the archive
    holds is corrected only by a word close to it (one edit in five letters), so the name is left
    alone while slips the sources made (``Kisinger``, in one document) and words absent from the
    archive are still corrected. Two demo FRUS volumes of 1969-76 and two Dodis letters naming Modrow."""
    from legation.ingest.readers.tei_corresp import read_tei_document
    from legation.records.document_record import DocumentRecord
    from tests.conftest import REPO, shared_data

    volumes = [r for v in ("frus1969-76v12", "frus1969-76ve13") for r in read_frus_volume(REPO / "data" / "demo" / "frus" / f"{v}.xml.gz")]
    folder = "dodis-when-the-wall-came-down/tei"
    letters = [r for name in ("52923.xml", "52929.xml") for r in read_tei_document(shared_data(f"{folder}/{name}")) if isinstance(r, DocumentRecord)]
    assert len(letters) == 2
    index = make_index(volumes + letters)
    modrow = search(SearchRequest(q="Modrow"), index)
    assert {h.identifier for h in modrow.hits} == {r.identifier for r in letters} and modrow.did_you_mean == ""
    assert documents_with(volumes, "moscow") >= 10 * len(letters)  # what made Moscow the "correction"
    assert search(SearchRequest(q="Kisinger"), index).did_you_mean == "Kissinger"  # in one document: a slip of one letter
    assert search(SearchRequest(q="Brezhenv Dobrynen"), index).did_you_mean == "Brezhnev Dobrynin"  # in none


def test_the_frequent_words_of_a_letter_are_kept_for_an_index_as_it_stands(pubdip, make_index, monkeypatch):
    # Reading a letter's frequent words walks the whole vocabulary of that letter (86 ms at 1,000,000
    # documents); a process keeps them for a while, per index as it stands, the letters used last.
    from legation.search import schema, spelling

    records, index = pubdip
    searcher = index.searcher()
    key = (str(index.path), searcher.num_docs, searcher.num_segments)
    walked = []
    real = type(searcher).terms_with_prefix

    class Counting:  # the real searcher, its walks counted
        def __init__(self, inner):
            self.inner = inner

        def terms_with_prefix(self, *args, **kwargs):
            walked.append(args[1])
            return real(self.inner, *args, **kwargs)

    counting = Counting(searcher)
    monkeypatch.setattr(spelling, "_cache", type(spelling._cache)())
    first = spelling.frequent_words(counting, "p", key)
    assert first == dict(searcher.terms_with_prefix(schema.VOCAB_FIELD, "p", limit=spelling.CANDIDATES_PER_LETTER))
    assert first["propaganda"] >= documents_with(records, "propaganda") >= 10  # all its fields, not only title and text
    assert spelling.frequent_words(counting, "p", key) is first and walked == ["p"]  # kept
    assert spelling.frequent_words(counting, "p", None) is not first and walked == ["p", "p"]  # no key, nothing kept
    other = make_index(records[:5])  # another index: its own words
    other_searcher = other.searcher()
    other_key = (str(other.path), other_searcher.num_docs, other_searcher.num_segments)
    assert spelling.frequent_words(other_searcher, "p", other_key) != first
    f_words = len(dict(searcher.terms_with_prefix(schema.VOCAB_FIELD, "f", limit=spelling.CANDIDATES_PER_LETTER)))
    monkeypatch.setattr(spelling, "CACHED_WORDS", f_words + len(spelling._cache[other_key, "p"][1]))  # room for two letters:
    spelling.frequent_words(counting, "f", key)  # those used last are kept, the oldest goes
    assert ((key, "p") in spelling._cache, (other_key, "p") in spelling._cache) == (False, True)
    monkeypatch.setattr(spelling, "CACHE_SECONDS", 0.0)  # kept no longer than CACHE_SECONDS
    assert spelling.frequent_words(counting, "f", key) is not spelling.frequent_words(counting, "f", key)


def test_a_words_beginning_typed_whole_is_offered_as_a_prefix(pubdip):
    # "khru", typed as Khrushchev's beginning and Enter pressed, found the 3 demo documents holding
    # "khru" and offered nothing (a fresh user): "propag" begins "propaganda", in 29 of these documents
    records, index = pubdip
    assert not any(re.search(r"\bpropag\b", (r.title + " " + r.texts[0].body).lower()) for r in records)
    result = search(SearchRequest(q="propag"), index)
    assert result.total == 0 and result.did_you_mean == "propag*"
    assert search(SearchRequest(q="propag*"), index).total >= documents_with(records, "propaganda") >= 10
    assert search(SearchRequest(q="Creel propag"), index).did_you_mean == "Creel propag*"
    # not within a phrase or a field, nor a beginning the archive's words seldom have
    for q in ('"propag"', "title:propag", "bolshev"):
        assert search(SearchRequest(q=q), index).did_you_mean == "", q
    # nor a word the texts write in lower case: "dull" was offered as dull*, which finds Dulles
    for word, begun in (("secret", "secretary"), ("edit", "editorial")):
        assert 0 < search(SearchRequest(q=word), index).total < 10 <= search(SearchRequest(q=begun), index).total
        assert search(SearchRequest(q=word), index).did_you_mean == "", word
    # a word the archive holds, rarely, is corrected first: misspelt rather than unfinished
    assert search(SearchRequest(q="propoganda"), index).did_you_mean == "propaganda"


def test_a_word_one_edit_from_a_frequent_word_is_corrected_rather_than_completed(demo_volumes):
    """``Stallin`` begins "stalling" and was offered as ``Stallin*``, which found 45 demo documents on
    stalling (a fresh historian); Stalin, one letter away, is in more documents than any word it
    begins, and is offered. A beginning of a frequent word is still completed (``Khrushch*``)."""
    volumes = ("frus1955-57v03", "frus1961-63v05", "frus1969-76v12")  # stalling in 18 documents, Stalin in 56
    records = [r for v in volumes for r in read_frus_volume(REPO / "data" / "demo" / "frus" / f"{v}.xml.gz")]
    texts = [(r.title + " " + " ".join(t.body for t in r.texts)).lower() for r in records]
    stalin, stalling = (sum(1 for t in texts if re.search(pattern, t)) for pattern in (r"\bstalin\b", r"\bstalling\b"))
    assert stalin > stalling >= 10  # enough for "stallin" to be read as stalling's beginning
    index = demo_volumes(*volumes)
    assert search(SearchRequest(q="Stallin"), index).did_you_mean == "Stalin"
    assert search(SearchRequest(q="Khrushch"), index).did_you_mean == "Khrushch*"


def test_a_correction_that_finds_nothing_is_not_offered(demo_volumes):
    # Each word of a phrase is corrected on its own: "Port Arth" gave "Port Art", which no
    # document holds (found by a fresh user). A correction that finds nothing is not offered; the
    # phrase's last word, which begins "Arthur", is offered as a beginning instead.
    from legation.search.service import count_matches

    index = demo_volumes("frus1951v07p2", "frus1952-54v14p2")
    assert count_matches('"Port Art"', index, relaxed=False) == 0
    offered = search(SearchRequest(q='"Port Arth"'), index).did_you_mean
    assert offered == '"Port Arth*"' and count_matches(offered, index, relaxed=False) > 0
    assert search(SearchRequest(q='"Port Arthu"'), index).did_you_mean == '"Port Arthur"'
    for q in ('"Port Arth"', '"Port Arthu"', "Dairn", '"Kruschev speech"', "Formsa treaty", "xqzzy"):
        if offered := search(SearchRequest(q=q), index).did_you_mean:
            assert count_matches(offered, index, relaxed=False) > 0, (q, offered)


def test_a_phrase_ending_in_a_word_typed_unfinished_is_offered_with_a_star(demo_volumes):
    # '"Soviet Uni"' found nothing and offered nothing: "uni" is no misspelling of a word one edit
    # away, and a word the texts write in lower case (one demo document) was taken for a word
    # rather than a beginning. At the end of a phrase of two words or more that finds too little,
    # it is offered as a beginning when the phrase so ended finds something.
    from legation.search.service import count_matches

    index = demo_volumes("frus1951v07p2", "frus1952-54v14p2")
    cases = [('"Soviet Uni"', '"Soviet Uni*"'), ('"Secretary of Sta"', '"Secretary of Sta*"'), ('"Soviet Uni" treaty', '"Soviet Uni*" treaty')]
    cases.append(('"Secretary of Stat"', '"Secretary of Stat*"'))  # "Stat", a word of 10 documents or more, still a beginning there
    for typed, offered in cases:
        phrase = '"' + typed.split('"')[1] + '"'
        assert count_matches(phrase, index, relaxed=False) == 0, typed  # the phrase as typed finds nothing
        assert search(SearchRequest(q=typed), index).did_you_mean == offered and count_matches(offered, index, relaxed=False) > 0, typed
    assert search(SearchRequest(q='"dull"'), index).did_you_mean == ""  # one word quoted is the word as typed, not a beginning


def test_a_correction_that_stands_beside_the_next_word_comes_first(demo_volumes):
    # "Prot Arthur" offered "Prot* Arthur": "pro", one edit away and the most frequent, stands beside
    # no Arthur, and "prot" begins words more frequent than it (protest, protocol). Of a word's first
    # corrections, one a document holds next to the word typed beside it comes first.
    from legation.search import spelling
    from legation.search.service import count_matches

    index = demo_volumes("frus1951v07p2", "frus1952-54v14p2")
    assert spelling._correct("Prot", index.searcher()) == "pro" and count_matches('"pro Arthur"', index, relaxed=False) == 0
    assert search(SearchRequest(q="Prot Arthur"), index).did_you_mean == "Port Arthur"
    assert search(SearchRequest(q="Prot"), index).did_you_mean == "Prot*"  # alone, nothing says which


def test_a_correction_is_offered_within_the_filters_and_dates_or_said_to_be_found_outside_them(khrushchev):
    # "Did you mean Khrushchev?" for Krushchev within 1949 led to no document: the suggestion's link
    # keeps the dates and filters, and the volume (1958-60) holds none of 1949 (found by a fresh user).
    # Then none was offered at all (Kissingr with year=1949, another fresh user): one found only
    # outside the filters and dates is offered, said so (did_you_mean_outside), its link without them.
    import datetime as dt

    _, index = khrushchev
    y1949 = dict(start_date=dt.date(1949, 1, 1), end_date=dt.date(1949, 12, 31))
    cases = [
        (SearchRequest(q="Krushchev"), "Khrushchev", False),
        (SearchRequest(q="Krushchev", start_date=dt.date(1958, 1, 1), end_date=dt.date(1960, 12, 31)), "Khrushchev", False),
        (SearchRequest(q="Krushchev", **y1949), "Khrushchev", True),
        (SearchRequest(q="Krushchev date:1951"), "", False),  # the dates of the query are its words: a correction keeps them
        (SearchRequest(q='"Krushchev" -Khrushchev'), "", False),
        (SearchRequest(q="Krushchev", filters={"type": ["No Such Type"]}), "Khrushchev", True),
        (SearchRequest(q="Krushchev", filters={"type": ["Telegram"]}), "Khrushchev", False),
    ]
    for request, offered, outside in cases:
        result = search(request, index)
        assert (result.did_you_mean, result.did_you_mean_outside) == (offered, outside), request
        if offered:
            followed = dataclasses.replace(request, q=offered)
            assert (search(followed, index).total > 0) is not outside, request
            assert search(dataclasses.replace(followed, filters={}, start_date=None, end_date=None), index).total > 0, request


def test_a_correction_written_with_a_dotted_capital_i_is_offered_without_a_stray_dot(make_index):
    # "ılımlı" offered "i̇lgili": the archive writes "İlgili", and Python lowercases İ as i and a
    # combining dot above (U+0307), which the link carried as ?q=i%CC%87lgili (a fresh user's).
    from legation.search import spelling
    from tests.search.fixtures import records_of

    rows = [{"identifier": f"t-{i}", "title": "Rapor", "language": "tr", "texts": [{"kind": "transcript", "language": "tr", "body": "İlgili makamlara bildirildi."}]} for i in range(12)]
    index = make_index(records_of(rows))
    assert spelling._as_written("ilgili", index.searcher(), index.schema) == "ilgili"
    offered = search(SearchRequest(q="ilgli"), index).did_you_mean
    assert offered == "ilgili" and "\u0307" not in offered
