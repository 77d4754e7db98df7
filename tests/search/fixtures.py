"""Helpers shared by the search tests: the multilingual fixture and the hits of a query."""

from __future__ import annotations

import json
import re

from legation.records.document_record import DocumentRecord
from legation.search.indexer import SearchIndex
from legation.search.service import SearchRequest, search
from tests.conftest import FIXTURES

LANGUAGE_ROWS = [json.loads(line) for line in (FIXTURES / "languages" / "languages.jsonl").read_text().splitlines() if line.strip()]


def records_of(rows: list[dict]) -> list[DocumentRecord]:
    """Validated records of Legation JSON Lines rows."""
    return [DocumentRecord.from_dict(row).validate() for row in rows]


def hit_ids(index: SearchIndex, q: str) -> set[str]:
    """Identifiers of the hits of ``q`` in ``index`` (the first 100)."""
    return {h.identifier for h in search(SearchRequest(q=q, page_size=100), index).hits}


def record_text(record: DocumentRecord) -> str:
    """Everything of a record a word search reads, computed without the search code: title,
    summary, texts and their footnotes, source note and repositories, subjects, collections' titles
    and keys, agents' names (not the place sent from, a field of its own)."""
    parts = [record.title, record.summary, record.source_note, *record.repositories, *record.subjects]
    parts += [t.body for t in record.texts] + [f.text for t in record.texts for f in t.footnotes]
    parts += [v for c in record.collections for v in (c.title, c.key)] + [n for a in record.agents for n in (a.name, *a.names)]
    return " ".join(parts)


def _phrases(forms: tuple[str, ...]) -> list[re.Pattern]:
    """A pattern for each of ``forms`` matching it as a phrase: its words in order, in any case,
    anything but letters and digits between them (``Chou En-lai's`` holds ``Chou En-lai``; ``Chouen``
    does not; ``Artern [„Ordern“]`` holds ``Artern Ordern``)."""
    return [
        re.compile(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, re.findall(r"[^\W_]+", form))) + r"(?![^\W_])", re.IGNORECASE)
        for form in forms
    ]


def naming(records: list[DocumentRecord], *forms: str) -> list[str]:
    """Identifiers of the records whose :func:`record_text` holds any of ``forms`` as a phrase
    (:func:`_phrases`): what searching a name quoted finds."""
    patterns = _phrases(forms)
    return [r.identifier for r in records if any(p.search(record_text(r)) for p in patterns)]


def sent_from(records: list[DocumentRecord], *forms: str) -> list[str]:
    """Identifiers of the records whose place sent from holds any of ``forms`` as a phrase
    (:func:`_phrases`): what ``place:"…"`` finds (``Artern`` is in ``Artern [„Ordern“]``)."""
    patterns = _phrases(forms)
    return [r.identifier for r in records if any(p.search(r.place_sent) for p in patterns)]
