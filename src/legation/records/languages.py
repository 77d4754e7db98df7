"""Language codes as every reader stores them: one BCP 47 tag per value, deprecated codes replaced.

Sources write the language of a document in many ways: ISO 639-1 codes current and withdrawn
(Dodis TEI has ``iw`` for Hebrew, which ISO replaced by ``he`` in 1989), ISO 639-2 codes
(``heb``, ``ger``), any case (``EN``), underscores (``zh_cn``). :func:`language_tag` gives the
tag a search for the language finds, so that ``language:he`` matches every Hebrew document.
The replacements are those of the IANA language subtag registry and CLDR, through ``langcodes``
(``iw`` → ``he``, ``in`` → ``id``, ``ji`` → ``yi``, ``jw`` → ``jv``, ``mo`` → ``ro``, ``sh`` →
``sr-Latn``, a three-letter code with a two-letter one → the two-letter code); the other tags are
kept, their subtags in the registry's case (``zh-cn`` → ``zh-CN``).

A value that is no valid tag ("klingon-xx", "English", "xx") is kept as the source wrote it, so no
document is lost over its language, but :func:`invalid_languages` finds it, and the ingest report
names it in a note (:func:`legation.ingest.readers.read_file`) with :data:`LANGUAGE_RULE`.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import functools

import langcodes

from legation.records.document_record import DocumentRecord


@lru_cache(maxsize=1024)
def language_tag(code: str) -> str:
    """The normalized BCP 47 tag of ``code`` (see the module docstring); ``""`` for an empty one.
    A value that is no language tag ("English", "n/a") is kept as given, trimmed, as the source's
    own word: it never raises."""
    code = (code or "").strip()
    if not code:
        return ""
    try:
        return langcodes.standardize_tag(code.replace("_", "-"))
    except ValueError:  # langcodes.tag_parser.LanguageTagError is a ValueError
        return code


LANGUAGE_RULE = (
    "write a BCP 47 language tag, an ISO 639 code with optional script or region (en, de, fr, ru, zh-Hant, "
    "ota for Ottoman Turkish; und when the language is unknown)"
)
"""What to write instead of a language value that is no tag: the end of every message about one."""


@lru_cache(maxsize=1024)
def is_language_tag(code: str) -> bool:
    """Whether ``code`` is a valid BCP 47 tag: well formed, every subtag in the IANA language subtag
    registry, as ``langcodes.tag_is_valid`` checks, after trimming and reading ``_`` as ``-``.
    ``"en"``, ``"zh-Hant"``, ``"iw"``, ``"ota"``, ``"und"``, ``"x-private"`` are; ``"klingon-xx"``,
    ``"English"``, ``"zz"``, ``""`` are not. Used by ingest (:func:`invalid_languages`) and by the
    query notices (a ``language:`` word that is no tag)."""
    try:
        return bool(code.strip()) and langcodes.tag_is_valid(code.strip().replace("_", "-"))
    except ValueError:
        return False


def invalid_languages(record: DocumentRecord) -> list[tuple[str, str]]:
    """``(field, value)`` for each language of ``record`` that is no valid tag (:func:`is_language_tag`):
    ``("language", "klingon-xx")``, ``("language of text 2", "xx")``; a text's language that is the
    document's, already named, is not named again. ``[]`` when all are valid."""
    found = [] if is_language_tag(record.language) else [("language", record.language)]
    for i, text in enumerate(record.texts, 1):
        if not is_language_tag(text.language) and text.language != record.language:
            found.append((f"language of text {i}", text.language))
    return found


def with_language_tags(record: DocumentRecord) -> DocumentRecord:
    """``record`` with its language and its texts' languages made :func:`language_tag`s (in place)."""
    record.language = language_tag(record.language) or record.language
    for text in record.texts:
        text.language = language_tag(text.language) or text.language
    return record



# ISO 15924 scripts written right to left (Unicode's bidirectional class R or AL)
RTL_SCRIPTS = frozenset(
    "Adlm Arab Aran Armi Avst Chrs Cprt Elym Hatr Hebr Hung Khar Lydi Mand Mani Mend Merc Mero Narb Nbat Nkoo Orkh "
    "Ougr Palm Phli Phlp Phnx Prti Rohg Samr Sarb Sogd Sogo Syrc Syre Syrj Syrn Thaa Yezi".split()
)
_SNIFFED = 2000  # characters of a text looked at for a letter written right to left


def text_direction(code: str, text: str = "") -> str:
    """The direction (``"rtl"`` or ``"ltr"``, HTML's ``dir``) of a text in the language ``code``:
    by its BCP 47 script subtag (``az-Arab``, ``ota-Latn``); without one, by the language's usual
    script (CLDR's likely subtags: ``he``, ``ar``, ``fa``, ``ur``, ``yi``, ``syr``, ``ota`` are written
    right to left) when ``text`` (its opening) holds a letter written right to left too: sources tag
    a transliteration with the language alone (``ota`` for Ottoman in Latin letters). A value that
    is no tag, or ``und``, goes by ``text`` alone."""
    written, usual = _scripts(code)
    if written or usual not in RTL_SCRIPTS | {""}:
        return "rtl" if written in RTL_SCRIPTS else "ltr"
    return "rtl" if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text[:_SNIFFED]) else "ltr"


@lru_cache(maxsize=1024)
def _scripts(code: str) -> tuple[str, str]:
    """The script subtag of ``code`` as written (``Arab`` of ``az-Arab``, ``""`` of ``he``) and its
    language's likely script (``Hebr`` of ``he``); ``("", "")`` for a value that is no tag or ``und``."""
    try:
        language = langcodes.Language.get(language_tag(code) or "und")
    except ValueError:
        return "", ""
    if language.script:
        return language.script, language.script
    return "", "" if language.language in (None, "und") else language.maximize().script or ""


@functools.lru_cache(maxsize=512)
def language_name(code: str) -> str:
    """The English name of the language ``code`` names (BCP 47 / ISO 639): ``"ota"`` → "Ottoman
    Turkish", ``"gsw"`` → "Swiss German", ``"zh-Hant"`` → "Chinese (Traditional)", ``"und"`` →
    "Unknown language"; the names are CLDR's, through ``langcodes`` and its ``language_data``. The
    code itself when it names no language known there (``"x-foo"``), or is no code at all."""
    tag = language_tag(code) or code
    try:
        name = langcodes.Language.get(tag).display_name()
    except ValueError:  # langcodes.tag_parser.LanguageTagError: not a language tag
        return code
    return code if name.startswith("Unknown language") and tag != "und" else name
