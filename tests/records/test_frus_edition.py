"""Where a FRUS document the archive does not hold can be read (records.frus_edition)."""

from __future__ import annotations

import pytest

from legation.records.frus_edition import frus_edition_url


@pytest.mark.parametrize(
    ("identifier", "url"),
    [
        ("frus1952-54v14p1-d77", "https://history.state.gov/historicaldocuments/frus1952-54v14p1/d77"),
        ("frus1949v07p1-d1", "https://history.state.gov/historicaldocuments/frus1949v07p1/d1"),
        ("frus1969-76ve13-d5", "https://history.state.gov/historicaldocuments/frus1969-76ve13/d5"),
        ("frus1964-68v30-d161a", "https://history.state.gov/historicaldocuments/frus1964-68v30/d161a"),
        ("wilson-900003", ""),
        ("frus1952-54v14p1", ""),  # a volume, not a document
        ("frus1952-54v14p1-d77/../x", ""),
    ],
)
def test_a_frus_documents_identifier_gives_its_address_in_the_public_edition(identifier: str, url: str) -> None:
    assert frus_edition_url(identifier) == url
