"""A Turkish word typed without its letters finds the word as written, and the other way
(issue 3: folding both ways). Snowball's Turkish stemmer reads ç ğ ı ö ş ü, so Turkish is stemmed
before it is folded (analyzers.STEM_BEFORE_FOLDING): "doğu" (east) is stemmed "dok", the same word
typed on an English keyboard, or carried by a telegraph without Turkish letters, "dogu". Real
speeches of Atatürk from the shared corpora, and one of them as such a telegraph would carry it."""

from __future__ import annotations

import gzip
import json
import re

import pytest

from legation.search import analyzers
from legation.search.service import SearchRequest, search
from tests.conftest import shared_data
from tests.search.fixtures import hit_ids, records_of

# speeches holding "doğu" or "Doğu" as a word (1912–1918), "kağıt" and "dağ" (the İzmir economic
# congress, 1923), and one holding none of those words: atam-c1-1906-001
SPEECHES = {"atam-c1-1906-001", "atam-c1-1912-001", "atam-c1-1912-002", "atam-c1-1916-001", "atam-c1-1918-002", "wikisource-ataturkun-izmir-iktisad-kongresi-konusmasi"}
TELEGRAPH = str.maketrans("çğıöşüÇĞİÖŞÜâîû", "cgiosuCGIOSUaiu")  # what a telegraph without Turkish letters sent
CARRIED = "atam-c1-1916-001"  # this one also as telegraphed: its "doğu" as "dogu"


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    path = shared_data("ataturk-speeches-telegrams/speeches.jsonl.gz")
    speeches = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
    rows = []
    for s in speeches:
        if s["id"] not in SPEECHES:
            continue
        rows.append({"identifier": s["id"], "title": s["title_tr"], "language": "tr", "texts": [{"kind": "transcript", "language": "tr", "body": s["body_tr"]}]})
        if s["id"] == CARRIED:
            body = s["body_tr"].translate(TELEGRAPH)
            rows.append({"identifier": f"{s['id']}-telegraph", "title": s["title_tr"].translate(TELEGRAPH), "language": "tr", "texts": [{"kind": "transcript", "language": "tr", "body": body}]})
    assert len(rows) == len(SPEECHES) + 1
    return rows


@pytest.fixture(scope="module")
def index(make_index, rows):
    return make_index(records_of(rows))


def holding(rows: list[dict], *words: str) -> set[str]:
    """The rows whose title or text holds one of ``words`` as a word, ignoring case (read without the search code)."""
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?!\w)", re.IGNORECASE)
    return {r["identifier"] for r in rows if pattern.search(r["title"] + " " + r["texts"][0]["body"])}


@pytest.mark.parametrize(("written", "typed"), [("doğu", "dogu"), ("Doğu", "DOGU"), ("kağıt", "kagit"), ("dağ", "dag")])
def test_a_word_is_found_however_its_turkish_letters_were_typed(index, rows, written, typed):
    """Typed without its letters, a word finds every text holding it as written, and the texts that
    wrote it so: the same documents as the word as written finds. Before the spellings (this
    change), "dogu" found no text holding only "doğu" (stems "dogu" and "dok")."""
    expected = holding(rows, written, typed)
    assert expected
    found = hit_ids(index, typed)
    assert expected <= found
    assert hit_ids(index, written) == found
    assert "atam-c1-1906-001" not in found


def test_the_telegraphed_copy_is_found_by_the_words_as_written(index):
    assert {"atam-c1-1916-001", "atam-c1-1916-001-telegraph"} <= hit_ids(index, "doğu")


def test_the_word_as_written_is_marked_in_a_snippet_when_typed_without_its_letters(index):
    hits = {h.identifier: h for h in search(SearchRequest(q="dogu", page_size=100), index).hits}
    marked = {h: {m.lower() for m in re.findall("<mark>(.*?)</mark>", hit.snippet_html)} for h, hit in hits.items()}
    assert "doğu" in marked["atam-c1-1916-001"]
    assert all(m.translate(TELEGRAPH).startswith("dog") for marks in marked.values() for m in marks), marked
    assert all(marked.values())


def test_a_word_typed_with_its_letters_seeks_no_spelling_stemmed_shorter():
    assert set(analyzers.spellings_sought("doğu", "legation_tr")) == {"dok", "dogu"}  # doğuda is stemmed "dogu"
    assert analyzers.spellings_sought("Nemçe", "legation_tr") == ("nemce",)  # not "ne", the stem of "Nemce" and "neden"
    assert set(analyzers.spellings_sought("Nemce", "legation_tr")) == {"ne", "nemce"}  # typed plain: either
    assert analyzers.spellings_sought("Chou En-lai", "legation_tr") == tuple(analyzers.terms("Chou En-lai", "legation_tr"))


def test_respellings_give_the_stem_of_every_spelling():
    assert analyzers.respellings("dogu", "legation_tr") == ("dogu", "dok")  # doğu → dok (a last ğ becomes k)
    assert set(analyzers.respellings("dogu", "legation_tr")) == set(analyzers.respellings(analyzers.folded("doğu")[0], "legation_tr"))
    assert analyzers.respellings("dogs", "legation_en") == ("dog",)  # no other letters for English: its own terms
    assert "humayun" in analyzers.respellings("humayun", "legation_tr")  # the Ottoman hümāyūn, left whole by the stemmer


@pytest.mark.parametrize("q", ['"dogu kolu"', '"Doğu Kolu"', '"DOGU KOLU"', '"dogu kol*"', '"Doğu Ko*"'])
def test_a_quoted_phrase_is_marked_however_its_turkish_letters_were_typed(index, rows, q):
    # Quoted, the phrase is found by its folded words (shingles) however it was typed; its words are
    # marked as the text's analyzer made them terms, so "dogu" must also mark "Doğu" (stem "dok").
    # Ending in a prefix, alike ('"dogu kol*"' found nothing: "dogu" was stemmed as typed, dogu).
    expected = {r["identifier"] for r in rows if re.search(r"(?i)doğu kolu", r["texts"][0]["body"])}
    hits = {h.identifier: h for h in search(SearchRequest(q=q, page_size=100), index).hits}
    assert set(hits) == expected == {"atam-c1-1912-001", "atam-c1-1912-002"}
    for h in hits.values():
        assert "<mark>Doğu</mark> <mark>Kolu</mark>" in " ".join(h.snippets_html), h.snippets_html


@pytest.mark.parametrize(("written", "typed"), [("doğu", "dogu"), ("kağıt", "kagit"), ("dağ", "dag")])
def test_a_quoted_word_is_found_and_marked_however_its_turkish_letters_were_typed(index, rows, written, typed):
    # A quoted word is the word as typed, its letters folded (the vocab field), and its stem in the
    # text fields: typed without its letters, its stem differs and "kumandani" found nothing where
    # kumandanı stands (found by a fresh user); it is sought in the stems of its spellings too.
    expected = holding(rows, written, typed)
    for q in (f'"{written}"', f'"{typed}"'):
        hits = search(SearchRequest(q=q, page_size=100), index).hits
        assert {h.identifier for h in hits} == expected, q
        assert all(re.search(rf"(?i)<mark>({written}|{typed})</mark>", " ".join(h.snippets_html + [h.title_html])) for h in hits), q


def test_a_quoted_word_typed_without_its_letters_marks_the_word_alone(make_index):
    # '"Nemce"' found the letter below, marked nothing; unquoted, Nemce also marks "neden" (its ASCII
    # spelling is stemmed "ne", as "neden" is), quoted it is the word as typed, letters folded.
    body = "Doğu Kolu kumandanı Nemçe ordusu neden burada toplandı bilinmez."
    index = make_index(records_of([{"identifier": "t-d3", "title": "Rapor", "language": "tr", "texts": [{"kind": "transcript", "language": "tr", "body": body}]}]))
    for q, marked in (('"kumandani"', ["kumandanı"]), ('"toplandi"', ["toplandı"]), ('"Nemce"', ["Nemçe"]), ('"Nemce" ordusu', ["Nemçe", "ordusu"])):
        hits = search(SearchRequest(q=q), index).hits
        assert [h.identifier for h in hits] == ["t-d3"], q
        assert re.findall(r"<mark>(.*?)</mark>", hits[0].snippets_html[0]) == marked, q


@pytest.mark.parametrize("prefix", ["kumandan", "kumandanı", "toplan", "hükümetin", "hükûmet", "hukumet", "milletin", "Doğu", "dogu", "memleketi", "devletin", "ilim"])
def test_a_prefix_finds_the_texts_holding_a_word_it_begins_however_the_stemmer_cut_them(index, rows, prefix):
    # "toplan*" and "kumandanı*" found nothing: the text's words are held as their stems, "toplandı"
    # as topla, "kumandanı" as kumanda, shorter than the prefix. The words the prefix begins are
    # sought by the stems of their spellings, and a stem shorter than the prefix, which stands for
    # other words too ("milletin*": millet; "ilim*": il, the stem of ile), only where one of them is
    # written. Expected: the rows with a word beginning with the prefix, letters folded (read without
    # the search code); each hit marks such words, and no other.
    begins = re.compile(r"(?<!\w)" + re.escape(prefix.translate(TELEGRAPH).lower()))
    expected = {r["identifier"] for r in rows if begins.search((r["title"] + " " + r["texts"][0]["body"]).translate(TELEGRAPH).lower())}
    hits = search(SearchRequest(q=f"{prefix}*", page_size=100), index).hits
    assert expected and {h.identifier for h in hits} == expected, prefix
    for h in hits:
        marked = re.findall(r"<mark>(.*?)</mark>", " ".join(h.snippets_html + [h.title_html]))
        assert marked and all(begins.match(m.translate(TELEGRAPH).lower()) for m in marked), (prefix, marked)


def test_a_prefix_typed_without_turkish_letters_finds_no_word_its_stem_cuts_short(make_index):
    # "Nemce*" found every text of "neden" (why): typed in ASCII, nemce is stemmed ne, as neden is;
    # "toplandı*" found "toplam" (topla): a stem shorter than the prefix counts only where a word
    # the prefix begins is written (a fresh user's).
    bodies = {"t-1": "Nemçe ordusu burada toplandı.", "t-2": "Bunun neden böyle olduğunu toplam olarak bilmiyoruz.", "t-3": "Ordu toplanmıştı."}
    index = make_index(records_of([{"identifier": k, "title": "Rapor", "language": "tr", "texts": [{"kind": "transcript", "language": "tr", "body": b}]} for k, b in bodies.items()]))
    for q, found, marked in (("Nemce*", ["t-1"], ["Nemçe"]), ("Nemçe*", ["t-1"], ["Nemçe"]), ("toplandı*", ["t-1"], ["toplandı"]), ("toplandi*", ["t-1"], ["toplandı"]), ("topla*", ["t-1", "t-2", "t-3"], None)):
        hits = search(SearchRequest(q=q), index).hits
        assert sorted(h.identifier for h in hits) == found, q
        if marked is not None:
            assert re.findall(r"<mark>(.*?)</mark>", hits[0].snippets_html[0]) == marked, q
