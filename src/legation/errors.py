"""Legation's own exceptions. Services raise these; the CLI, pages and API map them to one message.
Also :class:`IngestNote`, what a reader tells the operator that is not a failure.

Every message says what went wrong and what to do about it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass


class LegationError(Exception):
    """Base of Legation's errors."""


def shown_path(path: str) -> str:
    """``path`` as reports and the database write it: a name the file system holds in bytes that
    are no UTF-8 (Python's surrogate escapes, ``bad-\\udcffname.csv``, which neither a database
    nor a UTF-8 report can hold: such a file ended an ingest with a traceback) with those bytes
    written ``\\xff`` (``bad-\\xffname.csv``), the same each time; any other path as it is."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class IngestError(LegationError):
    """A file, or a place in it, could not be read.

    ``path`` is the file (:func:`shown_path`); ``location`` says where in it ("line 12", "element
    div d42"), or "".
    """

    def __init__(self, path: str, message: str, location: str = "") -> None:
        path = shown_path(path)
        self.path = path
        self.location = location
        self.message = message
        where = f"{path}, {location}" if location else path
        super().__init__(f"{where}: {message}")


PERMISSION_ADVICE = "give this user read access to it and to the folders above it (chmod), or ingest as a user who has it"


def cannot_read(path: str, exc: BaseException, otherwise: str = "check that the file exists and is complete") -> IngestError:
    """The :class:`IngestError` of a file that cannot be read because of ``exc``: access denied
    says to grant it (:data:`PERMISSION_ADVICE`; "check that the file exists" was the advice), any
    other error says ``otherwise``."""
    if isinstance(exc, PermissionError):
        return IngestError(path, f"cannot be read: permission denied; {PERMISSION_ADVICE}")
    return IngestError(path, f"cannot be read ({getattr(exc, 'strerror', None) or exc}); {otherwise}")


class DuplicateKey(json.JSONDecodeError):
    """A JSON object gives one key twice (``{"title": "A", "title": "B"}``). JSON parsers keep the
    last value without a word, so the first would be lost; :func:`parse_json` refuses the text
    instead. A :class:`json.JSONDecodeError` (so whatever reports bad JSON reports this too), at
    the second occurrence of the key: ``lineno`` and ``colno`` are its place, ``first`` the
    position of the first occurrence in ``doc``; ``key`` the key. :meth:`advice` says it all."""

    def __init__(self, key: str, doc: str, first: int, pos: int) -> None:
        self.key, self.first = key, first
        super().__init__(f"the key {json.dumps(key, ensure_ascii=False)} is given twice in one object", doc, pos)

    def __reduce__(self):  # JSONDecodeError's would call this class with its own three arguments
        return self.__class__, (self.key, self.doc, self.first, self.pos)

    def places(self) -> str:
        """Where the key is given, as "columns 2 and 30" (both on one line) or "line 3, column 5
        and line 9, column 5"; "" when they are not known (the text nests too deeply to say)."""
        if self.first < 0:
            return ""
        line = self.doc.count("\n", 0, self.first) + 1
        column = self.first - self.doc.rfind("\n", 0, self.first)
        if line == self.lineno:
            return f"columns {column} and {self.colno}"
        return f"line {line}, column {column} and line {self.lineno}, column {self.colno}"

    def advice(self) -> str:
        """What is wrong and what to do, in one sentence, for a message located at the second key's line."""
        places = self.places()
        return (
            f"{self.msg}{f' (at {places})' if places else ''}: JSON keeps only the last value, so the other would be lost "
            f"without a word; keep one {json.dumps(self.key, ensure_ascii=False)} (the value meant), remove the other, "
            "and ingest the file again"
        )


class _Twice(Exception):
    """Raised by :func:`_unique` for the first key an object gives twice."""


def _unique(pairs: list) -> dict:
    """The ``object_pairs_hook`` of :func:`parse_json`: the object as a dict, or :class:`_Twice`
    when a key comes twice (the dict then has fewer entries than the pairs: one comparison)."""
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set = set()
        raise _Twice(next(k for k, _ in pairs if k in seen or seen.add(k)))
    return obj


def parse_json(text: str):
    """``json.loads(text)``, with input nested too deeply for Python's parser (brackets thousands
    deep: a hostile file) raising :class:`json.JSONDecodeError` like any other bad JSON, not
    RecursionError, so every reader reports it as the file and line at fault; and an object that
    gives a key twice raising :class:`DuplicateKey` (a JSONDecodeError) at the second one, where
    ``json.loads`` would keep the last value without a word.

    Every object passes through :func:`_unique` (``object_pairs_hook``): one call and one length
    comparison each, about 0.05 s of CPU on the largest JSON Lines corpora (UN General Debate
    1946–1989, 108 MB in 4,430 objects; DFAT, 54 MB in 20,639), which the parse alone takes 0.15 s
    for and reading them through their mapping 4 s and 13 s: under 1.5 % of the read. The places of
    the keys are found only once a key is known to come twice (:func:`_key_twice`)."""
    try:
        return json.loads(text, object_pairs_hook=_unique)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply (thousands of brackets)", text[:100], 0) from None
    except _Twice as twice:
        first, second = _key_twice(text)
        raise DuplicateKey(str(twice.args[0]) if second < 0 else _key_at(text, second), text, first, max(second, 0)) from None


def _key_at(text: str, pos: int) -> str:
    """The key whose opening quote is at ``pos`` of ``text``."""
    return json.decoder.scanstring(text, pos + 1)[0]


def _key_twice(text: str) -> tuple[int, int]:
    """The positions (of the opening quotes) of the first and the second occurrence of the first key
    that an object of ``text`` gives twice, in the order of the text; ``(-1, -1)`` when they cannot be
    told (nested too deeply for Python's own scanner). Only called once ``text`` is known to have such
    a key: it walks the text again with the standard library's Python scanner, its objects read by a
    function that remembers where each key starts; strings and numbers are still read by the C code."""
    from json.decoder import WHITESPACE
    from json.scanner import py_make_scanner

    class Found(Exception):
        pass

    def parse_object(s_and_end, strict, scan_once, *_ignored):
        s, end = s_and_end
        seen: dict[str, int] = {}
        end = WHITESPACE.match(s, end).end()
        while s[end] != "}":
            key, after = json.decoder.scanstring(s, end + 1, strict)
            if key in seen:
                raise Found(seen[key], end)
            seen[key] = end
            end = WHITESPACE.match(s, WHITESPACE.match(s, after).end() + 1).end()  # past the colon
            _, end = scan_once(s, end)
            end = WHITESPACE.match(s, end).end()
            if s[end] == ",":
                end = WHITESPACE.match(s, end + 1).end()
        return {}, end + 1

    decoder = json.JSONDecoder()
    decoder.parse_object = parse_object
    scan_once = py_make_scanner(decoder)
    try:
        scan_once(text, WHITESPACE.match(text, 0).end())
    except Found as found:
        return found.args
    except (RecursionError, ValueError, IndexError, StopIteration):
        pass
    return -1, -1


def json_problem(exc: ValueError) -> str:
    """What a :class:`json.JSONDecodeError` says is wrong and at which column, in one phrase:
    ``"Invalid control character at column 41"`` (Python's message for it ends in "at", which is dropped)."""
    msg = getattr(exc, "msg", str(exc)).removesuffix(" at")
    column = getattr(exc, "colno", None)
    return f"{msg} at column {column}" if column else msg


def json_line_failure(path: str, exc: json.JSONDecodeError, where: str, fix: str = "fix or remove the line") -> IngestError:
    """The failure of one line of JSON Lines (``where``: "line N") that :func:`parse_json` refused:
    a key given twice (:class:`DuplicateKey`, naming the key and its columns, saying to keep one);
    a line that stops before its JSON does (a value, a string or a bracket still open where only
    spaces follow: a line cut off, or a document written over several lines, which JSON Lines,
    one document a line, does not read), saying so and at which column it stops, where Python's
    message misleads (``"Expecting ',' delimiter"`` at column 1 of the next line, "Invalid control
    character" for the line feed ending a string never closed); else JSON that
    is not valid, saying where in the line and ``fix``."""
    if isinstance(exc, DuplicateKey):
        return IngestError(path, exc.advice(), where)
    line = exc.doc if isinstance(exc.doc, str) else ""
    stops = len(line.rstrip())
    if stops and exc.pos >= stops and not exc.msg.startswith("Extra data"):
        return IngestError(
            path,
            f"not valid JSON: the line stops at column {stops} with its JSON unfinished (a string, object or list left open): it is "
            f"cut off, or its document goes on over several lines, which JSON Lines does not read (one whole document a line); {fix}",
            where,
        )
    return IngestError(path, f"not valid JSON ({json_problem(exc)}); {fix}", where)


def json_failure(path: str, exc: json.JSONDecodeError) -> IngestError:
    """The failure of a whole ``.json`` file that is not valid JSON, at the line of ``exc``: when
    the JSON error is where the text ends (only whitespace after it), the file is cut off
    ("ends in the middle of its JSON"), else it is broken at that line; an object giving a key
    twice (:class:`DuplicateKey`) is named at the line of the second; each says what to do."""
    if isinstance(exc, DuplicateKey):  # at the second key; nothing of the file is read, as for any bad JSON
        return IngestError(path, exc.advice(), f"line {exc.lineno}" if exc.first >= 0 else "")
    text = exc.doc if isinstance(exc.doc, str) else ""
    where = f"line {exc.lineno}" if exc.lineno else ""
    if not text.strip():
        return IngestError(path, "is empty (or blank): it holds no JSON; download or export it again, or leave it out")
    # a string never closed, or a value expected where the text stops: the end of the file is missing
    if exc.msg.startswith("Unterminated string") or (not exc.msg.startswith("Extra data") and exc.pos >= len(text.rstrip()) - 1):
        last = f"line {text.rstrip().count(chr(10)) + 1}"  # the last line with text, not the empty one after it
        return IngestError(path, "ends in the middle of its JSON: the file is cut off; download or export it again", last)
    if exc.msg.startswith("Extra data") and exc.colno == 1 and text[exc.pos : exc.pos + 1] in "{[":  # a second value at a line's start
        return IngestError(
            path,
            "holds one JSON value after another, a line each: that is JSON Lines, which a .json file is not read as; "
            "name it .jsonl and ingest it again",
            where,
        )
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

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", shown_path(self.path))  # (frozen or not)

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


def first_line(exc: BaseException) -> str:
    """The first line of ``exc``'s message (a driver's error runs on with its context and hints),
    or its type's name when it has none: what a one-line message or log line says of it."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def database_down() -> tuple[type[Exception], ...]:
    """What the database driver raises when the database is out of reach (stopped, restarting, the
    network gone; SQLite's file locked past its timeout), Django's ``OperationalError`` and
    ``InterfaceError``: a 503 to try again, not a 500 with a traceback in the log for every request
    (a fresh user stopped PostgreSQL under a serving node). Imported when asked, so that this module
    stays free of Django: the readers import it, and ``django.db`` took 53 ms of their start."""
    from django.db import InterfaceError, OperationalError

    return (OperationalError, InterfaceError)


# What PostgreSQL says of a fault that lasts until the operator mends it (libpq's and the server's
# words), and what to mend: a password changed under running nodes was logged as though the
# database would come back by itself (a fresh operator)
_NO_SLOTS = "The server has no connection left to give: raise its max_connections above the nodes' workers × threads, or run fewer"
_LASTING = (
    ("password authentication failed", "This will not pass by itself: the password in LEGATION_DATABASE_URL is refused; give the role's password there"),
    ("no password supplied", "This will not pass by itself: the server asks for a password; give it in LEGATION_DATABASE_URL"),
    ("does not exist", "This will not pass by itself: LEGATION_DATABASE_URL names a role or database the server does not have; correct it, or create it"),
    ("no pg_hba.conf entry", "This will not pass by itself: the server's pg_hba.conf admits no connection from this host, role and database; add an entry"),
    ("remaining connection slots are reserved", _NO_SLOTS),
    ("too many clients already", _NO_SLOTS),
)


def lasting_fault_advice(message: str) -> str:
    """What to mend, as ``". This will not pass by itself: …"``, for a database error ``message``
    (its first line) naming a fault the database's coming back will not end (:data:`_LASTING`),
    else ``""``."""
    lowered = message.lower()
    advice = next((what for words, what in _LASTING if words in lowered), "")
    return f". {advice}" if advice else ""
