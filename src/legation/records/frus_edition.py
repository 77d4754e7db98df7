"""The public FRUS edition (the Office of the Historian's, history.state.gov): where a FRUS document
can be read, from the identifier Legation gives it. No Django: the FRUS reader uses it too."""

from __future__ import annotations

import re

FRUS_EDITION = "https://history.state.gov/historicaldocuments/"
"""Where the Office of the Historian's edition keeps its volumes: ``<volume>`` and ``<volume>/<document>``."""
FRUS_EDITION_URL = FRUS_EDITION + "{volume}/{doc}"
"""A FRUS document's address in the edition, from its volume's key and its number there
(``frus1952-54v14p1``, ``d77``), which a FRUS document's identifier joins."""
FRUS_IDENTIFIER = re.compile(r"(frus\d{4}[\w-]*)-(d\d+[a-z]?)")
"""A FRUS document's identifier, ``<volume>-d<number>``: the volume named by its years, as every
volume of the public edition is (``frus1949v07p1``, ``frus1969-76v17``, ``frus1917-72PubDip``), so that
a word such as ``frusxyz-d1`` is none; groups: the volume's key, the document's number."""


def frus_edition_url(identifier: str) -> str:
    """The public edition's address of the FRUS document ``identifier`` names
    (``frus1952-54v14p1-d77`` → ``https://history.state.gov/historicaldocuments/frus1952-54v14p1/d77``),
    ``""`` for an identifier of another shape."""
    found = FRUS_IDENTIFIER.fullmatch(identifier)
    return FRUS_EDITION_URL.format(volume=found[1], doc=found[2]) if found else ""
