"""Snippets on real FRUS documents (tests/fixtures/frus, Public Diplomacy, World War I): every query
word marked in the passages it occurs in, several passages for a long text, none overlapping."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import pytest

from legation.ingest.readers.tei_frus import read_frus_volume
from legation.search import analyzers, snippets
from legation.search.service import SearchRequest, search
from legation.search.snippets import LONG_TEXT_CHARS, MAX_SNIPPETS, SNIPPET_CHARS, passage_html, passages
from legation.search.variants import VariantTable
from tests.search.conftest import seed_records

VOLUME = Path(__file__).resolve().parents[1] / "fixtures" / "frus" / "frus1917-72PubDip.xml"
POOLE = "frus1917-72PubDip-d40"  # Poole to Creel, 15 November 1918: a letter of 33 paragraphs, 16,000 characters


@pytest.fixture(scope="module")
def records():
    return {r.identifier: r for r in read_frus_volume(VOLUME)}


@pytest.fixture(scope="module")
def volume_index(make_index, records):
    return make_index(list(records.values()))


def hit(index, q: str, identifier: str):
    return next(h for h in search(SearchRequest(q=q, page_size=100), index).hits if h.identifier == identifier)


def shown_text(snippet: str) -> str:
    """The document text a snippet shows: marks and the ellipses where it is cut taken away."""
    return html.unescape(re.sub(r"</?mark>", "", snippet)).removeprefix("… ").removesuffix(" …")


def paragraph_of(text: str, snippets: list[str]) -> list[int]:
    """The paragraph (counted from 0) of the first word each snippet marks."""
    def first_mark(snippet: str) -> int:
        before = html.unescape(re.sub(r"</?mark>", "", snippet.split("<mark>")[0])).removeprefix("… ")
        return text.index(shown_text(snippet)) + len(before)

    return [text[: first_mark(s)].count("\n\n") for s in snippets]


def gaps(text: str, snippets: list[str]) -> list[int]:
    """Characters of ``text`` between the passages the snippets show, in text order (negative: overlap)."""
    spans = sorted((text.index(shown_text(s)), text.index(shown_text(s)) + len(shown_text(s))) for s in snippets)
    return [start - end for (_, end), (start, _) in zip(spans, spans[1:])]


def test_a_long_letter_gets_three_passages_from_distant_paragraphs(volume_index, records):
    body = records[POOLE].texts[0].body
    assert len(body) > LONG_TEXT_CHARS
    found = hit(volume_index, "Russian peasants farmer", POOLE)
    assert found.snippets_html == [
        "… Just to give one example, it will help the <mark>Russian</mark> liberals if we can show, by articles, pictures "
        "and especially films to the millions of <mark>Russian</mark> <mark>peasants</mark>, the life of the American "
        "<mark>farmer</mark>, his use of modern machinery, schools for his …",
        "… them the benefit both of our successes and mistakes in the many experiments we have made, picturing the life "
        "of our <mark>farmers</mark> and our workingmen, our children in cities and villages, our free schools and "
        "colleges, all kinds of free education …",
        "… extent our bounty with others who need it most. In this connection I have already spoken of how the life of "
        "the <mark>farmer</mark> can be used to show to other people what a free but orderly government can do for the "
        "man who tills the soil. Such …",
    ]
    assert found.snippet_html == found.snippets_html[0]  # the single snippet of before: the best passage
    # Best first: all three words in paragraph 14, then "farmers" further on in that long paragraph
    # (1,228 characters), then "farmer" in paragraph 17; none overlapping, each well apart.
    assert paragraph_of(body, found.snippets_html) == [14, 14, 17]
    assert gaps(body, found.snippets_html) == [386, 2373]


def test_each_word_of_the_query_is_marked_in_its_own_passage(volume_index, records):
    """"League" stands in paragraph 4 only, "film(s)" far from it: the rarer word's passage
    first, then two of the films (stemmed: "film" and "films" both marked)."""
    found = hit(volume_index, "League films", POOLE)
    assert found.snippets_html == [
        "… in reaching the large public by presentation in popular form.\n\nSuch work is by no means simple. If the "
        "proposed <mark>League</mark> of Nations becomes a reality, countless questions will arise of such immediate "
        "moment that this nation will need to …",
        "… life and work in the U.S.\n\nFor this part of the work there will be needed a large <mark>film</mark> "
        "service as well—for I believe that every year the medium of <mark>films</mark> will be used more and more to "
        "reach the hundreds of millions of people for whom the …",
        "… the daily press, the weekly and monthly periodicals, technical journals, window display, photographs, "
        "lectures, <mark>film</mark> theatres, etc.\n\nAll this, of course, should be done in cooperation with the "
        "embassies or legations abroad and in …",
    ]
    assert paragraph_of(records[POOLE].texts[0].body, found.snippets_html) == [4, 7, 8]


def test_a_short_text_gets_one_passage(volume_index, records):
    """The editorial note d24 (954 bytes) names Mexico at its start and end: one passage only."""
    note = records["frus1917-72PubDip-d24"].texts[0].body
    assert len(note.encode()) <= LONG_TEXT_CHARS and note.count("Mexico") == 4
    found = hit(volume_index, "reading room Mexico", "frus1917-72PubDip-d24")
    assert found.snippets_html == [
        "… <mark>Mexico</mark>, forwarded to Director of the Foreign Section of the Committee on Public Information "
        "Will Irwin several photographs of the <mark>reading</mark> <mark>room</mark> “being well supplied” by the "
        "Committee on Public Information Commissioner in <mark>Mexico</mark> …"
    ]


def test_no_hit_gets_more_than_the_most_passages_nor_overlapping_ones(volume_index, records):
    result = search(SearchRequest(q="propaganda OR Russia OR film", page_size=100), volume_index)
    assert result.total > 20
    for found in result.hits:
        assert 1 <= len(found.snippets_html) <= MAX_SNIPPETS
        assert found.snippet_html == found.snippets_html[0]
        text = " ".join(part for t in records[found.identifier].texts for part in (t.body, *(f.text for f in t.footnotes)))
        if len(text.encode()) <= LONG_TEXT_CHARS:
            assert len(found.snippets_html) == 1
        assert all(gap > 0 for gap in gaps(text, found.snippets_html)), found.identifier


def test_passages_are_cut_at_words_and_at_characters_in_unspaced_text():
    chinese = "在自愿和平等互利的原则下" * 40  # no spaces: cut between characters, never inside one
    raw = chinese.encode()
    mark = raw.index("互利".encode(), 600)
    (span,) = passages(raw, [(mark, mark + 6)], [("互利", 1.0)], most=3)
    snippet = passage_html(raw, *span, [(mark, mark + 6)])
    assert snippet.startswith("… ") and snippet.endswith(" …") and "<mark>互利</mark>" in snippet
    assert span[1] - span[0] <= SNIPPET_CHARS
    english = b"one two three four five six seven eight nine ten " * 20
    mark = english.index(b"five", 500)
    (span,) = passages(english, [(mark, mark + 4)], [("five", 1.0)], most=1)
    assert english[span[0] - 1 : span[0]] == b" " and english[span[1] : span[1] + 1] == b" "


def test_passages_of_the_same_words_tie_and_the_earlier_wins():
    # Summed in the order the words stand, 0.3 + 0.2 + 0.1 is 0.6 and 0.1 + 0.2 + 0.3 is
    # 0.6000000000000001: the later passage won by a rounding error. Now the weights are summed exactly.
    text = b"gamma beta alpha " + b"filler " * 100 + b"alpha beta gamma"
    weight = {b"alpha": ("alpha", 0.1), b"beta": ("beta", 0.2), b"gamma": ("gamma", 0.3)}
    marks = [(m.start(), m.end()) for m in re.finditer(rb"alpha|beta|gamma", text)]
    (span,) = passages(text, marks, [weight[text[s:e]] for s, e in marks], most=1)
    assert span[0] == 0 and span[1] < text.index(b"alpha beta gamma")


def test_a_passage_never_starts_or_ends_inside_a_word():
    # Marks spanning nearly a whole passage left 2 bytes of room: the passage began at the "o-" of
    # "Sino-Soviet" ("o-<mark>Soviet</mark>"); it now begins with the word, and ends with one
    gap = "y " * 111
    text = ("lorem " * 30 + "Sino-Soviet " + gap + "Soviet-American " + "lorem " * 30).encode()
    first = text.index(b"Soviet")
    last = text.index(b"Soviet-") + len(b"Soviet")
    assert SNIPPET_CHARS - (last - first) in (4, 5)  # 2 bytes of room on each side
    marks = [(first, first + 6), (last - 6, last)]
    (span,) = passages(text, marks, [("soviet", 1.0), ("soviet", 1.0)], most=1)
    snippet = passage_html(text, *span, marks)
    assert snippet.startswith("… Sino-<mark>Soviet</mark> y y") and snippet.endswith("y y <mark>Soviet</mark>-American …")
    alone = b"Anti-Sino-Soviet " + gap.encode() + b"Soviet"  # the word begins the text: the passage too
    marks = [(alone.index(b"Soviet"), alone.index(b"Soviet") + 6), (len(alone) - 6, len(alone))]
    (span,) = passages(alone, marks, [("soviet", 1.0), ("soviet", 1.0)], most=1)
    assert span == (0, len(alone))


def test_a_long_text_is_searched_for_passages_in_its_opening_first(volume_index, records, monkeypatch):
    # With the opening cut to 3,000 characters, Poole's 16,000-character letter is "long".
    from legation.search import snippets

    monkeypatch.setattr(snippets, "SCAN_CHARS", 3000)
    text = records[POOLE].texts[0].body
    words = re.findall(r"[a-z]{7,}", text)
    opening, rest = text[:2900].lower(), text[3000:].lower()

    def occurs(word: str, part: str) -> bool:
        return re.search(rf"\b{word}\b", part) is not None

    both = next(w for w in dict.fromkeys(words) if occurs(w, opening) and len(re.findall(rf"\b{w}\b", rest)) >= 2)
    late = next(w for w in dict.fromkeys(words) if not occurs(w, text[:3100].lower()) and occurs(w, rest))
    # A word found in the opening: every passage comes from the opening.
    found = hit(volume_index, both, POOLE).snippets_html
    assert found and all(text.index(shown_text(s)) < 3000 for s in found)
    # A word only further on is still shown, from the whole text.
    found = hit(volume_index, late, POOLE).snippets_html
    assert found and all("<mark>" in s for s in found)
    assert min(text.index(shown_text(s)) for s in found) > 2500


def test_a_long_chinese_text_is_searched_in_a_shorter_opening(make_index):
    # The 2025 government work report (tens of thousands of characters, every one a word): its
    # passages come from the first SCAN_CJK_CHARS characters when the word occurs there, and a word
    # only further on is still shown.
    from legation.ingest.readers import read_file
    from legation.search.snippets import SCAN_CJK_CHARS
    from tests.conftest import shared_data

    report = next(iter(read_file(shared_data("prc-government-work-reports-zh/government_work_reports.jsonl.gz"), "prc-reports")))
    body = report.texts[0].body
    assert len(body) > 4 * SCAN_CJK_CHARS
    index = make_index([report])
    opening, rest = body[: SCAN_CJK_CHARS - 100], body[SCAN_CJK_CHARS:]
    assert "改革" in opening and rest.count("改革") >= 3
    found = hit(index, "改革", report.identifier).snippets_html
    assert len(found) == MAX_SNIPPETS and all(body.index(shown_text(s)) < SCAN_CJK_CHARS for s in found)
    late = next(w for w in ("香港", "澳门", "台湾", "国防") if w not in body[:SCAN_CJK_CHARS] and w in rest)
    found = hit(index, late, report.identifier).snippets_html
    assert found and min(body.index(shown_text(s)) for s in found) > SCAN_CJK_CHARS - 200


MASK_QUERIES = [
    "Russian peasants farmer",  # plain words, stemmed (peasants → peasant)
    "propaganda OR films",
    "commit*",  # a prefix
    '"public opinion"',
    "Creel -war",
    "die tie lie",  # Porter2's exceptional forms: dying → die, tying → tie, lying → lie
    "attache Bjorkman vise",  # ASCII in the query, accented in the text (attachés, Björkman, visé)
    "Attachés Björkman",  # accented in the query
    "Москва 周恩来 Chou En-lai Creel",  # other scripts, a hyphenated name (Creel: a word the texts hold)
    "Chateau-Thierry Inter-Allied",  # hyphenated words, marked where their parts stand together
    "the of and",
    "vie sky happy possible hope relate humble war",  # stems whose last letter the word has not (vying → vie, happily → happili)
    "un mao liu war",  # short words: only words beginning with the whole stem are analyzed
    # phrases sought by their longest word, the parts around it kept (Highlighter.anchored)
    '"Secretary of State"',
    '"in the interest of" war',
    'states "State of the"',  # a word of the phrase in another form outside it
    'the "Department of State" OR "of the"',
    '"of the" of',  # a phrase of short words, one of them also free
    'port* "Port of the"',
    '"public opin*" war Creel',  # a phrase ending in a prefix beside other words
]


ODD = (
    " thé\u00a0the\u0130 attaché (ATTACHES), Bjorkman; Björkman: visé dying, Tying—lying “Bjorkman’s” «visé» dying… "
    "vying skies happily possibility hoping relational humbly wary "  # stems not beginning as their words do
)


@pytest.fixture(scope="module")
def odd_records(records):
    """The volume's documents, and 20 more: their copies with non-ASCII and odd characters and
    Porter2's exceptional forms put in place of a few "the"."""
    import dataclasses

    copies = []
    for record in list(records.values())[:20]:
        texts = [dataclasses.replace(t, body=t.body.replace(" the ", ODD, 3)) for t in record.texts]
        copies.append(dataclasses.replace(record, identifier=record.identifier + "-odd", texts=texts))
    return [*records.values(), *copies]


@pytest.fixture(scope="module")
def odd_index(make_index, odd_records):
    return make_index(odd_records)


def assert_masking_changes_no_mark(index, records, q, monkeypatch) -> None:
    """Every word of every text of ``records`` is marked for ``q`` exactly as without leaving
    out the words that cannot match (snippets.kept_parts); and leaving out happened in most texts."""
    from legation.search import service, snippets

    searcher = index.searcher()
    node = service.text_query(SearchRequest(q=q), index, searcher, None).node
    highlighters = service.snippets_for(searcher, index, node)
    assert highlighters
    texts = [t.body for r in records for t in r.texts]
    marked = blanked = 0
    for highlighter in highlighters.values():  # the texts of each language, the summary, the title, the subjects
        for text in texts:
            fast = highlighter.marks(text)
            with monkeypatch.context() as m:
                m.setattr(snippets, "kept_parts", lambda text, *rest: [(0, text)])
                assert highlighter.marks(text) == fast
            marked += len(fast)
            blanked += snippets.kept_parts(text, highlighter.starts, highlighter.own) != [(0, text)]
    assert marked > 0 and blanked > len(texts) // 2


@pytest.mark.parametrize("q", MASK_QUERIES)
def test_blanking_out_words_the_query_cannot_match_marks_the_same_words(odd_index, odd_records, q, monkeypatch):
    # Snippets hand tantivy's analyzer the text with words that cannot match blanked out, for
    # speed; every word of every text must be marked exactly as without that.
    assert_masking_changes_no_mark(odd_index, odd_records, q, monkeypatch)


@pytest.fixture(scope="module")
def language_records():
    from tests.search.fixtures import LANGUAGE_ROWS, records_of

    return records_of(LANGUAGE_ROWS)


@pytest.mark.parametrize(
    "q",
    [
        "改革", "台湾 问题", "대한민국", "UN 대한민국", "互利 OR 합법적인", "İstanbul", "Selīm", "Interesse", "grave danger", "Mısır geçerek", "misir",
        "pasa gidasi",
        # phrases of Latin texts: their words kept only near the longest (Highlighter.anchored)
        '"paşa gıdası"', '"ve oradan Akdeniz’i"', '"Selīm Şāh bin"', '"l-milleti l-mesīḥīye"', '"mit der Schweiz"',
    ],
)  # fmt: skip
def test_blanking_out_marks_the_same_words_in_every_script(make_index, language_records, q, monkeypatch):
    # Chinese and Korean texts, every character a word, keep only the query's characters (when
    # every query word is one); other scripts keep their non-ASCII words whole.
    assert_masking_changes_no_mark(make_index(language_records), language_records, q, monkeypatch)


# put into copies of the Chinese and Korean texts: Latin words among Hangul and Han, in brackets,
# accented, in full-width letters, a ligature, a decomposed accent
MIXED = " 이승만 대통령(Syngman Rhee)은 Rhée와 ＵＮ에서 李承晩 ﬁnal Rhe\u0301e 1950年 UN（United Nations） "


def _mixed(language_records) -> list:
    """The records, and copies of the Chinese and Korean ones with :data:`MIXED` put in their texts."""
    import dataclasses

    copies = [
        dataclasses.replace(r, identifier=f"{r.identifier}-mixed", texts=[dataclasses.replace(t, body=t.body[:80] + MIXED + t.body[80:]) for t in r.texts])
        for r in language_records
        if r.identifier.startswith(("zh", "ko"))
    ]
    return [*language_records, *copies]


@pytest.mark.parametrize(
    "q",
    [
        "Syngman Rhee 이승만", "rhee 대한민국", "United 国务院", "market 统一", "un 1950", "final 李承晩", "Москва 대한민국",
        # ASCII words alone
        "Syngman Rhee", "United Nations", '"United Nations"', "final 1950", "un*", "rhee OR market",
    ],
)  # fmt: skip
def test_blanking_out_marks_the_same_words_in_chinese_and_korean_with_latin_words(make_index, language_records, q, monkeypatch):
    # A query of Han or Hangul words and ASCII ones keeps of a Chinese or Korean text the
    # occurrences of the former and the stretches between spaces and such characters that may
    # hold the latter (snippets.kept_parts, _stretches), as does a query of ASCII words alone;
    # another script in the query keeps it whole.
    records = _mixed(language_records)
    assert_masking_changes_no_mark(make_index(records), records, q, monkeypatch)


def test_a_korean_or_chinese_text_is_not_analyzed_whole_for_ascii_words(make_index, language_records):
    # "climate change" gave each Korean speech quoting it whole to the analyzer, every Hangul
    # character a word: 0.3 to 1.1 ms a hit at 1,000,000 documents. Only the stretches that may hold
    # the words are given now, a small part of each text.
    from legation.search import analyzers, service, snippets

    records = _mixed(language_records)
    index = make_index(records)
    searcher = index.searcher()
    node = service.text_query(SearchRequest(q="Syngman Rhee"), index, searcher, None).node
    highlighter = service.snippets_for(searcher, index, node)["text_other"]
    texts = [t.body for r in records if r.identifier.endswith("-mixed") for t in r.texts]
    assert len(texts) >= 4
    for text in texts:
        kept = snippets.kept_parts(text, highlighter.starts, highlighter.own)
        assert "Rhee" in " ".join(part for _, part in kept)
        assert not any(analyzers.OWN_WORD_CHAR.search(part) for _, part in kept)  # not one Han or Hangul character
        assert [text.encode()[a:b].decode() for a, b in highlighter.marks(text)][:3] == ["Syngman", "Rhee", "Rhée"]


@pytest.fixture(scope="module")
def german_records():
    """Real letters and memoranda in German (Dodis, QhoD: a memorandum of 1989 with French words, a letter
    of 1720 in the spelling of its day), whose words hold ä, ö, ü, ß, é."""
    from legation.ingest.readers import read_file
    from legation.records.document_record import DocumentRecord
    from tests.conftest import FIXTURES

    names = ["49548.xml", "Briefe__Virmont_an_Hofkriegsrat_6._Juni_1720__vipa.l.hbg.17200606.xml"]
    return [item for name in names for item in read_file(FIXTURES / "tei" / name) if isinstance(item, DocumentRecord)]


@pytest.mark.parametrize("q", ["dass", "daß", "Behorden", "gränitz", "Grenze", "Offnung", "evenements", "dépassé", "uber*", "gewahren Unterstützung"])
def test_blanking_out_marks_the_same_words_in_german(make_index, german_records, q, monkeypatch):
    # Most words holding ä, é or ß cannot match the query: only those holding a letter that folds to
    # a letter of a query word's beginning, or to several letters (ß), are given to the analyzer.
    assert_masking_changes_no_mark(make_index(german_records), german_records, q, monkeypatch)


def test_accented_words_that_cannot_begin_as_a_query_word_are_left_out():
    from legation.search import snippets

    text = "The report of the meeting. " * 8 + "Verhältnis der Straße zum Bündnis für Москва, Ämter."
    kept = [part for _, part in snippets.kept_parts(text, ("bun",))]
    # ü folds to the u of "bun" (kept, even where it is no start: für); ä, Ä and ß (ss) fold to letters "bun" lacks
    assert kept == ["Bündnis", "für", "Москва,"]
    assert [part for _, part in snippets.kept_parts(text, ("str",))] == ["Straße", "Москва,"]  # ß folds to ss
    assert [part for _, part in snippets.kept_parts(text, ("amt",))] == ["Verhältnis", "Москва,", "Ämter."]


def test_a_turkish_text_is_masked_through_the_letters_the_index_folds(language_records):
    # Most words of a Turkish text hold a letter outside ASCII; the index folds them (ş → s,
    # ı → i), so a word is kept when it begins, folded, as a query word does.
    from legation.search import snippets

    text = next(r for r in language_records if r.identifier == "tr-1912-behic").texts[0].body
    kept = snippets.kept_parts(text, snippets.word_starts(["misir", "pasa"]))
    assert [part for _, part in kept] == ["Mısır’a", "Mısır’dan", "“paşa"]
    raw = text.encode()
    assert all(raw[offset : offset + len(part.encode())] == part.encode() for offset, part in kept)  # where they stand
    # a letter the index folds to two (æ → ae) is not sought as written: its word is kept whole
    assert snippets.kept_parts("şarkı “söz” “yaz” “gel” æsir", ("aes",)) == [(len("şarkı “söz” “yaz” “gel” ".encode()), "æsir")]


def test_a_hit_matched_only_in_its_source_note_shows_the_note_marked(demo_volumes):
    """FRUS source notes say where a telegram was repeated ("Repeated to … Seoul") and file numbers
    with names ("893.001 Chiang Kai-shek/8–449"): a hit found there showed no reason at all."""
    index = demo_volumes("frus1949v07p2", "frus1964-68v30")
    shown = {}
    for q, identifier in (("Seoul", "frus1964-68v30-d233"), ("Chiang Kai-shek", "frus1949v07p2-d360")):
        found = hit(index, q, identifier)
        assert not (found.marked or found.named or found.subjects_html)
        shown[q] = found.source_html
    assert shown["Seoul"][0].startswith("Source: Department of State, Central Files") and ", <mark>Seoul</mark>, " in shown["Seoul"][0]
    assert shown["Chiang Kai-shek"] == ["893.001 <mark>Chiang</mark> <mark>Kai-shek</mark>/8–449: Telegram"]
    assert all(not h.source_html for h in search(SearchRequest(q="Seoul", page_size=100), index).hits if h.marked or h.named)


def test_marks_with_nothing_between_them_are_one_mark():
    # Each Han character is a word: 周恩来 was three marks, drawn apart by the marks' padding.
    raw = "周恩来致毛泽东电报, Chou En-lai".encode()
    at = [raw.find(c.encode()) for c in "周恩来"]
    marks = [(i, i + 3) for i in at] + [(raw.find(b"Chou"), raw.find(b"Chou") + 4), (raw.find(b"En"), raw.find(b"En") + 2), (raw.find(b"lai"), raw.find(b"lai") + 3)]
    assert passage_html(raw, 0, len(raw), marks) == "<mark>周恩来</mark>致毛泽东电报, <mark>Chou</mark> <mark>En-lai</mark>"
    # U.S.S.R. was marked letter by letter, En-lai as two marks: one hyphen, full stop or apostrophe joins them
    raw = b"the U.S.S.R. and O'Neill, Mao - Stalin"
    marks = sorted({(4, 5), (6, 7), (8, 9), (10, 11), (17, 18), (19, 24), (26, 29), (32, 38)})
    assert passage_html(raw, 0, len(raw), marks) == "the <mark>U.S.S.R</mark>. and <mark>O&#x27;Neill</mark>, <mark>Mao</mark> - <mark>Stalin</mark>"
    raw = "Chiang\u2019s forces, Adenauer\u00b4s reply".encode()  # FRUS writes the typographic apostrophe
    words = [(m.start(), m.end()) for m in re.finditer(rb"[A-Za-z]+", raw)]
    assert passage_html(raw, 0, len(raw), [words[0], words[1], words[3], words[4]]) == "<mark>Chiang\u2019s</mark> forces, <mark>Adenauer\u00b4s</mark> reply"


DEMO_FRUS = Path(__file__).resolve().parents[2] / "data" / "demo" / "frus"


def test_every_english_word_begins_as_its_stem_says():
    # snippets.english_starts reads Porter2's rules: what a word must begin with to give a stem.
    # Asked of the stemmer itself over every word of the demo's FRUS volumes (46,000 words).
    import gzip

    words = {w for path in sorted(DEMO_FRUS.glob("*.xml.gz")) for w in re.findall(r"[a-z0-9]+", gzip.open(path).read().decode().lower())}
    assert len(words) > 40_000
    wrong = [(w, t) for w in words for t in analyzers.terms(w, analyzers.STEMMED_NAME) if not w.startswith(snippets.english_starts(t))]
    assert wrong == []
    assert snippets.english_starts("mao") == ("mao",)  # not every word in "ma": "made", "many", "may"
    assert snippets.english_starts("happi") == ("happi", "happy")
    assert snippets.english_starts("vie") == ("vi", "vy")


def test_a_stem_shorter_than_a_word_start_keeps_the_words_it_may_match():
    # Turkish stems "ordu" (army) and "orta" (middle) alike: a word beginning "ord" is not all the
    # query can match, so the mask keeps words beginning with the stem but its last letter.
    from legation.search import analyzers, snippets

    assert analyzers.terms("ordu", "legation_tr") == analyzers.terms("orta", "legation_tr") == ["or"]
    starts = snippets.word_starts(["ordu"], "legation_tr")
    assert [part for _, part in snippets.kept_parts("Erkek Lisesi ve Kiz Orta Mektebi, ordu", starts)] == ["Orta", "ordu"]
    assert [part for _, part in snippets.kept_parts("Erkek Lisesi ve Kiz Orta Mektebi, ordu", snippets.word_starts(["ordu"]))] == ["ordu"]


def test_words_the_index_folded_before_analysis_are_marked_where_they_stand(make_index, language_records):
    # İ and polytonic Greek are mapped before analysis (analyzers.normalize), to characters of
    # fewer UTF-8 bytes; the marks still fall on the words as written, also after them.
    import dataclasses

    turkish = next(r for r in language_records if r.identifier == "tr-1912-behic")
    text = "Ἀθῆναι and İzmir: the delegates of Ἀθῆναι met in İzmir, then in Αθήνα and Istanbul."
    greek = dataclasses.replace(turkish, identifier="tr-greek", texts=[dataclasses.replace(turkish.texts[0], body=text)])
    index = make_index([turkish, greek])
    assert "<mark>İstanbul</mark> ve oradan" in hit(index, "istanbul", turkish.identifier).snippet_html
    marked = re.findall(r"<mark>(.*?)</mark>", hit(index, "αθηναι izmir istanbul", "tr-greek").snippet_html)
    assert marked == ["Ἀθῆναι", "İzmir", "Ἀθῆναι", "İzmir", "Istanbul"]


@pytest.mark.parametrize(
    "q, identifier, stray, marked",
    [
        ("全面", "zh-2025-reform", "全", ["全面"]),  # not the 全 of 全会, 全国, 全部
        ("정부", "ko-1964-un", "정", ["정부"]),  # not the 정 of 정신에
        ("全面 OR 改革", "zh-2025-reform", "全", ["改革", "改革", "改革全面", "改革"]),  # one mark over words with nothing between
    ],
)
def test_a_character_of_chinese_or_korean_is_marked_only_inside_the_words_sought(make_index, language_records, q, identifier, stray, marked):
    # Every Han or Hangul character is a word of its own, a query word of several a phrase of
    # them; tantivy's generator marks each character wherever it stands, so the ones outside an
    # occurrence of the query's words are left unmarked.
    text = next(r for r in language_records if r.identifier == identifier).texts[0].body
    assert text.count(stray) > "".join(marked).count(stray)  # the character also stands elsewhere
    assert re.findall(r"<mark>(.*?)</mark>", hit(make_index(language_records), q, identifier).snippet_html) == marked


def test_a_query_of_phrases_marks_their_words_only_where_they_stand_together(volume_index, monkeypatch):
    # '"Port Arthur"' marked every "port" and "ports" of a text: a phrase's words are marked only as the phrase
    marked = re.compile(r"<mark>(.*?)</mark>")

    def lone_marks(q: str) -> list[str]:
        lone = []
        for h in search(SearchRequest(q=q, page_size=50), volume_index).hits:
            for snippet in h.snippets_html:
                spans = list(marked.finditer(snippet))
                for i, m in enumerate(spans):
                    before = spans[i - 1].end() if i else None
                    after = spans[i + 1].start() if i + 1 < len(spans) else None
                    near = (before is not None and not re.search(r"\w", snippet[before : m.start()])) or (
                        after is not None and not re.search(r"\w", snippet[m.end() : after])
                    )
                    if not near:
                        lone.append(m[1])
        return lone

    assert lone_marks('"public opinion"') == []
    assert lone_marks('"public opinion" OR "foreign policy"') == []
    assert any(m.lower().startswith("public") for m in lone_marks("public opinion"))  # free words: each alone too
    from legation.search import service

    monkeypatch.setattr(service, "_phrases_and_free_words", lambda node: ([], [], [], []))
    assert lone_marks('"public opinion"')  # the texts hold the words apart: without the rule they are marked there


def test_a_phrase_beside_free_words_marks_its_words_only_where_it_stands(demo_volumes):
    # '"port arthur" Dairen' marked "ports" and a lone "Arthur" (Arthur W. Radford): the phrase's
    # words are marked only as the phrase, the free words wherever they stand. Two demo volumes.
    index = demo_volumes("frus1951v07p2", "frus1952-54v14p2")

    def marks(q: str) -> dict[str, list[list[str]]]:
        hits = search(SearchRequest(q=q, page_size=100), index).hits
        return {h.identifier: [re.findall(r"<mark>(.*?)</mark>", snippet) for snippet in h.snippets_html] for h in hits}

    # before: d632 [["ports", "Dairen", "Port", "Arthur"]], d7 [["Dairen", "Port", "Arthur"], ["ports"]]
    assert marks('"port arthur" Dairen') == {
        "frus1952-54v14p2-d632": [["Dairen", "Port", "Arthur"]],
        "frus1951v07p2-d7": [["Dairen", "Port", "Arthur"]],
    }
    either = marks('"Port Arthur" OR Dairen')
    assert either["frus1951v07p2-d327"] == [["Dairen"]]  # before: [["Dairen"], ["Port"], ["Port"]]
    assert either["frus1951v07p2-d30"] == [["Port", "Arthur"], ["Port", "Arthur"]]  # before: "ports" too
    radford = marks('"Port Arthur" OR Radford')
    assert radford["frus1952-54v14p2-d813"] == radford["frus1952-54v14p2-d836"] == [["Radford"]]  # before: a lone "Arthur"
    prefixed = marks('port* "Port Arthur"')  # a prefix is a free word: "ports", "Portuguese" marked
    assert prefixed["frus1951v07p2-d7"] == [["Portuguese", "Port", "Arthur"], ["ports"]]


def test_a_quoted_phrase_is_marked_only_where_it_stands_as_written(demo_volumes):
    # '"in the interest of"' finds the phrase as written but for case and accents; its snippets
    # marked "in the interests of" too, which the search had not found (frus1949v07p2-d60 holds both)
    index = demo_volumes("frus1949v07p2")
    hits = search(SearchRequest(q='"in the interest of"', page_size=100), index).hits
    assert "frus1949v07p2-d60" in {h.identifier for h in hits}
    for h in hits:
        for snippet in h.snippets_html:
            runs = re.findall(r"<mark>\w+</mark>(?:\W{1,8}<mark>\w+</mark>)*", snippet)
            assert runs and {" ".join(re.findall(r"<mark>(\w+)</mark>", run)).lower() for run in runs} == {"in the interest of"}, snippet
    (d60,) = [h for h in hits if h.identifier == "frus1949v07p2-d60"]
    assert "<mark>interests</mark>" not in " ".join(d60.snippets_html)


def test_a_passage_takes_in_the_whole_phrase_it_cuts(demo_volumes):
    # A passage whose best marks ended at "The <mark>Chinese</mark>" showed one word of the phrase
    # "Chinese Communists" marked alone (frus1955-57v03-d168; 17 of 746 snippets of the demo archive)
    index = demo_volumes("frus1955-57v03")
    hits = search(SearchRequest(q='"Chinese Communists"', page_size=100), index).hits
    assert "frus1955-57v03-d168" in {h.identifier for h in hits}
    snippets = [snippet for h in hits for snippet in h.snippets_html]
    runs = [re.findall(r"<mark>(\w+)</mark>", run) for snippet in snippets for run in re.findall(r"<mark>\w+</mark>(?:\W{1,8}<mark>\w+</mark>)*", snippet)]
    assert len(snippets) > 100 and {" ".join(run).lower() for run in runs} == {"chinese communists"}


@pytest.mark.parametrize(("q", "parts"), [("Sino-Soviet", ["sino", "soviet"]), ("secretary_of", ["secretary", "of"])])
def test_the_parts_of_a_word_are_marked_only_where_they_stand_together(demo_volumes, q, parts):
    # "Sino-Soviet" is sought as its parts one after the other (or "SinoSoviet"); its snippets marked
    # every lone "Soviets" too (frus1969-76v12-d101), and "secretary_of" every lone "of"
    index = demo_volumes("frus1969-76v12")
    hits = search(SearchRequest(q=q, page_size=100), index).hits
    assert len(hits) > 10
    for h in hits:
        for snippet in h.snippets_html:
            # each run of marks (one mark, "Sino-Soviet", or marks a few non-letters apart) holds the parts in order
            runs = re.findall(r"<mark>[^<]+</mark>(?:\W{1,8}<mark>[^<]+</mark>)*", snippet)
            for run in runs:
                words = [analyzers.terms(w)[0] for w in re.findall(r"\w+", re.sub(r"</?mark>", "", run))]  # Soviets → soviet
                assert words == [analyzers.terms(p)[0] for p in parts], snippet
            assert runs and "".join(runs).count("<mark>") == snippet.count("<mark>"), snippet


def test_characters_html_forbids_in_a_stored_text_are_shown_as_replacement_characters(make_index, records):
    """DEL, C1 controls and noncharacters stored in a text reached the page raw in its snippets, which
    are built as HTML; the page shows each as U+FFFD, as it prints every other value."""
    import dataclasses

    poole = records[POOLE]
    # both "propaganda" of Poole's letter between DEL and a C1 control (APC), a noncharacter of the BMP and one of plane 1
    body = re.sub(r"(?i)\bpropaganda\b", lambda m: f"\x7f\x9f{m.group()}\ufdd0\U0001fffe", poole.texts[0].body)
    assert body.count("\x7f") == 2
    changed = dataclasses.replace(poole, texts=(dataclasses.replace(poole.texts[0], body=body), *poole.texts[1:]))
    (found,) = search(SearchRequest(q="propaganda"), make_index([changed])).hits
    assert len(found.snippets_html) == 2
    for snippet in found.snippets_html:
        around = re.findall(r"(..)<mark>([^<]*)</mark>(..)", snippet)
        assert around and all(a == ("\ufffd\ufffd", "propaganda", "\ufffd\ufffd") for a in around), snippet
        assert not re.search("[\x7f-\x9f\ufdd0-\ufdef\U0001fffe]", snippet)


def test_no_passage_runs_a_text_on_into_its_footnotes(volume_index, records):
    """A text and its footnotes are values of one field, joined one space apart: a passage near a
    text's end went on with the opening of its first footnote (in the demo archive, a letter's
    signature and its footnote: "… Arthur de la Mare See Document 147.", as if one sentence). Now
    every passage, context and all, lies within one of them."""
    crossing, shown = [], 0
    for q in ["Russian", "propaganda", "committee", "press", "Department", "Wilson", "war", "See", "printed"]:
        for found in search(SearchRequest(q=q, page_size=100), volume_index).hits:
            values = [v for t in records[found.identifier].texts for v in (t.body, *(f.text for f in t.footnotes))]
            for snippet in found.snippets_html:
                shown += 1
                if not any(shown_text(snippet) in value for value in values):
                    crossing.append((q, found.identifier, snippet))
    assert shown > 300 and crossing == []


def test_a_hit_without_a_summary_shows_its_opening_once(demo_volumes):
    """A hit with no summary shows its text's opening in its place; when a snippet begins at the
    text's start too, the page printed the same words twice (40 of 800 hits of eight demo queries,
    the Dulles telegrams among them). The opening then goes: the snippet shows it."""
    index = demo_volumes("frus1952-54v14p2")
    hits = search(SearchRequest(q="Dulles", page_size=100), index).hits
    at_start = [h for h in hits if any(not s.startswith("… ") for s in h.snippets_html)]
    assert len(at_start) >= 5 and all(h.summary == "" for h in at_start)
    # a snippet beginning a little after the text's start repeated most of the opening too (1,108 of
    # 11,643 hits of the demo's 60 benchmark queries showed 20 words or more twice): the opening goes
    texts = {r.identifier: " ".join(" ".join(t.body for t in r.texts).split()) for r in read_frus_volume(DEMO_FRUS / "frus1952-54v14p2.xml.gz")}
    elsewhere = [h for h in hits if h.snippets_html and all(s.startswith("… ") for s in h.snippets_html)]
    def begins_within(h, chars: int) -> bool:  # a snippet begins within the text's first ``chars`` characters
        return any(" ".join(shown_text(s).split())[:40] in texts[h.identifier][:chars] for s in h.snippets_html)

    near, far = [h for h in elsewhere if begins_within(h, 250)], [h for h in elsewhere if not begins_within(h, 400)]
    assert near and all(h.summary == "" for h in near)
    assert far and all(h.summary for h in far)  # the opening, where no snippet shows it
    for found in hits:
        openings = [shown_text(s)[:60] for s in found.snippets_html if not s.startswith("… ")]
        assert found.summary[:60] not in openings or not found.summary


def test_a_hit_whose_title_summary_and_snippets_mark_nothing_names_the_agents_the_query_named(volume_index, records) -> None:
    """26 documents match ``Creel``; those whose titles, summaries and texts never show the word
    (a mention by another name) list him with his role, the others nothing: the reason each
    matched is on the page. His memorandum (d11) and the one to him (d13) named him only as
    their sender and recipient before their titles were marked ("… (<mark>Creel</mark>)")."""
    result = search(SearchRequest(q="Creel", page_size=100), volume_index)
    assert result.total == 26
    roles = {"sender": 0, "recipient": 1, "mentioned": 2}
    unmarked = []
    for h in result.hits:
        if h.marked:
            assert h.named == [], h.identifier
            continue
        unmarked.append(h.identifier)
        agents = sorted((a for a in records[h.identifier].agents if "creel" in analyzers.folded(a.name)), key=lambda a: roles[a.role])
        expected = {a.name: a.role for a in reversed(agents)}  # a name once, in its first role
        assert [(a.role, a.name) for a in h.named] == [(role, name) for name, role in reversed(expected.items())], h.identifier
    assert unmarked == ["frus1917-72PubDip-d19"]
    assert [(a.role, a.name) for a in hit(volume_index, "Creel", "frus1917-72PubDip-d19").named] == [("mentioned", "George Creel")]
    for identifier in ("frus1917-72PubDip-d11", "frus1917-72PubDip-d13"):
        shown = hit(volume_index, "Creel", identifier)
        assert shown.title_html.endswith("(<mark>Creel</mark>)") and shown.snippets_html == [] and shown.named == []
    # sought among the recipients only, no title or text is marked: the role says why
    assert [(a.role, a.name) for a in hit(volume_index, "to:Creel", "frus1917-72PubDip-d13").named] == [("recipient", "George Creel")]


@pytest.mark.parametrize(
    ("q", "named"),
    [
        ("Creel", [("sender", "George Creel")]),
        ('"George Creel"', [("sender", "George Creel")]),
        ("Cre*", [("sender", "George Creel")]),
        ("from:Creel", [("sender", "George Creel")]),
        ("Wilson OR Creel", [("sender", "George Creel"), ("mentioned", "Woodrow Wilson")]),
        ('"Creel George"', []),  # a phrase is its words in order
        ("Cre", []),  # a word is a whole word, a prefix only with *
        ("title:Creel", []),  # not a field of names
        ("telegram -Creel", []),  # excluded, not sought
    ],
)
def test_named_agents_reads_the_words_and_phrases_of_the_query_in_name_fields(q: str, named) -> None:
    from legation.search import query
    from legation.search.service import named_agents, names_sought

    doc = {"senders": ["George Creel"], "recipients": ["Robert Lansing"], "mentioned": ["Woodrow Wilson", "George Creel"]}
    assert [(a.role, a.name) for a in named_agents(doc, names_sought(query.parse(q).node))] == named


@pytest.mark.parametrize(
    ("q", "named"),
    [
        # a word of another of the person's names: the index holds them all, so "Zhou" found the
        # documents mentioning Chou En-lai, and 291 demo hits showed no reason
        ("Zhou", [("mentioned", "Chou En-lai")]),
        ("Enlai", [("mentioned", "Chou En-lai")]),
        ("Zedo*", [("sender", "Mao Tse-tung")]),
        ("Kaishek", [("recipient", "Chiang Kai-shek")]),  # syllables joined, as the search finds them
        ("Kaish*", [("recipient", "Chiang Kai-shek")]),
        ("Chiang", [("recipient", "Chiang Kai-shek")]),
        ("Kais", []),  # not a whole name's syllables
        ("Zhouenlai OR Lai", [("mentioned", "Chou En-lai")]),
        ("Zhong", []),
        ("Generalissimo", [("recipient", "Chiang Kai-shek")]),  # a name the edition's list of persons gives
    ],
)
def test_named_agents_reads_every_other_name_of_an_agent(q: str, named) -> None:
    from legation.search import query
    from legation.search.service import named_agents, names_sought

    doc = {"senders": ["Mao Tse-tung"], "recipients": ["Chiang Kai-shek"], "mentioned": ["Chou En-lai"]}
    others = {"other_names": ["Mao Tse-tung\tMao Zedong\t毛泽东", "Chiang Kai-shek\tChiang Kai-shek, Generalissimo", "Chou En-lai\tZhou Enlai"]}
    assert [(a.role, a.name) for a in named_agents({**doc, **others}, names_sought(query.parse(q).node))] == named
    if q in ("Zhou", "Zedo*", "Generalissimo"):  # the stored, preferred name alone does not hold the word
        assert named_agents(doc, names_sought(query.parse(q).node)) == []


def test_an_agents_other_names_are_stored_with_the_document(records):
    from legation.records.document_record import AgentRef
    from legation.search import schema

    record = dataclasses.replace(
        next(iter(records.values())),
        agents=[AgentRef("person:c", "Chou En-lai", "mentioned", names=["Zhou Enlai", "Chou En-lai"]), AgentRef("person:k", "Kennan", "sender")],
    )
    assert schema._other_names(record) == ["Chou En-lai\tZhou Enlai"]


ZHOU = VariantTable.from_groups([["Zhou Enlai", "Chou En-lai"], ["Mao Zedong", "Mao Tse-tung"]])


@pytest.mark.parametrize(
    ("q", "identifier", "title_html", "summary_html"),
    [
        # "Zhou Enlai treaty" showed the title and the summary with no mark
        (
            "Zhou Enlai treaty",
            "seed-sino-soviet-08",
            "Telegram, Mao Zedong to <mark>Zhou</mark> <mark>Enlai</mark> and CCP CC",
            "Mao brings <mark>Zhou</mark> <mark>Enlai</mark> up to date on the <mark>treaty</mark> negotiations and on Sino-Soviet "
            "cooperation at the United Nations.",
        ),
        # a name in another form: marked as the search found it
        (
            "Chou En-lai",
            "seed-sino-soviet-02",
            "Cable, Mao Zedong to the Central Committee of the CCP",
            "Mao reports a breakthrough in his talks with Stalin and asks for <mark>Zhou</mark> <mark>Enlai</mark> to travel to "
            "Moscow at once to conclude a new Sino-Soviet treaty.",
        ),
        # stemmed: "telegrams" marks "Telegram"; a prefix marks the words it begins
        ("telegrams", "seed-sino-soviet-07", "<mark>Telegram</mark>, Mao Zedong to CCP Central Committee",
         "Mao presses the Central Committee to keep the negotiations for a new treaty with the Soviet Union secret."),
        ("cables Sovi*", "seed-sino-soviet-09", "<mark>Cable</mark>, Mao Zedong to Liu Shaoqi",
         "Mao gives instructions on military cooperation with the <mark>Soviet</mark> Union and names appointments in the Chinese armed forces."),
        # a phrase's words only where they stand together: the summary's lone "Mao" is not marked
        ('"Mao Zedong" Liu', "seed-sino-soviet-10", "Cable, <mark>Liu</mark> Shaoqi to <mark>Mao</mark> <mark>Zedong</mark>", None),
        # a field the query does not search is not marked
        ("title:Telegram Mao", "seed-sino-soviet-07", "<mark>Telegram</mark>, <mark>Mao</mark> Zedong to CCP Central Committee",
         "<mark>Mao</mark> presses the Central Committee to keep the negotiations for a new treaty with the Soviet Union secret."),
        ("summary:Mao", "seed-sino-soviet-07", "Telegram, Mao Zedong to CCP Central Committee",
         "<mark>Mao</mark> presses the Central Committee to keep the negotiations for a new treaty with the Soviet Union secret."),
    ],
)
def test_a_hits_title_and_summary_are_marked_whole_as_its_snippets_are(seed_index, q, identifier, title_html, summary_html):
    (found,) = [h for h in search(SearchRequest(q=q, page_size=100), seed_index, ZHOU).hits if h.identifier == identifier]
    assert found.title_html == title_html
    if summary_html is not None:
        assert found.summary_html == summary_html
    assert html.unescape(re.sub("</?mark>", "", found.title_html)) == found.title
    assert html.unescape(re.sub("</?mark>", "", found.summary_html)) == found.summary


def test_the_opening_shown_as_a_summary_is_marked_by_its_texts_rules(demo_volumes):
    """A hit with no summary shows its text's opening (when no snippet does), marked as its text is."""
    index = demo_volumes("frus1952-54v14p2")
    hits = search(SearchRequest(q="Dulles Yoshida", page_size=100), index).hits
    openings = [h for h in hits if h.summary and all(s.startswith("… ") for s in h.snippets_html)]
    marked = [h for h in openings if "<mark>Dulles</mark>" in h.summary_html or "<mark>Yoshida</mark>" in h.summary_html]
    assert marked and all(html.unescape(re.sub("</?mark>", "", h.summary_html)) == h.summary for h in openings)
    assert all(("<mark>" in h.summary_html) == bool({"dulles", "yoshida"} & set(analyzers.folded(h.summary))) for h in openings)


def test_a_title_holding_markup_is_shown_as_text(make_index):
    record = dataclasses.replace(
        seed_records()[7], identifier="seed-odd-title", title='Telegram, <b>Mao</b> Zedong to "Zhou Enlai" & CCP CC', summary="Zhou <Enlai> & Mao"
    )
    (found,) = search(SearchRequest(q="Zhou Enlai"), make_index([record])).hits
    assert found.title_html == "Telegram, &lt;b&gt;Mao&lt;/b&gt; Zedong to &quot;<mark>Zhou</mark> <mark>Enlai</mark>&quot; &amp; CCP CC"
    assert found.summary_html == "<mark>Zhou</mark> &lt;<mark>Enlai</mark>&gt; &amp; Mao"
    (plain,) = search(SearchRequest(q="treaty"), make_index([record])).hits
    assert plain.title_html == "Telegram, &lt;b&gt;Mao&lt;/b&gt; Zedong to &quot;Zhou Enlai&quot; &amp; CCP CC"  # escaped as the page escapes any value


def test_tantivy_is_asked_to_mark_a_title_only_when_it_could_hold_a_query_word(seed_index, monkeypatch):
    """Most titles of a page hold no word of the query: they are escaped, not analyzed."""
    asked = []
    original = snippets.Highlighter._marked
    monkeypatch.setattr(snippets.Highlighter, "_marked", lambda self, text: asked.append((self.field, text)) or original(self, text))
    hits = search(SearchRequest(q="treaty", page_size=100), seed_index).hits
    assert len(hits) == 10 and not any("<mark>" in h.title_html for h in hits)  # "Treaty" in every collection's title
    assert [text for field, text in asked if field == "title"] == []
    asked.clear()
    hits = search(SearchRequest(q="Liu", page_size=100), seed_index).hits
    titles = [text for field, text in asked if field == "title"]
    assert titles == ["Liu"] * 6 == ["Liu"] * sum("Liu" in h.title for h in hits)  # the part that may match, not the title


def test_a_hit_that_matches_only_through_its_subject_shows_the_subject_marked(demo_volumes, monkeypatch):
    """224 hits of ``"Zhou Enlai"`` in the demo archive showed no reason: FRUS chapter headings,
    stored nowhere but the subject facet's column ("… the U.S. response to Premier Chou En-Lai’s
    proposal of negotiations; …"), hold the name. Now a passage of the heading is shown, marked."""
    index = demo_volumes("frus1955-57v02")
    from legation.search import service

    def reasons(q: str) -> tuple[int, int, list]:
        hits, page = [], 0
        while page == 0 or len(hits) < result.total:
            page += 1
            result = search(SearchRequest(q=q, page=page, page_size=100), index)
            hits += result.hits
        shown = [h for h in hits if h.subjects_html]
        return len(hits), sum(not (h.marked or h.named or h.subjects_html) for h in hits), shown

    total, silent, shown = reasons("Chou En-lai")
    assert silent == 0 and len(shown) > 100
    (d1,) = [h for h in shown if h.identifier == "frus1955-57v02-d1"]
    assert d1.subjects_html == [
        "… to the growth of Communist air power; the Robertson–Radford mission to Taipei; the U.S. response to Premier "
        "<mark>Chou</mark> <mark>En-Lai</mark>’s proposal of negotiations; diplomatic efforts to obtain the "
        "release of American prisoners in the People’s …"
    ]
    assert all(not (h.marked or h.named) for h in shown)  # only when nothing else shows why
    monkeypatch.setattr(service, "subject_passages", lambda *args: [])
    assert reasons("Chou En-lai")[:2] == (total, len(shown))  # without the subjects, each of them showed nothing


def marked_words(snippet: str) -> list[str]:
    return [html.unescape(m).lower() for m in re.findall(r"<mark>(.*?)</mark>", snippet)]


def test_words_most_documents_hold_choose_no_passage_beside_a_rarer_word(volume_index, records):
    # "the" and "of" stand in every document of the volume (snippets.COMMON_SHARE): the passages of
    # the Poole letter for "films of the" are where "films" stands (8 times), and every "the" and
    # "of" in them is marked; for "peasants of the" the one passage holding "peasants" (once): before,
    # two more showed "the" and "of" alone.
    for q, rarer, passages_shown in (("films of the", "film", MAX_SNIPPETS), ("peasants of the", "peasants", 1)):
        found = hit(volume_index, q, POOLE)
        assert len(found.snippets_html) == passages_shown, q
        for snippet in found.snippets_html:
            words = marked_words(snippet)
            assert any(w.startswith(rarer) for w in words), snippet
            shown = shown_text(snippet)
            assert words.count("the") == len(re.findall(r"\bthe\b", shown, re.IGNORECASE)) > 0  # every one marked
            assert words.count("of") == len(re.findall(r"\bof\b", shown, re.IGNORECASE))
    # a query of such words alone still gets its passages
    assert len(hit(volume_index, "of the", POOLE).snippets_html) == MAX_SNIPPETS


@pytest.mark.parametrize(
    ("q", "names", "rarer"),
    [
        ('"Russian peasants" of the', None, "peasants"),  # a phrase: its words choose together
        ("Norway of the", VariantTable.from_groups([["Norway", "Norwegian Kingdom", "挪威"]]), "norway"),  # a name searched in other forms too
    ],
)
def test_common_words_choose_no_passage_beside_phrases_and_names_in_other_forms(volume_index, q, names, rarer):
    # The search adds a name's other forms (a phrase of several words, a Chinese form): the rarer
    # words still choose the passages (the fresh user's "the Formosa resolution", Formosa also 台湾,
    # showed passages of "the" alone). Both words stand once in the Poole letter.
    found = next(h for h in search(SearchRequest(q=q, page_size=100), volume_index, names=names).hits if h.identifier == POOLE)
    assert len(found.snippets_html) == 1, found.snippets_html
    words, shown = marked_words(found.snippets_html[0]), shown_text(found.snippets_html[0])
    assert rarer in words
    for common in ("the", "of"):  # every one shown is marked
        assert words.count(common) == len(re.findall(rf"\b{common}\b", shown, re.IGNORECASE))


def test_a_rarer_word_past_the_opening_is_sought_before_common_words_in_it(make_index, records):
    # A text of 38,000 characters whose opening (snippets.SCAN_CHARS) holds "the" but not "peasants",
    # which stands once, in the Poole letter at its end: the passage is the one holding "peasants".
    body = "\n\n".join(records[k].texts[0].body for k in ("frus1917-72PubDip-d23", "frus1917-72PubDip-d12", POOLE))
    opening = body[: snippets.SCAN_CHARS]
    assert "peasant" not in opening.lower() and body.lower().count("peasants") == 1 and " the " in opening
    long = dataclasses.replace(records[POOLE], identifier="long-letter", texts=[dataclasses.replace(records[POOLE].texts[0], body=body)])
    found = hit(make_index([*records.values(), long]), "peasants the", "long-letter")
    assert len(found.snippets_html) == 1 and "peasants" in marked_words(found.snippets_html[0])


def test_an_ottoman_transliteration_dense_in_dotted_letters_is_masked_too(language_records):
    # ḳ, ḥ, ṣ, ẓ (Latin Extended Additional) take 3 bytes in UTF-8, and were counted as 2: an Ottoman
    # transliteration dense in them was not "mostly Latin", so its whole text went to the
    # analyzer (mevfure, 16 hits at 1,000,000 documents: 26 ms of snippets). Now only the words
    # that may match are kept, and they are marked as before (the masking tests above, Selīm).
    from legation.search import snippets

    text = next(t.body for r in language_records if r.identifier == "ota-selim-1" for t in r.texts)
    assert sum(text.count(c) for c in "ḳḥṣẓṭḫ") >= 15
    kept = snippets.kept_parts(text, ("mesih",))
    assert (178, "l-mesīḥīye") in kept and sum(len(part) for _, part in kept) < len(text) / 5


def test_a_quoted_phrase_gives_the_analyzer_the_parts_around_its_longest_word_only(demo_volumes, monkeypatch):
    # '"Secretary of State"' gave the analyzer every "of" of each hit's text, to be dropped as
    # standing outside the phrase: at 1,000,000 documents '"State of the Union"' spent 21 ms of a
    # search on snippets. Only its words near a "secretary" are given now, and the phrase marked.
    from tantivy import Query

    from legation.search import schema, service, snippets

    index = demo_volumes("frus1952-54v14p2")
    searcher = index.searcher()
    result = search(SearchRequest(q='"Secretary of State"', page_size=20), index)
    node = service.text_query(SearchRequest(q='"Secretary of State"'), index, searcher, None).node
    highlighter = service.snippets_for(searcher, index, node)["text"]
    starts, (before, after) = highlighter.anchored
    assert starts == ("secretari", "secretary") and highlighter.starts == ("of", "secretari", "secretary", "stat") and 0 < before < after < 100
    kept = whole = 0
    for h in result.hits:
        stored = searcher.doc(searcher.search(Query.term_query(index.schema, schema.KEY_FIELD, h.identifier), 1).hits[0][1])
        text = " ".join(stored["text"])
        parts = snippets.kept_parts(text, highlighter.starts, highlighter.own, None, highlighter.anchored)
        unquoted = snippets.kept_parts(text, highlighter.starts, highlighter.own)
        kept, whole = kept + sum(len(p) for _, p in parts), whole + sum(len(p) for _, p in unquoted)
    assert result.total > 20 and kept < whole / 2
    # the same passages and marks as when every "of" was given to the analyzer
    monkeypatch.setattr(snippets.Highlighter, "anchored", property(lambda self: (self.starts, (0, 0))))
    assert search(SearchRequest(q='"Secretary of State"', page_size=20), index).hits == result.hits
    assert sum("<mark>Secretary</mark> <mark>of</mark> <mark>State</mark>" in " ".join(h.snippets_html) for h in result.hits) >= 5


@pytest.mark.parametrize("starts", [("sah", "sul"), ("mil", "muk"), ("ist", "i"), ("mis", "gec", "col"), ("nem", "tes", "ma")])
def test_turkish_and_ottoman_words_are_found_as_written_where_their_folded_letters_begin_them(language_records, starts):
    # kept_parts found the words of a Latin text by translating its letters to ASCII (latin_fold),
    # 0.77 ms for a Turkish speech of 13,000 characters; it seeks them as written now, each letter
    # any that folds to it (0.2 ms). The words found and the characters no letter folds are those
    # the translated text gives, on the Turkish and Ottoman texts of the fixtures.
    from legation.search import analyzers, snippets

    texts = [t.body for r in language_records if r.identifier.startswith(("tr-", "ota-")) for t in r.texts]
    assert len(texts) >= 3
    found = 0
    for text in texts:
        low = text.translate(analyzers.latin_fold()).replace("\u0130", "I").lower()
        assert len(low) == len(text)
        expected = sorted(i for start in starts for i in range(len(low)) if low.startswith(start, i) and (i == 0 or not low[i - 1].isalnum()))
        assert [m.start() for m in snippets._word_beginning(starts).finditer(text)] == sorted(set(expected))
        found += len(expected)
        left = re.compile(r"[^\x00-\x7f\u00a0\u00ab\u00bb\u2000-\u206f]+")
        folded = text.translate(analyzers.latin_fold())
        assert [(m.start(), m.group()) for m in snippets._unfolded_run().finditer(text)] == [(m.start(), text[m.start() : m.end()]) for m in left.finditer(folded)]
    assert found >= 2


def test_a_run_of_characters_covers_its_occurrences_in_either_han_form_overlapping_or_not():
    """``in_runs`` keeps a single Han or Hangul character marked only inside an occurrence of one of
    the query's runs, sought in simplified or traditional form, occurrences overlapping too."""
    text = "將軍來了，哈哈哈，以来将军"
    raw = text.encode()

    def at(sub: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = text.index(sub, start + 1)
        begin = len(text[:start].encode())
        return begin, begin + len(sub.encode())

    marks = [at(c) for c in "將軍來"] + [at("哈", n) for n in range(3)] + [at("来"), at("将"), at("军")]
    kept = snippets.in_runs(raw, sorted(marks), ("将军".encode(), "哈哈".encode()))
    assert [raw[s:e].decode() for s, e in kept] == ["將", "軍", "哈", "哈", "哈", "将", "军"]
    # the 来 of 以来 and the 來 of 來了 lie in no run: a run of one character covers each occurrence
    kept = snippets.in_runs(raw, sorted(marks), ("来".encode(),))
    assert [raw[s:e].decode() for s, e in kept] == ["來", "来"]
