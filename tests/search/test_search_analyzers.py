"""The analyzers: folding, stemming and hyphenated words."""

from __future__ import annotations

import pytest

from legation.search.analyzers import folded, terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gomułka", ["gomulka"]),
        ("Müller Ærø", ["muller", "aero"]),
        ("Chou En-lai", ["chou", "en", "lai"]),
        ("Sino-Soviet treaties", ["sino", "soviet", "treati"]),
        ("treaty", ["treati"]),
        ("negotiations negotiated", ["negoti", "negoti"]),
        ("<b>&amp;</b>", ["b", "amp", "b"]),
        ("x" * 160, ["x" * 160]),  # up to 4 bytes a letter for 40 letters: 160 ASCII letters
        ("x" * 161, []),  # over-long tokens are dropped
    ],
)
def test_terms(text: str, expected: list[str]) -> None:
    assert terms(text) == expected


def test_folded_does_not_stem() -> None:
    assert folded("Negotiations with Gomułka") == ["negotiations", "with", "gomulka"]


def test_ascii_text_is_analyzed_on_the_simple_tokenizer_into_the_same_terms() -> None:
    """terms() and folded() give ASCII text to each analyzer's twin on tantivy's simple tokenizer
    (a tenth of the regular-expression tokenizer's cost): every ASCII character, alone and inside
    a word, and 5,000 random ASCII strings (every character, controls too) give each analyzer's
    own terms; a word of 160 letters is kept and one of 161 dropped alike."""
    import random

    from legation.search.analyzers import _ON_ASCII, ANALYZERS, FOLDED_NAME, without_marks

    rng = random.Random(12)
    texts = [f"{chr(c) * 3} a{chr(c)}b {chr(c)}" for c in range(128)]
    texts += ["".join(chr(rng.randrange(128)) for _ in range(rng.randint(1, 60))) for _ in range(5000)]
    texts += ["x" * 160 + " y", "x" * 161 + " y", "Treaties of 1950, Chou En-lai's visit_to MOSCOW"]
    for name, analyzer in ANALYZERS.items():
        assert [list(_ON_ASCII[name].analyze(t)) for t in texts] == [list(analyzer.analyze(t)) for t in texts], name
        # terms() reads past marks of transliteration first (Wade-Giles' apostrophe: "k'a" is "ka")
        assert [terms(t, name) for t in texts] == [list(analyzer.analyze(without_marks(t))) for t in texts], name
    assert [folded(t) for t in texts] == [list(ANALYZERS[FOLDED_NAME].analyze(t)) for t in texts]


def test_own_word_char_is_what_the_tokenizer_makes_a_word_of_its_own() -> None:
    """Snippets and autocomplete use OWN_WORD_CHAR; tantivy's regex tokenizer (TOKEN_PATTERN) is
    asked about every code point past ASCII, each after an "a": a character it gives as a token
    of its own is one, any other is not (about 2 s)."""
    from tantivy import TextAnalyzerBuilder, Tokenizer

    from legation.search.analyzers import OWN_WORD_CHAR, TOKEN_PATTERN

    codes = [c for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000]
    tokens = TextAnalyzerBuilder(Tokenizer.regex(TOKEN_PATTERN)).build().analyze(" ".join("a" + chr(c) for c in codes))
    alone = {t for t in tokens if len(t) == 1} - {"a"}
    assert len(alone) > 100_000  # Han (with its extensions), kana, Hangul
    assert {chr(c) for c in codes if OWN_WORD_CHAR.fullmatch(chr(c))} == alone
    assert [bool(OWN_WORD_CHAR.fullmatch(c)) for c in "周김かカ𠀀é-"] == [True] * 5 + [False] * 2


def test_own_word_chars_counts_them_and_skips_a_text_without_any_quickly() -> None:
    from legation.search.analyzers import _OWN_WORD_NEAR, OWN_WORD_CHAR, own_word_chars

    # the quick test holds every such character, and not the quotes and dashes of English texts
    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000 and OWN_WORD_CHAR.match(chr(c)))
    assert len(_OWN_WORD_NEAR.findall(every)) == len(every)
    assert _OWN_WORD_NEAR.search("“The Secretary’s” reply — Gomułka, İstanbul, Хрущёв, Điện Biên Phủ…") is None
    assert own_word_chars("周恩来 said “yes” to 김일성") == 6
    assert own_word_chars("周恩来 said", 3) == own_word_chars("“no”") == 0


def test_han_simplified_replaces_each_traditional_character_or_translates_a_dense_text(monkeypatch) -> None:
    # A Korean speech of 1964 writes some words in Hanja (韓國民, 永遠, 將軍): few traditional characters,
    # replaced where they stand; a text dense with them is translated whole; both give the same text.
    import json

    from legation.search import analyzers
    from tests.conftest import FIXTURES

    rows = [json.loads(line) for line in (FIXTURES / "languages" / "languages.jsonl").read_text().splitlines() if line.strip()]
    speech = next(r for r in rows if r["identifier"] == "ko-1964-macarthur")["texts"][0]["body"]
    whole = speech.translate(analyzers.simplified_han())
    assert whole != speech and "韩国民" in whole and "将军" in whole
    assert analyzers.han_simplified(speech) == whole
    monkeypatch.setattr(analyzers, "DENSE", 1)
    assert analyzers.han_simplified(speech) == whole
    simplified = next(r for r in rows if r["identifier"] == "zh-2025-reform")["texts"][0]["body"]
    assert analyzers.han_simplified(simplified) is simplified  # none to replace: the text itself
