"""Dates as archives write them → EDTF (Library of Congress Extended Date/Time Format, ISO 8601-2:2019).

:func:`parse_archival_date` reads the forms found in finding aids, editions and metadata tables
(the corpora of ``../shared/data``: FRUS, Dodis, QhoD, the Moritz letters CSV, DFAT, the Korean
presidential speeches) and returns the EDTF value with the verbatim text::

    "1950"                         → "1950"
    "December 1949", "Dezember 1949", "décembre 1949"  → "1949-12"
    "22 Dec. 1949", "December 22, 1949", "22.XII.1949", "22.12.1949", "1533 Januar 6",
    "1963.12.17" (Korean archives)  → "1949-12-22" …
    "1950-01-?"                    → "1950-01-XX" (day unknown, month kept)
    "ca. 1950", "um 1950", "vers 1950"  → "1950~"        "[1950?]", "1950 (?)" → "1950?"
    "195X", "1950s"                → "195X"
    "1743/44"                      → "1743/1744"
    "1949-12-22/1950-02-14", "December 1949 – January 1950", "22–25 December 1949",
    "1552 September 26/Oktober 8"  → intervals "a/b" (each side keeps its own precision)
    EDTF as written ("1533-01-06", "/1541-07-18", "[1553-07-15,1553-07-19]", "1547-06-08?")
                                   → kept as is; "1541-07-18/?" (EDTF draft "unknown end")
                                   → "1541-07-18/"
    "undated", "n.d.", "o. D.", "s.d.", "sans date", ""  → "" (undated, not flagged)

Rules: the text is kept verbatim; precision is never invented (a year stays a year, a month a
month); square brackets (an editor's supplied date) are dropped from the value; a string that is
not understood gives ``edtf=""`` and ``flagged=True`` so the record still loads and a curator can
find it. Every EDTF value returned is checked with the ``edtf`` library through
:func:`legation.records.dates.day_bounds` (which also gives the earliest/latest day).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from legation.records.dates import day_bounds
from legation.records.document_record import RecordError


@dataclass(frozen=True)
class ParsedDate:
    """The result of :func:`parse_archival_date`.

    ``edtf``: the EDTF value, ``""`` when undated or not understood; ``flagged``: True when the
    text names a date that could not be read (a curator should look); ``text``: the date exactly
    as given (surrounding whitespace removed).
    """

    edtf: str
    flagged: bool
    text: str


_MONTH_NAMES: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janner jänner janvier janv gennaio ianuarius",
        "february feb febr februar feber fevrier février fevr févr febbraio",
        "march mar marz märz maerz mars marzo",
        "april apr avril avr aprile aprill",
        "may mai maggio",
        "june jun juni juin giugno",
        "july jul juli juillet juil luglio",
        "august aug aout août agosto",
        "september sep sept settembre septembre",
        "october oct okt oktober octobre ottobre",
        "november nov novembre",
        "december dec dez dezember decembre décembre dicembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTH_NAMES[_name] = _number
_ROMAN = {r: i for i, r in enumerate("I II III IV V VI VII VIII IX X XI XII".split(), start=1)}
_UNDATED = re.compile(
    r"^\[?\s*(?:undated|no date|n\.\s?d\.?|s\.\s?d\.?|o\.\s?d\.?|o\.\s?j\.?|sans date|ohne datum|undatiert|sine dato|s\.\s?f\.?|nd)\s*\]?$",
    re.I,
)
_APPROX = re.compile(r"^(?:ca\.?|c\.|circa|approx\.?|about|around|um|etwa|vers|env\.?|environ)\s*", re.I)
_APPROX_INSIDE = re.compile(r"\s(?:um|ca\.|circa|vers|about)\s+(?=\d)", re.I)
_FILLERS = {"the", "of", "le", "den", "am", "de", "del", "der", "on"}
_BETWEEN = re.compile(r"\b(?:zwischen|between|entre)\s+(.+?)\s+(?:und|and|et)\s+", re.I)
_RANGE_SPLIT = re.compile(r"\s*(?:–|—|\s-\s|\bto\b|\bbis\b|\bau\b|/)\s*")


def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def _try_edtf(value: str) -> str:
    """``value`` when the edtf library accepts it (and gives bounds), else ``""``."""
    if not value or not re.fullmatch(r"[0-9X\-/.,\[\]{}?~%:+]+", value) or not re.search(r"\d{4}|\d{2}X|\dXX", value):
        return ""
    if re.search(r"\d\.\d", value):  # 1963.12.17: EDTF has ".." (sets) but never one dot between digits
        return ""
    try:
        day_bounds(value)
    except (RecordError, Exception):  # the edtf library raises assorted errors on odd input
        return ""
    return value


def _components(part: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of one date without qualifiers, each possibly missing; None when a
    token is not understood."""
    part = part.strip().strip(",")
    if not part:
        return None
    if m := re.fullmatch(r"(\d{4})\.(\d{1,2})(?:\.(\d{1,2}))?\.?", part):  # 1963.12.17, 1981.12
        return int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    if m := re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2}|[IVX]{1,4})\.\s?(\d{4})", part):  # 22.12.1949, 22.XII.1949
        month = _ROMAN.get(m[2]) if not m[2].isdigit() else int(m[2])
        return (int(m[3]), month, int(m[1])) if month else None
    if m := re.fullmatch(r"(\d{1,2}|[IVX]{1,4})\.\s?(\d{4})", part):  # 12.1949, XII.1949
        month = _ROMAN.get(m[1]) if not m[1].isdigit() else int(m[1])
        return (int(m[2]), month, None) if month else None
    year = month = day = None
    for token in re.split(r"[\s,]+|(?<=\.)(?=\S)", part):
        token = token.strip(".")
        if not token:
            continue
        low = token.lower()
        if re.fullmatch(r"\d{4}", token):
            if year is not None:
                return None
            year = int(token)
        elif m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th|er|e|\.)?", low):
            if day is not None:
                return None
            day = int(m[1])
        elif low in _MONTH_NAMES or low.rstrip(".") in _MONTH_NAMES:
            if month is not None:
                return None
            month = _MONTH_NAMES[low.rstrip(".")]
        elif token in _ROMAN and month is None and len(token) > 1:
            month = _ROMAN[token]
        elif low in _FILLERS:
            continue
        else:
            return None
    return year, month, day


def _edtf_of(year: int | None, month: int | None, day: int | None) -> str:
    if year is None or (day is not None and month is None):
        return ""
    value = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")
    try:
        day_bounds(value)
    except RecordError:
        return ""
    return value


def _simple(part: str) -> str:
    """EDTF of one date (no interval) with its qualifiers, or ``""``."""
    part = part.strip()
    if m := re.fullmatch(r"\[?(\d{4})-(\d{2})-(?:\?|\?\?|XX)\]?", part):  # 1950-01-? : day unknown
        return _checked(f"{m[1]}-{m[2]}-XX")
    qualifier = ""
    if m := _APPROX.match(part):
        qualifier, part = "~", part[m.end():]
    elif m := _APPROX_INSIDE.search(part):  # "1552 April um 20": about the 20th
        qualifier, part = "~", part[: m.start()] + " " + part[m.end():]
    part = part.strip()
    if re.search(r"\s*(?:\(\?\)|\?)$", part):
        qualifier = "%" if qualifier == "~" else "?"
        part = re.sub(r"\s*(?:\(\?\)|\?)$", "", part)
    part = part.strip().strip("[]").strip()
    if m := re.fullmatch(r"(\d{3})(?:X|0s|0er|0er Jahre)", part):
        return f"{m[1]}X{qualifier}"
    if edtf := _try_edtf(part):
        return _checked(edtf + qualifier) if qualifier and not edtf.endswith(("?", "~", "%")) else edtf
    parts = _components(part)
    if parts is None:
        return ""
    value = _edtf_of(*parts)
    return _checked(value + qualifier) if value else ""


def _checked(value: str) -> str:
    return _try_edtf(value)


def _interval(text: str) -> str:
    """EDTF interval for "a – b" / "a/b" / "a to b" where each side is a date, a side lacking
    its year (or month) borrowing it from the other ("22–25 December 1949", "1552 September
    26/Oktober 8"); ``""`` when not an interval."""
    pieces = _RANGE_SPLIT.split(text, maxsplit=1)
    if len(pieces) != 2:
        return ""
    left, right = (p.strip() for p in pieces)
    if re.fullmatch(r"\d{4}", left) and re.fullmatch(r"\d{1,2}", right):  # 1743/44, 1743/4
        end = left[: 4 - len(right)] + right
        return _try_edtf(f"{left}/{end}") if int(end) > int(left) else ""
    a, b = _simple(left), _simple(right)
    if a and b:
        return _try_edtf(f"{a}/{b}")
    ca, cb = _components(left.strip("[]")), _components(right.strip("[]"))
    if ca is None or cb is None:
        return ""
    (ya, ma, da), (yb, mb, db) = ca, cb
    if ya is None and yb is not None:
        ya = yb
        if ma is None and da is not None:
            ma = mb
    if yb is None and ya is not None:
        yb = ya
        if mb is None and db is not None:
            mb = ma
    a, b = _edtf_of(ya, ma, da), _edtf_of(yb, mb, db)
    return _try_edtf(f"{a}/{b}") if a and b and day_bounds(a)[0] <= day_bounds(b)[1] else ""


def parse_archival_date(text: str | None) -> ParsedDate:
    """Read a date as an archive writes it; see the module docstring for the forms understood.

    Returns ``ParsedDate(edtf, flagged, text)``: ``edtf`` a valid EDTF string or ``""``;
    ``flagged`` True when ``text`` is a date that could not be read; ``text`` the input as given
    (stripped). Never raises.
    """
    raw = _clean(text or "")
    if not raw or _UNDATED.match(raw):
        return ParsedDate("", False, raw)
    value = raw
    if value.endswith("/?") and (edtf := _try_edtf(value[:-1])):  # EDTF draft "unknown end"
        return ParsedDate(edtf, False, raw)
    if edtf := _try_edtf(value):
        return ParsedDate(edtf, False, raw)
    if re.fullmatch(r"\[[^\[\]]*\]", value) and "," not in value and ".." not in value:
        value = value[1:-1].strip()  # "[1950?]": an editor's supplied date
    value = re.sub(r"^\[(\d{4})\]", r"\1", value)  # "[1552] November 12"
    value = _BETWEEN.sub(r"\1/", value)  # "1547 Juni zwischen 8 und 13" → "1547 Juni 8/13"
    if edtf := _simple(value) or _interval(value):
        return ParsedDate(edtf, False, raw)
    return ParsedDate("", True, raw)
