"""Legation's own exceptions. Services raise these; the CLI, pages and API map them to one message.

Every message says what went wrong and what to do about it.
"""

from __future__ import annotations


class LegationError(Exception):
    """Base of Legation's errors."""


class IngestError(LegationError):
    """A file, or a place in it, could not be read.

    ``path`` is the file; ``location`` says where in it ("line 12", "element div d42"), or "".
    """

    def __init__(self, path: str, message: str, location: str = "") -> None:
        self.path = path
        self.location = location
        self.message = message
        where = f"{path}, {location}" if location else path
        super().__init__(f"{where}: {message}")


class DocumentNotFound(LegationError):
    """No public document has this identifier."""

    def __init__(self, identifier: str) -> None:
        self.identifier = identifier
        super().__init__(f"No document has the identifier {identifier!r}; check the link or search for it.")


class InvalidQuery(LegationError):
    """A search request cannot be run as given (bad parameter value); the message says how to fix it."""
