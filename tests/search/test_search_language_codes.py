"""A withdrawn language code in a query finds the documents stored under the current one
(records are stored with legation.records.languages.language_tag's tags: "iw" → "he")."""

from __future__ import annotations

from legation.records.document_record import DocumentRecord, TextRecord
from legation.search.service import SearchRequest, search


def test_language_iw_finds_hebrew_documents(make_index):
    index = make_index([
        DocumentRecord(identifier="hebrew", title="Letter from Jerusalem", language="he", texts=[TextRecord(language="he", body="שלום")]),
        DocumentRecord(identifier="indonesian", title="Letter from Jakarta", language="id", texts=[TextRecord(language="id", body="salam")]),
        DocumentRecord(identifier="english", title="Letter from London", language="en", texts=[TextRecord(language="en", body="greetings")]),
    ])

    def found(q: str) -> list[str]:
        return [hit.identifier for hit in search(SearchRequest(q=q), index).hits]

    assert found("language:he") == found("language:iw") == found("language:heb") == ["hebrew"]
    assert found("language:in") == ["indonesian"] and found("letter language:en") == ["english"]
