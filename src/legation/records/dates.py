"""Archival dates as EDTF (Library of Congress Extended Date/Time Format, ISO 8601-2:2019).

``day_bounds`` gives the earliest and latest possible day of an EDTF value (via the ``edtf``
library); ``display_date`` the form result lists use ("December 22, 1949", "December 1949",
"1949", "Undated"). A year-only or month-only date is never narrowed to a day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from edtf import EDTFParseException, parse_edtf, struct_time_to_date

from legation.records.document_record import RecordError

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def _calendar_bounds(edtf: str) -> tuple[dt.date, dt.date] | None:
    """Bounds of a plain ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (EDTF level 0, the common case)
    straight from the calendar; ``None`` for anything else. The edtf library's grammar costs
    ~20 ms a call, which would dominate ingest of a large archive."""
    try:
        if m := _DAY.match(edtf):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(edtf):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if m := _YEAR.match(edtf):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError as exc:  # month 13, February 30, year 0000
        raise RecordError(f"date {edtf!r} is not a real calendar date") from exc
    return None


def day_bounds(edtf: str) -> tuple[dt.date, dt.date]:
    """Earliest and latest possible day of an EDTF string, e.g. ``"1949-12"`` →
    (1949-12-01, 1949-12-31). Raises :class:`RecordError` when the string is not valid EDTF."""
    if (bounds := _calendar_bounds(edtf)) is not None:
        return bounds
    bounds = _library_bounds(edtf)
    if bounds is None:
        raise RecordError(f"date {edtf!r} is not EDTF (e.g. 1949-12-22, 1949-12, 1950~, 1949-12/1950-01)")
    return bounds


@lru_cache(maxsize=4096)
def _library_bounds(edtf: str) -> tuple[dt.date, dt.date] | None:
    """Bounds from the edtf library, or None when it rejects the string. Rejections are cached
    too: importers try one odd date form many times, and a parse costs tens of milliseconds."""
    try:
        parsed = parse_edtf(edtf)
        return struct_time_to_date(parsed.lower_strict()), struct_time_to_date(parsed.upper_strict())
    except (EDTFParseException, ValueError, TypeError, AttributeError):
        return None


def edtf_from_iso(value: str) -> str:
    """EDTF for an ISO 8601 date or date-time as TEI ``@when`` writes it: the time is dropped,
    the precision kept (``"1949-01-14T14:00:00"`` → ``"1949-01-14"``, ``"1949-12"`` → ``"1949-12"``).
    Returns ``""`` when the value is not such a date."""
    value = value.strip()
    date_part = value.split("T", 1)[0]
    for pattern in (_DAY, _MONTH, _YEAR):
        if pattern.match(date_part):
            try:
                day_bounds(date_part)
            except RecordError:
                return ""
            return date_part
    return ""


def _one(edtf: str) -> str:
    qualifier = ""
    if edtf.endswith(("?", "~", "%")):
        qualifier = {"?": "?", "~": " (approximate)", "%": "? (approximate)"}[edtf[-1]]
        edtf = edtf[:-1]
    if m := _DAY.match(edtf):
        text = f"{MONTHS[int(m[2]) - 1]} {int(m[3])}, {int(m[1])}"
    elif m := _MONTH.match(edtf):
        text = f"{MONTHS[int(m[2]) - 1]} {int(m[1])}"
    elif m := _YEAR.match(edtf):
        text = str(int(m[1]))
    elif re.match(r"^\d{3}X$", edtf):
        text = f"{edtf[:3]}0s"
    else:
        return edtf
    return text + qualifier


def display_date(edtf: str) -> str:
    """The date as result lists show it: ``"1949-12-22"`` → ``"December 22, 1949"``,
    ``"1949-12"`` → ``"December 1949"``, ``"1949"`` → ``"1949"``, ``""`` → ``"Undated"``,
    intervals ``"a/b"`` → ``"a – b"``; uncertain (``?``) and approximate (``~``) dates say so."""
    if not edtf:
        return "Undated"
    if "/" in edtf:
        start, end = edtf.split("/", 1)
        return f"{_one(start) if start not in ('', '..') else '…'} – {_one(end) if end not in ('', '..') else '…'}"
    return _one(edtf)


def parse_date_bound(text: str, *, end: bool) -> dt.date:
    """A user's date-range bound as a day: ``"1949"``, ``"1949-12"`` or ``"1949-12-22"``.

    A year or month stands for its first day as a start bound (``end=False``) and its last day as
    an end bound (``end=True``), so ``1949..1949`` covers the whole year. Raises ValueError with a
    message saying which forms are accepted.
    """
    value = text.strip()
    if not (_DAY.match(value) or _MONTH.match(value) or _YEAR.match(value)) or value.startswith("-"):
        raise ValueError(f"{text!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1949-12")
    try:
        earliest, latest = day_bounds(value)
    except RecordError as exc:
        raise ValueError(f"{text!r} is not a real date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1949-12") from exc
    return latest if end else earliest
