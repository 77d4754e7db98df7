"""The analyzers: folding, stemming and hyphenated words."""

from __future__ import annotations

import pytest

from legation.search.analyzers import folded, terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gomułka", ["gomulka"]),
        ("Müller Ærø", ["muller", "aero"]),
        ("Chou En-lai", ["chou", "en", "lai"]),
        ("Sino-Soviet treaties", ["sino", "soviet", "treati"]),
        ("treaty", ["treati"]),
        ("negotiations negotiated", ["negoti", "negoti"]),
        ("<b>&amp;</b>", ["b", "amp", "b"]),
        ("x" * 41, []),  # over-long tokens are dropped
    ],
)
def test_terms(text: str, expected: list[str]) -> None:
    assert terms(text) == expected


def test_folded_does_not_stem() -> None:
    assert folded("Negotiations with Gomułka") == ["negotiations", "with", "gomulka"]
