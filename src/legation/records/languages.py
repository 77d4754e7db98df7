"""Language codes as every reader stores them: one BCP 47 tag per value, deprecated codes replaced.

Sources write the language of a document in many ways: ISO 639-1 codes current and withdrawn
(Dodis TEI has ``iw`` for Hebrew, which ISO replaced by ``he`` in 1989), ISO 639-2 codes
(``heb``, ``ger``), any case (``EN``), underscores (``zh_cn``). :func:`language_tag` gives the
tag a search for the language finds, so that ``language:he`` matches every Hebrew document.
The replacements are those of the IANA language subtag registry and CLDR, through ``langcodes``
(``iw`` → ``he``, ``in`` → ``id``, ``ji`` → ``yi``, ``jw`` → ``jv``, ``mo`` → ``ro``, ``sh`` →
``sr-Latn``, a three-letter code with a two-letter one → the two-letter code); the other tags are
kept, their subtags in the registry's case (``zh-cn`` → ``zh-CN``).
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


def with_language_tags(record: DocumentRecord) -> DocumentRecord:
    """``record`` with its language and its texts' languages made :func:`language_tag`s (in place)."""
    record.language = language_tag(record.language) or record.language
    for text in record.texts:
        text.language = language_tag(text.language) or text.language
    return record


def is_language_tag(code: str) -> bool:
    """Whether ``code`` is a language tag whose subtags the IANA language subtag registry holds
    (``de``, ``zh-Hant``, ``iw``; not ``zz``, ``English``), through ``langcodes``."""
    try:
        return langcodes.tag_is_valid(code.strip().replace("_", "-"))
    except ValueError:
        return False
