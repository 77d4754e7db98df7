"""The OpenAPI description is Markdown (what Swagger UI renders), not the docstrings' reST."""

from __future__ import annotations

import re

import pytest

from legation.api.openapi import rest_to_markdown


def descriptions(node, where="") -> list[tuple[str, str]]:
    """Every ``description`` text of the schema, with where it is."""
    if isinstance(node, dict):
        return [
            found
            for key, value in node.items()
            for found in ([(where, value)] if key == "description" and isinstance(value, str) else descriptions(value, f"{where}/{key}"))
        ]
    if isinstance(node, list):
        return [found for i, item in enumerate(node) for found in descriptions(item, f"{where}[{i}]")]
    return []


def test_no_published_description_holds_rest_markup(client, db):
    schema = client.get("/api/openapi.json").json()
    texts = descriptions(schema)
    assert len(texts) > 30
    for where, text in texts:
        assert "``" not in text, where
        assert not re.search(r":(class|func|mod|meth|data|attr|ref):", text), where
    by_place = dict(texts)
    assert by_place["/paths//api/suggest/get"].endswith("completing `q`.")
    assert "as there are more than `SAMPLE_ABOVE`" in " ".join(by_place["/components/schemas/FacetResult"].split())


@pytest.mark.parametrize(
    ("rest", "markdown"),
    [
        ("completing ``q``.", "completing `q`."),
        ("in order (:func:`facet_size`).", "in order (`facet_size`)."),
        ("more than :data:`legation.search.facets.SAMPLE_ABOVE`", "more than `SAMPLE_ABOVE`"),
        ("see :class:`~legation.records.DocumentRecord` and :py:meth:`validate`", "see `DocumentRecord` and `validate`"),
        (":mod:`the search service <legation.search.service>`", "`the search service`"),
        ('``"2"``, ``"*"``', '`"2"`, `"*"`'),
        ("plain `code` stays", "plain `code` stays"),
    ],
)
def test_rest_markup_becomes_markdown_code(rest, markdown):
    assert rest_to_markdown(rest) == markdown
