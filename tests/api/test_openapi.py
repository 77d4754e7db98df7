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


def test_the_year_filters_pattern_takes_undated_in_any_case_as_the_server_does(client, seed_archive):
    # year=undated was answered 200, while the description's pattern allowed "Undated" alone: a
    # client validating requests against it refused what the server takes (a fresh user of the API)
    import re

    described = client.get("/api/openapi.json").json()
    (year,) = [p for p in described["paths"]["/api/search"]["get"]["parameters"] if p["name"] == "year"]
    pattern = year["schema"]["items"]["pattern"]
    for value in ("Undated", "undated", "UNDATED", "1950"):
        assert re.fullmatch(pattern.strip("^$"), value) and client.get("/api/search", {"year": value}).status_code == 200, value
    for value in ("undate", "0", "12345"):
        assert not re.fullmatch(pattern.strip("^$"), value) and client.get("/api/search", {"year": value}).status_code == 400, value
