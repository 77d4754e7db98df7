"""Dates as archives write them → EDTF (Library of Congress Extended Date/Time Format, ISO 8601-2:2019).

:func:`parse_archival_date` reads the forms found in finding aids, editions and metadata tables
(the corpora of ``../shared/data``: FRUS, Dodis, QhoD, the Moritz letters CSV, DFAT, the Korean
presidential speeches) and returns the EDTF value with the verbatim text::

    "1950"                         → "1950"
    "December 1949", "Dezember 1949", "décembre 1949"  → "1949-12"
    "22 Dec. 1949", "December 22, 1949", "22.XII.1949", "22.12.1949", "1533 Januar 6",
    "1963.12.17" (Korean archives)  → "1949-12-22" …
    "21. Januarii 1720", "6. Merzen 1720" (QhoD: Latin and older German genitives), "3 марта 1950 г.",
    "3 marca 1950 r.", "1 de mayo de 1950", "19 Mart 1920" (Russian, Polish, Spanish, Portuguese,
    Turkish month names)           → "1720-01-21" …; a Turkish month with a year 1256–1342 ("16
                                   Mart 1336") is a Rumi (Ottoman fiscal) date: flagged, not read
    "1950年3月3日", "1950년 3월 3일", "1950. 3. 3."  → "1950-03-03"; "1950年3月" → "1950-03"
    "1950-01-?"                    → "1950-01-XX" (day unknown, month kept)
    "ca. 1950", "um 1950", "vers 1950"  → "1950~"        "[1950?]", "1950 (?)" → "1950?"
    "195X", "1950s"                → "195X"
    "1743/44"                      → "1743/1744"
    "1949-12-22/1950-02-14", "December 1949 – January 1950", "22–25 December 1949",
    "1552 September 26/Oktober 8", "July 30/31, 1957", "June 7–12, 1965"
                                   → intervals "a/b" (each side keeps its own precision)
    "10/21 April 1720", "1720-04-10/21", "March 3/16, 1917", "Feb. 28/March 13, 1917"
                                   → "1720-04-21", "1917-03-16", "1917-03-13": Old Style / New Style
                                   dual dates give the New Style (Gregorian) day, when the second day
                                   is the first's Gregorian day (1582–1923); other pairs stay intervals
    "before 1 May 1950", "vor Mai 1950", "after 1950", "not after 1 May 1950", "avant le 1er mai 1950"
                                   → "[..1950-04-30]", "[..1950-04]", "[1951..]", "[..1950-05-01]" (EDTF
                                   2019 Level 2 sets open at one end: one day on or before / after;
                                   "before" and "after" exclude the date named, see _bounded)
    "Spring 1950", "Frühjahr 1950", "hiver 1950"  → "1950-21" … "1950-24" (EDTF seasons; their
                                   months: legation.records.dates)
    "44 BC", "44 B.C.", "44 BCE", "753 v. Chr."  → "-0043", "-0752" (astronomical year numbering:
                                   1 BC is "0000"); "15 March 44 BC" → "-0043-03-15"; "50–44 BC"
                                   → "-0049/-0043"; "AD 800", "800 CE" → "0800". Such dates keep
                                   no earliest/latest day (Python's dates start at year 1)
    EDTF as written ("1533-01-06", "/1541-07-18", "[1553-07-15,1553-07-19]", "1547-06-08?",
    "1950-21", "-0043")
                                   → kept as is; "1541-07-18/?" (EDTF draft "unknown end")
                                   → "1541-07-18/"
    "1950-02-14T10:00", "1950-02-14 10:00:00Z", "1950-02-14T10:00+01:00"  → "1950-02-14" (ISO 8601
                                   date-times, as spreadsheets and TEI @when write them: the day
                                   is kept, the time dropped)
    "undated", "n.d.", "o. D.", "s.d.", "sans date", ""  → "" (undated, not flagged)

Rules: the text is kept verbatim; precision is never invented (a year stays a year, a month a
month); square brackets (an editor's supplied date) are dropped from the value; a string that is
not understood gives ``edtf=""`` and ``flagged=True`` so the record still loads and a curator can
find it, and so does a date in a year to come ("2150": a typo in an archive of what has happened;
``future`` says so, and ingest lists it apart). Every EDTF value returned is checked with the
``edtf`` library through :func:`legation.records.dates.edtf_day_bounds` (which also gives the
earliest/latest day). What the library cannot read is not guessed at: "Spring 1950?" (a qualified season) is flagged.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from legation.records.dates import day_bounds, edtf_day_bounds, edtf_from_iso
from legation.records.document_record import RecordError


@dataclass(frozen=True)
class ParsedDate:
    """The result of :func:`parse_archival_date`.

    ``edtf``: the EDTF value, ``""`` when undated or not understood; ``flagged``: True when the
    text names a date that could not be read, or one in a year to come (a curator should look);
    ``text``: the date exactly as given (surrounding whitespace removed); ``future``: True when
    the date was read but lies in a year to come (then ``flagged`` too, ``edtf`` ``""``), so that
    the ingest report can say so rather than that it could not be read.
    """

    edtf: str
    flagged: bool
    text: str
    future: bool = False


_MONTH_NAMES: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janner jänner janvier janv gennaio ianuarius januarii ianuarii enero janeiro"
        " styczeń stycznia styczen ocak январь января янв",
        "february feb febr februar feber fevrier février fevr févr febbraio februarii febrero fevereiro"
        " luty lutego şubat subat февраль февраля фев февр",
        "march mar marz märz maerz mars marzo martii merzen março marco marzec marca mart март марта мар",
        "april apr avril avr aprile aprill aprilis abril kwiecień kwietnia kwiecien nisan апрель апреля апр",
        "may mai maggio maii mayo maio maj maja mayıs mayis май мая",
        "june jun juni juin giugno junii iunii juny junio junho czerwiec czerwca haziran июнь июня июн",
        "july jul juli juillet juil luglio julii iulii julio julho lipiec lipca temmuz июль июля июл",
        "august aug aout août agosto augusti sierpień sierpnia sierpien ağustos agustos август августа авг",
        "september sep sept settembre septembre septembris septiembre setiembre setembro wrzesień września"
        " wrzesien wrzesnia eylül eylul сентябрь сентября сен сент",
        "october oct okt oktober octobre ottobre octobris octubre outubro październik października pazdziernik"
        " pazdziernika ekim октябрь октября окт",
        "november nov novembre novembris noviembre novembro listopad listopada kasım kasim ноябрь ноября ноя нояб",
        "december dec dez dezember decembre décembre dicembre decembris dezembris diciembre dezembro grudzień"
        " grudnia grudzien aralık aralik декабрь декабря дек",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTH_NAMES[_name] = _number
_TURKISH = frozenset("ocak şubat subat mart nisan mayıs mayis haziran temmuz ağustos agustos eylül eylul ekim kasım kasim aralık aralik".split())
_RUMI_YEARS = range(1256, 1343)  # Rumi (Ottoman fiscal) years 1256–1342 are 1840–1926: "16 Mart 1336" is 16 March 1920
_ROMAN = {r: i for i, r in enumerate("I II III IV V VI VII VIII IX X XI XII".split(), start=1)}
_UNDATED = re.compile(
    r"^\[?\s*(?:undated|no date|n\.\s?d\.?|s\.\s?d\.?|o\.\s?d\.?|o\.\s?j\.?|sans date|ohne datum|undatiert|sine dato|s\.\s?f\.?|nd)\s*\]?\.?$",  # "undated." as FRUS writes it once
    re.I,
)
_SEASON_NAMES: dict[str, int] = {
    name: code
    for code, names in (
        (21, "spring frühjahr frühling printemps primavera"),
        (22, "summer sommer été ete estate verano"),
        (23, "autumn fall herbst automne autunno otoño otono"),
        (24, "winter hiver inverno invierno"),
    )
    for name in names.split()
}  # EDTF level 1 seasons: 21 spring … 24 winter
_SEASON = re.compile(r"^(\w+)\s+(?:of\s+|de\s+|del\s+)?(\d{4})$")
_BCE = re.compile(
    r"^(?P<date>.*?\d)\s*(?:B\.?\s?C\.?(?:\s?E\.?)?|v\.\s?Chr\.?|vor Christus|av\.\s?J\.?\s?-?\s?C\.?|a\.\s?C\.?)$", re.I
)
_CE = re.compile(r"^(?:A\.?\s?D\.?\s+(?P<after>\d.*)|(?P<before>.*?\d)\s*(?:A\.?\s?D\.?|C\.?\s?E\.?|n\.\s?Chr\.?|d\.\s?C\.?))$", re.I)
_APPROX = re.compile(r"^(?:ca\.?|c\.|circa|approx\.?|about|around|um|etwa|vers|env\.?|environ)\s*", re.I)
_APPROX_INSIDE = re.compile(r"\s(?:um|ca\.|circa|vers|about)\s+(?=\d)", re.I)
_FILLERS = {"the", "of", "le", "den", "am", "de", "del", "der", "on", "г", "год", "года", "r", "roku"}  # 1950 г., 1950 r.
_BETWEEN = re.compile(r"\b(?:zwischen|between|entre)\s+(.+?)\s+(?:und|and|et)\s+", re.I)
_DATE_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](?:[01]\d|2[0-4]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$")
_BOUND_WORDS = {
    "<": "before, prior to, shortly before, sometime before, vor, kurz vor, avant, peu avant, ante",
    ">": "after, shortly after, sometime after, nach, kurz nach, bald nach, après, peu après, post",
    "<=": "not after, on or before, no later than, not later than, nicht nach, spätestens, pas après, au plus tard, non post",
    ">=": "not before, on or after, no earlier than, not earlier than, nicht vor, frühestens, pas avant, au plus tôt, non ante",
}  # fmt: skip
_BOUND_SIDE = {words: side for side, all_words in _BOUND_WORDS.items() for words in all_words.split(", ")}
_BOUND = re.compile(
    r"^(?P<words>" + "|".join(w.replace(" ", r"\s+") for w in sorted(_BOUND_SIDE, key=len, reverse=True)) + r")\s+(?P<date>.+)$", re.I
)
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_RANGE_SPLIT = re.compile(r"\s*(?:–|—|\s-\s|\bto\b|\bbis\b|\bau\b|/)\s*")


def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def _try_edtf(value: str) -> str:
    """``value`` when the edtf library accepts it (and gives bounds), else ``""``."""
    if not value or not re.fullmatch(r"[0-9XY\-/.,\[\]{}?~%:+]+", value) or not re.search(r"\d{4}|\d{2}X|\dXX", value):
        return ""
    if re.search(r"\d\.\d", value):  # 1963.12.17: EDTF has ".." (sets) but never one dot between digits
        return ""
    try:
        edtf_day_bounds(value)  # None (no error) for a valid date before year 1
    except (RecordError, Exception):  # the edtf library raises assorted errors on odd input
        return ""
    return value


def _components(part: str) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of one date without qualifiers, each possibly missing; None when a
    token is not understood."""
    part = part.strip().strip(",")
    if not part:
        return None
    if m := re.fullmatch(r"(\d{4})\.\s?(\d{1,2})(?:\.\s?(\d{1,2}))?\.?", part):  # 1963.12.17, 1981.12, 1950. 3. 3.
        return int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    if m := re.fullmatch(r"(\d{4})\s?[年년](?:\s?(\d{1,2})\s?[月월](?:\s?(\d{1,2})\s?[日일])?)?", part):  # 1950年3月3日, 1950년 3월 3일
        return int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None
    if m := re.fullmatch(r"(\d{1,2})\.\s?(\d{1,2}|[IVX]{1,4})\.\s?(\d{4})", part):  # 22.12.1949, 22.XII.1949
        month = _ROMAN.get(m[2]) if not m[2].isdigit() else int(m[2])
        return (int(m[3]), month, int(m[1])) if month else None
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", part):  # 31/12/1950 (day first) or 12/31/1950 (month first)
        first, second = int(m[1]), int(m[2])
        if first > 12 >= second:
            return int(m[3]), second, first
        if second > 12 >= first:
            return int(m[3]), first, second
        return None  # 05/06/1950: 5 June or May 6 — not guessed
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
            if month is not None or (low in _TURKISH and any(int(t) in _RUMI_YEARS for t in re.findall(r"\d{4}", part))):
                return None  # a Turkish month with a Rumi year is not read as a year of the common era
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


def _era(text: str) -> str:
    """EDTF of a date with its era: ``"44 BC"`` → ``"-0043"`` (astronomical year numbering, as
    EDTF and ISO 8601-1 §4.3.2 count: 1 BC is year 0000), ``"15 March 44 B.C."`` →
    ``"-0043-03-15"``, ``"ca. 50 BCE"`` → ``"-0049~"``, ``"50–44 v. Chr."`` → ``"-0049/-0043"``,
    ``"AD 800"``, ``"800 CE"`` → ``"0800"``; ``""`` when ``text`` names no era or is not such a
    date. The year is the last number (one to four digits); days are checked against the
    proleptic Gregorian calendar, as every EDTF date is."""
    qualifier = ""
    if m := _APPROX.match(text):
        qualifier, text = "~", text[m.end():]
    if m := _BCE.match(text):
        date, sign = m["date"], -1
    elif m := _CE.match(text):
        date, sign = m["after"] or m["before"], 1
    else:
        return ""

    def year(n: str) -> str:
        value = int(n) if sign > 0 else 1 - int(n)
        return f"{value:05d}" if value < 0 else f"{value:04d}"

    if r := re.fullmatch(r"(\d{1,4})\s*(?:–|—|-|/|\bto\b|\bbis\b)\s*(\d{1,4})", date.strip()):  # 50–44 BC
        first, last = year(r[1]), year(r[2])
        return _try_edtf(f"{first}{qualifier}/{last}{qualifier}") if int(first) <= int(last) else ""
    numbers = list(re.finditer(r"\b\d{1,4}\b", date))
    if not numbers or int(numbers[-1][0]) == 0:
        return ""
    n = numbers[-1]
    parts = _components(date[: n.start()] + f"{int(n[0]):04d}" + date[n.end():])
    if parts is None or parts[0] is None or (parts[2] is not None and parts[1] is None):
        return ""
    _, month, day = parts
    value = year(n[0]) + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")
    return _try_edtf(value + qualifier)


def _simple(part: str) -> str:
    """EDTF of one date (no interval) with its qualifiers, or ``""``."""
    part = part.strip()
    if edtf := _era(part):
        return edtf
    if (m := _SEASON.match(part)) and m[1].lower() in _SEASON_NAMES:  # "Spring 1950" → 1950-21
        return _try_edtf(f"{m[2]}-{_SEASON_NAMES[m[1].lower()]}")
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
    its year (or month) borrowing it from the other ("22–25 December 1949", "July 30/31, 1957",
    "1552 September 26/Oktober 8"), or two years joined by a hyphen ("1950-1951": never a month);
    a day pair written with a slash that is an Old Style / New Style dual date ("10/21 April 1720")
    is its New Style day (see :func:`_new_style`); ``""`` when not an interval."""
    if (m := re.fullmatch(r"(\d{4})-(\d{4})", text)) and int(m[2]) > int(m[1]):
        return _try_edtf(f"{m[1]}/{m[2]}")
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})/(\d{1,2})", text):  # 1720-04-10/21: the day pair of one month
        first, second = (int(m[1]), int(m[2]), int(m[3])), (int(m[1]), int(m[2]), int(m[4]))
        a, b = _edtf_of(*first), _edtf_of(*second)
        return _new_style(first, second) or (_try_edtf(f"{a}/{b}") if a and b and a < b else "")
    if not (separator := _RANGE_SPLIT.search(text)):
        return ""
    left, right = text[: separator.start()].strip(), text[separator.end():].strip()
    slash = "/" in separator[0]
    if re.fullmatch(r"\d{4}", left) and re.fullmatch(r"\d{1,2}", right):  # 1743/44, 1743/4
        end = left[: 4 - len(right)] + right
        return _try_edtf(f"{left}/{end}") if int(end) > int(left) else ""
    a, b = _simple(left), _simple(right)
    if a and b:
        if slash and (da := _DAY.fullmatch(a)) and (db := _DAY.fullmatch(b)):
            if new := _new_style((int(da[1]), int(da[2]), int(da[3])), (int(db[1]), int(db[2]), int(db[3]))):
                return new
        return _try_edtf(f"{a}/{b}")
    ca, cb = _components(left.strip("[]")), _components(right.strip("[]"))
    if ca is None or cb is None:
        return ""
    (ya, ma, da), (yb, mb, db) = ca, cb
    if ya is None and ma is not None and (mb, db) == (None, None):  # "12. Juny / 1719" (QhoD): one date over a line's end
        return _edtf_of(yb, ma, da)
    year_after_day = ya is not None and yb is None and mb is None  # "10 February 1720/21": 21 may be a year
    ya, yb = ya if ya is not None else yb, yb if yb is not None else ya
    ma = ma if ma is not None or da is None else mb
    mb = mb if mb is not None or db is None else ma
    if slash and not year_after_day and None not in (ya, ma, da, yb, mb, db) and (new := _new_style((ya, ma, da), (yb, mb, db))):
        return new
    a, b = _edtf_of(ya, ma, da), _edtf_of(yb, mb, db)
    return _try_edtf(f"{a}/{b}") if a and b and day_bounds(a)[0] <= day_bounds(b)[1] else ""


_GREGORIAN_DUAL = (dt.date(1582, 10, 15), dt.date(1923, 12, 31))  # the first Gregorian day; Greece, last to change, in 1923


def _gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a Julian calendar date (through its Julian day number), None when the
    Julian calendar has no such day; Julian 1700-02-29, which Gregorian calendars lack, is 1700-03-11."""
    if not 1 <= month <= 12 or not 1 <= day <= (29 if month == 2 and year % 4 == 0 else calendar.mdays[month]):
        return None
    shift = (14 - month) // 12
    y, m = year + 4800 - shift, month + 12 * shift - 3
    julian_day = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return dt.date.fromordinal(julian_day - 1721425)  # Julian day 1721426 is 1 January 1 (proleptic Gregorian)


def _new_style(old: tuple[int, int, int], new: tuple[int, int, int]) -> str:
    """EDTF of the New Style day of a dual date written "old/new" ("10/21 April 1720", "March 3/16,
    1917", "Feb. 28/March 13, 1917"): ``new`` as ``YYYY-MM-DD`` when it is the Gregorian day of the
    Julian date ``old`` (10 days apart until February 1700, then 11, 12 from March 1800, 13 from March
    1900), between 1582, when the Gregorian calendar began, and 1923, when Greece was the last state
    to adopt it; ``""`` otherwise (the pair is then read as an interval). EDTF dates are Gregorian
    (ISO 8601), so the Old Style day is kept only in the text as written."""
    gregorian = _gregorian(*old)
    if gregorian is None or not _GREGORIAN_DUAL[0] <= gregorian <= _GREGORIAN_DUAL[1] or gregorian.timetuple()[:3] != new:
        return ""
    return gregorian.isoformat()


def _bounded(text: str) -> str:
    """EDTF of a date known only to lie before or after a day, month or year: ``"before 1 May 1950"``
    → ``"[..1950-04-30]"``, ``"not after May 1950"`` → ``"[..1950-05]"``, ``"nach 1950"`` →
    ``"[1951..]"``, ``"pas avant le 2 mai 1950"`` → ``"[1950-05-02..]"``; ``""`` when ``text`` is no
    such date, or the date is qualified, a season, an interval or before year 1.

    A document so dated is one event on a day unknown but for one side: EDTF 2019 Level 2 "Set
    representation" (ISO 8601-2:2019), one of a set open at one end, whose spec example is
    ``[..1760-12-03]``, "December 3, 1760; or some earlier date". That includes the day named, so
    "before" and "after", which exclude it, step one unit of the date's own precision (a day, a
    month, a year) away; "not after", "on or before" keep it. An open interval (``../1950-04-30``,
    Level 1) would say the document spans a time, not that it falls on one day of it. Such a set
    counts as its known end alone in date filters (see :mod:`legation.records.dates`): "before 1
    May 1950" is found on April 30, 1950."""
    if not (m := _BOUND.match(text)):
        return ""
    side = _BOUND_SIDE[re.sub(r"\s+", " ", m["words"].lower())]
    date = _simple(m["date"])
    if not (d := re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", date)) or int(d[1]) == 0 or int(d[2] or 1) > 12:
        return ""
    if side in ("<", ">"):
        step = -1 if side == "<" else 1
        year, month, day = int(d[1]), int(d[2] or 0), int(d[3] or 0)
        try:
            if day:
                date = (dt.date(year, month, day) + dt.timedelta(days=step)).isoformat()
            elif month:
                months = year * 12 + month - 1 + step
                date = f"{months // 12:04d}-{months % 12 + 1:02d}"
            else:
                date = f"{year + step:04d}"
        except OverflowError:  # before 1 January 1, after 31 December 9999
            return ""
    return _try_edtf(f"[..{date}]" if side.startswith("<") else f"[{date}..]")


def parse_archival_date(text: str | None) -> ParsedDate:
    """Read a date as an archive writes it; see the module docstring for the forms understood.

    Returns ``ParsedDate(edtf, flagged, text)``: ``edtf`` a valid EDTF string or ``""``;
    ``flagged`` True when ``text`` is a date that could not be read, or one after the current year
    (see :func:`_read`); ``text`` the input as given (stripped). Never raises.
    """
    raw = _clean(text or "")
    if not raw or _UNDATED.match(raw):
        return ParsedDate("", False, raw)
    value = raw
    if value.endswith("/?") and (edtf := _try_edtf(value[:-1])):  # EDTF draft "unknown end"
        return _read(edtf, raw)
    if edtf := _try_edtf(value):
        return _read(edtf, raw)
    if (m := _DATE_TIME.match(value)) and (edtf := _try_edtf(m[1])):  # ISO 8601 date-time: the day
        return _read(edtf, raw)
    if re.fullmatch(r"\[[^\[\]]*\]", value) and "," not in value and ".." not in value:
        value = value[1:-1].strip()  # "[1950?]": an editor's supplied date
    value = re.sub(r"^\[(\d{4})\]", r"\1", value)  # "[1552] November 12"
    value = _BETWEEN.sub(r"\1/", value)  # "1547 Juni zwischen 8 und 13" → "1547 Juni 8/13"
    if edtf := _bounded(value) or _era(value) or _simple(value) or _interval(value):
        return _read(edtf, raw)
    return ParsedDate("", True, raw)


def _read(edtf: str, raw: str) -> ParsedDate:
    """``edtf`` read from ``raw``, flagged instead when it lies in a year to come: its earliest day
    after the current year, or its latest after the next ("2150", "1950/2150"; "Winter 2026",
    January 2026 to February 2027, is read in 2026). Archives hold what has happened, so such a
    date is almost certainly a typo ("2150" for "1950"), and a curator should look rather than
    date filters find it; the record still loads, with its date as written."""
    try:
        bounds = edtf_day_bounds(edtf)
    except RecordError:  # read from words that make no date: a range ending before it starts
        return ParsedDate("", True, raw)
    this_year = dt.date.today().year
    if bounds and (bounds[0].year > this_year or bounds[1].year > this_year + 1):
        return ParsedDate("", True, raw, future=True)
    return ParsedDate(edtf, False, raw)


def dated(data: object) -> object:
    """A Legation JSON Lines object (``DocumentRecord.to_dict`` shape) with ``date_edtf`` read from
    ``date_text`` by :func:`parse_archival_date` when the line gives the date as written but no
    ``date_edtf`` key (a hand-written line: ``{"identifier": "x", "title": "…", "date_text": "1950"}``
    → ``date_edtf`` ``"1950"``); a text not understood gives ``""``, which ingest reports as a date
    it could not read. A line with ``date_edtf``, even ``""`` (an export of an undated document), and
    anything not such an object, is returned as given."""
    if isinstance(data, dict) and "date_edtf" not in data and isinstance(text := data.get("date_text"), str) and text.strip():
        return {**data, "date_edtf": parse_archival_date(text).edtf}
    return data


def tei_edtf(date) -> str:
    """EDTF of a TEI ``date``, ``origDate`` or ``origin`` element from its attributes (every TEI
    reader's one rule): ``@when`` (with ``@to``: an interval from it), ``@from``/``@to``,
    ``@notBefore``/``@notAfter``, the time of day dropped; ``""`` when they give no complete valid
    date, an interval ending before it starts (``from="1990" to="1989"``) included."""
    when, end = date.get("when"), date.get("to") or date.get("notAfter")
    if when and not date.get("to"):
        return edtf_from_iso(when)
    start = when or date.get("from") or date.get("notBefore")
    if start and end:
        a, b = edtf_from_iso(start), edtf_from_iso(end)
        if a and b:
            return a if a == b else _try_edtf(f"{a}/{b}")
    return ""
