"""Text analyzers: how document text and query words become index terms.

``STEMMED`` (registered on the index as ``"legation_en"``) splits on every character that is not a
letter or digit, drops tokens over 40 characters, lowercases, folds to ASCII (``Gomułka`` →
``gomulka``, ``Müller`` → ``muller``) and applies the English Snowball stemmer (``treaties`` →
``treati``). A hyphenated name becomes several consecutive tokens (``En-lai`` → ``en``, ``lai``),
so the query side searches it as a phrase (see :mod:`legation.search.query`).

``FOLDED`` (``"legation_folded"``) is the same without stemming. It feeds the ``vocab`` field, the
unstemmed term dictionary that ``prefix*`` queries expand against: a stem can be shorter than the
prefix a user types (``negotiated`` → ``negoti``, while ``negotiat`` stays ``negotiat``).

Both index and query go through these same objects, so a query word always meets the term its
document text produced. Deeper multilingual analysis (CJK segmentation, per-language stemming) is
future work: today non-Latin scripts are kept as whole runs of letters.
"""

from __future__ import annotations

import tantivy
from tantivy import Filter, TextAnalyzer, TextAnalyzerBuilder, Tokenizer

# Bump when an analyzer changes how text becomes terms: the schema fingerprint then asks for a reindex.
VERSION = 1
STEMMED_NAME = "legation_en"
FOLDED_NAME = "legation_folded"
MAX_TOKEN_CHARS = 40


def _build(stem: bool) -> TextAnalyzer:
    builder = (
        TextAnalyzerBuilder(Tokenizer.simple())
        .filter(Filter.remove_long(MAX_TOKEN_CHARS))
        .filter(Filter.lowercase())
        .filter(Filter.ascii_fold())
    )
    if stem:
        builder = builder.filter(Filter.stemmer("english"))
    return builder.build()


STEMMED: TextAnalyzer = _build(stem=True)
FOLDED: TextAnalyzer = _build(stem=False)


def register(index: tantivy.Index) -> None:
    """Register Legation's analyzers on an open index (needed on every open: tantivy does not
    store analyzers in the index, only their names)."""
    index.register_tokenizer(STEMMED_NAME, _build(stem=True))
    index.register_tokenizer(FOLDED_NAME, _build(stem=False))


def terms(text: str) -> list[str]:
    """Index terms of ``text`` as the searchable fields store them, e.g. ``"Chou En-lai's"`` →
    ``["chou", "en", "lai", "s"]``."""
    return list(STEMMED.analyze(text))


def folded(text: str) -> list[str]:
    """Lowercased, ASCII-folded, unstemmed tokens of ``text`` (the ``vocab`` field's terms)."""
    return list(FOLDED.analyze(text))
