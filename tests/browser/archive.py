"""The archive the browser tests serve, and the expected values they compute from its files.

Two fixture files, read here by Legation's own readers (plain records, no search involved):
the FRUS volume in tests/fixtures/frus (44 real documents, 1917–1919 and undated, long texts) and
one QhoD letter of 1720 in tests/fixtures/tei with its Ottoman transcript and English translation.
"""

from __future__ import annotations

import re

from legation.ingest.readers.tei_corresp import read_tei_document
from legation.ingest.readers.tei_frus import read_frus_volume
from legation.records.dates import display_date
from tests.conftest import FIXTURES

FRUS = FIXTURES / "frus" / "frus1917-72PubDip.xml"
LETTER = FIXTURES / "tei" / "Briefe-osm__1720_04_10_Karl_VI_an_Gross_Wesir_Damad_Ibrahim_Pasa__vipa.l.osm.17200410_Karl_VI_an_Gross_Wesir.xml"
ARCHIVE_FILES = [FRUS, LETTER]
(LETTER_RECORD,) = read_tei_document(LETTER)
RECORDS = [*read_frus_volume(FRUS), LETTER_RECORD]
BY_ID = {r.identifier: r for r in RECORDS}
PAGE_SIZE = 10  # the search page's default


def words(record) -> str:
    """Everything of a record a word search reads: title, summary, texts and their notes."""
    texts = [t.body for t in record.texts] + [f.text for t in record.texts for f in t.footnotes]
    return " ".join([record.title, record.summary, *texts]).lower()


def containing(word: str) -> list:
    """The records with ``word`` as a whole word (any case) in :func:`words`."""
    pattern = re.compile(rf"\b{re.escape(word.lower())}\b")
    return [r for r in RECORDS if pattern.search(words(r))]


def year_of(record) -> str:
    """The year a record falls in ("" when undated); every fixture date lies within one year."""
    assert record.date_earliest[:4] == record.date_latest[:4], record.identifier
    return record.date_earliest[:4]


def shown_date(record) -> str:
    return display_date(record.date_edtf)


def paragraphs(body: str) -> list[str]:
    """A text's paragraphs, whitespace collapsed, as the document page shows them."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
