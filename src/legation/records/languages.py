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

from functools import lru_cache

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

