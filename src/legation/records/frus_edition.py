"""The public FRUS edition (the Office of the Historian's, history.state.gov): where a FRUS document
can be read, from the identifier Legation gives it. No Django: the FRUS reader uses it too."""

from __future__ import annotations

import re

FRUS_EDITION_URL = "https://history.state.gov/historicaldocuments/{volume}/{doc}"
"""A FRUS document's address in the Office of the Historian's edition, from its volume's key and
its number there (``frus1952-54v14p1``, ``d77``), which a FRUS document's identifier joins."""
_FRUS_DOCUMENT = re.compile(r"(frus[0-9]{4}(?:-[0-9]{2})?[a-z0-9]+)-(d[0-9]+[a-z]?)")


def frus_edition_url(identifier: str) -> str:
    """The public edition's address of the FRUS document ``identifier`` names
    (``frus1952-54v14p1-d77`` → ``https://history.state.gov/historicaldocuments/frus1952-54v14p1/d77``),
    ``""`` for an identifier of another shape."""
    found = _FRUS_DOCUMENT.fullmatch(identifier)
    return FRUS_EDITION_URL.format(volume=found[1], doc=found[2]) if found else ""
