"""Text analyzers: how document text and query words become index terms, in every script.

Every analyzer runs the same chain, index and query alike:

1. :func:`normalize` (Python, before tantivy): Unicode NFC, then a one-for-one character map for
   what tantivy's filters leave unfolded: Turkish ``İ`` → ``I`` (tantivy lowercases it to ``i`` +
   combining dot), Greek accents and diaeresis dropped and final ``ς`` → ``σ``, Cyrillic ``ё`` →
   ``е``. The map keeps every character in place, so token offsets still point into the original
   text (see :func:`indexable`).
2. The tokenizer :data:`TOKEN_PATTERN`: a run of letters, digits and combining marks is a word,
   except that every Han, kana and Hangul character is a word on its own. A Chinese, Japanese or
   Korean word in a query (``改革开放``, ``대한민국``) is therefore searched as the phrase of its
   characters: it is found inside unspaced sentences and inside a Korean eojeol with its particle
   (``대한민국은``). Mixed-script text (a Chinese name in an English report) is cut the same way
   in every field.
3. Drop tokens over :data:`MAX_TOKEN_CHARS`; lowercase; tantivy's ASCII folding (``Gomułka`` →
   ``gomulka``, ``Lüshun`` → ``lushun``, ``Điện Biên Phủ`` → ``dien bien phu``, ``ß`` → ``ss``,
   ``Ø`` → ``o``, ``ı`` → ``i``).
4. Only for the analyzers of :data:`STEMMERS`: the Snowball stemmer of that language
   (``treaties`` → ``treati``; German ``Verträge`` → ``vertrag``).

:data:`STEMMED_NAME` (English) is the analyzer of every metadata field; the text of documents is
analyzed by its language (``schema.TEXT_LANGUAGES``). :data:`FOLDED_NAME` is the chain without a
stemmer: the ``vocab`` field (``prefix*`` expansion and exact ``"phrases"``) and texts in languages
without a stemmer here. Both index and query go through these objects, so a query word always
meets the term its document text produced.
"""

from __future__ import annotations

import re
import unicodedata

import tantivy
from tantivy import Filter, PreTokenizedString, TextAnalyzer, TextAnalyzerBuilder, Tokenizer

# Bump when an analyzer changes how text becomes terms: the schema fingerprint then asks for a reindex.
VERSION = 2
STEMMED_NAME = "legation_en"
FOLDED_NAME = "legation_folded"
MAX_TOKEN_CHARS = 40

_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
TOKEN_PATTERN = rf"[{_CJK}]|[[\p{{L}}\p{{N}}\p{{M}}]--[{_CJK}]]+"

ENGLISH_TEXT_NAME = "legation_en_text"

# analyzer name → Snowball language (None: folded, no stemming)
STEMMERS: dict[str, str | None] = {
    STEMMED_NAME: "english",
    # English document text: split on non-alphanumerics like tantivy's simple tokenizer, not cut
    # into CJK characters: snippets re-tokenize every hit's whole text, and the regex tokenizer is
    # ~8x slower (search p50 +8 ms on the demo). Han inside English text is found as whole runs.
    ENGLISH_TEXT_NAME: "english",
    "legation_de": "german",
    "legation_fr": "french",
    "legation_tr": "turkish",
    "legation_ru": "russian",
    FOLDED_NAME: None,
}


def _fold_table() -> dict[int, str]:
    table = {ord("İ"): "I", ord("ς"): "σ", ord("ё"): "е", ord("Ё"): "Е"}
    for code in range(0x0370, 0x0400):  # Greek and Coptic: ά → α, ΐ → ι …
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if len(base) == 1 and base != ch:
            table[code] = base
    for code in range(0x1F00, 0x2000):  # Greek Extended (polytonic): ἀ ῆ ὧ …
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if len(base) == 1 and base != ch and "\u0370" <= base < "\u0400":
            table[code] = base
    return table


_FOLD = _fold_table()
_FOLD_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]")


def _has_fold_chars(text: str) -> bool:
    """Whether ``text`` holds a character of ``_FOLD`` (all non-ASCII; hot while indexing, so
    ASCII texts are answered by ``str.isascii`` without a scan in Python)."""
    return not text.isascii() and _FOLD_CHARS.search(text) is not None


def normalize(text: str) -> str:
    """``text`` in NFC with the characters tantivy does not fold mapped one for one (same length
    as the NFC text): ``İstanbul`` → ``Istanbul``, ``Αθήνα`` → ``Αθηνα``, ``ΟΔΟΣ``/``οδός`` →
    ``ΟΔΟΣ``/``οδοσ``, ``ёлка`` → ``елка``."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.translate(_FOLD) if _has_fold_chars(text) else text


def _build(name: str) -> TextAnalyzer:
    stemmer = STEMMERS[name]
    tokenizer = Tokenizer.simple() if name == ENGLISH_TEXT_NAME else Tokenizer.regex(TOKEN_PATTERN)
    builder = (
        TextAnalyzerBuilder(tokenizer)
        .filter(Filter.remove_long(MAX_TOKEN_CHARS))
        .filter(Filter.lowercase())
        .filter(Filter.ascii_fold())
    )
    if stemmer:
        builder = builder.filter(Filter.stemmer(stemmer))
    return builder.build()


ANALYZERS: dict[str, TextAnalyzer] = {name: _build(name) for name in STEMMERS}
STEMMED: TextAnalyzer = ANALYZERS[STEMMED_NAME]
FOLDED: TextAnalyzer = ANALYZERS[FOLDED_NAME]


def register(index: tantivy.Index) -> None:
    """Register Legation's analyzers on an open index (needed on every open: tantivy does not
    store analyzers in the index, only their names)."""
    for name in STEMMERS:
        index.register_tokenizer(name, _build(name))


def terms(text: str, analyzer: str = STEMMED_NAME) -> list[str]:
    """Index terms of ``text`` as a field analyzed by ``analyzer`` stores them, e.g.
    ``"Chou En-lai's"`` → ``["chou", "en", "lai", "s"]``, ``"台湾"`` → ``["台", "湾"]``."""
    return list(ANALYZERS[analyzer].analyze(normalize(text)))


def folded(text: str) -> list[str]:
    """Lowercased, folded, unstemmed tokens of ``text`` (the ``vocab`` field's terms)."""
    return list(FOLDED.analyze(normalize(text)))


def indexable(text: str, analyzer: str) -> list[str | PreTokenizedString]:
    """The values to give a *stored* field for ``text``: the text itself when tantivy's own
    analysis of it equals ours (nearly always); else its paragraphs, those that :func:`normalize`
    changes as pre-tokenized strings that store the original and index the terms of the
    normalized form (same offsets, as the map is one for one). Unchanged paragraphs stay plain
    text so snippets can still be cut from them (tantivy's snippets skip pre-tokenized values).
    Unstored fields simply take ``normalize(text)``."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not _has_fold_chars(text):
        return [text]
    parts: list[str | PreTokenizedString] = []
    for paragraph in text.split("\n\n"):
        if not _has_fold_chars(paragraph):
            parts.append(paragraph)
        else:
            tokens = ANALYZERS[analyzer].pre_tokenize(paragraph.translate(_FOLD)).tokens
            parts.append(PreTokenizedString(paragraph, tokens))
    return parts
