"""Archival dates as EDTF (Library of Congress Extended Date/Time Format, ISO 8601-2:2019).

``day_bounds`` gives the earliest and latest possible day of an EDTF value (via the ``edtf``
library); ``display_date`` the form result lists use ("December 22, 1949", "December 1949",
"1949", "Spring 1950", "44 BCE", "Undated"). A year-only or month-only date is never narrowed to a
day.

Seasons and other sub-year groupings (EDTF level 1 ``1950-21`` … ``1950-24``, level 2 ``-25`` …
``-41``) take their months from the ``edtf`` library (spring March–May, summer June–August,
autumn September–November, as in the northern hemisphere, for 21–23 as for 25–27), except the
seasons that run over the turn of the year, which the library cuts to December: a winter ``24``,
``28`` and a southern summer ``30`` of 1950 may be January–February 1950 or December 1950 to
February 1951, so they span 1950-01-01 to 1951-02-28.

Years before 1 (EDTF ``-0043`` is 44 BCE, ``0000`` is 1 BCE: astronomical year numbering, ISO
8601-1:2019 §4.3.2) and after 9999 are valid EDTF but no calendar day Python or the record store
can hold: :func:`edtf_day_bounds` gives None for them, and such a document keeps its date as
written and as EDTF but counts as undated in date filters and the histogram.

**Open and unknown ends count as the known end alone.** EDTF 2019 Level 1 "Extended Interval"
writes an interval end that is unknown as an empty string (``/1541-07-18``, ``1541-09-26/``) and
one that is open, "not specified, either because there is none or for any other reason", as
``..`` (``../1541-07-18``, ``1541-09-26/..``); Level 2 sets may be open the same way
(``[..1547]``, "1547 or earlier"). The spec gives such an end no day, and the ``edtf`` library
puts an unknown end ten years away (its ``DELTA_IF_UNKNOWN``) and an open one at infinity. An
archive must not invent either: a letter dated "kurz vor Juli 18" (``/1541-07-18``) would match any
search of the decade before. So :func:`edtf_day_bounds` gives such a value the earliest and latest
day of its known end (``/1541-07-18`` → 1541-07-18 to 1541-07-18, ``1552-01/`` → 1552-01-01 to
1552-01-31, ``[..1547,1550]`` → 1547-01-01 to 1550-12-31): it matches a date range, sorts and
counts in the year histogram by what the source knows, and the page still shows it open
(``… – July 18, 1541``, ``1547 or earlier``). An interval open at both ends names no day and is
refused.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from edtf import EDTFParseException, parse_edtf, struct_time_to_date
from edtf.appsettings import SEASON_L2_MONTHS_RANGE

from legation.printable import quoted
from legation.records.document_record import RecordError

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_SIGNED = re.compile(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")  # a year, month or day, BCE too
SEASONS = {
    21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter",
    25: "Spring (northern hemisphere)", 26: "Summer (northern hemisphere)", 27: "Autumn (northern hemisphere)",
    28: "Winter (northern hemisphere)", 29: "Spring (southern hemisphere)", 30: "Summer (southern hemisphere)",
    31: "Autumn (southern hemisphere)", 32: "Winter (southern hemisphere)",
    33: "First quarter", 34: "Second quarter", 35: "Third quarter", 36: "Fourth quarter",
    37: "First quadrimester", 38: "Second quadrimester", 39: "Third quadrimester",
    40: "First semester", 41: "Second semester",
}  # fmt: skip  # EDTF / ISO 8601-2:2019 sub-year groupings
_TURN_OF_YEAR = frozenset({24, 28, 30})  # winter, northern winter, southern summer


def _calendar_bounds(edtf: str) -> tuple[dt.date, dt.date] | None:
    """Bounds of a plain ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (EDTF level 0, the common case)
    straight from the calendar, and of a season ``YYYY-21`` … ``YYYY-41``; ``None`` for anything
    else, year 0 included (no Python date). The edtf library's grammar costs ~20 ms a call, which
    would dominate ingest of a large archive."""
    if edtf.startswith("0000"):
        return None
    try:
        if m := _DAY.match(edtf):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _MONTH.match(edtf):
            year, month = int(m[1]), int(m[2])
            if month in SEASONS:
                return _season_bounds(year, month)
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if m := _YEAR.match(edtf):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError as exc:  # month 13, February 30, a season 42
        raise RecordError(f"date {edtf!r} is not a real calendar date") from exc
    return None


def _season_bounds(year: int, code: int) -> tuple[dt.date, dt.date]:
    """First and last day of a season or other sub-year grouping (see the module docstring);
    a season over the turn of the year spans from January of ``year`` to February of the next."""
    if code in _TURN_OF_YEAR:
        return dt.date(year, 1, 1), dt.date(year + 1, 3, 1) - dt.timedelta(days=1)
    first, last = SEASON_L2_MONTHS_RANGE[code]
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def day_bounds(edtf: str) -> tuple[dt.date, dt.date]:
    """Earliest and latest possible day of an EDTF string, e.g. ``"1949-12"`` →
    (1949-12-01, 1949-12-31). Raises :class:`RecordError` when the string is not valid EDTF, or
    is EDTF whose days lie outside the years 1–9999 (``-0043``, see :func:`edtf_day_bounds`)."""
    bounds = edtf_day_bounds(edtf)
    if bounds is None:
        raise RecordError(f"date {edtf!r} lies outside the years 1–9999 that date filters cover")
    return bounds


def lies_within(inner: tuple[dt.date, dt.date] | None, outer: tuple[dt.date, dt.date] | None) -> bool:
    """Whether the days ``inner`` (first, last; :func:`edtf_day_bounds`) lie within the days
    ``outer``; False when either is None (no days to compare, as before the year 1). The rule by
    which a date as written made less precise keeps the EDTF date beside it ("November 1949" beside
    1949-11-12), in ingest (:func:`legation.ingest.dates.edtf_left_behind`) and in the admin alike."""
    return inner is not None and outer is not None and outer[0] <= inner[0] <= inner[1] <= outer[1]


def edtf_day_bounds(edtf: str) -> tuple[dt.date, dt.date] | None:
    """Earliest and latest possible day of an EDTF string, as :func:`day_bounds`, or None when
    the string is valid EDTF but a bound falls outside the years 1–9999 (BCE, year 0, beyond
    9999: ``"-0043-03-15"``, ``"0000"``, ``"-0049/-0043"``). A value with an open or unknown end
    gives the days of its known end (``"/1541-07-18"`` → (1541-07-18, 1541-07-18); see the module
    docstring). Raises :class:`RecordError` when the string is not EDTF, names a day no calendar
    has (``"-0043-02-29"``) or has no known end (``"../.."``)."""
    if (bounds := _calendar_bounds(edtf)) is not None:
        return bounds
    if (known := _known_end(edtf)) is not None:
        if known == "" or not _is_edtf(edtf):
            raise RecordError(f"date {edtf!r} is not EDTF with a known end (e.g. /1541-07-18, 1541-09-26/..)")
        return edtf_day_bounds(known)
    bounds = _library_bounds(edtf)
    if bounds is None:
        raise RecordError(f"date {edtf!r} is not EDTF (e.g. 1949-12-22, 1949-12, 1950~, 1949-12/1950-01)")
    if bounds == _BEYOND:
        for part in re.split(r"/|\.\.|,", edtf.strip("[]{}~?%")):
            if (m := _SIGNED.match(part.strip("[]{}~?% "))) and m[3]:
                year, month, day = int(m[1]), int(m[2]), int(m[3])
                if not 1 <= month <= 12 or not 1 <= day <= (29 if month == 2 and calendar.isleap(year) else calendar.mdays[month]):
                    raise RecordError(f"date {edtf!r} is not a real calendar date")
        return None
    if bounds[0] > bounds[1]:  # the edtf library takes "1990/1989" and bounds it backwards
        raise RecordError(f"date {edtf!r} ends before it starts; write the earlier date first ({_reversed(edtf)})")
    return bounds


def _reversed(edtf: str) -> str:
    """An interval written backwards, the right way round: ``"1990/1989"`` → ``"1989/1990"``."""
    start, _, end = edtf.partition("/")
    return f"{end}/{start}" if end else edtf


_OPEN = ("", "..")
_OPEN_SET = re.compile(r"^([\[{])(?:\.\.(?P<after>[^.].*)|(?P<before>.*[^.])\.\.)([\]}])$")


def _known_end(edtf: str) -> str | None:
    """The known part of a value with an open or unknown end (see the module docstring):
    ``"/1541-07-18"``, ``"../1541-07-18"`` → ``"1541-07-18"``; ``"[..1547,1550]"`` →
    ``"[1547,1550]"``; ``"[1760-12..]"`` → ``"1760-12"``; ``""`` when both ends are open
    (``"../.."``); None for any other value."""
    if not edtf.startswith(("[", "{")) and edtf.count("/") == 1:
        start, end = edtf.split("/")
        if start in _OPEN and end in _OPEN:
            return ""
        return end if start in _OPEN else start if end in _OPEN else None
    if m := _OPEN_SET.match(edtf):
        inner = m["after"] or m["before"]
        return inner if "," not in inner and ".." not in inner else f"{edtf[0]}{inner}{edtf[-1]}"
    return None


def open_ends(edtf: str) -> tuple[bool, bool]:
    """Whether the value ``edtf`` is open (or unknown) at its start, and at its end: ``"../1957"``,
    ``"/1957"``, ``"[..1957]"`` (1957 or before) → (True, False); ``"1959/.."``, ``"[1959..]"`` →
    (False, True); ``"../.."`` → (True, True); a value with two known ends, (False, False). Its
    known days are those :func:`edtf_day_bounds` gives (EDTF, ISO 8601-2:2019, levels 1 and 2)."""
    if not edtf.startswith(("[", "{")) and edtf.count("/") == 1:
        start, end = edtf.split("/")
        return start in _OPEN, end in _OPEN
    if m := _OPEN_SET.match(edtf):
        return m["after"] is not None, m["before"] is not None
    return False, False


@lru_cache(maxsize=1024)
def _is_edtf(edtf: str) -> bool:
    """Whether the edtf library's grammar reads ``edtf`` (whatever its bounds)."""
    try:
        parse_edtf(edtf)
    except (EDTFParseException, ValueError, TypeError, AttributeError):
        return False
    return True


_BEYOND = (dt.date.min, dt.date.min)  # what _library_bounds gives for valid EDTF beyond the years 1–9999


@lru_cache(maxsize=4096)
def _library_bounds(edtf: str) -> tuple[dt.date, dt.date] | None:
    """Bounds from the edtf library, :data:`_BEYOND` for valid EDTF whose bounds Python's dates
    cannot hold, or None when it rejects the string. Rejections are cached too: importers try
    one odd date form many times, and a parse costs tens of milliseconds. Seasons over the turn
    of the year in intervals and sets keep the library's months (see the module docstring)."""
    try:
        parsed = parse_edtf(edtf)
        lower, upper = parsed.lower_strict(), parsed.upper_strict()
    except (EDTFParseException, ValueError, TypeError, AttributeError):
        return None
    try:
        return struct_time_to_date(lower), struct_time_to_date(upper)
    except (ValueError, OverflowError):  # year -43, 0 or 12000: valid EDTF, no Python date
        return _BEYOND
    except TypeError:  # an open end the library bounds by infinity, in a form _known_end does not take
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


def _year(value: str) -> str:
    """An EDTF year as written for readers: ``"1950"`` → ``"1950"``, ``"0800"`` → ``"800"``,
    ``"0000"`` → ``"1 BCE"``, ``"-0043"`` → ``"44 BCE"`` (astronomical year numbering)."""
    year = int(value)
    return str(year) if year > 0 else f"{1 - year} BCE"


def _one(edtf: str) -> str:
    qualifier = ""
    if edtf.endswith(("?", "~", "%")):
        qualifier = {"?": "?", "~": " (approximate)", "%": "? (approximate)"}[edtf[-1]]
        edtf = edtf[:-1]
    if month := re.fullmatch(r"(-?\d{4})-\?(\d{2})", edtf):  # "1950-?05": the month alone uncertain (EDTF level 2)
        return f"{MONTHS[int(month[2]) - 1]}? {_year(month[1])}{qualifier}"
    if day := re.fullmatch(r"(-?\d{4})-(\d{2})-\?(\d{2})", edtf):  # "1956-08-?27": the day alone uncertain
        return f"{MONTHS[int(day[2]) - 1]} {int(day[3])}?, {_year(day[1])}{qualifier}"
    m = _SIGNED.match(edtf)
    if m and m[3]:
        text = f"{MONTHS[int(m[2]) - 1]} {int(m[3])}, {_year(m[1])}"
    elif m and m[2] and int(m[2]) in SEASONS:
        text = f"{SEASONS[int(m[2])]} {_year(m[1])}"
    elif m and m[2]:
        text = f"{MONTHS[int(m[2]) - 1]} {_year(m[1])}"
    elif m:
        text = _year(m[1])
    elif re.match(r"^\d{3}X$", edtf):
        text = f"{edtf[:3]}0s"
    elif re.match(r"^\d{2}XX$", edtf) and edtf != "00XX":  # "18XX": the years 1800–1899, as "19th century" is read
        text = f"{_ordinal(int(edtf[:2]) + 1)} century"
    else:
        return edtf
    return text + qualifier


def _ordinal(number: int) -> str:
    """``1`` → ``"1st"``, ``2`` → ``"2nd"``, ``11`` → ``"11th"``, ``21`` → ``"21st"``."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _set(edtf: str) -> str:
    """An EDTF set in words (EDTF 2019 Level 2 "Set representation"): one of a set ``[a,b]`` →
    ``"a or b"``, all of ``{a,b}`` → ``"a and b"``, three or more ``"a, b or c"``; a range inside
    ``a..b`` → ``"a – b"``, an open start ``[..a]`` → ``"a or earlier"``, an open end ``[a..]`` →
    ``"a or later"``."""
    joiner = " or " if edtf[0] == "[" else " and "
    items = []
    for item in edtf[1:-1].split(","):
        item = item.strip()
        if item.startswith(".."):
            items.append(f"{_one(item[2:])} or earlier")
        elif item.endswith(".."):
            items.append(f"{_one(item[:-2])} or later")
        elif ".." in item:
            first, last = item.split("..", 1)
            items.append(f"{_one(first)} – {_one(last)}")
        else:
            items.append(_one(item))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + joiner + items[-1]


def display_date(edtf: str) -> str:
    """The date as result lists and pages show it: ``"1949-12-22"`` → ``"December 22, 1949"``,
    ``"1949-12"`` → ``"December 1949"``, ``"1949"`` → ``"1949"``, ``"1950-21"`` → ``"Spring
    1950"``, ``"195X"`` → ``"1950s"``, ``"18XX"`` → ``"19th century"`` (EDTF level 1 unspecified
    digits: the years 1800–1899), ``"-0043-03-15"`` → ``"March 15, 44 BCE"``, ``""`` →
    ``"Undated"``, intervals ``"a/b"`` → ``"a – b"`` (an open or unknown end ``…``), sets ``"[1547,1548]"`` → ``"1547 or
    1548"`` and ``"{a,b}"`` → ``"a and b"`` (see :func:`_set`); uncertain (``?``) and approximate
    (``~``) dates say so, a month or day alone uncertain too (``"1950-?05"`` → ``"May? 1950"``,
    ``"1956-08-?27"`` → ``"August 27?, 1956"``, EDTF 2019 level 2 "Qualification")."""
    if not edtf:
        return "Undated"
    if edtf[0] in "[{" and edtf[-1] in "]}" and len(edtf) > 2:
        return _set(edtf)
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
        raise ValueError(f"{quoted(text)} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1949-12")
    try:
        earliest, latest = day_bounds(value)
    except RecordError as exc:
        raise ValueError(f"{quoted(text)} is not a real date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1949-12") from exc
    return latest if end else earliest
