"""Legation's own exceptions. Services raise these; the CLI, pages and API map them to one message.
Also :class:`IngestNote`, what a reader tells the operator that is not a failure.

Every message says what went wrong and what to do about it.
"""

from __future__ import annotations

import json

from dataclasses import dataclass


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


def parse_json(text: str):
    """``json.loads(text)``, with input nested too deeply for Python's parser (brackets thousands
    deep: a hostile file) raising :class:`json.JSONDecodeError` like any other bad JSON, not
    RecursionError, so every reader reports it as the file and line at fault."""
    try:
        return json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply (thousands of brackets)", text[:100], 0) from None


def json_problem(exc: ValueError) -> str:
    """What a :class:`json.JSONDecodeError` says is wrong and at which column, in one phrase:
    ``"Invalid control character at column 41"`` (Python's message for it ends in "at", which is dropped)."""
    msg = getattr(exc, "msg", str(exc)).removesuffix(" at")
    column = getattr(exc, "colno", None)
    return f"{msg} at column {column}" if column else msg


def json_failure(path: str, exc: json.JSONDecodeError) -> IngestError:
    """The failure of a whole ``.json`` file that is not valid JSON, at the line of ``exc``: when
    the JSON error is where the text ends (only whitespace after it), the file is cut off
    ("ends in the middle of its JSON"), else it is broken at that line; each says what to do."""
    text = exc.doc if isinstance(exc.doc, str) else ""
    where = f"line {exc.lineno}" if exc.lineno else ""
    if not text.strip():
        return IngestError(path, "is empty (or blank): it holds no JSON; download or export it again, or leave it out")
    # a string never closed, or a value expected where the text stops: the end of the file is missing
    if exc.msg.startswith("Unterminated string") or (not exc.msg.startswith("Extra data") and exc.pos >= len(text.rstrip()) - 1):
        last = f"line {text.rstrip().count(chr(10)) + 1}"  # the last line with text, not the empty one after it
        return IngestError(path, "ends in the middle of its JSON: the file is cut off; download or export it again", last)
    return IngestError(
        path, f"is not valid JSON: {json_problem(exc)}; correct the file there (or download it again), or leave it out", where
    )


@dataclass(frozen=True)
class IngestNote:
    """What a reader yields, besides records and :class:`IngestError` items, for something the
    operator should know that stored nothing wrong, e.g. a column of a CSV file that was not read.
    The ingest report lists it as a note; the ingest does not count it as failed.

    ``path`` is the file; ``location`` where in it ("line 1"), or ""; ``message`` what to do."""

    path: str
    message: str
    location: str = ""

    def __str__(self) -> str:
        return f"{self.path}, {self.location}: {self.message}" if self.location else f"{self.path}: {self.message}"


class DocumentNotFound(LegationError):
    """No public document has this identifier."""

    def __init__(self, identifier: str, alike: list[str] | None = None) -> None:
        self.identifier = identifier
        if alike and len(alike) > 1:  # no address in another case can choose between them
            named = ", ".join(repr(i) for i in alike[:-1]) + f" and {alike[-1]!r}"
            super().__init__(
                f"No document has the identifier {identifier!r}; {named} differ from it only in case, "
                "so the address cannot say which is meant: ask for one of them as written."
            )
            return
        super().__init__(f"No document has the identifier {identifier!r}; check the link or search for it.")


class InvalidQuery(LegationError):
    """A search request cannot be run as given (bad parameter value); the message says how to fix it."""


class UnknownFacet(InvalidQuery):
    """No facet has the name asked for (``/api/facets/colour``); the message lists the names. An
    :class:`InvalidQuery`, so whatever refuses a bad request refuses this too; the API answers 404."""
