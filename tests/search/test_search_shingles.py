"""Shingles (two neighbouring words as one term, analyzers.shingles): each search field keeps them
in a field of its own, and a phrase of several words is found by them. They must hold exactly the
``vocab`` field's words, so that a phrase finds what the positions of its words would."""

from __future__ import annotations

import functools
import re

import pytest
import tantivy

from legation.ingest.readers.tei_frus import read_frus_volume
from legation.records.document_record import DocumentRecord
from legation.search import analyzers, schema
from legation.search.analyzers import FOLDED_NAME, SIMPLE_TWIN, normalize, shingles, unstored, value_shingles
from legation.search import query as user_query
from legation.search.query import parse, to_tantivy
from legation.search.service import SearchRequest, search
from tests.conftest import REPO
from tests.search.fixtures import LANGUAGE_ROWS, naming

@functools.cache
def frus1949v07p1() -> list[DocumentRecord]:
    """The records of the demo FRUS volume frus1949v07p1 (423 real documents)."""
    return list(read_frus_volume(REPO / "data" / "demo" / "frus" / "frus1949v07p1.xml.gz"))


SIMPLE_FOLDED = analyzers.ANALYZERS[SIMPLE_TWIN[FOLDED_NAME]]


def tantivy_shingles(text: str) -> list[str]:
    """The shingles of ``text`` made from the ``vocab`` field's terms and positions as tantivy itself
    makes them: two terms whose positions follow each other; of a Han, kana or Hangul character and
    its neighbour, only where nothing stands between them in the text but a middle dot between two
    such characters (한·일), as the query analyzer (the regular expression, which needs no spaces
    around those characters) places them."""
    value = unstored(normalize(text), FOLDED_NAME)
    tokens = value.tokens if isinstance(value, tantivy.PreTokenizedString) else SIMPLE_FOLDED.pre_tokenize(value).tokens
    bare = analyzers.without_marks(normalize(text))
    placed = analyzers.ANALYZERS[FOLDED_NAME].pre_tokenize(bare).tokens
    assert [(t.text, t.position) for t in placed] == [(t.text, t.position) for t in tokens]  # the same words, in place

    def own(token: tantivy.Token) -> bool:
        return analyzers.OWN_WORD_CHAR.fullmatch(token.text) is not None

    def joined(a: tantivy.Token, b: tantivy.Token) -> bool:  # nothing between, or a middle dot (ㆍ normalized to ·) between two
        between = bare[a.char_offset_to : b.char_offset_from]
        return between == "" or own(a) and own(b) and between in ("·", "‧", "・", "･")

    return [
        f"{a.text}_{b.text}"
        for a, b in zip(placed, placed[1:])
        if b.position == a.position + 1
        and (not (own(a) or own(b)) or joined(a, b))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "the Secretary’s “urgent” telegram — 3½ pages, 2nd copy, §4 «Note» 20° · x",
        "plain ASCII: Chou En-lai's talks of 22.XII.1949, No. 1,234; snake_case __init__",
        "Gomułka, Straße, Ærø, Øresund, İstanbul, Điện Biên Phủ",
        "대한민국은 1948년에 UN에서 改革开放 Mao (毛泽东)",
        "미 합중국 및 캐나다 국빈방문; 赤字规模4.06万亿元，比上年 …_元 元_x 台ab湾 Ⓐ台湾",  # no shingle across a space or a comma
        "한·일 남ㆍ북 ジョージ・ワシントン 한 · 일 한··일 한·x 中‧美 남･북",  # but across one middle dot between two such characters
        "Хрущёв и Громыко, Ἀθῆναι, हिन्दी, q\u0307, Ⓐ",
        "x" * 160 + " kept " + "y" * 161 + " dropped",
        "z" * 45 + " kept, a long run read by positions",  # words of MAX_TOKEN_BYTES bytes or more are left out
        "The Secretary " + "x" * 170 + " of State said so.",  # ... and no shingle joins the words around them
        "Ärzte " + "é" * 90 + " und Staatssekretär",  # the same beyond ASCII, where tantivy cuts the words
        "ª º ² µ ½ are letters and numbers beyond ASCII",
        "",
    ],
)
def test_value_shingles_are_tantivys_neighbouring_vocab_terms(text: str) -> None:
    assert value_shingles(unstored(normalize(text), FOLDED_NAME), normalize(text)) == tantivy_shingles(text)


def test_han_and_hangul_characters_make_shingles_only_with_what_touches_them() -> None:
    def of(text: str) -> list[str]:
        return value_shingles(unstored(normalize(text), FOLDED_NAME), normalize(text))

    assert of("캐나다 국빈방문") == ["캐_나", "나_다", "국_빈", "빈_방", "방_문"]  # no 다_국
    assert of("4.06万亿元，比上年") == ["4_06", "06_万", "万_亿", "亿_元", "比_上", "上_年"]  # no 元_比
    assert of("1948년에 UN에서") == ["1948_년", "년_에", "un_에", "에_서"]  # digits and Latin letters touching them pair
    assert of("Port, Arthur") == ["port_arthur"]  # other words pair across punctuation, as a phrase finds them


def test_real_texts_give_the_same_words_by_either_path() -> None:
    """Every title and text of a FRUS volume (curly quotes, dashes, accented names) and of the
    multilingual fixture."""
    records = frus1949v07p1()
    texts = [value for r in records for value in (r.title, r.summary, *(t.body for t in r.texts))]
    texts += [t["body"] for row in LANGUAGE_ROWS for t in row["texts"]] + [row["title"] for row in LANGUAGE_ROWS]
    assert len(texts) > 800
    for text in texts:
        assert value_shingles(unstored(normalize(text), FOLDED_NAME), normalize(text)) == tantivy_shingles(text)


def test_a_dropped_long_word_keeps_the_words_around_it_apart() -> None:
    text = "the secretary " + "x" * 170 + " of state"
    assert value_shingles(text, text) == ["the_secretary", "of_state"]


def test_shingles_are_neighbouring_words() -> None:
    assert shingles(["secretary", "of", "state"]) == ["secretary_of", "of_state"]
    assert shingles(["state"]) == []
    assert shingles([]) == []


def test_every_search_field_has_its_shingles_and_the_texts_share_one() -> None:
    fields = {name for name, _, _ in schema._field_specs()}
    for field in schema.SEARCH_FIELDS:
        assert schema.shingle_field(field) in fields
    assert schema.shingle_fields("text") == [("text_shingles", 1.0)]
    assert ("title_shingles", 3.0) in schema.shingle_fields(None)


def test_phrases_and_han_or_hangul_words_are_sought_by_shingles(make_index, make_records) -> None:
    index = make_index(make_records())

    def query(q: str) -> str:
        return repr(to_tantivy(parse(q).node, index.schema, index.searcher()))

    two = query('"Port Arthur"')
    assert "port_arthur" in two and "PhraseQuery" not in two  # one shingle: a term, no positions read
    assert '"secretary_of"' in query('"Secretary of State"') and '"of_state"' in query('"Secretary of State"')
    assert '"대_한"' in query("대한민국") and '"민_국"' in query("대한민국")
    # a hyphenated word stays stemmed word by word ("Sino-Soviets" is found), not shingled
    assert "sino_soviet" not in query("Sino-Soviet")


def all_hits(index, q: str) -> set[str]:
    """Identifiers of every hit of ``q``, page after page."""
    found: set[str] = set()
    page = 1
    while True:
        result = search(SearchRequest(q=q, page=page, page_size=100), index)
        found |= {h.identifier for h in result.hits}
        if page >= result.last_page:
            return found
        page += 1


@pytest.mark.parametrize(
    "phrase",
    ["Secretary of State", "Chinese Communists", "Chiang Kai-shek", "Mao Tse-tung", "in the interest of", "United States Government", "of the"],
)
def test_a_quoted_phrase_finds_exactly_the_documents_holding_it(demo_volumes, phrase: str) -> None:
    """In a real FRUS volume (423 documents), checked against the records' own text by a regular expression."""
    expected = set(naming(frus1949v07p1(), phrase))
    assert expected, phrase
    assert all_hits(demo_volumes("frus1949v07p1"), f'"{phrase}"') == expected


@pytest.fixture(scope="module")
def prc_reports(make_index):
    """An index of the 72 PRC government work reports of the shared corpora (skipped without them)."""
    from legation.ingest.readers import read_file
    from tests.conftest import shared_data

    records = list(read_file(shared_data("prc-government-work-reports-zh/government_work_reports.jsonl.gz"), "prc-reports"))
    return make_index(records)


# The 1981 report writes "…增长幅度低得多，而人民生活水平提高的幅度又大大低于国民收入增长的幅度，…"
PASTED = "幅度低得多而人民生活"  # a fresh user's sentence from another edition, without the comma
LONG_RUN = "我国三十二年来国民收入的增长幅度比工农业总产值的增长幅度低得多而人民生活水平提高的幅度又大大低于国民收入增长的幅度"


@pytest.mark.parametrize("q", [PASTED, f'"{PASTED}"', LONG_RUN])
def test_a_chinese_run_without_the_texts_punctuation_is_found_and_said_so(prc_reports, q: str) -> None:
    result = search(SearchRequest(q=q), prc_reports)
    assert result.total == 1 and "1981" in result.hits[0].identifier
    assert result.notice.startswith("Nothing was found as written; with punctuation or spaces allowed between the characters of ")
    assert "160 bytes" not in result.notice


@pytest.mark.parametrize("q", [PASTED, f'"{PASTED}"', LONG_RUN])
def test_a_chinese_run_found_across_the_texts_punctuation_is_marked_there(prc_reports, q: str) -> None:
    # the 1981 report was found, but no passage showed why: its characters, a comma between them, were marked nowhere
    hit = search(SearchRequest(q=q), prc_reports).hits[0]
    passage = next(s for s in hit.snippets_html if "<mark>" in s)
    marked = re.findall("<mark>(.*?)</mark>", passage)
    assert "".join(marked) == q.strip('"') and len(marked) == 2 and "低得多</mark>，<mark>而" in passage  # the text's comma between, unmarked


def test_a_run_found_as_written_and_a_short_run_are_not_sought_across_punctuation(prc_reports) -> None:
    written = search(SearchRequest(q="幅度低得多，而人民生活"), prc_reports)
    assert written.total == 1 and "punctuation" not in written.notice
    # 元比 is no word of "亿元，比上年": a word is not found across a comma
    assert search(SearchRequest(q="元比"), prc_reports).total == 0
    assert not user_query.sought_apart(parse("低得多而").node) and user_query.sought_apart(parse(PASTED).node)


def test_a_long_chinese_run_is_no_word_too_long() -> None:
    assert analyzers.too_long(LONG_RUN) == [] and parse(LONG_RUN).notice == ""
    assert analyzers.too_long("中" + "a" * 170) == ["a" * 170]


def test_a_korean_sentence_without_its_comma_finds_its_speech(make_index) -> None:
    # a speech writes "나차긴 바가반디 대통령 각하 내외분,그리고 자리를 함께 하신 내외귀빈 여러분!": without the
    # comma the sentence found nothing with all its words, and the most-words fallback showed every speech
    from legation.ingest.readers import read_file
    from tests.conftest import shared_data

    some, welcome = [], None
    for record in read_file(shared_data("korean-presidential-speeches-ko/speeches.jsonl.gz"), "korean-speeches"):
        if "바가반디 대통령 각하 내외분,그리고" in record.texts[0].body:
            welcome = record
        elif len(some) < 300:
            some.append(record)
    assert welcome is not None
    result = search(SearchRequest(q="나차긴 바가반디 대통령 각하 내외분그리고 자리를 함께 하신 내외귀빈 여러분"), make_index([*some, welcome]))
    assert result.total == 1 and result.hits[0].identifier == welcome.identifier
    assert "'내외분그리고'" in result.notice
    marked = [m for s in result.hits[0].snippets_html for m in re.findall("<mark>(.*?)</mark>", s)]
    assert "내외분" in marked and "그리고" in marked  # where the speech writes "내외분,그리고"


@pytest.fixture(scope="module")
def korea_japan(make_index):
    """Korean presidential speeches of the shared corpora writing 한 and 일 side by side (한일), with a
    middle dot between them as texts type it (한·일, 한・일, 한ㆍ일), or a space (한 일, "a thing done"):
    up to thirty of each (the first way each writes them), and the records (skipped without them)."""
    from legation.ingest.readers import read_file
    from tests.conftest import shared_data

    kinds = {"dot": "한·일", "katakana dot": "한・일", "arae-a": "한ㆍ일", "joined": "한일", "space": "한 일"}
    chosen: dict[str, list] = {kind: [] for kind in kinds}
    for record in read_file(shared_data("korean-presidential-speeches-ko/speeches.jsonl.gz"), "korean-speeches"):
        kind = next((k for k, written in kinds.items() if written in " ".join(t.body for t in record.texts)), None)
        if kind is not None and len(chosen[kind]) < 30:
            chosen[kind].append(record)
    records = [r for found in chosen.values() for r in found]
    assert all(len(found) >= 10 for found in chosen.values())
    return make_index(records), records


@pytest.mark.parametrize("q", ["한일", "한·일", "한ㆍ일", '"한·일"'])
def test_korean_syllables_joined_by_a_middle_dot_are_one_word_written_either_way(korea_japan, q: str) -> None:
    # 한·일 (Korea–Japan), typed with its dot, was sought by the positions of 한 and 일 and found "한 일" (a thing
    # done) across a space: 2,080 of the 8,771 speeches, against 210 for 한일, which missed the speeches writing 한·일
    import re

    index, records = korea_japan
    def text(r) -> str:
        return " ".join([r.title, r.summary, *r.subjects, *(t.body for t in r.texts)])
    expected = {r.identifier for r in records if re.search("한[·・ㆍ]?일", text(r))}
    found = all_hits(index, q)
    assert found == expected and len(found) >= len(records) - 30  # all but those writing 한 일 alone
    hit = search(SearchRequest(q=q), index).hits[0]
    assert any(re.search("<mark>한</mark>[·・ㆍ]?<mark>일</mark>|<mark>한[·・ㆍ]?일</mark>", s) for s in hit.snippets_html)

