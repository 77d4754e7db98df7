"""Unstored fields (``vocab``, names, source …) are indexed through tantivy's simple tokenizer
(analyzers.unstored): every value must still get exactly the terms and positions that the
queries' regular-expression analyzers give it, in every script."""

from __future__ import annotations

import pytest
import tantivy

from legation.search import analyzers, schema
from legation.search.analyzers import FOLDED_NAME, SIMPLE_TWIN, STEMMED_NAME, normalize, unstored
from tests.search.fixtures import hit_ids, records_of


def indexed(text: str, analyzer: str) -> list[tuple[str, int]]:
    """(term, position) tantivy indexes for ``text`` in an unstored field queried with ``analyzer``."""
    value = unstored(normalize(text), analyzer)
    if isinstance(value, str):
        tokens = analyzers.ANALYZERS[SIMPLE_TWIN[analyzer]].pre_tokenize(value).tokens
    else:
        tokens = value.tokens
    return [(t.text, t.position) for t in tokens]


def queried(text: str, analyzer: str) -> list[tuple[str, int]]:
    """(term, position) the queries' analyzer gives ``text`` (as :func:`analyzers.terms` does)."""
    return [(t.text, t.position) for t in analyzers.ANALYZERS[analyzer].pre_tokenize(analyzers.without_marks(normalize(text))).tokens]


@pytest.mark.parametrize("analyzer", [FOLDED_NAME, STEMMED_NAME])
@pytest.mark.parametrize(
    ("text", "how"),
    [
        ("Chou En-lai's talks of 22.XII.1949, No. 1,234", "plain"),
        ("the Secretary’s “urgent” telegram — 3½ pages, 2nd copy, §4", "plain"),
        ("snake_case and __init__ and x_1", "plain"),  # "_" separates words in both
        ("Ἀθῆναι, ΟΔΟΣ, Αθήνα, οδός", "plain"),
        ("Хрущёв и Громыко, Ёлка", "plain"),
        ("İstanbul'da Mısır çölleri, İNÖNÜ", "plain"),
        ("Điện Biên Phủ, Nguyễn Ái Quốc", "plain"),
        ("Gomułka, Straße, Ærø, Øresund", "plain"),
        ("हिंदी", "plain"),  # vowel signs: word characters for both tokenizers
        ("대한민국은 1948년에 UN에서", "spaced"),
        ("2025年改革开放有新突破，“一带一路”", "spaced"),
        ("東京でカタカナとひらがな", "spaced"),
        ("Mao Zedong (毛泽东) and Chou En-lai (周恩来)", "spaced"),
        ("हिन्दी", "pre-tokenized"),  # the virama: a word character for one tokenizer only
        ("q\u0307 and ʿulemā", "plain"),  # a combining mark NFC cannot compose, a half ring: dropped
        ("Ⓐ circled", "pre-tokenized"),  # a symbol one tokenizer takes for a letter
        ("㉠ 가", "pre-tokenized"),  # a Hangul symbol the regex tokenizer keeps as a word
        ("𠀀 rare Han, 😀", "pre-tokenized"),  # beyond the BMP
        ("x" * 41 + " long 台" + "y" * 45, "spaced"),  # over-long words dropped alike
    ],
)
def test_unstored_values_get_the_query_analyzers_terms(text: str, how: str, analyzer: str) -> None:
    value = unstored(normalize(text), analyzer)
    kind = "pre-tokenized" if isinstance(value, tantivy.PreTokenizedString) else "spaced" if value != analyzers.without_marks(normalize(text)) else "plain"
    assert kind == how
    assert indexed(text, analyzer) == queried(text, analyzer)


def test_the_underscore_and_apostrophe_separate_words() -> None:
    assert analyzers.folded("snake_case Chou's") == ["snake", "case", "chou", "s"]
    assert [t for t, _ in indexed("snake_case Chou's", FOLDED_NAME)] == ["snake", "case", "chou", "s"]


def test_every_character_of_the_bmp_is_cut_alike() -> None:
    """Each BMP character between letters, digits and spaces: all those given to the simple
    tokenizer (plain or spaced) in one value each, against the regular-expression analyzer."""
    special, different, cut = analyzers.token_classes()
    chars = [chr(c) for c in range(0x80, 0x10000) if not 0xD800 <= c < 0xE000]
    plain = [ch for ch in chars if not special.match(ch)]
    spaced = [ch for ch in chars if special.match(ch) and not different.match(ch)]
    assert len(plain) > 20_000 and len(spaced) > 30_000  # spaced: Han, kana, Hangul
    assert {"é", "ł", "α", "ж", "ı", "ữ", "’", "—"} <= set(plain) and {"大", "ひ", "カ", "한"} <= set(spaced)
    for group, kind in ((plain, str), (spaced, str)):
        text = " ".join(f"a{ch}b {ch} 1{ch}2{ch}" for ch in group)
        for analyzer in (FOLDED_NAME, STEMMED_NAME):
            assert isinstance(unstored(text, analyzer), kind)
            assert indexed(text, analyzer) == queried(text, analyzer)
    dropped = [ch for ch in chars if analyzers.STRAY_MARK.match(ch)]
    # U+02B9 to U+02BF, the five blocks of combining diacritics, and the 16 variation selectors of the BMP
    assert len(dropped) == 7 + 112 + 80 + 64 + 48 + 16 + 16
    assert all(unstored(f"a{ch}b", FOLDED_NAME) == "ab" for ch in dropped)
    assert all(isinstance(unstored(f"a{ch}b", FOLDED_NAME), tantivy.PreTokenizedString) for ch in chars if different.match(ch) and ch not in dropped)


def test_ascii_is_cut_alike() -> None:
    text = " ".join(f"a{chr(c)}b {chr(c)} 1{chr(c)}2" for c in range(0x20, 0x80))
    assert unstored(text, FOLDED_NAME) == text
    assert indexed(text, FOLDED_NAME) == queried(text, FOLDED_NAME)
    assert indexed(text, STEMMED_NAME) == queried(text, STEMMED_NAME)


def test_unstored_fields_are_indexed_by_the_simple_twins_and_queried_as_before() -> None:
    specs = {name: options for name, _, options in schema._field_specs()}
    assert specs[schema.VOCAB_FIELD]["tokenizer_name"] == SIMPLE_TWIN[FOLDED_NAME]
    assert specs["names"]["tokenizer_name"] == SIMPLE_TWIN[FOLDED_NAME]  # names are not stemmed
    assert specs["subject"]["tokenizer_name"] == SIMPLE_TWIN[STEMMED_NAME]
    assert specs["title"]["tokenizer_name"] == STEMMED_NAME  # stored: snippets need its offsets
    assert schema.ANALYZER_OF[schema.VOCAB_FIELD] == FOLDED_NAME
    assert schema.ANALYZER_OF["names"] == FOLDED_NAME and schema.ANALYZER_OF["subject"] == STEMMED_NAME


# --- a real index -------------------------------------------------------------------------------

RECORDS = [
    {
        "identifier": "ko-un",
        "title": "UN 인사",
        "language": "ko",
        "agents": [{"key": "park", "name": "박정희", "role": "sender"}],
        "texts": [{"kind": "transcript", "language": "ko", "body": "우리 대한민국은 1948년에 UN에서 합법적인 정부로서 승인되었고"}],
    },
    {
        "identifier": "zh-reform",
        "title": "政府工作报告",
        "language": "zh",
        "agents": [{"key": "zhou", "name": "周恩来", "role": "sender"}],
        "texts": [{"kind": "transcript", "language": "zh", "body": "改革开放有新突破，共建“一带一路”贸易投资合作不断扩容升级。"}],
    },
    {
        "identifier": "ja-tokyo",
        "title": "会談録",
        "language": "ja",
        "agents": [{"key": "yoshida", "name": "吉田茂", "role": "recipient"}],
        "texts": [{"kind": "transcript", "language": "ja", "body": "東京で日米安全保障条約について話し合った。"}],
    },
    {
        "identifier": "hi-note",
        "title": "Note",
        "language": "hi",
        "agents": [{"key": "nehru", "name": "जवाहरलाल नेहरू", "role": "sender"}],
        "texts": [{"kind": "transcript", "language": "hi", "body": "हिन्दी भाषा में पत्र"}],
    },
]


@pytest.fixture(scope="module")
def index(make_index):
    return make_index(records_of(RECORDS))


ids = hit_ids


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"대한민국"', {"ko-un"}),  # exact phrases are matched in vocab: inside the eojeol 대한민국은
        ('"합법적인 정부"', {"ko-un"}),
        ('"민국대한"', set()),
        ('"改革开放"', {"zh-reform"}),
        ('"一带一路"', {"zh-reform"}),
        ('"开改"', set()),
        ('"安全保障"', {"ja-tokyo"}),
        ('"日米安全保障条約"', {"ja-tokyo"}),
        ('"हिन्दी भाषा"', {"hi-note"}),
        ("from:박정희", {"ko-un"}),  # names fields are unstored too
        ("from:정희", {"ko-un"}),
        ("from:恩来", {"zh-reform"}),
        ("to:吉田", {"ja-tokyo"}),
        ("from:नेहरू", {"hi-note"}),
        ("from:吉田", set()),
        ("合作*", {"zh-reform"}),  # prefix* expands vocab terms
    ],
)
def test_cjk_words_are_found_in_unstored_fields_inside_unspaced_text(index, query: str, expected: set[str]) -> None:
    assert ids(index, query) == expected


def test_vocab_terms_are_single_characters(index) -> None:
    searcher = index.searcher()
    assert searcher.doc_freq(schema.VOCAB_FIELD, "대") == 1
    assert searcher.doc_freq(schema.VOCAB_FIELD, "대한민국은") == 0
    assert searcher.doc_freq(schema.VOCAB_FIELD, "改") == 1
    assert searcher.doc_freq(schema.VOCAB_FIELD, "हिन्दी") == 1
